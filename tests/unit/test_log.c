/* test_log.c - cmocka tests of the session log through its public headers (log/record.h,
 * logw.h, logr.h): every record type (header, items with and without author and with
 * non-default expectations, every action kind, rejected, state, end) survives
 * sd_record_to_json -> sd_record_from_json and sd_logw -> sd_logr field by field; torn last
 * lines (with or without NUL padding after them), NUL padding after the last full line,
 * invalid lines, over-long lines, wrong types, missing fields, out-of-range numbers,
 * unknown record types and format versions give clear errors naming file:line. The writer
 * and reader are being reworked (mmap writer padding with NULs, block reader): these tests
 * use nothing but the headers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <cjson/cJSON.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log/logr.h"
#include "scenario/content_rules.h"
#include "log/logw.h"
#include "log/record.h"
#include "util/readfile.h"
#include "scenario/scenario_lua.h"

/* ---- temp folder ---- */

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_log");
}

static sd_record_keep g_header_keep = SD_RECORD_KEEP_INIT; /* behind the sample header's
                                                            other fields */

static int group_teardown(void **state)
{
    (void)state;
    sd_record_keep_free(&g_header_keep);
    return sd_test_tempdir_remove(g_dir);
}

static void path_of(const char *name, char *out, size_t n) { snprintf(out, n, "%s/%s", g_dir, name); }

static void write_bytes(const char *name, const char *data, size_t len, const char *mode)
{
    char path[256];
    path_of(name, path, sizeof path);
    FILE *f = fopen(path, mode);
    if (f == NULL)
        fail_msg("cannot open %s", path);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Computes the hash chain of a file again (sd_chain_rewrite), as a forger could: the
 * checks behind the chain are then reached. */
static void rechain_file(const char *name, const sd_seal_key *key)
{
    char path[256];
    path_of(name, path, sizeof path);
    sd_buf in = SD_BUF_INIT, out = SD_BUF_INIT;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_read_regular(path, NULL, 0, &in, &err), SD_OK);
    assert_int_equal(sd_chain_rewrite(in.data, in.len, key, &out), SD_OK);
    write_bytes(name, out.data, out.len, "wb");
    sd_buf_free(&in);
    sd_buf_free(&out);
}

static void append_nuls(const char *name, size_t n)
{
    char *z = calloc(1, n);
    assert_non_null(z);
    write_bytes(name, z, n, "ab");
    free(z);
}

/* ---- sample records ---- */

static sd_time T(const char *s)
{
    sd_time t;
    if (sd_time_parse(s, &t, NULL) != SD_OK)
        fail_msg("bad time %s", s);
    return t;
}

/* Contents: [0] every member (quotes, newlines and non-ASCII included), [1] points only
 * (a statement), [2] declared at run time (written inline). */
static const char *const g_say_open[] = {"torsdag", "öppnar igen", "\"citat\" \\ ok"};
static const char *const g_say_one[] = {"Trafikverket", "trafikverket.se"};
static const char *const g_say_chan[] = {"e-tjänst", "webbformulär"};
static const char *const g_say_avoid[] = {"vi lovar"};
static const char *const g_say_what[] = {"vad som hänt"};
static const char *const g_say_more[] = {"mer information", "webbplatsen"};
static const sd_point g_points[] = {{"öppnar på torsdag", g_say_open, 3},
                                    {"Trafikverket", g_say_one, 2}};
static const sd_point g_avoid[] = {{"lovar", g_say_avoid, 1}};
static const sd_point g_stmt_points[] = {{"vad som hänt", g_say_what, 1},
                                         {"mer information", g_say_more, 2}};
static const sd_content g_content[3] = {
    {.index = 0, .points = g_points, .n_points = 2, .need = 1,
     .refer = {"Trafikverket", g_say_one, 2}, .channel = {"e-tjänst", g_say_chan, 2},
     .avoid = g_avoid, .n_avoid = 1, .model = "Hej Anna!\nBiblioteket öppnar på torsdag. \"Välkommen\""},
    {.index = 1, .points = g_stmt_points, .n_points = 2, .need = 2},
    {.index = -1, .points = g_avoid, .n_points = 1, .need = 1, .model = "Vi återkommer."},
};
static const sd_content *const g_contents[] = {&g_content[0], &g_content[1]};
static const char *const g_words[] = {"Kvarnby", "Ekbacken"};

#define N_SAMPLES 26
static sd_record g_rec[N_SAMPLES];
static sd_expect g_exp[N_SAMPLES];
static size_t g_n;

static sd_record *add(sd_record_type type, const char *t)
{
    sd_record *r = &g_rec[g_n++];
    memset(r, 0, sizeof *r);
    r->type = type;
    r->t = T(t);
    r->wall_ms = (int64_t)g_n * 37;
    return r;
}

static void add_action(sd_record_type type, sd_action_kind k, const char *item, const char *text,
                       int target, int step, const char *person, const char *reason)
{
    sd_record *r = add(type, "2026-03-10 09:30:00");
    r->u.action = (sd_rec_action){.kind = k, .item = item, .text = text, .target = target,
                                  .step = step, .person = person, .reason = reason};
    if (type == SD_REC_REJECTED)
        r->u.action.error = "reply: there is no item 'c9' (yet)";
}

