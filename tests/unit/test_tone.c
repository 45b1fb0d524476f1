/* test_tone.c - cmocka unit tests for the tone checks (engine/scoring/tone.h) and their
 * lexicons: every check with passing and failing replies in Swedish and English, names with
 * å/ä/ö, URLs, numbers, line breaks, emoji, LIX on texts counted by hand, the soft signals,
 * the score arithmetic, and loading and extending lexicons. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scoring/tone.h"
#include "scoring/tone_internal.h"
#include "util/utf8.h"

#define ASSETS SD_SOURCE_DIR "/assets"

/* ---------------------------------------------------------------- fixtures */

static int setup_lexicons(void **state)
{
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;
    if (sd_lexicons_load(ASSETS, &lx, &err) != SD_OK) {
        fprintf(stderr, "cannot load lexicons: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return -1;
    }
    *state = lx;
    return 0;
}

static int teardown_lexicons(void **state)
{
    sd_lexicons_free(*state);
    return 0;
}

/* One row: a reply, its context, and what one check must say about it. */
typedef struct row {
    const char *what;
    const char *text;
    sd_language lang;
    const char *to, *signer;
    sd_mood mood;
    bool expect_link, is_private;
    sd_tone_check check;
    bool applies, pass;
    const char *detail_has; /* a substring of the detail, or NULL */
} row;

static void run_rows(const sd_lexicons *lx, const row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        sd_tone_input in = {
            .text = r->text, .lang = r->lang, .to_first = r->to, .signer = r->signer,
            .mood = r->mood, .expect_link = r->expect_link, .is_public = !r->is_private};
        sd_tone_result res;
        sd_tone_check_reply(lx, &in, &res);
        const sd_tone_check_result *c = &res.checks[r->check];
        if (c->applies != r->applies || c->pass != r->pass ||
            (r->detail_has && strstr(c->detail, r->detail_has) == NULL))
            fail_msg("row %zu (%s), check %s: applies %d pass %d detail \"%s\"; expected "
                     "applies %d pass %d detail with \"%s\"",
                     i, r->what, sd_tone_check_id(r->check), c->applies, c->pass, c->detail,
                     r->applies, r->pass, r->detail_has ? r->detail_has : "");
        assert_true(sd_utf8_valid(c->detail, strlen(c->detail)));
    }
}

#define ROWS(lx, rows) run_rows((lx), (rows), sizeof(rows) / sizeof((rows)[0]))

/* Shorthands: a Swedish reply to Åsa signed by Bo, public, calm. */
#define SV SD_LANG_SV, "Åsa", "Bo", SD_MOOD_CALM, false, false
#define EN SD_LANG_EN, "John", "Anna", SD_MOOD_CALM, false, false
#define SV_ANGRY SD_LANG_SV, "Åsa", "Bo", SD_MOOD_ANGRY, false, false
#define EN_ANGRY SD_LANG_EN, "John", "Anna", SD_MOOD_ANGRY, false, false

#define BODY "Vi ser över det i dag."
#define SIGN "\nVänliga hälsningar, Bo"

/* ---------------------------------------------------------------- greeting */

static const row greeting_rows[] = {
    {"plain", "Hej Åsa!\n" BODY SIGN, SV, SD_TONE_GREETING, true, true, "'Hej Åsa!'"},
    {"spaces around", "   Hej Åsa!  \t\n" BODY SIGN, SV, SD_TONE_GREETING, true, true, NULL},
    {"blank lines first", "\n \n\r\nHej Åsa!\n" BODY SIGN, SV, SD_TONE_GREETING, true, true, NULL},
    {"lower case", "hej åsa!\n" BODY SIGN, SV, SD_TONE_GREETING, true, true, NULL},
    {"capitals ÅSA is Åsa", "HEJ ÅSA!\n" BODY SIGN, SV, SD_TONE_GREETING, true, true, NULL},
    {"two spaces", "Hej  Åsa !\n" BODY SIGN, SV, SD_TONE_GREETING, true, true, NULL},
    {"CRLF", "Hej Åsa!\r\n" BODY "\r\nVänliga hälsningar, Bo\r\n", SV, SD_TONE_GREETING, true,
     true, NULL},
    {"decomposed Å (A + U+030A)", "Hej A\xCC\x8A" "sa!\n" BODY SIGN, SV, SD_TONE_GREETING,
     true, true, NULL},
    {"Asa is not Åsa", "Hej Asa!\n" BODY SIGN, SV, SD_TONE_GREETING, true, false,
     "hälsar på 'Asa', väntade 'Åsa'"},
    {"Ola is not Åsa", "Hej Ola!\n" BODY SIGN, SV, SD_TONE_GREETING, true, false, "hälsar på 'Ola'"},
    {"longer name", "Hej Åsalind!\n" BODY SIGN, SV, SD_TONE_GREETING, true, false, "Åsalind"},
    {"Hejsan", "Hejsan Åsa!\n" BODY SIGN, SV, SD_TONE_GREETING, true, false,
     "börjar inte med 'Hej'"},
    {"comma", "Hej Åsa,\n" BODY SIGN, SV, SD_TONE_GREETING, true, false, "slutar inte med '!'"},
    {"no mark", "Hej Åsa\n" BODY SIGN, SV, SD_TONE_GREETING, true, false, "slutar inte med '!'"},
    /* issue 12: "!!" after the name is a matter for courteous, not a missing greeting */
    {"two marks", "Hej Åsa!!\n" BODY SIGN, SV, SD_TONE_GREETING, true, true, "'Hej Åsa!!'"},
    /* issue 12: text after the greeting on the same line is fine */
    {"text on the same line", "Hej Åsa! " BODY SIGN, SV, SD_TONE_GREETING, true, true,
     "'Hej Åsa!'"},
    {"comma after Hej", "Hej, Åsa! " BODY SIGN, SV, SD_TONE_GREETING, true, true, NULL},
    {"mention first", "@Åsa Hej Åsa! " BODY SIGN, SV, SD_TONE_GREETING, true, true, NULL},
    {"mention with surname", "@Åsa Lind Hej Åsa!\n" BODY SIGN, SV, SD_TONE_GREETING, true,
     true, NULL},
    {"mention on its own line", "@åsa.lind\nHej Åsa!\n" BODY SIGN, SV, SD_TONE_GREETING,
     true, true, NULL},
    {"no name", "Hej!\n" BODY SIGN, SV, SD_TONE_GREETING, true, false, "inget namn"},
    {"no greeting", BODY SIGN, SV, SD_TONE_GREETING, true, false, "väntade 'Hej Åsa!'"},
    {"blank reply", " \n\t\n", SV, SD_TONE_GREETING, true, false, "tomt"},
    {"no name given", "Hej!\n" BODY SIGN, SD_LANG_SV, NULL, "Bo", SD_MOOD_CALM, false, false,
     SD_TONE_GREETING, false, true, "gäller inte"},
    {"empty name given", "Hej!\n" BODY SIGN, SD_LANG_SV, "", "Bo", SD_MOOD_CALM, false, false,
     SD_TONE_GREETING, false, true, "gäller inte"},
    {"hyphenated name", "Hej Anna-Karin!\n" BODY SIGN, SD_LANG_SV, "Anna-Karin", "Bo",
     SD_MOOD_CALM, false, false, SD_TONE_GREETING, true, true, NULL},
    {"Örjan", "Hej örjan!\n" BODY SIGN, SD_LANG_SV, "Örjan", "Bo", SD_MOOD_CALM, false, false,
     SD_TONE_GREETING, true, true, NULL},
    {"Orjan is not Örjan", "Hej Orjan!\n" BODY SIGN, SD_LANG_SV, "Örjan", "Bo", SD_MOOD_CALM,
     false, false, SD_TONE_GREETING, true, false, "hälsar på 'Orjan'"},
    {"Zoë (Latin-1)", "Hej ZOË!\n" BODY SIGN, SD_LANG_SV, "Zoë", "Bo", SD_MOOD_CALM, false,
     false, SD_TONE_GREETING, true, true, NULL},
    {"Łukasz (Latin Extended-A)", "Hej łukasz!\n" BODY SIGN, SD_LANG_SV, "Łukasz", "Bo",
     SD_MOOD_CALM, false, false, SD_TONE_GREETING, true, true, NULL},
    {"en Hi", "Hi John!\nWe are on it.\nKind regards, Anna", EN, SD_TONE_GREETING, true, true,
     NULL},
    {"en Hello", "Hello john!\nWe are on it.\nKind regards, Anna", EN, SD_TONE_GREETING, true,
     true, NULL},
    {"en Hej", "Hej John!\nWe are on it.\nKind regards, Anna", EN, SD_TONE_GREETING, true,
     false, "'Hi' or 'Hello'"},
    {"en Dear", "Dear John,\nWe are on it.\nKind regards, Anna", EN, SD_TONE_GREETING, true,
     false, NULL},
    {"sv Hi", "Hi Åsa!\n" BODY SIGN, SV, SD_TONE_GREETING, true, false, NULL},
};

