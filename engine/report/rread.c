/* rread.c - the validating reader of results files for reports. */
#define _DEFAULT_SOURCE /* madvise, MADV_DONTNEED */
#include "rread.h"
#include "../util/readfile.h"
#include "../util/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "../results/results.h"
#include "../scoring/score.h"
#include "jscan.h"

#define TIME_EXAMPLE "2026-03-13T18:00:00"
#define MAX_COUNT 1e12
#define MAX_SECONDS 1e11

static const char *const verdict_names[SD_RR_VERDICT_COUNT] = {"on_time", "late", "missing",
                                                               "unneeded"};

const char *sd_rr_verdict_name(int v)
{
    return v >= 0 && v < SD_RR_VERDICT_COUNT ? verdict_names[v] : "";
}

typedef struct pair {
    int64_t a, b;
} pair;

typedef struct rd {
    const char *name; /* the file, for messages */
    sd_error *err;
    sd_status st;
    char path[192];   /* the field being read: "items[3].tone[0]" */
    size_t plen;
    sd_rr *rr;
    const sd_rr_options *opt;
    pair *times;      /* per item: arrival offset, answer seconds (-1 unanswered) */
    size_t n_times, cap_times;
    size_t cap_events;
    const char *map;  /* the file's mapping (sd_rr_read), or NULL */
    const char *released; /* the mapping before this is given back */
} rd;

#define RELEASE_BYTES ((size_t)64 << 20)

/* Gives back the pages of the mapping that have been read, so that a large file does not
 * stay resident; the kernel reads them again if they are touched. */
static void release_before(rd *c, const char *p)
{
    if (c->map == NULL || (size_t)(p - c->released) < RELEASE_BYTES)
        return;
    size_t page = 4096;
    const char *to = c->map + ((size_t)(p - c->map) / page) * page;
    if (to > c->released) {
        madvise((void *)c->released, (size_t)(to - c->released), MADV_DONTNEED); /* advice only */
        c->released = to;
    }
}

/* ---- messages ---- */

/* At most 40 bytes of s, whole characters, control characters as '?'. */
static void quote(const char *s, char out[48])
{
    size_t n = 0;
    while (s[n] && n < 40) {
        unsigned char ch = (unsigned char)s[n];
        out[n] = ch < 0x20 || ch == 0x7F ? '?' : (char)ch;
        n++;
    }
    bool cut = s[n] != '\0';
    while (cut && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* s[n] continues a character: keep whole characters only */
    if (cut) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
}

static void fail(rd *c, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void fail(rd *c, const char *key, const char *fmt, ...)
{
    if (c->st != SD_OK)
        return;
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    const char *dot = c->plen && key && *key ? "." : "";
    c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s: field %s%s%s: %s", c->name, c->path, dot,
                         key ? key : "", what);
}

static size_t push(rd *c, const char *key)
{
    size_t old = c->plen;
    int n = snprintf(c->path + c->plen, sizeof c->path - c->plen, "%s%s", c->plen ? "." : "", key);
    if (n > 0)
        c->plen += (size_t)n < sizeof c->path - c->plen ? (size_t)n : sizeof c->path - 1 - c->plen;
    return old;
}

static size_t push_index(rd *c, size_t i)
{
    size_t old = c->plen;
    char digits[24];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    if (c->plen + n + 3 > sizeof c->path)
        return old; /* (the path is only for messages; keys are short) */
    c->path[c->plen++] = '[';
    while (n)
        c->path[c->plen++] = digits[--n];
    c->path[c->plen++] = ']';
    c->path[c->plen] = '\0';
    return old;
}

static void pop(rd *c, size_t old)
{
    c->plen = old;
    c->path[old] = '\0';
}

/* ---- typed fields ---- */

static const cJSON *field(rd *c, const cJSON *o, const char *key, bool required)
{
    if (c->st != SD_OK)
        return NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL && required)
        fail(c, key, "is missing");
    return v;
}

static const char *str_f(rd *c, const cJSON *o, const char *key, bool required, bool nullable)
{
    const cJSON *v = field(c, o, key, required);
    if (v == NULL || (nullable && cJSON_IsNull(v)))
        return NULL;
    if (!cJSON_IsString(v) || v->valuestring == NULL) {
        fail(c, key, "expected a text%s", nullable ? " or null" : "");
        return NULL;
    }
    return v->valuestring;
}

static double num_f(rd *c, const cJSON *o, const char *key, bool required, double lo, double hi,
                    double def)
{
    const cJSON *v = field(c, o, key, required);
    if (v == NULL)
        return def;
    if (!cJSON_IsNumber(v)) {
        fail(c, key, "expected a number");
        return def;
    }
    double d = v->valuedouble;
    if (!(d >= lo && d <= hi)) {
        fail(c, key, "expected a number from %g to %g, got %g", lo, hi, d);
        return def;
    }
    return d;
}

static int64_t int_f(rd *c, const cJSON *o, const char *key, bool required, double lo, double hi,
                     int64_t def)
{
    const cJSON *v = field(c, o, key, required);
    if (v == NULL)
        return def;
    if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble)) {
        fail(c, key, "expected a whole number");
        return def;
    }
    double d = v->valuedouble;
    if (!(d >= lo && d <= hi)) {
        fail(c, key, "expected a whole number from %.0f to %.0f, got %g", lo, hi, d);
        return def;
    }
    return (int64_t)d;
}

static bool bool_f(rd *c, const cJSON *o, const char *key, bool required, bool def)
{
    const cJSON *v = field(c, o, key, required);
    if (v == NULL)
        return def;
    if (!cJSON_IsBool(v)) {
        fail(c, key, "expected true or false");
        return def;
    }
    return cJSON_IsTrue(v);
}

