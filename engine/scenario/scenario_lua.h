/* scenario_lua.h - internal helpers shared by the scenario loader and the session's
 * run-time Lua API (inject{} reads an item table the way comment{} does). Not for front
 * ends: use scenario.h. */
#ifndef SD_SCENARIO_LUA_H
#define SD_SCENARIO_LUA_H

#include <lua.h>

#include "scenario.h"

/* Fills e with the defaults for an item of this kind written by someone in this mood. */
void sd_expect_defaults(sd_expect *e, sd_kind kind, sd_mood mood);
/* Reads an item table at stack index t into d, raising a Lua error with the script's line
 * on bad input. The table is read raw and refused if it has a metatable (no script code runs
 * while it is read). default_id: the id when the table gives none (NULL: 'id' is required).
 * Strings are copied into sc's arena. */
void sd_read_item(lua_State *L, sd_scenario *sc, int t, sd_kind kind, sd_time base,
                  const char *decl, const char *default_id, sd_item_def *d);
const sd_item_def *sd_scenario_item_def(const sd_scenario *sc, const char *id);
/* True for ids of the forms the session generates: "<storm>-<digits>",
 * "<hijack>-notice-<digits>", "<hijack>-post-<digits>". */
bool sd_scenario_generated_id(const sd_scenario *sc, const char *id);
/* What follows "<base>-" in id, or NULL when id does not start so; and whether a string
 * is one or more digits. The pieces of the generated id forms above. */
const char *sd_generated_suffix(const char *id, const char *base);
bool sd_all_digits(const char *s);
/* The storm's relative rate at x seconds after its start, and the curve's maximum. */
double sd_storm_curve(const sd_storm *s, double x);
double sd_storm_curve_max(const sd_storm *s);

#endif
