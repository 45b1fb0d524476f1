/* facilitator.c - the facilitator's window: a second SDL window (its own renderer, text
 * cache, theme and drawing context) that the participant's window never shows. It holds
 * the clock (simulated time, how far the exercise has come, running or paused, the speed),
 * the controls (pause and resume, three speeds, end with a confirmation, the next prepared
 * inject), the scenario's prepared injects (which are used, which comes next) and the live
 * inject form: kind, author (a persona, or the sender of an internal message), mood (the
 * persona's own or one chosen), target (the post a comment is on, the comment a reply is
 * under) and the text. While the form is open the clock is held: paused through the
 * session (a facilitator pause record in the log) and resumed when the inject is sent or
 * cancelled, unless it was paused before. Nothing here decides what an inject does: the
 * session does (sd_session_inject).
 *
 * Events reach it by windowID (sd_facil_owns_event); after it is closed, events still
 * queued for its window are dropped, never given to the participant's window. Closing it
 * does not end the exercise. Ownership: the sd_facil belongs to the app (app->facil, made
 * at the first opening and freed by sd_app_destroy through sd_facil_close(.., true)). */
#include "app_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum fkind { FK_COMMENT, FK_REPLY, FK_DM, FK_INTERNAL, FK_NOTICE, FK_COUNT } fkind;
static const sd_kind core_kind[FK_COUNT] = {SD_KIND_COMMENT, SD_KIND_REPLY, SD_KIND_DM,
                                            SD_KIND_INTERNAL, SD_KIND_NOTICE};

typedef enum ffield { FF_KIND, FF_AUTHOR, FF_MOOD, FF_TARGET, FF_TEXT, FF_COUNT } ffield;

/* The controls, as keys and as lines a click takes. */
typedef enum fctrl {
    FC_PAUSE, FC_SPEED1, FC_SPEED2, FC_SPEED3, FC_INJECT, FC_PREPARED, FC_END, FC_CLOSE,
    FC_COUNT
} fctrl;

#define MAX_TARGETS 200

typedef struct sd_facil {
    SDL_Window *win;       /* NULL while closed */
    SDL_Renderer *ren;
    sd_text *text;
    sd_theme theme;
    sd_draw draw;
    uint32_t id;           /* the window's id (also after closing: its queued events) */
    bool debug;
    /* the live inject form */
    bool typing;
    bool paused_before;    /* the clock was paused when the form opened: it stays paused */
    sd_editor *field;
    ffield focus;
    fkind kind;
    int author;            /* persona index (comment, reply, dm) or sd_sender (internal) */
    int mood;              /* sd_mood, or -1: the persona's own */
    int64_t target;        /* item index, or -1: the newest that fits */
    uint32_t targets[MAX_TARGETS]; /* what the kind can be on, newest first */
    size_t n_targets;
    bool confirm_end;
    char swallow_text;     /* the letter that opened the form (I): its SDL_TEXTINPUT is dropped */
    char status[1024];
    bool status_bad;
    SDL_Rect hit_field[FF_COUNT];
    SDL_Rect hit_ctrl[FC_COUNT];
} sd_facil;

static void say(sd_facil *f, bool bad, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void say(sd_facil *f, bool bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->status, sizeof f->status, fmt, ap);
    va_end(ap);
    f->status_bad = bad;
}

static bool authored(fkind k) { return k == FK_COMMENT || k == FK_REPLY || k == FK_DM; }
static bool has_target(fkind k) { return k == FK_COMMENT || k == FK_REPLY; }

static const char *kind_name(const sd_app *app, fkind k)
{
    char key[48];
    snprintf(key, sizeof key, "ui.kind.%s", sd_vocab_name(SD_VOCAB_KIND, core_kind[k]));
    return sd_app_t(app, key);
}

static const char *mood_name(const sd_app *app, int m)
{
    char key[48];
    snprintf(key, sizeof key, "ui.mood.%s", sd_vocab_name(SD_VOCAB_MOOD, m));
    return sd_app_t(app, key);
}

static const char *sender_name(const sd_app *app, int s)
{
    char key[64];
    snprintf(key, sizeof key, "ui.sender.%s", sd_vocab_name(SD_VOCAB_SENDER, s));
    return sd_app_t(app, key);
}

static void persona_name(const sd_persona *p, char *out, size_t n)
{
    snprintf(out, n, "%s%s%s", p->first ? p->first : p->id, p->first && p->last ? " " : "",
             p->first && p->last ? p->last : "");
}

/* ---- the form's choices ---- */

static int n_authors(const sd_app *app, fkind k)
{
    if (authored(k))
        return (int)app->sc->n_personas;
    return k == FK_INTERNAL ? SD_SENDER_COUNT : 0;
}

/* The items the kind can be on, newest first: posts for a comment, comments and replies
 * for a reply (not deleted). Rebuilt each time it is needed (at most MAX_TARGETS, from
 * the newest: a storm's thousands of comments cost nothing here). */
