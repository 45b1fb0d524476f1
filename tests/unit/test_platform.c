/* test_platform.c - cmocka tests of the platform in the data (issue 14, section 5):
 * scenario{ platform }, post{ platform, image, image_alt, link }, persona{ handle } without a
 * first name; a table of authoring errors (bad platform, image paths that are absolute, have
 * "..", are missing, are no image or too big), each naming "file.lua:LINE:"; the image check
 * on PNG, JPEG and BMP; the log's header platform and item fields written, read back and
 * refused when wrong; the reaction/share counts (a table of inputs and their numbers); the
 * conventions: X's 280 characters refused by the session, a hidden question still waiting
 * with the feedback saying why, the greeting to a person known by a handle alone (a table of
 * replies); and the window model's platform, fields and counts, the same on a replay. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../support/tempdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log/logr.h"
#include "log/logw.h"
#include "model.h"
#include "results/results.h"
#include "scenario/scenario.h"
#include "scenario/scenario_lua.h"
#include "scoring/score.h"
#include "scoring/texts.h"
#include "scoring/tone.h"
#include "session/session.h"
#include "sim/post_counts.h"
#include "util/buf.h"

static char g_dir[64];

static int group_setup(void **state)
{
    (void)state;
    return sd_test_tempdir_make(g_dir, "sd_platform");
}

static int group_teardown(void **state)
{
    (void)state;
    return sd_test_tempdir_remove(g_dir);
}

static void path_of(const char *name, char *out, size_t n) { snprintf(out, n, "%s/%s", g_dir, name); }

static void write_bytes(const char *name, const void *data, size_t len)
{
    char path[256];
    path_of(name, path, sizeof path);
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        fail_msg("cannot create %s", path);
    if (len)
        assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Image headers that give a size in pixels (the check reads no further): a PNG's IHDR of
 * 640 x 480, a JPEG's APP0 then SOF0 of 480 x 640, a BMP's info header of 64 x -32. */
static const unsigned char PNG_HEAD[] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
                                         'I', 'H', 'D', 'R', 0, 0, 2, 128, 0, 0, 1, 224, 8, 2};
static const unsigned char JPEG_HEAD[] = {0xff, 0xd8, 0xff, 0xe0, 0, 6, 'J', 'F', 'I', 'F',
                                          0xff, 0xc0, 0, 11, 8, 2, 128, 1, 224, 1, 1, 0x11, 0};
static const unsigned char BMP_HEAD[] = {'B', 'M', 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0,
                                         40, 0, 0, 0, 64, 0, 0, 0, 0xe0, 0xff, 0xff, 0xff, 1, 0};
/* A PNG that says it is 30,000 x 30,000 pixels (a few KiB on disk, 3.4 GiB decoded), a
 * JPEG of 5000 pixels a side, a PNG whose first chunk is not IHDR. */
static const unsigned char PNG_BOMB[] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
                                         'I', 'H', 'D', 'R', 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 1, 0};
static const unsigned char JPEG_BIG[] = {0xff, 0xd8, 0xff, 0xc2, 0, 11, 8, 0x13, 0x88, 0x13, 0x88, 1, 1, 0x11, 0};
static const unsigned char PNG_NO_IHDR[] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
                                            't', 'E', 'X', 't', 0, 0, 2, 128, 0, 0, 1, 224, 8, 2};

static void write_images(void)
{
    write_bytes("bild.png", PNG_HEAD, sizeof PNG_HEAD);
    write_bytes("foto.jpg", JPEG_HEAD, sizeof JPEG_HEAD);
    write_bytes("ikon.bmp", BMP_HEAD, sizeof BMP_HEAD);
    write_bytes("bomb.png", PNG_BOMB, sizeof PNG_BOMB);
    write_bytes("stor.jpg", JPEG_BIG, sizeof JPEG_BIG);
    write_bytes("utan.png", PNG_NO_IHDR, sizeof PNG_NO_IHDR);
    write_bytes("text.png", "not a picture\n", 14);
    write_bytes("tom.png", "", 0);
    /* 4 MiB and one byte, a PNG by its first bytes */
    size_t big = ((size_t)4 << 20) + 1;
    unsigned char *b = calloc(1, big);
    assert_non_null(b);
    memcpy(b, PNG_HEAD, sizeof PNG_HEAD);
    write_bytes("stor.png", b, big);
    free(b);
}

static sd_status load_text(const char *name, const char *text, sd_scenario **out, char *msg,
                           size_t msglen)
{
    char path[256];
    write_bytes(name, text, strlen(text));
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
    return sc;
}

#define HEAD(extra)                                                                         \
    "scenario { id = \"p\", title = \"P\", start = \"2026-03-10 09:00\", duration = \"2h\"" \
    extra " }\n"

/* ---- loading ---- */

