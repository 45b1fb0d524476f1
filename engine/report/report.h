/* report.h - a workshop's results brought together for the debrief: the results (one
 * sd_rr per file, report/rread.h) sorted and grouped by scenario, each group with its
 * scenario versions and program versions (so that results of different versions are
 * marked, never mixed silently) and its trend over the dates the exercise was held, and
 * the guideline rules most often broken across everyone.
 *
 * Ownership: an sd_report owns the sd_rr it is given (sd_report_add) and everything it
 * computes; sd_report_free releases all. Pointers it hands out are valid until then. */
#ifndef SD_REPORT_H
#define SD_REPORT_H

#include <stddef.h>

#include "rread.h"

#define SD_REPORT_SCORES 4 /* speed, tone, escalation, overall */

/* The mean scores of one scenario version on one date. */
typedef struct sd_report_point {
    const char *date;   /* borrowed from an sd_rr */
    int version;        /* index into the group's versions */
    size_t n;
    double mean[SD_REPORT_SCORES];
} sd_report_point;

typedef struct sd_report_group {
    const char *scenario_id, *title;   /* borrowed from its first result */
    size_t first, n;                   /* its results: sd_report_result(first .. first+n-1) */
    const char **versions;             /* distinct scenario sha256, in order of appearance */
    size_t n_versions;
    const char **programs;             /* distinct programs */
    size_t n_programs;
    sd_report_point *trend;            /* by date, then version; dated results only */
    size_t n_trend, n_dates;
} sd_report_group;

typedef struct sd_report_rule {
    int rule;           /* sd_rule */
    size_t results;     /* results with at least one miss of the rule */
    int64_t misses;     /* the feedback entries' counts, summed */
    double cost;        /* the entries' costs (points of the overall score), summed */
    int worst;          /* the worst severity of a miss (score.h sd_severity) */
} sd_report_rule;

/* How often the evaluators agreed with the machine under one rule, over every reviewed
 * result (rules in the order first met). */
typedef struct sd_report_review_row {
    const char *rule;   /* borrowed from an sd_rr */
    int64_t reviewed, agreed;
    size_t results;     /* reviewed results with the row */
} sd_report_review_row;

typedef struct sd_report sd_report;

sd_status sd_report_create(sd_report **out, sd_error *err);
/* Takes ownership of rr (also on failure). */
sd_status sd_report_add(sd_report *r, sd_rr *rr, sd_error *err);
/* Sorts (scenario, date, participant, file), groups and counts. Call once, after adding. */
sd_status sd_report_finish(sd_report *r, sd_error *err);
void sd_report_free(sd_report *r);

size_t sd_report_n(const sd_report *r);
const sd_rr *sd_report_result(const sd_report *r, size_t i);
size_t sd_report_n_groups(const sd_report *r);
const sd_report_group *sd_report_group_at(const sd_report *r, size_t g);
/* The group and the scenario version (index into the group's versions) of result i. */
size_t sd_report_group_of(const sd_report *r, size_t i);
int sd_report_version_of(const sd_report *r, size_t i);
/* "A", "B", ... for a version index (out: at least 4 bytes). */
void sd_report_version_label(int version, char out[4]);
/* The rules broken, most results first (then most points lost); only rules with misses. */
size_t sd_report_n_rules(const sd_report *r);
const sd_report_rule *sd_report_rules(const sd_report *r);
/* The review agreement across results (only results with a "review" member). */
size_t sd_report_n_review_rows(const sd_report *r);
const sd_report_review_row *sd_report_review_rows(const sd_report *r);
/* Results with a review; their comparisons and agreements summed. */
size_t sd_report_n_reviewed(const sd_report *r);
void sd_report_review_totals(const sd_report *r, int64_t *compared, int64_t *agreed);
/* Score k (0 speed, 1 tone, 2 escalation, 3 overall) of a result. */
double sd_report_score(const sd_rr *rr, int k);
/* The language most results are in (ties: Swedish). */
sd_language sd_report_language(const sd_report *r);

#endif
