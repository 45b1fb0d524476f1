/* timeline.c - the crisis as handled, from the results alone (timeline.h). */
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../log/logw.h"
#include "debrief.h"

static const char *const kind_names[SD_TL_COUNT] = {
    "storm_start", "first_reply", "backup_asked", "backup_came", "manager", "press_officer",
    "statement", "pinned", "peak", "threat", "personal_data", "more_threats", "hijack",
    "account_secured", "followers_told"};

const char *sd_tl_kind_name(sd_tl_kind k) { return k < SD_TL_COUNT ? kind_names[k] : "?"; }

#define PEAK_WINDOW 600 /* seconds: the storm's volume is counted per 10 minutes */

typedef struct tl_ctx {
    const sd_results *r;
    const sd_texts *tx;
    sd_language lang;
    sd_timeline *tl;
    size_t cap;
    sd_time crisis;   /* when the crisis started, or 0 */
    bool oom;
} tl_ctx;

/* Adds an entry with the text of key (tl.<key>), its placeholders filled. */
static void add(tl_ctx *c, sd_time t, sd_tl_kind kind, int64_t value, const char *key, size_t n,
                const char *const *names, const char *const *values)
{
    sd_timeline *tl = c->tl;
    if (c->oom)
        return;
    if (tl->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        sd_tl_entry *e = realloc(tl->entries, cap * sizeof *e);
        if (e == NULL) {
            c->oom = true;
            return;
        }
        tl->entries = e;
        c->cap = cap;
    }
    sd_buf text = SD_BUF_INIT;
    if (c->tx)
        sd_texts_format(c->tx, key, &text, n, names, values);
    else
        sd_buf_puts(&text, kind_names[kind]);
    const char *s = sd_buf_ok(&text) ? sd_arena_strdup(&tl->arena, sd_buf_str(&text)) : NULL;
    sd_buf_free(&text);
    if (s == NULL) {
        c->oom = true;
        return;
    }
    tl->entries[tl->n++] = (sd_tl_entry){t, kind, value, s};
}

/* "4 min" since the crisis started, into out. */
static void after(tl_ctx *c, sd_time t, sd_time since, char *out, size_t cap)
{
    sd_buf b = SD_BUF_INIT;
    sd_debrief_minutes(c->lang, (double)(t - since), &b);
    snprintf(out, cap, "%s", sd_buf_str(&b));
    sd_buf_free(&b);
}

/* An entry at t with {after} (the time since the crisis started) as its only value. */
static void add_after(tl_ctx *c, sd_time t, sd_tl_kind kind, const char *key)
{
    char a[32] = "";
    if (c->crisis)
        after(c, t, c->crisis, a, sizeof a);
    const char *names[] = {"after"};
    const char *values[] = {a};
    add(c, t, kind, c->crisis ? t - c->crisis : -1, c->crisis ? key : kind_names[kind], 1, names,
        values);
}

static void threats(tl_ctx *c)
{
    const sd_res_item *items = sd_results_items(c->r);
    size_t n_items = sd_results_n_items(c->r), listed = 0, more = 0, more_handled = 0;
    sd_time more_t = 0;
    for (size_t i = 0; i < n_items && !c->oom; i++) {
        const sd_res_item *it = &items[i];
        sd_danger danger = sd_debrief_danger(c->r, it);
        if (danger == SD_DANGER_NONE)
            continue;
        bool personal = danger == SD_DANGER_PERSONAL_DATA;
        sd_buf how = SD_BUF_INIT, who = SD_BUF_INIT, quote = SD_BUF_INIT;
        sd_time t = sd_debrief_handling(c->tx, c->r, it, &how);
        if (listed >= SD_TL_MAX_THREATS) {
            if (more++ == 0)
                more_t = it->arrival;
            more_handled += t != 0;
        } else {
            listed++;
            sd_debrief_who(c->tx, it, &who);
            sd_debrief_quote(it->text, SD_DEBRIEF_QUOTE_BYTES, &quote);
            char wait[32] = "";
            if (t)
                after(c, t, it->arrival, wait, sizeof wait);
            const char *names[] = {"who", "quote", "how", "wait"};
            const char *values[] = {sd_buf_str(&who), sd_buf_str(&quote), sd_buf_str(&how), wait};
            char key[48];
            snprintf(key, sizeof key, "tl.%s.%s",
                     personal ? "personal_data" : danger == SD_DANGER_THREAT ? "threat" : "illegal",
                     t ? "handled" : "missed");
            add(c, it->arrival, personal ? SD_TL_PERSONAL_DATA : SD_TL_THREAT,
                t ? t - it->arrival : -1, key, 4, names, values);
        }
        sd_buf_free(&how);
        sd_buf_free(&who);
        sd_buf_free(&quote);
    }
    if (more) {
        char a[24], b[24];
        snprintf(a, sizeof a, "%zu", more);
        snprintf(b, sizeof b, "%zu", more_handled);
        const char *names[] = {"count", "handled"};
        const char *values[] = {a, b};
        add(c, more_t, SD_TL_MORE_THREATS, (int64_t)more, "tl.more_threats", 2, names, values);
    }
}

