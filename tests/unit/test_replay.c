/* test_replay.c - cmocka tests of the window's replay mode (engine/window/replay.c),
 * headless: a log is made by running tests/data/mini.lua with the diligent participant
 * through the engine API, then replayed in the real window (SDL's dummy video driver, the
 * software renderer) one frame at a time with synthetic key and mouse events. Checked: the
 * items shown at time T are the item records with t <= T; a reply shows in its item's
 * thread once its time has passed and not before; seeking back and forth gives the same
 * state; speed keys and play; the slider; nothing drawn outside its panel; the scorecard at
 * the end; bad, torn and over-long logs; a record type the replay does not display. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log/logr.h"
#include "log/logw.h"
#include "util/readfile.h"
#include "participant/bot.h"
#include "replay.h"
#include "scenario/scenario_lua.h"
#include "../support/tempdir.h"

/* What the test knows of the log, read independently of the replay (log/logr.h). */
#define MAX_T 512
typedef struct fixture {
    char dir[64];
    char log[128];
    sd_time start, end;
    sd_time item_t[MAX_T];
    size_t n_items;
    sd_time reply_t;       /* the first reply */
    char reply_item[64];
    char reply_text[64];   /* its start */
} fixture;

static int make_log(fixture *f)
{
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_bot *bot = NULL;
    sd_logw *log = NULL;
    sd_session *s = NULL;
    snprintf(f->log, sizeof f->log, "%s/mini.jsonl", f->dir);
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

static void read_log(fixture *f)
{
    sd_error err = SD_ERROR_INIT;
    sd_logr *r = NULL;
    assert_int_equal(sd_logr_open(f->log, &r, &err), SD_OK);
    for (;;) {
        sd_record rec;
        bool got;
        assert_int_equal(sd_logr_next(r, &rec, &got, &err), SD_OK);
        if (!got)
            break;
        if (rec.type == SD_REC_HEADER)
            f->start = rec.t;
        if (rec.type == SD_REC_END)
            f->end = rec.t;
        if (rec.type == SD_REC_ITEM) {
            assert_true(f->n_items < MAX_T);
            f->item_t[f->n_items++] = rec.t;
        }
        if (rec.type == SD_REC_ACTION && rec.u.action.kind == SD_ACT_REPLY && !f->reply_t) {
            f->reply_t = rec.t;
            snprintf(f->reply_item, sizeof f->reply_item, "%s", rec.u.action.item);
            snprintf(f->reply_text, sizeof f->reply_text, "%s", rec.u.action.text);
        }
    }
    sd_logr_close(r);
    assert_true(f->n_items > 5);
    assert_true(f->reply_t > f->start);
    assert_true(f->end > f->start);
}

static int group_setup(void **state)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    *state = f;
    if (sd_test_tempdir_make(f->dir, "sd_replay") != 0)
        return -1;
    if (make_log(f) != 0)
        return -1;
    read_log(f);
    return 0;
}

static int group_teardown(void **state)
{
    fixture *f = *state;
    if (!f)
        return 0;
    int rc = f->dir[0] ? sd_test_tempdir_remove(f->dir) : 0;
    free(f);
    return rc;
}

/* ---- helpers ---- */

static sd_app *open_replay(const char *log, int w, int h, double scale)
{
    sd_replay_config cfg = {.log_path = log, .lang = -1, .width = w, .height = h, .text_scale = scale,
                            .hidden = true, .debug_rects = true};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_replay_open(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_replay_open: %s", sd_error_msg(&err));
    assert_true(sd_app_is_replay(app));
    return app;
}

static void frame(sd_app *app, double dt)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, dt, &running, &err) != SD_OK)
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

static void press(sd_app *app, SDL_Keycode k)
{
    key(k);
    frame(app, 0);
}

static void mouse(Uint32 type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
        e.motion.state = SDL_BUTTON_LMASK;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static size_t items_until(const fixture *f, sd_time t)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n_items; i++)
        n += f->item_t[i] <= t;
    return n;
}

