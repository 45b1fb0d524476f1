/* review.c - the review file: reading it back with every field checked (sd_reviews_load),
 * the last mark per target for scoring, the evaluators' agreement with the machine, and
 * the "review" member of the results document (review.h). The writer is in writer.c and
 * the targets of an exercise in targets.c. */
#include "review_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../calendar/calendar.h"
#include "../log/limits.h"
#include "../util/readfile.h"
#include "../util/sha256.h"
#include "../util/utf8.h"

/* ---- names ---- */

static const char *const answers_names[3] = {"no", "partly", "yes"};

const char *sd_review_answers_name(int a)
{
    return a >= 0 && a <= 2 ? answers_names[a] : NULL;
}

int sd_review_answers_lookup(const char *s)
{
    for (int i = 0; i < 3; i++)
        if (s && strcmp(s, answers_names[i]) == 0)
            return i;
    return -1;
}

const char *sd_review_kind_name(sd_review_kind k) { return k == SD_REVIEW_DECISION ? "decision" : "reply"; }

uint32_t sd_review_tone_checks(void)
{
    return (1u << SD_TONE_GREETING) | (1u << SD_TONE_SIGNOFF) | (1u << SD_TONE_ACKNOWLEDGE) |
           (1u << SD_TONE_CONCISE) | (1u << SD_TONE_PLAIN_LANGUAGE) | (1u << SD_TONE_COURTEOUS) |
           (1u << SD_TONE_PRIVATE_DATA) | (1u << SD_TONE_SPELLING) | (1u << SD_TONE_NAME);
}

sd_status sd_review_default_path(const char *log_path, sd_buf *out, sd_error *err)
{
    sd_buf_reset(out);
    sd_buf_puts(out, log_path);
    sd_buf_puts(out, SD_REVIEW_SUFFIX);
    return sd_buf_ok(out) ? SD_OK : sd_error_set(err, SD_ERR_MEMORY, "out of memory");
}

/* ---- the reviews in memory ---- */

static const char *target_key_of(const void *ctx, uint32_t v)
{
    return ((const sd_reviews *)ctx)->targets[v].key;
}

static const char *eval_key_of(const void *ctx, uint32_t v)
{
    return ((const sd_reviews *)ctx)->evaluators[v];
}

sd_status sd_reviews_new(const char *name, sd_reviews **out, sd_error *err)
{
    *out = NULL;
    sd_reviews *rv = calloc(1, sizeof *rv);
    if (!rv)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sd_strmap_init(&rv->target_map, target_key_of, rv);
    sd_strmap_init(&rv->eval_map, eval_key_of, rv);
    rv->name = sd_arena_strdup(&rv->arena, name ? name : "review");
    if (!rv->name) {
        sd_reviews_free(rv);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    *out = rv;
    return SD_OK;
}

void sd_reviews_free(sd_reviews *rv)
{
    if (!rv)
        return;
    sd_strmap_free(&rv->target_map);
    sd_strmap_free(&rv->eval_map);
    free(rv->entries);
    free(rv->targets);
    free(rv->evaluators);
    free(rv->entry_eval);
    free(rv->entry_target);
    free(rv->torn);
    sd_arena_free(&rv->arena);
    free(rv);
}

static void target_key(const sd_review_entry *e, char *out, size_t n)
{
    if (e->kind == SD_REVIEW_REPLY)
        snprintf(out, n, "r:%ld", (long)e->action);
    else
        snprintf(out, n, "d:%s", e->item);
}

static sd_status grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return SD_OK;
    size_t c = *cap ? *cap * 2 : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return SD_ERR_MEMORY;
    *p = q;
    *cap = c;
    return SD_OK;
}