static void build_targets(sd_app *app, sd_facil *f)
{
    f->n_targets = 0;
    if (!has_target(f->kind))
        return;
    size_t n = sd_model_n_items(app->model);
    for (size_t i = n; i-- > 0 && f->n_targets < MAX_TARGETS;) {
        const sd_mitem *it = sd_model_item(app->model, i);
        bool fits = f->kind == FK_COMMENT ? it->kind == SD_KIND_POST
                                          : it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY;
        if (fits && !it->deleted)
            f->targets[f->n_targets++] = (uint32_t)i;
    }
}

static size_t target_pos(const sd_facil *f)
{
    for (size_t i = 0; i < f->n_targets; i++)
        if ((int64_t)f->targets[i] == f->target)
            return i;
    return 0;
}

/* The fields Tab visits for the kind. */
static bool field_used(const sd_facil *f, ffield x)
{
    switch (x) {
    case FF_AUTHOR: return f->kind != FK_NOTICE;
    case FF_MOOD: return authored(f->kind);
    case FF_TARGET: return has_target(f->kind);
    default: return true;
    }
}

static void cycle(sd_app *app, sd_facil *f, ffield x, int step)
{
    switch (x) {
    case FF_KIND:
        f->kind = (fkind)((f->kind + FK_COUNT + step) % FK_COUNT);
        f->author = 0;
        f->mood = -1;
        f->target = -1;
        break;
    case FF_AUTHOR: {
        int na = n_authors(app, f->kind);
        if (na > 0)
            f->author = (f->author + na + step) % na;
        break;
    }
    case FF_MOOD: /* -1 (the persona's), then every mood */
        if (authored(f->kind))
            f->mood = (f->mood + 1 + (SD_MOOD_COUNT + 1) + step) % (SD_MOOD_COUNT + 1) - 1;
        break;
    case FF_TARGET:
        build_targets(app, f);
        if (f->n_targets > 0) {
            size_t p = (target_pos(f) + f->n_targets + (size_t)(step < 0 ? f->n_targets - 1 : 1)) % f->n_targets;
            f->target = f->targets[p];
        }
        break;
    default: break;
    }
}

/* ---- the form: open, close, send ---- */

static void text_input_on(void)
{
    if (!SDL_IsTextInputActive())
        SDL_StartTextInput();
}

/* Leaves text input on when the participant is typing in their window. */
static void text_input_release(const sd_app *app)
{
    if (!app->editing && app->overlay != SD_OVERLAY_DELETE)
        SDL_StopTextInput();
}

static void form_open(sd_app *app, sd_facil *f)
{
    if (f->typing)
        return;
    if (sd_session_finished(app->s)) {
        say(f, true, "%s", sd_app_t(app, "ui.fac.ended"));
        return;
    }
    f->confirm_end = false;
    f->typing = true;
    f->paused_before = sd_session_paused(app->s);
    sd_session_pause(app->s, true); /* the clock stands while the inject is typed (logged) */
    sd_editor_clear(f->field);
    sd_editor_compose(f->field, "", 0);
    f->focus = FF_KIND;
    f->kind = FK_COMMENT;
    f->author = 0;
    f->mood = -1;
    f->target = -1;
    text_input_on();
    say(f, false, "%s", sd_app_t(app, "ui.fac.typing"));
}

/* sent: the inject went in (else it was cancelled). */
static void form_close(sd_app *app, sd_facil *f, bool sent)
{
    if (!f->typing)
        return;
    f->typing = false;
    sd_editor_compose(f->field, "", 0);
    if (!f->paused_before && !sd_session_finished(app->s))
        sd_session_pause(app->s, false);
    text_input_release(app);
    if (!sent)
        say(f, false, "%s", sd_app_t(app, "ui.fac.cancelled"));
}

static void describe_author(const sd_app *app, const sd_facil *f, char *out, size_t n)
{
    int na = n_authors(app, f->kind);
    if (f->kind == FK_NOTICE)
        snprintf(out, n, "%s", sd_app_t(app, "ui.author.platform"));
    else if (na == 0 || f->author < 0 || f->author >= na)
        snprintf(out, n, "%s", sd_app_t(app, "ui.fac.nobody"));
    else if (f->kind == FK_INTERNAL)
        snprintf(out, n, "%s", sender_name(app, f->author));
    else
        persona_name(&app->sc->personas[f->author], out, n);
}

