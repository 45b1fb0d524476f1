/* test_keypoints.c - cmocka unit tests for the key-point matcher (engine/scoring/keypoints.h)
 * and the stemmer wrapper (stem.h), with the real Snowball stemmers: a table of replies in
 * Swedish and English against four contents (points met and not met, multi-word phrases
 * and their gaps, compounds, inflections, numbers and times, refer by name or link, channel
 * phrases, claims to avoid, uppercase, punctuation glued to words, stuffing, diacritics,
 * invalid UTF-8), need counts, the feedback text of missing points, compile errors, a body
 * of 20,000 bytes, and random bodies on which the fast matcher must give the verdict of the
 * reference matcher that stems every word. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scoring/keypoints.h"
#include "scoring/keypoints_internal.h"
#include "scoring/stem.h"
#include "util/utf8.h"

/* ---------------------------------------------------------------- contents */

#define SAY(...) (const char *const[]){__VA_ARGS__}, sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)
#define NONE {NULL, NULL, 0}

/* A library that reopens (Swedish): single words, a multi-word phrase, compounds. */
static const sd_point lib_points[] = {
    {"öppnar på torsdag", SAY("torsdag")},
    {"öppnar igen", SAY("öppnar igen", "återöppnar")},
    {"biblioteket", SAY("bibliotek")},
    {"öppettider", SAY("öppet")},
};
static const sd_content c_lib = {-1, lib_points, 4, 3, NONE, NONE, NULL, 0, NULL};

/* Waste collection that moves (Swedish): numbers, refer, channel, claims to avoid. */
static const sd_point sop_points[] = {
    {"hämtningen flyttas", SAY("hämtning")},
    {"onsdag", SAY("onsdag")},
    {"klockan 14", SAY("14")},
    {"beslut i mars", SAY("beslut i mars", "fullmäktige beslutade")},
};
static const sd_point sop_avoid[] = {
    {"spekulation om orsaken", SAY("troligen", "det beror nog på")},
    {"löfte", SAY("vi lovar", "garanterar")},
};
static const sd_content c_sop = {-1, sop_points, 4, 0,
                                 {"Trafikverket", SAY("Trafikverket", "trafikverket.se")},
                                 {"e-tjänsten", SAY("e-tjänst", "kontaktcenter", "felanmälan")},
                                 sop_avoid, 2, NULL};

/* The guards against false positives (Swedish): short stems, numbers, a link of digits. */
static const sd_point guard_points[] = {
    {"bad", SAY("bad")},     {"is", SAY("is")},       {"hus", SAY("hus")},
    {"park", SAY("park")},   {"14.00", SAY("14.00")}, {"veckan", SAY("vecka")},
};
static const sd_content c_guard = {-1, guard_points, 6, 1, {"1177", SAY("1177.se")}, NONE,
                                   NULL, 0, NULL};

/* English. */
static const sd_point en_points[] = {
    {"reopens", SAY("reopen", "open again")},
    {"on Thursday", SAY("thursday")},
    {"collection moves", SAY("collection moves", "bin collection")},
    {"the council decided", SAY("council decided", "decision by the council")},
};
static const sd_point en_avoid[] = {
    {"speculation", SAY("probably caused")},
    {"promise", SAY("we promise", "guarantee")},
};
static const sd_content c_en = {-1, en_points, 4, 2,
                                {"Environment Agency", SAY("Environment Agency", "gov.uk/environment-agency")},
                                {"online form", SAY("online form", "contact centre", "info@city.example")},
                                en_avoid, 2, NULL};

/* English irregular stems. */
static const sd_point en2_points[] = {{"die", SAY("die")}, {"tie", SAY("tie")}};
static const sd_content c_en2 = {-1, en2_points, 2, 1, NONE, NONE, NULL, 0, NULL};

enum { LIB, SOP, GUARD, EN, EN2, N_CONTENTS };
static const sd_content *const contents[N_CONTENTS] = {&c_lib, &c_sop, &c_guard, &c_en, &c_en2};
static const sd_language langs[N_CONTENTS] = {SD_LANG_SV, SD_LANG_SV, SD_LANG_SV, SD_LANG_EN,
                                              SD_LANG_EN};