static void test_greeting(void **state) { ROWS(*state, greeting_rows); }

/* ---------------------------------------------------------------- signoff */

#define GREET "Hej Åsa!\n" BODY "\n"

static const row signoff_rows[] = {
    {"comma", GREET "Vänliga hälsningar, Bo", SV, SD_TONE_SIGNOFF, true, true,
     "'Vänliga hälsningar, Bo'"},
    {"comma and line break", GREET "Vänliga hälsningar,\nBo", SV, SD_TONE_SIGNOFF, true, true,
     NULL},
    {"line break", GREET "Vänliga hälsningar\nBo", SV, SD_TONE_SIGNOFF, true, true, NULL},
    {"blank line between", GREET "Vänliga hälsningar\n\nBo", SV, SD_TONE_SIGNOFF, true, true,
     NULL},
    {"space", GREET "Vänliga hälsningar Bo", SV, SD_TONE_SIGNOFF, true, true, NULL},
    {"slash", GREET "Vänliga hälsningar/Bo", SV, SD_TONE_SIGNOFF, true, true, NULL},
    {"space and slash", GREET "Vänliga hälsningar / Bo", SV, SD_TONE_SIGNOFF, true, true, NULL},
    {"period and trailing space", GREET "Vänliga hälsningar, Bo.  \n\n", SV, SD_TONE_SIGNOFF,
     true, true, NULL},
    {"CRLF", "Hej Åsa!\r\n" BODY "\r\nVänliga hälsningar,\r\nBo\r\n", SV, SD_TONE_SIGNOFF, true,
     true, NULL},
    {"case", GREET "VÄNLIGA HÄLSNINGAR, BO", SV, SD_TONE_SIGNOFF, true, true, NULL},
    {"Med vänliga hälsningar", GREET "Med vänliga hälsningar, Bo", SV, SD_TONE_SIGNOFF, true,
     true, NULL},
    {"same line as the body", "Hej Åsa!\n" BODY " Vänliga hälsningar, Bo", SV, SD_TONE_SIGNOFF,
     true, true, NULL},
    {"Mvh", GREET "Mvh Bo", SV, SD_TONE_SIGNOFF, true, false, "förkortningen 'Mvh Bo'"},
    {"MVH", GREET "MVH\nBo", SV, SD_TONE_SIGNOFF, true, false, "förkortningen"},
    {"Mvh/", GREET "Mvh/Bo", SV, SD_TONE_SIGNOFF, true, false, "förkortningen"},
    {"Hälsningar", GREET "Hälsningar, Bo", SV, SD_TONE_SIGNOFF, true, false,
     "är inte 'Vänliga hälsningar'"},
    {"no name", GREET "Vänliga hälsningar", SV, SD_TONE_SIGNOFF, true, false, "inget namn"},
    {"no name, period", GREET "Vänliga hälsningar.", SV, SD_TONE_SIGNOFF, true, false,
     "inget namn"},
    {"wrong name", GREET "Vänliga hälsningar, Eva", SV, SD_TONE_SIGNOFF, true, false,
     "har namnet 'Eva', väntade 'Bo'"},
    {"full name", GREET "Vänliga hälsningar, Bo Ek", SV, SD_TONE_SIGNOFF, true, false,
     "text efter avslutningen: 'Ek'"},
    {"text after", GREET "Vänliga hälsningar, Bo\nPS. Ring oss gärna.", SV, SD_TONE_SIGNOFF,
     true, false, "text efter avslutningen"},
    {"emoji after", GREET "Vänliga hälsningar, Bo 😊", SV, SD_TONE_SIGNOFF, true, false,
     "text efter avslutningen: '😊'"},
    {"dash", GREET "Vänliga hälsningar-Bo", SV, SD_TONE_SIGNOFF, true, false,
     "komma, mellanslag, snedstreck eller radbrytning"},
    {"nothing", GREET, SV, SD_TONE_SIGNOFF, true, false, "ingen avslutning"},
    {"Åsa signs", GREET "Vänliga hälsningar, ÅSA", SD_LANG_SV, "Eva", "Åsa", SD_MOOD_CALM,
     false, false, SD_TONE_SIGNOFF, true, true, NULL},
    {"Asa is not Åsa", GREET "Vänliga hälsningar, Asa", SD_LANG_SV, "Eva", "Åsa", SD_MOOD_CALM,
     false, false, SD_TONE_SIGNOFF, true, false, "har namnet 'Asa', väntade 'Åsa'"},
    {"no signer: any name", GREET "Vänliga hälsningar, Bo", SD_LANG_SV, "Åsa", NULL,
     SD_MOOD_CALM, false, false, SD_TONE_SIGNOFF, true, true, NULL},
    {"no signer: no name", GREET "Vänliga hälsningar", SD_LANG_SV, "Åsa", NULL, SD_MOOD_CALM,
     false, false, SD_TONE_SIGNOFF, true, false, "inget namn"},
    {"en Kind regards", "Hi John!\nWe are on it.\nKind regards, Anna", EN, SD_TONE_SIGNOFF,
     true, true, NULL},
    {"en Best regards", "Hi John!\nWe are on it.\nBest regards\nAnna", EN, SD_TONE_SIGNOFF,
     true, true, NULL},
    {"en Regards", "Hi John!\nWe are on it.\nRegards, Anna", EN, SD_TONE_SIGNOFF, true, false,
     "is not 'Kind regards' or 'Best regards'"},
    {"en BR", "Hi John!\nWe are on it.\nBR Anna", EN, SD_TONE_SIGNOFF, true, false,
     "abbreviated"},
    {"en Best of luck is body", "Hi John!\nWe are on it.\nBest of luck!\nKind regards, Anna",
     EN, SD_TONE_SIGNOFF, true, true, NULL},
    {"en Swedish sign-off", "Hi John!\nWe are on it.\nVänliga hälsningar, Anna", EN,
     SD_TONE_SIGNOFF, true, false, NULL},
};

static void test_signoff(void **state) { ROWS(*state, signoff_rows); }

/* ---------------------------------------------------------------- acknowledge */

static const row acknowledge_rows[] = {
    {"first sentence", "Hej Åsa!\nJag förstår att du är arg. Vi lagar det i dag." SIGN,
     SV_ANGRY, SD_TONE_ACKNOWLEDGE, true, true, "'Jag förstår' i första meningen"},
    {"frustrated", "Hej Åsa!\nTråkigt att höra! Vi lagar det i dag." SIGN, SD_LANG_SV, "Åsa",
     "Bo", SD_MOOD_FRUSTRATED, false, false, SD_TONE_ACKNOWLEDGE, true, true, NULL},
    {"capitals", "Hej Åsa!\nVI BEKLAGAR verkligen. Vi lagar det." SIGN, SV_ANGRY,
     SD_TONE_ACKNOWLEDGE, true, true, NULL},
    {"over a line break", "Hej Åsa!\nTack för att du\nhör av dig. Vi lagar det." SIGN,
     SV_ANGRY, SD_TONE_ACKNOWLEDGE, true, true, NULL},
    {"only later", "Hej Åsa!\nVi lagar det i dag. Jag förstår att du är arg." SIGN, SV_ANGRY,
     SD_TONE_ACKNOWLEDGE, true, false, "först senare ('Jag förstår' i mening 2)"},
    {"none", "Hej Åsa!\nVi lagar det i dag." SIGN, SV_ANGRY, SD_TONE_ACKNOWLEDGE, true, false,
     "ingen bekräftelse"},
    {"greeting on the same line", "Hej Åsa! Jag förstår din oro. Vi lagar det." SIGN,
     SV_ANGRY, SD_TONE_ACKNOWLEDGE, true, true, NULL},
    {"no greeting", "Vi beklagar strulet. Vi lagar det." SIGN, SV_ANGRY, SD_TONE_ACKNOWLEDGE,
     true, true, NULL},
    {"inside a longer word", "Hej Åsa!\nFörlåtelse är svårt. Vi lagar det." SIGN, SV_ANGRY,
     SD_TONE_ACKNOWLEDGE, true, false, NULL},
    {"in the greeting only", "Hej jag förstår!\nVi lagar det." SIGN, SV_ANGRY,
     SD_TONE_ACKNOWLEDGE, true, false, NULL},
    {"calm", "Hej Åsa!\nVi lagar det." SIGN, SV, SD_TONE_ACKNOWLEDGE, false, true,
     "gäller inte (stämning: lugn)"},
    {"worried", "Hej Åsa!\nVi lagar det." SIGN, SD_LANG_SV, "Åsa", "Bo", SD_MOOD_WORRIED, false,
     false, SD_TONE_ACKNOWLEDGE, false, true, "orolig"},
    {"troll", "Hej Åsa!\nVi lagar det." SIGN, SD_LANG_SV, "Åsa", "Bo", SD_MOOD_TROLL, false,
     false, SD_TONE_ACKNOWLEDGE, false, true, "troll"},
    {"en", "Hi John!\nI'm sorry to hear about the delay. We are on it.\nKind regards, Anna",
     EN_ANGRY, SD_TONE_ACKNOWLEDGE, true, true, NULL},
    {"en curly apostrophe", "Hi John!\nI’m sorry about the delay.\nKind regards, Anna",
     EN_ANGRY, SD_TONE_ACKNOWLEDGE, true, true, NULL},
    {"en prefix phrase", "Hi John!\nWe apologise for the delay.\nKind regards, Anna", EN_ANGRY,
     SD_TONE_ACKNOWLEDGE, true, true, NULL},
    {"en later", "Hi John!\nThe bus is late. I understand that is annoying.\nKind regards, Anna",
     EN_ANGRY, SD_TONE_ACKNOWLEDGE, true, false, "only later"},
    {"en Swedish phrase", "Hi John!\nJag förstår.\nKind regards, Anna", EN_ANGRY,
     SD_TONE_ACKNOWLEDGE, true, false, "'I understand'"},
};

