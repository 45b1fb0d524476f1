#!/usr/bin/env bash
# colleague.sh - the simulated colleague end to end (scenario{ colleague = ... }): a
# scripted participant that calls for backup early (tests/data/participants/colleague.lua on
# tests/data/colleague.lua) gets Sara's "I'm in" message 5 minutes after the call and then
# one reply every 2 minutes, each to the oldest plain question still waiting (never to an
# angry author, an escalation, a case to move, an item without a model answer, a repeat, or
# one the participant answered), with the model answer between greeting and sign-off, and
# passing the tone checks; a second call brings Johan. Re-scoring the log gives the same
# results; a resumed run gives the same log; a participant who calls late gets fewer
# colleague replies and fewer answered items, and one who never calls gets none.
# Usage: colleague.sh STORMDRILL TMPDIR   (from the repo root)
set -u
bin=$(realpath "$1")
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

scenario=tests/data/colleague.lua
bot=tests/data/participants/colleague.lua
run() { # $1 = name, then --param ...
    local name=$1
    shift
    "$bin" run --headless --quiet --no-wall-clock --participant "$bot" "$@" \
        --log "$tmp/$name.jsonl" --out "$tmp/$name.json" "$scenario" ||
        fail "the run '$name' failed"
}
run early --param backup=1 --param more=30
run late --param backup=60
run never --param backup=500

