/* test_chain.c - the session log's hash chain, its seal and the rules every log obeys
 * (engine/log/chain.h, engine/log/logr.h), table-driven: a real log is written by the real
 * writer, changed as a case says (a line edited, removed, inserted, moved, one byte
 * changed, the end cut off, a torn last line, a format-1 log), and read back as `score`
 * reads it, with and without keys; and a log with every field at its largest size and
 * times at the ends of the range is written and read back whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../support/tempdir.h"
#include "log/chain.h"
#include "log/limits.h"
#include "log/logr.h"
#include "log/logw.h"
#include "scenario/scenario_lua.h"
#include "util/readfile.h"

static char g_dir[256];

static const char K1[] = "the facilitator's key: thirty-two bytes and more";
static const char K2[] = "another facilitator's key: also long enough here";

static void path_of(const char *name, char *out, size_t n) { snprintf(out, n, "%s/%s", g_dir, name); }

static sd_expect g_exp;

/* A small exercise: header, two items, a reply, a state, the end. */
static void write_sample(const char *path, const sd_seal_key *key)
{
    sd_logw *w = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_logw_open(path, &w, &err), SD_OK);
    if (key)
        assert_int_equal(sd_logw_seal(w, key, &err), SD_OK);
    sd_time t0 = sd_time_make(2026, 3, 10, 9, 0, 0);
    sd_record r = {.type = SD_REC_HEADER, .t = t0};
    sd_rec_header *h = &r.u.header;
    h->program = "stormdrill test";
    h->scenario_id = "mini";
    h->scenario_title = "Mini";
    h->scenario_path = "tests/data/mini.lua";
    h->scenario_sha256 = "00";
    h->start = t0;
    h->duration = 3600;
    h->compression = 1;
    h->participant = "Kim";
    h->participant_kind = "person";
    sd_scoring_params_default(&h->scoring);
    assert_int_equal(sd_logw_write(w, &r, &err), SD_OK);
    sd_expect_defaults(&g_exp, SD_KIND_COMMENT, SD_MOOD_CALM);
    const char *ids[] = {"c1", "c2"};
    for (int i = 0; i < 2; i++) {
        sd_record it = {.type = SD_REC_ITEM, .t = t0 + 60 * (i + 1)};
        it.u.item = (sd_rec_item){.id = ids[i], .kind = SD_KIND_COMMENT, .first = "Anna",
                                  .sender = -1, .text = "Varför?", .expect = &g_exp};
        assert_int_equal(sd_logw_write(w, &it, &err), SD_OK);
    }
    sd_record a = {.type = SD_REC_ACTION, .t = t0 + 300};
    a.u.action = (sd_rec_action){.kind = SD_ACT_REPLY, .item = "c1", .text = "Hej Anna!",
                                 .target = -1, .step = -1};
    assert_int_equal(sd_logw_write(w, &a, &err), SD_OK);
    sd_record s = {.type = SD_REC_STATE, .t = t0 + 600};
    assert_int_equal(sd_logw_write(w, &s, &err), SD_OK);
    sd_record e = {.type = SD_REC_END, .t = t0 + 3600};
    e.u.end.reason = "duration";
    assert_int_equal(sd_logw_write(w, &e, &err), SD_OK);
    assert_int_equal(sd_logw_close(w, &err), SD_OK);
}

/* Reads the log as score does: SD_OK or the error's message in msg. */
static sd_status read_all(const char *path, const sd_seal_key *key, sd_log_integrity *in,
                          bool *torn, char *msg, size_t n)
{
    sd_logr *r = NULL;
    sd_error err = SD_ERROR_INIT;
    sd_status st = sd_logr_open(path, &r, &err);
    if (st == SD_OK) {
        sd_logr_set_key(r, key);
        for (;;) {
            sd_record rec;
            bool got;
            if ((st = sd_logr_next(r, &rec, &got, &err)) != SD_OK || !got)
                break;
        }
        sd_logr_integrity(r, in);
        *torn = sd_logr_torn(r, NULL);
    }
    snprintf(msg, n, "%s", st == SD_OK ? "" : sd_error_msg(&err));
    sd_error_clear(&err);
    sd_logr_close(r);
    return st;
}

typedef struct lines {
    char *text;
    char *line[32];
    size_t n;
} lines;

static void load_lines(const char *path, lines *l)
{
    sd_buf b = SD_BUF_INIT;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_read_regular(path, NULL, 0, &b, &err), SD_OK);
    l->text = sd_buf_take(&b);
    l->n = 0;
    for (char *p = l->text, *nl; *p && (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
        *nl = '\0';
        l->line[l->n++] = p;
    }
}

