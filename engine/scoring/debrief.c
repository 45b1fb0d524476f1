/* debrief.c - people, items, themes, decisions and examples in the debrief's words
 * (debrief.h). */
#include "debrief.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../util/utf8.h"

static const char *text_or(const sd_texts *tx, const char *key, const char *fallback)
{
    const char *t = tx ? sd_texts_get(tx, key) : NULL;
    return t ? t : fallback;
}

static void format(const sd_texts *tx, const char *key, sd_buf *out, size_t n,
                   const char *const *names, const char *const *values)
{
    if (tx == NULL) { /* no texts: the values, one after the other */
        for (size_t i = 0; i < n; i++)
            if (values[i] && *values[i])
                sd_buf_printf(out, "%s%s", i ? " " : "", values[i]);
        return;
    }
    sd_texts_format(tx, key, out, n, names, values);
}

const char *sd_debrief_vocab(const sd_texts *tx, sd_vocab_id voc, int v)
{
    const char *id = sd_vocab_name(voc, v);
    const char *prefix;
    switch (voc) {
    case SD_VOCAB_TARGET: { /* the feedback's word ("chefen"), else the window's ("Chefen") */
        char key[64];
        snprintf(key, sizeof key, "fb.name.target.%s", id);
        const char *t = text_or(tx, key, NULL);
        if (t)
            return t;
        prefix = "ui.target.";
        break;
    }
    case SD_VOCAB_STEP: prefix = "ui.step."; break;
    case SD_VOCAB_DECISION: prefix = "fb.name.decision."; break;
    case SD_VOCAB_CLASS: prefix = "fb.name.class."; break;
    case SD_VOCAB_MOOD: prefix = "ui.mood."; break;
    case SD_VOCAB_SENDER: prefix = "ui.sender."; break;
    default: return id;
    }
    char key[64];
    snprintf(key, sizeof key, "%s%s", prefix, id);
    return text_or(tx, key, id);
}

void sd_debrief_who(const sd_texts *tx, const sd_res_item *it, sd_buf *out)
{
    if (it->first == NULL && it->handle) { /* known by the handle alone: "@lenah_82 (lugn)" */
        char at[64];
        snprintf(at, sizeof at, "@%s", it->handle);
        const char *names[] = {"first", "last", "mood"};
        const char *values[] = {at, "", sd_debrief_vocab(tx, SD_VOCAB_MOOD, it->mood)};
        format(tx, "fb.who.first", out, 3, names, values);
        return;
    }
    if (it->first) {
        const char *names[] = {"first", "last", "mood"};
        const char *values[] = {it->first, it->last ? it->last : "",
                                sd_debrief_vocab(tx, SD_VOCAB_MOOD, it->mood)};
        format(tx, it->last ? "fb.who" : "fb.who.first", out, 3, names, values);
        return;
    }
    char key[64];
    if (it->kind == SD_KIND_INTERNAL && it->sender >= 0)
        snprintf(key, sizeof key, "fb.what.internal.%s", sd_vocab_name(SD_VOCAB_SENDER, it->sender));
    else
        snprintf(key, sizeof key, "fb.what.%s", sd_vocab_name(SD_VOCAB_KIND, it->kind));
    const char *t = text_or(tx, key, NULL);
    sd_buf_puts(out, t ? t : text_or(tx, "fb.what.item", sd_vocab_name(SD_VOCAB_KIND, it->kind)));
}

