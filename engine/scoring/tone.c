/* tone.c - the tone checks of one reply (tone.h): where the greeting, body and sign-off
 * are, one pass over the text that counts words, sentences, long words and capitals and
 * finds links, shouting, "!!", lexicon phrases, personal identity numbers and template
 * placeholders, then the verdict of each check, the soft signals, LIX and the score.
 *
 * Decisions where the rules leave room (docs/scoring-tone.md explains them to trainers):
 *   - The first line is the first line that is not blank; the last lines likewise.
 *   - The body starts after the greeting: when the first line begins with a greeting word
 *     (hej, hejsan, hallå, hi, hello, hey, dear), after the first run of ! , . ? : on that
 *     line, or after the whole line when it has none. It ends where the sign-off block
 *     starts: a closing phrase ("Vänliga hälsningar", "Mvh", "Kind regards", "Best", ...)
 *     that begins one of the last four non-blank lines or follows a sentence end on them and
 *     is followed by at most five words and no sentence end; failing that, a last line that
 *     is "/name" or the signer's name alone.
 *   - A sentence is a stretch of text with at least one word, ended by a run of . ! ? or by
 *     the end of the text; a '.' between two digits (14.30, 3.5) ends nothing.
 *   - A URL is http://, https:// or www. up to the next whitespace, less trailing
 *     . , ; : ! ? ) ] } ' " (which belong to the sentence).
 *   - A ten-digit run starting with 0 is a phone number (Swedish numbers begin with 0),
 *     not a personal identity number; written YYMMDD-NNNN it is one. The month must be
 *     01-12 and the day 01-31 (61-91 for a coordination number); 12 digits begin 18-20.
 *   - A private_request phrase right after a negation (within the three words before it:
 *     inte, ej, aldrig, not, never, no, n't) does not count: "skriv inte ditt personnummer
 *     här" is the advice the guideline wants.
 *   - A check that does not apply has pass = true and a detail saying why it does not. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tone_content.h"
#include "tone_internal.h"

static const struct {
    const char *id;
    double weight;
} check_table[SD_TONE_CHECK_COUNT] = {
    [SD_TONE_GREETING] = {"greeting", 1.0},
    [SD_TONE_SIGNOFF] = {"signoff", 1.0},
    [SD_TONE_ACKNOWLEDGE] = {"acknowledge", 1.5},
    [SD_TONE_LINK] = {"link", 1.0},
    [SD_TONE_CONCISE] = {"concise", 1.0},
    [SD_TONE_PLAIN_LANGUAGE] = {"plain_language", 1.0},
    [SD_TONE_COURTEOUS] = {"courteous", 2.0},
    [SD_TONE_PRIVATE_DATA] = {"private_data", 2.0},
    [SD_TONE_ANSWERS] = {"answers", 4.0},
    [SD_TONE_REFER] = {"refer", 2.0},
    [SD_TONE_CHANNEL] = {"channel", 2.0},
    [SD_TONE_AVOID] = {"avoid", 2.0},
    [SD_TONE_SPELLING] = {"spelling", 1.5},
    [SD_TONE_NAME] = {"name", 2.0},
};

bool sd_tone_check_serious(sd_tone_check c)
{
    return c == SD_TONE_COURTEOUS || c == SD_TONE_PRIVATE_DATA || c == SD_TONE_NAME;
}

static const char *const signal_ids[SD_SIGNAL_COUNT] = {"personal", "template_unedited"};

#define DEFAULT_MAX_WORDS 100
#define DEFAULT_MAX_LIX 45.0
#define LONG_WORD_LETTERS 6 /* a long word has more letters than this */
#define EXCERPT_BYTES 40    /* quoted text in a detail */
#define TAIL_LINES 4        /* the last non-blank lines searched for the sign-off */
#define CLOSING_MAX_WORDS 5 /* words after a closing phrase (name, title, unit) */

const char *sd_tone_check_id(sd_tone_check c)
{
    return (unsigned)c < SD_TONE_CHECK_COUNT ? check_table[c].id : "?";
}

const char *sd_tone_signal_id(sd_tone_signal s)
{
    return (unsigned)s < SD_SIGNAL_COUNT ? signal_ids[s] : "?";
}

double sd_tone_check_weight(sd_tone_check c)
{
    return (unsigned)c < SD_TONE_CHECK_COUNT ? check_table[c].weight : 0.0;
}

/* ------------------------------------------------------------------ small helpers */

typedef struct span {
    size_t b, e;
} span;

#define LIT(s) (s), (sizeof(s) - 1)

/* Lower-case literals with their lengths; all begin with an ASCII letter. */
typedef struct lit {
    const char *s;
    size_t n;
} lit;
#define L_(x) {x, sizeof(x) - 1}

/* End of the line starting at pos, and the start of the next (CR LF, CR or LF). */
static size_t line_end(const char *s, size_t len, size_t pos)
{
    while (pos < len && s[pos] != '\n' && s[pos] != '\r')
        pos++;
    return pos;
}

