/* error.c - heap-allocated error messages for the sd_error out-parameter, cut at
 * SD_ERROR_MAX_BYTES on a UTF-8 boundary with a note saying how long they were. */
#include "error.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "termtext.h"

/* Read-only: the message for when even the message cannot be allocated. It is never
 * written through or freed (set_msg checks for it). */
static const char oom_msg[] = "out of memory";

/* What is left of a cut message for its text: the rest is for the note. */
#define BODY_MAX (SD_ERROR_MAX_BYTES - SD_TEXT_CUT_NOTE_MAX)

static void set_msg(sd_error *err, const char *msg, size_t full_len)
{
    if (err->msg != NULL && err->msg != oom_msg)
        free(err->msg);
    err->msg = (char *)msg; /* oom_msg is only ever read */
    err->full_len = full_len;
}

static void set_oom(sd_error *err)
{
    set_msg(err, oom_msg, 0);
    err->status = SD_ERR_MEMORY;
}

/* Makes the message a[0..alen) followed by b[0..blen), a text whose full length is `full`
 * (more than alen + blen when b is already the cut part of something longer). Past
 * SD_ERROR_MAX_BYTES, or when it was cut before, it is cut to BODY_MAX and the note added.
 * a and b may point into the current message: it is freed only after the copy. */
static void set_joined(sd_error *err, const char *a, size_t alen, const char *b, size_t blen,
                       size_t full)
{
    bool cut = full > alen + blen || alen + blen > SD_ERROR_MAX_BYTES;
    if (cut) {
        if (alen > BODY_MAX) {
            alen = sd_text_cut_len(a, alen, BODY_MAX);
            blen = 0;
        } else {
            blen = sd_text_cut_len(b, blen, BODY_MAX - alen);
        }
    }
    char *msg = malloc(alen + blen + SD_TEXT_CUT_NOTE_MAX + 1);
    if (msg == NULL) {
        set_oom(err);
        return;
    }
    memcpy(msg, a, alen);
    memcpy(msg + alen, b, blen);
    size_t len = alen + blen;
    if (cut)
        len += sd_text_cut_note(msg + len, SD_TEXT_CUT_NOTE_MAX, "message", full);
    msg[len] = '\0';
    set_msg(err, msg, cut ? full : 0);
}

/* Formats into a new buffer of SD_ERROR_MAX_BYTES + 1 bytes: *len is what it holds (cut on
 * a UTF-8 boundary when the text is longer), *full the text's whole length. NULL when memory
 * runs out. */
static char *format_bounded(const char *fmt, va_list ap, size_t *len, size_t *full)
{
    char *buf = malloc(SD_ERROR_MAX_BYTES + 1);
    if (buf == NULL)
        return NULL;
    int n = vsnprintf(buf, SD_ERROR_MAX_BYTES + 1, fmt, ap);
    if (n < 0) {
        /* Longer than INT_MAX bytes, or a conversion the C library refuses. */
        n = snprintf(buf, SD_ERROR_MAX_BYTES + 1, "(an error message that could not be "
                     "formatted: %.200s)", fmt);
        *len = n < 0 ? 0 : sd_text_cut_len(buf, (size_t)n, SD_ERROR_MAX_BYTES);
        *full = *len;
        buf[*len] = '\0';
        return buf;
    }
    *full = (size_t)n;
    *len = sd_text_cut_len(buf, (size_t)n, SD_ERROR_MAX_BYTES);
    return buf;
}

sd_status sd_error_setv(sd_error *err, sd_status status, const char *fmt, va_list ap)
{
    if (err == NULL)
        return status;
    size_t len, full;
    char *buf = format_bounded(fmt, ap, &len, &full);
    if (buf == NULL) {
        set_oom(err);
        return status;
    }
    if (full <= SD_ERROR_MAX_BYTES) {
        char *msg = realloc(buf, len + 1); /* give back the unused part */
        set_msg(err, msg != NULL ? msg : buf, 0);
    } else {
        set_joined(err, "", 0, buf, len, full);
        free(buf);
        if (err->msg == oom_msg)
            return status;
    }
    err->status = status;
    return status;
}

sd_status sd_error_set(sd_error *err, sd_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sd_error_setv(err, status, fmt, ap);
    va_end(ap);
    return status;
}

void sd_error_prefix(sd_error *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    size_t plen, pfull;
    char *p = format_bounded(fmt, ap, &plen, &pfull);
    va_end(ap);
    if (p == NULL) {
        set_oom(err);
        return;
    }
    /* The prefix and ": " (the buffer has room: plen <= SD_ERROR_MAX_BYTES, and the cut
     * below keeps the joined text within bounds). */
    char *a = realloc(p, plen + 3);
    if (a == NULL) {
        free(p);
        set_oom(err);
        return;
    }
    memcpy(a + plen, ": ", 3);
    const char *old = sd_error_msg(err);
    size_t old_len = strlen(old), old_full = old_len;
    if (err->full_len > 0) {
        /* Already cut: join the text without its note, and count the whole length. */
        char note[SD_TEXT_CUT_NOTE_MAX];
        size_t nl = sd_text_cut_note(note, sizeof note, "message", err->full_len);
        if (nl <= old_len && memcmp(old + old_len - nl, note, nl) == 0) {
            old_len -= nl;
            old_full = err->full_len;
        }
    }
    size_t full = pfull > SIZE_MAX - 2 - old_full ? SIZE_MAX : pfull + 2 + old_full;
    set_joined(err, a, plen + 2, old, old_len, full);
    free(a);
}

const char *sd_error_msg(const sd_error *err)
{
    return (err != NULL && err->msg != NULL) ? err->msg : "";
}

void sd_error_clear(sd_error *err)
{
    if (err == NULL)
        return;
    set_msg(err, NULL, 0);
    err->status = SD_OK;
}
