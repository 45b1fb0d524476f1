/* test_calendar.c - cmocka tests of engine/calendar: civil date arithmetic, weekdays,
 * date-time parsing and formatting, Easter and Sweden's holidays, the working-day
 * calendar with overrides, office hours and the working-day deadline (rule `speed`).
 * Expected dates were checked against an independent implementation (python-dateutil's
 * Easter and a minute-stepping deadline reference). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "calendar/calendar.h"

/* ---- helpers ---- */

static int64_t fdiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* Parses a date-time the test knows to be valid. */
static sd_time T(const char *s)
{
    sd_error err = SD_ERROR_INIT;
    sd_time t = 0;
    sd_status st = sd_time_parse(s, &t, &err);
    if (st != SD_OK)
        fail_msg("cannot parse '%s': %s", s, sd_error_msg(&err));
    sd_error_clear(&err);
    return t;
}

/* Day number of "YYYY-MM-DD". */
static int64_t DAY(const char *s) { return fdiv(T(s), 86400); }

static void assert_time_is(sd_time actual, const char *expected)
{
    char a[20], e[20];
    sd_time_format(actual, a);
    sd_time_format(T(expected), e);
    assert_string_equal(a, e);
}

/* cmocka's assert_in_range is unsigned; this one is for signed 64-bit values. */
#define assert_between(v, lo, hi)                                                          \
    do {                                                                                   \
        int64_t v_ = (v), lo_ = (lo), hi_ = (hi);                                          \
        if (v_ < lo_ || v_ > hi_)                                                          \
            fail_msg("%s = %lld not in [%lld, %lld]", #v, (long long)v_, (long long)lo_,   \
                     (long long)hi_);                                                      \
    } while (0)

static void assert_contains(const char *haystack, const char *needle)
{
    if (strstr(haystack, needle) == NULL)
        fail_msg("'%s' does not contain '%s'", haystack, needle);
}

/* ---- days_from_civil, civil_from_days, weekday ---- */

static void test_days_from_civil_known(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        int64_t days;
        int weekday; /* 0 = Monday */
    } cases[] = {
        {1970, 1, 1, 0, 3},         {1969, 12, 31, -1, 2},      {1900, 1, 1, -25567, 0},
        {1900, 2, 28, -25509, 2},   {1900, 3, 1, -25508, 3},    {2000, 2, 29, 11016, 1},
        {2000, 3, 1, 11017, 2},     {2024, 2, 29, 19782, 3},    {2026, 12, 24, 20811, 3},
        {1, 1, 1, -719162, 0},      {9999, 12, 31, 2932896, 4}, {1600, 3, 1, -135080, 2},
        {2038, 1, 19, 24855, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(sd_days_from_civil(cases[i].y, cases[i].m, cases[i].d), cases[i].days);
        int y, m, d;
        sd_civil_from_days(cases[i].days, &y, &m, &d);
        assert_int_equal(y, cases[i].y);
        assert_int_equal(m, cases[i].m);
        assert_int_equal(d, cases[i].d);
        assert_int_equal(sd_weekday(cases[i].days), cases[i].weekday);
    }
}

static void test_civil_round_trip(void **state)
{
    (void)state;
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int64_t expect = sd_days_from_civil(1599, 1, 1);
    int prev_wd = sd_weekday(expect - 1);
    for (int y = 1599; y <= 2401; y++) {
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        for (int m = 1; m <= 12; m++) {
            int len = mdays[m - 1] + (m == 2 && leap);
            for (int d = 1; d <= len; d++, expect++) {
                assert_int_equal(sd_days_from_civil(y, m, d), expect);
                int yy, mm, dd;
                sd_civil_from_days(expect, &yy, &mm, &dd);
                assert_int_equal(yy, y);
                assert_int_equal(mm, m);
                assert_int_equal(dd, d);
                int wd = sd_weekday(expect);
                assert_int_equal(wd, (prev_wd + 1) % 7);
                prev_wd = wd;
            }
        }
    }
}

static void test_leap_years(void **state)
{
    (void)state;
    static const struct {
        int year;
        int feb_len;
    } cases[] = {{1900, 28}, {2000, 29}, {2024, 29}, {2025, 28}, {2100, 28}, {1600, 29}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int y = cases[i].year;
        assert_int_equal(sd_days_from_civil(y, 3, 1) - sd_days_from_civil(y, 2, 1),
                         cases[i].feb_len);
        assert_int_equal(sd_days_from_civil(y + 1, 1, 1) - sd_days_from_civil(y, 1, 1),
                         337 + cases[i].feb_len);
    }
}

static void test_civil_extremes(void **state)
{
    (void)state;
    /* Far dates do not overflow and round-trip; beyond the int years they saturate. */
    static const int years[] = {-4713, -1, 0, 1, 100000, INT_MAX - 1, INT_MIN + 1};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        int64_t days = sd_days_from_civil(years[i], 2, 28);
        int y, m, d;
        sd_civil_from_days(days, &y, &m, &d);
        assert_int_equal(y, years[i]);
        assert_int_equal(m, 2);
        assert_int_equal(d, 28);
    }
    int y, m, d;
    sd_civil_from_days(INT64_MAX, &y, &m, &d);
    assert_int_equal(y, INT_MAX);
    assert_int_equal(m, 12);
    assert_int_equal(d, 31);
    sd_civil_from_days(INT64_MIN, &y, &m, &d);
    assert_int_equal(y, INT_MIN);
    assert_int_equal(m, 1);
    assert_int_equal(d, 1);
    assert_in_range(sd_weekday(INT64_MIN), 0, 6);
    assert_in_range(sd_weekday(INT64_MAX), 0, 6);
    /* NULL outputs are allowed. */
    sd_civil_from_days(0, NULL, NULL, NULL);
}

/* ---- sd_time make / format / parse ---- */

