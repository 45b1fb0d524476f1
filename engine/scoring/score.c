/* score.c - the scoring model: speed per item, tone per reply, escalation and moderation
 * verdicts, faults, the overall score and the feedback that explains each lost point. */
#include "score.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../guideline/answer.h"
#include "../log/logw.h"
#include "../util/arena.h"
#include "../util/utf8.h"
#include "../review/review.h"
#include "coverage.h"
#include "debrief.h"
#include "reply_input.h"
#include "strengths.h"
#include "timeline.h"
#include "tone_content.h"
#include "tone_internal.h"

/* Feedback costs are in points of the overall score. While the escalation dimension is
 * being scored, a negative cost is a share of its possible total, converted at the end. */

/* Points taken off the escalation score per fault; see docs/scoring.md. */
static const double fault_penalty[SD_FAULT_COUNT] = {
    [SD_FAULT_DELETED_CRITICISM] = 15, [SD_FAULT_DECISION] = 10, [SD_FAULT_TROLL_REPLY] = 10,
    [SD_FAULT_CASE_IN_PUBLIC] = 8, [SD_FAULT_HIDDEN_CRITICISM] = 15};
static const sd_severity fault_severity[SD_FAULT_COUNT] = {
    [SD_FAULT_DELETED_CRITICISM] = SD_SEV_CRITICAL, [SD_FAULT_DECISION] = SD_SEV_MAJOR,
    [SD_FAULT_TROLL_REPLY] = SD_SEV_MAJOR, [SD_FAULT_CASE_IN_PUBLIC] = SD_SEV_MAJOR,
    [SD_FAULT_HIDDEN_CRITICISM] = SD_SEV_CRITICAL};
static const char *const fault_names[SD_FAULT_COUNT] = {
    "deleted_criticism", "decision", "troll_reply", "case_in_public", "hidden_criticism"};
#define UNNEEDED_PENALTY 3.0    /* per unneeded escalation, without a cap */
#define HIJACK_ORDER_PENALTY 5.0
#define HIJACK_SILENT_PENALTY 25.0 /* followers never told (or told nothing) after a hijack */
#define STATEMENT_PENALTY 45.0  /* no crisis statement that says what it must */
#define STATEMENT_WEIGHT 2.0    /* its share of the escalation dimension's possible points */
#define STATEMENT_MIN_WORDS 12  /* without declared points: a statement says at least this much */
#define SERIOUS_PENALTY 15.0    /* tone points per serious failure (courteous, private_data,
                                   name), whatever else was sent */
#define NOTHING_PENALTY 6.0     /* tone points per reply that gave a person who asked
                                   something none of it (nonsense, a template, a copy) */
#define OVERFLOW_CAP 100.0      /* a dimension's penalties below 0 cost at most this much more */
/* A storm's share of the speed score (docs/scoring.md, "Storms"): each theme one
 * component, its direct questions together one, its repeats together one. */
#define THEME_WEIGHT 1.0
#define DIRECT_WEIGHT 2.0       /* ... plus one per DIRECT_PER_WEIGHT direct questions, */
#define DIRECT_PER_WEIGHT 4.0   /* up to DIRECT_WEIGHT_MAX: the more people asked, the more */
#define DIRECT_WEIGHT_MAX 8.0   /* leaving them all unanswered costs */
#define REPEATS_WEIGHT 1.0

const char *sd_severity_name(sd_severity s)
{
    static const char *const n[SD_SEV_COUNT] = {"minor", "major", "critical"};
    return s < SD_SEV_COUNT ? n[s] : "?";
}

const char *sd_fault_name(sd_fault f) { return f < SD_FAULT_COUNT ? fault_names[f] : "?"; }

/* An index of pointers: each distinct pointer added gets the next number (0, 1, ...), found
 * again by open addressing. */
typedef struct ptr_index {
    const void **keys;   /* owned, cap slots */
    uint32_t *nums;      /* owned, the number of each slot's key */
    size_t cap, n;
} ptr_index;

/* A content's compiled key points, by the content's number in the index. */
struct kp_entry {
    const sd_content *content;
    sd_kp *kp;
    uint64_t question;   /* hash of what the content asks for: equal contents ask alike */
};

/* What the merging of feedback lines knows of each line (feedback_merge). */
struct fb_meta {
    const char *key;      /* the text's key (in the arena) */
    const char *variant;  /* the decision, target or step the line names, or NULL */
    const char *who;      /* the person (or item) it is about, or NULL */
    bool storm_item;      /* about one storm comment: always merged with its like */
};

/* What the score keeps to write each reply's details later (sd_score_write_item). */
struct sd_score_priv {
    sd_arena arena;
    size_t cap_feedback;
    struct fb_meta *meta;       /* owned, parallel to the feedback */
    const sd_lexicons *lx;
    sd_spell_extra *words;      /* owned */
    const char **names;         /* owned array of names borrowed from the results */
    size_t n_names;
    ptr_index kp_index;         /* content -> its number in kps */
    struct kp_entry *kps;       /* owned, n = kp_index.n */
    size_t cap_kps;
};

#define MAX_FAULT_SUMS 64
typedef struct fault_sum {
    sd_fault fault;
    const char *storm;
    const sd_rec_theme *theme;  /* the comments' declared theme, or NULL */
    size_t count;
    const char *people[3];      /* the first three authors (in the score's arena) */
    int32_t item;               /* the first item */
    const char *key;            /* its own line's key */
} fault_sum;

typedef struct ctx {
    const sd_results *r;
    const sd_rec_header *h;
    const sd_scoring_params *p;
    const sd_texts *tx;
    sd_score *s;
    bool oom;
    /* escalation dimension */
    double esc_possible, esc_earned, esc_penalty, unneeded_penalty;
    double tone_penalty;        /* serious tone failures, in tone points */
    /* what the replies said */
    sd_reply_context rcx;
    sd_time *answered;          /* per item: when an action that answers it came, or 0 */
    int32_t *reply_of;          /* per action: index into s->replies, or -1 */
    bool *says;                 /* per action: a public reply that says something */
    int dim;                    /* the dimension being scored: feedback lines carry it */
    fault_sum fault_sums[MAX_FAULT_SUMS]; /* faults on storm comments, per storm and fault */
    size_t n_fault_sums;
    const struct sd_reviews *rv;
} ctx;

/* ---- feedback ---- */

static const char *arena_str(ctx *c, const sd_buf *b)
{
    const char *t = sd_arena_strdup(&c->s->priv->arena, sd_buf_str(b));
    if (t == NULL)
        c->oom = true;
    return t;
}

static const char *value_of(size_t n, const char *const *names, const char *const *values,
                            const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return values[i];
    return NULL;
}

/* Adds a feedback line: the text of key with the caller's values, and the debrief's words
 * for the line's item or storm (debrief.h), which every text may use: {who} (the author
 * by name and mood, or what the item is), {what} (an item nobody wrote, with an excerpt),
 * {first}, {quote} (an excerpt of the item's text), {example} (a reply that fits it),
 * {where} (the storm comments' theme) and {signer}. */
static void add_feedback(ctx *c, sd_rule rule, int32_t item, const char *storm, size_t count,
                         sd_severity sev, double cost, const char *key, size_t n,
                         const char *const *names, const char *const *values)
{
    sd_score *s = c->s;
    struct sd_score_priv *pv = s->priv;
    if (s->n_feedback == pv->cap_feedback) {
        size_t cap = pv->cap_feedback ? pv->cap_feedback * 2 : 32;
        sd_feedback *f = realloc(s->feedback, cap * sizeof *f);
        if (f)
            s->feedback = f;
        struct fb_meta *m = f ? realloc(pv->meta, cap * sizeof *m) : NULL;
        if (f == NULL || m == NULL) {
            c->oom = true;
            return;
        }
        pv->meta = m;
        pv->cap_feedback = cap;
    }
    enum { MAX_VALUES = 24 };
    const char *xn[MAX_VALUES], *xv[MAX_VALUES];
    size_t m = 0;
    for (size_t i = 0; i < n && m < MAX_VALUES - 8; i++, m++) {
        xn[m] = names[i];
        xv[m] = values[i];
    }
    sd_buf who = SD_BUF_INIT, what = SD_BUF_INIT, quote = SD_BUF_INIT, where = SD_BUF_INIT,
           example = SD_BUF_INIT, about = SD_BUF_INIT;
    const sd_res_item *it = item >= 0 ? &sd_results_items(c->r)[item] : NULL;
    const char *tmpl = c->tx ? sd_texts_get(c->tx, key) : NULL;
    /* A miss on a dangerous item (a threat, personal data, illegal content) is serious
     * whatever kind of miss it is: it ranks above every miss of form. */
    if (it && sev == SD_SEV_MAJOR && sd_debrief_danger(c->r, it) != SD_DANGER_NONE)
        sev = SD_SEV_CRITICAL;
    if (it) {
        sd_debrief_who(c->tx, it, &who);
        sd_debrief_what(c->tx, it, &what);
        sd_debrief_quote(it->text, SD_DEBRIEF_QUOTE_BYTES, &quote);
        if (tmpl && strstr(tmpl, "{example}"))
            sd_debrief_example(c->tx, c->r, it, c->h->participant, &example);
        xn[m] = "who", xv[m++] = sd_buf_str(&who);
        xn[m] = "what", xv[m++] = sd_buf_str(&what);
        xn[m] = "quote", xv[m++] = sd_buf_str(&quote);
        sd_debrief_about(c->tx, c->r, it, &about);
        xn[m] = "about", xv[m++] = sd_buf_str(&about);
        xn[m] = "first", xv[m++] = it->first ? it->first : sd_buf_str(&who);
        xn[m] = "example", xv[m++] = sd_buf_str(&example);
    }
    if (storm || (it && it->storm)) {
        sd_debrief_where(c->tx, it ? sd_debrief_theme(c->r, it) : NULL, &where);
        xn[m] = "where", xv[m++] = sd_buf_str(&where);
    }
    xn[m] = "signer", xv[m++] = c->h->participant;
    sd_buf text = SD_BUF_INIT;
    sd_texts_format(c->tx, key, &text, m, xn, xv);
    struct fb_meta meta = {0};
    meta.key = sd_arena_strdup(&pv->arena, key);
    const char *variant = value_of(n, names, values, "decision");
    if (variant == NULL)
        variant = value_of(n, names, values, "target");
    if (variant == NULL)
        variant = value_of(n, names, values, "step");
    meta.variant = variant ? sd_arena_strdup(&pv->arena, variant) : NULL;
    meta.who = it ? arena_str(c, &who) : NULL;
    meta.storm_item = it && it->storm;
    const char *t = arena_str(c, &text);
    if (meta.key == NULL || (variant && meta.variant == NULL))
        c->oom = true;
    sd_buf_free(&text);
    sd_buf_free(&who);
    sd_buf_free(&what);
    sd_buf_free(&quote);
    sd_buf_free(&about);
    sd_buf_free(&where);
    sd_buf_free(&example);
    if (c->oom)
        return;
    pv->meta[s->n_feedback] = meta;
    s->feedback[s->n_feedback++] = (sd_feedback){rule, item, storm, count, sev, cost, t,
                                                 (uint8_t)c->dim};
}

/* A duration for a text in either language: "45 min" up to two hours, else whole hours
 * ("32 h"; no decimal point, which Swedish writes as a comma). */
static void fmt_minutes(char *out, size_t n, double secs)
{
    if (secs < 2 * 3600)
        snprintf(out, n, "%.0f min", ceil(secs / 60));
    else
        snprintf(out, n, "%.0f h", round(secs / 3600));
}

/* Who wrote an item, as one interned string: the first name, else the handle. */
static const char *author_key(const sd_res_item *it) { return it->first ? it->first : it->handle; }

static const char *item_name(const sd_res_item *it)
{
    return it->first ? it->first : it->handle ? it->handle : it->id;
}

/* A target's, decision's or step's name in the feedback's language (debrief.h), else its
 * id. */
static const char *vocab_text(const ctx *c, sd_vocab_id voc, int v)
{
    return sd_debrief_vocab(c->tx, voc, v);
}

/* ---- speed ---- */

/* 100 when answered by the deadline (or without one), falling to 0 at late_zero times the
 * target; 0 when not answered. */
static double speed_at(const sd_scoring_params *p, sd_time arrival, sd_time deadline,
                       sd_time answered)
{
    if (answered == 0)
        return 0;
    if (answered <= deadline || deadline == 0)
        return 100;
    double target = (double)(deadline - arrival);
    if (target <= 0)
        return 0;
    double late = (double)(answered - deadline);
    double v = 100.0 * (1.0 - late / ((p->late_zero - 1.0) * target));
    return v < 0 ? 0 : v;
}

static double speed_of(const sd_scoring_params *p, const sd_res_item *it, sd_time answered)
{
    return speed_at(p, it->arrival, it->deadline, answered);
}

static bool expects_answer(const sd_res_item *it)
{
    return it->expect->answer || it->expect->escalate;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Storm items are summed up per storm in the feedback; others one by one. */
typedef struct storm_sum {
    const char *storm;
    size_t unanswered, late;
    double cost_unanswered, cost_late;
} storm_sum;

static storm_sum *find_sum(storm_sum *sums, size_t *n, const char *storm)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(sums[i].storm, storm) == 0)
            return &sums[i];
    if (*n >= 64)
        return &sums[63]; /* more than 64 storms share the last line */
    sums[*n] = (storm_sum){storm, 0, 0, 0, 0};
    return &sums[(*n)++];
}

static double statement_share(ctx *c, const sd_content *content, const char *text, char *missing,
                              size_t cap);

/* The storms' coverage asks whether a statement says what a theme's answer says. A text
 * the readers cannot read (it fails plain_language: LIX above max_lix, 10 words or more,
 * as key points run together without sentences do) answers no theme. */
