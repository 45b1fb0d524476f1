/* feed_inbox.c - the moderation inbox, the feed's second view (V): a virtual scrolling list (only the rows that fit are laid out
 * and drawn, whatever the number of items), its filters, and the selection. Each row: an
 * avatar (initials on a colour from the name), the author, a mood marker, the simulated
 * age, a waiting clock (amber near the deadline, red past it), markers for repeated
 * questions and moderation, and the start of the text. Above the rows, the filter tabs,
 * the order switch and what is pinned to the top of the post ("Fäst") (newest or oldest first, per filter: the model's order read forwards or
 * backwards, so nothing is copied); where the rows, tabs and switch were drawn goes to
 * app->hit for the mouse. */
#include "feed_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const filter_key[SD_FILTER_COUNT] = {"ui.filter.waiting", "ui.filter.all", "ui.filter.dm",
                                                  "ui.filter.internal", "ui.filter.attacker"};

/* The model's rows are sorted by item index (ascending for the waiting filter: oldest
 * first; descending otherwise: newest first). Display row k is model row k, or n - 1 - k
 * when the filter is reversed (the mapping is its own inverse). */
static size_t disp(const sd_app *app, size_t n, size_t k)
{
    return app->reversed[app->filter] ? n - 1 - k : k;
}

bool sd_inbox_newest_first(const sd_app *app)
{
    return (app->filter != SD_FILTER_WAITING) != app->reversed[app->filter];
}

bool sd_inbox_item_at(sd_app *app, size_t row, uint32_t *item)
{
    size_t n;
    const uint32_t *rows = sd_model_rows(app->model, app->filter, &n);
    if (row >= n)
        return false;
    *item = rows[disp(app, n, row)];
    return true;
}

/* Display row of the selected item, or -1: binary search in the model's order. */
static int64_t selected_row(sd_app *app, const uint32_t *rows, size_t n)
{
    if (app->selected < 0)
        return -1;
    uint32_t want = (uint32_t)app->selected;
    bool asc = app->filter == SD_FILTER_WAITING;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        bool before = asc ? rows[mid] < want : rows[mid] > want;
        if (before)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && rows[lo] == want ? (int64_t)disp(app, n, lo) : -1;
}

static void keep_visible(sd_app *app, size_t row, size_t n)
{
    size_t vis = app->feed_rows > 0 ? (size_t)app->feed_rows : 1;
    if (row < app->top)
        app->top = row;
    else if (row >= app->top + vis)
        app->top = row - vis + 1;
    if (app->top >= n)
        app->top = n ? n - 1 : 0;
}

void sd_inbox_select_valid(sd_app *app)
{
    size_t n;
    const uint32_t *rows = sd_model_rows(app->model, app->filter, &n);
    if (n == 0) {
        app->top = 0;
        app->selected = -1; /* an empty tab selects nothing: no key acts on a hidden item */
        return;
    }
    int64_t r = selected_row(app, rows, n);
    if (r < 0) {
        /* The selected item left this filter (answered, say): select the row now at its
         * place, or the first. */
        size_t at = app->top < n ? app->top : 0;
        app->selected = rows[disp(app, n, at)];
        r = (int64_t)at;
    }
    keep_visible(app, (size_t)r, n);
}

void sd_inbox_set_filter(sd_app *app, sd_filter f)
{
    app->filter = f;
    app->top = 0;
    sd_inbox_select_valid(app);
}

void sd_inbox_toggle_order(sd_app *app)
{
    size_t n;
    sd_model_rows(app->model, app->filter, &n);
    size_t vis = app->feed_rows > 0 ? (size_t)app->feed_rows : 1;
    /* The rows in view stay in view, mirrored: the window [top, top + vis) becomes
     * [n - top - vis, n - top). */
    size_t end = app->top + vis < n ? app->top + vis : n;
    app->top = n - end;
    app->reversed[app->filter] = !app->reversed[app->filter];
    sd_inbox_select_valid(app);
    sd_app_say(app, false, "%s: %s", sd_app_t(app, filter_key[app->filter]),
               sd_app_t(app, sd_inbox_newest_first(app) ? "ui.feed.newest" : "ui.feed.oldest"));
}

