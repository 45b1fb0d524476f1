/* strengths.c - what went well, from the results and their score (strengths.h). */
#include "strengths.h"

#include "coverage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief.h"

#define MAX_THEME_STRENGTHS 3 /* "Alla N frågor om X fick svar i tid": at most this many */
#define MIN_TONE_REPLIES 3    /* a tone strength needs at least this many replies */

typedef struct st_ctx {
    const sd_results *r;
    const sd_score *s;
    const sd_texts *tx;
    const sd_rec_header *h;
    sd_arena *arena;
    sd_strength *list;
    size_t n, cap;
    bool oom;
} st_ctx;

static void add(st_ctx *c, sd_rule rule, const char *id, const char *key, size_t n,
                const char *const *names, const char *const *values)
{
    if (c->oom)
        return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        sd_strength *p = realloc(c->list, cap * sizeof *p);
        if (p == NULL) {
            c->oom = true;
            return;
        }
        c->list = p;
        c->cap = cap;
    }
    sd_buf text = SD_BUF_INIT;
    if (c->tx)
        sd_texts_format(c->tx, key, &text, n, names, values);
    else
        sd_buf_puts(&text, id);
    const char *t = sd_buf_ok(&text) ? sd_arena_strdup(c->arena, sd_buf_str(&text)) : NULL;
    sd_buf_free(&text);
    if (t == NULL) {
        c->oom = true;
        return;
    }
    c->list[c->n++] = (sd_strength){rule, id, t};
}

static void add_count(st_ctx *c, sd_rule rule, const char *id, const char *key, size_t count)
{
    char n[24];
    snprintf(n, sizeof n, "%zu", count);
    const char *names[] = {"count"};
    const char *values[] = {n};
    add(c, rule, id, key, 1, names, values);
}

static void minutes(const st_ctx *c, double secs, char *out, size_t cap)
{
    sd_buf b = SD_BUF_INIT;
    sd_debrief_minutes(c->h->lang, secs < 0 ? 0 : secs, &b);
    snprintf(out, cap, "%s", sd_buf_str(&b));
    sd_buf_free(&b);
}

static bool has_feedback(const sd_score *s, sd_rule rule)
{
    for (size_t i = 0; i < s->n_feedback; i++)
        if (s->feedback[i].rule == rule)
            return true;
    return false;
}

/* The participant's first escalation to target, or 0. */
static sd_time first_escalation(const st_ctx *c, int target)
{
    const sd_res_action *acts = sd_results_actions(c->r);
    for (size_t a = 0; a < sd_results_n_actions(c->r); a++)
        if (acts[a].kind == SD_ACT_ESCALATE && acts[a].target == target && !acts[a].by)
            return acts[a].t;
    return 0;
}

/* Backup, the press officer and the statement, early in a crisis. */
static void crisis(st_ctx *c)
{
    const sd_scoring_params *p = &c->h->scoring;
    if (!p->crisis)
        return;
    sd_time start = p->crisis_start;
    sd_time col = first_escalation(c, SD_TARGET_COLLEAGUE_BACKUP);
    sd_time man = first_escalation(c, SD_TARGET_MANAGER);
    sd_time press = first_escalation(c, SD_TARGET_PRESS_OFFICER);
    char m[32];
    if (col && col <= start + p->backup_within) {
        bool both = man && man <= start + p->backup_within;
        sd_time last = both && man > col ? man : col;
        minutes(c, (double)(last - start), m, sizeof m);
        const char *names[] = {"minutes"};
        const char *values[] = {m};
        add(c, SD_RULE_GET_BACKUP, "backup_early", both ? "st.backup_early" : "st.backup_early.colleague",
            1, names, values);
    }
    if (press && press <= start + p->statement_within) {
        minutes(c, (double)(press - start), m, sizeof m);
        const char *names[] = {"minutes"};
        const char *values[] = {m};
        add(c, SD_RULE_INFORM_UP, "press_informed", "st.press_informed", 1, names, values);
    }
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t na = sd_results_n_actions(c->r);
    sd_time statement = 0;
    bool pinned = false;
    for (size_t a = 0; a < na; a++) {
        if (acts[a].by)
            continue;
        if (acts[a].kind == SD_ACT_PUBLISH && acts[a].t >= start && !statement)
            statement = acts[a].t;
        if (acts[a].kind == SD_ACT_PIN && acts[a].item < 0 && statement && acts[a].t >= statement)
            pinned = true;
    }
    if (statement && !has_feedback(c->s, SD_RULE_SHOW_ACTION)) {
        minutes(c, (double)(statement - start), m, sizeof m);
        const char *names[] = {"minutes"};
        const char *values[] = {m};
        add(c, SD_RULE_SHOW_ACTION, "statement_early",
            pinned ? "st.statement_early.pinned" : "st.statement_early", 1, names, values);
    }
}

