/* model.h - what the window has seen of the running exercise: a copy of every item record
 * (the session's records are borrowed for the observer call only), the moderation actions
 * taken on each (hidden, deleted, reported, escalated), what is pinned, arrivals per
 * simulated minute and the mood mix, and the filtered row lists of the feed. Whether an item still waits for an
 * answer comes from the results (the core's one definition), never from the window.
 *
 * Ownership: sd_model_create() returns an object freed with sd_model_free(); it borrows the
 * results, which must outlive it. Strings returned by sd_model_str() belong to the model
 * and stay valid until the next sd_model_on_record(). */
#ifndef SD_WINDOW_MODEL_H
#define SD_WINDOW_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "log/record.h"
#include "results/results.h"
#include "sim/post_counts.h"
#include "util/error.h"

typedef enum sd_filter {
    SD_FILTER_WAITING, SD_FILTER_ALL, SD_FILTER_DM, SD_FILTER_INTERNAL, SD_FILTER_ATTACKER,
    SD_FILTER_COUNT
} sd_filter;

/* Offsets into the model's string pool (0 = none). */
typedef struct sd_mitem {
    uint32_t id, first, last, text, parent, repeat_of, storm, title, outlet, link;
    uint32_t handle;          /* the author's handle without '@' (first may be 0 then) */
    uint32_t image, image_alt; /* a post's image: the path as the scenario wrote it (found
                                  relative to the scenario's folder or assets/images/, as
                                  sd_scenario_image_check() says) and its description */
    uint32_t link_title, link_site; /* a post's link preview (its address: link) */
    uint8_t platform;         /* sd_platform: a post's own (or the header's); a comment's
                                 or reply's, its post's; DMs, internal, notices, media:
                                 the header's */
    sd_time arrival, deadline;
    int32_t parent_index;     /* index of the parent item, or -1 */
    uint8_t kind, mood;
    int8_t sender;
    bool hidden, deleted, reported, expects_answer;
    uint32_t escalated;       /* bit per sd_target */
    uint32_t colleague;       /* the simulated colleague who replied to it first (a
                                 string offset), or 0 */
    int16_t max_words;
    const sd_expect *expect;  /* what the item expects: the results' interned copy (the one
                                 the score reads; stable while the results live), else the
                                 record's (the session's declarations); never NULL */
} sd_mitem;

#define SD_MODEL_MINUTES 60

typedef struct sd_model sd_model;

sd_status sd_model_create(const sd_results *res, sd_model **out, sd_error *err);
void sd_model_free(sd_model *m);

/* Folds one record in (called from the session observer). */
sd_status sd_model_on_record(sd_model *m, const sd_record *rec, sd_error *err);

size_t sd_model_n_items(const sd_model *m);
const sd_mitem *sd_model_item(const sd_model *m, size_t i);
const char *sd_model_str(const sd_model *m, uint32_t off); /* "" for 0 */
/* True when the results say the item expects an answer and has none yet. */
bool sd_model_waiting(const sd_model *m, size_t i);
sd_time sd_model_answered_at(const sd_model *m, size_t i);

/* Rows of a filter (item indices, in display order: waiting oldest first, the others
 * newest first). Rebuilt lazily after changes. */
const uint32_t *sd_model_rows(sd_model *m, sd_filter f, size_t *n);
/* Count of rows per filter as of the last rebuild of that filter. */
size_t sd_model_count(sd_model *m, sd_filter f);

/* Comments and replies per simulated minute for the SD_MODEL_MINUTES minutes up to now
 * (out[SD_MODEL_MINUTES - 1] is the current minute). */
void sd_model_per_minute(const sd_model *m, sd_time now, unsigned out[SD_MODEL_MINUTES]);
/* Comments and replies seen per mood (SD_MOOD_COUNT entries). */
const size_t *sd_model_moods(const sd_model *m);
/* The simulated colleagues who have replied so far (distinct names of actions' `by`). */
size_t sd_model_colleagues(const sd_model *m);
/* Internal messages, oldest first. */
const uint32_t *sd_model_internal(const sd_model *m, size_t *n);
/* What is pinned to the top of the post (action pin): false when nothing is. *item: the
 * item whose reply is pinned, or -1 for a statement; *text: the pinned text (the model's,
 * valid until the next record). Either may be NULL. */
bool sd_model_pinned(const sd_model *m, int32_t *item, const char **text);
/* The exercise's platform (the log header's; facebook before the header). */
sd_platform sd_model_platform(const sd_model *m);
/* The reaction, comment and share counts under the organisation's post `item` (kind post)
 * as of the latest record, from sd_post_counts_compute() over what the log held so far:
 * the comments and replies on it (deleted ones not), the highest intensity and lowest
 * sentiment of the state records since it was published, the minutes since then. false
 * (and *out zero) for any other item. The same log gives the same numbers (a replay). */
bool sd_model_post_counts(const sd_model *m, size_t item, sd_post_counts *out);

/* Bumps on every record: lets views know when to refresh. */
uint64_t sd_model_version(const sd_model *m);

#endif
