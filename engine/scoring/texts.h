/* texts.h - the words Stormdrill says to people, one file per language:
 * assets/strings/<lang>.txt, lines of "key = text" ('#' starts a comment line; "\n" in a
 * text is a line break). Texts may hold placeholders {name} filled by sd_texts_format().
 * Feedback texts and scorecard labels live there, so that a translator edits one file.
 * An sd_texts is owned by its caller (sd_texts_free). */
#ifndef SD_TEXTS_H
#define SD_TEXTS_H

#include <stddef.h>

#include "../guideline/vocab.h"
#include "../util/buf.h"
#include "../util/error.h"

typedef struct sd_texts sd_texts;

/* Reads assets_dir/strings/<lang>.txt. Errors name the file and line. */
sd_status sd_texts_load(const char *assets_dir, sd_language lang, sd_texts **out, sd_error *err);
void sd_texts_free(sd_texts *t);
/* The text of key, or NULL when the file has none. */
const char *sd_texts_get(const sd_texts *t, const char *key);
/* Appends the text of key to out with each {name} replaced by the value given for it in
 * names/values (n pairs). A missing key appends "[key]" so the gap shows. */
void sd_texts_format(const sd_texts *t, const char *key, sd_buf *out, size_t n,
                     const char *const *names, const char *const *values);

/* The assets folder: $STORMDRILL_ASSETS, else the source tree's assets/. */
const char *sd_assets_dir(void);

#endif
