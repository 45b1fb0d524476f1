/* logr.h - the session log reader: every line is untrusted input, validated field by
 * field into an sd_record. A torn last line (the program died while writing it) is
 * reported through sd_logr_torn() and dropped; everything before it is kept.
 *
 * Every line is checked as it is read (docs/log-format.md): its hash chain (version 2), its
 * seal when a key is given, its fields against log/limits.h, and the rules every log obeys
 * (one header first; times from the start on, never running backwards; actions only on
 * items that have arrived). The first line that fails is an error naming file:line.
 *
 * Strings and contents in the returned record belong to the reader and stay valid until
 * the next sd_logr_next() or sd_logr_close(); the header record (with its table of
 * contents, which later items point into) stays valid until sd_logr_close(). */
#ifndef SD_LOGR_H
#define SD_LOGR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "chain.h"
#include "limits.h"
#include "record.h"

/* 1 MiB: longer lines are refused. The largest line the writer makes from fields within
 * log/limits.h is an item with a text and a title of SD_MAX_TEXT_BYTES each (at worst six
 * bytes each when escaped: 240 000), a url and a link of SD_MAX_PATH_BYTES (49 152), seven
 * ids and five names (under 10 000) and a few hundred bytes of the rest: under 300 000. */
#define SD_LOG_MAX_PADDING ((uint64_t)64 << 20) /* NUL bytes after the data, at most */
#define SD_LOG_MAX_LINE (1u << 20)
/* 16 MiB: the header line may be longer, for the scenario's contents (at most
 * SD_MAX_CONTENTS_JSON, 12 MiB) and spelling words (10 000 of 64 bytes: under 1.4 MB
 * escaped) besides its other fields (under 200 000 bytes). */
#define SD_LOG_MAX_HEADER_LINE ((size_t)16 << 20)



typedef struct sd_logr sd_logr;

/* Opens a log (a regular file only: a FIFO or device is refused at once). */
sd_status sd_logr_open(const char *path, sd_logr **out, sd_error *err);
/* The facilitator's key (copied), before the first record: a sealed log is then checked
 * line by line, and a log not sealed, or sealed with another key, is refused at line 1.
 * Without a key a sealed log's chain cannot be checked (SD_INTEGRITY_SEALED_UNVERIFIED). */
void sd_logr_set_key(sd_logr *r, const sd_seal_key *key);
/* How far the log checked out: valid at any time, final after the end. */
void sd_logr_integrity(const sd_logr *r, sd_log_integrity *out);
/* The chain after the last record read (for a writer continuing the log): *chained false
 * for a version-1 log (no chain values). */
void sd_logr_chain(const sd_logr *r, sd_chain *out, bool *chained);
/* Reads the next record. Returns SD_OK and sets *got true, or SD_OK with *got false at the
 * end, or an error naming the file and line. */
sd_status sd_logr_next(sd_logr *r, sd_record *rec, bool *got, sd_error *err);
/* The header read (valid until sd_logr_close()), or NULL before it. */
const sd_rec_header *sd_logr_header(const sd_logr *r);
/* After the end: true when the last line was torn; msg describes it ("file:line: ..."). */
bool sd_logr_torn(const sd_logr *r, const char **msg);
size_t sd_logr_line(const sd_logr *r);
/* The byte offset just after the last line read back as a record (0 before any): where the
 * good data ends, so that a writer continuing the log drops a torn line and the padding.
 * *ends_with_newline (may be NULL) is false when that line lacks its newline. */
uint64_t sd_logr_data_end(const sd_logr *r, bool *ends_with_newline);
void sd_logr_close(sd_logr *r);

/* What a record parsed from one line borrows: the line's JSON tree (its strings), the
 * contents it declares (a header's table, an item's inline ones) and an item's
 * expectations. Owned by whoever parses; sd_record_keep_free() releases it (and leaves it
 * ready for the next line). */
typedef struct sd_record_keep {
    void *json;        /* a cJSON tree */
    sd_arena arena;    /* contents, their points and phrase lists */
    sd_expect expect;  /* rec->u.item.expect points here */
} sd_record_keep;

#define SD_RECORD_KEEP_INIT {NULL, SD_ARENA_INIT, {0}}

void sd_record_keep_free(sd_record_keep *keep);

/* Parses one JSON line (text, len) into rec; what it points to lives in *keep (which the
 * caller releases with sd_record_keep_free(), also after a failure). header: the log's
 * header read before (its contents are the table an item's "content": N refers to), or
 * NULL (then such a reference is an error). `where` prefixes error messages ("file:12"). */
sd_status sd_record_from_json(const char *text, size_t len, const char *where,
                              const sd_rec_header *header, sd_record *rec, sd_record_keep *keep,
                              sd_error *err);
/* Only the type and time of a line (for a look at a log's last line without its header). */
sd_status sd_record_peek(const char *text, size_t len, const char *where, sd_record_type *type,
                         sd_time *t, sd_error *err);

#endif
