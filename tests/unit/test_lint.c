/* test_lint.c - cmocka tests of engine/scenario/lint: a table of small scenario files, each
 * written to a temp folder and loaded, with the one finding the authoring checks must
 * report (level, code, line and words of the message) or none at all (the findings about
 * contents are counted only by the cases about them); and the printed
 * form "file:line: warning: text (hint: ...)". */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/lint.h"
#include "scenario/scenario.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_lint");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

/* Lines 1-5; a case's own text starts at line 6. Line 5 expects an answer, so that the
 * scenario has something to score. */
static const char HEAD[] =
    "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n"
    "persona { id = \"anna\", first = \"Anna\", last = \"Berg\", mood = \"worried\" }\n"
    "persona { id = \"tor\", first = \"Tor\", mood = \"troll\" }\n"
    "post { id = \"p1\", at = \"+0m\", text = \"Inlägg\" }\n"
    "comment { id = \"c0\", at = \"+5m\", on = \"p1\", author = \"anna\", text = \"Fråga?\" }\n";

#define NONE NULL
#define W SD_LINT_WARNING
#define E SD_LINT_ERROR

typedef struct lint_case {
    const char *name;
    bool whole;          /* text is the whole file (no HEAD) */
    const char *text;
    const char *code;    /* expected code of the only finding, or NONE for a clean file */
    sd_lint_level level;
    int line;
    const char *words;   /* must occur in the message */
    bool strict;         /* every finding counts, those about contents too */
} lint_case;

