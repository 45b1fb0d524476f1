#!/usr/bin/env bash
# End-to-end: `stormdrill replay LOG` without a display says so and prints the log's
# scorecard (the same card `stormdrill score LOG` prints), exit 0; a bad log is exit 1 with
# FILE:LINE; a torn last line is a warning; bad usage is exit 2.
# Usage (from the repository root, as ctest does): bash replay.sh STORMDRILL TMPDIR
set -u

. "$(dirname "$0")/../support/e2e.sh"

mkdir -p "$TMP" || { echo "FAIL: cannot create $TMP" >&2; exit 1; }
rm -rf "${TMP:?}"/replay
W="$TMP/replay"
mkdir -p "$W" || { echo "FAIL: cannot create $W" >&2; exit 1; }

OUT="$W/out"
ERR="$W/err"
# nodisplay EXPECTED_STATUS ARGS...: runs stormdrill with no display at all.
nodisplay() {
    local want=$1
    shift
    env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$SD" "$@" >"$OUT" 2>"$ERR"
    local rc=$?
    if [ $rc -ne "$want" ]; then
        fail "stormdrill $* exited $rc, expected $want"
        sed 's/^/    stdout: /' "$OUT" | head -n 5 >&2
        sed 's/^/    stderr: /' "$ERR" | head -n 5 >&2
    fi
}
expect_out() { grep -qF -- "$1" "$OUT" || fail "stdout lacks '$1'"; }
expect_err() { grep -qF -- "$1" "$ERR" || fail "stderr lacks '$1'"; }

LOG="$W/mini.jsonl"
"$SD" run --headless --participant scenarios/participants/diligent.lua --no-wall-clock --quiet \
    --log "$LOG" tests/data/mini.lua >/dev/null 2>"$ERR" || fail "could not make a log: $(head -n 3 "$ERR")"

# No display: says so and prints the scorecard, as score does.
nodisplay 0 replay "$LOG"
expect_err "no display"
expect_out "Resultat: Minitest"
expect_out "Totalt"
"$SD" score "$LOG" >"$W/score.out" 2>/dev/null || fail "score $LOG failed"
head -n 8 "$W/score.out" >"$W/score.head"
head -n 8 "$OUT" >"$W/replay.head"
cmp -s "$W/score.head" "$W/replay.head" || fail "the replay's scorecard differs from score's"
nodisplay 0 replay "$LOG" --lang en --speed 100
expect_out "Totalt"

# A bad log: exit 1, FILE:LINE.
BAD="$W/bad.jsonl"
{ head -n 2 "$LOG"; echo 'not json at all'; tail -n +3 "$LOG"; } >"$BAD"
nodisplay 1 replay "$BAD"
expect_err "$BAD:3:"
[ -s "$OUT" ] && fail "a bad log printed a scorecard"

# An action on an item that never arrived: exit 1, FILE:LINE.
GHOST="$W/ghost.jsonl"
{ head -n 1 "$LOG"; echo '{"type":"action","t":"2026-03-10T09:00:00","wall":0,"action":"hide","item":"nobody"}'; tail -n +2 "$LOG"; } >"$GHOST"
nodisplay 1 replay "$GHOST"
expect_err "$GHOST:2:"

# A missing file: exit 1, naming it.
nodisplay 1 replay "$W/missing.jsonl"
expect_err "$W/missing.jsonl"

# A torn last line: a warning, the rest is scored.
TORN="$W/torn.jsonl"
{ cat "$LOG"; printf '{"type":"state","t":"2026-03-10T11:0'; } >"$TORN"
nodisplay 0 replay "$TORN"
expect_err "warning: $TORN:"
expect_out "Totalt"

# Usage.
nodisplay 2 replay
nodisplay 2 replay "$LOG" --speed 0
nodisplay 2 replay "$LOG" --lang fi
nodisplay 0 replay --help
expect_out "Usage: stormdrill replay LOG"
"$SD" --help | grep -qF "stormdrill replay LOG" || fail "the usage does not list replay"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "replay: all passed"
