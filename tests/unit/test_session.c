/* test_session.c - cmocka tests of engine/session: a running exercise over small scenarios
 * written to a temp folder. Stepping with sd_session_step_sim and the situation figures;
 * refused actions (unknown, not yet arrived or deleted items, empty text, bad targets and
 * steps, acknowledge on a comment ...) return SD_ERR_INPUT with a clear message while the
 * exercise goes on; answering, deleting legitimate criticism; the hijacked account (posts
 * until change_password + revoke_sessions, the attacker's return when a required step is
 * missing); scenario callbacks (inject from on("reply"), finish from when(), set_rate to 0,
 * an error in a callback naming file:line); determinism of the results JSON per seed; and
 * frame stepping with sd_session_step_real giving the same results as sd_session_run. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <cjson/cJSON.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "participant/bot.h"
#include "results/results.h"
#include "scenario/scenario.h"
#include "session/session.h"
#include "sim/rng.h"

/* ---- temp folder, loading, sessions ---- */

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_session");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static sd_scenario *load_sc(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", g_dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    /* A small instruction budget and a generous wall clock: a runaway callback must be
     * stopped by the budget, the same way on a slow machine or under valgrind. */
    sd_sandbox_limits lim;
    sd_sandbox_limits_default(&lim);
    lim.instructions_per_call = 20000000;
    lim.seconds_per_call = 600;
    sd_load_options opt = {&lim, name};
    if (sd_scenario_load(path, &opt, &sc, &err) != SD_OK)
        fail_msg("%s: %s", name, sd_error_msg(&err));
    return sc;
}

/* What an observer saw. */
typedef struct seen {
    char ids[256][40]; /* non-storm items, in arrival order */
    sd_time at[256];
    size_t n;
    size_t storm_n;
    sd_time storm_last;
    size_t by_type[SD_REC_COUNT];
    char end_reason[64];
    sd_time end_t;
    char rejected_error[256]; /* the last rejected record's error */
} seen;

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    seen *v = ctx;
    v->by_type[rec->type]++;
    if (rec->type == SD_REC_ITEM) {
        if (rec->u.item.storm) {
            v->storm_n++;
            v->storm_last = rec->t;
        } else if (v->n < 256) {
            snprintf(v->ids[v->n], sizeof v->ids[0], "%s", rec->u.item.id);
            v->at[v->n++] = rec->t;
        }
    } else if (rec->type == SD_REC_REJECTED) {
        snprintf(v->rejected_error, sizeof v->rejected_error, "%s", rec->u.action.error);
    } else if (rec->type == SD_REC_END) {
        snprintf(v->end_reason, sizeof v->end_reason, "%s", rec->u.end.reason);
        v->end_t = rec->t;
    }
    return SD_OK;
}

/* When the item arrived (seconds after the start), or -1. */
static int64_t arrived(const seen *v, const sd_session *s, const char *id)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->ids[i], id) == 0)
            return v->at[i] - sd_session_scenario(s)->start;
    return -1;
}

typedef struct run {
    sd_session *s;
    sd_results *res;
    seen seen;
} run;

static void start_run(run *r, sd_scenario *sc, bool seed_set, uint64_t seed)
{
    memset(r, 0, sizeof *r);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_create(&r->res, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .seed_set = seed_set, .seed = seed,
                             .participant = "Kim", .results = r->res, .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &r->s, &err), SD_OK);
    assert_int_equal(sd_session_add_observer(r->s, observe, &r->seen, &err), SD_OK);
    assert_int_equal(sd_session_start(r->s, &err), SD_OK);
}

static void end_run(run *r)
{
    sd_session_destroy(r->s);
    sd_results_free(r->res);
}

/* Steps to `minutes` after the start. */
static void step_to(run *r, double minutes)
{
    sd_error err = SD_ERROR_INIT;
    double now = (double)(sd_session_now(r->s) - sd_session_scenario(r->s)->start);
    sd_status st = sd_session_step_sim(r->s, minutes * 60 - now, &err);
    if (st != SD_OK)
        fail_msg("step to +%gm: %s", minutes, sd_error_msg(&err));
    assert_int_equal(sd_session_now(r->s) - sd_session_scenario(r->s)->start, (int64_t)(minutes * 60));
}

static sd_status act(run *r, sd_action_kind k, const char *item, const char *text, int target,
                     int step, const char *person, char *msg, size_t msglen)
{
    sd_action a;
    sd_action_init(&a, k);
    a.item = item;
    a.text = text;
    a.target = target;
    a.step = step;
    a.person = person;
    sd_error err = SD_ERROR_INIT;
    sd_status st = sd_session_act(r->s, &a, &err);
    if (msg)
        snprintf(msg, msglen, "%s", sd_error_msg(&err));
    sd_error_clear(&err);
    return st;
}

static void act_ok(run *r, sd_action_kind k, const char *item, const char *text, int target, int step,
                   const char *person)
{
    char msg[512];
    if (act(r, k, item, text, target, step, person, msg, sizeof msg) != SD_OK)
        fail_msg("action %d on %s refused: %s", k, item ? item : "-", msg);
}

static char *results_json(sd_results *res)
{
    sd_buf b = SD_BUF_INIT;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_to_json(res, &b, &err), SD_OK);
    return sd_buf_take(&b);
}

static const char *const BASE =
    "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\",\n"
    "           compression = 60, seed = 5 }\n"
    "persona { id = \"anna\", first = \"Anna\", last = \"Berg\", mood = \"frustrated\" }\n"
    "persona { id = \"kalle\", first = \"Kalle\", mood = \"troll\" }\n"
    "persona { id = \"former\", first = \"Jonas\", last = \"Berg\" }\n"
    "post { id = \"p1\", at = \"+0m\", text = \"Post\" }\n"
    "comment { id = \"c1\", at = \"+5m\", on = \"p1\", author = \"anna\", text = \"Why?\",\n"
    "          expect = { within = \"30m\" } }\n"
    "comment { id = \"c2\", at = \"+10m\", on = \"p1\", author = \"kalle\", text = \"Troll\" }\n"
    "internal { id = \"m1\", at = \"+15m\", from = \"manager\", text = \"Status?\",\n"
    "           expect = { answer = true, within = \"10m\" } }\n"
    "comment { id = \"c3\", at = \"+20m\", on = \"p1\", author = \"anna\", text = \"Later\" }\n";

/* ---- stepping and the situation ---- */

