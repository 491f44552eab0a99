#!/usr/bin/env bash
# Renders every deck (slides/*.md with "marp: true") to dist/NAME.html and dist/NAME.pdf, and fails unless
# each PDF has one page per slide. Needs: node + npm (npm ci installs the pinned tools), Debian's chromium,
# pdfinfo (poppler-utils). Works offline once node_modules is there.
# Usage: bash slides/render.sh [--html] [DECK.md ...]   (no deck: every deck)
#   --html   HTML only (no PDF, no pdfinfo needed): what slides/check measures in the browser
# Diagrams are re-drawn only when a deck's Mermaid code (or mermaid.json, or the tools) changed: the SVGs of
# the last run are kept with a key (dist/NAME.diagrams) and reused.
set -euo pipefail
cd "$(dirname "$0")"

pdf=1
if [ "${1:-}" = "--html" ]; then pdf=0; shift; fi

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"   # marp-cli's browser; it adds --no-sandbox as root
command -v "$CHROME_PATH" >/dev/null || { echo "render: no browser at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 1; }
[ $pdf = 0 ] || command -v pdfinfo >/dev/null || { echo "render: no pdfinfo (apt-get install -y poppler-utils)" >&2; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund

# The browser for mermaid-cli: same chromium, from puppeteer.json, with CHROME_PATH applied.
puppeteer_config=$(mktemp)
trap 'rm -f "$puppeteer_config"' EXIT
sed "s#\"/usr/bin/chromium\"#\"$CHROME_PATH\"#" puppeteer.json > "$puppeteer_config"

# Slides as Marp counts them: a "---" line after a blank line, outside code fences and front matter.
count_slides() {
  awk 'NR == 1 && $0 == "---" { front = 1; next }
       front && $0 == "---" { front = 0; next }
       front { next }
       /^[ \t]*(```|~~~)/ { fence = !fence }
       !fence && $0 == "---" && prev_blank { n++ }
       { prev_blank = ($0 ~ /^[ \t]*$/) }
       END { print n + 1 }' "$1"
}

# The deck with each Mermaid fence replaced by its SVG, numbered in order: what mmdc writes, without mmdc.
with_images() {
  awk -v name="$2" '/^[ \t]*```mermaid[ \t]*$/ { diagram = 1; next }
       diagram && /^[ \t]*```[ \t]*$/ { diagram = 0; printf "![diagram](./%s-%d.svg)\n", name, ++n; next }
       !diagram { print }' "$1"
}

# What the diagrams depend on: their code, in order, the Mermaid settings and the tools' versions.
diagrams_key() {
  { awk '/^[ \t]*```mermaid[ \t]*$/ { diagram = 1 } diagram { print } diagram && /^[ \t]*```[ \t]*$/ { diagram = 0 }' "$1"
    cat mermaid.json package-lock.json; } | sha256sum | cut -c1-32
}

decks=("$@")
[ ${#decks[@]} -gt 0 ] || decks=(*.md)
mkdir -p dist
[ -d images ] && cp -r images dist/   # screenshots: a deck says images/NAME.png, from slides/ and from dist/ alike
names=()
for deck in "${decks[@]}"; do
  deck=$(basename "$deck")
  head -n 5 "$deck" | grep -qx 'marp: true' || continue
  name=${deck%.md}
  names+=("$name")
  rm -f "dist/$name.md" "dist/$name.html" "dist/$name.pdf"
  # Mermaid fences become SVG files next to a rewritten copy of the deck; Marp renders that copy.
  key=$(diagrams_key "$deck")
  if [ "$(cat "dist/$name.diagrams" 2>/dev/null)" != "$key" ]; then
    rm -f "dist/$name.diagrams" "dist/$name"-*.svg
    npx --no-install mmdc --quiet -p "$puppeteer_config" -c mermaid.json -b transparent \
        -i "$deck" -o "dist/$name.md" -a dist
    echo "$key" > "dist/$name.diagrams"
  fi
  with_images "$deck" "$name" > "dist/$name.md"
done
[ ${#names[@]} -gt 0 ] || { echo "render: no deck (a slides/*.md with 'marp: true' in its front matter)" >&2; exit 1; }
copies=("${names[@]/#/dist/}"); copies=("${copies[@]/%/.md}")

# One Marp run for every deck: each dist/NAME.md becomes dist/NAME.html (and dist/NAME.pdf).
npx --no-install marp --allow-local-files --theme-set theme.css -- "${copies[@]}"
for name in "${names[@]}"; do
  [ -s "dist/$name.html" ] || { echo "render: Marp wrote no dist/$name.html" >&2; exit 1; }
done
if [ $pdf = 0 ]; then
  for name in "${names[@]}"; do echo "render: $name.md -> dist/$name.html"; done
  exit 0
fi
npx --no-install marp --allow-local-files --theme-set theme.css --pdf --pdf-notes -- "${copies[@]}"
failed=0
for name in "${names[@]}"; do
  expected=$(count_slides "$name.md")
  pages=$(pdfinfo "dist/$name.pdf" | awk '/^Pages:/ { print $2 }')
  if [ "$pages" = "$expected" ]; then
    echo "render: $name.md -> dist/$name.html, dist/$name.pdf ($pages pages)"
  else
    echo "render: $name.md has $expected slides but dist/$name.pdf has ${pages:-no} pages" >&2
    failed=1
  fi
done
exit $failed
