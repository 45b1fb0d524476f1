/* test_window_facilitator.c - cmocka tests of the facilitator's window (engine/window/
 * facilitator.c), headless: two real windows under SDL's dummy video driver and the
 * software renderer, played at a person's pace (a key is SDL_KEYDOWN, SDL_TEXTINPUT only
 * while text input is active, as SDL does, then SDL_KEYUP, with frames of 1/8 s between,
 * and seconds of frames to read before acting): the participant through tests/support/
 * sdl_person.h, the facilitator with the same steps here, each event carrying the
 * facilitator's window's id (sdl_person's events go to the participant's window).
 *
 * - trap_*: the old trap: the inject form was drawn over the participant's screen and the
 *   clock ran while the facilitator typed. Uses only what the window had before it, so
 *   that it fails there: F9 in the participant's window, then the facilitator types (in
 *   the other window when there is one): the participant's pixels and the simulated clock
 *   must not move.
 * - a live inject with a chosen kind, author, mood and target arrives as chosen; the clock
 *   stood while it was typed (the facilitator's pause and resume in the log) and runs again;
 *   a clock paused before stays paused.
 * - the facilitator's controls (speeds, prepared injects, end with a confirmation) work in
 *   its window and are gone from the participant's (F6-F8), while the participant's solo
 *   practice keeps pause (F5) and end (F10, asks first).
 * - closing the facilitator's window (while typing too) does not end the exercise, and
 *   events still queued for it never reach the participant's window.
 * - everything the facilitator's window draws stays inside its panels at 100 % and 200 %. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/sdl_person.h"
#include "../support/tempdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    return sd_test_tempdir_make(g_dir, "sd_facil_window");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

/* What an observer saw of the facilitator's injects and controls. */
typedef struct seen {
    size_t injected;
    char kind[32], author[40], parent[64], text[400];
    int mood;
    size_t pauses, resumes, speeds, prepared;
    double compression;
    bool ended;
    char end_reason[64];
} seen;

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    seen *w = ctx;
    if (rec->type == SD_REC_ITEM && rec->u.item.by && strcmp(rec->u.item.by, "facilitator") == 0) {
        const sd_rec_item *it = &rec->u.item;
        w->injected++;
        snprintf(w->kind, sizeof w->kind, "%s", sd_vocab_name(SD_VOCAB_KIND, it->kind));
        snprintf(w->author, sizeof w->author, "%s", it->author_id ? it->author_id : "");
        snprintf(w->parent, sizeof w->parent, "%s", it->parent ? it->parent : "");
        snprintf(w->text, sizeof w->text, "%s", it->text ? it->text : "");
        w->mood = (int)it->mood;
    }
    if (rec->type == SD_REC_FACILITATOR) {
        switch (rec->u.facilitator.kind) {
        case SD_FAC_PAUSE: w->pauses++; break;
        case SD_FAC_RESUME: w->resumes++; break;
        case SD_FAC_SPEED: w->speeds++; w->compression = rec->u.facilitator.value; break;
        case SD_FAC_INJECT: if (rec->u.facilitator.prepared > 0) w->prepared++; break;
        default: break;
        }
    }
    if (rec->type == SD_REC_END) {
        w->ended = true;
        snprintf(w->end_reason, sizeof w->end_reason, "%s", rec->u.end.reason ? rec->u.end.reason : "");
    }
    return SD_OK;
}

static sd_app *make_app(const char *scenario, const char *name, seen *w, bool facilitator)
{
    char log[256];
    snprintf(log, sizeof log, "%s/%s.jsonl", g_dir, name);
    sd_app_config cfg = {.scenario_path = scenario, .log_path = log, .lang = -1, .width = 1280,
                         .height = 800, .hidden = true, .no_wall_clock = true, .debug_rects = true,
                         .facilitator_window = facilitator};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    if (w)
        assert_int_equal(sd_session_add_observer(sd_app_session(app), observe, w, NULL), SD_OK);
    return app;
}

/* ---- a person at the keyboard ---- */

static void frame(sd_app *app, double seconds)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, seconds, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

