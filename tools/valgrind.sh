#!/bin/sh
# Runs the core's unit tests, one headless exercise, its re-scoring, a resume of it cut in
# half and a report under valgrind's memcheck; fails on
# any error or definite/indirect leak. Usage: tools/valgrind.sh [BUILD_DIR]  (make valgrind)
set -u
build=${1:-build}
status=0
vg="valgrind --quiet --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect"
for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    if $vg "$t" >/dev/null 2>"$t.valgrind.txt"; then
        echo "valgrind: $(basename "$t"): clean"
    else
        echo "valgrind: $(basename "$t"): FAILED (see $t.valgrind.txt)"
        status=1
    fi
done
tmp=$(mktemp -d)
if $vg "$build/stormdrill" run --headless --quiet --participant scenarios/participants/diligent.lua \
        --log "$tmp/log.jsonl" --out "$tmp/results.json" tests/data/hijack.lua &&
   $vg "$build/stormdrill" score --quiet "$tmp/log.jsonl"; then
    echo "valgrind: stormdrill run and score: clean"
else
    echo "valgrind: stormdrill run or score: FAILED"
    status=1
fi
# resume (the log cut inside a line, as a crash leaves it) and report
size=$(wc -c < "$tmp/log.jsonl")
head -c $((size / 2)) "$tmp/log.jsonl" > "$tmp/cut.jsonl"
if $vg "$build/stormdrill" resume --quiet --out "$tmp/resumed.json" "$tmp/cut.jsonl" 2>"$tmp/resume.err" &&
   $vg "$build/stormdrill" report --quiet --out "$tmp/report" "$tmp/results.json" "$tmp/resumed.json"; then
    echo "valgrind: stormdrill resume and report: clean"
else
    echo "valgrind: stormdrill resume or report: FAILED"
    cat "$tmp/resume.err"
    status=1
fi
rm -rf "$tmp"
exit $status
