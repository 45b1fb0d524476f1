/* test_facilitator.c - the facilitator's controls in the core: pause, resume and speed
 * changes and live injects (free and prepared) reach the session log as facilitator
 * records, injected items arrive marked by = "facilitator", bad injects are refused with a
 * clear message, and the log reads back. */
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
} seen;

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    seen *v = ctx;
    if (rec->type == SD_REC_ITEM && rec->u.item.by && strcmp(rec->u.item.by, "facilitator") == 0) {
        v->items_by_facilitator++;
        snprintf(v->last_id, sizeof v->last_id, "%s", rec->u.item.id);
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
    sd_inject bad = {.kind = SD_KIND_COMMENT, .author = "nobody", .text = "x", .sender = -1};
    assert_int_equal(sd_session_inject(s, &bad, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "persona"));
    sd_error_clear(&err);
    sd_inject empty = {.kind = SD_KIND_DM, .author = "anna", .text = "", .sender = -1};
    assert_int_equal(sd_session_inject(s, &empty, &err), SD_ERR_INPUT);
    sd_error_clear(&err);
    sd_inject internal = {.kind = SD_KIND_INTERNAL, .text = "Ring mig", .sender = -1};
    assert_int_equal(sd_session_inject(s, &internal, &err), SD_ERR_INPUT);
    sd_error_clear(&err);

    sd_inject good = {.kind = SD_KIND_COMMENT, .author = "anna", .text = "Varför stänger ni?",
                      .sender = -1};
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
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_controls_and_injects)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
