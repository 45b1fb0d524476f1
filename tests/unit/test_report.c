/* test_report.c - the report: the validating reader of results files (a valid document and
 * a table of bad ones, each with the message that must name the file and the field), the
 * CSV cells (RFC 4180 quoting, the formula guard, UTF-8 repair), the two CSV files, and
 * the HTML page (balanced tags, escaped text, valid UTF-8, no scripts, the charts and the
 * version marks present). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../support/tempdir.h"
#include "report/charts.h"
#include "report/html.h"
#include "report/rcsv.h"
#include "report/report.h"
#include "report/rread.h"
#include "util/csvw.h"
#include "util/utf8.h"

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* A valid results document (stormdrill.result/1), shortened to the fields the report reads. */
static const char base[] =
    "{\n"
    "  \"schema\": \"stormdrill.result/1\",\n"
    "  \"program\": \"stormdrill 0.1.0\",\n"
    "  \"scenario\": { \"id\": \"mini\", \"title\": \"Minitest <b>&\", \"sha256\": \"" SHA_A "\", \"language\": \"sv\" },\n"
    "  \"participant\": { \"name\": \"Åsa\", \"kind\": \"scripted\", \"sha256\": \"abc\" },\n"
    "  \"date\": \"2026-03-01\",\n"
    "  \"seed\": 7,\n"
    "  \"start\": \"2026-03-10T09:00:00\",\n"
    "  \"end\": \"2026-03-10T11:00:00\",\n"
    "  \"end_reason\": \"duration\",\n"
    "  \"summary\": { \"items\": 2, \"expecting_answer\": 1, \"answered\": 1, \"on_time\": 1, \"late\": 0,\n"
    "    \"unanswered\": 0, \"actions\": 3, \"rejected_actions\": 0, \"median_answer_seconds\": 180,\n"
    "    \"p90_answer_seconds\": 180 },\n"
    "  \"scores\": { \"speed\": 100, \"tone\": 75, \"escalation\": 50, \"overall\": 77.5,\n"
    "    \"weights\": { \"speed\": 0.4, \"tone\": 0.35, \"escalation\": 0.25 } },\n"
    "  \"figures\": { \"expecting_answer\": 1, \"replies_checked\": 1, \"storm_hours\": [] },\n"
    "  \"feedback\": [ { \"rule\": \"greeting\", \"item\": \"c1\", \"count\": 1, \"severity\": \"minor\",\n"
    "    \"cost\": 2.5, \"text\": \"=Hej saknas <script>\" } ],\n"
    "  \"actions\": [ { \"t\": \"2026-03-10T09:30:00\", \"action\": \"account\", \"step\": \"enable_2fa\" } ],\n"
    "  \"items\": [\n"
    "    { \"id\": \"p1\", \"kind\": \"post\", \"arrival\": \"2026-03-10T09:00:00\", \"deadline\": null,\n"
    "      \"answered_at\": null, \"expect\": { \"answer\": false }, \"actions\": [] },\n"
    "    { \"id\": \"c1\", \"kind\": \"comment\", \"author\": { \"id\": \"anna\", \"first\": \"Anna\", \"last\": \"Berg\" },\n"
    "      \"mood\": \"angry\", \"arrival\": \"2026-03-10T09:05:00\", \"deadline\": \"2026-03-10T09:35:00\",\n"
    "      \"answered_at\": \"2026-03-10T09:08:00\", \"answer_seconds\": 180, \"answer_action\": \"reply\",\n"
    "      \"late\": false, \"expect\": { \"answer\": true }, \"speed_score\": 100,\n"
    "      \"tone\": [ { \"reply_at\": \"2026-03-10T09:08:00\", \"score\": 75, \"checks\": [\n"
    "        { \"id\": \"greeting\", \"applies\": true, \"pass\": false },\n"
    "        { \"id\": \"signoff\", \"applies\": true, \"pass\": true },\n"
    "        { \"id\": \"link\", \"applies\": false, \"pass\": true },\n"
    "        { \"id\": \"answers\", \"applies\": true, \"pass\": true } ] } ],\n"
    "      \"verdicts\": { \"escalations\": [ { \"target\": \"manager\", \"verdict\": \"on_time\" },\n"
    "        { \"target\": \"press_officer\", \"verdict\": \"missing\" } ], \"decision\": \"reply\", \"faults\": [] },\n"
    "      \"actions\": [ { \"t\": \"2026-03-10T09:08:00\", \"action\": \"reply\", \"item\": \"c1\", \"text\": \"Hej\" },\n"
    "        { \"t\": \"2026-03-10T09:10:00\", \"action\": \"escalate\", \"item\": \"c1\", \"target\": \"manager\" } ] }\n"
    "  ]\n"
    "}\n";

