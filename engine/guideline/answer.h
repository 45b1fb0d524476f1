/* answer.h - what counts as answering an item (rules answer_questions, speed, repeat_once):
 * a reply to anyone who wrote; a refer_previous on a repeated question; a dm_reply to a
 * direct message; an acknowledgement of an internal message; or an escalation the item
 * expects. One definition, used by the running session and by the results. */
#ifndef SD_ANSWER_H
#define SD_ANSWER_H

#include <stdbool.h>

#include "../scenario/scenario.h"
#include "vocab.h"

/* kind: the item's kind; repeat: the item repeats an earlier question (repeat_of);
 * target: the sd_target of an escalation, else ignored. */
bool sd_action_answers(const sd_expect *e, sd_kind kind, bool repeat, sd_action_kind action,
                       int target);

#endif
