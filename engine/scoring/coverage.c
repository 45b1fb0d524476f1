/* coverage.c - a storm's themes, direct questions, repeats and dangerous comments: what was
 * answered, referred, pinned and handled, and when (see coverage.h). */
#include "coverage.h"

#include <stdlib.h>
#include <string.h>

#define THEME_WORDS ((SD_MAX_THEMES + 63) / 64)

/* A pin, from when it was set until the next pin replaced it. */
typedef struct pin_span {
    sd_time from, to;            /* to = INT64_MAX while it is still pinned */
    uint64_t covers[THEME_WORDS]; /* bit per theme */
} pin_span;

static bool answerable(sd_theme_kind k)
{
    return k == SD_THEME_QUESTION || k == SD_THEME_COMPLAINT || k == SD_THEME_RUMOUR;
}

static int theme_index(const sd_rec_theme *t, size_t n, const char *storm, const char *theme)
{
    /* Names are interned by the results: equal strings are one pointer. */
    for (size_t k = 0; k < n; k++)
        if (t[k].storm == storm && t[k].id == theme)
            return (int)k;
    return -1;
}

static bool listed_storm(const sd_rec_theme *t, size_t n, const char *storm)
{
    for (size_t k = 0; k < n; k++)
        if (t[k].storm == storm)
            return true;
    return false;
}

/* ---- keyword soup ---- */

static bool word_byte(unsigned char b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b >= 0x80;
}

/* The next word of s from *pos: its start and length (0 at the end). */
static size_t next_word(const char *s, size_t *pos, size_t *start)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = *pos;
    while (u[i] && !word_byte(u[i]))
        i++;
    *start = i;
    while (u[i] && word_byte(u[i]))
        i++;
    *pos = i;
    return i - *start;
}

