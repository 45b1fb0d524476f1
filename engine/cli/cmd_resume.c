/* cmd_resume.c - `stormdrill resume LOG`: continues an interrupted exercise from its session
 * log. A scripted participant's run goes on headless to the end and is scored like `run`;
 * a person's exercise reopens in the window (session/resume.h does the catching up). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "participant/bot.h"
#include "results/results.h"
#include "scenario/scenario.h"
#include "scorecard.h"
#include "session/resume.h"
#include "session/session.h"

static const char usage[] =
    "Usage: stormdrill resume LOG [options]\n"
    "Continues an exercise that was interrupted (a crash, a power cut, kill -9) from its\n"
    "session log: the exercise is run again up to where the log ends, checked line by line\n"
    "against it, and goes on from the same simulated time, appending to the same log. A torn\n"
    "last line is reported and dropped. A scripted participant's run goes on headless to the\n"
    "end; a person's exercise reopens in the window, paused.\n"
    "  --scenario FILE     the scenario, when it has moved since (default: the path logged)\n"
    "  --participant FILE  the scripted participant, when it has moved since\n"
    "  --param KEY=VALUE   a parameter the scripted participant was run with (repeatable)\n"
    "  --out FILE          write the results JSON here at the end\n"
    "  --csv FILE          write one row per item here at the end\n"
    "  --lang sv|en        the window's language (default: the scenario's)\n"
    "  --exam              the window in exam mode (no live tone checks)\n"
    "  --no-wall-clock     write 0 as the wall time of new records (as `run --no-wall-clock`)\n"
    "  --seal-key FILE     the facilitator's key of a sealed exercise (required for one)\n"
    "  --quiet             print nothing but errors and warnings\n";

typedef struct resume_args {
    const char *log, *scenario, *participant, *out, *csv, *key;
    const char *params[64];
    size_t n_params;
    int lang;
    bool exam, no_wall, quiet;
} resume_args;

static void say_resumed(const resume_args *a, const sd_resume_info *info)
{
    if (info->torn)
        sd_term_printf(stderr, "stormdrill resume: warning: %s\n", info->torn);
    if (a->quiet)
        return;
    char t[20];
    sd_time_format(info->now, t);
    sd_term_printf(stderr, "stormdrill resume: %s: %zu records caught up with; going on from %s%s\n",
            a->log, info->records, t, info->had_ended ? " (the exercise had ended: only its results "
                                                       "are written)" : "");
}

/* A scripted participant: run to the end, headless. */
static int resume_scripted(const resume_args *a, const sd_log_origin *o)
{
    int rc = SD_EXIT_OK;
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_bot *bot = NULL;
    sd_logw *log = NULL;
    sd_results *res = NULL;
    sd_session *s = NULL;
    sd_resume_info info = {0};
    const char *bot_path = a->participant ? a->participant : o->participant_path;
    if (bot_path == NULL) {
        sd_error_set(&err, SD_ERR_INPUT, "%s: the log names no participant script; give it "
                     "with --participant", a->log);
        goto fail;
    }
    if (sd_cli_load_scripted(a->scenario ? a->scenario : o->scenario_path, bot_path, a->params,
                             a->n_params, &sc, &bot, &err) != SD_OK)
        goto fail;
    if (sd_results_create(&res, &err) != SD_OK)
        goto fail;
    sd_session_config cfg = {
        .scenario = sc, .seed_set = true, .seed = o->seed, .date = o->date, .participant = o->participant,
        .participant_kind = o->participant_kind, .participant_path = sd_bot_path(bot),
        .participant_sha256 = sd_bot_sha256(bot), .results = res, .no_wall_clock = a->no_wall};
    if (sd_session_create(&cfg, &s, &err) != SD_OK ||
        sd_results_reserve(res, sd_session_expected_items(s), &err) != SD_OK ||
        sd_bot_attach(bot, s, &err) != SD_OK ||
        sd_session_resume(s, o, a->log, &log, &info, &err) != SD_OK)
        goto fail;
    /* A scripted participant's actions are made again from its script: no sync per action. */
    sd_logw_sync_inputs(log, false);
    say_resumed(a, &info);
    if (sd_session_run(s, &err) != SD_OK)
        goto fail;
    sd_log_integrity in;
    sd_logw_integrity(log, &in);
    memcpy(in.key_id, info.integrity.key_id, sizeof in.key_id);
    sd_results_set_integrity(res, &in);
    sd_status cst = sd_logw_close(log, &err);
    log = NULL;
    if (cst != SD_OK || sd_score_and_report(res, a->out, a->csv, a->quiet, a->log, &err) != SD_OK)
        goto fail;
    goto done;
fail:
    sd_term_printf(stderr, "stormdrill resume: %s\n", sd_error_msg(&err));
    rc = sd_exit_for(&err);
done:
    sd_session_destroy(s);
    sd_logw_close(log, NULL);
    sd_resume_info_clear(&info);
    sd_results_free(res);
    sd_bot_free(bot);
    sd_scenario_free(sc);
    sd_error_clear(&err);
    return rc;
}

