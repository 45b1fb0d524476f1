/* bench_tone.c - benchmark of the tone checks: 100,000 replies of typical length (40 varied
 * Swedish replies of 40-90 words, good and bad, checked in turn) with the shipped lexicons,
 * every check on: the key points of a content of five points (stemming, compounds), the
 * spelling (Hunspell, with the scenario's words) and the form checks.
 * Usage: bench_tone [REPLIES]   (default 100000; lexicons from $STORMDRILL_ASSETS or the
 * source tree's assets/)
 * Output: "tone: N replies in X.XXX s (Y us/reply)" and a line about the replies. Target:
 * under 1 s for 100,000. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scoring/keypoints.h"
#include "scoring/spell.h"
#include "scoring/tone.h"
#include "util/buf.h"

#define REPLIES 40

static const char *const names[] = {"Åsa", "Örjan", "Ali", "Märta", "Johan", "Élise",
                                    "Kalle", "Öz"};
static const char *const signers[] = {"Bo", "Linnéa", "Sara", "Ängla"};

static const char *const openings[] = {
    "Jag förstår att du är orolig för vattnet.",
    "Tråkigt att höra att bussen inte kom i morse.",
    "Tack för att du hör av dig om sophämtningen.",
    "Vi beklagar att det blev fel med din ansökan.",
    "Vi lagar vägen vid skolan under vecka 12.",            /* no acknowledgement */
    "SOM VI REDAN SKRIVIT är vägen avstängd!!",             /* shouting, "!!", lexicon */
    "Bra att du tar upp frågan om parkeringen.",
    "Det står tydligt på vår webbplats vad som gäller.",    /* discourteous */
};

static const char *const facts[] = {
    "Vi testar vattnet varje dag och proverna visar att det är säkert att dricka.",
    "Bussarna går enligt tidtabellen igen från klockan 14.30 i dag.",
    "Arbetet med ledningarna beräknas vara klart i slutet av nästa vecka.",
    "Under tiden kan du hämta vatten vid tankbilen på torget.",
    "Kommunfullmäktiges handlingsprogram förutsätter omfattande samordning mellan förvaltningarna.",
    "Du kan alltid ringa vårt kontaktcenter på 08-465 004 00 om du har frågor.",
    "Vi har informerat alla som bor i området med ett brev.",
    "Skriv ditt personnummer här så kollar vi ditt ärende.", /* private request */
    "Om du vill kan du skicka ett meddelande till oss i stället.",
    "Vi följer läget noga och uppdaterar informationen när något ändras.",
    "Förskolan håller öppet som vanligt hela veckan.",
    "Ärendet gäller 19900101-2385 enligt våra uppgifter.",   /* personal identity number */
};

static const char *const links[] = {
    "Läs mer på https://stockholm.se/vatten.", "Mer information finns på www.sl.se.", "",
    "Se [länk] för detaljer.",
};

