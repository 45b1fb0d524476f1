/* cmd_timeline.c - `stormdrill timeline SCENARIO [--svg FILE]`: shows an author the exercise
 * before it is run: the scheduled items, storms, hijacks and callbacks as a text table over
 * simulated time, the storms' expected comments per 10 minutes (or per hour) as a text bar
 * chart, and optionally the same as an SVG drawing (one lane per kind, storms as areas of
 * rate over time, hijacks and callbacks marked), written atomically. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scenario/scenario.h"
#include "scenario/scenario_lua.h"
#include "util/atomic_file.h"
#include "util/buf.h"
#include "util/xml.h"

static const char usage[] =
    "Usage: stormdrill timeline SCENARIO [--svg FILE]\n"
    "Shows what happens when, before you run the exercise: every declared item (time, kind,\n"
    "id, author, first words), storms, hijacks and callbacks in time order, and the storms'\n"
    "expected comments per 10 minutes (per hour for exercises longer than 6 hours) as a bar\n"
    "chart, at a neutral audience (the audience model and set_rate() change the pace while\n"
    "the exercise runs).\n"
    "  --svg FILE   also draw the timeline as an SVG image (one lane per kind, storms as\n"
    "               areas of comments per hour, hijacks and callbacks marked)\n"
    "Exit status: 0 ok, 1 the scenario does not load or FILE cannot be written, 2 bad usage.\n";

/* ---- helpers ---- */

static void rel_time(int64_t secs, char out[32])
{
    if (secs < 0)
        secs = 0;
    int64_t d = secs / 86400, h = (secs % 86400) / 3600, m = (secs % 3600) / 60;
    if (d > 0)
        snprintf(out, 32, "+%lldd%02lldh%02lldm", (long long)d, (long long)h, (long long)m);
    else if (h > 0)
        snprintf(out, 32, "+%lldh%02lldm", (long long)h, (long long)m);
    else
        snprintf(out, 32, "+%lldm", (long long)m);
}

/* "09:05", or "03-11 09:05" on another day than the start. */
static void clock_time(const sd_scenario *sc, sd_time t, char out[32])
{
    char a[20], s[20];
    sd_time_format(t, a);
    sd_time_format(sc->start, s);
    if (strncmp(a, s, 10) == 0)
        snprintf(out, 32, "%.5s", a + 11);
    else
        snprintf(out, 32, "%.5s %.5s", a + 5, a + 11);
}

/* The first words of text, at most max bytes (max < outlen - 4), on one line, cut at a
 * word (or at least a character) boundary, with "..." when cut. */
static void first_words(const char *text, size_t max, char *out, size_t outlen)
{
    if (text == NULL)
        text = "";
    if (max + 4 > outlen)
        max = outlen - 4;
    size_t len = strlen(text), n = len < max ? len : max;
    bool cut = n < len;
    if (cut) {
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--; /* text[n] continues a character: keep whole characters only */
        size_t sp = n;
        while (sp > 0 && text[sp] != ' ' && text[sp] != '\n')
            sp--;
        if (sp > max / 2)
            n = sp; /* end at the last word boundary */
    }
    for (size_t i = 0; i < n; i++)
        out[i] = (text[i] == '\n' || text[i] == '\r' || text[i] == '\t') ? ' ' : text[i];
    out[n] = '\0';
    if (cut)
        strcat(out, "...");
}

/* Expected comments of storm s between a and b (simulated times), at a neutral audience. */
static double storm_count_between(const sd_storm *s, sd_time a, sd_time b)
{
    if (a < s->from)
        a = s->from;
    if (b > s->to)
        b = s->to;
    if (b <= a || !(s->curve_area > 0))
        return 0;
    const int steps = 60;
    double w = (double)(b - a) / steps, sum = 0;
    for (int i = 0; i < steps; i++)
        sum += sd_storm_curve(s, (double)(a - s->from) + (i + 0.5) * w) * w;
    return s->count * sum / s->curve_area;
}

