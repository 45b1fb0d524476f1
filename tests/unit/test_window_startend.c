/* test_window_startend.c - the briefing and the safe ending (engine/window/briefing.c,
 * ending.c), played the way a person does (tests/support/sdl_person.h: key down, text
 * input only while SDL has it on, key up, about 8 keys a second, frames between, seconds
 * of reading). Each trap_* test is a trap a newcomer fell into before (issue 14): the
 * clock ran before the briefing was read and while the help was open, the draft was lost
 * at the end, a key still being typed saved the results, Q or Esc closed the window at
 * once, Ctrl+Q ended the exercise without asking. The rest checks the details: the
 * briefing's words for the time compression, exam mode leaving the pause to the
 * facilitator, the facilitator's own pause kept, the draft in the results and the log. */
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
#include <unistd.h>

#include "app.h"
#include "app_internal.h" /* sd_briefing_duration_words */

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    return sd_test_tempdir_make(g_dir, "sd_startend");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

typedef struct opts {
    bool briefing, exam;
    int pause_on_help;
    int lang;
} opts;

static sd_app *make_app(const char *name, opts o, char *log, size_t n)
{
    snprintf(log, n, "%s/%s.jsonl", g_dir, name);
    sd_app_config cfg = {.scenario_path = "scenarios/introduktion.lua", .log_path = log,
                         .lang = o.lang, .width = 1280, .height = 800, .hidden = true,
                         .debug_rects = true, .no_wall_clock = true, .exam = o.exam,
                         .briefing = o.briefing, .pause_on_help = o.pause_on_help};
    sd_error err = SD_ERROR_INIT;
    sd_app *app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("sd_app_create: %s", sd_error_msg(&err));
    sd_person_frame(app, 0);
    return app;
}

/* Seconds of the exercise's clock since its start. */
static int64_t clock_s(sd_app *app)
{
    sd_session *s = sd_app_session(app);
    return sd_session_now(s) - sd_session_scenario(s)->start;
}

/* One frame; false once the window wants to close. */
static bool frame_running(sd_app *app, double dt)
{
    sd_error err = SD_ERROR_INIT;
    bool running = true;
    if (sd_app_frame(app, dt, &running, &err) != SD_OK)
        fail_msg("sd_app_frame: %s", sd_error_msg(&err));
    return running;
}

/* Whether the last frame drew a text run in `panel` starting with `prefix`. */
static bool drew(sd_app *app, const char *panel, const char *prefix)
{
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].panel, panel) == 0 && strncmp(r[i].text, prefix, strlen(prefix)) == 0)
            return true;
    return false;
}

static bool drew_anywhere(sd_app *app, const char *needle)
{
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        if (strstr(r[i].text, needle))
            return true;
    return false;
}

/* Jumps the clock to `minutes` after the start (the facilitator's fast forward). */
static void jump_to(sd_app *app, int minutes)
{
    sd_error err = SD_ERROR_INIT;
    double now = (double)clock_s(app);
    if (sd_session_step_sim(sd_app_session(app), minutes * 60 - now, &err) != SD_OK)
        fail_msg("step: %s", sd_error_msg(&err));
    sd_person_frame(app, 0);
}

/* Starts a reply to Lena's question (c1, at +4m): selects it and presses R. */
static void reply_to_lena(sd_app *app)
{
    jump_to(app, 5);
    sd_person_key(app, SDLK_2, 0); /* all items */
    sd_person_key(app, SDLK_HOME, 0);
    for (int i = 0; i < 10 && !(sd_app_selected_id(app) && strcmp(sd_app_selected_id(app), "c1") == 0); i++)
        sd_person_key(app, SDLK_DOWN, 0);
    assert_string_equal(sd_app_selected_id(app), "c1");
    sd_person_wait(app, 2); /* reading the question */
    sd_person_key(app, SDLK_r, 0);
    assert_true(sd_app_editing(app));
}