typedef struct fixture {
    sd_stemmer *st;
    sd_kp *kp[N_CONTENTS];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    sd_error err = SD_ERROR_INIT;
    if (!f || sd_stemmer_create(&f->st, &err) != SD_OK) {
        fprintf(stderr, "stemmer: %s\n", sd_error_msg(&err));
        return -1;
    }
    for (int i = 0; i < N_CONTENTS; i++) {
        if (sd_kp_compile(f->st, langs[i], contents[i], &f->kp[i], &err) != SD_OK) {
            fprintf(stderr, "content %d: %s\n", i, sd_error_msg(&err));
            sd_error_clear(&err);
            return -1;
        }
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    for (int i = 0; i < N_CONTENTS; i++)
        sd_kp_free(f->kp[i]);
    sd_stemmer_free(f->st);
    free(f);
    return 0;
}

/* Matches with both matchers; they must agree. */
static void match_both(fixture *f, int c, const char *text, size_t len, sd_kp_verdict *v,
                       const char *what)
{
    sd_kp_verdict r;
    sd_kp_match(f->kp[c], f->st, text, len, v);
    sd_kp_match_reference(f->kp[c], f->st, text, len, &r);
    if (memcmp(v, &r, sizeof r) != 0) {
        fprintf(stderr, "%s: fast met %#x refer %d channel %d avoided %#x, reference met %#x "
                        "refer %d channel %d avoided %#x\n",
                what, v->met, v->refer_met, v->channel_met, v->avoided, r.met, r.refer_met,
                r.channel_met, r.avoided);
        fail();
    }
}

/* ---------------------------------------------------------------- the table */

typedef struct row {
    const char *what;
    int content;
    const char *text;
    uint32_t met;       /* bits of the key points met */
    bool refer, channel;
    uint32_t avoided;
} row;

#define B(n) (1u << (n))

static const row rows[] = {
    /* Swedish: the library */
    {"one point, exact word", LIB, "Vi öppnar på torsdag.", B(0), false, false, 0},
    {"three points in one sentence", LIB, "Biblioteket öppnar igen på torsdag.", B(0) | B(1) | B(2), false, false, 0},
    {"compound with definite ending", LIB, "Stadsbiblioteket har öppettider som vanligt.", B(2) | B(3), false, false, 0},
    {"genitive, past passive + igen", LIB, "Bibliotekets lokaler öppnades igen i går.", B(1) | B(2), false, false, 0},
    {"past tense öppnade", LIB, "Vi öppnade igen i morse.", B(1), false, false, 0},
    {"infinitive öppna", LIB, "Vi ska öppna igen snart.", B(1), false, false, 0},
    {"passive öppnas", LIB, "Lokalen öppnas igen.", B(1), false, false, 0},
    {"two words between", LIB, "Vi öppnar, efter renoveringen, igen.", B(1), false, false, 0},
    {"three words between: not met", LIB, "Vi öppnar efter den renoveringen igen.", 0, false, false, 0},
    {"four words between: not met", LIB, "Vi öppnar efter den stora långa renoveringen igen.", 0, false, false, 0},
    {"wrong order: not met", LIB, "Igen och igen öppnar vi.", 0, false, false, 0},
    {"modifier of a compound: återöppnar", LIB, "Biblioteket återöppnar på torsdagen.", B(0) | B(1) | B(2), false, false, 0},
    {"empty body", LIB, "", 0, false, false, 0},
    {"says nothing", LIB, "Tack för din fråga, vi återkommer.", 0, false, false, 0},
    {"uppercase", LIB, "BIBLIOTEKET ÖPPNAR IGEN PÅ TORSDAG", B(0) | B(1) | B(2), false, false, 0},
    {"punctuation glued", LIB, "(biblioteket)öppnar,igen!torsdag?", B(0) | B(1) | B(2), false, false, 0},
    {"stuffing: the phrase list pasted", LIB, "torsdag öppnar igen återöppnar bibliotek öppet",
     B(0) | B(1) | B(2) | B(3), false, false, 0},
    {"diacritics are letters: oppnar is not öppnar", LIB, "Vi oppnar igen pa torsdag, oppettider.", B(0), false, false, 0},
    {"decomposed ö composes", LIB, "Biblioteket o\xcc\x88ppnar igen.", B(1) | B(2), false, false, 0},
    {"invalid UTF-8 between words", LIB, "Bibliotek\xff\xfe\xc3öppnar igen \xe2\x82", B(1) | B(2), false, false, 0},
    {"lone continuation bytes", LIB, "\x80\x80torsdag\xbf", B(0), false, false, 0},

    /* Swedish: waste collection, numbers, refer, channel, avoid */
    {"head of a compound", SOP, "Sophämtningen flyttas till onsdag.", B(0) | B(1), false, false, 0},
    {"time 14.00 meets 14", SOP, "Hämtningen sker klockan 14.00 i stället.", B(0) | B(2), false, false, 0},
    {"time 14:00 meets 14", SOP, "Kl 14:00 kommer bilen.", B(2), false, false, 0},
    {"140 and 1400 do not meet 14", SOP, "Bilen kommer 140 minuter sent, runt 1400.", 0, false, false, 0},
    {"multi-word: fullmäktige beslutade", SOP, "Fullmäktige beslutade i mars.", B(3), false, false, 0},
    {"compound in a multi-word phrase", SOP, "Kommunfullmäktige beslutade om det i mars.", B(3), false, false, 0},
    {"beslutet ... i mars", SOP, "Beslutet togs i mars.", B(3), false, false, 0},
    {"i mars before beslut: not met", SOP, "I mars kom beslutet.", 0, false, false, 0},
    {"refer by name", SOP, "Vägen sköts av Trafikverket.", 0, true, false, 0},
    {"refer by genitive", SOP, "Trafikverkets kundtjänst svarar.", 0, true, false, 0},
    {"refer by link", SOP, "Läs mer på https://www.trafikverket.se/vagar.", 0, true, false, 0},
    {"refer by domain in capitals", SOP, "Se TRAFIKVERKET.SE", 0, true, false, 0},
    {"refer not met", SOP, "Kontakta väghållaren.", 0, false, false, 0},
    {"channel: two phrases", SOP, "Gör en felanmälan i vår e-tjänst.", 0, false, true, 0},
    {"channel: compound kontaktcentret", SOP, "Ring kontaktcentret.", 0, false, true, 0},
    {"channel: inflected e-tjänsten", SOP, "Fyll i e-tjänsten.", 0, false, true, 0},
    {"channel not met", SOP, "Vi tittar på det.", 0, false, false, 0},
    {"avoid: speculating", SOP, "Det beror troligen på kylan.", 0, false, false, B(0)},
    {"avoid: multi-word speculation", SOP, "Det beror nog på kylan.", 0, false, false, B(0)},
    {"avoid: promise", SOP, "Vi lovar att det blir klart.", 0, false, false, B(1)},
    {"avoid: negation is not looked at", SOP, "Vi lovar inte något.", 0, false, false, B(1)},
    {"avoid: inflected garantera", SOP, "Vi kan garantera det.", 0, false, false, B(1)},
    {"troll is not troligen", SOP, "Trollen på sidan och ett troll till.", 0, false, false, 0},
    {"avoid not met", SOP, "Vi vet inte orsaken än.", 0, false, false, 0},
    {"stuffing meets everything", SOP, "hämtning onsdag 14 beslut i mars Trafikverket e-tjänst",
     B(0) | B(1) | B(2) | B(3), true, true, 0},

    /* Swedish: the guards */
    {"bad does not meet badhuset", GUARD, "Badhuset är stängt.", 0, false, false, 0},
    {"badet and huset meet bad and hus", GUARD, "Badet är öppet och huset likaså.", B(0) | B(2), false, false, 0},
    {"is meets is", GUARD, "Det är is på vägen.", B(1), false, false, 0},
    {"is does not meet isbanan", GUARD, "Isbanan spolas i dag.", 0, false, false, 0},
    {"is does not meet isen (1-2 letters: same word only)", GUARD, "Isen är tjock.", 0, false, false, 0},
    {"park meets parkeringen (4 letters: compounds)", GUARD, "Parkeringen är full.", B(3), false, false, 0},
    {"park is not the end of sparken (1 letter before)", GUARD, "Han fick sparken.", 0, false, false, 0},
    {"14.00 meets 14:00", GUARD, "Klockan 14:00.", B(4), false, false, 0},
    {"14.00 meets 14.00", GUARD, "Klockan 14.00", B(4), false, false, 0},
    {"14.00 does not meet 14.30", GUARD, "Klockan 14.30", 0, false, false, 0},
    {"vecka meets veckan", GUARD, "Under veckan.", B(5), false, false, 0},
    {"vecka meets vecka 12", GUARD, "Vecka 12.", B(5), false, false, 0},
    {"link of digits", GUARD, "Ring 1177 eller gå till 1177.se.", 0, true, false, 0},
    {"link of digits in a URL", GUARD, "Gå till https://www.1177.se/vard", 0, true, false, 0},
    {"number without the domain", GUARD, "Vi har 1177 sidor.", 0, false, false, 0},
    {"domain inside a longer word", GUARD, "Gå till 21177.se eller 1177.sex", 0, false, false, 0},

    /* English */
    {"en: reopens on Thursday", EN, "The library reopens on Thursday.", B(0) | B(1), false, false, 0},
    {"en: reopened", EN, "It reopened yesterday.", B(0), false, false, 0},
    {"en: reopening", EN, "Reopening soon.", B(0), false, false, 0},
    {"en: open again", EN, "We open again next week.", B(0), false, false, 0},
    {"en: opening hours is not reopen", EN, "Opening hours are on the door.", 0, false, false, 0},
    {"en: collections move", EN, "Collections move to Wednesday.", B(2), false, false, 0},
    {"en: bin collection", EN, "The bin collection is late.", B(2), false, false, 0},
    {"en: council decided", EN, "The council decided in March.", B(3), false, false, 0},
    {"en: decision ... by the council", EN, "The decision was made by the council.", B(3), false, false, 0},
    {"en: refer by link", EN, "See gov.uk/environment-agency for updates.", 0, true, false, 0},
    {"en: refer by name", EN, "Ask the Environment Agency.", 0, true, false, 0},
    {"en: channel online form", EN, "Please use our online form.", 0, false, true, 0},
    {"en: channel contact centre", EN, "Call our contact centre.", 0, false, true, 0},
    {"en: channel e-mail address", EN, "Mail info@city.example today.", 0, false, true, 0},
    {"en: e-mail inside a longer address", EN, "Mail xinfo@city.examples today.", 0, false, false, 0},
    {"en: avoid speculation", EN, "It was probably caused by the storm.", 0, false, false, B(0)},
    {"en: avoid guarantee", EN, "We guarantee it.", 0, false, false, B(1)},
    {"en: avoid we promise", EN, "We promise.", 0, false, false, B(1)},
    {"en: uppercase", EN, "THE LIBRARY REOPENS THURSDAY!", B(0) | B(1), false, false, 0},
    {"en: dying meets die (stem not like the word)", EN2, "The plants are dying.", B(0), false, false, 0},
    {"en: tie is not lying", EN2, "He is lying.", 0, false, false, 0},
    {"sv: a negation still meets", LIB, "Vi öppnar inte igen.", B(1), false, false, 0},
    {"sv: a domain after other letters", GUARD, "Se my1177.se.", 0, false, false, 0},
    {"sv: the name in a compound still meets", SOP, "Se mytrafikverket.se.", 0, true, false, 0},
    {"en: nothing", EN, "Thanks for your question.", 0, false, false, 0},
};

static void test_table(void **state)
{
    fixture *f = *state;
    size_t n = sizeof rows / sizeof rows[0];
    assert_true(n >= 40);
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        sd_kp_verdict v;
        match_both(f, r->content, r->text, strlen(r->text), &v, r->what);
        if (v.met != r->met || v.refer_met != r->refer || v.channel_met != r->channel ||
            v.avoided != r->avoided) {
            fprintf(stderr,
                    "row %zu '%s': met %#x (want %#x), refer %d (%d), channel %d (%d), avoided "
                    "%#x (%#x)\n",
                    i, r->what, v.met, r->met, v.refer_met, r->refer, v.channel_met, r->channel,
                    v.avoided, r->avoided);
            failed++;
        }
        assert_int_equal(v.n_met, __builtin_popcount(v.met));
    }
    assert_int_equal(failed, 0);
}

