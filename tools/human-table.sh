#!/usr/bin/env bash
# Prints the table for a closing note: the diligent, careless and human-pace participants
# (human.lua triaging, triage=1, and not, triage=0) on every bundled scenario in both
# languages, --seed 11, as Markdown: one table each of overall, speed, tone and escalation
# (the same runs as tests/e2e/scores.sh and tests/e2e/human.sh; a scenario's own
# scenarios/participants/<name>-<who>.lua is used for diligent and careless, as there).
# Usage: tools/human-table.sh [STORMDRILL_BINARY]   (default build/stormdrill; from the
#        repo root or anywhere: it changes to the repo root)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-build/stormdrill}
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
cd "$root" || exit 1
[ -x "$bin" ] || { echo "human-table: no stormdrill at $bin (build it first)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/human-table.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

for scenario in scenarios/*.lua scenarios/en/*.lua; do
    name=$(basename "$scenario" .lua)
    case "$scenario" in scenarios/en/*) name="en-$name" ;; esac
    for who in diligent careless human-t1 human-t0; do
        case "$who" in
            human-t*) bot=scenarios/participants/human.lua; extra=(--param "triage=${who#human-t}") ;;
            *) bot="scenarios/participants/$name-$who.lua"
               [ -f "$bot" ] || bot="scenarios/participants/$who.lua"
               extra=() ;;
        esac
        if ! "$bin" run --headless --quiet --seed 11 --participant "$bot" "${extra[@]}" \
                --log "$tmp/$name.$who.jsonl" --out "$tmp/$name.$who.json" "$scenario"; then
            echo "human-table: $scenario with $who failed" >&2
            exit 1
        fi
    done
done

python3 - "$tmp" <<'PY'
import glob, json, os, sys
tmp = sys.argv[1]
who = [("diligent", "diligent"), ("careless", "careless"), ("human-t1", "human, triage"),
       ("human-t0", "human, no triage")]
names = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(f"{tmp}/*.json")},
               key=lambda n: (n.startswith("en-"), n))
scores = {(n, w): json.load(open(f"{tmp}/{n}.{w}.json", encoding="utf-8"))["scores"]
          for n in names for w, _ in who}
for key, title in (("overall", "Overall"), ("speed", "Speed"), ("tone", "Tone"),
                   ("escalation", "Escalation")):
    print(f"{title} (seed 11)\n")
    print("| scenario | " + " | ".join(label for _, label in who) + " |")
    print("|---|" + "---:|" * len(who))
    for n in names:
        print(f"| {n} | " + " | ".join(f"{scores[(n, w)][key]:.1f}" for w, _ in who) + " |")
    print()
PY