void sd_debrief_what(const sd_texts *tx, const sd_res_item *it, sd_buf *out)
{
    if (it->first || it->handle) { /* "kommentaren från Göran Svensson (arg)" */
        sd_buf who = SD_BUF_INIT;
        sd_debrief_who(tx, it, &who);
        char key[64];
        snprintf(key, sizeof key, "fb.what.by.%s", sd_vocab_name(SD_VOCAB_KIND, it->kind));
        const char *names[] = {"who"};
        const char *values[] = {sd_buf_str(&who)};
        if (tx && sd_texts_get(tx, key))
            sd_texts_format(tx, key, out, 1, names, values);
        else
            sd_buf_puts(out, sd_buf_str(&who));
        sd_buf_free(&who);
    } else {
        sd_debrief_who(tx, it, out);
    }
    if (it->text && *it->text) {
        sd_buf_putc(out, ' ');
        sd_debrief_quote(it->text, SD_DEBRIEF_QUOTE_BYTES, out);
    }
}

void sd_debrief_about(const sd_texts *tx, const sd_results *r, const sd_res_item *it, sd_buf *out)
{
    sd_buf q = SD_BUF_INIT;
    sd_debrief_quote(it->text, SD_DEBRIEF_QUOTE_BYTES, &q);
    const sd_rec_theme *th = q.len ? NULL : sd_debrief_theme(r, it);
    const char *names[] = {"quote", "label"};
    const char *values[] = {sd_buf_str(&q), th ? th->label : ""};
    format(tx, q.len ? "fb.about.quote" : th ? "fb.about.theme" : "fb.about.none", out, 2, names,
           values);
    sd_buf_free(&q);
}

static bool is_space(unsigned char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

void sd_debrief_quote(const char *text, size_t max, sd_buf *out)
{
    if (text == NULL)
        return;
    size_t len = strlen(text), b = 0;
    while (b < len && is_space((unsigned char)text[b]))
        b++;
    size_t e = len;
    while (e > b && is_space((unsigned char)text[e - 1]))
        e--;
    if (e == b)
        return;
    bool cut = e - b > max;
    size_t end = e;
    if (cut) {
        /* the last word boundary within max bytes (else a code point boundary) */
        end = b + max;
        while (end > b && ((unsigned char)text[end] & 0xC0) == 0x80)
            end--;
        size_t w = end;
        while (w > b + max / 2 && !is_space((unsigned char)text[w]))
            w--;
        if (w > b + max / 2)
            end = w;
        while (end > b && (is_space((unsigned char)text[end - 1]) ||
                           strchr(",;:-", text[end - 1]) != NULL))
            end--;
    }
    sd_buf_putc(out, '\'');
    bool space = false;
    for (size_t i = b; i < end;) {
        uint32_t cp;
        size_t n = sd_utf8_decode(text + i, end - i, &cp);
        i += n;
        /* line breaks, tabs and other control characters as one space */
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == ' ') {
            space = true;
            continue;
        }
        if (space)
            sd_buf_putc(out, ' ');
        space = false;
        sd_utf8_encode(out, cp);
    }
    if (cut)
        sd_buf_puts(out, " \xE2\x80\xA6"); /* … */
    sd_buf_putc(out, '\'');
}

const sd_rec_theme *sd_debrief_find_theme(const sd_results *r, const char *storm, const char *id)
{
    if (storm == NULL || id == NULL)
        return NULL;
    size_t n;
    const sd_rec_theme *t = sd_results_themes(r, &n);
    for (size_t i = 0; i < n; i++)
        if (t[i].storm && t[i].id && strcmp(t[i].storm, storm) == 0 && strcmp(t[i].id, id) == 0)
            return &t[i];
    return NULL;
}

int sd_debrief_theme_named(const sd_rec_theme *th)
{
    return th && th->label && *th->label && !(th->storm && strcmp(th->label, th->storm) == 0 &&
                                              th->id && strcmp(th->id, th->storm) == 0);
}

const sd_rec_theme *sd_debrief_theme(const sd_results *r, const sd_res_item *it)
{
    const sd_rec_theme *th = sd_debrief_find_theme(r, it->storm, it->theme);
    return sd_debrief_theme_named(th) ? th : NULL;
}

