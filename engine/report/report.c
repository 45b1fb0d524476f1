/* report.c - sorting, grouping and counting a workshop's results. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

struct sd_report {
    sd_rr **rs;
    size_t n, cap;
    size_t *group_of;
    int *version_of;
    sd_report_group *groups;
    size_t n_groups;
    sd_report_rule rules[SD_RULE_COUNT];
    size_t n_rules;
    sd_report_review_row *review;  /* owned */
    size_t n_review, n_reviewed;
    int64_t review_compared, review_agreed;
    bool finished;
};

sd_status sd_report_create(sd_report **out, sd_error *err)
{
    *out = calloc(1, sizeof **out);
    return *out ? SD_OK : sd_error_set(err, SD_ERR_MEMORY, "out of memory");
}

sd_status sd_report_add(sd_report *r, sd_rr *rr, sd_error *err)
{
    if (r->finished) {
        sd_rr_free(rr);
        return sd_error_set(err, SD_ERR_USAGE, "sd_report_add: the report is finished");
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        sd_rr **p = realloc(r->rs, cap * sizeof *p);
        if (p == NULL) {
            sd_rr_free(rr);
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        }
        r->rs = p;
        r->cap = cap;
    }
    r->rs[r->n++] = rr;
    return SD_OK;
}

static int cmp_str(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return (a == NULL) - (b == NULL); /* NULL (no date) last */
    return strcmp(a, b);
}

static int cmp_result(const void *pa, const void *pb)
{
    const sd_rr *a = *(sd_rr *const *)pa, *b = *(sd_rr *const *)pb;
    int c = strcmp(a->scenario_id, b->scenario_id);
    if (c == 0)
        c = cmp_str(a->date, b->date);
    if (c == 0)
        c = strcmp(a->participant, b->participant);
    if (c == 0)
        c = strcmp(a->path, b->path);
    return c;
}

static int cmp_point(const void *pa, const void *pb)
{
    const sd_report_point *a = pa, *b = pb;
    int c = strcmp(a->date, b->date);
    return c ? c : a->version - b->version;
}

static int cmp_rule(const void *pa, const void *pb)
{
    const sd_report_rule *a = pa, *b = pb;
    if (a->results != b->results)
        return a->results > b->results ? -1 : 1;
    if (a->cost != b->cost)
        return a->cost > b->cost ? -1 : 1;
    return a->rule - b->rule;
}

double sd_report_score(const sd_rr *rr, int k)
{
    switch (k) {
    case 0: return rr->speed;
    case 1: return rr->tone;
    case 2: return rr->escalation;
    default: return rr->overall;
    }
}

/* Index of s in list (adding it when new). */
static int intern(const char **list, size_t *n, const char *s)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(list[i], s) == 0)
            return (int)i;
    list[*n] = s;
    return (int)(*n)++;
}

static sd_status build_group(sd_report *r, sd_report_group *g, sd_error *err)
{
    g->versions = calloc(g->n, sizeof *g->versions);
    g->programs = calloc(g->n, sizeof *g->programs);
    g->trend = calloc(g->n, sizeof *g->trend);
    if (!g->versions || !g->programs || !g->trend)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    for (size_t i = g->first; i < g->first + g->n; i++) {
        const sd_rr *rr = r->rs[i];
        int v = intern(g->versions, &g->n_versions, rr->scenario_sha256);
        r->version_of[i] = v;
        intern(g->programs, &g->n_programs, rr->program);
        if (rr->date == NULL)
            continue;
        sd_report_point *pt = NULL;
        for (size_t k = 0; k < g->n_trend && !pt; k++)
            if (g->trend[k].version == v && strcmp(g->trend[k].date, rr->date) == 0)
                pt = &g->trend[k];
        if (pt == NULL) {
            pt = &g->trend[g->n_trend++];
            *pt = (sd_report_point){.date = rr->date, .version = v};
        }
        pt->n++;
        for (int k = 0; k < SD_REPORT_SCORES; k++)
            pt->mean[k] += sd_report_score(rr, k);
    }
    for (size_t k = 0; k < g->n_trend; k++)
        for (int s = 0; s < SD_REPORT_SCORES; s++)
            g->trend[k].mean[s] /= (double)g->trend[k].n;
    qsort(g->trend, g->n_trend, sizeof *g->trend, cmp_point);
    for (size_t k = 0; k < g->n_trend; k++)
        if (k == 0 || strcmp(g->trend[k].date, g->trend[k - 1].date) != 0)
            g->n_dates++;
    return SD_OK;
}

