/* test_util.c - cmocka unit tests for the util modules: buf, sha256, utf8 and jsonw (the
 * JSON output is parsed back with cJSON), termtext (escaping for a terminal, cutting) and
 * error (the message size cap). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/jsonw.h"
#include "util/sha256.h"
#include "util/termtext.h"
#include "util/utf8.h"

/* ---------------------------------------------------------------- helpers */

/* A small deterministic generator (xorshift64*), state kept by the caller. */
static uint64_t rng_next(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static void sha_hex_of(sd_sha256 *s, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char d[32];
    sd_sha256_final(s, d);
    for (int i = 0; i < 32; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = '\0';
}

/* True when needle occurs in hay[0..len). */
static bool contains(const char *hay, size_t len, const char *needle, size_t nlen)
{
    for (size_t i = 0; i + nlen <= len; i++)
        if (memcmp(hay + i, needle, nlen) == 0)
            return true;
    return false;
}

/* Parses the whole of text as one JSON value; fails the test if it is not. */
static cJSON *parse_all(const char *text)
{
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithOpts(text, &end, true);
    if (j == NULL)
        fail_msg("cJSON could not parse: %s", text);
    return j;
}

/* Writes s[0..len) as a single JSON string and returns the parsed value's string. The
 * caller frees *root. */
static const char *roundtrip_string(sd_buf *b, cJSON **root, const char *s, size_t len)
{
    sd_jsonw w;
    sd_buf_reset(b);
    sd_jsonw_init(&w, b, false);
    sd_jsonw_array_begin(&w);
    sd_jsonw_string_n(&w, s, len);
    sd_jsonw_array_end(&w);
    assert_true(sd_jsonw_ok(&w));
    assert_true(sd_utf8_valid(b->data, b->len));
    *root = parse_all(sd_buf_str(b));
    cJSON *item = cJSON_GetArrayItem(*root, 0);
    assert_non_null(item);
    assert_true(cJSON_IsString(item));
    return item->valuestring;
}

/* Writes one double as a top-level value and returns the text (owned by b). */
static const char *double_text(sd_buf *b, double v)
{
    sd_jsonw w;
    sd_buf_reset(b);
    sd_jsonw_init(&w, b, false);
    sd_jsonw_double(&w, v);
    assert_true(sd_jsonw_ok(&w));
    return sd_buf_str(b);
}

/* ---------------------------------------------------------------- buf */

/* Words as scoring and the audience model count them. */
static void test_utf8_words(void **state)
{
    (void)state;
    static const struct { const char *text; size_t words; } cases[] = {
        {NULL, 0}, {"", 0}, {"  ,.!  ", 0}, {"Hej", 1}, {"Hej Åsa, 3 frågor!", 4},
        {"öppnar-igen", 2}, {"a\nb\tc", 3}, {"e-tjänsten 2026-04-22", 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(sd_utf8_words(cases[i].text), cases[i].words);
}

static void test_buf_empty(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    assert_string_equal(sd_buf_str(&b), "");
    assert_true(sd_buf_ok(&b));
    assert_int_equal(b.len, 0);
    assert_int_equal(sd_buf_append(&b, "", 0), SD_OK);
    assert_non_null(b.data);
    assert_string_equal(sd_buf_str(&b), "");
    sd_buf_free(&b);
    assert_null(b.data);
    sd_buf_free(&b); /* twice is harmless */
}

static void test_buf_append_kinds(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    assert_int_equal(sd_buf_puts(&b, "hello"), SD_OK);
    assert_int_equal(sd_buf_putc(&b, ' '), SD_OK);
    assert_int_equal(sd_buf_append(&b, "world!!", 5), SD_OK);
    assert_int_equal(sd_buf_printf(&b, " %d-%s-%05.1f", 42, "x", 2.5), SD_OK);
    assert_string_equal(sd_buf_str(&b), "hello world 42-x-002.5");
    assert_int_equal(b.len, strlen("hello world 42-x-002.5"));
    assert_int_equal(sd_buf_append(&b, "a\0b", 3), SD_OK); /* embedded NUL kept */
    assert_int_equal(b.len, 25);
    assert_memory_equal(b.data + 22, "a\0b", 4);
    sd_buf_free(&b);
}

static void test_buf_growth(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    for (int i = 0; i < 10000; i++)
        assert_int_equal(sd_buf_printf(&b, "%04d", i % 10000), SD_OK);
    assert_int_equal(b.len, 40000);
    assert_true(b.cap > b.len);
    assert_int_equal(b.data[b.len], '\0');
    for (int i = 0; i < 10000; i++) {
        char want[5];
        snprintf(want, sizeof want, "%04d", i);
        assert_memory_equal(b.data + 4 * i, want, 4);
    }
    /* A printf result longer than any earlier growth step. */
    sd_buf c = SD_BUF_INIT;
    assert_int_equal(sd_buf_printf(&c, "%s|%s", b.data, b.data), SD_OK);
    assert_int_equal(c.len, 80001);
    assert_int_equal(c.data[40000], '|');
    sd_buf_free(&c);
    sd_buf_free(&b);
}

static void test_buf_reset_take(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_buf_puts(&b, "some text");
    size_t cap = b.cap;
    sd_buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, cap);
    assert_string_equal(sd_buf_str(&b), "");
    sd_buf_puts(&b, "again");
    char *p = sd_buf_take(&b);
    assert_string_equal(p, "again");
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_string_equal(sd_buf_str(&b), "");
    free(p);
    assert_null(sd_buf_take(&b));
    sd_buf_reset(&b); /* on an empty buffer */
    sd_buf_free(&b);
}

static void test_buf_failure_sticky(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_buf_puts(&b, "kept");
    /* An impossible reservation fails and marks the buffer. */
    assert_int_equal(sd_buf_reserve(&b, SIZE_MAX), SD_ERR_MEMORY);
    assert_false(sd_buf_ok(&b));
    assert_int_equal(sd_buf_puts(&b, "more"), SD_ERR_MEMORY);
    assert_int_equal(sd_buf_putc(&b, 'x'), SD_ERR_MEMORY);
    assert_int_equal(sd_buf_printf(&b, "%d", 1), SD_ERR_MEMORY);
    assert_string_equal(sd_buf_str(&b), "kept");
    sd_buf_reset(&b);
    assert_true(sd_buf_ok(&b));
    assert_int_equal(sd_buf_puts(&b, "ok"), SD_OK);
    assert_string_equal(sd_buf_str(&b), "ok");
    sd_buf_free(&b);
}

/* ---------------------------------------------------------------- sha256 */

static void test_sha256_vectors(void **state)
{
    (void)state;
    char hex[65];
    sd_sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sd_sha256_hex(NULL, 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sd_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sd_sha256_hex(m448, strlen(m448), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                       "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    sd_sha256_hex(m896, strlen(m896), hex);
    assert_string_equal(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_sha256_million_a(void **state)
{
    (void)state;
    const char *want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    size_t n = 1000000;
    char *a = malloc(n);
    assert_non_null(a);
    memset(a, 'a', n);
    char hex[65];
    sd_sha256_hex(a, n, hex);
    assert_string_equal(hex, want);
    /* The same in uneven pieces. */
    sd_sha256 s;
    sd_sha256_init(&s);
    size_t off = 0, step = 1;
    while (off < n) {
        size_t k = step < n - off ? step : n - off;
        sd_sha256_update(&s, a + off, k);
        off += k;
        step = step * 3 % 997 + 1;
    }
    sha_hex_of(&s, hex);
    assert_string_equal(hex, want);
    free(a);
}

static void test_sha256_padding_boundaries(void **state)
{
    (void)state;
    static const struct {
        size_t n;
        const char *hex;
    } cases[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
        {128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"},
    };
    char a[128];
    memset(a, 'a', sizeof a);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char hex[65];
        sd_sha256_hex(a, cases[i].n, hex);
        assert_string_equal(hex, cases[i].hex);
    }
}

static void test_sha256_pieces(void **state)
{
    (void)state;
    unsigned char msg[1000];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (unsigned char)(i * 7 % 256);
    const char *want = "89f4ff56a25dd1db06a4ce6033603775d705fb96f30f8693733fef602a1ca532";
    char hex[65];
    sd_sha256_hex(msg, sizeof msg, hex);
    assert_string_equal(hex, want);

    static const size_t pieces[] = {1, 2, 3, 7, 55, 56, 63, 64, 65, 127, 128, 129, 999, 1000};
    for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
        sd_sha256 s;
        sd_sha256_init(&s);
        for (size_t off = 0; off < sizeof msg; off += pieces[p]) {
            size_t k = pieces[p] < sizeof msg - off ? pieces[p] : sizeof msg - off;
            sd_sha256_update(&s, msg + off, k);
            sd_sha256_update(&s, NULL, 0); /* empty updates change nothing */
        }
        sha_hex_of(&s, hex);
        assert_string_equal(hex, want);
    }
    /* Every prefix length up to 200 bytes: incremental (63 + 1 + rest) equals one-shot. */
    for (size_t n = 0; n <= 200; n++) {
        char one[65], inc[65];
        sd_sha256_hex(msg, n, one);
        sd_sha256 s;
        sd_sha256_init(&s);
        size_t a = n < 63 ? n : 63;
        sd_sha256_update(&s, msg, a);
        size_t b = n - a < 1 ? n - a : 1;
        sd_sha256_update(&s, msg + a, b);
        sd_sha256_update(&s, msg + a + b, n - a - b);
        sha_hex_of(&s, inc);
        assert_string_equal(one, inc);
    }
    /* A context can be reused after init. */
    sd_sha256 s;
    sd_sha256_init(&s);
    sd_sha256_update(&s, "junk", 4);
    sd_sha256_init(&s);
    sd_sha256_update(&s, "ab", 2);
    sd_sha256_update(&s, "c", 1);
    sha_hex_of(&s, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* ---------------------------------------------------------------- utf8 */

/* Decodes all of s[0..len) into cps (at most max); returns how many. Checks progress. */
static size_t decode_all(const char *s, size_t len, uint32_t *cps, size_t *sizes, size_t max)
{
    size_t count = 0, i = 0;
    while (i < len) {
        assert_true(count < max);
        size_t n = sd_utf8_decode(s + i, len - i, &cps[count]);
        assert_true(n >= 1);
        assert_true(n <= len - i);
        if (sizes != NULL)
            sizes[count] = n;
        count++;
        i += n;
    }
    return count;
}

static void test_utf8_valid_text(void **state)
{
    (void)state;
    const char *swedish = "\xC3\xA5\xC3\xA4\xC3\xB6 \xC3\x85\xC3\x84\xC3\x96"; /* åäö ÅÄÖ */
    assert_true(sd_utf8_valid(swedish, strlen(swedish)));
    uint32_t cps[16];
    size_t n = decode_all(swedish, strlen(swedish), cps, NULL, 16);
    static const uint32_t want[] = {0xE5, 0xE4, 0xF6, 0x20, 0xC5, 0xC4, 0xD6};
    assert_int_equal(n, 7);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(cps[i], want[i]);

    const char *emoji = "\xF0\x9F\x8C\xA9\xF0\x9F\x98\x80"; /* U+1F329 U+1F600 */
    assert_true(sd_utf8_valid(emoji, 8));
    size_t sizes[4];
    n = decode_all(emoji, 8, cps, sizes, 4);
    assert_int_equal(n, 2);
    assert_int_equal(cps[0], 0x1F329);
    assert_int_equal(cps[1], 0x1F600);
    assert_int_equal(sizes[0], 4);

    /* A NUL byte is a valid code point. */
    const char with_nul[] = "a\0\xC3\xA5";
    assert_true(sd_utf8_valid(with_nul, 4));
    n = decode_all(with_nul, 4, cps, NULL, 4);
    assert_int_equal(n, 3);
    assert_int_equal(cps[1], 0);
    assert_int_equal(cps[2], 0xE5);

    assert_true(sd_utf8_valid("", 0));
    assert_true(sd_utf8_valid(NULL, 0));
    /* U+FFFD spelled out is valid text. */
    assert_true(sd_utf8_valid("\xEF\xBF\xBD", 3));
}

static void test_utf8_boundaries(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        uint32_t cp;
    } ok[] = {
        {"\x7F", 0x7F},
        {"\xC2\x80", 0x80},
        {"\xDF\xBF", 0x7FF},
        {"\xE0\xA0\x80", 0x800},
        {"\xED\x9F\xBF", 0xD7FF},
        {"\xEE\x80\x80", 0xE000},
        {"\xEF\xBF\xBF", 0xFFFF},
        {"\xF0\x90\x80\x80", 0x10000},
        {"\xF4\x8F\xBF\xBF", 0x10FFFF},
        {"\xE2\x80\xA8", 0x2028},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        size_t len = strlen(ok[i].s);
        uint32_t cp = 0;
        assert_int_equal(sd_utf8_decode(ok[i].s, len, &cp), len);
        assert_int_equal(cp, ok[i].cp);
        assert_true(sd_utf8_valid(ok[i].s, len));
        sd_buf b = SD_BUF_INIT;
        assert_int_equal(sd_utf8_encode(&b, ok[i].cp), SD_OK);
        assert_int_equal(b.len, len);
        assert_memory_equal(b.data, ok[i].s, len);
        sd_buf_free(&b);
    }
}

/* One invalid input: its decoding as (consumed bytes, code point) pairs. */
struct bad_case {
    const char *name;
    const char *s;
    size_t len;
    size_t nparts;
    size_t sizes[13];
    uint32_t cps[13];
};

#define R 0xFFFDu

static void test_utf8_invalid_classes(void **state)
{
    (void)state;
    static const struct bad_case cases[] = {
        {"stray continuation", "\x80", 1, 1, {1}, {R}},
        {"stray continuations", "a\xBF\x80z", 4, 4, {1, 1, 1, 1}, {'a', R, R, 'z'}},
        {"overlong 2-byte C0", "\xC0\xAF", 2, 2, {1, 1}, {R, R}},
        {"overlong 2-byte C1", "\xC1\xBF", 2, 2, {1, 1}, {R, R}},
        {"overlong 3-byte", "\xE0\x80\xAF", 3, 3, {1, 1, 1}, {R, R, R}},
        {"overlong 3-byte max", "\xE0\x9F\xBF", 3, 3, {1, 1, 1}, {R, R, R}},
        {"overlong 4-byte", "\xF0\x80\x80\xAF", 4, 4, {1, 1, 1, 1}, {R, R, R, R}},
        {"overlong 4-byte max", "\xF0\x8F\xBF\xBF", 4, 4, {1, 1, 1, 1}, {R, R, R, R}},
        {"surrogate D800", "\xED\xA0\x80", 3, 3, {1, 1, 1}, {R, R, R}},
        {"surrogate DFFF", "\xED\xBF\xBF", 3, 3, {1, 1, 1}, {R, R, R}},
        {"surrogate pair", "\xED\xA0\xBD\xED\xB8\x80", 6, 6, {1, 1, 1, 1, 1, 1},
         {R, R, R, R, R, R}},
        {"above 10FFFF", "\xF4\x90\x80\x80", 4, 4, {1, 1, 1, 1}, {R, R, R, R}},
        {"F5 lead", "\xF5\x80\x80\x80", 4, 4, {1, 1, 1, 1}, {R, R, R, R}},
        {"FE FF", "\xFE\xFF", 2, 2, {1, 1}, {R, R}},
        {"5-byte form", "\xF8\x88\x80\x80\x80", 5, 5, {1, 1, 1, 1, 1}, {R, R, R, R, R}},
        {"truncated 2 at end", "a\xC3", 2, 2, {1, 1}, {'a', R}},
        {"truncated 3 at end", "\xE2\x82", 2, 1, {2}, {R}},
        {"truncated 4 at end", "\xF0\x9F\x98", 3, 1, {3}, {R}},
        {"truncated 4 then ascii", "\xF0\x9F\x98!", 4, 2, {3, 1}, {R, '!'}},
        {"truncated 3 then ascii", "\xE2\x82" "A", 3, 2, {2, 1}, {R, 'A'}},
        {"truncated 2 then lead", "\xC3\xC3\xA5", 3, 2, {1, 2}, {R, 0xE5}},
        {"truncated then emoji", "\xF0\x9F\xF0\x9F\x98\x80", 6, 2, {2, 4}, {R, 0x1F600}},
        /* Unicode 15, Table 3-8: U+FFFD for maximal subparts. */
        {"table 3-8", "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13, 10,
         {1, 3, 2, 1, 1, 1, 1, 1, 1, 1},
         {'a', R, R, R, 'b', R, 'c', R, R, 'd'}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const struct bad_case *bc = &cases[c];
        uint32_t cps[16];
        size_t sizes[16];
        size_t n = decode_all(bc->s, bc->len, cps, sizes, 16);
        if (n != bc->nparts)
            fail_msg("%s: %zu parts, expected %zu", bc->name, n, bc->nparts);
        for (size_t i = 0; i < n; i++) {
            if (sizes[i] != bc->sizes[i] || cps[i] != bc->cps[i])
                fail_msg("%s: part %zu is (%zu, U+%04" PRIX32 "), expected (%zu, U+%04" PRIX32
                         ")",
                         bc->name, i, sizes[i], cps[i], bc->sizes[i], bc->cps[i]);
        }
        if (sd_utf8_valid(bc->s, bc->len))
            fail_msg("%s: accepted as valid", bc->name);

        /* Sanitizing gives one U+FFFD per invalid part and valid output. */
        sd_buf b = SD_BUF_INIT;
        assert_int_equal(sd_utf8_sanitize(&b, bc->s, bc->len), SD_OK);
        assert_true(sd_utf8_valid(b.data, b.len));
        sd_buf want = SD_BUF_INIT;
        for (size_t i = 0; i < n; i++)
            sd_utf8_encode(&want, cps[i]);
        assert_int_equal(b.len, want.len);
        assert_memory_equal(b.data, want.data, b.len);
        sd_buf_free(&want);
        sd_buf_free(&b);
    }
}

static void test_utf8_decode_never_overreads(void **state)
{
    (void)state;
    /* Every lead byte with too few bytes available: the decoder must stay within len. */
    for (int lead = 0; lead < 256; lead++) {
        for (size_t avail = 1; avail <= 3; avail++) {
            char *p = malloc(avail); /* ASan catches reads past the end */
            assert_non_null(p);
            p[0] = (char)lead;
            for (size_t i = 1; i < avail; i++)
                p[i] = (char)0x90;
            uint32_t cp;
            size_t n = sd_utf8_decode(p, avail, &cp);
            assert_true(n >= 1 && n <= avail);
            free(p);
        }
    }
}

static void test_utf8_encode_roundtrip_all(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        sd_buf_reset(&b);
        assert_int_equal(sd_utf8_encode(&b, cp), SD_OK);
        size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        assert_int_equal(b.len, want);
        uint32_t got = 0;
        assert_int_equal(sd_utf8_decode(b.data, b.len, &got), want);
        assert_int_equal(got, cp);
        assert_true(sd_utf8_valid(b.data, b.len));
    }
    /* Code points with no UTF-8 form are written as U+FFFD. */
    static const uint32_t bad[] = {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, 0xFFFFFFFF};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sd_buf_reset(&b);
        assert_int_equal(sd_utf8_encode(&b, bad[i]), SD_OK);
        assert_int_equal(b.len, 3);
        assert_memory_equal(b.data, "\xEF\xBF\xBD", 3);
    }
    sd_buf_free(&b);
}

static void test_utf8_sanitize(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    /* Valid input passes through unchanged, NUL bytes included. */
    const char valid[] = "Storm \xC3\xA5\xC3\xA4\xC3\xB6\0 \xF0\x9F\x8C\xA9 \xE2\x80\xA8 end";
    assert_int_equal(sd_utf8_sanitize(&b, valid, sizeof valid - 1), SD_OK);
    assert_int_equal(b.len, sizeof valid - 1);
    assert_memory_equal(b.data, valid, sizeof valid - 1);
    /* Appends rather than replaces. */
    assert_int_equal(sd_utf8_sanitize(&b, "x\xFFy", 3), SD_OK);
    assert_int_equal(b.len, sizeof valid - 1 + 5);
    assert_memory_equal(b.data + sizeof valid - 1, "x\xEF\xBF\xBDy", 6);
    /* Empty input into an empty buffer leaves a usable empty string. */
    sd_buf e = SD_BUF_INIT;
    assert_int_equal(sd_utf8_sanitize(&e, NULL, 0), SD_OK);
    assert_string_equal(sd_buf_str(&e), "");
    assert_int_equal(sd_utf8_sanitize(&e, "", 0), SD_OK);
    assert_string_equal(sd_buf_str(&e), "");
    sd_buf_free(&e);
    sd_buf_free(&b);
}

static void test_utf8_sanitize_always_valid(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    /* Every two-byte input. */
    for (int i = 0; i < 65536; i++) {
        char s[2] = {(char)(i >> 8), (char)(i & 0xFF)};
        sd_buf_reset(&b);
        assert_int_equal(sd_utf8_sanitize(&b, s, 2), SD_OK);
        assert_true(sd_utf8_valid(b.data, b.len));
        if (sd_utf8_valid(s, 2)) {
            assert_int_equal(b.len, 2);
            assert_memory_equal(b.data, s, 2);
        }
    }
    /* Random inputs, biased towards the bytes that matter. */
    static const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                                0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                                0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4,
                                                0xF5, 0xFF};
    uint64_t rng = 0x9E3779B97F4A7C15ULL;
    char s[24];
    for (int iter = 0; iter < 200000; iter++) {
        size_t len = (size_t)(rng_next(&rng) % sizeof s);
        for (size_t i = 0; i < len; i++) {
            uint64_t r = rng_next(&rng);
            s[i] = (r & 1) ? (char)interesting[(r >> 1) % sizeof interesting]
                           : (char)(r >> 8);
        }
        sd_buf_reset(&b);
        assert_int_equal(sd_utf8_sanitize(&b, s, len), SD_OK);
        assert_true(sd_utf8_valid(b.data, b.len));
        if (sd_utf8_valid(s, len)) {
            assert_int_equal(b.len, len);
            assert_memory_equal(b.data, s, len);
        } else {
            assert_true(contains(b.data, b.len, "\xEF\xBF\xBD", 3));
        }
        /* Sanitizing is idempotent. */
        sd_buf again = SD_BUF_INIT;
        sd_utf8_sanitize(&again, b.data, b.len);
        assert_int_equal(again.len, b.len);
        assert_memory_equal(again.data, b.data, b.len);
        sd_buf_free(&again);
    }
    sd_buf_free(&b);
}

/* ---------------------------------------------------------------- jsonw */

static void test_jsonw_compact_layout(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_object_begin(&w);
    sd_jsonw_kint(&w, "a", 1);
    sd_jsonw_key(&w, "b");
    sd_jsonw_array_begin(&w);
    sd_jsonw_int(&w, 1);
    sd_jsonw_int(&w, 2);
    sd_jsonw_array_end(&w);
    sd_jsonw_object_end(&w);
    assert_true(sd_jsonw_ok(&w));
    assert_string_equal(sd_buf_str(&b), "{\"a\":1,\"b\":[1,2]}");

    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_object_begin(&w);
    sd_jsonw_key(&w, "o");
    sd_jsonw_object_begin(&w);
    sd_jsonw_object_end(&w);
    sd_jsonw_key(&w, "e");
    sd_jsonw_array_begin(&w);
    sd_jsonw_array_end(&w);
    sd_jsonw_kstring(&w, "s", "x");
    sd_jsonw_kbool(&w, "t", true);
    sd_jsonw_kbool(&w, "f", false);
    sd_jsonw_key(&w, "n");
    sd_jsonw_null(&w);
    sd_jsonw_key(&w, "sn");
    sd_jsonw_string(&w, NULL);
    sd_jsonw_kdouble(&w, "d", 0.5);
    sd_jsonw_key(&w, "r");
    sd_jsonw_raw(&w, "{\"pre\":[true]}");
    sd_jsonw_key(&w, "aa");
    sd_jsonw_array_begin(&w);
    sd_jsonw_array_begin(&w);
    sd_jsonw_array_end(&w);
    sd_jsonw_object_begin(&w);
    sd_jsonw_object_end(&w);
    sd_jsonw_raw(&w, "7");
    sd_jsonw_array_end(&w);
    sd_jsonw_object_end(&w);
    assert_true(sd_jsonw_ok(&w));
    assert_string_equal(sd_buf_str(&b),
                        "{\"o\":{},\"e\":[],\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,"
                        "\"sn\":null,\"d\":0.5,\"r\":{\"pre\":[true]},\"aa\":[[],{},7]}");
    cJSON *j = parse_all(sd_buf_str(&b));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "r"), "pre")->child));
    cJSON_Delete(j);
    sd_buf_free(&b);
}

static void test_jsonw_pretty_layout(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &b, true);
    sd_jsonw_object_begin(&w);
    sd_jsonw_kint(&w, "a", 1);
    sd_jsonw_key(&w, "b");
    sd_jsonw_array_begin(&w);
    sd_jsonw_int(&w, 1);
    sd_jsonw_object_begin(&w);
    sd_jsonw_kstring(&w, "k", "v");
    sd_jsonw_object_end(&w);
    sd_jsonw_array_end(&w);
    sd_jsonw_key(&w, "empty_o");
    sd_jsonw_object_begin(&w);
    sd_jsonw_object_end(&w);
    sd_jsonw_key(&w, "empty_a");
    sd_jsonw_array_begin(&w);
    sd_jsonw_array_end(&w);
    sd_jsonw_object_end(&w);
    assert_true(sd_jsonw_ok(&w));
    assert_string_equal(sd_buf_str(&b), "{\n"
                                        "  \"a\": 1,\n"
                                        "  \"b\": [\n"
                                        "    1,\n"
                                        "    {\n"
                                        "      \"k\": \"v\"\n"
                                        "    }\n"
                                        "  ],\n"
                                        "  \"empty_o\": {},\n"
                                        "  \"empty_a\": []\n"
                                        "}");
    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, true);
    sd_jsonw_array_begin(&w);
    sd_jsonw_array_end(&w);
    assert_string_equal(sd_buf_str(&b), "[]");
    sd_buf_free(&b);
}

