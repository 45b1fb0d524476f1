/* session_internal.h - the session's internal state, shared by session.c (the simulation)
 * and session_lua.c (the run-time Lua API of scenario callbacks). Not for front ends. */
#ifndef SD_SESSION_INTERNAL_H
#define SD_SESSION_INTERNAL_H

#include <time.h>

#include "../sim/clock.h"
#include "../sim/queue.h"
#include "../sim/rng.h"
#include "../util/arena.h"
#include "../util/strmap.h"
#include "session.h"

enum {
    EV_ITEM_DEF,      /* a: index of a declared item */
    EV_INJECTED,      /* a: index into s->injected */
    EV_STORM,         /* a: storm index */
    EV_HIJACK_START,  /* a: hijack index */
    EV_ATTACK_POST,   /* a: hijack index, b: generation */
    EV_HIJACK_RETURN, /* a: hijack index */
    EV_TICK,          /* audience model, when-hooks, state records */
    EV_EVERY,         /* a: hook index */
    EV_PENDING,       /* a: index into s->pending */
    EV_COLLEAGUE_IN,  /* a: colleague number (0 = the first called) */
    EV_COLLEAGUE_REPLY, /* a: colleague number */
    EV_END
};

#define SD_ITEM_HIDDEN 1u
#define SD_ITEM_DELETED 2u
#define SD_ITEM_REPORTED 4u
#define SD_ITEM_OVERDUE 8u
#define SD_ITEM_REPLIED 16u  /* the participant replied to it in public (pin may pin that) */
#define SD_ITEM_DIRECT 32u   /* a storm comment that asks directly (its own answer needed) */

typedef struct sd_item {
    const char *id, *text;
    const char *author_id, *first, *last; /* borrowed (scenario or name tables) */
    const char *handle;                   /* the author's handle, or NULL (borrowed) */
    const sd_expect *expect;              /* borrowed */
    const sd_item_def *def;               /* declared or injected items, else NULL */
    const char *storm_id;                 /* storm items */
    const char *repeat_of;
    sd_time arrival, deadline, answered_at;
    int32_t parent;                       /* index, or -1 */
    uint8_t kind, mood, flags;
    int8_t sender;
    bool by_facilitator;
    uint16_t theme;                       /* storm comments: 1 + index into s->themes; 0 =
                                             none (trolls, items outside storms). In the
                                             struct's padding: a million comments cost no
                                             more than before */
} sd_item;

/* A storm theme at run time (docs/scoring.md, "The audience model"): its state and the
 * expectations its comments share. */

typedef struct theme_rt {
    const sd_storm_theme *def; /* borrowed from the scenario */
    uint32_t storm;            /* index of its storm */
    uint8_t state;             /* an sd_theme_state */
    bool answer_credited;      /* the on-time credit for its answer was given */
    bool pin_credited;         /* the on-time credit for a pin covering it was given */
    sd_time deadline;          /* open: when it is overdue without an answer (0: never) */
    /* What its comments expect, by the author's mood, direct (0/1) and repeat (0/1): a
     * handful per theme, shared by every comment (a comment keeps a pointer). */
    sd_expect expects[SD_MOOD_COUNT][2][2];
} theme_rt;

typedef struct storm_rt {
    sd_rng rng;
    double scale;      /* comments per second at relative rate 1 */
    double mult;       /* set_rate() multiplier */
    double lam_max;    /* candidate rate used for the pending candidate */
    double next;       /* time of the pending candidate, fractional */
    uint64_t n;        /* comments made */
    sd_expect expects[SD_MOOD_COUNT];
    sd_expect repeat_expects[SD_MOOD_COUNT]; /* the same, for repeated questions */
    uint32_t *index_of; /* item index of comment n (1-based) at [n - 1]: storm comments are
                           found by their id without the id map; owned */
    size_t cap_index;
    int32_t recent[64]; /* item indexes for repeats */
    size_t n_recent;
    uint32_t first_theme; /* its themes are s->themes[first_theme ...] (sd_storm.n_themes) */
} storm_rt;

typedef struct hijack_rt {
    bool active;       /* the attacker is in control */
    bool started;
    uint32_t done;     /* steps taken since the attacker last got in */
    uint32_t gen;      /* bumps each time control changes, to drop stale post events */
    uint32_t posts;    /* attacker posts made */
    uint32_t returns;
    sd_expect notice_expect, post_expect;
} hijack_rt;