static void wait_s(sd_app *app, double seconds) { sd_person_wait(app, seconds); }

static void push_key(Uint32 win, Uint32 type, SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.key.windowID = win;
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void push_text(Uint32 win, const char *s, size_t n)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    e.text.windowID = win;
    memcpy(e.text.text, s, n);
    assert_int_equal(SDL_PushEvent(&e), 1);
}

/* A key press in window win, as sd_person_key does it (down, the text while text input is
 * active, up; a frame between and 1/8 s after), with the window's id on each event. */
static void press(sd_app *app, Uint32 win, SDL_Keycode k, Uint16 mod, const char *text)
{
    push_key(win, SDL_KEYDOWN, k, mod);
    frame(app, 0);
    if (text && SDL_IsTextInputActive()) {
        push_text(win, text, strlen(text));
        frame(app, 0);
    }
    push_key(win, SDL_KEYUP, k, mod);
    frame(app, 0.125);
}

/* Types UTF-8 text in window win one character at a time at about 8 keys a second, the
 * way SDL delivers it (as sd_person_type): a TEXTINPUT per character only while text input
 * is active. */
static void type_in(sd_app *app, Uint32 win, const char *s)
{
    while (*s) {
        size_t n = 1;
        while (((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        char ch[8] = {0};
        memcpy(ch, s, n);
        SDL_Keycode k = (unsigned char)s[0] < 0x80 ? (SDL_Keycode)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32 : s[0]) : SDLK_a;
        Uint16 mod = s[0] >= 'A' && s[0] <= 'Z' ? KMOD_LSHIFT : 0;
        if (s[0] == ' ')
            k = SDLK_SPACE;
        push_key(win, SDL_KEYDOWN, k, mod);
        if (SDL_IsTextInputActive())
            push_text(win, ch, n);
        frame(app, 0);
        push_key(win, SDL_KEYUP, k, mod);
        frame(app, 0.125);
        s += n;
    }
}

/* The facilitator's window: another window than the participant's (found by SDL alone),
 * or the participant's when there is no other (as before the facilitator had a window). */
static Uint32 first_window(void)
{
    for (Uint32 id = 1; id < 64; id++)
        if (SDL_GetWindowFromID(id))
            return id;
    return 0;
}

static Uint32 other_window(Uint32 participant)
{
    for (Uint32 id = 1; id < 64; id++)
        if (id != participant && SDL_GetWindowFromID(id))
            return id;
    return participant;
}

static SDL_Surface *pixels(sd_app *app)
{
    SDL_Surface *s = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_app_read_pixels(app, &s, &err) != SD_OK)
        fail_msg("read pixels: %s", sd_error_msg(&err));
    return s;
}

static size_t differing(SDL_Surface *a, SDL_Surface *b)
{
    assert_int_equal(a->w, b->w);
    assert_int_equal(a->h, b->h);
    size_t n = 0;
    for (int y = 0; y < a->h; y++)
        for (int x = 0; x < a->w; x++)
            if (((Uint32 *)((Uint8 *)a->pixels + y * a->pitch))[x] != ((Uint32 *)((Uint8 *)b->pixels + y * b->pitch))[x])
                n++;
    return n;
}

static void step_to(sd_app *app, int minutes)
{
    sd_session *s = sd_app_session(app);
    sd_error err = SD_ERROR_INIT;
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    double left = (double)(h->start + minutes * 60 - sd_session_now(s));
    if (left > 0 && sd_session_step_sim(s, left, &err) != SD_OK)
        fail_msg("step: %s", sd_error_msg(&err));
    frame(app, 0);
}

/* ---- the trap ---- */

/* The facilitator presses F9 in the participant's window and types a live inject: the
 * participant's screen must not show it, nor change at all while it is typed, and the
 * simulated clock must stand meanwhile. Before the facilitator had a window of its own, the
 * form covered the participant's screen and the clock ran while the facilitator typed. */
static void trap_inject_form_over_participant_and_clock_running(void **state)
{
    (void)state;
    sd_app *app = make_app("scenarios/introduktion.lua", "trap", NULL, false);
    Uint32 participant = first_window();
    assert_int_not_equal(participant, 0);
    wait_s(app, 2);
    step_to(app, 12);
    wait_s(app, 2); /* the participant reads */
    SDL_Surface *before_f9 = pixels(app);
    sd_person_key(app, SDLK_F9, 0);
    wait_s(app, 1);
    Uint32 facilitator = other_window(participant);
    SDL_Surface *p0 = pixels(app);
    sd_time t0 = sd_session_now(sd_app_session(app));
    type_in(app, facilitator, "Varför har ingen svarat på min fråga om tömningen?");
    wait_s(app, 2);
    SDL_Surface *p1 = pixels(app);
    sd_time t1 = sd_session_now(sd_app_session(app));
    size_t changed = differing(p0, p1);
    size_t covered = differing(before_f9, p0);
    print_message("pixels changed while typing: %zu; by F9: %zu; clock moved %ld s\n", changed,
                  covered, (long)(t1 - t0));
    SDL_FreeSurface(before_f9);
    SDL_FreeSurface(p0);
    SDL_FreeSurface(p1);
    if (changed != 0)
        fail_msg("the participant's window changed in %zu pixels while the facilitator typed", changed);
    if (t1 != t0)
        fail_msg("the clock ran %ld simulated seconds while the facilitator typed", (long)(t1 - t0));
    /* the form is not drawn over the participant's screen: F9 changed at most the
     * situation panel's clock line (paused) and the status bar, a small share */
    int w = 0, h = 0;
    sd_app_output_size(app, &w, &h);
    if (covered * 20 > (size_t)w * (size_t)h)
        fail_msg("F9 changed %zu of the participant's %d pixels: something covers the screen", covered, w * h);
    press(app, facilitator, SDLK_RETURN, 0, NULL);
    wait_s(app, 1);
    sd_app_destroy(app);
}

/* ---- the live inject ---- */

static Uint32 facil_id(sd_app *app)
{
    Uint32 id = sd_app_facilitator_window_id(app);
    assert_int_not_equal(id, 0);
    assert_int_not_equal(id, sd_app_window_id(app));
    return id;
}

/* The id of the nth newest comment or reply (0: the newest; what "under" offers first). */
static const char *nth_newest_comment(sd_app *app, size_t nth)
{
    const sd_results *r = sd_app_results(app);
    const sd_res_item *items = sd_results_items(r);
    size_t seen_n = 0;
    for (size_t i = sd_results_n_items(r); i-- > 0;) {
        const sd_res_item *it = &items[i];
        if (it->kind == SD_KIND_COMMENT || it->kind == SD_KIND_REPLY)
            if (seen_n++ == nth)
                return it->id;
    }
    return NULL;
}

static void test_inject_with_author_mood_target(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("scenarios/introduktion.lua", "live", &w, false);
    wait_s(app, 1);
    step_to(app, 20);
    wait_s(app, 1);
    sd_person_key(app, SDLK_F12, 0); /* the window, no form yet */
    Uint32 fac = facil_id(app);
    assert_false(sd_app_facilitator_typing(app));
    assert_false(sd_session_paused(sd_app_session(app)));
    wait_s(app, 3); /* the facilitator reads the window */
    press(app, fac, SDLK_i, 0, "i");
    assert_true(sd_app_facilitator_typing(app));
    assert_true(sd_session_paused(sd_app_session(app)));
    assert_int_equal(w.pauses, 1);
    assert_string_equal(sd_app_facilitator_text(app), ""); /* the "i" did not type */
    sd_time t0 = sd_session_now(sd_app_session(app));
    const char *want_parent = nth_newest_comment(app, 1);
    assert_non_null(want_parent);
    char parent[64];
    snprintf(parent, sizeof parent, "%s", want_parent);
    /* kind: comment -> reply */
    press(app, fac, SDLK_RIGHT, 0, NULL);
    /* author: the third persona (goran -> maja: lena is 0) */
    press(app, fac, SDLK_TAB, 0, NULL);
    press(app, fac, SDLK_RIGHT, 0, NULL);
    press(app, fac, SDLK_RIGHT, 0, NULL);
    /* mood: the persona's own -> calm -> worried -> frustrated -> angry */
    press(app, fac, SDLK_TAB, 0, NULL);
    for (int i = 0; i < 4; i++)
        press(app, fac, SDLK_RIGHT, 0, NULL);
    /* under: the newest comment -> the one before it */
    press(app, fac, SDLK_TAB, 0, NULL);
    press(app, fac, SDLK_DOWN, 0, NULL);
    press(app, fac, SDLK_TAB, 0, NULL);
    wait_s(app, 2);
    type_in(app, fac, "Nu får ni skärpa er, det här är fjärde gången!");
    wait_s(app, 1);
    assert_int_equal(sd_session_now(sd_app_session(app)), t0); /* the clock stood */
    assert_int_equal(w.injected, 0);
    press(app, fac, SDLK_RETURN, 0, NULL);
    assert_int_equal(w.injected, 1);
    assert_string_equal(w.kind, "reply");
    assert_string_equal(w.author, "maja");
    assert_int_equal(w.mood, SD_MOOD_ANGRY);
    assert_string_equal(w.parent, parent);
    assert_string_equal(w.text, "Nu får ni skärpa er, det här är fjärde gången!");
    assert_false(sd_app_facilitator_typing(app));
    assert_false(sd_session_paused(sd_app_session(app))); /* runs again */
    assert_int_equal(w.resumes, 1);
    assert_non_null(strstr(sd_app_facilitator_status(app), "Maja Lund"));
    wait_s(app, 2);
    assert_true(sd_session_now(sd_app_session(app)) > t0);
    /* nothing of it reached the participant's status line */
    assert_null(strstr(sd_app_status(app), "Maja"));
    sd_app_destroy(app);
}

/* Paused before the form opened: still paused after it is sent or cancelled; F5 in the
 * form chooses. An empty text is refused with a message and the form stays. */
static void test_paused_before_stays_paused(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("scenarios/introduktion.lua", "paused", &w, true);
    Uint32 fac = facil_id(app);
    wait_s(app, 1);
    step_to(app, 10);
    press(app, fac, SDLK_F5, 0, NULL); /* the facilitator pauses */
    assert_true(sd_session_paused(sd_app_session(app)));
    press(app, fac, SDLK_F9, 0, NULL);
    assert_true(sd_app_facilitator_typing(app));
    press(app, fac, SDLK_RETURN, 0, NULL); /* nothing typed */
    assert_true(sd_app_facilitator_typing(app));
    assert_true(strlen(sd_app_facilitator_status(app)) > 0);
    press(app, fac, SDLK_ESCAPE, 0, NULL);
    assert_false(sd_app_facilitator_typing(app));
    assert_true(sd_session_paused(sd_app_session(app)));
    assert_int_equal(w.injected, 0);
    /* again, and F5 in the form: the clock runs once the inject is in */
    press(app, fac, SDLK_i, 0, NULL);
    press(app, fac, SDLK_F5, 0, NULL);
    type_in(app, fac, "Hej?");
    press(app, fac, SDLK_RETURN, 0, NULL);
    assert_int_equal(w.injected, 1);
    assert_string_equal(w.kind, "comment");
    assert_string_equal(w.author, "lena");
    assert_int_equal(w.mood, SD_MOOD_CALM); /* lena's own */
    assert_false(sd_session_paused(sd_app_session(app)));
    sd_app_destroy(app);
}

/* ---- the controls, in the facilitator's window and not the participant's ---- */

static void test_controls_and_solo_practice(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("scenarios/vardag.lua", "controls", &w, false);
    sd_session *s = sd_app_session(app);
    wait_s(app, 1);
    double base = sd_session_compression(s);
    /* the participant: F6-F8 are no longer theirs; F5 pauses and resumes */
    sd_person_key(app, SDLK_F8, 0);
    assert_true(sd_session_compression(s) == base);
    sd_person_key(app, SDLK_F5, 0);
    assert_true(sd_session_paused(s));
    sd_person_key(app, SDLK_F5, 0);
    assert_false(sd_session_paused(s));
    /* F10 asks; N goes on */
    sd_person_key(app, SDLK_F10, 0);
    sd_person_key(app, SDLK_n, 0);
    assert_false(sd_session_finished(s));
    /* the facilitator: speeds, prepared injects, end asks */
    sd_person_key(app, SDLK_F12, 0);
    Uint32 fac = facil_id(app);
    assert_false(sd_app_facilitator_typing(app));
    press(app, fac, SDLK_F6, 0, NULL);
    assert_true(sd_session_compression(s) == 1);
    press(app, fac, SDLK_F8, 0, NULL);
    assert_true(sd_session_compression(s) == base * 4);
    press(app, fac, SDLK_2, 0, "2");
    assert_true(sd_session_compression(s) == base);
    /* the first prepared inject is on a post that has not appeared: refused, kept for later */
    press(app, fac, SDLK_F9, KMOD_LSHIFT, NULL);
    assert_int_equal(w.prepared, 0);
    assert_non_null(strstr(sd_app_facilitator_status(app), "p3"));
    step_to(app, 2 * 24 * 60 + 7 * 60); /* Friday 16:00: p3 is out */
    press(app, fac, SDLK_F9, KMOD_LSHIFT, NULL);
    press(app, fac, SDLK_p, 0, "p");
    assert_int_equal(w.prepared, 2);
    press(app, fac, SDLK_p, 0, "p"); /* none left */
    assert_int_equal(w.prepared, 2);
    assert_false(sd_app_facilitator_typing(app));
    assert_false(sd_app_facilitator_typing(app));
    press(app, fac, SDLK_F10, 0, NULL);
    press(app, fac, SDLK_n, 0, "n");
    assert_false(sd_session_finished(s));
    press(app, fac, SDLK_e, 0, "e");
    press(app, fac, SDLK_j, 0, "j");
    wait_s(app, 1);
    assert_true(w.ended);
    assert_string_equal(w.end_reason, "ended by facilitator");
    assert_true(sd_app_on_scorecard(app));
    sd_app_destroy(app);
}

/* The participant alone ends the exercise with F10 and J. */
static void test_participant_ends_alone(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("scenarios/introduktion.lua", "solo", &w, false);
    wait_s(app, 2);
    sd_person_key(app, SDLK_F10, 0);
    assert_false(w.ended);
    sd_person_key(app, SDLK_j, 0);
    wait_s(app, 1);
    assert_true(w.ended);
    assert_int_equal(sd_app_facilitator_window_id(app), 0); /* never opened */
    sd_app_destroy(app);
}

/* ---- closing ---- */

static void close_window(sd_app *app, Uint32 id)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_WINDOWEVENT;
    e.window.windowID = id;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    assert_int_equal(SDL_PushEvent(&e), 1);
    frame(app, 0);
}

