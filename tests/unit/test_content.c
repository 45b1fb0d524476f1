/* test_content.c - cmocka tests of contents (scenario/content.h) end to end: reading them
 * from a scenario's Lua (every form, both languages' built-in channels, and a table of
 * authoring errors that must name "file.lua:LINE:" and what is wrong), the shared rules
 * (scenario/content_rules.h), the session log (a header's table, items by index and inline,
 * the reader refusing out-of-range indexes, oversized lists, wrong types and bad phrases,
 * naming the line and field), the results (their own copies), the hints scripted
 * participants see, and a live run scored again from its log giving the same results. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log/chain.h"
#include "log/logr.h"
#include "log/logw.h"
#include "participant/bot.h"
#include "results/results.h"
#include "scenario/content_rules.h"
#include "scenario/scenario.h"
#include "scenario/scenario_lua.h"
#include "session/session.h"
#include "util/buf.h"
#include "window/replay.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_content");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static void path_of(const char *name, char *out, size_t n) { snprintf(out, n, "%s/%s", g_dir, name); }

/* Writes text to name in the temp folder and loads it: the status, the message in msg. */
static sd_status load_text(const char *name, const char *text, sd_scenario **out, char *msg,
                           size_t msglen)
{
    char path[256];
    path_of(name, path, sizeof path);
    if (sd_test_write_file(path, text) != 0)
        fail_msg("cannot write %s", path);
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_status st = sd_scenario_load(path, NULL, &sc, &err);
    snprintf(msg, msglen, "%s", sd_error_msg(&err));
    sd_error_clear(&err);
    if (out)
        *out = sc;
    else
        sd_scenario_free(sc);
    return st;
}

static sd_scenario *load_path(const char *path)
{
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    if (sd_scenario_load(path, NULL, &sc, &err) != SD_OK)
        fail_msg("%s did not load: %s", path, sd_error_msg(&err));
    return sc;
}

static const sd_item_def *item(const sd_scenario *sc, const char *id)
{
    const sd_item_def *d = sd_scenario_item_def(sc, id);
    if (d == NULL)
        fail_msg("no item '%s'", id);
    return d;
}

static bool has_phrase(const sd_point *p, const char *s)
{
    for (size_t i = 0; i < p->n_say; i++)
        if (strcmp(p->say[i], s) == 0)
            return true;
    return false;
}

/* ---- reading contents from Lua ---- */

static void test_lua_contents(void **state)
{
    (void)state;
    sd_scenario *sc = load_path(SD_TEST_DATA "/contents.lua");
    /* statement, c1, c2, d1, q1, the storm, the hijack's message, the prepared inject */
    assert_int_equal(sc->n_contents, 8);
    for (size_t i = 0; i < sc->n_contents; i++)
        assert_int_equal(sc->contents[i]->index, (int32_t)i);
    const sd_content *st = sc->scoring.statement;
    assert_ptr_equal(st, sc->contents[0]);
    assert_int_equal(st->n_points, 3);
    assert_int_equal(st->need, 2);
    assert_string_equal(st->points[0].label, "vad som hänt");
    assert_int_equal(st->points[0].n_say, 2);
    assert_string_equal(st->points[0].say[1], "läckan");
    assert_int_equal(st->n_avoid, 1);
    assert_string_equal(st->avoid[0].say[0], "sabotage");
    assert_null(st->model);
    assert_int_equal(sc->scoring.n_words, 3);
    assert_string_equal(sc->scoring.words[1], "Kvarnby");

    const sd_content *c1 = item(sc, "c1")->expect.content;
    assert_ptr_equal(c1, sc->contents[1]);
    assert_int_equal(c1->n_points, 2);
    assert_int_equal(c1->need, 1);
    assert_string_equal(c1->points[0].label, "öppnar på torsdag");
    assert_true(has_phrase(&c1->points[0], "öppnar igen"));
    /* a plain string: label and only phrase */
    assert_string_equal(c1->points[1].label, "klockan tio");
    assert_int_equal(c1->points[1].n_say, 1);
    assert_string_equal(c1->points[1].say[0], "klockan tio");
    assert_int_equal(c1->n_avoid, 1);
    assert_int_equal(c1->refer.n_say, 0);
    assert_int_equal(c1->channel.n_say, 0);
    assert_non_null(strstr(c1->model, "torsdag klockan tio"));
    /* the other expectations are read as before */
    assert_int_equal(item(sc, "c1")->expect.within, 30 * 60);

    const sd_content *c2 = item(sc, "c2")->expect.content;
    assert_string_equal(c2->refer.label, "Trafikverket");
    assert_int_equal(c2->refer.n_say, 2);
    assert_true(has_phrase(&c2->refer, "trafikverket.se"));
    assert_int_equal(c2->n_points, 0);
    assert_int_equal(c2->need, 0);

    /* a built-in channel, resolved in the scenario's language */
    const sd_content *d1 = item(sc, "d1")->expect.content;
    assert_string_equal(d1->channel.label, "e-tjänst");
    assert_true(has_phrase(&d1->channel, "e-tjänsten"));
    assert_true(has_phrase(&d1->channel, "webbformulär"));
    const sd_content *q1 = item(sc, "q1")->expect.content;
    assert_string_equal(q1->refer.label, "Ekby Tidning");
    assert_string_equal(q1->refer.say[0], "Ekby Tidning");
    assert_string_equal(q1->channel.label, "presstjänsten");
    assert_string_equal(q1->channel.say[0], "presstjänst");

    assert_ptr_equal(sc->storms[0].expect.content, sc->contents[5]);
    assert_null(sc->storms[0].troll_expect.content); /* trolls are not answered */
    assert_ptr_equal(sc->hijacks[0].message, sc->contents[6]);
    assert_string_equal(sc->hijacks[0].message->points[0].label, "kontot var kapat");
    assert_ptr_equal(sc->prepared[0].expect.content, sc->contents[7]);
    assert_null(item(sc, "p1")->expect.content);
    /* every content passes the rules the log reader applies */
    for (size_t i = 0; i < sc->n_contents; i++)
        assert_int_equal(sd_content_check(sc->contents[i], "x", NULL), SD_OK);
    sd_scenario_free(sc);
}

