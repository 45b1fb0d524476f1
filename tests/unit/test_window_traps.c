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
#include "scoring/texts.h"

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



/* Whether some text drawn in the last frame in panel (NULL: any) contains needle (the
 * debug rectangles keep each text run's first 63 bytes). */
static bool drawn(sd_app *app, const char *panel, const char *needle)
{
    size_t n;
    const sd_draw_rec *r = sd_app_debug_rects(app, &n);
    for (size_t i = 0; i < n; i++)
        if ((!panel || strcmp(r[i].panel, panel) == 0) && strstr(r[i].text, needle))
            return true;
    return false;
}

/* The window's texts in a language, read from the strings files as the window does. */
static sd_texts *texts(sd_language lang)
{
    sd_texts *tx = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_texts_load(sd_assets_dir(), lang, &tx, &err) != SD_OK)
        fail_msg("texts: %s", sd_error_msg(&err));
    return tx;
}

static const char *text_of(sd_texts *tx, const char *key)
{
    const char *s = sd_texts_get(tx, key);
    if (s == NULL)
        fail_msg("no text %s", key);
    return s;
}

/* A click on the feed's row k as the last frame drew it. */
static void click_row(sd_app *app, size_t k)
{
    SDL_Rect r;
    assert_true(sd_app_hit_rect(app, "row", k, &r));
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.x = r.x + r.w / 2;
    e.button.y = r.y + r.h / 2;
    SDL_PushEvent(&e);
    sd_person_frame(app, SD_PERSON_KEY_SECONDS / 2);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    sd_person_frame(app, SD_PERSON_KEY_SECONDS / 2);
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
    sd_person_step_to(app, 5);
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


/* R on the manager's "Kvittera..." opened "Svar till Chefen"; the send was refused with
 * the engine's half-English message, the editor stayed open, and K (and every later
 * shortcut) was typed into it while the message went overdue. Now R opens nothing and
 * says what to do; the hint says K and E; K acknowledges. */
static void trap_reply_to_internal_opens_nothing(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("internal", &w);
    sd_person_step_to(app, 31);
    sd_person_key(app, SDLK_4, 0); /* the internal tab, newest first */
    sd_person_key(app, SDLK_HOME, 0);
    assert_string_equal(sd_app_selected_id(app), "i1");
    sd_person_wait(app, 3);
    assert_true(drawn(app, "statusbar", "K kvittera"));
    sd_person_key(app, SDLK_r, 0);
    assert_false(sd_app_editing(app));
    assert_false(SDL_IsTextInputActive());
    sd_texts *tx = texts(SD_LANG_SV);
    assert_string_equal(sd_app_status(app), text_of(tx, "ui.cannot.reply.internal"));
    sd_person_wait(app, 2);
    sd_person_key(app, SDLK_k, 0);
    assert_int_equal(w.rejected, 0);
    assert_int_equal(w.n, 1);
    assert_int_equal(w.kind[0], SD_ACT_ACKNOWLEDGE);
    assert_string_equal(w.item[0], "i1");
    /* M and P are the same trap */
    sd_person_key(app, SDLK_m, 0);
    assert_false(sd_app_editing(app));
    sd_person_key(app, SDLK_p, 0);
    assert_int_equal(w.rejected, 0);
    assert_int_equal(w.n, 1);
    sd_texts_free(tx);
    sd_app_destroy(app);
}

/* English participant: the same key on the same item says it in English. */
static void trap_reply_to_internal_in_english(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app_lang("internal_en", "scenarios/introduktion.lua", SD_LANG_EN, &w);
    sd_person_step_to(app, 31);
    sd_person_key(app, SDLK_4, 0);
    sd_person_key(app, SDLK_HOME, 0);
    sd_person_wait(app, 2);
    sd_person_key(app, SDLK_r, 0);
    assert_false(sd_app_editing(app));
    sd_texts *tx = texts(SD_LANG_EN);
    assert_string_equal(sd_app_status(app), text_of(tx, "ui.cannot.reply.internal"));
    assert_true(drawn(app, "statusbar", "K acknowledge"));
    sd_texts_free(tx);
    sd_app_destroy(app);
}

/* A refused send showed the engine's message ("Åtgärden nekades: reply: the text is
 * empty", with item ids). Now the participant's words, in their language. */
static void trap_refusal_in_participant_words(void **state)
{
    (void)state;
    for (int lang = 0; lang < 2; lang++) {
        seen w = {0};
        sd_app *app = make_app_lang(lang ? "refused_en" : "refused_sv", "scenarios/introduktion.lua",
                                    lang ? SD_LANG_EN : SD_LANG_SV, &w);
        sd_person_step_to(app, 5);
        sd_person_wait(app, 2);
        sd_person_key(app, SDLK_r, 0);
        sd_person_key(app, SDLK_RETURN, KMOD_LCTRL); /* nothing written yet */
        assert_int_equal(w.rejected, 1);
        sd_texts *tx = texts(lang ? SD_LANG_EN : SD_LANG_SV);
        assert_string_equal(sd_app_status(app), text_of(tx, "ui.refuse.empty_text"));
        assert_null(strstr(sd_app_status(app), "c1"));
        assert_null(strstr(sd_app_status(app), "reply:"));
        /* the editor is still open, and says so */
        assert_true(sd_app_editing(app));
        assert_true(drawn(app, "statusbar", "Esc"));
        sd_texts_free(tx);
        sd_app_destroy(app);
    }
}

/* Every reason the session can refuse an action has a text in both languages. */
static void trap_every_refusal_has_words(void **state)
{
    (void)state;
    static const char *const names[] = {
        "other", "ended", "no_item", "unknown_item", "deleted", "no_one_to_answer",
        "not_internal", "not_our_channel", "own_post", "already_hidden", "pin_no_reply", "pin_no_statement",
        "empty_text", "text_too_long", "platform_limit", "unknown_target", "unknown_step",
        "no_person"};
    _Static_assert(sizeof names / sizeof names[0] == SD_REFUSAL_COUNT - 1, "one per refusal but none");
    for (int lang = 0; lang < 2; lang++) {
        sd_texts *tx = texts(lang ? SD_LANG_EN : SD_LANG_SV);
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            char key[64];
            snprintf(key, sizeof key, "ui.refuse.%s", names[i]);
            const char *t = text_of(tx, key);
            assert_true(strlen(t) > 10);
        }
        sd_texts_free(tx);
    }
}

