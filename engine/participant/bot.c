/* bot.c - runs a scripted participant: loads its Lua file in a sandbox, shows it each item
 * and situation update, and schedules the actions it returns. */
#include "bot.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "../session/session_internal.h"
#include "../util/sha256.h"
#include "../util/utf8.h"

struct sd_bot {
    sd_sandbox *sb;
    char *path;
    char name[128];
    char sha256[65];
    bool declared;
    int on_item, on_state, on_end; /* registry refs or LUA_NOREF */
    sd_session *session;
    sd_buf clean[4];               /* an action's strings repaired (schedule_one) */
};

const char *sd_bot_name(const sd_bot *b) { return b->name; }
const char *sd_bot_sha256(const sd_bot *b) { return b->sha256; }
const char *sd_bot_path(const sd_bot *b) { return b->path; }
void sd_bot_set_print(sd_bot *b, sd_print_fn fn, void *ctx) { sd_sandbox_set_print(b->sb, fn, ctx); }

static int l_participant(lua_State *L)
{
    static const char *const keys[] = {"name", "description", NULL};
    sd_bot *b = lua_touserdata(L, lua_upvalueindex(1));
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        bool ok = false;
        if (lua_type(L, -1) == LUA_TSTRING)
            for (const char *const *k = keys; *k; k++)
                ok = ok || strcmp(*k, lua_tostring(L, -1)) == 0;
        if (!ok)
            return luaL_error(L, "participant: unknown field '%s' (known fields: name, description)",
                              lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?");
    }
    if (lua_getfield(L, 1, "name") == LUA_TSTRING) {
        size_t len;
        const char *n = lua_tolstring(L, -1, &len);
        if (len == 0 || len >= sizeof b->name || strlen(n) != len)
            return luaL_error(L, "participant: name must be 1 to %d bytes", (int)sizeof b->name - 1);
        memcpy(b->name, n, len + 1);
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "participant: name must be a string");
    }
    b->declared = true;
    return 0;
}

static int ref_global(lua_State *L, const char *name)
{
    /* Raw: a script may have given _G a metatable whose __index misbehaves. */
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, name);
    int t = lua_rawget(L, -2);
    lua_remove(L, -2);
    if (t == LUA_TFUNCTION)
        return luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    return LUA_NOREF;
}

sd_status sd_bot_load(const char *path, const sd_sandbox_limits *limits,
                      const char *const *params, size_t n_params, sd_bot **out, sd_error *err)
{
    sd_status st = SD_OK;
    *out = NULL;
    sd_bot *b = calloc(1, sizeof *b);
    if (b == NULL || (b->path = strdup(path)) == NULL) {
        free(b);
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    }
    snprintf(b->name, sizeof b->name, "Deltagare");
    b->on_item = b->on_state = b->on_end = LUA_NOREF;
    if ((st = sd_sha256_file_hex(path, NULL, b->sha256, err)) != SD_OK)
        goto done;
    char *dir = strdup(path);
    if (dir == NULL) {
        st = sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        goto done;
    }
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    st = sd_sandbox_create(limits, slash ? dir : ".", 0, &b->sb, err);
    free(dir);
    if (st != SD_OK)
        goto done;
    lua_State *L = sd_sandbox_state(b->sb);
    sd_sandbox_register(b->sb, "participant", l_participant, b);
    /* params = { key = "value", ... } */
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_createtable(L, 0, (int)n_params);
    for (size_t i = 0; i < n_params; i++) {
        const char *eq = strchr(params[i], '=');
        if (eq == NULL || eq == params[i]) {
            st = sd_error_set(err, SD_ERR_USAGE, "--param '%s': write it as key=value", params[i]);
            lua_pop(L, 2);
            goto done;
        }
        lua_pushlstring(L, params[i], (size_t)(eq - params[i]));
        lua_pushstring(L, eq + 1);
        lua_settable(L, -3);
    }
    lua_setfield(L, -2, "params");
    lua_pop(L, 1);
    if ((st = sd_sandbox_load_file(b->sb, path, path, err)) != SD_OK)
        goto done;
    if ((st = sd_sandbox_call(b->sb, 0, 0, err)) != SD_OK)
        goto done;
    b->on_item = ref_global(L, "on_item");
    b->on_state = ref_global(L, "on_state");
    b->on_end = ref_global(L, "on_end");
    if (b->on_item == LUA_NOREF && b->on_state == LUA_NOREF)
        st = sd_error_set(err, SD_ERR_INPUT, "%s: a participant defines on_item(item) or "
                          "on_state(state); this file defines neither", path);
done:
    if (st != SD_OK) {
        sd_bot_free(b);
        return st;
    }
    *out = b;
    return SD_OK;
}

