/* test_debrief.c - the debrief: the crisis timeline (scoring/timeline.h) and the strengths
 * (scoring/strengths.h), table-driven over small exercises made by running
 * tests/data/mini.lua with scripted participants written here; the feedback's words
 * (people by name, mood and excerpt, never an item id; merged misses; most serious first);
 * the strings files having the same keys in both languages; and the report's reader
 * refusing bad strengths and timelines with the field named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "participant/bot.h"
#include "report/rread.h"
#include "results/results.h"
#include "scenario/scenario_lua.h"
#include "scoring/debrief.h"
#include "scoring/score.h"
#include "scoring/strengths.h"
#include "scoring/timeline.h"
#include "session/session.h"
#include "../support/tempdir.h"

/* ---- participants ---- */

#define GOOD_REPLY                                                                          \
    "local function reply(item, after)\n"                                                   \
    "  local body = item.hints.model or 'Biblioteket öppnar igen i september. Läs mer på "  \
    "https://www.example.se/bibliotek'\n"                                                   \
    "  return { action = 'reply', item = item.id, after = after,\n"                         \
    "           text = 'Hej ' .. item.author.first .. '!\\n' .. body .. "                   \
    "'\\nVänliga hälsningar,\\nKim' }\n"                                                    \
    "end\n"

/* Does nothing at all. */
static const char *const p_nothing = "participant { name = 'Kim' }\nfunction on_item(item) end\n";

/* The crisis process at once when the storm breaks; every person answered well and in
 * time; trolls left alone; the manager's message acknowledged. */
static const char *const p_crisis =
    "participant { name = 'Kim' }\n" GOOD_REPLY
    "local started = false\n"
    "function on_item(item)\n"
    "  local a = {}\n"
    "  if item.storm and not started then\n"
    "    started = true\n"
    "    a[#a + 1] = { action = 'escalate', target = 'colleague_backup', after = 1 }\n"
    "    a[#a + 1] = { action = 'escalate', target = 'manager', after = 2 }\n"
    "    a[#a + 1] = { action = 'escalate', target = 'press_officer', after = 3 }\n"
    "    a[#a + 1] = { action = 'publish', after = 4, text = 'Biblioteket i Ekby stänger för "
    "renovering i april och öppnar igen i september. Under tiden har Kvarnby bibliotek längre "
    "öppettider. Läs mer på https://www.example.se/bibliotek' }\n"
    "  end\n"
    "  if item.kind == 'internal' then a[#a + 1] = { action = 'acknowledge', item = item.id, after = 1 } end\n"
    "  if item.author and item.hints.answer and item.hints.class ~= 'troll' then\n"
    "    a[#a + 1] = reply(item, 2)\n"
    "  end\n"
    "  return a\n"
    "end\n";

/* Backup too late (40 minutes after the storm broke), the rest as p_crisis. */
static const char *const p_late_backup =
    "participant { name = 'Kim' }\n" GOOD_REPLY
    "local started = false\n"
    "function on_item(item)\n"
    "  local a = {}\n"
    "  if item.storm and not started then\n"
    "    started = true\n"
    "    a[#a + 1] = { action = 'escalate', target = 'colleague_backup', after = 40 }\n"
    "  end\n"
    "  if item.author and item.hints.answer and item.hints.class ~= 'troll' then\n"
    "    a[#a + 1] = reply(item, 2)\n"
    "  end\n"
    "  return a\n"
    "end\n";

/* Deletes Anna's criticism, answers the troll at length, answers the others well. */
static const char *const p_deleter =
    "participant { name = 'Kim' }\n" GOOD_REPLY
    "function on_item(item)\n"
    "  if item.id == 'c1' then return { { action = 'delete', item = 'c1', after = 1 } } end\n"
    "  if item.id == 'c3' then return { { action = 'reply', item = 'c3', after = 1, text = "
    "'Nu får du faktiskt skärpa dig, det här är inte alls som du påstår och vi jobbar hårt "
    "varje dag med saker som du inte har en aning om, så sluta sprida lögner här i "
    "kommentarsfältet nu!' } } end\n"
    "  if item.author and item.hints.answer then return { reply(item, 2) } end\n"
    "end\n";

