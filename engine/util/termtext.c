/* termtext.c - escaping text for a terminal (control characters, invalid UTF-8,
 * bidirectional controls), a printf that escapes its string arguments, and cutting long text
 * on a UTF-8 boundary with a note. */
#include "termtext.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Where escaped text goes: a FILE, an sd_buf, or nowhere (only counting). */
typedef struct sink {
    FILE *f;
    sd_buf *b;
    size_t bytes; /* written so far */
    size_t cols;  /* characters written so far */
    bool failed;
} sink;

static void emit(sink *k, const char *s, size_t n, size_t cols)
{
    if (n == 0)
        return;
    if (k->f != NULL) {
        if (!k->failed && fwrite(s, 1, n, k->f) != n)
            k->failed = true;
    } else if (k->b != NULL) {
        if (sd_buf_append(k->b, s, n) != SD_OK)
            k->failed = true;
    }
    k->bytes += n;
    k->cols += cols;
}

/* Code points (valid UTF-8, above U+007F) that are shown as \uHHHH: C1 controls and the
 * controls that change the direction or the lines of the text around them. */
static bool unsafe_cp(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static void emit_byte_escape(sink *k, unsigned char c)
{
    char e[5];
    if (c == '\n') {
        emit(k, "\\n", 2, 2);
    } else if (c == '\r') {
        emit(k, "\\r", 2, 2);
    } else {
        static const char hex[] = "0123456789abcdef";
        e[0] = '\\';
        e[1] = 'x';
        e[2] = hex[c >> 4];
        e[3] = hex[c & 15];
        emit(k, e, 4, 4);
    }
}

static void escape_into(sink *k, const char *s, size_t len, unsigned flags)
{
    size_t start = 0, cols = 0, i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\t' || (c == '\n' && (flags & SD_TERM_LINES))) {
            i++;
            cols++;
            continue;
        }
        if (c < 0x80) {
            emit(k, s + start, i - start, cols);
            emit_byte_escape(k, c);
            start = ++i;
            cols = 0;
            continue;
        }
        uint32_t cp;
        size_t n = sd_utf8_decode(s + i, len - i, &cp);
        bool valid = cp != 0xFFFD || (n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0);
        if (valid && !unsafe_cp(cp)) {
            i += n;
            cols++;
            continue;
        }
        emit(k, s + start, i - start, cols);
        if (valid) {
            char e[8];
            snprintf(e, sizeof e, "\\u%04x", (unsigned)cp);
            emit(k, e, 6, 6);
        } else {
            for (size_t j = 0; j < n; j++)
                emit_byte_escape(k, (unsigned char)s[i + j]);
        }
        i += n;
        start = i;
        cols = 0;
    }
    emit(k, s + start, len - start, cols);
}

sd_status sd_term_escape(sd_buf *b, const char *s, size_t len, unsigned flags)
{
    sink k = {.b = b};
    escape_into(&k, s, len, flags);
    return k.failed || !sd_buf_ok(b) ? SD_ERR_MEMORY : SD_OK;
}

int sd_term_write(FILE *out, const char *s, size_t len, unsigned flags)
{
    sink k = {.f = out};
    escape_into(&k, s, len, flags);
    return k.failed ? -1 : 0;
}

size_t sd_term_columns(const char *s, size_t len, unsigned flags)
{
    sink k = {0};
    escape_into(&k, s, len, flags);
    return k.cols;
}

static void pad(sink *k, size_t n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t m = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        emit(k, spaces, m, m);
        n -= m;
    }
}

/* One string argument: cut to the precision, escaped, padded to the width in characters. */
static void emit_string(sink *k, const char *s, size_t len, bool left, size_t width)
{
    size_t cols = width > 0 ? sd_term_columns(s, len, 0) : 0;
    if (!left && cols < width)
        pad(k, width - cols);
    escape_into(k, s, len, 0);
    if (left && cols < width)
        pad(k, width - cols);
}

/* Formats one numeric conversion (spec is its printf text with the width and precision
 * written out) and writes it as it is: numbers hold no control characters. */
#define EMIT_NUMBER(k, spec, type, ap)                                                      \
    do {                                                                                    \
        type value_ = va_arg(ap, type); /* read once: it is formatted twice when long */    \
        char small_[128];                                                                   \
        int n_ = snprintf(small_, sizeof small_, spec, value_);                             \
        if (n_ < 0) {                                                                       \
            (k)->failed = true;                                                             \
        } else if ((size_t)n_ < sizeof small_) {                                            \
            emit(k, small_, (size_t)n_, (size_t)n_);                                        \
        } else {                                                                            \
            char *big_ = malloc((size_t)n_ + 1);                                            \
            if (big_ == NULL) {                                                             \
                (k)->failed = true;                                                         \
            } else {                                                                        \
                snprintf(big_, (size_t)n_ + 1, spec, value_);                               \
                emit(k, big_, (size_t)n_, (size_t)n_);                                      \
                free(big_);                                                                 \
            }                                                                               \
        }                                                                                   \
    } while (0)