static void test_acknowledge(void **state) { ROWS(*state, acknowledge_rows); }

/* ---------------------------------------------------------------- link */

#define LINK_SV SD_LANG_SV, "Åsa", "Bo", SD_MOOD_CALM, true, false

static const row link_rows[] = {
    {"https", "Hej Åsa!\nLäs mer på https://stockholm.se/vatten." SIGN, LINK_SV, SD_TONE_LINK,
     true, true, "'https://stockholm.se/vatten'"},
    {"http", "Hej Åsa!\nSe http://example.se" SIGN, LINK_SV, SD_TONE_LINK, true, true, NULL},
    {"www", "Hej Åsa!\nSe www.stockholm.se!" SIGN, LINK_SV, SD_TONE_LINK, true, true,
     "'www.stockholm.se'"},
    {"WWW capitals", "Hej Åsa!\nSe WWW.STOCKHOLM.SE" SIGN, LINK_SV, SD_TONE_LINK, true, true,
     NULL},
    {"in parentheses", "Hej Åsa!\nLäs mer (https://stockholm.se)." SIGN, LINK_SV, SD_TONE_LINK,
     true, true, "'https://stockholm.se'"},
    {"no link", "Hej Åsa!\nVi lagar det." SIGN, LINK_SV, SD_TONE_LINK, true, false, "ingen länk"},
    {"bare domain", "Hej Åsa!\nSe stockholm.se" SIGN, LINK_SV, SD_TONE_LINK, true, false, NULL},
    {"scheme only", "Hej Åsa!\nSe https:// nu" SIGN, LINK_SV, SD_TONE_LINK, true, false, NULL},
    {"www. alone", "Hej Åsa!\nSe www. nu" SIGN, LINK_SV, SD_TONE_LINK, true, false, NULL},
    {"not expected", "Hej Åsa!\nVi lagar det." SIGN, SV, SD_TONE_LINK, false, true,
     "gäller inte"},
};

static void test_link(void **state) { ROWS(*state, link_rows); }

/* ---------------------------------------------------------------- courteous */

static const row courteous_rows[] = {
    {"plain", "Hej Åsa!\nVi lagar det i dag." SIGN, SV, SD_TONE_COURTEOUS, true, true, NULL},
    {"three words in capitals", "Hej Åsa!\nDET HÄR ÄR fel." SIGN, SV, SD_TONE_COURTEOUS, true,
     false, "skrik i versaler 'DET HÄR ÄR'"},
    {"one-letter word does not break a run", "Hej Åsa!\nVI ÄR I CHOCK." SIGN, SV,
     SD_TONE_COURTEOUS, true, false, "skrik i versaler 'VI ÄR I CHOCK'"},
    {"run across a sentence end", "Hej Åsa!\nNEJ. DET STÄMMER inte." SIGN, SV,
     SD_TONE_COURTEOUS, true, false, "versaler"},
    {"acronyms apart", "Hej Åsa!\nVi på SMHI och MSB vet mer." SIGN, SV, SD_TONE_COURTEOUS,
     true, true, NULL},
    {"two words in capitals", "Hej Åsa!\nDet är MYCKET VIKTIGT att veta." SIGN, SV,
     SD_TONE_COURTEOUS, true, true, NULL},
    {"most letters in capitals", "VIKTIGT info: VATTNET är OTJÄNLIGT idag", SV,
     SD_TONE_COURTEOUS, true, false, "23 av 33 bokstäver är versaler"},
    {"few letters in capitals", "OK, TACK", SV, SD_TONE_COURTEOUS, true, true, NULL},
    {"!!", "Hej Åsa!\nVi lagar det!!" SIGN, SV, SD_TONE_COURTEOUS, true, false, "'!!'"},
    {"!!!", "Hej Åsa!\nVi lagar det!!!" SIGN, SV, SD_TONE_COURTEOUS, true, false, "'!!!'"},
    {"?!", "Hej Åsa!\nVarför det?!" SIGN, SV, SD_TONE_COURTEOUS, true, true, NULL},
    {"som sagt", "Hej Åsa!\nSom sagt är det stängt." SIGN, SV, SD_TONE_COURTEOUS, true, false,
     "otrevligt eller nedlåtande uttryck 'Som sagt'"},
    {"läs på", "Hej Åsa!\nLäs på om reglerna." SIGN, SV, SD_TONE_COURTEOUS, true, false,
     "'Läs på'"},
    {"läs på inside a word", "Hej Åsa!\nLäs påståendet igen." SIGN, SV, SD_TONE_COURTEOUS, true,
     true, NULL},
    {"over a line break", "Hej Åsa!\nLugna\nner dig." SIGN, SV, SD_TONE_COURTEOUS, true, false,
     "'Lugna ner dig'"},
    {"prefix phrase", "Hej Åsa!\nSluta med lögnerna." SIGN, SV, SD_TONE_COURTEOUS, true, false,
     "'lögnerna'"},
    {"everything at once", "Hej Åsa!\nDU HAR FEL!! Skärp dig." SIGN, SV, SD_TONE_COURTEOUS,
     true, false, "skrik i versaler 'DU HAR FEL'; '!!'; otrevligt eller nedlåtande uttryck 'DU HAR FEL'"},
    {"en", "Hi John!\nCalm down, we are on it.\nKind regards, Anna", EN, SD_TONE_COURTEOUS,
     true, false, "'Calm down'"},
    {"en curly apostrophe", "Hi John!\nYou’re wrong.\nKind regards, Anna", EN,
     SD_TONE_COURTEOUS, true, false, "'You’re wrong'"},
    {"en polite", "Hi John!\nWe are on it.\nKind regards, Anna", EN, SD_TONE_COURTEOUS, true,
     true, NULL},
    {"emoji", "Hej Åsa!\nVi lagar det 😊👍" SIGN, SV, SD_TONE_COURTEOUS, true, true, NULL},
};

static void test_courteous(void **state) { ROWS(*state, courteous_rows); }

/* ---------------------------------------------------------------- private_data */

#define PRIV(t) "Hej Åsa!\n" t SIGN

