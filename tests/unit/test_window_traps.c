/* test_window_traps.c - the traps a new participant fell into (issue 14, "no traps"),
 * each played the way a person does: SDL events one at a time at about 8 keys a second,
 * text only while SDL's text input is on (tests/support/sdl_person.h), with seconds of
 * reading between actions, on the real window (SDL dummy driver, software renderer) and
 * the bundled introduktion scenario. Every test is named trap_* and failed before the
 * fix: the first R typed an "r"; R on an internal message opened an editor that then
 * swallowed every shortcut while the send was refused in the engine's English; and so on
 * (one comment per test). */
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
    return sd_test_tempdir_make(g_dir, "sd_traps");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

/* What an observer saw of the participant's actions. */
typedef struct seen {
    size_t n, rejected;
    sd_action_kind kind[64];
    char item[64][40];
    char text[64][400];
} seen;

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    seen *w = ctx;
    if (rec->type == SD_REC_REJECTED)
        w->rejected++;
    if (rec->type == SD_REC_ACTION && w->n < 64) {
        w->kind[w->n] = rec->u.action.kind;
        snprintf(w->item[w->n], sizeof w->item[0], "%s", rec->u.action.item ? rec->u.action.item : "");
        snprintf(w->text[w->n], sizeof w->text[0], "%s", rec->u.action.text ? rec->u.action.text : "");
        w->n++;
    }
    return SD_OK;
}

static sd_app *make_app_lang(const char *name, const char *scenario, int lang, seen *w)
{
    char log[256];
    snprintf(log, sizeof log, "%s/%s.jsonl", g_dir, name);
    sd_app_config cfg = {.scenario_path = scenario, .log_path = log, .lang = lang,
                         .width = 1280, .height = 800, .text_scale = 1.0, .hidden = true,
                         .debug_rects = true, .no_wall_clock = true};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    if (w)
        assert_int_equal(sd_session_add_observer(sd_app_session(app), observe, w, NULL), SD_OK);
    sd_person_frame(app, 0);
    return app;
}

static sd_app *make_app(const char *name, seen *w)
{
    return make_app_lang(name, "scenarios/introduktion.lua", -1, w);
}

/* The exercise jumped on to +minutes from its start (the person left it running). */
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

/* ---- the traps ---- */

/* The first R of a fresh session typed an "r" into the reply ("rHej Lena!"): text input
 * was on from start-up, so R's key press also made text. */
static void trap_first_r_types_nothing(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("first_r", &w);
    assert_false(SDL_IsTextInputActive());
    step_to(app, 5);
    sd_person_wait(app, 3);
    assert_string_equal(sd_app_selected_id(app), "c1");
    sd_person_key(app, SDLK_r, 0);
    assert_true(sd_app_editing(app));
    assert_true(SDL_IsTextInputActive());
    assert_string_equal(sd_app_editor_text(app), "");
    sd_person_type(app, "Hej Lena!");
    assert_string_equal(sd_app_editor_text(app), "Hej Lena!");
    sd_person_key(app, SDLK_ESCAPE, 0);
    assert_false(sd_app_editing(app));
    assert_false(SDL_IsTextInputActive());
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trap_first_r_types_nothing),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
