/* reply_input.c - the tone checks' input for a reply, built in one place for the score and
 * the window's coach (reply_input.h). */
#include "reply_input.h"

#include <string.h>

void sd_reply_tone_input(const sd_reply_context *cx, const sd_reply_target *to,
                         const char *text, bool is_public, sd_tone_input *out)
{
    const sd_expect *e = to->expect;
    memset(out, 0, sizeof *out);
    out->text = text;
    out->lang = cx->lang;
    out->to_first = to->to_first;
    out->to_handle = to->to_handle;
    out->signer = cx->signer;
    out->mood = to->mood;
    out->expect_link = e->link != NULL;
    out->is_public = is_public;
    out->max_words = e->max_words ? e->max_words : cx->scoring->max_words;
    out->max_lix = cx->scoring->max_lix;
    out->expect_answer = e->answer && e->cls != SD_CLASS_TROLL && e->cls != SD_CLASS_ILLEGAL;
    /* A troll's or an illegal comment's words are not a question to answer. */
    out->kp = e->cls == SD_CLASS_TROLL || e->cls == SD_CLASS_ILLEGAL ? NULL : to->kp;
    out->words = cx->words;
    out->names = cx->names;
    out->n_names = cx->n_names;
}