static const row private_rows[] = {
    {"none", PRIV("Vi lagar det."), SV, SD_TONE_PRIVATE_DATA, true, true, NULL},
    {"YYYYMMDD-NNNN", PRIV("Gäller 19900101-2385?"), SV, SD_TONE_PRIVATE_DATA, true, false,
     "personnummer '19900101-****'"},
    {"YYMMDD-NNNN", PRIV("Gäller 900101-2385?"), SV, SD_TONE_PRIVATE_DATA, true, false,
     "'900101-****'"},
    {"YYYYMMDDNNNN", PRIV("Gäller 199001012385?"), SV, SD_TONE_PRIVATE_DATA, true, false,
     "'19900101****'"},
    {"YYMMDDNNNN", PRIV("Gäller 9001012385?"), SV, SD_TONE_PRIVATE_DATA, true, false, NULL},
    {"plus separator", PRIV("Gäller 900101+9802?"), SV, SD_TONE_PRIVATE_DATA, true, false, NULL},
    {"coordination number", PRIV("Gäller 800166-2397?"), SV, SD_TONE_PRIVATE_DATA, true, false,
     NULL},
    {"at the very end", "Hej Åsa!\nGäller 900101-2385", SV, SD_TONE_PRIVATE_DATA, true, false,
     NULL},
    {"mobile with separators", PRIV("Ring 070-174 06 05."), SV, SD_TONE_PRIVATE_DATA, true,
     true, NULL},
    {"mobile without separators", PRIV("Ring 0701740605."), SV, SD_TONE_PRIVATE_DATA, true,
     true, NULL},
    {"mobile, country code", PRIV("Ring +46701740605."), SV, SD_TONE_PRIVATE_DATA, true, true,
     NULL},
    {"switchboard", PRIV("Ring 08-465 004 00."), SV, SD_TONE_PRIVATE_DATA, true, true, NULL},
    {"longer run of digits", PRIV("Ärende 1990010123851."), SV, SD_TONE_PRIVATE_DATA, true,
     true, NULL},
    {"five after the dash", PRIV("Ärende 900101-23851."), SV, SD_TONE_PRIVATE_DATA, true, true,
     NULL},
    {"digit before", PRIV("Ärende 9900101-2385."), SV, SD_TONE_PRIVATE_DATA, true, true, NULL},
    {"month 13", PRIV("Ärende 901301-2385."), SV, SD_TONE_PRIVATE_DATA, true, true, NULL},
    {"century 21", PRIV("Ärende 219001012385."), SV, SD_TONE_PRIVATE_DATA, true, true, NULL},
    {"date and time", PRIV("Mötet 2024-05-06 kl. 14.30."), SV, SD_TONE_PRIVATE_DATA, true,
     true, NULL},
    {"asks for it", PRIV("Skriv ditt personnummer här."), SV, SD_TONE_PRIVATE_DATA, true, false,
     "ber om personuppgifter offentligt: 'Skriv ditt personnummer'"},
    {"asks in capitals", PRIV("Vad är DIN ADRESS?"), SV, SD_TONE_PRIVATE_DATA, true, false,
     "'DIN ADRESS'"},
    {"negated", PRIV("Skriv inte ditt personnummer här, ring oss."), SV, SD_TONE_PRIVATE_DATA,
     true, true, NULL},
    {"negated further back", PRIV("Lämna aldrig ut ditt personnummer här."), SV,
     SD_TONE_PRIVATE_DATA, true, true, NULL},
    {"private reply", PRIV("Gäller 19900101-2385? Vad är ditt telefonnummer?"), SD_LANG_SV,
     "Åsa", "Bo", SD_MOOD_CALM, false, true, SD_TONE_PRIVATE_DATA, false, true,
     "gäller inte"},
    {"en asks", "Hi John!\nWhat is your address?\nKind regards, Anna", EN, SD_TONE_PRIVATE_DATA,
     true, false, "'your address'"},
    {"en n't", "Hi John!\nPlease don't post your address here.\nKind regards, Anna", EN,
     SD_TONE_PRIVATE_DATA, true, true, NULL},
    {"en number", "Hi John!\nIs it 19900101-2385?\nKind regards, Anna", EN, SD_TONE_PRIVATE_DATA,
     true, false, NULL},
    {"in a URL", PRIV("Se https://x.se/19900101-2385 nu."), SV, SD_TONE_PRIVATE_DATA, true, true,
     NULL},
};

static void test_private_data(void **state) { ROWS(*state, private_rows); }

/* ---------------------------------------------------------------- concise and LIX */

/* Builds "Hej Åsa!\n" + n words ("ord ord ... ord.") + sign-off into b. */
static void reply_of_words(char *b, size_t cap, int n)
{
    size_t len = (size_t)snprintf(b, cap, "Hej Åsa!\n");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(b + len, cap - len, i + 1 < n ? "ord " : "ord.");
    snprintf(b + len, cap - len, "\nVänliga hälsningar, Bo");
}

static void test_concise(void **state)
{
    static char text[4096];
    struct {
        int words, max_words;
        bool pass;
    } cases[] = {{100, 0, true}, {101, 0, false}, {1, 0, true}, {10, 10, true},
                 {11, 10, false}, {150, 200, true}, {100, -5, true}, {101, -5, false}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        reply_of_words(text, sizeof text, cases[i].words);
        sd_tone_input in = {.text = text, .to_first = "Åsa", .signer = "Bo",
                            .max_words = cases[i].max_words, .is_public = true};
        sd_tone_result res;
        sd_tone_check_reply(*state, &in, &res);
        assert_int_equal(res.words, cases[i].words); /* greeting and sign-off not counted */
        assert_true(res.checks[SD_TONE_CONCISE].applies);
        if (res.checks[SD_TONE_CONCISE].pass != cases[i].pass)
            fail_msg("case %zu: %s", i, res.checks[SD_TONE_CONCISE].detail);
    }
    /* Where the body starts and ends. */
    struct {
        const char *text;
        int words;
    } bodies[] = {
        {"Hej Åsa!\nVi lagar det.\nMvh Bo", 3},
        {"Hej Åsa!\nVi lagar det.\n/Bo", 3},
        {"Hej Åsa!\nVi lagar det.\nBo", 3},
        {"Hej Åsa! Vi lagar det. Vänliga hälsningar, Bo", 3},
        {"Hej Åsa,\r\nVi lagar det.\r\nVänliga hälsningar,\r\nBo\r\nStadsbyggnadskontoret\r\n", 3},
        {"Vi lagar det.", 3},
        {"Hej!\nVi lagar det.", 3},
        {"Hejsan Åsa och Bo!\n\nVi lagar det.\n\nHälsningar från oss på kontoret", 3},
        {"Hej Åsa\nVi lagar det.", 3},
        {"Vi lagar det. Best of luck!\nKind regards, Anna", 6},
    };
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        sd_tone_input bin = {.text = bodies[i].text, .to_first = "Åsa", .signer = "Bo",
                             .is_public = true};
        sd_tone_result bres;
        sd_tone_check_reply(*state, &bin, &bres);
        if (bres.words != bodies[i].words)
            fail_msg("body %zu: %d words, expected %d", i, bres.words, bodies[i].words);
    }

    /* Greeting, sign-off, URL, digits and emoji are not words of the body. */
    sd_tone_input in = {.text = "Hej Åsa!\nRing 112 eller se https://x.se/a-b-c 😊 nu.\n"
                                "Vänliga hälsningar, Bo",
                        .to_first = "Åsa", .signer = "Bo", .is_public = true};
    sd_tone_result res;
    sd_tone_check_reply(*state, &in, &res);
    assert_int_equal(res.words, 4); /* Ring eller se nu */
    assert_non_null(strstr(res.checks[SD_TONE_CONCISE].detail, "4 ord"));
}

