/* calendar.c - proleptic Gregorian date arithmetic for simulated time (days_from_civil /
 * civil_from_days after Howard Hinnant's algorithms), strict date-time parsing and
 * formatting, Sweden's public holidays and closed eves (Easter by the anonymous Gregorian
 * algorithm of Meeus/Jones/Butcher), and the guideline's working-day calendar with
 * scenario overrides and the working-day deadline (rule `speed`).
 *
 * No locale-dependent functions, no mktime/timegm/localtime and no global mutable state.
 *
 * Behaviour choices worth knowing (the header leaves them open):
 *
 * - Deadline. sd_calendar_deadline(cal, t, hours) returns the LATEST instant d such that
 *   the working time in [t, d] is at most `hours` hours. Time runs only on working days
 *   (all 24 hours of them). Consequences:
 *     . the count starts at t if t is on a working day, otherwise at 00:00 of the next
 *       working day (time does not run before that);
 *     . 0 hours from a working day gives t itself; 0 hours from a non-working day gives
 *       00:00 of the next working day;
 *     . when the hours run out exactly at midnight before a non-working day, the deadline
 *       is 00:00 of the next working day, not the midnight itself (no working time
 *       elapses in between, so a reply during the closed days is still on time). E.g.
 *       Friday 00:00 + 24 h -> Monday 00:00; Saturday (any time) + 24 h -> Tuesday 00:00.
 *   Negative `hours` count as 0. The cost is O(calendar days spanned), and whole years
 *   are counted in one step (O(16 + overrides) each), so even INT_MAX hours is quick.
 *   If no working day is found within 400 consecutive days (impossible with the bounded
 *   override lists, but guarded) or the computation leaves the representable calendar
 *   (years that do not fit an int, e.g. t near INT64_MIN or INT64_MAX), the result is
 *   INT64_MAX ("never").
 * - A NULL calendar in the query functions means the guideline's defaults (no overrides,
 *   office hours 08:00-17:00).
 * - Overrides: adding a day already in the same list is a no-op (SD_OK); a day in both the
 *   closed and the open list is refused (SD_ERR_INPUT naming the date), as is a list that
 *   would exceed SD_CALENDAR_MAX_OVERRIDES distinct days.
 * - Holidays: sd_holidays_of_year always returns all 16 entries, even when two fall on the
 *   same date (Kristi himmelsfärdsdag can be 1 May, pingstdagen can be 6 June); entries of
 *   the same date keep the order of the list in the guideline (första maj before Kristi
 *   himmelsfärdsdag, pingstdagen before nationaldagen). With out == NULL it only counts.
 * - Days whose year does not fit an int have no holidays (weekends and overrides still
 *   apply); sd_civil_from_days saturates at the first/last representable day.
 * - sd_time_format writes question marks in place of every digit ("YYYY-MM-DDTHH:MM:SS"
 *   with each letter a '?') for times whose year is outside 0..9999
 *   (e.g. the INT64_MAX "never" deadline), so the output always fits 20 bytes.
 * - sd_time_parse accepts years 1900..9999 and seconds 00..59 (no leap seconds, no 24:00).
 *   NULL arguments give SD_ERR_USAGE. */
#include "calendar.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define SECS_PER_DAY INT64_C(86400)
#define DEFAULT_OFFICE_OPEN (8 * 3600)
#define DEFAULT_OFFICE_CLOSE (17 * 3600)
/* How many consecutive calendar days the deadline searches for a working day. */
#define MAX_CLOSED_RUN 400

enum { MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY };

/* ---- integer helpers (floor semantics, defined for negative operands) ---- */

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

static bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return len[m - 1];
}

/* ---- civil dates ---- */

/* Hinnant's days_from_civil, in 64-bit arithmetic so that every int year works. The
 * year is counted from March so that the leap day is the last day of its year. */
static int64_t days_from_civil64(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;                                   /* [0, 399] */
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468; /* 719468: days from 0000-03-01 to 1970-01-01 */
}

