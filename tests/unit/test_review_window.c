/* test_review_window.c - the review panel of `stormdrill review LOG` (window/review_panel.h)
 * in the real window under SDL's dummy video driver: a log made by running tests/data/mini.lua
 * with the diligent participant, reviewed by key presses and clicks at a human pace (frames
 * of a few tenths of a second between them): the evaluator's name asked and typed, two
 * replies stepped to and marked (answers, tone, a note), a decision marked with its button,
 * stepping back shows the marks made; then the review file is read back and checked: every
 * mark on disk, the last one per target holding the whole verdict, the machine's verdict
 * kept; reopening shows the marks again; nothing is drawn outside its panel. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/tempdir.h"
#include "log/logw.h"
#include "participant/bot.h"
#include "replay.h"
#include "review/review.h"
#include "review_panel.h"
#include "scenario/scenario_lua.h"

typedef struct fixture {
    char dir[64];
    char log[128], rev[160];
} fixture;

static int make_log(fixture *f)
{
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_bot *bot = NULL;
    sd_logw *log = NULL;
    sd_session *s = NULL;
    snprintf(f->log, sizeof f->log, "%s/mini.jsonl", f->dir);
    snprintf(f->rev, sizeof f->rev, "%s/mini.jsonl.review.jsonl", f->dir);
    if (sd_scenario_load(SD_TEST_DATA "/mini.lua", NULL, &sc, &err) != SD_OK ||
        sd_bot_load(SD_SOURCE_DIR "/scenarios/participants/diligent.lua", NULL, NULL, 0, &bot, &err) != SD_OK ||
        sd_logw_open(f->log, &log, &err) != SD_OK) {
        fprintf(stderr, "setup: %s\n", sd_error_msg(&err));
        sd_bot_free(bot);
        sd_scenario_free(sc);
        sd_error_clear(&err);
        return -1;
    }
    sd_session_config cfg = {.scenario = sc, .participant = sd_bot_name(bot), .participant_kind = "scripted",
                             .participant_path = sd_bot_path(bot), .participant_sha256 = sd_bot_sha256(bot),
                             .log = log, .no_wall_clock = true};
    if (sd_session_create(&cfg, &s, &err) != SD_OK || sd_bot_attach(bot, s, &err) != SD_OK ||
        sd_session_start(s, &err) != SD_OK || sd_session_run(s, &err) != SD_OK ||
        sd_logw_close(log, &err) != SD_OK) {
        fprintf(stderr, "run: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return -1;
    }
    sd_session_destroy(s);
    sd_bot_free(bot);
    sd_scenario_free(sc);
    return 0;
}

static int group_setup(void **state)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    *state = f;
    if (sd_test_tempdir_make(f->dir, "sd_review_win") != 0 || make_log(f) != 0)
        return -1;
    return 0;
}

static int group_teardown(void **state)
{
    fixture *f = *state;
    int rc = f && f->dir[0] ? sd_test_tempdir_remove(f->dir) : 0;
    free(f);
    return rc;
}

/* ---- driving the window ---- */

static sd_app *open_review(fixture *f, const char *evaluator)
{
    sd_replay_config cfg = {.log_path = f->log, .lang = -1, .width = 1280, .height = 800, .hidden = true,
                            .debug_rects = true, .review_path = f->rev, .evaluator = evaluator};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_replay_open(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_replay_open: %s", sd_error_msg(&err));
    assert_non_null(sd_replay_review_panel(app));
    return app;
}

static void frame(sd_app *app, double dt)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, dt, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
}

/* A person's pace: the key, then a few frames (0.3 s) before the next. */
static void settle(sd_app *app)
{
    for (int i = 0; i < 3; i++)
        frame(app, 0.1);
}

static void press(sd_app *app, SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    assert_int_equal(SDL_PushEvent(&e), 1);
    settle(app);
}

static void type(sd_app *app, const char *text)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", text);
    assert_int_equal(SDL_PushEvent(&e), 1);
    settle(app);
}