/* The busiest 10 minutes of the storms: counted from the first storm comment on. */
static void peak(tl_ctx *c, sd_time start)
{
    const sd_res_item *items = sd_results_items(c->r);
    size_t n = sd_results_n_items(c->r);
    sd_time best_t = 0, bin_t = start;
    int64_t best = 0, count = 0;
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n;
        if (!end && !items[i].storm)
            continue;
        if (end || items[i].arrival >= bin_t + PEAK_WINDOW) {
            if (count > best) {
                best = count;
                best_t = bin_t;
            }
            if (end)
                break;
            bin_t += (items[i].arrival - bin_t) / PEAK_WINDOW * PEAK_WINDOW;
            count = 0;
        }
        count++;
    }
    if (best < 2)
        return;
    char cnt[24], from[20], to[20];
    snprintf(cnt, sizeof cnt, "%lld", (long long)best);
    sd_time_format(best_t, from);
    sd_time_format(best_t + PEAK_WINDOW, to);
    const char *names[] = {"count", "from", "to"};
    const char *values[] = {cnt, from + 11, to + 11};
    from[16] = to[16] = '\0'; /* HH:MM */
    add(c, best_t, SD_TL_PEAK, best, "tl.peak", 3, names, values);
}

static void storm(tl_ctx *c)
{
    const sd_res_item *items = sd_results_items(c->r);
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t n = sd_results_n_items(c->r), na = sd_results_n_actions(c->r);
    const sd_rec_header *h = sd_results_header(c->r);
    sd_time first = 0;
    for (size_t i = 0; i < n && first == 0; i++)
        if (items[i].storm)
            first = items[i].arrival;
    if (h->scoring.crisis)
        c->crisis = h->scoring.crisis_start ? h->scoring.crisis_start : first;
    else
        c->crisis = first;
    if (c->crisis == 0)
        return;
    add(c, c->crisis, SD_TL_STORM_START, 0, "tl.storm_start", 0, NULL, NULL);
    sd_time t_reply = 0, t_backup = 0, t_came = 0, t_manager = 0, t_press = 0, t_statement = 0,
           t_pin = 0;
    const char *colleague = NULL;
    int32_t pin_item = -1;
    for (size_t a = 0; a < na; a++) {
        const sd_res_action *x = &acts[a];
        if (x->by) { /* a simulated colleague's action */
            if (colleague == NULL) {
                colleague = x->by;
                t_came = x->t;
            }
            continue;
        }
        if (x->kind == SD_ACT_REPLY && x->item >= 0 && items[x->item].storm && t_reply == 0)
            t_reply = x->t;
        if (x->kind == SD_ACT_ESCALATE && x->target == SD_TARGET_COLLEAGUE_BACKUP && !t_backup)
            t_backup = x->t;
        if (x->kind == SD_ACT_ESCALATE && x->target == SD_TARGET_MANAGER && !t_manager)
            t_manager = x->t;
        if (x->kind == SD_ACT_ESCALATE && x->target == SD_TARGET_PRESS_OFFICER && !t_press)
            t_press = x->t;
        if (x->kind == SD_ACT_PUBLISH && x->t >= c->crisis && !t_statement)
            t_statement = x->t;
        if (x->kind == SD_ACT_PIN && !t_pin) {
            t_pin = x->t;
            pin_item = x->item;
        }
    }
    /* the colleague's own message ("Jag är med nu ...") marks their arrival */
    for (size_t i = 0; i < n; i++)
        if (items[i].kind == SD_KIND_INTERNAL && items[i].sender == SD_SENDER_COLLEAGUE &&
            t_backup && items[i].arrival >= t_backup) {
            if (t_came == 0 || items[i].arrival < t_came)
                t_came = items[i].arrival;
            break;
        }
    if (t_reply)
        add_after(c, t_reply, SD_TL_FIRST_REPLY, "tl.first_reply");
    if (t_backup)
        add_after(c, t_backup, SD_TL_BACKUP_ASKED, "tl.backup_asked");
    if (t_came && t_backup && t_came >= t_backup) {
        char wait[32];
        after(c, t_came, t_backup, wait, sizeof wait);
        const char *names[] = {"name", "wait"};
        const char *values[] = {colleague ? colleague : "", wait};
        add(c, t_came, SD_TL_BACKUP_CAME, t_came - t_backup,
            colleague ? "tl.backup_came" : "tl.backup_came.noname", 2, names, values);
    }
    if (t_manager)
        add_after(c, t_manager, SD_TL_MANAGER, "tl.manager");
    if (t_press)
        add_after(c, t_press, SD_TL_PRESS_OFFICER, "tl.press_officer");
    if (t_statement)
        add_after(c, t_statement, SD_TL_STATEMENT, "tl.statement");
    if (t_pin) {
        sd_buf who = SD_BUF_INIT;
        if (pin_item >= 0)
            sd_debrief_who(c->tx, &items[pin_item], &who);
        const char *names[] = {"who"};
        const char *values[] = {sd_buf_str(&who)};
        add(c, t_pin, SD_TL_PINNED, t_pin - c->crisis, pin_item >= 0 ? "tl.pinned_reply" : "tl.pinned",
            1, names, values);
        sd_buf_free(&who);
    }
    if (first)
        peak(c, first);
}

