/* charts.c - the report's inline SVG charts. */
#include "charts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svg.h"

#define W 720.0 /* every chart is 720 view-box units wide */

static const char *const score_keys[SD_REPORT_SCORES] = {"card.speed", "card.tone",
                                                         "card.escalation", "card.overall"};

const char *sd_rtext(const sd_texts *tx, const char *key)
{
    const char *s = sd_texts_get(tx, key);
    return s ? s : key;
}

const char *sd_rtext2(const sd_texts *tx, const char *prefix, const char *name)
{
    char key[128];
    snprintf(key, sizeof key, "%s%s", prefix, name);
    const char *s = sd_texts_get(tx, key);
    return s ? s : name;
}

void sd_rclock(sd_time t, bool with_day, char out[16])
{
    char s[20];
    sd_time_format(t, s);
    if (with_day)
        snprintf(out, 16, "%.5s %.5s", s + 5, s + 11);
    else
        snprintf(out, 16, "%.5s", s + 11);
}

static void fmt_score(double v, char out[16])
{
    snprintf(out, 16, "%.1f", v);
}

/* ---- one participant ---- */

void sd_chart_scores(sd_buf *b, const sd_rr *rr, const sd_texts *tx)
{
    const double row = 30, h = 4 * row + 10;
    sd_svg_begin(b, "scores", W, h, sd_rtext(tx, "report.scores"));
    sd_plot p = {.left = 190, .right = W - 70, .top = 0, .bottom = h, .x0 = 0, .x1 = 100};
    for (int k = 0; k < SD_REPORT_SCORES; k++) {
        double v = sd_report_score(rr, k), y = 8 + k * row;
        sd_svg_text(b, p.left - 10, y + 15, "end", k == 3 ? "label strong" : "label",
                    sd_rtext(tx, score_keys[k]));
        sd_svg_rect(b, p.left, y + 2, p.right - p.left, 18, "#eceff1", NULL);
        char num[16];
        fmt_score(v, num);
        sd_svg_rect(b, p.left, y + 2, sd_plot_x(&p, v) - p.left, 18, sd_svg_score_colour(v), num);
        sd_svg_text(b, p.right + 8, y + 16, "start", "value", num);
    }
    sd_svg_end(b);
}

void sd_chart_answer_volume(sd_buf *b, const sd_rr *rr, const sd_texts *tx)
{
    const double h = 270;
    sd_svg_begin(b, "answer-volume", W, h, sd_rtext(tx, "report.answer_volume"));
    int64_t max_arrived = 1;
    double max_answer = 1; /* minutes */
    for (size_t i = 0; i < rr->n_bins; i++) {
        if (rr->bins[i].arrived > max_arrived)
            max_arrived = rr->bins[i].arrived;
        if (rr->bins[i].median_answer / 60 > max_answer)
            max_answer = rr->bins[i].median_answer / 60;
    }
    double span = (double)rr->n_bins * (double)rr->bin_seconds;
    double vstep = sd_svg_nice_step((double)max_arrived, 4);
    if (vstep < 1)
        vstep = 1; /* counts: whole ticks */
    sd_plot vol = {.left = 60, .right = W - 70, .top = 40, .bottom = h - 40, .x0 = 0, .x1 = span,
                   .y0 = 0, .y1 = vstep * ceil((double)max_arrived / vstep)};
    sd_plot ans = vol;
    double astep = sd_svg_nice_step(max_answer, 4);
    ans.y1 = astep * ceil(max_answer / astep);
    char unit[96];
    snprintf(unit, sizeof unit, "%s", sd_rtext(tx, "report.volume"));
    sd_svg_y_axis(b, &vol, false, unit, 1);
    sd_svg_y_axis(b, &ans, true, sd_rtext(tx, "report.median_minutes"), 0);
    double bw = (vol.right - vol.left) / (double)(rr->n_bins ? rr->n_bins : 1);
    bool long_run = span >= 86400;
    for (size_t i = 0; i < rr->n_bins; i++) {
        const sd_rr_bin *bin = &rr->bins[i];
        double x = vol.left + (double)i * bw, y = sd_plot_y(&vol, (double)bin->arrived);
        char tip[160], at[16];
        sd_rclock(rr->start + (sd_time)i * rr->bin_seconds, long_run, at);
        snprintf(tip, sizeof tip, "%s: %lld / %lld", at, (long long)bin->answered, (long long)bin->arrived);
        sd_svg_rect(b, x + bw * 0.1, y, bw * 0.8, vol.bottom - y, "#9fb8d6", tip);
    }
    /* The median answer time per bin: a line through the bins that have one. */
    sd_buf_puts(b, "<polyline class=\"answer\" points=\"");
    for (size_t i = 0; i < rr->n_bins; i++)
        if (rr->bins[i].median_answer >= 0)
            sd_buf_printf(b, "%.1f,%.1f ", vol.left + ((double)i + 0.5) * bw,
                          sd_plot_y(&ans, rr->bins[i].median_answer / 60));
    sd_buf_puts(b, "\"/>");
    for (size_t i = 0; i < rr->n_bins; i++)
        if (rr->bins[i].median_answer >= 0) {
            char tip[64];
            snprintf(tip, sizeof tip, "%.1f min", rr->bins[i].median_answer / 60);
            sd_svg_circle(b, vol.left + ((double)i + 0.5) * bw,
                          sd_plot_y(&ans, rr->bins[i].median_answer / 60), 3.5, "#d9730d", NULL, tip);
        }
    /* Time labels: about six. */
    size_t every = rr->n_bins / 6 + 1;
    for (size_t i = 0; i <= rr->n_bins; i += every) {
        char at[16];
        sd_rclock(rr->start + (sd_time)i * rr->bin_seconds, long_run, at);
        sd_svg_text(b, vol.left + (double)i * bw, vol.bottom + 16, "middle", "tick", at);
    }
    sd_svg_line(b, vol.left, vol.bottom, vol.right, vol.bottom, "axis");
    /* Legend. */
    sd_svg_rect(b, vol.left, 8, 12, 12, "#9fb8d6", NULL);
    sd_svg_text(b, vol.left + 18, 18, "start", "legend", sd_rtext(tx, "report.legend_volume"));
    sd_svg_circle(b, vol.left + 260, 14, 4, "#d9730d", NULL, NULL);
    sd_svg_text(b, vol.left + 270, 18, "start", "legend", sd_rtext(tx, "report.legend_answer"));
    char bin_note[96];
    snprintf(bin_note, sizeof bin_note, "%s %lld min", sd_rtext(tx, "report.bin"), (long long)(rr->bin_seconds / 60));
    sd_svg_text(b, vol.left + 500, 18, "start", "legend", bin_note);
    sd_svg_end(b);
}

