/* cli.h - the stormdrill command line: one function per subcommand, each returning the
 * process exit status (0 ok, 1 bad input, 2 bad usage). */
#ifndef SD_CLI_H
#define SD_CLI_H

#include "util/error.h"
#include "util/termtext.h" /* every line printed goes through sd_term_printf */

#include <stdbool.h>
#include <stddef.h>

#define SD_EXIT_OK 0
#define SD_EXIT_INPUT 1
#define SD_EXIT_USAGE 2

int sd_cmd_run(int argc, char **argv);
int sd_cmd_check(int argc, char **argv);
int sd_cmd_score(int argc, char **argv);
int sd_cmd_replay(int argc, char **argv);
int sd_cmd_review(int argc, char **argv);
int sd_cmd_calendar(int argc, char **argv);
int sd_cmd_tone(int argc, char **argv);
int sd_cmd_new(int argc, char **argv);
int sd_cmd_timeline(int argc, char **argv);
int sd_cmd_report(int argc, char **argv);
int sd_cmd_window(int argc, char **argv); /* argv[1] is the scenario */
int sd_cmd_resume(int argc, char **argv);
/* True when SDL can open a window here (a display, or a driver chosen in SDL_VIDEODRIVER). */
bool sd_window_display_available(void);

/* Exit status for a failed core call. */
int sd_exit_for(const sd_error *err);
/* True when argv[i] is -h or --help. */
int sd_wants_help(int argc, char **argv);
/* Today's local date, "YYYY-MM-DD": the date written in a new session log's header. */
void sd_cli_today(char out[11]);
/* An sd_print_fn for scenario and participant scripts: each print() line to stderr, escaped
 * (util/termtext.h; the sandbox has cut it at SD_PRINT_MAX_BYTES). */
void sd_cli_print_stderr(void *ctx, const char *line);
/* Loads a scenario and a scripted participant for a headless run (run, resume), their
 * print() going to stderr. The caller frees both (also what was loaded on failure). */
struct sd_scenario;
struct sd_bot;
sd_status sd_cli_load_scripted(const char *scenario, const char *participant,
                               const char *const *params, size_t n_params,
                               struct sd_scenario **sc, struct sd_bot **bot, sd_error *err);

#endif
