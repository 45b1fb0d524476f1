/* cmd_tone.c - `stormdrill tone`: the tone checks of one reply read from standard input,
 * as a readable verdict or as JSON. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "guideline/vocab.h"
#include "scoring/tone.h"
#include "util/buf.h"
#include "util/jsonw.h"
#include "util/utf8.h"

#define MAX_REPLY_BYTES (64u * 1024u)

static const char usage[] =
    "Usage: stormdrill tone [--lang sv|en] --to NAME --signer NAME\n"
    "                       [--mood calm|worried|frustrated|angry|troll] [--expect-link]\n"
    "                       [--private] [--max-words N] [--max-lix N] [--json] < REPLY\n"
    "Checks the tone of one reply (UTF-8, at most 64 KiB, read from standard input) against\n"
    "the guideline's principles for replies: greeting, signoff, acknowledge, link, concise,\n"
    "plain_language, courteous, private_data; and the soft signals personal and\n"
    "template_unedited.\n"
    "  --lang sv|en     language of the reply and of its lexicons (default sv)\n"
    "  --to NAME        first name of the person answered (\"Hej NAME!\")\n"
    "  --signer NAME    your first name (\"Vänliga hälsningar, NAME\")\n"
    "  --mood MOOD      the author's mood (default calm); frustrated and angry authors are\n"
    "                   to be acknowledged first\n"
    "  --expect-link    the item offers a link: the reply should carry it\n"
    "  --private        a private reply (direct message): private_data does not apply\n"
    "  --max-words N    words allowed in the body (default 100)\n"
    "  --max-lix N      highest LIX allowed in the body (default 45)\n"
    "  --json           print the result as one JSON object\n"
    "Lexicons are read from $STORMDRILL_ASSETS/lexicons (default: the source tree's assets).\n"
    "Exit status: 0 checked (whatever the verdict), 1 bad input, 2 bad usage.\n";

/* Parses a positive number; false when s is not one or is above max. */
static bool parse_positive(const char *s, double max, bool integer, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*s == '\0' || *end != '\0' || errno != 0 || !(v > 0) || v > max)
        return false;
    if (integer && v != (double)(long)v)
        return false;
    *out = v;
    return true;
}

static int bad_usage(const char *fmt, const char *arg)
{
    fputs("stormdrill tone: ", stderr);
    sd_term_printf(stderr, fmt, arg);
    fputs("\n\n", stderr);
    fputs(usage, stderr);
    return SD_EXIT_USAGE;
}

/* Reads standard input into b as repaired UTF-8 (invalid sequences and NUL bytes become
 * U+FFFD). At most MAX_REPLY_BYTES. */
static sd_status read_reply(sd_buf *b, sd_error *err)
{
    char *raw = malloc(MAX_REPLY_BYTES + 1);
    if (raw == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    size_t n = 0, got;
    while (n <= MAX_REPLY_BYTES && (got = fread(raw + n, 1, MAX_REPLY_BYTES + 1 - n, stdin)) > 0)
        n += got;
    sd_status st = SD_OK;
    if (ferror(stdin))
        st = sd_error_set(err, SD_ERR_IO, "cannot read standard input: %s", strerror(errno));
    else if (n > MAX_REPLY_BYTES)
        st = sd_error_set(err, SD_ERR_INPUT, "the reply is longer than %u bytes (64 KiB)",
                          MAX_REPLY_BYTES);
    size_t from = 0;
    for (size_t i = 0; st == SD_OK && i <= n; i++) {
        if (i == n || raw[i] == '\0') {
            if (sd_utf8_sanitize(b, raw + from, i - from) != SD_OK ||
                (i < n && sd_buf_puts(b, "\xEF\xBF\xBD") != SD_OK))
                st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
            from = i + 1;
        }
    }
    free(raw);
    if (st != SD_OK)
        return st;
    bool blank = true;
    for (size_t i = 0; i < b->len && blank; i++)
        blank = strchr(" \t\r\n\v\f", b->data[i]) != NULL;
    if (blank)
        return sd_error_set(err, SD_ERR_INPUT, "the reply is empty (write it on standard input)");
    return SD_OK;
}

static bool print_json(const sd_tone_result *res)
{
    sd_buf out = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &out, false);
    sd_jsonw_object_begin(&w);
    sd_jsonw_key(&w, "checks");
    sd_jsonw_array_begin(&w);
    for (int c = 0; c < SD_TONE_CHECK_COUNT; c++) {
        sd_jsonw_object_begin(&w);
        sd_jsonw_kstring(&w, "id", sd_tone_check_id((sd_tone_check)c));
        sd_jsonw_kbool(&w, "applies", res->checks[c].applies);
        sd_jsonw_kbool(&w, "pass", res->checks[c].pass);
        sd_jsonw_kstring(&w, "detail", res->checks[c].detail);
        sd_jsonw_object_end(&w);
    }
    sd_jsonw_array_end(&w);
    sd_jsonw_key(&w, "signals");
    sd_jsonw_object_begin(&w);
    for (int s = 0; s < SD_SIGNAL_COUNT; s++)
        sd_jsonw_kbool(&w, sd_tone_signal_id((sd_tone_signal)s), res->signals[s]);
    sd_jsonw_object_end(&w);
    sd_jsonw_kdouble(&w, "lix", res->lix);
    sd_jsonw_kint(&w, "words", res->words);
    sd_jsonw_kdouble(&w, "score", res->score);
    sd_jsonw_object_end(&w);
    bool ok = sd_jsonw_ok(&w);
    if (ok)
        sd_term_printf(stdout, "%s\n", sd_buf_str(&out));
    else
        fputs("stormdrill tone: out of memory\n", stderr);
    sd_buf_free(&out);
    return ok;
}