static void check_containment(sd_app *app, const char *what)
{
    int w, h;
    sd_app_output_size(app, &w, &h);
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    assert_true(n > 10);
    bool slider = false;
    for (size_t i = 0; i < n; i++) {
        SDL_Rect c = r[i].clip, d = r[i].rect;
        slider |= strcmp(r[i].panel, "slider") == 0;
        if (c.x < 0 || c.y < 0 || c.x + c.w > w || c.y + c.h > h)
            fail_msg("%s: panel %s (%d,%d %dx%d) outside the window %dx%d", what, r[i].panel, c.x, c.y, c.w, c.h, w, h);
        if (d.x < c.x || d.y < c.y || d.x + d.w > c.x + c.w || d.y + d.h > c.y + c.h)
            fail_msg("%s: drawn (%d,%d %dx%d) outside panel %s (%d,%d %dx%d)", what, d.x, d.y, d.w, d.h,
                     r[i].panel, c.x, c.y, c.w, c.h);
    }
    assert_true(slider);
}

/* What the window shows, as one string: the results as of the replay time (every item,
 * action and answer time), the items shown and the situation figures. */
static char *digest(sd_app *app)
{
    sd_buf b = SD_BUF_INIT;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_to_json(sd_app_results(app), &b, &err), SD_OK);
    sd_situation s;
    sd_app_situation(app, &s);
    char tail[256];
    snprintf(tail, sizeof tail, "|%zu|%ld|%zu|%zu|%zu|%zu|%ld|%g|%g|%zu", sd_replay_items_shown(app), (long)s.now,
             s.items, s.waiting, s.overdue, s.answered, (long)s.oldest_wait, s.intensity, s.sentiment, s.rejected);
    size_t n = strlen(sd_buf_str(&b)) + strlen(tail) + 1;
    char *out = malloc(n);
    assert_non_null(out);
    snprintf(out, n, "%s%s", sd_buf_str(&b), tail);
    sd_buf_free(&b);
    return out;
}

static void copy_file(const char *from, const char *to, const char *insert_after_line2, const char *append)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char line[1 << 16];
    int n = 0;
    while (fgets(line, sizeof line, in)) {
        fputs(line, out);
        if (++n == 2 && insert_after_line2)
            fputs(insert_after_line2, out);
    }
    if (append)
        fputs(append, out);
    fclose(in);
    fclose(out);
    /* The hash chain is computed again (as a forger could), so the checks behind it are
     * what finds the inserted line. */
    sd_buf text = SD_BUF_INIT, chained = SD_BUF_INIT;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_read_regular(to, NULL, 0, &text, &err), SD_OK);
    assert_int_equal(sd_chain_rewrite(text.data, text.len, NULL, &chained), SD_OK);
    out = fopen(to, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(chained.data, 1, chained.len, out), chained.len);
    fclose(out);
    sd_buf_free(&text);
    sd_buf_free(&chained);
}

/* ---- tests ---- */

static void test_items_follow_the_replay_clock(void **state)
{
    fixture *f = *state;
    sd_app *app = open_replay(f->log, 1024, 640, 1.0);
    frame(app, 0);
    assert_int_equal(sd_replay_now(app), f->start);
    assert_false(sd_replay_paused(app));
    press(app, SDLK_SPACE);
    assert_true(sd_replay_paused(app));
    assert_int_equal(sd_replay_items_shown(app), items_until(f, f->start));
    /* Right: five simulated minutes at a time, to the end */
    sd_time t = f->start;
    while (t < f->end) {
        press(app, SDLK_RIGHT);
        t = t + 300 < f->end ? t + 300 : f->end;
        assert_int_equal(sd_replay_now(app), t);
        assert_int_equal(sd_replay_items_shown(app), items_until(f, t));
        if (t < f->end)
            check_containment(app, "stepping");
    }
    /* the end: the scorecard of the log */
    assert_true(sd_app_on_scorecard(app));
    check_containment(app, "scorecard");
    /* Esc leaves it; Home starts again */
    press(app, SDLK_ESCAPE);
    assert_false(sd_app_on_scorecard(app));
    press(app, SDLK_HOME);
    assert_int_equal(sd_replay_now(app), f->start);
    assert_int_equal(sd_replay_items_shown(app), items_until(f, f->start));
    /* Left never goes before the start; End goes to the end */
    press(app, SDLK_LEFT);
    assert_int_equal(sd_replay_now(app), f->start);
    press(app, SDLK_END);
    assert_int_equal(sd_replay_now(app), f->end);
    assert_int_equal(sd_replay_items_shown(app), f->n_items);
    sd_app_destroy(app);
}

