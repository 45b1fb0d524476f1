/* chart.h - the scorecard's chart of answer times against the volume over the exercise:
 * for each hour (each 10 minutes when the exercise is three hours or shorter; longer steps
 * when it would need more than SD_CHART_MAX bars) the number of comments that arrived and
 * the median answer time of those answered. Hourly charts of a storm exercise take the
 * core's per-storm hours (sd_score.hours: one dot per storm and hour); otherwise the
 * figures are folded here from the results' items (arrival, answered_at) of kind comment,
 * reply or direct message. No SDL: built from plain arrays, so that it is unit-tested on
 * its own; sd_chart_draw() (chart.c, declared in app_internal.h) draws it.
 *
 * Ownership: an sd_chart is a plain value; it keeps no pointers into what it was built
 * from. */
#ifndef SD_WINDOW_CHART_H
#define SD_WINDOW_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "results/results.h"
#include "scoring/score.h"

#define SD_CHART_MAX 48     /* bars at most */
#define SD_CHART_SERIES 4   /* storms told apart by colour; more share the last */

typedef struct sd_chart_dot {
    size_t bucket;          /* the bar it belongs to */
    double median;          /* seconds */
    int series;             /* 0 .. SD_CHART_SERIES - 1 (a storm; 0 for the items' figures) */
} sd_chart_dot;

typedef struct sd_chart {
    sd_time start;          /* the first bar's start */
    int64_t step;           /* seconds per bar: 600, 3600 or a multiple of 3600 */
    size_t n;               /* bars, at least 1 */
    size_t comments[SD_CHART_MAX];
    sd_chart_dot dots[SD_CHART_MAX * SD_CHART_SERIES];
    size_t n_dots;
    size_t max_comments;
    double max_median;      /* seconds, 0 when no dot */
    bool from_storms;       /* built from the core's storm hours */
} sd_chart;

/* Builds the chart of [start, end) (end: when the exercise ended; at least one bar).
 * items in arrival order (sd_results_items); hours may be NULL when n_hours is 0. */
void sd_chart_build(sd_chart *c, const sd_res_item *items, size_t n_items,
                    const sd_storm_hour *hours, size_t n_hours, sd_time start, sd_time end);

#endif
