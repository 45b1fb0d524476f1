/* test_colleague.c - cmocka tests of the simulated colleague (scenario{ colleague = ... }):
 * the loader's defaults per language and the fields read (a table), a table of bad fields
 * each naming "file.lua:LINE:" and what is wrong; the session: the first call for backup
 * brings the colleague after the delay (an internal message, no answer expected), who then
 * replies once per pace to the oldest plain question still waiting, passing over angry
 * authors, escalations, cases to move, questions without a model answer, repeats, hidden
 * items and those the participant answered; a call for the manager once a colleague is in
 * (or another call for backup) brings the next name of `more`, up to its end; a call too
 * late brings no one; the scripted participant's state table counts the colleagues in; and
 * every colleague reply of tests/data/colleague.lua, and of an English scenario, passes
 * the real tone checks (scoring/tone.h, reply_input.h) with the colleague as signer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "participant/bot.h"
#include "results/results.h"
#include "scenario/scenario.h"
#include "scoring/keypoints.h"
#include "scoring/reply_input.h"
#include "scoring/tone.h"
#include "session/session.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_colleague");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static void path_of(const char *name, char *out, size_t n) { snprintf(out, n, "%s/%s", g_dir, name); }

/* Writes text to name and loads it: the status, the message into msg, the scenario into
 * *out (or freed when out is NULL). */
static sd_status load_text(const char *name, const char *text, sd_scenario **out, char *msg,
                           size_t msglen)
{
    char path[256];
    path_of(name, path, sizeof path);
    assert_int_equal(sd_test_write_file(path, text), 0);
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_load_options opt = {NULL, name};
    sd_status st = sd_scenario_load(path, &opt, &sc, &err);
    snprintf(msg, msglen, "%s", sd_error_msg(&err));
    sd_error_clear(&err);
    if (out)
        *out = sc;
    else
        sd_scenario_free(sc);
    return st;
}

static sd_scenario *load_ok(const char *name, const char *text)
{
    char msg[1024];
    sd_scenario *sc = NULL;
    if (load_text(name, text, &sc, msg, sizeof msg) != SD_OK)
        fail_msg("%s did not load: %s", name, msg);
    return sc;
}

/* ---- the loader ---- */

#define SCEN(lang, fields)                                                                 \
    "-- colleague test\n"                                                                \
    "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\"," \
    " language = \"" lang "\",\n" fields " }\n"

static void test_loader_fields(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *name;
        int64_t delay, pace;
        const char *more[3];
    } cases[] = {
        {SCEN("sv", ""), "Sara", 300, 120, {NULL}},
        {SCEN("en", ""), "Sam", 300, 120, {NULL}},
        {SCEN("sv", "colleague = {}"), "Sara", 300, 120, {NULL}},
        {SCEN("en", "colleague = { delay = \"1h\" }"), "Sam", 3600, 120, {NULL}},
        {SCEN("sv", "colleague = { name = \"Åsa\", delay = \"90s\", pace = 3,\n"
                    "  more = { \"Johan\", \"Anna-Karin\" } }"),
         "Åsa", 90, 180, {"Johan", "Anna-Karin", NULL}},
        {SCEN("sv", "colleague = { delay = 0, pace = \"30s\", more = {} }"), "Sara", 0, 30, {NULL}},
        {SCEN("en", "colleague = { name = \"O'Neil\", more = { \"Zoë\" } }"), "O'Neil", 300, 120,
         {"Zoë", NULL}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "ok%02zu.lua", i);
        sd_scenario *sc = load_ok(name, cases[i].text);
        const sd_colleague_params *p = &sc->colleague;
        if (strcmp(p->name, cases[i].name) != 0 || p->delay != cases[i].delay ||
            p->pace != cases[i].pace)
            fail_msg("case %zu: got %s, delay %lld, pace %lld", i, p->name,
                     (long long)p->delay, (long long)p->pace);
        size_t n = 0;
        while (cases[i].more[n])
            n++;
        assert_int_equal(p->n_more, n);
        for (size_t k = 0; k < n; k++)
            assert_string_equal(p->more[k], cases[i].more[k]);
        /* the order they come in */
        assert_string_equal(sd_colleague_name(p, 0), cases[i].name);
        for (size_t k = 0; k < n; k++)
            assert_string_equal(sd_colleague_name(p, k + 1), cases[i].more[k]);
        assert_null(sd_colleague_name(p, n + 1));
        sd_scenario_free(sc);
    }
}