static void build_samples(void)
{
    g_n = 0;
    /* The header starts as the reader makes it from a minimal header line, so that any
     * field the format gains later has a valid value; the fields we know are then set. */
    sd_record *h = add(SD_REC_HEADER, "2026-03-10 09:00:00");
    static const char minimal[] =
        "{\"type\":\"header\",\"t\":\"2026-03-10T09:00:00\",\"format\":\"" SD_LOG_FORMAT "\","
        "\"program\":\"p\",\"scenario\":{\"id\":\"i\",\"title\":\"t\",\"path\":\"p\",\"sha256\":\"s\","
        "\"language\":\"sv\"},\"seed\":1,\"start\":\"2026-03-10T09:00:00\",\"duration\":60,"
        "\"compression\":1,\"participant\":{\"name\":\"n\",\"kind\":\"person\"}}";
    sd_record base;
    sd_error err = SD_ERROR_INIT;
    if (sd_record_from_json(minimal, sizeof minimal - 1, "minimal:1", NULL, &base, &g_header_keep,
                            &err) != SD_OK)
        fail_msg("minimal header: %s", sd_error_msg(&err));
    h->u.header = base.u.header;
    sd_rec_header *hh = &h->u.header;
    hh->program = "stormdrill 0.1.0";
    hh->scenario_id = "mini";
    hh->scenario_title = "Minitest \"quoted\"";
    hh->scenario_path = "tests/data/mini.lua";
    hh->scenario_sha256 = "b71b9f04fb8aed8b46c285928fa108772573e8b573be75625a9f8e6436dca916";
    hh->lang = SD_LANG_EN;
    hh->seed = 9007199254740991ULL;
    hh->start = T("2026-03-10 09:00:00");
    hh->duration = 7200;
    hh->compression = 20.5;
    hh->participant = "Kim";
    hh->participant_kind = "scripted";
    hh->participant_path = "scenarios/participants/diligent.lua";
    hh->participant_sha256 = "78b485d87edeac69133428bfc9439eb3982f2547212c96835b255b01f99cd5cf";
    /* the contents: a full one, a statement, and the words */
    hh->contents = g_contents;
    hh->n_contents = 2;
    hh->scoring.statement = &g_content[1];
    hh->scoring.words = g_words;
    hh->scoring.n_words = 2;
    /* an item without author, default expectations */
    sd_record *p = add(SD_REC_ITEM, "2026-03-10 09:00:00");
    sd_expect_defaults(&g_exp[g_n - 1], SD_KIND_POST, SD_MOOD_CALM);
    p->u.item = (sd_rec_item){.id = "p1", .kind = SD_KIND_POST, .sender = -1,
                              .text = "Biblioteket stänger.\nRad två\t\"citat\" \\ ok",
                              .expect = &g_exp[g_n - 1]};
    /* with author and every expectation changed from the (angry) defaults */
    sd_record *c = add(SD_REC_ITEM, "2026-03-10 09:05:07");
    sd_expect *e = &g_exp[g_n - 1];
    sd_expect_defaults(e, SD_KIND_COMMENT, SD_MOOD_ANGRY);
    e->answer = false;
    e->within = 1800;
    e->acknowledge = false;
    e->link = "https://www.example.se/bibliotek?a=1&b=2";
    e->escalate = (1u << SD_TARGET_MANAGER) | (1u << SD_TARGET_OTHER_AUTHORITY);
    e->escalate_within = 900;
    e->ok = (1u << SD_DECISION_REPLY) | (1u << SD_DECISION_CORRECT_FACTS);
    e->fault = 1u << SD_DECISION_DELETE;
    e->cls = SD_CLASS_JUSTIFIED_CRITICISM;
    e->rules = (1ULL << SD_RULE_ACKNOWLEDGE) | (1ULL << SD_RULE_PRIVATE_DATA);
    e->weight = 0.1;
    e->max_words = 50;
    e->content = &g_content[0];
    c->u.item = (sd_rec_item){.id = "c1", .kind = SD_KIND_COMMENT, .author_id = "anna",
                              .first = "Anna", .last = "Öberg", .mood = SD_MOOD_ANGRY, .sender = -1,
                              .parent = "p1", .text = "Varför? 🤔", .url = "https://x.example/u",
                              .repeat_of = "c0", .storm = "s1", .by = "someone",
                              .deadline = T("2026-03-10 09:35:07"), .expect = e};
    /* a generated storm author: names, no persona id, no last name */
    sd_record *g = add(SD_REC_ITEM, "2026-03-10 09:06:00");
    sd_expect_defaults(&g_exp[g_n - 1], SD_KIND_COMMENT, SD_MOOD_TROLL);
    g->u.item = (sd_rec_item){.id = "s1-000001", .kind = SD_KIND_COMMENT, .first = "Kalle",
                              .mood = SD_MOOD_TROLL, .sender = -1, .parent = "p1", .text = "Troll",
                              .storm = "s1", .expect = &g_exp[g_n - 1]};
    sd_record *m = add(SD_REC_ITEM, "2026-03-10 09:10:00");
    sd_expect_defaults(&g_exp[g_n - 1], SD_KIND_MEDIA, SD_MOOD_CALM);
    m->u.item = (sd_rec_item){.id = "m1", .kind = SD_KIND_MEDIA, .sender = -1, .title = "Rubrik",
                              .outlet = "Ekby Tidning", .url = "https://news.example/a",
                              .expect = &g_exp[g_n - 1]};
    sd_record *in = add(SD_REC_ITEM, "2026-03-10 09:11:00");
    e = &g_exp[g_n - 1];
    sd_expect_defaults(e, SD_KIND_INTERNAL, SD_MOOD_CALM);
    e->answer = true;
    e->within = 600;
    e->content = &g_content[2];      /* inline */
    e->statement = &g_content[1];    /* by index */
    in->u.item = (sd_rec_item){.id = "i1", .kind = SD_KIND_INTERNAL, .sender = SD_SENDER_IT_SECURITY,
                               .text = "Byt lösenord", .deadline = T("2026-03-10 09:21:00"),
                               .expect = e};
    sd_record *ap = add(SD_REC_ITEM, "2026-03-10 09:12:00");
    sd_expect_defaults(&g_exp[g_n - 1], SD_KIND_ATTACKER_POST, SD_MOOD_CALM);
    g_exp[g_n - 1].ok = 1u << SD_DECISION_DELETE;
    ap->u.item = (sd_rec_item){.id = "hj-post-1", .kind = SD_KIND_ATTACKER_POST, .sender = -1,
                               .text = "GRATTIS!", .expect = &g_exp[g_n - 1]};
    sd_record *dm = add(SD_REC_ITEM, "2026-03-10 09:13:00");
    sd_expect_defaults(&g_exp[g_n - 1], SD_KIND_DM, SD_MOOD_CALM);
    dm->u.item = (sd_rec_item){.id = "d1", .kind = SD_KIND_DM, .sender = -1, .first = "Bo",
                               .text = "Hej", .expect = &g_exp[g_n - 1]};
    /* every action kind */
    add_action(SD_REC_ACTION, SD_ACT_REPLY, "c1", "Hej Anna!\nVi svarar.", -1, -1, NULL, NULL);
    add_action(SD_REC_ACTION, SD_ACT_REFER_PREVIOUS, "c1", NULL, -1, -1, NULL, NULL);
    add_action(SD_REC_ACTION, SD_ACT_DM_REPLY, "d1", "Privat svar", -1, -1, NULL, NULL);
    add_action(SD_REC_ACTION, SD_ACT_PUBLISH, NULL, "Uttalande", -1, -1, NULL, NULL);
    add_action(SD_REC_ACTION, SD_ACT_HIDE, "s1-000001", NULL, -1, -1, NULL, "troll");
    add_action(SD_REC_ACTION, SD_ACT_DELETE, "hj-post-1", NULL, -1, -1, NULL, "kapat konto");
    add_action(SD_REC_ACTION, SD_ACT_REPORT, "s1-000001", NULL, -1, -1, NULL, NULL);
    add_action(SD_REC_ACTION, SD_ACT_ESCALATE, "i1", NULL, SD_TARGET_IT_SECURITY, -1, NULL, NULL);
    add_action(SD_REC_ACTION, SD_ACT_ESCALATE, NULL, NULL, SD_TARGET_PRESS_OFFICER, -1, NULL, NULL);
    add_action(SD_REC_ACTION, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_REMOVE_ACCESS, "former_employee", NULL);
    add_action(SD_REC_ACTION, SD_ACT_ACCOUNT, NULL, NULL, -1, SD_STEP_ENABLE_2FA, NULL, NULL);
    add_action(SD_REC_ACTION, SD_ACT_ACKNOWLEDGE, "i1", NULL, -1, -1, NULL, NULL);
    add_action(SD_REC_REJECTED, SD_ACT_REPLY, "c9", "Hej!", -1, -1, NULL, NULL);
    sd_record *st = add(SD_REC_STATE, "2026-03-10 09:35:00");
    st->u.state = (sd_rec_state){.intensity = 1.234567, .sentiment = -0.1, .waiting = 3, .overdue = 1, .oldest_wait = 600};
    sd_record *st2 = add(SD_REC_STATE, "2026-03-10 09:40:00");
    st2->u.state = (sd_rec_state){.intensity = 0.5, .sentiment = 1};
    /* the unsent draft the exercise ended with, just before its end */
    add_action(SD_REC_ACTION, SD_ACT_DRAFT, "c1", "Hej Anna! Vi tittar på", -1, -1, NULL, NULL);
    g_rec[g_n - 1].t = T("2026-03-10 11:00:00");
    sd_record *end = add(SD_REC_END, "2026-03-10 11:00:00");
    end->u.end.reason = "för många obesvarade";
    assert_true(g_n <= N_SAMPLES);
}