/* base with the first occurrence of from replaced by to (caller frees). */
static char *mutate(const char *from, const char *to)
{
    const char *at = strstr(base, from);
    assert_non_null(at);
    size_t n = strlen(base) - strlen(from) + strlen(to) + 1;
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from));
    return s;
}

static sd_status count_items(void *ctx, const sd_rr *rr, const sd_rr_item *it, sd_error *err)
{
    (void)rr;
    (void)err;
    (void)it;
    (*(int *)ctx)++;
    return SD_OK;
}

static void test_read_valid(void **state)
{
    (void)state;
    int n = 0;
    sd_rr_options opt = {.on_item = count_items, .ctx = &n};
    sd_rr *rr = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_rr_read_buffer("t.json", base, strlen(base), &opt, &rr, &err), SD_OK);
    assert_int_equal(n, 2);
    assert_string_equal(rr->participant, "Åsa");
    assert_string_equal(rr->scenario_id, "mini");
    assert_string_equal(rr->date, "2026-03-01");
    assert_true(rr->overall == 77.5);
    assert_int_equal(rr->n_items, 2);
    assert_int_equal(rr->n_feedback, 1);
    assert_int_equal(rr->feedback[0].rule, SD_RULE_GREETING);
    assert_int_equal(rr->checks[SD_RULE_GREETING][1], 1);
    assert_int_equal(rr->checks[SD_RULE_SIGNOFF][0], 1);
    assert_int_equal(rr->checks[SD_RULE_LINK][0] + rr->checks[SD_RULE_LINK][1], 0); /* not applicable */
    assert_int_equal(rr->checks[SD_RULE_ANSWER_QUESTIONS][0], 1); /* the check "answers" */
    /* Timeline: the escalation at 09:10 (on time), the account step at 09:30, the missing one last. */
    assert_int_equal(rr->n_events, 3);
    assert_int_equal(rr->events[0].kind, SD_RR_EV_ESCALATE);
    assert_int_equal(rr->events[0].what, SD_TARGET_MANAGER);
    assert_int_equal(rr->events[0].verdict, SD_RR_ON_TIME);
    assert_string_equal(rr->events[0].item, "c1");
    assert_int_equal(rr->events[1].kind, SD_RR_EV_ACCOUNT);
    assert_int_equal(rr->events[2].verdict, SD_RR_MISSING);
    assert_true(rr->events[2].t == 0);
    /* Two hours in 5-minute bins: p1 in the first, c1 (answered after 3 min) in the second. */
    assert_int_equal(rr->bin_seconds, 300);
    assert_int_equal(rr->n_bins, 24);
    assert_int_equal(rr->bins[0].arrived, 1);
    assert_int_equal(rr->bins[0].answered, 0);
    assert_true(rr->bins[0].median_answer < 0);
    assert_int_equal(rr->bins[1].arrived, 1);
    assert_true(rr->bins[1].median_answer == 180);
    sd_rr_free(rr);
}

/* The items first (not the writer's order): the reader reads them after the top level. */
static void test_read_other_order(void **state)
{
    (void)state;
    const char *items = strstr(base, "\"items\": [\n");
    const char *items_end = strrchr(base, ']') + 1;
    const char *rest_end = items;
    while (rest_end[-1] != ',')
        rest_end--;
    size_t a = (size_t)(items_end - items), b = (size_t)(rest_end - 1 - (base + 1));
    char *doc = malloc(a + b + 4);
    assert_non_null(doc);
    doc[0] = '{';
    memcpy(doc + 1, items, a);
    doc[1 + a] = ',';
    memcpy(doc + 2 + a, base + 1, b);
    memcpy(doc + 2 + a + b, "}", 2);
    int count = 0;
    sd_rr_options opt = {.on_item = count_items, .ctx = &count};
    sd_rr *rr = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_rr_read_buffer("t.json", doc, strlen(doc), &opt, &rr, &err) != SD_OK)
        fail_msg("%s\n%s", sd_error_msg(&err), doc);
    assert_int_equal(count, 2);
    assert_int_equal(rr->n_events, 3);
    assert_string_equal(rr->participant, "Åsa");
    sd_rr_free(rr);
    free(doc);
}

typedef struct bad_case {
    const char *from, *to; /* a change to the valid document (from NULL: to is the whole file) */
    const char *message;   /* must appear in the error */
} bad_case;

