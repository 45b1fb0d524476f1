/* review_panel.h - the review panel of `stormdrill review LOG` (docs/review.md): in the
 * replay window, an evaluator steps through every reply and decision of the exercise in
 * time order (the replay goes to its time and selects its item, so the feed and thread
 * show it in context), sees the item, the reply and the machine's verdict, and marks it:
 * answers the question yes / partly / no, tone acceptable or not, a decision right or
 * wrong, a note. Every mark is appended to the review file at once (review/review.h),
 * carrying what was already marked on the target, so the last line always holds the whole
 * verdict. The evaluator's name is asked first when it was not given.
 *
 * Keys: N or Page Down next, P or Page Up previous; 1 2 3 answers yes / partly / no (a
 * decision: 1 right, 3 wrong); 4 / 5 tone acceptable / not; E writes the note (Enter saves,
 * Esc cancels). Every choice is a button too. Other keys are the replay's.
 *
 * Ownership: the panel belongs to the replay state (replay.c), which creates it after the
 * log is loaded and scored and frees it with the app; it borrows the app's results and
 * score. */
#ifndef SD_WINDOW_REVIEW_PANEL_H
#define SD_WINDOW_REVIEW_PANEL_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "review/review.h"
#include "util/error.h"

typedef struct sd_review_panel sd_review_panel;

/* Opens the review file and lists the targets (app->score must be computed). evaluator
 * may be NULL: the panel asks. */
sd_status sd_review_panel_create(sd_app *app, const char *review_path, const char *evaluator,
                                 sd_review_panel **out, sd_error *err);
void sd_review_panel_free(sd_review_panel *p);
/* Goes to the first target (call once the window's view is ready). */
sd_status sd_review_panel_start(sd_app *app, sd_review_panel *p, sd_error *err);
/* An event for the panel first: *handled when it took it. */
sd_status sd_review_panel_event(sd_app *app, sd_review_panel *p, const SDL_Event *ev, bool *handled,
                                sd_error *err);
void sd_review_panel_draw(sd_app *app, sd_review_panel *p, SDL_Rect r);
/* The status bar's key hint for the current state. */
const char *sd_review_panel_hint(const sd_app *app, const sd_review_panel *p);

/* Provided by replay.c for the panel: seek to simulated time t, pause, and select the item
 * with this id in the feed. */
sd_status sd_replay_show(sd_app *app, sd_time t, const char *item_id, sd_error *err);
/* The results of the whole log (the panel's targets index into them). */
const sd_results *sd_replay_all_results(const sd_app *app);

/* For tests. */
size_t sd_review_panel_index(const sd_review_panel *p);
size_t sd_review_panel_count(const sd_review_panel *p);
bool sd_review_panel_asking_name(const sd_review_panel *p);
bool sd_review_panel_editing(const sd_review_panel *p);
const sd_reviews *sd_review_panel_reviews(const sd_review_panel *p);
const sd_review_target *sd_review_panel_target(const sd_review_panel *p, size_t i);
/* A button's rectangle in the last frame (w = 0 when not drawn). */
enum { SD_REVIEW_HIT_PREV, SD_REVIEW_HIT_NEXT, SD_REVIEW_HIT_YES, SD_REVIEW_HIT_PARTLY, SD_REVIEW_HIT_NO,
       SD_REVIEW_HIT_TONE_OK, SD_REVIEW_HIT_TONE_BAD, SD_REVIEW_HIT_RIGHT, SD_REVIEW_HIT_WRONG,
       SD_REVIEW_HIT_NOTE };
SDL_Rect sd_review_panel_hit(const sd_review_panel *p, int which);

#endif
