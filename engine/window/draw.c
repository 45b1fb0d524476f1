/* draw.c - the frame's drawing context: panels with clip rectangles, primitives (text cut
 * with an ellipsis where it does not fit), and the debug list of drawn rectangles. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>

/* Records r (and the start of the text s[0..len) drawn there, when s is not NULL). */
static void record_text(sd_draw *d, SDL_Rect r, const char *s, size_t len)
{
    if (!d->debug)
        return;
    if (d->n_recs == d->cap_recs) {
        size_t cap = d->cap_recs ? d->cap_recs * 2 : 1024;
        sd_draw_rec *n = realloc(d->recs, cap * sizeof *n);
        if (!n)
            return;
        d->recs = n;
        d->cap_recs = cap;
    }
    sd_draw_rec *x = &d->recs[d->n_recs++];
    x->panel = d->panel;
    x->clip = d->clip;
    x->rect = r;
    size_t n = s ? (len < sizeof x->text ? len : sizeof x->text - 1) : 0;
    while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* not inside a UTF-8 sequence */
    if (n)
        memcpy(x->text, s, n);
    x->text[n] = '\0';
    x->image = false;
}

static void record(sd_draw *d, SDL_Rect r) { record_text(d, r, NULL, 0); }

void sd_draw_begin_frame(sd_draw *d)
{
    d->n_recs = 0;
    d->panel = "window";
    SDL_RenderSetClipRect(d->r, NULL);
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(d->r, &w, &h);
    d->clip = (SDL_Rect){0, 0, w, h};
}

void sd_draw_free_debug(sd_draw *d)
{
    free(d->recs);
    d->recs = NULL;
    d->n_recs = d->cap_recs = 0;
}

static void colour(sd_draw *d, sd_rgba c)
{
    SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, c.a);
}

void sd_draw_panel(sd_draw *d, const char *name, SDL_Rect r, sd_rgba bg)
{
    d->panel = name;
    d->clip = r;
    SDL_RenderSetClipRect(d->r, &r);
    sd_draw_fill(d, r, bg);
}

void sd_draw_fill(sd_draw *d, SDL_Rect r, sd_rgba c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    record(d, r);
    colour(d, c);
    if (c.a != 255)
        SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_BLEND);
    SDL_RenderFillRect(d->r, &r);
    if (c.a != 255)
        SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_NONE);
}

void sd_draw_frame(sd_draw *d, SDL_Rect r, sd_rgba c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    record(d, r);
    colour(d, c);
    SDL_RenderDrawRect(d->r, &r);
}

void sd_draw_line(sd_draw *d, int x0, int y0, int x1, int y1, sd_rgba c)
{
    SDL_Rect box = {x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1, 0, 0};
    box.w = (x0 < x1 ? x1 - x0 : x0 - x1) + 1;
    box.h = (y0 < y1 ? y1 - y0 : y0 - y1) + 1;
    record(d, box);
    colour(d, c);
    SDL_RenderDrawLine(d->r, x0, y0, x1, y1);
}

void sd_draw_squiggle(sd_draw *d, int x0, int x1, int y, int h, sd_rgba c)
{
    if (x1 < x0 || h < 2)
        return;
    record(d, (SDL_Rect){x0, y, x1 - x0 + 1, h});
    colour(d, c);
    /* slopes of 45 degrees between the band's bottom and top, drawn in runs of points */
    int amp = h - 1;
    SDL_Point pts[64];
    int n = 0;
    SDL_Point p = {x0, y + amp};
    bool up = true;
    pts[n++] = p;
    while (p.x < x1) {
        int step = x1 - p.x < amp ? x1 - p.x : amp;
        p.x += step;
        p.y += up ? -step : step;
        if (step == amp)
            up = !up;
        pts[n++] = p;
        if (n == 64) {
            SDL_RenderDrawLines(d->r, pts, n);
            pts[0] = p;
            n = 1;
        }
    }
    if (n > 1)
        SDL_RenderDrawLines(d->r, pts, n);
}

