/* strmap.h - a hash map from string keys to 32-bit indexes (item ids, persona ids).
 *
 * The map stores no keys: each slot holds a hash and a value, and the owner's key_of
 * function gives back the key of a value (e.g. items[value].id). That halves the memory a
 * million-item exercise touches per lookup. The key of a value must be retrievable, and
 * unchanged, from before sd_strmap_put() is called until the map is freed.
 * Open addressing with linear probing; FNV-1a hashing with a murmur-style finaliser. */
#ifndef SD_STRMAP_H
#define SD_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef const char *(*sd_strmap_key_fn)(const void *ctx, uint32_t value);

typedef struct sd_strmap_slot {
    uint32_t hash;
    uint32_t value_plus_one; /* 0 = empty */
} sd_strmap_slot;

typedef struct sd_strmap {
    sd_strmap_slot *slots; /* owned */
    size_t cap, len;
    sd_strmap_key_fn key_of;
    const void *ctx;       /* borrowed, passed to key_of */
} sd_strmap;

void sd_strmap_init(sd_strmap *m, sd_strmap_key_fn key_of, const void *ctx);
void sd_strmap_free(sd_strmap *m);
/* Inserts key -> value (value < UINT32_MAX; key_of(ctx, value) must already return key).
 * Returns SD_ERR_INPUT if the key is already there (the existing value is left),
 * SD_ERR_MEMORY when growing fails. */
sd_status sd_strmap_put(sd_strmap *m, const char *key, uint32_t value);
/* Makes room for n keys in all, so that filling it up to n needs no rehash. */
sd_status sd_strmap_reserve(sd_strmap *m, size_t n);
/* value may be NULL when only presence matters. */
bool sd_strmap_get(const sd_strmap *m, const char *key, uint32_t *value);

#endif
