/* layout.c - the window's pane rectangles for a size and text scale, the thread pane's
 * split between the answered item, the editor and the coach, the size the window opens at,
 * and the window's memory (window.ini). Pure functions but for the memory's file. */
#include "layout.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/atomic_file.h"
#include "util/buf.h"
#include "util/readfile.h"

static int imax(int a, int b) { return a > b ? a : b; }
static int imin(int a, int b) { return a < b ? a : b; }

void sd_layout_compute(int w, int h, const sd_theme *th, sd_layout *out)
{
    memset(out, 0, sizeof *out);
    w = imax(w, 1);
    h = imax(h, 1);
    out->win = (SDL_Rect){0, 0, w, h};
    int em = imax(th->font_body, 1);
    /* the bars: a bold body line and padding each, at most a sixth of the height */
    int bar_h = imin(sd_theme_line_h(th, th->font_body) + th->pad, imax(h / 6, 1));
    out->top = (SDL_Rect){0, 0, w, bar_h};
    out->status = (SDL_Rect){0, h - bar_h, w, bar_h};
    out->body = (SDL_Rect){0, bar_h + 1, w, imax(h - 2 * bar_h - 2, 0)};
    SDL_Rect b = out->body;
    const int g = 1; /* the line between panes */
    if (w >= 63 * em + g) {
        /* three columns: feed 36 %, situation 25 %, the thread at least 27 em */
        int feed = w * 36 / 100, sit = w * 25 / 100;
        int deficit = 27 * em + g - (w - feed - sit);
        if (deficit > 0) {
            int take = imin(deficit, imax(feed - 20 * em, 0));
            feed -= take;
            deficit -= take;
            sit -= imin(deficit, imax(sit - 16 * em, 0));
        }
        out->feed = (SDL_Rect){b.x, b.y, feed - g, b.h};
        out->thread = (SDL_Rect){b.x + feed, b.y, w - feed - sit - g, b.h};
        out->situation = (SDL_Rect){w - sit, b.y, sit, b.h};
        return;
    }
    /* two columns; the situation takes the title bar's place as a one-line strip of the
     * figures that matter while answering (the title is the window's); the thread keeps
     * at least 26 em while the feed keeps a quarter of the width */
    out->strip = true;
    out->situation = out->top;
    out->top = (SDL_Rect){0, 0, 0, 0};
    int feed = imax(imin(w * 36 / 100, w - 26 * em), w * 26 / 100);
    out->feed = (SDL_Rect){b.x, b.y, feed - g, b.h};
    out->thread = (SDL_Rect){b.x + feed, b.y, w - feed, b.h};
}

static int editor_box_h(const sd_theme *th, int lines)
{
    return lines > 0 ? lines * sd_theme_line_h(th, th->font_body) + 2 * th->gap : 0;
}

void sd_layout_thread(SDL_Rect in, const sd_theme *th, const sd_thread_need *need,
                      sd_thread_layout *out)
{
    memset(out, 0, sizeof *out);
    int ls = sd_theme_line_h(th, th->font_small);
    int avail = imax(in.h, 0);
    int label_h = need->editor ? ls + th->gap : 0;
    int e_min = need->editor ? (need->editing ? 2 : 1) : 0;
    int e_max = need->editor ? (need->editing ? 5 : 2) : 0;
    int c_want = imax(need->coach_lines, 0);
    int c_min = imin(c_want, 2);
    /* what the editor and the coach take at least (each with a gap above) */
#define FIXED(e, c) (((e) > 0 ? label_h + editor_box_h(th, e) + th->gap : 0) + ((c) > 0 ? (c) * ls + th->gap : 0))
    /* a pane too small for all: the coach goes down to a line, then away, then the editor
     * to one line (it stays while there is room for it) */
    while (c_min > 0 && FIXED(e_min, c_min) > avail)
        c_min--;
    while (e_min > 1 && FIXED(e_min, c_min) > avail)
        e_min--;
    if (FIXED(e_min, c_min) > avail)
        e_min = 0;
    /* the coach gives up its second line before the item is cut */
    if (c_min > 1 && avail - FIXED(e_min, c_min) < need->item)
        c_min = 1;
    int rest = avail - FIXED(e_min, c_min);
    int item_h = imin(imax(need->item, 0), imax(rest, 0));
    rest -= item_h;
    int e = e_min, c = c_min;
    /* then the editor grows to three lines, the coach to all it wants, the post it is on,
     * the editor to five lines; the history gets what is left */
    while (e > 0 && e < imin(3, e_max) && rest >= editor_box_h(th, e + 1) - editor_box_h(th, e)) {
        rest -= editor_box_h(th, e + 1) - editor_box_h(th, e);
        e++;
    }
    while (c < c_want && rest >= ls + (c == 0 ? th->gap : 0)) {
        rest -= ls + (c == 0 ? th->gap : 0);
        c++;
    }
    int ctx_h = need->context > 0 && rest >= need->context ? need->context : 0;
    rest -= ctx_h;
    while (e > 0 && e < e_max && rest >= editor_box_h(th, e + 1) - editor_box_h(th, e)) {
        rest -= editor_box_h(th, e + 1) - editor_box_h(th, e);
        e++;
    }
#undef FIXED
    int bottom = in.y + avail;
    if (c > 0) {
        out->coach = (SDL_Rect){in.x, bottom - c * ls, in.w, c * ls};
        bottom = out->coach.y - th->gap;
    }
    if (e > 0) {
        int eh = editor_box_h(th, e);
        out->editor = (SDL_Rect){in.x, bottom - eh, in.w, eh};
        out->label = (SDL_Rect){in.x, out->editor.y - label_h, in.w, ls};
        bottom = out->label.y - th->gap;
    }
    int y = in.y;
    out->context = (SDL_Rect){in.x, y, in.w, ctx_h};
    y += ctx_h;
    out->item = (SDL_Rect){in.x, y, in.w, item_h};
    y += item_h;
    out->history = (SDL_Rect){in.x, y, in.w, imax(bottom - y, 0)};
    out->editor_lines = e;
    out->coach_lines = c;
    out->item_whole = item_h >= need->item;
}