/* A review member put in before the top-level actions. */
#define RV_AT "\"actions\": [ { \"t\""
#define RV(body) "\"review\": { " body " },\n  \"actions\": [ { \"t\""
#define RV_HEAD(ev) "\"format\": \"stormdrill.review/1\", \"evaluators\": " ev ", "
#define RV_COUNTS "\"marks\": 3, \"replies_reviewed\": 1, \"decisions_reviewed\": 1, \"compared\": 3, \"agreed\": 2, "
#define RV_GOOD RV(RV_HEAD("[\"Eva\", \"<i>Olle</i>\"]") RV_COUNTS \
    "\"agreement\": [ { \"rule\": \"answer_questions\", \"reviewed\": 1, \"agreed\": 1 }, " \
    "{ \"rule\": \"spelling\", \"reviewed\": 1, \"agreed\": 0 }, { \"rule\": \"response_model\", \"reviewed\": 1, \"agreed\": 1 } ]")

static const bad_case bad_cases[] = {
    {"\"arrival\": \"2026-03-10T09:05:00\"", "\"arrival\": \"09:05\"",
     "t.json: field items[1].arrival: expected a time like 2026-03-13T18:00:00"},
    {"\"arrival\": \"2026-03-10T09:00:00\"", "\"arrival\": 5",
     "t.json: field items[0].arrival: expected a time like 2026-03-13T18:00:00"},
    {"\"speed\": 100,", "\"speed\": 150,", "t.json: field scores.speed: expected a number from 0 to 100, got 150"},
    {"\"speed\": 100,", "\"speed\": \"100\",", "t.json: field scores.speed: expected a number"},
    {"\"program\": \"stormdrill 0.1.0\",", "", "t.json: field program: is missing"},
    {"\"scores\"", "\"skores\"", "t.json: field scores: is missing"},
    {"stormdrill.result/1", "stormdrill.result/9",
     "t.json: field schema: 'stormdrill.result/9' is not supported (this program reads stormdrill.result/2 and stormdrill.result/1)"},
    {"\"schema\": \"stormdrill.result/1\"", "\"schema\": 1", "t.json: field schema: '(not a text)' is not supported"},
    {"\"mood\": \"angry\"", "\"mood\": \"furious\"", "t.json: field items[1].mood: unknown mood 'furious'"},
    {"\"mood\": \"angry\"", "\"mood\": \"xåååååååååååååååååååååååååååååå\"", "t.json: field items[1].mood: unknown mood 'xååååååååååååååååååå...'"},
    {"\"mood\": \"angry\"", "\"mood\": \"a\\nb\"", "t.json: field items[1].mood: unknown mood 'a?b'"},
    {"\"verdict\": \"missing\"", "\"verdict\": \"maybe\"",
     "t.json: field items[1].verdicts.escalations[1].verdict: unknown verdict 'maybe'"},
    {"\"rule\": \"greeting\"", "\"rule\": \"gretting\"", "t.json: field feedback[0].rule: unknown rule id 'gretting'"},
    {"\"severity\": \"minor\"", "\"severity\": \"huge\"", "t.json: field feedback[0].severity: unknown severity 'huge'"},
    {"\"cost\": 2.5", "\"cost\": -1", "t.json: field feedback[0].cost: expected a number from 0 to 100, got -1"},
    {"\"seed\": 7", "\"seed\": 7.5", "t.json: field seed: expected a whole number"},
    {"\"seed\": 7", "\"seed\": -1", "t.json: field seed: expected a whole number from 0 to"},
    {"\"date\": \"2026-03-01\"", "\"date\": \"2026-02-30\"", "t.json: field date: expected a date like 2026-03-13 or null"},
    {"\"items\": [", "\"items\": 5, \"x\": [", "t.json: field items: expected a list"},
    {"\"items\": [", "\"itemz\": [", "t.json: field items: is missing"},
    {"\"items\": [\n", "\"items\": [ 3,\n", "t.json: field items[0]: expected an object"},
    {"\"pass\": false", "\"pass\": \"no\"", "t.json: field items[1].tone[0].checks[0].pass: expected true or false"},
    {"\"id\": \"greeting\"", "\"id\": \"hello\"", "t.json: field items[1].tone[0].checks[0].id: unknown rule id 'hello'"},
    {"\"answer_seconds\": 180,", "\"answer_seconds\": 181,", "t.json: field items[1].answer_seconds: is not answered_at - arrival"},
    {"\"answer_seconds\": 180,", "", "t.json: field items[1].answer_seconds: is missing"},
    {"\"end\": \"2026-03-10T11:00:00\"", "\"end\": \"2026-03-09T11:00:00\"", "t.json: field end: the end is before the start"},
    {"\"faults\": []", "\"faults\": [\"oops\"]", "t.json: field items[1].verdicts.faults[0]: unknown fault 'oops'"},
    {"\"faults\": []", "\"faults\": [1]", "t.json: field items[1].verdicts.faults[0]: expected a text"},
    {"\"sha256\": \"" SHA_A "\"", "\"sha256\": \"xyz\"", "t.json: field scenario.sha256: expected 64 hexadecimal digits"},
    {"\"language\": \"sv\"", "\"language\": \"fi\"", "t.json: field scenario.language: unknown language 'fi'"},
    {"\"kind\": \"scripted\"", "\"kind\": \"robot\"", "t.json: field participant.kind: unknown participant kind 'robot'"},
    {"\"target\": \"manager\" } ]", "\"target\": \"boss\" } ]", "t.json: field items[1].actions[1].target: unknown escalation target 'boss'"},
    {"\"action\": \"account\", \"step\": \"enable_2fa\"", "\"action\": \"account\"", "t.json: field actions[0].step: is missing"},
    {"\"participant\": {", "\"participant\": [], \"x\": {", "t.json: field participant: expected an object"},
    {"\"first\": \"Anna\"", "\"first\": null", "t.json: field items[1].author.first: expected a text"},
    {"\"kind\": \"comment\"", "\"kind\": \"tweet\"", "t.json: field items[1].kind: unknown item kind 'tweet'"},
    {"\"expect\": { \"answer\": false }", "\"expect\": 1", "t.json: field items[0].expect: expected an object"},
    {"\"speed_score\": 100", "\"speed_score\": 1e9", "t.json: field items[1].speed_score: expected a number from 0 to 100"},
    {"\"mood\": \"angry\", ", "", "t.json: field items[1].mood: is missing"},
    {"{ \"id\": \"p1\", \"kind\": \"post\"", "{ \"id\": \"p1\", \"kind\": tru", "t.json: field items[0]: not valid JSON"},
    {"\"feedback\": [", "\"feedback\": [}", "t.json: field feedback: not valid JSON (at byte"},
    {"\"end_reason\": \"duration\"", "\"end_reason\": \"duration", "t.json: not a results file: not valid JSON (at byte"},
    {"\"seed\": 7,", "\"seed\" 7,", "t.json: not a results file: not valid JSON (at byte"},
    /* the review member (stormdrill score LOG --review FILE) is checked like the rest */
    {RV_AT, RV("\"format\": \"stormdrill.review/2\", \"evaluators\": [], \"marks\": 0, \"replies_reviewed\": 0, "
               "\"decisions_reviewed\": 0, \"compared\": 0, \"agreed\": 0, \"agreement\": []"),
     "t.json: field review.format: expected \"stormdrill.review/1\""},
    {RV_AT, RV(RV_HEAD("[5]") RV_COUNTS "\"agreement\": []"), "t.json: field review.evaluators[0]: expected a name"},
    {RV_AT, RV(RV_HEAD("[\"Ev\xff\"]") RV_COUNTS "\"agreement\": []"), "t.json: field review.evaluators[0]: expected a name"},
    {RV_AT, RV(RV_HEAD("\"Eva\"") RV_COUNTS "\"agreement\": []"), "t.json: field review.evaluators: expected a list"},
    {RV_AT, RV(RV_HEAD("[]") "\"marks\": -1, \"replies_reviewed\": 0, \"decisions_reviewed\": 0, \"compared\": 0, "
               "\"agreed\": 0, \"agreement\": []"), "t.json: field review.marks: expected a whole number from 0"},
    {RV_AT, RV(RV_HEAD("[]") "\"marks\": 1, \"replies_reviewed\": 0, \"decisions_reviewed\": 0, \"compared\": 1, "
               "\"agreed\": 2, \"agreement\": []"), "t.json: field review.agreed: more agreed than compared"},
    {RV_AT, RV(RV_HEAD("[]") RV_COUNTS "\"agreement\": {}"), "t.json: field review.agreement: expected a list"},
    {RV_AT, RV(RV_HEAD("[]") RV_COUNTS "\"agreement\": [ 1 ]"), "t.json: field review.agreement[0]: expected an object"},
    {RV_AT, RV(RV_HEAD("[]") RV_COUNTS "\"agreement\": [ { \"rule\": \"<script>\", \"reviewed\": 1, \"agreed\": 1 } ]"),
     "t.json: field review.agreement[0].rule: expected a rule id"},
    {RV_AT, RV(RV_HEAD("[]") RV_COUNTS "\"agreement\": [ { \"rule\": \"greeting\", \"reviewed\": 1, \"agreed\": 3 } ]"),
     "t.json: field review.agreement[0].agreed: more agreed than reviewed"},
    {RV_AT, RV(RV_HEAD("[]") RV_COUNTS "\"agreement\": [ { \"rule\": \"greeting\", \"reviewed\": \"1\", \"agreed\": 0 } ]"),
     "t.json: field review.agreement[0].reviewed: expected a whole number"},
    {RV_AT, RV(RV_HEAD("[]") RV_COUNTS "\"agreement\": [ { \"rule\": \"tone\", \"reviewed\": 1, \"agreed\": 1 }, "
               "{ \"rule\": \"tone\", \"reviewed\": 1, \"agreed\": 1 } ]"),
     "t.json: field review.agreement[1].rule: the rule is listed twice"},
    {RV_AT, "\"review\": 3,\n  \"actions\": [ { \"t\"", "t.json: field review: expected an object"},
    {NULL, "hello", "t.json: not a results file: not a JSON object (at byte 0)"},
    {NULL, "", "t.json: not a results file: the file is empty"},
    {NULL, "   \n", "t.json: not a results file: the file is empty"},
    {NULL, "{\"a\": 1}", "t.json: not a Stormdrill results file: field schema is missing"},
    {NULL, "[1, 2]", "t.json: not a results file: not a JSON object"},
    {NULL, "{\"schema\": \"stormdrill.result/1\"", "t.json: not a results file: not valid JSON"},
    {NULL, "{\"type\":\"header\",\"t\":\"2026-03-10T09:00:00\",\"format\":\"stormdrill.log/1\"}\n{\"type\":\"end\"}\n",
     "t.json: this is a session log, not a results file: make the results with 'stormdrill score LOG --out RESULTS.json'"},
    {NULL, "{\"schema\": \"stormdrill.result/1\"} {}", "t.json: not a results file: more data after the JSON object"},
};