static void test_lix_known(void **state)
{
    (void)state;
    struct {
        const char *text;
        int words, sentences, long_words;
        double lix;
    } cases[] = {
        /* 10 words, 2 sentences, long (> 6 letters): vattnet -> 10/2 + 100*1/10 = 15 */
        {"Vi testar vattnet varje dag. Det är säkert att dricka.", 10, 2, 1, 15.0},
        /* 5 words, all long, 1 sentence -> 5/1 + 100*5/5 = 105 */
        {"Kommunfullmäktiges handlingsprogram förutsätter omfattande samordning.", 5, 1, 5,
         105.0},
        /* no mark: the last sentence counts -> 3/1 + 0 = 3 */
        {"Hej hej hej", 3, 1, 0, 3.0},
        /* the URL is no word and its trailing '.' ends the sentence -> 4/2 = 2 */
        {"Läs mer på https://www.stockholm.se/trafik-och-parkering. Tack!", 4, 2, 0, 2.0},
        /* '.' between digits ends nothing; "kl." does -> 5/2 = 2.5 */
        {"Bussen går kl. 14.30 i dag.", 5, 2, 0, 2.5},
        /* digits are not letters -> 2/1 */
        {"Ring 112 nu", 2, 1, 0, 2.0},
        /* emoji are not letters -> 3/1 */
        {"Tack 😊 för frågan 👍", 3, 1, 0, 3.0},
        /* don't is two runs of letters; runs of marks end one sentence -> 3/2 */
        {"Don't go!!! Why?!", 4, 2, 0, 2.0},
        /* a run of marks with no word before it is no sentence -> 1/1 */
        {"... Ja.", 1, 1, 0, 1.0},
        /* å ä ö are letters: Åtgärdsprogrammet 17 letters, långa 5 -> 2/1 + 100*1/2 = 52 */
        {"Åtgärdsprogrammet långa", 2, 1, 1, 52.0},
        /* 7 letters is long, 6 is not: 2/1 + 100*1/2 = 52 */
        {"abcdefg abcdef", 2, 1, 1, 52.0},
        /* Cyrillic letters: Привет 6, мир 3 -> 2/1 */
        {"Привет мир.", 2, 1, 0, 2.0},
        /* decomposed ä (a + U+0308) stays one word of 7 letters: 1/1 + 100 */
        {"ta\xCC\x88ngnin.", 1, 1, 1, 101.0},
        /* line breaks are not sentence ends: 6 words, 1 sentence -> 6 */
        {"Vi lagar\r\nvägen nu\nsnart klart", 6, 1, 0, 6.0},
        {"", 0, 0, 0, 0.0},
        {"!!! ?", 0, 0, 0, 0.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int w = -1, s = -1, l = -1;
        double lix = sd_lix(cases[i].text, &w, &s, &l);
        if (w != cases[i].words || s != cases[i].sentences || l != cases[i].long_words ||
            fabs(lix - cases[i].lix) > 1e-9)
            fail_msg("case %zu '%s': %d words, %d sentences, %d long, LIX %g", i, cases[i].text,
                     w, s, l, lix);
    }
    assert_true(sd_lix(NULL, NULL, NULL, NULL) == 0.0);
    /* The guideline's own sentence: "Alla svar ska vara formulerade vårdat, enkelt och
     * begripligt." 9 words, 1 sentence, long: formulerade, begripligt -> 9 + 200/9 */
    double lix = sd_lix("Alla svar ska vara formulerade vårdat, enkelt och begripligt.", NULL,
                        NULL, NULL);
    assert_true(fabs(lix - (9.0 + 200.0 / 9.0)) < 1e-9);
}

static void test_plain_language(void **state)
{
    /* 15 words, 1 sentence, 10 long: 15 + 1000/15 = 81.67 */
    const char *hard = "Hej Åsa!\nKommunfullmäktiges handlingsprogram förutsätter omfattande "
                       "samordning mellan förvaltningarna samt kontinuerlig uppföljning av "
                       "verksamheten i hela kommunen.\nVänliga hälsningar, Bo";
    const char *easy = "Hej Åsa!\nVi testar vattnet varje dag. Det är säkert att dricka.\n"
                       "Vänliga hälsningar, Bo";
    struct {
        const char *text;
        double max_lix;
        bool pass;
        double lix;
    } cases[] = {{hard, 0, false, 15 + 1000.0 / 15}, {hard, 200, true, 15 + 1000.0 / 15},
                 {easy, 0, true, 15.0}, {easy, 15, true, 15.0}, {easy, 14.9, false, 15.0},
                 {easy, NAN, true, 15.0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_tone_input in = {.text = cases[i].text, .to_first = "Åsa", .signer = "Bo",
                            .max_lix = cases[i].max_lix, .is_public = true};
        sd_tone_result res;
        sd_tone_check_reply(*state, &in, &res);
        assert_true(fabs(res.lix - cases[i].lix) < 1e-9);
        if (res.checks[SD_TONE_PLAIN_LANGUAGE].pass != cases[i].pass)
            fail_msg("case %zu: %s", i, res.checks[SD_TONE_PLAIN_LANGUAGE].detail);
    }
    /* Under 10 words LIX is not used: a short body fails only when at least four words and
     * more than two thirds of them are long (or on jargon). */
    struct {
        const char *body;
        bool pass;
        const char *detail_has;
    } shorts[] = {
        {"Välkommen tillbaka!", true, "kort brödtext"},          /* LIX 101 */
        {"Tack, vi återkommer imorgon eftermiddag.", true, NULL}, /* 3 long of 5 */
        {"Parkeringstillståndet förnyas automatiskt.", true, NULL}, /* 3 long of 3 */
        {"Kommunfullmäktiges handlingsprogram förutsätter omfattande samordning.", false,
         "5 av 5 ord är långa"},
        {"Ärendet handläggs.", false, "krångligt ord 'handläggs'"},
        {"Beslutet fattades av KS i går.", false, "oförklarad förkortning 'KS'"},
        {"Kommunstyrelsen (KS) beslutade i går.", true, NULL},
        {"KS (kommunstyrelsen) beslutade i går.", true, NULL},
        {"Kommunstyrelsen (KS) beslutade i går, och KS ses igen i maj.", true, NULL},
        {"Beslutet fattades av ks i går.", true, NULL},           /* not in capitals */
    };
    for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "Hej Åsa!\n%s\nVänliga hälsningar, Bo", shorts[i].body);
        sd_tone_input in = {.text = text, .to_first = "Åsa", .signer = "Bo", .is_public = true};
        sd_tone_result res;
        sd_tone_check_reply(*state, &in, &res);
        const sd_tone_check_result *c = &res.checks[SD_TONE_PLAIN_LANGUAGE];
        if (c->pass != shorts[i].pass ||
            (shorts[i].detail_has && strstr(c->detail, shorts[i].detail_has) == NULL))
            fail_msg("short %zu '%s': pass %d, %s", i, shorts[i].body, c->pass, c->detail);
    }
    /* An empty body has LIX 0 and passes. */
    sd_tone_input in = {.text = "Hej Åsa!\nVänliga hälsningar, Bo", .to_first = "Åsa",
                        .signer = "Bo", .is_public = true};
    sd_tone_result res;
    sd_tone_check_reply(*state, &in, &res);
    assert_int_equal(res.words, 0);
    assert_true(res.lix == 0.0);
    assert_true(res.checks[SD_TONE_PLAIN_LANGUAGE].pass);
}

/* ---------------------------------------------------------------- signals */

