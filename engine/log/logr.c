/* logr.c - reads and validates session log lines back into records. */
#include "logr.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../scenario/scenario_lua.h"
#include "../util/buf.h"
#include "../util/utf8.h"

struct sd_logr {
    FILE *f;
    char *path;
    size_t line;
    sd_buf text;
    cJSON *keep;
    sd_expect expect; /* the current item record's expectations */
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
};

sd_status sd_logr_open(const char *path, sd_logr **out, sd_error *err)
{
    *out = NULL;
    sd_logr *r = calloc(1, sizeof *r);
    if (r == NULL || (r->path = strdup(path)) == NULL) {
        free(r);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    r->f = fopen(path, "rb");
    if (r->f == NULL) {
        sd_status st = sd_error_set(err, SD_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        free(r->path);
        free(r);
        return st;
    }
    *out = r;
    return SD_OK;
}

void sd_logr_close(sd_logr *r)
{
    if (r == NULL)
        return;
    if (r->f)
        fclose(r->f);
    cJSON_Delete(r->keep);
    sd_buf_free(&r->text);
    free(r->torn_msg);
    free(r->path);
    free(r);
}

bool sd_logr_torn(const sd_logr *r, const char **msg)
{
    if (msg)
        *msg = r->torn_msg ? r->torn_msg : "";
    return r->torn;
}

size_t sd_logr_line(const sd_logr *r) { return r->line; }

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

static const char *str(ctx *c, const cJSON *o, const char *key, bool required)
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
    return v->valuestring;
}

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

static void read_expect(ctx *c, const cJSON *o, sd_expect *e)
{
    e->answer = boolean(c, o, "answer", e->answer);
    e->within = integer(c, o, "within", false, 0, 1e10, e->within);
    e->acknowledge = boolean(c, o, "acknowledge", e->acknowledge);
    const char *link = str(c, o, "link", false);
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

sd_status sd_record_from_json(const char *text, size_t len, const char *where, sd_record *rec,
                              sd_expect *expect, void **keep, sd_error *err)
{
    *keep = NULL;
    memset(rec, 0, sizeof *rec);
    if (!sd_utf8_valid(text, len))
        return sd_error_set(err, SD_ERR_INPUT, "%s: the line is not valid UTF-8", where);
    cJSON *o = cJSON_ParseWithLength(text, len);
    if (o == NULL || !cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return sd_error_set(err, SD_ERR_INPUT, "%s: not a JSON object", where);
    }
    *keep = o;
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
        if (format && strcmp(format, SD_LOG_FORMAT) != 0)
            return sd_error_set(err, SD_ERR_INPUT, "%s: log format '%s' is not supported (this "
                                "program reads %s)", where, format, SD_LOG_FORMAT);
        h->program = str(&c, o, "program", true);
        h->date = str(&c, o, "date", false);
        if (h->date && !sd_date_valid(h->date))
            return sd_error_set(err, SD_ERR_INPUT, "%s: field 'date': expected a date like 2026-03-13",
                                where);
        const cJSON *s = object(&c, o, "scenario", true);
        if (s) {
            h->scenario_id = str(&c, s, "id", true);
            h->scenario_title = str(&c, s, "title", true);
            h->scenario_path = str(&c, s, "path", true);
            h->scenario_sha256 = str(&c, s, "sha256", true);
            h->lang = (sd_language)enum_field(&c, s, "language", SD_VOCAB_LANGUAGE, true, 0);
        }
        h->seed = (uint64_t)integer(&c, o, "seed", true, 0, 9007199254740991.0, 0);
        h->start = time_field(&c, o, "start", true);
        h->duration = integer(&c, o, "duration", true, 60, 1e10, 60);
        h->compression = num(&c, o, "compression", true, 0.01, 1e6, 1);
        const cJSON *p = object(&c, o, "participant", true);
        if (p) {
            h->participant = str(&c, p, "name", true);
            h->participant_kind = str(&c, p, "kind", true);
            h->participant_path = str(&c, p, "path", false);
            h->participant_sha256 = str(&c, p, "sha256", false);
        }
        sd_scoring_params_default(&h->scoring);
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
            it->first = str(&c, a, "first", true);
            it->last = str(&c, a, "last", false);
            it->mood = (sd_mood)enum_field(&c, a, "mood", SD_VOCAB_MOOD, true, 0);
        }
        it->sender = enum_field(&c, o, "from", SD_VOCAB_SENDER, false, -1);
        it->parent = str(&c, o, "on", false);
        it->text = str(&c, o, "text", false);
        it->title = str(&c, o, "title", false);
        it->outlet = str(&c, o, "outlet", false);
        it->url = str(&c, o, "url", false);
        it->repeat_of = str(&c, o, "repeat_of", false);
        it->storm = str(&c, o, "storm", false);
        it->by = str(&c, o, "by", false);
        it->deadline = time_field(&c, o, "deadline", false);
        it->index = -1;
        sd_expect_defaults(expect, it->kind, it->first ? it->mood : SD_MOOD_CALM);
        const cJSON *e = object(&c, o, "expect", true);
        if (e)
            read_expect(&c, e, expect);
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
        ac->reason = str(&c, o, "reason", false);
        ac->text = str(&c, o, "text", false);
        if (rec->type == SD_REC_REJECTED)
            ac->error = str(&c, o, "error", true);
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
        rec->u.end.reason = str(&c, o, "reason", true);
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

/* True when every byte from r->block[from] to the end of the file is NUL: the padding of
 * an unfinished log. Anything else after a NUL is corruption. */
static bool only_nul_follows(sd_logr *r, size_t from)
{
    for (;;) {
        for (size_t i = from; i < r->len; i++)
            if (r->block[i] != '\0')
                return false;
        r->len = fread(r->block, 1, sizeof r->block, r->f);
        r->pos = 0;
        from = 0;
        if (r->len == 0)
            return true;
    }
}

/* Reads one line into r->text. Returns 1 for a full line, 0 at the end, 2 for a final
 * line without newline, -1 for an over-long line, -2 for data after NUL bytes. The writer pads an unfinished log with
 * NUL bytes: a NUL ends the data, and whatever came before it on its line is final. */
static int read_line(sd_logr *r)
{
    sd_buf_reset(&r->text);
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
            if (r->text.len + n > SD_LOG_MAX_LINE || sd_buf_append(&r->text, start, n) != SD_OK)
                return -1;
            r->padded = true;
            if (!only_nul_follows(r, (size_t)(nul - r->block)))
                return -2;
            r->pos = r->len;
            break;
        }
        r->pos += n + (nl ? 1 : 0);
        r->off += n + (nl ? 1 : 0);
        r->line_end = r->off;
        r->line_nl = nl != NULL;
        if (r->text.len + n > SD_LOG_MAX_LINE || sd_buf_append(&r->text, start, n) != SD_OK)
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

sd_status sd_logr_next(sd_logr *r, sd_record *rec, bool *got, sd_error *err)
{
    *got = false;
    cJSON_Delete(r->keep);
    r->keep = NULL;
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
        return sd_error_set(err, SD_ERR_INPUT, "%s: NUL bytes in the middle of the log (the "
                            "file is damaged)", where);
    if (kind < 0)
        return sd_error_set(err, SD_ERR_INPUT, "%s: line is longer than %u bytes", where,
                            SD_LOG_MAX_LINE);
    void *keep = NULL;
    sd_error lerr = SD_ERROR_INIT;
    sd_status st = sd_record_from_json(sd_buf_str(&r->text), r->text.len, where, rec, &r->expect, &keep,
                                       &lerr);
    r->keep = keep;
    if (st == SD_OK) {
        /* A final line without its newline that still parses whole is complete data. */
        r->good_end = r->line_end;
        r->good_nl = r->line_nl;
        *got = true;
        return SD_OK;
    }
    /* Is this the last line? Then it is torn: report it and keep everything before. */
    if (kind == 2 && at_data_end(r)) {
        r->torn = true;
        r->at_end = true;
        free(r->torn_msg);
        sd_buf m = SD_BUF_INIT;
        sd_buf_printf(&m, "%s: the last line is incomplete (the program stopped while writing "
                      "it); it was dropped", where);
        r->torn_msg = sd_buf_take(&m);
        sd_error_clear(&lerr);
        cJSON_Delete(r->keep);
        r->keep = NULL;
        return SD_OK;
    }
    sd_error_set(err, st == SD_OK ? SD_ERR_INPUT : st, "%s", sd_error_msg(&lerr));
    sd_error_clear(&lerr);
    return st == SD_OK ? SD_ERR_INPUT : st;
}
