/* scenario_lua.c - the declarations a scenario file makes (scenario{}, persona{}, post{},
 * comment{}, reply{}, dm{}, media{}, inquiry{}, internal{}, notice{}, storm{} with its
 * themes, hijack{}, on(), every(), when()) and the loader that runs the file in the sandbox and checks
 * cross-references. Every declaration is validated where it is made, so an error names
 * the author's file and line. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "../log/limits.h"
#include "../log/logw.h"
#include "../log/record.h"
#include "../util/buf.h"
#include "../util/sha256.h"
#include "../util/utf8.h"
#include "../scoring/texts.h"
#include "content_rules.h"
#include "names.h"
#include "scenario.h"
#include "scenario_lua.h"

#define MAX_DECLARATIONS 100000
#define MAX_POOL_TEXTS 100000
#define MAX_TEXT_BYTES SD_MAX_TEXT_BYTES
/* All the text a scenario may hold (declarations and injects): the engine's own copies are
 * outside the Lua memory cap, so they have a budget of their own. */
#define MAX_SCENARIO_TEXT ((size_t)64 << 20)

/* ---- reading fields of a declaration table ----
 * Declaration tables are read raw (no metamethod runs) and a table with a metatable is
 * refused: no Lua code runs while a declaration is being read, so nothing can change the
 * arrays it appends to. Each declaration fills a local struct and appends it at the end.
 * The guard (decl_guard) also refuses a declaration made while another is being read. */

static sd_scenario *scen(lua_State *L) { return lua_touserdata(L, lua_upvalueindex(1)); }

/* t[key] without metamethods; pushes the value and returns its type. */
static int rawfield(lua_State *L, int t, const char *key)
{
    t = lua_absindex(L, t);
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

/* Refuses a table with a metatable at idx (a declaration is read as written). */
static void plain_table(lua_State *L, int idx, const char *decl, const char *what)
{
    if (lua_getmetatable(L, idx))
        luaL_error(L, "%s: %s must be a plain table (without a metatable)", decl, what);
}

/* Errors with the declaration's name: "comment 'c1': field 'at': ...". */
static int decl_error(lua_State *L, const char *decl, const char *id, const char *fmt, ...)
{
    /* The message is formatted whole, into memory Lua owns (luaL_error does not return,
     * so nothing else could be freed): never cut short. */
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t len = n > 0 ? (size_t)n : 0;
    char *msg = lua_newuserdatauv(L, len + 1, 0);
    vsnprintf(msg, len + 1, fmt, again);
    va_end(again);
    if (id)
        return luaL_error(L, "%s '%s': %s", decl, id, msg);
    return luaL_error(L, "%s: %s", decl, msg);
}

/* Rejects keys that are not in `allowed` (a typo must not pass silently). */
static void check_keys(lua_State *L, int t, const char *decl, const char *const *allowed)
{
    const char *bad = NULL;
    char badbuf[80];
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            if (lua_type(L, -1) == LUA_TNUMBER)
                continue; /* positional entries are checked by whoever reads them */
            bad = "(a non-string key)";
            continue;
        }
        const char *k = lua_tostring(L, -1);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            if (strcmp(*a, k) == 0)
                ok = true;
        if (!ok && (bad == NULL || strcmp(k, bad) < 0)) {
            snprintf(badbuf, sizeof badbuf, "%s", k);
            bad = badbuf;
        }
    }
    if (bad) {
        char known[600];
        size_t used = 0;
        known[0] = '\0';
        for (const char *const *a = allowed; *a && used < sizeof known - 40; a++)
            used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                                     a == allowed ? "" : ", ", *a);
        luaL_error(L, "%s: unknown field '%s' (known fields: %s)", decl, bad, known);
    }
}

static void charge_text(lua_State *L, const sd_arena *arena, size_t len, const char *decl,
                        const char *id);
static const char *get_name(lua_State *L, int t, const char *key, const char *decl,
                            const char *id, bool required, sd_arena *arena);

/* A scenario's text kept in the arena, invalid UTF-8 replaced by U+FFFD (util/utf8.h):
 * nothing the scenario says reaches the log, the results or the window raw. The caller has
 * refused NUL bytes. NULL when memory runs out. */
static char *arena_text(sd_arena *arena, const char *s, size_t len)
{
    if (sd_utf8_valid(s, len))
        return sd_arena_strndup(arena, s, len);
    sd_buf b = SD_BUF_INIT;
    char *r = sd_utf8_sanitize(&b, s, len) == SD_OK ? sd_arena_strndup(arena, b.data, b.len) : NULL;
    sd_buf_free(&b);
    return r;
}

/* The size limit of a declaration's string field (log/limits.h): ids and references to ids,
 * names, and texts. */
static size_t field_limit(const char *key)
{
    static const char *const ids[] = {"id", "on", "author", "repeat_of", "former", NULL};
    static const char *const names[] = {"first", "last", "outlet", "name", "handle", "role", NULL};
    for (const char *const *k = ids; *k; k++)
        if (strcmp(*k, key) == 0)
            return SD_MAX_ID_BYTES;
    for (const char *const *k = names; *k; k++)
        if (strcmp(*k, key) == 0)
            return SD_MAX_NAME_BYTES;
    return SD_MAX_TEXT_BYTES;
}

static const char *get_string(lua_State *L, int t, const char *key, const char *decl,
                              const char *id, bool required, sd_arena *arena)
{
    int ty = rawfield(L, t, key);
    const char *r = NULL;
    if (ty == LUA_TNIL) {
        if (required)
            decl_error(L, decl, id, "field '%s' is required", key);
    } else if (ty == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        size_t max = field_limit(key);
        if (len > max)
            decl_error(L, decl, id, "field '%s' is longer than %zu bytes", key, max);
        if (strlen(s) != len)
            decl_error(L, decl, id, "field '%s' contains a NUL byte", key);
        charge_text(L, arena, len, decl, id);
        r = arena_text(arena, s, len);
        if (r == NULL)
            luaL_error(L, "out of memory");
    } else {
        decl_error(L, decl, id, "field '%s' must be a string, not a %s", key, lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return r;
}

static void charge_text(lua_State *L, const sd_arena *arena, size_t len, const char *decl,
                        const char *id)
{
    if (arena->used_total + len > MAX_SCENARIO_TEXT)
        decl_error(L, decl, id, "the scenario's texts pass %zu MiB in all; use fewer or "
                   "shorter texts", MAX_SCENARIO_TEXT >> 20);
}

static bool get_number(lua_State *L, int t, const char *key, const char *decl, const char *id,
                       double lo, double hi, double *out)
{
    int ty = rawfield(L, t, key);
    bool have = false;
    if (ty == LUA_TNUMBER) {
        double v = lua_tonumber(L, -1);
        if (!(v >= lo && v <= hi))
            decl_error(L, decl, id, "field '%s' is %g; it must be between %g and %g", key, v, lo, hi);
        *out = v;
        have = true;
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "field '%s' must be a number, not a %s", key, lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return have;
}

static bool get_bool(lua_State *L, int t, const char *key, const char *decl, const char *id,
                     bool *out)
{
    int ty = rawfield(L, t, key);
    bool have = false;
    if (ty == LUA_TBOOLEAN) {
        *out = lua_toboolean(L, -1);
        have = true;
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "field '%s' must be true or false, not a %s", key, lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return have;
}

static int lookup_or_error(lua_State *L, sd_vocab_id voc, const char *name, const char *decl,
                           const char *id, const char *key)
{
    int v = sd_vocab_lookup(voc, name);
    if (v < 0) {
        char known[600];
        sd_vocab_list(voc, known, sizeof known);
        decl_error(L, decl, id, "field '%s': unknown %s '%s' (known: %s)", key,
                   sd_vocab_title(voc), name, known);
    }
    return v;
}

static bool get_enum(lua_State *L, int t, const char *key, sd_vocab_id voc, const char *decl,
                     const char *id, int *out)
{
    int ty = rawfield(L, t, key);
    bool have = false;
    if (ty == LUA_TSTRING) {
        *out = lookup_or_error(L, voc, lua_tostring(L, -1), decl, id, key);
        have = true;
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "field '%s' must be a string, not a %s", key, lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return have;
}

/* A string or a list of strings, each from voc, as a bit set. */
static bool get_enum_set(lua_State *L, int t, const char *key, sd_vocab_id voc,
                         const char *decl, const char *id, uint64_t *out)
{
    int ty = rawfield(L, t, key);
    bool have = false;
    uint64_t set = 0;
    if (ty == LUA_TSTRING) {
        set |= 1ULL << lookup_or_error(L, voc, lua_tostring(L, -1), decl, id, key);
        have = true;
    } else if (ty == LUA_TTABLE) {
        plain_table(L, -1, decl, key);
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            if (lua_rawgeti(L, -1, i) != LUA_TSTRING)
                decl_error(L, decl, id, "field '%s': entry %d must be a string", key, (int)i);
            set |= 1ULL << lookup_or_error(L, voc, lua_tostring(L, -1), decl, id, key);
            lua_pop(L, 1);
        }
        have = true;
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "field '%s' must be a string or a list of strings", key);
    }
    lua_pop(L, 1);
    *out = set;
    return have;
}

static bool get_duration(lua_State *L, int t, const char *key, const char *decl, const char *id,
                         int64_t *out)
{
    int ty = rawfield(L, t, key);
    bool have = false;
    if (ty == LUA_TNUMBER) {
        double m = lua_tonumber(L, -1);
        if (!(m >= 0 && m <= 3650.0 * 1440))
            decl_error(L, decl, id, "field '%s': %g minutes is out of range", key, m);
        *out = (int64_t)llround(m * 60);
        have = true;
    } else if (ty == LUA_TSTRING) {
        sd_error e = SD_ERROR_INIT;
        if (sd_parse_duration(lua_tostring(L, -1), out, &e) != SD_OK) {
            char msg[400];
            snprintf(msg, sizeof msg, "%s", sd_error_msg(&e));
            sd_error_clear(&e);
            decl_error(L, decl, id, "field '%s': %s", key, msg);
        }
        have = true;
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "field '%s' must be a duration like \"30m\"", key);
    }
    lua_pop(L, 1);
    return have;
}

static bool get_when(lua_State *L, sd_scenario *sc, int t, const char *key, sd_time base,
                     const char *decl, const char *id, sd_time *out)
{
    int ty = rawfield(L, t, key);
    bool have = false;
    if (ty == LUA_TNUMBER) {
        double m = lua_tonumber(L, -1);
        if (!(m >= 0 && m <= 3650.0 * 1440))
            decl_error(L, decl, id, "field '%s': %g minutes is out of range", key, m);
        *out = base + (int64_t)llround(m * 60);
        have = true;
    } else if (ty == LUA_TSTRING) {
        sd_error e = SD_ERROR_INIT;
        if (sd_parse_when(lua_tostring(L, -1), base, sc->start, out, &e) != SD_OK) {
            char msg[400];
            snprintf(msg, sizeof msg, "%s", sd_error_msg(&e));
            sd_error_clear(&e);
            decl_error(L, decl, id, "field '%s': %s", key, msg);
        }
        have = true;
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "field '%s' must be a time like \"+30m\" or \"09:15\"", key);
    }
    if (have && (*out < SD_TIME_MIN || *out > SD_TIME_MAX))
        decl_error(L, decl, id, "field '%s': the time must lie in the years %d to %d", key,
                   SD_TIME_MIN_YEAR, SD_TIME_MAX_YEAR);
    lua_pop(L, 1);
    return have;
}

static void *grow_array(lua_State *L, void *arr, size_t *cap, size_t len, size_t elem)
{
    if (len < *cap)
        return arr;
    if (len >= MAX_DECLARATIONS)
        luaL_error(L, "more than %d declarations of one kind", MAX_DECLARATIONS);
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(arr, ncap * elem);
    if (p == NULL)
        luaL_error(L, "out of memory");
    *cap = ncap;
    return p;
}

/* The line of the script code that called the declaration (past the C guard). */
static int current_line(lua_State *L)
{
    lua_Debug ar;
    for (int lv = 1; lv < 6 && lua_getstack(L, lv, &ar); lv++)
        if (lua_getinfo(L, "l", &ar) && ar.currentline > 0)
            return ar.currentline;
    return 0;
}

static void require_scenario(lua_State *L, sd_scenario *sc, const char *decl)
{
    if (!sc->declared)
        luaL_error(L, "%s: declare scenario{ ... } first (its start time is needed)", decl);
}

/* ---- contents: points, need, refer, channel, avoid, model ----
 * Read where they are declared (expect = { ... }, scoring.statement, hijack.message), into
 * the scenario's arena. A content read while the file loads is "pending" (index
 * CONTENT_PENDING) until its declaration is appended whole (register_content), so that a
 * declaration that fails later leaves nothing in sc->contents; one read at run time (a
 * callback's inject{}) gets index -1 at once. */

#define CONTENT_PENDING (-2)

static const char *const content_keys[] = {"points", "need", "refer", "channel", "avoid",
                                           "model", NULL};

/* The value at idx as a phrase or label (content_rules.h), kept in the arena. what names it
 * in messages ("expect.points entry 2: say entry 1"). */
static const char *read_phrase(lua_State *L, sd_scenario *sc, int idx, const char *decl,
                               const char *id, const char *what)
{
    if (lua_type(L, idx) != LUA_TSTRING)
        decl_error(L, decl, id, "%s must be a string, not a %s", what, luaL_typename(L, idx));
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    const char *why = strlen(s) != len ? "contains a NUL byte" : sd_phrase_problem(s, len);
    if (why)
        decl_error(L, decl, id, "%s %s", what, why);
    charge_text(L, &sc->arena, len, decl, id);
    const char *r = sd_arena_strndup(&sc->arena, s, len);
    if (r == NULL)
        luaL_error(L, "out of memory");
    return r;
}

/* True when the table at t has keys other than 1..n (it is no plain list). */
static bool not_a_list(lua_State *L, int t, size_t n)
{
    size_t keys = 0;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        lua_pop(L, 1);
        keys++;
    }
    return keys != n;
}

