/* test_review.c - the review file (review/review.h): written as made and read back, the last
 * mark on a target wins, a review of another log is refused, a torn last line is dropped and
 * cut off before the next mark, a table of hostile lines each refused with file:line and the
 * field, the agreement with the machine per rule (table-driven), and the results' "review"
 * member. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "../support/tempdir.h"
#include "review/review.h"
#include "util/sha256.h"

typedef struct fx {
    char dir[64];
    char log[128], rev[128];
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || sd_test_tempdir_make(f->dir, "sd_review") != 0)
        return -1;
    snprintf(f->log, sizeof f->log, "%s/s.jsonl", f->dir);
    snprintf(f->rev, sizeof f->rev, "%s/s.jsonl.review.jsonl", f->dir);
    /* The writer only hashes the log: any bytes do. */
    if (sd_test_write_file(f->log, "{\"type\":\"header\",\"format\":\"stormdrill.log/2\"}\n") != 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    sd_test_tempdir_remove(f->dir);
    free(f);
    return 0;
}

static sd_review_writer *open_writer(fx *f)
{
    sd_review_writer *w = NULL;
    sd_error err = SD_ERROR_INIT;
    sd_status st = sd_review_writer_open(f->rev, f->log, "mini", &w, &err);
    if (st != SD_OK)
        fail_msg("%s", sd_error_msg(&err));
    sd_error_clear(&err);
    return w;
}

static void mark(sd_review_writer *w, const char *ev, sd_review_kind kind, int action, const char *item,
                 int answers, int tone_ok, int decision_ok, const char *note, const sd_review_machine *m)
{
    sd_review_mark_in in = {.evaluator = ev, .kind = kind, .action = action, .item = item, .answers = answers,
                            .tone_ok = tone_ok, .decision_ok = decision_ok, .note = note, .machine = m,
                            .at = 1796290860 /* 2026-12-03T09:41:00Z */};
    sd_error err = SD_ERROR_INIT;
    if (sd_review_writer_mark(w, &in, &err) != SD_OK)
        fail_msg("%s", sd_error_msg(&err));
    sd_error_clear(&err);
}

static sd_reviews *load_ok(fx *f)
{
    sd_reviews *rv = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_reviews_load(f->rev, f->log, &rv, &err) != SD_OK)
        fail_msg("%s", sd_error_msg(&err));
    sd_error_clear(&err);
    return rv;
}

static const sd_review_machine reply_ok = {.answers = SD_ANSWERS_YES, .tone_ok = true, .decision = -1};

