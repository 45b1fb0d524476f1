/* cmd_new.c - `stormdrill new NAME [PATH]`: writes a commented starter scenario NAME.lua (a
 * Swedish morning with two personas, a post, three comments, a small storm, a template and
 * a callback) that passes `stormdrill check`, never overwriting an existing file. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "util/atomic_file.h"
#include "util/buf.h"

static const char usage[] =
    "Usage: stormdrill new NAME [PATH]\n"
    "Writes a commented starter scenario NAME.lua to get a new exercise going: scenario{}\n"
    "metadata, two personas, a post, three comments with expectations, a small storm, an\n"
    "answer template and a callback, in Swedish, with comments in English that point to\n"
    "docs/scenario-api.md and docs/authoring-guide.md.\n"
    "NAME is the scenario's id: lower-case letters a-z, digits, '_' and '-'.\n"
    "PATH is a folder to write NAME.lua in (default: the current folder) or a file name\n"
    "ending in .lua. An existing file is never overwritten.\n"
    "Then: stormdrill check NAME.lua, stormdrill timeline NAME.lua.\n"
    "Exit status: 0 written, 1 the file exists or cannot be written, 2 bad usage.\n";

/* The starter, line by line; "@NAME@" becomes the scenario's id. */
static const char *const starter[] = {
    "-- @NAME@.lua - a starter scenario for Stormdrill, written by `stormdrill new @NAME@`.",
    "--",
    "-- A scenario describes an exercise: who writes what, and when, on the organisation's",
    "-- account. Lines that start with -- are comments: Stormdrill ignores them. Change the",
    "-- Swedish texts into your own exercise, one part at a time, and check after each change:",
    "--",
    "--   stormdrill check @NAME@.lua      finds mistakes, with the line and a hint",
    "--   stormdrill timeline @NAME@.lua   shows what happens when, before you run it",
    "--   stormdrill run --headless --participant scenarios/participants/diligent.lua @NAME@.lua",
    "--",
    "-- Every declaration and field is described in docs/scenario-api.md; the step-by-step",
    "-- guide is docs/authoring-guide.md.",
    "",
    "-- scenario{}: the exercise itself. It must come first. The id may only have a-z, 0-9,",
    "-- _ and -; it names the exercise in logs and results. Times like \"+10m\" below count",
    "-- from 'start'. (docs/scenario-api.md#scenario)",
    "scenario {",
    "  id = \"@NAME@\",",
    "  title = \"Vattenavstängning i Ekby centrum\",",
    "  language = \"sv\",              -- the language of the scorecard: \"sv\" or \"en\"",
    "  description = [[",
    "Du sköter Ekby kommuns konto i sociala medier en tisdagsförmiddag. Kommunen meddelar",
    "att vattnet stängs av i centrum under eftermiddagen, och invånarna har frågor.]],",
    "  aim = [[",
    "Svara snabbt och vänligt, bekräfta den som är upprörd, ge länken och håll chefen",
    "informerad när det börjar storma.]],",
    "  role = \"Redaktör för sociala medier, Ekby kommun\",",
    "  start = \"2026-03-10 09:00\",   -- a Tuesday; use a working day for an ordinary exercise",
    "  duration = \"1h30m\",           -- how much simulated time the exercise covers",
    "  compression = 6,              -- 6 simulated seconds per real second: 1h30m takes 15 minutes,",
    "                                -- a pace one person keeps up with (stormdrill check: the load)",
    "  slot = \"30m\",                 -- the workshop slot it fits, briefing and debrief included",
    "  seed = 1,                     -- the same seed gives the same storm every time",
    "  account = { name = \"Ekby kommun\", handle = \"ekbykommun\" },",
    "  -- What a crisis statement (published when the storm starts) must say: its key points.",
    "  -- (docs/scenario-api.md#what-a-good-reply-says-points-refer-channel-avoid-model)",
    "  scoring = {",
    "    statement = {",
    "      points = {",
    "        { label = \"vad som händer\", say = { \"vattnet stängs av\", \"avstängning\", \"ledning\" } },",
    "        { label = \"när\", say = { \"13\", \"16\" } },",
    "        { label = \"var man läser mer\", say = { \"läs mer\", \"webbplats\", \"example.se\" } },",
    "      },",
    "      need = 2,",
    "    },",
    "  },",
    "}",
    "",
    "-- persona{}: the people who write. The mood decides what a good answer looks like:",
    "-- frustrated and angry people are to be acknowledged first, trolls are not to be",
    "-- answered at all. Moods: calm, worried, frustrated, angry, troll.",
    "-- (docs/scenario-api.md#persona)",
    "persona { id = \"anna\", first = \"Anna\", last = \"Lindqvist\", mood = \"worried\" }",
    "persona { id = \"erik\", first = \"Erik\", last = \"Holm\", mood = \"frustrated\" }",
    "",
    "-- A web address used more than once: write it once, use the name below.",
    "local INFO = \"https://www.example.se/ekby/vatten\"",
    "",
    "-- post{}: the organisation's own post. Comments and the storm are written 'on' it.",
    "-- (docs/scenario-api.md#items)",
    "post {",
    "  id = \"p1\", at = \"+0m\",",
    "  text = \"I dag mellan 13 och 16 stänger vi av vattnet i Ekby centrum för att byta en \"",
    "      .. \"ledning. Läs mer på \" .. INFO,",
    "}",
    "",
    "-- comment{}: a comment on the post. 'expect' says what a good response is: here an",
    "-- answer within 20 minutes that carries the link, gives the key points (each met by",
    "-- any of its phrases, inflections and compounds included) and may read like the model",
    "-- answer. (docs/scenario-api.md#expect)",
    "comment {",
    "  id = \"c1\", at = \"+5m\", on = \"p1\", author = \"anna\",",
    "  text = \"Gäller det Storgatan också? Jag har en mamma på 90 år som bor där.\",",
    "  expect = {",
    "    within = \"20m\", link = INFO,",
    "    points = {",
    "      { label = \"Storgatan berörs\", say = { \"Storgatan\" } },",
    "      { label = \"vattentank\", say = { \"vattentank\", \"hämta vatten\" } },",
    "    },",
    "    -- the body only: the participant adds \"Hej <namn>!\" and the sign-off",
    "    model = \"Ja, Storgatan berörs mellan 13 och 16. Vi ställer ut en vattentank \"",
    "        .. \"på torget där du kan hämta vatten. Läs mer på \" .. INFO,",
    "  },",
    "}",
    "",
    "-- Erik is frustrated: the answer should acknowledge that first (the default for his",
    "-- mood). His criticism is justified, so deleting it would be a fault.",
    "comment {",
    "  id = \"c2\", at = \"+12m\", on = \"p1\", author = \"erik\",",
    "  text = \"Varför säger ni det här samma dag? Jag har en frisörsalong som måste stänga!\",",
    "  expect = { within = \"20m\", class = \"justified_criticism\", fault = \"delete\" },",
    "}",
    "",
    "-- An individual case (a business that needs water) is moved to case handling: the",
    "-- escalation answers the comment, and the rule move_case is trained.",
    "comment {",
    "  id = \"c3\", at = \"+20m\", on = \"p1\", author = \"erik\",",
    "  text = \"Kan någon ringa mig om ersättning? Salongen heter Klipp & Form.\",",
    "  expect = {",
    "    within = \"30m\", escalate = \"case_handling\", rules = \"move_case\",",
    "    -- where the case continues: a channel built in (e_service, contact_centre,",
    "    -- fault_report, private_message, phone, email) or your own { label, say }",
    "    channel = \"e_service\",",
    "    points = { { label = \"en handläggare hör av sig\", say = { \"handläggare\", \"hör av sig\" } } },",
    "    model = \"Hej Erik! Ansök om ersättning i vår e-tjänst, så hör en handläggare av sig \"",
    "        .. \"till dig. Vänliga hälsningar, Ekby kommun\",",
    "  },",
    "}",
    "",
    "-- storm{}: many comments over a time window, drawn at random from the texts (the",
    "-- seed makes it the same every run). Here about 20 comments, at a rising pace, each to",
    "-- be answered within 20 minutes. (docs/scenario-api.md#storm)",
    "storm {",
    "  id = \"s1\", on = \"p1\",",
    "  from = \"+30m\", to = \"+70m\",",
    "  count = 20, curve = \"ramp\",",
    "  moods = { worried = 3, frustrated = 2, troll = 1 },",
    "  texts = {",
    "    worried = {",
    "      \"Kan man dricka vattnet när det kommer tillbaka?\",",
    "      \"Hur länge blir det avstängt?\",",
    "      \"Gäller det hela centrum?\",",
    "    },",
    "    frustrated = {",
    "      \"Varför får vi veta det så sent?\",",
    "      \"Det här är tredje gången i år!\",",
    "    },",
    "    troll = { \"Kommunen kan inte ens sköta vattnet. Avgå!\" },",
    "  },",
    "  expect = {",
    "    within = \"20m\", link = INFO,",
    "    points = { { label = \"13 till 16\", say = { \"13\", \"16\" } } },",
    "    model = \"Hej! Vattnet är avstängt i dag mellan 13 och 16. Mer information finns på \" .. INFO,",
    "  },",
    "}",
    "",
    "-- template{}: an answer template the participant can insert (T in the window) and",
    "-- fill in; text in [brackets] is to be replaced. (docs/scenario-api.md, template{})",
    "template {",
    "  id = \"vatten\", title = \"Svar om vattenavstängningen\",",
    "  text = \"Hej [namn]!\\nVattnet är avstängt i dag mellan 13 och 16. [svar] \"",
    "      .. \"Mer information finns på \" .. INFO .. \"\\nVänliga hälsningar,\\n[ditt namn]\",",
    "}",
    "",
    "-- on(): a callback that reacts to what the participant does. When Anna's comment is",
    "-- answered, she thanks you (once). inject{} makes a new item appear; a thank-you",
    "-- needs no answer. (docs/scenario-api.md#callbacks)",
    "local thanked = false",
    "on(\"reply\", function(a)",
    "  if a.item == \"c1\" and not thanked then",
    "    thanked = true",
    "    inject { kind = \"reply\", on = \"c1\", author = \"anna\", at = \"+3m\",",
    "             text = \"Tack för snabbt svar!\", expect = { answer = false, class = \"thanks\" } }",
    "  end",
    "end)",
    NULL,
};

