/* texts.c - loading the per-language text files and filling their placeholders. */
#include "texts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/readfile.h"
#include "../util/utf8.h"

typedef struct entry {
    const char *key, *text;
    int line;
} entry;

struct sd_texts {
    sd_arena arena;
    entry *entries;
    size_t n, cap;
};

const char *sd_assets_dir(void)
{
    const char *env = getenv("STORMDRILL_ASSETS");
    return env && *env ? env : SD_SOURCE_DIR "/assets";
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

#define TEXTS_MAX_FILE_BYTES (4u << 20)

sd_status sd_texts_load(const char *assets_dir, sd_language lang, sd_texts **out, sd_error *err)
{
    *out = NULL;
    sd_buf path = SD_BUF_INIT;
    sd_buf_printf(&path, "%s/strings/%s.txt", assets_dir, sd_vocab_name(SD_VOCAB_LANGUAGE, lang));
    FILE *f = NULL; /* regular files only: a FIFO or a device is refused at once */
    sd_status ost = sd_open_regular(sd_buf_str(&path), NULL, TEXTS_MAX_FILE_BYTES, &f, NULL, err);
    if (ost != SD_OK) {
        sd_buf_free(&path);
        return ost;
    }
    sd_texts *t = calloc(1, sizeof *t);
    sd_status st = SD_OK;
    char line[8192];
    int lineno = 0;
    if (t == NULL) {
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        goto done;
    }
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (strchr(line, '\n') == NULL && !feof(f)) {
            st = sd_error_set(err, SD_ERR_INPUT, "%s:%d: line is longer than %zu bytes",
                              sd_buf_str(&path), lineno, sizeof line - 2);
            goto done;
        }
        char *s = trim(line);
        if (*s == '\0' || *s == '#')
            continue;
        char *eq = strchr(s, '=');
        if (eq == NULL) {
            st = sd_error_set(err, SD_ERR_INPUT, "%s:%d: expected 'key = text'", sd_buf_str(&path), lineno);
            goto done;
        }
        *eq = '\0';
        char *key = trim(s), *text = trim(eq + 1);
        if (!sd_utf8_valid(text, strlen(text))) {
            st = sd_error_set(err, SD_ERR_INPUT, "%s:%d: the text is not valid UTF-8", sd_buf_str(&path), lineno);
            goto done;
        }
        /* "\n" stands for a line break. */
        for (char *p = text; (p = strstr(p, "\\n")) != NULL;) {
            *p = '\n';
            memmove(p + 1, p + 2, strlen(p + 2) + 1);
        }
        for (size_t i = 0; i < t->n; i++)
            if (strcmp(t->entries[i].key, key) == 0) {
                st = sd_error_set(err, SD_ERR_INPUT, "%s:%d: '%s' is already defined on line %d",
                                  sd_buf_str(&path), lineno, key, t->entries[i].line);
                goto done;
            }
        if (t->n == t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 64;
            entry *e = realloc(t->entries, cap * sizeof *e);
            if (e == NULL) {
                st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
                goto done;
            }
            t->entries = e;
            t->cap = cap;
        }
        t->entries[t->n].key = sd_arena_strdup(&t->arena, key);
        t->entries[t->n].text = sd_arena_strdup(&t->arena, text);
        t->entries[t->n].line = lineno;
        if (!t->entries[t->n].key || !t->entries[t->n].text) {
            st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            goto done;
        }
        t->n++;
    }
done:
    fclose(f);
    sd_buf_free(&path);
    if (st != SD_OK) {
        sd_texts_free(t);
        return st;
    }
    *out = t;
    return SD_OK;
}

void sd_texts_free(sd_texts *t)
{
    if (t == NULL)
        return;
    free(t->entries);
    sd_arena_free(&t->arena);
    free(t);
}

const char *sd_texts_get(const sd_texts *t, const char *key)
{
    for (size_t i = t ? t->n : 0; i-- > 0;) /* each key is defined once (checked at load) */
        if (strcmp(t->entries[i].key, key) == 0)
            return t->entries[i].text;
    return NULL;
}

void sd_texts_format(const sd_texts *t, const char *key, sd_buf *out, size_t n,
                     const char *const *names, const char *const *values)
{
    const char *text = sd_texts_get(t, key);
    if (text == NULL) {
        sd_buf_printf(out, "[%s]", key);
        return;
    }
    for (const char *p = text; *p;) {
        const char *open = strchr(p, '{');
        if (open == NULL) {
            sd_buf_puts(out, p);
            break;
        }
        sd_buf_append(out, p, (size_t)(open - p));
        const char *close = strchr(open, '}');
        bool done = false;
        if (close) {
            for (size_t i = 0; i < n; i++)
                if (strlen(names[i]) == (size_t)(close - open - 1) &&
                    strncmp(open + 1, names[i], (size_t)(close - open - 1)) == 0) {
                    sd_buf_puts(out, values[i] ? values[i] : "");
                    done = true;
                    break;
                }
        }
        if (done) {
            p = close + 1;
        } else {
            sd_buf_putc(out, '{');
            p = open + 1;
        }
    }
}