/* The point at idx: a string (label and only phrase) or { label = ..., say = { ... } }. */
static void read_point(lua_State *L, sd_scenario *sc, int idx, const char *decl, const char *id,
                       const char *what, sd_point *p)
{
    static const char *const point_keys[] = {"label", "say", NULL};
    idx = lua_absindex(L, idx);
    memset(p, 0, sizeof *p);
    char sub[160];
    if (lua_type(L, idx) == LUA_TSTRING) {
        p->label = read_phrase(L, sc, idx, decl, id, what);
    } else if (lua_type(L, idx) == LUA_TTABLE) {
        snprintf(sub, sizeof sub, "%s%s%s%s %s", decl, id ? " '" : "", id ? id : "",
                 id ? "'" : "", what);
        plain_table(L, idx, sub, "it");
        check_keys(L, idx, sub, point_keys);
        rawfield(L, idx, "label");
        if (lua_isnil(L, -1))
            decl_error(L, decl, id, "%s: field 'label' is required (a short name of the point, "
                       "for feedback)", what);
        snprintf(sub, sizeof sub, "%s: label", what);
        p->label = read_phrase(L, sc, -1, decl, id, sub);
        lua_pop(L, 1);
        int ty = rawfield(L, idx, "say");
        if (ty == LUA_TTABLE) {
            int t = lua_gettop(L);
            snprintf(sub, sizeof sub, "%s%s%s%s %s say", decl, id ? " '" : "", id ? id : "",
                     id ? "'" : "", what);
            plain_table(L, t, sub, "it");
            size_t n = lua_rawlen(L, t);
            if (n == 0 || not_a_list(L, t, n))
                decl_error(L, decl, id, "%s: say must be a list of 1 to %d phrases", what,
                           SD_MAX_SAY);
            if (n > SD_MAX_SAY)
                decl_error(L, decl, id, "%s: say has %zu phrases; at most %d", what, n,
                           SD_MAX_SAY);
            const char **say = sd_arena_alloc(&sc->arena, n * sizeof *say);
            if (say == NULL)
                luaL_error(L, "out of memory");
            for (size_t i = 1; i <= n; i++) {
                lua_rawgeti(L, t, (lua_Integer)i);
                snprintf(sub, sizeof sub, "%s: say entry %zu", what, i);
                say[i - 1] = read_phrase(L, sc, -1, decl, id, sub);
                lua_pop(L, 1);
            }
            p->say = say;
            p->n_say = n;
        } else if (ty != LUA_TNIL) {
            decl_error(L, decl, id, "%s: say must be a list of phrases like { \"torsdag\", "
                       "\"öppnar igen\" }, not a %s", what, lua_typename(L, ty));
        }
        lua_pop(L, 1);
    } else {
        decl_error(L, decl, id, "%s must be a string or a table { label = \"...\", say = { "
                   "\"...\" } }, not a %s", what, luaL_typename(L, idx));
    }
    if (p->n_say == 0) { /* say defaults to the label */
        const char **say = sd_arena_alloc(&sc->arena, sizeof *say);
        if (say == NULL)
            luaL_error(L, "out of memory");
        say[0] = p->label;
        p->say = say;
        p->n_say = 1;
    }
}

/* t[key]: a list of points (points, avoid); returns their number (0: absent). */
static size_t read_point_list(lua_State *L, sd_scenario *sc, int t, const char *key,
                              const char *decl, const char *id, const char *prefix,
                              const sd_point **out)
{
    *out = NULL;
    int ty = rawfield(L, t, key);
    size_t n = 0;
    if (ty == LUA_TTABLE) {
        int lt = lua_gettop(L);
        char sub[160];
        snprintf(sub, sizeof sub, "%s%s%s%s %s.%s", decl, id ? " '" : "", id ? id : "",
                 id ? "'" : "", prefix, key);
        plain_table(L, lt, sub, "it");
        n = lua_rawlen(L, lt);
        if (n == 0 || not_a_list(L, lt, n))
            decl_error(L, decl, id, "%s.%s must be a list of 1 to %d points, like { { label = "
                       "\"...\", say = { \"...\" } }, \"...\" }", prefix, key, SD_MAX_POINTS);
        if (n > SD_MAX_POINTS)
            decl_error(L, decl, id, "%s.%s has %zu entries; at most %d", prefix, key, n,
                       SD_MAX_POINTS);
        sd_point *v = sd_arena_alloc(&sc->arena, n * sizeof *v);
        if (v == NULL)
            luaL_error(L, "out of memory");
        for (size_t i = 1; i <= n; i++) {
            lua_rawgeti(L, lt, (lua_Integer)i);
            snprintf(sub, sizeof sub, "%s.%s entry %zu", prefix, key, i);
            read_point(L, sc, -1, decl, id, sub, &v[i - 1]);
            lua_pop(L, 1);
        }
        *out = v;
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "%s.%s must be a list of points, not a %s", prefix, key,
                   lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return n;
}

/* Copies a point whose strings are static (a built-in channel) into the arena. */
static void keep_point(lua_State *L, sd_scenario *sc, const sd_point *in, sd_point *out)
{
    const char **say = sd_arena_alloc(&sc->arena, in->n_say * sizeof *say);
    out->label = sd_arena_strdup(&sc->arena, in->label);
    if (say == NULL || out->label == NULL)
        luaL_error(L, "out of memory");
    for (size_t i = 0; i < in->n_say; i++)
        if ((say[i] = sd_arena_strdup(&sc->arena, in->say[i])) == NULL)
            luaL_error(L, "out of memory");
    out->say = say;
    out->n_say = in->n_say;
}

/* The bytes c takes in the log (its JSON); raises a Lua error past SD_MAX_CONTENT_JSON. */
static size_t content_json_size(lua_State *L, const sd_content *c, const char *decl,
                                const char *id, const char *prefix)
{
    sd_buf b = SD_BUF_INIT;
    sd_jsonw w;
    sd_jsonw_init(&w, &b, false);
    sd_content_to_json(&w, c);
    bool ok = sd_jsonw_ok(&w) && sd_buf_ok(&b);
    size_t len = b.len;
    sd_buf_free(&b);
    if (!ok)
        luaL_error(L, "out of memory");
    if (len > SD_MAX_CONTENT_JSON)
        decl_error(L, decl, id, "%s: its points, phrases and model answer take %zu KiB in the "
                   "session log; at most %zu KiB", prefix, len >> 10, SD_MAX_CONTENT_JSON >> 10);
    return len;
}

/* Reads the content members of the table at t (points, need, refer, channel, avoid, model):
 * NULL when it has none. The table's keys were checked by the caller. prefix names the
 * table in messages ("expect", "statement", "message"). */
static const sd_content *read_content(lua_State *L, sd_scenario *sc, int t, const char *decl,
                                      const char *id, const char *prefix)
{
    bool any = false;
    for (const char *const *k = content_keys; *k; k++) {
        if (rawfield(L, t, *k) != LUA_TNIL)
            any = true;
        lua_pop(L, 1);
    }
    if (!any)
        return NULL;
    sd_content *c = sd_arena_alloc(&sc->arena, sizeof *c);
    if (c == NULL)
        luaL_error(L, "out of memory");
    memset(c, 0, sizeof *c);
    c->index = sc->loaded ? -1 : CONTENT_PENDING;
    c->n_points = read_point_list(L, sc, t, "points", decl, id, prefix, &c->points);
    c->n_avoid = read_point_list(L, sc, t, "avoid", decl, id, prefix, &c->avoid);
    c->need = (int)c->n_points;
    int ty = rawfield(L, t, "need");
    if (ty == LUA_TNUMBER) {
        lua_Number v = lua_tonumber(L, -1);
        if (c->n_points == 0)
            decl_error(L, decl, id, "%s.need is given without points", prefix);
        if (!(v >= 1 && v <= (lua_Number)c->n_points) || v != floor(v))
            decl_error(L, decl, id, "%s.need is %g; it must be a whole number from 1 to %zu (the "
                       "number of points)", prefix, v, c->n_points);
        c->need = (int)v;
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "%s.need must be a number, not a %s", prefix, lua_typename(L, ty));
    }
    lua_pop(L, 1);
    char sub[64];
    if (rawfield(L, t, "refer") != LUA_TNIL) {
        snprintf(sub, sizeof sub, "%s.refer", prefix);
        read_point(L, sc, -1, decl, id, sub, &c->refer);
    }
    lua_pop(L, 1);
    ty = rawfield(L, t, "channel");
    if (ty == LUA_TSTRING) {
        const char *name = lua_tostring(L, -1);
        int ch = sd_channel_lookup(name);
        if (ch < 0) {
            char known[200];
            sd_channel_list(known, sizeof known);
            decl_error(L, decl, id, "%s.channel: unknown channel '%s' (known: %s; or give your "
                       "own: { label = \"...\", say = { \"...\" } })", prefix, name, known);
        }
        sd_point builtin;
        sd_channel_point((sd_channel_id)ch, sc->lang, &builtin);
        keep_point(L, sc, &builtin, &c->channel);
    } else if (ty != LUA_TNIL) {
        snprintf(sub, sizeof sub, "%s.channel", prefix);
        read_point(L, sc, -1, decl, id, sub, &c->channel);
    }
    lua_pop(L, 1);
    ty = rawfield(L, t, "model");
    if (ty == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        if (len == 0 || strlen(s) != len)
            decl_error(L, decl, id, "%s.model is empty or has a NUL byte", prefix);
        if (len > SD_MAX_TEXT_BYTES)
            decl_error(L, decl, id, "%s.model is longer than %u bytes", prefix, SD_MAX_TEXT_BYTES);
        if (!sd_utf8_valid(s, len))
            decl_error(L, decl, id, "%s.model is not valid UTF-8", prefix);
        charge_text(L, &sc->arena, len, decl, id);
        if ((c->model = sd_arena_strndup(&sc->arena, s, len)) == NULL)
            luaL_error(L, "out of memory");
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "%s.model must be a string (the model answer), not a %s", prefix,
                   lua_typename(L, ty));
    }
    lua_pop(L, 1);
    if (c->n_points == 0 && c->refer.n_say == 0 && c->channel.n_say == 0 && c->n_avoid == 0 &&
        c->model == NULL)
        decl_error(L, decl, id, "%s declares no content", prefix); /* need alone */
    /* The rules once more, as the log reader applies them (they cannot differ). */
    sd_error e = SD_ERROR_INIT;
    if (sd_content_check(c, prefix, &e) != SD_OK) {
        char msg[400];
        snprintf(msg, sizeof msg, "%s", sd_error_msg(&e));
        sd_error_clear(&e);
        decl_error(L, decl, id, "%s", msg);
    }
    content_json_size(L, c, decl, id, prefix);
    return c;
}

