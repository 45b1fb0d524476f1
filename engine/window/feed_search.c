/* feed_search.c - search and keyword filters over the feed. "/" (or Ctrl+F, or a click on
 * "Sök") opens a small search field over the feed's top; what is typed filters at once,
 * matching the author's name, the handle and the text, folded for case and diacritics
 * (util/fold.h: "asa" finds "Åsa"); Enter keeps it as a filter shown as a chip, Esc
 * clears it. Keyword chips, one per theme label of the scenario's storms, filter on the
 * storm comments of that theme (Tab / Shift+Tab or a click; again to turn off). While a
 * filter is on, the feed shows the matching items as a flat list, newest first, each with
 * its context; the matches are an index of items (tested once each as they arrive). */
#include "feed_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fold.h"

void sd_search_init_chips(sd_app *app, sd_feedview *fv)
{
    fv->n_labels = 0;
    fv->chip = -1;
    const sd_scenario *sc = app->sc;
    for (size_t s = 0; sc && s < sc->n_storms; s++)
        for (size_t t = 0; t < sc->storms[s].n_themes; t++) {
            const sd_storm_theme *th = &sc->storms[s].themes[t];
            if (th->implicit || !th->label || fv->n_labels >= sizeof fv->chip_label / sizeof fv->chip_label[0])
                continue;
            bool dup = false;
            for (size_t k = 0; k < fv->n_labels; k++)
                dup |= strcmp(fv->chip_label[k], th->label) == 0;
            if (dup)
                continue;
            fv->chip_label[fv->n_labels] = th->label;
            fv->chip_theme[fv->n_labels] = th->id;
            fv->n_labels++;
        }
}

/* The text being typed (while the field is open) or the kept search, folded. */
static const char *current_query(const sd_feedview *fv, char *buf, size_t n)
{
    if (fv->search_open) {
        const char *t = sd_editor_text(fv->field);
        sd_fold(t, strlen(t), buf, n);
        return buf;
    }
    return fv->query;
}

bool sd_search_active(const sd_feedview *fv)
{
    return fv->chip >= 0 || fv->query[0] || (fv->search_open && sd_editor_len(fv->field) > 0);
}

static bool matches_q(const sd_app *app, const sd_feedview *fv, size_t item, const char *q)
{
    const sd_mitem *it = sd_model_item(app->model, item);
    if (fv->chip >= 0) {
        const sd_results *res = app->res;
        if (item >= sd_results_n_items(res))
            return false;
        const char *theme = sd_results_items(res)[item].theme;
        /* a theme's id is unique within its storm; labels are what the chip shows */
        bool hit = false;
        for (size_t k = 0; k < fv->n_labels && !hit; k++)
            hit = theme && strcmp(fv->chip_label[k], fv->chip_label[fv->chip]) == 0 &&
                  strcmp(fv->chip_theme[k], theme) == 0;
        if (!hit)
            return false;
    }
    if (!*q)
        return true;
    char name[160], handle[96];
    sd_app_author(app, item, name, sizeof name);
    if (sd_fold_contains(name, q))
        return true;
    sd_pview_name(app, item, name, sizeof name, handle, sizeof handle);
    if (sd_fold_contains(name, q) || sd_fold_contains(handle, q))
        return true;
    return sd_fold_contains(sd_model_str(app->model, it->text), q) ||
           sd_fold_contains(sd_model_str(app->model, it->title), q);
}

bool sd_search_matches(const sd_app *app, const sd_feedview *fv, size_t item)
{
    char buf[FV_QUERY];
    return matches_q(app, fv, item, current_query(fv, buf, sizeof buf));
}

void sd_search_sync(sd_app *app, sd_feedview *fv)
{
    if (!sd_search_active(fv)) {
        fv->match_checked = fv->items_seen;
        return;
    }
    char buf[FV_QUERY];
    const char *q = current_query(fv, buf, sizeof buf);
    for (; fv->match_checked < fv->items_seen; fv->match_checked++) {
        if (!matches_q(app, fv, fv->match_checked, q))
            continue;
        if (fv->n_matches == fv->cap_matches) {
            size_t cap = fv->cap_matches ? fv->cap_matches * 2 : 256;
            uint32_t *v = realloc(fv->matches, cap * sizeof *v);
            if (!v)
                return;
            fv->matches = v;
            fv->cap_matches = cap;
        }
        fv->matches[fv->n_matches++] = (uint32_t)fv->match_checked;
    }
}

void sd_search_restart(sd_app *app, sd_feedview *fv)
{
    fv->n_matches = 0;
    fv->match_checked = 0;
    fv->mtop = 0;
    sd_search_sync(app, fv);
    if (sd_search_active(fv))
        app->selected = fv->n_matches ? (int64_t)fv->matches[fv->n_matches - 1] : -1;
    else
        sd_pview_reveal(app, fv);
    fv->n_vis = 0;
}

void sd_search_open(sd_app *app, sd_feedview *fv)
{
    fv->search_open = true;
    fv->notif_open = false;
    sd_editor_set_text(fv->field, fv->query_shown);
    SDL_StartTextInput();
    sd_app_say(app, false, "%s", sd_app_t(app, "ui.search.typing"));
}