static char *slurp(const char *path)
{
    char *s = sd_test_read_file(path, NULL);
    if (s == NULL)
        fail_msg("%s: cannot read", path);
    return s;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* ---- the traps ---- */

/* The clock ran from the first frame: now it waits on the briefing, which shows the title,
 * the situation with its "Fakta för svaren", the role and the compression in words, until
 * the person presses Enter. */
static void trap_clock_runs_before_briefing_read(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("brief", (opts){.briefing = true}, log, sizeof log);
    sd_person_wait(app, 30); /* reading, at the participant's own pace */
    assert_true(sd_app_on_briefing(app));
    assert_int_equal(clock_s(app), 0);
    assert_true(drew(app, "briefing", "Introduktion: en förmiddag"));
    assert_true(drew(app, "briefing", "Läget"));
    /* the situation is long: the facts are further down */
    for (int i = 0; i < 40 && !drew(app, "briefing", "Fakta för svaren"); i++)
        sd_person_key(app, SDLK_DOWN, 0);
    assert_true(drew(app, "briefing", "Fakta för svaren"));
    for (int i = 0; i < 80 && !drew_anywhere(app, "Klockan går fortare"); i++)
        sd_person_key(app, SDLK_DOWN, 0);
    assert_true(drew_anywhere(app, "Klockan går fortare än i verkligheten: en timme i"));
    assert_int_equal(clock_s(app), 0);
    /* keys that mean something in the exercise do nothing here; Esc does not skip it */
    sd_person_key(app, SDLK_r, 0);
    sd_person_key(app, SDLK_ESCAPE, 0);
    assert_true(sd_app_on_briefing(app));
    assert_false(sd_app_editing(app));
    sd_person_key(app, SDLK_RETURN, 0);
    assert_false(sd_app_on_briefing(app));
    sd_person_wait(app, 10);
    assert_true(clock_s(app) >= 39 && clock_s(app) <= 41); /* 10 s at compression 4 */
    /* F2 opens it again: the clock stands still (coach mode) and goes on after */
    sd_person_key(app, SDLK_F2, 0);
    assert_true(sd_app_on_briefing(app));
    int64_t at = clock_s(app);
    sd_person_wait(app, 20);
    assert_int_equal(clock_s(app), at);
    assert_true(drew(app, "briefing", "Tillbaka till övningen") || drew_anywhere(app, "Tillbaka till övningen"));
    sd_person_key(app, SDLK_F2, 0);
    sd_person_wait(app, 5);
    assert_true(clock_s(app) > at);
    sd_app_destroy(app);
}

/* F1 did not pause the clock: in coach mode help (and every menu) now does, logged as the
 * facilitator's pause and resume, and it goes on when closed. */
static void trap_clock_runs_during_help(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("help", (opts){0}, log, sizeof log);
    sd_person_wait(app, 2);
    sd_person_key(app, SDLK_F1, 0);
    int64_t at = clock_s(app);
    sd_person_wait(app, 30); /* reading every shortcut */
    assert_int_equal(clock_s(app), at);
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_person_wait(app, 5);
    assert_true(clock_s(app) > at);
    /* a menu too: the escalation targets */
    reply_to_lena(app);
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_person_key(app, SDLK_e, 0);
    at = clock_s(app);
    sd_person_wait(app, 10);
    assert_int_equal(clock_s(app), at);
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_person_wait(app, 2);
    assert_true(clock_s(app) > at);
    sd_app_destroy(app);
    char *text = slurp(log);
    assert_true(count(text, "\"did\":\"pause\"") >= 2);
    assert_int_equal(count(text, "\"did\":\"pause\""), count(text, "\"did\":\"resume\""));
    free(text);
}

/* The scorecard came mid-sentence and the draft was gone: now it is logged as a draft
 * record just before the end, kept in the results (never scored) and shown. */
static void trap_lost_draft(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("draft", (opts){0}, log, sizeof log);
    reply_to_lena(app);
    sd_person_type(app, "Hej Lena! Från den 23 mars töms kärlen på");
    /* time is up while the person types */
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_run(sd_app_session(app), &err), SD_OK);
    sd_person_wait(app, 3);
    assert_true(sd_app_on_scorecard(app));
    assert_true(drew(app, "scorecard", "Utkast som inte skickades"));
    assert_true(drew_anywhere(app, "Från den 23 mars töms kärlen på"));
    sd_res_draft d;
    assert_true(sd_results_draft(sd_app_results(app), &d));
    assert_non_null(strstr(d.text, "Hej Lena! Från den 23 mars töms kärlen på"));
    assert_string_equal(sd_results_items(sd_app_results(app))[d.item].id, "c1");
    /* not an answer: Lena's question stays unanswered */
    assert_int_equal(sd_results_items(sd_app_results(app))[d.item].answered_at, 0);
    sd_app_destroy(app);
    char *text = slurp(log);
    const char *dr = strstr(text, "\"action\":\"draft\"");
    assert_non_null(dr);
    const char *end = strstr(text, "\"type\":\"end\"");
    assert_non_null(end);
    assert_true(dr < end);
    assert_null(strstr(end, "\n{")); /* the end is the last line */
    free(text);
}

