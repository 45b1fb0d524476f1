/* tone.c - the tone checks of one reply (tone.h): where the greeting, body and sign-off
 * are, one pass over the text that counts words, sentences, long words and capitals and
 * finds links, shouting, "!!", irony, lexicon phrases, personal identity numbers and
 * template placeholders, then the verdict of each check, the soft signals, LIX and the
 * score. Details are written in the input's language (tone_text.c holds the texts).
 *
 * Decisions where the rules leave room (docs/scoring-tone.md explains them to trainers):
 *   - The first line is the first line that is not blank, after platform mentions at its
 *     start ("@name", "@Anna Svensson"); a line of mentions alone leaves it to the next.
 *   - The greeting: a greeting word (hej, hejsan, hallå, tjena, hi, hello, hey, dear), an
 *     optional comma, an optional '@', the name, then a run of ! , . ? : after which the
 *     body begins (text may follow on the same line). Without a name right before such a
 *     run, the body begins after the first run on the line, or after the whole line. The
 *     body ends where the sign-off block starts: a closing phrase ("Vänliga hälsningar",
 *     "Mvh", "Kind regards", "Best", ...) that begins one of the last four non-blank lines
 *     or follows a sentence end on them and is followed by at most five words and no
 *     sentence end; failing that, a last line that is "/name" or the signer's name alone.
 *   - "Hej Anna!!" is a greeting; the "!!" is courteous's matter.
 *   - name: the word greeted (past words that are nobody's name: "Hej igen Maria!") is the
 *     person answered, compared without regard to case, a hyphen and a space alike; the
 *     name misspelt only in its accents ("Asa" for "Åsa") or a part of a double name is not
 *     another person. Another of the exercise's people, or a capitalised word, is.
 *   - A sentence is a stretch of text with at least one word, ended by a run of . ! ? (or
 *     an ellipsis) or by the end of the text; a '.' between two digits ends nothing.
 *   - acknowledge: the first sentence of the body (or the second, when the first is a
 *     thanks) has an acknowledging phrase that is not negated (a negation among the two
 *     words before it, or "inte" right after it), not taken back after "men"/"but" by a
 *     retract phrase, and not in a sentence with a discourteous phrase or irony.
 *   - Irony: a word in quotes after a second-person possessive ("ditt 'konstruktiva'
 *     bidrag"), "självklart..." and the like, 🙄 😏 😒; to an upset author (frustrated,
 *     angry, troll) also 😉, ";)" and "grattis".
 *   - "läs på" followed by where to read (vår, kommunens, webbplatsen, a name, an address)
 *     is "read on", not "read up".
 *   - Shouting is three or more words in capitals in a row; a comma, semicolon, slash,
 *     parenthesis or '&' breaks the row (an acronym list is no shouting).
 *   - A URL is http://, https:// or www. up to the next whitespace, less trailing
 *     . , ; : ! ? ) ] } ' " (which belong to the sentence).
 *   - Personal identity numbers: YYMMDD or YYYYMMDD (century 18-20), then '-', '+', one
 *     space or nothing, then four digits; month 01-12, day 01-31 or 61-91 (coordination
 *     number). Where the form is also something else the check digit (Luhn) must be right:
 *     YYMMDD NNNN with a space, and ten digits beginning 07 (a mobile number otherwise).
 *   - A private_request phrase does not count after a negation earlier in the same
 *     sentence (up to a "men"/"utan"/"but"), nor in a sentence that names a private
 *     channel (a private message, an e-service, "ring oss"): "skriv inte ditt personnummer
 *     här" is the advice the guideline wants; a negation in an earlier sentence excuses
 *     nothing.
 *   - plain_language: a jargon phrase in the body fails; an abbreviation of the list (in
 *     capitals) only when the text has it in capitals and does not explain it in
 *     parentheses anywhere in the reply. Under 10 words LIX is not used: such a body fails
 *     only with at least four long words making up more than two thirds of it.
 *   - A check that does not apply has pass = true and a detail saying why it does not. The
 *     content checks (answers, refer, channel, avoid, spelling) are left to the caller. */
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
    const char *nl = pos < len ? memchr(s + pos, '\n', len - pos) : NULL;
    size_t e = nl ? (size_t)(nl - s) : len;
    const char *cr = e > pos ? memchr(s + pos, '\r', e - pos) : NULL;
    return cr ? (size_t)(cr - s) : e;
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

/* Appends text[0..len) to r->detail, "; " between parts; a part that does not fit is cut
 * with "…". The text is valid UTF-8 without control characters: quoted parts went through
 * sd_tt_excerpt, the rest is a format's own text. */
static void detail_append(sd_tone_check_result *r, char *tmp, size_t len)
{
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

/* Formats fmt into dst (capacity cap, NUL-terminated, cut at cap - 1 bytes): the detail
 * formats use only %s, %d and %% (test_tone checks), and this is several times cheaper
 * than vsnprintf, which every reply would call a dozen times. Returns the length. */
static size_t format_detail(char *dst, size_t cap, const char *fmt, va_list ap)
{
    size_t n = 0;
    for (const char *f = fmt; *f; f++) {
        const char *part;
        size_t plen;
        char num[24];
        if (f[0] == '%' && f[1] == 's') {
            part = va_arg(ap, const char *);
            plen = strlen(part);
            f++;
        } else if (f[0] == '%' && f[1] == 'd') {
            int v = va_arg(ap, int);
            unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
            size_t k = sizeof num;
            do {
                num[--k] = (char)('0' + u % 10);
                u /= 10;
            } while (u > 0);
            if (v < 0)
                num[--k] = '-';
            part = num + k;
            plen = sizeof num - k;
            f++;
        } else if (f[0] == '%') {
            part = f;
            plen = 1;
            if (f[1] == '%')
                f++;
        } else { /* a run of literal text, up to the next % */
            const char *pct = strchr(f, '%');
            part = f;
            plen = pct ? (size_t)(pct - f) : strlen(f);
            f += plen - 1;
        }
        if (plen > cap - 1 - n)
            plen = cap - 1 - n;
        memcpy(dst + n, part, plen);
        n += plen;
    }
    dst[n] = '\0';
    return n;
}

/* Appends message m in lang (tone_text.c: the same conversions in every language). */
static void detail(sd_tone_check_result *r, sd_language lang, sd_tt_msg m, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, m);
    size_t n = format_detail(tmp, sizeof tmp, sd_tt_msg_format(m, lang), ap);
    va_end(ap);
    detail_append(r, tmp, n);
}

/* ------------------------------------------------------------------ layout */

typedef struct layout {
    span first;              /* first non-blank line after mentions, trimmed (b == e: blank) */
    span tail[TAIL_LINES];   /* last non-blank lines, trimmed, in text order */
    int ntail;
    size_t body_b, body_e;
    span closing;            /* the closing phrase of the sign-off block (b == e: none) */
    /* the greeting on the first line */
    bool greets;             /* the first line begins with a greeting word */
    span gword;              /* that word */
    span name;               /* the word after it ("Anna", "Anna-Karin"; b == e: none) */
} layout;

static const lit greeting_words[] = {L_("hej"), L_("hejsan"), L_("hallå"), L_("tjena"),
                                    L_("hi"), L_("hello"), L_("hey"), L_("dear")};

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