static bool cover_meets(void *cx, const sd_content *content, const char *text)
{
    const ctx *c = cx;
    int words = 0;
    double max_lix = c->p->max_lix > 0 ? c->p->max_lix : 45;
    if (text && sd_lix(text, &words, NULL, NULL) > max_lix && words >= 10)
        return false;
    return statement_share(cx, content, text, NULL, 0) >= 1;
}

static bool theme_answerable(const sd_rec_theme *th)
{
    return th->kind == SD_THEME_QUESTION || th->kind == SD_THEME_COMPLAINT ||
           th->kind == SD_THEME_RUMOUR;
}

/* How item i counts in the speed score: PART_ITEM on its own (with its speed in *v and the
 * time it was answered or handled in *t), PART_DIRECT as one of its storm's direct
 * questions, PART_NONE not at all. */
enum { PART_NONE, PART_ITEM, PART_DIRECT };

static int part_of(const ctx *c, size_t i, double *v, sd_time *t)
{
    const sd_res_item *it = &sd_results_items(c->r)[i];
    const sd_cover *cv = c->s->cover;
    *v = -1;
    *t = c->answered[i];
    if (cv && cv->scored[i]) {
        int k = cv->theme_of[i];
        if (k < 0)
            return PART_NONE; /* a troll: the response model judges it */
        const sd_rec_theme *th = cv->themes[k].theme;
        sd_time due = it->deadline ? it->deadline : it->arrival + th->within;
        *t = cv->handled[i];
        if (!theme_answerable(th)) { /* a threat, personal data: handled first, on its own */
            *v = speed_at(c->p, it->arrival, due, *t);
            return PART_ITEM;
        }
        if (it->direct && it->repeat_of == NULL) {
            *v = speed_at(c->p, it->arrival, due, *t);
            return PART_DIRECT;
        }
        return PART_NONE;
    }
    if (!expects_answer(it) || it->deadline == 0)
        return PART_NONE;
    *v = speed_of(c->p, it, *t);
    return PART_ITEM;
}

/* A storm-level speed component: a theme, a storm's direct questions or its repeats. */
typedef struct storm_part {
    int kind;            /* 0 theme, 1 direct questions, 2 repeats */
    size_t theme;        /* kind 0: the theme; else the storm's first theme */
    size_t done, total;  /* kinds 1 and 2 */
    double weight, v;
} storm_part;

/* The storms' components (themes, direct questions, repeats), into *out (owned). */
static size_t storm_parts(ctx *c, storm_part **out)
{
    const sd_cover *cv = c->s->cover;
    *out = NULL;
    if (cv == NULL || cv->n_themes == 0)
        return 0;
    storm_part *p = calloc(cv->n_themes * 3, sizeof *p);
    if (p == NULL) {
        c->oom = true;
        return 0;
    }
    size_t n = 0;
    double *direct_v = calloc(cv->n_themes, sizeof *direct_v);
    if (direct_v == NULL) {
        free(p);
        c->oom = true;
        return 0;
    }
    const sd_res_item *items = sd_results_items(c->r);
    for (size_t i = 0; i < c->s->n_items; i++) {
        double v;
        sd_time t;
        if (cv->scored[i] && part_of(c, i, &v, &t) == PART_DIRECT)
            direct_v[cv->theme_of[i]] += v;
    }
    (void)items;
    for (size_t k = 0; k < cv->n_themes; k++) {
        const sd_theme_cover *tc = &cv->themes[k];
        if (tc->comments == 0 || !theme_answerable(tc->theme))
            continue;
        p[n++] = (storm_part){0, k, tc->answered_at != 0, 1, THEME_WEIGHT,
                              speed_at(c->p, tc->first, tc->due, tc->answered_at)};
    }
    /* Per storm (its themes share the storm's name pointer): direct questions, repeats. */
    for (size_t k = 0; k < cv->n_themes; k++) {
        const char *storm = cv->themes[k].theme->storm;
        bool first = true;
        for (size_t m = 0; m < k; m++)
            if (cv->themes[m].theme->storm == storm)
                first = false;
        if (!first)
            continue;
        size_t direct = 0, direct_in = 0, rep = 0, rep_in = 0;
        double dv = 0;
        for (size_t m = k; m < cv->n_themes; m++) {
            const sd_theme_cover *tc = &cv->themes[m];
            if (tc->theme->storm != storm)
                continue;
            direct += tc->direct;
            direct_in += tc->direct_in_time;
            dv += direct_v[m];
            rep += tc->repeats;
            rep_in += tc->repeats_covered;
        }
        if (direct > 0)
            p[n++] = (storm_part){1, k, direct_in, direct,
                                  fmin(DIRECT_WEIGHT + (double)direct / DIRECT_PER_WEIGHT,
                                       DIRECT_WEIGHT_MAX),
                                  dv / (double)direct};
        if (rep > 0)
            p[n++] = (storm_part){2, k, rep_in, rep, REPEATS_WEIGHT,
                                  100.0 * (double)rep_in / (double)rep};
    }
    free(direct_v);
    *out = p;
    return n;
}

/* The participant hid the item (a colleague's actions are theirs). */
static bool was_hidden(const sd_results *r, const sd_res_item *it)
{
    const sd_res_action *acts = sd_results_actions(r);
    for (int32_t a = it->first_action; a >= 0; a = acts[a].next)
        if (acts[a].kind == SD_ACT_HIDE && acts[a].by == NULL)
            return true;
    return false;
}

static void score_speed(ctx *c)
{
    const sd_results *r = c->r;
    sd_score *s = c->s;
    const sd_res_item *items = sd_results_items(r);
    const sd_time *ans = c->answered;
    sd_cover_input ci = {.r = r, .answered = ans, .says = c->says, .meets = cover_meets,
                         .meets_ctx = c};
    sd_error e = SD_ERROR_INIT;
    if (sd_cover_compute(&ci, &s->cover, &e) != SD_OK) {
        sd_error_clear(&e);
        c->oom = true;
        return;
    }
    double wsum = 0, acc = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const sd_res_item *it = &items[i];
        double v;
        sd_time t;
        int part = part_of(c, i, &v, &t);
        s->items[i].speed = (float)v;
        if (part == PART_NONE)
            continue;
        s->expecting++;
        if (t == 0)
            s->unanswered++;
        else if (v < 100)
            s->late++;
        else
            s->on_time++;
        if (part == PART_ITEM) {
            wsum += it->expect->weight;
            acc += it->expect->weight * v;
        }
    }
    storm_part *parts = NULL;
    size_t n_parts = c->oom ? 0 : storm_parts(c, &parts);
    s->storm_parts = n_parts;
    for (size_t k = 0; k < n_parts; k++) {
        wsum += parts[k].weight;
        acc += parts[k].weight * parts[k].v;
        if (parts[k].kind == 0) { /* a theme counts like an item in the figures */
            s->expecting++;
            if (parts[k].done == 0)
                s->unanswered++;
            else if (parts[k].v < 100)
                s->late++;
            else
                s->on_time++;
        }
    }
    s->speed = wsum > 0 ? acc / wsum : 100;
    /* Feedback: cost in overall points. */
    double scale = wsum > 0 ? s->weights[0] / wsum : 0;
    storm_sum sums[64];
    size_t n_sums = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const sd_res_item *it = &items[i];
        double v;
        sd_time t;
        if (part_of(c, i, &v, &t) != PART_ITEM || v >= 100)
            continue;
        double cost = scale * it->expect->weight * (100 - v);
        if (it->storm && !(s->cover && s->cover->scored[i])) {
            storm_sum *sum = find_sum(sums, &n_sums, it->storm);
            if (t == 0) {
                sum->unanswered++;
                sum->cost_unanswered += cost;
            } else {
                sum->late++;
                sum->cost_late += cost;
            }
            continue;
        }
        char target[32], taken[32];
        sd_time due = it->deadline ? it->deadline : it->arrival + it->expect->within;
        fmt_minutes(target, sizeof target, (double)(due - it->arrival));
        const char *names[] = {"name", "item", "target", "taken"};
        /* Items nobody wrote (notices, internal messages), and items to be handled by an
         * escalation rather than a reply (a threat), have their own wording. */
        bool person = it->has_author && it->expect->answer;
        if (t == 0 && person && was_hidden(r, it)) {
            /* Hidden is not answered: the author still sees the comment (docs/scoring.md,
             * "Platform conventions"). */
            static const char *const platform_names[SD_PLATFORM_COUNT] = {"Facebook",
                                                                          "Instagram", "X"};
            const char *hn[] = {"name", "item", "target", "platform"};
            const char *values[] = {item_name(it), it->id, target,
                                    platform_names[it->platform >= 0 &&
                                                           it->platform < SD_PLATFORM_COUNT
                                                       ? it->platform : 0]};
            add_feedback(c, SD_RULE_SPEED, (int32_t)i, NULL, 1, SD_SEV_MAJOR, cost,
                         "fb.speed.unanswered.hidden", 4, hn, values);
        } else if (t == 0) {
            const char *values[] = {item_name(it), it->id, target, ""};
            add_feedback(c, SD_RULE_SPEED, (int32_t)i, NULL, 1, SD_SEV_MAJOR, cost,
                         person ? "fb.speed.unanswered" : "fb.speed.unanswered_item", 4, names,
                         values);
        } else {
            fmt_minutes(taken, sizeof taken, (double)(t - it->arrival));
            const char *values[] = {item_name(it), it->id, target, taken};
            add_feedback(c, SD_RULE_SPEED, (int32_t)i, NULL, 1, SD_SEV_MINOR, cost,
                         person ? "fb.speed.late" : "fb.speed.late_item", 4, names, values);
        }
    }
    for (size_t k = 0; k < n_sums; k++) {
        char count[32];
        const char *names[] = {"storm", "count"};
        if (sums[k].unanswered) {
            snprintf(count, sizeof count, "%zu", sums[k].unanswered);
            const char *values[] = {sums[k].storm, count};
            add_feedback(c, SD_RULE_ACTIVE_IN_COMMENTS, -1, sums[k].storm, sums[k].unanswered,
                         SD_SEV_MAJOR, sums[k].cost_unanswered, "fb.speed.storm_unanswered", 2,
                         names, values);
        }
        if (sums[k].late) {
            snprintf(count, sizeof count, "%zu", sums[k].late);
            const char *values[] = {sums[k].storm, count};
            add_feedback(c, SD_RULE_ACT_FAST, -1, sums[k].storm, sums[k].late, SD_SEV_MINOR,
                         sums[k].cost_late, "fb.speed.storm_late", 2, names, values);
        }
    }
    /* The storms' lines: a theme nobody answered (or answered late), the direct questions
     * left, the repeats not referred. */
    for (size_t k = 0; k < n_parts; k++) {
        const storm_part *pt = &parts[k];
        if (pt->v >= 100)
            continue;
        double cost = scale * pt->weight * (100 - pt->v);
        const sd_theme_cover *tc = &s->cover->themes[pt->theme];
        const sd_rec_theme *th = tc->theme;
        char count[32], total[32], target[32], taken[32];
        if (pt->kind == 0) {
            snprintf(count, sizeof count, "%zu", tc->comments);
            fmt_minutes(target, sizeof target, (double)(tc->due - tc->first));
            const char *model = th->content && th->content->model ? th->content->model : "";
            const char *names[] = {"theme", "count", "target", "taken", "example"};
            if (tc->answered_at == 0) {
                const char *values[] = {th->label, count, target, "", model};
                add_feedback(c, SD_RULE_ACTIVE_IN_COMMENTS, -1, th->storm, tc->comments,
                             SD_SEV_MAJOR, cost,
                             model[0] ? "fb.storm.theme_unanswered"
                                      : "fb.storm.theme_unanswered_plain", 5, names, values);
            } else {
                fmt_minutes(taken, sizeof taken, (double)(tc->answered_at - tc->first));
                const char *values[] = {th->label, count, target, taken, model};
                add_feedback(c, SD_RULE_ACT_FAST, -1, th->storm, tc->comments, SD_SEV_MINOR,
                             cost, "fb.storm.theme_late", 5, names, values);
            }
        } else {
            snprintf(count, sizeof count, "%zu", pt->total - pt->done);
            snprintf(total, sizeof total, "%zu", pt->total);
            const char *names[] = {"count", "total"};
            const char *values[] = {count, total};
            bool most = 2 * (pt->total - pt->done) > pt->total;
            if (pt->kind == 1)
                add_feedback(c, SD_RULE_ANSWER_QUESTIONS, -1, th->storm, pt->total - pt->done,
                             most ? SD_SEV_MAJOR : SD_SEV_MINOR, cost, "fb.storm.direct", 2,
                             names, values);
            else
                add_feedback(c, SD_RULE_REPEAT_ONCE, -1, th->storm, pt->total - pt->done,
                             SD_SEV_MINOR, cost, "fb.storm.repeats", 2, names, values);
        }
    }
    free(parts);
    /* Median and 90th percentile of answer times; answer time per hour of each storm. */
    int64_t *times = malloc((s->n_items ? s->n_items : 1) * sizeof *times);
    if (times == NULL) {
        c->oom = true;
        return;
    }
    size_t nt = 0;
    for (size_t i = 0; i < s->n_items; i++)
        if (s->items[i].speed >= 0 && ans[i])
            times[nt++] = ans[i] - items[i].arrival;
    s->median_answer = s->p90_answer = -1;
    if (nt) {
        qsort(times, nt, sizeof *times, cmp_i64);
        s->median_answer = (double)times[(nt - 1) / 2];
        s->p90_answer = (double)times[(size_t)((double)(nt - 1) * 0.9)];
    }
    /* Per storm hour: items come in arrival order, so each hour is a run. */
    size_t cap_hours = 0;
    for (size_t i = 0; i < s->n_items;) {
        const sd_res_item *it = &items[i];
        if (!it->storm) {
            i++;
            continue;
        }
        sd_time hour = it->arrival - ((it->arrival % 3600) + 3600) % 3600;
        size_t comments = 0, answered = 0;
        nt = 0;
        size_t j = i;
        for (; j < s->n_items && items[j].arrival < hour + 3600; j++) {
            if (!items[j].storm || strcmp(items[j].storm, it->storm) != 0)
                continue;
            comments++;
            if (ans[j]) {
                answered++;
                times[nt++] = ans[j] - items[j].arrival;
            }
        }
        if (s->n_hours == cap_hours) {
            cap_hours = cap_hours ? cap_hours * 2 : 16;
            sd_storm_hour *h = realloc(s->hours, cap_hours * sizeof *h);
            if (h == NULL) {
                c->oom = true;
                break;
            }
            s->hours = h;
        }
        double med = -1;
        if (nt) {
            qsort(times, nt, sizeof *times, cmp_i64);
            med = (double)times[(nt - 1) / 2];
        }
        /* Several storms in one hour each get their own line; skip those already done. */
        bool seen = false;
        for (size_t k = 0; k < s->n_hours; k++)
            if (s->hours[k].hour == hour && strcmp(s->hours[k].storm, it->storm) == 0)
                seen = true;
        if (!seen)
            s->hours[s->n_hours++] = (sd_storm_hour){it->storm, hour, comments, answered, med};
        /* Next: the first item after i in this hour from another storm, else the next hour. */
        size_t next = j;
        for (size_t k = i + 1; k < j; k++)
            if (items[k].storm && strcmp(items[k].storm, it->storm) != 0) {
                bool done = false;
                for (size_t m = 0; m < s->n_hours; m++)
                    if (s->hours[m].hour == hour && strcmp(s->hours[m].storm, items[k].storm) == 0)
                        done = true;
                if (!done) {
                    next = k;
                    break;
                }
            }
        i = next;
    }
    free(times);
}

