/* limits.h - the size and range limits of every field that goes into a session log.
 *
 * One limit per field, used in two places: where the field is made (a scenario declaration,
 * a participant's action, a facilitator's input), which refuses a larger one with a clear
 * error, and the log reader, whose limits are these same numbers, so that a log Stormdrill
 * wrote is always a log Stormdrill can read back. A log line is bounded by its fields:
 * SD_LOG_MAX_LINE is larger than the biggest record the writer can make from fields
 * within these limits (every text escaped as \uXXXX at worst, six bytes a byte). */
#ifndef SD_LOG_LIMITS_H
#define SD_LOG_LIMITS_H

#include <stdint.h>

#define SD_MAX_TEXT_BYTES 20000u  /* an item's or reply's text, a title, a statement */
#define SD_MAX_ID_BYTES 64u       /* an item, persona, storm or template id */
#define SD_MAX_NAME_BYTES 200u    /* a person's name, an outlet, a role */
#define SD_MAX_REASON_BYTES 2000u /* a moderation or escalation reason, a finish reason */
#define SD_MAX_PATH_BYTES 4096u   /* a file path named in a header, a post's image path */
#define SD_MAX_HANDLE_LOG_BYTES 50u /* a persona's platform handle (scenario/names.h) */

/* Contents (scenario/content.h; the limits of their parts: scenario/content_rules.h) as the
 * log writes them (JSON, escaped): one content at most SD_MAX_CONTENT_JSON, so that an item
 * carrying two inline stays far below SD_LOG_MAX_LINE; all of a scenario's contents in the
 * header at most SD_MAX_CONTENTS_JSON, so that the header, with its spelling words, stays
 * below SD_LOG_MAX_HEADER_LINE (log/logr.h). */
#define SD_MAX_CONTENT_JSON ((size_t)256 << 10)
#define SD_MAX_CONTENTS_JSON ((size_t)12 << 20)

/* Simulated times the writer may make and the reader accepts: 1900-01-01T00:00:00 to
 * 2999-12-31T23:59:59 (four-digit years). A scenario's start must lie in 1900..2899, so
 * that its start plus the longest duration (ten years) and every offset stays inside. */
#define SD_TIME_MIN_YEAR 1900
#define SD_TIME_MAX_YEAR 2999
#define SD_START_MAX_YEAR 2899
#define SD_TIME_MIN ((int64_t)-2208988800)   /* 1900-01-01T00:00:00 */
#define SD_TIME_MAX ((int64_t)32503680000 - 1) /* 2999-12-31T23:59:59 */

#endif