/* A time "YYYY-MM-DDTHH:MM:SS"; 0 when absent or null (nullable). */
static sd_time time_f(rd *c, const cJSON *o, const char *key, bool required, bool nullable)
{
    const cJSON *v = field(c, o, key, required);
    if (v == NULL || (nullable && cJSON_IsNull(v)))
        return 0;
    sd_time t = 0;
    const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
    if (s == NULL || strlen(s) != 19 || s[10] != 'T' || sd_time_parse(s, &t, NULL) != SD_OK) {
        fail(c, key, "expected a time like " TIME_EXAMPLE "%s", nullable ? " or null" : "");
        return 0;
    }
    return t;
}

/* A name from vocabulary voc; -1 when absent. */
static int enum_f(rd *c, const cJSON *o, const char *key, sd_vocab_id voc, bool required)
{
    const char *s = str_f(c, o, key, required, false);
    if (s == NULL)
        return -1;
    int v = sd_vocab_lookup(voc, s);
    if (v < 0) {
        char q[48];
        quote(s, q);
        fail(c, key, "unknown %s '%s'", sd_vocab_title(voc), q);
    }
    return v;
}

/* A name from a fixed list; -1 when absent. */
static int list_f(rd *c, const cJSON *o, const char *key, const char *const *names, int n,
                  const char *what, bool required)
{
    const char *s = str_f(c, o, key, required, false);
    if (s == NULL)
        return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    char q[48];
    quote(s, q);
    fail(c, key, "unknown %s '%s'", what, q);
    return -1;
}

static const cJSON *obj_f(rd *c, const cJSON *o, const char *key, bool required)
{
    const cJSON *v = field(c, o, key, required);
    if (v && !cJSON_IsObject(v)) {
        fail(c, key, "expected an object");
        return NULL;
    }
    return v;
}

static const cJSON *arr_f(rd *c, const cJSON *o, const char *key, bool required)
{
    const cJSON *v = field(c, o, key, required);
    if (v && !cJSON_IsArray(v)) {
        fail(c, key, "expected a list");
        return NULL;
    }
    return v;
}

/* Element i of a list must be an object. */
static bool elem_obj(rd *c, const cJSON *e)
{
    if (!cJSON_IsObject(e)) {
        fail(c, "", "expected an object");
        return false;
    }
    return c->st == SD_OK;
}

static const char *keep(rd *c, const char *s)
{
    if (s == NULL || c->st != SD_OK)
        return NULL;
    const char *p = sd_arena_strdup(&c->rr->arena, s);
    if (p == NULL)
        c->st = sd_error_set(c->err, SD_ERR_MEMORY, "%s: out of memory", c->name);
    return p;
}

/* ---- the escalation timeline ---- */

static void add_event(rd *c, sd_time t, sd_rr_event_kind kind, int what, int verdict, const char *item)
{
    sd_rr *rr = c->rr;
    if (c->st != SD_OK)
        return;
    if (rr->n_events == SD_RR_MAX_EVENTS) {
        rr->events_left_out++;
        return;
    }
    if (rr->n_events == c->cap_events) {
        size_t cap = c->cap_events ? c->cap_events * 2 : 16;
        sd_rr_event *p = realloc(rr->events, cap * sizeof *p);
        if (p == NULL) {
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "%s: out of memory", c->name);
            return;
        }
        rr->events = p;
        c->cap_events = cap;
    }
    rr->events[rr->n_events++] = (sd_rr_event){t, kind, what, verdict, keep(c, item)};
}

/* One action (top level or on an item): escalations, account steps and publishing go on
 * the timeline. verdicts: the item's verdict per target, or NULL. */
static void read_action(rd *c, const cJSON *a, const char *item, const int *verdicts)
{
    if (!elem_obj(c, a))
        return;
    sd_time t = time_f(c, a, "t", true, false);
    int kind = enum_f(c, a, "action", SD_VOCAB_ACTION, true);
    const char *on = str_f(c, a, "item", false, false);
    if (on == NULL)
        on = item;
    if (kind == SD_ACT_ESCALATE) {
        int target = enum_f(c, a, "target", SD_VOCAB_TARGET, true);
        int v = verdicts && target >= 0 ? verdicts[target] : SD_RR_NONE;
        add_event(c, t, SD_RR_EV_ESCALATE, target, v, on);
    } else if (kind == SD_ACT_ACCOUNT) {
        int step = enum_f(c, a, "step", SD_VOCAB_STEP, true);
        add_event(c, t, SD_RR_EV_ACCOUNT, step, SD_RR_NONE, on);
    } else if (kind == SD_ACT_PUBLISH) {
        add_event(c, t, SD_RR_EV_PUBLISH, -1, SD_RR_NONE, on);
    }
}

static void read_actions(rd *c, const cJSON *list, const char *item, const int *verdicts)
{
    size_t i = 0;
    for (const cJSON *a = list ? list->child : NULL; a && c->st == SD_OK; a = a->next, i++) {
        size_t old = push_index(c, i);
        read_action(c, a, item, verdicts);
        pop(c, old);
    }
}

/* ---- the top level ---- */

static const char *const severity_names[SD_SEV_COUNT] = {"minor", "major", "critical"};

static void read_feedback(rd *c, const cJSON *list)
{
    sd_rr *rr = c->rr;
    size_t n = (size_t)cJSON_GetArraySize(list);
    rr->feedback = n ? sd_arena_alloc(&rr->arena, n * sizeof *rr->feedback) : NULL;
    if (n && rr->feedback == NULL) {
        c->st = sd_error_set(c->err, SD_ERR_MEMORY, "%s: out of memory", c->name);
        return;
    }
    size_t old = push(c, "feedback");
    size_t i = 0;
    for (const cJSON *f = list->child; f && c->st == SD_OK; f = f->next, i++) {
        size_t o2 = push_index(c, i);
        if (elem_obj(c, f)) {
            sd_rr_feedback *fb = &rr->feedback[i];
            fb->rule = enum_f(c, f, "rule", SD_VOCAB_RULE, true);
            fb->item = keep(c, str_f(c, f, "item", true, true));
            fb->storm = keep(c, str_f(c, f, "storm", false, false));
            fb->count = int_f(c, f, "count", true, 0, MAX_COUNT, 0);
            fb->severity = list_f(c, f, "severity", severity_names, SD_SEV_COUNT, "severity", true);
            fb->cost = num_f(c, f, "cost", true, 0, 100, 0);
            fb->text = keep(c, str_f(c, f, "text", true, false));
            rr->n_feedback = i + 1;
        }
        pop(c, o2);
    }
    pop(c, old);
}