static void test_step_and_situation(void **state)
{
    (void)state;
    sd_scenario *sc = load_sc("base.lua", BASE);
    run r;
    start_run(&r, sc, false, 0);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_start(r.s, &err), SD_ERR_USAGE); /* only once */
    sd_error_clear(&err);
    sd_situation sit;
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.items, 0);
    /* table: minute, items, waiting, answered, overdue, oldest_wait */
    static const struct {
        double minute;
        size_t items, waiting, answered, overdue;
        int64_t oldest;
    } steps[] = {
        {0.5, 1, 0, 0, 0, 0},          /* the post */
        {5, 2, 1, 0, 0, 0},            /* c1 arrives */
        {12, 3, 1, 0, 0, 7 * 60},      /* c2 is a troll: not waiting */
        {15, 4, 2, 0, 0, 10 * 60},     /* m1 */
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        step_to(&r, steps[i].minute);
        sd_session_situation(r.s, &sit);
        if (sit.items != steps[i].items || sit.waiting != steps[i].waiting ||
            sit.answered != steps[i].answered || sit.overdue != steps[i].overdue ||
            sit.oldest_wait != steps[i].oldest)
            fail_msg("+%gm: items %zu waiting %zu answered %zu overdue %zu oldest %lld", steps[i].minute,
                     sit.items, sit.waiting, sit.answered, sit.overdue, (long long)sit.oldest_wait);
        assert_int_equal(sit.now, sc->start + (int64_t)(steps[i].minute * 60));
    }
    assert_float_equal(sit.intensity, 1.0, 1e-9);
    /* an answering reply */
    act_ok(&r, SD_ACT_REPLY, "c1", "Hej Anna! Svar.", -1, -1, NULL);
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.waiting, 1);
    assert_int_equal(sit.answered, 1);
    assert_int_equal(sit.oldest_wait, 0); /* m1 arrived just now */
    /* a second reply answers nothing new */
    act_ok(&r, SD_ACT_REPLY, "c1", "Igen.", -1, -1, NULL);
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.answered, 1);
    /* m1's deadline (+25m) passes */
    step_to(&r, 26);
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.overdue, 1);
    assert_int_equal(sit.waiting, 2); /* m1 and c3 */
    act_ok(&r, SD_ACT_ACKNOWLEDGE, "m1", NULL, -1, -1, NULL);
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.overdue, 0);
    assert_int_equal(sit.waiting, 1);
    assert_int_equal(sit.answered, 2);
    /* paused or not, step_sim advances; step_real does not while paused */
    sd_session_pause(r.s, true);
    assert_true(sd_session_paused(r.s));
    assert_int_equal(sd_session_step_real(r.s, 10, &err), SD_OK);
    assert_int_equal(sd_session_now(r.s) - sc->start, 26 * 60);
    step_to(&r, 27);
    sd_session_pause(r.s, false);
    assert_int_equal(sd_session_step_real(r.s, 1, &err), SD_OK); /* compression 60: one minute */
    assert_int_equal(sd_session_now(r.s) - sc->start, 28 * 60);
    /* to the end */
    assert_int_equal(sd_session_run(r.s, &err), SD_OK);
    assert_true(sd_session_finished(r.s));
    assert_string_equal(r.seen.end_reason, "duration");
    assert_int_equal(r.seen.end_t, sc->start + sc->duration);
    assert_int_equal(r.seen.by_type[SD_REC_HEADER], 1);
    assert_int_equal(r.seen.by_type[SD_REC_ITEM], 5);
    assert_int_equal(r.seen.by_type[SD_REC_ACTION], 3);
    sd_results_summary sum;
    sd_results_summarise(r.res, &sum);
    assert_int_equal(sum.items, 5);
    assert_int_equal(sum.answered, 2);
    assert_true(sum.ended);
    /* actions after the end are refused */
    char msg[256];
    assert_int_equal(act(&r, SD_ACT_REPLY, "c3", "Sent.", -1, -1, NULL, msg, sizeof msg), SD_ERR_INPUT);
    assert_non_null(strstr(msg, "ended"));
    end_run(&r);
    sd_scenario_free(sc);
}

/* ---- refused actions ---- */

static void test_act_validation(void **state)
{
    (void)state;
    sd_scenario *sc = load_sc("valid.lua", BASE);
    run r;
    start_run(&r, sc, false, 0);
    step_to(&r, 16); /* p1, c1, c2, m1 have arrived; c3 has not */
    act_ok(&r, SD_ACT_DELETE, "c2", NULL, -1, -1, NULL);
    static const struct {
        sd_action_kind kind;
        const char *item, *text;
        int target, step;
        const char *person, *phrase;
    } cases[] = {
        {SD_ACT_REPLY, "zz", "Hej", -1, -1, NULL, "there is no item 'zz'"},
        {SD_ACT_REPLY, "c3", "Hej", -1, -1, NULL, "there is no item 'c3' (yet)"},
        {SD_ACT_REPLY, "c2", "Hej", -1, -1, NULL, "item 'c2' has been deleted"},
        {SD_ACT_HIDE, "c2", NULL, -1, -1, NULL, "has been deleted"},
        {SD_ACT_REPLY, "c1", "", -1, -1, NULL, "reply: the text is empty"},
        {SD_ACT_REPLY, "c1", NULL, -1, -1, NULL, "the text is empty"},
        {SD_ACT_DM_REPLY, "c1", "", -1, -1, NULL, "dm_reply: the text is empty"},
        {SD_ACT_PUBLISH, NULL, NULL, -1, -1, NULL, "publish: the text is empty"},
        {SD_ACT_REPLY, NULL, "Hej", -1, -1, NULL, "which item"},
        {SD_ACT_HIDE, "", NULL, -1, -1, NULL, "which item"},
        {SD_ACT_REPLY, "p1", "Hej", -1, -1, NULL, "there is no one to answer"},
        {SD_ACT_ESCALATE, "c1", NULL, -1, -1, NULL, "escalate: unknown target"},
        {SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COUNT, -1, NULL, "unknown target"},
        {SD_ACT_ACCOUNT, NULL, NULL, -1, -1, NULL, "account: unknown step"},
        {SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REMOVE_ACCESS, NULL, "whose access"},
        {SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REMOVE_ACCESS, "ghost", "there is no person 'ghost'"},
        {SD_ACT_ACKNOWLEDGE, "c1", NULL, -1, -1, NULL, "is not an internal message or notice"},
        {SD_ACT_DELETE, "m1", NULL, -1, -1, NULL, "not something on our channel"},
    };
    size_t n = sizeof cases / sizeof cases[0];
    for (size_t i = 0; i < n; i++) {
        char msg[512];
        sd_status st = act(&r, cases[i].kind, cases[i].item, cases[i].text, cases[i].target,
                           cases[i].step, cases[i].person, msg, sizeof msg);
        if (st != SD_ERR_INPUT || strstr(msg, cases[i].phrase) == NULL)
            fail_msg("case %zu: status %d, message '%s' (want '%s')", i, st, msg, cases[i].phrase);
        assert_string_equal(r.seen.rejected_error, msg); /* the log says why */
    }
    /* without an sd_error the log still says why */
    sd_action bad;
    sd_action_init(&bad, SD_ACT_REPLY);
    bad.item = "zz";
    bad.text = "Hej";
    assert_int_equal(sd_session_act(r.s, &bad, NULL), SD_ERR_INPUT);
    assert_non_null(strstr(r.seen.rejected_error, "there is no item 'zz'"));
    n++;
    sd_situation sit;
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.rejected, n);
    assert_int_equal(r.seen.by_type[SD_REC_REJECTED], n);
    assert_int_equal(sit.answered, 0);
    /* the exercise goes on: valid actions still work, items still arrive */
    act_ok(&r, SD_ACT_REPLY, "c1", "Hej!", -1, -1, NULL);
    act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REMOVE_ACCESS, "former");
    act_ok(&r, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_MANAGER, -1, NULL);
    act_ok(&r, SD_ACT_PUBLISH, NULL, "Uttalande", -1, -1, NULL);
    step_to(&r, 21);
    assert_true(arrived(&r.seen, r.s, "c3") == 20 * 60);
    assert_false(sd_session_finished(r.s));
    sd_results_summary sum;
    sd_results_summarise(r.res, &sum);
    assert_int_equal(sum.rejected, n);
    assert_int_equal(sum.actions, 5);
    end_run(&r);

    /* before start: usage errors */
    sd_session *s = NULL;
    sd_error err = SD_ERROR_INIT;
    sd_session_config cfg = {.scenario = sc};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    sd_action a;
    sd_action_init(&a, SD_ACT_PUBLISH);
    a.text = "x";
    assert_int_equal(sd_session_act(s, &a, &err), SD_ERR_USAGE);
    assert_int_equal(sd_session_step_sim(s, 60, &err), SD_ERR_USAGE);
    assert_non_null(strstr(sd_error_msg(&err), "sd_session_start"));
    sd_error_clear(&err);
    sd_session_destroy(s);
    sd_session_config none = {0};
    assert_int_equal(sd_session_create(&none, &s, &err), SD_ERR_USAGE);
    sd_error_clear(&err);
    sd_scenario_free(sc);
}

