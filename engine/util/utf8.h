/* utf8.h - UTF-8 validation and repair.
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
/* Decodes one code point at s (len bytes available). Returns the number of bytes consumed
 * (>= 1); on an invalid sequence sets *cp = 0xFFFD and consumes the maximal invalid prefix
 * (at least one byte). */
size_t sd_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Appends the UTF-8 encoding of cp to b. */
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