static void test_close_does_not_end(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("scenarios/introduktion.lua", "close", &w, true);
    Uint32 fac = facil_id(app);
    sd_session *s = sd_app_session(app);
    wait_s(app, 1);
    press(app, fac, SDLK_i, 0, NULL);
    type_in(app, fac, "Hal");
    assert_true(sd_session_paused(s));
    /* closed while typing: the inject is dropped, the clock runs again, nothing ends */
    close_window(app, fac);
    assert_int_equal(sd_app_facilitator_window_id(app), 0);
    assert_false(sd_app_facilitator_typing(app));
    assert_false(sd_session_paused(s));
    assert_false(sd_session_finished(s));
    assert_int_equal(w.injected, 0);
    /* keys still queued for the closed window do not reach the participant's */
    push_key(fac, SDL_KEYDOWN, SDLK_n, 0);
    push_key(fac, SDL_KEYDOWN, SDLK_F10, 0);
    frame(app, 0);
    assert_false(sd_app_editing(app));
    push_key(sd_app_window_id(app), SDL_KEYDOWN, SDLK_ESCAPE, 0); /* nothing open to close */
    frame(app, 0);
    sd_time t0 = sd_session_now(s);
    wait_s(app, 2);
    assert_true(sd_session_now(s) > t0);
    bool running = true;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_app_frame(app, 0, &running, &err), SD_OK);
    assert_true(running);
    /* F12 opens it again */
    press(app, sd_app_window_id(app), SDLK_F12, 0, NULL);
    assert_int_not_equal(sd_app_facilitator_window_id(app), 0);
    /* closing the participant's window (there is no SDL_QUIT with two windows) asks first
     * during the exercise, and closing it again quits */
    close_window(app, sd_app_window_id(app));
    assert_int_equal(sd_app_frame(app, 0, &running, &err), SD_OK);
    assert_true(running);
    assert_non_null(sd_app_asking(app));
    assert_string_equal(sd_app_asking(app), "end");
    close_window(app, sd_app_window_id(app));
    assert_int_equal(sd_app_frame(app, 0, &running, &err), SD_OK);
    assert_false(running);
    assert_false(w.ended); /* until destroy: "window closed" */
    sd_app_destroy(app);
    assert_true(w.ended);
}