static void test_load_platform_fields(void **state)
{
    (void)state;
    write_images();
    sd_scenario *sc = load_ok("ok.lua",
        HEAD(", platform = \"instagram\"")
        "persona { id = \"lena\", handle = \"lenah_82\", mood = \"worried\" }\n"
        "persona { id = \"bo\", first = \"Bo\", last = \"Ek\", handle = \"@bo.ek\" }\n"
        "post { id = \"p1\", text = \"Inlägg\", platform = \"x\", image = \"bild.png\",\n"
        "       image_alt = \"Ett bibliotek\",\n"
        "       link = { url = \"https://ekby.se/a\", title = \"Beslutet\", site = \"ekby.se\" } }\n"
        "post { id = \"p2\", text = \"Andra\", image = \"bibliotek.png\" }\n"
        "comment { id = \"c1\", on = \"p1\", author = \"lena\", text = \"Varför?\" }\n");
    assert_int_equal(sc->platform, SD_PLATFORM_INSTAGRAM);
    const sd_persona *lena = sd_scenario_persona(sc, "lena");
    assert_null(lena->first);
    assert_string_equal(lena->handle, "lenah_82");
    assert_string_equal(sd_scenario_persona(sc, "bo")->handle, "bo.ek"); /* '@' dropped */
    const sd_item_def *p1 = sd_scenario_item_def(sc, "p1");
    assert_int_equal(p1->own_platform, SD_PLATFORM_X + 1);
    assert_string_equal(p1->image, "bild.png");
    assert_string_equal(p1->image_alt, "Ett bibliotek");
    assert_string_equal(p1->url, "https://ekby.se/a");
    assert_string_equal(p1->link_title, "Beslutet");
    assert_string_equal(p1->link_site, "ekby.se");
    const sd_item_def *p2 = sd_scenario_item_def(sc, "p2"); /* found in assets/images/ */
    assert_int_equal(p2->own_platform, 0);
    assert_string_equal(p2->image, "bibliotek.png");
    assert_null(p2->link_title);
    sd_scenario_free(sc);
    sc = load_ok("default.lua", HEAD("") "post { id = \"p1\", text = \"x\" }\n");
    assert_int_equal(sc->platform, SD_PLATFORM_FACEBOOK);
    assert_int_equal(sd_scenario_item_def(sc, "p1")->own_platform, 0);
    sd_scenario_free(sc);
}

/* Authoring errors: each names the file and the declaration's line and says what is wrong. */
static void test_load_errors(void **state)
{
    (void)state;
    write_images();
    static const struct {
        const char *decl; /* on line 2 */
        const char *want;
    } cases[] = {
        {"post { id = \"p\", text = \"x\", platform = \"myspace\" }", "unknown"},
        {"post { id = \"p\", text = \"x\", platform = 3 }", "must be a string"},
        {"post { id = \"p\", text = \"x\", image = \"/etc/passwd\" }", "absolute path"},
        {"post { id = \"p\", text = \"x\", image = \"../bild.png\" }", "'..'"},
        {"post { id = \"p\", text = \"x\", image = \"bilder/../../x.png\" }", "'..'"},
        {"post { id = \"p\", text = \"x\", image = \"bilder\\\\x.png\" }", "backslash"},
        {"post { id = \"p\", text = \"x\", image = \"\" }", "empty"},
        {"post { id = \"p\", text = \"x\", image = \"saknas.png\" }", "is not there"},
        {"post { id = \"p\", text = \"x\", image = \"text.png\" }", "not a PNG, JPEG or BMP"},
        {"post { id = \"p\", text = \"x\", image = \"tom.png\" }", "not a PNG, JPEG or BMP"},
        {"post { id = \"p\", text = \"x\", image = \"stor.png\" }", "at most 4 MiB"},
        {"post { id = \"p\", text = \"x\", image = \"bomb.png\" }", "30000 x 30000 pixels; at most 4096 x 4096"},
        {"post { id = \"p\", text = \"x\", image = \"stor.jpg\" }", "5000 x 5000 pixels"},
        {"post { id = \"p\", text = \"x\", image = \"utan.png\" }", "gives no size in pixels"},
        {"post { id = \"p\", text = \"x\", image = 7 }", "must be a string"},
        {"post { id = \"p\", text = \"x\", image_alt = \"alt\" }", "give 'image' too"},
        {"post { id = \"p\", text = \"x\", link = \"https://x\" }", "must be a table"},
        {"post { id = \"p\", text = \"x\", link = { title = \"t\" } }", "'url' is required"},
        {"post { id = \"p\", text = \"x\", link = { url = \"u\", img = \"i\" } }", "unknown field 'img'"},
        {"post { id = \"p\", text = \"x\", url = \"a\", link = { url = \"b\" } }", "once"},
        {"post { id = \"q\", text = \"x\" } comment { id = \"c\", on = \"q\", author = \"a\", text = \"t\", platform = \"x\" }",
         "belongs to a post"},
        {"post { id = \"q\", text = \"x\" } comment { id = \"c\", on = \"q\", author = \"a\", text = \"t\", image = \"bild.png\" }",
         "belongs to a post"},
        {"persona { id = \"z\", handle = \"har mellanslag\" }", "field 'handle' may only have"},
        {"persona { id = \"z\", handle = \"\" }", "field 'handle' is empty"},
        {"persona { id = \"z\", last = \"Ek\" }", "field 'first' is required"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024], msg[1024];
        snprintf(text, sizeof text,
                 HEAD("") "%s\npersona { id = \"a\", first = \"A\" }\n", cases[i].decl);
        /* persona a is declared after the comment in some cases: put it first instead */
        snprintf(text, sizeof text,
                 "scenario { id = \"p\", title = \"P\", start = \"2026-03-10 09:00\", "
                 "duration = \"2h\" } persona { id = \"a\", first = \"A\" }\n%s\n",
                 cases[i].decl);
        sd_status st = load_text("bad.lua", text, NULL, msg, sizeof msg);
        if (st == SD_OK)
            fail_msg("case %zu loaded: %s", i, cases[i].decl);
        if (strstr(msg, "bad.lua:2:") == NULL || strstr(msg, cases[i].want) == NULL)
            fail_msg("case %zu: '%s' (want bad.lua:2: and '%s')", i, msg, cases[i].want);
    }
}