void sd_bot_free(sd_bot *b)
{
    if (b == NULL)
        return;
    sd_sandbox_destroy(b->sb);
    for (int i = 0; i < 4; i++)
        sd_buf_free(&b->clean[i]);
    free(b->path);
    free(b);
}

/* Reads field k of the table at t without metamethods: the table comes from the script
 * and is read after its call has returned, outside any protected call, where an __index
 * that errors or loops would bring the program down. */
static int raw_field(lua_State *L, int t, const char *k)
{
    t = lua_absindex(L, t);
    lua_pushstring(L, k);
    return lua_rawget(L, t);
}

/* Reads one action table at index t and schedules it. */
static sd_status schedule_one(sd_bot *b, lua_State *L, int t, const char *fn, sd_error *err)
{
    sd_action a;
    sd_action_init(&a, SD_ACT_REPLY);
    int64_t delay = 0;
    char where[200];
    snprintf(where, sizeof where, "%s: %s returned an action", b->path, fn);
    if (raw_field(L, t, "action") != LUA_TSTRING) {
        lua_pop(L, 1);
        return sd_error_set(err, SD_ERR_INPUT, "%s without a name (action = \"reply\", ...)", where);
    }
    int k = sd_vocab_lookup(SD_VOCAB_ACTION, lua_tostring(L, -1));
    if (k < 0) {
        char known[600];
        sd_vocab_list(SD_VOCAB_ACTION, known, sizeof known);
        sd_status st = sd_error_set(err, SD_ERR_INPUT, "%s '%s' that does not exist (known: %s)",
                                    where, lua_tostring(L, -1), known);
        lua_pop(L, 1);
        return st;
    }
    lua_pop(L, 1);
    a.kind = (sd_action_kind)k;
    static const char *const str_keys[] = {"item", "text", "person", "reason"};
    const char **dst[] = {&a.item, &a.text, &a.person, &a.reason};
    for (int i = 0; i < 4; i++) {
        int ty = raw_field(L, t, str_keys[i]);
        if (ty == LUA_TSTRING) {
            /* Stays on the stack until we are done. A NUL byte or invalid UTF-8 becomes
             * U+FFFD: nothing is cut off at a NUL or passed on raw. */
            size_t len;
            const char *v = lua_tolstring(L, -1, &len);
            if ((*dst[i] = sd_utf8_clean(v, len, &b->clean[i])) == NULL)
                return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
        } else if (ty != LUA_TNIL)
            return sd_error_set(err, SD_ERR_INPUT, "%s whose '%s' is not a string", where, str_keys[i]);
    }
    int tt = raw_field(L, t, "target");
    if (tt != LUA_TNIL && (tt != LUA_TSTRING ||
                           (a.target = sd_vocab_lookup(SD_VOCAB_TARGET, lua_tostring(L, -1))) < 0))
        return sd_error_set(err, SD_ERR_INPUT, "%s with an unknown target '%s'", where,
                            tt == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1));
    tt = raw_field(L, t, "step");
    if (tt != LUA_TNIL && (tt != LUA_TSTRING ||
                           (a.step = sd_vocab_lookup(SD_VOCAB_STEP, lua_tostring(L, -1))) < 0))
        return sd_error_set(err, SD_ERR_INPUT, "%s with an unknown step '%s'", where,
                            tt == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1));
    int ty = raw_field(L, t, "after");
    if (ty == LUA_TNUMBER) {
        double m = lua_tonumber(L, -1);
        if (!(m >= 0 && m <= 60 * 24 * 365))
            return sd_error_set(err, SD_ERR_INPUT, "%s with 'after' out of range", where);
        delay = (int64_t)llround(m * 60);
    } else if (ty == LUA_TSTRING) {
        if (sd_parse_duration(lua_tostring(L, -1), &delay, err) != SD_OK) {
            sd_error_prefix(err, "%s", where);
            return SD_ERR_INPUT;
        }
    } else if (ty != LUA_TNIL) {
        return sd_error_set(err, SD_ERR_INPUT, "%s whose 'after' is not a duration", where);
    }
    sd_status st = sd_action_check_sizes(&a, err);
    if (st == SD_OK)
        st = sd_session_budget_check(b->session, b->path, "the actions it returned", err);
    if (st == SD_OK)
        st = sd_session_act_later(b->session, &a, delay, err);
    if (st == SD_ERR_INPUT)
        sd_error_prefix(err, "%s", where);
    return st;
}

