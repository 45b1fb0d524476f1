/* arena.c - bump allocator in 64 KiB (or larger) blocks. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct sd_arena_block {
    sd_arena_block *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

#define BLOCK_SIZE ((size_t)64 * 1024)

void *sd_arena_alloc(sd_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size > SIZE_MAX - align)
        return NULL;
    size = (size + align - 1) & ~(align - 1);
    sd_arena_block *b = a->head;
    if (b == NULL || b->cap - b->used < size) {
        size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        b = malloc(sizeof *b + cap);
        if (b == NULL)
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_total += size;
    return p;
}

char *sd_arena_strndup(sd_arena *a, const char *s, size_t len)
{
    if (s == NULL)
        return NULL;
    char *p = sd_arena_alloc(a, len + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *sd_arena_strdup(sd_arena *a, const char *s)
{
    return s ? sd_arena_strndup(a, s, strlen(s)) : NULL;
}

void sd_arena_free(sd_arena *a)
{
    sd_arena_block *b = a->head;
    while (b) {
        sd_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_total = 0;
}
