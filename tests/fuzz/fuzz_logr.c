/* fuzz_logr.c - libFuzzer target for the session-log reader (engine/log/logr.h), which
 * reads untrusted files in `stormdrill score`. Each input is used twice:
 *   - line by line through sd_record_from_json(); a line that parses must survive a round
 *     trip (sd_record_to_json, parse again, serialise again: the same text); the first
 *     header that parses is the table of contents later lines refer to;
 *   - as a whole log file through sd_logr_open/next, feeding every record to
 *     sd_results_add() and then scoring and writing the results as `stormdrill score` does.
 * Errors are expected; a crash, sanitizer report, leak or broken round trip is a finding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "log/logr.h"
#include "log/logw.h"
#include "results/results.h"
#include "scoring/score.h"
#include "scoring/texts.h"
#include "scoring/tone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct shared {
    sd_lexicons *lx;
    sd_texts *tx[SD_LANG_COUNT];
} shared;

/* The lexicons and feedback texts, loaded once (read-only afterwards). */
static const shared *assets(void)
{
    static shared s;
    static bool loaded;
    if (!loaded) {
        sd_error err = SD_ERROR_INIT;
        sd_status st = sd_lexicons_load(SD_SOURCE_DIR "/assets", &s.lx, &err);
        for (int l = 0; st == SD_OK && l < SD_LANG_COUNT; l++)
            st = sd_texts_load(SD_SOURCE_DIR "/assets", (sd_language)l, &s.tx[l], &err);
        if (st != SD_OK) {
            fprintf(stderr, "fuzz_logr: %s\n", sd_error_msg(&err));
            abort();
        }
        loaded = true;
    }
    return &s;
}

/* The header the lines so far gave (its contents are what later items refer to). */
typedef struct lines {
    sd_record_keep hkeep;
    sd_rec_header header;
    bool have_header;
} lines;

/* One line: parse; when it parses, serialise, parse the result and serialise again. */
static void one_line(lines *ls, const char *text, size_t len)
{
    sd_record rec, back;
    sd_record_keep keep = SD_RECORD_KEEP_INIT, keep_back = SD_RECORD_KEEP_INIT;
    sd_error err = SD_ERROR_INIT;
    const sd_rec_header *h = ls->have_header ? &ls->header : NULL;
    if (sd_record_from_json(text, len, "fuzz:1", h, &rec, &keep, &err) == SD_OK) {
        sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
        if (sd_record_to_json(&rec, true, &a) != SD_OK)
            abort();
        if (sd_record_from_json(a.data, a.len, "again:1", h, &back, &keep_back, &err) != SD_OK) {
            fprintf(stderr, "round trip: the reader refuses what the writer wrote: %s\n%s\n",
                    sd_error_msg(&err), sd_buf_str(&a));
            abort();
        }
        if (sd_record_to_json(&back, true, &b) != SD_OK || a.len != b.len ||
            memcmp(a.data, b.data, a.len) != 0) {
            fprintf(stderr, "round trip: not stable:\n%s\n%s\n", sd_buf_str(&a), sd_buf_str(&b));
            abort();
        }
        sd_buf_free(&a);
        sd_buf_free(&b);
        if (rec.type == SD_REC_HEADER && !ls->have_header) {
            ls->hkeep = keep;
            keep = (sd_record_keep)SD_RECORD_KEEP_INIT;
            ls->header = rec.u.header;
            ls->have_header = true;
        }
    }
    sd_record_keep_free(&keep);
    sd_record_keep_free(&keep_back);
    sd_error_clear(&err);
}

/* The whole input as a log, scored as `stormdrill score` does. */
static void whole_log(const uint8_t *data, size_t size)
{
    const char *path = sd_fuzz_write_file("session.jsonl", data, size);
    sd_error err = SD_ERROR_INIT;
    sd_logr *r = NULL;
    sd_results *res = NULL;
    if (sd_logr_open(path, &r, &err) != SD_OK || sd_results_create(&res, &err) != SD_OK)
        goto done;
    for (;;) {
        sd_record rec;
        bool got;
        if (sd_logr_next(r, &rec, &got, &err) != SD_OK || !got)
            break;
        if (sd_results_add(res, &rec, &err) != SD_OK)
            break;
    }
    const char *torn;
    (void)sd_logr_torn(r, &torn);
    const sd_rec_header *h = sd_results_header(res);
    if (err.msg == NULL && h != NULL) {
        const shared *s = assets();
        sd_score *sc = NULL;
        if (sd_score_compute(res, s->lx, s->tx[h->lang], &sc, &err) == SD_OK) {
            sd_results_summary sum;
            sd_results_summarise(res, &sum);
            sd_results_attach_score(res, sc);
            sd_buf json = SD_BUF_INIT;
            (void)sd_results_to_json(res, &json, &err);
            sd_buf_free(&json);
            sd_results_attach_score(res, NULL);
            sd_score_free(sc);
        }
    }
done:
    sd_logr_close(r);
    sd_results_free(res);
    sd_error_clear(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t start = 0;
    lines ls = {.hkeep = SD_RECORD_KEEP_INIT};
    for (size_t i = 0; i <= size; i++)
        if (i == size || text[i] == '\n') {
            if (i > start)
                one_line(&ls, text + start, i - start);
            start = i + 1;
        }
    sd_record_keep_free(&ls.hkeep);
    whole_log(data, size);
    return 0;
}
