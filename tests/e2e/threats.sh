#!/usr/bin/env bash
# End-to-end: threats are handled the same in every bundled scenario, in both languages.
# Every bundled scenario is run with the diligent and the careless participant (the two
# set off different callbacks), and every item of class illegal that arrived is read from
# the logs, storm comments and injected items included. Each one is a threat or
# someone's personal data, told apart by its words (the lists below; a storm comment whose
# theme is of kind threat is a threat whatever its words). An illegal item that is neither
# fails: add its wording to a list. Every threat must expect
#   ok = hide, report; fault = delete, monitor, reply; escalate = legal, plus
#   other_authority exactly when the scenario's description says the police are involved
#   ("polisen utreder", "the police are investigating"); within 15 minutes; weight 2.
# The Swedish and the English version of a scenario must have as many threats.
# Usage (from the repository root, as ctest does): bash threats.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

if ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL: python3 is needed to read the logs (apt-get install python3-minimal)" >&2
    exit 1
fi
rm -rf "${TMP:?}" && mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }

for scenario in scenarios/*.lua scenarios/en/*.lua; do
    name=$(echo "$scenario" | tr '/' '-')
    for who in diligent careless; do
        out="$TMP/$name-$who"
        if ! "$SD" run --headless --quiet --seed 11 --participant "scenarios/participants/$who.lua" \
                --log "$out.jsonl" --out "$out.json" "$scenario" 2>"$out.err"; then
            fail "run $scenario with $who exited non-zero:"
            sed 's/^/    /' "$out.err" | head -n 5 >&2
        fi
    done
done

python3 - "$TMP" scenarios/*.lua scenarios/en/*.lua <<'PY' || fail "threats: see above"
import glob, json, os, re, sys

tmp, scenarios = sys.argv[1], sys.argv[2:]

# Words that make a comment a threat (Swedish and English), and words that make it
# someone's personal data. Lower case; matched as regular expressions.
THREAT = [
    r"akta sig", r"ångra[rt]? sig", r"hälsar på (honom|henne|dem)", r"vet var (hon|han|du|ni|de) bor",
    r"kommer (jag|vi) hem till", r"visar vad vi tycker", r"\bdöda\b", r"slå ihjäl", r"skjut(a|er)\b",
    r"spräng", r"bränn(a|er) (ner|upp)", r"ska få (betala|se)", r"\bhotar?\b",
    r"watch out", r"know where (she|he|you|they) lives?", r"paid? (him|her|them) a visit",
    r"regrets? it", r"come to (her|his|your|their) (house|home)", r"showed? (him|her|them) what we think",
    r"\bkill\b", r"\bshoot\b", r"burn (it|him|her|them) down", r"\bthreaten",
]
PERSONAL = [
    r"\b0\d{1,3}[- ]?\d{2,3}[ -]?\d{2}[ -]?\d{2}\b", r"\b\d{6,8}[-+]\d{4}\b",
    r"\b[A-ZÅÄÖ][a-zåäö]+(vägen|gatan|gränd|stigen) \d+", r"\bbor på\b", r"\blives at\b",
    r"\b(heter|is called)\b",
]
POLICE = [r"polisen (utreder|är (informerad|inkopplad)|har (fått|tagit))",
          r"polisanmälan är gjord", r"the police (are|is) (investigating|informed|involved)",
          r"the police have (been|taken)", r"a police report has been made"]

def matches(pats, text):
    return [p for p in pats if re.search(p, text, re.IGNORECASE)]

def description(path):
    src = open(path, encoding="utf-8").read()
    m = re.search(r"description\s*=\s*\[(=*)\[(.*?)\]\1\]", src, re.S)
    return m.group(2) if m else ""

ok = True
def bad(msg):
    global ok
    print("FAIL: " + msg)
    ok = False

counts = {}
for scenario in scenarios:
    name = scenario.replace("/", "-")
    police = bool(matches(POLICE, description(scenario)))
    want_escalate = {"legal", "other_authority"} if police else {"legal"}
    threats, seen = set(), set()
    for path in glob.glob(os.path.join(tmp, name + "-*.jsonl")):
        theme_kind = {}
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if r.get("type") == "header":
                for th in r.get("themes", []) or []:
                    theme_kind[(th.get("storm"), th.get("id"))] = th.get("kind")
                continue
            if r.get("type") != "item":
                continue
            e = r.get("expect", {})
            if e.get("class") != "illegal":
                continue
            text = r.get("text", "")
            key = (r.get("storm") or r["id"], text)
            if key in seen:
                continue
            seen.add(key)
            kind = theme_kind.get((r.get("storm"), r.get("theme")))
            threat = kind == "threat" or bool(matches(THREAT, text))
            where = f"{scenario}: {r['id']} ({text[:60]}...)"
            if not threat:
                if kind != "personal_data" and not matches(PERSONAL, text):
                    bad(f"{where}: class illegal, but neither a threat nor personal data by its "
                        "words: add its wording to THREAT or PERSONAL in tests/e2e/threats.sh")
                continue
            threats.add(r.get("storm") or r["id"])
            got = {
                "ok": sorted(e.get("ok", [])), "fault": sorted(e.get("fault", [])),
                "escalate": sorted(e.get("escalate", [])), "within": e.get("within"),
                "weight": e.get("weight", 1),
            }
            want = {
                "ok": ["hide", "report"], "fault": ["delete", "monitor", "reply"],
                "escalate": sorted(want_escalate), "within": 900, "weight": 2,
            }
            for field in want:
                if got[field] != want[field]:
                    bad(f"{where}: a threat with {field} = {got[field]}, expected {want[field]}"
                        + (" (the description says the police are involved)" if police and field == "escalate" else ""))
    counts[scenario] = len(threats)

for scenario, n in counts.items():
    if scenario.startswith("scenarios/en/"):
        sv = "scenarios/" + scenario[len("scenarios/en/"):]
        if sv in counts and counts[sv] != n:
            bad(f"{scenario} has {n} threats, {sv} has {counts[sv]}")
print("threats per scenario: " + ", ".join(f"{os.path.basename(os.path.dirname(s)) + '/' if '/en/' in s else ''}{os.path.basename(s)} {n}" for s, n in counts.items()))
if sum(counts.values()) == 0:
    bad("no threat found in any bundled scenario: the check checks nothing")
sys.exit(0 if ok else 1)
PY

[ "$failures" -eq 0 ] || exit 1
echo "threats: ok"
