/* sandbox.c - the Lua sandbox for untrusted scenario and participant scripts: an
 * allow-listed global table, read-only libraries, a capped allocator, and a count hook with
 * an instruction budget and wall-clock limit that scripts cannot catch with pcall. */
#include "sandbox.h"

#include <errno.h>
#include <math.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lualib.h>

#include "../util/buf.h"
#include "../util/termtext.h"
#include "../util/readfile.h"

#define HOOK_EVERY 1000               /* instructions between hook calls */
#define MAX_SCRIPT_BYTES (16u << 20)  /* largest script file read */
#define MAX_INCLUDE_DEPTH 16
#define GC_BYTES_PER_UNIT 64          /* heap bytes a full collection walks per budget unit */

struct sd_sandbox {
    lua_State *L;
    sd_sandbox_limits lim;
    char *root;          /* owned: canonical folder include() reads from */
    size_t mem_used, mem_peak;
    bool mem_tripped;    /* a memory error was raised (not just one refused request that
                            Lua recovered from by collecting garbage) */
    char mem_where[300]; /* script location when the cap was hit */
    size_t gc_mark;      /* collect in full when memory passes this (see count_hook) */
    /* per call */
    int call_depth;
    uint64_t instr_used;
    struct timespec deadline;
    bool tripped;        /* a limit was hit: errors cannot be caught any more */
    char trip_msg[512];
    int include_depth;
    size_t last_load_bytes; /* size of the file sd_sandbox_load_file read last */
    int reseed_ref;      /* the real math.randomseed, kept from scripts */
    char **names;        /* owned: display names of the files loaded, for messages */
    size_t n_names;
    sd_print_fn print_fn;
    void *print_ctx;
};

void sd_sandbox_limits_default(sd_sandbox_limits *lim)
{
    lim->memory_bytes = (size_t)256 << 20;
    lim->instructions_per_call = 200000000ULL;
    lim->seconds_per_call = 5.0;
}

/* ---- allocator with a cap ---- */

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sd_sandbox *sb = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        sb->mem_used -= old;
        return NULL;
    }
    if (nsize > old && nsize - old > sb->lim.memory_bytes - sb->mem_used) {
        /* Lua may collect garbage and retry; where we were is kept for the message in case
         * it cannot. */
        if (sb->L != NULL)
            sd_sandbox_where(sb->L, 0, sb->mem_where, sizeof sb->mem_where);
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p == NULL)
        return NULL;
    sb->mem_used = sb->mem_used - old + nsize;
    if (sb->mem_used > sb->mem_peak)
        sb->mem_peak = sb->mem_used;
    return p;
}

sd_sandbox *sd_sandbox_of(lua_State *L)
{
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ud;
}

size_t sd_sandbox_memory(const sd_sandbox *sb) { return sb->mem_used; }
size_t sd_sandbox_memory_peak(const sd_sandbox *sb) { return sb->mem_peak; }
lua_State *sd_sandbox_state(sd_sandbox *sb) { return sb->L; }

void sd_sandbox_set_print(sd_sandbox *sb, sd_print_fn fn, void *ctx)
{
    sb->print_fn = fn;
    sb->print_ctx = ctx;
}

/* ---- locations ---- */

void sd_sandbox_where(lua_State *L, int level, char *out, size_t outlen)
{
    lua_Debug ar;
    for (int lv = level; lv < level + 8; lv++) {
        if (!lua_getstack(L, lv, &ar))
            break;
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            /* The whole file name: Lua's short_src cuts long paths to "...tail". */
            const char *src = ar.source && ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
            snprintf(out, outlen, "%s:%d", src, ar.currentline);
            return;
        }
    }
    snprintf(out, outlen, "?");
}

/* ---- the count hook ---- */

static bool past_deadline(const struct timespec *d)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > d->tv_sec || (now.tv_sec == d->tv_sec && now.tv_nsec >= d->tv_nsec);
}

static void trip(lua_State *L, sd_sandbox *sb, const char *what)
{
    char where[300];
    sd_sandbox_where(L, 0, where, sizeof where);
    snprintf(sb->trip_msg, sizeof sb->trip_msg, "%s: %s", where, what);
    sb->tripped = true;
    /* From now on fire at every instruction, so that any handler that catches the error
     * is stopped again at once. */
    lua_sethook(L, lua_gethook(L), LUA_MASKCOUNT, 1);
}

/* Trips the sandbox if the call is over its instruction budget or past its deadline. */
static void check_limits(lua_State *L, sd_sandbox *sb)
{
    if (sb->tripped)
        return;
    if (sb->instr_used > sb->lim.instructions_per_call) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "script stopped: it ran more than %llu instructions (or the same work in "
                 "library functions) in one call (an endless loop?)",
                 (unsigned long long)sb->lim.instructions_per_call);
        trip(L, sb, msg);
    } else if (past_deadline(&sb->deadline)) {
        char msg[160];
        snprintf(msg, sizeof msg, "script stopped: it ran longer than %.1f s in one call",
                 sb->lim.seconds_per_call);
        trip(L, sb, msg);
    }
}