void sd_layout_window_size(int disp_w, int disp_h, int want_w, int want_h, int *w, int *h)
{
    if (disp_w <= 0 || disp_h <= 0) {
        disp_w = 1280;
        disp_h = 800;
    }
    if (want_w <= 0 || want_h <= 0) {
        want_w = 1280;
        want_h = 800;
    }
    *w = want_w;
    *h = want_h;
    if (*w > disp_w)
        *w = imax(disp_w * 9 / 10, imin(SD_LAYOUT_MIN_W, disp_w));
    if (*h > disp_h)
        *h = imax(disp_h * 9 / 10, imin(SD_LAYOUT_MIN_H, disp_h));
}

/* ---- the window's memory ---- */

bool sd_window_memory_path(char *out, size_t n)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int k;
    if (xdg && *xdg == '/')
        k = snprintf(out, n, "%s/stormdrill/window.ini", xdg);
    else if (home && *home)
        k = snprintf(out, n, "%s/.config/stormdrill/window.ini", home);
    else
        return false;
    return k > 0 && (size_t)k < n;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

sd_status sd_window_memory_read(const char *path, sd_window_memory *m, sd_error *err)
{
    memset(m, 0, sizeof *m);
    struct stat st;
    if (stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
        return SD_OK; /* nothing there (yet) */
    sd_buf b = SD_BUF_INIT;
    sd_status rc = sd_read_regular(path, NULL, 4096, &b, err);
    if (rc != SD_OK) {
        sd_buf_free(&b);
        return rc;
    }
    sd_window_memory got = {0};
    char *s = b.data ? b.data : (char *)"";
    size_t line = 0;
    while (rc == SD_OK && s && *s) {
        line++;
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        char *l = trim(s);
        s = nl ? nl + 1 : NULL;
        if (!*l || *l == '#')
            continue;
        char *eq = strchr(l, '=');
        if (!eq) {
            rc = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: not \"key = value\"", path, line);
            break;
        }
        *eq = '\0';
        char *key = trim(l), *val = trim(eq + 1), *end = NULL;
        if (strcmp(key, "width") != 0 && strcmp(key, "height") != 0 && strcmp(key, "text_scale") != 0) {
            rc = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: unknown key (width, height, text_scale)", path, line);
            break;
        }
        errno = 0;
        double v = strtod(val, &end);
        if (!*val || *end || errno || !isfinite(v)) {
            rc = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: %s: not a number", path, line, key);
            break;
        }
        if (strcmp(key, "width") == 0 || strcmp(key, "height") == 0) {
            if (v < 320 || v > 16384 || v != floor(v)) {
                rc = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: %s: a whole number of pixels from 320 to 16384",
                                  path, line, key);
                break;
            }
            *(key[0] == 'w' ? &got.width : &got.height) = (int)v;
        } else {
            if (v < 0.75 || v > 2.5) {
                rc = sd_error_set(err, SD_ERR_INPUT, "%s:%zu: text_scale: from 0.75 to 2.5", path, line);
                break;
            }
            got.text_scale = v;
        }
    }
    sd_buf_free(&b);
    if (rc == SD_OK)
        *m = got;
    return rc;
}

sd_status sd_window_memory_write(const char *path, const sd_window_memory *m, sd_error *err)
{
    /* the folder, and its parent (~/.config) when missing */
    char dir[4096];
    if (strlen(path) >= sizeof dir)
        return sd_error_set(err, SD_ERR_IO, "%s: the path is too long", path);
    strcpy(dir, path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        char *up = strrchr(dir, '/');
        if (up && up != dir) {
            *up = '\0';
            mkdir(dir, 0700);
            *up = '/';
        }
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return sd_error_set(err, SD_ERR_IO, "%s: %s", dir, strerror(errno));
    }
    char text[256];
    int n = snprintf(text, sizeof text,
                     "# Stormdrill: the exercise window's size and text size, as last closed\n"
                     "width = %d\nheight = %d\ntext_scale = %.2f\n",
                     m->width, m->height, m->text_scale);
    return sd_write_file_atomic(path, text, (size_t)n, err);
}