static void test_read_bad(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const bad_case *c = &bad_cases[i];
        char *doc = c->from ? mutate(c->from, c->to) : strdup(c->to);
        sd_rr *rr = (sd_rr *)1;
        sd_error err = SD_ERROR_INIT;
        sd_status st = sd_rr_read_buffer("t.json", doc, strlen(doc), NULL, &rr, &err);
        if (st != SD_ERR_INPUT || strstr(sd_error_msg(&err), c->message) == NULL)
            fail_msg("case %zu (%s -> %s): status %d, message '%s', expected '%s'", i,
                     c->from ? c->from : "(file)", c->to, st, sd_error_msg(&err), c->message);
        assert_null(rr);
        sd_error_clear(&err);
        free(doc);
    }
}

static void test_read_limits(void **state)
{
    (void)state;
    sd_rr_options opt = {.max_bytes = 100};
    sd_rr *rr = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_rr_read_buffer("big.json", base, strlen(base), &opt, &rr, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "big.json: the file is"));
    assert_non_null(strstr(sd_error_msg(&err), "more than the 100 a results file may have"));
    sd_error_clear(&err);
    /* From a file: the same limit before it is read; a missing file is named. */
    char dir[64];
    assert_int_equal(sd_test_tempdir_make(dir, "sd_report"), 0);
    char path[128];
    snprintf(path, sizeof path, "%s/r.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(base, f);
    fclose(f);
    assert_int_equal(sd_rr_read(path, &opt, &rr, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), path));
    sd_error_clear(&err);
    assert_int_equal(sd_rr_read(path, NULL, &rr, &err), SD_OK);
    sd_rr_free(rr);
    snprintf(path, sizeof path, "%s/none.json", dir);
    assert_int_equal(sd_rr_read(path, NULL, &rr, &err), SD_ERR_IO);
    assert_non_null(strstr(sd_error_msg(&err), "none.json: cannot open"));
    sd_error_clear(&err);
    assert_int_equal(sd_test_tempdir_remove(dir), 0);
}