static void test_lua_english_channels(void **state)
{
    (void)state;
    static const char text[] =
        "scenario { id = \"en\", title = \"E\", language = \"en\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n"
        "persona { id = \"ann\", first = \"Ann\", mood = \"calm\" }\n"
        "post { id = \"p1\", text = \"Post\" }\n"
        "comment { id = \"c1\", on = \"p1\", author = \"ann\", text = \"?\", expect = { channel = \"private_message\" } }\n"
        "comment { id = \"c2\", on = \"p1\", author = \"ann\", text = \"?\", expect = { channel = \"contact_centre\" } }\n"
        "comment { id = \"c3\", on = \"p1\", author = \"ann\", text = \"?\", expect = { channel = \"fault_report\" } }\n";
    char msg[1024];
    sd_scenario *sc = NULL;
    if (load_text("en.lua", text, &sc, msg, sizeof msg) != SD_OK)
        fail_msg("en.lua: %s", msg);
    const sd_point *pm = &item(sc, "c1")->expect.content->channel;
    assert_string_equal(pm->label, "private message");
    assert_true(has_phrase(pm, "direct message") && has_phrase(pm, "DM"));
    const sd_point *cc = &item(sc, "c2")->expect.content->channel;
    assert_true(has_phrase(cc, "contact centre") && has_phrase(cc, "contact center") &&
                has_phrase(cc, "customer service"));
    assert_true(has_phrase(&item(sc, "c3")->expect.content->channel, "report a fault"));
    sd_scenario_free(sc);
    /* every built-in channel has phrases in both languages, each a good phrase */
    for (int ch = 0; ch < SD_CHANNEL_COUNT; ch++)
        for (int l = 0; l < SD_LANG_COUNT; l++) {
            sd_point p;
            sd_channel_point((sd_channel_id)ch, (sd_language)l, &p);
            assert_true(p.n_say >= 3 && p.n_say <= SD_MAX_SAY);
            assert_null(sd_phrase_problem(p.label, strlen(p.label)));
            for (size_t i = 0; i < p.n_say; i++)
                assert_null(sd_phrase_problem(p.say[i], strlen(p.say[i])));
        }
    assert_int_equal(sd_channel_lookup("email"), SD_CHANNEL_EMAIL);
    assert_int_equal(sd_channel_lookup("fax"), -1);
}

#define HEAD3                                                                                   \
    "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n" \
    "persona { id = \"anna\", first = \"Anna\" }\n"                                             \
    "post { id = \"p1\", text = \"x\" }\n"
#define C4(x) "comment { id = \"c1\", on = \"p1\", author = \"anna\", text = \"x\", expect = { " x " } }\n"
#define SCEN(x) "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\", " x " }\n"
#define HIJ(x) "hijack { id = \"h\", at = \"+5m\", notice = \"n\", posts = { \"p\" }, " x " }\n"

