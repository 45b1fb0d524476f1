#!/usr/bin/env bash
# End-to-end: runs the test scenarios with the diligent and the careless participant and
# checks that runs are reproducible, that `score` rebuilds the run's results byte for byte,
# and a few facts about the results.
# Usage (from the repository root, as ctest does): bash run_scenarios.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"
SCENARIOS="tests/data/mini.lua tests/data/hijack.lua"
PARTICIPANTS="diligent careless"

if ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL: python3 is needed to check the results JSON (apt-get install python3-minimal)" >&2
    exit 1
fi
mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }
rm -rf "${TMP:?}"/run_scenarios
W="$TMP/run_scenarios"
mkdir -p "$W" || { echo "FAIL: cannot create $W" >&2; exit 1; }

# run NAME SEED SCENARIO PARTICIPANT: writes $W/NAME.jsonl, .json and .stdout.
run() {
    local name=$1 seed=$2 scenario=$3 participant=$4
    "$SD" run --headless --participant "scenarios/participants/$participant.lua" \
        --seed "$seed" --no-wall-clock --log "$W/$name.jsonl" --out "$W/$name.json" \
        "$scenario" >"$W/$name.stdout" 2>"$W/$name.stderr"
    local rc=$?
    if [ $rc -ne 0 ]; then
        fail "run $scenario with $participant (seed $seed) exited $rc:"
        sed 's/^/    /' "$W/$name.stderr" >&2
        return 1
    fi
    return 0
}

# json FILE EXPR: prints the value of a Python expression over the parsed document r.
json() {
    python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    r = json.load(f)
print(eval(sys.argv[2]))
' "$1" "$2"
}

for scenario in $SCENARIOS; do
    base=$(basename "$scenario" .lua)
    for p in $PARTICIPANTS; do
        a="$base-$p-a"
        b="$base-$p-b"
        run "$a" 3 "$scenario" "$p" || continue
        run "$b" 3 "$scenario" "$p" || continue

        # The same seed gives the same exercise, byte for byte.
        cmp -s "$W/$a.jsonl" "$W/$b.jsonl" ||
            fail "$scenario with $p: two runs with seed 3 wrote different logs ($W/$a.jsonl, $W/$b.jsonl)"
        cmp -s "$W/$a.json" "$W/$b.json" ||
            fail "$scenario with $p: two runs with seed 3 wrote different results ($W/$a.json, $W/$b.json)"

        # The log ends with an end record.
        last=$(tail -n 1 "$W/$a.jsonl")
        case $last in
        '{"type":"end",'*) ;;
        *) fail "$scenario with $p: the log's last line is not an end record: $last" ;;
        esac

        # `score` rebuilds the same results from the log alone.
        "$SD" score "$W/$a.jsonl" --out "$W/$a.score.json" >"$W/$a.score.stdout" 2>"$W/$a.score.stderr"
        rc=$?
        if [ $rc -ne 0 ]; then
            fail "score $W/$a.jsonl exited $rc: $(cat "$W/$a.score.stderr")"
        else
            cmp -s "$W/$a.json" "$W/$a.score.json" ||
                fail "$scenario with $p: score --out differs from the run's results ($W/$a.json, $W/$a.score.json)"
            if [ -s "$W/$a.score.stderr" ]; then
                fail "score $W/$a.jsonl printed to stderr: $(cat "$W/$a.score.stderr")"
            fi
        fi

        # The results are valid JSON of the right schema.
        schema=$(json "$W/$a.json" 'r["schema"]' 2>&1) ||
            fail "$W/$a.json is not valid JSON: $schema"
        [ "$schema" = "stormdrill.result/2" ] ||
            fail "$W/$a.json: schema is '$schema', not stormdrill.result/2"
    done
done

# Facts: the diligent participant answers more items on time than the careless one.
for base in mini hijack; do
    d="$W/$base-diligent-a.json"
    c="$W/$base-careless-a.json"
    if [ ! -f "$d" ] || [ ! -f "$c" ]; then continue; fi
    dn=$(json "$d" 'r["summary"]["on_time"]') || { fail "cannot read $d"; continue; }
    cn=$(json "$c" 'r["summary"]["on_time"]') || { fail "cannot read $c"; continue; }
    if [ "$dn" -le "$cn" ]; then
        fail "$base: diligent answered $dn items on time, careless $cn (expected diligent > careless)"
    fi
    dr=$(json "$d" 'r["summary"]["rejected_actions"]')
    [ "$dr" = 0 ] || fail "$base: the diligent participant had $dr rejected actions"
done

# Facts for the hijack: the diligent participant locks the attacker out, so fewer attacker
# posts appear than with the careless one, and it takes every account step.
d="$W/hijack-diligent-a.json"
c="$W/hijack-careless-a.json"
if [ -f "$d" ] && [ -f "$c" ]; then
    count='sum(1 for i in r["items"] if i["kind"] == "attacker_post")'
    dn=$(json "$d" "$count")
    cn=$(json "$c" "$count")
    if [ "$dn" -ge "$cn" ]; then
        fail "hijack: $dn attacker posts with diligent, $cn with careless (expected fewer with diligent)"
    fi
    steps=$(json "$d" '",".join(sorted(set(a["step"] for a in r["actions"] if a["action"] == "account")))')
    [ "$steps" = "change_password,enable_2fa,remove_access,revoke_sessions" ] ||
        fail "hijack: the diligent participant's account steps are '$steps'"
    esc=$(json "$d" '[a["target"] for i in r["items"] if i["kind"] == "notice" for a in i["actions"] if a["action"] == "escalate"]')
    [ "$esc" = "['it_security']" ] ||
        fail "hijack: the notice was escalated to $esc, expected ['it_security']"
    pub=$(json "$d" 'sum(1 for a in r["actions"] if a["action"] == "publish")')
    [ "$pub" -ge 1 ] || fail "hijack: the diligent participant published no post to inform followers"
fi

# A different seed gives a different exercise (mini has a storm, drawn from the seed).
if run mini-diligent-seed4 4 tests/data/mini.lua diligent; then
    same=$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
b = json.load(open(sys.argv[2], encoding="utf-8"))
print(a["items"] == b["items"])
' "$W/mini-diligent-a.json" "$W/mini-diligent-seed4.json") || same=error
    [ "$same" = False ] ||
        fail "mini: seeds 3 and 4 gave the same items ($same)"
fi

if [ $failures -ne 0 ]; then
    echo "run_scenarios: $failures check(s) failed; files in $W" >&2
    exit 1
fi
rm -rf "$W"
echo "run_scenarios: all checks passed"
exit 0