static bool is_greeting_word(const char *s, size_t b, size_t e)
{
    for (size_t i = 0; e > b && i < sizeof greeting_words / sizeof greeting_words[0]; i++)
        if (sd_tt_equal(s + b, e - b, greeting_words[i].s, greeting_words[i].n))
            return true;
    return false;
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
    /* The first letters of closing_phrases (keep in step), so that most positions are
     * passed at once. */
#define BIT(ch) (1u << ((ch) - 'a'))
    const uint32_t firsts = BIT('v') | BIT('m') | BIT('h') | BIT('k') | BIT('b') | BIT('w') |
                            BIT('r') | BIT('c') | BIT('s') | BIT('y');
#undef BIT
    unsigned f0 = pos < len ? ((unsigned char)s[pos] | 32) - 'a' : 26;
    if (f0 >= 26 || !((firsts >> f0) & 1))
        return false;
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

/* Skips platform mentions at the start of the line s[b..e): "@name", "@Anna Svensson"
 * (a capitalised word after the mention is its surname when a greeting word or the end of
 * the line follows it), and the spaces, commas and colons after them. */
static size_t skip_mentions(const char *s, size_t b, size_t e)
{
    while (b < e && s[b] == '@') {
        size_t p = b + 1;
        while (p < e) {
            uint32_t c;
            size_t k = sd_tt_next(s, e, p, &c);
            if (sd_tt_is_space(c) || c == ',' || c == ':' || c == '!')
                break;
            p += k;
        }
        size_t q = skip_blank(s, e, p);
        uint32_t c = 0;
        if (q < e)
            sd_tt_next(s, e, q, &c);
        if (q > p && sd_tt_is_upper(c)) {
            size_t we = name_end(s, e, q);
            size_t r = skip_blank(s, e, we);
            size_t re = letters_end(s, e, r);
            if (!is_greeting_word(s, q, we) && (r == e || is_greeting_word(s, r, re)))
                p = we;
        }
        while (p < e) {
            uint32_t d;
            size_t k = sd_tt_next(s, e, p, &d);
            if (!sd_tt_is_space(d) && d != ',' && d != ':')
                break;
            p += k;
        }
        b = p;
    }
    return b;
}

/* The end of the run of ! , . ? : starting at p (p: none). */
static size_t mark_run_end(const char *s, size_t e, size_t p)
{
    while (p < e && (is_terminator((unsigned char)s[p]) || s[p] == ',' || s[p] == ':'))
        p++;
    return p;
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
                /* Mentions alone on a line leave the greeting to the next line. */
                size_t m = skip_mentions(s, b, t);
                if (m < t) {
                    L->first = (span){m, t};
                    have_first = true;
                }
            }
            if (L->ntail == TAIL_LINES) {
                memmove(&L->tail[0], &L->tail[1], (TAIL_LINES - 1) * sizeof L->tail[0]);
                L->ntail--;
            }
            L->tail[L->ntail++] = (span){b, t};
        }
        pos = line_next(s, len, e);
    }
    /* The greeting: a greeting word, an optional comma, an optional '@', the name, then a
     * run of ! , . ? : after which the body begins. Without a name right before the run,
     * the body begins after the first run on the line (or after the whole line). */
    size_t fb = L->first.b, fe = L->first.e;
    L->body_b = fb;
    size_t w = letters_end(s, fe, fb);
    if (w > fb && is_greeting_word(s, fb, w)) {
        L->greets = true;
        L->gword = (span){fb, w};
        size_t p = skip_blank(s, fe, w);
        if (p < fe && s[p] == ',')
            p = skip_blank(s, fe, p + 1);
        if (p < fe && s[p] == '@')
            p++;
        size_t ne = name_end(s, fe, p);
        while (ne > p && s[ne - 1] == '-')
            ne--;
        if (ne > p)
            L->name = (span){p, ne};
        size_t q = ne > p ? skip_blank(s, fe, ne) : p;
        size_t run = mark_run_end(s, fe, q);
        if (run > q) {
            L->body_b = run;
        } else {
            size_t end = fe;
            for (size_t r = w; r < fe; r++) {
                size_t re = mark_run_end(s, fe, r);
                if (re > r) {
                    end = re;
                    break;
                }
            }
            L->body_b = end;
        }
    }
    size_t close_b = find_closing(s, len, L, signer, &L->closing);
    L->body_e = close_b < L->body_b ? L->body_b : close_b;
}

/* ------------------------------------------------------------------ the scan */

/* What the acknowledge check needs to know of one of the body's first two sentences. */
typedef struct ack_sentence {
    const sd_tt_phrase *hit;  /* the first acknowledging phrase not negated */
    span at;
    span negated_at;          /* the first negated one (b == e: none) */
    bool but;                 /* "men"/"but" came after the hit */
    int voided;               /* 0, VOID_RETRACT (a retract phrase after "men") or
                                 VOID_IRONY (discourteous or ironic in the sentence) */
    span void_at;
} ack_sentence;

enum { VOID_RETRACT = 1, VOID_IRONY = 2 };

typedef struct scan {
    /* in */
    const char *s;
    size_t len;
    size_t body_b, body_e;
    const sd_lx_list *ack, *disc, *priv, *jargon, *retract;
    const sd_lx_list *any;   /* the union of the filters of all lists (NULL: no lists) */
    sd_language lang;
    bool find_pnr;
    bool upset;               /* the author is frustrated, angry or a troll */
    /* out: the body */
    int words, sentences, long_words;
    bool first_person, second_person;
    ack_sentence acks[2];     /* the body's first two sentences */
    bool thanks_first;        /* the body's first sentence begins with "tack"/"thank(s)" */
    const sd_tt_phrase *ack_later;
    span ack_later_at;
    int ack_later_sentence;
    const sd_tt_phrase *jargon_hit;
    span jargon_at;
    bool jargon_abbr;
    /* out: the whole reply */
    int letters, upper;
    bool link, shout, bangs, pnr, placeholder, irony;
    span link_at, shout_at, bangs_at, pnr_at, placeholder_at, disc_at, priv_at, irony_at;
    const sd_tt_phrase *disc_hit, *priv_hit;
    /* state */
    int caps_run;
    size_t caps_b;
    bool sentence_open;       /* the current body sentence has a word */
    bool sentence_negated;    /* a negation since the sentence began (or the last "men") */
    size_t sentence_b;        /* where the current sentence began */
    span recent[3];           /* the last three words of this sentence, newest last */
    int nrecent;
} scan;

static const char *const first_person[SD_LANG_COUNT][5] = {{"jag", "vi", "mig", "oss", NULL},
                                                           {"i", "we", "me", "us", NULL}};
static const char *const second_person[SD_LANG_COUNT][6] = {
    {"du", "dig", "din", "ditt", "dina", NULL}, {"you", "your", NULL}};
/* Negations (both languages: a Swedish reply may quote English and the reverse). */
static const char *const negations[] = {"inte", "ej", "icke", "aldrig", "inga", "inget",
                                        "ingen", "not", "never", "no", "cannot", NULL};
/* Negations that make an acknowledging phrase right after them say nothing ("I don't
 * understand", "det är inte förståeligt"). */
static const char *const ack_negations[] = {"inte", "ej", "icke", "aldrig", "not", "never",
                                            "cannot", NULL};
/* Words that end the reach of a negation in the same sentence. */
static const char *const contrasts[] = {"men", "utan", "but", NULL};
/* Second-person possessives before a word in scare quotes ("ditt 'konstruktiva' bidrag"). */
static const char *const possessives[] = {"din", "ditt", "dina", "er", "ert", "era", "your",
                                          NULL};
/* Words that, followed directly by "..." or "…", read as sarcasm ("Ja, självklart..."). */
static const char *const sarcastic_before_ellipsis[] = {
    "självklart", "visst", "javisst", "absolut", "givetvis", "precis", "säkert", "jättebra",
    "toppen", "course", "sure", "obviously", "right", "totally", "definitely", "great", NULL};
/* Words that are sarcastic to an upset author ("Grattis." to a complaint). */
static const char *const sarcastic_to_upset[] = {"grattis", "congratulations", "congrats",
                                                 NULL};

static bool word_in(const char *s, size_t b, size_t e, const char *const *list)
{
    char first = (char)((unsigned char)s[b] | 32);
    for (; *list; list++)
        if ((*list)[0] == first && ascii_word_is(s, b, e, *list))
            return true;
    return false;
}

/* Like word_in, for lists with non-ASCII words (folded comparison; the lists' words begin
 * with a lower-case letter or a digit, compared first). */
