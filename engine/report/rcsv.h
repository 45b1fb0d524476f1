/* rcsv.h - the report's CSV files for spreadsheets: report.csv (one row per participant and
 * exercise) and items.csv (one row per item of every results file, written as the files
 * are read, so that it streams whatever their size). Both are UTF-8 with a byte-order mark,
 * comma-separated with CRLF, RFC 4180 quoting and the formula guard (util/csvw.h), and are
 * written atomically (util/atomic_file.h). */
#ifndef SD_RCSV_H
#define SD_RCSV_H

#include "report.h"

sd_status sd_report_write_csv(const sd_report *r, const char *path, sd_error *err);
/* review_agreement.csv: how often the evaluators agreed with the machine, per rule: first
 * one row per rule over all reviewed results (file "all"), then one per rule and result.
 * Columns: file, participant, scenario, rule, reviewed, agreed, agreement_percent. */
sd_status sd_report_write_review_csv(const sd_report *r, const char *path, sd_error *err);

/* items.csv: open, then one row per item (sd_items_csv_row is an sd_rr_item_fn: pass the
 * sd_items_csv as its ctx), then commit (or abort). Both release the writer. */
typedef struct sd_items_csv sd_items_csv;
sd_status sd_items_csv_open(const char *path, sd_items_csv **out, sd_error *err);
sd_status sd_items_csv_row(void *ctx, const sd_rr *rr, const sd_rr_item *it, sd_error *err);
sd_status sd_items_csv_commit(sd_items_csv *c, sd_error *err);
void sd_items_csv_abort(sd_items_csv *c);

#endif
