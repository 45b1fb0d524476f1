/* error.h - the error out-parameter every fallible core function takes.
 *
 * A function that can fail returns an sd_status and, on failure, fills an sd_error with a
 * message for a person ("scenarios/x.lua:12: unknown rule id 'gretting'"). The message is
 * heap-allocated and owned by the sd_error: call sd_error_clear() to release it. An sd_error
 * that was never set has msg == NULL. Passing NULL as the sd_error pointer is allowed and
 * discards the message.
 *
 * A message is never longer than SD_ERROR_MAX_BYTES: a longer one (a script's error of 10
 * MB, an id of a megabyte quoted in a message) is cut on a UTF-8 boundary and ends with a
 * note saying so and how long it was, e.g. " … (message cut: 10485760 bytes in all)"; it is
 * formatted into that much memory, never held in full. Messages are text from files and may
 * hold any bytes: print them through util/termtext.h, which escapes control characters. */
#ifndef SD_ERROR_H
#define SD_ERROR_H

#include <stdarg.h>
#include <stddef.h>

typedef enum sd_status {
    SD_OK = 0,
    SD_ERR_INPUT = 1,   /* bad input: scenario, log, action, file contents */
    SD_ERR_USAGE = 2,   /* bad usage of a command or API (wrong arguments) */
    SD_ERR_IO = 3,      /* a file could not be read or written */
    SD_ERR_MEMORY = 4,  /* out of memory */
    SD_ERR_SCRIPT = 5   /* a Lua script failed or broke a sandbox limit */
} sd_status;

/* The longest error message in bytes, its cut note included. */
#define SD_ERROR_MAX_BYTES 4096u
/* The longest line a script's print() makes, in bytes, its cut note included (the sandbox
 * cuts it as it builds it; a longer one ends with " … (print cut: N bytes in all)"). */
#define SD_PRINT_MAX_BYTES 4096u

typedef struct sd_error {
    sd_status status;
    char *msg;       /* owned; NULL when no error was set */
    size_t full_len; /* when msg was cut: the length it would have had; else 0 */
} sd_error;

#define SD_ERROR_INIT {SD_OK, NULL, 0}

/* Sets the error (replacing any earlier message) and returns `status`, so that
 * `return sd_error_set(err, SD_ERR_INPUT, "...")` reads naturally. */
sd_status sd_error_set(sd_error *err, sd_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
sd_status sd_error_setv(sd_error *err, sd_status status, const char *fmt, va_list ap);

/* Prefixes the existing message with "prefix: " (e.g. a file name); the result is cut at
 * SD_ERROR_MAX_BYTES too, keeping the prefix. */
void sd_error_prefix(sd_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Message text, or "" if none. Never NULL. */
const char *sd_error_msg(const sd_error *err);

void sd_error_clear(sd_error *err);

#endif
