/* reply_input.h - the one place that turns a sent or drafted reply, and the item it
 * answers, into the tone checks' input (tone.h). The score and the window's coach both
 * build their input here, so that the coach's verdict on a reply is the score's.
 *
 * Ownership: everything is borrowed; the input points into the arguments. */
#ifndef SD_REPLY_INPUT_H
#define SD_REPLY_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "../scenario/scenario.h"
#include "tone.h"

/* What holds for every reply of one exercise. */
typedef struct sd_reply_context {
    sd_language lang;
    const char *signer;               /* the participant's first name */
    const sd_scoring_params *scoring; /* the scenario's (the log header's) */
    const sd_spell_extra *words;      /* the scenario's own words, or NULL */
    const char *const *names;         /* first names of the exercise's people, or NULL */
    size_t n_names;
} sd_reply_context;

/* The item a reply answers. */
typedef struct sd_reply_target {
    const sd_expect *expect;          /* never NULL */
    const char *to_first;             /* the author's first name, or NULL */
    const char *to_handle;            /* the author's handle, or NULL */
    sd_mood mood;
    const sd_kp *kp;                  /* expect->content compiled, or NULL */
} sd_reply_target;

/* text: the reply; is_public: a public reply (false for a private one). */
void sd_reply_tone_input(const sd_reply_context *cx, const sd_reply_target *to,
                         const char *text, bool is_public, sd_tone_input *out);

#endif
