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

static void *arena_alloc(sd_arena *a, size_t size, size_t align)
{
    if (size > SIZE_MAX - align)
        return NULL;
    sd_arena_block *b = a->head;
    size_t pad = b ? ((b->used + align - 1) & ~(align - 1)) - b->used : 0;
    if (b == NULL || b->cap - b->used < size + pad) {
        size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        b = malloc(sizeof *b + cap);
        if (b == NULL)
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
        pad = 0;
    }
    void *p = b->data + b->used + pad;
    b->used += size + pad;
    a->used_total += size + pad;
    return p;
}

void *sd_arena_alloc(sd_arena *a, size_t size) { return arena_alloc(a, size, alignof(max_align_t)); }

char *sd_arena_strndup(sd_arena *a, const char *s, size_t len)
{
    if (s == NULL)
        return NULL;
    if (len == SIZE_MAX)
        return NULL;
    char *p = arena_alloc(a, len + 1, 1);
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