static void test_lua_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int line;
        const char *phrase, *phrase2;
    } cases[] = {
        {HEAD3 C4("points = {}"), 4, "comment 'c1': expect.points must be a list of 1 to 16", NULL},
        {HEAD3 C4("points = \"torsdag\""), 4, "expect.points must be a list of points, not a string", NULL},
        {HEAD3 C4("points = { \"a\", label = \"b\" }"), 4, "expect.points must be a list", NULL},
        {HEAD3 C4("points = { 5 }"), 4, "expect.points entry 1 must be a string or a table", NULL},
        {HEAD3 C4("points = { \"ok\", { say = { \"x\" } } }"), 4, "expect.points entry 2: field 'label' is required", NULL},
        {HEAD3 C4("points = { { label = \"x\", sy = { \"x\" } } }"), 4, "unknown field 'sy'", "label, say"},
        {HEAD3 C4("points = { { label = \"x\", say = {} } }"), 4, "say must be a list of 1 to 32 phrases", NULL},
        {HEAD3 C4("points = { { label = \"x\", say = \"x\" } }"), 4, "say must be a list of phrases", NULL},
        {HEAD3 C4("points = { { label = \"x\", say = { \"a\", 7 } } }"), 4, "say entry 2 must be a string", NULL},
        {HEAD3 C4("points = { \"\" }"), 4, "expect.points entry 1 is empty", NULL},
        {HEAD3 C4("points = { \"!!!\" }"), 4, "expect.points entry 1 has no letter or digit", NULL},
        {HEAD3 C4("points = { string.rep(\"a\", 201) }"), 4, "is longer than 200 bytes", NULL},
        {HEAD3 C4("points = { \"a\\tb\" }"), 4, "has a control character", NULL},
        {HEAD3 C4("points = { \"a\\255b\" }"), 4, "is not valid UTF-8", NULL},
        {HEAD3 C4("points = { { label = \"a\\0b\" } }"), 4, "label contains a NUL byte", NULL},
        {HEAD3 "local t = {}\nfor i = 1, 17 do t[i] = \"p\" .. i end\n" C4("points = t"), 6,
         "expect.points has 17 entries; at most 16", NULL},
        {HEAD3 "local s = {}\nfor i = 1, 33 do s[i] = \"p\" .. i end\n" C4("points = { { label = \"x\", say = s } }"), 6,
         "say has 33 phrases; at most 32", NULL},
        {HEAD3 C4("points = { \"a\", \"b\" }, need = 3"), 4, "expect.need is 3; it must be a whole number from 1 to 2", NULL},
        {HEAD3 C4("points = { \"a\", \"b\" }, need = 0"), 4, "expect.need is 0", NULL},
        {HEAD3 C4("points = { \"a\", \"b\" }, need = 1.5"), 4, "whole number", NULL},
        {HEAD3 C4("points = { \"a\" }, need = \"1\""), 4, "expect.need must be a number, not a string", NULL},
        {HEAD3 C4("need = 1, model = \"Hej\""), 4, "expect.need is given without points", NULL},
        {HEAD3 C4("need = 1"), 4, "expect.need is given without points", NULL},
        {HEAD3 C4("refer = 5"), 4, "expect.refer must be a string or a table", NULL},
        {HEAD3 C4("refer = { say = { \"x\" } }"), 4, "expect.refer: field 'label' is required", NULL},
        {HEAD3 C4("channel = \"fax\""), 4, "unknown channel 'fax'", "e_service, contact_centre, fault_report, private_message, phone, email"},
        {HEAD3 C4("channel = true"), 4, "expect.channel must be a string or a table", NULL},
        {HEAD3 C4("avoid = {}"), 4, "expect.avoid must be a list of 1 to 16", NULL},
        {HEAD3 C4("avoid = { \"?\" }"), 4, "expect.avoid entry 1 has no letter or digit", NULL},
        {HEAD3 C4("model = \"\""), 4, "expect.model is empty", NULL},
        {HEAD3 C4("model = 5"), 4, "expect.model must be a string (the model answer), not a number", NULL},
        {HEAD3 C4("model = string.rep(\"a\", 20001)"), 4, "expect.model is longer than 20000 bytes", NULL},
        {HEAD3 C4("modell = \"Hej\""), 4, "unknown field 'modell'", "model"},
        /* a multi-line declaration is reported where it starts */
        {HEAD3 "\ncomment {\n  id = \"c1\", on = \"p1\", author = \"anna\", text = \"x\",\n"
               "  expect = {\n    points = { { label = \"x\", say = { \"\" } } },\n  },\n}\n",
         5, "expect.points entry 1: say entry 1 is empty", NULL},
        /* storms, prepared injects, hijack messages, the statement, the words */
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, texts = { \"a\" },\n"
               "  expect = { points = { \"\" } } }\n", 4, "storm 's': expect.points entry 1 is empty", NULL},
        {HEAD3 "prepared { kind = \"comment\", on = \"p1\", author = \"anna\", text = \"x\", expect = { avoid = 3 } }\n",
         4, "prepared 'prepared-1': expect.avoid must be a list of points", NULL},
        {HEAD3 HIJ("message = {}"), 4, "hijack 'h': message is empty", NULL},
        {HEAD3 HIJ("message = \"Kontot är tillbaka\""), 4, "hijack 'h': message must be a table", NULL},
        {HEAD3 HIJ("message = { points = { \"kapat\" }, within = \"5m\" }"), 4, "unknown field 'within'", NULL},
        {HEAD3 HIJ("message = { need = 1 }"), 4, "message.need is given without points", NULL},
        {SCEN("scoring = { statement = {} }"), 1, "scenario scoring: statement is empty", NULL},
        {SCEN("scoring = { statement = { pointz = { \"a\" } } }"), 1, "unknown field 'pointz'", NULL},
        {SCEN("scoring = { statement = { points = { \"a\" }, need = 2 } }"), 1, "statement.need is 2", NULL},
        {SCEN("scoring = { statement = true }"), 1, "statement must be a table", NULL},
        {SCEN("words = {}"), 1, "scenario: words must be a list", NULL},
        {SCEN("words = \"Kvarnby\""), 1, "words must be a list of words, not a string", NULL},
        {SCEN("words = { \"Kvarnby\", \"två ord\" }"), 1, "words entry 2 has a space", NULL},
        {SCEN("words = { string.rep(\"a\", 65) }"), 1, "words entry 1 is longer than 64 bytes", NULL},
        {SCEN("words = { 5 }"), 1, "words entry 1 must be a string", NULL},
        {"local w = {}\nfor i = 1, 10001 do w[i] = \"w\" .. i end\n" SCEN("words = w"), 3,
         "words has 10001 entries; at most 10000", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[32], where[48], msg[2048];
        snprintf(name, sizeof name, "cerr%02zu.lua", i);
        snprintf(where, sizeof where, "%s:%d:", name, cases[i].line);
        sd_scenario *sc = NULL;
        sd_status st = load_text(name, cases[i].text, &sc, msg, sizeof msg);
        if (st == SD_OK || sc != NULL)
            fail_msg("case %zu loaded, but should fail with '%s'", i, cases[i].phrase);
        if (strstr(msg, where) == NULL || strstr(msg, cases[i].phrase) == NULL ||
            (cases[i].phrase2 && strstr(msg, cases[i].phrase2) == NULL))
            fail_msg("case %zu: message\n  %s\nlacks '%s' / '%s' / '%s'", i, msg, where,
                     cases[i].phrase, cases[i].phrase2 ? cases[i].phrase2 : "");
    }
    /* a declaration that fails after its content was read leaves no content behind */
    char msg[1024];
    sd_scenario *sc = NULL;
    static const char dup[] =
        HEAD3 C4("points = { \"a\" }")
        "pcall(comment, { id = \"c1\", on = \"p1\", author = \"anna\", text = \"x\", expect = { points = { \"b\" } } })\n"
        "comment { id = \"c2\", on = \"p1\", author = \"anna\", text = \"x\", expect = { points = { \"c\" } } }\n";
    if (load_text("dup.lua", dup, &sc, msg, sizeof msg) != SD_OK)
        fail_msg("dup.lua: %s", msg);
    assert_int_equal(sc->n_contents, 2);
    assert_string_equal(sc->contents[1]->points[0].label, "c");
    assert_int_equal(sc->contents[1]->index, 1);
    sd_scenario_free(sc);
}

/* ---- the rules ---- */