static void close_field(sd_app *app, sd_feedview *fv)
{
    fv->search_open = false;
    if (!app->editing)
        SDL_StopTextInput();
}

void sd_search_set_chip(sd_app *app, sd_feedview *fv, int chip)
{
    fv->chip = chip >= 0 && (size_t)chip < fv->n_labels ? chip : -1;
    sd_search_restart(app, fv);
    if (fv->chip >= 0)
        sd_app_say(app, false, "%s: %s (%zu)", sd_app_t(app, "ui.search.chip"), fv->chip_label[fv->chip],
                   fv->n_matches);
    else
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.search.cleared"));
}

bool sd_search_key(sd_app *app, sd_feedview *fv, const SDL_KeyboardEvent *k)
{
    SDL_Keycode c = k->keysym.sym;
    if (c == SDLK_ESCAPE) {
        close_field(app, fv);
        fv->query[0] = fv->query_shown[0] = '\0';
        sd_editor_clear(fv->field);
        sd_search_restart(app, fv);
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.search.cleared"));
        return true;
    }
    if (c == SDLK_RETURN || c == SDLK_KP_ENTER) {
        const char *t = sd_editor_text(fv->field);
        snprintf(fv->query_shown, sizeof fv->query_shown, "%s", t);
        sd_fold(t, strlen(t), fv->query, sizeof fv->query);
        close_field(app, fv);
        sd_search_restart(app, fv);
        if (fv->query[0])
            sd_app_say(app, false, "%s: %s (%zu)", sd_app_t(app, "ui.search.kept"), fv->query_shown, fv->n_matches);
        return true;
    }
    if (c == SDLK_UP || c == SDLK_DOWN) { /* choose among the matches while typing */
        sd_search_move(app, fv, c == SDLK_UP ? -1 : 1);
        return true;
    }
    size_t before = sd_editor_len(fv->field);
    char was[FV_QUERY];
    snprintf(was, sizeof was, "%s", sd_editor_text(fv->field));
    sd_app_edit_key(fv->field, k);
    if (sd_editor_len(fv->field) != before || strcmp(was, sd_editor_text(fv->field)) != 0)
        sd_search_restart(app, fv);
    return true; /* the field takes every key while it is open */
}

void sd_search_text(sd_app *app, sd_feedview *fv, const char *text)
{
    if (sd_editor_len(fv->field) + strlen(text) >= FV_QUERY - 1)
        return;
    sd_editor_insert(fv->field, text);
    sd_search_restart(app, fv);
}

void sd_search_move(sd_app *app, sd_feedview *fv, int delta)
{
    size_t n = fv->n_matches;
    if (n == 0) {
        app->selected = -1;
        return;
    }
    /* display position of the selection: matches are ascending, shown newest first */
    int64_t d = 0;
    if (app->selected >= 0) {
        size_t lo = 0, hi = n;
        uint32_t want = (uint32_t)app->selected;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (fv->matches[mid] < want)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n && fv->matches[lo] == want)
            d = (int64_t)(n - 1 - lo);
    }
    d += delta;
    if (d < 0)
        d = 0;
    if (d >= (int64_t)n)
        d = (int64_t)n - 1;
    app->selected = fv->matches[n - 1 - (size_t)d];
    size_t vis = fv->page > 0 ? (size_t)fv->page : 1;
    if ((size_t)d < fv->mtop)
        fv->mtop = (size_t)d;
    else if ((size_t)d >= fv->mtop + vis)
        fv->mtop = (size_t)d - vis + 1;
}

int sd_search_draw_bar(sd_app *app, sd_feedview *fv, SDL_Rect r, int y)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int small = th->font_small, body = th->font_body;
    int slh = sd_text_line_height(app->text, small, false), lh = sd_text_line_height(app->text, body, false);
    int x = r.x + th->pad, right = r.x + r.w - th->pad;
    fv->n_chips = 0;
    if (fv->search_open) {
        /* the small field: a label, the text in a framed box, the caret */
        y += th->gap;
        int lw = sd_draw_str(d, small, true, th->text, x, y + (lh - slh) / 2, (right - x) / 3,
                             sd_app_t(app, "ui.search.label"));
        SDL_Rect box = {x + lw + th->gap, y - 1, right - x - lw - th->gap, lh + 2};
        sd_draw_fill(d, box, th->panel);
        sd_draw_frame(d, box, th->accent);
        const char *t = sd_editor_text(fv->field);
        size_t len = strlen(t);
        int inner = box.w - 2 * th->gap;
        int tw = sd_text_width(app->text, body, false, t, len);
        size_t from = 0; /* the end stays in view */
        while (tw > inner && from < len) {
            from++;
            while (from < len && ((unsigned char)t[from] & 0xC0) == 0x80)
                from++;
            tw = sd_text_width(app->text, body, false, t + from, len - from);
        }
        int w = sd_draw_text(d, body, false, th->text, box.x + th->gap, y, inner, t + from, len - from);
        sd_draw_fill(d, (SDL_Rect){box.x + th->gap + w, y, 2, lh}, th->text);
        y += lh + th->gap;
    }
    if (fv->inbox || (fv->n_labels == 0 && !fv->query[0]))
        return y; /* the chips filter the platform view */
    y += th->gap;
    if (fv->query[0] && !fv->search_open) {
        char q[FV_QUERY + 40];
        snprintf(q, sizeof q, "%s: %s ✕", sd_app_t(app, "ui.search.label"), fv->query_shown);
        x += sd_draw_chip(d, small, th->accent_text, th->accent, x, y, right - x, q) + th->gap;
    }
    for (size_t i = 0; i < fv->n_labels && x < right; i++) {
        bool on = fv->chip == (int)i;
        char lab[160];
        snprintf(lab, sizeof lab, "#%s", fv->chip_label[i]);
        int cw = sd_draw_chip(d, small, on ? th->accent_text : th->text, on ? th->accent : th->panel_alt, x, y,
                              right - x, lab);
        fv->hit_chips[fv->n_chips++] = (SDL_Rect){x, y, cw, slh};
        x += cw + th->gap;
    }
    y += slh + th->gap;
    sd_draw_fill(d, (SDL_Rect){r.x, y, r.w, 1}, th->border);
    return y + 1;
}

