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

#endif