/* ---------------------------------------------------------------- need, flags */

static const sd_content only_refer = {-1, NULL, 0, 0, {"SMHI", SAY("SMHI", "smhi.se")}, NONE,
                                      NULL, 0, NULL};

static void test_need_and_flags(void **state)
{
    fixture *f = *state;
    sd_kp_verdict v;
    sd_kp_match(f->kp[LIB], f->st, "torsdag", 7, &v);
    assert_int_equal(v.need, 3);
    assert_false(v.has_refer);
    assert_false(v.has_channel);
    sd_kp_match(f->kp[SOP], f->st, "torsdag", 7, &v);
    assert_int_equal(v.need, 4); /* need 0: every point */
    assert_true(v.has_refer);
    assert_true(v.has_channel);
    sd_kp_match(f->kp[GUARD], f->st, NULL, 0, &v); /* NULL text reads as empty */
    assert_int_equal(v.need, 1);
    assert_int_equal(v.met, 0);
    assert_int_equal(v.n_met, 0);
    assert_true(v.has_refer);
    assert_false(v.refer_met);

    /* a content with no points: need 0; refer only */
    sd_kp *kp = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_kp_compile(f->st, SD_LANG_SV, &only_refer, &kp, &err), SD_OK);
    assert_ptr_equal(sd_kp_content(kp), &only_refer);
    sd_kp_match(kp, f->st, "Se smhi.se!", 11, &v);
    assert_int_equal(v.need, 0);
    assert_true(v.refer_met);
    sd_kp_free(kp);

    /* an embedded NUL separates words; the length is what counts */
    const char body[] = "vi öppnar\0igen";
    sd_kp_match(f->kp[LIB], f->st, body, sizeof body - 1, &v);
    assert_int_equal(v.met, B(1));
    sd_kp_match(f->kp[LIB], f->st, body, 10, &v); /* "vi öppnar" */
    assert_int_equal(v.met, 0);
}

