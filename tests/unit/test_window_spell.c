/* test_window_spell.c - cmocka tests of spelling in the reply editor and of the coach
 * agreeing with the score (engine/window; issue 12, sections 2 and 5), with the real
 * Hunspell dictionaries.
 *  - The editor on its own (editor.h): misspelt ranges, the word being typed left out until
 *    the caret leaves it, a flagged word kept when the caret only visits it, undo, the text
 *    checked once per change and not once per query.
 *  - The window, headless (SDL's dummy driver, software renderer): a reply with one
 *    misspelt word typed a character at a time with a frame after each (a person's pace);
 *    the editor reports exactly that word's range, only once the word is finished; the
 *    frame shows one red wavy line under it and none before (read back from the renderer);
 *    idle frames do not check the text again.
 *  - The coach's verdict on the text as it was sent equals the tone checks of that reply
 *    built from the results as the score builds them (scoring/reply_input.h), and the
 *    score's own pass/applies bits for the reply (sd_score_compute). */
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
#include "editor.h"
#include "scoring/reply_input.h"
#include "scoring/score.h"
#include "scoring/texts.h"
#include "scoring/tone.h"
#include "theme.h"

#define ASSETS SD_SOURCE_DIR "/assets"

static char g_dir[64];
static sd_speller *g_sp;

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    sd_error err = SD_ERROR_INIT;
    if (sd_speller_open(NULL, &g_sp, &err) != SD_OK) {
        fprintf(stderr, "%s\n", sd_error_msg(&err));
        return -1;
    }
    return sd_test_tempdir_make(g_dir, "sd_wspell");
}

static int group_teardown(void **state)
{
    (void)state;
    sd_speller_free(g_sp);
    return sd_test_tempdir_remove(g_dir);
}

/* The misspelt words as "word|word". */
static void misses_of(sd_editor *e, char *out, size_t cap)
{
    size_t s[40], en[40];
    size_t n = sd_editor_misspelt(e, s, en, 40);
    out[0] = '\0';
    const char *t = sd_editor_text(e);
    for (size_t i = 0; i < n && i < 40; i++) {
        size_t k = strlen(out);
        snprintf(out + k, cap - k, "%s%.*s", i ? "|" : "", (int)(en[i] - s[i]), t + s[i]);
    }
}

static void type_chars(sd_editor *e, const char *s)
{
    while (*s) {
        size_t n = 1;
        while (((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        char buf[8];
        memcpy(buf, s, n);
        buf[n] = '\0';
        sd_editor_insert(e, buf);
        s += n;
    }
}

static void test_editor_spelling(void **state)
{
    (void)state;
    sd_error err = SD_ERROR_INIT;
    sd_editor *e = NULL;
    assert_int_equal(sd_editor_create(&e, &err), SD_OK);
    char got[256];
    /* no speller: nothing */
    type_chars(e, "Vi blorf ");
    assert_int_equal(sd_editor_misspelt(e, NULL, NULL, 0), 0);
    sd_editor_clear(e);

    sd_editor_set_speller(e, g_sp, SD_LANG_SV, NULL);
    /* typing a misspelt word: not flagged while the caret is at its end */
    type_chars(e, "Hej! Vi blorf");
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "");
    /* a space: the caret left it */
    type_chars(e, " ");
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "blorf");
    size_t s0, e0;
    assert_int_equal(sd_editor_misspelt(e, &s0, &e0, 1), 1);
    assert_int_equal(s0, 8);
    assert_int_equal(e0, 13);
    /* asking again does not check again; a change does, once */
    uint64_t checks = sd_editor_spell_checks(e);
    for (int i = 0; i < 10; i++)
        sd_editor_misspelt(e, NULL, NULL, 0);
    assert_int_equal(sd_editor_spell_checks(e), checks);
    type_chars(e, "snart");
    misses_of(e, got, sizeof got);
    assert_int_equal(sd_editor_spell_checks(e), checks + 1);
    assert_string_equal(got, "blorf");

    /* the caret visiting a flagged word keeps the flag */
    sd_editor_set_caret(e, 10, false); /* inside "blorf" */
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "blorf");
    /* editing it (Delete) hides it while the caret stays in the word */
    sd_editor_key(e, SD_KEY_DELETE, 0); /* "blrf" */
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "");
    sd_editor_key(e, SD_KEY_RIGHT, 0); /* still in the word */
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "");
    sd_editor_key(e, SD_KEY_END, 0); /* left it */
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "blrf");
    /* undo flags at once */
    sd_editor_undo(e);
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "blorf");

    /* a correction at the caret: backspace the typo and type the right word */
    sd_editor_set_text(e, "Sophämtningen flyttas till ondag");
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "ondag"); /* set_text is not typing */
    sd_editor_key(e, SD_KEY_BACKSPACE, 0);
    sd_editor_key(e, SD_KEY_BACKSPACE, 0);
    sd_editor_key(e, SD_KEY_BACKSPACE, 0);
    misses_of(e, got, sizeof got);
    assert_string_equal(got, ""); /* "on" being typed */
    type_chars(e, "sdag.");
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "");
    /* several misspelt words, names and links left alone */
    sd_editor_set_text(e, "Hej Zorblax! Se https://www.example.se/blorf, teh flrp asdf.\n"
                          "Vänliga hälsningar,\nKim");
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "teh|flrp|asdf");
    /* the scenario's words */
    sd_spell_extra *x = NULL;
    assert_int_equal(sd_spell_extra_create(&x, &err), SD_OK);
    assert_int_equal(sd_spell_extra_add_text(x, "flrp", &err), SD_OK);
    sd_editor_set_speller(e, g_sp, SD_LANG_SV, x);
    misses_of(e, got, sizeof got);
    assert_string_equal(got, "teh|asdf");
    sd_editor_free(e);
    sd_spell_extra_free(x);
}