static void test_delete_and_audience(void **state)
{
    (void)state;
    sd_scenario *sc = load_sc("aud.lua", BASE);
    run r;
    start_run(&r, sc, false, 0);
    step_to(&r, 11);
    sd_situation sit;
    act_ok(&r, SD_ACT_DELETE, "c2", NULL, -1, -1, NULL); /* a troll: no penalty */
    act_ok(&r, SD_ACT_HIDE, "c1", NULL, -1, -1, NULL);   /* hiding: no penalty */
    sd_session_situation(r.s, &sit);
    assert_float_equal(sit.intensity, 1.0, 1e-9);
    /* A hidden question still waits: its author still sees it (issue 14, docs/scoring.md
     * "Platform conventions"); only deleting is for good. */
    assert_int_equal(sit.waiting, 1);
    act_ok(&r, SD_ACT_REPLY, "c1", "Hej Anna! Svar.", -1, -1, NULL); /* answered: done */
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.waiting, 0);
    step_to(&r, 21);
    sd_session_situation(r.s, &sit);
    double before = sit.intensity, sent = sit.sentiment;
    act_ok(&r, SD_ACT_DELETE, "c3", NULL, -1, -1, NULL); /* legitimate criticism */
    sd_session_situation(r.s, &sit);
    assert_float_equal(sit.intensity, before + sc->audience.delete_penalty, 1e-9);
    assert_float_equal(sit.sentiment, sent - sc->audience.delete_penalty / 4, 1e-9);
    /* the intensity drifts back towards 1 as the minutes pass */
    step_to(&r, 40);
    sd_session_situation(r.s, &sit);
    assert_true(sit.intensity < before + sc->audience.delete_penalty);
    assert_true(sit.intensity >= sc->audience.min_intensity && sit.intensity <= sc->audience.max_intensity);
    /* the facilitator ends the exercise */
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_end(r.s, NULL, &err), SD_OK);
    assert_true(sd_session_finished(r.s));
    assert_string_equal(r.seen.end_reason, "ended by facilitator");
    assert_int_equal(r.seen.end_t, sc->start + 40 * 60);
    assert_int_equal(sd_session_step_sim(r.s, 600, &err), SD_OK); /* nothing more happens */
    assert_int_equal(sd_session_end(r.s, "again", &err), SD_OK);
    assert_int_equal(r.seen.by_type[SD_REC_END], 1);
    assert_string_equal(r.seen.end_reason, "ended by facilitator");
    end_run(&r);
    sd_scenario_free(sc);
}

/* ---- hijacked accounts ---- */

static const char *const HIJACK =
    "scenario { id = \"h\", title = \"H\", start = \"2026-03-13 18:00\", duration = \"3h\" }\n"
    "persona { id = \"former\", first = \"Jonas\", last = \"Berg\" }\n"
    "post { id = \"p1\", at = \"+0m\", text = \"Helg\" }\n"
    "hijack { id = \"hj\", at = \"+10m\", notice = \"Ny inloggning\", posts = { \"A\", \"B\" },\n"
    "         every = \"10m\", returns_after = \"30m\",\n"
    "         steps = { \"change_password\", \"revoke_sessions\", \"enable_2fa\" } }\n";

static size_t count_prefix(const seen *v, const char *prefix)
{
    size_t n = 0;
    for (size_t i = 0; i < v->n; i++)
        n += strncmp(v->ids[i], prefix, strlen(prefix)) == 0;
    return n;
}

static void test_hijack(void **state)
{
    (void)state;
    sd_scenario *sc = load_sc("hijack.lua", HIJACK);
    /* variant: 0 = lock out without 2fa; 1 = all steps; 2 = 2fa after the lockout, before
     * the return; 3 = steps before the hijack do not count */
    for (int variant = 0; variant < 4; variant++) {
        run r;
        start_run(&r, sc, false, 0);
        if (variant == 3) {
            step_to(&r, 5);
            act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_CHANGE_PASSWORD, NULL);
            act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REVOKE_SESSIONS, NULL);
            act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_ENABLE_2FA, NULL);
        }
        step_to(&r, 40);
        assert_int_equal(arrived(&r.seen, r.s, "hj-notice-1"), 10 * 60);
        assert_int_equal(arrived(&r.seen, r.s, "hj-post-1"), 15 * 60);
        assert_int_equal(arrived(&r.seen, r.s, "hj-post-2"), 25 * 60);
        assert_int_equal(arrived(&r.seen, r.s, "hj-post-3"), 35 * 60);
        /* deleting posts does not stop the attacker; one step alone does not either */
        act_ok(&r, SD_ACT_DELETE, "hj-post-1", NULL, -1, -1, NULL);
        act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_CHANGE_PASSWORD, NULL);
        step_to(&r, 46);
        assert_int_equal(arrived(&r.seen, r.s, "hj-post-4"), 45 * 60);
        if (variant == 1)
            act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_ENABLE_2FA, NULL);
        act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REVOKE_SESSIONS, NULL);
        if (variant == 2) {
            step_to(&r, 60);
            act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_ENABLE_2FA, NULL);
        }
        step_to(&r, 75);
        assert_int_equal(count_prefix(&r.seen, "hj-post-"), 4); /* locked out: no more posts */
        step_to(&r, 180);
        if (variant == 0 || variant == 3) {
            /* enable_2fa missing at the lockout: back 30 minutes later */
            assert_int_equal(arrived(&r.seen, r.s, "hj-notice-2"), 76 * 60);
            assert_int_equal(arrived(&r.seen, r.s, "hj-post-5"), 81 * 60);
            assert_true(count_prefix(&r.seen, "hj-post-") > 5); /* and stays until locked out again */
        } else {
            assert_int_equal(arrived(&r.seen, r.s, "hj-notice-2"), -1);
            assert_int_equal(count_prefix(&r.seen, "hj-post-"), 4);
        }
        end_run(&r);
    }
    /* a return makes change_password and revoke_sessions needed again; 2fa stays done */
    run r;
    start_run(&r, sc, false, 0);
    step_to(&r, 12);
    act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_CHANGE_PASSWORD, NULL);
    act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REVOKE_SESSIONS, NULL);
    step_to(&r, 43);
    assert_int_equal(arrived(&r.seen, r.s, "hj-notice-2"), 42 * 60);
    act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_ENABLE_2FA, NULL);
    act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REVOKE_SESSIONS, NULL);
    step_to(&r, 60);
    assert_int_equal(arrived(&r.seen, r.s, "hj-post-1"), 47 * 60); /* still in */
    act_ok(&r, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_CHANGE_PASSWORD, NULL);
    step_to(&r, 180);
    assert_int_equal(count_prefix(&r.seen, "hj-post-"), 2); /* +47m, +57m */
    assert_int_equal(arrived(&r.seen, r.s, "hj-notice-3"), -1);
    end_run(&r);
    sd_scenario_free(sc);
}

/* ---- scenario callbacks ---- */

static void test_callbacks(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%s%s", BASE,
             "on(\"reply\", function(a)\n"
             "  if a.item == \"c1\" then\n"
             "    local id = inject { kind = \"comment\", id = \"thanks\", on = \"p1\", author = \"anna\",\n"
             "                        at = \"+2m\", text = \"Tack!\", expect = { answer = false, class = \"thanks\" } }\n"
             "    assert(id == \"thanks\")\n"
             "  end\n"
             "end)\n"
             "when(function(s) return s.answered >= 1 and s.minute >= 30 end, function(s) finish(\"done\") end)\n");
    sd_scenario *sc = load_sc("cb.lua", text);
    run r;
    start_run(&r, sc, false, 0);
    step_to(&r, 6);
    act_ok(&r, SD_ACT_REPLY, "c1", "Hej Anna!", -1, -1, NULL);
    assert_int_equal(arrived(&r.seen, r.s, "thanks"), -1);
    step_to(&r, 8);
    assert_int_equal(arrived(&r.seen, r.s, "thanks"), 8 * 60);
    step_to(&r, 29);
    assert_false(sd_session_finished(r.s));
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_run(r.s, &err), SD_OK);
    assert_true(sd_session_finished(r.s));
    assert_string_equal(r.seen.end_reason, "done");
    assert_int_equal(r.seen.end_t, sc->start + 30 * 60);
    sd_results_summary sum;
    sd_results_summarise(r.res, &sum);
    assert_string_equal(sum.end_reason, "done");
    end_run(&r);
    sd_scenario_free(sc);
}

