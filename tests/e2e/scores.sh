#!/usr/bin/env bash
# End-to-end scoring: every bundled scenario (and the test scenarios) run with the
# diligent and the careless scripted participant; the diligent one must score at least 85
# overall, the careless one at most 50 with feedback that names the rules it broke, every
# feedback line must name a rule id that exists, the feedback's costs add up to the points
# lost, and re-scoring the log gives the same
# results byte for byte.
# Usage: bash tests/e2e/scores.sh STORMDRILL_BINARY TMPDIR   (from the repo root)
set -u
bin=$1
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
fail=0

for scenario in scenarios/*.lua scenarios/en/*.lua tests/data/mini.lua tests/data/hijack.lua; do
    name=$(basename "$scenario" .lua)
    case "$scenario" in scenarios/en/*) name="en-$name" ;; esac
    for who in diligent careless; do
        out="$tmp/$name-$who"
        # A scenario may ship its own scripted participants: scenarios/participants/<name>-<who>.lua
        bot="scenarios/participants/$name-$who.lua"
        [ -f "$bot" ] || bot="scenarios/participants/$who.lua"
        if ! "$bin" run --headless --quiet --seed 11 --participant "$bot" \
                --log "$out.jsonl" --out "$out.json" --csv "$out.csv" "$scenario"; then
            echo "FAIL: run $scenario with $who"; fail=1; continue
        fi
        if ! "$bin" score --quiet "$out.jsonl" --out "$out.rescored.json" ||
           ! cmp -s "$out.json" "$out.rescored.json"; then
            echo "FAIL: re-scoring $out.jsonl does not give the same results"; fail=1
        fi
        python3 - "$out.json" "$who" "$scenario" <<'PY' || fail=1
import json, sys
path, who, scenario = sys.argv[1:]
d = json.load(open(path))
rule_ids = {"answer_questions", "refer_right_authority", "silent_audience", "move_case",
            "greeting", "signoff", "plain_language", "courteous", "personal", "speed",
            "acknowledge", "concise", "link", "implicit_question", "repeat_once",
            "strengthen_message", "response_model", "show_action", "get_backup", "act_fast",
            "analyse_volume", "active_in_comments", "public_record", "inform_up",
            "qa_templates", "scenario_exercises", "secure_accounts", "private_data"}
s = d["scores"]
ok = True
for fb in d["feedback"]:
    if fb["rule"] not in rule_ids:
        print(f"FAIL: {scenario} {who}: feedback names unknown rule {fb['rule']}"); ok = False
    if len(fb["text"]) < 20:
        print(f"FAIL: {scenario} {who}: feedback without text"); ok = False
# The feedback explains the points lost: its costs add up to them (within rounding and
# the few points a check without its own feedback line may take).
lost, cost = 100 - s["overall"], sum(fb["cost"] for fb in d["feedback"])
if cost > lost + 0.5 or cost < lost - max(2.5, 0.05 * lost):
    print(f"FAIL: {scenario} {who}: feedback costs {cost:.2f} points, the score lost {lost:.2f}"); ok = False
if who == "diligent" and s["overall"] < 85:
    print(f"FAIL: {scenario}: diligent scored {s['overall']} (< 85)"); ok = False
if who == "careless":
    if s["overall"] > 50:
        print(f"FAIL: {scenario}: careless scored {s['overall']} (> 50)"); ok = False
    broken = {fb["rule"] for fb in d["feedback"]}
    if not broken & {"speed", "active_in_comments", "greeting", "signoff", "response_model"}:
        print(f"FAIL: {scenario}: careless feedback names none of the rules it broke: {broken}"); ok = False
print(f"{scenario} {who}: speed {s['speed']} tone {s['tone']} escalation {s['escalation']} overall {s['overall']}")
sys.exit(0 if ok else 1)
PY
        if ! head -c 3 "$out.csv" | od -An -tx1 | grep -q "ef bb bf"; then
            echo "FAIL: $out.csv does not start with a UTF-8 byte-order mark"; fail=1
        fi
    done
done
exit $fail
