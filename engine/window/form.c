/* form.c - the small form over the participant's panels: the delete form (a free-text
 * reason in a one-field text editor (editor.h), Enter to confirm, Esc to cancel, with the
 * preset reasons as quick choices on 1-4 or a click), and the text field drawing that the
 * facilitator's window (facilitator.c, where the live inject form lives) shares. */
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- open / close ---- */

static void open_form(sd_app *app, sd_overlay o)
{
    sd_editor_clear(app->field);
    sd_editor_compose(app->field, "", 0);
    app->overlay = o;
    SDL_StartTextInput();
}

void sd_form_open_delete(sd_app *app) { open_form(app, SD_OVERLAY_DELETE); }

void sd_form_close(sd_app *app)
{
    if (app->overlay != SD_OVERLAY_DELETE)
        return;
    app->overlay = SD_OVERLAY_NONE;
    sd_editor_compose(app->field, "", 0);
    if (!app->editing && !sd_facil_typing(app)) /* the facilitator may be typing */
        SDL_StopTextInput();
}

/* ---- actions ---- */

static sd_status delete_with_reason(sd_app *app, sd_error *err)
{
    const char *reason = sd_editor_text(app->field);
    if (!*reason) {
        sd_app_say(app, true, "%s", sd_app_t(app, "ui.status.reason_empty"));
        return SD_OK;
    }
    /* the reason is borrowed for the call: close the form after the action */
    sd_status st = sd_app_act_on_selected(app, SD_ACT_DELETE, reason, "ui.status.deleted", err);
    sd_form_close(app);
    return st;
}

/* ---- keys and text ---- */

sd_status sd_form_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    if (c == SDLK_ESCAPE) {
        sd_form_close(app);
        return SD_OK;
    }
    if (c == SDLK_RETURN || c == SDLK_KP_ENTER)
        return delete_with_reason(app, err);
    /* the preset reasons are quick choices while nothing is typed */
    if (sd_editor_len(app->field) == 0 && c >= SDLK_1 && c < SDLK_1 + SD_DELETE_REASONS)
        return sd_app_choose(app, (int)(c - SDLK_1), err);
    sd_app_edit_key(app->field, k);
    return SD_OK;
}

void sd_form_text(sd_app *app, const char *text)
{
    sd_editor_insert(app->field, text);
}

/* ---- drawing ---- */

typedef struct measure_ctx {
    sd_text *text;
    int px;
} measure_ctx;

static int measure(void *ctx, const char *text, size_t len)
{
    const measure_ctx *m = ctx;
    return sd_text_width(m->text, m->px, false, text, len);
}

void sd_form_draw_field(sd_draw *d, sd_editor *ed, SDL_Rect box, bool focused)
{
    const sd_theme *th = d->th;
    int px = th->font_body, lh = sd_text_line_height(d->text, px, false);
    measure_ctx mc = {d->text, px};
    sd_draw_fill(d, box, th->panel);
    sd_draw_frame(d, box, focused ? th->accent : th->border);
    SDL_Rect in = {box.x + th->gap, box.y + th->gap / 2, box.w - 2 * th->gap, box.h - th->gap};
    if (in.w <= 4 || in.h < lh)
        return;
    const char *text = sd_editor_text(ed);
    size_t tlen = sd_editor_len(ed), caret = sd_editor_caret(ed);
    size_t starts[64];
    size_t nl = sd_editor_layout(ed, measure, &mc, in.w - 2, starts, 64);
    if (nl > 64)
        nl = 64;
    size_t caret_line = 0;
    for (size_t i = 0; i < nl; i++)
        if (starts[i] <= caret)
            caret_line = i;
    int fit = in.h / lh;
    size_t first = caret_line >= (size_t)fit ? caret_line - (size_t)fit + 1 : 0;
    size_t sa = 0, sb = 0;
    bool has_sel = sd_editor_selection(ed, &sa, &sb);
    for (size_t i = first; i < nl && (int)(i - first) < fit; i++) {
        size_t a = starts[i], b = i + 1 < nl ? starts[i + 1] : tlen;
        while (b > a && text[b - 1] == '\n')
            b--;
        int y = in.y + (int)(i - first) * lh;
        if (has_sel) {
            size_t s0 = sa > a ? sa : a, s1 = sb < b ? sb : b;
            if (s0 < s1) {
                int x0 = measure(&mc, text + a, s0 - a), x1 = measure(&mc, text + a, s1 - a);
                if (x1 > in.w) x1 = in.w;
                sd_draw_fill(d, (SDL_Rect){in.x + x0, y, x1 - x0, lh}, th->selected);
            }
        }
        sd_draw_text(d, px, false, th->text, in.x, y, in.w, text + a, b - a);
        if (i == caret_line && focused) {
            int cx = measure(&mc, text + a, caret - a);
            if (cx > in.w - 2)
                cx = in.w - 2;
            sd_draw_fill(d, (SDL_Rect){in.x + cx, y, 2, lh}, th->text);
        }
    }
}

void sd_form_draw(sd_app *app, SDL_Rect win)
{
    const sd_theme *th = &app->theme;
    int lhs = sd_text_line_height(app->text, th->font_small, false);
    int lh = sd_text_line_height(app->text, th->font_body, false);
    const char *keys[SD_DELETE_REASONS + 1], *texts[SD_DELETE_REASONS + 1];
    char kbuf[SD_DELETE_REASONS][8], tbuf[SD_DELETE_REASONS][32];
    if (app->overlay == SD_OVERLAY_DELETE) { /* the only form over the panels */
        for (int i = 0; i < SD_DELETE_REASONS; i++) {
            snprintf(kbuf[i], sizeof kbuf[i], "%d", i + 1);
            snprintf(tbuf[i], sizeof tbuf[i], "ui.reason.%d", i + 1);
            keys[i] = kbuf[i];
            texts[i] = sd_app_t(app, tbuf[i]);
        }
        int field_h = lh + th->gap;
        SDL_Rect r = sd_overlay_menu(app, win, "menu", sd_app_t(app, "ui.menu.delete"), keys, texts,
                                     SD_DELETE_REASONS, lhs + th->gap + field_h);
        sd_draw_str(&app->draw, th->font_small, false, th->muted, r.x, r.y, r.w, sd_app_t(app, "ui.delete.own"));
        sd_form_draw_field(&app->draw, app->field, (SDL_Rect){r.x, r.y + lhs + th->gap, r.w, field_h}, true);
    }
}
