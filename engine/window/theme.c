/* theme.c - the window's palette (WCAG AA checked by tests/unit/test_window.c), sizes per
 * text scale and display density, and the WCAG contrast formula. */
#include "theme.h"

#include <math.h>

static sd_rgba C(unsigned hex)
{
    sd_rgba c = {(uint8_t)(hex >> 16), (uint8_t)(hex >> 8), (uint8_t)hex, 255};
    return c;
}

static void sizes(sd_theme *t)
{
    double k = t->scale * (t->density > 0 ? t->density : 1);
    t->font_body = (int)lround(15 * k);
    t->font_small = (int)lround(13 * k);
    t->font_title = (int)lround(18 * k);
    t->pad = (int)lround(8 * k);
    t->gap = (int)lround(4 * k);
}

void sd_theme_set_density(sd_theme *t, double density)
{
    density = density < 0.5 ? 0.5 : density > 4 ? 4 : density;
    if (density == t->density)
        return;
    t->density = density;
    sizes(t);
}

void sd_theme_init(sd_theme *t, double scale)
{
    t->scale = scale < 0.75 ? 0.75 : scale > 2.5 ? 2.5 : scale;
    t->density = 1;
    t->bg = C(0xE9ECEF);
    t->panel = C(0xFFFFFF);
    t->panel_alt = C(0xF3F5F7);
    t->border = C(0xB8BEC6);
    t->text = C(0x1A1D21);
    t->muted = C(0x4F565E);
    t->accent = C(0x0B5CAD);
    t->accent_text = C(0xFFFFFF);
    t->selected = C(0xDCE9F7);
    t->ok = C(0x1B6E2E);
    t->warn = C(0x8A4B00);
    t->bad = C(0xB00020);
    t->warn_bg = C(0xFFE2A8);
    t->bad_bg = C(0xB00020);
    t->chip_text = C(0x1A1D21);
    t->overlay_bg = C(0xFFFFFF);
    t->bar = C(0x3A6EA5);
    t->mood[0] = C(0x1B6E2E); /* calm */
    t->mood[1] = C(0x6B4F00); /* worried */
    t->mood[2] = C(0x9A4A00); /* frustrated */
    t->mood[3] = C(0xB00020); /* angry */
    t->mood[4] = C(0x6A1B9A); /* troll */
    const unsigned av[8] = {0x0B5CAD, 0x1B6E2E, 0x8E2A7E, 0xA33A00, 0x2F4F6F, 0x00695C, 0x6A1B9A, 0x7A3E00};
    for (int i = 0; i < 8; i++)
        t->avatar[i] = C(av[i]);
    sizes(t);
}

int sd_theme_line_h(const sd_theme *t, int px)
{
    (void)t;
    return px > 0 ? (px * 117 + 99) / 100 : 0; /* DejaVu Sans: ascent + descent = 1.164 em */
}

double sd_theme_step_scale(sd_theme *t, int steps)
{
    static const double stops[] = {0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5};
    const int n = (int)(sizeof stops / sizeof stops[0]);
    int cur = 0;
    for (int i = 0; i < n; i++)
        if (fabs(stops[i] - t->scale) < fabs(stops[cur] - t->scale))
            cur = i;
    cur += steps;
    cur = cur < 0 ? 0 : cur >= n ? n - 1 : cur;
    t->scale = stops[cur];
    sizes(t);
    return t->scale;
}

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double sd_wcag_luminance(sd_rgba c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double sd_wcag_contrast(sd_rgba a, sd_rgba b)
{
    double la = sd_wcag_luminance(a), lb = sd_wcag_luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}

size_t sd_theme_pairs(const sd_theme *t, sd_theme_pair *out, size_t max)
{
    sd_theme_pair all[96];
    size_t n = 0;
    const sd_rgba bgs[] = {t->panel, t->panel_alt, t->selected, t->overlay_bg, t->bg};
    const char *bgn[] = {"panel", "panel_alt", "selected", "overlay", "bg"};
    for (size_t b = 0; b < 5; b++) {
        all[n++] = (sd_theme_pair){bgn[b], t->text, bgs[b]};
        all[n++] = (sd_theme_pair){bgn[b], t->muted, bgs[b]};
        all[n++] = (sd_theme_pair){bgn[b], t->accent, bgs[b]};
        all[n++] = (sd_theme_pair){bgn[b], t->ok, bgs[b]};
        all[n++] = (sd_theme_pair){bgn[b], t->bad, bgs[b]};
        all[n++] = (sd_theme_pair){bgn[b], t->warn, bgs[b]};
        for (int m = 0; m < 5; m++)
            all[n++] = (sd_theme_pair){bgn[b], t->mood[m], bgs[b]};
    }
    all[n++] = (sd_theme_pair){"accent", t->accent_text, t->accent};
    all[n++] = (sd_theme_pair){"warn chip", t->chip_text, t->warn_bg};
    all[n++] = (sd_theme_pair){"bad chip", t->accent_text, t->bad_bg};
    for (int i = 0; i < 8; i++)
        all[n++] = (sd_theme_pair){"avatar", t->accent_text, t->avatar[i]};
    size_t k = n < max ? n : max;
    for (size_t i = 0; i < k; i++)
        out[i] = all[i];
    return n;
}
