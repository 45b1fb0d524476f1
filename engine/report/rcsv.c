/* rcsv.c - report.csv and items.csv. */
#include "rcsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../scoring/score.h"
#include "../util/atomic_file.h"
#include "../util/csvw.h"

#define FLUSH_BYTES ((size_t)1 << 20)

static void time_cell(sd_buf *b, sd_time t, bool last)
{
    char s[20] = "";
    if (t)
        sd_time_format(t, s);
    sd_csv_raw(b, s, last);
}

static void num_cell(sd_buf *b, double v, bool last)
{
    sd_csv_number(b, "%.1f", v, v >= 0, last);
}

/* Names of the set bits of set in vocabulary voc (or the fault names), space-separated. */
static void set_cell(sd_buf *b, uint32_t set, int voc, bool last)
{
    char out[512] = "";
    size_t used = 0;
    for (int k = 0; k < 32 && used < sizeof out; k++)
        if (set & (1u << k))
            used += (size_t)snprintf(out + used, sizeof out - used, "%s%s", used ? " " : "",
                                     voc < 0 ? sd_fault_name((sd_fault)k)
                                             : sd_vocab_name((sd_vocab_id)voc, k));
    sd_csv_raw(b, out, last);
}

static sd_status flush(sd_atomic_file *f, sd_buf *b, size_t at_least, sd_error *err)
{
    if (b->len < at_least)
        return SD_OK;
    if (!sd_buf_ok(b))
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory writing %s", f->path);
    sd_status st = sd_atomic_write(f, b->data ? b->data : "", b->len, err);
    sd_buf_reset(b);
    return st;
}

/* ---- review_agreement.csv ---- */

static void review_row(sd_buf *b, const char *file, const char *participant, const char *scenario,
                       const char *rule, int64_t reviewed, int64_t agreed)
{
    sd_csv_text(b, file, false);
    sd_csv_text(b, participant, false);
    sd_csv_text(b, scenario, false);
    sd_csv_raw(b, rule, false);
    sd_csv_int(b, reviewed, true, false);
    sd_csv_int(b, agreed, true, false);
    sd_csv_number(b, "%.1f", reviewed ? 100.0 * (double)agreed / (double)reviewed : 0, reviewed > 0, true);
}

sd_status sd_report_write_review_csv(const sd_report *r, const char *path, sd_error *err)
{
    sd_buf b = SD_BUF_INIT;
    sd_buf_puts(&b, SD_CSV_BOM "file,participant,scenario,rule,reviewed,agreed,agreement_percent\r\n");
    const sd_report_review_row *rows = sd_report_review_rows(r);
    for (size_t k = 0; k < sd_report_n_review_rows(r); k++)
        review_row(&b, "all", "", "", rows[k].rule, rows[k].reviewed, rows[k].agreed);
    int64_t compared, agreed;
    sd_report_review_totals(r, &compared, &agreed);
    if (sd_report_n_reviewed(r))
        review_row(&b, "all", "", "", "all", compared, agreed);
    for (size_t i = 0; i < sd_report_n(r); i++) {
        const sd_rr *rr = sd_report_result(r, i);
        if (!rr->reviewed)
            continue;
        for (size_t k = 0; k < rr->n_review_rows; k++)
            review_row(&b, rr->path, rr->participant, rr->scenario_id, rr->review_rows[k].rule,
                       rr->review_rows[k].reviewed, rr->review_rows[k].agreed);
        review_row(&b, rr->path, rr->participant, rr->scenario_id, "all", rr->review_compared, rr->review_agreed);
    }
    sd_status st = sd_buf_ok(&b) ? sd_write_file_atomic(path, b.data, b.len, err)
                                 : sd_error_set(err, SD_ERR_MEMORY, "out of memory writing %s", path);
    sd_buf_free(&b);
    return st;
}

/* ---- report.csv ---- */

