/* sd_scorecard_shot.c - a screenshot of the exercise window's scorecard for the docs
 * (tools/screenshots.sh): opens a finished session log in the window's replay
 * (window/replay.h) under SDL's dummy video driver and the software renderer, plays it to
 * the end at full speed until the scorecard shows, and saves the window as a BMP with
 * sd_app_screenshot_bmp (window/app.h). Nothing is shown on screen and the log is only read.
 *
 * Usage: sd_scorecard_shot LOG OUT.bmp [WIDTH HEIGHT]   (default 1280 x 800, the window's own)
 * Exit status: 0 written; 1 the log cannot be replayed, the scorecard never showed, or the
 * file cannot be written; 2 bad usage. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/termtext.h"
#include "window/app.h"
#include "window/replay.h"

#define SHOT_MAX_FRAMES 20000 /* 1/60 s frames; at speed 1e6 a long exercise ends in a few */

static int parse_size(const char *s, int *out)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < 320 || v > 8192)
        return -1;
    *out = (int)v;
    return 0;
}

int main(int argc, char **argv)
{
    int width = 1280, height = 800;
    if (argc != 3 && argc != 5) {
        fprintf(stderr, "usage: sd_scorecard_shot LOG OUT.bmp [WIDTH HEIGHT]\n");
        return 2;
    }
    if (argc == 5 && (parse_size(argv[3], &width) != 0 || parse_size(argv[4], &height) != 0)) {
        fprintf(stderr, "sd_scorecard_shot: WIDTH and HEIGHT must be whole numbers from 320 to 8192\n");
        return 2;
    }
    /* Headless and deterministic: no display, the software renderer (headless-notes.md). */
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);

    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    sd_replay_config cfg = {
        .log_path = argv[1], .lang = -1, .speed = 1e6, .width = width, .height = height,
        .hidden = true,
    };
    if (sd_replay_open(&cfg, &app, &err) != SD_OK) {
        sd_term_printf(stderr, "sd_scorecard_shot: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return 1;
    }
    int rc = 0;
    bool running = true;
    for (int i = 0; i < SHOT_MAX_FRAMES && running && !sd_app_on_scorecard(app); i++)
        if (sd_app_frame(app, 1.0 / 60, &running, &err) != SD_OK)
            goto fail;
    if (!sd_app_on_scorecard(app)) {
        sd_term_printf(stderr, "sd_scorecard_shot: %s: the replay did not reach the scorecard\n", argv[1]);
        rc = 1;
        goto done;
    }
    /* A few more frames so every panel of the scorecard has been laid out and drawn. */
    for (int i = 0; i < 3; i++)
        if (sd_app_frame(app, 1.0 / 60, &running, &err) != SD_OK)
            goto fail;
    if (sd_app_screenshot_bmp(app, argv[2], &err) != SD_OK)
        goto fail;
    goto done;
fail:
    sd_term_printf(stderr, "sd_scorecard_shot: %s\n", sd_error_msg(&err));
    sd_error_clear(&err);
    rc = 1;
done:
    sd_app_destroy(app);
    return rc;
}
