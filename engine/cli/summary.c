/* summary.c - label alignment for the readable output of the command line. */
#include "summary.h"


#include "util/termtext.h"

/* Prints "  label" padded to 30 columns: printf's %-28s counts bytes, and å/ä/ö are two
 * (sd_term_printf's width counts characters, and escapes any control character). */
void sd_print_label(FILE *out, const char *s)
{
    sd_term_printf(out, "  %-28s ", s);
}
