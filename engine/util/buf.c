/* buf.c - growable byte buffer. */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

sd_status sd_buf_reserve(sd_buf *b, size_t extra)
{
    if (b->failed)
        return SD_ERR_MEMORY;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return SD_ERR_MEMORY;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return SD_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (p == NULL) {
        b->failed = true;
        return SD_ERR_MEMORY;
    }
    b->data = p;
    b->cap = cap;
    return SD_OK;
}

sd_status sd_buf_append_slow(sd_buf *b, const void *data, size_t len)
{
    if (sd_buf_reserve(b, len) != SD_OK)
        return SD_ERR_MEMORY;
    if (len > 0)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return SD_OK;
}

sd_status sd_buf_puts(sd_buf *b, const char *s) { return sd_buf_append(b, s, strlen(s)); }


sd_status sd_buf_printf(sd_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sd_buf_reserve(b, (size_t)n) != SD_OK) {
        b->failed = true;
        return SD_ERR_MEMORY;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return SD_OK;
}

const char *sd_buf_str(const sd_buf *b) { return b->data ? b->data : ""; }

void sd_buf_reset(sd_buf *b)
{
    b->len = 0;
    b->failed = false;
    if (b->data)
        b->data[0] = '\0';
}

char *sd_buf_take(sd_buf *b)
{
    char *p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
    return p;
}

void sd_buf_free(sd_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}