/* ---- comparison ---- */

static void str_eq(const char *what, const char *a, const char *b)
{
    if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
        fail_msg("%s: '%s' != '%s'", what, a ? a : "(null)", b ? b : "(null)");
}

static void expect_eq(const sd_expect *a, const sd_expect *b)
{
    assert_int_equal(a->answer, b->answer);
    assert_int_equal(a->within, b->within);
    assert_int_equal(a->acknowledge, b->acknowledge);
    str_eq("expect.link", a->link, b->link);
    assert_int_equal(a->escalate, b->escalate);
    assert_int_equal(a->escalate_within, b->escalate_within);
    assert_int_equal(a->ok, b->ok);
    assert_int_equal(a->fault, b->fault);
    assert_int_equal(a->cls, b->cls);
    assert_int_equal(a->rules, b->rules);
    assert_true(a->weight == b->weight);
    assert_int_equal(a->max_words, b->max_words);
    assert_true(sd_content_equal(a->content, b->content));
    assert_true(sd_content_equal(a->statement, b->statement));
}

static void record_eq(const sd_record *a, const sd_record *b, bool with_wall)
{
    assert_int_equal(a->type, b->type);
    assert_int_equal(a->t, b->t);
    assert_int_equal(with_wall ? a->wall_ms : 0, b->wall_ms);
    switch (a->type) {
    case SD_REC_HEADER: {
        const sd_rec_header *x = &a->u.header, *y = &b->u.header;
        str_eq("program", x->program, y->program);
        str_eq("scenario_id", x->scenario_id, y->scenario_id);
        str_eq("scenario_title", x->scenario_title, y->scenario_title);
        str_eq("scenario_path", x->scenario_path, y->scenario_path);
        str_eq("scenario_sha256", x->scenario_sha256, y->scenario_sha256);
        assert_int_equal(x->lang, y->lang);
        assert_int_equal(x->seed, y->seed);
        assert_int_equal(x->start, y->start);
        assert_int_equal(x->duration, y->duration);
        assert_true(x->compression == y->compression);
        str_eq("participant", x->participant, y->participant);
        str_eq("participant_kind", x->participant_kind, y->participant_kind);
        str_eq("participant_path", x->participant_path, y->participant_path);
        str_eq("participant_sha256", x->participant_sha256, y->participant_sha256);
        assert_int_equal(x->n_contents, y->n_contents);
        for (size_t i = 0; i < x->n_contents; i++)
            assert_true(sd_content_equal(x->contents[i], y->contents[i]));
        assert_true(sd_content_equal(x->scoring.statement, y->scoring.statement));
        assert_int_equal(x->scoring.n_words, y->scoring.n_words);
        for (size_t i = 0; i < x->scoring.n_words; i++)
            str_eq("words", x->scoring.words[i], y->scoring.words[i]);
        break;
    }
    case SD_REC_ITEM: {
        const sd_rec_item *x = &a->u.item, *y = &b->u.item;
        str_eq("id", x->id, y->id);
        assert_int_equal(x->kind, y->kind);
        str_eq("author_id", x->author_id, y->author_id);
        str_eq("first", x->first, y->first);
        str_eq("last", x->last, y->last);
        if (x->first)
            assert_int_equal(x->mood, y->mood);
        assert_int_equal(x->sender, y->sender);
        str_eq("on", x->parent, y->parent);
        str_eq("text", x->text, y->text);
        str_eq("title", x->title, y->title);
        str_eq("outlet", x->outlet, y->outlet);
        str_eq("url", x->url, y->url);
        str_eq("repeat_of", x->repeat_of, y->repeat_of);
        str_eq("storm", x->storm, y->storm);
        str_eq("by", x->by, y->by);
        assert_int_equal(x->deadline, y->deadline);
        assert_non_null(y->expect);
        expect_eq(x->expect, y->expect);
        break;
    }
    case SD_REC_ACTION:
    case SD_REC_REJECTED: {
        const sd_rec_action *x = &a->u.action, *y = &b->u.action;
        assert_int_equal(x->kind, y->kind);
        str_eq("item", x->item, y->item);
        str_eq("text", x->text, y->text);
        assert_int_equal(x->target, y->target);
        assert_int_equal(x->step, y->step);
        str_eq("person", x->person, y->person);
        str_eq("reason", x->reason, y->reason);
        if (a->type == SD_REC_REJECTED)
            str_eq("error", x->error, y->error);
        break;
    }
    case SD_REC_STATE:
        assert_true(a->u.state.intensity == b->u.state.intensity);
        assert_true(a->u.state.sentiment == b->u.state.sentiment);
        assert_int_equal(a->u.state.waiting, b->u.state.waiting);
        assert_int_equal(a->u.state.overdue, b->u.state.overdue);
        assert_int_equal(a->u.state.oldest_wait, b->u.state.oldest_wait);
        break;
    case SD_REC_END:
        str_eq("reason", a->u.end.reason, b->u.end.reason);
        break;
    default:
        fail_msg("bad type");
    }
}

