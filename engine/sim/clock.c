/* clock.c - compressed, pausable simulated clock. */
#include "clock.h"

#include <math.h>

void sd_clock_init(sd_clock *c, int64_t start, double compression)
{
    c->now = (double)start;
    c->compression = compression > 0 ? compression : 1.0;
    c->paused = false;
}

double sd_clock_real_step(sd_clock *c, double real_seconds)
{
    if (c->paused || !(real_seconds > 0))
        return 0;
    double d = real_seconds * c->compression;
    c->now += d;
    return d;
}

void sd_clock_sim_step(sd_clock *c, double sim_seconds)
{
    if (sim_seconds > 0)
        c->now += sim_seconds;
}

int64_t sd_clock_now(const sd_clock *c) { return (int64_t)floor(c->now); }