static const lint_case CASES[] = {
    {"clean", false, "", NONE, W, 0, NULL, false},
    /* an expectation no action can meet */
    {"post_answer", false,
     "post { id = \"p2\", at = \"+10m\", text = \"x\", expect = { answer = true } }\n",
     "unanswerable", E, 6, "no action can answer a post", false},
    {"media_answer", false,
     "media { id = \"m1\", at = \"+10m\", title = \"Rubrik\", outlet = \"Ekby Tidning\",\n"
     "        expect = { answer = true } }\n",
     "unanswerable", E, 6, "a media", false},
    {"notice_answer", false,
     "notice { id = \"n1\", at = \"+10m\", text = \"Ny inloggning\", expect = { answer = true } }\n",
     "unanswerable", E, 6, "notice 'n1' expects an answer", false},
    {"notice_answer_escalate", false,
     "notice { id = \"n1\", at = \"+10m\", text = \"Ny inloggning\",\n"
     "         expect = { answer = true, escalate = \"it_security\" } }\n",
     NONE, W, 0, NULL, false},
    {"internal_answer", false,
     "internal { id = \"i1\", at = \"+10m\", from = \"manager\", text = \"Kvittera\",\n"
     "           expect = { answer = true, within = \"15m\" } }\n",
     NONE, W, 0, NULL, false},
    {"prepared_notice_answer", false,
     "prepared { kind = \"notice\", text = \"Ny inloggning\", expect = { answer = true } }\n",
     "unanswerable", E, 6, "prepared notice", false},
    /* deadlines nobody can meet */
    {"within_30s", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p1\", author = \"anna\", text = \"Hej\",\n"
     "          expect = { within = \"30s\" } }\n",
     "within", E, 6, "expect.within is 30s", false},
    {"within_1m", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p1\", author = \"anna\", text = \"Hej\",\n"
     "          expect = { within = \"1m\" } }\n",
     NONE, W, 0, NULL, false},
    {"storm_within_10s", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
     "        texts = { \"a\", \"b\" }, expect = { within = \"10s\" } }\n",
     "within", E, 6, "storm 's1'", false},
    {"escalate_within_0", false,
     "dm { id = \"d1\", at = \"+10m\", author = \"anna\", text = \"Ärende\",\n"
     "     expect = { escalate = \"case_handling\", escalate_within = \"0m\" } }\n",
     "escalate_within", E, 6, "no escalation can be on time", false},
    {"escalate_within_no_target", false,
     "dm { id = \"d1\", at = \"+10m\", author = \"anna\", text = \"Ärende\",\n"
     "     expect = { escalate_within = \"20m\" } }\n",
     "escalate_within", W, 6, "no escalation is expected", false},
    {"escalate_within_ok", false,
     "dm { id = \"d1\", at = \"+10m\", author = \"anna\", text = \"Ärende\",\n"
     "     expect = { escalate = \"case_handling\", escalate_within = \"20m\" } }\n",
     NONE, W, 0, NULL, false},
    /* links */
    {"link_no_scheme", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p1\", author = \"anna\", text = \"Hej\",\n"
     "          expect = { link = \"example.se/vatten\" } }\n",
     "link", E, 6, "'example.se/vatten' is not a web address", false},
    {"link_space", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p1\", author = \"anna\", text = \"Hej\",\n"
     "          expect = { link = \"https://www.example.se/a b\" } }\n",
     "link", E, 6, "not a web address", false},
    {"link_bare_scheme", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p1\", author = \"anna\", text = \"Hej\",\n"
     "          expect = { link = \"https://\" } }\n",
     "link", E, 6, "not a web address", false},
    {"link_url_field", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p1\", author = \"anna\", text = \"Hej\",\n"
     "          url = \"ftp://example.se/fil\" }\n",
     "link", E, 6, "url (the link the answer should carry)", false},
    {"link_www_and_http", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p1\", author = \"anna\", text = \"Hej\",\n"
     "          expect = { link = \"www.example.se\" } }\n"
     "comment { id = \"c2\", at = \"+10m\", on = \"p1\", author = \"anna\", text = \"Hej\",\n"
     "          expect = { link = \"http://example.se/x\" } }\n",
     NONE, W, 0, NULL, false},
    {"link_without_answer", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p1\", author = \"tor\", text = \"Trams\",\n"
     "          expect = { link = \"https://www.example.se/x\" } }\n",
     "link", W, 6, "no answer is expected", false},
    {"post_url_is_fine", false,
     "post { id = \"p2\", at = \"+10m\", text = \"Läs mer\", url = \"https://www.example.se/x\" }\n",
     NONE, W, 0, NULL, false},
    /* storms */
    /* a storm without themes: a tenth of its comments ask directly (its implicit theme) */
    {"storm_too_fast", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+70m\", count = 20000,\n"
     "        texts = { \"a\", \"b\" }, expect = { within = \"5m\" } }\n",
     "storm_rate", W, 6, "about 2000 comments an hour", false},
    {"storm_fast_but_30m", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+70m\", count = 2000,\n"
     "        texts = { \"a\", \"b\" }, expect = { within = \"30m\" } }\n",
     NONE, W, 0, NULL, false},
    {"storm_fast_trolls", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+70m\", count = 2000,\n"
     "        moods = { troll = 1 }, texts = { \"a\", \"b\" }, expect = { within = \"5m\" } }\n",
     NONE, W, 0, NULL, false},
    {"storm_burst_peak", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+70m\", count = 5000,\n"
     "        curve = \"burst\", texts = { \"a\", \"b\" }, expect = { within = \"5m\" } }\n",
     "storm_rate", W, 6, "at its peak", false},
    {"storm_duplicates", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
     "        texts = { \"Varför?\", \"Hur?\", \"Varför?\" } }\n",
     "duplicate", W, 6, "1 duplicate text in texts (e.g. \"Varför?\")", false},
    {"storm_duplicates_per_mood", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
     "        moods = { angry = 1 }, texts = { angry = { \"Skandal\", \"Skandal\", \"Skandal\" } } }\n",
     "duplicate", W, 6, "2 duplicate texts in texts.angry", false},
    {"storm_before_post", false,
     "post { id = \"p2\", at = \"+30m\", text = \"Nytt\" }\n"
     "storm { id = \"s1\", on = \"p2\", from = \"+10m\", to = \"+40m\", count = 3, texts = { \"a\" } }\n",
     "order", E, 7, "before 'p2' (line 6) appears at +30m", false},
    /* order and time */
    {"on_same_time_declared_later", false,
     "comment { id = \"c1\", at = \"+10m\", on = \"p2\", author = \"anna\", text = \"Hej\" }\n"
     "post { id = \"p2\", at = \"+10m\", text = \"Nytt\" }\n",
     "order", E, 6, "declared later (line 7) at the same time", false},
    {"on_same_time_declared_first", false,
     "post { id = \"p2\", at = \"+10m\", text = \"Nytt\" }\n"
     "comment { id = \"c1\", at = \"+10m\", on = \"p2\", author = \"anna\", text = \"Hej\" }\n",
     NONE, W, 0, NULL, false},
    {"item_at_end", false,
     "comment { id = \"c1\", at = \"+2h\", on = \"p1\", author = \"anna\", text = \"Hej\" }\n",
     "late", W, 6, "as the exercise ends", false},
    {"item_in_last_minute", false,
     "comment { id = \"c1\", at = \"+1h59m30s\", on = \"p1\", author = \"anna\", text = \"Hej\" }\n",
     "late", W, 6, "less than a minute before the end", false},
    {"troll_at_end_is_fine", false,
     "comment { id = \"c1\", at = \"+2h\", on = \"p1\", author = \"tor\", text = \"Trams\" }\n",
     NONE, W, 0, NULL, false},
    {"hijack_late", false,
     "hijack { id = \"hj\", at = \"+1h50m\", notice = \"Ny inloggning\", posts = { \"Gratis!\" } }\n",
     "late", W, 6, "less than 15 minutes before the end", false},
    {"hijack_in_time", false,
     "hijack { id = \"hj\", at = \"+1h\", notice = \"Ny inloggning\", posts = { \"Gratis!\" } }\n",
     NONE, W, 0, NULL, false},
    /* contents: question items without key points or a model answer, a crisis without a
     * statement, a hijack without a message (whole files: HEAD's c0 has none) */
#define SC "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n" \
           "persona { id = \"anna\", first = \"Anna\", mood = \"worried\" }\n" \
           "persona { id = \"tor\", first = \"Tor\", mood = \"troll\" }\n" \
           "post { id = \"p1\", at = \"+0m\", text = \"Inlägg\" }\n"
    {"question_without_points", true,
     SC "comment { id = \"c1\", at = \"+5m\", on = \"p1\", author = \"anna\", text = \"När?\",\n"
        "          expect = { model = \"Hej Anna! På torsdag.\" } }\n",
     "points", W, 5, "comment 'c1' has no key points: add expect.points", false},
    {"question_without_model", true,
     SC "comment { id = \"c1\", at = \"+5m\", on = \"p1\", author = \"anna\", text = \"När?\",\n"
        "          expect = { points = { \"torsdag\" } } }\n",
     "model", W, 5, "comment 'c1' has no model answer", false},
    {"question_without_either", true,
     SC "dm { id = \"d1\", at = \"+5m\", author = \"anna\", text = \"När?\" }\n",
     "points", W, 5, "dm 'd1' has no key points", false},
    {"question_with_content", true,
     SC "comment { id = \"c1\", at = \"+5m\", on = \"p1\", author = \"anna\", text = \"När?\",\n"
        "          expect = { points = { \"torsdag\" }, model = \"Hej Anna! På torsdag.\" } }\n",
     NONE, W, 0, NULL, true},
    {"troll_needs_no_points", true,
     SC "comment { id = \"c1\", at = \"+5m\", on = \"p1\", author = \"tor\", text = \"Trams\" }\n"
        "internal { id = \"i1\", at = \"+6m\", from = \"manager\", text = \"Kvittera\",\n"
        "           expect = { answer = true } }\n",
     NONE, W, 0, NULL, true},
    {"criticism_needs_no_points", true,
     SC "comment { id = \"c1\", at = \"+5m\", on = \"p1\", author = \"anna\", text = \"Dåligt!\",\n"
        "          expect = { class = \"justified_criticism\" } }\n",
     NONE, W, 0, NULL, true},
    {"prepared_without_points", true,
     SC "comment { id = \"c1\", at = \"+5m\", on = \"p1\", author = \"tor\", text = \"Trams\",\n"
        "          expect = { escalate = \"manager\" } }\n"
        "prepared { kind = \"comment\", on = \"p1\", author = \"anna\", text = \"När?\",\n"
        "           expect = { model = \"Hej!\" } }\n",
     "points", W, 7, "prepared comment 'prepared-1' has no key points", false},
    {"storm_without_points", true,
     SC "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
        "        texts = { \"När?\", \"Hur?\" }, expect = { model = \"Hej! På torsdag.\" } }\n",
     "points", W, 5, "storm 's1' has no key points", false},
    /* storm themes: one answered publicly needs key points and a model answer; a threat
     * needs neither; a storm with themes needs no points of its own */
    {"theme_without_points", true,
     SC "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
        "        themes = { { id = \"tid\", kind = \"rumour\", texts = { \"Säljs den?\" },\n"
        "                     model = \"Nej, kommunen hyr lokalen.\" } } }\n",
     "points", W, 5, "storm 's1' theme 'tid' (a rumour) has no key points", false},
    {"theme_without_model", true,
     SC "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
        "        themes = { { id = \"kost\", kind = \"complaint\", texts = { \"Dyrt!\" },\n"
        "                     points = { \"spara\" } } } }\n",
     "model", W, 5, "storm 's1' theme 'kost' (a complaint) has no model answer", false},
    {"themes_complete", true,
     "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\",\n"
     "  scoring = { statement = { points = { \"vattenläcka\", \"reparerar\" } } } }\n"
     "post { id = \"p1\", at = \"+0m\", text = \"Inlägg\" }\n"
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
     "        moods = { worried = 1, troll = 1 }, texts = { troll = { \"Haha\" } },\n"
     "        themes = { { id = \"q\", texts = { \"När?\" }, points = { \"torsdag\" },\n"
     "                     model = \"Vi öppnar på torsdag.\" },\n"
     "                   { id = \"hot\", kind = \"threat\", texts = { \"Akta dig.\" } } } }\n",
     NONE, W, 0, NULL, true},
    {"theme_bad_link", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
     "        themes = { { id = \"q\", texts = { \"När?\" }, link = \"example.se/q\" } } }\n",
     "link", E, 6, "storm 's1' theme 'q': link 'example.se/q' is not a web address", false},
    {"theme_duplicate_texts", false,
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
     "        themes = { { id = \"q\", texts = { \"När?\", \"När?\" } } } }\n",
     "duplicate", W, 6, "in theme 'q' texts", false},
    {"crisis_without_statement", true,
     SC "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
        "        texts = { \"När?\", \"Hur?\" } }\n",
     "statement", W, 1, "a crisis scenario (it has a storm) without scoring.statement", false},
    {"crisis_with_statement", true,
     "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\",\n"
     "  scoring = { statement = { points = { \"vattenläcka\", \"reparerar\" } } } }\n"
     "post { id = \"p1\", at = \"+0m\", text = \"Inlägg\" }\n"
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
     "        texts = { \"När?\", \"Hur?\" }, expect = { points = { \"torsdag\" }, model = \"Hej!\" } }\n",
     NONE, W, 0, NULL, true},
    {"storm_not_a_crisis", true,
     "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\",\n"
     "  scoring = { crisis = false } }\n"
     "post { id = \"p1\", at = \"+0m\", text = \"Inlägg\" }\n"
     "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+20m\", count = 3,\n"
     "        texts = { \"När?\", \"Hur?\" }, expect = { points = { \"torsdag\" }, model = \"Hej!\" } }\n",
     NONE, W, 0, NULL, true},
    {"hijack_without_message", true,
     SC "\nhijack { id = \"hj\", at = \"+10m\", notice = \"Ny inloggning\", posts = { \"Gratis!\" } }\n",
     "message", W, 6, "hijack 'hj' has no message", false},
    {"hijack_with_message", true,
     SC "hijack { id = \"hj\", at = \"+10m\", notice = \"Ny inloggning\", posts = { \"Gratis!\" },\n"
        "         message = { points = { { label = \"kontot var kapat\", say = { \"kapat\" } } } } }\n",
     NONE, W, 0, NULL, true},
#undef SC
    /* the whole scenario */
    {"nothing_to_score", true,
     "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n"
     "post { id = \"p1\", at = \"+0m\", text = \"Inlägg\" }\n"
     "internal { id = \"i1\", at = \"+5m\", from = \"colleague\", text = \"Hej\" }\n",
     "nothing_to_score", W, 1, "nothing to score", false},
    {"hijack_alone_scores", true,
     "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n"
     "hijack { id = \"hj\", at = \"+10m\", notice = \"Ny inloggning\", posts = { \"Gratis!\" } }\n",
     NONE, W, 0, NULL, false},
    {"nothing_happens", true,
     "\n"
     "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n",
     "nothing", E, 2, "nothing happens", false},
    {"everything_at_end", true,
     "scenario { id = \"t\", title = \"T\", start = \"2026-03-10 09:00\", duration = \"2h\" }\n"
     "post { id = \"p1\", at = \"+2h\", text = \"Inlägg\" }\n",
     "nothing", E, 1, "every item arrives at the very end", false},
};

