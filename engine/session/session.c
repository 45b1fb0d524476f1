/* session.c - the discrete-event simulation of one exercise: scheduled items, storms (each
 * comment's theme, direct flag and expectation), hijacked accounts, the audience model (per
 * item and per storm theme), simulated colleagues, participant actions and their
 * validation (pin included). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../guideline/answer.h"
#include "../log/limits.h"
#include "../scenario/names.h"
#include "../scenario/scenario_lua.h"
#include "../util/bigalloc.h"
#include "../util/utf8.h"
#include "session_internal.h"

#define TICK_SECONDS 60
#define STATE_EVERY_TICKS 5
#define MAX_ACTION_TEXT SD_MAX_TEXT_BYTES

void sd_action_init(sd_action *a, sd_action_kind kind)
{
    memset(a, 0, sizeof *a);
    a->kind = kind;
    a->target = -1;
    a->step = -1;
}

void sd_inject_init(sd_inject *inj, sd_kind kind)
{
    memset(inj, 0, sizeof *inj);
    inj->kind = kind;
    inj->sender = -1;
    inj->mood = -1;
}

/* ---- records ---- */

static int64_t wall_ms(const sd_session *s)
{
    if (s->cfg.no_wall_clock)
        return 0;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)(now.tv_sec - s->wall0.tv_sec) * 1000 +
           (now.tv_nsec - s->wall0.tv_nsec) / 1000000;
}

sd_status sd_session_emit(sd_session *s, const sd_record *rec0, sd_error *err)
{
    sd_record rec = *rec0;
    rec.wall_ms = wall_ms(s);
    sd_status st;
    bool logged = false;
    /* Resuming: records the log already holds are checked against it, not written again. */
    if (s->catchup && (st = sd_catchup_match(s->catchup, s, &rec, &logged, err)) != SD_OK)
        return st;
    if (!logged && s->cfg.log && (st = sd_logw_write(s->cfg.log, &rec, err)) != SD_OK)
        return st;
    if (s->cfg.results && (st = sd_results_add(s->cfg.results, &rec, err)) != SD_OK)
        return st;
    for (size_t i = 0; i < s->n_observers; i++)
        if ((st = s->observers[i].fn(s->observers[i].ctx, s, &rec, err)) != SD_OK)
            return st;
    return SD_OK;
}

sd_status sd_session_schedule(sd_session *s, sd_time t, int kind, int32_t a, int32_t b,
                              sd_error *err)
{
    sd_event ev = {.t = t, .kind = kind, .a = a, .b = b};
    return sd_queue_push(&s->events, ev, err);
}

/* A storm comment's id is "<storm>-<n>": its index is at storms[i].index_of[n - 1]. */
static bool find_storm_comment(const sd_session *s, const char *id, uint32_t *index)
{
    for (size_t i = 0; i < s->sc->n_storms; i++) {
        const char *digits = sd_generated_suffix(id, s->sc->storms[i].id);
        if (digits == NULL || !sd_all_digits(digits) || strlen(digits) > 12)
            continue;
        unsigned long long n = strtoull(digits, NULL, 10);
        const storm_rt *rt = &s->storms[i];
        if (n < 1 || n > rt->n)
            continue;
        uint32_t idx = rt->index_of[n - 1];
        if (strcmp(s->items[idx].id, id) != 0)
            continue;
        if (index)
            *index = idx;
        return true;
    }
    return false;
}

bool sd_session_find(const sd_session *s, const char *id, uint32_t *index)
{
    return find_storm_comment(s, id, index) || sd_strmap_get(&s->ids, id, index);
}

/* ---- creation ---- */

static void storm_expects(storm_rt *rt, const sd_storm *st)
{
    for (int m = 0; m < SD_MOOD_COUNT; m++) {
        if (m == SD_MOOD_TROLL) {
            rt->expects[m] = st->troll_expect;
        } else {
            rt->expects[m] = st->expect;
            rt->expects[m].acknowledge = m == SD_MOOD_FRUSTRATED || m == SD_MOOD_ANGRY;
        }
        rt->repeat_expects[m] = rt->expects[m];
        rt->repeat_expects[m].rules |= 1ULL << SD_RULE_REPEAT_ONCE;
    }
}

/* What a themed comment expects (docs/scenario-api.md, "Storm themes"): a direct comment
 * of a question, complaint or rumour an answer within the theme's target, with the theme's
 * content and link; the others and every repeat no answer of their own (a reply is allowed
 * and scored for tone). Threats and personal data are illegal content, never answered in
 * public. An implicit theme keeps the storm's expect (its class, content and link). */
static void theme_expects(theme_rt *rt, const sd_storm *st)
{
    const sd_storm_theme *th = rt->def;
    for (int m = 0; m < SD_MOOD_COUNT; m++)
        for (int d = 0; d < 2; d++)
            for (int r = 0; r < 2; r++) {
                sd_expect *e = &rt->expects[m][d][r];
                if (th->kind == SD_THEME_THREAT || th->kind == SD_THEME_PERSONAL_DATA) {
                    sd_expect_defaults(e, SD_KIND_COMMENT, SD_MOOD_ANGRY);
                    e->answer = false;
                    e->acknowledge = false;
                    e->cls = SD_CLASS_ILLEGAL;
                    e->within = th->within;
                    e->weight = 2;
                    e->ok = (1u << SD_DECISION_HIDE) | (1u << SD_DECISION_REPORT);
                    e->fault = (1u << SD_DECISION_MONITOR) | (1u << SD_DECISION_REPLY);
                    e->rules = 1ULL << SD_RULE_RESPONSE_MODEL;
                    if (th->kind == SD_THEME_THREAT) {
                        e->fault |= 1u << SD_DECISION_DELETE; /* it destroys the evidence */
                        e->escalate = 1u << SD_TARGET_LEGAL;
                        e->rules |= 1ULL << SD_RULE_ACT_FAST;
                    } else {
                        e->rules |= 1ULL << SD_RULE_PRIVATE_DATA;
                    }
                } else {
                    *e = st->expect;
                    if (!th->implicit) {
                        static const sd_class cls[] = {
                            [SD_THEME_QUESTION] = SD_CLASS_QUESTION,
                            [SD_THEME_COMPLAINT] = SD_CLASS_DISSATISFIED,
                            [SD_THEME_RUMOUR] = SD_CLASS_MISUNDERSTANDING};
                        e->cls = cls[th->kind];
                        e->content = th->content;
                        e->link = th->link;
                        e->within = th->within;
                    }
                    e->acknowledge = m == SD_MOOD_FRUSTRATED || m == SD_MOOD_ANGRY;
                    bool own = d && !r;
                    e->answer = e->answer && own;
                    if (!own) {
                        e->escalate = 0;
                        e->escalate_within = 0;
                        e->escalate_within_given = false;
                    }
                }
                /* A repeat, and a direct question of a theme already answered, are answered
                 * by referring to the earlier answer (refer_previous). */
                if (r || (d && e->answer))
                    e->rules |= 1ULL << SD_RULE_REPEAT_ONCE;
            }
}

static void hijack_expects(hijack_rt *rt, const sd_hijack *h)
{
    sd_expect_defaults(&rt->notice_expect, SD_KIND_NOTICE, SD_MOOD_CALM);
    rt->notice_expect.escalate = 1u << SD_TARGET_IT_SECURITY;
    rt->notice_expect.within = 15 * 60;
    rt->notice_expect.rules = 1ULL << SD_RULE_SECURE_ACCOUNTS;
    rt->notice_expect.weight = 2;
    rt->notice_expect.steps = h->steps;
    rt->notice_expect.person = h->former;
    rt->notice_expect.statement = h->message; /* what the message to the followers says */
    sd_expect_defaults(&rt->post_expect, SD_KIND_ATTACKER_POST, SD_MOOD_CALM);
    rt->post_expect.ok = 1u << SD_DECISION_DELETE;
    rt->post_expect.rules = 1ULL << SD_RULE_SECURE_ACCOUNTS;
}

static const char *item_key(const void *ctx, uint32_t i)
{
    return ((const sd_session *)ctx)->items[i].id;
}

static const char *injected_key(const void *ctx, uint32_t i)
{
    return ((const sd_session *)ctx)->injected[i]->id;
}

