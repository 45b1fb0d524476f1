/* fuzz_chain.c - libFuzzer target for the hash-chain and seal checks of the session-log
 * reader (engine/log/logr.h, engine/log/chain.h): any bytes as a log, read as `stormdrill
 * score` reads it, with and without a seal key. The first byte chooses how:
 *   bit 0: a seal key is given to the reader;
 *   bit 1: the input's chain is computed again first (sd_chain_rewrite, with the key when
 *          bit 0 is set), so that the checks behind the chain (fields, consistency) are
 *          reached; the chain must then never be reported broken;
 *   bit 2: the chain is made with one key and read with another.
 * Errors are expected; a crash, sanitizer report, leak or a rechained log whose chain is
 * reported broken is a finding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "log/chain.h"
#include "log/logr.h"
#include "results/results.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_log(const char *path, const sd_seal_key *key, bool must_chain)
{
    sd_error err = SD_ERROR_INIT;
    sd_logr *r = NULL;
    sd_results *res = NULL;
    if (sd_logr_open(path, &r, &err) != SD_OK || sd_results_create(&res, &err) != SD_OK)
        goto done;
    sd_logr_set_key(r, key);
    for (;;) {
        sd_record rec;
        bool got;
        if (sd_logr_next(r, &rec, &got, &err) != SD_OK || !got)
            break;
        if (sd_results_add(res, &rec, &err) != SD_OK)
            break;
    }
    sd_log_integrity in;
    sd_logr_integrity(r, &in);
    sd_buf m = SD_BUF_INIT;
    sd_integrity_describe(&in, &m);
    sd_buf_free(&m);
    /* The chain itself broken (not some text of the log quoted in another message). */
    char broken[700];
    snprintf(broken, sizeof broken, "%s:%zu: the hash chain breaks here", path, in.bad_line);
    if (must_chain && err.msg && in.state == SD_INTEGRITY_TAMPERED &&
        strncmp(err.msg, broken, strlen(broken)) == 0) {
        fprintf(stderr, "fuzz_chain: a rechained log's chain is reported broken: %s\n", err.msg);
        abort();
    }
    if (err.msg == NULL && in.state == SD_INTEGRITY_TAMPERED)
        abort(); /* tampered is always an error */
done:
    sd_logr_close(r);
    sd_results_free(res);
    sd_error_clear(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned mode = data[0];
    data++;
    size--;
    static const char k1[] = "fuzz key one: thirty-two bytes or more of secret";
    static const char k2[] = "fuzz key two: thirty-two bytes or more of secret";
    sd_seal_key a, b;
    sd_seal_key_from_bytes(k1, sizeof k1 - 1, &a);
    sd_seal_key_from_bytes(k2, sizeof k2 - 1, &b);
    const sd_seal_key *read_key = (mode & 1) ? ((mode & 4) ? &b : &a) : NULL;
    const char *path;
    bool must_chain = false;
    sd_buf chained = SD_BUF_INIT;
    if (mode & 2) {
        if (sd_chain_rewrite((const char *)data, size, (mode & 1) ? &a : NULL, &chained) != SD_OK)
            goto done;
        path = sd_fuzz_write_file("chain.jsonl", (const uint8_t *)chained.data, chained.len);
        /* Reading sees what the rewrite hashed unless a NUL cuts a line or a line is too
         * long; with the wrong key the chain may break. */
        must_chain = !(mode & 4) && memchr(data, '\0', size) == NULL && size < SD_LOG_MAX_LINE;
    } else {
        path = sd_fuzz_write_file("chain.jsonl", data, size);
    }
    read_log(path, read_key, must_chain);
done:
    sd_buf_free(&chained);
    sd_seal_key_clear(&a);
    sd_seal_key_clear(&b);
    return 0;
}