static sd_status form_send(sd_app *app, sd_facil *f, sd_error *err)
{
    const char *text = sd_editor_text(f->field);
    if (!*text) {
        say(f, true, "%s", sd_app_t(app, "ui.status.inject_empty"));
        return SD_OK;
    }
    sd_inject inj;
    sd_inject_init(&inj, core_kind[f->kind]);
    inj.text = text;
    int na = n_authors(app, f->kind);
    if (f->kind != FK_NOTICE && (na == 0 || f->author < 0 || f->author >= na)) {
        say(f, true, "%s", sd_app_t(app, "ui.fac.nobody"));
        return SD_OK;
    }
    if (f->kind == FK_INTERNAL)
        inj.sender = f->author;
    else if (authored(f->kind)) {
        inj.author = app->sc->personas[f->author].id;
        inj.mood = f->mood;
    }
    if (has_target(f->kind)) {
        build_targets(app, f);
        if (f->target >= 0 && (size_t)f->target < sd_model_n_items(app->model))
            inj.on = sd_model_str(app->model, sd_model_item(app->model, (size_t)f->target)->id);
        else if (f->n_targets > 0)
            inj.on = sd_model_str(app->model, sd_model_item(app->model, f->targets[0])->id);
        else {
            say(f, true, "%s", sd_app_t(app, f->kind == FK_REPLY ? "ui.fac.no_comment" : "ui.fac.no_post"));
            return SD_OK;
        }
    }
    char who[160];
    describe_author(app, f, who, sizeof who);
    sd_error e = SD_ERROR_INIT;
    sd_status st = sd_session_inject(app->s, &inj, &e); /* copies the strings */
    if (st == SD_ERR_INPUT) {
        say(f, true, "%s: %s", sd_app_t(app, "ui.fac.refused"), sd_error_msg(&e));
        st = SD_OK;
    } else if (st == SD_OK) {
        form_close(app, f, true);
        say(f, false, "%s: %s, %s", sd_app_t(app, "ui.status.injected"), kind_name(app, f->kind), who);
    } else
        sd_error_set(err, st, "%s", sd_error_msg(&e));
    sd_error_clear(&e);
    return st;
}

/* ---- the controls ---- */

static sd_status control(sd_app *app, sd_facil *f, fctrl c, sd_error *err)
{
    if (c == FC_CLOSE) {
        sd_facil_close(app);
        return SD_OK;
    }
    if (sd_session_finished(app->s)) {
        say(f, false, "%s", sd_app_t(app, "ui.fac.ended"));
        return SD_OK;
    }
    double base = app->sc->compression > 0 ? app->sc->compression : 1;
    double speeds[3] = {1, base, base * 4};
    switch (c) {
    case FC_PAUSE: {
        bool p = !sd_session_paused(app->s);
        sd_session_pause(app->s, p);
        say(f, false, "%s", sd_app_t(app, p ? "ui.status.paused" : "ui.status.resumed"));
        return SD_OK;
    }
    case FC_SPEED1: case FC_SPEED2: case FC_SPEED3:
        sd_session_set_compression(app->s, speeds[c - FC_SPEED1]);
        sd_session_pause(app->s, false);
        say(f, false, "%s x%g", sd_app_t(app, "ui.status.speed"), speeds[c - FC_SPEED1]);
        return SD_OK;
    case FC_INJECT:
        form_open(app, f);
        return SD_OK;
    case FC_PREPARED: {
        bool injected = false;
        sd_error e = SD_ERROR_INIT;
        sd_status st = sd_session_inject_prepared(app->s, &injected, &e);
        if (st == SD_ERR_INPUT) {
            say(f, true, "%s: %s", sd_app_t(app, "ui.fac.refused"), sd_error_msg(&e));
            st = SD_OK;
        } else if (st == SD_OK)
            say(f, false, "%s", sd_app_t(app, injected ? "ui.status.injected" : "ui.status.no_prepared"));
        else
            sd_error_set(err, st, "%s", sd_error_msg(&e));
        sd_error_clear(&e);
        return st;
    }
    case FC_END:
        f->confirm_end = true;
        say(f, false, "%s", sd_app_t(app, "ui.fac.end_confirm"));
        return SD_OK;
    default:
        return SD_OK;
    }
}

/* ---- keys, text, mouse ---- */

static bool ctrl_key(const SDL_KeyboardEvent *k) { return (k->keysym.mod & KMOD_CTRL) != 0; }

static sd_status form_key(sd_app *app, sd_facil *f, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    if (c == SDLK_ESCAPE) {
        form_close(app, f, false);
        return SD_OK;
    }
    if (c == SDLK_RETURN || c == SDLK_KP_ENTER) {
        if (shift && f->focus == FF_TEXT) {
            sd_editor_key(f->field, SD_KEY_ENTER, 0);
            return SD_OK;
        }
        return form_send(app, f, err);
    }
    if (c == SDLK_F5) { /* after the inject: the clock stays paused, or runs again */
        f->paused_before = !f->paused_before;
        say(f, false, "%s", sd_app_t(app, f->paused_before ? "ui.fac.keep_paused" : "ui.fac.will_resume"));
        return SD_OK;
    }
    if (c == SDLK_TAB) {
        int step = shift ? -1 : 1;
        ffield x = f->focus;
        do
            x = (ffield)((x + FF_COUNT + step) % FF_COUNT);
        while (!field_used(f, x));
        f->focus = x;
        return SD_OK;
    }
    if (f->focus != FF_TEXT) {
        if (c == SDLK_LEFT || c == SDLK_UP)
            cycle(app, f, f->focus, -1);
        else if (c == SDLK_RIGHT || c == SDLK_DOWN)
            cycle(app, f, f->focus, 1);
        return SD_OK;
    }
    sd_app_edit_key(f->field, k);
    return SD_OK;
}