static void test_loader_errors(void **state)
{
    (void)state;
    static const struct {
        const char *fields;
        const char *phrase;
    } cases[] = {
        {"colleague = \"Sara\"", "colleague must be a table"},
        {"colleague = { nam = \"Sara\" }", "unknown field 'nam'"},
        {"colleague = { name = \"Sara Berg\" }", "has a space"},
        {"colleague = { name = \"\" }", "is empty"},
        {"colleague = { name = \"R2D2\" }", "must be a first name"},
        {"colleague = { name = \"-Bo\" }", "must be a first name"},
        {"colleague = { name = \"Bo.\" }", "must be a first name"},
        {"colleague = { name = 5 }", "name must be a first name like \"Sara\""},
        {"colleague = { name = string.rep(\"a\", 65) }", "longer than 64 bytes"},
        {"colleague = { name = \"Sa\\0ra\" }", "NUL"},
        {"colleague = { delay = \"5x\" }", "invalid duration '5x'"},
        {"colleague = { delay = -1 }", "out of range"},
        {"colleague = { delay = \"2h\" }", "would never come"},
        {"colleague = { delay = true }", "must be a duration"},
        {"colleague = { pace = \"10s\" }", "at least 30s"},
        {"colleague = { pace = 0 }", "at least 30s"},
        {"colleague = { pace = \"2d\" }", "at most 24h"},
        {"colleague = { more = \"Johan\" }", "more must be a list"},
        {"colleague = { more = { a = \"Johan\" } }", "more must be a list"},
        {"colleague = { more = { \"Johan\", 7 } }", "more entry 2 must be a first name"},
        {"colleague = { more = { \"Johan\", \"Li Wei\" } }", "more entry 2 'Li Wei' has a space"},
        {"colleague = { more = { \"Johan\", \"Sara\" } }", "the name 'Sara' is given twice"},
        {"colleague = { name = \"Bo\", more = { \"Li\", \"Li\" } }", "the name 'Li' is given twice"},
        {"colleague = { more = { \"A\", \"B\", \"C\", \"D\", \"E\", \"F\", \"G\", \"H\" } }",
         "more has 8 names; at most 7"},
        {"colleague = setmetatable({}, {})", "must be a plain table"},
        {"colleague = { more = setmetatable({}, {}) }", "must be a plain table"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[32], where[48], msg[2048], text[1024];
        snprintf(name, sizeof name, "err%02zu.lua", i);
        snprintf(where, sizeof where, "%s:2:", name);
        snprintf(text, sizeof text, SCEN("sv", "%s"), cases[i].fields);
        sd_scenario *sc = NULL;
        sd_status st = load_text(name, text, &sc, msg, sizeof msg);
        if (st == SD_OK || sc != NULL)
            fail_msg("case %zu loaded, but should fail with '%s'", i, cases[i].phrase);
        if (strstr(msg, where) == NULL || strstr(msg, cases[i].phrase) == NULL)
            fail_msg("case %zu: message\n  %s\nlacks '%s' / '%s'", i, msg, where, cases[i].phrase);
    }
}

/* ---- the session ---- */

typedef struct seen_rec {
    sd_record_type type;
    int64_t at;           /* seconds after the start */
    char id[40], by[40], text[400];
    int kind, sender;     /* item kind or action kind */
    bool answer;
} seen_rec;

typedef struct got {
    seen_rec r[512];
    size_t n;
    sd_time start;
} got;

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    got *g = ctx;
    if (g->n == 512 || (rec->type != SD_REC_ITEM && rec->type != SD_REC_ACTION) ||
        (rec->type == SD_REC_ITEM && rec->u.item.storm))
        return SD_OK;
    seen_rec *x = &g->r[g->n++];
    memset(x, 0, sizeof *x);
    x->type = rec->type;
    x->at = rec->t - g->start;
    if (rec->type == SD_REC_ITEM) {
        snprintf(x->id, sizeof x->id, "%s", rec->u.item.id);
        snprintf(x->text, sizeof x->text, "%s", rec->u.item.text ? rec->u.item.text : "");
        x->kind = rec->u.item.kind;
        x->sender = rec->u.item.sender;
        x->answer = rec->u.item.expect->answer;
    } else {
        snprintf(x->id, sizeof x->id, "%s", rec->u.action.item ? rec->u.action.item : "");
        snprintf(x->by, sizeof x->by, "%s", rec->u.action.by ? rec->u.action.by : "");
        snprintf(x->text, sizeof x->text, "%s", rec->u.action.text ? rec->u.action.text : "");
        x->kind = rec->u.action.kind;
    }
    return SD_OK;
}

