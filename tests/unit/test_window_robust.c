/* test_window_robust.c - cmocka tests of the exercise window (engine/window) against bad
 * input and failing disks, headless (SDL's dummy video driver, the software renderer):
 *  - invalid UTF-8 typed (SDL_TEXTINPUT events) and pasted (SDL_SetClipboardText, which
 *    works under the dummy driver: SDL keeps the text itself) leaves the reply editor valid
 *    UTF-8 with U+FFFD for each invalid part, and the reply sent reaches the log repaired;
 *  - the text cache never hands SDL_ttf raw bytes: a NUL inside a run does not cut it short,
 *    invalid bytes measure as U+FFFD;
 *  - saving the results or the CSV on the scorecard into a path that cannot be written
 *    shows an error naming the file and the session log, keeps the scorecard and the
 *    exercise, leaves no temporary file, and a later save succeeds. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "scoring/texts.h"
#include "text.h"
#include "util/utf8.h"

#define R "\xEF\xBF\xBD" /* U+FFFD */

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    return sd_test_tempdir_make(g_dir, "sd_robust");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static sd_app *make_app(const char *log)
{
    sd_app_config cfg = {.scenario_path = "scenarios/introduktion.lua", .log_path = log, .lang = -1,
                         .width = 1024, .height = 640, .hidden = true, .no_wall_clock = true};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    return app;
}

static void frame(sd_app *app)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, 0, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

/* Real time passing on the scorecard: its hold (1.5 s) and the gap that makes a key
 * deliberate (ending.c). */
static void wait_real(sd_app *app, double seconds)
{
    for (double t = 0; t < seconds; t += 0.25) {
        sd_error err = SD_ERROR_INIT;
        bool running = true;
        if (sd_app_frame(app, 0.25, &running, &err) != SD_OK)
            fail_msg("sd_app_frame: %s", sd_error_msg(&err));
    }
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

/* One SDL_TEXTINPUT event carrying the bytes of s as they are. */
static void text_event(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    assert_true(strlen(s) < sizeof e.text.text);
    memcpy(e.text.text, s, strlen(s));
    assert_int_equal(SDL_PushEvent(&e), 1);
}

/* Typed pieces (what an input method could deliver) and what the editor must hold. */
static const struct { const char *in, *want; } typed[] = {
    {"Hej ", "Hej "},
    {"\xC0\xAF", R R},             /* overlong '/' */
    {"\xED\xA0\x80", R R R},       /* a surrogate */
    {"\xE2\x82", R},               /* truncated */
    {"\xF4\x90\x80\x80", R R R R}, /* above U+10FFFF */
    {"\x80", R},                   /* lone continuation */
    {"Åsa!", "Åsa!"},
};

static void test_invalid_typed_and_pasted(void **state)
{
    (void)state;
    char log[256];
    snprintf(log, sizeof log, "%s/typed.jsonl", g_dir);
    sd_app *app = make_app(log);
    frame(app);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_step_sim(sd_app_session(app), 5 * 60, &err), SD_OK);
    frame(app);
    assert_non_null(sd_app_selected_id(app)); /* c1, the oldest waiting question */
    key(SDLK_r, 0);
    frame(app);
    assert_true(sd_app_editing(app));

    char want[400] = "";
    for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
        text_event(typed[i].in);
        strcat(want, typed[i].want);
    }
    frame(app);
    const char *ed = sd_app_editor_text(app);
    assert_true(sd_utf8_valid(ed, strlen(ed)));
    assert_string_equal(ed, want);

    /* The clipboard: SDL keeps the text as given under the dummy driver. */
    assert_int_equal(SDL_SetClipboardText(" x\xC3(\xFF" "y"), 0);
    key(SDLK_END, KMOD_LCTRL);
    key(SDLK_v, KMOD_LCTRL);
    frame(app);
    strcat(want, " x" R "(" R "y");
    ed = sd_app_editor_text(app);
    assert_true(sd_utf8_valid(ed, strlen(ed)));
    assert_string_equal(ed, want);

    /* Sent: the log holds the repaired reply. */
    key(SDLK_RETURN, KMOD_LCTRL);
    frame(app);
    sd_app_destroy(app);
    char *text = sd_test_read_file(log, NULL);
    assert_non_null(text);
    assert_true(sd_utf8_valid(text, strlen(text)));
    assert_non_null(strstr(text, "\"type\":\"action\""));
    if (strstr(text, want) == NULL)
        fail_msg("the log lacks the repaired reply '%s'", want);
    free(text);
}