static void test_rules(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        bool phrase_ok, word_ok;
    } cases[] = {
        {"torsdag", true, true},       {"öppnar igen", true, false}, {"e-tjänst", true, true},
        {"13", true, true},            {"Åre", true, true},           {"ÅÄÖ", true, true},
        {"", false, false},            {"!!!", false, false},         {"🙂", false, false},
        {"a\nb", false, false},        {"\xff", false, false},        {"a\xc2\x85" "b", false, false},
        {"—", false, false},           {"trafikverket.se", true, true}, {"a b", true, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].s;
        if ((sd_phrase_problem(s, strlen(s)) == NULL) != cases[i].phrase_ok)
            fail_msg("phrase '%s': expected %s", s, cases[i].phrase_ok ? "ok" : "a problem");
        if ((sd_word_problem(s, strlen(s)) == NULL) != cases[i].word_ok)
            fail_msg("word '%s': expected %s", s, cases[i].word_ok ? "ok" : "a problem");
    }
    char long_phrase[202];
    memset(long_phrase, 'a', 201);
    long_phrase[201] = '\0';
    assert_non_null(sd_phrase_problem(long_phrase, 200 + 1));
    assert_null(sd_phrase_problem(long_phrase, 200));
    /* copy and compare */
    const char *say[] = {"torsdag", "öppnar igen"};
    sd_point pts[] = {{"öppnar", say, 2}};
    sd_content c = {.index = 3, .points = pts, .n_points = 1, .need = 1,
                    .refer = {"Trafikverket", say, 1}, .model = "Hej!"};
    sd_arena a = SD_ARENA_INIT;
    sd_content *k = sd_content_copy(&a, &c);
    assert_non_null(k);
    assert_true(sd_content_equal(&c, k));
    assert_true(k->points != c.points && k->points[0].say[1] != say[1]);
    k->need = 2;
    assert_false(sd_content_equal(&c, k));
    assert_false(sd_content_equal(&c, NULL));
    assert_true(sd_content_equal(NULL, NULL));
    sd_arena_free(&a);
    /* check: the messages name the member */
    sd_error err = SD_ERROR_INIT;
    sd_content bad = c;
    bad.need = 2;
    assert_int_equal(sd_content_check(&bad, "contents[4]", &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "contents[4].need"));
    sd_error_clear(&err);
    const char *empty_say[] = {"ok", ""};
    sd_point bp[] = {{"x", empty_say, 2}};
    bad = c;
    bad.points = bp;
    assert_int_equal(sd_content_check(&bad, "expect.content", &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "'expect.content.points[0].say[1]' is empty"));
    sd_error_clear(&err);
    sd_content none = {.index = -1};
    assert_int_equal(sd_content_check(&none, "c", &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "declares nothing"));
    sd_error_clear(&err);
}

/* ---- the log ---- */

/* A header line with the given scoring members (after the required ones) and top-level
 * members (after the participant). */
static char *header_line(const char *scoring_extra, const char *top_extra)
{
    sd_buf b = SD_BUF_INIT;
    sd_buf_printf(&b,
                  "{\"type\":\"header\",\"t\":\"2026-03-10T09:00:00\",\"format\":\"" SD_LOG_FORMAT "\","
                  "\"program\":\"p\",\"scenario\":{\"id\":\"i\",\"title\":\"t\",\"path\":\"p\",\"sha256\":\"s\","
                  "\"language\":\"sv\"},\"seed\":1,\"start\":\"2026-03-10T09:00:00\",\"duration\":60,"
                  "\"compression\":1,\"participant\":{\"name\":\"n\",\"kind\":\"person\"},"
                  "\"scoring\":{\"weights\":{\"speed\":0.4,\"tone\":0.35,\"escalation\":0.25},"
                  "\"late_zero\":4,\"max_words\":100,\"max_lix\":45,\"crisis\":false,"
                  "\"backup_within\":1800,\"statement_within\":3600,\"troll_words\":25%s%s}%s%s}",
                  *scoring_extra ? "," : "", scoring_extra, *top_extra ? "," : "", top_extra);
    assert_true(sd_buf_ok(&b));
    return sd_buf_take(&b);
}

/* n copies of unit, comma-separated. */
static char *repeat(const char *unit, int n)
{
    sd_buf b = SD_BUF_INIT;
    for (int i = 0; i < n; i++)
        sd_buf_printf(&b, "%s%s", i ? "," : "", unit);
    assert_true(sd_buf_ok(&b));
    return sd_buf_take(&b);
}