/* Writes the same document compact and pretty; both must parse to equal trees. */
static void write_sample(sd_jsonw *w)
{
    sd_jsonw_object_begin(w);
    sd_jsonw_kstring(w, "name", "Stormdrill_\xC3\xB6vning");
    sd_jsonw_key(w, "items");
    sd_jsonw_array_begin(w);
    for (int i = 0; i < 5; i++) {
        sd_jsonw_object_begin(w);
        sd_jsonw_kint(w, "i", i);
        sd_jsonw_kdouble(w, "x", i / 3.0);
        sd_jsonw_key(w, "tags");
        sd_jsonw_array_begin(w);
        for (int k = 0; k < i; k++)
            sd_jsonw_string(w, "t");
        sd_jsonw_array_end(w);
        sd_jsonw_object_end(w);
    }
    sd_jsonw_array_end(w);
    sd_jsonw_kbool(w, "done", true);
    sd_jsonw_object_end(w);
}

static void test_jsonw_pretty_equals_compact(void **state)
{
    (void)state;
    sd_buf c = SD_BUF_INIT, p = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &c, false);
    write_sample(&w);
    assert_true(sd_jsonw_ok(&w));
    sd_jsonw_init(&w, &p, true);
    write_sample(&w);
    assert_true(sd_jsonw_ok(&w));
    assert_null(strchr(sd_buf_str(&c), ' ')); /* compact: no spaces at all */
    assert_null(strchr(sd_buf_str(&c), '\n'));
    cJSON *jc = parse_all(sd_buf_str(&c));
    cJSON *jp = parse_all(sd_buf_str(&p));
    assert_true(cJSON_Compare(jc, jp, true));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(jc, "items")), 5);
    /* Pretty output has one element per line: no line holds two values. */
    assert_null(strstr(sd_buf_str(&p), ",\""));
    assert_null(strstr(sd_buf_str(&p), "\"t\",\"t\""));
    cJSON_Delete(jc);
    cJSON_Delete(jp);
    sd_buf_free(&c);
    sd_buf_free(&p);
}

