/* feed.c - the feed panel: a bar with the two views ("Flöde", the platform view, the default;
 * "Inkorg", the moderation inbox; V switches), the notifications bell (B) and the search
 * (/), the search field and keyword chips under it, and the view itself (feed_platform.c,
 * feed_inbox.c, or the search results of feed_search.c); the notification list opens over
 * it (feed_notify.c). The feed functions app.c, mouse.c and replay.c call (app_internal.h)
 * go to the view shown. Replay mode shows the inbox. */
#include "feed_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reset_index(sd_feedview *fv)
{
    free(fv->nodes);
    free(fv->node_of);
    free(fv->notifs);
    free(fv->matches);
    fv->nodes = NULL;
    fv->node_of = NULL;
    fv->notifs = NULL;
    fv->matches = NULL;
    fv->n_nodes = fv->cap_nodes = fv->cap_of = 0;
    fv->n_notifs = fv->cap_notifs = fv->notifs_read = 0;
    fv->n_matches = fv->cap_matches = fv->match_checked = 0;
    fv->items_seen = fv->actions_seen = 0;
    fv->root_first = fv->root_last = -1;
    fv->top = fv->anchor_bottom = -1;
    fv->shown_selected = -2;
    fv->n_vis = 0;
    fv->mtop = 0;
}

sd_feedview *sd_feed_state(sd_app *app)
{
    if (!app->fv) {
        sd_feedview *fv = calloc(1, sizeof *fv);
        if (!fv)
            return NULL;
        sd_error e = SD_ERROR_INIT;
        if (sd_editor_create(&fv->field, &e) != SD_OK) {
            sd_error_clear(&e);
            free(fv);
            return NULL;
        }
        fv->chip = -1;
        reset_index(fv);
        app->fv = fv;
    }
    sd_feedview *fv = app->fv;
    if (fv->model != app->model) { /* a new exercise (the resumed one): index it afresh */
        reset_index(fv);
        fv->model = app->model;
        sd_search_init_chips(app, fv);
    }
    if (app->model) {
        sd_pview_sync(app, fv);
        sd_search_sync(app, fv);
    }
    return fv;
}

void sd_feed_free(sd_app *app)
{
    sd_feedview *fv = app->fv;
    if (!fv)
        return;
    reset_index(fv);
    sd_image_free_all(fv);
    sd_editor_free(fv->field);
    free(fv);
    app->fv = NULL;
}

/* The platform view is shown (not replay mode, not the inbox). */
static sd_feedview *platform(sd_app *app)
{
    if (app->replay || !app->model)
        return NULL;
    sd_feedview *fv = sd_feed_state(app);
    return fv && !fv->inbox ? fv : NULL;
}

static bool platform_c(const sd_app *app)
{
    return !app->replay && app->fv && !app->fv->inbox;
}

/* ---- what app.c and mouse.c call ---- */

bool sd_feed_newest_first(const sd_app *app)
{
    return platform_c(app) ? !app->fv->oldest_first : sd_inbox_newest_first(app);
}

bool sd_feed_item_at(sd_app *app, size_t row, uint32_t *item)
{
    sd_feedview *fv = platform(app);
    if (!fv)
        return sd_inbox_item_at(app, row, item);
    if (row >= fv->n_vis)
        return false;
    *item = fv->vis[row].item;
    return true;
}

bool sd_feed_row_rect(const sd_app *app, size_t i, SDL_Rect *out)
{
    if (platform_c(app)) {
        const sd_feedview *fv = app->fv;
        if (i >= fv->n_vis || !fv->vis[i].whole)
            return false;
        *out = fv->vis[i].r;
        return true;
    }
    const sd_hit *h = &app->hit;
    if (h->row_h <= 0 || (int)(i + 1) * h->row_h > h->feed_rows.h)
        return false;
    *out = (SDL_Rect){h->feed_rows.x, h->feed_rows.y + (int)i * h->row_h, h->feed_rows.w, h->row_h};
    return true;
}

void sd_feed_select_valid(sd_app *app)
{
    sd_feedview *fv = platform(app);
    if (!fv) {
        sd_inbox_select_valid(app);
        return;
    }
    if (sd_search_active(fv)) {
        /* the selection is one of the matches, or nothing (an empty filter acts on nothing) */
        if (app->selected < 0 || !sd_search_matches(app, fv, (size_t)app->selected))
            app->selected = fv->n_matches ? (int64_t)fv->matches[fv->n_matches - 1] : -1;
        return;
    }
    sd_pview_select_valid(app, fv);
}

void sd_feed_set_filter(sd_app *app, sd_filter f)
{
    if (app->fv && !app->replay && !app->fv->inbox) {
        app->fv->inbox = true; /* a filter is the inbox's: show it */
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.view.inbox"));
    }
    sd_inbox_set_filter(app, f);
}