static void test_reader_rejects(void **state)
{
    (void)state;
    char *pts17 = repeat("{\"label\":\"a\",\"say\":[\"a\"]}", 17);
    char *say33 = repeat("\"a\"", 33);
    char *words = repeat("\"ord\"", 10001);
    char *longmodel = malloc(20002);
    memset(longmodel, 'a', 20001);
    longmodel[20001] = '\0';
    sd_buf big = SD_BUF_INIT;
    sd_buf_printf(&big, "\"contents\":[{\"points\":[%s]}]", pts17);
    sd_buf bigsay = SD_BUF_INIT;
    sd_buf_printf(&bigsay, "\"contents\":[{\"points\":[{\"label\":\"a\",\"say\":[%s]}]}]", say33);
    sd_buf bigwords = SD_BUF_INIT;
    sd_buf_printf(&bigwords, "\"words\":[%s]", words);
    sd_buf bigmodel = SD_BUF_INIT;
    sd_buf_printf(&bigmodel, "\"contents\":[{\"model\":\"%s\"}]", longmodel);
    static const char P1[] = "{\"label\":\"a\",\"say\":[\"a\"]}";
    struct {
        const char *scoring, *top, *words;
    } cases[] = {
        {"", "\"contents\":{}", "field 'contents' must be a list"},
        {"", "\"contents\":[5]", "field 'contents[0]' must be an object"},
        {"", "\"contents\":[{\"points\":\"x\"}]", "field 'contents[0].points' must be a list"},
        {"", sd_buf_str(&big), "field 'contents[0].points' has 17 entries; it must have 1 to 16"},
        {"", "\"contents\":[{\"points\":[]}]", "'contents[0].points' has 0 entries"},
        {"", "\"contents\":[{\"points\":[{\"say\":[\"a\"]}]}]", "field 'contents[0].points[0].label' is missing"},
        {"", "\"contents\":[{\"points\":[{\"label\":7,\"say\":[\"a\"]}]}]", "'contents[0].points[0].label' must be a string"},
        {"", "\"contents\":[{\"points\":[{\"label\":\"a\",\"say\":\"a\"}]}]", "'contents[0].points[0].say' must be a list"},
        {"", sd_buf_str(&bigsay), "'contents[0].points[0].say' has 33 phrases"},
        {"", "\"contents\":[{\"points\":[{\"label\":\"a\",\"say\":[1]}]}]", "'contents[0].points[0].say[0]' must be a string"},
        {"", "\"contents\":[{\"points\":[{\"label\":\"a\",\"say\":[\"\"]}]}]", "'contents[0].points[0].say[0]' is empty"},
        {"", "\"contents\":[{\"points\":[{\"label\":\"a\",\"say\":[\"!!\"]}]}]", "'contents[0].points[0].say[0]' has no letter or digit"},
        {"", "\"contents\":[{\"points\":[{\"label\":\"a\\u0007\",\"say\":[\"a\"]}]}]", "'contents[0].points[0].label' has a control character"},
        {"", "\"contents\":[{\"model\":\"x\"},{\"points\":[{\"label\":\"a\",\"say\":[\"a\"]},{\"label\":\"b\",\"say\":[\"b\"]}],\"need\":3}]",
         "'contents[1].need' is 3; it must be between 1 and 2"},
        {"", "\"contents\":[{\"points\":[{\"label\":\"a\",\"say\":[\"a\"]}],\"need\":\"1\"}]", "'contents[0].need' must be a whole number"},
        {"", "\"contents\":[{\"model\":\"x\",\"need\":1}]", "'contents[0].need' is given without points"},
        {"", "\"contents\":[{}]", "'contents[0]' declares nothing"},
        {"", "\"contents\":[{\"model\":5}]", "'contents[0].model' must be a string"},
        {"", "\"contents\":[{\"model\":\"\"}]", "'contents[0].model' is empty"},
        {"", sd_buf_str(&bigmodel), "'contents[0].model' is longer than 20000 bytes"},
        {"", "\"contents\":[{\"refer\":\"Trafikverket\"}]", "'contents[0].refer' must be an object"},
        {"", "\"contents\":[{\"channel\":{\"label\":\"e-tjänst\",\"say\":[]}}]", "'contents[0].channel.say' has 0 phrases"},
        {"\"statement\":1", "\"contents\":[{\"model\":\"x\"}]", "'scoring.statement' must be the index of one of the header's 1 contents"},
        {"\"statement\":0", "", "'scoring.statement' must be the index of one of the header's 0 contents"},
        {"\"statement\":\"0\"", "\"contents\":[{\"model\":\"x\"}]", "'scoring.statement' must be the index"},
        {"\"words\":\"Ekby\"", "", "field 'scoring.words' must be a list"},
        {"\"words\":[\"två ord\"]", "", "'scoring.words[0]' has a space"},
        {"\"words\":[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"]", "", "'scoring.words[0]' is longer than 64 bytes"},
        {"\"words\":[3]", "", "'scoring.words[0]' must be a string"},
        {sd_buf_str(&bigwords), "", "'scoring.words' has 10001 words; at most 10000"},
    };
    (void)P1;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *line = header_line(cases[i].scoring, cases[i].top);
        sd_record rec;
        sd_record_keep keep = SD_RECORD_KEEP_INIT;
        sd_error err = SD_ERROR_INIT;
        sd_status st = sd_record_from_json(line, strlen(line), "log.jsonl:1", NULL, &rec, &keep, &err);
        if (st != SD_ERR_INPUT || strncmp(sd_error_msg(&err), "log.jsonl:1: ", 13) != 0 ||
            strstr(sd_error_msg(&err), cases[i].words) == NULL)
            fail_msg("header case %zu: status %d, message '%s', expected '%s'", i, (int)st,
                     sd_error_msg(&err), cases[i].words);
        sd_record_keep_free(&keep);
        sd_error_clear(&err);
        free(line);
    }
    /* a good header: the table items refer to */
    char *good = header_line("\"statement\":0,\"words\":[\"Ekby\",\"Kvarnby\"]",
                             "\"contents\":[{\"points\":[{\"label\":\"kapat\",\"say\":[\"kapat\",\"kapats\"]}],\"need\":1},"
                             "{\"refer\":{\"label\":\"Trafikverket\",\"say\":[\"Trafikverket\"]},\"model\":\"Hej!\"}]");
    sd_record hrec;
    sd_record_keep hkeep = SD_RECORD_KEEP_INIT;
    sd_error err = SD_ERROR_INIT;
    if (sd_record_from_json(good, strlen(good), "log.jsonl:1", NULL, &hrec, &hkeep, &err) != SD_OK)
        fail_msg("good header: %s", sd_error_msg(&err));
    const sd_rec_header *h = &hrec.u.header;
    assert_int_equal(h->n_contents, 2);
    assert_ptr_equal(h->scoring.statement, h->contents[0]);
    assert_int_equal(h->contents[1]->index, 1);
    assert_string_equal(h->contents[1]->refer.label, "Trafikverket");
    assert_int_equal(h->contents[0]->need, 1);
    assert_int_equal(h->scoring.n_words, 2);
    assert_string_equal(h->scoring.words[1], "Kvarnby");
    static const char IT[] =
        "{\"type\":\"item\",\"t\":\"2026-03-10T09:05:00\",\"id\":\"c1\",\"kind\":\"comment\","
        "\"author\":{\"first\":\"Anna\",\"mood\":\"calm\"},\"on\":\"p1\",\"text\":\"x\",\"expect\":{%s}}";
    struct {
        const char *expect, *words;
        bool with_header;
    } items[] = {
        {"\"content\":2", "field 'expect.content' is 2, not the index of one of the header's 2 contents", true},
        {"\"content\":-1", "field 'expect.content' is -1", true},
        {"\"content\":0.5", "field 'expect.content' is 0.5", true},
        {"\"content\":\"0\"", "field 'expect.content' must be an object (a content) or the index of one", true},
        {"\"content\":0", "field 'expect.content' is 0, not the index of one of the header's 0 contents", false},
        {"\"content\":{\"points\":[]}", "'expect.content.points' has 0 entries", true},
        {"\"content\":{\"model\":\"x\",\"avoid\":[{\"label\":\"\",\"say\":[\"a\"]}]}", "'expect.content.avoid[0].label' is empty", true},
        {"\"statement\":7", "field 'expect.statement' is 7", true},
        {"\"statement\":[]", "field 'expect.statement' must be an object", true},
    };
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        char line[1024];
        snprintf(line, sizeof line, IT, items[i].expect);
        sd_record rec;
        sd_record_keep keep = SD_RECORD_KEEP_INIT;
        sd_status st = sd_record_from_json(line, strlen(line), "log.jsonl:2",
                                           items[i].with_header ? h : NULL, &rec, &keep, &err);
        if (st != SD_ERR_INPUT || strncmp(sd_error_msg(&err), "log.jsonl:2: ", 13) != 0 ||
            strstr(sd_error_msg(&err), items[i].words) == NULL)
            fail_msg("item case %zu: status %d, message '%s', expected '%s'", i, (int)st,
                     sd_error_msg(&err), items[i].words);
        sd_record_keep_free(&keep);
        sd_error_clear(&err);
    }
    /* and good items: by index (the header's own content) and inline (index -1) */
    char line[1024];
    snprintf(line, sizeof line, IT, "\"content\":1,\"statement\":0");
    sd_record rec;
    sd_record_keep keep = SD_RECORD_KEEP_INIT;
    assert_int_equal(sd_record_from_json(line, strlen(line), "log.jsonl:2", h, &rec, &keep, &err), SD_OK);
    assert_ptr_equal(rec.u.item.expect->content, h->contents[1]);
    assert_ptr_equal(rec.u.item.expect->statement, h->contents[0]);
    snprintf(line, sizeof line, IT, "\"content\":{\"points\":[{\"label\":\"torsdag\",\"say\":[\"torsdag\"]}],\"need\":1}");
    assert_int_equal(sd_record_from_json(line, strlen(line), "log.jsonl:3", h, &rec, &keep, &err), SD_OK);
    assert_int_equal(rec.u.item.expect->content->index, -1);
    assert_string_equal(rec.u.item.expect->content->points[0].say[0], "torsdag");
    assert_null(rec.u.item.expect->statement);
    sd_record_keep_free(&keep);
    sd_record_keep_free(&hkeep);
    free(good);
    free(pts17);
    free(say33);
    free(words);
    free(longmodel);
    sd_buf_free(&big);
    sd_buf_free(&bigsay);
    sd_buf_free(&bigwords);
    sd_buf_free(&bigmodel);
}

