/* rng.h - the engine's own deterministic random generator (xoshiro256**, seeded by
 * splitmix64). Every exercise has its own sd_rng seeded from the exercise seed, so the same
 * seed gives the same run on every machine; nothing here reads global state. */
#ifndef SD_RNG_H
#define SD_RNG_H

#include <stdint.h>

typedef struct sd_rng {
    uint64_t s[4];
} sd_rng;

void sd_rng_seed(sd_rng *r, uint64_t seed);
uint64_t sd_rng_next(sd_rng *r);
/* Uniform in [0, 1). */
double sd_rng_uniform(sd_rng *r);
/* Uniform integer in [0, n); n > 0. Unbiased. */
uint64_t sd_rng_below(sd_rng *r, uint64_t n);
/* Exponentially distributed with the given rate (> 0): mean 1/rate. */
double sd_rng_exponential(sd_rng *r, double rate);
/* A child generator for an independent stream (e.g. one per storm), derived from r. */
void sd_rng_fork(sd_rng *r, sd_rng *child);

#endif