void sd_debrief_where(const sd_texts *tx, const sd_rec_theme *th, sd_buf *out)
{
    if (sd_debrief_theme_named(th)) {
        const char *names[] = {"label"};
        const char *values[] = {th->label};
        format(tx, "fb.where.theme", out, 1, names, values);
    } else {
        sd_buf_puts(out, text_or(tx, "fb.where.storm", "in the comment storm"));
    }
}

void sd_debrief_example(const sd_texts *tx, const sd_results *r, const sd_res_item *it,
                        const char *signer, sd_buf *out)
{
    const sd_expect *e = it->expect;
    const char *body = e && e->content ? e->content->model : NULL;
    if (body == NULL && it->storm) {
        const sd_rec_theme *th = sd_debrief_find_theme(r, it->storm, it->theme);
        if (th && th->content)
            body = th->content->model;
    }
    sd_buf generic = SD_BUF_INIT;
    if (body == NULL) {
        sd_class cls = e ? e->cls : SD_CLASS_NONE;
        bool upset = it->mood == SD_MOOD_ANGRY || it->mood == SD_MOOD_FRUSTRATED;
        const char *key = cls == SD_CLASS_MISUNDERSTANDING ? "fb.example.misunderstanding"
                          : cls == SD_CLASS_JUSTIFIED_CRITICISM || cls == SD_CLASS_DISSATISFIED
                              ? "fb.example.criticism"
                          : cls == SD_CLASS_THANKS ? "fb.example.thanks"
                                                   : "fb.example.question";
        if (upset && cls != SD_CLASS_THANKS) {
            sd_buf_puts(&generic, text_or(tx, "fb.example.upset", ""));
            sd_buf_putc(&generic, ' ');
        }
        sd_buf_puts(&generic, text_or(tx, key, "…"));
        body = sd_buf_str(&generic);
    }
    const char *names[] = {"first", "body", "signer"};
    char at[64]; /* a handle alone is greeted "Hej @lenah_82!" */
    snprintf(at, sizeof at, "@%s", it->handle ? it->handle : "");
    const char *values[] = {it->first ? it->first : at, body, signer ? signer : ""};
    format(tx, it->first || it->handle ? "fb.example" : "fb.example.nogreeting", out, 3, names,
           values);
    sd_buf_free(&generic);
}

uint32_t sd_debrief_wanted(const sd_expect *e)
{
    if (e->ok)
        return e->ok;
    if (e->cls == SD_CLASS_TROLL)
        return 1u << SD_DECISION_MONITOR;
    if (e->cls == SD_CLASS_ILLEGAL)
        return (1u << SD_DECISION_HIDE) | (1u << SD_DECISION_REPORT);
    return 1u << SD_DECISION_REPLY;
}

void sd_debrief_decisions(const sd_texts *tx, uint32_t set, sd_buf *out)
{
    const char *names[SD_DECISION_COUNT];
    size_t n = 0;
    for (int d = 0; d < SD_DECISION_COUNT; d++)
        if (set & (1u << d))
            names[n++] = sd_debrief_vocab(tx, SD_VOCAB_DECISION, d);
    const char *or = text_or(tx, "fb.or", "or");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sd_buf_printf(out, i + 1 == n ? " %s " : ", ", or);
        sd_buf_printf(out, "\"%s\"", names[i]);
    }
}

void sd_debrief_list(const sd_texts *tx, const char *const *names, size_t shown, size_t total,
                     sd_buf *out)
{
    if (shown > total)
        shown = total;
    if (shown == 0)
        return;
    const char *and = text_or(tx, "fb.and", "and");
    sd_buf list = SD_BUF_INIT;
    for (size_t i = 0; i < shown; i++) {
        if (i && (i + 1 < shown || total > shown))
            sd_buf_puts(&list, ", ");
        else if (i)
            sd_buf_printf(&list, " %s ", and);
        sd_buf_puts(&list, names[i]);
    }
    if (total > shown) {
        char n[32];
        snprintf(n, sizeof n, "%zu", total - shown);
        const char *k[] = {"list", "n"};
        const char *v[] = {sd_buf_str(&list), n};
        format(tx, "fb.list.more", out, 2, k, v);
    } else {
        sd_buf_puts(out, sd_buf_str(&list));
    }
    sd_buf_free(&list);
}