/* Comments per hour of storm s at time t. */
static double storm_rate(const sd_storm *s, sd_time t)
{
    if (t < s->from || t > s->to || !(s->curve_area > 0))
        return 0;
    return s->count * sd_storm_curve(s, (double)(t - s->from)) / s->curve_area * 3600.0;
}

static const char *who(const sd_item_def *d)
{
    if (d->author)
        return d->author;
    if (d->kind == SD_KIND_INTERNAL)
        return sd_vocab_name(SD_VOCAB_SENDER, d->from);
    if (d->outlet)
        return d->outlet;
    if (d->kind == SD_KIND_POST)
        return "(account)";
    return "-";
}

static void hook_name(const sd_hook *h, char out[64])
{
    char t[32];
    switch (h->kind) {
    case SD_HOOK_ITEM: snprintf(out, 64, "on(\"item\")"); break;
    case SD_HOOK_ACTION:
        snprintf(out, 64, "on(\"%s\")", h->action_filter < 0
                                            ? "action"
                                            : sd_vocab_name(SD_VOCAB_ACTION, h->action_filter));
        break;
    case SD_HOOK_EVERY:
        rel_time(h->every, t);
        snprintf(out, 64, "every(\"%s\")", t + 1);
        break;
    default: snprintf(out, 64, "when()"); break;
    }
}

/* ---- the text table ---- */

typedef struct row {
    sd_time at;
    int order; /* declaration order within the same time */
    char kind[24];
    const char *id;
    const char *who;
    char text[96];
} row;

static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->order - y->order;
}

