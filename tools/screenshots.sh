#!/bin/sh
# Makes the README's window screenshot and the two debrief screenshots in docs/
# (docs/report.md links them), reproducibly:
#   - docs/screenshot-window.png: the "storm" view of the reference-screenshot test
#     (tests/unit/test_screens_ref.c: kommentarsstorm's Facebook feed with a reply being
#     typed, 1280 x 800, text at 100 %), written at full size with SD_SCREENS_FULL;
# and
# runs kommentarsstorm with the demo participant, who gets most things right but not all
# (so that the debrief has misses, strengths and a timeline to show; seed 11, held 2026-03-02,
# --no-wall-clock, so the log and results are byte-identical each time), then
#   - docs/debrief-scorecard.png: the exercise window's scorecard at the end of that log's
#     replay (build/sd_scorecard_shot, SDL's dummy video driver and software renderer, the
#     window's own 1280 x 800), converted from BMP with tools/bmp2png.py;
#   - docs/debrief-report.png: the participant page of `stormdrill report` on its results
#     (the scores and the debrief), rendered by headless Chromium when it is installed
#     (tools/install-deps.sh --test installs it, best effort); without it that image is
#     skipped with a message and the scorecard is still made.
# Usage: tools/screenshots.sh [BUILD_DIR]   (run from the repository's top; the build
# needs the targets stormdrill and sd_scorecard_shot: `cmake --build build -j2`)
# Exit status: 0 both made, or the report skipped for want of Chromium; 1 a step failed.
set -eu
build=${1:-build}
[ -x "$build/stormdrill" ] && [ -x "$build/sd_scorecard_shot" ] || {
    echo "screenshots.sh: $build/stormdrill and $build/sd_scorecard_shot are needed: run cmake --build $build -j2" >&2
    exit 1
}
[ -f scenarios/kommentarsstorm.lua ] || { echo "screenshots.sh: run it from the repository's top" >&2; exit 1; }
bin="$(cd "$build" && pwd)"
out=docs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/results" "$tmp/sessions" "$tmp/full"

# The window with the platform feed (the test renders every view; one is kept).
if [ -x "$build/tests/test_screens_ref" ]; then
    SD_SCREENS_FULL="$tmp/full" "$build/tests/test_screens_ref" > /dev/null
    cp "$tmp/full/storm-1280x800-100.png" "$out/screenshot-window.png"
    echo "screenshots.sh: wrote $out/screenshot-window.png"
else
    echo "screenshots.sh: $build/tests/test_screens_ref is missing: docs/screenshot-window.png not made" >&2
fi

"$bin/stormdrill" run --headless --quiet --no-wall-clock --date 2026-03-02 --seed 11 \
    --participant scenarios/participants/demo.lua --log "$tmp/sessions/kommentarsstorm.jsonl" \
    --out "$tmp/results/kommentarsstorm-demo.json" scenarios/kommentarsstorm.lua

# The window's scorecard. It shows the log's path as given: sessions/<name>.jsonl, as a
# window's own session would be named, not the temporary folder.
(cd "$tmp" && "$bin/sd_scorecard_shot" sessions/kommentarsstorm.jsonl scorecard.bmp)
python3 tools/bmp2png.py "$tmp/scorecard.bmp" "$out/debrief-scorecard.png"
echo "screenshots.sh: wrote $out/debrief-scorecard.png"

# The report's participant page. The report names the file as given: results/<name>.json.
(cd "$tmp" && "$bin/stormdrill" report --quiet --out report results/kommentarsstorm-demo.json)
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null 2>&1 || continue
    $c --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$tmp/profile" \
        --window-size=1100,2880 --screenshot="$PWD/$out/debrief-report.png" \
        "file://$tmp/report/report.html" 2>/dev/null
    echo "screenshots.sh: wrote $out/debrief-report.png"
    exit 0
done
echo "screenshots.sh: Chromium is not installed: docs/debrief-report.png not made" >&2
echo "  (tools/install-deps.sh --test installs it when it can)" >&2
