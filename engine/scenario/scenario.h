/* scenario.h - a loaded scenario: what the Lua file declared, as plain C data.
 *
 * sd_scenario_load() runs the scenario file in a fresh sandbox; each declaration
 * (scenario{}, persona{}, comment{}, storm{}, hijack{}, on(), every(), when() ...) is
 * validated where it is made, so errors name the author's file and line. Afterwards
 * cross-references (personas, parents, repeats, times inside the exercise) are checked.
 *
 * Ownership: the sd_scenario owns everything it points to (strings live in its arena) and
 * its sandbox, whose Lua functions (storm composers, callbacks) the session calls later.
 * Free it with sd_scenario_free(). A scenario is used by one session at a time. */
#ifndef SD_SCENARIO_H
#define SD_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../calendar/calendar.h"
#include "content.h"
#include "../guideline/vocab.h"
#include "../sandbox/sandbox.h"
#include "../util/arena.h"
#include "../util/error.h"
#include "../util/strmap.h"

/* What a good response to an item looks like, in the guideline's rule ids. */
typedef struct sd_expect {
    bool answer;             /* an answer is expected (reply, refer_previous, dm_reply...) */
    int64_t within;          /* target in simulated seconds; 0 = working-day deadline */
    bool acknowledge;        /* acknowledge first (default: author frustrated or angry) */
    const char *link;        /* the link a reply should carry, or NULL */
    uint32_t escalate;       /* bit per sd_target expected */
    int64_t escalate_within; /* seconds; 0 = same as within / deadline */
    bool escalate_within_given; /* the scenario wrote escalate_within (lint: "0" is a mistake) */
    uint32_t ok;             /* bit per sd_decision acceptable (0 = scenario gave none) */
    uint32_t fault;          /* bit per sd_decision that is a fault */
    sd_class cls;            /* response-model class */
    uint64_t rules;          /* bit per sd_rule the item trains (move_case, repeat_once...) */
    double weight;           /* weight in the speed score, default 1 */
    int max_words;           /* 0 = default */
    uint32_t steps;          /* bit per sd_step the account needs after this item (hijack
                                notices) */
    const char *person;      /* remove_access: whose (persona id), or NULL */
    const sd_content *content;   /* what a good reply says (key points, refer, channel,
                                    avoid, model answer), or NULL */
    const sd_content *statement; /* a hijack notice: what the message to the followers
                                    must say once the account is back, or NULL */
} sd_expect;

typedef struct sd_persona {
    const char *id;
    const char *first, *last; /* first may be NULL when the persona has a handle */
    const char *handle;       /* the platform handle without '@' ("lenah_82"), or NULL */
    sd_mood mood;
    const char *traits; /* comma-separated, or NULL */
    int line;           /* where it was declared */
} sd_persona;

/* An item declared at a fixed time, or injected by a callback at run time. */
typedef struct sd_item_def {
    const char *id;
    sd_kind kind;
    sd_time at;
    const char *author;  /* persona id for comments, replies, dms, inquiries; NULL otherwise */
    const char *parent;  /* item id this one is on (comment -> post, reply -> comment) */
    const char *text;
    const char *title;   /* media: headline; optional elsewhere */
    const char *outlet;  /* media, inquiry: the outlet's name */
    const char *url;     /* media: the article's address; post: the link preview's address
                            (post{ link = { url = ... } }) */
    int own_platform;    /* post: the sd_platform it sets (post{ platform = ... }) plus 1,
                            or 0: the scenario's (a zeroed definition sets none) */
    const char *image;     /* post: the image path as written (relative to the scenario's
                              folder or assets/images/), or NULL */
    const char *image_alt; /* post: the image's description, or NULL */
    const char *link_title, *link_site; /* post: the link preview's title and site, or NULL */
    sd_sender from;      /* internal: who writes */
    const char *repeat_of; /* item id this repeats (rule repeat_once) */
    sd_expect expect;
    int line;
} sd_item_def;

/* An answer template (rule qa_templates): text a participant can insert and adapt;
 * placeholders like "[namn]" are to be filled in. */
typedef struct sd_template {
    const char *id, *title, *text;
    int line;
} sd_template;