/* ---------------------------------------------------------------- describe_missing */

static void test_describe_missing(void **state)
{
    fixture *f = *state;
    char out[128];
    sd_kp_verdict v;
    sd_kp_match(f->kp[SOP], f->st, "onsdag", 6, &v);
    size_t n = sd_kp_describe_missing(f->kp[SOP], &v, out, sizeof out);
    assert_string_equal(out, "hämtningen flyttas, klockan 14, beslut i mars");
    assert_int_equal(n, strlen(out));

    sd_kp_match(f->kp[SOP], f->st, "hämtning onsdag 14 beslut i mars", 32, &v);
    assert_int_equal(sd_kp_describe_missing(f->kp[SOP], &v, out, sizeof out), 0);
    assert_string_equal(out, "");

    /* cut: every cap gives valid UTF-8 that is a prefix of the full text plus "…" */
    const char *full = "hämtningen flyttas, onsdag, klockan 14, beslut i mars";
    memset(&v, 0, sizeof v);
    for (size_t cap = 1; cap <= strlen(full) + 1; cap++) {
        char buf[128];
        memset(buf, 'x', sizeof buf);
        n = sd_kp_describe_missing(f->kp[SOP], &v, buf, cap);
        assert_true(n < cap);
        assert_int_equal(buf[n], '\0');
        assert_true(sd_utf8_valid(buf, n));
        if (cap == strlen(full) + 1) {
            assert_string_equal(buf, full);
        } else if (cap < 4) {
            assert_int_equal(n, 0);
        } else {
            assert_true(n >= 3);
            assert_memory_equal(buf + n - 3, "\xE2\x80\xA6", 3);
            assert_memory_equal(buf, full, n - 3);
            if (n > 3)
                assert_true(buf[n - 4] != ' ' && buf[n - 4] != ',');
        }
        assert_int_equal(buf[cap], 'x'); /* nothing written past cap */
    }
    /* a cut inside "ä" backs off to the letter before it */
    n = sd_kp_describe_missing(f->kp[SOP], &v, out, 6);
    assert_string_equal(out, "h\xE2\x80\xA6");
    assert_int_equal(sd_kp_describe_missing(f->kp[SOP], &v, out, 0), 0);
    assert_int_equal(sd_kp_describe_missing(NULL, &v, out, sizeof out), 0);
    assert_string_equal(out, "");
}

