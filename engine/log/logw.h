/* logw.h - the session log writer: JSON Lines, one record per line, each line handed to the
 * operating system as soon as it is written (no user-space buffering), so nothing written is
 * lost if the program dies.
 *
 * sd_record_to_json() is the serialisation shared with anything else that prints records. */
#ifndef SD_LOGW_H
#define SD_LOGW_H

#include <stdbool.h>
#include <stdint.h>

#include "../util/buf.h"
#include "../util/jsonw.h"
#include "../util/error.h"
#include "chain.h"
#include "record.h"

typedef struct sd_logw sd_logw;

/* Creates (truncates) the log at path: a version-2 log (log/chain.h), unsealed unless
 * sd_logw_seal() is called before the first line. */
sd_status sd_logw_open(const char *path, sd_logw **out, sd_error *err);
/* Seals the log with key (copied; the writer wipes its copy when closed): the header names
 * the seal, every chain value is keyed and the end record carries the whole seal. Only
 * before the first line (else SD_ERR_USAGE). */
sd_status sd_logw_seal(sd_logw *w, const sd_seal_key *key, sd_error *err);
bool sd_logw_sealed(const sd_logw *w);
/* What the log written so far is: unsealed or sealed-intact, its key id, and whether the
 * sealed end record is written. (A continued log: as the reader found it, then written on.) */
void sd_logw_integrity(const sd_logw *w, sd_log_integrity *out);
/* Continues the existing log at path (resuming an exercise): cuts it to its first `keep`
 * bytes (the good data, sd_logr_data_end()), adds the newline the last line lacks when
 * add_newline, and appends from there, continuing `chain` (the chain after the last line
 * kept, sd_logr_chain(); copied), or with no chain values when chain is NULL (a version-1
 * log). */
sd_status sd_logw_open_append(const char *path, uint64_t keep, bool add_newline,
                              const sd_chain *chain, sd_logw **out, sd_error *err);
/* Syncing to the disk (against a power cut; a crash of the program alone loses nothing
 * written): by default at every participant, facilitator and end record, and at least
 * every 2 seconds while lines are written. Turn the first off for scripted participants,
 * whose actions a resume makes again from their script. */
void sd_logw_sync_inputs(sd_logw *w, bool on);
/* Syncs now when the last sync is 2 seconds old and lines are unsynced: for a front end to
 * call every frame, so that the interval holds while nothing is written. */
sd_status sd_logw_sync_due(sd_logw *w, sd_error *err);
/* The disk is filling up: reserving the log's next 16 MiB failed, so the log has room for
 * less than that; a message naming the log and the room left ("file: ..."), or NULL. The
 * writer goes on until the room is used up (then writing fails with an error); a front end
 * shows the warning so that space is made in time. Owned by the writer. */
const char *sd_logw_warning(const sd_logw *w);
/* Syncs everything written so far. */
sd_status sd_logw_sync(sd_logw *w, sd_error *err);
sd_status sd_logw_write(sd_logw *w, const sd_record *rec, sd_error *err);
/* Syncs to disk and closes; NULL is allowed. */
sd_status sd_logw_close(sd_logw *w, sd_error *err);

/* The JSON forms every Stormdrill file shares: a time as "YYYY-MM-DDTHH:MM:SS", and a set
 * of vocabulary values as a list of their names in vocabulary order. */
void sd_jsonw_ktime(sd_jsonw *w, const char *key, sd_time t);
void sd_jsonw_kset(sd_jsonw *w, const char *key, sd_vocab_id voc, uint64_t set);

/* A content (scenario/content.h) as the log writes it: {"points":[{"label":..,"say":[..]}
 * ...],"need":n,"refer":{"label":..,"say":[..]},"channel":{..},"avoid":[..],"model":".."},
 * members only when present (docs/log-format.md). */
void sd_content_to_json(sd_jsonw *w, const sd_content *c);
/* Writes a storm theme as a JSON object: storm, id, label, kind, the target under
 * within_key ("within" in the log, "within_seconds" in the results) and, when it has one,
 * its content's index. */
void sd_theme_to_json(sd_jsonw *w, const sd_rec_theme *th, const char *within_key);

/* Checks every field of rec against log/limits.h (sizes, the time range): SD_ERR_INPUT
 * naming the field. The writer refuses a record that fails it, so every log line it writes
 * is one the reader accepts. */
sd_status sd_record_check_limits(const sd_record *rec, sd_error *err);

/* Appends the JSON text of rec (no newline) to out. With with_wall false the "wall" field is
 * left out (for comparisons that ignore real time). */
sd_status sd_record_to_json(const sd_record *rec, bool with_wall, sd_buf *out);

#endif