sd_status sd_reviews_add(sd_reviews *rv, const sd_review_entry *in, sd_error *err)
{
    if (rv->n >= SD_REVIEW_MAX_MARKS)
        return sd_error_set(err, SD_ERR_INPUT, "%s:%zu: more than %u marks in one review file",
                            rv->name, in->line, SD_REVIEW_MAX_MARKS);
    size_t cap = rv->cap;
    if (grow((void **)&rv->entries, &cap, rv->n + 1, sizeof *rv->entries) != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    cap = rv->cap;
    if (grow((void **)&rv->entry_eval, &cap, rv->n + 1, sizeof *rv->entry_eval) != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    cap = rv->cap;
    if (grow((void **)&rv->entry_target, &cap, rv->n + 1, sizeof *rv->entry_target) != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    rv->cap = cap;
    sd_review_entry e = *in;
    e.item = sd_arena_strdup(&rv->arena, in->item);
    e.mark.note = in->mark.note && *in->mark.note ? sd_arena_strdup(&rv->arena, in->mark.note) : NULL;
    if (!e.item || (in->mark.note && *in->mark.note && !e.mark.note))
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    /* the evaluator, interned */
    uint32_t ev;
    if (!sd_strmap_get(&rv->eval_map, in->mark.evaluator, &ev)) {
        if (rv->n_eval >= SD_REVIEW_MAX_EVALUATORS)
            return sd_error_set(err, SD_ERR_INPUT, "%s:%zu: more than %u evaluators in one review file",
                                rv->name, in->line, SD_REVIEW_MAX_EVALUATORS);
        size_t c = rv->cap_eval;
        if (grow((void **)&rv->evaluators, &c, rv->n_eval + 1, sizeof *rv->evaluators) != SD_OK)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        rv->cap_eval = c;
        const char *name = sd_arena_strdup(&rv->arena, in->mark.evaluator);
        if (!name)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        ev = (uint32_t)rv->n_eval;
        rv->evaluators[rv->n_eval++] = name;
        if (sd_strmap_put(&rv->eval_map, name, ev) != SD_OK)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    e.mark.evaluator = rv->evaluators[ev];
    /* the target */
    char key[SD_MAX_ID_BYTES + 8];
    target_key(&e, key, sizeof key);
    uint32_t t;
    if (!sd_strmap_get(&rv->target_map, key, &t)) {
        size_t c = rv->cap_targets;
        if (grow((void **)&rv->targets, &c, rv->n_targets + 1, sizeof *rv->targets) != SD_OK)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        rv->cap_targets = c;
        const char *k = sd_arena_strdup(&rv->arena, key);
        if (!k)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        t = (uint32_t)rv->n_targets;
        rv->targets[rv->n_targets++] = (sd_review_tgt){.key = k, .last = 0};
        if (sd_strmap_put(&rv->target_map, k, t) != SD_OK)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    rv->targets[t].last = rv->n;
    rv->entry_eval[rv->n] = ev;
    rv->entry_target[rv->n] = t;
    rv->entries[rv->n++] = e;
    return SD_OK;
}

/* ---- reading ---- */

typedef struct rd {
    const char *name;
    size_t line;
    sd_error *err;
    sd_status st;
} rd;

static void fail(rd *c, const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void fail(rd *c, const char *field, const char *fmt, ...)
{
    if (c->st != SD_OK)
        return;
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (field)
        c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s:%zu: field '%s': %s", c->name, c->line, field, what);
    else
        c->st = sd_error_set(c->err, SD_ERR_INPUT, "%s:%zu: %s", c->name, c->line, what);
}

static bool has_control(const char *s, bool allow_lines)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && !(allow_lines && (*p == '\n' || *p == '\t' || *p == '\r'))) || *p == 0x7F)
            return true;
    return false;
}

/* A text field: at most max bytes, valid UTF-8; control characters only when lines. */
static const char *text_f(rd *c, const cJSON *o, const char *key, bool required, size_t max, bool lines)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL || cJSON_IsNull(v)) {
        if (required)
            fail(c, key, "is missing");
        return NULL;
    }
    if (!cJSON_IsString(v) || !v->valuestring) {
        fail(c, key, "expected a text");
        return NULL;
    }
    size_t len = strlen(v->valuestring);
    if (len > max) {
        fail(c, key, "is %zu bytes long; at most %zu are allowed", len, max);
        return NULL;
    }
    if (!sd_utf8_valid(v->valuestring, len)) {
        fail(c, key, "is not valid UTF-8");
        return NULL;
    }
    if (has_control(v->valuestring, lines)) {
        fail(c, key, "holds control characters");
        return NULL;
    }
    return v->valuestring;
}

/* -1 absent or null, else 0/1. */
static int bool_f(rd *c, const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL || cJSON_IsNull(v))
        return -1;
    if (!cJSON_IsBool(v)) {
        fail(c, key, "expected true, false or null");
        return -1;
    }
    return cJSON_IsTrue(v) ? 1 : 0;
}

