/* spell_bench.c - benchmark of the spelling check (scoring/spell.h): realistic Swedish and
 * English replies (greeting, acknowledgement, facts with compounds, numbers, a link, a
 * sign-off; some with typos or gibberish) checked with Hunspell and Debian's dictionaries.
 * Usage: spell_bench [REPLIES]   (default 100000; dictionaries from
 * $STORMDRILL_HUNSPELL_DIR or /usr/share/hunspell)
 * Output: the time to load each dictionary, then ns per reply cold (a new speller with an
 * empty memo, each distinct reply checked once) and warm (REPLIES replies, the memo full of
 * their words), and the words and misses seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scoring/spell.h"
#include "util/buf.h"

#define DISTINCT 400

static const char *const sv_names[] = {"Åsa", "Örjan", "Ali", "Märta", "Johan", "Élise"};
static const char *const sv_open[] = {
    "Jag förstår att du är orolig för sophämtningen.",
    "Tråkigt att höra att bussen inte kom i morse.",
    "Tack för att du hör av dig om öppettiderna.",
    "Vi beklagar att det blev fel med din ansökan om bygglov.",
    "Vi förstår att det är frustrerande när soptunnan inte töms.",
};
static const char *const sv_facts[] = {
    "Sophämtningen i ditt område flyttas till onsdag nästa vecka.",
    "Biblioteket öppnar igen på torsdag efter renoveringen.",
    "Kommunfullmäktige fattade beslutet om avgifterna i mars.",
    "Du kan göra en felanmälan i vår e-tjänst eller ringa kontaktcenter på 031-390 06 00.",
    "Återvinningscentralen håller öppet till klockan 19 på vardagar.",
    "Stadsbyggnadsförvaltningen handlägger ärenden om bygglov och strandskydd.",
    "Vi har informerat alla hushåll i området med ett brev, bl.a. om de nya tiderna.",
    "Frågor om vägen vid skolan besvaras av Trafikverket, eftersom det är en statlig väg.",
    "Arbetet med vattenledningarna beräknas vara klart i slutet av april.",
    "Förskolan håller öppet som vanligt hela veckan, även under lovet.",
    "Om du vill kan du skicka ett privat meddelande till oss så hjälper vi dig vidare.",
    "Vi följer läget noga och uppdaterar informationen på webbplatsen när något ändras.",
};
/* typos and gibberish put into some replies */
static const char *const sv_bad[] = {"sophämtnigen", "bibloteket", "blorf", "asdfgh",
                                     "kommunfullmäktge", "onsdga"};
static const char *const sv_links[] = {"Läs mer på https://goteborg.se/sopor.",
                                       "Mer information finns på www.goteborg.se.", ""};

static const char *const en_open[] = {
    "I understand that you are worried about the waste collection.",
    "Sorry to hear that the bus did not come this morning.",
    "Thank you for getting in touch about the opening hours.",
};
static const char *const en_facts[] = {
    "The collection in your area moves to Wednesday next week.",
    "The library reopens on Thursday after the renovation.",
    "The city council took the decision on the fees in March.",
    "You can report the fault in our e-service or call the contact centre on 031-390 06 00.",
    "The recycling centre is open until 7 pm on weekdays.",
    "Questions about the road by the school are for the Transport Administration.",
};
static const char *const en_bad[] = {"collction", "libary", "blorf", "tomorow"};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Reply i of a language: greeting, opening, three to five facts (every seventh reply with a
 * typo, every nineteenth with gibberish), maybe a link, the sign-off. */