typedef struct run {
    sd_session *s;
    sd_results *res;
    got g;
} run;

static void start_run(run *r, sd_scenario *sc)
{
    memset(r, 0, sizeof *r);
    r->g.start = sc->start;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_create(&r->res, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim", .results = r->res,
                             .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &r->s, &err), SD_OK);
    assert_int_equal(sd_session_add_observer(r->s, observe, &r->g, &err), SD_OK);
    assert_int_equal(sd_session_start(r->s, &err), SD_OK);
}

static void end_run(run *r)
{
    sd_session_destroy(r->s);
    sd_results_free(r->res);
}

static void step_to(run *r, double minutes)
{
    sd_error err = SD_ERROR_INIT;
    int64_t now = sd_session_now(r->s) - sd_session_scenario(r->s)->start;
    if (sd_session_step_sim(r->s, minutes * 60 - (double)now, &err) != SD_OK)
        fail_msg("step to +%gm: %s", minutes, sd_error_msg(&err));
}

static void act_ok(run *r, sd_action_kind k, const char *item, const char *text, int target)
{
    sd_action a;
    sd_action_init(&a, k);
    a.item = item;
    a.text = text;
    a.target = target;
    sd_error err = SD_ERROR_INIT;
    if (sd_session_act(r->s, &a, &err) != SD_OK)
        fail_msg("action %d on %s refused: %s", k, item ? item : "-", sd_error_msg(&err));
}

/* The colleagues' replies seen so far, as "by:item@seconds" joined by spaces. */
static void replies(const run *r, char *out, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->g.n; i++)
        if (r->g.r[i].type == SD_REC_ACTION && r->g.r[i].by[0])
            used += (size_t)snprintf(out + used, n - used, "%s%s:%s@%lld", used ? " " : "",
                                     r->g.r[i].by, r->g.r[i].id, (long long)r->g.r[i].at);
}

static size_t notes(const run *r, char names[][32], int64_t *at, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < r->g.n && k < max; i++)
        if (r->g.r[i].type == SD_REC_ITEM && r->g.r[i].kind == SD_KIND_INTERNAL &&
            r->g.r[i].sender == SD_SENDER_COLLEAGUE) {
            const char *slash = strrchr(r->g.r[i].text, '/');
            snprintf(names[k], 32, "%s", slash ? slash + 1 : "?");
            assert_false(r->g.r[i].answer); /* no answer expected */
            at[k++] = r->g.r[i].at;
        }
    return k;
}

#define MODEL "Vi öppnar igen i september."
static const char *const SESSION_SC =
    "scenario { id = 'col', title = 'Kollega', start = '2026-03-10 09:00', duration = '2h',\n"
    "           colleague = { delay = '5m', pace = '2m', more = { 'Johan' } } }\n"
    "persona { id = 'asa', first = 'Åsa', mood = 'calm' }\n"
    "persona { id = 'bo', first = 'Bo', mood = 'worried' }\n"
    "persona { id = 'dan', first = 'Dan', mood = 'angry' }\n"
    "persona { id = 'eva', first = 'Eva', mood = 'frustrated' }\n"
    "post { id = 'p1', at = '+0m', text = 'Biblioteket stänger.' }\n"
    "local E = { within = '30m', model = '" MODEL "' }\n"
    "comment { id = 'a1', at = '+1m', on = 'p1', author = 'dan', text = 'Varför?', expect = E }\n"
    "comment { id = 'f1', at = '+1m', on = 'p1', author = 'eva', text = 'Suck.', expect = E }\n"
    "comment { id = 'q1', at = '+2m', on = 'p1', author = 'asa', text = 'När?', expect = E }\n"
    "comment { id = 'e1', at = '+2m', on = 'p1', author = 'asa', text = 'Press?',\n"
    "          expect = { model = 'Ja.', escalate = 'press_officer' } }\n"
    "comment { id = 'm1', at = '+2m', on = 'p1', author = 'asa', text = 'Min bok?',\n"
    "          expect = { model = 'Skriv privat.', rules = { 'move_case' } } }\n"
    "comment { id = 'n1', at = '+2m', on = 'p1', author = 'asa', text = 'Hm?' }\n"
    "comment { id = 'd1', at = '+2m', on = 'p1', author = 'asa', text = 'Dåligt.',\n"
    "          expect = { model = 'Tack.', class = 'justified_criticism' } }\n"
    "comment { id = 'r1', at = '+3m', on = 'p1', author = 'asa', text = 'När?', repeat_of = 'q1',\n"
    "          expect = E }\n"
    "comment { id = 'q2', at = '+3m', on = 'p1', author = 'bo', text = 'Var?', expect = E }\n"
    "comment { id = 'q3', at = '+3m', on = 'p1', author = 'bo', text = 'Hur?', expect = E }\n"
    "comment { id = 'q4', at = '+3m', on = 'p1', author = 'asa', text = 'Vem?', expect = E }\n"
    "comment { id = 'q5', at = '+4m', on = 'p1', author = 'asa', text = 'Vad?', expect = E }\n"
    "comment { id = 'q6', at = '+15m', on = 'p1', author = 'bo', text = 'Sen?', expect = E }\n"
    "comment { id = 'q7', at = '+26m', on = 'p1', author = 'asa', text = 'Och?', expect = E }\n"
    "comment { id = 'q8', at = '+26m', on = 'p1', author = 'bo', text = 'Nu?', expect = E }\n"
    "comment { id = 'q9', at = '+26m', on = 'p1', author = 'asa', text = 'Då?', expect = E }\n"
    "comment { id = 'q10', at = '+26m', on = 'p1', author = 'asa', text = 'Hur då?', expect = E }\n";

