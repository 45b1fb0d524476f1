/* fuzz_results.c - libFuzzer target for the results reader of the report tool
 * (engine/report/rread.h): arbitrary bytes as a results file. A file the reader refuses
 * must be refused with a message that names it; a file it accepts is made into a report
 * (report.h) and its page (html.h, in Swedish and English with the real texts), which must
 * be valid UTF-8 - whatever the file held. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "report/report.h"
#include "report/rread.h"
#include "support.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The interface texts, loaded once (read-only afterwards). */
static sd_texts *texts(sd_language lang)
{
    static sd_texts *tx[SD_LANG_COUNT];
    if (tx[lang] == NULL) {
        sd_error err = SD_ERROR_INIT;
        if (sd_texts_load(SD_SOURCE_DIR "/assets", lang, &tx[lang], &err) != SD_OK) {
            fprintf(stderr, "fuzz_results: %s\n", sd_error_msg(&err));
            abort();
        }
    }
    return tx[lang];
}

/* Every item the reader hands on has been validated: its numbers are in range (-1 where
 * a figure is absent). */
static sd_status check_item(void *ctx, const sd_rr *rr, const sd_rr_item *it, sd_error *err)
{
    (void)ctx;
    (void)rr;
    (void)err;
    if (it->id == NULL || it->kind < 0 || it->kind >= SD_KIND_COUNT || it->mood < -1 ||
        it->mood >= SD_MOOD_COUNT || (it->speed_score != -1 && (it->speed_score < 0 || it->speed_score > 100)) ||
        it->replies < 0 || (it->tone_score != -1 && (it->tone_score < 0 || it->tone_score > 100)))
        abort();
    return SD_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char name[] = "fuzz-results.json";
    sd_rr_options opt = {.on_item = check_item};
    sd_rr *rr = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_rr_read_buffer(name, (const char *)data, size, &opt, &rr, &err) != SD_OK) {
        if (strstr(sd_error_msg(&err), name) == NULL) {
            fprintf(stderr, "fuzz_results: the message does not name the file: %s\n",
                    sd_error_msg(&err));
            abort();
        }
        sd_error_clear(&err);
        return 0;
    }
    sd_report *rep = NULL;
    if (sd_report_create(&rep, &err) != SD_OK || sd_report_add(rep, rr, &err) != SD_OK ||
        sd_report_finish(rep, &err) != SD_OK) {
        fprintf(stderr, "fuzz_results: a file the reader accepted broke the report: %s\n",
                sd_error_msg(&err));
        abort();
    }
    for (int l = 0; l < SD_LANG_COUNT; l++) {
        sd_report_html_options o = {.tx = texts((sd_language)l), .lang = (sd_language)l};
        sd_buf page = SD_BUF_INIT;
        if (sd_report_html(rep, &o, &page, &err) != SD_OK || !sd_utf8_valid(page.data, page.len)) {
            fprintf(stderr, "fuzz_results: the page failed or is not valid UTF-8: %s\n",
                    sd_error_msg(&err));
            abort();
        }
        sd_buf_free(&page);
    }
    sd_report_free(rep);
    sd_error_clear(&err);
    return 0;
}
