#!/usr/bin/env bash
# Renders every deck (slides/*.md with "marp: true") to dist/NAME.html and dist/NAME.pdf, and fails unless
# each PDF has one page per slide. Needs: node + npm (npm ci installs the pinned tools), Debian's chromium,
# pdfinfo (poppler-utils). Works offline once node_modules is there.
# Usage: bash slides/render.sh [DECK.md ...]   (no argument: every deck)
set -euo pipefail
cd "$(dirname "$0")"

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"   # marp-cli's browser; it adds --no-sandbox as root
command -v "$CHROME_PATH" >/dev/null || { echo "render: no browser at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 1; }
command -v pdfinfo >/dev/null || { echo "render: no pdfinfo (apt-get install -y poppler-utils)" >&2; exit 1; }
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

decks=("$@")
[ ${#decks[@]} -gt 0 ] || decks=(*.md)
mkdir -p dist
failed=0
for deck in "${decks[@]}"; do
  deck=$(basename "$deck")
  head -n 5 "$deck" | grep -qx 'marp: true' || continue
  name=${deck%.md}
  rm -f "dist/$name".*  "dist/$name"-*.svg
  # Mermaid fences become SVG files next to a rewritten copy of the deck; Marp renders that copy.
  npx --no-install mmdc --quiet -p "$puppeteer_config" -c mermaid.json -b transparent \
      -i "$deck" -o "dist/$name.md" -a dist
  npx --no-install marp --allow-local-files "dist/$name.md" -o "dist/$name.html"
  npx --no-install marp --allow-local-files --pdf --pdf-notes "dist/$name.md" -o "dist/$name.pdf"
  expected=$(count_slides "$deck")
  pages=$(pdfinfo "dist/$name.pdf" | awk '/^Pages:/ { print $2 }')
  if [ "$pages" = "$expected" ]; then
    echo "render: $deck -> dist/$name.html, dist/$name.pdf ($pages pages)"
  else
    echo "render: $deck has $expected slides but dist/$name.pdf has ${pages:-no} pages" >&2
    failed=1
  fi
done
exit $failed
