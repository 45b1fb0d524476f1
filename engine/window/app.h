/* app.h - the exercise window: a thin SDL2 front end over a running session. It loads the
 * scenario, opens the session log and the results, drives the session frame by frame, and
 * turns key presses into actions that go through sd_session_act (so every action is in the
 * log before its effect shows). Built so that a test or a benchmark can create it, push
 * SDL events and run one frame at a time:
 *
 *   sd_app_create(&cfg, &app, &err);
 *   SDL_PushEvent(...);  sd_app_frame(app, 1.0 / 60, &err);  ...
 *   sd_app_destroy(app);
 *
 * Ownership: sd_app_create() returns an app the caller frees with sd_app_destroy(); the
 * config's strings are copied or used during the call only. Everything an accessor returns
 * is owned by the app, valid until the next frame (or until destroy for the session). */
#ifndef SD_WINDOW_APP_H
#define SD_WINDOW_APP_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draw.h"
#include "results/results.h"
#include "scoring/tone.h"
#include "session/session.h"
#include "text.h"
#include "util/error.h"

typedef struct sd_app sd_app;

typedef struct sd_app_config {
    const char *scenario_path;  /* required */
    const char *log_path;       /* required: the session log to write */
    const struct sd_seal_key *seal_key; /* the facilitator's key: the log is sealed with it
                                   (log/chain.h), or a resumed sealed log checked; borrowed,
                                   valid while the app lives; NULL: unsealed */
    bool resume;                /* log_path is an interrupted exercise's log: catch up with it
                                   and go on from where it ends, paused (session/resume.h);
                                   seed and participant come from the log */
    const char *offer_resume;   /* an interrupted exercise's log (sd_log_find_interrupted): the
                                   window opens on a start screen that offers to go on with it
                                   (R) or to begin anew (N); NULL: no start screen */
    sd_time offer_t;            /* the simulated time that log reached, for the start screen */
    int lang;                   /* sd_language for the window's texts, or -1: the scenario's */
    bool exam;                  /* exam mode: no live tone checks (default: coach mode) */
    bool seed_set;
    uint64_t seed;
    const char *participant;    /* the participant's first name (NULL: "Kim") */
    int width, height;          /* window size (0: the remembered one or 1280 x 800, made
                                   to fit the display: layout.h) */
    double text_scale;          /* 0: the remembered one, or 1.0 */
    bool remember_window;       /* read and write the window's size and text scale in
                                   $XDG_CONFIG_HOME/stormdrill/window.ini (layout.h); a bad
                                   or unwritable file is said and ignored */
    bool hidden;                /* do not show the window (tests, benchmarks) */
    bool debug_rects;           /* record every drawn rectangle per panel */
    bool no_wall_clock;         /* write wall = 0 in the log */
    const char *date;           /* "YYYY-MM-DD" written in the log header, or NULL (copied) */
    bool facilitator_window;    /* open the facilitator's window at start (else F9/F12 do) */
    bool briefing;              /* open on the briefing (after the resume start screen, if
                                   any): the clock starts when the person presses Enter.
                                   `stormdrill run` in a window sets it; tests, benchmarks
                                   and --headless leave it off (the clock runs at once) */
    int pause_on_help;          /* help (F1), the briefing (F2) and the menus pause the clock
                                   while open: 0 the mode's default (coach: on, exam: off),
                                   1 on, -1 off (--pause-on-help / --no-pause-on-help) */
} sd_app_config;

sd_status sd_app_create(const sd_app_config *cfg, sd_app **out, sd_error *err);
/* Ends the exercise if still running ("window closed"), closes the log, frees everything. */
void sd_app_destroy(sd_app *app);

/* One frame: handles pending SDL events, steps the session by real_seconds (nothing while
 * paused), draws and presents. *running becomes false when the person quits. */
sd_status sd_app_frame(sd_app *app, double real_seconds, bool *running, sd_error *err);
/* The main loop: frames at about 60 per second until the person quits. */
sd_status sd_app_run(sd_app *app, sd_error *err);

/* After resuming: the torn last line that was dropped from the log, or NULL. */
const char *sd_app_resume_warning(const sd_app *app);

/* For tests and the benchmark. */
sd_session *sd_app_session(sd_app *app);
const sd_results *sd_app_results(const sd_app *app);
const char *sd_app_selected_id(const sd_app *app);   /* NULL when nothing is selected */
const char *sd_app_status(const sd_app *app);        /* the last message shown */
bool sd_app_status_bad(const sd_app *app);           /* ... and whether it is an error */
/* The participant's words for why the session refused an action (ui.refuse.<name> in the
 * window's language; never the engine's message); the status bar's hint for the current
 * state (what the keys mean now; while typing: to whom and how to leave), into out. */
const char *sd_app_refusal_text(const sd_app *app, sd_refusal why);
void sd_app_hint_text(const sd_app *app, char *out, size_t n);
/* The item whose reply the editor is writing (-1: a new post or none) and how many
 * drafts for other items are kept. */
int64_t sd_app_edit_item(const sd_app *app);
size_t sd_app_n_drafts(const sd_app *app);
/* Why the last save of the results or the CSV failed, "" if it did not (the scorecard shows
 * it until a save succeeds). Owned by the app. */
