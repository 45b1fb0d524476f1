/* test_window.c - cmocka tests of the exercise window (engine/window), headless: the real
 * window with SDL's dummy video driver and the software renderer, driven by synthetic SDL
 * events one frame at a time. Selecting an item, typing a reply with å/ä/ö and sending it,
 * escalating, pausing and ending the exercise are checked on the core's state (situation,
 * the records an observer sees, the session log); every drawn rectangle (the delete and
 * inject forms included) stays inside its panel at 1024x640 at 100 % and 200 % text size;
 * a steady frame renders no text; the palette passes WCAG AA. Set
 * SD_WINDOW_SCREENSHOT=path.bmp to keep a screenshot. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "theme.h"

static char g_dir[64];

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    strcpy(g_dir, "/tmp/sd_window_XXXXXX");
    return mkdtemp(g_dir) ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    return nftw(g_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* What an observer saw of the participant's actions. */
typedef struct seen {
    size_t n;
    sd_action_kind kind[64];
    char item[64][40];
    char text[64][400];
    int target[64];
    size_t rejected;
    bool ended;
} seen;

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    seen *w = ctx;
    if (rec->type == SD_REC_REJECTED)
        w->rejected++;
    if (rec->type == SD_REC_END)
        w->ended = true;
    if (rec->type == SD_REC_ACTION && w->n < 64) {
        w->kind[w->n] = rec->u.action.kind;
        snprintf(w->item[w->n], sizeof w->item[0], "%s", rec->u.action.item ? rec->u.action.item : "");
        snprintf(w->text[w->n], sizeof w->text[0], "%s", rec->u.action.text ? rec->u.action.text : "");
        w->target[w->n] = rec->u.action.target;
        w->n++;
    }
    return SD_OK;
}

static sd_app *make_app(const char *name, int w, int h, double scale, bool exam)
{
    char log[256];
    snprintf(log, sizeof log, "%s/%s.jsonl", g_dir, name);
    sd_app_config cfg = {.scenario_path = "scenarios/introduktion.lua", .log_path = log, .lang = -1,
                         .exam = exam, .width = w, .height = h, .text_scale = scale, .hidden = true,
                         .debug_rects = true, .no_wall_clock = true};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    return app;
}

static void frame(sd_app *app, double dt)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, dt, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

