/* form.c - the small forms over the panels, both with a one-field text editor (editor.h):
 * the delete form (a free-text reason, Enter to confirm, Esc to cancel, with the preset
 * reasons as quick choices on 1-4 or a click) and the facilitator's live inject form (F9:
 * kind with Tab, author with Up/Down, the text; Enter injects it through the core;
 * Shift+F9 sends the scenario's next prepared inject). Nothing here decides what an inject
 * does: the session does (sd_session_inject). */
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_key[SD_INJ_COUNT] = {"ui.inject.comment", "ui.inject.dm", "ui.inject.internal",
                                                   "ui.inject.notice"};

/* ---- open / close ---- */

static void open_form(sd_app *app, sd_overlay o)
{
    sd_editor_clear(app->field);
    sd_editor_compose(app->field, "", 0);
    app->overlay = o;
    SDL_StartTextInput();
}

void sd_form_open_delete(sd_app *app) { open_form(app, SD_OVERLAY_DELETE); }

void sd_form_open_inject(sd_app *app)
{
    open_form(app, SD_OVERLAY_INJECT);
    app->inj_kind = SD_INJ_COMMENT;
    app->inj_author = 0;
}

void sd_form_close(sd_app *app)
{
    if (app->overlay != SD_OVERLAY_DELETE && app->overlay != SD_OVERLAY_INJECT)
        return;
    app->overlay = SD_OVERLAY_NONE;
    sd_editor_compose(app->field, "", 0);
    if (!app->editing)
        SDL_StopTextInput();
}

/* ---- the inject form's choices ---- */

/* How many authors the current kind offers: the personas, the senders, or none. */
static int n_authors(const sd_app *app)
{
    switch (app->inj_kind) {
    case SD_INJ_COMMENT:
    case SD_INJ_DM: return (int)app->sc->n_personas;
    case SD_INJ_INTERNAL: return SD_SENDER_COUNT;
    default: return 0;
    }
}

static void author_name(const sd_app *app, char *out, size_t n)
{
    int k = app->inj_author, na = n_authors(app);
    if (na == 0 || k < 0 || k >= na) {
        snprintf(out, n, "%s", sd_app_t(app, app->inj_kind == SD_INJ_NOTICE ? "ui.author.platform" : "ui.inject.nobody"));
    } else if (app->inj_kind == SD_INJ_INTERNAL) {
        char key[64];
        snprintf(key, sizeof key, "ui.sender.%s", sd_vocab_name(SD_VOCAB_SENDER, k));
        snprintf(out, n, "%s", sd_app_t(app, key));
    } else {
        const sd_persona *p = &app->sc->personas[k];
        snprintf(out, n, "%s%s%s", p->first ? p->first : p->id, p->last ? " " : "", p->last ? p->last : "");
    }
}

static void cycle_kind(sd_app *app, int step)
{
    app->inj_kind = (sd_inject_kind)((app->inj_kind + SD_INJ_COUNT + step) % SD_INJ_COUNT);
    app->inj_author = 0;
}

static void cycle_author(sd_app *app, int step)
{
    int na = n_authors(app);
    if (na > 0)
        app->inj_author = (app->inj_author + na + step) % na;
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

/* SD_ERR_INPUT from the session is shown and the exercise goes on; other errors stop it. */
static sd_status report(sd_app *app, sd_status st, sd_error *e, const char *done_key, sd_error *err)
{
    if (st == SD_ERR_INPUT) {
        sd_app_say(app, true, "%s: %s", sd_app_t(app, "ui.status.refused"), sd_error_msg(e));
        st = SD_OK;
    } else if (st == SD_OK)
        sd_app_say(app, false, "%s", sd_app_t(app, done_key));
    else
        sd_error_set(err, st, "%s", sd_error_msg(e));
    sd_error_clear(e);
    return st;
}

static sd_status inject(sd_app *app, sd_error *err)
{
    const char *text = sd_editor_text(app->field);
    if (!*text) {
        sd_app_say(app, true, "%s", sd_app_t(app, "ui.status.inject_empty"));
        return SD_OK;
    }
    static const sd_kind kinds[SD_INJ_COUNT] = {SD_KIND_COMMENT, SD_KIND_DM, SD_KIND_INTERNAL, SD_KIND_NOTICE};
    sd_inject inj = {.kind = kinds[app->inj_kind], .sender = -1, .text = text};
    int na = n_authors(app);
    if (app->inj_author >= 0 && app->inj_author < na) {
        if (app->inj_kind == SD_INJ_INTERNAL)
            inj.sender = app->inj_author;
        else
            inj.author = app->sc->personas[app->inj_author].id;
    }
    sd_error e = SD_ERROR_INIT;
    sd_status st = sd_session_inject(app->s, &inj, &e); /* copies the strings */
    if (st == SD_OK)
        sd_form_close(app);
    return report(app, st, &e, "ui.status.injected", err);
}

sd_status sd_form_inject_prepared(sd_app *app, sd_error *err)
{
    bool injected = false;
    sd_error e = SD_ERROR_INIT;
    sd_status st = sd_session_inject_prepared(app->s, &injected, &e);
    return report(app, st, &e, st == SD_OK && !injected ? "ui.status.no_prepared" : "ui.status.injected", err);
}

/* ---- keys and text ---- */

sd_status sd_form_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    if (c == SDLK_ESCAPE) {
        sd_form_close(app);
        return SD_OK;
    }
    if (c == SDLK_RETURN || c == SDLK_KP_ENTER)
        return app->overlay == SD_OVERLAY_DELETE ? delete_with_reason(app, err) : inject(app, err);
    if (app->overlay == SD_OVERLAY_DELETE) {
        /* the preset reasons are quick choices while nothing is typed */
        if (sd_editor_len(app->field) == 0 && c >= SDLK_1 && c < SDLK_1 + SD_DELETE_REASONS)
            return sd_app_choose(app, (int)(c - SDLK_1), err);
    } else {
        if (c == SDLK_TAB) {
            cycle_kind(app, shift ? -1 : 1);
            return SD_OK;
        }
        if (c == SDLK_UP || c == SDLK_DOWN) {
            cycle_author(app, c == SDLK_UP ? -1 : 1);
            return SD_OK;
        }
    }
    sd_app_edit_key(app->field, k);
    return SD_OK;
}

