/* buf.h - a growable byte buffer for building text (log lines, JSON, messages).
 *
 * The buffer owns its storage; sd_buf_free() releases it. The contents are always
 * NUL-terminated after any successful append. Appends report allocation failure by
 * returning SD_ERR_MEMORY and setting b->failed; once failed, further appends are no-ops,
 * so a caller may append many pieces and check once at the end with sd_buf_ok(). */
#ifndef SD_BUF_H
#define SD_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "error.h"

typedef struct sd_buf {
    char *data;  /* owned; NULL until the first append */
    size_t len;  /* bytes used, excluding the terminating NUL */
    size_t cap;
    bool failed; /* an allocation failed: contents are incomplete */
} sd_buf;

#define SD_BUF_INIT {NULL, 0, 0, false}

sd_status sd_buf_reserve(sd_buf *b, size_t extra);
sd_status sd_buf_append_slow(sd_buf *b, const void *data, size_t len);

/* Appends len bytes. Inline: the JSON writer calls it for every token. */
static inline sd_status sd_buf_append(sd_buf *b, const void *data, size_t len)
{
    if (!b->failed && b->data != NULL && len < b->cap - b->len) {
        memcpy(b->data + b->len, data, len);
        b->len += len;
        b->data[b->len] = '\0';
        return SD_OK;
    }
    return sd_buf_append_slow(b, data, len);
}

static inline sd_status sd_buf_putc(sd_buf *b, char c) { return sd_buf_append(b, &c, 1); }
sd_status sd_buf_puts(sd_buf *b, const char *s);
sd_status sd_buf_printf(sd_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static inline bool sd_buf_ok(const sd_buf *b) { return !b->failed; }
/* The contents as a C string ("" when empty). Owned by the buffer. */
const char *sd_buf_str(const sd_buf *b);
/* Empties the buffer, keeping its storage. */
void sd_buf_reset(sd_buf *b);
/* Hands the storage to the caller (free() it); the buffer becomes empty. */
char *sd_buf_take(sd_buf *b);
void sd_buf_free(sd_buf *b);

#endif