void sd_inbox_move(sd_app *app, int delta)
{
    size_t n;
    const uint32_t *rows = sd_model_rows(app->model, app->filter, &n);
    if (n == 0)
        return;
    int64_t r = selected_row(app, rows, n);
    if (r < 0)
        r = (int64_t)app->top;
    r += delta;
    if (r < 0)
        r = 0;
    if (r >= (int64_t)n)
        r = (int64_t)n - 1;
    app->selected = rows[disp(app, n, (size_t)r)];
    keep_visible(app, (size_t)r, n);
}

void sd_inbox_home_end(sd_app *app, bool end)
{
    size_t n;
    const uint32_t *rows = sd_model_rows(app->model, app->filter, &n);
    if (n == 0)
        return;
    size_t r = end ? n - 1 : 0;
    app->selected = rows[disp(app, n, r)];
    keep_visible(app, r, n);
}

static void initials(const char *name, char *out, size_t n)
{
    /* first code point of the first two words */
    size_t o = 0;
    bool start = true;
    int words = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p && words < 2; p++) {
        if (*p == ' ') {
            start = true;
            continue;
        }
        if (start) {
            size_t len = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : 4;
            if (o + len < n) {
                memcpy(out + o, p, len);
                o += len;
            }
            words++;
            start = false;
        }
    }
    out[o] = '\0';
}

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void draw_row(sd_app *app, size_t item, SDL_Rect r, bool selected, sd_time now)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    const sd_mitem *it = sd_model_item(app->model, item);
    int body = th->font_body, small = th->font_small;
    int lh = sd_text_line_height(app->text, body, true);
    sd_draw_fill(d, r, selected ? th->selected : th->panel);
    if (selected)
        sd_draw_fill(d, (SDL_Rect){r.x, r.y, th->gap, r.h}, th->accent);
    sd_draw_fill(d, (SDL_Rect){r.x, r.y + r.h - 1, r.w, 1}, th->border);

    char name[160], ini[16];
    sd_app_author(app, item, name, sizeof name);
    initials(name, ini, sizeof ini);
    int av = lh * 2 - th->gap;
    if (av > r.h - 2 * th->gap)
        av = r.h - 2 * th->gap;
    int x = r.x + th->pad, y = r.y + th->gap, right = r.x + r.w - th->pad;
    sd_draw_fill(d, (SDL_Rect){x, y, av, av}, th->avatar[name_hash(name) % 8]);
    int iw = sd_text_width(app->text, small, true, ini, strlen(ini));
    sd_draw_str(d, small, true, th->accent_text, x + (av - (iw < av ? iw : av)) / 2,
                y + (av - sd_text_line_height(app->text, small, true)) / 2, av, ini);
    x += av + th->pad;

    /* line 1: the waiting clock (right), the age, then the name and mood */
    char buf[96], age[48];
    if (sd_model_waiting(app->model, item) && it->deadline) {
        int64_t left = it->deadline - now, total = it->deadline - it->arrival;
        sd_app_format_age(now - it->arrival, age, sizeof age);
        bool over = left < 0, near = !over && (left * 4 < total || left < 5 * 60);
        snprintf(buf, sizeof buf, "%s %s", over ? "⚠" : "◷", age);
        sd_rgba fg = over ? th->accent_text : near ? th->chip_text : th->text;
        sd_rgba bg = over ? th->bad_bg : near ? th->warn_bg : th->panel_alt;
        int cw = sd_draw_chip_width(d, small, buf);
        if (cw > (right - x) / 2)
            cw = (right - x) / 2;
        right -= sd_draw_chip(d, small, fg, bg, right - cw, y, cw, buf) + th->gap;
    } else {
        sd_app_format_age(now - it->arrival, age, sizeof age);
        int aw = sd_text_width(app->text, small, false, age, strlen(age));
        if (aw > (right - x) / 2)
            aw = (right - x) / 2;
        right = sd_draw_str_right(d, small, false, th->muted, right, y, aw, age) - th->gap;
    }
    x += sd_draw_str(d, body, true, th->text, x, y, right - x, name) + th->gap;
    if ((it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY || it->kind == SD_KIND_DM) && it->mood < SD_MOOD_COUNT) {
        char key[40];
        snprintf(key, sizeof key, "ui.mood.%s", sd_vocab_name(SD_VOCAB_MOOD, it->mood));
        snprintf(buf, sizeof buf, "● %s", sd_app_t(app, key));
        sd_draw_str(d, small, false, th->mood[it->mood], x, y, right - x, buf);
    } else if (it->kind != SD_KIND_COMMENT) {
        char key[40];
        snprintf(key, sizeof key, "ui.kind.%s", sd_vocab_name(SD_VOCAB_KIND, it->kind));
        sd_draw_str(d, small, false, th->accent, x, y, right - x, sd_app_t(app, key));
    }

    /* line 2: markers and the start of the text */
    int y2 = y + lh;
    int x2 = r.x + th->pad + av + th->pad, right2 = r.x + r.w - th->pad;
    if (y2 + lh > r.y + r.h)
        return;
    const char *marks[SD_FEED_MARKS];
    size_t nm = sd_feed_marks(it, marks);
    char by[160] = "";
    if (it->colleague) /* a simulated colleague answered it: "Sara (kollega) svarade" */
        sd_app_colleague_replied(app, sd_model_str(app->model, it->colleague), by, sizeof by);
    for (size_t k = 0; k < nm && x2 < right2; k++)
        x2 += sd_draw_chip(d, small, th->text, th->panel_alt, x2, y2, right2 - x2, sd_app_t(app, marks[k])) + th->gap;
    if (*by && x2 < right2)
        x2 += sd_draw_chip(d, small, th->accent_text, th->accent, x2, y2, right2 - x2, by) + th->gap;
    const char *text = sd_model_str(app->model, it->text);
    size_t len = strlen(text);
    if (len > 160) { /* enough for any row width: cut at a code point boundary */
        len = 160;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    const char *nl = memchr(text, '\n', len);
    if (nl)
        len = (size_t)(nl - text);
    sd_draw_text(d, body, false, it->deleted ? th->muted : th->text, x2, y2, right2 - x2, text, len);
}

