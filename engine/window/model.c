/* model.c - the window's copy of the exercise's items, what is pinned, and the feed's
 * filtered rows. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

typedef struct rowset {
    uint32_t *rows;
    size_t n, cap;
    uint64_t built;   /* version it was built at, 0 = never */
} rowset;

struct sd_model {
    const sd_results *res; /* borrowed */
    sd_mitem *items;
    size_t n, cap;
    char *pool;
    size_t pool_len, pool_cap;
    uint32_t *internal;          /* internal messages */
    size_t n_internal, cap_internal;
    uint32_t *plain;             /* items not from a storm (possible parents) */
    size_t n_plain, cap_plain;
    int32_t last_parent;
    rowset sets[SD_FILTER_COUNT];
    int64_t minute_key[SD_MODEL_MINUTES];
    unsigned minute_count[SD_MODEL_MINUTES];
    size_t moods[SD_MOOD_COUNT];
    uint32_t colleague_names[SD_MAX_COLLEAGUES]; /* who has replied (string offsets) */
    size_t colleagues;
    uint64_t version;
    bool pinned;                 /* a reply or statement is pinned to the top of the post */
    int32_t pin_item;            /* the item whose reply is pinned, or -1 (a statement) */
    uint32_t pin_text;           /* the pinned reply's or statement's text */
    sd_platform platform;        /* the header's */
    bool have_platform;
    sd_time now;                 /* the latest record's time */
    /* The organisation's posts and what their counts need (few: a scenario has a handful) */
    struct post_audience {
        uint32_t item;           /* the post's index */
        uint32_t comments;       /* comments and replies on it, less the deleted ones */
        double peak_intensity, low_sentiment;
    } *posts;
    size_t n_posts, cap_posts;
    double intensity, sentiment; /* the latest state record's (1 and 0 before one) */
    int32_t last_root, last_root_post; /* the last parent's post index and its posts[] slot */
};

sd_status sd_model_create(const sd_results *res, sd_model **out, sd_error *err)
{
    sd_model *m = calloc(1, sizeof *m);
    if (!m)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    m->res = res;
    m->version = 1;
    m->last_parent = -1;
    m->pin_item = -1;
    m->intensity = 1;
    m->last_root = m->last_root_post = -1;
    for (int i = 0; i < SD_MODEL_MINUTES; i++)
        m->minute_key[i] = -1;
    *out = m;
    return SD_OK;
}

void sd_model_free(sd_model *m)
{
    if (!m)
        return;
    for (int f = 0; f < SD_FILTER_COUNT; f++)
        free(m->sets[f].rows);
    free(m->items);
    free(m->pool);
    free(m->internal);
    free(m->posts);
    free(m->plain);
    free(m);
}

static uint32_t intern(sd_model *m, const char *s, bool *ok)
{
    if (!s)
        return 0;
    size_t len = strlen(s) + 1;
    if (m->pool_len == 0)
        m->pool_len = 1; /* offset 0 means none */
    if (m->pool_len + len > m->pool_cap) {
        size_t cap = m->pool_cap ? m->pool_cap : 1 << 16;
        while (cap < m->pool_len + len)
            cap *= 2;
        if (cap > UINT32_MAX) {
            *ok = false;
            return 0;
        }
        char *p = realloc(m->pool, cap);
        if (!p) {
            *ok = false;
            return 0;
        }
        m->pool = p;
        m->pool_cap = cap;
        m->pool[0] = '\0';
    }
    uint32_t off = (uint32_t)m->pool_len;
    memcpy(m->pool + off, s, len);
    m->pool_len += len;
    return off;
}

static sd_status push_index(uint32_t **a, size_t *n, size_t *cap, uint32_t v)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        uint32_t *p = realloc(*a, c * sizeof *p);
        if (!p)
            return SD_ERR_MEMORY;
        *a = p;
        *cap = c;
    }
    (*a)[(*n)++] = v;
    return SD_OK;
}

/* The posts[] slot of the post that item i (a post, or a comment or reply under one)
 * belongs to, or -1. The last answer is kept: a storm's comments share their post. */
static int32_t post_slot(sd_model *m, int32_t i)
{
    if (i == m->last_root)
        return m->last_root_post;
    int32_t root = i;
    for (int depth = 0; depth < 64 && root >= 0 && m->items[root].kind != SD_KIND_POST; depth++)
        root = m->items[root].parent_index;
    int32_t slot = -1;
    if (root >= 0 && m->items[root].kind == SD_KIND_POST)
        for (size_t k = m->n_posts; k-- > 0 && slot < 0;)
            if (m->posts[k].item == (uint32_t)root)
                slot = (int32_t)k;
    m->last_root = i;
    m->last_root_post = slot;
    return slot;
}

