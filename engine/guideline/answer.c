/* answer.c - the one definition of "this action answers the item". */
#include "answer.h"

bool sd_action_answers(const sd_expect *e, sd_kind kind, bool repeat, sd_action_kind action,
                       int target)
{
    bool authored = kind == SD_KIND_COMMENT || kind == SD_KIND_REPLY || kind == SD_KIND_DM ||
                    kind == SD_KIND_INQUIRY;
    switch (action) {
    case SD_ACT_REPLY:
        return authored;
    case SD_ACT_REFER_PREVIOUS:
        return authored && (repeat || (e->rules & (1ULL << SD_RULE_REPEAT_ONCE)));
    case SD_ACT_DM_REPLY:
        return kind == SD_KIND_DM;
    case SD_ACT_ACKNOWLEDGE:
        return kind == SD_KIND_INTERNAL;
    case SD_ACT_ESCALATE:
        return target >= 0 && target < SD_TARGET_COUNT && (e->escalate & (1u << target));
    default:
        return false;
    }
}
