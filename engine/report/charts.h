/* charts.h - the report's charts, each one inline SVG appended to a buffer: for one
 * participant the scores, answer time against volume over the exercise, the tone checks
 * per rule and the escalation timeline; for a workshop the distribution of each score, the
 * rules most often broken and the trend over dates. Labels come from the texts
 * (assets/strings/<lang>.txt, keys report.*). Everything is borrowed for the call. */
#ifndef SD_CHARTS_H
#define SD_CHARTS_H

#include "../scoring/texts.h"
#include "../util/buf.h"
#include "report.h"

/* The text of key, or key itself when the texts have none. */
const char *sd_rtext(const sd_texts *tx, const char *key);
/* The text of prefix + name ("ui.target." + "manager"), or name. */
const char *sd_rtext2(const sd_texts *tx, const char *prefix, const char *name);
/* "HH:MM" of t, or "MM-DD HH:MM" when long is set. */
void sd_rclock(sd_time t, bool with_day, char out[16]);

void sd_chart_scores(sd_buf *b, const sd_rr *rr, const sd_texts *tx);
void sd_chart_answer_volume(sd_buf *b, const sd_rr *rr, const sd_texts *tx);
/* False (and nothing appended) when no tone check applied. */
bool sd_chart_checks(sd_buf *b, const sd_rr *rr, const sd_texts *tx);
/* False (and nothing appended) when there are no events. */
bool sd_chart_timeline(sd_buf *b, const sd_rr *rr, const sd_texts *tx);
void sd_chart_distribution(sd_buf *b, const sd_report *r, const sd_report_group *g,
                           const sd_texts *tx);
void sd_chart_rules(sd_buf *b, const sd_report *r, const sd_texts *tx, size_t max_rows);
/* False (and nothing appended) when the group has fewer than two dates. */
bool sd_chart_trend(sd_buf *b, const sd_report_group *g, const sd_texts *tx);

#endif
