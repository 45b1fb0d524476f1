/* text.c - fonts per size and the texture cache of text runs (hash table with chaining,
 * least-recently-used eviction under a byte budget). Text is made valid UTF-8 without NUL
 * bytes before SDL_ttf sees it (invalid sequences become U+FFFD). */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

#define MAX_FONTS 24
#define NBUCKETS 4096
#define NFITS 2048 /* the memo of sd_text_fit (direct-mapped) */

typedef struct font_slot {
    int px;
    bool bold;
    TTF_Font *font;
} font_slot;

typedef struct entry {
    uint64_t hash;
    char *text;
    size_t len;
    int px;
    bool bold;
    sd_rgba colour;
    SDL_Texture *tex;
    int w, h;
    uint64_t last_used;
    int32_t next;    /* chain, or -1 */
    bool live;
} entry;

struct sd_text {
    SDL_Renderer *r;             /* borrowed */
    char regular[1024], bold[1024];
    font_slot fonts[MAX_FONTS];
    size_t n_fonts;
    entry *entries;
    size_t n_entries, cap_entries;
    int32_t free_head;           /* free entries chained through next */
    int32_t buckets[NBUCKETS];
    size_t budget, bytes, live;
    uint64_t frame;
    size_t renders, hits, evictions;
    /* sd_text_fit's answers: a steady frame cuts and wraps the same runs at the same widths,
     * and measuring them again each frame would cost more than drawing them */
    struct fit_memo {
        uint64_t hash; /* of the bytes, size, weight and width; 0: empty */
        size_t len, fit;
    } fits[NFITS];
};

static uint64_t hash_run(const char *s, size_t len, int px, bool bold, sd_rgba c)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    uint32_t extra = (uint32_t)px << 1 | (bold ? 1u : 0u);
    uint32_t col = (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
    h = (h ^ extra) * 1099511628211ULL;
    h = (h ^ col) * 1099511628211ULL;
    return h ^ (h >> 29);
}