/* ---------------------------------------------------------------- compile errors */

typedef struct bad_row {
    const char *what;
    sd_content c;
    const char *msg_has;
} bad_row;

static const sd_point p_empty_phrase[] = {{"tom", SAY("")}};
static const sd_point p_punct[] = {{"ok", SAY("torsdag")}, {"skiljetecken", SAY("!!! ...")}};
static const sd_point p_nine[] = {{"nio", SAY("a b c d e f g h i")}};
static const sd_point p_long_word[] = {
    {"lång", SAY("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")}};
static const sd_point p_null_phrase[] = {{"null", SAY("ok", NULL)}};
static const sd_point p_no_say[] = {{"inga fraser", NULL, 0}};
static const sd_point p_one[] = {{"en", SAY("torsdag")}};
static const sd_point p_lit_only_slash[] = {{"snedstreck", SAY(" / ")}};
static sd_point p_many[SD_MAX_POINTS + 1];

static const bad_row bad_rows[] = {
    {"empty phrase", {-1, p_empty_phrase, 1, 0, NONE, NONE, NULL, 0, NULL},
     "key point 1 ('tom'), phrase 1: has no words"},
    {"punctuation only", {-1, p_punct, 2, 0, NONE, NONE, NULL, 0, NULL},
     "key point 2 ('skiljetecken'), phrase 1: has no words"},
    {"nine words", {-1, p_nine, 1, 0, NONE, NONE, NULL, 0, NULL}, "more than 8 words"},
    {"word of 68 bytes", {-1, p_long_word, 1, 0, NONE, NONE, NULL, 0, NULL}, "longer than 63 bytes"},
    {"NULL phrase", {-1, p_null_phrase, 1, 0, NONE, NONE, NULL, 0, NULL}, "phrase 2: missing"},
    {"point without phrases", {-1, p_no_say, 1, 0, NONE, NONE, NULL, 0, NULL},
     "key point 1 ('inga fraser'): no phrases"},
    {"need too big", {-1, p_one, 1, 2, NONE, NONE, NULL, 0, NULL}, "need is 2"},
    {"need negative", {-1, p_one, 1, -1, NONE, NONE, NULL, 0, NULL}, "need is -1"},
    {"need without points", {-1, NULL, 0, 1, NONE, NONE, NULL, 0, NULL}, "need is 1"},
    {"too many points", {-1, p_many, SD_MAX_POINTS + 1, 0, NONE, NONE, NULL, 0, NULL},
     "at most 16"},
    {"refer empty", {-1, p_one, 1, 0, {"Tom", SAY("  ")}, NONE, NULL, 0, NULL},
     "refer ('Tom'), phrase 1: has no words"},
    {"avoid text phrase of nothing", {-1, p_one, 1, 0, NONE, NONE, p_lit_only_slash, 1, NULL},
     "avoid 1 ('snedstreck'), phrase 1: has no words"},
};

