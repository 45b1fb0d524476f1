/* test_window.c - cmocka tests of the exercise window (engine/window), headless: the real
 * window with SDL's dummy video driver and the software renderer, driven by synthetic SDL
 * events one frame at a time. Selecting an item, typing a reply with å/ä/ö and sending it,
 * escalating, pausing and ending the exercise are checked on the core's state (situation,
 * the records an observer sees, the session log); answer templates (T, Ctrl+T) fill the
 * reply editor and Tab selects their placeholders; O turns the feed's order keeping the
 * selection and the rows in view; the scorecard's chart is folded right and drawn inside
 * the scorecard; every drawn rectangle (the delete and
 * inject forms and the template menu included) stays inside its panel at 1024x640 at 100 % and 200 % text size;
 * a steady frame renders no text; the palette passes WCAG AA; Shift+P pins the reply to the
 * selected item and Ctrl+P the latest statement, shown above the feed's rows. Set
 * SD_WINDOW_SCREENSHOT=path.bmp to keep a screenshot (SD_WINDOW_PIN_SCREENSHOT: of the pin). */
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
#include "session/resume.h"
#include "chart.h"
#include "theme.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    return sd_test_tempdir_make(g_dir, "sd_window");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
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

/* The scorecard's chart is a panel of its own, inside the scorecard's. */
static void check_chart_inside_scorecard(sd_app *app, const char *what)
{
    size_t n, charts = 0;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    SDL_Rect card = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].panel, "scorecard") == 0)
            card = r[i].clip;
    assert_true(card.w > 0);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(r[i].panel, "chart") != 0)
            continue;
        charts++;
        SDL_Rect c = r[i].clip;
        if (c.x < card.x || c.y < card.y || c.x + c.w > card.x + card.w || c.y + c.h > card.y + card.h)
            fail_msg("%s: the chart (%d,%d %dx%d) is outside the scorecard (%d,%d %dx%d)", what, c.x, c.y, c.w,
                     c.h, card.x, card.y, card.w, card.h);
    }
    if (charts < 10) /* title, legend, axes, labels, bars */
        fail_msg("%s: the chart drew %zu rectangles", what, charts);
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
    /* in the participant's words, never the engine's message */
    assert_string_equal(sd_app_status(app), sd_app_refusal_text(app, SD_REFUSAL_NOT_INTERNAL));
    assert_null(strstr(sd_app_status(app), "d1"));

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
    check_chart_inside_scorecard(app, "flow");
    for (int i = 0; i < 8; i++) /* the scorecard holds keys for 1.5 s (ending.c) */
        frame(app, 0.25);
    key(SDLK_j, 0);
    frame(app, 0);
    char *results = slurp(sd_app_results_path(app));
    assert_non_null(strstr(results, "stormdrill.result/2"));
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
    key(SDLK_t, KMOD_LCTRL);
    frame(app, 0);
    check_containment(app, "template menu");
    key(SDLK_ESCAPE, 0);
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
    frame(app, 0); /* (the inject form is in the facilitator's window: test_window_facilitator.c) */
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
    check_chart_inside_scorecard(app, name);
    sd_app_destroy(app);
}

/* Copies a file byte for byte (a live log, NUL padding and all: what a crash leaves). */
static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    fclose(out);
}

/* The window dies mid-exercise (its log copied as it stands); resumed in the window, the
 * exercise stands where it was, paused, with the reply already given, and goes on. */
