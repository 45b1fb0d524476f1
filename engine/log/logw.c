/* logw.c - serialises records to JSON lines and writes them to the session log.
 *
 * Each line is in the operating system's hands the moment it is written: the log file is
 * mapped into memory (MAP_SHARED) in chunks whose disk space is reserved first with
 * posix_fallocate, and a line is copied into the mapping, which is the page cache itself.
 * If the program dies, every line written is in the file; the rest of the last chunk reads
 * as NUL bytes, which the reader treats as the end. A clean close truncates the file to
 * its length and syncs it. Where mapping is impossible (a pipe, a special file) each line
 * is written with one write() call instead: the same guarantee, more system calls.
 *
 * Against a power cut, what is in the page cache is also synced to the disk (fdatasync,
 * which covers the mapped pages too): at every participant or facilitator record when the
 * policy asks for it, and whenever SYNC_INTERVAL_MS have passed since the last sync with
 * lines still unsynced (checked on every write and by sd_logw_sync_due()). */
#include "logw.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../scenario/content_rules.h"
#include "../scenario/scenario_lua.h"
#include "../util/jsonw.h"
#include "limits.h"
#include "logr.h"

#define CHUNK ((size_t)16 << 20) /* bytes mapped at a time */
#define SYNC_INTERVAL_MS 2000

struct sd_logw {
    int fd;
    char *path;
    sd_buf line;
    bool mapped;      /* false: plain write() per line */
    char *map;        /* the current chunk, or NULL */
    size_t map_off;   /* file offset of the chunk (page aligned) */
    size_t map_len;
    size_t written;   /* bytes of log so far */
    size_t synced;    /* bytes known to be on the disk */
    bool sync_inputs; /* sync at every participant and facilitator record */
    int64_t last_sync_ms;
    unsigned since_check; /* lines written since the clock was last read */
    size_t reserved;  /* file bytes whose disk space is reserved */
    size_t next_try;  /* `written` at which to try reserving ahead again */
    char *warning;    /* reserving ahead failed: the disk is filling up; or NULL */
    bool chained;     /* false: a version-1 log being continued (no chain values) */
    sd_chain chain;   /* the chain so far (holds the seal key when sealed) */
    char key_id[SD_CHAIN_HEX + 1]; /* sealed: the key id written in the header */
    bool wrote_any;
    bool wrote_end;   /* an end record was written (sealed: the seal) */
};

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *const type_names[SD_REC_COUNT] = {"header", "item", "action", "rejected",
                                                     "state", "end", "facilitator"};
static const char *const fac_names[SD_FAC_COUNT] = {"pause", "resume", "speed", "inject"};

const char *sd_fac_name(sd_fac_kind k) { return (k >= 0 && k < SD_FAC_COUNT) ? fac_names[k] : "?"; }

int sd_fac_lookup(const char *name)
{
    for (int i = 0; i < SD_FAC_COUNT; i++)
        if (strcmp(fac_names[i], name) == 0)
            return i;
    return -1;
}

const char *sd_record_type_name(sd_record_type t)
{
    return (t >= 0 && t < SD_REC_COUNT) ? type_names[t] : "?";
}

int sd_record_type_lookup(const char *name)
{
    for (int i = 0; i < SD_REC_COUNT; i++)
        if (strcmp(type_names[i], name) == 0)
            return i;
    return -1;
}

void sd_jsonw_ktime(sd_jsonw *w, const char *key, sd_time t)
{
    char s[20];
    sd_time_format(t, s);
    sd_jsonw_kstring(w, key, s);
}

void sd_jsonw_kset(sd_jsonw *w, const char *key, sd_vocab_id voc, uint64_t set)
{
    sd_jsonw_key(w, key);
    sd_jsonw_array_begin(w);
    for (int i = 0; i < sd_vocab_count(voc); i++)
        if (set & (1ULL << i))
            sd_jsonw_string(w, sd_vocab_name(voc, i));
    sd_jsonw_array_end(w);
}

static void write_point(sd_jsonw *w, const sd_point *p)
{
    sd_jsonw_object_begin(w);
    sd_jsonw_kstring(w, "label", p->label);
    sd_jsonw_key(w, "say");
    sd_jsonw_array_begin(w);
    for (size_t i = 0; i < p->n_say; i++)
        sd_jsonw_string(w, p->say[i]);
    sd_jsonw_array_end(w);
    sd_jsonw_object_end(w);
}

static void write_points(sd_jsonw *w, const char *key, const sd_point *v, size_t n)
{
    if (n == 0)
        return;
    sd_jsonw_key(w, key);
    sd_jsonw_array_begin(w);
    for (size_t i = 0; i < n; i++)
        write_point(w, &v[i]);
    sd_jsonw_array_end(w);
}