static void test_compile_errors(void **state)
{
    fixture *f = *state;
    static const char *const torsdag[] = {"torsdag"};
    for (size_t i = 0; i < SD_MAX_POINTS + 1; i++)
        p_many[i] = (sd_point){"x", torsdag, 1};
    for (size_t i = 0; i < sizeof bad_rows / sizeof bad_rows[0]; i++) {
        sd_error err = SD_ERROR_INIT;
        sd_kp *kp = (sd_kp *)1;
        sd_status s = sd_kp_compile(f->st, SD_LANG_SV, &bad_rows[i].c, &kp, &err);
        if (s != SD_ERR_INPUT || !strstr(sd_error_msg(&err), bad_rows[i].msg_has)) {
            fprintf(stderr, "%s: status %d, message '%s'\n", bad_rows[i].what, (int)s,
                    sd_error_msg(&err));
            fail();
        }
        assert_null(kp);
        sd_error_clear(&err);
    }
    sd_kp *kp = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_kp_compile(NULL, SD_LANG_SV, &c_lib, &kp, &err), SD_ERR_USAGE);
    sd_error_clear(&err);
    assert_int_equal(sd_kp_compile(f->st, SD_LANG_SV, NULL, &kp, &err), SD_ERR_USAGE);
    sd_error_clear(&err);
    sd_kp_free(NULL);
}

/* ---------------------------------------------------------------- the stemmer */

