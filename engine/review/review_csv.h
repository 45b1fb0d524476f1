/* review_csv.h - the review as a spreadsheet, for evaluators without a display or who
 * prefer one: `stormdrill review LOG --csv-out FILE` writes one row per reply and decision
 * (review.h targets) with what was said, the machine's verdict and empty columns for the
 * evaluator (filled with the last mark so far, if any); `--csv-in FILE` reads the sheet back
 * and appends a mark for every row with something marked. See docs/review.md.
 *
 * The sheet is UTF-8 with a byte-order mark, RFC 4180, comma-separated with CRLF and the
 * formula guard of util/csvw.h (a text cell that a spreadsheet would run as a formula gets a
 * leading apostrophe). Reading takes what spreadsheets save: a BOM or none, commas,
 * semicolons or tabs (from the header line), quoted cells over several lines, the columns
 * in any order (found by their header names), yes/partly/no or ja/delvis/nej in any case.
 * Every row is checked before anything is written; an error names the file, the line and
 * the column. A row whose mark is the same as the target's last mark is skipped.
 *
 * Ownership: everything is borrowed for the call. */
#ifndef SD_REVIEW_CSV_H
#define SD_REVIEW_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "review.h"

enum {
    SD_RCSV_KIND, SD_RCSV_ACTION, SD_RCSV_ITEM, SD_RCSV_TIME, SD_RCSV_AUTHOR, SD_RCSV_ITEM_TEXT,
    SD_RCSV_REPLY, SD_RCSV_DECISION, SD_RCSV_M_ANSWERS, SD_RCSV_M_TONE_OK, SD_RCSV_M_FAILED,
    SD_RCSV_M_DECISION_OK, SD_RCSV_EVALUATOR, SD_RCSV_ANSWERS, SD_RCSV_TONE_OK,
    SD_RCSV_DECISION_OK, SD_RCSV_NOTE, SD_RCSV_COLS
};
#define SD_RCSV_MAX_BYTES ((uint64_t)64 << 20)
#define SD_RCSV_MAX_CELL 65536u
#define SD_RCSV_MAX_COLS 64u

/* The column's header name ("kind", "action", ...). */
const char *sd_review_csv_column(int c);

typedef struct sd_review_csv_ctx {
    const sd_results *r;
    const sd_review_target *targets; /* sd_review_targets() of r */
    size_t n;
    const char *const *item_text;    /* per results item its text, or NULL */
    const sd_reviews *existing;      /* writing: marks to fill in, or NULL */
} sd_review_csv_ctx;

/* Writes the sheet to path (atomically; must_be_new: never over an existing file). */
sd_status sd_review_csv_write(const char *path, bool must_be_new, const sd_review_csv_ctx *cx,
                              sd_error *err);
/* Reads a filled sheet and appends its marks to w; evaluator is used for rows whose
 * evaluator column is empty (NULL: such a row is an error). *written: marks appended;
 * *skipped (may be NULL): rows the same as their target's last mark. */
sd_status sd_review_csv_read(const char *path, const sd_review_csv_ctx *cx, const char *evaluator,
                             sd_review_writer *w, size_t *written, size_t *skipped, sd_error *err);

#endif