/* ---- drawing ---- */

static void check_facil_containment(sd_app *app, const char *what)
{
    size_t n;
    const sd_draw_rec *r = sd_app_facilitator_debug_rects(app, &n);
    assert_true(n > 10);
    SDL_Surface *s = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_app_facilitator_read_pixels(app, &s, &err), SD_OK);
    int w = s->w, h = s->h;
    SDL_FreeSurface(s);
    r = sd_app_facilitator_debug_rects(app, &n);
    bool form = false, prepared = false;
    for (size_t i = 0; i < n; i++) {
        SDL_Rect c = r[i].clip, d = r[i].rect;
        if (c.x < 0 || c.y < 0 || c.x + c.w > w || c.y + c.h > h)
            fail_msg("%s: panel %s outside the window", what, r[i].panel);
        if (d.x < c.x || d.y < c.y || d.x + d.w > c.x + c.w || d.y + d.h > c.y + c.h)
            fail_msg("%s: drawn (%d,%d %dx%d) '%s' outside panel %s (%d,%d %dx%d)", what, d.x, d.y, d.w,
                     d.h, r[i].text, r[i].panel, c.x, c.y, c.w, c.h);
        form |= strcmp(r[i].panel, "fac.form") == 0;
        prepared |= strcmp(r[i].panel, "fac.prepared") == 0;
    }
    assert_true(form);
    assert_true(prepared);
}

