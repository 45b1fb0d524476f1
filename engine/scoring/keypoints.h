/* keypoints.h - does a reply say what the scenario asked for? Matches a reply's body
 * against an sd_content (scenario/content.h): which key points it meets, whether it names
 * the authority (refer) and the channel where the case continues, which claims to avoid
 * it makes. Matching is on Snowball stems (stem.h) and compound-aware, so that
 * inflections and Swedish compounds meet a point; a phrase of several words meets when its
 * words come in order close together. Same text and content, same verdict.
 *
 * A content is compiled once (its phrases stemmed) and matched against many replies.
 *
 * The matching rules (docs/scoring-tone.md, "Key points"):
 * - Body and phrases are folded to lower case; å, ä, ö are letters of their own (never
 *   stripped to a, o). Words are runs of letters and digits; a URL or an e-mail address in
 *   the body is words too, so the name "Trafikverket" meets "https://www.trafikverket.se".
 * - A phrase word of digits meets the same number only: "14" meets "14", "kl. 14.00" and
 *   "14:00", not "140"; the phrase "14.00" (two words) meets "14.00" and "14:00".
 * - A phrase word whose stem has 1-2 letters meets only the same word ("på", "is": not
 *   "isen", not "isbana").
 * - A 3-letter stem meets words with the same stem (Swedish: also the stem + -et, -an or
 *   -at, endings Snowball leaves: "hus" meets "huset"), but no compound: "bad" does not
 *   meet "badhuset" (write "badhus").
 * - A stem of 4 letters or more meets every word whose stem contains it as a part of a
 *   compound: with nothing or at least 2 letters before it, and nothing, at least 3 letters
 *   or (Swedish) -et, -an, -at after it. So inflections and compounds meet, as head or
 *   modifier ("hämtning" meets "sophämtningen", "öppet" meets "öppettider", "bibliotek"
 *   meets "stadsbiblioteket", "reopen" meets "reopened"), while "troligen" (stem "trol")
 *   does not meet "troll". A 4-letter stem can still meet an unrelated word that contains
 *   it ("park" meets "parkering"): prefer longer words or several-word phrases there.
 * - A phrase of several words (at most 8) meets when its words come in order with at most
 *   2 other words between consecutive ones.
 * - A phrase that holds '@' or '/', or a '.' between a word character and a letter, is
 *   matched as folded text where it does not continue a word on either side:
 *   "1177.se" meets "www.1177.se/vard", not "my1177.se" or "1177.sex".
 * - Negation is not looked at ("vi lovar inte" makes the claim "vi lovar"); words longer
 *   than 63 bytes are not matched; invalid UTF-8 reads as U+FFFD (a word break).
 * - A body that is the phrase list pasted meets every point: catching stuffing is the
 *   scorer's job (concise, spelling, identical replies), not the matcher's.
 *
 * Ownership: sd_kp_compile() returns an sd_kp the caller frees with sd_kp_free(); it
 * borrows the content (which must outlive it) and uses the stemmer only while compiling
 * and matching (not thread-safe: see stem.h). A compiled sd_kp is only read by
 * sd_kp_match: threads may share one, each with its own stemmer. */
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

/* Compiles c for lang, stemming every phrase with st. Fails (SD_ERR_INPUT, the message
 * naming the point and phrase: "content: key point 2 ('öppnar'), phrase 3: has no words")
 * on more than SD_MAX_POINTS points or claims, more than SD_MAX_SAY phrases, a point
 * without phrases, a NULL or empty phrase, a phrase of more than 8 words, a word of more
 * than 63 bytes, a text phrase of more than 200 characters, more than 1024 words in the
 * multi-word phrases of the content, or a need outside 1..n_points (0 means n_points). */

/* Matches text[0..len) (a reply's body: without greeting and sign-off). Any bytes; text
 * NULL reads as empty. No allocation; the stemmer runs only on words that can meet a phrase
 * word, through its memo, so a 60-word body costs 1-2 microseconds (build/kp_bench). */
void sd_kp_match(const sd_kp *kp, sd_stemmer *st, const char *text, size_t len,
                 sd_kp_verdict *out);

/* Writes the labels of the key points v does not meet, in the content's order, separated
 * by ", " (a point without a label as "#N"), NUL-terminated, to out (cap bytes); when they
 * do not fit, as many bytes as fit on a UTF-8 boundary followed by "…" (nothing when cap
 * < 4). Returns the bytes written (0: every point met, or no points). */
size_t sd_kp_describe_missing(const sd_kp *kp, const sd_kp_verdict *v, char *out, size_t cap);

#endif