# The log checked record by record: who the colleagues are, when they came, and that each
# reply went to the oldest plain question still waiting.
check() { # $1 = log, $2 = minute of the first call, $3 = minute of the second call or -
    python3 - "$@" <<'PY'
import json, sys
path, first_call, second_call = sys.argv[1], int(sys.argv[2]), sys.argv[3]
DELAY, PACE = 300, 120
recs = [json.loads(l) for l in open(path, encoding="utf-8")]
def sec(t):  # "2026-03-10T09:12:00" -> seconds of the day
    h, m, s = t[11:19].split(":")
    return int(h) * 3600 + int(m) * 60 + int(s)
head = recs[0]
start, end = sec(head["start"]), sec(head["start"]) + head["duration"]
contents = head.get("contents", [])
bad = []
def plain(it):
    e = it.get("expect", {})
    a = it.get("author") or {}
    model = "content" in e and contents[e["content"]].get("model")
    cls = e.get("class", "question")
    return (it["kind"] == "comment" and a.get("mood") in ("calm", "worried") and
            e.get("answer", True) and not e.get("escalate") and
            not set(e.get("rules", [])) & ({"move_case"} if "storm" in it else
                                           {"move_case", "repeat_once"}) and
            "repeat_of" not in it and bool(model) and
            (storm_plain(it, cls) if "storm" in it else cls == "question"))
themes = {(t["storm"], t["id"]): t["kind"] for t in head.get("themes", [])}
def storm_plain(it, cls):
    # with themes (the header lists them): a direct comment of a question theme; in logs
    # without themes: the storm's class, question or dissatisfied
    if themes:
        return bool(it.get("direct")) and themes.get((it["storm"], it.get("theme"))) == "question"
    return cls in ("question", "dissatisfied")
items, order, answered, gone = {}, [], {}, set()
came = {}       # colleague name -> second they came in
replies = {}    # colleague name -> [seconds]
for r in recs:
    t = sec(r["t"])
    if r["type"] == "item":
        items[r["id"]] = r
        if plain(r):
            order.append(r["id"])
        if r["kind"] == "internal" and r.get("from") == "colleague":
            name = r["text"].rsplit("/", 1)[-1]
            if r["text"] != "Jag är med nu och tar de enkla frågorna i kommentarerna. /" + name:
                bad.append("the colleague's message reads %r" % r["text"])
            came[name] = t
            if r.get("expect", {}).get("answer"):
                bad.append("the colleague's message expects an answer")
    elif r["type"] == "action":
        it = items.get(r.get("item"))
        by = r.get("by")
        if by is not None:
            if r["action"] != "reply" or it is None:
                bad.append("%s did %s on %s" % (by, r["action"], r.get("item")))
                continue
            if not plain(it):
                bad.append("%s answered %s, which is no plain question" % (by, it["id"]))
            if it["id"] in answered:
                bad.append("%s answered %s, answered already at %s" % (by, it["id"], answered[it["id"]]))
            waiting = [i for i in order if i not in answered and i not in gone]
            if waiting and waiting[0] != it["id"]:
                bad.append("%s answered %s at %s; the oldest waiting was %s" % (by, it["id"], r["t"], waiting[0]))
            want = "Hej %s!\n%s\nVänliga hälsningar,\n%s" % (
                it["author"]["first"], contents[it["expect"]["content"]]["model"], by)
            if r["text"] != want:
                bad.append("%s's reply to %s reads %r" % (by, it["id"], r["text"]))
            if by not in came:
                bad.append("%s replied before coming in" % by)
            elif t <= came[by] or (t - came[by]) % PACE:
                bad.append("%s replied at %s, off the pace from %d" % (by, r["t"], came[by]))
            replies.setdefault(by, []).append(t)
        if it is not None and r["action"] in ("reply", "refer_previous") and it["id"] not in answered:
            answered[it["id"]] = r["t"]
        if it is not None and r["action"] in ("hide", "delete"):
            gone.add(it["id"])
# when they came
want_came = {"Sara": start + first_call * 60 + DELAY} if start + first_call * 60 + DELAY < end else {}
if second_call != "-":
    want_came["Johan"] = start + int(second_call) * 60 + DELAY
if came != want_came:
    bad.append("colleagues came %s, expected %s" % (came, want_came))
# no turn passed with a plain question waiting (one that came before the turn)
for name, t0 in came.items():
    got = set(replies.get(name, []))
    for turn in range(t0 + PACE, end, PACE):
        if turn in got:
            continue
        ans = {i: sec(a) for i, a in answered.items()}
        left = [i for i in order if sec(items[i]["t"]) < turn and ans.get(i, 1 << 40) > turn]
        if left:
            bad.append("%s made no reply at %d while %s waited" % (name, turn - start, left[0]))
            break
for i in ("h1", "h2", "h3", "h4", "h5", "q3"):
    if any(r["type"] == "action" and r.get("by") and r.get("item") == i for r in recs):
        bad.append("a colleague answered %s" % i)
for b in bad[:10]:
    print("FAIL: %s: %s" % (path, b))
n = sum(len(v) for v in replies.values())
print("%s: %d colleague replies (%s)" % (path.rsplit("/", 1)[-1], n,
      ", ".join("%s %d" % (k, len(v)) for k, v in sorted(replies.items()))))
open(path + ".count", "w").write(str(n))
sys.exit(1 if bad else 0)
PY
}
check "$tmp/early.jsonl" 1 30 || fail "early backup: the colleagues' replies are not as specified"
check "$tmp/late.jsonl" 60 - || fail "late backup: the colleagues' replies are not as specified"
check "$tmp/never.jsonl" 500 - || fail "no backup: the colleagues' replies are not as specified"
early=$(cat "$tmp/early.jsonl.count" 2>/dev/null || echo 0)
late=$(cat "$tmp/late.jsonl.count" 2>/dev/null || echo 0)
never=$(cat "$tmp/never.jsonl.count" 2>/dev/null || echo 0)
[ "$early" -ge 20 ] || fail "early backup gave only $early colleague replies"
[ "$late" -ge 1 ] && [ "$late" -lt "$early" ] || fail "late backup gave $late colleague replies (early: $early)"
[ "$never" -eq 0 ] || fail "no backup, yet $never colleague replies"
grep -q '"by":"Johan"' "$tmp/early.jsonl" || fail "the second call did not bring Johan"
grep -q '"by"' "$tmp/never.jsonl" && fail "a colleague acted without being called"

