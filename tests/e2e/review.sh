#!/usr/bin/env bash
# End-to-end review (docs/review.md): a bundled scenario run with the diligent participant;
# `stormdrill review LOG --csv-out` writes the sheet (one row per reply and decision, the
# formula guard on text cells); without a display the sheet goes beside the log and is never
# written over; a script fills the sheet in as an evaluator would in a spreadsheet (saved
# with semicolons, as a Swedish spreadsheet does); --csv-in appends the marks (a second
# import changes nothing; bad rows are refused with the line and column, and nothing is
# written); `score --review` carries the agreement in the results, checked against what the
# sheet says; a review of another log is refused; `report` has the agreement table in
# report.html and review_agreement.csv.
# Usage: bash tests/e2e/review.sh STORMDRILL_BINARY TMPDIR   (from the repo root)
set -u
bin=$1
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
fail=0
nodisplay() { env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$@"; }

log=$tmp/run.jsonl
"$bin" run --headless --quiet --seed 5 --participant scenarios/participants/diligent.lua \
    --log "$log" --out "$tmp/run.json" scenarios/svar-pa-kritik.lua || { echo "FAIL: run"; exit 1; }

# The sheet, asked for.
nodisplay "$bin" review "$log" --csv-out "$tmp/sheet.csv" > "$tmp/out.txt" || { echo "FAIL: --csv-out"; fail=1; }
grep -q "replies and decisions to review in $tmp/sheet.csv" "$tmp/out.txt" || { echo "FAIL: --csv-out said"; cat "$tmp/out.txt"; fail=1; }

# Without a display: beside the log, and never over an existing sheet.
nodisplay "$bin" review "$log" > /dev/null 2> "$tmp/err.txt" || { echo "FAIL: review without a display"; cat "$tmp/err.txt"; fail=1; }
grep -q "no display for the review window" "$tmp/err.txt" || { echo "FAIL: no display not said"; fail=1; }
[ -f "$log.review.csv" ] || { echo "FAIL: no $log.review.csv"; fail=1; }
cmp -s "$log.review.csv" "$tmp/sheet.csv" || { echo "FAIL: the two sheets differ"; fail=1; }
if nodisplay "$bin" review "$log" > /dev/null 2> "$tmp/err.txt"; then
    echo "FAIL: the sheet beside the log was written over"; fail=1
fi
grep -q "exists" "$tmp/err.txt" || { echo "FAIL: 'already exists' not said"; cat "$tmp/err.txt"; fail=1; }
"$bin" review "$log" --csv-out a.csv --csv-in b.csv 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: --csv-out with --csv-in is not a usage error"; fail=1; }

# The evaluator fills the sheet in.
python3 - "$tmp/sheet.csv" "$tmp/filled.csv" "$tmp/expected.json" <<'PY' || fail=1
import csv, json, sys
src, dst, exp = sys.argv[1:]
raw = open(src, encoding="utf-8").read()
assert raw.startswith("\ufeff"), "no byte-order mark"
rows = list(csv.DictReader(open(src, encoding="utf-8-sig", newline="")))
want = ["kind", "action", "item", "time", "author", "item_text", "reply", "decision", "machine_answers",
        "machine_tone_ok", "machine_failed", "machine_decision_ok", "evaluator", "answers", "tone_ok",
        "decision_ok", "note"]
assert list(rows[0].keys()) == want, list(rows[0].keys())
replies = [r for r in rows if r["kind"] == "reply"]
decisions = [r for r in rows if r["kind"] == "decision"]
assert len(replies) >= 3 and len(decisions) >= 3, (len(replies), len(decisions))
assert all(r["reply"] for r in replies) and all(r["action"].isdigit() for r in replies)
assert all(r["decision"] and not r["action"] for r in decisions)
assert all(not r[k] for r in rows for k in ("evaluator", "answers", "tone_ok", "decision_ok", "note"))
for r in rows:  # the formula guard: no text cell a spreadsheet would run
    for k, v in r.items():
        if v[:1] in ("=", "+", "-", "@") and not v.lstrip("+-").replace(".", "").isdigit():
            raise SystemExit(f"unguarded cell {k}={v!r}")
times = [r["time"] for r in rows]
assert times == sorted(times), "not in time order"
tone_set = {"greeting", "signoff", "acknowledge", "concise", "plain_language", "courteous",
            "private_data", "spelling", "name"}
rules, compared, agreed = {}, 0, 0
def count(rule, ok):
    r = rules.setdefault(rule, [0, 0]); r[0] += 1; r[1] += ok
for i, r in enumerate(replies):
    r["answers"] = ["ja", "Delvis", "nej"][i % 3]
    r["tone_ok"] = "nej" if i % 2 else "yes"
    if i == 0:
        r["note"] = "=HYPERLINK(\"x\") och å ä ö; \"citat\"\nandra raden"
    ans = {"ja": 2, "delvis": 1, "nej": 0}[r["answers"].lower()]
    if r["machine_answers"] in ("yes", "no"):
        ag = ans != 0 if r["machine_answers"] == "yes" else ans == 0
        count("answer_questions", ag); compared += 1; agreed += ag
    ok = r["tone_ok"] == "yes"
    failed = [c for c in r["machine_failed"].split() if c in tone_set]
    for c in failed:
        count(c, not ok)
    if not failed:
        count("courteous", ok)
    ag = ok == (not failed)
    count("tone", ag); compared += 1; agreed += ag
for i, r in enumerate(decisions):
    machine = r["machine_decision_ok"] == "yes"
    mine = machine if i % 4 else not machine   # disagree with every fourth
    r["decision_ok"] = "ja" if mine else "nej"
    count("response_model", mine == machine); compared += 1; agreed += mine == machine
# as a spreadsheet in a Swedish locale saves it: semicolons, a BOM, CRLF
with open(dst, "w", encoding="utf-8-sig", newline="") as f:
    w = csv.DictWriter(f, fieldnames=want, delimiter=";")
    w.writeheader(); w.writerows(rows)
json.dump({"rules": rules, "compared": compared, "agreed": agreed, "replies": len(replies),
           "decisions": len(decisions)}, open(exp, "w"))
PY

# Bad sheets are refused with the line and the column, and nothing is written.
rev=$log.review.jsonl
python3 - "$tmp/filled.csv" "$tmp" <<'PY' || fail=1
import csv, sys
src, tmp = sys.argv[1:]
rows = list(csv.reader(open(src, encoding="utf-8-sig", newline=""), delimiter=";"))
head = rows[0]
def bad(name, changes):
    rs = [list(r) for r in rows]
    k = 3  # the third data row (after the first, with its two-line note)
    for col, val in changes.items():
        rs[k][head.index(col)] = val
    with open(f"{tmp}/bad-{name}.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rs)
    # the line the row starts on
    rd = csv.reader(open(f"{tmp}/bad-{name}.csv", encoding="utf-8", newline=""), delimiter=";")
    last = 0
    for i, _ in enumerate(rd):
        if i == k:
            open(f"{tmp}/bad-{name}.line", "w").write(str(last + 1))
        last = rd.line_num
reply = rows[3][0] == "reply"
bad("answers", {"answers": "kanske"} if reply else {"decision_ok": "kanske"})
bad("action", {"action": "9999"} if reply else {"item": "no-such-item"})
PY
for b in answers action; do
    if "$bin" review "$log" --csv-in "$tmp/bad-$b.csv" --evaluator Eva > /dev/null 2> "$tmp/err.txt"; then
        echo "FAIL: bad sheet ($b) read"; fail=1
    fi
    line=$(cat "$tmp/bad-$b.line" 2>/dev/null)
    grep -Eq "bad-$b.csv:$line: column (answers|decision_ok|action|item):" "$tmp/err.txt" || { echo "FAIL: bad sheet ($b) message (line $line)"; cat "$tmp/err.txt"; fail=1; }
done
if [ -f "$rev" ] && [ "$(wc -l < "$rev")" -ne 1 ]; then echo "FAIL: a bad sheet wrote marks"; fail=1; fi

# The filled sheet read back.
"$bin" review "$log" --csv-in "$tmp/filled.csv" --evaluator Eva > "$tmp/out.txt" || { echo "FAIL: --csv-in"; cat "$tmp/out.txt"; fail=1; }
n=$(python3 -c "import json;d=json.load(open('$tmp/expected.json'));print(d['replies']+d['decisions'])")
grep -q "^$n marks from" "$tmp/out.txt" || { echo "FAIL: --csv-in wrote not $n marks"; cat "$tmp/out.txt"; fail=1; }
"$bin" review "$log" --csv-in "$tmp/filled.csv" --evaluator Eva > "$tmp/out.txt" || fail=1
grep -q "^0 marks from.*($n rows unchanged)" "$tmp/out.txt" || { echo "FAIL: a second import changed the review"; cat "$tmp/out.txt"; fail=1; }
[ "$(wc -l < "$rev")" -eq $((n + 1)) ] || { echo "FAIL: the review file has not $n marks"; fail=1; }
# the sheet written again carries the marks
nodisplay "$bin" review "$log" --csv-out "$tmp/again.csv" > /dev/null || fail=1
grep -q ',Eva,' "$tmp/again.csv" || { echo "FAIL: the marks are not in a new sheet"; fail=1; }
grep -q "'=HYPERLINK" "$tmp/again.csv" || { echo "FAIL: the note's formula is not guarded"; fail=1; }

# Scored with the review: the agreement in the results is what the sheet says.
"$bin" score --quiet "$log" --review "$rev" --out "$tmp/reviewed.json" || { echo "FAIL: score --review"; fail=1; }
"$bin" score "$log" --review "$rev" > "$tmp/card.txt" || fail=1
grep -q "Samstämmighet med maskinen" "$tmp/card.txt" || { echo "FAIL: the scorecard has no agreement"; fail=1; }
python3 - "$tmp/reviewed.json" "$tmp/run.json" "$tmp/expected.json" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1])); plain = json.load(open(sys.argv[2])); e = json.load(open(sys.argv[3]))
assert "review" not in plain
rv = r["review"]
assert rv["format"] == "stormdrill.review/1" and rv["evaluators"] == ["Eva"], rv
assert rv["marks"] == e["replies"] + e["decisions"]
assert rv["replies_reviewed"] == e["replies"] and rv["decisions_reviewed"] == e["decisions"]
assert rv["compared"] == e["compared"] and rv["agreed"] == e["agreed"], (rv, e)
got = {row["rule"]: [row["reviewed"], row["agreed"]] for row in rv["agreement"]}
assert got == e["rules"], (got, e["rules"])
keys = list(r.keys())
assert keys.index("review") < keys.index("items")
PY

