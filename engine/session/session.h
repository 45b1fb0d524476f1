/* session.h - a running exercise: the discrete-event simulation over a loaded scenario.
 *
 * The session owns a priority queue of timed events (scheduled items, storm arrivals,
 * hijack steps, ticks of the audience model, the participant's delayed actions), a
 * simulated clock and the exercise's own random generator. It can be driven two ways:
 *  - frame by frame by a window: sd_session_step_real() with the real seconds of a frame,
 *    observe what changed through the observer, sd_session_act() when the person acts;
 *  - headless, as fast as possible: sd_session_run() to the end, with a scripted
 *    participant scheduling its actions through sd_session_act_later().
 * Every event and action becomes a record (log/record.h) that goes, in order, to the
 * session log, the results and the observers, before anything else sees its effect.
 *
 * Ownership: the session borrows the scenario (it must outlive the session and not be
 * shared with another session at the same time), the log writer and the results; it owns
 * everything else. No global state: sessions are independent. */
#ifndef SD_SESSION_H
#define SD_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../log/logw.h"
#include "../log/record.h"
#include "../results/results.h"
#include "../scenario/scenario.h"

typedef struct sd_session sd_session;

/* A participant's action. Strings are borrowed for the call. */
typedef struct sd_action {
    sd_action_kind kind;
    const char *item;   /* reply, refer_previous, dm_reply, hide, delete, report,
                           acknowledge: required; escalate: optional; pin: the item whose
                           latest public reply to pin, NULL for the latest statement */
    const char *text;   /* reply, dm_reply, publish: required */
    int target;         /* escalate: an sd_target */
    int step;           /* account: an sd_step */
    const char *person; /* account remove_access: persona id */
    const char *reason; /* hide, delete, report: optional */
} sd_action;

void sd_action_init(sd_action *a, sd_action_kind kind);
/* Refuses an action whose item, text, person or reason is longer than its limit
 * (log/limits.h), naming the field. */
sd_status sd_action_check_sizes(const sd_action *a, sd_error *err);

/* Receives every record as it happens (after the log). Returning an error stops the run. */
typedef sd_status (*sd_observer_fn)(void *ctx, sd_session *s, const sd_record *rec,
                                    sd_error *err);

typedef struct sd_session_config {
    sd_scenario *scenario;       /* borrowed */
    bool seed_set;
    uint64_t seed;               /* used when seed_set, else the scenario's seed */
    const char *participant;     /* the participant's first name */
    const char *participant_kind; /* "scripted" or "person" */
    const char *participant_path, *participant_sha256; /* optional */
    sd_logw *log;                /* borrowed, optional */
    sd_results *results;         /* borrowed, optional */
    bool no_wall_clock;          /* write wall = 0 in every record (byte-identical logs) */
    const char *date;            /* optional "YYYY-MM-DD": the real date the exercise is held,
                                    written in the log header (copied) */
    size_t memory_budget;        /* the exercise's memory budget in bytes; 0 = the default */
} sd_session_config;

/* One memory budget per exercise: what the scripts make the engine keep in C (items, storm
 * comments and their texts, injects, scheduled actions and their texts, declared texts)
 * plus what the scenario's and the participant's Lua states hold. Checked whenever a script
 * makes the engine keep something; reaching it stops the run with an error naming the file
 * and what filled it. The default leaves room for a 1,000,000-comment storm (about 290 MiB
 * at its peak, docs/benchmarks.md). */
#define SD_EXERCISE_BUDGET_DEFAULT ((size_t)400 << 20)

/* Counts a participant's Lua state in the exercise's budget (borrowed; at most 3). */
sd_status sd_session_add_sandbox(sd_session *s, const sd_sandbox *sb, sd_error *err);

sd_status sd_session_create(const sd_session_config *cfg, sd_session **out, sd_error *err);
void sd_session_destroy(sd_session *s);

/* Up to 4 observers, called in the order added. */
sd_status sd_session_add_observer(sd_session *s, sd_observer_fn fn, void *ctx, sd_error *err);