/* An id of [a-z_], 1..40 bytes. */
static const char *id_f(rd *c, const cJSON *o, const char *key)
{
    const char *s = str_f(c, o, key, true, false);
    if (s && (strlen(s) == 0 || strlen(s) > 40 || strspn(s, "abcdefghijklmnopqrstuvwxyz_") != strlen(s))) {
        fail(c, key, "expected an id of a-z and _ (1 to 40 bytes)");
        return NULL;
    }
    return s;
}

/* A debrief text: at most SD_RR_MAX_DEBRIEF_TEXT bytes. */
static const char *debrief_text_f(rd *c, const cJSON *o)
{
    const char *s = str_f(c, o, "text", true, false);
    if (s && strlen(s) > SD_RR_MAX_DEBRIEF_TEXT) {
        fail(c, "text", "is %zu bytes long; at most %d are allowed", strlen(s), SD_RR_MAX_DEBRIEF_TEXT);
        return NULL;
    }
    return s;
}

/* "strengths": [{ "id", "rule", "text" }] */
static void read_strengths(rd *c, const cJSON *list)
{
    sd_rr *rr = c->rr;
    size_t n = (size_t)cJSON_GetArraySize(list);
    size_t old = push(c, "strengths");
    if (n > SD_RR_MAX_STRENGTHS) {
        fail(c, "", "has %zu entries; at most %d are allowed", n, SD_RR_MAX_STRENGTHS);
        pop(c, old);
        return;
    }
    rr->strengths = n ? sd_arena_alloc(&rr->arena, n * sizeof *rr->strengths) : NULL;
    if (n && rr->strengths == NULL)
        c->st = sd_error_set(c->err, SD_ERR_MEMORY, "%s: out of memory", c->name);
    size_t i = 0;
    for (const cJSON *f = list->child; f && c->st == SD_OK; f = f->next, i++) {
        size_t o2 = push_index(c, i);
        if (elem_obj(c, f)) {
            sd_rr_strength *x = &rr->strengths[i];
            x->id = keep(c, id_f(c, f, "id"));
            x->rule = enum_f(c, f, "rule", SD_VOCAB_RULE, true);
            x->text = keep(c, debrief_text_f(c, f));
            if (c->st == SD_OK)
                rr->n_strengths = i + 1;
        }
        pop(c, o2);
    }
    pop(c, old);
}

/* "timeline": [{ "t", "event", "value", "text" }], in time order */
static void read_timeline(rd *c, const cJSON *list)
{
    sd_rr *rr = c->rr;
    size_t n = (size_t)cJSON_GetArraySize(list);
    size_t old = push(c, "timeline");
    if (n > SD_RR_MAX_MOMENTS) {
        fail(c, "", "has %zu entries; at most %d are allowed", n, SD_RR_MAX_MOMENTS);
        pop(c, old);
        return;
    }
    rr->timeline = n ? sd_arena_alloc(&rr->arena, n * sizeof *rr->timeline) : NULL;
    if (n && rr->timeline == NULL)
        c->st = sd_error_set(c->err, SD_ERR_MEMORY, "%s: out of memory", c->name);
    size_t i = 0;
    for (const cJSON *f = list->child; f && c->st == SD_OK; f = f->next, i++) {
        size_t o2 = push_index(c, i);
        if (elem_obj(c, f)) {
            sd_rr_moment *x = &rr->timeline[i];
            x->t = time_f(c, f, "t", true, false);
            x->event = keep(c, id_f(c, f, "event"));
            x->value = int_f(c, f, "value", true, -1, MAX_COUNT, 0);
            x->text = keep(c, debrief_text_f(c, f));
            if (c->st == SD_OK && i > 0 && x->t < rr->timeline[i - 1].t)
                fail(c, "t", "the timeline is not in time order");
            if (c->st == SD_OK)
                rr->n_timeline = i + 1;
        }
        pop(c, o2);
    }
    pop(c, old);
}

static void read_review(rd *c, const cJSON *rv);

