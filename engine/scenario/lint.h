/* lint.h - authoring checks on a loaded scenario (`stormdrill check`): mistakes the loader
 * lets through because the file is valid Lua and every name exists, but which no
 * participant could act on - an expectation no action can meet, a deadline under a minute,
 * a link that is no web address, a storm nobody could keep up with, items at the very end,
 * nothing to score, duplicate storm texts, a comment that arrives before its post.
 *
 * Each finding is a warning (worth a look; the file still passes) or an error (the
 * exercise cannot be played as meant), with the line of the declaration and a hint.
 * Linting reads the scenario only; it never changes it and never runs its callbacks.
 *
 * Ownership: an sd_lint_list owns its messages; release it with sd_lint_list_free(). */
#ifndef SD_LINT_H
#define SD_LINT_H

#include <stddef.h>
#include <stdio.h>

#include "../util/error.h"
#include "scenario.h"

typedef enum sd_lint_level { SD_LINT_WARNING, SD_LINT_ERROR } sd_lint_level;

typedef struct sd_lint_msg {
    sd_lint_level level;
    int line;          /* of the declaration in the scenario file (>= 1) */
    const char *code;  /* stable short id: "unanswerable", "within", "link", ... (static) */
    char *text;        /* what is wrong, naming the declaration (owned) */
    char *hint;        /* what to do about it (owned) */
} sd_lint_msg;

typedef struct sd_lint_list {
    char *file;        /* the scenario's display name (owned) */
    sd_lint_msg *msgs; /* in the order found: by declaration kind, then declaration order */
    size_t n, cap;
    size_t errors, warnings;
} sd_lint_list;

#define SD_LINT_LIST_INIT {NULL, NULL, 0, 0, 0, 0}

/* Runs every check on sc and appends the findings to out (which starts empty or as
 * SD_LINT_LIST_INIT). Fails only when memory runs out. */
sd_status sd_scenario_lint(const sd_scenario *sc, sd_lint_list *out, sd_error *err);

/* Prints one finding as "file:line: warning: text (hint)" or "...: error: ...", its texts
 * escaped for a terminal (util/termtext.h). */
void sd_lint_print(FILE *f, const sd_lint_list *l, const sd_lint_msg *m);

void sd_lint_list_free(sd_lint_list *l);

/* ---- the load on one person (the workshop's view of a scenario) ----
 *
 * How many answers one person must give per real minute at the scenario's compression:
 * each item that expects an answer or an escalation counts 1 when it arrives; each storm
 * theme that is answered publicly (question, complaint, rumour) counts 1 when its first
 * comment is expected, its direct questions (count x non-troll share x theme share x
 * direct) as they are expected to come, at a neutral audience, and every comment of a
 * threat or personal-data theme counts 1; a hijack counts 2 (the escalation to IT
 * security and the message to the followers); a crisis counts 4 at its start (manager,
 * colleague, press officer and a statement). A storm without declared themes is one
 * question theme whose direct share is 0.1. Items a callback injects, prepared injects,
 * repeats and account steps are not counted. One person keeps up with about one answer a
 * real minute (45-60 s a reply): a 10-real-minute window that needs more is overloaded.
 * docs/scenario-api.md ("The load on one person") documents the numbers. */
#define SD_LOAD_WINDOW_MIN 10          /* real minutes per window */
#define SD_LOAD_MAX_PER_MIN 1.0        /* answers a person keeps up with per real minute */
#define SD_LOAD_BRIEFING (10 * 60)     /* real seconds of briefing and debrief in a slot */
#define SD_LOAD_MAX_MINUTES (7 * 1440) /* the estimate covers at most a week of real time */

typedef struct sd_load {
    double real_length;  /* real seconds: duration / compression */
    int64_t slot;        /* scenario{ slot }, real seconds; 0 = not given */
    double *per_minute;  /* answers needed in each real minute from the start (owned) */
    size_t n_minutes;    /* ceil(real length in minutes), at least 1, at most
                            SD_LOAD_MAX_MINUTES */
    double total;        /* answers needed over the minutes estimated */
    double mean;         /* answers per real minute over them */
    double peak;         /* answers per real minute in the busiest window */
    size_t peak_from, peak_to; /* its real minutes from the start: [from, to) */
} sd_load;

#define SD_LOAD_INIT {0, 0, NULL, 0, 0, 0, 0, 0, 0}

/* Estimates the load of sc into out (which starts as SD_LOAD_INIT). Fails only when
 * memory runs out. */
sd_status sd_scenario_load_estimate(const sd_scenario *sc, sd_load *out, sd_error *err);

/* The answers needed in the window of `len` real minutes starting at minute `from`
 * (cut at the end). */
double sd_load_window(const sd_load *l, size_t from, size_t len);

void sd_load_free(sd_load *l);

#endif
