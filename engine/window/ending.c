/* ending.c - the safe ending: the unsent text in the reply editor is given to the session
 * as the draft whenever it changes (sd_session_set_draft), so that however the exercise
 * ends it is logged and shown on the scorecard; the scorecard holds every key for
 * SD_ENDING_HOLD seconds after it appears (a visible "…"), then saves (J, C) only on a
 * deliberate key press: no modifier, no repeat, not part of a typing burst (no key within
 * SD_ENDING_BURST seconds before, no text input pending); leaving (Q, Esc, Ctrl+Q, closing
 * the window) asks "Stäng Stormdrill?" while the results are unsaved; Ctrl+Q or closing the
 * window during the exercise asks "Avsluta övningen?" before ending it. */
#include "app_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SD_ENDING_HOLD 1.5  /* real seconds the scorecard ignores input after it appears */
#define SD_ENDING_BURST 0.5 /* a key this soon after another is part of typing */

void sd_ending_free(sd_app *app)
{
    free(app->draft_text);
    app->draft_text = NULL;
}

const char *sd_app_asking(const sd_app *app)
{
    return app->ask == SD_ASK_END ? "end" : app->ask == SD_ASK_CLOSE ? "close" : NULL;
}

bool sd_app_scorecard_holding(const sd_app *app) { return app->scorecard && (!app->card_seen || app->card_hold > 0); }

void sd_ending_sync_draft(sd_app *app)
{
    if (app->s == NULL || app->replay || sd_session_finished(app->s))
        return;
    const char *text = sd_editor_text(app->ed);
    int64_t item = app->edit_mode == SD_EDIT_PUBLISH ? -1 : app->edit_item;
    if (item >= 0 && (size_t)item >= sd_model_n_items(app->model))
        item = -1;
    bool empty = text == NULL || text[0] == '\0';
    if (empty && app->draft_text == NULL)
        return;
    if (!empty && app->draft_text && item == app->draft_item && strcmp(text, app->draft_text) == 0)
        return;
    free(app->draft_text);
    app->draft_text = NULL;
    app->draft_item = -1;
    const char *id = item >= 0 ? sd_model_str(app->model, sd_model_item(app->model, (size_t)item)->id) : NULL;
    if (sd_session_set_draft(app->s, id, empty ? NULL : text) == SD_OK && !empty) {
        app->draft_text = strdup(text);
        app->draft_item = item;
    }
}

void sd_ending_frame(sd_app *app, double real_seconds)
{
    if (real_seconds > 0)
        app->real_time += real_seconds;
    if (app->scorecard && !app->card_seen) {
        app->card_seen = true;
        app->card_hold = SD_ENDING_HOLD;
        app->ask = SD_ASK_NONE; /* the exercise ended meanwhile: that question is moot */
    } else if (app->card_hold > 0 && real_seconds > 0) {
        app->card_hold -= real_seconds;
    }
}

/* Ends the exercise at the participant's word: the draft goes first. */
static sd_status end_now(sd_app *app, sd_error *err)
{
    sd_ending_sync_draft(app);
    sd_app_say(app, false, "%s", sd_app_t(app, "ui.end.ended_by_you"));
    return sd_session_finished(app->s) ? SD_OK : sd_session_end(app->s, "ended by participant", err);
}

/* Leaving: at once when the results are saved, else asked. */
static void leave(sd_app *app)
{
    if (app->results_saved)
        app->quit = true;
    else
        app->ask = SD_ASK_CLOSE;
}

static bool deliberate(const sd_app *app, const SDL_KeyboardEvent *k, double before)
{
    SDL_Event pending;
    bool text_pending = SDL_PeepEvents(&pending, 1, SDL_PEEKEVENT, SDL_TEXTINPUT, SDL_TEXTINPUT) > 0;
    bool mods = (k->keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI | KMOD_SHIFT)) != 0;
    bool burst = before >= 0 && app->real_time - before < SD_ENDING_BURST;
    return !mods && !k->repeat && !burst && !text_pending;
}

static sd_status answer(sd_app *app, const SDL_KeyboardEvent *k, double before, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    bool yes = c == SDLK_j || c == SDLK_y || c == SDLK_RETURN || c == SDLK_KP_ENTER;
    bool no = c == SDLK_n || c == SDLK_ESCAPE;
    if (yes && app->ask == SD_ASK_CLOSE && !deliberate(app, k, before))
        return SD_OK; /* closing without saving is not done by a key typed in passing */
    if (!yes && !no)
        return SD_OK;
    sd_ask a = (sd_ask)app->ask;
    app->ask = SD_ASK_NONE;
    if (yes && a == SD_ASK_END)
        return end_now(app, err);
    if (yes && a == SD_ASK_CLOSE)
        app->quit = true;
    return SD_OK;
}

