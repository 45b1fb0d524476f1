/* test_window_feed.c - cmocka tests of the feed's views (engine/window/feed*.c), played the
 * way a person does (tests/support/sdl_person.h: key down, text input only while SDL's text
 * input is on, key up, frames between, reading pauses), headless with SDL's dummy driver and
 * the software renderer. What the feed shows is read from the frame's debug rectangles of
 * the "feed" panel.
 *
 * The traps of issue 14 (fail on main, pass here): the participant's own reply and
 * published statement appear in the feed (trap_own_reply_and_statement_in_feed), and a
 * follow-up is threaded under the comment it follows, below our reply to it
 * (trap_followup_threaded_under_its_comment). Also: V switches between the platform view and
 * the inbox; "/" searches case- and diacritics-folded ("asa" finds Åsa), Enter keeps it,
 * Esc clears it; a keyword chip filters on a storm theme; B opens the notifications and
 * choosing one selects its item; a click on a card selects it; the platform view's cards
 * stay inside the panel; a 2,000-item storm costs a frame no more than a small feed does
 * (the view draws only what is visible). Set SD_FEED_SCREENSHOT=DIR to keep screenshots. */
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
#include <time.h>

#include "app.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    return sd_test_tempdir_make(g_dir, "sd_feed");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static sd_app *make_app(const char *scenario, const char *name, int w, int h)
{
    char log[256];
    snprintf(log, sizeof log, "%s/%s.jsonl", g_dir, name);
    sd_app_config cfg = {.scenario_path = scenario, .log_path = log, .lang = -1, .width = w, .height = h,
                         .text_scale = 1.0, .hidden = true, .debug_rects = true, .no_wall_clock = true,
                         .seed_set = true, .seed = 7};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    sd_person_frame(app, 0);
    return app;
}

/* Simulated time to `minutes` after the start (as if the clock ran), then a frame. */
static void step_to(sd_app *app, int minutes)
{
    sd_session *s = sd_app_session(app);
    sd_error err = SD_ERROR_INIT;
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    double left = (double)(h->start + minutes * 60 - sd_session_now(s));
    if (left > 0 && sd_session_step_sim(s, left, &err) != SD_OK)
        fail_msg("step: %s", sd_error_msg(&err));
    sd_person_frame(app, 0);
}

static void pause_clock(sd_app *app)
{
    if (!sd_session_paused(sd_app_session(app)))
        sd_person_key(app, SDLK_F5, 0);
}

static void shot(sd_app *app, const char *name)
{
    const char *dir = getenv("SD_FEED_SCREENSHOT");
    if (!dir)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/%s.bmp", dir, name);
    sd_error err = SD_ERROR_INIT;
    if (sd_app_screenshot_bmp(app, path, &err) != SD_OK)
        fail_msg("%s", sd_error_msg(&err));
}

/* The first text run in panel `panel` that contains what: its rectangle. */
static bool find_text(sd_app *app, const char *panel, const char *prefix, SDL_Rect *out)
{
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].panel, panel) == 0 && r[i].text[0] && strstr(r[i].text, prefix)) {
            if (out)
                *out = r[i].rect;
            return true;
        }
    return false;
}

/* Every rectangle drawn stays inside its panel. */
static void check_containment(sd_app *app, const char *what)
{
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++) {
        SDL_Rect a = r[i].rect, c = r[i].clip;
        if (a.w <= 0 || a.h <= 0)
            continue;
        SDL_Rect in;
        if (!SDL_IntersectRect(&a, &c, &in))
            fail_msg("%s: '%s' drawn at %d,%d %dx%d outside the panel %s", what, r[i].text, a.x, a.y, a.w, a.h,
                     r[i].panel);
    }
}

static void type_and_send(sd_app *app, const char *text)
{
    sd_person_type(app, text);
    sd_person_wait(app, 1);
    sd_person_key(app, SDLK_RETURN, KMOD_LCTRL);
    sd_person_wait(app, 1);
}

/* ---- traps ---- */

