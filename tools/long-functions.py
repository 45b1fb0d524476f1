#!/usr/bin/env python3
"""Lists the C functions longer than N lines of code (blank and comment-only lines do not
count), longest first, from Universal Ctags. Usage: tools/long-functions.py [N] [DIR...]
(default 100 and engine/)."""
import sys, json, subprocess, re
limit = int(sys.argv[1]) if len(sys.argv) > 1 else 100
dirs = sys.argv[2:] or ["engine"]
out = subprocess.run(["ctags", "--output-format=json", "--fields=+ne", "--c-kinds=f", "--languages=C", "-R"] + dirs,
                     capture_output=True, text=True).stdout
rows = []
cache = {}
for l in out.splitlines():
    j = json.loads(l)
    if "end" not in j: continue
    p = j["path"]
    if p not in cache: cache[p] = open(p, encoding="utf-8", errors="replace").read().split("\n")
    lines = cache[p][j["line"]-1:j["end"]]
    n = 0; inc = False
    for s in lines:
        t = s.strip()
        if inc:
            if "*/" in t: inc = False; t = t.split("*/",1)[1].strip()
            else: continue
        if t.startswith("/*"):
            if "*/" not in t: inc = True; continue
            t = t.split("*/",1)[1].strip()
        if not t or t.startswith("//"): continue
        n += 1
    rows.append((n, p, j["name"], j["line"]))
rows.sort(reverse=True)
big = [r for r in rows if r[0] > limit]
for r in big: print(f"{r[0]:4d} {r[1]}:{r[3]} {r[2]}")
print(f"{len(big)} functions over {limit} lines of code")