/* ---- round trips ---- */

static void test_json_round_trip(void **state)
{
    (void)state;
    build_samples();
    for (int with_wall = 0; with_wall <= 1; with_wall++)
        for (size_t i = 0; i < g_n; i++) {
            sd_buf b = SD_BUF_INIT;
            assert_int_equal(sd_record_to_json(&g_rec[i], with_wall, &b), SD_OK);
            assert_null(memchr(b.data, '\n', b.len)); /* one line */
            sd_record back;
            sd_record_keep keep = SD_RECORD_KEEP_INIT;
            sd_error err = SD_ERROR_INIT;
            sd_status st = sd_record_from_json(b.data, b.len, "x:1", &g_rec[0].u.header, &back,
                                               &keep, &err);
            if (st != SD_OK)
                fail_msg("record %zu: %s\n%s", i, sd_error_msg(&err), b.data);
            record_eq(&g_rec[i], &back, with_wall);
            /* and the JSON is what the format says */
            cJSON *o = cJSON_Parse(b.data);
            assert_non_null(o);
            assert_string_equal(cJSON_GetObjectItem(o, "type")->valuestring,
                                sd_record_type_name(g_rec[i].type));
            assert_int_equal(cJSON_GetObjectItem(o, "wall") != NULL, with_wall);
            assert_null(strstr(b.data, "null")); /* fields that do not apply are left out */
            cJSON_Delete(o);
            sd_record_keep_free(&keep);
            sd_buf_free(&b);
        }
    /* a header without the participant's file */
    sd_record h = g_rec[0];
    h.u.header.participant_path = h.u.header.participant_sha256 = NULL;
    h.u.header.participant_kind = "person";
    sd_buf b = SD_BUF_INIT;
    assert_int_equal(sd_record_to_json(&h, false, &b), SD_OK);
    sd_record back;
    sd_record_keep keep = SD_RECORD_KEEP_INIT;
    assert_int_equal(sd_record_from_json(b.data, b.len, "x:1", NULL, &back, &keep, NULL), SD_OK);
    record_eq(&h, &back, false);
    sd_record_keep_free(&keep);
    sd_buf_free(&b);
    assert_int_equal(sd_record_type_lookup("state"), SD_REC_STATE);
    assert_int_equal(sd_record_type_lookup("bogus"), -1);
}

static void write_log(const char *name, size_t n)
{
    char path[256];
    path_of(name, path, sizeof path);
    sd_logw *w = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_logw_open(path, &w, &err), SD_OK);
    for (size_t i = 0; i < n; i++)
        if (sd_logw_write(w, &g_rec[i], &err) != SD_OK)
            fail_msg("%s: %s", name, sd_error_msg(&err));
    assert_int_equal(sd_logw_close(w, &err), SD_OK);
}

/* Reads a log, checking it against the first `n` samples. Returns the status of the read
 * that ended it; *torn and the message for what followed. */