static void hijacks(tl_ctx *c)
{
    const sd_res_item *items = sd_results_items(c->r);
    const sd_res_action *acts = sd_results_actions(c->r);
    size_t n = sd_results_n_items(c->r), na = sd_results_n_actions(c->r);
    for (size_t i = 0; i < n && !c->oom; i++) {
        const sd_res_item *it = &items[i];
        if (it->kind != SD_KIND_NOTICE || it->expect->steps == 0)
            continue;
        sd_buf what = SD_BUF_INIT;
        sd_debrief_what(c->tx, it, &what);
        const char *names[] = {"what", "wait"};
        const char *values[] = {sd_buf_str(&what), ""};
        add(c, it->arrival, SD_TL_HIJACK, -1, "tl.hijack", 2, names, values);
        sd_buf_free(&what);
        sd_time pw = 0, rs = 0, told = 0;
        for (size_t a = 0; a < na; a++) {
            if (acts[a].t < it->arrival || acts[a].by)
                continue;
            if (acts[a].kind == SD_ACT_ACCOUNT && acts[a].step == SD_STEP_CHANGE_PASSWORD && !pw)
                pw = acts[a].t;
            if (acts[a].kind == SD_ACT_ACCOUNT && acts[a].step == SD_STEP_REVOKE_SESSIONS && !rs)
                rs = acts[a].t;
        }
        sd_time secured = pw && rs ? (pw > rs ? pw : rs) : 0;
        for (size_t a = 0; a < na && secured && !told; a++)
            if (acts[a].kind == SD_ACT_PUBLISH && acts[a].t >= secured && !acts[a].by)
                told = acts[a].t;
        char wait[32];
        if (secured) {
            after(c, secured, it->arrival, wait, sizeof wait);
            values[1] = wait;
            add(c, secured, SD_TL_ACCOUNT_SECURED, secured - it->arrival, "tl.account_secured", 2,
                names, values);
        }
        if (told) {
            after(c, told, it->arrival, wait, sizeof wait);
            values[1] = wait;
            add(c, told, SD_TL_FOLLOWERS_TOLD, told - it->arrival, "tl.followers_told", 2, names,
                values);
        }
    }
}

static int cmp_entry(const void *a, const void *b)
{
    const sd_tl_entry *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

sd_status sd_timeline_compute(const sd_results *r, const sd_texts *tx, sd_timeline **out,
                              sd_error *err)
{
    *out = NULL;
    const sd_rec_header *h = sd_results_header(r);
    if (h == NULL)
        return sd_error_set(err, SD_ERR_INPUT, "no timeline: the log has no header");
    sd_timeline *tl = calloc(1, sizeof *tl);
    if (tl == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    tl_ctx c = {.r = r, .tx = tx, .lang = h->lang, .tl = tl};
    storm(&c);
    threats(&c);
    hijacks(&c);
    if (c.oom) {
        sd_timeline_free(tl);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory making the timeline");
    }
    if (tl->n > 1)
        qsort(tl->entries, tl->n, sizeof *tl->entries, cmp_entry);
    *out = tl;
    return SD_OK;
}

void sd_timeline_free(sd_timeline *tl)
{
    if (tl == NULL)
        return;
    free(tl->entries);
    sd_arena_free(&tl->arena);
    free(tl);
}

void sd_timeline_write_json(const sd_timeline *tl, sd_jsonw *w)
{
    sd_jsonw_key(w, "timeline");
    sd_jsonw_array_begin(w);
    for (size_t i = 0; tl && i < tl->n; i++) {
        const sd_tl_entry *e = &tl->entries[i];
        sd_jsonw_object_begin(w);
        sd_jsonw_ktime(w, "t", e->t);
        sd_jsonw_kstring(w, "event", kind_names[e->kind]);
        sd_jsonw_kint(w, "value", e->value);
        sd_jsonw_kstring(w, "text", e->text);
        sd_jsonw_object_end(w);
    }
    sd_jsonw_array_end(w);
}