/* A table of content members only (scoring.statement, hijack.message) at t[key]. */
static const sd_content *read_content_field(lua_State *L, sd_scenario *sc, int t,
                                            const char *key, const char *decl, const char *id)
{
    const sd_content *c = NULL;
    int ty = rawfield(L, t, key);
    if (ty == LUA_TTABLE) {
        int ct = lua_gettop(L);
        char where[160];
        snprintf(where, sizeof where, "%s%s%s%s %s", decl, id ? " '" : "", id ? id : "",
                 id ? "'" : "", key);
        plain_table(L, ct, where, key);
        check_keys(L, ct, where, content_keys);
        c = read_content(L, sc, ct, decl, id, key);
        if (c == NULL)
            decl_error(L, decl, id, "%s is empty: give points, refer, channel, avoid or model",
                       key);
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "%s must be a table like { points = { ... }, need = 2 }, not a %s",
                   key, lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return c;
}

/* Gives a pending content its place in sc->contents, once its declaration is complete. */
static void register_content(lua_State *L, sd_scenario *sc, const sd_content *cc,
                             const char *decl, const char *id)
{
    if (cc == NULL || cc->index != CONTENT_PENDING)
        return;
    sd_content *c = (sd_content *)cc; /* made by read_content, in the arena */
    size_t len = content_json_size(L, c, decl, id, "expect");
    if (sc->contents_json + len + 1 > SD_MAX_CONTENTS_JSON)
        decl_error(L, decl, id, "the scenario's contents (key points, phrases, model answers) "
                   "pass %zu MiB in all in the session log's header", SD_MAX_CONTENTS_JSON >> 20);
    sc->contents = grow_array(L, (void *)sc->contents, &sc->cap_contents, sc->n_contents,
                              sizeof *sc->contents);
    c->index = (int32_t)sc->n_contents;
    sc->contents[sc->n_contents++] = c;
    sc->contents_json += len + 1;
}

/* ---- expect = { ... } ---- */

static const char *const expect_keys[] = {
    "answer", "within", "acknowledge", "link", "escalate", "escalate_within", "ok", "fault",
    "class", "rules", "weight", "max_words", "points", "need", "refer", "channel", "avoid",
    "model", NULL};

void sd_expect_defaults(sd_expect *e, sd_kind kind, sd_mood mood)
{
    memset(e, 0, sizeof *e);
    e->weight = 1.0;
    e->answer = kind == SD_KIND_COMMENT || kind == SD_KIND_REPLY || kind == SD_KIND_DM ||
                kind == SD_KIND_INQUIRY;
    e->acknowledge = mood == SD_MOOD_FRUSTRATED || mood == SD_MOOD_ANGRY;
    if (mood == SD_MOOD_TROLL && e->answer) {
        e->answer = false;
        e->cls = SD_CLASS_TROLL;
        e->ok = (1u << SD_DECISION_MONITOR) | (1u << SD_DECISION_HIDE) | (1u << SD_DECISION_REPORT);
    } else if (e->answer) {
        e->cls = SD_CLASS_QUESTION;
    }
}

/* Reads the table at index t (absolute) into e, over the defaults already in e. */
static void read_expect(lua_State *L, sd_scenario *sc, int t, const char *decl, const char *id,
                        sd_expect *e)
{
    char where[120];
    snprintf(where, sizeof where, "%s%s%s%s expect", decl, id ? " '" : "", id ? id : "", id ? "'" : "");
    plain_table(L, t, where, "expect");
    check_keys(L, t, where, expect_keys);
    get_bool(L, t, "answer", decl, id, &e->answer);
    if (get_duration(L, t, "within", decl, id, &e->within) && e->within == 0)
        decl_error(L, decl, id, "expect.within must be longer than 0");
    get_bool(L, t, "acknowledge", decl, id, &e->acknowledge);
    const char *link = get_string(L, t, "link", decl, id, false, &sc->arena);
    if (link)
        e->link = link;
    uint64_t set;
    if (get_enum_set(L, t, "escalate", SD_VOCAB_TARGET, decl, id, &set))
        e->escalate = (uint32_t)set;
    if (get_duration(L, t, "escalate_within", decl, id, &e->escalate_within))
        e->escalate_within_given = true;
    if (get_enum_set(L, t, "ok", SD_VOCAB_DECISION, decl, id, &set))
        e->ok = (uint32_t)set;
    if (get_enum_set(L, t, "fault", SD_VOCAB_DECISION, decl, id, &set))
        e->fault = (uint32_t)set;
    if (e->ok & e->fault)
        decl_error(L, decl, id, "expect: a decision cannot be both ok and a fault");
    int cls;
    if (get_enum(L, t, "class", SD_VOCAB_CLASS, decl, id, &cls))
        e->cls = (sd_class)cls;
    if (get_enum_set(L, t, "rules", SD_VOCAB_RULE, decl, id, &set))
        e->rules |= set;
    get_number(L, t, "weight", decl, id, 0, 1000, &e->weight);
    double mw;
    if (get_number(L, t, "max_words", decl, id, 1, 10000, &mw))
        e->max_words = (int)mw;
    const sd_content *c = read_content(L, sc, t, decl, id, "expect");
    if (c)
        e->content = c;
}

/* ---- scenario{} ---- */

static const char *const scenario_keys[] = {
    "id", "title", "language", "description", "aim", "start", "duration", "compression",
    "platform",
    "slot",
    "seed", "account", "role", "office_hours", "calendar", "audience", "max_words", "scoring",
    "words", "colleague", NULL};

static const char *const scoring_keys[] = {"weights", "late_zero", "max_words", "max_lix",
                                           "crisis", "crisis_start", "backup_within",
                                           "statement_within", "troll_words", "statement",
                                           NULL};

void sd_scoring_params_default(sd_scoring_params *p)
{
    memset(p, 0, sizeof *p);
    p->w_speed = 0.4;
    p->w_tone = 0.35;
    p->w_escalation = 0.25;
    p->late_zero = 4;
    p->max_words = 100;
    p->max_lix = 45;
    p->backup_within = 30 * 60;
    p->statement_within = 60 * 60;
    p->troll_words = 25;
}

/* scoring = { ... } of scenario{}; *crisis_set / *start_set say what was given. */
static void read_scoring(lua_State *L, sd_scenario *sc, int t, bool *crisis_set, bool *start_set)
{
    const char *D = "scenario scoring";
    sd_scoring_params *p = &sc->scoring;
    plain_table(L, t, D, "scoring");
    check_keys(L, t, D, scoring_keys);
    if (rawfield(L, t, "weights") == LUA_TTABLE) {
        static const char *const wkeys[] = {"speed", "tone", "escalation", NULL};
        int w = lua_gettop(L);
        plain_table(L, w, D, "weights");
        check_keys(L, w, "scenario scoring weights", wkeys);
        get_number(L, w, "speed", D, NULL, 0, 100, &p->w_speed);
        get_number(L, w, "tone", D, NULL, 0, 100, &p->w_tone);
        get_number(L, w, "escalation", D, NULL, 0, 100, &p->w_escalation);
        if (!(p->w_speed + p->w_tone + p->w_escalation > 0))
            luaL_error(L, "scenario: scoring.weights must not all be zero");
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario: scoring.weights must be a table { speed = 0.4, tone = 0.35, escalation = 0.25 }");
    }
    lua_pop(L, 1);
    get_number(L, t, "late_zero", D, NULL, 1.01, 100, &p->late_zero);
    double v;
    if (get_number(L, t, "max_words", D, NULL, 1, 10000, &v))
        p->max_words = (int)v;
    get_number(L, t, "max_lix", D, NULL, 1, 200, &p->max_lix);
    *crisis_set = get_bool(L, t, "crisis", D, NULL, &p->crisis);
    *start_set = get_when(L, sc, t, "crisis_start", sc->start, D, NULL, &p->crisis_start);
    get_duration(L, t, "backup_within", D, NULL, &p->backup_within);
    get_duration(L, t, "statement_within", D, NULL, &p->statement_within);
    if (get_number(L, t, "troll_words", D, NULL, 0, 10000, &v))
        p->troll_words = (int)v;
    p->statement = read_content_field(L, sc, t, "statement", D, NULL);
}

/* slot = "1h" of scenario{}: the workshop slot the exercise fits, in real time (briefing
 * and debrief included); stormdrill check compares it with duration / compression. */
static void read_slot(lua_State *L, sd_scenario *sc)
{
    int64_t slot = 0;
    if (!get_duration(L, 1, "slot", "scenario", NULL, &slot))
        return;
    if (slot < 60 || slot > 7 * 86400)
        luaL_error(L, "scenario: field 'slot' must be between one minute and a week of real "
                   "time, like \"45m\" or \"1h30m\"");
    sc->slot = slot;
}

/* words = { "Kvarnby", ... } of scenario{}: words the spelling check accepts. */
static void read_words(lua_State *L, sd_scenario *sc, int t)
{
    const char *D = "scenario";
    int ty = rawfield(L, t, "words");
    if (ty == LUA_TTABLE) {
        int wt = lua_gettop(L);
        plain_table(L, wt, D, "words");
        size_t n = lua_rawlen(L, wt);
        if (n == 0 || not_a_list(L, wt, n))
            luaL_error(L, "scenario: words must be a list of words like { \"Kvarnby\", "
                       "\"Ekbacken\" }");
        if (n > SD_MAX_WORDS)
            luaL_error(L, "scenario: words has %d entries; at most %d", (int)n, (int)SD_MAX_WORDS);
        const char **v = sd_arena_alloc(&sc->arena, n * sizeof *v);
        if (v == NULL)
            luaL_error(L, "out of memory");
        for (size_t i = 1; i <= n; i++) {
            if (lua_rawgeti(L, wt, (lua_Integer)i) != LUA_TSTRING)
                luaL_error(L, "scenario: words entry %d must be a string, not a %s", (int)i,
                           luaL_typename(L, -1));
            size_t len;
            const char *w = lua_tolstring(L, -1, &len);
            const char *why = strlen(w) != len ? "contains a NUL byte" : sd_word_problem(w, len);
            if (why)
                luaL_error(L, "scenario: words entry %d %s", (int)i, why);
            charge_text(L, &sc->arena, len, D, NULL);
            if ((v[i - 1] = sd_arena_strndup(&sc->arena, w, len)) == NULL)
                luaL_error(L, "out of memory");
            lua_pop(L, 1);
        }
        sc->scoring.words = v;
        sc->scoring.n_words = n;
    } else if (ty != LUA_TNIL) {
        luaL_error(L, "scenario: words must be a list of words, not a %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
}

/* ---- colleague = { ... } of scenario{} ---- */

void sd_colleague_params_default(sd_colleague_params *p, sd_language lang)
{
    memset(p, 0, sizeof *p);
    p->name = lang == SD_LANG_EN ? "Sam" : "Sara";
    p->delay = 5 * 60;
    p->pace = 2 * 60;
}

const char *sd_colleague_name(const sd_colleague_params *p, size_t i)
{
    if (i == 0)
        return p->name;
    return i - 1 < p->n_more ? p->more[i - 1] : NULL;
}

/* What is wrong with a colleague's first name, or NULL: one word of letters (any
 * alphabet), '-' and '\'', as it stands in the sign-off of the colleague's replies. */
static const char *colleague_name_problem(const char *s, size_t len)
{
    if (strlen(s) != len)
        return "contains a NUL byte";
    const char *why = sd_word_problem(s, len);
    if (why)
        return why;
    if (len > SD_MAX_NAME_BYTES)
        return "is too long";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (!letter && (i == 0 || (c != '-' && c != '\'')))
            return "must be a first name: letters, '-' and '\\'' only, starting with a letter";
    }
    return NULL;
}

static const char *colleague_name(lua_State *L, sd_scenario *sc, int idx, const char *field)
{
    const char *D = "scenario colleague";
    if (lua_type(L, idx) != LUA_TSTRING)
        luaL_error(L, "%s: %s must be a first name like \"Sara\", not a %s", D, field,
                   luaL_typename(L, idx));
    size_t len;
    const char *v = lua_tolstring(L, idx, &len);
    const char *why = colleague_name_problem(v, len);
    if (why)
        luaL_error(L, "%s: %s '%s' %s", D, field, sd_utf8_valid(v, len) ? v : "?", why);
    charge_text(L, &sc->arena, len, D, NULL);
    const char *r = sd_arena_strndup(&sc->arena, v, len);
    if (r == NULL)
        luaL_error(L, "out of memory");
    return r;
}

/* colleague = { name = "Sara", delay = "5m", pace = "2m", more = { "Johan" } }: every
 * field optional; the defaults (sd_colleague_params_default) are set already. */
static void read_colleague(lua_State *L, sd_scenario *sc, int t)
{
    static const char *const keys[] = {"name", "delay", "pace", "more", NULL};
    const char *D = "scenario colleague";
    sd_colleague_params *p = &sc->colleague;
    int ty = rawfield(L, t, "colleague");
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (ty != LUA_TTABLE)
        luaL_error(L, "scenario: colleague must be a table { name = \"Sara\", delay = \"5m\", "
                   "pace = \"2m\", more = { ... } }, not a %s", lua_typename(L, ty));
    int c = lua_gettop(L);
    plain_table(L, c, D, "colleague");
    check_keys(L, c, D, keys);
    if (rawfield(L, c, "name") != LUA_TNIL)
        p->name = colleague_name(L, sc, -1, "name");
    lua_pop(L, 1);
    get_duration(L, c, "delay", D, NULL, &p->delay);
    if (p->delay > 24 * 3600)
        luaL_error(L, "%s: field 'delay' must be at most 24h", D);
    if (p->delay >= sc->duration)
        luaL_error(L, "%s: field 'delay' is as long as the exercise or longer: the colleague "
                   "would never come", D);
    get_duration(L, c, "pace", D, NULL, &p->pace);
    if (p->pace < 30)
        luaL_error(L, "%s: field 'pace' must be at least 30s (the simulated time a colleague "
                   "takes per reply)", D);
    if (p->pace > 24 * 3600)
        luaL_error(L, "%s: field 'pace' must be at most 24h", D);
    ty = rawfield(L, c, "more");
    if (ty == LUA_TTABLE) {
        int m = lua_gettop(L);
        plain_table(L, m, D, "more");
        size_t n = lua_rawlen(L, m);
        if (not_a_list(L, m, n))
            luaL_error(L, "%s: more must be a list of first names like { \"Johan\", \"Li\" }", D);
        if (n > SD_MAX_COLLEAGUES - 1)
            luaL_error(L, "%s: more has %d names; at most %d", D, (int)n, SD_MAX_COLLEAGUES - 1);
        const char **v = n ? sd_arena_alloc(&sc->arena, n * sizeof *v) : NULL;
        if (n && v == NULL)
            luaL_error(L, "out of memory");
        for (size_t i = 0; i < n; i++) {
            char field[32];
            snprintf(field, sizeof field, "more entry %zu", i + 1);
            lua_rawgeti(L, m, (lua_Integer)i + 1);
            v[i] = colleague_name(L, sc, -1, field);
            lua_pop(L, 1);
        }
        p->more = v;
        p->n_more = n;
    } else if (ty != LUA_TNIL) {
        luaL_error(L, "%s: more must be a list of first names like { \"Johan\" }, not a %s", D,
                   lua_typename(L, ty));
    }
    lua_pop(L, 1);
    /* Each colleague signs with their name, and the log names who replied: no two alike. */
    for (size_t i = 0; i < p->n_more + 1; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(sd_colleague_name(p, i), sd_colleague_name(p, j)) == 0)
                luaL_error(L, "%s: the name '%s' is given twice (each colleague needs a name of "
                           "their own)", D, sd_colleague_name(p, i));
    lua_pop(L, 1);
}

static int parse_clock(const char *s, int *secs)
{
    int h, m;
    char extra;
    if (sscanf(s, "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 24 || m < 0 || m > 59 ||
        (h == 24 && m != 0))
        return -1;
    *secs = h * 3600 + m * 60;
    return 0;
}

static void read_days(lua_State *L, sd_scenario *sc, int t, const char *key, bool closed)
{
    if (rawfield(L, t, key) == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!lua_istable(L, -1))
        luaL_error(L, "scenario: calendar.%s must be a list of dates like \"2026-03-11\"", key);
    plain_table(L, -1, "scenario calendar", key);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        const char *s = lua_rawgeti(L, -1, i) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        sd_time tm;
        sd_error e = SD_ERROR_INIT;
        if (s == NULL || strlen(s) != 10 || sd_time_parse(s, &tm, NULL) != SD_OK) {
            luaL_error(L, "scenario: calendar.%s entry %d: expected a date like \"2026-03-11\"",
                       key, (int)i);
        }
        sd_status st = closed ? sd_calendar_add_closed(&sc->calendar, tm / 86400, &e)
                              : sd_calendar_add_open(&sc->calendar, tm / 86400, &e);
        if (st != SD_OK) {
            char msg[300];
            snprintf(msg, sizeof msg, "%s", sd_error_msg(&e));
            sd_error_clear(&e);
            luaL_error(L, "scenario: calendar: %s", msg);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static const char *const audience_keys[] = {"responsiveness", "calm_rate", "delete_penalty",
                                            "min_intensity", "max_intensity",
                                            "sentiment_rate", NULL};

/* The first second after the last allowed start year. */
static sd_time start_max(void) { return sd_time_make(SD_START_MAX_YEAR + 1, 1, 1, 0, 0, 0); }

static int l_scenario(lua_State *L)
{
    sd_scenario *sc = scen(L);
    const char *D = "scenario";
    luaL_checktype(L, 1, LUA_TTABLE);
    plain_table(L, 1, D, "its table");
    if (sc->declared)
        luaL_error(L, "scenario: declared twice (first at line %d)", sc->scenario_line);
    check_keys(L, 1, D, scenario_keys);
    sc->scenario_line = current_line(L);
    sc->id = get_string(L, 1, "id", D, NULL, true, &sc->arena);
    if (strlen(sc->id) > SD_MAX_ID_BYTES)
        luaL_error(L, "scenario: field 'id' is longer than %d bytes", (int)SD_MAX_ID_BYTES);
    for (const char *p = sc->id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            luaL_error(L, "scenario: id '%s' may only have a-z, 0-9, _ and -", sc->id);
    sc->title = get_string(L, 1, "title", D, NULL, true, &sc->arena);
    sc->description = get_string(L, 1, "description", D, NULL, false, &sc->arena);
    sc->aim = get_string(L, 1, "aim", D, NULL, false, &sc->arena);
    sc->role = get_name(L, 1, "role", D, NULL, false, &sc->arena);
    int lang = SD_LANG_SV;
    get_enum(L, 1, "language", SD_VOCAB_LANGUAGE, D, NULL, &lang);
    sc->lang = (sd_language)lang;
    int platform = SD_PLATFORM_FACEBOOK;
    get_enum(L, 1, "platform", SD_VOCAB_PLATFORM, D, NULL, &platform);
    sc->platform = (sd_platform)platform;
    const char *start = get_string(L, 1, "start", D, NULL, true, &sc->arena);
    sd_error e = SD_ERROR_INIT;
    if (sd_time_parse(start, &sc->start, &e) != SD_OK) {
        char msg[300];
        snprintf(msg, sizeof msg, "%s", sd_error_msg(&e));
        sd_error_clear(&e);
        luaL_error(L, "scenario: field 'start': %s", msg);
    }
    if (sc->start < SD_TIME_MIN || sc->start >= start_max())
        luaL_error(L, "scenario: field 'start': the year must be between %d and %d",
                   SD_TIME_MIN_YEAR, SD_START_MAX_YEAR);
    if (!get_duration(L, 1, "duration", D, NULL, &sc->duration))
        luaL_error(L, "scenario: field 'duration' is required (e.g. \"2h\")");
    if (sc->duration < 60)
        luaL_error(L, "scenario: duration must be at least one minute");
    sc->compression = 1;
    get_number(L, 1, "compression", D, NULL, 0.01, 1e6, &sc->compression);
    read_slot(L, sc);
    double seed = 1;
    get_number(L, 1, "seed", D, NULL, 0, 9007199254740991.0, &seed);
    sc->seed = (uint64_t)seed;
    double mw = 100;
    get_number(L, 1, "max_words", D, NULL, 1, 10000, &mw);
    sc->default_max_words = (int)mw;
    sc->scoring.max_words = (int)mw;
    if (rawfield(L, 1, "scoring") == LUA_TTABLE)
        read_scoring(L, sc, lua_gettop(L), &sc->scoring_crisis_set, &sc->scoring_start_set);
    else if (!lua_isnil(L, -1))
        luaL_error(L, "scenario: scoring must be a table");
    lua_pop(L, 1);

    if (rawfield(L, 1, "account") == LUA_TTABLE) {
        static const char *const account_keys[] = {"name", "handle", NULL};
        int t = lua_gettop(L);
        plain_table(L, t, D, "account");
        check_keys(L, t, "scenario account", account_keys);
        sc->account_name = get_name(L, t, "name", "scenario account", NULL, true, &sc->arena);
        sc->account_handle = get_name(L, t, "handle", "scenario account", NULL, false, &sc->arena);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario: account must be a table { name = ..., handle = ... }");
    }
    lua_pop(L, 1);

    if (rawfield(L, 1, "office_hours") == LUA_TTABLE) {
        plain_table(L, -1, D, "office_hours");
        int ta = lua_rawgeti(L, -1, 1);
        int tb = lua_rawgeti(L, -2, 2);
        const char *a = ta == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        const char *b = tb == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        int open = 0, close = 0;
        if (!a || !b || parse_clock(a, &open) || parse_clock(b, &close) || open >= close)
            luaL_error(L, "scenario: office_hours must be like { \"08:00\", \"17:00\" }");
        sc->calendar.office_open = open;
        sc->calendar.office_close = close;
        lua_pop(L, 2);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario: office_hours must be like { \"08:00\", \"17:00\" }");
    }
    lua_pop(L, 1);

    if (rawfield(L, 1, "calendar") == LUA_TTABLE) {
        static const char *const cal_keys[] = {"closed", "open", NULL};
        int t = lua_gettop(L);
        plain_table(L, t, D, "calendar");
        check_keys(L, t, "scenario calendar", cal_keys);
        read_days(L, sc, t, "closed", true);
        read_days(L, sc, t, "open", false);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario: calendar must be a table { closed = {...}, open = {...} }");
    }
    lua_pop(L, 1);

    if (rawfield(L, 1, "audience") == LUA_TTABLE) {
        int t = lua_gettop(L);
        const char *A = "scenario audience";
        sd_audience_params *ap = &sc->audience;
        plain_table(L, t, D, "audience");
        check_keys(L, t, A, audience_keys);
        get_number(L, t, "responsiveness", A, NULL, 0, 10, &ap->responsiveness);
        get_number(L, t, "calm_rate", A, NULL, 0, 1, &ap->calm_rate);
        get_number(L, t, "delete_penalty", A, NULL, 0, 100, &ap->delete_penalty);
        get_number(L, t, "min_intensity", A, NULL, 0, 100, &ap->min_intensity);
        get_number(L, t, "max_intensity", A, NULL, 0, 100, &ap->max_intensity);
        get_number(L, t, "sentiment_rate", A, NULL, 0, 1, &ap->sentiment_rate);
        if (ap->min_intensity > ap->max_intensity)
            luaL_error(L, "scenario: audience.min_intensity is above max_intensity");
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "scenario: audience must be a table");
    }
    lua_pop(L, 1);
    sd_colleague_params_default(&sc->colleague, sc->lang);
    read_colleague(L, sc, 1);
    read_words(L, sc, 1);
    register_content(L, sc, sc->scoring.statement, "scenario scoring", NULL);
    sc->declared = true;
    return 0;
}

/* ---- persona{} ---- */

static bool valid_id(const char *s)
{
    if (*s == '\0' || strlen(s) > SD_MAX_ID_BYTES)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-' || *s == '.'))
            return false;
    return true;
}

static const char *get_id(lua_State *L, int t, const char *decl, sd_arena *arena)
{
    const char *id = get_string(L, t, "id", decl, NULL, true, arena);
    if (!valid_id(id)) {
        if (strlen(id) > SD_MAX_ID_BYTES)
            luaL_error(L, "%s: field 'id' is longer than %d bytes", decl, (int)SD_MAX_ID_BYTES);
        luaL_error(L, "%s: id '%s' may only have letters a-z, digits, _ - and . (at most %d)",
                   decl, id, (int)SD_MAX_ID_BYTES);
    }
    return id;
}

/* key_of functions of the id maps: the arrays may move, so each look-up goes through sc. */
static const char *persona_key(const void *ctx, uint32_t v)
{
    return ((const sd_scenario *)ctx)->personas[v].id;
}
static const char *item_key(const void *ctx, uint32_t v)
{
    return ((const sd_scenario *)ctx)->items[v].id;
}
static const char *storm_key(const void *ctx, uint32_t v)
{
    return ((const sd_scenario *)ctx)->storms[v].id;
}
static const char *hijack_key(const void *ctx, uint32_t v)
{
    return ((const sd_scenario *)ctx)->hijacks[v].id;
}
static const char *template_key(const void *ctx, uint32_t v)
{
    return ((const sd_scenario *)ctx)->templates[v].id;
}

/* Appends *elem (of size elem_size) to a growable array after the whole declaration was
 * read, and records its id in map. */
static void append_decl(lua_State *L, void **arr, size_t *n, size_t *cap, size_t elem_size,
                        const void *elem, sd_strmap *map, const char *id)
{
    *arr = grow_array(L, *arr, cap, *n, elem_size);
    memcpy((char *)*arr + *n * elem_size, elem, elem_size);
    if (map && sd_strmap_put(map, id, (uint32_t)*n) != SD_OK)
        luaL_error(L, "out of memory");
    (*n)++;
}

/* A name field (a persona's first or last name): at most SD_MAX_NAME_BYTES. */
static const char *get_name(lua_State *L, int t, const char *key, const char *decl,
                            const char *id, bool required, sd_arena *arena)
{
    const char *r = get_string(L, t, key, decl, id, required, arena);
    if (r && strlen(r) > SD_MAX_NAME_BYTES)
        decl_error(L, decl, id, "field '%s' is longer than %u bytes", key, SD_MAX_NAME_BYTES);
    return r;
}

static int l_persona(lua_State *L)
{
    static const char *const keys[] = {"id", "first", "last", "handle", "mood", "traits", NULL};
    sd_scenario *sc = scen(L);
    const char *D = "persona";
    luaL_checktype(L, 1, LUA_TTABLE);
    plain_table(L, 1, D, "its table");
    check_keys(L, 1, D, keys);
    const char *id = get_id(L, 1, D, &sc->arena);
    if (sd_scenario_persona(sc, id))
        decl_error(L, D, id, "declared twice (first at line %d)", sd_scenario_persona(sc, id)->line);
    sd_persona p;
    memset(&p, 0, sizeof p);
    p.id = id;
    p.handle = get_name(L, 1, "handle", D, id, false, &sc->arena);
    if (p.handle) {
        const char *h = p.handle[0] == '@' ? p.handle + 1 : p.handle;
        const char *why = sd_handle_problem(h);
        if (why)
            decl_error(L, D, id, "field 'handle' %s", why);
        p.handle = h;
    }
    /* A persona with a handle may go without a first name (an Instagram account). */
    p.first = get_name(L, 1, "first", D, id, p.handle == NULL, &sc->arena);
    p.last = get_name(L, 1, "last", D, id, false, &sc->arena);
    int mood = SD_MOOD_CALM;
    get_enum(L, 1, "mood", SD_VOCAB_MOOD, D, id, &mood);
    p.mood = (sd_mood)mood;
    if (rawfield(L, 1, "traits") == LUA_TTABLE) {
        plain_table(L, -1, D, "traits");
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        size_t total = 0;
        for (lua_Integer i = 1; i <= n; i++) {
            size_t len = 0;
            if (lua_rawgeti(L, -1, i) != LUA_TSTRING)
                decl_error(L, D, id, "traits must be a list of strings");
            lua_tolstring(L, -1, &len);
            total += len + 1;
            if (total > SD_MAX_TEXT_BYTES)
                decl_error(L, D, id, "traits are longer than %u bytes in all", SD_MAX_TEXT_BYTES);
            lua_pop(L, 1);
        }
        sd_buf b = SD_BUF_INIT;
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            sd_buf_printf(&b, "%s%s", i > 1 ? "," : "", lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        charge_text(L, &sc->arena, b.len, D, id);
        p.traits = sd_buf_ok(&b) ? arena_text(&sc->arena, sd_buf_str(&b), strlen(sd_buf_str(&b))) : NULL;
        sd_buf_free(&b);
        if (p.traits == NULL)
            luaL_error(L, "out of memory");
    } else if (!lua_isnil(L, -1)) {
        decl_error(L, D, id, "traits must be a list of strings");
    }
    lua_pop(L, 1);
    p.line = current_line(L);
    append_decl(L, (void **)&sc->personas, &sc->n_personas, &sc->cap_personas, sizeof p, &p,
                &sc->persona_ids, id);
    return 0;
}

/* ---- items ---- */

static const char *const item_keys[] = {"id", "at", "author", "on", "text", "title", "outlet",
                                        "url", "from", "repeat_of", "expect", "platform",
                                        "image", "image_alt", "link", NULL};
/* inject{} names the kind too. */
static const char *const inject_keys[] = {"id", "at", "author", "on", "text", "title", "outlet",
                                          "url", "from", "repeat_of", "expect", "kind",
                                          "platform", "image", "image_alt", "link", NULL};

/* post{ platform, image, image_alt, link = { url, title, site } }: what the platform feed
 * shows of the organisation's post. Only a post has them. */
static void read_post_look(lua_State *L, sd_scenario *sc, int t, sd_kind kind, const char *decl,
                           const char *id, sd_item_def *d)
{
    bool post = kind == SD_KIND_POST;
    static const char *const only_post[] = {"platform", "image", "image_alt", "link", NULL};
    for (const char *const *k = only_post; *k && !post; k++) {
        if (rawfield(L, t, *k) != LUA_TNIL)
            decl_error(L, decl, id, "field '%s' belongs to a post (a %s shows its post's)", *k,
                       sd_vocab_name(SD_VOCAB_KIND, kind));
        lua_pop(L, 1);
    }
    if (!post)
        return;
    int platform = -1;
    if (get_enum(L, t, "platform", SD_VOCAB_PLATFORM, decl, id, &platform))
        d->own_platform = platform + 1;
    d->image = get_string(L, t, "image", decl, id, false, &sc->arena);
    d->image_alt = get_string(L, t, "image_alt", decl, id, false, &sc->arena);
    if (d->image_alt && !d->image)
        decl_error(L, decl, id, "field 'image_alt' describes an image: give 'image' too");
    if (d->image) {
        if (strlen(d->image) > SD_MAX_PATH_BYTES)
            decl_error(L, decl, id, "field 'image' is longer than %u bytes", SD_MAX_PATH_BYTES);
        sd_error e = SD_ERROR_INIT;
        if (sd_scenario_image_check(d->image, sc->dir, sc->assets_dir, NULL, &e) != SD_OK) {
            char msg[600];
            snprintf(msg, sizeof msg, "%s", sd_error_msg(&e));
            sd_error_clear(&e);
            decl_error(L, decl, id, "field 'image': %s", msg);
        }
    }
    int ty = rawfield(L, t, "link");
    if (ty == LUA_TTABLE) {
        static const char *const link_keys[] = {"url", "title", "site", NULL};
        int lt = lua_gettop(L);
        char ldecl[128];
        snprintf(ldecl, sizeof ldecl, "%s '%s' link", decl, id);
        plain_table(L, lt, ldecl, "its table");
        check_keys(L, lt, ldecl, link_keys);
        if (d->url && rawfield(L, lt, "url") != LUA_TNIL)
            decl_error(L, decl, id, "give the link's address once: in link.url or in url");
        else if (d->url)
            lua_pop(L, 1);
        const char *url = get_string(L, lt, "url", decl, id, d->url == NULL, &sc->arena);
        if (url)
            d->url = url;
        if (strlen(d->url) > SD_MAX_PATH_BYTES)
            decl_error(L, decl, id, "field 'link.url' is longer than %u bytes", SD_MAX_PATH_BYTES);
        d->link_title = get_string(L, lt, "title", decl, id, false, &sc->arena);
        d->link_site = get_name(L, lt, "site", decl, id, false, &sc->arena);
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "field 'link' must be a table { url = ..., title = ..., site = ... }");
    }
    lua_pop(L, 1);
}

const sd_item_def *sd_scenario_item_def(const sd_scenario *sc, const char *id)
{
    uint32_t i;
    return sd_strmap_get(&sc->item_ids, id, &i) ? &sc->items[i] : NULL;
}

/* Reads an item declaration table at t into d. base: the time "+30m" counts from. */
void sd_read_item(lua_State *L, sd_scenario *sc, int t, sd_kind kind, sd_time base,
                  const char *decl, const char *default_id, sd_item_def *d)
{
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->line = current_line(L);
    t = lua_absindex(L, t);
    plain_table(L, t, decl, "its table");
    check_keys(L, t, decl, strcmp(decl, "inject") == 0 || strcmp(decl, "prepared") == 0
                               ? inject_keys : item_keys);
    if (default_id && rawfield(L, t, "id") == LUA_TNIL) {
        lua_pop(L, 1);
        d->id = sd_arena_strdup(&sc->arena, default_id);
        if (d->id == NULL)
            luaL_error(L, "out of memory");
    } else {
        if (default_id)
            lua_pop(L, 1);
        d->id = get_id(L, t, decl, &sc->arena);
    }
    const char *id = d->id;
    if (!get_when(L, sc, t, "at", base, decl, id, &d->at))
        d->at = base;
    d->text = get_string(L, t, "text", decl, id, kind != SD_KIND_MEDIA, &sc->arena);
    d->title = get_string(L, t, "title", decl, id, kind == SD_KIND_MEDIA, &sc->arena);
    d->outlet = get_name(L, t, "outlet", decl, id, false, &sc->arena);
    d->url = get_string(L, t, "url", decl, id, false, &sc->arena);
    d->repeat_of = get_string(L, t, "repeat_of", decl, id, false, &sc->arena);
    read_post_look(L, sc, t, kind, decl, id, d);
    bool needs_author = kind == SD_KIND_COMMENT || kind == SD_KIND_REPLY || kind == SD_KIND_DM ||
                        kind == SD_KIND_INQUIRY;
    d->author = get_string(L, t, "author", decl, id, needs_author, &sc->arena);
    if (d->author && !needs_author)
        decl_error(L, decl, id, "a %s has no author (the account, outlet or sender writes it)",
                   sd_vocab_name(SD_VOCAB_KIND, kind));
    bool needs_parent = kind == SD_KIND_COMMENT || kind == SD_KIND_REPLY;
    d->parent = get_string(L, t, "on", decl, id, needs_parent, &sc->arena);
    int from = SD_SENDER_MANAGER;
    bool have_from = get_enum(L, t, "from", SD_VOCAB_SENDER, decl, id, &from);
    if (kind == SD_KIND_INTERNAL && !have_from)
        decl_error(L, decl, id, "field 'from' is required (manager, press_officer, it_security or colleague)");
    d->from = (sd_sender)from;
    sd_mood mood = SD_MOOD_CALM;
    if (d->author) {
        const sd_persona *p = sd_scenario_persona(sc, d->author);
        if (p == NULL)
            decl_error(L, decl, id, "persona '%s' does not exist (declare persona{ id = \"%s\", "
                       "... } before the items it writes)", d->author, d->author);
        mood = p->mood;
    }
    sd_expect_defaults(&d->expect, kind, mood);
    if (d->repeat_of)
        d->expect.rules |= 1ULL << SD_RULE_REPEAT_ONCE;
    int ty = rawfield(L, t, "expect");
    if (ty == LUA_TTABLE)
        read_expect(L, sc, lua_gettop(L), decl, id, &d->expect);
    else if (ty != LUA_TNIL)
        decl_error(L, decl, id, "field 'expect' must be a table");
    lua_pop(L, 1);
    if (d->expect.link == NULL && d->url && kind != SD_KIND_MEDIA)
        d->expect.link = d->url;
}

static int declare_item(lua_State *L, sd_kind kind)
{
    sd_scenario *sc = scen(L);
    const char *decl = sd_vocab_name(SD_VOCAB_KIND, kind);
    require_scenario(L, sc, decl);
    luaL_checktype(L, 1, LUA_TTABLE);
    sd_item_def d;
    sd_read_item(L, sc, 1, kind, sc->start, decl, NULL, &d);
    const sd_item_def *dup = sd_scenario_item_def(sc, d.id);
    if (dup)
        decl_error(L, decl, d.id, "id used twice (first at line %d)", dup->line);
    register_content(L, sc, d.expect.content, decl, d.id);
    append_decl(L, (void **)&sc->items, &sc->n_items, &sc->cap_items, sizeof d, &d,
                &sc->item_ids, d.id);
    return 0;
}

static int l_post(lua_State *L) { return declare_item(L, SD_KIND_POST); }
static int l_comment(lua_State *L) { return declare_item(L, SD_KIND_COMMENT); }
static int l_reply(lua_State *L) { return declare_item(L, SD_KIND_REPLY); }
static int l_dm(lua_State *L) { return declare_item(L, SD_KIND_DM); }
static int l_media(lua_State *L) { return declare_item(L, SD_KIND_MEDIA); }
static int l_inquiry(lua_State *L) { return declare_item(L, SD_KIND_INQUIRY); }
static int l_internal(lua_State *L) { return declare_item(L, SD_KIND_INTERNAL); }
static int l_notice(lua_State *L) { return declare_item(L, SD_KIND_NOTICE); }

/* ---- storm{} ---- */

static const char *const storm_keys[] = {"id", "on", "from", "to", "count", "rate", "curve",
                                         "moods", "texts", "compose", "repeats", "authors",
                                         "expect", "themes", NULL};

static double curve_value(const sd_storm *s, double x)
{
    double T = (double)(s->to - s->from);
    switch (s->curve) {
    case SD_CURVE_FLAT:
        return 1.0;
    case SD_CURVE_RAMP:
        return 0.1 + 0.9 * x / T;
    case SD_CURVE_BURST: {
        double peak = 0.1 * T;
        return x < peak ? 0.1 + 0.9 * x / peak : exp(-3.0 * (x - peak) / (T - peak));
    }
    case SD_CURVE_CUSTOM: {
        if (x <= s->points[0].at)
            return s->points[0].rate;
        for (size_t i = 1; i < s->n_points; i++) {
            if (x <= s->points[i].at) {
                const sd_curve_point *a = &s->points[i - 1], *b = &s->points[i];
                double f = (x - a->at) / (b->at - a->at);
                return a->rate + f * (b->rate - a->rate);
            }
        }
        return s->points[s->n_points - 1].rate;
    }
    }
    return 1.0;
}

double sd_storm_curve(const sd_storm *s, double x) { return curve_value(s, x); }

double sd_storm_curve_max(const sd_storm *s)
{
    switch (s->curve) {
    case SD_CURVE_FLAT:
    case SD_CURVE_RAMP:
    case SD_CURVE_BURST:
        return 1.0;
    case SD_CURVE_CUSTOM: {
        double m = 0;
        for (size_t i = 0; i < s->n_points; i++)
            if (s->points[i].rate > m)
                m = s->points[i].rate;
        return m;
    }
    }
    return 1.0;
}

/* The list at t as a text pool. decl and id name the storm (or "storm 's' theme", "x") in
 * messages; what names the list ("texts", "texts.angry"). */
static void read_pool(lua_State *L, sd_scenario *sc, int t, const char *decl, const char *id,
                      const char *what, sd_text_pool *pool)
{
    plain_table(L, t, decl, what);
    lua_Integer n = (lua_Integer)lua_rawlen(L, t);
    if (n > MAX_POOL_TEXTS)
        decl_error(L, decl, id, "more than %d texts in one pool", MAX_POOL_TEXTS);
    pool->texts = sd_arena_alloc(&sc->arena, sizeof(char *) * (size_t)(n ? n : 1));
    if (pool->texts == NULL)
        luaL_error(L, "out of memory");
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, t, i) != LUA_TSTRING)
            decl_error(L, decl, id, "%s: entry %d must be a string", what, (int)i);
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        if (len == 0 || len > MAX_TEXT_BYTES || strlen(s) != len)
            decl_error(L, decl, id, "%s: entry %d is empty, too long or has a NUL byte", what, (int)i);
        charge_text(L, &sc->arena, len, decl, id);
        if ((pool->texts[pool->n++] = arena_text(&sc->arena, s, len)) == NULL)
            luaL_error(L, "out of memory");
        lua_pop(L, 1);
    }
}

/* t[key]: texts = { ... } (a plain list for any mood) or per mood { angry = { ... }, any =
 * { ... } } into pools (SD_MOOD_COUNT + 1 of them). storm: the storm's own texts, where
 * texts.troll is allowed and an empty list passes; a theme's comments are never trolls',
 * and its lists must not be empty. Returns the number of texts. */
static size_t read_texts(lua_State *L, sd_scenario *sc, int t, const char *decl,
                         const char *id, const char *key, bool storm, sd_text_pool *pools)
{
    size_t n_texts = 0;
    int ty = rawfield(L, t, key);
    if (ty == LUA_TTABLE) {
        int tt = lua_gettop(L);
        plain_table(L, tt, decl, key);
        if (lua_rawlen(L, tt) > 0) {
            read_pool(L, sc, tt, decl, id, key, &pools[SD_MOOD_COUNT]);
            n_texts += pools[SD_MOOD_COUNT].n;
        }
        static const char *const text_keys[] = {"calm", "worried", "frustrated", "angry", "troll", "any", NULL};
        static const char *const theme_text_keys[] = {"calm", "worried", "frustrated", "angry", "any", NULL};
        char where[200];
        snprintf(where, sizeof where, "%s%s%s%s %s", decl, id ? " '" : "", id ? id : "",
                 id ? "'" : "", key);
        check_keys(L, tt, where, storm ? text_keys : theme_text_keys);
        for (int m = 0; m <= SD_MOOD_COUNT; m++) {
            const char *k = m < SD_MOOD_COUNT ? sd_vocab_name(SD_VOCAB_MOOD, m) : "any";
            int ty2 = rawfield(L, tt, k);
            if (ty2 == LUA_TTABLE) {
                if (m == SD_MOOD_COUNT && pools[m].n > 0)
                    decl_error(L, decl, id, "%s: give a plain list or 'any', not both", key);
                char what[64];
                snprintf(what, sizeof what, "%s.%s", key, k);
                read_pool(L, sc, lua_gettop(L), decl, id, what, &pools[m]);
                if (pools[m].n == 0 && !storm)
                    decl_error(L, decl, id, "%s.%s is empty (give at least one text, or leave "
                               "it out)", key, k);
                n_texts += pools[m].n;
            } else if (ty2 != LUA_TNIL) {
                decl_error(L, decl, id, "%s.%s must be a list of strings", key, k);
            }
            lua_pop(L, 1);
        }
        if (n_texts == 0 && !storm)
            decl_error(L, decl, id, "%s is empty (give at least one text, or leave it out)", key);
    } else if (ty != LUA_TNIL) {
        decl_error(L, decl, id, "%s must be a list of strings, or lists per mood", key);
    }
    lua_pop(L, 1);
    return n_texts;
}

static const char *const theme_keys[] = {"id", "label", "kind", "share", "direct", "texts",
                                         "within", "link", "points", "need", "refer",
                                         "channel", "avoid", "model", NULL};

/* The storm's themes = { ... } (docs/scenario-api.md), or its implicit theme. Read after the
 * storm's texts, compose and expect (the defaults come from them). Each theme's content is
 * pending until the storm is appended (register_content). */
static void read_themes(lua_State *L, sd_scenario *sc, sd_storm *s, size_t themes_before)
{
    const char *id = s->id;
    int ty = rawfield(L, 1, "themes");
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        sd_storm_theme *th = sd_arena_alloc(&sc->arena, sizeof *th);
        if (th == NULL)
            luaL_error(L, "out of memory");
        memset(th, 0, sizeof *th);
        /* Its label is what feedback calls it: words, not the storm's id. */
        th->id = s->id;
        th->label = sc->lang == SD_LANG_EN ? "the questions in the comment storm"
                                           : "frågorna i kommentarsstormen";
        th->kind = SD_THEME_QUESTION;
        th->share = 1;
        th->direct = 0.1;
        th->within = s->expect.within;
        th->link = s->expect.link;
        th->content = s->expect.content;
        th->implicit = true;
        th->line = s->line;
        s->themes = th;
        s->n_themes = 1;
        if (themes_before + 1 > SD_MAX_THEMES)
            decl_error(L, "storm", id, "the scenario's storms have more than %d themes in all",
                       SD_MAX_THEMES);
        return;
    }
    if (ty != LUA_TTABLE)
        decl_error(L, "storm", id, "themes must be a list of themes like { { id = \"laxhjalp\", "
                   "kind = \"question\", texts = { ... } } }, not a %s", lua_typename(L, ty));
    int lt = lua_gettop(L);
    plain_table(L, lt, "storm", "themes");
    size_t n = lua_rawlen(L, lt);
    if (n == 0 || not_a_list(L, lt, n))
        decl_error(L, "storm", id, "themes must be a list of 1 to %d themes", SD_MAX_THEMES);
    if (themes_before + n > SD_MAX_THEMES)
        decl_error(L, "storm", id, "the scenario's storms have more than %d themes in all",
                   SD_MAX_THEMES);
    sd_storm_theme *v = sd_arena_alloc(&sc->arena, n * sizeof *v);
    if (v == NULL)
        luaL_error(L, "out of memory");
    memset(v, 0, n * sizeof *v);
    char entry[160], decl[160];
    snprintf(decl, sizeof decl, "storm '%s' theme", id);
    for (size_t i = 1; i <= n; i++) {
        sd_storm_theme *th = &v[i - 1];
        snprintf(entry, sizeof entry, "storm '%s' themes entry %zu", id, i);
        int et = lua_rawgeti(L, lt, (lua_Integer)i);
        int t = lua_gettop(L);
        if (et != LUA_TTABLE)
            luaL_error(L, "%s must be a table { id = ..., kind = ..., texts = ... }, not a %s",
                       entry, lua_typename(L, et));
        plain_table(L, t, entry, "it");
        check_keys(L, t, entry, theme_keys);
        th->id = get_id(L, t, entry, &sc->arena);
        const char *tid = th->id;
        for (size_t j = 0; j + 1 < i; j++)
            if (strcmp(v[j].id, tid) == 0)
                decl_error(L, decl, tid, "id used twice in the storm's themes (entries %zu and "
                           "%zu)", j + 1, i);
        th->line = s->line;
        th->label = get_name(L, t, "label", decl, tid, false, &sc->arena);
        if (th->label == NULL)
            th->label = th->id;
        else if (th->label[0] == '\0')
            decl_error(L, decl, tid, "field 'label' is empty");
        int kind = SD_THEME_QUESTION;
        get_enum(L, t, "kind", SD_VOCAB_THEME_KIND, decl, tid, &kind);
        th->kind = (sd_theme_kind)kind;
        bool hidden = th->kind == SD_THEME_THREAT || th->kind == SD_THEME_PERSONAL_DATA;
        th->share = 1;
        get_number(L, t, "share", decl, tid, 0, 1e6, &th->share);
        if (!(th->share > 0))
            decl_error(L, decl, tid, "field 'share' is 0; it must be more than 0 (leave the "
                       "theme out instead)");
        th->direct = th->kind == SD_THEME_QUESTION ? 0.1 : hidden ? 0 : 0.05;
        if (get_number(L, t, "direct", decl, tid, 0, 1, &th->direct) && hidden && th->direct > 0)
            decl_error(L, decl, tid, "field 'direct': a %s is never answered publicly, so none "
                       "of its comments asks directly (leave direct out)",
                       sd_vocab_name(SD_VOCAB_THEME_KIND, th->kind));
        th->within = hidden ? 15 * 60 : s->expect.within;
        if (get_duration(L, t, "within", decl, tid, &th->within) && th->within == 0)
            decl_error(L, decl, tid, "field 'within' must be longer than 0");
        th->link = get_string(L, t, "link", decl, tid, false, &sc->arena);
        if (th->link == NULL && !hidden)
            th->link = s->expect.link;
        th->content = read_content(L, sc, t, decl, tid, "theme");
        if (hidden && (th->content || th->link))
            decl_error(L, decl, tid, "a %s is never answered publicly: remove %s (hide or "
                       "report its comments; a threat is escalated to legal)",
                       sd_vocab_name(SD_VOCAB_THEME_KIND, th->kind),
                       th->link ? "link" : "its points, refer, channel, avoid and model");
        size_t nt = read_texts(L, sc, t, decl, tid, "texts", false, th->texts);
        if (th->kind == SD_THEME_THREAT && nt > 0)
            for (int m = 0; m < SD_MOOD_COUNT; m++)
                if (m != SD_MOOD_ANGRY && th->texts[m].n > 0)
                    decl_error(L, decl, tid, "texts.%s: a threat's comments are angry; give "
                               "texts.angry, texts.any or a plain list",
                               sd_vocab_name(SD_VOCAB_MOOD, m));
        /* Where the texts come from (docs/scenario-api.md): compose, the theme's texts for
         * the mood, else its texts for any mood, else the storm's. */
        if (s->compose_ref == LUA_NOREF)
            for (int m = 0; m < SD_MOOD_COUNT; m++) {
                bool needed = th->kind == SD_THEME_THREAT ? m == SD_MOOD_ANGRY
                                                          : m != SD_MOOD_TROLL && s->mood_mix[m] > 0;
                if (needed && th->texts[m].n == 0 && th->texts[SD_MOOD_COUNT].n == 0 &&
                    s->texts[m].n == 0 && s->texts[SD_MOOD_COUNT].n == 0)
                    decl_error(L, decl, tid, "no texts for its %s comments: give the theme "
                               "texts = { ... } (or texts.%s), give the storm texts for that "
                               "mood, or a compose function", sd_vocab_name(SD_VOCAB_MOOD, m),
                               sd_vocab_name(SD_VOCAB_MOOD, m));
            }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    s->themes = v;
    s->n_themes = n;
}

static int l_storm(lua_State *L)
{
    sd_scenario *sc = scen(L);
    const char *D = "storm";
    require_scenario(L, sc, D);
    luaL_checktype(L, 1, LUA_TTABLE);
    plain_table(L, 1, D, "its table");
    check_keys(L, 1, D, storm_keys);
    sd_storm storm;
    sd_storm *s = &storm; /* appended once read whole */
    memset(s, 0, sizeof *s);
    s->compose_ref = LUA_NOREF;
    s->line = current_line(L);
    s->id = get_id(L, 1, D, &sc->arena);
    const char *id = s->id;
    uint32_t dup;
    if (sd_strmap_get(&sc->storm_ids, id, &dup))
        decl_error(L, D, id, "id used twice (first at line %d)", sc->storms[dup].line);
    s->parent = get_string(L, 1, "on", D, id, true, &sc->arena);
    if (!get_when(L, sc, 1, "from", sc->start, D, id, &s->from))
        decl_error(L, D, id, "field 'from' is required");
    if (!get_when(L, sc, 1, "to", sc->start, D, id, &s->to))
        decl_error(L, D, id, "field 'to' is required");
    if (s->to <= s->from)
        decl_error(L, D, id, "'to' must be after 'from'");
    double count = -1, rate = -1;
    get_number(L, 1, "count", D, id, 0, 1e8, &count);
    get_number(L, 1, "rate", D, id, 0, 1e8, &rate);
    if ((count < 0) == (rate < 0))
        decl_error(L, D, id, "give either 'count' (comments in all) or 'rate' (comments per hour)");

    int ty = rawfield(L, 1, "curve");
    s->curve = SD_CURVE_FLAT;
    if (ty == LUA_TSTRING) {
        const char *c = lua_tostring(L, -1);
        if (strcmp(c, "flat") == 0) s->curve = SD_CURVE_FLAT;
        else if (strcmp(c, "ramp") == 0) s->curve = SD_CURVE_RAMP;
        else if (strcmp(c, "burst") == 0) s->curve = SD_CURVE_BURST;
        else decl_error(L, D, id, "curve '%s' is unknown: use \"flat\", \"ramp\", \"burst\" or a list of { time, rate } points", c);
    } else if (ty == LUA_TTABLE) {
        s->curve = SD_CURVE_CUSTOM;
        int t = lua_gettop(L);
        plain_table(L, t, D, "curve");
        lua_Integer n = (lua_Integer)lua_rawlen(L, t);
        if (n < 1 || n > SD_MAX_CURVE_POINTS)
            decl_error(L, D, id, "curve needs 1 to %d points", SD_MAX_CURVE_POINTS);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, t, i);
            if (!lua_istable(L, -1))
                decl_error(L, D, id, "curve point %d must be { \"+30m\", rate }", (int)i);
            plain_table(L, -1, D, "a curve point");
            int tts = lua_rawgeti(L, -1, 1);
            lua_rawgeti(L, -2, 2);
            int64_t at = 0; /* set by sd_parse_duration, or decl_error does not return */
            const char *ts = tts == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
            if (ts == NULL || ts[0] != '+' || sd_parse_duration(ts + 1, &at, NULL) != SD_OK)
                decl_error(L, D, id, "curve point %d: time must be like \"+30m\" (from the storm's start)", (int)i);
            if (lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) >= 0) || lua_tonumber(L, -1) > 1e9)
                decl_error(L, D, id, "curve point %d: rate must be a number >= 0", (int)i);
            s->points[i - 1].at = (double)at;
            s->points[i - 1].rate = lua_tonumber(L, -1);
            if (i > 1 && s->points[i - 1].at <= s->points[i - 2].at)
                decl_error(L, D, id, "curve points must be in time order");
            lua_pop(L, 3);
        }
        s->n_points = (size_t)n;
    } else if (ty != LUA_TNIL) {
        decl_error(L, D, id, "curve must be a name or a list of points");
    }
    lua_pop(L, 1);
    double T = (double)(s->to - s->from);
    double area = 0;
    const int steps = 1000;
    for (int i = 0; i < steps; i++)
        area += curve_value(s, (i + 0.5) * T / steps) * T / steps;
    if (!(area > 0) && (count > 0 || rate > 0))
        decl_error(L, D, id, "the curve is zero over the whole storm");
    s->curve_area = area;
    s->count = count >= 0 ? count : rate * T / 3600.0;

    ty = rawfield(L, 1, "moods");
    double total = 0;
    if (ty == LUA_TTABLE) {
        int t = lua_gettop(L);
        static const char *const mood_keys[] = {"calm", "worried", "frustrated", "angry", "troll", NULL};
        plain_table(L, t, D, "moods");
        check_keys(L, t, "storm moods", mood_keys);
        for (int m = 0; m < SD_MOOD_COUNT; m++) {
            double v = 0;
            get_number(L, t, sd_vocab_name(SD_VOCAB_MOOD, m), D, id, 0, 1e6, &v);
            s->mood_mix[m] = v;
            total += v;
        }
        if (!(total > 0))
            decl_error(L, D, id, "moods: the shares add up to zero");
    } else if (ty == LUA_TNIL) {
        s->mood_mix[SD_MOOD_FRUSTRATED] = total = 1;
    } else {
        decl_error(L, D, id, "moods must be a table like { angry = 0.5, worried = 0.5 }");
    }
    for (int m = 0; m < SD_MOOD_COUNT; m++)
        s->mood_mix[m] /= total;
    lua_pop(L, 1);

    size_t n_texts = read_texts(L, sc, 1, D, id, "texts", true, s->texts);
    ty = rawfield(L, 1, "compose");
    if (ty == LUA_TFUNCTION)
        s->compose_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    else {
        if (ty != LUA_TNIL)
            decl_error(L, D, id, "compose must be a function(c) that returns a text");
        lua_pop(L, 1);
    }
    double rep = 0;
    get_number(L, 1, "repeats", D, id, 0, 1, &rep);
    s->repeats = rep;

    ty = rawfield(L, 1, "authors");
    if (ty == LUA_TTABLE) {
        int t = lua_gettop(L);
        plain_table(L, t, D, "authors");
        size_t n = lua_rawlen(L, t);
        if (n == 0 || n > 100000)
            decl_error(L, D, id, "authors must list 1 to 100000 persona ids");
        s->authors = sd_arena_alloc(&sc->arena, sizeof(char *) * n);
        if (s->authors == NULL)
            luaL_error(L, "out of memory");
        for (size_t i = 1; i <= n; i++) {
            size_t len = 0;
            if (lua_rawgeti(L, t, (lua_Integer)i) != LUA_TSTRING ||
                (lua_tolstring(L, -1, &len), len > SD_MAX_ID_BYTES))
                decl_error(L, D, id, "authors: entry %d must be a persona id", (int)i);
            charge_text(L, &sc->arena, len, D, id);
            if ((s->authors[s->n_authors++] = sd_arena_strdup(&sc->arena, lua_tostring(L, -1))) == NULL)
                luaL_error(L, "out of memory");
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        decl_error(L, D, id, "authors must be a list of persona ids");
    }
    lua_pop(L, 1);

    sd_expect_defaults(&s->expect, SD_KIND_COMMENT, SD_MOOD_CALM);
    sd_expect_defaults(&s->troll_expect, SD_KIND_COMMENT, SD_MOOD_TROLL);
    ty = rawfield(L, 1, "expect");
    if (ty == LUA_TTABLE) {
        read_expect(L, sc, lua_gettop(L), D, id, &s->expect);
        /* Troll comments keep their class and decisions but share the targets. */
        s->troll_expect.within = s->expect.within;
        s->troll_expect.weight = s->expect.weight;
    } else if (ty != LUA_TNIL) {
        decl_error(L, D, id, "field 'expect' must be a table");
    }
    lua_pop(L, 1);
    size_t themes_before = 0;
    for (size_t i = 0; i < sc->n_storms; i++)
        themes_before += sc->storms[i].n_themes;
    read_themes(L, sc, s, themes_before);
    bool declared_themes = !s->themes[0].implicit;
    size_t theme_texts = 0;
    for (size_t i = 0; i < s->n_themes; i++)
        for (int m = 0; m <= SD_MOOD_COUNT; m++)
            theme_texts += s->themes[i].texts[m].n;
    if (n_texts == 0 && theme_texts == 0 && s->compose_ref == LUA_NOREF)
        decl_error(L, D, id, "the storm has no texts: give texts = { ... }, texts in its themes, "
                   "or compose = function(c) ... end");
    /* Without themes every mood draws on the storm's texts; with themes the themes' checks
     * covered theirs, and trolls (who have no theme) draw on the storm's. */
    for (int m = 0; m < SD_MOOD_COUNT && s->compose_ref == LUA_NOREF; m++)
        if (s->mood_mix[m] > 0 && (!declared_themes || m == SD_MOOD_TROLL) &&
            s->texts[m].n == 0 && s->texts[SD_MOOD_COUNT].n == 0)
            decl_error(L, D, id, "no texts for mood '%s' (add texts.%s or a plain list for any "
                       "mood%s)", sd_vocab_name(SD_VOCAB_MOOD, m), sd_vocab_name(SD_VOCAB_MOOD, m),
                       m == SD_MOOD_TROLL && declared_themes ? "; trolls have no theme" : "");
    register_content(L, sc, s->expect.content, D, id);
    for (size_t i = 0; i < s->n_themes; i++)
        if (!s->themes[i].implicit)
            register_content(L, sc, s->themes[i].content, D, id);
    append_decl(L, (void **)&sc->storms, &sc->n_storms, &sc->cap_storms, sizeof storm, &storm,
                &sc->storm_ids, id);
    return 0;
}

