#!/usr/bin/env bash
# End-to-end: a participant who brings in a colleague before anyone asks
# (tests/data/participants/early-backup.lua). In introduktion (both languages where there is one) the
# manager then never asks for backup; in fortroendekris, whose manager asks for backup in a
# fixed message, the escalation made before that message counts as done in time: no
# message expects colleague_backup in vain, no feedback on such a message says it is
# missing, and re-scoring the log gives the same.
# Usage (from the repository root, as ctest does): bash early_backup.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

if ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL: python3 is needed to read the results (apt-get install python3-minimal)" >&2
    exit 1
fi
rm -rf "${TMP:?}" && mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }

for scenario in scenarios/introduktion.lua scenarios/en/introduktion.lua \
                scenarios/fortroendekris.lua scenarios/en/fortroendekris.lua; do
    [ -f "$scenario" ] || continue
    name=$(echo "$scenario" | tr '/' '-')
    out="$TMP/$name"
    if ! "$SD" run --headless --quiet --seed 7 --participant tests/data/participants/early-backup.lua \
            --log "$out.jsonl" --out "$out.json" "$scenario" 2>"$out.err"; then
        fail "run $scenario exited non-zero:"; sed 's/^/    /' "$out.err" | head -n 5 >&2
        continue
    fi
    python3 - "$out.jsonl" "$out.json" "$scenario" <<'PY' || fail "$scenario: see above"
import json, sys
log, res, scenario = sys.argv[1:]
ok = True
items = [json.loads(l) for l in open(log, encoding="utf-8")]
asked = [r["id"] for r in items if r.get("type") == "item"
         and "colleague_backup" in r.get("expect", {}).get("escalate", [])]
if "introduktion" in scenario and asked:
    print(f"FAIL: {scenario}: backup was already in, yet {asked} asks for it"); ok = False
d = json.load(open(res, encoding="utf-8"))
for it in d["items"]:
    for e in it.get("escalations", []):
        if e["target"] == "colleague_backup" and e["verdict"] != "on_time":
            print(f"FAIL: {scenario}: {it['id']}: colleague_backup {e['verdict']}, "
                  "though it was made before the message arrived"); ok = False
# (the crisis process's own lines, on no item, are about the manager and the statement,
# which this participant leaves out)
for fb in d["feedback"]:
    if fb["rule"] == "get_backup" and fb["item"] in asked:
        print(f"FAIL: {scenario}: feedback on backup: {fb['text']}"); ok = False
sys.exit(0 if ok else 1)
PY
    if ! "$SD" score --quiet "$out.jsonl" --out "$out.rescored.json" ||
       ! cmp -s "$out.json" "$out.rescored.json"; then
        fail "$scenario: re-scoring the log does not give the same results"
    fi
done

[ "$failures" -eq 0 ] || exit 1
echo "early_backup: ok"
