/* rread.h - the validating reader of results files ("stormdrill.result/2", and /1) for reports.
 *
 * Results files are untrusted input: every field the report uses is checked by type and
 * range, and an error names the file and the field ("r.json: field items[3].arrival:
 * expected a time like 2026-03-13T18:00:00"). The reader keeps a compact summary of each
 * file (an sd_rr: scores, figures, feedback, tone checks per rule, the escalation
 * timeline, answer time and volume over the exercise), not the document: the file is
 * mapped and taken apart one member and one item at a time (report/jscan.h), each piece
 * parsed with cJSON, validated and freed, so a file with a million items needs memory for
 * one item plus 16 bytes per item. Each item is also handed to a callback as it is read
 * (the items CSV streams from it).
 *
 * Ownership: sd_rr_read() returns an sd_rr the caller frees with sd_rr_free(); every string
 * in it is owned by it. An sd_rr_item handed to the callback, and its strings, are borrowed
 * for the call only. */
#ifndef SD_RREAD_H
#define SD_RREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../calendar/calendar.h"
#include "../guideline/vocab.h"
#include "../util/arena.h"
#include "../util/error.h"

#define SD_RR_MAX_MEMBER_BYTES ((size_t)2 << 20) /* a top-level member other than the items */
#define SD_RR_MAX_BYTES_DEFAULT ((size_t)1 << 30) /* 1 GiB: larger files are refused */
#define SD_RR_MAX_BINS 48                         /* answer time and volume over time */
#define SD_RR_MAX_EVENTS 400                      /* escalation timeline entries kept */
#define SD_RR_MAX_REVIEW_ROWS 64                  /* agreement rows of a review */
#define SD_RR_MAX_EVALUATORS 1000

typedef enum sd_rr_verdict {
    SD_RR_NONE = -1, SD_RR_ON_TIME, SD_RR_LATE, SD_RR_MISSING, SD_RR_UNNEEDED, SD_RR_VERDICT_COUNT
} sd_rr_verdict;
const char *sd_rr_verdict_name(int v); /* "on_time" ... ; "" for SD_RR_NONE */

typedef struct sd_rr_feedback {
    int rule;                  /* sd_rule */
    const char *item, *storm;  /* NULL when none */
    int64_t count;
    int severity;              /* 0 minor, 1 major, 2 critical (score.h sd_severity) */
    double cost;
    const char *text;
} sd_rr_feedback;

/* One agreement row of an evaluator's review (review/review.h): how many of the machine's
 * verdicts under this rule (or tone check) the evaluators reviewed and agreed with. */
typedef struct sd_rr_review_row {
    const char *rule;          /* a rule or tone check id: [a-z_], 1..40 bytes */
    int64_t reviewed, agreed;  /* agreed <= reviewed */
} sd_rr_review_row;

typedef enum sd_rr_event_kind { SD_RR_EV_ESCALATE, SD_RR_EV_ACCOUNT, SD_RR_EV_PUBLISH } sd_rr_event_kind;

/* One entry of the escalation timeline: an escalation (with the verdict on it when it was
 * on an item), an account step or a publish; a missing escalation has t == 0. */
typedef struct sd_rr_event {
    sd_time t;
    sd_rr_event_kind kind;
    int what;                  /* sd_target (escalate) or sd_step (account); -1 publish */
    int verdict;               /* sd_rr_verdict */
    const char *item;          /* NULL when not on an item */
} sd_rr_event;

/* What went well (the results' "strengths"). */
typedef struct sd_rr_strength {
    int rule;                  /* sd_rule */
    const char *id, *text;     /* id: [a-z_], 1..40 bytes */
} sd_rr_strength;

/* One line of the crisis as handled (the results' "timeline", scoring/timeline.h). */
typedef struct sd_rr_moment {
    sd_time t;
    const char *event, *text;  /* event: [a-z_], 1..40 bytes */
    int64_t value;
} sd_rr_moment;

#define SD_RR_MAX_STRENGTHS 64
#define SD_RR_MAX_MOMENTS 200
#define SD_RR_MAX_DEBRIEF_TEXT 4000 /* bytes of a strength's or a moment's text */

typedef struct sd_rr_bin {
    int64_t arrived;           /* items that appeared in the bin (the volume) */
    int64_t answered;          /* of those, answered */
    double median_answer;      /* their median answer time in seconds; -1 when none */
} sd_rr_bin;