/* ---- CSV ---- */

static void test_csv_cells(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_csv_text(&b, "plain", false);
    sd_csv_text(&b, "a,b", false);
    sd_csv_text(&b, "say \"hi\"", false);
    sd_csv_text(&b, "two\nlines", false);
    sd_csv_text(&b, "=SUM(A1:A9)", false);
    sd_csv_text(&b, "+46", false);
    sd_csv_text(&b, "-x", false);
    sd_csv_text(&b, "@cmd", false);
    sd_csv_text(&b, "=a,\"b\"", false);
    sd_csv_text(&b, "Åsa \xff!", false);
    sd_csv_text(&b, NULL, false);
    sd_csv_int(&b, -5, true, false);
    sd_csv_number(&b, "%.1f", -2.25, true, false);
    sd_csv_int(&b, 0, false, false);
    sd_csv_raw(&b, "x", true);
    assert_string_equal(sd_buf_str(&b),
                        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=SUM(A1:A9),'+46,'-x,'@cmd,"
                        "\"'=a,\"\"b\"\"\",Åsa \xEF\xBF\xBD!,,-5,-2.2,,x\r\n");
    sd_buf_free(&b);
}

static char *slurp(const char *path)
{
    char *s = sd_test_read_file(path, NULL);
    assert_non_null(s);
    return s;
}