/* Our reply to Lena and our statement are in the feed, not only in the thread pane. */
static void trap_own_reply_and_statement_in_feed(void **state)
{
    (void)state;
    sd_app *app = make_app("scenarios/introduktion.lua", "own", 1280, 800);
    step_to(app, 5);
    pause_clock(app);
    sd_person_wait(app, 2);
    assert_string_equal(sd_app_selected_id(app), "c1");
    sd_person_key(app, SDLK_r, 0);
    type_and_send(app, "Hej Lena! Från den 23 mars töms kärlen på onsdagar.\nVänliga hälsningar, Kim");
    assert_false(sd_app_editing(app));
    sd_person_key(app, SDLK_n, 0);
    type_and_send(app, "Återvinningscentralen är stängd i dag efter ett maskinhaveri.");
    sd_person_wait(app, 2);
    shot(app, "own");
    assert_true(find_text(app, "feed", "Hej Lena! Från den 23 mars", NULL));
    assert_true(find_text(app, "feed", "Återvinningscentralen är stängd", NULL));
    sd_app_destroy(app);
}

/* Göran's thanks (a follow-up injected when we reply to him) is under his comment, after
 * our reply, indented: not somewhere else in the list. */
static void trap_followup_threaded_under_its_comment(void **state)
{
    (void)state;
    sd_app *app = make_app("scenarios/introduktion.lua", "thread", 1280, 800);
    step_to(app, 10);
    pause_clock(app);
    sd_person_wait(app, 2);
    /* Göran's comment: down from Lena's until it is selected */
    for (int i = 0; i < 12 && strcmp(sd_app_selected_id(app), "c2") != 0; i++)
        sd_person_key(app, SDLK_DOWN, 0);
    if (strcmp(sd_app_selected_id(app), "c2") != 0)
        for (int i = 0; i < 12 && strcmp(sd_app_selected_id(app), "c2") != 0; i++)
            sd_person_key(app, SDLK_UP, 0);
    assert_string_equal(sd_app_selected_id(app), "c2");
    sd_person_key(app, SDLK_r, 0);
    type_and_send(app, "Hej Göran! Förlåt, det ska inte hända. Gör en felanmälan så töms kärlet inom två "
                       "arbetsdagar.\nVänliga hälsningar, Kim");
    sd_person_key(app, SDLK_F5, 0); /* the thanks comes 6 minutes later */
    step_to(app, 18);
    pause_clock(app);
    sd_person_key(app, SDLK_HOME, 0);
    sd_person_wait(app, 2);
    /* down the feed until the thanks is in view whole (the last card in view shows only the
     * lines that fit) */
    for (int i = 0; i < 15 && !find_text(app, "feed", "Okej, tack för svaret", NULL); i++)
        sd_person_key(app, SDLK_DOWN, 0);
    shot(app, "thread");
    SDL_Rect c2, ours, thanks;
    assert_true(find_text(app, "feed", "Tredje gången", &c2));
    assert_true(find_text(app, "feed", "Hej Göran! Förlåt", &ours));
    assert_true(find_text(app, "feed", "Okej, tack för svaret", &thanks));
    assert_true(ours.y > c2.y);
    assert_true(thanks.y > ours.y);
    assert_true(thanks.x > c2.x); /* a reply in the thread: indented */
    /* nothing else between the comment and its thread */
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].panel, "feed") == 0 && r[i].text[0] && r[i].rect.y > c2.y + c2.h && r[i].rect.y < thanks.y)
            assert_null(strstr(r[i].text, "Tack för"));
    sd_app_destroy(app);
}

/* ---- the views ---- */

static void test_v_switches_views(void **state)
{
    (void)state;
    sd_app *app = make_app("scenarios/introduktion.lua", "views", 1280, 800);
    step_to(app, 12);
    pause_clock(app);
    SDL_Rect r;
    assert_false(sd_app_hit_rect(app, "tab", 0, &r)); /* the platform view: no filter tabs */
    assert_true(find_text(app, "feed", "Ekby kommun", NULL));
    assert_true(sd_app_hit_rect(app, "row", 0, &r));
    char first[64];
    snprintf(first, sizeof first, "%s", sd_app_selected_id(app));
    sd_person_key(app, SDLK_v, 0);
    sd_person_wait(app, 1);
    assert_non_null(strstr(sd_app_status(app), "Inkorg"));
    assert_true(sd_app_hit_rect(app, "tab", 0, &r));
    assert_string_equal(sd_app_selected_id(app), first); /* the selection stays */
    sd_person_key(app, SDLK_v, 0);
    sd_person_wait(app, 1);
    assert_non_null(strstr(sd_app_status(app), "Flöde"));
    assert_false(sd_app_hit_rect(app, "tab", 0, &r));
    /* a number key is an inbox filter: it shows the inbox */
    sd_person_key(app, SDLK_2, 0);
    assert_true(sd_app_hit_rect(app, "tab", 1, &r));
    sd_app_destroy(app);
}