/* The colleague's replies: the plain questions they took. */
static void colleague(st_ctx *c)
{
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t na = sd_results_n_actions(c->r), count = 0;
    const char *name = NULL;
    for (size_t a = 0; a < na; a++)
        if (acts[a].by && acts[a].kind == SD_ACT_REPLY) {
            count++;
            if (name == NULL)
                name = acts[a].by;
        }
    if (count == 0)
        return;
    char n[24];
    snprintf(n, sizeof n, "%zu", count);
    const char *names[] = {"name", "count"};
    const char *values[] = {name, n};
    add(c, SD_RULE_GET_BACKUP, "colleague_help",
        count == 1 ? "st.colleague_help.one" : "st.colleague_help", 2, names, values);
}

/* A count's text, or with one the ".one" text naming who: "Alla 3 ..." / "... från X". */
static void add_counted(st_ctx *c, sd_rule rule, const char *id, const char *key, size_t count,
                        const sd_res_item *one)
{
    if (count != 1 || one == NULL) {
        add_count(c, rule, id, key, count);
        return;
    }
    sd_buf who = SD_BUF_INIT, how = SD_BUF_INIT;
    sd_debrief_who(c->tx, one, &who);
    sd_debrief_handling(c->tx, c->r, one, &how);
    char k[64];
    snprintf(k, sizeof k, "%s.one", key);
    const char *names[] = {"who", "how"};
    const char *values[] = {sd_buf_str(&who), sd_buf_str(&how)};
    add(c, rule, id, k, 2, names, values);
    sd_buf_free(&who);
    sd_buf_free(&how);
}

/* What moderation got right: counted once, written in two places of the list. */
typedef struct mod_count {
    size_t n;
    bool ok;
    const sd_res_item *one;  /* the item, when there is one */
} mod_count;

typedef struct mod_counts {
    mod_count threats, criticism, trolls, cases;
    size_t answered;         /* criticism answered */
} mod_counts;

static void count_moderation(const st_ctx *c, mod_counts *m)
{
    const sd_res_item *items = sd_results_items(c->r);
    const sd_score *s = c->s;
    *m = (mod_counts){.threats.ok = true, .criticism.ok = true, .trolls.ok = true, .cases.ok = true};
    for (size_t i = 0; i < s->n_items; i++) {
        const sd_res_item *it = &items[i];
        const sd_expect *e = it->expect;
        const sd_item_score *is = &s->items[i];
        if (sd_debrief_danger(c->r, it) != SD_DANGER_NONE) {
            bool handled = (is->decision == SD_DECISION_HIDE || is->decision == SD_DECISION_REPORT ||
                            (e->ok && is->decision >= 0 && (e->ok & (1u << is->decision)))) &&
                           !is->esc_missing && !is->esc_late && !is->faults;
            m->threats.n++;
            m->threats.one = it;
            m->threats.ok = m->threats.ok && handled;
            continue;
        }
        if (!it->has_author)
            continue;
        if (e->cls == SD_CLASS_TROLL) {
            m->trolls.n++;
            m->trolls.one = it;
            m->trolls.ok = m->trolls.ok &&
                           !(is->faults & ((1u << SD_FAULT_TROLL_REPLY) | (1u << SD_FAULT_DECISION)));
            continue;
        }
        bool critical = e->cls == SD_CLASS_JUSTIFIED_CRITICISM || e->cls == SD_CLASS_DISSATISFIED ||
                        ((it->mood == SD_MOOD_ANGRY || it->mood == SD_MOOD_FRUSTRATED) &&
                         e->cls != SD_CLASS_ILLEGAL);
        if (critical) {
            m->criticism.n++;
            m->criticism.one = it;
            m->answered += is->decision == SD_DECISION_REPLY;
            m->criticism.ok = m->criticism.ok && !(is->faults & ((1u << SD_FAULT_DELETED_CRITICISM) |
                                                                (1u << SD_FAULT_HIDDEN_CRITICISM)));
        }
        if (e->rules & (1ULL << SD_RULE_MOVE_CASE)) {
            m->cases.n++;
            m->cases.one = it;
            m->cases.ok = m->cases.ok && (is->esc_on_time & (1u << SD_TARGET_CASE_HANDLING)) &&
                          !(is->faults & (1u << SD_FAULT_CASE_IN_PUBLIC));
        }
    }
}

