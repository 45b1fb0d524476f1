/* cmd_score.c - `stormdrill score LOG`: rebuilds the results from a session log alone. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "log/logr.h"
#include "results/results.h"
#include "review/review.h"
#include "scorecard.h"

static const char usage[] =
    "Usage: stormdrill score LOG [--out FILE] [--csv FILE] [--review FILE] [--seal-key FILE] [--quiet]\n"
    "Rebuilds and scores the results of an exercise from its session log alone and prints\n"
    "the scorecard.\n"
    "  --out FILE  write the results JSON here (the same document the run wrote)\n"
    "  --csv FILE  write one row per item here, for spreadsheets\n"
    "  --review FILE  an evaluator's review of the log (stormdrill review LOG): its marks\n"
    "              override the machine's verdicts, and the results carry how often the\n"
    "              evaluators agreed with the machine\n"
    "  --seal-key FILE  the facilitator's key: a sealed log is checked with it line by line\n"
    "  --quiet     print nothing but errors and warnings\n"
    "A log whose hash chain breaks (a line edited, removed or inserted) or that breaks the\n"
    "rules of a log (time running backwards, actions on items that never arrived) is refused\n"
    "with file:line, and nothing is written.\n";

int sd_cmd_score(int argc, char **argv)
{
    const char *log_path = NULL, *out_path = NULL, *csv_path = NULL, *key_path = NULL, *review_path = NULL;
    bool quiet = false;
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out_path = argv[++i];
        else if (strcmp(argv[i], "--csv") == 0 && i + 1 < argc)
            csv_path = argv[++i];
        else if (strcmp(argv[i], "--review") == 0 && i + 1 < argc)
            review_path = argv[++i];
        else if (strcmp(argv[i], "--seal-key") == 0 && i + 1 < argc)
            key_path = argv[++i];
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = true;
        else if (argv[i][0] == '-' || log_path) {
            sd_term_printf(stderr, "stormdrill score: unexpected '%s'\n\n", argv[i]);
            fputs(usage, stderr);
            return SD_EXIT_USAGE;
        } else
            log_path = argv[i];
    }
    if (log_path == NULL) {
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    int rc = SD_EXIT_OK;
    sd_error err = SD_ERROR_INIT;
    sd_logr *r = NULL;
    sd_results *res = NULL;
    sd_reviews *rv = NULL;
    sd_seal_key key;
    memset(&key, 0, sizeof key);
    if (key_path && sd_seal_key_read(key_path, &key, &err) != SD_OK)
        goto fail;
    if (sd_logr_open(log_path, &r, &err) != SD_OK || sd_results_create(&res, &err) != SD_OK)
        goto fail;
    if (key_path)
        sd_logr_set_key(r, &key);
    for (;;) {
        sd_record rec;
        bool got;
        if (sd_logr_next(r, &rec, &got, &err) != SD_OK)
            goto fail;
        if (!got)
            break;
        if (sd_results_add(res, &rec, &err) != SD_OK) {
            sd_error_prefix(&err, "%s:%zu", log_path, sd_logr_line(r));
            goto fail;
        }
    }
    const char *torn;
    if (sd_logr_torn(r, &torn))
        sd_term_printf(stderr, "stormdrill score: warning: %s\n", torn);
    sd_log_integrity in;
    sd_logr_integrity(r, &in);
    sd_results_set_integrity(res, &in);
    /* The review belongs to this log, unchanged (its sha256), and names its replies. */
    if (review_path && (sd_reviews_load(review_path, log_path, &rv, &err) != SD_OK ||
                        sd_reviews_check(rv, res, &err) != SD_OK))
        goto fail;
    if (rv && sd_reviews_torn(rv))
        sd_term_printf(stderr, "stormdrill score: warning: %s\n", sd_reviews_torn(rv));
    if (sd_score_and_report_reviewed(res, rv, out_path, csv_path, quiet, NULL, &err) != SD_OK)
        goto fail;
    /* After the scorecard: what the log's chain and seal showed. */
    if (!quiet) {
        sd_buf m = SD_BUF_INIT;
        sd_integrity_describe(&in, &m);
        if (sd_buf_ok(&m))
            sd_term_printf(stdout, "Log: %s: %s\n", log_path, sd_buf_str(&m));
        sd_buf_free(&m);
    }
    goto done;
fail:
    sd_term_printf(stderr, "stormdrill score: %s\n", sd_error_msg(&err));
    rc = sd_exit_for(&err);
done:
    sd_logr_close(r);
    sd_seal_key_clear(&key);
    sd_results_free(res);
    sd_reviews_free(rv);
    sd_error_clear(&err);
    return rc;
}