static void add_work(sd_sandbox *sb, uint64_t units)
{
    sb->instr_used = units > UINT64_MAX - sb->instr_used ? UINT64_MAX : sb->instr_used + units;
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    sd_sandbox *sb = sd_sandbox_of(L);
    /* The collector paces itself by its own debt, not by our cap, and some allocations
     * (string buffers) do not retry after an emergency collection: near the cap, collect
     * in full here, then not again until half the remaining room (at least a sixteenth of the
     * cap) is used. A full
     * collection is linear in the heap (weak tables and finalizers are refused, see
     * safe_setmetatable), and its work is charged to the budget, with the deadline checked
     * right after it: a script that keeps the heap near the cap and churns is stopped. */
    if (!sb->tripped && sb->mem_used > sb->gc_mark) {
        add_work(sb, sb->mem_used / GC_BYTES_PER_UNIT);
        lua_gc(L, LUA_GCCOLLECT);
        /* Half the remaining room, but at least a sixteenth of the cap: halving alone
         * would collect a nearly full heap again and again as it creeps to the cap. */
        size_t room = (sb->lim.memory_bytes - sb->mem_used) / 2;
        if (room < sb->lim.memory_bytes / 16)
            room = sb->lim.memory_bytes / 16;
        sb->gc_mark = sb->mem_used + room;
    }
    if (!sb->tripped) {
        add_work(sb, HOOK_EVERY);
        check_limits(L, sb);
    }
    if (sb->tripped) {
        lua_pushstring(L, sb->trip_msg);
        lua_error(L);
    }
}

void sd_sandbox_charge(lua_State *L, uint64_t units)
{
    sd_sandbox *sb = sd_sandbox_of(L);
    if (!sb->tripped) {
        add_work(sb, units);
        check_limits(L, sb);
    }
    if (sb->tripped) {
        lua_pushstring(L, sb->trip_msg);
        lua_error(L);
    }
}

/* Every C function of the libraries, called through this closure (upvalue 1: the function):
 * the call is charged one unit plus one per 256 bytes of its string arguments, and the
 * budget and the clock are checked before and after it. The count hook sees only VM
 * instructions; without this, a short loop of slow C calls (s:upper() of 50 MB, utf8.len
 * of 120 MB, string.pack with a huge width) could run for minutes between two hooks. */
static int timed_call(lua_State *L)
{
    int n = lua_gettop(L);
    uint64_t bytes = 0;
    for (int i = 1; i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            bytes += lua_rawlen(L, i);
    sd_sandbox_charge(L, 1 + bytes / 256);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    sd_sandbox_charge(L, 0);
    return lua_gettop(L);
}

/* Wraps every C function of the library table on top of the stack in timed_call. */
static void time_library(lua_State *L)
{
    int lib = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, lib) != 0) {
        if (lua_type(L, -2) == LUA_TSTRING && lua_iscfunction(L, -1)) {
            lua_pushvalue(L, -2);          /* key */
            lua_insert(L, -2);             /* key key f */
            lua_pushcclosure(L, timed_call, 1);
            lua_rawset(L, lib);            /* an existing key: next() goes on */
        } else {
            lua_pop(L, 1);
        }
    }
}

/* ---- error conversion (never calls __tostring: a hostile error object stays inert) ---- */

/* Length of a leading "file:line:" in msg, or 0 when it has none. */
static size_t location_len(const char *msg)
{
    const char *colon = strchr(msg, ':');
    if (colon == NULL || colon == msg || memchr(msg, '\n', (size_t)(colon - msg)))
        return 0;
    const char *p = colon + 1;
    if (*p < '0' || *p > '9')
        return 0;
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == ':' ? (size_t)(p + 1 - msg) : 0;
}

/* Lua writes long file names in messages as "...tail": put the whole name back, taken from
 * the files this sandbox loaded, so that every message names its file. */
static void expand_location(const sd_sandbox *sb, const char *msg, sd_buf *out)
{
    size_t loc = location_len(msg);
    if (loc > 3 && strncmp(msg, "...", 3) == 0) {
        const char *tail = msg + 3;
        size_t tail_len = (size_t)(strchr(tail, ':') - tail);
        for (size_t i = 0; i < sb->n_names; i++) {
            size_t n = strlen(sb->names[i]);
            if (n >= tail_len && strncmp(sb->names[i] + n - tail_len, tail, tail_len) == 0) {
                sd_buf_puts(out, sb->names[i]);
                sd_buf_puts(out, tail + tail_len);
                return;
            }
        }
    }
    sd_buf_puts(out, msg);
}

static int message_handler(lua_State *L)
{
    sd_sandbox *sb = sd_sandbox_of(L);
    if (sb->tripped) {
        lua_pushstring(L, sb->trip_msg);
        return 1;
    }
    if (lua_type(L, 1) == LUA_TSTRING) {
        /* Errors raised by C functions called through our wrappers carry no position:
         * add the script's file and line, which every message must name. */
        char where[300];
        sd_sandbox_where(L, 1, where, sizeof where);
        const char *msg = lua_tostring(L, 1);
        if (strcmp(where, "?") != 0 && location_len(msg) == 0)
            lua_pushfstring(L, "%s: %s", where, msg);
        return 1;
    }
    char where[300];
    sd_sandbox_where(L, 1, where, sizeof where);
    lua_pushfstring(L, "%s: error object is a %s value", where, luaL_typename(L, 1));
    return 1;
}