static sd_status facil_key(sd_app *app, sd_facil *f, const SDL_KeyboardEvent *k, sd_error *err)
{
    SDL_Keycode c = k->keysym.sym;
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    if (ctrl_key(k) && c == SDLK_w)
        return control(app, f, FC_CLOSE, err);
    if (ctrl_key(k) && (c == SDLK_PLUS || c == SDLK_EQUALS || c == SDLK_KP_PLUS || c == SDLK_MINUS ||
                        c == SDLK_KP_MINUS || c == SDLK_0)) {
        double density = f->theme.density;
        if (c == SDLK_0)
            sd_theme_init(&f->theme, 1.0);
        else
            sd_theme_step_scale(&f->theme, c == SDLK_MINUS || c == SDLK_KP_MINUS ? -1 : 1);
        sd_theme_set_density(&f->theme, density);
        return SD_OK;
    }
    if (f->typing)
        return form_key(app, f, k, err);
    if (f->confirm_end) {
        f->confirm_end = false;
        if (c == SDLK_j || c == SDLK_y || c == SDLK_RETURN || c == SDLK_KP_ENTER || c == SDLK_F10) {
            if (sd_session_finished(app->s))
                return SD_OK;
            say(f, false, "%s", sd_app_t(app, "ui.fac.ended_now"));
            return sd_session_end(app->s, "ended by facilitator", err);
        }
        say(f, false, "%s", sd_app_t(app, "ui.fac.goes_on"));
        return SD_OK;
    }
    switch (c) {
    case SDLK_F5: case SDLK_SPACE: return control(app, f, FC_PAUSE, err);
    case SDLK_F6: case SDLK_1: return control(app, f, FC_SPEED1, err);
    case SDLK_F7: case SDLK_2: return control(app, f, FC_SPEED2, err);
    case SDLK_F8: case SDLK_3: return control(app, f, FC_SPEED3, err);
    case SDLK_F9: return control(app, f, shift ? FC_PREPARED : FC_INJECT, err);
    case SDLK_i:
        f->swallow_text = 'i'; /* the text input of the I that opens the form is no text */
        return control(app, f, FC_INJECT, err);
    case SDLK_p: return control(app, f, FC_PREPARED, err);
    case SDLK_F10: case SDLK_e: return control(app, f, FC_END, err);
    default: return SD_OK;
    }
}

static bool inside(SDL_Rect r, int x, int y)
{
    return r.w > 0 && r.h > 0 && x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static sd_status facil_click(sd_app *app, sd_facil *f, int x, int y, sd_error *err)
{
    int ww = 0, wh = 0, ow = 0, oh = 0;
    SDL_GetWindowSize(f->win, &ww, &wh);
    SDL_GetRendererOutputSize(f->ren, &ow, &oh);
    sd_app_points_to_pixels(ww, wh, ow, oh, &x, &y);
    if (f->typing)
        for (int i = 0; i < FF_COUNT; i++)
            if (inside(f->hit_field[i], x, y) && field_used(f, (ffield)i)) {
                if (f->focus == (ffield)i && i != FF_TEXT)
                    cycle(app, f, (ffield)i, 1);
                f->focus = (ffield)i;
                return SD_OK;
            }
    for (int i = 0; i < FC_COUNT; i++)
        if (inside(f->hit_ctrl[i], x, y))
            return f->typing && i != FC_CLOSE ? SD_OK : control(app, f, (fctrl)i, err);
    return SD_OK;
}

bool sd_facil_owns_event(const sd_app *app, const SDL_Event *ev)
{
    if (app->facil == NULL || app->facil->id == 0)
        return false;
    uint32_t id = app->facil->id, w;
    switch (ev->type) {
    case SDL_KEYDOWN: case SDL_KEYUP: w = ev->key.windowID; break;
    case SDL_TEXTINPUT: w = ev->text.windowID; break;
    case SDL_TEXTEDITING: w = ev->edit.windowID; break;
    case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: w = ev->button.windowID; break;
    case SDL_MOUSEMOTION: w = ev->motion.windowID; break;
    case SDL_MOUSEWHEEL: w = ev->wheel.windowID; break;
    case SDL_WINDOWEVENT: w = ev->window.windowID; break;
    default: return false;
    }
    return w == id;
}

sd_status sd_facil_event(sd_app *app, const SDL_Event *ev, sd_error *err)
{
    sd_facil *f = app->facil;
    if (f == NULL || f->win == NULL)
        return SD_OK; /* queued for the window that was closed: dropped */
    switch (ev->type) {
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_CLOSE)
            sd_facil_close(app);
        return SD_OK;
    case SDL_KEYDOWN:
        f->swallow_text = 0;
        return facil_key(app, f, &ev->key, err);
    case SDL_TEXTINPUT:
        if (f->swallow_text && (ev->text.text[0] | 0x20) == f->swallow_text && ev->text.text[1] == '\0') {
            f->swallow_text = 0;
            return SD_OK;
        }
        f->swallow_text = 0;
        if (f->typing) {
            f->focus = FF_TEXT; /* typing goes to the text, whichever line was chosen */
            sd_editor_insert(f->field, ev->text.text);
        }
        return SD_OK;
    case SDL_TEXTEDITING:
        if (f->typing)
            sd_editor_compose(f->field, ev->edit.text, ev->edit.start);
        return SD_OK;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button == SDL_BUTTON_LEFT)
            return facil_click(app, f, ev->button.x, ev->button.y, err);
        return SD_OK;
    default:
        return SD_OK;
    }
}

/* ---- open / close ---- */

