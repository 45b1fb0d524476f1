#!/usr/bin/env bash
# End-to-end debrief: every bundled Swedish scenario run with the careless, the demo and the
# diligent scripted participant. What a participant reads (the feedback, the strengths and
# the crisis timeline in the results, the scorecard printed) names people, not ids: no item
# id, storm id or theme id, no English decision or target name; the most serious misses come
# first (critical, then major, then minor); misses alike are merged (one line per kind of
# miss in a storm); the diligent participant has strengths and the careless one's are few;
# the re-scored log gives the same strengths and timeline; the report's participant page
# shows them.
# Usage: bash tests/e2e/debrief.sh STORMDRILL_BINARY TMPDIR   (from the repo root)
set -u
bin=$1
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
fail=0

for scenario in scenarios/*.lua tests/data/mini.lua tests/data/hijack.lua; do
    name=$(basename "$scenario" .lua)
    for who in careless demo diligent; do
        out="$tmp/$name-$who"
        bot="scenarios/participants/$name-$who.lua"
        [ -f "$bot" ] || bot="scenarios/participants/$who.lua"
        if ! "$bin" run --headless --seed 11 --participant "$bot" \
                --log "$out.jsonl" --out "$out.json" "$scenario" > "$out.card.txt"; then
            echo "FAIL: run $scenario with $who"; fail=1; continue
        fi
        if ! "$bin" score --quiet "$out.jsonl" --out "$out.rescored.json" ||
           ! cmp -s "$out.json" "$out.rescored.json"; then
            echo "FAIL: re-scoring $out.jsonl does not give the same results"; fail=1
        fi
        python3 - "$out.json" "$out.card.txt" "$who" "$scenario" <<'PY' || fail=1
import json, re, sys
path, card_path, who, scenario = sys.argv[1:]
d = json.load(open(path))
card = open(card_path, encoding="utf-8").read()
ok = True
def bad(msg):
    global ok
    print(f"FAIL: {scenario} {who}: {msg}")
    ok = False
if d["scenario"]["language"] != "sv":
    sys.exit(0)
ids = {i["id"] for i in d["items"]}
ids |= {i["storm"] for i in d["items"] if i.get("storm")}
ids |= {t["id"] for t in d.get("themes", [])} - {t["label"] for t in d.get("themes", [])}
english = ["monitor", "delete", "hide", "report", "reply", "correct_facts", "refer", "manager",
           "press_officer", "colleague_backup", "case_handling", "it_security", "legal",
           "other_authority", "change_password", "enable_2fa", "revoke_sessions", "remove_access"]
def words(text):
    return set(re.findall(r"[A-Za-z0-9_\-]+", text))
texts = [("feedback", f["text"]) for f in d["feedback"]]
texts += [("strength", s["text"]) for s in d["strengths"]]
texts += [("timeline", t["text"]) for t in d["timeline"]]
# ids that look like ids (c1, s1-000028, i-backup): as words; any id in parentheses or quotes
idlike = {x for x in ids if re.search(r"[0-9_-]", x)}
for kind, text in texts:
    w = words(text)
    named = sorted(x for x in idlike if x in w)
    named += sorted(x for x in ids if f"({x})" in text or f'"{x}"' in text)
    if named:
        bad(f"{kind} names ids {named}: {text[:160]}")
    eng = sorted(x for x in english if x in w)
    if eng:
        bad(f"{kind} names English decisions or targets {eng}: {text[:160]}")
    if "{" in text or "[fb." in text or "[st." in text or "[tl." in text:
        bad(f"{kind} with a gap: {text[:160]}")
# the most serious first
rank = {"critical": 2, "major": 1, "minor": 0}
sev = [rank[f["severity"]] for f in d["feedback"]]
if sev != sorted(sev, reverse=True):
    bad(f"feedback not ordered by severity: {[f['severity'] for f in d['feedback']][:20]}")
# misses alike merged: at most one line per rule and kind of miss about storm replies
storm_tone = [f for f in d["feedback"] if f.get("item") and f["item"].startswith(tuple(
    i["storm"] + "-" for i in d["items"] if i.get("storm")))]
seen = {}
for f in d["feedback"]:
    if f["rule"] in ("greeting", "signoff", "link", "concise", "plain_language", "acknowledge"):
        seen[f["rule"]] = seen.get(f["rule"], 0) + 1
for rule, n in seen.items():
    if n > 1:
        bad(f"{n} separate lines for the miss of form '{rule}' (merged lines expected)")
# strengths: the diligent participant has several, the careless few
if who == "diligent" and len(d["strengths"]) < 3:
    bad(f"diligent has only {len(d['strengths'])} strengths")
if who == "careless" and len(d["strengths"]) > 2:
    bad(f"careless has {len(d['strengths'])} strengths: {[s['id'] for s in d['strengths']]}")
for s in d["strengths"]:
    if not re.fullmatch(r"[a-z_]+", s["id"]):
        bad(f"strength id {s['id']!r}")
# the timeline in time order; a storm has its start and its peak
ts = [t["t"] for t in d["timeline"]]
if ts != sorted(ts):
    bad("timeline not in time order")
if any(i.get("storm") for i in d["items"]):
    events = {t["event"] for t in d["timeline"]}
    if "storm_start" not in events:
        bad(f"timeline of a storm without its start: {sorted(events)}")
# the scorecard shows the strengths and the timeline, with rule names in Swedish
if "Det här gick bra" not in card:
    bad("the scorecard has no strengths section")
if d["timeline"] and "Så hanterade du krisen" not in card:
    bad("the scorecard has no timeline")
for s in d["strengths"][:5]:
    if s["text"] not in card:
        bad(f"the scorecard lacks the strength {s['text'][:60]}")
if re.search(r"\[(greeting|signoff|speed|response_model|active_in_comments), -", card):
    bad("the scorecard names a rule by its id")
print(f"{scenario} {who}: {len(d['feedback'])} lines, {len(d['strengths'])} strengths, "
      f"{len(d['timeline'])} moments")
sys.exit(0 if ok else 1)
PY
    done
done

# The report's participant page: what to fix first, what went well, the crisis as handled.
if "$bin" report "$tmp/kommentarsstorm-demo.json" --out "$tmp/report" --quiet; then
    page="$tmp/report/report.html"
    for want in 'class="debrief"' 'ul class="strengths"' 'table class="moments"' 'Det här gick bra' \
                'Så hanterades krisen'; do
        grep -q "$want" "$page" || { echo "FAIL: the report lacks $want"; fail=1; }
    done
    python3 - "$tmp/kommentarsstorm-demo.json" "$page" <<'PY' || fail=1
import html, json, sys
d = json.load(open(sys.argv[1]))
page = open(sys.argv[2], encoding="utf-8").read()
missing = [t["text"] for t in d["timeline"] + d["strengths"]
           if html.escape(t["text"], quote=False) not in page and html.escape(t["text"]) not in page
           and t["text"].replace('"', "&quot;").replace("'", "&#39;") not in page]
if missing:
    print("FAIL: the report lacks", missing[:3]); sys.exit(1)
PY
else
    echo "FAIL: report"; fail=1
fi
exit $fail
