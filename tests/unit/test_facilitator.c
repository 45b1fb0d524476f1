/* test_facilitator.c - the facilitator's controls in the core: pause, resume and speed
 * changes and live injects (free and prepared) reach the session log as facilitator
 * records, injected items arrive marked by = "facilitator", bad injects are refused with a
 * clear message, and the log reads back; a live inject's mood is the persona's or the one
 * the facilitator chose (logged as the item's mood, its expectation following it, the same
 * on resume), and a mood that is none, or on a kind without an author, is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../support/tempdir.h"
#include "log/logr.h"
#include "log/logw.h"
#include "scenario/scenario.h"
#include "session/session.h"

static char g_dir[64];

static const char *SCENARIO =
    "scenario { id = 'fac', title = 'Fac', start = '2026-03-10 09:00', duration = '2h' }\n"
    "persona { id = 'anna', first = 'Anna', mood = 'worried' }\n"
    "post { id = 'p1', at = '+0m', text = 'Inlägg' }\n"
    "prepared { kind = 'comment', author = 'anna', on = 'p1', text = 'Förberedd fråga?' }\n"
    "prepared { kind = 'internal', from = 'manager', text = 'Hur går det?' }\n";

typedef struct seen {
    int items_by_facilitator;
    char last_id[64];
    int last_mood;          /* the last injected item's mood */
    bool last_ack;          /* ... whether it expects an acknowledgement */
    char last_parent[64];
} seen;

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    seen *v = ctx;
    if (rec->type == SD_REC_ITEM && rec->u.item.by && strcmp(rec->u.item.by, "facilitator") == 0) {
        v->items_by_facilitator++;
        snprintf(v->last_id, sizeof v->last_id, "%s", rec->u.item.id);
        v->last_mood = (int)rec->u.item.mood;
        v->last_ack = rec->u.item.expect && rec->u.item.expect->acknowledge;
        snprintf(v->last_parent, sizeof v->last_parent, "%s",
                 rec->u.item.parent ? rec->u.item.parent : "");
    }
    return SD_OK;
}