/* Emits the header record and schedules the scenario. Call once, before stepping. */
sd_status sd_session_start(sd_session *s, sd_error *err);

/* Advances the clock by real seconds times the compression (nothing while paused) and
 * processes every event that falls due. */
sd_status sd_session_step_real(sd_session *s, double real_seconds, sd_error *err);
/* Advances by simulated seconds, paused or not. */
sd_status sd_session_step_sim(sd_session *s, double sim_seconds, sd_error *err);
/* Runs to the end of the exercise. */
sd_status sd_session_run(sd_session *s, sd_error *err);

/* The facilitator's controls. Each change is written to the session log as a facilitator
 * record; should writing fail, the error is returned by the next step call. */
void sd_session_pause(sd_session *s, bool paused);
bool sd_session_paused(const sd_session *s);
void sd_session_set_compression(sd_session *s, double compression);
double sd_session_compression(const sd_session *s);

/* A live inject by the facilitator: an item that arrives now, marked by = "facilitator".
 * kind: comment, reply, dm, inquiry, internal, notice or post. author: a persona id (for
 * comment, reply, dm, inquiry); sender: an sd_sender (internal); on: the item a comment or
 * reply is on (default: the newest post); mood: the sd_mood the item is written in (its
 * record's mood, and what its expectation follows: frustrated and angry want an
 * acknowledgement, a troll no answer), or -1 for the author persona's own mood; only an
 * authored kind has one (any other mood than -1 on another kind is refused, as is a value
 * that is no sd_mood). Strings are copied. Start from sd_inject_init(): a zeroed struct
 * has mood 0, which is calm, not the persona's. */
typedef struct sd_inject {
    sd_kind kind;
    const char *author;
    int sender;
    const char *on;
    const char *text;
    int mood;
} sd_inject;
/* kind, no author, text or target, sender -1, mood -1 (the persona's). */
void sd_inject_init(sd_inject *inj, sd_kind kind);
sd_status sd_session_inject(sd_session *s, const sd_inject *inj, sd_error *err);
/* Injects the scenario's next prepared inject (prepared{ ... } declarations, in order);
 * *injected is false when none is left. */
sd_status sd_session_inject_prepared(sd_session *s, bool *injected, sd_error *err);
/* How many of the scenario's prepared injects have been used (the next is that index). */
size_t sd_session_prepared_used(const sd_session *s);

/* The participant acts now. An invalid action (unknown item, deleted item, missing text,
 * unknown target...) is refused with SD_ERR_INPUT and a clear message, and logged as
 * rejected; the exercise goes on. */
sd_status sd_session_act(sd_session *s, const sd_action *a, sd_error *err);

/* Why the last sd_session_act() was refused, as a kind a front end turns into its own words
 * in the participant's language (the error's message is for logs and developers). */
