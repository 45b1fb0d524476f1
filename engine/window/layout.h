/* layout.h - where the exercise window's panes go, as pure functions of the window's size
 * in output pixels and the theme's sizes (text scale x density), so that tests can check
 * every size and text scale without drawing:
 *
 *   - sd_layout_compute(): the top bar, the status bar, the feed, the thread and the
 *     situation pane. Three columns when they fit at the current text size; else the feed
 *     and the thread side by side and the situation as a one-line strip in the title
 *     bar's place (the figures that matter while answering: clock, speed, waiting,
 *     overdue, time left, internal messages; the title is the window's own). No rectangle
 *     overlaps another and all lie inside the window, at every size from 1024x600 up and
 *     every text scale from 100 % to 200 % (tests/unit/test_window_layout.c).
 *   - sd_layout_thread(): inside the thread pane, bottom up, the coach, the editor and its
 *     label, then the item being answered on top: the item gets its whole text first (then
 *     the editor grows to five lines, the coach to its checks, the post it is on, its
 *     history), so that at 200 % text on a small window the answered comment still shows
 *     whole and the editor keeps at least two lines.
 *   - sd_layout_window_size(): the size the window opens at on a display (1280x800 when it
 *     fits the usable area, else 90 % of it, never under 1024x600 unless the display is).
 *   - the window's memory (window.ini): its size and text scale, read at start-up and
 *     written when the window closes.
 *
 * Line heights are estimated from the pixel size (sd_theme_line_h: DejaVu Sans's line skip,
 * never less), so the layout does not need the fonts. Everything here is plain values. */
#ifndef SD_WINDOW_LAYOUT_H
#define SD_WINDOW_LAYOUT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "theme.h"
#include "util/error.h"

/* The smallest window the layout is made for (smaller ones still get rectangles that do not
 * overlap, only cramped). */
#define SD_LAYOUT_MIN_W 1024
#define SD_LAYOUT_MIN_H 600

typedef struct sd_layout {
    SDL_Rect win;        /* the whole window */
    SDL_Rect top;        /* the title bar (w = 0: none, the strip is in its place) */
    SDL_Rect status;     /* the status bar */
    SDL_Rect body;       /* between the bars */
    SDL_Rect feed;       /* the feed (whatever the feed's view draws in it) */
    SDL_Rect thread;     /* the selected item, its thread, the editor and the coach */
    SDL_Rect situation;  /* the situation pane, or its one-line strip (strip = true) */
    bool strip;          /* the situation is a strip above feed and thread */
} sd_layout;

/* w x h in output pixels (a w or h under 1 counts as 1). */
void sd_layout_compute(int w, int h, const sd_theme *th, sd_layout *out);

/* What the thread pane holds, from the bottom: the coach (coach_lines small lines, h = 0
 * when none), the editor's label (one small line) and the editor (editor_lines body lines
 * plus its frame), then on top the item (item: its head and whole text when item_need fits)
 * with the post it is on above it (context) and its history below (history). */
typedef struct sd_thread_layout {
    SDL_Rect context;    /* the post the item is on (h = 0: not shown) */
    SDL_Rect item;       /* the item's head, title and text */
    SDL_Rect history;    /* what was done with it (h = 0: no room) */
    SDL_Rect label;      /* "Svar till Lena Holm" and the character counter (h = 0: none) */
    SDL_Rect editor;     /* the editor's box (h = 0: none) */
    SDL_Rect coach;      /* the coach's lines (h = 0: none) */
    int editor_lines, coach_lines;
    bool item_whole;     /* item.h >= item_need */
} sd_thread_layout;

typedef struct sd_thread_need {
    int item;            /* pixels the item's head, title, whole text and notes take */
    int context;         /* pixels the post it is on takes (0: none) */
    bool editor;         /* an editor is shown (not in replay) */
    bool editing;        /* ... and being typed in (it then gets at least two lines) */
    int coach_lines;     /* lines the coach wants (0: no coach) */
} sd_thread_need;

/* in: the thread pane's inner rectangle (inside its padding). */
void sd_layout_thread(SDL_Rect in, const sd_theme *th, const sd_thread_need *need,
                      sd_thread_layout *out);

/* The size to open at on a display whose usable area is disp_w x disp_h (0 or less:
 * unknown, 1280x800 is taken), for a wished size want_w x want_h (0: none: 1280x800),
 * e.g. the remembered one: the wish when it fits, else 90 % of the display, never under
 * 1024x600 unless the display is smaller. */
void sd_layout_window_size(int disp_w, int disp_h, int want_w, int want_h, int *w, int *h);

/* The window's memory: $XDG_CONFIG_HOME/stormdrill/window.ini (else
 * $HOME/.config/stormdrill/window.ini). Lines "width = 1280", "height = 800",
 * "text_scale = 1.25"; '#' starts a comment. */
typedef struct sd_window_memory {
    int width, height;   /* window points; 0: not known */
    double text_scale;   /* 0: not known */
} sd_window_memory;

/* The file's path in out (false when neither variable is set or it does not fit). */
bool sd_window_memory_path(char *out, size_t n);
/* Reads path into *m. A missing file is SD_OK with *m zeroed; an unreadable or bad one
 * (a line that is not "key = value", an unknown key, a value out of range) is an error
 * naming the file and line, with *m zeroed: the caller says so and goes on without it. */
sd_status sd_window_memory_read(const char *path, sd_window_memory *m, sd_error *err);
/* Writes *m to path (atomically, the folder made when missing). */
sd_status sd_window_memory_write(const char *path, const sd_window_memory *m, sd_error *err);

#endif
