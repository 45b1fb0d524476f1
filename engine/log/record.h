/* record.h - one line of the session log, as C data.
 *
 * The session emits records as things happen (an item arrives, the participant acts, the
 * exercise ends); the log writer turns each into one JSON line, the log reader turns lines
 * back into records, and the results are folded from records alone. So a run and
 * `stormdrill score LOG` build their results from the same input by the same code.
 *
 * Strings in a record are borrowed from whoever produced it, valid only during the call
 * that receives the record. */
#ifndef SD_RECORD_H
#define SD_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "../calendar/calendar.h"
#include "../guideline/vocab.h"
#include "../scenario/scenario.h"

#define SD_LOG_FORMAT "stormdrill.log/2"    /* written: lines carry a hash chain (chain.h) */
#define SD_LOG_FORMAT_V1 "stormdrill.log/1" /* still read: no chain, shown as unsealed */

typedef enum sd_record_type {
    SD_REC_HEADER, SD_REC_ITEM, SD_REC_ACTION, SD_REC_REJECTED, SD_REC_STATE, SD_REC_END,
    SD_REC_FACILITATOR, SD_REC_COUNT
} sd_record_type;

/* A storm's theme as the header lists it: what scoring needs to judge the storm's coverage
 * (a storm without declared themes has one, whose id is the storm's). */
typedef struct sd_rec_theme {
    const char *storm, *id, *label;
    sd_theme_kind kind;
    int64_t within;              /* seconds: the target for the theme's first public answer */
    const sd_content *content;   /* what an answer to the theme says (one of the header's
                                    contents), or NULL */
} sd_rec_theme;

#define SD_MAX_THEMES 256        /* themes a header may list, over all storms */

typedef struct sd_rec_header {
    const char *program;       /* "stormdrill 0.1.0" */
    const char *date;          /* "YYYY-MM-DD": the real date the exercise was held, or NULL */
    const char *scenario_id, *scenario_title, *scenario_path, *scenario_sha256;
    sd_language lang;
    sd_platform platform;      /* the scenario's platform (posts may set their own) */
    uint64_t seed;
    sd_time start;
    int64_t duration;
    double compression;
    const char *participant;      /* the participant's first name */
    const char *participant_kind; /* "scripted" or "person" */
    const char *participant_path, *participant_sha256; /* scripted: the bot file, else NULL */
    sd_scoring_params scoring;    /* .statement points into contents; .words as given */
    /* Every content declared at load time (sd_scenario.contents): contents[i]->index == i.
     * Items' expectations point into it (sd_expect.content / .statement with index >= 0).
     * Borrowed like the strings, except that the log reader keeps the header it read (and
     * so this table) for its whole lifetime (logr.h). */
    const sd_content *const *contents;
    size_t n_contents;
    /* Every storm's themes, in declaration order (borrowed like contents). */
    const sd_rec_theme *themes;
    size_t n_themes;
    /* Set by the reader, ignored by the writer (which writes its own format and seal): */
    int version;                  /* 1 or 2: the log format read */
    const char *seal_key_id;      /* a sealed log's key id, or NULL */
} sd_rec_header;

typedef struct sd_rec_item {
    const char *id;
    sd_kind kind;
    const char *author_id;       /* persona id, or NULL for generated storm authors */
    const char *first, *last;    /* author's names, or NULL (posts, notices...); first is
                                    NULL for a persona known by its handle alone */
    const char *handle;          /* the author's platform handle (no '@'), or NULL */
    sd_mood mood;
    int sender;                  /* sd_sender for internal messages, else -1 */
    const char *parent, *text, *title, *outlet, *url, *repeat_of, *storm, *by;
    const char *theme;           /* storm comments: the id of the storm's theme, or NULL
                                    (trolls) */
    bool direct;                 /* a storm comment that asks the organisation directly and
                                    needs its own answer or referral */
    sd_time deadline;            /* 0 when no answer is expected */
    int own_platform;            /* a post's own sd_platform (post{ platform }) plus 1, or 0:
                                    none (the header's for a post; a comment or reply is
                                    on its post's); a zeroed record sets none */
    const char *image, *image_alt; /* a post's image (the path as the scenario wrote it) and
                                      its description, or NULL */
    const char *link_title, *link_site; /* a post's link preview (its address is url) */
    int64_t index;               /* the session's arrival number of the item (0, 1, ...), or
                                    -1 when unknown (records read back from a log): a hint
                                    that spares the results a lookup; never written */
    const sd_expect *expect;     /* borrowed like the strings; never NULL */
} sd_rec_item;

typedef struct sd_rec_action {
    sd_action_kind kind;
    const char *item;   /* the item acted on, or NULL (publish, escalate without item) */
    const char *text;   /* reply, dm_reply, publish; NULL otherwise */
    int target;         /* sd_target for escalate, else -1 */
    int step;           /* sd_step for account, else -1 */
    const char *person; /* account remove_access: persona id */
    const char *reason; /* hide, delete, report: optional reason */
    const char *error;  /* SD_REC_REJECTED: why the action was refused */
    const char *by;     /* a simulated colleague's name when the colleague did it; NULL for
                           the participant */
    int64_t item_index; /* the item's arrival number, or -1 when unknown; never written */
} sd_rec_action;

typedef struct sd_rec_state {
    double intensity, sentiment;
    int64_t waiting, overdue, oldest_wait; /* oldest_wait in seconds */
} sd_rec_state;

/* What the facilitator did: pause, resume, speed (value: the new compression), inject
 * (item: the id of the item that arrives next). Ending the exercise is an end record. */
typedef enum sd_fac_kind { SD_FAC_PAUSE, SD_FAC_RESUME, SD_FAC_SPEED, SD_FAC_INJECT, SD_FAC_COUNT } sd_fac_kind;

typedef struct sd_rec_facilitator {
    sd_fac_kind kind;
    double value;     /* SD_FAC_SPEED: simulated seconds per real second */
    const char *item; /* SD_FAC_INJECT */
    int64_t prepared; /* SD_FAC_INJECT: 1-based number of the scenario's prepared inject
                         used, 0 for a live one written by the facilitator */
} sd_rec_facilitator;

const char *sd_fac_name(sd_fac_kind k);
int sd_fac_lookup(const char *name);

typedef struct sd_rec_end {
    const char *reason; /* "duration", "finished by scenario", "ended by facilitator" ... */
} sd_rec_end;

typedef struct sd_record {
    sd_record_type type;
    sd_time t;        /* simulated time */
    int64_t wall_ms;  /* real milliseconds since the session started */
    union {
        sd_rec_header header;
        sd_rec_item item;
        sd_rec_action action;
        sd_rec_state state;
        sd_rec_end end;
        sd_rec_facilitator facilitator;
    } u;
} sd_record;

/* An item with an author (a persona or a generated name): it has a first name, a handle or
 * both. */
static inline bool sd_rec_item_authored(const sd_rec_item *it)
{
    return it->first != NULL || it->handle != NULL;
}

const char *sd_record_type_name(sd_record_type t);
int sd_record_type_lookup(const char *name);

#endif
