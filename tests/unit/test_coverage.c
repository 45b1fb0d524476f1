/* test_coverage.c - a storm scored on coverage and triage (scoring/coverage.h and the
 * storm part of score.c): a theme answered once publicly (by a reply that says something,
 * a colleague, a statement or a pin), direct questions answered or referred in time,
 * repeats referred or covered by a pin, threats handled first; and that the number of
 * plain comments nobody needed to answer does not move the score. Results are built from
 * records, as a session log gives them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "results/results.h"
#include "scenario/scenario_lua.h"
#include "scoring/coverage.h"
#include "scoring/score.h"

#define T0 ((sd_time)1773133200) /* 2026-03-10 09:00 */
#define MIN 60

static const char *const say_skola[] = {"Norrby skola"};
static const sd_point points_laxhjalp[] = {{"läxhjälpen flyttar till Norrby skola", say_skola, 1}};
static const sd_content content_laxhjalp = {
    .index = 0, .points = points_laxhjalp, .n_points = 1, .need = 1,
    .model = "Läxhjälpen flyttar till Norrby skola i oktober, samma dagar och tider."};
static const char *const say_maj[] = {"6 maj"};
static const sd_point points_mote[] = {{"dialogmöte den 6 maj", say_maj, 1}};
static const sd_content content_mote = {
    .index = 1, .points = points_mote, .n_points = 1, .need = 1,
    .model = "Den 6 maj har vi ett dialogmöte i Norrby skola."};
static const sd_content *const contents[] = {&content_laxhjalp, &content_mote};

static const sd_rec_theme themes[] = {
    {"storm", "laxhjalp", "läxhjälpen", SD_THEME_QUESTION, 20 * MIN, &content_laxhjalp},
    {"storm", "mote", "dialogmötet", SD_THEME_QUESTION, 20 * MIN, &content_mote},
    {"storm", "hot", "hot mot bibliotekschefen", SD_THEME_THREAT, 15 * MIN, NULL},
};

typedef struct fx {
    sd_results *r;
    sd_lexicons *lx;
    sd_texts *tx;
    sd_expect plain, direct, threat;
    int n;
} fx;

static int setup(void **state)
{
    static fx f;
    memset(&f, 0, sizeof f);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_create(&f.r, &err), SD_OK);
    assert_int_equal(sd_lexicons_load(SD_SOURCE_DIR "/assets", &f.lx, &err), SD_OK);
    assert_int_equal(sd_texts_load(SD_SOURCE_DIR "/assets", SD_LANG_SV, &f.tx, &err), SD_OK);
    sd_record rec = {.type = SD_REC_HEADER, .t = T0};
    sd_rec_header *h = &rec.u.header;
    h->program = "test";
    h->scenario_id = "t";
    h->scenario_title = "T";
    h->scenario_path = "t.lua";
    h->scenario_sha256 = "0";
    h->lang = SD_LANG_SV;
    h->start = T0;
    h->duration = 4 * 3600;
    h->compression = 3;
    h->participant = "Kim";
    h->participant_kind = "scripted";
    sd_scoring_params_default(&h->scoring);
    h->contents = contents;
    h->n_contents = 2;
    h->themes = themes;
    h->n_themes = 3;
    assert_int_equal(sd_results_add(f.r, &rec, &err), SD_OK);
    sd_expect_defaults(&f.plain, SD_KIND_COMMENT, SD_MOOD_WORRIED);
    f.plain.answer = false;
    f.plain.within = 20 * MIN;
    f.direct = f.plain;
    f.direct.answer = true;
    f.direct.cls = SD_CLASS_QUESTION;
    sd_expect_defaults(&f.threat, SD_KIND_COMMENT, SD_MOOD_ANGRY);
    f.threat.answer = false;
    f.threat.cls = SD_CLASS_ILLEGAL;
    f.threat.escalate = 1u << SD_TARGET_LEGAL;
    f.threat.within = 15 * MIN;
    f.threat.weight = 2;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    sd_results_free(f->r);
    sd_lexicons_free(f->lx);
    sd_texts_free(f->tx);
    return 0;
}

/* A storm comment of a theme; its content is the theme's (the session gives it so). The
 * expectation is copied: the results intern their own. */
