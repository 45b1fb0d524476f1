/* keypoints.h - does a reply say what the scenario asked for? Matches a reply's body
 * against an sd_content (scenario/content.h): which key points it meets, whether it names
 * the authority (refer) and the channel where the case continues, which claims to avoid
 * it makes. Matching is on Snowball stems (stem.h) and compound-aware, so that
 * inflections and Swedish compounds meet a point; a phrase of several words meets when its
 * words come in order close together. Same text and content, same verdict.
 *
 * A content is compiled once (its phrases stemmed) and matched against many replies.
 *
 * Ownership: sd_kp_compile() returns an sd_kp the caller frees with sd_kp_free(); it
 * borrows the content (which must outlive it) and uses the stemmer only while compiling
 * and matching (not thread-safe: see stem.h). */
#ifndef SD_KEYPOINTS_H
#define SD_KEYPOINTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../guideline/vocab.h"
#include "../scenario/content.h"
#include "../util/error.h"
#include "stem.h"

typedef struct sd_kp sd_kp;

sd_status sd_kp_compile(sd_stemmer *st, sd_language lang, const sd_content *c, sd_kp **out,
                        sd_error *err);
void sd_kp_free(sd_kp *kp);
const sd_content *sd_kp_content(const sd_kp *kp);

typedef struct sd_kp_verdict {
    uint32_t met;        /* bit per key point met */
    int n_met, need;     /* need: the content's (0 when it has no points) */
    bool has_refer, refer_met;
    bool has_channel, channel_met;
    uint32_t avoided;    /* bit per claim to avoid that the text makes */
} sd_kp_verdict;

/* Matches text[0..len) (a reply's body: without greeting and sign-off). */
void sd_kp_match(const sd_kp *kp, sd_stemmer *st, const char *text, size_t len,
                 sd_kp_verdict *out);

#endif
