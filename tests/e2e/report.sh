#!/usr/bin/env bash
# End-to-end report: every bundled scenario run with the diligent and the careless scripted
# participant (and the introduction on three dates, for the trend), one report over all of
# them; the CSV files read back with python3's csv module (byte-order mark, header, one
# row per result and per item, å/ä/ö intact); bad and foreign files refused with a message
# that names them; then report.html loaded in headless Chromium: no console messages
# (the page's Content-Security-Policy reports anything it would fetch or run), the charts
# in the loaded DOM, and a screenshot that is a real picture. Without Chromium that part is
# skipped with "SKIP: chromium not available: <why>".
# Usage: bash tests/e2e/report.sh STORMDRILL_BINARY TMPDIR   (from the repo root)
set -u
bin=$1
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp/results" || exit 1
fail=0

# The results: 6 scenarios x 2 participants, and the introduction held on three dates.
for scenario in scenarios/*.lua; do
    name=$(basename "$scenario" .lua)
    for who in diligent careless; do
        if ! "$bin" run --headless --quiet --no-wall-clock --date 2026-03-02 \
                --participant "scenarios/participants/$who.lua" \
                --log "$tmp/$name-$who.jsonl" --out "$tmp/results/$name-$who.json" "$scenario"; then
            echo "FAIL: run $scenario with $who"; fail=1
        fi
    done
done
for date in 2026-01-12 2026-02-09; do
    "$bin" run --headless --quiet --no-wall-clock --date "$date" \
        --participant scenarios/participants/demo.lua --log "$tmp/intro-$date.jsonl" \
        --out "$tmp/results/introduktion-demo-$date.json" scenarios/introduktion.lua ||
        { echo "FAIL: run the introduction on $date"; fail=1; }
done
n_results=$(ls "$tmp"/results/*.json | wc -l)

# The report, from the folder.
if ! out=$("$bin" report "$tmp/results" --out "$tmp/report" 2>&1); then
    echo "FAIL: report: $out"; fail=1
fi
for f in report.html report.csv items.csv; do
    [ -s "$tmp/report/$f" ] || { echo "FAIL: no $f"; fail=1; }
done
echo "$out" | grep -q "report.html" || { echo "FAIL: the report does not say where it is: $out"; fail=1; }

python3 - "$tmp/results" "$tmp/report" "$n_results" <<'PY' || fail=1
import csv, glob, json, os, sys
results, report, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
ok = True
def check(cond, msg):
    global ok
    if not cond:
        print("FAIL:", msg); ok = False
docs = {os.path.basename(p): json.load(open(p, encoding="utf-8")) for p in glob.glob(results + "/*.json")}
for name in ("report.csv", "items.csv"):
    raw = open(os.path.join(report, name), "rb").read()
    check(raw.startswith(b"\xef\xbb\xbf"), f"{name} does not start with a UTF-8 byte-order mark")
    check(b"\r\n" in raw, f"{name} rows do not end with CRLF")
rows = list(csv.DictReader(open(os.path.join(report, "report.csv"), encoding="utf-8-sig", newline="")))
check(len(rows) == n, f"report.csv has {len(rows)} rows, expected {n}")
for col in ("file", "scenario", "scenario_title", "scenario_version", "participant", "date",
            "speed", "tone", "escalation", "overall", "unanswered", "misses", "marks"):
    check(col in rows[0], f"report.csv has no column {col}")
titles = {r["scenario_title"] for r in rows}
check(any("ö" in t for t in titles) and any("ä" in t for t in titles) and any("å" in t or "Å" in t for t in titles),
      f"report.csv scenario titles lost å/ä/ö: {titles}")
for r in rows:
    d = docs[os.path.basename(r["file"])]
    check(r["scenario_title"] == d["scenario"]["title"], f"title differs for {r['file']}")
    check(abs(float(r["overall"]) - d["scores"]["overall"]) < 0.051, f"overall differs for {r['file']}")
    check(r["participant"] == d["participant"]["name"], f"participant differs for {r['file']}")
    check(r["date"] == (d["date"] or ""), f"date differs for {r['file']}")
items = list(csv.DictReader(open(os.path.join(report, "items.csv"), encoding="utf-8-sig", newline="")))
total = sum(len(d["items"]) for d in docs.values())
check(len(items) == total, f"items.csv has {len(items)} rows, expected {total}")
names = {i["first_name"] for i in items}
check(any(ch in "".join(names) for ch in "åäöÅÄÖ"), "items.csv author names lost å/ä/ö")
answered = sum(1 for d in docs.values() for i in d["items"] if i["answered_at"])
check(sum(1 for i in items if i["answered_at"]) == answered, "items.csv answered rows differ")
intro = [r for r in rows if r["scenario"] == "introduktion"]
check(len({r["date"] for r in intro}) == 3, "the introduction's three dates are not in report.csv")
print(f"report.csv: {len(rows)} rows, items.csv: {len(items)} rows")
sys.exit(0 if ok else 1)
PY

html="$tmp/report/report.html"
grep -q '<svg class="chart trend' "$html" || { echo "FAIL: no trend chart for the introduction held on three dates"; fail=1; }
grep -qi '<script' "$html" && { echo "FAIL: the page has a script"; fail=1; }

# A different scenario version (the English working week has the same id) is marked.
"$bin" run --headless --quiet --no-wall-clock --date 2026-03-02 --participant scenarios/participants/diligent.lua \
    --log "$tmp/en.jsonl" --out "$tmp/en-vardag.json" scenarios/en/vardag.lua || { echo "FAIL: run en"; fail=1; }
"$bin" report --quiet --lang en --out "$tmp/mixed" "$tmp/results/vardag-diligent.json" "$tmp/en-vardag.json" ||
    { echo "FAIL: report of mixed versions"; fail=1; }
grep -q 'different versions of the scenario file' "$tmp/mixed/report.html" ||
    { echo "FAIL: mixed scenario versions are not marked"; fail=1; }
grep -q 'scenario_versions_differ' "$tmp/mixed/report.csv" || { echo "FAIL: report.csv does not mark the versions"; fail=1; }

# Bad and foreign files: exit 1, each file named, nothing written.
printf 'not json' > "$tmp/bad.json"
expect_error() { # $1 = expected message part, rest = report arguments
    local want=$1; shift
    local msg
    msg=$("$bin" report --out "$tmp/nothing" "$@" 2>&1)
    local rc=$?
    if [ "$rc" != 1 ] || ! grep -qF -- "$want" <<< "$msg"; then
        echo "FAIL: report $* gave $rc and '$msg', expected 1 and '$want'"; fail=1
    fi
}
expect_error "$tmp/bad.json: not a results file: not a JSON object" "$tmp/results/vardag-diligent.json" "$tmp/bad.json"
expect_error "$tmp/intro-2026-01-12.jsonl: this is a session log, not a results file" "$tmp/intro-2026-01-12.jsonl"
expect_error "$tmp/none.json: cannot open" "$tmp/none.json"
expect_error "1 of 2 results files is bad" "$tmp/bad.json" "$tmp/results/vardag-diligent.json"
sed 's/"overall": [0-9.]*/"overall": 170/' "$tmp/results/vardag-diligent.json" > "$tmp/range.json"
expect_error "$tmp/range.json: field scores.overall: expected a number from 0 to 100, got 170" "$tmp/range.json"
[ -e "$tmp/nothing/report.html" ] && { echo "FAIL: a report was written despite bad files"; fail=1; }
"$bin" report --lang xx "$tmp/results" >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: --lang xx is not a usage error"; fail=1; }
"$bin" report >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: report without files is not a usage error"; fail=1; }
"$bin" report --help | grep -q "report.html" || { echo "FAIL: report --help"; fail=1; }

