/* test_load.c - cmocka tests of the load on one person (engine/scenario/lint.h,
 * sd_scenario_load_estimate) and of the slot and load warnings of `stormdrill check`: a
 * table of small scenario files, each written to a temp folder and loaded, with the answers
 * it needs per real minute, the busiest 10-minute window, the mean, and the warnings it
 * must (and must not) give. Also the loader's errors for a bad slot (file:line). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/lint.h"
#include "scenario/scenario.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_load");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

/* scenario{} with these fields, a calm and a troll persona and a post at the start. */
#define SCN(fields) "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", " fields " }\n" \
                    "persona { id = \"anna\", first = \"Anna\", mood = \"calm\" }\n"                   \
                    "persona { id = \"tor\", first = \"Tor\", mood = \"troll\" }\n"                    \
                    "post { id = \"p1\", at = \"+0m\", text = \"Inlägg\" }\n"
/* A comment by anna at `at` that expects an answer (the default for a calm author). */
#define Q(id, at) "comment { id = \"" id "\", at = \"" at "\", on = \"p1\", author = \"anna\", text = \"När?\" }\n"

typedef struct minute_load {
    int minute; /* -1 ends the list */
    double answers;
} minute_load;

typedef struct load_case {
    const char *name;
    const char *text;
    size_t n_minutes;
    double total, mean, peak;
    size_t peak_from, peak_to;
    minute_load minutes[8];   /* answers expected in some minutes (others unchecked) */
    const char *warn_code;    /* the one slot/load warning expected, or NULL for none */
    const char *warn_words;   /* must occur in its text */
} load_case;

#define END {-1, 0}