void sd_feed_toggle_order(sd_app *app)
{
    sd_feedview *fv = platform(app);
    if (!fv) {
        sd_inbox_toggle_order(app);
        return;
    }
    fv->oldest_first = !fv->oldest_first;
    fv->top = -1;
    fv->n_vis = 0;
    sd_pview_reveal(app, fv);
    sd_app_say(app, false, "%s: %s", sd_app_t(app, "ui.view.feed"),
               sd_app_t(app, fv->oldest_first ? "ui.feed.oldest" : "ui.feed.newest"));
}

void sd_feed_move(sd_app *app, int delta)
{
    sd_feedview *fv = platform(app);
    if (!fv)
        sd_inbox_move(app, delta);
    else if (sd_search_active(fv))
        sd_search_move(app, fv, delta);
    else
        sd_pview_move(app, fv, delta);
}

void sd_feed_home_end(sd_app *app, bool end)
{
    sd_feedview *fv = platform(app);
    if (!fv)
        sd_inbox_home_end(app, end);
    else if (sd_search_active(fv))
        sd_search_move(app, fv, end ? 1 << 30 : -(1 << 30));
    else
        sd_pview_home_end(app, fv, end);
}

/* ---- the view switch, the bell, the search ---- */

static void set_view(sd_app *app, sd_feedview *fv, bool inbox)
{
    fv->inbox = inbox;
    fv->notif_open = false;
    if (inbox) {
        sd_inbox_select_valid(app);
    } else {
        fv->n_vis = 0;
        sd_pview_reveal(app, fv);
    }
    sd_app_say(app, false, "%s", sd_app_t(app, inbox ? "ui.view.inbox" : "ui.view.feed"));
}

bool sd_feed_wants_key(const sd_app *app)
{
    return !app->replay && app->fv && (app->fv->search_open || app->fv->notif_open);
}

bool sd_feed_key(sd_app *app, const SDL_KeyboardEvent *k)
{
    if (app->replay || !app->model)
        return false;
    sd_feedview *fv = sd_feed_state(app);
    if (!fv)
        return false;
    SDL_Keycode c = k->keysym.sym;
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0, shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    bool alt = (k->keysym.mod & (KMOD_ALT | KMOD_GUI)) != 0;
    if (fv->search_open)
        return sd_search_key(app, fv, k);
    if (fv->notif_open && sd_notify_key(app, fv, c))
        return true;
    fv->notif_open = false;
    if (alt)
        return false;
    if (!ctrl && c == SDLK_v) {
        set_view(app, fv, !fv->inbox);
        return true;
    }
    if (!ctrl && c == SDLK_b) {
        fv->notif_open = true;
        fv->notif_sel = 0;
        fv->notifs_read = fv->n_notifs;
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.notif.opened"));
        return true;
    }
    if ((!ctrl && (c == SDLK_SLASH || c == SDLK_KP_DIVIDE || (c == SDLK_7 && shift))) || (ctrl && c == SDLK_f)) {
        if (fv->inbox)
            set_view(app, fv, false); /* the search is over the feed */
        sd_search_open(app, fv);
        if (!ctrl)
            app->swallow_text = '/'; /* the key's own text input */
        return true;
    }
    if (fv->inbox)
        return false;
    /* the platform view's own meaning of the inbox's keys */
    if (c == SDLK_ESCAPE && sd_search_active(fv)) {
        sd_search_set_chip(app, fv, -1);
        fv->query[0] = fv->query_shown[0] = '\0';
        sd_search_restart(app, fv);
        sd_app_say(app, false, "%s", sd_app_t(app, "ui.search.cleared"));
        return true;
    }
    if (c == SDLK_PAGEUP || c == SDLK_PAGEDOWN) { /* a page of this view's cards */
        int page = fv->page > 1 ? fv->page - 1 : 1;
        sd_feed_move(app, c == SDLK_PAGEUP ? -page : page);
        return true;
    }
    if (c == SDLK_TAB && !ctrl) {
        /* Tab: the next keyword chip (Shift+Tab the previous); past the last, none */
        int n = (int)fv->n_labels;
        if (n == 0) {
            sd_app_say(app, false, "%s", sd_app_t(app, "ui.search.no_chips"));
            return true;
        }
        int next = fv->chip + (shift ? -1 : 1);
        if (next < -1)
            next = n - 1;
        if (next >= n)
            next = -1;
        sd_search_set_chip(app, fv, next);
        return true;
    }
    return false;
}

bool sd_feed_text(sd_app *app, const char *text)
{
    if (app->replay || !app->fv || !app->fv->search_open)
        return false;
    sd_search_text(app, app->fv, text);
    return true;
}

