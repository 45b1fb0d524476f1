/* feed_notify.c - the notification list, as the platforms' bell has it: new comments,
 * replies to us (a reply in a thread we answered, or to our post), direct messages and
 * mentions of the account (its name or @handle in a text), newest first. B (or a click on
 * the bell) opens it over the feed; ↑ ↓ choose, Enter (or a click) selects that item in the
 * feed and closes the list, Esc or B closes it. The bell counts what came since it was last
 * opened. Kept as an index of items (one entry per item, added as it arrives); drawing
 * lays out only the entries that fit. */
#include "feed_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fold.h"

/* True when text names the account: its @handle, or its name. */
static bool mentions(const sd_app *app, const char *text)
{
    char f[160];
    const char *h = app->sc->account_handle;
    if (h && *h) {
        char at[140];
        snprintf(at, sizeof at, "@%s", h[0] == '@' ? h + 1 : h);
        sd_fold(at, strlen(at), f, sizeof f);
        if (sd_fold_contains(text, f))
            return true;
    }
    const char *name = app->sc->account_name;
    if (name && *name) {
        sd_fold(name, strlen(name), f, sizeof f);
        if (sd_fold_contains(text, f))
            return true;
    }
    return false;
}

void sd_notify_add(sd_app *app, sd_feedview *fv, size_t item)
{
    const sd_mitem *it = sd_model_item(app->model, item);
    int what;
    if (it->kind == SD_KIND_DM)
        what = FV_N_DM;
    else if (it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY) {
        what = FV_N_COMMENT;
        /* a reply to us: under a comment we answered before it came */
        int32_t k = fv->node_of[item];
        int32_t p = k >= 0 ? fv->nodes[k].parent : -1;
        if (it->kind == SD_KIND_REPLY && p >= 0) {
            for (int32_t s = fv->nodes[p].first; s >= 0 && s != k; s = fv->nodes[s].next)
                if (fv->nodes[s].type == FV_ACTION)
                    what = FV_N_REPLY;
            if (fv->nodes[p].type == FV_ACTION)
                what = FV_N_REPLY;
        }
    } else
        return;
    if (mentions(app, sd_model_str(app->model, it->text)))
        what = FV_N_MENTION;
    if (fv->n_notifs == fv->cap_notifs) {
        size_t cap = fv->cap_notifs ? fv->cap_notifs * 2 : 256;
        fv_notif *v = realloc(fv->notifs, cap * sizeof *v);
        if (!v)
            return;
        fv->notifs = v;
        fv->cap_notifs = cap;
    }
    fv->notifs[fv->n_notifs++] = (fv_notif){(uint32_t)item, (uint8_t)what};
}

size_t sd_notify_unread(const sd_feedview *fv)
{
    return fv->n_notifs - fv->notifs_read;
}

static void choose(sd_app *app, sd_feedview *fv, size_t k)
{
    if (k >= fv->n_notifs)
        return;
    const fv_notif *nt = &fv->notifs[fv->n_notifs - 1 - k];
    app->selected = nt->item;
    fv->notif_open = false;
    if (sd_search_active(fv) && !sd_search_matches(app, fv, nt->item)) {
        /* the filter would hide it: show the whole feed */
        sd_search_set_chip(app, fv, -1);
        fv->query[0] = fv->query_shown[0] = '\0';
        sd_search_restart(app, fv);
    }
    if (fv->inbox) {
        fv->inbox = false;
        fv->n_vis = 0;
    }
    sd_pview_reveal(app, fv);
    char name[160];
    sd_app_author(app, nt->item, name, sizeof name);
    sd_app_say(app, false, "%s %s", sd_app_t(app, "ui.notif.chosen"), name);
}

bool sd_notify_key(sd_app *app, sd_feedview *fv, SDL_Keycode c)
{
    size_t n = fv->n_notifs;
    switch (c) {
    case SDLK_UP: if (fv->notif_sel > 0) fv->notif_sel--; return true;
    case SDLK_DOWN: if (fv->notif_sel + 1 < n) fv->notif_sel++; return true;
    case SDLK_PAGEUP: fv->notif_sel = fv->notif_sel > 8 ? fv->notif_sel - 8 : 0; return true;
    case SDLK_PAGEDOWN: fv->notif_sel = n == 0 ? 0 : fv->notif_sel + 8 < n ? fv->notif_sel + 8 : n - 1; return true;
    case SDLK_HOME: fv->notif_sel = 0; return true;
    case SDLK_END: fv->notif_sel = n ? n - 1 : 0; return true;
    case SDLK_RETURN: case SDLK_KP_ENTER: choose(app, fv, fv->notif_sel); return true;
    case SDLK_ESCAPE: case SDLK_b: fv->notif_open = false; return true;
    default: return false;
    }
}