static const load_case CASES[] = {
    /* Items: one answer each when they arrive; a troll's comment and the post need none. */
    {"items_real_time",
     SCN("duration = \"20m\"")
     Q("c1", "+1m") Q("c2", "+2m30s") Q("c3", "+15m")
     "comment { id = \"c4\", at = \"+3m\", on = \"p1\", author = \"tor\", text = \"Trams\" }\n",
     20, 3, 0.15, 0.2, 0, 10, {{1, 1}, {2, 1}, {3, 0}, {15, 1}, END}, NULL, NULL},
    /* Compression 6: six simulated minutes are one real minute. */
    {"items_compressed",
     SCN("duration = \"2h\", compression = 6")
     Q("c1", "+6m") Q("c2", "+13m") Q("c3", "+1h30m"),
     20, 3, 0.15, 0.2, 0, 10, {{1, 1}, {2, 1}, {15, 1}, END}, NULL, NULL},
    /* An internal message that expects an acknowledgement and an escalation-only item. */
    {"internal_and_escalation",
     SCN("duration = \"10m\"")
     "internal { id = \"i1\", at = \"+2m\", from = \"manager\", text = \"Kvittera\",\n"
     "           expect = { answer = true } }\n"
     "comment { id = \"c1\", at = \"+4m\", on = \"p1\", author = \"tor\", text = \"Hot\",\n"
     "          expect = { answer = false, class = \"illegal\", escalate = \"legal\" } }\n"
     "internal { id = \"i2\", at = \"+5m\", from = \"colleague\", text = \"Info\" }\n",
     10, 2, 0.2, 0.2, 0, 10, {{2, 1}, {4, 1}, {5, 0}, END}, NULL, NULL},
    /* A storm without themes is one theme (one answer when its first comment is expected)
     * and its direct questions: count x non-troll share x 0.1, spread like its comments
     * (flat: 120 comments in 100 minutes, half of them trolls: 0.06 a minute; the first
     * non-troll comment is expected after 1m40s). */
    {"storm_one_theme",
     SCN("duration = \"100m\", scoring = { crisis = false }")
     "storm { id = \"s1\", on = \"p1\", from = \"+0m\", to = \"+100m\", count = 120,\n"
     "        moods = { calm = 1, troll = 1 }, texts = { calm = { \"När?\" }, troll = { \"Ha\" } } }\n",
     100, 7, 0.07, 0.16, 0, 10, {{0, 0.06}, {1, 1.06}, {2, 0.06}, {50, 0.06}, {99, 0.06}, END}, NULL, NULL},
    /* A storm in a crisis: manager, colleague, press officer and a statement at the crisis
     * start (the storm's start by default); 50 people in 80 minutes: 0.0625 direct questions
     * a minute, the first comment after 1m36s. */
    {"storm_crisis",
     SCN("duration = \"100m\"")
     "storm { id = \"s1\", on = \"p1\", from = \"+20m\", to = \"+100m\", count = 100,\n"
     "        moods = { calm = 1, troll = 1 }, texts = { calm = { \"När?\" }, troll = { \"Ha\" } } }\n",
     100, 10, 0.1, 0.5625, 20, 30, {{19, 0}, {20, 4.0625}, {21, 1.0625}, {22, 0.0625}, END}, NULL, NULL},
    /* Declared themes: one answer per question, complaint or rumour theme when its first
     * comment is expected, its direct questions (share x direct), and every comment of a
     * threat theme. 120 comments in 100 minutes: question 1/2 (60, 12 direct, the first
     * after 1m40s), complaint 1/4 (30, 3 direct, the first after 3m20s), threat 1/4 (30). */
    {"storm_themes",
     SCN("duration = \"100m\", scoring = { crisis = false }")
     "storm { id = \"s1\", on = \"p1\", from = \"+0m\", to = \"+100m\", count = 120,\n"
     "        moods = { calm = 1 }, themes = {\n"
     "  { id = \"q\", kind = \"question\", share = 4, direct = 0.2, texts = { \"När?\" } },\n"
     "  { id = \"k\", kind = \"complaint\", share = 2, direct = 0.1, texts = { \"Dåligt.\" } },\n"
     "  { id = \"hot\", kind = \"threat\", share = 2, texts = { \"Akta dig.\" } } } }\n",
     100, 47, 0.47, 0.65, 0, 10, {{0, 0.45}, {1, 1.45}, {2, 0.45}, {3, 1.45}, {4, 0.45}, {99, 0.45}, END},
     NULL, NULL},
    /* A crisis whose start the scenario gives. */
    {"crisis_start",
     SCN("duration = \"30m\", scoring = { crisis = true, crisis_start = \"+12m\" }")
     Q("c1", "+1m"),
     30, 5, 5.0 / 30, 0.4, 3, 13, {{1, 1}, {12, 4}, END}, NULL, NULL},
    /* A storm that expects nothing (every comment a troll's) needs no answers. */
    {"storm_of_trolls",
     SCN("duration = \"30m\", scoring = { crisis = false }")
     "storm { id = \"s1\", on = \"p1\", from = \"+0m\", to = \"+30m\", count = 200,\n"
     "        moods = { troll = 1 }, texts = { troll = { \"Ha\" } } }\n" Q("c1", "+5m"),
     30, 1, 1.0 / 30, 0.1, 0, 10, {{5, 1}, END}, NULL, NULL},
    /* A hijack: the escalation to IT security and the message to the followers. */
    {"hijack",
     SCN("duration = \"1h\"")
     "hijack { id = \"hj\", at = \"+20m\", notice = \"Ny inloggning\", posts = { \"Gratis!\" } }\n",
     60, 2, 2.0 / 60, 0.2, 11, 21, {{20, 2}, END}, NULL, NULL},
    /* Overloaded: 12 answers in the first 6 real minutes; the window 0-10 alone. */
    {"overloaded",
     SCN("duration = \"30m\"")
     Q("c1", "+0m") Q("c2", "+0m30s") Q("c3", "+1m") Q("c4", "+1m30s") Q("c5", "+2m")
     Q("c6", "+2m30s") Q("c7", "+3m") Q("c8", "+3m30s") Q("c9", "+4m") Q("c10", "+4m30s")
     Q("c11", "+5m") Q("c12", "+5m30s"),
     30, 12, 0.4, 1.2, 0, 10, {{0, 2}, {5, 2}, {6, 0}, END},
     "load", "one person cannot keep up in real minutes 0-10 (simulated +0m to +10m): up to 12.0 answers needed in 10 minutes (1.2 a minute)"},
    /* Ten in a window is what one person does: no warning. */
    {"at_the_limit",
     SCN("duration = \"30m\"")
     Q("c1", "+0m") Q("c2", "+1m") Q("c3", "+2m") Q("c4", "+3m") Q("c5", "+4m")
     Q("c6", "+5m") Q("c7", "+6m") Q("c8", "+7m") Q("c9", "+8m") Q("c10", "+9m")
     Q("c11", "+20m"),
     30, 11, 11.0 / 30, 1.0, 0, 10, {{0, 1}, {9, 1}, END}, NULL, NULL},
    /* Compression moves the windows: the same twelve items over an hour at compression 6
     * are twelve in 10 real minutes, simulated +0m to +1h. */
    {"overloaded_compressed",
     SCN("duration = \"3h\", compression = 6")
     Q("c1", "+0m") Q("c2", "+5m") Q("c3", "+10m") Q("c4", "+15m") Q("c5", "+20m")
     Q("c6", "+25m") Q("c7", "+30m") Q("c8", "+35m") Q("c9", "+40m") Q("c10", "+45m")
     Q("c11", "+50m") Q("c12", "+55m"),
     30, 12, 0.4, 1.2, 0, 10, {{0, 2}, {5, 2}, {9, 1}, {10, 0}, END},
     "load", "real minutes 0-10 (simulated +0m to +1h00m)"},
    /* Shorter than a window: one window of its own length (6 answers in 5 minutes). */
    {"short_overloaded",
     SCN("duration = \"5m\"")
     Q("c1", "+0m") Q("c2", "+1m") Q("c3", "+2m") Q("c4", "+3m") Q("c5", "+4m") Q("c6", "+4m30s"),
     5, 6, 1.2, 1.2, 0, 5, {{4, 2}, END},
     "load", "up to 6.0 answers needed in 5 minutes (1.2 a minute)"},
    /* The slot: real length plus 10 minutes of briefing and debrief must fit. */
    {"slot_fits",
     SCN("duration = \"2h\", compression = 6, slot = \"30m\"") Q("c1", "+5m"),
     20, 1, 0.05, 0.1, 0, 10, {{0, 1}, END}, NULL, NULL},
    {"slot_too_short",
     SCN("duration = \"2h\", compression = 6, slot = 29") Q("c1", "+5m"),
     20, 1, 0.05, 0.1, 0, 10, {{0, 1}, END},
     "slot", "lasts 20m of real time; with 10 minutes of briefing and debrief that is 30m, longer than its slot of 29m"},
    {"slot_in_hours",
     SCN("duration = \"3h\", compression = 2, slot = \"1h30m\"") Q("c1", "+5m"),
     90, 1, 1.0 / 90, 0.1, 0, 10, {{2, 1}, END},
     "slot", "lasts 1h30m of real time; with 10 minutes of briefing and debrief that is 1h40m, longer than its slot of 1h30m"},
};

