/* summary.h - aligned labels for the command line's readable output. */
#ifndef SD_CLI_SUMMARY_H
#define SD_CLI_SUMMARY_H

#include <stdio.h>

#include "guideline/vocab.h"
#include "results/results.h"

/* Prints "  label" padded to a column by characters, not bytes; the value follows. */
void sd_print_label(FILE *out, const char *label);

#endif