static sd_status add_item(sd_model *m, const sd_rec_item *it, sd_time t, sd_error *err)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        sd_mitem *n = realloc(m->items, cap * sizeof *n);
        if (!n)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        m->items = n;
        m->cap = cap;
    }
    bool ok = true;
    sd_mitem mi = {0};
    mi.id = intern(m, it->id, &ok);
    mi.first = intern(m, it->first, &ok);
    mi.last = intern(m, it->last, &ok);
    mi.text = intern(m, it->text, &ok);
    mi.repeat_of = intern(m, it->repeat_of, &ok);
    mi.storm = intern(m, it->storm, &ok);
    mi.title = intern(m, it->title, &ok);
    mi.outlet = intern(m, it->outlet, &ok);
    mi.link = intern(m, it->expect ? it->expect->link : NULL, &ok);
    mi.handle = intern(m, it->handle, &ok);
    mi.image = intern(m, it->image, &ok);
    mi.image_alt = intern(m, it->image_alt, &ok);
    mi.link_title = intern(m, it->link_title, &ok);
    mi.link_site = intern(m, it->link_site, &ok);
    mi.parent_index = -1;
    if (it->parent) {
        /* Parents are declared or injected items (storm comments are never parents): the
         * last one found is tried first, then the non-storm items from the newest. */
        if (m->last_parent >= 0 && strcmp(m->pool + m->items[m->last_parent].id, it->parent) == 0)
            mi.parent_index = m->last_parent;
        for (size_t k = m->n_plain; mi.parent_index < 0 && k-- > 0;)
            if (strcmp(m->pool + m->items[m->plain[k]].id, it->parent) == 0)
                mi.parent_index = (int32_t)m->plain[k];
        if (mi.parent_index < 0)
            mi.parent = intern(m, it->parent, &ok);
        else
            m->last_parent = mi.parent_index;
    }
    if (!ok)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    if (!m->have_platform && sd_results_header(m->res)) {
        m->platform = sd_results_header(m->res)->platform;
        m->have_platform = true;
    }
    mi.platform = (uint8_t)m->platform;
    if (it->kind == SD_KIND_POST && it->own_platform > 0 && it->own_platform <= SD_PLATFORM_COUNT)
        mi.platform = (uint8_t)(it->own_platform - 1);
    else if ((it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY) && mi.parent_index >= 0)
        mi.platform = m->items[mi.parent_index].platform;
    mi.arrival = t;
    mi.deadline = it->deadline;
    mi.kind = (uint8_t)it->kind;
    mi.mood = (uint8_t)it->mood;
    mi.sender = (int8_t)it->sender;
    mi.expects_answer = it->expect && it->expect->answer;
    mi.max_words = (int16_t)(it->expect ? it->expect->max_words : 0);
    /* The results took the record first (the window's observer runs after them): their
     * item m->n is this one, with an interned copy of its expectation. */
    static const sd_expect none = {0};
    mi.expect = it->expect ? it->expect : &none;
    if (m->n < sd_results_n_items(m->res)) {
        const sd_res_item *ri = &sd_results_items(m->res)[m->n];
        if (ri->expect && ri->id && it->id && strcmp(ri->id, it->id) == 0)
            mi.expect = ri->expect;
    }
    m->items[m->n] = mi;
    if (it->kind == SD_KIND_POST) {
        if (m->n_posts == m->cap_posts) {
            size_t cap = m->cap_posts ? m->cap_posts * 2 : 8;
            struct post_audience *p = realloc(m->posts, cap * sizeof *p);
            if (!p)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            m->posts = p;
            m->cap_posts = cap;
        }
        m->posts[m->n_posts++] = (struct post_audience){(uint32_t)m->n, 0, m->intensity,
                                                        m->sentiment};
    } else if ((it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY) &&
               mi.parent_index >= 0) {
        int32_t slot = post_slot(m, mi.parent_index);
        if (slot >= 0)
            m->posts[slot].comments++;
    }
    if (it->kind == SD_KIND_INTERNAL &&
        push_index(&m->internal, &m->n_internal, &m->cap_internal, (uint32_t)m->n) != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    if (it->storm == NULL &&
        push_index(&m->plain, &m->n_plain, &m->cap_plain, (uint32_t)m->n) != SD_OK)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    if (it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY) {
        int64_t minute = t / 60;
        int slot = (int)(((minute % SD_MODEL_MINUTES) + SD_MODEL_MINUTES) % SD_MODEL_MINUTES);
        if (m->minute_key[slot] != minute) {
            m->minute_key[slot] = minute;
            m->minute_count[slot] = 0;
        }
        m->minute_count[slot]++;
        if (it->mood < SD_MOOD_COUNT)
            m->moods[it->mood]++;
    }
    m->n++;
    return SD_OK;
}

