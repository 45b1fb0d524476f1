#!/usr/bin/env bash
# Prints the gaming table for a closing note: every gaming participant (tests/gaming) and
# the diligent participant x every bundled scenario, overall score with --seed 11, as
# Markdown (the same runs and marks as the test tests/e2e/gaming.sh).
# Usage: tools/gaming-table.sh [STORMDRILL_BINARY]   (default build/stormdrill; from the
#        repo root or anywhere: it changes to the repo root)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-build/stormdrill}
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
cd "$root" || exit 1
[ -x "$bin" ] || { echo "gaming-table: no stormdrill at $bin (build it first)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gaming-table.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
bash tests/gaming/run.sh "$bin" "$tmp/out" || exit 1
python3 tests/gaming/check.py "$tmp/out" --markdown
exit 0