static void step_to(sd_app *app, int minutes)
{
    sd_session *s = sd_app_session(app);
    sd_time target = sd_session_now(s) - (sd_session_now(s) % 60);
    sd_error err = SD_ERROR_INIT;
    sd_situation sit;
    sd_session_situation(s, &sit);
    (void)target;
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    double left = (double)(h->start + minutes * 60 - sd_session_now(s));
    if (left > 0 && sd_session_step_sim(s, left, &err) != SD_OK)
        fail_msg("step: %s", sd_error_msg(&err));
    frame(app, 0);
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

static void check_containment(sd_app *app, const char *what)
{
    int w, h;
    sd_app_output_size(app, &w, &h);
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    assert_true(n > 20);
    for (size_t i = 0; i < n; i++) {
        SDL_Rect c = r[i].clip, d = r[i].rect;
        if (c.x < 0 || c.y < 0 || c.x + c.w > w || c.y + c.h > h)
            fail_msg("%s: panel %s (%d,%d %dx%d) outside the window %dx%d", what, r[i].panel, c.x, c.y, c.w, c.h, w, h);
        if (d.x < c.x || d.y < c.y || d.x + d.w > c.x + c.w || d.y + d.h > c.y + c.h)
            fail_msg("%s: drawn (%d,%d %dx%d) outside panel %s (%d,%d %dx%d)", what, d.x, d.y, d.w, d.h,
                     r[i].panel, c.x, c.y, c.w, c.h);
    }
}

/* ---- tests ---- */

static void test_palette_passes_wcag_aa(void **state)
{
    (void)state;
    sd_theme th;
    sd_theme_init(&th, 1.0);
    sd_theme_pair pairs[128];
    size_t n = sd_theme_pairs(&th, pairs, 128);
    assert_true(n > 20 && n <= 128);
    for (size_t i = 0; i < n; i++)
        if (sd_wcag_contrast(pairs[i].fg, pairs[i].bg) < 4.5)
            fail_msg("pair %zu on %s: contrast %.2f < 4.5", i, pairs[i].name, sd_wcag_contrast(pairs[i].fg, pairs[i].bg));
    sd_rgba black = {0, 0, 0, 255}, white = {255, 255, 255, 255};
    assert_true(sd_wcag_contrast(black, white) > 20.9);
}

static void test_reply_escalate_pause_end(void **state)
{
    (void)state;
    sd_app *app = make_app("flow", 1024, 640, 1.0, false);
    seen w = {0};
    assert_int_equal(sd_session_add_observer(sd_app_session(app), observe, &w, NULL), SD_OK);
    frame(app, 0);
    step_to(app, 5);
    /* The waiting filter shows the oldest first: Lena's question c1. */
    assert_non_null(sd_app_selected_id(app));
    assert_string_equal(sd_app_selected_id(app), "c1");

    key(SDLK_r, 0);
    frame(app, 0);
    type("Hej Lena! Från måndag töms kärlen på Björkvägen på tisdagar. Schemat: "
         "https://www.example.se/ekby/sophamtning\nVänliga hälsningar, Kim");
    frame(app, 0);
    key(SDLK_RETURN, KMOD_LCTRL);
    frame(app, 0);
    assert_int_equal(w.n, 1);
    assert_int_equal(w.kind[0], SD_ACT_REPLY);
    assert_string_equal(w.item[0], "c1");
    assert_non_null(strstr(w.text[0], "Från måndag töms kärlen på Björkvägen"));
    assert_non_null(strstr(w.text[0], "Vänliga hälsningar, Kim"));
    sd_situation sit;
    sd_session_situation(sd_app_session(app), &sit);
    assert_int_equal(sit.answered, 1);
    assert_int_equal(w.rejected, 0);

    /* Escalate Ahmed's direct message to case handling. */
    step_to(app, 27);
    key(SDLK_3, 0);
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), "d1");
    key(SDLK_e, 0);
    frame(app, 0);
    key(SDLK_1, 0);
    frame(app, 0);
    assert_int_equal(w.n, 2);
    assert_int_equal(w.kind[1], SD_ACT_ESCALATE);
    assert_string_equal(w.item[1], "d1");
    assert_int_equal(w.target[1], SD_TARGET_CASE_HANDLING);

    /* A refused action is shown and the exercise goes on. */
    key(SDLK_k, 0); /* acknowledge is for internal messages only */
    frame(app, 0);
    assert_int_equal(w.rejected, 1);
    assert_non_null(strstr(sd_app_status(app), ":"));

    /* Pause: the clock stands still. */
    key(SDLK_F5, 0);
    frame(app, 0);
    assert_true(sd_session_paused(sd_app_session(app)));
    sd_time before = sd_session_now(sd_app_session(app));
    frame(app, 5.0);
    assert_int_equal(sd_session_now(sd_app_session(app)), before);
    key(SDLK_F5, 0);
    frame(app, 1.0);
    assert_false(sd_session_paused(sd_app_session(app)));
    assert_true(sd_session_now(sd_app_session(app)) > before);

    /* End the exercise: the scorecard, then the results file. */
    key(SDLK_F10, 0);
    frame(app, 0);
    key(SDLK_y, 0);
    frame(app, 0);
    assert_true(w.ended);
    assert_true(sd_session_finished(sd_app_session(app)));
    assert_true(sd_app_on_scorecard(app));
    check_containment(app, "scorecard");
    key(SDLK_j, 0);
    frame(app, 0);
    char *results = slurp(sd_app_results_path(app));
    assert_non_null(strstr(results, "stormdrill.result/1"));
    free(results);
    sd_app_destroy(app);

    char log[256];
    snprintf(log, sizeof log, "%s/flow.jsonl", g_dir);
    char *text = slurp(log);
    assert_non_null(strstr(text, "\"reply\""));
    assert_non_null(strstr(text, "Björkvägen på tisdagar"));
    assert_non_null(strstr(text, "\"escalate\""));
    assert_non_null(strstr(text, "\"rejected\""));
    assert_non_null(strstr(text, "ended by facilitator"));
    free(text);
}