sd_status sd_facil_open(sd_app *app, bool with_inject, sd_error *err)
{
    sd_facil *f = app->facil;
    if (f == NULL) {
        f = calloc(1, sizeof *f);
        if (f == NULL)
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        sd_status st = sd_editor_create(&f->field, err);
        if (st != SD_OK) {
            free(f);
            return st;
        }
        f->debug = app->draw.debug;
        f->target = -1;
        f->mood = -1;
        app->facil = f;
    }
    if (f->win == NULL) {
        Uint32 hidden = SDL_GetWindowFlags(app->win) & SDL_WINDOW_HIDDEN;
        char title[256];
        snprintf(title, sizeof title, "%s - %s", sd_app_t(app, "ui.fac.window_title"),
                 app->sc->title ? app->sc->title : app->sc->id);
        f->win = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1000, 680,
                                  SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                                      (hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN));
        if (f->win)
            f->ren = SDL_CreateRenderer(f->win, -1, 0);
        char fonts[1100];
        snprintf(fonts, sizeof fonts, "%s/fonts", sd_assets_dir());
        sd_status st = SD_OK;
        if (!f->win || !f->ren)
            st = sd_error_set(err, SD_ERR_IO, "SDL: the facilitator's window: %s", SDL_GetError());
        else
            st = sd_text_create(f->ren, fonts, 16u << 20, &f->text, err);
        if (st != SD_OK) {
            if (f->ren)
                SDL_DestroyRenderer(f->ren);
            if (f->win)
                SDL_DestroyWindow(f->win);
            f->ren = NULL;
            f->win = NULL;
            return st;
        }
        f->id = SDL_GetWindowID(f->win);
        sd_theme_init(&f->theme, app->theme.scale);
        f->draw = (sd_draw){.r = f->ren, .text = f->text, .th = &f->theme, .debug = f->debug};
        say(f, false, "%s", sd_app_t(app, "ui.fac.hint"));
    } else
        SDL_RaiseWindow(f->win);
    if (with_inject)
        form_open(app, f);
    return SD_OK;
}

static void destroy_window(sd_facil *f)
{
    sd_draw_free_debug(&f->draw);
    memset(&f->draw, 0, sizeof f->draw);
    sd_text_free(f->text);
    f->text = NULL;
    if (f->ren)
        SDL_DestroyRenderer(f->ren);
    if (f->win)
        SDL_DestroyWindow(f->win);
    f->ren = NULL;
    f->win = NULL; /* f->id stays: its queued events are dropped */
}

void sd_facil_close(sd_app *app)
{
    sd_facil *f = app->facil;
    if (f == NULL || f->win == NULL)
        return;
    form_close(app, f, false);
    f->confirm_end = false;
    destroy_window(f);
}

void sd_facil_free(sd_app *app)
{
    sd_facil *f = app->facil;
    if (f == NULL)
        return;
    f->typing = false; /* the exercise is ending: no resume record */
    destroy_window(f);
    sd_editor_free(f->field);
    free(f);
    app->facil = NULL;
}

bool sd_facil_typing(const sd_app *app) { return app->facil && app->facil->typing; }

/* ---- the frame ---- */

void sd_facil_hold(sd_app *app)
{
    sd_facil *f = app->facil;
    if (f == NULL || !f->typing)
        return;
    if (sd_session_finished(app->s)) {
        form_close(app, f, false);
        return;
    }
    if (!sd_session_paused(app->s))
        sd_session_pause(app->s, true); /* someone resumed it: the inject is still typed */
    if (f->win && (SDL_GetWindowFlags(f->win) & SDL_WINDOW_INPUT_FOCUS))
        text_input_on(); /* the participant's window may have stopped it */
}

/* A line "key  text" in r at *y; its rectangle for clicks in *hit. */
static void key_line(sd_facil *f, SDL_Rect r, int *y, int kw, const char *key, const char *text,
                     SDL_Rect *hit)
{
    const sd_theme *th = &f->theme;
    int lh = sd_text_line_height(f->text, th->font_body, false);
    if (*y + lh > r.y + r.h) {
        if (hit)
            *hit = (SDL_Rect){0, 0, 0, 0};
        return;
    }
    sd_draw_str(&f->draw, th->font_body, true, th->text, r.x, *y, kw, key);
    sd_draw_str(&f->draw, th->font_body, false, th->text, r.x + kw + th->pad, *y, r.w - kw - th->pad, text);
    if (hit)
        *hit = (SDL_Rect){r.x, *y, r.w, lh};
    *y += lh;
}

static SDL_Rect inner(const sd_theme *th, SDL_Rect r)
{
    return (SDL_Rect){r.x + th->pad, r.y + th->pad / 2, r.w - 2 * th->pad, r.h - th->pad};
}