/* Keys still being typed when the scorecard came became commands: a "j" saved the results.
 * Now the scorecard holds input for 1.5 s and then takes J only as a deliberate key. */
static void trap_stray_key_on_scorecard(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("stray", (opts){0}, log, sizeof log);
    reply_to_lena(app);
    sd_person_type(app, "Hej Lena! ");
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_run(sd_app_session(app), &err), SD_OK);
    /* the person goes on typing for a few seconds before looking up */
    sd_person_type(app, "Jag kollar och ber en kollega ringa dig, jobbar på det just nu. Vi cc:ar");
    assert_true(sd_app_on_scorecard(app));
    assert_int_equal(access(sd_app_results_path(app), F_OK), -1);
    assert_int_equal(access(sd_app_csv_path(app), F_OK), -1);
    assert_true(frame_running(app, 0.125));
    /* looks at the scorecard, then saves */
    sd_person_wait(app, 3);
    sd_person_key(app, SDLK_j, 0);
    assert_int_equal(access(sd_app_results_path(app), F_OK), 0);
    sd_app_destroy(app);
}

/* Q or Esc on the scorecard closed the window at once, unsaved: now they ask. */
static void trap_q_esc_close_at_once(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("quit", (opts){0}, log, sizeof log);
    sd_person_wait(app, 1);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_run(sd_app_session(app), &err), SD_OK);
    sd_person_wait(app, 4);
    assert_true(sd_app_on_scorecard(app));
    SDL_Keycode leave[] = {SDLK_q, SDLK_ESCAPE};
    for (int i = 0; i < 2; i++) {
        sd_person_key(app, leave[i], 0);
        assert_true(frame_running(app, 0.125));
        assert_string_equal(sd_app_asking(app), "close");
        assert_true(drew(app, "ask", "Stäng Stormdrill?"));
        sd_person_wait(app, 2);
        sd_person_key(app, SDLK_n, 0);
        assert_null(sd_app_asking(app));
        assert_true(frame_running(app, 0.125));
    }
    /* closing the window asks too; the close button again closes */
    SDL_Event e = {.type = SDL_QUIT};
    SDL_PushEvent(&e);
    assert_true(frame_running(app, 0.125));
    assert_string_equal(sd_app_asking(app), "close");
    sd_person_key(app, SDLK_ESCAPE, 0);
    /* saved: Q closes without asking */
    sd_person_wait(app, 2);
    sd_person_key(app, SDLK_j, 0);
    assert_int_equal(access(sd_app_results_path(app), F_OK), 0);
    sd_person_wait(app, 2);
    SDL_Event q = {.type = SDL_KEYDOWN};
    q.key.keysym.sym = SDLK_q;
    SDL_PushEvent(&q);
    assert_false(frame_running(app, 0.125));
    sd_app_destroy(app);
}