static void test_time_make_and_format(void **state)
{
    (void)state;
    static const struct {
        int y, mo, d, h, mi, s;
        sd_time t;
        const char *text;
    } cases[] = {
        {1970, 1, 1, 0, 0, 0, 0, "1970-01-01T00:00:00"},
        {1969, 12, 31, 23, 59, 59, -1, "1969-12-31T23:59:59"},
        {2026, 3, 3, 10, 0, 0, INT64_C(1772532000), "2026-03-03T10:00:00"},
        {2000, 2, 29, 12, 34, 56, INT64_C(951827696), "2000-02-29T12:34:56"},
        {1900, 1, 1, 0, 0, 0, INT64_C(-2208988800), "1900-01-01T00:00:00"},
        {9999, 12, 31, 23, 59, 59, INT64_C(253402300799), "9999-12-31T23:59:59"},
        {0, 1, 1, 0, 0, 0, INT64_C(-62167219200), "0000-01-01T00:00:00"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_time t = sd_time_make(cases[i].y, cases[i].mo, cases[i].d, cases[i].h, cases[i].mi,
                                 cases[i].s);
        assert_int_equal(t, cases[i].t);
        char buf[20];
        sd_time_format(t, buf);
        assert_string_equal(buf, cases[i].text);
    }
}

static void test_time_format_out_of_range(void **state)
{
    (void)state;
    static const sd_time cases[] = {INT64_MAX, INT64_MIN, INT64_C(253402300800),
                                    INT64_C(-62167219201)};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[20];
        memset(buf, 'x', sizeof buf);
        sd_time_format(cases[i], buf);
        assert_int_equal(strlen(buf), 19);
        assert_string_equal(buf, "?\?\?\?-?\?-?\?T?\?:?\?:?\?");
    }
}

static void test_time_parse_ok(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *formatted;
    } cases[] = {
        {"2026-03-03 10:00", "2026-03-03T10:00:00"},
        {"2026-03-03T10:00", "2026-03-03T10:00:00"},
        {"2026-03-03 10:00:07", "2026-03-03T10:00:07"},
        {"2026-03-03T23:59:59", "2026-03-03T23:59:59"},
        {"2026-03-03", "2026-03-03T00:00:00"},
        {"2024-02-29 00:00", "2024-02-29T00:00:00"},
        {"2000-02-29", "2000-02-29T00:00:00"},
        {"1900-01-01 00:00:00", "1900-01-01T00:00:00"},
        {"1969-12-31 23:59:59", "1969-12-31T23:59:59"},
        {"9999-12-31T23:59:59", "9999-12-31T23:59:59"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_error err = SD_ERROR_INIT;
        sd_time t = 42;
        assert_int_equal(sd_time_parse(cases[i].in, &t, &err), SD_OK);
        assert_null(err.msg);
        char buf[20];
        sd_time_format(t, buf);
        assert_string_equal(buf, cases[i].formatted);
        /* Round trip: the formatted text parses back to the same time. */
        sd_time t2 = 0;
        assert_int_equal(sd_time_parse(buf, &t2, &err), SD_OK);
        assert_int_equal(t2, t);
    }
}

static void test_time_format_parse_round_trip(void **state)
{
    (void)state;
    /* A walk over 1900..9999 with an odd stride hits every second-of-day pattern. */
    sd_time first = sd_time_make(1900, 1, 1, 0, 0, 0);
    sd_time last = sd_time_make(9999, 12, 31, 23, 59, 59);
    for (sd_time t = first; t <= last; t += INT64_C(7777777)) {
        char buf[20];
        sd_time_format(t, buf);
        sd_time back = 0;
        sd_error err = SD_ERROR_INIT;
        assert_int_equal(sd_time_parse(buf, &back, &err), SD_OK);
        assert_int_equal(back, t);
    }
}

static void test_time_parse_fail(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *detail; /* substring the message must contain */
    } cases[] = {
        {"", "YYYY-MM-DD"},
        {"2026-02-30 09:00", "day 30 does not exist in 2026-02"},
        {"2025-02-29", "day 29 does not exist in 2025-02"},
        {"1900-02-29", "day 29 does not exist in 1900-02"},
        {"2026-04-31 10:00", "day 31 does not exist"},
        {"2026-01-00 10:00", "day 0 does not exist"},
        {"2026-13-01 10:00", "month 13"},
        {"2026-00-01", "month 00"},
        {"2026-03-03 24:00", "hour 24"},
        {"2026-03-03 25:00", "hour 25"},
        {"2026-03-03 10:60", "minute 60"},
        {"2026-03-03 10:00:60", "second 60"},
        {"1899-12-31 10:00", "year 1899"},
        {"0000-01-01", "year 0"},
        {"12026-01-01 10:00", "YYYY-MM-DD"},
        {"2026-03-03 10:00x", "after the time"},
        {"2026-03-03 10:00:00 ", "after the time"},
        {"2026-03-03x", "after the date"},
        {"2026-03-03 ", "HH:MM"},
        {"2026-03-03 9:00", "HH:MM"},
        {"2026-03-03 10", "HH:MM"},
        {"2026-03-03 10:0", "HH:MM"},
        {"2026-03-03 10:00:5", "seconds"},
        {"2026-3-3 10:00", "YYYY-MM-DD"},
        {"2026/03/03 10:00", "YYYY-MM-DD"},
        {"03.03.2026", "YYYY-MM-DD"},
        {" 2026-03-03", "YYYY-MM-DD"},
        {"+026-03-03", "YYYY-MM-DD"},
        {"2026-03-03  10:00", "HH:MM"},
        {"2026-03-03t10:00", "after the date"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_error err = SD_ERROR_INIT;
        sd_time t = 12345;
        assert_int_equal(sd_time_parse(cases[i].in, &t, &err), SD_ERR_INPUT);
        assert_int_equal(err.status, SD_ERR_INPUT);
        assert_int_equal(t, 12345); /* untouched on failure */
        char quoted[64];
        snprintf(quoted, sizeof quoted, "'%s'", cases[i].in);
        assert_contains(sd_error_msg(&err), quoted);
        assert_contains(sd_error_msg(&err), "expected YYYY-MM-DD HH:MM");
        assert_contains(sd_error_msg(&err), cases[i].detail);
        sd_error_clear(&err);
    }
    /* The message of the guideline's example, in full. */
    sd_error err = SD_ERROR_INIT;
    sd_time t;
    assert_int_equal(sd_time_parse("2026-02-30 09:00", &t, &err), SD_ERR_INPUT);
    assert_string_equal(sd_error_msg(&err), "invalid date-time '2026-02-30 09:00' (day 30 does "
                                            "not exist in 2026-02); expected YYYY-MM-DD HH:MM");
    sd_error_clear(&err);
    /* A NULL error pointer is allowed. */
    assert_int_equal(sd_time_parse("nope", &t, NULL), SD_ERR_INPUT);
}

