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

#endif