static size_t count_str(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Two results of scenario mini: base, and a later one from another scenario version and
 * program with an invalid UTF-8 name. */
static sd_report *two_results(sd_items_csv *items)
{
    sd_report *rep = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_report_create(&rep, &err), SD_OK);
    char *second = mutate("\"name\": \"Åsa\"", "\"name\": \"<b>Bo\xff</b>\"");
    char *tmp = second;
    second = NULL;
    {
        const char *from[] = {SHA_A, "stormdrill 0.1.0", "2026-03-01"};
        const char *to[] = {SHA_B, "stormdrill 0.2.0", "2026-04-01"};
        for (int k = 0; k < 3; k++) {
            char *at = strstr(tmp, from[k]);
            assert_non_null(at);
            memcpy(at, to[k], strlen(to[k])); /* same lengths */
        }
        second = tmp;
    }
    const char *docs[] = {base, second};
    const char *names[] = {"a.json", "b.json"};
    for (int i = 0; i < 2; i++) {
        sd_rr_options opt = {.on_item = items ? sd_items_csv_row : NULL, .ctx = items};
        sd_rr *rr = NULL;
        assert_int_equal(sd_rr_read_buffer(names[i], docs[i], strlen(docs[i]), &opt, &rr, &err), SD_OK);
        assert_int_equal(sd_report_add(rep, rr, &err), SD_OK);
    }
    free(second);
    assert_int_equal(sd_report_finish(rep, &err), SD_OK);
    return rep;
}

static void test_csv_files(void **state)
{
    (void)state;
    char dir[64], items_path[128], csv_path[128];
    assert_int_equal(sd_test_tempdir_make(dir, "sd_report"), 0);
    snprintf(items_path, sizeof items_path, "%s/items.csv", dir);
    snprintf(csv_path, sizeof csv_path, "%s/report.csv", dir);
    sd_error err = SD_ERROR_INIT;
    sd_items_csv *items = NULL;
    assert_int_equal(sd_items_csv_open(items_path, &items, &err), SD_OK);
    sd_report *rep = two_results(items);
    assert_int_equal(sd_items_csv_commit(items, &err), SD_OK);
    assert_int_equal(sd_report_write_csv(rep, csv_path, &err), SD_OK);
    char *s = slurp(csv_path);
    assert_memory_equal(s, SD_CSV_BOM "file,scenario,", strlen(SD_CSV_BOM "file,scenario,"));
    assert_int_equal(count_str(s, "\r\n"), 3); /* header and two rows */
    assert_non_null(strstr(s, "a.json,mini,Minitest <b>&,A," SHA_A ",sv,stormdrill 0.1.0,Åsa,scripted,2026-03-01,7,"));
    assert_non_null(strstr(s, "b.json,mini,Minitest <b>&,B," SHA_B ",sv,stormdrill 0.2.0,<b>Bo\xEF\xBF\xBD</b>,"));
    assert_non_null(strstr(s, ",100.0,75.0,50.0,77.5,2,1,1,1,0,0,180,180,3,0,1,1,greeting,"
                              "scenario_versions_differ program_versions_differ,unknown,\r\n"));
    assert_true(sd_utf8_valid(s, strlen(s)));
    free(s);
    s = slurp(items_path);
    assert_memory_equal(s, SD_CSV_BOM "file,scenario,participant,date,item,", strlen(SD_CSV_BOM "file,scenario,participant,date,item,"));
    assert_int_equal(count_str(s, "\r\n"), 5); /* header and 2 x 2 items */
    assert_non_null(strstr(s, "a.json,mini,Åsa,2026-03-01,c1,comment,Anna,Berg,angry,,2026-03-10T09:05:00,"
                              "2026-03-10T09:35:00,2026-03-10T09:08:00,180,reply,false,true,100.0,1,75.0,"
                              "greeting,reply,manager,,press_officer,,\r\n"));
    assert_non_null(strstr(s, "a.json,mini,Åsa,2026-03-01,p1,post,,,,,2026-03-10T09:00:00,,,,,,false,,0,,,,,,,,\r\n"));
    free(s);
    sd_report_free(rep);
    assert_int_equal(sd_test_tempdir_remove(dir), 0);
}

/* ---- HTML ---- */

/* True when every element opened is closed in order (void elements and "/>" aside), and no
 * '<' or '&' stands unescaped in text. */
static bool balanced(const char *s)
{
    const char *stack[256];
    size_t depth = 0;
    static const char *const voids[] = {"meta", "br", "!DOCTYPE"};
    for (const char *p = s; *p; p++) {
        if (*p == '&') {
            const char *semi = strchr(p, ';');
            if (semi == NULL || semi - p > 8)
                return false;
            continue;
        }
        if (*p != '<')
            continue;
        const char *end = strchr(p, '>');
        if (end == NULL)
            return false;
        bool closing = p[1] == '/', self = end[-1] == '/';
        const char *name = p + 1 + closing;
        size_t len = strcspn(name, " />");
        bool is_void = false;
        for (size_t k = 0; k < sizeof voids / sizeof voids[0]; k++)
            is_void |= strlen(voids[k]) == len && strncmp(name, voids[k], len) == 0;
        if (closing) {
            if (depth == 0 || strlen(stack[depth - 1]) < len || strncmp(stack[depth - 1], name, len) != 0 ||
                (stack[depth - 1][len] != ' ' && stack[depth - 1][len] != '>' && stack[depth - 1][len] != '/'))
                return false;
            depth--;
        } else if (!self && !is_void) {
            if (depth == 256)
                return false;
            stack[depth++] = name;
        }
        p = end;
    }
    return depth == 0;
}