static void test_set_rate_stops_storm(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%s%s", BASE,
             "storm { id = \"s1\", on = \"p1\", from = \"+0m\", to = \"+2h\", rate = 600,\n"
             "        moods = { calm = 1, angry = 1 },\n"
             "        compose = function(c) return c.mood .. ' ' .. c.first .. ' #' .. c.n end }\n"
             "on(\"item\", function(i)\n"
             "  if i.storm then\n"
             "    local want = i.author.mood .. ' ' .. i.author.first .. ' #' .. tonumber(i.id:match('%d+$'))\n"
             "    if i.storm ~= \"s1\" or (not i.repeat_of and i.text ~= want) then error('bad text ' .. i.text) end\n"
             "  end\n"
             "end)\n"
             "every(\"30m\", function(s) if s.minute >= 30 then set_rate(\"s1\", 0) end end)\n");
    sd_scenario *sc = load_sc("rate.lua", text);
    run r;
    start_run(&r, sc, false, 0);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_run(r.s, &err), SD_OK);
    /* about 300 in the first half hour, then none */
    assert_in_range(r.seen.storm_n, 150, 450);
    assert_true(r.seen.storm_last <= sc->start + 30 * 60);
    end_run(&r);
    sd_scenario_free(sc);
}

static void test_callback_errors(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        int line;
        const char *phrase;
    } cases[] = {
        {"on(\"item\", function(i)\n  if i.id == \"c1\" then\n    local x = nil\n    return x.boom\n  end\nend)\n", 4,
         "attempt to index"},
        {"every(\"10m\", function(s)\n  error(\"every failed\")\nend)\n", 2, "every failed"},
        {"when(function(s) return s.minute >= 3 end,\n  function(s) inject { kind = \"tweet\" } end)\n", 2,
         "unknown kind 'tweet'"},
        {"when(function(s)\n  return s.nonexistent.x end, function() end)\n", 2, "attempt to index"},
        {"on(\"item\", function(i)\n  if i.id == \"p1\" then inject { kind = \"comment\", on = \"p1\", author = \"bob\", text = \"x\" } end\nend)\n",
         2, "persona 'bob' does not exist"},
        {"on(\"item\", function(i)\n  if i.id == \"c1\" then set_rate(\"nope\", 1) end\nend)\n", 2, "no storm 'nope'"},
        {"on(\"item\", function(i)\n  if i.id == \"c1\" then inject { kind = \"comment\", id = \"c2\", on = \"p1\", author = \"anna\", text = \"x\" } end\nend)\n",
         2, "'c2' is already used"},
        {"on(\"item\", function(i)\n  while true do end\nend)\n", 2, "instructions"},
        /* a finish reason over SD_MAX_REASON_BYTES is refused where it is made, not when
         * the log writer meets it */
        {"on(\"item\", function(i)\n  finish(string.rep(\"\\27]0;x\\7\", 600))\nend)\n", 2,
         "at most 2000 are allowed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[4096], name[32], where[48];
        snprintf(name, sizeof name, "cberr%zu.lua", i);
        size_t base_lines = 0;
        for (const char *p = BASE; *p; p++)
            base_lines += *p == '\n';
        snprintf(where, sizeof where, "%s:%zu:", name, base_lines + (size_t)cases[i].line);
        snprintf(text, sizeof text, "%s%s", BASE, cases[i].code);
        sd_scenario *sc = load_sc(name, text);
        for (int mode = 0; mode < 2; mode++) { /* step_sim, then run */
            run r;
            start_run(&r, sc, false, 0);
            sd_error err = SD_ERROR_INIT;
            sd_status st = mode == 0 ? sd_session_step_sim(r.s, 3600, &err) : sd_session_run(r.s, &err);
            if (st != SD_ERR_SCRIPT || !strstr(sd_error_msg(&err), where) ||
                !strstr(sd_error_msg(&err), cases[i].phrase))
                fail_msg("case %zu mode %d: status %d '%s' (want '%s' and '%s')", i, mode, st,
                         sd_error_msg(&err), where, cases[i].phrase);
            sd_error_clear(&err);
            end_run(&r);
        }
        sd_scenario_free(sc);
    }
}

/* ---- storm themes, direct comments and pin ---- */

#define MAX_TSEEN 8000

/* Every storm comment an observer saw: its theme, direct flag, mood, what it expects. */
typedef struct tseen {
    size_t n;
    struct {
        char id[24], theme[16], repeat_of[24], text[48];
        bool direct;
        sd_mood mood;
        sd_expect e;
        sd_time t;
    } c[MAX_TSEEN];
} tseen;

static sd_status observe_themes(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    tseen *v = ctx;
    if (rec->type != SD_REC_ITEM || !rec->u.item.storm || v->n == MAX_TSEEN)
        return SD_OK;
    const sd_rec_item *it = &rec->u.item;
    snprintf(v->c[v->n].id, sizeof v->c[0].id, "%s", it->id);
    snprintf(v->c[v->n].theme, sizeof v->c[0].theme, "%s", it->theme ? it->theme : "");
    snprintf(v->c[v->n].repeat_of, sizeof v->c[0].repeat_of, "%s", it->repeat_of ? it->repeat_of : "");
    snprintf(v->c[v->n].text, sizeof v->c[0].text, "%s", it->text);
    v->c[v->n].direct = it->direct;
    v->c[v->n].mood = it->mood;
    v->c[v->n].e = *it->expect;
    v->c[v->n].t = rec->t;
    v->n++;
    return SD_OK;
}

static const char *const THEMED =
    "scenario { id = \"th\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"3h\",\n"
    "           compression = 60, seed = 3 }\n"
    "post { id = \"p1\", at = \"+0m\", text = \"Post\" }\n"
    "storm { id = \"s\", on = \"p1\", from = \"+1m\", to = \"+2h\", count = 3000,\n"
    "  moods = { worried = 2, angry = 1, troll = 1 }, texts = { troll = { \"Haha\" } },\n"
    "  repeats = 0.1, expect = { within = \"20m\", fault = \"delete\", rules = \"act_fast\" },\n"
    "  themes = {\n"
    "    { id = \"lax\", label = \"läxhjälpen\", share = 3, direct = 0.2, within = \"30m\",\n"
    "      link = \"https://www.example.se/lax\", texts = { \"Läxhjälpen?\" },\n"
    "      points = { \"skolan\" }, model = \"Läxhjälpen flyttar till skolan i oktober.\" },\n"
    "    { id = \"kost\", kind = \"complaint\", texts = { \"Dyrt!\" }, points = { \"spara\" },\n"
    "      model = \"Nämnden vill spara pengar.\" },\n"
    "    { id = \"salj\", kind = \"rumour\", texts = { \"Säljs lokalen?\" }, points = { \"hyr\" },\n"
    "      model = \"Kommunen hyr lokalen.\" },\n"
    "    { id = \"hot\", kind = \"threat\", share = 0.3, texts = { \"Akta dig.\" } },\n"
    "    { id = \"pnr\", kind = \"personal_data\", share = 0.2, texts = { \"Hon bor på Gatan 1.\" } },\n"
    "  } }\n";

static size_t tseen_find(const tseen *v, const char *id)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->c[i].id, id) == 0)
            return i;
    fail_msg("no storm comment '%s' seen", id);
    return 0;
}

