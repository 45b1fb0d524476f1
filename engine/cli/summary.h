/* summary.h - the readable summary of an exercise's results that run and score print. */
#ifndef SD_CLI_SUMMARY_H
#define SD_CLI_SUMMARY_H

#include <stdio.h>

#include "guideline/vocab.h"
#include "results/results.h"

void sd_print_summary(FILE *out, const sd_results *r, const char *title, sd_language lang);
/* Prints "  label" padded to a column by characters, not bytes; the value follows. */
void sd_print_label(FILE *out, const char *label);

#endif