void sd_content_to_json(sd_jsonw *w, const sd_content *c)
{
    sd_jsonw_object_begin(w);
    write_points(w, "points", c->points, c->n_points);
    if (c->n_points > 0)
        sd_jsonw_kint(w, "need", c->need);
    if (c->refer.n_say > 0) {
        sd_jsonw_key(w, "refer");
        write_point(w, &c->refer);
    }
    if (c->channel.n_say > 0) {
        sd_jsonw_key(w, "channel");
        write_point(w, &c->channel);
    }
    write_points(w, "avoid", c->avoid, c->n_avoid);
    if (c->model)
        sd_jsonw_kstring(w, "model", c->model);
    sd_jsonw_object_end(w);
}

/* A content of an item: its index in the header's table, or the whole content when it has
 * none (declared at run time). */
static void write_content_ref(sd_jsonw *w, const char *key, const sd_content *c)
{
    if (c == NULL)
        return;
    if (c->index >= 0) {
        sd_jsonw_kint(w, key, c->index);
    } else {
        sd_jsonw_key(w, key);
        sd_content_to_json(w, c);
    }
}

/* Only what differs from the defaults for the item's kind and mood is written; the reader
 * starts from the same defaults. */
static void write_expect(sd_jsonw *w, const sd_expect *e, sd_kind kind, sd_mood mood)
{
    sd_expect d;
    sd_expect_defaults(&d, kind, mood);
    sd_jsonw_key(w, "expect");
    sd_jsonw_object_begin(w);
    if (e->answer != d.answer) sd_jsonw_kbool(w, "answer", e->answer);
    if (e->within != d.within) sd_jsonw_kint(w, "within", e->within);
    if (e->acknowledge != d.acknowledge) sd_jsonw_kbool(w, "acknowledge", e->acknowledge);
    if (e->link) sd_jsonw_kstring(w, "link", e->link);
    if (e->escalate != d.escalate) sd_jsonw_kset(w, "escalate", SD_VOCAB_TARGET, e->escalate);
    if (e->escalate_within != d.escalate_within) sd_jsonw_kint(w, "escalate_within", e->escalate_within);
    if (e->ok != d.ok) sd_jsonw_kset(w, "ok", SD_VOCAB_DECISION, e->ok);
    if (e->fault != d.fault) sd_jsonw_kset(w, "fault", SD_VOCAB_DECISION, e->fault);
    if (e->cls != d.cls) sd_jsonw_kstring(w, "class", sd_vocab_name(SD_VOCAB_CLASS, e->cls));
    if (e->rules != d.rules) sd_jsonw_kset(w, "rules", SD_VOCAB_RULE, e->rules);
    if (e->weight != d.weight) sd_jsonw_kdouble(w, "weight", e->weight);
    if (e->max_words != d.max_words) sd_jsonw_kint(w, "max_words", e->max_words);
    if (e->steps != d.steps) sd_jsonw_kset(w, "steps", SD_VOCAB_STEP, e->steps);
    if (e->person) sd_jsonw_kstring(w, "person", e->person);
    write_content_ref(w, "content", e->content);
    write_content_ref(w, "statement", e->statement);
    sd_jsonw_object_end(w);
}

static void opt_string(sd_jsonw *w, const char *key, const char *s)
{
    if (s)
        sd_jsonw_kstring(w, key, s);
}

void sd_theme_to_json(sd_jsonw *w, const sd_rec_theme *th, const char *within_key)
{
    sd_jsonw_object_begin(w);
    sd_jsonw_kstring(w, "storm", th->storm);
    sd_jsonw_kstring(w, "id", th->id);
    sd_jsonw_kstring(w, "label", th->label);
    sd_jsonw_kstring(w, "kind", sd_vocab_name(SD_VOCAB_THEME_KIND, th->kind));
    sd_jsonw_kint(w, within_key, th->within);
    if (th->content)
        sd_jsonw_kint(w, "content", th->content->index);
    sd_jsonw_object_end(w);
}

