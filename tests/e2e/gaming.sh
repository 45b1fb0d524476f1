#!/usr/bin/env bash
# The gaming suite (issue 12, section 7): every gaming participant in tests/gaming and the
# diligent participant run on every bundled scenario (Swedish and English) with --seed 11,
# two runs at a time. Every gaming bot must score at most 60 overall on every scenario;
# each single-fault bot (one fault added to the diligent participant), wherever its fault
# occurs, at least 10 points below diligent with its fault's rule at the top of the
# feedback. Prints the table (bot x scenario: overall) always, and a FAIL line per bot and
# scenario that misses (bot, scenario, score, top feedback line). tests/gaming/check.py
# says which bot is held to what; tools/gaming-table.sh prints the table as Markdown.
# Usage: bash tests/e2e/gaming.sh STORMDRILL_BINARY TMPDIR   (from the repo root)
set -u
bin=$1
tmp=$2
start=$(date +%s)
bash tests/gaming/run.sh "$bin" "$tmp" || { echo "FAIL: tests/gaming/run.sh"; exit 1; }
python3 tests/gaming/check.py "$tmp"
status=$?
echo "gaming: $(($(date +%s) - start)) s"
exit $status