static void test_resume_in_window(void **state)
{
    (void)state;
    sd_app *app = make_app("crash", 1024, 640, 1.0, false);
    frame(app, 0);
    step_to(app, 5);
    key(SDLK_r, 0);
    frame(app, 0);
    type("Hej Lena! Från måndag töms kärlen på tisdagar.\nVänliga hälsningar, Kim");
    frame(app, 0);
    key(SDLK_RETURN, KMOD_LCTRL);
    frame(app, 0);
    step_to(app, 31);
    sd_situation before;
    sd_session_situation(sd_app_session(app), &before);
    assert_int_equal(before.answered, 1);
    size_t items = sd_results_n_items(sd_app_results(app));
    char log[256], copy[256];
    snprintf(log, sizeof log, "%s/crash.jsonl", g_dir);
    snprintf(copy, sizeof copy, "%s/crash-copy.jsonl", g_dir);
    copy_file(log, copy);
    sd_app_destroy(app);

    sd_app_config cfg = {.scenario_path = "scenarios/introduktion.lua", .log_path = copy,
                         .resume = true, .lang = -1, .width = 1024, .height = 640, .hidden = true,
                         .no_wall_clock = true};
    sd_error err = SD_ERROR_INIT;
    app = NULL;
    if (sd_app_create(&cfg, &app, &err) != SD_OK)
        fail_msg("resume: %s", sd_error_msg(&err));
    frame(app, 0);
    sd_session *s = sd_app_session(app);
    assert_true(sd_session_paused(s));
    assert_null(sd_app_resume_warning(app));
    sd_situation after;
    sd_session_situation(s, &after);
    /* It goes on from the last logged record: the clock may stand up to the 5 simulated
     * minutes between state records earlier than when the window died, never later. */
    assert_true(after.now <= before.now && after.now >= before.now - 300);
    assert_int_equal(after.answered, 1);
    assert_int_equal(after.items, before.items);
    assert_int_equal(sd_results_n_items(sd_app_results(app)), items);
    if (strstr(sd_app_status(app), "ur sessionsloggen") == NULL)
        fail_msg("status: %s", sd_app_status(app));
    key(SDLK_F5, 0);
    frame(app, 1.0);
    assert_false(sd_session_paused(s));
    assert_true(sd_session_now(s) > after.now);
    sd_app_destroy(app);
    char *text = slurp(copy);
    const char *first = strstr(text, "töms kärlen på tisdagar");
    assert_non_null(first);
    assert_null(strstr(first + 1, "töms kärlen på tisdagar")); /* logged once */
    assert_non_null(strstr(text, "\"did\":\"pause\""));
    assert_non_null(strstr(text, "window closed"));
    assert_null(memchr(text, '\0', strlen(text))); /* no padding left inside */
    free(text);
}

/* The start screen: an interrupted exercise of the scenario in the sessions folder is
 * offered; R goes on with it (the new run, never begun, is dropped with its log), N keeps
 * the new run and leaves the old log alone. Finished logs are not offered. */
