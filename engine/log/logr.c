/* logr.c - reads and validates session log lines back into records. */
#include "logr.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../scenario/content_rules.h"
#include "../scenario/names.h"
#include "../scenario/scenario_lua.h"
#include "../util/buf.h"
#include "../util/readfile.h"
#include "../util/strmap.h"
#include "../util/utf8.h"
#include "chain.h"
#include "limits.h"

struct sd_logr {
    FILE *f;
    char *path;
    size_t line;
    sd_buf text;
    sd_record_keep keep;  /* what the current record borrows */
    sd_record_keep hkeep; /* what the header borrows: kept until the reader is closed */
    sd_rec_header header; /* the header read (have_header) */
    bool have_header;
    bool torn;
    char *torn_msg;
    char block[65536]; /* read-ahead */
    size_t pos, len;
    bool padded;       /* a NUL byte was seen: the rest is padding */
    bool at_end;
    uint64_t off;      /* file offset of the next unread byte of data */
    uint64_t line_end; /* file offset just after the line last read (its newline included) */
    bool line_nl;      /* that line ended with a newline */
    uint64_t good_end; /* line_end of the last line read back as a record */
    bool good_nl;
    /* integrity: the chain and the seal */
    bool have_key;
    sd_seal_key key;
    int version;       /* 0 before the header, then 1 or 2 */
    bool verify;       /* the chain is checked (version 2, and the key given if sealed) */
    sd_chain chain;    /* after the last line read back */
    sd_log_integrity integ;
    /* consistency: the start, the last time, the items that arrived */
    sd_time start, last_t;
    bool saw_end;      /* an end record was read */
    sd_strmap items;   /* item id -> index in item_off */
    sd_buf ids;        /* the item ids, NUL-ended, one after another */
    uint32_t *item_off;
    size_t n_items, cap_items;
    size_t last_theme;  /* the header theme the last themed item had (a search's start) */
};

static const char *item_key(const void *ctx, uint32_t v)
{
    const sd_logr *r = ctx;
    return r->ids.data + r->item_off[v];
}

sd_status sd_logr_open(const char *path, sd_logr **out, sd_error *err)
{
    *out = NULL;
    sd_logr *r = calloc(1, sizeof *r);
    if (r == NULL || (r->path = strdup(path)) == NULL) {
        free(r);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    sd_status st = sd_open_regular(path, NULL, 0, &r->f, NULL, err);
    if (st != SD_OK) {
        free(r->path);
        free(r);
        return st;
    }
    sd_strmap_init(&r->items, item_key, r);
    *out = r;
    return SD_OK;
}

void sd_logr_set_key(sd_logr *r, const sd_seal_key *key)
{
    r->have_key = key != NULL;
    if (key)
        r->key = *key;
}

void sd_logr_integrity(const sd_logr *r, sd_log_integrity *out) { *out = r->integ; }

void sd_logr_chain(const sd_logr *r, sd_chain *out, bool *chained)
{
    *out = r->chain;
    if (chained)
        *chained = r->version != 1;
}

const char *sd_integrity_name(sd_integrity_state s)
{
    switch (s) {
    case SD_INTEGRITY_UNSEALED: return "unsealed";
    case SD_INTEGRITY_SEALED_INTACT: return "sealed-intact";
    case SD_INTEGRITY_SEALED_UNVERIFIED: return "sealed-unverified";
    case SD_INTEGRITY_TAMPERED: return "tampered";
    }
    return "?";
}

int sd_integrity_lookup(const char *name)
{
    for (int i = 0; i <= SD_INTEGRITY_TAMPERED; i++)
        if (strcmp(sd_integrity_name((sd_integrity_state)i), name) == 0)
            return i;
    return -1;
}

void sd_integrity_describe(const sd_log_integrity *in, sd_buf *out)
{
    switch (in->state) {
    case SD_INTEGRITY_SEALED_INTACT:
        sd_buf_printf(out, "sealed and intact (key %s)%s", in->key_id,
                      in->complete ? "" : ", unfinished: no sealed end record");
        break;
    case SD_INTEGRITY_SEALED_UNVERIFIED:
        sd_buf_printf(out, "sealed (key %s), not verified (no key given)", in->key_id);
        break;
    case SD_INTEGRITY_TAMPERED:
        sd_buf_printf(out, "tampered at line %zu", in->bad_line);
        break;
    case SD_INTEGRITY_UNSEALED:
        sd_buf_printf(out, in->version == 1 ? "unsealed (format 1: no hash chain)"
                                            : "unsealed (hash chain intact)");
        break;
    }
}

void sd_logr_close(sd_logr *r)
{
    if (r == NULL)
        return;
    if (r->f)
        fclose(r->f);
    sd_record_keep_free(&r->keep);
    sd_record_keep_free(&r->hkeep);
    sd_buf_free(&r->text);
    free(r->torn_msg);
    free(r->path);
    sd_strmap_free(&r->items);
    sd_buf_free(&r->ids);
    free(r->item_off);
    sd_seal_key_clear(&r->key);
    sd_chain_wipe(&r->chain);
    free(r);
}

bool sd_logr_torn(const sd_logr *r, const char **msg)
{
    if (msg)
        *msg = r->torn_msg ? r->torn_msg : "";
    return r->torn;
}

size_t sd_logr_line(const sd_logr *r) { return r->line; }

const sd_rec_header *sd_logr_header(const sd_logr *r) { return r->have_header ? &r->header : NULL; }

void sd_record_keep_free(sd_record_keep *keep)
{
    cJSON_Delete(keep->json);
    sd_arena_free(&keep->arena);
    *keep = (sd_record_keep)SD_RECORD_KEEP_INIT;
}

uint64_t sd_logr_data_end(const sd_logr *r, bool *ends_with_newline)
{
    if (ends_with_newline)
        *ends_with_newline = r->good_end == 0 || r->good_nl;
    return r->good_end;
}

/* ---- field access with validation ---- */

typedef struct ctx {
    const char *where;
    sd_error *err;
    sd_status st;
} ctx;

static bool fail(ctx *c, const char *fmt, const char *field)
{
    if (c->st == SD_OK) {
        char msg[300];
        snprintf(msg, sizeof msg, fmt, field);
        c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s: %s", c->where, msg);
    }
    return false;
}

/* The first failure only, formatted whole: "where: message". */
static bool failf(ctx *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static bool failf(ctx *c, const char *fmt, ...)
{
    if (c->st == SD_OK) {
        char msg[400];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s: %s", c->where, msg);
    }
    return false;
}

static const char *str_max(ctx *c, const cJSON *o, const char *key, bool required, size_t max)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL || cJSON_IsNull(v)) {
        if (required)
            fail(c, "field '%s' is missing", key);
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        fail(c, "field '%s' must be a string", key);
        return NULL;
    }
    if (strlen(v->valuestring) > max) {
        if (c->st == SD_OK)
            c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s: field '%s' is longer than %zu bytes",
                                 c->where, key, max);
        return NULL;
    }
    return v->valuestring;
}

