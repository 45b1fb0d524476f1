/* jscan.c - the structural JSON scanner. */
#include "jscan.h"

#include <string.h>

/* The bytes a container scan stops at. */
static const bool special[256] = {['"'] = true, ['{'] = true, ['}'] = true, ['['] = true, [']'] = true};

const char *sd_jscan_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    return p;
}

/* After the closing quote of the string whose opening quote is at p, or NULL. */
static const char *string_end(const char *p, const char *end)
{
    for (p++; p < end;) {
        const char *q = memchr(p, '"', (size_t)(end - p));
        if (q == NULL)
            return NULL;
        /* An odd number of backslashes before the quote escapes it. */
        size_t n = 0;
        while (q - n > p && q[-1 - (ptrdiff_t)n] == '\\')
            n++;
        if (n % 2 == 0)
            return q + 1;
        p = q + 1;
    }
    return NULL;
}

const char *sd_jscan_value_end(const char *p, const char *end)
{
    p = sd_jscan_ws(p, end);
    if (p >= end)
        return NULL;
    if (*p == '"')
        return string_end(p, end);
    if (*p == '{' || *p == '[') {
        size_t depth = 0;
        while (p < end) {
            /* Most bytes are neither quotes nor brackets: skip them in a tight loop. */
            while (p < end && !special[(unsigned char)*p])
                p++;
            if (p == end)
                break;
            char c = *p;
            if (c == '"') {
                p = string_end(p, end);
                if (p == NULL)
                    return NULL;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0)
                    return NULL;
                if (--depth == 0)
                    return p + 1;
            }
            p++;
        }
        return NULL;
    }
    const char *q = p;
    while (q < end && *q != ',' && *q != '}' && *q != ']' && *q != ' ' && *q != '\n' &&
           *q != '\r' && *q != '\t' && *q != '{' && *q != '[' && *q != '"' && *q != ':')
        q++;
    return q > p ? q : NULL;
}

bool sd_jscan_open(sd_jscan *s, const char *p, const char *end, char open)
{
    p = sd_jscan_ws(p, end);
    if (p >= end || *p != open)
        return false;
    s->p = p + 1;
    s->end = end;
    s->first = true;
    s->close = open == '{' ? '}' : ']';
    return true;
}

/* The separator before the next member or element; 1 when there is one (s->p at it),
 * 0 at the closing bracket, -1 when malformed. */
static int separator(sd_jscan *s)
{
    const char *p = sd_jscan_ws(s->p, s->end);
    if (p < s->end && *p == s->close) {
        s->p = p + 1;
        return 0;
    }
    if (!s->first) {
        if (p >= s->end || *p != ',') {
            s->p = p;
            return -1;
        }
        p = sd_jscan_ws(p + 1, s->end);
    }
    s->first = false;
    s->p = p;
    return 1;
}

/* The key at s->p and its colon; s->p then at the value. */
static int read_key(sd_jscan *s, const char **key, size_t *keylen)
{
    const char *k = s->p, *p;
    if (k >= s->end || *k != '"' || (p = string_end(k, s->end)) == NULL)
        return -1;
    *key = k + 1;
    *keylen = (size_t)(p - k - 2);
    p = sd_jscan_ws(p, s->end);
    if (p >= s->end || *p != ':') {
        s->p = p;
        return -1;
    }
    s->p = sd_jscan_ws(p + 1, s->end);
    return 1;
}

int sd_jscan_key(sd_jscan *s, const char **key, size_t *keylen)
{
    int r = separator(s);
    return r == 1 ? read_key(s, key, keylen) : r;
}

bool sd_jscan_value(sd_jscan *s, const char **v, const char **vend)
{
    const char *e = sd_jscan_value_end(s->p, s->end);
    if (e == NULL)
        return false;
    *v = s->p;
    *vend = e;
    s->p = e;
    return true;
}

void sd_jscan_value_read(sd_jscan *s, const char *vend) { s->p = vend; }

int sd_jscan_next(sd_jscan *s, const char **key, size_t *keylen, const char **v, const char **vend)
{
    int r = s->close == '}' ? sd_jscan_key(s, key, keylen) : separator(s);
    if (r != 1)
        return r;
    return sd_jscan_value(s, v, vend) ? 1 : -1;
}
