/* test_window_colleague.c - the simulated colleague in the exercise window (engine/window),
 * headless with SDL's dummy video driver and the software renderer: after the call for
 * backup the colleague's message is in the inbox, the situation panel counts the
 * colleagues helping, the feed marks each item a colleague answered "Sara (kollega)
 * svarade" (in an English window "Sara (colleague) replied") and no other, and the thread
 * view of such an item shows who replied and the reply's text; the same in a replay of the
 * log. What a panel says is read from the draw list's text records (debug_rects). Set
 * SD_WINDOW_SCREENSHOT=path.bmp to keep a screenshot of the thread of an answered item. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "replay.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    return sd_test_tempdir_make(g_dir, "sd_window_colleague");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static const char *const SCENARIO =
    "scenario { id = 'kollega', title = 'Kollega', start = '2026-03-10 09:00', duration = '1h',\n"
    "           compression = 10, colleague = { delay = '2m', pace = '1m' } }\n"
    "persona { id = 'asa', first = 'Åsa', last = 'Öberg', mood = 'calm' }\n"
    "persona { id = 'bo', first = 'Bo', last = 'Ek', mood = 'worried' }\n"
    "persona { id = 'dan', first = 'Dan', last = 'Berg', mood = 'angry' }\n"
    "post { id = 'p1', at = '+0m', text = 'Biblioteket stänger för renovering.' }\n"
    "local E = { within = '30m', model = 'Vi öppnar igen i september.' }\n"
    "comment { id = 'q1', at = '+1m', on = 'p1', author = 'asa', text = 'När öppnar ni?', expect = E }\n"
    "comment { id = 'q2', at = '+1m', on = 'p1', author = 'bo', text = 'Var ska vi låna?', expect = E }\n"
    "comment { id = 'a1', at = '+1m', on = 'p1', author = 'dan', text = 'Skandal!', expect = E }\n";

static void frame(sd_app *app)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, 0, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

static void key(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

/* How many text runs the last frame drew in panel that start with prefix. */
static size_t drawn(sd_app *app, const char *panel, const char *prefix)
{
    size_t n, k = 0;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].panel, panel) == 0 && strncmp(r[i].text, prefix, strlen(prefix)) == 0)
            k++;
    return k;
}

/* Moves the feed's selection to id with the arrow keys (the same in a replay). */
static void select_id(sd_app *app, const char *id)
{
    for (int i = 0; i < 40; i++)
        key(SDLK_UP);
    frame(app);
    for (int i = 0; i < 40; i++) {
        if (sd_app_selected_id(app) && strcmp(sd_app_selected_id(app), id) == 0)
            return;
        key(SDLK_DOWN);
        frame(app);
    }
    fail_msg("%s is not in the feed", id);
}

/* Checks the feed and thread of a window showing the exercise after both colleague
 * replies (live or replayed). */
static void check_window(sd_app *app, const char *replied, const char *what)
{
    /* the feed's "all" filter, answered items too (a replay opens on it) */
    if (!sd_app_is_replay(app))
        key(SDLK_2);
    frame(app);
    /* q1 and q2 were answered by Sara (one a minute from minute 3); a1 is not hers */
    if (drawn(app, "feed", replied) != 2)
        fail_msg("%s: the feed marks %zu items '%s', not 2", what, drawn(app, "feed", replied),
                 replied);
    select_id(app, "q1");
    char head[96];
    snprintf(head, sizeof head, "09:03  %s:", replied);
    if (drawn(app, "thread", head) != 1)
        fail_msg("%s: the thread of q1 does not say '%s'", what, head);
    /* the reply's text in full, line by line */
    assert_int_equal(drawn(app, "thread", "Hej Åsa!"), 1);
    assert_int_equal(drawn(app, "thread", "Vi öppnar igen i september."), 1);
    assert_int_equal(drawn(app, "thread", "Vänliga hälsningar,"), 1);
    const char *shot = getenv("SD_WINDOW_SCREENSHOT"); /* to look at it: a BMP of this */
    sd_error err = SD_ERROR_INIT;
    if (shot && !sd_app_is_replay(app) && sd_app_screenshot_bmp(app, shot, &err) != SD_OK)
        fail_msg("screenshot: %s", sd_error_msg(&err));
    select_id(app, "a1");
    assert_int_equal(drawn(app, "thread", head), 0);
}

static void run_window(int lang, const char *replied, const char *helping, const char *log)
{
    char scenario[256];
    snprintf(scenario, sizeof scenario, "%s/kollega.lua", g_dir);
    assert_int_equal(sd_test_write_file(scenario, SCENARIO), 0);
    sd_app_config cfg = {.scenario_path = scenario, .log_path = log, .lang = lang,
                         .exam = true, .width = 1280, .height = 800, .hidden = true,
                         .debug_rects = true, .no_wall_clock = true};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    frame(app);
    sd_session *s = sd_app_session(app);
    sd_action a;
    sd_action_init(&a, SD_ACT_ESCALATE);
    a.target = SD_TARGET_COLLEAGUE_BACKUP;
    assert_int_equal(sd_session_act(s, &a, &err), SD_OK);
    frame(app);
    assert_int_equal(drawn(app, "situation", helping), 0);
    /* in at minute 2, replies at 3 and 4 */
    assert_int_equal(sd_session_step_sim(s, 4.5 * 60, &err), SD_OK);
    frame(app);
    assert_int_equal(drawn(app, "situation", helping), 1);
    /* the inbox holds her message */
    assert_true(drawn(app, "situation", "✓ ") + drawn(app, "situation", "● ") >= 1);
    check_window(app, replied, "live");
    assert_int_equal(sd_session_step_sim(s, 10 * 60, &err), SD_OK);
    frame(app);
    sd_app_destroy(app);

    /* the replay of the log: five minutes in, the same */
    sd_replay_config rc = {.log_path = log, .lang = lang, .width = 1280, .height = 800,
                           .hidden = true, .debug_rects = true};
    if (sd_replay_open(&rc, &app, &err) != SD_OK)
        fail_msg("sd_replay_open: %s", sd_error_msg(&err));
    frame(app);
    key(SDLK_SPACE); /* pause */
    key(SDLK_RIGHT);
    frame(app);
    assert_int_equal(drawn(app, "situation", helping), 1);
    check_window(app, replied, "replay");
    sd_app_destroy(app);
}

static void test_feed_and_thread_sv(void **state)
{
    (void)state;
    char log[256];
    snprintf(log, sizeof log, "%s/sv.jsonl", g_dir);
    run_window(-1, "Sara (kollega) svarade", "Kollegor som hjälper till", log);
}

static void test_feed_and_thread_en(void **state)
{
    (void)state;
    char log[256];
    snprintf(log, sizeof log, "%s/en.jsonl", g_dir);
    run_window(SD_LANG_EN, "Sara (colleague) replied", "Colleagues helping", log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feed_and_thread_sv),
        cmocka_unit_test(test_feed_and_thread_en),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