/* A tone-check row's label: the check's name in ui.check.*. Three rules are counted from a
 * check of another name (report/rread.c: answers, refer, channel); their label is that
 * check's, not the rule id. */
static const char *check_label(const sd_texts *tx, int rule)
{
    switch (rule) {
    case SD_RULE_ANSWER_QUESTIONS: return sd_rtext(tx, "ui.check.answers");
    case SD_RULE_REFER_RIGHT_AUTHORITY: return sd_rtext(tx, "ui.check.refer");
    case SD_RULE_MOVE_CASE: return sd_rtext(tx, "ui.check.channel");
    default: return sd_rtext2(tx, "ui.check.", sd_vocab_name(SD_VOCAB_RULE, rule));
    }
}

bool sd_chart_checks(sd_buf *b, const sd_rr *rr, const sd_texts *tx)
{
    int rows[SD_RULE_COUNT], n = 0;
    for (int k = 0; k < SD_RULE_COUNT; k++)
        if (rr->checks[k][0] + rr->checks[k][1] > 0)
            rows[n++] = k;
    if (n == 0)
        return false;
    const double row = 26, h = 34 + n * row;
    sd_svg_begin(b, "checks", W, h, sd_rtext(tx, "report.tone_checks"));
    sd_plot p = {.left = 250, .right = W - 110, .top = 24, .bottom = h, .x0 = 0, .x1 = 1};
    sd_svg_rect(b, p.left, 6, 12, 12, "#2e7d32", NULL);
    sd_svg_text(b, p.left + 18, 16, "start", "legend", sd_rtext(tx, "report.passed"));
    sd_svg_rect(b, p.left + 140, 6, 12, 12, "#c62828", NULL);
    sd_svg_text(b, p.left + 158, 16, "start", "legend", sd_rtext(tx, "report.failed"));
    for (int i = 0; i < n; i++) {
        int k = rows[i];
        double pass = (double)rr->checks[k][0], fail = (double)rr->checks[k][1], all = pass + fail;
        double y = p.top + 6 + i * row;
        sd_svg_text(b, p.left - 10, y + 13, "end", "label", check_label(tx, k));
        double xp = sd_plot_x(&p, pass / all);
        char tip[64];
        snprintf(tip, sizeof tip, "%.0f / %.0f", pass, all);
        sd_svg_rect(b, p.left, y, xp - p.left, 17, "#2e7d32", tip);
        sd_svg_rect(b, xp, y, p.right - xp, 17, "#c62828", tip);
        char num[48];
        snprintf(num, sizeof num, "%.0f / %.0f", pass, all);
        sd_svg_text(b, p.right + 8, y + 13, "start", "value", num);
    }
    sd_svg_end(b);
    return true;
}