static void test_image_check(void **state)
{
    (void)state;
    write_images();
    static const struct {
        const char *path;
        bool ok;
    } cases[] = {
        {"bild.png", true}, {"foto.jpg", true}, {"ikon.bmp", true},
        {"bibliotek.png", true},   /* assets/images/ */
        {"./bild.png", true},      /* "." is no way out */
        {"text.png", false}, {"stor.png", false}, {"saknas.png", false},
        {"../bild.png", false}, {"/tmp/bild.png", false}, {"a/../bild.png", false},
        {"C:/x.png", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_error err = SD_ERROR_INIT;
        char *resolved = NULL;
        sd_status st = sd_scenario_image_check(cases[i].path, g_dir, SD_SOURCE_DIR "/assets",
                                               &resolved, &err);
        if ((st == SD_OK) != cases[i].ok)
            fail_msg("case %zu '%s': %s", i, cases[i].path, sd_error_msg(&err));
        if (st == SD_OK)
            assert_non_null(strstr(resolved, "/"));
        free(resolved);
        sd_error_clear(&err);
    }
    assert_null(sd_image_path_problem("bilder/badet.png"));
    assert_non_null(sd_image_path_problem(".."));
}

/* ---- the log ---- */

static void round_trip(const sd_record *rec, const sd_rec_header *h, sd_buf *json, sd_record *back,
                       sd_record_keep *keep)
{
    sd_error err = SD_ERROR_INIT;
    sd_buf_reset(json);
    assert_int_equal(sd_record_check_limits(rec, &err), SD_OK);
    assert_int_equal(sd_record_to_json(rec, false, json), SD_OK);
    if (sd_record_from_json(json->data, json->len, "t:1", h, back, keep, &err) != SD_OK)
        fail_msg("%s: %s", sd_buf_str(json), sd_error_msg(&err));
}

static void test_log_fields(void **state)
{
    (void)state;
    sd_record hrec = {.type = SD_REC_HEADER, .t = 1773133200};
    sd_rec_header *h = &hrec.u.header;
    h->program = "t";
    h->scenario_id = "p";
    h->scenario_title = "P";
    h->scenario_path = "p.lua";
    h->scenario_sha256 = "0";
    h->lang = SD_LANG_SV;
    h->platform = SD_PLATFORM_X;
    h->start = hrec.t;
    h->duration = 3600;
    h->compression = 1;
    h->participant = "Kim";
    h->participant_kind = "scripted";
    sd_scoring_params_default(&h->scoring);
    sd_buf json = SD_BUF_INIT;
    sd_record back;
    sd_record_keep hk = SD_RECORD_KEEP_INIT, keep = SD_RECORD_KEEP_INIT;
    round_trip(&hrec, NULL, &json, &back, &hk);
    assert_non_null(strstr(sd_buf_str(&json), "\"platform\":\"x\""));
    assert_int_equal(back.u.header.platform, SD_PLATFORM_X);

    sd_expect e;
    sd_expect_defaults(&e, SD_KIND_POST, SD_MOOD_CALM);
    sd_record post = {.type = SD_REC_ITEM, .t = hrec.t};
    sd_rec_item *it = &post.u.item;
    it->id = "p1";
    it->kind = SD_KIND_POST;
    it->sender = -1;
    it->text = "Inlägg";
    it->url = "https://ekby.se/a";
    it->own_platform = SD_PLATFORM_INSTAGRAM + 1;
    it->image = "bilder/badet.png";
    it->image_alt = "Barn som badar";
    it->link_title = "Badet öppnar";
    it->link_site = "ekby.se";
    it->expect = &e;
    round_trip(&post, &back.u.header, &json, &back, &keep);
    assert_int_equal(back.u.item.own_platform, SD_PLATFORM_INSTAGRAM + 1);
    assert_string_equal(back.u.item.image, "bilder/badet.png");
    assert_string_equal(back.u.item.image_alt, "Barn som badar");
    assert_string_equal(back.u.item.link_title, "Badet öppnar");
    assert_string_equal(back.u.item.link_site, "ekby.se");

    sd_record c = {.type = SD_REC_ITEM, .t = hrec.t + 60};
    sd_rec_item *ci = &c.u.item;
    ci->id = "c1";
    ci->kind = SD_KIND_COMMENT;
    ci->sender = -1;
    ci->author_id = "lena";
    ci->handle = "lenah_82";
    ci->mood = SD_MOOD_ANGRY;
    ci->parent = "p1";
    ci->text = "Varför?";
    ci->expect = &e;
    round_trip(&c, &hrec.u.header, &json, &back, &keep);
    assert_null(strstr(sd_buf_str(&json), "\"first\""));
    assert_null(back.u.item.first);
    assert_string_equal(back.u.item.handle, "lenah_82");
    assert_int_equal(back.u.item.mood, SD_MOOD_ANGRY);
    assert_int_equal(back.u.item.own_platform, 0);
    sd_record_keep_free(&hk);

    /* What the reader refuses. */
    static const char *const bad[] = {
        "{\"type\":\"item\",\"t\":\"2026-03-10T09:00:00\",\"id\":\"p\",\"kind\":\"post\",\"platform\":\"myspace\",\"expect\":{}}",
        "{\"type\":\"item\",\"t\":\"2026-03-10T09:00:00\",\"id\":\"c\",\"kind\":\"comment\",\"on\":\"p\",\"image\":\"a.png\",\"author\":{\"first\":\"A\",\"mood\":\"calm\"},\"expect\":{}}",
        "{\"type\":\"item\",\"t\":\"2026-03-10T09:00:00\",\"id\":\"p\",\"kind\":\"post\",\"image\":\"../a.png\",\"expect\":{}}",
        "{\"type\":\"item\",\"t\":\"2026-03-10T09:00:00\",\"id\":\"p\",\"kind\":\"post\",\"image\":\"/a.png\",\"expect\":{}}",
        "{\"type\":\"item\",\"t\":\"2026-03-10T09:00:00\",\"id\":\"p\",\"kind\":\"post\",\"image_alt\":\"x\",\"expect\":{}}",
        "{\"type\":\"item\",\"t\":\"2026-03-10T09:00:00\",\"id\":\"c\",\"kind\":\"comment\",\"author\":{\"handle\":\"a b\",\"mood\":\"calm\"},\"expect\":{}}",
        "{\"type\":\"item\",\"t\":\"2026-03-10T09:00:00\",\"id\":\"c\",\"kind\":\"comment\",\"author\":{\"mood\":\"calm\"},\"expect\":{}}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sd_error err = SD_ERROR_INIT;
        sd_record r;
        if (sd_record_from_json(bad[i], strlen(bad[i]), "bad:7", NULL, &r, &keep, &err) == SD_OK)
            fail_msg("case %zu was read: %s", i, bad[i]);
        assert_non_null(strstr(sd_error_msg(&err), "bad:7"));
        sd_error_clear(&err);
    }
    /* A header without platform (a log from before) reads as facebook. */
    sd_buf_reset(&json);
    assert_int_equal(sd_record_to_json(&hrec, false, &json), SD_OK);
    char *old = strdup(sd_buf_str(&json));
    char *p = strstr(old, "\"platform\":\"x\",");
    assert_non_null(p);
    memmove(p, p + strlen("\"platform\":\"x\","), strlen(p + strlen("\"platform\":\"x\",")) + 1);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_record_from_json(old, strlen(old), "old:1", NULL, &back, &keep, &err), SD_OK);
    assert_int_equal(back.u.header.platform, SD_PLATFORM_FACEBOOK);
    free(old);
    sd_record_keep_free(&keep);
    sd_buf_free(&json);
}