typedef enum sd_curve { SD_CURVE_FLAT, SD_CURVE_RAMP, SD_CURVE_BURST, SD_CURVE_CUSTOM } sd_curve;

typedef struct sd_curve_point {
    double at;   /* seconds from the storm's start */
    double rate; /* relative rate */
} sd_curve_point;

#define SD_MAX_CURVE_POINTS 64

typedef struct sd_text_pool {
    const char **texts; /* arena-owned */
    size_t n;
} sd_text_pool;

/* A storm's theme (storm{ themes = { ... } }, docs/scenario-api.md): the question,
 * complaint, rumour, threat or personal data a share of its comments stand for. A storm
 * without declared themes has one implicit theme (implicit = true): id and label the
 * storm's id, kind question, the storm's expect for its content, within and link. */
typedef struct sd_storm_theme {
    const char *id, *label;
    sd_theme_kind kind;
    double share;             /* relative weight among the storm's themes (default 1) */
    double direct;            /* share of its comments that ask the organisation directly
                                 and need their own answer (default by kind: 0.1 question,
                                 0.05 complaint and rumour, 0 threat and personal_data) */
    sd_text_pool texts[SD_MOOD_COUNT + 1]; /* per mood ([SD_MOOD_TROLL] stays empty);
                                              [SD_MOOD_COUNT] = any mood */
    int64_t within;           /* seconds: the target for an answer (default: the storm's
                                 expect.within, 15m for threat and personal_data); 0 = the
                                 working-day deadline */
    const char *link;         /* the link an answer carries (default: the storm's), or NULL */
    const sd_content *content; /* what a good answer says (in sd_scenario.contents), or NULL */
    bool implicit;            /* made by the loader for a storm without themes */
    int line;                 /* the storm's line */
} sd_storm_theme;

typedef struct sd_storm {
    const char *id;
    const char *parent;   /* post the storm comments on */
    sd_time from, to;
    double count;         /* expected number of comments over the window */
    sd_curve curve;
    sd_curve_point points[SD_MAX_CURVE_POINTS];
    size_t n_points;
    double curve_area;    /* integral of the relative curve over [0, to-from] */
    double mood_mix[SD_MOOD_COUNT]; /* normalised shares */
    sd_text_pool texts[SD_MOOD_COUNT + 1]; /* per mood; [SD_MOOD_COUNT] = any mood */
    int compose_ref;      /* Lua function composing a text, or LUA_NOREF */
    double repeats;       /* share of comments that repeat an earlier question */
    const char **authors; /* persona ids to draw authors from (NULL = generated names) */
    size_t n_authors;
    sd_expect expect;     /* per-comment expectation; class troll for troll comments */
    sd_expect troll_expect;
    sd_storm_theme *themes; /* at least one (the implicit theme when none was declared);
                               arena-owned */
    size_t n_themes;
    int line;
} sd_storm;

typedef struct sd_hijack {
    const char *id;
    sd_time at;
    const char *notice;       /* platform notice text */
    const char **posts;       /* attacker post texts, in order, repeated as needed */
    size_t n_posts;
    int64_t every;            /* seconds between attacker posts while in control */
    int64_t returns_after;    /* seconds after the last step before a returning attack */
    uint32_t steps;           /* bit per sd_step required */
    const char *former;       /* persona id of the former employee to remove, or NULL */
    const sd_content *message; /* what the message to the followers must say, or NULL
                                  (copied into the notice's expect.statement) */
    int line;
} sd_hijack;

typedef enum sd_hook_kind { SD_HOOK_ACTION, SD_HOOK_ITEM, SD_HOOK_EVERY, SD_HOOK_WHEN } sd_hook_kind;

typedef struct sd_hook {
    sd_hook_kind kind;
    int fn_ref;          /* the callback */
    int cond_ref;        /* SD_HOOK_WHEN: the condition; else LUA_NOREF */
    int64_t every;       /* SD_HOOK_EVERY: period in seconds */
    int action_filter;   /* SD_HOOK_ACTION: sd_action_kind or -1 for all */
    int line;
} sd_hook;