static void test_text_cache_repairs(void **state)
{
    (void)state;
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    SDL_Window *win = SDL_CreateWindow("t", 0, 0, 200, 100, SDL_WINDOW_HIDDEN);
    assert_non_null(win);
    SDL_Renderer *ren = SDL_CreateRenderer(win, -1, 0);
    assert_non_null(ren);
    char fonts[1100];
    snprintf(fonts, sizeof fonts, "%s/fonts", sd_assets_dir());
    sd_text *t = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_text_create(ren, fonts, 1u << 20, &t, &err) != SD_OK)
        fail_msg("sd_text_create: %s", sd_error_msg(&err));
    int a = sd_text_width(t, 16, false, "a", 1);
    int arb = sd_text_width(t, 16, false, "a" R "b", 5);
    assert_true(a > 0 && arb > a);
    /* A NUL inside the run is drawn as U+FFFD: nothing after it is lost. */
    assert_int_equal(sd_text_width(t, 16, false, "a\0b", 3), arb);
    /* Invalid bytes measure and render as U+FFFD. */
    assert_int_equal(sd_text_width(t, 16, false, "a\xC0" "b", 3), arb);
    int w = 0, h = 0, w2 = 0, h2 = 0;
    assert_non_null(sd_text_get(t, 16, false, (sd_rgba){0, 0, 0, 255}, "a\xED\xA0\x80" "b", 5, &w, &h));
    assert_non_null(sd_text_get(t, 16, false, (sd_rgba){0, 0, 0, 255}, "a" R R R "b", 11, &w2, &h2));
    assert_int_equal(w, w2);
    /* A long invalid run (past the stack buffer) too. */
    char big[2000];
    memset(big, 0x80, sizeof big);
    assert_true(sd_text_width(t, 16, false, big, sizeof big) > 0);
    sd_text_free(t);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

static size_t temp_files(const char *dir)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strstr(e->d_name, ".tmp.") != NULL;
    closedir(d);
    return n;
}

static void test_save_failure_keeps_the_exercise(void **state)
{
    (void)state;
    char dir[128], log[256];
    snprintf(dir, sizeof dir, "%s/save", g_dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(log, sizeof log, "%s/ovning.jsonl", dir);
    sd_app *app = make_app(log);
    frame(app);
    key(SDLK_F10, 0);
    frame(app);
    key(SDLK_y, 0);
    frame(app);
    assert_true(sd_app_on_scorecard(app));
    assert_string_equal(sd_app_save_error(app), "");

    /* A folder where the results should go: the rename into place fails (as root, too). */
    const char *paths[2] = {sd_app_results_path(app), sd_app_csv_path(app)};
    const SDL_Keycode keys[2] = {SDLK_j, SDLK_c};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(mkdir(paths[i], 0755), 0);
        wait_real(app, 2);
        key(keys[i], 0);
        frame(app); /* the frame goes on: no error ends the window */
        assert_true(sd_app_on_scorecard(app));
        assert_true(sd_app_status_bad(app));
        const char *st = sd_app_status(app);
        if (!strstr(st, paths[i]) || !strstr(st, "Is a directory") || !strstr(st, log))
            fail_msg("the status should name %s, the reason and the log %s: %s", paths[i], log, st);
        assert_non_null(strstr(sd_app_save_error(app), paths[i]));
        assert_int_equal(temp_files(dir), 0);
        frame(app); /* the scorecard draws the error */
        assert_int_equal(rmdir(paths[i]), 0);
    }

    /* Trying again once the path is free: saved, the error gone. */
    wait_real(app, 1);
    key(SDLK_j, 0);
    frame(app);
    assert_false(sd_app_status_bad(app));
    assert_string_equal(sd_app_save_error(app), "");
    char *results = sd_test_read_file(sd_app_results_path(app), NULL);
    assert_non_null(results);
    assert_non_null(strstr(results, "stormdrill.result/2"));
    free(results);
    wait_real(app, 1);
    key(SDLK_c, 0);
    frame(app);
    assert_false(sd_app_status_bad(app));
    assert_int_equal(access(sd_app_csv_path(app), R_OK), 0);
    assert_int_equal(temp_files(dir), 0);
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_invalid_typed_and_pasted),
        cmocka_unit_test(test_text_cache_repairs),
        cmocka_unit_test(test_save_failure_keeps_the_exercise),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