/* ---- what the replies say: the tone checks' input, key points, identical replies ---- */

static uint64_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

/* The number of p in x, or SIZE_MAX when it is not there. */
static size_t ptr_index_find(const ptr_index *x, const void *p)
{
    if (x->cap == 0)
        return SIZE_MAX;
    for (size_t j = ptr_hash(p) & (x->cap - 1); x->keys[j]; j = (j + 1) & (x->cap - 1))
        if (x->keys[j] == p)
            return x->nums[j];
    return SIZE_MAX;
}

/* The number of p in x, adding p (*added) when it is new; SIZE_MAX when memory runs out. */
static size_t ptr_index_add(ptr_index *x, const void *p, bool *added)
{
    *added = false;
    size_t found = ptr_index_find(x, p);
    if (found != SIZE_MAX)
        return found;
    if ((x->n + 1) * 2 > x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 64;
        const void **keys = calloc(cap, sizeof *keys);
        uint32_t *nums = calloc(cap, sizeof *nums);
        if (keys == NULL || nums == NULL) {
            free(keys);
            free(nums);
            return SIZE_MAX;
        }
        for (size_t i = 0; i < x->cap; i++)
            if (x->keys[i]) {
                size_t j = ptr_hash(x->keys[i]) & (cap - 1);
                while (keys[j])
                    j = (j + 1) & (cap - 1);
                keys[j] = x->keys[i];
                nums[j] = x->nums[i];
            }
        free(x->keys);
        free(x->nums);
        x->keys = keys;
        x->nums = nums;
        x->cap = cap;
    }
    size_t j = ptr_hash(p) & (x->cap - 1);
    while (x->keys[j])
        j = (j + 1) & (x->cap - 1);
    x->keys[j] = p;
    x->nums[j] = (uint32_t)x->n;
    *added = true;
    return x->n++;
}

static void ptr_index_free(ptr_index *x)
{
    free(x->keys);
    free(x->nums);
    *x = (ptr_index){0};
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (h ^ 0xff) * 1099511628211ULL;
}

static uint64_t hash_point(uint64_t h, const sd_point *p)
{
    h = hash_str(h, p->label);
    for (size_t k = 0; k < p->n_say; k++)
        h = hash_str(h, p->say[k]);
    return h;
}

/* What a content asks for, as a hash: two items whose contents are equal ask alike. */
static uint64_t content_hash(const sd_content *c)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t k = 0; k < c->n_points; k++)
        h = hash_point(h, &c->points[k]);
    h = hash_point(h, &c->refer);
    h = hash_point(h, &c->channel);
    return hash_str(h, c->model);
}

/* The compiled key points of a content (made once per content), or NULL without one or
 * without a stemmer. */
static const sd_kp *kp_for(ctx *c, const sd_content *content)
{
    struct sd_score_priv *pv = c->s->priv;
    if (content == NULL || pv->lx == NULL || sd_lx_stemmer(pv->lx) == NULL)
        return NULL;
    size_t i = ptr_index_find(&pv->kp_index, content);
    if (i != SIZE_MAX)
        return pv->kps[i].kp;
    if (pv->kp_index.n == pv->cap_kps) {
        size_t cap = pv->cap_kps ? pv->cap_kps * 2 : 16;
        struct kp_entry *t = realloc(pv->kps, cap * sizeof *t);
        if (t == NULL) {
            c->oom = true;
            return NULL;
        }
        pv->kps = t;
        pv->cap_kps = cap;
    }
    sd_error e = SD_ERROR_INIT;
    sd_kp *kp = NULL;
    if (sd_kp_compile(sd_lx_stemmer(pv->lx), c->h->lang, content, &kp, &e) != SD_OK) {
        sd_error_clear(&e);
        c->oom = true; /* compiling fails only for memory */
        return NULL;
    }
    bool added;
    i = ptr_index_add(&pv->kp_index, content, &added);
    if (i == SIZE_MAX) {
        sd_kp_free(kp);
        c->oom = true;
        return NULL;
    }
    pv->kps[i] = (struct kp_entry){content, kp, content_hash(content)};
    return kp;
}

/* The question key of a content (kp_for() must have compiled it). */
static uint64_t content_question(const ctx *c, const sd_content *content)
{
    const struct sd_score_priv *pv = c->s->priv;
    size_t i = ptr_index_find(&pv->kp_index, content);
    return i != SIZE_MAX ? pv->kps[i].question : ptr_hash(content);
}

/* Who and what a reply's checks know of the exercise: the people's first names (a
 * greeting naming another of them is the wrong person) and the words spelling accepts
 * (the scenario's list, the names, the words of the scenario's own texts). */
/* The per-exercise part of every reply's tone input. */
static void set_context(ctx *c)
{
    const struct sd_score_priv *pv = c->s->priv;
    c->rcx = (sd_reply_context){.lang = c->h->lang, .signer = c->h->participant,
                                .scoring = c->p, .words = pv->words, .names = pv->names,
                                .n_names = pv->n_names};
}

/* Who and what a reply's checks know of the exercise: the people's first names (a
 * greeting naming another of them is the wrong person) and the words spelling accepts
 * (the scenario's list, the people's names, the words of the scenario's own texts).
 * Names are interned by the results (equal names are one pointer), so a storm's million
 * authors come down to the few hundred names they share, each added once. */
static void prepare_context(ctx *c)
{
    struct sd_score_priv *pv = c->s->priv;
    const sd_res_item *items = sd_results_items(c->r);
    size_t n = sd_results_n_items(c->r);
    sd_error e = SD_ERROR_INIT;
    if (sd_spell_extra_create(&pv->words, &e) != SD_OK)
        c->oom = true;
    for (size_t k = 0; k < c->h->scoring.n_words && !c->oom; k++)
        if (sd_spell_extra_add(pv->words, c->h->scoring.words[k], strlen(c->h->scoring.words[k]), &e) != SD_OK)
            c->oom = true;
    ptr_index firsts = {0}, lasts = {0};
    size_t cap_names = 0;
    for (size_t i = 0; i < n && !c->oom; i++) {
        const sd_res_item *it = &items[i];
        bool added = false;
        if (it->first && ptr_index_add(&firsts, it->first, &added) == SIZE_MAX)
            c->oom = true;
        if (added && pv->n_names == cap_names) {
            cap_names = cap_names ? cap_names * 2 : 64;
            const char **t = realloc(pv->names, cap_names * sizeof *t);
            if (t == NULL)
                c->oom = true;
            else
                pv->names = t;
        }
        if (added && !c->oom) {
            pv->names[pv->n_names++] = it->first;
            if (sd_spell_extra_add(pv->words, it->first, strlen(it->first), &e) != SD_OK)
                c->oom = true;
        }
        added = false;
        if (it->last && !c->oom && ptr_index_add(&lasts, it->last, &added) == SIZE_MAX)
            c->oom = true;
        if (added && sd_spell_extra_add(pv->words, it->last, strlen(it->last), &e) != SD_OK)
            c->oom = true;
        if (it->text && !c->oom && sd_spell_extra_add_text(pv->words, it->text, &e) != SD_OK)
            c->oom = true;
    }
    sd_error_clear(&e);
    ptr_index_free(&firsts);
    ptr_index_free(&lasts);
    set_context(c);
}

/* A reply of the participant's (a simulated colleague's replies count for coverage, but
 * their tone is not the participant's). */
static bool is_reply(const sd_res_action *a)
{
    return (a->kind == SD_ACT_REPLY || a->kind == SD_ACT_DM_REPLY) && a->item >= 0 && a->text &&
           a->by == NULL;
}

/* The tone checks' input for one reply (reply_input.h: the coach builds it the same way). */
static void tone_input(ctx *c, const sd_res_item *it, const sd_res_action *a, sd_tone_input *in)
{
    sd_reply_target to = {.expect = it->expect, .to_first = it->first, .to_handle = it->handle,
                          .mood = (sd_mood)it->mood,
                          .kp = kp_for(c, it->expect->content)};
    sd_reply_tone_input(&c->rcx, &to, a->text, a->kind == SD_ACT_REPLY, in);
}

static bool ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x == 0 || (x | (x >= 'A' && x <= 'Z' ? 32 : 0)) != (y | (y >= 'A' && y <= 'Z' ? 32 : 0)))
            return false;
    }
    return true;
}

/* A reply's words without the person's name, folded and with punctuation runs as one
 * space: two replies with the same fingerprint say the same thing to different people. */
static uint64_t fingerprint(const char *text, const char *first)
{
    uint64_t h = 1469598103934665603ULL;
    size_t flen = first ? strlen(first) : 0;
    bool space = false;
    for (const char *p = text; *p;) {
        if (flen && ascii_ieq(p, first, flen)) {
            p += flen;
            continue;
        }
        unsigned char ch = (unsigned char)*p++;
        bool word = (ch >= '0' && ch <= '9') || (unsigned)((ch | 32) - 'a') < 26u || ch >= 0x80;
        if (!word) {
            space = true;
            continue;
        }
        if (space) {
            h = (h ^ ' ') * 1099511628211ULL;
            space = false;
        }
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        h = (h ^ ch) * 1099511628211ULL;
    }
    return h;
}

typedef struct fp_entry { uint64_t fp; uint32_t reply; } fp_entry;

static int cmp_fp(const void *a, const void *b)
{
    const fp_entry *x = a, *y = b;
    if (x->fp != y->fp)
        return x->fp < y->fp ? -1 : 1;
    return (x->reply > y->reply) - (x->reply < y->reply);
}

/* What question an item asks, for telling identical replies apart: its content (equal
 * contents ask alike), else its storm (a storm's comments ask alike), else the item. */
static uint64_t question_of(const ctx *c, const sd_res_item *items, int32_t item)
{
    const sd_res_item *it = &items[item];
    if (it->expect->content)
        return content_question(c, it->expect->content);
    if (it->storm)
        return ptr_hash(it->storm);
    return ptr_hash(it);
}

/* Replies with the same words sent to different people who asked different things. */
static void flag_identical(ctx *c, const uint64_t *fps)
{
    sd_score *s = c->s;
    if (s->n_replies < 2)
        return;
    fp_entry *v = malloc(s->n_replies * sizeof *v);
    if (v == NULL) {
        c->oom = true;
        return;
    }
    for (size_t i = 0; i < s->n_replies; i++)
        v[i] = (fp_entry){fps[i], (uint32_t)i};
    qsort(v, s->n_replies, sizeof *v, cmp_fp);
    const sd_res_item *items = sd_results_items(c->r);
    for (size_t i = 0; i < s->n_replies;) {
        size_t j = i + 1;
        while (j < s->n_replies && v[j].fp == v[i].fp)
            j++;
        bool differ = false;
        uint64_t q0 = question_of(c, items, s->replies[v[i].reply].item);
        const char *a0 = author_key(&items[s->replies[v[i].reply].item]);
        for (size_t k = i + 1; k < j && !differ; k++) {
            const sd_res_item *it = &items[s->replies[v[k].reply].item];
            differ = question_of(c, items, s->replies[v[k].reply].item) != q0 &&
                     author_key(it) != a0;
        }
        for (size_t k = i; k < j && differ; k++)
            s->replies[v[k].reply].identical = true;
        i = j;
    }
    free(v);
}

/* An identical reply, or an evaluator's mark, changes what the checks found. */
static void override_answers(sd_reply_score *rs, bool pass)
{
    uint16_t bit = (uint16_t)(1u << SD_TONE_ANSWERS);
    rs->applies |= bit;
    if (pass)
        rs->pass |= bit;
    else
        rs->pass &= (uint16_t)~bit;
}

/* An evaluator's mark on a reply overrides the machine: answers yes / partly / no; tone
 * not acceptable fails courteous, acceptable passes every check of form. */
static void apply_review_reply(ctx *c, sd_reply_score *rs)
{
    sd_review_mark m;
    if (c->rv == NULL || !sd_reviews_reply(c->rv, (size_t)rs->action, &m))
        return;
    if (m.answers >= 0) {
        rs->reviewed = (int8_t)m.answers;
        override_answers(rs, m.answers == 2);
    }
    if (m.tone_ok == 1) {
        uint16_t content = (uint16_t)((1u << SD_TONE_ANSWERS) | (1u << SD_TONE_REFER) |
                                      (1u << SD_TONE_CHANNEL) | (1u << SD_TONE_AVOID));
        rs->pass |= (uint16_t)(rs->applies & ~content);
    } else if (m.tone_ok == 0) {
        rs->applies |= (uint16_t)(1u << SD_TONE_COURTEOUS);
        rs->pass &= (uint16_t)~(1u << SD_TONE_COURTEOUS);
    }
}

