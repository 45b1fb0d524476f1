/* test_resume.c - resuming an interrupted exercise (session/resume.h). A person's
 * exercise with facilitator controls, live and prepared injects, refused and accepted
 * actions, a storm and simulated colleagues called in (whose replies the session makes
 * again, never given back as inputs) is run once without interruption; then its log is cut at every
 * record boundary and inside lines (a torn last line), resumed, and the rest of the same
 * inputs given: the final log and results must equal the uninterrupted run's byte for
 * byte (a live inject in a mood the facilitator chose included). Also: a changed scenario, a foreign participant script, a log that diverges and
 * logs that are empty or hold no header give clear errors and leave the log as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../support/tempdir.h"
#include "log/logr.h"
#include "log/logw.h"
#include "results/results.h"
#include "scenario/scenario.h"
#include "session/resume.h"
#include "session/session.h"

static char g_dir[64];

static const char *SCENARIO =
    "scenario { id = 'res', title = 'Resume', start = '2026-03-10 09:00', duration = '2h',\n"
    "           colleague = { delay = '4m', pace = '3m', more = { 'Johan' } } }\n"
    "persona { id = 'anna', first = 'Anna', last = 'Berg', mood = 'worried' }\n"
    "persona { id = 'olle', first = 'Olle', mood = 'angry' }\n"
    "post { id = 'p1', at = '+0m', text = 'Badet stänger i sommar.' }\n"
    "comment { id = 'c1', on = 'p1', at = '+2m', author = 'anna', text = 'Varför då?' }\n"
    "comment { id = 'c2', on = 'p1', at = '+9m', author = 'olle', text = 'Skandal!' }\n"
    "comment { id = 'c3', on = 'p1', at = '+3m', author = 'anna', text = 'När öppnar det?',\n"
    "          expect = { model = 'Badet öppnar igen i augusti.' } }\n"
    "for i = 4, 7 do comment { id = 'c' .. i, on = 'p1', at = '+20m', author = 'anna',\n"
    "  text = 'Och sedan?', expect = { model = 'Sedan öppnar badet igen.' } } end\n"
    "storm { id = 's', on = 'p1', from = '+5m', to = '+50m', count = 120,\n"
    "        moods = { frustrated = 2, calm = 1, worried = 1 },\n"
    "        texts = { 'Varför?', 'Svara!', 'Hur tänkte ni?' },\n"
    "        expect = { model = 'Badet renoveras och öppnar igen i augusti.' } }\n"
    "every('7m', function() if math.random() < 0.5 then set_rate('s', 1.5) end end)\n"
    "prepared { kind = 'comment', author = 'anna', on = 'p1', text = 'Förberedd fråga?' }\n";

typedef enum { ST_PAUSE, ST_RESUME, ST_SPEED, ST_ACT, ST_INJECT, ST_PREPARED, ST_BACKUP, ST_END } step_kind;

typedef struct step {
    int64_t at;       /* seconds after the start */
    step_kind kind;
    sd_action_kind action;
    const char *item, *text;
} step;

static const step STEPS[] = {
    {60, ST_PAUSE, 0, NULL, NULL},
    {60, ST_SPEED, 0, NULL, NULL},
    {60, ST_RESUME, 0, NULL, NULL},
    {200, ST_ACT, SD_ACT_REPLY, "c1", "Hej Anna! Badet behöver renoveras. Vänliga hälsningar, Kim"},
    {230, ST_ACT, SD_ACT_REPLY, "nope", "Till ingen alls"},
    {240, ST_BACKUP, 0, NULL, NULL},
    {400, ST_INJECT, 0, "p1", "En fråga från facilitatorn: när öppnar badet igen?"},
    {600, ST_PREPARED, 0, NULL, NULL},
    {650, ST_BACKUP, 0, NULL, NULL},
    {700, ST_ACT, SD_ACT_HIDE, "c2", NULL},
    {900, ST_ACT, SD_ACT_REPLY, "s-3", "Hej! Vi svarar alla här i tråden. Vänliga hälsningar, Kim"},
    {1500, ST_ACT, SD_ACT_PUBLISH, NULL, "Uppdatering: badet öppnar igen i augusti."},
    {3000, ST_END, 0, NULL, NULL},
};
#define N_STEPS (sizeof STEPS / sizeof STEPS[0])

static void write_file(const char *path, const char *text)
{
    assert_int_equal(sd_test_write_file(path, text), 0);
}

static char *read_file(const char *path, size_t *len)
{
    char *text = sd_test_read_file(path, len);
    assert_non_null(text);
    return text;
}