/* ---- reaction and share counts ---- */

static void test_post_counts_table(void **state)
{
    (void)state;
    /* "p1" hashes (FNV-1a) to own reach 20 + h % 21 and shares 2 + (h >> 8) % 4; the
     * numbers below are docs/scoring.md's formulas worked by hand for it. */
    uint32_t h = 2166136261u;
    for (const char *s = "p1"; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    double R = 20 + h % 21, S = 2 + (h >> 8) % 4;
    static const struct {
        uint32_t comments;
        double minutes, intensity, sentiment;
    } in[] = {
        {0, 0, 1, 0}, {0, 30, 1, 0}, {0, 1e6, 1, 0}, {10, 30, 1, 0}, {10, 30, 2, 0},
        {10, 30, 2, -1}, {10, 30, 2, 1}, {100, 90, 3, -0.5}, {0, -5, 1, 0},
    };
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        double m = in[i].minutes < 0 ? 0 : in[i].minutes, g = m / (m + 30);
        double neg = in[i].sentiment < 0 ? -in[i].sentiment : 0;
        uint32_t want_r = (uint32_t)(R * g + 1.5 * in[i].comments * in[i].intensity + 0.5);
        uint32_t want_s = (uint32_t)(S * g + 0.1 * in[i].comments * in[i].intensity * (1 + neg) + 0.5);
        sd_post_counts_in ci = {"p1", in[i].comments, in[i].minutes, in[i].intensity,
                                in[i].sentiment};
        sd_post_counts out;
        sd_post_counts_compute(&ci, &out);
        if (out.reactions != want_r || out.shares != want_s || out.comments != in[i].comments)
            fail_msg("case %zu: %u/%u/%u, want %u/%u/%u", i, out.reactions, out.comments,
                     out.shares, want_r, in[i].comments, want_s);
    }
    /* Fixed points: nothing at the start; more comments, more time, a fiercer audience
     * never give fewer. */
    sd_post_counts a, b;
    sd_post_counts_compute(&(sd_post_counts_in){"p1", 0, 0, 1, 0}, &a);
    assert_int_equal(a.reactions, 0);
    assert_int_equal(a.shares, 0);
    sd_post_counts_compute(&(sd_post_counts_in){"p1", 40, 60, 1.5, -0.2}, &a);
    sd_post_counts_compute(&(sd_post_counts_in){"p1", 41, 61, 1.6, -0.3}, &b);
    assert_true(b.reactions >= a.reactions && b.shares >= a.shares);
}

