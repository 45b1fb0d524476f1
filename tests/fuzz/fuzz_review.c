/* fuzz_review.c - libFuzzer target for the review-file reader (engine/review/review.h),
 * which reads untrusted files in `stormdrill review` and `stormdrill score --review`:
 * arbitrary bytes as a review file. A file the reader refuses must be refused with a
 * message that names it; a file it accepts must give lookups, an agreement whose rows never
 * count more agreed than reviewed, and a results member that is valid JSON of valid UTF-8.
 * A crash, sanitizer report or leak is a finding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "review/review.h"
#include "support.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sd_reviews *rv = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_reviews_load_buffer("fuzz.jsonl", (const char *)data, size, NULL, &rv, &err) != SD_OK) {
        if (rv != NULL || strncmp(sd_error_msg(&err), "fuzz.jsonl", 10) != 0)
            abort();
        sd_error_clear(&err);
        return 0;
    }
    for (size_t i = 0; i < sd_reviews_n(rv); i++) {
        const sd_review_entry *e = sd_reviews_at(rv, i);
        sd_review_mark m;
        bool found = e->kind == SD_REVIEW_REPLY ? sd_reviews_reply(rv, (size_t)e->action, &m)
                                                : sd_reviews_decision(rv, e->item, &m);
        if (!found || m.answers < -1 || m.answers > 2 || !m.evaluator ||
            !sd_utf8_valid(m.evaluator, strlen(m.evaluator)))
            abort();
    }
    sd_review_agreement a;
    sd_reviews_agreement(rv, &a);
    for (int k = 0; k < SD_REVIEW_ROWS; k++)
        if (a.agreed[k] > a.reviewed[k])
            abort();
    if (a.agreed_all > a.compared)
        abort();
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &b, false);
    sd_jsonw_object_begin(&w);
    sd_reviews_write_json(rv, &w);
    sd_jsonw_object_end(&w);
    if (!sd_jsonw_ok(&w) || !sd_utf8_valid(b.data, b.len))
        abort();
    cJSON *doc = cJSON_Parse(b.data);
    if (!doc)
        abort();
    cJSON_Delete(doc);
    sd_buf_free(&b);
    sd_reviews_free(rv);
    return 0;
}