static void test_jsonw_string_escapes(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_string(&w, "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f");
    assert_string_equal(sd_buf_str(&b), "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\"");

    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_string(&w, "a\xE2\x80\xA8" "b\xE2\x80\xA9" "c");
    assert_string_equal(sd_buf_str(&b), "\"a\\u2028b\\u2029c\"");

    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_string_n(&w, "a\0b", 3);
    assert_string_equal(sd_buf_str(&b), "\"a\\u0000b\"");

    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_string(&w, "\xC3\xA5\xF0\x9F\x98\x80"); /* raw, not escaped */
    assert_string_equal(sd_buf_str(&b), "\"\xC3\xA5\xF0\x9F\x98\x80\"");

    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_string(&w, "x\xC0\xAFy\xED\xA0\x80z\xF0\x9F"); /* invalid parts replaced */
    assert_string_equal(sd_buf_str(&b), "\"x\xEF\xBF\xBD\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD"
                                        "\xEF\xBF\xBDz\xEF\xBF\xBD\"");

    /* Every control character gets an escape. */
    for (int c = 1; c < 0x20; c++) {
        char s[2] = {(char)c, 0};
        sd_buf_reset(&b);
        sd_jsonw_init(&w, &b, false);
        sd_jsonw_string(&w, s);
        for (size_t i = 0; i < b.len; i++)
            assert_true((unsigned char)b.data[i] >= 0x20);
    }
    /* Keys are escaped the same way. */
    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_object_begin(&w);
    sd_jsonw_kint(&w, "k\"\n\xFF", 1);
    sd_jsonw_object_end(&w);
    assert_string_equal(sd_buf_str(&b), "{\"k\\\"\\n\xEF\xBF\xBD\":1}");
    sd_buf_free(&b);
}