static void test_signals(void **state)
{
    struct {
        const char *text;
        sd_language lang;
        bool personal, template_unedited;
    } cases[] = {
        {"Hej Åsa!\nJag förstår att du är orolig." SIGN, SD_LANG_SV, true, false},
        {"Hej Åsa!\nVi hjälper dig gärna." SIGN, SD_LANG_SV, true, false},
        {"Hej Åsa!\nVi har öppet i dag." SIGN, SD_LANG_SV, false, false},
        {"Hej Åsa!\nDu kan ringa växeln." SIGN, SD_LANG_SV, false, false},
        {"Hej Åsa!\nVÄLKOMMEN, DU OCH JAG." SIGN, SD_LANG_SV, true, false},
        {"Hej Åsa!\nDubbelt upp, jagat." SIGN, SD_LANG_SV, false, false},
        {"Hi John!\nI think you are right.\nKind regards, Anna", SD_LANG_EN, true, false},
        {"Hi John!\nThe bus is late.\nKind regards, Anna", SD_LANG_EN, false, false},
        {"Hi John!\nJag hjälper dig.\nKind regards, Anna", SD_LANG_EN, false, false},
        {"Hej [namn]!\nVi ser över det." SIGN, SD_LANG_SV, false, true},
        {"Hej {name}!\nVi ser över det." SIGN, SD_LANG_SV, false, true},
        {"Hej <förnamn>!\nVi ser över det." SIGN, SD_LANG_SV, false, true},
        {"Hej NAMN!\nVi ser över det." SIGN, SD_LANG_SV, false, true},
        {"Hej FÖRNAMN!\nVi ser över det." SIGN, SD_LANG_SV, false, true},
        {"Hej Åsa!\nBussen går kl. XXX i dag." SIGN, SD_LANG_SV, false, true},
        {"Hi John!\nWe will fix it for you.\nKind regards, NAME", SD_LANG_EN, true, true},
        {"Hej Åsa!\nPris: 3 < 5 > 2 och [ ] tomt." SIGN, SD_LANG_SV, false, false},
        {"Hej Åsa!\nNamn och Xxx är vanliga ord." SIGN, SD_LANG_SV, false, false},
        {"Hej Åsa!\nSe https://x.se/[id]/NAMN nu." SIGN, SD_LANG_SV, false, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_tone_input in = {.text = cases[i].text, .lang = cases[i].lang, .to_first = "Åsa",
                            .signer = "Bo", .is_public = true};
        sd_tone_result res;
        sd_tone_check_reply(*state, &in, &res);
        if (res.signals[SD_SIGNAL_PERSONAL] != cases[i].personal ||
            res.signals[SD_SIGNAL_TEMPLATE_UNEDITED] != cases[i].template_unedited)
            fail_msg("case %zu '%s': personal %d template_unedited %d", i, cases[i].text,
                     res.signals[SD_SIGNAL_PERSONAL], res.signals[SD_SIGNAL_TEMPLATE_UNEDITED]);
    }
    /* Signals never change the score. */
    sd_tone_input a = {.text = "Hej Åsa!\nVi ser över det." SIGN, .to_first = "Åsa",
                       .signer = "Bo", .is_public = true};
    sd_tone_input b = a;
    b.text = "Hej Åsa!\nVi ser över [det]." SIGN;
    sd_tone_result ra, rb;
    sd_tone_check_reply(*state, &a, &ra);
    sd_tone_check_reply(*state, &b, &rb);
    assert_true(rb.signals[SD_SIGNAL_TEMPLATE_UNEDITED]);
    assert_true(ra.score == rb.score);
}

/* ---------------------------------------------------------------- score */

static void test_weights_and_ids(void **state)
{
    (void)state;
    const char *ids[SD_TONE_CHECK_COUNT] = {
        "greeting", "signoff", "acknowledge", "link", "concise", "plain_language", "courteous",
        "private_data", "answers", "refer", "channel", "avoid", "spelling", "name"};
    const double weights[SD_TONE_CHECK_COUNT] = {1, 1, 1.5, 1, 1, 1, 2, 2, 4, 2, 2, 2, 1.5, 2};
    for (int c = 0; c < SD_TONE_CHECK_COUNT; c++) {
        assert_string_equal(sd_tone_check_id((sd_tone_check)c), ids[c]);
        assert_true(sd_tone_check_weight((sd_tone_check)c) == weights[c]);
    }
    assert_string_equal(sd_tone_check_id(SD_TONE_CHECK_COUNT), "?");
    assert_true(sd_tone_check_weight(SD_TONE_CHECK_COUNT) == 0.0);
    assert_string_equal(sd_tone_signal_id(SD_SIGNAL_PERSONAL), "personal");
    assert_string_equal(sd_tone_signal_id(SD_SIGNAL_TEMPLATE_UNEDITED), "template_unedited");
    assert_string_equal(sd_tone_signal_id(SD_SIGNAL_COUNT), "?");
}

static void test_score(void **state)
{
    struct {
        const char *text;
        sd_mood mood;
        bool link, is_private;
        double score;
    } cases[] = {
        /* Every body below is spelt right: spelling (1.5) applies and passes in all of them.
         * All applicable pass: 100. */
        {"Hej Åsa!\nVi lagar det." SIGN, SD_MOOD_CALM, false, false, 100.0},
        /* calm, public: greeting 1 signoff 1 concise 1 plain 1 courteous 2 private 2 name 2
         * = 10; the greeting fails ("Asa" is Åsa misspelt: name passes): 9/10 */
        {"Hej Asa!\nVi lagar det." SIGN, SD_MOOD_CALM, false, false, 100 * 10.5 / 11.5},
        /* ... and the sign-off too: 8/10 */
        {"Hej Asa!\nVi lagar det.\nMvh Bo", SD_MOOD_CALM, false, false, 100 * 9.5 / 11.5},
        /* the wrong person: greeting and name fail: 7/10 */
        {"Hej Maria!\nVi lagar det." SIGN, SD_MOOD_CALM, false, false, 100 * 8.5 / 11.5},
        /* no name in the greeting: name does not apply: 8, greeting fails: 7/8 */
        {"Hej!\nVi lagar det." SIGN, SD_MOOD_CALM, false, false, 100 * 8.5 / 9.5},
        /* angry, link expected: 10 + 1.5 + 1 = 12.5; acknowledge and link fail: 10/12.5 */
        {"Hej Åsa!\nVi lagar det." SIGN, SD_MOOD_ANGRY, true, false, 100 * 11.5 / 14},
        /* private reply: private_data does not apply: 8; courteous fails (!!): 6/8 */
        {"Hej Åsa!\nVi lagar det!! 900101-2385" SIGN, SD_MOOD_CALM, false, true, 100 * 7.5 / 9.5},
        /* the same in public: 10; courteous and private_data fail: 6/10 */
        {"Hej Åsa!\nVi lagar det!! 900101-2385" SIGN, SD_MOOD_CALM, false, false, 100 * 7.5 / 11.5},
        /* everything that applies fails but concise, plain_language and name:
         * angry + link: 12.5, passed 4 */
        {"Hej Asa!\nDU HAR FEL!! Ge mig ditt personnummer.\nMvh", SD_MOOD_ANGRY, true, false,
         100 * 5.5 / 14},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_tone_input in = {.text = cases[i].text, .to_first = "Åsa", .signer = "Bo",
                            .mood = cases[i].mood, .expect_link = cases[i].link,
                            .is_public = !cases[i].is_private};
        sd_tone_result res;
        sd_tone_check_reply(*state, &in, &res);
        if (fabs(res.score - cases[i].score) > 1e-9)
            fail_msg("case %zu: score %.17g, expected %.17g", i, res.score, cases[i].score);
        /* The score is the weighted share of applicable checks that passed. */
        double total = 0, passed = 0;
        for (int c = 0; c < SD_TONE_CHECK_COUNT; c++)
            if (res.checks[c].applies) {
                total += sd_tone_check_weight((sd_tone_check)c);
                passed += res.checks[c].pass ? sd_tone_check_weight((sd_tone_check)c) : 0;
            }
        assert_true(fabs(res.score - 100.0 * passed / total) < 1e-9);
    }
}

/* ---------------------------------------------------------------- robustness */

static void test_robustness(void **state)
{
    /* Invalid UTF-8, NUL-free: checked, details valid UTF-8, deterministic. */
    const char *texts[] = {
        "Hej \xC3\x85sa!\n\xFF\xFE Vi lagar det \xE2\x82.\nV\xC3\xA4nliga h\xC3\xA4lsningar, Bo",
        "\xCC\x8A\xCC\x8A Hej",
        "Hej A\xCC",
        "\r\r\n\n\r",
        "",
        "!!!!!!!!",
        "[[[[{{{{<<<<",
        "12345678901234567890-1234 800101-",
        "https://",
        "Hej Åsa!\nVänliga hälsningar",
        "Mvh",
        "Vänliga hälsningar, Bo",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        for (int mood = 0; mood < SD_MOOD_COUNT; mood++) {
            sd_tone_input in = {.text = texts[i], .to_first = "Åsa", .signer = "Bo",
                                .mood = (sd_mood)mood, .expect_link = true, .is_public = true};
            sd_tone_result r1, r2;
            sd_tone_check_reply(*state, &in, &r1);
            sd_tone_check_reply(*state, &in, &r2);
            assert_memory_equal(&r1, &r2, sizeof r1);
            for (int c = 0; c < SD_TONE_CHECK_COUNT; c++)
                assert_true(sd_utf8_valid(r1.checks[c].detail, strlen(r1.checks[c].detail)));
            assert_true(r1.score >= 0 && r1.score <= 100);
        }
    }
    /* NULL text and out-of-range language and mood are taken as "", sv and not angry. */
    sd_tone_input in = {.text = NULL, .lang = (sd_language)7, .mood = (sd_mood)9};
    sd_tone_result res;
    sd_tone_check_reply(NULL, &in, &res);
    assert_int_equal(res.words, 0);
    assert_false(res.checks[SD_TONE_ACKNOWLEDGE].applies);

    /* A very long name: the detail is cut visibly and stays valid UTF-8. */
    char name[600];
    size_t n = 0;
    while (n + 2 < sizeof name) {
        memcpy(name + n, "Å", 2);
        n += 2;
    }
    name[n] = '\0';
    in = (sd_tone_input){.text = "Hej Bo!\nText." SIGN, .to_first = name, .signer = name,
                         .is_public = true};
    sd_tone_check_reply(*state, &in, &res);
    for (int c = 0; c < SD_TONE_CHECK_COUNT; c++) {
        const char *d = res.checks[c].detail;
        assert_true(strlen(d) < sizeof res.checks[c].detail);
        assert_true(sd_utf8_valid(d, strlen(d)));
    }
    assert_non_null(strstr(res.checks[SD_TONE_GREETING].detail, "…"));
    assert_false(res.checks[SD_TONE_GREETING].pass);

    /* A detail of many parts (four, with five-digit counts) still fits, whole. */
    static char big[40000];
    size_t bn = (size_t)snprintf(big, sizeof big, "Hej Åsa!\n");
    for (int i = 0; i < 2000; i++)
        bn += (size_t)snprintf(big + bn, sizeof big - bn, "ÅÄÖÅÄÖ ");
    snprintf(big + bn, sizeof big - bn,
             "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! "
             "IDIOTFÖRKLARINGARNAÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ" SIGN);
    in = (sd_tone_input){.text = big, .to_first = "Åsa", .signer = "Bo", .is_public = true};
    sd_tone_check_reply(*state, &in, &res);
    const char *d = res.checks[SD_TONE_COURTEOUS].detail;
    assert_false(res.checks[SD_TONE_COURTEOUS].pass);
    assert_true(strlen(d) < sizeof res.checks[SD_TONE_COURTEOUS].detail);
    assert_true(sd_utf8_valid(d, strlen(d)));
    assert_non_null(strstr(d, "skrik i versaler"));
    assert_non_null(strstr(d, "12044 av 12065 bokstäver är versaler"));
    if (strstr(d, "uttryck 'IDIOTFÖRKLARINGARNA") == NULL)
        fail_msg("detail: %s", d);
    assert_true(d[strlen(d) - 1] == '\'');

    /* Without lexicons, the lexicon checks use no phrases. */
    in = (sd_tone_input){.text = "Hej Åsa!\nSom sagt, skriv ditt personnummer." SIGN,
                         .to_first = "Åsa", .signer = "Bo", .mood = SD_MOOD_ANGRY,
                         .is_public = true};
    sd_tone_check_reply(NULL, &in, &res);
    assert_true(res.checks[SD_TONE_COURTEOUS].pass);
    assert_true(res.checks[SD_TONE_PRIVATE_DATA].pass);
    assert_false(res.checks[SD_TONE_ACKNOWLEDGE].pass);
}

/* ---------------------------------------------------------------- name */

#define NAME_ROW(what, text, to, check_pass, detail) \
    {what, text, SD_LANG_SV, to, "Bo", SD_MOOD_CALM, false, false, SD_TONE_NAME, true, check_pass, detail}

static const row name_rows[] = {
    NAME_ROW("the person", "Hej Anna!\n" BODY SIGN, "Anna", true, "hälsar på 'Anna'"),
    NAME_ROW("someone else", "Hej Maria!\n" BODY SIGN, "Anna", false,
             "hälsar på 'Maria', men svaret går till 'Anna'"),
    NAME_ROW("misspelt", "Hej Asa!\n" BODY SIGN, "Åsa", true, "'Asa' är 'Åsa' felstavat"),
    NAME_ROW("part of a double name", "Hej Anna!\n" BODY SIGN, "Anna-Karin", true,
             "del av namnet 'Anna-Karin'"),
    NAME_ROW("a group", "Hej alla!\n" BODY SIGN, "Anna", true, "'alla'"),
    NAME_ROW("past igen", "Hej igen Maria!\n" BODY SIGN, "Anna", false, "'Maria'"),
    {"no name in the greeting", "Hej!\n" BODY SIGN, SV, SD_TONE_NAME, false, true,
     "gäller inte (hälsningen har inget namn)"},
    {"no greeting", BODY SIGN, SV, SD_TONE_NAME, false, true, "gäller inte"},
    {"no name known", "Hej Maria!\n" BODY SIGN, SD_LANG_SV, NULL, "Bo", SD_MOOD_CALM, false,
     false, SD_TONE_NAME, false, true, "gäller inte (inget namn att hälsa med)"},
    {"en", "Hi Sarah!\nWe are on it.\nKind regards, Anna", EN, SD_TONE_NAME, true, false,
     "greets 'Sarah', but the reply is to 'John'"},
};

static void test_name(void **state)
{
    ROWS(*state, name_rows);
    /* A lower-case word is taken for a name when it is one of the exercise's people. */
    const char *names[] = {"Anna", "Maria"};
    sd_tone_input in = {.text = "hej maria!\n" BODY SIGN, .to_first = "Anna", .signer = "Bo",
                        .is_public = true, .names = names, .n_names = 2};
    sd_tone_result res;
    sd_tone_check_reply(*state, &in, &res);
    assert_false(res.checks[SD_TONE_NAME].pass);
    assert_non_null(strstr(res.checks[SD_TONE_NAME].detail, "en annan person i övningen"));
    in.n_names = 0;
    sd_tone_check_reply(*state, &in, &res);
    assert_true(res.checks[SD_TONE_NAME].pass);
    assert_true(sd_tone_check_serious(SD_TONE_NAME));
}

/* ---------------------------------------------------------------- details */

/* The conversions of a format (%s, %d), in order; false on any other. */
static bool conversions(const char *f, char *out, size_t cap)
{
    size_t n = 0;
    for (; *f; f++) {
        if (*f != '%')
            continue;
        f++;
        if (*f == '%')
            continue;
        if ((*f != 's' && *f != 'd') || n + 1 >= cap)
            return false;
        out[n++] = *f;
    }
    out[n] = '\0';
    return true;
}

static void test_detail_languages(void **state)
{
    /* Every message has a Swedish and an English format with the same conversions. */
    for (int m = 0; m < SD_TM_COUNT; m++) {
        const char *sv = sd_tt_msg_format((sd_tt_msg)m, SD_LANG_SV);
        const char *en = sd_tt_msg_format((sd_tt_msg)m, SD_LANG_EN);
        char a[16], b[16];
        if (sv[0] == '\0' || en[0] == '\0' || !conversions(sv, a, sizeof a) ||
            !conversions(en, b, sizeof b) || strcmp(a, b) != 0)
            fail_msg("message %d: '%s' / '%s'", m, sv, en);
    }
    /* A Swedish scorecard shows no English: bad Swedish replies of every kind, every check. */
    const char *bad[] = {
        "Hej Maria!!\nDU HAR FEL!! Skriv ditt personnummer 19900101-2385. Ditt ärende är under "
        "handläggning hos KS.\nMvh Bo",
        "Hejsan!\nJag förstår att du är arg, men så är reglerna. Läs på innan du skriver ;)",
        "Jaha, vad tråkigt för dig.\nHälsningar",
        "Hej Åsa,\nKommunfullmäktiges handlingsprogram förutsätter samordning.\nVänliga "
        "hälsningar",
        "Hej Åsa\nVi lagar det. Jag förstår att det är jobbigt.\nVänliga hälsningar, Eva",
        "Hej Åsa!\nJag förstår inte.\nVänliga hälsningar-Bo",
        "",
    };
    const char *english[] = {"the ", "not ", "expected", "words", "shouting", "capitals",
                             "sign-off", "first line", "sentence", "link (", "greets",
                             "discourteous", "personal", "asks", "applicable", "mood",
                             "irony", "officialese", "abbreviat", "body", NULL};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        for (int mood = 0; mood < SD_MOOD_COUNT; mood++) {
            sd_tone_input in = {.text = bad[i], .lang = SD_LANG_SV, .to_first = "Åsa",
                                .signer = "Bo", .mood = (sd_mood)mood, .expect_link = mood % 2,
                                .is_public = mood != 1};
            sd_tone_result res;
            sd_tone_check_reply(*state, &in, &res);
            for (int c = 0; c < SD_TONE_CHECK_COUNT; c++)
                for (const char *const *e = english; *e; e++)
                    if (strstr(res.checks[c].detail, *e))
                        fail_msg("reply %zu, %s: English '%s' in '%s'", i,
                                 sd_tone_check_id((sd_tone_check)c), *e, res.checks[c].detail);
        }
    }
    /* Decimal comma in Swedish, point in English. */
    const char *t = "Hej Åsa!\nVi testar vattnet varje dag och proverna visar att det är "
                    "säkert att dricka.\nVänliga hälsningar, Bo";
    sd_tone_input in = {.text = t, .to_first = "Åsa", .signer = "Bo", .is_public = true,
                        .max_lix = 40.5};
    sd_tone_result res;
    sd_tone_check_reply(*state, &in, &res);
    assert_non_null(strstr(res.checks[SD_TONE_PLAIN_LANGUAGE].detail, "högst 40,5"));
    in.lang = SD_LANG_EN;
    sd_tone_check_reply(*state, &in, &res);
    assert_non_null(strstr(res.checks[SD_TONE_PLAIN_LANGUAGE].detail, "at most 40.5"));
}

