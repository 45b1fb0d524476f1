#!/usr/bin/env bash
# crash_resume.sh - kills `stormdrill run` with SIGKILL at random points of a scripted run
# (a storm of 50,000 comments, so a run lasts long enough to be hit anywhere), resumes it
# with `stormdrill resume`, and checks that the finished log and results equal those of an
# uninterrupted run with the same seed and participant, byte for byte. Also checks the
# resume command's messages for a torn last line, an empty log, a changed scenario and a
# person's exercise without a display.
# Usage: crash_resume.sh STORMDRILL TMPDIR
set -u
bin=$(realpath "$1")
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

bot=scenarios/participants/diligent.lua
scenario=$tmp/storm.lua
sed -e 's/count = 1000000/count = 50000/' -e 's/bench-storm-1m/crash-storm/' \
    tools/bench/storm-1m.lua > "$scenario"
grep -q 'count = 50000' "$scenario" || { echo "FAIL: could not make the storm scenario"; exit 1; }

run() { # $1 = log, $2 = results
    "$bin" run --headless --participant "$bot" --no-wall-clock --quiet \
        --log "$1" --out "$2" "$scenario"
}

start_ms=$(date +%s%3N)
run "$tmp/full.jsonl" "$tmp/full.json" || { echo "FAIL: the uninterrupted run failed"; exit 1; }
run_ms=$(( $(date +%s%3N) - start_ms ))
echo "uninterrupted run: ${run_ms} ms, $(wc -l < "$tmp/full.jsonl") log lines"

# Kill at random moments within the run (RANDOM is seeded so a failure can be repeated).
# Most of a run's time is scoring after the exercise ended; when a kill lands there, the
# window of delays narrows, so that on a slow machine (sanitizers) the kills still land
# inside the exercise.
RANDOM=${SD_CRASH_SEED:-4242}
interrupted=0 attempts=0 hi=40
while [ "$interrupted" -lt 4 ] && [ "$attempts" -lt 10 ]; do
    attempts=$((attempts + 1))
    i=$attempts
    log=$tmp/crash-$i.jsonl
    out=$tmp/crash-$i.json
    rm -f "$log" "$out"
    delay_ms=$(( run_ms * (2 + RANDOM % hi) / 100 ))
    "$bin" run --headless --participant "$bot" --no-wall-clock --quiet \
        --log "$log" --out "$out" "$scenario" &
    pid=$!
    # The delay counts from the header's arrival: a slow start on a busy machine must not
    # decide where the kill lands.
    for _ in $(seq 500); do
        [ -s "$log" ] && head -c 4096 "$log" | grep -q '"type":"header"' && break
        sleep 0.01
    done
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ ! -s "$log" ] || ! head -c 4096 "$log" | grep -q '"type":"header"'; then
        echo "  kill $i at ${delay_ms} ms: before the header was written; skipped"
        continue
    fi
    lines=$(tr -d '\000' < "$log" | wc -l)
    if grep -q '"type":"end"' "$log"; then
        echo "  kill $i at ${delay_ms} ms: the exercise had already ended"
        hi=$(( hi / 2 > 4 ? hi / 2 : 4 ))
    else
        interrupted=$((interrupted + 1))
        echo "  kill $i at ${delay_ms} ms: interrupted after $lines lines"
    fi
    if ! "$bin" resume --no-wall-clock --quiet --out "$out" "$log" 2> "$tmp/resume-$i.err"; then
        fail "resume after kill $i: $(cat "$tmp/resume-$i.err")"
        continue
    fi
    cmp -s "$log" "$tmp/full.jsonl" || fail "kill $i: the resumed log differs from the uninterrupted one"
    cmp -s "$out" "$tmp/full.json" || fail "kill $i: the resumed results differ from the uninterrupted ones"
done
[ "$interrupted" -ge 3 ] || fail "only $interrupted of $attempts kills interrupted the exercise"