/* ---- the session and the score ---- */

static const char *const SESSION_SC =
    "scenario { id = \"s\", title = \"S\", start = \"2026-03-10 09:00\", duration = \"1h\",\n"
    "           platform = \"facebook\" }\n"
    "persona { id = \"lena\", handle = \"lenah_82\", mood = \"calm\" }\n"
    "persona { id = \"anna\", first = \"Anna\", mood = \"calm\" }\n"
    "post { id = \"px\", text = \"På X\", platform = \"x\" }\n"
    "post { id = \"pf\", text = \"På Facebook\", image = \"bibliotek.png\" }\n"
    "comment { id = \"cx\", on = \"px\", author = \"anna\", at = \"+1m\", text = \"Öppnar ni?\",\n"
    "          expect = { within = \"10m\" } }\n"
    "reply { id = \"rx\", on = \"cx\", author = \"lena\", at = \"+2m\", text = \"Och?\" }\n"
    "comment { id = \"cf\", on = \"pf\", author = \"lena\", at = \"+1m\", text = \"När öppnar ni?\",\n"
    "          expect = { within = \"10m\", class = \"question\" } }\n"
    "dm { id = \"dx\", author = \"anna\", at = \"+1m\", text = \"Hej\" }\n";

typedef struct run {
    sd_scenario *sc;
    sd_session *s;
    sd_results *res;
    sd_model *model;
} run;

static sd_status to_model(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    return sd_model_on_record(ctx, rec, err);
}

static void start(run *r, const char *text)
{
    memset(r, 0, sizeof *r);
    r->sc = load_ok("session.lua", text);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_results_create(&r->res, &err), SD_OK);
    assert_int_equal(sd_model_create(r->res, &r->model, &err), SD_OK);
    sd_session_config cfg = {.scenario = r->sc, .participant = "Kim", .results = r->res,
                             .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &r->s, &err), SD_OK);
    assert_int_equal(sd_session_add_observer(r->s, to_model, r->model, &err), SD_OK);
    assert_int_equal(sd_session_start(r->s, &err), SD_OK);
    assert_int_equal(sd_session_step_sim(r->s, 150, &err), SD_OK);
}

static void stop(run *r)
{
    sd_session_destroy(r->s);
    sd_model_free(r->model);
    sd_results_free(r->res);
    sd_scenario_free(r->sc);
}

static char *repeat(const char *unit, size_t n)
{
    size_t len = strlen(unit);
    char *s = malloc(len * n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * len, unit, len);
    s[len * n] = '\0';
    return s;
}