/* Themes of the storms answered in time, and the questions answered in time: from the
 * score's coverage of the storms (coverage.h), so that what is praised is what was scored. */
static void coverage(st_ctx *c)
{
    const sd_cover *cv = c->s->cover;
    size_t seen = 0, covered = 0, listed = 0;
    const char *labels[4];
    for (size_t t = 0; cv && t < cv->n_themes && !c->oom; t++) {
        const sd_theme_cover *tc = &cv->themes[t];
        const sd_rec_theme *th = tc->theme;
        if (!sd_debrief_theme_named(th) || th->kind == SD_THEME_THREAT ||
            th->kind == SD_THEME_PERSONAL_DATA || tc->comments == 0)
            continue;
        seen++;
        if (tc->answered_at && tc->answered_at <= tc->due) {
            covered++;
            if (covered <= 3)
                labels[covered - 1] = th->label;
        }
        if (tc->direct >= 2 && tc->direct == tc->direct_in_time && listed < MAX_THEME_STRENGTHS) {
            listed++;
            char n[24];
            snprintf(n, sizeof n, "%zu", tc->direct);
            const char *names[] = {"count", "label"};
            const char *values[] = {n, th->label};
            add(c, SD_RULE_ANSWER_QUESTIONS, "questions_on_time", "st.questions_on_time.theme", 2,
                names, values);
        }
    }
    if (seen >= 2 && covered == seen) {
        sd_buf list = SD_BUF_INIT;
        sd_debrief_list(c->tx, labels, covered <= 3 ? covered : 2, covered, &list);
        char n[24];
        snprintf(n, sizeof n, "%zu", covered);
        const char *names[] = {"count", "labels"};
        const char *values[] = {n, sd_buf_str(&list)};
        add(c, SD_RULE_ACTIVE_IN_COMMENTS, "themes_covered", "st.themes_covered", 2, names, values);
        sd_buf_free(&list);
    }
    const sd_res_item *items = sd_results_items(c->r);
    const sd_score *s = c->s;
    /* the people outside the storms who expected an answer */
    size_t people = 0, on_time = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const sd_res_item *it = &items[i];
        if (it->storm || !it->has_author || !it->expect->answer || s->items[i].speed < 0)
            continue;
        people++;
        on_time += s->items[i].speed >= 100;
    }
    if (people >= 2 && people == on_time)
        add_count(c, SD_RULE_SPEED, "questions_on_time", "st.questions_on_time", people);
}

/* Hijacked accounts secured and followers told, without a miss. */
static void accounts(st_ctx *c)
{
    const sd_res_item *items = sd_results_items(c->r);
    bool hijack = false;
    for (size_t i = 0; i < c->s->n_items && !hijack; i++)
        hijack = items[i].kind == SD_KIND_NOTICE && items[i].expect->steps;
    if (hijack && !has_feedback(c->s, SD_RULE_SECURE_ACCOUNTS))
        add(c, SD_RULE_SECURE_ACCOUNTS, "account_secured", "st.account_secured", 0, NULL, NULL);
}

/* Repeated questions referred to an earlier answer. */
static void repeats(st_ctx *c)
{
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t count = 0;
    for (size_t a = 0; a < sd_results_n_actions(c->r); a++)
        count += acts[a].kind == SD_ACT_REFER_PREVIOUS && !acts[a].by;
    if (count >= 2)
        add_count(c, SD_RULE_REPEAT_ONCE, "repeats_referred", "st.repeats_referred", count);
}

