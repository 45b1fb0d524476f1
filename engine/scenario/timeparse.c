/* timeparse.c - the time and duration notations of scenario files ("+1h30m", "09:15",
 * "2026-03-10 09:00", "45s", "2h"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

#define MAX_DURATION ((int64_t)3650 * 86400) /* ten years */

sd_status sd_parse_duration(const char *s, int64_t *out, sd_error *err)
{
    const char *p = s;
    int64_t total = 0;
    bool any = false;
    if (*p == '\0')
        goto bad;
    while (*p) {
        if (!isdigit((unsigned char)*p))
            goto bad;
        int64_t n = 0;
        while (isdigit((unsigned char)*p)) {
            n = n * 10 + (*p - '0');
            if (n > MAX_DURATION)
                goto bad;
            p++;
        }
        int64_t unit;
        switch (*p) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        case 'd': unit = 86400; break;
        default: goto bad;
        }
        p++;
        total += n * unit;
        if (total > MAX_DURATION)
            goto bad;
        any = true;
    }
    if (!any)
        goto bad;
    *out = total;
    return SD_OK;
bad:
    return sd_error_set(err, SD_ERR_INPUT,
                        "invalid duration '%s': write it like \"45s\", \"30m\", \"2h\", "
                        "\"1h30m\" or \"1d\"", s);
}

sd_status sd_parse_when(const char *s, sd_time base, sd_time start, sd_time *out, sd_error *err)
{
    if (s[0] == '+') {
        int64_t d;
        if (sd_parse_duration(s + 1, &d, NULL) != SD_OK)
            goto bad;
        *out = base + d;
        return SD_OK;
    }
    size_t n = strlen(s);
    if (n == 5 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && s[2] == ':' &&
        isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4])) {
        int h = (s[0] - '0') * 10 + (s[1] - '0');
        int m = (s[3] - '0') * 10 + (s[4] - '0');
        if (h > 23 || m > 59)
            goto bad;
        sd_time day = start - ((start % 86400) + 86400) % 86400;
        *out = day + h * 3600 + m * 60;
        return SD_OK;
    }
    if (n >= 10 && sd_time_parse(s, out, NULL) == SD_OK)
        return SD_OK;
bad:
    return sd_error_set(err, SD_ERR_INPUT,
                        "invalid time '%s': write \"+30m\" (after the start), \"09:15\" (on the "
                        "first day) or \"2026-03-10 09:15\"", s);
}
