#!/usr/bin/env bash
# Runs every gaming participant (tests/gaming/*.lua) and the diligent participant on every
# bundled scenario (scenarios/*.lua, scenarios/en/*.lua) with --seed 11, two runs at a
# time, into OUT/runs/<scenario>/<bot>.{jsonl,json,err,rc}; OUT/scenarios.txt and
# OUT/bots.txt list what was run, in order. tests/gaming/check.py reads the results.
# The bots include lib/common.lua, which includes diligent.lua: both are copied with the
# bots into OUT/bots (a scenario's own scripted participant,
# scenarios/participants/<scenario>-diligent.lua, stands in for diligent.lua there).
# Usage: bash tests/gaming/run.sh STORMDRILL_BINARY OUT   (from the repo root)
#        GAMING_JOBS=N for N runs at a time (default 2)
set -u
if [ "${1:-}" = "--one" ]; then
    # One run: --one BIN OUT SCENARIO NAME BOTDIR BOT
    bin=$2 out=$3 scenario=$4 name=$5 dir=$6 bot=$7
    base="$out/runs/$name/$bot"
    timeout 120 "$bin" run --headless --quiet --seed 11 --participant "$dir/$bot.lua" \
        --log "$base.jsonl" --out "$base.json" "$scenario" >"$base.err" 2>&1
    echo $? >"$base.rc"
    exit 0
fi
bin=$1
out=$2
here=$(dirname "$0")
rm -rf "$out" && mkdir -p "$out/runs" || exit 1

bots=diligent
for f in "$here"/*.lua; do bots="$bots $(basename "$f" .lua)"; done
echo "$bots" | tr ' ' '\n' >"$out/bots.txt"

# The bots' folder: the bots, their library and the diligent participant.
make_dir() { # make_dir DIR DILIGENT_FILE
    mkdir -p "$1/lib" && cp "$here"/*.lua "$1/" && cp "$here"/lib/*.lua "$1/lib/" &&
        cp "$2" "$1/diligent.lua" && cp "$(dirname "$2")"/lib/*.lua "$1/lib/"
}
make_dir "$out/bots" scenarios/participants/diligent.lua || exit 1

: >"$out/scenarios.txt"
: >"$out/jobs.txt"
for scenario in scenarios/*.lua scenarios/en/*.lua; do
    name=$(basename "$scenario" .lua)
    case "$scenario" in scenarios/en/*) name="en-$name" ;; esac
    echo "$name" >>"$out/scenarios.txt"
    mkdir -p "$out/runs/$name" || exit 1
    dir="$out/bots"
    if [ -f "scenarios/participants/$name-diligent.lua" ]; then
        dir="$out/bots-$name"
        make_dir "$dir" "scenarios/participants/$name-diligent.lua" || exit 1
    fi
    for bot in $bots; do
        printf '%s\n' "$scenario $name $dir $bot" >>"$out/jobs.txt"
    done
done
xargs -P "${GAMING_JOBS:-2}" -L 1 bash "$0" --one "$bin" "$out" <"$out/jobs.txt"