sd_status sd_report_finish(sd_report *r, sd_error *err)
{
    if (r->finished)
        return sd_error_set(err, SD_ERR_USAGE, "sd_report_finish: called twice");
    r->finished = true;
    if (r->n > 1)
        qsort(r->rs, r->n, sizeof *r->rs, cmp_result);
    size_t n = r->n ? r->n : 1;
    r->group_of = calloc(n, sizeof *r->group_of);
    r->version_of = calloc(n, sizeof *r->version_of);
    r->groups = calloc(n, sizeof *r->groups);
    if (!r->group_of || !r->version_of || !r->groups)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    for (size_t i = 0; i < r->n; i++) {
        if (i == 0 || strcmp(r->rs[i]->scenario_id, r->rs[i - 1]->scenario_id) != 0) {
            sd_report_group *g = &r->groups[r->n_groups++];
            g->scenario_id = r->rs[i]->scenario_id;
            g->title = r->rs[i]->scenario_title;
            g->first = i;
        }
        r->groups[r->n_groups - 1].n++;
        r->group_of[i] = r->n_groups - 1;
    }
    for (size_t g = 0; g < r->n_groups; g++) {
        sd_status st = build_group(r, &r->groups[g], err);
        if (st != SD_OK)
            return st;
    }
    /* The rules broken, across everyone. */
    sd_report_rule all[SD_RULE_COUNT];
    for (int k = 0; k < SD_RULE_COUNT; k++)
        all[k] = (sd_report_rule){.rule = k};
    for (size_t i = 0; i < r->n; i++) {
        bool seen[SD_RULE_COUNT] = {false};
        const sd_rr *rr = r->rs[i];
        for (size_t f = 0; f < rr->n_feedback; f++) {
            const sd_rr_feedback *fb = &rr->feedback[f];
            if (fb->rule < 0 || fb->rule >= SD_RULE_COUNT)
                continue;
            all[fb->rule].misses += fb->count;
            all[fb->rule].cost += fb->cost;
            if (fb->severity > all[fb->rule].worst)
                all[fb->rule].worst = fb->severity;
            if (!seen[fb->rule]) {
                seen[fb->rule] = true;
                all[fb->rule].results++;
            }
        }
    }
    for (int k = 0; k < SD_RULE_COUNT; k++)
        if (all[k].results)
            r->rules[r->n_rules++] = all[k];
    qsort(r->rules, r->n_rules, sizeof *r->rules, cmp_rule);
    /* The evaluators' agreement with the machine, per rule, across the reviewed results. */
    size_t cap = 0;
    for (size_t i = 0; i < r->n; i++)
        cap += r->rs[i]->n_review_rows;
    r->review = calloc(cap ? cap : 1, sizeof *r->review);
    if (!r->review)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    for (size_t i = 0; i < r->n; i++) {
        const sd_rr *rr = r->rs[i];
        if (!rr->reviewed)
            continue;
        r->n_reviewed++;
        r->review_compared += rr->review_compared;
        r->review_agreed += rr->review_agreed;
        for (size_t k = 0; k < rr->n_review_rows; k++) {
            const sd_rr_review_row *row = &rr->review_rows[k];
            sd_report_review_row *to = NULL;
            for (size_t j = 0; j < r->n_review && !to; j++)
                if (strcmp(r->review[j].rule, row->rule) == 0)
                    to = &r->review[j];
            if (!to) {
                to = &r->review[r->n_review++];
                to->rule = row->rule;
            }
            to->reviewed += row->reviewed;
            to->agreed += row->agreed;
            to->results++;
        }
    }
    return SD_OK;
}

size_t sd_report_n_review_rows(const sd_report *r) { return r->n_review; }
const sd_report_review_row *sd_report_review_rows(const sd_report *r) { return r->review; }
size_t sd_report_n_reviewed(const sd_report *r) { return r->n_reviewed; }
void sd_report_review_totals(const sd_report *r, int64_t *compared, int64_t *agreed)
{
    *compared = r->review_compared;
    *agreed = r->review_agreed;
}

void sd_report_free(sd_report *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n; i++)
        sd_rr_free(r->rs[i]);
    for (size_t g = 0; g < r->n_groups; g++) {
        free(r->groups[g].versions);
        free(r->groups[g].programs);
        free(r->groups[g].trend);
    }
    free(r->groups);
    free(r->review);
    free(r->group_of);
    free(r->version_of);
    free(r->rs);
    free(r);
}

size_t sd_report_n(const sd_report *r) { return r->n; }
const sd_rr *sd_report_result(const sd_report *r, size_t i) { return r->rs[i]; }
size_t sd_report_n_groups(const sd_report *r) { return r->n_groups; }
const sd_report_group *sd_report_group_at(const sd_report *r, size_t g) { return &r->groups[g]; }
size_t sd_report_group_of(const sd_report *r, size_t i) { return r->group_of[i]; }
int sd_report_version_of(const sd_report *r, size_t i) { return r->version_of[i]; }
size_t sd_report_n_rules(const sd_report *r) { return r->n_rules; }
const sd_report_rule *sd_report_rules(const sd_report *r) { return r->rules; }

void sd_report_version_label(int version, char out[4])
{
    if (version < 26) {
        out[0] = (char)('A' + version);
        out[1] = '\0';
    } else {
        out[0] = (char)('A' + (version / 26 - 1) % 26);
        out[1] = (char)('A' + version % 26);
        out[2] = '\0';
    }
}

sd_language sd_report_language(const sd_report *r)
{
    size_t n[SD_LANG_COUNT] = {0};
    for (size_t i = 0; i < r->n; i++)
        n[r->rs[i]->lang]++;
    return n[SD_LANG_EN] > n[SD_LANG_SV] ? SD_LANG_EN : SD_LANG_SV;
}
