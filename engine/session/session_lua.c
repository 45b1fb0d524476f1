/* session_lua.c - the run-time Lua API of scenario callbacks (inject, set_rate, finish,
 * state, item_state), calling the scenario's hooks and storm composers (with the comment's
 * theme, and the theme compose may choose), and the Lua tables scripts see for items and
 * for the situation (the storms' themes and what is pinned included). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "../log/limits.h"
#include "../scenario/scenario_lua.h"
#include "../util/utf8.h"
#include "session_internal.h"

static sd_session *sess(lua_State *L) { return lua_touserdata(L, lua_upvalueindex(1)); }

sd_status sd_lua_protected(lua_State *L, int (*build)(lua_State *L), void *ctx, int nresults,
                           const char *file, const char *what, sd_error *err)
{
    int top = lua_gettop(L);
    /* lua_checkstack reports failure instead of raising; a light C function and a light
     * userdata need no allocation. */
    if (!lua_checkstack(L, 3 + (nresults > 0 ? nresults : 0)))
        goto full;
    lua_pushcfunction(L, build);
    lua_pushlightuserdata(L, ctx);
    int status = lua_pcall(L, 1, nresults, 0);
    if (status == LUA_OK)
        return SD_OK;
    if (status != LUA_ERRMEM) {
        const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "error";
        sd_status st = sd_error_set(err, SD_ERR_SCRIPT, "%s: could not make %s: %s", file, what, m);
        lua_settop(L, top);
        return st;
    }
    lua_settop(L, top);
full:
    return sd_error_set(err, SD_ERR_MEMORY, "%s: script stopped: its memory limit is full (the "
                        "engine could not make %s for it)", file, what);
}

static void set_str(lua_State *L, const char *k, const char *v)
{
    if (v) {
        lua_pushlstring(L, v, strlen(v)); /* skips lua_pushstring's pointer cache */
        lua_setfield(L, -2, k);
    }
}

static void set_num(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_bool(lua_State *L, const char *k, bool v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

static void set_list(lua_State *L, const char *k, sd_vocab_id voc, uint64_t set)
{
    lua_createtable(L, 0, 0);
    int n = 0;
    for (int i = 0; i < sd_vocab_count(voc); i++)
        if (set & (1ULL << i)) {
            lua_pushstring(L, sd_vocab_name(voc, i));
            lua_rawseti(L, -2, ++n);
        }
    lua_setfield(L, -2, k);
}

static void push_hints(lua_State *L, const sd_expect *e);
static void push_author(lua_State *L, const sd_rec_item *it);

void sd_push_item_table(lua_State *L, const sd_rec_item *it, sd_time t, sd_time start,
                        sd_platform platform, bool with_hints)
{
    lua_createtable(L, 0, 17);
    set_str(L, "id", it->id);
    set_str(L, "kind", sd_vocab_name(SD_VOCAB_KIND, it->kind));
    set_str(L, "platform", sd_vocab_name(SD_VOCAB_PLATFORM, platform));
    if (sd_rec_item_authored(it)) {
        push_author(L, it);
        lua_setfield(L, -2, "author");
    }
    if (it->sender >= 0)
        set_str(L, "from", sd_vocab_name(SD_VOCAB_SENDER, it->sender));
    set_str(L, "text", it->text);
    set_str(L, "title", it->title);
    set_str(L, "outlet", it->outlet);
    set_str(L, "url", it->url);
    set_str(L, "on", it->parent);
    set_str(L, "repeat_of", it->repeat_of);
    set_str(L, "storm", it->storm);
    set_str(L, "theme", it->theme);
    if (it->storm)
        set_bool(L, "direct", it->direct);
    set_num(L, "minute", (double)(t - start) / 60.0);
    if (it->deadline)
        set_num(L, "deadline_minute", (double)(it->deadline - start) / 60.0);
    if (with_hints) {
        push_hints(L, it->expect);
        lua_setfield(L, -2, "hints");
    }
}

/* The hints table of an expectation, made once per sd_expect and reused: storm comments
 * share a handful of expectations, and a million of them must not build a million tables. */
static void push_hints(lua_State *L, const sd_expect *e)
{
    static const char cache_key = 0; /* its address names the cache in the registry */
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &cache_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &cache_key);
    }
    if (lua_rawgetp(L, -1, e) == LUA_TTABLE) {
        lua_remove(L, -2);
        return;
    }
    lua_pop(L, 1);
    {
        lua_createtable(L, 0, 17);
        set_bool(L, "answer", e->answer);
        if (e->within)
            set_num(L, "within", (double)e->within / 60.0);
        set_bool(L, "acknowledge", e->acknowledge);
        set_str(L, "link", e->link);
        set_list(L, "escalate", SD_VOCAB_TARGET, e->escalate);
        set_list(L, "ok", SD_VOCAB_DECISION, e->ok);
        set_list(L, "fault", SD_VOCAB_DECISION, e->fault);
        set_str(L, "class", sd_vocab_name(SD_VOCAB_CLASS, e->cls));
        set_list(L, "rules", SD_VOCAB_RULE, e->rules);
        set_num(L, "weight", e->weight);
        /* What a good reply says (the labels only, not the phrases that meet them). */
        const sd_content *c = e->content;
        if (c) {
            set_str(L, "model", c->model);
            if (c->n_points > 0) {
                lua_createtable(L, (int)c->n_points, 0);
                for (size_t i = 0; i < c->n_points; i++) {
                    lua_pushstring(L, c->points[i].label);
                    lua_rawseti(L, -2, (lua_Integer)i + 1);
                }
                lua_setfield(L, -2, "points");
                set_int(L, "need", c->need);
            }
            if (c->refer.n_say > 0)
                set_str(L, "refer", c->refer.label);
            if (c->channel.n_say > 0)
                set_str(L, "channel", c->channel.label);
        }
    }
    lua_pushvalue(L, -1);
    lua_rawsetp(L, -3, e);
    lua_remove(L, -2);
}