static void write_case(const char *name, const char *text, char *path, size_t n)
{
    snprintf(path, n, "%s/%s.lua", g_dir, name);
    if (sd_test_write_file(path, text) != 0)
        fail_msg("cannot write %s", path);
}

static void test_load_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const load_case *c = &CASES[i];
        char path[256];
        write_case(c->name, c->text, path, sizeof path);
        sd_error err = SD_ERROR_INIT;
        sd_scenario *sc = NULL;
        if (sd_scenario_load(path, NULL, &sc, &err) != SD_OK)
            fail_msg("case %s: did not load: %s", c->name, sd_error_msg(&err));
        sd_load ld = SD_LOAD_INIT;
        assert_int_equal(sd_scenario_load_estimate(sc, &ld, &err), SD_OK);
        const double eps = 1e-6;
        if (ld.n_minutes != c->n_minutes)
            fail_msg("case %s: %zu minutes, expected %zu", c->name, ld.n_minutes, c->n_minutes);
        if (fabs(ld.total - c->total) > 1e-3 || fabs(ld.mean - c->mean) > 1e-3 ||
            fabs(ld.peak - c->peak) > 1e-3 || ld.peak_from != c->peak_from ||
            ld.peak_to != c->peak_to)
            fail_msg("case %s: total %.4f mean %.4f peak %.4f in %zu-%zu; expected %.4f %.4f "
                     "%.4f in %zu-%zu", c->name, ld.total, ld.mean, ld.peak, ld.peak_from,
                     ld.peak_to, c->total, c->mean, c->peak, c->peak_from, c->peak_to);
        for (const minute_load *m = c->minutes; m->minute >= 0; m++)
            if (fabs(ld.per_minute[m->minute] - m->answers) > 1e-3 + eps)
                fail_msg("case %s: minute %d needs %.4f answers, expected %.4f", c->name,
                         m->minute, ld.per_minute[m->minute], m->answers);
        /* The warnings: exactly the one expected of the slot and load findings. */
        sd_lint_list l = SD_LINT_LIST_INIT;
        assert_int_equal(sd_scenario_lint(sc, &l, &err), SD_OK);
        size_t found = 0;
        for (size_t k = 0; k < l.n; k++) {
            const sd_lint_msg *m = &l.msgs[k];
            if (strcmp(m->code, "load") != 0 && strcmp(m->code, "slot") != 0)
                continue;
            found++;
            if (c->warn_code == NULL || strcmp(m->code, c->warn_code) != 0 ||
                m->level != SD_LINT_WARNING || m->line != 1 || strstr(m->text, c->warn_words) == NULL)
                fail_msg("case %s: unexpected %s warning '%s'%s%s", c->name, m->code, m->text,
                         c->warn_words ? "; expected one with: " : "",
                         c->warn_words ? c->warn_words : "");
            assert_true(strlen(m->hint) > 10);
        }
        if (found != (c->warn_code ? 1u : 0u))
            fail_msg("case %s: %zu slot/load warnings, expected %d", c->name, found,
                     c->warn_code ? 1 : 0);
        sd_lint_list_free(&l);
        sd_load_free(&ld);
        assert_null(ld.per_minute);
        sd_scenario_free(sc);
        sd_error_clear(&err);
    }
}

