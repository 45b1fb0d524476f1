/* tone.h - the tone checks of one reply, against the guideline's principles for replies.
 *
 * Each check has a stable id (the guideline's rule id), says whether it applies to this
 * reply, whether it passed, and a detail text for feedback. The same reply with the same
 * context always gets the same verdict. Checks:
 *   greeting        the first line begins "Hej <first name>!" (en: "Hi/Hello <first
 *                   name>!"); text may follow on the line
 *   signoff         ends with "Vänliga hälsningar" (en: "Kind regards"/"Best regards") and
 *                   the signer's first name, after a comma, space, slash or line break
 *   acknowledge     (frustrated/angry authors) the first sentence after the greeting
 *                   acknowledges or shows understanding (lexicon), not negated, taken
 *                   back after "men"/"but" or ironic
 *   link            (when the item offers a link) an http(s) URL or a www. address
 *   concise         the body (without greeting and sign-off) has at most max_words words
 *   plain_language  no officialese or unexplained abbreviation (jargon lexicon); the body's
 *                   LIX is at most max_lix (bodies of 10 words or more)
 *   courteous       no shouting, no "!!", no defensive, condescending or ironic wording
 *   private_data    (public replies) no personal identity number, no asking for personal
 *                   details in public (lexicon)
 * and, from what the reply says (the item's sd_content, compiled: keypoints.h):
 *   answers         (items with key points, and every question) the body is not empty and
 *                   meets at least one key point; credit in proportion to the points met
 *                   out of the content's `need`
 *   refer           (content.refer) the body names or links the right authority
 *   channel         (content.channel) the body says where the case continues
 *   avoid           (content.avoid) the body makes none of the claims to avoid
 *   spelling        at most one misspelt word (Hunspell, spell.h); gibberish fails
 *   name            the greeting names the person answered, not someone else (serious)
 * and soft signals that never fail a reply: personal, template_unedited.
 *
 * No global state: lexicons are loaded into an sd_lexicons the caller owns. It also holds
 * the stemmers and the spelling dictionaries, whose working state makes one sd_lexicons
 * serve one thread at a time. */
#ifndef SD_TONE_H
#define SD_TONE_H

#include <stdbool.h>
#include <stddef.h>

#include "../guideline/vocab.h"
#include "../util/error.h"
#include "keypoints.h"
#include "spell.h"

typedef enum sd_tone_check {
    SD_TONE_GREETING, SD_TONE_SIGNOFF, SD_TONE_ACKNOWLEDGE, SD_TONE_LINK, SD_TONE_CONCISE,
    SD_TONE_PLAIN_LANGUAGE, SD_TONE_COURTEOUS, SD_TONE_PRIVATE_DATA,
    SD_TONE_ANSWERS, SD_TONE_REFER, SD_TONE_CHANNEL, SD_TONE_AVOID, SD_TONE_SPELLING,
    SD_TONE_NAME, SD_TONE_CHECK_COUNT
} sd_tone_check;

typedef enum sd_tone_signal { SD_SIGNAL_PERSONAL, SD_SIGNAL_TEMPLATE_UNEDITED, SD_SIGNAL_COUNT } sd_tone_signal;

/* Phrase lists per language: acknowledge (understanding), discourteous (defensive,
 * blaming, condescending, ironic), private_request (asking for personal details), jargon
 * (officialese and internal abbreviations) and retract (what takes an acknowledgement back
 * after "men"/"but"). */
typedef struct sd_lexicons sd_lexicons;

/* Loads assets/lexicons/<lang>/{acknowledge,discourteous,private_request,jargon,retract}.txt
 * under assets_dir (one phrase per line, '#' starts a comment, matched without regard to case),
 * creates the stemmers and opens the spelling dictionaries (spell.h; directory
 * $STORMDRILL_HUNSPELL_DIR, else /usr/share/hunspell).
 * The returned object is owned by the caller: sd_lexicons_free(). */
sd_status sd_lexicons_load(const char *assets_dir, sd_lexicons **out, sd_error *err);
void sd_lexicons_free(sd_lexicons *lx);
/* Adds a phrase (a scenario's own words); list is "acknowledge", "discourteous",
 * "private_request", "jargon" or "retract". */
sd_status sd_lexicons_add(sd_lexicons *lx, sd_language lang, const char *list,
                          const char *phrase, sd_error *err);

typedef struct sd_tone_input {
    const char *text;        /* the reply, UTF-8 */
    sd_language lang;
    const char *to_first;    /* first name of the person answered (NULL: greeting n/a,
                                unless to_handle) */
    const char *to_handle;   /* their handle without '@' when they have no first name (an
                                Instagram account): the greeting is "Hej!" or "Hej
                                @handle!" (or NULL) */
    const char *signer;      /* the participant's first name */
    sd_mood mood;            /* the author's mood */
    bool expect_link;        /* the item offers a link */
    bool is_public;          /* a public reply (false for dm_reply) */
    int max_words;           /* 0 = 100 */
    double max_lix;          /* 0 = 45 */
    bool expect_answer;      /* the item asks something (answers applies even without
                                key points: an empty body fails) */
    const sd_kp *kp;         /* what the reply should say, compiled; NULL: none declared */
    const sd_spell_extra *words; /* words spelling accepts besides the dictionaries, or NULL */
    const char *const *names; /* first names of the people in the exercise, or NULL: a
                                 greeting that names another of them is the wrong person */
    size_t n_names;
} sd_tone_input;

typedef struct sd_tone_check_result {
    bool applies, pass;
    char detail[256];        /* what was found, for feedback, in the input's language */
} sd_tone_check_result;

typedef struct sd_tone_result {
    sd_tone_check_result checks[SD_TONE_CHECK_COUNT];
    bool signals[SD_SIGNAL_COUNT];   /* true = the signal is present (personal: good;
                                        template_unedited: placeholders left) */
    double lix;
    int words;                        /* words in the body */
    double score;                     /* 0..100: weighted share of applicable checks passed */
    sd_kp_verdict kp;                 /* what the body said (all zero without in->kp) */
    size_t misspelt;                  /* misspelt words in the body */
    sd_spell_miss miss[8];            /* the first of them */
} sd_tone_result;

/* Serious checks (courteous, private_data, name): a failure costs its points in the
 * exercise whatever else was sent (docs/scoring.md). */
bool sd_tone_check_serious(sd_tone_check c);

/* The check's stable id ("greeting", ...) and its rule id (same string). */
const char *sd_tone_check_id(sd_tone_check c);
const char *sd_tone_signal_id(sd_tone_signal s);
/* Weight of a check in the per-reply score. */
double sd_tone_check_weight(sd_tone_check c);

/* Checks one reply. lx may be NULL (lexicon checks then use no phrases). */
void sd_tone_check_reply(const sd_lexicons *lx, const sd_tone_input *in, sd_tone_result *out);

/* LIX of a text: words / sentences + 100 x long words / words (0 for no words). */
double sd_lix(const char *text, int *words, int *sentences, int *long_words);

/* ---- the language resources an sd_lexicons holds (wt-spell), for callers outside the
 * tone checks: the window underlines misspelt words with the same speller the score uses.
 * Borrowed: lx owns them; one thread at a time, as for lx. NULL when lx is NULL. ---- */
sd_speller *sd_lexicons_speller(const sd_lexicons *lx);
/* The stemmers, for compiling contents outside the score (the window's coach). */
sd_stemmer *sd_lexicons_stemmer(const sd_lexicons *lx);

#endif