bool sd_notify_click(sd_app *app, sd_feedview *fv, int x, int y)
{
    for (size_t i = 0; i < fv->n_hit_notif; i++) {
        SDL_Rect r = fv->hit_notif[i];
        if (x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h) {
            choose(app, fv, fv->notif_first + i);
            return true;
        }
    }
    return false;
}

static const char *const what_key[] = {"ui.notif.comment", "ui.notif.reply", "ui.notif.dm", "ui.notif.mention"};

void sd_notify_draw(sd_app *app, sd_feedview *fv, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int body = th->font_body, small = th->font_small;
    int lh = sd_text_line_height(app->text, body, true), slh = sd_text_line_height(app->text, small, false);
    SDL_Rect box = {r.x + th->gap, r.y, r.w - 2 * th->gap, r.h - th->gap};
    sd_draw_fill(d, box, th->overlay_bg);
    sd_draw_frame(d, box, th->border);
    int x = box.x + th->pad, right = box.x + box.w - th->pad, y = box.y + th->gap;
    sd_draw_str(d, th->font_title, true, th->accent, x, y, right - x, sd_app_t(app, "ui.notif.title"));
    y += sd_text_line_height(app->text, th->font_title, true) + th->gap;
    fv->n_hit_notif = 0;
    size_t n = fv->n_notifs;
    if (n == 0) {
        sd_draw_str(d, body, false, th->muted, x, y, right - x, sd_app_t(app, "ui.notif.empty"));
        return;
    }
    int row_h = lh + slh + 2 * th->gap;
    size_t fit = (size_t)((box.y + box.h - y) / row_h);
    if (fit == 0)
        fit = 1;
    if (fit > sizeof fv->hit_notif / sizeof fv->hit_notif[0])
        fit = sizeof fv->hit_notif / sizeof fv->hit_notif[0];
    if (fv->notif_sel >= n)
        fv->notif_sel = n - 1;
    if (fv->notif_sel < fv->notif_first)
        fv->notif_first = fv->notif_sel;
    else if (fv->notif_sel >= fv->notif_first + fit)
        fv->notif_first = fv->notif_sel - fit + 1;
    sd_time now = sd_app_now(app);
    for (size_t k = fv->notif_first; k < n && k < fv->notif_first + fit; k++) {
        const fv_notif *nt = &fv->notifs[n - 1 - k];
        bool sel = k == fv->notif_sel;
        SDL_Rect rr = {box.x + 1, y, box.w - 2, row_h};
        sd_draw_fill(d, rr, sel ? th->selected : th->overlay_bg);
        if (sel)
            sd_draw_fill(d, (SDL_Rect){rr.x, rr.y, th->gap, rr.h}, th->accent);
        bool unread = k < sd_notify_unread(fv);
        (void)unread;
        char name[160], handle[96], line[320], age[48];
        sd_pview_name(app, nt->item, name, sizeof name, handle, sizeof handle);
        snprintf(line, sizeof line, "%s%s%s %s", name, *handle ? " " : "", handle, sd_app_t(app, what_key[nt->what]));
        const sd_mitem *it = sd_model_item(app->model, nt->item);
        sd_app_format_age(now - it->arrival, age, sizeof age);
        int aw = sd_text_width(app->text, small, false, age, strlen(age));
        if (aw > (right - x) / 3)
            aw = (right - x) / 3;
        sd_draw_str_right(d, small, false, th->muted, right, y + th->gap, aw, age);
        sd_draw_str(d, body, true, th->text, x, y + th->gap, right - x - aw - th->gap, line);
        const char *text = sd_model_str(app->model, it->text);
        size_t len = strcspn(text, "\n");
        if (len > 200) { /* enough for any width: cut at a code point boundary */
            len = 200;
            while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
                len--;
        }
        sd_draw_text(d, small, false, th->muted, x, y + th->gap + lh, right - x, text, len);
        fv->hit_notif[fv->n_hit_notif++] = rr;
        y += row_h;
    }
}