static void test_stem(void **state)
{
    fixture *f = *state;
    char out[64];
    static const struct {
        sd_language lang;
        const char *word, *stem;
    } stems[] = {
        {SD_LANG_SV, "sophämtningen", "sophämtning"}, {SD_LANG_SV, "öppnade", "öppn"},
        {SD_LANG_SV, "öppnas", "öppn"},               {SD_LANG_SV, "torsdagen", "torsdag"},
        {SD_LANG_SV, "bibliotekets", "biblioteket"},  {SD_LANG_EN, "reopening", "reopen"},
        {SD_LANG_EN, "collections", "collect"},       {SD_LANG_EN, "libraries", "librari"},
    };
    for (size_t i = 0; i < sizeof stems / sizeof stems[0]; i++) {
        size_t n = sd_stem_word(f->st, stems[i].lang, stems[i].word, strlen(stems[i].word),
                                out, sizeof out);
        assert_string_equal(out, stems[i].stem);
        assert_int_equal(n, strlen(stems[i].stem));
    }
    /* does not fit, empty, bad language */
    assert_int_equal(sd_stem_word(f->st, SD_LANG_SV, "sophämtningen", 14, out, 5), 0);
    assert_string_equal(out, "");
    assert_int_equal(sd_stem_word(f->st, SD_LANG_SV, "", 0, out, sizeof out), 0);
    assert_int_equal(sd_stem_word(f->st, SD_LANG_COUNT, "ord", 3, out, sizeof out), 0);
    /* the memo: a word already stemmed does not run Snowball again, with the same stem;
     * a word too long for the memo is stemmed every time */
    sd_stemmer *st = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_stemmer_create(&st, &err), SD_OK);
    assert_int_equal(sd_stemmer_runs(st), 0);
    sd_stem_word(st, SD_LANG_SV, "öppettiderna", 13, out, sizeof out);
    assert_string_equal(out, "öppettid");
    sd_stem_word(st, SD_LANG_SV, "öppettiderna", 13, out, sizeof out);
    assert_string_equal(out, "öppettid");
    assert_int_equal(sd_stemmer_runs(st), 1);
    assert_int_equal(sd_stem_word(st, SD_LANG_SV, "öppettiderna", 13, out, 8), 0); /* still cap */
    const char *lw = "kommunfullmäktigesammanträdesprotokollen";
    sd_stem_word(st, SD_LANG_SV, lw, strlen(lw), out, sizeof out);
    sd_stem_word(st, SD_LANG_SV, lw, strlen(lw), out, sizeof out);
    assert_int_equal(sd_stemmer_runs(st), 3);
    sd_stemmer_free(st);
}

/* The stemmer runs only for words that can meet a phrase word, once per word. */
static void test_stem_at_most_once(void **state)
{
    (void)state;
    sd_stemmer *st = NULL;
    sd_kp *kp = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_stemmer_create(&st, &err), SD_OK);
    assert_int_equal(sd_kp_compile(st, SD_LANG_SV, &c_lib, &kp, &err), SD_OK);
    sd_kp_verdict v;
    uint64_t r0 = sd_stemmer_runs(st);
    const char *t1 = "Stadsbiblioteket, stadsbiblioteket och STADSBIBLIOTEKET.";
    sd_kp_match(kp, st, t1, strlen(t1), &v);
    assert_int_equal(v.met, B(2));
    assert_int_equal(sd_stemmer_runs(st) - r0, 1);
    r0 = sd_stemmer_runs(st);
    const char *t2 = "Vi och de som att med för inte kan ska var här där.";
    sd_kp_match(kp, st, t2, strlen(t2), &v);
    assert_int_equal(v.met, 0);
    assert_int_equal(sd_stemmer_runs(st) - r0, 0); /* the prefilter: no stemming */
    r0 = sd_stemmer_runs(st);
    const char *t3 = "bibliotek torsdag öppnar igen"; /* the phrases' own forms */
    sd_kp_match(kp, st, t3, strlen(t3), &v);
    assert_int_equal(v.met, B(0) | B(1) | B(2));
    assert_int_equal(sd_stemmer_runs(st) - r0, 0);
    sd_kp_free(kp);
    sd_stemmer_free(st);
}

/* ---------------------------------------------------------------- long and random bodies */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_long_body(void **state)
{
    fixture *f = *state;
    static char body[20001];
    const char *filler = "Vi arbetar med frågan och återkommer så snart vi vet mer om läget. ";
    size_t n = 0, fl = strlen(filler);
    memcpy(body, "Vi öppnar ", 11); /* "igen" never follows: not met */
    n = strlen(body);
    while (n + fl < sizeof body - 20) {
        memcpy(body + n, filler, fl);
        n += fl;
    }
    memcpy(body + n, "igen på torsdag", 16);
    n += 16;
    body[n] = '\0';
    assert_true(n > 19900);
    sd_kp_verdict v;
    match_both(f, LIB, body, n, &v, "long body");
    assert_int_equal(v.met, B(0));
    double t0 = now();
    for (int i = 0; i < 20; i++)
        sd_kp_match(f->kp[LIB], f->st, body, n, &v);
    double dt = (now() - t0) / 20;
    assert_int_equal(v.met, B(0));
    /* a few tens of microseconds; generous for sanitizer builds and a loaded machine */
    assert_true(dt < 0.05);
    /* a word longer than 63 bytes is not matched, the words around it are */
    const char *t = "torsdag xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxbibliotek igen";
    match_both(f, LIB, t, strlen(t), &v, "long word");
    assert_int_equal(v.met, B(0));
}

