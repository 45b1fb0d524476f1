/* svg.c - SVG primitives for the report's charts. */
#include "svg.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "../util/xml.h"

double sd_plot_x(const sd_plot *p, double v)
{
    double span = p->x1 - p->x0;
    return p->left + (span > 0 ? (v - p->x0) / span : 0.5) * (p->right - p->left);
}

double sd_plot_y(const sd_plot *p, double v)
{
    double span = p->y1 - p->y0;
    return p->bottom - (span > 0 ? (v - p->y0) / span : 0) * (p->bottom - p->top);
}

void sd_svg_begin(sd_buf *b, const char *kind, double w, double h, const char *title)
{
    sd_buf_printf(b, "<svg class=\"chart %s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                     "width=\"%.0f\" height=\"%.0f\" role=\"img\" preserveAspectRatio=\"xMinYMin meet\"><title>",
                  kind, w, h, w, h);
    sd_xml_text(b, title);
    sd_buf_puts(b, "</title>");
}

void sd_svg_end(sd_buf *b) { sd_buf_puts(b, "</svg>\n"); }

void sd_svg_text(sd_buf *b, double x, double y, const char *anchor, const char *cls, const char *text)
{
    sd_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"", x, y, anchor);
    if (cls)
        sd_buf_printf(b, " class=\"%s\"", cls);
    sd_buf_putc(b, '>');
    sd_xml_text(b, text);
    sd_buf_puts(b, "</text>");
}

void sd_svg_line(sd_buf *b, double x1, double y1, double x2, double y2, const char *cls)
{
    sd_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", x1, y1,
                  x2, y2, cls);
}

static void tip_close(sd_buf *b, const char *tag, const char *tip)
{
    if (tip) {
        sd_buf_puts(b, "><title>");
        sd_xml_text(b, tip);
        sd_buf_printf(b, "</title></%s>", tag);
    } else {
        sd_buf_puts(b, "/>");
    }
}

void sd_svg_rect(sd_buf *b, double x, double y, double w, double h, const char *fill, const char *tip)
{
    sd_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"", x, y,
                  w > 0 ? w : 0, h > 0 ? h : 0, fill);
    tip_close(b, "rect", tip);
}

void sd_svg_circle(sd_buf *b, double x, double y, double r, const char *fill, const char *stroke,
                   const char *tip)
{
    sd_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"", x, y, r, fill);
    if (stroke)
        sd_buf_printf(b, " stroke=\"%s\" stroke-width=\"1.5\"", stroke);
    tip_close(b, "circle", tip);
}

double sd_svg_nice_step(double range, int n)
{
    if (!(range > 0) || n < 1)
        return 1;
    double raw = range / n, p = pow(10, floor(log10(raw)));
    double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

void sd_svg_y_axis(sd_buf *b, const sd_plot *p, bool right, const char *unit, double min_step)
{
    double step = sd_svg_nice_step(p->y1 - p->y0, 4);
    if (step < min_step)
        step = min_step;
    for (double v = ceil(p->y0 / step) * step; v <= p->y1 + step * 1e-9; v += step) {
        double y = sd_plot_y(p, v);
        if (!right)
            sd_svg_line(b, p->left, y, p->right, y, "grid");
        char label[48];
        snprintf(label, sizeof label, "%g", fabs(v) < step * 1e-9 ? 0 : v);
        sd_svg_text(b, right ? p->right + 6 : p->left - 6, y + 4, right ? "start" : "end", "tick", label);
    }
    if (unit)
        sd_svg_text(b, right ? p->right + 6 : p->left - 6, p->top - 8, right ? "start" : "end", "unit", unit);
}

const char *sd_svg_version_colour(int version)
{
    static const char *const c[] = {"#1f5fa8", "#d9730d", "#2e7d32", "#8e24aa", "#6d4c41", "#00838f"};
    return c[(unsigned)version % (sizeof c / sizeof c[0])];
}

const char *sd_svg_score_colour(double score)
{
    return score >= 80 ? "#2e7d32" : score >= 50 ? "#b26a00" : "#c62828";
}