/* Blits the run s[0..len) at (x, y), at most max_w wide; returns the width drawn. */
static int blit(sd_draw *d, int px, bool bold, sd_rgba c, int x, int y, int max_w,
                const char *s, size_t len)
{
    int w, h;
    SDL_Texture *tex = sd_text_get(d->text, px, bold, c, s, len, &w, &h);
    if (!tex)
        return 0;
    int dw = w < max_w ? w : max_w;
    SDL_Rect src = {0, 0, dw, h}, dst = {x, y, dw, h};
    record_text(d, dst, s, len);
    SDL_RenderCopy(d->r, tex, &src, &dst);
    return dw;
}

#define ELLIPSIS "\xE2\x80\xA6" /* U+2026 */
#define CUT_MAX 1024                /* bytes of a cut run kept before the ellipsis */

int sd_draw_text_cut(sd_draw *d, int px, bool bold, sd_rgba c, int x, int y, int max_w,
                     const char *s, size_t len, bool more)
{
    if (max_w <= 0)
        return 0;
    size_t fit = len ? sd_text_fit(d->text, px, bold, s, len, max_w) : 0;
    if (fit >= len && !more)
        return len ? blit(d, px, bold, c, x, y, max_w, s, len) : 0;
    /* cut: as much as fits before "…", without the spaces it would end on */
    int ell_w = sd_text_width(d->text, px, bold, ELLIPSIS, 3);
    size_t n = sd_text_fit(d->text, px, bold, s, len < CUT_MAX ? len : CUT_MAX, max_w - ell_w);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    char buf[CUT_MAX + 4];
    memcpy(buf, s, n);
    memcpy(buf + n, ELLIPSIS, 3);
    return blit(d, px, bold, c, x, y, max_w, buf, n + 3);
}

int sd_draw_text(sd_draw *d, int px, bool bold, sd_rgba c, int x, int y, int max_w,
                 const char *s, size_t len)
{
    if (max_w <= 0 || len == 0)
        return 0;
    return sd_draw_text_cut(d, px, bold, c, x, y, max_w, s, len, false);
}

int sd_draw_str(sd_draw *d, int px, bool bold, sd_rgba c, int x, int y, int max_w, const char *s)
{
    return s ? sd_draw_text(d, px, bold, c, x, y, max_w, s, strlen(s)) : 0;
}

int sd_draw_str_right(sd_draw *d, int px, bool bold, sd_rgba c, int x_right, int y, int max_w,
                      const char *s)
{
    int w = sd_text_width(d->text, px, bold, s, strlen(s));
    if (w > max_w)
        w = max_w;
    sd_draw_str(d, px, bold, c, x_right - w, y, w, s);
    return x_right - w;
}

int sd_draw_chip_width(sd_draw *d, int px, const char *s)
{
    return sd_text_width(d->text, px, false, s, strlen(s)) + px / 2 * 2;
}

int sd_draw_chip(sd_draw *d, int px, sd_rgba fg, sd_rgba bg, int x, int y, int max_w, const char *s)
{
    int w = sd_draw_chip_width(d, px, s);
    if (w > max_w)
        w = max_w;
    int h = sd_text_line_height(d->text, px, false);
    sd_draw_fill(d, (SDL_Rect){x, y, w, h}, bg);
    sd_draw_str(d, px, false, fg, x + px / 2, y, w - px / 2 * 2, s);
    return w;
}

void sd_draw_image(sd_draw *d, SDL_Texture *tex, SDL_Rect r)
{
    if (!tex || r.w <= 0 || r.h <= 0)
        return;
    record(d, r);
    if (d->debug && d->n_recs > 0 && d->recs[d->n_recs - 1].rect.x == r.x && d->recs[d->n_recs - 1].rect.y == r.y)
        d->recs[d->n_recs - 1].image = true;
    SDL_RenderCopy(d->r, tex, NULL, &r);
}