static void test_time_parse_quotes_safely(void **state)
{
    (void)state;
    /* Control characters are not copied into the message; long input is shortened. */
    sd_error err = SD_ERROR_INIT;
    sd_time t;
    assert_int_equal(sd_time_parse("2026-03-03\n10:00", &t, &err), SD_ERR_INPUT);
    assert_null(strchr(sd_error_msg(&err), '\n'));
    assert_contains(sd_error_msg(&err), "'2026-03-03?10:00'");
    char longin[300];
    memset(longin, 'z', sizeof longin - 1);
    longin[sizeof longin - 1] = '\0';
    assert_int_equal(sd_time_parse(longin, &t, &err), SD_ERR_INPUT);
    assert_true(strlen(sd_error_msg(&err)) < 200);
    assert_contains(sd_error_msg(&err), "zzz...'");
    sd_error_clear(&err);
    /* NULL arguments are a usage error. */
    assert_int_equal(sd_time_parse(NULL, &t, &err), SD_ERR_USAGE);
    sd_error_clear(&err);
    assert_int_equal(sd_time_parse("2026-03-03", NULL, &err), SD_ERR_USAGE);
    sd_error_clear(&err);
}

/* ---- Easter and holidays ---- */

static void test_easter_table(void **state)
{
    (void)state;
    /* Python-dateutil's Western Easter for 1990..2060 and some famous extremes. */
    static const struct {
        int y, m, d;
    } cases[] = {
        {1990, 4, 15}, {1991, 3, 31}, {1992, 4, 19}, {1993, 4, 11}, {1994, 4, 3}, {1995, 4, 16},
        {1996, 4, 7}, {1997, 3, 30}, {1998, 4, 12}, {1999, 4, 4}, {2000, 4, 23}, {2001, 4, 15},
        {2002, 3, 31}, {2003, 4, 20}, {2004, 4, 11}, {2005, 3, 27}, {2006, 4, 16}, {2007, 4, 8},
        {2008, 3, 23}, {2009, 4, 12}, {2010, 4, 4}, {2011, 4, 24}, {2012, 4, 8}, {2013, 3, 31},
        {2014, 4, 20}, {2015, 4, 5}, {2016, 3, 27}, {2017, 4, 16}, {2018, 4, 1}, {2019, 4, 21},
        {2020, 4, 12}, {2021, 4, 4}, {2022, 4, 17}, {2023, 4, 9}, {2024, 3, 31}, {2025, 4, 20},
        {2026, 4, 5}, {2027, 3, 28}, {2028, 4, 16}, {2029, 4, 1}, {2030, 4, 21}, {2031, 4, 13},
        {2032, 3, 28}, {2033, 4, 17}, {2034, 4, 9}, {2035, 3, 25}, {2036, 4, 13}, {2037, 4, 5},
        {2038, 4, 25}, {2039, 4, 10}, {2040, 4, 1}, {2041, 4, 21}, {2042, 4, 6}, {2043, 3, 29},
        {2044, 4, 17}, {2045, 4, 9}, {2046, 3, 25}, {2047, 4, 14}, {2048, 4, 5}, {2049, 4, 18},
        {2050, 4, 10}, {2051, 4, 2}, {2052, 4, 21}, {2053, 4, 6}, {2054, 3, 29}, {2055, 4, 18},
        {2056, 4, 2}, {2057, 4, 22}, {2058, 4, 14}, {2059, 3, 30}, {2060, 4, 18},
        {1818, 3, 22}, {2285, 3, 22}, {1943, 4, 25}, {1961, 4, 2}, {1900, 4, 15},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(sd_easter_sunday(cases[i].y),
                         sd_days_from_civil(cases[i].y, cases[i].m, cases[i].d));
}

static void test_easter_properties(void **state)
{
    (void)state;
    for (int y = 1583; y <= 4099; y++) {
        int64_t e = sd_easter_sunday(y);
        assert_int_equal(sd_weekday(e), 6);
        assert_between(e, sd_days_from_civil(y, 3, 22), sd_days_from_civil(y, 4, 25));
    }
}

typedef struct {
    const char *date;
    const char *name;
} holiday_row;

typedef struct {
    int year;
    holiday_row h[16];
} holiday_year;

static const holiday_year holiday_tables[] = {
    {2000,
     {{"2000-01-01", "nyårsdagen"},
      {"2000-01-06", "trettondedag jul"},
      {"2000-04-21", "långfredagen"},
      {"2000-04-23", "påskdagen"},
      {"2000-04-24", "annandag påsk"},
      {"2000-05-01", "första maj"},
      {"2000-06-01", "Kristi himmelsfärdsdag"},
      {"2000-06-06", "nationaldagen"},
      {"2000-06-11", "pingstdagen"},
      {"2000-06-23", "midsommarafton"},
      {"2000-06-24", "midsommardagen"},
      {"2000-11-04", "alla helgons dag"},
      {"2000-12-24", "julafton"},
      {"2000-12-25", "juldagen"},
      {"2000-12-26", "annandag jul"},
      {"2000-12-31", "nyårsafton"}}},
    {2008, /* Kristi himmelsfärdsdag on första maj: both listed */
     {{"2008-01-01", "nyårsdagen"},
      {"2008-01-06", "trettondedag jul"},
      {"2008-03-21", "långfredagen"},
      {"2008-03-23", "påskdagen"},
      {"2008-03-24", "annandag påsk"},
      {"2008-05-01", "första maj"},
      {"2008-05-01", "Kristi himmelsfärdsdag"},
      {"2008-05-11", "pingstdagen"},
      {"2008-06-06", "nationaldagen"},
      {"2008-06-20", "midsommarafton"},
      {"2008-06-21", "midsommardagen"},
      {"2008-11-01", "alla helgons dag"},
      {"2008-12-24", "julafton"},
      {"2008-12-25", "juldagen"},
      {"2008-12-26", "annandag jul"},
      {"2008-12-31", "nyårsafton"}}},
    {2024,
     {{"2024-01-01", "nyårsdagen"},
      {"2024-01-06", "trettondedag jul"},
      {"2024-03-29", "långfredagen"},
      {"2024-03-31", "påskdagen"},
      {"2024-04-01", "annandag påsk"},
      {"2024-05-01", "första maj"},
      {"2024-05-09", "Kristi himmelsfärdsdag"},
      {"2024-05-19", "pingstdagen"},
      {"2024-06-06", "nationaldagen"},
      {"2024-06-21", "midsommarafton"},
      {"2024-06-22", "midsommardagen"},
      {"2024-11-02", "alla helgons dag"},
      {"2024-12-24", "julafton"},
      {"2024-12-25", "juldagen"},
      {"2024-12-26", "annandag jul"},
      {"2024-12-31", "nyårsafton"}}},
    {2025,
     {{"2025-01-01", "nyårsdagen"},
      {"2025-01-06", "trettondedag jul"},
      {"2025-04-18", "långfredagen"},
      {"2025-04-20", "påskdagen"},
      {"2025-04-21", "annandag påsk"},
      {"2025-05-01", "första maj"},
      {"2025-05-29", "Kristi himmelsfärdsdag"},
      {"2025-06-06", "nationaldagen"},
      {"2025-06-08", "pingstdagen"},
      {"2025-06-20", "midsommarafton"},
      {"2025-06-21", "midsommardagen"},
      {"2025-11-01", "alla helgons dag"},
      {"2025-12-24", "julafton"},
      {"2025-12-25", "juldagen"},
      {"2025-12-26", "annandag jul"},
      {"2025-12-31", "nyårsafton"}}},
    {2026,
     {{"2026-01-01", "nyårsdagen"},
      {"2026-01-06", "trettondedag jul"},
      {"2026-04-03", "långfredagen"},
      {"2026-04-05", "påskdagen"},
      {"2026-04-06", "annandag påsk"},
      {"2026-05-01", "första maj"},
      {"2026-05-14", "Kristi himmelsfärdsdag"},
      {"2026-05-24", "pingstdagen"},
      {"2026-06-06", "nationaldagen"},
      {"2026-06-19", "midsommarafton"},
      {"2026-06-20", "midsommardagen"},
      {"2026-10-31", "alla helgons dag"},
      {"2026-12-24", "julafton"},
      {"2026-12-25", "juldagen"},
      {"2026-12-26", "annandag jul"},
      {"2026-12-31", "nyårsafton"}}},
    {2027,
     {{"2027-01-01", "nyårsdagen"},
      {"2027-01-06", "trettondedag jul"},
      {"2027-03-26", "långfredagen"},
      {"2027-03-28", "påskdagen"},
      {"2027-03-29", "annandag påsk"},
      {"2027-05-01", "första maj"},
      {"2027-05-06", "Kristi himmelsfärdsdag"},
      {"2027-05-16", "pingstdagen"},
      {"2027-06-06", "nationaldagen"},
      {"2027-06-25", "midsommarafton"},
      {"2027-06-26", "midsommardagen"},
      {"2027-11-06", "alla helgons dag"},
      {"2027-12-24", "julafton"},
      {"2027-12-25", "juldagen"},
      {"2027-12-26", "annandag jul"},
      {"2027-12-31", "nyårsafton"}}},
    {2038,
     {{"2038-01-01", "nyårsdagen"},
      {"2038-01-06", "trettondedag jul"},
      {"2038-04-23", "långfredagen"},
      {"2038-04-25", "påskdagen"},
      {"2038-04-26", "annandag påsk"},
      {"2038-05-01", "första maj"},
      {"2038-06-03", "Kristi himmelsfärdsdag"},
      {"2038-06-06", "nationaldagen"},
      {"2038-06-13", "pingstdagen"},
      {"2038-06-25", "midsommarafton"},
      {"2038-06-26", "midsommardagen"},
      {"2038-11-06", "alla helgons dag"},
      {"2038-12-24", "julafton"},
      {"2038-12-25", "juldagen"},
      {"2038-12-26", "annandag jul"},
      {"2038-12-31", "nyårsafton"}}},
    {2049, /* pingstdagen on nationaldagen: both listed */
     {{"2049-01-01", "nyårsdagen"},
      {"2049-01-06", "trettondedag jul"},
      {"2049-04-16", "långfredagen"},
      {"2049-04-18", "påskdagen"},
      {"2049-04-19", "annandag påsk"},
      {"2049-05-01", "första maj"},
      {"2049-05-27", "Kristi himmelsfärdsdag"},
      {"2049-06-06", "pingstdagen"},
      {"2049-06-06", "nationaldagen"},
      {"2049-06-25", "midsommarafton"},
      {"2049-06-26", "midsommardagen"},
      {"2049-11-06", "alla helgons dag"},
      {"2049-12-24", "julafton"},
      {"2049-12-25", "juldagen"},
      {"2049-12-26", "annandag jul"},
      {"2049-12-31", "nyårsafton"}}},
};

static void test_holidays_known_years(void **state)
{
    (void)state;
    for (size_t y = 0; y < sizeof holiday_tables / sizeof holiday_tables[0]; y++) {
        const holiday_year *hy = &holiday_tables[y];
        sd_holiday out[SD_MAX_HOLIDAYS];
        memset(out, 0, sizeof out);
        size_t n = sd_holidays_of_year(hy->year, out);
        assert_int_equal(n, 16);
        for (size_t i = 0; i < 16; i++) {
            char got[20];
            sd_time_format(out[i].day * 86400, got);
            if (out[i].day != DAY(hy->h[i].date) || strcmp(out[i].name, hy->h[i].name) != 0)
                fail_msg("%d entry %zu: got %.10s %s, expected %s %s", hy->year, i, got,
                         out[i].name, hy->h[i].date, hy->h[i].name);
        }
    }
}

static void test_holidays_invariants(void **state)
{
    (void)state;
    static const char *const names[16] = {
        "nyårsdagen",     "trettondedag jul", "långfredagen",     "påskdagen",
        "annandag påsk",  "första maj",       "Kristi himmelsfärdsdag", "pingstdagen",
        "nationaldagen",  "midsommarafton",   "midsommardagen",   "alla helgons dag",
        "julafton",       "juldagen",         "annandag jul",     "nyårsafton",
    };
    for (int year = 1900; year <= 2200; year++) {
        sd_holiday out[SD_MAX_HOLIDAYS];
        size_t n = sd_holidays_of_year(year, out);
        assert_int_equal(n, 16);
        int64_t easter = sd_easter_sunday(year);
        int64_t first = sd_days_from_civil(year, 1, 1), last = sd_days_from_civil(year, 12, 31);
        for (size_t i = 0; i < n; i++) {
            assert_between(out[i].day, first, last);
            if (i > 0)
                assert_true(out[i - 1].day <= out[i].day);
        }
        /* Every name exactly once; check the weekday-bound ones. */
        for (size_t k = 0; k < 16; k++) {
            size_t found = 0, at = 0;
            for (size_t i = 0; i < n; i++)
                if (strcmp(out[i].name, names[k]) == 0)
                    found++, at = i;
            assert_int_equal(found, 1);
            int64_t d = out[at].day;
            int y, m, dd;
            sd_civil_from_days(d, &y, &m, &dd);
            if (strcmp(names[k], "midsommardagen") == 0) {
                assert_int_equal(sd_weekday(d), 5);
                assert_int_equal(m, 6);
                assert_in_range(dd, 20, 26);
            } else if (strcmp(names[k], "midsommarafton") == 0) {
                assert_int_equal(sd_weekday(d), 4);
                assert_int_equal(m, 6);
                assert_in_range(dd, 19, 25);
            } else if (strcmp(names[k], "alla helgons dag") == 0) {
                assert_int_equal(sd_weekday(d), 5);
                assert_between(d, sd_days_from_civil(year, 10, 31),
                               sd_days_from_civil(year, 11, 6));
            } else if (strcmp(names[k], "långfredagen") == 0) {
                assert_int_equal(d, easter - 2);
                assert_int_equal(sd_weekday(d), 4);
            } else if (strcmp(names[k], "Kristi himmelsfärdsdag") == 0) {
                assert_int_equal(d, easter + 39);
                assert_int_equal(sd_weekday(d), 3);
            } else if (strcmp(names[k], "pingstdagen") == 0) {
                assert_int_equal(d, easter + 49);
                assert_int_equal(sd_weekday(d), 6);
            } else if (strcmp(names[k], "annandag påsk") == 0) {
                assert_int_equal(d, easter + 1);
            } else if (strcmp(names[k], "påskdagen") == 0) {
                assert_int_equal(d, easter);
            }
        }
    }
}

/* ---- working days ---- */

static void test_is_working_day_table(void **state)
{
    (void)state;
    static const struct {
        const char *date;
        bool working;
    } cases[] = {
        {"2026-03-02", true},  /* Monday */
        {"2026-03-06", true},  /* Friday */
        {"2026-03-07", false}, /* Saturday */
        {"2026-03-08", false}, /* Sunday */
        {"2026-04-02", true},  /* skärtorsdag is a working day */
        {"2026-04-03", false}, /* långfredagen */
        {"2026-04-04", false}, /* påskafton is a Saturday */
        {"2026-04-06", false}, /* annandag påsk */
        {"2026-04-07", true},
        {"2026-05-01", false}, /* första maj */
        {"2026-05-14", false}, /* Kristi himmelsfärdsdag */
        {"2026-05-15", true},  /* the "klämdag" after it is a working day */
        {"2026-06-05", true},
        {"2025-06-06", false}, /* nationaldagen on a Friday */
        {"2026-06-19", false}, /* midsommarafton */
        {"2026-06-22", true},
        {"2026-12-23", true},
        {"2026-12-24", false}, /* julafton */
        {"2026-12-25", false},
        {"2026-12-28", true},
        {"2026-12-31", false}, /* nyårsafton */
        {"2027-01-01", false},
        {"2027-01-05", true},  /* trettondagsafton is a working day */
        {"2027-01-06", false},
        {"2000-01-06", false},
        {"2024-02-29", true},
    };
    sd_calendar cal;
    sd_calendar_init(&cal);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (sd_calendar_is_working_day(&cal, DAY(cases[i].date)) != cases[i].working)
            fail_msg("%s: expected %s", cases[i].date, cases[i].working ? "working" : "closed");
        /* A NULL calendar means the defaults. */
        assert_int_equal(sd_calendar_is_working_day(NULL, DAY(cases[i].date)), cases[i].working);
    }
}