static void test_html(void **state)
{
    (void)state;
    sd_report *rep = two_results(NULL);
    sd_error err = SD_ERROR_INIT;
    sd_texts *tx = NULL;
    assert_int_equal(sd_texts_load(SD_SOURCE_DIR "/assets", SD_LANG_EN, &tx, &err), SD_OK);
    /* The group: two scenario versions, two programs, a trend over two dates. */
    assert_int_equal(sd_report_n_groups(rep), 1);
    const sd_report_group *g = sd_report_group_at(rep, 0);
    assert_int_equal(g->n_versions, 2);
    assert_int_equal(g->n_programs, 2);
    assert_int_equal(g->n_dates, 2);
    assert_int_equal(sd_report_n_rules(rep), 1);
    assert_int_equal(sd_report_rules(rep)[0].results, 2);

    sd_report_html_options o = {.tx = tx, .lang = SD_LANG_EN};
    sd_buf b = SD_BUF_INIT;
    assert_int_equal(sd_report_html(rep, &o, &b, &err), SD_OK);
    const char *s = sd_buf_str(&b);
    assert_true(sd_utf8_valid(s, b.len));
    assert_true(balanced(s));
    assert_null(strstr(s, "<script"));
    /* Nothing fetched: no sources, and the only address is the SVG namespace. */
    assert_null(strstr(s, " src="));
    assert_null(strstr(s, "https:"));
    for (const char *p = s; (p = strstr(p, "http:")) != NULL; p++)
        assert_memory_equal(p, "http://www.w3.org/2000/svg\"", 27);
    assert_non_null(strstr(s, "Minitest &lt;b&gt;&amp;"));
    assert_non_null(strstr(s, "&lt;b&gt;Bo\xEF\xBF\xBD&lt;/b&gt;"));
    assert_non_null(strstr(s, "=Hej saknas &lt;script&gt;"));
    assert_non_null(strstr(s, "@page{size:A4"));
    static const char *const charts[] = {"chart distribution", "chart trend", "chart rules", "chart scores",
                                         "chart answer-volume", "chart checks", "chart timeline"};
    for (size_t k = 0; k < sizeof charts / sizeof charts[0]; k++)
        if (strstr(s, charts[k]) == NULL)
            fail_msg("no %s in the page", charts[k]);
    assert_int_equal(count_str(s, "chart scores"), 2); /* one page per participant */
    /* A tone-check row counted under a rule from a check of another name ("answers" under
     * answer_questions) is labelled with the check's name, not the rule id. */
    assert_non_null(strstr(s, ">Answers the question</text>"));
    assert_null(strstr(s, ">answer_questions</text>"));
    /* The version mix is said, not hidden. */
    assert_non_null(strstr(s, "come from 2 different versions of the scenario file"));
    assert_non_null(strstr(s, "different versions of the program (stormdrill 0.1.0, stormdrill 0.2.0)"));
    sd_buf_free(&b);

    /* More results than pages per participant: the page says so. */
    o.max_details = 1;
    assert_int_equal(sd_report_html(rep, &o, &b, &err), SD_OK);
    assert_int_equal(count_str(sd_buf_str(&b), "chart scores"), 0);
    assert_non_null(strstr(sd_buf_str(&b), "for at most 1 results; this report has 2"));
    assert_true(balanced(sd_buf_str(&b)));
    sd_buf_free(&b);
    sd_texts_free(tx);
    sd_report_free(rep);
}

/* ---- the evaluators' review ---- */

