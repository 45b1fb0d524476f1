/* rng.c - xoshiro256** with splitmix64 seeding (public-domain algorithms by Blackman and
 * Vigna), written for Stormdrill's deterministic simulations. */
#include "rng.h"

#include <math.h>

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void sd_rng_seed(sd_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

uint64_t sd_rng_next(sd_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double sd_rng_uniform(sd_rng *r) { return (double)(sd_rng_next(r) >> 11) * 0x1.0p-53; }

uint64_t sd_rng_below(sd_rng *r, uint64_t n)
{
    if (n <= 1)
        return 0;
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t v;
    do {
        v = sd_rng_next(r);
    } while (v >= limit);
    return v % n;
}

double sd_rng_exponential(sd_rng *r, double rate)
{
    double u = sd_rng_uniform(r);
    return -log1p(-u) / rate;
}

void sd_rng_fork(sd_rng *r, sd_rng *child) { sd_rng_seed(child, sd_rng_next(r)); }