/* The selection moves card by card and every action key works on it: H hides the
 * selected comment. */
static void test_move_and_act(void **state)
{
    (void)state;
    sd_app *app = make_app("tests/data/mini.lua", "move", 1280, 800);
    step_to(app, 15);
    pause_clock(app);
    sd_person_key(app, SDLK_HOME, 0);
    const char *order[8];
    size_t n = 0;
    char ids[8][64];
    for (; n < 6; n++) {
        snprintf(ids[n], sizeof ids[n], "%s", sd_app_selected_id(app));
        order[n] = ids[n];
        sd_person_key(app, SDLK_DOWN, 0);
    }
    /* newest first: the post, then its comments newest first */
    assert_string_equal(order[0], "p1");
    assert_string_equal(order[1], "c3");
    assert_string_equal(order[2], "c2");
    assert_string_equal(order[3], "c1");
    sd_person_key(app, SDLK_HOME, 0);
    sd_person_key(app, SDLK_DOWN, 0);
    assert_string_equal(sd_app_selected_id(app), "c3");
    sd_person_key(app, SDLK_h, 0);
    sd_person_wait(app, 1);
    assert_false(sd_app_status_bad(app));
    assert_true(find_text(app, "feed", "dold", NULL));
    /* a click on a card selects it */
    SDL_Rect r;
    assert_true(sd_app_hit_rect(app, "row", 0, &r));
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = r.x + r.w / 2;
    e.button.y = r.y + r.h / 2;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&e);
    sd_person_frame(app, 0.125);
    assert_string_equal(sd_app_selected_id(app), "p1");
    check_containment(app, "platform view");
    sd_app_destroy(app);
}

/* "/" then "asa": Åsa Öberg's comment is found (case and diacritics folded); Enter keeps
 * the search as a chip, Esc clears it. */
static void test_search_folds_diacritics(void **state)
{
    (void)state;
    sd_app *app = make_app("tests/data/mini.lua", "search", 1280, 800);
    step_to(app, 15);
    pause_clock(app);
    sd_person_wait(app, 2);
    sd_person_key(app, SDLK_SLASH, 0);
    sd_person_type(app, "asa");
    sd_person_wait(app, 1);
    assert_true(find_text(app, "feed", "asa", NULL)); /* what is typed, in the field */
    assert_string_equal(sd_app_selected_id(app), "c2");
    assert_true(find_text(app, "feed", "Åsa Öberg", NULL));
    assert_false(find_text(app, "feed", "Anna Berg", NULL));
    sd_person_key(app, SDLK_RETURN, 0);
    sd_person_wait(app, 1);
    assert_true(find_text(app, "feed", "Sök: asa", NULL)); /* kept, as a chip */
    assert_string_equal(sd_app_selected_id(app), "c2");
    /* keys act again: R answers the match */
    sd_person_key(app, SDLK_r, 0);
    assert_true(sd_app_editing(app));
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_person_key(app, SDLK_ESCAPE, 0); /* the search is cleared */
    sd_person_wait(app, 1);
    assert_false(find_text(app, "feed", "Sök: asa", NULL));
    assert_true(find_text(app, "feed", "Anna Berg", NULL));
    /* upper case and a name's letters: "ÖBERG" and "oberg" both find her */
    sd_person_key(app, SDLK_SLASH, 0);
    sd_person_type(app, "OBERG");
    sd_person_wait(app, 1);
    assert_string_equal(sd_app_selected_id(app), "c2");
    sd_person_key(app, SDLK_ESCAPE, 0);
    /* nothing matches: nothing is selected, and R says so */
    sd_person_key(app, SDLK_SLASH, 0);
    sd_person_type(app, "zzzz");
    sd_person_key(app, SDLK_RETURN, 0);
    assert_null(sd_app_selected_id(app));
    sd_person_key(app, SDLK_r, 0);
    assert_false(sd_app_editing(app));
    sd_app_destroy(app);
}