static int print_text(const sd_scenario *sc)
{
    sd_time end = sc->start + sc->duration;
    char t1[32], t2[32], t3[32];
    sd_time_format(sc->start, t1);
    rel_time(sc->duration, t2);
    clock_time(sc, end, t3);
    sd_term_printf(stdout, "%s (%s)\n", sc->title ? sc->title : "", sc->id ? sc->id : "");
    sd_term_printf(stdout, "starts %.10s %.5s, runs %s, ends %s; %zu items, %zu storms, %zu hijacks, "
           "%zu callbacks\n\n", t1, t1 + 11, t2 + 1, t3, sc->n_items, sc->n_storms,
           sc->n_hijacks, sc->n_hooks);

    size_t cap = sc->n_items + 2 * sc->n_storms + 2 * sc->n_hijacks + 1;
    row *rows = calloc(cap, sizeof *rows);
    if (rows == NULL) {
        fputs("stormdrill timeline: out of memory\n", stderr);
        return SD_EXIT_INPUT;
    }
    size_t n = 0;
    int order = 0;
    for (size_t i = 0; i < sc->n_items; i++) {
        const sd_item_def *d = &sc->items[i];
        row *r = &rows[n++];
        r->at = d->at;
        r->order = order++;
        snprintf(r->kind, sizeof r->kind, "%s", sd_vocab_name(SD_VOCAB_KIND, d->kind));
        r->id = d->id;
        r->who = who(d);
        first_words(d->text ? d->text : d->title, 48, r->text, sizeof r->text);
    }
    for (size_t i = 0; i < sc->n_storms; i++) {
        const sd_storm *s = &sc->storms[i];
        row *r = &rows[n++];
        r->at = s->from;
        r->order = order++;
        snprintf(r->kind, sizeof r->kind, "storm");
        r->id = s->id;
        r->who = s->n_authors ? "(personas)" : "(generated)";
        rel_time(s->to - s->from, t1);
        snprintf(r->text, sizeof r->text, "starts: ~%.0f comments on %s over %s", s->count,
                 s->parent, t1 + 1);
        r = &rows[n++];
        r->at = s->to;
        r->order = order++;
        snprintf(r->kind, sizeof r->kind, "storm end");
        r->id = s->id;
        r->who = "";
        snprintf(r->text, sizeof r->text, "ends");
    }
    for (size_t i = 0; i < sc->n_hijacks; i++) {
        const sd_hijack *h = &sc->hijacks[i];
        row *r = &rows[n++];
        r->at = h->at;
        r->order = order++;
        snprintf(r->kind, sizeof r->kind, "hijack");
        r->id = h->id;
        r->who = "(platform)";
        first_words(h->notice, 48, r->text, sizeof r->text);
        if (h->at + 5 * 60 < end) {
            r = &rows[n++];
            r->at = h->at + 5 * 60;
            r->order = order++;
            snprintf(r->kind, sizeof r->kind, "attacker_post");
            r->id = h->id;
            r->who = "(attacker)";
            rel_time(h->every, t1);
            snprintf(r->text, sizeof r->text, "first post, then every %s until locked out",
                     t1 + 1);
        }
    }
    qsort(rows, n, sizeof *rows, cmp_row);
    sd_term_printf(stdout, "%-8s %-11s %-13s %-14s %-14s %s\n", "time", "clock", "kind", "id", "who", "text");
    for (size_t i = 0; i < n; i++) {
        rel_time(rows[i].at - sc->start, t1);
        clock_time(sc, rows[i].at, t2);
        sd_term_printf(stdout, "%-8s %-11s %-13s %-14s %-14s %s\n", t1, t2, rows[i].kind, rows[i].id,
               rows[i].who, rows[i].text);
    }
    free(rows);

    if (sc->n_hooks > 0 || sc->n_prepared > 0) {
        sd_term_printf(stdout, "\ncallbacks (in declaration order):\n");
        for (size_t i = 0; i < sc->n_hooks; i++) {
            char name[64];
            hook_name(&sc->hooks[i], name);
            sd_term_printf(stdout, "  line %-5d %s\n", sc->hooks[i].line, name);
        }
        if (sc->n_prepared > 0)
            sd_term_printf(stdout, "  %zu prepared inject%s for the facilitator (sent on a key, at no fixed "
                   "time)\n", sc->n_prepared, sc->n_prepared == 1 ? "" : "s");
    }

    if (sc->n_storms > 0) {
        int64_t bucket = sc->duration > 6 * 3600 ? 3600 : 600;
        size_t nb = (size_t)((sc->duration + bucket - 1) / bucket);
        double *tot = calloc(nb, sizeof *tot);
        if (tot == NULL) {
            fputs("stormdrill timeline: out of memory\n", stderr);
            return SD_EXIT_INPUT;
        }
        double max = 0;
        for (size_t b = 0; b < nb; b++) {
            for (size_t i = 0; i < sc->n_storms; i++)
                tot[b] += storm_count_between(&sc->storms[i], sc->start + (int64_t)b * bucket,
                                              sc->start + (int64_t)(b + 1) * bucket);
            if (tot[b] > max)
                max = tot[b];
        }
        sd_term_printf(stdout, "\nstorm comments per %s (expected, neutral audience):\n",
               bucket == 600 ? "10 minutes" : "hour");
        for (size_t b = 0; b < nb; b++) {
            if (tot[b] < 0.05)
                continue;
            sd_time t = sc->start + (int64_t)b * bucket;
            rel_time(t - sc->start, t1);
            clock_time(sc, t, t2);
            int w = max > 0 ? (int)lround(tot[b] / max * 40) : 0;
            sd_term_printf(stdout, "%-8s %-11s %7.1f |", t1, t2, tot[b]);
            for (int k = 0; k < w; k++)
                putchar('#');
            if (sc->n_storms > 1) {
                sd_term_printf(stdout, "  (");
                bool first = true;
                for (size_t i = 0; i < sc->n_storms; i++) {
                    double c = storm_count_between(&sc->storms[i], t, t + bucket);
                    if (c >= 0.05) {
                        sd_term_printf(stdout, "%s%s %.1f", first ? "" : ", ", sc->storms[i].id, c);
                        first = false;
                    }
                }
                putchar(')');
            }
            putchar('\n');
        }
        free(tot);
    }
    return SD_EXIT_OK;
}

/* ---- the SVG ---- */

#define SVG_W 1000
#define SVG_LEFT 120
#define SVG_RIGHT 30
#define LANE_H 44
#define STORM_H 120

