/* tone_content.c - the checks of what a reply says: the key points it meets (answers), the
 * authority it names (refer), where the case continues (channel), the claims it must not
 * make (avoid), and its spelling; and the reply's weighted score. */
#include "tone_content.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tone_internal.h"

#define MISSING_BYTES 150 /* labels quoted in a detail */
#define MIN_ANSWER_WORDS 3 /* without declared key points, a body this short says nothing */

/* Writes the format (sv or en) into r->detail as vsnprintf would, cut at the same byte, for
 * the conversions these details use: %s, %d, %zu and %% (several times cheaper than
 * vsnprintf, which every reply would call four times). */
static void say(sd_tone_check_result *r, sd_language lang, const char *sv, const char *en, ...)
{
    va_list ap;
    va_start(ap, en);
    char *dst = r->detail;
    size_t cap = sizeof r->detail, n = 0;
    for (const char *f = lang == SD_LANG_EN ? en : sv; *f; f++) {
        const char *part = f;
        size_t plen = 1;
        char num[24];
        if (f[0] == '%' && (f[1] == 's' || f[1] == 'd' || (f[1] == 'z' && f[2] == 'u'))) {
            if (f[1] == 's') {
                part = va_arg(ap, const char *);
                plen = strlen(part);
            } else {
                unsigned long long u;
                bool neg = false;
                if (f[1] == 'd') {
                    int v = va_arg(ap, int);
                    neg = v < 0;
                    u = neg ? 0ULL - (unsigned long long)v : (unsigned long long)v;
                } else {
                    u = va_arg(ap, size_t);
                    f++;
                }
                size_t k = sizeof num;
                do {
                    num[--k] = (char)('0' + u % 10);
                    u /= 10;
                } while (u > 0);
                if (neg)
                    num[--k] = '-';
                part = num + k;
                plen = sizeof num - k;
            }
            f++;
        } else if (f[0] == '%' && f[1] == '%') {
            f++;
        } else if (f[0] != '%') { /* a run of literal text, up to the next % */
            const char *pct = strchr(f, '%');
            plen = pct ? (size_t)(pct - f) : strlen(f);
            f += plen - 1;
        }
        if (plen > cap - 1 - n)
            plen = cap - 1 - n;
        memcpy(dst + n, part, plen);
        n += plen;
    }
    dst[n] = '\0';
    va_end(ap);
}

/* The labels of the claims to avoid that the body makes, comma-separated. */
static void avoided_labels(const sd_content *c, uint32_t avoided, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t k = 0; k < c->n_avoid && k < 32; k++) {
        if (!(avoided >> k & 1))
            continue;
        int n = snprintf(out + used, cap - used, "%s\"%s\"", used ? ", " : "", c->avoid[k].label);
        if (n < 0 || (size_t)n >= cap - used) {
            sd_tt_excerpt(out, cap, out, 0, used, cap > 4 ? cap - 4 : 0);
            return;
        }
        used += (size_t)n;
    }
}