static void test_storm_themes(void **state)
{
    (void)state;
    sd_scenario *sc = load_sc("themed.lua", THEMED);
    const sd_storm *st = &sc->storms[0];
    static tseen v, w;
    tseen *seen2[2] = {&v, &w};
    for (int k = 0; k < 2; k++) {
        memset(seen2[k], 0, sizeof *seen2[k]);
        run r;
        start_run(&r, sc, false, 0);
        sd_error err = SD_ERROR_INIT;
        assert_int_equal(sd_session_add_observer(r.s, observe_themes, seen2[k], &err), SD_OK);
        assert_int_equal(sd_session_run(r.s, &err), SD_OK);
        /* the header lists the themes */
        const sd_rec_header *h = sd_results_header(r.res);
        assert_int_equal(h->n_themes, 5);
        assert_string_equal(h->themes[0].storm, "s");
        assert_string_equal(h->themes[0].id, "lax");
        assert_string_equal(h->themes[0].label, "läxhjälpen");
        assert_int_equal(h->themes[0].within, 1800);
        assert_int_equal(h->themes[0].content->index, st->themes[0].content->index);
        assert_int_equal(h->themes[3].kind, SD_THEME_THREAT);
        assert_int_equal(h->themes[3].within, 900);
        assert_int_equal(sd_session_n_themes(r.s), 5);
        end_run(&r);
    }
    /* deterministic: the same seed gives the same themes, direct flags and texts */
    assert_int_equal(v.n, w.n);
    for (size_t i = 0; i < v.n; i++)
        if (strcmp(v.c[i].theme, w.c[i].theme) || v.c[i].direct != w.c[i].direct ||
            strcmp(v.c[i].text, w.c[i].text))
            fail_msg("comment %zu differs between two runs", i);
    assert_true(v.n > 1500);
    /* per theme: counts, direct comments and their expectations */
    const char *ids[] = {"lax", "kost", "salj", "hot", "pnr"};
    size_t count[5] = {0}, direct[5] = {0}, trolls = 0, repeats = 0;
    for (size_t i = 0; i < v.n; i++) {
        const sd_expect *e = &v.c[i].e;
        if (v.c[i].theme[0] == '\0') { /* trolls have no theme */
            assert_int_equal(v.c[i].mood, SD_MOOD_TROLL);
            assert_int_equal(e->cls, SD_CLASS_TROLL);
            assert_false(v.c[i].direct);
            trolls++;
            continue;
        }
        assert_int_not_equal(v.c[i].mood, SD_MOOD_TROLL);
        int t = -1;
        for (int k = 0; k < 5; k++)
            if (strcmp(v.c[i].theme, ids[k]) == 0)
                t = k;
        assert_true(t >= 0);
        if (v.c[i].repeat_of[0]) { /* a repeat copies its original's theme, answers nothing */
            size_t o = tseen_find(&v, v.c[i].repeat_of);
            assert_string_equal(v.c[o].theme, v.c[i].theme);
            assert_string_equal(v.c[o].text, v.c[i].text);
            assert_false(v.c[i].direct);
            assert_false(e->answer);
            assert_true(e->rules & (1ULL << SD_RULE_REPEAT_ONCE));
            assert_true(t < 3); /* threats and personal data are not repeated */
            repeats++;
            continue;
        }
        count[t]++;
        direct[t] += v.c[i].direct;
        bool upset = v.c[i].mood == SD_MOOD_ANGRY || v.c[i].mood == SD_MOOD_FRUSTRATED;
        if (t < 3) {
            static const sd_class cls[] = {SD_CLASS_QUESTION, SD_CLASS_DISSATISFIED,
                                           SD_CLASS_MISUNDERSTANDING};
            assert_int_equal(e->cls, cls[t]);
            assert_ptr_equal(e->content, st->themes[t].content);
            assert_int_equal(e->answer, v.c[i].direct);
            assert_int_equal(e->within, t == 0 ? 1800 : 1200);
            assert_int_equal(e->acknowledge, upset);
            assert_true(e->fault & (1u << SD_DECISION_DELETE)); /* the storm's expect */
            assert_true(e->rules & (1ULL << SD_RULE_ACT_FAST));
            if (t == 0)
                assert_string_equal(e->link, "https://www.example.se/lax");
            else
                assert_null(e->link); /* the storm gives none */
        } else {
            assert_false(v.c[i].direct);
            assert_false(e->answer);
            assert_int_equal(e->cls, SD_CLASS_ILLEGAL);
            assert_int_equal(e->within, 900);
            assert_float_equal(e->weight, 2, 0);
            assert_true(e->ok & (1u << SD_DECISION_HIDE));
            assert_true(e->fault & (1u << SD_DECISION_REPLY));
            assert_true(e->fault & (1u << SD_DECISION_MONITOR));
            if (t == 3) {
                assert_int_equal(v.c[i].mood, SD_MOOD_ANGRY); /* threats are angry */
                assert_int_equal(e->escalate, 1u << SD_TARGET_LEGAL);
                assert_true(e->fault & (1u << SD_DECISION_DELETE));
            } else {
                assert_int_equal(e->escalate, 0);
                assert_true(e->rules & (1ULL << SD_RULE_PRIVATE_DATA));
            }
        }
    }
    assert_true(trolls > 200 && repeats > 100);
    /* shares: 3 : 1 : 1 : 0.3 : 0.2 among the themed first comments, within a margin */
    size_t themed = count[0] + count[1] + count[2] + count[3] + count[4];
    static const double share[] = {3, 1, 1, 0.3, 0.2};
    for (int k = 0; k < 5; k++) {
        double want = share[k] / 5.5 * (double)themed;
        if (fabs((double)count[k] - want) > 0.2 * want + 10)
            fail_msg("theme %s: %zu comments, about %.0f expected", ids[k], count[k], want);
    }
    /* direct: 0.2 for lax, 0.05 for the complaint and the rumour, none for the rest */
    assert_in_range(direct[0], (size_t)(0.12 * count[0]), (size_t)(0.28 * count[0]));
    assert_in_range(direct[1], 1, (size_t)(0.12 * count[1]));
    assert_int_equal(direct[3] + direct[4], 0);
    sd_scenario_free(sc);
}

/* The first storm comment of theme th (not a repeat) seen so far, or NULL. */
static const char *first_of(const tseen *v, const char *th, bool direct_only)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->c[i].theme, th) == 0 && !v->c[i].repeat_of[0] &&
            (!direct_only || v->c[i].direct))
            return v->c[i].id;
    return NULL;
}

static void theme_view(const sd_session *s, size_t i, sd_theme_view *out, const char *id)
{
    sd_session_theme(s, i, out);
    assert_string_equal(out->id, id);
}