static void test_controls_and_injects(void **state)
{
    (void)state;
    char path[128], log_path[128];
    snprintf(path, sizeof path, "%s/fac.lua", g_dir);
    snprintf(log_path, sizeof log_path, "%s/fac.jsonl", g_dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(SCENARIO, f);
    fclose(f);
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_logw *log = NULL;
    sd_session *s = NULL;
    seen v = {0};
    assert_int_equal(sd_scenario_load(path, NULL, &sc, &err), SD_OK);
    assert_int_equal(sc->n_prepared, 2);
    assert_int_equal(sd_logw_open(log_path, &log, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim", .log = log};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_session_add_observer(s, observe, &v, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    assert_int_equal(sd_session_step_sim(s, 60, &err), SD_OK);

    sd_session_pause(s, true);
    sd_session_pause(s, true); /* no change: no second record */
    assert_int_equal(sd_session_step_real(s, 10, &err), SD_OK);
    assert_int_equal(sd_session_now(s), sc->start + 60); /* paused */
    sd_session_set_compression(s, 10);
    sd_session_pause(s, false);

    /* Bad injects are refused, the exercise goes on. */
    sd_inject bad = {.kind = SD_KIND_COMMENT, .author = "nobody", .text = "x", .sender = -1,
                     .mood = -1};
    assert_int_equal(sd_session_inject(s, &bad, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "persona"));
    sd_error_clear(&err);
    sd_inject empty = {.kind = SD_KIND_DM, .author = "anna", .text = "", .sender = -1,
                       .mood = -1};
    assert_int_equal(sd_session_inject(s, &empty, &err), SD_ERR_INPUT);
    sd_error_clear(&err);
    sd_inject internal = {.kind = SD_KIND_INTERNAL, .text = "Ring mig", .sender = -1,
                          .mood = -1};
    assert_int_equal(sd_session_inject(s, &internal, &err), SD_ERR_INPUT);
    sd_error_clear(&err);

    sd_inject good = {.kind = SD_KIND_COMMENT, .author = "anna", .text = "Varför stänger ni?",
                      .sender = -1, .mood = -1};
    assert_int_equal(sd_session_inject(s, &good, &err), SD_OK);
    assert_int_equal(v.items_by_facilitator, 1);
    char first_id[64];
    snprintf(first_id, sizeof first_id, "%s", v.last_id);
    bool injected = false;
    assert_int_equal(sd_session_inject_prepared(s, &injected, &err), SD_OK);
    assert_true(injected);
    assert_int_equal(sd_session_inject_prepared(s, &injected, &err), SD_OK);
    assert_true(injected);
    assert_int_equal(sd_session_inject_prepared(s, &injected, &err), SD_OK);
    assert_false(injected); /* none left */
    assert_int_equal(v.items_by_facilitator, 3);
    /* The participant can answer an injected item like any other. */
    sd_action a;
    sd_action_init(&a, SD_ACT_REPLY);
    a.item = first_id;
    a.text = "Hej Anna! Vi förklarar mer på webbplatsen.\nVänliga hälsningar, Kim";
    assert_int_equal(sd_session_act(s, &a, &err), SD_OK);
    assert_int_equal(sd_session_run(s, &err), SD_OK);
    sd_session_destroy(s);
    assert_int_equal(sd_logw_close(log, &err), SD_OK);
    sd_scenario_free(sc);

    /* The log holds the controls, in order, and reads back. */
    sd_logr *r = NULL;
    assert_int_equal(sd_logr_open(log_path, &r, &err), SD_OK);
    int pause = 0, resume = 0, speed = 0, inject = 0, by_fac = 0;
    double compression = 0;
    for (;;) {
        sd_record rec;
        bool got = false;
        assert_int_equal(sd_logr_next(r, &rec, &got, &err), SD_OK);
        if (!got)
            break;
        if (rec.type == SD_REC_FACILITATOR) {
            switch (rec.u.facilitator.kind) {
            case SD_FAC_PAUSE: pause++; break;
            case SD_FAC_RESUME: resume++; break;
            case SD_FAC_SPEED: speed++; compression = rec.u.facilitator.value; break;
            case SD_FAC_INJECT: inject++; assert_non_null(rec.u.facilitator.item); break;
            default: fail();
            }
        }
        if (rec.type == SD_REC_ITEM && rec.u.item.by)
            by_fac++;
    }
    sd_logr_close(r);
    assert_int_equal(pause, 1);
    assert_int_equal(resume, 1);
    assert_int_equal(speed, 1);
    assert_true(compression == 10);
    assert_int_equal(inject, 3);
    assert_int_equal(by_fac, 3);
}

/* A live inject's mood, table-driven: -1 the persona's (anna is worried), a chosen one, the
 * edges; bad ones refused with a message naming the field, and nothing injected. */
static void test_inject_mood(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/mood.lua", g_dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(SCENARIO, f);
    fclose(f);
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_session *s = NULL;
    seen v = {0};
    assert_int_equal(sd_scenario_load(path, NULL, &sc, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim"};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_session_add_observer(s, observe, &v, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    assert_int_equal(sd_session_step_sim(s, 60, &err), SD_OK);
    static const struct {
        sd_kind kind;
        int mood;
        sd_status want;
        int want_mood;   /* the item's mood when injected */
        bool want_ack;
        const char *msg; /* a part of the error when refused */
    } cases[] = {
        {SD_KIND_COMMENT, -1, SD_OK, SD_MOOD_WORRIED, false, NULL},
        {SD_KIND_COMMENT, SD_MOOD_ANGRY, SD_OK, SD_MOOD_ANGRY, true, NULL},
        {SD_KIND_COMMENT, SD_MOOD_CALM, SD_OK, SD_MOOD_CALM, false, NULL},
        {SD_KIND_DM, SD_MOOD_FRUSTRATED, SD_OK, SD_MOOD_FRUSTRATED, true, NULL},
        {SD_KIND_COMMENT, SD_MOOD_TROLL, SD_OK, SD_MOOD_TROLL, false, NULL},
        {SD_KIND_COMMENT, SD_MOOD_COUNT, SD_ERR_INPUT, 0, false, "is not a mood"},
        {SD_KIND_COMMENT, -2, SD_ERR_INPUT, 0, false, "mood -2"},
        {SD_KIND_DM, 1000, SD_ERR_INPUT, 0, false, "mood 1000"},
        {SD_KIND_INTERNAL, SD_MOOD_ANGRY, SD_ERR_INPUT, 0, false, "has no author"},
        {SD_KIND_NOTICE, SD_MOOD_CALM, SD_ERR_INPUT, 0, false, "cannot have a mood"},
        {SD_KIND_NOTICE, -1, SD_OK, SD_MOOD_CALM, false, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_inject inj;
        sd_inject_init(&inj, cases[i].kind);
        assert_int_equal(inj.mood, -1);
        assert_int_equal(inj.sender, -1);
        inj.mood = cases[i].mood;
        inj.text = "Vad händer nu?";
        if (cases[i].kind == SD_KIND_COMMENT || cases[i].kind == SD_KIND_DM)
            inj.author = "anna";
        if (cases[i].kind == SD_KIND_INTERNAL)
            inj.sender = SD_SENDER_MANAGER;
        int before = v.items_by_facilitator;
        sd_status st = sd_session_inject(s, &inj, &err);
        if (st != cases[i].want)
            fail_msg("case %zu: status %d, want %d (%s)", i, st, cases[i].want, sd_error_msg(&err));
        if (st == SD_OK) {
            assert_int_equal(v.items_by_facilitator, before + 1);
            if (v.last_mood != cases[i].want_mood || v.last_ack != cases[i].want_ack)
                fail_msg("case %zu: mood %d ack %d, want %d %d", i, v.last_mood, v.last_ack,
                         cases[i].want_mood, cases[i].want_ack);
        } else {
            assert_int_equal(v.items_by_facilitator, before); /* nothing arrived */
            if (strstr(sd_error_msg(&err), cases[i].msg) == NULL)
                fail_msg("case %zu: '%s' does not say '%s'", i, sd_error_msg(&err), cases[i].msg);
            assert_non_null(strstr(sd_error_msg(&err), "inject:"));
        }
        sd_error_clear(&err);
    }
    /* the target: a comment on a given item */
    sd_inject on;
    sd_inject_init(&on, SD_KIND_REPLY);
    on.author = "anna";
    on.on = "p1";
    on.text = "Svar i tråden";
    assert_int_equal(sd_session_inject(s, &on, &err), SD_OK);
    assert_string_equal(v.last_parent, "p1");
    on.on = "nothing-here";
    assert_int_equal(sd_session_inject(s, &on, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "nothing-here"));
    sd_error_clear(&err);
    sd_session_destroy(s);
    sd_scenario_free(sc);
}

static int setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_facilitator");
}

static int teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_controls_and_injects),
                                       cmocka_unit_test(test_inject_mood)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