static int answers_f(rd *c, const cJSON *o, const char *key)
{
    const char *s = text_f(c, o, key, false, 16, false);
    if (!s)
        return -1;
    int a = sd_review_answers_lookup(s);
    if (a < 0)
        fail(c, key, "expected \"yes\", \"partly\" or \"no\"");
    return a;
}

static bool id_ok(const char *s)
{
    return s && *s && strlen(s) <= SD_MAX_ID_BYTES;
}

static bool hex64(const char *s)
{
    return s && strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* "YYYY-MM-DDTHH:MM:SSZ" */
static int64_t at_f(rd *c, const cJSON *o)
{
    const char *s = text_f(c, o, "at", true, 32, false);
    if (!s)
        return 0;
    char buf[20];
    sd_time t = 0;
    if (strlen(s) != 20 || s[10] != 'T' || s[19] != 'Z') {
        fail(c, "at", "expected a UTC time like 2026-12-03T09:41:00Z");
        return 0;
    }
    memcpy(buf, s, 19);
    buf[19] = '\0';
    if (sd_time_parse(buf, &t, NULL) != SD_OK)
        fail(c, "at", "expected a UTC time like 2026-12-03T09:41:00Z");
    return t;
}

static void read_machine(rd *c, const cJSON *m, sd_review_entry *e)
{
    if (!cJSON_IsObject(m)) {
        fail(c, "machine", "expected an object");
        return;
    }
    e->has_machine = true;
    e->machine.answers = -1;
    e->machine.decision = -1;
    if (e->kind == SD_REVIEW_REPLY) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(m, "answers");
        if (a && !cJSON_IsNull(a)) {
            int v = cJSON_IsString(a) ? sd_review_answers_lookup(a->valuestring) : -1;
            if (v != SD_ANSWERS_YES && v != SD_ANSWERS_NO)
                fail(c, "machine.answers", "expected \"yes\", \"no\" or null");
            e->machine.answers = v;
        }
        int ok = bool_f(c, m, "tone_ok");
        e->machine.tone_ok = ok != 0;
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(m, "failed");
        if (f && !cJSON_IsArray(f)) {
            fail(c, "machine.failed", "expected a list of tone check ids");
            return;
        }
        int n = 0;
        const cJSON *x;
        cJSON_ArrayForEach(x, f)
        {
            if (++n > SD_TONE_CHECK_COUNT) {
                fail(c, "machine.failed", "more than %d entries", SD_TONE_CHECK_COUNT);
                return;
            }
            int k = -1;
            for (int i = 0; i < SD_TONE_CHECK_COUNT && cJSON_IsString(x); i++)
                if (strcmp(x->valuestring, sd_tone_check_id((sd_tone_check)i)) == 0)
                    k = i;
            if (k < 0) {
                fail(c, "machine.failed", "expected tone check ids (greeting, signoff, ...)");
                return;
            }
            e->machine.failed |= 1u << k;
        }
        if (ok < 0)
            e->machine.tone_ok = (e->machine.failed & sd_review_tone_checks()) == 0;
    } else {
        int ok = bool_f(c, m, "decision_ok");
        if (ok < 0)
            fail(c, "machine.decision_ok", "is missing");
        e->machine.decision_ok = ok == 1;
        const char *d = text_f(c, m, "decision", false, SD_MAX_ID_BYTES, false);
        if (d) {
            e->machine.decision = sd_vocab_lookup(SD_VOCAB_DECISION, d);
            if (e->machine.decision < 0)
                fail(c, "machine.decision", "unknown decision");
        }
        const char *rule = text_f(c, m, "rule", false, SD_MAX_ID_BYTES, false);
        if (rule && strcmp(rule, "response_model") != 0)
            fail(c, "machine.rule", "expected \"response_model\"");
    }
}

