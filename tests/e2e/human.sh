#!/usr/bin/env bash
# End-to-end: the human-pace participant (scenarios/participants/human.lua) on every bundled
# scenario in both languages, triaging (triage=1) and not (triage=0), --seed 11. Prints the
# table (overall, speed, tone, escalation) and checks the bar of issue 13:
#   * triaging, it scores at least 60 overall and at least 50 on speed everywhere;
#   * not triaging, it scores clearly less on the storm scenarios (a storm of 100 comments
#     or more in the run): at least 10 points lower overall; and nowhere more than 2 points
#     above the triaging run;
#   * it works at a person's pace: its actions never come closer together than its
#     quickest step, and what it did takes at least the real time it had (a reply 45 s, a
#     statement 90 s, a referral 8 s, a pin 5 s, anything else 6 s, times the compression);
#   * the introduction is a calm start: in its first 10 real minutes at most one new item
#     that needs an answer (it has a deadline) per real minute;
#   * its parameters are read: not triaging, with reply=90 it sends fewer replies in a storm
#     than with reply=45.
# Usage: bash tests/e2e/human.sh STORMDRILL_BINARY TMPDIR   (from the repo root)
set -u
bin=$1
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
fail=0
bot=scenarios/participants/human.lua

for scenario in scenarios/*.lua scenarios/en/*.lua; do
    name=$(basename "$scenario" .lua)
    case "$scenario" in scenarios/en/*) name="en-$name" ;; esac
    for triage in 1 0; do
        out="$tmp/$name-t$triage"
        if ! "$bin" run --headless --quiet --seed 11 --participant "$bot" --param triage=$triage \
                --log "$out.jsonl" --out "$out.json" "$scenario"; then
            echo "FAIL: run $scenario with human.lua triage=$triage"; fail=1
        fi
    done
done

# A slower writer sends fewer replies (the parameters are read).
"$bin" run --headless --quiet --seed 11 --participant "$bot" --param reply=90 --param triage=0 \
    --log "$tmp/slow.jsonl" --out "$tmp/slow.json" scenarios/kommentarsstorm.lua || {
    echo "FAIL: run with reply=90"; fail=1; }

python3 - "$tmp" <<'PY' || fail=1
import datetime, glob, json, os, sys
tmp = sys.argv[1]
ok = True
# real seconds of the quickest step of each action (human.lua's defaults, without reading)
COST = {"reply": 45, "dm_reply": 45, "publish": 90, "refer_previous": 8, "pin": 5}

def log(path):
    head, acts, storm = None, [], 0
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r["type"] == "header":
            head = r
        elif r["type"] == "action" and not r.get("by"):
            acts.append((datetime.datetime.fromisoformat(r["t"]), r["action"]))
        elif r["type"] == "item" and r.get("storm"):
            storm += 1
    return head, acts, storm

def pace(name, path):
    """The participant's actions take at least their real time, one after the other."""
    global ok
    head, acts, _ = log(path)
    c = head["compression"]
    for (t0, _), (t1, k1) in zip(acts, acts[1:]):
        gap = (t1 - t0).total_seconds() / c
        if gap < 5 - 1e-6:
            print(f"FAIL: {name}: {k1} {gap:.1f} real s after the action before it"); ok = False
            return
    if len(acts) > 1:
        need = sum(COST.get(k, 6) for _, k in acts[1:])
        span = (acts[-1][0] - acts[0][0]).total_seconds() / c
        if span + 1 < need:
            print(f"FAIL: {name}: {len(acts)} actions in {span:.0f} real s, they take at least {need} s"); ok = False

rows = []
names = sorted({os.path.basename(p)[:-len("-t1.json")] for p in glob.glob(f"{tmp}/*-t1.json")})
print(f"{'scenario':<22} {'triage':>6} {'overall':>8} {'speed':>6} {'tone':>6} {'escal.':>6}")
for name in names:
    res = {}
    for t in (1, 0):
        path = f"{tmp}/{name}-t{t}.json"
        if not os.path.exists(path):
            ok = False
            continue
        s = json.load(open(path, encoding="utf-8"))["scores"]
        res[t] = s
        print(f"{name:<22} {t:>6} {s['overall']:>8.1f} {s['speed']:>6.1f} {s['tone']:>6.1f} {s['escalation']:>6.1f}")
        pace(f"{name} triage={t}", f"{tmp}/{name}-t{t}.jsonl")
    if 1 not in res or 0 not in res:
        continue
    if res[1]["overall"] < 60:
        print(f"FAIL: {name}: triaging scored {res[1]['overall']} overall (< 60)"); ok = False
    if res[1]["speed"] < 50:
        print(f"FAIL: {name}: triaging scored {res[1]['speed']} on speed (< 50)"); ok = False
    _, _, storm = log(f"{tmp}/{name}-t0.jsonl")
    if storm >= 100 and res[0]["overall"] > res[1]["overall"] - 10:
        print(f"FAIL: {name}: a storm of {storm} comments, and not triaging scored "
              f"{res[0]['overall']} against {res[1]['overall']} (not 10 points lower)"); ok = False
    if res[0]["overall"] > res[1]["overall"] + 2:
        print(f"FAIL: {name}: not triaging scored {res[0]['overall']}, more than triaging "
              f"({res[1]['overall']})"); ok = False

# The introduction's first ten real minutes: one new item to answer a minute at most.
intro = f"{tmp}/introduktion-t1.jsonl"
if os.path.exists(intro):
    head = None
    per_minute = {}
    for line in open(intro, encoding="utf-8"):
        r = json.loads(line)
        if r["type"] == "header":
            head = r
            start = datetime.datetime.fromisoformat(r["start"])
        elif r["type"] == "item" and r.get("deadline"):
            m = int((datetime.datetime.fromisoformat(r["t"]) - start).total_seconds()
                    / head["compression"] // 60)
            if m < 10:
                per_minute.setdefault(m, []).append(r["id"])
    for m, ids in sorted(per_minute.items()):
        if len(ids) > 1:
            print(f"FAIL: introduktion: {len(ids)} items to answer in real minute {m}: {ids}"); ok = False

def replies(path):
    return sum(1 for _, k in log(path)[1] if k in ("reply", "dm_reply"))
fast, slow = replies(f"{tmp}/kommentarsstorm-t0.jsonl"), replies(f"{tmp}/slow.jsonl")
if not slow < fast:
    print(f"FAIL: with reply=90 it sent {slow} replies, with reply=45 {fast}"); ok = False
pace("kommentarsstorm reply=90", f"{tmp}/slow.jsonl")
sys.exit(0 if ok else 1)
PY
[ "$fail" = 0 ] && echo "human: all checks passed"
exit $fail
