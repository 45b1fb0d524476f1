/* answer.c - the one definition of "this action answers the item". */
#include "answer.h"

bool sd_action_answers(const sd_expect *e, sd_action_kind kind, int target)
{
    switch (kind) {
    case SD_ACT_REPLY:
    case SD_ACT_REFER_PREVIOUS:
    case SD_ACT_DM_REPLY:
    case SD_ACT_ACKNOWLEDGE:
        return true;
    case SD_ACT_ESCALATE:
        return target >= 0 && target < SD_TARGET_COUNT && (e->escalate & (1u << target));
    default:
        return false;
    }
}
