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

void sd_print_summary(FILE *out, const sd_results *r, const char *title, sd_language lang)
{
    sd_results_summary s;
    sd_results_summarise(r, &s);
    char med[40], p90[40];
    fmt_duration(med, sizeof med, s.median_answer);
    fmt_duration(p90, sizeof p90, s.p90_answer);
    bool sv = lang == SD_LANG_SV;
    fprintf(out, "%s: %s\n", sv ? "Övning" : "Exercise", title);
    fprintf(out, "  %-28s %zu\n", sv ? "Inlägg och meddelanden" : "Items", s.items);
    fprintf(out, "  %-28s %zu\n", sv ? "Väntade på svar" : "Expecting an answer", s.expecting_answer);
    fprintf(out, "  %-28s %zu\n", sv ? "Besvarade i tid" : "Answered on time", s.on_time);
    fprintf(out, "  %-28s %zu\n", sv ? "Besvarade sent" : "Answered late", s.late);
    fprintf(out, "  %-28s %zu\n", sv ? "Obesvarade" : "Unanswered", s.unanswered);
    fprintf(out, "  %-28s %s\n", sv ? "Svarstid, median" : "Answer time, median", med);
    fprintf(out, "  %-28s %s\n", sv ? "Svarstid, 90:e percentil" : "Answer time, 90th percentile", p90);
    fprintf(out, "  %-28s %zu (%zu %s)\n", sv ? "Åtgärder" : "Actions", s.actions, s.rejected,
            sv ? "avvisade" : "rejected");
    fprintf(out, "  %-28s %s\n", sv ? "Slut" : "Ended", s.end_reason ? s.end_reason : "-");
}
