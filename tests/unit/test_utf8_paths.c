/* test_utf8_paths.c - cmocka tests: text is UTF-8 throughout. One table of invalid inputs
 * (overlong forms, surrogates, truncated sequences, code points above U+10FFFF, bytes that
 * never appear, lone continuation bytes, a NUL in the middle) goes through the JSON
 * writer, the C-string repair (sd_utf8_sanitize_text, sd_utf8_clean), a participant's
 * actions through sd_session_act (text, reason, item id) and through a scripted
 * participant's Lua strings, into the session log and the results file; and a scenario's
 * texts (post, storm pool, hijack posts, persona name) through the loader. Every file
 * comes out valid UTF-8 JSON with each invalid part replaced by U+FFFD (one per maximal
 * invalid subpart), and nothing is cut off at a NUL. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log/logw.h"
#include "participant/bot.h"
#include "results/results.h"
#include "scenario/scenario.h"
#include "session/session.h"
#include "util/jsonw.h"
#include "util/utf8.h"

#define R "\xEF\xBF\xBD" /* U+FFFD */

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_utf8");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

/* One input: its bytes, the repaired C string, and the JSON string literal jsonw writes. */
typedef struct bad {
    const char *name;
    const char *in;
    size_t len;
    const char *text; /* sd_utf8_sanitize_text: NUL bytes become U+FFFD too */
    const char *json; /* jsonw: a NUL is escaped as \u0000 */
} bad;

#define CASE(name, in, text, json) {name, in, sizeof in - 1, text, json}
static const bad cases[] = {
    CASE("overlong 2-byte '/'", "a\xC0\xAFz", "a" R R "z", "\"a" R R "z\""),
    CASE("overlong 2-byte NUL", "a\xC0\x80z", "a" R R "z", "\"a" R R "z\""),
    CASE("overlong 3-byte", "a\xE0\x80\xAFz", "a" R R R "z", "\"a" R R R "z\""),
    CASE("overlong 4-byte", "a\xF0\x80\x80\xAFz", "a" R R R R "z", "\"a" R R R R "z\""),
    CASE("high surrogate", "a\xED\xA0\x80z", "a" R R R "z", "\"a" R R R "z\""),
    CASE("low surrogate", "a\xED\xBF\xBFz", "a" R R R "z", "\"a" R R R "z\""),
    CASE("truncated at the end", "a\xE2\x82", "a" R, "\"a" R "\""),
    CASE("truncated in the middle", "a\xE2\x82z", "a" R "z", "\"a" R "z\""),
    CASE("truncated 4-byte", "a\xF0\x9F\x98z", "a" R "z", "\"a" R "z\""),
    CASE("above U+10FFFF", "a\xF4\x90\x80\x80z", "a" R R R R "z", "\"a" R R R R "z\""),
    CASE("F5 lead", "a\xF5\x80z", "a" R R "z", "\"a" R R "z\""),
    CASE("FE and FF", "\xFE\xFF", R R, "\"" R R "\""),
    CASE("lone continuation", "a\x80z", "a" R "z", "\"a" R "z\""),
    CASE("continuations only", "\x80\xBF\x80", R R R, "\"" R R R "\""),
    CASE("lead without continuation", "\xC3 x", R " x", "\"" R " x\""),
    CASE("NUL in the middle", "a\0b", "a" R "b", "\"a\\u0000b\""),
    CASE("NUL and invalid", "\0\xC0", R R, "\"\\u0000" R "\""),
    CASE("valid text kept", "Hej Åsa 😀 ✓", "Hej Åsa 😀 ✓", "\"Hej Åsa 😀 ✓\""),
};
#define N_CASES (sizeof cases / sizeof cases[0])

static bool has_nul(const bad *c) { return memchr(c->in, '\0', c->len) != NULL; }

static char *slurp(const char *path, size_t *len)
{
    char *text = sd_test_read_file(path, len);
    if (text == NULL)
        fail_msg("cannot read %s", path);
    return text;
}

static void write_file(const char *path, const char *text)
{
    assert_int_equal(sd_test_write_file(path, text), 0);
}

