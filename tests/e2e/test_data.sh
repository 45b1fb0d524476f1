#!/usr/bin/env bash
# End-to-end: the test data holds no personal identity number and no telephone number
# that could be real. Every string in scenarios/, tests/data/, tests/fuzz/corpus/, docs/
# and assets/strings/ that reads as a Swedish personal identity number (the forms the tone
# check's private_data finds: YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN, ten or twelve
# digits, a space only with a right check digit; a coordination number too, day + 60)
# must be one of Skatteverket's test numbers (testpersonnummer, the list below), and every
# Swedish telephone number (0 or +46, then 7 to 9 digits, spaces and hyphens allowed) one
# of the series PTS keeps for books and films, which reach nobody:
#   070-1740605 to 070-1740699, 031-3900600 to 031-3900699, 040-6280400 to 040-6280499,
#   08-46500400 to 08-46500499 and 0980-319200 to 0980-319299.
# The check is also run on a file with a number outside each (made here, with a wrong
# check digit or past the end of a series), which it must refuse.
# Usage (from the repository root, as ctest does): bash test_data.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

if ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL: python3 is needed (apt-get install python3-minimal)" >&2
    exit 1
fi
rm -rf "${TMP:?}" && mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }

check() { # PATHS...: exits 1 and names each number that is not test data
    python3 - "$@" <<'PY'
import os, re, sys

# Skatteverket's test personal identity numbers used in the repository (12 digits). Each
# is in Skatteverket's published list of testpersonnummer (open data); a new one must be
# taken from that list and added here.
TEST_PNR = {
    "199001012385",  # 19900101-2385, the tone tests' example
    "200101012383",  # 0101012383: ten digits, born in the 2000s
    "200701012387",  # 0701012387: ten digits beginning 07 with a right check digit
    "189001019802",  # 900101+9802: over a hundred years old
    "201904182381",  # 190418-2381: vardag, a child's number in a comment
    "198001662397",  # 800166-2397: a test coordination number (samordningsnummer)
}
# PTS's telephone numbers for fiction: (first, last), national form with the leading 0.
FICTION = [("0701740605", "0701740699"), ("0313900600", "0313900699"),
           ("0406280400", "0406280499"), ("0846500400", "0846500499"),
           ("0980319200", "0980319299")]

PHONE = re.compile(r"(?<![\w+.,/:])(\+46[ -]?|0)[1-9](?:[ -]?\d){6,8}(?![\w])")
PNR = re.compile(r"(?<![\w+])((?:18|19|20)?\d{6})([-+ ]?)(\d{4})(?![\w])")

def luhn(ten):
    total = 0
    for i, ch in enumerate(ten):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        total += v // 10 + v % 10
    return total % 10 == 0

def valid_date(yymmdd):
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    return 1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)

def pnr_like(head, sep, tail):
    """As the tone check's private_data reads it (engine/scoring/tone.c, pnr_at)."""
    if len(head) == 8 and not head.startswith(("18", "19", "20")):
        return False
    if sep == " " and len(head) == 6 and not luhn(head + tail):
        return False  # "240506 1430": a date and a time
    if sep == "" and len(head) == 6 and head.startswith("07") and not luhn(head + tail):
        return False  # a mobile number
    return valid_date(head[-6:])

def test_pnr(head, sep, tail):
    short = head[-6:] + tail
    if len(head) == 8:
        return head + tail in TEST_PNR
    # YYMMDD: the century from the test list ('+' means a hundred years or more)
    return any(n[2:] == short and (sep != "+" or n.startswith("18")) for n in TEST_PNR)

def fiction(digits):
    national = "0" + digits[3:] if digits.startswith("+46") else digits
    return any(a <= national <= b and len(national) == len(a) for a, b in FICTION)

bad = 0
def report(path, line, kind, text):
    global bad
    bad += 1
    print(f"FAIL: {path}:{line}: {kind} '{text}' is not test data "
          f"(tests/e2e/test_data.sh lists what is)")

def scan(path):
    try:
        text = open(path, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        text = open(path, "rb").read().decode("latin-1")
    for n, line in enumerate(text.split("\n"), 1):
        phones = []
        for m in PHONE.finditer(line):
            digits = re.sub(r"[ -]", "", m.group(0))
            phones.append(m.span())
            if fiction(digits):
                continue
            pm = PNR.fullmatch(m.group(0))
            if pm and pnr_like(*pm.groups()) and test_pnr(*pm.groups()):
                continue
            report(path, n, "telephone number", m.group(0))
        for m in PNR.finditer(line):
            if not pnr_like(*m.groups()) or test_pnr(*m.groups()):
                continue
            if any(a <= m.start() and m.end() <= b for a, b in phones):
                continue  # already judged as a telephone number
            report(path, n, "personal identity number", m.group(0))

for root in sys.argv[1:]:
    if os.path.isfile(root):
        scan(root)
        continue
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith((".bmp", ".png", ".ttf")):
                scan(os.path.join(dirpath, name))
sys.exit(1 if bad else 0)
PY
}

# ---- the repository ----
check scenarios tests/data tests/fuzz/corpus docs assets/strings ||
    fail "numbers that are not test data (above)"

# ---- the check refuses what it should ----
# A wrong check digit (no one has it) in each form, a coordination number likewise, and
# the number after the end of each fiction series. Made here, so that the repository holds
# none of them.
series_start=(0701740605 0313900600 0406280400 0846500400 0980319200)
series_end=(0701740699 0313900699 0406280499 0846500499 0980319299)
refuse=("19900101-2386" "900101-2386" "199001012386" "9001012386" "19900101 2386"
        "800166-2398" "0001012385")
for end in "${series_end[@]}"; do refuse+=("0$((10#$end + 1))"); done
d="0$((10#${series_end[0]} + 1))"
refuse+=("${d:0:3}-${d:3:3} ${d:6:2} ${d:8:2}" "+46$((10#${series_start[0]} - 1))")
i=0
for s in "${refuse[@]}"; do
    i=$((i + 1))
    printf 'Ring eller skriv: %s.\n' "$s" >"$TMP/refuse-$i.txt"
    if check "$TMP/refuse-$i.txt" >"$TMP/refuse-$i.out"; then
        fail "the check let '$s' through"
    fi
done
# ... and lets through what is test data, and what is no number.
printf '%s\n' "Ring 070-174 06 05, 0701740605, +46 70-174 06 99 eller 08-465 004 99." \
    "Gäller det 19900101-2385, 900101-2385, 900101 2385 eller 0701012387?" \
    "Mötet 2024-05-06 kl. 14.30, 240506 1430, ärende 2024-12345, kl. 08:30." >"$TMP/pass.txt"
check "$TMP/pass.txt" || fail "the check refused test data or what is no number (above)"

[ "$failures" -eq 0 ] || exit 1
echo "test_data: ok"