/* Answers Anna and Åsa, and the storm's people, without a greeting. */
static const char *const p_sloppy =
    "participant { name = 'Kim' }\n"
    "function on_item(item)\n"
    "  if item.author and item.hints.answer and item.hints.class ~= 'troll' then\n"
    "    return { { action = 'reply', item = item.id, after = 2, text = (item.hints.model or "
    "'Biblioteket öppnar igen i september.') .. '\\nVänliga hälsningar,\\nKim' } }\n"
    "  end\n"
    "end\n";

/* ---- running one ---- */

typedef struct run {
    sd_results *res;
    sd_score *score;
} run;

typedef struct fx {
    char dir[64];
    sd_scenario *sc;
    sd_lexicons *lx;
    sd_texts *tx;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    sd_error err = SD_ERROR_INIT;
    if (f == NULL || sd_test_tempdir_make(f->dir, "sd_debrief") != 0)
        return -1;
    if (sd_scenario_load(SD_TEST_DATA "/mini.lua", NULL, &f->sc, &err) != SD_OK ||
        sd_lexicons_load(sd_assets_dir(), &f->lx, &err) != SD_OK ||
        sd_texts_load(sd_assets_dir(), SD_LANG_SV, &f->tx, &err) != SD_OK) {
        fprintf(stderr, "setup: %s\n", sd_error_msg(&err));
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    sd_texts_free(f->tx);
    sd_lexicons_free(f->lx);
    sd_scenario_free(f->sc);
    sd_test_tempdir_remove(f->dir);
    free(f);
    return 0;
}

static run play(fx *f, const char *participant)
{
    char path[128];
    snprintf(path, sizeof path, "%s/bot.lua", f->dir);
    assert_int_equal(sd_test_write_file(path, participant), 0);
    sd_error err = SD_ERROR_INIT;
    sd_bot *bot = NULL;
    if (sd_bot_load(path, NULL, NULL, 0, &bot, &err) != SD_OK)
        fail_msg("bot: %s", sd_error_msg(&err));
    run r = {0};
    assert_int_equal(sd_results_create(&r.res, &err), SD_OK);
    sd_session_config cfg = {.scenario = f->sc, .seed_set = true, .seed = 7,
                             .participant = sd_bot_name(bot), .participant_kind = "scripted",
                             .results = r.res, .no_wall_clock = true};
    sd_session *s = NULL;
    assert_int_equal(sd_session_create(&cfg, &s, &err), SD_OK);
    assert_int_equal(sd_bot_attach(bot, s, &err), SD_OK);
    assert_int_equal(sd_session_start(s, &err), SD_OK);
    if (sd_session_run(s, &err) != SD_OK)
        fail_msg("run: %s", sd_error_msg(&err));
    sd_session_destroy(s);
    sd_bot_free(bot);
    if (sd_score_compute(r.res, f->lx, f->tx, &r.score, &err) != SD_OK)
        fail_msg("score: %s", sd_error_msg(&err));
    return r;
}

static void end_run(run *r)
{
    sd_score_free(r->score);
    sd_results_free(r->res);
}

static bool has_strength(const sd_score *s, const char *id)
{
    for (size_t i = 0; i < s->n_strengths; i++)
        if (strcmp(s->strengths[i].id, id) == 0)
            return true;
    return false;
}

static const sd_tl_entry *entry(const sd_timeline *tl, sd_tl_kind k)
{
    for (size_t i = 0; tl && i < tl->n; i++)
        if (tl->entries[i].kind == k)
            return &tl->entries[i];
    return NULL;
}

/* The participant's first action of kind (and target, for escalations), or NULL. */
static const sd_res_action *first_action(const sd_results *r, sd_action_kind kind, int target)
{
    const sd_res_action *a = sd_results_actions(r);
    for (size_t i = 0; i < sd_results_n_actions(r); i++)
        if (a[i].kind == kind && (target < 0 || a[i].target == target) && !a[i].by)
            return &a[i];
    return NULL;
}

/* ---- the strengths ---- */

static void test_strengths_table(void **state)
{
    fx *f = *state;
    static const struct {
        const char *name;
        const char *const *participant;
        const char *present[6], *absent[6];
    } cases[] = {
        {"nothing", &p_nothing, {NULL},
         {"backup_early", "statement_early", "no_deleted_criticism", "trolls_left", "greeting_signoff", NULL}},
        {"crisis", &p_crisis,
         {"backup_early", "press_informed", "statement_early", "no_deleted_criticism", "greeting_signoff", "courteous"},
         {NULL}},
        {"late backup", &p_late_backup, {"no_deleted_criticism", "greeting_signoff", NULL},
         {"backup_early", "statement_early", "press_informed", NULL}},
        {"deleter", &p_deleter, {NULL}, {"no_deleted_criticism", "trolls_left", "courteous", NULL}},
        {"sloppy", &p_sloppy, {NULL}, {"greeting_signoff", NULL}},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        run r = play(f, *cases[k].participant);
        for (size_t i = 0; i < 6 && cases[k].present[i]; i++)
            if (!has_strength(r.score, cases[k].present[i]))
                fail_msg("%s: strength %s missing", cases[k].name, cases[k].present[i]);
        for (size_t i = 0; i < 6 && cases[k].absent[i]; i++)
            if (has_strength(r.score, cases[k].absent[i]))
                fail_msg("%s: strength %s should not be there", cases[k].name, cases[k].absent[i]);
        /* every strength has a rule, a stable id and a text in Swedish with its numbers */
        for (size_t i = 0; i < r.score->n_strengths; i++) {
            const sd_strength *st = &r.score->strengths[i];
            assert_true(st->rule >= 0 && st->rule < SD_RULE_COUNT);
            assert_true(strspn(st->id, "abcdefghijklmnopqrstuvwxyz_") == strlen(st->id));
            assert_true(strlen(st->text) > 15);
            assert_null(strchr(st->text, '{')); /* every placeholder filled */
            assert_null(strstr(st->text, "[st."));
        }
        end_run(&r);
    }
}

/* The numbers in a strength are the exercise's: backup within N minutes of the start. */
static void test_strength_numbers(void **state)
{
    fx *f = *state;
    run r = play(f, p_crisis);
    const sd_rec_header *h = sd_results_header(r.res);
    const sd_res_action *col = first_action(r.res, SD_ACT_ESCALATE, SD_TARGET_COLLEAGUE_BACKUP);
    const sd_res_action *man = first_action(r.res, SD_ACT_ESCALATE, SD_TARGET_MANAGER);
    assert_non_null(col);
    assert_non_null(man);
    sd_time last = man->t > col->t ? man->t : col->t;
    char want[64];
    snprintf(want, sizeof want, "inom %lld min", (long long)((last - h->scoring.crisis_start + 59) / 60));
    bool found = false;
    for (size_t i = 0; i < r.score->n_strengths; i++)
        if (strcmp(r.score->strengths[i].id, "backup_early") == 0) {
            found = true;
            if (!strstr(r.score->strengths[i].text, want))
                fail_msg("'%s' does not say '%s'", r.score->strengths[i].text, want);
        }
    assert_true(found);
    end_run(&r);
}

/* ---- the timeline ---- */

static void test_timeline_table(void **state)
{
    fx *f = *state;
    static const struct {
        const char *name;
        const char *const *participant;
        sd_tl_kind present[6];
        size_t n_present;
        sd_tl_kind absent[4];
        size_t n_absent;
    } cases[] = {
        {"nothing", &p_nothing, {SD_TL_STORM_START, SD_TL_PEAK}, 2,
         {SD_TL_BACKUP_ASKED, SD_TL_STATEMENT, SD_TL_FIRST_REPLY, SD_TL_MANAGER}, 4},
        {"crisis", &p_crisis,
         {SD_TL_STORM_START, SD_TL_BACKUP_ASKED, SD_TL_MANAGER, SD_TL_PRESS_OFFICER, SD_TL_STATEMENT, SD_TL_FIRST_REPLY}, 6,
         {SD_TL_HIJACK}, 1},
        {"late backup", &p_late_backup, {SD_TL_BACKUP_ASKED, SD_TL_FIRST_REPLY}, 2,
         {SD_TL_STATEMENT, SD_TL_MANAGER}, 2},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        run r = play(f, *cases[k].participant);
        const sd_timeline *tl = r.score->timeline;
        assert_non_null(tl);
        for (size_t i = 0; i < cases[k].n_present; i++)
            if (!entry(tl, cases[k].present[i]))
                fail_msg("%s: no %s entry", cases[k].name, sd_tl_kind_name(cases[k].present[i]));
        for (size_t i = 0; i < cases[k].n_absent; i++)
            if (entry(tl, cases[k].absent[i]))
                fail_msg("%s: an unexpected %s entry", cases[k].name, sd_tl_kind_name(cases[k].absent[i]));
        for (size_t i = 0; i < tl->n; i++) {
            if (i > 0)
                assert_true(tl->entries[i - 1].t <= tl->entries[i].t); /* in time order */
            assert_true(strlen(tl->entries[i].text) > 10);
            assert_null(strchr(tl->entries[i].text, '{'));
            assert_null(strstr(tl->entries[i].text, "s1-")); /* no storm comment ids */
        }
        end_run(&r);
    }
}

/* Each entry at the time of the action it names, its value the minutes since the crisis
 * started; the peak the busiest 10 minutes of storm comments, counted here another way. */
static void test_timeline_values(void **state)
{
    fx *f = *state;
    run r = play(f, p_crisis);
    const sd_timeline *tl = r.score->timeline;
    const sd_rec_header *h = sd_results_header(r.res);
    sd_time start = h->scoring.crisis_start;
    static const struct { sd_tl_kind kind; sd_action_kind act; int target; } pairs[] = {
        {SD_TL_BACKUP_ASKED, SD_ACT_ESCALATE, SD_TARGET_COLLEAGUE_BACKUP},
        {SD_TL_MANAGER, SD_ACT_ESCALATE, SD_TARGET_MANAGER},
        {SD_TL_PRESS_OFFICER, SD_ACT_ESCALATE, SD_TARGET_PRESS_OFFICER},
        {SD_TL_STATEMENT, SD_ACT_PUBLISH, -1},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const sd_tl_entry *e = entry(tl, pairs[i].kind);
        const sd_res_action *a = first_action(r.res, pairs[i].act, pairs[i].target);
        assert_non_null(e);
        assert_non_null(a);
        assert_int_equal(e->t, a->t);
        assert_int_equal(e->value, a->t - start);
    }
    assert_int_equal(entry(tl, SD_TL_STORM_START)->t, start);
    /* the peak: storm comments per 10 minutes from the first one, by brute force */
    const sd_res_item *items = sd_results_items(r.res);
    size_t n = sd_results_n_items(r.res);
    sd_time first = 0;
    for (size_t i = 0; i < n && !first; i++)
        if (items[i].storm)
            first = items[i].arrival;
    int64_t best = 0;
    sd_time best_t = 0;
    for (sd_time b = first; b < first + 86400; b += 600) {
        int64_t count = 0;
        for (size_t i = 0; i < n; i++)
            count += items[i].storm && items[i].arrival >= b && items[i].arrival < b + 600;
        if (count > best) {
            best = count;
            best_t = b;
        }
    }
    const sd_tl_entry *peak = entry(tl, SD_TL_PEAK);
    assert_non_null(peak);
    assert_int_equal(peak->value, best);
    assert_int_equal(peak->t, best_t);
    char want[32];
    snprintf(want, sizeof want, "%lld kommentarer", (long long)best);
    assert_non_null(strstr(peak->text, want));
    /* the same results give the same timeline */
    sd_timeline *again = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_timeline_compute(r.res, f->tx, &again, &err), SD_OK);
    assert_int_equal(again->n, tl->n);
    for (size_t i = 0; i < tl->n; i++) {
        assert_int_equal(again->entries[i].t, tl->entries[i].t);
        assert_string_equal(again->entries[i].text, tl->entries[i].text);
    }
    sd_timeline_free(again);
    end_run(&r);
}

