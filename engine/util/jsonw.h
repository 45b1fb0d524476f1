/* jsonw.h - a small streaming JSON writer into an sd_buf.
 *
 * The session log and the results file are written line by line and item by item, far too
 * large (a million items) to build as a cJSON tree first; cJSON is used to read them back.
 * The writer inserts commas itself: call sd_jsonw_key() before each value inside an object.
 * Strings are escaped per RFC 8259 and invalid UTF-8 is replaced by U+FFFD. Numbers are
 * written so that they read back exactly (integers as integers; doubles with %.17g trimmed,
 * non-finite values as null). Nesting depth is limited to SD_JSONW_MAX_DEPTH. */
#ifndef SD_JSONW_H
#define SD_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define SD_JSONW_MAX_DEPTH 32

typedef struct sd_jsonw {
    sd_buf *out;                          /* borrowed; the caller owns the buffer */
    int depth;
    bool need_comma[SD_JSONW_MAX_DEPTH + 1];
    bool after_key;
    bool pretty;                          /* indent with two spaces, one value per line */
} sd_jsonw;

void sd_jsonw_init(sd_jsonw *w, sd_buf *out, bool pretty);
void sd_jsonw_object_begin(sd_jsonw *w);
void sd_jsonw_object_end(sd_jsonw *w);
void sd_jsonw_array_begin(sd_jsonw *w);
void sd_jsonw_array_end(sd_jsonw *w);
void sd_jsonw_key(sd_jsonw *w, const char *key);
void sd_jsonw_string(sd_jsonw *w, const char *s);          /* NULL writes null */
void sd_jsonw_string_n(sd_jsonw *w, const char *s, size_t len);
void sd_jsonw_int(sd_jsonw *w, int64_t v);
void sd_jsonw_double(sd_jsonw *w, double v);
void sd_jsonw_bool(sd_jsonw *w, bool v);
void sd_jsonw_null(sd_jsonw *w);
/* Writes pre-formatted JSON text as one value (the caller vouches for it). */
void sd_jsonw_raw(sd_jsonw *w, const char *json);
/* Convenience: key + value. */
void sd_jsonw_kstring(sd_jsonw *w, const char *key, const char *s);
void sd_jsonw_kint(sd_jsonw *w, const char *key, int64_t v);
void sd_jsonw_kdouble(sd_jsonw *w, const char *key, double v);
void sd_jsonw_kbool(sd_jsonw *w, const char *key, bool v);
/* True when everything written so far is complete (no allocation failure, depth ok). */
bool sd_jsonw_ok(const sd_jsonw *w);

#endif