static sd_status read_log(const char *name, size_t n, bool *torn, char *msg, size_t msglen)
{
    char path[256];
    path_of(name, path, sizeof path);
    sd_logr *r = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_logr_open(path, &r, &err), SD_OK);
    size_t got_n = 0;
    sd_status st;
    for (;;) {
        sd_record rec;
        bool got = false;
        st = sd_logr_next(r, &rec, &got, &err);
        if (st != SD_OK || !got)
            break;
        if (got_n >= n)
            fail_msg("%s: more records than written", name);
        record_eq(&g_rec[got_n], &rec, true);
        got_n++;
        assert_int_equal(sd_logr_line(r), got_n);
    }
    if (st == SD_OK && got_n != n)
        fail_msg("%s: read %zu records of %zu", name, got_n, n);
    const char *tm = NULL;
    *torn = sd_logr_torn(r, &tm);
    snprintf(msg, msglen, "%s", st != SD_OK ? sd_error_msg(&err) : tm);
    sd_error_clear(&err);
    sd_logr_close(r);
    return st;
}

static void test_write_read(void **state)
{
    (void)state;
    build_samples();
    write_log("full.jsonl", g_n);
    bool torn = true;
    char msg[512];
    assert_int_equal(read_log("full.jsonl", g_n, &torn, msg, sizeof msg), SD_OK);
    assert_false(torn);
    /* every line is what sd_record_to_json makes */
    char path[256];
    path_of("full.jsonl", path, sizeof path);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < g_n; i++) {
        ssize_t n = getline(&line, &cap, f);
        assert_true(n > 0 && line[n - 1] == '\n');
        /* ... with the chain value as its last member */
        sd_buf b = SD_BUF_INIT;
        sd_record_to_json(&g_rec[i], true, &b);
        size_t clen, hlen;
        const char *hex;
        assert_true(sd_chain_split(line, (size_t)n - 1, &clen, &hex, &hlen));
        assert_int_equal(hlen, SD_CHAIN_HEX);
        assert_int_equal(clen + 1, b.len);
        assert_memory_equal(line, b.data, clen);
        sd_buf_free(&b);
    }
    assert_int_equal(getline(&line, &cap, f), -1); /* nothing after the last line */
    free(line);
    fclose(f);

    /* an empty log */
    write_log("empty.jsonl", 0);
    assert_int_equal(read_log("empty.jsonl", 0, &torn, msg, sizeof msg), SD_OK);
    assert_false(torn);
    /* open errors */
    sd_logr *r = NULL;
    sd_logw *w = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_logr_open("/nonexistent/x.jsonl", &r, &err), SD_ERR_IO);
    assert_non_null(strstr(sd_error_msg(&err), "/nonexistent/x.jsonl"));
    assert_int_equal(sd_logw_open("/nonexistent/x.jsonl", &w, &err), SD_ERR_IO);
    sd_error_clear(&err);
    assert_int_equal(sd_logw_close(NULL, NULL), SD_OK);
}

/* ---- torn lines and padding ---- */

static const char HALF[] = "{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\",\"reason\":\"dur";

