/* lint.c - the authoring checks of `stormdrill check` that run after a scenario has loaded:
 * expectations no action can meet, impossible deadlines, bad links, storms nobody could
 * keep up with, items at the very end, nothing to score, duplicate storm texts, items that
 * arrive before the item they are on; the slot the exercise fits and the load it puts on
 * one person (sd_scenario_load_estimate). See lint.h. */
#include "lint.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../guideline/answer.h"
#include "scenario_lua.h"
#include "../util/termtext.h"

#define MIN_ACT_SECONDS 60            /* nobody reads and answers in under a minute */
#define STORM_MAX_PER_HOUR 600.0      /* answer-expecting comments per hour ... */
#define STORM_TIGHT_WITHIN (10 * 60)  /* ... with a target under this: nobody keeps up */
#define HIJACK_NOTICE_WITHIN (15 * 60) /* the notice's escalation target (session.c) */

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

/* Appends a finding; hint is a plain string, the text a format. */
static sd_status add(sd_lint_list *l, sd_lint_level level, int line, const char *code,
                     const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static sd_status add(sd_lint_list *l, sd_lint_level level, int line, const char *code,
                     const char *hint, const char *fmt, ...)
{
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 8;
        sd_lint_msg *p = realloc(l->msgs, ncap * sizeof *p);
        if (p == NULL)
            return SD_ERR_MEMORY;
        l->msgs = p;
        l->cap = ncap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(fmt, ap);
    va_end(ap);
    char *h = strdup(hint);
    if (text == NULL || h == NULL) {
        free(text);
        free(h);
        return SD_ERR_MEMORY;
    }
    l->msgs[l->n++] = (sd_lint_msg){level, line > 0 ? line : 1, code, text, h};
    if (level == SD_LINT_ERROR)
        l->errors++;
    else
        l->warnings++;
    return SD_OK;
}

/* "+1h05m", "+30s", "+2m30s" for seconds after the start. */
static void rel_time(int64_t secs, char out[32])
{
    if (secs < 0)
        secs = 0;
    long long h = (long long)(secs / 3600), m = (long long)((secs % 3600) / 60),
              s = (long long)(secs % 60);
    int n = snprintf(out, 32, "+");
    if (h > 0)
        n += snprintf(out + n, 32 - (size_t)n, "%lldh%02lldm", h, m);
    else if (m > 0 || s == 0)
        n += snprintf(out + n, 32 - (size_t)n, "%lldm", m);
    if (s > 0)
        snprintf(out + n, 32 - (size_t)n, n > 1 ? "%02llds" : "%llds", s);
}

/* Some action of the participant would count as the answer (answer.c decides). */
static bool answerable(const sd_expect *e, sd_kind kind, bool repeat)
{
    for (int a = 0; a < SD_ACT_COUNT; a++) {
        if (a == SD_ACT_ESCALATE) {
            for (int t = 0; t < SD_TARGET_COUNT; t++)
                if (sd_action_answers(e, kind, repeat, (sd_action_kind)a, t))
                    return true;
        } else if (sd_action_answers(e, kind, repeat, (sd_action_kind)a, -1)) {
            return true;
        }
    }
    return false;
}

static bool web_address(const char *s)
{
    const char *rest = NULL;
    if (strncmp(s, "https://", 8) == 0)
        rest = s + 8;
    else if (strncmp(s, "http://", 7) == 0)
        rest = s + 7;
    else if (strncmp(s, "www.", 4) == 0)
        rest = s + 4;
    if (rest == NULL || *rest == '\0' || *rest == '/' || *rest == '.')
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ')
            return false; /* spaces, tabs, newlines: no address has them */
    return true;
}

static const char *unanswerable_hint(sd_kind kind)
{
    switch (kind) {
    case SD_KIND_POST:
        return "a post is the organisation's own; nobody replies to it: remove answer = true, or "
               "put the question in a comment{} on the post";
    case SD_KIND_MEDIA:
        return "a media article cannot be answered: remove answer = true, add an inquiry{} from "
               "the journalist, or expect an escalation (escalate = \"press_officer\")";
    case SD_KIND_NOTICE:
        return "a platform notice cannot be answered (acknowledging it answers nothing): remove "
               "answer = true or expect an escalation (escalate = \"it_security\")";
    default:
        return "no action answers this kind of item: remove answer = true or expect an "
               "escalation";
    }
}

/* A question (an answer expected) is scored on what a reply says only when the scenario
 * says what that is: key points, and a model answer to show in the feedback.
 * TODO (needs scoring/keypoints.h): warn when the model answer does not meet its own key
 * points, or names neither refer nor channel. */
static sd_status check_content(sd_lint_list *l, int line, const char *what, const sd_expect *e)
{
    if (!e->answer || e->cls != SD_CLASS_QUESTION)
        return SD_OK;
    const sd_content *c = e->content;
    sd_status st = SD_OK;
    if (c == NULL || c->n_points == 0)
        st = add(l, SD_LINT_WARNING, line, "points",
                 "list the facts a good reply gives: expect = { points = { { label = \"öppnar "
                 "på torsdag\", say = { \"torsdag\", \"öppnar igen\" } } } } (see "
                 "docs/scenario-api.md)",
                 "%s has no key points: add expect.points so that a reply is scored on what it "
                 "says", what);
    if (st == SD_OK && (c == NULL || c->model == NULL))
        st = add(l, SD_LINT_WARNING, line, "model",
                 "write the body of the reply you would send, without greeting and sign-off: "
                 "expect = { model = \"Biblioteket öppnar igen på torsdag. ...\" } (the "
                 "feedback shows it, the diligent participant sends it)",
                 "%s has no model answer: add expect.model", what);
    return st;
}

/* A declared theme that is answered publicly (question, complaint, rumour) is scored on
 * what its answer says: it needs key points and a model answer, as a question item does. */
static sd_status check_themes(sd_lint_list *l, const sd_storm *s)
{
    sd_status st = SD_OK;
    for (size_t i = 0; i < s->n_themes && st == SD_OK; i++) {
        const sd_storm_theme *th = &s->themes[i];
        if (th->kind != SD_THEME_QUESTION && th->kind != SD_THEME_COMPLAINT &&
            th->kind != SD_THEME_RUMOUR)
            continue;
        const sd_content *c = th->content;
        const char *kind = sd_vocab_name(SD_VOCAB_THEME_KIND, th->kind);
        if (th->link && th->link != s->expect.link && !web_address(th->link))
            st = add(l, SD_LINT_ERROR, th->line, "link",
                     "write the whole address, like \"https://www.example.se/sida\" (it must "
                     "start with https://, http:// or www. and have no spaces)",
                     "storm '%s' theme '%s': link '%s' is not a web address", s->id, th->id,
                     th->link);
        if (st != SD_OK)
            break;
        if (c == NULL || c->n_points == 0)
            st = add(l, SD_LINT_WARNING, th->line, "points",
                     "list the facts an answer to the theme gives, from what the scenario "
                     "states: themes = { { id = ..., points = { { label = \"flyttar till "
                     "Norrby skola\", say = { \"Norrby skola\" } } } } } (see "
                     "docs/scenario-api.md)",
                     "storm '%s' theme '%s' (a %s) has no key points: add points so that its "
                     "answers are scored on what they say", s->id, th->id, kind);
        if (st == SD_OK && (c == NULL || c->model == NULL))
            st = add(l, SD_LINT_WARNING, th->line, "model",
                     "write the body of the answer you would pin, without greeting and "
                     "sign-off: model = \"Läxhjälpen flyttar till Norrby skola ...\" (the "
                     "feedback shows it, colleagues and the diligent participant send it)",
                     "storm '%s' theme '%s' (a %s) has no model answer: add model", s->id,
                     th->id, kind);
    }
    return st;
}

/* Checks one expectation. what: "comment 'c1'" (for messages); kind and repeat: of the item;
 * link_is_url: the link came from the item's url field. */
static sd_status check_expect(sd_lint_list *l, int line, const char *what, sd_kind kind,
                              bool repeat, const sd_expect *e, bool link_is_url)
{
    sd_status st = SD_OK;
    char t[32];
    if (e->answer && !answerable(e, kind, repeat))
        st = add(l, SD_LINT_ERROR, line, "unanswerable", unanswerable_hint(kind),
                 "%s expects an answer, but no action can answer a %s", what,
                 sd_vocab_name(SD_VOCAB_KIND, kind));
    if (st == SD_OK && e->within > 0 && e->within < MIN_ACT_SECONDS) {
        rel_time(e->within, t);
        st = add(l, SD_LINT_ERROR, line, "within",
                 "give at least within = \"1m\"; comments usually get \"15m\" to \"1h\"",
                 "%s: expect.within is %s, shorter than anyone can read and answer (under a "
                 "minute)", what, t + 1);
    }
    if (st == SD_OK && e->escalate_within_given) {
        if (e->escalate == 0) {
            st = add(l, SD_LINT_WARNING, line, "escalate_within",
                     "add escalate = \"manager\" (or another target), or remove escalate_within",
                     "%s: expect.escalate_within is given but no escalation is expected, so it "
                     "has no effect", what);
        } else if (e->escalate_within < MIN_ACT_SECONDS) {
            rel_time(e->escalate_within, t);
            st = add(l, SD_LINT_ERROR, line, "escalate_within",
                     "give at least escalate_within = \"1m\" (counted from the item's arrival), "
                     "or leave it out to use the item's own deadline",
                     "%s: expect.escalate_within is %s, so no escalation can be on time", what,
                     t + 1);
        }
    }
    if (st == SD_OK && e->link && !web_address(e->link))
        st = add(l, SD_LINT_ERROR, line, "link",
                 "write the whole address, like \"https://www.example.se/sida\" (it must start "
                 "with https://, http:// or www. and have no spaces)",
                 "%s: %s '%s' is not a web address", what,
                 link_is_url ? "url (the link the answer should carry)" : "expect.link", e->link);
    if (st == SD_OK && e->link && !link_is_url && !e->answer)
        st = add(l, SD_LINT_WARNING, line, "link",
                 "set answer = true if a reply with the link is expected, or remove link",
                 "%s: expect.link is given but no answer is expected, so no reply will carry it",
                 what);
    return st;
}

static sd_status check_items(const sd_scenario *sc, sd_lint_list *l, const sd_item_def *items,
                             size_t n, bool prepared)
{
    sd_time end = sc->start + sc->duration;
    sd_status st = SD_OK;
    for (size_t i = 0; i < n && st == SD_OK; i++) {
        const sd_item_def *d = &items[i];
        char what[160], t[32];
        const char *kind = sd_vocab_name(SD_VOCAB_KIND, d->kind);
        if (prepared)
            snprintf(what, sizeof what, "prepared %s%s%s%s", kind, d->id ? " '" : "",
                     d->id ? d->id : "", d->id ? "'" : "");
        else
            snprintf(what, sizeof what, "%s '%s'", kind, d->id);
        bool link_is_url = d->url && d->expect.link == d->url;
        st = check_expect(l, d->line, what, d->kind, d->repeat_of != NULL, &d->expect, link_is_url);
        if (st == SD_OK)
            st = check_content(l, d->line, what, &d->expect);
        if (st != SD_OK || prepared)
            continue;
        /* Same time as the item it is on but declared after it: it arrives first. */
        /* One map look-up (ids are unique): linear in the items, not quadratic. */
        const sd_item_def *p = d->parent ? sd_scenario_item_def(sc, d->parent) : NULL;
        if (p && p > d && p->at == d->at)
            st = add(l, SD_LINT_ERROR, d->line, "order",
                     "declare the item it is on first, or give this one a later 'at'",
                     "%s: 'on' names '%s', declared later (line %d) at the same time, so "
                     "this arrives before it", what, d->parent, p->line);
        bool expects = d->expect.answer || d->expect.escalate;
        if (st == SD_OK && expects && end - d->at < MIN_ACT_SECONDS) {
            rel_time(d->at - sc->start, t);
            st = add(l, SD_LINT_WARNING, d->line, "late",
                     "move it earlier, or make the exercise longer (scenario{ duration = ... })",
                     "%s arrives at %s, %s, so nobody can respond to it", what, t,
                     d->at == end ? "as the exercise ends" : "less than a minute before the end");
        }
    }
    return st;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Warns about texts that occur more than once in one pool of a storm. */
static sd_status check_pool(sd_lint_list *l, const sd_storm *s, const sd_text_pool *p,
                            const char *pool_name)
{
    if (p->n < 2)
        return SD_OK;
    const char **v = malloc(p->n * sizeof *v);
    if (v == NULL)
        return SD_ERR_MEMORY;
    memcpy(v, p->texts, p->n * sizeof *v);
    qsort(v, p->n, sizeof *v, cmp_str);
    size_t dups = 0;
    const char *first = NULL;
    for (size_t i = 1; i < p->n; i++) {
        if (strcmp(v[i], v[i - 1]) == 0) {
            dups++;
            if (first == NULL)
                first = v[i];
        }
    }
    sd_status st = SD_OK;
    if (dups > 0) {
        char shown[64];
        size_t k = strlen(first);
        if (k > 48) {
            k = 48;
            while (k > 0 && ((unsigned char)first[k] & 0xC0) == 0x80)
                k--; /* do not cut a UTF-8 character */
        }
        snprintf(shown, sizeof shown, "%.*s%s", (int)k, first, strlen(first) > k ? "..." : "");
        st = add(l, SD_LINT_WARNING, s->line, "duplicate",
                 "remove the copies, or use repeats = 0.1 to have authors repeat themselves",
                 "storm '%s': %zu duplicate text%s in %s (e.g. \"%s\"); the same comment will "
                 "appear more often than the others", s->id, dups, dups == 1 ? "" : "s",
                 pool_name, shown);
    }
    free(v);
    return st;
}

/* The share of a storm's comments that are not a troll's. */
static double non_troll_share(const sd_scenario *sc, const sd_storm *s)
{
    if (s->n_authors == 0)
        return 1.0 - s->mood_mix[SD_MOOD_TROLL];
    size_t ok = 0;
    for (size_t a = 0; a < s->n_authors; a++) {
        const sd_persona *ps = sd_scenario_persona(sc, s->authors[a]);
        if (ps && ps->mood != SD_MOOD_TROLL)
            ok++;
    }
    return (double)ok / (double)s->n_authors;
}

static sd_status check_storms(const sd_scenario *sc, sd_lint_list *l)
{
    sd_status st = SD_OK;
    for (size_t i = 0; i < sc->n_storms && st == SD_OK; i++) {
        const sd_storm *s = &sc->storms[i];
        char what[96], t1[32], t2[32];
        snprintf(what, sizeof what, "storm '%s'", s->id);
        st = check_expect(l, s->line, what, SD_KIND_COMMENT, false, &s->expect, false);
        bool themed = s->n_themes > 0 && !s->themes[0].implicit;
        if (st == SD_OK && !themed)
            st = check_content(l, s->line, what, &s->expect);
        if (st == SD_OK && themed)
            st = check_themes(l, s);
        const sd_item_def *p = sd_scenario_item_def(sc, s->parent);
        if (st == SD_OK && p && p->at > s->from) {
            rel_time(s->from - sc->start, t1);
            rel_time(p->at - sc->start, t2);
            st = add(l, SD_LINT_ERROR, s->line, "order",
                     "let the storm start ('from') when or after the item it is on appears",
                     "%s starts at %s, before '%s' (line %d) appears at %s", what, t1, s->parent,
                     p->line, t2);
        }
        /* Peak pace of comments that expect an answer (the direct ones), at a neutral
         * audience. */
        if (st == SD_OK && s->expect.answer && s->expect.within > 0 &&
            s->expect.within < STORM_TIGHT_WITHIN && s->curve_area > 0 && s->count > 0) {
            double share = non_troll_share(sc, s);
            double shares = 0, direct = 0;
            for (size_t t = 0; t < s->n_themes; t++) {
                shares += s->themes[t].share;
                direct += s->themes[t].share * s->themes[t].direct;
            }
            share *= shares > 0 ? direct / shares : 0;
            double peak = s->count * sd_storm_curve_max(s) / s->curve_area * 3600.0 * share;
            if (peak > STORM_MAX_PER_HOUR) {
                rel_time(s->expect.within, t1);
                st = add(l, SD_LINT_WARNING, s->line, "storm_rate",
                         "fine for a test of triage; for a fair exercise lower count or rate, "
                         "give within = \"30m\" or more, or make more of the authors trolls",
                         "%s: at its peak about %.0f comments an hour expect an answer within %s; "
                         "no participant can keep up with more than %.0f an hour", what, peak,
                         t1 + 1, STORM_MAX_PER_HOUR);
            }
        }
        static const char *const pool_names[] = {"texts.calm", "texts.worried",
                                                 "texts.frustrated", "texts.angry",
                                                 "texts.troll", "texts"};
        for (int m = 0; m <= SD_MOOD_COUNT && st == SD_OK; m++)
            st = check_pool(l, s, &s->texts[m], pool_names[m]);
        char pool[120];
        for (size_t t = 0; t < s->n_themes && st == SD_OK; t++)
            for (int m = 0; m <= SD_MOOD_COUNT && st == SD_OK; m++) {
                snprintf(pool, sizeof pool, "theme '%s' %s", s->themes[t].id, pool_names[m]);
                st = check_pool(l, s, &s->themes[t].texts[m], pool);
            }
    }
    return st;
}

static sd_status check_hijacks(const sd_scenario *sc, sd_lint_list *l)
{
    sd_time end = sc->start + sc->duration;
    sd_status st = SD_OK;
    for (size_t i = 0; i < sc->n_hijacks && st == SD_OK; i++) {
        const sd_hijack *h = &sc->hijacks[i];
        char t[32];
        rel_time(h->at - sc->start, t);
        if (end - h->at < HIJACK_NOTICE_WITHIN)
            st = add(l, SD_LINT_WARNING, h->line, "late",
                     "start the hijack at least 15 minutes before the end (better 30 or more, "
                     "so there is time to secure the account and tell the followers)",
                     "hijack '%s' starts at %s, less than 15 minutes before the end: its notice "
                     "expects an escalation to it_security within 15 minutes%s", h->id, t,
                     end - h->at <= 5 * 60 ? ", and the attacker never gets to post" : "");
        if (st == SD_OK && h->message == NULL)
            st = add(l, SD_LINT_WARNING, h->line, "message",
                     "say what the followers must be told once the account is back: message = { "
                     "points = { { label = \"kontot var kapat\", say = { \"kapat\", \"kapats\" } "
                     "} } }",
                     "hijack '%s' has no message: add message = { points = ... } so that the "
                     "message to the followers is scored on what it says", h->id);
    }
    return st;
}

/* Scenario-wide: something happens, and something can be scored. */
static sd_status check_whole(const sd_scenario *sc, sd_lint_list *l)
{
    sd_time end = sc->start + sc->duration;
    int line = sc->scenario_line;
    size_t before_end = 0, expecting = 0;
    for (size_t i = 0; i < sc->n_items; i++) {
        const sd_item_def *d = &sc->items[i];
        if (d->at < end) {
            before_end++;
            if (d->expect.answer || d->expect.escalate)
                expecting++;
        }
    }
    for (size_t i = 0; i < sc->n_storms; i++) {
        const sd_storm *s = &sc->storms[i];
        before_end++;
        if ((s->expect.answer || s->expect.escalate) && s->count > 0 &&
            (s->n_authors > 0 || s->mood_mix[SD_MOOD_TROLL] < 1.0))
            expecting++;
    }
    for (size_t i = 0; i < sc->n_hijacks; i++) {
        if (sc->hijacks[i].at < end) {
            before_end++;
            expecting++; /* the notice expects an escalation to it_security */
        }
    }
    bool callbacks = false;
    for (size_t i = 0; i < sc->n_hooks; i++)
        if (sc->hooks[i].kind != SD_HOOK_ACTION)
            callbacks = true; /* on("item"), every() and when() can inject without any action */
    if (before_end == 0) {
        if (sc->n_items > 0)
            return add(l, SD_LINT_ERROR, line, "nothing",
                       "give the items earlier times ('at' counts from the start: \"+10m\"), or a "
                       "longer duration",
                       "every item arrives at the very end of the exercise, so nothing happens "
                       "while it runs");
        if (!callbacks)
            return add(l, SD_LINT_ERROR, line, "nothing",
                       "add a post{} and a few comment{}s (see docs/authoring-guide.md)",
                       "the scenario declares no items, storms or hijacks: nothing happens");
    }
    if (sc->n_storms > 0 && sc->scoring.crisis && sc->scoring.statement == NULL) {
        sd_status st = add(l, SD_LINT_WARNING, line, "statement",
                           "say what a crisis statement must say: scenario{ scoring = { statement "
                           "= { points = { \"vad som hänt\", \"vad vi gör\", \"var man läser "
                           "mer\" } } } } (see docs/scenario-api.md)",
                           "a crisis scenario (it has a storm) without scoring.statement: the "
                           "statement is checked only for the built-in minimum");
        if (st != SD_OK)
            return st;
    }
    if (expecting == 0)
        return add(l, SD_LINT_WARNING, line, "nothing_to_score",
                   callbacks ? "give some comments expect = { within = \"30m\" } (ignore this "
                               "if your callbacks inject items that expect answers)"
                             : "give some comments expect = { within = \"30m\" }, or expect an "
                               "escalation (escalate = \"manager\")",
                   "no item expects an answer or an escalation: there is nothing to score");
    return SD_OK;
}

/* ---- the load on one person (lint.h) ---- */

/* Adds `n` answers needed at t (simulated seconds from the start) to their real minute;
 * what falls after the minutes estimated is dropped. */
static void load_add(sd_load *l, double compression, double t, double n)
{
    if (t < 0)
        t = 0;
    double m = t / compression / 60.0;
    if (m >= (double)l->n_minutes)
        return;
    l->per_minute[(size_t)m] += n;
}

/* One theme of a storm, as the load needs it. */
typedef struct load_theme {
    double share;  /* of the storm's non-troll comments, 0..1 */
    double direct; /* share of its comments that need their own answer */
    bool public_answer; /* answered publicly once (question, complaint, rumour) */
    bool each;     /* every comment needs handling (threat, personal data) */
} load_theme;

/* A storm's themes as the load needs them (sd_storm.themes: the implicit one, a question
 * theme with direct 0.1, when none are declared). */
static load_theme storm_load_theme(const sd_storm *s, size_t i, double shares)
{
    const sd_storm_theme *t = &s->themes[i];
    bool dangerous = t->kind == SD_THEME_THREAT || t->kind == SD_THEME_PERSONAL_DATA;
    return (load_theme){shares > 0 ? t->share / shares : 0, dangerous ? 0 : t->direct,
                        !dangerous, dangerous};
}

#define LOAD_MAX_STEPS 100000 /* integration steps per storm */

/* Per theme of a storm while its comments are integrated. */
typedef struct load_theme_run {
    load_theme th;
    double seen;     /* non-troll comments expected so far */
    bool first_done; /* its public answer counted */
} load_theme_run;

/* Adds a storm's answers: per theme one public answer when its first comment is expected
 * (or its expected share of one, when fewer than one comment is expected), its direct
 * questions as they are expected to come, and every comment of a threat or personal-data
 * theme. Fails only when memory runs out. */
static sd_status load_storm(const sd_scenario *sc, const sd_storm *s, sd_load *l)
{
    double len = (double)(s->to - s->from);
    if (!(len > 0) || !(s->count > 0) || !(s->curve_area > 0))
        return SD_OK;
    bool declared = s->n_themes > 0 && !s->themes[0].implicit;
    if (!declared && !s->expect.answer && !s->expect.escalate)
        return SD_OK; /* one implicit theme whose comments expect nothing */
    double people = non_troll_share(sc, s);
    if (!(people > 0))
        return SD_OK;
    size_t nt = s->n_themes > 0 ? s->n_themes : 1;
    load_theme_run *run = calloc(nt, sizeof *run);
    if (run == NULL)
        return SD_ERR_MEMORY;
    double shares = 0;
    for (size_t i = 0; i < s->n_themes; i++)
        shares += s->themes[i].share;
    for (size_t i = 0; i < nt; i++)
        run[i].th = s->n_themes > 0 ? storm_load_theme(s, i, shares)
                                    : (load_theme){1.0, 0.1, true, false};
    double per_step_comments = s->count * people / s->curve_area; /* x curve x dt */
    size_t steps = (size_t)ceil(len / 30.0);
    if (steps > LOAD_MAX_STEPS)
        steps = LOAD_MAX_STEPS;
    if (steps == 0)
        steps = 1;
    double dt = len / (double)steps;
    double base = (double)(s->from - sc->start);
    double total = s->count * people;
    for (size_t k = 0; k < steps; k++) {
        double x = ((double)k + 0.5) * dt;
        double t = base + x;
        double c = per_step_comments * sd_storm_curve(s, x) * dt; /* non-troll comments */
        for (size_t i = 0; i < nt; i++) {
            load_theme_run *r = &run[i];
            double ci = c * r->th.share;
            if (r->th.each)
                load_add(l, sc->compression, t, ci);
            else if (r->th.direct > 0)
                load_add(l, sc->compression, t, ci * r->th.direct);
            if (!r->th.public_answer || r->first_done)
                continue;
            r->seen += ci;
            double expected = total * r->th.share; /* the theme's comments in all */
            double need = expected >= 1.0 ? 1.0 : expected / 2.0;
            if (need > 0 && r->seen >= need) {
                load_add(l, sc->compression, t, expected >= 1.0 ? 1.0 : expected);
                r->first_done = true;
            }
        }
    }
    free(run);
    return SD_OK;
}

sd_status sd_scenario_load_estimate(const sd_scenario *sc, sd_load *out, sd_error *err)
{
    double comp = sc->compression > 0 ? sc->compression : 1.0;
    *out = (sd_load)SD_LOAD_INIT;
    out->real_length = (double)sc->duration / comp;
    out->slot = sc->slot;
    double minutes = ceil(out->real_length / 60.0);
    if (minutes < 1)
        minutes = 1;
    if (minutes > SD_LOAD_MAX_MINUTES)
        minutes = SD_LOAD_MAX_MINUTES;
    out->n_minutes = (size_t)minutes;
    out->per_minute = calloc(out->n_minutes, sizeof *out->per_minute);
    if (out->per_minute == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sd_time end = sc->start + sc->duration;
    for (size_t i = 0; i < sc->n_items; i++) {
        const sd_item_def *d = &sc->items[i];
        if (d->at < end && (d->expect.answer || d->expect.escalate))
            load_add(out, comp, (double)(d->at - sc->start), 1);
    }
    for (size_t i = 0; i < sc->n_storms; i++)
        if (load_storm(sc, &sc->storms[i], out) != SD_OK) {
            sd_load_free(out);
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        }
    for (size_t i = 0; i < sc->n_hijacks; i++)
        if (sc->hijacks[i].at < end)
            load_add(out, comp, (double)(sc->hijacks[i].at - sc->start), 2);
    if (sc->scoring.crisis && sc->scoring.crisis_start < end)
        load_add(out, comp, (double)(sc->scoring.crisis_start - sc->start), 4);
    for (size_t m = 0; m < out->n_minutes; m++)
        out->total += out->per_minute[m];
    double real_min = out->real_length / 60.0;
    if (real_min > (double)out->n_minutes)
        real_min = (double)out->n_minutes;
    out->mean = real_min > 0 ? out->total / real_min : 0;
    /* The busiest window: the earliest of the most loaded; a scenario shorter than a
     * window is one window of its own length. */
    size_t win = SD_LOAD_WINDOW_MIN;
    if (out->n_minutes <= win) {
        out->peak_from = 0;
        out->peak_to = out->n_minutes;
        out->peak = real_min > 0 ? out->total / (real_min < win ? real_min : (double)win) : 0;
        return SD_OK;
    }
    double best = -1;
    for (size_t m = 0; m + win <= out->n_minutes; m++) {
        double a = sd_load_window(out, m, win);
        if (a > best + 1e-9) {
            best = a;
            out->peak_from = m;
        }
    }
    out->peak_to = out->peak_from + win;
    out->peak = best / (double)win;
    return SD_OK;
}

double sd_load_window(const sd_load *l, size_t from, size_t len)
{
    double a = 0;
    for (size_t m = from; m < from + len && m < l->n_minutes; m++)
        a += l->per_minute[m];
    return a;
}

void sd_load_free(sd_load *l)
{
    if (l == NULL)
        return;
    free(l->per_minute);
    *l = (sd_load)SD_LOAD_INIT;
}

/* "1h30m", "45m", "2d3h" for a number of seconds (rounded to the minute). */
static void span(double secs, char out[32])
{
    long long m = llround(secs / 60.0);
    long long d = m / 1440, h = (m % 1440) / 60, mm = m % 60;
    int n = 0;
    out[0] = '\0';
    if (d > 0)
        n += snprintf(out + n, 32 - (size_t)n, "%lldd", d);
    if (h > 0)
        n += snprintf(out + n, 32 - (size_t)n, "%lldh", h);
    if (mm > 0 || n == 0)
        snprintf(out + n, 32 - (size_t)n, "%lldm", mm);
}

/* The slot and the load: the real length must fit the slot with its briefing and debrief,
 * and no window may need more answers than one person gives. */
static sd_status check_load(const sd_scenario *sc, sd_lint_list *l)
{
    sd_load ld;
    if (sd_scenario_load_estimate(sc, &ld, NULL) != SD_OK)
        return SD_ERR_MEMORY;
    sd_status st = SD_OK;
    int line = sc->scenario_line;
    char real[32], slot[32], need[32];
    if (ld.slot > 0 && ld.real_length + SD_LOAD_BRIEFING > (double)ld.slot) {
        span(ld.real_length, real);
        span((double)ld.slot, slot);
        span(ld.real_length + SD_LOAD_BRIEFING, need);
        st = add(l, SD_LINT_WARNING, line, "slot",
                 "give a longer slot, a higher compression or a shorter duration (real length "
                 "= duration / compression)",
                 "the exercise lasts %s of real time; with 10 minutes of briefing and debrief "
                 "that is %s, longer than its slot of %s", real, need, slot);
    }
    /* Overloaded windows (more than the limit, in tenths of an answer: what is printed),
     * merged into spans of real minutes where they overlap. */
    size_t win = SD_LOAD_WINDOW_MIN;
    size_t last = ld.n_minutes > win ? ld.n_minutes - win : 0;
    size_t len = ld.n_minutes < win ? ld.n_minutes : win;
    double minutes = ld.n_minutes < win ? ld.real_length / 60.0 : (double)win;
    double limit = round(SD_LOAD_MAX_PER_MIN * minutes * 10.0);
    for (size_t m = 0; m <= last && st == SD_OK;) {
        double a = sd_load_window(&ld, m, len);
        if (!(round(a * 10.0) > limit)) {
            m++;
            continue;
        }
        size_t from = m, to = m + len;
        double peak = a;
        for (m++; m <= last && m < to; m++) {
            double b = sd_load_window(&ld, m, len);
            if (round(b * 10.0) > limit) {
                to = m + len;
                if (b > peak)
                    peak = b;
            }
        }
        char t1[32], t2[32];
        rel_time((int64_t)llround((double)from * 60.0 * sc->compression), t1);
        double to_sim = (double)to * 60.0 * sc->compression;
        if (to_sim > (double)sc->duration)
            to_sim = (double)sc->duration;
        rel_time((int64_t)llround(to_sim), t2);
        st = add(l, SD_LINT_WARNING, line, "load",
                 "one person gives about one answer a real minute (45-60 s a reply): lower the "
                 "compression, spread the items, make the storm smaller or give it fewer "
                 "themes, or plan for a colleague (escalate colleague_backup)",
                 "one person cannot keep up in real minutes %zu-%zu (simulated %s to %s): up "
                 "to %.1f answers needed in %.0f minutes (%.1f a minute)", from, to, t1, t2, peak,
                 minutes, peak / minutes);
    }
    sd_load_free(&ld);
    return st;
}

sd_status sd_scenario_lint(const sd_scenario *sc, sd_lint_list *out, sd_error *err)
{
    if (out->file == NULL) {
        out->file = strdup(sc->display ? sc->display : "scenario");
        if (out->file == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    sd_status st = check_items(sc, out, sc->items, sc->n_items, false);
    if (st == SD_OK)
        st = check_items(sc, out, sc->prepared, sc->n_prepared, true);
    if (st == SD_OK)
        st = check_storms(sc, out);
    if (st == SD_OK)
        st = check_hijacks(sc, out);
    if (st == SD_OK)
        st = check_whole(sc, out);
    if (st == SD_OK)
        st = check_load(sc, out);
    if (st != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    return SD_OK;
}

void sd_lint_print(FILE *f, const sd_lint_list *l, const sd_lint_msg *m)
{
    sd_term_printf(f, "%s:%d: %s: %s (hint: %s)\n", l->file ? l->file : "scenario", m->line,
            m->level == SD_LINT_ERROR ? "error" : "warning", m->text, m->hint);
}

void sd_lint_list_free(sd_lint_list *l)
{
    if (l == NULL)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->msgs[i].text);
        free(l->msgs[i].hint);
    }
    free(l->msgs);
    free(l->file);
    *l = (sd_lint_list)SD_LINT_LIST_INIT;
}
