/* answer.h - what counts as answering an item (rule answer_questions, speed): a reply, a
 * refer_previous, a dm_reply, an acknowledgement of an internal message, or an escalation
 * the item expects. One definition, used by the running session and by the results. */
#ifndef SD_ANSWER_H
#define SD_ANSWER_H

#include <stdbool.h>

#include "../scenario/scenario.h"
#include "vocab.h"

/* target: the sd_target of an escalation, else ignored. */
bool sd_action_answers(const sd_expect *e, sd_action_kind kind, int target);

#endif
