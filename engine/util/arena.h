/* arena.h - a bump allocator for many small strings and records that live as long as
 * their owner (a scenario, a session, a results set). Everything is released at once by
 * sd_arena_free(); pointers handed out stay valid until then. */
#ifndef SD_ARENA_H
#define SD_ARENA_H

#include <stddef.h>

typedef struct sd_arena_block sd_arena_block;
typedef struct sd_arena {
    sd_arena_block *head; /* owned chain of blocks */
    size_t used_total;    /* bytes handed out */
} sd_arena;

#define SD_ARENA_INIT {NULL, 0}

/* size bytes aligned for any type; NULL when out of memory. */
void *sd_arena_alloc(sd_arena *a, size_t size);
/* A copy of s (NULL gives NULL); NULL when out of memory. Strings are packed without
 * alignment padding. */
char *sd_arena_strdup(sd_arena *a, const char *s);
char *sd_arena_strndup(sd_arena *a, const char *s, size_t len);
void sd_arena_free(sd_arena *a);

#endif
