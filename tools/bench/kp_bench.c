/* kp_bench.c - micro-benchmark of the key-point matcher (engine/scoring/keypoints.h): a
 * content of five points (with a channel and two claims to avoid; 3-4 phrases each) against
 * realistic bodies of about 60 words, in Swedish and in English.
 * Usage: kp_bench [MATCHES]   (default 100000)
 * Output, per language, ns per match for:
 *   same body    one body matched MATCHES times (the stemmer's memo warm)
 *   40 bodies    40 varied bodies in turn (what a scored exercise looks like)
 *   cold memo    bodies whose content words are new every time (every word that passes
 *                the prefilter runs Snowball: the worst case)
 *   reference    the reference matcher, which stems every word (for comparison)
 * and the Snowball runs per match. Each figure is the best of three rounds, in CPU time (the
 * machines are shared). Target: well under 2000 ns per match. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scoring/keypoints.h"
#include "scoring/keypoints_internal.h"
#include "scoring/stem.h"

#define SAY(...) (const char *const[]){__VA_ARGS__}, sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)

static const sd_point sv_points[] = {
    {"öppnar igen på torsdag", SAY("öppnar igen", "återöppnar", "öppnar på torsdag", "torsdag")},
    {"renoveringen är klar", SAY("renovering klar", "färdigrenoverat", "renoveringen är färdig")},
    {"öppettider som vanligt", SAY("öppettider", "öppet som vanligt", "vanliga tider")},
    {"lånen förlängs", SAY("lån förlängs", "förlänger lånen", "automatiskt förlängda")},
    {"boka på webben", SAY("boka", "webbplats", "stockholm.se/bibliotek")},
};
static const sd_point sv_avoid[] = {
    {"spekulation", SAY("troligen", "det beror nog på")},
    {"löfte", SAY("vi lovar", "garanterar")},
};
static const sd_content sv_content = {-1, sv_points, 5, 3, {NULL, NULL, 0},
                                      {"kontaktcenter", SAY("kontaktcenter", "e-tjänst", "felanmälan")},
                                      sv_avoid, 2, NULL};

static const sd_point en_points[] = {
    {"reopens on Thursday", SAY("reopen", "open again", "opens on thursday", "thursday")},
    {"the renovation is finished", SAY("renovation finished", "refurbished", "work is complete")},
    {"usual opening hours", SAY("opening hours", "open as usual", "usual hours")},
    {"loans are extended", SAY("loans extended", "extend your loans", "renewed automatically")},
    {"book online", SAY("book", "website", "city.example/library")},
};
static const sd_point en_avoid[] = {
    {"speculation", SAY("probably", "must be due to")},
    {"promise", SAY("we promise", "guarantee")},
};
static const sd_content en_content = {-1, en_points, 5, 3, {NULL, NULL, 0},
                                      {"contact centre", SAY("contact centre", "online form", "report a fault")},
                                      en_avoid, 2, NULL};

static const char *const sv_body =
    "Tack för att du hör av dig om biblioteket. Renoveringen av Stadsbiblioteket är nu klar "
    "och vi öppnar igen på torsdag klockan 10. Öppettiderna är desamma som innan, och alla "
    "lån som gick ut under stängningen har förlängts automatiskt. Du kan boka läsesal och "
    "datorer på stockholm.se/bibliotek eller ringa vårt kontaktcenter om du har frågor. "
    "Välkommen tillbaka till oss!";
static const char *const en_body =
    "Thank you for asking about the library. The renovation of the City Library is now "
    "finished and we reopen on Thursday at 10 am. Opening hours are the same as before, and "
    "all loans that ran out while we were closed have been extended automatically. You can "
    "book study rooms and computers at city.example/library or call our contact centre if "
    "you have any questions. Welcome back!";

/* The varied bodies: one of each list, in turn. */
static const char *const sv_a[] = {
    "Tack för att du hör av dig om biblioteket.", "Vi förstår att det har varit besvärligt.",
    "Tråkigt att höra att du inte kom in i går.", "Bra att du frågar om det här.",
    "Vi beklagar att stängningen blev längre än planerat."};
static const char *const sv_b[] = {
    "Renoveringen är klar och vi öppnar igen på torsdag.",
    "Stadsbiblioteket återöppnar på torsdag efter renoveringen.",
    "Arbetet med taket är färdigt och lokalerna öppnas igen i veckan.",
    "Vi har öppet som vanligt från och med torsdag morgon.",
    "Filialen i Skärholmen håller stängt en vecka till."};