int64_t sd_days_from_civil(int year, int month, int day)
{
    return days_from_civil64(year, month, day);
}

/* The first and last day whose year fits an int. */
static int64_t min_day(void) { return days_from_civil64(INT_MIN, 1, 1); }
static int64_t max_day(void) { return days_from_civil64(INT_MAX, 12, 31); }

void sd_civil_from_days(int64_t days, int *year, int *month, int *day)
{
    int y, m, d;
    if (days < min_day()) {
        y = INT_MIN, m = 1, d = 1;
    } else if (days > max_day()) {
        y = INT_MAX, m = 12, d = 31;
    } else {
        int64_t z = days + 719468;
        int64_t era = floor_div(z, 146097);
        int64_t doe = z - era * 146097;                                    /* [0, 146096] */
        int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
        int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);            /* [0, 365] */
        int64_t mp = (5 * doy + 2) / 153;                                  /* [0, 11] */
        d = (int)(doy - (153 * mp + 2) / 5 + 1);
        m = (int)(mp < 10 ? mp + 3 : mp - 9);
        y = (int)(yoe + era * 400 + (m <= 2));
    }
    if (year != NULL)
        *year = y;
    if (month != NULL)
        *month = m;
    if (day != NULL)
        *day = d;
}

int sd_weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday. */
    return (int)((floor_mod(days, 7) + THURSDAY) % 7);
}

sd_time sd_time_make(int year, int month, int day, int hour, int minute, int second)
{
    return days_from_civil64(year, month, day) * SECS_PER_DAY + (int64_t)hour * 3600 +
           (int64_t)minute * 60 + second;
}

/* ---- formatting ---- */

static void put_digits(char *p, int64_t v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

void sd_time_format(sd_time t, char out[20])
{
    if (out == NULL)
        return;
    int64_t days = floor_div(t, SECS_PER_DAY);
    int64_t sod = floor_mod(t, SECS_PER_DAY);
    int y, m, d;
    sd_civil_from_days(days, &y, &m, &d);
    if (y >= 0 && y <= 9999) {
        put_digits(out, y, 4);
        put_digits(out + 5, m, 2);
        put_digits(out + 8, d, 2);
        put_digits(out + 11, sod / 3600, 2);
        put_digits(out + 14, sod / 60 % 60, 2);
        put_digits(out + 17, sod % 60, 2);
    } else {
        /* Digits as '?' (the pattern is not written as one literal: "??-" is a trigraph). */
        memset(out, '?', 19);
    }
    out[4] = '-';
    out[7] = '-';
    out[10] = 'T';
    out[13] = ':';
    out[16] = ':';
    out[19] = '\0';
}

/* ---- parsing ---- */

#define PARSE_EXPECTED "YYYY-MM-DD HH:MM"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Reads exactly n ASCII digits at *p; advances *p on success. */
static bool read_digits(const char **p, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit((*p)[i]))
            return false;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *value = v;
    return true;
}

