/* csv.h - one row per item of a scored exercise, for spreadsheets: UTF-8 with a byte-order
 * mark (so that Excel shows å, ä, ö), a header row, comma-separated, RFC 4180 quoting and
 * the formula guard of util/csvw.h.
 * Written atomically (util/atomic_file.h). */
#ifndef SD_SCORE_CSV_H
#define SD_SCORE_CSV_H

#include "score.h"

sd_status sd_score_write_csv(const sd_score *s, const sd_results *r, const char *path,
                             sd_error *err);

#endif