/* The share of the `answers` check's weight a reply earns (0..1): in proportion to the key
 * points met out of those needed; an identical reply nothing; an evaluator's yes, partly
 * and no 1, 0.5 and 0. */
static double answers_credit(const sd_reply_score *rs)
{
    if (rs->reviewed >= 0)
        return rs->reviewed / 2.0;
    if (rs->identical || rs->keywords)
        return 0;
    if (rs->need > 0) {
        double share = (double)rs->n_met / rs->need;
        return share > 1 ? 1 : share;
    }
    return rs->pass >> SD_TONE_ANSWERS & 1 ? 1 : 0;
}

/* The score of a reply from its bits, by the coach's formula (tone_content.h): a reply that
 * says nothing of what was asked is capped whatever its form. */
static double reply_score(const sd_reply_score *rs)
{
    bool nothing = (rs->applies >> SD_TONE_ANSWERS & 1) &&
                   (rs->reviewed == 0 || rs->identical || rs->keywords ||
                    (rs->reviewed < 0 && !(rs->pass >> SD_TONE_ANSWERS & 1) &&
                     (rs->words == 0 || rs->n_met == 0)));
    return sd_tone_weigh(rs->applies, rs->pass, answers_credit(rs), nothing);
}

/* Does this reply answer its item (speed)? It must say something: meet a key point, name
 * the authority or the channel the item asks for, and not be a copy sent to others. */
static bool reply_counts(const sd_reply_score *rs)
{
    if (rs->reviewed >= 0)
        return rs->reviewed > 0;
    if (rs->identical || rs->keywords)
        return false;
    bool has_refer = rs->applies >> SD_TONE_REFER & 1, has_channel = rs->applies >> SD_TONE_CHANNEL & 1;
    bool refer = has_refer && (rs->pass >> SD_TONE_REFER & 1);
    bool channel = has_channel && (rs->pass >> SD_TONE_CHANNEL & 1);
    if (rs->need > 0) /* key points declared: one of them, or the authority or channel */
        return rs->words > 0 && (rs->n_met > 0 || refer || channel);
    if (has_refer || has_channel) /* only an authority or a channel: it must be named */
        return refer || channel;
    if (rs->applies >> SD_TONE_ANSWERS & 1)
        return rs->pass >> SD_TONE_ANSWERS & 1;
    return rs->words > 0;
}

/* Is a reply keyword soup (coverage.h): its body mostly the key phrases of its item's
 * content, and in a storm of any of the storm's themes, run together? */
static bool soup_reply(const ctx *c, const sd_res_item *it, const char *text, int words)
{
    const sd_content *ct = it->expect->content;
    if (ct == NULL || ct->n_points == 0 || words <= 0)
        return false;
    const sd_content *cs[SD_MAX_THEMES + 1];
    size_t n = 0, n_th = 0;
    cs[n++] = ct;
    const sd_rec_theme *th = it->storm ? sd_results_themes(c->r, &n_th) : NULL;
    for (size_t k = 0; k < n_th && n < SD_MAX_THEMES + 1; k++)
        if (th[k].storm == it->storm && th[k].content && th[k].content != ct)
            cs[n++] = th[k].content;
    return sd_cover_soup(sd_cover_keyword_words(cs, n, text), (size_t)words);
}

/* Checks every reply once; decides which actions answer their items. */
static void check_replies(ctx *c)
{
    sd_score *s = c->s;
    const sd_res_item *items = sd_results_items(c->r);
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t na = sd_results_n_actions(c->r);
    size_t n = 0;
    for (size_t i = 0; i < na; i++)
        n += is_reply(&acts[i]);
    s->replies = calloc(n ? n : 1, sizeof *s->replies);
    uint64_t *fps = malloc((n ? n : 1) * sizeof *fps);
    c->reply_of = malloc((na ? na : 1) * sizeof *c->reply_of);
    c->answered = calloc(s->n_items ? s->n_items : 1, sizeof *c->answered);
    if (s->replies == NULL || fps == NULL || c->reply_of == NULL || c->answered == NULL) {
        free(fps);
        c->oom = true;
        return;
    }
    for (size_t i = 0; i < na && !c->oom; i++) {
        c->reply_of[i] = -1;
        const sd_res_action *a = &acts[i];
        if (!is_reply(a))
            continue;
        const sd_res_item *it = &items[a->item];
        sd_tone_input in;
        sd_tone_result tr;
        tone_input(c, it, a, &in);
        sd_tone_check_reply(s->priv->lx, &in, &tr);
        c->reply_of[i] = (int32_t)s->n_replies;
        fps[s->n_replies] = fingerprint(a->text, author_key(it));
        sd_reply_score *rs = &s->replies[s->n_replies++];
        rs->action = (int32_t)i;
        rs->item = a->item;
        rs->reviewed = -1;
        for (int k = 0; k < SD_TONE_CHECK_COUNT; k++) {
            if (tr.checks[k].applies)
                rs->applies |= (uint16_t)(1u << k);
            if (tr.checks[k].pass)
                rs->pass |= (uint16_t)(1u << k);
        }
        for (int k = 0; k < SD_SIGNAL_COUNT; k++)
            if (tr.signals[k])
                rs->signals |= (uint8_t)(1u << k);
        rs->lix = (float)tr.lix;
        rs->words = tr.words;
        rs->met = tr.kp.met;
        rs->n_met = (int8_t)tr.kp.n_met;
        rs->need = (int8_t)tr.kp.need;
        rs->keywords = soup_reply(c, it, a->text, tr.words);
    }
    if (!c->oom)
        flag_identical(c, fps);
    free(fps);
    if (c->oom)
        return;
    for (size_t i = 0; i < s->n_replies; i++) {
        sd_reply_score *rs = &s->replies[i];
        if (rs->identical || rs->keywords) {
            override_answers(rs, false);
            rs->signals &= (uint8_t)~(1u << SD_SIGNAL_PERSONAL);
        }
        apply_review_reply(c, rs);
        rs->score = (float)reply_score(rs);
    }
    /* When each item was first answered by an action that answers it. */
    for (size_t i = 0; i < na; i++) {
        const sd_res_action *a = &acts[i];
        if (a->item < 0)
            continue;
        const sd_res_item *it = &items[a->item];
        const sd_expect *e = it->expect;
        bool counts;
        if (c->reply_of[i] >= 0) {
            counts = sd_action_answers(e, (sd_kind)it->kind, it->repeat_of != NULL, a->kind, a->target) &&
                     reply_counts(&s->replies[c->reply_of[i]]);
            s->replies[c->reply_of[i]].counts = counts;
        } else {
            counts = sd_action_answers(e, (sd_kind)it->kind, it->repeat_of != NULL, a->kind, a->target);
            /* The resident is answered by a reply that refers or says where the case goes
             * on, never by the escalation alone. */
            if (counts && a->kind == SD_ACT_ESCALATE && e->content &&
                (e->content->refer.n_say || e->content->channel.n_say || e->content->n_points))
                counts = false;
        }
        if (counts && c->answered[a->item] == 0 && a->t >= it->arrival)
            c->answered[a->item] = a->t;
    }
    /* Which public replies say something (the storms' coverage): the participant's that
     * count, and a colleague's (made from the scenario's model answer). */
    c->says = calloc(na ? na : 1, sizeof *c->says);
    if (c->says == NULL) {
        c->oom = true;
        return;
    }
    for (size_t i = 0; i < na; i++) {
        const sd_res_action *a = &acts[i];
        if (a->kind != SD_ACT_REPLY || a->item < 0)
            continue;
        c->says[i] = a->by ? a->text != NULL
                           : c->reply_of[i] >= 0 && s->replies[c->reply_of[i]].counts;
    }
}

static const char *const tone_keys[SD_TONE_CHECK_COUNT] = {
    "fb.tone.greeting", "fb.tone.signoff", "fb.tone.acknowledge", "fb.tone.link",
    "fb.tone.concise", "fb.tone.plain_language", "fb.tone.courteous", "fb.tone.private_data",
    "fb.tone.answers", "fb.tone.refer", "fb.tone.channel", "fb.tone.avoid", "fb.tone.spelling",
    "fb.tone.name"};
static const sd_rule tone_rules[SD_TONE_CHECK_COUNT] = {
    SD_RULE_GREETING, SD_RULE_SIGNOFF, SD_RULE_ACKNOWLEDGE, SD_RULE_LINK, SD_RULE_CONCISE,
    SD_RULE_PLAIN_LANGUAGE, SD_RULE_COURTEOUS, SD_RULE_PRIVATE_DATA, SD_RULE_ANSWER_QUESTIONS,
    SD_RULE_REFER_RIGHT_AUTHORITY, SD_RULE_MOVE_CASE, SD_RULE_ANSWER_QUESTIONS,
    SD_RULE_PLAIN_LANGUAGE, SD_RULE_GREETING};

/* Whether check k of a reply failed (`answers`: it earned less than its whole weight). */
static bool failed(const sd_reply_score *rs, int k)
{
    if (!(rs->applies >> k & 1))
        return false;
    if (k == SD_TONE_ANSWERS)
        return answers_credit(rs) < 1;
    return !(rs->pass >> k & 1);
}

/* A reply to someone who asked for something (key points, an authority, a channel) that
 * gave none of it, or the same text sent to others who asked other things. */
static bool said_nothing(const sd_reply_score *rs, const sd_res_item *it)
{
    if (it->expect->cls == SD_CLASS_TROLL || it->expect->cls == SD_CLASS_ILLEGAL)
        return false; /* nobody asked: answering is the fault (response model) */
    bool asked = rs->need > 0 || (rs->applies >> SD_TONE_REFER & 1) ||
                 (rs->applies >> SD_TONE_CHANNEL & 1);
    return (asked || rs->identical || rs->keywords) && !reply_counts(rs);
}

/* The check whose feedback line carries NOTHING_PENALTY: the first of answers, refer and
 * channel that failed, or -1. */
static int nothing_check(const sd_reply_score *rs, const sd_res_item *it)
{
    if (!said_nothing(rs, it))
        return -1;
    static const int order[] = {SD_TONE_ANSWERS, SD_TONE_REFER, SD_TONE_CHANNEL};
    for (size_t i = 0; i < 3; i++)
        if (failed(rs, order[i]))
            return order[i];
    return -1;
}

static void score_tone(ctx *c)
{
    sd_score *s = c->s;
    const sd_res_item *items = sd_results_items(c->r);
    double acc = 0;
    for (size_t i = 0; i < s->n_replies; i++) {
        acc += s->replies[i].score;
        for (int k = 0; k < SD_TONE_CHECK_COUNT; k++)
            if (sd_tone_check_serious((sd_tone_check)k) && failed(&s->replies[i], k))
                c->tone_penalty += SERIOUS_PENALTY;
        if (nothing_check(&s->replies[i], &items[s->replies[i].item]) >= 0)
            c->tone_penalty += NOTHING_PENALTY;
    }
    double base = s->n_replies ? acc / (double)s->n_replies : (s->expecting ? 0 : 100);
    s->tone = base - c->tone_penalty;
    if (s->tone < 0) {
        s->overflow[1] = -s->tone > OVERFLOW_CAP ? OVERFLOW_CAP : -s->tone;
        s->tone = 0;
    }
    if (s->n_replies == 0 && s->expecting) {
        add_feedback(c, SD_RULE_ANSWER_QUESTIONS, -1, NULL, 0, SD_SEV_CRITICAL, s->weights[1] * 100,
                     "fb.tone.no_replies", 0, NULL, NULL);
        return;
    }
    /* Costs: each reply carries 1/n of the dimension; its lost points split over the
     * failed checks by weight; a serious failure costs SERIOUS_PENALTY more. One line per
     * failed check of a reply; lines alike are merged afterwards (feedback_merge): a
     * storm's replies always, a declared item's when the miss is one of form. The details
     * of a storm reply's checks are recomputed only for the first failing each check (the
     * one line shown if no other reply failed it). */
    const char *storm_detailed[2 * SD_TONE_CHECK_COUNT]; /* keys already detailed */
    size_t n_detailed = 0;
    for (size_t i = 0; i < s->n_replies; i++) {
        const sd_reply_score *rs = &s->replies[i];
        double failed_w = 0;
        for (int k = 0; k < SD_TONE_CHECK_COUNT; k++)
            if (failed(rs, k))
                failed_w += sd_tone_check_weight((sd_tone_check)k);
        if (failed_w <= 0)
            continue;
        double lost = s->weights[1] * (100.0 - rs->score) / (double)s->n_replies;
        const sd_res_item *it = &items[rs->item];
        int nothing = nothing_check(rs, it);
        /* The details of this reply's checks, recomputed once for its lines. */
        sd_tone_input in;
        sd_tone_result tr;
        bool checked = false;
        for (int k = 0; k < SD_TONE_CHECK_COUNT; k++) {
            if (!failed(rs, k))
                continue;
            bool serious = sd_tone_check_serious((sd_tone_check)k);
            double cost = lost * sd_tone_check_weight((sd_tone_check)k) / failed_w +
                          (serious ? s->weights[1] * SERIOUS_PENALTY : 0) +
                          (k == nothing ? s->weights[1] * NOTHING_PENALTY : 0);
            /* the line's key: which way the answers check failed */
            const char *key = tone_keys[k];
            const sd_content *ct = it->expect->content;
            bool empty = rs->words == 0 || (it->storm ? rs->need == 0 : kp_for(c, ct) == NULL);
            if (k == SD_TONE_ANSWERS && rs->identical)
                key = "fb.tone.identical";
            else if (k == SD_TONE_ANSWERS && rs->keywords && rs->reviewed < 0)
                key = "fb.tone.keywords";
            else if (k == SD_TONE_ANSWERS && rs->reviewed >= 0)
                key = "fb.tone.answers_reviewed";
            else if (k == SD_TONE_ANSWERS && empty)
                key = "fb.tone.answers_empty";
            else if (k == SD_TONE_ANSWERS && (ct == NULL || ct->model == NULL))
                key = "fb.tone.answers.nomodel";
            bool detail_here = !it->storm;
            if (it->storm) { /* the first storm reply with this key has the details */
                size_t m = 0;
                while (m < n_detailed && storm_detailed[m] != key)
                    m++;
                detail_here = m == n_detailed && m < sizeof storm_detailed / sizeof storm_detailed[0];
                if (detail_here)
                    storm_detailed[n_detailed++] = key;
            }
            if (detail_here && !checked) {
                tone_input(c, it, &sd_results_actions(c->r)[rs->action], &in);
                sd_tone_check_reply(c->s->priv->lx, &in, &tr);
                checked = true;
            }
            char maxw[16] = "", maxl[16] = "", missing[400];
            missing[0] = '\0';
            const char *detail = "";
            if (detail_here) {
                snprintf(maxw, sizeof maxw, "%d", in.max_words);
                snprintf(maxl, sizeof maxl, "%.0f", in.max_lix);
                if (in.kp && k == SD_TONE_ANSWERS)
                    sd_kp_describe_missing(in.kp, &tr.kp, missing, sizeof missing);
                detail = tr.checks[k].detail;
            }
            const char *names[] = {"name", "item", "detail", "max_words", "max_lix",
                                   "link", "missing", "model", "refer", "channel"};
            const char *values[] = {item_name(it), it->id, detail, maxw, maxl,
                                    it->expect->link ? it->expect->link : "", missing,
                                    ct && ct->model ? ct->model : "",
                                    ct && ct->refer.label ? ct->refer.label : "",
                                    ct && ct->channel.label ? ct->channel.label : ""};
            add_feedback(c, tone_rules[k], rs->item, NULL, 1,
                         serious ? SD_SEV_CRITICAL
                         : k == SD_TONE_ANSWERS || k == SD_TONE_REFER || k == SD_TONE_CHANNEL ||
                                 k == SD_TONE_AVOID
                             ? SD_SEV_MAJOR
                             : SD_SEV_MINOR,
                         cost, key, 10, names, values);
        }
    }
}