static void test_facilitator_window_draws_inside(void **state)
{
    (void)state;
    sd_app *app = make_app("scenarios/vardag.lua", "draw", NULL, true);
    Uint32 fac = facil_id(app);
    wait_s(app, 1);
    press(app, fac, SDLK_i, 0, NULL);
    type_in(app, fac, "Ett inlägg som är långt nog att radbrytas flera gånger i fältet.");
    frame(app, 0);
    check_facil_containment(app, "100 %");
    for (int i = 0; i < 5; i++)
        press(app, fac, SDLK_PLUS, KMOD_LCTRL, NULL);
    frame(app, 0);
    check_facil_containment(app, "200 %");
    const char *shot = getenv("SD_FACILITATOR_SCREENSHOT");
    if (shot) {
        SDL_Surface *s = NULL;
        sd_error err = SD_ERROR_INIT;
        for (int i = 0; i < 5; i++)
            press(app, fac, SDLK_MINUS, KMOD_LCTRL, NULL);
        assert_int_equal(sd_app_facilitator_read_pixels(app, &s, &err), SD_OK);
        SDL_SaveBMP(s, shot);
        SDL_FreeSurface(s);
    }
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trap_inject_form_over_participant_and_clock_running),
        cmocka_unit_test(test_inject_with_author_mood_target),
        cmocka_unit_test(test_paused_before_stays_paused),
        cmocka_unit_test(test_controls_and_solo_practice),
        cmocka_unit_test(test_participant_ends_alone),
        cmocka_unit_test(test_close_does_not_end),
        cmocka_unit_test(test_facilitator_window_draws_inside),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