static void test_working_days_match_holiday_list(void **state)
{
    (void)state;
    sd_calendar cal;
    sd_calendar_init(&cal);
    for (int year = 1990; year <= 2060; year++) {
        sd_holiday h[SD_MAX_HOLIDAYS];
        size_t n = sd_holidays_of_year(year, h);
        int64_t first = sd_days_from_civil(year, 1, 1), last = sd_days_from_civil(year, 12, 31);
        int working = 0;
        for (int64_t d = first; d <= last; d++) {
            bool holiday = false;
            for (size_t i = 0; i < n; i++)
                holiday = holiday || h[i].day == d;
            bool expect = sd_weekday(d) < 5 && !holiday;
            assert_int_equal(sd_calendar_is_working_day(&cal, d), expect);
            working += expect;
        }
        /* Sweden has roughly 245-252 working days a year under these rules. */
        assert_in_range(working, 240, 255);
    }
}

static void test_calendar_init(void **state)
{
    (void)state;
    sd_calendar cal;
    memset(&cal, 0x5a, sizeof cal);
    sd_calendar_init(&cal);
    assert_int_equal(cal.office_open, 8 * 3600);
    assert_int_equal(cal.office_close, 17 * 3600);
    assert_int_equal(cal.n_closed, 0);
    assert_int_equal(cal.n_open, 0);
}

