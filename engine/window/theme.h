/* theme.h - the window's look: colours (every text/background pair passes WCAG 2.1 AA,
 * contrast at least 4.5:1), sizes derived from a text scale that Ctrl +/- changes (times the
 * display's density of output pixels per window point), and the
 * WCAG contrast computation the tests use to check the palette.
 * An sd_theme is a plain value owned by whoever holds it; no pointers inside. */
#ifndef SD_WINDOW_THEME_H
#define SD_WINDOW_THEME_H

#include <stddef.h>
#include <stdint.h>

typedef struct sd_rgba {
    uint8_t r, g, b, a;
} sd_rgba;

typedef struct sd_theme {
    double scale;          /* text scale, 0.75 .. 2.5 (1 = 100 %) */
    double density;        /* output pixels per window point: 1, or 2 on a high-density
                              display; sizes are in output pixels, so text keeps its
                              apparent size and is drawn at full resolution */
    /* colours */
    sd_rgba bg, panel, panel_alt, border, text, muted, accent, accent_text, selected,
        ok, warn, bad, warn_bg, bad_bg, chip_text, overlay_bg, bar;
    sd_rgba mood[5];       /* calm, worried, frustrated, angry, troll (as text/marker) */
    sd_rgba avatar[8];     /* avatar backgrounds (white initials on them pass AA) */
    /* sizes in pixels at the current scale */
    int font_body, font_small, font_title;
    int pad, gap;
} sd_theme;

/* density starts at 1; sd_theme_set_density() changes it (clamped to 0.5 .. 4). */
void sd_theme_init(sd_theme *t, double scale);
void sd_theme_set_density(sd_theme *t, double density);
/* The line height of text of px pixels (DejaVu Sans's line skip, never less), for laying
 * out without the fonts (layout.h). */
int sd_theme_line_h(const sd_theme *t, int px);
/* Changes the text scale by steps (+1 / -1) within the bounds; returns the new scale. */
double sd_theme_step_scale(sd_theme *t, int steps);

/* WCAG 2.1 relative luminance and contrast ratio (1 .. 21). */
double sd_wcag_luminance(sd_rgba c);
double sd_wcag_contrast(sd_rgba a, sd_rgba b);

/* The text/background pairs the window draws, for checking (n written, at most max). */
typedef struct sd_theme_pair {
    const char *name;
    sd_rgba fg, bg;
} sd_theme_pair;
size_t sd_theme_pairs(const sd_theme *t, sd_theme_pair *out, size_t max);

#endif