/* The writer refuses a record the reader would refuse (so every line it writes reads). */
static void test_writer_refuses(void **state)
{
    (void)state;
    const char *say[] = {"a"};
    sd_point pts[SD_MAX_POINTS + 1];
    for (int i = 0; i <= SD_MAX_POINTS; i++)
        pts[i] = (sd_point){"a", say, 1};
    sd_content too_many = {.index = -1, .points = pts, .n_points = SD_MAX_POINTS + 1, .need = 1};
    sd_expect e;
    sd_expect_defaults(&e, SD_KIND_COMMENT, SD_MOOD_CALM);
    e.content = &too_many;
    sd_record rec = {.type = SD_REC_ITEM, .t = 0};
    rec.u.item = (sd_rec_item){.id = "c1", .kind = SD_KIND_COMMENT, .first = "A", .sender = -1,
                               .text = "x", .expect = &e};
    sd_time_parse("2026-03-10 09:00", &rec.t, NULL);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_record_check_limits(&rec, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "'expect.content.points' has 17 entries"));
    sd_error_clear(&err);
    too_many.n_points = 2;
    assert_int_equal(sd_record_check_limits(&rec, &err), SD_OK);
    /* a header whose statement is not in its table */
    sd_content stmt = {.index = 0, .model = "Hej"};
    sd_content other = {.index = 0, .model = "Hej"};
    const sd_content *table[] = {&other};
    sd_record h = {.type = SD_REC_HEADER, .t = rec.t};
    h.u.header = (sd_rec_header){.program = "p", .scenario_id = "i", .scenario_title = "t",
                                 .scenario_path = "p", .scenario_sha256 = "s", .start = rec.t,
                                 .participant = "n", .participant_kind = "person",
                                 .contents = table, .n_contents = 1};
    sd_scoring_params_default(&h.u.header.scoring);
    h.u.header.scoring.statement = &stmt;
    assert_int_equal(sd_record_check_limits(&h, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "scoring.statement"));
    sd_error_clear(&err);
    h.u.header.scoring.statement = &other;
    assert_int_equal(sd_record_check_limits(&h, &err), SD_OK);
    other.index = 3;
    assert_int_equal(sd_record_check_limits(&h, &err), SD_ERR_INPUT);
    sd_error_clear(&err);
}

/* ---- a run: hints, the log, the results ---- */

/* A participant that answers every item with content with what its hints say. */
static const char HINTS_BOT[] =
    "participant { name = \"Hint\" }\n"
    "function on_item(item)\n"
    "  local h = item.hints\n"
    "  if not (h.model or h.points or h.refer or h.channel) then return nil end\n"
    "  local pts = h.points and table.concat(h.points, \",\") or \"-\"\n"
    "  local text = string.format(\"%s|%s|%s|%s|%s\", h.model or \"-\", pts, tostring(h.need),\n"
    "                             h.refer or \"-\", h.channel or \"-\")\n"
    "  return { { action = item.kind == \"dm\" and \"dm_reply\" or \"reply\", item = item.id, text = text } }\n"
    "end\n";