static void test_session_colleagues(void **state)
{
    (void)state;
    sd_scenario *sc = load_ok("col.lua", SESSION_SC);
    run r;
    start_run(&r, sc);
    sd_situation sit;
    char list[2048], names[4][32];
    int64_t at[4];
    step_to(&r, 1);
    act_ok(&r, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COLLEAGUE_BACKUP);
    step_to(&r, 2);
    /* the manager before any colleague is in: informs, brings no one */
    act_ok(&r, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_MANAGER);
    step_to(&r, 4);
    /* the participant answers q3 and hides q4: the colleague leaves them */
    act_ok(&r, SD_ACT_REPLY, "q3", "Hej Bo!\n" MODEL "\nVänliga hälsningar,\nKim", -1);
    act_ok(&r, SD_ACT_HIDE, "q4", NULL, -1);
    step_to(&r, 5.9);
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.colleagues, 0);
    assert_int_equal(notes(&r, names, at, 4), 0);
    step_to(&r, 6);
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.colleagues, 1);
    assert_int_equal(notes(&r, names, at, 4), 1);
    assert_string_equal(names[0], "Sara");
    assert_int_equal(at[0], 6 * 60);
    step_to(&r, 20);
    /* every 2 minutes from 8: q1, q2, q5 (oldest first), then nothing until q6 came */
    replies(&r, list, sizeof list);
    assert_string_equal(list, "Sara:q1@480 Sara:q2@600 Sara:q5@720 Sara:q6@960");
    /* the manager once a colleague is in: Johan comes 5 minutes later */
    act_ok(&r, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_MANAGER);
    /* no one left to send: nothing more comes */
    act_ok(&r, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COLLEAGUE_BACKUP);
    step_to(&r, 40);
    assert_int_equal(notes(&r, names, at, 4), 2);
    assert_string_equal(names[1], "Johan");
    assert_int_equal(at[1], 25 * 60);
    sd_session_situation(r.s, &sit);
    assert_int_equal(sit.colleagues, 2);
    /* q7 to q10 came at 26: Sara on the even minutes, Johan from 27 (in at 25) */
    replies(&r, list, sizeof list);
    assert_string_equal(list, "Sara:q1@480 Sara:q2@600 Sara:q5@720 Sara:q6@960 "
                              "Sara:q7@1560 Johan:q8@1620 Sara:q9@1680 Johan:q10@1740");
    /* the reply: the model answer between greeting and sign-off */
    for (size_t i = 0; i < r.g.n; i++)
        if (r.g.r[i].type == SD_REC_ACTION && strcmp(r.g.r[i].id, "q8") == 0) {
            assert_int_equal(r.g.r[i].kind, SD_ACT_REPLY);
            assert_string_equal(r.g.r[i].text, "Hej Bo!\n" MODEL "\nVänliga hälsningar,\nJohan");
        }
    /* the results count the colleagues' replies as answers, with who made them */
    const sd_res_item *items = sd_results_items(r.res);
    const sd_res_action *acts = sd_results_actions(r.res);
    size_t by = 0;
    for (size_t i = 0; i < sd_results_n_items(r.res); i++) {
        const char *id = items[i].id;
        bool plain_answered = strcmp(id, "q1") == 0 || strcmp(id, "q10") == 0;
        if (plain_answered)
            assert_true(items[i].answered_at > 0);
        if (strcmp(id, "a1") == 0 || strcmp(id, "f1") == 0 || strcmp(id, "e1") == 0 ||
            strcmp(id, "m1") == 0 || strcmp(id, "n1") == 0 || strcmp(id, "d1") == 0 ||
            strcmp(id, "r1") == 0 || strcmp(id, "q4") == 0)
            assert_int_equal(items[i].answered_at, 0);
    }
    for (size_t i = 0; i < sd_results_n_actions(r.res); i++)
        by += acts[i].by != NULL;
    assert_int_equal(by, 8);
    end_run(&r);
    sd_scenario_free(sc);
}