/* Tunable audience model (rules silent_audience, active_in_comments). */
/* Each simulated minute, pressure = (newly overdue - answered on time) / (their sum), in
 * -1..1; intensity moves by responsiveness x pressure and drifts back towards 1 by
 * calm_rate x (1 - intensity); sentiment moves by sentiment_rate x -pressure. Deleting
 * legitimate criticism adds delete_penalty to intensity at once. */
typedef struct sd_audience_params {
    double responsiveness;   /* intensity change per minute at full pressure (0.05) */
    double calm_rate;        /* share of the distance to 1 recovered per minute (0.01) */
    double delete_penalty;   /* intensity added when legitimate criticism is deleted (0.3) */
    double min_intensity, max_intensity; /* bounds (0.5, 3) */
    double sentiment_rate;   /* sentiment change per minute at full pressure (0.02) */
} sd_audience_params;

/* What scoring may be tuned by a scenario (scenario{ scoring = { ... } }); see
 * docs/scoring.md. Written into the session log's header, so that a log alone scores. */
typedef struct sd_scoring_params {
    double w_speed, w_tone, w_escalation; /* overall = weighted mean (0.4, 0.35, 0.25) */
    double late_zero;        /* an answer at this multiple of its target scores 0 (4) */
    int max_words;           /* concise (100) */
    double max_lix;          /* plain_language (45) */
    bool crisis;             /* crisis process expected (default: the scenario has a storm) */
    sd_time crisis_start;    /* when the crisis starts (default: the first storm's start) */
    int64_t backup_within;   /* manager and colleague_backup within this of the start (30m) */
    int64_t statement_within; /* a statement published within this (60m) */
    int troll_words;         /* a reply to a troll longer than this is a fault (25) */
    const sd_content *statement; /* what a crisis statement (show_action) must say, or NULL
                                    (then: the built-in minimum, docs/scoring.md) */
    const char *const *words;    /* words the spelling check accepts besides the
                                    dictionaries (scenario{ words = { ... } }) */
    size_t n_words;
} sd_scoring_params;

void sd_scoring_params_default(sd_scoring_params *p);

/* The simulated colleagues that `escalate colleague_backup` brings in (scenario{ colleague =
 * { name = "Sara", delay = "5m", pace = "2m", more = { "Johan" } } }; docs/scenario-api.md).
 * The first call brings in `name` after `delay`; each further call for backup (or for the
 * manager once a colleague is in) brings the next name of `more`. Each colleague answers the
 * oldest plain question still waiting once every `pace` (session.c). Strings are in the
 * scenario's arena. */
#define SD_MAX_COLLEAGUES 8 /* name and up to 7 more */
typedef struct sd_colleague_params {
    const char *name;         /* the first colleague's first name (sv "Sara", en "Sam") */
    int64_t delay;            /* seconds from the call until the colleague is in (5m) */
    int64_t pace;             /* simulated seconds per reply (2m) */
    const char *const *more;  /* the next colleagues' first names, in order (none) */
    size_t n_more;
} sd_colleague_params;

/* The defaults for a scenario in lang. */
void sd_colleague_params_default(sd_colleague_params *p, sd_language lang);
/* The colleagues in the order they come: 0 is name, i >= 1 is more[i - 1]; NULL past the
 * end. */
const char *sd_colleague_name(const sd_colleague_params *p, size_t i);

