/* csvw.c - RFC 4180 CSV cells with UTF-8 repair and the formula-injection guard. */
#include "csvw.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

static void cell(sd_buf *b, const char *s, bool guard, bool last)
{
    if (s == NULL)
        s = "";
    size_t len = strlen(s);
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    bool apostrophe = guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                                s[0] == '\t' || s[0] == '\r');
    if (quote)
        sd_buf_putc(b, '"');
    if (apostrophe)
        sd_buf_putc(b, '\'');
    const char *p = s, *endp = s + len;
    while (p < endp) {
        const char *q = quote ? memchr(p, '"', (size_t)(endp - p)) : NULL;
        size_t n = q ? (size_t)(q - p) + 1 : (size_t)(endp - p);
        if (sd_utf8_valid(p, n))
            sd_buf_append(b, p, n);
        else
            sd_utf8_sanitize(b, p, n);
        if (q)
            sd_buf_putc(b, '"'); /* the quote doubled */
        p += n;
    }
    if (quote)
        sd_buf_putc(b, '"');
    sd_buf_puts(b, last ? "\r\n" : ",");
}

void sd_csv_text(sd_buf *b, const char *s, bool last) { cell(b, s, true, last); }

void sd_csv_raw(sd_buf *b, const char *s, bool last) { cell(b, s, false, last); }

void sd_csv_number(sd_buf *b, const char *fmt, double v, bool present, bool last)
{
    char num[64] = "";
    if (present)
        snprintf(num, sizeof num, fmt, v);
    cell(b, num, false, last);
}

void sd_csv_int(sd_buf *b, long long v, bool present, bool last)
{
    char num[32] = "";
    if (present)
        snprintf(num, sizeof num, "%lld", v);
    cell(b, num, false, last);
}