/* What is pinned to the top of the post (action pin), as the platforms show it: above the
 * rows, "Fäst" and whose reply (or "uttalande"), then the start of its text. Returns the y
 * below it (hy when nothing is pinned). */
static int draw_pinned(sd_app *app, SDL_Rect r, int hy)
{
    int32_t item;
    const char *text;
    app->hit.pinned = (SDL_Rect){0, 0, 0, 0};
    if (!sd_model_pinned(app->model, &item, &text))
        return hy;
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int small = th->font_small;
    int lh = sd_text_line_height(app->text, small, true);
    int x = r.x + th->pad, right = r.x + r.w - th->pad, y = hy + th->gap;
    sd_draw_fill(d, (SDL_Rect){r.x, hy, r.w, lh + 2 * th->gap}, th->panel_alt);
    x += sd_draw_chip(d, small, th->accent_text, th->accent, x, y, right - x,
                      sd_app_t(app, "ui.feed.pinned")) + th->gap;
    char what[220];
    if (item >= 0) {
        char name[160];
        sd_app_author(app, (size_t)item, name, sizeof name);
        snprintf(what, sizeof what, "%s %s:", sd_app_t(app, "ui.feed.pinned_reply"), name);
    } else {
        snprintf(what, sizeof what, "%s:", sd_app_t(app, "ui.feed.pinned_statement"));
    }
    if (x < right)
        x += sd_draw_str(d, small, true, th->text, x, y, right - x, what) + th->gap;
    /* A reply's first line is its greeting: the body from the second line. */
    const char *nl = strchr(text, '\n');
    if (item >= 0 && nl && nl[1])
        text = nl + 1;
    size_t len = strlen(text);
    if (len > 160) { /* enough for any width: cut at a code point boundary */
        len = 160;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    nl = memchr(text, '\n', len);
    if (nl)
        len = (size_t)(nl - text);
    if (x < right)
        sd_draw_text(d, small, false, th->text, x, y, right - x, text, len);
    app->hit.pinned = (SDL_Rect){r.x, hy, r.w, lh + 2 * th->gap};
    hy += lh + 2 * th->gap;
    sd_draw_fill(d, (SDL_Rect){r.x, hy, r.w, 1}, th->border);
    return hy + 1;
}

void sd_inbox_draw(sd_app *app, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    sd_draw_panel(d, "feed", r, th->panel);
    int lh = sd_text_line_height(app->text, th->font_body, true);
    size_t n;
    const uint32_t *rows = sd_model_rows(app->model, app->filter, &n);

    /* header: the filter and its count; the other filters' keys */
    char head[200];
    snprintf(head, sizeof head, "%s (%zu)", sd_app_t(app, filter_key[app->filter]), n);
    int hy = r.y + th->gap;
    /* the order switch at the right of the header: "↓ newest first" / "↑ oldest first" */
    char order[96];
    snprintf(order, sizeof order, "%s %s", sd_inbox_newest_first(app) ? "↓" : "↑",
             sd_app_t(app, sd_inbox_newest_first(app) ? "ui.feed.newest" : "ui.feed.oldest"));
    int hw = r.w - 2 * th->pad;
    int ow = sd_draw_chip_width(d, th->font_small, order);
    if (ow > hw / 2)
        ow = hw / 2;
    int oh = sd_text_line_height(app->text, th->font_small, false);
    int ox = r.x + r.w - th->pad - ow, oy = hy + (lh - oh) / 2;
    app->hit.order = (SDL_Rect){0, 0, 0, 0};
    if (ow > 0) {
        sd_draw_chip(d, th->font_small, th->text, th->panel_alt, ox, oy, ow, order);
        app->hit.order = (SDL_Rect){ox, oy, ow, oh};
    }
    sd_draw_str(d, th->font_body, true, th->accent, r.x + th->pad, hy, hw - ow - th->gap, head);
    hy += lh;
    /* the tabs: "1 waiting · 2 all · ..." cut at the dots, the current one highlighted */
    const char *tabs = sd_app_t(app, "ui.feed.filters");
    int tx = r.x + th->pad, right = r.x + r.w - th->pad;
    for (int f = 0; f < SD_FILTER_COUNT; f++) {
        char one[64];
        const char *dot = strstr(tabs, " · ");
        size_t len = dot ? (size_t)(dot - tabs) : strlen(tabs);
        snprintf(one, sizeof one, "%.*s", (int)(len < sizeof one ? len : sizeof one - 1), tabs);
        tabs = dot ? dot + strlen(" · ") : tabs + len;
        app->hit.tabs[f] = (SDL_Rect){0, 0, 0, 0};
        if (tx >= right || !*one)
            continue;
        bool on = (int)app->filter == f;
        int cw = sd_draw_chip(d, th->font_small, on ? th->accent_text : th->text, on ? th->accent : th->panel_alt,
                              tx, hy, right - tx, one);
        app->hit.tabs[f] = (SDL_Rect){tx, hy, cw, sd_text_line_height(app->text, th->font_small, false)};
        tx += cw + th->gap;
    }
    hy += sd_text_line_height(app->text, th->font_small, false) + th->gap;
    sd_draw_fill(d, (SDL_Rect){r.x, hy, r.w, 1}, th->border);
    hy += 1;
    hy = draw_pinned(app, r, hy);

    int row_h = 2 * lh + 2 * th->gap;
    int avail = r.y + r.h - hy;
    app->feed_rows = avail / row_h > 0 ? avail / row_h : 1;
    app->hit.feed_rows = (SDL_Rect){r.x, hy, r.w, avail / row_h * row_h};
    app->hit.row_h = row_h;
    app->hit.feed_top = app->top < n ? app->top : 0;
    if (n == 0) {
        sd_draw_str(d, th->font_body, false, th->muted, r.x + th->pad, hy + th->pad, r.w - 2 * th->pad,
                    sd_app_t(app, "ui.feed.empty"));
        return;
    }
    if (app->top >= n)
        app->top = n - 1;
    sd_time now = sd_app_now(app); /* the session's, or the replay's */
    /* Only the rows that fit entirely are laid out and drawn. */
    for (size_t k = app->top; k < n && hy + row_h <= r.y + r.h; k++, hy += row_h) {
        uint32_t item = rows[disp(app, n, k)];
        draw_row(app, item, (SDL_Rect){r.x, hy, r.w, row_h}, (int64_t)item == app->selected, now);
    }
}