/* ---- hijack{} ---- */

static int l_hijack(lua_State *L)
{
    static const char *const keys[] = {"id", "at", "notice", "posts", "every", "returns_after",
                                       "steps", "former", "message", NULL};
    sd_scenario *sc = scen(L);
    const char *D = "hijack";
    require_scenario(L, sc, D);
    luaL_checktype(L, 1, LUA_TTABLE);
    plain_table(L, 1, D, "its table");
    check_keys(L, 1, D, keys);
    sd_hijack hijack;
    sd_hijack *h = &hijack; /* appended once read whole */
    memset(h, 0, sizeof *h);
    h->line = current_line(L);
    h->id = get_id(L, 1, D, &sc->arena);
    const char *id = h->id;
    uint32_t dup;
    if (sd_strmap_get(&sc->hijack_ids, id, &dup))
        decl_error(L, D, id, "id used twice (first at line %d)", sc->hijacks[dup].line);
    if (!get_when(L, sc, 1, "at", sc->start, D, id, &h->at))
        decl_error(L, D, id, "field 'at' is required");
    h->notice = get_string(L, 1, "notice", D, id, true, &sc->arena);
    if (rawfield(L, 1, "posts") != LUA_TTABLE || lua_rawlen(L, -1) == 0)
        decl_error(L, D, id, "posts must be a list of the attacker's post texts");
    plain_table(L, -1, D, "posts");
    size_t n = lua_rawlen(L, -1);
    if (n > 1000)
        decl_error(L, D, id, "at most 1000 attacker posts");
    h->posts = sd_arena_alloc(&sc->arena, sizeof(char *) * n);
    if (h->posts == NULL)
        luaL_error(L, "out of memory");
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i);
        if (lua_type(L, -1) != LUA_TSTRING)
            decl_error(L, D, id, "posts: entry %d must be a string", (int)i);
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        if (len == 0 || len > MAX_TEXT_BYTES || strlen(s) != len)
            decl_error(L, D, id, "posts: entry %d is empty, too long or has a NUL byte", (int)i);
        charge_text(L, &sc->arena, len, D, id);
        if ((h->posts[h->n_posts++] = arena_text(&sc->arena, s, len)) == NULL)
            luaL_error(L, "out of memory");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    h->every = 20 * 60;
    get_duration(L, 1, "every", D, id, &h->every);
    if (h->every < 60)
        decl_error(L, D, id, "'every' must be at least 1m");
    h->returns_after = 30 * 60;
    get_duration(L, 1, "returns_after", D, id, &h->returns_after);
    uint64_t steps = (1u << SD_STEP_CHANGE_PASSWORD) | (1u << SD_STEP_ENABLE_2FA) |
                     (1u << SD_STEP_REVOKE_SESSIONS);
    uint64_t given; /* get_enum_set() zeroes its output when the field is absent */
    if (get_enum_set(L, 1, "steps", SD_VOCAB_STEP, D, id, &given))
        steps = given;
    h->steps = (uint32_t)steps;
    h->former = get_string(L, 1, "former", D, id, false, &sc->arena);
    if ((h->steps & (1u << SD_STEP_REMOVE_ACCESS)) && h->former == NULL)
        decl_error(L, D, id, "the step remove_access needs former = \"<persona id>\" (who still has access)");
    if (h->former)
        h->steps |= 1u << SD_STEP_REMOVE_ACCESS;
    if (!(h->steps & (1u << SD_STEP_CHANGE_PASSWORD)) || !(h->steps & (1u << SD_STEP_REVOKE_SESSIONS)))
        decl_error(L, D, id, "steps must include change_password and revoke_sessions (they lock the attacker out)");
    h->message = read_content_field(L, sc, 1, "message", D, id);
    register_content(L, sc, h->message, D, id);
    append_decl(L, (void **)&sc->hijacks, &sc->n_hijacks, &sc->cap_hijacks, sizeof hijack,
                &hijack, &sc->hijack_ids, id);
    return 0;
}