static void test_jsonw_strings_roundtrip(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *out; /* NULL: same as in */
    } cases[] = {
        {"", NULL},
        {"plain ascii", NULL},
        {"\xC3\xA5\xC3\xA4\xC3\xB6 \xC3\x85\xC3\x84\xC3\x96", NULL},
        {"storm \xF0\x9F\x8C\xA9\xEF\xB8\x8F and \xF0\x9F\x98\x80", NULL},
        {"say \"hi\" \\ back\\slash", NULL},
        {"line1\nline2\r\nline3", NULL},
        {"tab\there\bback\fform", NULL},
        {"ctl \x01\x02\x1b\x1f\x7f end", NULL},
        {"seps \xE2\x80\xA8 and \xE2\x80\xA9", NULL},
        {"already \xEF\xBF\xBD", NULL},
        {"bad \xFF byte", "bad \xEF\xBF\xBD byte"},
        {"overlong \xC0\x80", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
        {"surrogate \xED\xB2\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"truncated \xE2\x82", "truncated \xEF\xBF\xBD"},
        {"big \xF4\x90\x80\x80", "big \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"\xF0\x9F\x98", "\xEF\xBF\xBD"},
    };
    sd_buf b = SD_BUF_INIT;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *root = NULL;
        const char *got = roundtrip_string(&b, &root, cases[i].in, strlen(cases[i].in));
        assert_string_equal(got, cases[i].out ? cases[i].out : cases[i].in);
        cJSON_Delete(root);
    }
    /* Embedded NUL: escaped as \u0000; cJSON stops the C string there. */
    cJSON *root = NULL;
    const char *got = roundtrip_string(&b, &root, "ab\0cd", 5);
    assert_non_null(strstr(sd_buf_str(&b), "ab\\u0000cd"));
    assert_int_equal(got[0], 'a');
    assert_int_equal(got[1], 'b');
    cJSON_Delete(root);
    /* Random bytes: always parseable, always valid UTF-8 output. */
    uint64_t rng = 12345;
    char s[40];
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = (size_t)(rng_next(&rng) % sizeof s);
        for (size_t k = 0; k < len; k++)
            s[k] = (char)(rng_next(&rng) >> 24);
        got = roundtrip_string(&b, &root, s, len);
        if (memchr(s, 0, len) == NULL) {
            sd_buf want = SD_BUF_INIT;
            sd_utf8_sanitize(&want, s, len);
            assert_string_equal(got, sd_buf_str(&want));
            sd_buf_free(&want);
        }
        cJSON_Delete(root);
    }
    sd_buf_free(&b);
}