/* Ctrl+Q ended the exercise for good without asking: now it asks (and N goes on). */
static void trap_ctrl_q_ends_without_asking(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("ctrlq", (opts){0}, log, sizeof log);
    sd_person_wait(app, 2);
    sd_person_key(app, SDLK_q, KMOD_LCTRL);
    assert_true(frame_running(app, 0.125));
    assert_false(sd_session_finished(sd_app_session(app)));
    assert_string_equal(sd_app_asking(app), "end");
    assert_true(drew(app, "ask", "Avsluta övningen? Resultatet räknas på det du hunnit."));
    int64_t at = clock_s(app);
    sd_person_wait(app, 3); /* coach mode: the question holds the clock */
    assert_int_equal(clock_s(app), at);
    sd_person_key(app, SDLK_n, 0);
    sd_person_wait(app, 2);
    assert_false(sd_session_finished(sd_app_session(app)));
    assert_true(clock_s(app) > at);
    sd_person_key(app, SDLK_q, KMOD_LCTRL);
    sd_person_wait(app, 1);
    sd_person_key(app, SDLK_j, 0);
    sd_person_wait(app, 1);
    assert_true(sd_session_finished(sd_app_session(app)));
    assert_true(sd_app_on_scorecard(app));
    sd_app_destroy(app);
    char *text = slurp(log);
    assert_non_null(strstr(text, "\"reason\":\"ended by participant\""));
    free(text);
}

/* ---- details ---- */

/* Exam mode: help does not pause (the facilitator decides: pause_on_help turns it on). A
 * pause of the facilitator's own stays when the help closes. */
static void test_exam_and_facilitator_pause(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("exam", (opts){.exam = true}, log, sizeof log);
    sd_person_key(app, SDLK_F1, 0);
    int64_t at = clock_s(app);
    sd_person_wait(app, 5);
    assert_true(clock_s(app) > at);
    sd_person_key(app, SDLK_F1, 0);
    sd_app_destroy(app);
    app = make_app("exam_pause", (opts){.exam = true, .pause_on_help = 1}, log, sizeof log);
    sd_person_key(app, SDLK_F1, 0);
    at = clock_s(app);
    sd_person_wait(app, 5);
    assert_int_equal(clock_s(app), at);
    sd_person_key(app, SDLK_F1, 0);
    sd_person_wait(app, 2);
    assert_true(clock_s(app) > at);
    sd_app_destroy(app);
    /* coach: the facilitator pauses (F5), opens help and closes it: still paused */
    app = make_app("fac", (opts){0}, log, sizeof log);
    sd_person_key(app, SDLK_F5, 0);
    sd_person_key(app, SDLK_F1, 0);
    sd_person_wait(app, 1);
    sd_person_key(app, SDLK_F1, 0);
    at = clock_s(app);
    sd_person_wait(app, 3);
    assert_int_equal(clock_s(app), at);
    assert_true(sd_session_paused(sd_app_session(app)));
    /* and help opened while running, F5 in it (resume is the facilitator's then) */
    sd_person_key(app, SDLK_F5, 0);
    sd_person_key(app, SDLK_F1, 0);
    sd_person_key(app, SDLK_F5, 0); /* the facilitator resumes: the clock runs under the help */
    at = clock_s(app);
    sd_person_wait(app, 2);
    assert_true(clock_s(app) > at);
    sd_person_key(app, SDLK_F1, 0);
    assert_false(sd_session_paused(sd_app_session(app)));
    sd_app_destroy(app);
}

/* The briefing in English, and closing the window mid-exercise keeps the draft too. */
static void test_english_briefing_and_close_keeps_draft(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("en", (opts){.briefing = true, .lang = SD_LANG_EN}, log, sizeof log);
    sd_person_wait(app, 2);
    assert_true(drew(app, "briefing", "Before the exercise"));
    for (int i = 0; i < 80 && !drew_anywhere(app, "The clock runs faster"); i++)
        sd_person_key(app, SDLK_DOWN, 0);
    assert_true(drew_anywhere(app, "The clock runs faster than real time: an hour in the exer"));
    sd_person_key(app, SDLK_RETURN, 0);
    reply_to_lena(app);
    sd_person_type(app, "Hi Lena, the bins");
    sd_app_destroy(app); /* the window closed */
    char *text = slurp(log);
    assert_non_null(strstr(text, "\"action\":\"draft\""));
    assert_non_null(strstr(text, "Hi Lena, the bins"));
    assert_non_null(strstr(text, "\"reason\":\"window closed\""));
    free(text);
}