/* Gives steps [from, N_STEPS) at their times, then runs to the end. */
static void run_steps(sd_session *s, const sd_scenario *sc, size_t from)
{
    sd_error err = SD_ERROR_INIT;
    for (size_t i = from; i < N_STEPS; i++) {
        const step *p = &STEPS[i];
        int64_t ahead = sc->start + p->at - sd_session_now(s);
        assert_true(ahead >= 0);
        assert_int_equal(sd_session_step_sim(s, (double)ahead, &err), SD_OK);
        switch (p->kind) {
        case ST_PAUSE: sd_session_pause(s, true); break;
        case ST_RESUME: sd_session_pause(s, false); break;
        case ST_SPEED: sd_session_set_compression(s, 20); break;
        case ST_ACT: {
            sd_action a;
            sd_action_init(&a, p->action);
            a.item = p->item;
            a.text = p->text;
            sd_status st = sd_session_act(s, &a, &err);
            assert_true(st == SD_OK || st == SD_ERR_INPUT);
            sd_error_clear(&err);
            break;
        }
        case ST_INJECT: {
            sd_inject inj = {.kind = SD_KIND_COMMENT, .author = "anna", .on = p->item,
                             .text = p->text, .sender = -1,
                             .mood = SD_MOOD_FRUSTRATED}; /* not anna's: resume keeps it */
            assert_int_equal(sd_session_inject(s, &inj, &err), SD_OK);
            break;
        }
        case ST_PREPARED: {
            bool injected;
            assert_int_equal(sd_session_inject_prepared(s, &injected, &err), SD_OK);
            assert_true(injected);
            break;
        }
        case ST_BACKUP: {
            sd_action a;
            sd_action_init(&a, SD_ACT_ESCALATE);
            a.target = SD_TARGET_COLLEAGUE_BACKUP;
            assert_int_equal(sd_session_act(s, &a, &err), SD_OK);
            break;
        }
        case ST_END: assert_int_equal(sd_session_end(s, NULL, &err), SD_OK); break;
        }
    }
    assert_int_equal(sd_session_run(s, &err), SD_OK);
}

static char *results_json(const sd_results *res)
{
    sd_buf b = SD_BUF_INIT;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_to_json(res, &b, &err), SD_OK);
    return sd_buf_take(&b);
}