/* Field sizes: log/limits.h, the same numbers the writer checks. */
#define ID SD_MAX_ID_BYTES
#define NAME SD_MAX_NAME_BYTES
#define TEXT SD_MAX_TEXT_BYTES
#define REASON SD_MAX_REASON_BYTES
#define PATHB SD_MAX_PATH_BYTES
#define str(c, o, key, required) str_max(c, o, key, required, ID)

static double num(ctx *c, const cJSON *o, const char *key, bool required, double lo, double hi,
                  double dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL) {
        if (required)
            fail(c, "field '%s' is missing", key);
        return dflt;
    }
    if (!cJSON_IsNumber(v)) {
        fail(c, "field '%s' must be a number", key);
        return dflt;
    }
    if (!(v->valuedouble >= lo && v->valuedouble <= hi)) {
        fail(c, "field '%s' is out of range", key);
        return dflt;
    }
    return v->valuedouble;
}

static int64_t integer(ctx *c, const cJSON *o, const char *key, bool required, double lo,
                       double hi, int64_t dflt)
{
    double d = num(c, o, key, required, lo, hi, (double)dflt);
    if (d != floor(d)) {
        fail(c, "field '%s' must be a whole number", key);
        return dflt;
    }
    return (int64_t)d;
}

static bool boolean(ctx *c, const cJSON *o, const char *key, bool dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL)
        return dflt;
    if (!cJSON_IsBool(v)) {
        fail(c, "field '%s' must be true or false", key);
        return dflt;
    }
    return cJSON_IsTrue(v);
}

static sd_time time_field(ctx *c, const cJSON *o, const char *key, bool required)
{
    const char *s = str(c, o, key, required);
    sd_time t = 0;
    if (s && sd_time_parse(s, &t, NULL) != SD_OK)
        fail(c, "field '%s' is not a date-time YYYY-MM-DDTHH:MM:SS", key);
    else if (s && (t < SD_TIME_MIN || t > SD_TIME_MAX)) {
        if (c->st == SD_OK)
            c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s: field '%s' is outside the years "
                                 "%d..%d", c->where, key, SD_TIME_MIN_YEAR, SD_TIME_MAX_YEAR);
        t = 0;
    }
    return t;
}

static int enum_field(ctx *c, const cJSON *o, const char *key, sd_vocab_id voc, bool required,
                      int dflt)
{
    const char *s = str(c, o, key, required);
    if (s == NULL)
        return dflt;
    int v = sd_vocab_lookup(voc, s);
    if (v < 0) {
        fail(c, "field '%s' has an unknown value", key);
        return dflt;
    }
    return v;
}

static uint64_t set_field(ctx *c, const cJSON *o, const char *key, sd_vocab_id voc, uint64_t dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL)
        return dflt;
    if (!cJSON_IsArray(v)) {
        fail(c, "field '%s' must be a list", key);
        return dflt;
    }
    uint64_t set = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, v)
    {
        int x = cJSON_IsString(e) ? sd_vocab_lookup(voc, e->valuestring) : -1;
        if (x < 0) {
            fail(c, "field '%s' has an unknown value", key);
            return dflt;
        }
        set |= 1ULL << x;
    }
    return set;
}

static const cJSON *object(ctx *c, const cJSON *o, const char *key, bool required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL) {
        if (required)
            fail(c, "field '%s' is missing", key);
        return NULL;
    }
    if (!cJSON_IsObject(v)) {
        fail(c, "field '%s' must be an object", key);
        return NULL;
    }
    return v;
}

/* ---- contents (scenario/content.h; the rules: scenario/content_rules.h) ----
 * Strings stay in the line's JSON tree; the points and phrase lists go into the arena. */

static bool read_point(ctx *c, const cJSON *o, const char *field, sd_arena *a, sd_point *p)
{
    memset(p, 0, sizeof *p);
    if (!cJSON_IsObject(o))
        return failf(c, "field '%s' must be an object {\"label\": ..., \"say\": [...]}", field);
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(o, "label");
    if (!cJSON_IsString(label))
        return failf(c, "field '%s.label' %s", field, label ? "must be a string" : "is missing");
    const cJSON *say = cJSON_GetObjectItemCaseSensitive(o, "say");
    if (!cJSON_IsArray(say))
        return failf(c, "field '%s.say' %s", field, say ? "must be a list" : "is missing");
    int n = cJSON_GetArraySize(say);
    if (n < 1 || n > SD_MAX_SAY)
        return failf(c, "field '%s.say' has %d phrases; it must have 1 to %d", field, n,
                     SD_MAX_SAY);
    const char **v = sd_arena_alloc(a, (size_t)n * sizeof *v);
    if (v == NULL) {
        if (c->st == SD_OK)
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "out of memory");
        return false;
    }
    int i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, say)
    {
        if (!cJSON_IsString(e))
            return failf(c, "field '%s.say[%d]' must be a string", field, i);
        v[i++] = e->valuestring;
    }
    p->label = label->valuestring;
    p->say = v;
    p->n_say = (size_t)n;
    return true;
}

static size_t read_points(ctx *c, const cJSON *o, const char *key, const char *field,
                          sd_arena *a, const sd_point **out)
{
    *out = NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL)
        return 0;
    if (!cJSON_IsArray(v))
        return failf(c, "field '%s.%s' must be a list", field, key), 0;
    int n = cJSON_GetArraySize(v);
    if (n < 1 || n > SD_MAX_POINTS)
        return failf(c, "field '%s.%s' has %d entries; it must have 1 to %d", field, key, n,
                     SD_MAX_POINTS), 0;
    sd_point *p = sd_arena_alloc(a, (size_t)n * sizeof *p);
    if (p == NULL) {
        if (c->st == SD_OK)
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "out of memory");
        return 0;
    }
    int i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, v)
    {
        char f[96];
        snprintf(f, sizeof f, "%s.%s[%d]", field, key, i);
        if (!read_point(c, e, f, a, &p[i]))
            return 0;
        i++;
    }
    *out = p;
    return (size_t)n;
}

