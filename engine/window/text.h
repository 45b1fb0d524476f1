/* text.h - text for the window: one TTF_Font per pixel size and weight (opened lazily,
 * never resized: TTF_SetFontSize would flush its glyph cache), and a cache of rendered text
 * runs as textures keyed by (bytes, font, colour) with least-recently-used eviction under
 * a byte budget, so that a steady frame renders no text at all and no run twice.
 *
 * Ownership: sd_text_create() returns an object the caller frees with sd_text_free(); it
 * borrows the renderer, which must outlive it. Textures returned by sd_text_get() belong to
 * the cache and stay valid until the end of the frame (sd_text_end_frame()). */
#ifndef SD_WINDOW_TEXT_H
#define SD_WINDOW_TEXT_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>

#include "theme.h"
#include "util/error.h"

typedef struct sd_text sd_text;

typedef struct sd_text_stats {
    size_t renders;      /* text runs rendered (TTF) this frame */
    size_t hits;         /* runs found in the cache this frame */
    size_t entries;      /* runs cached */
    size_t bytes;        /* their texture bytes */
    size_t evictions;    /* runs evicted since creation */
    size_t fonts;        /* fonts open */
} sd_text_stats;

/* fonts_dir holds DejaVuSans.ttf and DejaVuSans-Bold.ttf; budget is in texture bytes. */
sd_status sd_text_create(SDL_Renderer *r, const char *fonts_dir, size_t budget, sd_text **out,
                         sd_error *err);
void sd_text_free(sd_text *t);

/* The font of a pixel size and weight (owned by the sd_text), or NULL on failure. */
TTF_Font *sd_text_font(sd_text *t, int px, bool bold);
int sd_text_line_height(sd_text *t, int px, bool bold);
/* Width in pixels of len bytes of text. */
int sd_text_width(sd_text *t, int px, bool bold, const char *s, size_t len);
/* How many bytes of s (ending at a code point boundary) fit in max_w pixels (remembered per
 * run, size and width, so a steady frame measures nothing). */
size_t sd_text_fit(sd_text *t, int px, bool bold, const char *s, size_t len, int max_w);
/* Greedy word wrap: the byte length of the first line of s within max_w (at least one code
 * point; breaks after a space or at '\n'). *next gets where the next line starts. */
size_t sd_text_wrap_line(sd_text *t, int px, bool bold, const char *s, size_t len, int max_w,
                         size_t *next);

/* The texture of a text run (cached), its size in *w, *h; NULL for empty text. */
SDL_Texture *sd_text_get(sd_text *t, int px, bool bold, sd_rgba colour, const char *s,
                         size_t len, int *w, int *h);

/* Starts a new frame: resets the per-frame counters and evicts down to the budget. */
void sd_text_end_frame(sd_text *t);
void sd_text_get_stats(const sd_text *t, sd_text_stats *out);
/* Drops every cached run and font (after a scale change, or to bound memory). */
void sd_text_clear(sd_text *t);

#endif
