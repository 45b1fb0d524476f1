/* tone_content.h - the checks of what a reply says (answers, refer, channel, avoid) and of
 * its spelling, run by sd_tone_check_reply() over the body it found (not a public API:
 * tone.h documents the checks). */
#ifndef SD_TONE_CONTENT_H
#define SD_TONE_CONTENT_H

#include <stddef.h>

#include "tone.h"

/* s[body_b..body_e): the reply's body (without greeting and sign-off); words: its words.
 * Fills out->checks[SD_TONE_ANSWERS .. SD_TONE_SPELLING], out->kp, out->misspelt and
 * out->miss. lx may be NULL (then spelling and key points do not apply). */
void sd_tone_check_content(const sd_lexicons *lx, const sd_tone_input *in, const char *s,
                           size_t body_b, size_t body_e, int words, sd_tone_result *out);

/* The reply's score from its checks: the weighted share of applicable checks passed,
 * `answers` counting in proportion to the key points met out of those needed. */
double sd_tone_result_score(const sd_tone_result *r);

#endif
