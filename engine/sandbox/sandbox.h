/* sandbox.h - a Lua 5.4 state for untrusted scenario and participant files.
 *
 * What a script can reach: the base functions that cannot touch the outside world
 * (assert, error, ipairs, next, pairs, pcall, xpcall, select, tonumber, tostring, type,
 * getmetatable, setmetatable, rawequal, rawget, rawlen, print, load of text only),
 * read-only `string` (without dump), `table`, `math` (random seeded from the exercise seed,
 * no randomseed) and `utf8`, plus `include(path)` for helper files inside the scenario's
 * own folder, loaded as text. No io, os, package, require, dofile, loadfile, debug,
 * coroutine or collectgarbage; the string metatable is locked; setmetatable refuses __gc
 * and __mode (no finalizers, no weak tables), also when added to a metatable later.
 *
 * Limits: an allocator cap (default 256 MiB), and per call an instruction budget and a
 * wall-clock limit enforced by a count hook. Work done inside one C call, where the hook
 * cannot see it, is charged to the same budget: table functions (plain tables only, real
 * lengths), pattern matching (a cost bound checked before each match; patterns above it
 * are refused), gsub's C-function replacements, load() and include() (bytes compiled), and
 * full collections; the deadline is checked after each such call. When a limit is hit the sandbox is "tripped":
 * the error cannot be swallowed by pcall inside the script (the wrappers re-raise it) and it
 * names the file and line that was running.
 *
 * Ownership: sd_sandbox_create() returns a sandbox the caller frees with
 * sd_sandbox_destroy(); the lua_State belongs to the sandbox. */
#ifndef SD_SANDBOX_H
#define SD_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <lua.h>

#include "../util/error.h"

typedef struct sd_sandbox_limits {
    size_t memory_bytes;           /* allocator cap; default 256 MiB */
    uint64_t instructions_per_call; /* VM instructions per sd_sandbox_call; default 200M */
    double seconds_per_call;       /* wall-clock limit per sd_sandbox_call; default 5 s */
} sd_sandbox_limits;

void sd_sandbox_limits_default(sd_sandbox_limits *lim);

/* Where print() goes: a callback that receives one line (without newline). NULL drops it. */
typedef void (*sd_print_fn)(void *ctx, const char *line);

typedef struct sd_sandbox sd_sandbox;

/* root_dir: the folder that include() may read from (the scenario file's folder); copied.
 * seed: seeds math.random. limits may be NULL for the defaults. */
sd_status sd_sandbox_create(const sd_sandbox_limits *limits, const char *root_dir,
                            uint64_t seed, sd_sandbox **out, sd_error *err);
void sd_sandbox_destroy(sd_sandbox *sb);

lua_State *sd_sandbox_state(sd_sandbox *sb);
void sd_sandbox_set_print(sd_sandbox *sb, sd_print_fn fn, void *ctx);

/* Makes a C function a global of the sandbox, with ctx available to it as upvalue 1
 * (lua_touserdata(L, lua_upvalueindex(1))). */
void sd_sandbox_register(sd_sandbox *sb, const char *name, lua_CFunction fn, void *ctx);

/* Reads a regular text file (at most 16 MiB; a pipe, a device or a socket is refused) and loads it as a chunk named by display_name (used in
 * error messages, e.g. "scenarios/vardag.lua"); on success the chunk is on the stack. */
sd_status sd_sandbox_load_file(sd_sandbox *sb, const char *path, const char *display_name,
                               sd_error *err);

/* Calls the function below nargs arguments on the stack, like lua_pcall, with fresh
 * per-call limits. On failure sets err to "file:line: message" (SD_ERR_SCRIPT, or
 * SD_ERR_MEMORY for the memory cap) and leaves nothing on the stack. */
sd_status sd_sandbox_call(sd_sandbox *sb, int nargs, int nresults, sd_error *err);

/* Reseeds math.random of the scripts (each exercise seeds its own stream). */
sd_status sd_sandbox_reseed(sd_sandbox *sb, uint64_t seed, sd_error *err);

/* Bytes the state has allocated now, and the peak. */
size_t sd_sandbox_memory(const sd_sandbox *sb);
size_t sd_sandbox_memory_peak(const sd_sandbox *sb);

/* Charges `units` of work done in C (about one VM instruction each: one element touched,
 * one byte compiled or scanned) to the running call's instruction budget, then checks the
 * budget and the wall-clock deadline. For the engine's own C functions called by scripts,
 * and used by the sandbox's wrappers of the libraries: call it before a loop whose length
 * a script chooses (with the work it will do) and after (with 0) to check the clock. When a
 * limit is over it trips the sandbox and raises the error (it does not return): the error
 * names the script's file and line, and pcall in the script cannot catch it. L must be the
 * sandbox's state, inside sd_sandbox_call. */
void sd_sandbox_charge(lua_State *L, uint64_t units);

/* The sandbox that owns L (from inside a C function called by a script). */
sd_sandbox *sd_sandbox_of(lua_State *L);
/* "file:line" of the script code at stack level `level` (1 = the Lua function that called
 * the running C function), into out; "?" when unknown. */
void sd_sandbox_where(lua_State *L, int level, char *out, size_t outlen);

#endif
