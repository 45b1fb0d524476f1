/* fuzz_decl.c - libFuzzer target for declarations whose tables have metatables: each input
 * is read as a sequence of operations from a small grammar (a byte picks the operation, the
 * next its parameter) that becomes a scenario text: declarations of every kind whose tables
 * (or nested tables) carry __index/__len/__newindex/__call metamethods that make further
 * declarations, raise errors or loop; plain declarations; declarations inside pcall and
 * xpcall with handlers that declare. The text is loaded in the sandbox with small limits and
 * linted. A crash, sanitizer report, leak or fuzzer timeout is a finding; a load error is
 * not (SD_FUZZ_VERBOSE=1 prints the text and its error). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "scenario/lint.h"
#include "scenario/scenario.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Metamethod bodies: what a metamethod does when the engine (wrongly) runs it. */
static const char *const BODIES[] = {
    "persona { id = 'n' .. tostring(k) .. math.random(1000000), first = 'N' }",
    "post { id = 'q' .. math.random(1000000), text = 'x' }",
    "storm { id = 'z' .. math.random(1000000), on = 'p1', from = '+1m', to = '+9m', count = 2, texts = { 'a' } }",
    "template { id = 't' .. math.random(1000000), title = 'T', text = 'x' }",
    "error('meta')",
    "while true do end",
    "return setmetatable({}, getmetatable(t))",
    "hijack { id = 'h' .. math.random(1000000), at = '+5m', notice = 'n', posts = { 'a' } }",
};
#define N_BODIES (sizeof BODIES / sizeof BODIES[0])

static const char *const EVENTS[] = {"__index", "__len", "__newindex", "__call", "__eq",
                                     "__concat", "__tostring", "__close"};
#define N_EVENTS (sizeof EVENTS / sizeof EVENTS[0])

/* Declarations with a table argument: %s is where the (meta)table goes. */
static const char *const DECLS[] = {
    "persona(%s)", "post(%s)", "comment(%s)", "reply(%s)", "dm(%s)", "media(%s)",
    "inquiry(%s)", "internal(%s)", "notice(%s)", "storm(%s)", "hijack(%s)",
    "prepared(%s)", "template(%s)", "scenario(%s)",
    "comment { id = 'cx' .. math.random(1000000), on = 'p1', author = 'anna', text = 'x', expect = %s }",
    "storm { id = 'sx' .. math.random(1000000), on = 'p1', from = '+1m', to = '+9m', count = 2, texts = %s }",
    "persona { id = 'px' .. math.random(1000000), first = 'P', traits = %s }",
    "hijack { id = 'hx' .. math.random(1000000), at = '+5m', notice = 'n', posts = %s }",
};
#define N_DECLS (sizeof DECLS / sizeof DECLS[0])

static const char *const PLAIN[] = {
    "persona { id = 'a%u', first = 'A' }",
    "post { id = 'pp%u', text = 'x' }",
    "comment { id = 'cc%u', on = 'p1', author = 'anna', text = 'x' }",
    "template { id = 'tt%u', title = 'T', text = 'x' }",
    "storm { id = 'ss%u', on = 'p1', from = '+1m', to = '+9m', count = 3, texts = { 'a', 'b' } }",
    "on('item', function(i) persona { id = 'late%u', first = 'L' } end)",
};
#define N_PLAIN (sizeof PLAIN / sizeof PLAIN[0])

static void meta_table(sd_buf *b, uint8_t p, uint8_t q)
{
    sd_buf_printf(b, "setmetatable({ id = 'm%u', text = 'x', first = 'F', on = 'p1', kind = 'comment' }, "
                     "{ %s = function(t, k) %s end })",
                  (unsigned)q, EVENTS[p % N_EVENTS], BODIES[(p / N_EVENTS) % N_BODIES]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int verbose = -1;
    if (verbose < 0)
        verbose = getenv("SD_FUZZ_VERBOSE") != NULL;
    if (size > 512)
        size = 512;
    sd_buf b = SD_BUF_INIT;
    sd_buf_printf(&b, "scenario { id = 'f', title = 'F', start = '2026-03-10 09:00', duration = '1h' }\n"
                      "persona { id = 'anna', first = 'Anna' }\n"
                      "post { id = 'p1', text = 'x' }\n"
                      "comment { id = 'c1', at = '+1m', on = 'p1', author = 'anna', text = 'x' }\n");
    for (size_t i = 0; i + 2 < size; i += 3) {
        uint8_t op = data[i], p = data[i + 1], q = data[i + 2];
        sd_buf t = SD_BUF_INIT;
        meta_table(&t, p, q);
        const char *decl = DECLS[q % N_DECLS];
        switch (op % 5) {
        case 0: /* a declaration with a metatable */
            sd_buf_printf(&b, decl, sd_buf_str(&t));
            sd_buf_printf(&b, "\n");
            break;
        case 1: /* the same inside pcall: the script goes on after the refusal */
            sd_buf_printf(&b, "pcall(function() ");
            sd_buf_printf(&b, decl, sd_buf_str(&t));
            sd_buf_printf(&b, " end)\n");
            break;
        case 2: /* inside xpcall, with a handler that declares while the frame is live */
            sd_buf_printf(&b, "xpcall(function() ");
            sd_buf_printf(&b, decl, sd_buf_str(&t));
            sd_buf_printf(&b, " end, function(e) ");
            sd_buf_printf(&b, PLAIN[p % N_PLAIN], (unsigned)q);
            sd_buf_printf(&b, " end)\n");
            break;
        case 3: /* a plain declaration (ids may repeat: duplicates are refused) */
            sd_buf_printf(&b, PLAIN[p % N_PLAIN], (unsigned)(q % 8));
            sd_buf_printf(&b, "\n");
            break;
        default: /* a declaration in a metamethod of a table the script itself uses */
            sd_buf_printf(&b, "do local x = ");
            sd_buf_printf(&b, "%s; pcall(function() return #x end) end\n", sd_buf_str(&t));
            break;
        }
        sd_buf_free(&t);
    }
    if (!sd_buf_ok(&b)) {
        sd_buf_free(&b);
        return 0;
    }
    const char *path = sd_fuzz_write_file("scenario.lua", (const uint8_t *)b.data, b.len);
    sd_sandbox_limits lim;
    sd_sandbox_limits_default(&lim);
    lim.memory_bytes = 16u << 20;
    lim.instructions_per_call = 1000000;
    lim.seconds_per_call = 0.5;
    sd_load_options opt = {&lim, "fuzz_decl.lua"};
    sd_scenario *sc = NULL;
    sd_error err = SD_ERROR_INIT;
    if (sd_scenario_load(path, &opt, &sc, &err) == SD_OK) {
        sd_lint_list lint = SD_LINT_LIST_INIT;
        (void)sd_scenario_lint(sc, &lint, &err);
        sd_lint_list_free(&lint);
        sd_scenario_free(sc);
    }
    if (verbose)
        fprintf(stderr, "fuzz_decl: ---\n%s\n=> %s\n", sd_buf_str(&b), err.msg ? sd_error_msg(&err) : "ok");
    sd_error_clear(&err);
    sd_buf_free(&b);
    return 0;
}
