/* results.c - folds session-log records into the results of an exercise and writes them
 * as the stormdrill.result/1 JSON document. */
#include "results.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../guideline/answer.h"
#include "../log/logw.h"
#include "../scenario/content_rules.h"
#include "../review/review.h"
#include "../scoring/score.h"
#include "../util/arena.h"
#include "../util/atomic_file.h"
#include "../util/bigalloc.h"
#include "../util/jsonw.h"
#include "../util/strmap.h"

typedef sd_res_action res_action;
typedef sd_res_item res_item;

struct sd_results {
    sd_arena arena;
    bool have_header;
    sd_rec_header header; /* strings, contents, statement and words copied into the arena */
    const sd_content **contents; /* header.contents: the copies, by index (arena) */
    res_item *items;
    size_t n_items, cap_items;
    res_action *actions;
    size_t n_actions, cap_actions;
    sd_strmap ids;              /* id -> index for items [0, mapped) */
    size_t mapped;
    sd_strmap names;            /* interned author names -> index in name_list */
    const char **name_list;
    size_t n_names, cap_names;
    sd_expect **expects;        /* interned expectations, open addressing */
    size_t n_expects, cap_expects;
    size_t rejected;
    bool ended;
    sd_time end_t;
    const char *end_reason;
    sd_res_draft draft;         /* the unsent draft (text NULL: none); not an action */
    const sd_score *score; /* borrowed, optional */
    const struct sd_reviews *review; /* borrowed, optional */
    sd_log_integrity integrity;
    const char *last_parent;    /* the last item record's parent id (its copy) and index:
                                   a storm's comments share theirs */
    int32_t last_parent_index;
};

void sd_results_set_integrity(sd_results *r, const sd_log_integrity *in) { r->integrity = *in; }

void sd_results_attach_score(sd_results *r, const sd_score *score) { r->score = score; }

bool sd_results_draft(const sd_results *r, sd_res_draft *out)
{
    if (r->draft.text == NULL)
        return false;
    if (out)
        *out = r->draft;
    return true;
}

void sd_results_attach_review(sd_results *r, const struct sd_reviews *rv) { r->review = rv; }

static const char *keep_str(sd_results *r, const char *s, bool *oom)
{
    if (s == NULL)
        return NULL;
    const char *p = sd_arena_strdup(&r->arena, s);
    if (p == NULL)
        *oom = true;
    return p;
}

static const char *item_key(const void *ctx, uint32_t i)
{
    return ((const sd_results *)ctx)->items[i].id;
}

static const char *name_key(const void *ctx, uint32_t i)
{
    return ((const sd_results *)ctx)->name_list[i];
}

size_t sd_results_n_items(const sd_results *r) { return r->n_items; }
const sd_res_item *sd_results_items(const sd_results *r) { return r->items; }
size_t sd_results_n_actions(const sd_results *r) { return r->n_actions; }
const sd_res_action *sd_results_actions(const sd_results *r) { return r->actions; }
const sd_rec_theme *sd_results_themes(const sd_results *r, size_t *n)
{
    *n = r->have_header ? r->header.n_themes : 0;
    return r->have_header ? r->header.themes : NULL;
}

const sd_rec_header *sd_results_header(const sd_results *r)
{
    return r->have_header ? &r->header : NULL;
}

sd_status sd_results_create(sd_results **out, sd_error *err)
{
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sd_strmap_init(&(*out)->ids, item_key, *out);
    sd_strmap_init(&(*out)->names, name_key, *out);
    return SD_OK;
}