int sd_term_vprintf(FILE *out, const char *fmt, va_list ap)
{
    sink k = {.f = out};
    const char *p = fmt;
    while (*p) {
        const char *q = strchr(p, '%');
        if (q == NULL) {
            emit(&k, p, strlen(p), 0);
            break;
        }
        emit(&k, p, (size_t)(q - p), 0);
        q++;
        if (*q == '%') {
            emit(&k, "%", 1, 1);
            p = q + 1;
            continue;
        }
        /* The conversion, rebuilt in spec with '*' replaced by the numbers. */
        char spec[48];
        size_t sl = 0;
        spec[sl++] = '%';
        bool left = false;
        while (*q && strchr("-+ #0", *q) && sl < 8) {
            left = left || *q == '-';
            spec[sl++] = *q++;
        }
        long width = -1, prec = -1;
        if (*q == '*') {
            width = va_arg(ap, int);
            if (width < 0) {
                left = true;
                width = -width;
                spec[sl++] = '-';
            }
            q++;
        } else if (*q >= '0' && *q <= '9') {
            width = strtol(q, (char **)&q, 10);
        }
        if (*q == '.') {
            q++;
            if (*q == '*') {
                prec = va_arg(ap, int);
                q++;
            } else {
                prec = strtol(q, (char **)&q, 10);
            }
        }
        if (width > 100000)
            width = 100000; /* a program's format, but never a huge allocation from it */
        if (prec > 100000)
            prec = 100000;
        if (width >= 0)
            sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%ld", width);
        if (prec >= 0)
            sl += (size_t)snprintf(spec + sl, sizeof spec - sl, ".%ld", prec);
        char len_mod[3] = "";
        if ((q[0] == 'h' && q[1] == 'h') || (q[0] == 'l' && q[1] == 'l')) {
            len_mod[0] = q[0];
            len_mod[1] = q[1];
            q += 2;
        } else if (*q && strchr("hljztL", *q)) {
            len_mod[0] = *q++;
        }
        char conv = *q;
        if (conv == '\0')
            break;
        p = q + 1;
        size_t ll = strlen(len_mod);
        memcpy(spec + sl, len_mod, ll);
        sl += ll;
        spec[sl++] = conv;
        spec[sl] = '\0';
        switch (conv) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (s == NULL)
                s = "(null)";
            size_t len = prec >= 0 ? sd_text_cut_len(s, strnlen(s, (size_t)prec + 1), (size_t)prec)
                                   : strlen(s);
            emit_string(&k, s, len, left, width > 0 ? (size_t)width : 0);
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            emit_string(&k, &c, 1, left, width > 0 ? (size_t)width : 0);
            break;
        }
        case 'd':
        case 'i':
            if (strcmp(len_mod, "l") == 0) EMIT_NUMBER(&k, spec, long, ap);
            else if (strcmp(len_mod, "ll") == 0) EMIT_NUMBER(&k, spec, long long, ap);
            else if (strcmp(len_mod, "j") == 0) EMIT_NUMBER(&k, spec, intmax_t, ap);
            else if (strcmp(len_mod, "z") == 0) EMIT_NUMBER(&k, spec, size_t, ap);
            else if (strcmp(len_mod, "t") == 0) EMIT_NUMBER(&k, spec, ptrdiff_t, ap);
            else EMIT_NUMBER(&k, spec, int, ap);
            break;
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            if (strcmp(len_mod, "l") == 0) EMIT_NUMBER(&k, spec, unsigned long, ap);
            else if (strcmp(len_mod, "ll") == 0) EMIT_NUMBER(&k, spec, unsigned long long, ap);
            else if (strcmp(len_mod, "j") == 0) EMIT_NUMBER(&k, spec, uintmax_t, ap);
            else if (strcmp(len_mod, "z") == 0) EMIT_NUMBER(&k, spec, size_t, ap);
            else if (strcmp(len_mod, "t") == 0) EMIT_NUMBER(&k, spec, ptrdiff_t, ap);
            else EMIT_NUMBER(&k, spec, unsigned, ap);
            break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
            if (strcmp(len_mod, "L") == 0) EMIT_NUMBER(&k, spec, long double, ap);
            else EMIT_NUMBER(&k, spec, double, ap);
            break;
        case 'p':
            EMIT_NUMBER(&k, spec, void *, ap);
            break;
        default:
            /* %n or an unknown conversion (the compiler's format check sees them first):
             * shown, never executed. */
            emit(&k, "%?", 2, 2);
            break;
        }
    }
    if (k.bytes > (size_t)INT32_MAX)
        return k.failed ? -1 : INT32_MAX;
    return k.failed ? -1 : (int)k.bytes;
}

int sd_term_printf(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = sd_term_vprintf(out, fmt, ap);
    va_end(ap);
    return n;
}

size_t sd_text_cut_len(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    /* Back over the continuation bytes of the sequence s[n] is in (at most three). */
    for (int i = 0; i < 3 && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80; i++)
        n--;
    /* Still on a continuation byte: not UTF-8 here, any cut is as good. */
    if (((unsigned char)s[n] & 0xC0) == 0x80)
        return max;
    return n;
}

size_t sd_text_cut_note(char *out, size_t out_size, const char *what, size_t total)
{
    int n = snprintf(out, out_size, " \xE2\x80\xA6 (%.10s cut: %zu bytes in all)", what, total);
    if (n < 0) {
        if (out_size > 0)
            out[0] = '\0';
        return 0;
    }
    return (size_t)n < out_size ? (size_t)n : out_size - 1;
}

sd_status sd_text_append_capped(sd_buf *b, const char *s, size_t len, size_t max, size_t *total)
{
    bool cut_before = *total != b->len;
    *total = *total > SIZE_MAX - len ? SIZE_MAX : *total + len;
    if (cut_before)
        return SD_OK; /* the line is already cut: later pieces are only counted */
    size_t room = max > b->len ? max - b->len : 0;
    size_t n = len <= room ? len : sd_text_cut_len(s, len, room);
    return sd_buf_append(b, s, n);
}

sd_status sd_text_add_cut_note(sd_buf *b, const char *what, size_t total)
{
    if (total <= b->len)
        return SD_OK;
    char note[SD_TEXT_CUT_NOTE_MAX];
    size_t n = sd_text_cut_note(note, sizeof note, what, total);
    return sd_buf_append(b, note, n);
}
