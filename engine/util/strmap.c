/* strmap.c - open-addressing string -> index map that keeps hashes, not keys. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    /* FNV's low bits mix poorly and the table indexes by them: finish with an avalanche. */
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

void sd_strmap_init(sd_strmap *m, sd_strmap_key_fn key_of, const void *ctx)
{
    m->slots = NULL;
    m->cap = m->len = 0;
    m->key_of = key_of;
    m->ctx = ctx;
}

void sd_strmap_free(sd_strmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->len = 0;
}

static sd_status rehash(sd_strmap *m, size_t cap)
{
    sd_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return SD_ERR_MEMORY;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].value_plus_one == 0)
            continue;
        size_t j = m->slots[i].hash & (cap - 1);
        while (slots[j].value_plus_one != 0)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return SD_OK;
}

sd_status sd_strmap_reserve(sd_strmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;
    while (cap / 4 * 3 < n) {
        if (cap > SIZE_MAX / 4 / sizeof(sd_strmap_slot))
            return SD_ERR_MEMORY;
        cap *= 2;
    }
    return cap > m->cap ? rehash(m, cap) : SD_OK;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t find(const sd_strmap *m, const char *key, uint32_t h)
{
    size_t i = h & (m->cap - 1);
    while (m->slots[i].value_plus_one != 0) {
        if (m->slots[i].hash == h &&
            strcmp(m->key_of(m->ctx, m->slots[i].value_plus_one - 1), key) == 0)
            break;
        i = (i + 1) & (m->cap - 1);
    }
    return i;
}

sd_status sd_strmap_put(sd_strmap *m, const char *key, uint32_t value)
{
    if (value == UINT32_MAX)
        return SD_ERR_MEMORY;
    if ((m->len + 1) * 4 > m->cap * 3 && rehash(m, m->cap ? m->cap * 2 : 64) != SD_OK)
        return SD_ERR_MEMORY;
    uint32_t h = hash_str(key);
    size_t i = find(m, key, h);
    if (m->slots[i].value_plus_one != 0)
        return SD_ERR_INPUT;
    m->slots[i].hash = h;
    m->slots[i].value_plus_one = value + 1;
    m->len++;
    return SD_OK;
}

bool sd_strmap_get(const sd_strmap *m, const char *key, uint32_t *value)
{
    if (m->cap == 0)
        return false;
    size_t i = find(m, key, hash_str(key));
    if (m->slots[i].value_plus_one == 0)
        return false;
    if (value)
        *value = m->slots[i].value_plus_one - 1;
    return true;
}