void sd_push_state_table(lua_State *L, sd_session *s)
{
    sd_situation sit;
    sd_session_situation(s, &sit);
    char now[20];
    sd_time_format(sit.now, now);
    lua_createtable(L, 0, 13);
    set_str(L, "now", now);
    set_num(L, "minute", (double)(sit.now - s->sc->start) / 60.0);
    set_int(L, "items", (lua_Integer)sit.items);
    set_int(L, "waiting", (lua_Integer)sit.waiting);
    set_int(L, "unanswered", (lua_Integer)sit.waiting);
    set_int(L, "overdue", (lua_Integer)sit.overdue);
    set_int(L, "answered", (lua_Integer)sit.answered);
    set_num(L, "oldest_wait", (double)sit.oldest_wait / 60.0);
    set_num(L, "intensity", sit.intensity);
    set_num(L, "sentiment", sit.sentiment);
    set_bool(L, "office_open", sd_calendar_is_office_time(&s->sc->calendar, sit.now));
    set_int(L, "colleagues", (lua_Integer)sit.colleagues);
    lua_createtable(L, 0, 0);
    for (int i = 0; i < SD_TARGET_COUNT; i++)
        if (s->escalated & (1u << i))
            set_bool(L, sd_vocab_name(SD_VOCAB_TARGET, i), true);
    lua_setfield(L, -2, "escalated");
    set_str(L, "pinned", sd_session_pinned(s));
    /* The storms' themes and where each stands (docs/scoring.md, "The audience model"). */
    if (s->n_themes > 0) {
        static const char *const states[] = {"unseen", "open", "answered"};
        lua_createtable(L, (int)s->n_themes, 0);
        for (size_t t = 0; t < s->n_themes; t++) {
            sd_theme_view v;
            sd_session_theme(s, t, &v);
            lua_createtable(L, 0, 7);
            set_str(L, "storm", v.storm);
            set_str(L, "id", v.id);
            set_str(L, "label", v.label);
            set_str(L, "kind", sd_vocab_name(SD_VOCAB_THEME_KIND, v.kind));
            set_str(L, "state", states[v.state]);
            set_bool(L, "pinned", v.pinned);
            set_bool(L, "overdue", v.overdue);
            lua_rawseti(L, -2, (lua_Integer)t + 1);
        }
        lua_setfield(L, -2, "themes");
    }
}