typedef struct sd_rr {
    sd_arena arena;            /* owns every string below */
    const char *path;          /* as given */
    const char *program;
    const char *scenario_id, *scenario_title, *scenario_sha256;
    sd_language lang;
    const char *participant, *participant_kind, *participant_sha256; /* sha256 may be NULL */
    const char *date;          /* "YYYY-MM-DD" the exercise was held, or NULL */
    int64_t seed;
    sd_time start, end;        /* end 0 when not finished */
    const char *end_reason;
    /* what the log showed of its integrity: "sealed-intact", "sealed-unverified",
     * "unsealed", or "unknown" (a format-1 results file) */
    const char *integrity;
    const char *key_id;        /* sealed: the key id, else NULL */
    bool seal_complete;        /* sealed-intact: the sealed end record was read */
    int64_t log_format;        /* 1 or 2; 0 unknown */
    struct {
        int64_t items, expecting_answer, answered, on_time, late, unanswered, actions, rejected;
        double median_answer, p90_answer; /* -1 when absent */
    } summary;
    double speed, tone, escalation, overall;
    double w_speed, w_tone, w_escalation;
    int64_t replies_checked;
    sd_rr_feedback *feedback;  /* most serious first, as in the file */
    size_t n_feedback;
    sd_rr_strength *strengths; /* as in the file (absent in older results: none) */
    size_t n_strengths;
    sd_rr_moment *timeline;    /* in time order, as in the file */
    size_t n_timeline;
    int64_t checks[SD_RULE_COUNT][2]; /* applicable tone checks per rule: [0] passed, [1] failed */
    sd_rr_event *events;       /* in time order, missing escalations last */
    size_t n_events;
    int64_t events_left_out;   /* beyond SD_RR_MAX_EVENTS (said in the report) */
    sd_rr_bin bins[SD_RR_MAX_BINS];
    size_t n_bins;
    int64_t bin_seconds;
    int64_t n_items;           /* items read */
    /* the "review" member (results reviewed with `stormdrill score LOG --review FILE`) */
    bool reviewed;
    const char **evaluators;   /* in the arena */
    size_t n_evaluators;
    int64_t review_marks, review_replies, review_decisions, review_compared, review_agreed;
    sd_rr_review_row review_rows[SD_RR_MAX_REVIEW_ROWS];
    size_t n_review_rows;
} sd_rr;

/* One item as read, for the items CSV. Times are 0 when absent, numbers -1. */
typedef struct sd_rr_item {
    size_t index;
    const char *id, *first, *last, *storm;   /* names and storm NULL when absent */
    int kind;                  /* sd_kind */
    int mood;                  /* sd_mood, or -1 without an author */
    sd_time arrival, deadline, answered_at;
    int64_t answer_seconds;
    int answer_action;         /* sd_action_kind, or -1 */
    int late;                  /* 1, 0, or -1 when not answered */
    bool expects_answer;
    double speed_score;
    int64_t replies;           /* tone-checked replies */
    double tone_score;         /* their mean, -1 when none */
    uint32_t checks_failed;    /* bit per sd_rule: a check failed on some reply */
    int decision;              /* sd_decision, or -1 */
    uint32_t esc[SD_RR_VERDICT_COUNT]; /* bit per sd_target, per verdict */
    uint32_t faults;           /* bit per sd_fault (scoring/score.h) */
} sd_rr_item;

typedef sd_status (*sd_rr_item_fn)(void *ctx, const sd_rr *rr, const sd_rr_item *item,
                                   sd_error *err);

typedef struct sd_rr_options {
    size_t max_bytes;          /* 0: SD_RR_MAX_BYTES_DEFAULT */
    sd_rr_item_fn on_item;     /* optional */
    void *ctx;
} sd_rr_options;

/* Reads and validates path. opt may be NULL. On failure *out is NULL and the error names
 * the file (SD_ERR_INPUT for bad contents, SD_ERR_IO when it cannot be read, or what the
 * callback returned). */
sd_status sd_rr_read(const char *path, const sd_rr_options *opt, sd_rr **out, sd_error *err);
void sd_rr_free(sd_rr *rr);

/* The same from a buffer in memory (tests); name is used in messages. */
sd_status sd_rr_read_buffer(const char *name, const char *data, size_t len,
                            const sd_rr_options *opt, sd_rr **out, sd_error *err);

#endif
