/* scorecard.h - scoring finished results and showing them: the readable scorecard that
 * run and score print, and the results JSON and CSV files they write. */
#ifndef SD_CLI_SCORECARD_H
#define SD_CLI_SCORECARD_H

#include <stdbool.h>
#include <stdio.h>

#include "results/results.h"

/* Scores res (lexicons and texts from the assets folder), prints the scorecard unless
 * quiet, writes out_path (results JSON) and csv_path when given; the scorecard ends with
 * where the log (log_path, if given) and the files are. Each file is written atomically
 * (util/atomic_file.h); one that cannot be written does not stop the other, and the error
 * names every file that failed with the system's reason. */
sd_status sd_score_and_report(sd_results *res, const char *out_path, const char *csv_path,
                              bool quiet, const char *log_path, sd_error *err);
/* The same with an evaluator's review (review/review.h; NULL: none): scored with its marks
 * (sd_score_compute_reviewed), the results JSON carries its "review" member and the
 * scorecard says how often the evaluators agreed with the machine. */
struct sd_reviews;
sd_status sd_score_and_report_reviewed(sd_results *res, const struct sd_reviews *rv,
                                       const char *out_path, const char *csv_path, bool quiet,
                                       const char *log_path, sd_error *err);

#endif