static void test_jsonw_integers(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_array_begin(&w);
    sd_jsonw_int(&w, 0);
    sd_jsonw_int(&w, -1);
    sd_jsonw_int(&w, 42);
    sd_jsonw_int(&w, INT64_MAX);
    sd_jsonw_int(&w, INT64_MIN);
    sd_jsonw_int(&w, (int64_t)1 << 53);
    sd_jsonw_array_end(&w);
    assert_true(sd_jsonw_ok(&w));
    assert_string_equal(sd_buf_str(&b), "[0,-1,42,9223372036854775807,-9223372036854775808,"
                                        "9007199254740992]");
    cJSON *j = parse_all(sd_buf_str(&b));
    assert_int_equal(cJSON_GetArraySize(j), 6);
    assert_true(cJSON_GetArrayItem(j, 2)->valuedouble == 42.0);
    assert_true(cJSON_GetArrayItem(j, 5)->valuedouble == 9007199254740992.0);
    cJSON_Delete(j);
    sd_buf_free(&b);
}

static void test_jsonw_doubles(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    assert_string_equal(double_text(&b, 3.0), "3");
    assert_string_equal(double_text(&b, -42.0), "-42");
    assert_string_equal(double_text(&b, 0.0), "0");
    assert_string_equal(double_text(&b, 0.1), "0.1");
    assert_string_equal(double_text(&b, -0.5), "-0.5");
    assert_string_equal(double_text(&b, 1e300), "1e+300");
    assert_string_equal(double_text(&b, 9007199254740992.0), "9007199254740992");
    assert_string_equal(double_text(&b, 1.0 / 3.0), "0.3333333333333333");
    assert_string_equal(double_text(&b, 0.1 + 0.2), "0.30000000000000004");
    assert_string_equal(double_text(&b, NAN), "null");
    assert_string_equal(double_text(&b, INFINITY), "null");
    assert_string_equal(double_text(&b, -INFINITY), "null");

    static const double values[] = {0.1,     1e300,   -0.5,    1.0 / 3.0, 2.0 / 3.0, 0.1 + 0.2,
                                    1e-7,    123.456, -1e-300, 5e-324,    DBL_MIN,   DBL_MAX,
                                    -DBL_MAX, 1e22,   1e23,    3.0,       -0.0,      1.5e16,
                                    4503599627370496.5, 9007199254740993.0, 2.5e-5, 100.0};
    sd_jsonw w;
    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_array_begin(&w);
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        sd_jsonw_double(&w, values[i]);
    sd_jsonw_double(&w, NAN);
    sd_jsonw_array_end(&w);
    assert_true(sd_jsonw_ok(&w));
    cJSON *j = parse_all(sd_buf_str(&b));
    size_t n = sizeof values / sizeof values[0];
    assert_int_equal(cJSON_GetArraySize(j), (int)n + 1);
    for (size_t i = 0; i < n; i++) {
        cJSON *item = cJSON_GetArrayItem(j, (int)i);
        assert_true(cJSON_IsNumber(item));
        if (memcmp(&item->valuedouble, &values[i], sizeof(double)) != 0)
            fail_msg("value %zu: wrote %.17g, read back %.17g", i, values[i],
                     item->valuedouble);
    }
    assert_true(cJSON_IsNull(cJSON_GetArrayItem(j, (int)n)));
    cJSON_Delete(j);

    /* Random bit patterns: every finite double reads back exactly and briefly. */
    uint64_t rng = 777;
    for (int iter = 0; iter < 100000; iter++) {
        uint64_t bits = rng_next(&rng);
        double v;
        memcpy(&v, &bits, sizeof v);
        if (!isfinite(v))
            continue;
        const char *t = double_text(&b, v);
        char *end = NULL;
        double back = strtod(t, &end);
        assert_int_equal(*end, '\0');
        if (memcmp(&back, &v, sizeof v) != 0)
            fail_msg("%.17g written as %s", v, t);
        assert_true(strlen(t) <= 24);
    }
    sd_buf_free(&b);
}

static void test_jsonw_depth_limit(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    /* Exactly SD_JSONW_MAX_DEPTH levels are fine. */
    sd_jsonw_init(&w, &b, false);
    for (int i = 0; i < SD_JSONW_MAX_DEPTH; i++)
        sd_jsonw_array_begin(&w);
    sd_jsonw_int(&w, 1);
    for (int i = 0; i < SD_JSONW_MAX_DEPTH; i++)
        sd_jsonw_array_end(&w);
    assert_true(sd_jsonw_ok(&w));
    cJSON *j = parse_all(sd_buf_str(&b));
    cJSON_Delete(j);

    /* One more level breaks the writer; nothing more is written. */
    for (int pretty = 0; pretty <= 1; pretty++) {
        sd_buf_reset(&b);
        sd_jsonw_init(&w, &b, pretty != 0);
        sd_jsonw_object_begin(&w);
        for (int i = 1; i < SD_JSONW_MAX_DEPTH; i++) {
            sd_jsonw_key(&w, "k");
            sd_jsonw_object_begin(&w);
        }
        assert_true(sd_jsonw_ok(&w));
        sd_jsonw_key(&w, "deep");
        size_t len = b.len;
        sd_jsonw_array_begin(&w);
        assert_false(sd_jsonw_ok(&w));
        assert_int_equal(b.len, len);
        sd_jsonw_int(&w, 1);
        sd_jsonw_array_end(&w);
        sd_jsonw_kstring(&w, "x", "y");
        for (int i = 0; i < SD_JSONW_MAX_DEPTH + 5; i++)
            sd_jsonw_object_end(&w);
        sd_jsonw_raw(&w, "1");
        assert_false(sd_jsonw_ok(&w));
        assert_int_equal(b.len, len);
    }
    sd_buf_free(&b);
}

static void test_jsonw_misuse(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    /* Closing more than was opened. */
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_array_begin(&w);
    sd_jsonw_array_end(&w);
    sd_jsonw_array_end(&w);
    assert_false(sd_jsonw_ok(&w));
    assert_string_equal(sd_buf_str(&b), "[]");
    /* A key at the top level. */
    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_key(&w, "k");
    assert_false(sd_jsonw_ok(&w));
    assert_string_equal(sd_buf_str(&b), "");
    /* Two keys in a row, and a key left without a value. */
    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_object_begin(&w);
    sd_jsonw_key(&w, "a");
    sd_jsonw_key(&w, "b");
    assert_false(sd_jsonw_ok(&w));
    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_object_begin(&w);
    sd_jsonw_key(&w, "a");
    sd_jsonw_object_end(&w);
    assert_false(sd_jsonw_ok(&w));
    /* A NULL key. */
    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_object_begin(&w);
    sd_jsonw_kint(&w, NULL, 1);
    assert_false(sd_jsonw_ok(&w));
    assert_string_equal(sd_buf_str(&b), "{");
    /* An allocation failure in the buffer shows through. */
    sd_buf_reset(&b);
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_array_begin(&w);
    assert_true(sd_jsonw_ok(&w));
    sd_buf_reserve(&b, SIZE_MAX);
    assert_false(sd_jsonw_ok(&w));
    sd_jsonw_int(&w, 1);
    assert_string_equal(sd_buf_str(&b), "[");
    sd_buf_free(&b);
}

static void test_jsonw_top_level_values(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_int(&w, 1);
    sd_jsonw_string(&w, "two");
    sd_jsonw_object_begin(&w);
    sd_jsonw_kint(&w, "n", 3);
    sd_jsonw_object_end(&w);
    sd_buf_putc(&b, '\n'); /* a caller ending lines itself gets no blank line */
    sd_jsonw_null(&w);
    assert_true(sd_jsonw_ok(&w));
    assert_string_equal(sd_buf_str(&b), "1\n\"two\"\n{\"n\":3}\nnull");

    /* Writing into a buffer that already holds text appends to it. */
    sd_buf_reset(&b);
    sd_buf_puts(&b, "prefix ");
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_bool(&w, false);
    assert_string_equal(sd_buf_str(&b), "prefix false");
    sd_buf_free(&b);
}