# A torn last line: reported with file:line, dropped, and the run finishes the same.
log=$tmp/torn.jsonl
# (cut 20 bytes into the line after the first 200,000 bytes' whole lines: a cut at a fixed
# byte could fall on a line's end, as the lines' lengths vary with the wall clock)
n=$(head -c 200000 "$tmp/full.jsonl" | wc -l)
{ head -n "$n" "$tmp/full.jsonl"; sed -n "$((n + 1))p" "$tmp/full.jsonl" | head -c 20; } > "$log"
"$bin" resume --no-wall-clock --quiet --out "$tmp/torn.json" "$log" 2> "$tmp/torn.err" ||
    fail "resume of a torn log: $(cat "$tmp/torn.err")"
grep -q "torn.jsonl:[0-9]*: the last line is incomplete" "$tmp/torn.err" ||
    fail "the torn line was not reported: $(cat "$tmp/torn.err")"
cmp -s "$tmp/torn.json" "$tmp/full.json" || fail "torn: the resumed results differ"

# A last line with holes, as a kill leaves it when it lands inside the copy of a line (the
# copy does not store a line's bytes in order): its first 32 bytes NUL, the rest present,
# then the writer's NUL padding. Reported as torn, and the run finishes the same.
log=$tmp/holes.jsonl
{ head -n "$n" "$tmp/full.jsonl"; head -c 32 /dev/zero
  sed -n "$((n + 1))p" "$tmp/full.jsonl" | tail -c +33; head -c 8192 /dev/zero; } > "$log"
"$bin" resume --no-wall-clock --quiet --out "$tmp/holes.json" "$log" 2> "$tmp/holes.err" ||
    fail "resume of a log whose last line has holes: $(cat "$tmp/holes.err")"
grep -q "holes.jsonl:[0-9]*: the last line is incomplete" "$tmp/holes.err" ||
    fail "the line with holes was not reported as torn: $(cat "$tmp/holes.err")"
cmp -s "$tmp/holes.json" "$tmp/full.json" || fail "holes: the resumed results differ"
cmp -s "$log" "$tmp/full.jsonl" || fail "holes: the resumed log differs from the uninterrupted one"

# Refusals: exit status 1, the log named, the log left as it was.
: > "$tmp/empty.jsonl"
"$bin" resume "$tmp/empty.jsonl" 2> "$tmp/empty.err"
[ $? -eq 1 ] && grep -q "empty.jsonl: the log is empty" "$tmp/empty.err" ||
    fail "empty log: $(cat "$tmp/empty.err")"

head -c 100000 "$tmp/full.jsonl" > "$tmp/changed.jsonl"
cp "$tmp/changed.jsonl" "$tmp/changed.before"
sed 's/Ekbybadet stänger/Ekbybadet stänger inte/' "$scenario" > "$tmp/storm2.lua"
"$bin" resume --scenario "$tmp/storm2.lua" "$tmp/changed.jsonl" 2> "$tmp/changed.err"
[ $? -eq 1 ] && grep -q "has changed since the exercise began" "$tmp/changed.err" ||
    fail "changed scenario: $(cat "$tmp/changed.err")"
cmp -s "$tmp/changed.jsonl" "$tmp/changed.before" || fail "a refused resume changed the log"

"$bin" resume 2> /dev/null
[ $? -eq 2 ] || fail "resume without a log should be a usage error (2)"

# A person's exercise needs the window; without a display it says so and how to score it.
person=$tmp/person.jsonl
# (the header is edited, so its hash chain is computed again, as a test tool can)
sed -e '1s/"kind":"scripted"/"kind":"person"/' "$tmp/full.jsonl" | head -n 50 > "$person.edited"
python3 tests/support/rechain.py "$person.edited" "$person"
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$bin" resume "$person" 2> "$tmp/person.err"
[ $? -eq 1 ] && grep -q "stormdrill score" "$tmp/person.err" ||
    fail "person without display: $(cat "$tmp/person.err")"

if [ "$fails" -ne 0 ]; then
    echo "$fails failure(s)"
    exit 1
fi
echo "crash and resume: all checks passed ($interrupted runs interrupted)"
