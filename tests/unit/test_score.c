/* test_score.c - the scoring model: speed arithmetic around targets and late multiples,
 * escalation and moderation verdicts, faults, hijack steps, the crisis process, the
 * overall weighting, and that every feedback line names a rule id that exists. Results are
 * built from records, as the session log would give them. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "results/results.h"
#include "scenario/scenario_lua.h"
#include "scoring/score.h"

#define T0 ((sd_time)1773133200) /* 2026-03-10 09:00 */

typedef struct fx {
    sd_results *r;
    sd_lexicons *lx;
    sd_texts *tx;
    sd_expect expects[32];
    int n_expects;
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
    h->duration = 7200;
    h->compression = 1;
    h->participant = "Kim";
    h->participant_kind = "scripted";
    sd_scoring_params_default(&h->scoring);
    assert_int_equal(sd_results_add(f.r, &rec, &err), SD_OK);
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

static sd_expect *expect(fx *f, sd_kind kind, sd_mood mood)
{
    sd_expect *e = &f->expects[f->n_expects++];
    sd_expect_defaults(e, kind, mood);
    return e;
}

static void item(fx *f, const char *id, sd_kind kind, sd_mood mood, sd_time at, sd_time deadline,
                 const sd_expect *e)
{
    sd_record rec = {.type = SD_REC_ITEM, .t = at};
    sd_rec_item *it = &rec.u.item;
    it->id = id;
    it->kind = kind;
    it->sender = -1;
    if (kind == SD_KIND_COMMENT || kind == SD_KIND_DM || kind == SD_KIND_INQUIRY) {
        it->first = "Åsa";
        it->last = "Berg";
        it->mood = mood;
    }
    it->deadline = deadline;
    it->expect = e;
    it->index = -1;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_add(f->r, &rec, &err), SD_OK);
}

static void act(fx *f, sd_time t, sd_action_kind kind, const char *item_id, const char *text,
                int target, int step, const char *person)
{
    sd_record rec = {.type = SD_REC_ACTION, .t = t};
    sd_rec_action *a = &rec.u.action;
    a->kind = kind;
    a->item = item_id;
    a->text = text;
    a->target = target;
    a->step = step;
    a->person = person;
    a->item_index = -1;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_add(f->r, &rec, &err), SD_OK);
}

static sd_score *score(fx *f)
{
    sd_score *s = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_score_compute(f->r, f->lx, f->tx, &s, &err), SD_OK);
    /* Every feedback line names a rule that exists and has a text. */
    for (size_t i = 0; i < s->n_feedback; i++) {
        assert_true(s->feedback[i].rule >= 0 && s->feedback[i].rule < SD_RULE_COUNT);
        assert_true(strlen(s->feedback[i].text) > 20);
        assert_null(strstr(s->feedback[i].text, "[fb.")); /* no missing text */
        assert_true(s->feedback[i].cost >= 0);
        /* most serious first, then the costliest */
        if (i > 0)
            assert_true(s->feedback[i - 1].severity > s->feedback[i].severity ||
                        (s->feedback[i - 1].severity == s->feedback[i].severity &&
                         s->feedback[i - 1].cost >= s->feedback[i].cost));
    }
    return s;
}

static bool has_feedback(const sd_score *s, sd_rule rule)
{
    for (size_t i = 0; i < s->n_feedback; i++)
        if (s->feedback[i].rule == rule)
            return true;
    return false;
}

static const char *good = "Hej Åsa!\nTack för din fråga. Biblioteket öppnar igen i maj.\n"
                          "Vänliga hälsningar,\nKim";

/* Speed: a 30-minute target, answered at various times, late_zero = 4. */
static void test_speed_table(void **state)
{
    static const struct { int answer_min; double want; } rows[] = {
        {5, 100}, {30, 100}, {45, 100.0 * (1 - 15.0 / 90)}, {60, 100.0 * (1 - 30.0 / 90)},
        {120, 0}, {200, 0}, {-1, 0}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        fx *f = *state;
        teardown(state);
        setup(state);
        f = *state;
        sd_expect *e = expect(f, SD_KIND_COMMENT, SD_MOOD_CALM);
        e->within = 1800;
        item(f, "c1", SD_KIND_COMMENT, SD_MOOD_CALM, T0, T0 + 1800, e);
        if (rows[i].answer_min >= 0)
            act(f, T0 + rows[i].answer_min * 60, SD_ACT_REPLY, "c1", good, -1, -1, NULL);
        sd_score *s = score(f);
        assert_true(fabs(s->speed - rows[i].want) < 0.01);
        assert_true(fabs(s->items[0].speed - rows[i].want) < 0.01);
        if (rows[i].want < 100)
            assert_true(has_feedback(s, SD_RULE_SPEED));
        sd_score_free(s);
    }
}