static void test_pin_and_theme_states(void **state)
{
    (void)state;
    char text[8192];
    snprintf(text, sizeof text, "%s%s", THEMED,
             "when(function(s)\n"
             "  return s.pinned == \"statement\" and s.themes[2].state == \"answered\" and\n"
             "         s.themes[1].pinned and not s.themes[4].pinned and s.themes[4].kind == \"threat\"\n"
             "end, function() finish(\"pinned\") end)\n");
    sd_scenario *sc = load_sc("pin.lua", text);
    run r;
    static tseen v;
    memset(&v, 0, sizeof v);
    start_run(&r, sc, false, 0);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_add_observer(r.s, observe_themes, &v, &err), SD_OK);
    sd_theme_view tv;
    theme_view(r.s, 0, &tv, "lax");
    assert_int_equal(tv.state, SD_THEME_STATE_UNSEEN);
    assert_float_equal(tv.weight, 3, 0);
    step_to(&r, 12);
    const char *lax = first_of(&v, "lax", false), *kost = first_of(&v, "kost", false),
               *salj = first_of(&v, "salj", false), *hot = first_of(&v, "hot", false);
    assert_non_null(lax);
    assert_non_null(kost);
    assert_non_null(salj);
    assert_non_null(hot);
    theme_view(r.s, 0, &tv, "lax");
    assert_int_equal(tv.state, SD_THEME_STATE_OPEN);
    assert_false(tv.overdue); /* its first comment came less than 30 minutes ago */
    assert_string_equal(tv.label, "läxhjälpen");
    assert_string_equal(tv.storm, "s");
    /* nothing to pin yet */
    char msg[512];
    assert_int_equal(act(&r, SD_ACT_PIN, NULL, NULL, -1, -1, NULL, msg, sizeof msg), SD_ERR_INPUT);
    assert_non_null(strstr(msg, "pin: there is no statement to pin yet"));
    assert_int_equal(act(&r, SD_ACT_PIN, lax, NULL, -1, -1, NULL, msg, sizeof msg), SD_ERR_INPUT);
    char want[128];
    snprintf(want, sizeof want, "pin: you have not replied to '%s'", lax);
    assert_non_null(strstr(msg, want));
    assert_int_equal(act(&r, SD_ACT_PIN, "zz", NULL, -1, -1, NULL, msg, sizeof msg), SD_ERR_INPUT);
    assert_non_null(strstr(msg, "there is no item 'zz'"));
    assert_null(sd_session_pinned(r.s));
    /* a short reply can be pinned, but does not answer the theme */
    act_ok(&r, SD_ACT_REPLY, lax, "Hej! Svar kommer.", -1, -1, NULL);
    theme_view(r.s, 0, &tv, "lax");
    assert_int_equal(tv.state, SD_THEME_STATE_OPEN);
    act_ok(&r, SD_ACT_PIN, lax, NULL, -1, -1, NULL);
    assert_string_equal(sd_session_pinned(r.s), lax);
    theme_view(r.s, 0, &tv, "lax");
    assert_true(tv.pinned);
    assert_float_equal(tv.weight, 3 * 0.4, 1e-12);
    theme_view(r.s, 1, &tv, "kost");
    assert_false(tv.pinned);
    assert_float_equal(tv.weight, 1, 0);
    /* a reply of 8 words answers its theme; so does a refer_previous */
    act_ok(&r, SD_ACT_REPLY, kost, "Hej! Nämnden vill spara pengar på lokalerna i år.", -1, -1, NULL);
    theme_view(r.s, 1, &tv, "kost");
    assert_int_equal(tv.state, SD_THEME_STATE_ANSWERED);
    assert_float_equal(tv.weight, 0.7, 1e-12);
    act_ok(&r, SD_ACT_REFER_PREVIOUS, salj, NULL, -1, -1, NULL);
    theme_view(r.s, 2, &tv, "salj");
    assert_int_equal(tv.state, SD_THEME_STATE_ANSWERED);
    /* a threat is never answered: a reply to it (a fault) leaves its theme as it was */
    act_ok(&r, SD_ACT_REPLY, hot, "Hej! Vi tar det här på största allvar och svarar dig.", -1, -1, NULL);
    theme_view(r.s, 3, &tv, "hot");
    assert_int_equal(tv.state, SD_THEME_STATE_OPEN);
    assert_float_equal(tv.weight, 0.3, 1e-12);
    /* a statement, pinned: it covers every public theme and replaces the pinned reply */
    act_ok(&r, SD_ACT_PUBLISH, NULL, "Uttalande om beslutet.", -1, -1, NULL);
    assert_string_equal(sd_session_pinned(r.s), lax);
    act_ok(&r, SD_ACT_PIN, NULL, NULL, -1, -1, NULL);
    assert_string_equal(sd_session_pinned(r.s), "statement");
    theme_view(r.s, 1, &tv, "kost");
    assert_true(tv.pinned);
    assert_float_equal(tv.weight, 0.4, 1e-12);
    theme_view(r.s, 3, &tv, "hot");
    assert_false(tv.pinned);
    /* the pin is logged as an action; the scenario's state() sees it and finishes */
    assert_int_equal(sd_session_step_sim(r.s, 120, &err), SD_OK);
    assert_true(sd_session_finished(r.s));
    assert_string_equal(r.seen.end_reason, "pinned");
    const sd_res_action *acts = sd_results_actions(r.res);
    size_t pins = 0;
    for (size_t i = 0; i < sd_results_n_actions(r.res); i++)
        pins += acts[i].kind == SD_ACT_PIN;
    assert_int_equal(pins, 2);
    end_run(&r);
    /* a deleted comment's reply cannot be pinned */
    start_run(&r, sc, false, 0);
    memset(&v, 0, sizeof v);
    assert_int_equal(sd_session_add_observer(r.s, observe_themes, &v, &err), SD_OK);
    step_to(&r, 12);
    lax = first_of(&v, "lax", false);
    act_ok(&r, SD_ACT_REPLY, lax, "Hej! Svar.", -1, -1, NULL);
    act_ok(&r, SD_ACT_DELETE, lax, NULL, -1, -1, NULL);
    assert_int_equal(act(&r, SD_ACT_PIN, lax, NULL, -1, -1, NULL, msg, sizeof msg), SD_ERR_INPUT);
    assert_non_null(strstr(msg, "has been deleted"));
    end_run(&r);
    sd_scenario_free(sc);
}

/* The audience model per theme: open themes past their target feed the storm, answered and
 * pinned ones calm it; a pinned theme is picked less often. */
static void test_theme_audience(void **state)
{
    (void)state;
    static const char *const AUD =
        "scenario { id = \"au\", title = \"A\", start = \"2026-03-10 09:00\", duration = \"3h\",\n"
        "           compression = 60, seed = 9, audience = { responsiveness = 0.05 } }\n"
        "post { id = \"p1\", at = \"+0m\", text = \"Post\" }\n"
        "storm { id = \"s\", on = \"p1\", from = \"+1m\", to = \"+2h50m\", count = 2000,\n"
        "  moods = { worried = 1 }, expect = { within = \"20m\" },\n"
        "  themes = {\n"
        "    { id = \"a\", share = 3, direct = 0, texts = { \"A?\" }, points = { \"x\" }, model = \"X.\" },\n"
        "    { id = \"b\", direct = 0, texts = { \"B?\" }, points = { \"y\" }, model = \"Y.\" },\n"
        "    { id = \"c\", direct = 0, texts = { \"C?\" }, points = { \"z\" }, model = \"Z.\" },\n"
        "  } }\n";
    sd_scenario *sc = load_sc("aud-themes.lua", AUD);
    double intensity[3];
    double share_a_after[3];
    for (int mode = 0; mode < 3; mode++) { /* 0: nothing; 1: answer all; 2: answer, pin a */
        run r;
        static tseen v;
        memset(&v, 0, sizeof v);
        start_run(&r, sc, false, 0);
        sd_error err = SD_ERROR_INIT;
        assert_int_equal(sd_session_add_observer(r.s, observe_themes, &v, &err), SD_OK);
        step_to(&r, 10);
        if (mode > 0)
            for (int k = 0; k < 3; k++) {
                const char *th = (const char *[]){"a", "b", "c"}[k];
                const char *id = first_of(&v, th, false);
                assert_non_null(id);
                act_ok(&r, SD_ACT_REPLY, id, "Hej! Här är svaret på din fråga, med länk.", -1, -1, NULL);
                if (mode == 2 && k == 0)
                    act_ok(&r, SD_ACT_PIN, id, NULL, -1, -1, NULL);
            }
        size_t from = v.n;
        step_to(&r, 90);
        sd_situation sit;
        sd_session_situation(r.s, &sit);
        intensity[mode] = sit.intensity;
        size_t a = 0, all = 0;
        for (size_t i = from; i < v.n; i++) {
            if (v.c[i].repeat_of[0])
                continue;
            all++;
            a += strcmp(v.c[i].theme, "a") == 0;
        }
        share_a_after[mode] = (double)a / (double)all;
        sd_theme_view tv;
        sd_session_theme(r.s, 1, &tv);
        assert_int_equal(tv.overdue, mode == 0);
        end_run(&r);
    }
    /* unanswered themes past their 20 minutes push the storm up; answered ones do not */
    if (!(intensity[0] > 1.5 && intensity[1] < 1.05 && intensity[2] < 1.05))
        fail_msg("intensity: none %.3f, answered %.3f, pinned %.3f", intensity[0], intensity[1],
                 intensity[2]);
    /* a: 3 of 5 while open; 2.1 of 3.5 answered; 1.2 of 2.6 pinned */
    if (fabs(share_a_after[0] - 0.6) > 0.06 || fabs(share_a_after[1] - 0.6) > 0.06 ||
        fabs(share_a_after[2] - 1.2 / 2.6) > 0.06)
        fail_msg("share of theme a: %.3f %.3f %.3f", share_a_after[0], share_a_after[1],
                 share_a_after[2]);
    sd_scenario_free(sc);
}

/* compose gets the theme and may choose another; a bad second value is an error naming the
 * storm's line. */