static void test_start_screen_offers_resume(void **state)
{
    (void)state;
    char dir[256], crashed[300];
    snprintf(dir, sizeof dir, "%s/sessions", g_dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(crashed, sizeof crashed, "%s/kim-crashed.jsonl", dir);
    sd_app *app = make_app("start", 1024, 640, 1.0, false);
    frame(app, 0);
    step_to(app, 12);
    char sha[65];
    snprintf(sha, sizeof sha, "%s", sd_session_scenario(sd_app_session(app))->sha256);
    char log[256];
    snprintf(log, sizeof log, "%s/start.jsonl", g_dir);
    copy_file(log, crashed);
    sd_time reached = sd_session_now(sd_app_session(app));
    sd_app_destroy(app);
    /* A finished exercise (it ended when the window closed) in the same folder. */
    char finished[300];
    snprintf(finished, sizeof finished, "%s/kim-finished.jsonl", dir);
    copy_file(log, finished);

    char *found = NULL;
    sd_time t = 0;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_log_find_interrupted(dir, sha, "person", &found, &t, &err), SD_OK);
    assert_non_null(found);
    assert_string_equal(found, crashed);
    assert_true(t <= reached && t >= reached - 300);
    char *none = NULL;
    assert_int_equal(sd_log_find_interrupted(dir, "0000", "person", &none, &t, &err), SD_OK);
    assert_null(none); /* another scenario's */

    for (int pass = 0; pass < 2; pass++) {
        bool resume = pass == 0;
        char fresh[256];
        snprintf(fresh, sizeof fresh, "%s/fresh-%d.jsonl", g_dir, pass);
        size_t before_len;
        char *before = sd_test_read_file(crashed, &before_len);
        assert_non_null(before);
        sd_app_config cfg = {.scenario_path = "scenarios/introduktion.lua", .log_path = fresh,
                             .offer_resume = found, .offer_t = t, .lang = -1, .width = 1024,
                             .height = 640, .hidden = true, .no_wall_clock = true};
        app = NULL;
        if (sd_app_create(&cfg, &app, &err) != SD_OK)
            fail_msg("start screen: %s", sd_error_msg(&err));
        frame(app, 1.0);
        assert_true(sd_app_on_start_screen(app));
        assert_true(sd_session_paused(sd_app_session(app)));
        key(resume ? SDLK_r : SDLK_n, 0);
        frame(app, 0);
        assert_false(sd_app_on_start_screen(app));
        sd_session *s = sd_app_session(app);
        if (resume) {
            assert_string_equal(sd_app_log_path(app), crashed);
            assert_int_equal(sd_session_now(s), t);
            assert_true(sd_session_paused(s));
            struct stat sb;
            assert_int_not_equal(stat(fresh, &sb), 0); /* the unbegun run's log is gone */
        } else {
            assert_string_equal(sd_app_log_path(app), fresh);
            assert_false(sd_session_paused(s));
        }
        sd_app_destroy(app);
        if (!resume) {
            size_t after_len;
            char *after = sd_test_read_file(crashed, &after_len);
            assert_int_equal(after_len, before_len);
            assert_memory_equal(after, before, before_len);
            free(after);
        }
        free(before);
        if (resume) { /* it has ended now: run the N pass on a fresh copy */
            char *none2 = NULL;
            assert_int_equal(sd_log_find_interrupted(dir, sha, "person", &none2, &t, &err), SD_OK);
            assert_null(none2);
            copy_file(finished, crashed); /* any content: N must not touch it */
        }
    }
    free(found);
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

static void click(int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.x = x;
    e.button.y = y;
    assert_int_equal(SDL_PushEvent(&e), 1);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

/* Answer templates: T opens the menu of the scenario's templates, a number chooses one,
 * whose text fills the empty editor; Tab selects its first placeholder. Ctrl+T while
 * typing opens it again, a click inserts another at the caret. */
static void test_answer_templates(void **state)
{
    (void)state;
    sd_app *app = make_app("templates", 1024, 640, 1.0, false);
    frame(app, 0);
    step_to(app, 5);
    assert_string_equal(sd_app_selected_id(app), "c1");
    key(SDLK_t, 0);
    type("t"); /* what SDL sends with the key: the open menu takes no text */
    frame(app, 0);
    SDL_Rect r;
    assert_true(sd_app_editing(app));
    assert_true(sd_app_hit_rect(app, "menu", 2, &r));
    assert_false(sd_app_hit_rect(app, "menu", 3, &r)); /* three templates */
    assert_string_equal(sd_app_editor_text(app), "");
    key(SDLK_2, 0);
    type("2"); /* the digit that chose must not be typed */
    frame(app, 0);
    assert_false(sd_app_hit_rect(app, "menu", 0, &r)); /* closed */
    const char *forstar = "Hej [namn]!\nJag förstår att du är besviken, och tack för att du säger till. [svar]\n"
                          "Vänliga hälsningar,\n[ditt namn]";
    assert_string_equal(sd_app_editor_text(app), forstar);
    size_t a = 0, b = 0;
    assert_false(sd_app_editor_selection(app, &a, &b));
    key(SDLK_TAB, 0);
    frame(app, 0);
    assert_true(sd_app_editor_selection(app, &a, &b));
    assert_int_equal(a, 4);
    assert_int_equal(b, 10); /* "[namn]" */
    type("Lena");
    key(SDLK_TAB, 0);
    frame(app, 0);
    assert_true(sd_app_editor_selection(app, &a, &b));
    assert_memory_equal(sd_app_editor_text(app) + a, "[svar]", 6);
    check_containment(app, "placeholders");

    /* Ctrl+T while typing; a click on the first entry inserts it at the caret. */
    key(SDLK_END, KMOD_LCTRL);
    type("\n");
    key(SDLK_t, KMOD_LCTRL);
    frame(app, 0);
    check_containment(app, "template menu");
    assert_true(sd_app_hit_rect(app, "menu", 0, &r));
    size_t at = strlen(sd_app_editor_text(app));
    click(r.x + r.w / 2, r.y + r.h / 2);
    frame(app, 0);
    assert_true(sd_app_editing(app));
    assert_false(sd_app_hit_rect(app, "menu", 0, &r));
    const char *text = sd_app_editor_text(app);
    assert_memory_equal(text, "Hej Lena!\nJag förstår", strlen("Hej Lena!\nJag förstår"));
    assert_string_equal(text + at, "Hej [namn]!\nTack för din fråga. [svar]\nLäs mer på [länk]\n"
                                   "Vänliga hälsningar,\n[ditt namn]");
    key(SDLK_TAB, 0);
    frame(app, 0);
    assert_true(sd_app_editor_selection(app, &a, &b));
    assert_int_equal(a, at + 4);
    assert_int_equal(b, at + 10);
    /* Esc closes the menu and goes on typing. */
    key(SDLK_t, KMOD_LCTRL);
    key(SDLK_ESCAPE, 0);
    frame(app, 0);
    assert_true(sd_app_editing(app));
    assert_false(sd_app_hit_rect(app, "menu", 0, &r));
    sd_app_destroy(app);
}

/* The ids on the feed's visible rows, found by clicking each (which selects it). */
static size_t visible_ids(sd_app *app, char ids[][40], size_t max)
{
    size_t n = 0;
    SDL_Rect r;
    while (n < max && sd_app_hit_rect(app, "row", n, &r)) {
        click(r.x + r.w / 2, r.y + r.h / 2);
        frame(app, 0);
        if (!sd_app_selected_id(app))
            break;
        snprintf(ids[n], sizeof ids[0], "%s", sd_app_selected_id(app));
        if (n > 0 && strcmp(ids[n], ids[n - 1]) == 0)
            break; /* past the last row: the click selected nothing new */
        n++;
    }
    return n;
}

static void select_id(sd_app *app, const char *id)
{
    SDL_Rect r;
    for (size_t i = 0; sd_app_hit_rect(app, "row", i, &r); i++) {
        click(r.x + r.w / 2, r.y + r.h / 2);
        frame(app, 0);
        if (sd_app_selected_id(app) && strcmp(sd_app_selected_id(app), id) == 0)
            return;
    }
    fail_msg("%s is not in view", id);
}

/* Newest or oldest first: O turns the order of the current filter (the header's switch
 * with the mouse too); the selection stays, the same rows stay in view (mirrored), and
 * each filter keeps its own order. */
static void test_feed_order(void **state)
{
    (void)state;
    sd_app *app = make_app("order", 1024, 640, 1.0, true);
    frame(app, 0);
    step_to(app, 70);
    key(SDLK_F5, 0);
    key(SDLK_2, 0); /* all: newest first by default */
    key(SDLK_HOME, 0);
    frame(app, 0);
    assert_true(sd_app_feed_newest_first(app));
    SDL_Rect r;
    assert_true(sd_app_hit_rect(app, "order", 0, &r));
    char newest[40], oldest[40];
    snprintf(newest, sizeof newest, "%s", sd_app_selected_id(app));
    key(SDLK_END, 0);
    frame(app, 0);
    snprintf(oldest, sizeof oldest, "%s", sd_app_selected_id(app));
    assert_string_not_equal(newest, oldest);

    /* Scroll to the middle: more rows than fit, so the list is scrolled. */
    key(SDLK_HOME, 0);
    for (int i = 0; i < 18; i++)
        key(SDLK_DOWN, 0);
    frame(app, 0);
    char before[64][40], after[64][40], mid[40];
    size_t nb = visible_ids(app, before, 64);
    assert_true(nb >= 5);
    snprintf(mid, sizeof mid, "%s", before[nb / 2]);
    select_id(app, mid);

    key(SDLK_o, 0);
    frame(app, 0);
    assert_false(sd_app_feed_newest_first(app));
    assert_string_equal(sd_app_selected_id(app), mid); /* the selection stays */
    size_t na = visible_ids(app, after, 64);
    assert_int_equal(na, nb); /* the same rows in view, in the other order */
    for (size_t i = 0; i < nb; i++)
        assert_string_equal(after[i], before[nb - 1 - i]);
    key(SDLK_HOME, 0);
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), oldest);
    key(SDLK_END, 0);
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), newest);

    /* Each filter has its own order: waiting is oldest first, and stays so. */
    key(SDLK_1, 0);
    frame(app, 0);
    assert_false(sd_app_feed_newest_first(app));
    key(SDLK_2, 0);
    frame(app, 0);
    assert_false(sd_app_feed_newest_first(app));
    check_containment(app, "oldest first");

    /* A click on the header's switch turns it back. */
    char sel[40];
    snprintf(sel, sizeof sel, "%s", sd_app_selected_id(app));
    assert_true(sd_app_hit_rect(app, "order", 0, &r));
    click(r.x + r.w / 2, r.y + r.h / 2);
    frame(app, 0);
    assert_true(sd_app_feed_newest_first(app));
    assert_string_equal(sd_app_selected_id(app), sel);
    key(SDLK_HOME, 0);
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), newest);
    sd_app_destroy(app);
}