/* Re-raises a tripped limit or a memory error that a script's pcall just caught. */
static void rethrow_if_fatal(lua_State *L, sd_sandbox *sb, int status)
{
    if (sb->tripped) {
        lua_pushstring(L, sb->trip_msg);
        lua_error(L);
    }
    if (status == LUA_ERRMEM || sb->mem_tripped) {
        sb->mem_tripped = true; /* the script's pcall caught it: it stays fatal */
        lua_pushliteral(L, "not enough memory");
        lua_error(L);
    }
}

static int safe_pcall(lua_State *L)
{
    sd_sandbox *sb = sd_sandbox_of(L);
    luaL_checkany(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    rethrow_if_fatal(L, sb, status);
    lua_pushboolean(L, status == LUA_OK);
    lua_insert(L, 1);
    return lua_gettop(L);
}

/* Runs the script's xpcall handler, unless a limit has tripped. Lua calls a handler again
 * for an error raised inside it, and an error raised from the count hook leaves hooks off
 * while that handler runs, so a handler that loops would never be stopped: once tripped,
 * the script's handler is not run at all. */
static int guarded_handler(lua_State *L)
{
    sd_sandbox *sb = sd_sandbox_of(L);
    if (sb->tripped) {
        lua_pushstring(L, sb->trip_msg);
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int safe_xpcall(lua_State *L)
{
    sd_sandbox *sb = sd_sandbox_of(L);
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);     /* the guarded handler instead of the script's */
    lua_pushvalue(L, 1);   /* function */
    lua_copy(L, 2, 1);     /* handler to slot 1 */
    lua_replace(L, 2);     /* function to slot 2 */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
    rethrow_if_fatal(L, sb, status);
    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 1);
    return lua_gettop(L);
}

/* ---- safe replacements ---- */

/* setmetatable without __gc or __mode. Finalizers run with debug hooks switched off, so a
 * finalizer that loops could never be stopped; weak tables (chains of ephemeron tables)
 * make each collection quadratic, inside the collector where no hook runs. Lua reads both
 * keys from the metatable later (at every collection), so refusing them here is not
 * enough: a metatable is given a locked guard metatable of its own the first time it is
 * used, whose __newindex refuses __gc and __mode (they are absent, so every assignment of
 * them goes through it; rawset is not available in the sandbox). A metatable that already
 * has a metatable of its own cannot be guarded and is refused. */
static int guard_newindex(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TSTRING) {
        const char *k = lua_tostring(L, 2);
        if (strcmp(k, "__gc") == 0 || strcmp(k, "__mode") == 0)
            return luaL_error(L, "%s metamethods are not allowed in scenarios (this table is "
                                 "a metatable)", k);
    }
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
}

static const char GUARD_KEY[] = "stormdrill.metatable_guard";

static int safe_setmetatable(lua_State *L)
{
    if (lua_istable(L, 2)) {
        static const char *const refused[] = {"__gc", "__mode"};
        for (size_t i = 0; i < 2; i++) {
            lua_pushstring(L, refused[i]);
            int t = lua_rawget(L, 2);
            lua_pop(L, 1);
            if (t != LUA_TNIL)
                return luaL_error(L, "setmetatable: %s metamethods are not allowed in scenarios",
                                  refused[i]);
        }
        if (lua_rawequal(L, 1, 2))
            return luaL_error(L, "setmetatable: a table cannot be its own metatable here");
        lua_getfield(L, LUA_REGISTRYINDEX, GUARD_KEY);
        int guard = lua_gettop(L);
        if (lua_getmetatable(L, 2)) {
            bool guarded = lua_rawequal(L, -1, guard);
            lua_pop(L, 1);
            if (!guarded)
                return luaL_error(L, "setmetatable: a metatable that has a metatable of its own "
                                     "is not allowed in scenarios");
        } else {
            lua_pushvalue(L, guard);
            lua_setmetatable(L, 2);
        }
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* Budget units charged per byte compiled by load() and include(). */
#define LOAD_UNITS_PER_BYTE 1

static int safe_load(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "=(load)");
    int has_env = !lua_isnone(L, 4);
    /* Compiling is one C call: charge it before (a text too big for what is left of the
     * budget is not compiled at all) and check the clock after. */
    sd_sandbox_charge(L, (uint64_t)len * LOAD_UNITS_PER_BYTE);
    int status = luaL_loadbufferx(L, s, len, name, "t");
    sd_sandbox_charge(L, 0);
    if (status != LUA_OK) {
        rethrow_if_fatal(L, sd_sandbox_of(L), status);
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env) {
        lua_pushvalue(L, 4);
        if (!lua_setupvalue(L, -2, 1))
            lua_pop(L, 1);
    }
    return 1;
}

static int safe_print(lua_State *L)
{
    sd_sandbox *sb = sd_sandbox_of(L);
    sd_buf line = SD_BUF_INIT;
    char where[300];
    sd_sandbox_where(L, 1, where, sizeof where);
    sd_buf_printf(&line, "%s: ", where);
    /* The line is cut at SD_PRINT_MAX_BYTES as it is built (util/termtext.h). */
    size_t total = line.len;
    const size_t max = SD_PRINT_MAX_BYTES - SD_TEXT_CUT_NOTE_MAX;
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            sd_text_append_capped(&line, "\t", 1, max, &total);
        int t = lua_type(L, i);
        if (t == LUA_TSTRING || t == LUA_TNUMBER) {
            size_t len;
            const char *s = lua_tolstring(L, i, &len);
            sd_text_append_capped(&line, s, len, max, &total);
            lua_settop(L, n); /* tolstring may convert a number in place: harmless */
        } else if (t == LUA_TBOOLEAN || t == LUA_TNIL) {
            const char *s = t == LUA_TNIL ? "nil" : lua_toboolean(L, i) ? "true" : "false";
            sd_text_append_capped(&line, s, strlen(s), max, &total);
        } else {
            char s[80];
            snprintf(s, sizeof s, "%s: %p", luaL_typename(L, i), lua_topointer(L, i));
            sd_text_append_capped(&line, s, strlen(s), max, &total);
        }
    }
    sd_text_add_cut_note(&line, "print", total);
    if (sb->print_fn && sd_buf_ok(&line))
        sb->print_fn(sb->print_ctx, sd_buf_str(&line));
    sd_buf_free(&line);
    return 0;
}

