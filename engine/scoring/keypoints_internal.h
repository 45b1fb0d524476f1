/* keypoints_internal.h - what the key-point tests look at inside engine/scoring (not a
 * public API): the matcher without its prefilters and memo, stemming every word and
 * comparing it with every phrase word, which sd_kp_match must agree with. */
#ifndef SD_KEYPOINTS_INTERNAL_H
#define SD_KEYPOINTS_INTERNAL_H

#include "keypoints.h"

/* The verdict sd_kp_match gives, found the slow way. */
void sd_kp_match_reference(const sd_kp *kp, sd_stemmer *st, const char *text, size_t len,
                           sd_kp_verdict *out);

#endif