static bool valid_name(const char *s)
{
    if (*s == '\0' || strlen(s) > 64)
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            return false;
    return true;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The starter text for name into b. */
static void build(sd_buf *b, const char *name)
{
    for (size_t i = 0; starter[i]; i++) {
        const char *p = starter[i];
        const char *q;
        while ((q = strstr(p, "@NAME@")) != NULL) {
            sd_buf_append(b, p, (size_t)(q - p));
            sd_buf_puts(b, name);
            p = q + 6;
        }
        sd_buf_puts(b, p);
        sd_buf_putc(b, '\n');
    }
}

/* Writes data to path through a temporary file (util/atomic_file.h) that is linked into
 * place only if path does not exist yet: never overwrites, never leaves half a file. */
static int write_new(const char *path, const char *data, size_t len)
{
    sd_error err = SD_ERROR_INIT;
    int rc = SD_EXIT_OK;
    if (sd_write_file_new(path, data, len, &err) != SD_OK) {
        if (err.status == SD_ERR_INPUT)
            sd_term_printf(stderr, "stormdrill new: %s (choose another name, or move the file away)\n",
                    sd_error_msg(&err));
        else
            sd_term_printf(stderr, "stormdrill new: %s\n", sd_error_msg(&err));
        rc = SD_EXIT_INPUT;
    }
    sd_error_clear(&err);
    return rc;
}

int sd_cmd_new(int argc, char **argv)
{
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    if (argc < 2 || argc > 3 || argv[1][0] == '-' || (argc == 3 && argv[2][0] == '-')) {
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!valid_name(name)) {
        sd_term_printf(stderr, "stormdrill new: '%s' is not a valid scenario id: use lower-case letters "
                        "a-z, digits, '_' and '-' (at most 64), e.g. \"vatten-ekby\"\n", name);
        return SD_EXIT_USAGE;
    }
    sd_buf path = SD_BUF_INIT;
    if (argc == 3) {
        struct stat st;
        if (stat(argv[2], &st) == 0 && S_ISDIR(st.st_mode))
            sd_buf_printf(&path, "%s%s%s.lua", argv[2], ends_with(argv[2], "/") ? "" : "/", name);
        else if (ends_with(argv[2], ".lua"))
            sd_buf_puts(&path, argv[2]);
        else {
            sd_term_printf(stderr, "stormdrill new: '%s' is neither a folder nor a file name ending in "
                            ".lua\n", argv[2]);
            return SD_EXIT_USAGE;
        }
    } else {
        sd_buf_printf(&path, "%s.lua", name);
    }
    sd_buf text = SD_BUF_INIT;
    build(&text, name);
    int rc;
    if (!sd_buf_ok(&path) || !sd_buf_ok(&text)) {
        fputs("stormdrill new: out of memory\n", stderr);
        rc = SD_EXIT_INPUT;
    } else {
        rc = write_new(sd_buf_str(&path), text.data, text.len);
        if (rc == SD_EXIT_OK)
            sd_term_printf(stdout, "wrote %s\nnext: stormdrill check %s\n", sd_buf_str(&path), sd_buf_str(&path));
    }
    sd_buf_free(&path);
    sd_buf_free(&text);
    return rc;
}
