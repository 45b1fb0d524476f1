/* calendar.h - civil simulated time and the guideline's working-day calendar.
 *
 * Simulated time is an sd_time: seconds since 1970-01-01 00:00 in the scenario's local civil
 * time (no time zones, no daylight saving: the simulation lives on one wall clock).
 *
 * The working-day calendar of the guideline (rule `speed`): Saturdays, Sundays, Sweden's
 * public holidays and the three eves on which offices close (midsommarafton, julafton,
 * nyårsafton) are non-working days. The 24-hour deadline counts working-day time only.
 * A scenario may add closed days and open days (overrides), which an sd_calendar holds.
 * No global state: each sd_calendar is a plain value owned by its caller. */
#ifndef SD_CALENDAR_H
#define SD_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/error.h"

typedef int64_t sd_time;

/* Days since 1970-01-01 (may be negative) from a proleptic Gregorian date, and back. */
int64_t sd_days_from_civil(int year, int month, int day);
void sd_civil_from_days(int64_t days, int *year, int *month, int *day);
/* 0 = Monday ... 6 = Sunday. */
int sd_weekday(int64_t days);

sd_time sd_time_make(int year, int month, int day, int hour, int minute, int second);
/* Formats as "YYYY-MM-DDTHH:MM:SS" into out (at least 20 bytes). */
void sd_time_format(sd_time t, char out[20]);
/* Parses "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM[:SS]" or "YYYY-MM-DD" (midnight).
 * Validates ranges (month 1-12, day within the month, hour 0-23 ...). */
sd_status sd_time_parse(const char *s, sd_time *out, sd_error *err);
/* True when s is exactly a calendar date "YYYY-MM-DD" (years 1900..9999, a real day). */
bool sd_date_valid(const char *s);

/* Sweden's holidays and closed eves of one year, whatever the weekday. */
typedef struct sd_holiday {
    int64_t day;      /* days since 1970-01-01 */
    const char *name; /* Swedish name, static string, e.g. "midsommarafton" */
} sd_holiday;
/* Writes the year's non-working holidays and eves into out (sorted by date) and returns
 * how many there are (16; never more than SD_MAX_HOLIDAYS). */
#define SD_MAX_HOLIDAYS 20
size_t sd_holidays_of_year(int year, sd_holiday out[SD_MAX_HOLIDAYS]);
/* Easter Sunday (Gregorian) of a year, as days since 1970-01-01. */
int64_t sd_easter_sunday(int year);

/* A scenario's calendar: the guideline's defaults plus overrides. */
#define SD_CALENDAR_MAX_OVERRIDES 64
typedef struct sd_calendar {
    int office_open;  /* seconds after midnight, default 8*3600 */
    int office_close; /* default 17*3600 */
    size_t n_closed, n_open;
    int64_t closed[SD_CALENDAR_MAX_OVERRIDES]; /* extra non-working days */
    int64_t open[SD_CALENDAR_MAX_OVERRIDES];   /* days that are working days after all */
} sd_calendar;

void sd_calendar_init(sd_calendar *cal); /* the guideline's defaults, no overrides */
sd_status sd_calendar_add_closed(sd_calendar *cal, int64_t day, sd_error *err);
sd_status sd_calendar_add_open(sd_calendar *cal, int64_t day, sd_error *err);

/* True when `day` is a working day (overrides first, then weekends and holidays). */
bool sd_calendar_is_working_day(const sd_calendar *cal, int64_t day);
/* True when t falls on a working day within office hours. */
bool sd_calendar_is_office_time(const sd_calendar *cal, sd_time t);
/* The working-day deadline: `hours` hours counted on working days only, from t.
 * Tuesday 10:00 + 24h -> Wednesday 10:00; Friday 15:00 -> Monday 15:00;
 * Saturday (any time) -> Tuesday 00:00. */
sd_time sd_calendar_deadline(const sd_calendar *cal, sd_time t, int hours);

#endif
