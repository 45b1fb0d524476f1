/* timeline.h - the crisis as the participant handled it, in a few lines for the debrief:
 * when the storm started and peaked (comments per 10 minutes), when the participant first
 * answered in it, asked for backup and when the colleague came, told the manager and the
 * press officer, published and pinned the statement; each threat (or personal data) in the
 * comments and how and when it was handled; a hijacked account's notice, when it was
 * secured and when the followers were told.
 *
 * A pure function of the results (so of the log: `stormdrill score LOG` gives the same
 * timeline), with texts in the results' language. The results JSON carries it as
 * "timeline" (docs/results-format.md); the CLI and window scorecards and the report's
 * debrief page show it.
 *
 * Ownership: sd_timeline_compute() returns a timeline the caller frees with
 * sd_timeline_free(); it owns its entries and texts and borrows nothing. */
#ifndef SD_TIMELINE_H
#define SD_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "../results/results.h"
#include "../util/arena.h"
#include "../util/jsonw.h"
#include "texts.h"

typedef enum sd_tl_kind {
    SD_TL_STORM_START,     /* the first storm comment */
    SD_TL_FIRST_REPLY,     /* the participant's first public reply to a storm comment */
    SD_TL_BACKUP_ASKED,    /* the first escalate colleague_backup */
    SD_TL_BACKUP_CAME,     /* the colleague's message or first reply */
    SD_TL_MANAGER,         /* the first escalate manager */
    SD_TL_PRESS_OFFICER,   /* the first escalate press_officer */
    SD_TL_STATEMENT,       /* the first post published after the crisis started */
    SD_TL_PINNED,          /* the first pin (a statement or a reply) */
    SD_TL_PEAK,            /* the storm's busiest 10 minutes */
    SD_TL_THREAT,          /* a threat in the comments, and how it was handled */
    SD_TL_PERSONAL_DATA,   /* someone's personal data in the comments, and how it was handled */
    SD_TL_MORE_THREATS,    /* the threats and personal data beyond those listed, summed up */
    SD_TL_HIJACK,          /* a hijacked account's notice */
    SD_TL_ACCOUNT_SECURED, /* password changed and sessions revoked */
    SD_TL_FOLLOWERS_TOLD,  /* the first post after the account was secured */
    SD_TL_COUNT
} sd_tl_kind;

#define SD_TL_MAX_THREATS 5 /* threat and personal-data entries listed one by one */

typedef struct sd_tl_entry {
    sd_time t;
    sd_tl_kind kind;
    int64_t value;       /* PEAK: comments in the 10 minutes; THREAT, PERSONAL_DATA: seconds
                            until handled, -1 never; BACKUP_CAME: seconds after asked;
                            MORE_THREATS: how many; otherwise seconds after the crisis
                            started (-1 without a crisis) */
    const char *text;    /* in the results' language, owned by the timeline */
} sd_tl_entry;

typedef struct sd_timeline {
    sd_tl_entry *entries; /* in time order */
    size_t n;
    sd_arena arena;
} sd_timeline;

/* tx may be NULL (then each text is the entry's kind id). */
sd_status sd_timeline_compute(const sd_results *r, const sd_texts *tx, sd_timeline **out,
                              sd_error *err);
void sd_timeline_free(sd_timeline *tl);
/* "storm_start", "backup_asked", ... */
const char *sd_tl_kind_name(sd_tl_kind k);
/* The "timeline" member: a list of { "t", "event", "value", "text" }. */
void sd_timeline_write_json(const sd_timeline *tl, sd_jsonw *w);

#endif