static void test_overrides(void **state)
{
    (void)state;
    sd_calendar cal;
    sd_calendar_init(&cal);
    sd_error err = SD_ERROR_INIT;
    int64_t wed = DAY("2026-03-04"), sat = DAY("2026-03-07"), xmas = DAY("2026-12-24");
    assert_true(sd_calendar_is_working_day(&cal, wed));
    assert_int_equal(sd_calendar_add_closed(&cal, wed, &err), SD_OK);
    assert_false(sd_calendar_is_working_day(&cal, wed));
    assert_int_equal(sd_calendar_add_open(&cal, sat, &err), SD_OK);
    assert_true(sd_calendar_is_working_day(&cal, sat));
    assert_int_equal(sd_calendar_add_open(&cal, xmas, &err), SD_OK);
    assert_true(sd_calendar_is_working_day(&cal, xmas));
    /* Duplicates in the same list are ignored. */
    assert_int_equal(sd_calendar_add_closed(&cal, wed, &err), SD_OK);
    assert_int_equal(sd_calendar_add_open(&cal, sat, &err), SD_OK);
    assert_int_equal(cal.n_closed, 1);
    assert_int_equal(cal.n_open, 2);
    assert_null(err.msg);
    /* A day in both lists is refused, naming the date. */
    assert_int_equal(sd_calendar_add_open(&cal, wed, &err), SD_ERR_INPUT);
    assert_int_equal(err.status, SD_ERR_INPUT);
    assert_contains(sd_error_msg(&err), "2026-03-04");
    sd_error_clear(&err);
    assert_int_equal(sd_calendar_add_closed(&cal, xmas, &err), SD_ERR_INPUT);
    assert_contains(sd_error_msg(&err), "2026-12-24");
    sd_error_clear(&err);
    assert_int_equal(cal.n_closed, 1);
    assert_int_equal(cal.n_open, 2);
    assert_false(sd_calendar_is_working_day(&cal, wed));
    assert_true(sd_calendar_is_working_day(&cal, xmas));
    /* Other days are unaffected. */
    assert_true(sd_calendar_is_working_day(&cal, DAY("2026-03-05")));
    assert_false(sd_calendar_is_working_day(&cal, DAY("2026-03-08")));
    /* NULL calendar is a usage error. */
    assert_int_equal(sd_calendar_add_closed(NULL, wed, &err), SD_ERR_USAGE);
    sd_error_clear(&err);
    assert_int_equal(sd_calendar_add_open(NULL, wed, NULL), SD_ERR_USAGE);
}