static void test_compose_themes(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%s%s", BASE,
             "storm { id = \"s\", on = \"p1\", from = \"+1m\", to = \"+1h\", count = 300,\n"
             "  moods = { worried = 1, troll = 1 },\n"
             "  compose = function(c)\n"
             "    if c.theme == nil then return 'troll ' .. c.mood end\n"
             "    if c.n % 5 == 0 then return 'switched', 'b' end\n"
             "    return c.theme .. ' ' .. c.theme_kind .. ' ' .. tostring(c.direct)\n"
             "  end,\n"
             "  themes = { { id = \"a\", direct = 0.5, points = { \"x\" }, model = \"X.\" },\n"
             "             { id = \"b\", kind = \"rumour\", points = { \"y\" }, model = \"Y.\" } } }\n");
    sd_scenario *sc = load_sc("compose-th.lua", text);
    run r;
    static tseen v;
    memset(&v, 0, sizeof v);
    start_run(&r, sc, false, 0);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_add_observer(r.s, observe_themes, &v, &err), SD_OK);
    assert_int_equal(sd_session_run(r.s, &err), SD_OK);
    size_t switched = 0, direct = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (v.c[i].repeat_of[0])
            continue;
        const char *t = v.c[i].text;
        if (strcmp(t, "troll troll") == 0) {
            assert_string_equal(v.c[i].theme, "");
        } else if (strcmp(t, "switched") == 0) {
            assert_string_equal(v.c[i].theme, "b");
            assert_int_equal(v.c[i].e.cls, SD_CLASS_MISUNDERSTANDING);
            switched++;
        } else {
            char want[64];
            snprintf(want, sizeof want, "%s %s %s", v.c[i].theme,
                     strcmp(v.c[i].theme, "a") == 0 ? "question" : "rumour",
                     v.c[i].direct ? "true" : "false");
            assert_string_equal(t, want);
            direct += v.c[i].direct;
        }
    }
    assert_true(switched > 10 && direct > 10);
    end_run(&r);
    sd_scenario_free(sc);
    static const struct { const char *ret, *phrase; } bad[] = {
        {"return 'x', 'nope'", "compose returned theme 'nope', which the storm does not declare (its themes: a, b)"},
        {"return ('x'):gsub('x', 'y')", "compose's second value must be the id of one of the storm's themes, not a number"},
        {"if c.theme == nil then return 'x', 'a' end return 'y'", "compose returned theme 'a' for a troll's comment"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char name[32], where[48];
        snprintf(name, sizeof name, "compose-bad%zu.lua", i);
        size_t base_lines = 0;
        for (const char *p = BASE; *p; p++)
            base_lines += *p == '\n';
        snprintf(where, sizeof where, "%s:%zu:", name, base_lines + 1);
        snprintf(text, sizeof text, "%s"
                 "storm { id = \"s\", on = \"p1\", from = \"+1m\", to = \"+1h\", count = 300,\n"
                 "  moods = { worried = 1, troll = 1 }, compose = function(c) %s end,\n"
                 "  themes = { { id = \"a\", points = { \"x\" }, model = \"X.\" },\n"
                 "             { id = \"b\", points = { \"y\" }, model = \"Y.\" } } }\n", BASE, bad[i].ret);
        sc = load_sc(name, text);
        start_run(&r, sc, false, 0);
        sd_status st = sd_session_run(r.s, &err);
        if (st != SD_ERR_SCRIPT || !strstr(sd_error_msg(&err), where) ||
            !strstr(sd_error_msg(&err), bad[i].phrase))
            fail_msg("case %zu: status %d '%s' (want '%s' and '%s')", i, st, sd_error_msg(&err),
                     where, bad[i].phrase);
        sd_error_clear(&err);
        end_run(&r);
        sd_scenario_free(sc);
    }
}

/* ---- determinism and frame stepping ---- */

/* ---- the unsent draft ---- */

typedef struct dseen {
    size_t n;
    sd_record_type type[64];
    sd_action_kind kind[64];
    char item[64][40], text[64][80];
} dseen;

static sd_status observe_draft(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    dseen *v = ctx;
    if (v->n < 64 && (rec->type == SD_REC_ACTION || rec->type == SD_REC_REJECTED || rec->type == SD_REC_END)) {
        v->type[v->n] = rec->type;
        v->kind[v->n] = rec->type == SD_REC_END ? SD_ACT_COUNT : rec->u.action.kind;
        snprintf(v->item[v->n], sizeof v->item[0], "%s", rec->type != SD_REC_END && rec->u.action.item ? rec->u.action.item : "");
        snprintf(v->text[v->n], sizeof v->text[0], "%s", rec->type != SD_REC_END && rec->u.action.text ? rec->u.action.text : "");
        v->n++;
    }
    return SD_OK;
}

/* sd_session_set_draft: the last text registered is written as a draft record just before
 * the end record, whatever ends the exercise; cleared by "" or NULL; never an action, never
 * scored (the results keep it apart and the summary does not count it); an unknown item is
 * dropped; sd_session_act refuses the kind without logging it. */
static void test_draft(void **state)
{
    (void)state;
    sd_scenario *sc = load_sc("draft.lua", BASE);
    for (int how = 0; how < 3; how++) {
        run r;
        start_run(&r, sc, false, 0);
        dseen v = {0};
        sd_error err = SD_ERROR_INIT;
        assert_int_equal(sd_session_add_observer(r.s, observe_draft, &v, &err), SD_OK);
        step_to(&r, 6);
        act_ok(&r, SD_ACT_REPLY, "c1", "Hej Anna! Vi svarar snart. /Kim", -1, -1, NULL);
        char msg[256];
        assert_int_equal(act(&r, SD_ACT_DRAFT, "c1", "x", -1, -1, NULL, msg, sizeof msg), SD_ERR_INPUT);
        assert_non_null(strstr(msg, "draft: not an action"));
        assert_int_equal(v.n, 1); /* the refused draft is not logged */
        assert_int_equal(sd_session_set_draft(r.s, "c1", "Hej igen"), SD_OK);
        if (how == 1) /* cleared, then another on no item (a statement) */
            assert_int_equal(sd_session_set_draft(r.s, NULL, ""), SD_OK);
        if (how == 1)
            assert_int_equal(sd_session_set_draft(r.s, "nosuch", "Vi informerar"), SD_OK);
        if (how == 2) {
            step_to(&r, 30);
            assert_int_equal(sd_session_set_draft(r.s, "m1", "Chefen: status \xff"), SD_OK);
            assert_int_equal(sd_session_run(r.s, &err), SD_OK); /* ends at its duration */
        } else
            assert_int_equal(sd_session_end(r.s, "ended by facilitator", &err), SD_OK);
        assert_int_equal(v.n, 3);
        assert_int_equal(v.type[1], SD_REC_ACTION);
        assert_int_equal(v.kind[1], SD_ACT_DRAFT);
        assert_int_equal(v.type[2], SD_REC_END);
        assert_string_equal(v.item[1], how == 0 ? "c1" : how == 1 ? "" : "m1");
        assert_string_equal(v.text[1], how == 0 ? "Hej igen" : how == 1 ? "Vi informerar" : "Chefen: status \xef\xbf\xbd");
        /* set after the end: ignored */
        assert_int_equal(sd_session_set_draft(r.s, "c1", "sent"), SD_OK);
        assert_int_equal(v.n, 3);
        /* the results keep it apart from the actions */
        sd_res_draft d;
        assert_true(sd_results_draft(r.res, &d));
        assert_string_equal(d.text, v.text[1]);
        assert_int_equal(d.item >= 0, how != 1);
        assert_int_equal(sd_results_n_actions(r.res), 1);
        sd_results_summary sum;
        sd_results_summarise(r.res, &sum);
        assert_int_equal(sum.actions, 1);
        char *json = results_json(r.res);
        assert_non_null(strstr(json, "\"draft\""));
        free(json);
        end_run(&r);
    }
    /* no draft: nothing written, no "draft" in the results */
    run r;
    start_run(&r, sc, false, 0);
    dseen v = {0};
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_add_observer(r.s, observe_draft, &v, &err), SD_OK);
    assert_int_equal(sd_session_set_draft(r.s, "c1", "Hej"), SD_OK);
    assert_int_equal(sd_session_set_draft(r.s, "c1", NULL), SD_OK);
    assert_int_equal(sd_session_end(r.s, NULL, &err), SD_OK);
    assert_int_equal(v.n, 1);
    assert_false(sd_results_draft(r.res, NULL));
    char *json = results_json(r.res);
    assert_null(strstr(json, "\"draft\""));
    free(json);
    end_run(&r);
    sd_scenario_free(sc);
}

