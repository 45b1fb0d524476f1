/* utf8.h - UTF-8 validation and repair, and counting the words of a text.
 *
 * Text from scenarios and participants is treated as UTF-8 throughout. Invalid sequences
 * (bad lead bytes, truncated or overlong sequences, surrogates, code points above U+10FFFF)
 * are replaced by U+FFFD, never passed on raw. */
#ifndef SD_UTF8_H
#define SD_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* True when s[0..len) is valid UTF-8 (NUL bytes are valid code points here). */
bool sd_utf8_valid(const char *s, size_t len);
/* The number of words in a NUL-ended text (NULL: 0): runs of ASCII letters and digits
 * and of bytes of multi-byte characters, so "Hej Åsa, 3 frågor!" has four. */
size_t sd_utf8_words(const char *text);
/* The number of Unicode code points in a NUL-ended text (NULL: 0), an invalid sequence
 * counting as one (U+FFFD): how X counts a post's length, near enough. */
size_t sd_utf8_chars(const char *text);
/* Decodes one code point at s (len bytes available). Returns the number of bytes consumed
 * (>= 1); on an invalid sequence sets *cp = 0xFFFD and consumes the maximal invalid prefix
 * (at least one byte). */
size_t sd_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Writes the UTF-8 encoding of cp to out (room for 4 bytes) and returns its length, 1 to 4.
 * Surrogates and values above U+10FFFF, which have no UTF-8 form, are written as U+FFFD.
 * Inline: the tone checks encode every folded letter of a reply. */
static inline size_t sd_utf8_put(char *out, uint32_t cp)
{
    if (cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu))
        cp = 0xFFFDu;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
/* Appends the UTF-8 encoding of cp to b (as sd_utf8_put). */
sd_status sd_utf8_encode(sd_buf *b, uint32_t cp);
/* Appends s[0..len) to b with invalid sequences replaced by U+FFFD. */
sd_status sd_utf8_sanitize(sd_buf *b, const char *s, size_t len);
/* The same for text that becomes a C string (from Lua, where strings may hold NUL bytes):
 * NUL bytes become U+FFFD too, so that nothing after one is silently cut off. */
sd_status sd_utf8_sanitize_text(sd_buf *b, const char *s, size_t len);
/* s[0..len), which must be followed by a NUL at s[len] (as Lua's and C strings are), as a
 * valid, NUL-free C string: s itself when it already is one, else the repaired text in
 * *scratch (reset first). NULL only when memory runs out. The result is borrowed from s or
 * scratch. */
const char *sd_utf8_clean(const char *s, size_t len, sd_buf *scratch);

#endif