sd_status sd_record_to_json(const sd_record *rec, bool with_wall, sd_buf *out)
{
    sd_jsonw w;
    sd_jsonw_init(&w, out, false);
    sd_jsonw_object_begin(&w);
    sd_jsonw_kstring(&w, "type", sd_record_type_name(rec->type));
    sd_jsonw_ktime(&w, "t", rec->t);
    if (with_wall)
        sd_jsonw_kint(&w, "wall", rec->wall_ms);
    switch (rec->type) {
    case SD_REC_HEADER: {
        const sd_rec_header *h = &rec->u.header;
        sd_jsonw_kstring(&w, "format", SD_LOG_FORMAT);
        sd_jsonw_kstring(&w, "program", h->program);
        opt_string(&w, "date", h->date);
        sd_jsonw_key(&w, "scenario");
        sd_jsonw_object_begin(&w);
        sd_jsonw_kstring(&w, "id", h->scenario_id);
        sd_jsonw_kstring(&w, "title", h->scenario_title);
        sd_jsonw_kstring(&w, "path", h->scenario_path);
        sd_jsonw_kstring(&w, "sha256", h->scenario_sha256);
        sd_jsonw_kstring(&w, "language", sd_vocab_name(SD_VOCAB_LANGUAGE, h->lang));
        sd_jsonw_object_end(&w);
        sd_jsonw_kint(&w, "seed", (int64_t)h->seed);
        sd_jsonw_ktime(&w, "start", h->start);
        sd_jsonw_kint(&w, "duration", h->duration);
        sd_jsonw_kdouble(&w, "compression", h->compression);
        sd_jsonw_kstring(&w, "platform", sd_vocab_name(SD_VOCAB_PLATFORM, h->platform));
        sd_jsonw_key(&w, "participant");
        sd_jsonw_object_begin(&w);
        sd_jsonw_kstring(&w, "name", h->participant);
        sd_jsonw_kstring(&w, "kind", h->participant_kind);
        opt_string(&w, "path", h->participant_path);
        opt_string(&w, "sha256", h->participant_sha256);
        sd_jsonw_object_end(&w);
        const sd_scoring_params *sp = &h->scoring;
        sd_jsonw_key(&w, "scoring");
        sd_jsonw_object_begin(&w);
        sd_jsonw_key(&w, "weights");
        sd_jsonw_object_begin(&w);
        sd_jsonw_kdouble(&w, "speed", sp->w_speed);
        sd_jsonw_kdouble(&w, "tone", sp->w_tone);
        sd_jsonw_kdouble(&w, "escalation", sp->w_escalation);
        sd_jsonw_object_end(&w);
        sd_jsonw_kdouble(&w, "late_zero", sp->late_zero);
        sd_jsonw_kint(&w, "max_words", sp->max_words);
        sd_jsonw_kdouble(&w, "max_lix", sp->max_lix);
        sd_jsonw_kbool(&w, "crisis", sp->crisis);
        if (sp->crisis)
            sd_jsonw_ktime(&w, "crisis_start", sp->crisis_start);
        sd_jsonw_kint(&w, "backup_within", sp->backup_within);
        sd_jsonw_kint(&w, "statement_within", sp->statement_within);
        sd_jsonw_kint(&w, "troll_words", sp->troll_words);
        if (sp->statement)
            sd_jsonw_kint(&w, "statement", sp->statement->index);
        if (sp->n_words > 0) {
            sd_jsonw_key(&w, "words");
            sd_jsonw_array_begin(&w);
            for (size_t i = 0; i < sp->n_words; i++)
                sd_jsonw_string(&w, sp->words[i]);
            sd_jsonw_array_end(&w);
        }
        sd_jsonw_object_end(&w);
        if (h->n_contents > 0) {
            sd_jsonw_key(&w, "contents");
            sd_jsonw_array_begin(&w);
            for (size_t i = 0; i < h->n_contents; i++)
                sd_content_to_json(&w, h->contents[i]);
            sd_jsonw_array_end(&w);
        }
        if (h->n_themes > 0) {
            sd_jsonw_key(&w, "themes");
            sd_jsonw_array_begin(&w);
            for (size_t i = 0; i < h->n_themes; i++)
                sd_theme_to_json(&w, &h->themes[i], "within");
            sd_jsonw_array_end(&w);
        }
        break;
    }
    case SD_REC_ITEM: {
        const sd_rec_item *it = &rec->u.item;
        sd_jsonw_kstring(&w, "id", it->id);
        sd_jsonw_kstring(&w, "kind", sd_vocab_name(SD_VOCAB_KIND, it->kind));
        if (sd_rec_item_authored(it)) {
            sd_jsonw_key(&w, "author");
            sd_jsonw_object_begin(&w);
            opt_string(&w, "id", it->author_id);
            opt_string(&w, "first", it->first);
            opt_string(&w, "last", it->last);
            opt_string(&w, "handle", it->handle);
            sd_jsonw_kstring(&w, "mood", sd_vocab_name(SD_VOCAB_MOOD, it->mood));
            sd_jsonw_object_end(&w);
        }
        if (it->sender >= 0)
            sd_jsonw_kstring(&w, "from", sd_vocab_name(SD_VOCAB_SENDER, it->sender));
        opt_string(&w, "on", it->parent);
        opt_string(&w, "text", it->text);
        opt_string(&w, "title", it->title);
        opt_string(&w, "outlet", it->outlet);
        opt_string(&w, "url", it->url);
        if (it->own_platform > 0)
            sd_jsonw_kstring(&w, "platform", sd_vocab_name(SD_VOCAB_PLATFORM, it->own_platform - 1));
        opt_string(&w, "image", it->image);
        opt_string(&w, "image_alt", it->image_alt);
        opt_string(&w, "link_title", it->link_title);
        opt_string(&w, "link_site", it->link_site);
        opt_string(&w, "repeat_of", it->repeat_of);
        opt_string(&w, "storm", it->storm);
        opt_string(&w, "theme", it->theme);
        if (it->direct)
            sd_jsonw_kbool(&w, "direct", true);
        opt_string(&w, "by", it->by);
        if (it->deadline)
            sd_jsonw_ktime(&w, "deadline", it->deadline);
        write_expect(&w, it->expect, it->kind, sd_rec_item_authored(it) ? it->mood : SD_MOOD_CALM);
        break;
    }
    case SD_REC_ACTION:
    case SD_REC_REJECTED: {
        const sd_rec_action *a = &rec->u.action;
        sd_jsonw_kstring(&w, "action", sd_vocab_name(SD_VOCAB_ACTION, a->kind));
        opt_string(&w, "item", a->item);
        if (a->target >= 0)
            sd_jsonw_kstring(&w, "target", sd_vocab_name(SD_VOCAB_TARGET, a->target));
        if (a->step >= 0)
            sd_jsonw_kstring(&w, "step", sd_vocab_name(SD_VOCAB_STEP, a->step));
        opt_string(&w, "person", a->person);
        opt_string(&w, "reason", a->reason);
        opt_string(&w, "text", a->text);
        opt_string(&w, "by", a->by);
        if (rec->type == SD_REC_REJECTED)
            sd_jsonw_kstring(&w, "error", a->error ? a->error : "");
        break;
    }
    case SD_REC_STATE: {
        const sd_rec_state *s = &rec->u.state;
        sd_jsonw_kdouble(&w, "intensity", s->intensity);
        sd_jsonw_kdouble(&w, "sentiment", s->sentiment);
        sd_jsonw_kint(&w, "waiting", s->waiting);
        sd_jsonw_kint(&w, "overdue", s->overdue);
        sd_jsonw_kint(&w, "oldest_wait", s->oldest_wait);
        break;
    }
    case SD_REC_END:
        sd_jsonw_kstring(&w, "reason", rec->u.end.reason);
        break;
    case SD_REC_FACILITATOR: {
        const sd_rec_facilitator *f = &rec->u.facilitator;
        sd_jsonw_kstring(&w, "did", sd_fac_name(f->kind));
        if (f->kind == SD_FAC_SPEED)
            sd_jsonw_kdouble(&w, "compression", f->value);
        if (f->item)
            sd_jsonw_kstring(&w, "item", f->item);
        if (f->kind == SD_FAC_INJECT && f->prepared > 0)
            sd_jsonw_kint(&w, "prepared", f->prepared);
        break;
    }
    case SD_REC_COUNT:
        break;
    }
    sd_jsonw_object_end(&w);
    return sd_jsonw_ok(&w) && sd_buf_ok(out) ? SD_OK : SD_ERR_MEMORY;
}

