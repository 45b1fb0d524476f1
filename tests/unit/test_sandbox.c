/* test_sandbox.c - cmocka tests of engine/sandbox, the Lua sandbox for untrusted scenario
 * and participant files: every forbidden facility is unreachable; load() takes text only
 * (real bytecode made by a plain Lua state is refused); the string metatable and library
 * tables are locked; the memory cap (string.rep guarded, huge and empty repeats); the
 * instruction budget and wall-clock limit, which pcall, xpcall and error handlers cannot
 * swallow; deep recursion; hostile error objects; include() confined to the scenario's
 * folder; deterministic math.random; that limits reset for the next call; and that work done
 * in C (table functions, patterns, gsub replacements, load, collections) is bounded, with
 * sd_sandbox_charge, and only regular files are read. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "sandbox/sandbox.h"

/* ---- fixture: a temp folder and a sandbox rooted there ---- */

typedef struct fx {
    char dir[64];
    sd_sandbox *sb;
} fx;

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void write_file(const char *dir, const char *name, const char *text, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        fail_msg("cannot create %s", path);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
}

static void write_text(const char *dir, const char *name, const char *text)
{
    write_file(dir, name, text, strlen(text));
}

static sd_sandbox *make_sandbox(const char *dir, size_t mem, uint64_t instr, double secs)
{
    sd_sandbox_limits lim;
    sd_sandbox_limits_default(&lim);
    if (mem)
        lim.memory_bytes = mem;
    if (instr)
        lim.instructions_per_call = instr;
    if (secs > 0)
        lim.seconds_per_call = secs;
    sd_sandbox *sb = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_sandbox_create(&lim, dir, 1, &sb, &err) != SD_OK)
        fail_msg("sd_sandbox_create: %s", sd_error_msg(&err));
    sd_error_clear(&err);
    return sb;
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    strcpy(f->dir, "/tmp/sd_sandbox_XXXXXX");
    if (mkdtemp(f->dir) == NULL)
        return -1;
    f->sb = make_sandbox(f->dir, 0, 0, 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    sd_sandbox_destroy(f->sb);
    nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* Loads src as a chunk named `name` and calls it with the sandbox's limits. A load error
 * is returned as SD_ERR_INPUT with Lua's message. */
static sd_status run(sd_sandbox *sb, const char *name, const char *src, int nres, sd_error *err)
{
    lua_State *L = sd_sandbox_state(sb);
    char chunk[128];
    snprintf(chunk, sizeof chunk, "@%s", name);
    if (luaL_loadbufferx(L, src, strlen(src), chunk, "t") != LUA_OK) {
        sd_error_set(err, SD_ERR_INPUT, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        return SD_ERR_INPUT;
    }
    return sd_sandbox_call(sb, 0, nres, err);
}

/* Runs src expecting success and one integer result. */
static long long run_int(sd_sandbox *sb, const char *src)
{
    sd_error err = SD_ERROR_INIT;
    lua_State *L = sd_sandbox_state(sb);
    int top = lua_gettop(L);
    if (run(sb, "ok.lua", src, 1, &err) != SD_OK)
        fail_msg("script failed: %s\n%s", sd_error_msg(&err), src);
    if (!lua_isinteger(L, -1))
        fail_msg("script returned a %s, not an integer", luaL_typename(L, -1));
    long long v = (long long)lua_tointeger(L, -1);
    lua_pop(L, 1);
    assert_int_equal(lua_gettop(L), top);
    return v;
}

/* Runs src expecting failure with `status`; the message must contain each of the needles
 * (NULL-terminated). */
static void expect_fail(sd_sandbox *sb, const char *name, const char *src, sd_status status, ...)
{
    sd_error err = SD_ERROR_INIT;
    lua_State *L = sd_sandbox_state(sb);
    int top = lua_gettop(L);
    sd_status st = run(sb, name, src, 0, &err);
    if (st != status)
        fail_msg("script %s: status %d (want %d): %s", name, st, status, sd_error_msg(&err));
    va_list ap;
    va_start(ap, status);
    for (const char *n = va_arg(ap, const char *); n; n = va_arg(ap, const char *))
        if (strstr(sd_error_msg(&err), n) == NULL)
            fail_msg("script %s: message '%s' lacks '%s'", name, sd_error_msg(&err), n);
    va_end(ap);
    assert_int_equal(lua_gettop(L), top); /* nothing left on the stack */
    sd_error_clear(&err);
}

static double elapsed_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

typedef struct dumped {
    char *data;
    size_t len;
} dumped;

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    dumped *d = ud;
    char *n = realloc(d->data, d->len + sz);
    if (n == NULL)
        return 1;
    memcpy(n + d->len, p, sz);
    d->data = n;
    d->len += sz;
    return 0;
}

/* ---- forbidden facilities ---- */

static void test_forbidden_facilities(void **state)
{
    fx *f = *state;
    static const struct {
        const char *name, *script;
    } cases[] = {
        {"io", "io.write('x')"},
        {"os", "return os.time()"},
        {"package", "return package.loaded.io"},
        {"require", "local io = require('io')"},
        {"dofile", "dofile('/etc/passwd')"},
        {"loadfile", "local f = loadfile('/etc/passwd')"},
        {"debug", "return debug.getinfo(1)"},
        {"dump", "return string.dump(function() end)"},
        {"dump", "return (''):dump()"},
        {"coroutine", "return coroutine.create(function() end)"},
        {"collectgarbage", "collectgarbage('collect')"},
        {"rawset", "rawset(_G, 'x', 1)"},
        {"rawset", "rawset(string, 'upper', nil)"},
        {"randomseed", "math.randomseed(1)"},
        {"__gc", "setmetatable({}, {__gc = function() while true do end end})"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "forbid_%s.lua", cases[i].name);
        expect_fail(f->sb, name, cases[i].script, SD_ERR_SCRIPT, name, cases[i].name, NULL);
    }
    /* not reachable through _G or the registry-less environment either */
    assert_int_equal(run_int(f->sb, "local n = 0\n"
                                    "for _, k in ipairs{'io','os','package','require','dofile',"
                                    "'loadfile','debug','coroutine','collectgarbage','rawset',"
                                    "'loadstring','module','setfenv','getfenv'} do\n"
                                    "  if _G[k] ~= nil then n = n + 1 end\n"
                                    "end\n"
                                    "return n"),
                     0);
    /* the allowed ones are there: the cases above fail for the right reason */
    assert_int_equal(run_int(f->sb, "return #string.upper('abc') + select('#', 1, 2) + "
                                    "math.floor(2.5) + #table.concat({'a','b'}) + utf8.len('å')"),
                     3 + 2 + 2 + 2 + 1);
}

static void test_load_text_only(void **state)
{
    fx *f = *state;
    lua_State *L = sd_sandbox_state(f->sb);
    /* text works, with an environment too */
    assert_int_equal(run_int(f->sb, "return load('return 1 + 1')()"), 2);
    assert_int_equal(run_int(f->sb, "return load('return x', 'c', 't', { x = 7 })()"), 7);
    /* a syntax error comes back as nil, message */
    assert_int_equal(run_int(f->sb, "local f, e = load('return +') return (f == nil and "
                                    "type(e) == 'string') and 1 or 0"),
                     1);

    /* Real bytecode, made by an unrestricted Lua state, loads there but not here. */
    dumped code = {NULL, 0};
    lua_State *plain = luaL_newstate();
    assert_non_null(plain);
    assert_int_equal(luaL_loadstring(plain, "return 42"), LUA_OK);
    assert_int_equal(lua_dump(plain, dump_writer, &code, 0), 0);
    assert_true(code.len > 4 && memcmp(code.data, "\x1bLua", 4) == 0);
    assert_int_equal(luaL_loadbufferx(plain, code.data, code.len, "=bin", "b"), LUA_OK);
    assert_int_equal(lua_pcall(plain, 0, 1, 0), LUA_OK);
    assert_int_equal(lua_tointeger(plain, -1), 42); /* control: the bytecode is good */
    lua_close(plain);

    sd_error err = SD_ERROR_INIT;
    assert_int_equal(luaL_loadstring(L, "local code = ...\n"
                                        "local f, e = load(code, 'bin', 'b')\n"
                                        "return f == nil, e"),
                     LUA_OK);
    lua_pushlstring(L, code.data, code.len);
    assert_int_equal(sd_sandbox_call(f->sb, 1, 2, &err), SD_OK);
    assert_true(lua_toboolean(L, -2));
    assert_non_null(strstr(lua_tostring(L, -1), "binary"));
    lua_pop(L, 2);

    /* and as a file */
    write_file(f->dir, "bin.lua", code.data, code.len);
    char path[512];
    snprintf(path, sizeof path, "%s/bin.lua", f->dir);
    assert_int_equal(sd_sandbox_load_file(f->sb, path, "bin.lua", &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "bin.lua"));
    assert_non_null(strstr(sd_error_msg(&err), "binary"));
    sd_error_clear(&err);
    free(code.data);

    /* a string that merely starts with the signature */
    assert_int_equal(run_int(f->sb, "local f, e = load('\\27Lua') return f == nil and 1 or 0"), 1);
}

static void test_string_metatable_locked(void **state)
{
    fx *f = *state;
    sd_error err = SD_ERROR_INIT;
    lua_State *L = sd_sandbox_state(f->sb);
    assert_int_equal(run(f->sb, "mt.lua", "return getmetatable('')", 1, &err), SD_OK);
    assert_string_equal(lua_tostring(L, -1), "locked");
    lua_pop(L, 1);
    /* the library proxies are locked too */
    assert_int_equal(run(f->sb, "mt.lua", "return getmetatable(string)", 1, &err), SD_OK);
    assert_string_equal(lua_tostring(L, -1), "locked");
    lua_pop(L, 1);
    /* method calls on strings still work */
    assert_int_equal(run_int(f->sb, "return ('abc'):upper() == 'ABC' and #('x'):rep(3) or -1"), 3);

    static const struct {
        const char *name, *script, *needle;
    } cases[] = {
        {"ro1.lua", "string.upper = nil", "read-only"},
        {"ro2.lua", "string.evil = function() end", "read-only"},
        {"ro3.lua", "table.insert = print", "read-only"},
        {"ro4.lua", "math.pi = 3", "read-only"},
        {"ro5.lua", "utf8.char = nil", "read-only"},
        {"ro6.lua", "setmetatable(string, {})", "protected metatable"},
        {"ro7.lua", "setmetatable('', {})", "table expected"},
        {"ro8.lua", "getmetatable('').__index = {}", "attempt to index"},
        {"ro9.lua", "getmetatable('').__index.upper = nil", "attempt to index"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_fail(f->sb, cases[i].name, cases[i].script, SD_ERR_SCRIPT, cases[i].name,
                    cases[i].needle, NULL);
    /* nothing changed */
    assert_int_equal(run_int(f->sb, "return (string.upper ~= nil and ('a'):upper() == 'A' "
                                    "and math.pi > 3.14 and string.evil == nil) and 1 or 0"),
                     1);
}

/* ---- memory ---- */

static void test_memory_cap(void **state)
{
    fx *f = *state;
    sd_sandbox *sb = make_sandbox(f->dir, (size_t)32 << 20, 0, 0);
    write_text(f->dir, "mem.lua", "-- grows a table of strings until the cap\n"
               "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end\n");
    char path[512];
    snprintf(path, sizeof path, "%s/mem.lua", f->dir);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_sandbox_load_file(sb, path, "mem.lua", &err), SD_OK);
    assert_int_equal(sd_sandbox_call(sb, 0, 0, &err), SD_ERR_MEMORY);
    assert_non_null(strstr(sd_error_msg(&err), "mem.lua:2:"));
    assert_non_null(strstr(sd_error_msg(&err), "32 MiB"));
    assert_true(sd_sandbox_memory_peak(sb) <= (size_t)32 << 20);
    assert_true(sd_sandbox_memory_peak(sb) > (size_t)16 << 20);
    sd_error_clear(&err);
    /* the sandbox still works, and the garbage can be collected */
    assert_int_equal(run_int(sb, "local t = {} for i = 1, 1000 do t[i] = ('y'):rep(100) .. i end "
                                 "return #t"),
                     1000);
    /* caught by pcall: still fatal */
    expect_fail(sb, "mem2.lua",
                "local ok = pcall(function() local t = {} for i = 1, 1e9 do "
                "t[i] = ('x'):rep(1000) .. i end end)\nreturn ok",
                SD_ERR_MEMORY, "mem2.lua:1:", NULL);
    sd_sandbox_destroy(sb);
}

static void test_memory_rep(void **state)
{
    fx *f = *state;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    expect_fail(f->sb, "rep.lua", "\nlocal s = string.rep('x', 1e12)", SD_ERR_MEMORY, "rep.lua:2:",
                NULL);
    expect_fail(f->sb, "rep2.lua", "local s = ('ab'):rep(1e9, ',')", SD_ERR_MEMORY, "rep2.lua:1:",
                NULL);
    /* pcall cannot catch it either */
    expect_fail(f->sb, "rep3.lua", "local ok, e = pcall(string.rep, 'x', 1e12) return ok",
                SD_ERR_MEMORY, "rep3.lua:1:", NULL);
    /* empty repeats are empty, at once */
    assert_int_equal(run_int(f->sb, "return #(''):rep(1e15) + #string.rep('', 2^62, '') + "
                                    "#('x'):rep(-5) + #('x'):rep(0)"),
                     0);
    assert_int_equal(run_int(f->sb, "return #('ab'):rep(3, '-')"), 8);
    assert_true(elapsed_since(&t0) < 3.0);
}

/* A script that keeps a large live set and churns garbage brushes against the cap; the
 * emergency collection frees enough, so nothing failed and ordinary errors stay ordinary. */
static void test_memory_near_cap_recovers(void **state)
{
    fx *f = *state;
    /* About memory, not time: a generous wall clock, for valgrind on a busy machine. */
    sd_sandbox *sb = make_sandbox(f->dir, (size_t)16 << 20, 0, 120);
    assert_int_equal(run_int(sb, "local keep = {}\n"
                                 "for i = 1, 10000 do keep[i] = ('k'):rep(1000) .. i end\n"
                                 "for i = 1, 20000 do local g = ('g'):rep(2000) .. i end\n"
                                 "local ok, e = pcall(error, 'boom')\n"
                                 "return (not ok and e == 'boom') and #keep or -1"),
                     10000);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(run(sb, "churn.lua",
                         "local keep = {}\n"
                         "for i = 1, 10000 do keep[i] = ('k'):rep(1000) .. i end\n"
                         "for i = 1, 20000 do local g = ('g'):rep(2000) .. i end\n"
                         "error('ordinary')",
                         0, &err),
                     SD_ERR_SCRIPT);
    assert_non_null(strstr(sd_error_msg(&err), "churn.lua:4: ordinary"));
    sd_error_clear(&err);
    sd_sandbox_destroy(sb);
}

/* ---- instruction budget and wall clock ---- */

static void test_instruction_budget(void **state)
{
    fx *f = *state;
    sd_sandbox *sb = make_sandbox(f->dir, 0, 10000000, 60);
    static const struct {
        const char *name, *script, *where;
    } cases[] = {
        {"loop.lua", "local x = 1\nwhile true do end", "loop.lua:2:"},
        {"pcall.lua", "local ok = pcall(function()\n while true do end\n end)\nreturn ok",
         "pcall.lua:2:"},
        {"pcall2.lua", "for i = 1, 1e9 do pcall(function() while true do end end) end",
         "pcall2.lua:1:"},
        {"xpcall.lua",
         "xpcall(function() error('x') end,\n function(m) while true do end end)",
         "xpcall.lua:2:"},
        {"xpcall2.lua", "xpcall(function() while true do end end, function(m) return m end)",
         "xpcall2.lua:1:"},
        {"load.lua", "load('while true do end', '=inner')()", "inner:1:"},
        {"tostr.lua",
         "local ok, e = pcall(error, setmetatable({}, {__tostring = function()\n"
         " while true do end end}))\nreturn tostring(e)",
         "tostr.lua:2:"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        expect_fail(sb, cases[i].name, cases[i].script, SD_ERR_SCRIPT, cases[i].where,
                    "instructions", NULL);
        assert_true(elapsed_since(&t0) < 20.0);
    }
    /* a tripped limit does not stick: the next call has a fresh budget */
    assert_int_equal(run_int(sb, "local s = 0 for i = 1, 1000000 do s = s + 1 end return s"),
                     1000000);
    assert_int_equal(run_int(sb, "local ok, e = pcall(error, 'x') return ok and 0 or 1"), 1);
    sd_sandbox_destroy(sb);
}

static void test_wall_clock_limit(void **state)
{
    fx *f = *state;
    sd_sandbox *sb = make_sandbox(f->dir, 0, UINT64_MAX / 2, 0.2);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    expect_fail(sb, "slow.lua", "\n\nwhile true do end", SD_ERR_SCRIPT, "slow.lua:3:", "0.2 s",
                NULL);
    double took = elapsed_since(&t0);
    assert_true(took >= 0.19 && took < 3.0);
    /* again inside pcall */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    expect_fail(sb, "slow2.lua", "while true do pcall(function() while true do end end) end",
                SD_ERR_SCRIPT, "slow2.lua:1:", "longer than", NULL);
    assert_true(elapsed_since(&t0) < 3.0);
    /* the limit is per call: a short call after it runs */
    assert_int_equal(run_int(sb, "return 5"), 5);
    sd_sandbox_destroy(sb);
}

/* ---- recursion and hostile error objects ---- */

/* Pattern matching runs inside one C call the hook cannot interrupt: patterns whose
 * backtracking could run for ever on a long text are refused up front, fast; the patterns
 * scenarios really use still work. */
static void test_pattern_backtracking(void **state)
{
    fx *f = *state;
    static const struct { const char *name, *script; } hostile[] = {
        {"pat1.lua", "local s = string.rep('a', 100000)\nreturn s:find('.-.-.-.-b')"},
        {"pat2.lua", "local s = string.rep('a', 50000)\nreturn s:match('(.*)(.*)(.*)b')"},
        {"pat3.lua", "local s = string.rep('a', 40000)\nreturn (s:gsub('a*a*b', ''))"},
        {"pat4.lua", "local s = string.rep('a', 40000)\nfor w in s:gmatch('.-.-.-b') do end"},
    };
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        expect_fail(f->sb, hostile[i].name, hostile[i].script, SD_ERR_SCRIPT, hostile[i].name,
                    "too many for a text", NULL);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        assert_true((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9 < 2.0);
    }
    assert_int_equal(run_int(f->sb, "local t = 'Hej Anna!\\nVänliga hälsningar, Kim'\n"
                                    "local n = 0\n"
                                    "if t:find('^Hej (%w+)!') then n = n + 1 end\n"
                                    "if ('key = value'):match('^(%w+)%s*=%s*(%w+)$') == 'key' then n = n + 1 end\n"
                                    "if (('a,b,c'):gsub(',', ';')) == 'a;b;c' then n = n + 1 end\n"
                                    "for w in ('ett två tre'):gmatch('%S+') do n = n + 1 end\n"
                                    "if string.rep('a', 100000):find('.-.-b', 1, true) == nil then n = n + 1 end\n"
                                    "return n"),
                     7);
}

/* ---- work done in C: table functions, patterns, gsub, load, weak tables, charge ---- */

static void test_work_in_c(void **state)
{
    fx *f = *state;
    static const struct {
        const char *name, *script, *needle;
    } cases[] = {
        {"w_move.lua", "local t = setmetatable({}, {__len = function() return 1 << 62 end})\n"
                       "table.move(t, 1, #t, 2)", "table.move: tables with a __len"},
        {"w_move2.lua", "table.move({}, 1, 1e15, 2)", "script stopped"},
        {"w_move3.lua", "table.move({1}, 1, 1, 1, setmetatable({}, {__newindex = print}))",
         "__newindex"},
        {"w_concat.lua", "local t = setmetatable({}, {__index = function() return 'x' end})\n"
                         "return table.concat(t, '', 1, 1e12)", "table.concat: tables with a __index"},
        {"w_concat2.lua", "return table.concat({}, '', 1, 1e15)", "script stopped"},
        {"w_remove.lua", "table.remove(setmetatable({}, {__len = function() return 1 << 40 end}), 1)",
         "table.remove"},
        {"w_insert.lua", "table.insert(setmetatable({}, {__len = function() return 1 << 40 end}), 1, 1)",
         "table.insert"},
        {"w_sort.lua", "table.sort(setmetatable({}, {__len = function() return 1 << 40 end}))",
         "table.sort"},
        {"w_sort2.lua", "table.sort({3, 2, 1}, rawequal)", "comparator must be a Lua function"},
        {"w_sort3.lua", "local mt = {__lt = rawequal}\n"
                        "table.sort({setmetatable({}, mt), setmetatable({}, mt)})", "only numbers"},
        {"w_sort4.lua", "table.sort({1, 'a'})", "only numbers"},
        {"w_unpack.lua", "return table.unpack(setmetatable({}, {__index = print}), 1, 10)",
         "table.unpack"},
        {"w_pat1.lua", "return string.rep('a', 4000000):find('a*b')", "string.find: the pattern has 1"},
        {"w_pat2.lua", "return string.rep('(', 1000000):find('%b()')", "string.find"},
        {"w_pat3.lua", "return string.rep('a', 1000000):match('(a+)b%1')", "string.match: the pattern has 2"},
        {"w_pat4.lua", "for w in string.rep('a', 2000000):gmatch('a-b') do end", "string.gmatch"},
        {"w_pat5.lua", "return string.rep('a', 1000000):gsub('^a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?b', '')",
         "optional items"},
        {"w_pat6.lua", "local s = string.rep('a', 3000)\nfor i = 1, 1e9 do s:find('a*b') end",
         "script stopped"},
        {"w_gsub.lua", "local s = string.rep('x ', 1000)\nreturn s:gsub('%S+', setmetatable({}, {__index = load}))",
         "replacement table with a metatable"},
        {"w_gsub2.lua", "local s = string.rep(string.rep('x', 64) .. ' ', 70)\n"
                        "for i = 1, 1e9 do s:gsub('%S+', load) end", "script stopped"},
        {"w_load.lua", "local src = string.rep('x = 1\\n', 1000000)\nfor i = 1, 1e9 do load(src) end",
         "script stopped"},
        {"w_weak.lua", "setmetatable({}, {__mode = 'k'})", "__mode metamethods are not allowed"},
        {"w_weak2.lua", "local mt = {}\nsetmetatable({}, mt)\nmt.__mode = 'k'", "__mode"},
        {"w_weak3.lua", "local mt = {}\nsetmetatable({}, mt)\nmt.__gc = print", "__gc"},
        {"w_weak4.lua", "local mt = setmetatable({}, {})\nsetmetatable({}, mt)", "metatable of its own"},
        {"w_weak5.lua", "local mt = {}\nsetmetatable({}, mt)\nsetmetatable(mt, {})", "protected metatable"},
    };
    sd_sandbox *sb = make_sandbox(f->dir, 0, 0, 3.0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        expect_fail(sb, cases[i].name, cases[i].script, SD_ERR_SCRIPT, cases[i].name,
                    cases[i].needle, NULL);
        if (elapsed_since(&t0) > 8.0)
            fail_msg("%s took %.1f s", cases[i].name, elapsed_since(&t0));
    }
    /* ordinary use still works, and __index/__newindex still work on metatables in use */
    assert_int_equal(run_int(sb, "local t = {5, 3, 1, 4}\n"
                                 "table.sort(t) table.sort(t, function(a, b) return a > b end)\n"
                                 "table.insert(t, 9) table.remove(t, 1)\n"
                                 "local u = table.move(t, 1, #t, 1, {})\n"
                                 "local s = table.concat(u, ',')\n"
                                 "local text = string.rep('word ', 1000)\n"
                                 "local n = select(2, text:gsub('%s+', ' '))\n"
                                 "for w in text:gmatch('%a+') do n = n + 1 end\n"
                                 "n = n + select(2, text:gsub('%a+', string.upper))\n"
                                 "local mt = {} mt.__index = mt\n"
                                 "local o = setmetatable({}, mt) mt.hello = 7\n"
                                 "local cls = setmetatable({}, {__index = mt})\n"
                                 "return (s == '4,3,1,9' and o.hello == 7 and cls.hello == 7 and "
                                 "('(a(b)c)'):match('%b()') == '(a(b)c)' and ('abab'):match('(ab)%1') "
                                 "and #table.pack(table.unpack(u)) == 4) and n or -1"),
                     3000);
    sd_sandbox_destroy(sb);
}

static int c_work(lua_State *L)
{
    sd_sandbox_charge(L, (uint64_t)luaL_checkinteger(L, 1));
    lua_pushboolean(L, 1);
    return 1;
}

static void test_charge(void **state)
{
    fx *f = *state;
    sd_sandbox *sb = make_sandbox(f->dir, 0, 1000000, 60);
    sd_sandbox_register(sb, "work", c_work, NULL);
    assert_int_equal(run_int(sb, "work(500000) return 1"), 1);
    /* over the budget, not catchable by pcall, with the script's line */
    expect_fail(sb, "ch.lua", "\nlocal ok = pcall(work, 2000000)\nreturn ok", SD_ERR_SCRIPT,
                "ch.lua:2:", "instructions", NULL);
    /* charges add up within one call, and reset for the next */
    expect_fail(sb, "ch2.lua", "for i = 1, 100 do work(20000) end", SD_ERR_SCRIPT, "ch2.lua:1:",
                "instructions", NULL);
    assert_int_equal(run_int(sb, "work(900000) return 2"), 2);
    sd_sandbox_destroy(sb);
    /* the deadline is checked too */
    sb = make_sandbox(f->dir, 0, UINT64_MAX / 2, 0.2);
    sd_sandbox_register(sb, "work", c_work, NULL);
    expect_fail(sb, "ch3.lua", "local t = os and 0 or 0\nlocal x = 0\n"
                "for i = 1, 1e12 do work(0) end", SD_ERR_SCRIPT, "ch3.lua:3:", "longer than", NULL);
    sd_sandbox_destroy(sb);
}

/* Only regular files are read: a named pipe is refused at once (not blocked on). */
static void test_regular_files_only(void **state)
{
    fx *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/pipe.lua", f->dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    sd_error err = SD_ERROR_INIT;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(sd_sandbox_load_file(f->sb, path, "pipe.lua", &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "pipe.lua: is a named pipe"));
    sd_error_clear(&err);
    expect_fail(f->sb, "incp.lua", "\ninclude('pipe.lua')", SD_ERR_SCRIPT, "incp.lua:2:",
                "named pipe", NULL);
    assert_int_equal(sd_sandbox_load_file(f->sb, "/dev/zero", "zero.lua", &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "zero.lua: is a device"));
    sd_error_clear(&err);
    assert_true(elapsed_since(&t0) < 2.0);
}

/* Lua shortens chunk names over about 60 bytes to "...tail"; messages must still name the
 * whole file, for syntax errors, run-time errors and errors raised through C. */
static void test_long_file_names(void **state)
{
    fx *f = *state;
    static const struct { const char *src, *line; } cases[] = {
        {"local x = 1\nerror('boom')\n", ":2: boom"},
        {"local x = 1\nlocal y = {\n", ":3:"},
        {"local x = 1\n\nlocal s = string.rep(nil)\n", ":3:"},
    };
    const char *display = "scenarios/a-rather-long-folder-name/and-another-long-folder/"
                          "with-a-long-scenario-file-name.lua";
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[256];
        write_file(f->dir, "long.lua", cases[i].src, strlen(cases[i].src));
        snprintf(path, sizeof path, "%s/long.lua", f->dir);
        sd_error err = SD_ERROR_INIT;
        sd_status st = sd_sandbox_load_file(f->sb, path, display, &err);
        if (st == SD_OK)
            st = sd_sandbox_call(f->sb, 0, 0, &err);
        assert_int_not_equal(st, SD_OK);
        char want[256];
        snprintf(want, sizeof want, "%s%s", display, cases[i].line);
        if (strncmp(sd_error_msg(&err), want, strlen(want)) != 0)
            fail_msg("case %zu: '%s' does not start with '%s'", i, sd_error_msg(&err), want);
        sd_error_clear(&err);
    }
}

static void test_deep_recursion(void **state)
{
    fx *f = *state;
    expect_fail(f->sb, "rec.lua", "local function f() return 1 + f() end\nreturn f()",
                SD_ERR_SCRIPT, "rec.lua:1:", "stack overflow", NULL);
    /* recursion through C (metamethods) hits the C-stack limit, not a crash */
    expect_fail(f->sb, "crec.lua",
                "local t = setmetatable({}, {__index = function(t, k) return t[k] end})\n"
                "return t.x",
                SD_ERR_SCRIPT, "crec.lua:1:", "stack overflow", NULL);
    /* a pcall at every level catches the overflow at the deepest one: no crash, and the
     * state is usable afterwards */
    assert_int_equal(run_int(f->sb, "local depth, caught = 0, nil\n"
                                    "local function f() depth = depth + 1\n"
                                    "  local ok, e = pcall(f)\n"
                                    "  if not ok and caught == nil then caught = e end end\n"
                                    "f()\n"
                                    "return (depth > 100 and caught:find('overflow')) and 1 or 0"),
                     1);
    assert_int_equal(run_int(f->sb, "local function f(n) if n == 0 then return 0 end "
                                    "return 1 + f(n - 1) end return f(10000)"),
                     10000);
}

static void test_hostile_error_objects(void **state)
{
    fx *f = *state;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    expect_fail(f->sb, "obj.lua",
                "\nerror(setmetatable({}, {__tostring = function() while true do end end}))",
                SD_ERR_SCRIPT, "obj.lua:2:", "error object is a table value", NULL);
    assert_true(elapsed_since(&t0) < 2.0);
    expect_fail(f->sb, "obj2.lua", "error(nil)", SD_ERR_SCRIPT, "obj2.lua:1:",
                "error object is a nil value", NULL);
    expect_fail(f->sb, "obj3.lua", "error(42)", SD_ERR_SCRIPT, "error object is a number value",
                NULL);
    expect_fail(f->sb, "obj4.lua", "error('plain', 0)", SD_ERR_SCRIPT, "plain", NULL);
    expect_fail(f->sb, "obj5.lua", "local x = nil\nreturn x.y", SD_ERR_SCRIPT, "obj5.lua:2:",
                "attempt to index", NULL);
}

/* ---- include ---- */

static void test_include(void **state)
{
    fx *f = *state;
    write_text(f->dir, "helper.lua", "return { x = 42 }\n");
    char sub[512];
    snprintf(sub, sizeof sub, "%s/lib", f->dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_text(f->dir, "lib/util.lua", "local h = include('helper.lua')\nreturn h.x + 1\n");
    write_text(f->dir, "lib/bad.lua", "\n\nerror('in helper')\n");
    write_text(f->dir, "loop_a.lua", "return include('loop_a.lua')\n");
    assert_int_equal(run_int(f->sb, "return include('helper.lua').x"), 42);
    assert_int_equal(run_int(f->sb, "return include('lib/util.lua')"), 43);
    expect_fail(f->sb, "inc.lua", "include('lib/bad.lua')", SD_ERR_SCRIPT, "lib/bad.lua:3:",
                "in helper", NULL);
    expect_fail(f->sb, "inc.lua", "include('loop_a.lua')", SD_ERR_SCRIPT, "more than", NULL);

    /* a file outside the folder, reached by a symlink, is refused */
    char outside[] = "/tmp/sd_outside_XXXXXX";
    assert_non_null(mkdtemp(outside));
    write_text(outside, "secret.lua", "return 666\n");
    char target[512], link[512];
    snprintf(target, sizeof target, "%s/secret.lua", outside);
    snprintf(link, sizeof link, "%s/link.lua", f->dir);
    assert_int_equal(symlink(target, link), 0);
    expect_fail(f->sb, "inc.lua", "return include('link.lua')", SD_ERR_SCRIPT, "cannot find",
                "inside the scenario's folder", NULL);
    nftw(outside, rm_entry, 16, FTW_DEPTH | FTW_PHYS);

    static const char *const refused[] = {
        "../x.lua", "/etc/passwd", "a/../../b.lua", "x.txt", "./helper.lua", "lib//util.lua",
        "", "he lper.lua", "helper.lua\n", "/tmp/x.lua"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        const char *src = "\nreturn include(...)";
        lua_State *L = sd_sandbox_state(f->sb);
        sd_error err = SD_ERROR_INIT;
        assert_int_equal(luaL_loadbufferx(L, src, strlen(src), "@inc.lua", "t"), LUA_OK);
        lua_pushstring(L, refused[i]);
        assert_int_equal(sd_sandbox_call(f->sb, 1, 1, &err), SD_ERR_SCRIPT);
        const char *m = sd_error_msg(&err);
        if (!strstr(m, "inc.lua:2:") || !strstr(m, "is not allowed") || !strstr(m, "relative path"))
            fail_msg("include('%s'): unexpected message '%s'", refused[i], m);
        sd_error_clear(&err);
    }
    expect_fail(f->sb, "inc.lua", "include('missing.lua')", SD_ERR_SCRIPT, "cannot find",
                "missing.lua", NULL);

    /* a sandbox without a root has no include */
    sd_sandbox *bare = NULL;
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(sd_sandbox_create(NULL, NULL, 1, &bare, &err), SD_OK);
    expect_fail(bare, "bare.lua", "include('helper.lua')", SD_ERR_SCRIPT, "not available", NULL);
    sd_sandbox_destroy(bare);
}

/* ---- determinism, print, register ---- */

static void test_random_deterministic(void **state)
{
    fx *f = *state;
    const char *src = "local t = {} for i = 1, 20 do t[i] = math.random(1, 1000000) end "
                      "return table.concat(t, ',')";
    char first[512], again[512], other[512];
    lua_State *L = sd_sandbox_state(f->sb);
    sd_error err = SD_ERROR_INIT;
    char *outs[] = {first, again, other};
    uint64_t seeds[] = {123, 123, 124};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(sd_sandbox_reseed(f->sb, seeds[i], &err), SD_OK);
        assert_int_equal(run(f->sb, "rnd.lua", src, 1, &err), SD_OK);
        snprintf(outs[i], 512, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    assert_string_equal(first, again);
    assert_string_not_equal(first, other);
    /* a second sandbox with the same seed gives the same stream */
    sd_sandbox *sb2 = make_sandbox(f->dir, 0, 0, 0);
    assert_int_equal(sd_sandbox_reseed(sb2, 123, &err), SD_OK);
    assert_int_equal(run(sb2, "rnd.lua", src, 1, &err), SD_OK);
    assert_string_equal(lua_tostring(sd_sandbox_state(sb2), -1), first);
    lua_pop(sd_sandbox_state(sb2), 1);
    sd_sandbox_destroy(sb2);
}

typedef struct lines {
    char text[4][128];
    int n;
} lines;

static void collect(void *ctx, const char *line)
{
    lines *l = ctx;
    if (l->n < 4)
        snprintf(l->text[l->n++], 128, "%s", line);
}

static int c_twice(lua_State *L)
{
    int *calls = lua_touserdata(L, lua_upvalueindex(1));
    (*calls)++;
    lua_pushinteger(L, 2 * luaL_checkinteger(L, 1));
    return 1;
}

static void test_print_and_register(void **state)
{
    fx *f = *state;
    lines got = {0};
    sd_sandbox_set_print(f->sb, collect, &got);
    sd_error err = SD_ERROR_INIT;
    assert_int_equal(run(f->sb, "pr.lua", "\nprint('a', 1, true, nil)\nprint()", 0, &err), SD_OK);
    assert_int_equal(got.n, 2);
    assert_string_equal(got.text[0], "pr.lua:2: a\t1\ttrue\tnil");
    assert_string_equal(got.text[1], "pr.lua:3: ");
    sd_sandbox_set_print(f->sb, NULL, NULL);
    assert_int_equal(run(f->sb, "pr.lua", "print('dropped')", 0, &err), SD_OK);
    assert_int_equal(got.n, 2);

    int calls = 0;
    sd_sandbox_register(f->sb, "twice", c_twice, &calls);
    assert_int_equal(run_int(f->sb, "return twice(21)"), 42);
    assert_int_equal(calls, 1);
    expect_fail(f->sb, "reg.lua", "\ntwice('x')", SD_ERR_SCRIPT, "reg.lua:2:", "twice", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_forbidden_facilities, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_text_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_string_metatable_locked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_rep, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_near_cap_recovers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_instruction_budget, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wall_clock_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pattern_backtracking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_work_in_c, setup, teardown),
        cmocka_unit_test_setup_teardown(test_charge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_regular_files_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_file_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_recursion, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hostile_error_objects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_include, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_and_register, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
