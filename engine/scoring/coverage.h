/* coverage.h - what a storm asks of an editor, and how much of it was done: every theme
 * answered publicly once and in time, the people with a direct question answered or
 * referred, repeats of an answered theme referred to the answer or covered by a pinned
 * one. A storm is scored on this (docs/scoring.md, "Storms"), not on its every comment.
 *
 * Computed from the results alone (the themes the log header lists, the items' themes and
 * the actions), plus what scoring decided about each reply (whether it says something) and
 * a matcher for statements. Storms the header lists no themes for (logs written before
 * themes) are left to per-comment scoring: sd_cover_item_scored() is false for them.
 *
 * Ownership: sd_cover_compute() returns an sd_cover the caller frees with sd_cover_free();
 * it points into the results (which must outlive it). */
#ifndef SD_COVERAGE_H
#define SD_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../results/results.h"

/* How a theme got its first public answer. */
typedef enum sd_cover_by {
    SD_COVER_NONE,      /* not answered */
    SD_COVER_REPLY,     /* the participant replied to one of its comments */
    SD_COVER_COLLEAGUE, /* a simulated colleague did */
    SD_COVER_STATEMENT, /* a statement (publish) said what its answer says */
    SD_COVER_PIN        /* a pinned reply or statement covered it */
} sd_cover_by;

typedef struct sd_theme_cover {
    const sd_rec_theme *theme;  /* borrowed from the results */
    size_t comments;            /* its comments (repeats included) */
    size_t direct, direct_in_time; /* its direct comments, and those answered or referred
                                      within their target */
    size_t repeats, repeats_covered; /* repeats that came after it was answered, and those
                                        referred in time or covered by a pin */
    size_t colleague;           /* colleague replies on its comments */
    size_t dangerous, dangerous_in_time; /* threat / personal-data comments, and those
                                            handled (hidden, reported or escalated) in time */
    sd_time first;              /* its first comment's arrival (0: none came) */
    sd_time due;                /* first + its target */
    sd_time answered_at;        /* its first public answer, 0 if none */
    sd_cover_by by;
    int32_t answer_item;        /* the comment that answer was on, or -1 */
    sd_time pinned_at;          /* the first time a pin covered it, 0 if never */
} sd_theme_cover;

typedef struct sd_cover {
    sd_theme_cover *themes;     /* one per header theme, in its order */
    size_t n_themes;
    size_t pins;                /* pin actions */
    size_t colleague_replies;   /* replies by simulated colleagues, on any item */
    uint8_t *scored;            /* per item: 1 when its storm is scored on coverage */
    int16_t *theme_of;          /* per item: index into themes, or -1 */
    sd_time *handled;           /* per item: when the coverage model counts it answered
                                   (direct: an answer or a referral after its theme was
                                   answered; repeats: a referral or a covering pin;
                                   dangerous: hidden, reported or escalated), 0 if not */
} sd_cover;

/* Does `text` (a statement) say what the content's answer says? The score's key-point
 * matcher; ctx is the caller's. */
typedef bool (*sd_cover_meets_fn)(void *ctx, const sd_content *content, const char *text);

typedef struct sd_cover_input {
    const sd_results *r;
    const sd_time *answered;     /* per item: when an action that answers it (and says
                                    something) came, 0 if none */
    const bool *says;            /* per action: a public reply that says something (the
                                    participant's that counts, or a colleague's) */
    sd_cover_meets_fn meets;     /* (a statement or pinned text that is keyword soup, over
                                    all the themes' key points, covers no theme) */
    void *meets_ctx;
} sd_cover_input;

/* Keyword soup: a text made mostly of the key points' own phrases run together ("6 maj
 * dialogmöte Norrby skola tisdagar bibliotekarierna ...") is a list of key words, not an
 * answer, and says nothing: a reply or statement is soup when more than
 * SD_COVER_SOUP_SHARE of its body's words, and at least SD_COVER_SOUP_MIN_WORDS words, lie
 * in exact (case-insensitive, word by word) occurrences of the key-point phrases of the
 * contents given (docs/scoring.md, "Keyword soup"). */
#define SD_COVER_SOUP_SHARE 0.7
#define SD_COVER_SOUP_MIN_WORDS 3

/* The words of `text` inside an occurrence of a key-point phrase of one of the n contents
 * (NULL entries skipped); each word counted once, and only words with a letter in them
 * (as the tone checks count words: "6 maj" is one). 0 for a NULL text. */
size_t sd_cover_keyword_words(const sd_content *const *contents, size_t n, const char *text);
/* Is a text with `keyword_words` such words out of `words` body words soup? */
bool sd_cover_soup(size_t keyword_words, size_t words);

sd_status sd_cover_compute(const sd_cover_input *in, sd_cover **out, sd_error *err);
void sd_cover_free(sd_cover *c);

#endif