/* ---- on(), every(), when() ---- */

static void new_hook(lua_State *L, sd_hook *h, sd_hook_kind kind)
{
    memset(h, 0, sizeof *h);
    h->kind = kind;
    h->fn_ref = h->cond_ref = LUA_NOREF;
    h->action_filter = -1;
    h->line = current_line(L);
}

static void add_hook(lua_State *L, sd_scenario *sc, const sd_hook *h)
{
    append_decl(L, (void **)&sc->hooks, &sc->n_hooks, &sc->cap_hooks, sizeof *h, h, NULL, NULL);
}

static int l_on(lua_State *L)
{
    sd_scenario *sc = scen(L);
    const char *ev = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    sd_hook_kind kind;
    int filter = -1;
    if (strcmp(ev, "item") == 0)
        kind = SD_HOOK_ITEM;
    else if (strcmp(ev, "action") == 0)
        kind = SD_HOOK_ACTION;
    else if ((filter = sd_vocab_lookup(SD_VOCAB_ACTION, ev)) >= 0)
        kind = SD_HOOK_ACTION;
    else {
        char known[600];
        sd_vocab_list(SD_VOCAB_ACTION, known, sizeof known);
        return luaL_error(L, "on: unknown event '%s' (use \"item\", \"action\" or an action: %s)", ev, known);
    }
    sd_hook h;
    new_hook(L, &h, kind);
    h.action_filter = filter;
    lua_pushvalue(L, 2);
    h.fn_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    add_hook(L, sc, &h);
    return 0;
}