static bool inside(SDL_Rect r, int x, int y)
{
    return r.w > 0 && r.h > 0 && x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool sd_feed_click(sd_app *app, int x, int y)
{
    if (app->replay || !app->fv)
        return false;
    sd_feedview *fv = app->fv;
    if (fv->notif_open) {
        if (sd_notify_click(app, fv, x, y))
            return true;
        fv->notif_open = false;
    }
    for (int v = 0; v < 2; v++)
        if (inside(fv->hit_view[v], x, y)) {
            set_view(app, fv, v == 1);
            return true;
        }
    if (inside(fv->hit_bell, x, y)) {
        fv->notif_open = true;
        fv->notif_sel = 0;
        fv->notifs_read = fv->n_notifs;
        return true;
    }
    if (inside(fv->hit_search, x, y)) {
        if (fv->inbox)
            set_view(app, fv, false);
        sd_search_open(app, fv);
        return true;
    }
    for (size_t i = 0; i < fv->n_chips; i++)
        if (inside(fv->hit_chips[i], x, y)) {
            sd_search_set_chip(app, fv, fv->chip == (int)i ? -1 : (int)i);
            return true;
        }
    if (fv->inbox)
        return false;
    for (size_t i = 0; i < fv->n_vis; i++)
        if (inside(fv->vis[i].r, x, y)) {
            app->selected = fv->vis[i].item;
            return true;
        }
    return false;
}

/* The bar: "Flöde | Inkorg" (V), the bell with what is new (B), the search (/). */
static int draw_bar(sd_app *app, sd_feedview *fv, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int small = th->font_small, slh = sd_text_line_height(app->text, small, false);
    int y = r.y + th->gap, x = r.x + th->pad, right = r.x + r.w - th->pad;
    int h = slh + 2 * th->gap;
    sd_draw_fill(d, (SDL_Rect){r.x, r.y, r.w, h}, th->panel_alt);
    const char *names[2] = {sd_app_t(app, "ui.view.feed"), sd_app_t(app, "ui.view.inbox")};
    for (int v = 0; v < 2; v++) {
        bool on = fv->inbox == (v == 1);
        int cw = sd_draw_chip(d, small, on ? th->accent_text : th->text, on ? th->accent : th->panel, x, y,
                              (right - x) / 3, names[v]);
        fv->hit_view[v] = (SDL_Rect){x, y, cw, slh};
        x += cw + th->gap;
    }
    char bell[64];
    size_t unread = sd_notify_unread(fv);
    if (unread)
        snprintf(bell, sizeof bell, "%s %zu", sd_app_t(app, "ui.notif.bell"), unread);
    else
        snprintf(bell, sizeof bell, "%s", sd_app_t(app, "ui.notif.bell"));
    int bw = sd_draw_chip_width(d, small, bell);
    const char *sq = sd_app_t(app, "ui.search.button");
    int sw = sd_draw_chip_width(d, small, sq);
    if (bw + sw + th->gap > right - x) {
        fv->hit_bell = fv->hit_search = (SDL_Rect){0, 0, 0, 0};
    } else {
        int bx = right - bw;
        sd_draw_chip(d, small, unread ? th->accent_text : th->text, unread ? th->bad_bg : th->panel, bx, y, bw, bell);
        fv->hit_bell = (SDL_Rect){bx, y, bw, slh};
        int sx = bx - th->gap - sw;
        sd_draw_chip(d, small, th->text, th->panel, sx, y, sw, sq);
        fv->hit_search = (SDL_Rect){sx, y, sw, slh};
    }
    sd_draw_fill(d, (SDL_Rect){r.x, r.y + h, r.w, 1}, th->border);
    return r.y + h + 1;
}

void sd_feed_draw(sd_app *app, SDL_Rect r)
{
    if (app->replay || !app->model) {
        sd_inbox_draw(app, r);
        return;
    }
    sd_feedview *fv = sd_feed_state(app);
    if (!fv) {
        sd_inbox_draw(app, r);
        return;
    }
    sd_draw_panel(&app->draw, "feed", r, app->theme.panel);
    int y = draw_bar(app, fv, r);
    y = sd_search_draw_bar(app, fv, r, y);
    SDL_Rect rest = {r.x, y, r.w, r.y + r.h - y};
    if (fv->inbox) {
        sd_inbox_draw(app, rest);
    } else {
        /* the inbox's hit areas are not on screen */
        for (int f = 0; f < SD_FILTER_COUNT; f++)
            app->hit.tabs[f] = (SDL_Rect){0, 0, 0, 0};
        app->hit.order = app->hit.pinned = app->hit.feed_rows = (SDL_Rect){0, 0, 0, 0};
        app->hit.row_h = 0;
        app->hit.feed_top = 0;
        /* the inbox's rows as they would fit (its header: a line and the tabs), so that
         * switching to it keeps its selection in view from the first frame */
        const sd_theme *th = &app->theme;
        int lh = sd_text_line_height(app->text, th->font_body, true);
        int head = lh + sd_text_line_height(app->text, th->font_small, false) + th->gap + 1;
        int rows = (rest.h - head) / (2 * lh + 2 * th->gap);
        app->feed_rows = rows > 1 ? rows : 1;
        if (sd_search_active(fv))
            sd_search_draw_list(app, fv, rest);
        else
            sd_pview_draw(app, fv, rest);
    }
    if (fv->notif_open)
        sd_notify_draw(app, fv, rest);
}