/* The input as quoted in messages: at most 64 bytes, control characters as '?'. */
static void quote_input(const char *s, char out[72])
{
    size_t n = 0;
    while (s[n] != '\0' && n < 64) {
        unsigned char c = (unsigned char)s[n];
        out[n] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
        n++;
    }
    if (s[n] != '\0') {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
}

/* Fails with a message that quotes the input, says what is wrong (detail, may be NULL)
 * and the expected form. */
static sd_status parse_fail(sd_error *err, const char *s, const char *detail)
{
    char quoted[72];
    quote_input(s, quoted);
    if (detail == NULL)
        return sd_error_set(err, SD_ERR_INPUT, "invalid date-time '%s'; expected " PARSE_EXPECTED,
                            quoted);
    return sd_error_set(err, SD_ERR_INPUT, "invalid date-time '%s' (%s); expected " PARSE_EXPECTED,
                        quoted, detail);
}

sd_status sd_time_parse(const char *s, sd_time *out, sd_error *err)
{
    if (s == NULL || out == NULL)
        return sd_error_set(err, SD_ERR_USAGE, "sd_time_parse: NULL argument");
    const char *p = s;
    int y, mo, d, h = 0, mi = 0, se = 0;
    bool has_time = false;
    char detail[80];
    if (!read_digits(&p, 4, &y) || *p++ != '-' || !read_digits(&p, 2, &mo) || *p++ != '-' ||
        !read_digits(&p, 2, &d))
        return parse_fail(err, s, "not a date of the form YYYY-MM-DD");
    if (*p == ' ' || *p == 'T') {
        p++;
        has_time = true;
        if (!read_digits(&p, 2, &h) || *p++ != ':' || !read_digits(&p, 2, &mi))
            return parse_fail(err, s, "the time is not of the form HH:MM or HH:MM:SS");
        if (*p == ':') {
            p++;
            if (!read_digits(&p, 2, &se))
                return parse_fail(err, s, "the seconds are not two digits");
        }
    }
    if (*p != '\0')
        return parse_fail(err, s,
                          has_time ? "unexpected characters after the time"
                                   : "unexpected characters after the date");
    if (y < 1900) {
        snprintf(detail, sizeof detail, "year %d is outside 1900-9999", y);
        return parse_fail(err, s, detail);
    }
    if (mo < 1 || mo > 12) {
        snprintf(detail, sizeof detail, "month %02d does not exist", mo);
        return parse_fail(err, s, detail);
    }
    if (d < 1 || d > days_in_month(y, mo)) {
        snprintf(detail, sizeof detail, "day %d does not exist in %04d-%02d", d, y, mo);
        return parse_fail(err, s, detail);
    }
    if (h > 23) {
        snprintf(detail, sizeof detail, "hour %d is outside 00-23", h);
        return parse_fail(err, s, detail);
    }
    if (mi > 59) {
        snprintf(detail, sizeof detail, "minute %d is outside 00-59", mi);
        return parse_fail(err, s, detail);
    }
    if (se > 59) {
        snprintf(detail, sizeof detail, "second %d is outside 00-59", se);
        return parse_fail(err, s, detail);
    }
    *out = sd_time_make(y, mo, d, h, mi, se);
    return SD_OK;
}

/* ---- holidays ---- */

int64_t sd_easter_sunday(int year)
{
    /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher), with floor division so that
     * every int year gives a defined (proleptic) answer. */
    int64_t Y = year;
    int64_t a = floor_mod(Y, 19);
    int64_t b = floor_div(Y, 100);
    int64_t c = floor_mod(Y, 100);
    int64_t d = floor_div(b, 4);
    int64_t e = floor_mod(b, 4);
    int64_t f = floor_div(b + 8, 25);
    int64_t g = floor_div(b - f + 1, 3);
    int64_t h = floor_mod(19 * a + b - d - g + 15, 30);
    int64_t i = c / 4;
    int64_t k = c % 4;
    int64_t l = floor_mod(32 + 2 * e + 2 * i - h - k, 7);
    int64_t m = (a + 11 * h + 22 * l) / 451;
    int64_t month = (h + l - 7 * m + 114) / 31;
    int64_t day = (h + l - 7 * m + 114) % 31 + 1;
    return days_from_civil64(Y, month, day);
}

/* The first `weekday` on or after `days`. */
static int64_t weekday_on_or_after(int64_t days, int weekday)
{
    return days + (weekday - sd_weekday(days) + 7) % 7;
}