/* X takes 280 characters (code points, so "å" is one); Facebook, DMs: no such limit. */
static void test_x_limit(void **state)
{
    (void)state;
    run r;
    start(&r, SESSION_SC);
    static const struct {
        sd_action_kind kind;
        const char *item;
        const char *unit;
        size_t n;
        bool refused;
    } cases[] = {
        {SD_ACT_REPLY, "cx", "å", 280, false},  /* 560 bytes, 280 characters */
        {SD_ACT_REPLY, "cx", "å", 281, true},
        {SD_ACT_REPLY, "cx", "a", 281, true},
        {SD_ACT_REPLY, "rx", "ö", 300, true},   /* a reply in an X thread */
        {SD_ACT_REPLY, "rx", "ö", 200, false},
        {SD_ACT_REPLY, "cf", "a", 2000, false}, /* Facebook */
        {SD_ACT_DM_REPLY, "dx", "a", 2000, false},
        {SD_ACT_PUBLISH, NULL, "a", 2000, false}, /* the scenario's platform: Facebook */
        {SD_ACT_REPLY, "cx", "🙂", 281, true},   /* four bytes, one character */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = repeat(cases[i].unit, cases[i].n);
        sd_action a = {.kind = cases[i].kind, .item = cases[i].item, .text = text, .target = -1,
                       .step = -1};
        sd_error err = SD_ERROR_INIT;
        sd_status st = sd_session_act(r.s, &a, &err);
        if ((st != SD_OK) != cases[i].refused)
            fail_msg("case %zu: %s", i, sd_error_msg(&err));
        if (cases[i].refused) {
            assert_int_equal(sd_session_last_refusal(r.s), SD_REFUSAL_PLATFORM_LIMIT);
            assert_non_null(strstr(sd_error_msg(&err), "at most 280"));
        }
        sd_error_clear(&err);
        free(text);
    }
    stop(&r);
    /* A statement on an X scenario is held to 280 too. */
    start(&r, "scenario { id = \"s\", title = \"S\", start = \"2026-03-10 09:00\", duration = \"1h\","
              " platform = \"x\" }\npost { id = \"p\", text = \"x\" }\n");
    char *text = repeat("a", 281);
    sd_action a = {.kind = SD_ACT_PUBLISH, .text = text, .target = -1, .step = -1};
    sd_error err = SD_ERROR_INIT;
    assert_int_not_equal(sd_session_act(r.s, &a, &err), SD_OK);
    assert_int_equal(sd_session_last_refusal(r.s), SD_REFUSAL_PLATFORM_LIMIT);
    sd_error_clear(&err);
    free(text);
    /* The organisation's own post is not moderated like a comment (a participant typing
     * into a feed that had no editor open once hid and reported it letter by letter). */
    static const sd_action_kind moderations[] = {SD_ACT_HIDE, SD_ACT_DELETE, SD_ACT_REPORT};
    for (size_t i = 0; i < sizeof moderations / sizeof moderations[0]; i++) {
        sd_action m = {.kind = moderations[i], .item = "p", .reason = "x", .target = -1, .step = -1};
        assert_int_not_equal(sd_session_act(r.s, &m, &err), SD_OK);
        assert_int_equal(sd_session_last_refusal(r.s), SD_REFUSAL_OWN_POST);
        assert_non_null(strstr(sd_error_msg(&err), "own post"));
        sd_error_clear(&err);
    }
    stop(&r);
}

/* Hiding a question leaves it waiting: its author still sees it. The score counts it
 * unanswered and the feedback says why. */
static void test_hidden_still_waits(void **state)
{
    (void)state;
    run r;
    start(&r, SESSION_SC);
    sd_situation before, after;
    sd_session_situation(r.s, &before);
    sd_action hide = {.kind = SD_ACT_HIDE, .item = "cf", .target = -1, .step = -1};
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_session_act(r.s, &hide, &err), SD_OK);
    sd_session_situation(r.s, &after);
    assert_int_equal(after.waiting, before.waiting); /* still waiting */
    assert_int_equal(sd_session_step_sim(r.s, 20 * 60, &err), SD_OK);
    sd_session_situation(r.s, &after);
    assert_true(after.overdue >= 1); /* and overdue once its time has passed */
    assert_int_equal(sd_session_end(r.s, "test", &err), SD_OK);
    sd_lexicons *lx = NULL;
    sd_texts *tx = NULL;
    assert_int_equal(sd_lexicons_load(SD_SOURCE_DIR "/assets", &lx, &err), SD_OK);
    assert_int_equal(sd_texts_load(SD_SOURCE_DIR "/assets", SD_LANG_SV, &tx, &err), SD_OK);
    sd_score *s = NULL;
    assert_int_equal(sd_score_compute(r.res, lx, tx, &s, &err), SD_OK);
    bool said = false;
    for (size_t i = 0; i < s->n_feedback; i++)
        if (s->feedback[i].text && strstr(s->feedback[i].text, "Du dolde") &&
            strstr(s->feedback[i].text, "På Facebook ser den som skrev"))
            said = true;
    assert_true(said);
    /* The deleted one does not wait (a delete is for good). */
    sd_score_free(s);
    sd_lexicons_free(lx);
    sd_texts_free(tx);
    stop(&r);
}

/* ---- the greeting to a person known by a handle alone ---- */

static void test_greeting_handle(void **state)
{
    (void)state;
    sd_lexicons *lx = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_lexicons_load(SD_SOURCE_DIR "/assets", &lx, &err), SD_OK);
    static const struct {
        sd_language lang;
        const char *text;
        bool pass;
    } cases[] = {
        {SD_LANG_SV, "Hej!\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", true},
        {SD_LANG_SV, "Hej @lenah_82!\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", true},
        {SD_LANG_SV, "Hej lenah_82!\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", true},
        {SD_LANG_SV, "Hej @LenaH_82!\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", true},
        {SD_LANG_SV, "Hej @lenah_82! Biblioteket öppnar klockan 10. Vänliga hälsningar, Kim", true},
        {SD_LANG_SV, "Hej Lena!\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", false},
        {SD_LANG_SV, "Hej @lenah_8!\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", false},
        {SD_LANG_SV, "Hej @lenah_823!\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", false},
        {SD_LANG_SV, "Hej\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", false},
        {SD_LANG_SV, "Biblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim", false},
        {SD_LANG_EN, "Hi @lenah_82!\nThe library opens at 10.\nKind regards,\nKim", true},
        {SD_LANG_EN, "Hello!\nThe library opens at 10.\nKind regards,\nKim", true},
        {SD_LANG_EN, "Hej!\nThe library opens at 10.\nKind regards,\nKim", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_tone_input in = {.text = cases[i].text, .lang = cases[i].lang, .to_handle = "lenah_82",
                            .signer = "Kim", .is_public = true};
        sd_tone_result res;
        sd_tone_check_reply(lx, &in, &res);
        const sd_tone_check_result *g = &res.checks[SD_TONE_GREETING];
        assert_true(g->applies);
        if (g->pass != cases[i].pass)
            fail_msg("case %zu: pass %d: %s", i, g->pass, g->detail);
        if (!cases[i].pass)
            assert_non_null(strstr(g->detail, "@lenah_82"));
        /* the name check has no first name to compare */
        assert_false(res.checks[SD_TONE_NAME].applies);
    }
    /* With a first name the rule is as before: "Hej!" is not enough. */
    sd_tone_input in = {.text = "Hej!\nBiblioteket öppnar klockan 10.\nVänliga hälsningar,\nKim",
                        .lang = SD_LANG_SV, .to_first = "Lena", .to_handle = "lenah_82",
                        .signer = "Kim", .is_public = true};
    sd_tone_result res;
    sd_tone_check_reply(lx, &in, &res);
    assert_false(res.checks[SD_TONE_GREETING].pass);
    sd_lexicons_free(lx);
}

