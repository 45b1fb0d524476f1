/* cmd_check.c - `stormdrill check FILE...`: loads each scenario in the sandbox and
 * dry-runs it to the end with a passive participant, reporting file:line: message. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scenario/scenario.h"
#include "session/session.h"

static const char usage[] =
    "Usage: stormdrill check FILE...\n"
    "Loads each scenario in the sandbox and runs it to its end with a participant who does\n"
    "nothing. Prints 'file: ok' or 'file:line: message' per file; exit 0 when all are fine,\n"
    "1 when any is not.\n";

static void drop_print(void *ctx, const char *line)
{
    (void)ctx;
    (void)line;
}

static sd_status check_one(const char *path, sd_error *err)
{
    sd_scenario *sc = NULL;
    sd_session *s = NULL;
    sd_status st = sd_scenario_load(path, NULL, &sc, err);
    if (st != SD_OK)
        return st;
    sd_sandbox_set_print(sc->sb, drop_print, NULL);
    sd_session_config cfg = {.scenario = sc, .participant = "Check", .participant_kind = "none"};
    st = sd_session_create(&cfg, &s, err);
    if (st == SD_OK)
        st = sd_session_start(s, err);
    if (st == SD_OK)
        st = sd_session_run(s, err);
    sd_session_destroy(s);
    sd_scenario_free(sc);
    return st;
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
    for (int i = 1; i < argc; i++) {
        sd_error err = SD_ERROR_INIT;
        if (check_one(argv[i], &err) == SD_OK) {
            printf("%s: ok\n", argv[i]);
        } else {
            const char *msg = sd_error_msg(&err);
            /* Messages from the loader already start with the file name. */
            if (strncmp(msg, argv[i], strlen(argv[i])) == 0)
                printf("%s\n", msg);
            else
                printf("%s: %s\n", argv[i], msg);
            rc = SD_EXIT_INPUT;
        }
        sd_error_clear(&err);
    }
    return rc;
}