sd_status sd_session_create(const sd_session_config *cfg, sd_session **out, sd_error *err)
{
    *out = NULL;
    if (cfg == NULL || cfg->scenario == NULL)
        return sd_error_set(err, SD_ERR_USAGE, "sd_session_create: no scenario");
    sd_session *s = calloc(1, sizeof *s);
    if (s == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    s->sc = cfg->scenario;
    s->cfg = *cfg;
    s->cfg.participant = sd_arena_strdup(&s->arena, cfg->participant ? cfg->participant : "Deltagare");
    s->cfg.participant_kind = sd_arena_strdup(&s->arena, cfg->participant_kind ? cfg->participant_kind : "person");
    s->cfg.participant_path = sd_arena_strdup(&s->arena, cfg->participant_path);
    s->cfg.participant_sha256 = sd_arena_strdup(&s->arena, cfg->participant_sha256);
    if (cfg->date && !sd_date_valid(cfg->date)) {
        sd_status st = sd_error_set(err, SD_ERR_USAGE, "the date '%s' is not a date of the form YYYY-MM-DD", cfg->date);
        sd_arena_free(&s->arena);
        free(s);
        return st;
    }
    s->cfg.date = sd_arena_strdup(&s->arena, cfg->date);
    uint64_t seed = cfg->seed_set ? cfg->seed : s->sc->seed;
    s->cfg.seed = seed;
    sd_rng_seed(&s->rng, seed);
    sd_queue_init(&s->events);
    sd_queue_init(&s->deadlines);
    sd_strmap_init(&s->ids, item_key, s);
    sd_strmap_init(&s->injected_ids, injected_key, s);
    s->now = s->sc->start;
    s->end = s->sc->start + s->sc->duration;
    sd_clock_init(&s->clock, s->now, s->sc->compression);
    s->intensity = 1.0;
    s->storms = calloc(s->sc->n_storms ? s->sc->n_storms : 1, sizeof *s->storms);
    s->hijacks = calloc(s->sc->n_hijacks ? s->sc->n_hijacks : 1, sizeof *s->hijacks);
    s->when_fired = calloc(s->sc->n_hooks ? s->sc->n_hooks : 1, sizeof *s->when_fired);
    if (!s->storms || !s->hijacks || !s->when_fired || !s->cfg.participant) {
        sd_session_destroy(s);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    s->pin_item = -1;
    for (size_t i = 0; i < s->sc->n_storms; i++)
        s->n_themes += s->sc->storms[i].n_themes;
    s->themes = calloc(s->n_themes ? s->n_themes : 1, sizeof *s->themes);
    s->rec_themes = calloc(s->n_themes ? s->n_themes : 1, sizeof *s->rec_themes);
    if (!s->themes || !s->rec_themes) {
        sd_session_destroy(s);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    size_t nt = 0;
    for (size_t i = 0; i < s->sc->n_storms; i++) {
        const sd_storm *st = &s->sc->storms[i];
        storm_rt *rt = &s->storms[i];
        sd_rng_fork(&s->rng, &rt->rng);
        rt->scale = st->curve_area > 0 ? st->count / st->curve_area : 0;
        rt->mult = 1.0;
        storm_expects(rt, st);
        rt->first_theme = (uint32_t)nt;
        for (size_t k = 0; k < st->n_themes; k++, nt++) {
            theme_rt *tr = &s->themes[nt];
            tr->def = &st->themes[k];
            tr->storm = (uint32_t)i;
            theme_expects(tr, st);
            s->rec_themes[nt] = (sd_rec_theme){.storm = st->id, .id = tr->def->id,
                                               .label = tr->def->label, .kind = tr->def->kind,
                                               .within = tr->def->within,
                                               .content = tr->def->content};
        }
    }
    for (size_t i = 0; i < s->sc->n_hijacks; i++)
        hijack_expects(&s->hijacks[i], &s->sc->hijacks[i]);
    sd_expect_defaults(&s->colleague_note_expect, SD_KIND_INTERNAL, SD_MOOD_CALM);
    /* Scenario scripts see this session's random stream and run-time API. */
    sd_status rs = sd_sandbox_reseed(s->sc->sb, seed, err);
    if (rs != SD_OK) {
        sd_session_destroy(s);
        return rs;
    }
    rs = sd_session_lua_register(s, err);
    if (rs != SD_OK) {
        sd_session_destroy(s);
        return rs;
    }
    *out = s;
    return SD_OK;
}

void sd_session_destroy(sd_session *s)
{
    if (s == NULL)
        return;
    sd_queue_free(&s->events);
    sd_queue_free(&s->deadlines);
    sd_strmap_free(&s->ids);
    sd_strmap_free(&s->injected_ids);
    free(s->items);
    free(s->injected);
    free(s->pending);
    free(s->plain);
    sd_buf_free(&s->colleague_text);
    for (size_t i = 0; s->storms && i < s->sc->n_storms; i++)
        free(s->storms[i].index_of);
    free(s->storms);
    free(s->themes);
    free(s->rec_themes);
    free(s->hijacks);
    free(s->when_fired);
    sd_buf_free(&s->scratch);
    sd_error_clear(&s->deferred);
    sd_arena_free(&s->arena);
    free(s->draft_item);
    free(s->draft_text);
    free(s);
}

sd_status sd_session_add_sandbox(sd_session *s, const sd_sandbox *sb, sd_error *err)
{
    if (s->n_budget_sb == sizeof s->budget_sb / sizeof s->budget_sb[0])
        return sd_error_set(err, SD_ERR_USAGE, "too many participants' sandboxes");
    s->budget_sb[s->n_budget_sb++] = sb;
    return SD_OK;
}

size_t sd_session_budget_used(const sd_session *s)
{
    size_t used = s->arena.used_total + s->sc->arena.used_total +
                  s->n_items * sizeof(sd_item) + s->cap_pending * sizeof(pending_action) +
                  s->cap_injected * sizeof(sd_item_def *) + s->cap_plain * sizeof(uint32_t) +
                  sd_sandbox_memory(s->sc->sb);
    for (size_t i = 0; i < s->n_budget_sb; i++)
        used += sd_sandbox_memory(s->budget_sb[i]);
    return used;
}

sd_status sd_session_budget_check(sd_session *s, const char *file, const char *what,
                                  sd_error *err)
{
    size_t limit = s->cfg.memory_budget ? s->cfg.memory_budget : SD_EXERCISE_BUDGET_DEFAULT;
    if (sd_session_budget_used(s) <= limit)
        return SD_OK;
    return sd_error_set(err, SD_ERR_MEMORY, "%s: the exercise's memory budget of %zu MiB is "
                        "used up (by %s)", file, limit >> 20, what);
}

sd_status sd_session_add_observer(sd_session *s, sd_observer_fn fn, void *ctx, sd_error *err)
{
    if (s->n_observers == sizeof s->observers / sizeof s->observers[0])
        return sd_error_set(err, SD_ERR_USAGE, "too many observers");
    s->observers[s->n_observers++] = (observer){fn, ctx};
    return SD_OK;
}

/* ---- items ---- */

/* Storm comments' ids are unique by construction (no declared or injected id may take
 * their form) and are found through the storm's index_of: they stay out of the id map. */
static sd_status add_item(sd_session *s, sd_item *it, sd_error *err)
{
    /* Storm comments and their texts, injects and hijack posts: what the scenario made. */
    if ((s->n_items & 255) == 0 &&
        sd_session_budget_check(s, s->sc->display, it->storm_id ? "storm comments" : "items", err) != SD_OK)
        return SD_ERR_MEMORY;
    if (s->n_items == s->cap_items) {
        size_t cap = s->cap_items ? s->cap_items * 2 : 256;
        sd_item *p = realloc(s->items, cap * sizeof *p);
        if (p == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        s->items = p;
        s->cap_items = cap;
    }
    uint32_t idx = (uint32_t)s->n_items;
    s->items[idx] = *it; /* the map reads the key from here */
    if (it->storm_id) {
        s->n_items++;
        return SD_OK;
    }
    sd_status st = sd_strmap_put(&s->ids, it->id, idx);
    if (st == SD_ERR_INPUT)
        return sd_error_set(err, SD_ERR_INPUT, "%s: item id '%s' is used twice", s->sc->display, it->id);
    if (st != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    s->n_items++;
    return SD_OK;
}

static sd_time deadline_for(const sd_session *s, const sd_expect *e, sd_time arrival)
{
    if (!e->answer && !e->escalate)
        return 0;
    if (e->within)
        return arrival + e->within;
    return sd_calendar_deadline(&s->sc->calendar, arrival, 24);
}

static void fill_rec_item(const sd_session *s, const sd_item *it, sd_rec_item *r)
{
    memset(r, 0, sizeof *r);
    r->id = it->id;
    r->kind = (sd_kind)it->kind;
    r->author_id = it->author_id;
    r->first = it->first;
    r->last = it->last;
    r->handle = it->handle;
    r->mood = (sd_mood)it->mood;
    r->sender = it->sender;
    r->parent = it->parent >= 0 ? s->items[it->parent].id : NULL;
    r->text = it->text;
    r->repeat_of = it->repeat_of;
    r->storm = it->storm_id;
    r->theme = it->theme ? s->themes[it->theme - 1].def->id : NULL;
    r->direct = (it->flags & SD_ITEM_DIRECT) != 0;
    if (it->def) {
        r->title = it->def->title;
        r->outlet = it->def->outlet;
        r->url = it->def->url;
    }
    if (it->def && it->kind == SD_KIND_POST) {
        r->own_platform = it->def->own_platform;
        r->image = it->def->image;
        r->image_alt = it->def->image_alt;
        r->link_title = it->def->link_title;
        r->link_site = it->def->link_site;
    }
    r->by = it->by_facilitator ? "facilitator" : NULL;
    r->deadline = it->deadline;
    r->expect = it->expect;
    r->index = it - s->items;
}

/* ---- plain questions (what a simulated colleague may answer) ---- */

/* A plain question (docs/scenario-api.md, "colleague"): a comment that asks for facts the
 * scenario's model answer gives, from a calm or worried author, expecting an answer, with
 * no escalation and no case to move, not a repeat. A declared or injected comment is of
 * class question; a storm comment is a direct one of a question theme. Whether it still
 * waits (not answered, hidden or deleted) is checked when a colleague is about to answer. */
static bool plain_question(const sd_session *s, const sd_item *it)
{
    const sd_expect *e = it->expect;
    if (it->kind != SD_KIND_COMMENT || (it->first == NULL && it->handle == NULL) ||
        it->repeat_of != NULL)
        return false;
    if (it->mood != SD_MOOD_CALM && it->mood != SD_MOOD_WORRIED)
        return false;
    /* (A direct storm question may be referred to its theme's answer: its repeat_once rule
     * does not make it a repeat.) */
    uint64_t not_plain = (1ULL << SD_RULE_MOVE_CASE) |
                         (it->storm_id ? 0 : (1ULL << SD_RULE_REPEAT_ONCE));
    if (!e->answer || e->escalate != 0 || (e->rules & not_plain) || e->content == NULL ||
        e->content->model == NULL)
        return false;
    if (it->storm_id) { /* a direct question of a question theme */
        const sd_storm_theme *th = sd_session_item_theme(s, it);
        return (it->flags & SD_ITEM_DIRECT) && th != NULL && th->kind == SD_THEME_QUESTION;
    }
    return e->cls == SD_CLASS_QUESTION;
}

static sd_status push_plain(sd_session *s, uint32_t idx, sd_error *err)
{
    if (s->n_plain == s->cap_plain) {
        size_t cap = s->cap_plain ? s->cap_plain * 2 : 256;
        uint32_t *p = realloc(s->plain, cap * sizeof *p);
        if (p == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        s->plain = p;
        s->cap_plain = cap;
    }
    s->plain[s->n_plain++] = idx;
    return SD_OK;
}

/* A hidden comment still waits: its author (and on Facebook their friends) still sees it,
 * so hiding it answers nothing (docs/scoring.md, "Platform conventions"). */
static bool still_waits(const sd_item *it)
{
    return it->answered_at == 0 && !(it->flags & SD_ITEM_DELETED);
}

/* A plain question a colleague may take: still waiting, and not one the participant
 * hid (a colleague keeps to the participant's moderation; a hidden comment still waits
 * for the participant's own answer). */
static bool colleague_may_take(const sd_item *it)
{
    return still_waits(it) && !(it->flags & SD_ITEM_HIDDEN);
}

/* The oldest plain question a colleague may take, or -1. Those passed over are never
 * taken later (an answer, a hide or a delete is for good), so the cursor only moves
 * forward: every plain question is looked at about once over the whole exercise. */
static int32_t oldest_plain(sd_session *s)
{
    while (s->plain_next < s->n_plain && !colleague_may_take(&s->items[s->plain[s->plain_next]]))
        s->plain_next++;
    return s->plain_next < s->n_plain ? (int32_t)s->plain[s->plain_next] : -1;
}

/* Makes the item arrive now: record, deadline tracking, hooks. */
static sd_status arrive(sd_session *s, sd_item *it, sd_error *err)
{
    it->arrival = s->now;
    it->deadline = deadline_for(s, it->expect, s->now);
    sd_status st = add_item(s, it, err);
    if (st != SD_OK)
        return st;
    uint32_t idx = (uint32_t)(s->n_items - 1);
    if (plain_question(s, it) && (st = push_plain(s, idx, err)) != SD_OK)
        return st;
    if (it->deadline) {
        s->waiting += it->expect->answer ? 1 : 0;
        sd_event ev = {.t = it->deadline, .a = (int32_t)idx};
        if ((st = sd_queue_push(&s->deadlines, ev, err)) != SD_OK)
            return st;
    }
    sd_record rec = {.type = SD_REC_ITEM, .t = s->now};
    fill_rec_item(s, &s->items[idx], &rec.u.item);
    if ((st = sd_session_emit(s, &rec, err)) != SD_OK)
        return st;
    for (size_t h = 0; h < s->sc->n_hooks; h++)
        if (s->sc->hooks[h].kind == SD_HOOK_ITEM &&
            (st = sd_session_lua_call_hook(s, &s->sc->hooks[h], &rec, err)) != SD_OK)
            return st;
    return SD_OK;
}

static sd_status arrive_def(sd_session *s, const sd_item_def *d, sd_error *err)
{
    sd_item it;
    memset(&it, 0, sizeof it);
    it.id = d->id;
    it.kind = (uint8_t)d->kind;
    it.text = d->text;
    it.def = d;
    it.expect = &d->expect;
    it.repeat_of = d->repeat_of;
    it.parent = -1;
    it.sender = d->kind == SD_KIND_INTERNAL ? (int8_t)d->from : -1;
    it.by_facilitator = s->arriving_by_facilitator;
    if (d->author) {
        const sd_persona *p = sd_scenario_persona(s->sc, d->author);
        if (p == NULL)
            return sd_error_set(err, SD_ERR_INPUT, "%s:%d: %s '%s': persona '%s' does not exist",
                                s->sc->display, d->line, sd_vocab_name(SD_VOCAB_KIND, d->kind),
                                d->id, d->author);
        it.author_id = p->id;
        it.first = p->first;
        it.last = p->last;
        it.handle = p->handle;
        it.mood = (uint8_t)p->mood;
        if (s->arriving_by_facilitator && s->arriving_mood >= 0)
            it.mood = (uint8_t)s->arriving_mood; /* the facilitator chose it (sd_inject) */
    }
    if (d->parent) {
        uint32_t pi;
        if (!sd_session_find(s, d->parent, &pi))
            return sd_error_set(err, SD_ERR_INPUT, "%s:%d: %s '%s': 'on' names '%s', which has "
                                "not appeared (yet)", s->sc->display, d->line,
                                sd_vocab_name(SD_VOCAB_KIND, d->kind), d->id, d->parent);
        it.parent = (int32_t)pi;
    }
    return arrive(s, &it, err);
}

/* ---- storms ---- */

static sd_status schedule_storm(sd_session *s, size_t i, sd_error *err)
{
    const sd_storm *st = &s->sc->storms[i];
    storm_rt *rt = &s->storms[i];
    double lam = rt->scale * sd_storm_curve_max(st) * rt->mult * s->intensity;
    double t;
    if (!(lam > 0)) {
        rt->lam_max = 0;
        t = rt->next + TICK_SECONDS; /* paused storm: look again in a minute */
    } else {
        rt->lam_max = lam;
        t = rt->next + sd_rng_exponential(&rt->rng, lam);
    }
    rt->next = t;
    if (t >= (double)st->to)
        return SD_OK;
    return sd_session_schedule(s, (sd_time)floor(t), EV_STORM, (int32_t)i, 0, err);
}

static sd_mood pick_mood(storm_rt *rt, const sd_storm *st)
{
    double u = sd_rng_uniform(&rt->rng), acc = 0;
    for (int m = 0; m < SD_MOOD_COUNT; m++) {
        acc += st->mood_mix[m];
        if (u < acc)
            return (sd_mood)m;
    }
    for (int m = SD_MOOD_COUNT - 1; m >= 0; m--)
        if (st->mood_mix[m] > 0)
            return (sd_mood)m;
    return SD_MOOD_CALM;
}

/* A theme's weight when a comment's theme is picked (docs/scoring.md, "The audience
 * model"): its share, less once it is answered and less again while a pinned reply or
 * statement covers it. Threats and personal data keep their share. */
#define THEME_ANSWERED_WEIGHT 0.7
#define THEME_PINNED_WEIGHT 0.4

static bool theme_pinned(const sd_session *s, uint32_t t)
{
    if (s->pin_statement)
        return true;
    return s->pin_item >= 0 && s->items[s->pin_item].theme == t + 1;
}

static bool theme_public(const sd_storm_theme *th)
{
    return th->kind != SD_THEME_THREAT && th->kind != SD_THEME_PERSONAL_DATA;
}

static double theme_weight(const sd_session *s, uint32_t t)
{
    const theme_rt *tr = &s->themes[t];
    double w = tr->def->share;
    if (!theme_public(tr->def))
        return w;
    if (theme_pinned(s, t))
        return w * THEME_PINNED_WEIGHT;
    return tr->state == SD_THEME_STATE_ANSWERED ? w * THEME_ANSWERED_WEIGHT : w;
}

/* The index in the storm's themes of a new comment's theme: one draw of the storm's own
 * random stream, none when the storm has one theme. */
static int pick_theme(sd_session *s, size_t i)
{
    const sd_storm *st = &s->sc->storms[i];
    storm_rt *rt = &s->storms[i];
    if (st->n_themes == 1)
        return 0;
    double total = 0;
    for (size_t k = 0; k < st->n_themes; k++)
        total += theme_weight(s, rt->first_theme + (uint32_t)k);
    double u = sd_rng_uniform(&rt->rng) * total, acc = 0;
    for (size_t k = 0; k < st->n_themes; k++) {
        acc += theme_weight(s, rt->first_theme + (uint32_t)k);
        if (u < acc)
            return (int)k;
    }
    return (int)st->n_themes - 1;
}

/* The text of a comment without compose: the theme's texts for the mood, else its texts
 * for any mood, else the storm's for the mood, else the storm's for any mood (the loader
 * made sure one of them has texts for every mood of the mix; a persona's other mood falls
 * back to any pool there is). */
static const char *storm_text(storm_rt *rt, const sd_storm *st, const sd_storm_theme *th,
                              sd_mood mood)
{
    const sd_text_pool *order[4] = {th ? &th->texts[mood] : NULL,
                                    th ? &th->texts[SD_MOOD_COUNT] : NULL, &st->texts[mood],
                                    &st->texts[SD_MOOD_COUNT]};
    for (int k = 0; k < 4; k++)
        if (order[k] && order[k]->n)
            return order[k]->texts[sd_rng_below(&rt->rng, order[k]->n)];
    for (int pass = 0; pass < 2; pass++) {
        const sd_text_pool *pools = pass == 0 && th ? th->texts : st->texts;
        for (int m = 0; m <= SD_MOOD_COUNT; m++)
            if (pools[m].n)
                return pools[m].texts[sd_rng_below(&rt->rng, pools[m].n)];
    }
    return "…"; /* unreachable: the loader refuses a storm without texts */
}

static sd_status storm_comment(sd_session *s, size_t i, sd_error *err)
{
    const sd_storm *st = &s->sc->storms[i];
    storm_rt *rt = &s->storms[i];
    sd_item it;
    memset(&it, 0, sizeof it);
    it.kind = SD_KIND_COMMENT;
    it.sender = -1;
    it.storm_id = st->id;
    uint32_t parent;
    if (!sd_session_find(s, st->parent, &parent))
        return sd_error_set(err, SD_ERR_INPUT, "%s:%d: storm '%s': the item '%s' it is on has not "
                            "appeared when the storm starts", s->sc->display, st->line, st->id,
                            st->parent);
    it.parent = (int32_t)parent;
    if (rt->n == UINT32_MAX - 1)
        return sd_error_set(err, SD_ERR_INPUT, "storm '%s': too many comments", st->id);
    if (rt->n == rt->cap_index) {
        size_t cap = rt->cap_index ? rt->cap_index * 2 : 1024;
        uint32_t *ix = realloc(rt->index_of, cap * sizeof *ix);
        if (ix == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        rt->index_of = ix;
        rt->cap_index = cap;
    }
    rt->index_of[rt->n] = (uint32_t)s->n_items; /* the index this comment gets in arrive() */
    uint64_t n = ++rt->n;
    char idbuf[96];
    snprintf(idbuf, sizeof idbuf, "%s-%06llu", st->id, (unsigned long long)n);
    it.id = sd_arena_strdup(&s->arena, idbuf);
    if (it.id == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");

    if (rt->n_recent > 0 && st->repeats > 0 && sd_rng_uniform(&rt->rng) < st->repeats) {
        const sd_item *orig = &s->items[rt->recent[sd_rng_below(&rt->rng, rt->n_recent)]];
        it.author_id = orig->author_id;
        it.first = orig->first;
        it.last = orig->last;
        it.handle = orig->handle;
        it.mood = orig->mood;
        it.text = orig->text;
        it.repeat_of = orig->id;
        it.theme = orig->theme; /* recent holds themed comments only */
        it.expect = it.theme ? &s->themes[it.theme - 1].expects[orig->mood][0][1]
                             : &rt->repeat_expects[orig->mood];
        return arrive(s, &it, err);
    }
    sd_mood mood;
    if (st->n_authors > 0) {
        const sd_persona *p = sd_scenario_persona(s->sc, st->authors[sd_rng_below(&rt->rng, st->n_authors)]);
        it.author_id = p->id;
        it.first = p->first;
        it.last = p->last;
        it.handle = p->handle;
        mood = p->mood;
    } else {
        mood = pick_mood(rt, st);
        it.first = sd_first_names[sd_rng_below(&rt->rng, sd_n_first_names)];
        it.last = sd_last_names[sd_rng_below(&rt->rng, sd_n_last_names)];
    }
    /* Trolls have no theme; every other comment stands for one, picked by its weight. */
    int ti = mood == SD_MOOD_TROLL ? -1 : pick_theme(s, i);
    bool direct = false;
    if (ti >= 0) {
        const sd_storm_theme *th = &st->themes[ti];
        if (th->kind == SD_THEME_THREAT)
            mood = SD_MOOD_ANGRY;
        direct = th->direct >= 1 || (th->direct > 0 && sd_rng_uniform(&rt->rng) < th->direct);
    }
    if (st->compose_ref != LUA_NOREF) {
        int chosen = ti;
        sd_status stc = sd_session_lua_compose(s, st, mood, n, it.first, it.last, &chosen,
                                               direct, &it.text, err);
        if (stc != SD_OK)
            return stc;
        if (chosen != ti) { /* compose chose another declared theme */
            ti = chosen;
            if (st->themes[ti].kind == SD_THEME_THREAT)
                mood = SD_MOOD_ANGRY;
            direct = direct && st->themes[ti].direct > 0;
        }
    } else {
        it.text = storm_text(rt, st, ti >= 0 ? &st->themes[ti] : NULL, mood);
    }
    it.mood = (uint8_t)mood;
    if (ti >= 0) {
        theme_rt *tr = &s->themes[rt->first_theme + (uint32_t)ti];
        it.theme = (uint16_t)(rt->first_theme + (uint32_t)ti + 1);
        it.expect = &tr->expects[mood][direct][0];
        if (direct)
            it.flags |= SD_ITEM_DIRECT;
        if (tr->state == SD_THEME_STATE_UNSEEN) {
            tr->state = SD_THEME_STATE_OPEN;
            tr->deadline = tr->def->within ? s->now + tr->def->within
                                           : sd_calendar_deadline(&s->sc->calendar, s->now, 24);
        }
    } else {
        it.expect = &rt->expects[mood];
    }
    sd_status r = arrive(s, &it, err);
    /* Repeats come back to the questions, complaints and rumours, not to threats. */
    if (r == SD_OK && ti >= 0 && st->themes[ti].kind != SD_THEME_THREAT &&
        st->themes[ti].kind != SD_THEME_PERSONAL_DATA) {
        size_t slot = rt->n_recent < 64 ? rt->n_recent++ : sd_rng_below(&rt->rng, 64);
        rt->recent[slot] = (int32_t)(s->n_items - 1);
    }
    return r;
}

static sd_status on_storm_event(sd_session *s, size_t i, sd_error *err)
{
    const sd_storm *st = &s->sc->storms[i];
    storm_rt *rt = &s->storms[i];
    if (rt->lam_max > 0) {
        double x = rt->next - (double)st->from;
        double lam = rt->scale * sd_storm_curve(st, x) * rt->mult * s->intensity;
        if (sd_rng_uniform(&rt->rng) * rt->lam_max < lam) {
            sd_status r = storm_comment(s, i, err);
            if (r != SD_OK)
                return r;
        }
    }
    return schedule_storm(s, i, err);
}

/* ---- hijacked accounts ---- */

static sd_status hijack_item(sd_session *s, size_t i, bool notice, sd_error *err)
{
    const sd_hijack *h = &s->sc->hijacks[i];
    hijack_rt *rt = &s->hijacks[i];
    sd_item it;
    memset(&it, 0, sizeof it);
    it.parent = -1;
    it.sender = -1;
    char idbuf[120];
    if (notice) {
        it.kind = SD_KIND_NOTICE;
        snprintf(idbuf, sizeof idbuf, "%s-notice-%u", h->id, rt->returns + 1);
        it.text = h->notice;
        it.expect = &rt->notice_expect;
    } else {
        it.kind = SD_KIND_ATTACKER_POST;
        snprintf(idbuf, sizeof idbuf, "%s-post-%u", h->id, rt->posts + 1);
        it.text = h->posts[rt->posts % h->n_posts];
        it.expect = &rt->post_expect;
        rt->posts++;
    }
    it.id = sd_arena_strdup(&s->arena, idbuf);
    if (it.id == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    return arrive(s, &it, err);
}

static sd_status attacker_gets_in(sd_session *s, size_t i, sd_error *err)
{
    hijack_rt *rt = &s->hijacks[i];
    rt->active = true;
    rt->started = true;
    rt->done &= ~((1u << SD_STEP_CHANGE_PASSWORD) | (1u << SD_STEP_REVOKE_SESSIONS));
    rt->gen++;
    sd_status st = hijack_item(s, i, true, err);
    if (st != SD_OK)
        return st;
    return sd_session_schedule(s, s->now + 5 * 60, EV_ATTACK_POST, (int32_t)i, (int32_t)rt->gen, err);
}

static sd_status on_account_step(sd_session *s, int step, const char *person, sd_error *err)
{
    for (size_t i = 0; i < s->sc->n_hijacks; i++) {
        const sd_hijack *h = &s->sc->hijacks[i];
        hijack_rt *rt = &s->hijacks[i];
        if (!rt->started)
            continue;
        if (step == SD_STEP_REMOVE_ACCESS && (h->former == NULL || person == NULL ||
                                              strcmp(h->former, person) != 0))
            continue; /* removing someone else's access does not shut this door */
        rt->done |= 1u << step;
        uint32_t lockout = (1u << SD_STEP_CHANGE_PASSWORD) | (1u << SD_STEP_REVOKE_SESSIONS);
        if (rt->active && (rt->done & lockout) == lockout) {
            rt->active = false;
            rt->gen++;
            if (h->steps & ~rt->done) {
                sd_status st = sd_session_schedule(s, s->now + h->returns_after, EV_HIJACK_RETURN,
                                                   (int32_t)i, 0, err);
                if (st != SD_OK)
                    return st;
            }
        }
    }
    return SD_OK;
}

/* ---- the audience model ---- */

#define THEME_ANSWER_WORDS 8 /* a public reply this long answers its comment's theme */

void sd_session_note_reply(sd_session *s, uint32_t idx, sd_action_kind kind, const char *text,
                           bool by_participant)
{
    if (idx >= s->n_items || (kind != SD_ACT_REPLY && kind != SD_ACT_REFER_PREVIOUS))
        return;
    sd_item *it = &s->items[idx];
    if (by_participant && kind == SD_ACT_REPLY)
        it->flags |= SD_ITEM_REPLIED;
    if (it->theme == 0)
        return;
    theme_rt *tr = &s->themes[it->theme - 1];
    if (tr->state != SD_THEME_STATE_ANSWERED && theme_public(tr->def) &&
        (kind == SD_ACT_REFER_PREVIOUS || sd_utf8_words(text) >= THEME_ANSWER_WORDS))
        tr->state = SD_THEME_STATE_ANSWERED;
}

const sd_storm_theme *sd_session_item_theme(const sd_session *s, const sd_item *it)
{
    return it->theme ? s->themes[it->theme - 1].def : NULL;
}

size_t sd_session_n_themes(const sd_session *s) { return s->n_themes; }

void sd_session_theme(const sd_session *s, size_t i, sd_theme_view *out)
{
    memset(out, 0, sizeof *out);
    if (i >= s->n_themes)
        return;
    const theme_rt *tr = &s->themes[i];
    out->storm = s->sc->storms[tr->storm].id;
    out->id = tr->def->id;
    out->label = tr->def->label;
    out->kind = tr->def->kind;
    out->state = (sd_theme_state)tr->state;
    out->pinned = theme_public(tr->def) && theme_pinned(s, (uint32_t)i);
    out->overdue = tr->state == SD_THEME_STATE_OPEN && theme_public(tr->def) && !out->pinned &&
                   tr->deadline && s->now >= tr->deadline;
    out->weight = theme_weight(s, (uint32_t)i);
}

const char *sd_session_pinned(const sd_session *s)
{
    if (s->pin_statement)
        return "statement";
    return s->pin_item >= 0 ? s->items[s->pin_item].id : NULL;
}

/* Each minute, per theme that has appeared and is answered in public: +1 to the on-time
 * side once it is answered, +1 once a pin covers it; +1 to the overdue side every minute it
 * is past its target with neither (docs/scoring.md, "The audience model"). */
static void theme_pressure(sd_session *s)
{
    for (size_t t = 0; t < s->n_themes; t++) {
        theme_rt *tr = &s->themes[t];
        if (tr->state == SD_THEME_STATE_UNSEEN || !theme_public(tr->def))
            continue;
        bool pinned = theme_pinned(s, (uint32_t)t);
        if (pinned && !tr->pin_credited) {
            tr->pin_credited = true;
            s->tick_on_time++;
        }
        if (tr->state == SD_THEME_STATE_ANSWERED && !tr->answer_credited) {
            tr->answer_credited = true;
            s->tick_on_time++;
        }
        if (tr->state == SD_THEME_STATE_OPEN && !pinned && tr->deadline && s->now >= tr->deadline)
            s->tick_overdue++;
    }
}

static void clamp_audience(sd_session *s)
{
    const sd_audience_params *p = &s->sc->audience;
    if (s->intensity < p->min_intensity) s->intensity = p->min_intensity;
    if (s->intensity > p->max_intensity) s->intensity = p->max_intensity;
    if (s->sentiment < -1) s->sentiment = -1;
    if (s->sentiment > 1) s->sentiment = 1;
}

static bool is_waiting(const sd_item *it)
{
    /* Hidden is not handled: the author still sees the comment and waits for the answer. */
    return it->expect->answer && it->answered_at == 0 && !(it->flags & SD_ITEM_DELETED);
}

static void settle_oldest(sd_session *s)
{
    while (s->oldest_scan < s->n_items && !is_waiting(&s->items[s->oldest_scan]))
        s->oldest_scan++;
}

void sd_session_situation(sd_session *s, sd_situation *o)
{
    settle_oldest(s);
    memset(o, 0, sizeof *o);
    o->now = s->now;
    o->items = s->n_items;
    o->waiting = s->waiting;
    o->overdue = s->overdue;
    o->answered = s->answered;
    o->oldest_wait = s->oldest_scan < s->n_items ? s->now - s->items[s->oldest_scan].arrival : 0;
    o->intensity = s->intensity;
    o->sentiment = s->sentiment;
    o->rejected = s->rejected;
    o->colleagues = s->n_colleagues_in;
}

/* The item stops waiting (answered, hidden or deleted). */
static void stop_waiting(sd_session *s, sd_item *it)
{
    if (!it->expect->answer)
        return;
    if (s->waiting > 0)
        s->waiting--;
    if ((it->flags & SD_ITEM_OVERDUE) && s->overdue > 0)
        s->overdue--;
}

static sd_status on_tick(sd_session *s, sd_error *err)
{
    const sd_audience_params *p = &s->sc->audience;
    sd_event ev;
    while (sd_queue_peek(&s->deadlines) && sd_queue_peek(&s->deadlines)->t <= s->now) {
        sd_queue_pop(&s->deadlines, &ev);
        sd_item *it = &s->items[ev.a];
        if (is_waiting(it)) {
            it->flags |= SD_ITEM_OVERDUE;
            s->overdue++;
            s->tick_overdue++;
        }
    }
    theme_pressure(s);
    double sum = (double)(s->tick_overdue + s->tick_on_time);
    double pressure = sum > 0 ? ((double)s->tick_overdue - (double)s->tick_on_time) / sum : 0;
    s->tick_overdue = s->tick_on_time = 0;
    s->intensity += p->responsiveness * pressure;
    s->intensity += (1.0 - s->intensity) * p->calm_rate;
    s->sentiment -= p->sentiment_rate * pressure;
    clamp_audience(s);
    s->tick_count++;
    sd_status st;
    for (size_t h = 0; h < s->sc->n_hooks; h++) {
        const sd_hook *hk = &s->sc->hooks[h];
        if (hk->kind != SD_HOOK_WHEN || s->when_fired[h])
            continue;
        bool fire = false;
        if ((st = sd_session_lua_when(s, hk, &fire, err)) != SD_OK)
            return st;
        if (fire) {
            s->when_fired[h] = true;
            if ((st = sd_session_lua_call_hook(s, hk, NULL, err)) != SD_OK)
                return st;
        }
        if (s->finished)
            return SD_OK;
    }
    if (s->tick_count % STATE_EVERY_TICKS == 0) {
        sd_situation sit;
        sd_session_situation(s, &sit);
        sd_record rec = {.type = SD_REC_STATE, .t = s->now};
        rec.u.state.intensity = round(sit.intensity * 1e6) / 1e6;
        rec.u.state.sentiment = round(sit.sentiment * 1e6) / 1e6;
        rec.u.state.waiting = (int64_t)sit.waiting;
        rec.u.state.overdue = (int64_t)sit.overdue;
        rec.u.state.oldest_wait = sit.oldest_wait;
        if ((st = sd_session_emit(s, &rec, err)) != SD_OK)
            return st;
    }
    if (s->now + TICK_SECONDS < s->end)
        return sd_session_schedule(s, s->now + TICK_SECONDS, EV_TICK, 0, 0, err);
    return SD_OK;
}

/* ---- answers ---- */

/* The first action that answers an item (guideline/answer.h) is its answer: the item stops
 * waiting, and an answer in time eases the audience's pressure. */
static void note_answer(sd_session *s, sd_item *it, sd_action_kind kind, int target)
{
    if (it->answered_at != 0 ||
        !sd_action_answers(it->expect, (sd_kind)it->kind, it->repeat_of != NULL, kind, target))
        return;
    bool waiting = is_waiting(it);
    it->answered_at = s->now;
    if (waiting) {
        stop_waiting(s, it);
        s->answered++;
        if (!it->deadline || s->now <= it->deadline)
            s->tick_on_time++;
    }
}

/* ---- simulated colleagues ----
 * `escalate colleague_backup` calls the scenario's colleague (sd_colleague_params); each
 * further call for backup, or for the manager once a colleague is in, calls the next name
 * of `more`. A colleague is in after `delay` (an internal message says so, no answer
 * expected) and from then on, once every `pace`, replies to the oldest plain question still
 * waiting with the item's model answer between a greeting and a sign-off. The reply is an
 * ordinary reply action record with `by` = the colleague's name; it is made from the
 * session's own state at fixed times, so a run, a replay of its log and a resume make the
 * same ones. Scenario callbacks on actions (on()) see only the participant's actions. The
 * texts are the engine's, not the strings file's: they go into the log, which must not
 * depend on the assets installed. */

typedef struct colleague_words {
    const char *hello, *regards, *in_now;
} colleague_words;

static const colleague_words *colleague_words_for(sd_language lang)
{
    static const colleague_words sv = {"Hej %s!", "Vänliga hälsningar,",
                                       "Jag är med nu och tar de enkla frågorna i kommentarerna. /%s"};
    static const colleague_words en = {"Hi %s!", "Kind regards,",
                                       "I'm in now and will take the simple questions in the comments. /%s"};
    return lang == SD_LANG_EN ? &en : &sv;
}

/* An escalation to target: calls the next colleague when it asks for one. */
static sd_status call_colleague(sd_session *s, int target, sd_error *err)
{
    if (target != SD_TARGET_COLLEAGUE_BACKUP &&
        !(target == SD_TARGET_MANAGER && s->n_colleagues_in > 0))
        return SD_OK;
    size_t c = s->n_colleagues_called;
    const char *name = c < SD_MAX_COLLEAGUES ? sd_colleague_name(&s->sc->colleague, c) : NULL;
    if (name == NULL)
        return SD_OK; /* everyone the scenario has is called */
    s->colleagues[c].name = name;
    s->n_colleagues_called++;
    sd_time at = s->now + s->sc->colleague.delay;
    if (at >= s->end)
        return SD_OK; /* would come after the exercise */
    return sd_session_schedule(s, at, EV_COLLEAGUE_IN, (int32_t)c, 0, err);
}

static sd_status schedule_colleague_reply(sd_session *s, size_t c, sd_error *err)
{
    sd_time at = s->now + s->sc->colleague.pace;
    if (at >= s->end)
        return SD_OK;
    return sd_session_schedule(s, at, EV_COLLEAGUE_REPLY, (int32_t)c, 0, err);
}

/* The colleague is in: their message arrives, and the first reply is due one pace later. */
static sd_status colleague_in(sd_session *s, size_t c, sd_error *err)
{
    colleague_rt *co = &s->colleagues[c];
    co->in = true;
    s->n_colleagues_in++;
    const colleague_words *w = colleague_words_for(s->sc->lang);
    char id[48], text[SD_MAX_NAME_BYTES + 128];
    do {
        snprintf(id, sizeof id, "colleague-%llu", (unsigned long long)++s->next_colleague_note);
    } while (sd_session_find(s, id, NULL) || sd_scenario_item_def(s->sc, id));
    snprintf(text, sizeof text, w->in_now, co->name);
    sd_item it;
    memset(&it, 0, sizeof it);
    it.kind = SD_KIND_INTERNAL;
    it.sender = SD_SENDER_COLLEAGUE;
    it.parent = -1;
    it.expect = &s->colleague_note_expect;
    it.id = sd_arena_strdup(&s->arena, id);
    it.text = sd_arena_strdup(&s->arena, text);
    if (it.id == NULL || it.text == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sd_status st = arrive(s, &it, err);
    if (st != SD_OK || s->finished)
        return st;
    return schedule_colleague_reply(s, c, err);
}

/* "Hej <first>!\n<model>\nVänliga hälsningar,\n<name>" into s->colleague_text. */
static const char *colleague_reply_text(sd_session *s, const sd_item *it, const char *name)
{
    const colleague_words *w = colleague_words_for(s->sc->lang);
    sd_buf *b = &s->colleague_text;
    sd_buf_reset(b);
    char at[64]; /* a handle alone: "Hej @lenah_82!" */
    snprintf(at, sizeof at, "@%s", it->handle ? it->handle : "");
    sd_buf_printf(b, w->hello, it->first ? it->first : at);
    sd_buf_printf(b, "\n%s\n%s\n%s", it->expect->content->model, w->regards, name);
    return sd_buf_ok(b) ? sd_buf_str(b) : NULL;
}

/* The colleague's turn: a reply to the oldest plain question still waiting, if any. */
static sd_status colleague_turn(sd_session *s, size_t c, sd_error *err)
{
    colleague_rt *co = &s->colleagues[c];
    int32_t idx = oldest_plain(s);
    if (idx >= 0) {
        sd_item *it = &s->items[idx];
        const char *text = colleague_reply_text(s, it, co->name);
        if (text == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        sd_record rec = {.type = SD_REC_ACTION, .t = s->now};
        rec.u.action.kind = SD_ACT_REPLY;
        rec.u.action.item = it->id;
        rec.u.action.text = text;
        rec.u.action.target = -1;
        rec.u.action.step = -1;
        rec.u.action.by = co->name;
        rec.u.action.item_index = idx;
        /* The log and results see the reply before its effect, as for the participant's. */
        sd_status st = sd_session_emit(s, &rec, err);
        if (st != SD_OK)
            return st;
        note_answer(s, it, SD_ACT_REPLY, -1);
        sd_session_note_reply(s, (uint32_t)idx, SD_ACT_REPLY, text, false);
        co->replies++;
    }
    if (s->finished)
        return SD_OK;
    return schedule_colleague_reply(s, c, err);
}

/* ---- start, stepping, end ---- */

size_t sd_session_expected_items(const sd_session *s)
{
    double n = (double)s->sc->n_items + 64;
    for (size_t i = 0; i < s->sc->n_storms; i++)
        n += s->sc->storms[i].count * 1.05;
    return n > 4e6 ? 4000000 : (size_t)n;
}

static sd_status reserve_items(sd_session *s, sd_error *err)
{
    size_t n = sd_session_expected_items(s);
    if (n <= s->cap_items)
        return SD_OK;
    sd_item *p = sd_big_alloc(n * sizeof *p);
    if (p == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory reserving %zu items", n);
    if (s->n_items)
        memcpy(p, s->items, s->n_items * sizeof *p);
    free(s->items);
    s->items = p;
    s->cap_items = n;
    return SD_OK;
}

sd_status sd_session_start(sd_session *s, sd_error *err)
{
    if (s->started)
        return sd_error_set(err, SD_ERR_USAGE, "the session has already started");
    s->started = true;
    clock_gettime(CLOCK_MONOTONIC, &s->wall0);
    sd_status rs = reserve_items(s, err);
    if (rs != SD_OK)
        return rs;
    const sd_scenario *sc = s->sc;
    char program[64];
    snprintf(program, sizeof program, "stormdrill %s", SD_VERSION);
    sd_record rec = {.type = SD_REC_HEADER, .t = sc->start};
    sd_rec_header *h = &rec.u.header;
    h->program = program;
    h->date = s->cfg.date;
    h->scenario_id = sc->id;
    h->scenario_title = sc->title;
    h->scenario_path = sc->display;
    h->scenario_sha256 = sc->sha256;
    h->lang = sc->lang;
    h->platform = sc->platform;
    h->seed = s->cfg.seed;
    h->start = sc->start;
    h->duration = sc->duration;
    h->compression = sc->compression;
    h->participant = s->cfg.participant;
    h->participant_kind = s->cfg.participant_kind;
    h->participant_path = s->cfg.participant_path;
    h->participant_sha256 = s->cfg.participant_sha256;
    h->scoring = sc->scoring;
    h->contents = sc->contents;
    h->n_contents = sc->n_contents;
    h->themes = s->rec_themes;
    h->n_themes = s->n_themes;
    sd_status st = sd_session_emit(s, &rec, err);
    if (st != SD_OK)
        return st;
    for (size_t i = 0; i < sc->n_items && st == SD_OK; i++)
        st = sd_session_schedule(s, sc->items[i].at, EV_ITEM_DEF, (int32_t)i, 0, err);
    for (size_t i = 0; i < sc->n_storms && st == SD_OK; i++) {
        s->storms[i].next = (double)sc->storms[i].from;
        st = schedule_storm(s, i, err);
    }
    for (size_t i = 0; i < sc->n_hijacks && st == SD_OK; i++)
        st = sd_session_schedule(s, sc->hijacks[i].at, EV_HIJACK_START, (int32_t)i, 0, err);
    for (size_t i = 0; i < sc->n_hooks && st == SD_OK; i++)
        if (sc->hooks[i].kind == SD_HOOK_EVERY)
            st = sd_session_schedule(s, sc->start + sc->hooks[i].every, EV_EVERY, (int32_t)i, 0, err);
    if (st == SD_OK)
        st = sd_session_schedule(s, sc->start + TICK_SECONDS, EV_TICK, 0, 0, err);
    if (st == SD_OK)
        st = sd_session_schedule(s, s->end, EV_END, 0, 0, err);
    return st;
}

sd_status sd_session_set_draft(sd_session *s, const char *item, const char *text)
{
    free(s->draft_item);
    free(s->draft_text);
    s->draft_item = s->draft_text = NULL;
    if (s->finished || text == NULL || text[0] == '\0')
        return SD_OK;
    /* As valid UTF-8, and no longer than a logged text may be (cut at a character). */
    sd_buf clean = SD_BUF_INIT;
    if (sd_utf8_sanitize(&clean, text, strlen(text)) != SD_OK) {
        sd_buf_free(&clean);
        return SD_ERR_MEMORY;
    }
    size_t n = clean.len;
    if (n > SD_MAX_TEXT_BYTES) {
        n = SD_MAX_TEXT_BYTES;
        while (n > 0 && ((unsigned char)clean.data[n] & 0xC0) == 0x80)
            n--;
    }
    s->draft_text = malloc(n + 1);
    uint32_t idx;
    bool known = item && item[0] && strlen(item) <= SD_MAX_ID_BYTES && sd_session_find(s, item, &idx);
    if (known)
        s->draft_item = strdup(item);
    if (s->draft_text)
        memcpy(s->draft_text, clean.data, n), s->draft_text[n] = '\0';
    sd_buf_free(&clean);
    if (s->draft_text == NULL || (known && s->draft_item == NULL)) {
        free(s->draft_item);
        free(s->draft_text);
        s->draft_item = s->draft_text = NULL;
        return SD_ERR_MEMORY;
    }
    return SD_OK;
}

/* The registered draft as a draft record (then forgotten): just before the end record, or
 * when catching up with a log that holds one (resume.c). */
sd_status sd_session_emit_draft(sd_session *s, sd_error *err)
{
    if (s->draft_text == NULL)
        return SD_OK;
    sd_record rec = {.type = SD_REC_ACTION, .t = s->now};
    sd_rec_action *a = &rec.u.action;
    a->kind = SD_ACT_DRAFT;
    a->item = s->draft_item;
    a->text = s->draft_text;
    a->target = a->step = -1;
    uint32_t idx;
    a->item_index = s->draft_item && sd_session_find(s, s->draft_item, &idx) ? (int64_t)idx : -1;
    sd_status st = sd_session_emit(s, &rec, err);
    free(s->draft_item);
    free(s->draft_text);
    s->draft_item = s->draft_text = NULL;
    return st;
}

static sd_status finish(sd_session *s, const char *reason, sd_error *err)
{
    if (s->finished)
        return SD_OK;
    sd_status st = sd_session_emit_draft(s, err);
    if (st != SD_OK)
        return st;
    s->finished = true;
    sd_record rec = {.type = SD_REC_END, .t = s->now};
    rec.u.end.reason = reason;
    return sd_session_emit(s, &rec, err);
}

sd_status sd_session_end(sd_session *s, const char *reason, sd_error *err)
{
    return finish(s, reason ? reason : "ended by facilitator", err);
}

static sd_status apply(sd_session *s, const sd_action *a, sd_error *err);

static sd_status handle(sd_session *s, const sd_event *ev, sd_error *err)
{
    switch (ev->kind) {
    case EV_ITEM_DEF:
        return arrive_def(s, &s->sc->items[ev->a], err);
    case EV_INJECTED:
        return arrive_def(s, s->injected[ev->a], err);
    case EV_STORM:
        return on_storm_event(s, (size_t)ev->a, err);
    case EV_HIJACK_START:
        return attacker_gets_in(s, (size_t)ev->a, err);
    case EV_ATTACK_POST: {
        hijack_rt *rt = &s->hijacks[ev->a];
        if (!rt->active || (uint32_t)ev->b != rt->gen)
            return SD_OK;
        sd_status st = hijack_item(s, (size_t)ev->a, false, err);
        if (st != SD_OK)
            return st;
        return sd_session_schedule(s, s->now + s->sc->hijacks[ev->a].every, EV_ATTACK_POST,
                                   ev->a, ev->b, err);
    }
    case EV_HIJACK_RETURN: {
        hijack_rt *rt = &s->hijacks[ev->a];
        if (rt->active || !(s->sc->hijacks[ev->a].steps & ~rt->done))
            return SD_OK;
        rt->returns++;
        return attacker_gets_in(s, (size_t)ev->a, err);
    }
    case EV_TICK:
        return on_tick(s, err);
    case EV_EVERY: {
        const sd_hook *h = &s->sc->hooks[ev->a];
        sd_status st = sd_session_lua_call_hook(s, h, NULL, err);
        if (st == SD_OK && s->now + h->every < s->end)
            st = sd_session_schedule(s, s->now + h->every, EV_EVERY, ev->a, 0, err);
        return st;
    }
    case EV_PENDING: {
        sd_error aerr = SD_ERROR_INIT;
        sd_status st = apply(s, &s->pending[ev->a].a, &aerr);
        /* A scripted participant's refused action is logged as rejected; the run goes on.
         * Anything else (a script error in a hook, I/O) stops it. */
        if (st != SD_OK && aerr.status != SD_ERR_INPUT) {
            sd_error_set(err, st, "%s", sd_error_msg(&aerr));
            sd_error_clear(&aerr);
            return st;
        }
        sd_error_clear(&aerr);
        return SD_OK;
    }
    case EV_COLLEAGUE_IN:
        return colleague_in(s, (size_t)ev->a, err);
    case EV_COLLEAGUE_REPLY:
        return colleague_turn(s, (size_t)ev->a, err);
    case EV_END:
        return finish(s, s->end_reason && ev->t < s->end ? s->end_reason : "duration", err);
    }
    return SD_OK;
}

static sd_status advance_to(sd_session *s, sd_time until, sd_error *err)
{
    if (!s->started)
        return sd_error_set(err, SD_ERR_USAGE, "call sd_session_start() first");
    if (s->deferred.status != SD_OK) {
        sd_status st = sd_error_set(err, s->deferred.status, "%s", sd_error_msg(&s->deferred));
        sd_error_clear(&s->deferred);
        return st;
    }
    sd_event ev;
    while (!s->finished && sd_queue_peek(&s->events) && sd_queue_peek(&s->events)->t <= until) {
        sd_queue_pop(&s->events, &ev);
        if (ev.t > s->now)
            s->now = ev.t;
        sd_status st = handle(s, &ev, err);
        if (st != SD_OK)
            return st;
    }
    if (!s->finished && until > s->now)
        s->now = until < s->end ? until : s->end;
    return SD_OK;
}

sd_status sd_session_advance(sd_session *s, sd_time t, sd_error *err)
{
    if (s->clock.now < (double)t)
        s->clock.now = (double)t;
    return advance_to(s, t, err);
}

void sd_session_continue_wall(sd_session *s, int64_t last_wall_ms)
{
    clock_gettime(CLOCK_MONOTONIC, &s->wall0);
    s->wall0.tv_sec -= last_wall_ms / 1000;
    s->wall0.tv_nsec -= (last_wall_ms % 1000) * 1000000;
    if (s->wall0.tv_nsec < 0) {
        s->wall0.tv_nsec += 1000000000;
        s->wall0.tv_sec--;
    }
}

sd_status sd_session_step_real(sd_session *s, double real_seconds, sd_error *err)
{
    sd_clock_real_step(&s->clock, real_seconds);
    return advance_to(s, sd_clock_now(&s->clock), err);
}

sd_status sd_session_step_sim(sd_session *s, double sim_seconds, sd_error *err)
{
    sd_clock_sim_step(&s->clock, sim_seconds);
    return advance_to(s, sd_clock_now(&s->clock), err);
}

sd_status sd_session_run(sd_session *s, sd_error *err)
{
    sd_status st = advance_to(s, s->end, err);
    if (st == SD_OK && !s->finished)
        st = finish(s, "duration", err);
    s->clock.now = (double)s->now;
    return st;
}

/* Logs a facilitator control; a failure waits in s->deferred for the next step. */
static void log_control(sd_session *s, sd_fac_kind kind, double value)
{
    if (!s->started || s->finished)
        return;
    sd_record rec = {.type = SD_REC_FACILITATOR, .t = s->now};
    rec.u.facilitator.kind = kind;
    rec.u.facilitator.value = value;
    sd_error e = SD_ERROR_INIT;
    if (sd_session_emit(s, &rec, &e) != SD_OK && s->deferred.status == SD_OK)
        sd_error_set(&s->deferred, e.status, "%s", sd_error_msg(&e));
    sd_error_clear(&e);
}

void sd_session_pause(sd_session *s, bool paused)
{
    if (s->clock.paused == paused)
        return;
    s->clock.paused = paused;
    log_control(s, paused ? SD_FAC_PAUSE : SD_FAC_RESUME, 0);
}

bool sd_session_paused(const sd_session *s) { return s->clock.paused; }

void sd_session_set_compression(sd_session *s, double c)
{
    if (!(c > 0) || c == s->clock.compression)
        return;
    s->clock.compression = c;
    log_control(s, SD_FAC_SPEED, c);
}

static sd_status inject_def(sd_session *s, sd_item_def *d, size_t prepared, int mood,
                            sd_error *err)
{
    char id[48];
    if (d->id == NULL) {
        do {
            snprintf(id, sizeof id, "facilitator-%llu", (unsigned long long)++s->next_facilitator);
        } while (sd_session_find(s, id, NULL) || sd_scenario_item_def(s->sc, id));
        d->id = sd_arena_strdup(&s->arena, id);
        if (d->id == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    } else if (sd_session_find(s, d->id, NULL)) {
        return sd_error_set(err, SD_ERR_INPUT, "inject: id '%s' is already used", d->id);
    }
    d->at = s->now;
    sd_record rec = {.type = SD_REC_FACILITATOR, .t = s->now};
    rec.u.facilitator.kind = SD_FAC_INJECT;
    rec.u.facilitator.item = d->id;
    rec.u.facilitator.prepared = (int64_t)prepared;
    sd_status st = sd_session_emit(s, &rec, err);
    if (st != SD_OK)
        return st;
    s->arriving_by_facilitator = true;
    s->arriving_mood = mood;
    st = arrive_def(s, d, err);
    s->arriving_by_facilitator = false;
    s->arriving_mood = -1;
    return st;
}

sd_status sd_session_inject(sd_session *s, const sd_inject *inj, sd_error *err)
{
    if (!s->started || s->finished)
        return sd_error_set(err, SD_ERR_INPUT, "inject: the exercise is not running");
    if ((int)inj->kind < 0 || inj->kind >= SD_KIND_COUNT || inj->kind == SD_KIND_ATTACKER_POST ||
        inj->kind == SD_KIND_MEDIA)
        return sd_error_set(err, SD_ERR_INPUT, "inject: a %s cannot be injected",
                            sd_vocab_name(SD_VOCAB_KIND, inj->kind));
    if (inj->text == NULL || inj->text[0] == '\0' || strlen(inj->text) > MAX_ACTION_TEXT)
        return sd_error_set(err, SD_ERR_INPUT, "inject: the text is empty or longer than %d bytes",
                            MAX_ACTION_TEXT);
    bool authored = inj->kind == SD_KIND_COMMENT || inj->kind == SD_KIND_REPLY ||
                    inj->kind == SD_KIND_DM || inj->kind == SD_KIND_INQUIRY;
    const sd_persona *p = NULL;
    if (authored) {
        p = inj->author ? sd_scenario_persona(s->sc, inj->author) : NULL;
        if (p == NULL)
            return sd_error_set(err, SD_ERR_INPUT, "inject: a %s needs the id of a persona of the "
                                "scenario as its author", sd_vocab_name(SD_VOCAB_KIND, inj->kind));
    }
    if (inj->kind == SD_KIND_INTERNAL && (inj->sender < 0 || inj->sender >= SD_SENDER_COUNT))
        return sd_error_set(err, SD_ERR_INPUT, "inject: an internal message needs its sender");
    if (inj->mood < -1 || inj->mood >= SD_MOOD_COUNT)
        return sd_error_set(err, SD_ERR_INPUT, "inject: mood %d is not a mood (0-%d: calm, worried, "
                            "frustrated, angry, troll; -1: the persona's own)", inj->mood,
                            SD_MOOD_COUNT - 1);
    if (inj->mood >= 0 && !authored)
        return sd_error_set(err, SD_ERR_INPUT, "inject: a %s has no author, so it cannot have a "
                            "mood ('%s'); give -1", sd_vocab_name(SD_VOCAB_KIND, inj->kind),
                            sd_vocab_name(SD_VOCAB_MOOD, inj->mood));
    const char *on = inj->on;
    if ((inj->kind == SD_KIND_COMMENT || inj->kind == SD_KIND_REPLY) && on == NULL) {
        for (size_t i = s->n_items; i-- > 0 && on == NULL;)
            if (s->items[i].kind == SD_KIND_POST)
                on = s->items[i].id;
        if (on == NULL)
            return sd_error_set(err, SD_ERR_INPUT, "inject: a comment needs a post to be on, and "
                                "there is none yet");
    }
    if (on && !sd_session_find(s, on, NULL))
        return sd_error_set(err, SD_ERR_INPUT, "inject: there is no item '%s'", on);
    sd_item_def *d = sd_arena_alloc(&s->arena, sizeof *d);
    sd_buf clean = SD_BUF_INIT;
    sd_utf8_sanitize(&clean, inj->text, strlen(inj->text));
    if (d == NULL || !sd_buf_ok(&clean)) {
        sd_buf_free(&clean);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    memset(d, 0, sizeof *d);
    d->kind = inj->kind;
    d->author = p ? p->id : NULL;
    d->parent = on ? sd_arena_strdup(&s->arena, on) : NULL;
    d->text = sd_arena_strdup(&s->arena, sd_buf_str(&clean));
    d->from = inj->kind == SD_KIND_INTERNAL ? (sd_sender)inj->sender : SD_SENDER_MANAGER;
    sd_buf_free(&clean);
    sd_mood mood = inj->mood >= 0 ? (sd_mood)inj->mood : p ? p->mood : SD_MOOD_CALM;
    sd_expect_defaults(&d->expect, inj->kind, mood);
    if (inj->kind == SD_KIND_INTERNAL)
        d->expect.answer = true; /* the facilitator asks: the participant acknowledges */
    return inject_def(s, d, 0, inj->mood, err);
}

size_t sd_session_prepared_used(const sd_session *s) { return s->next_prepared; }

sd_status sd_session_inject_prepared(sd_session *s, bool *injected, sd_error *err)
{
    *injected = false;
    if (!s->started || s->finished)
        return sd_error_set(err, SD_ERR_INPUT, "inject: the exercise is not running");
    if (s->next_prepared >= s->sc->n_prepared)
        return SD_OK;
    /* refused while its post has not appeared: it stays the next one, for later */
    const sd_item_def *next = &s->sc->prepared[s->next_prepared];
    if (next->parent && !sd_session_find(s, next->parent, NULL))
        return sd_error_set(err, SD_ERR_INPUT, "%s:%d: prepared inject: 'on' names '%s', which "
                            "has not appeared yet", s->sc->display, next->line, next->parent);
    sd_item_def *d = sd_arena_alloc(&s->arena, sizeof *d);
    if (d == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    *d = s->sc->prepared[s->next_prepared++];
    d->id = NULL; /* each use gets an id of its own */
    *injected = true;
    return inject_def(s, d, s->next_prepared, -1, err);
}
double sd_session_compression(const sd_session *s) { return s->clock.compression; }
sd_time sd_session_now(const sd_session *s) { return s->now; }
bool sd_session_finished(const sd_session *s) { return s->finished; }
const sd_scenario *sd_session_scenario(const sd_session *s) { return s->sc; }

/* ---- participant actions ---- */

static bool needs_item(sd_action_kind k)
{
    return k == SD_ACT_REPLY || k == SD_ACT_REFER_PREVIOUS || k == SD_ACT_DM_REPLY ||
           k == SD_ACT_HIDE || k == SD_ACT_DELETE || k == SD_ACT_REPORT || k == SD_ACT_ACKNOWLEDGE;
}

static bool needs_text(sd_action_kind k)
{
    return k == SD_ACT_REPLY || k == SD_ACT_DM_REPLY || k == SD_ACT_PUBLISH;
}

/* Refuses an action: sets err and the refusal's kind (sd_session_last_refusal). */
static sd_status refuse(sd_session *s, sd_refusal why, sd_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static sd_status refuse(sd_session *s, sd_refusal why, sd_error *err, const char *fmt, ...)
{
    s->refusal = why;
    va_list ap;
    va_start(ap, fmt);
    sd_status st = sd_error_setv(err, SD_ERR_INPUT, fmt, ap);
    va_end(ap);
    return st;
}

/* The platform an item is seen on: a post's own or the scenario's; a comment or reply, its
 * post's (up the thread); anything else the scenario's. */
static sd_platform item_platform(const sd_session *s, const sd_item *it)
{
    for (int depth = 0; it->kind != SD_KIND_POST && it->parent >= 0 && depth < 64; depth++)
        it = &s->items[it->parent];
    if (it->kind == SD_KIND_POST && it->def && it->def->own_platform > 0 &&
        it->def->own_platform <= SD_PLATFORM_COUNT)
        return (sd_platform)(it->def->own_platform - 1);
    return s->sc->platform;
}

sd_platform sd_session_item_platform(const sd_session *s, const sd_rec_item *it)
{
    uint32_t idx;
    if (it->id && sd_session_find(s, it->id, &idx))
        return item_platform(s, &s->items[idx]);
    if (it->kind == SD_KIND_POST && it->own_platform > 0 && it->own_platform <= SD_PLATFORM_COUNT)
        return (sd_platform)(it->own_platform - 1);
    if (it->parent && sd_session_find(s, it->parent, &idx))
        return item_platform(s, &s->items[idx]);
    return s->sc->platform;
}

/* A public text longer than the platform takes (X: 280 characters, counted in code
 * points) is refused: the platform would refuse it too. A reply in a post's thread is on
 * the post's platform; a statement on the scenario's. DMs, e-mail to journalists: none. */
static sd_status platform_limit(sd_session *s, const sd_action *a, const sd_item *it,
                                sd_error *err)
{
    if (a->text == NULL)
        return SD_OK;
    sd_platform p;
    if (a->kind == SD_ACT_PUBLISH)
        p = s->sc->platform;
    else if (a->kind == SD_ACT_REPLY && it &&
             (it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY))
        p = item_platform(s, it);
    else
        return SD_OK;
    int max = sd_platform_max_chars(p);
    size_t n = max > 0 ? sd_utf8_chars(a->text) : 0;
    if (max > 0 && n > (size_t)max)
        return refuse(s, SD_REFUSAL_PLATFORM_LIMIT, err, "%s: the text has %zu characters; %s "
                      "takes at most %d (%zu too many)", sd_vocab_name(SD_VOCAB_ACTION, a->kind),
                      n, p == SD_PLATFORM_X ? "X" : sd_vocab_name(SD_VOCAB_PLATFORM, p), max,
                      n - (size_t)max);
    return SD_OK;
}

/* Checks an action against the current state; on success *item is its item or -1. */
static sd_status validate(sd_session *s, const sd_action *a, int32_t *item, sd_error *err)
{
    *item = -1;
    const char *an = sd_vocab_name(SD_VOCAB_ACTION, a->kind);
    if ((int)a->kind < 0 || a->kind >= SD_ACT_COUNT)
        return refuse(s, SD_REFUSAL_OTHER, err, "unknown action");
    if (a->kind == SD_ACT_DRAFT) /* kept with sd_session_set_draft, never acted */
        return refuse(s, SD_REFUSAL_OTHER, err, "draft: not an action (a draft is the unsent "
                      "text the session writes when the exercise ends)");
    if (s->finished)
        return refuse(s, SD_REFUSAL_ENDED, err, "%s: the exercise has ended", an);
    if (needs_item(a->kind) && (a->item == NULL || a->item[0] == '\0'))
        return refuse(s, SD_REFUSAL_NO_ITEM, err, "%s: which item? (no item id given)", an);
    if (a->item) {
        uint32_t idx;
        if (!sd_session_find(s, a->item, &idx))
            return refuse(s, SD_REFUSAL_UNKNOWN_ITEM, err, "%s: there is no item '%s' (yet)", an, a->item);
        const sd_item *it = &s->items[idx];
        if (it->flags & SD_ITEM_DELETED)
            return refuse(s, SD_REFUSAL_DELETED, err, "%s: item '%s' has been deleted", an, a->item);
        bool authored = it->first != NULL || it->handle != NULL;
        switch (a->kind) {
        case SD_ACT_REPLY:
        case SD_ACT_DM_REPLY:
        case SD_ACT_REFER_PREVIOUS:
            if (!authored)
                return refuse(s, SD_REFUSAL_NO_ONE_TO_ANSWER, err, "%s: item '%s' is a %s; there is no one "
                                    "to answer", an, a->item, sd_vocab_name(SD_VOCAB_KIND, it->kind));
            break;
        case SD_ACT_ACKNOWLEDGE:
            if (it->kind != SD_KIND_INTERNAL && it->kind != SD_KIND_NOTICE)
                return refuse(s, SD_REFUSAL_NOT_INTERNAL, err, "acknowledge: item '%s' is not an internal "
                                    "message or notice (answer it with reply)", a->item);
            break;
        case SD_ACT_HIDE:
        case SD_ACT_DELETE:
        case SD_ACT_REPORT:
            if (it->kind == SD_KIND_INTERNAL || it->kind == SD_KIND_NOTICE || it->kind == SD_KIND_MEDIA)
                return refuse(s, SD_REFUSAL_NOT_OUR_CHANNEL, err, "%s: item '%s' is a %s, not something on "
                                    "our channel", an, a->item, sd_vocab_name(SD_VOCAB_KIND, it->kind));
            if (it->kind == SD_KIND_POST) /* an attacker's post is SD_KIND_ATTACKER_POST */
                return refuse(s, SD_REFUSAL_OWN_POST, err, "%s: item '%s' is the organisation's "
                              "own post; it is not moderated like a comment", an, a->item);
            if (a->kind == SD_ACT_HIDE && (it->flags & SD_ITEM_HIDDEN))
                return refuse(s, SD_REFUSAL_ALREADY_HIDDEN, err, "hide: item '%s' is already hidden", a->item);
            break;
        case SD_ACT_PIN:
            if (!(it->flags & SD_ITEM_REPLIED))
                return refuse(s, SD_REFUSAL_PIN_NO_REPLY, err, "pin: you have not replied to '%s' (pin "
                                    "pins your latest public reply to an item; without an item, "
                                    "the latest statement)", a->item);
            break;
        default:
            break;
        }
        *item = (int32_t)idx;
    } else if (a->kind == SD_ACT_PIN) {
        if (!s->published)
            return refuse(s, SD_REFUSAL_PIN_NO_STATEMENT, err, "pin: there is no statement to pin yet "
                                "(publish one first, or give the item whose reply to pin)");
    } else if (a->kind != SD_ACT_ESCALATE && a->kind != SD_ACT_PUBLISH && a->kind != SD_ACT_ACCOUNT) {
        return refuse(s, SD_REFUSAL_NO_ITEM, err, "%s: which item?", an);
    }
    if (needs_text(a->kind)) {
        if (a->text == NULL || a->text[0] == '\0')
            return refuse(s, SD_REFUSAL_EMPTY_TEXT, err, "%s: the text is empty", an);
        if (strlen(a->text) > MAX_ACTION_TEXT)
            return refuse(s, SD_REFUSAL_TEXT_TOO_LONG, err, "%s: the text is longer than %d bytes", an,
                                MAX_ACTION_TEXT);
        sd_status pl = platform_limit(s, a, *item >= 0 ? &s->items[*item] : NULL, err);
        if (pl != SD_OK)
            return pl;
    }
    if (a->kind == SD_ACT_ESCALATE && (a->target < 0 || a->target >= SD_TARGET_COUNT)) {
        char known[600];
        sd_vocab_list(SD_VOCAB_TARGET, known, sizeof known);
        return refuse(s, SD_REFUSAL_UNKNOWN_TARGET, err, "escalate: unknown target (known: %s)", known);
    }
    if (a->kind == SD_ACT_ACCOUNT) {
        if (a->step < 0 || a->step >= SD_STEP_COUNT) {
            char known[600];
            sd_vocab_list(SD_VOCAB_STEP, known, sizeof known);
            return refuse(s, SD_REFUSAL_UNKNOWN_STEP, err, "account: unknown step (known: %s)", known);
        }
        if (a->step == SD_STEP_REMOVE_ACCESS) {
            if (a->person == NULL)
                return refuse(s, SD_REFUSAL_NO_PERSON, err, "account remove_access: whose access? "
                                    "(give the person)");
            if (!sd_scenario_persona(s->sc, a->person))
                return refuse(s, SD_REFUSAL_NO_PERSON, err, "account remove_access: there is no "
                                    "person '%s'", a->person);
        }
    }
    return SD_OK;
}

static sd_status apply(sd_session *s, const sd_action *a0, sd_error *err)
{
    int32_t idx;
    sd_buf clean = SD_BUF_INIT;
    sd_action a = *a0;
    if (a.kind != SD_ACT_ESCALATE)
        a.target = -1;
    if (a.kind != SD_ACT_ACCOUNT) {
        a.step = -1;
        a.person = NULL;
    }
    if (!needs_text(a.kind))
        a.text = NULL;
    /* Every string of the action as valid UTF-8 (invalid sequences become U+FFFD): the
     * log, the results and the window see only that. */
    sd_buf clean_more[3] = {SD_BUF_INIT, SD_BUF_INIT, SD_BUF_INIT};
    const char **strs[] = {&a.item, &a.person, &a.reason};
    if (a.text) {
        sd_utf8_sanitize(&clean, a.text, strlen(a.text));
        a.text = sd_buf_str(&clean);
    }
    for (int i = 0; i < 3; i++)
        if (*strs[i])
            *strs[i] = sd_utf8_clean(*strs[i], strlen(*strs[i]), &clean_more[i]);
    sd_status st = validate(s, &a, &idx, err);
    sd_record rec = {.type = st == SD_OK ? SD_REC_ACTION : SD_REC_REJECTED, .t = s->now};
    rec.u.action.kind = a.kind;
    rec.u.action.item = a.item;
    rec.u.action.text = a.text;
    rec.u.action.target = a.target;
    rec.u.action.step = a.step;
    rec.u.action.person = a.person;
    rec.u.action.reason = a.reason;
    rec.u.action.item_index = idx;
    if (st != SD_OK) {
        s->rejected++;
        rec.u.action.error = sd_error_msg(err);
        sd_error lerr = SD_ERROR_INIT;
        if (rec.u.action.kind >= 0 && rec.u.action.kind < SD_ACT_COUNT &&
            rec.u.action.kind != SD_ACT_DRAFT && sd_session_emit(s, &rec, &lerr) != SD_OK) {
            sd_error_set(err, lerr.status, "%s", sd_error_msg(&lerr));
            st = lerr.status;
        }
        sd_error_clear(&lerr);
        goto done;
    }
    /* The log and results see the action before its effect. */
    if ((st = sd_session_emit(s, &rec, err)) != SD_OK)
        goto done;
    if (idx >= 0) {
        sd_item *it = &s->items[idx];
        note_answer(s, it, a.kind, a.target);
        if (a.kind == SD_ACT_HIDE || a.kind == SD_ACT_DELETE) {
            if (a.kind == SD_ACT_DELETE && is_waiting(it))
                stop_waiting(s, it);
            it->flags |= a.kind == SD_ACT_HIDE ? SD_ITEM_HIDDEN : SD_ITEM_DELETED;
            bool legit = (it->first != NULL || it->handle != NULL) && it->expect->cls != SD_CLASS_TROLL &&
                         it->expect->cls != SD_CLASS_ILLEGAL;
            if (a.kind == SD_ACT_DELETE && legit) {
                s->intensity += s->sc->audience.delete_penalty;
                s->sentiment -= s->sc->audience.delete_penalty / 4;
            }
        }
        if (a.kind == SD_ACT_REPORT)
            it->flags |= SD_ITEM_REPORTED;
        if (a.kind == SD_ACT_REPLY || a.kind == SD_ACT_REFER_PREVIOUS)
            sd_session_note_reply(s, (uint32_t)idx, a.kind, a.text, true);
        clamp_audience(s);
    }
    if (a.kind == SD_ACT_PUBLISH)
        s->published = true;
    if (a.kind == SD_ACT_PIN) { /* one thing is pinned at a time: a new pin replaces it */
        s->pin_item = idx;
        s->pin_statement = idx < 0;
    }
    if (a.kind == SD_ACT_ESCALATE) {
        s->escalated |= 1u << a.target;
        if ((st = call_colleague(s, a.target, err)) != SD_OK)
            goto done;
    }
    if (a.kind == SD_ACT_ACCOUNT && (st = on_account_step(s, a.step, a.person, err)) != SD_OK)
        goto done;
    for (size_t h = 0; h < s->sc->n_hooks && st == SD_OK; h++) {
        const sd_hook *hk = &s->sc->hooks[h];
        if (hk->kind == SD_HOOK_ACTION && (hk->action_filter < 0 || hk->action_filter == (int)a.kind))
            st = sd_session_lua_call_hook(s, hk, &rec, err);
    }
done:
    sd_buf_free(&clean);
    for (int i = 0; i < 3; i++)
        sd_buf_free(&clean_more[i]);
    return st;
}

sd_status sd_action_check_sizes(const sd_action *a, sd_error *err)
{
    static const struct { const char *name; size_t max; } f[] = {
        {"item", SD_MAX_ID_BYTES}, {"text", SD_MAX_TEXT_BYTES},
        {"person", SD_MAX_ID_BYTES}, {"reason", SD_MAX_REASON_BYTES}};
    const char *v[] = {a->item, a->text, a->person, a->reason};
    for (int i = 0; i < 4; i++)
        if (v[i] && strlen(v[i]) > f[i].max)
            return sd_error_set(err, SD_ERR_INPUT, "an action's '%s' is longer than %zu bytes",
                                f[i].name, f[i].max);
    return SD_OK;
}

sd_status sd_session_act(sd_session *s, const sd_action *a, sd_error *err)
{
    if (!s->started)
        return sd_error_set(err, SD_ERR_USAGE, "call sd_session_start() first");
    /* Oversize fields are refused before anything is logged: the log's reader has these
     * same limits. */
    sd_status cs = sd_action_check_sizes(a, err);
    if (cs != SD_OK)
        return cs;
    /* apply() logs a refusal with the message it set: it needs somewhere to set it even
     * when the caller does not want it back. */
    sd_error local = SD_ERROR_INIT;
    s->refusal = SD_REFUSAL_NONE;
    sd_status st = apply(s, a, err ? err : &local);
    if (st != SD_OK && s->refusal == SD_REFUSAL_NONE)
        s->refusal = SD_REFUSAL_OTHER;
    sd_error_clear(&local);
    return st;
}

static const char *keep(sd_session *s, const char *str, bool *oom)
{
    if (str == NULL)
        return NULL;
    const char *p = sd_arena_strdup(&s->arena, str);
    if (p == NULL)
        *oom = true;
    return p;
}

sd_status sd_session_act_later(sd_session *s, const sd_action *a, int64_t delay, sd_error *err)
{
    if (delay < 0)
        delay = 0;
    sd_status cs = sd_action_check_sizes(a, err);
    if (cs != SD_OK)
        return cs;
    if (sd_session_budget_check(s, "the participant", "the actions it returned", err) != SD_OK)
        return SD_ERR_MEMORY;
    if (s->n_pending == s->cap_pending) {
        size_t cap = s->cap_pending ? s->cap_pending * 2 : 64;
        pending_action *p = realloc(s->pending, cap * sizeof *p);
        if (p == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        s->pending = p;
        s->cap_pending = cap;
    }
    bool oom = false;
    pending_action *p = &s->pending[s->n_pending];
    p->a = *a;
    p->a.item = keep(s, a->item, &oom);
    p->a.text = keep(s, a->text, &oom);
    p->a.person = keep(s, a->person, &oom);
    p->a.reason = keep(s, a->reason, &oom);
    if (oom)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    s->n_pending++;
    return sd_session_schedule(s, s->now + delay, EV_PENDING, (int32_t)(s->n_pending - 1), 0, err);
}

sd_refusal sd_session_last_refusal(const sd_session *s) { return s->refusal; }
