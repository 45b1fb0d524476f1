/* utf8.c - strict UTF-8 validation, decoding, encoding and repair (invalid input becomes
 * U+FFFD, one replacement per maximal invalid subpart as recommended by Unicode ch. 3). */
#include "utf8.h"

#include <string.h>

#define REPLACEMENT 0xFFFDu

/* The well-formed byte sequences (Unicode Table 3-7). For a lead byte, lead_info() gives the
 * sequence length and the allowed range of the second byte; all later bytes are 80..BF. */
static size_t lead_info(unsigned char c, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0; /* continuation byte or overlong 2-byte lead */
    if (c < 0xE0)
        return 2;
    if (c < 0xF0) {
        if (c == 0xE0)
            *lo = 0xA0; /* excludes overlong 3-byte forms */
        else if (c == 0xED)
            *hi = 0x9F; /* excludes surrogates D800..DFFF */
        return 3;
    }
    if (c < 0xF5) {
        if (c == 0xF0)
            *lo = 0x90; /* excludes overlong 4-byte forms */
        else if (c == 0xF4)
            *hi = 0x8F; /* excludes code points above U+10FFFF */
        return 4;
    }
    return 0; /* F5..FF never appear */
}

/* Decodes one sequence from u[0..len), len > 0. Returns the bytes consumed and sets *ok to
 * whether they formed a valid sequence; if not, u[0..return) is the maximal subpart of a
 * well-formed sequence (or a single byte that cannot start one). */
static size_t decode(const unsigned char *u, size_t len, uint32_t *cp, bool *ok)
{
    unsigned char lo, hi;
    size_t n = lead_info(u[0], &lo, &hi);
    if (n == 1) {
        *cp = u[0];
        *ok = true;
        return 1;
    }
    *cp = REPLACEMENT;
    *ok = false;
    if (n == 0)
        return 1;
    uint32_t v = u[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if (i >= len || u[i] < lo || u[i] > hi)
            return i;
        v = (v << 6) | (u[i] & 0x3Fu);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = v;
    *ok = true;
    return n;
}

size_t sd_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    if (len == 0) {
        /* Nothing to decode (callers pass len > 0): consume nothing. */
        *cp = REPLACEMENT;
        return 0;
    }
    bool ok;
    return decode((const unsigned char *)s, len, cp, &ok);
}

bool sd_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        bool ok;
        i += decode(u + i, len - i, &cp, &ok);
        if (!ok)
            return false;
    }
    return true;
}

sd_status sd_utf8_encode(sd_buf *b, uint32_t cp)
{
    char out[4];
    return sd_buf_append(b, out, sd_utf8_put(out, cp));
}

sd_status sd_utf8_sanitize(sd_buf *b, const char *s, size_t len)
{
    static const char fffd[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
    const unsigned char *u = (const unsigned char *)s;
    if (sd_buf_reserve(b, len) != SD_OK)
        return SD_ERR_MEMORY;
    size_t run = 0; /* start of the pending run of valid bytes */
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        bool ok;
        size_t n = decode(u + i, len - i, &cp, &ok);
        if (!ok) {
            sd_buf_append(b, s + run, i - run);
            sd_buf_append(b, fffd, sizeof fffd);
            run = i + n;
        }
        i += n;
    }
    /* Always append (even nothing) so that the buffer ends NUL-terminated. */
    sd_buf_append(b, len > run ? s + run : "", len - run);
    return sd_buf_ok(b) ? SD_OK : SD_ERR_MEMORY;
}

sd_status sd_utf8_sanitize_text(sd_buf *b, const char *s, size_t len)
{
    static const char fffd[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
    size_t from = 0;
    for (;;) {
        const char *nul = len > from ? memchr(s + from, '\0', len - from) : NULL;
        size_t end = nul ? (size_t)(nul - s) : len;
        if (sd_utf8_sanitize(b, s + from, end - from) != SD_OK)
            return SD_ERR_MEMORY;
        if (nul == NULL)
            return SD_OK;
        if (sd_buf_append(b, fffd, sizeof fffd) != SD_OK)
            return SD_ERR_MEMORY;
        from = end + 1;
    }
}

const char *sd_utf8_clean(const char *s, size_t len, sd_buf *scratch)
{
    if (memchr(s, '\0', len) == NULL && sd_utf8_valid(s, len))
        return s;
    sd_buf_reset(scratch);
    if (sd_utf8_sanitize_text(scratch, s, len) != SD_OK)
        return NULL;
    return sd_buf_str(scratch);
}

size_t sd_utf8_words(const char *text)
{
    size_t n = 0;
    bool in = false;
    for (const unsigned char *p = (const unsigned char *)text; p && *p; p++) {
        bool letter = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p >= 0x80 ||
                      (*p >= '0' && *p <= '9');
        if (letter && !in)
            n++;
        in = letter;
    }
    return n;
}

size_t sd_utf8_chars(const char *text)
{
    if (text == NULL)
        return 0;
    size_t len = strlen(text), n = 0;
    for (size_t i = 0; i < len; n++) {
        uint32_t cp;
        i += sd_utf8_decode(text + i, len - i, &cp);
    }
    return n;
}
