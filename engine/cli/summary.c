/* summary.c - label alignment for the readable output of the command line. */
#include "summary.h"

/* Prints "  label" padded to 30 columns: printf's %-28s counts bytes, and å/ä/ö are two. */
void sd_print_label(FILE *out, const char *s)
{
    size_t cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            cols++;
    fprintf(out, "  %s", s);
    for (; cols < 28; cols++)
        fputc(' ', out);
    fputc(' ', out);
}