/* A content object at v (field names it: "contents[3]", "expect.content"), checked
 * against the rules; NULL (and c->st set) when it breaks one. */
static const sd_content *read_content(ctx *c, const cJSON *v, const char *field, sd_arena *a,
                                      int32_t index)
{
    if (!cJSON_IsObject(v))
        return failf(c, "field '%s' must be an object (a content) or the index of one", field),
               NULL;
    sd_content *k = sd_arena_alloc(a, sizeof *k);
    if (k == NULL) {
        if (c->st == SD_OK)
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "out of memory");
        return NULL;
    }
    memset(k, 0, sizeof *k);
    k->index = index;
    k->n_points = read_points(c, v, "points", field, a, &k->points);
    k->n_avoid = read_points(c, v, "avoid", field, a, &k->avoid);
    const cJSON *need = cJSON_GetObjectItemCaseSensitive(v, "need");
    k->need = (int)k->n_points;
    if (need) {
        if (!cJSON_IsNumber(need) || need->valuedouble != floor(need->valuedouble) ||
            !(fabs(need->valuedouble) <= 1e6))
            return failf(c, "field '%s.need' must be a whole number", field), NULL;
        k->need = (int)need->valuedouble;
    }
    static const char *const single[] = {"refer", "channel"};
    for (int i = 0; i < 2; i++) {
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(v, single[i]);
        char f[96];
        snprintf(f, sizeof f, "%s.%s", field, single[i]);
        if (p && !read_point(c, p, f, a, i == 0 ? &k->refer : &k->channel))
            return NULL;
    }
    const cJSON *model = cJSON_GetObjectItemCaseSensitive(v, "model");
    if (model && !cJSON_IsString(model))
        return failf(c, "field '%s.model' must be a string", field), NULL;
    k->model = model ? model->valuestring : NULL;
    if (c->st != SD_OK)
        return NULL;
    sd_error e = SD_ERROR_INIT;
    if (sd_content_check(k, field, &e) != SD_OK) {
        failf(c, "%s", sd_error_msg(&e));
        sd_error_clear(&e);
        return NULL;
    }
    return k;
}

/* An item's expect.content / expect.statement: an index into the header's table, or an
 * inline content. */
static const sd_content *content_ref(ctx *c, const cJSON *o, const char *key,
                                     const sd_rec_header *header, sd_arena *a)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    char field[40];
    snprintf(field, sizeof field, "expect.%s", key);
    if (v == NULL)
        return NULL;
    if (cJSON_IsNumber(v)) {
        size_t n = header ? header->n_contents : 0;
        if (v->valuedouble != floor(v->valuedouble) || !(v->valuedouble >= 0) ||
            !(v->valuedouble < (double)n))
            return failf(c, "field '%s' is %g, not the index of one of the header's %zu "
                         "contents", field, v->valuedouble, n), NULL;
        return header->contents[(size_t)v->valuedouble];
    }
    return read_content(c, v, field, a, -1);
}

static void read_expect(ctx *c, const cJSON *o, sd_expect *e)
{
    e->answer = boolean(c, o, "answer", e->answer);
    e->within = integer(c, o, "within", false, 0, 1e10, e->within);
    e->acknowledge = boolean(c, o, "acknowledge", e->acknowledge);
    const char *link = str_max(c, o, "link", false, PATHB);
    if (link)
        e->link = link;
    e->escalate = (uint32_t)set_field(c, o, "escalate", SD_VOCAB_TARGET, e->escalate);
    e->escalate_within = integer(c, o, "escalate_within", false, 0, 1e10, e->escalate_within);
    e->ok = (uint32_t)set_field(c, o, "ok", SD_VOCAB_DECISION, e->ok);
    e->fault = (uint32_t)set_field(c, o, "fault", SD_VOCAB_DECISION, e->fault);
    e->cls = (sd_class)enum_field(c, o, "class", SD_VOCAB_CLASS, false, e->cls);
    e->rules = set_field(c, o, "rules", SD_VOCAB_RULE, e->rules);
    e->weight = num(c, o, "weight", false, 0, 1000, e->weight);
    e->max_words = (int)integer(c, o, "max_words", false, 0, 10000, e->max_words);
    e->steps = (uint32_t)set_field(c, o, "steps", SD_VOCAB_STEP, e->steps);
    const char *person = str(c, o, "person", false);
    if (person)
        e->person = person;
}

/* The header's "contents": [...] (every content the scenario declared at load time). */
static void read_contents(ctx *c, const cJSON *o, sd_rec_header *h, sd_arena *a)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "contents");
    if (v == NULL)
        return;
    if (!cJSON_IsArray(v)) {
        fail(c, "field '%s' must be a list", "contents");
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(v);
    const sd_content **t = sd_arena_alloc(a, (n ? n : 1) * sizeof *t);
    if (t == NULL) {
        if (c->st == SD_OK)
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "out of memory");
        return;
    }
    size_t i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, v)
    {
        char field[40];
        snprintf(field, sizeof field, "contents[%zu]", i);
        if ((t[i] = read_content(c, e, field, a, (int32_t)i)) == NULL)
            return;
        i++;
    }
    h->contents = t;
    h->n_contents = n;
}

