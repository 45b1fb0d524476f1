/* test_window_platforms.c - cmocka tests of the platform view with the platform data
 * wired in (engine/window/feed_platform.c, feed_image.c; the window model's platform,
 * handle, image and link fields): for each of Facebook, Instagram and X a small scenario
 * (tests/data/platform-<name>.lua) is played the way a person does
 * (tests/support/sdl_person.h), headless with SDL's dummy driver and the software renderer,
 * and what the feed shows is read from the frame's debug rectangles:
 *   - names the platform's way: Facebook "Lena Holm", Instagram "lenah_82", X "Lena Holm"
 *     and "@lenah_82"; a person with only a handle shows it everywhere (also in the editor's
 *     "Svar till @kvarnbyborna"), and R opens the editor for them (the session takes a reply to
 *     a person known by a handle alone);
 *   - the post's reaction, comment and share counts are drawn and grow as the storm comes;
 *   - the post's picture is drawn (a textured rectangle in the feed panel), or, when the file
 *     cannot be decoded (the Facebook scenario's), its description in a box;
 *   - the link preview's title is under the post;
 *   - the editor's character counter ("/ 280") shows while replying to an X comment, and not
 *     on Facebook. */
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
    return sd_test_tempdir_make(g_dir, "sd_platforms");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static sd_app *make_app(const char *platform, int w, int h)
{
    char log[256], scenario[512];
    snprintf(log, sizeof log, "%s/%s.jsonl", g_dir, platform);
    remove(log);
    snprintf(scenario, sizeof scenario, "%s/platform-%s.lua", SD_TEST_DATA, platform);
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

/* The first text run in `panel` (NULL: any) containing what; its record. */
static const sd_draw_rec *find_text(sd_app *app, const char *panel, const char *what)
{
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        if ((!panel || strcmp(r[i].panel, panel) == 0) && r[i].text[0] && strstr(r[i].text, what))
            return &r[i];
    return NULL;
}

/* A text run in the feed that is exactly s. */
static bool feed_has_exact(sd_app *app, const char *s)
{
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].panel, "feed") == 0 && strcmp(r[i].text, s) == 0)
            return true;
    return false;
}

static size_t feed_images(sd_app *app)
{
    size_t n, k = 0;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        k += strcmp(r[i].panel, "feed") == 0 && r[i].image;
    return k;
}

/* The post's count line ("12 reaktioner · 3 kommentarer · 1 delningar" and the like): the
 * numbers in the order drawn. */
typedef struct counts {
    unsigned v[3];
    int n;
} counts;

static counts count_line(sd_app *app, const char *word)
{
    const sd_draw_rec *r = find_text(app, "feed", word);
    if (!r)
        fail_msg("no count line with '%s' in the feed", word);
    counts c = {{0, 0, 0}, 0};
    const char *s = r->text;
    while (*s && c.n < 3) {
        if (*s >= '0' && *s <= '9') {
            c.v[c.n++] = (unsigned)strtoul(s, (char **)&s, 10);
        } else {
            s++;
        }
    }
    return c;
}

/* Opens the feed at the post: Home, reading. */
static void to_top(sd_app *app)
{
    sd_person_key(app, SDLK_HOME, 0);
    sd_person_wait(app, 2);
}

static void select_id(sd_app *app, const char *id)
{
    for (int i = 0; i < 40 && (!sd_app_selected_id(app) || strcmp(sd_app_selected_id(app), id) != 0); i++)
        sd_person_key(app, SDLK_DOWN, 0);
    assert_non_null(sd_app_selected_id(app));
    assert_string_equal(sd_app_selected_id(app), id);
}

/* ---- names ---- */

static void test_facebook_names_alt_text_link(void **state)
{
    (void)state;
    sd_app *app = make_app("facebook", 1280, 800);
    step_to(app, 12);
    pause_clock(app);
    to_top(app);
    assert_true(feed_has_exact(app, "Lena Holm"));
    assert_null(find_text(app, "feed", "lenah_82"));
    assert_true(feed_has_exact(app, "kvarnbyborna")); /* only a handle: the handle */
    assert_true(feed_has_exact(app, "Ekby kommun"));
    /* the picture cannot be decoded: its description in a box, no texture, no crash */
    assert_int_equal(feed_images(app), 0);
    assert_non_null(find_text(app, "feed", "Bild: Biblioteket i Ekby en solig dag"));
    assert_non_null(find_text(app, "feed", "Så blir det nya biblioteket"));
    assert_non_null(find_text(app, "feed", "EXAMPLE.SE")); /* the site, in capitals */
    sd_app_destroy(app);
}