# The colleague replies pass the tone checks (the real checker, as the score runs it): one
# of each kind (colleague, the author's mood, the model answer), with the first two names.
python3 - "$tmp/early.jsonl" "$tmp" <<'PY' || fail "could not list the colleague replies"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
items = {r["id"]: r for r in recs if r["type"] == "item"}
n, seen = 0, {}
for r in recs:
    if r["type"] == "action" and r.get("by"):
        it = items[r["item"]]
        kind = (r["by"], it["author"]["mood"], it["expect"]["content"])
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] > 2:
            continue
        n += 1
        open("%s/reply-%03d.txt" % (sys.argv[2], n), "w", encoding="utf-8").write(r["text"])
        open("%s/reply-%03d.args" % (sys.argv[2], n), "w", encoding="utf-8").write(
            "%s\n%s\n%s\n" % (it["author"]["first"], r["by"], it["author"]["mood"]))
PY
toned=0
for f in "$tmp"/reply-*.txt; do
    [ -f "$f" ] || continue
    args=${f%.txt}.args
    to=$(sed -n 1p "$args") signer=$(sed -n 2p "$args") mood=$(sed -n 3p "$args")
    out=$("$bin" tone --lang sv --to "$to" --signer "$signer" --mood "$mood" --json < "$f") ||
        { fail "tone check of $f failed to run"; continue; }
    failed=$(printf '%s' "$out" | python3 -c 'import json,sys
d = json.load(sys.stdin)
print(" ".join(c["id"] for c in d["checks"] if c["applies"] and not c["pass"]))')
    [ -z "$failed" ] || fail "the colleague reply $(basename "$f") fails tone checks: $failed"
    toned=$((toned + 1))
done
[ "$toned" -ge 8 ] || fail "tone-checked only $toned colleague replies"
echo "tone-checked $toned colleague replies: all pass"

# The results: colleague replies count as answers; re-scoring the log gives the same.
for name in early late never; do
    "$bin" score --quiet "$tmp/$name.jsonl" --out "$tmp/$name.rescored.json" ||
        fail "stormdrill score $name.jsonl failed"
    cmp -s "$tmp/$name.json" "$tmp/$name.rescored.json" ||
        fail "re-scoring $name.jsonl does not give the same results"
done
python3 - "$tmp/early.json" "$tmp/late.json" "$tmp/never.json" <<'PY' || fail "backup early does not leave more answered"
import json, sys
res = [json.load(open(p)) for p in sys.argv[1:]]
answered = [r["summary"]["answered"] for r in res]
by = [sum(1 for a in r["actions"] + [x for it in r["items"] for x in it.get("actions", [])]
           if a.get("by")) for r in res]
print("answered items: early %d, late %d, never %d; colleague actions in the results: %s" %
      (answered[0], answered[1], answered[2], by))
ok = answered[0] > answered[1] > answered[2] and by[0] > by[1] > by[2] == 0
sys.exit(0 if ok else 1)
PY

# Resuming an interrupted run makes the colleagues' replies again, the same ones: the log
# cut after half its lines (in the middle of the colleagues' work) resumes to the same.
lines=$(wc -l < "$tmp/early.jsonl")
head -n $((lines / 2)) "$tmp/early.jsonl" > "$tmp/cut.jsonl"
grep -q '"by":"Sara"' "$tmp/cut.jsonl" || fail "the cut log holds no colleague reply yet"
if "$bin" resume --quiet --no-wall-clock --param backup=1 --param more=30 --out "$tmp/cut.json" \
        "$tmp/cut.jsonl" 2> "$tmp/resume.err"; then
    cmp -s "$tmp/cut.jsonl" "$tmp/early.jsonl" || fail "the resumed log differs from the uninterrupted one"
    cmp -s "$tmp/cut.json" "$tmp/early.json" || fail "the resumed results differ from the uninterrupted ones"
else
    fail "resume: $(cat "$tmp/resume.err")"
fi

if [ "$fails" -eq 0 ]; then
    echo "colleague: all checks passed"
    exit 0
fi
echo "colleague: $fails checks failed"
exit 1
