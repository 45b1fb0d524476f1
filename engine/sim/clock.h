/* clock.h - the simulated clock: compressed time that can pause and be stepped.
 *
 * A front end drives it frame by frame with real elapsed seconds (sd_clock_real_step);
 * headless runs step it by simulated seconds directly. `now` is fractional so that small
 * frames add up; events fire at whole simulated seconds <= now. */
#ifndef SD_CLOCK_H
#define SD_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct sd_clock {
    double now;         /* simulated seconds since 1970-01-01 (civil) */
    double compression; /* simulated seconds per real second, > 0 */
    bool paused;
} sd_clock;

void sd_clock_init(sd_clock *c, int64_t start, double compression);
/* Advances by real seconds times the compression; nothing while paused. Returns the
 * simulated seconds advanced. */
double sd_clock_real_step(sd_clock *c, double real_seconds);
/* Advances by simulated seconds, paused or not (explicit stepping). */
void sd_clock_sim_step(sd_clock *c, double sim_seconds);
/* Whole simulated second the clock is in. */
int64_t sd_clock_now(const sd_clock *c);

#endif