/* ---- escalation, moderation, faults ---- */

static double s_weight_esc(const ctx *c) { return c->s->weights[2]; }

static sd_rule rule_for_target(int target)
{
    switch (target) {
    case SD_TARGET_CASE_HANDLING: return SD_RULE_MOVE_CASE;
    case SD_TARGET_MANAGER:
    case SD_TARGET_COLLEAGUE_BACKUP: return SD_RULE_GET_BACKUP;
    case SD_TARGET_PRESS_OFFICER: return SD_RULE_INFORM_UP;
    case SD_TARGET_IT_SECURITY: return SD_RULE_SECURE_ACCOUNTS;
    case SD_TARGET_OTHER_AUTHORITY: return SD_RULE_REFER_RIGHT_AUTHORITY;
    default: return SD_RULE_RESPONSE_MODEL;
    }
}

/* Points for an action due by `due` (target window `window`), taken at t (0 = never). */
static double timed_points(const sd_scoring_params *p, sd_time t, sd_time due, double window)
{
    if (t == 0)
        return 0;
    if (t <= due)
        return 1;
    if (window <= 0)
        return 0;
    double v = 1.0 - (double)(t - due) / ((p->late_zero - 1.0) * window);
    return v < 0 ? 0 : v;
}

/* The decisions the guideline asks for an item, in the feedback's language ("svara" eller
 * "rätta fakta"), into out (reset first). */
static void decision_words(const ctx *c, const sd_res_item *it, int taken, sd_buf *out)
{
    sd_buf_reset(out);
    uint32_t wanted = sd_debrief_wanted(it->expect) & ~(1u << taken);
    sd_debrief_decisions(c->tx, wanted ? wanted : sd_debrief_wanted(it->expect), out);
}

/* The values of a fault line's names {name, item, decision, expected, class}, into vals. */
static const char *const *fault_values(const ctx *c, const sd_res_item *it, int d,
                                       sd_buf *wanted, const char **vals)
{
    decision_words(c, it, d, wanted);
    vals[0] = item_name(it);
    vals[1] = it->id;
    vals[2] = vocab_text(c, SD_VOCAB_DECISION, d);
    vals[3] = sd_buf_str(wanted);
    vals[4] = sd_debrief_vocab(c->tx, SD_VOCAB_CLASS, it->expect->cls);
    return vals;
}

static void add_fault(ctx *c, sd_fault f, int32_t item, const char *key, size_t n,
                      const char *const *names, const char *const *values)
{
    c->s->items[item].faults |= (uint8_t)(1u << f);
    c->esc_penalty += fault_penalty[f];
    /* A storm's comments are summed up per storm, theme and fault: one line each. */
    const sd_res_item *it = &sd_results_items(c->r)[item];
    if (it->storm) {
        const sd_rec_theme *th = sd_debrief_theme(c->r, it);
        fault_sum *sum = NULL;
        for (size_t k = 0; k < c->n_fault_sums && sum == NULL; k++)
            if (c->fault_sums[k].fault == f && c->fault_sums[k].theme == th &&
                strcmp(c->fault_sums[k].storm, it->storm) == 0)
                sum = &c->fault_sums[k];
        if (sum == NULL && c->n_fault_sums < MAX_FAULT_SUMS) {
            sum = &c->fault_sums[c->n_fault_sums++];
            *sum = (fault_sum){f, it->storm, th, 0, {NULL, NULL, NULL}, item, key};
        }
        if (sum) {
            if (sum->count < 3) {
                sd_buf who = SD_BUF_INIT;
                sd_debrief_who(c->tx, it, &who);
                sum->people[sum->count] = arena_str(c, &who);
                sd_buf_free(&who);
            }
            sum->count++;
            return;
        }
    }
    add_feedback(c, f == SD_FAULT_CASE_IN_PUBLIC ? SD_RULE_MOVE_CASE : SD_RULE_RESPONSE_MODEL,
                 item, NULL, 1, fault_severity[f], c->s->weights[2] * fault_penalty[f], key, n,
                 names, values);
}

/* The per-storm fault lines: how many, where (the theme), and the first people. */
static void flush_fault_sums(ctx *c)
{
    for (size_t k = 0; k < c->n_fault_sums; k++) {
        const fault_sum *sum = &c->fault_sums[k];
        if (sum->count == 1) { /* one comment: its own line, naming it */
            const sd_res_item *it = &sd_results_items(c->r)[sum->item];
            sd_buf wanted = SD_BUF_INIT;
            int d = c->s->items[sum->item].decision;
            decision_words(c, it, d, &wanted);
            const char *names[] = {"name", "item", "decision", "expected", "class"};
            const char *values[] = {item_name(it), it->id, d >= 0 ? vocab_text(c, SD_VOCAB_DECISION, d) : "",
                                    sd_buf_str(&wanted), sd_debrief_vocab(c->tx, SD_VOCAB_CLASS, it->expect->cls)};
            add_feedback(c, sum->fault == SD_FAULT_CASE_IN_PUBLIC ? SD_RULE_MOVE_CASE : SD_RULE_RESPONSE_MODEL,
                         sum->item, NULL, 1, fault_severity[sum->fault],
                         c->s->weights[2] * fault_penalty[sum->fault], sum->key, 5, names, values);
            sd_buf_free(&wanted);
            continue;
        }
        char count[24], key[64];
        snprintf(count, sizeof count, "%zu", sum->count);
        snprintf(key, sizeof key, "fb.fault.%s.storm", fault_names[sum->fault]);
        sd_buf where = SD_BUF_INIT, people = SD_BUF_INIT;
        sd_debrief_where(c->tx, sum->theme, &where);
        sd_debrief_list(c->tx, sum->people, sum->count <= 3 ? sum->count : 2, sum->count, &people);
        const char *names[] = {"storm", "count", "where", "people"};
        const char *values[] = {sum->storm, count, sd_buf_str(&where), sd_buf_str(&people)};
        bool danger = sum->theme && (sum->theme->kind == SD_THEME_THREAT ||
                                     sum->theme->kind == SD_THEME_PERSONAL_DATA);
        add_feedback(c, sum->fault == SD_FAULT_CASE_IN_PUBLIC ? SD_RULE_MOVE_CASE : SD_RULE_RESPONSE_MODEL,
                     -1, sum->storm, sum->count, danger ? SD_SEV_CRITICAL : fault_severity[sum->fault],
                     c->s->weights[2] * fault_penalty[sum->fault] * (double)sum->count, key, 4, names,
                     values);
        sd_buf_free(&where);
        sd_buf_free(&people);
    }
    c->n_fault_sums = 0;
}

static int decision_of(const sd_results *r, const sd_res_item *it)
{
    const sd_res_action *acts = sd_results_actions(r);
    int d = SD_DECISION_MONITOR;
    for (int32_t a = it->first_action; a >= 0; a = acts[a].next) {
        switch (acts[a].kind) {
        case SD_ACT_DELETE: return SD_DECISION_DELETE;
        case SD_ACT_HIDE: d = SD_DECISION_HIDE; break;
        case SD_ACT_REPORT: if (d == SD_DECISION_MONITOR || d == SD_DECISION_REPLY) d = SD_DECISION_REPORT; break;
        case SD_ACT_REPLY:
        case SD_ACT_DM_REPLY:
        case SD_ACT_REFER_PREVIOUS: if (d == SD_DECISION_MONITOR) d = SD_DECISION_REPLY; break;
        default: break;
        }
    }
    return d;
}

static void score_items_escalation(ctx *c)
{
    const sd_results *r = c->r;
    const sd_res_item *items = sd_results_items(r);
    const sd_res_action *acts = sd_results_actions(r);
    sd_score *s = c->s;
    sd_buf wanted = SD_BUF_INIT;
    for (size_t i = 0; i < s->n_items; i++) {
        const sd_res_item *it = &items[i];
        const sd_expect *e = it->expect;
        sd_item_score *is = &s->items[i];
        is->decision = -1;
        /* Expected escalations, each in time. */
        for (int t = 0; t < SD_TARGET_COUNT; t++) {
            if (!(e->escalate & (1u << t)))
                continue;
            sd_time when = 0;
            for (int32_t a = it->first_action; a >= 0; a = acts[a].next)
                if (acts[a].kind == SD_ACT_ESCALATE && acts[a].target == t) {
                    when = acts[a].t;
                    break;
                }
            /* An internal message asking for what was already done (the manager asks for a
             * colleague who is already in): the participant's escalation to that target
             * before the message arrived, on any item or none, counts as done in time. */
            for (size_t a = 0; when == 0 && it->kind == SD_KIND_INTERNAL &&
                               a < sd_results_n_actions(r) && acts[a].t <= it->arrival;
                 a++)
                if (acts[a].kind == SD_ACT_ESCALATE && acts[a].target == t && acts[a].by == NULL)
                    when = acts[a].t;
            sd_time due = e->escalate_within ? it->arrival + e->escalate_within
                                             : (it->deadline ? it->deadline : it->arrival + 86400);
            double pts = timed_points(c->p, when, due, (double)(due - it->arrival));
            c->esc_possible += e->weight;
            c->esc_earned += e->weight * pts;
            if (when && pts >= 1)
                is->esc_on_time |= 1u << t;
            else if (when)
                is->esc_late |= 1u << t;
            else
                is->esc_missing |= 1u << t;
            if (pts < 1) {
                const char *names[] = {"name", "item", "target"};
                const char *values[] = {item_name(it), it->id, vocab_text(c, SD_VOCAB_TARGET, t)};
                char key[64];
                snprintf(key, sizeof key, "fb.esc.%s.%s", when ? "late" : "missing",
                         sd_vocab_name(SD_VOCAB_TARGET, t));
                add_feedback(c, rule_for_target(t), (int32_t)i, NULL, 1,
                             when ? SD_SEV_MINOR : SD_SEV_MAJOR, -e->weight * (1 - pts), key, 3,
                             names, values);
            }
        }
        /* Escalations the item did not call for: each one costs (over-escalation takes
         * others' time); one feedback line per item and target. */
        for (int32_t a = it->first_action; a >= 0; a = acts[a].next)
            if (acts[a].kind == SD_ACT_ESCALATE && acts[a].target >= 0 &&
                !(e->escalate & (1u << acts[a].target))) {
                c->unneeded_penalty += UNNEEDED_PENALTY;
                if (is->esc_unneeded & (1u << acts[a].target))
                    continue;
                is->esc_unneeded |= 1u << acts[a].target;
                size_t count = 0;
                for (int32_t b = a; b >= 0; b = acts[b].next)
                    count += acts[b].kind == SD_ACT_ESCALATE && acts[b].target == acts[a].target;
                char cnt[24];
                snprintf(cnt, sizeof cnt, "%zu", count);
                const char *names[] = {"name", "item", "target", "count"};
                const char *values[] = {item_name(it), it->id,
                                        vocab_text(c, SD_VOCAB_TARGET, acts[a].target), cnt};
                add_feedback(c, SD_RULE_INFORM_UP, (int32_t)i, NULL, count, SD_SEV_MINOR,
                             s->weights[2] * UNNEEDED_PENALTY * (double)count, "fb.esc.unneeded",
                             4, names, values);
            }
        /* The response model: items with acceptable decisions. */
        if (e->ok || e->fault || it->has_author) {
            int d = decision_of(r, it);
            is->decision = (int8_t)d;
            if (e->ok) {
                c->esc_possible += 1;
                /* A reply is how one corrects facts or refers: it meets any of the three. */
                uint32_t answering = (1u << SD_DECISION_REPLY) | (1u << SD_DECISION_CORRECT_FACTS) |
                                     (1u << SD_DECISION_REFER);
                if ((e->ok & (1u << d)) || (d == SD_DECISION_REPLY && (e->ok & answering)))
                    c->esc_earned += 1;
                else if (!(e->fault & (1u << d)) && !(d == SD_DECISION_DELETE && it->has_author)) {
                    decision_words(c, it, d, &wanted);
                    const char *names[] = {"name", "item", "decision", "expected", "class"};
                    const char *values[] = {item_name(it), it->id, vocab_text(c, SD_VOCAB_DECISION, d),
                                            sd_buf_str(&wanted),
                                            sd_debrief_vocab(c->tx, SD_VOCAB_CLASS, e->cls)};
                    add_feedback(c, it->kind == SD_KIND_ATTACKER_POST ? SD_RULE_SECURE_ACCOUNTS
                                                                      : SD_RULE_RESPONSE_MODEL,
                                 (int32_t)i, NULL, 1, SD_SEV_MINOR, -1.0,
                                 it->kind == SD_KIND_ATTACKER_POST ? "fb.hijack.post_left"
                                                                   : "fb.decision.other",
                                 5, names, values);
                }
            }
            /* The words of a fault line, made only for a fault (a million storm comments
             * need none). */
            const char *names[] = {"name", "item", "decision", "expected", "class"};
            const char *vals[5];
            bool legit = it->has_author && e->cls != SD_CLASS_TROLL && e->cls != SD_CLASS_ILLEGAL;
            sd_review_mark m;
            bool reviewed = c->rv && sd_reviews_decision(c->rv, it->id, &m) && m.decision_ok >= 0;
            if (reviewed && m.decision_ok == 1)
                ; /* an evaluator found the decision right */
            else if (reviewed && m.decision_ok == 0 && !(e->fault & (1u << d)))
                add_fault(c, SD_FAULT_DECISION, (int32_t)i, "fb.fault.decision_reviewed", 5, names,
                          fault_values(c, it, d, &wanted, vals));
            else if (d == SD_DECISION_DELETE && legit)
                add_fault(c, SD_FAULT_DELETED_CRITICISM, (int32_t)i, "fb.fault.deleted_criticism", 5,
                          names, fault_values(c, it, d, &wanted, vals));
            else if (d == SD_DECISION_HIDE && legit && !(e->ok & (1u << SD_DECISION_HIDE)))
                add_fault(c, SD_FAULT_HIDDEN_CRITICISM, (int32_t)i, "fb.fault.hidden_criticism", 5,
                          names, fault_values(c, it, d, &wanted, vals));
            else if (e->fault & (1u << d))
                add_fault(c, SD_FAULT_DECISION, (int32_t)i, "fb.fault.decision", 5, names,
                          fault_values(c, it, d, &wanted, vals));
            /* Answering a troll or a threat at length, where monitoring or escalating was
             * right. */
            if (e->cls == SD_CLASS_TROLL || e->cls == SD_CLASS_ILLEGAL || (!e->answer && e->escalate))
                for (int32_t a = it->first_action; a >= 0; a = acts[a].next)
                    if (acts[a].kind == SD_ACT_REPLY && acts[a].text &&
                        sd_utf8_words(acts[a].text) > (size_t)c->p->troll_words) {
                        add_fault(c, SD_FAULT_TROLL_REPLY, (int32_t)i, "fb.fault.troll_reply", 5,
                                  names, fault_values(c, it, d, &wanted, vals));
                        break;
                    }
            /* An individual case discussed in public instead of moved to case handling. */
            if ((e->rules & (1ULL << SD_RULE_MOVE_CASE)) && !(is->esc_on_time & (1u << SD_TARGET_CASE_HANDLING)) &&
                !(is->esc_late & (1u << SD_TARGET_CASE_HANDLING)))
                for (int32_t a = it->first_action; a >= 0; a = acts[a].next)
                    if (acts[a].kind == SD_ACT_REPLY) {
                        add_fault(c, SD_FAULT_CASE_IN_PUBLIC, (int32_t)i, "fb.fault.case_in_public",
                                  5, names, fault_values(c, it, d, &wanted, vals));
                        break;
                    }
        }
    }
    if (!sd_buf_ok(&wanted))
        c->oom = true;
    sd_buf_free(&wanted);
}