static size_t line_next(const char *s, size_t len, size_t e)
{
    if (e >= len)
        return len;
    if (s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
        return e + 2;
    return e + 1;
}

/* Skips spaces and tabs (not line breaks) from pos up to end. */
static size_t skip_blank(const char *s, size_t end, size_t pos)
{
    while (pos < end) {
        uint32_t c;
        size_t k = sd_tt_next(s, end, pos, &c);
        if (!sd_tt_is_space(c) || c == '\n' || c == '\r')
            break;
        pos += k;
    }
    return pos;
}

/* Skips any whitespace, line breaks included. */
static size_t skip_space(const char *s, size_t end, size_t pos)
{
    while (pos < end) {
        uint32_t c;
        size_t k = sd_tt_next(s, end, pos, &c);
        if (!sd_tt_is_space(c))
            break;
        pos += k;
    }
    return pos;
}

/* End of the run of letters (and combining marks) from pos. */
static size_t letters_end(const char *s, size_t end, size_t pos)
{
    while (pos < end) {
        uint32_t c;
        size_t k = sd_tt_next(s, end, pos, &c);
        if (!sd_tt_is_letter(c) && !sd_tt_is_mark(c))
            break;
        pos += k;
    }
    return pos;
}

/* End of a name from pos: letters, marks and hyphens. */
static size_t name_end(const char *s, size_t end, size_t pos)
{
    while (pos < end) {
        uint32_t c;
        size_t k = sd_tt_next(s, end, pos, &c);
        if (!sd_tt_is_letter(c) && !sd_tt_is_mark(c) && c != '-')
            break;
        pos += k;
    }
    return pos;
}

/* True when no word character follows s[pos] (a word ends there). */
static bool word_ends(const char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return true;
    uint32_t c;
    sd_tt_next(s, len, pos, &c);
    return !sd_tt_is_word(c);
}

/* True when the text at pos starts with the folded literal and a word ends after it. */
static bool starts_word(const char *s, size_t len, size_t pos, const char *lit, size_t litlen,
                        size_t *after)
{
    return sd_tt_starts(s, len, pos, lit, litlen, after) && word_ends(s, len, *after);
}

/* Counts the words (runs of letters) in s[b..e). */
static int count_words(const char *s, size_t b, size_t e)
{
    int n = 0;
    bool in = false;
    for (size_t p = b; p < e;) {
        uint32_t c;
        p += sd_tt_next(s, e, p, &c);
        bool l = sd_tt_is_letter(c) || (in && sd_tt_is_mark(c));
        if (l && !in)
            n++;
        in = l;
    }
    return n;
}

/* ASCII-only, case-insensitive: s[b..e) equals lit (lower case). */
static bool ascii_word_is(const char *s, size_t b, size_t e, const char *lit)
{
    size_t n = e - b, i = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[b + i];
        if (lit[i] == '\0' || c >= 0x80 || (char)(c >= 'A' && c <= 'Z' ? c + 32 : c) != lit[i])
            return false;
    }
    return lit[i] == '\0';
}

/* A quoted excerpt of s[b..e) for a detail (buf is at least 64 bytes). */
static const char *quote(char *buf, const char *s, size_t b, size_t e)
{
    buf[0] = '\0';
    sd_tt_excerpt(buf, 64, s, b, e, EXCERPT_BYTES);
    return buf;
}