static void test_reply_shows_once_written(void **state)
{
    fixture *f = *state;
    sd_app *app = open_replay(f->log, 1024, 640, 1.0);
    sd_error err = SD_ERROR_INIT;
    press(app, SDLK_SPACE);
    /* a second before the reply: the item is there, the reply is not */
    assert_int_equal(sd_replay_seek(app, f->reply_t - 1, &err), SD_OK);
    assert_true(sd_replay_select(app, f->reply_item));
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), f->reply_item);
    assert_int_equal(sd_replay_thread_actions(app), 0);
    const sd_results *res = sd_app_results(app);
    assert_int_equal(sd_results_n_actions(res), 0);
    /* played up to it: one second at 1x */
    press(app, SDLK_1);
    assert_false(sd_replay_paused(app));
    assert_true(sd_replay_speed(app) == 1.0);
    frame(app, 1.0);
    assert_int_equal(sd_replay_now(app), f->reply_t);
    assert_string_equal(sd_app_selected_id(app), f->reply_item);
    assert_int_equal(sd_replay_thread_actions(app), 1);
    res = sd_app_results(app);
    assert_int_equal(sd_results_n_actions(res), 1);
    const sd_res_action *a = &sd_results_actions(res)[0];
    assert_int_equal(a->kind, SD_ACT_REPLY);
    assert_int_equal(a->t, f->reply_t);
    assert_non_null(a->text);
    assert_memory_equal(a->text, f->reply_text, strlen(f->reply_text));
    assert_string_equal(sd_results_items(res)[a->item].id, f->reply_item);
    check_containment(app, "thread with a reply");
    /* and gone again when seeking back before it */
    press(app, SDLK_SPACE);
    assert_int_equal(sd_replay_seek(app, f->reply_t - 60, &err), SD_OK);
    frame(app, 0);
    assert_int_equal(sd_replay_thread_actions(app), 0);
    sd_app_destroy(app);
}

static void test_seeking_back_and_forth_gives_the_same_state(void **state)
{
    fixture *f = *state;
    sd_app *app = open_replay(f->log, 1024, 640, 1.0);
    sd_error err = SD_ERROR_INIT;
    press(app, SDLK_SPACE);
    enum { N = 8 };
    char *first[N];
    sd_time at[N];
    for (int i = 0; i < N; i++) {
        press(app, SDLK_RIGHT);
        press(app, SDLK_RIGHT);
        at[i] = sd_replay_now(app);
        first[i] = digest(app);
    }
    /* to the end and back, in an order that goes back and forth */
    press(app, SDLK_END);
    const int order[N] = {5, 1, 7, 0, 3, 6, 2, 4};
    for (int k = 0; k < N; k++) {
        int i = order[k];
        assert_int_equal(sd_replay_seek(app, at[i], &err), SD_OK);
        frame(app, 0);
        char *again = digest(app);
        assert_string_equal(again, first[i]);
        free(again);
    }
    /* Left from further on lands on the same times */
    assert_int_equal(sd_replay_seek(app, at[4] + 300, &err), SD_OK);
    press(app, SDLK_LEFT);
    assert_int_equal(sd_replay_now(app), at[4]);
    char *again = digest(app);
    assert_string_equal(again, first[4]);
    free(again);
    for (int i = 0; i < N; i++)
        free(first[i]);
    sd_app_destroy(app);
}