/* How much of what a statement must say a published text says: 0..1. With declared
 * points, the share of the needed points met; without, whether it says at least
 * STATEMENT_MIN_WORDS words. *missing: the labels of the points not met. */
static double statement_share(ctx *c, const sd_content *content, const char *text, char *missing,
                              size_t cap)
{
    if (missing && cap)
        missing[0] = '\0';
    if (text == NULL)
        return 0;
    const sd_kp *kp = kp_for(c, content);
    if (kp == NULL || content->n_points == 0)
        return sd_utf8_words(text) >= STATEMENT_MIN_WORDS ? 1 : 0;
    sd_kp_verdict v;
    sd_kp_match(kp, sd_lx_stemmer(c->s->priv->lx), text, strlen(text), &v);
    if (missing)
        sd_kp_describe_missing(kp, &v, missing, cap);
    if (v.avoided)
        return 0;
    double share = v.need > 0 ? (double)v.n_met / v.need : 1;
    return share > 1 ? 1 : share;
}

/* Hijacked accounts: each notice that names account steps. */
static void score_hijacks(ctx *c)
{
    const sd_res_item *items = sd_results_items(c->r);
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t na = sd_results_n_actions(c->r);
    sd_score *s = c->s;
    for (size_t i = 0; i < s->n_items; i++) {
        const sd_res_item *it = &items[i];
        const sd_expect *e = it->expect;
        if (it->kind != SD_KIND_NOTICE || e->steps == 0)
            continue;
        sd_time lockout = 0, step_t[SD_STEP_COUNT] = {0};
        bool order_broken = false;
        for (size_t a = 0; a < na; a++) {
            if (acts[a].t < it->arrival || acts[a].kind != SD_ACT_ACCOUNT || acts[a].step < 0)
                continue;
            int st = acts[a].step;
            if (st == SD_STEP_REMOVE_ACCESS && (e->person == NULL || acts[a].person == NULL ||
                                                strcmp(e->person, acts[a].person) != 0))
                continue;
            if (step_t[st] == 0)
                step_t[st] = acts[a].t;
            if ((st == SD_STEP_ENABLE_2FA || st == SD_STEP_REMOVE_ACCESS) &&
                (step_t[SD_STEP_CHANGE_PASSWORD] == 0 || step_t[SD_STEP_REVOKE_SESSIONS] == 0))
                order_broken = true;
        }
        if (step_t[SD_STEP_CHANGE_PASSWORD] && step_t[SD_STEP_REVOKE_SESSIONS])
            lockout = step_t[SD_STEP_CHANGE_PASSWORD] > step_t[SD_STEP_REVOKE_SESSIONS]
                          ? step_t[SD_STEP_CHANGE_PASSWORD]
                          : step_t[SD_STEP_REVOKE_SESSIONS];
        sd_time due = it->deadline ? it->deadline : it->arrival + 3600;
        for (int st = 0; st < SD_STEP_COUNT; st++) {
            if (!(e->steps & (1u << st)))
                continue;
            double pts = timed_points(c->p, step_t[st], due, (double)(due - it->arrival));
            c->esc_possible += e->weight;
            c->esc_earned += e->weight * pts;
            if (pts < 1) {
                const char *names[] = {"item", "step", "person"};
                const char *values[] = {it->id, vocab_text(c, SD_VOCAB_STEP, st),
                                        e->person ? e->person : ""};
                add_feedback(c, SD_RULE_SECURE_ACCOUNTS, (int32_t)i, NULL, 1,
                             step_t[st] ? SD_SEV_MINOR : SD_SEV_MAJOR, -e->weight * (1 - pts),
                             step_t[st] ? "fb.hijack.step_late" : "fb.hijack.step_missing", 3,
                             names, values);
            }
        }
        if (order_broken) {
            c->esc_penalty += HIJACK_ORDER_PENALTY;
            const char *names[] = {"item"};
            const char *values[] = {it->id};
            add_feedback(c, SD_RULE_SECURE_ACCOUNTS, (int32_t)i, NULL, 1, SD_SEV_MINOR,
                         s->weights[2] * HIJACK_ORDER_PENALTY, "fb.hijack.order", 1, names, values);
        }
        /* Followers told once the account is back, in a post that says what happened,
         * what was done and what they should do. */
        double told = 0;
        char missing[400] = "";
        bool published = false;
        for (size_t a = 0; a < na && lockout; a++)
            if (acts[a].kind == SD_ACT_PUBLISH && acts[a].t >= lockout) {
                published = true;
                char miss[400];
                double sh = statement_share(c, e->statement, acts[a].text, miss, sizeof miss);
                if (sh > told || (told == 0 && missing[0] == '\0')) {
                    snprintf(missing, sizeof missing, "%s", miss);
                    if (sh > told)
                        told = sh;
                }
            }
        c->esc_possible += 1;
        c->esc_earned += told;
        if (told < 1) {
            double pen = HIJACK_SILENT_PENALTY * (1 - told);
            c->esc_penalty += pen;
            const char *names[] = {"item", "missing"};
            const char *values[] = {it->id, missing};
            add_feedback(c, SD_RULE_SECURE_ACCOUNTS, (int32_t)i, NULL, 1, SD_SEV_CRITICAL,
                         s->weights[2] * pen,
                         published ? "fb.hijack.message_empty" : "fb.hijack.not_informed", 2,
                         names, values);
        }
    }
}

/* The crisis process: backup and manager early, press officer told, a statement early. */
static void score_crisis(ctx *c)
{
    const sd_scoring_params *p = c->p;
    if (!p->crisis)
        return;
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t na = sd_results_n_actions(c->r);
    sd_time first[SD_TARGET_COUNT] = {0}, statement = 0;
    double said = 0;
    char missing[400] = "";
    bool published = false;
    for (size_t a = 0; a < na; a++) {
        if (acts[a].kind == SD_ACT_ESCALATE && acts[a].target >= 0 && first[acts[a].target] == 0)
            first[acts[a].target] = acts[a].t;
        /* The statement: the first post after the crisis starts that says what it must (the
         * most complete one when none says it all). */
        if (acts[a].kind == SD_ACT_PUBLISH && acts[a].t >= p->crisis_start && said < 1) {
            char miss[400];
            double sh = statement_share(c, p->statement, acts[a].text, miss, sizeof miss);
            if (!published || sh > said) {
                snprintf(missing, sizeof missing, "%s", miss);
                if (sh > said) {
                    said = sh;
                    statement = acts[a].t;
                }
            }
            published = true;
        }
    }
    struct { int target; int64_t within; const char *key; sd_rule rule; double weight; } want[] = {
        {SD_TARGET_MANAGER, p->backup_within, "fb.crisis.manager", SD_RULE_GET_BACKUP, 1},
        {SD_TARGET_COLLEAGUE_BACKUP, p->backup_within, "fb.crisis.backup", SD_RULE_GET_BACKUP, 1},
        {SD_TARGET_PRESS_OFFICER, p->statement_within, "fb.crisis.press_officer", SD_RULE_INFORM_UP, 1},
        {-1, p->statement_within, "fb.crisis.statement", SD_RULE_SHOW_ACTION, STATEMENT_WEIGHT}};
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        sd_time when = want[k].target >= 0 ? first[want[k].target] : statement;
        sd_time due = p->crisis_start + want[k].within;
        double pts = timed_points(p, when, due, (double)want[k].within);
        if (want[k].target < 0)
            pts *= said;
        c->esc_possible += want[k].weight;
        c->esc_earned += want[k].weight * pts;
        if (pts < 1) {
            char within[32];
            fmt_minutes(within, sizeof within, (double)want[k].within);
            const char *names[] = {"within", "missing"};
            const char *values[] = {within, missing};
            const char *key = want[k].key;
            if (want[k].target < 0 && published && said < 1)
                key = "fb.crisis.statement_content";
            add_feedback(c, want[k].rule, -1, NULL, 1, when ? SD_SEV_MINOR : SD_SEV_MAJOR,
                         -want[k].weight * (1 - pts), key, 2, names, values);
        }
    }
    /* A crisis without a statement that shows action is a serious miss. */
    if (said < 1) {
        double pen = STATEMENT_PENALTY * (1 - said);
        c->esc_penalty += pen;
        char within[32];
        fmt_minutes(within, sizeof within, (double)p->statement_within);
        const char *names[] = {"within", "missing"};
        const char *values[] = {within, missing};
        add_feedback(c, SD_RULE_SHOW_ACTION, -1, NULL, 1, SD_SEV_CRITICAL, s_weight_esc(c) * pen,
                     published ? "fb.crisis.statement_fault" : "fb.crisis.no_statement", 2, names,
                     values);
    }
}

/* Escalations without an item: a crisis or a storm calls for the manager, a colleague and
 * the press officer once, a hijack for IT security once; every other one costs. */