static void read_top(rd *c, const cJSON *top)
{
    sd_rr *rr = c->rr;
    rr->program = keep(c, str_f(c, top, "program", true, false));
    const cJSON *sc = obj_f(c, top, "scenario", true);
    if (sc) {
        size_t old = push(c, "scenario");
        rr->scenario_id = keep(c, str_f(c, sc, "id", true, false));
        rr->scenario_title = keep(c, str_f(c, sc, "title", true, false));
        const char *sha = str_f(c, sc, "sha256", true, false);
        if (sha && (strlen(sha) != 64 || strspn(sha, "0123456789abcdef") != 64))
            fail(c, "sha256", "expected 64 hexadecimal digits");
        rr->scenario_sha256 = keep(c, sha);
        int lang = enum_f(c, sc, "language", SD_VOCAB_LANGUAGE, true);
        rr->lang = lang >= 0 ? (sd_language)lang : SD_LANG_SV;
        pop(c, old);
    }
    const cJSON *p = obj_f(c, top, "participant", true);
    if (p) {
        size_t old = push(c, "participant");
        rr->participant = keep(c, str_f(c, p, "name", true, false));
        static const char *const kinds[] = {"scripted", "person"};
        int kind = list_f(c, p, "kind", kinds, 2, "participant kind", true);
        rr->participant_kind = kind >= 0 ? kinds[kind] : "";
        rr->participant_sha256 = keep(c, str_f(c, p, "sha256", false, false));
        pop(c, old);
    }
    const char *date = str_f(c, top, "date", false, true);
    if (date && !sd_date_valid(date))
        fail(c, "date", "expected a date like 2026-03-13 or null");
    rr->date = keep(c, date);
    rr->seed = int_f(c, top, "seed", true, 0, 9007199254740991.0, 0);
    rr->start = time_f(c, top, "start", true, false);
    rr->end = time_f(c, top, "end", true, true);
    if (c->st == SD_OK && rr->end && rr->end < rr->start)
        fail(c, "end", "the end is before the start");
    rr->end_reason = keep(c, str_f(c, top, "end_reason", true, false));
    /* The log's integrity (results format 2; format 1 did not say). */
    rr->integrity = "unknown";
    const cJSON *in = obj_f(c, top, "integrity", false);
    if (in) {
        size_t old = push(c, "integrity");
        static const char *const states[] = {"unsealed", "sealed-intact", "sealed-unverified"};
        int k = list_f(c, in, "log", states, 3, "integrity state", true);
        rr->integrity = k >= 0 ? states[k] : "unknown";
        rr->log_format = int_f(c, in, "log_format", true, 1, 2, 2);
        const char *id = str_f(c, in, "key_id", false, false);
        if (id && (strlen(id) != 16 || strspn(id, "0123456789abcdef") != 16))
            fail(c, "key_id", "expected 16 hex digits");
        rr->key_id = keep(c, id);
        rr->seal_complete = bool_f(c, in, "seal_complete", false, false);
        pop(c, old);
    }

    const cJSON *s = obj_f(c, top, "summary", true);
    if (s) {
        size_t old = push(c, "summary");
        rr->summary.items = int_f(c, s, "items", true, 0, MAX_COUNT, 0);
        rr->summary.expecting_answer = int_f(c, s, "expecting_answer", true, 0, MAX_COUNT, 0);
        rr->summary.answered = int_f(c, s, "answered", true, 0, MAX_COUNT, 0);
        rr->summary.on_time = int_f(c, s, "on_time", true, 0, MAX_COUNT, 0);
        rr->summary.late = int_f(c, s, "late", true, 0, MAX_COUNT, 0);
        rr->summary.unanswered = int_f(c, s, "unanswered", true, 0, MAX_COUNT, 0);
        rr->summary.actions = int_f(c, s, "actions", true, 0, MAX_COUNT, 0);
        rr->summary.rejected = int_f(c, s, "rejected_actions", true, 0, MAX_COUNT, 0);
        rr->summary.median_answer = num_f(c, s, "median_answer_seconds", false, 0, MAX_SECONDS, -1);
        rr->summary.p90_answer = num_f(c, s, "p90_answer_seconds", false, 0, MAX_SECONDS, -1);
        pop(c, old);
    }
    const cJSON *sco = obj_f(c, top, "scores", true);
    if (sco) {
        size_t old = push(c, "scores");
        rr->speed = num_f(c, sco, "speed", true, 0, 100, 0);
        rr->tone = num_f(c, sco, "tone", true, 0, 100, 0);
        rr->escalation = num_f(c, sco, "escalation", true, 0, 100, 0);
        rr->overall = num_f(c, sco, "overall", true, 0, 100, 0);
        const cJSON *w = obj_f(c, sco, "weights", true);
        if (w) {
            size_t o2 = push(c, "weights");
            rr->w_speed = num_f(c, w, "speed", true, 0, 1, 0);
            rr->w_tone = num_f(c, w, "tone", true, 0, 1, 0);
            rr->w_escalation = num_f(c, w, "escalation", true, 0, 1, 0);
            pop(c, o2);
        }
        pop(c, old);
    }
    const cJSON *fig = obj_f(c, top, "figures", true);
    if (fig) {
        size_t old = push(c, "figures");
        rr->replies_checked = int_f(c, fig, "replies_checked", true, 0, MAX_COUNT, 0);
        pop(c, old);
    }
    const cJSON *fb = arr_f(c, top, "feedback", true);
    if (fb)
        read_feedback(c, fb);
    const cJSON *st = arr_f(c, top, "strengths", false);
    if (st)
        read_strengths(c, st);
    const cJSON *tl = arr_f(c, top, "timeline", false);
    if (tl)
        read_timeline(c, tl);
    const cJSON *acts = arr_f(c, top, "actions", true);
    if (acts) {
        size_t old = push(c, "actions");
        read_actions(c, acts, NULL, NULL);
        pop(c, old);
    }
    const cJSON *rv = obj_f(c, top, "review", false);
    if (rv)
        read_review(c, rv);
}

