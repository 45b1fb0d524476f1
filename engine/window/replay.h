/* replay.h - `stormdrill replay LOG`: the exercise window playing a finished session log
 * back, read-only, for the debrief. Two parts:
 *
 *  - sd_replay_log: a session log read whole into memory through the validating reader
 *    (log/logr.h), every record's strings copied, and folded into the results of the whole
 *    log (so the log is checked up front, and the scorecard can be computed from it). Needs
 *    no display: the command line's no-display fallback uses it too.
 *  - the replay mode of the window (sd_replay_open): a replay clock in simulated time that
 *    plays at a chosen speed, and the window's own model, feed, thread and situation panels
 *    fed the records with t <= the replay time. Seeking back rebuilds from the start. A
 *    time slider at the bottom, a REPLAY banner, no editor and no action keys; at the end,
 *    the window's scorecard screen with the log's scores.
 *
 * Keys: Space pause/play; + / - or 1-4 speed steps (1x, the log's compression, 4x and 16x
 * that); Left / Right 5 simulated minutes back / forward; Home / End start / end; Up, Down,
 * PgUp, PgDn, Tab the feed; Ctrl + / - / 0 text size; Q or Ctrl+Q quit. The slider takes
 * clicks and drags.
 *
 * Ownership: sd_replay_log_load() returns a log the caller frees with sd_replay_log_free();
 * the results and strings it hands out belong to it. sd_replay_open() returns an sd_app the
 * caller drives with sd_app_frame()/sd_app_run() and frees with sd_app_destroy() (app.h);
 * the config's strings are copied or used during the call only. */
#ifndef SD_WINDOW_REPLAY_H
#define SD_WINDOW_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "log/record.h"
#include "results/results.h"
#include "session/session.h"
#include "util/error.h"

#define SD_REPLAY_MAX_RECORDS 2000000 /* a normal exercise writes far fewer */

/* ---- the log in memory ---- */

typedef struct sd_replay_log sd_replay_log;

/* Reads every record of path (at most max_records; 0: SD_REPLAY_MAX_RECORDS). Errors name
 * the file and line. A torn last line is dropped with a warning (sd_replay_log_torn). */
sd_status sd_replay_log_load(const char *path, size_t max_records, sd_replay_log **out, sd_error *err);
void sd_replay_log_free(sd_replay_log *log);
size_t sd_replay_log_n_records(const sd_replay_log *log);
/* Record i (0 = the header); its strings belong to the log. Actions carry the index of the
 * item they act on (item_index), items their arrival number (index), as a session's do. */
const sd_record *sd_replay_log_record(const sd_replay_log *log, size_t i);
/* The results of the whole log (not const: the caller may attach a score to save them). */
sd_results *sd_replay_log_results(sd_replay_log *log);
/* The torn-line warning ("file:line: ..."), or NULL when the log ended cleanly. */
const char *sd_replay_log_torn(const sd_replay_log *log);
/* The simulated times the replay spans: the header's start, and the end record's time (else
 * the last record's). */
sd_time sd_replay_log_start(const sd_replay_log *log);
sd_time sd_replay_log_end(const sd_replay_log *log);

/* ---- the replay window ---- */

typedef struct sd_replay sd_replay; /* the replay state inside an sd_app (replay.c) */

typedef struct sd_replay_config {
    const char *log_path;       /* required */
    int lang;                   /* sd_language for the window's texts, or -1: the log's */
    double speed;               /* simulated seconds per real second (0: the log's compression) */
    size_t max_records;         /* 0: SD_REPLAY_MAX_RECORDS */
    int width, height;          /* window size (0: 1280 x 800) */
    double text_scale;          /* 0: 1.0 */
    bool hidden;                /* do not show the window (tests) */
    bool debug_rects;           /* record every drawn rectangle per panel */
    const char *review_path;    /* review mode (`stormdrill review`): the review file marks
                                   are appended to (review/review.h), or NULL: a replay */
    const char *evaluator;      /* review mode: the evaluator's name, or NULL: asked first */
} sd_replay_config;

sd_status sd_replay_open(const sd_replay_config *cfg, sd_app **out, sd_error *err);

/* For tests: the replay state of an app opened by sd_replay_open (else NULL / 0). */
bool sd_app_is_replay(const sd_app *app);
sd_time sd_replay_now(const sd_app *app);
double sd_replay_speed(const sd_app *app);
bool sd_replay_paused(const sd_app *app);
/* Items the window shows as of the replay time (the feed's "all" filter). */
size_t sd_replay_items_shown(sd_app *app);
/* Selects the item with this id in the feed's "all" filter; false when it is not shown. */
bool sd_replay_select(sd_app *app, const char *id);
/* Actions the thread panel listed under the selected item in the last frame. */
size_t sd_replay_thread_actions(const sd_app *app);
/* Review mode: the review panel (review_panel.h), or NULL. */
struct sd_review_panel;
const struct sd_review_panel *sd_replay_review_panel(const sd_app *app);
/* Seeks to simulated time t (clamped to the log's span), as the slider does. */
sd_status sd_replay_seek(sd_app *app, sd_time t, sd_error *err);
/* The slider's rectangle in the last frame (w = 0 before the first). */
SDL_Rect sd_replay_slider_rect(const sd_app *app);

/* ---- for the window's own modules (app.c and the panels) ---- */

/* The time, situation and pace the panels show: the replay's in replay mode, else the
 * session's. */
sd_time sd_app_now(const sd_app *app);
void sd_app_situation(sd_app *app, sd_situation *out);
bool sd_app_paused(const sd_app *app);
double sd_app_speed(const sd_app *app);
bool sd_app_finished(const sd_app *app);
/* Replay mode's frame and drawing (called by sd_app_frame / sd_app_screenshot_bmp), and its
 * teardown (called first by sd_app_destroy; clears what the app borrowed from it). */
sd_status sd_replay_frame(sd_app *app, double real_seconds, bool *running, sd_error *err);
void sd_replay_render(sd_app *app);
void sd_replay_detach(sd_app *app);

#endif
