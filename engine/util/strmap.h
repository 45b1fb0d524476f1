/* strmap.h - a hash map from strings to 32-bit indexes (item ids, persona ids).
 *
 * Keys are borrowed: the caller keeps each key string alive as long as the map (usually
 * in an sd_arena of the same owner). Open addressing, FNV-1a hashing. */
#ifndef SD_STRMAP_H
#define SD_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct sd_strmap_slot {
    const char *key; /* borrowed; NULL = empty */
    uint32_t value;
    uint32_t hash;
} sd_strmap_slot;

typedef struct sd_strmap {
    sd_strmap_slot *slots; /* owned */
    size_t cap, len;
} sd_strmap;

void sd_strmap_init(sd_strmap *m);
void sd_strmap_free(sd_strmap *m);
/* Inserts key -> value; returns SD_ERR_INPUT if the key is already there (the existing
 * value is left), SD_ERR_MEMORY when growing fails. */
sd_status sd_strmap_put(sd_strmap *m, const char *key, uint32_t value);
bool sd_strmap_get(const sd_strmap *m, const char *key, uint32_t *value);

#endif