/* The header's "themes": [...] (every storm's themes; their contents index into contents). */
static void read_themes(ctx *c, const cJSON *o, sd_rec_header *h, sd_arena *a)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "themes");
    if (v == NULL)
        return;
    if (!cJSON_IsArray(v)) {
        fail(c, "field '%s' must be a list", "themes");
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(v);
    if (n > SD_MAX_THEMES) {
        failf(c, "field 'themes' has more than %u themes", SD_MAX_THEMES);
        return;
    }
    sd_rec_theme *t = sd_arena_alloc(a, (n ? n : 1) * sizeof *t);
    if (t == NULL) {
        if (c->st == SD_OK)
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "out of memory");
        return;
    }
    size_t i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, v)
    {
        if (!cJSON_IsObject(e)) {
            failf(c, "field 'themes[%zu]' must be an object", i);
            return;
        }
        sd_rec_theme *th = &t[i];
        th->storm = str(c, e, "storm", true);
        th->id = str(c, e, "id", true);
        th->label = str_max(c, e, "label", true, NAME);
        th->kind = (sd_theme_kind)enum_field(c, e, "kind", SD_VOCAB_THEME_KIND, true, 0);
        th->within = integer(c, e, "within", true, 0, 1e10, 0);
        const cJSON *ci = cJSON_GetObjectItemCaseSensitive(e, "content");
        th->content = NULL;
        if (ci) {
            if (!cJSON_IsNumber(ci) || ci->valuedouble != floor(ci->valuedouble) ||
                !(ci->valuedouble >= 0) || !(ci->valuedouble < (double)h->n_contents)) {
                failf(c, "field 'themes[%zu].content' must be the index of one of the header's "
                      "%zu contents", i, h->n_contents);
                return;
            }
            th->content = h->contents[(size_t)ci->valuedouble];
        }
        if (c->st != SD_OK)
            return;
        for (size_t k = 0; k < i; k++)
            if (strcmp(t[k].storm, th->storm) == 0 && strcmp(t[k].id, th->id) == 0) {
                failf(c, "field 'themes[%zu]': storm '%s' has the theme '%s' twice", i,
                      th->storm, th->id);
                return;
            }
        i++;
    }
    h->themes = t;
    h->n_themes = n;
}

/* scoring.statement (an index into contents) and scoring.words. */
static void read_scoring_contents(ctx *c, const cJSON *sp, sd_rec_header *h, sd_arena *a)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(sp, "statement");
    if (st) {
        if (!cJSON_IsNumber(st) || st->valuedouble != floor(st->valuedouble) ||
            !(st->valuedouble >= 0) || !(st->valuedouble < (double)h->n_contents)) {
            failf(c, "field 'scoring.statement' must be the index of one of the header's %zu "
                  "contents", h->n_contents);
            return;
        }
        h->scoring.statement = h->contents[(size_t)st->valuedouble];
    }
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(sp, "words");
    if (w == NULL)
        return;
    if (!cJSON_IsArray(w)) {
        fail(c, "field '%s' must be a list", "scoring.words");
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(w);
    if (n > SD_MAX_WORDS) {
        failf(c, "field 'scoring.words' has %zu words; at most %u", n, SD_MAX_WORDS);
        return;
    }
    const char **v = sd_arena_alloc(a, (n ? n : 1) * sizeof *v);
    if (v == NULL) {
        if (c->st == SD_OK)
            c->st = sd_error_set(c->err, SD_ERR_MEMORY, "out of memory");
        return;
    }
    size_t i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, w)
    {
        const char *why = cJSON_IsString(e) ? sd_word_problem(e->valuestring,
                                                               strlen(e->valuestring))
                                            : "must be a string";
        if (why) {
            failf(c, "field 'scoring.words[%zu]' %s", i, why);
            return;
        }
        v[i++] = e->valuestring;
    }
    h->scoring.words = v;
    h->scoring.n_words = n;
}

sd_status sd_record_peek(const char *text, size_t len, const char *where, sd_record_type *type,
                         sd_time *t, sd_error *err)
{
    cJSON *o = sd_utf8_valid(text, len) ? cJSON_ParseWithLength(text, len) : NULL;
    if (o == NULL || !cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return sd_error_set(err, SD_ERR_INPUT, "%s: not a JSON object", where);
    }
    ctx c = {where, err, SD_OK};
    const char *ty = str(&c, o, "type", true);
    int k = ty ? sd_record_type_lookup(ty) : -1;
    if (ty && k < 0)
        failf(&c, "unknown record type '%s'", ty);
    *t = time_field(&c, o, "t", true);
    *type = k < 0 ? SD_REC_HEADER : (sd_record_type)k;
    cJSON_Delete(o);
    return c.st;
}

