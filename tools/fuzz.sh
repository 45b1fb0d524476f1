#!/bin/sh
# Runs the libFuzzer targets (tests/fuzz) one after another, each for a fixed time, and
# fails when any of them finds a crash, a sanitizer error, a leak, a timeout or runs out of
# memory. The seed corpus in tests/fuzz/corpus/<target> is only read.
#   tools/fuzz.sh --short BUILD_DIR SECONDS [TARGET...]   (make fuzz-short)
#       new inputs go to a scratch folder that is removed afterwards
#   tools/fuzz.sh BUILD_DIR SECONDS [TARGET...]           (make fuzz)
#       new inputs are kept in BUILD_DIR/corpus/<target> for the next run
# Either way a failing input is kept as BUILD_DIR/artifacts/<target>-crash-... (or
# timeout-, oom-, leak-); reproduce it with BUILD_DIR/tests/fuzz/<target> FILE.
set -u
short=0
if [ "${1:-}" = "--short" ]; then short=1; shift; fi
if [ $# -lt 2 ]; then
    echo "usage: tools/fuzz.sh [--short] BUILD_DIR SECONDS [TARGET...]" >&2
    exit 2
fi
build=$1 seconds=$2
shift 2
targets=${*:-fuzz_scenario fuzz_logr fuzz_tone}
src=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$build/artifacts"
scratch=""
if [ "$short" = 1 ]; then
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/stormdrill-fuzz.XXXXXX") || exit 1
    trap 'rm -rf "$scratch"' EXIT
fi
status=0
for t in $targets; do
    bin="$build/tests/fuzz/$t"
    if [ ! -x "$bin" ]; then
        echo "fuzz: $bin is missing (build with -DSD_FUZZ=ON)" >&2
        exit 1
    fi
    if [ "$short" = 1 ]; then corpus="$scratch/$t"; else corpus="$build/corpus/$t"; fi
    mkdir -p "$corpus"
    dict=""
    [ -f "$src/tests/fuzz/$t.dict" ] && dict="-dict=$src/tests/fuzz/$t.dict"
    # More seeds, read where they live rather than copied into the corpus: the scenario
    # fuzzer starts from the bundled scenarios, the hostile suite and the test scenarios as well.
    seeds=""
    if [ "$t" = fuzz_scenario ]; then
        # tests/data also holds the window's reference screenshots: only its scenarios.
        data="$build/seeds/$t" && rm -rf "$data" && mkdir -p "$data" && cp "$src"/tests/data/*.lua "$data"/
        seeds="$src/scenarios $src/tests/hostile $data"
    fi
    # The sandbox stops a runaway script after 0.5 s and at 32 MiB (fuzz_scenario.c), well
    # inside libFuzzer's own limits, so a script that runs away is a load error, not a timeout.
    # A small quarantine: scripts that churn through big strings made ASan's default (256 MiB)
    # plus the freed memory it keeps mapped pass 2 GiB of RSS, a false out-of-memory.
    echo "fuzz: $t for ${seconds}s (log: $build/artifacts/$t.log)"
    asan=detect_leaks=1:abort_on_error=1:quarantine_size_mb=16:allocator_release_to_os_interval_ms=500
    if ASAN_OPTIONS=$asan UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
           -artifact_prefix="$build/artifacts/$t-" $dict "$corpus" "$src/tests/fuzz/corpus/$t" $seeds \
           >"$build/artifacts/$t.log" 2>&1; then
        grep -E '^(Done|stat::number_of_executed_units)' "$build/artifacts/$t.log" | sed "s/^/fuzz: $t: /"
    else
        echo "fuzz: $t FAILED; the end of its log:" >&2
        tail -n 40 "$build/artifacts/$t.log" >&2
        status=1
    fi
done
exit $status