/* Schedules what fn returned (the value at `top`). */
static sd_status schedule_result(sd_bot *b, lua_State *L, int top, const char *fn, sd_error *err)
{
    sd_status st = SD_OK;
    if (lua_istable(L, top) && lua_getmetatable(L, top)) {
        lua_settop(L, top - 1);
        return sd_error_set(err, SD_ERR_INPUT, "%s: %s must return plain tables (without a "
                            "metatable)", b->path, fn);
    }
    if (lua_istable(L, top)) {
        raw_field(L, top, "action");
        bool single = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (single) {
            st = schedule_one(b, L, top, fn, err);
        } else {
            lua_Integer n = (lua_Integer)lua_rawlen(L, top);
            for (lua_Integer i = 1; i <= n && st == SD_OK; i++) {
                int base = lua_gettop(L);
                int et = lua_rawgeti(L, top, i);
                if (et == LUA_TTABLE && lua_getmetatable(L, -1))
                    st = sd_error_set(err, SD_ERR_INPUT, "%s: %s must return plain tables "
                                      "(without a metatable)", b->path, fn);
                else if (et != LUA_TTABLE)
                    st = sd_error_set(err, SD_ERR_INPUT, "%s: %s returned a list whose entry %d "
                                      "is not an action table", b->path, fn, (int)i);
                else
                    st = schedule_one(b, L, lua_gettop(L), fn, err);
                lua_settop(L, base);
            }
        }
    } else if (!lua_isnil(L, top)) {
        st = sd_error_set(err, SD_ERR_INPUT, "%s: %s must return nothing, an action table or a "
                          "list of them, not a %s", b->path, fn, luaL_typename(L, top));
    }
    return st;
}

/* The result is read in a protected call: reading a field interns its name, which needs
 * memory the script may have used up. */
typedef struct schedule_ctx {
    sd_bot *b;
    const char *fn;
    sd_error *err;
    sd_status st;
} schedule_ctx;

static int protected_schedule(lua_State *L)
{
    schedule_ctx *c = lua_touserdata(L, 2); /* arguments: the result, ctx */
    lua_settop(L, 1);
    c->st = schedule_result(c->b, L, 1, c->fn, c->err);
    return 0;
}

static int build_view(lua_State *L);
static int build_state(lua_State *L);

/* Calls fn (a registry ref) with the record's view (on_item) or the state table; schedules
 * what it returns. */
static sd_status call_and_schedule(sd_bot *b, int ref, const char *fn, lua_CFunction build,
                                   void *arg, sd_error *err)
{
    lua_State *L = sd_sandbox_state(b->sb);
    if (!lua_checkstack(L, 6))
        return sd_error_set(err, SD_ERR_MEMORY, "%s: script stopped: its memory limit is full", b->path);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    sd_status st = sd_lua_protected(L, build, arg, 1, b->path,
                                    build == build_view ? "the item for on_item" : "the state table",
                                    err);
    if (st != SD_OK) {
        lua_pop(L, 1);
        return st;
    }
    st = sd_sandbox_call(b->sb, 1, 1, err);
    if (st != SD_OK)
        return st;
    int top = lua_gettop(L);
    schedule_ctx c = {.b = b, .fn = fn, .err = err, .st = SD_OK};
    lua_pushcfunction(L, protected_schedule);
    lua_insert(L, top);            /* function, result */
    lua_pushlightuserdata(L, &c);  /* function, result, ctx */
    int status = lua_pcall(L, 2, 0, 0);
    if (status != LUA_OK) {
        lua_settop(L, top - 1);
        sd_error_clear(err);
        return sd_error_set(err, SD_ERR_MEMORY, "%s: script stopped: its memory limit is full "
                            "(the engine could not read what %s returned)", b->path, fn);
    }
    lua_settop(L, top - 1);
    return c.st;
}

typedef struct view_arg {
    const sd_record *rec;
    sd_time start;
    sd_session *s;
} view_arg;

static int build_view(lua_State *L)
{
    const view_arg *a = lua_touserdata(L, 1);
    sd_push_item_view(L, &a->rec->u.item, a->rec->t, a->start,
                      sd_session_item_platform(a->s, &a->rec->u.item));
    return 1;
}