static uint32_t rnd(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* Random bodies from the contents' words, their inflections and compounds, and other
 * words, with random separators and case: the fast matcher agrees with the reference. */
static void test_random_agree(void **state)
{
    fixture *f = *state;
    static const char *const sv_words[] = {
        "biblioteket", "bibliotek", "stadsbiblioteket", "bibliotekets", "öppnar", "öppnade",
        "öppna", "öppet", "öppettider", "igen", "torsdag", "torsdagen", "återöppnar", "på",
        "i", "mars", "marsch", "beslut", "beslutet", "beslutade", "fullmäktige",
        "kommunfullmäktige", "hämtning", "sophämtningen", "hämtas", "onsdag", "onsdagar", "14",
        "140", "00", "1177", "trafikverket", "trafikverkets", "se", "www", "e", "tjänst",
        "e-tjänsten", "kontaktcentret", "felanmälan", "troligen", "troll", "det", "beror",
        "nog", "vi", "lovar", "garanterar", "garanti", "badhuset", "badet", "bad", "is",
        "isen", "huset", "hus", "park", "parkering", "vecka", "veckan", "och", "att", "som",
        "Ö", "åäö", "x", "renoveringen", "Oppnar", "ÖPPNAR", "\xff", "\xc3", "stadsbiblioteks"};
    static const char *const en_words[] = {
        "the", "library", "libraries", "reopens", "reopened", "reopening", "open", "again",
        "opening", "thursday", "thursdays", "collection", "collections", "move", "moves",
        "moved", "bin", "bins", "council", "councils", "decided", "decision", "by", "was",
        "environment", "agency", "agencies", "gov", "uk", "online", "form", "forms",
        "contact", "centre", "info", "city", "example", "probably", "caused", "we",
        "promise", "guarantee", "guaranteed", "of", "a", "and"};
    static const char *const seps[] = {" ", " ", " ", ", ", ". ", "-", "/", "@", ".", "\n", "!"};
    uint32_t seed = 12345;
    char body[1024];
    for (int iter = 0; iter < 3000; iter++) {
        bool en = iter % 3 == 2;
        int c = en ? EN : iter % 3 == 0 ? LIB : (iter / 3) % 2 ? SOP : GUARD;
        const char *const *words = en ? en_words : sv_words;
        size_t nwords = en ? sizeof en_words / sizeof *en_words : sizeof sv_words / sizeof *sv_words;
        size_t n = 0;
        int count = 1 + (int)(rnd(&seed) % 30);
        for (int k = 0; k < count; k++) {
            const char *w = words[rnd(&seed) % nwords];
            const char *sep = seps[rnd(&seed) % (sizeof seps / sizeof *seps)];
            size_t wl = strlen(w), sl = strlen(sep);
            if (n + wl + sl >= sizeof body)
                break;
            memcpy(body + n, w, wl);
            if (rnd(&seed) % 7 == 0 && w[0] >= 'a' && w[0] <= 'z')
                body[n] = (char)(w[0] - 32);
            n += wl;
            memcpy(body + n, sep, sl);
            n += sl;
        }
        sd_kp_verdict v;
        char what[64];
        snprintf(what, sizeof what, "random body %d", iter);
        match_both(f, c, body, n, &v, what);
    }
}

/* Random bytes: no crash, the matchers agree. */
static void test_random_bytes(void **state)
{
    fixture *f = *state;
    uint32_t seed = 777;
    unsigned char body[300];
    for (int iter = 0; iter < 2000; iter++) {
        size_t n = rnd(&seed) % sizeof body;
        for (size_t i = 0; i < n; i++) {
            uint32_t r = rnd(&seed);
            /* mostly letters, some high bytes and separators */
            body[i] = (unsigned char)(r % 4 == 0 ? r >> 8 : r % 4 == 1 ? ' ' : 'a' + (r >> 8) % 26);
        }
        sd_kp_verdict v;
        match_both(f, iter % N_CONTENTS, (const char *)body, n, &v, "random bytes");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_need_and_flags),
        cmocka_unit_test(test_describe_missing),
        cmocka_unit_test(test_compile_errors),
        cmocka_unit_test(test_stem),
        cmocka_unit_test(test_stem_at_most_once),
        cmocka_unit_test(test_long_body),
        cmocka_unit_test(test_random_agree),
        cmocka_unit_test(test_random_bytes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
