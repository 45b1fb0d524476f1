#!/usr/bin/env bash
# End-to-end: `stormdrill tone` on a good and a bad Swedish reply (the JSON parsed with
# python3: check ids, pass values, score), an English reply, the readable verdict, and the
# exit statuses (0 checked, 1 bad input, 2 bad usage).
# Usage (from the repository root, as ctest does): bash tone.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }
rm -rf "${TMP:?}"/tone
W="$TMP/tone"
mkdir -p "$W" || { echo "FAIL: cannot create $W" >&2; exit 1; }
OUT="$W/out"
ERR="$W/err"

# tone EXPECTED_STATUS INPUT_FILE ARGS...: runs stormdrill tone; output in $OUT and $ERR.
tone() {
    local want=$1 input=$2
    shift 2
    "$SD" tone "$@" <"$input" >"$OUT" 2>"$ERR"
    local rc=$?
    if [ $rc -ne "$want" ]; then
        fail "stormdrill tone $* < $(basename "$input") exited $rc, expected $want"
        sed 's/^/    stdout: /' "$OUT" | head -n 5 >&2
        sed 's/^/    stderr: /' "$ERR" | head -n 5 >&2
        return 1
    fi
    return 0
}
contains() {
    grep -qF -- "$2" "$1" || {
        fail "$3: expected '$2' in its $(basename "$1")"
        sed 's/^/    /' "$1" | head -n 5 >&2
    }
}
# verdict WHAT EXPECTED: checks the JSON in $OUT. EXPECTED is a Python dict literal of
# id -> [applies, pass], plus optional keys "score", "words", "personal", "template".
verdict() {
    python3 - "$OUT" "$1" "$2" <<'PY' || failures=$((failures + 1))
import json, sys
path, what, expected = sys.argv[1], sys.argv[2], eval(sys.argv[3])
with open(path, encoding="utf-8") as f:
    text = f.read()
try:
    doc = json.loads(text)
except ValueError as e:
    print(f"FAIL: {what}: not JSON ({e}): {text[:200]}", file=sys.stderr)
    sys.exit(1)
bad = []
if set(doc) != {"checks", "signals", "lix", "words", "score"}:
    bad.append(f"top-level keys {sorted(doc)}")
ids = [c["id"] for c in doc["checks"]]
want_ids = ["greeting", "signoff", "acknowledge", "link", "concise", "plain_language",
            "courteous", "private_data", "answers", "refer", "channel", "avoid", "spelling",
            "name"]
if ids != want_ids:
    bad.append(f"check ids {ids}")
for c in doc["checks"]:
    if set(c) != {"id", "applies", "pass", "detail"} or not isinstance(c["detail"], str):
        bad.append(f"check object {c}")
    if c["id"] in expected and [c["applies"], c["pass"]] != expected[c["id"]]:
        bad.append(f"{c['id']}: applies {c['applies']} pass {c['pass']} ({c['detail']}), "
                   f"expected {expected[c['id']]}")
if set(doc["signals"]) != {"personal", "template_unedited"}:
    bad.append(f"signals {doc['signals']}")
for key, name in (("personal", "personal"), ("template", "template_unedited")):
    if key in expected and doc["signals"][name] != expected[key]:
        bad.append(f"signal {name} {doc['signals'][name]}")
if "score" in expected and abs(doc["score"] - expected["score"]) > 1e-9:
    bad.append(f"score {doc['score']}, expected {expected['score']}")
if "words" in expected and doc["words"] != expected["words"]:
    bad.append(f"words {doc['words']}, expected {expected['words']}")
if not isinstance(doc["lix"], (int, float)):
    bad.append(f"lix {doc['lix']}")
for b in bad:
    print(f"FAIL: {what}: {b}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}

# ---- a good Swedish reply to an angry author ----
cat >"$W/good.txt" <<'EOF'
Hej Åsa!

Jag förstår att du är orolig för vattnet. Vi testar det varje dag och i dag är det bra att dricka igen. Läs mer på https://stockholm.se/vatten.

Vänliga hälsningar,
Bo
EOF
if tone 0 "$W/good.txt" --to Åsa --signer Bo --mood angry --expect-link --json; then
    verdict "good reply" "{'greeting': [True, True], 'signoff': [True, True],
        'acknowledge': [True, True], 'link': [True, True], 'concise': [True, True],
        'plain_language': [True, True], 'courteous': [True, True],
        'private_data': [True, True], 'score': 100.0, 'words': 25, 'personal': True,
        'template': False}"
fi

# ---- a bad one: wrong name, acknowledges late, shouts, "!!", asks for personal data ----
printf 'Hej Asa!\r\nVi har REDAN SVARAT PÅ detta!! Jag förstår. Skriv ditt personnummer 19900101-2385 så kollar vi.\r\nMvh Bo\r\n' >"$W/bad.txt"
if tone 0 "$W/bad.txt" --to Åsa --signer Bo --mood frustrated --json; then
    # applicable: greeting 1, signoff 1, acknowledge 1.5, concise 1, plain 1, courteous 2,
    # private_data 2, name 2 ("Asa" is Åsa misspelt, not someone else), spelling 1.5 = 13;
    # passed: concise, plain_language, name, spelling (the capitals are not checked) = 5.5.
    # Details in Swedish, the reply's language.
    verdict "bad reply" "{'greeting': [True, False], 'signoff': [True, False],
        'acknowledge': [True, False], 'link': [False, True], 'concise': [True, True],
        'plain_language': [True, True], 'courteous': [True, False],
        'private_data': [True, False], 'name': [True, True], 'spelling': [True, True],
        'score': 550 / 13,
        'personal': True}"
    contains "$OUT" "först senare" "bad reply acknowledge detail"
    contains "$OUT" "förkortningen" "bad reply signoff detail"
    contains "$OUT" "19900101-****" "bad reply private_data detail"