static void read_mark(rd *c, const cJSON *o, sd_review_entry *e)
{
    memset(e, 0, sizeof *e);
    e->line = c->line;
    e->action = -1;
    e->machine.answers = -1;
    e->machine.decision = -1;
    e->mark.evaluator = text_f(c, o, "evaluator", true, SD_REVIEW_MAX_NAME, false);
    if (e->mark.evaluator && !*e->mark.evaluator)
        fail(c, "evaluator", "is empty");
    e->at = at_f(c, o);
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "target");
    if (!cJSON_IsObject(t)) {
        fail(c, "target", t ? "expected an object" : "is missing");
        return;
    }
    const char *kind = text_f(c, t, "kind", true, 16, false);
    if (c->st != SD_OK)
        return;
    if (strcmp(kind, "reply") == 0) {
        e->kind = SD_REVIEW_REPLY;
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(t, "action");
        if (!cJSON_IsNumber(a) || a->valuedouble != floor(a->valuedouble) || a->valuedouble < 0 ||
            a->valuedouble > (double)INT32_MAX - 1)
            fail(c, "target.action", "expected the index of an action (a whole number from 0)");
        else
            e->action = (int32_t)a->valuedouble;
    } else if (strcmp(kind, "decision") == 0) {
        e->kind = SD_REVIEW_DECISION;
        if (cJSON_GetObjectItemCaseSensitive(t, "action"))
            fail(c, "target.action", "a decision is named by its item only");
    } else {
        fail(c, "target.kind", "expected \"reply\" or \"decision\"");
    }
    e->item = text_f(c, t, "item", true, SD_MAX_ID_BYTES, false);
    if (c->st == SD_OK && !id_ok(e->item))
        fail(c, "target.item", "expected an item id of 1 to %u bytes", SD_MAX_ID_BYTES);
    e->mark.answers = answers_f(c, o, "answers");
    e->mark.tone_ok = bool_f(c, o, "tone_ok");
    e->mark.decision_ok = bool_f(c, o, "decision_ok");
    e->mark.note = text_f(c, o, "note", false, SD_REVIEW_MAX_NOTE, true);
    if (c->st != SD_OK)
        return;
    if (e->kind == SD_REVIEW_REPLY && e->mark.decision_ok >= 0)
        fail(c, "decision_ok", "a reply is marked with answers and tone_ok");
    if (e->kind == SD_REVIEW_DECISION && (e->mark.answers >= 0 || e->mark.tone_ok >= 0))
        fail(c, e->mark.answers >= 0 ? "answers" : "tone_ok", "a decision is marked with decision_ok");
    if (c->st == SD_OK && e->mark.answers < 0 && e->mark.tone_ok < 0 && e->mark.decision_ok < 0 &&
        !(e->mark.note && *e->mark.note))
        fail(c, NULL, "a mark marks nothing (no answers, tone_ok, decision_ok or note)");
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, "machine");
    if (m && !cJSON_IsNull(m))
        read_machine(c, m, e);
}

static void read_header(rd *c, const cJSON *o, sd_reviews *rv, const char *log_sha256)
{
    const char *format = text_f(c, o, "format", true, 64, false);
    if (format && strcmp(format, SD_REVIEW_FORMAT) != 0)
        fail(c, "format", "this program reads %s", SD_REVIEW_FORMAT);
    const char *sha = text_f(c, o, "log_sha256", true, 64, false);
    if (sha && !hex64(sha))
        fail(c, "log_sha256", "expected 64 lowercase hexadecimal digits");
    const char *sid = text_f(c, o, "scenario_id", false, SD_MAX_ID_BYTES, false);
    if (c->st != SD_OK)
        return;
    memcpy(rv->log_sha256, sha, 65);
    rv->scenario_id = sid ? sd_arena_strdup(&rv->arena, sid) : NULL;
    if (sid && !rv->scenario_id)
        c->st = sd_error_set(c->err, SD_ERR_MEMORY, "out of memory");
    if (c->st == SD_OK && log_sha256 && strcmp(sha, log_sha256) != 0)
        c->st = sd_error_set(c->err, SD_ERR_INPUT,
                             "%s: the review file was made for another log (its log_sha256 is %.12s..., "
                             "the log's is %.12s...): a review belongs to one log, unchanged",
                             c->name, sha, log_sha256);
}