sd_status sd_record_from_json(const char *text, size_t len, const char *where,
                              const sd_rec_header *header, sd_record *rec, sd_record_keep *keep,
                              sd_error *err)
{
    sd_record_keep_free(keep);
    sd_expect *expect = &keep->expect;
    memset(rec, 0, sizeof *rec);
    if (!sd_utf8_valid(text, len))
        return sd_error_set(err, SD_ERR_INPUT, "%s: the line is not valid UTF-8", where);
    cJSON *o = cJSON_ParseWithLength(text, len);
    if (o == NULL || !cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return sd_error_set(err, SD_ERR_INPUT, "%s: not a JSON object", where);
    }
    keep->json = o;
    ctx c = {where, err, SD_OK};
    const char *type = str(&c, o, "type", true);
    if (type == NULL)
        return c.st;
    int ty = sd_record_type_lookup(type);
    if (ty < 0)
        return sd_error_set(err, SD_ERR_INPUT, "%s: unknown record type '%s'", where, type);
    rec->type = (sd_record_type)ty;
    rec->t = time_field(&c, o, "t", true);
    rec->wall_ms = integer(&c, o, "wall", false, 0, 1e15, 0);
    switch (rec->type) {
    case SD_REC_HEADER: {
        sd_rec_header *h = &rec->u.header;
        const char *format = str(&c, o, "format", true);
        if (format && strcmp(format, SD_LOG_FORMAT) == 0)
            h->version = 2;
        else if (format && strcmp(format, SD_LOG_FORMAT_V1) == 0)
            h->version = 1;
        else if (format)
            return sd_error_set(err, SD_ERR_INPUT, "%s: log format '%s' is not supported (this "
                                "program reads %s and %s)", where, format, SD_LOG_FORMAT,
                                SD_LOG_FORMAT_V1);
        const cJSON *seal = h->version == 2 ? object(&c, o, "seal", false) : NULL;
        if (seal) {
            const char *alg = str(&c, seal, "alg", true);
            h->seal_key_id = str(&c, seal, "key", true);
            if (alg && strcmp(alg, SD_SEAL_ALG) != 0)
                return sd_error_set(err, SD_ERR_INPUT, "%s: seal algorithm '%s' is not supported "
                                    "(this program seals with %s)", where, alg, SD_SEAL_ALG);
            if (h->seal_key_id && strlen(h->seal_key_id) != SD_CHAIN_HEX)
                return sd_error_set(err, SD_ERR_INPUT, "%s: field 'seal.key' must be %d hex "
                                    "digits", where, SD_CHAIN_HEX);
        }
        h->program = str_max(&c, o, "program", true, NAME);
        h->date = str(&c, o, "date", false);
        if (h->date && !sd_date_valid(h->date))
            return sd_error_set(err, SD_ERR_INPUT, "%s: field 'date': expected a date like 2026-03-13",
                                where);
        const cJSON *s = object(&c, o, "scenario", true);
        if (s) {
            h->scenario_id = str(&c, s, "id", true);
            h->scenario_title = str_max(&c, s, "title", true, TEXT);
            h->scenario_path = str_max(&c, s, "path", true, PATHB);
            h->scenario_sha256 = str(&c, s, "sha256", true);
            h->lang = (sd_language)enum_field(&c, s, "language", SD_VOCAB_LANGUAGE, true, 0);
        }
        h->seed = (uint64_t)integer(&c, o, "seed", true, 0, 9007199254740991.0, 0);
        h->start = time_field(&c, o, "start", true);
        h->duration = integer(&c, o, "duration", true, 60, 1e10, 60);
        h->compression = num(&c, o, "compression", true, 0.01, 1e6, 1);
        /* Logs before the platform feed have none: facebook, the default then as now. */
        h->platform = (sd_platform)enum_field(&c, o, "platform", SD_VOCAB_PLATFORM, false,
                                              SD_PLATFORM_FACEBOOK);
        const cJSON *p = object(&c, o, "participant", true);
        if (p) {
            h->participant = str_max(&c, p, "name", true, NAME);
            h->participant_kind = str(&c, p, "kind", true);
            h->participant_path = str_max(&c, p, "path", false, PATHB);
            h->participant_sha256 = str(&c, p, "sha256", false);
        }
        sd_scoring_params_default(&h->scoring);
        read_contents(&c, o, h, &keep->arena);
        if (c.st == SD_OK)
            read_themes(&c, o, h, &keep->arena);
        const cJSON *sp = object(&c, o, "scoring", false);
        if (sp) {
            sd_scoring_params *q = &h->scoring;
            const cJSON *w = object(&c, sp, "weights", true);
            if (w) {
                q->w_speed = num(&c, w, "speed", true, 0, 100, q->w_speed);
                q->w_tone = num(&c, w, "tone", true, 0, 100, q->w_tone);
                q->w_escalation = num(&c, w, "escalation", true, 0, 100, q->w_escalation);
            }
            q->late_zero = num(&c, sp, "late_zero", true, 1.01, 100, q->late_zero);
            q->max_words = (int)integer(&c, sp, "max_words", true, 1, 10000, q->max_words);
            q->max_lix = num(&c, sp, "max_lix", true, 1, 200, q->max_lix);
            q->crisis = boolean(&c, sp, "crisis", false);
            if (q->crisis)
                q->crisis_start = time_field(&c, sp, "crisis_start", true);
            q->backup_within = integer(&c, sp, "backup_within", true, 0, 1e10, q->backup_within);
            q->statement_within = integer(&c, sp, "statement_within", true, 0, 1e10, q->statement_within);
            q->troll_words = (int)integer(&c, sp, "troll_words", true, 0, 10000, q->troll_words);
            if (c.st == SD_OK)
                read_scoring_contents(&c, sp, h, &keep->arena);
        }
        break;
    }
    case SD_REC_ITEM: {
        sd_rec_item *it = &rec->u.item;
        it->id = str(&c, o, "id", true);
        it->kind = (sd_kind)enum_field(&c, o, "kind", SD_VOCAB_KIND, true, 0);
        const cJSON *a = object(&c, o, "author", false);
        if (a) {
            it->author_id = str(&c, a, "id", false);
            it->handle = str_max(&c, a, "handle", false, SD_MAX_HANDLE_LOG_BYTES);
            /* A persona known by its handle alone has no first name. */
            it->first = str_max(&c, a, "first", it->handle == NULL, NAME);
            it->last = str_max(&c, a, "last", false, NAME);
            const char *why = it->handle ? sd_handle_problem(it->handle) : NULL;
            if (c.st == SD_OK && why)
                return sd_error_set(err, SD_ERR_INPUT, "%s: field 'author.handle' %s", where, why);
            it->mood = (sd_mood)enum_field(&c, a, "mood", SD_VOCAB_MOOD, true, 0);
        }
        it->sender = enum_field(&c, o, "from", SD_VOCAB_SENDER, false, -1);
        it->parent = str(&c, o, "on", false);
        it->text = str_max(&c, o, "text", false, TEXT);
        it->title = str_max(&c, o, "title", false, TEXT);
        it->outlet = str_max(&c, o, "outlet", false, NAME);
        it->url = str_max(&c, o, "url", false, PATHB);
        it->own_platform = enum_field(&c, o, "platform", SD_VOCAB_PLATFORM, false, -1) + 1;
        it->image = str_max(&c, o, "image", false, PATHB);
        it->image_alt = str_max(&c, o, "image_alt", false, TEXT);
        it->link_title = str_max(&c, o, "link_title", false, TEXT);
        it->link_site = str_max(&c, o, "link_site", false, NAME);
        if (c.st == SD_OK && it->kind != SD_KIND_POST &&
            (it->own_platform > 0 || it->image || it->image_alt || it->link_title || it->link_site))
            return sd_error_set(err, SD_ERR_INPUT, "%s: fields 'platform', 'image', 'image_alt', "
                                "'link_title' and 'link_site' belong to posts (this is a %s)",
                                where, sd_vocab_name(SD_VOCAB_KIND, it->kind));
        if (c.st == SD_OK && it->image_alt && it->image == NULL)
            return sd_error_set(err, SD_ERR_INPUT, "%s: field 'image_alt' without 'image'", where);
        const char *image_why = it->image ? sd_image_path_problem(it->image) : NULL;
        if (c.st == SD_OK && image_why)
            return sd_error_set(err, SD_ERR_INPUT, "%s: field 'image' %s", where, image_why);
        it->repeat_of = str(&c, o, "repeat_of", false);
        it->storm = str(&c, o, "storm", false);
        it->theme = str(&c, o, "theme", false);
        it->direct = boolean(&c, o, "direct", false);
        if (c.st == SD_OK && (it->theme || it->direct) && it->storm == NULL)
            return sd_error_set(err, SD_ERR_INPUT, "%s: fields 'theme' and 'direct' belong to "
                                "storm comments (no 'storm')", where);
        it->by = str_max(&c, o, "by", false, NAME);
        it->deadline = time_field(&c, o, "deadline", false);
        it->index = -1;
        sd_expect_defaults(expect, it->kind, sd_rec_item_authored(it) ? it->mood : SD_MOOD_CALM);
        const cJSON *e = object(&c, o, "expect", true);
        if (e) {
            read_expect(&c, e, expect);
            if (c.st == SD_OK)
                expect->content = content_ref(&c, e, "content", header, &keep->arena);
            if (c.st == SD_OK)
                expect->statement = content_ref(&c, e, "statement", header, &keep->arena);
        }
        it->expect = expect;
        break;
    }
    case SD_REC_ACTION:
    case SD_REC_REJECTED: {
        sd_rec_action *ac = &rec->u.action;
        ac->kind = (sd_action_kind)enum_field(&c, o, "action", SD_VOCAB_ACTION, true, 0);
        ac->item = str(&c, o, "item", false);
        ac->item_index = -1;
        ac->target = enum_field(&c, o, "target", SD_VOCAB_TARGET, false, -1);
        ac->step = enum_field(&c, o, "step", SD_VOCAB_STEP, false, -1);
        ac->person = str(&c, o, "person", false);
        ac->reason = str_max(&c, o, "reason", false, REASON);
        ac->text = str_max(&c, o, "text", false, TEXT);
        ac->by = str_max(&c, o, "by", false, NAME);
        if (rec->type == SD_REC_REJECTED)
            ac->error = str_max(&c, o, "error", true, REASON);
        if (c.st == SD_OK && ac->kind == SD_ACT_DRAFT) {
            /* The unsent text the exercise ended with: an item at most, and its text. */
            if (rec->type == SD_REC_REJECTED)
                return sd_error_set(err, SD_ERR_INPUT, "%s: a draft is never refused (action "
                                    "'draft' in a rejected record)", where);
            if (ac->text == NULL || ac->text[0] == '\0')
                return sd_error_set(err, SD_ERR_INPUT, "%s: a draft needs its text (field "
                                    "'text')", where);
            const char *extra = ac->target >= 0 ? "target" : ac->step >= 0 ? "step"
                                : ac->person ? "person" : ac->reason ? "reason"
                                : ac->by ? "by" : NULL;
            if (extra)
                return sd_error_set(err, SD_ERR_INPUT, "%s: field '%s' does not belong to a "
                                    "draft (it has an item and a text)", where, extra);
        }
        break;
    }
    case SD_REC_STATE: {
        sd_rec_state *s = &rec->u.state;
        s->intensity = num(&c, o, "intensity", true, 0, 1e6, 0);
        s->sentiment = num(&c, o, "sentiment", true, -1, 1, 0);
        s->waiting = integer(&c, o, "waiting", true, 0, 1e12, 0);
        s->overdue = integer(&c, o, "overdue", true, 0, 1e12, 0);
        s->oldest_wait = integer(&c, o, "oldest_wait", true, 0, 1e12, 0);
        break;
    }
    case SD_REC_END:
        rec->u.end.reason = str_max(&c, o, "reason", true, REASON);
        break;
    case SD_REC_FACILITATOR: {
        sd_rec_facilitator *f = &rec->u.facilitator;
        const char *did = str(&c, o, "did", true);
        int k = did ? sd_fac_lookup(did) : -1;
        if (did && k < 0)
            return sd_error_set(err, SD_ERR_INPUT, "%s: unknown facilitator action '%s'", where, did);
        f->kind = (sd_fac_kind)(k < 0 ? 0 : k);
        if (f->kind == SD_FAC_SPEED)
            f->value = num(&c, o, "compression", true, 0.01, 1e6, 1);
        f->item = str(&c, o, "item", f->kind == SD_FAC_INJECT);
        f->prepared = f->kind == SD_FAC_INJECT ? integer(&c, o, "prepared", false, 1, 1e6, 0) : 0;
        break;
    }
    case SD_REC_COUNT:
        break;
    }
    return c.st;
}