/* ---- the window model ---- */

typedef struct recs {
    char **lines;
    size_t n;
} recs;

static sd_status keep_json(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    (void)s;
    (void)err;
    recs *k = ctx;
    sd_buf b = SD_BUF_INIT;
    if (sd_record_to_json(rec, false, &b) != SD_OK)
        return SD_ERR_MEMORY;
    k->lines = realloc(k->lines, (k->n + 1) * sizeof *k->lines);
    k->lines[k->n++] = strdup(sd_buf_str(&b));
    sd_buf_free(&b);
    return SD_OK;
}

static const char *const STORM_SC =
    "scenario { id = \"m\", title = \"M\", start = \"2026-03-10 09:00\", duration = \"2h\",\n"
    "           platform = \"instagram\", seed = 5 }\n"
    "persona { id = \"lena\", handle = \"lenah_82\", mood = \"angry\" }\n"
    "post { id = \"p1\", text = \"Inlägg\", image = \"bibliotek.png\", image_alt = \"Bibliotek\",\n"
    "       link = { url = \"https://ekby.se/b\", title = \"Beslutet\", site = \"ekby.se\" } }\n"
    "post { id = \"p2\", text = \"Andra\", platform = \"x\", at = \"+5m\" }\n"
    "comment { id = \"c1\", on = \"p1\", author = \"lena\", at = \"+1m\", text = \"Varför?\" }\n"
    "reply { id = \"r1\", on = \"c1\", author = \"lena\", at = \"+2m\", text = \"Svara!\" }\n"
    "comment { id = \"c2\", on = \"p2\", author = \"lena\", at = \"+6m\", text = \"Nå?\" }\n"
    "dm { id = \"d1\", author = \"lena\", at = \"+3m\", text = \"Hallå\" }\n"
    "storm { id = \"s1\", on = \"p1\", from = \"+10m\", to = \"+40m\", count = 60,\n"
    "        texts = { \"Skandal!\", \"Varför stänger ni?\" } }\n";

static size_t find(const sd_model *m, const char *id)
{
    for (size_t i = 0; i < sd_model_n_items(m); i++)
        if (strcmp(sd_model_str(m, sd_model_item(m, i)->id), id) == 0)
            return i;
    fail_msg("no item %s", id);
    return 0;
}