/* ---- the limits (log/limits.h): what the writer writes, the reader reads back ---- */

typedef struct lim {
    sd_error *err;
    sd_status st;
} lim;

static void cap(lim *l, const char *field, const char *s, size_t max)
{
    if (s == NULL || l->st != SD_OK)
        return;
    size_t n = strnlen(s, (size_t)max + 1);
    if (n > max)
        l->st = sd_error_set(l->err, SD_ERR_INPUT, "field '%s' is longer than %zu bytes", field,
                             max);
}

/* A content's rules (scenario/content_rules.h); index: -1 inline, else in 0..n_table-1
 * (n_table SIZE_MAX: not known here, any index >= 0). */
static void content(lim *l, const char *field, const sd_content *c, size_t n_table, bool in_header)
{
    if (c == NULL || l->st != SD_OK)
        return;
    if (c->index < -1 || (c->index >= 0 && (size_t)c->index >= n_table)) {
        l->st = sd_error_set(l->err, SD_ERR_INPUT, "field '%s' has index %d, outside the header's "
                             "%zu contents", field, (int)c->index, n_table == SIZE_MAX ? 0 : n_table);
        return;
    }
    /* An indexed content was checked with the header's table; only one written with its
     * item (declared at run time) is checked here. A storm's million comments share one. */
    if (in_header || c->index < 0)
        l->st = sd_content_check(c, field, l->err);
}

static void when(lim *l, const char *field, sd_time t)
{
    if (l->st == SD_OK && (t < SD_TIME_MIN || t > SD_TIME_MAX))
        l->st = sd_error_set(l->err, SD_ERR_INPUT, "field '%s' is outside the years %d..%d",
                             field, SD_TIME_MIN_YEAR, SD_TIME_MAX_YEAR);
}

