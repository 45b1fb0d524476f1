/* xml.c - escaping text for HTML and SVG. */
#include "xml.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

static void text(sd_buf *b, const char *s, bool br)
{
    if (s == NULL)
        return;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        /* Runs of plain ASCII in one append. */
        size_t j = i;
        while (j < len && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x80 && s[j] != '&' &&
               s[j] != '<' && s[j] != '>' && s[j] != '"')
            j++;
        if (j > i) {
            sd_buf_append(b, s + i, j - i);
            i = j;
            continue;
        }
        uint32_t cp;
        size_t k = sd_utf8_decode(s + i, len - i, &cp);
        i += k;
        switch (cp) {
        case '&': sd_buf_puts(b, "&amp;"); break;
        case '<': sd_buf_puts(b, "&lt;"); break;
        case '>': sd_buf_puts(b, "&gt;"); break;
        case '"': sd_buf_puts(b, "&quot;"); break;
        case '\n':
            sd_buf_puts(b, br ? "<br/>" : " ");
            break;
        default:
            if (cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF)
                sd_buf_putc(b, ' ');
            else
                sd_utf8_encode(b, cp);
        }
    }
}

void sd_xml_text(sd_buf *b, const char *s) { text(b, s, false); }

void sd_xml_text_br(sd_buf *b, const char *s) { text(b, s, true); }
