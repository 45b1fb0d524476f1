/* bot.h - scripted participants: a Lua file (in the same sandbox as scenarios) that sees
 * the items a person would see on screen and answers with actions after a simulated
 * reaction delay. They drive headless runs, tests, demos and benchmarks.
 *
 * A bot file may declare participant{ name = "Kim" } and define on_item(item),
 * on_state(state) and on_end(state); each returns nothing, one action table or a list of
 * them: { action = "reply", item = item.id, text = "...", after = "3m" }. See
 * docs/participants.md.
 *
 * Ownership: sd_bot_load() returns a bot the caller frees with sd_bot_free(), after the
 * session it was attached to is destroyed. */
#ifndef SD_BOT_H
#define SD_BOT_H

#include <stddef.h>

#include "../sandbox/sandbox.h"
#include "../session/session.h"
#include "../util/error.h"

typedef struct sd_bot sd_bot;

/* params: "key=value" strings, visible to the script as the table `params`. */
sd_status sd_bot_load(const char *path, const sd_sandbox_limits *limits,
                      const char *const *params, size_t n_params, sd_bot **out, sd_error *err);
void sd_bot_free(sd_bot *b);

/* The participant's first name (participant{ name = ... }, default "Deltagare"). */
const char *sd_bot_name(const sd_bot *b);
const char *sd_bot_sha256(const sd_bot *b);
const char *sd_bot_path(const sd_bot *b);

/* Where the script's print() goes (default: dropped). */
void sd_bot_set_print(sd_bot *b, sd_print_fn fn, void *ctx);

/* Makes the bot watch the session and act in it. Call before sd_session_start(). */
sd_status sd_bot_attach(sd_bot *b, sd_session *s, sd_error *err);

#endif