/* ---- the lazy item view for scripted participants ----
 * A participant sees every arriving item; in a storm that is a million items. Building a
 * full table for each costs more than the rest of the simulation, so a participant gets a
 * small userdata instead, whose fields are made when read. The strings it points to live in
 * the session (its arena and the scenario) and outlive the participant's calls. Fields a
 * script sets on it are kept in a table of its own. */

#define ITEM_VIEW_MT "stormdrill.item"

typedef struct item_view {
    sd_rec_item it;
    sd_time t, start;
    sd_platform platform; /* the platform it is seen on (sd_session_item_platform) */
} item_view;

static void push_author(lua_State *L, const sd_rec_item *it)
{
    lua_createtable(L, 0, 4);
    set_str(L, "id", it->author_id);
    set_str(L, "first", it->first);
    set_str(L, "last", it->last);
    set_str(L, "handle", it->handle);
    set_str(L, "mood", sd_vocab_name(SD_VOCAB_MOOD, it->mood));
}

static void push_opt_str(lua_State *L, const char *v)
{
    if (v)
        lua_pushlstring(L, v, strlen(v));
    else
        lua_pushnil(L);
}

static int view_index(lua_State *L)
{
    /* Only reachable through the view's locked metatable: argument 1 is a view. */
    const item_view *v = lua_touserdata(L, 1);
    size_t n;
    const char *k = lua_tolstring(L, 2, &n);
    if (v == NULL || k == NULL) {
        lua_pushnil(L);
        return 1;
    }
    const sd_rec_item *it = &v->it;
    /* Dispatch on length first: this runs for every field read of every item. */
    switch (n) {
    case 2:
        if (strcmp(k, "id") == 0) { push_opt_str(L, it->id); return 1; }
        if (strcmp(k, "on") == 0) { push_opt_str(L, it->parent); return 1; }
        break;
    case 3:
        if (strcmp(k, "url") == 0) { push_opt_str(L, it->url); return 1; }
        break;
    case 4:
        if (strcmp(k, "kind") == 0) {
            lua_pushstring(L, sd_vocab_name(SD_VOCAB_KIND, it->kind));
            return 1;
        }
        if (strcmp(k, "text") == 0) { push_opt_str(L, it->text); return 1; }
        if (strcmp(k, "from") == 0) {
            if (it->sender >= 0)
                lua_pushstring(L, sd_vocab_name(SD_VOCAB_SENDER, it->sender));
            else
                lua_pushnil(L);
            return 1;
        }
        break;
    case 5:
        if (strcmp(k, "hints") == 0) { push_hints(L, it->expect); return 1; }
        if (strcmp(k, "title") == 0) { push_opt_str(L, it->title); return 1; }
        if (strcmp(k, "storm") == 0) { push_opt_str(L, it->storm); return 1; }
        if (strcmp(k, "theme") == 0) { push_opt_str(L, it->theme); return 1; }
        break;
    case 8:
        if (strcmp(k, "platform") == 0) {
            lua_pushstring(L, sd_vocab_name(SD_VOCAB_PLATFORM, v->platform));
            return 1;
        }
        break;
    case 6:
        if (strcmp(k, "author") == 0) {
            if (sd_rec_item_authored(it))
                push_author(L, it);
            else
                lua_pushnil(L);
            return 1;
        }
        if (strcmp(k, "outlet") == 0) { push_opt_str(L, it->outlet); return 1; }
        if (strcmp(k, "direct") == 0) {
            if (it->storm)
                lua_pushboolean(L, it->direct);
            else
                lua_pushnil(L);
            return 1;
        }
        if (strcmp(k, "minute") == 0) {
            lua_pushnumber(L, (double)(v->t - v->start) / 60.0);
            return 1;
        }
        break;
    case 9:
        if (strcmp(k, "repeat_of") == 0) { push_opt_str(L, it->repeat_of); return 1; }
        break;
    case 15:
        if (strcmp(k, "deadline_minute") == 0) {
            if (it->deadline)
                lua_pushnumber(L, (double)(it->deadline - v->start) / 60.0);
            else
                lua_pushnil(L);
            return 1;
        }
        break;
    default:
        break;
    }
    /* A field the script set itself. */
    if (lua_getiuservalue(L, 1, 1) != LUA_TTABLE)
        return 1; /* nil */
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
    return 1;
}