static void test_torn_and_padding(void **state)
{
    (void)state;
    build_samples();
    /* name, written records, then: half line? NUL bytes after? */
    static const struct {
        const char *name;
        bool half;
        size_t nuls;
        bool want_torn;
    } cases[] = {
        {"torn.jsonl", true, 0, true},
        {"torn_nul.jsonl", true, 100, true},
        {"torn_nul_big.jsonl", true, 300000, true},
        {"nul.jsonl", false, 1, false},
        {"nul_page.jsonl", false, 4096, false},
        {"nul_big.jsonl", false, 200000, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_log(cases[i].name, g_n);
        if (cases[i].half)
            write_bytes(cases[i].name, HALF, sizeof HALF - 1, "ab");
        if (cases[i].nuls)
            append_nuls(cases[i].name, cases[i].nuls);
        bool torn = false;
        char msg[512], where[64];
        sd_status st = read_log(cases[i].name, g_n, &torn, msg, sizeof msg);
        if (st != SD_OK || torn != cases[i].want_torn)
            fail_msg("%s: status %d torn %d: %s", cases[i].name, st, torn, msg);
        if (torn) {
            snprintf(where, sizeof where, "%s:%zu:", cases[i].name, g_n + 1);
            if (!strstr(msg, where) || !strstr(msg, "incomplete"))
                fail_msg("%s: torn message '%s'", cases[i].name, msg);
        }
    }
    /* a last line that lacks only its newline is complete data, padded or not */
    static const size_t pads[] = {0, 10, 4000};
    for (size_t i = 0; i < sizeof pads / sizeof pads[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "nonl%zu.jsonl", i);
        write_log(name, g_n);
        char path[256];
        path_of(name, path, sizeof path);
        struct stat sb;
        assert_int_equal(stat(path, &sb), 0);
        assert_int_equal(truncate(path, sb.st_size - 1), 0); /* the newline */
        if (pads[i])
            append_nuls(name, pads[i]);
        bool torn = true;
        char msg[512];
        if (read_log(name, g_n, &torn, msg, sizeof msg) != SD_OK || torn)
            fail_msg("%s: %s", name, msg);
    }
    /* The last line torn with holes in it: memcpy does not store a line's bytes in order,
     * so a kill between its stores leaves NUL bytes before some of its later bytes. The
     * line is torn (the records before it read back); anything after its end is damage. */
    {
        write_log("holes_src.jsonl", g_n);
        char path[256];
        path_of("holes_src.jsonl", path, sizeof path);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        static char all[1 << 16];
        size_t len = fread(all, 1, sizeof all, f);
        fclose(f);
        assert_true(len > 0 && len < sizeof all && all[len - 1] == '\n');
        size_t last = len - 1;
        while (last > 0 && all[last - 1] != '\n')
            last--;
        size_t ll = len - last; /* the last line, newline included */
        assert_true(ll > 60);
        static const struct {
            const char *name;
            size_t hole_from, hole_to; /* within the last line */
            size_t pad;
            const char *after; /* bytes after the padding */
            size_t after_at;   /* ...this far past the line's start */
            bool damage;
        } holes[] = {
            {"hole_head.jsonl", 0, 32, 4096, NULL, 0, false},
            {"hole_mid.jsonl", 10, 40, 100, NULL, 0, false},
            {"hole_tail.jsonl", 20, 0, 0, NULL, 0, false}, /* hole_to 0: to 20 from the end */
            {"hole_then_line.jsonl", 0, 32, 0, "{\"type\":\"count\"}\n", 0, true},
            {"hole_far.jsonl", 0, 32, 0, "x", SD_LOG_MAX_LINE + 100, true},
        };
        for (size_t i = 0; i < sizeof holes / sizeof holes[0]; i++) {
            char line[1 << 12];
            assert_true(ll < sizeof line);
            memcpy(line, all + last, ll);
            size_t to = holes[i].hole_to ? holes[i].hole_to : ll - 20;
            memset(line + holes[i].hole_from, 0, to - holes[i].hole_from);
            write_bytes(holes[i].name, all, last, "wb");
            write_bytes(holes[i].name, line, ll, "ab");
            if (holes[i].pad)
                append_nuls(holes[i].name, holes[i].pad);
            if (holes[i].after) {
                if (holes[i].after_at > ll)
                    append_nuls(holes[i].name, holes[i].after_at - ll);
                write_bytes(holes[i].name, holes[i].after, strlen(holes[i].after), "ab");
            }
            bool torn = false;
            char msg[512];
            sd_status st = read_log(holes[i].name, g_n - 1, &torn, msg, sizeof msg);
            if (holes[i].damage) {
                if (st == SD_OK || !strstr(msg, "NUL"))
                    fail_msg("%s: read as good (torn %d): %s", holes[i].name, torn, msg);
            } else if (st != SD_OK || !torn || !strstr(msg, "incomplete")) {
                fail_msg("%s: status %d torn %d: %s", holes[i].name, st, torn, msg);
            }
        }
    }
    /* a log that is nothing but padding */
    write_bytes("only_nul.jsonl", "", 0, "wb");
    append_nuls("only_nul.jsonl", 5000);
    bool torn = true;
    char msg[512];
    assert_int_equal(read_log("only_nul.jsonl", 0, &torn, msg, sizeof msg), SD_OK);
    assert_false(torn);
}

/* ---- invalid input ---- */

/* Writes the first `keep` samples, then raw text, then the rest of the samples, and
 * expects the reader to stop at line keep+1 with a message containing `phrase`. */
static void expect_bad_at(const char *name, size_t keep, const char *raw, size_t rawlen,
                          size_t bad_line, const char *phrase);

static void expect_bad(const char *name, size_t keep, const char *raw, size_t rawlen,
                       const char *phrase)
{
    expect_bad_at(name, keep, raw, rawlen, keep + 1, phrase);
}

/* The same, when the bad line is bad_line (the lines of raw before it are good). */
static void expect_bad_at(const char *name, size_t keep, const char *raw, size_t rawlen,
                          size_t bad_line, const char *phrase)
{
    write_log(name, keep);
    write_bytes(name, raw, rawlen, "ab");
    rechain_file(name, NULL);
    char path[256];
    path_of(name, path, sizeof path);
    sd_logr *r = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_logr_open(path, &r, &err), SD_OK);
    size_t n = 0;
    sd_status st;
    for (;;) {
        sd_record rec;
        bool got = false;
        st = sd_logr_next(r, &rec, &got, &err);
        if (st != SD_OK || !got)
            break;
        n++;
    }
    char where[64];
    snprintf(where, sizeof where, "%s:%zu:", name, bad_line);
    if (st != SD_ERR_INPUT || n != bad_line - 1 || !strstr(sd_error_msg(&err), where) ||
        !strstr(sd_error_msg(&err), phrase))
        fail_msg("%s: status %d after %zu records: '%s' (want '%s' and '%s')", name, st, n,
                 sd_error_msg(&err), where, phrase);
    sd_error_clear(&err);
    sd_logr_close(r);
}

