#!/usr/bin/env bash
# End-to-end: files that cannot be written. A full disk is simulated with a file-size limit
# (ulimit -f: write() fails with EFBIG; stormdrill ignores SIGXFSZ itself, so the shell does
# not have to), an unwritable target with a path whose parent is a regular file (ENOTDIR;
# the tests run as root, so permissions would not stop a write). For `run`, `score`,
# `timeline --svg` and `new`: exit status 1, a message that names the file and the
# system's reason, an existing file left byte-identical, no temporary file left behind;
# a results JSON that fails does not stop the CSV, and `run` says the exercise is complete
# in the session log.
# Usage (from the repository root, as ctest does): bash write_failures.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }
rm -rf "${TMP:?}"/writes
W="$TMP/writes"
mkdir -p "$W" || { echo "FAIL: cannot create $W" >&2; exit 1; }

OUT="$W/out"
ERR="$W/err"
BOT=scenarios/participants/diligent.lua
SCEN=scenarios/introduktion.lua
# sd LIMIT_KIB EXPECTED_STATUS ARGS...: runs stormdrill under `ulimit -f LIMIT_KIB`
# ("-" for none) with output in $OUT and $ERR (outside the limit's reach: they are opened
# by the shell before the limit applies, but writes to them count, so keep them short).
sd() {
    local limit=$1 want=$2
    shift 2
    (
        [ "$limit" = - ] || ulimit -f "$limit"
        exec "$SD" "$@"
    ) >"$OUT" 2>"$ERR"
    local rc=$?
    if [ $rc -ne "$want" ]; then
        fail "stormdrill $* (ulimit -f $limit) exited $rc, expected $want"
        sed 's/^/    stdout: /' "$OUT" | head -n 5 >&2
        sed 's/^/    stderr: /' "$ERR" | head -n 5 >&2
        return 1
    fi
    return 0
}
# says WHAT TEXT...: the error output contains every TEXT (fixed strings).
says() {
    local what=$1
    shift
    for t in "$@"; do
        grep -qF -- "$t" "$ERR" || {
            fail "$what: expected '$t' in the error output"
            sed 's/^/    stderr: /' "$ERR" | head -n 5 >&2
        }
    done
}
# same FILE SUM WHAT: FILE still has the sha256 SUM.
same() {
    [ "$(sha256sum < "$1")" = "$2" ] || fail "$3: $1 was changed"
}
# no_temp WHAT: no temporary file (NAME.tmp.PID) is left anywhere under $W.
no_temp() {
    local left
    left=$(find "$W" -name '*.tmp.*' | head -n 3)
    [ -z "$left" ] || fail "$1: temporary files left behind: $left"
}

# The files a good run writes: the ones the failures below must not touch.
sd - 0 run --headless --quiet --participant "$BOT" --no-wall-clock --log "$W/s.jsonl" \
    --out "$W/results.json" --csv "$W/results.csv" "$SCEN" ||
    { echo "FAIL: the reference run failed" >&2; exit 1; }
json_sum=$(sha256sum < "$W/results.json")
csv_sum=$(sha256sum < "$W/results.csv")
[ "$(wc -c < "$W/results.json")" -gt 8192 ] || fail "the results are too small for the 8 KiB limit below"

# 1. A full disk while writing the results over an existing file (score).
if sd 8 1 score "$W/s.jsonl" --out "$W/results.json" --quiet; then
    says "score --out, disk full" "$W/results.json" "File too large"
fi
same "$W/results.json" "$json_sum" "score --out, disk full"
no_temp "score --out, disk full"

# 2. A full disk while writing the CSV over an existing one (after the results JSON failed).
[ "$(wc -c < "$W/results.csv")" -gt 4096 ] || fail "the CSV is too small for the 4 KiB limit below"
if sd 4 1 score "$W/s.jsonl" --out "$W/small.json" --csv "$W/results.csv" --quiet; then
    says "score --csv, disk full" "$W/small.json" "$W/results.csv" "File too large"
fi
same "$W/results.csv" "$csv_sum" "score --csv, disk full"
no_temp "score --csv, disk full"
[ -e "$W/small.json" ] && fail "score --out, disk full: a half-written $W/small.json exists"

# 3. An unwritable results path (its parent is a file): the CSV is still written, the run
#    says where the complete exercise is, the log has its end record.
if sd - 1 run --headless --quiet --participant "$BOT" --log "$W/s2.jsonl" \
    --out "$W/results.json/r.json" --csv "$W/s2.csv" "$SCEN"; then
    says "run --out, not a folder" "$W/results.json/r.json" "Not a directory" \
        "complete in the session log $W/s2.jsonl" "stormdrill score $W/s2.jsonl"
fi
[ -s "$W/s2.csv" ] || fail "run --out, not a folder: the CSV was not written"
tail -n 1 "$W/s2.jsonl" | grep -qF '"type":"end"' || fail "run --out, not a folder: the log has no end record"
same "$W/results.json" "$json_sum" "run --out, not a folder"
no_temp "run --out, not a folder"

# 4. Both files unwritable: one message names both.
if sd - 1 score "$W/s.jsonl" --out "$W/results.csv/a.json" --csv "$W/results.json/b.csv" --quiet; then
    says "score, both unwritable" "$W/results.csv/a.json" "$W/results.json/b.csv"
fi

# 5. The session log itself on a full disk: a clear error naming the log, no crash.
if sd 16 1 run --headless --quiet --participant "$BOT" --log "$W/s3.jsonl" "$SCEN"; then
    says "run, log on a full disk" "$W/s3.jsonl" "File too large"
fi

# 6. timeline --svg: over an existing SVG on a full disk, and into a file's "folder".
sd - 0 timeline "$SCEN" --svg "$W/t.svg" || fail "timeline --svg failed"
svg_sum=$(sha256sum < "$W/t.svg")
if sd 1 1 timeline "$SCEN" --svg "$W/t.svg"; then
    says "timeline --svg, disk full" "$W/t.svg" "File too large"
fi
same "$W/t.svg" "$svg_sum" "timeline --svg, disk full"
if sd - 1 timeline "$SCEN" --svg "$W/t.svg/x.svg"; then
    says "timeline --svg, not a folder" "$W/t.svg/x.svg" "Not a directory"
fi
no_temp "timeline --svg"

# 7. new: on a full disk no half starter is left; into a file's "folder" a clear error.
if sd 1 1 new vatten "$W/vatten.lua"; then
    says "new, disk full" "$W/vatten.lua" "File too large"
fi
[ -e "$W/vatten.lua" ] && fail "new, disk full: a half-written $W/vatten.lua exists"
if sd - 1 new vatten "$W/t.svg/vatten.lua"; then
    says "new, not a folder" "$W/t.svg/vatten.lua" "Not a directory"
fi
no_temp "new"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "write failures: all checks passed"
