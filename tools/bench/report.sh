#!/bin/sh
# Benchmark of `stormdrill report` over 500 results files from real runs: the six bundled
# scenarios with the diligent, careless and demo scripted participants, seeds 1 to 28, on
# four dates (so the report has trends), the first 500 of those 504 runs. Prints the
# files' total size, then the report's wall time (best and median of 5 runs) and peak
# memory, and the size of what it wrote. Target: < 2 s.
# Usage: tools/bench/report.sh [BUILD_DIR]
set -eu
build=${1:-build}
bin="$build/stormdrill"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/results"
n=0
for seed in $(seq 1 28); do
    case $((seed % 4)) in 0) date=2026-01-12 ;; 1) date=2026-02-09 ;; 2) date=2026-03-09 ;; *) date=2026-04-13 ;; esac
    for scenario in scenarios/*.lua; do
        for who in diligent careless demo; do
            [ "$n" -lt 500 ] || break
            name=$(basename "$scenario" .lua)
            "$bin" run --headless --quiet --no-wall-clock --seed "$seed" --date "$date" \
                --participant "scenarios/participants/$who.lua" --log "$tmp/run.jsonl" \
                --out "$tmp/results/$name-$who-$seed.json" "$scenario"
            n=$((n + 1))
        done
    done
done
printf 'report over %s results files, %s bytes, %s items\n' "$(ls "$tmp/results" | wc -l)" \
    "$(cat "$tmp"/results/*.json | wc -c)" \
    "$(python3 -c 'import glob, json, sys; print(sum(len(json.load(open(p))["items"]) for p in glob.glob(sys.argv[1] + "/*.json")))' "$tmp/results")"
"$build/sd_measure" 5 "report (500 results files)" -- "$bin" report --quiet --out "$tmp/report" "$tmp/results"
printf '  wrote report.html %s bytes, report.csv %s bytes, items.csv %s bytes\n' \
    "$(wc -c < "$tmp/report/report.html")" "$(wc -c < "$tmp/report/report.csv")" "$(wc -c < "$tmp/report/items.csv")"