static void test_write_read_back(void **state)
{
    fx *f = *state;
    sd_review_writer *w = open_writer(f);
    sd_review_machine m2 = {.answers = SD_ANSWERS_NO, .tone_ok = false,
                            .failed = (1u << SD_TONE_GREETING) | (1u << SD_TONE_COURTEOUS), .decision = -1};
    sd_review_machine md = {.answers = -1, .decision_ok = true, .decision = SD_DECISION_HIDE};
    mark(w, "Eva Ödman", SD_REVIEW_REPLY, 3, "q1", SD_ANSWERS_PARTLY, 1, -1,
         "Svarar på öppettiderna men inte\npå \"varför\".", &m2);
    mark(w, "Eva Ödman", SD_REVIEW_DECISION, -1, "troll1", -1, -1, 0, NULL, &md);
    /* each mark is on disk as soon as the call returns */
    char *text = sd_test_read_file(f->rev, NULL);
    assert_non_null(text);
    assert_non_null(strstr(text, "\"type\":\"header\",\"format\":\"stormdrill.review/1\""));
    assert_non_null(strstr(text, "\"at\":\"2026-12-03T09:41:00Z\""));
    assert_non_null(strstr(text, "\"failed\":[\"greeting\",\"courteous\"]"));
    char hex[65];
    assert_int_equal(sd_sha256_file_hex(f->log, NULL, hex, NULL), SD_OK);
    assert_non_null(strstr(text, hex));
    free(text);
    assert_int_equal(sd_reviews_n(sd_review_writer_reviews(w)), 2);
    assert_int_equal(sd_review_writer_close(w, NULL), SD_OK);

    sd_reviews *rv = load_ok(f);
    assert_int_equal(sd_reviews_n(rv), 2);
    assert_string_equal(sd_reviews_scenario_id(rv), "mini");
    assert_string_equal(sd_reviews_log_sha256(rv), hex);
    assert_null(sd_reviews_torn(rv));
    sd_review_mark mk;
    assert_true(sd_reviews_reply(rv, 3, &mk));
    assert_int_equal(mk.answers, SD_ANSWERS_PARTLY);
    assert_int_equal(mk.tone_ok, 1);
    assert_int_equal(mk.decision_ok, -1);
    assert_string_equal(mk.evaluator, "Eva Ödman");
    assert_string_equal(mk.note, "Svarar på öppettiderna men inte\npå \"varför\".");
    assert_false(sd_reviews_reply(rv, 2, &mk));
    assert_false(sd_reviews_decision(rv, "q1", &mk));
    assert_true(sd_reviews_decision(rv, "troll1", &mk));
    assert_int_equal(mk.decision_ok, 0);
    assert_null(mk.note);
    const sd_review_entry *e = sd_reviews_at(rv, 0);
    assert_int_equal(e->line, 2);
    assert_int_equal(e->at, 1796290860);
    assert_true(e->has_machine);
    assert_int_equal(e->machine.answers, SD_ANSWERS_NO);
    assert_false(e->machine.tone_ok);
    assert_int_equal(e->machine.failed, (1u << SD_TONE_GREETING) | (1u << SD_TONE_COURTEOUS));
    e = sd_reviews_at(rv, 1);
    assert_int_equal(e->kind, SD_REVIEW_DECISION);
    assert_int_equal(e->machine.decision, SD_DECISION_HIDE);
    assert_true(e->machine.decision_ok);
    sd_reviews_free(rv);

    /* reopened: the marks so far are there, and new ones are appended after them */
    w = open_writer(f);
    assert_int_equal(sd_reviews_n(sd_review_writer_reviews(w)), 2);
    mark(w, "Olle", SD_REVIEW_REPLY, 3, "q1", SD_ANSWERS_NO, -1, -1, NULL, &m2);
    sd_review_writer_close(w, NULL);
    rv = load_ok(f);
    assert_int_equal(sd_reviews_n(rv), 3);
    assert_int_equal(sd_reviews_n_evaluators(rv), 2);
    assert_string_equal(sd_reviews_evaluator(rv, 1), "Olle");
    sd_reviews_free(rv);
}

static void test_last_mark_wins(void **state)
{
    fx *f = *state;
    sd_review_writer *w = open_writer(f);
    mark(w, "Eva", SD_REVIEW_REPLY, 0, "q1", SD_ANSWERS_YES, 1, -1, NULL, &reply_ok);
    mark(w, "Olle", SD_REVIEW_REPLY, 0, "q1", SD_ANSWERS_NO, -1, -1, "fel fakta", &reply_ok);
    mark(w, "Eva", SD_REVIEW_REPLY, 0, "q1", SD_ANSWERS_PARTLY, 0, -1, NULL, &reply_ok);
    mark(w, "Eva", SD_REVIEW_REPLY, 1, "q2", -1, -1, -1, "bara en anteckning", &reply_ok);
    sd_review_writer_close(w, NULL);
    sd_reviews *rv = load_ok(f);
    sd_review_mark mk;
    assert_true(sd_reviews_reply(rv, 0, &mk));
    assert_string_equal(mk.evaluator, "Eva");
    assert_int_equal(mk.answers, SD_ANSWERS_PARTLY);
    assert_int_equal(mk.tone_ok, 0);
    assert_null(mk.note); /* a later mark replaces the whole of an earlier one */
    assert_true(sd_reviews_reply(rv, 1, &mk));
    assert_int_equal(mk.answers, -1);
    assert_string_equal(mk.note, "bara en anteckning");
    /* Agreement: each evaluator's last mark counts once: Eva partly (agrees with the pass),
     * Olle no (disagrees); Eva's first mark is not counted. */
    sd_review_agreement a;
    sd_reviews_agreement(rv, &a);
    assert_string_equal(a.rule[0], "answer_questions");
    assert_int_equal(a.reviewed[0], 2);
    assert_int_equal(a.agreed[0], 1);
    assert_int_equal(a.replies, 2);
    assert_int_equal(a.decisions, 0);
    sd_reviews_free(rv);
}