static void test_instagram_names_picture_link(void **state)
{
    (void)state;
    sd_app *app = make_app("instagram", 1280, 800);
    step_to(app, 12);
    pause_clock(app);
    to_top(app);
    assert_true(feed_has_exact(app, "lenah_82"));
    assert_null(find_text(app, "feed", "Lena Holm"));
    assert_true(feed_has_exact(app, "kvarnbyborna"));
    assert_true(feed_has_exact(app, "ekbykommun")); /* the account by its handle */
    assert_true(feed_images(app) >= 1);
    assert_non_null(find_text(app, "feed", "Så blir det nya biblioteket"));
    sd_app_destroy(app);
}

static void test_x_names_picture_link(void **state)
{
    (void)state;
    sd_app *app = make_app("x", 1280, 800);
    step_to(app, 12);
    pause_clock(app);
    to_top(app);
    assert_true(feed_has_exact(app, "Lena Holm"));
    assert_true(feed_has_exact(app, "@lenah_82"));
    assert_true(feed_has_exact(app, "@kvarnbyborna"));
    assert_null(find_text(app, "feed", "kvarnbyborna @kvarnbyborna"));
    assert_true(feed_has_exact(app, "@ekbykommun"));
    assert_true(feed_images(app) >= 1);
    assert_null(find_text(app, "feed", "Bild: Biblioteket")); /* the picture, not its words */
    assert_non_null(find_text(app, "feed", "Så blir det nya biblioteket"));
    sd_app_destroy(app);
}

/* ---- counts that move ---- */

static void check_counts_move(const char *platform, const char *word, int comments_at)
{
    sd_app *app = make_app(platform, 1280, 800);
    step_to(app, 12);
    pause_clock(app);
    to_top(app);
    counts a = count_line(app, word);
    assert_true(a.n >= 2);
    assert_int_equal(a.v[comments_at], 3); /* c1, c2, c3 */
    sd_person_key(app, SDLK_F5, 0);
    step_to(app, 40); /* most of the storm has come */
    pause_clock(app);
    to_top(app);
    counts b = count_line(app, word);
    assert_int_equal(b.n, a.n);
    assert_true(b.v[comments_at] > a.v[comments_at] + 10);
    bool moved = false;
    for (int k = 0; k < a.n; k++)
        if (k != comments_at && b.v[k] > a.v[k])
            moved = true;
    assert_true(moved); /* reactions (or shares) grew with the audience */
    sd_app_destroy(app);
}

static void test_counts_move_facebook(void **state)
{
    (void)state;
    check_counts_move("facebook", "reaktioner", 1);
}

static void test_counts_move_instagram(void **state)
{
    (void)state;
    check_counts_move("instagram", "gillamarkeringar", 1);
}

static void test_counts_move_x(void **state)
{
    (void)state;
    check_counts_move("x", "reposter", 0);
}

/* ---- the editor ---- */

static void test_x_counter_while_replying(void **state)
{
    (void)state;
    sd_app *app = make_app("x", 1280, 800);
    step_to(app, 12);
    pause_clock(app);
    to_top(app);
    select_id(app, "c1");
    sd_person_wait(app, 3);
    sd_person_key(app, SDLK_r, 0);
    sd_person_type(app, "Hej Lena!");
    sd_person_wait(app, 1);
    assert_true(sd_app_editing(app));
    /* "9 / 280" (on a main before the first-R fix, "10 / 280": the stray "r") */
    const sd_draw_rec *k = find_text(app, NULL, " / 280");
    assert_non_null(k);
    assert_string_equal(k->panel, "thread");
    assert_true(strtoul(k->text, NULL, 10) >= 9);
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_app_destroy(app);
}

static void test_facebook_no_counter_and_handle_in_editor(void **state)
{
    (void)state;
    sd_app *app = make_app("facebook", 1280, 800);
    step_to(app, 12);
    pause_clock(app);
    to_top(app);
    select_id(app, "c2");
    sd_person_wait(app, 3);
    sd_person_key(app, SDLK_r, 0);
    sd_person_type(app, "Hej!");
    sd_person_wait(app, 1);
    assert_true(sd_app_editing(app));
    assert_null(find_text(app, NULL, "/ 280"));
    assert_non_null(find_text(app, NULL, "Svar till @kvarnbyborna"));
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_facebook_names_alt_text_link),
        cmocka_unit_test(test_instagram_names_picture_link),
        cmocka_unit_test(test_x_names_picture_link),
        cmocka_unit_test(test_counts_move_facebook),
        cmocka_unit_test(test_counts_move_instagram),
        cmocka_unit_test(test_counts_move_x),
        cmocka_unit_test(test_x_counter_while_replying),
        cmocka_unit_test(test_facebook_no_counter_and_handle_in_editor),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