/* A person: the window, from where the log ends. */
static int resume_person(const resume_args *a, const sd_log_origin *o)
{
    if (!sd_window_display_available()) {
        sd_term_printf(stderr, "stormdrill resume: %s is a person's exercise and goes on in the window, "
                "but there is no display (set DISPLAY, or SDL_VIDEODRIVER=offscreen for a test). "
                "To score it as it stands: stormdrill score %s\n", a->log, a->log);
        return SD_EXIT_INPUT;
    }
    sd_app_config cfg = {.scenario_path = a->scenario ? a->scenario : o->scenario_path,
                         .log_path = a->log, .resume = true, .lang = a->lang, .exam = a->exam,
                         .participant = o->participant, .remember_window = true,
                         .no_wall_clock = a->no_wall, .seal_key = o->seal_key};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    sd_status st = sd_app_create(&cfg, &app, &err);
    if (st == SD_OK) {
        const char *torn = sd_app_resume_warning(app);
        if (torn)
            sd_term_printf(stderr, "stormdrill resume: warning: %s\n", torn);
        st = sd_app_run(app, &err);
    }
    sd_app_destroy(app);
    int rc = SD_EXIT_OK;
    if (st != SD_OK) {
        sd_term_printf(stderr, "stormdrill resume: %s\n", sd_error_msg(&err));
        rc = sd_exit_for(&err);
    } else {
        sd_term_printf(stderr, "stormdrill: session log: %s\n", a->log);
    }
    sd_error_clear(&err);
    return rc;
}

int sd_cmd_resume(int argc, char **argv)
{
    resume_args a = {.lang = -1};
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(s, "--quiet") == 0) a.quiet = true;
        else if (strcmp(s, "--exam") == 0) a.exam = true;
        else if (strcmp(s, "--no-wall-clock") == 0) a.no_wall = true;
        else if (strcmp(s, "--scenario") == 0 && has_value) a.scenario = argv[++i];
        else if (strcmp(s, "--participant") == 0 && has_value) a.participant = argv[++i];
        else if (strcmp(s, "--out") == 0 && has_value) a.out = argv[++i];
        else if (strcmp(s, "--csv") == 0 && has_value) a.csv = argv[++i];
        else if (strcmp(s, "--seal-key") == 0 && has_value) a.key = argv[++i];
        else if (strcmp(s, "--lang") == 0 && has_value) {
            a.lang = sd_vocab_lookup(SD_VOCAB_LANGUAGE, argv[++i]);
            if (a.lang < 0) {
                sd_term_printf(stderr, "stormdrill resume: --lang '%s': use sv or en\n", argv[i]);
                return SD_EXIT_USAGE;
            }
        } else if (strcmp(s, "--param") == 0 && has_value) {
            if (a.n_params == sizeof a.params / sizeof a.params[0]) {
                sd_term_printf(stderr, "stormdrill resume: at most 64 --param options\n");
                return SD_EXIT_USAGE;
            }
            a.params[a.n_params++] = argv[++i];
        } else if (s[0] == '-' || a.log) {
            sd_term_printf(stderr, "stormdrill resume: unexpected '%s'\n\n", s);
            fputs(usage, stderr);
            return SD_EXIT_USAGE;
        } else {
            a.log = s;
        }
    }
    if (a.log == NULL) {
        sd_term_printf(stderr, "stormdrill resume: no session log given\n\n");
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    sd_error err = SD_ERROR_INIT;
    sd_log_origin o;
    sd_seal_key key;
    memset(&key, 0, sizeof key);
    memset(&o, 0, sizeof o);
    /* The key, the header, and the files it names (regular files only: a device or a FIFO
     * named in a header is refused before anything reads it). */
    const char *scen = NULL;
    if ((a.key && sd_seal_key_read(a.key, &key, &err) != SD_OK) ||
        sd_log_origin_read(a.log, &o, &err) != SD_OK)
        goto fail;
    scen = a.scenario ? a.scenario : o.scenario_path;
    if (sd_log_origin_check_file(a.log, scen, &err) != SD_OK)
        goto fail;
    if (strcmp(o.participant_kind, "scripted") == 0 && (a.participant || o.participant_path) &&
        sd_log_origin_check_file(a.log, a.participant ? a.participant : o.participant_path,
                                 &err) != SD_OK)
        goto fail;
    o.seal_key = a.key ? &key : NULL;
    int rc = strcmp(o.participant_kind, "scripted") == 0 ? resume_scripted(&a, &o)
                                                         : resume_person(&a, &o);
    sd_log_origin_clear(&o);
    sd_seal_key_clear(&key);
    return rc;
fail:
    sd_term_printf(stderr, "stormdrill resume: %s\n", sd_error_msg(&err));
    rc = sd_exit_for(&err);
    sd_error_clear(&err);
    sd_log_origin_clear(&o);
    sd_seal_key_clear(&key);
    return rc;
}