static void test_model(void **state)
{
    (void)state;
    run r;
    start(&r, STORM_SC);
    recs k = {0};
    sd_error err = SD_ERROR_INIT;
    /* the records so far went to the model; the JSON copy starts with what follows, so
     * replay the whole run again below from a second session instead */
    sd_post_counts early;
    assert_true(sd_model_post_counts(r.model, find(r.model, "p1"), &early));
    sd_action del = {.kind = SD_ACT_DELETE, .item = "r1", .target = -1, .step = -1};
    assert_int_equal(sd_session_act(r.s, &del, &err), SD_OK);
    assert_int_equal(sd_session_run(r.s, &err), SD_OK);
    const sd_model *m = r.model;
    assert_int_equal(sd_model_platform(m), SD_PLATFORM_INSTAGRAM);
    const sd_mitem *p1 = sd_model_item(m, find(m, "p1"));
    assert_int_equal(p1->platform, SD_PLATFORM_INSTAGRAM);
    assert_string_equal(sd_model_str(m, p1->image), "bibliotek.png");
    assert_string_equal(sd_model_str(m, p1->image_alt), "Bibliotek");
    assert_string_equal(sd_model_str(m, p1->link_title), "Beslutet");
    assert_string_equal(sd_model_str(m, p1->link_site), "ekby.se");
    assert_int_equal(sd_model_item(m, find(m, "p2"))->platform, SD_PLATFORM_X);
    const sd_mitem *c1 = sd_model_item(m, find(m, "c1"));
    assert_int_equal(c1->first, 0);
    assert_string_equal(sd_model_str(m, c1->handle), "lenah_82");
    assert_int_equal(c1->platform, SD_PLATFORM_INSTAGRAM);
    assert_int_equal(sd_model_item(m, find(m, "r1"))->platform, SD_PLATFORM_INSTAGRAM);
    assert_int_equal(sd_model_item(m, find(m, "c2"))->platform, SD_PLATFORM_X);
    assert_int_equal(sd_model_item(m, find(m, "d1"))->platform, SD_PLATFORM_INSTAGRAM);
    sd_post_counts pc, pc2, none;
    assert_true(sd_model_post_counts(m, find(m, "p1"), &pc));
    assert_true(sd_model_post_counts(m, find(m, "p2"), &pc2));
    assert_false(sd_model_post_counts(m, find(m, "c1"), &none));
    assert_int_equal(none.reactions, 0);
    /* p1: c1 and the storm's comments, less the deleted reply r1 */
    size_t storm = 0;
    for (size_t i = 0; i < sd_model_n_items(m); i++)
        storm += sd_model_item(m, i)->storm != 0;
    assert_true(storm > 20);
    assert_int_equal(pc.comments, 1 + storm);
    assert_int_equal(pc2.comments, 1);
    assert_true(pc.reactions > early.reactions && pc.reactions >= 1.5 * (1 + storm) * 0.99);
    assert_true(pc.reactions > pc2.reactions);

    /* The same scenario and seed again, its records through JSON (a log) into a second
     * model: the same numbers. */
    run r2;
    memset(&r2, 0, sizeof r2);
    r2.sc = load_ok("session2.lua", STORM_SC);
    assert_int_equal(sd_results_create(&r2.res, &err), SD_OK);
    sd_session_config cfg = {.scenario = r2.sc, .participant = "Kim", .results = r2.res,
                             .no_wall_clock = true};
    assert_int_equal(sd_session_create(&cfg, &r2.s, &err), SD_OK);
    assert_int_equal(sd_session_add_observer(r2.s, keep_json, &k, &err), SD_OK);
    assert_int_equal(sd_session_start(r2.s, &err), SD_OK);
    assert_int_equal(sd_session_step_sim(r2.s, 150, &err), SD_OK);
    assert_int_equal(sd_session_act(r2.s, &del, &err), SD_OK);
    assert_int_equal(sd_session_run(r2.s, &err), SD_OK);
    sd_results *res3 = NULL;
    sd_model *m3 = NULL;
    assert_int_equal(sd_results_create(&res3, &err), SD_OK);
    assert_int_equal(sd_model_create(res3, &m3, &err), SD_OK);
    sd_record_keep hk = SD_RECORD_KEEP_INIT, keep = SD_RECORD_KEEP_INIT;
    sd_record header;
    for (size_t i = 0; i < k.n; i++) {
        sd_record rec;
        sd_record *into = i == 0 ? &header : &rec;
        if (sd_record_from_json(k.lines[i], strlen(k.lines[i]), "k", i ? &header.u.header : NULL,
                                into, i == 0 ? &hk : &keep, &err) != SD_OK)
            fail_msg("%zu: %s", i, sd_error_msg(&err));
        /* the arrival number a replay gives an action (window/replay.c does the same) */
        if ((into->type == SD_REC_ACTION || into->type == SD_REC_REJECTED) && into->u.action.item)
            into->u.action.item_index = (int64_t)find(m3, into->u.action.item);
        assert_int_equal(sd_results_add(res3, into, &err), SD_OK);
        assert_int_equal(sd_model_on_record(m3, into, &err), SD_OK);
        free(k.lines[i]);
    }
    free(k.lines);
    sd_post_counts pc3;
    assert_true(sd_model_post_counts(m3, find(m3, "p1"), &pc3));
    if (pc3.reactions != pc.reactions || pc3.comments != pc.comments || pc3.shares != pc.shares)
        fail_msg("replay %u/%u/%u, live %u/%u/%u", pc3.reactions, pc3.comments, pc3.shares,
                 pc.reactions, pc.comments, pc.shares);
    assert_int_equal(pc3.reactions, pc.reactions);
    assert_int_equal(pc3.comments, pc.comments);
    assert_int_equal(pc3.shares, pc.shares);
    assert_int_equal(sd_model_platform(m3), SD_PLATFORM_INSTAGRAM);
    sd_record_keep_free(&keep);
    sd_record_keep_free(&hk);
    sd_model_free(m3);
    sd_results_free(res3);
    stop(&r2);
    stop(&r);
}

int main(void)
{
    /* assets/images/ is the source tree's */
    setenv("STORMDRILL_ASSETS", SD_SOURCE_DIR "/assets", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_platform_fields),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_image_check),
        cmocka_unit_test(test_log_fields),
        cmocka_unit_test(test_post_counts_table),
        cmocka_unit_test(test_x_limit),
        cmocka_unit_test(test_hidden_still_waits),
        cmocka_unit_test(test_greeting_handle),
        cmocka_unit_test(test_model),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