/* The "review" member: untrusted like the rest (types, ranges, lengths, how many). */
static void read_review(rd *c, const cJSON *rv)
{
    sd_rr *rr = c->rr;
    size_t old = push(c, "review");
    const char *format = str_f(c, rv, "format", true, false);
    if (format && strcmp(format, "stormdrill.review/1") != 0)
        fail(c, "format", "expected \"stormdrill.review/1\"");
    const cJSON *ev = arr_f(c, rv, "evaluators", true);
    size_t n = ev ? (size_t)cJSON_GetArraySize(ev) : 0;
    if (n > SD_RR_MAX_EVALUATORS)
        fail(c, "evaluators", "more than %d evaluators", SD_RR_MAX_EVALUATORS);
    if (c->st == SD_OK && n) {
        rr->evaluators = sd_arena_alloc(&rr->arena, n * sizeof *rr->evaluators);
        if (!rr->evaluators)
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "%s: out of memory", c->name);
    }
    size_t o2 = push(c, "evaluators");
    size_t i = 0;
    for (const cJSON *e = ev ? ev->child : NULL; e && c->st == SD_OK; e = e->next, i++) {
        size_t o3 = push_index(c, i);
        if (!cJSON_IsString(e) || !e->valuestring || !*e->valuestring || strlen(e->valuestring) > 200 ||
            !sd_utf8_valid(e->valuestring, strlen(e->valuestring)))
            fail(c, "", "expected a name (1 to 200 bytes of UTF-8 text)");
        else
            rr->evaluators[rr->n_evaluators++] = keep(c, e->valuestring);
        pop(c, o3);
    }
    pop(c, o2);
    rr->review_marks = int_f(c, rv, "marks", true, 0, MAX_COUNT, 0);
    rr->review_replies = int_f(c, rv, "replies_reviewed", true, 0, MAX_COUNT, 0);
    rr->review_decisions = int_f(c, rv, "decisions_reviewed", true, 0, MAX_COUNT, 0);
    rr->review_compared = int_f(c, rv, "compared", true, 0, MAX_COUNT, 0);
    rr->review_agreed = int_f(c, rv, "agreed", true, 0, MAX_COUNT, 0);
    if (c->st == SD_OK && rr->review_agreed > rr->review_compared)
        fail(c, "agreed", "more agreed than compared");
    const cJSON *rows = arr_f(c, rv, "agreement", true);
    if (rows && cJSON_GetArraySize(rows) > SD_RR_MAX_REVIEW_ROWS)
        fail(c, "agreement", "more than %d rows", SD_RR_MAX_REVIEW_ROWS);
    o2 = push(c, "agreement");
    i = 0;
    for (const cJSON *r = rows ? rows->child : NULL; r && c->st == SD_OK; r = r->next, i++) {
        size_t o3 = push_index(c, i);
        if (elem_obj(c, r)) {
            const char *rule = str_f(c, r, "rule", true, false);
            if (rule && (!*rule || strlen(rule) > 40 || strspn(rule, "abcdefghijklmnopqrstuvwxyz_") != strlen(rule)))
                fail(c, "rule", "expected a rule id (a-z and _, at most 40)");
            for (size_t k = 0; rule && c->st == SD_OK && k < rr->n_review_rows; k++)
                if (strcmp(rr->review_rows[k].rule, rule) == 0)
                    fail(c, "rule", "the rule is listed twice");
            sd_rr_review_row row = {.rule = keep(c, rule)};
            row.reviewed = int_f(c, r, "reviewed", true, 0, MAX_COUNT, 0);
            row.agreed = int_f(c, r, "agreed", true, 0, MAX_COUNT, 0);
            if (c->st == SD_OK && row.agreed > row.reviewed)
                fail(c, "agreed", "more agreed than reviewed");
            if (c->st == SD_OK)
                rr->review_rows[rr->n_review_rows++] = row;
        }
        pop(c, o3);
    }
    pop(c, o2);
    rr->reviewed = c->st == SD_OK;
    pop(c, old);
}

/* ---- items ---- */


/* A tone check's id: a rule id, or one of the checks on what a reply says (scoring/tone.h)
 * counted under its rule where it has one (answers: answer_questions, refer:
 * refer_right_authority, channel: move_case) and under none otherwise (-1: avoid, spelling,
 * name, whose misses the feedback lists). Anything else is refused. */
static int check_rule(rd *c, const cJSON *k)
{
    const char *s = str_f(c, k, "id", true, false);
    if (s == NULL)
        return -1;
    int v = sd_vocab_lookup(SD_VOCAB_RULE, s);
    if (v >= 0)
        return v;
    static const struct {
        const char *check;
        int rule;
    } extra[] = {{"answers", SD_RULE_ANSWER_QUESTIONS}, {"refer", SD_RULE_REFER_RIGHT_AUTHORITY},
                 {"channel", SD_RULE_MOVE_CASE}, {"avoid", -1}, {"spelling", -1}, {"name", -1}};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (strcmp(s, extra[i].check) == 0)
            return extra[i].rule;
    char q[48];
    quote(s, q);
    fail(c, "id", "unknown rule id '%s'", q);
    return -1;
}

static void read_tone(rd *c, const cJSON *list, sd_rr_item *it)
{
    double sum = 0;
    size_t i = 0;
    for (const cJSON *r = list->child; r && c->st == SD_OK; r = r->next, i++) {
        size_t old = push_index(c, i);
        if (elem_obj(c, r)) {
            time_f(c, r, "reply_at", true, false);
            sum += num_f(c, r, "score", true, 0, 100, 0);
            it->replies++;
            const cJSON *checks = arr_f(c, r, "checks", true);
            size_t o2 = push(c, "checks");
            size_t j = 0;
            for (const cJSON *k = checks ? checks->child : NULL; k && c->st == SD_OK; k = k->next, j++) {
                size_t o3 = push_index(c, j);
                if (elem_obj(c, k)) {
                    int rule = check_rule(c, k);
                    bool applies = bool_f(c, k, "applies", true, false);
                    bool pass = bool_f(c, k, "pass", true, false);
                    if (c->st == SD_OK && applies && rule >= 0) {
                        c->rr->checks[rule][pass ? 0 : 1]++;
                        if (!pass)
                            it->checks_failed |= 1u << rule;
                    }
                }
                pop(c, o3);
            }
            pop(c, o2);
        }
        pop(c, old);
    }
    it->tone_score = it->replies ? sum / (double)it->replies : -1;
}