size_t sd_holidays_of_year(int year, sd_holiday out[SD_MAX_HOLIDAYS])
{
    int64_t easter = sd_easter_sunday(year);
    int64_t midsommardagen = weekday_on_or_after(days_from_civil64(year, 6, 20), SATURDAY);
    int64_t alla_helgon = weekday_on_or_after(days_from_civil64(year, 10, 31), SATURDAY);
    /* In the guideline's order, which is also the order of equal dates after sorting. */
    const sd_holiday list[] = {
        {days_from_civil64(year, 1, 1), "nyårsdagen"},
        {days_from_civil64(year, 1, 6), "trettondedag jul"},
        {easter - 2, "långfredagen"},
        {easter, "påskdagen"},
        {easter + 1, "annandag påsk"},
        {days_from_civil64(year, 5, 1), "första maj"},
        {easter + 39, "Kristi himmelsfärdsdag"},
        {easter + 49, "pingstdagen"},
        {days_from_civil64(year, 6, 6), "nationaldagen"},
        {midsommardagen - 1, "midsommarafton"},
        {midsommardagen, "midsommardagen"},
        {alla_helgon, "alla helgons dag"},
        {days_from_civil64(year, 12, 24), "julafton"},
        {days_from_civil64(year, 12, 25), "juldagen"},
        {days_from_civil64(year, 12, 26), "annandag jul"},
        {days_from_civil64(year, 12, 31), "nyårsafton"},
    };
    size_t n = sizeof list / sizeof list[0];
    _Static_assert(sizeof list / sizeof list[0] <= SD_MAX_HOLIDAYS, "too many holidays");
    if (out == NULL)
        return n;
    /* Stable insertion sort by date. */
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && out[j - 1].day > list[i].day) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = list[i];
    }
    return n;
}

/* One year's holidays, kept by a caller that walks many days (a local, not a global). */
typedef struct holiday_cache {
    bool valid;
    int64_t first, last; /* the cached year's first and last day */
    size_t n;
    sd_holiday h[SD_MAX_HOLIDAYS];
} holiday_cache;

static bool is_holiday(int64_t day, holiday_cache *cache)
{
    if (!cache->valid || day < cache->first || day > cache->last) {
        if (day < min_day() || day > max_day())
            return false;
        int y;
        sd_civil_from_days(day, &y, NULL, NULL);
        cache->n = sd_holidays_of_year(y, cache->h);
        cache->first = days_from_civil64(y, 1, 1);
        cache->last = days_from_civil64(y, 12, 31);
        cache->valid = true;
    }
    for (size_t i = 0; i < cache->n; i++)
        if (cache->h[i].day == day)
            return true;
    return false;
}

/* ---- the calendar ---- */

void sd_calendar_init(sd_calendar *cal)
{
    if (cal == NULL)
        return;
    memset(cal, 0, sizeof *cal);
    cal->office_open = DEFAULT_OFFICE_OPEN;
    cal->office_close = DEFAULT_OFFICE_CLOSE;
}

/* A list length as used: never more than the arrays hold, whatever the caller stored. */
static size_t clamp_count(size_t n)
{
    return n < SD_CALENDAR_MAX_OVERRIDES ? n : SD_CALENDAR_MAX_OVERRIDES;
}

static bool in_list(const int64_t *list, size_t n, int64_t day)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == day)
            return true;
    return false;
}

static sd_status add_override(sd_calendar *cal, int64_t day, bool closed, sd_error *err)
{
    const char *what = closed ? "closed" : "open";
    if (cal == NULL)
        return sd_error_set(err, SD_ERR_USAGE, "sd_calendar_add_%s: NULL calendar", what);
    int64_t *list = closed ? cal->closed : cal->open;
    size_t *n = closed ? &cal->n_closed : &cal->n_open;
    const int64_t *other = closed ? cal->open : cal->closed;
    size_t count = clamp_count(*n);
    size_t n_other = clamp_count(closed ? cal->n_open : cal->n_closed);
    int y, m, d;
    sd_civil_from_days(day, &y, &m, &d);
    if (in_list(list, count, day))
        return SD_OK;
    if (in_list(other, n_other, day))
        return sd_error_set(err, SD_ERR_INPUT,
                            "day %04d-%02d-%02d is already %s day; a day cannot be both "
                            "closed and open",
                            y, m, d, closed ? "an open" : "a closed");
    if (count >= SD_CALENDAR_MAX_OVERRIDES)
        return sd_error_set(err, SD_ERR_INPUT,
                            "too many %s days: cannot add %04d-%02d-%02d, at most %d are allowed",
                            what, y, m, d, SD_CALENDAR_MAX_OVERRIDES);
    list[count] = day;
    *n = count + 1;
    return SD_OK;
}