static void write_case(const lint_case *c, char *path, size_t n)
{
    snprintf(path, n, "%s/%s.lua", g_dir, c->name);
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        fail_msg("cannot create %s", path);
    if (!c->whole)
        fputs(HEAD, f);
    fputs(c->text, f);
    fclose(f);
}

/* The findings about contents (lint's check_content and its kin) and the load on one person
 * (tests/unit/test_load.c has its own table) show on most small files:
 * a case counts them only when they are the finding it is about. */
static bool relevant(const lint_case *c, const sd_lint_msg *m)
{
    if (c->strict)
        return true;
    static const char *const content_codes[] = {"points", "model", "statement", "message",
                                                "load", NULL};
    for (const char *const *k = content_codes; *k; k++)
        if (strcmp(m->code, *k) == 0)
            return c->code != NONE && strcmp(c->code, *k) == 0;
    return true;
}

/* Keeps the relevant findings of l only (recounting errors and warnings). */
static void filter(const lint_case *c, sd_lint_list *l)
{
    size_t k = 0;
    l->errors = l->warnings = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!relevant(c, &l->msgs[i])) {
            free(l->msgs[i].text);
            free(l->msgs[i].hint);
            continue;
        }
        l->msgs[k] = l->msgs[i];
        if (l->msgs[k].level == SD_LINT_ERROR)
            l->errors++;
        else
            l->warnings++;
        k++;
    }
    l->n = k;
}