/* A simulated colleague (scenario{ colleague = ... }): called by an escalation, in after the
 * delay, then one reply per pace. */
typedef struct colleague_rt {
    const char *name;  /* borrowed from the scenario */
    bool in;           /* has arrived */
    uint32_t replies;  /* replies made */
} colleague_rt;

typedef struct pending_action {
    sd_action a; /* strings in s->arena */
} pending_action;

typedef struct observer {
    sd_observer_fn fn;
    void *ctx;
} observer;

struct sd_session {
    sd_scenario *sc;
    sd_refusal refusal;      /* why the last sd_session_act was refused (NONE: it was not) */
    sd_session_config cfg;
    sd_arena arena;
    sd_clock clock;
    sd_queue events;
    sd_queue deadlines; /* a: item index, ordered by deadline */
    sd_rng rng;
    sd_time now, end;
    bool started, finished;
    struct timespec wall0;
    sd_item *items;
    size_t n_items, cap_items;
    sd_strmap ids;
    sd_item_def **injected; /* each in s->arena, so items may point at them */
    size_t n_injected, cap_injected;
    const char *end_reason; /* set by finish() from a scenario callback */
    char *draft_item, *draft_text; /* sd_session_set_draft(): owned copies, or NULL */
    sd_strmap injected_ids;
    pending_action *pending;
    size_t n_pending, cap_pending;
    storm_rt *storms;
    theme_rt *themes;       /* every storm's themes, in declaration order */
    size_t n_themes;
    sd_rec_theme *rec_themes; /* the same, as the header lists them */
    /* pin: what is pinned to the top of the post */
    int32_t pin_item;       /* the item whose (latest) public reply is pinned, or -1 */
    bool pin_statement;     /* the latest statement (publish) is pinned */
    bool published;         /* a statement has been published */
    hijack_rt *hijacks;
    bool *when_fired;
    observer observers[4];
    size_t n_observers;
    /* audience model */
    double intensity, sentiment;
    size_t waiting, overdue, answered, rejected;
    size_t tick_on_time, tick_overdue; /* this minute's answers on time and newly overdue */
    size_t oldest_scan; /* items before this index are not waiting */
    int64_t tick_count;
    uint32_t escalated; /* targets escalated so far, any item */
    /* simulated colleagues: who has been called (in order) and the plain questions they
     * may answer, by item index in arrival order; plain_next is the first that may still
     * wait (the ones before it are answered, hidden or deleted), so finding the oldest
     * waiting one costs no scan of the whole feed */
    colleague_rt colleagues[SD_MAX_COLLEAGUES];
    size_t n_colleagues_called, n_colleagues_in;
    uint32_t *plain;
    size_t n_plain, cap_plain, plain_next;
    sd_expect colleague_note_expect; /* the colleague's "I'm in" message: no answer expected */
    sd_buf colleague_text;           /* a colleague's reply as it is made */
    uint64_t next_colleague_note;    /* ids colleague-1, colleague-2 ... */
    uint64_t next_inject;
    sd_buf scratch;
    sd_error deferred;      /* a failure to log a facilitator control, for the next step */
    size_t next_prepared;   /* the scenario's prepared injects used so far */
    uint64_t next_facilitator;
    bool arriving_by_facilitator; /* set while a facilitator's inject arrives */
    int arriving_mood;            /* ... and the mood it chose for it (sd_mood), or -1 */
    struct sd_catchup *catchup;   /* resuming (resume.c): the log being caught up with */
    const sd_sandbox *budget_sb[3]; /* participants' Lua states counted in the budget */
    size_t n_budget_sb;
};

/* session.c */
sd_status sd_session_emit(sd_session *s, const sd_record *rec, sd_error *err);
/* Writes the draft registered with sd_session_set_draft (if any) as a draft record and
 * forgets it (session.c: before the end record; resume.c: a logged draft met again). */
sd_status sd_session_emit_draft(sd_session *s, sd_error *err);
sd_status sd_session_schedule(sd_session *s, sd_time t, int kind, int32_t a, int32_t b, sd_error *err);
bool sd_session_find(const sd_session *s, const char *id, uint32_t *index);
/* The platform an item record is seen on (what the session's X limit checks): a post's own
 * or the scenario's; a comment or reply, its post's; anything else the scenario's. */