sd_status sd_calendar_add_closed(sd_calendar *cal, int64_t day, sd_error *err)
{
    return add_override(cal, day, true, err);
}

sd_status sd_calendar_add_open(sd_calendar *cal, int64_t day, sd_error *err)
{
    return add_override(cal, day, false, err);
}

static bool working_day(const sd_calendar *cal, int64_t day, holiday_cache *cache)
{
    if (cal != NULL) {
        if (in_list(cal->open, clamp_count(cal->n_open), day))
            return true;
        if (in_list(cal->closed, clamp_count(cal->n_closed), day))
            return false;
    }
    if (sd_weekday(day) >= SATURDAY)
        return false;
    return !is_holiday(day, cache);
}

bool sd_calendar_is_working_day(const sd_calendar *cal, int64_t day)
{
    holiday_cache cache = {0};
    return working_day(cal, day, &cache);
}

bool sd_calendar_is_office_time(const sd_calendar *cal, sd_time t)
{
    int64_t sod = floor_mod(t, SECS_PER_DAY);
    int open = cal != NULL ? cal->office_open : DEFAULT_OFFICE_OPEN;
    int close = cal != NULL ? cal->office_close : DEFAULT_OFFICE_CLOSE;
    if (sod < open || sod >= close)
        return false;
    return sd_calendar_is_working_day(cal, floor_div(t, SECS_PER_DAY));
}

/* Moves *day forward to the first working day on or after it; false when none is found
 * within MAX_CLOSED_RUN days or the calendar's range ends. */
static bool to_working_day(const sd_calendar *cal, int64_t *day, holiday_cache *cache,
                           int64_t last_day)
{
    for (int i = 0; i < MAX_CLOSED_RUN; i++, ++*day) {
        if (*day > last_day)
            return false;
        if (working_day(cal, *day, cache))
            return true;
    }
    return false;
}

/* The override days of a calendar, sorted and without repeats, each with whether it is a
 * working day; lets the deadline count a whole year's working days in O(16 + overrides). */
typedef struct override_days {
    size_t n;
    int64_t day[2 * SD_CALENDAR_MAX_OVERRIDES];
    bool working[2 * SD_CALENDAR_MAX_OVERRIDES];
} override_days;

static void collect_overrides(const sd_calendar *cal, override_days *ov, holiday_cache *cache)
{
    ov->n = 0;
    if (cal == NULL)
        return;
    for (int which = 0; which < 2; which++) {
        const int64_t *list = which == 0 ? cal->closed : cal->open;
        size_t n = clamp_count(which == 0 ? cal->n_closed : cal->n_open);
        for (size_t i = 0; i < n; i++) {
            size_t j = ov->n;
            if (in_list(ov->day, ov->n, list[i]))
                continue;
            while (j > 0 && ov->day[j - 1] > list[i]) {
                ov->day[j] = ov->day[j - 1];
                j--;
            }
            ov->day[j] = list[i];
            ov->n++;
        }
    }
    for (size_t i = 0; i < ov->n; i++)
        ov->working[i] = working_day(cal, ov->day[i], cache);
}

/* Monday-to-Friday days among the n days starting at `first`. */
static int64_t weekdays_in(int64_t first, int64_t n)
{
    int64_t count = n / 7 * 5;
    int w = sd_weekday(first + n / 7 * 7);
    for (int64_t i = 0; i < n % 7; i++)
        count += (w + i) % 7 < SATURDAY;
    return count;
}