static int view_newindex(lua_State *L)
{
    luaL_checkudata(L, 1, ITEM_VIEW_MT);
    if (lua_getiuservalue(L, 1, 1) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setiuservalue(L, 1, 1);
    }
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_rawset(L, -3);
    return 0;
}

static int lua_next_wrapper(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (lua_next(L, 1))
        return 2;
    lua_pushnil(L);
    return 1;
}

/* pairs(item): a full table of the item's fields and the script's own. */
static int view_pairs(lua_State *L)
{
    const item_view *v = luaL_checkudata(L, 1, ITEM_VIEW_MT);
    lua_pushcfunction(L, lua_next_wrapper);
    sd_push_item_table(L, &v->it, v->t, v->start, v->platform, true);
    if (lua_getiuservalue(L, 1, 1) == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -5);
        }
    }
    lua_pop(L, 1);
    lua_pushnil(L);
    return 3;
}

static int view_tostring(lua_State *L)
{
    const item_view *v = luaL_checkudata(L, 1, ITEM_VIEW_MT);
    lua_pushfstring(L, "item %s", v->it.id ? v->it.id : "?");
    return 1;
}

void sd_push_item_view(lua_State *L, const sd_rec_item *it, sd_time t, sd_time start,
                       sd_platform platform)
{
    item_view *v = lua_newuserdatauv(L, sizeof *v, 1);
    v->it = *it;
    v->t = t;
    v->start = start;
    v->platform = platform;
    static const char mt_key = 0; /* its address names the metatable in the registry */
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &mt_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        luaL_newmetatable(L, ITEM_VIEW_MT);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &mt_key);
        lua_pushcfunction(L, view_index);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, view_newindex);
        lua_setfield(L, -2, "__newindex");
        lua_pushcfunction(L, view_tostring);
        lua_setfield(L, -2, "__tostring");
        lua_pushcfunction(L, view_pairs);
        lua_setfield(L, -2, "__pairs");
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

static void push_action_table(lua_State *L, const sd_rec_action *a, sd_time t, sd_time start)
{
    lua_createtable(L, 0, 8);
    set_str(L, "action", sd_vocab_name(SD_VOCAB_ACTION, a->kind));
    set_str(L, "item", a->item);
    set_str(L, "text", a->text);
    if (a->target >= 0)
        set_str(L, "target", sd_vocab_name(SD_VOCAB_TARGET, a->target));
    if (a->step >= 0)
        set_str(L, "step", sd_vocab_name(SD_VOCAB_STEP, a->step));
    set_str(L, "person", a->person);
    set_str(L, "reason", a->reason);
    set_num(L, "minute", (double)(t - start) / 60.0);
}

/* ---- run-time functions for callbacks ---- */