static void print_text(const sd_tone_result *res)
{
    for (int c = 0; c < SD_TONE_CHECK_COUNT; c++) {
        const sd_tone_check_result *r = &res->checks[c];
        const char *mark = !r->applies ? "\xE2\x80\x93" : r->pass ? "\xE2\x9C\x93" : "\xE2\x9C\x97";
        sd_term_printf(stdout, "%s %-15s %s\n", mark, sd_tone_check_id((sd_tone_check)c), r->detail);
    }
    sd_term_printf(stdout, "LIX %.1f, %d words, score %.1f\n", res->lix, res->words, res->score);
    sd_term_printf(stdout, "signals: personal %s, template_unedited %s\n",
           res->signals[SD_SIGNAL_PERSONAL] ? "yes" : "no",
           res->signals[SD_SIGNAL_TEMPLATE_UNEDITED] ? "yes (placeholders left)" : "no");
}

int sd_cmd_tone(int argc, char **argv)
{
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    sd_tone_input in = {0};
    in.lang = SD_LANG_SV;
    in.mood = SD_MOOD_CALM;
    in.is_public = true;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool takes_value = strcmp(a, "--lang") == 0 || strcmp(a, "--to") == 0 ||
                           strcmp(a, "--signer") == 0 || strcmp(a, "--mood") == 0 ||
                           strcmp(a, "--max-words") == 0 || strcmp(a, "--max-lix") == 0;
        if (takes_value && i + 1 >= argc)
            return bad_usage("%s needs a value", a);
        const char *v = takes_value ? argv[++i] : NULL;
        double num;
        if (strcmp(a, "--lang") == 0) {
            int l = sd_vocab_lookup(SD_VOCAB_LANGUAGE, v);
            if (l < 0)
                return bad_usage("unknown language '%s' (known: sv, en)", v);
            in.lang = (sd_language)l;
        } else if (strcmp(a, "--to") == 0) {
            in.to_first = v;
        } else if (strcmp(a, "--signer") == 0) {
            in.signer = v;
        } else if (strcmp(a, "--mood") == 0) {
            int m = sd_vocab_lookup(SD_VOCAB_MOOD, v);
            if (m < 0)
                return bad_usage("unknown mood '%s' (known: calm, worried, frustrated, angry, "
                                 "troll)", v);
            in.mood = (sd_mood)m;
        } else if (strcmp(a, "--max-words") == 0) {
            if (!parse_positive(v, 1000000, true, &num))
                return bad_usage("--max-words wants a whole number from 1 to 1000000, not '%s'", v);
            in.max_words = (int)num;
        } else if (strcmp(a, "--max-lix") == 0) {
            if (!parse_positive(v, 1000, false, &num))
                return bad_usage("--max-lix wants a number above 0 and at most 1000, not '%s'", v);
            in.max_lix = num;
        } else if (strcmp(a, "--expect-link") == 0) {
            in.expect_link = true;
        } else if (strcmp(a, "--private") == 0) {
            in.is_public = false;
        } else if (strcmp(a, "--json") == 0) {
            json = true;
        } else {
            return bad_usage("unexpected '%s'", a);
        }
    }
    if (in.to_first == NULL || in.to_first[0] == '\0')
        return bad_usage("%s", "--to NAME is required (the first name of the person answered)");
    if (in.signer == NULL || in.signer[0] == '\0')
        return bad_usage("%s", "--signer NAME is required (your first name)");
    if (!sd_utf8_valid(in.to_first, strlen(in.to_first)) ||
        !sd_utf8_valid(in.signer, strlen(in.signer)))
        return bad_usage("%s", "--to and --signer must be UTF-8 text");

    const char *env = getenv("STORMDRILL_ASSETS");
    const char *assets = env && env[0] ? env : SD_SOURCE_DIR "/assets";
    int rc = SD_EXIT_OK;
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;
    sd_buf text = SD_BUF_INIT;
    if (sd_lexicons_load(assets, &lx, &err) != SD_OK) {
        sd_term_printf(stderr, "stormdrill tone: %s\n  (the assets folder is %s; set STORMDRILL_ASSETS "
                        "to the folder that holds lexicons/)\n",
                sd_error_msg(&err), assets);
        rc = SD_EXIT_INPUT;
        goto done;
    }
    if (read_reply(&text, &err) != SD_OK) {
        sd_term_printf(stderr, "stormdrill tone: %s\n", sd_error_msg(&err));
        rc = sd_exit_for(&err);
        goto done;
    }
    in.text = sd_buf_str(&text);
    sd_tone_result res;
    sd_tone_check_reply(lx, &in, &res);
    if (json) {
        if (!print_json(&res))
            rc = SD_EXIT_INPUT;
    } else
        print_text(&res);
done:
    sd_buf_free(&text);
    sd_lexicons_free(lx);
    sd_error_clear(&err);
    return rc;
}