/* ---- the feedback's words ---- */

/* id as a word of text (not inside another word). */
static bool has_word(const char *text, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = strstr(text, id); p; p = strstr(p + 1, id)) {
        bool before = p == text || !(p[-1] == '-' || (p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
        char c = p[n];
        bool after = !(c == '-' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
        if (before && after)
            return true;
    }
    return false;
}

static void test_feedback_words(void **state)
{
    fx *f = *state;
    run r = play(f, p_deleter);
    const sd_score *s = r.score;
    bool deleted = false, troll = false;
    for (size_t i = 0; i < s->n_feedback; i++) {
        const char *t = s->feedback[i].text;
        /* no item or storm id, no English decision or target name */
        static const char *const ids[] = {"c1", "c2", "c3", "m1", "p1", "s1", "delete", "monitor",
                                          "reply", "manager", "colleague_backup", "press_officer"};
        for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
            if (has_word(t, ids[k]))
                fail_msg("feedback names '%s': %s", ids[k], t);
        assert_null(strstr(t, "s1-"));
        if (strstr(t, "raderade kritiken från Anna Berg (frustrerad)")) {
            deleted = true;
            assert_int_equal(s->feedback[i].severity, SD_SEV_CRITICAL);
            assert_non_null(strstr(t, "'Varför får vi veta det här så sent?'")); /* her words */
            assert_non_null(strstr(t, "\"Hej Anna! Jag förstår att det känns sent")); /* her model answer */
            assert_non_null(strstr(t, "Vänliga hälsningar, Kim\""));
        }
        if (strstr(t, "provokationen från Kalle Kula (troll)"))
            troll = true;
        /* most serious first */
        if (i > 0)
            assert_true(s->feedback[i - 1].severity >= s->feedback[i].severity);
    }
    assert_true(deleted);
    assert_true(troll);
    end_run(&r);
}

/* Misses alike are one line naming how many and the people. */
static void test_feedback_merged(void **state)
{
    fx *f = *state;
    run r = play(f, p_sloppy);
    const sd_score *s = r.score;
    size_t greeting_lines = 0, replies = 0;
    const char *merged = NULL;
    for (size_t i = 0; i < s->n_replies; i++)
        replies++;
    for (size_t i = 0; i < s->n_feedback; i++)
        if (s->feedback[i].rule == SD_RULE_GREETING) {
            greeting_lines++;
            merged = s->feedback[i].text;
            assert_int_equal(s->feedback[i].count, replies);
            assert_int_equal(s->feedback[i].item, -1);
        }
    assert_true(replies >= 3);
    assert_int_equal(greeting_lines, 1);
    char want[48];
    snprintf(want, sizeof want, "%zu svar saknade hälsningsfras", replies);
    if (strstr(merged, want) != merged)
        fail_msg("'%s' does not begin with '%s'", merged, want);
    assert_non_null(strstr(merged, "Anna Berg (frustrerad)"));
    end_run(&r);
}

/* The words themselves: who, excerpts, lists, decisions. */
static void test_debrief_words(void **state)
{
    fx *f = *state;
    sd_buf b = SD_BUF_INIT;
    static const struct { const char *text; size_t max; const char *want; } quotes[] = {
        {"Kort text.", 48, "'Kort text.'"},
        {"  rad ett\n\nrad\ttvå  ", 48, "'rad ett rad två'"},
        {"Helt oacceptabelt att ni stänger biblioteket utan att fråga oss som bor här", 40,
         "'Helt oacceptabelt att ni stänger …'"},
        {"Åäö åäö åäö åäö åäö åäö åäö", 14, "'Åäö åäö …'"},  /* cut at a word */
        {"Åäöåäöåäöåäö", 7, "'Åäö …'"},                     /* no word: at a code point */
        {"", 48, ""},
        {NULL, 48, ""},
    };
    for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++) {
        sd_buf_reset(&b);
        sd_debrief_quote(quotes[i].text, quotes[i].max, &b);
        assert_string_equal(sd_buf_str(&b), quotes[i].want);
    }
    const char *names[] = {"A", "B", "C"};
    static const struct { size_t shown, total; const char *want; } lists[] = {
        {1, 1, "A"}, {2, 2, "A och B"}, {3, 3, "A, B och C"}, {2, 7, "A, B och 5 andra"}};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        sd_buf_reset(&b);
        sd_debrief_list(f->tx, names, lists[i].shown, lists[i].total, &b);
        assert_string_equal(sd_buf_str(&b), lists[i].want);
    }
    sd_buf_reset(&b);
    sd_debrief_decisions(f->tx, (1u << SD_DECISION_HIDE) | (1u << SD_DECISION_REPORT), &b);
    assert_string_equal(sd_buf_str(&b), "\"dölja\" eller \"anmäla\"");
    assert_string_equal(sd_debrief_vocab(f->tx, SD_VOCAB_TARGET, SD_TARGET_MANAGER), "chefen");
    assert_string_equal(sd_debrief_vocab(f->tx, SD_VOCAB_MOOD, SD_MOOD_ANGRY), "arg");
    sd_res_item it = {.first = "Göran", .last = "Svensson", .mood = SD_MOOD_ANGRY,
                      .kind = SD_KIND_COMMENT, .sender = -1};
    sd_buf_reset(&b);
    sd_debrief_who(f->tx, &it, &b);
    assert_string_equal(sd_buf_str(&b), "Göran Svensson (arg)");
    sd_res_item msg = {.kind = SD_KIND_INTERNAL, .sender = SD_SENDER_MANAGER,
                       .text = "Ge mig en kort lägesbild innan lunch, tack."};
    sd_buf_reset(&b);
    sd_debrief_what(f->tx, &msg, &b);
    assert_string_equal(sd_buf_str(&b), "chefens meddelande 'Ge mig en kort lägesbild innan lunch, tack.'");
    sd_buf_free(&b);
}