/* Pin (Shift+P on a selected item, Ctrl+P for the latest statement): refused until there
 * is a reply or a statement to pin; then the pin action is logged and the feed shows what is
 * pinned above its rows ("Fäst"), the rows moved down to make room. */
static void test_pin(void **state)
{
    (void)state;
    sd_app *app = make_app("pin", 1024, 640, 1.0, false);
    seen w = {0};
    assert_int_equal(sd_session_add_observer(sd_app_session(app), observe, &w, NULL), SD_OK);
    frame(app, 0);
    step_to(app, 5);
    key(SDLK_1, 0); /* the inbox (its pinned strip above the rows) */
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), "c1");
    SDL_Rect rows0, pin;
    assert_true(sd_app_hit_rect(app, "row", 0, &rows0));
    assert_false(sd_app_hit_rect(app, "pinned", 0, &pin));
    /* nothing to pin yet: Shift+P does nothing and says what to do (no reply to pin);
     * Ctrl+P is refused (no statement), in the participant's words */
    key(SDLK_p, KMOD_LSHIFT);
    frame(app, 0);
    assert_int_equal(w.rejected, 0);
    assert_true(sd_app_status_bad(app));
    assert_non_null(strstr(sd_app_status(app), "Lena Holm"));
    assert_non_null(strstr(sd_app_status(app), "Shift+P"));
    key(SDLK_p, KMOD_LCTRL);
    frame(app, 0);
    assert_int_equal(w.rejected, 1);
    assert_string_equal(sd_app_status(app), sd_app_refusal_text(app, SD_REFUSAL_PIN_NO_STATEMENT));
    assert_int_equal(w.n, 0);
    /* a reply, pinned */
    key(SDLK_r, 0);
    frame(app, 0);
    type("Hej Lena! Från måndag töms kärlen på Björkvägen på tisdagar.\nVänliga hälsningar, Kim");
    frame(app, 0);
    key(SDLK_RETURN, KMOD_LCTRL);
    frame(app, 0);
    key(SDLK_ESCAPE, 0);
    frame(app, 0);
    key(SDLK_2, 0); /* answered, c1 left the waiting tab (now empty: nothing selected) */
    frame(app, 0);
    select_id(app, "c1");
    key(SDLK_p, KMOD_LSHIFT);
    frame(app, 0);
    assert_int_equal(w.n, 2);
    assert_int_equal(w.kind[1], SD_ACT_PIN);
    assert_string_equal(w.item[1], "c1");
    assert_false(sd_app_status_bad(app));
    assert_true(sd_app_hit_rect(app, "pinned", 0, &pin));
    SDL_Rect rows1;
    assert_true(sd_app_hit_rect(app, "row", 0, &rows1));
    assert_true(rows1.y >= pin.y + pin.h); /* the rows start below it */
    assert_true(rows1.y > rows0.y);
    check_containment(app, "pinned reply");
    /* a statement, pinned with Ctrl+P: it replaces the pinned reply */
    key(SDLK_n, 0);
    frame(app, 0);
    type("Återvinningscentralen har stängt i dag. Vi svarar på frågor här.");
    frame(app, 0);
    key(SDLK_RETURN, KMOD_LCTRL);
    frame(app, 0);
    key(SDLK_ESCAPE, 0);
    frame(app, 0);
    key(SDLK_p, KMOD_LCTRL);
    frame(app, 0);
    assert_int_equal(w.n, 4);
    assert_int_equal(w.kind[2], SD_ACT_PUBLISH);
    assert_int_equal(w.kind[3], SD_ACT_PIN);
    assert_string_equal(w.item[3], "");
    assert_true(sd_app_hit_rect(app, "pinned", 0, &pin));
    assert_non_null(strstr(sd_app_status(app), "uttalande"));
    assert_string_equal(sd_session_pinned(sd_app_session(app)), "statement");
    check_containment(app, "pinned statement");
    const char *shot = getenv("SD_WINDOW_PIN_SCREENSHOT");
    if (shot) {
        sd_error err = SD_ERROR_INIT;
        assert_int_equal(sd_app_screenshot_bmp(app, shot, &err), SD_OK);
    }
    sd_app_destroy(app);
    char log[256];
    snprintf(log, sizeof log, "%s/pin.jsonl", g_dir);
    char *text = slurp(log);
    assert_non_null(strstr(text, "\"action\":\"pin\",\"item\":\"c1\""));
    free(text);
}