static const char *verdict_colour(int v)
{
    switch (v) {
    case SD_RR_ON_TIME: return "#2e7d32";
    case SD_RR_LATE: return "#b26a00";
    case SD_RR_MISSING: return "#ffffff";
    case SD_RR_UNNEEDED: return "#90a4ae";
    default: return "#1f5fa8";
    }
}

/* The lane of an event: one per escalation target, then account steps, then publishing. */
static int lane_of(const sd_rr_event *e)
{
    switch (e->kind) {
    case SD_RR_EV_ESCALATE: return e->what;
    case SD_RR_EV_ACCOUNT: return SD_TARGET_COUNT;
    default: return SD_TARGET_COUNT + 1;
    }
}

bool sd_chart_timeline(sd_buf *b, const sd_rr *rr, const sd_texts *tx)
{
    if (rr->n_events == 0)
        return false;
    int lane_row[SD_TARGET_COUNT + 2];
    int lanes = 0;
    for (int l = 0; l < SD_TARGET_COUNT + 2; l++)
        lane_row[l] = -1;
    for (size_t i = 0; i < rr->n_events; i++)
        lane_row[lane_of(&rr->events[i])] = 0;
    for (int l = 0; l < SD_TARGET_COUNT + 2; l++)
        if (lane_row[l] == 0)
            lane_row[l] = lanes++;
    const double row = 28, h = 70 + lanes * row;
    sd_time end = rr->end ? rr->end : rr->start + (sd_time)rr->n_bins * rr->bin_seconds;
    sd_svg_begin(b, "timeline", W, h, sd_rtext(tx, "report.timeline"));
    sd_plot p = {.left = 170, .right = W - 90, .top = 30, .bottom = 30 + lanes * row,
                 .x0 = (double)rr->start, .x1 = (double)(end > rr->start ? end : rr->start + 60)};
    double missing_x = W - 45;
    sd_svg_text(b, missing_x, 20, "middle", "legend", sd_rtext(tx, "report.missing"));
    for (int l = 0; l < SD_TARGET_COUNT + 2; l++) {
        if (lane_row[l] < 0)
            continue;
        double y = p.top + lane_row[l] * row + row / 2;
        const char *label = l < SD_TARGET_COUNT
                                ? sd_rtext2(tx, "ui.target.", sd_vocab_name(SD_VOCAB_TARGET, l))
                            : l == SD_TARGET_COUNT ? sd_rtext(tx, "ui.action.account")
                                                   : sd_rtext(tx, "ui.action.publish");
        sd_svg_text(b, p.left - 10, y + 4, "end", "label", label);
        sd_svg_line(b, p.left, y, p.right, y, "lane");
    }
    bool long_run = end - rr->start >= 86400;
    for (size_t i = 0; i < rr->n_events; i++) {
        const sd_rr_event *e = &rr->events[i];
        double y = p.top + lane_row[lane_of(e)] * row + row / 2;
        double x = e->t ? sd_plot_x(&p, (double)e->t) : missing_x;
        char tip[200], at[16] = "";
        if (e->t)
            sd_rclock(e->t, long_run, at);
        snprintf(tip, sizeof tip, "%s %s%s%s", at,
                 e->kind == SD_RR_EV_ACCOUNT ? sd_rtext2(tx, "ui.step.", sd_vocab_name(SD_VOCAB_STEP, e->what))
                 : e->kind == SD_RR_EV_PUBLISH ? sd_rtext(tx, "ui.action.publish")
                                               : sd_rtext2(tx, "ui.target.", sd_vocab_name(SD_VOCAB_TARGET, e->what)),
                 e->item ? " - " : "", e->item ? e->item : "");
        if (e->kind == SD_RR_EV_ACCOUNT)
            sd_svg_rect(b, x - 5, y - 5, 10, 10, "#8e24aa", tip);
        else if (e->kind == SD_RR_EV_PUBLISH)
            sd_svg_rect(b, x - 5, y - 5, 10, 10, "#00838f", tip);
        else
            sd_svg_circle(b, x, y, 6, verdict_colour(e->verdict),
                          e->verdict == SD_RR_MISSING ? "#c62828" : NULL, tip);
    }
    for (int i = 0; i <= 4; i++) {
        sd_time t = rr->start + (sd_time)((double)(end - rr->start) * i / 4);
        char at[16];
        sd_rclock(t, long_run, at);
        sd_svg_text(b, sd_plot_x(&p, (double)t), p.bottom + 16, "middle", "tick", at);
    }
    sd_svg_line(b, p.left, p.bottom, p.right, p.bottom, "axis");
    /* Legend of the verdicts. */
    static const int legend[] = {SD_RR_ON_TIME, SD_RR_LATE, SD_RR_UNNEEDED, SD_RR_MISSING};
    static const char *const keys[] = {"report.on_time", "report.late", "report.unneeded", "report.missing"};
    for (int i = 0; i < 4; i++) {
        double x = p.left + i * 120;
        sd_svg_circle(b, x, h - 14, 5, verdict_colour(legend[i]),
                      legend[i] == SD_RR_MISSING ? "#c62828" : NULL, NULL);
        sd_svg_text(b, x + 10, h - 10, "start", "legend", sd_rtext(tx, keys[i]));
    }
    sd_svg_end(b);
    return true;
}

