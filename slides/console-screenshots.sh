#!/usr/bin/env bash
# Fresh screenshots of the console for the decks: runs the console's browser test (a real shop, headless
# Chromium; it saves its screenshots in workshop/app/target/console-screenshots), then copies the ones the
# slides show into slides/images/. Needs chromium and chromium-driver (see the root README, "The console").
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -pl workshop/app -Dtest=ConsoleBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
mkdir -p slides/images
for shot in journey-compensated; do
  cp "workshop/app/target/console-screenshots/$shot.png" "slides/images/console-$shot.png"
  echo "slides/images/console-$shot.png"
done