/* Keyword chips: Tab turns on the first theme of the storm; the feed shows only its
 * comments. */
static void test_keyword_chip(void **state)
{
    (void)state;
    sd_app *app = make_app("scenarios/introduktion.lua", "chip", 1280, 800);
    step_to(app, 70);
    pause_clock(app);
    sd_person_key(app, SDLK_TAB, 0);
    sd_person_wait(app, 1);
    assert_non_null(strstr(sd_app_status(app), "Nyckelord"));
    assert_true(find_text(app, "feed", "Träffar", NULL));
    const char *sel = sd_app_selected_id(app);
    assert_non_null(sel);
    assert_non_null(strstr(sel, "-")); /* a storm comment */
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_person_wait(app, 1);
    assert_false(find_text(app, "feed", "Träffar", NULL));
    sd_app_destroy(app);
}

/* B: the notifications, newest first; choosing the second selects its item. */
static void test_notification_selects_item(void **state)
{
    (void)state;
    sd_app *app = make_app("tests/data/mini.lua", "notif", 1280, 800);
    step_to(app, 15);
    pause_clock(app);
    sd_person_key(app, SDLK_b, 0);
    sd_person_wait(app, 1);
    assert_true(find_text(app, "feed", "Aviseringar", NULL));
    assert_true(find_text(app, "feed", "Kalle Kula kommenterade", NULL)); /* newest */
    shot(app, "notifications");
    sd_person_key(app, SDLK_DOWN, 0);
    sd_person_key(app, SDLK_RETURN, 0);
    sd_person_wait(app, 1);
    assert_string_equal(sd_app_selected_id(app), "c2"); /* Åsa's, the second newest */
    assert_false(find_text(app, "feed", "Kalle Kula kommenterade", NULL)); /* closed */
    sd_app_destroy(app);
}

/* A frame of the platform view costs the same with 2,000 comments as with a handful. */
static double frame_ms(sd_app *app, int frames)
{
    double best = 1e9;
    for (int i = 0; i < frames; i++) {
        sd_person_key(app, i % 2 ? SDLK_UP : SDLK_DOWN, 0);
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        sd_person_frame(app, 0);
        clock_gettime(CLOCK_MONOTONIC, &b);
        double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
        if (ms < best)
            best = ms;
    }
    return best;
}

static void test_cost_independent_of_items(void **state)
{
    (void)state;
    sd_app *app = make_app("tools/bench/storm-1m.lua", "cost", 1280, 800);
    pause_clock(app);
    step_to(app, 1);
    double small = frame_ms(app, 10);
    size_t before = sd_results_n_items(sd_app_results(app));
    sd_session *s = sd_app_session(app);
    sd_error err = SD_ERROR_INIT;
    while (sd_results_n_items(sd_app_results(app)) < before + 2000)
        if (sd_session_step_sim(s, 60, &err) != SD_OK)
            fail_msg("%s", sd_error_msg(&err));
    sd_person_frame(app, 0);
    double big = frame_ms(app, 10);
    print_message("platform view frame: %.2f ms with %zu items, %.2f ms with %zu\n", small, before, big,
                  sd_results_n_items(sd_app_results(app)));
    assert_true(big < small * 3 + 2.0);
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trap_own_reply_and_statement_in_feed),
        cmocka_unit_test(trap_followup_threaded_under_its_comment),
        cmocka_unit_test(test_v_switches_views),
        cmocka_unit_test(test_move_and_act),
        cmocka_unit_test(test_search_folds_diacritics),
        cmocka_unit_test(test_keyword_chip),
        cmocka_unit_test(test_notification_selects_item),
        cmocka_unit_test(test_cost_independent_of_items),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