typedef struct sd_scenario {
    /* metadata */
    const char *path;        /* as given */
    const char *display;     /* name used in messages */
    char sha256[65];         /* of the file's bytes */
    const char *id, *title, *description, *aim, *role;
    sd_language lang;
    sd_time start;
    int64_t duration;        /* seconds */
    double compression;      /* simulated seconds per real second */
    int64_t slot;            /* the workshop slot it fits, real seconds (scenario{ slot =
                                "1h" }); 0 = not given */
    uint64_t seed;
    const char *account_name, *account_handle;
    sd_platform platform;    /* scenario{ platform = ... } (default facebook) */
    sd_calendar calendar;
    sd_audience_params audience;
    sd_scoring_params scoring;
    sd_colleague_params colleague; /* scenario{ colleague = { ... } } or the defaults */
    int default_max_words;
    /* declarations, in declaration order */
    sd_persona *personas; size_t n_personas;
    sd_item_def *items;   size_t n_items;
    sd_storm *storms;     size_t n_storms;
    sd_hijack *hijacks;   size_t n_hijacks;
    sd_hook *hooks;       size_t n_hooks;
    sd_item_def *prepared; size_t n_prepared; /* injects the facilitator sends on a key */
    sd_template *templates; size_t n_templates; /* answer templates, in declaration order */
    /* Every content declared at load time (expect.points..., scoring.statement, hijack
     * messages), in declaration order: contents[i]->index == i. Written in the log header. */
    const sd_content **contents; size_t n_contents;
    bool declared;           /* scenario{} was called */
    bool scoring_crisis_set, scoring_start_set; /* given in scoring = { ... } */
    int scenario_line;
    /* owned */
    const char *dir;         /* the scenario file's folder (post{ image } is found there) */
    const char *assets_dir;  /* the assets folder (sd_assets_dir()) */
    sd_sandbox *sb;
    sd_arena arena;
    size_t cap_personas, cap_items, cap_storms, cap_hijacks, cap_hooks, cap_prepared, cap_templates;
    size_t cap_contents;
    size_t contents_json;    /* bytes the contents take in the log header (the budget:
                                SD_MAX_CONTENTS_JSON) */
    bool loaded;             /* sd_scenario_load() has finished: a content declared now (by
                                a callback's inject{}) gets index -1 and is not in contents */
    /* id -> index maps (keys are the arrays' ids): loading and look-ups stay linear */
    sd_strmap persona_ids, item_ids, storm_ids, hijack_ids, template_ids;
    /* the declaration being read now, or NULL: one made meanwhile is refused */
    const char *reading;
} sd_scenario;

typedef struct sd_load_options {
    const sd_sandbox_limits *limits; /* NULL = defaults */
    const char *display;             /* name for messages; NULL = the path */
} sd_load_options;
/* (post{ image } is looked for in the scenario's folder, then in images/ under the assets
 * folder: $STORMDRILL_ASSETS, else the source tree's assets/; scoring/texts.h.) */

/* The most bytes a post's image file may have (4 MiB), and the most pixels a side (a small
 * file can decode to a huge picture: a PNG of 30,000 x 30,000 pixels of one colour is a
 * few kilobytes and 3.4 GiB once decoded). */
#define SD_MAX_IMAGE_BYTES ((size_t)4 << 20)
#define SD_MAX_IMAGE_SIDE 4096

/* Checks an image path of a post: relative, no "..", found relative to scenario_dir (the
 * scenario file's folder) or to assets_dir/images/, at most SD_MAX_IMAGE_BYTES, and a PNG,
 * JPEG or BMP by its first bytes whose header gives its size in pixels, at most
 * SD_MAX_IMAGE_SIDE a side. On success *resolved (malloc'd, the caller frees; may be
 * NULL) is the path that exists. On failure a message without location ("image
 * 'x.png': ...") in err. */
/* Why an image path as written may not be used (absolute, '..', a backslash, empty), or
 * NULL: the part of the check that needs no file (the log reader uses it too). */
const char *sd_image_path_problem(const char *path);
sd_status sd_scenario_image_check(const char *path, const char *scenario_dir,
                                  const char *assets_dir, char **resolved, sd_error *err);

sd_status sd_scenario_load(const char *path, const sd_load_options *opt, sd_scenario **out,
                           sd_error *err);
void sd_scenario_free(sd_scenario *sc);

const sd_persona *sd_scenario_persona(const sd_scenario *sc, const char *id);

/* Parses a time of the scenario: "+90m", "+1h30m", "+2d", "HH:MM" (on the start day),
 * "YYYY-MM-DD HH:MM", or a number of minutes after `base`. */
sd_status sd_parse_when(const char *s, sd_time base, sd_time start, sd_time *out, sd_error *err);
/* Parses a duration: "45s", "30m", "2h", "1h30m", "1d", or a number of minutes. */
sd_status sd_parse_duration(const char *s, int64_t *out, sd_error *err);

#endif
