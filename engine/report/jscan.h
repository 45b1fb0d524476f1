/* jscan.h - finding the extent of JSON values without building them, so that a large
 * document can be taken apart one member or array element at a time and each piece parsed
 * (and freed) on its own with cJSON. The scanner checks only the structure it walks
 * (brackets, strings, commas, colons); the pieces are validated by the parser. Slices point
 * into the caller's buffer. */
#ifndef SD_JSCAN_H
#define SD_JSCAN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sd_jscan {
    const char *p, *end; /* the unread rest of the container */
    bool first;          /* no element read yet */
    char close;          /* '}' or ']' */
} sd_jscan;

/* The first byte after whitespace at p (p itself when p == end). */
const char *sd_jscan_ws(const char *p, const char *end);
/* The end of the value that starts at p (after whitespace), or NULL when malformed. */
const char *sd_jscan_value_end(const char *p, const char *end);

/* Starts reading the object or array that begins at p ('{' / '['). False when p is not one. */
bool sd_jscan_open(sd_jscan *s, const char *p, const char *end, char open);
/* The next member (objects: the raw key between its quotes) or element. Returns 1 with
 * key and keylen (objects only) and the value [*v, *vend), 0 at the closing bracket (s->p is
 * then just after it), -1 when malformed (s->p is where). */
int sd_jscan_next(sd_jscan *s, const char **key, size_t *keylen, const char **v, const char **vend);
/* The same in two steps, for objects: the next key (s->p is then at its value), then either
 * the value's extent or, when the caller has read the value itself, where it ends. */
int sd_jscan_key(sd_jscan *s, const char **key, size_t *keylen);
bool sd_jscan_value(sd_jscan *s, const char **v, const char **vend);
void sd_jscan_value_read(sd_jscan *s, const char *vend);

#endif
