/* post_counts.c - the audience's reactions and shares on the organisation's post
 * (post_counts.h; the numbers are explained in docs/scoring.md, "The audience model"). */
#include "post_counts.h"

#include <math.h>

/* FNV-1a of the post's id: which post reaches a few more people. */
static uint32_t id_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; s && *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static double clampd(double v, double lo, double hi)
{
    return v != v ? lo : v < lo ? lo : v > hi ? hi : v;
}

static uint32_t count(double v)
{
    v = floor(v + 0.5);
    return v <= 0 ? 0 : v >= 4e9 ? 4000000000u : (uint32_t)v;
}

void sd_post_counts_compute(const sd_post_counts_in *in, sd_post_counts *out)
{
    uint32_t h = id_hash(in->post_id);
    double minutes = clampd(in->minutes, 0, 1e7);
    double intensity = clampd(in->intensity, 0, 100);
    double sentiment = clampd(in->sentiment, -1, 1);
    /* The post's own reach: 20-40 reactions and 2-5 shares from its followers, half of
     * them in the first 30 minutes (m / (m + 30)). */
    double reach = minutes / (minutes + 30);
    double own_reactions = (20 + h % 21) * reach;
    double own_shares = (2 + (h >> 8) % 4) * reach;
    /* The storm: every comment brings 1.5 reactions times the intensity (people who read
     * the thread and react to it), and 0.1 shares times the intensity, doubled at the most
     * negative sentiment (outrage spreads: 1 + max(0, -sentiment)). */
    double c = in->comments;
    double storm_reactions = 1.5 * c * intensity;
    double storm_shares = 0.1 * c * intensity * (1 + (sentiment < 0 ? -sentiment : 0));
    out->comments = in->comments;
    out->reactions = count(own_reactions + storm_reactions);
    out->shares = count(own_shares + storm_shares);
}