/* A pin (the results took the record first): what it pins is the participant's latest
 * public reply to the item, or the latest statement, as the results hold them; its text is
 * kept in the pool. */
static sd_status on_pin(sd_model *m, const sd_rec_action *a, sd_error *err)
{
    const sd_res_action *acts = sd_results_actions(m->res);
    int32_t found = -1;
    int64_t i = a->item_index;
    if (a->item && i >= 0 && (size_t)i < sd_results_n_items(m->res)) {
        for (int32_t k = sd_results_items(m->res)[i].first_action; k >= 0; k = acts[k].next)
            if (acts[k].kind == SD_ACT_REPLY && acts[k].by == NULL && acts[k].text)
                found = k;
    } else if (!a->item) {
        for (size_t k = sd_results_n_actions(m->res); k-- > 0 && found < 0;)
            if (acts[k].kind == SD_ACT_PUBLISH && acts[k].text)
                found = (int32_t)k;
    }
    if (found < 0)
        return SD_OK; /* the session refused it: nothing to pin */
    bool ok = true;
    uint32_t text = intern(m, acts[found].text, &ok);
    if (!ok)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    m->pinned = true;
    m->pin_item = a->item && (size_t)i < m->n ? (int32_t)i : -1;
    m->pin_text = text;
    return SD_OK;
}

bool sd_model_pinned(const sd_model *m, int32_t *item, const char **text)
{
    if (!m->pinned)
        return false;
    if (item)
        *item = m->pin_item;
    if (text)
        *text = sd_model_str(m, m->pin_text);
    return true;
}

sd_status sd_model_on_record(sd_model *m, const sd_record *rec, sd_error *err)
{
    m->version++;
    if (rec->t > m->now)
        m->now = rec->t;
    if (rec->type == SD_REC_HEADER) {
        m->platform = rec->u.header.platform;
        m->have_platform = true;
        return SD_OK;
    }
    if (rec->type == SD_REC_STATE) {
        m->intensity = rec->u.state.intensity;
        m->sentiment = rec->u.state.sentiment;
        for (size_t k = 0; k < m->n_posts; k++) {
            if (m->intensity > m->posts[k].peak_intensity)
                m->posts[k].peak_intensity = m->intensity;
            if (m->sentiment < m->posts[k].low_sentiment)
                m->posts[k].low_sentiment = m->sentiment;
        }
        return SD_OK;
    }
    if (rec->type == SD_REC_ITEM)
        return add_item(m, &rec->u.item, rec->t, err);
    if (rec->type == SD_REC_ACTION && rec->u.action.kind == SD_ACT_PIN)
        return on_pin(m, &rec->u.action, err);
    if (rec->type == SD_REC_ACTION) {
        const sd_rec_action *a = &rec->u.action;
        int64_t i = a->item_index;
        if (i < 0 || (size_t)i >= m->n)
            return SD_OK;
        sd_mitem *it = &m->items[i];
        if (a->by && a->kind == SD_ACT_REPLY && it->colleague == 0) {
            size_t k = 0;
            while (k < m->colleagues && strcmp(m->pool + m->colleague_names[k], a->by) != 0)
                k++;
            bool ok = true;
            if (k < m->colleagues) {
                it->colleague = m->colleague_names[k]; /* one copy of each name */
            } else {
                it->colleague = intern(m, a->by, &ok);
                if (ok && m->colleagues < SD_MAX_COLLEAGUES)
                    m->colleague_names[m->colleagues++] = it->colleague;
            }
            if (!ok)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        }
        switch (a->kind) {
        case SD_ACT_HIDE: it->hidden = true; break;
        case SD_ACT_DELETE:
            if (!it->deleted && (it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY) &&
                it->parent_index >= 0) {
                int32_t slot = post_slot(m, it->parent_index);
                if (slot >= 0 && m->posts[slot].comments > 0)
                    m->posts[slot].comments--;
            }
            it->deleted = true;
            break;
        case SD_ACT_REPORT: it->reported = true; break;
        case SD_ACT_ESCALATE:
            if (a->target >= 0 && a->target < 32)
                it->escalated |= 1u << a->target;
            break;
        default: break;
        }
    }
    return SD_OK;
}