void sd_form_text(sd_app *app, const char *text)
{
    sd_editor_insert(app->field, text);
}

/* ---- drawing ---- */

static int measure(void *ctx, const char *text, size_t len)
{
    sd_app *app = ctx;
    return sd_text_width(app->text, app->theme.font_body, false, text, len);
}

/* The field: its text wrapped in box, the caret's line kept visible, the selection behind. */
static void draw_field(sd_app *app, SDL_Rect box)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int px = th->font_body, lh = sd_text_line_height(app->text, px, false);
    sd_draw_fill(d, box, th->panel);
    sd_draw_frame(d, box, th->accent);
    SDL_Rect in = {box.x + th->gap, box.y + th->gap / 2, box.w - 2 * th->gap, box.h - th->gap};
    if (in.w <= 4 || in.h < lh)
        return;
    const char *text = sd_editor_text(app->field);
    size_t tlen = sd_editor_len(app->field), caret = sd_editor_caret(app->field);
    size_t starts[64];
    size_t nl = sd_editor_layout(app->field, measure, app, in.w - 2, starts, 64);
    if (nl > 64)
        nl = 64;
    size_t caret_line = 0;
    for (size_t i = 0; i < nl; i++)
        if (starts[i] <= caret)
            caret_line = i;
    int fit = in.h / lh;
    size_t first = caret_line >= (size_t)fit ? caret_line - (size_t)fit + 1 : 0;
    size_t sa = 0, sb = 0;
    bool has_sel = sd_editor_selection(app->field, &sa, &sb);
    for (size_t i = first; i < nl && (int)(i - first) < fit; i++) {
        size_t a = starts[i], b = i + 1 < nl ? starts[i + 1] : tlen;
        while (b > a && text[b - 1] == '\n')
            b--;
        int y = in.y + (int)(i - first) * lh;
        if (has_sel) {
            size_t s0 = sa > a ? sa : a, s1 = sb < b ? sb : b;
            if (s0 < s1) {
                int x0 = measure(app, text + a, s0 - a), x1 = measure(app, text + a, s1 - a);
                if (x1 > in.w) x1 = in.w;
                sd_draw_fill(d, (SDL_Rect){in.x + x0, y, x1 - x0, lh}, th->selected);
            }
        }
        sd_draw_text(d, px, false, th->text, in.x, y, in.w, text + a, b - a);
        if (i == caret_line) {
            int cx = measure(app, text + a, caret - a);
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
    if (app->overlay == SD_OVERLAY_DELETE) {
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
        draw_field(app, (SDL_Rect){r.x, r.y + lhs + th->gap, r.w, field_h});
        return;
    }
    char kind[160], author[160];
    snprintf(kind, sizeof kind, "%s: %s", sd_app_t(app, "ui.inject.kind"), sd_app_t(app, kind_key[app->inj_kind]));
    char who[120];
    author_name(app, who, sizeof who);
    snprintf(author, sizeof author, "%s: %s", sd_app_t(app, "ui.inject.author"), who);
    keys[0] = "Tab";
    texts[0] = kind;
    keys[1] = "↑ ↓";
    texts[1] = author;
    keys[2] = "Enter / Esc";
    texts[2] = sd_app_t(app, "ui.inject.keys");
    int field_h = 3 * lh + th->gap;
    SDL_Rect r = sd_overlay_menu(app, win, "menu", sd_app_t(app, "ui.inject.title"), keys, texts, 3,
                                 lhs + th->gap + field_h);
    sd_draw_str(&app->draw, th->font_small, false, th->muted, r.x, r.y, r.w, sd_app_t(app, "ui.inject.text"));
    draw_field(app, (SDL_Rect){r.x, r.y + lhs + th->gap, r.w, field_h});
}

void sd_form_click_entry(sd_app *app, size_t entry)
{
    if (entry == 0)
        cycle_kind(app, 1);
    else if (entry == 1)
        cycle_author(app, 1);
}