sd_status sd_text_create(SDL_Renderer *r, const char *fonts_dir, size_t budget, sd_text **out,
                         sd_error *err)
{
    *out = NULL;
    if (TTF_Init() != 0)
        return sd_error_set(err, SD_ERR_IO, "SDL_ttf: %s", TTF_GetError());
    sd_text *t = calloc(1, sizeof *t);
    if (!t) {
        TTF_Quit();
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    t->r = r;
    t->budget = budget;
    t->free_head = -1;
    for (size_t i = 0; i < NBUCKETS; i++)
        t->buckets[i] = -1;
    snprintf(t->regular, sizeof t->regular, "%s/DejaVuSans.ttf", fonts_dir);
    snprintf(t->bold, sizeof t->bold, "%s/DejaVuSans-Bold.ttf", fonts_dir);
    if (!sd_text_font(t, 14, false) || !sd_text_font(t, 14, true)) {
        sd_error_set(err, SD_ERR_IO, "%s: cannot open the font: %s", t->regular, TTF_GetError());
        sd_text_free(t);
        return SD_ERR_IO;
    }
    *out = t;
    return SD_OK;
}

static void drop_entries(sd_text *t)
{
    for (size_t i = 0; i < t->n_entries; i++)
        if (t->entries[i].live) {
            SDL_DestroyTexture(t->entries[i].tex);
            free(t->entries[i].text);
        }
    t->n_entries = 0;
    t->free_head = -1;
    t->bytes = 0;
    t->live = 0;
    for (size_t i = 0; i < NBUCKETS; i++)
        t->buckets[i] = -1;
}

void sd_text_clear(sd_text *t)
{
    drop_entries(t);
    memset(t->fits, 0, sizeof t->fits);
    for (size_t i = 0; i < t->n_fonts; i++)
        TTF_CloseFont(t->fonts[i].font);
    t->n_fonts = 0;
}

void sd_text_free(sd_text *t)
{
    if (!t)
        return;
    sd_text_clear(t);
    free(t->entries);
    free(t);
    TTF_Quit();
}

TTF_Font *sd_text_font(sd_text *t, int px, bool bold)
{
    if (px < 4)
        px = 4;
    for (size_t i = 0; i < t->n_fonts; i++)
        if (t->fonts[i].px == px && t->fonts[i].bold == bold)
            return t->fonts[i].font;
    if (t->n_fonts == MAX_FONTS)
        sd_text_clear(t); /* many scale changes: start afresh */
    TTF_Font *f = TTF_OpenFont(bold ? t->bold : t->regular, px);
    if (!f)
        return NULL;
    t->fonts[t->n_fonts++] = (font_slot){px, bold, f};
    return f;
}

int sd_text_line_height(sd_text *t, int px, bool bold)
{
    TTF_Font *f = sd_text_font(t, px, bold);
    return f ? TTF_FontLineSkip(f) : px;
}

/* s[0..len) as a NUL-terminated string for SDL_ttf: in stack when it fits, else on the
 * heap (*heap, for the caller to free). Invalid UTF-8 and NUL bytes become U+FFFD on the
 * way, so nothing raw reaches TTF_*UTF8: the engine repairs text where it comes in, and
 * this is the last guard before the renderer. */
static const char *terminated(const char *s, size_t len, char *stack, size_t n, char **heap)
{
    *heap = NULL;
    if (memchr(s, '\0', len) != NULL || !sd_utf8_valid(s, len)) {
        sd_buf b = SD_BUF_INIT;
        if (sd_utf8_sanitize_text(&b, s, len) != SD_OK) {
            sd_buf_free(&b);
            return NULL;
        }
        *heap = sd_buf_take(&b);
        return *heap;
    }
    if (len < n) {
        memcpy(stack, s, len);
        stack[len] = '\0';
        return stack;
    }
    *heap = malloc(len + 1);
    if (!*heap)
        return NULL;
    memcpy(*heap, s, len);
    (*heap)[len] = '\0';
    return *heap;
}

int sd_text_width(sd_text *t, int px, bool bold, const char *s, size_t len)
{
    TTF_Font *f = sd_text_font(t, px, bold);
    if (!f || len == 0)
        return 0;
    char stack[512], *heap;
    const char *z = terminated(s, len, stack, sizeof stack, &heap);
    int w = 0, h = 0;
    if (z)
        TTF_SizeUTF8(f, z, &w, &h);
    free(heap);
    return w;
}

/* Byte offset after `chars` code points of s. */
static size_t bytes_of_chars(const char *s, size_t len, int chars)
{
    size_t i = 0;
    while (i < len && chars > 0) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return i;
}

size_t sd_text_fit(sd_text *t, int px, bool bold, const char *s, size_t len, int max_w)
{
    TTF_Font *f = sd_text_font(t, px, bold);
    if (!f || len == 0 || max_w <= 0)
        return 0;
    uint64_t h = hash_run(s, len, px, bold, (sd_rgba){(uint8_t)max_w, (uint8_t)(max_w >> 8),
                                                      (uint8_t)(max_w >> 16), 0}) | 1;
    struct fit_memo *m = &t->fits[h % NFITS];
    if (m->hash == h && m->len == len)
        return m->fit;
    char stack[512], *heap;
    const char *z = terminated(s, len, stack, sizeof stack, &heap);
    int extent = 0, count = 0;
    if (z)
        TTF_MeasureUTF8(f, z, max_w, &extent, &count);
    free(heap);
    size_t fit = bytes_of_chars(s, len, count);
    *m = (struct fit_memo){h, len, fit};
    return fit;
}

size_t sd_text_wrap_line(sd_text *t, int px, bool bold, const char *s, size_t len, int max_w,
                         size_t *next)
{
    const char *nl = memchr(s, '\n', len);
    size_t para = nl ? (size_t)(nl - s) : len;
    size_t fit = sd_text_fit(t, px, bold, s, para, max_w);
    if (fit >= para) {
        *next = nl ? para + 1 : para;
        return para;
    }
    size_t cut = fit;
    while (cut > 0 && s[cut - 1] != ' ')
        cut--;
    if (cut == 0) { /* one long word: break it */
        cut = fit ? fit : bytes_of_chars(s, para, 1);
        *next = cut;
        return cut;
    }
    *next = cut;
    size_t line = cut;
    while (line > 0 && s[line - 1] == ' ')
        line--;
    return line;
}

static int32_t new_entry(sd_text *t)
{
    if (t->free_head >= 0) {
        int32_t i = t->free_head;
        t->free_head = t->entries[i].next;
        return i;
    }
    if (t->n_entries == t->cap_entries) {
        size_t cap = t->cap_entries ? t->cap_entries * 2 : 256;
        entry *e = realloc(t->entries, cap * sizeof *e);
        if (!e)
            return -1;
        t->entries = e;
        t->cap_entries = cap;
    }
    return (int32_t)t->n_entries++;
}

SDL_Texture *sd_text_get(sd_text *t, int px, bool bold, sd_rgba colour, const char *s,
                         size_t len, int *w, int *h)
{
    *w = *h = 0;
    if (len == 0)
        return NULL;
    uint64_t hash = hash_run(s, len, px, bold, colour);
    int32_t *bucket = &t->buckets[hash % NBUCKETS];
    for (int32_t i = *bucket; i >= 0; i = t->entries[i].next) {
        entry *e = &t->entries[i];
        if (e->hash == hash && e->len == len && e->px == px && e->bold == bold &&
            memcmp(&e->colour, &colour, sizeof colour) == 0 && memcmp(e->text, s, len) == 0) {
            e->last_used = t->frame;
            t->hits++;
            *w = e->w;
            *h = e->h;
            return e->tex;
        }
    }
    TTF_Font *f = sd_text_font(t, px, bold);
    if (!f)
        return NULL;
    char stack[512], *heap;
    const char *z = terminated(s, len, stack, sizeof stack, &heap);
    if (!z)
        return NULL;
    SDL_Color c = {colour.r, colour.g, colour.b, colour.a};
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, z, c);
    free(heap);
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(t->r, surf);
    int sw = surf->w, sh = surf->h;
    SDL_FreeSurface(surf);
    if (!tex)
        return NULL;
    t->renders++;
    int32_t idx = new_entry(t);
    char *copy = malloc(len);
    if (idx < 0 || !copy) {
        free(copy);
        SDL_DestroyTexture(tex);
        return NULL;
    }
    memcpy(copy, s, len);
    entry *e = &t->entries[idx];
    *e = (entry){hash, copy, len, px, bold, colour, tex, sw, sh, t->frame, *bucket, true};
    *bucket = idx;
    t->bytes += (size_t)sw * (size_t)sh * 4;
    t->live++;
    *w = sw;
    *h = sh;
    return tex;
}