void sd_search_draw_list(sd_app *app, sd_feedview *fv, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int body = th->font_body, small = th->font_small;
    int lh = sd_text_line_height(app->text, body, true), slh = sd_text_line_height(app->text, small, false);
    fv->n_vis = 0;
    int y = r.y + th->gap, x = r.x + th->pad, right = r.x + r.w - th->pad;
    size_t n = fv->n_matches;
    char head[200];
    snprintf(head, sizeof head, "%s (%zu)", sd_app_t(app, "ui.search.results"), n);
    sd_draw_str(d, small, true, th->accent, x, y, right - x, head);
    y += slh + th->gap;
    if (n == 0) {
        sd_draw_str(d, body, false, th->muted, x, y, right - x, sd_app_t(app, "ui.search.none"));
        fv->page = 1;
        return;
    }
    int row_h = 2 * lh + slh + 2 * th->gap;
    int fit = (r.y + r.h - y) / row_h;
    fv->page = fit > 1 ? fit : 1;
    if (fv->mtop >= n)
        fv->mtop = n - 1;
    sd_time now = sd_app_now(app);
    for (size_t k = fv->mtop; k < n && y < r.y + r.h && fv->n_vis < FV_VISIBLE; k++) {
        uint32_t item = fv->matches[n - 1 - k];
        const sd_mitem *it = sd_model_item(app->model, item);
        bool sel = (int64_t)item == app->selected;
        SDL_Rect rr = {r.x, y, r.w, row_h};
        sd_draw_fill(d, rr, sel ? th->selected : th->panel);
        if (sel)
            sd_draw_fill(d, (SDL_Rect){r.x, y, th->gap, row_h}, th->accent);
        sd_draw_fill(d, (SDL_Rect){r.x, y + row_h - 1, r.w, 1}, th->border);
        int av = lh * 2 - th->gap;
        char name[160], handle[96], age[48], ctx[220] = "";
        sd_pview_name(app, item, name, sizeof name, handle, sizeof handle);
        sd_feed_avatar(app, name, x, y + th->gap, av, true);
        int tx = x + av + th->pad;
        sd_app_format_age(now - it->arrival, age, sizeof age);
        int aw = sd_text_width(app->text, small, false, age, strlen(age));
        if (aw > (right - tx) / 3)
            aw = (right - tx) / 3;
        sd_draw_str_right(d, small, false, th->muted, right, y + th->gap, aw, age);
        int nx = tx + sd_draw_str(d, body, true, th->text, tx, y + th->gap, right - tx - aw - th->gap, name) + th->gap;
        if (*handle)
            nx += sd_draw_str(d, body, false, th->muted, nx, y + th->gap, right - aw - th->gap - nx, handle) + th->gap;
        if (it->parent_index >= 0) {
            char pname[160];
            sd_app_author(app, (size_t)it->parent_index, pname, sizeof pname);
            snprintf(ctx, sizeof ctx, "%s %s", sd_app_t(app, "ui.search.under"), pname);
        } else {
            char key[40];
            snprintf(key, sizeof key, "ui.kind.%s", sd_vocab_name(SD_VOCAB_KIND, it->kind));
            snprintf(ctx, sizeof ctx, "%s", sd_app_t(app, key));
        }
        sd_draw_str(d, small, false, th->muted, tx, y + th->gap + lh, right - tx, ctx);
        const char *text = sd_model_str(app->model, it->text);
        size_t len = strcspn(text, "\n");
        if (len > 200) {
            len = 200;
            while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
                len--;
        }
        sd_draw_text(d, body, false, it->deleted ? th->muted : th->text, tx, y + th->gap + lh + slh, right - tx,
                     text, len);
        sd_feed_visible(fv, rr, item, y + row_h <= r.y + r.h);
        y += row_h;
    }
}