static void test_other_log_refused(void **state)
{
    fx *f = *state;
    sd_review_writer *w = open_writer(f);
    mark(w, "Eva", SD_REVIEW_REPLY, 0, "q1", SD_ANSWERS_YES, 1, -1, NULL, &reply_ok);
    sd_review_writer_close(w, NULL);
    /* the log changes (resumed, edited, another run): the review no longer belongs to it */
    assert_int_equal(sd_test_write_file(f->log, "{\"type\":\"header\",\"format\":\"stormdrill.log/2\"}\n{}\n"), 0);
    sd_reviews *rv = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_reviews_load(f->rev, f->log, &rv, &err), SD_ERR_INPUT);
    assert_null(rv);
    assert_non_null(strstr(sd_error_msg(&err), "made for another log"));
    assert_non_null(strstr(sd_error_msg(&err), f->rev));
    sd_error_clear(&err);
    assert_int_equal(sd_review_writer_open(f->rev, f->log, "mini", &w, &err), SD_ERR_INPUT);
    assert_null(w);
    assert_non_null(strstr(sd_error_msg(&err), "made for another log"));
    sd_error_clear(&err);
    /* without a log to check against, it reads */
    assert_int_equal(sd_reviews_load(f->rev, NULL, &rv, &err), SD_OK);
    sd_reviews_free(rv);
}

static void test_torn_last_line(void **state)
{
    fx *f = *state;
    sd_review_writer *w = open_writer(f);
    mark(w, "Eva", SD_REVIEW_REPLY, 0, "q1", SD_ANSWERS_YES, 1, -1, NULL, &reply_ok);
    sd_review_writer_close(w, NULL);
    /* a crash in the middle of the next mark */
    FILE *fp = fopen(f->rev, "ab");
    assert_non_null(fp);
    fputs("{\"type\":\"mark\",\"evaluator\":\"Eva\",\"at\":\"2026-12-0", fp);
    fclose(fp);
    sd_reviews *rv = load_ok(f);
    assert_int_equal(sd_reviews_n(rv), 1);
    assert_non_null(sd_reviews_torn(rv));
    assert_non_null(strstr(sd_reviews_torn(rv), ":3: the last line is cut off"));
    sd_reviews_free(rv);
    /* the writer cuts it off and the next mark starts on its own line */
    w = open_writer(f);
    assert_non_null(sd_review_writer_warning(w));
    mark(w, "Eva", SD_REVIEW_REPLY, 1, "q2", SD_ANSWERS_NO, 0, -1, NULL, &reply_ok);
    sd_review_writer_close(w, NULL);
    rv = load_ok(f);
    assert_int_equal(sd_reviews_n(rv), 2);
    assert_null(sd_reviews_torn(rv));
    sd_reviews_free(rv);
    /* a complete last mark without its newline is kept, and the next one goes after it */
    char *text = sd_test_read_file(f->rev, NULL);
    text[strlen(text) - 1] = '\0';
    assert_int_equal(sd_test_write_file(f->rev, text), 0);
    free(text);
    w = open_writer(f);
    assert_null(sd_review_writer_warning(w));
    mark(w, "Eva", SD_REVIEW_REPLY, 2, "q3", SD_ANSWERS_NO, 0, -1, NULL, &reply_ok);
    sd_review_writer_close(w, NULL);
    rv = load_ok(f);
    assert_int_equal(sd_reviews_n(rv), 3);
    sd_reviews_free(rv);
}

#define SHA_X "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define LONG_ID "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii" /* 65 bytes */
#define HDR "{\"type\":\"header\",\"format\":\"stormdrill.review/1\",\"log_sha256\":\"" \
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}\n"
#define MK(rest) "{\"type\":\"mark\",\"evaluator\":\"Eva\",\"at\":\"2026-12-03T09:41:00Z\"," rest "}\n"
#define RT "\"target\":{\"kind\":\"reply\",\"action\":0,\"item\":\"q1\"}"