static void test_jsonw_large_array(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_array_begin(&w);
    for (int i = 0; i < 100000; i++) {
        sd_jsonw_object_begin(&w);
        sd_jsonw_kint(&w, "i", i);
        sd_jsonw_kstring(&w, "s", (i % 2) ? "\xC3\xA4" : "a\"b");
        sd_jsonw_object_end(&w);
    }
    sd_jsonw_array_end(&w);
    assert_true(sd_jsonw_ok(&w));
    cJSON *j = parse_all(sd_buf_str(&b));
    assert_int_equal(cJSON_GetArraySize(j), 100000);
    int i = 0;
    cJSON *item;
    cJSON_ArrayForEach(item, j)
    {
        assert_int_equal(cJSON_GetObjectItem(item, "i")->valueint, i);
        assert_string_equal(cJSON_GetObjectItem(item, "s")->valuestring,
                            (i % 2) ? "\xC3\xA4" : "a\"b");
        i++;
    }
    cJSON_Delete(j);
    sd_buf_free(&b);
}

/* ---------------------------------------------------------------- termtext */

/* s[0..len) escaped with flags, as a string the caller frees. */
static char *escaped(const char *s, size_t len, unsigned flags)
{
    sd_buf b = SD_BUF_INIT;
    assert_int_equal(sd_term_escape(&b, s, len, flags), SD_OK);
    char *out = sd_buf_take(&b);
    return out ? out : strdup("");
}

static void test_term_escape_table(void **state)
{
    (void)state;
    static const struct {
        const char *what, *in;
        size_t len; /* 0: strlen(in) */
        unsigned flags;
        const char *want;
    } cases[] = {
        {"ESC: terminal title, clear screen", "\x1b]0;pwned\x07\x1b[2Jok", 0, 0,
         "\\x1b]0;pwned\\x07\\x1b[2Jok"},
        {"BEL", "a\x07" "b", 0, 0, "a\\x07b"},
        {"CR that would overwrite the line", "bad\rok", 0, 0, "bad\\rok"},
        {"newline in a one-line text", "a\nstormdrill: ok", 0, 0, "a\\nstormdrill: ok"},
        {"newline in a multi-line text", "a\nb\n", 0, SD_TERM_LINES, "a\nb\n"},
        {"CR in a multi-line text", "a\r\nb", 0, SD_TERM_LINES, "a\\r\nb"},
        {"tab kept", "a\tb", 0, 0, "a\tb"},
        {"NUL byte inside", "a\0b", 3, 0, "a\\x00b"},
        {"backspace, vertical tab, form feed", "\x08\x0b\x0c", 0, 0, "\\x08\\x0b\\x0c"},
        {"unit separator", "\x1f", 0, 0, "\\x1f"},
        {"DEL", "x\x7fy", 0, 0, "x\\x7fy"},
        {"C1 CSI as UTF-8", "\xc2\x9b" "2J", 0, 0, "\\u009b2J"},
        {"C1 first and last", "\xc2\x80\xc2\x9f", 0, 0, "\\u0080\\u009f"},
        {"NEL as UTF-8", "a\xc2\x85" "b", 0, 0, "a\\u0085b"},
        {"raw C1 byte, not UTF-8", "a\x9b" "2J", 0, 0, "a\\x9b2J"},
        {"lone continuation bytes", "\x80\xbf", 0, 0, "\\x80\\xbf"},
        {"overlong slash", "\xc0\xaf", 0, 0, "\\xc0\\xaf"},
        {"truncated sequence at the end", "x\xe2\x82", 0, 0, "x\\xe2\\x82"},
        {"truncated sequence before ASCII", "\xe2\x82x", 0, 0, "\\xe2\\x82x"},
        {"surrogate", "\xed\xa0\x80", 0, 0, "\\xed\\xa0\\x80"},
        {"above U+10FFFF", "\xf4\x90\x80\x80", 0, 0, "\\xf4\\x90\\x80\\x80"},
        {"F5..FF never appear", "\xf5\xff", 0, 0, "\\xf5\\xff"},
        {"RLO", "abc\xe2\x80\xae" "fdp.exe", 0, 0, "abc\\u202efdp.exe"},
        {"LRE PDF", "\xe2\x80\xaa" "x\xe2\x80\xac", 0, 0, "\\u202ax\\u202c"},
        {"LRI RLI FSI PDI", "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", 0, 0,
         "\\u2066\\u2067\\u2068\\u2069"},
        {"LRM RLM ALM", "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", 0, 0, "\\u200e\\u200f\\u061c"},
        {"line and paragraph separators", "a\xe2\x80\xa8" "b\xe2\x80\xa9", 0, 0,
         "a\\u2028b\\u2029"},
        {"next to the bidi controls: kept", "\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa", 0,
         0, "\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa"},
        {"no-break space: kept", "a\xc2\xa0" "b", 0, 0, "a\xc2\xa0" "b"},
        {"Swedish text unchanged", "Åsa Öberg: är det så här? ÄÖÅ åäö é", 0, 0,
         "Åsa Öberg: är det så här? ÄÖÅ åäö é"},
        {"emoji unchanged", "storm \xf0\x9f\x8c\xa9\xef\xb8\x8f \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", 0, 0,
         "storm \xf0\x9f\x8c\xa9\xef\xb8\x8f \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"},
        {"other scripts unchanged", "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xe6\x97\xa5\xe6\x9c\xac", 0, 0,
         "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xe6\x97\xa5\xe6\x9c\xac"},
        {"a real U+FFFD unchanged", "\xef\xbf\xbd", 0, 0, "\xef\xbf\xbd"},
        {"backslash unchanged", "C:\\x1b", 0, 0, "C:\\x1b"},
        {"empty", "", 0, 0, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].in);
        char *got = escaped(cases[i].in, len, cases[i].flags);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("%s: got '%s', want '%s'", cases[i].what, got, cases[i].want);
        free(got);
    }
}

/* Every C0 control but tab, and DEL, becomes \xHH (\n and \r are named). */
static void test_term_escape_every_control(void **state)
{
    (void)state;
    for (int c = 0; c < 0x80; c++) {
        char in[3] = {'a', (char)c, 'b'};
        char *got = escaped(in, 3, 0);
        char want[16];
        if (c == '\t' || (c >= 0x20 && c < 0x7f))
            snprintf(want, sizeof want, "a%cb", c);
        else if (c == '\n')
            snprintf(want, sizeof want, "a\\nb");
        else if (c == '\r')
            snprintf(want, sizeof want, "a\\rb");
        else
            snprintf(want, sizeof want, "a\\x%02xb", c);
        if (strcmp(got, want) != 0)
            fail_msg("byte 0x%02x: got '%s', want '%s'", c, got, want);
        free(got);
    }
    /* Every C1 code point as UTF-8, and every byte 0x80..0xFF alone. */
    for (int c = 0x80; c < 0x100; c++) {
        char in[2] = {(char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 0x3F))};
        char *got = escaped(in, 2, 0);
        char want[16];
        if (c < 0xA0)
            snprintf(want, sizeof want, "\\u%04x", c);
        else
            snprintf(want, sizeof want, "%c%c", in[0], in[1]);
        if (strcmp(got, want) != 0)
            fail_msg("U+%04X: got '%s', want '%s'", c, got, want);
        free(got);
        char raw = (char)c;
        got = escaped(&raw, 1, 0);
        snprintf(want, sizeof want, "\\x%02x", c);
        if (strcmp(got, want) != 0)
            fail_msg("lone byte 0x%02x: got '%s', want '%s'", c, got, want);
        free(got);
    }
}

/* Random bytes: what comes out is valid UTF-8 with no control byte but tab (and newline
 * with SD_TERM_LINES) and no C1 or bidi control; valid text without controls is unchanged. */