sd_platform sd_session_item_platform(const sd_session *s, const sd_rec_item *it);
/* Processes every event due up to simulated time t and moves the clock there. */
sd_status sd_session_advance(sd_session *s, sd_time t, sd_error *err);
/* Makes the wall times of new records continue from last_wall_ms (a resumed log). */
void sd_session_continue_wall(sd_session *s, int64_t last_wall_ms);

/* resume.c: while catching up with a log, each record the session makes is compared with
 * the next logged one. *logged is true when it matched (so it is not written again);
 * false once the log is used up, after the session was given a writer that appends. */
struct sd_catchup;
sd_status sd_catchup_match(struct sd_catchup *cu, sd_session *s, const sd_record *rec,
                           bool *logged, sd_error *err);

/* The exercise's memory budget (session.h): SD_ERR_MEMORY "FILE: the exercise's memory
 * budget of N MiB is used up (by WHAT)" once what the scripts made the engine keep, and
 * their Lua states, pass it. file: who is to blame (the scenario's or participant's). */
/* A public reply (or refer_previous) to item idx was given, by the participant or by a
 * simulated colleague (by_participant false): the theme it answers counts as answered when
 * the reply has at least 8 words (a refer_previous always), and a participant's reply can
 * be pinned. kind: SD_ACT_REPLY or SD_ACT_REFER_PREVIOUS (others are ignored). */
void sd_session_note_reply(sd_session *s, uint32_t idx, sd_action_kind kind, const char *text,
                           bool by_participant);
/* The theme a storm comment stands for, or NULL (trolls, items outside storms). */
const sd_storm_theme *sd_session_item_theme(const sd_session *s, const sd_item *it);

sd_status sd_session_budget_check(sd_session *s, const char *file, const char *what,
                                  sd_error *err);
size_t sd_session_budget_used(const sd_session *s);

/* session_lua.c */
/* Makes the run-time functions (inject, set_rate ...) globals of the scenario's sandbox; in
 * a protected call, so a full memory cap is an error naming the file. */
sd_status sd_session_lua_register(sd_session *s, sd_error *err);
sd_status sd_session_lua_call_hook(sd_session *s, const sd_hook *h, const sd_record *rec,
                                   sd_error *err);
sd_status sd_session_lua_when(sd_session *s, const sd_hook *h, bool *fire, sd_error *err);
/* Calls the storm's compose(c) with c.mood, c.n, c.first, c.last, c.storm and, for a
 * themed comment, c.theme, c.theme_kind and c.direct. *theme: the index of the comment's
 * theme in st->themes (-1: none, a troll); compose may return text, theme_id to choose
 * another declared theme, which *theme then is. */
sd_status sd_session_lua_compose(sd_session *s, const sd_storm *st, sd_mood mood, uint64_t n,
                                 const char *first, const char *last, int *theme, bool direct,
                                 const char **text, sd_error *err);
/* Pushes the Lua table a participant or callback sees for an item record; platform: the
 * platform it is seen on (sd_session_item_platform), its field "platform". */
struct lua_State;
void sd_push_item_table(struct lua_State *L, const sd_rec_item *it, sd_time t, sd_time start,
                        sd_platform platform, bool with_hints);
/* The lazy, read-mostly view of an item that scripted participants get (same fields as
 * the table). The item's strings must outlive the view: true for a session's own items. */
void sd_push_item_view(struct lua_State *L, const sd_rec_item *it, sd_time t, sd_time start,
                       sd_platform platform);
void sd_push_state_table(struct lua_State *L, sd_session *s);

/* Runs build(L) with ctx as its only argument (a light userdata) in a protected call and
 * leaves what it returns (nresults values) on the stack: every value the engine makes for a
 * script is made this way, so a script that has filled its memory cap makes this an
 * SD_ERR_MEMORY error "FILE: ... could not make WHAT", never a Lua panic. build must not
 * run script code. Nothing is left on the stack on failure. */
sd_status sd_lua_protected(struct lua_State *L, int (*build)(struct lua_State *L), void *ctx,
                           int nresults, const char *file, const char *what, sd_error *err);

#endif
