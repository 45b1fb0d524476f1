#!/bin/sh
# Stormdrill's benchmarks: prints the figures the issues set targets for.
#   storm-1m: a storm of 1,000,000 comments over 24 simulated hours, the diligent scripted
#             participant answering one in ten, session log written and the exercise scored
#             (targets: < 3 s unscored, < 4 s scored, < 512 MiB)
#   storm-1m with files: the same, also writing the results JSON and the CSV
#   tone:     the tone checks of 100,000 replies (target: < 1 s)
#   check:    `stormdrill check` of each bundled scenario (target: < 50 ms)
#   tone:     the tone checks of 100,000 replies of typical length (target: < 1 s)
#   kp:       key-point matching of a 60-word body against a content of 5 points, ns per
#             match, Swedish and English (target: well under 2000 ns)
#   report:   `stormdrill report` over 500 results files from real runs (target: < 2 s)
#   window:   the exercise window (software renderer, 1280x800) over storm-1m stopped at
#             100,000 items: frame times while scrolling and typing, first frame, peak memory
# Usage: tools/bench/run.sh [BUILD_DIR]   (make bench builds first)
set -eu
build=${1:-build}
bin="$build/stormdrill"
measure="$build/sd_measure"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "Stormdrill benchmarks ($(nproc) cores, $(date -u +%Y-%m-%d))"
"$measure" 3 "storm-1m (run, log, results)" -- "$bin" run --headless --quiet \
    --participant scenarios/participants/diligent.lua --param answer_every=10 \
    --log "$tmp/storm.jsonl" tools/bench/storm-1m.lua
printf '  log: %s lines, %s bytes\n' "$(wc -l < "$tmp/storm.jsonl")" "$(wc -c < "$tmp/storm.jsonl")"
"$measure" 3 "storm-1m with results JSON and CSV" -- "$bin" run --headless --quiet \
    --participant scenarios/participants/diligent.lua --param answer_every=10 \
    --log "$tmp/storm.jsonl" --out "$tmp/storm.json" --csv "$tmp/storm.csv" tools/bench/storm-1m.lua
printf '  results: %s bytes, CSV: %s bytes\n' "$(wc -c < "$tmp/storm.json")" "$(wc -c < "$tmp/storm.csv")"
for f in scenarios/*.lua; do
    "$measure" 20 "check $(basename "$f")" -- "$bin" check "$f"
done
"$build/bench_tone"
"$build/kp_bench"
tools/bench/report.sh "$build"
"$bin" tools/bench/storm-1m.lua --bench