static const char *const closings[] = {"Vänliga hälsningar, %s", "Vänliga hälsningar,\n%s",
                                       "Mvh %s", "Vänliga hälsningar/%s", "Hälsningar %s"};

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
    if (n < 1) {
        fprintf(stderr, "usage: bench_tone [REPLIES]\n");
        return 2;
    }
    const char *env = getenv("STORMDRILL_ASSETS");
    const char *assets = env && env[0] ? env : SD_SOURCE_DIR "/assets";
    sd_error err = SD_ERROR_INIT;
    sd_lexicons *lx = NULL;
    if (sd_lexicons_load(assets, &lx, &err) != SD_OK) {
        fprintf(stderr, "bench_tone: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return 1;
    }

    /* What a good reply says: five key points, an authority, a claim to avoid. */
    static const char *const s_water[] = {"dricksvattnet", "säkert att dricka", "proverna"};
    static const char *const s_bus[] = {"bussarna går", "tidtabellen", "14.30"};
    static const char *const s_work[] = {"klart i slutet av nästa vecka", "ledningarna"};
    static const char *const s_tank[] = {"tankbilen", "hämta vatten"};
    static const char *const s_letter[] = {"brev", "informerat alla"};
    static const char *const s_refer[] = {"kontaktcenter", "08-465 004 00"};
    static const char *const s_avoid[] = {"troligen", "förmodligen", "vi lovar"};
    static const sd_point points[] = {
        {"vattnet är säkert", s_water, 3}, {"bussarna går igen", s_bus, 3},
        {"arbetet klart nästa vecka", s_work, 2}, {"vatten vid tankbilen", s_tank, 2},
        {"alla har fått brev", s_letter, 2}};
    static const sd_point avoid[] = {{"spekulerar", s_avoid, 3}};
    sd_content content = {.index = 0, .points = points, .n_points = 5, .need = 2,
                          .refer = {"kontaktcenter", s_refer, 2}, .avoid = avoid, .n_avoid = 1};
    sd_kp *kp = NULL;
    sd_spell_extra *extra = NULL;
    if (sd_kp_compile(sd_lexicons_stemmer(lx), SD_LANG_SV, &content, &kp, &err) != SD_OK ||
        sd_spell_extra_create(&extra, &err) != SD_OK ||
        sd_spell_extra_add_text(extra, "Åsa Örjan Ali Märta Johan Élise Kalle Öz", &err) != SD_OK) {
        fprintf(stderr, "bench_tone: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        return 1;
    }

    /* The replies: greeting, an opening, four to six facts, maybe a link, a closing. */
    sd_buf texts[REPLIES];
    sd_tone_input inputs[REPLIES];
    int min_words = 1 << 30, max_words = 0;
    for (int i = 0; i < REPLIES; i++) {
        sd_buf *b = &texts[i];
        *b = (sd_buf)SD_BUF_INIT;
        const char *to = names[i % 8], *signer = signers[i % 4];
        if (i % 9 == 4)
            sd_buf_printf(b, "Hej!\n\n"); /* no name */
        else
            sd_buf_printf(b, "%s %s!\n\n", i % 7 == 3 ? "Hejsan" : "Hej", to);
        sd_buf_printf(b, "%s", openings[i % 8]);
        int nfacts = 4 + i % 3;
        for (int k = 0; k < nfacts; k++)
            sd_buf_printf(b, " %s", facts[(i * 5 + k * 7) % 12]);
        const char *link = links[i % 4];
        if (link[0])
            sd_buf_printf(b, " %s", link);
        sd_buf_puts(b, "\n\n");
        sd_buf_printf(b, closings[i % 5], signer);
        if (!sd_buf_ok(b)) {
            fprintf(stderr, "bench_tone: out of memory\n");
            return 1;
        }
        inputs[i] = (sd_tone_input){.text = sd_buf_str(b), .lang = SD_LANG_SV, .to_first = to,
                                    .signer = signer, .mood = (sd_mood)(i % SD_MOOD_COUNT),
                                    .expect_link = i % 2 == 0, .is_public = i % 6 != 5,
                                    .expect_answer = true, .kp = kp, .words = extra};
        sd_tone_result r;
        sd_tone_check_reply(lx, &inputs[i], &r);
        if (r.words < min_words)
            min_words = r.words;
        if (r.words > max_words)
            max_words = r.words;
    }

    struct timespec t0, t1;
    double score_sum = 0;
    int perfect = 0;
    long met = 0, misspelt = 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < n; i++) {
        sd_tone_result r;
        sd_tone_check_reply(lx, &inputs[i % REPLIES], &r);
        score_sum += r.score;
        perfect += r.score == 100.0;
        met += r.kp.n_met;
        misspelt += (long)r.misspelt;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("tone: %ld replies in %.3f s (%.2f us/reply)\n", n, s, s * 1e6 / (double)n);
    printf("  %d distinct replies of %d-%d words in the body, mean score %.1f, %.0f%% perfect\n",
           REPLIES, min_words, max_words, score_sum / (double)n, 100.0 * perfect / (double)n);
    printf("  with key points (%.2f met a reply of 5) and spelling (%.2f misspelt a reply)\n",
           (double)met / (double)n, (double)misspelt / (double)n);
    for (int i = 0; i < REPLIES; i++)
        sd_buf_free(&texts[i]);
    sd_kp_free(kp);
    sd_spell_extra_free(extra);
    sd_lexicons_free(lx);
    return 0;
}
