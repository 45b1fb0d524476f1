/* test_tone_labelled.c - the labelled tone set (tests/data/tone-labelled.tsv): replies with
 * their context and the verdicts a trainer gives, run through sd_tone_check_reply. Prints
 * the agreement per check (labelled cases, agreed, percentage) to stdout and fails on any
 * disagreement, naming the case, its text and the check's detail; so the set documents the
 * checks' behaviour exactly. `ctest --test-dir build -R tone_labelled -V` shows the table.
 * The file's format is described at its top; a bad line fails the test with file:line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guideline/vocab.h"
#include "scoring/tone.h"
#include "util/utf8.h"

#define ASSETS SD_SOURCE_DIR "/assets"
#define DATA SD_TEST_DATA "/tone-labelled.tsv"
#define MAX_LINE 4096
#define MAX_NAMES 16

enum { V_PASS, V_FAIL, V_NA };
static const char *const verdict_names[] = {"pass", "fail", "na"};

typedef struct tally {
    int labelled, agreed;
} tally;

/* Appends the UTF-8 encoding of c to out (at *n, capacity cap); false when it does not fit
 * or c is no code point. */
static bool put_cp(char *out, size_t cap, size_t *n, uint32_t c)
{
    char b[4];
    size_t k;
    if (c < 0x80) {
        b[0] = (char)c;
        k = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        k = 2;
    } else if (c < 0x10000) {
        if (c >= 0xD800 && c <= 0xDFFF)
            return false;
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        k = 3;
    } else if (c <= 0x10FFFF) {
        b[0] = (char)(0xF0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[3] = (char)(0x80 | (c & 0x3F));
        k = 4;
    } else {
        return false;
    }
    if (*n + k >= cap)
        return false;
    memcpy(out + *n, b, k);
    *n += k;
    return true;
}

static int hex_value(const char *s, int digits, uint32_t *v)
{
    *v = 0;
    for (int i = 0; i < digits; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        *v = *v * 16 + (uint32_t)d;
    }
    return 0;
}

/* Unescapes \n \t \\ \xHH \UHHHHHHHH in s into out; false on a bad escape or overflow. */
static bool unescape(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        uint32_t v;
        if (*p != '\\') {
            if (n + 1 >= cap)
                return false;
            out[n++] = *p;
            continue;
        }
        p++;
        if (*p == 'n' || *p == 't' || *p == '\\') {
            if (n + 1 >= cap)
                return false;
            out[n++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : '\\';
        } else if (*p == 'x' && hex_value(p + 1, 2, &v) == 0) {
            if (n + 1 >= cap)
                return false;
            out[n++] = (char)v;
            p += 2;
        } else if (*p == 'U' && hex_value(p + 1, 8, &v) == 0 && put_cp(out, cap, &n, v)) {
            p += 8;
        } else {
            return false;
        }
    }
    out[n] = '\0';
    return true;
}

static int check_by_id(const char *id)
{
    for (int c = 0; c < SD_TONE_CHECK_COUNT; c++)
        if (strcmp(sd_tone_check_id((sd_tone_check)c), id) == 0)
            return c;
    return -1;
}

static int mood_by_name(const char *name)
{
    for (int m = 0; m < SD_MOOD_COUNT; m++)
        if (strcmp(sd_vocab_name(SD_VOCAB_MOOD, m), name) == 0)
            return m;
    return -1;
}

/* Splits line at tabs into at most max fields (in place); returns how many. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max + 1; p++)
        if (*p == '\t') {
            *p = '\0';
            if (n == max)
                return max + 1; /* too many */
            f[n++] = p + 1;
        }
    return n;
}