static const char *const sv_c[] = {
    "Öppettiderna är desamma som innan och alla lån har förlängts automatiskt.",
    "Dina lån förlängs så att du inte får någon påminnelse under tiden.",
    "Du kan boka läsesal och datorer på stockholm.se/bibliotek.",
    "Har du frågor kan du ringa vårt kontaktcenter eller använda e-tjänsten.",
    "Det beror troligen på att leveransen av nya hyllor blev försenad.",
    "Vi lovar att allt är klart till sommaren."};
static const char *const sv_d[] = {"Välkommen tillbaka!", "Hör gärna av dig igen om något är oklart.",
                                   "Vi ses på biblioteket!", ""};

static const char *const en_a[] = {
    "Thank you for asking about the library.", "We understand that this has been difficult.",
    "Sorry to hear that you could not get in yesterday.", "Good that you ask about this.",
    "We regret that the closure took longer than planned."};
static const char *const en_b[] = {
    "The renovation is finished and we reopen on Thursday.",
    "The City Library opens again on Thursday after the works.",
    "The work on the roof is complete and the building reopens this week.",
    "We are open as usual from Thursday morning.",
    "The branch in the north stays closed for another week."};
static const char *const en_c[] = {
    "Opening hours are the same as before and all loans have been extended automatically.",
    "Your loans are extended so that you get no reminder meanwhile.",
    "You can book study rooms and computers at city.example/library.",
    "If you have questions, call our contact centre or use the online form.",
    "It is probably because the new shelves were delivered late.",
    "We promise that everything will be ready by the summer."};
static const char *const en_d[] = {"Welcome back!", "Do get in touch again if anything is unclear.",
                                   "See you at the library!", ""};

#define N_VARIED 40
#define N_COLD 2000

/* CPU time of the process: on a shared machine, wall time counts the other processes too. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef void (*match_fn)(const sd_kp *, sd_stemmer *, const char *, size_t, sd_kp_verdict *);

/* Matches the n bodies in turn, total times, three times over; returns the best ns per
 * match and the Snowball runs per match of the first round. */
static double run(match_fn fn, const sd_kp *kp, sd_stemmer *st, char **bodies,
                  const size_t *lens, size_t n, long total, double *runs, unsigned *sink)
{
    double best = 0;
    for (int round = 0; round < 3; round++) {
        uint64_t r0 = sd_stemmer_runs(st);
        double t0 = now();
        for (long i = 0; i < total; i++) {
            sd_kp_verdict v;
            size_t b = (size_t)i % n;
            fn(kp, st, bodies[b], lens[b], &v);
            *sink += v.met + v.avoided + v.channel_met;
        }
        double dt = now() - t0;
        if (round == 0)
            *runs = (double)(sd_stemmer_runs(st) - r0) / (double)total;
        if (round == 0 || dt < best)
            best = dt;
    }
    return best * 1e9 / (double)total;
}

static char *join(const char *a, const char *b, const char *c, const char *d)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + strlen(d) + 4;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s %s %s %s", a, b, c, d);
    return s;
}

/* A body whose content words are new: each gets a prefix made from k ("qa", "qb", ...
 * then three letters), so the memo has not seen it (it still passes the prefilter). */
static char *cold_body(const char *body, long k)
{
    static const char *const hot[] = {"biblioteket", "renoveringen", "öppnar", "torsdag",
                                      "öppettiderna", "förlängts", "kontaktcenter", "library",
                                      "renovation", "reopen", "thursday", "opening", "extended",
                                      "centre", "automatically", "automatiskt", NULL};
    size_t n = strlen(body);
    char *out = malloc(n * 2 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        bool hit = false;
        for (int h = 0; hot[h]; h++) {
            size_t hl = strlen(hot[h]);
            if ((i == 0 || body[i - 1] == ' ') && strncmp(body + i, hot[h], hl) == 0) {
                long x = k * 17 + h;
                out[o++] = (char)('a' + x % 26);
                out[o++] = (char)('a' + (x / 26) % 26);
                out[o++] = (char)('a' + (x / 676) % 26);
                hit = true;
                break;
            }
        }
        (void)hit;
        out[o++] = body[i++];
    }
    out[o] = '\0';
    return out;
}