static void test_speed_keys_and_play(void **state)
{
    fixture *f = *state;
    sd_app *app = open_replay(f->log, 1024, 640, 1.0);
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    double c = h->compression;
    assert_true(c > 1);
    frame(app, 0);
    assert_true(sd_replay_speed(app) == c); /* default: the log's compression */
    press(app, SDLK_1);
    assert_true(sd_replay_speed(app) == 1);
    press(app, SDLK_PLUS);
    assert_true(sd_replay_speed(app) == c);
    press(app, SDLK_PLUS);
    assert_true(sd_replay_speed(app) == 4 * c);
    press(app, SDLK_4);
    assert_true(sd_replay_speed(app) == 16 * c);
    press(app, SDLK_PLUS); /* the top step */
    assert_true(sd_replay_speed(app) == 16 * c);
    press(app, SDLK_MINUS);
    assert_true(sd_replay_speed(app) == 4 * c);
    press(app, SDLK_2);
    assert_true(sd_replay_speed(app) == c);
    /* playing: real seconds times the speed, fractions kept */
    sd_time t0 = sd_replay_now(app);
    for (int i = 0; i < 60; i++)
        frame(app, 1.0 / 60);
    sd_time t1 = sd_replay_now(app);
    assert_true(t1 >= t0 + (sd_time)c - 1 && t1 <= t0 + (sd_time)c);
    assert_int_equal(sd_replay_items_shown(app), items_until(f, t1));
    /* paused: nothing moves */
    press(app, SDLK_SPACE);
    frame(app, 5.0);
    assert_int_equal(sd_replay_now(app), t1);
    /* played to the end: stops there and shows the scorecard */
    press(app, SDLK_4);
    for (int i = 0; i < 100000 && !sd_app_on_scorecard(app); i++)
        frame(app, 0.25);
    assert_true(sd_app_on_scorecard(app));
    assert_int_equal(sd_replay_now(app), f->end);
    assert_true(sd_replay_paused(app));
    sd_app_destroy(app);
}

static void test_slider_click_and_drag(void **state)
{
    fixture *f = *state;
    sd_app *app = open_replay(f->log, 1024, 640, 1.0);
    press(app, SDLK_SPACE);
    SDL_Rect s = sd_replay_slider_rect(app);
    assert_true(s.w > 0 && s.h > 0);
    int y = s.y + s.h / 2;
    /* a click in the middle, then further right: later */
    mouse(SDL_MOUSEBUTTONDOWN, s.x + s.w / 2, y);
    mouse(SDL_MOUSEBUTTONUP, s.x + s.w / 2, y);
    frame(app, 0);
    sd_time mid = sd_replay_now(app);
    assert_true(mid > f->start && mid < f->end);
    assert_int_equal(sd_replay_items_shown(app), items_until(f, mid));
    /* a drag to the left edge and on past it: the start */
    mouse(SDL_MOUSEBUTTONDOWN, s.x + s.w * 3 / 4, y);
    frame(app, 0);
    sd_time later = sd_replay_now(app);
    assert_true(later > mid);
    mouse(SDL_MOUSEMOTION, s.x + s.w / 3, y);
    frame(app, 1.0); /* no playing while dragging */
    sd_time back = sd_replay_now(app);
    assert_true(back < mid);
    mouse(SDL_MOUSEMOTION, s.x - 50, y);
    mouse(SDL_MOUSEBUTTONUP, s.x - 50, y);
    frame(app, 0);
    assert_int_equal(sd_replay_now(app), f->start);
    assert_int_equal(sd_replay_items_shown(app), items_until(f, f->start));
    /* motion without a button held does nothing */
    mouse(SDL_MOUSEMOTION, s.x + s.w - 1, y);
    frame(app, 0);
    assert_int_equal(sd_replay_now(app), f->start);
    check_containment(app, "slider");
    sd_app_destroy(app);
}

static void test_nothing_outside_its_panel_at_200(void **state)
{
    fixture *f = *state;
    sd_app *app = open_replay(f->log, 1024, 640, getenv("SD_REPLAY_SCALE") ? atof(getenv("SD_REPLAY_SCALE")) : 2.0);
    sd_error err = SD_ERROR_INIT;
    press(app, SDLK_SPACE);
    assert_int_equal(sd_replay_seek(app, f->reply_t + 600, &err), SD_OK);
    assert_true(sd_replay_select(app, f->reply_item));
    frame(app, 0);
    check_containment(app, "200 %");
    if (getenv("SD_REPLAY_SCREENSHOT")) /* SD_REPLAY_SCREENSHOT=a.bmp keeps a.bmp and a.bmp.card.bmp */
        assert_int_equal(sd_app_screenshot_bmp(app, getenv("SD_REPLAY_SCREENSHOT"), &err), SD_OK);
    press(app, SDLK_END);
    assert_true(sd_app_on_scorecard(app));
    check_containment(app, "scorecard at 200 %");
    if (getenv("SD_REPLAY_SCREENSHOT")) {
        char card[300];
        snprintf(card, sizeof card, "%s.card.bmp", getenv("SD_REPLAY_SCREENSHOT"));
        assert_int_equal(sd_app_screenshot_bmp(app, card, &err), SD_OK);
    }
    sd_app_destroy(app);
}