/* ---- the JSON writer and the repair functions ---- */

static void test_jsonw_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_CASES; i++) {
        const bad *c = &cases[i];
        sd_buf b = SD_BUF_INIT;
        sd_jsonw w;
        sd_jsonw_init(&w, &b, false);
        sd_jsonw_object_begin(&w);
        sd_jsonw_key(&w, "v");
        sd_jsonw_string_n(&w, c->in, c->len);
        sd_jsonw_key(&w, has_nul(c) ? "k" : c->in); /* keys are strings too */
        sd_jsonw_int(&w, 1);
        sd_jsonw_object_end(&w);
        assert_true(sd_jsonw_ok(&w));
        if (!sd_utf8_valid(b.data, b.len))
            fail_msg("%s: jsonw wrote invalid UTF-8", c->name);
        char want[200];
        snprintf(want, sizeof want, "{\"v\":%s,", c->json);
        if (strncmp(b.data, want, strlen(want)) != 0)
            fail_msg("%s: jsonw wrote %s, expected it to start %s", c->name, b.data, want);
        cJSON *o = cJSON_ParseWithLength(b.data, b.len);
        if (o == NULL)
            fail_msg("%s: jsonw's output does not parse: %s", c->name, b.data);
        cJSON_Delete(o);
        sd_buf_free(&b);
    }
}

static void test_sanitize_text_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_CASES; i++) {
        const bad *c = &cases[i];
        sd_buf b = SD_BUF_INIT;
        assert_int_equal(sd_utf8_sanitize_text(&b, c->in, c->len), SD_OK);
        if (b.len != strlen(c->text) || memcmp(b.data, c->text, b.len) != 0)
            fail_msg("%s: repaired to '%s', expected '%s'", c->name, sd_buf_str(&b), c->text);
        sd_buf scratch = SD_BUF_INIT;
        const char *clean = sd_utf8_clean(c->in, c->len, &scratch);
        assert_non_null(clean);
        assert_string_equal(clean, c->text);
        bool valid = !has_nul(c) && sd_utf8_valid(c->in, c->len);
        /* Valid text is handed back as it is, without a copy. */
        assert_int_equal(clean == c->in, valid);
        sd_buf_free(&scratch);
        sd_buf_free(&b);
    }
}

/* ---- actions into the log and the results ---- */

static const char *const SCEN =
    "scenario { id = \"u\", title = \"U\", start = \"2026-03-10 09:00\", duration = \"1h\",\n"
    "           compression = 60, seed = 3 }\n"
    "persona { id = \"anna\", first = \"Anna\", last = \"Berg\", mood = \"calm\" }\n"
    "post { id = \"p1\", at = \"+0m\", text = \"Post\" }\n"
    "comment { id = \"c1\", at = \"+1m\", on = \"p1\", author = \"anna\", text = \"Hej?\" }\n"
    "comment { id = \"c2\", at = \"+1m\", on = \"p1\", author = \"anna\", text = \"Hallå?\" }\n";

static sd_scenario *load(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", g_dir, name);
    write_file(path, text);
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    if (sd_scenario_load(path, NULL, &sc, &err) != SD_OK)
        fail_msg("%s: %s", name, sd_error_msg(&err));
    return sc;
}

/* Every line of the log parses as JSON and is valid UTF-8; the action and rejected records'
 * strings are collected (field `key`) in order into out (joined with '\n'). */
static void check_log(const char *path, const char *key, sd_buf *out)
{
    size_t len;
    char *text = slurp(path, &len);
    assert_true(len > 0);
    if (!sd_utf8_valid(text, len))
        fail_msg("%s is not valid UTF-8", path);
    for (char *line = text, *nl; *line; line = nl + 1) {
        nl = strchr(line, '\n');
        assert_non_null(nl);
        cJSON *o = cJSON_ParseWithLength(line, (size_t)(nl - line));
        if (o == NULL)
            fail_msg("%s: a line does not parse: %.*s", path, (int)(nl - line), line);
        const char *type = cJSON_GetStringValue(cJSON_GetObjectItem(o, "type"));
        const cJSON *v = cJSON_GetObjectItem(o, key);
        if (type && (strcmp(type, "action") == 0 || strcmp(type, "rejected") == 0) && cJSON_IsString(v)) {
            sd_buf_puts(out, v->valuestring);
            sd_buf_putc(out, '\n');
        }
        cJSON_Delete(o);
    }
    free(text);
}

