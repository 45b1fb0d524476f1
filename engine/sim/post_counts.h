/* post_counts.h - the reaction, comment and share counts shown under the organisation's
 * post: a pure function of what the session log holds, so that a live run, a replay and a
 * resumed exercise show the same numbers at the same moment (docs/scoring.md, "The audience
 * model": the formulas and their numbers).
 *
 * Nothing here is random at run time: a post's own reach comes from a hash of its id. The
 * counts never go down while the exercise runs: they take the highest intensity and the
 * lowest sentiment the state records have shown since the post was published. */
#ifndef SD_POST_COUNTS_H
#define SD_POST_COUNTS_H

#include <stdint.h>

typedef struct sd_post_counts {
    uint32_t reactions, comments, shares;
} sd_post_counts;

typedef struct sd_post_counts_in {
    const char *post_id;   /* the post's id: its own reach (never NULL) */
    uint32_t comments;     /* comments and replies on the post so far (hidden ones count:
                              their authors and friends still see them; deleted ones do not) */
    double minutes;        /* simulated minutes since the post was published (< 0: 0) */
    double intensity;      /* the highest audience intensity since then (1 = normal; the
                              state records' value; no state record yet: 1) */
    double sentiment;      /* the lowest sentiment since then (-1..1; none yet: 0) */
} sd_post_counts_in;

/* The counts for in. */
void sd_post_counts_compute(const sd_post_counts_in *in, sd_post_counts *out);

#endif