sd_status sd_results_reserve(sd_results *r, size_t n_items, sd_error *err)
{
    if (n_items > r->cap_items) {
        res_item *p = sd_big_alloc(n_items * sizeof *p);
        if (p == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        if (r->n_items)
            memcpy(p, r->items, r->n_items * sizeof *p);
        free(r->items);
        r->items = p;
        r->cap_items = n_items;
    }
    return SD_OK;
}

/* One shared copy per distinct name. */
static const char *intern_name(sd_results *r, const char *s, bool *oom)
{
    if (s == NULL)
        return NULL;
    uint32_t idx;
    if (sd_strmap_get(&r->names, s, &idx))
        return r->name_list[idx];
    if (r->n_names == r->cap_names) {
        size_t cap = r->cap_names ? r->cap_names * 2 : 64;
        const char **p = realloc(r->name_list, cap * sizeof *p);
        if (p == NULL) {
            *oom = true;
            return NULL;
        }
        r->name_list = p;
        r->cap_names = cap;
    }
    const char *copy = sd_arena_strdup(&r->arena, s);
    if (copy == NULL) {
        *oom = true;
        return NULL;
    }
    r->name_list[r->n_names] = copy;
    if (sd_strmap_put(&r->names, copy, (uint32_t)r->n_names) != SD_OK) {
        *oom = true;
        return NULL;
    }
    r->n_names++;
    return copy;
}

static bool expect_equal(const sd_expect *a, const sd_expect *b)
{
    return a->answer == b->answer && a->within == b->within && a->acknowledge == b->acknowledge &&
           ((a->link == NULL && b->link == NULL) ||
            (a->link && b->link && strcmp(a->link, b->link) == 0)) &&
           a->escalate == b->escalate && a->escalate_within == b->escalate_within &&
           a->ok == b->ok && a->fault == b->fault && a->cls == b->cls && a->rules == b->rules &&
           a->weight == b->weight && a->max_words == b->max_words && a->steps == b->steps &&
           ((a->person == NULL && b->person == NULL) ||
            (a->person && b->person && strcmp(a->person, b->person) == 0)) &&
           a->content == b->content && a->statement == b->statement;
}

static uint64_t expect_hash(const sd_expect *e)
{
    uint64_t h = 1469598103934665603ULL;
    uint64_t parts[] = {(uint64_t)e->answer, (uint64_t)e->within, (uint64_t)e->acknowledge,
                        e->escalate, (uint64_t)e->escalate_within, e->ok, e->fault,
                        (uint64_t)e->cls, e->rules, (uint64_t)(e->weight * 1000),
                        (uint64_t)e->max_words, e->steps, (uint64_t)(uintptr_t)e->content,
                        (uint64_t)(uintptr_t)e->statement};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        h = (h ^ parts[i]) * 1099511628211ULL;
    for (const char *p = e->link; p && *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return h ^ (h >> 29);
}

/* The results' own copy of a content an item points to: the header's copy by index, or a
 * copy of its own for one declared at run time (index -1). NULL with *bad set when the
 * index is not the header's. */
static const sd_content *own_content(sd_results *r, const sd_content *c, bool *oom, bool *bad)
{
    if (c == NULL)
        return NULL;
    if (c->index >= 0) {
        if ((size_t)c->index >= r->header.n_contents) {
            *bad = true;
            return NULL;
        }
        return r->contents[c->index];
    }
    const sd_content *copy = sd_content_copy(&r->arena, c);
    if (copy == NULL)
        *oom = true;
    return copy;
}

/* One shared copy per distinct expectation (link string included; e's contents are the
 * results' own already). */
static const sd_expect *intern_expect(sd_results *r, const sd_expect *e, bool *oom)
{
    if ((r->n_expects + 1) * 2 > r->cap_expects) {
        size_t cap = r->cap_expects ? r->cap_expects * 2 : 64;
        sd_expect **t = calloc(cap, sizeof *t);
        if (t == NULL) {
            *oom = true;
            return NULL;
        }
        for (size_t i = 0; i < r->cap_expects; i++)
            if (r->expects[i]) {
                size_t j = expect_hash(r->expects[i]) & (cap - 1);
                while (t[j])
                    j = (j + 1) & (cap - 1);
                t[j] = r->expects[i];
            }
        free(r->expects);
        r->expects = t;
        r->cap_expects = cap;
    }
    size_t j = expect_hash(e) & (r->cap_expects - 1);
    while (r->expects[j]) {
        if (expect_equal(r->expects[j], e))
            return r->expects[j];
        j = (j + 1) & (r->cap_expects - 1);
    }
    sd_expect *copy = sd_arena_alloc(&r->arena, sizeof *copy);
    if (copy == NULL) {
        *oom = true;
        return NULL;
    }
    *copy = *e;
    copy->link = keep_str(r, e->link, oom);
    copy->person = keep_str(r, e->person, oom);
    r->expects[j] = copy;
    r->n_expects++;
    return copy;
}

void sd_results_free(sd_results *r)
{
    if (r == NULL)
        return;
    free(r->items);
    free(r->actions);
    free(r->name_list);
    free(r->expects);
    sd_strmap_free(&r->ids);
    sd_strmap_free(&r->names);
    sd_arena_free(&r->arena);
    free(r);
}


/* Indexes the items not yet in the id map. */
static sd_status catch_up(sd_results *r)
{
    for (; r->mapped < r->n_items; r->mapped++) {
        sd_status st = sd_strmap_put(&r->ids, r->items[r->mapped].id, (uint32_t)r->mapped);
        if (st != SD_OK)
            return st;
    }
    return SD_OK;
}

sd_status sd_results_add(sd_results *r, const sd_record *rec, sd_error *err)
{
    bool oom = false;
    if (rec->type != SD_REC_HEADER && !r->have_header)
        return sd_error_set(err, SD_ERR_INPUT, "the log does not start with a header line");
    switch (rec->type) {
    case SD_REC_HEADER: {
        if (r->have_header)
            return sd_error_set(err, SD_ERR_INPUT, "a second header line");
        const sd_rec_header *h = &rec->u.header;
        r->header = *h;
        r->header.contents = NULL;
        r->header.n_contents = 0;
        r->header.scoring.statement = NULL;
        r->header.scoring.words = NULL;
        r->header.scoring.n_words = 0;
        if (h->n_contents > 0) {
            r->contents = sd_arena_alloc(&r->arena, h->n_contents * sizeof *r->contents);
            oom = oom || r->contents == NULL;
            for (size_t i = 0; i < h->n_contents && !oom; i++) {
                if (h->contents[i]->index != (int32_t)i)
                    return sd_error_set(err, SD_ERR_INPUT, "the header's content %zu has index %d",
                                        i, (int)h->contents[i]->index);
                if ((r->contents[i] = sd_content_copy(&r->arena, h->contents[i])) == NULL)
                    oom = true;
            }
            if (oom)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            r->header.contents = r->contents;
            r->header.n_contents = h->n_contents;
        }
        if (h->scoring.statement) {
            int32_t i = h->scoring.statement->index;
            if (i < 0 || (size_t)i >= h->n_contents)
                return sd_error_set(err, SD_ERR_INPUT, "the header's scoring.statement is not "
                                    "one of its contents");
            r->header.scoring.statement = r->contents[i];
        }
        if (h->scoring.n_words > 0) {
            const char **w = sd_arena_alloc(&r->arena, h->scoring.n_words * sizeof *w);
            if (w == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            for (size_t i = 0; i < h->scoring.n_words; i++)
                w[i] = keep_str(r, h->scoring.words[i], &oom);
            r->header.scoring.words = w;
            r->header.scoring.n_words = h->scoring.n_words;
        }
        r->header.program = keep_str(r, h->program, &oom);
        r->header.date = keep_str(r, h->date, &oom);
        r->header.scenario_id = keep_str(r, h->scenario_id, &oom);
        r->header.scenario_title = keep_str(r, h->scenario_title, &oom);
        r->header.scenario_path = keep_str(r, h->scenario_path, &oom);
        r->header.scenario_sha256 = keep_str(r, h->scenario_sha256, &oom);
        r->header.participant = keep_str(r, h->participant, &oom);
        r->header.participant_kind = keep_str(r, h->participant_kind, &oom);
        r->header.participant_path = keep_str(r, h->participant_path, &oom);
        r->header.participant_sha256 = keep_str(r, h->participant_sha256, &oom);
        r->header.themes = NULL;
        r->header.n_themes = 0;
        if (h->n_themes > 0 && !oom) {
            sd_rec_theme *t = sd_arena_alloc(&r->arena, h->n_themes * sizeof *t);
            oom = t == NULL;
            for (size_t i = 0; i < h->n_themes && !oom; i++) {
                const sd_rec_theme *th = &h->themes[i];
                t[i] = *th;
                t[i].storm = intern_name(r, th->storm, &oom);
                t[i].id = intern_name(r, th->id, &oom);
                t[i].label = keep_str(r, th->label, &oom);
                t[i].content = NULL;
                if (th->content) {
                    int32_t ci = th->content->index;
                    if (ci < 0 || (size_t)ci >= r->header.n_contents)
                        return sd_error_set(err, SD_ERR_INPUT, "the header's theme '%s' names a "
                                            "content it does not have", th->id ? th->id : "?");
                    t[i].content = r->contents[ci];
                }
            }
            r->header.themes = t;
            r->header.n_themes = oom ? 0 : h->n_themes;
        }
        r->header.seal_key_id = keep_str(r, h->seal_key_id, &oom);
        r->have_header = true;
        break;
    }
    case SD_REC_ITEM: {
        const sd_rec_item *it = &rec->u.item;
        if (r->n_items == r->cap_items) {
            size_t cap = r->cap_items ? r->cap_items * 2 : 256;
            res_item *p = realloc(r->items, cap * sizeof *p);
            if (p == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            r->items = p;
            r->cap_items = cap;
        }
        res_item *x = &r->items[r->n_items];
        memset(x, 0, sizeof *x);
        x->id = keep_str(r, it->id, &oom);
        x->kind = (uint8_t)it->kind;
        x->has_author = sd_rec_item_authored(it);
        x->author_id = intern_name(r, it->author_id, &oom);
        x->first = intern_name(r, it->first, &oom);
        x->last = intern_name(r, it->last, &oom);
        x->handle = intern_name(r, it->handle, &oom);
        x->parent = -1;
        x->platform = (int8_t)(r->have_header ? r->header.platform : SD_PLATFORM_FACEBOOK);
        if (it->kind == SD_KIND_POST && it->own_platform > 0 &&
            it->own_platform <= SD_PLATFORM_COUNT)
            x->platform = (int8_t)(it->own_platform - 1);
        if (it->parent) {
            int32_t pi = -1;
            if (r->last_parent && strcmp(r->last_parent, it->parent) == 0) {
                pi = r->last_parent_index;
            } else {
                uint32_t idx;
                sd_status cst = catch_up(r);
                if (cst == SD_ERR_INPUT)
                    return sd_error_set(err, SD_ERR_INPUT, "an item id appears twice");
                if (cst != SD_OK)
                    return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
                if (sd_strmap_get(&r->ids, it->parent, &idx))
                    pi = (int32_t)idx;
                r->last_parent = intern_name(r, it->parent, &oom);
                r->last_parent_index = pi;
            }
            x->parent = pi;
            if (pi >= 0)
                x->platform = r->items[pi].platform;
        }
        x->mood = (uint8_t)it->mood;
        x->sender = (int8_t)(it->sender >= 0 && it->sender < SD_SENDER_COUNT ? it->sender : -1);
        x->storm = intern_name(r, it->storm, &oom);
        x->theme = intern_name(r, it->theme, &oom);
        x->direct = it->direct;
        x->repeat_of = keep_str(r, it->repeat_of, &oom);
        /* The scenario's own words (spelling accepts them): kept for items outside storms,
         * a storm's million comments would cost memory for no new words. */
        x->text = it->storm ? NULL : keep_str(r, it->text, &oom);
        x->arrival = rec->t;
        x->deadline = it->deadline;
        sd_expect e = *it->expect;
        bool bad = false;
        e.content = own_content(r, it->expect->content, &oom, &bad);
        e.statement = own_content(r, it->expect->statement, &oom, &bad);
        if (bad)
            return sd_error_set(err, SD_ERR_INPUT, "item '%s': its expectations name a content "
                                "the header does not have", it->id);
        x->expect = oom ? NULL : intern_expect(r, &e, &oom);
        x->answer_action = -1;
        x->first_action = x->last_action = -1;
        if (oom)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        r->n_items++;
        /* A running session numbers its items and guarantees their ids are unique: those
         * are indexed only when an action needs a lookup. Items read from a log are
         * indexed (and checked for duplicates) at once. */
        if (it->index != (int64_t)(r->n_items - 1)) {
            sd_status st = catch_up(r);
            if (st == SD_ERR_INPUT)
                return sd_error_set(err, SD_ERR_INPUT, "item id '%s' appears twice", it->id);
            if (st != SD_OK)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        }
        break;
    }
    case SD_REC_ACTION: {
        const sd_rec_action *a = &rec->u.action;
        uint32_t idx = 0;
        int32_t item = -1;
        if (a->kind == SD_ACT_DRAFT) {
            /* Kept apart from the actions, so that nothing that scores ever sees it. */
            r->draft.t = rec->t;
            r->draft.item = -1;
            if (a->item) {
                if (catch_up(r) == SD_ERR_MEMORY)
                    return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
                if (sd_strmap_get(&r->ids, a->item, &idx))
                    r->draft.item = (int32_t)idx;
            }
            r->draft.text = keep_str(r, a->text ? a->text : "", &oom);
            if (oom)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            break;
        }
        if (a->item) {
            if (a->item_index >= 0 && (size_t)a->item_index < r->n_items &&
                strcmp(r->items[a->item_index].id, a->item) == 0) {
                idx = (uint32_t)a->item_index;
            } else {
                sd_status st = catch_up(r);
                if (st == SD_ERR_INPUT)
                    return sd_error_set(err, SD_ERR_INPUT, "an item id appears twice");
                if (st != SD_OK)
                    return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
                if (!sd_strmap_get(&r->ids, a->item, &idx))
                    return sd_error_set(err, SD_ERR_INPUT, "an action on item '%s', which has "
                                        "not arrived", a->item);
            }
            item = (int32_t)idx;
        }
        if (r->n_actions == r->cap_actions) {
            size_t cap = r->cap_actions ? r->cap_actions * 2 : 256;
            res_action *p = realloc(r->actions, cap * sizeof *p);
            if (p == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            r->actions = p;
            r->cap_actions = cap;
        }
        res_action *x = &r->actions[r->n_actions];
        x->t = rec->t;
        x->kind = a->kind;
        x->item = item;
        x->target = (int8_t)a->target;
        x->step = (int8_t)a->step;
        x->text = keep_str(r, a->text, &oom);
        x->person = keep_str(r, a->person, &oom);
        x->reason = keep_str(r, a->reason, &oom);
        x->by = intern_name(r, a->by, &oom);
        x->next = -1;
        if (oom)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        if (item >= 0) {
            res_item *it = &r->items[item];
            if (it->last_action >= 0)
                r->actions[it->last_action].next = (int32_t)r->n_actions;
            else
                it->first_action = (int32_t)r->n_actions;
            it->last_action = (int32_t)r->n_actions;
            if (it->answered_at == 0 && sd_action_answers(it->expect, (sd_kind)it->kind, it->repeat_of != NULL, a->kind,
                                                           a->target)) {
                it->answered_at = rec->t;
                it->answer_action = (int8_t)a->kind;
            }
        }
        r->n_actions++;
        break;
    }
    case SD_REC_REJECTED:
        r->rejected++;
        break;
    case SD_REC_STATE:
    case SD_REC_FACILITATOR:
        break;
    case SD_REC_END:
        r->ended = true;
        r->end_t = rec->t;
        r->end_reason = keep_str(r, rec->u.end.reason, &oom);
        if (oom)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        break;
    case SD_REC_COUNT:
        break;
    }
    return SD_OK;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

void sd_results_summarise(const sd_results *r, sd_results_summary *s)
{
    memset(s, 0, sizeof *s);
    s->items = r->n_items;
    s->actions = r->n_actions;
    s->rejected = r->rejected;
    s->ended = r->ended;
    s->end_reason = r->end_reason;
    int64_t *times = malloc((r->n_items ? r->n_items : 1) * sizeof *times);
    size_t nt = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const res_item *it = &r->items[i];
        if (!it->expect->answer)
            continue;
        s->expecting_answer++;
        if (it->answered_at) {
            s->answered++;
            if (it->deadline && it->answered_at > it->deadline)
                s->late++;
            else
                s->on_time++;
            if (times)
                times[nt++] = it->answered_at - it->arrival;
        } else {
            s->unanswered++;
        }
    }
    s->median_answer = s->p90_answer = -1;
    if (times && nt > 0) {
        qsort(times, nt, sizeof *times, cmp_i64);
        s->median_answer = (double)times[(nt - 1) / 2];
        s->p90_answer = (double)times[(size_t)((double)(nt - 1) * 0.9)];
    }
    free(times);
}

static void write_action(sd_jsonw *w, const sd_results *r, const res_action *a)
{
    sd_jsonw_object_begin(w);
    sd_jsonw_ktime(w, "t", a->t);
    sd_jsonw_kstring(w, "action", sd_vocab_name(SD_VOCAB_ACTION, a->kind));
    if (a->item >= 0)
        sd_jsonw_kstring(w, "item", r->items[a->item].id);
    if (a->target >= 0)
        sd_jsonw_kstring(w, "target", sd_vocab_name(SD_VOCAB_TARGET, a->target));
    if (a->step >= 0)
        sd_jsonw_kstring(w, "step", sd_vocab_name(SD_VOCAB_STEP, a->step));
    if (a->person)
        sd_jsonw_kstring(w, "person", a->person);
    if (a->reason)
        sd_jsonw_kstring(w, "reason", a->reason);
    if (a->text)
        sd_jsonw_kstring(w, "text", a->text);
    if (a->by)
        sd_jsonw_kstring(w, "by", a->by);
    sd_jsonw_object_end(w);
}

/* Hands what is in out to the file (when there is one) once it passes 1 MiB, so that the
 * results of a million items never sit in memory as one text. */
static sd_status spill(sd_buf *out, sd_atomic_file *f, sd_error *err)
{
    if (f == NULL || out->len < ((size_t)1 << 20))
        return SD_OK;
    sd_status st = sd_atomic_write(f, out->data, out->len, err);
    sd_buf_reset(out);
    return st;
}

static sd_status write_json(const sd_results *r, sd_buf *out, sd_atomic_file *f, sd_error *err)
{
    if (!r->have_header)
        return sd_error_set(err, SD_ERR_INPUT, "no header: the log is empty");
    sd_results_summary s;
    sd_results_summarise(r, &s);
    sd_jsonw w;
    sd_jsonw_init(&w, out, r->n_items <= 10000);
    const sd_rec_header *h = &r->header;
    sd_jsonw_object_begin(&w);
    sd_jsonw_kstring(&w, "schema", SD_RESULT_SCHEMA);
    sd_jsonw_kstring(&w, "program", h->program);
    sd_jsonw_key(&w, "scenario");
    sd_jsonw_object_begin(&w);
    sd_jsonw_kstring(&w, "id", h->scenario_id);
    sd_jsonw_kstring(&w, "title", h->scenario_title);
    sd_jsonw_kstring(&w, "sha256", h->scenario_sha256);
    sd_jsonw_kstring(&w, "language", sd_vocab_name(SD_VOCAB_LANGUAGE, h->lang));
    sd_jsonw_kstring(&w, "platform", sd_vocab_name(SD_VOCAB_PLATFORM, h->platform));
    sd_jsonw_object_end(&w);
    sd_jsonw_key(&w, "participant");
    sd_jsonw_object_begin(&w);
    sd_jsonw_kstring(&w, "name", h->participant);
    sd_jsonw_kstring(&w, "kind", h->participant_kind);
    if (h->participant_sha256)
        sd_jsonw_kstring(&w, "sha256", h->participant_sha256);
    sd_jsonw_object_end(&w);
    sd_jsonw_key(&w, "date");
    if (h->date)
        sd_jsonw_string(&w, h->date);
    else
        sd_jsonw_null(&w);
    sd_jsonw_kint(&w, "seed", (int64_t)h->seed);
    sd_jsonw_ktime(&w, "start", h->start);
    if (r->ended) {
        sd_jsonw_ktime(&w, "end", r->end_t);
        sd_jsonw_kstring(&w, "end_reason", r->end_reason);
    } else {
        sd_jsonw_key(&w, "end");
        sd_jsonw_null(&w);
        sd_jsonw_kstring(&w, "end_reason", "not finished");
    }
    {
        const sd_log_integrity *in = &r->integrity;
        sd_jsonw_key(&w, "integrity");
        sd_jsonw_object_begin(&w);
        sd_jsonw_kstring(&w, "log", sd_integrity_name(in->state));
        sd_jsonw_kint(&w, "log_format", in->version ? in->version : 2);
        if (in->sealed) {
            sd_jsonw_kstring(&w, "key_id", in->key_id);
            sd_jsonw_kbool(&w, "seal_complete", in->complete);
        }
        sd_jsonw_object_end(&w);
    }
    if (h->n_themes > 0) {
        sd_jsonw_key(&w, "themes");
        sd_jsonw_array_begin(&w);
        for (size_t i = 0; i < h->n_themes; i++)
            sd_theme_to_json(&w, &h->themes[i], "within_seconds");
        sd_jsonw_array_end(&w);
    }
    sd_jsonw_key(&w, "summary");
    sd_jsonw_object_begin(&w);
    sd_jsonw_kint(&w, "items", (int64_t)s.items);
    sd_jsonw_kint(&w, "expecting_answer", (int64_t)s.expecting_answer);
    sd_jsonw_kint(&w, "answered", (int64_t)s.answered);
    sd_jsonw_kint(&w, "on_time", (int64_t)s.on_time);
    sd_jsonw_kint(&w, "late", (int64_t)s.late);
    sd_jsonw_kint(&w, "unanswered", (int64_t)s.unanswered);
    sd_jsonw_kint(&w, "actions", (int64_t)s.actions);
    sd_jsonw_kint(&w, "rejected_actions", (int64_t)s.rejected);
    if (s.median_answer >= 0) {
        sd_jsonw_kdouble(&w, "median_answer_seconds", s.median_answer);
        sd_jsonw_kdouble(&w, "p90_answer_seconds", s.p90_answer);
    }
    sd_jsonw_object_end(&w);
    if (r->score)
        sd_score_write_top(r->score, r, &w);
    if (r->review) /* before the items: the report reads the top level first */
        sd_reviews_write_json(r->review, &w);
    if (r->draft.text) { /* the unsent draft (docs/results-format.md): never scored */
        sd_jsonw_key(&w, "draft");
        sd_jsonw_object_begin(&w);
        sd_jsonw_ktime(&w, "t", r->draft.t);
        if (r->draft.item >= 0)
            sd_jsonw_kstring(&w, "item", r->items[r->draft.item].id);
        sd_jsonw_kstring(&w, "text", r->draft.text);
        sd_jsonw_object_end(&w);
    }
    /* Actions not tied to an item: publish, account steps, general escalations. */
    sd_jsonw_key(&w, "actions");
    sd_jsonw_array_begin(&w);
    for (size_t i = 0; i < r->n_actions; i++)
        if (r->actions[i].item < 0)
            write_action(&w, r, &r->actions[i]);
    sd_jsonw_array_end(&w);
    sd_jsonw_key(&w, "items");
    sd_jsonw_array_begin(&w);
    for (size_t i = 0; i < r->n_items; i++) {
        const res_item *it = &r->items[i];
        sd_jsonw_object_begin(&w);
        sd_jsonw_kstring(&w, "id", it->id);
        sd_jsonw_kstring(&w, "kind", sd_vocab_name(SD_VOCAB_KIND, (int)it->kind));
        if (it->has_author) {
            sd_jsonw_key(&w, "author");
            sd_jsonw_object_begin(&w);
            if (it->author_id)
                sd_jsonw_kstring(&w, "id", it->author_id);
            if (it->first)
                sd_jsonw_kstring(&w, "first", it->first);
            if (it->last)
                sd_jsonw_kstring(&w, "last", it->last);
            if (it->handle)
                sd_jsonw_kstring(&w, "handle", it->handle);
            sd_jsonw_object_end(&w);
            sd_jsonw_kstring(&w, "mood", sd_vocab_name(SD_VOCAB_MOOD, it->mood));
        }
        if (it->kind == SD_KIND_POST)
            sd_jsonw_kstring(&w, "platform", sd_vocab_name(SD_VOCAB_PLATFORM, it->platform));
        if (it->storm)
            sd_jsonw_kstring(&w, "storm", it->storm);
        if (it->theme)
            sd_jsonw_kstring(&w, "theme", it->theme);
        if (it->direct)
            sd_jsonw_kbool(&w, "direct", true);
        if (it->repeat_of)
            sd_jsonw_kstring(&w, "repeat_of", it->repeat_of);
        sd_jsonw_ktime(&w, "arrival", it->arrival);
        if (it->deadline)
            sd_jsonw_ktime(&w, "deadline", it->deadline);
        else {
            sd_jsonw_key(&w, "deadline");
            sd_jsonw_null(&w);
        }
        if (it->answered_at) {
            sd_jsonw_ktime(&w, "answered_at", it->answered_at);
            sd_jsonw_kint(&w, "answer_seconds", it->answered_at - it->arrival);
            sd_jsonw_kstring(&w, "answer_action", sd_vocab_name(SD_VOCAB_ACTION, it->answer_action));
            sd_jsonw_kbool(&w, "late", it->deadline && it->answered_at > it->deadline);
        } else {
            sd_jsonw_key(&w, "answered_at");
            sd_jsonw_null(&w);
        }
        sd_jsonw_key(&w, "expect");
        sd_jsonw_object_begin(&w);
        sd_jsonw_kbool(&w, "answer", it->expect->answer);
        if (it->expect->within)
            sd_jsonw_kint(&w, "within_seconds", it->expect->within);
        sd_jsonw_kbool(&w, "acknowledge", it->expect->acknowledge);
        if (it->expect->link)
            sd_jsonw_kstring(&w, "link", it->expect->link);
        sd_jsonw_kset(&w, "escalate", SD_VOCAB_TARGET, it->expect->escalate);
        if (it->expect->ok)
            sd_jsonw_kset(&w, "ok", SD_VOCAB_DECISION, it->expect->ok);
        if (it->expect->fault)
            sd_jsonw_kset(&w, "fault", SD_VOCAB_DECISION, it->expect->fault);
        sd_jsonw_kstring(&w, "class", sd_vocab_name(SD_VOCAB_CLASS, it->expect->cls));
        if (it->expect->rules)
            sd_jsonw_kset(&w, "rules", SD_VOCAB_RULE, it->expect->rules);
        sd_jsonw_kdouble(&w, "weight", it->expect->weight);
        sd_jsonw_object_end(&w);
        if (r->score)
            sd_score_write_item(r->score, r, i, &w);
        sd_jsonw_key(&w, "actions");
        sd_jsonw_array_begin(&w);
        for (int32_t a = it->first_action; a >= 0; a = r->actions[a].next)
            write_action(&w, r, &r->actions[a]);
        sd_jsonw_array_end(&w);
        sd_jsonw_object_end(&w);
        sd_status st = spill(out, f, err);
        if (st != SD_OK)
            return st;
    }
    sd_jsonw_array_end(&w);
    sd_jsonw_object_end(&w);
    sd_buf_putc(out, '\n');
    if (!sd_jsonw_ok(&w) || !sd_buf_ok(out))
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory writing the results");
    return SD_OK;
}

sd_status sd_results_to_json(const sd_results *r, sd_buf *out, sd_error *err)
{
    return write_json(r, out, NULL, err);
}

sd_status sd_results_save(const sd_results *r, const char *path, sd_error *err)
{
    sd_atomic_file f;
    sd_buf out = SD_BUF_INIT;
    sd_status st = sd_atomic_open(&f, path, err);
    if (st != SD_OK)
        return st;
    st = write_json(r, &out, &f, err);
    if (st == SD_OK)
        st = sd_atomic_write(&f, out.data ? out.data : "", out.len, err);
    sd_buf_free(&out);
    if (st != SD_OK) {
        sd_atomic_abort(&f);
        return st;
    }
    return sd_atomic_commit(&f, err);
}