sd_status sd_record_check_limits(const sd_record *rec, sd_error *err)
{
    lim l = {err, SD_OK};
    when(&l, "t", rec->t);
    switch (rec->type) {
    case SD_REC_HEADER: {
        const sd_rec_header *h = &rec->u.header;
        cap(&l, "program", h->program, SD_MAX_NAME_BYTES);
        cap(&l, "date", h->date, SD_MAX_ID_BYTES);
        cap(&l, "scenario.id", h->scenario_id, SD_MAX_ID_BYTES);
        cap(&l, "scenario.title", h->scenario_title, SD_MAX_TEXT_BYTES);
        cap(&l, "scenario.path", h->scenario_path, SD_MAX_PATH_BYTES);
        cap(&l, "scenario.sha256", h->scenario_sha256, SD_MAX_ID_BYTES);
        cap(&l, "participant.name", h->participant, SD_MAX_NAME_BYTES);
        cap(&l, "participant.kind", h->participant_kind, SD_MAX_ID_BYTES);
        cap(&l, "participant.path", h->participant_path, SD_MAX_PATH_BYTES);
        cap(&l, "participant.sha256", h->participant_sha256, SD_MAX_ID_BYTES);
        if (l.st == SD_OK && ((int)h->platform < 0 || h->platform >= SD_PLATFORM_COUNT))
            l.st = sd_error_set(err, SD_ERR_INPUT, "field 'platform' is unknown");
        when(&l, "start", h->start);
        if (h->scoring.crisis)
            when(&l, "crisis_start", h->scoring.crisis_start);
        for (size_t i = 0; i < h->n_contents && l.st == SD_OK; i++) {
            char f[40];
            snprintf(f, sizeof f, "contents[%zu]", i);
            if (h->contents[i]->index != (int32_t)i)
                l.st = sd_error_set(err, SD_ERR_INPUT, "field '%s' has index %d", f,
                                    (int)h->contents[i]->index);
            content(&l, f, h->contents[i], h->n_contents, true);
        }
        if (l.st == SD_OK && h->scoring.statement &&
            (h->scoring.statement->index < 0 ||
             (size_t)h->scoring.statement->index >= h->n_contents ||
             h->contents[h->scoring.statement->index] != h->scoring.statement))
            l.st = sd_error_set(err, SD_ERR_INPUT, "field 'scoring.statement' is not one of the "
                                "header's contents");
        if (l.st == SD_OK && h->scoring.n_words > SD_MAX_WORDS)
            l.st = sd_error_set(err, SD_ERR_INPUT, "field 'scoring.words' has more than %u words",
                                SD_MAX_WORDS);
        if (l.st == SD_OK && h->n_themes > SD_MAX_THEMES)
            l.st = sd_error_set(err, SD_ERR_INPUT, "field 'themes' has more than %u themes",
                                SD_MAX_THEMES);
        for (size_t i = 0; i < h->n_themes && l.st == SD_OK; i++) {
            const sd_rec_theme *th = &h->themes[i];
            char f[48];
            snprintf(f, sizeof f, "themes[%zu].storm", i);
            cap(&l, f, th->storm, SD_MAX_ID_BYTES);
            snprintf(f, sizeof f, "themes[%zu].id", i);
            cap(&l, f, th->id, SD_MAX_ID_BYTES);
            snprintf(f, sizeof f, "themes[%zu].label", i);
            cap(&l, f, th->label, SD_MAX_NAME_BYTES);
            if (l.st == SD_OK && ((int)th->kind < 0 || th->kind >= SD_THEME_COUNT))
                l.st = sd_error_set(err, SD_ERR_INPUT, "field 'themes[%zu].kind' is unknown", i);
            if (l.st == SD_OK && (th->within < 0 || th->within > 10000000000LL))
                l.st = sd_error_set(err, SD_ERR_INPUT, "field 'themes[%zu].within' is out of "
                                    "range", i);
            if (l.st == SD_OK && th->content &&
                (th->content->index < 0 || (size_t)th->content->index >= h->n_contents ||
                 h->contents[th->content->index] != th->content))
                l.st = sd_error_set(err, SD_ERR_INPUT, "field 'themes[%zu].content' is not one "
                                    "of the header's contents", i);
        }
        for (size_t i = 0; i < h->scoring.n_words && l.st == SD_OK; i++) {
            const char *why = sd_word_problem(h->scoring.words[i], strlen(h->scoring.words[i]));
            if (why)
                l.st = sd_error_set(err, SD_ERR_INPUT, "field 'scoring.words[%zu]' %s", i, why);
        }
        break;
    }
    case SD_REC_ITEM: {
        const sd_rec_item *it = &rec->u.item;
        cap(&l, "id", it->id, SD_MAX_ID_BYTES);
        cap(&l, "author.id", it->author_id, SD_MAX_ID_BYTES);
        cap(&l, "author.first", it->first, SD_MAX_NAME_BYTES);
        cap(&l, "author.last", it->last, SD_MAX_NAME_BYTES);
        cap(&l, "author.handle", it->handle, SD_MAX_HANDLE_LOG_BYTES);
        cap(&l, "image", it->image, SD_MAX_PATH_BYTES);
        cap(&l, "image_alt", it->image_alt, SD_MAX_TEXT_BYTES);
        cap(&l, "link_title", it->link_title, SD_MAX_TEXT_BYTES);
        cap(&l, "link_site", it->link_site, SD_MAX_NAME_BYTES);
        if (l.st == SD_OK && (it->own_platform < 0 || it->own_platform > SD_PLATFORM_COUNT))
            l.st = sd_error_set(l.err, SD_ERR_INPUT, "field 'platform' is out of range");
        cap(&l, "on", it->parent, SD_MAX_ID_BYTES);
        cap(&l, "text", it->text, SD_MAX_TEXT_BYTES);
        cap(&l, "title", it->title, SD_MAX_TEXT_BYTES);
        cap(&l, "outlet", it->outlet, SD_MAX_NAME_BYTES);
        cap(&l, "url", it->url, SD_MAX_PATH_BYTES);
        cap(&l, "repeat_of", it->repeat_of, SD_MAX_ID_BYTES);
        cap(&l, "storm", it->storm, SD_MAX_ID_BYTES);
        cap(&l, "theme", it->theme, SD_MAX_ID_BYTES);
        cap(&l, "by", it->by, SD_MAX_NAME_BYTES);
        if (it->deadline)
            when(&l, "deadline", it->deadline);
        if (it->expect) {
            cap(&l, "expect.link", it->expect->link, SD_MAX_PATH_BYTES);
            cap(&l, "expect.person", it->expect->person, SD_MAX_ID_BYTES);
            content(&l, "expect.content", it->expect->content, SIZE_MAX, false);
            content(&l, "expect.statement", it->expect->statement, SIZE_MAX, false);
        }
        break;
    }
    case SD_REC_ACTION:
    case SD_REC_REJECTED: {
        const sd_rec_action *a = &rec->u.action;
        cap(&l, "item", a->item, SD_MAX_ID_BYTES);
        cap(&l, "text", a->text, SD_MAX_TEXT_BYTES);
        cap(&l, "person", a->person, SD_MAX_ID_BYTES);
        cap(&l, "reason", a->reason, SD_MAX_REASON_BYTES);
        cap(&l, "error", a->error, SD_MAX_REASON_BYTES);
        cap(&l, "by", a->by, SD_MAX_NAME_BYTES);
        break;
    }
    case SD_REC_END:
        cap(&l, "reason", rec->u.end.reason, SD_MAX_REASON_BYTES);
        break;
    case SD_REC_FACILITATOR:
        cap(&l, "item", rec->u.facilitator.item, SD_MAX_ID_BYTES);
        break;
    case SD_REC_STATE:
    case SD_REC_COUNT:
        break;
    }
    return l.st;
}

