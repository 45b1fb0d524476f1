/* cmd_window.c - `stormdrill SCENARIO [options]`: opens the exercise window; without a
 * display, says so and runs the scenario headless with the demo participant instead,
 * printing the scorecard; `--bench` runs the window benchmark with the software renderer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "app.h"
#include "bench.h"
#include "cli.h"
#include "session/resume.h"
#include "util/sha256.h"

static const char usage[] =
    "Usage: stormdrill SCENARIO [--lang sv|en] [--coach|--exam] [--log FILE] [--seed N]\n"
    "                           [--name NAME] [--facilitator] [--pause-on-help|--no-pause-on-help]\n"
    "                           [--no-briefing] [--bench]\n"
    "Opens the exercise window on SCENARIO. Without a display, runs it headless with the\n"
    "demo participant (scenarios/participants/demo.lua) and prints the scorecard.\n"
    "  --lang sv|en   the window's language (default: the scenario's)\n"
    "  --coach        live tone checks of the reply being typed (the default)\n"
    "  --exam         no live checks\n"
    "  --log FILE     the session log (default: sessions/<scenario>-<time>.jsonl)\n"
    "  --seal-key FILE  seal the log with the facilitator's key (at least 32 bytes of secret)\n"
    "  --seed N       the exercise seed (default: the scenario's)\n"
    "  --name NAME    the participant's first name, for the sign-off (default: Kim)\n"
    "  --facilitator  open the facilitator's window at start as well (clock, speed, injects;\n"
    "                 the participant's window never shows it; F9 or F12 open it later)\n"
    "  --pause-on-help, --no-pause-on-help\n"
    "                 whether help (F1), the briefing (F2) and the menus pause the clock\n"
    "                 (default: they do in coach mode, not in exam mode)\n"
    "  --no-briefing  start the clock at once, without the briefing screen\n"
    "  --bench        benchmark the window (software renderer, 1280x800) and print figures\n"
    "Keys: F1 in the window lists every shortcut.\n";

bool sd_window_display_available(void)
{
    if (!getenv("SDL_VIDEODRIVER") && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
        return false;
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return false;
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return true;
}

static const char *demo_participant(void)
{
    static const char rel[] = "scenarios/participants/demo.lua";
    return access(rel, R_OK) == 0 ? rel : SD_SOURCE_DIR "/scenarios/participants/demo.lua";
}

static int default_log_path(const char *scenario, char *out, size_t n)
{
    if (mkdir("sessions", 0755) != 0 && errno != EEXIST)
        return -1;
    const char *base = strrchr(scenario, '/');
    base = base ? base + 1 : scenario;
    size_t len = strcspn(base, ".");
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    snprintf(out, n, "sessions/%.*s-%04d%02d%02d-%02d%02d%02d-%ld.jsonl", (int)(len < 100 ? len : 100), base,
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (long)getpid());
    return 0;
}

int sd_cmd_window(int argc, char **argv)
{
    double started = sd_bench_now();
    const char *scenario = NULL, *log_path = NULL, *seed_arg = NULL, *name = NULL;
    const char *key_path = NULL;
    int lang = -1;
    bool exam = false, bench = false, facilitator = false, no_briefing = false;
    int pause_on_help = 0;
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--coach") == 0) exam = false;
        else if (strcmp(a, "--exam") == 0) exam = true;
        else if (strcmp(a, "--bench") == 0) bench = true;
        else if (strcmp(a, "--facilitator") == 0) facilitator = true;
        else if (strcmp(a, "--pause-on-help") == 0) pause_on_help = 1;
        else if (strcmp(a, "--no-pause-on-help") == 0) pause_on_help = -1;
        else if (strcmp(a, "--no-briefing") == 0) no_briefing = true;
        else if (strcmp(a, "--log") == 0 && has_value) log_path = argv[++i];
        else if (strcmp(a, "--seal-key") == 0 && has_value) key_path = argv[++i];
        else if (strcmp(a, "--seed") == 0 && has_value) seed_arg = argv[++i];
        else if (strcmp(a, "--name") == 0 && has_value) name = argv[++i];
        else if (strcmp(a, "--lang") == 0 && has_value) {
            lang = sd_vocab_lookup(SD_VOCAB_LANGUAGE, argv[++i]);
            if (lang < 0) {
                sd_term_printf(stderr, "stormdrill: --lang '%s': use sv or en\n", argv[i]);
                return SD_EXIT_USAGE;
            }
        } else if (a[0] == '-') {
            sd_term_printf(stderr, "stormdrill: unknown option or missing value: '%s'\n\n", a);
            fputs(usage, stderr);
            return SD_EXIT_USAGE;
        } else if (!scenario) {
            scenario = a;
        } else {
            sd_term_printf(stderr, "stormdrill: more than one scenario given ('%s')\n", a);
            return SD_EXIT_USAGE;
        }
    }
    if (!scenario) {
        sd_term_printf(stderr, "stormdrill: no scenario given\n\n");
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    uint64_t seed = 0;
    if (seed_arg) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(seed_arg, &end, 10);
        if (errno || *end || !*seed_arg || *seed_arg == '-' || v > 9007199254740991ULL) {
            sd_term_printf(stderr, "stormdrill: --seed '%s' is not a whole number from 0 to 2^53-1\n", seed_arg);
            return SD_EXIT_USAGE;
        }
        seed = v;
    }
    if (bench) {
        /* The software renderer without a display, unless the caller chose otherwise. */
        setenv("SDL_VIDEODRIVER", "dummy", 0);
        setenv("SDL_RENDER_DRIVER", "software", 0);
    } else if (!sd_window_display_available()) {
        sd_term_printf(stderr, "stormdrill: no display for the exercise window (%s); running the scenario "
                        "headless with the demo participant instead\n",
                getenv("SDL_VIDEODRIVER") || getenv("DISPLAY") || getenv("WAYLAND_DISPLAY")
                    ? SDL_GetError() : "neither DISPLAY nor WAYLAND_DISPLAY is set");
        char *av[12];
        int ac = 0;
        av[ac++] = "run";
        av[ac++] = "--headless";
        av[ac++] = "--participant";
        av[ac++] = (char *)demo_participant();
        if (seed_arg) { av[ac++] = "--seed"; av[ac++] = (char *)seed_arg; }
        if (log_path) { av[ac++] = "--log"; av[ac++] = (char *)log_path; }
        if (key_path) { av[ac++] = "--seal-key"; av[ac++] = (char *)key_path; }
        av[ac++] = (char *)scenario;
        av[ac] = NULL;
        return sd_cmd_run(ac, av);
    }
    char log_buf[512], tmp_log[] = "/tmp/stormdrill-bench-XXXXXX";
    if (bench && !log_path) {
        int fd = mkstemp(tmp_log);
        if (fd < 0) {
            sd_term_printf(stderr, "stormdrill: cannot create a temporary log: %s\n", strerror(errno));
            return SD_EXIT_INPUT;
        }
        close(fd);
        log_path = tmp_log;
    } else if (!log_path) {
        if (default_log_path(scenario, log_buf, sizeof log_buf) != 0) {
            sd_term_printf(stderr, "stormdrill: sessions: cannot create the folder: %s\n", strerror(errno));
            return SD_EXIT_INPUT;
        }
        log_path = log_buf;
    }
    char today[11];
    sd_cli_today(today);
    /* The start screen offers an interrupted exercise of this scenario from sessions/. */
    char *offer = NULL;
    sd_time offer_t = 0;
    char sha[65];
    sd_error ferr = SD_ERROR_INIT;
    if (!bench && log_path == log_buf && sd_sha256_file_hex(scenario, NULL, sha, &ferr) == SD_OK &&
        sd_log_find_interrupted("sessions", sha, "person", &offer, &offer_t, &ferr) != SD_OK)
        sd_term_printf(stderr, "stormdrill: warning: %s\n", sd_error_msg(&ferr));
    sd_error_clear(&ferr);
    sd_seal_key key;
    memset(&key, 0, sizeof key);
    if (key_path) {
        sd_error kerr = SD_ERROR_INIT;
        if (sd_seal_key_read(key_path, &key, &kerr) != SD_OK) {
            sd_term_printf(stderr, "stormdrill: %s\n", sd_error_msg(&kerr));
            sd_error_clear(&kerr);
            free(offer);
            return SD_EXIT_INPUT;
        }
    }
    sd_app_config cfg = {.scenario_path = scenario, .log_path = log_path, .lang = lang, .exam = exam,
                         .seal_key = key_path ? &key : NULL,
                         .seed_set = seed_arg != NULL, .seed = seed, .participant = name,
                         .width = bench ? 1280 : 0, .height = bench ? 800 : 0, .remember_window = !bench,
                         .hidden = bench, .date = bench ? NULL : today,
                         .offer_resume = offer, .offer_t = offer_t,
                         .facilitator_window = facilitator && !bench,
                         .briefing = !bench && !no_briefing, .pause_on_help = pause_on_help};
    sd_error err = SD_ERROR_INIT;
    sd_status st;
    if (bench) {
        sd_bench_options opt = {.items = 100000, .frames = 300, .started = started};
        st = sd_window_bench(&cfg, &opt, stdout, &err);
        if (log_path == tmp_log) {
            unlink(tmp_log);
            char side[64];
            snprintf(side, sizeof side, "%s-results.json", tmp_log);
            unlink(side);
        }
    } else {
        sd_app *app = NULL;
        st = sd_app_create(&cfg, &app, &err);
        if (st == SD_OK)
            st = sd_app_run(app, &err);
        if (st == SD_OK && app && sd_app_save_error(app)[0])
            sd_term_printf(stderr, "stormdrill: %s\n", sd_app_save_error(app));
        /* The start screen may have switched to an interrupted exercise's log. */
        const char *shown = app ? sd_app_log_path(app) : log_path;
        if (st == SD_OK)
            sd_term_printf(stderr, "stormdrill: session log: %s\n", shown);
        else if (app && access(shown, F_OK) == 0)
            sd_term_printf(stderr, "stormdrill: the exercise so far is in %s; once the cause is "
                    "put right, go on with: stormdrill resume %s\n", shown, shown);
        sd_app_destroy(app);
    }
    free(offer);
    sd_seal_key_clear(&key);
    int rc = SD_EXIT_OK;
    if (st != SD_OK) {
        sd_term_printf(stderr, "stormdrill: %s\n", sd_error_msg(&err));
        rc = sd_exit_for(&err);
    }
    sd_error_clear(&err);
    return rc;
}
