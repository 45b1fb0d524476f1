/* chart.c - the scorecard's chart (chart.h): folding the per-bar figures, and drawing the
 * bars of comments with the median answer times as dots joined by a line, the two value
 * axes (comments on the left, minutes on the right), the time axis and a legend, all
 * inside the rectangle it is given. */
#include "app_internal.h"
#include "chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sd_time floor_to(sd_time t, int64_t step)
{
    return t - ((t % step) + step) % step;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static bool is_comment(uint8_t kind)
{
    return kind == SD_KIND_COMMENT || kind == SD_KIND_REPLY || kind == SD_KIND_DM;
}

static void add_dot(sd_chart *c, size_t bucket, double median, int series)
{
    if (c->n_dots >= sizeof c->dots / sizeof c->dots[0])
        return;
    c->dots[c->n_dots++] = (sd_chart_dot){bucket, median, series};
    if (median > c->max_median)
        c->max_median = median;
}

void sd_chart_build(sd_chart *c, const sd_res_item *items, size_t n_items,
                    const sd_storm_hour *hours, size_t n_hours, sd_time start, sd_time end)
{
    memset(c, 0, sizeof *c);
    int64_t span = end > start ? end - start : 1;
    c->step = span <= 3 * 3600 ? 600 : 3600;
    if (c->step == 3600)
        while ((span + c->step - 1) / c->step > SD_CHART_MAX)
            c->step += 3600;
    c->start = floor_to(start, c->step);
    sd_time stop = end > start ? end : start + 1;
    c->n = (size_t)((stop - c->start + c->step - 1) / c->step);
    if (c->n == 0)
        c->n = 1;
    if (c->n > SD_CHART_MAX)
        c->n = SD_CHART_MAX;

    if (c->step == 3600 && n_hours > 0) {
        /* The core's storm hours: bars sum the storms, each storm has its own dots. */
        const char *storms[SD_CHART_SERIES] = {NULL};
        c->from_storms = true;
        for (size_t i = 0; i < n_hours; i++) {
            const sd_storm_hour *h = &hours[i];
            if (h->hour < c->start)
                continue;
            size_t b = (size_t)((h->hour - c->start) / c->step);
            if (b >= c->n)
                continue;
            int series = SD_CHART_SERIES - 1;
            for (int s = 0; s < SD_CHART_SERIES; s++)
                if (!storms[s] || (h->storm && strcmp(storms[s], h->storm) == 0)) {
                    storms[s] = h->storm ? h->storm : "";
                    series = s;
                    break;
                }
            c->comments[b] += h->comments;
            if (h->median_answer >= 0)
                add_dot(c, b, h->median_answer, series);
        }
    } else {
        /* From the items: comments, replies and direct messages arriving in each bar, and
         * the median answer time of those answered (items come in arrival order). */
        int64_t *times = n_items ? malloc(n_items * sizeof *times) : NULL;
        size_t i = 0;
        for (size_t b = 0; b < c->n; b++) {
            sd_time b_end = c->start + (sd_time)(b + 1) * c->step;
            size_t nt = 0;
            for (; i < n_items && items[i].arrival < b_end; i++) {
                if (items[i].arrival < c->start || !is_comment(items[i].kind))
                    continue;
                c->comments[b]++;
                if (items[i].answered_at && times)
                    times[nt++] = items[i].answered_at - items[i].arrival;
            }
            if (nt) {
                qsort(times, nt, sizeof *times, cmp_i64);
                add_dot(c, b, (double)times[(nt - 1) / 2], 0);
            }
        }
        free(times);
    }
    for (size_t b = 0; b < c->n; b++)
        if (c->comments[b] > c->max_comments)
            c->max_comments = c->comments[b];
}

/* ---- drawing ---- */

/* A round axis maximum: 1, 2, 5, 10, 20, 50 ... at least v. */
static double nice_max(double v)
{
    double m = 1;
    while (m < v) {
        if (m * 2 >= v) return m * 2;
        if (m * 5 >= v) return m * 5;
        m *= 10;
    }
    return m;
}

void sd_chart_draw(sd_app *app, const sd_chart *c, SDL_Rect r)
{
    sd_draw *d = &app->draw;
    const sd_theme *th = &app->theme;
    int px = th->font_small, lh = sd_text_line_height(app->text, px, false);
    if (r.w <= 0 || r.h < 4 * lh)
        return;
    sd_draw_panel(d, "chart", r, th->panel);
    /* the title, and the legend at the right */
    char title[160], legend_c[96], legend_m[96];
    snprintf(title, sizeof title, "%s", sd_app_t(app, c->step == 600 ? "ui.chart.title_10" : "ui.chart.title_hour"));
    if (c->step > 3600)
        snprintf(title, sizeof title, "%s (%ld h)", sd_app_t(app, "ui.chart.title_hour"), (long)(c->step / 3600));
    snprintf(legend_c, sizeof legend_c, "%s", sd_app_t(app, "ui.chart.comments"));
    snprintf(legend_m, sizeof legend_m, "%s", sd_app_t(app, "ui.chart.median"));
    int sq = lh / 2 > 2 ? lh / 2 : 2;
    int right = r.x + r.w;
    int mw = sd_text_width(app->text, px, false, legend_m, strlen(legend_m));
    int cw = sd_text_width(app->text, px, false, legend_c, strlen(legend_c));
    int legend_w = sq + th->gap + cw + th->pad + sq + th->gap + mw;
    if (legend_w > r.w / 2) {
        legend_w = 0; /* no room: the axes' labels say it */
    } else {
        int lx = right - legend_w, ly = r.y + (lh - sq) / 2;
        sd_draw_fill(d, (SDL_Rect){lx, ly, sq, sq}, th->bar);
        lx += sq + th->gap;
        lx += sd_draw_str(d, px, false, th->text, lx, r.y, cw, legend_c) + th->pad;
        sd_draw_fill(d, (SDL_Rect){lx, ly, sq, sq}, th->bad);
        lx += sq + th->gap;
        sd_draw_str(d, px, false, th->text, lx, r.y, mw, legend_m);
    }
    sd_draw_str(d, px, true, th->accent, r.x, r.y, r.w - legend_w - th->pad, title);

    /* the plot: value labels left (comments) and right (minutes), times below */
    double cmax = nice_max(c->max_comments > 0 ? (double)c->max_comments : 1);
    double mmax = nice_max(c->max_median > 0 ? c->max_median / 60.0 : 1); /* minutes */
    char top_c[32], top_m[32];
    snprintf(top_c, sizeof top_c, "%.0f", cmax);
    snprintf(top_m, sizeof top_m, "%.0f min", mmax);
    int lw = sd_text_width(app->text, px, false, top_c, strlen(top_c)) + th->gap;
    int rw = sd_text_width(app->text, px, false, top_m, strlen(top_m)) + th->gap;
    SDL_Rect p = {r.x + lw, r.y + lh + th->gap + lh / 2, r.w - lw - rw, 0};
    p.h = r.y + r.h - lh - th->gap - lh / 2 - p.y; /* the time axis under the zero labels */
    if (p.w < (int)c->n || p.h < lh)
        return;
    /* labels: top and zero of both axes */
    sd_draw_str_right(d, px, false, th->muted, p.x - th->gap, p.y - lh / 2, lw, top_c);
    sd_draw_str_right(d, px, false, th->muted, p.x - th->gap, p.y + p.h - lh / 2, lw, "0");
    sd_draw_str(d, px, false, th->bad, p.x + p.w + th->gap, p.y - lh / 2, rw - th->gap, top_m);
    sd_draw_str(d, px, false, th->bad, p.x + p.w + th->gap, p.y + p.h - lh / 2, rw - th->gap, "0");
    /* grid: the top and the middle; axes */
    sd_draw_fill(d, (SDL_Rect){p.x, p.y, p.w, 1}, th->panel_alt);
    sd_draw_fill(d, (SDL_Rect){p.x, p.y + p.h / 2, p.w, 1}, th->panel_alt);
    sd_draw_fill(d, (SDL_Rect){p.x, p.y, 1, p.h}, th->border);
    sd_draw_fill(d, (SDL_Rect){p.x + p.w - 1, p.y, 1, p.h}, th->border);
    /* bars */
    double bw = (double)p.w / (double)c->n;
    int gap = bw >= 6 ? (int)(bw / 5) : 0;
    for (size_t b = 0; b < c->n; b++) {
        int x0 = p.x + (int)(b * bw), x1 = p.x + (int)((b + 1) * bw);
        int h = (int)((double)c->comments[b] / cmax * p.h + 0.5);
        if (h > p.h)
            h = p.h;
        sd_draw_fill(d, (SDL_Rect){x0 + gap / 2 + 1, p.y + p.h - h, x1 - x0 - gap - 1, h}, th->bar);
    }
    sd_draw_fill(d, (SDL_Rect){p.x, p.y + p.h - 1, p.w, 1}, th->text);
    /* median answer times: dots, joined per series */
    const sd_rgba series_c[SD_CHART_SERIES] = {th->bad, th->warn, th->mood[4], th->ok};
    int dot = sq > 4 ? sq : 4;
    for (size_t i = 0; i < c->n_dots; i++) {
        const sd_chart_dot *o = &c->dots[i];
        int x = p.x + (int)((o->bucket + 0.5) * bw);
        double v = o->median / 60.0 / mmax;
        int y = p.y + p.h - 1 - (int)(v * (p.h - 1) + 0.5);
        for (size_t j = i; j-- > 0;) /* the previous dot of the same series, one bar back */
            if (c->dots[j].series == o->series) {
                if (c->dots[j].bucket + 1 == o->bucket) {
                    int px0 = p.x + (int)((c->dots[j].bucket + 0.5) * bw);
                    double v0 = c->dots[j].median / 60.0 / mmax;
                    int py0 = p.y + p.h - 1 - (int)(v0 * (p.h - 1) + 0.5);
                    sd_draw_line(d, px0, py0, x, y, series_c[o->series]);
                }
                break;
            }
        SDL_Rect dr = {x - dot / 2, y - dot / 2, dot, dot};
        if (dr.x < p.x) dr.x = p.x;
        if (dr.y < p.y) dr.y = p.y;
        if (dr.x + dr.w > p.x + p.w) dr.x = p.x + p.w - dr.w;
        if (dr.y + dr.h > p.y + p.h) dr.y = p.y + p.h - dr.h;
        sd_draw_fill(d, dr, series_c[o->series]);
    }
    /* the time axis: HH:MM under the bars, as many as fit */
    int tw = sd_text_width(app->text, px, false, "00:00", 5) + th->pad;
    size_t every = 1;
    while ((double)every * bw < tw && every < c->n)
        every++;
    int ty = p.y + p.h + lh / 2 + th->gap;
    for (size_t b = 0; b <= c->n; b += every) {
        char t[20];
        sd_time_format(c->start + (sd_time)b * c->step, t);
        int x = p.x + (int)(b * bw) - tw / 2 + th->pad / 2;
        if (x < r.x)
            x = r.x;
        if (x + tw - th->pad > r.x + r.w)
            x = r.x + r.w - (tw - th->pad);
        sd_draw_text(d, px, false, th->muted, x, ty, tw - th->pad, t + 11, 5);
    }
}