/* ---------------------------------------------------------------- every shipped phrase */

/* Each phrase of the shipped lists, written into a reply, is found by the scan (through the
 * first-word filter and the window), and the same phrase inside a longer word is not. */
static void test_every_phrase(void **state)
{
    const sd_lexicons *lx = *state;
    struct {
        int list;
        sd_tone_check check;
        bool hit_passes;   /* the check passes when the phrase is there */
        sd_mood mood;
    } lists[] = {
        {SD_LX_ACKNOWLEDGE, SD_TONE_ACKNOWLEDGE, true, SD_MOOD_ANGRY},
        {SD_LX_DISCOURTEOUS, SD_TONE_COURTEOUS, false, SD_MOOD_CALM},
        {SD_LX_PRIVATE_REQUEST, SD_TONE_PRIVATE_DATA, false, SD_MOOD_CALM},
        {SD_LX_JARGON, SD_TONE_PLAIN_LANGUAGE, false, SD_MOOD_CALM},
    };
    static char text[512];
    int checked = 0;
    for (int l = 0; l < SD_LANG_COUNT; l++) {
        const char *greet = l == SD_LANG_EN ? "Hi John!" : "Hej Åsa!";
        const char *sign = l == SD_LANG_EN ? "Kind regards, Anna" : "Vänliga hälsningar, Bo";
        for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
            const sd_lx_list *list = &lx->lists[l][lists[k].list];
            for (size_t i = 0; i < list->n; i++) {
                const sd_tt_phrase *p = &list->v[i];
                /* (a glued multi-word phrase could still hit on a later word) */
                int variants = strchr(p->text, ' ') ? 1 : 2;
                for (int variant = 0; variant < variants; variant++) {
                    /* 0: the phrase as a word ("xx" after a prefix phrase), 1: glued to a
                     * longer word (found only when it is a prefix phrase) */
                    snprintf(text, sizeof text, "%s\n%s%s ok.\n%s", greet, p->text,
                             variant == 0 ? (p->prefix ? "xx" : "") : "zq", sign);
                    sd_tone_input in = {.text = text, .lang = (sd_language)l,
                                        .to_first = l == SD_LANG_EN ? "John" : "Åsa",
                                        .signer = l == SD_LANG_EN ? "Anna" : "Bo",
                                        .mood = lists[k].mood, .is_public = true};
                    sd_tone_result res;
                    sd_tone_check_reply(lx, &in, &res);
                    bool found = res.checks[lists[k].check].pass == lists[k].hit_passes;
                    /* what the plain matcher finds where the phrase was written */
                    size_t at = strlen(greet) + 1, e;
                    uint32_t c0;
                    sd_tt_next(text, strlen(text), at, &c0);
                    bool want = sd_lx_match_at(list, text, strlen(text), at, sd_tt_fold(c0),
                                               &e) != NULL;
                    if (variant == 0 && !want)
                        fail_msg("'%s' is not found by the plain matcher either", p->text);
                    if (found != want)
                        fail_msg("%s %d '%s' variant %d: %s %s", l ? "en" : "sv", lists[k].list,
                                 p->text, variant, sd_tone_check_id(lists[k].check),
                                 res.checks[lists[k].check].detail);
                    checked++;
                }
            }
        }
    }
    assert_true(checked > 500);
}

