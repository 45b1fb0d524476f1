/* score.h - scoring an exercise: response speed, tone and escalation (each 0-100) and an
 * overall score with the scenario's weights, with feedback that explains every lost point
 * in the guideline's rule ids. A pure function of the results (which are a pure function of
 * the session log), the lexicons and the texts: re-scoring gives the same numbers.
 * See docs/scoring.md for the model, rule by rule.
 *
 * Ownership: sd_score_compute() returns an sd_score the caller frees with sd_score_free();
 * it borrows the results, lexicons and texts, which must outlive it. */
#ifndef SD_SCORE_H
#define SD_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../results/results.h"
#include "../util/jsonw.h"
#include "texts.h"
#include "tone.h"

typedef enum sd_severity { SD_SEV_MINOR, SD_SEV_MAJOR, SD_SEV_CRITICAL, SD_SEV_COUNT } sd_severity;

typedef struct sd_feedback {
    sd_rule rule;
    int32_t item;        /* item index, or -1 (the exercise, or a whole storm) */
    const char *storm;   /* storm id when it sums up a storm's items, else NULL */
    size_t count;        /* items or replies it covers */
    sd_severity severity;
    double cost;         /* points of the overall score lost */
    const char *text;    /* what happened, what the guideline asks, a better example */
    uint8_t dimension;   /* 0 speed, 1 tone, 2 escalation: the score it costs points of */
} sd_feedback;

/* One checked reply (reply or dm_reply). Details are recomputed when written. */
typedef struct sd_reply_score {
    int32_t action;      /* index into the results' actions */
    int32_t item;
    uint16_t applies, pass; /* bit per sd_tone_check */
    uint8_t signals;     /* bit per sd_tone_signal */
    float score, lix;
    int words;
    uint32_t met;        /* bit per key point met */
    int8_t n_met, need;  /* key points met, and needed (0: none declared) */
    bool counts;         /* it answers its item (speed): says something the item asked for */
    bool identical;      /* the same reply went to another person with another question */
    bool keywords;       /* keyword soup: its body is mostly the key points' own phrases
                            run together (coverage.h, sd_cover_soup) */
    int8_t reviewed;     /* an evaluator's mark: -1 none, 0 no, 1 partly, 2 yes */
} sd_reply_score;

typedef enum sd_esc_verdict { SD_ESC_ON_TIME, SD_ESC_LATE, SD_ESC_MISSING, SD_ESC_UNNEEDED } sd_esc_verdict;

typedef struct sd_item_score {
    float speed;         /* 0..100, or -1 when the item expects no answer */
    uint32_t esc_on_time, esc_late, esc_missing, esc_unneeded; /* bit per sd_target */
    int8_t decision;     /* sd_decision taken, when the item has a response-model class */
    uint8_t faults;      /* bit per sd_fault */
} sd_item_score;

typedef enum sd_fault {
    SD_FAULT_DELETED_CRITICISM, SD_FAULT_DECISION, SD_FAULT_TROLL_REPLY, SD_FAULT_CASE_IN_PUBLIC,
    SD_FAULT_HIDDEN_CRITICISM, SD_FAULT_COUNT
} sd_fault;

/* Something the participant did well, named as concretely as a miss (strengths.h). */
typedef struct sd_strength {
    sd_rule rule;        /* the guideline rule it shows */
    const char *id;      /* stable id: "backup_early", "questions_on_time", ... (docs) */
    const char *text;    /* in the scenario's language */
} sd_strength;

struct sd_timeline;

typedef struct sd_storm_hour {
    const char *storm;
    sd_time hour;        /* start of the hour */
    size_t comments, answered;
    double median_answer; /* seconds, -1 when none answered */
} sd_storm_hour;

typedef struct sd_score {
    double speed, tone, escalation, overall;
    double overflow[3];              /* penalties past a dimension's 0, charged to overall */
    double weights[3];               /* speed, tone, escalation, normalised */
    size_t expecting, on_time, late, unanswered;
    double median_answer, p90_answer; /* seconds, -1 when none */
    sd_item_score *items;            /* one per results item */
    size_t n_items;
    sd_reply_score *replies;
    size_t n_replies;
    sd_feedback *feedback;           /* sorted by severity, then cost, highest first */
    size_t n_feedback;
    sd_strength *strengths;          /* what went well, most important first (strengths.h) */
    size_t n_strengths;
    struct sd_timeline *timeline;    /* the crisis as handled (timeline.h); owned */
    sd_storm_hour *hours;
    size_t n_hours;
    struct sd_cover *cover;          /* owned: the storms' coverage (coverage.h), or NULL */
    size_t storm_parts;              /* speed components the storms' coverage added */
    struct sd_score_priv *priv;
} sd_score;

sd_status sd_score_compute(const sd_results *r, const sd_lexicons *lx, const sd_texts *tx,
                           sd_score **out, sd_error *err);
void sd_score_free(sd_score *s);
/* The same, with an evaluator's review (review/review.h) overriding the machine's verdicts
 * where the evaluators marked a reply or decision (rv NULL: sd_score_compute). rv is
 * borrowed and must outlive the score. */
struct sd_reviews;
sd_status sd_score_compute_reviewed(const sd_results *r, const sd_lexicons *lx, const sd_texts *tx,
                                    const struct sd_reviews *rv, sd_score **out, sd_error *err);

/* Writers used by the results document: the top-level "scores", "figures", "feedback",
 * "strengths" and "timeline" members, and an item's "speed_score", "tone" and "verdicts" members. */
void sd_score_write_top(const sd_score *s, const sd_results *r, sd_jsonw *w);
void sd_score_write_item(const sd_score *s, const sd_results *r, size_t item, sd_jsonw *w);

const char *sd_severity_name(sd_severity s);
const char *sd_fault_name(sd_fault f);

#endif