typedef struct run {
    sd_scenario *sc;
    sd_results *res;
    char log[256];
} run;

static void run_contents(run *r, const char *bot_path)
{
    sd_error err = SD_ERROR_INIT;
    r->sc = load_path(SD_TEST_DATA "/contents.lua");
    sd_bot *bot = NULL;
    if (sd_bot_load(bot_path, NULL, NULL, 0, &bot, &err) != SD_OK)
        fail_msg("%s: %s", bot_path, sd_error_msg(&err));
    assert_int_equal(sd_results_create(&r->res, &err), SD_OK);
    path_of("contents.jsonl", r->log, sizeof r->log);
    sd_logw *w = NULL;
    assert_int_equal(sd_logw_open(r->log, &w, &err), SD_OK);
    sd_session_config cfg = {.scenario = r->sc, .participant = sd_bot_name(bot),
                             .participant_kind = "scripted", .log = w, .results = r->res,
                             .no_wall_clock = true};
    sd_session *s = NULL;
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_bot_attach(bot, s, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    if (sd_session_run(s, &err) != SD_OK)
        fail_msg("run: %s", sd_error_msg(&err));
    sd_session_destroy(s);
    assert_int_equal(sd_logw_close(w, &err), SD_OK);
    sd_bot_free(bot);
}

static const sd_res_item *res_item(const sd_results *r, const char *id)
{
    for (size_t i = 0; i < sd_results_n_items(r); i++)
        if (strcmp(sd_results_items(r)[i].id, id) == 0)
            return &sd_results_items(r)[i];
    fail_msg("no item '%s' in the results", id);
    return NULL;
}

static const char *reply_text(const sd_results *r, const char *id)
{
    const sd_res_item *it = res_item(r, id);
    if (it->first_action < 0)
        fail_msg("item '%s' was not answered", id);
    return sd_results_actions(r)[it->first_action].text;
}

static void test_hints(void **state)
{
    (void)state;
    char bot[256];
    path_of("hints.lua", bot, sizeof bot);
    assert_int_equal(sd_test_write_file(bot, HINTS_BOT), 0);
    run r;
    run_contents(&r, bot);
    assert_string_equal(reply_text(r.res, "c1"),
                        "Hej Anna! Biblioteket öppnar igen på torsdag klockan tio. Vänliga "
                        "hälsningar, Ekby kommun|öppnar på torsdag,klockan tio|1|-|-");
    assert_string_equal(reply_text(r.res, "c2"),
                        "Hej Bo! Vägen sköts av Trafikverket, som du når på trafikverket.se.|-|nil|"
                        "Trafikverket|-");
    assert_string_equal(reply_text(r.res, "d1"), "Hej Anna! Gör en anmälan i vår e-tjänst.|-|nil|-|e-tjänst");
    /* an item injected at run time: its content is inline, of its own */
    assert_string_equal(reply_text(r.res, "late1"),
                        "Hej Anna! Lovaktiviteterna flyttar till Kvarnby.|lovaktiviteter|1|-|-");
    sd_results_free(r.res);
    sd_scenario_free(r.sc);
}

/* The results from the live run and from the log alone: the same, contents included. */
static void test_live_equals_log(void **state)
{
    (void)state;
    run r;
    run_contents(&r, SD_TEST_DATA "/../../scenarios/participants/diligent.lua");
    sd_error err = SD_ERROR_INIT;
    sd_results *again = NULL;
    assert_int_equal(sd_results_create(&again, &err), SD_OK);
    sd_logr *lr = NULL;
    assert_int_equal(sd_logr_open(r.log, &lr, &err), SD_OK);
    for (;;) {
        sd_record rec;
        bool got;
        if (sd_logr_next(lr, &rec, &got, &err) != SD_OK)
            fail_msg("reading the log: %s", sd_error_msg(&err));
        if (!got)
            break;
        if (sd_results_add(again, &rec, &err) != SD_OK)
            fail_msg("results from the log: %s", sd_error_msg(&err));
    }
    /* the reader's header outlives the records read after it */
    const sd_rec_header *lh = sd_logr_header(lr);
    assert_non_null(lh);
    assert_int_equal(lh->n_contents, r.sc->n_contents);
    for (size_t i = 0; i < lh->n_contents; i++)
        assert_true(sd_content_equal(lh->contents[i], r.sc->contents[i]));
    sd_logr_close(lr);
    sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
    assert_int_equal(sd_results_to_json(r.res, &a, &err), SD_OK);
    assert_int_equal(sd_results_to_json(again, &b, &err), SD_OK);
    assert_string_equal(sd_buf_str(&a), sd_buf_str(&b));
    /* the header the results keep: their own copies, equal to the scenario's */
    const sd_rec_header *ha = sd_results_header(r.res), *hb = sd_results_header(again);
    assert_int_equal(ha->n_contents, 8);
    assert_int_equal(hb->n_contents, 8);
    for (size_t i = 0; i < ha->n_contents; i++) {
        assert_true(ha->contents[i] != r.sc->contents[i]);
        assert_true(sd_content_equal(ha->contents[i], r.sc->contents[i]));
        assert_true(sd_content_equal(hb->contents[i], r.sc->contents[i]));
    }
    assert_ptr_equal(ha->scoring.statement, ha->contents[0]);
    assert_ptr_equal(hb->scoring.statement, hb->contents[0]);
    assert_int_equal(hb->scoring.n_words, 3);
    assert_string_equal(hb->scoring.words[2], "Ekbybadet");
    /* every item's content and statement: the same in both, pointing into the table */
    size_t with_content = 0, inline_ = 0, statements = 0;
    assert_int_equal(sd_results_n_items(r.res), sd_results_n_items(again));
    for (size_t i = 0; i < sd_results_n_items(r.res); i++) {
        const sd_res_item *x = &sd_results_items(r.res)[i], *y = &sd_results_items(again)[i];
        assert_string_equal(x->id, y->id);
        assert_true(sd_content_equal(x->expect->content, y->expect->content));
        assert_true(sd_content_equal(x->expect->statement, y->expect->statement));
        if (x->expect->content) {
            with_content++;
            if (x->expect->content->index >= 0) {
                assert_ptr_equal(x->expect->content, ha->contents[x->expect->content->index]);
                assert_ptr_equal(y->expect->content, hb->contents[y->expect->content->index]);
            } else {
                inline_++;
                assert_string_equal(x->id, "late1");
            }
        }
        if (x->expect->statement) {
            statements++;
            assert_ptr_equal(y->expect->statement, hb->contents[6]); /* the hijack's message */
        }
    }
    assert_true(with_content >= 8); /* c1 c2 d1 q1 late1 and the storm's non-troll comments */
    assert_int_equal(inline_, 1);
    assert_true(statements >= 1);
    assert_ptr_equal(res_item(again, "c1")->expect->content, hb->contents[1]);
    sd_buf_free(&a);
    sd_buf_free(&b);
    sd_results_free(again);
    sd_results_free(r.res);
    sd_scenario_free(r.sc);
}

/* The replay keeps the log's records after the reader is closed: its copies carry their own
 * contents, and results folded from them (as the replay's slider does) equal the run's. */
static void test_replay_copies(void **state)
{
    (void)state;
    run r;
    run_contents(&r, SD_TEST_DATA "/../../scenarios/participants/diligent.lua");
    sd_error err = SD_ERROR_INIT;
    sd_replay_log *log = NULL;
    if (sd_replay_log_load(r.log, 0, &log, &err) != SD_OK)
        fail_msg("replay load: %s", sd_error_msg(&err));
    sd_results *again = NULL;
    assert_int_equal(sd_results_create(&again, &err), SD_OK);
    for (size_t i = 0; i < sd_replay_log_n_records(log); i++) {
        const sd_record *rec = sd_replay_log_record(log, i);
        if (rec->type == SD_REC_FACILITATOR)
            continue;
        if (sd_results_add(again, rec, &err) != SD_OK)
            fail_msg("record %zu: %s", i, sd_error_msg(&err));
    }
    const sd_rec_header *h = &sd_replay_log_record(log, 0)->u.header;
    assert_int_equal(h->n_contents, r.sc->n_contents);
    assert_true(sd_content_equal(h->scoring.statement, r.sc->scoring.statement));
    assert_int_equal(h->scoring.n_words, 3);
    sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
    assert_int_equal(sd_results_to_json(r.res, &a, &err), SD_OK);
    assert_int_equal(sd_results_to_json(again, &b, &err), SD_OK);
    assert_string_equal(sd_buf_str(&a), sd_buf_str(&b));
    for (size_t i = 0; i < sd_results_n_items(r.res); i++)
        assert_true(sd_content_equal(sd_results_items(r.res)[i].expect->content,
                                     sd_results_items(again)[i].expect->content));
    sd_buf_free(&a);
    sd_buf_free(&b);
    sd_results_free(again);
    sd_replay_log_free(log);
    sd_results_free(r.res);
    sd_scenario_free(r.sc);
}

/* A log whose item names a content the header does not have: refused at its line. */
static void test_log_out_of_range(void **state)
{
    (void)state;
    run r;
    run_contents(&r, SD_TEST_DATA "/../../scenarios/participants/careless.lua");
    sd_results_free(r.res);
    sd_scenario_free(r.sc);
    size_t len;
    char *text = sd_test_read_file(r.log, &len);
    assert_non_null(text);
    /* c1 refers to content 1: make it 99, and compute the chain again as a forger could,
     * so that the check behind the chain is reached */
    char *p = strstr(text, "\"content\":1}");
    assert_non_null(p);
    sd_buf edited = SD_BUF_INIT;
    sd_buf_append(&edited, text, (size_t)(p - text));
    sd_buf_puts(&edited, "\"content\":99}");
    sd_buf_puts(&edited, p + strlen("\"content\":1}"));
    sd_buf out = SD_BUF_INIT;
    assert_int_equal(sd_chain_rewrite(edited.data, edited.len, NULL, &out), SD_OK);
    char path[256];
    path_of("out-of-range.jsonl", path, sizeof path);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(out.data, 1, out.len, f), out.len);
    fclose(f);
    size_t line = 1;
    for (const char *q = out.data; q < out.data + out.len && q < out.data + (p - text); q++)
        line += *q == '\n';
    sd_logr *lr = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_logr_open(path, &lr, &err), SD_OK);
    sd_status st = SD_OK;
    for (;;) {
        sd_record rec;
        bool got;
        if ((st = sd_logr_next(lr, &rec, &got, &err)) != SD_OK || !got)
            break;
    }
    assert_int_equal(st, SD_ERR_INPUT);
    char want[400];
    snprintf(want, sizeof want, "%s:%zu: field 'expect.content' is 99", path, line);
    if (strstr(sd_error_msg(&err), want) == NULL)
        fail_msg("message '%s' lacks '%s'", sd_error_msg(&err), want);
    sd_error_clear(&err);
    sd_logr_close(lr);
    free(text);
    sd_buf_free(&edited);
    sd_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lua_contents),
        cmocka_unit_test(test_lua_english_channels),
        cmocka_unit_test(test_lua_errors),
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_reader_rejects),
        cmocka_unit_test(test_writer_refuses),
        cmocka_unit_test(test_hints),
        cmocka_unit_test(test_live_equals_log),
        cmocka_unit_test(test_replay_copies),
        cmocka_unit_test(test_log_out_of_range),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
