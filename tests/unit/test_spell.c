/* test_spell.c - cmocka unit tests for the spelling check (engine/scoring/spell.h) with the
 * real Hunspell and Debian's sv_SE and en_US dictionaries: a table of Swedish and English
 * texts (correct, inflected, compounds, names, URLs, e-mail, mentions, numbers, acronyms,
 * abbreviations, gibberish, one typo, several typos) with the exact words each must flag;
 * byte ranges and the cap on reported misses; the caller's extra words; invalid UTF-8 and a
 * 20000-byte text; the memo's verdicts not depending on what it holds; a dictionary in
 * ISO8859-1; missing dictionaries; the speller an sd_lexicons owns. */
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

#include "scoring/spell.h"
#include "scoring/tone.h"
#include "scoring/tone_internal.h"
#include "../support/tempdir.h"

static int setup_speller(void **state)
{
    sd_error err = SD_ERROR_INIT;
    sd_speller *sp = NULL;
    if (sd_speller_open(NULL, &sp, &err) != SD_OK) {
        fprintf(stderr, "cannot open the speller: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return -1;
    }
    *state = sp;
    return 0;
}

static int teardown_speller(void **state)
{
    sd_speller_free(*state);
    return 0;
}

/* One row: a text and the words it must flag, in order, separated by '|' ("" for none). */
typedef struct row {
    sd_language lang;
    const char *text;
    const char *misses;
} row;

#define SV SD_LANG_SV
#define EN SD_LANG_EN

static const row rows[] = {
    /* Swedish, correct */
    {SV, "Hej Anna! Sophämtningen flyttas till onsdag.", ""},
    {SV, "Öppettiderna på biblioteket ändras i sommar.", ""},
    {SV, "Kommunfullmäktige beslutade i mars.", ""},
    {SV, "Gör en felanmälan i vår e-tjänst eller ring kontaktcenter.", ""},
    {SV, "Tyvärr är återvinningscentralen stängd på grund av stormen.", ""},
    {SV, "Jag förstår att du är besviken. Vi beklagar det inträffade.", ""},
    /* inflections and compounds */
    {SV, "Vi öppnade, öppnar och har öppnat.", ""},
    {SV, "Sopkärlen töms varannan vecka av stadsbyggnadsförvaltningen.", ""},
    {SV, "Bygglovshandläggaren svarar på hemsidan och i webbplatsens formulär.", ""},
    /* names: capitals that do not start a sentence, the signature after a comma */
    {SV, "Jag pratade med Zorblax i går.", ""},
    {SV, "Vänliga hälsningar,\nErik Qwrtzsson", ""},
    {SV, "vi Qwrtz", ""},
    /* addresses, mentions, hashtags, numbers, acronyms, abbreviations */
    {SV, "Läs mer på https://goteborg.se/sopor-och-atervinning eller www.goteborg.se.", ""},
    {SV, "Se goteborg.se/sopor (eller HTTP://EXEMPEL.SE/blorf).", ""},
    {SV, "Mejla oss på kontakt.blorf@goteborg.se så svarar vi.", ""},
    {SV, "@blorfan tack för tipset #sopkaos", ""},
    {SV, "Ring 031-390 06 00 eller kom kl. 8.30, ärende 12ab och 3D.", ""},
    {SV, "Kontakta SMHI, MSB eller LSS-handläggaren. USA:s regler gäller inte.", ""},
    {SV, "Det gäller t.ex. sopor, osv. Dvs allt, bl.a papper.", ""},
    {SV, "Vi kan sms:a dig. Min iPhone fungerar.", ""},
    {SV, "a b c i å ö", ""},
    {SV, "SOPHÄMTNINGEN ÄR FLYTTAD", ""},
    /* decomposed å/ä (a + U+030A, a + U+0308) read as the precomposed letters */
    {SV, "Det är sa\xCC\x88kert att ga\xCC\x8A dit.", ""},
    /* gibberish and typos */
    {SV, "asdfgh", "asdfgh"},
    {SV, "Vi blorf snart.", "blorf"},
    {SV, "Kvarnbiblorfen är stängd.", "Kvarnbiblorfen"},
    {SV, "Detta är kvarnbiblorfen.", "kvarnbiblorfen"},
    {SV, "Sophämtningen flytats till onsdag.", "flytats"},
    {SV, "Vi har stängtt biblotekt idag för straik.", "stängtt|biblotekt|straik"},
    {SV, "Hej! Qwrtzplk är här.", "Qwrtzplk"},
    {SV, "Vad gäller det? Blorf.", "Blorf"},
    {SV, "Se goteborg.se/sopor. Blorf", "Blorf"},
    {SV, "KVARNBIBLORF är stängt.", "KVARNBIBLORF"},
    {SV, "sdkfj dsfkj wqer zxcv qwop", "sdkfj|dsfkj|wqer|zxcv|qwop"},
    {SV, "Det är ett stadsbyggnadsförvaltningenskontaktcenterärendehanteringssystem.",
     "stadsbyggnadsförvaltningenskontaktcenterärendehanteringssystem"},
    /* English, correct */
    {EN, "Hi Anna! The library reopens on Thursday.", ""},
    {EN, "Thank you for reporting the broken streetlight.", ""},
    {EN, "We recycled, we are recycling, we recycle.", ""},
    {EN, "We don\xE2\x80\x99t know yet, but it's fine.", ""},
    {EN, "Kind regards,\nJohn", ""},
    {EN, "Read more at https://example.org/blorf or e-mail info@example.org.", ""},
    {EN, "The NHS and the FBI, e.g. our IT-team.", ""},
    /* English, gibberish and typos */
    {EN, "The collection is blorfed.", "blorfed"},
    {EN, "The libary is closed.", "libary"},
    {EN, "Teh libary is clsoed tomorow.", "Teh|libary|clsoed|tomorow"},
    /* the wrong language */
    {EN, "Sophämtningen flyttas", "Sophämtningen|flyttas"},
    {SV, "The library reopens", "library|reopens"}, /* "the" is Swedish (tea) */
    /* nothing to check */
    {SV, "", ""},
    {SV, "!!! ... ?? -- 123", ""},
};

static void check_row(sd_speller *sp, const row *r, const sd_spell_extra *extra)
{
    sd_spell_miss miss[16];
    size_t checked = 0;
    size_t n = sd_spell_check(sp, r->lang, r->text, strlen(r->text), extra, miss, 16, &checked);
    char got[512] = "";
    for (size_t i = 0; i < n && i < 16; i++) {
        assert_true(miss[i].at + miss[i].len <= strlen(r->text));
        size_t k = strlen(got);
        snprintf(got + k, sizeof got - k, "%s%.*s", i ? "|" : "", (int)miss[i].len,
                 r->text + miss[i].at);
    }
    if (strcmp(got, r->misses) != 0) {
        fprintf(stderr, "text [%s] (%s): flagged [%s], expected [%s]\n", r->text,
                r->lang == SV ? "sv" : "en", got, r->misses);
        fail();
    }
    assert_true(checked >= n);
}

static void test_table(void **state)
{
    sd_speller *sp = *state;
    assert_true(sizeof rows / sizeof rows[0] >= 40);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        check_row(sp, &rows[i], NULL);
    /* the same again: now from the memo */
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        check_row(sp, &rows[i], NULL);
}

static void test_ranges_and_cap(void **state)
{
    sd_speller *sp = *state;
    const char *t = "Vi blorf, snorf och glorf.";
    sd_spell_miss miss[2];
    size_t checked = 0;
    size_t n = sd_spell_check(sp, SV, t, strlen(t), NULL, miss, 2, &checked);
    assert_int_equal(n, 3);       /* all three counted */
    assert_int_equal(checked, 5); /* Vi blorf snorf och glorf */
    assert_int_equal(miss[0].at, 3);
    assert_int_equal(miss[0].len, 5);
    assert_int_equal(miss[1].at, 10);
    assert_int_equal(miss[1].len, 5);
    /* no room at all, and no counter */
    assert_int_equal(sd_spell_check(sp, SV, t, strlen(t), NULL, NULL, 0, NULL), 3);
    /* only len bytes are read: "Vi blo" ends inside the word */
    assert_int_equal(sd_spell_check(sp, SV, t, 6, NULL, miss, 2, &checked), 1);
    assert_int_equal(miss[0].at, 3);
    assert_int_equal(miss[0].len, 3);
    /* bad arguments check nothing */
    assert_int_equal(sd_spell_check(NULL, SV, t, strlen(t), NULL, miss, 2, &checked), 0);
    assert_int_equal(checked, 0);
    assert_int_equal(sd_spell_check(sp, SD_LANG_COUNT, t, strlen(t), NULL, miss, 2, &checked), 0);
    assert_int_equal(sd_spell_check(sp, SV, NULL, 5, NULL, miss, 2, &checked), 0);
}

static void test_extra(void **state)
{
    sd_speller *sp = *state;
    sd_error err = SD_ERROR_INIT;
    sd_spell_extra *x = NULL;
    assert_int_equal(sd_spell_extra_create(&x, &err), SD_OK);
    const char *t = "Blorfia svarar. Kontakta blorfia, BLORFIAS kundtjänst eller snorfbolaget.";
    sd_spell_miss miss[8];
    /* without the words: Blorfia at the start, blorfia, BLORFIAS (7 capitals) and
     * snorfbolaget are misspelt */
    assert_int_equal(sd_spell_check(sp, SV, t, strlen(t), NULL, miss, 8, NULL), 4);
    assert_int_equal(sd_spell_extra_add(x, "BLORFIA", 7, &err), SD_OK);
    assert_int_equal(sd_spell_extra_add_text(x, "Välkommen till Snorfbolaget i Blorfköping!", &err),
                     SD_OK);
    /* with them, in any case, and with a genitive -s */
    assert_int_equal(sd_spell_check(sp, SV, t, strlen(t), x, miss, 8, NULL), 0);
    /* a word of several words adds each; adding twice is harmless */
    assert_int_equal(sd_spell_extra_add(x, "Kretslopp och  Qwrtzvatten", 26, &err), SD_OK);
    assert_int_equal(sd_spell_extra_add(x, "Kretslopp och  Qwrtzvatten", 26, &err), SD_OK);
    const char *u = "Qwrtzvatten och qwrtzvattens tjänster.";
    assert_int_equal(sd_spell_check(sp, SV, u, strlen(u), x, miss, 8, NULL), 0);
    assert_int_equal(sd_spell_check(sp, SV, u, strlen(u), NULL, miss, 8, NULL), 2);
    /* many words: the set grows (6-letter made-up words from a counter, base 26) */
    for (int i = 0; i < 5000; i++) {
        char w[8];
        size_t k = 0;
        for (int j = i; k < 6; j /= 26)
            w[k++] = (char)('a' + j % 26);
        assert_int_equal(sd_spell_extra_add(x, w, k, &err), SD_OK);
    }
    char word[8];
    size_t k = 0;
    for (int j = 4321; k < 6; j /= 26)
        word[k++] = (char)('a' + j % 26);
    word[k] = '\0';
    char text[32];
    snprintf(text, sizeof text, "Vi %s nu.", word);
    assert_int_equal(sd_spell_check(sp, SV, text, strlen(text), x, miss, 8, NULL), 0);
    assert_int_equal(sd_spell_check(sp, SV, text, strlen(text), NULL, miss, 8, NULL), 1);
    /* bad arguments */
    assert_int_equal(sd_spell_extra_add(NULL, "a", 1, &err), SD_ERR_USAGE);
    assert_int_equal(sd_spell_extra_add(x, NULL, 3, &err), SD_ERR_USAGE);
    assert_int_equal(sd_spell_extra_add(x, NULL, 0, &err), SD_OK);
    assert_int_equal(sd_spell_extra_add_text(x, NULL, &err), SD_ERR_USAGE);
    sd_error_clear(&err);
    sd_spell_extra_free(x);
    sd_spell_extra_free(NULL);
}

static void test_invalid_utf8(void **state)
{
    sd_speller *sp = *state;
    /* invalid bytes read as U+FFFD, which is no letter: it splits words */
    const char t[] = "Hej\xFF\xFE" "blorf v\xC3 s\xC3\xB6pa\xE2\x82 tack\xC0\xAF" "snorf";
    sd_spell_miss miss[8];
    size_t checked = 0;
    size_t n = sd_spell_check(sp, SV, t, sizeof t - 1, NULL, miss, 8, &checked);
    assert_int_equal(n, 3); /* blorf, söpa, snorf */
    assert_int_equal(miss[0].at, 5);
    assert_int_equal(miss[0].len, 5);
    assert_memory_equal(t + miss[1].at, "s\xC3\xB6pa", 5);
    assert_memory_equal(t + miss[2].at, "snorf", 5);
    /* NUL bytes inside the text are separators too */
    const char z[] = "Vi\0blorf\0tack";
    assert_int_equal(sd_spell_check(sp, SV, z, sizeof z - 1, NULL, miss, 8, &checked), 1);
    assert_int_equal(miss[0].at, 3);
    assert_int_equal(checked, 3);
    /* every byte value, in a buffer that ends in the middle of a sequence */
    char all[512];
    for (int i = 0; i < 512; i++)
        all[i] = (char)(i < 256 ? i : 0xE2);
    sd_spell_check(sp, SV, all, sizeof all, NULL, miss, 8, &checked);
}

static void test_long_text(void **state)
{
    sd_speller *sp = *state;
    /* 20000 bytes of replies with one gibberish word in each sentence */
    const char *s = "Sophämtningen i Majorna flyttas till onsdag på grund av blorf. ";
    size_t sl = strlen(s);
    size_t reps = 20000 / sl + 1;
    char *t = malloc(reps * sl + 1);
    assert_non_null(t);
    for (size_t i = 0; i < reps; i++)
        memcpy(t + i * sl, s, sl);
    t[reps * sl] = '\0';
    assert_true(strlen(t) >= 20000);
    sd_spell_miss miss[8];
    size_t checked = 0;
    /* checking stops at the 32nd misspelt word, the last of the 32nd sentence */
    assert_true(reps > SD_SPELL_MAX_MISSES);
    assert_int_equal(sd_spell_check(sp, SV, t, reps * sl, NULL, miss, 8, &checked),
                     SD_SPELL_MAX_MISSES);
    assert_int_equal(checked, SD_SPELL_MAX_MISSES * 8); /* "i" is one letter, Majorna a name */
    assert_int_equal(miss[7].at, 7 * sl + (strstr(s, "blorf") - s));
    /* below the stop, every one is counted */
    assert_int_equal(sd_spell_check(sp, SV, t, 20 * sl, NULL, miss, 8, &checked), 20);
    assert_int_equal(checked, 20 * 8);
    /* one word of 20000 letters: misspelt, and cheap (Hunspell is not asked) */
    for (size_t i = 0; i < 20000; i++)
        t[i] = "sopkarl"[i % 7];
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    assert_int_equal(sd_spell_check(sp, SV, t, 20000, NULL, miss, 8, &checked), 1);
    clock_gettime(CLOCK_MONOTONIC, &b);
    assert_int_equal(miss[0].at, 0);
    assert_int_equal(miss[0].len, 20000);
    assert_true((b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6 < 500);
    /* 20000 bytes of distinct long gibberish words: bounded (each is a Hunspell call) */
    size_t pos = 0;
    unsigned seed = 12345;
    while (pos + 50 < 20000) {
        for (int k = 0; k < 40; k++) {
            seed = seed * 1103515245u + 12345u;
            t[pos++] = (char)('a' + (seed >> 16) % 26);
        }
        t[pos++] = ' ';
    }
    clock_gettime(CLOCK_MONOTONIC, &a);
    size_t n = sd_spell_check(sp, SV, t, pos, NULL, miss, 8, &checked);
    clock_gettime(CLOCK_MONOTONIC, &b);
    assert_int_equal(n, SD_SPELL_MAX_MISSES);
    assert_int_equal(checked, SD_SPELL_MAX_MISSES);
    double ms = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
    fprintf(stderr, "  20000 bytes of distinct 40-letter gibberish words: %.1f ms\n", ms);
    assert_true(ms < 1000); /* about 5 ms at -O2; generous for the sanitizers */
    free(t);
}

/* The verdicts do not depend on what the memo holds: a speller whose memo is cleared after
 * every 3 words gives the same verdicts as one that keeps them, in any order. */
static void test_memo_deterministic(void **state)
{
    sd_speller *sp = *state;
    sd_speller *small = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_speller_open(NULL, &small, &err), SD_OK);
    sd_speller_set_memo_max(small, 3);
    size_t nr = sizeof rows / sizeof rows[0];
    for (size_t i = 0; i < nr; i++)
        check_row(small, &rows[nr - 1 - i], NULL);
    assert_true(sd_speller_memo_count(small) <= 3);
    for (size_t i = 0; i < nr; i++)
        check_row(small, &rows[(i * 7) % nr], NULL);
    sd_speller_free(small);
    /* the shared speller's memo has grown, and the memo fills only to its bound */
    assert_true(sd_speller_memo_count(sp) > 0);
    assert_true(sd_speller_memo_count(sp) <= 65536);
}

/* Writes a file of raw bytes; 0 on success. */
static int write_bytes(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    size_t w = fwrite(data, 1, n, f);
    return fclose(f) == 0 && w == n ? 0 : -1;
}

static void test_dictionaries(void **state)
{
    (void)state;
    char dir[64];
    assert_int_equal(sd_test_tempdir_make(dir, "sd_spell"), 0);
    char p[128];
    sd_error err = SD_ERROR_INIT;
    sd_speller *sp = NULL;

    /* nothing there: the Swedish file and its package are named */
    assert_int_not_equal(sd_speller_open(dir, &sp, &err), SD_OK);
    assert_null(sp);
    assert_non_null(strstr(sd_error_msg(&err), "sv_SE.aff"));
    assert_non_null(strstr(sd_error_msg(&err), "install hunspell-sv"));

    /* a Swedish dictionary in ISO8859-1 (words are converted), no English .dic */
    snprintf(p, sizeof p, "%s/sv_SE.aff", dir);
    assert_int_equal(sd_test_write_file(p, "# test\nSET ISO8859-1\nTRY abc\n"), 0);
    snprintf(p, sizeof p, "%s/sv_SE.dic", dir);
    assert_int_equal(write_bytes(p, "3\nsm\xF6rg\xE5s\nhej\nGr\xE4nna\n", 22), 0);
    snprintf(p, sizeof p, "%s/en_US.aff", dir);
    assert_int_equal(sd_test_write_file(p, "SET UTF-8\n"), 0);
    assert_int_not_equal(sd_speller_open(dir, &sp, &err), SD_OK);
    assert_non_null(strstr(sd_error_msg(&err), "en_US.dic"));
    assert_non_null(strstr(sd_error_msg(&err), "install hunspell-en-us"));
    snprintf(p, sizeof p, "%s/en_US.dic", dir);
    assert_int_equal(sd_test_write_file(p, "1\nhello\n"), 0);
    assert_int_equal(sd_speller_open(dir, &sp, &err), SD_OK);
    const char *t = "Hej sm\xC3\xB6rg\xC3\xA5s smorgas gr\xC3\xA4nna \xC5\x82\xC3\xB3" "dka";
    sd_spell_miss miss[4];
    size_t checked = 0;
    /* smörgås passes; smorgas fails; grännä as Gränna; łódka is not in Latin-1 at all */
    assert_int_equal(sd_spell_check(sp, SV, t, strlen(t), NULL, miss, 4, &checked), 2);
    assert_int_equal(checked, 5);
    assert_memory_equal(t + miss[0].at, "smorgas", 7);
    assert_memory_equal(t + miss[1].at, "\xC5\x82\xC3\xB3" "dka", 7);
    const char *e = "Hello hallo";
    assert_int_equal(sd_spell_check(sp, EN, e, strlen(e), NULL, miss, 4, &checked), 1);
    sd_speller_free(sp);
    sp = NULL;

    /* an encoding iconv does not know is refused, naming the file */
    snprintf(p, sizeof p, "%s/sv_SE.aff", dir);
    assert_int_equal(sd_test_write_file(p, "SET NO-SUCH-CHARSET-42\n"), 0);
    assert_int_equal(sd_speller_open(dir, &sp, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "sv_SE.aff"));
    assert_non_null(strstr(sd_error_msg(&err), "NO-SUCH-CHARSET-42"));

    /* a directory in a dictionary's place is refused at once */
    snprintf(p, sizeof p, "%s/sv_SE.aff", dir);
    remove(p);
    char sub[160];
    snprintf(sub, sizeof sub, "mkdir %s", p);
    assert_int_equal(system(sub), 0);
    assert_int_not_equal(sd_speller_open(dir, &sp, &err), SD_OK);
    assert_non_null(strstr(sd_error_msg(&err), "install hunspell-sv"));

    /* $STORMDRILL_HUNSPELL_DIR when no folder is given */
    setenv("STORMDRILL_HUNSPELL_DIR", dir, 1);
    assert_int_not_equal(sd_speller_open(NULL, &sp, &err), SD_OK);
    assert_non_null(strstr(sd_error_msg(&err), dir));
    setenv("STORMDRILL_HUNSPELL_DIR", "/usr/share/hunspell", 1);
    assert_int_equal(sd_speller_open(NULL, &sp, &err), SD_OK);
    sd_speller_free(sp);
    unsetenv("STORMDRILL_HUNSPELL_DIR");

    sd_error_clear(&err);
    sd_speller_free(NULL);
    assert_int_equal(sd_test_tempdir_remove(dir), 0);
}

static void test_lexicons_own_speller(void **state)
{
    (void)state;
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;
    assert_int_equal(sd_lexicons_load(SD_SOURCE_DIR "/assets", &lx, &err), SD_OK);
    sd_speller *sp = sd_lexicons_speller(lx);
    assert_non_null(sp);
    assert_ptr_equal(sp, sd_lx_speller(lx));
    assert_null(sd_lexicons_speller(NULL));
    const char *t = "Sophämtningen blorfas.";
    assert_int_equal(sd_spell_check(sp, SV, t, strlen(t), NULL, NULL, 0, NULL), 1);
    sd_lexicons_free(lx);
    /* a missing dictionary fails the load, naming it */
    setenv("STORMDRILL_HUNSPELL_DIR", "/nonexistent/hunspell", 1);
    assert_int_not_equal(sd_lexicons_load(SD_SOURCE_DIR "/assets", &lx, &err), SD_OK);
    assert_null(lx);
    assert_non_null(strstr(sd_error_msg(&err), "/nonexistent/hunspell/sv_SE.aff"));
    unsetenv("STORMDRILL_HUNSPELL_DIR");
    sd_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_ranges_and_cap),
        cmocka_unit_test(test_extra),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_long_text),
        cmocka_unit_test(test_memo_deterministic),
        cmocka_unit_test(test_dictionaries),
        cmocka_unit_test(test_lexicons_own_speller),
    };
    return cmocka_run_group_tests(tests, setup_speller, teardown_speller);
}
