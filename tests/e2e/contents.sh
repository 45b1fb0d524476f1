#!/usr/bin/env bash
# End-to-end: a scenario with contents (key points, refer, channel, avoid, model answers,
# the crisis statement, spelling words, a hijack message, one declared at run time) runs,
# its log carries them (the header's table, items by index and inline), and `stormdrill
# score LOG` gives byte for byte the results the run wrote, for two bundled participants.
# A log with an out-of-range content index is refused at its line.
# Usage (from the repository root, as ctest does): bash contents.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }
rm -rf "${TMP:?}"/contents
W="$TMP/contents"
mkdir -p "$W" || { echo "FAIL: cannot create $W" >&2; exit 1; }
SCEN=tests/data/contents.lua

for p in diligent careless; do
    log="$W/$p.jsonl"
    "$SD" run --headless --quiet --no-wall-clock --participant scenarios/participants/$p.lua \
        --log "$log" --out "$W/$p-live.json" "$SCEN" >"$W/run.out" 2>&1 ||
        { fail "the $p run failed: $(head -n 3 "$W/run.out")"; continue; }
    "$SD" score "$log" --quiet --out "$W/$p-scored.json" >"$W/score.out" 2>&1 ||
        { fail "score of the $p log failed: $(head -n 3 "$W/score.out")"; continue; }
    cmp -s "$W/$p-live.json" "$W/$p-scored.json" ||
        fail "$p: the results of the run and of score LOG differ ($W/$p-live.json, $W/$p-scored.json)"
    head -n 1 "$log" | grep -qF '"contents":[{"points":[{"label":"vad som hänt"' ||
        fail "$p: the header does not carry the contents"
    head -n 1 "$log" | grep -qF '"statement":0,"words":["Ekby","Kvarnby","Ekbybadet"]' ||
        fail "$p: the header's scoring lacks the statement or the words"
    grep -F '"id":"c1"' "$log" | grep -qF '"content":1}' || fail "$p: item c1 does not name its content"
    grep -F '"id":"late1"' "$log" | grep -qF '"content":{"points":[{"label":"lovaktiviteter"' ||
        fail "$p: the injected item does not carry its content inline"
    grep -F '"kind":"notice"' "$log" | grep -qF '"statement":6' ||
        fail "$p: the hijack notice does not name the message's content"
done

# A log whose item names content 99 (the chain computed again, as a forger could).
if [ -f "$W/diligent.jsonl" ]; then
    sed 's/"id":"c1",\(.*\)"content":1}/"id":"c1",\1"content":99}/' "$W/diligent.jsonl" > "$W/bad.in"
    python3 tests/support/rechain.py "$W/bad.in" "$W/bad.jsonl"
    line=$(grep -n '"content":99' "$W/bad.jsonl" | cut -d: -f1)
    if "$SD" score "$W/bad.jsonl" --quiet --out "$W/bad.json" >"$W/bad.out" 2>&1; then
        fail "score accepted a log with an out-of-range content index"
    else
        grep -qF "$W/bad.jsonl:$line: field 'expect.content' is 99" "$W/bad.out" ||
            fail "the message does not name $W/bad.jsonl:$line and the field: $(head -n 2 "$W/bad.out")"
        [ ! -e "$W/bad.json" ] || fail "results were written for a bad log"
    fi
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "contents: all passed"