static int l_inject(lua_State *L)
{
    sd_session *s = sess(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    if (lua_getmetatable(L, 1))
        return luaL_error(L, "inject: its table must be a plain table (without a metatable)");
    lua_pushliteral(L, "kind");
    if (lua_rawget(L, 1) != LUA_TSTRING)
        return luaL_error(L, "inject: field 'kind' is required (comment, reply, dm, media, "
                             "inquiry, internal, notice or post)");
    int kind = sd_vocab_lookup(SD_VOCAB_KIND, lua_tostring(L, -1));
    if (kind < 0 || kind == SD_KIND_ATTACKER_POST)
        return luaL_error(L, "inject: unknown kind '%s'", lua_tostring(L, -1));
    lua_pop(L, 1);
    char id[32];
    snprintf(id, sizeof id, "inject-%llu", (unsigned long long)s->next_inject + 1);
    sd_error be = SD_ERROR_INIT;
    if (sd_session_budget_check(s, "inject", "injected items", &be) != SD_OK) {
        char msg[200];
        snprintf(msg, sizeof msg, "%s", sd_error_msg(&be));
        sd_error_clear(&be);
        return luaL_error(L, "%s", msg);
    }
    sd_item_def *d = sd_arena_alloc(&s->arena, sizeof *d);
    if (d == NULL)
        return luaL_error(L, "out of memory");
    sd_read_item(L, s->sc, 1, (sd_kind)kind, s->now, "inject", id, d);
    if (strcmp(d->id, id) == 0)
        s->next_inject++;
    if (d->at < s->now)
        d->at = s->now;
    if (sd_session_find(s, d->id, NULL) || sd_strmap_get(&s->injected_ids, d->id, NULL) ||
        sd_scenario_item_def(s->sc, d->id))
        return luaL_error(L, "inject: id '%s' is already used", d->id);
    if (sd_scenario_generated_id(s->sc, d->id))
        return luaL_error(L, "inject: id '%s' has the form of an id the engine makes itself "
                             "(storm comments, hijack notices and posts); choose another", d->id);
    if (d->parent && !sd_session_find(s, d->parent, NULL))
        return luaL_error(L, "inject: 'on' names '%s', which has not appeared yet", d->parent);
    if (s->n_injected == s->cap_injected) {
        size_t cap = s->cap_injected ? s->cap_injected * 2 : 16;
        sd_item_def **p = realloc(s->injected, cap * sizeof *p);
        if (p == NULL)
            return luaL_error(L, "out of memory");
        s->injected = p;
        s->cap_injected = cap;
    }
    s->injected[s->n_injected] = d;
    if (sd_strmap_put(&s->injected_ids, d->id, (uint32_t)s->n_injected) != SD_OK)
        return luaL_error(L, "out of memory");
    s->n_injected++;
    sd_error e = SD_ERROR_INIT;
    if (sd_session_schedule(s, d->at, EV_INJECTED, (int32_t)(s->n_injected - 1), 0, &e) != SD_OK) {
        sd_error_clear(&e);
        return luaL_error(L, "out of memory");
    }
    lua_pushstring(L, d->id);
    return 1;
}

static int l_set_rate(lua_State *L)
{
    sd_session *s = sess(L);
    const char *id = luaL_checkstring(L, 1);
    double m = luaL_checknumber(L, 2);
    if (!(m >= 0 && m <= 1000))
        return luaL_error(L, "set_rate: the multiplier must be between 0 and 1000");
    for (size_t i = 0; i < s->sc->n_storms; i++)
        if (strcmp(s->sc->storms[i].id, id) == 0) {
            s->storms[i].mult = m;
            return 0;
        }
    return luaL_error(L, "set_rate: there is no storm '%s'", id);
}

static int l_finish(lua_State *L)
{
    sd_session *s = sess(L);
    size_t len;
    const char *reason = luaL_optlstring(L, 1, "finished by scenario", &len);
    if (len > SD_MAX_REASON_BYTES)
        return luaL_error(L, "finish: the reason is %I bytes long; at most %d are allowed",
                          (lua_Integer)len, (int)SD_MAX_REASON_BYTES);
    if (s->end_reason == NULL) {
        sd_buf_reset(&s->scratch);
        const char *clean = sd_utf8_clean(reason, len, &s->scratch);
        s->end_reason = clean ? sd_arena_strdup(&s->arena, clean) : NULL;
        sd_error e = SD_ERROR_INIT;
        if (s->end_reason == NULL || sd_session_schedule(s, s->now, EV_END, 0, 0, &e) != SD_OK) {
            sd_error_clear(&e);
            return luaL_error(L, "out of memory");
        }
    }
    return 0;
}

static int l_state(lua_State *L)
{
    sd_push_state_table(L, sess(L));
    return 1;
}

static int l_item_state(lua_State *L)
{
    sd_session *s = sess(L);
    const char *id = luaL_checkstring(L, 1);
    uint32_t idx;
    if (!sd_session_find(s, id, &idx)) {
        lua_pushnil(L);
        return 1;
    }
    const sd_item *it = &s->items[idx];
    lua_createtable(L, 0, 6);
    set_bool(L, "answered", it->answered_at != 0);
    if (it->answered_at)
        set_num(L, "answered_minute", (double)(it->answered_at - s->sc->start) / 60.0);
    set_bool(L, "hidden", (it->flags & SD_ITEM_HIDDEN) != 0);
    set_bool(L, "deleted", (it->flags & SD_ITEM_DELETED) != 0);
    set_bool(L, "reported", (it->flags & SD_ITEM_REPORTED) != 0);
    set_bool(L, "overdue", (it->flags & SD_ITEM_OVERDUE) != 0);
    return 1;
}

static int build_register(lua_State *L)
{
    sd_session *s = lua_touserdata(L, 1);
    sd_sandbox_register(s->sc->sb, "inject", l_inject, s);
    sd_sandbox_register(s->sc->sb, "set_rate", l_set_rate, s);
    sd_sandbox_register(s->sc->sb, "finish", l_finish, s);
    sd_sandbox_register(s->sc->sb, "state", l_state, s);
    sd_sandbox_register(s->sc->sb, "item_state", l_item_state, s);
    return 0;
}

sd_status sd_session_lua_register(sd_session *s, sd_error *err)
{
    return sd_lua_protected(sd_sandbox_state(s->sc->sb), build_register, s, 0, s->sc->display,
                            "the run-time functions (inject, finish ...)", err);
}

/* ---- calling the scenario ---- */

/* What a callback is called with, made in a protected call (sd_lua_protected). */
typedef struct hook_arg {
    sd_session *s;
    const sd_record *rec;
    const sd_storm *storm; /* compose */
    sd_mood mood;
    uint64_t n;
    const char *first, *last;
    const sd_storm_theme *theme; /* compose: the comment's theme, or NULL (a troll) */
    bool direct;
} hook_arg;

static int build_hook_arg(lua_State *L)
{
    const hook_arg *a = lua_touserdata(L, 1);
    const sd_record *rec = a->rec;
    if (rec && rec->type == SD_REC_ITEM)
        sd_push_item_table(L, &rec->u.item, rec->t, a->s->sc->start,
                           sd_session_item_platform(a->s, &rec->u.item), true);
    else if (rec && rec->type == SD_REC_ACTION)
        push_action_table(L, &rec->u.action, rec->t, a->s->sc->start);
    else
        sd_push_state_table(L, a->s);
    return 1;
}

static const char *hook_arg_what(const sd_record *rec)
{
    if (rec && rec->type == SD_REC_ITEM)
        return "the item table for on(\"item\")";
    if (rec && rec->type == SD_REC_ACTION)
        return "the action table for on(\"action\")";
    return "the state table for a callback";
}

sd_status sd_session_lua_call_hook(sd_session *s, const sd_hook *h, const sd_record *rec,
                                   sd_error *err)
{
    lua_State *L = sd_sandbox_state(s->sc->sb);
    if (!lua_checkstack(L, 4))
        return sd_error_set(err, SD_ERR_MEMORY, "%s: script stopped: its memory limit is full",
                            s->sc->display);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->fn_ref);
    hook_arg a = {.s = s, .rec = rec};
    sd_status st = sd_lua_protected(L, build_hook_arg, &a, 1, s->sc->display, hook_arg_what(rec), err);
    if (st != SD_OK) {
        lua_pop(L, 1);
        return st;
    }
    return sd_sandbox_call(s->sc->sb, 1, 0, err);
}

