/* targets.c - what there is to review in a scored exercise (review.h): every tone-checked
 * reply and the response-model decisions, each with the machine's verdict on it, in time
 * order. */
#include "review.h"

#include <stdlib.h>
#include <string.h>

#include "../scoring/score.h"

static int cmp_target(const void *a, const void *b)
{
    const sd_review_target *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind == SD_REVIEW_REPLY ? -1 : 1;
    int32_t ka = x->action >= 0 ? x->action : INT32_MAX, kb = y->action >= 0 ? y->action : INT32_MAX;
    if (ka != kb)
        return ka < kb ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

/* The action that made the decision d on item it: the delete, the first hide or report, or
 * the first reply; -1 when the item was left (monitored). */
static int32_t decision_action(const sd_results *r, const sd_res_item *it, int d)
{
    const sd_res_action *acts = sd_results_actions(r);
    int32_t first_reply = -1, first_mod = -1;
    for (int32_t a = it->first_action; a >= 0; a = acts[a].next) {
        sd_action_kind k = acts[a].kind;
        if (k == SD_ACT_DELETE && d == SD_DECISION_DELETE)
            return a;
        if ((k == SD_ACT_HIDE && d == SD_DECISION_HIDE) || (k == SD_ACT_REPORT && d == SD_DECISION_REPORT))
            if (first_mod < 0)
                first_mod = a;
        if ((k == SD_ACT_REPLY || k == SD_ACT_DM_REPLY || k == SD_ACT_REFER_PREVIOUS) && first_reply < 0)
            first_reply = a;
    }
    return first_mod >= 0 ? first_mod : first_reply;
}

static bool moderated(const sd_results *r, const sd_res_item *it)
{
    const sd_res_action *acts = sd_results_actions(r);
    for (int32_t a = it->first_action; a >= 0; a = acts[a].next)
        if (acts[a].kind == SD_ACT_HIDE || acts[a].kind == SD_ACT_DELETE || acts[a].kind == SD_ACT_REPORT)
            return true;
    return false;
}

sd_status sd_review_targets(const sd_results *r, const sd_score *s, sd_review_target **out,
                            size_t *n_out, sd_error *err)
{
    *out = NULL;
    *n_out = 0;
    const sd_res_item *items = sd_results_items(r);
    const sd_res_action *acts = sd_results_actions(r);
    size_t ni = sd_results_n_items(r), na = sd_results_n_actions(r);
    size_t cap = s->n_replies + (s->n_items < ni ? s->n_items : ni) + 1;
    sd_review_target *t = malloc(cap * sizeof *t);
    if (!t)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    size_t n = 0;
    uint32_t tone = sd_review_tone_checks();
    for (size_t i = 0; i < s->n_replies; i++) {
        const sd_reply_score *rs = &s->replies[i];
        if (rs->action < 0 || (size_t)rs->action >= na || rs->item < 0 || (size_t)rs->item >= ni)
            continue;
        sd_review_target *x = &t[n++];
        memset(x, 0, sizeof *x);
        x->kind = SD_REVIEW_REPLY;
        x->action = rs->action;
        x->item = rs->item;
        x->t = acts[rs->action].t;
        bool ans_applies = (rs->applies >> SD_TONE_ANSWERS) & 1u;
        bool ans_pass = (rs->pass >> SD_TONE_ANSWERS) & 1u;
        x->machine.answers = !ans_applies ? SD_ANSWERS_NONE : ans_pass ? SD_ANSWERS_YES : SD_ANSWERS_NO;
        x->machine.failed = (uint32_t)(rs->applies & ~rs->pass) & tone;
        x->machine.tone_ok = x->machine.failed == 0;
        x->machine.decision = -1;
    }
    /* Response-model feedback per item (the machine's objection to a decision). */
    bool *objected = calloc(ni ? ni : 1, sizeof *objected);
    if (!objected) {
        free(t);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    for (size_t f = 0; f < s->n_feedback; f++) {
        const sd_feedback *fb = &s->feedback[f];
        if (fb->item >= 0 && (size_t)fb->item < ni &&
            (fb->rule == SD_RULE_RESPONSE_MODEL || fb->rule == SD_RULE_SECURE_ACCOUNTS))
            objected[fb->item] = true;
    }
    uint8_t decision_faults = (uint8_t)((1u << SD_FAULT_DELETED_CRITICISM) | (1u << SD_FAULT_DECISION) |
                                        (1u << SD_FAULT_TROLL_REPLY));
    for (size_t i = 0; i < ni && i < s->n_items; i++) {
        const sd_item_score *is = &s->items[i];
        const sd_res_item *it = &items[i];
        if (is->decision < 0 || !(it->expect->ok || it->expect->fault || moderated(r, it)))
            continue;
        sd_review_target *x = &t[n++];
        memset(x, 0, sizeof *x);
        x->kind = SD_REVIEW_DECISION;
        x->item = (int32_t)i;
        x->action = decision_action(r, it, is->decision);
        x->t = x->action >= 0 ? acts[x->action].t : it->arrival;
        x->machine.answers = SD_ANSWERS_NONE;
        x->machine.decision = is->decision;
        x->machine.decision_ok = !(is->faults & decision_faults) && !objected[i];
    }
    free(objected);
    qsort(t, n, sizeof *t, cmp_target);
    *out = t;
    *n_out = n;
    return SD_OK;
}
