/* bench.h - the window benchmark (`stormdrill SCENARIO --bench`): the real window with
 * the software renderer at 1280 x 800, a storm stepped quickly until many items exist, then
 * a few hundred frames of scrolling and typing; prints the median and 99th percentile frame
 * times, the time to the first frame and the peak memory. */
#ifndef SD_WINDOW_BENCH_H
#define SD_WINDOW_BENCH_H

#include <stddef.h>
#include <stdio.h>

#include "app.h"

typedef struct sd_bench_options {
    size_t items;        /* step the storm until this many items exist (100000) */
    int frames;          /* frames of scrolling and typing (300) */
    double started;      /* CLOCK_MONOTONIC seconds when the process started its work */
} sd_bench_options;

/* cfg is used as given (the caller sets hidden, size and the log path); figures go to out. */
sd_status sd_window_bench(const sd_app_config *cfg, const sd_bench_options *opt, FILE *out,
                          sd_error *err);
/* CLOCK_MONOTONIC in seconds. */
double sd_bench_now(void);

#endif