/* Weighted mean: a weight-3 item answered on time and a weight-1 item not answered. */
static void test_speed_weights(void **state)
{
    fx *f = *state;
    sd_expect *heavy = expect(f, SD_KIND_INQUIRY, SD_MOOD_CALM);
    heavy->weight = 3;
    heavy->within = 600;
    sd_expect *light = expect(f, SD_KIND_COMMENT, SD_MOOD_CALM);
    light->within = 600;
    item(f, "q1", SD_KIND_INQUIRY, SD_MOOD_CALM, T0, T0 + 600, heavy);
    item(f, "c1", SD_KIND_COMMENT, SD_MOOD_CALM, T0, T0 + 600, light);
    act(f, T0 + 60, SD_ACT_REPLY, "q1", good, -1, -1, NULL);
    sd_score *s = score(f);
    assert_true(fabs(s->speed - 75.0) < 0.01);
    assert_int_equal(s->unanswered, 1);
    assert_int_equal(s->on_time, 1);
    sd_score_free(s);
}

/* Escalation verdicts: on time, late, missing, unneeded. */
static void test_escalation_verdicts(void **state)
{
    fx *f = *state;
    sd_expect *e = expect(f, SD_KIND_INQUIRY, SD_MOOD_CALM);
    e->escalate = (1u << SD_TARGET_PRESS_OFFICER) | (1u << SD_TARGET_MANAGER) |
                  (1u << SD_TARGET_LEGAL);
    e->escalate_within = 600;
    item(f, "q1", SD_KIND_INQUIRY, SD_MOOD_CALM, T0, T0 + 3600, e);
    act(f, T0 + 300, SD_ACT_ESCALATE, "q1", NULL, SD_TARGET_PRESS_OFFICER, -1, NULL);
    act(f, T0 + 1200, SD_ACT_ESCALATE, "q1", NULL, SD_TARGET_MANAGER, -1, NULL);
    act(f, T0 + 1300, SD_ACT_ESCALATE, "q1", NULL, SD_TARGET_IT_SECURITY, -1, NULL);
    sd_score *s = score(f);
    const sd_item_score *is = &s->items[0];
    assert_int_equal(is->esc_on_time, 1u << SD_TARGET_PRESS_OFFICER);
    assert_int_equal(is->esc_late, 1u << SD_TARGET_MANAGER);
    assert_int_equal(is->esc_missing, 1u << SD_TARGET_LEGAL);
    assert_int_equal(is->esc_unneeded, 1u << SD_TARGET_IT_SECURITY);
    /* possible 3; earned 1 + (1 - 600/(3*600)) = 1.6667; minus 3 for the unneeded one */
    assert_true(fabs(s->escalation - (100.0 * (1 + 2.0 / 3) / 3 - 3)) < 0.01);
    assert_true(has_feedback(s, SD_RULE_INFORM_UP));
    sd_score_free(s);
}

/* An internal message asking for an escalation already made: the manager asks for a
 * colleague after the participant brought one in. The earlier escalation (here on no item)
 * counts as done in time; for other items an escalation made for something else does not
 * (each threat is escalated on its own), nor does one made after the message on another
 * item. */
static void test_escalation_before_request(void **state)
{
    fx *f = *state;
    sd_expect *ask = expect(f, SD_KIND_INTERNAL, SD_MOOD_CALM);
    ask->answer = true;
    ask->escalate = 1u << SD_TARGET_COLLEAGUE_BACKUP;
    ask->escalate_within = 600;
    sd_expect *hot = expect(f, SD_KIND_COMMENT, SD_MOOD_ANGRY);
    hot->answer = false;
    hot->escalate = 1u << SD_TARGET_LEGAL;
    hot->escalate_within = 900;
    sd_expect *ask2 = expect(f, SD_KIND_INTERNAL, SD_MOOD_CALM);
    ask2->answer = true;
    ask2->escalate = 1u << SD_TARGET_PRESS_OFFICER;
    ask2->escalate_within = 600;
    item(f, "h1", SD_KIND_COMMENT, SD_MOOD_ANGRY, T0, T0 + 900, hot);
    act(f, T0 + 60, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COLLEAGUE_BACKUP, -1, NULL);
    act(f, T0 + 120, SD_ACT_ESCALATE, "h1", NULL, SD_TARGET_LEGAL, -1, NULL);
    item(f, "i1", SD_KIND_INTERNAL, SD_MOOD_CALM, T0 + 1800, T0 + 2400, ask);
    act(f, T0 + 1860, SD_ACT_ACKNOWLEDGE, "i1", NULL, -1, -1, NULL);
    item(f, "h2", SD_KIND_COMMENT, SD_MOOD_ANGRY, T0 + 1900, T0 + 2800, hot);
    item(f, "i2", SD_KIND_INTERNAL, SD_MOOD_CALM, T0 + 1900, T0 + 2500, ask2);
    act(f, T0 + 1960, SD_ACT_ESCALATE, "h2", NULL, SD_TARGET_PRESS_OFFICER, -1, NULL);
    sd_score *s = score(f);
    assert_int_equal(s->items[0].esc_on_time, 1u << SD_TARGET_LEGAL);
    assert_int_equal(s->items[1].esc_on_time, 1u << SD_TARGET_COLLEAGUE_BACKUP);
    assert_int_equal(s->items[1].esc_missing, 0);
    assert_int_equal(s->items[2].esc_missing, 1u << SD_TARGET_LEGAL); /* h1's does not count */
    assert_int_equal(s->items[3].esc_missing, 1u << SD_TARGET_PRESS_OFFICER); /* made after */
    for (size_t i = 0; i < s->n_feedback; i++)
        assert_true(s->feedback[i].item != 1); /* nothing said about i1 */
    sd_score_free(s);
}