/* ---- the window ---- */

static sd_app *make_app(const char *name)
{
    char log[256];
    snprintf(log, sizeof log, "%s/%s.jsonl", g_dir, name);
    sd_app_config cfg = {.scenario_path = "scenarios/introduktion.lua", .log_path = log, .lang = -1,
                         .width = 1280, .height = 800, .hidden = true, .no_wall_clock = true,
                         .seed_set = true, .seed = 20260401};
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

/* One character as a person types it: its SDL_TEXTINPUT, then a frame (the clock is
 * paused, so the exercise stands still while the frames run). */
static void type_slowly(sd_app *app, const char *s)
{
    while (*s) {
        size_t n = 1;
        while (((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        memcpy(e.text.text, s, n);
        assert_int_equal(SDL_PushEvent(&e), 1);
        frame(app, 0.15);
        s += n;
    }
}

/* The columns of the editor's text area holding the theme's "bad" colour (the wavy line):
 * how many runs of such columns there are, and the first run's extent. */
static size_t red_runs(sd_app *app, int *x0, int *x1)
{
    SDL_Rect ed;
    assert_true(sd_app_hit_rect(app, "editor", 0, &ed));
    sd_theme th;
    sd_theme_init(&th, sd_app_text_scale(app));
    SDL_Surface *s = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_app_read_pixels(app, &s, &err), SD_OK);
    Uint32 want = SDL_MapRGB(s->format, th.bad.r, th.bad.g, th.bad.b);
    size_t runs = 0;
    bool in_run = false;
    for (int x = ed.x; x < ed.x + ed.w && x < s->w; x++) {
        bool red = false;
        for (int y = ed.y; y < ed.y + ed.h && y < s->h && !red; y++) {
            Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
            red = (p & 0x00FFFFFFu) == (want & 0x00FFFFFFu);
        }
        if (red && !in_run) {
            if (runs == 0)
                *x0 = x;
            runs++;
        }
        if (!red && in_run && runs == 1)
            *x1 = x - 1;
        in_run = red;
    }
    SDL_FreeSurface(s);
    return runs;
}

static void test_window_underlines_while_typing(void **state)
{
    (void)state;
    sd_app *app = make_app("underline");
    frame(app, 0);
    sd_session *s = sd_app_session(app);
    sd_error err = SD_ERROR_INIT;
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    assert_int_equal(sd_session_step_sim(s, (double)(h->start + 5 * 60 - sd_session_now(s)), &err), SD_OK);
    key(SDLK_F5, 0); /* pause */
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), "c1");
    key(SDLK_r, 0);
    frame(app, 0);
    const char *head = "Hej Lena! Från måndag töms kärlen på tisdagar, ";
    type_slowly(app, head);
    assert_int_equal(sd_app_editor_misspelt(app, NULL, NULL, 0), 0);
    int x0 = 0, x1 = 0;
    assert_int_equal(red_runs(app, &x0, &x1), 0);
    /* the misspelt word, typed: not underlined while it is being typed */
    type_slowly(app, "schemmat");
    assert_int_equal(sd_app_editor_misspelt(app, NULL, NULL, 0), 0);
    assert_int_equal(red_runs(app, &x0, &x1), 0);
    /* the space after it: exactly its range */
    type_slowly(app, " ");
    size_t a = 0, b = 0;
    assert_int_equal(sd_app_editor_misspelt(app, &a, &b, 1), 1);
    assert_int_equal(a, strlen(head));
    assert_int_equal(b, strlen(head) + strlen("schemmat"));
    /* and the frame shows one wavy line, under the word's part of the line */
    assert_int_equal(red_runs(app, &x0, &x1), 1);
    assert_true(x1 - x0 > 20);
    /* idle frames draw it without checking the text again */
    uint64_t checks = sd_app_editor_spell_checks(app);
    for (int i = 0; i < 5; i++)
        frame(app, 1.0 / 60);
    assert_int_equal(sd_app_editor_spell_checks(app), checks);
    assert_int_equal(red_runs(app, &x0, &x1), 1);
    type_slowly(app, "ändras.\nVänliga hälsningar, Kim");
    assert_int_equal(sd_app_editor_misspelt(app, &a, &b, 1), 1);
    assert_int_equal(a, strlen(head));
    const char *shot = getenv("SD_WINDOW_SCREENSHOT");
    if (shot && *shot)
        assert_int_equal(sd_app_screenshot_bmp(app, shot, &err), SD_OK);
    sd_app_destroy(app);
}

/* Bits of a tone result: applies and pass per check. */
static void bits(const sd_tone_result *t, uint16_t *applies, uint16_t *pass)
{
    *applies = *pass = 0;
    for (int k = 0; k < SD_TONE_CHECK_COUNT; k++) {
        if (t->checks[k].applies)
            *applies |= (uint16_t)(1u << k);
        if (t->checks[k].pass)
            *pass |= (uint16_t)(1u << k);
    }
}

static void describe(const char *who, uint16_t applies, uint16_t pass)
{
    fprintf(stderr, "  %s:", who);
    for (int k = 0; k < SD_TONE_CHECK_COUNT; k++)
        if (applies >> k & 1)
            fprintf(stderr, " %s=%s", sd_tone_check_id((sd_tone_check)k), pass >> k & 1 ? "pass" : "FAIL");
    fprintf(stderr, "\n");
}

/* Sends reply text to the selected item after typing it, and checks the coach's verdict on
 * it against the score's. */
static void coach_agrees(sd_app *app, const char *text, const sd_lexicons *lx, const sd_texts *tx)
{
    key(SDLK_r, 0);
    frame(app, 0);
    type_slowly(app, text);
    assert_non_null(sd_app_coach_tone(app));
    key(SDLK_RETURN, KMOD_LCTRL);
    frame(app, 0);
    const sd_tone_result *coach = sd_app_coach_sent(app);
    assert_non_null(coach);
    assert_string_equal(sd_app_editor_text(app), ""); /* it was sent */

    /* the reply as the results hold it */
    const sd_results *res = sd_app_results(app);
    const sd_res_action *acts = sd_results_actions(res);
    size_t na = sd_results_n_actions(res), ai = na;
    for (size_t i = 0; i < na; i++)
        if (acts[i].kind == SD_ACT_REPLY && acts[i].text && strcmp(acts[i].text, text) == 0)
            ai = i;
    assert_true(ai < na);
    const sd_res_item *it = &sd_results_items(res)[acts[ai].item];
    const sd_rec_header *h = sd_results_header(res);
    size_t n_names = 0;
    const char *const *names = sd_app_names(app, &n_names);
    sd_reply_context cx = {.lang = h->lang, .signer = h->participant, .scoring = &h->scoring,
                           .words = sd_app_spell_words(app), .names = names, .n_names = n_names};
    sd_kp *kp = NULL;
    sd_error kerr = SD_ERROR_INIT;
    if (it->expect->content)
        assert_int_equal(sd_kp_compile(sd_lexicons_stemmer(lx), h->lang, it->expect->content, &kp, &kerr),
                         SD_OK);
    sd_reply_target to = {.expect = it->expect, .to_first = it->first, .mood = (sd_mood)it->mood,
                          .kp = kp};
    sd_tone_input in;
    sd_reply_tone_input(&cx, &to, acts[ai].text, true, &in);
    sd_tone_result want;
    sd_tone_check_reply(lx, &in, &want);
    sd_kp_free(kp);
    uint16_t ca, cp, wa, wp;
    bits(coach, &ca, &cp);
    bits(&want, &wa, &wp);
    describe(acts[ai].text, ca, cp); /* what was compared, in the test's log */
    if (ca != wa || cp != wp || coach->score != want.score) {
        describe("coach", ca, cp);
        describe("reply_input from the results", wa, wp);
        fail_msg("the coach and the tone checks of the sent reply disagree on \"%s\"", text);
    }

    /* the score's own verdict on that reply (it builds its input with sd_reply_tone_input
     * once the lead's score.c change is in) */
    sd_score *sc = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_score_compute(res, lx, tx, &sc, &err), SD_OK);
    const sd_reply_score *rs = NULL;
    for (size_t i = 0; i < sc->n_replies; i++)
        if (sc->replies[i].action == (int32_t)ai)
            rs = &sc->replies[i];
    assert_non_null(rs);
    if (rs->applies != ca || rs->pass != cp) {
        describe("coach", ca, cp);
        describe("score", rs->applies, rs->pass);
        sd_score_free(sc);
        fail_msg("the coach and the score disagree on \"%s\"", text);
    }
    assert_float_equal(rs->score, coach->score, 0.01);
    sd_score_free(sc);
}