/* What follows the first NUL byte of a line, from r->block[from] to the end of the file.
 * The writer pads an unfinished log with NUL bytes, and the last line it was copying when
 * it was killed may be torn with holes in it: memcpy does not store a line's bytes in
 * order, so a kill between two of its stores leaves NUL bytes before some of the line's
 * later bytes. So after the first NUL, the rest of that one line may follow (non-NUL bytes
 * up to its newline, within the `max` bytes a line may have from `line_start`, the file
 * offset where the line began); after that, only NUL bytes. Returns 0 for padding alone,
 * 1 when pieces of the torn line were among it, -1 for anything else (damage). */
static int after_first_nul(sd_logr *r, size_t from, uint64_t line_start, size_t max)
{
    /* The writer leaves at most its mapped chunk and the one reserved after it as padding
     * (32 MiB); more NUL bytes than SD_LOG_MAX_PADDING are not a log it wrote (a sparse
     * file of terabytes would otherwise be read to its end). */
    uint64_t seen = 0;
    uint64_t at = r->off; /* the file offset of r->block[from] */
    bool pieces = false, line_over = false;
    for (;;) {
        for (size_t i = from; i < r->len; i++, at++) {
            char c = r->block[i];
            if (c == '\0')
                continue;
            if (line_over || at >= line_start + max + 1)
                return -1;
            pieces = true;
            if (c == '\n')
                line_over = true;
        }
        seen += r->len - from;
        if (seen > SD_LOG_MAX_PADDING)
            return -1;
        r->len = fread(r->block, 1, sizeof r->block, r->f);
        r->pos = 0;
        from = 0;
        if (r->len == 0)
            return pieces ? 1 : 0;
    }
}

/* Reads one line into r->text. Returns 1 for a full line, 0 at the end, 2 for a final
 * line without newline (or a torn one), -1 for an over-long line, -2 for data after NUL
 * bytes that is not the rest of a torn line. The writer pads an unfinished log with NUL
 * bytes: a NUL ends the data, and whatever came before it on its line is final. */