/* One line (without its newline). torn_ok: the last line of the file, with no newline. */
static void read_line(rd *c, sd_reviews *rv, const char *s, size_t len, const char *log_sha256,
                      bool last_unterminated)
{
    if (len > SD_REVIEW_MAX_LINE) {
        fail(c, NULL, "the line is %zu bytes long; at most %u are allowed", len, SD_REVIEW_MAX_LINE);
        return;
    }
    size_t k = 0;
    while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
        k++;
    if (k == len) {
        if (c->line == 1)
            fail(c, NULL, "the first line must be the review file's header");
        return; /* blank lines are allowed */
    }
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(s, len, &end, 0);
    if (o && end) {
        while (end < s + len && (*end == ' ' || *end == '\t' || *end == '\r'))
            end++;
        if (end != s + len) {
            cJSON_Delete(o);
            o = NULL;
        }
    }
    if (!o || !cJSON_IsObject(o)) {
        cJSON_Delete(o);
        if (last_unterminated && c->line > 1) {
            char msg[300];
            snprintf(msg, sizeof msg, "%s:%zu: the last line is cut off (a mark being written when "
                     "the program stopped): it is left out", c->name, c->line);
            free(rv->torn);
            rv->torn = strdup(msg);
            rv->torn_at = (size_t)(s - rv->data_base);
            return;
        }
        fail(c, NULL, "not a JSON object");
        return;
    }
    const char *type = text_f(c, o, "type", true, 16, false);
    if (c->st == SD_OK) {
        if (c->line == 1) {
            if (strcmp(type, "header") != 0)
                fail(c, "type", "the first line must be the header (\"type\":\"header\")");
            else
                read_header(c, o, rv, log_sha256);
        } else if (strcmp(type, "mark") == 0) {
            sd_review_entry e;
            read_mark(c, o, &e);
            if (c->st == SD_OK)
                c->st = sd_reviews_add(rv, &e, c->err);
        } else if (strcmp(type, "header") == 0) {
            fail(c, "type", "a second header");
        } else {
            fail(c, "type", "expected \"mark\"");
        }
    }
    cJSON_Delete(o);
}

sd_status sd_reviews_load_buffer(const char *name, const char *data, size_t len,
                                 const char *log_sha256, sd_reviews **out, sd_error *err)
{
    *out = NULL;
    if (len > SD_REVIEW_MAX_BYTES)
        return sd_error_set(err, SD_ERR_INPUT, "%s: the file is %zu bytes; a review file may have at most %llu",
                            name, len, (unsigned long long)SD_REVIEW_MAX_BYTES);
    sd_reviews *rv;
    sd_status st = sd_reviews_new(name, &rv, err);
    if (st != SD_OK)
        return st;
    rd c = {.name = rv->name, .err = err};
    rv->data_base = data;
    if (len == 0)
        c.st = sd_error_set(err, SD_ERR_INPUT, "%s: the review file is empty (it needs its header)", name);
    size_t pos = 0;
    while (c.st == SD_OK && pos < len) {
        c.line++;
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (data + pos)) : len - pos;
        if (memchr(data + pos, '\0', n))
            fail(&c, NULL, "a NUL byte in the line");
        else
            read_line(&c, rv, data + pos, n, log_sha256, nl == NULL);
        pos += n + (nl ? 1 : 0);
    }
    rv->data_base = NULL;
    if (c.st == SD_OK && !rv->log_sha256[0])
        c.st = sd_error_set(err, SD_ERR_INPUT, "%s: no header line", name);
    if (c.st != SD_OK) {
        sd_reviews_free(rv);
        return c.st;
    }
    *out = rv;
    return SD_OK;
}

sd_status sd_reviews_load_file(const char *path, const char *log_sha256, sd_reviews **out,
                               size_t *torn_at, sd_error *err)
{
    *out = NULL;
    sd_buf b = SD_BUF_INIT;
    sd_status st = sd_read_regular(path, NULL, SD_REVIEW_MAX_BYTES, &b, err);
    if (st == SD_OK && !sd_buf_ok(&b))
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    if (st == SD_OK)
        st = sd_reviews_load_buffer(path, b.data ? b.data : "", b.len, log_sha256, out, err);
    if (st == SD_OK && torn_at)
        *torn_at = (*out)->torn ? (*out)->torn_at : b.len;
    sd_buf_free(&b);
    return st;
}

sd_status sd_reviews_load(const char *path, const char *log_path, sd_reviews **out, sd_error *err)
{
    *out = NULL;
    char hex[65];
    if (log_path) {
        sd_status st = sd_sha256_file_hex(log_path, NULL, hex, err);
        if (st != SD_OK)
            return st;
    }
    return sd_reviews_load_file(path, log_path ? hex : NULL, out, NULL, err);
}

/* ---- checks against the log ---- */

static const char *item_key_of(const void *ctx, uint32_t v)
{
    return ((const sd_res_item *)ctx)[v].id;
}