static void test_coach_agrees_with_score(void **state)
{
    (void)state;
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;
    sd_texts *tx = NULL;
    assert_int_equal(sd_lexicons_load(ASSETS, &lx, &err), SD_OK);
    assert_int_equal(sd_texts_load(ASSETS, SD_LANG_SV, &tx, &err), SD_OK);
    sd_app *app = make_app("agree");
    frame(app, 0);
    key(SDLK_1, 0); /* the inbox's waiting filter: an answered item leaves it */
    sd_session *s = sd_app_session(app);
    const sd_rec_header *h = sd_results_header(sd_app_results(app));
    assert_int_equal(sd_session_step_sim(s, (double)(h->start + 5 * 60 - sd_session_now(s)), &err), SD_OK);
    key(SDLK_F5, 0);
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), "c1");
    /* a good reply with one typo */
    coach_agrees(app,
                 "Hej Lena! Från måndag töms kärlen på Björkvägen på tisdagar. Schemmat finns på "
                 "https://www.example.se/ekby/sophamtning\nVänliga hälsningar, Kim",
                 lx, tx);
    /* gibberish to Göran's comment (c2, at +9m), greeting the wrong person */
    assert_int_equal(sd_session_step_sim(s, (double)(h->start + 10 * 60 - sd_session_now(s)), &err), SD_OK);
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), "c2");
    coach_agrees(app, "Hej Lena! asdf qwerty blorf zxcv.\nVänliga hälsningar, Kim", lx, tx);
    /* a reply as short as can be */
    assert_int_equal(sd_session_step_sim(s, (double)(h->start + 14 * 60 - sd_session_now(s)), &err), SD_OK);
    frame(app, 0);
    assert_string_equal(sd_app_selected_id(app), "c3");
    coach_agrees(app, "Hej Maja!\nVänliga hälsningar, Kim", lx, tx);
    sd_app_destroy(app);
    sd_texts_free(tx);
    sd_lexicons_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_editor_spelling),
        cmocka_unit_test(test_window_underlines_while_typing),
        cmocka_unit_test(test_coach_agrees_with_score),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