# The page in a browser.
chrome=""
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null 2>&1 && { chrome=$c; break; }
done
if [ -z "$chrome" ]; then
    echo "SKIP: chromium not available: no chromium, chromium-browser or google-chrome on PATH (tools/install-deps.sh --test installs Debian's chromium)"
else
    flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
           --user-data-dir="$tmp/chromium-profile" --enable-logging=stderr --v=0)
    url="file://$(cd "$tmp/report" && pwd)/report.html"
    if ! timeout 120 "$chrome" "${flags[@]}" --dump-dom "$url" > "$tmp/dom.html" 2> "$tmp/chromium-dom.log"; then
        echo "FAIL: $chrome could not load the report (see $tmp/chromium-dom.log)"; fail=1
    fi
    if grep -E ':CONSOLE[:(]|Uncaught' "$tmp/chromium-dom.log"; then
        echo "FAIL: the page logged console messages"; fail=1
    fi
    for kind in participants distribution trend rules scores answer-volume checks timeline; do
        case $kind in
            participants) grep -q '<table class="participants">' "$tmp/dom.html" ;;
            *) grep -q "<svg class=\"chart $kind\"" "$tmp/dom.html" ;;
        esac || { echo "FAIL: no $kind in the loaded page"; fail=1; }
    done
    if ! timeout 120 "$chrome" "${flags[@]}" --window-size=1200,2400 --screenshot="$tmp/report.png" "$url" \
            > /dev/null 2> "$tmp/chromium-shot.log"; then
        echo "FAIL: $chrome could not take a screenshot (see $tmp/chromium-shot.log)"; fail=1
    fi
    python3 - "$tmp/report.png" <<'PY' || fail=1
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    print("FAIL: the screenshot is not a PNG"); sys.exit(1)
w, h = struct.unpack(">II", data[16:24])
# Decode the picture and count colours in the first rows: a blank page has one or two.
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
bpp = {2: 3, 6: 4}.get(data[25], 4)
stride = w * bpp + 1
colours = {raw[i:i + bpp] for r in range(min(h, 600)) for i in range(r * stride + 1, (r + 1) * stride, bpp * 7)}
print(f"screenshot {w}x{h}, {len(data)} bytes, {len(colours)} colours sampled")
if (w, h) != (1200, 2400) or len(colours) < 20:
    print("FAIL: the screenshot looks empty"); sys.exit(1)
PY
fi

[ "$fail" = 0 ] && echo "report: all checks passed"
exit "$fail"