/* Opens path for the writer: truncated to `keep` bytes (0: a new log). */
static sd_status open_at(const char *path, bool append, uint64_t keep, sd_logw **out, sd_error *err)
{
    *out = NULL;
    sd_logw *w = calloc(1, sizeof *w);
    if (w == NULL || (w->path = strdup(path)) == NULL) {
        free(w);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    int flags = O_CREAT | O_CLOEXEC | (append ? 0 : O_TRUNC);
    w->fd = open(path, O_RDWR | flags, 0644);
    if (w->fd < 0 && !append && (errno == EACCES || errno == EINVAL))
        w->fd = open(path, O_WRONLY | flags, 0644);
    sd_status st = SD_OK;
    if (w->fd < 0) {
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot %s the session log: %s", path,
                          append ? "open" : "create", strerror(errno));
        goto done;
    }
    struct stat sb;
    w->mapped = fstat(w->fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
                (fcntl(w->fd, F_GETFL) & O_ACCMODE) == O_RDWR;
    if (append) {
        if (!S_ISREG(sb.st_mode) || (uint64_t)sb.st_size < keep) {
            st = sd_error_set(err, SD_ERR_IO, "%s: the session log changed while it was read",
                              path);
            goto done;
        }
        /* Drops what follows the good data: a torn line and the NUL padding. */
        if (ftruncate(w->fd, (off_t)keep) != 0 || lseek(w->fd, (off_t)keep, SEEK_SET) < 0) {
            st = sd_error_set(err, SD_ERR_IO, "%s: cannot cut the session log to its last "
                              "complete line: %s", path, strerror(errno));
            goto done;
        }
        w->written = w->synced = (size_t)keep;
    }
    w->sync_inputs = true;
    w->last_sync_ms = mono_ms();
    w->chained = true;
    sd_chain_init(&w->chain, NULL);
done:
    if (st != SD_OK) {
        if (w->fd >= 0)
            close(w->fd);
        free(w->path);
        free(w);
        return st;
    }
    *out = w;
    return SD_OK;
}

sd_status sd_logw_open(const char *path, sd_logw **out, sd_error *err)
{
    return open_at(path, false, 0, out, err);
}

sd_status sd_logw_open_append(const char *path, uint64_t keep, bool add_newline,
                              const sd_chain *chain, sd_logw **out, sd_error *err)
{
    sd_status st = open_at(path, true, keep, out, err);
    if (st != SD_OK)
        return st;
    sd_logw *w = *out;
    w->wrote_any = true;
    w->chained = chain != NULL;
    if (chain)
        w->chain = *chain;
    if (!add_newline)
        return st;
    if (write(w->fd, "\n", 1) != 1) {
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot write the session log: %s", path,
                          strerror(errno));
        close(w->fd);
        sd_chain_wipe(&w->chain);
        free(w->path);
        free(w);
        *out = NULL;
        return st;
    }
    w->written++;
    return SD_OK;
}