static void draw_clock(sd_app *app, sd_facil *f, SDL_Rect r)
{
    sd_draw *d = &f->draw;
    const sd_theme *th = &f->theme;
    sd_draw_panel(d, "fac.clock", r, th->panel);
    SDL_Rect in = inner(th, r);
    int lh = sd_text_line_height(f->text, th->font_body, false);
    int lt = sd_text_line_height(f->text, th->font_title, true);
    int y = in.y;
    sd_time now = sd_session_now(app->s);
    char t[20], line[256];
    sd_time_format(now, t);
    snprintf(line, sizeof line, "%s %.5s", sd_app_t(app, "ui.fac.clock"), t + 11);
    if (y + lt <= in.y + in.h)
        sd_draw_str(d, th->font_title, true, th->text, in.x, y, in.w, line);
    y += lt;
    long done = (long)((now - app->sc->start) / 60), total = (long)(app->sc->duration / 60);
    snprintf(line, sizeof line, "%ld %s %ld min", done < 0 ? 0 : done, sd_app_t(app, "ui.fac.of"), total);
    if (y + lh <= in.y + in.h)
        sd_draw_str(d, th->font_body, false, th->text, in.x, y, in.w, line);
    y += lh;
    const char *state = sd_session_finished(app->s) ? "ui.fac.ended"
                        : f->typing                 ? "ui.fac.held"
                        : sd_session_paused(app->s) ? "ui.fac.paused"
                                                    : "ui.fac.running";
    snprintf(line, sizeof line, "%s · %s x%g", sd_app_t(app, state), sd_app_t(app, "ui.status.speed"),
             sd_session_compression(app->s));
    bool warn = sd_session_paused(app->s) || sd_session_finished(app->s);
    if (y + lh <= in.y + in.h)
        sd_draw_str(d, th->font_body, true, warn ? th->bad : th->ok, in.x, y, in.w, line);
}

static void draw_controls(sd_app *app, sd_facil *f, SDL_Rect r)
{
    sd_draw *d = &f->draw;
    const sd_theme *th = &f->theme;
    sd_draw_panel(d, "fac.controls", r, th->panel_alt);
    SDL_Rect in = inner(th, r);
    int lt = sd_text_line_height(f->text, th->font_body, true);
    int y = in.y;
    if (y + lt <= in.y + in.h)
        sd_draw_str(d, th->font_body, true, th->accent, in.x, y, in.w, sd_app_t(app, "ui.fac.controls"));
    y += lt + th->gap;
    static const char *const keys[FC_COUNT] = {"F5, Space", "F6, 1", "F7, 2", "F8, 3",
                                               "F9, I", "Shift+F9, P", "F10, E", "Ctrl+W"};
    static const char *const texts[FC_COUNT] = {
        "ui.fac.key.pause", "ui.fac.key.speed1", "ui.fac.key.speed2", "ui.fac.key.speed3",
        "ui.fac.key.inject", "ui.fac.key.prepared", "ui.fac.key.end", "ui.fac.key.close"};
    int kw = 0;
    for (int i = 0; i < FC_COUNT; i++) {
        int w = sd_text_width(f->text, th->font_body, true, keys[i], strlen(keys[i]));
        kw = w > kw ? w : kw;
    }
    if (kw > in.w / 2)
        kw = in.w / 2;
    for (int i = 0; i < FC_COUNT; i++)
        key_line(f, in, &y, kw, keys[i], sd_app_t(app, texts[i]), &f->hit_ctrl[i]);
}

static void draw_prepared(sd_app *app, sd_facil *f, SDL_Rect r)
{
    sd_draw *d = &f->draw;
    const sd_theme *th = &f->theme;
    sd_draw_panel(d, "fac.prepared", r, th->panel);
    SDL_Rect in = inner(th, r);
    int lh = sd_text_line_height(f->text, th->font_body, false);
    int lt = sd_text_line_height(f->text, th->font_body, true);
    const sd_scenario *sc = app->sc;
    size_t used = sd_session_prepared_used(app->s);
    char line[600];
    snprintf(line, sizeof line, "%s (%zu %s)", sd_app_t(app, "ui.fac.prepared"),
             sc->n_prepared - (used < sc->n_prepared ? used : sc->n_prepared), sd_app_t(app, "ui.fac.left"));
    int y = in.y;
    if (y + lt <= in.y + in.h)
        sd_draw_str(d, th->font_body, true, th->accent, in.x, y, in.w, line);
    y += lt + th->gap;
    if (sc->n_prepared == 0 && y + lh <= in.y + in.h)
        sd_draw_str(d, th->font_body, false, th->muted, in.x, y, in.w, sd_app_t(app, "ui.fac.prepared_none"));
    for (size_t i = 0; i < sc->n_prepared && y + lh <= in.y + in.h; i++, y += lh) {
        const sd_item_def *p = &sc->prepared[i];
        char who[160] = "";
        const sd_persona *pe = p->author ? sd_scenario_persona(sc, p->author) : NULL;
        if (pe)
            persona_name(pe, who, sizeof who);
        else if (p->kind == SD_KIND_INTERNAL)
            snprintf(who, sizeof who, "%s", sender_name(app, p->from));
        char key[48];
        snprintf(key, sizeof key, "ui.kind.%s", sd_vocab_name(SD_VOCAB_KIND, p->kind));
        snprintf(line, sizeof line, "%s %zu. %s%s%s: %s", i < used ? "✓" : i == used ? "→" : " ", i + 1,
                 sd_app_t(app, key), *who ? ", " : "", who, p->text ? p->text : "");
        sd_draw_str(d, th->font_body, i == used, i < used ? th->muted : th->text, in.x, y, in.w, line);
    }
}