static void test_term_escape_random(void **state)
{
    (void)state;
    uint64_t rng = 0x5eed;
    char in[64];
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(rng_next(&rng) % sizeof in);
        for (size_t i = 0; i < len; i++) {
            uint64_t r = rng_next(&rng);
            /* Mostly bytes that make sequences, so that the rare ones are reached. */
            static const unsigned char pick[] = {0x1b, 0x07, '\r', '\n', 0x7f, 0xc2, 0x9b,
                                                 0xe2, 0x80, 0xae, 0x81, 0xa6, 0xd8, 0x9c,
                                                 0xf0, 0x9f, 'a', 0xc3, 0xa5};
            in[i] = (char)(r % 3 == 0 ? (unsigned char)(r >> 8) : pick[(r >> 8) % sizeof pick]);
        }
        unsigned flags = round % 2 ? SD_TERM_LINES : 0;
        char *got = escaped(in, len, flags);
        size_t gl = strlen(got);
        assert_true(sd_utf8_valid(got, gl));
        for (size_t i = 0; i < gl;) {
            uint32_t cp;
            size_t n = sd_utf8_decode(got + i, gl - i, &cp);
            bool ok = cp == '\t' || (cp == '\n' && flags) || (cp >= 0x20 && cp != 0x7f);
            ok = ok && !(cp >= 0x80 && cp <= 0x9f) && cp != 0x061c && cp != 0x200e &&
                 cp != 0x200f && !(cp >= 0x2028 && cp <= 0x202e) &&
                 !(cp >= 0x2066 && cp <= 0x2069);
            if (!ok)
                fail_msg("round %d: U+%04X left in the output", round, (unsigned)cp);
            i += n;
        }
        /* The columns are the code points of the output. */
        size_t cols = 0;
        for (size_t i = 0; i < gl; i++)
            cols += ((unsigned char)got[i] & 0xC0) != 0x80;
        assert_int_equal(sd_term_columns(in, len, flags), cols);
        free(got);
    }
}

static void test_term_columns(void **state)
{
    (void)state;
    assert_int_equal(sd_term_columns("åäö", strlen("åäö"), 0), 3);
    assert_int_equal(sd_term_columns("\x1b", 1, 0), 4);
    assert_int_equal(sd_term_columns("\xe2\x80\xae", 3, 0), 6);
    assert_int_equal(sd_term_columns("a\nb", 3, 0), 4);
    assert_int_equal(sd_term_columns("a\nb", 3, SD_TERM_LINES), 3);
    assert_int_equal(sd_term_columns("", 0, 0), 0);
}

/* What sd_term_printf writes, as a string the caller frees. */
static char *term_printed(const char *fmt, ...)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    assert_non_null(f);
    va_list ap;
    va_start(ap, fmt);
    int n = sd_term_vprintf(f, fmt, ap);
    va_end(ap);
    assert_int_equal(fclose(f), 0);
    assert_int_equal((size_t)n, size);
    return text;
}

#define EXPECT_PRINTED(want, ...)                                                            \
    do {                                                                                     \
        char *got_ = term_printed(__VA_ARGS__);                                              \
        if (strcmp(got_, want) != 0)                                                         \
            fail_msg("%s: got '%s', want '%s'", #__VA_ARGS__, got_, want);                   \
        free(got_);                                                                          \
    } while (0)

static void test_term_printf(void **state)
{
    (void)state;
    /* The format's own text is the program's; arguments are escaped, newlines too. */
    EXPECT_PRINTED("stormdrill run: \\x1b]0;x\\x07 failed\n", "stormdrill run: %s failed\n",
                   "\x1b]0;x\x07");
    EXPECT_PRINTED("a\\nstormdrill: ok\n", "%s\n", "a\nstormdrill: ok");
    EXPECT_PRINTED("\\u202e|\\x9b", "%s|%s", "\xe2\x80\xae", "\x9b");
    EXPECT_PRINTED("(null)", "%s", (const char *)NULL);
    EXPECT_PRINTED("[\\x1b]", "[%c]", 0x1b);
    EXPECT_PRINTED("[x]", "[%c]", 'x');
    EXPECT_PRINTED("100%", "100%%");
    /* Widths count characters, not bytes; escapes are counted as shown. */
    EXPECT_PRINTED("[åä    ]", "[%-6s]", "åä");
    EXPECT_PRINTED("[     ö]", "[%6s]", "ö");
    EXPECT_PRINTED("[\\x1b  ]", "[%-6s]", "\x1b");
    EXPECT_PRINTED("[abcdefgh]", "[%-4s]", "abcdefgh");
    EXPECT_PRINTED("[   a|a   ]", "[%*s|%-*s]", 4, "a", 4, "a");
    EXPECT_PRINTED("[a   ]", "[%*s]", -4, "a");
    /* A precision takes bytes, cut on a UTF-8 boundary. */
    EXPECT_PRINTED("[å]", "[%.3s]", "åäö");
    EXPECT_PRINTED("[åä]", "[%.4s]", "åäö");
    EXPECT_PRINTED("[ab]", "[%.*s]", 2, "abc");
    EXPECT_PRINTED("[\\x1b]", "[%.1s]", "\x1b[2J");
    EXPECT_PRINTED("[2026-03-10 09:00]", "[%.10s %.5s]", "2026-03-10T09:00:00",
                   "09:00:00");
    /* Numbers as printf writes them. */
    char want[256];
    snprintf(want, sizeof want, "%zu %d %5.1f %lld %x %ld %u %-6zu| %+d %05d %e %g %p %hhu %jd",
             (size_t)42, -7, 3.14159, -123456789012LL, 0xbeefu, -5L, 4000000000u, (size_t)3, 9,
             42, 1e300, 0.5, (void *)want, (unsigned char)255, (intmax_t)-1);
    EXPECT_PRINTED(want, "%zu %d %5.1f %lld %x %ld %u %-6zu| %+d %05d %e %g %p %hhu %jd",
                   (size_t)42, -7, 3.14159, -123456789012LL, 0xbeefu, -5L, 4000000000u,
                   (size_t)3, 9, 42, 1e300, 0.5, (void *)want, (unsigned char)255,
                   (intmax_t)-1);
    /* A number longer than the small buffer. */
    snprintf(want, sizeof want, "%.200f", 1.0);
    EXPECT_PRINTED(want, "%.200f", 1.0);
}

static void test_text_cut_len(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t max, want;
    } cases[] = {
        {"abc", 5, 3},        {"abc", 3, 3},          {"abc", 2, 2},
        {"åäö", 3, 2},        {"åäö", 4, 4},          {"a\xe2\x82\xac", 2, 1},
        {"a\xe2\x82\xac", 3, 1}, {"a\xe2\x82\xac", 4, 4}, {"\xf0\x9f\x8c\xa9", 3, 0},
        {"\xf0\x9f\x8c\xa9x", 4, 4}, {"\x80\x80\x80\x80\x80", 3, 3}, {"", 0, 0},
        {"ab", 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t got = sd_text_cut_len(cases[i].s, strlen(cases[i].s), cases[i].max);
        if (got != cases[i].want)
            fail_msg("case %zu ('%s', max %zu): got %zu, want %zu", i, cases[i].s,
                     cases[i].max, got, cases[i].want);
    }
}

static void test_text_append_capped(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_buf_puts(&b, "f.lua:3: ");
    size_t total = b.len;
    assert_int_equal(sd_text_append_capped(&b, "abc", 3, 16, &total), SD_OK);
    assert_string_equal(sd_buf_str(&b), "f.lua:3: abc");
    /* "åä" does not fit whole in the 4 bytes left: å is kept, ä cut, not split. */
    assert_int_equal(sd_text_append_capped(&b, "\tåä", strlen("\tåä"), 16, &total), SD_OK);
    assert_string_equal(sd_buf_str(&b), "f.lua:3: abc\tå");
    /* Once cut, later pieces are only counted, even when they would fit. */
    assert_int_equal(sd_text_append_capped(&b, "x", 1, 16, &total), SD_OK);
    assert_string_equal(sd_buf_str(&b), "f.lua:3: abc\tå");
    assert_int_equal(total, strlen("f.lua:3: abc\tåäx"));
    assert_int_equal(sd_text_add_cut_note(&b, "print", total), SD_OK);
    assert_string_equal(sd_buf_str(&b), "f.lua:3: abc\tå \xe2\x80\xa6 (print cut: 18 bytes in all)");
    /* Nothing cut: no note. */
    sd_buf_reset(&b);
    total = 0;
    sd_text_append_capped(&b, "abc", 3, 3, &total);
    sd_text_add_cut_note(&b, "print", total);
    assert_string_equal(sd_buf_str(&b), "abc");
    /* The longest note fits its stated room. */
    char note[SD_TEXT_CUT_NOTE_MAX];
    size_t n = sd_text_cut_note(note, sizeof note, "0123456789", SIZE_MAX);
    assert_true(n < SD_TEXT_CUT_NOTE_MAX);
    assert_int_equal(n, strlen(note));
    assert_non_null(strstr(note, "18446744073709551615 bytes in all)"));
    sd_buf_free(&b);
}

/* ---------------------------------------------------------------- error */

static const char *ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0 ? s + a - b : NULL;
}