static void unlink_entry(sd_text *t, int32_t idx)
{
    entry *e = &t->entries[idx];
    int32_t *p = &t->buckets[e->hash % NBUCKETS];
    while (*p != idx)
        p = &t->entries[*p].next;
    *p = e->next;
    SDL_DestroyTexture(e->tex);
    free(e->text);
    t->bytes -= (size_t)e->w * (size_t)e->h * 4;
    t->live--;
    e->live = false;
    e->next = t->free_head;
    t->free_head = idx;
    t->evictions++;
}

static int by_age(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

void sd_text_end_frame(sd_text *t)
{
    if (t->bytes > t->budget) {
        /* Evict the least recently used runs (never this frame's) down to 3/4 of the budget:
         * collect (last_used << 24 | index) keys and sort them. */
        uint64_t *keys = malloc(t->live * sizeof *keys);
        size_t n = 0;
        if (keys) {
            for (size_t i = 0; i < t->n_entries; i++)
                if (t->entries[i].live && t->entries[i].last_used < t->frame)
                    keys[n++] = t->entries[i].last_used << 24 | (uint64_t)i;
            qsort(keys, n, sizeof *keys, by_age);
            for (size_t k = 0; k < n && t->bytes > t->budget / 4 * 3; k++)
                unlink_entry(t, (int32_t)(keys[k] & 0xFFFFFF));
            free(keys);
        }
    }
    t->frame++;
    t->renders = 0;
    t->hits = 0;
}

void sd_text_get_stats(const sd_text *t, sd_text_stats *out)
{
    *out = (sd_text_stats){t->renders, t->hits, t->live, t->bytes, t->evictions, t->n_fonts};
}