static void containment_at(double scale, const char *name)
{
    sd_app *app = make_app(name, 1024, 640, scale, false);
    frame(app, 0);
    check_containment(app, "start");
    step_to(app, 70); /* the storm is on */
    key(SDLK_2, 0);
    frame(app, 0);
    key(SDLK_DOWN, 0);
    key(SDLK_r, 0);
    frame(app, 0);
    type("Hej! Jag förstår att det är jobbigt, [namn]. Vi öppnar igen på torsdag. "
         "Läs mer på https://www.example.se/ekby/atervinningscentralen Vänliga hälsningar, Kim");
    frame(app, 0);
    check_containment(app, "editor");
    key(SDLK_ESCAPE, 0);
    key(SDLK_F1, 0);
    frame(app, 0);
    check_containment(app, "help");
    key(SDLK_F1, 0);
    key(SDLK_e, 0);
    frame(app, 0);
    check_containment(app, "escalate menu");
    key(SDLK_ESCAPE, 0);
    key(SDLK_s, 0);
    frame(app, 0);
    check_containment(app, "account menu");
    key(SDLK_ESCAPE, 0);
    key(SDLK_x, 0);
    frame(app, 0);
    type("Hot mot en anställd, skrivet som ett mycket långt skäl som inte ryms på en rad i rutan");
    frame(app, 0);
    check_containment(app, "delete form");
    key(SDLK_ESCAPE, 0);
    key(SDLK_F9, 0);
    frame(app, 0);
    type("Ett inlägg från kursledaren som är långt nog att radbrytas flera gånger i fältet för text.");
    frame(app, 0);
    check_containment(app, "inject form");
    key(SDLK_ESCAPE, 0);
    frame(app, 0);
    const char *shot = getenv("SD_WINDOW_SCREENSHOT");
    if (shot && scale == 1.0) {
        sd_error err = SD_ERROR_INIT;
        assert_int_equal(sd_app_screenshot_bmp(app, shot, &err), SD_OK);
    }
    key(SDLK_F10, 0);
    key(SDLK_RETURN, 0);
    frame(app, 0);
    assert_true(sd_app_on_scorecard(app));
    check_containment(app, "scorecard");
    sd_app_destroy(app);
}

static void test_nothing_outside_its_panel(void **state)
{
    (void)state;
    containment_at(1.0, "contain100");
}

static void test_nothing_outside_its_panel_at_200(void **state)
{
    (void)state;
    containment_at(2.0, "contain200");
}

static void test_steady_frame_renders_no_text(void **state)
{
    (void)state;
    sd_app *app = make_app("steady", 1280, 800, 1.0, true);
    frame(app, 0);
    step_to(app, 60);
    key(SDLK_F5, 0); /* paused: nothing changes from frame to frame */
    frame(app, 0);
    frame(app, 0);
    sd_text_stats ts;
    sd_app_text_stats(app, &ts);
    assert_true(ts.hits > 20);
    assert_int_equal(ts.renders, 0);
    /* Ctrl + makes the text larger, Ctrl 0 resets it. */
    key(SDLK_EQUALS, KMOD_LCTRL);
    frame(app, 0);
    assert_true(sd_app_text_scale(app) > 1.0);
    check_containment(app, "larger");
    key(SDLK_0, KMOD_LCTRL);
    frame(app, 0);
    assert_true(sd_app_text_scale(app) == 1.0);
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_palette_passes_wcag_aa),
        cmocka_unit_test(test_reply_escalate_pause_end),
        cmocka_unit_test(test_nothing_outside_its_panel),
        cmocka_unit_test(test_nothing_outside_its_panel_at_200),
        cmocka_unit_test(test_steady_frame_renders_no_text),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