static void draw_form(sd_app *app, sd_facil *f, SDL_Rect r)
{
    sd_draw *d = &f->draw;
    const sd_theme *th = &f->theme;
    sd_draw_panel(d, "fac.form", r, th->overlay_bg);
    sd_draw_frame(d, r, th->accent);
    SDL_Rect in = inner(th, r);
    int lh = sd_text_line_height(f->text, th->font_body, false);
    int lt = sd_text_line_height(f->text, th->font_body, true);
    int ls = sd_text_line_height(f->text, th->font_small, false);
    int y = in.y;
    if (y + lt <= in.y + in.h)
        sd_draw_str(d, th->font_body, true, th->accent, in.x, y, in.w, sd_app_t(app, "ui.fac.form"));
    y += lt + th->gap;
    char vals[FF_TEXT][400];
    snprintf(vals[FF_KIND], sizeof vals[0], "%s", kind_name(app, f->kind));
    describe_author(app, f, vals[FF_AUTHOR], sizeof vals[0]);
    if (!authored(f->kind))
        snprintf(vals[FF_MOOD], sizeof vals[0], "–");
    else if (f->mood < 0) {
        int na = n_authors(app, f->kind);
        const sd_persona *p = f->author >= 0 && f->author < na ? &app->sc->personas[f->author] : NULL;
        snprintf(vals[FF_MOOD], sizeof vals[0], "%s%s%s%s", sd_app_t(app, "ui.fac.mood_own"),
                 p ? " (" : "", p ? mood_name(app, p->mood) : "", p ? ")" : "");
    } else
        snprintf(vals[FF_MOOD], sizeof vals[0], "%s", mood_name(app, f->mood));
    if (!has_target(f->kind))
        snprintf(vals[FF_TARGET], sizeof vals[0], "–");
    else {
        build_targets(app, f);
        if (f->n_targets == 0)
            snprintf(vals[FF_TARGET], sizeof vals[0], "%s",
                     sd_app_t(app, f->kind == FK_REPLY ? "ui.fac.no_comment" : "ui.fac.no_post"));
        else {
            size_t pos = f->target >= 0 ? target_pos(f) : 0;
            size_t it = f->targets[pos];
            const sd_mitem *m = sd_model_item(app->model, it);
            char who[160], t[20];
            sd_app_author(app, it, who, sizeof who);
            sd_time_format(m->arrival, t);
            snprintf(vals[FF_TARGET], sizeof vals[0], "%s%s%s %.5s: %s",
                     f->target < 0 ? sd_app_t(app, "ui.fac.newest") : "", f->target < 0 ? ": " : "",
                     who, t + 11, sd_model_str(app->model, m->text));
        }
    }
    static const char *const labels[FF_TEXT] = {"ui.fac.kind", "ui.fac.author", "ui.fac.mood", "ui.fac.target"};
    int kw = 0;
    for (int i = 0; i < FF_TEXT; i++) {
        const char *s = sd_app_t(app, labels[i]);
        int w = sd_text_width(f->text, th->font_body, true, s, strlen(s));
        kw = w > kw ? w : kw;
    }
    if (kw > in.w / 3)
        kw = in.w / 3;
    for (int i = 0; i < FF_TEXT; i++) {
        f->hit_field[i] = (SDL_Rect){0, 0, 0, 0};
        if (y + lh > in.y + in.h)
            continue;
        bool used = field_used(f, (ffield)i), focus = f->focus == (ffield)i;
        SDL_Rect row = {in.x, y, in.w, lh};
        if (focus)
            sd_draw_fill(d, row, th->selected);
        sd_draw_str(d, th->font_body, true, used ? th->text : th->muted, in.x, y, kw, sd_app_t(app, labels[i]));
        int vx = in.x + kw + th->pad, vw = in.w - kw - th->pad;
        if (focus && used && i != FF_TEXT) /* arrows choose on the focused line */
            vx += sd_draw_str(d, th->font_body, true, th->accent, vx, y, vw, "◀ ▶ ");
        sd_draw_str(d, th->font_body, false, used ? th->text : th->muted, vx, y,
                    in.x + in.w - vx, vals[i]);
        if (used)
            f->hit_field[i] = row;
        y += lh;
    }
    y += th->gap;
    if (y + ls <= in.y + in.h)
        sd_draw_str(d, th->font_small, false, th->muted, in.x, y, in.w, sd_app_t(app, "ui.fac.text"));
    y += ls;
    int bottom = in.y + in.h - ls - th->gap;
    int field_h = bottom - y;
    if (field_h > 6 * lh + th->gap)
        field_h = 6 * lh + th->gap;
    if (field_h >= lh + th->gap) {
        f->hit_field[FF_TEXT] = (SDL_Rect){in.x, y, in.w, field_h};
        sd_form_draw_field(d, f->field, f->hit_field[FF_TEXT], f->focus == FF_TEXT);
        y += field_h + th->gap;
    } else
        f->hit_field[FF_TEXT] = (SDL_Rect){0, 0, 0, 0};
    if (y + ls <= r.y + r.h)
        sd_draw_str(d, th->font_small, false, th->muted, in.x, y, in.w, sd_app_t(app, "ui.fac.form_keys"));
}