static bool word_in_folded(const char *s, size_t b, size_t e, const char *const *list)
{
    unsigned char f = (unsigned char)s[b];
    if (f >= 'A' && f <= 'Z')
        f = (unsigned char)(f + 32);
    for (; *list; list++) {
        unsigned char g = (unsigned char)(*list)[0];
        if ((g < 0x80 && f < 0x80 && g != f) || (g < 0x80) != (f < 0x80))
            continue;
        if (sd_tt_equal(s + b, e - b, *list, strlen(*list)))
            return true;
    }
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

static bool in_body(const scan *sc, size_t pos) { return pos >= sc->body_b && pos < sc->body_e; }

/* The first two body sentences are the ones acknowledge looks at. */
static ack_sentence *current_ack(scan *sc, size_t pos)
{
    return in_body(sc, pos) && sc->sentences < 2 ? &sc->acks[sc->sentences] : NULL;
}

static void mark_irony(scan *sc, size_t b, size_t e)
{
    if (!sc->irony) {
        sc->irony = true;
        sc->irony_at = (span){b, e};
    }
    ack_sentence *a = current_ack(sc, b);
    if (a && !a->voided) {
        a->voided = VOID_IRONY;
        a->void_at = (span){b, e};
    }
}

/* One of the last two words of this sentence is a negation ("n't" counts: the word "t"
 * after '). */
static bool negated_before(const scan *sc)
{
    for (int i = sc->nrecent > 2 ? sc->nrecent - 2 : 0; i < sc->nrecent; i++) {
        span w = sc->recent[i];
        if (word_in(sc->s, w.b, w.e, ack_negations))
            return true;
        if (ascii_word_is(sc->s, w.b, w.e, "t") && w.b > 0 &&
            sd_tt_fold(sd_tt_prev(sc->s, w.b)) == '\'')
            return true;
    }
    return false;
}

static void end_word(scan *sc, size_t b, size_t e, int letters, int upper)
{
    const char *s = sc->s;
    bool body = in_body(sc, b);
    if (body) {
        if (!sc->sentence_open)
            sc->sentence_b = b;
        if (sc->words == 0 && (ascii_word_is(s, b, e, "tack") || ascii_word_is(s, b, e, "thank") ||
                               ascii_word_is(s, b, e, "thanks")))
            sc->thanks_first = true;
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
    /* First letters of the negations and contrasts, so that most words are passed at once. */
#define BIT(ch) (1u << ((ch) - 'a'))
    const uint32_t neg_letters = BIT('i') | BIT('e') | BIT('a') | BIT('n') | BIT('c') |
                                 BIT('m') | BIT('u') | BIT('b') | BIT('t');
#undef BIT
    unsigned f0 = ((unsigned char)s[b] | 32) - 'a';
    if (letters <= 7 && f0 < 26 && ((neg_letters >> f0) & 1)) {
        if (word_in(s, b, e, negations)) {
            sc->sentence_negated = true;
        } else if (word_in(s, b, e, contrasts)) {
            sc->sentence_negated = false;
            ack_sentence *a = current_ack(sc, b);
            if (a && a->hit)
                a->but = true;
        } else if (ascii_word_is(s, b, e, "t") && b > 0 && sd_tt_fold(sd_tt_prev(s, b)) == '\'') {
            sc->sentence_negated = true;
        }
    }
    if (sc->upset && body && ((s[b] | 32) == 'g' || (s[b] | 32) == 'c') &&
        word_in(s, b, e, sarcastic_to_upset))
        mark_irony(sc, b, e);
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

/* The word that starts at or after pos on the same line (after spaces): [*b, *e). */
static bool next_word(const char *s, size_t len, size_t pos, size_t *b, size_t *e)
{
    size_t p = skip_blank(s, len, pos);
    size_t q = letters_end(s, len, p);
    *b = p;
    *e = q;
    return q > p;
}

/* "läs på" followed by where to read ("Läs på vår webbplats", "läs på Trafikverkets
 * webbplats", "läs på www.stockholm.se") means "read on", not "read up". */
static const char *const read_on_places[] = {
    "vår", "våra", "vårt", "kommunens", "stadens", "regionens", "länsstyrelsens", "skolans",
    "förskolans", "webbplatsen", "webbsidan", "hemsidan", "sidan", "länken", "skylten",
    "anslagstavlan", "tavlan", "appen", "1177", NULL};

static bool read_on(const scan *sc, size_t end)
{
    const char *s = sc->s;
    size_t p = skip_space(s, sc->len, end), b, e;
    if (p >= sc->len)
        return false;
    size_t ue;
    if (sd_tt_starts(s, sc->len, p, LIT("http"), &ue) || sd_tt_starts(s, sc->len, p, LIT("www."), &ue))
        return true;
    if (sd_tt_is_digit((unsigned char)s[p]))
        return s[p] == '1' && sd_tt_starts(s, sc->len, p, LIT("1177"), &ue);
    if (!next_word(s, sc->len, p, &b, &e))
        return false;
    uint32_t c;
    sd_tt_next(s, sc->len, b, &c);
    if (sd_tt_is_upper(c))
        return true; /* a name: "Läs på Krisinformation.se", "Läs på Trafikverkets …" */
    if (e + 1 < sc->len && s[e] == '.' && sd_tt_is_letter((unsigned char)s[e + 1]))
        return true; /* a domain: "läs på krisinformation.se" */
    return word_in_folded(s, b, e, read_on_places);
}

/* The phrase is "läs på". */
static bool is_read_up(const sd_tt_phrase *m)
{
    static const uint32_t cp[] = {'l', 0xE4, 's', ' ', 'p', 0xE5};
    return m->n == 6 && memcmp(m->cp, cp, sizeof cp) == 0;
}

/* Abbreviation entries (written in capitals in the list) match text in capitals only. */
static bool phrase_is_abbreviation(const sd_tt_phrase *p)
{
    bool any = false;
    for (const char *t = p->text; *t; t++) {
        unsigned char c = (unsigned char)*t;
        if (c >= 'a' && c <= 'z')
            return false;
        if (c >= 'A' && c <= 'Z')
            any = true;
        if (c == 0xC3 && t[1] && (unsigned char)t[1] >= 0xA0) /* à..ÿ: lower case */
            return false;
    }
    return any;
}

static bool all_capitals(const char *s, size_t b, size_t e)
{
    for (size_t p = b; p < e;) {
        uint32_t c;
        p += sd_tt_next(s, e, p, &c);
        if (sd_tt_is_letter(c) && !sd_tt_is_upper(c))
            return false;
    }
    return true;
}

/* The abbreviation s[b..e) is explained somewhere in the reply: "(KS)" after the full name,
 * or "KS (" followed by it. */
static bool abbreviation_explained(const char *s, size_t len, size_t b, size_t e)
{
    size_t n = e - b;
    for (size_t p = 0; p + n <= len; p++) {
        if (s[p] != s[b] || memcmp(s + p, s + b, n) != 0)
            continue;
        if (p > 0 && s[p - 1] == '(' && p + n < len && s[p + n] == ')')
            return true;
        size_t q = skip_blank(s, len, p + n);
        if (q + 1 < len && s[q] == '(' && (p == 0 || !sd_tt_is_word(sd_tt_prev(s, p))) &&
            word_ends(s, len, p + n)) {
            uint32_t c;
            sd_tt_next(s, len, q + 1, &c);
            if (sd_tt_is_letter(c) && !(q + 1 + n <= len && memcmp(s + q + 1, s + b, n) == 0))
                return true;
        }
    }
    return false;
}

/* The sentence around s[pos..end) names a private channel: the request is for a private
 * message, a phone call or an e-service, not for the comment field. */
static const lit private_channels[] = {
    L_("privat"), L_("privata"), L_("pm"), L_("dm"), L_("direktmeddelande"), L_("inkorg"),
    L_("e-tjänst"), L_("etjänst"), L_("kontaktformulär"), L_("ring oss"), L_("ringa oss"),
    L_("ring kontaktcenter"), L_("mejla oss"), L_("mejla till"), L_("e-post till"),
    L_("private message"), L_("direct message"), L_("privately"), L_("in private"),
    L_("inbox"), L_("e-service"), L_("contact form"), L_("online form"), L_("call us"),
    L_("phone us"), L_("email us"), L_("e-mail us")};

static bool private_channel_near(const scan *sc, size_t pos)
{
    const char *s = sc->s;
    size_t b = sc->sentence_open ? sc->sentence_b : pos, e = pos;
    /* to the end of the sentence, at most 300 bytes on */
    while (e < sc->len && e < pos + 300 && !is_terminator((unsigned char)s[e]))
        e++;
    for (size_t p = b; p < e; p++) {
        if (p > b && sd_tt_is_word(sd_tt_prev(s, p)))
            continue;
        for (size_t i = 0; i < sizeof private_channels / sizeof private_channels[0]; i++) {
            size_t after;
            const lit *l = &private_channels[i];
            if (first_letter_is(s, e, p, l) && sd_tt_starts(s, e, p, l->s, l->n, &after) &&
                (l->n > 6 || word_ends(s, e, after)))
                return true;
        }
    }
    return false;
}

/* Lexicon phrases that begin at the word start pos (first code point c). */
static void lexicon_at(scan *sc, size_t pos, uint32_t c, const sd_lx_keys *kp)
{
    uint32_t f = sd_tt_fold(c);
    size_t end;
    const sd_tt_phrase *m;
    sd_tt_window win;
    sd_tt_window_init(&win, sc->s, sc->len, pos);
    const sd_lx_keys keys = *kp;
    ack_sentence *a = current_ack(sc, pos);
    if (sc->ack && in_body(sc, pos) &&
        sd_lx_may_start(sc->ack, &keys) && (m = sd_tt_window_match(sc->ack, &win, f, &end)) != NULL) {
        size_t nb, ne;
        bool neg = negated_before(sc) ||
                   (next_word(sc->s, sc->len, end, &nb, &ne) &&
                    (ascii_word_is(sc->s, nb, ne, "inte") || ascii_word_is(sc->s, nb, ne, "ej") ||
                     ascii_word_is(sc->s, nb, ne, "icke")));
        if (a && neg && a->negated_at.b == a->negated_at.e)
            a->negated_at = (span){pos, end};
        if (a && !neg && !a->hit) {
            a->hit = m;
            a->at = (span){pos, end};
        }
        if (!neg && !a && !sc->ack_later) {
            sc->ack_later = m;
            sc->ack_later_at = (span){pos, end};
            sc->ack_later_sentence = sc->sentences;
        }
    }
    if (sc->retract && a && a->but && !a->voided &&
        sd_lx_may_start(sc->retract, &keys) && (m = sd_tt_window_match(sc->retract, &win, f, &end)) != NULL) {
        a->voided = VOID_RETRACT;
        a->void_at = (span){pos, end};
    }
    if (sc->disc && (!sc->disc_hit || (a && !a->voided)) &&
        sd_lx_may_start(sc->disc, &keys) && (m = sd_tt_window_match(sc->disc, &win, f, &end)) != NULL &&
        !(is_read_up(m) && read_on(sc, end))) {
        if (!sc->disc_hit) {
            sc->disc_hit = m;
            sc->disc_at = (span){pos, end};
        }
        if (a && !a->voided) {
            a->voided = a->but ? VOID_RETRACT : VOID_IRONY;
            a->void_at = (span){pos, end};
        }
    }
    if (sc->priv && !sc->priv_hit &&
        sd_lx_may_start(sc->priv, &keys) && (m = sd_tt_window_match(sc->priv, &win, f, &end)) != NULL &&
        !sc->sentence_negated && !private_channel_near(sc, pos)) {
        sc->priv_hit = m;
        sc->priv_at = (span){pos, end};
    }
    if (sc->jargon && !sc->jargon_hit && in_body(sc, pos) &&
        sd_lx_may_start(sc->jargon, &keys) && (m = sd_tt_window_match(sc->jargon, &win, f, &end)) != NULL) {
        bool abbr = phrase_is_abbreviation(m);
        if (!abbr || (all_capitals(sc->s, pos, end) &&
                      !abbreviation_explained(sc->s, sc->len, pos, end))) {
            sc->jargon_hit = m;
            sc->jargon_at = (span){pos, end};
            sc->jargon_abbr = abbr;
        }
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

/* The Luhn check digit of YYMMDDNNNN (the ten digits of d, a separator at d[sep] skipped
 * when sep > 0). */
static bool luhn_ok(const char *d, size_t sep)
{
    int sum = 0;
    for (size_t i = 0, k = 0; k < 10; i++) {
        if (sep > 0 && i == sep)
            continue;
        int v = (d[i] - '0') * (k % 2 == 0 ? 2 : 1);
        sum += v / 10 + v % 10;
        k++;
    }
    return sum % 10 == 0;
}

/* A Swedish personal identity number starting at pos (pos starts a run of digits):
 * YYMMDD or YYYYMMDD, then '-', '+', one space or nothing, then four digits. */
static bool pnr_at(const char *s, size_t len, size_t pos, size_t *end)
{
    size_t a = digit_run(s, len, pos), q = pos + a;
    size_t date = a == 8 || a == 12 ? pos + 2 : pos;
    if (a == 6 || a == 8) {
        if (q + 5 > len || digit_run(s, len, q + 1) != 4)
            return false;
        if (s[q] == ' ') {
            /* "900101 2385": the check digit too, so that "240506 1430" is no number */
            if (a == 6 && !luhn_ok(s + pos, 6))
                return false;
        } else if (s[q] != '-' && s[q] != '+') {
            return false;
        }
        *end = q + 5;
    } else if (a == 10 || a == 12) {
        *end = q;
        /* Ten digits beginning 07 are taken for a mobile number unless the check digit is
         * right ("0701012387" is a personal identity number, "0701740605" a phone). */
        if (a == 10 && s[pos] == '0' && s[pos + 1] == '7' && !luhn_ok(s + pos, 0))
            return false;
    } else {
        return false;
    }
    if (a == 8 || a == 12) {
        int century = two_digits(s + pos);
        if (century < 18 || century > 20)
            return false;
    }
    return valid_date(s + date);
}

/* At an opening quote after a second-person possessive: one to three words in quotes
 * ("tack för ditt 'konstruktiva' bidrag") read as irony. */
static bool is_quote(uint32_t c)
{
    return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB ||
           c == 0x2018 || c == 0x2019 || c == 0x201E;
}

static void scare_quotes_at(scan *sc, size_t pos, size_t k)
{
    if (sc->nrecent == 0)
        return;
    span w = sc->recent[sc->nrecent - 1];
    const char *s = sc->s;
    if (skip_blank(s, pos, w.e) != pos || pos == w.e || !word_in(s, w.b, w.e, possessives))
        return;
    int words = 0;
    bool in = false;
    for (size_t p = pos + k; p < sc->len && p < pos + 60;) {
        uint32_t c;
        size_t n = sd_tt_next(s, sc->len, p, &c);
        if (is_quote(c)) {
            if (words >= 1 && words <= 3 && in && word_ends(s, sc->len, p + n))
                mark_irony(sc, w.b, p + n);
            return;
        }
        if (sd_tt_is_letter(c) || sd_tt_is_mark(c) || c == '-') {
            if (!in)
                words++;
            in = true;
        } else if (c == ' ') {
            in = false;
        } else {
            return;
        }
        p += n;
    }
}

/* A character that is neither a letter nor inside a word. */
static void other_char(scan *sc, size_t pos, size_t k, uint32_t c, uint32_t prev, size_t *bang_b)
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
    if (is_terminator(c) || c == 0x2026) {
        bool decimal = c == '.' && sd_tt_is_digit(prev) && pos + 1 < sc->len &&
                       sd_tt_is_digit((unsigned char)s[pos + 1]);
        if (!decimal) {
            bool ellipsis = c == 0x2026 || (c == '.' && prev != '.' && pos + 2 < sc->len &&
                                            s[pos + 1] == '.' && s[pos + 2] == '.');
            if (ellipsis && sc->nrecent > 0 && sc->recent[sc->nrecent - 1].e == pos &&
                word_in_folded(s, sc->recent[sc->nrecent - 1].b, pos, sarcastic_before_ellipsis))
                mark_irony(sc, sc->recent[sc->nrecent - 1].b, pos + (c == 0x2026 ? 3 : 3));
            if (pos >= sc->body_b && pos < sc->body_e && sc->sentence_open) {
                sc->sentences++;
                sc->sentence_open = false;
            }
            sc->nrecent = 0;
            sc->sentence_negated = false;
        }
    } else if (sd_tt_is_digit(c)) {
        size_t end;
        if (sc->find_pnr && !sc->pnr && !sd_tt_is_digit(prev) && prev != '+' &&
            pnr_at(s, sc->len, pos, &end)) {
            sc->pnr = true;
            sc->pnr_at = (span){pos, end};
        }
    } else if (c == '[' || c == '{' || c == '<') {
        size_t end;
        if (!sc->placeholder && brackets_at(s, sc->len, pos, &end)) {
            sc->placeholder = true;
            sc->placeholder_at = (span){pos, end};
        }
        sc->caps_run = 0;
    } else if (c == ',' || c == ';' || c == '/' || c == '(' || c == ')' || c == '&') {
        /* An acronym list ("SMHI, MSB och SOS Alarm") is not shouting. */
        sc->caps_run = 0;
        if (c == ';' && sc->upset && pos + 1 < sc->len &&
            (s[pos + 1] == ')' || (s[pos + 1] == '-' && pos + 2 < sc->len && s[pos + 2] == ')')))
            mark_irony(sc, pos, pos + (s[pos + 1] == ')' ? 2 : 3));
    } else if (is_quote(c) && !sd_tt_is_word(prev)) {
        scare_quotes_at(sc, pos, k);
    } else if (c >= 0x1F609 && c <= 0x1F644) {
        /* 😏 😒 🙄 always; 😉 to an upset author */
        if (c == 0x1F60F || c == 0x1F612 || c == 0x1F644 || (c == 0x1F609 && sc->upset))
            mark_irony(sc, pos, pos + k);
    }
}

/* The scan: one pass over the code points. Lexicon phrases are looked for at the start of
 * each run of word characters, once the run is read (its hash is the lists' filter key),
 * before the word it holds is counted. */
static void scan_text(scan *sc)
{
    const char *s = sc->s;
    size_t len = sc->len, pos = 0, wb = 0, bang_b = 0, run_b = 0;
    uint32_t prev = 0, run_c = 0, h = 0;
    bool in_word = false, in_run = false, prev_word = false;
    int wl = 0, wu = 0, hn = 0;
    sd_lx_keys keys;
    while (pos < len) {
        uint32_t c;
        size_t k = sd_tt_next(s, len, pos, &c);
        bool word = sd_tt_is_word(c);
        if (in_run && !word) {
            keys.word = h >> 5;
            keys.nstart = hn < SD_LX_START ? hn : SD_LX_START;
            if (sc->any && sd_lx_may_start(sc->any, &keys))
                lexicon_at(sc, run_b, run_c, &keys);
            in_run = false;
        }
        if (!prev_word) {
            size_t ue;
            /* A cheap test first: "ht" or "ww". */
            char c0 = (char)(c | 32), c1 = pos + 1 < len ? (char)(s[pos + 1] | 32) : '\0';
            if (c < 0x80 && ((c0 == 'h' && c1 == 't') || (c0 == 'w' && c1 == 'w')) &&
                url_at(s, len, pos, &ue)) {
                if (!sc->link) {
                    sc->link = true;
                    sc->link_at = (span){pos, ue};
                }
                if (in_word) {
                    end_word(sc, wb, pos, wl, wu);
                    in_word = false;
                }
                pos = ue;
                prev = '/';
                prev_word = false;
                continue;
            }
            if (word) {
                in_run = true;
                run_b = pos;
                run_c = c;
                h = SD_LX_HASH_INIT;
                hn = 0;
            }
        }
        if (word) {
            h = sd_lx_hash(h, sd_tt_fold(c));
            if (hn < SD_LX_START)
                keys.start[hn] = h ^ (uint32_t)(hn + 1);
            hn++;
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
            other_char(sc, pos, k, c, prev, &bang_b);
        }
        prev = c;
        prev_word = word;
        pos += k;
    }
    if (in_run) {
        keys.word = h >> 5;
        keys.nstart = hn < SD_LX_START ? hn : SD_LX_START;
        if (sc->any && sd_lx_may_start(sc->any, &keys))
            lexicon_at(sc, run_b, run_c, &keys);
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

/* A check that does not apply: pass, and "not applicable (why)"; why is a message with one
 * %s filled by arg, or none (arg NULL). Built without printf: every reply has several. */
static void not_applicable(sd_tone_check_result *r, sd_language lang, sd_tt_msg why,
                           const char *arg)
{
    r->applies = false;
    r->pass = true;
    const char *na = sd_tt_msg_format(SD_TM_NA, lang), *reason = sd_tt_msg_format(why, lang);
    const char *hole = strstr(na, "%s");
    char buf[sizeof r->detail];
    size_t n = 0;
    /* the parts: na before %s, reason (with arg in its %s), na after %s */
    const char *parts[5];
    size_t lens[5], np = 0;
    parts[np] = na;
    lens[np++] = (size_t)(hole - na);
    const char *rh = arg ? strstr(reason, "%s") : NULL;
    if (rh) {
        parts[np] = reason;
        lens[np++] = (size_t)(rh - reason);
        parts[np] = arg;
        lens[np++] = strlen(arg);
        parts[np] = rh + 2;
        lens[np++] = strlen(rh + 2);
    } else {
        parts[np] = reason;
        lens[np++] = strlen(reason);
    }
    for (size_t i = 0; i < np; i++) {
        size_t k = lens[i] < sizeof buf - 1 - n ? lens[i] : sizeof buf - 1 - n;
        memcpy(buf + n, parts[i], k);
        n += k;
    }
    size_t tail = strlen(hole + 2);
    if (tail > sizeof buf - 1 - n)
        tail = sizeof buf - 1 - n;
    memcpy(buf + n, hole + 2, tail);
    n += tail;
    buf[n] = '\0';
    r->detail[0] = '\0';
    detail_append(r, buf, n);
}

/* A letter without its accent, folded: "Å" -> 'a', "é" -> 'e' (Latin-1 only). */
static uint32_t strip_accent(uint32_t c)
{
    c = sd_tt_fold(c);
    if (c < 0xE0 || c > 0xFF)
        return c;
    static const char base[] = "aaaaaaaceeeeiiii" /* E0..EF */
                               "donooooo\0ouuuuyty"; /* F0..FF */
    char b = base[c - 0xE0];
    return b ? (uint32_t)(unsigned char)b : c;
}

/* The name name[0..nlen) at s[pos] (up to e): letters compared folded (and without accents
 * when strip), a hyphen or space in the name matching a hyphen or spaces in the text. True
 * when it matches and a word ends after it; *after is where. */
static bool name_at(const char *s, size_t e, size_t pos, const char *name, size_t nlen,
                    bool strip, size_t *after)
{
    size_t i = 0;
    while (i < nlen) {
        uint32_t a, b;
        size_t kb = sd_tt_next(name, nlen, i, &b);
        if (b == '-' || sd_tt_is_space(b)) {
            if (pos >= e)
                return false;
            size_t q = pos < e && s[pos] == '-' ? pos + 1 : skip_blank(s, e, pos);
            if (q == pos)
                return false;
            pos = q;
            i += kb;
            while (i < nlen && (name[i] == '-' || name[i] == ' '))
                i++;
            continue;
        }
        if (pos >= e)
            return false;
        size_t ka = sd_tt_next(s, e, pos, &a);
        if (strip ? strip_accent(a) != strip_accent(b) : sd_tt_fold(a) != sd_tt_fold(b))
            return false;
        pos += ka;
        i += kb;
    }
    if (!word_ends(s, e, pos) || (pos < e && s[pos] == '-'))
        return false;
    *after = pos;
    return true;
}

/* The name without surrounding spaces: in[*b..*e). False when there is none. */
static bool trimmed(const char *name, size_t *b, size_t *e)
{
    *b = 0;
    *e = name ? strlen(name) : 0;
    if (name)
        sd_tt_trim(name, b, e);
    return *e > *b;
}

static bool handle_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.';
}

/* The greeting word at s[fb..fe) ("Hej"; "Hi" or "Hello"): true when it is one; *w is
 * where its letters end, *word the word a suggestion uses. */
static bool greeting_word(const char *s, size_t fb, size_t fe, bool en, size_t *w,
                          const char **word)
{
    *w = letters_end(s, fe, fb);
    size_t n = *w - fb;
    bool hello = en && sd_tt_equal(s + fb, n, LIT("hello"));
    *word = en ? (hello ? "Hello" : "Hi") : "Hej";
    return en ? hello || sd_tt_equal(s + fb, n, LIT("hi")) : sd_tt_equal(s + fb, n, LIT("hej"));
}

/* A greeting that passes: quotes it up to its exclamation marks (from e). */
static void greeting_passed(sd_tone_check_result *r, sd_language lang, const char *s, size_t fb,
                            size_t fe, size_t e)
{
    char qx[64];
    r->pass = true;
    while (e < fe && s[e] == '!')
        e++;
    detail(r, lang, SD_TM_QUOTED, quote(qx, s, fb, e));
}

/* The greeting to someone known by a handle alone (no first name to greet): "Hej!" or
 * "Hej @handle!" ("Hej handle!" too; the handle compared without regard to ASCII case).
 * Greeting them by a name is greeting somebody else. */
static void check_greeting_handle(const char *s, const layout *L, const sd_tone_input *in,
                                  sd_tone_check_result *r)
{
    sd_language lang = in->lang;
    r->applies = true;
    char at[80], qn[64], ql[64], qx[64];
    snprintf(at, sizeof at, "@%s", in->to_handle[0] == '@' ? in->to_handle + 1 : in->to_handle);
    quote(qn, at, 0, strlen(at));
    bool en = lang == SD_LANG_EN;
    const char *word = en ? "Hi" : "Hej";
    if (L->first.b == L->first.e) {
        detail(r, lang, SD_TM_G_EMPTY, word, qn);
        return;
    }
    size_t fb = L->first.b, fe = L->first.e, w;
    bool word_ok = greeting_word(s, fb, fe, en, &w, &word);
    size_t p = skip_blank(s, fe, w);
    bool bang = p < fe && s[p] == '!';          /* "Hej!" */
    size_t q = p < fe && s[p] == '@' ? p + 1 : p, hl = strlen(at + 1);
    bool handle = q + hl <= fe && hl > 0 && (q + hl == fe || !handle_char(s[q + hl]));
    for (size_t k = 0; handle && k < hl; k++) {
        char a = s[q + k], b = at[1 + k];
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
        handle = a == b;
    }
    size_t after = handle ? skip_blank(s, fe, q + hl) : p;
    bool handle_bang = handle && after < fe && s[after] == '!'; /* "Hej @lenah_82!" */
    quote(ql, s, fb, fe);
    if (word_ok && (bang || handle_bang)) {
        greeting_passed(r, lang, s, fb, fe, bang ? p : after);
        return;
    }
    if (!word_ok)
        detail(r, lang, SD_TM_G_WORD, en ? "Hi' or 'Hello" : "Hej", ql, word, qn);
    else if (!handle && L->name.e > L->name.b)
        detail(r, lang, SD_TM_G_OTHER, quote(qx, s, L->name.b, L->name.e), qn);
    else
        detail(r, lang, SD_TM_G_BANG, ql, word, qn);
}

static void check_greeting(const char *s, const layout *L, const sd_tone_input *in,
                           sd_tone_check_result *r)
{
    sd_language lang = in->lang;
    size_t nb, ne;
    if (!trimmed(in->to_first, &nb, &ne) && in->to_handle && in->to_handle[0]) {
        check_greeting_handle(s, L, in, r);
        return;
    }
    if (!trimmed(in->to_first, &nb, &ne)) {
        not_applicable(r, lang, SD_TM_NA_NO_NAME, NULL);
        return;
    }
    r->applies = true;
    const char *name = in->to_first + nb;
    size_t namelen = ne - nb;
    char qn[64], ql[64], qx[64];
    quote(qn, in->to_first, nb, ne);
    bool en = lang == SD_LANG_EN;
    const char *word = en ? "Hi" : "Hej";
    if (L->first.b == L->first.e) {
        detail(r, lang, SD_TM_G_EMPTY, word, qn);
        return;
    }
    size_t fb = L->first.b, fe = L->first.e, w;
    bool word_ok = greeting_word(s, fb, fe, en, &w, &word);
    size_t after = L->name.b;
    bool name_ok = L->name.e > L->name.b &&
                   name_at(s, fe, L->name.b, name, namelen, false, &after);
    size_t q = name_ok ? skip_blank(s, fe, after) : L->name.b;
    bool bang_ok = name_ok && q < fe && s[q] == '!';
    quote(ql, s, fb, fe);
    if (word_ok && bang_ok) {
        greeting_passed(r, lang, s, fb, fe, q);
        return;
    }
    if (!word_ok) {
        detail(r, lang, SD_TM_G_WORD, en ? "Hi' or 'Hello" : "Hej", ql, word, qn);
    } else if (L->name.e == L->name.b) {
        detail(r, lang, SD_TM_G_NO_NAME, ql, word, qn);
    } else if (!name_ok) {
        detail(r, lang, SD_TM_G_OTHER, quote(qx, s, L->name.b, L->name.e), qn);
    } else {
        detail(r, lang, SD_TM_G_BANG, ql, word, qn);
    }
}

/* Words after a greeting word that are no one's name ("Hej alla!", "Hi there!"); they are
 * skipped when a name follows ("Hej igen Anna!"). */
static const char *const not_names[] = {
    "alla", "allihop", "allihopa", "allesammans", "där", "igen", "du", "ni", "på", "och",
    "kära", "vänner", "grannar", "invånare", "hej", "hejsan", "everyone", "everybody", "all",
    "there", "again", "folks", "friends", "neighbours", "neighbors", "you", "guys", "team",
    "sir", "madam", "and", "hi", "hello", "dear", "customer", "resident", "residents", NULL};

static void check_name(const char *s, const layout *L, const sd_tone_input *in,
                       sd_tone_check_result *r)
{
    sd_language lang = in->lang;
    size_t nb, ne;
    if (!trimmed(in->to_first, &nb, &ne)) {
        not_applicable(r, lang, SD_TM_NA_NO_NAME, NULL);
        return;
    }
    const char *name = in->to_first + nb;
    size_t namelen = ne - nb;
    size_t fe = L->first.e;
    /* The greeted word, past words that are no names. */
    span g = L->name;
    span shown = g;
    int skipped = 0;
    while (g.e > g.b && skipped < 3 && word_in_folded(s, g.b, g.e, not_names)) {
        size_t b, e;
        size_t p = skip_blank(s, fe, g.e);
        if (p < fe && s[p] == '@')
            p++;
        if (!next_word(s, fe, p, &b, &e) || b != p) {
            g.b = g.e; /* "Hej alla!" */
            break;
        }
        g = (span){b, name_end(s, fe, b)};
        while (g.e > g.b && s[g.e - 1] == '-')
            g.e--;
        skipped++;
    }
    char qn[64], qg[64];
    quote(qn, in->to_first, nb, ne);
    if (!L->greets || L->name.e == L->name.b) {
        not_applicable(r, lang, SD_TM_NA_NO_GREETING_NAME, NULL);
        return;
    }
    r->applies = true;
    if (g.e == g.b) {
        r->pass = true;
        detail(r, lang, SD_TM_N_GROUP, quote(qg, s, shown.b, shown.e));
        return;
    }
    quote(qg, s, g.b, g.e);
    size_t after;
    if (name_at(s, fe, g.b, name, namelen, false, &after)) {
        r->pass = true;
        detail(r, lang, SD_TM_N_OK, quote(qg, s, g.b, after));
        return;
    }
    if (name_at(s, fe, g.b, name, namelen, true, &after)) {
        r->pass = true;
        detail(r, lang, SD_TM_N_MISSPELT, quote(qg, s, g.b, after), qn);
        return;
    }
    /* A part of a double name ("Anna" for "Anna-Karin"), or the double name of a person
     * known by its first part. */
    for (size_t p = 0; p < namelen;) {
        size_t q = p;
        while (q < namelen && name[q] != '-' && name[q] != ' ')
            q++;
        if (q > p && (q < namelen || p > 0) && name_at(s, fe, g.b, name + p, q - p, false, &after)) {
            r->pass = true;
            detail(r, lang, SD_TM_N_PART, quote(qg, s, g.b, after), qn);
            return;
        }
        p = q + 1;
    }
    if (name_at(s, g.e, g.b, name, namelen, false, &after) ||
        (g.e > g.b + namelen && sd_tt_starts(s, g.e, g.b, name, namelen, &after) &&
         s[after] == '-')) {
        r->pass = true;
        detail(r, lang, SD_TM_N_PART, qg, qn);
        return;
    }
    for (size_t i = 0; in->names && i < in->n_names; i++) {
        size_t b, e;
        if (trimmed(in->names[i], &b, &e) &&
            name_at(s, fe, g.b, in->names[i] + b, e - b, false, &after)) {
            detail(r, lang, SD_TM_N_OTHER_PERSON, qg, qn);
            return;
        }
    }
    uint32_t c;
    sd_tt_next(s, fe, g.b, &c);
    if (sd_tt_is_upper(c)) {
        detail(r, lang, SD_TM_N_WRONG, qg, qn);
        return;
    }
    /* A word in lower case that names no one we know: not taken for a name. */
    r->pass = true;
    detail(r, lang, SD_TM_N_GROUP, qg);
}

static const lit abbreviations[] = {L_("mvh"), L_("m.v.h"), L_("br"), L_("rgds")};

static void check_signoff(const char *s, size_t len, const layout *L, const sd_tone_input *in,
                          sd_tone_check_result *r)
{
    r->applies = true;
    sd_language lang = in->lang;
    bool en = lang == SD_LANG_EN;
    static const lit sv_phrases[] = {L_("vänliga hälsningar")};
    static const lit en_phrases[] = {L_("kind regards"), L_("best regards")};
    const lit *phrases = en ? en_phrases : sv_phrases;
    size_t nphrases = en ? 2 : 1;
    size_t sb, se;
    bool any_name = !trimmed(in->signer, &sb, &se);
    char qn[64], qa[64], qb[64];
    if (any_name)
        snprintf(qn, sizeof qn, "%s", sd_tt_msg_format(SD_TM_S_ANY_NAME, lang));
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
    /* The last sign-off phrase in the tail lines: searched from the end, the first position
     * found is the last one (of the phrases there, the last in the list wins). */
    size_t region = L->ntail > 0 ? L->tail[0].b : len;
    span hit = {0, 0};
    bool found = false;
    for (size_t p = te; p > region && !found;) {
        p--;
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
                detail(r, lang, SD_TM_S_ABBR, qa, expected, qn);
            else
                detail(r, lang, SD_TM_S_OTHER, qa,
                       en ? "Kind regards' or 'Best regards" : expected, expected, qn);
        } else {
            detail(r, lang, SD_TM_S_NONE, expected, qn);
        }
        return;
    }
    quote(qa, s, hit.b, hit.e);
    size_t p = skip_space(s, te, hit.e);
    if (p < te && (s[p] == ',' || s[p] == '/'))
        p = skip_space(s, te, p + 1);
    bool sep_ok = p > hit.e;
    if (p >= te) {
        detail(r, lang, SD_TM_S_NO_NAME, qa, expected, qn);
        return;
    }
    if (!sep_ok) {
        detail(r, lang, SD_TM_S_SEPARATOR, qa, quote(qb, s, hit.b, te));
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
            detail(r, lang, SD_TM_QUOTED, quote(qb, s, hit.b, te));
        } else {
            detail(r, lang, SD_TM_S_NO_NAME_FOUND, qa, quote(qb, s, p, te));
        }
        return;
    }
    const char *name = in->signer + sb;
    size_t namelen = se - sb;
    if (sd_tt_starts(s, te, p, name, namelen, &after) && word_ends(s, te, after)) {
        if (after == te) {
            r->pass = true;
            detail(r, lang, SD_TM_QUOTED, quote(qb, s, hit.b, te));
        } else {
            detail(r, lang, SD_TM_S_AFTER, quote(qb, s, skip_space(s, te, after), te));
        }
        return;
    }
    size_t ne = name_end(s, te, p);
    if (ne == p)
        detail(r, lang, SD_TM_S_NO_NAME_FOUND, qa, quote(qb, s, p, te));
    else
        detail(r, lang, SD_TM_S_WRONG, quote(qb, s, p, ne), qn);
}

static void check_acknowledge(const char *s, const scan *sc, const sd_tone_input *in,
                              sd_tone_check_result *r)
{
    sd_language lang = in->lang;
    if (in->mood != SD_MOOD_FRUSTRATED && in->mood != SD_MOOD_ANGRY) {
        not_applicable(r, lang, SD_TM_NA_MOOD, sd_tt_mood_name(in->mood, lang));
        return;
    }
    r->applies = true;
    char q[64], qv[64];
    /* The first sentence, or the second right after a thanks ("Tack för ditt meddelande.
     * Jag förstår att du är arg."). */
    int n = sc->thanks_first ? 2 : 1;
    for (int i = 0; i < n; i++) {
        const ack_sentence *a = &sc->acks[i];
        if (a->hit && !a->voided) {
            r->pass = true;
            detail(r, lang, i == 0 ? SD_TM_A_OK : SD_TM_A_AFTER_THANKS,
                   quote(q, s, a->at.b, a->at.e));
            return;
        }
    }
    for (int i = 0; i < n; i++) {
        const ack_sentence *a = &sc->acks[i];
        if (a->hit) {
            detail(r, lang, a->voided == VOID_RETRACT ? SD_TM_A_RETRACTED : SD_TM_A_IRONY,
                   quote(q, s, a->at.b, a->at.e), quote(qv, s, a->void_at.b, a->void_at.e));
            return;
        }
        if (a->negated_at.e > a->negated_at.b) {
            detail(r, lang, SD_TM_A_NEGATED, quote(q, s, a->negated_at.b, a->negated_at.e));
            return;
        }
    }
    const ack_sentence *later = !sc->thanks_first && sc->acks[1].hit ? &sc->acks[1] : NULL;
    if (later)
        detail(r, lang, SD_TM_A_LATER, quote(q, s, later->at.b, later->at.e), 2);
    else if (sc->ack_later)
        detail(r, lang, SD_TM_A_LATER, quote(q, s, sc->ack_later_at.b, sc->ack_later_at.e),
               sc->ack_later_sentence + 1);
    else
        detail(r, lang, SD_TM_A_NONE);
}

static void check_link(const char *s, const scan *sc, const sd_tone_input *in,
                       sd_tone_check_result *r)
{
    if (!in->expect_link) {
        not_applicable(r, in->lang, SD_TM_NA_NO_LINK, NULL);
        return;
    }
    r->applies = true;
    char q[64];
    r->pass = sc->link;
    if (sc->link)
        detail(r, in->lang, SD_TM_QUOTED, quote(q, s, sc->link_at.b, sc->link_at.e));
    else
        detail(r, in->lang, SD_TM_L_NONE);
}

/* A number for a detail: one decimal (none when whole, with %g), with a decimal comma in
 * Swedish. One decimal is written without printf (every reply has a LIX). */
static const char *number(char *buf, size_t cap, double v, bool whole_g, sd_language lang)
{
    double tenths = floor(v * 10.0 + 0.5);
    if (v >= 0 && v < 1e9 && (!whole_g || fabs(v * 10.0 - tenths) < 1e-9) && cap >= 16) {
        long t = (long)tenths, whole = t / 10;
        char rev[16];
        size_t k = 0, n = 0;
        do {
            rev[k++] = (char)('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        while (k > 0)
            buf[n++] = rev[--k];
        if (!whole_g || t % 10 != 0) {
            buf[n++] = '.';
            buf[n++] = (char)('0' + t % 10);
        }
        buf[n] = '\0';
    } else {
        snprintf(buf, cap, whole_g ? "%g" : "%.1f", v);
    }
    if (lang != SD_LANG_EN)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
    return buf;
}

#define SHORT_BODY_WORDS 10 /* under this many words LIX is not used */
#define SHORT_BODY_LONG 4   /* ... and a short body fails with this many long words, if they
                               are more than two thirds of its words */

static void check_plain(const char *s, const scan *sc, const sd_tone_input *in, double lix,
                        double max_lix, sd_tone_check_result *r)
{
    sd_language lang = in->lang;
    r->applies = true;
    bool lix_ok;
    char a[32], b[32], q[64];
    int w = sc->words, l = sc->long_words;
    if (w == 0) {
        lix_ok = true;
        detail(r, lang, SD_TM_P_EMPTY);
    } else if (w < SHORT_BODY_WORDS) {
        lix_ok = !(l >= SHORT_BODY_LONG && 3 * l > 2 * w);
        if (lix_ok)
            detail(r, lang, SD_TM_P_SHORT, w, sd_tt_noun(SD_TN_WORD, w, lang), l,
                   sd_tt_noun(SD_TN_LONG_WORD, l, lang), SHORT_BODY_WORDS);
        else
            detail(r, lang, SD_TM_P_SHORT_LONG, l, w);
    } else {
        lix_ok = lix <= max_lix;
        detail(r, lang, SD_TM_P_LIX, number(a, sizeof a, lix, false, lang),
               number(b, sizeof b, max_lix, true, lang), w, sd_tt_noun(SD_TN_WORD, w, lang),
               sc->sentences, sd_tt_noun(SD_TN_SENTENCE, sc->sentences, lang), l,
               sd_tt_noun(SD_TN_LONG_WORD, l, lang));
    }
    if (sc->jargon_hit)
        detail(r, lang, sc->jargon_abbr ? SD_TM_P_ABBREVIATION : SD_TM_P_JARGON,
               quote(q, s, sc->jargon_at.b, sc->jargon_at.e));
    r->pass = lix_ok && !sc->jargon_hit;
}

static void check_courteous(const char *s, const scan *sc, sd_language lang,
                            sd_tone_check_result *r)
{
    r->applies = true;
    char q[64];
    bool majority = sc->letters >= 20 && 2 * sc->upper > sc->letters;
    r->pass = !sc->shout && !majority && !sc->bangs && !sc->disc_hit && !sc->irony;
    if (r->pass) {
        detail(r, lang, SD_TM_K_OK);
        return;
    }
    if (sc->shout)
        detail(r, lang, SD_TM_K_SHOUT, quote(q, s, sc->shout_at.b, sc->shout_at.e));
    if (majority)
        detail(r, lang, SD_TM_K_CAPITALS, sc->upper, sc->letters);
    if (sc->bangs)
        detail(r, lang, SD_TM_QUOTED, quote(q, s, sc->bangs_at.b, sc->bangs_at.e));
    if (sc->disc_hit)
        detail(r, lang, SD_TM_K_DISCOURTEOUS, quote(q, s, sc->disc_at.b, sc->disc_at.e));
    if (sc->irony)
        detail(r, lang, SD_TM_K_IRONY, quote(q, s, sc->irony_at.b, sc->irony_at.e));
}

static void check_private(const char *s, const scan *sc, const sd_tone_input *in,
                          sd_tone_check_result *r)
{
    sd_language lang = in->lang;
    if (!in->is_public) {
        not_applicable(r, lang, SD_TM_NA_PRIVATE, NULL);
        return;
    }
    r->applies = true;
    r->pass = !sc->pnr && !sc->priv_hit;
    if (r->pass) {
        detail(r, lang, SD_TM_V_OK);
        return;
    }
    char q[64];
    if (sc->pnr) {
        /* Name it without its last four digits. */
        size_t n = sc->pnr_at.e - sc->pnr_at.b;
        snprintf(q, sizeof q, "%.*s****", (int)(n - 4), s + sc->pnr_at.b);
        detail(r, lang, SD_TM_V_PNR, q);
    }
    if (sc->priv_hit)
        detail(r, lang, SD_TM_V_ASK, quote(q, s, sc->priv_at.b, sc->priv_at.e));
}

void sd_tone_check_reply(const sd_lexicons *lx, const sd_tone_input *in, sd_tone_result *out)
{
    memset(out, 0, sizeof *out);
    sd_tone_input input = *in;
    if (input.text == NULL)
        input.text = "";
    if ((unsigned)input.lang >= SD_LANG_COUNT)
        input.lang = SD_LANG_SV;
    if ((unsigned)input.mood >= SD_MOOD_COUNT)
        input.mood = SD_MOOD_CALM;
    const char *s = input.text;
    size_t len = strlen(s);
    sd_language lang = input.lang;
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
    sc.lang = lang;
    sc.find_pnr = input.is_public;
    sc.upset = input.mood == SD_MOOD_FRUSTRATED || input.mood == SD_MOOD_ANGRY ||
               input.mood == SD_MOOD_TROLL;
    if (lx) {
        const sd_lx_list *lists = lx->lists[lang];
        if (input.mood == SD_MOOD_FRUSTRATED || input.mood == SD_MOOD_ANGRY) {
            sc.ack = &lists[SD_LX_ACKNOWLEDGE];
            sc.retract = &lists[SD_LX_RETRACT];
        }
        sc.disc = &lists[SD_LX_DISCOURTEOUS];
        if (input.is_public)
            sc.priv = &lists[SD_LX_PRIVATE_REQUEST];
        sc.jargon = &lists[SD_LX_JARGON];
        sc.any = &lx->any[lang];
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
    detail(&r[SD_TONE_CONCISE], lang, SD_TM_C_WORDS, sc.words,
           sd_tt_noun(SD_TN_WORD, sc.words, lang), max_words);

    check_plain(s, &sc, &input, out->lix, max_lix, &r[SD_TONE_PLAIN_LANGUAGE]);
    check_courteous(s, &sc, lang, &r[SD_TONE_COURTEOUS]);
    check_private(s, &sc, &input, &r[SD_TONE_PRIVATE_DATA]);
    check_name(s, &L, &input, &r[SD_TONE_NAME]);
    /* What the reply says (answers, refer, channel, avoid, spelling) is checked where the
     * content and the dictionaries are at hand (engine/scoring/score.c). */
    static const sd_tone_check content[] = {SD_TONE_ANSWERS, SD_TONE_REFER, SD_TONE_CHANNEL,
                                            SD_TONE_AVOID, SD_TONE_SPELLING};
    for (size_t i = 0; i < sizeof content / sizeof content[0]; i++)
        not_applicable(&r[content[i]], lang, SD_TM_NA_NOT_HERE, NULL);

    /* What the body says (key points, refer, channel, avoid) and its spelling. */
    sd_tone_check_content(lx, &input, s, L.body_b, L.body_e, sc.words, out);
    out->score = sd_tone_result_score(out);
}