/* Every text key in Swedish has its English, and the other way round. */
static void test_strings_both_languages(void **state)
{
    (void)state;
    char *files[2];
    files[0] = sd_test_read_file("assets/strings/sv.txt", NULL);
    files[1] = sd_test_read_file("assets/strings/en.txt", NULL);
    assert_non_null(files[0]);
    assert_non_null(files[1]);
    for (int a = 0; a < 2; a++) {
        for (char *line = files[a]; line && *line;) {
            char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            const char *eq = memchr(line, '=', len);
            if (line[0] != '#' && eq && eq > line + 1) {
                char key[128];
                size_t kl = (size_t)(eq - line - 1);
                if (kl < sizeof key) {
                    memcpy(key, line, kl);
                    key[kl] = '\0';
                    char find[140];
                    snprintf(find, sizeof find, "\n%s = ", key);
                    if (!strstr(files[1 - a], find))
                        fail_msg("%s has '%s', %s does not", a ? "en.txt" : "sv.txt", key,
                                 a ? "sv.txt" : "en.txt");
                }
            }
            line = nl ? nl + 1 : NULL;
        }
    }
    free(files[0]);
    free(files[1]);
}

/* ---- the report reads them, and refuses bad ones ---- */

static void test_report_reads_debrief(void **state)
{
    fx *f = *state;
    run r = play(f, p_crisis);
    sd_results_attach_score(r.res, r.score);
    sd_buf json = SD_BUF_INIT;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_to_json(r.res, &json, &err), SD_OK);
    sd_results_attach_score(r.res, NULL);
    sd_rr *rr = NULL;
    if (sd_rr_read_buffer("r.json", json.data, json.len, NULL, &rr, &err) != SD_OK)
        fail_msg("%s", sd_error_msg(&err));
    assert_int_equal(rr->n_strengths, r.score->n_strengths);
    assert_int_equal(rr->n_timeline, r.score->timeline->n);
    for (size_t i = 0; i < rr->n_strengths; i++)
        assert_string_equal(rr->strengths[i].text, r.score->strengths[i].text);
    sd_rr_free(rr);
    /* bad members: the error names the field */
    static const struct { const char *from, *to, *want; } bad[] = {
        {"\"strengths\": [", "\"strengths\": [{\"id\": \"Bad Id\", \"rule\": \"greeting\", \"text\": \"x\"}, ",
         "strengths[0].id"},
        {"\"strengths\": [", "\"strengths\": [{\"id\": \"ok\", \"rule\": \"no_such_rule\", \"text\": \"x\"}, ",
         "strengths[0].rule"},
        {"\"timeline\": [", "\"timeline\": [{\"t\": \"yesterday\", \"event\": \"peak\", \"value\": 1, \"text\": \"x\"}, ",
         "timeline[0].t"},
        {"\"timeline\": [", "\"timeline\": [{\"t\": \"2030-01-01T00:00:00\", \"event\": \"peak\", \"value\": 1, \"text\": \"x\"}, ",
         "timeline"},
        {"\"strengths\": [", "\"strengths\": 7, \"x\": [", "strengths"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        const char *at = strstr(json.data, bad[k].from);
        assert_non_null(at);
        sd_buf mod = SD_BUF_INIT;
        sd_buf_append(&mod, json.data, (size_t)(at - json.data));
        sd_buf_puts(&mod, bad[k].to);
        sd_buf_puts(&mod, at + strlen(bad[k].from));
        sd_error e2 = SD_ERROR_INIT;
        sd_rr *x = NULL;
        sd_status st = sd_rr_read_buffer("bad.json", mod.data, mod.len, NULL, &x, &e2);
        if (st != SD_ERR_INPUT || !strstr(sd_error_msg(&e2), bad[k].want) ||
            !strstr(sd_error_msg(&e2), "bad.json"))
            fail_msg("case %zu: status %d '%s' (want '%s')", k, st, sd_error_msg(&e2), bad[k].want);
        sd_error_clear(&e2);
        sd_buf_free(&mod);
    }
    sd_buf_free(&json);
    end_run(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_both_languages),
        cmocka_unit_test_setup_teardown(test_debrief_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strengths_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strength_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timeline_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timeline_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_feedback_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_feedback_merged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_reads_debrief, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