static void click(sd_app *app, SDL_Rect r)
{
    assert_true(r.w > 0 && r.h > 0);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    e.button.x = r.x + r.w / 2;
    e.button.y = r.y + r.h / 2;
    assert_int_equal(SDL_PushEvent(&e), 1);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    assert_int_equal(SDL_PushEvent(&e), 1);
    settle(app);
}

static const sd_review_panel *panel(sd_app *app) { return sd_replay_review_panel(app); }

static const sd_review_target *current(sd_app *app)
{
    const sd_review_panel *p = panel(app);
    return sd_review_panel_target(p, sd_review_panel_index(p));
}

/* Steps on with N until the current target is of this kind (false at the end). */
static bool next_of(sd_app *app, sd_review_kind kind, bool step_first)
{
    const sd_review_panel *p = panel(app);
    if (step_first) {
        if (sd_review_panel_index(p) + 1 >= sd_review_panel_count(p))
            return false;
        press(app, SDLK_n);
    }
    while (current(app)->kind != kind) {
        size_t before = sd_review_panel_index(p);
        press(app, SDLK_n);
        if (sd_review_panel_index(p) == before)
            return false;
    }
    return true;
}

static void check_containment(sd_app *app)
{
    int w, h;
    sd_app_output_size(app, &w, &h);
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    bool review = false;
    for (size_t i = 0; i < n; i++) {
        SDL_Rect c = r[i].clip, d = r[i].rect;
        review |= strcmp(r[i].panel, "review") == 0;
        if (d.x < c.x || d.y < c.y || d.x + d.w > c.x + c.w || d.y + d.h > c.y + c.h)
            fail_msg("drawn (%d,%d %dx%d) outside panel %s (%d,%d %dx%d)", d.x, d.y, d.w, d.h, r[i].panel, c.x, c.y,
                     c.w, c.h);
    }
    assert_true(review);
}

/* ---- the test ---- */