/* Appends to r->detail, "; " between parts; a part that does not fit is cut with "…". */
static void detail(sd_tone_check_result *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void detail(sd_tone_check_result *r, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    /* The formatted text is valid UTF-8 without control characters: the quoted parts went
     * through sd_tt_excerpt, the rest is the format's own text. */
    size_t len = (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1;
    size_t have = strlen(r->detail), cap = sizeof r->detail - 1;
    if (have > 0 && have + 2 <= cap) {
        memcpy(r->detail + have, "; ", 2);
        have += 2;
    }
    if (have + len > cap) { /* cut at a character boundary and show it */
        len = cap - have >= 3 ? cap - have - 3 : 0;
        while (len > 0 && ((unsigned char)tmp[len] & 0xC0) == 0x80)
            len--;
        if (cap - have >= 3)
            memcpy(tmp + len, "\xE2\x80\xA6", 3);
        len += cap - have >= 3 ? 3 : 0;
    }
    memcpy(r->detail + have, tmp, len);
    r->detail[have + len] = '\0';
}

/* ------------------------------------------------------------------ layout */

typedef struct layout {
    span first;              /* first non-blank line, trimmed (b == e: blank reply) */
    span tail[TAIL_LINES];   /* last non-blank lines, trimmed, in text order */
    int ntail;
    size_t body_b, body_e;
    span closing;            /* the closing phrase of the sign-off block (b == e: none) */
} layout;

static const lit greeting_words[] = {L_("hej"), L_("hejsan"), L_("hallå"), L_("hi"),
                                    L_("hello"), L_("hey"), L_("dear")};

static const lit closing_phrases[] = {
    L_("vänliga hälsningar"), L_("med vänliga hälsningar"), L_("med vänlig hälsning"),
    L_("vänlig hälsning"), L_("hälsningar"), L_("mvh"), L_("m.v.h"), L_("kind regards"),
    L_("best regards"), L_("warm regards"), L_("regards"), L_("best wishes"), L_("best"),
    L_("br"), L_("cheers"), L_("sincerely"), L_("yours sincerely")};

static bool is_terminator(uint32_t c) { return c == '.' || c == '!' || c == '?'; }

/* The text at pos starts with the literal's first letter (a cheap test before comparing). */
static bool first_letter_is(const char *s, size_t len, size_t pos, const lit *l)
{
    return pos < len && ((unsigned char)s[pos] | 32) == (unsigned char)l->s[0];
}

/* True when s[b..e) has no sentence end but at its very end. */
static bool no_sentence_end(const char *s, size_t b, size_t e)
{
    sd_tt_trim(s, &b, &e);
    while (e > b && is_terminator((unsigned char)s[e - 1]))
        e--;
    for (size_t p = b; p < e; p++)
        if (is_terminator((unsigned char)s[p]))
            return false;
    return true;
}

/* A closing phrase at pos followed by at most CLOSING_MAX_WORDS words and no sentence end
 * to the end of the reply ("Best of luck!⏎Kind regards, Anna" closes at "Kind"). */
static bool closing_at(const char *s, size_t len, size_t pos, span *closing)
{
    for (size_t i = 0; i < sizeof closing_phrases / sizeof closing_phrases[0]; i++) {
        size_t after;
        const lit *p = &closing_phrases[i];
        if (first_letter_is(s, len, pos, p) && starts_word(s, len, pos, p->s, p->n, &after) &&
            count_words(s, after, len) <= CLOSING_MAX_WORDS && no_sentence_end(s, after, len)) {
            closing->b = pos;
            closing->e = after;
            return true;
        }
    }
    return false;
}

/* Finds the sign-off block in the tail lines: returns where it starts (len: none). */
static size_t find_closing(const char *s, size_t len, const layout *L, const char *signer,
                           span *closing)
{
    closing->b = closing->e = 0;
    for (int t = 0; t < L->ntail; t++) {
        span ln = L->tail[t];
        /* Candidates: the line start, and the first word after each run of . ! ? */
        size_t p = ln.b;
        while (p < ln.e) {
            if (closing_at(s, len, p, closing))
                return p;
            /* Advance to the next sentence start on this line (. ! ? are single bytes
             * that never occur inside a multi-byte sequence). */
            while (p < ln.e && !is_terminator((unsigned char)s[p]))
                p++;
            while (p < ln.e && is_terminator((unsigned char)s[p]))
                p++;
            p = skip_space(s, ln.e, p);
        }
    }
    if (L->ntail > 0) {
        span last = L->tail[L->ntail - 1];
        bool block = s[last.b] == '/' && count_words(s, last.b, last.e) <= 2;
        if (!block && signer != NULL) {
            size_t nb = 0, ne = strlen(signer);
            sd_tt_trim(signer, &nb, &ne);
            block = ne > nb && sd_tt_equal(s + last.b, last.e - last.b, signer + nb, ne - nb);
        }
        if (block) {
            *closing = last;
            return last.b;
        }
    }
    return len;
}

static void find_layout(const char *s, size_t len, const char *signer, layout *L)
{
    memset(L, 0, sizeof *L);
    bool have_first = false;
    for (size_t pos = 0; pos < len;) {
        size_t e = line_end(s, len, pos);
        size_t b = pos, t = e;
        sd_tt_trim(s, &b, &t);
        if (t > b) {
            if (!have_first) {
                L->first = (span){b, t};
                have_first = true;
            }
            if (L->ntail == TAIL_LINES) {
                memmove(&L->tail[0], &L->tail[1], (TAIL_LINES - 1) * sizeof L->tail[0]);
                L->ntail--;
            }
            L->tail[L->ntail++] = (span){b, t};
        }
        pos = line_next(s, len, e);
    }
    /* The greeting segment. */
    L->body_b = L->first.b;
    size_t w = letters_end(s, L->first.e, L->first.b);
    for (size_t i = 0; w > L->first.b && i < sizeof greeting_words / sizeof greeting_words[0]; i++) {
        const lit *g = &greeting_words[i];
        if (!sd_tt_equal(s + L->first.b, w - L->first.b, g->s, g->n))
            continue;
        size_t p = w, end = L->first.e;
        bool in_run = false;
        while (p < L->first.e) {
            uint32_t c;
            size_t k = sd_tt_next(s, L->first.e, p, &c);
            if (is_terminator(c) || c == ',' || c == ':') {
                in_run = true;
                end = p + k;
            } else if (in_run) {
                break;
            }
            p += k;
        }
        L->body_b = end;
        break;
    }
    size_t close_b = find_closing(s, len, L, signer, &L->closing);
    L->body_e = close_b < L->body_b ? L->body_b : close_b;
}

/* ------------------------------------------------------------------ the scan */

typedef struct scan {
    /* in */
    const char *s;
    size_t len;
    size_t body_b, body_e;
    const sd_lx_list *ack, *disc, *priv;
    sd_language lang;
    bool find_pnr;
    /* out: the body */
    int words, sentences, long_words;
    bool first_person, second_person;
    const sd_tt_phrase *ack_hit;
    span ack_at;
    int ack_sentence;         /* 0: the first sentence of the body */
    /* out: the whole reply */
    int letters, upper;
    bool link, shout, bangs, pnr, placeholder;
    span link_at, shout_at, bangs_at, pnr_at, placeholder_at, disc_at, priv_at;
    const sd_tt_phrase *disc_hit, *priv_hit;
    /* state */
    int caps_run;
    size_t caps_b;
    bool sentence_open;       /* the current body sentence has a word */
    span recent[3];           /* the last three words, newest last */
    int nrecent;
} scan;

static const char *const first_person[SD_LANG_COUNT][5] = {{"jag", "vi", "mig", "oss", NULL},
                                                           {"i", "we", "me", "us", NULL}};
static const char *const second_person[SD_LANG_COUNT][6] = {
    {"du", "dig", "din", "ditt", "dina", NULL}, {"you", "your", NULL}};
static const char *const negations[] = {"inte", "ej", "aldrig", "not", "never", "no", NULL};

static bool word_in(const char *s, size_t b, size_t e, const char *const *list)
{
    char first = (char)((unsigned char)s[b] | 32);
    for (; *list; list++)
        if ((*list)[0] == first && ascii_word_is(s, b, e, *list))
            return true;
    return false;
}

/* A placeholder left in capitals: XXX (or more X), NAMN, FÖRNAMN, NAME. */
static bool placeholder_word(const char *s, size_t b, size_t e)
{
    size_t n = e - b;
    if (n >= 3) {
        size_t i = 0;
        while (i < n && s[b + i] == 'X')
            i++;
        if (i == n)
            return true;
    }
    return (n == 4 && (memcmp(s + b, "NAMN", 4) == 0 || memcmp(s + b, "NAME", 4) == 0)) ||
           (n == 8 && memcmp(s + b, "F\xC3\x96RNAMN", 8) == 0);
}

static void end_word(scan *sc, size_t b, size_t e, int letters, int upper)
{
    const char *s = sc->s;
    if (b >= sc->body_b && b < sc->body_e) {
        sc->words++;
        if (letters > LONG_WORD_LETTERS)
            sc->long_words++;
        sc->sentence_open = true;
        if (letters <= 4) {
            if (word_in(s, b, e, first_person[sc->lang]))
                sc->first_person = true;
            if (word_in(s, b, e, second_person[sc->lang]))
                sc->second_person = true;
        }
    }
    if (letters >= 2) {
        if (upper == letters) {
            if (sc->caps_run++ == 0)
                sc->caps_b = b;
            if (sc->caps_run >= 3) {
                if (!sc->shout) {
                    sc->shout = true;
                    sc->shout_at.b = sc->caps_b;
                }
                if (sc->shout_at.b == sc->caps_b)
                    sc->shout_at.e = e;
            }
        } else {
            sc->caps_run = 0;
        }
    }
    if (!sc->placeholder && upper == letters && placeholder_word(s, b, e)) {
        sc->placeholder = true;
        sc->placeholder_at = (span){b, e};
    }
    if (sc->nrecent == 3) {
        sc->recent[0] = sc->recent[1];
        sc->recent[1] = sc->recent[2];
        sc->nrecent = 2;
    }
    sc->recent[sc->nrecent++] = (span){b, e};
}

/* One of the last three words is a negation ("n't" counts: the word "t" after '). */
static bool negated(const scan *sc)
{
    for (int i = 0; i < sc->nrecent; i++) {
        span w = sc->recent[i];
        if (word_in(sc->s, w.b, w.e, negations))
            return true;
        if (ascii_word_is(sc->s, w.b, w.e, "t") && w.b > 0 &&
            sd_tt_fold(sd_tt_prev(sc->s, w.b)) == '\'')
            return true;
    }
    return false;
}

/* Lexicon phrases that begin at the word start pos (first code point c). */
static void lexicon_at(scan *sc, size_t pos, uint32_t c)
{
    uint32_t f = sd_tt_fold(c);
    size_t end;
    const sd_tt_phrase *m;
    if (sc->ack && !sc->ack_hit && pos >= sc->body_b && pos < sc->body_e &&
        (m = sd_lx_match_at(sc->ack, sc->s, sc->len, pos, f, &end)) != NULL) {
        sc->ack_hit = m;
        sc->ack_at = (span){pos, end};
        sc->ack_sentence = sc->sentences;
    }
    if (sc->disc && !sc->disc_hit &&
        (m = sd_lx_match_at(sc->disc, sc->s, sc->len, pos, f, &end)) != NULL) {
        sc->disc_hit = m;
        sc->disc_at = (span){pos, end};
    }
    if (sc->priv && !sc->priv_hit &&
        (m = sd_lx_match_at(sc->priv, sc->s, sc->len, pos, f, &end)) != NULL && !negated(sc)) {
        sc->priv_hit = m;
        sc->priv_at = (span){pos, end};
    }
}

/* An http://, https:// or www. address at pos: *end is where it ends. */
static bool url_at(const char *s, size_t len, size_t pos, size_t *end)
{
    size_t p;
    if (sd_tt_starts(s, len, pos, LIT("https://"), &p) || sd_tt_starts(s, len, pos, LIT("http://"), &p)) {
        /* p is after the scheme */
    } else if (sd_tt_starts(s, len, pos, LIT("www."), &p)) {
        if (word_ends(s, len, p))
            return false;
    } else {
        return false;
    }
    size_t e = p;
    while (e < len) {
        uint32_t c;
        size_t k = sd_tt_next(s, len, e, &c);
        if (sd_tt_is_space(c))
            break;
        e += k;
    }
    while (e > p && s[e - 1] != '\0' && strchr(".,;:!?)]}'\"", s[e - 1]) != NULL)
        e--;
    if (e == p)
        return false;
    *end = e;
    return true;
}

/* A placeholder in brackets at pos: [..], {..} or <..> on one line, not empty, at most 60
 * bytes; <..> must begin with a letter. */
static bool brackets_at(const char *s, size_t len, size_t pos, size_t *end)
{
    char open = s[pos], close = open == '[' ? ']' : open == '{' ? '}' : '>';
    bool content = false;
    size_t q = pos + 1;
    for (; q < len && q <= pos + 61; q++) {
        char c = s[q];
        if (c == close)
            break;
        if (c == '\n' || c == '\r' || c == open)
            return false;
        if (c != ' ' && c != '\t')
            content = true;
    }
    if (q >= len || s[q] != close || !content)
        return false;
    if (open == '<') {
        uint32_t c;
        sd_tt_next(s, len, pos + 1, &c);
        if (!sd_tt_is_letter(c))
            return false;
    }
    *end = q + 1;
    return true;
}

static size_t digit_run(const char *s, size_t len, size_t p)
{
    size_t q = p;
    while (q < len && s[q] >= '0' && s[q] <= '9')
        q++;
    return q - p;
}

static int two_digits(const char *d) { return (d[0] - '0') * 10 + (d[1] - '0'); }

/* YYMMDD: month 01-12, day 01-31 or 61-91 (coordination number). */
static bool valid_date(const char *d)
{
    int m = two_digits(d + 2), day = two_digits(d + 4);
    return m >= 1 && m <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/* A Swedish personal identity number starting at pos (pos starts a run of digits). */
static bool pnr_at(const char *s, size_t len, size_t pos, size_t *end)
{
    size_t a = digit_run(s, len, pos), q = pos + a;
    if ((a == 6 || a == 8) && q + 5 <= len && (s[q] == '-' || s[q] == '+') &&
        digit_run(s, len, q + 1) == 4)
        *end = q + 5;
    else if (a == 12 || (a == 10 && s[pos] != '0'))
        *end = q;
    else
        return false;
    if (a == 8 || a == 12) {
        int century = two_digits(s + pos);
        return century >= 18 && century <= 20 && valid_date(s + pos + 2);
    }
    return valid_date(s + pos);
}

/* A character that is neither a letter nor inside a word. */
static void other_char(scan *sc, size_t pos, uint32_t c, uint32_t prev, size_t *bang_b)
{
    const char *s = sc->s;
    if (c == '!') {
        if (prev == '!') {
            if (!sc->bangs) {
                sc->bangs = true;
                sc->bangs_at.b = *bang_b;
            }
            if (sc->bangs_at.b == *bang_b)
                sc->bangs_at.e = pos + 1;
        } else {
            *bang_b = pos;
        }
    }
    if (is_terminator(c)) {
        bool decimal = c == '.' && sd_tt_is_digit(prev) && pos + 1 < sc->len &&
                       sd_tt_is_digit((unsigned char)s[pos + 1]);
        if (!decimal && pos >= sc->body_b && pos < sc->body_e && sc->sentence_open) {
            sc->sentences++;
            sc->sentence_open = false;
        }
    } else if (sd_tt_is_digit(c)) {
        size_t end;
        if (sc->find_pnr && !sc->pnr && !sd_tt_is_digit(prev) && pnr_at(s, sc->len, pos, &end)) {
            sc->pnr = true;
            sc->pnr_at = (span){pos, end};
        }
    } else if (c == '[' || c == '{' || c == '<') {
        size_t end;
        if (!sc->placeholder && brackets_at(s, sc->len, pos, &end)) {
            sc->placeholder = true;
            sc->placeholder_at = (span){pos, end};
        }
    }
}

static void scan_text(scan *sc)
{
    const char *s = sc->s;
    size_t len = sc->len, pos = 0, wb = 0, bang_b = 0;
    uint32_t prev = 0;
    bool in_word = false;
    int wl = 0, wu = 0;
    while (pos < len) {
        uint32_t c;
        size_t k = sd_tt_next(s, len, pos, &c);
        if (!sd_tt_is_word(prev)) {
            size_t ue;
            /* A cheap test first: "ht" or "ww". */
            char c0 = (char)(c | 32), c1 = pos + 1 < len ? (char)(s[pos + 1] | 32) : '\0';
            if (c < 0x80 && ((c0 == 'h' && c1 == 't') || (c0 == 'w' && c1 == 'w')) &&
                url_at(s, len, pos, &ue)) {
                if (!sc->link) {
                    sc->link = true;
                    sc->link_at = (span){pos, ue};
                }
                pos = ue;
                prev = '/';
                continue;
            }
            if (sd_tt_is_word(c))
                lexicon_at(sc, pos, c);
        }
        if (sd_tt_is_letter(c)) {
            if (!in_word) {
                in_word = true;
                wb = pos;
                wl = wu = 0;
            }
            wl++;
            sc->letters++;
            if (sd_tt_is_upper(c)) {
                wu++;
                sc->upper++;
            }
        } else if (!(in_word && sd_tt_is_mark(c))) {
            if (in_word) {
                end_word(sc, wb, pos, wl, wu);
                in_word = false;
            }
            other_char(sc, pos, c, prev, &bang_b);
        }
        prev = c;
        pos += k;
    }
    if (in_word)
        end_word(sc, wb, len, wl, wu);
    if (sc->sentence_open)
        sc->sentences++;
}

static double lix_of(int words, int sentences, int long_words)
{
    if (words == 0)
        return 0.0;
    return (double)words / (sentences > 0 ? sentences : 1) + 100.0 * long_words / words;
}

double sd_lix(const char *text, int *words, int *sentences, int *long_words)
{
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = text ? text : "";
    sc.len = strlen(sc.s);
    sc.body_e = sc.len;
    scan_text(&sc);
    if (words)
        *words = sc.words;
    if (sentences)
        *sentences = sc.sentences;
    if (long_words)
        *long_words = sc.long_words;
    return lix_of(sc.words, sc.sentences, sc.long_words);
}

/* ------------------------------------------------------------------ the checks */

static void not_applicable(sd_tone_check_result *r, const char *why)
{
    r->applies = false;
    r->pass = true;
    detail(r, "not applicable (%s)", why);
}

static void check_greeting(const char *s, const layout *L, const sd_tone_input *in,
                           sd_tone_check_result *r)
{
    size_t nb = 0, ne = in->to_first ? strlen(in->to_first) : 0;
    if (in->to_first)
        sd_tt_trim(in->to_first, &nb, &ne);
    if (ne == nb) {
        not_applicable(r, "no name to greet");
        return;
    }
    r->applies = true;
    const char *name = in->to_first + nb;
    size_t namelen = ne - nb;
    char qn[64], ql[64], qx[64];
    quote(qn, in->to_first, nb, ne);
    const char *word = in->lang == SD_LANG_EN ? "Hi" : "Hej";
    if (L->first.b == L->first.e) {
        detail(r, "the reply is empty, expected '%s %s!'", word, qn);
        return;
    }
    size_t fb = L->first.b, fe = L->first.e;
    size_t w = letters_end(s, fe, fb);
    bool word_ok = in->lang == SD_LANG_EN
                       ? sd_tt_equal(s + fb, w - fb, LIT("hi")) || sd_tt_equal(s + fb, w - fb, LIT("hello"))
                       : sd_tt_equal(s + fb, w - fb, LIT("hej"));
    size_t p = skip_blank(s, fe, w), after = p;
    bool name_ok = p > w && sd_tt_starts(s, fe, p, name, namelen, &after) && word_ends(s, fe, after);
    size_t q = name_ok ? skip_blank(s, fe, after) : p;
    bool bang_ok = name_ok && q < fe && s[q] == '!';
    bool alone = bang_ok && q + 1 == fe;
    quote(ql, s, fb, fe);
    if (word_ok && alone) {
        r->pass = true;
        detail(r, "'%s'", ql);
        return;
    }
    if (in->lang == SD_LANG_EN)
        word = w > fb && sd_tt_equal(s + fb, w - fb, LIT("hello")) ? "Hello" : "Hi";
    if (!word_ok) {
        detail(r, "does not begin with '%s': first line '%s', expected '%s %s!'",
               in->lang == SD_LANG_EN ? "Hi' or 'Hello" : "Hej", ql, word, qn);
    } else if (!name_ok) {
        size_t te = name_end(s, fe, p);
        if (te == p)
            detail(r, "no name: first line '%s', expected '%s %s!'", ql, word, qn);
        else
            detail(r, "greets '%s', expected '%s'", quote(qx, s, p, te), qn);
    } else if (!bang_ok) {
        detail(r, "the greeting ends with '!': first line '%s', expected '%s %s!'", ql, word, qn);
    } else {
        detail(r, "the greeting stands alone on the first line: found '%s'", ql);
    }
}

static const lit abbreviations[] = {L_("mvh"), L_("m.v.h"), L_("br"), L_("rgds")};

static void check_signoff(const char *s, size_t len, const layout *L, const sd_tone_input *in,
                          sd_tone_check_result *r)
{
    r->applies = true;
    bool en = in->lang == SD_LANG_EN;
    static const lit sv_phrases[] = {L_("vänliga hälsningar")};
    static const lit en_phrases[] = {L_("kind regards"), L_("best regards")};
    const lit *phrases = en ? en_phrases : sv_phrases;
    size_t nphrases = en ? 2 : 1;
    size_t sb = 0, se = in->signer ? strlen(in->signer) : 0;
    if (in->signer)
        sd_tt_trim(in->signer, &sb, &se);
    bool any_name = se == sb;
    char qn[64], qa[64], qb[64];
    if (any_name)
        snprintf(qn, sizeof qn, "%s", en ? "<your first name>" : "<ditt förnamn>");
    else
        quote(qn, in->signer, sb, se);
    const char *expected = en ? "Kind regards" : "Vänliga hälsningar";

    /* The end of the reply: without trailing whitespace and one final period. */
    size_t tb = 0, te = len;
    sd_tt_trim(s, &tb, &te);
    if (te > tb && s[te - 1] == '.') {
        te--;
        sd_tt_trim(s, &tb, &te);
    }
    /* The last sign-off phrase in the tail lines. */
    size_t region = L->ntail > 0 ? L->tail[0].b : len;
    span hit = {0, 0};
    bool found = false;
    for (size_t p = region; p < te; p++) {
        for (size_t i = 0; i < nphrases; i++) {
            size_t after;
            if (first_letter_is(s, te, p, &phrases[i]) && !sd_tt_is_word(sd_tt_prev(s, p)) &&
                starts_word(s, te, p, phrases[i].s, phrases[i].n, &after)) {
                hit = (span){p, after};
                found = true;
            }
        }
    }
    if (!found) {
        if (L->closing.e > L->closing.b) {
            bool abbr = false;
            for (size_t i = 0; i < sizeof abbreviations / sizeof abbreviations[0]; i++)
                abbr = abbr || sd_tt_equal(s + L->closing.b, L->closing.e - L->closing.b,
                                           abbreviations[i].s, abbreviations[i].n);
            quote(qa, s, L->closing.b, te);
            if (abbr)
                detail(r, "abbreviated sign-off '%s' does not count: end with '%s, %s'", qa,
                       expected, qn);
            else
                detail(r, "sign-off '%s' is not '%s': end with '%s, %s'", qa,
                       en ? "Kind regards' or 'Best regards" : expected, expected, qn);
        } else {
            detail(r, "no sign-off at the end: end with '%s, %s'", expected, qn);
        }
        return;
    }
    quote(qa, s, hit.b, hit.e);
    size_t p = skip_space(s, te, hit.e);
    if (p < te && (s[p] == ',' || s[p] == '/'))
        p = skip_space(s, te, p + 1);
    bool sep_ok = p > hit.e;
    if (p >= te) {
        detail(r, "no name after '%s': end with '%s, %s'", qa, expected, qn);
        return;
    }
    if (!sep_ok) {
        detail(r, "'%s' is not followed by a comma, space, slash or line break before the name: "
                  "found '%s'", qa, quote(qb, s, hit.b, te));
        return;
    }
    size_t after;
    if (any_name) {
        /* No signer given: any name of at most three words. */
        bool ok = true;
        for (size_t q = p; q < te && ok;) {
            uint32_t c;
            size_t k = sd_tt_next(s, te, q, &c);
            ok = sd_tt_is_letter(c) || sd_tt_is_mark(c) || c == '-' || sd_tt_is_space(c);
            q += k;
        }
        if (ok && count_words(s, p, te) <= 3) {
            r->pass = true;
            detail(r, "'%s'", quote(qb, s, hit.b, te));
        } else {
            detail(r, "no name after '%s': found '%s'", qa, quote(qb, s, p, te));
        }
        return;
    }
    const char *name = in->signer + sb;
    size_t namelen = se - sb;
    if (sd_tt_starts(s, te, p, name, namelen, &after) && word_ends(s, te, after)) {
        if (after == te) {
            r->pass = true;
            detail(r, "'%s'", quote(qb, s, hit.b, te));
        } else {
            detail(r, "text after the sign-off: '%s'",
                   quote(qb, s, skip_space(s, te, after), te));
        }
        return;
    }
    size_t ne = name_end(s, te, p);
    if (ne == p)
        detail(r, "no name after '%s': found '%s'", qa, quote(qb, s, p, te));
    else
        detail(r, "sign-off names '%s', expected '%s'", quote(qb, s, p, ne), qn);
}

static void check_acknowledge(const char *s, const scan *sc, const sd_tone_input *in,
                              sd_tone_check_result *r)
{
    if (in->mood != SD_MOOD_FRUSTRATED && in->mood != SD_MOOD_ANGRY) {
        char why[48];
        snprintf(why, sizeof why, "mood %s", sd_vocab_name(SD_VOCAB_MOOD, (int)in->mood));
        not_applicable(r, why);
        return;
    }
    r->applies = true;
    char q[64];
    if (sc->ack_hit && sc->ack_sentence == 0) {
        r->pass = true;
        detail(r, "'%s' in the first sentence", quote(q, s, sc->ack_at.b, sc->ack_at.e));
    } else if (sc->ack_hit) {
        detail(r, "acknowledges only later ('%s' in sentence %d): acknowledge in the first sentence",
               quote(q, s, sc->ack_at.b, sc->ack_at.e), sc->ack_sentence + 1);
    } else {
        detail(r, "no acknowledgement in the first sentence (such as %s)",
               in->lang == SD_LANG_EN ? "'I understand', 'sorry to hear'"
                                      : "'jag förstår', 'tråkigt att'");
    }
}

static void check_link(const char *s, const scan *sc, const sd_tone_input *in,
                       sd_tone_check_result *r)
{
    if (!in->expect_link) {
        not_applicable(r, "no link expected");
        return;
    }
    r->applies = true;
    char q[64];
    r->pass = sc->link;
    if (sc->link)
        detail(r, "'%s'", quote(q, s, sc->link_at.b, sc->link_at.e));
    else
        detail(r, "no link (http://, https:// or www.)");
}

static void check_courteous(const char *s, const scan *sc, sd_tone_check_result *r)
{
    r->applies = true;
    char q[64];
    bool majority = sc->letters >= 20 && 2 * sc->upper > sc->letters;
    r->pass = !sc->shout && !majority && !sc->bangs && !sc->disc_hit;
    if (r->pass) {
        detail(r, "no shouting, no '!!', no discourteous phrase");
        return;
    }
    if (sc->shout)
        detail(r, "shouting '%s'", quote(q, s, sc->shout_at.b, sc->shout_at.e));
    if (majority)
        detail(r, "%d of %d letters in capitals", sc->upper, sc->letters);
    if (sc->bangs)
        detail(r, "'%s'", quote(q, s, sc->bangs_at.b, sc->bangs_at.e));
    if (sc->disc_hit)
        detail(r, "discourteous phrase '%s'", quote(q, s, sc->disc_at.b, sc->disc_at.e));
}

static void check_private(const char *s, const scan *sc, const sd_tone_input *in,
                          sd_tone_check_result *r)
{
    if (!in->is_public) {
        not_applicable(r, "not a public reply");
        return;
    }
    r->applies = true;
    r->pass = !sc->pnr && !sc->priv_hit;
    if (r->pass) {
        detail(r, "no personal identity number, no request for personal details");
        return;
    }
    char q[64];
    if (sc->pnr) {
        /* Name it without its last four digits. */
        size_t n = sc->pnr_at.e - sc->pnr_at.b;
        snprintf(q, sizeof q, "%.*s****", (int)(n - 4), s + sc->pnr_at.b);
        detail(r, "personal identity number '%s'", q);
    }
    if (sc->priv_hit)
        detail(r, "asks for personal details in public: '%s'",
               quote(q, s, sc->priv_at.b, sc->priv_at.e));
}

void sd_tone_check_reply(const sd_lexicons *lx, const sd_tone_input *in, sd_tone_result *out)
{
    memset(out, 0, sizeof *out);
    sd_tone_input input = *in;
    if (input.text == NULL)
        input.text = "";
    if ((unsigned)input.lang >= SD_LANG_COUNT)
        input.lang = SD_LANG_SV;
    const char *s = input.text;
    size_t len = strlen(s);
    int max_words = input.max_words > 0 ? input.max_words : DEFAULT_MAX_WORDS;
    double max_lix = input.max_lix > 0 && isfinite(input.max_lix) ? input.max_lix : DEFAULT_MAX_LIX;

    layout L;
    find_layout(s, len, input.signer, &L);

    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = s;
    sc.len = len;
    sc.body_b = L.body_b;
    sc.body_e = L.body_e;
    sc.lang = input.lang;
    sc.find_pnr = input.is_public;
    if (lx) {
        const sd_lx_list *lists = lx->lists[input.lang];
        if (input.mood == SD_MOOD_FRUSTRATED || input.mood == SD_MOOD_ANGRY)
            sc.ack = &lists[SD_LX_ACKNOWLEDGE];
        sc.disc = &lists[SD_LX_DISCOURTEOUS];
        if (input.is_public)
            sc.priv = &lists[SD_LX_PRIVATE_REQUEST];
    }
    scan_text(&sc);

    out->words = sc.words;
    out->lix = lix_of(sc.words, sc.sentences, sc.long_words);
    out->signals[SD_SIGNAL_PERSONAL] = sc.first_person && sc.second_person;
    out->signals[SD_SIGNAL_TEMPLATE_UNEDITED] = sc.placeholder;

    sd_tone_check_result *r = out->checks;
    check_greeting(s, &L, &input, &r[SD_TONE_GREETING]);
    check_signoff(s, len, &L, &input, &r[SD_TONE_SIGNOFF]);
    check_acknowledge(s, &sc, &input, &r[SD_TONE_ACKNOWLEDGE]);
    check_link(s, &sc, &input, &r[SD_TONE_LINK]);

    r[SD_TONE_CONCISE].applies = true;
    r[SD_TONE_CONCISE].pass = sc.words <= max_words;
    detail(&r[SD_TONE_CONCISE], "%d word%s in the body (at most %d)", sc.words,
           sc.words == 1 ? "" : "s", max_words);

    r[SD_TONE_PLAIN_LANGUAGE].applies = true;
    r[SD_TONE_PLAIN_LANGUAGE].pass = out->lix <= max_lix;
    if (sc.words == 0)
        detail(&r[SD_TONE_PLAIN_LANGUAGE], "LIX 0 (no words in the body)");
    else
        detail(&r[SD_TONE_PLAIN_LANGUAGE],
               "LIX %.1f (at most %g): %d word%s, %d sentence%s, %d long word%s", out->lix,
               max_lix, sc.words, sc.words == 1 ? "" : "s", sc.sentences,
               sc.sentences == 1 ? "" : "s", sc.long_words, sc.long_words == 1 ? "" : "s");

    check_courteous(s, &sc, &r[SD_TONE_COURTEOUS]);
    check_private(s, &sc, &input, &r[SD_TONE_PRIVATE_DATA]);

    /* What the body says (key points, refer, channel, avoid) and its spelling. */
    sd_tone_check_content(lx, &input, s, L.body_b, L.body_e, sc.words, out);
    out->score = sd_tone_result_score(out);
}