/* The uninterrupted run: its log bytes and results. */
static void reference(const char *scenario, const char *log, char **log_bytes, size_t *log_len,
                      char **results)
{
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_logw *w = NULL;
    sd_results *res = NULL;
    sd_session *s = NULL;
    assert_int_equal(sd_scenario_load(scenario, NULL, &sc, &err), SD_OK);
    assert_int_equal(sd_logw_open(log, &w, &err), SD_OK);
    assert_int_equal(sd_results_create(&res, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim", .participant_kind = "person",
                             .log = w, .results = res, .no_wall_clock = true,
                             .date = "2026-11-25"};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    run_steps(s, sc, 0);
    sd_session_destroy(s);
    assert_int_equal(sd_logw_close(w, &err), SD_OK);
    *results = results_json(res);
    sd_results_free(res);
    sd_scenario_free(sc);
    *log_bytes = read_file(log, log_len);
}

/* How many of the steps the log holds: the inputs it records. */
static size_t steps_logged(const char *log)
{
    sd_logr *r = NULL;
    sd_error err = SD_ERROR_INIT;
    size_t n = 0;
    assert_int_equal(sd_logr_open(log, &r, &err), SD_OK);
    for (;;) {
        sd_record rec;
        bool got;
        assert_int_equal(sd_logr_next(r, &rec, &got, &err), SD_OK);
        if (!got)
            break;
        if ((rec.type == SD_REC_ACTION && rec.u.action.by == NULL) || rec.type == SD_REC_REJECTED ||
            rec.type == SD_REC_FACILITATOR ||
            (rec.type == SD_REC_END && strcmp(rec.u.end.reason, "ended by facilitator") == 0))
            n++;
    }
    sd_logr_close(r);
    return n;
}

/* Resumes the log at path and finishes the exercise with the remaining steps. */
static sd_status resume_and_finish(const char *scenario, const char *path, char **results,
                                   sd_resume_info *info, sd_error *err)
{
    sd_log_origin o;
    sd_status st = sd_log_origin_read(path, &o, err);
    if (st != SD_OK)
        return st;
    sd_scenario *sc = NULL;
    sd_results *res = NULL;
    sd_session *s = NULL;
    sd_logw *w = NULL;
    assert_int_equal(sd_scenario_load(scenario, NULL, &sc, err), SD_OK);
    assert_int_equal(sd_results_create(&res, err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .seed_set = true, .seed = o.seed, .date = o.date,
                             .participant = o.participant, .participant_kind = o.participant_kind,
                             .results = res, .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &s, err), SD_OK);
    st = sd_session_resume(s, &o, path, &w, info, err);
    if (st == SD_OK) {
        size_t done = steps_logged(path);
        run_steps(s, sc, done);
        *results = results_json(res);
    }
    sd_session_destroy(s);
    if (w)
        assert_int_equal(sd_logw_close(w, err), SD_OK);
    sd_results_free(res);
    sd_scenario_free(sc);
    sd_log_origin_clear(&o);
    return st;
}

static void test_resume_at_every_cut(void **state)
{
    (void)state;
    char scenario[128], ref_log[128], cut_log[128];
    snprintf(scenario, sizeof scenario, "%s/res.lua", g_dir);
    snprintf(ref_log, sizeof ref_log, "%s/ref.jsonl", g_dir);
    snprintf(cut_log, sizeof cut_log, "%s/cut.jsonl", g_dir);
    write_file(scenario, SCENARIO);
    char *ref = NULL, *ref_results = NULL;
    size_t ref_len = 0;
    reference(scenario, ref_log, &ref, &ref_len, &ref_results);
    /* the colleagues called in replied (their records are the session's, not inputs) */
    assert_non_null(strstr(ref, "\"by\":\"Sara\""));
    assert_non_null(strstr(ref, "\"by\":\"Johan\""));

    /* Cut points: after each line (a clean stop between records) and within lines. */
    size_t cuts = 0, torn = 0;
    uint32_t rng = 12345;
    size_t header_end = (size_t)(strchr(ref, '\n') - ref) + 1;
    for (size_t off = header_end; off < ref_len; off++) {
        bool boundary = ref[off - 1] == '\n';
        rng = rng * 1103515245u + 12345u;
        if (!boundary && (rng >> 16) % 97 != 0)
            continue; /* about one cut in a hundred within lines */
        FILE *f = fopen(cut_log, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(ref, 1, off, f), off);
        if (!boundary && ((rng >> 8) & 1)) /* as the writer leaves it: NUL padding */
            for (int i = 0; i < 4096; i++)
                fputc('\0', f);
        fclose(f);
        char *results = NULL;
        sd_resume_info info;
        sd_error err = SD_ERROR_INIT;
        sd_status st = resume_and_finish(scenario, cut_log, &results, &info, &err);
        if (st != SD_OK)
            fail_msg("cut at byte %zu: %s", off, sd_error_msg(&err));
        if (!boundary && ref[off] != '\n') { /* cut just before a newline: the line is whole */
            if (info.torn == NULL)
                fail_msg("cut at byte %zu: the torn line was not reported", off);
            torn++;
        }
        size_t len;
        char *got = read_file(cut_log, &len);
        if (len != ref_len || memcmp(got, ref, len) != 0)
            fail_msg("cut at byte %zu: the resumed log differs from the uninterrupted one", off);
        assert_string_equal(results, ref_results);
        free(got);
        free(results);
        sd_resume_info_clear(&info);
        cuts++;
    }
    print_message("resumed %zu cuts (%zu of them torn lines)\n", cuts, torn);
    assert_true(cuts > 100 && torn > 10);
    free(ref);
    free(ref_results);
}

/* The program stopped between a live inject's facilitator record and its item: the inject
 * is dropped with a warning and the exercise goes on without it. */
static void test_inject_cut_between_lines(void **state)
{
    (void)state;
    char scenario[128], log[128];
    snprintf(scenario, sizeof scenario, "%s/res.lua", g_dir);
    snprintf(log, sizeof log, "%s/inj.jsonl", g_dir);
    write_file(scenario, SCENARIO);
    char *ref = NULL, *ref_results = NULL;
    size_t ref_len = 0;
    reference(scenario, log, &ref, &ref_len, &ref_results);
    const char *inj = strstr(ref, "\"did\":\"inject\"");
    assert_non_null(inj);
    const char *end = strchr(inj, '\n');
    size_t keep = (size_t)(end - ref) + 1;
    FILE *f = fopen(log, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(ref, 1, keep, f), keep);
    fclose(f);

    sd_log_origin o;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_log_origin_read(log, &o, &err), SD_OK);
    sd_scenario *sc = NULL;
    sd_session *s = NULL;
    sd_logw *w = NULL;
    sd_resume_info info;
    assert_int_equal(sd_scenario_load(scenario, NULL, &sc, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .seed_set = true, .seed = o.seed, .date = o.date, .participant = "Kim",
                             .participant_kind = "person", .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_session_resume(s, &o, log, &w, &info, &err), SD_OK);
    assert_non_null(info.torn);
    assert_non_null(strstr(info.torn, "inject it again"));
    assert_int_equal(sd_session_run(s, &err), SD_OK);
    sd_session_destroy(s);
    assert_int_equal(sd_logw_close(w, &err), SD_OK);
    size_t len;
    char *got = read_file(log, &len);
    assert_null(strstr(got, "\"did\":\"inject\"")); /* dropped */
    const char *line_start = inj;
    while (line_start > ref && line_start[-1] != '\n')
        line_start--;
    size_t prefix = (size_t)(line_start - ref);
    assert_true(len > prefix);
    assert_memory_equal(got, ref, prefix); /* all before the inject kept as it was */
    free(got);
    sd_resume_info_clear(&info);
    sd_log_origin_clear(&o);
    sd_scenario_free(sc);
    free(ref);
    free(ref_results);
}

/* Each bad case leaves the log byte for byte as it was. */
static void expect_refused(const char *scenario, const char *log, const char *want)
{
    size_t before_len;
    char *before = read_file(log, &before_len);
    char *results = NULL;
    sd_resume_info info = {0};
    sd_error err = SD_ERROR_INIT;
    assert_int_not_equal(resume_and_finish(scenario, log, &results, &info, &err), SD_OK);
    if (strstr(sd_error_msg(&err), want) == NULL)
        fail_msg("expected '%s' in: %s", want, sd_error_msg(&err));
    assert_non_null(strstr(sd_error_msg(&err), log));
    size_t after_len;
    char *after = read_file(log, &after_len);
    assert_int_equal(after_len, before_len);
    assert_memory_equal(after, before, before_len);
    free(before);
    free(after);
    free(results);
    sd_resume_info_clear(&info);
    sd_error_clear(&err);
}

static void test_refusals(void **state)
{
    (void)state;
    char scenario[128], changed[128], log[128];
    snprintf(scenario, sizeof scenario, "%s/res.lua", g_dir);
    snprintf(changed, sizeof changed, "%s/changed.lua", g_dir);
    snprintf(log, sizeof log, "%s/bad.jsonl", g_dir);
    write_file(scenario, SCENARIO);
    char *ref = NULL, *ref_results = NULL;
    size_t ref_len = 0;
    reference(scenario, log, &ref, &ref_len, &ref_results);

    /* Half the log, then the scenario file changes under it. */
    FILE *f = fopen(log, "wb");
    assert_non_null(f);
    fwrite(ref, 1, ref_len / 2, f);
    fclose(f);
    char *text = malloc(strlen(SCENARIO) + 64);
    assert_non_null(text);
    sprintf(text, "%s-- edited\n", SCENARIO);
    write_file(changed, text);
    free(text);
    expect_refused(changed, log, "has changed since the exercise began");

    /* A logged record the run does not make: the message names the line. */
    char *bent = malloc(ref_len + 1);
    assert_non_null(bent);
    memcpy(bent, ref, ref_len + 1);
    char *c1 = strstr(bent, "Varför då?");
    assert_non_null(c1);
    memcpy(c1, "Varför så?", strlen("Varför så?"));
    f = fopen(log, "wb");
    fwrite(bent, 1, ref_len / 2, f);
    fclose(f);
    expect_refused(scenario, log, "the hash chain breaks here"); /* edited by hand */
    sd_buf chained = SD_BUF_INIT;
    assert_int_equal(sd_chain_rewrite(bent, ref_len / 2, NULL, &chained), SD_OK);
    f = fopen(log, "wb");
    fwrite(chained.data, 1, chained.len, f);
    fclose(f);
    sd_buf_free(&chained);
    expect_refused(scenario, log, "does not run as it was logged"); /* the chain made again */
    free(bent);

    /* An empty log and one whose first line is not a header. */
    write_file(log, "");
    expect_refused(scenario, log, "empty");
    const char *nl = strchr(ref, '\n');
    f = fopen(log, "wb");
    fwrite(nl + 1, 1, ref_len / 3, f);
    fclose(f);
    expect_refused(scenario, log, "header");
    free(ref);
    free(ref_results);
}

static int setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_resume");
}

static int teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resume_at_every_cut),
        cmocka_unit_test(test_inject_cut_between_lines),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