/* string.rep without the endless loop of an empty string repeated 2^62 times, and with
 * its size checked against the memory cap before any work. */
static int safe_rep(lua_State *L)
{
    sd_sandbox *sb = sd_sandbox_of(L);
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    size_t cap = sb->lim.memory_bytes;
    if ((lua_Unsigned)n > cap / (l + lsep) + 1) {
        if (!sb->mem_tripped)
            sd_sandbox_where(L, 1, sb->mem_where, sizeof sb->mem_where);
        sb->mem_tripped = true;
        return luaL_error(L, "not enough memory (string.rep of %I copies)", n);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* A C function used as gsub's replacement, called once per match: each call is charged
 * by its arguments' and result's size and the deadline is checked after it. */
static int charged_replacement(lua_State *L)
{
    uint64_t units = 1;
    for (int i = 1; i <= lua_gettop(L); i++)
        if (lua_type(L, i) == LUA_TSTRING)
            units += lua_rawlen(L, i);
    sd_sandbox_charge(L, units);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    sd_sandbox_charge(L, lua_type(L, -1) == LUA_TSTRING ? 1 + lua_rawlen(L, -1) : 1);
    return 1;
}

/* ---- pattern matching: a sound cost bound, checked before the match ----
 *
 * Lua's matcher (lstrlib.c) runs inside one C call, where the count hook cannot stop it.
 * Why the bound below holds, from the matcher's structure in Lua 5.4:
 *  - find/match try every start position s = init .. n (n+1 of them) unless the pattern
 *    opens with '^'; gmatch and gsub step through the text the same way, never revisiting
 *    a start (after a match they go on from its end), so over all their steps they also
 *    make at most n+1 starts (1 for gsub with '^'; gmatch ignores '^').
 *  - From one start, match() walks the pattern's items in order. A single item (a
 *    character, '.', a %class, a [set]) costs at most its own length to test, and one
 *    path goes on. '*' and '+' (max_expand) count up to n matching characters, then try
 *    the rest of the pattern from each of up to n+1 ends; '-' (min_expand) tries the rest
 *    up to n+1 times; '?' tries it twice. %bxy (matchbalance) scans up to n characters
 *    and goes on on one path; a back-reference %1-%9 (match_capture) compares up to n
 *    characters and goes on on one path; %f and captures cost O(1) and one path.
 *  - So item j is reached at most P_j = prod_{i<j} f_i times from one start, where f is
 *    n+1 for * + - %b and back-references, 2 for '?', 1 otherwise, and each arrival costs
 *    at most (n+1) x S (S: the longest single item) for a repetition, %b or back-reference
 *    and S otherwise, i.e. at most prod_{i<=j} f_i x S <= F x S with F = prod f_i.
 *  - Summed over the m items and the start positions: steps <= starts x F x m x S.
 * The bound uses m+1 and S+1 so that it is never 0, in doubles (no overflow). Patterns
 * whose bound passes PATTERN_LIMIT are refused before matching; a quarter of a second or
 * so of matching at worst. Ordinary use (a pattern with one repetition on a post of a few
 * kB, two on a few hundred bytes) stays far below it. The bound, scaled, is charged to the
 * call's instruction budget and the deadline is checked after each call, so many calls
 * just under the limit are stopped too. */
#define PATTERN_LIMIT 2e9
#define PATTERN_STEPS_PER_UNIT 32.0

typedef struct pattern_cost {
    double bound;
    int reps;   /* * + - %b and back-references */
    int optional; /* ? */
} pattern_cost;

/* Length of the single item at p[i] (a set, an escape, or one character). */
static size_t single_len(const char *p, size_t plen, size_t i)
{
    if (p[i] == '%')
        return i + 1 < plen ? 2 : 1;
    if (p[i] != '[')
        return 1;
    size_t j = i + 1;
    if (j < plen && p[j] == '^')
        j++;
    do { /* the first character of a set may be ']' */
        if (j >= plen)
            return plen - i;
        if (p[j] == '%')
            j++;
        j++;
    } while (j < plen && p[j] != ']');
    return j < plen ? j + 1 - i : plen - i;
}

static pattern_cost pattern_bound(const char *p, size_t plen, size_t n, bool anchor_counts)
{
    pattern_cost c = {0, 0, 0};
    double N = (double)n + 1, F = 1, items = 0, S = 1;
    size_t i = 0;
    bool anchored = anchor_counts && plen > 0 && p[0] == '^';
    if (anchored)
        i = 1;
    while (i < plen) {
        char ch = p[i];
        if (ch == '(' || ch == ')') {
            i++;
            continue;
        }
        items++;
        if (ch == '%' && i + 1 < plen) {
            char e = p[i + 1];
            if (e >= '0' && e <= '9') { /* back-reference */
                F *= N;
                c.reps++;
                i += 2;
                continue;
            }
            if (e == 'b') { /* %bxy */
                F *= N;
                c.reps++;
                i += 4;
                continue;
            }
            if (e == 'f') { /* %f[set] */
                i += 2;
                if (i < plen) {
                    size_t l = single_len(p, plen, i);
                    if ((double)l > S)
                        S = (double)l;
                    i += l;
                }
                continue;
            }
        }
        size_t l = single_len(p, plen, i);
        if ((double)l > S)
            S = (double)l;
        i += l;
        if (i < plen) {
            char q = p[i];
            if (q == '*' || q == '+' || q == '-') {
                F *= N;
                c.reps++;
                i++;
            } else if (q == '?') {
                F *= 2;
                c.optional++;
                i++;
            }
        }
    }
    double starts = anchored ? 1 : N;
    c.bound = starts * F * (items + 1) * (S + 1);
    return c;
}

/* upvalues: 1 the real function, 2 its name ("string.find"), 3 which argument is "plain"
 * (0: none), 4 whether '^' anchors (false for gmatch) */
static int guarded_pattern(lua_State *L)
{
    size_t n, plen;
    luaL_checklstring(L, 1, &n);
    const char *pat = luaL_checklstring(L, 2, &plen);
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    int plain_arg = (int)lua_tointeger(L, lua_upvalueindex(3));
    bool plain = plain_arg > 0 && lua_toboolean(L, plain_arg);
    double work;
    if (plain) {
        work = ((double)n + 1) * ((double)plen + 1);
    } else {
        pattern_cost c = pattern_bound(pat, plen, n, lua_toboolean(L, lua_upvalueindex(4)));
        if (c.bound > PATTERN_LIMIT)
            return luaL_error(L, "%s: the pattern has %d repetitions (* + - %%b %%1-%%9) and %d "
                                 "optional items (?), too many for a text of %I bytes (it could "
                                 "run for ever); use a simpler pattern or a shorter text",
                              name, c.reps, c.optional, (lua_Integer)n);
        work = c.bound;
    }
    /* gsub: a replacement that is a C function runs once per match with no hook between
     * the calls; it is wrapped so that each call is charged and checks the clock. A
     * replacement table with a metatable could call C functions through __index: refused. */
    if (strcmp(name, "string.gsub") == 0) {
        if (lua_iscfunction(L, 3)) {
            lua_pushvalue(L, 3);
            lua_pushcclosure(L, charged_replacement, 1);
            lua_replace(L, 3);
        } else if (lua_istable(L, 3) && lua_getmetatable(L, 3)) {
            lua_pop(L, 1);
            return luaL_error(L, "string.gsub: a replacement table with a metatable is not "
                                 "allowed in scenarios");
        }
    }
    sd_sandbox_charge(L, (uint64_t)(work / PATTERN_STEPS_PER_UNIT));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    sd_sandbox_charge(L, 1);
    return lua_gettop(L);
}

/* ---- table functions: real tables, real lengths, work charged ----
 *
 * table.concat/insert/remove/move/sort/unpack loop inside one C call; given a table whose
 * __len says 2^62 or whose __index/__newindex run C code, they would loop for ever where
 * the hook cannot see. The wrappers take only tables without __index, __newindex and __len
 * metamethods (so the length is the raw length and every access is raw), charge the
 * elements they will touch to the call's budget before the call (a range too big for what
 * is left is refused before any work) and check the clock after. table.sort takes a Lua
 * comparator (its calls are counted by the hook) or none, and then sorts only numbers or
 * only strings (no __lt metamethods, which may be C functions). */
enum { TAB_CONCAT, TAB_INSERT, TAB_REMOVE, TAB_MOVE, TAB_SORT, TAB_UNPACK };

static void check_plain_table(lua_State *L, int idx, const char *name)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    if (!lua_getmetatable(L, idx))
        return;
    static const char *const keys[] = {"__index", "__newindex", "__len"};
    for (size_t i = 0; i < 3; i++) {
        lua_pushstring(L, keys[i]);
        int t = lua_rawget(L, -2);
        lua_pop(L, 1);
        if (t != LUA_TNIL)
            luaL_error(L, "%s: tables with a %s metamethod are not allowed here", name, keys[i]);
    }
    lua_pop(L, 1);
}

/* Elements in i..j (0 when empty), capped so that charging cannot wrap. */
static uint64_t range_units(lua_Integer i, lua_Integer j)
{
    if (j < i)
        return 0;
    double d = (double)j - (double)i + 1;
    return d >= 9e18 ? UINT64_MAX / 2 : (uint64_t)d;
}

static int guarded_table(lua_State *L)
{
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    int kind = (int)lua_tointeger(L, lua_upvalueindex(3));
    check_plain_table(L, 1, name);
    lua_Integer len = (lua_Integer)lua_rawlen(L, 1);
    uint64_t units = 1;
    switch (kind) {
    case TAB_CONCAT:
        units += range_units(luaL_optinteger(L, 3, 1), luaL_optinteger(L, 4, len));
        break;
    case TAB_UNPACK:
        units += range_units(luaL_optinteger(L, 2, 1), luaL_optinteger(L, 3, len));
        break;
    case TAB_INSERT:
    case TAB_REMOVE:
        units += (uint64_t)len + 1;
        break;
    case TAB_MOVE: {
        lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
        if (!lua_isnoneornil(L, 5))
            check_plain_table(L, 5, name);
        units += range_units(f, e);
        break;
    }
    case TAB_SORT: {
        if (!lua_isnoneornil(L, 2)) {
            if (lua_type(L, 2) != LUA_TFUNCTION || lua_iscfunction(L, 2))
                return luaL_error(L, "table.sort: the comparator must be a Lua function");
        } else {
            int first = LUA_TNIL;
            for (lua_Integer k = 1; k <= len; k++) {
                int t = lua_rawgeti(L, 1, k);
                lua_pop(L, 1);
                if (first == LUA_TNIL)
                    first = t;
                if ((t != LUA_TNUMBER && t != LUA_TSTRING) || t != first)
                    return luaL_error(L, "table.sort: without a comparator it sorts only numbers "
                                         "or only strings; give a comparator function");
            }
        }
        double lg = 1;
        for (lua_Integer m = len; m > 1; m >>= 1)
            lg++;
        units += (uint64_t)((double)len * lg);
        break;
    }
    default:
        break;
    }
    sd_sandbox_charge(L, units);
    int top = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, top, LUA_MULTRET);
    sd_sandbox_charge(L, 0);
    return lua_gettop(L);
}

