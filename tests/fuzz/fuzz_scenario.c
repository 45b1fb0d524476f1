/* fuzz_scenario.c - libFuzzer target for the scenario loader: each input is a scenario file,
 * loaded in the sandbox (engine/scenario, engine/sandbox) with small per-instance limits, so
 * that a runaway script is a normal load error within milliseconds, and then linted as
 * `stormdrill check` does. A crash, sanitizer report, leak or fuzzer timeout is a finding;
 * a load error is not (SD_FUZZ_VERBOSE=1 prints them). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "support.h"
#include "scenario/lint.h"
#include "scenario/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int verbose = -1; /* SD_FUZZ_VERBOSE=1 prints each load error (for triage) */
    if (verbose < 0)
        verbose = getenv("SD_FUZZ_VERBOSE") != NULL;
    /* The scenario's folder is the scratch folder: include() may reach this file only. */
    const char *path = sd_fuzz_write_file("scenario.lua", data, size);
    sd_sandbox_limits lim;
    sd_sandbox_limits_default(&lim);
    lim.memory_bytes = 32u << 20;
    lim.instructions_per_call = 2000000;
    lim.seconds_per_call = 0.5;
    sd_load_options opt = {&lim, "fuzz.lua"};
    sd_scenario *sc = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_scenario_load(path, &opt, &sc, &err) == SD_OK) {
        sd_lint_list lint = SD_LINT_LIST_INIT;
        (void)sd_scenario_lint(sc, &lint, &err);
        sd_lint_list_free(&lint);
        sd_scenario_free(sc);
    }
    if (verbose && err.msg)
        fprintf(stderr, "fuzz_scenario: %s\n", sd_error_msg(&err));
    sd_error_clear(&err);
    return 0;
}
