/* lexicon.c - the tone checks' language resources (sd_lexicons_load/free/add): loading
 * assets/lexicons/<lang>/{acknowledge,discourteous,private_request,jargon,retract}.txt,
 * parsing and folding phrases, and finding the longest phrase that matches at a position;
 * the stemmers and the spelling dictionaries an sd_lexicons owns. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tone_internal.h"
#include "util/buf.h"
#include "util/readfile.h"
#include "util/utf8.h"

#define MAX_PHRASE_CHARS 100          /* code points in one phrase */
#define MAX_LEXICON_BYTES (1u << 20)  /* one lexicon file */
#define MAX_LIST_PHRASES 20000        /* one list (the index counts in 16 bits) */

static const char *const list_names[SD_LX_COUNT] = {"acknowledge", "discourteous",
                                                    "private_request", "jargon", "retract"};

static void phrase_free(sd_tt_phrase *p)
{
    free(p->cp);
    free(p->text);
}

void sd_lexicons_free(sd_lexicons *lx)
{
    if (lx == NULL)
        return;
    for (int l = 0; l < SD_LANG_COUNT; l++)
        for (int k = 0; k < SD_LX_COUNT; k++) {
            sd_lx_list *list = &lx->lists[l][k];
            for (size_t i = 0; i < list->n; i++)
                phrase_free(&list->v[i]);
            free(list->v);
        }
    sd_stemmer_free(lx->stem);
    sd_speller_free(lx->spell);
    free(lx);
}

/* Orders phrases by their code points (a prefix phrase after the same exact phrase). */
static int phrase_cmp(const sd_tt_phrase *a, const sd_tt_phrase *b)
{
    size_t n = a->n < b->n ? a->n : b->n;
    for (size_t i = 0; i < n; i++)
        if (a->cp[i] != b->cp[i])
            return a->cp[i] < b->cp[i] ? -1 : 1;
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    return (int)a->prefix - (int)b->prefix;
}

/* Parses phrase text s[0..len) into *p (folded, whitespace runs as one ' ', a final '*'
 * making it a prefix phrase). */
