/* test_scenario.c - cmocka tests of engine/scenario: loading scenario files written to a
 * temp folder. Every declaration (scenario{} metadata, persona{}, each item kind with each
 * time notation, expect{} fields and the defaults per kind and mood, storm{} with count or
 * rate, each curve, moods, texts plain and per mood, compose, repeats, authors, hijack{},
 * on(), every(), when()) is read into the right C data; the time and duration parsers;
 * and a table of authoring errors, each of which must name "file.lua:LINE:" with the right
 * line and say what is wrong. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lua.h>

#include "scenario/scenario.h"
#include "scenario/scenario_lua.h"
#include "util/sha256.h"

/* ---- fixture and helpers ---- */

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_scenario");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static void path_of(const char *name, char *out, size_t n) { snprintf(out, n, "%s/%s", g_dir, name); }

static void write_text(const char *name, const char *text)
{
    char path[256];
    path_of(name, path, sizeof path);
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        fail_msg("cannot create %s", path);
    fputs(text, f);
    fclose(f);
}

/* Writes text to name in the temp folder and loads it. Returns the status; the message
 * (or "") goes to msg; on success *out is the scenario (the caller frees it). */
static sd_status load_text(const char *name, const char *text, sd_scenario **out, char *msg,
                           size_t msglen)
{
    char path[256];
    write_text(name, text);
    path_of(name, path, sizeof path);
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

static sd_scenario *load_ok(const char *name, const char *text)
{
    char msg[1024];
    sd_scenario *sc = NULL;
    if (load_text(name, text, &sc, msg, sizeof msg) != SD_OK)
        fail_msg("%s did not load: %s", name, msg);
    assert_non_null(sc);
    return sc;
}

static sd_time T(const char *s)
{
    sd_time t;
    if (sd_time_parse(s, &t, NULL) != SD_OK)
        fail_msg("bad time in test: %s", s);
    return t;
}

static const sd_item_def *item(const sd_scenario *sc, const char *id)
{
    const sd_item_def *d = sd_scenario_item_def(sc, id);
    if (d == NULL)
        fail_msg("no item '%s'", id);
    return d;
}

#define BIT(x) (1u << (x))

/* ---- scenario{} and persona{} ---- */

static const char *const FULL_HEAD =
    "scenario {\n"                                                                   /* 1 */
    "  id = \"full\", title = \"Full\", language = \"en\", description = \"D\",\n"
    "  aim = \"A\", role = \"Editor\", start = \"2026-03-10 09:00\", duration = \"3h\",\n"
    "  compression = 15, seed = 99, max_words = 80,\n"
    "  account = { name = \"Ekby\", handle = \"ekby\" },\n"                          /* 5 */
    "  office_hours = { \"07:30\", \"16:00\" },\n"
    "  calendar = { closed = { \"2026-03-11\" }, open = { \"2026-03-14\" } },\n"
    "  audience = { responsiveness = 0.1, calm_rate = 0.02, delete_penalty = 0.5,\n"
    "               min_intensity = 0.8, max_intensity = 2, sentiment_rate = 0.05 },\n"
    "}\n"                                                                            /* 10 */
    "persona { id = \"anna\", first = \"Anna\", last = \"Berg\", mood = \"frustrated\",\n"
    "          traits = { \"parent\", \"teacher\" } }\n"
    "persona { id = \"kalle\", first = \"Kalle\", mood = \"troll\" }\n"
    "persona { id = \"ake\", first = \"Åke\", last = \"Ek\", mood = \"angry\" }\n"
    "persona { id = \"calm\", first = \"Cecilia\" }\n"                               /* 15 */
    "persona { id = \"wor\", first = \"Wilma\", mood = \"worried\" }\n"
    "post { id = \"p1\", at = \"+0m\", text = \"Post\" }\n";                         /* 17 */

static void test_scenario_metadata(void **state)
{
    (void)state;
    sd_scenario *sc = load_ok("meta.lua", FULL_HEAD);
    assert_string_equal(sc->id, "full");
    assert_string_equal(sc->title, "Full");
    assert_string_equal(sc->description, "D");
    assert_string_equal(sc->aim, "A");
    assert_string_equal(sc->role, "Editor");
    assert_int_equal(sc->lang, SD_LANG_EN);
    assert_int_equal(sc->start, T("2026-03-10 09:00"));
    assert_int_equal(sc->duration, 3 * 3600);
    assert_float_equal(sc->compression, 15, 0);
    assert_int_equal(sc->seed, 99);
    assert_int_equal(sc->default_max_words, 80);
    assert_string_equal(sc->account_name, "Ekby");
    assert_string_equal(sc->account_handle, "ekby");
    assert_int_equal(sc->calendar.office_open, 7 * 3600 + 30 * 60);
    assert_int_equal(sc->calendar.office_close, 16 * 3600);
    int64_t wed = T("2026-03-11") / 86400, sat = T("2026-03-14") / 86400;
    assert_false(sd_calendar_is_working_day(&sc->calendar, wed)); /* closed override */
    assert_true(sd_calendar_is_working_day(&sc->calendar, sat));  /* open override */
    assert_true(sd_calendar_is_working_day(&sc->calendar, wed + 1));
    assert_float_equal(sc->audience.responsiveness, 0.1, 1e-12);
    assert_float_equal(sc->audience.calm_rate, 0.02, 1e-12);
    assert_float_equal(sc->audience.delete_penalty, 0.5, 1e-12);
    assert_float_equal(sc->audience.min_intensity, 0.8, 1e-12);
    assert_float_equal(sc->audience.max_intensity, 2, 1e-12);
    assert_float_equal(sc->audience.sentiment_rate, 0.05, 1e-12);
    assert_true(sc->declared);
    assert_int_equal(sc->scenario_line, 1);
    /* the file's hash */
    char path[256], hex[65];
    path_of("meta.lua", path, sizeof path);
    sd_sha256_hex(FULL_HEAD, strlen(FULL_HEAD), hex);
    assert_string_equal(sc->sha256, hex);
    assert_string_equal(sc->path, path);

    assert_int_equal(sc->n_personas, 5);
    const sd_persona *a = sd_scenario_persona(sc, "anna");
    assert_non_null(a);
    assert_string_equal(a->first, "Anna");
    assert_string_equal(a->last, "Berg");
    assert_int_equal(a->mood, SD_MOOD_FRUSTRATED);
    assert_string_equal(a->traits, "parent,teacher");
    assert_int_equal(a->line, 11);
    const sd_persona *k = sd_scenario_persona(sc, "kalle");
    assert_null(k->last);
    assert_null(k->traits);
    assert_int_equal(k->mood, SD_MOOD_TROLL);
    assert_string_equal(sd_scenario_persona(sc, "ake")->first, "Åke");
    assert_int_equal(sd_scenario_persona(sc, "calm")->mood, SD_MOOD_CALM);
    assert_null(sd_scenario_persona(sc, "nobody"));
    sd_scenario_free(sc);

    /* defaults of a minimal scenario */
    sc = load_ok("min.lua", "scenario { id = \"m\", title = \"M\", start = \"2026-03-10 09:00\", "
                            "duration = 30 }\n");
    assert_int_equal(sc->lang, SD_LANG_SV);
    assert_int_equal(sc->duration, 30 * 60);
    assert_float_equal(sc->compression, 1, 0);
    assert_int_equal(sc->seed, 1);
    assert_int_equal(sc->default_max_words, 100);
    assert_null(sc->account_name);
    assert_int_equal(sc->calendar.office_open, 8 * 3600);
    assert_float_equal(sc->audience.responsiveness, 0.05, 1e-12);
    assert_float_equal(sc->audience.max_intensity, 3, 1e-12);
    assert_int_equal(sc->n_items + sc->n_storms + sc->n_hijacks + sc->n_hooks, 0);
    sd_scenario_free(sc);
}

/* ---- items, times and expectations ---- */

static void test_items_and_times(void **state)
{
    (void)state;
    char text[8192];
    snprintf(text, sizeof text, "%s%s", FULL_HEAD,
             "comment { id = \"c1\", at = \"+30m\", on = \"p1\", author = \"anna\", text = \"Q?\" }\n"
             "comment { id = \"c2\", at = \"09:15\", on = \"p1\", author = \"kalle\", text = \"T\" }\n"
             "reply { id = \"r1\", at = \"2026-03-10 09:45\", on = \"c1\", author = \"ake\", text = \"R\" }\n"
             "dm { id = \"d1\", at = 50, author = \"calm\", text = \"DM\" }\n"
             "media { id = \"m1\", at = \"+1h\", title = \"Headline\", outlet = \"Tidningen\",\n"
             "        url = \"https://news.example/a\" }\n"
             "inquiry { id = \"q1\", at = \"+1h5m\", author = \"wor\", outlet = \"Radio\", text = \"Call\",\n"
             "          url = \"https://x.example/i\" }\n"
             "internal { id = \"i1\", at = \"2026-03-10T10:10:30\", from = \"press_officer\", text = \"Hi\" }\n"
             "notice { id = \"n1\", at = \"+1h15m\", text = \"Notice\" }\n"
             "comment { id = \"c3\", at = \"+2h\", on = \"p1\", author = \"anna\", text = \"Again\",\n"
             "          repeat_of = \"c1\" }\n"
             "internal { id = \"i2\", from = \"manager\", text = \"Now\", expect = { answer = true, within = 15 } }\n"
             "comment { id = \"c4\", at = \"+2h30m\", on = \"p1\", author = \"calm\", text = \"E\",\n"
             "  expect = { answer = false, within = \"45m\", acknowledge = true, link = \"https://l.example\",\n"
             "             escalate = { \"manager\", \"legal\" }, escalate_within = \"1h\",\n"
             "             ok = { \"reply\", \"refer\" }, fault = \"delete\", class = \"misunderstanding\",\n"
             "             rules = { \"greeting\", \"signoff\" }, weight = 2.5, max_words = 60 } }\n"
             "comment { id = \"c5\", at = \"+3h\", on = \"p1\", author = \"kalle\", text = \"T2\",\n"
             "          expect = { ok = \"monitor\" } }\n");
    sd_scenario *sc = load_ok("items.lua", text);
    assert_int_equal(sc->n_items, 13);
    sd_time s = sc->start;
    /* at, in each notation; kinds; authors, parents; declaration lines */
    static const struct {
        const char *id;
        sd_kind kind;
        int64_t at; /* seconds after the start */
        const char *author, *parent;
        int line;
    } want[] = {
        {"p1", SD_KIND_POST, 0, NULL, NULL, 17},
        {"c1", SD_KIND_COMMENT, 30 * 60, "anna", "p1", 18},
        {"c2", SD_KIND_COMMENT, 15 * 60, "kalle", "p1", 19},
        {"r1", SD_KIND_REPLY, 45 * 60, "ake", "c1", 20},
        {"d1", SD_KIND_DM, 50 * 60, "calm", NULL, 21},
        {"m1", SD_KIND_MEDIA, 60 * 60, NULL, NULL, 22},
        {"q1", SD_KIND_INQUIRY, 65 * 60, "wor", NULL, 24},
        {"i1", SD_KIND_INTERNAL, 70 * 60 + 30, NULL, NULL, 26},
        {"n1", SD_KIND_NOTICE, 75 * 60, NULL, NULL, 27},
        {"c3", SD_KIND_COMMENT, 120 * 60, "anna", "p1", 28},
        {"i2", SD_KIND_INTERNAL, 0, NULL, NULL, 30},
        {"c4", SD_KIND_COMMENT, 150 * 60, "calm", "p1", 31},
        {"c5", SD_KIND_COMMENT, 180 * 60, "kalle", "p1", 36},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const sd_item_def *d = &sc->items[i];
        if (strcmp(d->id, want[i].id) != 0 || d->kind != want[i].kind || d->at != s + want[i].at ||
            d->line != want[i].line)
            fail_msg("item %zu: got %s kind %d at +%llds line %d", i, d->id, d->kind,
                     (long long)(d->at - s), d->line);
        if (want[i].author)
            assert_string_equal(d->author, want[i].author);
        else
            assert_null(d->author);
        if (want[i].parent)
            assert_string_equal(d->parent, want[i].parent);
        else
            assert_null(d->parent);
    }
    assert_int_equal(item(sc, "i1")->from, SD_SENDER_PRESS_OFFICER);
    assert_string_equal(item(sc, "m1")->title, "Headline");
    assert_string_equal(item(sc, "m1")->outlet, "Tidningen");
    assert_null(item(sc, "m1")->text);
    assert_null(item(sc, "m1")->expect.link); /* a media url is no link to give */
    assert_string_equal(item(sc, "q1")->expect.link, "https://x.example/i");
    assert_string_equal(item(sc, "c3")->repeat_of, "c1");

    /* the defaults per kind and mood */
    static const struct {
        const char *id;
        bool answer, ack;
        sd_class cls;
        uint32_t ok;
    } dflt[] = {
        {"p1", false, false, SD_CLASS_NONE, 0},
        {"c1", true, true, SD_CLASS_QUESTION, 0},   /* frustrated */
        {"c2", false, false, SD_CLASS_TROLL,
         BIT(SD_DECISION_MONITOR) | BIT(SD_DECISION_HIDE) | BIT(SD_DECISION_REPORT)},
        {"r1", true, true, SD_CLASS_QUESTION, 0},   /* angry */
        {"d1", true, false, SD_CLASS_QUESTION, 0},  /* calm */
        {"m1", false, false, SD_CLASS_NONE, 0},
        {"q1", true, false, SD_CLASS_QUESTION, 0},  /* worried */
        {"i1", false, false, SD_CLASS_NONE, 0},
        {"n1", false, false, SD_CLASS_NONE, 0},
        {"c5", false, false, SD_CLASS_TROLL, BIT(SD_DECISION_MONITOR)}, /* ok overridden */
    };
    for (size_t i = 0; i < sizeof dflt / sizeof dflt[0]; i++) {
        const sd_expect *e = &item(sc, dflt[i].id)->expect;
        if (e->answer != dflt[i].answer || e->acknowledge != dflt[i].ack || e->cls != dflt[i].cls ||
            e->ok != dflt[i].ok || e->within != 0 || e->weight != 1.0 || e->fault != 0)
            fail_msg("item %s: answer %d ack %d class %d ok %#x within %lld weight %g", dflt[i].id,
                     e->answer, e->acknowledge, e->cls, e->ok, (long long)e->within, e->weight);
    }
    assert_int_equal(item(sc, "c3")->expect.rules, 1ULL << SD_RULE_REPEAT_ONCE);
    assert_int_equal(item(sc, "c1")->expect.rules, 0);
    const sd_expect *i2 = &item(sc, "i2")->expect;
    assert_true(i2->answer);
    assert_int_equal(i2->within, 15 * 60);

    /* every expect field */
    const sd_expect *e = &item(sc, "c4")->expect;
    assert_false(e->answer);
    assert_int_equal(e->within, 45 * 60);
    assert_true(e->acknowledge);
    assert_string_equal(e->link, "https://l.example");
    assert_int_equal(e->escalate, BIT(SD_TARGET_MANAGER) | BIT(SD_TARGET_LEGAL));
    assert_int_equal(e->escalate_within, 3600);
    assert_int_equal(e->ok, BIT(SD_DECISION_REPLY) | BIT(SD_DECISION_REFER));
    assert_int_equal(e->fault, BIT(SD_DECISION_DELETE));
    assert_int_equal(e->cls, SD_CLASS_MISUNDERSTANDING);
    assert_int_equal(e->rules, (1ULL << SD_RULE_GREETING) | (1ULL << SD_RULE_SIGNOFF));
    assert_float_equal(e->weight, 2.5, 0);
    assert_int_equal(e->max_words, 60);
    sd_scenario_free(sc);
}

static void test_expect_defaults_table(void **state)
{
    (void)state;
    uint32_t troll_ok = BIT(SD_DECISION_MONITOR) | BIT(SD_DECISION_HIDE) | BIT(SD_DECISION_REPORT);
    for (int k = 0; k < SD_KIND_COUNT; k++)
        for (int m = 0; m < SD_MOOD_COUNT; m++) {
            sd_expect e;
            memset(&e, 0x5a, sizeof e);
            sd_expect_defaults(&e, (sd_kind)k, (sd_mood)m);
            bool authored = k == SD_KIND_COMMENT || k == SD_KIND_REPLY || k == SD_KIND_DM ||
                            k == SD_KIND_INQUIRY;
            bool troll = authored && m == SD_MOOD_TROLL;
            assert_int_equal(e.answer, authored && !troll);
            assert_int_equal(e.acknowledge, m == SD_MOOD_FRUSTRATED || m == SD_MOOD_ANGRY);
            assert_int_equal(e.cls, troll ? SD_CLASS_TROLL : authored ? SD_CLASS_QUESTION : SD_CLASS_NONE);
            assert_int_equal(e.ok, troll ? troll_ok : 0);
            assert_null(e.link);
            assert_int_equal(e.within + e.escalate + e.escalate_within + e.fault + e.rules +
                                 (uint64_t)e.max_words,
                             0);
            assert_float_equal(e.weight, 1, 0);
        }
}

static void test_time_notations(void **state)
{
    (void)state;
    sd_time start = T("2026-03-10 09:00"), base = T("2026-03-10 10:00");
    static const struct {
        const char *s;
        const char *want; /* NULL: invalid */
    } when[] = {
        {"+30m", "2026-03-10 10:30"}, {"+1h30m", "2026-03-10 11:30"}, {"+45s", "2026-03-10 10:00:45"},
        {"+2d", "2026-03-12 10:00"},  {"+0m", "2026-03-10 10:00"},    {"09:15", "2026-03-10 09:15"},
        {"00:00", "2026-03-10 00:00"}, {"23:59", "2026-03-10 23:59"},
        {"2026-03-10 09:15", "2026-03-10 09:15"}, {"2026-03-11T08:00:30", "2026-03-11 08:00:30"},
        {"2026-03-12", "2026-03-12 00:00"},
        {"24:00", NULL}, {"9:15", NULL}, {"09:60", NULL}, {"+", NULL}, {"+5x", NULL}, {"", NULL},
        {"2026-02-30 09:00", NULL}, {"tomorrow", NULL}, {"+-5m", NULL}, {"+30", NULL},
    };
    for (size_t i = 0; i < sizeof when / sizeof when[0]; i++) {
        sd_time got = 0;
        sd_error err = SD_ERROR_INIT;
        sd_status st = sd_parse_when(when[i].s, base, start, &got, &err);
        if (when[i].want == NULL) {
            if (st != SD_ERR_INPUT || strstr(sd_error_msg(&err), "invalid time") == NULL)
                fail_msg("'%s' should be invalid (status %d, '%s')", when[i].s, st, sd_error_msg(&err));
        } else if (st != SD_OK || got != T(when[i].want)) {
            fail_msg("'%s': status %d, got %lld want %s", when[i].s, st, (long long)got, when[i].want);
        }
        sd_error_clear(&err);
    }
    static const struct {
        const char *s;
        int64_t want; /* -1: invalid */
    } dur[] = {
        {"45s", 45}, {"30m", 1800}, {"2h", 7200}, {"1h30m", 5400}, {"1d", 86400},
        {"1d2h", 93600}, {"0m", 0}, {"90m", 5400}, {"3650d", 3650LL * 86400},
        {"3651d", -1}, {"5x", -1}, {"", -1}, {"m", -1}, {"30", -1}, {"-5m", -1}, {"1h 30m", -1},
        {"99999999999999999999s", -1},
    };
    for (size_t i = 0; i < sizeof dur / sizeof dur[0]; i++) {
        int64_t got = -7;
        sd_error err = SD_ERROR_INIT;
        sd_status st = sd_parse_duration(dur[i].s, &got, &err);
        if (dur[i].want < 0 ? (st != SD_ERR_INPUT || !strstr(sd_error_msg(&err), dur[i].s))
                            : (st != SD_OK || got != dur[i].want))
            fail_msg("duration '%s': status %d, got %lld", dur[i].s, st, (long long)got);
        sd_error_clear(&err);
    }
}

/* ---- storms, hijacks, callbacks ---- */

static void test_storms(void **state)
{
    (void)state;
    char text[8192];
    snprintf(text, sizeof text, "%s%s", FULL_HEAD,
             "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+70m\", count = 40,\n"
             "        texts = { \"a\", \"b\" } }\n"
             "storm { id = \"s2\", on = \"p1\", from = \"+10m\", to = \"+1h10m\", rate = 30, curve = \"ramp\",\n"
             "        moods = { angry = 2, worried = 1, troll = 1 },\n"
             "        texts = { angry = { \"A1\", \"A2\" }, worried = { \"W\" }, any = { \"Any\" } },\n"
             "        repeats = 0.2, expect = { within = \"20m\", weight = 2 } }\n"
             "storm { id = \"s3\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 10, curve = \"burst\",\n"
             "        compose = function(c) return c.first .. ' ' .. c.n end, authors = { \"anna\", \"ake\" } }\n"
             "storm { id = \"s4\", on = \"p1\", from = \"09:00\", to = \"11:00\", count = 10,\n"
             "        curve = { { \"+0m\", 0.2 }, { \"+30m\", 1 }, { \"+1h\", 1 }, { \"+2h\", 0.1 } },\n"
             "        moods = { calm = 1, troll = 3 }, texts = { calm = { \"c\" }, troll = { \"t\" } } }\n");
    sd_scenario *sc = load_ok("storms.lua", text);
    assert_int_equal(sc->n_storms, 4);
    const sd_storm *s1 = &sc->storms[0], *s2 = &sc->storms[1], *s3 = &sc->storms[2], *s4 = &sc->storms[3];
    /* s1: count, flat, default mood mix (all frustrated), plain texts */
    assert_string_equal(s1->id, "s1");
    assert_string_equal(s1->parent, "p1");
    assert_int_equal(s1->from, sc->start + 600);
    assert_int_equal(s1->to, sc->start + 4200);
    assert_float_equal(s1->count, 40, 0);
    assert_int_equal(s1->curve, SD_CURVE_FLAT);
    assert_float_equal(s1->curve_area, 3600, 1e-6);
    assert_float_equal(s1->mood_mix[SD_MOOD_FRUSTRATED], 1, 0);
    assert_int_equal(s1->texts[SD_MOOD_COUNT].n, 2);
    assert_string_equal(s1->texts[SD_MOOD_COUNT].texts[1], "b");
    assert_int_equal(s1->compose_ref, LUA_NOREF);
    assert_int_equal(s1->n_authors, 0);
    assert_int_equal(s1->line, 18);
    /* s2: rate (per hour over a one-hour window; 'to' counts from the start), ramp */
    assert_int_equal(s2->to - s2->from, 3600);
    assert_float_equal(s2->count, 30, 1e-9);
    assert_int_equal(s2->curve, SD_CURVE_RAMP);
    assert_float_equal(sd_storm_curve(s2, 0), 0.1, 1e-9);
    assert_float_equal(sd_storm_curve(s2, 3600), 1.0, 1e-9);
    assert_float_equal(s2->curve_area, 0.55 * 3600, 1);
    assert_float_equal(s2->mood_mix[SD_MOOD_ANGRY], 0.5, 1e-12);
    assert_float_equal(s2->mood_mix[SD_MOOD_WORRIED], 0.25, 1e-12);
    assert_float_equal(s2->mood_mix[SD_MOOD_TROLL], 0.25, 1e-12);
    assert_float_equal(s2->mood_mix[SD_MOOD_FRUSTRATED], 0, 0);
    assert_int_equal(s2->texts[SD_MOOD_ANGRY].n, 2);
    assert_int_equal(s2->texts[SD_MOOD_WORRIED].n, 1);
    assert_int_equal(s2->texts[SD_MOOD_TROLL].n, 0);
    assert_string_equal(s2->texts[SD_MOOD_COUNT].texts[0], "Any");
    assert_float_equal(s2->repeats, 0.2, 0);
    assert_int_equal(s2->expect.within, 1200);
    assert_float_equal(s2->expect.weight, 2, 0);
    assert_true(s2->expect.answer);
    assert_int_equal(s2->troll_expect.cls, SD_CLASS_TROLL);
    assert_false(s2->troll_expect.answer);
    assert_int_equal(s2->troll_expect.within, 1200); /* shared with the others */
    assert_float_equal(s2->troll_expect.weight, 2, 0);
    /* s3: burst, compose, authors */
    assert_int_equal(s3->curve, SD_CURVE_BURST);
    assert_float_equal(sd_storm_curve(s3, 360), 1.0, 1e-9); /* the peak at a tenth */
    assert_true(sd_storm_curve(s3, 3600) < 0.06);
    assert_true(s3->compose_ref != LUA_NOREF);
    assert_int_equal(s3->n_authors, 2);
    assert_string_equal(s3->authors[1], "ake");
    /* s4: custom points, linear between them, flat outside */
    assert_int_equal(s4->curve, SD_CURVE_CUSTOM);
    assert_int_equal(s4->n_points, 4);
    assert_float_equal(sd_storm_curve(s4, 15 * 60), 0.6, 1e-9);
    assert_float_equal(sd_storm_curve(s4, 45 * 60), 1.0, 1e-9);
    assert_float_equal(sd_storm_curve(s4, 90 * 60), 0.55, 1e-9);
    assert_float_equal(sd_storm_curve(s4, 7200), 0.1, 1e-9);
    assert_float_equal(sd_storm_curve_max(s4), 1.0, 0);
    assert_float_equal(s4->curve_area, 1080 + 1800 + 1980, 1);
    assert_float_equal(s4->mood_mix[SD_MOOD_TROLL], 0.75, 1e-12);
    sd_scenario_free(sc);
}

/* storm{ themes = { ... } }: every field, the defaults per kind, per-mood texts, the
 * contents in sc->contents, and the implicit theme of a storm without themes. */
static void test_storm_themes(void **state)
{
    (void)state;
    char text[8192];
    snprintf(text, sizeof text, "%s%s", FULL_HEAD,
             "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+70m\", count = 40,\n"
             "  moods = { angry = 1, worried = 1, troll = 1 }, texts = { troll = { \"Haha\" } },\n"
             "  expect = { within = \"20m\", link = \"https://www.example.se/faq\", points = { \"faq\" } },\n"
             "  themes = {\n"
             "    { id = \"lax\", label = \"läxhjälpen\", kind = \"question\", share = 3, direct = 0.25,\n"
             "      texts = { worried = { \"Vad händer med läxhjälpen?\" }, any = { \"Läxhjälpen?\" } },\n"
             "      within = \"30m\", link = \"https://www.example.se/lax\",\n"
             "      points = { { label = \"flyttar till skolan\", say = { \"Norrby skola\" } }, \"oktober\" },\n"
             "      need = 1, refer = \"skolan\", channel = \"email\", avoid = { \"troligen\" },\n"
             "      model = \"Läxhjälpen flyttar till Norrby skola i oktober.\" },\n"
             "    { id = \"kost\", kind = \"complaint\", texts = { \"Dyrt!\", \"Slöseri!\" },\n"
             "      points = { \"spara\" }, model = \"Nämnden vill spara pengar.\" },\n"
             "    { id = \"salj\", kind = \"rumour\", texts = { \"Säljs lokalen?\" } },\n"
             "    { id = \"hot\", kind = \"threat\", share = 0.2, texts = { angry = { \"Akta dig.\" } } },\n"
             "    { id = \"pnr\", kind = \"personal_data\", share = 0.1, texts = { \"Hon bor på Gatan 1.\" } },\n"
             "  } }\n"
             "storm { id = \"s2\", on = \"p1\", from = \"+10m\", to = \"+70m\", count = 4,\n"
             "        texts = { \"a\" }, expect = { within = \"25m\", points = { \"b\" } } }\n");
    sd_scenario *sc = load_ok("themes.lua", text);
    const sd_storm *s1 = &sc->storms[0], *s2 = &sc->storms[1];
    assert_int_equal(s1->n_themes, 5);
    const sd_storm_theme *lax = &s1->themes[0], *kost = &s1->themes[1], *salj = &s1->themes[2],
                         *hot = &s1->themes[3], *pnr = &s1->themes[4];
    assert_string_equal(lax->id, "lax");
    assert_string_equal(lax->label, "läxhjälpen");
    assert_int_equal(lax->kind, SD_THEME_QUESTION);
    assert_float_equal(lax->share, 3, 0);
    assert_float_equal(lax->direct, 0.25, 0);
    assert_int_equal(lax->within, 1800);
    assert_string_equal(lax->link, "https://www.example.se/lax");
    assert_int_equal(lax->texts[SD_MOOD_WORRIED].n, 1);
    assert_int_equal(lax->texts[SD_MOOD_ANGRY].n, 0);
    assert_string_equal(lax->texts[SD_MOOD_COUNT].texts[0], "Läxhjälpen?");
    assert_false(lax->implicit);
    assert_int_equal(lax->line, 18);
    assert_non_null(lax->content);
    assert_int_equal(lax->content->n_points, 2);
    assert_int_equal(lax->content->need, 1);
    assert_string_equal(lax->content->points[0].say[0], "Norrby skola");
    assert_string_equal(lax->content->refer.label, "skolan");
    assert_true(lax->content->channel.n_say > 0);
    assert_int_equal(lax->content->n_avoid, 1);
    assert_string_equal(lax->content->model, "Läxhjälpen flyttar till Norrby skola i oktober.");
    /* defaults: label = id, direct by kind, within and link from the storm's expect */
    assert_string_equal(kost->label, "kost");
    assert_int_equal(kost->kind, SD_THEME_COMPLAINT);
    assert_float_equal(kost->share, 1, 0);
    assert_float_equal(kost->direct, 0.05, 0);
    assert_int_equal(kost->within, 1200);
    assert_string_equal(kost->link, "https://www.example.se/faq");
    assert_int_equal(kost->texts[SD_MOOD_COUNT].n, 2);
    assert_int_equal(salj->kind, SD_THEME_RUMOUR);
    assert_float_equal(salj->direct, 0.05, 0);
    assert_null(salj->content);
    assert_int_equal(hot->kind, SD_THEME_THREAT);
    assert_float_equal(hot->direct, 0, 0);
    assert_int_equal(hot->within, 900);
    assert_null(hot->link);
    assert_int_equal(hot->texts[SD_MOOD_ANGRY].n, 1);
    assert_int_equal(pnr->kind, SD_THEME_PERSONAL_DATA);
    assert_float_equal(pnr->direct, 0, 0);
    assert_int_equal(pnr->within, 900);
    /* contents in declaration order: the storm's expect, then its themes' */
    assert_int_equal(sc->n_contents, 4);
    assert_ptr_equal(sc->contents[0], s1->expect.content);
    assert_ptr_equal(sc->contents[1], lax->content);
    assert_ptr_equal(sc->contents[2], kost->content);
    assert_int_equal(lax->content->index, 1);
    /* the implicit theme */
    assert_int_equal(s2->n_themes, 1);
    const sd_storm_theme *imp = &s2->themes[0];
    assert_true(imp->implicit);
    assert_string_equal(imp->id, "s2");
    assert_string_equal(imp->label, "the questions in the comment storm"); /* words, not its id */
    assert_int_equal(imp->kind, SD_THEME_QUESTION);
    assert_float_equal(imp->direct, 0.1, 0);
    assert_int_equal(imp->within, 1500);
    assert_ptr_equal(imp->content, s2->expect.content);
    assert_ptr_equal(sc->contents[3], s2->expect.content);
    sd_scenario_free(sc);
}

static void test_hijacks_and_hooks(void **state)
{
    (void)state;
    char text[8192];
    snprintf(text, sizeof text, "%s%s", FULL_HEAD,
             "hijack { id = \"hj\", at = \"+20m\", notice = \"N\", posts = { \"P1\", \"P2\" },\n"
             "         every = \"10m\", returns_after = \"15m\",\n"
             "         steps = { \"change_password\", \"revoke_sessions\" }, former = \"calm\" }\n"
             "hijack { id = \"hj2\", at = \"10:00\", notice = \"N2\", posts = { \"X\" } }\n"
             "on(\"item\", function(i) end)\n"
             "on(\"action\", function(a) end)\n"
             "on(\"reply\", function(a) end)\n"
             "every(\"15m\", function(s) end)\n"
             "every(30, function(s) end)\n"
             "when(function(s) return false end, function(s) end)\n");
    sd_scenario *sc = load_ok("hooks.lua", text);
    assert_int_equal(sc->n_hijacks, 2);
    const sd_hijack *h = &sc->hijacks[0];
    assert_string_equal(h->id, "hj");
    assert_int_equal(h->at, sc->start + 1200);
    assert_string_equal(h->notice, "N");
    assert_int_equal(h->n_posts, 2);
    assert_string_equal(h->posts[1], "P2");
    assert_int_equal(h->every, 600);
    assert_int_equal(h->returns_after, 900);
    assert_string_equal(h->former, "calm");
    /* former adds remove_access */
    assert_int_equal(h->steps, BIT(SD_STEP_CHANGE_PASSWORD) | BIT(SD_STEP_REVOKE_SESSIONS) |
                                   BIT(SD_STEP_REMOVE_ACCESS));
    assert_int_equal(h->line, 18);
    const sd_hijack *h2 = &sc->hijacks[1];
    assert_int_equal(h2->at, sc->start + 3600);
    assert_int_equal(h2->every, 1200);
    assert_int_equal(h2->returns_after, 1800);
    assert_int_equal(h2->steps, BIT(SD_STEP_CHANGE_PASSWORD) | BIT(SD_STEP_ENABLE_2FA) |
                                    BIT(SD_STEP_REVOKE_SESSIONS));
    assert_null(h2->former);

    assert_int_equal(sc->n_hooks, 6);
    static const struct {
        sd_hook_kind kind;
        int filter;
        int64_t every;
        int line;
    } want[] = {
        {SD_HOOK_ITEM, -1, 0, 22},      {SD_HOOK_ACTION, -1, 0, 23},
        {SD_HOOK_ACTION, SD_ACT_REPLY, 0, 24}, {SD_HOOK_EVERY, -1, 900, 25},
        {SD_HOOK_EVERY, -1, 1800, 26},  {SD_HOOK_WHEN, -1, 0, 27},
    };
    for (size_t i = 0; i < 6; i++) {
        const sd_hook *k = &sc->hooks[i];
        if (k->kind != want[i].kind || k->action_filter != want[i].filter ||
            k->every != want[i].every || k->line != want[i].line || k->fn_ref == LUA_NOREF)
            fail_msg("hook %zu: kind %d filter %d every %lld line %d", i, k->kind, k->action_filter,
                     (long long)k->every, k->line);
        assert_true((k->cond_ref != LUA_NOREF) == (k->kind == SD_HOOK_WHEN));
    }
    sd_scenario_free(sc);
}

static void test_include_and_display(void **state)
{
    (void)state;
    write_text("people.lua", "persona { id = \"inc\", first = \"Ines\", mood = \"worried\" }\n"
                             "return 'ok'\n");
    char path[256];
    write_text("withinc.lua",
               "scenario { id = \"w\", title = \"W\", start = \"2026-03-10 09:00\", duration = \"1h\" }\n"
               "assert(include(\"people.lua\") == 'ok')\n"
               "dm { id = \"d\", author = \"inc\", text = \"x\" }\n"
               "local n = 0 for i = 1, 3 do n = n + i end\n"
               "post { id = \"p\" .. n, text = \"computed ids work\" }\n");
    path_of("withinc.lua", path, sizeof path);
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_load_options opt = {NULL, "scenarios/pretty.lua"};
    assert_int_equal(sd_scenario_load(path, &opt, &sc, &err), SD_OK);
    assert_int_equal(sd_scenario_persona(sc, "inc")->mood, SD_MOOD_WORRIED);
    assert_int_equal(item(sc, "d")->expect.answer, true);
    assert_non_null(sd_scenario_item_def(sc, "p6"));
    assert_string_equal(sc->display, "scenarios/pretty.lua");
    sd_scenario_free(sc);

    /* the display name is what messages use; the limits passed are applied */
    write_text("loop.lua", "scenario { id = \"w\", title = \"W\", start = \"2026-03-10 09:00\", "
                           "duration = \"1h\" }\nwhile true do end\n");
    path_of("loop.lua", path, sizeof path);
    sd_sandbox_limits lim;
    sd_sandbox_limits_default(&lim);
    lim.instructions_per_call = 1000000;
    sd_load_options opt2 = {&lim, "pretty/loop.lua"};
    assert_int_equal(sd_scenario_load(path, &opt2, &sc, &err), SD_ERR_SCRIPT);
    assert_null(sc);
    assert_non_null(strstr(sd_error_msg(&err), "pretty/loop.lua:2:"));
    assert_non_null(strstr(sd_error_msg(&err), "instructions"));
    sd_error_clear(&err);
    /* a missing file */
    assert_int_equal(sd_scenario_load("/nonexistent/x.lua", NULL, &sc, &err), SD_ERR_IO);
    assert_non_null(strstr(sd_error_msg(&err), "/nonexistent/x.lua"));
    sd_error_clear(&err);
}

/* ---- authoring errors ---- */

#define HEAD3                                                                            \
    "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n" \
    "persona { id = \"anna\", first = \"Anna\", mood = \"frustrated\" }\n"                 \
    "post { id = \"p1\", at = \"+0m\", text = \"Post\" }\n"
#define C4(fields) "comment { id = \"c1\", on = \"p1\", author = \"anna\", text = \"x\", " fields " }\n"
/* a storm on line 4 whose last fields follow */
#define ST4 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5,\n  "

static void test_errors_table(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int line;
        const char *phrase, *phrase2;
    } cases[] = {
        {HEAD3 C4("expect = { withn = \"30m\" }"), 4, "unknown field 'withn'", "within"},
        {HEAD3 C4("expect = { rules = { \"greeting\", \"gretting\" } }"), 4, "unknown rule id 'gretting'", "signoff"},
        {HEAD3 C4("expect = { escalate = \"boss\" }"), 4, "unknown escalation target 'boss'", "press_officer"},
        {HEAD3 "persona { id = \"x\", first = \"X\", mood = \"furious\" }\n", 4, "unknown mood 'furious'", "troll"},
        {HEAD3 "\n" C4("at = \"+3h\""), 5, "comment 'c1'", "outside the exercise"},
        {HEAD3 "comment { id = \"c1\", at = \"08:59\", on = \"p1\", author = \"anna\", text = \"x\" }\n", 4,
         "outside the exercise", NULL},
        {HEAD3 "dm { id = \"d1\", author = \"bob\", text = \"x\" }\n", 4, "persona 'bob' does not exist", NULL},
        {HEAD3 "comment { id = \"c1\", on = \"p9\", author = \"anna\", text = \"x\" }\n", 4, "'on' names 'p9'", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5 }\n", 4, "has no texts", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5,\n"
               "  moods = { angry = 1, troll = 1 }, texts = { angry = { \"a\" } } }\n",
         4, "no texts for mood 'troll'", NULL},
        {HEAD3 C4("at = \"+1m\"") "\n" C4("at = \"+2m\""), 6, "id used twice (first at line 4)", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, texts = { \"a\" } }\n"
               "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, texts = { \"a\" } }\n",
         5, "id used twice (first at line 4)", NULL},
        {"persona { id = \"anna\", first = \"Anna\" }\n-- no scenario\n", 1, "declares no scenario", NULL},
        {"\npost { id = \"p1\", text = \"x\" }\nscenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n",
         2, "declare scenario{ ... } first", NULL},
        {"scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"5x\" }\n", 1,
         "invalid duration '5x'", NULL},
        {"scenario { id = \"t\", title = \"T\",\n  start = \"2026-02-30 09:00\", duration = \"2h\" }\n", 1,
         "field 'start'", "2026-02-30"},
        {HEAD3 C4("at = \"2026-02-30 09:00\""), 4, "invalid time '2026-02-30 09:00'", NULL},
        {HEAD3 "inject { kind = \"comment\", on = \"p1\", author = \"anna\", text = \"x\" }\n", 4,
         "can only be called from a callback", NULL},
        {HEAD3 "hijack { id = \"h\", at = \"+5m\", notice = \"n\", posts = { \"p\" },\n"
               "  steps = { \"revoke_sessions\", \"enable_2fa\" } }\n",
         4, "must include change_password", NULL},
        {HEAD3 "hijack { id = \"h\", at = \"+5m\", notice = \"n\", posts = { \"p\" },\n"
               "  steps = { \"change_password\", \"revoke_sessions\", \"remove_access\" } }\n",
         4, "remove_access needs former", NULL},
        {HEAD3 "\ncomment { id = \"c1\",, on = \"p1\" }\n", 5, "unexpected symbol", NULL},
        {HEAD3 "local t = nil\nlocal x = t.field\n", 5, "attempt to index", NULL},
        {HEAD3 "error('custom stop')\n", 4, "custom stop", NULL},
        /* more of the same kind */
        {"scenario { id = \"t\", titel = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n", 1,
         "unknown field 'titel'", NULL},
        {HEAD3 "scenario { id = \"u\", title = \"U\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n", 4,
         "declared twice (first at line 1)", NULL},
        {HEAD3 C4("expect = { within = 0 }"), 4, "within must be longer than 0", NULL},
        {HEAD3 C4("expect = { ok = \"hide\", fault = { \"hide\" } }"), 4, "both ok and a fault", NULL},
        {HEAD3 C4("expect = { class = \"angry\" }"), 4, "unknown class 'angry'", NULL},
        {HEAD3 C4("expect = { weight = 5000 }"), 4, "field 'weight'", "between"},
        {HEAD3 C4("expect = \"soon\""), 4, "'expect' must be a table", NULL},
        {HEAD3 "internal { id = \"i\", text = \"x\" }\n", 4, "field 'from' is required", NULL},
        {HEAD3 "post { id = \"p2\", author = \"anna\", text = \"x\" }\n", 4, "has no author", NULL},
        {HEAD3 "media { id = \"m\", text = \"x\" }\n", 4, "field 'title' is required", NULL},
        {HEAD3 "post { id = \"bad id\", text = \"x\" }\n", 4, "id 'bad id'", NULL},
        {HEAD3 "reply { id = \"r\", at = \"+1m\", on = \"c9\", author = \"anna\", text = \"x\" }\n", 4, "'on' names 'c9'", NULL},
        {HEAD3 C4("at = \"+5m\", repeat_of = \"c3\""), 4, "repeat_of names 'c3'", "no earlier item"},
        {HEAD3 "comment { id = \"c0\", at = \"+1m\", on = \"c2\", author = \"anna\", text = \"x\" }\n"
               "comment { id = \"c2\", at = \"+5m\", on = \"p1\", author = \"anna\", text = \"x\" }\n",
         4, "comes before 'c2'", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, rate = 3, texts = { \"a\" } }\n",
         4, "either 'count'", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+30m\", to = \"+20m\", count = 5, texts = { \"a\" } }\n",
         4, "'to' must be after 'from'", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+1h\", to = \"+3h\", count = 5, texts = { \"a\" } }\n",
         4, "outside the exercise", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, curve = \"wave\", texts = { \"a\" } }\n",
         4, "curve 'wave' is unknown", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, texts = { \"a\" },\n"
               "  curve = { { \"+30m\", 1 }, { \"+10m\", 2 } } }\n",
         4, "time order", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, texts = { \"a\" },\n"
               "  curve = { { \"+0m\", 0 } } }\n",
         4, "zero over the whole storm", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p9\", from = \"+0m\", to = \"+1h\", count = 5, texts = { \"a\" } }\n",
         4, "'on' names 'p9'", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, texts = { \"a\" },\n"
               "  authors = { \"anna\", \"zed\" } }\n",
         4, "author 'zed'", NULL},
        {HEAD3 "storm { id = \"s\", on = \"p1\", from = \"+0m\", to = \"+1h\", count = 5, texts = { \"\" } }\n",
         4, "entry 1 is empty", NULL},
        {HEAD3 "hijack { id = \"h\", at = \"+5m\", notice = \"n\", posts = { \"p\" }, former = \"ghost\" }\n", 4,
         "former 'ghost'", NULL},
        {HEAD3 "hijack { id = \"h\", at = \"+5m\", notice = \"n\", posts = {} }\n", 4, "posts must be a list", NULL},
        {HEAD3 "hijack { id = \"h\", at = \"+5m\", notice = \"n\", posts = { \"p\" }, every = \"30s\" }\n", 4,
         "at least 1m", NULL},
        {HEAD3 "on(\"replied\", function() end)\n", 4, "unknown event 'replied'", NULL},
        {HEAD3 "every(\"30s\", function() end)\n", 4, "at least", NULL},
        {HEAD3 "when(function() end)\n", 4, "bad argument #2", NULL},
        {"scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\",\n"
         "  office_hours = { \"17:00\", \"08:00\" } }\n", 1, "office_hours", NULL},
        {"scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\",\n"
         "  calendar = { closed = { \"2026-13-01\" } } }\n", 1, "calendar.closed entry 1", NULL},
        {"scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"30s\" }\n", 1,
         "at least one minute", NULL},
        {"scenario { id = \"T!\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n", 1,
         "may only have", NULL},
        /* storm themes: each mistake names the storm, the theme (or its entry) and the
         * field, at the storm's line */
        {HEAD3 ST4 "themes = { { id = \"q\", txts = { \"a\" } } } }\n", 4,
         "storm 's' themes entry 1: unknown field 'txts'", "share"},
        {HEAD3 ST4 "themes = { { id = \"q\", kind = \"fråga\", texts = { \"a\" } } } }\n", 4,
         "storm 's' theme 'q': field 'kind': unknown theme kind 'fråga'", "personal_data"},
        {HEAD3 ST4 "themes = { { id = \"q\", share = 0, texts = { \"a\" } } } }\n", 4,
         "theme 'q': field 'share' is 0", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", share = -2, texts = { \"a\" } } } }\n", 4,
         "theme 'q': field 'share' is -2", "between"},
        {HEAD3 ST4 "themes = { { id = \"q\", direct = 1.5, texts = { \"a\" } } } }\n", 4,
         "theme 'q': field 'direct' is 1.5; it must be between 0 and 1", NULL},
        {HEAD3 ST4 "themes = { { id = \"hot\", kind = \"threat\", direct = 0.1, texts = { \"a\" } } } }\n", 4,
         "theme 'hot': field 'direct': a threat is never answered publicly", NULL},
        {HEAD3 ST4 "themes = { { id = \"hot\", kind = \"threat\", model = \"Nej.\", texts = { \"a\" } } } }\n", 4,
         "theme 'hot': a threat is never answered publicly: remove its points", NULL},
        {HEAD3 ST4 "themes = { { id = \"pd\", kind = \"personal_data\", link = \"https://x.se\", texts = { \"a\" } } } }\n", 4,
         "theme 'pd': a personal_data is never answered publicly: remove link", NULL},
        {HEAD3 ST4 "themes = { { id = \"hot\", kind = \"threat\", texts = { worried = { \"a\" } } } } }\n", 4,
         "theme 'hot': texts.worried: a threat's comments are angry", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", texts = { \"a\" } }, { id = \"q\", texts = { \"b\" } } } }\n", 4,
         "theme 'q': id used twice in the storm's themes (entries 1 and 2)", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", texts = {} } } }\n", 4,
         "theme 'q': texts is empty", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", texts = { angry = {} } } } }\n", 4,
         "theme 'q': texts.angry is empty", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", texts = { troll = { \"t\" } } } } }\n", 4,
         "theme 'q' texts: unknown field 'troll'", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", texts = { \"\" } } } }\n", 4,
         "theme 'q': texts: entry 1 is empty", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", kind = \"question\" } } }\n", 4,
         "theme 'q': no texts for its frustrated comments", "compose"},
        {HEAD3 ST4 "moods = { angry = 1, worried = 1 },\n"
               "  themes = { { id = \"q\", texts = { angry = { \"a\" } } } } }\n", 4,
         "theme 'q': no texts for its worried comments", NULL},
        {HEAD3 ST4 "moods = { angry = 1, troll = 1 },\n"
               "  themes = { { id = \"q\", texts = { \"a\" } } } }\n", 4,
         "no texts for mood 'troll'", "trolls have no theme"},
        {HEAD3 ST4 "themes = { { id = \"q\", texts = { \"a\" }, within = \"0m\" } } }\n", 4,
         "theme 'q': field 'within' must be longer than 0", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", texts = { \"a\" }, points = \"x\" } } }\n", 4,
         "theme 'q': theme.points must be a list of points", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", texts = { \"a\" }, points = { \"x\" }, need = 3 } } }\n", 4,
         "theme 'q': theme.need is 3", NULL},
        {HEAD3 ST4 "themes = { { id = \"bad id\", texts = { \"a\" } } } }\n", 4,
         "storm 's' themes entry 1: id 'bad id'", NULL},
        {HEAD3 ST4 "themes = { { texts = { \"a\" } } } }\n", 4,
         "storm 's' themes entry 1: field 'id' is required", NULL},
        {HEAD3 ST4 "themes = { \"laxhjalp\" } }\n", 4,
         "storm 's' themes entry 1 must be a table", NULL},
        {HEAD3 ST4 "themes = {} }\n", 4, "themes must be a list of 1 to 256 themes", NULL},
        {HEAD3 ST4 "themes = \"lax\" }\n", 4, "themes must be a list of themes", NULL},
        {HEAD3 ST4 "themes = { { id = \"q\", label = \"\", texts = { \"a\" } } } }\n", 4,
         "theme 'q': field 'label' is empty", NULL},
        {HEAD3 ST4 "themes = (function() local t = {} for i = 1, 257 do\n"
               "  t[i] = { id = \"t\" .. i, texts = { \"a\" } } end return t end)() }\n", 4,
         "more than 256 themes", NULL},
        /* a multi-line declaration is reported at the line it starts on */
        {HEAD3 "\ncomment {\n  id = \"c1\",\n  on = \"p1\",\n  author = \"anna\",\n  text = \"x\",\n"
               "  expect = { withn = 5 },\n}\n",
         5, "unknown field 'withn'", NULL},
        /* re-entrancy: tables with metatables are refused, and the guard is cleared after
         * a failed declaration inside pcall (the duplicate is what is refused) */
        {HEAD3 "persona(setmetatable({ id = \"b\", first = \"B\" }, {}))\n", 4,
         "must be a plain table", NULL},
        {HEAD3 "comment { id = \"cz\", on = \"p1\", author = \"anna\", text = \"x\",\n"
               "  expect = setmetatable({}, { __index = function() post { id = \"q\", text = \"x\" } end }) }\n",
         4, "expect must be a plain table", NULL},
        {HEAD3 "pcall(persona, setmetatable({}, {}))\npersona { id = \"ok\", first = \"O\" }\n"
               "persona { id = \"ok\", first = \"P\" }\n", 6, "declared twice", NULL},
        /* field limits and times */
        {HEAD3 "post { id = string.rep(\"a\", 65), text = \"x\" }\n", 4, "'id' is longer than 64 bytes", NULL},
        {HEAD3 "persona { id = \"long\", first = string.rep(\"A\", 201) }\n", 4,
         "'first' is longer than 200 bytes", NULL},
        {"scenario { id = \"t\", title = \"T\", start = \"9999-03-10 09:00\", duration = \"2h\" }\n", 1,
         "year must be between 1900 and 2899", NULL},
        {HEAD3 "post { id = \"far\", at = \"9999-01-01 00:00\", text = \"x\" }\n", 4,
         "must lie in the years", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[32], where[48], msg[2048];
        snprintf(name, sizeof name, "err%02zu.lua", i);
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
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scenario_metadata),
        cmocka_unit_test(test_items_and_times),
        cmocka_unit_test(test_expect_defaults_table),
        cmocka_unit_test(test_time_notations),
        cmocka_unit_test(test_storms),
        cmocka_unit_test(test_storm_themes),
        cmocka_unit_test(test_hijacks_and_hooks),
        cmocka_unit_test(test_include_and_display),
        cmocka_unit_test(test_errors_table),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
