/* fuzz_tone.c - libFuzzer target for the tone checks (engine/scoring/tone.h). The input's
 * first byte picks the context (the author's mood, link expected, public or private, word
 * and LIX limits), the second the names (the addressee's and the signer's first names, some
 * taken from the reply itself), and the rest is the reply: arbitrary bytes, checked in
 * Swedish and in English with the real lexicons. The same reply checked twice must get the
 * same verdict, and every figure must be in range. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "scoring/tone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sd_lexicons *lexicons(void)
{
    static sd_lexicons *lx;
    if (lx == NULL) {
        sd_error err = SD_ERROR_INIT;
        if (sd_lexicons_load(SD_SOURCE_DIR "/assets", &lx, &err) != SD_OK) {
            fprintf(stderr, "fuzz_tone: %s\n", sd_error_msg(&err));
            abort();
        }
    }
    return lx;
}

/* A copy of the first (last == false) or last word of text, at most 40 bytes. */
static void word_of(const char *text, bool last, char out[41])
{
    const char *sep = " \t\r\n,.!?";
    const char *b = text, *e;
    if (last) {
        e = text + strlen(text);
        while (e > text && strchr(sep, e[-1]))
            e--;
        b = e;
        while (b > text && !strchr(sep, b[-1]))
            b--;
    } else {
        b += strspn(b, sep);
        e = b + strcspn(b, sep);
    }
    size_t n = (size_t)(e - b) > 40 ? 40 : (size_t)(e - b);
    memcpy(out, b, n);
    out[n] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    unsigned flags = data[0], names = data[1];
    char *text = sd_fuzz_cstr(data + 2, size - 2);
    char first_word[41], last_word[41];
    word_of(text, false, first_word);
    word_of(text, true, last_word);
    const char *to_names[] = {NULL, "Anna", "Örjan", first_word};
    const char *signers[] = {"", "Kim", "Åsa", last_word};

    sd_tone_input in = {0};
    in.text = text;
    in.mood = (sd_mood)((flags & 7u) % SD_MOOD_COUNT);
    in.expect_link = flags & 8u;
    in.is_public = !(flags & 16u);
    in.max_words = (flags & 32u) ? 12 : 0;
    in.max_lix = (flags & 64u) ? 20 : 0;
    in.to_first = to_names[names & 3u];
    in.signer = signers[(names >> 2) & 3u];
    for (int lang = 0; lang < SD_LANG_COUNT; lang++) {
        in.lang = (sd_language)lang;
        sd_tone_result a, b;
        sd_tone_check_reply(lexicons(), &in, &a);
        sd_tone_check_reply(lexicons(), &in, &b);
        if (!(a.score >= 0 && a.score <= 100) || a.score != b.score || a.words < 0)
            abort();
        for (int c = 0; c < SD_TONE_CHECK_COUNT; c++)
            if (a.checks[c].applies != b.checks[c].applies || a.checks[c].pass != b.checks[c].pass ||
                strcmp(a.checks[c].detail, b.checks[c].detail) != 0 ||
                memchr(a.checks[c].detail, '\0', sizeof a.checks[c].detail) == NULL)
                abort();
    }
    int words, sentences, long_words;
    double lix = sd_lix(text, &words, &sentences, &long_words);
    if (!(lix >= 0) || words < 0 || sentences < 0 || long_words < 0 || long_words > words)
        abort();
    free(text);
    return 0;
}
