#!/usr/bin/env bash
# End-to-end: the command line's exit statuses and messages (0 ok, 1 bad input, 2 bad
# usage), the checker on every shipped scenario, the calendar and `score` on damaged logs.
# Usage (from the repository root, as ctest does): bash cli.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }
rm -rf "${TMP:?}"/cli
W="$TMP/cli"
mkdir -p "$W" || { echo "FAIL: cannot create $W" >&2; exit 1; }

OUT="$W/out"
ERR="$W/err"
# sd EXPECTED_STATUS ARGS...: runs stormdrill, output in $OUT and $ERR; checks the status.
sd() {
    local want=$1
    shift
    "$SD" "$@" >"$OUT" 2>"$ERR"
    local rc=$?
    if [ $rc -ne "$want" ]; then
        fail "stormdrill $* exited $rc, expected $want"
        sed 's/^/    stdout: /' "$OUT" | head -n 5 >&2
        sed 's/^/    stderr: /' "$ERR" | head -n 5 >&2
        return 1
    fi
    return 0
}
# contains FILE TEXT WHAT: checks that FILE contains TEXT (a fixed string).
contains() {
    grep -qF -- "$2" "$1" || {
        fail "$3: expected '$2' in its $(basename "$1")"
        sed 's/^/    /' "$1" | head -n 5 >&2
    }
}

# ---- version and help ----
if sd 0 --version; then
    grep -qE '^stormdrill [0-9]+\.[0-9]+\.[0-9]+$' "$OUT" ||
        fail "--version printed '$(cat "$OUT")', expected 'stormdrill X.Y.Z'"
fi
if sd 0 --help; then
    contains "$OUT" "Usage: stormdrill" "stormdrill --help"
fi
for cmd in run check score calendar; do
    if sd 0 "$cmd" --help; then
        contains "$OUT" "Usage: stormdrill $cmd" "stormdrill $cmd --help"
        [ -s "$ERR" ] && fail "stormdrill $cmd --help wrote to stderr: $(cat "$ERR")"
    fi
done

# ---- bad usage: exit 2 ----
if sd 2; then
    contains "$ERR" "Usage:" "stormdrill without arguments"
fi
sd 2 --frobnicate && contains "$ERR" "--frobnicate" "stormdrill --frobnicate"
if sd 2 run --headless --frobnicate --participant scenarios/participants/diligent.lua tests/data/mini.lua; then
    contains "$ERR" "--frobnicate" "run with an unknown option"
fi
sd 2 score --frobnicate "$W/none.jsonl" && contains "$ERR" "--frobnicate" "score with an unknown option"
sd 2 check
if sd 2 run --headless tests/data/mini.lua; then
    contains "$ERR" "--participant" "run without --participant"
fi
sd 2 run --headless --participant scenarios/participants/diligent.lua --seed -1 tests/data/mini.lua

# ---- bad input: exit 1, and the message names the file ----
missing="$W/no-such-scenario.lua"
if sd 1 run --headless --participant scenarios/participants/diligent.lua --log "$W/x.jsonl" "$missing"; then
    contains "$ERR" "$missing" "run on a missing scenario"
fi

broken="$W/broken.lua"
cat >"$broken" <<'EOF'
scenario { id = "broken", title = "Trasig", start = "2026-03-10 09:00", duration = "1h" }
post { id = "p1", text = "Hej!" }
comment { id = "c1", on = "p1", author = "nobody", text = "Vem är jag?" }
EOF
if sd 1 check "$broken"; then
    contains "$OUT" "$broken:3: comment 'c1': persona 'nobody' does not exist" "check on a broken scenario"
fi

broken_syntax="$W/syntax.lua"
printf 'scenario { id = "s", title = "S", start = "2026-03-10 09:00", duration = "1h"\n' >"$broken_syntax"
if sd 1 check "$broken_syntax"; then
    got=$(cat "$OUT")
    [[ $got == "$broken_syntax:"[0-9]*": "* ]] ||
        fail "check on a syntax error: expected '$broken_syntax:LINE: message', got '$got'"
fi

# ---- every shipped scenario passes the checker ----
shipped=$(ls scenarios/*.lua tests/data/*.lua 2>/dev/null)
if [ -z "$shipped" ]; then
    fail "no scenarios found in scenarios/ and tests/data/"
else
    # shellcheck disable=SC2086
    if sd 0 check $shipped; then
        n=$(grep -cE ': ok( \([0-9]+ warnings?\))?$' "$OUT")
        want=$(printf '%s\n' $shipped | wc -l)
        [ "$n" -eq "$want" ] || fail "check printed $n 'ok' lines for $want files"
    fi
fi

# ---- calendar ----
if sd 0 calendar 2026; then
    n=$(wc -l <"$OUT")
    [ "$n" -eq 16 ] || fail "calendar 2026 printed $n lines, expected 16"
    m=$(grep -cxF "$(printf '2026-06-19\tmidsommarafton')" "$OUT")
    [ "$m" -eq 1 ] || fail "calendar 2026: expected exactly one line '2026-06-19<TAB>midsommarafton', found $m"
fi
sd 2 calendar abc && contains "$ERR" "abc" "calendar abc"

# ---- score on damaged logs ----
log="$W/good.jsonl"
if sd 0 run --headless --quiet --participant scenarios/participants/diligent.lua --seed 3 \
    --no-wall-clock --log "$log" tests/data/mini.lua; then
    lines=$(wc -l <"$log")

    # The last line cut in half (the program died while writing it): a warning, exit 0.
    torn="$W/torn.jsonl"
    head -n $((lines - 1)) "$log" >"$torn"
    lastline=$(tail -n 1 "$log")
    printf '%s' "${lastline:0:$((${#lastline} / 2))}" >>"$torn"
    if sd 0 score "$torn"; then
        contains "$ERR" "incomplete" "score on a log with a torn last line"
        contains "$ERR" "$torn:$lines" "score on a log with a torn last line"
    fi

    # The same, as the memory-mapped writer leaves it when the program dies: the rest of
    # the reserved space reads as NUL bytes after the torn line.
    padded="$W/torn-padded.jsonl"
    cp "$torn" "$padded"
    head -c 8192 /dev/zero >>"$padded"
    if sd 0 score "$padded"; then
        contains "$ERR" "incomplete" "score on a NUL-padded log with a torn last line"
    fi

    # Whole lines followed by NUL padding: nothing torn, no warning, exit 0.
    cut="$W/cut-padded.jsonl"
    head -n $((lines - 1)) "$log" >"$cut"
    head -c 8192 /dev/zero >>"$cut"
    if sd 0 score "$cut"; then
        [ -s "$ERR" ] && fail "score on a NUL-padded log of whole lines warned: $(cat "$ERR")"
    fi

    # A garbage line in the middle: bad input, exit 1, naming file:line.
    garbage="$W/garbage.jsonl"
    { head -n 2 "$log"; echo 'this is not JSON {'; tail -n +4 "$log"; } >"$garbage"
    if sd 1 score "$garbage"; then
        contains "$ERR" "$garbage:3:" "score on a log with a garbage line"
    fi

    # A missing log: bad input, exit 1.
    sd 1 score "$W/no-such-log.jsonl" && contains "$ERR" "$W/no-such-log.jsonl" "score on a missing log"
fi

if [ $failures -ne 0 ]; then
    echo "cli: $failures check(s) failed; files in $W" >&2
    exit 1
fi
rm -rf "$W"
echo "cli: all checks passed"
exit 0