/* A call whose colleague would come after the end brings no one; a call after everyone
 * came brings no one more. */
static void test_session_late_call(void **state)
{
    (void)state;
    sd_scenario *sc = load_ok("late.lua", SESSION_SC);
    run r;
    start_run(&r, sc);
    step_to(&r, 116);
    act_ok(&r, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_COLLEAGUE_BACKUP);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_run(r.s, &err), SD_OK);
    char names[4][32], list[256];
    int64_t at[4];
    assert_int_equal(notes(&r, names, at, 4), 0);
    replies(&r, list, sizeof list);
    assert_string_equal(list, "");
    end_run(&r);
    sd_scenario_free(sc);
}

/* A scripted participant's state table: state.colleagues counts the colleagues in. The
 * participant says what it saw in a publish text. */
static void test_state_table(void **state)
{
    (void)state;
    char bot_path[256];
    path_of("counter.lua", bot_path, sizeof bot_path);
    assert_int_equal(sd_test_write_file(bot_path,
        "participant { name = 'Kim' }\n"
        "local last = -1\n"
        "function on_item(item)\n"
        "  if item.id == 'p1' then\n"
        "    return { action = 'escalate', target = 'colleague_backup', after = '1m' }\n"
        "  end\n"
        "end\n"
        "function on_state(s)\n"
        "  if s.colleagues ~= last then\n"
        "    last = s.colleagues\n"
        "    return { action = 'publish', text = 'kollegor ' .. s.colleagues .. ' minut ' .. s.minute }\n"
        "  end\n"
        "end\n"), 0);
    sd_scenario *sc = load_ok("state.lua", SESSION_SC);
    sd_error err = SD_ERROR_INIT;
    sd_bot *bot = NULL;
    assert_int_equal(sd_bot_load(bot_path, NULL, NULL, 0, &bot, &err), SD_OK);
    run r;
    memset(&r, 0, sizeof r);
    r.g.start = sc->start;
    assert_int_equal(sd_results_create(&r.res, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim", .participant_kind = "scripted",
                             .results = r.res, .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &r.s, &err), SD_OK);
    assert_int_equal(sd_session_add_observer(r.s, observe, &r.g, &err), SD_OK);
    assert_int_equal(sd_bot_attach(bot, r.s, &err), SD_OK);
    assert_int_equal(sd_session_start(r.s, &err), SD_OK);
    assert_int_equal(sd_session_run(r.s, &err), SD_OK);
    char said[256] = "";
    for (size_t i = 0; i < r.g.n; i++)
        if (r.g.r[i].type == SD_REC_ACTION && r.g.r[i].kind == SD_ACT_PUBLISH)
            snprintf(said + strlen(said), sizeof said - strlen(said), "%s; ", r.g.r[i].text);
    /* state comes every 5 minutes; Sara is in from minute 6 */
    assert_string_equal(said, "kollegor 0 minut 5.0; kollegor 1 minut 10.0; ");
    end_run(&r);
    sd_bot_free(bot);
    sd_scenario_free(sc);
}

/* ---- the replies pass the tone checks ---- */

/* Runs scenario path with backup called at the start and checks every colleague reply
 * with the tone checks as the score runs them (signer: the colleague). */