sd_status sd_reviews_check(const sd_reviews *rv, const sd_results *r, sd_error *err)
{
    const sd_res_action *acts = sd_results_actions(r);
    const sd_res_item *items = sd_results_items(r);
    size_t na = sd_results_n_actions(r), ni = sd_results_n_items(r);
    sd_strmap ids; /* item id -> index, for the decisions */
    sd_strmap_init(&ids, item_key_of, items);
    sd_status st = SD_OK;
    bool any_decision = false;
    for (size_t i = 0; i < rv->n && !any_decision; i++)
        any_decision = rv->entries[i].kind == SD_REVIEW_DECISION;
    for (size_t k = 0; any_decision && k < ni && st == SD_OK; k++)
        if (sd_strmap_put(&ids, items[k].id, (uint32_t)k) == SD_ERR_MEMORY)
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    for (size_t i = 0; i < rv->n && st == SD_OK; i++) {
        const sd_review_entry *e = &rv->entries[i];
        if (e->kind == SD_REVIEW_REPLY) {
            if ((size_t)e->action >= na) {
                st = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: field 'target.action': the log has no action %ld "
                                  "(it has %zu)", rv->name, e->line, (long)e->action, na);
                break;
            }
            const sd_res_action *a = &acts[e->action];
            if ((a->kind != SD_ACT_REPLY && a->kind != SD_ACT_DM_REPLY) || !a->text || a->item < 0)
                st = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: field 'target.action': action %ld of the log "
                                  "is not a reply", rv->name, e->line, (long)e->action);
            else if (strcmp(items[a->item].id, e->item) != 0)
                st = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: field 'target.item': action %ld of the log "
                                  "answers another item than the one named", rv->name, e->line, (long)e->action);
        } else if (!sd_strmap_get(&ids, e->item, NULL)) {
            st = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: field 'target.item': the log has no such item",
                              rv->name, e->line);
        }
    }
    sd_strmap_free(&ids);
    return st;
}

/* ---- lookups ---- */

static bool last_of(const sd_reviews *rv, const char *key, sd_review_mark *out)
{
    uint32_t t;
    if (!rv || !sd_strmap_get(&rv->target_map, key, &t))
        return false;
    if (out)
        *out = rv->entries[rv->targets[t].last].mark;
    return true;
}

bool sd_reviews_reply(const sd_reviews *rv, size_t action_index, sd_review_mark *out)
{
    char key[32];
    snprintf(key, sizeof key, "r:%zu", action_index);
    return last_of(rv, key, out);
}

bool sd_reviews_decision(const sd_reviews *rv, const char *item_id, sd_review_mark *out)
{
    if (!item_id || strlen(item_id) > SD_MAX_ID_BYTES)
        return false;
    char key[SD_MAX_ID_BYTES + 8];
    snprintf(key, sizeof key, "d:%s", item_id);
    return last_of(rv, key, out);
}

size_t sd_reviews_n(const sd_reviews *rv) { return rv ? rv->n : 0; }
const sd_review_entry *sd_reviews_at(const sd_reviews *rv, size_t i) { return &rv->entries[i]; }
size_t sd_reviews_n_evaluators(const sd_reviews *rv) { return rv ? rv->n_eval : 0; }
const char *sd_reviews_evaluator(const sd_reviews *rv, size_t i) { return rv->evaluators[i]; }
const char *sd_reviews_log_sha256(const sd_reviews *rv) { return rv->log_sha256; }
const char *sd_reviews_scenario_id(const sd_reviews *rv) { return rv->scenario_id; }
const char *sd_reviews_torn(const sd_reviews *rv) { return rv ? rv->torn : NULL; }

/* ---- agreement ---- */

enum { ROW_ANSWERS = 0, ROW_CHECK0 = 1, ROW_TONE = SD_TONE_CHECK_COUNT + 1, ROW_DECISION = SD_TONE_CHECK_COUNT + 2 };

typedef struct pair {
    uint32_t target, eval;
    size_t entry;
} pair;

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->target != y->target)
        return x->target < y->target ? -1 : 1;
    if (x->eval != y->eval)
        return x->eval < y->eval ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static void count(sd_review_agreement *a, int row, bool agreed)
{
    a->reviewed[row]++;
    if (agreed)
        a->agreed[row]++;
}