/* The results file is valid UTF-8 and parses. */
static char *check_results(sd_results *res, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", g_dir, name);
    sd_error err = SD_ERROR_INIT;
    if (sd_results_save(res, path, &err) != SD_OK)
        fail_msg("save: %s", sd_error_msg(&err));
    size_t len;
    char *text = slurp(path, &len);
    if (!sd_utf8_valid(text, len))
        fail_msg("%s is not valid UTF-8", path);
    cJSON *o = cJSON_ParseWithLength(text, len);
    if (o == NULL)
        fail_msg("%s does not parse", path);
    cJSON_Delete(o);
    return text;
}

static void test_action_strings_to_log_and_results(void **state)
{
    (void)state;
    sd_scenario *sc = load("act.lua", SCEN);
    char log_path[256];
    snprintf(log_path, sizeof log_path, "%s/act.jsonl", g_dir);
    sd_error err = SD_ERROR_INIT;
    sd_logw *log = NULL;
    sd_results *res = NULL;
    sd_session *s = NULL;
    assert_int_equal(sd_logw_open(log_path, &log, &err), SD_OK);
    assert_int_equal(sd_results_create(&res, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim", .participant_kind = "person",
                             .log = log, .results = res, .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    assert_int_equal(sd_session_step_sim(s, 120, &err), SD_OK);
    /* C strings end at a NUL: those cases go through the scripted participant below. */
    sd_buf texts = SD_BUF_INIT, items = SD_BUF_INIT, reasons = SD_BUF_INIT;
    for (size_t i = 0; i < N_CASES; i++) {
        const bad *c = &cases[i];
        if (has_nul(c))
            continue;
        sd_action a;
        sd_action_init(&a, SD_ACT_PUBLISH);
        a.text = c->in;
        assert_int_equal(sd_session_act(s, &a, &err), SD_OK);
        sd_buf_printf(&texts, "%s\n", c->text);
        /* An unknown item id with invalid bytes: refused, logged repaired. */
        sd_action_init(&a, SD_ACT_HIDE);
        a.item = c->in;
        a.reason = c->in;
        assert_int_equal(sd_session_act(s, &a, &err), SD_ERR_INPUT);
        assert_true(sd_utf8_valid(sd_error_msg(&err), strlen(sd_error_msg(&err))));
        sd_buf_printf(&items, "%s\n", c->text);
        sd_buf_printf(&reasons, "%s\n", c->text);
    }
    /* A reason that is kept with an accepted action. */
    sd_action a;
    sd_action_init(&a, SD_ACT_HIDE);
    a.item = "c1";
    a.reason = "spam\xC0\xAF";
    assert_int_equal(sd_session_act(s, &a, &err), SD_OK);
    sd_buf_printf(&items, "c1\n");
    sd_buf_printf(&reasons, "spam" R R "\n");
    assert_int_equal(sd_session_end(s, "done", &err), SD_OK);
    sd_session_destroy(s);
    assert_int_equal(sd_logw_close(log, &err), SD_OK);

    sd_buf got = SD_BUF_INIT;
    check_log(log_path, "text", &got);
    assert_string_equal(sd_buf_str(&got), sd_buf_str(&texts));
    sd_buf_reset(&got);
    check_log(log_path, "item", &got);
    assert_string_equal(sd_buf_str(&got), sd_buf_str(&items));
    sd_buf_reset(&got);
    check_log(log_path, "reason", &got);
    assert_string_equal(sd_buf_str(&got), sd_buf_str(&reasons));

    char *json = check_results(res, "act-results.json");
    for (size_t i = 0; i < N_CASES; i++)
        if (!has_nul(&cases[i]) && strstr(json, cases[i].text) == NULL)
            fail_msg("%s: the results lack the repaired text", cases[i].name);
    assert_non_null(strstr(json, "spam" R R));
    free(json);
    sd_buf_free(&got);
    sd_buf_free(&texts);
    sd_buf_free(&items);
    sd_buf_free(&reasons);
    sd_results_free(res);
    sd_scenario_free(sc);
    sd_error_clear(&err);
}

/* A scripted participant's strings are Lua strings: they may hold NUL bytes. Each one of
 * the table becomes a published text; a NUL inside an item id must not cut it short into
 * another item's id ("c1\0x" is not "c1"). */
static void test_participant_strings(void **state)
{
    (void)state;
    sd_buf lua = SD_BUF_INIT;
    sd_buf_puts(&lua, "participant { name = \"Kim\" }\nlocal texts = {");
    for (size_t i = 0; i < N_CASES; i++) {
        sd_buf_puts(&lua, "\"");
        for (size_t k = 0; k < cases[i].len; k++)
            sd_buf_printf(&lua, "\\%u", (unsigned char)cases[i].in[k]);
        sd_buf_puts(&lua, "\",");
    }
    sd_buf_puts(&lua,
                "}\nlocal done = false\n"
                "function on_item(item)\n"
                "  if done then return nil end\n"
                "  done = true\n"
                "  local out = {}\n"
                "  for _, t in ipairs(texts) do\n"
                "    out[#out + 1] = { action = \"publish\", text = t, after = \"1m\" }\n"
                "  end\n"
                "  out[#out + 1] = { action = \"hide\", item = \"c1\\0x\", reason = \"r\\0s\", after = \"2m\" }\n"
                "  out[#out + 1] = { action = \"hide\", item = \"c2\", reason = \"r\\0\\255s\", after = \"2m\" }\n"
                "  return out\n"
                "end\n");
    char bot_path[256], log_path[256];
    snprintf(bot_path, sizeof bot_path, "%s/bot.lua", g_dir);
    snprintf(log_path, sizeof log_path, "%s/bot.jsonl", g_dir);
    write_file(bot_path, sd_buf_str(&lua));
    sd_buf_free(&lua);

    sd_scenario *sc = load("bot-scen.lua", SCEN);
    sd_error err = SD_ERROR_INIT;
    sd_bot *bot = NULL;
    sd_logw *log = NULL;
    sd_results *res = NULL;
    sd_session *s = NULL;
    if (sd_bot_load(bot_path, NULL, NULL, 0, &bot, &err) != SD_OK)
        fail_msg("bot: %s", sd_error_msg(&err));
    assert_int_equal(sd_logw_open(log_path, &log, &err), SD_OK);
    assert_int_equal(sd_results_create(&res, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim", .participant_kind = "scripted",
                             .log = log, .results = res, .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_bot_attach(bot, s, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    if (sd_session_run(s, &err) != SD_OK)
        fail_msg("run: %s", sd_error_msg(&err));
    sd_session_destroy(s);
    assert_int_equal(sd_logw_close(log, &err), SD_OK);

    sd_buf want = SD_BUF_INIT, got = SD_BUF_INIT;
    for (size_t i = 0; i < N_CASES; i++)
        sd_buf_printf(&want, "%s\n", cases[i].text);
    check_log(log_path, "text", &got);
    assert_string_equal(sd_buf_str(&got), sd_buf_str(&want));
    sd_buf_reset(&got);
    check_log(log_path, "item", &got);
    assert_string_equal(sd_buf_str(&got), "c1" R "x\nc2\n"); /* the first refused */
    sd_buf_reset(&got);
    check_log(log_path, "reason", &got);
    assert_string_equal(sd_buf_str(&got), "r" R "s\nr" R R "s\n");
    char *json = check_results(res, "bot-results.json");
    assert_non_null(strstr(json, "r" R R "s"));
    free(json);
    sd_buf_free(&want);
    sd_buf_free(&got);
    sd_results_free(res);
    sd_bot_free(bot);
    sd_scenario_free(sc);
    sd_error_clear(&err);
}

/* ---- a scenario's texts ---- */

static void test_scenario_texts(void **state)
{
    (void)state;
    sd_scenario *sc = load("texts.lua",
        "scenario { id = \"x\", title = \"T\\192itel\", start = \"2026-03-13 18:00\", duration = \"1h\",\n"
        "           compression = 60, seed = 1 }\n"
        "persona { id = \"anna\", first = \"\\128Anna\", last = \"Berg\" }\n"
        "post { id = \"p1\", at = \"+0m\", text = \"Bad \\237\\160\\128 text\" }\n"
        "comment { id = \"c1\", at = \"+1m\", on = \"p1\", author = \"anna\", text = \"Hej\" }\n"
        "storm { id = \"s\", on = \"p1\", from = \"+2m\", to = \"+5m\", count = 20,\n"
        "        texts = { \"x\\244\\144\\128\\128y\" } }\n"
        "hijack { id = \"hj\", at = \"+10m\", notice = \"Ny \\255inloggning\", posts = { \"\\245z\" },\n"
        "         every = \"10m\", steps = { \"change_password\", \"revoke_sessions\" } }\n");
    char log_path[256];
    snprintf(log_path, sizeof log_path, "%s/texts.jsonl", g_dir);
    sd_error err = SD_ERROR_INIT;
    sd_logw *log = NULL;
    sd_session *s = NULL;
    assert_int_equal(sd_logw_open(log_path, &log, &err), SD_OK);
    sd_session_config cfg = {.scenario = sc, .participant = "Kim", .participant_kind = "person",
                             .log = log, .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    if (sd_session_run(s, &err) != SD_OK)
        fail_msg("run: %s", sd_error_msg(&err));
    sd_session_destroy(s);
    assert_int_equal(sd_logw_close(log, &err), SD_OK);
    /* The loaded strings themselves, as the window shows them. */
    assert_string_equal(sc->title, "T" R "itel");
    sd_buf unused = SD_BUF_INIT;
    check_log(log_path, "text", &unused); /* every line valid and parsing */
    sd_buf_free(&unused);
    size_t len;
    char *text = slurp(log_path, &len);
    const char *want[] = {"Bad " R R R " text", "x" R R R R "y", R "Anna", "Ny " R "inloggning", R "z"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (strstr(text, want[i]) == NULL)
            fail_msg("the log lacks '%s'", want[i]);
    free(text);
    sd_scenario_free(sc);
    sd_error_clear(&err);
}

/* A NUL byte in a scenario's text is an error naming the field (nothing is cut off). */
static void test_scenario_nul_refused(void **state)
{
    (void)state;
    static const char *const bad_scen[] = {
        "post { id = \"p1\", at = \"+0m\", text = \"a\\0b\" }\n",
        "storm { id = \"s\", on = \"p1\", from = \"+2m\", to = \"+5m\", count = 2, texts = { \"a\\0b\" } }\n",
        "hijack { id = \"hj\", at = \"+10m\", notice = \"N\", posts = { \"a\\0b\" } }\n",
    };
    for (size_t i = 0; i < 3; i++) {
        char path[256], text[1024];
        snprintf(path, sizeof path, "%s/nul%zu.lua", g_dir, i);
        snprintf(text, sizeof text,
                 "scenario { id = \"x\", title = \"T\", start = \"2026-03-13 18:00\", duration = \"1h\" }\n"
                 "%s%s", i ? "post { id = \"p1\", at = \"+0m\", text = \"P\" }\n" : "", bad_scen[i]);
        write_file(path, text);
        sd_error err = SD_ERROR_INIT;
        sd_scenario *sc = NULL;
        assert_int_not_equal(sd_scenario_load(path, NULL, &sc, &err), SD_OK);
        if (strstr(sd_error_msg(&err), "NUL") == NULL || strstr(sd_error_msg(&err), path) == NULL)
            fail_msg("case %zu: %s", i, sd_error_msg(&err));
        sd_error_clear(&err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonw_table),
        cmocka_unit_test(test_sanitize_text_table),
        cmocka_unit_test(test_action_strings_to_log_and_results),
        cmocka_unit_test(test_participant_strings),
        cmocka_unit_test(test_scenario_texts),
        cmocka_unit_test(test_scenario_nul_refused),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