static void read_verdicts(rd *c, const cJSON *v, sd_rr_item *it, int verdict_of[SD_TARGET_COUNT])
{
    const cJSON *esc = arr_f(c, v, "escalations", false);
    size_t old = push(c, "escalations");
    size_t i = 0;
    for (const cJSON *e = esc ? esc->child : NULL; e && c->st == SD_OK; e = e->next, i++) {
        size_t o2 = push_index(c, i);
        if (elem_obj(c, e)) {
            int target = enum_f(c, e, "target", SD_VOCAB_TARGET, true);
            int verdict = list_f(c, e, "verdict", verdict_names, SD_RR_VERDICT_COUNT, "verdict", true);
            if (target >= 0 && verdict >= 0) {
                it->esc[verdict] |= 1u << target;
                verdict_of[target] = verdict;
            }
        }
        pop(c, o2);
    }
    pop(c, old);
    it->decision = enum_f(c, v, "decision", SD_VOCAB_DECISION, false);
    const cJSON *faults = arr_f(c, v, "faults", false);
    old = push(c, "faults");
    i = 0;
    for (const cJSON *f = faults ? faults->child : NULL; f && c->st == SD_OK; f = f->next, i++) {
        size_t o2 = push_index(c, i);
        if (!cJSON_IsString(f)) {
            fail(c, "", "expected a text");
            pop(c, o2);
            break;
        }
        int k = -1;
        for (int j = 0; j < SD_FAULT_COUNT; j++)
            if (strcmp(f->valuestring, sd_fault_name((sd_fault)j)) == 0)
                k = j;
        if (k < 0) {
            char q[48];
            quote(f->valuestring, q);
            fail(c, "", "unknown fault '%s'", q);
        } else {
            it->faults |= 1u << k;
        }
        pop(c, o2);
    }
    pop(c, old);
}

static void read_item(rd *c, const cJSON *o, size_t index)
{
    sd_rr_item it = {.index = index, .mood = -1, .answer_action = -1, .late = -1,
                     .answer_seconds = -1, .speed_score = -1, .tone_score = -1, .decision = -1};
    if (!elem_obj(c, o))
        return;
    it.id = str_f(c, o, "id", true, false);
    it.kind = enum_f(c, o, "kind", SD_VOCAB_KIND, true);
    const cJSON *author = obj_f(c, o, "author", false);
    if (author) {
        size_t old = push(c, "author");
        str_f(c, author, "id", false, false);
        const char *handle = str_f(c, author, "handle", false, false);
        /* An author known by the handle alone shows as that handle. */
        it.first = str_f(c, author, "first", handle == NULL, false);
        if (it.first == NULL)
            it.first = handle;
        it.last = str_f(c, author, "last", false, false);
        pop(c, old);
        it.mood = enum_f(c, o, "mood", SD_VOCAB_MOOD, true);
    }
    it.storm = str_f(c, o, "storm", false, false);
    it.arrival = time_f(c, o, "arrival", true, false);
    it.deadline = time_f(c, o, "deadline", true, true);
    it.answered_at = time_f(c, o, "answered_at", true, true);
    if (it.answered_at) {
        it.answer_seconds = int_f(c, o, "answer_seconds", true, 0, MAX_SECONDS, 0);
        it.answer_action = enum_f(c, o, "answer_action", SD_VOCAB_ACTION, true);
        it.late = bool_f(c, o, "late", true, false);
        if (c->st == SD_OK && it.answered_at - it.arrival != it.answer_seconds)
            fail(c, "answer_seconds", "is not answered_at - arrival");
    }
    const cJSON *expect = obj_f(c, o, "expect", true);
    if (expect) {
        size_t old = push(c, "expect");
        it.expects_answer = bool_f(c, expect, "answer", true, false);
        pop(c, old);
    }
    it.speed_score = num_f(c, o, "speed_score", false, 0, 100, -1);
    const cJSON *tone = arr_f(c, o, "tone", false);
    if (tone) {
        size_t old = push(c, "tone");
        read_tone(c, tone, &it);
        pop(c, old);
    }
    int verdict_of[SD_TARGET_COUNT];
    for (int t = 0; t < SD_TARGET_COUNT; t++)
        verdict_of[t] = SD_RR_NONE;
    const cJSON *v = obj_f(c, o, "verdicts", false);
    if (v) {
        size_t old = push(c, "verdicts");
        read_verdicts(c, v, &it, verdict_of);
        pop(c, old);
    }
    const cJSON *acts = arr_f(c, o, "actions", true);
    if (acts) {
        size_t old = push(c, "actions");
        read_actions(c, acts, it.id, verdict_of);
        pop(c, old);
    }
    if (c->st != SD_OK)
        return;
    for (int t = 0; t < SD_TARGET_COUNT; t++)
        if (verdict_of[t] == SD_RR_MISSING)
            add_event(c, 0, SD_RR_EV_ESCALATE, t, SD_RR_MISSING, it.id);
    /* Volume and answer time over the exercise. */
    if (c->n_times == c->cap_times) {
        size_t cap = c->cap_times ? c->cap_times * 2 : 256;
        pair *p = realloc(c->times, cap * sizeof *p);
        if (p == NULL) {
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "%s: out of memory", c->name);
            return;
        }
        c->times = p;
        c->cap_times = cap;
    }
    c->times[c->n_times++] = (pair){it.arrival - c->rr->start, it.answered_at ? it.answer_seconds : -1};
    c->rr->n_items++;
    if (c->opt && c->opt->on_item) {
        sd_status st = c->opt->on_item(c->opt->ctx, c->rr, &it, c->err);
        if (st != SD_OK)
            c->st = st;
    }
}

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return (x->b > y->b) - (x->b < y->b);
}

/* Chooses the bin width and fills the bins from the items' times. */
static void make_bins(rd *c)
{
    sd_rr *rr = c->rr;
    int64_t span = rr->end ? rr->end - rr->start : 0;
    for (size_t i = 0; i < c->n_times; i++)
        if (c->times[i].a + 1 > span)
            span = c->times[i].a + 1;
    if (span < 60)
        span = 60;
    static const int64_t steps[] = {60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600,
                                    43200, 86400};
    int64_t w = 0;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0] && w == 0; i++)
        if ((span + steps[i] - 1) / steps[i] <= SD_RR_MAX_BINS)
            w = steps[i];
    if (w == 0)
        w = (span + SD_RR_MAX_BINS - 1) / SD_RR_MAX_BINS;
    rr->bin_seconds = w;
    rr->n_bins = (size_t)((span + w - 1) / w);
    if (rr->n_bins > SD_RR_MAX_BINS)
        rr->n_bins = SD_RR_MAX_BINS;
    /* Reuse the array: (bin, answer seconds), sorted. */
    for (size_t i = 0; i < c->n_times; i++) {
        int64_t b = c->times[i].a < 0 ? 0 : c->times[i].a / w;
        if (b >= (int64_t)rr->n_bins)
            b = (int64_t)rr->n_bins - 1;
        c->times[i].a = b;
        rr->bins[b].arrived++;
    }
    if (c->n_times)
        qsort(c->times, c->n_times, sizeof *c->times, cmp_pair);
    for (size_t b = 0; b < rr->n_bins; b++)
        rr->bins[b].median_answer = -1;
    for (size_t i = 0; i < c->n_times;) {
        size_t j = i;
        while (j < c->n_times && c->times[j].a == c->times[i].a)
            j++;
        size_t k = i;
        while (k < j && c->times[k].b < 0)
            k++; /* unanswered sort first */
        sd_rr_bin *bin = &rr->bins[c->times[i].a];
        bin->answered = (int64_t)(j - k);
        if (j > k)
            bin->median_answer = (double)c->times[k + (j - k - 1) / 2].b;
        i = j;
    }
}

