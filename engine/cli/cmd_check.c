/* cmd_check.c - `stormdrill check FILE...`: loads each scenario in the sandbox, runs the
 * authoring checks (scenario/lint.h) and dry-runs it to the end with a passive participant,
 * reporting file:line: message, file:line: warning: ... and file:line: error: ...; and, in
 * the scenario's language, its real length, its slot and the load it puts on one person. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scenario/lint.h"
#include "scenario/scenario.h"
#include "scoring/texts.h"
#include "session/session.h"
#include "util/buf.h"

static const char usage[] =
    "Usage: stormdrill check FILE...\n"
    "Loads each scenario in the sandbox, checks it for authoring mistakes (expectations no\n"
    "action can meet, deadlines under a minute, links that are no web address, storms nobody\n"
    "could keep up with ...) and runs it to its end with a participant who does nothing.\n"
    "Prints 'file: ok' for a good file, else 'file:line: message', 'file:line: error: ...'\n"
    "and 'file:line: warning: ...' lines, each with a hint. Warnings do not fail a file.\n"
    "For each file it also prints, in the scenario's language, its real length (duration /\n"
    "compression) and slot, and the load on one person: answers needed per real minute in\n"
    "the busiest 10-minute window and on average (a warning where more than one a minute).\n"
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

/* "1h30m", "45m", "2d3h" for seconds (rounded to the minute; under a minute: "30s"). */
static void span(double secs, char out[32])
{
    if (secs < 59.5) {
        snprintf(out, 32, "%llds", (long long)llround(secs));
        return;
    }
    long long m = llround(secs / 60.0);
    long long d = m / 1440, h = (m % 1440) / 60, mm = m % 60;
    int n = 0;
    if (d > 0)
        n += snprintf(out + n, 32 - (size_t)n, "%lldd", d);
    if (h > 0)
        n += snprintf(out + n, 32 - (size_t)n, "%lldh", h);
    if (mm > 0 || n == 0)
        snprintf(out + n, 32 - (size_t)n, "%lldm", mm);
}

/* A number with one decimal at most, with a decimal comma in Swedish. */
static void number(double v, sd_language lang, char out[32])
{
    snprintf(out, 32, "%.1f", v);
    size_t n = strlen(out);
    if (n > 2 && strcmp(out + n - 2, ".0") == 0)
        out[n - 2] = '\0';
    if (lang == SD_LANG_SV)
        for (char *p = out; *p; p++)
            if (*p == '.')
                *p = ',';
}

/* Prints "file: length ...; slot ..." and "file: load on one person ..." in the
 * scenario's language (assets/strings). */
static void print_load(const char *path, const sd_scenario *sc)
{
    sd_error err = SD_ERROR_INIT;
    sd_texts *tx = NULL;
    sd_load ld = SD_LOAD_INIT;
    sd_buf line = SD_BUF_INIT;
    if (sd_texts_load(sd_assets_dir(), sc->lang, &tx, &err) != SD_OK ||
        sd_scenario_load_estimate(sc, &ld, &err) != SD_OK) {
        print_error(path, &err);
        goto done;
    }
    char real[32], dur[32], comp[32], slot[32], peak[32], mean[32], from[32], to[32];
    span(ld.real_length, real);
    span((double)sc->duration, dur);
    snprintf(comp, sizeof comp, "%g", sc->compression);
    if (sc->lang == SD_LANG_SV)
        for (char *p = comp; *p; p++)
            if (*p == '.')
                *p = ',';
    span((double)sc->slot, slot);
    const char *ln[] = {"real", "duration", "compression", "slot"};
    const char *lv[] = {real, dur, comp, slot};
    sd_texts_format(tx, "check.length", &line, 3, ln, lv);
    sd_texts_format(tx, sc->slot > 0 ? "check.slot" : "check.no_slot", &line, 4, ln, lv);
    sd_term_printf(stdout, "%s: %s\n", path, sd_buf_str(&line));
    sd_buf_reset(&line);
    number(ld.peak, sc->lang, peak);
    number(ld.mean, sc->lang, mean);
    snprintf(from, sizeof from, "%zu", ld.peak_from);
    snprintf(to, sizeof to, "%zu", ld.peak_to);
    const char *pn[] = {"peak", "from", "to", "mean"};
    const char *pv[] = {peak, from, to, mean};
    sd_texts_format(tx, "check.load", &line, 4, pn, pv);
    sd_term_printf(stdout, "%s: %s\n", path, sd_buf_str(&line));
done:
    sd_buf_free(&line);
    sd_load_free(&ld);
    sd_texts_free(tx);
    sd_error_clear(&err);
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
    print_load(path, sc); /* for a file that runs: its length, slot and load */
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
