/* jsonw.c - streaming JSON writer into an sd_buf: automatic commas, RFC 8259 string
 * escaping with invalid UTF-8 replaced by U+FFFD, exact round-trip numbers, optional
 * two-space pretty printing and a nesting-depth limit.
 *
 * A misuse the writer can see (nesting deeper than SD_JSONW_MAX_DEPTH, closing more than was
 * opened, a key outside any object, two keys in a row, a NULL key) marks the writer broken:
 * depth is set to -1, sd_jsonw_ok() turns false and every later call writes nothing.
 * Several top-level values are separated by a newline (JSON Lines). */
#include "jsonw.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define BROKEN (-1)

static bool usable(const sd_jsonw *w) { return sd_jsonw_ok(w); }

static void mark_broken(sd_jsonw *w) { w->depth = BROKEN; }

static void newline_indent(sd_jsonw *w, int depth)
{
    static const char spaces[] = "                                "; /* 32 */
    sd_buf_putc(w->out, '\n');
    size_t n = (size_t)depth * 2;
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        sd_buf_append(w->out, spaces, k);
        n -= k;
    }
}

/* Writes what goes before a value (or a key) at the current level: a comma and, in pretty
 * mode, a line break and indentation. Not used for the value that follows a key. */
static void separator(sd_jsonw *w)
{
    if (w->depth == 0) {
        /* Another top-level value: start a new line unless the buffer is already on one. */
        if (w->need_comma[0] && w->out->len > 0 && w->out->data[w->out->len - 1] != '\n')
            sd_buf_putc(w->out, '\n');
    } else {
        if (w->need_comma[w->depth])
            sd_buf_putc(w->out, ',');
        if (w->pretty)
            newline_indent(w, w->depth);
    }
    w->need_comma[w->depth] = true;
}

/* Prepares for a value; false when nothing may be written. */
static bool begin_value(sd_jsonw *w)
{
    if (!usable(w))
        return false;
    if (w->after_key)
        w->after_key = false;
    else
        separator(w);
    return true;
}

static void begin_container(sd_jsonw *w, char open)
{
    if (!usable(w))
        return;
    if (w->depth >= SD_JSONW_MAX_DEPTH) {
        mark_broken(w);
        return;
    }
    begin_value(w);
    sd_buf_putc(w->out, open);
    w->depth++;
    w->need_comma[w->depth] = false;
}

static void end_container(sd_jsonw *w, char close)
{
    if (!usable(w))
        return;
    if (w->depth == 0 || w->after_key) {
        mark_broken(w);
        return;
    }
    if (w->pretty && w->need_comma[w->depth])
        newline_indent(w, w->depth - 1);
    sd_buf_putc(w->out, close);
    w->depth--;
}