void sd_logw_sync_inputs(sd_logw *w, bool on) { w->sync_inputs = on; }

sd_status sd_logw_seal(sd_logw *w, const sd_seal_key *key, sd_error *err)
{
    if (w->wrote_any)
        return sd_error_set(err, SD_ERR_USAGE, "%s: a log is sealed before its first line",
                            w->path);
    sd_chain_init(&w->chain, key);
    memcpy(w->key_id, key->id, sizeof w->key_id);
    return SD_OK;
}

bool sd_logw_sealed(const sd_logw *w) { return w != NULL && w->chain.sealed; }

void sd_logw_integrity(const sd_logw *w, sd_log_integrity *out)
{
    memset(out, 0, sizeof *out);
    out->version = w->chained ? 2 : 1;
    out->sealed = w->chain.sealed;
    out->state = out->sealed ? SD_INTEGRITY_SEALED_INTACT : SD_INTEGRITY_UNSEALED;
    if (out->sealed)
        memcpy(out->key_id, w->key_id, sizeof out->key_id);
    out->complete = out->sealed && w->wrote_end;
}

sd_status sd_logw_sync(sd_logw *w, sd_error *err)
{
    if (w == NULL || w->synced == w->written)
        return SD_OK;
    if (fdatasync(w->fd) != 0 && errno != EINVAL && errno != EROFS)
        return sd_error_set(err, SD_ERR_IO, "%s: cannot sync the session log to the disk: %s",
                            w->path, strerror(errno));
    w->synced = w->written;
    w->last_sync_ms = mono_ms();
    return SD_OK;
}

sd_status sd_logw_sync_due(sd_logw *w, sd_error *err)
{
    if (w == NULL || w->synced == w->written || mono_ms() - w->last_sync_ms < SYNC_INTERVAL_MS)
        return SD_OK;
    return sd_logw_sync(w, err);
}

/* Maps the chunk that holds file offset w->written, reserving its disk space. */
static sd_status next_chunk(sd_logw *w, size_t need, sd_error *err)
{
    if (w->map && munmap(w->map, w->map_len) != 0)
        return sd_error_set(err, SD_ERR_IO, "%s: cannot unmap the session log: %s", w->path,
                            strerror(errno));
    w->map = NULL;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t off = w->written & ~(page - 1);
    size_t len = CHUNK;
    while (len < (w->written - off) + need)
        len *= 2;
    int rc = off + len <= w->reserved ? 0 : posix_fallocate(w->fd, (off_t)off, (off_t)len);
    if (rc != 0)
        return sd_error_set(err, SD_ERR_IO, "%s: cannot reserve space for the session log: %s",
                            w->path, strerror(rc));
    if (off + len > w->reserved)
        w->reserved = off + len;
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, w->fd, (off_t)off);
    if (p == MAP_FAILED)
        return sd_error_set(err, SD_ERR_IO, "%s: cannot map the session log: %s", w->path,
                            strerror(errno));
    w->map = p;
    w->map_off = off;
    w->map_len = len;
    return SD_OK;
}

/* Halfway through a chunk, the disk space of the next one is reserved, so that a disk
 * filling up shows as a warning while a chunk's worth of room is left, not as an error
 * when the log is out of room. Tried again every 1 MiB while it fails. */
static void reserve_ahead(sd_logw *w)
{
    size_t half = w->map_off + w->map_len / 2;
    if (w->written < half || w->reserved > w->map_off + w->map_len) {
        w->next_try = w->written < half ? half : w->map_off + w->map_len;
        return;
    }
    int rc = posix_fallocate(w->fd, (off_t)(w->map_off + w->map_len), (off_t)CHUNK);
    if (rc == 0) {
        w->reserved = w->map_off + w->map_len + CHUNK;
        free(w->warning);
        w->warning = NULL;
        w->next_try = w->map_off + w->map_len;
        return;
    }
    w->next_try = w->written + ((size_t)1 << 20);
    if (w->warning == NULL) {
        size_t left = w->map_off + w->map_len - w->written;
        sd_buf m = SD_BUF_INIT;
        sd_buf_printf(&m, "%s: the disk is filling up (%s): the session log has room for about "
                      "%zu MiB more", w->path, strerror(rc), left >> 20 ? left >> 20 : 1);
        w->warning = sd_buf_ok(&m) ? sd_buf_take(&m) : NULL;
        sd_buf_free(&m);
    }
}

const char *sd_logw_warning(const sd_logw *w) { return w ? w->warning : NULL; }

/* The sync policy: inputs (what a person or facilitator did) at once, the rest every
 * SYNC_INTERVAL_MS. The clock is read every 64 lines: a storm writes thousands a second. */