static int build_state(lua_State *L)
{
    const view_arg *a = lua_touserdata(L, 1);
    sd_push_state_table(L, a->s);
    return 1;
}

static sd_status observe(void *ctx, sd_session *s, const sd_record *rec, sd_error *err)
{
    sd_bot *b = ctx;
    lua_State *L = sd_sandbox_state(b->sb);
    const sd_scenario *sc = sd_session_scenario(s);
    view_arg va = {.rec = rec, .start = sc->start, .s = s};
    switch (rec->type) {
    case SD_REC_ITEM:
        if (b->on_item == LUA_NOREF)
            return SD_OK;
        return call_and_schedule(b, b->on_item, "on_item", build_view, &va, err);
    case SD_REC_STATE:
        if (b->on_state == LUA_NOREF)
            return SD_OK;
        return call_and_schedule(b, b->on_state, "on_state", build_state, &va, err);
    case SD_REC_END: {
        if (b->on_end == LUA_NOREF)
            return SD_OK;
        if (!lua_checkstack(L, 6))
            return sd_error_set(err, SD_ERR_MEMORY, "%s: script stopped: its memory limit is full", b->path);
        lua_rawgeti(L, LUA_REGISTRYINDEX, b->on_end);
        sd_status st = sd_lua_protected(L, build_state, &va, 1, b->path, "the state table", err);
        if (st != SD_OK) {
            lua_pop(L, 1);
            return st;
        }
        return sd_sandbox_call(b->sb, 1, 0, err);
    }
    default:
        return SD_OK;
    }
}

static int build_exercise(lua_State *L)
{
    sd_bot *b = lua_touserdata(L, 1);
    const sd_scenario *sc = sd_session_scenario(b->session);
    char start[20];
    sd_time_format(sc->start, start);
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_createtable(L, 0, 10);
    lua_pushstring(L, sc->id);
    lua_setfield(L, -2, "id");
    lua_pushstring(L, sc->title);
    lua_setfield(L, -2, "title");
    lua_pushstring(L, sd_vocab_name(SD_VOCAB_LANGUAGE, sc->lang));
    lua_setfield(L, -2, "language");
    /* The scenario's platform (a statement is published there; items carry their own). */
    lua_pushstring(L, sd_vocab_name(SD_VOCAB_PLATFORM, sc->platform));
    lua_setfield(L, -2, "platform");
    lua_pushstring(L, sc->account_name ? sc->account_name : "");
    lua_setfield(L, -2, "account");
    lua_pushstring(L, start);
    lua_setfield(L, -2, "start");
    lua_pushstring(L, b->name);
    lua_setfield(L, -2, "me");
    /* Simulated seconds per real second (the scenario's compression, as in the log's
     * header): a participant working at a person's pace converts its real seconds with it. */
    lua_pushnumber(L, sc->compression > 0 ? sc->compression : 1);
    lua_setfield(L, -2, "compression");
    /* Whether the scenario is a crisis (its storms call for a statement): the briefing and
     * the situation panel say so on screen. */
    lua_pushboolean(L, sc->scoring.crisis);
    lua_setfield(L, -2, "crisis");
    /* Former staff who still have access to the account (hijack{ former = ... }): on screen
     * the security panel names them. */
    lua_createtable(L, 0, 0);
    int nf = 0;
    for (size_t i = 0; i < sc->n_hijacks; i++)
        if (sc->hijacks[i].former) {
            lua_pushstring(L, sc->hijacks[i].former);
            lua_rawseti(L, -2, ++nf);
        }
    lua_setfield(L, -2, "former_staff"); /* our own new table: no metamethods */
    lua_pushliteral(L, "exercise");
    lua_insert(L, -2);
    lua_rawset(L, -3); /* raw: _G may have a __newindex of the script's */
    lua_pop(L, 1);
    return 0;
}

sd_status sd_bot_attach(sd_bot *b, sd_session *s, sd_error *err)
{
    b->session = s;
    sd_status st = sd_sandbox_reseed(b->sb, s->cfg.seed ^ 0x5eed5eedULL, err);
    if (st != SD_OK)
        return st;
    st = sd_lua_protected(sd_sandbox_state(b->sb), build_exercise, b, 0, b->path,
                          "the exercise table", err);
    if (st != SD_OK)
        return st;
    if ((st = sd_session_add_sandbox(s, b->sb, err)) != SD_OK)
        return st;
    return sd_session_add_observer(s, observe, b, err);
}