static void test_labelled(void **state)
{
    const sd_lexicons *lx = *state;
    FILE *fp = fopen(DATA, "rb");
    if (fp == NULL)
        fail_msg("cannot open %s", DATA);
    static char line[MAX_LINE], text[MAX_LINE];
    tally t[SD_TONE_CHECK_COUNT] = {{0, 0}};
    int rows = 0, rows_sv = 0, rows_en = 0, disagreements = 0, lineno = 0;
    char seen[512][16];
    int nseen = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        size_t len = strlen(line);
        if (len > 0 && line[len - 1] != '\n' && !feof(fp))
            fail_msg("%s:%d: line longer than %d bytes", DATA, lineno, MAX_LINE);
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        if (!sd_utf8_valid(line, len))
            fail_msg("%s:%d: not valid UTF-8", DATA, lineno);
        char *f[11];
        if (split_tabs(line, f, 10) != 10)
            fail_msg("%s:%d: expected 10 tab-separated fields (see the file's top)", DATA,
                     lineno);
        const char *id = f[0], *lang = f[1], *to = f[2], *signer = f[3], *mood = f[4],
                   *where = f[5], *link = f[6], *names = f[7];
        char *expect = f[8];
        for (int i = 0; i < nseen; i++)
            if (strcmp(seen[i], id) == 0)
                fail_msg("%s:%d: duplicate id '%s'", DATA, lineno, id);
        if (strlen(id) >= sizeof seen[0] || nseen == (int)(sizeof seen / sizeof seen[0]))
            fail_msg("%s:%d: id too long or too many rows", DATA, lineno);
        strcpy(seen[nseen++], id);
        if (!unescape(f[9], text, sizeof text))
            fail_msg("%s:%d: bad escape in the text", DATA, lineno);

        sd_tone_input in = {.text = text};
        if (strcmp(lang, "sv") == 0)
            in.lang = SD_LANG_SV;
        else if (strcmp(lang, "en") == 0)
            in.lang = SD_LANG_EN;
        else
            fail_msg("%s:%d: lang '%s' (sv or en)", DATA, lineno, lang);
        in.to_first = strcmp(to, "-") == 0 ? NULL : to;
        in.signer = signer;
        int m = mood_by_name(mood);
        if (m < 0)
            fail_msg("%s:%d: mood '%s'", DATA, lineno, mood);
        in.mood = (sd_mood)m;
        if (strcmp(where, "public") != 0 && strcmp(where, "dm") != 0)
            fail_msg("%s:%d: where '%s' (public or dm)", DATA, lineno, where);
        in.is_public = strcmp(where, "public") == 0;
        if (strcmp(link, "link") != 0 && strcmp(link, "-") != 0)
            fail_msg("%s:%d: link '%s' (link or -)", DATA, lineno, link);
        in.expect_link = strcmp(link, "link") == 0;
        static char namebuf[512];
        const char *namev[MAX_NAMES];
        size_t nnames = 0;
        if (strcmp(names, "-") != 0) {
            snprintf(namebuf, sizeof namebuf, "%s", names);
            for (char *tok = strtok(namebuf, ","); tok; tok = strtok(NULL, ",")) {
                if (nnames == MAX_NAMES)
                    fail_msg("%s:%d: more than %d names", DATA, lineno, MAX_NAMES);
                namev[nnames++] = tok;
            }
            in.names = namev;
            in.n_names = nnames;
        }

        sd_tone_result res;
        sd_tone_check_reply(lx, &in, &res);
        rows++;
        if (in.lang == SD_LANG_SV)
            rows_sv++;
        else
            rows_en++;
        int labels = 0;
        for (char *tok = strtok(expect, " "); tok; tok = strtok(NULL, " ")) {
            char *eq = strchr(tok, '=');
            if (eq == NULL)
                fail_msg("%s:%d: expectation '%s' is not check=verdict", DATA, lineno, tok);
            *eq = '\0';
            int c = check_by_id(tok);
            int want = -1;
            for (int v = 0; v < 3; v++)
                if (strcmp(eq + 1, verdict_names[v]) == 0)
                    want = v;
            if (c < 0 || want < 0)
                fail_msg("%s:%d: unknown check or verdict '%s=%s'", DATA, lineno, tok, eq + 1);
            const sd_tone_check_result *r = &res.checks[c];
            int got = !r->applies ? V_NA : r->pass ? V_PASS : V_FAIL;
            t[c].labelled++;
            labels++;
            if (got == want) {
                t[c].agreed++;
            } else {
                disagreements++;
                printf("DISAGREE %s (%s:%d) %s: trainer %s, checks %s (%s)\n    %s\n", id, DATA,
                       lineno, tok, verdict_names[want], verdict_names[got], r->detail, f[9]);
            }
        }
        if (labels == 0)
            fail_msg("%s:%d: no expectation", DATA, lineno);
    }
    fclose(fp);

    printf("\nTone checks against the labelled set: %d replies (%d Swedish, %d English)\n\n",
           rows, rows_sv, rows_en);
    printf("| check | labelled | agreed | agreement |\n|---|---|---|---|\n");
    int all = 0, all_agreed = 0;
    for (int c = 0; c < SD_TONE_CHECK_COUNT; c++) {
        if (t[c].labelled == 0)
            continue;
        printf("| %s | %d | %d | %.1f%% |\n", sd_tone_check_id((sd_tone_check)c), t[c].labelled,
               t[c].agreed, 100.0 * t[c].agreed / t[c].labelled);
        all += t[c].labelled;
        all_agreed += t[c].agreed;
    }
    printf("| all | %d | %d | %.1f%% |\n\n", all, all_agreed, all ? 100.0 * all_agreed / all : 0.0);
    fflush(stdout);
    assert_true(rows >= 150);
    if (disagreements > 0)
        fail_msg("%d verdict(s) differ from the trainer's (listed above)", disagreements);
}

static int setup(void **state)
{
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;
    if (sd_lexicons_load(ASSETS, &lx, &err) != SD_OK) {
        fprintf(stderr, "cannot load lexicons: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return -1;
    }
    *state = lx;
    return 0;
}

static int teardown(void **state)
{
    sd_lexicons_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_labelled)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
