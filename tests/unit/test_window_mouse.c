/* test_window_mouse.c - cmocka tests of the exercise window's mouse and forms, headless
 * (SDL's dummy video driver, the software renderer) with synthetic SDL_MOUSEBUTTONDOWN/UP
 * and SDL_MOUSEMOTION events: a click on a feed row selects it, on a filter tab switches
 * the filter, in the reply editor places the caret (Shift+click and a drag select), on a
 * menu entry chooses it; the delete form takes a typed reason that the session log keeps;
 * window points become output pixels by the display's density. (The facilitator's inject
 * form is in its own window: test_window_facilitator.c.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "theme.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    return sd_test_tempdir_make(g_dir, "sd_mouse");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

/* What an observer saw. */
typedef struct seen {
    size_t n;
    sd_action_kind kind[32];
    char item[32][40];
    char reason[32][200];
    int target[32];
    size_t by_facilitator;
    char fac_text[200], fac_kind[32];
} seen;

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    seen *w = ctx;
    if (rec->type == SD_REC_ACTION && w->n < 32) {
        w->kind[w->n] = rec->u.action.kind;
        snprintf(w->item[w->n], sizeof w->item[0], "%s", rec->u.action.item ? rec->u.action.item : "");
        snprintf(w->reason[w->n], sizeof w->reason[0], "%s", rec->u.action.reason ? rec->u.action.reason : "");
        w->target[w->n] = rec->u.action.target;
        w->n++;
    }
    if (rec->type == SD_REC_ITEM && rec->u.item.by && strcmp(rec->u.item.by, "facilitator") == 0) {
        w->by_facilitator++;
        snprintf(w->fac_text, sizeof w->fac_text, "%s", rec->u.item.text ? rec->u.item.text : "");
        snprintf(w->fac_kind, sizeof w->fac_kind, "%s", sd_vocab_name(SD_VOCAB_KIND, rec->u.item.kind));
    }
    return SD_OK;
}

static sd_app *make_app(const char *name, seen *w)
{
    char log[256];
    snprintf(log, sizeof log, "%s/%s.jsonl", g_dir, name);
    sd_app_config cfg = {.scenario_path = "scenarios/introduktion.lua", .log_path = log, .lang = -1,
                         .width = 1280, .height = 800, .hidden = true, .no_wall_clock = true};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    assert_int_equal(sd_session_add_observer(sd_app_session(app), observe, w, NULL), SD_OK);
    return app;
}

static void frame(sd_app *app)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, 0, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

static void step_to(sd_app *app, int minutes)
{
    sd_session *s = sd_app_session(app);
    sd_error err = SD_ERROR_INIT;
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    double left = (double)(h->start + minutes * 60 - sd_session_now(s));
    if (left > 0 && sd_session_step_sim(s, left, &err) != SD_OK)
        fail_msg("step: %s", sd_error_msg(&err));
    frame(app);
}

static void key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

/* Types UTF-8 text as SDL_TEXTINPUT events of at most 31 bytes, cut at code points. */
static void type(const char *s)
{
    size_t len = strlen(s);
    while (len > 0) {
        size_t n = len < 31 ? len : 31;
        while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        memcpy(e.text.text, s, n);
        assert_int_equal(SDL_PushEvent(&e), 1);
        s += n;
        len -= n;
    }
}