static const char *comment(fx *f, sd_time at, const char *theme, bool direct,
                           const char *repeat_of)
{
    static char ids[4096][24];
    char *id = ids[f->n++ % 4096];
    snprintf(id, 24, "storm-%06d", f->n);
    sd_expect e = strcmp(theme, "hot") == 0 ? f->threat : direct ? f->direct : f->plain;
    e.content = strcmp(theme, "laxhjalp") == 0 ? &content_laxhjalp
              : strcmp(theme, "mote") == 0     ? &content_mote
                                               : NULL;
    sd_record rec = {.type = SD_REC_ITEM, .t = at};
    sd_rec_item *it = &rec.u.item;
    it->id = id;
    it->kind = SD_KIND_COMMENT;
    it->sender = -1;
    it->first = "Åsa";
    it->last = "Berg";
    it->mood = strcmp(theme, "hot") == 0 ? SD_MOOD_ANGRY : SD_MOOD_WORRIED;
    it->storm = "storm";
    it->theme = theme;
    it->direct = direct;
    it->repeat_of = repeat_of;
    it->deadline = direct || strcmp(theme, "hot") == 0 ? at + e.within : 0;
    it->expect = &e;
    it->index = -1;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_add(f->r, &rec, &err), SD_OK);
    return id;
}

static void act(fx *f, sd_time t, sd_action_kind kind, const char *item, const char *text,
                int target, const char *by)
{
    sd_record rec = {.type = SD_REC_ACTION, .t = t};
    sd_rec_action *a = &rec.u.action;
    a->kind = kind;
    a->item = item;
    a->text = text;
    a->target = target;
    a->step = -1;
    a->by = by;
    a->item_index = -1;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_add(f->r, &rec, &err), SD_OK);
}

static sd_score *score(fx *f)
{
    sd_score *s = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_score_compute(f->r, f->lx, f->tx, &s, &err), SD_OK);
    for (size_t i = 0; i < s->n_feedback; i++)
        assert_null(strstr(s->feedback[i].text, "[fb."));
    return s;
}

static const char *feedback_with(const sd_score *s, const char *needle)
{
    for (size_t i = 0; i < s->n_feedback; i++)
        if (strstr(s->feedback[i].text, needle))
            return s->feedback[i].text;
    return NULL;
}

static const char *answer_laxhjalp = "Hej Åsa!\nLäxhjälpen flyttar till Norrby skola i "
                                     "oktober, samma dagar och tider.\nVänliga hälsningar,\nKim";
static const char *answer_nothing = "Hej Åsa!\nTack för att du hör av dig, vi tittar på "
                                    "saken.\nVänliga hälsningar,\nKim";

/* Plain comments nobody needs to answer one by one: their number does not move the
 * speed score, whether 3 or 600 of them went unanswered. */
static void test_plain_comments_do_not_count(void **state)
{
    double speeds[2];
    for (int round = 0; round < 2; round++) {
        fx *f = *state;
        if (round == 1) {
            teardown(state);
            setup(state);
            f = *state;
        }
        int plain = round == 0 ? 3 : 600;
        const char *first = comment(f, T0 + 1 * MIN, "laxhjalp", false, NULL);
        comment(f, T0 + 2 * MIN, "mote", false, NULL);
        for (int i = 0; i < plain; i++)
            comment(f, T0 + 3 * MIN + i, i % 2 ? "laxhjalp" : "mote", false, NULL);
        act(f, T0 + 5 * MIN, SD_ACT_REPLY, first, answer_laxhjalp, -1, NULL);
        sd_score *s = score(f);
        speeds[round] = s->speed;
        /* läxhjälpen answered in time, dialogmötet never: one theme of two. */
        assert_int_equal(s->cover->themes[0].by, SD_COVER_REPLY);
        assert_int_equal(s->cover->themes[1].by, SD_COVER_NONE);
        assert_non_null(feedback_with(s, "dialogmötet"));
        assert_null(feedback_with(s, "storm-")); /* no comment ids in the text */
        sd_score_free(s);
    }
    assert_float_equal(speeds[0], speeds[1], 1e-9);
    assert_float_equal(speeds[0], 50, 1e-9);
}

/* A reply that says nothing of the theme's answer does not answer it; template text
 * sent to many does not either. */