static void test_error_cap(void **state)
{
    (void)state;
    static const struct {
        const char *unit; /* repeated */
        size_t times;
        bool cut;
    } cases[] = {
        {"short", 1, false},
        {"a", SD_ERROR_MAX_BYTES, false},
        {"a", SD_ERROR_MAX_BYTES + 1, true},
        {"ä", SD_ERROR_MAX_BYTES / 2, false},
        {"ä", SD_ERROR_MAX_BYTES / 2 + 1, true},
        {"\xe2\x82\xac", 5000, true},
        {"\xf0\x9f\x8c\xa9", 3000, true},
        {"\x1b[2J", 10485760 / 4, true}, /* 10 MB */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t ul = strlen(cases[i].unit), full = ul * cases[i].times;
        char *text = malloc(full + 1);
        assert_non_null(text);
        for (size_t k = 0; k < cases[i].times; k++)
            memcpy(text + k * ul, cases[i].unit, ul);
        text[full] = '\0';
        sd_error e = SD_ERROR_INIT;
        assert_int_equal(sd_error_set(&e, SD_ERR_SCRIPT, "%s", text), SD_ERR_SCRIPT);
        assert_int_equal(e.status, SD_ERR_SCRIPT);
        const char *m = sd_error_msg(&e);
        assert_true(strlen(m) <= SD_ERROR_MAX_BYTES);
        assert_true(sd_utf8_valid(m, strlen(m)));
        char note[96];
        snprintf(note, sizeof note, " \xe2\x80\xa6 (message cut: %zu bytes in all)", full);
        const char *at = ends_with(m, note);
        if (cases[i].cut) {
            if (at == NULL)
                fail_msg("case %zu: no note at the end of '%.80s...'", i, m);
            assert_int_equal(e.full_len, full);
            /* The kept text is the start of the message, whole characters only. */
            size_t kept = (size_t)(at - m);
            assert_true(kept > SD_ERROR_MAX_BYTES - SD_TEXT_CUT_NOTE_MAX - 4);
            assert_int_equal(kept % ul, 0);
            assert_memory_equal(m, text, kept);
        } else {
            assert_string_equal(m, text);
            assert_int_equal(e.full_len, 0);
        }
        /* Set again from itself (as callers do with "%s; %s"): still bounded, no reuse of
         * freed memory. */
        sd_error_set(&e, SD_ERR_INPUT, "again: %s", sd_error_msg(&e));
        assert_true(strlen(sd_error_msg(&e)) <= SD_ERROR_MAX_BYTES);
        assert_true(strncmp(sd_error_msg(&e), "again: ", 7) == 0);
        sd_error_clear(&e);
        assert_null(e.msg);
        assert_int_equal(e.full_len, 0);
        free(text);
    }
}

static void test_error_prefix_cap(void **state)
{
    (void)state;
    sd_error e = SD_ERROR_INIT;
    sd_error_set(&e, SD_ERR_INPUT, "unknown id '%s'", "x");
    sd_error_prefix(&e, "%s:%d", "a.lua", 3);
    assert_string_equal(sd_error_msg(&e), "a.lua:3: unknown id 'x'");
    assert_int_equal(e.status, SD_ERR_INPUT);

    /* A cut message keeps its prefix (the file's name) and counts the whole length. */
    size_t big = 10u << 20;
    char *text = malloc(big + 1);
    assert_non_null(text);
    memset(text, 'z', big);
    text[big] = '\0';
    sd_error_set(&e, SD_ERR_SCRIPT, "%s", text);
    sd_error_prefix(&e, "%s", "scenarios/x.lua");
    const char *m = sd_error_msg(&e);
    assert_true(strlen(m) <= SD_ERROR_MAX_BYTES);
    assert_true(strncmp(m, "scenarios/x.lua: zzz", 20) == 0);
    char note[96];
    snprintf(note, sizeof note, " \xe2\x80\xa6 (message cut: %zu bytes in all)",
             big + strlen("scenarios/x.lua: "));
    assert_non_null(ends_with(m, note));
    assert_int_equal(e.status, SD_ERR_SCRIPT);

    /* A huge prefix on a short message. */
    sd_error_set(&e, SD_ERR_INPUT, "short");
    sd_error_prefix(&e, "%s", text);
    m = sd_error_msg(&e);
    assert_true(strlen(m) <= SD_ERROR_MAX_BYTES);
    snprintf(note, sizeof note, " \xe2\x80\xa6 (message cut: %zu bytes in all)", big + 7);
    assert_non_null(ends_with(m, note));

    /* Prefixed again and again: never past the limit, one note. */
    sd_error_set(&e, SD_ERR_INPUT, "%s", text);
    for (int i = 0; i < 2000; i++)
        sd_error_prefix(&e, "p%d", i);
    m = sd_error_msg(&e);
    assert_true(strlen(m) <= SD_ERROR_MAX_BYTES);
    assert_true(strncmp(m, "p1999: p1998: ", 14) == 0);
    assert_non_null(strstr(m, "(message cut: "));
    assert_null(strstr(strstr(m, "(message cut: ") + 1, "(message cut: "));

    /* Short prefixes on a short message that grows past the limit. */
    sd_error_set(&e, SD_ERR_INPUT, "start");
    for (int i = 0; i < 2000; i++)
        sd_error_prefix(&e, "file-%04d.lua", i);
    m = sd_error_msg(&e);
    assert_true(strlen(m) <= SD_ERROR_MAX_BYTES);
    assert_true(strncmp(m, "file-1999.lua: file-1998.lua: ", 30) == 0);
    snprintf(note, sizeof note, " \xe2\x80\xa6 (message cut: %zu bytes in all)",
             (size_t)5 + 2000 * strlen("file-0000.lua: "));
    assert_non_null(ends_with(m, note));
    sd_error_clear(&e);

    /* A prefix on no message at all, and on NULL. */
    sd_error_prefix(&e, "x");
    assert_string_equal(sd_error_msg(&e), "x: ");
    sd_error_clear(&e);
    sd_error_prefix(NULL, "x");
    assert_int_equal(sd_error_set(NULL, SD_ERR_INPUT, "%s", text), SD_ERR_INPUT);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_words),
        cmocka_unit_test(test_buf_empty),
        cmocka_unit_test(test_buf_append_kinds),
        cmocka_unit_test(test_buf_growth),
        cmocka_unit_test(test_buf_reset_take),
        cmocka_unit_test(test_buf_failure_sticky),
        cmocka_unit_test(test_sha256_vectors),
        cmocka_unit_test(test_sha256_million_a),
        cmocka_unit_test(test_sha256_padding_boundaries),
        cmocka_unit_test(test_sha256_pieces),
        cmocka_unit_test(test_utf8_valid_text),
        cmocka_unit_test(test_utf8_boundaries),
        cmocka_unit_test(test_utf8_invalid_classes),
        cmocka_unit_test(test_utf8_decode_never_overreads),
        cmocka_unit_test(test_utf8_encode_roundtrip_all),
        cmocka_unit_test(test_utf8_sanitize),
        cmocka_unit_test(test_utf8_sanitize_always_valid),
        cmocka_unit_test(test_jsonw_compact_layout),
        cmocka_unit_test(test_jsonw_pretty_layout),
        cmocka_unit_test(test_jsonw_pretty_equals_compact),
        cmocka_unit_test(test_jsonw_string_escapes),
        cmocka_unit_test(test_jsonw_strings_roundtrip),
        cmocka_unit_test(test_jsonw_integers),
        cmocka_unit_test(test_jsonw_doubles),
        cmocka_unit_test(test_jsonw_depth_limit),
        cmocka_unit_test(test_jsonw_misuse),
        cmocka_unit_test(test_jsonw_top_level_values),
        cmocka_unit_test(test_jsonw_large_array),
        cmocka_unit_test(test_term_escape_table),
        cmocka_unit_test(test_term_escape_every_control),
        cmocka_unit_test(test_term_escape_random),
        cmocka_unit_test(test_term_columns),
        cmocka_unit_test(test_term_printf),
        cmocka_unit_test(test_text_cut_len),
        cmocka_unit_test(test_text_append_capped),
        cmocka_unit_test(test_error_cap),
        cmocka_unit_test(test_error_prefix_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