/* Appends s[0..len) as a JSON string literal. */
/* 1 for bytes copied as they are without a second look: printable ASCII but '"' and '\\'. */
static const unsigned char plain[256] = {
    ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['('] = 1, [')'] = 1,
    ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1, ['0'] = 1, ['1'] = 1,
    ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    [':'] = 1, [';'] = 1, ['<'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1, ['@'] = 1, ['A'] = 1,
    ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1,
    ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1,
    ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1,
    ['Z'] = 1, ['['] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['a'] = 1, ['b'] = 1,
    ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
    ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1, [' '] = 1, [0x7f] = 1};

static void put_string(sd_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0; /* start of the pending run of bytes copied verbatim */
    size_t i = 0;
    sd_buf_reserve(out, len + 2);
    sd_buf_putc(out, '"');
    while (i < len) {
        /* Plain ASCII, the bulk of any text, in a tight loop. */
        while (i < len && plain[u[i]])
            i++;
        if (i == len)
            break;
        unsigned char c = u[i];
        const char *esc = NULL;
        char ubuf[7];
        size_t n = 1;
        if (c < 0x80) {
            switch (c) {
            case '"': esc = "\\\""; break;
            case '\\': esc = "\\\\"; break;
            case '\b': esc = "\\b"; break;
            case '\f': esc = "\\f"; break;
            case '\n': esc = "\\n"; break;
            case '\r': esc = "\\r"; break;
            case '\t': esc = "\\t"; break;
            default:
                memcpy(ubuf, "\\u00", 4);
                ubuf[4] = hex[c >> 4];
                ubuf[5] = hex[c & 0x0f];
                ubuf[6] = '\0';
                esc = ubuf;
                break;
            }
        } else {
            uint32_t cp;
            n = sd_utf8_decode(s + i, len - i, &cp);
            if (cp == 0x2028)
                esc = "\\u2028";
            else if (cp == 0x2029)
                esc = "\\u2029";
            else if (cp == 0xFFFD)
                esc = "\xEF\xBF\xBD"; /* invalid input, or a genuine U+FFFD */
            else {
                i += n; /* valid: copied raw */
                continue;
            }
        }
        sd_buf_append(out, s + run, i - run);
        sd_buf_puts(out, esc);
        i += n;
        run = i;
    }
    sd_buf_append(out, len > run ? s + run : "", len - run);
    sd_buf_putc(out, '"');
}

void sd_jsonw_init(sd_jsonw *w, sd_buf *out, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->pretty = pretty;
}

void sd_jsonw_object_begin(sd_jsonw *w) { begin_container(w, '{'); }
void sd_jsonw_object_end(sd_jsonw *w) { end_container(w, '}'); }
void sd_jsonw_array_begin(sd_jsonw *w) { begin_container(w, '['); }
void sd_jsonw_array_end(sd_jsonw *w) { end_container(w, ']'); }

void sd_jsonw_key(sd_jsonw *w, const char *key)
{
    if (!usable(w))
        return;
    if (key == NULL || w->depth == 0 || w->after_key) {
        mark_broken(w);
        return;
    }
    separator(w);
    put_string(w->out, key, strlen(key));
    if (w->pretty)
        sd_buf_append(w->out, ": ", 2);
    else
        sd_buf_putc(w->out, ':');
    w->after_key = true;
}

void sd_jsonw_string(sd_jsonw *w, const char *s)
{
    if (s == NULL)
        sd_jsonw_null(w);
    else
        sd_jsonw_string_n(w, s, strlen(s));
}

void sd_jsonw_string_n(sd_jsonw *w, const char *s, size_t len)
{
    if (s == NULL) {
        sd_jsonw_null(w);
        return;
    }
    if (begin_value(w))
        put_string(w->out, s, len);
}

void sd_jsonw_int(sd_jsonw *w, int64_t v)
{
    if (!begin_value(w))
        return;
    /* By hand: this runs for every number of every log line. */
    char digits[24];
    size_t n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        digits[sizeof digits - 1 - n++] = '-';
    sd_buf_append(w->out, digits + sizeof digits - n, n);
}

/* Formats a finite v into out so that strtod() gives v back, as briefly as %g allows. */
static void format_double(char out[40], double v)
{
    if (v == floor(v) && fabs(v) <= 9007199254740992.0) {
        /* Integral and exactly representable: no exponent, no fraction ("3", "-0"). */
        snprintf(out, 40, "%.0f", v);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(out, 40, "%.*g", prec, v);
        if (prec == 17 || strtod(out, NULL) == v)
            break;
    }
    /* Under a locale with a decimal comma, JSON still needs a point. */
    for (char *p = out; *p; p++)
        if (*p == ',')
            *p = '.';
}

void sd_jsonw_double(sd_jsonw *w, double v)
{
    if (!isfinite(v)) {
        sd_jsonw_null(w);
        return;
    }
    if (begin_value(w)) {
        char num[40];
        format_double(num, v);
        sd_buf_puts(w->out, num);
    }
}

void sd_jsonw_bool(sd_jsonw *w, bool v)
{
    if (begin_value(w))
        sd_buf_puts(w->out, v ? "true" : "false");
}

void sd_jsonw_null(sd_jsonw *w)
{
    if (begin_value(w))
        sd_buf_puts(w->out, "null");
}

void sd_jsonw_raw(sd_jsonw *w, const char *json)
{
    if (begin_value(w))
        sd_buf_puts(w->out, json != NULL ? json : "null");
}

void sd_jsonw_kstring(sd_jsonw *w, const char *key, const char *s)
{
    sd_jsonw_key(w, key);
    sd_jsonw_string(w, s);
}

void sd_jsonw_kint(sd_jsonw *w, const char *key, int64_t v)
{
    sd_jsonw_key(w, key);
    sd_jsonw_int(w, v);
}

void sd_jsonw_kdouble(sd_jsonw *w, const char *key, double v)
{
    sd_jsonw_key(w, key);
    sd_jsonw_double(w, v);
}

void sd_jsonw_kbool(sd_jsonw *w, const char *key, bool v)
{
    sd_jsonw_key(w, key);
    sd_jsonw_bool(w, v);
}

bool sd_jsonw_ok(const sd_jsonw *w)
{
    return w->out != NULL && w->depth >= 0 && w->depth <= SD_JSONW_MAX_DEPTH &&
           !w->out->failed;
}