sd_status sd_session_lua_when(sd_session *s, const sd_hook *h, bool *fire, sd_error *err)
{
    lua_State *L = sd_sandbox_state(s->sc->sb);
    if (!lua_checkstack(L, 4))
        return sd_error_set(err, SD_ERR_MEMORY, "%s: script stopped: its memory limit is full",
                            s->sc->display);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->cond_ref);
    hook_arg a = {.s = s};
    sd_status st = sd_lua_protected(L, build_hook_arg, &a, 1, s->sc->display,
                                    "the state table for when()", err);
    if (st != SD_OK) {
        lua_pop(L, 1);
        return st;
    }
    st = sd_sandbox_call(s->sc->sb, 1, 1, err);
    if (st != SD_OK)
        return st;
    *fire = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return SD_OK;
}

static int build_compose_arg(lua_State *L)
{
    const hook_arg *a = lua_touserdata(L, 1);
    lua_createtable(L, 0, 8);
    set_str(L, "mood", sd_vocab_name(SD_VOCAB_MOOD, a->mood));
    set_int(L, "n", (lua_Integer)a->n);
    set_str(L, "first", a->first);
    set_str(L, "last", a->last);
    set_str(L, "storm", a->storm->id);
    if (a->theme) {
        set_str(L, "theme", a->theme->id);
        set_str(L, "theme_kind", sd_vocab_name(SD_VOCAB_THEME_KIND, a->theme->kind));
        set_bool(L, "direct", a->direct);
    }
    return 1;
}

