# Stormdrill: the two commands of the README.
#   make run   - install missing packages, build, open the default scenario in the window
#                (without a display: run it headless with the demo participant)
#   make test  - install missing packages, build and run the whole suite,
#                once normally and once under AddressSanitizer + UBSan, then fuzz each
#                libFuzzer target briefly (make fuzz-short)
#   make fuzz  - the long fuzzing run: FUZZ_SECONDS per target (docs/fuzzing.md)
BUILD      ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
FUZZ_SHORT_SECONDS ?= 20
FUZZ_SECONDS ?= 3600
FUZZ_TARGETS ?= fuzz_scenario fuzz_logr fuzz_tone fuzz_results fuzz_decl fuzz_chain fuzz_review
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
SCENARIO   ?= scenarios/introduktion.lua

.PHONY: all deps test-deps build build-asan build-fuzz run test test-normal test-asan test-fuzz \
        fuzz-short fuzz bench soak valgrind clean

all: build

deps:
	@tools/install-deps.sh

test-deps:
	@tools/install-deps.sh --test

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@$(BUILD)/stormdrill $(SCENARIO)

test-normal: test-deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-asan: test-deps
	cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DSD_SANITIZE=ON
	cmake --build $(BUILD_ASAN) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(BUILD_ASAN) --output-on-failure -j $(JOBS)

# The fuzz targets: clang, everything instrumented, only the core and the targets built.
build-fuzz: test-deps
	CC=clang cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSD_FUZZ=ON \
	  -DSD_BUILD_TESTS=OFF
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target $(FUZZ_TARGETS)

fuzz-short: build-fuzz
	tools/fuzz.sh --short $(BUILD_FUZZ) $(FUZZ_SHORT_SECONDS) $(FUZZ_TARGETS)

fuzz: build-fuzz
	tools/fuzz.sh $(BUILD_FUZZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

test-fuzz: fuzz-short

test: test-normal test-asan test-fuzz

bench: build
	tools/bench/run.sh $(BUILD)

# The soak test (not in CI): five exercises of a million comments over 8 simulated hours,
# back to back in one process, memory sampled; the last line is the verdict (docs/benchmarks.md).
soak: build
	nice -n 10 $(BUILD)/sd_soak --rounds 5 --param answer_every=10 \
	  tools/soak/storm-8h.lua scenarios/participants/diligent.lua

valgrind: test-deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	tools/valgrind.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