/* Working days in [first, last], the whole of one year. */
static int64_t working_days_of_year(int year, int64_t first, int64_t last,
                                    const override_days *ov)
{
    sd_holiday h[SD_MAX_HOLIDAYS];
    size_t nh = sd_holidays_of_year(year, h);
    int64_t count = weekdays_in(first, last - first + 1);
    for (size_t i = 0; i < nh; i++)
        if ((i == 0 || h[i].day != h[i - 1].day) && sd_weekday(h[i].day) < SATURDAY)
            count--;
    for (size_t i = 0; i < ov->n; i++) {
        if (ov->day[i] < first || ov->day[i] > last)
            continue;
        bool by_default = sd_weekday(ov->day[i]) < SATURDAY;
        for (size_t k = 0; k < nh && by_default; k++)
            by_default = h[k].day != ov->day[i];
        count += (int64_t)ov->working[i] - (int64_t)by_default;
    }
    return count;
}

/* 1 January of the year after `day`'s year. */
static int64_t year_after(int64_t day)
{
    int y;
    sd_civil_from_days(day, &y, NULL, NULL);
    return days_from_civil64((int64_t)y + 1, 1, 1);
}

/* Called with the count at 00:00 of `*day`: while *day is 1 January and the year's working
 * time fits in *remaining, consumes the whole year (exactly what the day-by-day walk would
 * do). Returns the first day of the year after *day's year. */
static int64_t skip_years(int64_t *day, int64_t *remaining, const override_days *ov)
{
    int y, m, d;
    sd_civil_from_days(*day, &y, &m, &d);
    while (m == 1 && d == 1 && y < INT_MAX) {
        int64_t last = days_from_civil64(y, 12, 31);
        int64_t w = working_days_of_year(y, *day, last, ov);
        if (w <= 0 || *remaining < w * SECS_PER_DAY)
            break;
        *remaining -= w * SECS_PER_DAY;
        *day = last + 1;
        y++;
    }
    return days_from_civil64((int64_t)y + 1, 1, 1);
}

sd_time sd_calendar_deadline(const sd_calendar *cal, sd_time t, int hours)
{
    holiday_cache cache = {0};
    int64_t remaining = hours > 0 ? (int64_t)hours * 3600 : 0;
    int64_t day = floor_div(t, SECS_PER_DAY);
    int64_t sod = floor_mod(t, SECS_PER_DAY);
    int64_t last_day = max_day();
    if (day < min_day() || day > last_day)
        return INT64_MAX;
    if (!working_day(cal, day, &cache)) {
        sod = 0;
        if (!to_working_day(cal, &day, &cache, last_day))
            return INT64_MAX;
    }
    /* Whole years are skipped in one step when the remaining time covers them, so long
     * deadlines cost O(years), not O(days); everything else walks day by day. Invariant:
     * next_year is 1 January of the year after `day`'s year. */
    override_days ov;
    bool ov_ready = false;
    int64_t next_year = year_after(day);
    for (;;) {
        /* day is a working day, the count is at sod; the rest of the day runs. */
        int64_t avail = SECS_PER_DAY - sod;
        if (remaining < avail)
            return day * SECS_PER_DAY + sod + remaining;
        remaining -= avail;
        day++;
        sod = 0;
        if (!to_working_day(cal, &day, &cache, last_day))
            return INT64_MAX;
        if (day >= next_year) {
            /* Every day from the previous working day up to `day` is closed, so the count
             * stands at 00:00 on 1 January (next_year) with nothing consumed since. */
            int64_t jan1 = next_year;
            if (!ov_ready) {
                collect_overrides(cal, &ov, &cache);
                ov_ready = true;
            }
            next_year = skip_years(&jan1, &remaining, &ov);
            if (jan1 > day) { /* whole years were skipped, past `day` */
                day = jan1;
                if (!to_working_day(cal, &day, &cache, last_day))
                    return INT64_MAX;
            }
            if (day >= next_year)
                next_year = year_after(day);
        }
    }
}

bool sd_date_valid(const char *s)
{
    sd_time t;
    return s != NULL && strlen(s) == 10 && sd_time_parse(s, &t, NULL) == SD_OK;
}