static void test_hostile_lines(void **state)
{
    (void)state;
    static const struct {
        const char *name, *text, *want;
    } cases[] = {
        {"empty", "", "is empty"},
        {"no header", MK(RT ",\"answers\":\"yes\""), ":1: field 'type': the first line must be the header"},
        {"blank first line", "\n" HDR, ":1: the first line must be"},
        {"other format", "{\"type\":\"header\",\"format\":\"stormdrill.review/9\",\"log_sha256\":\"" SHA_X "\"}\n",
         ":1: field 'format'"},
        {"bad sha", "{\"type\":\"header\",\"format\":\"stormdrill.review/1\",\"log_sha256\":\"xyz\"}\n",
         ":1: field 'log_sha256'"},
        {"second header", HDR HDR, ":2: field 'type': a second header"},
        {"not json", HDR "{nope\n", ":2: not a JSON object"},
        {"array", HDR "[1,2]\n", ":2: not a JSON object"},
        {"trailing data", HDR MK(RT ",\"answers\":\"yes\"") "x\n", ":3: not a JSON object"},
        {"unknown type", HDR "{\"type\":\"vote\"}\n", ":2: field 'type'"},
        {"evaluator number", HDR "{\"type\":\"mark\",\"evaluator\":5,\"at\":\"2026-12-03T09:41:00Z\"," RT
                                 ",\"answers\":\"yes\"}\n", ":2: field 'evaluator': expected a text"},
        {"evaluator missing", HDR "{\"type\":\"mark\",\"at\":\"2026-12-03T09:41:00Z\"," RT ",\"answers\":\"yes\"}\n",
         ":2: field 'evaluator': is missing"},
        {"evaluator empty", HDR "{\"type\":\"mark\",\"evaluator\":\"\",\"at\":\"2026-12-03T09:41:00Z\"," RT
                                ",\"answers\":\"yes\"}\n", ":2: field 'evaluator': is empty"},
        {"evaluator bad utf8", HDR "{\"type\":\"mark\",\"evaluator\":\"Ev\xff\xfe\",\"at\":\"2026-12-03T09:41:00Z\"," RT
                                   ",\"answers\":\"yes\"}\n", ":2: field 'evaluator': is not valid UTF-8"},
        {"evaluator overlong utf8", HDR "{\"type\":\"mark\",\"evaluator\":\"\xc0\xaf\",\"at\":\"2026-12-03T09:41:00Z\"," RT
                                        ",\"answers\":\"yes\"}\n", "is not valid UTF-8"},
        {"evaluator escape", HDR "{\"type\":\"mark\",\"evaluator\":\"Eva\\u001b[2J\",\"at\":\"2026-12-03T09:41:00Z\"," RT
                                 ",\"answers\":\"yes\"}\n", ":2: field 'evaluator': holds control characters"},
        {"at local", HDR "{\"type\":\"mark\",\"evaluator\":\"Eva\",\"at\":\"2026-12-03T09:41:00\"," RT
                         ",\"answers\":\"yes\"}\n", ":2: field 'at'"},
        {"at impossible", HDR "{\"type\":\"mark\",\"evaluator\":\"Eva\",\"at\":\"2026-13-03T09:41:00Z\"," RT
                              ",\"answers\":\"yes\"}\n", ":2: field 'at'"},
        {"target text", HDR MK("\"target\":\"q1\",\"answers\":\"yes\""), ":2: field 'target': expected an object"},
        {"target kind", HDR MK("\"target\":{\"kind\":\"post\",\"item\":\"q1\"},\"answers\":\"yes\""),
         ":2: field 'target.kind'"},
        {"action negative", HDR MK("\"target\":{\"kind\":\"reply\",\"action\":-1,\"item\":\"q1\"},\"answers\":\"yes\""),
         ":2: field 'target.action'"},
        {"action fraction", HDR MK("\"target\":{\"kind\":\"reply\",\"action\":1.5,\"item\":\"q1\"},\"answers\":\"yes\""),
         ":2: field 'target.action'"},
        {"action huge", HDR MK("\"target\":{\"kind\":\"reply\",\"action\":1e300,\"item\":\"q1\"},\"answers\":\"yes\""),
         ":2: field 'target.action'"},
        {"action text", HDR MK("\"target\":{\"kind\":\"reply\",\"action\":\"0\",\"item\":\"q1\"},\"answers\":\"yes\""),
         ":2: field 'target.action'"},
        {"item missing", HDR MK("\"target\":{\"kind\":\"reply\",\"action\":0},\"answers\":\"yes\""),
         ":2: field 'item': is missing"},
        {"item too long", HDR MK("\"target\":{\"kind\":\"decision\",\"item\":\"" LONG_ID "\"},\"decision_ok\":true"),
         ":2: field 'item': is 65 bytes long"},
        {"answers maybe", HDR MK(RT ",\"answers\":\"maybe\""), ":2: field 'answers'"},
        {"answers number", HDR MK(RT ",\"answers\":2"), ":2: field 'answers': expected a text"},
        {"tone_ok text", HDR MK(RT ",\"tone_ok\":\"yes\""), ":2: field 'tone_ok'"},
        {"reply decided", HDR MK(RT ",\"decision_ok\":true"), ":2: field 'decision_ok'"},
        {"decision answered", HDR MK("\"target\":{\"kind\":\"decision\",\"item\":\"q1\"},\"answers\":\"yes\""),
         ":2: field 'answers'"},
        {"decision with action", HDR MK("\"target\":{\"kind\":\"decision\",\"action\":3,\"item\":\"q1\"},\"decision_ok\":true"),
         ":2: field 'target.action'"},
        {"nothing marked", HDR MK(RT), ":2: a mark marks nothing"},
        {"note number", HDR MK(RT ",\"note\":7"), ":2: field 'note': expected a text"},
        {"note escape", HDR MK(RT ",\"note\":\"\\u001b]0;pwned\\u0007\""), ":2: field 'note': holds control"},
        {"machine text", HDR MK(RT ",\"answers\":\"yes\",\"machine\":\"ok\""), ":2: field 'machine'"},
        {"machine partly", HDR MK(RT ",\"answers\":\"yes\",\"machine\":{\"answers\":\"partly\"}"),
         ":2: field 'machine.answers'"},
        {"machine failed", HDR MK(RT ",\"answers\":\"yes\",\"machine\":{\"failed\":[\"rudeness\"]}"),
         ":2: field 'machine.failed'"},
        {"machine failed type", HDR MK(RT ",\"answers\":\"yes\",\"machine\":{\"failed\":\"greeting\"}"),
         ":2: field 'machine.failed'"},
        {"machine decision", HDR MK("\"target\":{\"kind\":\"decision\",\"item\":\"q1\"},\"decision_ok\":true,"
                                    "\"machine\":{\"decision_ok\":true,\"decision\":\"ban\"}"),
         ":2: field 'machine.decision'"},
        {"nul byte", HDR "{\"type\":\"mark\"\0}\n", ":2: a NUL byte"},
        {"bad line in the middle", HDR "{\"type\":\"mark\",\n" MK(RT ",\"answers\":\"yes\""), ":2: not a JSON object"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = strlen(cases[i].text);
        if (strcmp(cases[i].name, "nul byte") == 0)
            len = sizeof HDR - 1 + 17;
        sd_reviews *rv = NULL;
        sd_error err = SD_ERROR_INIT;
        sd_status st = sd_reviews_load_buffer("r.jsonl", cases[i].text, len, NULL, &rv, &err);
        if (st != SD_ERR_INPUT || !strstr(sd_error_msg(&err), cases[i].want) ||
            strncmp(sd_error_msg(&err), "r.jsonl", 7) != 0)
            fail_msg("case '%s': status %d, message '%s', wanted '%s'", cases[i].name, st, sd_error_msg(&err),
                     cases[i].want);
        assert_null(rv);
        sd_error_clear(&err);
    }
}

static void test_hostile_sizes(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_reviews *rv = NULL;
    sd_error err = SD_ERROR_INIT;
    /* a huge note: refused by the field limit, naming the field */
    sd_buf_puts(&b, HDR "{\"type\":\"mark\",\"evaluator\":\"Eva\",\"at\":\"2026-12-03T09:41:00Z\"," RT ",\"note\":\"");
    for (int i = 0; i < 2001; i++)
        sd_buf_putc(&b, 'x');
    sd_buf_puts(&b, "\"}\n");
    assert_int_equal(sd_reviews_load_buffer("r.jsonl", b.data, b.len, NULL, &rv, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "r.jsonl:2: field 'note': is 2001 bytes long"));
    sd_error_clear(&err);
    /* a line past the line limit is refused before it is parsed */
    sd_buf_reset(&b);
    sd_buf_puts(&b, HDR "{\"type\":\"mark\",\"note\":\"");
    for (int i = 0; i < (int)SD_REVIEW_MAX_LINE; i++)
        sd_buf_putc(&b, 'y');
    sd_buf_puts(&b, "\"}\n");
    assert_int_equal(sd_reviews_load_buffer("r.jsonl", b.data, b.len, NULL, &rv, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "r.jsonl:2: the line is"));
    sd_error_clear(&err);
    /* deeply nested JSON does not take the reader down */
    sd_buf_reset(&b);
    sd_buf_puts(&b, HDR);
    for (int i = 0; i < 5000; i++)
        sd_buf_putc(&b, '[');
    sd_buf_putc(&b, '\n');
    assert_int_equal(sd_reviews_load_buffer("r.jsonl", b.data, b.len, NULL, &rv, &err), SD_ERR_INPUT);
    sd_error_clear(&err);
    /* a note at the limit, in Swedish, reads */
    sd_buf_reset(&b);
    sd_buf_puts(&b, HDR "{\"type\":\"mark\",\"evaluator\":\"Eva\",\"at\":\"2026-12-03T09:41:00Z\"," RT ",\"note\":\"");
    for (int i = 0; i < 1000; i++)
        sd_buf_puts(&b, "ö");
    sd_buf_puts(&b, "\"}\n");
    assert_int_equal(sd_reviews_load_buffer("r.jsonl", b.data, b.len, NULL, &rv, &err), SD_OK);
    assert_int_equal(sd_reviews_n(rv), 1);
    sd_reviews_free(rv);
    sd_buf_free(&b);
}

static void test_writer_refuses(void **state)
{
    fx *f = *state;
    sd_review_writer *w = open_writer(f);
    char note[SD_REVIEW_MAX_NOTE + 2];
    memset(note, 'n', sizeof note - 1);
    note[sizeof note - 1] = '\0';
    static const struct {
        const char *name, *evaluator, *item, *note;
        sd_review_kind kind;
        int action, answers, tone_ok, decision_ok;
    } cases[] = {
        {"no evaluator", NULL, "q1", NULL, SD_REVIEW_REPLY, 0, 2, -1, -1},
        {"empty evaluator", "", "q1", NULL, SD_REVIEW_REPLY, 0, 2, -1, -1},
        {"escape in name", "Eva\x1b[31m", "q1", NULL, SD_REVIEW_REPLY, 0, 2, -1, -1},
        {"bad utf8 name", "Ev\xc3", "q1", NULL, SD_REVIEW_REPLY, 0, 2, -1, -1},
        {"no item", "Eva", NULL, NULL, SD_REVIEW_REPLY, 0, 2, -1, -1},
        {"no action", "Eva", "q1", NULL, SD_REVIEW_REPLY, -1, 2, -1, -1},
        {"nothing", "Eva", "q1", NULL, SD_REVIEW_REPLY, 0, -1, -1, -1},
        {"reply decided", "Eva", "q1", NULL, SD_REVIEW_REPLY, 0, -1, -1, 1},
        {"decision answered", "Eva", "q1", NULL, SD_REVIEW_DECISION, -1, 2, -1, -1},
        {"bad note", "Eva", "q1", "a\x01", SD_REVIEW_REPLY, 0, 2, -1, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_review_mark_in in = {.evaluator = cases[i].evaluator, .kind = cases[i].kind, .action = cases[i].action,
                                .item = cases[i].item, .answers = cases[i].answers, .tone_ok = cases[i].tone_ok,
                                .decision_ok = cases[i].decision_ok, .note = cases[i].note};
        sd_error err = SD_ERROR_INIT;
        if (sd_review_writer_mark(w, &in, &err) == SD_OK)
            fail_msg("case '%s' was written", cases[i].name);
        sd_error_clear(&err);
    }
    sd_review_mark_in in = {.evaluator = "Eva", .kind = SD_REVIEW_REPLY, .action = 0, .item = "q1",
                            .answers = -1, .tone_ok = -1, .decision_ok = -1, .note = note};
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_review_writer_mark(w, &in, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "note"));
    sd_error_clear(&err);
    assert_int_equal(sd_reviews_n(sd_review_writer_reviews(w)), 0);
    sd_review_writer_close(w, NULL);
    sd_reviews *rv = load_ok(f);
    assert_int_equal(sd_reviews_n(rv), 0); /* nothing refused reached the file */
    sd_reviews_free(rv);
    /* not a regular file */
    sd_review_writer *w2 = NULL;
    assert_int_equal(sd_review_writer_open(f->dir, f->log, "mini", &w2, &err), SD_ERR_INPUT);
    sd_error_clear(&err);
    assert_int_not_equal(sd_reviews_load("/dev/zero", NULL, &rv, &err), SD_OK);
    sd_error_clear(&err);
}

/* The agreement rows, one case per kind of comparison. */
static void test_agreement_table(void **state)
{
    fx *f = *state;
    static const struct {
        const char *name;
        sd_review_kind kind;
        int m_answers;
        uint32_t m_failed;
        int m_decision_ok;
        int answers, tone_ok, decision_ok;
        const char *rule; /* the row that must count it */
        int agreed;       /* 1 agreed, 0 not */
    } cases[] = {
        {"yes on a pass", SD_REVIEW_REPLY, SD_ANSWERS_YES, 0, -1, SD_ANSWERS_YES, -1, -1, "answer_questions", 1},
        {"partly on a pass", SD_REVIEW_REPLY, SD_ANSWERS_YES, 0, -1, SD_ANSWERS_PARTLY, -1, -1, "answer_questions", 1},
        {"no on a pass", SD_REVIEW_REPLY, SD_ANSWERS_YES, 0, -1, SD_ANSWERS_NO, -1, -1, "answer_questions", 0},
        {"no on a fail", SD_REVIEW_REPLY, SD_ANSWERS_NO, 0, -1, SD_ANSWERS_NO, -1, -1, "answer_questions", 1},
        {"partly on a fail", SD_REVIEW_REPLY, SD_ANSWERS_NO, 0, -1, SD_ANSWERS_PARTLY, -1, -1, "answer_questions", 0},
        {"tone bad, greeting failed", SD_REVIEW_REPLY, -1, 1u << SD_TONE_GREETING, -1, -1, 0, -1, "greeting", 1},
        {"tone ok, greeting failed", SD_REVIEW_REPLY, -1, 1u << SD_TONE_GREETING, -1, -1, 1, -1, "greeting", 0},
        {"tone ok, spelling failed", SD_REVIEW_REPLY, -1, 1u << SD_TONE_SPELLING, -1, -1, 1, -1, "spelling", 0},
        {"tone ok, all passed", SD_REVIEW_REPLY, -1, 0, -1, -1, 1, -1, "courteous", 1},
        {"tone bad, all passed", SD_REVIEW_REPLY, -1, 0, -1, -1, 0, -1, "courteous", 0},
        {"tone bad overall", SD_REVIEW_REPLY, -1, 1u << SD_TONE_NAME, -1, -1, 0, -1, "tone", 1},
        {"tone ok overall", SD_REVIEW_REPLY, -1, 1u << SD_TONE_NAME, -1, -1, 1, -1, "tone", 0},
        {"decision right, machine too", SD_REVIEW_DECISION, -1, 0, 1, -1, -1, 1, "response_model", 1},
        {"decision wrong, machine right", SD_REVIEW_DECISION, -1, 0, 1, -1, -1, 0, "response_model", 0},
        {"decision wrong, machine too", SD_REVIEW_DECISION, -1, 0, 0, -1, -1, 0, "response_model", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        remove(f->rev);
        sd_review_writer *w = open_writer(f);
        sd_review_machine m = {.answers = cases[i].m_answers, .failed = cases[i].m_failed,
                               .tone_ok = cases[i].m_failed == 0, .decision_ok = cases[i].m_decision_ok == 1,
                               .decision = cases[i].kind == SD_REVIEW_DECISION ? SD_DECISION_HIDE : -1};
        mark(w, "Eva", cases[i].kind, cases[i].kind == SD_REVIEW_REPLY ? 4 : -1, "q1", cases[i].answers,
             cases[i].tone_ok, cases[i].decision_ok, NULL, &m);
        sd_review_writer_close(w, NULL);
        sd_reviews *rv = load_ok(f); /* from the file: the machine's verdict as stored */
        sd_review_agreement a;
        sd_reviews_agreement(rv, &a);
        bool found = false;
        for (int k = 0; k < SD_REVIEW_ROWS; k++) {
            if (strcmp(a.rule[k], cases[i].rule) == 0) {
                found = true;
                if (a.reviewed[k] != 1 || a.agreed[k] != (size_t)cases[i].agreed)
                    fail_msg("case '%s': row %s reviewed %zu agreed %zu", cases[i].name, a.rule[k], a.reviewed[k],
                             a.agreed[k]);
            }
        }
        if (!found)
            fail_msg("case '%s': no row %s", cases[i].name, cases[i].rule);
        assert_int_equal(a.compared, 1);
        /* one comparison per mark here, and the overall verdict agrees exactly when the row does */
        assert_int_equal(a.agreed_all, (size_t)cases[i].agreed);
        sd_reviews_free(rv);
    }
    /* a mark without the machine's verdict is not compared */
    remove(f->rev);
    sd_review_writer *w = open_writer(f);
    mark(w, "Eva", SD_REVIEW_REPLY, 0, "q1", SD_ANSWERS_YES, 1, -1, NULL, NULL);
    sd_review_writer_close(w, NULL);
    sd_reviews *rv = load_ok(f);
    sd_review_agreement a;
    sd_reviews_agreement(rv, &a);
    assert_int_equal(a.compared, 0);
    assert_int_equal(a.replies, 1);
    sd_reviews_free(rv);
}

static void test_results_member(void **state)
{
    fx *f = *state;
    sd_review_writer *w = open_writer(f);
    sd_review_machine md = {.answers = -1, .decision_ok = true, .decision = SD_DECISION_HIDE};
    mark(w, "Eva", SD_REVIEW_REPLY, 0, "q1", SD_ANSWERS_YES, 1, -1, NULL, &reply_ok);
    mark(w, "Olle \"O\" <b>", SD_REVIEW_REPLY, 0, "q1", SD_ANSWERS_NO, 1, -1, NULL, &reply_ok);
    mark(w, "Eva", SD_REVIEW_DECISION, -1, "t1", -1, -1, 0, NULL, &md);
    sd_review_writer_close(w, NULL);
    sd_reviews *rv = load_ok(f);
    sd_buf b = SD_BUF_INIT;
    sd_jsonw j;
    sd_jsonw_init(&j, &b, true);
    sd_jsonw_object_begin(&j);
    sd_reviews_write_json(rv, &j);
    sd_jsonw_object_end(&j);
    assert_true(sd_jsonw_ok(&j));
    cJSON *doc = cJSON_Parse(b.data);
    assert_non_null(doc);
    cJSON *r = cJSON_GetObjectItem(doc, "review");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(r, "format")), SD_REVIEW_FORMAT);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(r, "evaluators")), 2);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "evaluators"), 1)),
                        "Olle \"O\" <b>");
    assert_int_equal(cJSON_GetObjectItem(r, "marks")->valueint, 3);
    assert_int_equal(cJSON_GetObjectItem(r, "replies_reviewed")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItem(r, "decisions_reviewed")->valueint, 1);
    /* Eva: answers agree, tone agrees; Olle: answers disagree, tone agrees; decision disagrees */
    assert_int_equal(cJSON_GetObjectItem(r, "compared")->valueint, 5);
    assert_int_equal(cJSON_GetObjectItem(r, "agreed")->valueint, 3);
    cJSON *rows = cJSON_GetObjectItem(r, "agreement"), *row;
    int seen = 0;
    cJSON_ArrayForEach(row, rows)
    {
        const char *rule = cJSON_GetStringValue(cJSON_GetObjectItem(row, "rule"));
        int rev = cJSON_GetObjectItem(row, "reviewed")->valueint, ag = cJSON_GetObjectItem(row, "agreed")->valueint;
        if (strcmp(rule, "answer_questions") == 0)
            assert_true(rev == 2 && ag == 1), seen++;
        else if (strcmp(rule, "response_model") == 0)
            assert_true(rev == 1 && ag == 0), seen++;
        else if (strcmp(rule, "courteous") == 0 || strcmp(rule, "tone") == 0)
            assert_true(rev == 2 && ag == 2), seen++;
        else
            fail_msg("unexpected row %s", rule);
    }
    assert_int_equal(seen, 4);
    cJSON_Delete(doc);
    sd_buf_free(&b);
    sd_reviews_free(rv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_read_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_last_mark_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_log_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_torn_last_line, setup, teardown),
        cmocka_unit_test(test_hostile_lines),
        cmocka_unit_test(test_hostile_sizes),
        cmocka_unit_test_setup_teardown(test_writer_refuses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_agreement_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_results_member, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