void sd_reviews_agreement(const sd_reviews *rv, sd_review_agreement *a)
{
    memset(a, 0, sizeof *a);
    a->rule[ROW_ANSWERS] = "answer_questions";
    for (int k = 0; k < SD_TONE_CHECK_COUNT; k++)
        a->rule[ROW_CHECK0 + k] = sd_tone_check_id((sd_tone_check)k);
    a->rule[ROW_TONE] = "tone";
    a->rule[ROW_DECISION] = "response_model";
    if (!rv || rv->n == 0)
        return;
    for (size_t t = 0; t < rv->n_targets; t++) {
        if (rv->entries[rv->targets[t].last].kind == SD_REVIEW_REPLY)
            a->replies++;
        else
            a->decisions++;
    }
    pair *p = malloc(rv->n * sizeof *p);
    if (!p)
        return; /* (the rows stay empty: nothing is claimed) */
    for (size_t i = 0; i < rv->n; i++)
        p[i] = (pair){rv->entry_target[i], rv->entry_eval[i], i};
    qsort(p, rv->n, sizeof *p, cmp_pair);
    uint32_t tone = sd_review_tone_checks();
    for (size_t i = 0; i < rv->n; i++) {
        if (i + 1 < rv->n && p[i + 1].target == p[i].target && p[i + 1].eval == p[i].eval)
            continue; /* not this evaluator's last mark on the target */
        const sd_review_entry *e = &rv->entries[p[i].entry];
        if (!e->has_machine)
            continue;
        const sd_review_machine *m = &e->machine;
        if (e->kind == SD_REVIEW_REPLY) {
            if (e->mark.answers >= 0 && m->answers >= 0) {
                bool ag = m->answers == SD_ANSWERS_YES ? e->mark.answers != SD_ANSWERS_NO
                                                       : e->mark.answers == SD_ANSWERS_NO;
                count(a, ROW_ANSWERS, ag);
                a->compared++;
                a->agreed_all += ag;
            }
            if (e->mark.tone_ok >= 0) {
                bool ok = e->mark.tone_ok == 1;
                uint32_t failed = m->failed & tone;
                if (failed) {
                    for (int k = 0; k < SD_TONE_CHECK_COUNT; k++)
                        if (failed & (1u << k))
                            count(a, ROW_CHECK0 + k, !ok);
                } else {
                    count(a, ROW_CHECK0 + SD_TONE_COURTEOUS, ok);
                }
                bool ag = ok == (failed == 0);
                count(a, ROW_TONE, ag);
                a->compared++;
                a->agreed_all += ag;
            }
        } else if (e->mark.decision_ok >= 0) {
            bool ag = (e->mark.decision_ok == 1) == m->decision_ok;
            count(a, ROW_DECISION, ag);
            a->compared++;
            a->agreed_all += ag;
        }
    }
    free(p);
}

void sd_reviews_write_json(const sd_reviews *rv, sd_jsonw *w)
{
    sd_review_agreement a;
    sd_reviews_agreement(rv, &a);
    sd_jsonw_key(w, "review");
    sd_jsonw_object_begin(w);
    sd_jsonw_kstring(w, "format", SD_REVIEW_FORMAT);
    sd_jsonw_key(w, "evaluators");
    sd_jsonw_array_begin(w);
    for (size_t i = 0; rv && i < rv->n_eval; i++)
        sd_jsonw_string(w, rv->evaluators[i]);
    sd_jsonw_array_end(w);
    sd_jsonw_kint(w, "marks", (int64_t)sd_reviews_n(rv));
    sd_jsonw_kint(w, "replies_reviewed", (int64_t)a.replies);
    sd_jsonw_kint(w, "decisions_reviewed", (int64_t)a.decisions);
    sd_jsonw_kint(w, "compared", (int64_t)a.compared);
    sd_jsonw_kint(w, "agreed", (int64_t)a.agreed_all);
    sd_jsonw_key(w, "agreement");
    sd_jsonw_array_begin(w);
    for (int k = 0; k < SD_REVIEW_ROWS; k++) {
        if (a.reviewed[k] == 0)
            continue;
        sd_jsonw_object_begin(w);
        sd_jsonw_kstring(w, "rule", a.rule[k]);
        sd_jsonw_kint(w, "reviewed", (int64_t)a.reviewed[k]);
        sd_jsonw_kint(w, "agreed", (int64_t)a.agreed[k]);
        sd_jsonw_object_end(w);
    }
    sd_jsonw_array_end(w);
    sd_jsonw_object_end(w);
}