static void score_loose_escalations(ctx *c)
{
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t na = sd_results_n_actions(c->r);
    const sd_res_item *items = sd_results_items(c->r);
    bool hijack = false, storm = c->p->crisis;
    for (size_t i = 0; i < c->s->n_items && !(hijack && storm); i++) {
        hijack = hijack || (items[i].kind == SD_KIND_NOTICE && items[i].expect->steps);
        storm = storm || items[i].storm != NULL;
    }
    size_t seen[SD_TARGET_COUNT] = {0}, extra[SD_TARGET_COUNT] = {0};
    size_t next_item = 0, arrived = 0; /* colleagues in (their "I'm in" message) so far */
    for (size_t a = 0; a < na; a++) {
        if (acts[a].kind != SD_ACT_ESCALATE || acts[a].item >= 0 || acts[a].target < 0 ||
            acts[a].target >= SD_TARGET_COUNT)
            continue;
        int t = acts[a].target;
        for (; next_item < c->s->n_items && items[next_item].arrival <= acts[a].t; next_item++)
            arrived += items[next_item].kind == SD_KIND_INTERNAL &&
                       items[next_item].sender == SD_SENDER_COLLEAGUE &&
                       strncmp(items[next_item].id, "colleague-", 10) == 0;
        bool wanted = (storm && (t == SD_TARGET_MANAGER || t == SD_TARGET_COLLEAGUE_BACKUP ||
                                        t == SD_TARGET_PRESS_OFFICER)) ||
                      (hijack && t == SD_TARGET_IT_SECURITY);
        /* Asking for more backup once a colleague is in (a further colleague_backup, or the
         * manager) is triage too: each call after one more colleague arrived is free. */
        bool more = storm && (t == SD_TARGET_COLLEAGUE_BACKUP || t == SD_TARGET_MANAGER) &&
                    seen[t] > 0 && seen[t] <= arrived;
        if ((seen[t]++ == 0 && wanted) || more)
            continue;
        extra[t]++;
    }
    for (int t = 0; t < SD_TARGET_COUNT; t++) {
        if (extra[t] == 0)
            continue;
        c->unneeded_penalty += UNNEEDED_PENALTY * (double)extra[t];
        char cnt[24];
        snprintf(cnt, sizeof cnt, "%zu", extra[t]);
        const char *names[] = {"target", "count"};
        const char *values[] = {vocab_text(c, SD_VOCAB_TARGET, t), cnt};
        add_feedback(c, SD_RULE_INFORM_UP, -1, NULL, extra[t], extra[t] >= 5 ? SD_SEV_MAJOR : SD_SEV_MINOR,
                     s_weight_esc(c) * UNNEEDED_PENALTY * (double)extra[t], "fb.esc.unneeded_noitem",
                     2, names, values);
    }
}

/* ---- merging and ordering the feedback ---- */

/* Lines alike that are merged into one ("7 svar saknade hälsningsfras ..."): a declared
 * item's lines with one of these keys when at least `min` say the same (the same key and
 * the same decision, target or step); a storm comment's lines with any key from two. The
 * merged text is the key's ".many" text. */
static const struct { const char *key; size_t min; } merge_rules[] = {
    {"fb.tone.greeting", 2}, {"fb.tone.signoff", 2}, {"fb.tone.acknowledge", 2},
    {"fb.tone.link", 2}, {"fb.tone.concise", 2}, {"fb.tone.plain_language", 2},
    {"fb.tone.spelling", 2}, {"fb.tone.identical", 2}, {"fb.tone.keywords", 2},
    {"fb.tone.answers_empty", 2},
    {"fb.tone.courteous", 3}, {"fb.tone.name", 3},
    {"fb.speed.unanswered", 4}, {"fb.speed.late", 4}, {"fb.speed.unanswered_item", 4},
    {"fb.decision.other", 3}, {"fb.fault.troll_reply", 3}, {"fb.fault.case_in_public", 3},
    {"fb.fault.deleted_criticism", 4}, {"fb.fault.hidden_criticism", 4}, {"fb.fault.decision", 3},
    {"fb.esc.missing.case_handling", 3}, {"fb.esc.late.case_handling", 3},
    {"fb.esc.missing.other_authority", 3}, {"fb.esc.missing.legal", 3},
};

static size_t merge_min(const char *key)
{
    for (size_t i = 0; i < sizeof merge_rules / sizeof merge_rules[0]; i++)
        if (strcmp(merge_rules[i].key, key) == 0)
            return merge_rules[i].min;
    return 0;
}

