/* summary.c - prints the results summary (items, answers, answer times) in the
 * scenario's language. */
#include "summary.h"

static void fmt_duration(char *out, size_t n, double secs)
{
    if (secs < 0)
        snprintf(out, n, "-");
    else if (secs < 3600)
        snprintf(out, n, "%.0f min %.0f s", (double)((long)secs / 60), (double)((long)secs % 60));
    else
        snprintf(out, n, "%.0f h %.0f min", (double)((long)secs / 3600), (double)(((long)secs % 3600) / 60));
}

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

void sd_print_summary(FILE *out, const sd_results *r, const char *title, sd_language lang)
{
    sd_results_summary s;
    sd_results_summarise(r, &s);
    char med[40], p90[40];
    fmt_duration(med, sizeof med, s.median_answer);
    fmt_duration(p90, sizeof p90, s.p90_answer);
    bool sv = lang == SD_LANG_SV;
    fprintf(out, "%s: %s\n", sv ? "Övning" : "Exercise", title);
    sd_print_label(out, sv ? "Inlägg och meddelanden" : "Items");
    fprintf(out, "%zu\n", s.items);
    sd_print_label(out, sv ? "Väntade på svar" : "Expecting an answer");
    fprintf(out, "%zu\n", s.expecting_answer);
    sd_print_label(out, sv ? "Besvarade i tid" : "Answered on time");
    fprintf(out, "%zu\n", s.on_time);
    sd_print_label(out, sv ? "Besvarade sent" : "Answered late");
    fprintf(out, "%zu\n", s.late);
    sd_print_label(out, sv ? "Obesvarade" : "Unanswered");
    fprintf(out, "%zu\n", s.unanswered);
    sd_print_label(out, sv ? "Svarstid, median" : "Answer time, median");
    fprintf(out, "%s\n", med);
    sd_print_label(out, sv ? "Svarstid, 90:e percentil" : "Answer time, 90th percentile");
    fprintf(out, "%s\n", p90);
    sd_print_label(out, sv ? "Åtgärder" : "Actions");
    fprintf(out, "%zu (%zu %s)\n", s.actions, s.rejected,
            sv ? "avvisade" : "rejected");
    sd_print_label(out, sv ? "Slut" : "Ended");
    fprintf(out, "%s\n", s.end_reason ? s.end_reason : "-");
}