static int read_line(sd_logr *r)
{
    sd_buf_reset(&r->text);
    /* The first line is the header, which may be longer than the rest. */
    size_t max = r->version == 0 ? SD_LOG_MAX_HEADER_LINE : SD_LOG_MAX_LINE;
    for (;;) {
        if (r->pos == r->len) {
            if (r->padded)
                break;
            r->len = fread(r->block, 1, sizeof r->block, r->f);
            r->pos = 0;
            if (r->len == 0)
                break;
        }
        const char *start = r->block + r->pos;
        size_t avail = r->len - r->pos;
        const char *nl = memchr(start, '\n', avail);
        size_t n = nl ? (size_t)(nl - start) : avail;
        const char *nul = memchr(start, '\0', n);
        if (nul) {
            /* Keep the text before the NUL first: checking what follows reuses the block. */
            n = (size_t)(nul - start);
            r->off += n;
            r->line_end = r->off;
            r->line_nl = false;
            if (r->text.len + n > max || sd_buf_append(&r->text, start, n) != SD_OK)
                return -1;
            r->padded = true;
            int rest = after_first_nul(r, (size_t)(nul - r->block), r->off - r->text.len, max);
            if (rest < 0)
                return -2;
            r->pos = r->len;
            if (rest > 0)
                return 2; /* torn, even when its first byte is the first hole */
            break;
        }
        r->pos += n + (nl ? 1 : 0);
        r->off += n + (nl ? 1 : 0);
        r->line_end = r->off;
        r->line_nl = nl != NULL;
        if (r->text.len + n > max || sd_buf_append(&r->text, start, n) != SD_OK)
            return -1;
        if (nl)
            return 1;
    }
    return r->text.len > 0 ? 2 : 0;
}

/* True when nothing but NUL padding or nothing at all follows. */
static bool at_data_end(sd_logr *r)
{
    if (r->padded)
        return true;
    if (r->pos < r->len)
        return false;
    r->len = fread(r->block, 1, sizeof r->block, r->f);
    r->pos = 0;
    return r->len == 0 || r->block[0] == '\0';
}

/* The line is not what the program wrote: the integrity state says where. */
static sd_status tampered(sd_logr *r, const char *where, const char *what, sd_error *err)
{
    r->integ.state = SD_INTEGRITY_TAMPERED;
    r->integ.bad_line = r->line;
    return sd_error_set(err, SD_ERR_INPUT, "%s: %s", where, what);
}

static const char chain_broken[] =
    "the hash chain breaks here: this line, or the one before it, was edited, removed, "
    "inserted or moved after the program wrote it";

/* The header decides how the rest is checked: its format, its seal, the key given. */
static sd_status begin(sd_logr *r, const sd_record *rec, const char *where, sd_error *err)
{
    const sd_rec_header *h = &rec->u.header;
    r->version = h->version;
    r->integ.version = h->version;
    r->integ.state = SD_INTEGRITY_UNSEALED;
    r->start = h->start;
    r->last_t = rec->t;
    if (rec->t < h->start)
        return sd_error_set(err, SD_ERR_INPUT, "%s: the header's time is before the exercise's "
                            "start", where);
    if (h->version == 1) {
        if (r->have_key)
            return sd_error_set(err, SD_ERR_INPUT, "%s: a seal key was given, but this log (format "
                                "%s) has no seal", where, SD_LOG_FORMAT_V1);
        return SD_OK;
    }
    size_t clen, hlen;
    const char *hex;
    if (!sd_chain_split(r->text.data, r->text.len, &clen, &hex, &hlen))
        return tampered(r, where, "the line has no chain value (\"h\") at its end", err);
    if (h->seal_key_id) {
        r->integ.sealed = true;
        memcpy(r->integ.key_id, h->seal_key_id, SD_CHAIN_HEX);
        r->integ.key_id[SD_CHAIN_HEX] = '\0';
        if (!r->have_key) {
            r->integ.state = SD_INTEGRITY_SEALED_UNVERIFIED;
            return hlen == SD_CHAIN_HEX ? SD_OK : tampered(r, where, chain_broken, err);
        }
        if (memcmp(r->key.id, h->seal_key_id, SD_CHAIN_HEX) != 0) /* ids are public */
            return sd_error_set(err, SD_ERR_INPUT, "%s: the log is sealed with another key (key "
                                "id %s; the key given has id %s)", where, h->seal_key_id,
                                r->key.id);
        r->integ.state = SD_INTEGRITY_SEALED_INTACT;
        sd_chain_init(&r->chain, &r->key);
    } else {
        if (r->have_key)
            return tampered(r, where, "a seal key was given, but the log is not sealed (its "
                            "header names no seal)", err);
        sd_chain_init(&r->chain, NULL);
    }
    r->verify = true;
    if (!sd_chain_check(&r->chain, r->text.data, r->text.len, false))
        return tampered(r, where, chain_broken, err);
    return SD_OK;
}

/* The rules every log obeys, whoever reads it (score, replay, resume, the window): one
 * header first, times inside the exercise and never running backwards, actions only on
 * items that have arrived. */