void sd_tone_check_content(const sd_lexicons *lx, const sd_tone_input *in, const char *s,
                           size_t body_b, size_t body_e, int words, sd_tone_result *out)
{
    sd_language lang = in->lang;
    sd_tone_check_result *r = out->checks;
    const sd_kp *kp = in->kp;
    const sd_content *ct = kp ? sd_kp_content(kp) : NULL;
    sd_stemmer *st = lx ? sd_lx_stemmer(lx) : NULL;
    memset(&out->kp, 0, sizeof out->kp);
    if (kp && st)
        sd_kp_match(kp, st, s + body_b, body_e - body_b, &out->kp);
    else
        kp = NULL, ct = NULL;
    const sd_kp_verdict *v = &out->kp;

    /* answers */
    sd_tone_check_result *a = &r[SD_TONE_ANSWERS];
    a->applies = (ct && ct->n_points > 0) || in->expect_answer;
    if (a->applies) {
        if (words == 0) {
            a->pass = false;
            say(a, lang, "inget innehåll mellan hälsning och avslutning",
                "nothing between the greeting and the sign-off");
        } else if (ct && ct->n_points > 0) {
            a->pass = v->n_met >= v->need;
            char missing[MISSING_BYTES + 8];
            sd_kp_describe_missing(kp, v, missing, sizeof missing);
            if (a->pass)
                say(a, lang, "gav %d av %d punkter", "gave %d of %d points", v->n_met, v->need);
            else
                say(a, lang, "gav %d av %d punkter; saknas: %s", "gave %d of %d points; missing: %s",
                    v->n_met, v->need, missing);
        } else if (words < MIN_ANSWER_WORDS) {
            a->pass = false;
            say(a, lang, "bara %d ord mellan hälsning och avslutning",
                "only %d words between the greeting and the sign-off", words);
        } else {
            a->pass = true;
            say(a, lang, "%d ord i sak", "%d words of substance", words);
        }
    }
    /* refer */
    sd_tone_check_result *rf = &r[SD_TONE_REFER];
    rf->applies = ct && v->has_refer;
    if (rf->applies) {
        rf->pass = v->refer_met;
        say(rf, lang, rf->pass ? "nämner %s" : "nämner inte %s och länkar inte dit",
            rf->pass ? "names %s" : "neither names nor links %s", ct->refer.label);
    }
    /* channel */
    sd_tone_check_result *ch = &r[SD_TONE_CHANNEL];
    ch->applies = ct && v->has_channel;
    if (ch->applies) {
        ch->pass = v->channel_met;
        say(ch, lang, ch->pass ? "säger var ärendet fortsätter (%s)" : "säger inte var ärendet fortsätter (%s)",
            ch->pass ? "says where the case continues (%s)" : "does not say where the case continues (%s)",
            ct->channel.label);
    }
    /* avoid */
    sd_tone_check_result *av = &r[SD_TONE_AVOID];
    av->applies = ct && ct->n_avoid > 0;
    if (av->applies) {
        av->pass = v->avoided == 0;
        char made[MISSING_BYTES + 8];
        avoided_labels(ct, v->avoided, made, sizeof made);
        if (av->pass)
            say(av, lang, "inga påståenden att undvika", "no claims to avoid");
        else
            say(av, lang, "påstår: %s", "claims: %s", made);
    }
    /* spelling */
    sd_tone_check_result *sp = &r[SD_TONE_SPELLING];
    sd_speller *speller = lx ? sd_lx_speller(lx) : NULL;
    sp->applies = speller != NULL && words > 0;
    if (sp->applies) {
        size_t checked = 0;
        out->misspelt = sd_spell_check(speller, lang, s + body_b, body_e - body_b, in->words,
                                       out->miss, sizeof out->miss / sizeof out->miss[0], &checked);
        for (size_t k = 0; k < out->misspelt && k < sizeof out->miss / sizeof out->miss[0]; k++)
            out->miss[k].at += body_b;
        /* One slip is a soft signal (the detail names it); several fail. */
        sp->pass = out->misspelt <= 1;
        char words_s[120] = "";
        size_t used = 0;
        for (size_t k = 0; k < out->misspelt && k < 4; k++) {
            const sd_spell_miss *m = &out->miss[k];
            char w[40] = "";
            sd_tt_excerpt(w, sizeof w, s, m->at, m->at + m->len, 30);
            int n = snprintf(words_s + used, sizeof words_s - used, "%s\"%s\"", used ? ", " : "", w);
            if (n < 0 || (size_t)n >= sizeof words_s - used)
                break;
            used += (size_t)n;
        }
        if (out->misspelt == 0)
            say(sp, lang, "inga stavfel (%zu ord)", "no spelling mistakes (%zu words)", checked);
        else
            say(sp, lang, "%zu stavfel av %zu ord: %s", "%zu misspelt of %zu words: %s",
                out->misspelt, checked, words_s);
    }
}

double sd_tone_weigh(uint32_t applies, uint32_t pass, double answers_credit, bool nothing_said)
{
    double total = 0, passed = 0;
    for (int c = 0; c < SD_TONE_CHECK_COUNT; c++) {
        if (!(applies >> c & 1))
            continue;
        double w = sd_tone_check_weight((sd_tone_check)c);
        total += w;
        if (c == SD_TONE_ANSWERS)
            passed += w * answers_credit;
        else if (pass >> c & 1)
            passed += w;
    }
    double score = total > 0 ? 100.0 * passed / total : 100.0;
    /* A reply that says nothing the question asked for is not made good by its form. */
    return nothing_said && score > SD_TONE_NOTHING_SAID ? SD_TONE_NOTHING_SAID : score;
}

double sd_tone_result_score(const sd_tone_result *r)
{
    uint32_t applies = 0, pass = 0;
    for (int c = 0; c < SD_TONE_CHECK_COUNT; c++) {
        applies |= (uint32_t)r->checks[c].applies << c;
        pass |= (uint32_t)r->checks[c].pass << c;
    }
    const sd_tone_check_result *a = &r->checks[SD_TONE_ANSWERS];
    double credit = a->pass ? 1 : 0;
    if (r->kp.need > 0 && r->words > 0) {
        double share = (double)r->kp.n_met / r->kp.need;
        credit = share > 1 ? 1 : share;
    }
    bool nothing = a->applies && !a->pass && (r->words == 0 || r->kp.n_met == 0);
    return sd_tone_weigh(applies, pass, credit, nothing);
}
