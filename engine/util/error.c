/* error.c - heap-allocated error messages for the sd_error out-parameter. */
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read-only: the message for when even the message cannot be allocated. It is never
 * written through or freed (set_msg checks for it). */
static const char oom_msg[] = "out of memory";

static void set_msg(sd_error *err, const char *msg)
{
    if (err->msg != NULL && err->msg != oom_msg)
        free(err->msg);
    err->msg = (char *)msg; /* oom_msg is only ever read */
}

sd_status sd_error_setv(sd_error *err, sd_status status, const char *fmt, va_list ap)
{
    if (err == NULL)
        return status;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (msg == NULL) {
        set_msg(err, oom_msg);
        err->status = SD_ERR_MEMORY;
        return status;
    }
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    set_msg(err, msg);
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
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    const char *old = sd_error_msg(err);
    size_t total = (size_t)n + 2 + strlen(old) + 1;
    char *msg = malloc(total);
    if (msg == NULL) {
        set_msg(err, oom_msg);
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    strcat(msg, ": ");
    strcat(msg, old);
    set_msg(err, msg);
}

const char *sd_error_msg(const sd_error *err)
{
    return (err != NULL && err->msg != NULL) ? err->msg : "";
}

void sd_error_clear(sd_error *err)
{
    if (err == NULL)
        return;
    set_msg(err, NULL);
    err->status = SD_OK;
}