typedef enum change { NONE, EDIT, REMOVE, INSERT, SWAP, BYTE, CUT_END, TORN, V1 } change;

/* Writes the lines of l to path as the change says (at line index at, 0-based). */
static void write_changed(const char *path, const lines *l, change c, size_t at)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < l->n; i++) {
        const char *s = l->line[i];
        if (c == REMOVE && i == at)
            continue;
        if (c == CUT_END && i == l->n - 1)
            break;
        if (c == SWAP && i == at)
            s = l->line[at + 1];
        else if (c == SWAP && i == at + 1)
            s = l->line[at];
        if (c == INSERT && i == at)
            fprintf(f, "%s\n", l->line[1]);
        if (c == EDIT && i == at) {
            char *d = strdup(s), *p = strstr(d, "Anna");
            assert_non_null(p);
            memcpy(p, "Hans", 4);
            fprintf(f, "%s\n", d);
            free(d);
            continue;
        }
        if (c == BYTE && i == at) {
            char *d = strdup(s), *m = strstr(d, "Mini");
            (m ? m : d + 10)[0] ^= 1; /* in the header: a letter of the title */
            fprintf(f, "%s\n", d);
            free(d);
            continue;
        }
        if (c == V1) {
            /* the format-1 line: no chain value, the old format name */
            size_t clen, hlen;
            const char *hex;
            assert_true(sd_chain_split(s, strlen(s), &clen, &hex, &hlen));
            char *d = strndup(s, clen);
            char *fm = strstr(d, "stormdrill.log/2");
            if (fm)
                fm[15] = '1';
            fprintf(f, "%s}\n", d);
            free(d);
            continue;
        }
        fprintf(f, "%s\n", s);
    }
    if (c == TORN)
        fputs("{\"type\":\"state\",\"t\":\"2026-03-10T10:", f);
    fclose(f);
}

