/* cmd_replay.c - `stormdrill replay LOG`: opens the exercise window on a finished session
 * log and plays it back, read-only, for the debrief (window/replay.h); without a display,
 * says so and prints the log's scorecard instead, as `stormdrill score LOG` does. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "cli.h"
#include "replay.h"
#include "scorecard.h"

static const char usage[] =
    "Usage: stormdrill replay LOG [--lang sv|en] [--speed N]\n"
    "Plays a finished exercise back from its session log, read-only, for the debrief: the\n"
    "feed, threads and situation as they were at each moment, the participant's replies\n"
    "where they were written, and the scorecard at the end. Without a display, prints the\n"
    "log's scorecard instead.\n"
    "  --lang sv|en   the window's language (default: the log's)\n"
    "  --speed N      simulated seconds per real second (default: the log's compression)\n"
    "Keys: Space play/pause; 1-4 or + / - speed (1x, the compression, 4x, 16x that);\n"
    "Left / Right 5 minutes; Home / End; the slider at the bottom takes clicks and drags;\n"
    "Q quits.\n";

static bool have_display(void)
{
    if (!getenv("SDL_VIDEODRIVER") && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
        return false;
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return false;
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return true;
}

int sd_cmd_replay(int argc, char **argv)
{
    const char *log_path = NULL, *speed_arg = NULL;
    int lang = -1;
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--speed") == 0 && has_value)
            speed_arg = argv[++i];
        else if (strcmp(a, "--lang") == 0 && has_value) {
            lang = sd_vocab_lookup(SD_VOCAB_LANGUAGE, argv[++i]);
            if (lang < 0) {
                sd_term_printf(stderr, "stormdrill replay: --lang '%s': use sv or en\n", argv[i]);
                return SD_EXIT_USAGE;
            }
        } else if (a[0] == '-' || log_path) {
            sd_term_printf(stderr, "stormdrill replay: unexpected '%s'\n\n", a);
            fputs(usage, stderr);
            return SD_EXIT_USAGE;
        } else
            log_path = a;
    }
    if (!log_path) {
        sd_term_printf(stderr, "stormdrill replay: no log given\n\n");
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    double speed = 0;
    if (speed_arg) {
        char *end;
        errno = 0;
        speed = strtod(speed_arg, &end);
        if (errno || *end || !*speed_arg || !isfinite(speed) || speed <= 0 || speed > 1e6) {
            sd_term_printf(stderr, "stormdrill replay: --speed '%s' is not a number above 0 (simulated seconds "
                            "per real second)\n", speed_arg);
            return SD_EXIT_USAGE;
        }
    }

    sd_error err = SD_ERROR_INIT;
    sd_status st;
    if (!have_display()) {
        sd_term_printf(stderr, "stormdrill replay: no display for the replay window (%s); printing the "
                        "log's scorecard instead\n",
                getenv("SDL_VIDEODRIVER") || getenv("DISPLAY") || getenv("WAYLAND_DISPLAY")
                    ? SDL_GetError() : "neither DISPLAY nor WAYLAND_DISPLAY is set");
        sd_replay_log *log = NULL;
        st = sd_replay_log_load(log_path, 0, &log, &err);
        if (st == SD_OK && sd_replay_log_torn(log))
            sd_term_printf(stderr, "stormdrill replay: warning: %s\n", sd_replay_log_torn(log));
        if (st == SD_OK)
            st = sd_score_and_report(sd_replay_log_results(log), NULL, NULL, false, log_path, &err);
        sd_replay_log_free(log);
    } else {
        sd_replay_config cfg = {.log_path = log_path, .lang = lang, .speed = speed,
                                .width = 1280, .height = 800};
        sd_app *app = NULL;
        st = sd_replay_open(&cfg, &app, &err);
        if (st == SD_OK)
            st = sd_app_run(app, &err);
        sd_app_destroy(app);
    }
    int rc = SD_EXIT_OK;
    if (st != SD_OK) {
        sd_term_printf(stderr, "stormdrill replay: %s\n", sd_error_msg(&err));
        rc = sd_exit_for(&err);
    }
    sd_error_clear(&err);
    return rc;
}
