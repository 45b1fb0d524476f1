/* main.c - entry point of the stormdrill command line: dispatches to the subcommands. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "participant/bot.h"
#include "scenario/scenario.h"
#include "util/termtext.h"

static const char usage[] =
    "Usage: stormdrill SCENARIO [--lang sv|en] [--coach|--exam] [--log FILE] [--seed N] [--bench]\n"
    "       stormdrill run --headless --participant BOT.lua [--seed N] [--log FILE] [--out FILE]\n"
    "                      [--csv FILE] [--param KEY=VALUE]... [--no-wall-clock] [--date D]\n"
    "                      [--quiet] SCENARIO\n"
    "       stormdrill check FILE...\n"
    "       stormdrill new NAME [PATH]\n"
    "       stormdrill timeline SCENARIO [--svg FILE]\n"
    "       stormdrill score LOG [--out FILE] [--csv FILE] [--review FILE] [--quiet]\n"
    "       stormdrill report RESULTS... [--out DIR] [--lang sv|en] [--quiet]\n"
    "       stormdrill replay LOG [--lang sv|en] [--speed N]\n"
    "       stormdrill review LOG [--evaluator NAME] [--file REVIEWFILE] [--csv-out FILE | --csv-in FILE]\n"
    "       stormdrill resume LOG [--out FILE] [--csv FILE] [--no-wall-clock] [--quiet]\n"
    "       stormdrill calendar YEAR\n"
    "       stormdrill tone [--lang sv|en] --to NAME --signer NAME [--mood MOOD] [--json] < REPLY\n"
    "       stormdrill --version | --help\n"
    "\n"
    "Stormdrill replays a crisis on social media from a scenario file; the participant\n"
    "answers, moderates and escalates, and the exercise is logged and scored.\n"
    "Run 'stormdrill COMMAND --help' for the options of a command.\n"
    "Exit status: 0 ok, 1 bad input, 2 bad usage.\n";

int sd_exit_for(const sd_error *err)
{
    return err->status == SD_ERR_USAGE ? SD_EXIT_USAGE : SD_EXIT_INPUT;
}

int sd_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return 1;
    return 0;
}

void sd_cli_print_stderr(void *ctx, const char *line)
{
    (void)ctx;
    sd_term_printf(stderr, "%s\n", line);
}

sd_status sd_cli_load_scripted(const char *scenario, const char *participant,
                               const char *const *params, size_t n_params, sd_scenario **sc,
                               sd_bot **bot, sd_error *err)
{
    sd_status st = sd_scenario_load(scenario, NULL, sc, err);
    if (st == SD_OK)
        st = sd_bot_load(participant, NULL, params, n_params, bot, err);
    if (st != SD_OK)
        return st;
    sd_sandbox_set_print((*sc)->sb, sd_cli_print_stderr, NULL);
    sd_bot_set_print(*bot, sd_cli_print_stderr, NULL);
    return SD_OK;
}

void sd_cli_today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
             (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
}

int main(int argc, char **argv)
{
    /* Past a file-size limit (ulimit -f) a write then fails with EFBIG, which is reported
     * like a full disk, instead of the signal killing the program halfway through a file. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("stormdrill %s\n", SD_VERSION);
        return SD_EXIT_OK;
    }
    if (strcmp(cmd, "run") == 0)
        return sd_cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return sd_cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "score") == 0)
        return sd_cmd_score(argc - 1, argv + 1);
    if (strcmp(cmd, "resume") == 0)
        return sd_cmd_resume(argc - 1, argv + 1);
    if (strcmp(cmd, "replay") == 0)
        return sd_cmd_replay(argc - 1, argv + 1);
    if (strcmp(cmd, "review") == 0)
        return sd_cmd_review(argc - 1, argv + 1);
    if (strcmp(cmd, "calendar") == 0)
        return sd_cmd_calendar(argc - 1, argv + 1);
    if (strcmp(cmd, "tone") == 0)
        return sd_cmd_tone(argc - 1, argv + 1);
    if (strcmp(cmd, "new") == 0)
        return sd_cmd_new(argc - 1, argv + 1);
    if (strcmp(cmd, "timeline") == 0)
        return sd_cmd_timeline(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0)
        return sd_cmd_report(argc - 1, argv + 1);
    if (cmd[0] == '-') {
        sd_term_printf(stderr, "stormdrill: unknown option '%s'\n\n", cmd);
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    /* stormdrill SCENARIO: the exercise window (headless with the demo bot without a display). */
    return sd_cmd_window(argc, argv);
}