static void test_overrides_limit(void **state)
{
    (void)state;
    sd_calendar cal;
    sd_calendar_init(&cal);
    sd_error err = SD_ERROR_INIT;
    int64_t base = DAY("2026-01-01");
    for (int i = 0; i < SD_CALENDAR_MAX_OVERRIDES; i++) {
        assert_int_equal(sd_calendar_add_closed(&cal, base + i, &err), SD_OK);
        assert_int_equal(sd_calendar_add_open(&cal, base + 1000 + i, &err), SD_OK);
    }
    /* A duplicate at the limit is still fine. */
    assert_int_equal(sd_calendar_add_closed(&cal, base, &err), SD_OK);
    assert_int_equal(sd_calendar_add_closed(&cal, base + 500, &err), SD_ERR_INPUT);
    assert_contains(sd_error_msg(&err), "too many closed days");
    assert_contains(sd_error_msg(&err), "64");
    sd_error_clear(&err);
    assert_int_equal(sd_calendar_add_open(&cal, base + 500, &err), SD_ERR_INPUT);
    assert_contains(sd_error_msg(&err), "too many open days");
    sd_error_clear(&err);
    assert_int_equal(cal.n_closed, SD_CALENDAR_MAX_OVERRIDES);
    assert_int_equal(cal.n_open, SD_CALENDAR_MAX_OVERRIDES);
    /* 64 consecutive closed days still leave a deadline. */
    assert_time_is(sd_calendar_deadline(&cal, T("2026-01-01 10:00"), 24), "2026-03-09 00:00");
}

/* ---- office hours ---- */

static void test_office_time(void **state)
{
    (void)state;
    static const struct {
        const char *t;
        bool office;
    } cases[] = {
        {"2026-03-03 07:59:59", false}, {"2026-03-03 08:00", true},
        {"2026-03-03 12:00", true},     {"2026-03-03 16:59:59", true},
        {"2026-03-03 17:00", false},    {"2026-03-03 00:00", false},
        {"2026-03-07 10:00", false}, /* Saturday */
        {"2026-12-24 10:00", false}, /* julafton */
        {"2026-04-02 10:00", true},  /* skärtorsdag */
        {"1969-12-30 10:00", true},  /* negative times work too (a Tuesday) */
        {"1969-12-31 10:00", false}, /* nyårsafton 1969 */
    };
    sd_calendar cal;
    sd_calendar_init(&cal);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (sd_calendar_is_office_time(&cal, T(cases[i].t)) != cases[i].office)
            fail_msg("%s: expected %s", cases[i].t, cases[i].office ? "office" : "not office");
        assert_int_equal(sd_calendar_is_office_time(NULL, T(cases[i].t)), cases[i].office);
    }
    /* Custom hours and an open Saturday. */
    cal.office_open = 9 * 3600;
    cal.office_close = 15 * 3600 + 30 * 60;
    assert_false(sd_calendar_is_office_time(&cal, T("2026-03-03 08:30")));
    assert_true(sd_calendar_is_office_time(&cal, T("2026-03-03 15:29:59")));
    assert_false(sd_calendar_is_office_time(&cal, T("2026-03-03 15:30")));
    assert_int_equal(sd_calendar_add_open(&cal, DAY("2026-03-07"), NULL), SD_OK);
    assert_true(sd_calendar_is_office_time(&cal, T("2026-03-07 10:00")));
}

/* ---- deadlines ---- */

typedef struct {
    const char *start;
    int hours;
    const char *expected;
    const char *why;
} deadline_case;

static const deadline_case deadline_cases[] = {
    {"2026-03-03 10:00", 24, "2026-03-04 10:00", "Tuesday -> Wednesday"},
    {"2026-03-06 15:00", 24, "2026-03-09 15:00", "Friday -> Monday"},
    {"2026-03-07 10:00", 24, "2026-03-10 00:00", "Saturday -> Tuesday 00:00"},
    {"2026-03-07 00:00", 24, "2026-03-10 00:00", "Saturday midnight -> Tuesday 00:00"},
    {"2026-03-08 23:59:59", 24, "2026-03-10 00:00", "Sunday night -> Tuesday 00:00"},
    {"2026-04-02 12:00", 24, "2026-04-07 12:00", "skärtorsdag -> Tuesday after Easter"},
    {"2025-04-17 12:00", 24, "2025-04-22 12:00", "skärtorsdag 2025"},
    {"2026-04-03 10:00", 24, "2026-04-08 00:00", "on långfredagen"},
    {"2025-01-03 15:00", 24, "2025-01-07 15:00", "Friday before trettondedag jul (Monday)"},
    {"2024-03-28 15:00", 24, "2024-04-02 15:00", "Thursday before Easter 2024"},
    {"2026-12-23 14:00", 24, "2026-12-28 14:00", "Christmas 2026"},
    {"2025-12-23 16:00", 24, "2025-12-29 16:00", "Christmas 2025"},
    {"2026-12-24 10:00", 24, "2026-12-29 00:00", "on julafton"},
    {"2026-12-30 09:00", 24, "2027-01-04 09:00", "New Year 2026/27"},
    {"2026-12-23 09:00", 72, "2026-12-30 09:00", "72 h over Christmas"},
    {"2026-06-18 11:00", 24, "2026-06-22 11:00", "Thursday before midsommarafton 2026"},
    {"2025-06-19 08:30", 24, "2025-06-23 08:30", "Thursday before midsommarafton 2025"},
    {"2026-06-19 12:00", 24, "2026-06-23 00:00", "on midsommarafton"},
    {"2026-05-13 12:00", 24, "2026-05-15 12:00", "Kristi himmelsfärdsdag"},
    {"2025-06-05 13:00", 24, "2025-06-09 13:00", "nationaldagen on a Friday"},
    {"2026-04-30 10:00", 24, "2026-05-04 10:00", "första maj on a Friday"},
    {"2008-04-30 09:00", 24, "2008-05-02 09:00", "Kristi himmelsfärdsdag on första maj"},
    {"2049-06-04 10:00", 24, "2049-06-07 10:00", "pingstdagen on nationaldagen"},
    {"2026-10-30 10:00", 24, "2026-11-02 10:00", "alla helgons dag is a Saturday"},
    {"2024-02-28 12:00", 24, "2024-02-29 12:00", "leap day"},
    {"2026-03-03 10:00", 1, "2026-03-03 11:00", "1 hour"},
    {"2026-03-06 23:30", 1, "2026-03-09 00:30", "1 hour over a weekend"},
    {"2026-03-05 09:00", 48, "2026-03-09 09:00", "48 hours from Thursday"},
    {"2026-03-02 09:00", 120, "2026-03-09 09:00", "a working week"},
    {"2026-03-03 10:00", 14, "2026-03-04 00:00", "ends at midnight before a working day"},
    {"2026-03-06 00:00", 24, "2026-03-09 00:00", "ends at midnight before a weekend"},
    {"2026-12-23 00:00", 24, "2026-12-28 00:00", "ends at midnight before Christmas"},
    {"2026-03-03 10:00", 0, "2026-03-03 10:00", "0 hours on a working day"},
    {"2026-03-07 10:00", 0, "2026-03-09 00:00", "0 hours on a Saturday"},
    {"2026-04-03 10:00", 0, "2026-04-07 00:00", "0 hours on långfredagen"},
    {"2026-03-03 10:00", -5, "2026-03-03 10:00", "negative hours count as 0"},
    {"2026-03-07 10:00", -1, "2026-03-09 00:00", "negative hours on a Saturday"},
    {"1969-12-31 12:00", 24, "1970-01-05 00:00", "on nyårsafton 1969, across the epoch"},
    {"1969-12-30 12:00", 12, "1970-01-02 00:00", "negative time, ends before nyårsafton"},
    {"1969-12-23 12:00", 24, "1969-12-29 12:00", "1969 Christmas (before the epoch)"},
};