static int cmp_event(const void *a, const void *b)
{
    const sd_rr_event *x = a, *y = b;
    /* Missing escalations (t == 0) last; otherwise by time, stable by kind and what. */
    if ((x->t == 0) != (y->t == 0))
        return x->t == 0 ? 1 : -1;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    if (x->kind != y->kind)
        return (int)x->kind - (int)y->kind;
    return x->what - y->what;
}

/* ---- the document ---- */

static const char *const top_keys[] = {"schema", "program", "scenario", "participant", "date",
                                       "seed", "start", "end", "end_reason", "summary", "scores",
                                       "figures", "feedback", "actions", "format", "integrity",
                                       "review", "strengths", "timeline"};

static sd_status bad_json(rd *c, const char *data, const char *at, const char *what)
{
    return c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s: not a results file: %s (at byte %zu)",
                                c->name, what, (size_t)(at - data));
}

/* Reads the items array that starts at v; returns where it ends (NULL on failure). */
static const char *read_items(rd *c, const char *data, const char *v, const char *vend)
{
    sd_jscan s;
    if (!sd_jscan_open(&s, v, vend, '[')) {
        fail(c, "items", "expected a list");
        return NULL;
    }
    size_t old = push(c, "items");
    const char *key, *e, *eend;
    size_t keylen, i = 0;
    int r = 0;
    while (c->st == SD_OK && (r = sd_jscan_next(&s, &key, &keylen, &e, &eend)) == 1) {
        const char *parse_end = NULL;
        cJSON *item = cJSON_ParseWithLengthOpts(e, (size_t)(eend - e), &parse_end, 0);
        size_t o2 = push_index(c, i);
        if (item == NULL) {
            fail(c, "", "not valid JSON (at byte %zu)", (size_t)(e - data));
        } else {
            read_item(c, item, i);
            cJSON_Delete(item);
            release_before(c, eend);
        }
        pop(c, o2);
        i++;
    }
    if (c->st == SD_OK && r < 0)
        bad_json(c, data, s.p, "not valid JSON in the items");
    pop(c, old);
    return c->st == SD_OK ? s.p : NULL;
}

/* What the top level must hold before the items can be read as they are found (the
 * writer's order); otherwise the items are read after the whole top level. */
static bool top_complete(const cJSON *top)
{
    for (size_t k = 0; k < sizeof top_keys / sizeof top_keys[0]; k++)
        if (strcmp(top_keys[k], "date") != 0 && strcmp(top_keys[k], "format") != 0 &&
            strcmp(top_keys[k], "integrity") != 0 && strcmp(top_keys[k], "review") != 0 &&
            strcmp(top_keys[k], "strengths") != 0 && strcmp(top_keys[k], "timeline") != 0 &&
            cJSON_GetObjectItemCaseSensitive(top, top_keys[k]) == NULL)
            return false;
    return true;
}

/* The checks that the document is a results file at all, in the order that gives the most
 * helpful message. rest: the first byte after the top-level object, or NULL when unknown. */
static void check_kind(rd *c, const cJSON *top, const char *data, const char *rest, const char *end)
{
    const char *format = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(top, "format"));
    const char *schema = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(top, "schema"));
    if (format && strncmp(format, "stormdrill.log/", 15) == 0) {
        sd_error_clear(c->err);
        c->st = sd_error_set(c->err, SD_ERR_INPUT,
                             "%s: this is a session log, not a results file: make the results "
                             "with 'stormdrill score LOG --out RESULTS.json'", c->name);
    } else if (c->st == SD_OK && rest && sd_jscan_ws(rest, end) != end) {
        bad_json(c, data, sd_jscan_ws(rest, end), "more data after the JSON object");
    } else if (c->st == SD_OK && !cJSON_GetObjectItemCaseSensitive(top, "schema")) {
        c->st = sd_error_set(c->err, SD_ERR_INPUT,
                             "%s: not a Stormdrill results file: field schema is missing", c->name);
    } else if (c->st == SD_OK && (schema == NULL || (strcmp(schema, SD_RESULT_SCHEMA) != 0 &&
                                                     strcmp(schema, SD_RESULT_SCHEMA_V1) != 0))) {
        char q[48] = "(not a text)";
        if (schema)
            quote(schema, q);
        c->st = sd_error_set(c->err, SD_ERR_INPUT,
                             "%s: field schema: '%s' is not supported (this program reads %s and %s)",
                             c->name, q, SD_RESULT_SCHEMA, SD_RESULT_SCHEMA_V1);
    }
}