static void render(sd_app *app, sd_facil *f)
{
    sd_draw *d = &f->draw;
    int ww = 0, wh = 0, ow = 0, oh = 0;
    SDL_GetWindowSize(f->win, &ww, &wh);
    SDL_GetRendererOutputSize(f->ren, &ow, &oh);
    sd_theme_set_density(&f->theme, sd_app_pixel_density(ww, ow));
    const sd_theme *th = &f->theme;
    sd_draw_begin_frame(d);
    SDL_SetRenderDrawColor(f->ren, th->bg.r, th->bg.g, th->bg.b, 255);
    SDL_RenderClear(f->ren);
    int w = d->clip.w, h = d->clip.h;
    int bar_h = sd_text_line_height(f->text, th->font_body, true) + th->pad;
    int lh = sd_text_line_height(f->text, th->font_body, false);
    int lt = sd_text_line_height(f->text, th->font_title, true);
    /* the top bar: whose window this is */
    SDL_Rect top = {0, 0, w, bar_h};
    sd_draw_panel(d, "fac.top", top, th->accent);
    char title[300];
    snprintf(title, sizeof title, "%s · %s", sd_app_t(app, "ui.fac.title"), app->sc->title ? app->sc->title : app->sc->id);
    sd_draw_str(d, th->font_body, true, th->accent_text, th->pad, (bar_h - lh) / 2, w - 2 * th->pad, title);
    /* the status bar: what the facilitator's last action did */
    SDL_Rect bottom = {0, h - bar_h, w, bar_h};
    sd_draw_panel(d, "fac.status", bottom, th->panel_alt);
    sd_draw_str(d, th->font_body, false, f->status_bad ? th->bad : th->text, th->pad,
                bottom.y + (bar_h - lh) / 2, w - 2 * th->pad,
                f->confirm_end ? sd_app_t(app, "ui.fac.end_confirm") : f->status);
    int body_y = bar_h + 1, body_h = h - 2 * bar_h - 2;
    if (body_h <= 0)
        return;
    int left_w = w * 46 / 100;
    int clock_h = lt + 2 * lh + th->pad * 2;
    if (clock_h > body_h / 2)
        clock_h = body_h / 2;
    draw_clock(app, f, (SDL_Rect){0, body_y, left_w - 1, clock_h});
    draw_controls(app, f, (SDL_Rect){0, body_y + clock_h + 1, left_w - 1, body_h - clock_h - 1});
    SDL_Rect right = {left_w, body_y, w - left_w, body_h};
    if (f->typing) {
        int form_h = right.h * 62 / 100;
        draw_form(app, f, (SDL_Rect){right.x, right.y, right.w, form_h});
        draw_prepared(app, f, (SDL_Rect){right.x, right.y + form_h + 1, right.w, right.h - form_h - 1});
    } else {
        for (int i = 0; i < FF_COUNT; i++)
            f->hit_field[i] = (SDL_Rect){0, 0, 0, 0};
        draw_prepared(app, f, right);
    }
    SDL_RenderSetClipRect(f->ren, NULL);
}

void sd_facil_frame(sd_app *app)
{
    sd_facil *f = app->facil;
    if (f == NULL || f->win == NULL)
        return;
    render(app, f);
    SDL_RenderPresent(f->ren);
    sd_text_end_frame(f->text);
}

/* ---- accessors (app.h) ---- */

uint32_t sd_app_window_id(const sd_app *app) { return SDL_GetWindowID(app->win); }

uint32_t sd_app_facilitator_window_id(const sd_app *app)
{
    return app->facil && app->facil->win ? app->facil->id : 0;
}

bool sd_app_facilitator_typing(const sd_app *app) { return sd_facil_typing(app); }

const char *sd_app_facilitator_status(const sd_app *app)
{
    return app->facil ? app->facil->status : "";
}

const char *sd_app_facilitator_text(const sd_app *app)
{
    return app->facil ? sd_editor_text(app->facil->field) : "";
}

const sd_draw_rec *sd_app_facilitator_debug_rects(const sd_app *app, size_t *n)
{
    *n = 0;
    if (app->facil == NULL || app->facil->win == NULL)
        return NULL;
    *n = app->facil->draw.n_recs;
    return app->facil->draw.recs;
}

sd_status sd_app_facilitator_read_pixels(sd_app *app, SDL_Surface **out, sd_error *err)
{
    *out = NULL;
    sd_facil *f = app->facil;
    if (f == NULL || f->win == NULL)
        return sd_error_set(err, SD_ERR_USAGE, "the facilitator's window is not open");
    int w, h;
    SDL_GetRendererOutputSize(f->ren, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return sd_error_set(err, SD_ERR_MEMORY, "SDL: %s", SDL_GetError());
    render(app, f); /* the back buffer is undefined after a present */
    if (SDL_RenderReadPixels(f->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0) {
        SDL_FreeSurface(s);
        return sd_error_set(err, SD_ERR_IO, "SDL: %s", SDL_GetError());
    }
    *out = s;
    return SD_OK;
}