static double xpos(const sd_scenario *sc, sd_time t)
{
    return SVG_LEFT + (double)(t - sc->start) / (double)sc->duration * (SVG_W - SVG_LEFT - SVG_RIGHT);
}

static const char *kind_colour(int kind)
{
    static const char *const c[] = {"#1f77b4", "#2ca02c", "#17becf", "#9467bd", "#8c564b",
                                    "#e377c2", "#7f7f7f", "#bcbd22", "#d62728"};
    return kind >= 0 && kind < (int)(sizeof c / sizeof c[0]) ? c[kind] : "#000000";
}

static void lane_label(sd_buf *b, double y, const char *label)
{
    sd_buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n",
                  SVG_LEFT, y, SVG_W - SVG_RIGHT, y);
    sd_buf_printf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">", SVG_LEFT - 8,
                  y + 4);
    sd_xml_text(b, label);
    sd_buf_puts(b, "</text>\n");
}

static void build_svg(const sd_scenario *sc, sd_buf *b)
{
    sd_time end = sc->start + sc->duration;
    bool kinds[SD_KIND_COUNT] = {false};
    for (size_t i = 0; i < sc->n_items; i++)
        kinds[sc->items[i].kind] = true;
    int lanes = 0;
    double lane_y[SD_KIND_COUNT];
    double y = 60;
    for (int k = 0; k < SD_KIND_COUNT; k++)
        if (kinds[k]) {
            lane_y[k] = y + LANE_H / 2.0;
            y += LANE_H;
            lanes++;
        }
    double hijack_y = 0, storm_top = 0, hooks_y = 0;
    if (sc->n_hijacks) {
        hijack_y = y + LANE_H / 2.0;
        y += LANE_H;
    }
    if (sc->n_storms) {
        storm_top = y + 10;
        y += STORM_H + 20;
    }
    if (sc->n_hooks) {
        hooks_y = y + LANE_H / 2.0;
        y += LANE_H;
    }
    double axis_y = y + 10;
    double height = axis_y + 50;

    sd_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" "
                     "viewBox=\"0 0 %d %.0f\" font-family=\"sans-serif\">\n",
                  SVG_W, height, SVG_W, height);
    sd_buf_printf(b, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
                  SVG_W, height);
    char t1[20], t2[32];
    sd_time_format(sc->start, t1);
    rel_time(sc->duration, t2);
    sd_buf_puts(b, "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">");
    sd_xml_text(b, sc->title);
    sd_buf_puts(b, "</text>\n<text x=\"10\" y=\"44\" font-size=\"12\" fill=\"#555555\">");
    sd_xml_text(b, sc->id);
    sd_buf_printf(b, ": starts %.10s %.5s, runs %s</text>\n", t1, t1 + 11, t2 + 1);

    /* time axis with ticks */
    static const int64_t steps[] = {300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
                                    172800, 604800};
    int64_t step = steps[sizeof steps / sizeof steps[0] - 1];
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (sc->duration / steps[i] <= 12) {
            step = steps[i];
            break;
        }
    sd_buf_printf(b, "<g id=\"axis\"><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                     "stroke=\"#000000\"/>\n", SVG_LEFT, axis_y, SVG_W - SVG_RIGHT, axis_y);
    for (int64_t t = 0; t <= sc->duration; t += step) {
        double x = xpos(sc, sc->start + t);
        char rt[32], ct[32];
        rel_time(t, rt);
        clock_time(sc, sc->start + t, ct);
        sd_buf_printf(b, "<line x1=\"%.1f\" y1=\"60\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eeeeee\"/>"
                         "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000000\"/>"
                         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>"
                         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" "
                         "fill=\"#555555\">%s</text>\n",
                      x, x, axis_y, x, axis_y, x, axis_y + 5, x, axis_y + 18, rt, x,
                      axis_y + 31, ct);
    }
    sd_buf_puts(b, "</g>\n");

    /* one lane per kind of declared item */
    sd_buf_puts(b, "<g id=\"items\">\n");
    for (int k = 0; k < SD_KIND_COUNT; k++)
        if (kinds[k])
            lane_label(b, lane_y[k], sd_vocab_name(SD_VOCAB_KIND, k));
    bool labels = sc->n_items <= 60;
    for (size_t i = 0; i < sc->n_items; i++) {
        const sd_item_def *d = &sc->items[i];
        double x = xpos(sc, d->at);
        char rt[32], words[96];
        rel_time(d->at - sc->start, rt);
        first_words(d->text ? d->text : d->title, 80, words, sizeof words);
        sd_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>", x,
                      lane_y[d->kind], kind_colour(d->kind));
        sd_xml_text(b, d->id);
        sd_buf_printf(b, " %s ", rt);
        sd_xml_text(b, who(d));
        sd_buf_puts(b, ": ");
        sd_xml_text(b, words);
        sd_buf_puts(b, "</title></circle>\n");
        if (labels) {
            sd_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">",
                          x, lane_y[d->kind] - 9 - (double)(i % 2) * 9);
            sd_xml_text(b, d->id);
            sd_buf_puts(b, "</text>\n");
        }
    }
    sd_buf_puts(b, "</g>\n");

    /* hijacks: a red line across every lane, the attacker's posts if not locked out */
    if (sc->n_hijacks) {
        sd_buf_puts(b, "<g id=\"hijacks\">\n");
        lane_label(b, hijack_y, "hijack");
        for (size_t i = 0; i < sc->n_hijacks; i++) {
            const sd_hijack *h = &sc->hijacks[i];
            double x = xpos(sc, h->at);
            sd_buf_printf(b, "<line x1=\"%.1f\" y1=\"60\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d62728\" "
                             "stroke-dasharray=\"4 3\"/>\n", x, x, axis_y);
            sd_buf_printf(b, "<path d=\"M %.1f %.1f l -6 -10 l 12 0 z\" fill=\"#d62728\"><title>",
                          x, hijack_y);
            sd_xml_text(b, h->id);
            sd_buf_puts(b, ": ");
            sd_xml_text(b, h->notice);
            sd_buf_puts(b, "</title></path>\n");
            sd_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#d62728\">", x + 8,
                          hijack_y - 4);
            sd_xml_text(b, h->id);
            sd_buf_puts(b, "</text>\n");
            int shown = 0;
            for (sd_time t = h->at + 5 * 60; t < end && shown < 200; t += h->every, shown++)
                sd_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" "
                                 "fill=\"none\" stroke=\"#d62728\"><title>attacker post (if not "
                                 "locked out)</title></rect>\n",
                              xpos(sc, t) - 3.5, hijack_y + 4);
        }
        sd_buf_puts(b, "</g>\n");
    }

    /* storms: an area of comments per hour over time, per storm */
    if (sc->n_storms) {
        double max = 0;
        const int samples = 400;
        for (size_t i = 0; i < sc->n_storms; i++)
            for (int k = 0; k <= samples; k++) {
                const sd_storm *s = &sc->storms[i];
                double r = storm_rate(s, s->from + (s->to - s->from) * k / samples);
                if (r > max)
                    max = r;
            }
        double base = storm_top + STORM_H;
        sd_buf_puts(b, "<g id=\"storms\">\n");
        lane_label(b, storm_top + STORM_H / 2.0, "storms");
        sd_buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999999\"/>\n",
                      SVG_LEFT, base, SVG_W - SVG_RIGHT, base);
        sd_buf_printf(b, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" "
                         "fill=\"#555555\">%.0f/h</text>\n", SVG_LEFT - 8, storm_top + 8, max);
        static const char *const fills[] = {"#ff7f0e", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b"};
        for (size_t i = 0; i < sc->n_storms; i++) {
            const sd_storm *s = &sc->storms[i];
            const char *fill = fills[i % (sizeof fills / sizeof fills[0])];
            sd_buf_printf(b, "<path fill=\"%s\" fill-opacity=\"0.45\" stroke=\"%s\" d=\"M %.1f %.1f",
                          fill, fill, xpos(sc, s->from), base);
            for (int k = 0; k <= samples; k++) {
                sd_time t = s->from + (s->to - s->from) * k / samples;
                double r = storm_rate(s, t);
                sd_buf_printf(b, " L %.1f %.1f", xpos(sc, t), max > 0 ? base - r / max * STORM_H : base);
            }
            sd_buf_printf(b, " L %.1f %.1f Z\"><title>", xpos(sc, s->to), base);
            sd_xml_text(b, s->id);
            sd_buf_printf(b, ": ~%.0f comments on ", s->count);
            sd_xml_text(b, s->parent);
            sd_buf_puts(b, "</title></path>\n");
            sd_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">", xpos(sc, s->from) + 2,
                          base - 4);
            sd_xml_text(b, s->id);
            sd_buf_puts(b, "</text>\n");
        }
        sd_buf_puts(b, "</g>\n");
    }

    /* callbacks: every() as ticks at their times; on() and when() named in the lane */
    if (sc->n_hooks) {
        sd_buf_puts(b, "<g id=\"callbacks\">\n");
        lane_label(b, hooks_y, "callbacks");
        double lx = SVG_LEFT + 4;
        for (size_t i = 0; i < sc->n_hooks; i++) {
            const sd_hook *h = &sc->hooks[i];
            char name[64];
            hook_name(h, name);
            if (h->kind == SD_HOOK_EVERY && h->every > 0) {
                int shown = 0;
                for (sd_time t = sc->start + h->every; t < end && shown < 500; t += h->every, shown++) {
                    double x = xpos(sc, t);
                    sd_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                                     "stroke=\"#555555\"><title>%s, line %d</title></line>\n",
                                  x, hooks_y - 8, x, hooks_y + 8, name, h->line);
                }
            }
            sd_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#555555\">"
                             "%s line %d</text>\n", lx, hooks_y + 18, name, h->line);
            lx += 9.0 + 5.5 * (double)(strlen(name) + 8);
            if (lx > SVG_W - SVG_RIGHT - 60)
                break; /* no room for more names; the text table lists them all */
        }
        sd_buf_puts(b, "</g>\n");
    }
    (void)lanes;
    sd_buf_puts(b, "</svg>\n");
}