static void read_document(rd *c, const char *data, size_t len)
{
    const char *end = data + len;
    sd_jscan s;
    const char *p = sd_jscan_ws(data, end);
    if (p == end) {
        c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s: not a results file: the file is empty", c->name);
        return;
    }
    if (!sd_jscan_open(&s, p, end, '{')) {
        bad_json(c, data, p, "not a JSON object");
        return;
    }
    cJSON *top = cJSON_CreateObject();
    if (top == NULL) {
        c->st = sd_error_set(c->err, SD_ERR_MEMORY, "%s: out of memory", c->name);
        return;
    }
    const char *items = NULL, *items_end = NULL, *key, *v, *vend;
    bool items_read = false; /* read where they were found */
    size_t keylen;
    int r = 0;
    while (c->st == SD_OK && (r = sd_jscan_key(&s, &key, &keylen)) == 1) {
        if (keylen == 5 && memcmp(key, "items", 5) == 0 && !items && !items_read) {
            if (top_complete(top)) {
                /* The writer's order: everything else came first, so the items are read
                 * here, in one pass over the file. */
                check_kind(c, top, data, NULL, end);
                if (c->st == SD_OK)
                    read_top(c, top);
                const char *e = c->st == SD_OK ? read_items(c, data, s.p, end) : NULL;
                if (e == NULL)
                    break;
                sd_jscan_value_read(&s, e);
                items_read = true;
            } else if (!sd_jscan_value(&s, &items, &items_end)) {
                r = -1;
                break;
            }
            continue;
        }
        if (!sd_jscan_value(&s, &v, &vend)) {
            r = -1;
            break;
        }
        for (size_t k = 0; k < sizeof top_keys / sizeof top_keys[0] && !items_read; k++) {
            if (strlen(top_keys[k]) != keylen || memcmp(key, top_keys[k], keylen) != 0 ||
                cJSON_GetObjectItemCaseSensitive(top, top_keys[k]) != NULL)
                continue;
            /* Parsed whole with cJSON (about seven times its size in memory): every member
             * but the items is small in a real results file (a ten-year exercise's figures
             * are under 1 MiB). */
            if ((size_t)(vend - v) > SD_RR_MAX_MEMBER_BYTES) {
                fail(c, top_keys[k], "is %zu bytes long; at most %zu are allowed outside the "
                     "items", (size_t)(vend - v), (size_t)SD_RR_MAX_MEMBER_BYTES);
                break;
            }
            const char *parse_end = NULL;
            cJSON *val = cJSON_ParseWithLengthOpts(v, (size_t)(vend - v), &parse_end, 0);
            if (val == NULL) {
                fail(c, top_keys[k], "not valid JSON (at byte %zu), or too large to read",
                     (size_t)(v - data));
                break;
            }
            cJSON_AddItemToObjectCS(top, top_keys[k], val);
            break;
        }
    }
    if (c->st == SD_OK && r < 0)
        bad_json(c, data, s.p, "not valid JSON");
    if (items_read) {
        if (c->st == SD_OK && sd_jscan_ws(s.p, end) != end)
            bad_json(c, data, sd_jscan_ws(s.p, end), "more data after the JSON object");
    } else {
        check_kind(c, top, data, s.p, end);
        if (c->st == SD_OK)
            read_top(c, top);
    }
    cJSON_Delete(top);
    if (c->st != SD_OK)
        return;
    if (!items_read) {
        if (items == NULL) {
            fail(c, "items", "is missing");
            return;
        }
        if (read_items(c, data, items, items_end) == NULL)
            return;
    }
    make_bins(c);
    if (c->rr->n_events > 1)
        qsort(c->rr->events, c->rr->n_events, sizeof *c->rr->events, cmp_event);
}

static sd_status read_buffer(const char *name, const char *data, size_t len, bool mapped,
                             const sd_rr_options *opt, sd_rr **out, sd_error *err);

sd_status sd_rr_read_buffer(const char *name, const char *data, size_t len,
                            const sd_rr_options *opt, sd_rr **out, sd_error *err)
{
    return read_buffer(name, data, len, false, opt, out, err);
}

static sd_status read_buffer(const char *name, const char *data, size_t len, bool mapped,
                             const sd_rr_options *opt, sd_rr **out, sd_error *err)
{
    *out = NULL;
    size_t max = opt && opt->max_bytes ? opt->max_bytes : SD_RR_MAX_BYTES_DEFAULT;
    if (len > max)
        return sd_error_set(err, SD_ERR_INPUT,
                            "%s: the file is %zu bytes, more than the %zu a results file may have",
                            name, len, max);
    sd_rr *rr = calloc(1, sizeof *rr);
    if (rr == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    rd c = {.name = name, .err = err, .rr = rr, .opt = opt, .map = mapped ? data : NULL,
            .released = data};
    rr->path = sd_arena_strdup(&rr->arena, name);
    if (rr->path == NULL)
        c.st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    else
        read_document(&c, data, len);
    free(c.times);
    if (c.st != SD_OK) {
        sd_rr_free(rr);
        return c.st;
    }
    *out = rr;
    return SD_OK;
}

sd_status sd_rr_read(const char *path, const sd_rr_options *opt, sd_rr **out, sd_error *err)
{
    *out = NULL;
    size_t max = opt && opt->max_bytes ? opt->max_bytes : SD_RR_MAX_BYTES_DEFAULT;
    FILE *f = NULL;
    uint64_t size = 0;
    /* A regular file only (a FIFO or device is refused at once), of at most max bytes. */
    sd_status st = sd_open_regular(path, NULL, max, &f, &size, err);
    if (st != SD_OK)
        return st;
    size_t len = (size_t)size;
    if (len == 0) {
        fclose(f);
        return sd_error_set(err, SD_ERR_INPUT, "%s: not a results file: the file is empty", path);
    }
    void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fileno(f), 0);
    fclose(f);
    if (map == MAP_FAILED)
        return sd_error_set(err, SD_ERR_IO, "%s: cannot read: %s", path, strerror(errno));
    posix_madvise(map, len, POSIX_MADV_SEQUENTIAL);
    st = read_buffer(path, map, len, true, opt, out, err);
    munmap(map, len);
    return st;
}

void sd_rr_free(sd_rr *rr)
{
    if (rr == NULL)
        return;
    free(rr->events);
    sd_arena_free(&rr->arena);
    free(rr);
}
