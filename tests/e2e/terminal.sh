#!/usr/bin/env bash
# End-to-end: nothing from a file reaches the terminal unescaped (issue 11, safe output).
# A scenario and a scripted participant full of escape sequences (terminal title, clear
# screen, cursor moves, a carriage return before a fake "ok", bidirectional overrides, C1
# controls, invalid UTF-8) go through every command that prints: check, timeline, run (its
# scorecard and the script's print() lines), score and replay of the log it wrote, resume of
# the log cut short, report of its results, tone of a reply; then score of a log edited to
# carry escapes in its fields. Each command's stdout and stderr must pass unsafe_output
# (tests/support/termsafe.sh) and show the escapes as text (\x1b), so the texts did reach the
# output. Usage (from the repository root, as ctest does): bash terminal.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"
. "$(dirname "$0")/../support/termsafe.sh"

mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }
rm -rf "${TMP:?}"/terminal
W="$TMP/terminal"
mkdir -p "$W" || { echo "FAIL: cannot create $W" >&2; exit 1; }
OUT="$W/out"

# sd WHAT EXPECTED_STATUS ARGS...: runs stormdrill with stdout and stderr in $OUT (stdin
# from $IN when set), checks the status (unless it is "any") and that the output is safe
# for a terminal.
sd() {
    local what=$1 want=$2
    shift 2
    env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$SD" "$@" >"$OUT" 2>&1 <"${IN:-/dev/null}"
    local rc=$?
    [ "$want" = any ] || [ $rc -eq "$want" ] || fail "$what: exit $rc, expected $want: $(head -c 300 "$OUT")"
    local p
    while IFS= read -r p; do
        fail "$what: $p"
        LC_ALL=C grep -naP '[\x00-\x08\x0b-\x1f\x7f]' "$OUT" | head -n 3 | cat -v >&2
    done < <(unsafe_output "$OUT")
}
# shows WHAT TEXT: the last output contains TEXT (a fixed string).
shows() {
    grep -qF -- "$2" "$OUT" || { fail "$1: expected '$2' in the output"; head -c 400 "$OUT" >&2; echo >&2; }
}

S="$W/escapes.lua"
cat >"$S" <<'EOF'
-- A scenario whose every text carries escape sequences.
scenario {
  id = "escapes",
  title = "Titel \27]0;pwned\7\27[2J\27[H\rok \226\128\174",
  language = "sv",
  start = "2026-03-10 09:00",
  duration = "2h",
  compression = 20,
  seed = 7,
  account = { name = "Ekby \27[31mkommun", handle = "ekbykommun" },
}
persona { id = "anna", first = "Anna\27[2J", last = "Berg\r", mood = "frustrated" }
persona { id = "troll", first = "Kalle\194\155", last = "Kula", mood = "troll" }
post { id = "p1", at = "+0m", text = "Biblioteket \27[2J stänger \226\128\174 i april." }
comment { id = "c1", at = "+5m", on = "p1", author = "anna",
          text = "Varför \27]0;x\7 så sent?\rstormdrill: ok",
          expect = { within = "30m" } }
comment { id = "c2", at = "+12m", on = "p1", author = "troll", text = "Typiskt \27[5m kommunen." }
internal { id = "m1", at = "+20m", from = "manager", text = "Hur går det?\27[3J",
           expect = { answer = true, within = "30m" } }
storm { id = "s1", on = "p1", from = "+30m", to = "+90m", count = 20, curve = "ramp",
        moods = { angry = 2 }, texts = { "Varför \27[2J?", "Skandal\r!" },
        expect = { within = "20m" } }
EOF
P="$W/mallory.lua"
cat >"$P" <<'EOF'
participant { name = "Mallory \27]0;pwned\7\27[2J\226\128\174" }
local n = 0
function on_item(item)
  n = n + 1
  print("got \27[2J\r" .. item.id, "\27]0;x\7", "\226\129\166x")
  if n % 2 == 0 then return nil end
  return { action = "reply", item = item.id, text = "Hej \27[5m!\r Vänliga hälsningar", after = "3m" }
