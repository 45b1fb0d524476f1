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
#include "util/error.h"

typedef enum sd_filter {
    SD_FILTER_WAITING, SD_FILTER_ALL, SD_FILTER_DM, SD_FILTER_INTERNAL, SD_FILTER_ATTACKER,
    SD_FILTER_COUNT
} sd_filter;

/* Offsets into the model's string pool (0 = none). */
typedef struct sd_mitem {
    uint32_t id, first, last, text, parent, repeat_of, storm, title, outlet, link;
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
/* Bumps on every record: lets views know when to refresh. */
uint64_t sd_model_version(const sd_model *m);

#endif