/* ---- a workshop ---- */

static int cmp_double(const void *a, const void *c)
{
    double x = *(const double *)a, y = *(const double *)c;
    return (x > y) - (x < y);
}

void sd_chart_distribution(sd_buf *b, const sd_report *r, const sd_report_group *g,
                           const sd_texts *tx)
{
    const double row = 46, h = 40 + SD_REPORT_SCORES * row;
    sd_svg_begin(b, "distribution", W, h, sd_rtext(tx, "report.distribution"));
    sd_plot p = {.left = 190, .right = W - 80, .top = 20, .bottom = h - 20, .x0 = 0, .x1 = 100};
    for (int v = 0; v <= 100; v += 20) {
        char label[8];
        snprintf(label, sizeof label, "%d", v);
        double x = sd_plot_x(&p, v);
        sd_svg_line(b, x, p.top, x, p.bottom, "grid");
        sd_svg_text(b, x, h - 4, "middle", "tick", label);
    }
    double *vals = malloc((g->n ? g->n : 1) * sizeof *vals);
    for (int k = 0; k < SD_REPORT_SCORES; k++) {
        double y = p.top + k * row + row / 2;
        sd_svg_text(b, p.left - 10, y + 4, "end", k == 3 ? "label strong" : "label",
                    sd_rtext(tx, score_keys[k]));
        for (size_t i = 0; i < g->n; i++) {
            const sd_rr *rr = sd_report_result(r, g->first + i);
            double v = sd_report_score(rr, k);
            if (vals)
                vals[i] = v;
            char tip[200];
            snprintf(tip, sizeof tip, "%s%s%s: %.1f", rr->participant, rr->date ? " " : "",
                     rr->date ? rr->date : "", v);
            /* A small vertical spread so that equal scores stay visible. */
            double dy = ((double)(i % 7) - 3) * 3.5;
            sd_svg_circle(b, sd_plot_x(&p, v), y + dy, 4.5,
                          sd_svg_version_colour(sd_report_version_of(r, g->first + i)), "#ffffff", tip);
        }
        if (vals && g->n) {
            qsort(vals, g->n, sizeof *vals, cmp_double);
            double med = vals[(g->n - 1) / 2];
            double x = sd_plot_x(&p, med);
            sd_svg_line(b, x, y - 16, x, y + 16, "median");
            char label[32];
            snprintf(label, sizeof label, "%.1f", med);
            sd_svg_text(b, p.right + 22, y + 4, "start", "value", label);
        }
    }
    free(vals);
    sd_svg_text(b, p.right + 22, p.top - 4, "start", "unit", sd_rtext(tx, "report.median"));
    sd_svg_end(b);
}