sd_status sd_report_write_csv(const sd_report *r, const char *path, sd_error *err)
{
    sd_atomic_file f;
    sd_status st = sd_atomic_open(&f, path, err);
    if (st != SD_OK)
        return st;
    sd_buf b = SD_BUF_INIT;
    sd_buf_puts(&b, SD_CSV_BOM "file,scenario,scenario_title,scenario_version,scenario_sha256,"
                    "language,program,participant,participant_kind,date,seed,start,end_reason,"
                    "speed,tone,escalation,overall,items,expecting_answer,answered,on_time,late,"
                    "unanswered,median_answer_seconds,p90_answer_seconds,actions,"
                    "rejected_actions,replies_checked,misses,costliest_rule,marks,log_integrity,"
                    "seal_key_id\r\n");
    for (size_t i = 0; i < sd_report_n(r) && st == SD_OK; i++) {
        const sd_rr *rr = sd_report_result(r, i);
        const sd_report_group *g = sd_report_group_at(r, sd_report_group_of(r, i));
        char label[4];
        sd_report_version_label(sd_report_version_of(r, i), label);
        sd_csv_text(&b, rr->path, false);
        sd_csv_text(&b, rr->scenario_id, false);
        sd_csv_text(&b, rr->scenario_title, false);
        sd_csv_raw(&b, label, false);
        sd_csv_raw(&b, rr->scenario_sha256, false);
        sd_csv_raw(&b, sd_vocab_name(SD_VOCAB_LANGUAGE, rr->lang), false);
        sd_csv_text(&b, rr->program, false);
        sd_csv_text(&b, rr->participant, false);
        sd_csv_raw(&b, rr->participant_kind, false);
        sd_csv_raw(&b, rr->date, false);
        sd_csv_int(&b, rr->seed, true, false);
        time_cell(&b, rr->start, false);
        sd_csv_text(&b, rr->end_reason, false);
        for (int k = 0; k < SD_REPORT_SCORES; k++)
            num_cell(&b, sd_report_score(rr, k), false);
        const int64_t counts[] = {rr->summary.items, rr->summary.expecting_answer,
                                  rr->summary.answered, rr->summary.on_time, rr->summary.late,
                                  rr->summary.unanswered};
        for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
            sd_csv_int(&b, counts[k], true, false);
        sd_csv_number(&b, "%.0f", rr->summary.median_answer, rr->summary.median_answer >= 0, false);
        sd_csv_number(&b, "%.0f", rr->summary.p90_answer, rr->summary.p90_answer >= 0, false);
        sd_csv_int(&b, rr->summary.actions, true, false);
        sd_csv_int(&b, rr->summary.rejected, true, false);
        sd_csv_int(&b, rr->replies_checked, true, false);
        int worst = -1;
        double worst_cost = -1;
        double per_rule[SD_RULE_COUNT] = {0};
        for (size_t k = 0; k < rr->n_feedback; k++) {
            if (rr->feedback[k].rule >= 0)
                per_rule[rr->feedback[k].rule] += rr->feedback[k].cost;
        }
        for (int k = 0; k < SD_RULE_COUNT; k++)
            if (per_rule[k] > worst_cost && per_rule[k] > 0) {
                worst_cost = per_rule[k];
                worst = k;
            }
        sd_csv_int(&b, (long long)rr->n_feedback, true, false);
        sd_csv_raw(&b, worst >= 0 ? sd_vocab_name(SD_VOCAB_RULE, worst) : "", false);
        const char *marks = g->n_versions > 1 && g->n_programs > 1
                                ? "scenario_versions_differ program_versions_differ"
                            : g->n_versions > 1  ? "scenario_versions_differ"
                            : g->n_programs > 1 ? "program_versions_differ"
                                                : "";
        sd_csv_raw(&b, marks, false);
        sd_csv_raw(&b, rr->integrity, false);
        sd_csv_raw(&b, rr->key_id ? rr->key_id : "", true);
        st = flush(&f, &b, FLUSH_BYTES, err);
    }
    if (st == SD_OK)
        st = flush(&f, &b, 0, err);
    sd_buf_free(&b);
    if (st != SD_OK) {
        sd_atomic_abort(&f);
        return st;
    }
    return sd_atomic_commit(&f, err);
}

/* ---- items.csv ---- */

struct sd_items_csv {
    sd_atomic_file f;
    sd_buf b;
};

sd_status sd_items_csv_open(const char *path, sd_items_csv **out, sd_error *err)
{
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sd_status st = sd_atomic_open(&(*out)->f, path, err);
    if (st != SD_OK) {
        free(*out);
        *out = NULL;
        return st;
    }
    sd_buf_puts(&(*out)->b, SD_CSV_BOM "file,scenario,participant,date,item,kind,first_name,"
                            "last_name,mood,storm,arrival,deadline,answered_at,answer_seconds,"
                            "answer_action,late,expects_answer,speed_score,replies,tone_score,"
                            "checks_failed,decision,escalated_on_time,escalated_late,"
                            "escalation_missing,escalation_unneeded,faults\r\n");
    return SD_OK;
}

sd_status sd_items_csv_row(void *ctx, const sd_rr *rr, const sd_rr_item *it, sd_error *err)
{
    sd_items_csv *c = ctx;
    sd_buf *b = &c->b;
    sd_csv_text(b, rr->path, false);
    sd_csv_text(b, rr->scenario_id, false);
    sd_csv_text(b, rr->participant, false);
    sd_csv_raw(b, rr->date, false);
    sd_csv_text(b, it->id, false);
    sd_csv_raw(b, sd_vocab_name(SD_VOCAB_KIND, it->kind), false);
    sd_csv_text(b, it->first, false);
    sd_csv_text(b, it->last, false);
    sd_csv_raw(b, it->mood >= 0 ? sd_vocab_name(SD_VOCAB_MOOD, it->mood) : "", false);
    sd_csv_text(b, it->storm, false);
    time_cell(b, it->arrival, false);
    time_cell(b, it->deadline, false);
    time_cell(b, it->answered_at, false);
    sd_csv_int(b, it->answer_seconds, it->answer_seconds >= 0, false);
    sd_csv_raw(b, it->answer_action >= 0 ? sd_vocab_name(SD_VOCAB_ACTION, it->answer_action) : "", false);
    sd_csv_raw(b, it->late < 0 ? "" : it->late ? "true" : "false", false);
    sd_csv_raw(b, it->expects_answer ? "true" : "false", false);
    num_cell(b, it->speed_score, false);
    sd_csv_int(b, it->replies, true, false);
    num_cell(b, it->tone_score, false);
    set_cell(b, it->checks_failed, SD_VOCAB_RULE, false);
    sd_csv_raw(b, it->decision >= 0 ? sd_vocab_name(SD_VOCAB_DECISION, it->decision) : "", false);
    for (int v = 0; v < SD_RR_VERDICT_COUNT; v++)
        set_cell(b, it->esc[v], SD_VOCAB_TARGET, false);
    set_cell(b, it->faults, -1, true);
    return flush(&c->f, b, FLUSH_BYTES, err);
}

sd_status sd_items_csv_commit(sd_items_csv *c, sd_error *err)
{
    sd_status st = flush(&c->f, &c->b, 0, err);
    sd_buf_free(&c->b);
    if (st != SD_OK)
        sd_atomic_abort(&c->f);
    else
        st = sd_atomic_commit(&c->f, err);
    free(c);
    return st;
}

void sd_items_csv_abort(sd_items_csv *c)
{
    if (c == NULL)
        return;
    sd_buf_free(&c->b);
    sd_atomic_abort(&c->f);
    free(c);
}
