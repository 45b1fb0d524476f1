/* cmd_check.c - `stormdrill check FILE...`: loads each scenario in the sandbox, runs the
 * authoring checks (scenario/lint.h) and dry-runs it to the end with a passive participant,
 * reporting file:line: message, file:line: warning: ... and file:line: error: ... */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scenario/lint.h"
#include "scenario/scenario.h"
#include "session/session.h"

static const char usage[] =
    "Usage: stormdrill check FILE...\n"
    "Loads each scenario in the sandbox, checks it for authoring mistakes (expectations no\n"
    "action can meet, deadlines under a minute, links that are no web address, storms nobody\n"
    "could keep up with ...) and runs it to its end with a participant who does nothing.\n"
    "Prints 'file: ok' for a good file, else 'file:line: message', 'file:line: error: ...'\n"
    "and 'file:line: warning: ...' lines, each with a hint. Warnings do not fail a file.\n"
    "Exit 0 when all files are fine (warnings allowed), 1 when any has an error.\n";

static void drop_print(void *ctx, const char *line)
{
    (void)ctx;
    (void)line;
}

/* Dry-runs a loaded scenario to its end with a participant who does nothing. */
static sd_status dry_run(sd_scenario *sc, sd_error *err)
{
    sd_session *s = NULL;
    sd_sandbox_set_print(sc->sb, drop_print, NULL);
    sd_session_config cfg = {.scenario = sc, .participant = "Check", .participant_kind = "none"};
    sd_status st = sd_session_create(&cfg, &s, err);
    if (st == SD_OK)
        st = sd_session_start(s, err);
    if (st == SD_OK)
        st = sd_session_run(s, err);
    sd_session_destroy(s);
    return st;
}

static void print_error(const char *path, const sd_error *err)
{
    const char *msg = sd_error_msg(err);
    /* Messages from the loader already start with the file name. */
    if (strncmp(msg, path, strlen(path)) == 0)
        sd_term_printf(stdout, "%s\n", msg);
    else
        sd_term_printf(stdout, "%s: %s\n", path, msg);
}

/* Checks one file and prints what it finds; true when the file is fine. */
static bool check_one(const char *path)
{
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    sd_lint_list lint = SD_LINT_LIST_INIT;
    bool ok = false;
    if (sd_scenario_load(path, NULL, &sc, &err) != SD_OK) {
        print_error(path, &err);
        goto done;
    }
    if (sd_scenario_lint(sc, &lint, &err) != SD_OK) {
        print_error(path, &err);
        goto done;
    }
    for (size_t i = 0; i < lint.n; i++)
        sd_lint_print(stdout, &lint, &lint.msgs[i]);
    if (lint.errors > 0)
        goto done; /* fix these first: the dry run would only repeat them */
    if (dry_run(sc, &err) != SD_OK) {
        print_error(path, &err);
        goto done;
    }
    ok = true;
    if (lint.warnings > 0)
        sd_term_printf(stdout, "%s: ok (%zu warning%s)\n", path, lint.warnings, lint.warnings == 1 ? "" : "s");
    else
        sd_term_printf(stdout, "%s: ok\n", path);
done:
    sd_lint_list_free(&lint);
    sd_scenario_free(sc);
    sd_error_clear(&err);
    return ok;
}

int sd_cmd_check(int argc, char **argv)
{
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    if (argc < 2) {
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    int rc = SD_EXIT_OK;
    for (int i = 1; i < argc; i++)
        if (!check_one(argv[i]))
            rc = SD_EXIT_INPUT;
    return rc;
}
