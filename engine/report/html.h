/* html.h - the report as one self-contained HTML file for browsers and print: inline CSS
 * (with an A4 print layout), inline SVG charts, no scripts and nothing fetched (a
 * Content-Security-Policy says so). For a workshop: the table of participants, the
 * distribution of each score and the trend per scenario, the rules most often broken; for
 * each participant (up to max_details of them): the scores, answer time against volume,
 * the tone checks per rule, the escalation timeline and each miss with its feedback.
 * Every text from a results file is escaped, invalid UTF-8 replaced. Texts from
 * assets/strings/<lang>.txt (report.*); everything is borrowed for the call. */
#ifndef SD_REPORT_HTML_H
#define SD_REPORT_HTML_H

#include "../scoring/texts.h"
#include "report.h"

#define SD_REPORT_MAX_DETAILS 30

typedef struct sd_report_html_options {
    const sd_texts *tx;  /* required */
    sd_language lang;
    size_t max_details;  /* pages per participant at most; 0: SD_REPORT_MAX_DETAILS */
} sd_report_html_options;

/* Appends the page to out. */
sd_status sd_report_html(const sd_report *r, const sd_report_html_options *o, sd_buf *out,
                         sd_error *err);
/* Writes the page to path atomically. */
sd_status sd_report_write_html(const sd_report *r, const sd_report_html_options *o,
                               const char *path, sd_error *err);

#endif