static int l_every(lua_State *L)
{
    sd_scenario *sc = scen(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    int64_t period = 0;
    if (lua_type(L, 1) == LUA_TNUMBER) {
        double m = lua_tonumber(L, 1);
        if (!(m >= 1 && m <= 3650.0 * 1440))
            return luaL_error(L, "every: %g minutes is out of range (at least 1)", m);
        period = (int64_t)llround(m * 60);
    } else {
        const char *d = luaL_checkstring(L, 1);
        if (sd_parse_duration(d, &period, NULL) != SD_OK || period < 60)
            return luaL_error(L, "every: period '%s' must be a duration of at least \"1m\"", d);
    }
    sd_hook h;
    new_hook(L, &h, SD_HOOK_EVERY);
    h.every = period;
    lua_pushvalue(L, 2);
    h.fn_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    add_hook(L, sc, &h);
    return 0;
}

static int l_when(lua_State *L)
{
    sd_scenario *sc = scen(L);
    luaL_checktype(L, 1, LUA_TFUNCTION);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    sd_hook h;
    new_hook(L, &h, SD_HOOK_WHEN);
    lua_pushvalue(L, 1);
    h.cond_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushvalue(L, 2);
    h.fn_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    add_hook(L, sc, &h);
    return 0;
}

/* prepared{ kind = "comment", author = ..., text = ... }: an inject the facilitator sends
 * with a key during the exercise, in declaration order. */
static int l_prepared(lua_State *L)
{
    sd_scenario *sc = scen(L);
    const char *D = "prepared";
    require_scenario(L, sc, D);
    luaL_checktype(L, 1, LUA_TTABLE);
    plain_table(L, 1, D, "its table");
    if (rawfield(L, 1, "kind") != LUA_TSTRING)
        return luaL_error(L, "prepared: field 'kind' is required (comment, reply, dm, inquiry, "
                             "internal, notice or post)");
    int kind = sd_vocab_lookup(SD_VOCAB_KIND, lua_tostring(L, -1));
    if (kind < 0 || kind == SD_KIND_ATTACKER_POST || kind == SD_KIND_MEDIA)
        return luaL_error(L, "prepared: kind '%s' cannot be injected", lua_tostring(L, -1));
    lua_pop(L, 1);
    char id[32];
    snprintf(id, sizeof id, "prepared-%zu", sc->n_prepared + 1);
    sd_item_def d;
    sd_read_item(L, sc, 1, (sd_kind)kind, sc->start, D, id, &d);
    register_content(L, sc, d.expect.content, D, d.id);
    append_decl(L, (void **)&sc->prepared, &sc->n_prepared, &sc->cap_prepared, sizeof d, &d,
                NULL, NULL);
    return 0;
}

/* template{ id = "tack", title = "Tack för frågan", text = "Hej [namn]! ..." } */
static int l_template(lua_State *L)
{
    static const char *const keys[] = {"id", "title", "text", NULL};
    sd_scenario *sc = scen(L);
    const char *D = "template";
    luaL_checktype(L, 1, LUA_TTABLE);
    plain_table(L, 1, D, "its table");
    check_keys(L, 1, D, keys);
    const char *id = get_id(L, 1, D, &sc->arena);
    uint32_t dup;
    if (sd_strmap_get(&sc->template_ids, id, &dup))
        decl_error(L, D, id, "id used twice (first at line %d)", sc->templates[dup].line);
    sd_template t;
    t.id = id;
    t.title = get_string(L, 1, "title", D, id, true, &sc->arena);
    t.text = get_string(L, 1, "text", D, id, true, &sc->arena);
    t.line = current_line(L);
    append_decl(L, (void **)&sc->templates, &sc->n_templates, &sc->cap_templates, sizeof t, &t,
                &sc->template_ids, id);
    return 0;
}

static int l_runtime_only(lua_State *L)
{
    return luaL_error(L, "this function can only be called from a callback (on, every or when), "
                         "while the exercise runs");
}

/* ---- loading ---- */

const sd_persona *sd_scenario_persona(const sd_scenario *sc, const char *id)
{
    uint32_t i;
    return sd_strmap_get(&sc->persona_ids, id, &i) ? &sc->personas[i] : NULL;
}

/* True for ids of the forms the session generates: "<storm>-<digits>",
 * "<hijack>-notice-<digits>", "<hijack>-post-<digits>". */
const char *sd_generated_suffix(const char *id, const char *base)
{
    size_t len = strlen(base);
    return strncmp(id, base, len) == 0 && id[len] == '-' ? id + len + 1 : NULL;
}

bool sd_all_digits(const char *s)
{
    return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

/* Linear in the id's length: only the last "-<digits>" (and "-notice"/"-post" before it
 * for hijacks) can make a generated form, so each base is one map look-up. */
bool sd_scenario_generated_id(const sd_scenario *sc, const char *id)
{
    const char *dash = strrchr(id, '-');
    if (dash == NULL || dash == id || !sd_all_digits(dash + 1))
        return false;
    size_t base = (size_t)(dash - id);
    char buf[SD_MAX_ID_BYTES * 2 + 2];
    if (base >= sizeof buf)
        return false;
    memcpy(buf, id, base);
    buf[base] = '\0';
    if (sd_strmap_get(&sc->storm_ids, buf, NULL))
        return true;
    static const char *const forms[] = {"-notice", "-post"};
    for (int i = 0; i < 2; i++) {
        size_t fl = strlen(forms[i]);
        if (base > fl && memcmp(buf + base - fl, forms[i], fl) == 0) {
            buf[base - fl] = '\0';
            if (sd_strmap_get(&sc->hijack_ids, buf, NULL))
                return true;
            buf[base - fl] = forms[i][0];
        }
    }
    return false;
}

static sd_status check_refs(sd_scenario *sc, sd_error *err)
{
    const char *f = sc->display;
    sd_time end = sc->start + sc->duration;
    for (size_t i = 0; i < sc->n_items; i++) {
        const sd_item_def *d = &sc->items[i];
        const char *k = sd_vocab_name(SD_VOCAB_KIND, d->kind);
        if (sd_scenario_generated_id(sc, d->id))
            return sd_error_set(err, SD_ERR_INPUT, "%s:%d: %s '%s': this id has the form of an "
                                "id the engine makes itself (storm comments, hijack notices and "
                                "posts); choose another", f, d->line, k, d->id);
        if (d->at < sc->start || d->at > end)
            return sd_error_set(err, SD_ERR_INPUT,
                                "%s:%d: %s '%s': its time is outside the exercise (which runs "
                                "from the start for its duration)", f, d->line, k, d->id);
        if (d->parent) {
            const sd_item_def *p = sd_scenario_item_def(sc, d->parent);
            if (p == NULL)
                return sd_error_set(err, SD_ERR_INPUT, "%s:%d: %s '%s': 'on' names '%s', which "
                                    "is no declared item", f, d->line, k, d->id, d->parent);
            if (p->at > d->at)
                return sd_error_set(err, SD_ERR_INPUT, "%s:%d: %s '%s': it comes before '%s', "
                                    "the item it is on", f, d->line, k, d->id, d->parent);
        }
        if (d->repeat_of) {
            const sd_item_def *p = sd_scenario_item_def(sc, d->repeat_of);
            if (p == NULL || p->at > d->at)
                return sd_error_set(err, SD_ERR_INPUT, "%s:%d: %s '%s': repeat_of names '%s', "
                                    "which is no earlier item", f, d->line, k, d->id, d->repeat_of);
        }
    }
    for (size_t i = 0; i < sc->n_storms; i++) {
        const sd_storm *s = &sc->storms[i];
        if (s->from < sc->start || s->to > end)
            return sd_error_set(err, SD_ERR_INPUT, "%s:%d: storm '%s': it runs outside the "
                                "exercise", f, s->line, s->id);
        if (!sd_scenario_item_def(sc, s->parent))
            return sd_error_set(err, SD_ERR_INPUT, "%s:%d: storm '%s': 'on' names '%s', which is "
                                "no declared post", f, s->line, s->id, s->parent);
        for (size_t a = 0; a < s->n_authors; a++)
            if (!sd_scenario_persona(sc, s->authors[a]))
                return sd_error_set(err, SD_ERR_INPUT, "%s:%d: storm '%s': author '%s' is no "
                                    "declared persona", f, s->line, s->id, s->authors[a]);
    }
    for (size_t i = 0; i < sc->n_hijacks; i++) {
        const sd_hijack *h = &sc->hijacks[i];
        if (h->at < sc->start || h->at > end)
            return sd_error_set(err, SD_ERR_INPUT, "%s:%d: hijack '%s': its time is outside the "
                                "exercise", f, h->line, h->id);
        if (h->former && !sd_scenario_persona(sc, h->former))
            return sd_error_set(err, SD_ERR_INPUT, "%s:%d: hijack '%s': former '%s' is no "
                                "declared persona", f, h->line, h->id, h->former);
    }
    return SD_OK;
}

static void default_audience(sd_audience_params *a)
{
    a->responsiveness = 0.05;
    a->calm_rate = 0.01;
    a->delete_penalty = 0.3;
    a->min_intensity = 0.5;
    a->max_intensity = 3.0;
    a->sentiment_rate = 0.02;
}

/* Runs a declaration (the C closure in upvalue 2, named by upvalue 3) in a protected call
 * of its own, with sc->reading set: a declaration made meanwhile is refused, and the mark is
 * cleared whatever happens, so a script's pcall around a failed declaration leaves none. */
static int decl_guard(lua_State *L)
{
    sd_scenario *sc = scen(L);
    const char *name = lua_tostring(L, lua_upvalueindex(3));
    if (sc->reading)
        return luaL_error(L, "%s: declarations cannot be made while another declaration (%s) "
                             "is being read", name, sc->reading);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    sc->reading = name;
    int status = lua_pcall(L, n, LUA_MULTRET, 0);
    sc->reading = NULL;
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM)
            return luaL_error(L, "%s: out of memory (the script's memory limit is full)", name);
        return lua_error(L);
    }
    return lua_gettop(L);
}

