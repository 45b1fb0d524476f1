/* review_internal.h - the review module's shared state (review.c reads and indexes marks,
 * writer.c appends them, targets.c lists what there is to review). Not a public API.
 * Ownership: an sd_reviews owns everything in it. */
#ifndef SD_REVIEW_INTERNAL_H
#define SD_REVIEW_INTERNAL_H

#include "review.h"

#include "../util/arena.h"
#include "../util/strmap.h"

typedef struct sd_review_tgt {
    const char *key;   /* "r:<action>" or "d:<item id>" (arena) */
    size_t last;       /* the last entry on it */
} sd_review_tgt;

struct sd_reviews {
    sd_arena arena;
    const char *name;                 /* the file, for messages */
    char log_sha256[65];
    const char *scenario_id;          /* or NULL */
    sd_review_entry *entries;
    uint32_t *entry_eval, *entry_target; /* per entry: evaluator and target index */
    size_t n, cap;
    sd_review_tgt *targets;
    size_t n_targets, cap_targets;
    sd_strmap target_map;             /* key -> target index */
    const char **evaluators;
    size_t n_eval, cap_eval;
    sd_strmap eval_map;
    char *torn;                       /* malloc'd warning, or NULL */
    size_t torn_at;                   /* byte offset where the torn line starts */
    const char *data_base;            /* while loading: the buffer's start */
};

sd_status sd_reviews_new(const char *name, sd_reviews **out, sd_error *err);
/* Adds a checked entry (strings copied; the evaluator interned). */
sd_status sd_reviews_add(sd_reviews *rv, const sd_review_entry *e, sd_error *err);
/* Loads path for a log whose sha256 is log_sha256 (NULL: unchecked); *torn_at (may be NULL)
 * is where good data ends: the torn line's offset, else the file's length. */
sd_status sd_reviews_load_file(const char *path, const char *log_sha256, sd_reviews **out,
                               size_t *torn_at, sd_error *err);

#endif