static void test_bad_torn_and_long_logs(void **state)
{
    fixture *f = *state;
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    char path[160], want[200];

    /* a line that is not JSON: file:line */
    snprintf(path, sizeof path, "%s/bad.jsonl", f->dir);
    copy_file(f->log, path, "this is not json\n", NULL);
    sd_replay_config cfg = {.log_path = path, .lang = -1, .hidden = true};
    assert_int_equal(sd_replay_open(&cfg, &app, &err), SD_ERR_INPUT);
    assert_null(app);
    snprintf(want, sizeof want, "%s:3:", path);
    if (!strstr(sd_error_msg(&err), want))
        fail_msg("'%s' does not name %s", sd_error_msg(&err), want);
    sd_error_clear(&err);

    /* an action on an item that never arrived: file:line from the results */
    snprintf(path, sizeof path, "%s/ghost.jsonl", f->dir);
    copy_file(f->log, path, "{\"type\":\"action\",\"t\":\"2026-03-10T09:00:00\",\"wall\":0,\"action\":\"hide\",\"item\":\"nobody\"}\n", NULL);
    assert_int_equal(sd_replay_open(&cfg, &app, &err), SD_ERR_INPUT);
    snprintf(want, sizeof want, "%s:3:", path);
    if (!strstr(sd_error_msg(&err), want) || !strstr(sd_error_msg(&err), "has not arrived"))
        fail_msg("'%s' does not name %s", sd_error_msg(&err), want);
    sd_error_clear(&err);

    /* a torn last line: the warning in the status bar, the rest plays */
    snprintf(path, sizeof path, "%s/torn.jsonl", f->dir);
    copy_file(f->log, path, NULL, "{\"type\":\"state\",\"t\":\"2026-03-10T11:0");
    app = NULL;
    if (sd_replay_open(&cfg, &app, &err) != SD_OK)
        fail_msg("torn: %s", sd_error_msg(&err));
    frame(app, 0);
    if (!strstr(sd_app_status(app), "incomplete"))
        fail_msg("status: '%s'", sd_app_status(app));
    press(app, SDLK_END);
    assert_int_equal(sd_replay_now(app), f->end);
    assert_int_equal(sd_replay_items_shown(app), f->n_items);
    sd_app_destroy(app);

    /* too many records */
    cfg.log_path = f->log;
    cfg.max_records = 10;
    app = NULL;
    assert_int_equal(sd_replay_open(&cfg, &app, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "more than 10 records"));
    sd_error_clear(&err);
}

static void test_facilitator_records_are_skipped(void **state)
{
    fixture *f = *state;
    char path[160];
    snprintf(path, sizeof path, "%s/fac.jsonl", f->dir);
    copy_file(f->log, path, "{\"type\":\"facilitator\",\"t\":\"2026-03-10T09:00:00\",\"wall\":0,\"did\":\"pause\"}\n", NULL);
    sd_replay_log *log = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_replay_log_load(path, 0, &log, &err) != SD_OK)
        fail_msg("load: %s", sd_error_msg(&err));
    assert_int_equal(sd_replay_log_start(log), f->start);
    assert_int_equal(sd_replay_log_end(log), f->end);
    assert_null(sd_replay_log_torn(log));
    sd_replay_log_free(log);
    sd_app *app = open_replay(path, 800, 600, 1.0);
    press(app, SDLK_END);
    assert_int_equal(sd_replay_items_shown(app), f->n_items);
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items_follow_the_replay_clock),
        cmocka_unit_test(test_reply_shows_once_written),
        cmocka_unit_test(test_seeking_back_and_forth_gives_the_same_state),
        cmocka_unit_test(test_speed_keys_and_play),
        cmocka_unit_test(test_slider_click_and_drag),
        cmocka_unit_test(test_nothing_outside_its_panel_at_200),
        cmocka_unit_test(test_bad_torn_and_long_logs),
        cmocka_unit_test(test_facilitator_records_are_skipped),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