static void test_review(void **state)
{
    (void)state;
    char dir[64], path[128];
    assert_int_equal(sd_test_tempdir_make(dir, "sd_report_rv"), 0);
    snprintf(path, sizeof path, "%s/review_agreement.csv", dir);
    sd_error err = SD_ERROR_INIT;
    /* one reviewed result, one without */
    char *doc = mutate(RV_AT, RV_GOOD);
    sd_rr *rr = NULL;
    assert_int_equal(sd_rr_read_buffer("a.json", doc, strlen(doc), NULL, &rr, &err), SD_OK);
    assert_true(rr->reviewed);
    assert_int_equal(rr->n_evaluators, 2);
    assert_string_equal(rr->evaluators[1], "<i>Olle</i>");
    assert_int_equal(rr->review_compared, 3);
    assert_int_equal(rr->review_agreed, 2);
    assert_int_equal(rr->n_review_rows, 3);
    assert_string_equal(rr->review_rows[1].rule, "spelling");
    sd_report *rep = NULL;
    assert_int_equal(sd_report_create(&rep, &err), SD_OK);
    assert_int_equal(sd_report_add(rep, rr, &err), SD_OK);
    rr = NULL;
    assert_int_equal(sd_rr_read_buffer("b.json", base, strlen(base), NULL, &rr, &err), SD_OK);
    assert_false(rr->reviewed);
    assert_int_equal(sd_report_add(rep, rr, &err), SD_OK);
    /* a second reviewed result of the same rules adds up */
    char *doc2 = mutate(RV_AT, RV_GOOD);
    assert_int_equal(sd_rr_read_buffer("c.json", doc2, strlen(doc2), NULL, &rr, &err), SD_OK);
    assert_int_equal(sd_report_add(rep, rr, &err), SD_OK);
    assert_int_equal(sd_report_finish(rep, &err), SD_OK);
    assert_int_equal(sd_report_n_reviewed(rep), 2);
    assert_int_equal(sd_report_n_review_rows(rep), 3);
    const sd_report_review_row *rows = sd_report_review_rows(rep);
    assert_string_equal(rows[0].rule, "answer_questions");
    assert_int_equal(rows[0].reviewed, 2);
    assert_int_equal(rows[0].agreed, 2);
    assert_int_equal(rows[1].agreed, 0);
    assert_int_equal(rows[1].results, 2);
    int64_t compared, agreed;
    sd_report_review_totals(rep, &compared, &agreed);
    assert_true(compared == 6 && agreed == 4);

    sd_texts *tx = NULL;
    assert_int_equal(sd_texts_load(SD_SOURCE_DIR "/assets", SD_LANG_EN, &tx, &err), SD_OK);
    sd_report_html_options o = {.tx = tx, .lang = SD_LANG_EN};
    sd_buf b = SD_BUF_INIT;
    assert_int_equal(sd_report_html(rep, &o, &b, &err), SD_OK);
    const char *s = sd_buf_str(&b);
    assert_true(balanced(s));
    assert_non_null(strstr(s, "<h2 id=\"review\">The evaluators' verdicts against the machine's</h2>"));
    assert_non_null(strstr(s, "2 of 3 results were reviewed"));
    assert_non_null(strstr(s, "Answers the question <span class=\"note\">(answer_questions)</span></td>"
                              "<td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">100 %</td>"));
    assert_non_null(strstr(s, "Spelling <span class=\"note\">(spelling)</span></td><td class=\"num\">2</td>"
                              "<td class=\"num\">0</td><td class=\"num\">0 %</td>"));
    assert_non_null(strstr(s, "All comparisons</th><th class=\"num\">6</th><th class=\"num\">4</th>"
                              "<th class=\"num\">67 %</th>"));
    assert_non_null(strstr(s, "Eva, &lt;i&gt;Olle&lt;/i&gt;"));
    assert_int_equal(count_str(s, "<table class=\"review\">"), 3); /* the summary and two participants */
    sd_buf_free(&b);
    sd_texts_free(tx);

    assert_int_equal(sd_report_write_review_csv(rep, path, &err), SD_OK);
    char *csv = slurp(path);
    assert_memory_equal(csv, SD_CSV_BOM "file,participant,scenario,rule,reviewed,agreed,agreement_percent\r\n",
                        strlen(SD_CSV_BOM "file,participant,scenario,rule,reviewed,agreed,agreement_percent\r\n"));
    assert_non_null(strstr(csv, "\r\nall,,,answer_questions,2,2,100.0\r\n"));
    assert_non_null(strstr(csv, "\r\nall,,,spelling,2,0,0.0\r\n"));
    assert_non_null(strstr(csv, "\r\nall,,,all,6,4,66.7\r\n"));
    assert_non_null(strstr(csv, "\r\na.json,Åsa,mini,response_model,1,1,100.0\r\n"));
    assert_null(strstr(csv, "b.json"));
    assert_int_equal(count_str(csv, "\r\n"), 1 + 4 + 2 * 4);
    free(csv);
    sd_report_free(rep);
    free(doc);
    free(doc2);
    assert_int_equal(sd_test_tempdir_remove(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_valid),  cmocka_unit_test(test_read_other_order),
        cmocka_unit_test(test_read_bad),
        cmocka_unit_test(test_read_limits), cmocka_unit_test(test_csv_cells),
        cmocka_unit_test(test_csv_files),   cmocka_unit_test(test_html),
        cmocka_unit_test(test_review),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
