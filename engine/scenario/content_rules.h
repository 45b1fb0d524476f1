/* content_rules.h - the rules every sd_content (content.h) obeys, wherever it comes from:
 * the scenario loader (scenario_lua.c), the log writer and reader (log/logw.c, log/logr.c)
 * and the results (results/results.c) share them, so that a content the loader accepts is
 * one the writer writes and the reader reads back. Also the channels built into the
 * engine (e_service, contact_centre ...) with their phrases per language, a deep copy and
 * a deep comparison.
 *
 * The rules (docs/scenario-api.md, docs/log-format.md):
 * - a phrase (a way a point is said) and a label: 1..SD_MAX_PHRASE_BYTES bytes of valid
 *   UTF-8, no control characters, at least one letter or digit;
 * - a point: a label and 1..SD_MAX_SAY phrases; 1..SD_MAX_POINTS points and as many claims
 *   to avoid; need: 1..n_points when there are points, else 0;
 * - refer and channel: a point, or nothing (n_say 0);
 * - the model answer: 1..SD_MAX_TEXT_BYTES bytes of valid UTF-8, or NULL;
 * - a content declares at least one of points, refer, channel, avoid, model.
 * - a word the spelling check accepts: 1..SD_MAX_WORD_BYTES bytes of valid UTF-8, no
 *   spaces or control characters; at most SD_MAX_WORDS words.
 *
 * Ownership: nothing here keeps a pointer; sd_content_copy() allocates in the arena given. */
#ifndef SD_CONTENT_RULES_H
#define SD_CONTENT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "../guideline/vocab.h"
#include "../util/arena.h"
#include "../util/error.h"
#include "content.h"

#define SD_MAX_PHRASE_BYTES 200u  /* a phrase or a label */
#define SD_MAX_WORD_BYTES 64u     /* a word of scenario{ words = { ... } } */
#define SD_MAX_WORDS 10000u       /* words of a scenario */

/* NULL when s[0..len) is a good phrase or label, else why not ("is empty", "is longer than
 * 200 bytes", "is not valid UTF-8", "has a control character", "has no letter or digit"). */
const char *sd_phrase_problem(const char *s, size_t len);
/* The same for a word of the spelling list. */
const char *sd_word_problem(const char *s, size_t len);

/* Checks c against the rules above. On failure: SD_ERR_INPUT with a message naming the
 * member, prefixed by `field` ("contents[2]" gives "contents[2].points[0].say[1] is
 * empty"). */
sd_status sd_content_check(const sd_content *c, const char *field, sd_error *err);

/* The channels built in (channel = "e_service" ...), by name. */
typedef enum sd_channel_id {
    SD_CHANNEL_E_SERVICE, SD_CHANNEL_CONTACT_CENTRE, SD_CHANNEL_FAULT_REPORT,
    SD_CHANNEL_PRIVATE_MESSAGE, SD_CHANNEL_PHONE, SD_CHANNEL_EMAIL, SD_CHANNEL_COUNT
} sd_channel_id;

/* The channel's name ("e_service"), or NULL out of range; its id by name, or -1. */
const char *sd_channel_name(int id);
int sd_channel_lookup(const char *name);
/* "e_service, contact_centre, ..." into out (cut to n bytes at a name). */
void sd_channel_list(char *out, size_t n);
/* The built-in channel as a point in lang: a static label and static phrases. */
void sd_channel_point(sd_channel_id id, sd_language lang, sd_point *out);

/* A deep copy of c (its points, phrases and model) in arena a, index kept; NULL when
 * memory runs out. */
sd_content *sd_content_copy(sd_arena *a, const sd_content *c);
/* True when a and b say the same (index included); NULL equals only NULL. */
bool sd_content_equal(const sd_content *a, const sd_content *b);

#endif