static void test_empty_replies_do_not_cover(void **state)
{
    fx *f = *state;
    const char *a = comment(f, T0 + 1 * MIN, "laxhjalp", false, NULL);
    const char *b = comment(f, T0 + 2 * MIN, "mote", false, NULL);
    act(f, T0 + 3 * MIN, SD_ACT_REPLY, a, answer_nothing, -1, NULL);
    act(f, T0 + 4 * MIN, SD_ACT_REPLY, b, answer_nothing, -1, NULL);
    sd_score *s = score(f);
    assert_int_equal(s->cover->themes[0].answered_at, 0);
    assert_int_equal(s->cover->themes[1].answered_at, 0);
    assert_float_equal(s->speed, 0, 1e-9);
    sd_score_free(s);
}

/* A statement that says a theme's answer answers it publicly; a pinned one covers the
 * repeats; the unpinned statement does not. */
static void test_statement_and_pin(void **state)
{
    fx *f = *state;
    const char *a = comment(f, T0 + 1 * MIN, "laxhjalp", false, NULL);
    comment(f, T0 + 2 * MIN, "mote", false, NULL);
    act(f, T0 + 6 * MIN, SD_ACT_PUBLISH, NULL,
        "Norrby bibliotek stänger. Läxhjälpen flyttar till Norrby skola och den 6 maj har "
        "vi ett dialogmöte. Läs mer på webbplatsen.", -1, NULL);
    for (int i = 0; i < 5; i++)
        comment(f, T0 + 8 * MIN + i * MIN, "laxhjalp", false, a);
    act(f, T0 + 20 * MIN, SD_ACT_PIN, NULL, NULL, -1, NULL);
    for (int i = 0; i < 5; i++)
        comment(f, T0 + 21 * MIN + i * MIN, "mote", false, a);
    sd_score *s = score(f);
    assert_int_equal(s->cover->themes[0].by, SD_COVER_STATEMENT);
    assert_int_equal(s->cover->themes[1].by, SD_COVER_STATEMENT);
    assert_int_equal(s->cover->themes[0].answered_at, T0 + 6 * MIN);
    assert_int_equal(s->cover->themes[0].pinned_at, T0 + 20 * MIN);
    assert_int_equal(s->cover->pins, 1);
    /* Every repeat came after the answer; all are within 20 minutes of the pin. */
    assert_int_equal(s->cover->themes[0].repeats, 5);
    assert_int_equal(s->cover->themes[0].repeats_covered, 5);
    assert_int_equal(s->cover->themes[1].repeats_covered, 5);
    assert_float_equal(s->speed, 100, 1e-9);
    sd_score_free(s);
}

/* Repeats neither referred nor pinned: one line for them all, not one per comment. */
static void test_repeats_not_referred(void **state)
{
    fx *f = *state;
    const char *a = comment(f, T0 + 1 * MIN, "laxhjalp", false, NULL);
    act(f, T0 + 3 * MIN, SD_ACT_REPLY, a, answer_laxhjalp, -1, NULL);
    const char *r1 = comment(f, T0 + 5 * MIN, "laxhjalp", false, a);
    for (int i = 0; i < 3; i++)
        comment(f, T0 + 6 * MIN + i, "laxhjalp", false, a);
    act(f, T0 + 7 * MIN, SD_ACT_REFER_PREVIOUS, r1, NULL, -1, NULL);
    sd_score *s = score(f);
    assert_int_equal(s->cover->themes[0].repeats, 4);
    assert_int_equal(s->cover->themes[0].repeats_covered, 1);
    size_t lines = 0;
    for (size_t i = 0; i < s->n_feedback; i++)
        lines += s->feedback[i].rule == SD_RULE_REPEAT_ONCE;
    assert_int_equal(lines, 1);
    assert_non_null(feedback_with(s, "3 av 4"));
    sd_score_free(s);
}

/* Direct questions: answered, referred after the theme's answer, or by a colleague (who
 * is not tone-scored as the participant); a referral before there is an answer to refer
 * to does not count. */