/* The compression and duration in words, as the briefing says them (sv and en). */
static void test_duration_words(void **state)
{
    (void)state;
    static const struct { int lang; double s; const char *want; } cases[] = {
        {SD_LANG_SV, 3600, "en timme"}, {SD_LANG_SV, 900, "en kvart"},
        {SD_LANG_SV, 600, "tio minuter"}, {SD_LANG_SV, 60, "en minut"},
        {SD_LANG_SV, 1200, "tjugo minuter"}, {SD_LANG_SV, 1800, "en halvtimme"},
        {SD_LANG_SV, 30, "30 sekunder"}, {SD_LANG_SV, 7200, "två timmar"},
        {SD_LANG_SV, 5400, "en timme och 30 minuter"}, {SD_LANG_SV, 4500, "en timme och femton minuter"},
        {SD_LANG_SV, 2400, "40 minuter"}, {SD_LANG_SV, 1, "en sekund"},
        {SD_LANG_EN, 600, "ten minutes"}, {SD_LANG_EN, 900, "a quarter of an hour"},
        {SD_LANG_EN, 3600, "an hour"}, {SD_LANG_EN, 10800, "three hours"},
        {SD_LANG_EN, 60, "one minute"},
    };
    char log[256];
    for (int lang = 0; lang < 2; lang++) {
        sd_app *app = make_app(lang ? "words_en" : "words_sv", (opts){.lang = lang}, log, sizeof log);
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            if (cases[i].lang != lang)
                continue;
            char out[200];
            sd_briefing_duration_words(app, cases[i].s, out, sizeof out);
            if (strcmp(out, cases[i].want) != 0)
                fail_msg("%g s: '%s', want '%s'", cases[i].s, out, cases[i].want);
        }
        sd_app_destroy(app);
    }
}

/* An exercise cut off between its draft and its end goes on: resuming writes the draft
 * again to match the log (it is not given back as an action) and appends after it. */
static void test_resume_after_draft(void **state)
{
    (void)state;
    char log[256];
    sd_app *app = make_app("cut", (opts){0}, log, sizeof log);
    reply_to_lena(app);
    sd_person_type(app, "Hej Lena! Kärlen");
    sd_app_destroy(app);
    char *text = slurp(log);
    char *end = strstr(text, "{\"type\":\"end\"");
    assert_non_null(end);
    *end = '\0'; /* the end record never reached the disk */
    FILE *f = fopen(log, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(text);
    sd_app_config cfg = {.scenario_path = "scenarios/introduktion.lua", .log_path = log, .lang = -1,
                         .hidden = true, .no_wall_clock = true, .resume = true};
    sd_error err = SD_ERROR_INIT;
    app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("resume: %s", sd_error_msg(&err));
    assert_false(sd_session_finished(sd_app_session(app)));
    assert_false(sd_results_draft(sd_app_results(app), NULL) && sd_results_n_actions(sd_app_results(app)) > 0);
    sd_app_destroy(app);
    text = slurp(log);
    assert_int_equal(count(text, "\"action\":\"draft\""), 1);
    assert_non_null(strstr(text, "\"reason\":\"window closed\""));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trap_clock_runs_before_briefing_read),
        cmocka_unit_test(trap_clock_runs_during_help),
        cmocka_unit_test(trap_lost_draft),
        cmocka_unit_test(trap_stray_key_on_scorecard),
        cmocka_unit_test(trap_q_esc_close_at_once),
        cmocka_unit_test(trap_ctrl_q_ends_without_asking),
        cmocka_unit_test(test_exam_and_facilitator_pause),
        cmocka_unit_test(test_english_briefing_and_close_keeps_draft),
        cmocka_unit_test(test_duration_words),
        cmocka_unit_test(test_resume_after_draft),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
