#!/usr/bin/env bash
# End-to-end: the authoring tools. `stormdrill new` writes a starter that passes `check`
# (without warnings) and is never written over; `check` prints lint warnings and errors
# as file:line: warning|error: ... with the right exit status; `timeline` prints every
# bundled scenario and draws an SVG that parses as XML (python3's xml.etree).
# Usage (from the repository root, as ctest does): bash tools.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

if ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL: python3 is needed to parse the SVG (apt-get install python3-minimal)" >&2
    exit 1
fi
mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }
rm -rf "${TMP:?}"/tools
W="$TMP/tools"
mkdir -p "$W" || { echo "FAIL: cannot create $W" >&2; exit 1; }

OUT="$W/out"
ERR="$W/err"
# sd EXPECTED_STATUS ARGS...: runs stormdrill, output in $OUT and $ERR; checks the status.
sd() {
    local want=$1
    shift
    "$SD" "$@" >"$OUT" 2>"$ERR"
    local rc=$?
    if [ $rc -ne "$want" ]; then
        fail "stormdrill $* exited $rc, expected $want"
        sed 's/^/    stdout: /' "$OUT" | head -n 5 >&2
        sed 's/^/    stderr: /' "$ERR" | head -n 5 >&2
        return 1
    fi
    return 0
}
# contains FILE TEXT WHAT: checks that FILE contains TEXT (a fixed string).
contains() {
    grep -qF -- "$2" "$1" || {
        fail "$3: expected '$2' in its $(basename "$1")"
        sed 's/^/    /' "$1" | head -n 5 >&2
    }
}
# svg_ok FILE WHAT: the file parses as XML, its root is an <svg>, and it has the lanes.
svg_ok() {
    python3 - "$1" <<'PY' || fail "$2: $1 is not a valid SVG"
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
assert root.tag == ns + "svg", root.tag
assert float(root.get("width")) > 0 and float(root.get("height")) > 0
ids = {g.get("id") for g in root.iter(ns + "g")}
assert {"axis", "items"} <= ids, ids
PY
}

# ---- help and usage ----
sd 0 new --help && contains "$OUT" "Usage: stormdrill new NAME" "new --help"
sd 0 timeline --help && contains "$OUT" "Usage: stormdrill timeline SCENARIO" "timeline --help"
sd 0 --help && { contains "$OUT" "stormdrill new NAME" "--help"; contains "$OUT" "stormdrill timeline" "--help"; }
sd 2 new
sd 2 new "Bad Name" && contains "$ERR" "not a valid scenario id" "new with a bad name"
sd 2 new 'a/b'
sd 2 timeline
sd 2 timeline scenarios/introduktion.lua --bogus
sd 2 timeline scenarios/introduktion.lua --svg
sd 1 timeline "$W/missing.lua"

# ---- new: writes a starter that checks clean; never overwrites ----
(cd "$W" && "$SD" new vatten >"$OUT" 2>"$ERR") || fail "new vatten in the current folder failed"
if [ -f "$W/vatten.lua" ]; then
    contains "$W/vatten.lua" 'id = "vatten"' "the starter"
    contains "$W/vatten.lua" "docs/scenario-api.md" "the starter"
    for part in 'scenario {' 'persona {' 'post {' 'comment {' 'storm {' 'template {' 'on("'; do
        contains "$W/vatten.lua" "$part" "the starter"
    done
    if sd 0 check "$W/vatten.lua"; then
        # no warnings: its real length and the load on one person, then ok
        [ "$(grep -cv -e ': längd ' -e ': belastning på en person: ' "$OUT")" = 1 ] &&
        [ "$(tail -n 1 "$OUT")" = "$W/vatten.lua: ok" ] || fail "check of the starter printed: $(cat "$OUT")"
    fi
    sum=$(sha256sum "$W/vatten.lua")
    sd 1 new vatten "$W" && contains "$ERR" "already exists" "new over an existing file"
    [ "$(sha256sum "$W/vatten.lua")" = "$sum" ] || fail "new changed an existing file"
    sd 0 run --headless --quiet --participant scenarios/participants/diligent.lua \
        --seed 3 --log "$W/vatten.jsonl" --out "$W/vatten.json" "$W/vatten.lua"
    sd 0 timeline "$W/vatten.lua" --svg "$W/vatten.svg" && svg_ok "$W/vatten.svg" "the starter's timeline"
else
    fail "new vatten wrote no vatten.lua"
fi
mkdir -p "$W/sub"
sd 0 new ovning-2 "$W/sub" && [ -f "$W/sub/ovning-2.lua" ] || fail "new NAME FOLDER did not write FOLDER/NAME.lua"
sd 0 new ovning_3 "$W/sub/eget-namn.lua" && [ -f "$W/sub/eget-namn.lua" ] || fail "new NAME FILE.lua did not write FILE.lua"
sd 0 check "$W/sub/ovning-2.lua" "$W/sub/eget-namn.lua"
sd 1 new ovning "$W/no-such-folder/x.lua"