static void register_decl(sd_scenario *sc, const char *name, lua_CFunction fn)
{
    lua_State *L = sd_sandbox_state(sc->sb);
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, name);
    lua_pushlightuserdata(L, sc);
    lua_pushlightuserdata(L, sc);
    lua_pushcclosure(L, fn, 1);
    lua_pushstring(L, name);
    lua_pushcclosure(L, decl_guard, 3);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

sd_status sd_scenario_load(const char *path, const sd_load_options *opt, sd_scenario **out,
                           sd_error *err)
{
    sd_status st = SD_OK;
    *out = NULL;
    sd_scenario *sc = calloc(1, sizeof *sc);
    if (sc == NULL)
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    sc->path = sd_arena_strdup(&sc->arena, path);
    sc->display = sd_arena_strdup(&sc->arena, opt && opt->display ? opt->display : path);
    sd_calendar_init(&sc->calendar);
    sd_strmap_init(&sc->persona_ids, persona_key, sc);
    sd_strmap_init(&sc->item_ids, item_key, sc);
    sd_strmap_init(&sc->storm_ids, storm_key, sc);
    sd_strmap_init(&sc->hijack_ids, hijack_key, sc);
    sd_strmap_init(&sc->template_ids, template_key, sc);
    default_audience(&sc->audience);
    sc->default_max_words = 100;
    sd_scoring_params_default(&sc->scoring);
    st = sd_sha256_file_hex(path, sc->display, sc->sha256, err);
    if (st != SD_OK)
        goto done;

    /* The folder include() may read from. */
    char *dir = sd_arena_strdup(&sc->arena, path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        strcpy(dir, ".");
    sc->dir = dir;
    sc->assets_dir = sd_arena_strdup(&sc->arena, sd_assets_dir());
    if (sc->assets_dir == NULL) {
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        goto done;
    }
    st = sd_sandbox_create(opt ? opt->limits : NULL, dir, 0, &sc->sb, err);
    if (st != SD_OK)
        goto done;
    static const struct { const char *name; lua_CFunction fn; } decls[] = {
        {"scenario", l_scenario}, {"persona", l_persona}, {"post", l_post},
        {"comment", l_comment},   {"reply", l_reply},     {"dm", l_dm},
        {"media", l_media},       {"inquiry", l_inquiry}, {"internal", l_internal},
        {"notice", l_notice},     {"storm", l_storm},     {"hijack", l_hijack},
        {"on", l_on},             {"every", l_every},     {"when", l_when},
        {"prepared", l_prepared}, {"template", l_template},
        {"inject", l_runtime_only}, {"set_rate", l_runtime_only},
        {"finish", l_runtime_only}, {"state", l_runtime_only}, {"item_state", l_runtime_only},
    };
    for (size_t i = 0; i < sizeof decls / sizeof decls[0]; i++)
        register_decl(sc, decls[i].name, decls[i].fn);
    st = sd_sandbox_load_file(sc->sb, path, sc->display, err);
    if (st != SD_OK)
        goto done;
    st = sd_sandbox_call(sc->sb, 0, 0, err);
    if (st != SD_OK)
        goto done;
    if (!sc->declared) {
        st = sd_error_set(err, SD_ERR_INPUT, "%s:1: the file declares no scenario{ ... }", sc->display);
        goto done;
    }
    st = check_refs(sc, err);
    /* A storm makes it a crisis, starting with the first storm, unless the scenario says. */
    for (size_t i = 0; i < sc->n_storms; i++) {
        if (!sc->scoring_crisis_set)
            sc->scoring.crisis = true;
        if (!sc->scoring_start_set &&
            (sc->scoring.crisis_start == 0 || sc->storms[i].from < sc->scoring.crisis_start))
            sc->scoring.crisis_start = sc->storms[i].from;
    }
    if (sc->scoring.crisis && sc->scoring.crisis_start == 0)
        sc->scoring.crisis_start = sc->start;
    sc->loaded = true;
done:
    if (st != SD_OK) {
        sd_scenario_free(sc);
        return st;
    }
    *out = sc;
    return SD_OK;
}

void sd_scenario_free(sd_scenario *sc)
{
    if (sc == NULL)
        return;
    sd_sandbox_destroy(sc->sb);
    free(sc->personas);
    free(sc->items);
    free(sc->storms);
    free(sc->hijacks);
    free(sc->hooks);
    free(sc->prepared);
    free(sc->templates);
    free((void *)sc->contents);
    sd_strmap_free(&sc->persona_ids);
    sd_strmap_free(&sc->item_ids);
    sd_strmap_free(&sc->storm_ids);
    sd_strmap_free(&sc->hijack_ids);
    sd_strmap_free(&sc->template_ids);
    sd_arena_free(&sc->arena);
    free(sc);
}