static void test_lint_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const lint_case *c = &CASES[i];
        char path[256];
        write_case(c, path, sizeof path);
        sd_error err = SD_ERROR_INIT;
        sd_scenario *sc = NULL;
        if (sd_scenario_load(path, NULL, &sc, &err) != SD_OK)
            fail_msg("case %s: did not load: %s", c->name, sd_error_msg(&err));
        sd_lint_list l = SD_LINT_LIST_INIT;
        assert_int_equal(sd_scenario_lint(sc, &l, &err), SD_OK);
        filter(c, &l);
        if (c->code == NONE) {
            if (l.n != 0)
                fail_msg("case %s: expected no findings, got %zu, first: %s", c->name, l.n,
                         l.msgs[0].text);
        } else {
            if (l.n != 1)
                fail_msg("case %s: expected 1 finding, got %zu%s%s", c->name, l.n,
                         l.n ? ", first: " : "", l.n ? l.msgs[0].text : "");
            const sd_lint_msg *m = &l.msgs[0];
            if (strcmp(m->code, c->code) != 0 || m->level != c->level || m->line != c->line ||
                strstr(m->text, c->words) == NULL)
                fail_msg("case %s: got %s %s line %d '%s'; expected %s %s line %d with '%s'",
                         c->name, m->level == E ? "error" : "warning", m->code, m->line, m->text,
                         c->level == E ? "error" : "warning", c->code, c->line, c->words);
            assert_true(strlen(m->hint) > 10);
            assert_int_equal(l.errors, c->level == E ? 1 : 0);
            assert_int_equal(l.warnings, c->level == W ? 1 : 0);
        }
        sd_lint_list_free(&l);
        sd_scenario_free(sc);
        sd_error_clear(&err);
    }
}

/* The printed form: file:line: level: text (hint: ...), with the display name. */
static void test_lint_print(void **state)
{
    (void)state;
    char path[256];
    write_case(&CASES[1], path, sizeof path); /* post_answer */
    sd_load_options opt = {.display = "scenarios/x.lua"};
    sd_scenario *sc = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_scenario_load(path, &opt, &sc, &err), SD_OK);
    sd_lint_list l = SD_LINT_LIST_INIT;
    assert_int_equal(sd_scenario_lint(sc, &l, &err), SD_OK);
    filter(&CASES[1], &l);
    assert_int_equal(l.n, 1);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    sd_lint_print(f, &l, &l.msgs[0]);
    fclose(f);
    const char *want = "scenarios/x.lua:6: error: post 'p2' expects an answer";
    if (strncmp(out, want, strlen(want)) != 0)
        fail_msg("printed '%s', expected it to start with '%s'", out, want);
    assert_non_null(strstr(out, " (hint: "));
    assert_true(out[len - 1] == '\n' && out[len - 2] == ')');
    free(out);
    sd_lint_list_free(&l);
    assert_null(l.msgs);
    sd_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lint_table),
        cmocka_unit_test(test_lint_print),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