/* The slot as the loader reads it, and its errors with file and line. */
static void test_slot_field(void **state)
{
    (void)state;
    char path[256];
    write_case("slot_ok", SCN("duration = \"1h\", slot = \"1h30m\""), path, sizeof path);
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    assert_int_equal(sd_scenario_load(path, NULL, &sc, &err), SD_OK);
    assert_int_equal(sc->slot, 90 * 60);
    sd_scenario_free(sc);
    write_case("slot_none", SCN("duration = \"1h\""), path, sizeof path);
    assert_int_equal(sd_scenario_load(path, NULL, &sc, &err), SD_OK);
    assert_int_equal(sc->slot, 0);
    sd_scenario_free(sc);
    static const struct {
        const char *text, *words;
    } bad[] = {
        {"\n\nscenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\",\n"
         "  duration = \"1h\", slot = \"1 timme\" }\n", "field 'slot': invalid duration '1 timme'"},
        {"\n\nscenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\",\n"
         "  duration = \"1h\", slot = true }\n", "field 'slot' must be a duration"},
        {"\n\nscenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\",\n"
         "  duration = \"1h\", slot = \"30s\" }\n", "field 'slot' must be between one minute and a week"},
        {"\n\nscenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\",\n"
         "  duration = \"1h\", slot = \"8d\" }\n", "field 'slot' must be between one minute and a week"},
        {"\n\nscenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\",\n"
         "  duration = \"1h\", slot = -5 }\n", "field 'slot'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_case("slot_bad", bad[i].text, path, sizeof path);
        sc = NULL;
        if (sd_scenario_load(path, NULL, &sc, &err) == SD_OK)
            fail_msg("bad slot %zu loaded", i);
        char want[300];
        snprintf(want, sizeof want, "%s:3: ", path);
        const char *msg = sd_error_msg(&err);
        if (strncmp(msg, want, strlen(want)) != 0 || strstr(msg, bad[i].words) == NULL)
            fail_msg("bad slot %zu: '%s'; expected '%s...%s'", i, msg, want, bad[i].words);
        sd_error_clear(&err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_table),
        cmocka_unit_test(test_slot_field),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