typedef enum sd_refusal {
    SD_REFUSAL_NONE,              /* the last action was taken */
    SD_REFUSAL_OTHER,             /* anything else (the error's message says what) */
    SD_REFUSAL_ENDED,             /* the exercise has ended */
    SD_REFUSAL_NO_ITEM,           /* the action needs an item and none was given */
    SD_REFUSAL_UNKNOWN_ITEM,      /* no such item (yet) */
    SD_REFUSAL_DELETED,           /* the item was deleted */
    SD_REFUSAL_NO_ONE_TO_ANSWER,  /* reply/dm_reply/refer_previous to an internal message,
                                     notice, media item or our own post */
    SD_REFUSAL_NOT_INTERNAL,      /* acknowledge on something that is not internal/notice */
    SD_REFUSAL_NOT_OUR_CHANNEL,   /* hide/delete/report of an internal message, notice, media */
    SD_REFUSAL_OWN_POST,          /* hide/delete/report of the organisation's own post */
    SD_REFUSAL_ALREADY_HIDDEN,
    SD_REFUSAL_PIN_NO_REPLY,      /* pin an item's reply when we have not replied to it */
    SD_REFUSAL_PIN_NO_STATEMENT,  /* pin the statement when none was published */
    SD_REFUSAL_EMPTY_TEXT,
    SD_REFUSAL_TEXT_TOO_LONG,     /* longer than Stormdrill takes */
    SD_REFUSAL_PLATFORM_LIMIT,    /* longer than the platform allows (X: 280 characters) */
    SD_REFUSAL_UNKNOWN_TARGET,
    SD_REFUSAL_UNKNOWN_STEP,
    SD_REFUSAL_NO_PERSON,         /* account remove_access without a (known) person */
    SD_REFUSAL_COUNT
} sd_refusal;
sd_refusal sd_session_last_refusal(const sd_session *s);
/* The participant will act after `delay` simulated seconds (scripted reaction time). */
sd_status sd_session_act_later(sd_session *s, const sd_action *a, int64_t delay, sd_error *err);
/* The unsent text the participant is writing (a front end calls it whenever its editor's
 * text changes): when the exercise ends, whatever the reason, the session writes it as a
 * draft record (action "draft": item optional, text required) just before its end record,
 * so that the work is kept. A draft never scores and is never given again on resume.
 * item: the id of the item the text answers, or NULL (a statement being written; an id
 * the session does not know is dropped). text NULL or "" clears the draft. The text is
 * made valid UTF-8 and cut (at a character) to SD_MAX_TEXT_BYTES. Copied. Ignored once the
 * exercise has ended. Fails only when memory runs out (the draft is then cleared). */
sd_status sd_session_set_draft(sd_session *s, const char *item, const char *text);
/* Ends the exercise now (the facilitator's "end exercise"). */
sd_status sd_session_end(sd_session *s, const char *reason, sd_error *err);

/* About how many items the exercise will have (declared items plus the storms' expected
 * counts at neutral intensity): a hint for reserving memory, nothing more. */
size_t sd_session_expected_items(const sd_session *s);

sd_time sd_session_now(const sd_session *s);
bool sd_session_finished(const sd_session *s);
const sd_scenario *sd_session_scenario(const sd_session *s);

/* The audience model and situation figures, as of now. */
typedef struct sd_situation {
    sd_time now;
    size_t items, waiting, overdue, answered;
    int64_t oldest_wait; /* seconds the oldest unanswered item has waited; 0 if none */
    double intensity;    /* storm multiplier from the audience, 1 = neutral */
    double sentiment;    /* readers' sentiment, -1 .. 1 */
    size_t rejected;
    size_t colleagues;   /* simulated colleagues in (scenario{ colleague = ... }) */
} sd_situation;
void sd_session_situation(sd_session *s, sd_situation *out);

/* The storms' themes as the audience model sees them now (docs/scoring.md, "The audience
 * model"): unseen until its first comment, open, answered once a public reply of at least 8
 * words (or a refer_previous) went to one of its comments. */
typedef enum sd_theme_state {
    SD_THEME_STATE_UNSEEN, SD_THEME_STATE_OPEN, SD_THEME_STATE_ANSWERED
} sd_theme_state;

typedef struct sd_theme_view {
    const char *storm, *id, *label; /* borrowed from the scenario */
    sd_theme_kind kind;
    sd_theme_state state;
    bool pinned;   /* the pinned reply answers one of its comments, or a statement is pinned */
    bool overdue;  /* open, past its target, neither answered nor pinned */
    double weight; /* its weight when a comment's theme is picked now */
} sd_theme_view;

/* Every storm's themes in declaration order: i < sd_session_n_themes(s). */
size_t sd_session_n_themes(const sd_session *s);
void sd_session_theme(const sd_session *s, size_t i, sd_theme_view *out);
/* What is pinned to the top of the post: the id of the item whose latest public reply of
 * the participant is pinned, "statement" for the latest statement, or NULL. */
const char *sd_session_pinned(const sd_session *s);

#endif
