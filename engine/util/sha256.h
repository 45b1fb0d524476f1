/* sha256.h - SHA-256 (FIPS 180-4) of a byte string or a file, for scenario, participant and
 * log fingerprints. */
#ifndef SD_SHA256_H
#define SD_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct sd_sha256 {
    uint32_t h[8];
    uint64_t total;       /* bytes hashed so far */
    unsigned char block[64];
    size_t used;          /* bytes in block */
} sd_sha256;

void sd_sha256_init(sd_sha256 *s);
void sd_sha256_update(sd_sha256 *s, const void *data, size_t len);
void sd_sha256_final(sd_sha256 *s, unsigned char digest[32]);
/* One-shot: writes 64 lowercase hex digits and a NUL into hex. */
void sd_sha256_hex(const void *data, size_t len, char hex[65]);
/* The same of a file's bytes; `display` names the file in errors (NULL: path). */
sd_status sd_sha256_file_hex(const char *path, const char *display, char hex[65], sd_error *err);

#endif
