#!/usr/bin/env bash
# Makes the five hand-edited hostile logs again (chain-missing, line-edited, line-inserted,
# line-removed, lines-swapped) from a fresh run of tests/data/mini.lua with the diligent
# participant, keeping its first 20 lines and applying each log's edit; and the two forged
# ones about storm themes (theme-unknown, theme-content) and about the platform fields and
# the draft (platform-unknown, image-escapes, handle-bad, draft-after-end), whose chain is recomputed
# (tests/support/rechain.py) so that the reader's consistency checks are what catch them. Run it when
# mini.lua, diligent.lua or the log's header change: resume checks the scenario's and the
# participant's SHA-256 before it reaches the edited line, and makes the header again.
# Usage: bash tests/hostile/logs/remake.sh [STORMDRILL_BINARY]   (from the repo root)
set -eu
bin=${1:-build/stormdrill}
dir=tests/hostile/logs
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$bin" run --headless --quiet --seed 7 --date 2026-12-03 \
    --participant scenarios/participants/diligent.lua --log "$tmp/full.jsonl" tests/data/mini.lua
head -n 20 "$tmp/full.jsonl" >"$tmp/base.jsonl"
python3 - "$tmp/base.jsonl" "$dir" <<'PY'
import re, sys
base, out = sys.argv[1], sys.argv[2]
lines = open(base, encoding="utf-8").read().split("\n")[:-1]
def write(name, ls):
    open(f"{out}/{name}.jsonl", "w", encoding="utf-8").write("\n".join(ls) + "\n")
assert '"action":"reply","item":"c1"' in lines[4], "line 5 is no longer the reply to c1"
ls = list(lines); ls[3] = re.sub(r',"h":"[0-9a-f]+"\}$', "}", ls[3]); write("chain-missing", ls)
ls = list(lines); ls[4] = ls[4].replace("Hej Anna!", "Hej Hanna!", 1); write("line-edited", ls)
ls = list(lines); ls.insert(9, lines[4]); write("line-inserted", ls)
ls = list(lines); del ls[6]; write("line-removed", ls)
ls = list(lines); ls[12], ls[13] = ls[13], ls[12]; write("lines-swapped", ls)
PY
# The storm's first comment, and the lines before it.
first=$(grep -n '"type":"item".*"storm":"s1"' "$tmp/full.jsonl" | head -n 1 | cut -d: -f1)
head -n "$first" "$tmp/full.jsonl" >"$tmp/storm.jsonl"
python3 - "$tmp/storm.jsonl" "$tmp" <<'PY'
import sys
src, tmp = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().split("\n")[:-1]
last = lines[-1]
assert '"theme":"s1"' in last and '"themes":[{"storm":"s1","id":"s1"' in lines[0]
ls = list(lines); ls[-1] = last.replace('"theme":"s1"', '"theme":"nope"', 1)
open(f"{tmp}/theme-unknown.jsonl", "w", encoding="utf-8").write("\n".join(ls) + "\n")
import re
h = re.sub(r'("themes":\[\{[^]]*?"content":)\d+', r'\g<1>99', lines[0], count=1)
assert h != lines[0]
ls = [h] + lines[1:]
open(f"{tmp}/theme-content.jsonl", "w", encoding="utf-8").write("\n".join(ls) + "\n")
PY
for f in theme-unknown theme-content; do
    python3 tests/support/rechain.py "$tmp/$f.jsonl" "$dir/$f.jsonl"
done
# The platform fields and the draft (issue 14), forged on the full run, chain recomputed:
# an unknown platform in the header, a post's image path out of the folders, a handle with
# an escape sequence, a draft after the end record.
python3 - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
lines = open(f"{tmp}/full.jsonl", encoding="utf-8").read().split("\n")[:-1]
def w(name, ls):
    open(f"{tmp}/{name}.jsonl", "w", encoding="utf-8").write("\n".join(ls) + "\n")
assert '"platform":"facebook"' in lines[0] and '"kind":"post",' in lines[1]
assert '"first":"Anna",' in lines[2] and lines[-1].startswith('{"type":"end"')
ls = list(lines); ls[0] = ls[0].replace('"platform":"facebook"', '"platform":"myspace"', 1)
w("platform-unknown", ls)
ls = list(lines); ls[1] = ls[1].replace('"kind":"post",', '"kind":"post","image":"../../../etc/passwd",', 1)
w("image-escapes", ls)
ls = list(lines); ls[2] = ls[2].replace('"first":"Anna",', '"first":"Anna","handle":"anna\\u001b[31m",', 1)
w("handle-bad", ls)
draft = ('{"type":"action","t":"%s","wall":6,"action":"draft","item":"c1","text":"Hej Anna! Utkast"}'
         % lines[-1].split('"t":"')[1].split('"')[0])
w("draft-after-end", lines + [draft])
PY
for f in platform-unknown image-escapes handle-bad draft-after-end; do
    python3 tests/support/rechain.py "$tmp/$f.jsonl" "$dir/$f.jsonl"
done