static int cmp_str_null(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

typedef struct merge_ref { const struct fb_meta *m; size_t i; } merge_ref;

static int cmp_merge_ref(const void *a, const void *b)
{
    const merge_ref *x = a, *y = b;
    int k = strcmp(x->m->key, y->m->key);
    if (k == 0)
        k = cmp_str_null(x->m->variant, y->m->variant);
    return k ? k : (x->i > y->i) - (x->i < y->i);
}

/* The storm a line is about (its own, or its item's), or NULL. */
static const char *line_storm(const ctx *c, const sd_feedback *f)
{
    return f->storm ? f->storm : f->item >= 0 ? sd_results_items(c->r)[f->item].storm : NULL;
}

/* Replaces each group of lines alike by one line naming how many and the first people. */
static void feedback_merge(ctx *c)
{
    sd_score *s = c->s;
    struct sd_score_priv *pv = s->priv;
    size_t n = s->n_feedback;
    if (n < 2)
        return;
    merge_ref *refs = malloc(n * sizeof *refs);
    int32_t *group = malloc(n * sizeof *group); /* per line: its group's first line, or -1 */
    if (refs == NULL || group == NULL) {
        free(refs);
        free(group);
        c->oom = true;
        return;
    }
    size_t nr = 0;
    for (size_t i = 0; i < n; i++) {
        group[i] = -1;
        const struct fb_meta *m = &pv->meta[i];
        if (m->key && (m->storm_item || merge_min(m->key) > 0))
            refs[nr++] = (merge_ref){m, i};
    }
    qsort(refs, nr, sizeof *refs, cmp_merge_ref);
    const sd_res_item *items = sd_results_items(c->r);
    for (size_t a = 0; a < nr;) {
        size_t b = a + 1;
        while (b < nr && strcmp(refs[b].m->key, refs[a].m->key) == 0 &&
               cmp_str_null(refs[b].m->variant, refs[a].m->variant) == 0)
            b++;
        bool storm = false;
        for (size_t k = a; k < b; k++)
            storm = storm || refs[k].m->storm_item;
        size_t min = merge_min(refs[a].m->key);
        if (storm || min == 0)
            min = 2;
        if (b - a < min) {
            a = b;
            continue;
        }
        /* the merged line takes the place of the group's first */
        size_t first = refs[a].i;
        sd_feedback merged = s->feedback[first];
        merged.item = -1;
        merged.count = 0;
        merged.cost = 0;
        const char *people[3];
        size_t n_people = 0, distinct = 0;
        const char *common_storm = line_storm(c, &s->feedback[first]);
        const sd_rec_theme *common_theme = NULL;
        bool one_theme = true;
        for (size_t k = a; k < b; k++) {
            const sd_feedback *f = &s->feedback[refs[k].i];
            group[refs[k].i] = (int32_t)first;
            merged.count += f->count;
            merged.cost += f->cost;
            if (f->severity > merged.severity)
                merged.severity = f->severity;
            const char *st = line_storm(c, f);
            if (cmp_str_null(st, common_storm) != 0)
                common_storm = NULL;
            const sd_rec_theme *th = f->item >= 0 ? sd_debrief_theme(c->r, &items[f->item]) : NULL;
            if (k == a)
                common_theme = th;
            else if (th != common_theme)
                one_theme = false;
            const char *who = refs[k].m->who;
            bool seen = who == NULL;
            for (size_t p = 0; p < n_people && !seen; p++)
                seen = strcmp(people[p], who) == 0;
            if (!seen) {
                distinct++;
                if (n_people < 3)
                    people[n_people++] = who;
            }
        }
        merged.storm = common_storm;
        char count[24], key[80];
        snprintf(count, sizeof count, "%zu", merged.count);
        snprintf(key, sizeof key, "%s.many", refs[a].m->key);
        sd_buf list = SD_BUF_INIT, where = SD_BUF_INIT, text = SD_BUF_INIT;
        /* two named, the rest counted ("A, B och 5 till"); three when that is all */
        sd_debrief_list(c->tx, people, distinct <= 3 ? n_people : 2, distinct, &list);
        if (storm)
            sd_debrief_where(c->tx, one_theme ? common_theme : NULL, &where);
        const char *variant = refs[a].m->variant ? refs[a].m->variant : "";
        const char *names[] = {"count", "people", "where", "decision", "target", "step", "signer"};
        const char *values[] = {count, sd_buf_str(&list), sd_buf_str(&where), variant, variant,
                                variant, c->h->participant};
        sd_texts_format(c->tx, key, &text, 7, names, values);
        merged.text = arena_str(c, &text);
        sd_buf_free(&list);
        sd_buf_free(&where);
        sd_buf_free(&text);
        if (merged.text == NULL)
            break;
        s->feedback[first] = merged;
        pv->meta[first].key = NULL; /* merged once */
        a = b;
    }
    /* lines with the same text (two hijacks' same miss): one, with how many times */
    for (size_t i = 0; i < n; i++) {
        if (group[i] >= 0)
            continue;
        size_t times = 1;
        for (size_t j = i + 1; j < n; j++)
            if (group[j] < 0 && s->feedback[j].rule == s->feedback[i].rule &&
                strcmp(s->feedback[j].text, s->feedback[i].text) == 0) {
                group[j] = (int32_t)i;
                group[i] = (int32_t)i;
                times++;
                s->feedback[i].count += s->feedback[j].count;
                s->feedback[i].cost += s->feedback[j].cost;
                if (s->feedback[j].severity > s->feedback[i].severity)
                    s->feedback[i].severity = s->feedback[j].severity;
            }
        if (times > 1) {
            char t[24];
            snprintf(t, sizeof t, "%zu", times);
            const char *names[] = {"text", "times"};
            const char *values[] = {s->feedback[i].text, t};
            sd_buf text = SD_BUF_INIT;
            sd_texts_format(c->tx, "fb.times", &text, 2, names, values);
            const char *x = arena_str(c, &text);
            sd_buf_free(&text);
            if (x)
                s->feedback[i].text = x;
            s->feedback[i].item = -1;
        }
    }
    /* keep the lines outside groups and each group's merged line */
    size_t out = 0;
    for (size_t i = 0; i < n; i++)
        if (group[i] < 0 || (size_t)group[i] == i) {
            pv->meta[out] = pv->meta[i];
            s->feedback[out++] = s->feedback[i];
        }
    s->n_feedback = out;
    free(refs);
    free(group);
}

/* Severity first (critical faults above misses of form), then the points lost. */
static int cmp_feedback(const void *a, const void *b)
{
    const sd_feedback *x = a, *y = b;
    if (x->severity != y->severity)
        return x->severity < y->severity ? 1 : -1;
    if (x->cost != y->cost)
        return x->cost < y->cost ? 1 : -1;
    if (x->item != y->item)
        return x->item < y->item ? -1 : 1;
    return strcmp(x->text, y->text);
}

sd_status sd_score_compute_reviewed(const sd_results *r, const sd_lexicons *lx,
                                    const sd_texts *tx, const struct sd_reviews *rv,
                                    sd_score **out, sd_error *err)
{
    *out = NULL;
    const sd_rec_header *h = sd_results_header(r);
    if (h == NULL)
        return sd_error_set(err, SD_ERR_INPUT, "nothing to score: the log has no header");
    sd_score *s = calloc(1, sizeof *s);
    if (s == NULL || (s->priv = calloc(1, sizeof *s->priv)) == NULL) {
        free(s);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    s->priv->lx = lx;
    ctx c = {.r = r, .h = h, .p = &h->scoring, .tx = tx, .s = s, .rv = rv};
    double wsum = h->scoring.w_speed + h->scoring.w_tone + h->scoring.w_escalation;
    s->weights[0] = h->scoring.w_speed / wsum;
    s->weights[1] = h->scoring.w_tone / wsum;
    s->weights[2] = h->scoring.w_escalation / wsum;
    s->n_items = sd_results_n_items(r);
    s->items = calloc(s->n_items ? s->n_items : 1, sizeof *s->items);
    if (s->items == NULL) {
        sd_score_free(s);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    prepare_context(&c);
    if (!c.oom)
        check_replies(&c);
    c.dim = 0;
    if (!c.oom)
        score_speed(&c);
    c.dim = 1;
    if (!c.oom)
        score_tone(&c);
    c.dim = 2;
    if (!c.oom) {
        score_items_escalation(&c);
        flush_fault_sums(&c);
        score_hijacks(&c);
        score_crisis(&c);
        score_loose_escalations(&c);
    }
    free(c.answered);
    free(c.reply_of);
    free(c.says);
    if (c.oom) {
        sd_score_free(s);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory while scoring");
    }
    double base = c.esc_possible > 0 ? 100.0 * c.esc_earned / c.esc_possible : 100.0;
    double esc = base - c.esc_penalty - c.unneeded_penalty;
    if (esc < 0)
        s->overflow[2] = -esc > OVERFLOW_CAP ? OVERFLOW_CAP : -esc;
    s->escalation = esc < 0 ? 0 : esc > 100 ? 100 : esc;
    /* Missed points of the escalation dimension were recorded as negative shares of its
     * possible total; faults and penalties already in overall points. */
    for (size_t i = 0; i < s->n_feedback; i++)
        if (s->feedback[i].dimension == 2 && s->feedback[i].cost < 0)
            s->feedback[i].cost = c.esc_possible > 0
                                      ? -s->feedback[i].cost * 100.0 / c.esc_possible * s->weights[2]
                                      : 0;
    /* Penalties do not stop at a dimension's 0: what goes past it (up to OVERFLOW_CAP
     * points of the dimension) is charged to the overall score, so that a serious fault
     * costs its points whatever else was done. */
    double overall = s->weights[0] * s->speed + s->weights[1] * s->tone +
                     s->weights[2] * s->escalation - s->weights[1] * s->overflow[1] -
                     s->weights[2] * s->overflow[2];
    s->overall = overall < 0 ? 0 : overall;
    /* The feedback explains exactly the points lost: when penalties went past what a
     * dimension (or the overall score) could lose, the lines share the points lost. */
    double lost_esc = s->weights[2] * (100 - s->escalation + s->overflow[2]), esc_cost = 0;
    for (size_t i = 0; i < s->n_feedback; i++)
        if (s->feedback[i].dimension == 2)
            esc_cost += s->feedback[i].cost;
    if (esc_cost > lost_esc && esc_cost > 0)
        for (size_t i = 0; i < s->n_feedback; i++)
            if (s->feedback[i].dimension == 2)
                s->feedback[i].cost *= lost_esc / esc_cost;
    double lost_tone = s->weights[1] * (100 - s->tone + s->overflow[1]), tone_cost = 0;
    for (size_t i = 0; i < s->n_feedback; i++)
        if (s->feedback[i].dimension == 1)
            tone_cost += s->feedback[i].cost;
    if (tone_cost > lost_tone && tone_cost > 0)
        for (size_t i = 0; i < s->n_feedback; i++)
            if (s->feedback[i].dimension == 1)
                s->feedback[i].cost *= lost_tone / tone_cost;
    double total = 0;
    for (size_t i = 0; i < s->n_feedback; i++)
        total += s->feedback[i].cost;
    if (total > 100 - s->overall && total > 0)
        for (size_t i = 0; i < s->n_feedback; i++)
            s->feedback[i].cost *= (100 - s->overall) / total;
    feedback_merge(&c);
    if (s->n_feedback > 1)
        qsort(s->feedback, s->n_feedback, sizeof *s->feedback, cmp_feedback);
    /* What went well, and the crisis as it was handled. */
    sd_status st = c.oom ? sd_error_set(err, SD_ERR_MEMORY, "out of memory while scoring") : SD_OK;
    if (st == SD_OK)
        st = sd_strengths_compute(r, s, tx, &s->priv->arena, &s->strengths, &s->n_strengths, err);
    if (st == SD_OK)
        st = sd_timeline_compute(r, tx, &s->timeline, err);
    if (st != SD_OK) {
        sd_score_free(s);
        return st;
    }
    *out = s;
    return SD_OK;
}

sd_status sd_score_compute(const sd_results *r, const sd_lexicons *lx, const sd_texts *tx,
                           sd_score **out, sd_error *err)
{
    return sd_score_compute_reviewed(r, lx, tx, NULL, out, err);
}

void sd_score_free(sd_score *s)
{
    if (s == NULL)
        return;
    free(s->items);
    free(s->replies);
    free(s->feedback);
    free(s->hours);
    free(s->strengths);
    sd_timeline_free(s->timeline);
    sd_cover_free(s->cover);
    if (s->priv) {
        free(s->priv->meta);
        sd_arena_free(&s->priv->arena);
        free(s->priv->names);
        sd_spell_extra_free(s->priv->words);
        for (size_t i = 0; i < s->priv->kp_index.n; i++)
            sd_kp_free(s->priv->kps[i].kp);
        free(s->priv->kps);
        ptr_index_free(&s->priv->kp_index);
    }
    free(s->priv);
    free(s);
}

/* ---- JSON ---- */

void sd_score_write_top(const sd_score *s, const sd_results *r, sd_jsonw *w)
{
    (void)r;
    sd_jsonw_key(w, "scores");
    sd_jsonw_object_begin(w);
    sd_jsonw_kdouble(w, "speed", round(s->speed * 10) / 10);
    sd_jsonw_kdouble(w, "tone", round(s->tone * 10) / 10);
    sd_jsonw_kdouble(w, "escalation", round(s->escalation * 10) / 10);
    sd_jsonw_kdouble(w, "overall", round(s->overall * 10) / 10);
    sd_jsonw_key(w, "weights");
    sd_jsonw_object_begin(w);
    sd_jsonw_kdouble(w, "speed", round(s->weights[0] * 1000) / 1000);
    sd_jsonw_kdouble(w, "tone", round(s->weights[1] * 1000) / 1000);
    sd_jsonw_kdouble(w, "escalation", round(s->weights[2] * 1000) / 1000);
    sd_jsonw_object_end(w);
    sd_jsonw_object_end(w);
    sd_jsonw_key(w, "figures");
    sd_jsonw_object_begin(w);
    sd_jsonw_kint(w, "expecting_answer", (int64_t)s->expecting);
    sd_jsonw_kint(w, "on_time", (int64_t)s->on_time);
    sd_jsonw_kint(w, "late", (int64_t)s->late);
    sd_jsonw_kint(w, "unanswered", (int64_t)s->unanswered);
    sd_jsonw_kint(w, "replies_checked", (int64_t)s->n_replies);
    if (s->median_answer >= 0) {
        sd_jsonw_kdouble(w, "median_answer_seconds", s->median_answer);
        sd_jsonw_kdouble(w, "p90_answer_seconds", s->p90_answer);
    }
    sd_jsonw_key(w, "storm_hours");
    sd_jsonw_array_begin(w);
    for (size_t i = 0; i < s->n_hours; i++) {
        const sd_storm_hour *h = &s->hours[i];
        sd_jsonw_object_begin(w);
        sd_jsonw_kstring(w, "storm", h->storm);
        sd_jsonw_ktime(w, "hour", h->hour);
        sd_jsonw_kint(w, "comments", (int64_t)h->comments);
        sd_jsonw_kint(w, "answered", (int64_t)h->answered);
        if (h->median_answer >= 0)
            sd_jsonw_kdouble(w, "median_answer_seconds", h->median_answer);
        sd_jsonw_object_end(w);
    }
    sd_jsonw_array_end(w);
    if (s->cover && s->cover->n_themes > 0) {
        static const char *const by_names[] = {"none", "reply", "colleague", "statement", "pin"};
        sd_jsonw_kint(w, "colleague_replies", (int64_t)s->cover->colleague_replies);
        sd_jsonw_kint(w, "pins", (int64_t)s->cover->pins);
        sd_jsonw_key(w, "themes");
        sd_jsonw_array_begin(w);
        for (size_t k = 0; k < s->cover->n_themes; k++) {
            const sd_theme_cover *tc = &s->cover->themes[k];
            sd_jsonw_object_begin(w);
            sd_jsonw_kstring(w, "storm", tc->theme->storm);
            sd_jsonw_kstring(w, "id", tc->theme->id);
            sd_jsonw_kint(w, "comments", (int64_t)tc->comments);
            if (tc->comments)
                sd_jsonw_ktime(w, "first", tc->first);
            if (tc->answered_at) {
                sd_jsonw_ktime(w, "answered_at", tc->answered_at);
                sd_jsonw_kstring(w, "answered_by", by_names[tc->by]);
            }
            if (tc->pinned_at)
                sd_jsonw_ktime(w, "pinned_at", tc->pinned_at);
            sd_jsonw_kint(w, "direct", (int64_t)tc->direct);
            sd_jsonw_kint(w, "direct_in_time", (int64_t)tc->direct_in_time);
            sd_jsonw_kint(w, "repeats", (int64_t)tc->repeats);
            sd_jsonw_kint(w, "repeats_covered", (int64_t)tc->repeats_covered);
            sd_jsonw_kint(w, "dangerous", (int64_t)tc->dangerous);
            sd_jsonw_kint(w, "dangerous_in_time", (int64_t)tc->dangerous_in_time);
            sd_jsonw_kint(w, "colleague", (int64_t)tc->colleague);
            sd_jsonw_object_end(w);
        }
        sd_jsonw_array_end(w);
    }
    sd_jsonw_object_end(w);
    const sd_res_item *items = sd_results_items(r);
    sd_jsonw_key(w, "feedback");
    sd_jsonw_array_begin(w);
    for (size_t i = 0; i < s->n_feedback; i++) {
        const sd_feedback *f = &s->feedback[i];
        sd_jsonw_object_begin(w);
        sd_jsonw_kstring(w, "rule", sd_vocab_name(SD_VOCAB_RULE, f->rule));
        if (f->item >= 0)
            sd_jsonw_kstring(w, "item", items[f->item].id);
        else
            sd_jsonw_kstring(w, "item", NULL);
        if (f->storm)
            sd_jsonw_kstring(w, "storm", f->storm);
        sd_jsonw_kint(w, "count", (int64_t)f->count);
        sd_jsonw_kstring(w, "severity", sd_severity_name(f->severity));
        sd_jsonw_kdouble(w, "cost", round(f->cost * 100) / 100);
        sd_jsonw_kstring(w, "text", f->text);
        sd_jsonw_object_end(w);
    }
    sd_jsonw_array_end(w);
    sd_jsonw_key(w, "strengths");
    sd_jsonw_array_begin(w);
    for (size_t i = 0; i < s->n_strengths; i++) {
        sd_jsonw_object_begin(w);
        sd_jsonw_kstring(w, "id", s->strengths[i].id);
        sd_jsonw_kstring(w, "rule", sd_vocab_name(SD_VOCAB_RULE, s->strengths[i].rule));
        sd_jsonw_kstring(w, "text", s->strengths[i].text);
        sd_jsonw_object_end(w);
    }
    sd_jsonw_array_end(w);
    sd_timeline_write_json(s->timeline, w);
}

void sd_score_write_item(const sd_score *s, const sd_results *r, size_t item, sd_jsonw *w)
{
    const sd_item_score *is = &s->items[item];
    if (is->speed >= 0)
        sd_jsonw_kdouble(w, "speed_score", round(is->speed * 10) / 10);
    /* Tone of each reply to this item, details recomputed (the same verdict every time). */
    const sd_res_item *it = &sd_results_items(r)[item];
    const sd_res_action *acts = sd_results_actions(r);
    const sd_rec_header *h = sd_results_header(r);
    bool any = false;
    for (int32_t a = it->first_action; a >= 0; a = acts[a].next) {
        if (!is_reply(&acts[a])) /* the participant's replies: a colleague's are not theirs */
            continue;
        if (!any) {
            sd_jsonw_key(w, "tone");
            sd_jsonw_array_begin(w);
            any = true;
        }
        ctx c = {.r = r, .h = h, .p = &h->scoring, .s = (sd_score *)s};
        set_context(&c);
        sd_tone_input in;
        sd_tone_result tr;
        tone_input(&c, it, &acts[a], &in);
        sd_tone_check_reply(s->priv->lx, &in, &tr);
        const sd_reply_score *rs = NULL; /* replies are in action order: binary search */
        for (size_t lo = 0, hi = s->n_replies; lo < hi && rs == NULL;) {
            size_t mid = lo + (hi - lo) / 2;
            if (s->replies[mid].action == a)
                rs = &s->replies[mid];
            else if (s->replies[mid].action < a)
                lo = mid + 1;
            else
                hi = mid;
        }
        sd_jsonw_object_begin(w);
        sd_jsonw_ktime(w, "reply_at", acts[a].t);
        sd_jsonw_kdouble(w, "score", round((rs ? rs->score : tr.score) * 10) / 10);
        sd_jsonw_kdouble(w, "lix", round(tr.lix * 10) / 10);
        if (rs) {
            sd_jsonw_kbool(w, "answers", rs->counts);
            if (rs->identical)
                sd_jsonw_kbool(w, "identical", true);
            if (rs->keywords)
                sd_jsonw_kbool(w, "keywords", true);
            if (rs->reviewed >= 0)
                sd_jsonw_kint(w, "reviewed", rs->reviewed);
        }
        if (in.kp) {
            const sd_content *ct = sd_kp_content(in.kp);
            sd_jsonw_key(w, "points_met");
            sd_jsonw_array_begin(w);
            for (size_t k = 0; k < ct->n_points; k++)
                if (tr.kp.met >> k & 1)
                    sd_jsonw_string(w, ct->points[k].label);
            sd_jsonw_array_end(w);
            sd_jsonw_key(w, "points_missing");
            sd_jsonw_array_begin(w);
            for (size_t k = 0; k < ct->n_points; k++)
                if (!(tr.kp.met >> k & 1))
                    sd_jsonw_string(w, ct->points[k].label);
            sd_jsonw_array_end(w);
        }
        sd_jsonw_kint(w, "words", tr.words);
        sd_jsonw_key(w, "checks");
        sd_jsonw_array_begin(w);
        for (int k = 0; k < SD_TONE_CHECK_COUNT; k++) {
            sd_jsonw_object_begin(w);
            sd_jsonw_kstring(w, "id", sd_tone_check_id((sd_tone_check)k));
            sd_jsonw_kbool(w, "applies", tr.checks[k].applies);
            sd_jsonw_kbool(w, "pass", tr.checks[k].pass);
            sd_jsonw_kstring(w, "detail", tr.checks[k].detail);
            sd_jsonw_object_end(w);
        }
        sd_jsonw_array_end(w);
        sd_jsonw_key(w, "signals");
        sd_jsonw_object_begin(w);
        for (int k = 0; k < SD_SIGNAL_COUNT; k++)
            sd_jsonw_kbool(w, sd_tone_signal_id((sd_tone_signal)k), tr.signals[k]);
        sd_jsonw_object_end(w);
        sd_jsonw_object_end(w);
    }
    if (any)
        sd_jsonw_array_end(w);
    if (is->esc_on_time | is->esc_late | is->esc_missing | is->esc_unneeded || is->decision >= 0 ||
        is->faults) {
        sd_jsonw_key(w, "verdicts");
        sd_jsonw_object_begin(w);
        sd_jsonw_key(w, "escalations");
        sd_jsonw_array_begin(w);
        static const char *const vname[] = {"on_time", "late", "missing", "unneeded"};
        for (int t = 0; t < SD_TARGET_COUNT; t++) {
            uint32_t bit = 1u << t;
            int v = (is->esc_on_time & bit) ? 0 : (is->esc_late & bit) ? 1
                    : (is->esc_missing & bit) ? 2 : (is->esc_unneeded & bit) ? 3 : -1;
            if (v < 0)
                continue;
            sd_jsonw_object_begin(w);
            sd_jsonw_kstring(w, "target", sd_vocab_name(SD_VOCAB_TARGET, t));
            sd_jsonw_kstring(w, "verdict", vname[v]);
            sd_jsonw_object_end(w);
        }
        sd_jsonw_array_end(w);
        if (is->decision >= 0)
            sd_jsonw_kstring(w, "decision", sd_vocab_name(SD_VOCAB_DECISION, is->decision));
        sd_jsonw_key(w, "faults");
        sd_jsonw_array_begin(w);
        for (int f = 0; f < SD_FAULT_COUNT; f++)
            if (is->faults & (1u << f))
                sd_jsonw_string(w, fault_names[f]);
        sd_jsonw_array_end(w);
        sd_jsonw_object_end(w);
    }
}