/* The response model and its faults. */
static void test_faults(void **state)
{
    fx *f = *state;
    sd_expect *crit = expect(f, SD_KIND_COMMENT, SD_MOOD_ANGRY);
    crit->cls = SD_CLASS_JUSTIFIED_CRITICISM;
    sd_expect *troll = expect(f, SD_KIND_COMMENT, SD_MOOD_TROLL);
    sd_expect *kase = expect(f, SD_KIND_COMMENT, SD_MOOD_CALM);
    kase->rules |= 1ULL << SD_RULE_MOVE_CASE;
    kase->escalate = 1u << SD_TARGET_CASE_HANDLING;
    item(f, "c1", SD_KIND_COMMENT, SD_MOOD_ANGRY, T0, T0 + 86400, crit);
    item(f, "t1", SD_KIND_COMMENT, SD_MOOD_TROLL, T0, 0, troll);
    item(f, "k1", SD_KIND_COMMENT, SD_MOOD_CALM, T0, T0 + 86400, kase);
    act(f, T0 + 60, SD_ACT_DELETE, "c1", NULL, -1, -1, NULL);
    act(f, T0 + 60, SD_ACT_REPLY, "t1",
        "Hej Åsa! Nu får du faktiskt ge dig, för det här är inte alls som du påstår och vi "
        "har redan förklarat det många gånger för dig och alla andra som skriver här i dag "
        "och i går. Vänliga hälsningar, Kim",
        -1, -1, NULL);
    act(f, T0 + 60, SD_ACT_REPLY, "k1", good, -1, -1, NULL);
    sd_score *s = score(f);
    assert_true(s->items[0].faults & (1u << SD_FAULT_DELETED_CRITICISM));
    assert_true(s->items[1].faults & (1u << SD_FAULT_TROLL_REPLY));
    assert_int_equal(s->items[1].decision, SD_DECISION_REPLY);
    assert_true(s->items[2].faults & (1u << SD_FAULT_CASE_IN_PUBLIC));
    assert_true(s->items[2].esc_missing & (1u << SD_TARGET_CASE_HANDLING));
    assert_true(has_feedback(s, SD_RULE_RESPONSE_MODEL));
    assert_true(has_feedback(s, SD_RULE_MOVE_CASE));
    assert_true(s->escalation < 50);
    sd_score_free(s);
}

/* A reply meets the response model's correct_facts and refer decisions. */
static void test_reply_corrects_facts(void **state)
{
    fx *f = *state;
    sd_expect *e = expect(f, SD_KIND_COMMENT, SD_MOOD_CALM);
    e->cls = SD_CLASS_MISUNDERSTANDING;
    e->ok = 1u << SD_DECISION_CORRECT_FACTS;
    item(f, "c1", SD_KIND_COMMENT, SD_MOOD_CALM, T0, T0 + 86400, e);
    sd_score *s = score(f);
    assert_true(s->escalation < 1); /* no decision yet: monitor is not acceptable */
    sd_score_free(s);
    act(f, T0 + 60, SD_ACT_REPLY, "c1", good, -1, -1, NULL);
    s = score(f);
    assert_int_equal(s->items[0].decision, SD_DECISION_REPLY);
    assert_true(fabs(s->escalation - 100) < 0.01);
    sd_score_free(s);
}