void sd_chart_rules(sd_buf *b, const sd_report *r, const sd_texts *tx, size_t max_rows)
{
    size_t n = sd_report_n_rules(r);
    if (n > max_rows)
        n = max_rows;
    const sd_report_rule *rules = sd_report_rules(r);
    const double row = 26, h = 30 + (double)(n ? n : 1) * row;
    sd_svg_begin(b, "rules", W, h, sd_rtext(tx, "report.rules"));
    sd_plot p = {.left = 330, .right = W - 90, .top = 20, .bottom = h - 4, .x0 = 0, .x1 = 1};
    double total = (double)sd_report_n(r);
    for (int v = 0; v <= 100; v += 25) {
        char label[8];
        snprintf(label, sizeof label, "%d %%", v);
        sd_svg_text(b, sd_plot_x(&p, v / 100.0), 14, "middle", "tick", label);
        sd_svg_line(b, sd_plot_x(&p, v / 100.0), p.top, sd_plot_x(&p, v / 100.0), p.bottom, "grid");
    }
    for (size_t i = 0; i < n; i++) {
        const sd_report_rule *ru = &rules[i];
        double y = p.top + 4 + (double)i * row, share = total > 0 ? (double)ru->results / total : 0;
        sd_svg_text(b, p.left - 10, y + 13, "end", "label",
                    sd_rtext2(tx, "rule.", sd_vocab_name(SD_VOCAB_RULE, ru->rule)));
        char tip[64];
        snprintf(tip, sizeof tip, "%zu / %.0f", ru->results, total);
        sd_svg_rect(b, p.left, y, sd_plot_x(&p, share) - p.left, 17, "#c62828", tip);
        sd_svg_text(b, p.right + 8, y + 13, "start", "value", tip);
    }
    sd_svg_end(b);
}

bool sd_chart_trend(sd_buf *b, const sd_report_group *g, const sd_texts *tx)
{
    if (g->n_dates < 2)
        return false;
    const double h = 280;
    sd_svg_begin(b, "trend", W, h, sd_rtext(tx, "report.trend"));
    sd_plot p = {.left = 60, .right = W - 230, .top = 30, .bottom = h - 40, .x0 = 0,
                 .x1 = (double)(g->n_dates - 1), .y0 = 0, .y1 = 100};
    sd_svg_y_axis(b, &p, false, NULL, 0);
    /* Dates evenly spaced, in order. */
    const char *prev = NULL;
    size_t di = 0;
    size_t *date_index = calloc(g->n_trend ? g->n_trend : 1, sizeof *date_index);
    if (date_index == NULL) {
        sd_svg_end(b);
        return true;
    }
    for (size_t k = 0; k < g->n_trend; k++) {
        if (prev && strcmp(prev, g->trend[k].date) != 0)
            di++;
        date_index[k] = di;
        if (prev == NULL || strcmp(prev, g->trend[k].date) != 0)
            sd_svg_text(b, sd_plot_x(&p, (double)di), p.bottom + 18, "middle", "tick", g->trend[k].date);
        prev = g->trend[k].date;
    }
    /* One line per score for a single version; the overall score per version otherwise. */
    static const char *const score_colour[SD_REPORT_SCORES] = {"#5c6bc0", "#26a69a", "#8d6e63", "#1f5fa8"};
    bool one = g->n_versions == 1;
    for (size_t v = 0; v < g->n_versions; v++) {
        for (int s = one ? 0 : 3; s < SD_REPORT_SCORES; s++) {
            const char *colour = one ? score_colour[s] : sd_svg_version_colour((int)v);
            sd_buf_printf(b, "<polyline class=\"%s\" stroke=\"%s\" points=\"", s == 3 ? "trend" : "trend thin", colour);
            double lx = 0, ly = 0;
            for (size_t k = 0; k < g->n_trend; k++)
                if (g->trend[k].version == (int)v) {
                    lx = sd_plot_x(&p, (double)date_index[k]);
                    ly = sd_plot_y(&p, g->trend[k].mean[s]);
                    sd_buf_printf(b, "%.1f,%.1f ", lx, ly);
                }
            sd_buf_puts(b, "\"/>");
            for (size_t k = 0; k < g->n_trend; k++)
                if (g->trend[k].version == (int)v) {
                    char tip[96];
                    snprintf(tip, sizeof tip, "%s: %.1f (n = %zu)", g->trend[k].date, g->trend[k].mean[s], g->trend[k].n);
                    sd_svg_circle(b, sd_plot_x(&p, (double)date_index[k]), sd_plot_y(&p, g->trend[k].mean[s]),
                                  s == 3 ? 4.5 : 3, colour, NULL, tip);
                }
            char label[96];
            if (one) {
                snprintf(label, sizeof label, "%s", sd_rtext(tx, score_keys[s]));
            } else {
                char vl[4];
                sd_report_version_label((int)v, vl);
                snprintf(label, sizeof label, "%s (%s %s)", sd_rtext(tx, score_keys[3]),
                         sd_rtext(tx, "report.version"), vl);
            }
            double y = 40 + (double)(one ? s : (int)v) * 20;
            sd_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"3\" fill=\"%s\"/>", p.right + 14, y - 5.5, colour);
            sd_svg_text(b, p.right + 36, y, "start", "legend", label);
        }
    }
    free(date_index);
    sd_svg_end(b);
    return true;
}