static sd_status phrase_parse(const char *s, size_t len, sd_tt_phrase *p, sd_error *err)
{
    memset(p, 0, sizeof *p);
    if (!sd_utf8_valid(s, len) || memchr(s, '\0', len) != NULL)
        return sd_error_set(err, SD_ERR_INPUT, "phrase is not valid UTF-8 text");
    size_t b = 0, e = len;
    sd_tt_trim(s, &b, &e);
    if (e > b && s[e - 1] == '*') {
        p->prefix = true;
        e--;
        sd_tt_trim(s, &b, &e);
    }
    if (b == e)
        return sd_error_set(err, SD_ERR_INPUT, "empty phrase");
    uint32_t cps[MAX_PHRASE_CHARS];
    size_t n = 0;
    for (size_t pos = b; pos < e;) {
        uint32_t c;
        pos += sd_tt_next(s, e, pos, &c);
        if (c == '*')
            return sd_error_set(err, SD_ERR_INPUT,
                                "'*' may only end a phrase (it then also matches longer words)");
        if (sd_tt_is_space(c)) {
            if (cps[n - 1] == ' ')
                continue;
            c = ' ';
        }
        if (n == MAX_PHRASE_CHARS)
            return sd_error_set(err, SD_ERR_INPUT, "phrase is longer than %d characters",
                                MAX_PHRASE_CHARS);
        cps[n++] = c == ' ' ? c : sd_tt_fold(c);
    }
    if (!sd_tt_is_word(cps[0]))
        return sd_error_set(err, SD_ERR_INPUT, "a phrase must begin with a letter or digit");
    p->cp = malloc(n * sizeof *p->cp);
    p->text = malloc(e - b + 1);
    if (p->cp == NULL || p->text == NULL) {
        phrase_free(p);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    memcpy(p->cp, cps, n * sizeof *p->cp);
    p->n = n;
    memcpy(p->text, s + b, e - b);
    p->text[e - b] = '\0';
    return SD_OK;
}

/* Adds the parsed phrase to list, keeping it sorted; takes ownership of *p. A phrase
 * already in the list is dropped. */
static sd_status list_insert(sd_lx_list *list, sd_tt_phrase *p, sd_error *err)
{
    size_t lo = 0, hi = list->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = phrase_cmp(&list->v[mid], p);
        if (c == 0) {
            phrase_free(p);
            return SD_OK;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (list->n == MAX_LIST_PHRASES) {
        phrase_free(p);
        return sd_error_set(err, SD_ERR_INPUT, "more than %d phrases in one list",
                            MAX_LIST_PHRASES);
    }
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 32;
        sd_tt_phrase *v = realloc(list->v, cap * sizeof *v);
        if (v == NULL) {
            phrase_free(p);
            return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        }
        list->v = v;
        list->cap = cap;
    }
    memmove(&list->v[lo + 1], &list->v[lo], (list->n - lo) * sizeof *list->v);
    list->v[lo] = *p;
    list->n++;
    list->mask |= (uint64_t)1 << (p->cp[0] & 63);
    sd_lx_list_note(list, p);
    memset(list->count, 0, sizeof list->count);
    for (size_t i = 0; i < list->n; i++) {
        uint32_t f = list->v[i].cp[0];
        if (f < 256 && list->count[f]++ == 0)
            list->at[f] = (uint16_t)i;
    }
    return SD_OK;
}

void sd_lx_any_update(sd_lexicons *lx, int lang)
{
    sd_lx_list *any = &lx->any[lang];
    memset(any, 0, sizeof *any);
    for (int k = 0; k < SD_LX_COUNT; k++) {
        const sd_lx_list *l = &lx->lists[lang][k];
        for (int i = 0; i < SD_LX_FILTER_WORDS; i++) {
            any->first_words[i] |= l->first_words[i];
            any->prefix_starts[i] |= l->prefix_starts[i];
        }
        any->prefix_lengths |= l->prefix_lengths;
    }
}

static int list_index(const char *name)
{
    for (int k = 0; k < SD_LX_COUNT; k++)
        if (strcmp(name, list_names[k]) == 0)
            return k;
    return -1;
}

sd_status sd_lexicons_add(sd_lexicons *lx, sd_language lang, const char *list,
                          const char *phrase, sd_error *err)
{
    if (lx == NULL || list == NULL || phrase == NULL)
        return sd_error_set(err, SD_ERR_USAGE, "sd_lexicons_add: missing argument");
    if ((unsigned)lang >= SD_LANG_COUNT)
        return sd_error_set(err, SD_ERR_USAGE, "unknown language %d", (int)lang);
    int k = list_index(list);
    if (k < 0)
        return sd_error_set(err, SD_ERR_USAGE,
                            "unknown lexicon '%s' (known: acknowledge, discourteous, "
                            "private_request, jargon, retract)", list);
    sd_tt_phrase p;
    sd_status st = phrase_parse(phrase, strlen(phrase), &p, err);
    if (st != SD_OK) {
        sd_error_prefix(err, "%s phrase", list);
        return st;
    }
    st = list_insert(&lx->lists[lang][k], &p, err);
    sd_lx_any_update(lx, lang);
    return st;
}

/* Reads the whole file at path into b (at most MAX_LEXICON_BYTES). */
static sd_status read_file(const char *path, sd_buf *b, sd_error *err)
{
    /* regular files only: a FIFO or a device is refused at once */
    sd_status st = sd_read_regular(path, NULL, MAX_LEXICON_BYTES, b, err);
    if (st == SD_OK && sd_buf_append(b, "", 0) != SD_OK) /* NUL-terminated even when empty */
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    return st;
}

/* Parses one lexicon file's text into list: one phrase a line, '#' to the end of the line
 * is a comment, blank lines are skipped. */
static sd_status parse_lexicon(const char *path, const char *text, size_t len, sd_lx_list *list,
                               sd_error *err)
{
    size_t pos = 0, line = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3; /* byte order mark */
    while (pos < len) {
        line++;
        size_t e = pos;
        while (e < len && text[e] != '\n' && text[e] != '\r')
            e++;
        size_t next = e;
        if (next < len && text[next] == '\r')
            next++;
        if (next < len && text[next] == '\n' && (next == e || text[e] == '\r'))
            next++;
        const char *hash = memchr(text + pos, '#', e - pos);
        size_t end = hash ? (size_t)(hash - text) : e;
        size_t b = pos, t = end;
        if (!sd_utf8_valid(text + pos, e - pos))
            return sd_error_set(err, SD_ERR_INPUT, "%s:%zu: not valid UTF-8", path, line);
        sd_tt_trim(text, &b, &t);
        if (t > b) {
            sd_tt_phrase p;
            sd_status st = phrase_parse(text + b, t - b, &p, err);
            if (st == SD_OK)
                st = list_insert(list, &p, err);
            if (st != SD_OK) {
                sd_error_prefix(err, "%s:%zu", path, line);
                return st;
            }
        }
        pos = next;
    }
    return SD_OK;
}

sd_status sd_lexicons_load(const char *assets_dir, sd_lexicons **out, sd_error *err)
{
    *out = NULL;
    if (assets_dir == NULL)
        return sd_error_set(err, SD_ERR_USAGE, "sd_lexicons_load: no assets folder");
    sd_lexicons *lx = calloc(1, sizeof *lx);
    if (lx == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sd_buf path = SD_BUF_INIT, text = SD_BUF_INIT;
    sd_status st = SD_OK;
    for (int l = 0; l < SD_LANG_COUNT && st == SD_OK; l++) {
        for (int k = 0; k < SD_LX_COUNT && st == SD_OK; k++) {
            sd_buf_reset(&path);
            sd_buf_reset(&text);
            sd_buf_printf(&path, "%s/lexicons/%s/%s.txt", assets_dir,
                          sd_vocab_name(SD_VOCAB_LANGUAGE, l), list_names[k]);
            if (!sd_buf_ok(&path)) {
                st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
                break;
            }
            st = read_file(sd_buf_str(&path), &text, err);
            if (st == SD_OK)
                st = parse_lexicon(sd_buf_str(&path), text.data, text.len, &lx->lists[l][k], err);
        }
        sd_lx_any_update(lx, l);
    }
    sd_buf_free(&path);
    sd_buf_free(&text);
    if (st == SD_OK)
        st = sd_stemmer_create(&lx->stem, err);
    if (st == SD_OK)
        st = sd_speller_open(NULL, &lx->spell, err); /* $STORMDRILL_HUNSPELL_DIR or Debian's */
    if (st != SD_OK) {
        sd_lexicons_free(lx);
        return st;
    }
    *out = lx;
    return SD_OK;
}

sd_speller *sd_lexicons_speller(const sd_lexicons *lx)
{
    return sd_lx_speller(lx);
}

sd_stemmer *sd_lexicons_stemmer(const sd_lexicons *lx)
{
    return sd_lx_stemmer(lx);
}

bool sd_lx_first_range(const sd_lx_list *l, uint32_t first, size_t *lo, size_t *hi)
{
    if (!((l->mask >> (first & 63)) & 1))
        return false;
    if (first < 256) {
        *lo = l->at[first];
        *hi = *lo + l->count[first];
        return *lo < *hi;
    }
    size_t a = 0, b = l->n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (l->v[mid].cp[0] < first)
            a = mid + 1;
        else
            b = mid;
    }
    for (b = a; b < l->n && l->v[b].cp[0] == first; b++) {
    }
    *lo = a;
    *hi = b;
    return a < b;
}

const sd_tt_phrase *sd_lx_match_at(const sd_lx_list *l, const char *s, size_t len, size_t pos,
                                   uint32_t first, size_t *end)
{
    size_t lo, hi;
    if (!sd_lx_first_range(l, first, &lo, &hi))
        return NULL;
    /* The code point after the first: most phrases fail on it, before any full match. */
    uint32_t c1, c2 = 0;
    size_t k = sd_tt_next(s, len, pos, &c1);
    if (pos + k < len) {
        sd_tt_next(s, len, pos + k, &c2);
        c2 = sd_tt_is_space(c2) ? ' ' : sd_tt_fold(c2);
    }
    const sd_tt_phrase *best = NULL;
    size_t best_end = 0;
    for (size_t i = lo; i < hi; i++) {
        size_t e;
        if (l->v[i].n > 1 && l->v[i].cp[1] != c2)
            continue;
        if (sd_tt_match(s, len, pos, &l->v[i], &e) && (best == NULL || e > best_end)) {
            best = &l->v[i];
            best_end = e;
        }
    }
    if (best)
        *end = best_end;
    return best;
}