static sd_status consistent(sd_logr *r, const sd_record *rec, const char *where, sd_error *err)
{
    char a[20], b[20];
    if (rec->type == SD_REC_HEADER)
        return sd_error_set(err, SD_ERR_INPUT, "%s: a second header line", where);
    if (rec->t < r->start) {
        sd_time_format(rec->t, a);
        sd_time_format(r->start, b);
        return sd_error_set(err, SD_ERR_INPUT, "%s: this %s is dated %s, before the exercise's "
                            "start (%s)", where, sd_record_type_name(rec->type), a, b);
    }
    if (rec->t < r->last_t) {
        sd_time_format(rec->t, a);
        sd_time_format(r->last_t, b);
        return sd_error_set(err, SD_ERR_INPUT, "%s: time runs backwards (%s, after %s on the "
                            "line before)", where, a, b);
    }
    r->last_t = rec->t;
    if (rec->type == SD_REC_ITEM && rec->u.item.theme) {
        /* A storm comment's theme is one the header lists for its storm. */
        const sd_rec_item *it = &rec->u.item;
        size_t n = r->header.n_themes, k = 0;
        for (; k < n; k++) {
            const sd_rec_theme *th = &r->header.themes[(r->last_theme + k) % n];
            if (strcmp(th->id, it->theme) == 0 && strcmp(th->storm, it->storm) == 0)
                break;
        }
        if (k == n)
            return sd_error_set(err, SD_ERR_INPUT, "%s: item '%s' has the theme '%s', which the "
                                "header does not list for storm '%s'", where, it->id, it->theme,
                                it->storm);
        r->last_theme = (r->last_theme + k) % n;
    }
    if (rec->type == SD_REC_ITEM) {
        const char *id = rec->u.item.id;
        if (r->n_items == r->cap_items) {
            size_t cap = r->cap_items ? r->cap_items * 2 : 1024;
            uint32_t *p = cap < UINT32_MAX ? realloc(r->item_off, cap * sizeof *p) : NULL;
            if (p == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            r->item_off = p;
            r->cap_items = cap;
        }
        if (r->ids.len > UINT32_MAX - SD_MAX_ID_BYTES - 1)
            return sd_error_set(err, SD_ERR_INPUT, "%s: too many items", where);
        r->item_off[r->n_items] = (uint32_t)r->ids.len;
        sd_buf_append(&r->ids, id, strlen(id) + 1);
        if (!sd_buf_ok(&r->ids))
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        sd_status st = sd_strmap_put(&r->items, id, (uint32_t)r->n_items);
        if (st == SD_ERR_INPUT)
            return sd_error_set(err, SD_ERR_INPUT, "%s: item id '%s' appears twice", where, id);
        if (st != SD_OK)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        r->n_items++;
    } else if (rec->type == SD_REC_ACTION && rec->u.action.item &&
               !sd_strmap_get(&r->items, rec->u.action.item, NULL)) {
        return sd_error_set(err, SD_ERR_INPUT, "%s: an action on item '%s', which has not "
                            "arrived", where, rec->u.action.item);
    }
    /* A draft is written just before the end record, never after it. */
    if (rec->type == SD_REC_ACTION && rec->u.action.kind == SD_ACT_DRAFT && r->saw_end)
        return sd_error_set(err, SD_ERR_INPUT, "%s: a draft after the exercise's end record "
                            "(the session writes it just before)", where);
    if (rec->type == SD_REC_END)
        r->saw_end = true;
    return SD_OK;
}

/* Drops the last line as torn (the program stopped while writing it). */
static sd_status torn_line(sd_logr *r, const char *where)
{
    r->torn = true;
    r->at_end = true;
    free(r->torn_msg);
    sd_buf m = SD_BUF_INIT;
    sd_buf_printf(&m, "%s: the last line is incomplete (the program stopped while writing "
                  "it); it was dropped", where);
    r->torn_msg = sd_buf_take(&m);
    sd_record_keep_free(&r->keep);
    return SD_OK;
}

sd_status sd_logr_next(sd_logr *r, sd_record *rec, bool *got, sd_error *err)
{
    *got = false;
    sd_record_keep_free(&r->keep);
    if (r->at_end)
        return SD_OK;
    int kind = read_line(r);
    if (kind == 0) {
        r->at_end = true;
        if (ferror(r->f))
            return sd_error_set(err, SD_ERR_IO, "%s: read error", r->path);
        return SD_OK;
    }
    r->line++;
    char where[600];
    snprintf(where, sizeof where, "%s:%zu", r->path, r->line);
    if (kind == -2)
        return sd_error_set(err, SD_ERR_INPUT, "%s: NUL bytes in the middle of the log, or more "
                            "NUL padding at its end than Stormdrill leaves (the file is "
                            "damaged)", where);
    if (kind < 0)
        return sd_error_set(err, SD_ERR_INPUT, "%s: line is longer than %zu bytes", where,
                            r->line == 1 ? SD_LOG_MAX_HEADER_LINE : (size_t)SD_LOG_MAX_LINE);
    /* A torn line can only be the last, without its newline. */
    bool may_be_torn = kind == 2 && at_data_end(r);
    size_t clen = 0, hlen = 0;
    const char *hex = NULL;
    if (r->version == 2) {
        if (!sd_chain_split(r->text.data, r->text.len, &clen, &hex, &hlen)) {
            if (may_be_torn)
                return torn_line(r, where);
            return tampered(r, where, "the line has no chain value (\"h\") at its end: it was "
                            "written or edited by hand", err);
        }
        sd_chain before = r->chain;
        if (r->verify && !sd_chain_check(&r->chain, r->text.data, r->text.len,
                                         hlen == SD_SEAL_HEX)) {
            r->chain = before;
            return tampered(r, where, chain_broken, err);
        }
    }
    sd_error lerr = SD_ERROR_INIT;
    sd_status st = sd_record_from_json(sd_buf_str(&r->text), r->text.len, where,
                                       r->have_header ? &r->header : NULL, rec, &r->keep, &lerr);
    if (st != SD_OK) {
        /* Is this the last line? Then it is torn: report it and keep everything before. */
        if (may_be_torn && r->version != 2) {
            sd_error_clear(&lerr);
            return torn_line(r, where);
        }
        sd_error_set(err, st, "%s", sd_error_msg(&lerr));
        sd_error_clear(&lerr);
        return st;
    }
    if (r->version == 0) {
        if (rec->type != SD_REC_HEADER)
            return sd_error_set(err, SD_ERR_INPUT, "%s: the first line is not the log's header "
                                "(\"type\": \"header\")", where);
        st = begin(r, rec, where, err);
        if (st == SD_OK) {
            /* The header and its contents live as long as the reader: items point in. */
            r->hkeep = r->keep;
            r->keep = (sd_record_keep)SD_RECORD_KEEP_INIT;
            r->header = rec->u.header;
            r->have_header = true;
        }
    } else {
        if (r->version == 2 && hlen == SD_SEAL_HEX &&
            !(r->integ.sealed && rec->type == SD_REC_END))
            return tampered(r, where, chain_broken, err);
        if (r->version == 2 && r->integ.sealed && rec->type == SD_REC_END && hlen != SD_SEAL_HEX)
            return tampered(r, where, "the end record of a sealed log carries no seal", err);
        st = consistent(r, rec, where, err);
        if (st == SD_OK && rec->type == SD_REC_END && r->integ.sealed && r->verify)
            r->integ.complete = true;
    }
    if (st != SD_OK)
        return st;
    /* A final line without its newline that still parses whole is complete data. */
    r->good_end = r->line_end;
    r->good_nl = r->line_nl;
    *got = true;
    return SD_OK;
}