/* Folds ASCII and the Latin-1 capitals (UTF-8 C3 80..9E: Å Ä Ö É ...) to lower case. */
static bool word_eq(const char *a, size_t na, const char *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (i > 0 && (unsigned char)a[i - 1] == 0xC3 && x >= 0x80 && x <= 0x9E && x != 0x97)
            x = (unsigned char)(x + 32);
        if (i > 0 && (unsigned char)b[i - 1] == 0xC3 && y >= 0x80 && y <= 0x9E && y != 0x97)
            y = (unsigned char)(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

typedef struct word_span {
    size_t start, len;
} word_span;

/* A word as the tone checks count one: with a letter in it ("6" is not one, "maj" is). */
static bool has_letter(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        if (!(b >= '0' && b <= '9'))
            return true;
    }
    return false;
}

/* Marks the words of text (spans w[0..nw)) that phrase covers wherever it occurs. */
static void mark_phrase(const char *text, const word_span *w, size_t nw, const char *phrase,
                        uint8_t *mark)
{
    word_span pw[8];
    size_t np = 0, pos = 0, st, len;
    while (np < 8 && (len = next_word(phrase, &pos, &st)) > 0)
        pw[np++] = (word_span){st, len};
    if (np == 0 || np > nw)
        return;
    for (size_t i = 0; i + np <= nw; i++) {
        size_t k = 0;
        while (k < np && word_eq(text + w[i + k].start, w[i + k].len, phrase + pw[k].start, pw[k].len))
            k++;
        if (k == np)
            memset(mark + i, 1, np);
    }
}

size_t sd_cover_keyword_words(const sd_content *const *contents, size_t n, const char *text)
{
    if (text == NULL)
        return 0;
    size_t nw = 0, pos = 0, st, len;
    while (next_word(text, &pos, &st) > 0)
        nw++;
    if (nw == 0)
        return 0;
    word_span *w = malloc(nw * sizeof *w);
    uint8_t *mark = calloc(nw, 1);
    size_t covered = 0;
    if (w == NULL || mark == NULL) {
        free(w);
        free(mark);
        return 0; /* out of memory: judged as no soup */
    }
    pos = 0;
    for (size_t i = 0; i < nw; i++) {
        len = next_word(text, &pos, &st);
        w[i] = (word_span){st, len};
    }
    for (size_t c = 0; c < n; c++) {
        const sd_content *ct = contents[c];
        if (ct == NULL)
            continue;
        for (size_t p = 0; p < ct->n_points; p++)
            for (size_t q = 0; q < ct->points[p].n_say; q++)
                if (ct->points[p].say[q])
                    mark_phrase(text, w, nw, ct->points[p].say[q], mark);
    }
    for (size_t i = 0; i < nw; i++)
        covered += mark[i] && has_letter(text + w[i].start, w[i].len);
    free(w);
    free(mark);
    return covered;
}

bool sd_cover_soup(size_t keyword_words, size_t words)
{
    return words > 0 && keyword_words >= SD_COVER_SOUP_MIN_WORDS &&
           (double)keyword_words > SD_COVER_SOUP_SHARE * (double)words;
}

/* The words of a statement (no greeting or sign-off to leave out). */
static size_t text_words(const char *text)
{
    size_t n = 0, pos = 0, st, len;
    while ((len = next_word(text, &pos, &st)) > 0)
        n += has_letter(text + st, len);
    return n;
}

/* Is a statement or pinned text keyword soup over the key points of the storms' themes
 * that can be answered? */
static bool soup_over_themes(const sd_cover *cv, const char *text)
{
    const sd_content *cs[SD_MAX_THEMES];
    size_t n = 0;
    for (size_t k = 0; k < cv->n_themes && n < SD_MAX_THEMES; k++)
        if (answerable(cv->themes[k].theme->kind))
            cs[n++] = cv->themes[k].theme->content;
    return sd_cover_soup(sd_cover_keyword_words(cs, n, text), text_words(text));
}

/* The themes a text (a pinned reply or statement) says the answer of, in the storms'
 * themes that can be answered; none when the text is keyword soup. */
static void covers_of(const sd_cover_input *in, const sd_cover *cv, const char *text,
                      uint64_t *bits)
{
    if (text == NULL || in->meets == NULL || soup_over_themes(cv, text))
        return;
    for (size_t k = 0; k < cv->n_themes; k++) {
        const sd_rec_theme *th = cv->themes[k].theme;
        if (answerable(th->kind) && th->content && th->content->n_points > 0 &&
            in->meets(in->meets_ctx, th->content, text))
            bits[k / 64] |= 1ULL << (k % 64);
    }
}

/* When a comment of a theme is due: the theme's target after it arrived; with no target
 * (within 0: the working-day deadline), the comment's own deadline, else a day. */
static sd_time item_due(const sd_rec_theme *th, const sd_res_item *it)
{
    if (th->within > 0)
        return it->arrival + th->within;
    return it->deadline ? it->deadline : it->arrival + 86400;
}

static void answer_theme(sd_theme_cover *tc, sd_time t, sd_cover_by by, int32_t item)
{
    if (tc->answered_at == 0 || t < tc->answered_at) {
        tc->answered_at = t;
        tc->by = by;
        tc->answer_item = item;
    }
}

/* Was theme k pinned at some moment in [from, to]? */
static bool pinned_during(const pin_span *pins, size_t n, size_t k, sd_time from, sd_time to)
{
    for (size_t p = 0; p < n; p++)
        if ((pins[p].covers[k / 64] >> (k % 64) & 1) && pins[p].from <= to && pins[p].to > from)
            return true;
    return false;
}

sd_status sd_cover_compute(const sd_cover_input *in, sd_cover **out, sd_error *err)
{
    *out = NULL;
    const sd_results *r = in->r;
    size_t n_th;
    const sd_rec_theme *th = sd_results_themes(r, &n_th);
    size_t ni = sd_results_n_items(r), na = sd_results_n_actions(r);
    const sd_res_item *items = sd_results_items(r);
    const sd_res_action *acts = sd_results_actions(r);
    sd_cover *cv = calloc(1, sizeof *cv);
    pin_span *pins = NULL;
    size_t n_pins = 0, cap_pins = 0;
    if (cv == NULL)
        goto oom;
    cv->themes = calloc(n_th ? n_th : 1, sizeof *cv->themes);
    cv->scored = calloc(ni ? ni : 1, 1);
    cv->theme_of = malloc((ni ? ni : 1) * sizeof *cv->theme_of);
    cv->handled = calloc(ni ? ni : 1, sizeof *cv->handled);
    if (!cv->themes || !cv->scored || !cv->theme_of || !cv->handled)
        goto oom;
    cv->n_themes = n_th;
    for (size_t k = 0; k < n_th; k++) {
        cv->themes[k].theme = &th[k];
        cv->themes[k].answer_item = -1;
    }

    /* Which storm and theme each item belongs to. */
    const char *last_storm = NULL;
    bool last_listed = false;
    int last_theme = -1;
    const char *last_theme_id = NULL;
    for (size_t i = 0; i < ni; i++) {
        const sd_res_item *it = &items[i];
        cv->theme_of[i] = -1;
        if (it->storm == NULL || n_th == 0)
            continue;
        if (it->storm != last_storm) {
            last_storm = it->storm;
            last_listed = listed_storm(th, n_th, it->storm);
            last_theme_id = NULL;
        }
        if (!last_listed)
            continue;
        cv->scored[i] = 1;
        if (it->theme == NULL)
            continue;
        if (it->theme != last_theme_id) {
            last_theme_id = it->theme;
            last_theme = theme_index(th, n_th, it->storm, it->theme);
        }
        if (last_theme < 0)
            continue;
        cv->theme_of[i] = (int16_t)last_theme;
        sd_theme_cover *tc = &cv->themes[last_theme];
        if (tc->comments++ == 0) {
            tc->first = it->arrival;
            tc->due = item_due(tc->theme, it);
        }
        if (!answerable(tc->theme->kind))
            tc->dangerous++;
        else if (it->direct && it->repeat_of == NULL)
            tc->direct++;
    }

    /* Pins, in order: each replaces the one before. */
    const char *last_publish = NULL;
    for (size_t i = 0; i < na; i++) {
        const sd_res_action *a = &acts[i];
        if (a->kind == SD_ACT_REPLY && a->by && a->item >= 0)
            cv->colleague_replies++;
        if (a->kind == SD_ACT_PUBLISH && a->by == NULL)
            last_publish = a->text;
        if (a->kind != SD_ACT_PIN || a->by)
            continue;
        cv->pins++;
        if (n_pins == cap_pins) {
            size_t cap = cap_pins ? cap_pins * 2 : 8;
            pin_span *p = realloc(pins, cap * sizeof *p);
            if (p == NULL)
                goto oom;
            pins = p;
            cap_pins = cap;
        }
        if (n_pins > 0)
            pins[n_pins - 1].to = a->t;
        pin_span *ps = &pins[n_pins++];
        memset(ps, 0, sizeof *ps);
        ps->from = a->t;
        ps->to = INT64_MAX;
        const char *text = NULL;
        if (a->item >= 0) {
            /* The participant's latest public reply to the item before the pin. */
            int32_t found = -1;
            for (int32_t j = items[a->item].first_action; j >= 0 && (size_t)j < i; j = acts[j].next)
                if (acts[j].kind == SD_ACT_REPLY && acts[j].by == NULL && acts[j].text)
                    found = j;
            if (found >= 0) {
                text = acts[found].text;
                int k = cv->theme_of[a->item];
                if (k >= 0 && in->says[found] && answerable(th[k].kind))
                    ps->covers[k / 64] |= 1ULL << (k % 64);
            }
        } else {
            text = last_publish;
        }
        covers_of(in, cv, text, ps->covers);
        for (size_t k = 0; k < n_th; k++)
            if ((ps->covers[k / 64] >> (k % 64) & 1) && cv->themes[k].pinned_at == 0)
                cv->themes[k].pinned_at = a->t;
    }

    /* Each theme's first public answer: a reply that says something, a statement that says
     * its answer, a pin that covers it. */
    for (size_t i = 0; i < na; i++) {
        const sd_res_action *a = &acts[i];
        if (a->kind == SD_ACT_REPLY && a->item >= 0 && in->says[i]) {
            int k = cv->theme_of[a->item];
            if (k >= 0 && answerable(th[k].kind) && a->t >= items[a->item].arrival)
                answer_theme(&cv->themes[k], a->t, a->by ? SD_COVER_COLLEAGUE : SD_COVER_REPLY,
                             a->item);
        } else if (a->kind == SD_ACT_PUBLISH && a->by == NULL && a->text && n_th > 0) {
            uint64_t bits[THEME_WORDS] = {0};
            covers_of(in, cv, a->text, bits);
            for (size_t k = 0; k < n_th; k++)
                if (bits[k / 64] >> (k % 64) & 1)
                    answer_theme(&cv->themes[k], a->t, SD_COVER_STATEMENT, -1);
        }
    }
    for (size_t k = 0; k < n_th; k++)
        if (cv->themes[k].pinned_at)
            answer_theme(&cv->themes[k], cv->themes[k].pinned_at, SD_COVER_PIN, -1);

    /* Direct questions, repeats and dangerous comments: when each was handled. */
    for (size_t i = 0; i < ni; i++) {
        int k = cv->theme_of[i];
        if (k < 0)
            continue;
        const sd_res_item *it = &items[i];
        sd_theme_cover *tc = &cv->themes[k];
        for (int32_t j = it->first_action; j >= 0; j = acts[j].next)
            if (acts[j].kind == SD_ACT_REPLY && acts[j].by)
                tc->colleague++;
        if (!answerable(tc->theme->kind)) {
            sd_time h = 0;
            if (it->expect->escalate)
                h = in->answered[i];
            else
                for (int32_t j = it->first_action; j >= 0 && h == 0; j = acts[j].next)
                    if (acts[j].kind == SD_ACT_HIDE || acts[j].kind == SD_ACT_REPORT ||
                        acts[j].kind == SD_ACT_DELETE)
                        h = acts[j].t;
            cv->handled[i] = h;
            sd_time due = it->deadline ? it->deadline : item_due(tc->theme, it);
            if (h && h <= due)
                tc->dangerous_in_time++;
            continue;
        }
        sd_time due = item_due(tc->theme, it);
        if (it->repeat_of) {
            if (tc->answered_at == 0 || tc->answered_at > due)
                continue; /* nothing to refer to in time: the theme's own line says so */
            tc->repeats++;
            sd_time h = 0;
            for (int32_t j = it->first_action; j >= 0 && h == 0; j = acts[j].next)
                if ((acts[j].kind == SD_ACT_REFER_PREVIOUS ||
                     (acts[j].kind == SD_ACT_REPLY && in->says[j])) && acts[j].t >= it->arrival)
                    h = acts[j].t;
            if ((h == 0 || h > due) && pinned_during(pins, n_pins, (size_t)k, it->arrival, due))
                h = it->arrival; /* the readers saw the pinned answer */
            cv->handled[i] = h;
            if (h && h <= due)
                tc->repeats_covered++;
        } else if (it->direct) {
            /* A reply that says something, or a referral to the theme's answer once there
             * is one. */
            sd_time h = 0;
            for (int32_t j = it->first_action; j >= 0 && h == 0; j = acts[j].next) {
                const sd_res_action *a = &acts[j];
                if (a->t < it->arrival)
                    continue;
                if ((a->kind == SD_ACT_REPLY && in->says[j]) ||
                    (a->kind == SD_ACT_REFER_PREVIOUS && tc->answered_at &&
                     a->t >= tc->answered_at))
                    h = a->t;
            }
            cv->handled[i] = h;
            sd_time ddue = it->deadline ? it->deadline : due;
            if (h && h <= ddue)
                tc->direct_in_time++;
        }
    }
    free(pins);
    *out = cv;
    return SD_OK;
oom:
    free(pins);
    sd_cover_free(cv);
    return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
}

void sd_cover_free(sd_cover *c)
{
    if (c == NULL)
        return;
    free(c->themes);
    free(c->scored);
    free(c->theme_of);
    free(c->handled);
    free(c);
}