static size_t tone_check_run(sd_lexicons *lx, const char *path, size_t min_replies)
{
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    assert_int_equal(sd_scenario_load(path, NULL, &sc, &err), SD_OK);
    sd_results *res = NULL;
    sd_session *s = NULL;
    assert_int_equal(sd_results_create(&res, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim", .results = res,
                             .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    sd_action a;
    sd_action_init(&a, SD_ACT_ESCALATE);
    a.target = SD_TARGET_COLLEAGUE_BACKUP;
    assert_int_equal(sd_session_act(s, &a, &err), SD_OK);
    assert_int_equal(sd_session_run(s, &err), SD_OK);

    sd_spell_extra *words = NULL;
    assert_int_equal(sd_spell_extra_create(&words, &err), SD_OK);
    for (size_t i = 0; i < sc->scoring.n_words; i++)
        assert_int_equal(sd_spell_extra_add(words, sc->scoring.words[i],
                                            strlen(sc->scoring.words[i]), &err), SD_OK);
    const sd_res_item *items = sd_results_items(res);
    const sd_res_action *acts = sd_results_actions(res);
    size_t checked = 0;
    for (size_t i = 0; i < sd_results_n_actions(res); i++) {
        const sd_res_action *ra = &acts[i];
        if (ra->by == NULL)
            continue;
        assert_int_equal(ra->kind, SD_ACT_REPLY);
        assert_true(ra->item >= 0);
        const sd_res_item *it = &items[ra->item];
        sd_reply_context cx = {.lang = sc->lang, .signer = ra->by, .scoring = &sc->scoring,
                               .words = words};
        sd_kp *kp = NULL;
        if (it->expect->content)
            assert_int_equal(sd_kp_compile(sd_lexicons_stemmer(lx), sc->lang, it->expect->content,
                                           &kp, &err), SD_OK);
        sd_reply_target to = {.expect = it->expect, .to_first = it->first,
                              .mood = (sd_mood)it->mood, .kp = kp};
        sd_tone_input in;
        sd_reply_tone_input(&cx, &to, ra->text, true, &in);
        sd_tone_result out;
        sd_tone_check_reply(lx, &in, &out);
        for (int c = 0; c < SD_TONE_CHECK_COUNT; c++)
            if (out.checks[c].applies && !out.checks[c].pass)
                fail_msg("%s: %s's reply to %s fails %s (%s):\n%s", path, ra->by, it->id,
                         sd_tone_check_id((sd_tone_check)c), out.checks[c].detail, ra->text);
        sd_kp_free(kp);
        checked++;
    }
    if (checked < min_replies)
        fail_msg("%s: only %zu colleague replies", path, checked);
    sd_spell_extra_free(words);
    sd_session_destroy(s);
    sd_results_free(res);
    sd_scenario_free(sc);
    return checked;
}

static void test_replies_pass_tone(void **state)
{
    (void)state;
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;
    if (sd_lexicons_load(SD_SOURCE_DIR "/assets", &lx, &err) != SD_OK)
        fail_msg("lexicons: %s", sd_error_msg(&err));
    size_t n = tone_check_run(lx, SD_TEST_DATA "/colleague.lua", 40);
    /* English: "Hi <first>!" and "Kind regards," */
    char path[256];
    path_of("en.lua", path, sizeof path);
    assert_int_equal(sd_test_write_file(path,
        "scenario { id = 'en', title = 'En', language = 'en', start = '2026-03-10 09:00',\n"
        "           duration = '1h', colleague = { delay = '2m', pace = '1m' } }\n"
        "persona { id = 'ann', first = 'Ann', mood = 'calm' }\n"
        "persona { id = 'bob', first = 'Bob', mood = 'worried' }\n"
        "post { id = 'p1', at = '+0m', text = 'The library closes in April.' }\n"
        "local E = { within = '30m', points = { { label = 'opens in September', say = { 'September' } } },\n"
        "            model = 'The library opens again in September. Until then, the branch in '\n"
        "                 .. 'the old town is open longer.' }\n"
        "comment { id = 'c1', at = '+1m', on = 'p1', author = 'ann', text = 'When?', expect = E }\n"
        "comment { id = 'c2', at = '+1m', on = 'p1', author = 'bob', text = 'Where now?', expect = E }\n"
        "storm { id = 's', on = 'p1', from = '+5m', to = '+30m', count = 200,\n"
        "        moods = { calm = 1, worried = 1 }, texts = { 'When do you open?' }, expect = E }\n"), 0);
    n += tone_check_run(lx, path, 10);
    print_message("%zu colleague replies pass every tone check\n", n);
    sd_lexicons_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loader_fields),
        cmocka_unit_test(test_loader_errors),
        cmocka_unit_test(test_session_colleagues),
        cmocka_unit_test(test_session_late_call),
        cmocka_unit_test(test_state_table),
        cmocka_unit_test(test_replies_pass_tone),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