static void test_chain_cases(void **state)
{
    (void)state;
    sd_seal_key k1, k2;
    sd_seal_key_from_bytes(K1, sizeof K1 - 1, &k1);
    sd_seal_key_from_bytes(K2, sizeof K2 - 1, &k2);
    static const struct {
        const char *name;
        bool sealed;   /* written with k1 */
        int read_key;  /* 0 none, 1 k1, 2 k2 */
        change c;
        size_t at;
        size_t want_line;           /* 0: reads whole */
        const char *want;           /* in the message, or the state's name when it reads */
        bool torn;
    } cases[] = {
        {"plain", false, 0, NONE, 0, 0, "unsealed", false},
        {"edit", false, 0, EDIT, 1, 2, "hash chain breaks", false},
        {"remove", false, 0, REMOVE, 2, 3, "hash chain breaks", false},
        {"insert", false, 0, INSERT, 3, 4, "hash chain breaks", false},
        {"swap", false, 0, SWAP, 1, 2, "hash chain breaks", false},
        {"byte", false, 0, BYTE, 4, 5, "hash chain breaks", false},
        {"header-byte", false, 0, BYTE, 0, 1, "hash chain breaks", false},
        {"cut-end", false, 0, CUT_END, 0, 0, "unsealed", false},
        {"torn", false, 0, TORN, 0, 0, "unsealed", true},
        {"v1", false, 0, V1, 0, 0, "unsealed", false},
        {"v1-with-key", false, 1, V1, 0, 1, "has no seal", false},
        {"unsealed-with-key", false, 1, NONE, 0, 1, "not sealed", false},
        {"sealed-right-key", true, 1, NONE, 0, 0, "sealed-intact", false},
        {"sealed-no-key", true, 0, NONE, 0, 0, "sealed-unverified", false},
        {"sealed-wrong-key", true, 2, NONE, 0, 1, "sealed with another key", false},
        {"sealed-edit", true, 1, EDIT, 2, 3, "hash chain breaks", false},
        {"sealed-remove", true, 1, REMOVE, 3, 4, "hash chain breaks", false},
        {"sealed-cut-end", true, 1, CUT_END, 0, 0, "sealed-intact", false},
        {"sealed-torn", true, 1, TORN, 0, 0, "sealed-intact", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char orig[300], path[300], msg[600];
        path_of("orig.jsonl", orig, sizeof orig);
        snprintf(path, sizeof path, "%s/%s.jsonl", g_dir, cases[i].name);
        write_sample(orig, cases[i].sealed ? &k1 : NULL);
        lines l;
        load_lines(orig, &l);
        write_changed(path, &l, cases[i].c, cases[i].at);
        free(l.text);
        const sd_seal_key *key = cases[i].read_key == 1 ? &k1 : cases[i].read_key == 2 ? &k2 : NULL;
        sd_log_integrity in = {0};
        bool torn = false;
        sd_status st = read_all(path, key, &in, &torn, msg, sizeof msg);
        if (cases[i].want_line == 0) {
            if (st != SD_OK || strcmp(sd_integrity_name(in.state), cases[i].want) != 0 ||
                torn != cases[i].torn)
                fail_msg("%s: status %d state %s torn %d: %s", cases[i].name, st,
                         sd_integrity_name(in.state), torn, msg);
            if (cases[i].sealed && cases[i].read_key == 1)
                assert_int_equal(in.complete, cases[i].c != CUT_END);
            if (cases[i].c == V1)
                assert_int_equal(in.version, 1);
        } else {
            char where[400];
            snprintf(where, sizeof where, "%s:%zu:", path, cases[i].want_line);
            if (st != SD_ERR_INPUT || !strstr(msg, where) || !strstr(msg, cases[i].want))
                fail_msg("%s: status %d: '%s' (want '%s' and '%s')", cases[i].name, st, msg,
                         where, cases[i].want);
            if (strstr(cases[i].want, "chain breaks")) {
                assert_int_equal(in.state, SD_INTEGRITY_TAMPERED);
                assert_int_equal(in.bad_line, cases[i].want_line);
            }
        }
    }
    sd_seal_key_clear(&k1);
    sd_seal_key_clear(&k2);
}

static void test_seal_key_files(void **state)
{
    (void)state;
    char p[300];
    sd_seal_key k;
    sd_error err = SD_ERROR_INIT;
    static const struct {
        const char *name;
        size_t bytes; /* 0: a FIFO */
        sd_status want;
        const char *phrase;
    } cases[] = {
        {"key32", 32, SD_OK, NULL},
        {"key4096", 4096, SD_OK, NULL},
        {"key31", 31, SD_ERR_INPUT, "at least 32 bytes"},
        {"key-empty", 0 + 1, SD_ERR_INPUT, "at least 32 bytes"},
        {"key4097", 4097, SD_ERR_INPUT, NULL},
        {"key.fifo", 0, SD_ERR_INPUT, "named pipe"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        path_of(cases[i].name, p, sizeof p);
        if (cases[i].bytes == 0) {
            assert_int_equal(mkfifo(p, 0600), 0);
        } else {
            FILE *f = fopen(p, "wb");
            for (size_t b = 0; b < cases[i].bytes; b++)
                fputc((int)(b * 7 + 1), f);
            fclose(f);
        }
        sd_status st = sd_seal_key_read(p, &k, &err);
        if (st != cases[i].want || (cases[i].phrase && !strstr(sd_error_msg(&err), cases[i].phrase)) ||
            (st != SD_OK && !strstr(sd_error_msg(&err), p)))
            fail_msg("%s: status %d: %s", cases[i].name, st, sd_error_msg(&err));
        if (st == SD_OK)
            assert_int_equal(strlen(k.id), SD_CHAIN_HEX);
        sd_error_clear(&err);
        sd_seal_key_clear(&k);
    }
    path_of("nonexistent-key", p, sizeof p);
    assert_int_equal(sd_seal_key_read(p, &k, &err), SD_ERR_IO);
    sd_error_clear(&err);
}

/* A log Stormdrill wrote is always readable by Stormdrill: every field at its largest size
 * (each text byte one that is escaped to six bytes), times at the ends of the range. */
static void test_largest_fields_read_back(void **state)
{
    (void)state;
    char path[300];
    path_of("largest.jsonl", path, sizeof path);
    char *text = malloc(SD_MAX_TEXT_BYTES + 1), *id = malloc(SD_MAX_ID_BYTES + 1),
         *name = malloc(SD_MAX_NAME_BYTES + 1), *reason = malloc(SD_MAX_REASON_BYTES + 1),
         *pth = malloc(SD_MAX_PATH_BYTES + 1);
    assert_true(text && id && name && reason && pth);
    memset(text, 0x01, SD_MAX_TEXT_BYTES);
    text[SD_MAX_TEXT_BYTES] = '\0';
    memset(name, 0x02, SD_MAX_NAME_BYTES);
    name[SD_MAX_NAME_BYTES] = '\0';
    memset(reason, 0x03, SD_MAX_REASON_BYTES);
    reason[SD_MAX_REASON_BYTES] = '\0';
    memset(pth, 0x04, SD_MAX_PATH_BYTES);
    pth[SD_MAX_PATH_BYTES] = '\0';
    memset(id, 'i', SD_MAX_ID_BYTES);
    id[SD_MAX_ID_BYTES] = '\0';
    sd_seal_key k;
    sd_seal_key_from_bytes(K1, sizeof K1 - 1, &k);
    sd_logw *w = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_logw_open(path, &w, &err), SD_OK);
    assert_int_equal(sd_logw_seal(w, &k, &err), SD_OK);
    sd_record r = {.type = SD_REC_HEADER, .t = SD_TIME_MIN};
    sd_rec_header *h = &r.u.header;
    *h = (sd_rec_header){.program = name, .scenario_id = id, .scenario_title = text,
                         .scenario_path = pth, .scenario_sha256 = id, .start = SD_TIME_MIN,
                         .duration = 60, .compression = 1, .participant = name,
                         .participant_kind = id, .participant_path = pth,
                         .participant_sha256 = id, .date = "2026-03-10"};
    sd_scoring_params_default(&h->scoring);
    assert_int_equal(sd_logw_write(w, &r, &err), SD_OK);
    sd_expect e;
    sd_expect_defaults(&e, SD_KIND_COMMENT, SD_MOOD_CALM);
    e.link = pth;
    e.person = id;
    sd_record it = {.type = SD_REC_ITEM, .t = SD_TIME_MIN};
    it.u.item = (sd_rec_item){.id = id, .kind = SD_KIND_COMMENT, .author_id = id, .first = name,
                              .last = name, .sender = -1, .parent = id, .text = text,
                              .title = text, .outlet = name, .url = pth, .repeat_of = id,
                              .storm = id, .by = name, .deadline = SD_TIME_MAX, .expect = &e};
    if (sd_logw_write(w, &it, &err) != SD_OK)
        fail_msg("%s", sd_error_msg(&err));
    sd_record a = {.type = SD_REC_ACTION, .t = SD_TIME_MAX};
    a.u.action = (sd_rec_action){.kind = SD_ACT_REPLY, .item = id, .text = text, .target = -1,
                                 .step = -1, .person = id, .reason = reason};
    assert_int_equal(sd_logw_write(w, &a, &err), SD_OK);
    sd_record rj = {.type = SD_REC_REJECTED, .t = SD_TIME_MAX};
    rj.u.action = a.u.action;
    rj.u.action.error = reason;
    assert_int_equal(sd_logw_write(w, &rj, &err), SD_OK);
    sd_record f = {.type = SD_REC_FACILITATOR, .t = SD_TIME_MAX};
    f.u.facilitator = (sd_rec_facilitator){.kind = SD_FAC_INJECT, .item = id};
    assert_int_equal(sd_logw_write(w, &f, &err), SD_OK);
    sd_record end = {.type = SD_REC_END, .t = SD_TIME_MAX};
    end.u.end.reason = reason;
    assert_int_equal(sd_logw_write(w, &end, &err), SD_OK);
    /* one byte more than a limit, or a time outside the range, is refused by the writer */
    char *big = malloc(SD_MAX_ID_BYTES + 2);
    memset(big, 'x', SD_MAX_ID_BYTES + 1);
    big[SD_MAX_ID_BYTES + 1] = '\0';
    f.u.facilitator.item = big;
    assert_int_equal(sd_logw_write(w, &f, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "longer than"));
    sd_error_clear(&err);
    sd_record late = {.type = SD_REC_STATE, .t = SD_TIME_MAX + 1};
    assert_int_equal(sd_logw_write(w, &late, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "outside the years"));
    sd_error_clear(&err);
    assert_int_equal(sd_logw_close(w, &err), SD_OK);
    sd_log_integrity in;
    bool torn;
    char msg[600];
    if (read_all(path, &k, &in, &torn, msg, sizeof msg) != SD_OK)
        fail_msg("the largest fields do not read back: %s", msg);
    assert_int_equal(in.state, SD_INTEGRITY_SEALED_INTACT);
    assert_true(in.complete);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_true(sb.st_size < (off_t)SD_LOG_MAX_LINE * 6);
    free(big);
    free(text);
    free(id);
    free(name);
    free(reason);
    free(pth);
    sd_seal_key_clear(&k);
}

static int setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_chain");
}

static int teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain_cases),
        cmocka_unit_test(test_seal_key_files),
        cmocka_unit_test(test_largest_fields_read_back),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