static char *run_mini(uint64_t seed, int how)
{
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    if (sd_scenario_load(SD_TEST_DATA "/mini.lua", NULL, &sc, &err) != SD_OK)
        fail_msg("mini.lua: %s", sd_error_msg(&err));
    sd_bot *bot = NULL;
    if (sd_bot_load(SD_TEST_DATA "/../../scenarios/participants/diligent.lua", NULL, NULL, 0, &bot,
                    &err) != SD_OK)
        fail_msg("diligent.lua: %s", sd_error_msg(&err));
    sd_results *res = NULL;
    assert_int_equal(sd_results_create(&res, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .seed_set = true, .seed = seed, .participant = sd_bot_name(bot),
                             .participant_kind = "scripted", .results = res, .no_wall_clock = true};
    sd_session *s = NULL;
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_bot_attach(bot, s, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    if (how == 0) {
        assert_int_equal(sd_session_run(s, &err), SD_OK);
    } else {
        /* frames of varying length, a pause in the middle, a compression change */
        sd_rng rng;
        sd_rng_seed(&rng, 77);
        int frames = 0;
        while (!sd_session_finished(s)) {
            double dt = 1.0 / 240 + sd_rng_uniform(&rng) / 20;
            if (frames == 500)
                sd_session_pause(s, true);
            if (frames == 600)
                sd_session_pause(s, false);
            if (frames == 1000)
                sd_session_set_compression(s, 45);
            assert_int_equal(sd_session_step_real(s, dt, &err), SD_OK);
            frames++;
            assert_true(frames < 1000000);
        }
        assert_true(frames > 1000);
        assert_float_equal(sd_session_compression(s), 45, 0);
    }
    char *json = results_json(res);
    sd_session_destroy(s);
    sd_results_free(res);
    sd_scenario_free(sc);
    sd_bot_free(bot);
    return json;
}

static void test_determinism(void **state)
{
    (void)state;
    char *a = run_mini(7, 0);
    char *b = run_mini(7, 0);
    char *c = run_mini(8, 0);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    /* the results carry the run: a reply, a storm comment, the seed */
    cJSON *doc = cJSON_Parse(a);
    assert_non_null(doc);
    assert_int_equal(cJSON_GetObjectItem(doc, "seed")->valueint, 7);
    cJSON *sum = cJSON_GetObjectItem(doc, "summary");
    /* c1, c2, m1 and the storm's direct comments (a tenth of them: its implicit theme) */
    assert_true(cJSON_GetObjectItem(sum, "answered")->valueint > 3);
    assert_int_equal(cJSON_GetObjectItem(sum, "answered")->valueint,
                     cJSON_GetObjectItem(sum, "expecting_answer")->valueint);
    cJSON_Delete(doc);
    assert_non_null(strstr(a, "s1-000001"));
    assert_non_null(strstr(a, "\"reply\""));
    free(a);
    free(b);
    free(c);
}

static void test_frame_stepping_matches_run(void **state)
{
    (void)state;
    char *a = run_mini(11, 0);
    char *b = run_mini(11, 1);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

/* ---- the engine's own allocations when a script has filled its memory cap ---- */

static const char fill_key = 0;

/* Fills the state to its cap with a chain of small tables kept in the registry: first with
 * 1 KiB strings, then with empty tables, so that what is left is smaller than any table. */
static int fill_state(lua_State *L)
{
    size_t n = (size_t)lua_tointeger(L, 1);
    char buf[1024];
    memset(buf, 'x', sizeof buf);
    for (;;) {
        lua_createtable(L, 2, 0);
        lua_rawgetp(L, LUA_REGISTRYINDEX, &fill_key);
        lua_rawseti(L, -2, 1);
        if (n) {
            lua_pushlstring(L, buf, n);
            lua_rawseti(L, -2, 2);
        }
        lua_rawsetp(L, LUA_REGISTRYINDEX, &fill_key);
    }
    return 0;
}

static void fill_to_cap(lua_State *L)
{
    lua_gc(L, LUA_GCCOLLECT, 0);
    static const lua_Integer sizes[] = {1000, 0};
    for (int i = 0; i < 2; i++) {
        lua_pushcfunction(L, fill_state);
        lua_pushinteger(L, sizes[i]);
        assert_int_equal(lua_pcall(L, 1, 0, 0), LUA_ERRMEM);
        lua_pop(L, 1);
    }
}

static void test_engine_allocs_with_full_cap(void **state)
{
    (void)state;
    static const struct { const char *name, *extra, *phrase; } cases[] = {
        {"full_item.lua", "on(\"item\", function(item) end)\n", "item table"},
        {"full_when.lua", "when(function(s) return false end, function() end)\n", "when()"},
        {"full_every.lua", "every(\"1m\", function(s) end)\n", "state table"},
        {"full_compose.lua",
         "storm { id = \"s\", on = \"p1\", from = \"+1m\", to = \"+30m\", count = 50,\n"
         "        compose = function(c) return \"x\" end }\n", "compose"},
        {"full_action.lua", "on(\"action\", function(a) end)\n", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[4096], path[256];
        snprintf(text, sizeof text, "%s%s", BASE, cases[i].extra);
        snprintf(path, sizeof path, "%s/%s", g_dir, cases[i].name);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
        sd_sandbox_limits lim;
        sd_sandbox_limits_default(&lim);
        lim.memory_bytes = (size_t)2 << 20;
        sd_load_options opt = {&lim, cases[i].name};
        sd_scenario *sc = NULL;
        sd_error err = SD_ERROR_INIT;
        if (sd_scenario_load(path, &opt, &sc, &err) != SD_OK)
            fail_msg("%s: %s", cases[i].name, sd_error_msg(&err));
        sd_results *res = NULL;
        assert_int_equal(sd_results_create(&res, &err), SD_OK);
        sd_session_config cfg = {.scenario = sc, .participant = "Kim", .results = res,
                                 .no_wall_clock = true};
        sd_session *s = NULL;
        sd_status st = sd_session_create(&cfg, &s, &err);
        if (st == SD_OK) {
            fill_to_cap(sd_sandbox_state(sc->sb));
            st = sd_session_start(s, &err);
            if (st == SD_OK && cases[i].phrase == NULL) {
                sd_action a;
                sd_action_init(&a, SD_ACT_ESCALATE);
                a.target = SD_TARGET_MANAGER;
                st = sd_session_act(s, &a, &err);
            }
            if (st == SD_OK)
                st = sd_session_run(s, &err);
        }
        if (st != SD_ERR_MEMORY || strstr(sd_error_msg(&err), cases[i].name) == NULL ||
            (cases[i].phrase && strstr(sd_error_msg(&err), cases[i].phrase) == NULL))
            fail_msg("%s: status %d, message '%s'", cases[i].name, (int)st, sd_error_msg(&err));
        sd_error_clear(&err);
        sd_session_destroy(s);
        sd_results_free(res);
        sd_scenario_free(sc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_step_and_situation),
        cmocka_unit_test(test_act_validation),
        cmocka_unit_test(test_delete_and_audience),
        cmocka_unit_test(test_hijack),
        cmocka_unit_test(test_callbacks),
        cmocka_unit_test(test_set_rate_stops_storm),
        cmocka_unit_test(test_callback_errors),
        cmocka_unit_test(test_storm_themes),
        cmocka_unit_test(test_pin_and_theme_states),
        cmocka_unit_test(test_theme_audience),
        cmocka_unit_test(test_compose_themes),
        cmocka_unit_test(test_draft),
        cmocka_unit_test(test_determinism),
        cmocka_unit_test(test_frame_stepping_matches_run),
        cmocka_unit_test(test_engine_allocs_with_full_cap),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
