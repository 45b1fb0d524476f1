/* logr.h - the session log reader: every line is untrusted input, validated field by
 * field into an sd_record. A torn last line (the program died while writing it) is
 * reported through sd_logr_torn() and dropped; everything before it is kept.
 *
 * Strings in the returned record belong to the reader and stay valid until the next
 * sd_logr_next() or sd_logr_close(). */
#ifndef SD_LOGR_H
#define SD_LOGR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/error.h"
#include "record.h"

#define SD_LOG_MAX_LINE (1u << 20) /* 1 MiB: longer lines are rejected */

typedef struct sd_logr sd_logr;

sd_status sd_logr_open(const char *path, sd_logr **out, sd_error *err);
/* Reads the next record. Returns SD_OK and sets *got true, or SD_OK with *got false at the
 * end, or an error naming the file and line. */
sd_status sd_logr_next(sd_logr *r, sd_record *rec, bool *got, sd_error *err);
/* After the end: true when the last line was torn; msg describes it ("file:line: ..."). */
bool sd_logr_torn(const sd_logr *r, const char **msg);
size_t sd_logr_line(const sd_logr *r);
/* The byte offset just after the last line read back as a record (0 before any): where the
 * good data ends, so that a writer continuing the log drops a torn line and the padding.
 * *ends_with_newline (may be NULL) is false when that line lacks its newline. */
uint64_t sd_logr_data_end(const sd_logr *r, bool *ends_with_newline);
void sd_logr_close(sd_logr *r);

/* Parses one JSON line (text, len) into rec; strings point into *keep, a cJSON tree the
 * caller frees with cJSON_Delete, and an item's expectations into *expect. `where`
 * prefixes error messages ("file:12"). */
sd_status sd_record_from_json(const char *text, size_t len, const char *where, sd_record *rec,
                              sd_expect *expect, void **keep, sd_error *err);

#endif