static void make_reply(sd_buf *b, sd_language lang, int i)
{
    unsigned r = (unsigned)i * 2654435761u;
    if (lang == SD_LANG_SV) {
        sd_buf_printf(b, "Hej %s!\n\n%s", sv_names[i % 6], sv_open[(r >> 3) % 5]);
        int nf = 3 + (int)((r >> 7) % 3);
        for (int k = 0; k < nf; k++)
            sd_buf_printf(b, " %s", sv_facts[(i + k * 5 + (int)(r >> 11)) % 12]);
        if (i % 7 == 3)
            sd_buf_printf(b, " Vi ber om ursäkt för %s.", sv_bad[(r >> 13) % 2 ? 0 : 1]);
        if (i % 19 == 5)
            sd_buf_printf(b, " %s %s.", sv_bad[2 + (r >> 5) % 4], sv_bad[2 + (r >> 9) % 4]);
        const char *l = sv_links[(r >> 17) % 3];
        if (l[0])
            sd_buf_printf(b, " %s", l);
        sd_buf_printf(b, "\n\nVänliga hälsningar,\nLinnéa");
    } else {
        sd_buf_printf(b, "Hi Anna!\n\n%s", en_open[(r >> 3) % 3]);
        int nf = 3 + (int)((r >> 7) % 3);
        for (int k = 0; k < nf; k++)
            sd_buf_printf(b, " %s", en_facts[(i + k * 5 + (int)(r >> 11)) % 6]);
        if (i % 7 == 3)
            sd_buf_printf(b, " We apologise for the %s.", en_bad[(r >> 13) % 4]);
        sd_buf_printf(b, " Read more at https://goteborg.se/en.\n\nKind regards,\nSara");
    }
}

static int run(sd_language lang, long n, sd_spell_extra *extra)
{
    const char *lname = lang == SD_LANG_SV ? "sv" : "en";
    sd_buf texts[DISTINCT];
    size_t total_bytes = 0;
    for (int i = 0; i < DISTINCT; i++) {
        texts[i] = (sd_buf)SD_BUF_INIT;
        make_reply(&texts[i], lang, i);
        if (!sd_buf_ok(&texts[i])) {
            fprintf(stderr, "spell_bench: out of memory\n");
            return 1;
        }
        total_bytes += texts[i].len;
    }
    sd_error err = SD_ERROR_INIT;
    sd_speller *sp = NULL;
    double t0 = now();
    if (sd_speller_open(NULL, &sp, &err) != SD_OK) {
        fprintf(stderr, "spell_bench: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return 1;
    }
    double t1 = now();
    sd_spell_check(sp, lang, "hej", 3, NULL, NULL, 0, NULL); /* loads the dictionary */
    double t2 = now();
    printf("%s: open %.1f ms, dictionary loaded on first use in %.1f ms\n", lname,
           (t1 - t0) * 1e3, (t2 - t1) * 1e3);

    /* cold: the memo is empty, each distinct reply once */
    size_t words = 0, misses = 0;
    double c0 = now();
    for (int i = 0; i < DISTINCT; i++) {
        size_t checked;
        misses += sd_spell_check(sp, lang, texts[i].data, texts[i].len, extra, NULL, 0, &checked);
        words += checked;
    }
    double c1 = now();
    printf("%s cold: %d distinct replies (%.0f bytes, %.1f words checked on average), "
           "%.0f ns/reply, %zu misspelt words\n",
           lname, DISTINCT, (double)total_bytes / DISTINCT, (double)words / DISTINCT,
           (c1 - c0) * 1e9 / DISTINCT, misses);

    /* warm: n replies */
    misses = 0;
    double w0 = now();
    for (long i = 0; i < n; i++)
        misses += sd_spell_check(sp, lang, texts[i % DISTINCT].data, texts[i % DISTINCT].len,
                                 extra, NULL, 0, NULL);
    double w1 = now();
    printf("%s warm: %ld replies in %.3f s, %.0f ns/reply (%.1f ns/byte), %zu misspelt words\n",
           lname, n, w1 - w0, (w1 - w0) * 1e9 / (double)n,
           (w1 - w0) * 1e9 / ((double)n * (double)total_bytes / DISTINCT), misses);
    sd_speller_free(sp);
    for (int i = 0; i < DISTINCT; i++)
        sd_buf_free(&texts[i]);
    return 0;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
    if (n < 1) {
        fprintf(stderr, "usage: spell_bench [REPLIES]\n");
        return 2;
    }
    sd_error err = SD_ERROR_INIT;
    sd_spell_extra *extra = NULL;
    if (sd_spell_extra_create(&extra, &err) != SD_OK ||
        sd_spell_extra_add_text(extra, "Trafikverket Kretslopp och vatten Åsa Örjan Märta",
                                &err) != SD_OK) {
        fprintf(stderr, "spell_bench: %s\n", sd_error_msg(&err));
        return 1;
    }
    int rc = run(SD_LANG_SV, n, extra);
    if (rc == 0)
        rc = run(SD_LANG_EN, n, extra);
    sd_spell_extra_free(extra);
    return rc;
}