const char *sd_app_save_error(const sd_app *app);
bool sd_app_on_scorecard(const sd_app *app);
bool sd_app_on_start_screen(const sd_app *app); /* offering an interrupted exercise */
bool sd_app_on_briefing(const sd_app *app);     /* the briefing is shown (briefing.c) */
/* The question the window is asking, or NULL: "end" (Ctrl+Q during the exercise), "close"
 * (leaving with unsaved results); and whether the scorecard still holds input (ending.c). */
const char *sd_app_asking(const sd_app *app);
bool sd_app_scorecard_holding(const sd_app *app);
/* True when the feed's current filter shows the newest first (O turns it). */
bool sd_app_feed_newest_first(const sd_app *app);
bool sd_app_editing(const sd_app *app);              /* typing in the reply editor */
const char *sd_app_editor_text(const sd_app *app);   /* the reply editor's text */
/* Coach mode: the tone checks of the reply editor's text as of the last frame, or NULL (exam
 * mode, empty text); and the verdict on the text of the last reply sent, taken as it was
 * sent, or NULL. Built as the score builds its input (scoring/reply_input.h). */
const sd_tone_result *sd_app_coach_tone(const sd_app *app);
const sd_tone_result *sd_app_coach_sent(const sd_app *app);
/* The reply editor's misspelt words (editor.h: sd_editor_misspelt) and how many times its
 * text was checked. */
size_t sd_app_editor_misspelt(sd_app *app, size_t *starts, size_t *ends, size_t max);
uint64_t sd_app_editor_spell_checks(const sd_app *app);
/* What the coach gives spelling and the name check: the scenario's accepted words, and the
 * first names of its people (n of them). Owned by the app. */
const sd_spell_extra *sd_app_spell_words(const sd_app *app);
const char *const *sd_app_names(const sd_app *app, size_t *n);
/* The reply editor's selection as byte offsets [*start, *end); false when none. */
bool sd_app_editor_selection(const sd_app *app, size_t *start, size_t *end);
const sd_draw_rec *sd_app_debug_rects(const sd_app *app, size_t *n);
void sd_app_text_stats(const sd_app *app, sd_text_stats *out); /* of the last frame */
void sd_app_output_size(const sd_app *app, int *w, int *h);
/* High-density displays: the window is created with SDL_WINDOW_ALLOW_HIGHDPI and laid out
 * in the renderer's output pixels, while mouse events come in window points. This turns
 * (*x, *y) in a win_w x win_h window into pixels of an out_w x out_h output (per axis;
 * unchanged when a size is unknown or the two are equal). */
void sd_app_points_to_pixels(int win_w, int win_h, int out_w, int out_h, int *x, int *y);
/* Output pixels per window point (1 when unknown): what the text size is multiplied by. */
double sd_app_pixel_density(int win_w, int out_w);
double sd_app_text_scale(const sd_app *app);
/* Where the last frame drew what a click can hit: "row" (the i-th visible feed row), "tab"
 * (filter i), "order" (the feed's newest/oldest first switch), "pinned" (what is pinned, above the feed's rows),
 * "editor" (the reply editor's text area), "menu" (entry i of the open menu).
 * False when it was not drawn. */
bool sd_app_hit_rect(const sd_app *app, const char *what, size_t i, SDL_Rect *out);
/* The last frame's pixels (drawn again: the back buffer is undefined after a present) as a
 * new ARGB8888 surface the caller frees with SDL_FreeSurface. */
sd_status sd_app_read_pixels(sd_app *app, SDL_Surface **out, sd_error *err);
/* The facilitator's window (facilitator.c): a second window the participant's never shows,
 * opened by F9 (at a new live inject) or F12 in the participant's window, or at start
 * (facilitator_window). The participant's window's id; the facilitator's, 0 while closed;
 * whether a live inject is being typed there (the clock is held meanwhile), the inject
 * form's text, its status line (owned by the app); its last frame's drawn rectangles (with
 * debug_rects) and its pixels, drawn again (a new ARGB8888 surface the caller frees). */
uint32_t sd_app_window_id(const sd_app *app);
uint32_t sd_app_facilitator_window_id(const sd_app *app);
bool sd_app_facilitator_typing(const sd_app *app);
const char *sd_app_facilitator_text(const sd_app *app);
const char *sd_app_facilitator_status(const sd_app *app);
const sd_draw_rec *sd_app_facilitator_debug_rects(const sd_app *app, size_t *n);
sd_status sd_app_facilitator_read_pixels(sd_app *app, SDL_Surface **out, sd_error *err);
/* Writes the last frame as a BMP. */
sd_status sd_app_screenshot_bmp(sd_app *app, const char *path, sd_error *err);
/* The results JSON and CSV paths the scorecard writes (J and C), next to the log. */
const char *sd_app_results_path(const sd_app *app);
/* The session log being written (after the start screen, possibly the resumed one's). */
const char *sd_app_log_path(const sd_app *app);
const char *sd_app_csv_path(const sd_app *app);

#endif
