/* svg.h - the drawing primitives of the report's inline SVG charts: a chart element with a
 * fixed view box that scales to the page, text (escaped), lines, rectangles, circles and a
 * value axis. Coordinates are in view-box units. The caller owns the buffer. */
#ifndef SD_SVG_H
#define SD_SVG_H

#include "../util/buf.h"

/* A plotting area and the values it shows: x from x0 to x1 maps to [left, right]. */
typedef struct sd_plot {
    double left, top, right, bottom;
    double x0, x1, y0, y1;
} sd_plot;

double sd_plot_x(const sd_plot *p, double v);
double sd_plot_y(const sd_plot *p, double v);

/* <svg class="chart KIND" ...> with role="img" and a <title> for screen readers. */
void sd_svg_begin(sd_buf *b, const char *kind, double w, double h, const char *title);
void sd_svg_end(sd_buf *b);
/* anchor: "start", "middle" or "end"; cls may be NULL. */
void sd_svg_text(sd_buf *b, double x, double y, const char *anchor, const char *cls, const char *text);
void sd_svg_line(sd_buf *b, double x1, double y1, double x2, double y2, const char *cls);
void sd_svg_rect(sd_buf *b, double x, double y, double w, double h, const char *fill, const char *tip);
void sd_svg_circle(sd_buf *b, double x, double y, double r, const char *fill, const char *stroke,
                   const char *tip);
/* Horizontal grid lines with labels at nice steps (at least min_step) of the y values (left
 * or right side). */
void sd_svg_y_axis(sd_buf *b, const sd_plot *p, bool right, const char *unit, double min_step);
/* A step for about n ticks over range: 1, 2 or 5 times a power of ten. */
double sd_svg_nice_step(double range, int n);

/* The colour of a scenario version (A, B, ...) and of a score band (0-100). */
const char *sd_svg_version_colour(int version);
const char *sd_svg_score_colour(double score);

#endif