static void test_deadline_table(void **state)
{
    (void)state;
    sd_calendar cal;
    sd_calendar_init(&cal);
    for (size_t i = 0; i < sizeof deadline_cases / sizeof deadline_cases[0]; i++) {
        const deadline_case *c = &deadline_cases[i];
        char got[20], want[20];
        sd_time_format(sd_calendar_deadline(&cal, T(c->start), c->hours), got);
        sd_time_format(T(c->expected), want);
        if (strcmp(got, want) != 0)
            fail_msg("%s + %dh (%s): got %s, expected %s", c->start, c->hours, c->why, got,
                     want);
        /* A NULL calendar means the defaults. */
        assert_int_equal(sd_calendar_deadline(NULL, T(c->start), c->hours), T(c->expected));
    }
}

static void test_deadline_overrides(void **state)
{
    (void)state;
    static const struct {
        const char *start;
        int hours;
        const char *closed, *open; /* at most one override each, NULL for none */
        const char *expected;
    } cases[] = {
        {"2026-03-03 10:00", 24, "2026-03-04", NULL, "2026-03-05 10:00"}, /* closed Wednesday */
        {"2026-03-06 15:00", 24, NULL, "2026-03-07", "2026-03-07 15:00"}, /* open Saturday */
        {"2026-12-23 14:00", 24, NULL, "2026-12-24", "2026-12-24 14:00"}, /* open julafton */
        {"2026-03-07 10:00", 24, NULL, "2026-03-07", "2026-03-09 10:00"}, /* start open Sat */
        {"2026-03-04 10:00", 24, "2026-03-04", NULL, "2026-03-06 00:00"}, /* start closed day */
        {"2026-03-06 15:00", 0, "2026-03-06", NULL, "2026-03-09 00:00"},
        {"2026-03-06 15:00", 24, "2026-03-09", "2026-03-08", "2026-03-08 15:00"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_calendar cal;
        sd_calendar_init(&cal);
        if (cases[i].closed != NULL)
            assert_int_equal(sd_calendar_add_closed(&cal, DAY(cases[i].closed), NULL), SD_OK);
        if (cases[i].open != NULL)
            assert_int_equal(sd_calendar_add_open(&cal, DAY(cases[i].open), NULL), SD_OK);
        assert_time_is(sd_calendar_deadline(&cal, T(cases[i].start), cases[i].hours),
                       cases[i].expected);
    }
}

/* Working seconds in [a, b] counted day by day (a reference for the property test). */
static int64_t working_seconds(const sd_calendar *cal, sd_time a, sd_time b)
{
    int64_t sum = 0;
    for (int64_t d = fdiv(a, 86400); d <= fdiv(b, 86400); d++) {
        if (!sd_calendar_is_working_day(cal, d))
            continue;
        sd_time lo = d * 86400 > a ? d * 86400 : a;
        sd_time hi = (d + 1) * 86400 < b ? (d + 1) * 86400 : b;
        if (hi > lo)
            sum += hi - lo;
    }
    return sum;
}

static uint64_t lcg(uint64_t *s)
{
    *s = *s * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
    return *s >> 33;
}

/* The deadline is the latest instant by which at most `hours` working hours have passed:
 * exactly `hours` have passed at it, and time runs right after it (a working day). */
static void test_deadline_property(void **state)
{
    (void)state;
    uint64_t seed = 20260303;
    sd_calendar cals[2];
    sd_calendar_init(&cals[0]);
    sd_calendar_init(&cals[1]);
    int64_t base = sd_days_from_civil(1998, 1, 1);
    int64_t span = sd_days_from_civil(2042, 1, 1) - base;
    for (int i = 0; i < SD_CALENDAR_MAX_OVERRIDES; i++) {
        sd_calendar_add_closed(&cals[1], base + (int64_t)(lcg(&seed) % (uint64_t)span), NULL);
        sd_calendar_add_open(&cals[1], base + (int64_t)(lcg(&seed) % (uint64_t)span), NULL);
    }
    for (int iter = 0; iter < 4000; iter++) {
        const sd_calendar *cal = &cals[iter % 2];
        sd_time t = (base + (int64_t)(lcg(&seed) % (uint64_t)span)) * 86400 +
                    (int64_t)(lcg(&seed) % 86400);
        int hours = (int)(lcg(&seed) % 200);
        if (iter % 50 == 0)
            hours = 24 * 365;
        else if (iter % 50 == 25)
            hours = 24 * 1000; /* several whole years: exercises the year skipping */
        sd_time d = sd_calendar_deadline(cal, t, hours);
        assert_true(d >= t);
        assert_int_equal(working_seconds(cal, t, d), (int64_t)hours * 3600);
        assert_true(sd_calendar_is_working_day(cal, fdiv(d, 86400)));
        if (hours == 0 && sd_calendar_is_working_day(cal, fdiv(t, 86400)))
            assert_int_equal(d, t);
    }
}

/* Deadlines whose remaining time at 1 January is just below, at or above a whole year's
 * working time (2027 has 253 working days, 2028 has 251). */
static void test_deadline_year_boundaries(void **state)
{
    (void)state;
    static const deadline_case cases[] = {
        {"2026-12-31 12:00", 253 * 24, "2028-01-03 00:00", "exactly the year 2027"},
        {"2026-12-31 12:00", 253 * 24 - 1, "2027-12-30 23:00", "an hour short of 2027"},
        {"2026-12-31 12:00", 253 * 24 + 1, "2028-01-03 01:00", "an hour into 2028"},
        {"2026-12-30 10:30", 253 * 24 + 13, "2027-12-30 23:30", "half an hour short"},
        {"2026-12-30 10:30", 253 * 24 + 14, "2028-01-03 00:30", "half an hour into 2028"},
        {"2026-12-31 12:00", (253 + 251) * 24, "2029-01-02 00:00", "exactly 2027 and 2028"},
    };
    int64_t w = 0;
    for (int64_t d = sd_days_from_civil(2027, 1, 1); d <= sd_days_from_civil(2027, 12, 31); d++)
        w += sd_calendar_is_working_day(NULL, d);
    assert_int_equal(w, 253);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[20], want[20];
        sd_time_format(sd_calendar_deadline(NULL, T(cases[i].start), cases[i].hours), got);
        sd_time_format(T(cases[i].expected), want);
        if (strcmp(got, want) != 0)
            fail_msg("%s + %dh (%s): got %s, expected %s", cases[i].start, cases[i].hours,
                     cases[i].why, got, want);
    }
}