/* The editor swallowed shortcuts unseen: nothing said that keys now type. Now the status
 * bar says whom the text is for and how to leave it, and the feed's keys come back. */
static void trap_editor_says_it_is_typing(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("typing", &w);
    sd_person_step_to(app, 5);
    sd_person_wait(app, 2);
    sd_person_key(app, SDLK_r, 0);
    sd_person_wait(app, 1);
    assert_true(drawn(app, "statusbar", "Skriver svar till Lena Holm"));
    sd_person_type(app, "Hej Lena! ");
    sd_person_key(app, SDLK_h, 0); /* meant as "hide": typed, and the bar said it would be */
    assert_string_equal(sd_app_editor_text(app), "Hej Lena! h");
    assert_int_equal(w.n, 0);
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_person_wait(app, 1);
    assert_false(drawn(app, "statusbar", "Skriver"));
    assert_true(drawn(app, "statusbar", "R svara"));
    sd_app_destroy(app);
}

/* "Svar till ..." stayed on the previous person after selecting another, and the draft
 * went with it. Now the editor follows the selection: each item keeps its own draft, and
 * a text is sent to the person it was written for. */
static void trap_reply_label_follows_selection(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("follow", &w);
    sd_person_step_to(app, 10);
    sd_person_key(app, SDLK_1, 0); /* the inbox's waiting tab, oldest first: c1 (Lena), c2 (Göran) */
    sd_person_wait(app, 2);
    assert_string_equal(sd_app_selected_id(app), "c1");
    sd_person_key(app, SDLK_r, 0);
    sd_person_type(app, "Hej Lena! Från den 23 mars");
    sd_person_key(app, SDLK_ESCAPE, 0);
    sd_person_key(app, SDLK_DOWN, 0);
    assert_string_equal(sd_app_selected_id(app), "c2");
    sd_person_wait(app, 2);
    assert_true(drawn(app, "thread", "Svar till Göran Sjöberg"));
    assert_false(drawn(app, "thread", "Svar till Lena"));
    sd_person_key(app, SDLK_r, 0);
    assert_string_equal(sd_app_editor_text(app), "");
    sd_person_type(app, "Hej Göran!");
    /* a click on Lena's row while typing: the editor goes with it */
    click_row(app, 0);
    assert_string_equal(sd_app_selected_id(app), "c1");
    sd_person_wait(app, 1);
    assert_true(drawn(app, "thread", "Svar till Lena Holm"));
    assert_true(drawn(app, "statusbar", "Lena Holm"));
    assert_string_equal(sd_app_editor_text(app), "Hej Lena! Från den 23 mars");
    sd_person_type(app, " töms kärlen på onsdagar.\nVänliga hälsningar, Kim");
    sd_person_key(app, SDLK_RETURN, KMOD_LCTRL);
    assert_int_equal(w.n, 1);
    assert_string_equal(w.item[0], "c1");
    assert_non_null(strstr(w.text[0], "Hej Lena!"));
    /* Göran's draft waited for him */
    sd_person_wait(app, 2);
    assert_string_equal(sd_app_selected_id(app), "c2");
    sd_person_key(app, SDLK_r, 0);
    assert_string_equal(sd_app_editor_text(app), "Hej Göran!");
    sd_app_destroy(app);
}