/* The scorecard's chart: 10-minute bars from the items for a short exercise (comments,
 * replies and direct messages; the median answer time of those answered); hourly bars
 * from the core's storm hours for a long one, a series of dots per storm. */
static void test_chart_build(void **state)
{
    (void)state;
    const sd_time t0 = 1773738000; /* a whole hour */
    sd_res_item items[6];
    memset(items, 0, sizeof items);
    items[0] = (sd_res_item){.arrival = t0 + 60, .answered_at = t0 + 60 + 300, .kind = SD_KIND_COMMENT};
    items[1] = (sd_res_item){.arrival = t0 + 120, .answered_at = t0 + 120 + 900, .kind = SD_KIND_DM};
    items[2] = (sd_res_item){.arrival = t0 + 180, .answered_at = t0 + 180 + 600, .kind = SD_KIND_REPLY};
    items[3] = (sd_res_item){.arrival = t0 + 240, .kind = SD_KIND_INTERNAL}; /* not a comment */
    items[4] = (sd_res_item){.arrival = t0 + 1500, .kind = SD_KIND_COMMENT}; /* unanswered */
    items[5] = (sd_res_item){.arrival = t0 + 1700, .answered_at = t0 + 1700 + 120, .kind = SD_KIND_COMMENT};
    sd_chart c;
    sd_chart_build(&c, items, 6, NULL, 0, t0, t0 + 2 * 3600);
    assert_int_equal(c.step, 600);
    assert_int_equal(c.n, 12);
    assert_true(c.start == t0);
    assert_false(c.from_storms);
    assert_int_equal(c.comments[0], 3);
    assert_int_equal(c.comments[1], 0);
    assert_int_equal(c.comments[2], 2);
    assert_int_equal(c.max_comments, 3);
    assert_int_equal(c.n_dots, 2);
    assert_int_equal(c.dots[0].bucket, 0);
    assert_true(c.dots[0].median == 600); /* of 300, 600, 900 */
    assert_int_equal(c.dots[1].bucket, 2);
    assert_true(c.dots[1].median == 120);
    assert_true(c.max_median == 600);

    /* A long exercise with two storms: hourly, from the core's hours. */
    sd_storm_hour hours[3] = {
        {.storm = "s1", .hour = t0 + 3600, .comments = 40, .answered = 10, .median_answer = 1800},
        {.storm = "s2", .hour = t0 + 3600, .comments = 5, .answered = 0, .median_answer = -1},
        {.storm = "s1", .hour = t0 + 2 * 3600, .comments = 20, .answered = 20, .median_answer = 600},
    };
    sd_chart_build(&c, items, 6, hours, 3, t0, t0 + 8 * 3600);
    assert_int_equal(c.step, 3600);
    assert_int_equal(c.n, 8);
    assert_true(c.from_storms);
    assert_int_equal(c.comments[0], 0);
    assert_int_equal(c.comments[1], 45);
    assert_int_equal(c.comments[2], 20);
    assert_int_equal(c.n_dots, 2);
    assert_int_equal(c.dots[0].series, c.dots[1].series);
    assert_int_equal(c.dots[1].bucket, 2);

    /* Very long: wider bars, never more than SD_CHART_MAX. */
    sd_chart_build(&c, items, 6, NULL, 0, t0, t0 + 5 * 86400);
    assert_true(c.n <= SD_CHART_MAX);
    assert_true(c.step % 3600 == 0 && c.step > 3600);
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
        cmocka_unit_test(test_resume_in_window),
        cmocka_unit_test(test_start_screen_offers_resume),
        cmocka_unit_test(test_nothing_outside_its_panel),
        cmocka_unit_test(test_nothing_outside_its_panel_at_200),
        cmocka_unit_test(test_steady_frame_renders_no_text),
        cmocka_unit_test(test_answer_templates),
        cmocka_unit_test(test_feed_order),
        cmocka_unit_test(test_pin),
        cmocka_unit_test(test_chart_build),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
