/* strmap.c - open-addressing string -> index map with FNV-1a hashes and a
 * murmur-style finaliser. */
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

void sd_strmap_init(sd_strmap *m)
{
    m->slots = NULL;
    m->cap = m->len = 0;
}

void sd_strmap_free(sd_strmap *m)
{
    free(m->slots);
    sd_strmap_init(m);
}

static void insert_slot(sd_strmap_slot *slots, size_t cap, sd_strmap_slot s)
{
    size_t i = s.hash & (cap - 1);
    while (slots[i].key != NULL)
        i = (i + 1) & (cap - 1);
    slots[i] = s;
}

static sd_status grow(sd_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    sd_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return SD_ERR_MEMORY;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            insert_slot(slots, cap, m->slots[i]);
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return SD_OK;
}

sd_status sd_strmap_put(sd_strmap *m, const char *key, uint32_t value)
{
    if ((m->len + 1) * 4 > m->cap * 3 && grow(m) != SD_OK)
        return SD_ERR_MEMORY;
    uint32_t h = hash_str(key);
    size_t i = h & (m->cap - 1);
    while (m->slots[i].key != NULL) {
        if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0)
            return SD_ERR_INPUT;
        i = (i + 1) & (m->cap - 1);
    }
    m->slots[i] = (sd_strmap_slot){key, value, h};
    m->len++;
    return SD_OK;
}

bool sd_strmap_get(const sd_strmap *m, const char *key, uint32_t *value)
{
    if (m->cap == 0)
        return false;
    uint32_t h = hash_str(key);
    size_t i = h & (m->cap - 1);
    while (m->slots[i].key != NULL) {
        if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0) {
            if (value)
                *value = m->slots[i].value;
            return true;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return false;
}