# A review belongs to its log: another run's log refuses it.
"$bin" run --headless --quiet --seed 6 --participant scenarios/participants/diligent.lua \
    --log "$tmp/other.jsonl" scenarios/svar-pa-kritik.lua || fail=1
if "$bin" score --quiet "$tmp/other.jsonl" --review "$rev" 2> "$tmp/err.txt"; then
    echo "FAIL: a review of another log was taken"; fail=1
fi
grep -q "made for another log" "$tmp/err.txt" || { echo "FAIL: another log not said"; cat "$tmp/err.txt"; fail=1; }

# The report: the agreement table and its CSV.
"$bin" report --quiet "$tmp/reviewed.json" "$tmp/run.json" --out "$tmp/report" || { echo "FAIL: report"; fail=1; }
grep -q '<h2 id="review">' "$tmp/report/report.html" || { echo "FAIL: no review section in report.html"; fail=1; }
python3 - "$tmp/report/review_agreement.csv" "$tmp/expected.json" <<'PY' || fail=1
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
e = json.load(open(sys.argv[2]))
alls = {r["rule"]: [int(r["reviewed"]), int(r["agreed"])] for r in rows if r["file"] == "all"}
total = alls.pop("all")
assert alls == e["rules"], (alls, e["rules"])
assert total == [e["compared"], e["agreed"]], total
for r in rows:
    rev, ag = int(r["reviewed"]), int(r["agreed"])
    assert abs(float(r["agreement_percent"]) - 100.0 * ag / rev) < 0.06
assert not any(r["file"].endswith("run.json") for r in rows)  # the result without a review
PY
# A report of results without a review has no review file.
"$bin" report --quiet "$tmp/run.json" --out "$tmp/report2" || fail=1
[ ! -e "$tmp/report2/review_agreement.csv" ] || { echo "FAIL: review_agreement.csv without a review"; fail=1; }

[ $fail -eq 0 ] && echo "review: ok"
exit $fail