/* An action on an empty tab hit the item selected before (still shown in the thread).
 * Now an empty tab selects nothing, and a key says so. */
static void trap_empty_tab_acts_on_nothing(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("empty", &w);
    sd_person_step_to(app, 5);
    sd_person_key(app, SDLK_1, 0); /* the inbox's waiting tab: c1 */
    sd_person_wait(app, 2);
    sd_person_key(app, SDLK_r, 0);
    sd_person_type(app, "Hej Lena! Från den 23 mars töms kärlen på onsdagar.\nVänliga hälsningar, Kim");
    sd_person_key(app, SDLK_RETURN, KMOD_LCTRL);
    assert_int_equal(w.n, 1);
    sd_person_wait(app, 2); /* c1 answered: the waiting tab is empty */
    sd_person_key(app, SDLK_h, 0);
    sd_person_key(app, SDLK_a, 0);
    sd_person_key(app, SDLK_p, KMOD_LSHIFT);
    assert_int_equal(w.n, 1);
    assert_int_equal(w.rejected, 0);
    assert_null(sd_app_selected_id(app));
    assert_true(sd_app_status_bad(app));
    assert_non_null(strstr(sd_app_status(app), "Väntar på svar"));
    assert_true(drawn(app, "thread", "Välj ett inlägg"));
    /* an escalation from an empty tab is about no item (not the one answered before) */
    sd_person_key(app, SDLK_e, 0);
    sd_person_key(app, SDLK_1, 0);
    assert_int_equal(w.n, 2);
    assert_int_equal(w.kind[1], SD_ACT_ESCALATE);
    assert_string_equal(w.item[1], "");
    sd_app_destroy(app);
}

/* Internal ids and English reached a Swedish participant: "Samma fråga som c1", "Y" in
 * the confirmation to end. Now the author and time, and J. */
static void trap_no_ids_or_english(void **state)
{
    (void)state;
    seen w = {0};
    sd_app *app = make_app("ids", &w);
    sd_person_step_to(app, 23);
    sd_person_key(app, SDLK_2, 0); /* all, newest first: Per's repeated question */
    sd_person_key(app, SDLK_HOME, 0);
    assert_string_equal(sd_app_selected_id(app), "c5");
    sd_person_wait(app, 2);
    assert_true(drawn(app, "thread", "Samma fråga som Lena Holm kl. 09:04"));
    assert_false(drawn(app, "thread", "som c1"));
    sd_person_key(app, SDLK_F10, 0);
    sd_person_wait(app, 1);
    assert_true(drawn(app, "menu", "J, Enter"));
    assert_false(drawn(app, "menu", "Y, Enter"));
    sd_person_key(app, SDLK_n, 0);
    sd_app_destroy(app);

    /* in English, Y */
    app = make_app_lang("ids_en", "scenarios/introduktion.lua", SD_LANG_EN, NULL);
    sd_person_step_to(app, 23);
    sd_person_key(app, SDLK_2, 0);
    sd_person_key(app, SDLK_HOME, 0);
    sd_person_wait(app, 1);
    assert_true(drawn(app, "thread", "Lena Holm at 09:04"));
    sd_person_key(app, SDLK_F10, 0);
    sd_person_wait(app, 1);
    assert_true(drawn(app, "menu", "Y, Enter"));
    sd_app_destroy(app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trap_first_r_types_nothing),
        cmocka_unit_test(trap_reply_to_internal_opens_nothing),
        cmocka_unit_test(trap_reply_to_internal_in_english),
        cmocka_unit_test(trap_refusal_in_participant_words),
        cmocka_unit_test(trap_every_refusal_has_words),
        cmocka_unit_test(trap_editor_says_it_is_typing),
        cmocka_unit_test(trap_reply_label_follows_selection),
        cmocka_unit_test(trap_empty_tab_acts_on_nothing),
        cmocka_unit_test(trap_no_ids_or_english),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
