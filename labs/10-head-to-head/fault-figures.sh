#!/usr/bin/env bash
# The figures of the README's "The same fault, three flows": against a running shop with all three flows
# (./shop run --impl direct,choreography,orchestration), switch a fault on, place N orders per flow, switch the fault
# off after HOLD seconds (0: at the end), wait up to PATIENCE seconds, and print a table per flow. Needs curl and jq.
#   ./fault-figures.sh paydown '{"services":{"PAYMENT":{"down":true}}}' 20 10 90
#   ./fault-figures.sh ship5s '{"services":{"SHIPPING":{"latencyMs":5000}}}' 0 10 150
#   ./fault-figures.sh ship20s '{"services":{"SHIPPING":{"latencyMs":20000}}}' 60 10 150
# usage: fault-figures.sh NAME FAULT_JSON HOLD_SECONDS ORDERS_PER_FLOW PATIENCE_SECONDS   (URL=... for another shop)
set -euo pipefail
URL=${URL:-http://127.0.0.1:7070}
name=$1 fault=$2 hold=$3 n=$4 patience=$5
H=(-H 'Content-Type: application/json')
out=$(mktemp -d)
curl -s -X PUT "$URL/faults" "${H[@]}" -d '{}' >/dev/null
curl -s -X PUT "$URL/faults" "${H[@]}" -d "$fault" >/dev/null
start=$(date +%s.%N)
declare -A ids
for impl in direct choreography orchestration; do
  ids[$impl]=""
  for i in $(seq 1 "$n"); do
    id="$name-$impl-$i-$RANDOM"
    curl -s -o /dev/null -X POST "$URL/orders" "${H[@]}" -d "{\"id\":\"$id\",\"impl\":\"$impl\",\"customer\":\"fig\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}"
    ids[$impl]="${ids[$impl]} $id"
  done
done
placed=$(date +%s.%N)
echo "# $name: $fault for ${hold}s, $n orders per flow placed in $(echo "$placed - $start" | bc | cut -c1-4)s"
if [ "$hold" -gt 0 ]; then sleep "$hold"; curl -s -X PUT "$URL/faults" "${H[@]}" -d '{}' >/dev/null; echo "# fault off at $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5)s"; fi
deadline=$(( $(date +%s) + patience ))
while :; do
  pending=0
  for impl in direct choreography orchestration; do
    for id in ${ids[$impl]}; do
      s=$(curl -s "$URL/orders/$id" | jq -r .status)
      [ "$s" = PENDING ] && pending=$((pending+1))
    done
  done
  [ $pending -eq 0 ] && break
  [ "$(date +%s)" -ge $deadline ] && break
  sleep 2
done
curl -s -X PUT "$URL/faults" "${H[@]}" -d '{}' >/dev/null
printf "%-14s %9s %8s %8s %11s %-40s %12s %12s\n" impl completed rejected pending compensated reasons "p50 e2e s" "max e2e s"
for impl in direct choreography orchestration; do
  for id in ${ids[$impl]}; do curl -s "$URL/orders/$id"; echo; done > "$out/$name-$impl.jsonl"
  jq -s -r --arg impl "$impl" '
    def ts(x): (x|sub("\\.[0-9]+Z$";"Z")|fromdate) + ((x|capture("\\.(?<f>[0-9]+)Z$")|.f) // "0" | ("0." + .) | tonumber);
    def secs(a;b): ((ts(b) - ts(a)) * 10 | round / 10);
    [.[] | select(.finishedAt != null) | secs(.placedAt; .finishedAt)] as $d
    | ($d|sort) as $s
    | [ $impl,
        ([.[]|select(.status=="COMPLETED")]|length),
        ([.[]|select(.status=="REJECTED")]|length),
        ([.[]|select(.status=="PENDING")]|length),
        ([.[]|select(.compensated==true)]|length),
        ([.[]|select(.reason!=null)|.reason]|group_by(.)|map("\(.[0])x\(length)")|join(",")),
        (if ($s|length)>0 then $s[(($s|length)/2|floor)] else "-" end),
        (if ($s|length)>0 then $s[-1] else "-" end) ] | @tsv' "$out/$name-$impl.jsonl" |
    awk -F'\t' '{printf "%-14s %9s %8s %8s %11s %-40s %12s %12s\n",$1,$2,$3,$4,$5,$6,$7,$8}'
done
echo "# attempts per step and outcome, from /metrics (the shop's counts since it started):"
curl -s "$URL/metrics" | grep -E '^shop_step_duration_seconds_count\{.*step="(refund|charge|book)"' | sed 's/application="shop",//' || true
