/* csv.c - the per-item CSV of a scored exercise. */
#include "csv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/atomic_file.h"
#include "../util/csvw.h"

static void cell(sd_buf *b, const char *s, bool last)
{
    sd_csv_text(b, s, last);
}

static void time_cell(sd_buf *b, sd_time t)
{
    char s[20];
    if (t) {
        sd_time_format(t, s);
        cell(b, s, false);
    } else {
        cell(b, "", false);
    }
}

static void targets_cell(sd_buf *b, uint32_t set)
{
    char out[256] = "";
    size_t used = 0;
    for (int t = 0; t < SD_TARGET_COUNT; t++)
        if (set & (1u << t))
            used += (size_t)snprintf(out + used, sizeof out - used, "%s%s", used ? " " : "",
                                     sd_vocab_name(SD_VOCAB_TARGET, t));
    cell(b, out, false);
}

sd_status sd_score_write_csv(const sd_score *s, const sd_results *r, const char *path,
                             sd_error *err)
{
    sd_atomic_file f;
    sd_status st = sd_atomic_open(&f, path, err);
    if (st != SD_OK)
        return st;
    sd_buf b = SD_BUF_INIT;
    sd_buf_puts(&b, SD_CSV_BOM);
    sd_buf_puts(&b, "item,kind,first_name,last_name,mood,storm,arrival,deadline,answered_at,"
                    "answer_seconds,speed_score,replies,tone_score,decision,escalated_on_time,"
                    "escalated_late,escalation_missing,escalation_unneeded,faults\r\n");
    const sd_res_item *items = sd_results_items(r);
    /* Tone per item: the mean of its replies' scores. */
    double *tone_sum = calloc(s->n_items ? s->n_items : 1, sizeof *tone_sum);
    int *tone_n = calloc(s->n_items ? s->n_items : 1, sizeof *tone_n);
    if (tone_sum == NULL || tone_n == NULL) {
        free(tone_sum);
        free(tone_n);
        sd_atomic_abort(&f);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory writing %s", path);
    }
    for (size_t k = 0; k < s->n_replies; k++) {
        tone_sum[s->replies[k].item] += s->replies[k].score;
        tone_n[s->replies[k].item]++;
    }
    for (size_t i = 0; i < s->n_items && st == SD_OK; i++) {
        const sd_res_item *it = &items[i];
        const sd_item_score *is = &s->items[i];
        char num[64];
        cell(&b, it->id, false);
        cell(&b, sd_vocab_name(SD_VOCAB_KIND, it->kind), false);
        cell(&b, it->first, false);
        cell(&b, it->last, false);
        cell(&b, it->has_author ? sd_vocab_name(SD_VOCAB_MOOD, it->mood) : "", false);
        cell(&b, it->storm, false);
        time_cell(&b, it->arrival);
        time_cell(&b, it->deadline);
        time_cell(&b, it->answered_at);
        if (it->answered_at) {
            snprintf(num, sizeof num, "%lld", (long long)(it->answered_at - it->arrival));
            cell(&b, num, false);
        } else {
            cell(&b, "", false);
        }
        if (is->speed >= 0) {
            snprintf(num, sizeof num, "%.1f", is->speed);
            cell(&b, num, false);
        } else {
            cell(&b, "", false);
        }
        double tone = tone_sum[i];
        int n = tone_n[i];
        snprintf(num, sizeof num, "%d", n);
        cell(&b, num, false);
        if (n) {
            snprintf(num, sizeof num, "%.1f", tone / n);
            cell(&b, num, false);
        } else {
            cell(&b, "", false);
        }
        cell(&b, is->decision >= 0 ? sd_vocab_name(SD_VOCAB_DECISION, is->decision) : "", false);
        targets_cell(&b, is->esc_on_time);
        targets_cell(&b, is->esc_late);
        targets_cell(&b, is->esc_missing);
        targets_cell(&b, is->esc_unneeded);
        char faults[128] = "";
        size_t used = 0;
        for (int k = 0; k < SD_FAULT_COUNT; k++)
            if (is->faults & (1u << k))
                used += (size_t)snprintf(faults + used, sizeof faults - used, "%s%s",
                                         used ? " " : "", sd_fault_name((sd_fault)k));
        cell(&b, faults, true);
        if (b.len > ((size_t)1 << 20)) {
            st = sd_atomic_write(&f, b.data, b.len, err);
            sd_buf_reset(&b);
        }
    }
    free(tone_sum);
    free(tone_n);
    if (st == SD_OK && !sd_buf_ok(&b))
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory writing %s", path);
    if (st == SD_OK)
        st = sd_atomic_write(&f, b.data ? b.data : "", b.len, err);
    sd_buf_free(&b);
    if (st != SD_OK) {
        sd_atomic_abort(&f);
        return st;
    }
    return sd_atomic_commit(&f, err);
}