/* The window matcher finds what the plain matcher finds, at every word start. */
static void test_window_matcher(void **state)
{
    const sd_lexicons *lx = *state;
    const char *texts[] = {
        "Jag förstår att du är arg, men så är reglerna. Det låter frustrerande! Vi ber om "
        "ursäkt. Tack för att du hör av dig. Lögnerna om beklagligt idiotiska lögnare.",
        "Skriv ditt personnummer och din adress här; vad bor du? Ditt tel.nr tack.",
        "I'm sorry, we apologise. You’re wrong; read up. Your phone number, your address.",
        "Det är inte okej. Så ska det inte vara. ÄRENDET ÄR UNDER BEREDNING i KS och TN.",
        "a", "", "det", "det är", "tack för att du", "x y z å ä ö",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        const char *s = texts[t];
        size_t len = strlen(s);
        for (size_t pos = 0; pos < len; pos++) {
            uint32_t c;
            sd_tt_next(s, len, pos, &c);
            if (!sd_tt_is_word(c) || sd_tt_is_word(sd_tt_prev(s, pos)))
                continue;
            for (int l = 0; l < SD_LANG_COUNT; l++)
                for (int k = 0; k < SD_LX_COUNT; k++) {
                    const sd_lx_list *list = &lx->lists[l][k];
                    size_t e1 = 0, e2 = 0;
                    const sd_tt_phrase *a = sd_lx_match_at(list, s, len, pos, sd_tt_fold(c), &e1);
                    sd_tt_window w;
                    sd_tt_window_init(&w, s, len, pos);
                    const sd_tt_phrase *b = sd_tt_window_match(list, &w, sd_tt_fold(c), &e2);
                    if (a != b || (a && e1 != e2))
                        fail_msg("text %zu pos %zu list %d/%d: '%s' %zu vs '%s' %zu", t, pos, l,
                                 k, a ? a->text : "-", e1, b ? b->text : "-", e2);
                }
        }
    }
}

/* ---------------------------------------------------------------- lexicons */

static void test_lexicons_shipped(void **state)
{
    const sd_lexicons *lx = *state;
    /* The issue asks for at least 25 acknowledging and 25 discourteous phrases. */
    for (int l = 0; l < SD_LANG_COUNT; l++) {
        assert_true(lx->lists[l][SD_LX_ACKNOWLEDGE].n >= 25);
        assert_true(lx->lists[l][SD_LX_DISCOURTEOUS].n >= 25);
        assert_true(lx->lists[l][SD_LX_PRIVATE_REQUEST].n >= 10);
    }
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Makes dir/lexicons/{sv,en}/ with the three lists; sv/acknowledge.txt is ack_sv. */
static void make_assets(const char *dir, const char *ack_sv)
{
    char p[512];
    snprintf(p, sizeof p, "%s/lexicons", dir);
    mkdir(dir, 0700);
    mkdir(p, 0700);
    const char *langs[] = {"sv", "en"}, *lists[] = {"acknowledge", "discourteous",
                                                    "private_request", "jargon", "retract"};
    for (int l = 0; l < 2; l++) {
        snprintf(p, sizeof p, "%s/lexicons/%s", dir, langs[l]);
        mkdir(p, 0700);
        for (int k = 0; k < 5; k++) {
            snprintf(p, sizeof p, "%s/lexicons/%s/%s.txt", dir, langs[l], lists[k]);
            write_file(p, l == 0 && k == 0 ? ack_sv : "# empty\n");
        }
    }
}

static void remove_assets(const char *dir)
{
    char p[512];
    const char *langs[] = {"sv", "en"}, *lists[] = {"acknowledge", "discourteous",
                                                    "private_request", "jargon", "retract"};
    for (int l = 0; l < 2; l++) {
        for (int k = 0; k < 5; k++) {
            snprintf(p, sizeof p, "%s/lexicons/%s/%s.txt", dir, langs[l], lists[k]);
            remove(p);
        }
        snprintf(p, sizeof p, "%s/lexicons/%s", dir, langs[l]);
        rmdir(p);
    }
    snprintf(p, sizeof p, "%s/lexicons", dir);
    rmdir(p);
    rmdir(dir);
}

static bool acknowledges(const sd_lexicons *lx, const char *sentence)
{
    char text[256];
    snprintf(text, sizeof text, "Hej Åsa!\n%s\nVänliga hälsningar, Bo", sentence);
    sd_tone_input in = {.text = text, .to_first = "Åsa", .signer = "Bo",
                        .mood = SD_MOOD_ANGRY, .is_public = true};
    sd_tone_result res;
    sd_tone_check_reply(lx, &in, &res);
    return res.checks[SD_TONE_ACKNOWLEDGE].pass;
}

static void test_lexicon_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/sd_test_tone_XXXXXX";
    assert_non_null(mkdtemp(dir));
    rmdir(dir);
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;

    /* Comments, blank lines, CRLF, a byte order mark, spaces, duplicates, a prefix. */
    make_assets(dir, "\xEF\xBB\xBF# a comment\r\n\r\n  Jag   FÖRSTÅR  # trailing comment\r\n"
                     "jag förstår\nbeklag*\n\tÅH NEJ\n");
    assert_int_equal(sd_lexicons_load(dir, &lx, &err), SD_OK);
    assert_int_equal(lx->lists[SD_LANG_SV][SD_LX_ACKNOWLEDGE].n, 3);
    assert_true(acknowledges(lx, "Jag förstår."));
    assert_true(acknowledges(lx, "JAG\nförstår."));
    assert_true(acknowledges(lx, "Vi beklagar."));      /* beklag* */
    assert_true(acknowledges(lx, "Åh nej, vad synd.")); /* Å folded */
    assert_false(acknowledges(lx, "Ah nej."));          /* Å is not A */
    assert_false(acknowledges(lx, "Jag förstårde."));   /* not inside a word */
    assert_false(acknowledges(lx, "Tråkigt att höra.")); /* not in this lexicon */

    /* Adding a scenario's own phrase. */
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_SV, "acknowledge", "tråkigt att", &err), SD_OK);
    assert_true(acknowledges(lx, "Tråkigt att höra."));
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_SV, "acknowledge", "Tråkigt att ", &err), SD_OK);
    assert_int_equal(lx->lists[SD_LANG_SV][SD_LX_ACKNOWLEDGE].n, 4); /* a duplicate */
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_SV, "kind", "x", &err), SD_ERR_USAGE);
    assert_non_null(strstr(sd_error_msg(&err), "unknown lexicon 'kind'"));
    assert_int_equal(sd_lexicons_add(lx, (sd_language)5, "acknowledge", "x", &err), SD_ERR_USAGE);
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_SV, "acknowledge", "   ", &err), SD_ERR_INPUT);
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_SV, "acknowledge", "a*b", &err), SD_ERR_INPUT);
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_SV, "acknowledge", "!!", &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "letter or digit"));
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_SV, "acknowledge", "\xFF", &err), SD_ERR_INPUT);
    char longp[300];
    memset(longp, 'a', sizeof longp - 1);
    longp[sizeof longp - 1] = '\0';
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_SV, "acknowledge", longp, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "longer than"));
    assert_int_equal(sd_lexicons_add(lx, SD_LANG_EN, "discourteous", "meh", &err), SD_OK);
    sd_lexicons_free(lx);
    lx = NULL;
    remove_assets(dir);

    /* A bad line is named by file and line. */
    make_assets(dir, "jag förstår\n\n# ok\nbad * star\n");
    assert_int_equal(sd_lexicons_load(dir, &lx, &err), SD_ERR_INPUT);
    assert_null(lx);
    assert_non_null(strstr(sd_error_msg(&err), "sv/acknowledge.txt:4:"));
    remove_assets(dir);
    make_assets(dir, "ok\n\xC3(\n");
    assert_int_equal(sd_lexicons_load(dir, &lx, &err), SD_ERR_INPUT);
    assert_non_null(strstr(sd_error_msg(&err), "acknowledge.txt:2: not valid UTF-8"));
    remove_assets(dir);

    /* A missing folder is named. */
    assert_int_equal(sd_lexicons_load("/nonexistent/assets", &lx, &err), SD_ERR_IO);
    assert_null(lx);
    assert_non_null(strstr(sd_error_msg(&err), "/nonexistent/assets/lexicons/sv/acknowledge.txt"));
    sd_error_clear(&err);
    sd_lexicons_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_greeting),
        cmocka_unit_test(test_signoff),
        cmocka_unit_test(test_acknowledge),
        cmocka_unit_test(test_link),
        cmocka_unit_test(test_courteous),
        cmocka_unit_test(test_private_data),
        cmocka_unit_test(test_concise),
        cmocka_unit_test(test_lix_known),
        cmocka_unit_test(test_plain_language),
        cmocka_unit_test(test_signals),
        cmocka_unit_test(test_weights_and_ids),
        cmocka_unit_test(test_score),
        cmocka_unit_test(test_robustness),
        cmocka_unit_test(test_name),
        cmocka_unit_test(test_detail_languages),
        cmocka_unit_test(test_every_phrase),
        cmocka_unit_test(test_window_matcher),
        cmocka_unit_test(test_lexicons_shipped),
        cmocka_unit_test(test_lexicon_files),
    };
    return cmocka_run_group_tests(tests, setup_lexicons, teardown_lexicons);
}