sd_status sd_ending_key(sd_app *app, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    bool ctrl_q = c == SDLK_q && (k->keysym.mod & KMOD_CTRL);
    if (!app->scorecard) {
        if (ctrl_q && !sd_session_finished(app->s))
            app->ask = SD_ASK_END;
        else if (ctrl_q)
            leave(app);
        return SD_OK;
    }
    if (ctrl_q || c == SDLK_q || c == SDLK_ESCAPE) {
        leave(app);
        return SD_OK;
    }
    if (c != SDLK_j && c != SDLK_c)
        return SD_OK;
    if (!deliberate(app, k, app->key_before)) {
        sd_app_say(app, true, "%s", sd_app_t(app, "ui.end.burst"));
        return SD_OK;
    }
    sd_status st = sd_app_save(app, c == SDLK_c, err);
    if (st == SD_OK && c == SDLK_j && app->save_error[0] == '\0')
        app->results_saved = true;
    return st;
}

bool sd_ending_event(sd_app *app, const SDL_Event *ev, sd_status *st, sd_error *err)
{
    *st = SD_OK;
    if (app->replay)
        return false;
    if (ev->type == SDL_QUIT) {
        /* Closing the window: asked once; asked again (or a kill) closes. */
        if (app->ask != SD_ASK_NONE || app->s == NULL)
            app->quit = true;
        else if (!app->scorecard && !sd_session_finished(app->s))
            app->ask = SD_ASK_END;
        else
            leave(app);
        return true;
    }
    bool key = ev->type == SDL_KEYDOWN, text = ev->type == SDL_TEXTINPUT || ev->type == SDL_TEXTEDITING;
    if (!key && !text)
        return false;
    double before = app->last_key_time;
    if (key) {
        app->key_before = before;
        app->last_key_time = app->real_time;
    }
    if (app->scorecard && (!app->card_seen || app->card_hold > 0))
        return true; /* held: the keys still being typed do nothing */
    if (text && (app->ask != SD_ASK_NONE || app->briefing || app->scorecard))
        return true;
    if (key && app->ask != SD_ASK_NONE) {
        *st = answer(app, &ev->key, before, err);
        return true;
    }
    return false;
}

/* ---- drawing ---- */

void sd_ending_draw(sd_app *app, SDL_Rect win)
{
    const sd_theme *th = &app->theme;
    if (sd_app_scorecard_holding(app)) {
        const char *s = sd_app_t(app, "ui.end.hold");
        int w = sd_draw_chip_width(&app->draw, th->font_body, s);
        int lh = sd_text_line_height(app->text, th->font_body, false);
        SDL_Rect r = {win.x + win.w - w - 3 * th->pad, win.y + win.h - 3 * lh - th->pad, w + 2 * th->pad, lh + th->pad};
        if (r.x < win.x)
            r.x = win.x;
        sd_draw_panel(&app->draw, "hold", r, th->overlay_bg);
        sd_draw_chip(&app->draw, th->font_body, th->text, th->overlay_bg, r.x + th->pad / 2, r.y + th->pad / 4,
                     r.w - th->pad, s);
    }
    if (app->ask == SD_ASK_NONE)
        return;
    bool end = app->ask == SD_ASK_END;
    const char *keys[2] = {sd_app_t(app, "ui.end.yes_key"), sd_app_t(app, "ui.end.no_key")};
    const char *texts[2] = {sd_app_t(app, end ? "ui.end.yes_end" : "ui.end.yes_close"),
                            sd_app_t(app, end ? "ui.end.no_end" : "ui.end.no_close")};
    sd_overlay_menu(app, win, "ask", sd_app_t(app, end ? "ui.end.ask_end" : "ui.end.ask_close"), keys, texts, 2, 0);
}

void sd_ending_draw_draft(sd_app *app, SDL_Rect r, int *y)
{
    sd_res_draft dr;
    if (app->res == NULL || !sd_results_draft(app->res, &dr))
        return;
    const sd_theme *th = &app->theme;
    char head[400];
    const char *title = sd_app_t(app, "card.draft");
    if (dr.item >= 0 && (size_t)dr.item < sd_model_n_items(app->model)) {
        char who[200];
        sd_app_author(app, (size_t)dr.item, who, sizeof who);
        sd_buf b = SD_BUF_INIT;
        const char *names[] = {"name"};
        const char *values[] = {who};
        sd_texts_format(app->tx, "card.draft_to", &b, 1, names, values);
        snprintf(head, sizeof head, "%s · %s", title, sd_buf_str(&b));
        sd_buf_free(&b);
    } else
        snprintf(head, sizeof head, "%s · %s", title, sd_app_t(app, "card.draft_statement"));
    sd_draw_wrapped(app, th->font_body, true, th->warn, r, y, head, 1);
    sd_draw_wrapped(app, th->font_small, false, th->text, r, y, dr.text, 2);
}