/* The form of the participant's replies, when every one of enough of them got it right. */
static void tone(st_ctx *c)
{
    const sd_score *s = c->s;
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t n = 0, greet[2] = {0}, ack[2] = {0}, link[2] = {0}, answers[2] = {0}, polite = 0;
    for (size_t i = 0; i < s->n_replies; i++) {
        const sd_reply_score *rs = &s->replies[i];
        if (acts[rs->action].by)
            continue;
        n++;
        bool g = (rs->applies >> SD_TONE_GREETING & 1) && (rs->applies >> SD_TONE_SIGNOFF & 1);
        greet[0] += g;
        greet[1] += g && (rs->pass >> SD_TONE_GREETING & 1) && (rs->pass >> SD_TONE_SIGNOFF & 1);
        ack[0] += rs->applies >> SD_TONE_ACKNOWLEDGE & 1;
        ack[1] += (rs->applies & rs->pass) >> SD_TONE_ACKNOWLEDGE & 1;
        link[0] += rs->applies >> SD_TONE_LINK & 1;
        link[1] += (rs->applies & rs->pass) >> SD_TONE_LINK & 1;
        answers[0] += rs->applies >> SD_TONE_ANSWERS & 1;
        answers[1] += (rs->applies >> SD_TONE_ANSWERS & 1) && (rs->pass >> SD_TONE_ANSWERS & 1) &&
                      !rs->identical && !rs->keywords && (rs->need == 0 || rs->n_met >= rs->need);
        bool rude = false;
        for (int k = 0; k < SD_TONE_CHECK_COUNT; k++)
            rude = rude || (sd_tone_check_serious((sd_tone_check)k) && (rs->applies >> k & 1) &&
                            !(rs->pass >> k & 1));
        polite += !rude;
    }
    if (answers[0] >= MIN_TONE_REPLIES && answers[0] == answers[1])
        add_count(c, SD_RULE_ANSWER_QUESTIONS, "answers_complete", "st.answers_complete", answers[0]);
    if (ack[0] >= 2 && ack[0] == ack[1])
        add_count(c, SD_RULE_ACKNOWLEDGE, "acknowledged", "st.acknowledged", ack[0]);
    if (n >= MIN_TONE_REPLIES && polite == n)
        add_count(c, SD_RULE_COURTEOUS, "courteous", "st.courteous", n);
    if (greet[0] >= MIN_TONE_REPLIES && greet[0] == greet[1])
        add_count(c, SD_RULE_GREETING, "greeting_signoff", "st.greeting_signoff", greet[0]);
    if (link[0] >= 2 && link[0] == link[1])
        add_count(c, SD_RULE_LINK, "links", "st.links", link[0]);
}

static void moderation_first(st_ctx *c, const mod_counts *m)
{
    if (m->threats.n && m->threats.ok)
        add_counted(c, SD_RULE_RESPONSE_MODEL, "threats_handled", "st.threats_handled", m->threats.n,
                    m->threats.one);
}

static void moderation_rest(st_ctx *c, const mod_counts *m)
{
    if (m->criticism.n && m->criticism.ok && m->answered)
        add_counted(c, SD_RULE_RESPONSE_MODEL, "no_deleted_criticism", "st.no_deleted_criticism",
                    m->criticism.n, m->criticism.one);
    if (m->cases.n && m->cases.ok)
        add_counted(c, SD_RULE_MOVE_CASE, "cases_moved", "st.cases_moved", m->cases.n, m->cases.one);
    if (m->trolls.n && m->trolls.ok && c->s->n_replies > 0) /* not for doing nothing at all */
        add_counted(c, SD_RULE_RESPONSE_MODEL, "trolls_left", "st.trolls_left", m->trolls.n,
                    m->trolls.one);
}

sd_status sd_strengths_compute(const sd_results *r, const sd_score *s, const sd_texts *tx,
                               sd_arena *arena, sd_strength **out, size_t *n, sd_error *err)
{
    *out = NULL;
    *n = 0;
    const sd_rec_header *h = sd_results_header(r);
    if (h == NULL)
        return sd_error_set(err, SD_ERR_INPUT, "no strengths: the log has no header");
    st_ctx c = {.r = r, .s = s, .tx = tx, .h = h, .arena = arena};
    /* most important first: the dangerous items, the crisis process, coverage, criticism
     * and cases, then form */
    mod_counts m;
    count_moderation(&c, &m);
    moderation_first(&c, &m);
    crisis(&c);
    accounts(&c);
    colleague(&c);
    coverage(&c);
    moderation_rest(&c, &m);
    repeats(&c);
    tone(&c);
    if (c.oom) {
        free(c.list);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory finding the strengths");
    }
    *out = c.list;
    *n = c.n;
    return SD_OK;
}
