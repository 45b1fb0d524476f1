/* results.h - the results of one exercise, folded from session-log records.
 *
 * A run feeds each record to sd_results_add() as it happens; `stormdrill score LOG` feeds
 * the records read back from the log. Same records in, same results out: the results file
 * ("schema": "stormdrill.result/1") is a pure function of the log. It carries the timing
 * facts scoring needs: per item its kind, author, mood, arrival, deadline, answer time and
 * the actions taken on it.
 *
 * Ownership: sd_results_create() returns an object the caller frees with
 * sd_results_free(); it copies every string it keeps. */
#ifndef SD_RESULTS_H
#define SD_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../log/logr.h"
#include "../log/record.h"
#include "../util/buf.h"
#include "../util/error.h"

#define SD_RESULT_SCHEMA "stormdrill.result/2"    /* adds "integrity" */
#define SD_RESULT_SCHEMA_V1 "stormdrill.result/1" /* still read by the report */

typedef struct sd_results sd_results;

/* Read-only views of what the results hold (for scoring and reports). Pointers are owned by
 * the sd_results and valid until it is freed or more records are added. */
typedef struct sd_res_action {
    sd_time t;
    sd_action_kind kind;
    int32_t item;      /* index, or -1 */
    int8_t target, step;
    const char *text, *person, *reason;
    const char *by;    /* a simulated colleague's name when the colleague did it, else NULL */
    int32_t next;      /* next action on the same item, or -1 */
} sd_res_action;

typedef struct sd_res_item {
    const char *id, *author_id, *first, *last, *storm, *repeat_of;
    const char *handle;      /* the author's handle (interned), or NULL; first is NULL for
                                an author known by the handle alone */
    const char *theme;       /* storm comments: the theme's id (interned), or NULL */
    const char *text;        /* the item's text for items outside storms (the scenario's own
                                words, for spelling), else NULL */
    const sd_expect *expect; /* interned: items share a handful of expectations */
    sd_time arrival, deadline, answered_at;
    int32_t first_action, last_action;
    uint8_t kind, mood;
    int8_t sender;           /* sd_sender of an internal message, else -1 */
    int8_t answer_action;    /* sd_action_kind, or -1 */
    bool has_author;         /* a first name, a handle or both */
    bool direct;             /* a storm comment that needs its own answer or referral */
    int8_t platform;         /* sd_platform the item is seen on: a post's own or the
                                header's; a comment's or reply's, its post's; others the
                                header's */
    int32_t parent;          /* index of the item it is on, or -1 */
} sd_res_item;

/* The unsent draft the exercise ended with (a "draft" action record, session.h:
 * sd_session_set_draft). It is not among the actions: it never scores. */
typedef struct sd_res_draft {
    sd_time t;
    int32_t item;      /* the item it answered (index), or -1 */
    const char *text;
} sd_res_draft;
/* False when the exercise ended without a draft. */
bool sd_results_draft(const sd_results *r, sd_res_draft *out);

size_t sd_results_n_items(const sd_results *r);
const sd_res_item *sd_results_items(const sd_results *r);
size_t sd_results_n_actions(const sd_results *r);
const sd_res_action *sd_results_actions(const sd_results *r);
/* NULL until the header record was added. */
const sd_rec_header *sd_results_header(const sd_results *r);
/* Every storm's themes as the header listed them (*n = 0 before the header). */
const sd_rec_theme *sd_results_themes(const sd_results *r, size_t *n);

typedef struct sd_results_summary {
    size_t items, expecting_answer, answered, on_time, late, unanswered;
    size_t actions, rejected;
    double median_answer, p90_answer; /* seconds, over answered items expecting an answer; -1 if none */
    bool ended;
    const char *end_reason;           /* borrowed from the results */
} sd_results_summary;

sd_status sd_results_create(sd_results **out, sd_error *err);
/* The scores to write with the results (scoring/score.h); borrowed, may be NULL. */
struct sd_score;
void sd_results_attach_score(sd_results *r, const struct sd_score *score);
void sd_results_free(sd_results *r);
/* An evaluator's review (review/review.h) to write with the results as their "review"
 * member (docs/results-format.md); borrowed, may be NULL. */
struct sd_reviews;
void sd_results_attach_review(sd_results *r, const struct sd_reviews *rv);
/* What the log the results are made from showed of its integrity (logr.h), written as the
 * results' "integrity" member (docs/results-format.md). Without this call: an unsealed
 * format-2 log. Results are never made from a tampered log. */
void sd_results_set_integrity(sd_results *r, const sd_log_integrity *in);
/* Makes room for n items up front (an optimisation for large runs; never required). */
sd_status sd_results_reserve(sd_results *r, size_t n_items, sd_error *err);
/* Folds one record in. Records must come in log order, the header first. */
sd_status sd_results_add(sd_results *r, const sd_record *rec, sd_error *err);
void sd_results_summarise(const sd_results *r, sd_results_summary *s);
/* The results document as JSON text. */
sd_status sd_results_to_json(const sd_results *r, sd_buf *out, sd_error *err);
/* Writes the JSON to path through a temporary file renamed into place (util/atomic_file.h),
 * streaming it: memory stays small whatever the number of items. */
sd_status sd_results_save(const sd_results *r, const char *path, sd_error *err);

#endif
