#!/usr/bin/env bash
# What a connected console costs the shop, and whether the page stays responsive with 2,000 orders in its list.
# A shop (choreography) on ports of its own, four runs of `./shop load --rate 50 --duration 60s`: without a console,
# with one (PageResponsiveness.java in headless Chromium), without, with. For each: the shop's CPU seconds and those
# of its console-stream thread (from /proc); for the page: its rows, a 50 ms timer's lateness, long tasks, and how
# long a click on an old row takes to draw that order's journey. Linux, with chromium and chromium-driver installed.
#   workshop/app/measure/console-cost.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
jar=workshop/app/target/shop.jar
work=$(mktemp -d)
./mvnw -q -B dependency:build-classpath -pl workshop/app -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp" >/dev/null
cp="$(cat "$work/cp"):workshop/app/target/classes"
java -jar $jar run --impl choreography --port 7173 --kafka-port 19193 --temporal-port 17333 --data "$work/data" \
  --demo-orders 0 > "$work/shop.log" 2>&1 &
shop=$!
trap 'kill $shop 2>/dev/null; wait $shop 2>/dev/null; rm -rf "$work"' EXIT
until grep -q 'Shop ready' "$work/shop.log"; do sleep 1; done
ticks() { awk '{print $14+$15}' /proc/$shop/stat; }
stream() { for t in /proc/$shop/task/*; do if [ "$(cat $t/comm 2>/dev/null)" = console-stream ]; then awk '{print $14+$15}' $t/stat; fi; done \
           | awk '{s+=$1} END {print s+0}'; }
run() { # LABEL CONSOLE(yes|no)
  local before sb start page=""
  before=$(ticks); sb=$(stream); start=$(date +%s.%N)
  if [ "$2" = yes ]; then java -cp "$cp" workshop/app/measure/PageResponsiveness.java http://127.0.0.1:7173 70 > "$work/page-$1" 2>&1 & page=$!; sleep 3; fi
  java -jar $jar load --url http://127.0.0.1:7173 --rate 50 --duration 60s > "$work/load-$1" 2>&1 \
    || echo "  (load exited $?: orders pending or HTTP errors, see its summary)"
  printf '%s console=%s: shop CPU %.1f s over %.0f s, console-stream thread %.2f s; %s\n' "$1" "$2" \
    "$(echo "($(ticks)-$before)/100" | bc -l)" "$(echo "$(date +%s.%N)-$start" | bc -l)" \
    "$(echo "($(stream)-$sb)/100" | bc -l)" "$(grep -A1 '^impl' "$work/load-$1" | tail -1 | tr -s ' ')"
  if [ -n "$page" ]; then wait $page; sed 's/^/    /' "$work/page-$1"; fi
}
run A no; run B yes; run C no; run D yes