# ---- check: lint warnings and errors ----
cat >"$W/warn.lua" <<'EOF'
scenario { id = "w", title = "W", start = "2026-03-10 09:00", duration = "2h", scoring = { statement = { points = { "läcka" } } } }
persona { id = "anna", first = "Anna", mood = "worried" }
post { id = "p1", at = "+0m", text = "Inlägg" }
comment { id = "c1", at = "+5m", on = "p1", author = "anna", text = "Fråga?", expect = { points = { "svar" }, model = "Hej Anna! Svar." } }
storm { id = "s1", on = "p1", from = "+10m", to = "+30m", count = 5, texts = { "Hur?", "Hur?" }, expect = { points = { "svar" }, model = "Hej! Svar." } }
EOF
# the warnings about contents: a question without key points or a model answer, a crisis
# without a statement, a hijack without a message
cat >"$W/bare.lua" <<'EOF'
scenario { id = "b", title = "B", start = "2026-03-10 09:00", duration = "2h" }
persona { id = "anna", first = "Anna", mood = "worried" }
post { id = "p1", at = "+0m", text = "Inlägg" }
comment { id = "c1", at = "+5m", on = "p1", author = "anna", text = "Fråga?" }
storm { id = "s1", on = "p1", from = "+10m", to = "+30m", count = 5, texts = { "Hur?" }, expect = { points = { "svar" } } }
hijack { id = "h1", at = "+40m", notice = "Ny inloggning", posts = { "Gratis!" } }
EOF
if sd 0 check "$W/bare.lua"; then
    contains "$OUT" "$W/bare.lua:4: warning: comment 'c1' has no key points: add expect.points so that a reply is scored on what it says" "check of contents"
    contains "$OUT" "$W/bare.lua:4: warning: comment 'c1' has no model answer" "check of contents"
    contains "$OUT" "$W/bare.lua:5: warning: storm 's1' has no model answer" "check of contents"
    contains "$OUT" "$W/bare.lua:1: warning: a crisis scenario (it has a storm) without scoring.statement" "check of contents"
    contains "$OUT" "$W/bare.lua:6: warning: hijack 'h1' has no message" "check of contents"
    contains "$OUT" "$W/bare.lua: ok (5 warnings)" "check of contents"
fi
if sd 0 check "$W/warn.lua"; then
    contains "$OUT" "$W/warn.lua:5: warning: storm 's1': 1 duplicate text" "check with a warning"
    contains "$OUT" "(hint: " "check with a warning"
    contains "$OUT" "$W/warn.lua: ok (1 warning)" "check with a warning"
fi
cat >"$W/bad.lua" <<'EOF'
scenario { id = "b", title = "B", start = "2026-03-10 09:00", duration = "2h" }
persona { id = "anna", first = "Anna", mood = "worried" }
post { id = "p1", at = "+0m", text = "Inlägg", expect = { answer = true } }
comment { id = "c1", at = "+5m", on = "p1", author = "anna", text = "Fråga?",
          expect = { within = "20s", link = "example.se" } }
EOF
if sd 1 check "$W/bad.lua" "$W/warn.lua"; then
    contains "$OUT" "$W/bad.lua:3: error: post 'p1' expects an answer" "check with errors"
    contains "$OUT" "$W/bad.lua:4: error: comment 'c1': expect.within is 20s" "check with errors"
    contains "$OUT" "$W/bad.lua:4: error: comment 'c1': expect.link 'example.se' is not a web address" "check with errors"
    contains "$OUT" "$W/warn.lua: ok (1 warning)" "check goes on after a failing file"
    grep -qF "$W/bad.lua: ok" "$OUT" && fail "check printed ok for a file with errors"
fi

# ---- timeline on every bundled scenario ----
for scenario in scenarios/*.lua scenarios/*/*.lua tests/data/mini.lua tests/data/hijack.lua; do
    case $scenario in scenarios/participants/*) continue ;; esac
    [ -f "$scenario" ] || continue
    name=$(echo "${scenario%.lua}" | tr '/' '_')
    if sd 0 timeline "$scenario" --svg "$W/$name.svg"; then
        contains "$OUT" "time     clock" "timeline $scenario"
        svg_ok "$W/$name.svg" "timeline $scenario"
    fi
done
if sd 0 timeline scenarios/introduktion.lua; then
    contains "$OUT" "storm comments per 10 minutes" "timeline of introduktion"
    contains "$OUT" "+52m     09:52       storm         s1" "timeline of introduktion"
    grep -qE '^\+50m +09:50 +[0-9.]+ \|#+' "$OUT" || fail "timeline of introduktion: no storm bar at +50m"
fi
if sd 0 timeline tests/data/hijack.lua --svg "$W/hj.svg"; then
    grep -q 'id="hijacks"' "$W/hj.svg" || fail "the hijack's SVG has no hijacks group"
fi
sd 1 timeline scenarios/introduktion.lua --svg "$W/no-such-folder/x.svg"
[ -e "$W/no-such-folder" ] && fail "timeline made a folder for --svg"

if [ $failures -gt 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "tools: all passed"