static void test_deadline_out_of_range(void **state)
{
    (void)state;
    sd_calendar cal;
    sd_calendar_init(&cal);
    assert_true(sd_calendar_deadline(&cal, INT64_MAX, 24) == INT64_MAX);
    assert_true(sd_calendar_deadline(&cal, INT64_MIN, 24) == INT64_MAX);
    assert_true(sd_calendar_deadline(&cal, INT64_MAX - 86400 * 3, 0) == INT64_MAX);
    /* Very many hours finish (O(days)) without overflow. */
    sd_time t = T("2026-03-03 10:00");
    sd_time d = sd_calendar_deadline(&cal, t, 24 * 250 * 40);
    assert_true(d > t + INT64_C(35) * 365 * 86400);
    assert_true(d < t + INT64_C(45) * 365 * 86400);
    assert_int_equal(working_seconds(&cal, t, d), INT64_C(24) * 250 * 40 * 3600);
    /* INT_MAX hours ends some 350 000 years later, on a working day, quickly. */
    d = sd_calendar_deadline(&cal, t, INT_MAX);
    assert_true(d != INT64_MAX);
    int y;
    sd_civil_from_days(fdiv(d, 86400), &y, NULL, NULL);
    assert_in_range(y, 300000, 400000);
    assert_true(sd_calendar_is_working_day(&cal, fdiv(d, 86400)));
    /* Running off the end of the representable years gives INT64_MAX. */
    assert_true(sd_calendar_deadline(&cal, sd_time_make(INT_MAX, 12, 1, 0, 0, 0), 24 * 100) ==
                INT64_MAX);
    assert_true(sd_calendar_deadline(&cal, sd_time_make(INT_MAX, 12, 1, 0, 0, 0), 24) !=
                INT64_MAX);
}

/* Long deadlines with overrides spread over many years: the year-at-a-time counting must
 * agree with the day-by-day reference. */
static void test_deadline_long_with_overrides(void **state)
{
    (void)state;
    sd_calendar cal;
    sd_calendar_init(&cal);
    /* Open every 1 January 2027..2058 and close two weekdays in each of those years. */
    for (int y = 2027; y <= 2058; y++) {
        assert_int_equal(sd_calendar_add_open(&cal, sd_days_from_civil(y, 1, 1), NULL), SD_OK);
        int64_t d = sd_days_from_civil(y, 3, 10);
        while (sd_weekday(d) >= 5)
            d++;
        assert_int_equal(sd_calendar_add_closed(&cal, d, NULL), SD_OK);
        assert_int_equal(sd_calendar_add_closed(&cal, d + 7, NULL), SD_OK);
    }
    static const char *const starts[] = {"2026-12-23 14:00", "2026-12-31 23:00",
                                         "2027-01-01 00:00", "2026-06-01 09:00",
                                         "2030-12-24 10:00"};
    static const int hours[] = {24 * 251, 24 * 252, 24 * 253, 24 * 251 * 5, 24 * 251 * 20 + 7};
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
        for (size_t k = 0; k < sizeof hours / sizeof hours[0]; k++) {
            sd_time t = T(starts[i]);
            sd_time d = sd_calendar_deadline(&cal, t, hours[k]);
            assert_int_equal(working_seconds(&cal, t, d), (int64_t)hours[k] * 3600);
            assert_true(sd_calendar_is_working_day(&cal, fdiv(d, 86400)));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_days_from_civil_known),
        cmocka_unit_test(test_civil_round_trip),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_civil_extremes),
        cmocka_unit_test(test_time_make_and_format),
        cmocka_unit_test(test_time_format_out_of_range),
        cmocka_unit_test(test_time_parse_ok),
        cmocka_unit_test(test_time_format_parse_round_trip),
        cmocka_unit_test(test_time_parse_fail),
        cmocka_unit_test(test_time_parse_quotes_safely),
        cmocka_unit_test(test_easter_table),
        cmocka_unit_test(test_easter_properties),
        cmocka_unit_test(test_holidays_known_years),
        cmocka_unit_test(test_holidays_invariants),
        cmocka_unit_test(test_is_working_day_table),
        cmocka_unit_test(test_working_days_match_holiday_list),
        cmocka_unit_test(test_calendar_init),
        cmocka_unit_test(test_overrides),
        cmocka_unit_test(test_overrides_limit),
        cmocka_unit_test(test_office_time),
        cmocka_unit_test(test_deadline_table),
        cmocka_unit_test(test_deadline_overrides),
        cmocka_unit_test(test_deadline_property),
        cmocka_unit_test(test_deadline_year_boundaries),
        cmocka_unit_test(test_deadline_out_of_range),
        cmocka_unit_test(test_deadline_long_with_overrides),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
