/* mouse.c - the mouse in the exercise window: events come in window points and are turned
 * into the renderer's output pixels (they differ on high-density displays); a click on a
 * feed row selects it, on a filter tab switches the filter, on the feed's order switch
 * turns it, in the reply editor places the caret (Shift+click and dragging
 * select), on a menu entry chooses it (outside an open menu closes it). Hit tests use what
 * the last frame drew (app->hit); the wheel is handled in app.c. */
#include "app_internal.h"

#include <string.h>

void sd_app_points_to_pixels(int win_w, int win_h, int out_w, int out_h, int *x, int *y)
{
    if (win_w > 0 && out_w > 0 && win_w != out_w)
        *x = (int)((long long)*x * out_w / win_w);
    if (win_h > 0 && out_h > 0 && win_h != out_h)
        *y = (int)((long long)*y * out_h / win_h);
}

double sd_app_pixel_density(int win_w, int out_w)
{
    return win_w > 0 && out_w > 0 ? (double)out_w / (double)win_w : 1.0;
}

void sd_app_mouse_to_pixels(const sd_app *app, int *x, int *y)
{
    int ww = 0, wh = 0, ow = 0, oh = 0;
    SDL_GetWindowSize(app->win, &ww, &wh);
    SDL_GetRendererOutputSize(app->ren, &ow, &oh);
    sd_app_points_to_pixels(ww, wh, ow, oh, x, y);
}

void sd_app_update_density(sd_app *app)
{
    int ww = 0, wh = 0, ow = 0, oh = 0;
    SDL_GetWindowSize(app->win, &ww, &wh);
    SDL_GetRendererOutputSize(app->ren, &ow, &oh);
    sd_theme_set_density(&app->theme, sd_app_pixel_density(ww, ow));
}

static bool inside(SDL_Rect r, int x, int y)
{
    return r.w > 0 && r.h > 0 && x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static sd_status click_overlay(sd_app *app, int x, int y, sd_error *err)
{
    for (size_t i = 0; i < app->hit.n_menu; i++)
        if (inside(app->hit.menu[i], x, y)) {
            if (app->overlay == SD_OVERLAY_HELP)
                return SD_OK;
            return sd_app_choose(app, (int)i, err);
        }
    if (!inside(app->hit.menu_box, x, y)) {
        if (app->overlay == SD_OVERLAY_DELETE)
            sd_form_close(app);
        else
            app->overlay = SD_OVERLAY_NONE;
    }
    return SD_OK;
}

static void click_feed(sd_app *app, int x, int y)
{
    if (sd_feed_click(app, x, y)) /* the view bar, chips, notifications, platform cards */
        return;
    for (int f = 0; f < SD_FILTER_COUNT; f++)
        if (inside(app->hit.tabs[f], x, y)) {
            sd_feed_set_filter(app, (sd_filter)f);
            return;
        }
    if (inside(app->hit.order, x, y)) {
        sd_feed_toggle_order(app);
        return;
    }
    if (!inside(app->hit.feed_rows, x, y) || app->hit.row_h <= 0)
        return;
    size_t row = app->hit.feed_top + (size_t)((y - app->hit.feed_rows.y) / app->hit.row_h);
    uint32_t item;
    if (sd_feed_item_at(app, row, &item))
        app->selected = item;
}

sd_status sd_mouse_event(sd_app *app, const SDL_Event *ev, sd_error *err)
{
    if (app->scorecard)
        return SD_OK;
    if (ev->type == SDL_MOUSEBUTTONUP) {
        if (ev->button.button == SDL_BUTTON_LEFT)
            app->drag_editor = false;
        return SD_OK;
    }
    if (ev->type == SDL_MOUSEMOTION) {
        int mx = ev->motion.x, my = ev->motion.y;
        sd_app_mouse_to_pixels(app, &mx, &my);
        if (app->drag_editor && (ev->motion.state & SDL_BUTTON_LMASK) && app->editing)
            sd_editor_set_caret(app->ed, sd_thread_editor_offset(app, mx, my), true);
        else if (!(ev->motion.state & SDL_BUTTON_LMASK))
            app->drag_editor = false;
        return SD_OK;
    }
    if (ev->type != SDL_MOUSEBUTTONDOWN || ev->button.button != SDL_BUTTON_LEFT)
        return SD_OK;
    int x = ev->button.x, y = ev->button.y;
    sd_app_mouse_to_pixels(app, &x, &y);
    if (app->overlay != SD_OVERLAY_NONE)
        return click_overlay(app, x, y, err);
    if (inside(app->hit.editor, x, y)) {
        bool extend = (SDL_GetModState() & KMOD_SHIFT) != 0 && app->editing;
        if (!app->editing)
            sd_app_start_editing(app, app->edit_item >= 0 || app->edit_mode == SD_EDIT_PUBLISH ? app->edit_mode
                                                                                               : SD_EDIT_REPLY);
        if (app->editing) {
            sd_editor_set_caret(app->ed, sd_thread_editor_offset(app, x, y), extend);
            app->drag_editor = true;
        }
        return SD_OK;
    }
    click_feed(app, x, y);
    return SD_OK;
}

bool sd_app_hit_rect(const sd_app *app, const char *what, size_t i, SDL_Rect *out)
{
    const sd_hit *h = &app->hit;
    SDL_Rect r = {0, 0, 0, 0};
    if (strcmp(what, "row") == 0)
        sd_feed_row_rect(app, i, &r); /* the inbox's rows or the platform view's cards */
    else if (strcmp(what, "tab") == 0 && i < SD_FILTER_COUNT)
        r = h->tabs[i];
    else if (strcmp(what, "order") == 0 && i == 0)
        r = h->order;
    else if (strcmp(what, "pinned") == 0 && i == 0)
        r = h->pinned;
    else if (strcmp(what, "editor") == 0 && i == 0)
        r = h->editor;
    else if (strcmp(what, "menu") == 0 && app->overlay != SD_OVERLAY_NONE && i < h->n_menu)
        r = h->menu[i];
    *out = r;
    return r.w > 0 && r.h > 0;
}