fi
# The same as a direct message: private_data does not apply (11; passed 5.5).
if tone 0 "$W/bad.txt" --to Åsa --signer Bo --mood frustrated --private --json; then
    verdict "bad reply in private" "{'private_data': [False, True], 'score': 550 / 11}"
fi
# Tighter limits: the good reply is too long for 10 words and too hard for LIX 10.
if tone 0 "$W/good.txt" --to Åsa --signer Bo --max-words 10 --max-lix 10 --json; then
    verdict "good reply, tight limits" "{'concise': [True, False],
        'plain_language': [True, False], 'acknowledge': [False, True], 'link': [False, True]}"
fi

# ---- English ----
printf 'Hi John!\nSorry to hear about the delay. The bus runs again from 14.30, see www.sl.se.\nKind regards, Anna\n' >"$W/en.txt"
if tone 0 "$W/en.txt" --lang en --to John --signer Anna --mood angry --expect-link --json; then
    verdict "English reply" "{'greeting': [True, True], 'signoff': [True, True],
        'acknowledge': [True, True], 'link': [True, True], 'score': 100.0}"
fi

# ---- the readable verdict ----
if tone 0 "$W/bad.txt" --to Åsa --signer Bo --mood frustrated; then
    contains "$OUT" "✗ greeting" "verdict"
    contains "$OUT" "– link" "verdict"
    contains "$OUT" "✓ concise" "verdict"
    contains "$OUT" "score 42.3" "verdict"
    contains "$OUT" "LIX " "verdict"
fi

# ---- input that is repaired or refused ----
printf 'Hej \xc5sa!\nVi lagar det \xff\xfe i dag.\nV\xe4nliga h\xe4lsningar, Bo\n' >"$W/latin1.txt"
if tone 0 "$W/latin1.txt" --to Åsa --signer Bo --json; then
    python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$OUT" ||
        fail "invalid UTF-8 input: output is not UTF-8 JSON"
fi
: >"$W/empty.txt"
tone 1 "$W/empty.txt" --to Åsa --signer Bo && contains "$ERR" "empty" "empty input"
printf ' \n\t\r\n' >"$W/blank.txt"
tone 1 "$W/blank.txt" --to Åsa --signer Bo
head -c 70000 /dev/zero | tr '\0' 'a' >"$W/long.txt"
tone 1 "$W/long.txt" --to Åsa --signer Bo && contains "$ERR" "64 KiB" "too long input"
head -c 65536 /dev/zero | tr '\0' 'a' >"$W/limit.txt"
tone 0 "$W/limit.txt" --to Åsa --signer Bo --json

# ---- usage ----
tone 0 "$W/good.txt" --help && contains "$OUT" "Usage: stormdrill tone" "tone --help"
tone 2 "$W/good.txt" --signer Bo && contains "$ERR" "--to NAME is required" "missing --to"
tone 2 "$W/good.txt" --to Åsa && contains "$ERR" "--signer NAME is required" "missing --signer"
tone 2 "$W/good.txt" --to Åsa --signer Bo --mood furious && contains "$ERR" "unknown mood" "bad mood"
tone 2 "$W/good.txt" --to Åsa --signer Bo --lang de && contains "$ERR" "unknown language" "bad lang"
tone 2 "$W/good.txt" --to Åsa --signer Bo --max-words 0
tone 2 "$W/good.txt" --to Åsa --signer Bo --max-words 12x
tone 2 "$W/good.txt" --to Åsa --signer Bo --max-lix -3
tone 2 "$W/good.txt" --to Åsa --signer Bo --max-lix
tone 2 "$W/good.txt" --to Åsa --signer Bo --frobnicate
tone 2 "$W/good.txt" --to Åsa --signer Bo extra

# ---- the assets folder ----
if STORMDRILL_ASSETS="$W/no-assets" "$SD" tone --to Åsa --signer Bo <"$W/good.txt" >"$OUT" 2>"$ERR"; then
    fail "a missing assets folder was accepted"
else
    contains "$ERR" "$W/no-assets/lexicons/sv/acknowledge.txt" "missing assets"
    contains "$ERR" "STORMDRILL_ASSETS" "missing assets"
fi
STORMDRILL_ASSETS="$PWD/assets" "$SD" tone --to Åsa --signer Bo <"$W/good.txt" >"$OUT" 2>"$ERR" ||
    fail "STORMDRILL_ASSETS=$PWD/assets was refused: $(cat "$ERR")"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "tone: all checks passed"
