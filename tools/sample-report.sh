#!/bin/sh
# Rebuilds the sample report in docs/sample-report/ from the bundled scenarios and the
# scripted participants: each scenario with the diligent, careless and demo participant
# (held 2026-03-02), and the introduction also held 2026-01-12 and 2026-02-09 with the
# demo participant (so the report shows a trend). Runs are reproducible (--no-wall-clock,
# fixed dates), so the files change only when the program or the scenarios do. The
# screenshots are taken with headless Chromium when it is installed.
# Usage: tools/sample-report.sh [BUILD_DIR]
set -eu
build=${1:-build}
bin="$(cd "$build" && pwd)/stormdrill"
out=docs/sample-report
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/results" "$out"
for scenario in scenarios/*.lua; do
    name=$(basename "$scenario" .lua)
    for who in diligent careless demo; do
        "$bin" run --headless --quiet --no-wall-clock --date 2026-03-02 \
            --participant "scenarios/participants/$who.lua" --log "$tmp/run.jsonl" \
            --out "$tmp/results/$name-$who.json" "$scenario"
    done
done
for date in 2026-01-12 2026-02-09; do
    "$bin" run --headless --quiet --no-wall-clock --date "$date" \
        --participant scenarios/participants/demo.lua --log "$tmp/run.jsonl" \
        --out "$tmp/results/introduktion-demo-$date.json" scenarios/introduktion.lua
done
# The report names the files as given: give them as results/<name>.json.
(cd "$tmp" && "$bin" report --quiet --out report results)
cp "$tmp/report/report.html" "$tmp/report/report.csv" "$out/"
(cd "$tmp" && "$bin" report --quiet --out one results/kapat-konto-careless.json)
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null 2>&1 || continue
    flags="--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$tmp/profile"
    $c $flags --window-size=1100,1900 --screenshot="$PWD/$out/report.png" "file://$tmp/report/report.html" 2>/dev/null
    $c $flags --window-size=1100,2200 --screenshot="$PWD/$out/participant.png" "file://$tmp/one/report.html" 2>/dev/null
    break
done
ls -l "$out"