/* A hijack done right, then one done wrong. */
static void test_hijack(void **state)
{
    for (int good_run = 1; good_run >= 0; good_run--) {
        teardown(state);
        setup(state);
        fx *f = *state;
        sd_expect *n = expect(f, SD_KIND_NOTICE, SD_MOOD_CALM);
        n->escalate = 1u << SD_TARGET_IT_SECURITY;
        n->within = 900;
        n->steps = (1u << SD_STEP_CHANGE_PASSWORD) | (1u << SD_STEP_REVOKE_SESSIONS) |
                   (1u << SD_STEP_ENABLE_2FA) | (1u << SD_STEP_REMOVE_ACCESS);
        n->person = "per";
        item(f, "h-notice-1", SD_KIND_NOTICE, SD_MOOD_CALM, T0, T0 + 900, n);
        if (good_run) {
            act(f, T0 + 60, SD_ACT_ESCALATE, "h-notice-1", NULL, SD_TARGET_IT_SECURITY, -1, NULL);
            act(f, T0 + 120, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REVOKE_SESSIONS, NULL);
            act(f, T0 + 130, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_CHANGE_PASSWORD, NULL);
            act(f, T0 + 140, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_ENABLE_2FA, NULL);
            act(f, T0 + 150, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REMOVE_ACCESS, "per");
            act(f, T0 + 400, SD_ACT_PUBLISH, NULL, "Vårt konto var kapat en stund i kväll. Vi har tagit tillbaka kontrollen över kontot. Klicka inte på länkarna i inläggen.", -1, -1, NULL);
        } else {
            act(f, T0 + 120, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_ENABLE_2FA, NULL);
            act(f, T0 + 130, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REMOVE_ACCESS, "someone_else");
            act(f, T0 + 5000, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_CHANGE_PASSWORD, NULL);
        }
        sd_score *s = score(f);
        if (good_run) {
            assert_true(fabs(s->escalation - 100) < 0.01);
            assert_false(has_feedback(s, SD_RULE_SECURE_ACCOUNTS));
        } else {
            assert_true(s->escalation < 30);
            assert_true(has_feedback(s, SD_RULE_SECURE_ACCOUNTS));
        }
        sd_score_free(s);
    }
}

/* The crisis process: with a storm, backup and a statement are expected. */
static void test_crisis_process(void **state)
{
    fx *f = *state;
    teardown(state);
    setup(state);
    f = *state;
    sd_rec_header *h = (sd_rec_header *)sd_results_header(f->r);
    h->scoring.crisis = true;
    h->scoring.crisis_start = T0;
    sd_score *s = score(f);
    assert_true(s->escalation < 1);
    assert_true(has_feedback(s, SD_RULE_GET_BACKUP));
    assert_true(has_feedback(s, SD_RULE_SHOW_ACTION));
    sd_score_free(s);
    act(f, T0 + 300, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_MANAGER, -1, NULL);
    act(f, T0 + 300, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COLLEAGUE_BACKUP, -1, NULL);
    act(f, T0 + 600, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_PRESS_OFFICER, -1, NULL);
    act(f, T0 + 900, SD_ACT_PUBLISH, NULL, "Vi vet att många är oroliga. Det här gör vi nu: vi svarar på frågorna här och samlar allt vi vet på webbplatsen.", -1, -1, NULL);
    s = score(f);
    assert_true(fabs(s->escalation - 100) < 0.01);
    sd_score_free(s);
}

/* Overall: the weighted mean; the same results score the same twice. */
static void test_overall_and_determinism(void **state)
{
    fx *f = *state;
    sd_expect *e = expect(f, SD_KIND_COMMENT, SD_MOOD_FRUSTRATED);
    e->within = 600;
    item(f, "c1", SD_KIND_COMMENT, SD_MOOD_FRUSTRATED, T0, T0 + 600, e);
    act(f, T0 + 900, SD_ACT_REPLY, "c1", "ok", -1, -1, NULL);
    sd_score *a = score(f), *b = score(f);
    assert_true(fabs(a->overall - (0.4 * a->speed + 0.35 * a->tone + 0.25 * a->escalation)) < 1e-9);
    assert_true(a->speed == b->speed && a->tone == b->tone && a->overall == b->overall);
    assert_int_equal(a->n_feedback, b->n_feedback);
    for (size_t i = 0; i < a->n_feedback; i++)
        assert_string_equal(a->feedback[i].text, b->feedback[i].text);
    assert_true(a->tone < 70); /* "ok": no greeting, no sign-off, no acknowledgement */
    assert_int_equal(a->replies[0].pass & ((1u << SD_TONE_GREETING) | (1u << SD_TONE_SIGNOFF) |
                                           (1u << SD_TONE_ACKNOWLEDGE)), 0);
    sd_score_free(a);
    sd_score_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_speed_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_speed_weights, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escalation_verdicts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escalation_before_request, setup, teardown),
        cmocka_unit_test_setup_teardown(test_faults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reply_corrects_facts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hijack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_crisis_process, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overall_and_determinism, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
