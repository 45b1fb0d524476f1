/* cmd_calendar.c - `stormdrill calendar YEAR`: the year's non-working holidays and eves. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/calendar.h"
#include "cli.h"

static const char usage[] =
    "Usage: stormdrill calendar YEAR\n"
    "Prints the Swedish public holidays and closed eves of YEAR (1900-9999) that the\n"
    "working-day deadline skips, one per line: YYYY-MM-DD<TAB>name.\n";

int sd_cmd_calendar(int argc, char **argv)
{
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    if (argc != 2) {
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    char *end;
    long year = strtol(argv[1], &end, 10);
    if (*argv[1] == '\0' || *end != '\0' || year < 1900 || year > 9999) {
        sd_term_printf(stderr, "stormdrill calendar: '%s' is not a year between 1900 and 9999\n", argv[1]);
        return SD_EXIT_USAGE;
    }
    sd_holiday h[SD_MAX_HOLIDAYS];
    size_t n = sd_holidays_of_year((int)year, h);
    for (size_t i = 0; i < n; i++) {
        int y, m, d;
        sd_civil_from_days(h[i].day, &y, &m, &d);
        sd_term_printf(stdout, "%04d-%02d-%02d\t%s\n", y, m, d, h[i].name);
    }
    return SD_EXIT_OK;
}