void sd_debrief_minutes(sd_language lang, double secs, sd_buf *out)
{
    if (secs < 2 * 3600) {
        double m = ceil(secs / 60);
        if (secs > 0 && m < 1)
            m = 1;
        sd_buf_printf(out, "%.0f min", m);
        return;
    }
    char s[32];
    if (secs < 2 * 86400)
        snprintf(s, sizeof s, "%.1f h", secs / 3600);
    else
        snprintf(s, sizeof s, lang == SD_LANG_SV ? "%.1f dygn" : "%.1f days", secs / 86400);
    if (lang == SD_LANG_SV)
        for (char *p = s; *p; p++)
            if (*p == '.')
                *p = ',';
    sd_buf_puts(out, s);
}

sd_danger sd_debrief_danger(const sd_results *r, const sd_res_item *it)
{
    const sd_rec_theme *th = sd_debrief_find_theme(r, it->storm, it->theme);
    if (th && th->kind == SD_THEME_THREAT)
        return SD_DANGER_THREAT;
    if (th && th->kind == SD_THEME_PERSONAL_DATA)
        return SD_DANGER_PERSONAL_DATA;
    if (it->expect->cls != SD_CLASS_ILLEGAL || !it->has_author)
        return SD_DANGER_NONE;
    return it->expect->escalate & (1u << SD_TARGET_LEGAL) ? SD_DANGER_THREAT : SD_DANGER_ILLEGAL;
}

sd_time sd_debrief_handling(const sd_texts *tx, const sd_results *r, const sd_res_item *it,
                            sd_buf *how)
{
    const sd_res_action *acts = sd_results_actions(r);
    bool did[SD_ACT_COUNT] = {false};
    uint32_t targets = 0;
    sd_time first = 0;
    for (int32_t a = it->first_action; a >= 0; a = acts[a].next) {
        int k = acts[a].kind;
        if (acts[a].by || (k != SD_ACT_HIDE && k != SD_ACT_REPORT && k != SD_ACT_DELETE &&
                           k != SD_ACT_ESCALATE))
            continue;
        if (first == 0)
            first = acts[a].t;
        did[k] = true;
        if (k == SD_ACT_ESCALATE && acts[a].target >= 0)
            targets |= 1u << acts[a].target;
    }
    const char *parts[4];
    size_t n = 0;
    static const struct { int kind; const char *key; } done[] = {
        {SD_ACT_HIDE, "tl.how.hide"}, {SD_ACT_DELETE, "tl.how.delete"}, {SD_ACT_REPORT, "tl.how.report"}};
    for (size_t i = 0; i < sizeof done / sizeof done[0]; i++)
        if (did[done[i].kind])
            parts[n++] = text_or(tx, done[i].key, done[i].key + 7);
    sd_buf esc = SD_BUF_INIT;
    if (targets) {
        sd_buf list = SD_BUF_INIT;
        const char *names[SD_TARGET_COUNT];
        size_t nt = 0;
        for (int t = 0; t < SD_TARGET_COUNT; t++)
            if (targets & (1u << t))
                names[nt++] = sd_debrief_vocab(tx, SD_VOCAB_TARGET, t);
        sd_debrief_list(tx, names, nt, nt, &list);
        const char *k[] = {"targets"};
        const char *v[] = {sd_buf_str(&list)};
        format(tx, "tl.how.escalate", &esc, 1, k, v);
        parts[n++] = sd_buf_str(&esc);
        sd_buf_free(&list);
    }
    sd_debrief_list(tx, parts, n, n, how);
    sd_buf_free(&esc);
    return first;
}