static void test_review_two_replies(void **state)
{
    fixture *f = *state;
    remove(f->rev);
    sd_app *app = open_review(f, NULL);
    settle(app);
    const sd_review_panel *p = panel(app);
    assert_true(sd_review_panel_count(p) >= 3);
    /* the name first: typed, letter by letter, then Enter; keys are text meanwhile */
    assert_true(sd_review_panel_asking_name(p));
    press(app, SDLK_1); /* no mark while the name is asked */
    type(app, "E");
    type(app, "va");
    type(app, " Ödman");
    press(app, SDLK_RETURN);
    assert_false(sd_review_panel_asking_name(p));
    assert_int_equal(sd_reviews_n(sd_review_panel_reviews(p)), 0);

    /* the first reply: answers yes (1), tone not acceptable (5) */
    assert_true(next_of(app, SD_REVIEW_REPLY, false));
    const sd_review_target *t1 = current(app);
    int32_t a1 = t1->action;
    assert_true(sd_replay_now(app) == t1->t); /* the replay went to the reply's time */
    assert_true(sd_replay_paused(app));
    assert_true(sd_replay_thread_actions(app) >= 1); /* the thread shows it */
    press(app, SDLK_1);
    assert_string_equal(sd_app_status(app), "Sparat i granskningsfilen.");
    press(app, SDLK_5);
    check_containment(app);
    assert_int_equal(sd_reviews_n(sd_review_panel_reviews(p)), 2);

    /* the second reply: partly (the button), tone acceptable (4), and a note */
    assert_true(next_of(app, SD_REVIEW_REPLY, true));
    int32_t a2 = current(app)->action;
    assert_int_not_equal(a1, a2);
    click(app, sd_review_panel_hit(p, SD_REVIEW_HIT_PARTLY));
    press(app, SDLK_4);
    press(app, SDLK_e);
    type(app, "e"); /* the SDL_TEXTINPUT of the E that opened the field: not in the note */
    assert_true(sd_review_panel_editing(p));
    type(app, "Nämner ");
    type(app, "inte datumet");
    press(app, SDLK_RETURN);
    assert_false(sd_review_panel_editing(p));
    assert_int_equal(sd_reviews_n(sd_review_panel_reviews(p)), 5);

    if (getenv("SD_REVIEW_SHOT")) {
        char path[600];
        snprintf(path, sizeof path, "%s.reply.bmp", getenv("SD_REVIEW_SHOT"));
        sd_error e2 = SD_ERROR_INIT;
        if (sd_app_screenshot_bmp(app, path, &e2) != SD_OK)
            fail_msg("%s", sd_error_msg(&e2));
    }
    /* a note written and then cancelled is not saved */
    press(app, SDLK_e);
    type(app, "bort");
    press(app, SDLK_ESCAPE);
    assert_int_equal(sd_reviews_n(sd_review_panel_reviews(p)), 5);

    /* a decision, with its button */
    size_t at = sd_review_panel_index(p);
    if (next_of(app, SD_REVIEW_DECISION, true)) {
        click(app, sd_review_panel_hit(p, SD_REVIEW_HIT_WRONG));
        assert_int_equal(sd_reviews_n(sd_review_panel_reviews(p)), 6);
        assert_int_equal(sd_review_panel_hit(p, SD_REVIEW_HIT_YES).w, 0); /* no answers buttons */
    }
    /* SD_REVIEW_SHOT=FILE.bmp: a picture of the panel, to look at */
    if (getenv("SD_REVIEW_SHOT")) {
        sd_error e2 = SD_ERROR_INIT;
        if (sd_app_screenshot_bmp(app, getenv("SD_REVIEW_SHOT"), &e2) != SD_OK)
            fail_msg("%s", sd_error_msg(&e2));
    }
    /* back to the first reply with P: its marks are shown again */
    while (sd_review_panel_index(p) > 0 && current(app)->action != a1)
        press(app, SDLK_p);
    assert_int_equal(current(app)->action, a1);
    (void)at;
    check_containment(app);
    sd_app_destroy(app);

    /* the file: every mark on disk, the last per target the whole verdict */
    sd_reviews *rv = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_reviews_load(f->rev, f->log, &rv, &err) != SD_OK)
        fail_msg("%s", sd_error_msg(&err));
    assert_true(sd_reviews_n(rv) >= 5);
    assert_int_equal(sd_reviews_n_evaluators(rv), 1);
    assert_string_equal(sd_reviews_evaluator(rv, 0), "Eva Ödman");
    sd_review_mark m;
    assert_true(sd_reviews_reply(rv, (size_t)a1, &m));
    assert_int_equal(m.answers, SD_ANSWERS_YES);
    assert_int_equal(m.tone_ok, 0);
    assert_null(m.note);
    assert_true(sd_reviews_reply(rv, (size_t)a2, &m));
    assert_int_equal(m.answers, SD_ANSWERS_PARTLY);
    assert_int_equal(m.tone_ok, 1);
    assert_string_equal(m.note, "Nämner inte datumet");
    const sd_review_entry *e = sd_reviews_at(rv, 0);
    assert_true(e->has_machine);
    assert_true(e->at > 1700000000); /* real time */
    sd_reviews_free(rv);

    /* reopened with the name given: no question, and the marks are there */
    app = open_review(f, "Olle");
    settle(app);
    p = panel(app);
    assert_false(sd_review_panel_asking_name(p));
    assert_true(sd_reviews_n(sd_review_panel_reviews(p)) >= 5);
    sd_app_destroy(app);
}

/* A review file of another log is refused when the window opens. */
static void test_review_other_log(void **state)
{
    fixture *f = *state;
    char other[200];
    snprintf(other, sizeof other, "%s/other.review.jsonl", f->dir);
    assert_int_equal(sd_test_write_file(other, "{\"type\":\"header\",\"format\":\"stormdrill.review/1\",\"log_sha256\":"
                                               "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}\n"),
                     0);
    sd_replay_config cfg = {.log_path = f->log, .lang = -1, .hidden = true, .review_path = other, .evaluator = "Eva"};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    assert_int_equal(sd_replay_open(&cfg, &app, &err), SD_ERR_INPUT);
    assert_null(app);
    assert_non_null(strstr(sd_error_msg(&err), "made for another log"));
    sd_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_review_two_replies),
        cmocka_unit_test(test_review_other_log),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
