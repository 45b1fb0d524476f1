/* cmd_run.c - `stormdrill run --headless`: runs a scenario with a scripted participant,
 * writing the session log as it goes and the results at the end. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "participant/bot.h"
#include "results/results.h"
#include "scenario/scenario.h"
#include "session/session.h"
#include "scorecard.h"
#include "summary.h"

static const char usage[] =
    "Usage: stormdrill run --headless --participant BOT.lua [options] SCENARIO\n"
    "Runs SCENARIO as fast as possible with a scripted participant and prints a summary.\n"
    "  --participant FILE  the scripted participant (a Lua file)\n"
    "  --seed N            the exercise seed (default: the scenario's)\n"
    "  --log FILE          the session log (default: sessions/<id>-<time>.jsonl)\n"
    "  --out FILE          write the results JSON (with scores and feedback) here\n"
    "  --csv FILE          write one row per item here, for spreadsheets\n"
    "  --param KEY=VALUE   a parameter for the participant script (repeatable)\n"
    "  --no-wall-clock     write 0 as every record's wall time and no date (byte-identical logs)\n"
    "  --date YYYY-MM-DD   the date the exercise was held, for reports (default: today;\n"
    "                      none with --no-wall-clock)\n"
    "  --seal-key FILE     seal the log with the facilitator's key (at least 32 bytes of secret)\n"
    "  --quiet             print nothing but errors\n"
    "       stormdrill run --facilitator [window options] SCENARIO\n"
    "Opens the exercise window with the facilitator's window beside it (the same as\n"
    "stormdrill SCENARIO --facilitator; see stormdrill --help).\n";

static int default_log_path(const char *id, char *out, size_t n)
{
    if (mkdir("sessions", 0755) != 0 && errno != EEXIST)
        return -1;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    snprintf(out, n, "sessions/%s-%04d%02d%02d-%02d%02d%02d-%ld.jsonl", id, tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (long)getpid());
    return 0;
}

int sd_cmd_run(int argc, char **argv)
{
    const char *participant = NULL, *log_path = NULL, *out_path = NULL, *scenario = NULL;
    const char *key_path = NULL;
    const char *csv_path = NULL, *date = NULL;
    char today[11];
    const char *params[64];
    size_t n_params = 0;
    bool headless = false, quiet = false, seed_set = false, no_wall = false;
    uint64_t seed = 0;
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    /* run --facilitator without --headless: a person's exercise in the window, with the
     * facilitator's window open (cmd_window.c reads the same options from argv[1]) */
    bool facilitator = false, asked_headless = false;
    for (int i = 1; i < argc; i++) {
        facilitator |= strcmp(argv[i], "--facilitator") == 0;
        asked_headless |= strcmp(argv[i], "--headless") == 0;
    }
    if (facilitator && !asked_headless)
        return sd_cmd_window(argc, argv);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--headless") == 0) headless = true;
        else if (strcmp(a, "--quiet") == 0) quiet = true;
        else if (strcmp(a, "--no-wall-clock") == 0) no_wall = true;
        else if (strcmp(a, "--participant") == 0 && has_value) participant = argv[++i];
        else if (strcmp(a, "--log") == 0 && has_value) log_path = argv[++i];
        else if (strcmp(a, "--seal-key") == 0 && has_value) key_path = argv[++i];
        else if (strcmp(a, "--out") == 0 && has_value) out_path = argv[++i];
        else if (strcmp(a, "--csv") == 0 && has_value) csv_path = argv[++i];
        else if (strcmp(a, "--date") == 0 && has_value) {
            date = argv[++i];
            if (!sd_date_valid(date)) {
                sd_term_printf(stderr, "stormdrill run: --date '%s' is not a date of the form YYYY-MM-DD\n", date);
                return SD_EXIT_USAGE;
            }
        }
        else if (strcmp(a, "--param") == 0 && has_value) {
            if (n_params == sizeof params / sizeof params[0]) {
                sd_term_printf(stderr, "stormdrill run: at most 64 --param options\n");
                return SD_EXIT_USAGE;
            }
            params[n_params++] = argv[++i];
        } else if (strcmp(a, "--seed") == 0 && has_value) {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(argv[++i], &end, 10);
            if (errno || *end || argv[i][0] == '\0' || argv[i][0] == '-' || v > 9007199254740991ULL) {
                sd_term_printf(stderr, "stormdrill run: --seed '%s' is not a whole number from 0 to 2^53-1\n", argv[i]);
                return SD_EXIT_USAGE;
            }
            seed = v;
            seed_set = true;
        } else if (a[0] == '-') {
            sd_term_printf(stderr, "stormdrill run: unknown option or missing value: '%s'\n\n", a);
            fputs(usage, stderr);
            return SD_EXIT_USAGE;
        } else if (scenario == NULL) {
            scenario = a;
        } else {
            sd_term_printf(stderr, "stormdrill run: more than one scenario given ('%s')\n", a);
            return SD_EXIT_USAGE;
        }
    }
    if (!headless || participant == NULL || scenario == NULL) {
        sd_term_printf(stderr, "stormdrill run: %s\n\n",
                scenario == NULL ? "no scenario given"
                : !headless      ? "only --headless runs exist in this build"
                                 : "--participant is required for a headless run");
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }

    if (date == NULL && !no_wall) {
        sd_cli_today(today);
        date = today;
    }
    int rc = SD_EXIT_OK;
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_bot *bot = NULL;
    sd_logw *log = NULL;
    sd_results *res = NULL;
    sd_session *s = NULL;
    char log_buf[512];
    sd_seal_key key;
    memset(&key, 0, sizeof key);

    if (key_path && sd_seal_key_read(key_path, &key, &err) != SD_OK)
        goto fail;
    if (sd_cli_load_scripted(scenario, participant, params, n_params, &sc, &bot, &err) != SD_OK)
        goto fail;
    if (log_path == NULL) {
        if (default_log_path(sc->id, log_buf, sizeof log_buf) != 0) {
            sd_error_set(&err, SD_ERR_IO, "sessions: cannot create the folder: %s", strerror(errno));
            goto fail;
        }
        log_path = log_buf;
    }
    if (sd_logw_open(log_path, &log, &err) != SD_OK || sd_results_create(&res, &err) != SD_OK ||
        (key_path && sd_logw_seal(log, &key, &err) != SD_OK))
        goto fail;
    /* A scripted participant's actions are made again from its script on resume: the log is
     * synced every 2 s, not at every action (logw.h). */
    sd_logw_sync_inputs(log, false);
    sd_session_config cfg = {
        .scenario = sc, .seed_set = seed_set, .seed = seed, .participant = sd_bot_name(bot),
        .participant_kind = "scripted", .participant_path = sd_bot_path(bot),
        .participant_sha256 = sd_bot_sha256(bot), .log = log, .results = res,
        .no_wall_clock = no_wall, .date = date};
    if (sd_session_create(&cfg, &s, &err) != SD_OK ||
        sd_results_reserve(res, sd_session_expected_items(s), &err) != SD_OK ||
        sd_bot_attach(bot, s, &err) != SD_OK ||
        sd_session_start(s, &err) != SD_OK || sd_session_run(s, &err) != SD_OK)
        goto fail;
    if (sd_logw_warning(log))
        sd_term_printf(stderr, "stormdrill run: warning: %s\n", sd_logw_warning(log));
    sd_log_integrity in;
    sd_logw_integrity(log, &in);
    sd_results_set_integrity(res, &in);
    if (sd_logw_close(log, &err) != SD_OK) {
        log = NULL;
        goto fail;
    }
    log = NULL;
    if (sd_score_and_report(res, out_path, csv_path, quiet, log_path, &err) != SD_OK) {
        /* The exercise itself is complete in the log: the files can be made again. */
        sd_term_printf(stderr, "stormdrill run: %s\nstormdrill run: the exercise is complete in the "
                        "session log %s; `stormdrill score %s --out FILE` writes the results "
                        "again\n", sd_error_msg(&err), log_path, log_path);
        rc = sd_exit_for(&err);
    }
    goto done;
fail:
    sd_term_printf(stderr, "stormdrill run: %s\n", sd_error_msg(&err));
    if (log_path && log)
        sd_term_printf(stderr, "stormdrill run: the session log so far is in %s; once the cause is put "
                "right, go on with: stormdrill resume %s\n", log_path, log_path);
    rc = sd_exit_for(&err);
done:
    sd_seal_key_clear(&key);
    sd_session_destroy(s);
    sd_logw_close(log, NULL);
    sd_results_free(res);
    sd_bot_free(bot);
    sd_scenario_free(sc);
    sd_error_clear(&err);
    return rc;
}