/* ---- include(path): helper files from inside the scenario's folder, as text ---- */

static bool path_is_safe(const char *p)
{
    if (p[0] == '\0' || p[0] == '/' || strlen(p) > 200)
        return false;
    size_t n = strlen(p);
    if (n < 5 || strcmp(p + n - 4, ".lua") != 0)
        return false;
    for (const char *s = p; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (!(c == '/' || c == '_' || c == '-' || c == '.' || (c >= '0' && c <= '9') ||
              (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
    }
    /* no "." or ".." components */
    const char *seg = p;
    while (seg) {
        const char *end = strchr(seg, '/');
        size_t len = end ? (size_t)(end - seg) : strlen(seg);
        if (len == 0 || (len == 1 && seg[0] == '.') || (len == 2 && seg[0] == '.' && seg[1] == '.'))
            return false;
        seg = end ? end + 1 : NULL;
    }
    return true;
}

static int lua_include(lua_State *L)
{
    sd_sandbox *sb = sd_sandbox_of(L);
    const char *rel = luaL_checkstring(L, 1);
    if (!path_is_safe(rel))
        return luaL_error(L, "include: '%s' is not allowed: give a relative path to a .lua file "
                             "inside the scenario's folder (letters, digits, _ - . /, no '..')",
                          rel);
    if (sb->root == NULL)
        return luaL_error(L, "include: not available here");
    if (sb->include_depth >= MAX_INCLUDE_DEPTH)
        return luaL_error(L, "include: files include each other more than %d deep", MAX_INCLUDE_DEPTH);
    sd_buf path = SD_BUF_INIT;
    sd_buf_printf(&path, "%s/%s", sb->root, rel);
    char *real = sd_buf_ok(&path) ? realpath(sd_buf_str(&path), NULL) : NULL;
    sd_buf_free(&path);
    size_t rootlen = strlen(sb->root);
    if (real == NULL || strncmp(real, sb->root, rootlen) != 0 || real[rootlen] != '/') {
        free(real);
        return luaL_error(L, "include: cannot find '%s' inside the scenario's folder", rel);
    }
    sd_error err = SD_ERROR_INIT;
    sd_sandbox_charge(L, 1);
    sd_status st = sd_sandbox_load_file(sb, real, rel, &err);
    free(real);
    if (st != SD_OK) {
        lua_pushstring(L, sd_error_msg(&err));
        sd_error_clear(&err);
        return lua_error(L);
    }
    /* compiling is one C call: charge the bytes compiled and check the clock */
    sd_sandbox_charge(L, (uint64_t)sb->last_load_bytes * LOAD_UNITS_PER_BYTE);
    sb->include_depth++;
    int base = lua_gettop(L) - 1;
    lua_call(L, 0, LUA_MULTRET);
    sb->include_depth--;
    return lua_gettop(L) - base;
}

/* ---- building the environment ---- */

static int readonly_newindex(lua_State *L)
{
    return luaL_error(L, "library tables are read-only (cannot set '%s')",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
}

/* Replaces the library table at globals[name] with a read-only proxy. */
static void make_readonly_proxy(lua_State *L, const char *name)
{
    lua_getglobal(L, name);          /* lib */
    lua_newtable(L);                 /* proxy */
    lua_newtable(L);                 /* mt */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pushcfunction(L, readonly_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_setmetatable(L, -2);
    lua_setglobal(L, name);
    lua_pop(L, 1);
}

static const char *const base_allowed[] = {
    "assert", "error", "ipairs", "next", "pairs", "select", "tonumber", "tostring", "type",
    "getmetatable", "rawequal", "rawget", "rawlen", "_VERSION", NULL};

static sd_status build_env(sd_sandbox *sb, uint64_t seed, sd_error *err)
{
    lua_State *L = sb->L;
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_pop(L, 5);

    /* Deterministic math.random, then no way to reseed it. */
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, (lua_Integer)(seed & 0x7fffffffffffffffULL));
    if (lua_pcall(L, 1, 0, 0) != LUA_OK)
        return sd_error_set(err, SD_ERR_SCRIPT, "cannot seed the script random generator");
    lua_getfield(L, -1, "randomseed");
    sb->reseed_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);

    /* string: no dump; rep guarded. The real table stays the string metatable's __index. */
    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_getfield(L, -1, "rep");
    lua_pushcclosure(L, safe_rep, 1);
    lua_setfield(L, -2, "rep");
    static const struct {
        const char *name;
        int plain_arg;  /* the argument that asks for a plain search, 0 for none */
        bool anchors;   /* whether a leading '^' anchors the match */
    } pattern_fns[] = {{"find", 4, true}, {"match", 0, true}, {"gmatch", 0, false},
                       {"gsub", 0, true}};
    for (size_t i = 0; i < sizeof pattern_fns / sizeof pattern_fns[0]; i++) {
        lua_getfield(L, -1, pattern_fns[i].name);
        lua_pushfstring(L, "string.%s", pattern_fns[i].name);
        lua_pushinteger(L, pattern_fns[i].plain_arg);
        lua_pushboolean(L, pattern_fns[i].anchors);
        lua_pushcclosure(L, guarded_pattern, 4);
        lua_setfield(L, -2, pattern_fns[i].name);
    }
    lua_pop(L, 1);
    /* table functions: plain tables only, work charged */
    lua_getglobal(L, "table");
    static const struct {
        const char *name;
        int kind;
    } table_fns[] = {{"concat", TAB_CONCAT}, {"insert", TAB_INSERT}, {"remove", TAB_REMOVE},
                     {"move", TAB_MOVE},     {"sort", TAB_SORT},     {"unpack", TAB_UNPACK}};
    for (size_t i = 0; i < sizeof table_fns / sizeof table_fns[0]; i++) {
        lua_getfield(L, -1, table_fns[i].name);
        lua_pushfstring(L, "table.%s", table_fns[i].name);
        lua_pushinteger(L, table_fns[i].kind);
        lua_pushcclosure(L, guarded_table, 3);
        lua_setfield(L, -2, table_fns[i].name);
    }
    lua_pop(L, 1);
    /* the guard every metatable gets (see safe_setmetatable) */
    lua_newtable(L);
    lua_pushcfunction(L, guard_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setfield(L, LUA_REGISTRYINDEX, GUARD_KEY);
    /* Lock the string metatable. */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    /* New globals table with only the allowed names. */
    static const char *const timed_libs[] = {"string", "table", "math", "utf8", NULL};
    for (const char *const *n = timed_libs; *n; n++) {
        lua_getglobal(L, *n);
        time_library(L);
        lua_pop(L, 1);
    }

    lua_newtable(L);
    int env = lua_gettop(L);
    for (const char *const *n = base_allowed; *n; n++) {
        lua_getglobal(L, *n);
        lua_setfield(L, env, *n);
    }
    static const char *const libs[] = {"string", "table", "math", "utf8", NULL};
    for (const char *const *n = libs; *n; n++) {
        lua_getglobal(L, *n);
        lua_setfield(L, env, *n);
    }
    lua_getglobal(L, "setmetatable");
    lua_pushcclosure(L, safe_setmetatable, 1);
    lua_setfield(L, env, "setmetatable");
    lua_pushcfunction(L, safe_pcall);
    lua_setfield(L, env, "pcall");
    lua_pushcfunction(L, safe_xpcall);
    lua_setfield(L, env, "xpcall");
    lua_pushcfunction(L, safe_load);
    lua_setfield(L, env, "load");
    lua_pushcfunction(L, safe_print);
    lua_setfield(L, env, "print");
    lua_pushcfunction(L, lua_include);
    lua_setfield(L, env, "include");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
    /* Make it the globals table of every chunk loaded from now on. */
    lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    /* Drop package.loaded's references to the full libraries. */
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);

    for (const char *const *n = libs; *n; n++)
        make_readonly_proxy(L, *n);
    return SD_OK;
}

sd_status sd_sandbox_create(const sd_sandbox_limits *limits, const char *root_dir,
                            uint64_t seed, sd_sandbox **out, sd_error *err)
{
    sd_status st = SD_OK;
    *out = NULL;
    sd_sandbox *sb = calloc(1, sizeof *sb);
    if (sb == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory creating the Lua sandbox");
    if (limits)
        sb->lim = *limits;
    else
        sd_sandbox_limits_default(&sb->lim);
    if (root_dir) {
        sb->root = realpath(root_dir, NULL);
        if (sb->root == NULL) {
            st = sd_error_set(err, SD_ERR_IO, "%s: %s", root_dir, strerror(errno));
            goto done;
        }
    }
    sb->L = lua_newstate(capped_alloc, sb);
    if (sb->L == NULL) {
        st = sd_error_set(err, SD_ERR_MEMORY, "cannot create a Lua state");
        goto done;
    }
    sb->gc_mark = sb->lim.memory_bytes / 2;
    lua_sethook(sb->L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
    /* Scripts make many short-lived tables (an item table per arriving item): the
     * generational collector handles that pattern at a fraction of the incremental's cost. */
    lua_gc(sb->L, LUA_GCGEN, 0, 0);
    clock_gettime(CLOCK_MONOTONIC, &sb->deadline);
    sb->deadline.tv_sec += 3600; /* set properly per call */
    st = build_env(sb, seed, err);
done:
    if (st != SD_OK) {
        sd_sandbox_destroy(sb);
        return st;
    }
    *out = sb;
    return SD_OK;
}

void sd_sandbox_destroy(sd_sandbox *sb)
{
    if (sb == NULL)
        return;
    if (sb->L)
        lua_close(sb->L);
    for (size_t i = 0; i < sb->n_names; i++)
        free(sb->names[i]);
    free(sb->names);
    free(sb->root);
    free(sb);
}

sd_status sd_sandbox_reseed(sd_sandbox *sb, uint64_t seed, sd_error *err)
{
    lua_State *L = sb->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb->reseed_ref);
    lua_pushinteger(L, (lua_Integer)(seed & 0x7fffffffffffffffULL));
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        lua_pop(L, 1);
        return sd_error_set(err, SD_ERR_SCRIPT, "cannot seed the script random generator");
    }
    return SD_OK;
}

void sd_sandbox_register(sd_sandbox *sb, const char *name, lua_CFunction fn, void *ctx)
{
    lua_State *L = sb->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, name);
    lua_pushlightuserdata(L, ctx);
    lua_pushcclosure(L, fn, 1);
    lua_rawset(L, -3); /* raw: called outside protected calls, after scripts ran */
    lua_pop(L, 1);
}

/* Keeps a loaded file's display name for expand_location (once per name). */
static void remember_name(sd_sandbox *sb, const char *name)
{
    for (size_t i = 0; i < sb->n_names; i++)
        if (strcmp(sb->names[i], name) == 0)
            return;
    char **p = realloc(sb->names, (sb->n_names + 1) * sizeof *p);
    if (p == NULL)
        return; /* messages then keep Lua's shortened name: still a location */
    sb->names = p;
    if ((sb->names[sb->n_names] = strdup(name)) != NULL)
        sb->n_names++;
}

sd_status sd_sandbox_load_file(sd_sandbox *sb, const char *path, const char *display_name,
                               sd_error *err)
{
    sd_status st = SD_OK;
    sd_buf text = SD_BUF_INIT;
    /* regular files only: a named pipe, a device or a socket is refused at once */
    st = sd_read_regular(path, display_name, MAX_SCRIPT_BYTES, &text, err);
    if (st != SD_OK)
        goto done;
    sb->last_load_bytes = text.len;
    if (text.len > 0 && text.data[0] == LUA_SIGNATURE[0]) {
        st = sd_error_set(err, SD_ERR_INPUT,
                          "%s: precompiled (binary) Lua is not allowed; give the source text",
                          display_name);
        goto done;
    }
    sd_buf chunkname = SD_BUF_INIT;
    sd_buf_printf(&chunkname, "@%s", display_name);
    int status = luaL_loadbufferx(sb->L, sd_buf_str(&text), text.len, sd_buf_str(&chunkname), "t");
    sd_buf_free(&chunkname);
    remember_name(sb, display_name);
    if (status != LUA_OK) {
        sd_buf msg = SD_BUF_INIT;
        expand_location(sb, lua_tostring(sb->L, -1) ? lua_tostring(sb->L, -1) : "cannot load", &msg);
        st = sd_error_set(err, status == LUA_ERRMEM ? SD_ERR_MEMORY : SD_ERR_INPUT, "%s",
                          sd_buf_str(&msg));
        sd_buf_free(&msg);
        lua_pop(sb->L, 1);
    }
done:
    sd_buf_free(&text);
    return st;
}

sd_status sd_sandbox_call(sd_sandbox *sb, int nargs, int nresults, sd_error *err)
{
    lua_State *L = sb->L;
    bool outer = sb->call_depth == 0;
    if (outer) {
        sb->instr_used = 0;
        sb->tripped = false;
        sb->mem_tripped = false;
        sb->mem_where[0] = '\0';
        sb->include_depth = 0;
        lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
        clock_gettime(CLOCK_MONOTONIC, &sb->deadline);
        double whole = (double)(long long)sb->lim.seconds_per_call;
        sb->deadline.tv_sec += (time_t)whole;
        sb->deadline.tv_nsec += (long)((sb->lim.seconds_per_call - whole) * 1e9);
        if (sb->deadline.tv_nsec >= 1000000000L) {
            sb->deadline.tv_sec++;
            sb->deadline.tv_nsec -= 1000000000L;
        }
    }
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    sb->call_depth++;
    int status = lua_pcall(L, nargs, nresults, base);
    sb->call_depth--;
    lua_remove(L, base);
    if (status == LUA_OK && !(outer && sb->tripped))
        return SD_OK;
    sd_status st;
    if (status == LUA_ERRMEM || sb->mem_tripped) {
        st = sd_error_set(err, SD_ERR_MEMORY,
                          "%s: script stopped: it needed more than its memory limit of %zu MiB",
                          sb->mem_where[0] ? sb->mem_where : "?", sb->lim.memory_bytes >> 20);
    } else {
        const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "script error";
        sd_buf full = SD_BUF_INIT;
        expand_location(sb, msg, &full);
        st = sd_error_set(err, SD_ERR_SCRIPT, "%s", sd_buf_str(&full));
        sd_buf_free(&full);
    }
    if (status != LUA_OK)
        lua_pop(L, 1);
    if (outer) {
        sb->tripped = false;
        sb->mem_tripped = false;
        lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
    }
    lua_settop(L, base - 1 < 0 ? 0 : base - 1);
    return st;
}
