/* draw.h - the drawing context of one frame: the renderer, text cache and theme, the panel
 * being drawn (its clip rectangle) and, when debugging is on, a list of every rectangle
 * drawn with the panel it belongs to (and, for text, the start of the text), so that tests
 * can assert that nothing is drawn outside its panel and find what a panel says. Primitives: filled and outlined rectangles, lines, text runs cut to a
 * width with an ellipsis.
 *
 * Ownership: an sd_draw is a plain struct owned by the app; it borrows the renderer, the
 * text cache and the theme. The debug list is owned by the sd_draw (sd_draw_free_debug). */
#ifndef SD_WINDOW_DRAW_H
#define SD_WINDOW_DRAW_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "text.h"
#include "theme.h"

typedef struct sd_draw_rec {
    const char *panel;   /* static string */
    SDL_Rect clip;       /* the panel's rectangle */
    SDL_Rect rect;       /* what was drawn */
    char text[256];      /* a text run: its first bytes (cut at a code point); else "" */
    bool image;          /* a picture (sd_draw_image) */
} sd_draw_rec;

typedef struct sd_draw {
    SDL_Renderer *r;     /* borrowed */
    sd_text *text;       /* borrowed */
    const sd_theme *th;  /* borrowed */
    const char *panel;
    SDL_Rect clip;
    bool debug;
    sd_draw_rec *recs;   /* owned, debug only */
    size_t n_recs, cap_recs;
} sd_draw;

void sd_draw_begin_frame(sd_draw *d);
void sd_draw_free_debug(sd_draw *d);
/* Starts a panel: sets the clip rectangle and fills it with bg. */
void sd_draw_panel(sd_draw *d, const char *name, SDL_Rect r, sd_rgba bg);
void sd_draw_fill(sd_draw *d, SDL_Rect r, sd_rgba c);
void sd_draw_frame(sd_draw *d, SDL_Rect r, sd_rgba c);
/* A line from (x0, y0) to (x1, y1), both ends included (recorded as its bounding box). */
void sd_draw_line(sd_draw *d, int x0, int y0, int x1, int y1, sd_rgba c);
/* A wavy underline (a misspelt word's) from x0 to x1 inclusive, in the band y..y+h-1
 * (h >= 2; its amplitude), as a zigzag of period 2h; recorded as that band. */
void sd_draw_squiggle(sd_draw *d, int x0, int x1, int y, int h, sd_rgba c);
/* Draws len bytes of text at (x, y) within max_w pixels; text that does not fit is cut
 * and ends in "…" (so is every sd_draw_str* and chip); returns the width drawn. */
int sd_draw_text(sd_draw *d, int px, bool bold, sd_rgba c, int x, int y, int max_w,
                 const char *s, size_t len);
/* The same, and when more is true the run ends in "…" even if it fits (the last line of
 * wrapped text with more text after it). */
int sd_draw_text_cut(sd_draw *d, int px, bool bold, sd_rgba c, int x, int y, int max_w,
                     const char *s, size_t len, bool more);
int sd_draw_str(sd_draw *d, int px, bool bold, sd_rgba c, int x, int y, int max_w, const char *s);
/* Text right-aligned to end at x_right; returns its left edge. */
int sd_draw_str_right(sd_draw *d, int px, bool bold, sd_rgba c, int x_right, int y, int max_w,
                      const char *s);
/* A chip: text on a filled rectangle with padding; returns its width. */
int sd_draw_chip(sd_draw *d, int px, sd_rgba fg, sd_rgba bg, int x, int y, int max_w, const char *s);
int sd_draw_chip_width(sd_draw *d, int px, const char *s);
/* A picture: the whole texture (borrowed) scaled into r; recorded with image set. */
void sd_draw_image(sd_draw *d, SDL_Texture *tex, SDL_Rect r);

#endif