int sd_cmd_timeline(int argc, char **argv)
{
    if (sd_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return SD_EXIT_OK;
    }
    const char *path = NULL, *svg = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--svg") == 0) {
            if (i + 1 >= argc || svg) {
                fputs(usage, stderr);
                return SD_EXIT_USAGE;
            }
            svg = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            sd_term_printf(stderr, "stormdrill timeline: unknown option '%s'\n\n", argv[i]);
            fputs(usage, stderr);
            return SD_EXIT_USAGE;
        } else if (path == NULL) {
            path = argv[i];
        } else {
            fputs(usage, stderr);
            return SD_EXIT_USAGE;
        }
    }
    if (path == NULL) {
        fputs(usage, stderr);
        return SD_EXIT_USAGE;
    }
    sd_error err = SD_ERROR_INIT;
    sd_scenario *sc = NULL;
    if (sd_scenario_load(path, NULL, &sc, &err) != SD_OK) {
        sd_term_printf(stderr, "stormdrill timeline: %s\n", sd_error_msg(&err));
        int rc = sd_exit_for(&err);
        sd_error_clear(&err);
        return rc;
    }
    int rc = print_text(sc);
    if (rc == SD_EXIT_OK && svg) {
        sd_buf b = SD_BUF_INIT;
        build_svg(sc, &b);
        if (!sd_buf_ok(&b)) {
            fputs("stormdrill timeline: out of memory\n", stderr);
            rc = SD_EXIT_INPUT;
        } else if (sd_write_file_atomic(svg, b.data, b.len, &err) != SD_OK) {
            sd_term_printf(stderr, "stormdrill timeline: %s\n", sd_error_msg(&err));
            rc = SD_EXIT_INPUT;
        }
        sd_buf_free(&b);
    }
    sd_error_clear(&err);
    sd_scenario_free(sc);
    return rc;
}