end
EOF

sd "check" 0 check "$S"
shows "check" "escapes.lua: ok"
sd "timeline" 0 timeline "$S"
shows "timeline" 'Titel \x1b]0;pwned\x07\x1b[2J\x1b[H\rok \u202e'
sd "run" 0 run --headless --participant "$P" --no-wall-clock --log "$W/run.jsonl" \
    --out "$W/run.json" "$S"
shows "run: the scorecard's title" 'Titel \x1b]0;pwned\x07'
shows "run: the participant's name" 'Mallory \x1b]0;pwned\x07\x1b[2J\u202e'
shows "run: print()" 'got \x1b[2J\rc1'
shows "run: print() of a bidi isolate" '\u2066x'
# A participant who does nothing, without the storm: the miss on c1 names its author by
# first and last name and mood, with an excerpt of the comment (control characters in it
# as spaces).
printf 'participant { name = "Silent" }\nfunction on_item(item) return nil end\n' >"$W/silent.lua"
sed '/^storm {/,$d' "$S" >"$W/nostorm.lua"
sd "run, silent" 0 run --headless --participant "$W/silent.lua" --no-wall-clock \
    --log "$W/silent.jsonl" "$W/nostorm.lua"
shows "run: a feedback text" 'Anna\x1b[2J Berg\r (frustrerad) fick aldrig'
shows "run: a feedback text's excerpt" "'Varför ]0;x så sent? stormdrill: ok'"
sd "score" 0 score "$W/run.jsonl"
shows "score" 'Mallory \x1b]0;pwned\x07'
sd "replay without a display" 0 replay "$W/run.jsonl"
shows "replay" 'Titel \x1b]0;pwned\x07'
head -n 12 "$W/run.jsonl" >"$W/cut.jsonl"
sd "resume" 0 resume --no-wall-clock "$W/cut.jsonl"
shows "resume" 'Mallory \x1b]0;pwned\x07'
shows "resume: print()" 'got \x1b[2J\r'
sd "report" 0 report --out "$W/report" "$W/run.json"
printf 'Hej Anna\033[2J!\r Tack \342\200\256 för frågan.\nVänliga hälsningar\302\233 Kim\n' >"$W/reply.txt"
IN="$W/reply.txt" sd "tone" 0 tone --to "Anna" --signer "Kim" --mood frustrated
IN="$W/reply.txt" sd "tone --json" 0 tone --to "Anna" --signer "Kim" --json
if command -v python3 >/dev/null; then
    python3 -c 'import json,sys; json.load(sys.stdin)' <"$OUT" 2>/dev/null ||
        fail "tone --json: the escaped output is no longer JSON"
fi

# A log edited by hand: escapes (as JSON \u001b) in the participant's name. Whether score
# takes it or refuses it as edited, what it prints must be safe.
sed -e 's/"participant":{"name":"[^"]*"/"participant":{"name":"Eve \\u001b]0;pwned\\u0007\\u001b[2J\\r\\u009b\\u202e"/' \
    "$W/run.jsonl" >"$W/edited.jsonl"
grep -q '"name":"Eve ' "$W/edited.jsonl" || fail "the edit of the log did not take"
sd "score of an edited log" any score "$W/edited.jsonl"
grep -qF 'Eve' "$OUT" && shows "score of an edited log" 'Eve \x1b]0;pwned\x07\x1b[2J\r\u009b\u202e'

# Errors: a missing file named with escapes, a bad id quoted, a scenario's error.
sd "a file name with escapes" 1 check "$W/no-such-$(printf '\033[2J\r').lua"
shows "a file name with escapes" 'no-such-\x1b[2J\r.lua'
sd "unknown option with escapes" 2 score "--$(printf '\033]0;x\007')"
shows "unknown option with escapes" '\x1b]0;x\x07'

echo "terminal: $failures failures"
[ $failures -eq 0 ]