static sd_status after_write(sd_logw *w, const sd_record *rec, sd_error *err)
{
    bool input = rec->type == SD_REC_ACTION || rec->type == SD_REC_REJECTED ||
                 rec->type == SD_REC_FACILITATOR || rec->type == SD_REC_END;
    if (w->sync_inputs && input)
        return sd_logw_sync(w, err);
    if ((++w->since_check & 63) == 0 || input)
        return sd_logw_sync_due(w, err);
    return SD_OK;
}

/* The line for rec in w->line, newline included: its JSON, the seal's name in a sealed
 * header, and the chain value as the last member. */
static sd_status make_line(sd_logw *w, const sd_record *rec, sd_error *err)
{
    sd_status st = sd_record_check_limits(rec, err);
    if (st != SD_OK) {
        sd_error_prefix(err, "%s: cannot write a %s record", w->path,
                        sd_record_type_name(rec->type));
        return st;
    }
    sd_buf *b = &w->line;
    sd_buf_reset(b);
    if (sd_record_to_json(rec, true, b) != SD_OK)
        goto oom;
    /* The reader's limit (the chain value adds under a hundred bytes; the limits are far
     * above what fields within log/limits.h make, so this never refuses a real record). */
    size_t max = rec->type == SD_REC_HEADER ? SD_LOG_MAX_HEADER_LINE : SD_LOG_MAX_LINE;
    if (b->len + 200 > max)
        return sd_error_set(err, SD_ERR_INPUT, "%s: cannot write a %s record: its line would be "
                            "%zu bytes, more than the %zu a log line may have", w->path,
                            sd_record_type_name(rec->type), b->len, max);
    if (!w->chained)
        return sd_buf_putc(b, '\n') == SD_OK ? SD_OK : sd_error_set(err, SD_ERR_MEMORY,
                                                                     "%s: out of memory", w->path);
    if (rec->type == SD_REC_HEADER && w->chain.sealed) {
        b->len--; /* the closing brace */
        sd_buf_printf(b, ",\"seal\":{\"alg\":\"%s\",\"key\":\"%s\"}}", SD_SEAL_ALG, w->key_id);
    }
    if (!sd_buf_ok(b))
        goto oom;
    char hex[SD_SEAL_HEX + 1];
    sd_chain_step(&w->chain, b->data, b->len, rec->type == SD_REC_END, hex);
    b->len--;
    sd_buf_append(b, ",\"h\":\"", 6);
    sd_buf_append(b, hex, rec->type == SD_REC_END && w->chain.sealed ? SD_SEAL_HEX : SD_CHAIN_HEX);
    sd_buf_append(b, "\"}\n", 3);
    if (!sd_buf_ok(b))
        goto oom;
    return SD_OK;
oom:
    return sd_error_set(err, SD_ERR_MEMORY, "%s: out of memory writing a log line", w->path);
}

sd_status sd_logw_write(sd_logw *w, const sd_record *rec, sd_error *err)
{
    sd_status mst = make_line(w, rec, err);
    if (mst != SD_OK)
        return mst;
    w->wrote_any = true;
    w->wrote_end = w->wrote_end || rec->type == SD_REC_END;
    if (w->mapped) {
        if (w->map == NULL || w->written + w->line.len > w->map_off + w->map_len) {
            sd_status st = next_chunk(w, w->line.len, err);
            if (st != SD_OK)
                return st;
        }
        memcpy(w->map + (w->written - w->map_off), w->line.data, w->line.len);
        w->written += w->line.len;
        if (w->written >= w->next_try)
            reserve_ahead(w);
        return after_write(w, rec, err);
    }
    const char *p = w->line.data;
    size_t left = w->line.len;
    while (left > 0) {
        ssize_t n = write(w->fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return sd_error_set(err, SD_ERR_IO, "%s: cannot write the session log: %s", w->path,
                                strerror(errno));
        }
        p += n;
        left -= (size_t)n;
    }
    w->written += w->line.len;
    return after_write(w, rec, err);
}

sd_status sd_logw_close(sd_logw *w, sd_error *err)
{
    if (w == NULL)
        return SD_OK;
    sd_status st = SD_OK;
    if (w->map && munmap(w->map, w->map_len) != 0)
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot unmap the session log: %s", w->path, strerror(errno));
    if (w->mapped && ftruncate(w->fd, (off_t)w->written) != 0 && st == SD_OK)
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot set the session log's length: %s", w->path,
                          strerror(errno));
    if (fsync(w->fd) != 0 && errno != EINVAL && st == SD_OK)
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot sync the session log: %s", w->path, strerror(errno));
    if (close(w->fd) != 0 && st == SD_OK)
        st = sd_error_set(err, SD_ERR_IO, "%s: cannot close the session log: %s", w->path, strerror(errno));
    sd_buf_free(&w->line);
    sd_chain_wipe(&w->chain);
    free(w->warning);
    free(w->path);
    free(w);
    return st;
}
