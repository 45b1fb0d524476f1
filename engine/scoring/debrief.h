/* debrief.h - the words the debrief uses to speak to a participant as a trainer would:
 * people by name and mood with a short excerpt of what they wrote ("Göran Svensson (arg)",
 * "'Helt oacceptabelt att …'"), items nobody wrote by what they are ("chefens meddelande"),
 * storm comments by their theme ("om läxhjälpen", never a storm or item id), decisions,
 * targets and classes in the scenario's language, lists of people ("Per Ek, Maja Lind och
 * 3 till") and an example reply that fits the comment (its own model answer, else its
 * theme's, else a generic one for its kind and the author's mood).
 *
 * Every function appends to an sd_buf the caller owns; texts and results are borrowed. The
 * texts come from assets/strings/<lang>.txt (keys fb.who, fb.what.*, fb.where.*,
 * fb.example*, fb.name.*, fb.list.*). */
#ifndef SD_DEBRIEF_H
#define SD_DEBRIEF_H

#include <stddef.h>
#include <stdint.h>

#include "../results/results.h"
#include "../util/buf.h"
#include "texts.h"

#define SD_DEBRIEF_QUOTE_BYTES 48 /* the longest excerpt of a person's text, in bytes */

/* Who wrote the item: "Göran Svensson (arg)" (first and last name, the mood in the texts'
 * language); for an item nobody wrote, what it is ("chefens meddelande", "inlägget"). */
void sd_debrief_who(const sd_texts *tx, const sd_res_item *it, sd_buf *out);
/* What the item is, with its excerpt: "chefens meddelande 'Ge mig en kort lägesbild …'",
 * "kommentaren från Göran Svensson (arg) 'Helt oacceptabelt …'". */
void sd_debrief_what(const sd_texts *tx, const sd_res_item *it, sd_buf *out);
/* What a person's item said, for "fick inget svar på {about}": its excerpt ("'Helt
 * oacceptabelt …'"), else the comment's theme ("kommentaren om läxhjälpen"), else
 * "kommentaren" (storm comments' texts are not kept in the results). */
void sd_debrief_about(const sd_texts *tx, const sd_results *r, const sd_res_item *it, sd_buf *out);
/* A short excerpt of text in single quotes, line breaks as spaces, cut at a word with "…"
 * when longer than max bytes: "'Helt oacceptabelt att ni …'". Nothing when text is NULL or
 * blank. */
void sd_debrief_quote(const char *text, size_t max, sd_buf *out);

/* The theme the header declares for a storm comment, or NULL: no theme (a troll), or the
 * implicit theme of a storm without themes (its label is the storm's id, not a word for a
 * participant). */
const sd_rec_theme *sd_debrief_theme(const sd_results *r, const sd_res_item *it);
/* The header's theme with this storm and id, or NULL. */
const sd_rec_theme *sd_debrief_find_theme(const sd_results *r, const char *storm, const char *id);
/* True when the theme has a label a participant can read (declared, not implicit). */
int sd_debrief_theme_named(const sd_rec_theme *th);
/* Where storm comments were: "om läxhjälpen" for a declared theme (th not NULL), else "i
 * kommentarsstormen". */
void sd_debrief_where(const sd_texts *tx, const sd_rec_theme *th, sd_buf *out);

/* The example reply for an item, greeting its author by first name and signed by signer:
 * "Hej Göran! <model> Vänliga hälsningar, Kim". The body is the item's own model answer,
 * else its theme's, else a generic one for its class and the author's mood. */
void sd_debrief_example(const sd_texts *tx, const sd_results *r, const sd_res_item *it,
                        const char *signer, sd_buf *out);

/* A name of vocabulary voc in the texts' language (targets, steps, decisions, classes,
 * moods, senders), else its id. Borrowed from tx or the vocabulary. */
const char *sd_debrief_vocab(const sd_texts *tx, sd_vocab_id voc, int v);
/* The decisions of a bit set (bit per sd_decision) in the texts' language, joined with
 * "eller" / "or": "svara eller rätta fakta". Nothing for an empty set. */
void sd_debrief_decisions(const sd_texts *tx, uint32_t set, sd_buf *out);
/* The decisions the guideline asks for an item: its acceptable ones (expect.ok), else the
 * response model's for its class (a troll: monitor; illegal content: hide or report; any
 * other comment: reply). */
uint32_t sd_debrief_wanted(const sd_expect *e);

/* What makes an item dangerous, as the debrief names it: a threat (a storm theme of kind
 * threat, or illegal content to escalate to legal), someone's personal data (a theme of
 * kind personal_data), other illegal content; else none. */
typedef enum sd_danger {
    SD_DANGER_NONE, SD_DANGER_THREAT, SD_DANGER_PERSONAL_DATA, SD_DANGER_ILLEGAL
} sd_danger;
sd_danger sd_debrief_danger(const sd_results *r, const sd_res_item *it);
/* How the participant handled a dangerous item: what was done ("dolt, anmält och
 * eskalerat till jurist") into how, and when first (hidden, deleted, reported or
 * escalated), or 0 when never. */
sd_time sd_debrief_handling(const sd_texts *tx, const sd_results *r, const sd_res_item *it,
                            sd_buf *how);

/* A list of names: "A", "A och B", "A, B och C", or with total > shown, "A, B och 5 till". */
void sd_debrief_list(const sd_texts *tx, const char *const *names, size_t shown, size_t total,
                     sd_buf *out);

/* Minutes for a text: "4 min", rounded up (at least 1 when secs > 0), "1,5 h" past two
 * hours (decimal comma in Swedish). */
void sd_debrief_minutes(sd_language lang, double secs, sd_buf *out);

#endif
