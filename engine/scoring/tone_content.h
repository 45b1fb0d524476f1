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

/* The highest score of a reply whose `answers` check found nothing of what was asked. */
#define SD_TONE_NOTHING_SAID 30.0

/* A reply's score from its checks' bits (bit per sd_tone_check): the weighted share of the
 * applicable checks passed, `answers` earning answers_credit (0..1) of its weight; at most
 * SD_TONE_NOTHING_SAID when nothing_said. The one formula of the coach and the score. */
double sd_tone_weigh(uint32_t applies, uint32_t pass, double answers_credit, bool nothing_said);

/* The reply's score from its checks: sd_tone_weigh with `answers` counting in proportion
 * to the key points met out of those needed, and nothing said when `answers` failed with
 * no key point met (or no body). */
double sd_tone_result_score(const sd_tone_result *r);

#endif
