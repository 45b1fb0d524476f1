#!/usr/bin/env bash
# Writes every output a bundled scenario gives, so that a change meant to keep behaviour can
# be checked byte for byte: for each bundled scenario (in LANG, default sv) and the diligent,
# careless, demo and human-pace (triage on and off) participants, at the scenario's seed and
# at seed 11, the session log (--no-wall-clock), the results JSON and CSV and the printed
# summary of the run, then the results JSON, CSV and scorecard that `stormdrill score` makes
# from the log alone.
#
# Usage: tools/same-output.sh [--lang sv|en] BUILD_STORMDRILL OUTDIR
#        tools/same-output.sh --compare DIR_BEFORE DIR_AFTER
# --compare lists every file that differs and exits 1 if one does. Because a log's header
# holds the scenario file's SHA-256 and every record's "h" chains from it, a log whose
# scenario file was rewritten (texts moved, logic the same) differs in those fields alone,
# and a results file's scenario sha256 with it; such files are reported as "same but for
# the scenario hash" when they are equal once both are stripped of those fields.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = "--compare" ]; then
    [ $# -eq 3 ] || { echo "usage: same-output.sh --compare DIR_BEFORE DIR_AFTER" >&2; exit 2; }
    a=$2 b=$3 differ=0 same=0 hashonly=0
    for f in "$a"/*; do
        n=$(basename "$f")
        if [ ! -f "$b/$n" ]; then echo "missing in $b: $n"; differ=$((differ + 1)); continue; fi
        if cmp -s "$f" "$b/$n"; then same=$((same + 1)); continue; fi
        # The scenario's hash: in a log, the header's and every record's chained "h"; in a
        # results file, the pretty-printed "sha256" line of "scenario" (the first one).
        case "$n" in
            *.jsonl) strip='s/"sha256":"[0-9a-f]{64}","language"/"sha256":"-","language"/; s/,"h":"[0-9a-f]+"//' ;;
            *.json) strip='0,/"sha256": "[0-9a-f]{64}"/s//"sha256": "-"/' ;;
            *) strip='' ;;
        esac
        if [ -n "$strip" ] && cmp -s <(sed -E "$strip" "$f") <(sed -E "$strip" "$b/$n"); then
            hashonly=$((hashonly + 1)); echo "same but for the scenario hash: $n"; continue
        fi
        echo "differs: $n"; differ=$((differ + 1))
    done
    for f in "$b"/*; do [ -f "$a/$(basename "$f")" ] || { echo "new in $b: $(basename "$f")"; differ=$((differ + 1)); }; done
    echo "same-output: $same identical, $hashonly same but for the scenario hash, $differ differ"
    [ "$differ" -eq 0 ]
    exit
fi
lang=sv
if [ "${1:-}" = "--lang" ]; then lang=$2; shift 2; fi
[ $# -eq 2 ] || { echo "usage: same-output.sh [--lang sv|en] BUILD_STORMDRILL OUTDIR" >&2; exit 2; }
bin=$1 out=$2
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
mkdir -p "$out" || exit 1
cd "$root" || exit 1
langopt=()
[ "$lang" = sv ] || langopt=(--lang "$lang")
for scenario in scenarios/*.lua; do
    name=$(basename "$scenario" .lua)
    for who in diligent careless demo human-t1 human-t0; do
        case "$who" in
            human-t*) bot=scenarios/participants/human.lua; extra=(--param "triage=${who#human-t}") ;;
            *) bot="scenarios/participants/$name-$who.lua"
               [ -f "$bot" ] || bot="scenarios/participants/$who.lua"
               extra=() ;;
        esac
        for seed in scenario 11; do
            seedopt=()
            [ "$seed" = scenario ] || seedopt=(--seed "$seed")
            p="$out/$name.$who.$seed"
            "$bin" run --headless --no-wall-clock "${langopt[@]}" "${seedopt[@]}" --participant "$bot" \
                "${extra[@]}" --log "$p.jsonl" --out "$p.run.json" --csv "$p.run.csv" \
                "$scenario" >"$p.run.txt" 2>&1
            echo "exit $?" >>"$p.run.txt"
            sed -i "s#$out#OUT#g" "$p.run.txt"
            "$bin" score "$p.jsonl" --out "$p.score.json" --csv "$p.score.csv" >"$p.score.txt" 2>&1
            echo "exit $?" >>"$p.score.txt"
            sed -i "s#$out#OUT#g" "$p.score.txt"
        done
    done
done
echo "same-output: $(ls "$out" | wc -l) files in $out"