static void test_invalid_lines(void **state)
{
    (void)state;
    build_samples();
    /* a valid line follows each bad one, so none of them is a torn last line */
    char tail[4096];
    sd_buf b = SD_BUF_INIT;
    sd_record_to_json(&g_rec[g_n - 1], true, &b);
    snprintf(tail, sizeof tail, "%s\n", b.data);
    sd_buf_free(&b);
    static const struct {
        const char *line, *phrase;
    } cases[] = {
        {"not json", "no chain value"},
        {"[1,2,3]", "no chain value"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\",\"reason\":\"du", "no chain value"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\",\"reason\":\"du\"", "no chain value"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\"reason\"x\"}", "not a JSON object"},
        {"{\"type\":\"end\",\"t\":\"3000-01-01T00:00:00\",\"reason\":\"x\"}", "outside the years"},
        {"{\"type\":\"end\",\"t\":\"9999-12-31T23:59:59\",\"reason\":\"x\"}", "outside the years"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T08:59:59\",\"reason\":\"x\"}", "before the exercise's start"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T09:05:06\",\"reason\":\"x\"}", "time runs backwards"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"reply\",\"item\":\"zz\",\"text\":\"x\"}", "which has not arrived"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"c1\",\"kind\":\"post\",\"expect\":{}}", "appears twice"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"0123456789012345678901234567890123456789012345678901234567890123x\",\"kind\":\"post\",\"expect\":{}}", "longer than 64 bytes"},
        {"{\"t\":\"2026-03-10T11:00:00\",\"reason\":\"x\"}", "field 'type' is missing"},
        {"{\"type\":\"coffee\",\"t\":\"2026-03-10T11:00:00\"}", "unknown record type 'coffee'"},
        {"{\"type\":\"end\",\"reason\":\"x\"}", "field 't' is missing"},
        {"{\"type\":\"end\",\"t\":\"2026-02-30T11:00:00\",\"reason\":\"x\"}", "field 't' is not a date-time"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\"}", "field 'reason' is missing"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\",\"reason\":5}", "field 'reason' must be a string"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\",\"wall\":-1,\"reason\":\"x\"}", "field 'wall' is out of range"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\",\"wall\":1.5,\"reason\":\"x\"}", "field 'wall' must be a whole number"},
        {"{\"type\":\"state\",\"t\":\"2026-03-10T11:00:00\",\"intensity\":1,\"sentiment\":2,\"waiting\":0,\"overdue\":0,\"oldest_wait\":0}",
         "field 'sentiment' is out of range"},
        {"{\"type\":\"state\",\"t\":\"2026-03-10T11:00:00\",\"intensity\":\"high\",\"sentiment\":0,\"waiting\":0,\"overdue\":0,\"oldest_wait\":0}",
         "field 'intensity' must be a number"},
        {"{\"type\":\"state\",\"t\":\"2026-03-10T11:00:00\",\"intensity\":1,\"sentiment\":0,\"overdue\":0,\"oldest_wait\":0}",
         "field 'waiting' is missing"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"shout\"}", "field 'action' has an unknown value"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"escalate\",\"target\":\"boss\"}",
         "field 'target' has an unknown value"},
        {"{\"type\":\"rejected\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"reply\"}", "field 'error' is missing"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"x\",\"kind\":\"tweet\",\"expect\":{}}",
         "field 'kind' has an unknown value"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"x\",\"kind\":\"post\"}", "field 'expect' is missing"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"x\",\"kind\":\"post\",\"expect\":[]}",
         "field 'expect' must be an object"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"x\",\"kind\":\"post\",\"expect\":{\"rules\":[\"gretting\"]}}",
         "field 'rules' has an unknown value"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"x\",\"kind\":\"post\",\"expect\":{\"weight\":1e9}}",
         "field 'weight' is out of range"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"x\",\"kind\":\"post\",\"expect\":{\"answer\":\"yes\"}}",
         "field 'answer' must be true or false"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":\"x\",\"kind\":\"comment\",\"author\":{\"mood\":\"calm\"},\"expect\":{}}",
         "field 'first' is missing"},
        {"{\"type\":\"item\",\"t\":\"2026-03-10T11:00:00\",\"id\":7,\"kind\":\"post\",\"expect\":{}}", "field 'id' must be a string"},
        {"{\"type\":\"end\",\"t\":\"2026-03-10T11:00:00\",\"reason\":\"\xff\xfe\"}", "not valid UTF-8"},
        /* drafts: an item at most and a text; never refused, never on an unknown item */
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"item\":\"c1\"}", "a draft needs its text"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"text\":\"\"}", "a draft needs its text"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"text\":7}", "field 'text' must be a string"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"text\":\"Hej\",\"target\":\"manager\"}", "field 'target' does not belong to a draft"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"text\":\"Hej\",\"reason\":\"x\"}", "field 'reason' does not belong to a draft"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"text\":\"Hej\",\"by\":\"Sara\"}", "field 'by' does not belong to a draft"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"text\":\"Hej\",\"step\":\"enable_2fa\"}", "field 'step' does not belong to a draft"},
        {"{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"item\":\"zz\",\"text\":\"Hej\"}", "which has not arrived"},
        {"{\"type\":\"rejected\",\"t\":\"2026-03-10T11:00:00\",\"action\":\"draft\",\"text\":\"Hej\",\"error\":\"x\"}", "a draft is never refused"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[32], raw[8192];
        snprintf(name, sizeof name, "bad%02zu.jsonl", i);
        int n = snprintf(raw, sizeof raw, "%s\n%s", cases[i].line, tail);
        expect_bad(name, 3, raw, (size_t)n, cases[i].phrase);
    }
    /* a draft after the end record (line 5: header, two items, the end, then the draft) */
    {
        char raw[8192];
        int n = snprintf(raw, sizeof raw, "%s{\"type\":\"action\",\"t\":\"2026-03-10T11:00:00\","
                         "\"action\":\"draft\",\"item\":\"c1\",\"text\":\"Hej\"}\n%s", tail, tail);
        expect_bad_at("draft_after_end.jsonl", 3, raw, (size_t)n, 5, "a draft after the exercise's end record");
    }
    /* header problems: wrong types, missing fields, out-of-range numbers, unknown format */
    sd_buf hb = SD_BUF_INIT;
    sd_record_to_json(&g_rec[0], true, &hb);
    static const struct {
        const char *from, *to, *phrase;
    } hdr[] = {
        {"\"seed\":9007199254740991", "\"seed\":\"x\"", "field 'seed' must be a number"},
        {"\"seed\":9007199254740991", "\"seed\":-1", "field 'seed' is out of range"},
        {"\"seed\":9007199254740991,", "", "field 'seed' is missing"},
        {"\"format\":\"stormdrill.log/2\"", "\"format\":\"stormdrill.log/3\"", "log format 'stormdrill.log/3' is not supported"},
        {"\"start\":\"2026-03-10T09:00:00\"", "\"start\":\"3000-01-01T00:00:00\"", "outside the years"},
        {"\"format\":\"stormdrill.log/2\",", "\"format\":\"stormdrill.log/2\",\"seal\":{\"alg\":\"md5\",\"key\":\"0123456789abcdef\"},", "seal algorithm 'md5'"},
        {"\"duration\":7200", "\"duration\":59", "field 'duration' is out of range"},
        {"\"compression\":20.5", "\"compression\":0", "field 'compression' is out of range"},
        {"\"language\":\"en\"", "\"language\":\"fi\"", "field 'language' has an unknown value"},
        {"\"participant\":{", "\"participant\":7,\"x\":{", "field 'participant' must be an object"},
    };
    for (size_t i = 0; i < sizeof hdr / sizeof hdr[0]; i++) {
        const char *at = strstr(hb.data, hdr[i].from);
        if (at == NULL)
            fail_msg("header JSON lacks %s: %s", hdr[i].from, hb.data);
        char raw[8192], name[32];
        int n = snprintf(raw, sizeof raw, "%.*s%s%s\n%s", (int)(at - hb.data), hb.data, hdr[i].to,
                         at + strlen(hdr[i].from), tail);
        snprintf(name, sizeof name, "hdr%02zu.jsonl", i);
        expect_bad(name, 0, raw, (size_t)n, hdr[i].phrase);
    }
    /* a second header */
    {
        char raw[8192];
        int n = snprintf(raw, sizeof raw, "%s\n%s", hb.data, tail);
        expect_bad("hdr2.jsonl", 3, raw, (size_t)n, "a second header");
    }
    sd_buf_free(&hb);

    /* NUL bytes in the middle: padding followed by more than the rest of one torn line
     * is damage, not padding */
    char mid[8192 + 8];
    int n = 0;
    mid[n++] = '\0';
    mid[n++] = '\0';
    n += snprintf(mid + n, sizeof mid - (size_t)n, "%s%s", tail, tail);
    expect_bad("midnul.jsonl", 2, mid, (size_t)n, "NUL");
    /* and a NUL inside a line */
    n = snprintf(mid, sizeof mid, "{\"type\":\"end\",");
    mid[n++] = '\0';
    n += snprintf(mid + n, sizeof mid - (size_t)n, "\"t\":\"x\"}\n%s", tail);
    expect_bad("linenul.jsonl", 2, mid, (size_t)n, "NUL");
}