static void button(Uint32 type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void motion(int x, int y, bool held)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.state = held ? SDL_BUTTON_LMASK : 0;
    e.motion.x = x;
    e.motion.y = y;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void click(int x, int y)
{
    button(SDL_MOUSEBUTTONDOWN, x, y);
    button(SDL_MOUSEBUTTONUP, x, y);
}

static SDL_Rect hit(sd_app *app, const char *what, size_t i)
{
    SDL_Rect r;
    if (!sd_app_hit_rect(app, what, i, &r))
        fail_msg("%s %zu was not drawn", what, i);
    return r;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    b[n] = '\0';
    fclose(f);
    return b;
}

/* ---- tests ---- */

static void test_click_row_tab_and_menu(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("rows", &w);
    frame(app);
    step_to(app, 27);
    key(SDLK_1, 0); /* the inbox, whose tabs and rows are clicked */
    frame(app);
    /* the All tab, then the second row */
    SDL_Rect tab = hit(app, "tab", 1);
    click(tab.x + tab.w / 2, tab.y + tab.h / 2);
    frame(app);
    key(SDLK_HOME, 0);
    frame(app);
    char first[64];
    snprintf(first, sizeof first, "%s", sd_app_selected_id(app));
    SDL_Rect row = hit(app, "row", 1);
    click(row.x + row.w / 2, row.y + row.h / 2);
    frame(app);
    assert_non_null(sd_app_selected_id(app));
    assert_string_not_equal(sd_app_selected_id(app), first);
    /* back to the first row */
    row = hit(app, "row", 0);
    click(row.x + 5, row.y + 5);
    frame(app);
    assert_string_equal(sd_app_selected_id(app), first);

    /* the DM tab selects Ahmed's direct message; escalate it with a click on the first entry */
    tab = hit(app, "tab", 2);
    click(tab.x + 2, tab.y + 2);
    frame(app);
    assert_string_equal(sd_app_selected_id(app), "d1");
    key(SDLK_e, 0);
    frame(app);
    SDL_Rect m = hit(app, "menu", 0);
    click(m.x + m.w / 2, m.y + m.h / 2);
    frame(app);
    assert_int_equal(w.n, 1);
    assert_int_equal(w.kind[0], SD_ACT_ESCALATE);
    assert_string_equal(w.item[0], "d1");
    assert_int_equal(w.target[0], SD_TARGET_CASE_HANDLING);
    /* a click outside an open menu closes it */
    key(SDLK_e, 0);
    frame(app);
    assert_true(sd_app_hit_rect(app, "menu", 0, &m));
    click(2, 790);
    frame(app);
    assert_false(sd_app_hit_rect(app, "menu", 0, &m));
    assert_int_equal(w.n, 1);
    sd_app_destroy(app);
}

static void test_click_places_caret_and_drag_selects(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("caret", &w);
    frame(app);
    step_to(app, 5);
    key(SDLK_r, 0);
    frame(app);
    const char *text = "Hej Lena! Vi tömmer kärlen på tisdagar.";
    type(text);
    frame(app);
    /* the caret is at the end; a click at the start of the line moves it there */
    SDL_Rect ed = hit(app, "editor", 0);
    click(ed.x, ed.y + 2);
    frame(app);
    SDL_Rect r = hit(app, "editor", 0);
    assert_int_equal(r.x, ed.x);
    /* read the caret back by typing at it */
    type("X");
    frame(app);
    key(SDLK_RETURN, KMOD_LCTRL);
    frame(app);
    assert_int_equal(w.n, 1);
    assert_int_equal(w.kind[0], SD_ACT_REPLY);
    sd_app_destroy(app);

    char log[256];
    snprintf(log, sizeof log, "%s/caret.jsonl", g_dir);
    char *t = slurp(log);
    assert_non_null(strstr(t, "\"XHej Lena! Vi tömmer kärlen på tisdagar.\""));
    free(t);

    /* Mid-line click, Shift+click and a drag: the selection is replaced by typed text. */
    seen w2 = {0};
    app = make_app("drag", &w2);
    frame(app);
    step_to(app, 5);
    key(SDLK_r, 0);
    frame(app);
    type("abc def ghi");
    frame(app);
    ed = hit(app, "editor", 0);
    /* drag from the very start to far right: everything selected */
    button(SDL_MOUSEBUTTONDOWN, ed.x, ed.y + 2);
    motion(ed.x + 40, ed.y + 2, true);
    motion(ed.x + ed.w - 4, ed.y + 2, true);
    button(SDL_MOUSEBUTTONUP, ed.x + ed.w - 4, ed.y + 2);
    frame(app);
    type("Hej");
    frame(app);
    /* click at the start, then Shift+click far right: selects it all again */
    click(ed.x, ed.y + 2);
    frame(app);
    SDL_SetModState(KMOD_LSHIFT);
    click(ed.x + ed.w - 4, ed.y + 2);
    frame(app);
    SDL_SetModState(KMOD_NONE);
    type("Hej Lena, vi hör av oss. Kim");
    frame(app);
    key(SDLK_RETURN, KMOD_LCTRL);
    frame(app);
    assert_int_equal(w2.n, 1);
    sd_app_destroy(app);
    snprintf(log, sizeof log, "%s/drag.jsonl", g_dir);
    t = slurp(log);
    assert_non_null(strstr(t, "\"Hej Lena, vi hör av oss. Kim\""));
    assert_null(strstr(t, "abc def"));
    free(t);
}

static void test_delete_with_typed_reason(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("delete", &w);
    frame(app);
    step_to(app, 70); /* the storm is on */
    key(SDLK_2, 0);
    frame(app);
    char id[64];
    snprintf(id, sizeof id, "%s", sd_app_selected_id(app));
    key(SDLK_DELETE, 0);
    frame(app);
    /* Esc cancels */
    type("nej");
    key(SDLK_ESCAPE, 0);
    frame(app);
    assert_int_equal(w.n, 0);
    /* a typed reason (digits go into the text once something is typed) */
    key(SDLK_DELETE, 0);
    frame(app);
    type("Hot mot en namngiven anställd");
    type(", 2:a gången");
    key(SDLK_2, 0);
    frame(app);
    key(SDLK_RETURN, 0);
    frame(app);
    assert_int_equal(w.n, 1);
    assert_int_equal(w.kind[0], SD_ACT_DELETE);
    assert_string_equal(w.item[0], id);
    assert_string_equal(w.reason[0], "Hot mot en namngiven anställd, 2:a gången");
    /* a preset chosen with a click, on the oldest waiting comment */
    key(SDLK_1, 0);
    frame(app);
    key(SDLK_x, 0);
    frame(app);
    SDL_Rect m = hit(app, "menu", 2);
    click(m.x + 3, m.y + 3);
    frame(app);
    if (w.n != 2)
        fail_msg("no second delete: %s", sd_app_status(app));
    assert_int_equal(w.kind[1], SD_ACT_DELETE);
    assert_true(strlen(w.reason[1]) > 0);
    sd_app_destroy(app);

    char log[256];
    snprintf(log, sizeof log, "%s/delete.jsonl", g_dir);
    char *t = slurp(log);
    assert_non_null(strstr(t, "Hot mot en namngiven anställd, 2:a gången"));
    free(t);
}

/* High-density displays: mouse coordinates in window points become output pixels by the
 * ratio of the two sizes; 2 on a 200 % display, 1 (unchanged) under the dummy driver. */
static void test_points_to_pixels(void **state)
{
    (void)state;
    int x = 100, y = 50;
    sd_app_points_to_pixels(640, 400, 1280, 800, &x, &y);
    assert_int_equal(x, 200);
    assert_int_equal(y, 100);
    x = 639, y = 399; /* the last point: its pixels' top left */
    sd_app_points_to_pixels(640, 400, 1280, 800, &x, &y);
    assert_int_equal(x, 1278);
    assert_int_equal(y, 798);
    x = 0, y = 0;
    sd_app_points_to_pixels(640, 400, 1280, 800, &x, &y);
    assert_int_equal(x, 0);
    assert_int_equal(y, 0);
    assert_true(sd_app_pixel_density(640, 1280) == 2.0);
    /* same size, or a size not known: unchanged */
    x = 321, y = 123;
    sd_app_points_to_pixels(1280, 800, 1280, 800, &x, &y);
    sd_app_points_to_pixels(0, 0, 1280, 800, &x, &y);
    assert_int_equal(x, 321);
    assert_int_equal(y, 123);
    assert_true(sd_app_pixel_density(1280, 1280) == 1.0);
    assert_true(sd_app_pixel_density(0, 1280) == 1.0);

    /* The dummy driver has no high density: output pixels are window points, text sizes
     * are those of the text scale alone. */
    seen w = {0};
    sd_app *app = make_app("density", &w);
    frame(app);
    int ow = 0, oh = 0;
    sd_app_output_size(app, &ow, &oh);
    assert_int_equal(ow, 1280);
    assert_int_equal(oh, 800);
    sd_theme th;
    sd_theme_init(&th, 1.0);
    sd_theme_set_density(&th, 2.0);
    assert_int_equal(th.font_body, 30);
    assert_int_equal(th.pad, 16);
    sd_theme_set_density(&th, 1.0);
    assert_int_equal(th.font_body, 15);
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_click_row_tab_and_menu),
        cmocka_unit_test(test_click_places_caret_and_drag_selects),
        cmocka_unit_test(test_delete_with_typed_reason),
        cmocka_unit_test(test_points_to_pixels),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