/* The theme compose named as its second value: *theme = its index in st->themes. */
static sd_status compose_theme(sd_session *s, const sd_storm *st, lua_State *L, int idx,
                               int *theme, sd_error *err)
{
    int ty = lua_type(L, idx);
    if (ty == LUA_TNIL)
        return SD_OK;
    if (ty != LUA_TSTRING)
        return sd_error_set(err, SD_ERR_SCRIPT, "%s:%d: storm '%s': compose's second value must "
                            "be the id of one of the storm's themes, not a %s (a gsub's count? "
                            "put the call in parentheses)", s->sc->display, st->line, st->id,
                            lua_typename(L, ty));
    const char *id = lua_tostring(L, idx);
    for (size_t k = 0; k < st->n_themes; k++)
        if (strcmp(st->themes[k].id, id) == 0) {
            if (*theme < 0)
                return sd_error_set(err, SD_ERR_SCRIPT, "%s:%d: storm '%s': compose returned "
                                    "theme '%s' for a troll's comment (trolls have no theme)",
                                    s->sc->display, st->line, st->id, st->themes[k].id);
            *theme = (int)k;
            return SD_OK;
        }
    char known[400];
    size_t used = 0;
    known[0] = '\0';
    for (size_t k = 0; k < st->n_themes && used + 70 < sizeof known; k++)
        used += (size_t)snprintf(known + used, sizeof known - used, "%s%s", k ? ", " : "",
                                 st->themes[k].id);
    sd_buf_reset(&s->scratch);
    const char *shown = sd_utf8_clean(id, strlen(id) > 64 ? 64 : strlen(id), &s->scratch);
    return sd_error_set(err, SD_ERR_SCRIPT, "%s:%d: storm '%s': compose returned theme '%s', "
                        "which the storm does not declare (its themes: %s)", s->sc->display,
                        st->line, st->id, shown ? shown : "?", known);
}

sd_status sd_session_lua_compose(sd_session *s, const sd_storm *st, sd_mood mood, uint64_t n,
                                 const char *first, const char *last, int *theme, bool direct,
                                 const char **text, sd_error *err)
{
    lua_State *L = sd_sandbox_state(s->sc->sb);
    if (!lua_checkstack(L, 4))
        return sd_error_set(err, SD_ERR_MEMORY, "%s: script stopped: its memory limit is full",
                            s->sc->display);
    lua_rawgeti(L, LUA_REGISTRYINDEX, st->compose_ref);
    hook_arg a = {.s = s, .storm = st, .mood = mood, .n = n, .first = first, .last = last,
                  .theme = *theme >= 0 ? &st->themes[*theme] : NULL, .direct = direct};
    sd_status r = sd_lua_protected(L, build_compose_arg, &a, 1, s->sc->display,
                                   "the table for a storm's compose()", err);
    if (r != SD_OK) {
        lua_pop(L, 1);
        return r;
    }
    r = sd_sandbox_call(s->sc->sb, 1, 2, err);
    if (r != SD_OK)
        return r;
    size_t len = 0;
    const char *str = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : NULL;
    if (str == NULL || len == 0 || len > 20000) {
        lua_pop(L, 2);
        return sd_error_set(err, SD_ERR_SCRIPT, "%s:%d: storm '%s': compose must return a "
                            "non-empty text of at most 20000 bytes", s->sc->display, st->line, st->id);
    }
    if ((r = compose_theme(s, st, L, -1, theme, err)) != SD_OK) {
        lua_pop(L, 2);
        return r;
    }
    sd_buf_reset(&s->scratch);
    sd_utf8_sanitize_text(&s->scratch, str, len); /* NUL bytes too: nothing cut off */
    lua_pop(L, 2);
    *text = sd_arena_strndup(&s->arena, s->scratch.data, s->scratch.len);
    if (*text == NULL || !sd_buf_ok(&s->scratch))
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory");
    return SD_OK;
}