sd_platform sd_model_platform(const sd_model *m)
{
    if (m->have_platform)
        return m->platform;
    const sd_rec_header *h = sd_results_header(m->res);
    return h ? h->platform : SD_PLATFORM_FACEBOOK;
}

bool sd_model_post_counts(const sd_model *m, size_t item, sd_post_counts *out)
{
    *out = (sd_post_counts){0, 0, 0};
    if (item >= m->n || m->items[item].kind != SD_KIND_POST)
        return false;
    for (size_t k = 0; k < m->n_posts; k++) {
        const struct post_audience *p = &m->posts[k];
        if (p->item != item)
            continue;
        const sd_mitem *it = &m->items[item];
        sd_post_counts_in in = {sd_model_str(m, it->id), p->comments,
                                (double)(m->now - it->arrival) / 60.0, p->peak_intensity,
                                p->low_sentiment};
        sd_post_counts_compute(&in, out);
        return true;
    }
    return false;
}

size_t sd_model_n_items(const sd_model *m) { return m->n; }
const sd_mitem *sd_model_item(const sd_model *m, size_t i) { return &m->items[i]; }
const char *sd_model_str(const sd_model *m, uint32_t off) { return off ? m->pool + off : ""; }
uint64_t sd_model_version(const sd_model *m) { return m->version; }

sd_time sd_model_answered_at(const sd_model *m, size_t i)
{
    if (i >= sd_results_n_items(m->res))
        return 0;
    return sd_results_items(m->res)[i].answered_at;
}

bool sd_model_waiting(const sd_model *m, size_t i)
{
    const sd_mitem *it = &m->items[i];
    return it->expects_answer && !it->deleted && sd_model_answered_at(m, i) == 0;
}

static bool in_filter(const sd_model *m, size_t i, sd_filter f)
{
    const sd_mitem *it = &m->items[i];
    switch (f) {
    case SD_FILTER_WAITING: return sd_model_waiting(m, i);
    case SD_FILTER_ALL: return true;
    case SD_FILTER_DM: return it->kind == SD_KIND_DM;
    case SD_FILTER_INTERNAL: return it->kind == SD_KIND_INTERNAL;
    case SD_FILTER_ATTACKER:
        return it->kind == SD_KIND_ATTACKER_POST || it->kind == SD_KIND_NOTICE;
    default: return false;
    }
}

static void rebuild(sd_model *m, sd_filter f)
{
    rowset *rs = &m->sets[f];
    if (rs->built == m->version)
        return;
    if (rs->cap < m->n) {
        uint32_t *n = realloc(rs->rows, m->n * sizeof *n);
        if (!n)
            return; /* keep the old rows */
        rs->rows = n;
        rs->cap = m->n;
    }
    rs->n = 0;
    if (f == SD_FILTER_WAITING) {
        for (size_t i = 0; i < m->n; i++)
            if (in_filter(m, i, f))
                rs->rows[rs->n++] = (uint32_t)i;
    } else {
        for (size_t i = m->n; i-- > 0;)
            if (in_filter(m, i, f))
                rs->rows[rs->n++] = (uint32_t)i;
    }
    rs->built = m->version;
}

const uint32_t *sd_model_rows(sd_model *m, sd_filter f, size_t *n)
{
    rebuild(m, f);
    *n = m->sets[f].n;
    return m->sets[f].rows;
}

size_t sd_model_count(sd_model *m, sd_filter f)
{
    rebuild(m, f);
    return m->sets[f].n;
}

void sd_model_per_minute(const sd_model *m, sd_time now, unsigned out[SD_MODEL_MINUTES])
{
    int64_t cur = now / 60;
    for (int k = 0; k < SD_MODEL_MINUTES; k++) {
        int64_t minute = cur - (SD_MODEL_MINUTES - 1) + k;
        int slot = (int)(((minute % SD_MODEL_MINUTES) + SD_MODEL_MINUTES) % SD_MODEL_MINUTES);
        out[k] = m->minute_key[slot] == minute ? m->minute_count[slot] : 0;
    }
}

const size_t *sd_model_moods(const sd_model *m) { return m->moods; }
size_t sd_model_colleagues(const sd_model *m) { return m->colleagues; }

const uint32_t *sd_model_internal(const sd_model *m, size_t *n)
{
    *n = m->n_internal;
    return m->internal;
}