static void test_direct_questions(void **state)
{
    fx *f = *state;
    const char *d1 = comment(f, T0 + 1 * MIN, "laxhjalp", true, NULL);
    const char *d2 = comment(f, T0 + 2 * MIN, "laxhjalp", true, NULL);
    const char *d3 = comment(f, T0 + 3 * MIN, "laxhjalp", true, NULL);
    const char *d4 = comment(f, T0 + 4 * MIN, "laxhjalp", true, NULL);
    act(f, T0 + 4 * MIN + 10, SD_ACT_REFER_PREVIOUS, d4, NULL, -1, NULL); /* nothing yet */
    act(f, T0 + 5 * MIN, SD_ACT_REPLY, d1, answer_laxhjalp, -1, NULL);
    act(f, T0 + 6 * MIN, SD_ACT_REFER_PREVIOUS, d2, NULL, -1, NULL);
    act(f, T0 + 7 * MIN, SD_ACT_REPLY, d3,
        "Hej Åsa!\nLäxhjälpen flyttar till Norrby skola i oktober.\nVänliga hälsningar,\nSara",
        -1, "Sara");
    sd_score *s = score(f);
    const sd_theme_cover *tc = &s->cover->themes[0];
    assert_int_equal(tc->direct, 4);
    assert_int_equal(tc->direct_in_time, 3);
    assert_int_equal(tc->colleague, 1);
    assert_int_equal(s->cover->colleague_replies, 1);
    assert_int_equal(s->n_replies, 1); /* only the participant's reply is tone-scored */
    assert_non_null(feedback_with(s, "1 av 4"));
    sd_score_free(s);
}

/* A threat in the storm is its own item, handled by escalating it in time. */
static void test_threat_first(void **state)
{
    fx *f = *state;
    const char *h = comment(f, T0 + 1 * MIN, "hot", false, NULL);
    const char *a = comment(f, T0 + 2 * MIN, "laxhjalp", false, NULL);
    act(f, T0 + 3 * MIN, SD_ACT_REPLY, a, answer_laxhjalp, -1, NULL);
    sd_score *s = score(f);
    assert_float_equal(s->speed, 100.0 / 3.0, 1e-6); /* threat weight 2 at 0, theme 1 at 100 */
    sd_score_free(s);
    act(f, T0 + 10 * MIN, SD_ACT_HIDE, h, NULL, -1, NULL);
    act(f, T0 + 11 * MIN, SD_ACT_ESCALATE, h, NULL, SD_TARGET_LEGAL, NULL);
    s = score(f);
    assert_int_equal(s->cover->themes[2].dangerous, 1);
    assert_int_equal(s->cover->themes[2].dangerous_in_time, 1);
    assert_float_equal(s->speed, 100, 1e-9);
    sd_score_free(s);
}

/* Asking for more backup: a further colleague_backup call after one more colleague came
 * in is free; calling again before anyone came is an unneeded escalation. */
static void test_more_backup(void **state)
{
    fx *f = *state;
    comment(f, T0 + 1 * MIN, "laxhjalp", false, NULL);
    act(f, T0 + 2 * MIN, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COLLEAGUE_BACKUP, NULL);
    sd_expect none;
    sd_expect_defaults(&none, SD_KIND_INTERNAL, SD_MOOD_CALM);
    none.answer = false;
    sd_record rec = {.type = SD_REC_ITEM, .t = T0 + 7 * MIN};
    rec.u.item = (sd_rec_item){.id = "colleague-1", .kind = SD_KIND_INTERNAL,
                               .sender = SD_SENDER_COLLEAGUE, .text = "Jag är med nu. /Sara",
                               .expect = &none, .index = -1};
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_add(f->r, &rec, &err), SD_OK);
    act(f, T0 + 8 * MIN, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COLLEAGUE_BACKUP, NULL);
    sd_score *s = score(f);
    for (size_t i = 0; i < s->n_feedback; i++)
        assert_int_not_equal(s->feedback[i].rule, SD_RULE_INFORM_UP);
    sd_score_free(s);
    act(f, T0 + 9 * MIN, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COLLEAGUE_BACKUP, NULL);
    s = score(f);
    size_t unneeded = 0;
    for (size_t i = 0; i < s->n_feedback; i++)
        unneeded += s->feedback[i].rule == SD_RULE_INFORM_UP ? s->feedback[i].count : 0;
    assert_int_equal(unneeded, 1);
    sd_score_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plain_comments_do_not_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_replies_do_not_cover, setup, teardown),
        cmocka_unit_test_setup_teardown(test_statement_and_pin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_repeats_not_referred, setup, teardown),
        cmocka_unit_test_setup_teardown(test_direct_questions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threat_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_more_backup, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