static void test_long_line(void **state)
{
    (void)state;
    build_samples();
    /* a line of just over the limit, then a valid line */
    size_t len = SD_LOG_MAX_LINE + 10;
    char *raw = malloc(len + 2);
    assert_non_null(raw);
    memset(raw, 'x', len);
    raw[0] = '{';
    raw[len] = '\n';
    expect_bad("long.jsonl", 2, raw, len + 1, "longer than");
    /* a long but legal text round-trips */
    size_t tl = SD_MAX_TEXT_BYTES;
    char *text = malloc(tl + 1);
    assert_non_null(text);
    for (size_t i = 0; i < tl; i++)
        text[i] = (char)('a' + i % 26);
    text[tl] = '\0';
    sd_record keep_rec = g_rec[8];
    assert_int_equal(g_rec[8].type, SD_REC_ACTION);
    g_rec[8].u.action.text = text;
    write_log("longok.jsonl", g_n);
    bool torn;
    char msg[256];
    if (read_log("longok.jsonl", g_n, &torn, msg, sizeof msg) != SD_OK)
        fail_msg("longok: %s", msg);
    g_rec[8] = keep_rec;
    free(text);
    free(raw);
}

/* ---- a disk filling up ---- */

/* With the file size limited to 20 MiB (as a nearly full disk would), the writer warns
 * once reserving the next 16 MiB fails, halfway through the first chunk, keeps writing
 * while its room lasts, and then fails with a clear error; the lines written read back.
 * Run in a child process, whose limit does not touch the test runner. */
static void test_disk_filling_up(void **state)
{
    (void)state;
    char path[256];
    path_of("full-disk.jsonl", path, sizeof path);
    build_samples();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {20u << 20, 20u << 20};
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(10);
        sd_logw *w = NULL;
        sd_error err = SD_ERROR_INIT;
        if (sd_logw_open(path, &w, &err) != SD_OK)
            _exit(11);
        sd_logw_sync_inputs(w, false); /* end records are inputs: no sync per line here */
        if (sd_logw_write(w, &g_rec[0], &err) != SD_OK)
            _exit(16);
        sd_record rec = {.type = SD_REC_END, .t = 1773136800};
        rec.u.end.reason = "a reason long enough to fill the log with a few hundred thousand lines";
        size_t lines = 0, warned_at = 0;
        sd_status st = SD_OK;
        while ((st = sd_logw_write(w, &rec, &err)) == SD_OK && lines < 10000000) {
            lines++;
            if (!warned_at && sd_logw_warning(w))
                warned_at = lines;
        }
        int code = 0;
        if (st != SD_ERR_IO || strstr(sd_error_msg(&err), "cannot reserve space") == NULL)
            code = 12;
        else if (!warned_at || sd_logw_warning(w) == NULL ||
                 strstr(sd_logw_warning(w), "filling up") == NULL ||
                 strstr(sd_logw_warning(w), path) == NULL)
            code = 13;
        else if (warned_at > lines * 3 / 4) /* halfway, with room left to act */
            code = 14;
        sd_error_clear(&err);
        if (sd_logw_close(w, &err) != SD_OK)
            code = code ? code : 15;
        _exit(code ? code : (int)(lines > 100000));
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status) != 1)
        fail_msg("the child reported %d (10-15: a check failed; 0: too few lines)",
                 WEXITSTATUS(status));
    /* What was written before the error reads back whole. */
    sd_logr *r = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_logr_open(path, &r, &err), SD_OK);
    size_t n = 0;
    for (;;) {
        sd_record rec;
        bool got;
        assert_int_equal(sd_logr_next(r, &rec, &got, &err), SD_OK);
        if (!got)
            break;
        n++;
    }
    assert_false(sd_logr_torn(r, NULL));
    assert_true(n > 100000);
    sd_logr_close(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_write_read),
        cmocka_unit_test(test_torn_and_padding),
        cmocka_unit_test(test_invalid_lines),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_disk_filling_up),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