static int bench_lang(const char *name, sd_language lang, const sd_content *c, const char *body,
                      const char *const *a, size_t na, const char *const *b, size_t nb,
                      const char *const *cc, size_t nc, const char *const *d, size_t nd,
                      long total)
{
    sd_error err = SD_ERROR_INIT;
    sd_stemmer *st = NULL;
    sd_kp *kp = NULL;
    if (sd_stemmer_create(&st, &err) != SD_OK || sd_kp_compile(st, lang, c, &kp, &err) != SD_OK) {
        fprintf(stderr, "kp_bench: %s\n", sd_error_msg(&err));
        sd_error_clear(&err);
        sd_stemmer_free(st);
        return 1;
    }
    unsigned sink = 0;
    double runs;
    int words = 0;
    for (const char *p = body; *p;) {
        while (*p == ' ')
            p++;
        if (*p)
            words++;
        while (*p && *p != ' ')
            p++;
    }

    char *one[1] = {(char *)body};
    size_t one_len[1] = {strlen(body)};
    sd_kp_verdict v;
    sd_kp_match(kp, st, body, one_len[0], &v);
    printf("%s: body of %d words, %zu bytes: %d of %zu points met, channel %s\n", name, words,
           one_len[0], v.n_met, c->n_points, v.channel_met ? "met" : "not met");
    double ns = run(sd_kp_match, kp, st, one, one_len, 1, total, &runs, &sink);
    printf("  same body   %7.0f ns/match  (%.2f Snowball runs/match)\n", ns, runs);

    char *varied[N_VARIED];
    size_t varied_len[N_VARIED];
    double words_v = 0;
    for (size_t i = 0; i < N_VARIED; i++) {
        varied[i] = join(a[i % na], b[(i / 2) % nb], cc[(i * 7) % nc], d[(i / 3) % nd]);
        if (!varied[i])
            return 1;
        varied_len[i] = strlen(varied[i]);
        int w = 0;
        for (const char *p = varied[i]; *p; p++)
            w += *p == ' ';
        words_v += w + 1;
    }
    ns = run(sd_kp_match, kp, st, varied, varied_len, N_VARIED, total, &runs, &sink);
    printf("  40 bodies   %7.0f ns/match  (%.2f Snowball runs/match; %.0f words on average)\n",
           ns, runs, words_v / N_VARIED);

    char **cold = malloc(sizeof(char *) * N_COLD);
    size_t *cold_len = malloc(sizeof(size_t) * N_COLD);
    if (!cold || !cold_len)
        return 1;
    for (long i = 0; i < N_COLD; i++) {
        cold[i] = cold_body(body, i);
        if (!cold[i])
            return 1;
        cold_len[i] = strlen(cold[i]);
    }
    ns = run(sd_kp_match, kp, st, cold, cold_len, N_COLD, total, &runs, &sink);
    printf("  cold memo   %7.0f ns/match  (%.2f Snowball runs/match)\n", ns, runs);
    long ref_total = total / 10 > 0 ? total / 10 : 1;
    ns = run(sd_kp_match_reference, kp, st, varied, varied_len, N_VARIED, ref_total, &runs, &sink);
    printf("  reference   %7.0f ns/match  (40 bodies, every word stemmed; %.2f runs/match)\n",
           ns, runs);

    for (size_t i = 0; i < N_VARIED; i++)
        free(varied[i]);
    for (long i = 0; i < N_COLD; i++)
        free(cold[i]);
    free(cold);
    free(cold_len);
    sd_kp_free(kp);
    sd_stemmer_free(st);
    if (sink == 0xFFFFFFFFu)
        printf("(sink)\n");
    return 0;
}

#define N(x) (sizeof(x) / sizeof((x)[0]))

int main(int argc, char **argv)
{
    long total = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
    if (total < 1) {
        fprintf(stderr, "usage: kp_bench [MATCHES]\n");
        return 2;
    }
    printf("kp_bench: %ld matches per figure\n", total);
    if (bench_lang("sv", SD_LANG_SV, &sv_content, sv_body, sv_a, N(sv_a), sv_b, N(sv_b), sv_c,
                   N(sv_c), sv_d, N(sv_d), total) != 0)
        return 1;
    if (bench_lang("en", SD_LANG_EN, &en_content, en_body, en_a, N(en_a), en_b, N(en_b), en_c,
                   N(en_c), en_d, N(en_d), total) != 0)
        return 1;
    return 0;
}
