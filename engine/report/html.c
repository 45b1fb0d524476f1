/* html.c - the report page: layout, tables and sections around the charts. */
#include "html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../scoring/score.h"
#include "../util/atomic_file.h"
#include "../util/xml.h"
#include "charts.h"
#include "svg.h"

#define MAX_EVENT_ROWS 60 /* rows of the escalation list per participant */
#define MAX_RULE_ROWS 12
#define MAX_MISS_ROWS 100 /* rows of the misses table per participant (costliest first) */

static const char css[] =
    "*{box-sizing:border-box}"
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#1c2833;margin:0 auto;"
    "max-width:1000px;padding:24px;line-height:1.45;font-size:15px;background:#fff}"
    "h1{font-size:1.7em;margin:0 0 .2em}h2{font-size:1.3em;margin:1.6em 0 .5em;border-bottom:2px solid #1f5fa8;"
    "padding-bottom:.15em}h3{font-size:1.05em;margin:1.2em 0 .4em}"
    "p.meta,.note{color:#52606d;font-size:.9em}"
    ".warn{border-left:5px solid #d9730d;background:#fff4e5;padding:.5em .8em;margin:.6em 0}"
    "table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.9em}"
    "th,td{border-bottom:1px solid #d5dbe1;padding:.3em .45em;text-align:left;vertical-align:top}"
    "th{background:#f0f3f6}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}"
    "td.good{color:#2e7d32;font-weight:bold}td.fair{color:#b26a00;font-weight:bold}td.poor{color:#c62828;font-weight:bold}"
    ".mark{display:inline-block;border-radius:3px;padding:0 .35em;color:#fff;font-size:.85em;font-weight:bold}"
    "svg.chart{display:block;width:100%;height:auto;max-width:720px;margin:.3em 0 1em;font-size:12px}"
    "svg .label{fill:#1c2833}svg .strong{font-weight:bold}svg .value,svg .tick,svg .unit,svg .legend{fill:#52606d}"
    "svg .grid{stroke:#e3e8ec;stroke-width:1}svg .axis{stroke:#7b8794;stroke-width:1}"
    "svg .lane{stroke:#e3e8ec;stroke-width:1;stroke-dasharray:3 3}svg .median{stroke:#1c2833;stroke-width:2}"
    "svg .answer{fill:none;stroke:#d9730d;stroke-width:2}svg .trend{fill:none;stroke-width:2.5}"
    "svg .trend.thin{stroke-width:1.5;stroke-dasharray:5 3}"
    "dl.figures{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;margin:.3em 0 1em}"
    "dl.figures dt{color:#52606d}dl.figures dd{margin:0}"
    ".sev-critical{color:#c62828;font-weight:bold}.sev-major{color:#b26a00}"
    "ul.strengths{list-style:none;padding-left:0;margin:.3em 0 1em}"
    "ul.strengths li{border-left:4px solid #2e7d32;background:#eef7ee;padding:.25em .6em;margin:.2em 0}"
    "table.moments td.num{width:4.5em;color:#52606d}"
    "table.moments tr.missed td{color:#c62828;font-weight:bold}"
    "footer{margin-top:2em;color:#7b8794;font-size:.8em}"
    "@page{size:A4;margin:14mm 12mm}"
    "@media print{body{max-width:none;padding:0;font-size:10pt}"
    "h2{break-after:avoid}h3{break-after:avoid}section.participant{break-before:page}"
    "svg.chart,tr,.warn,dl.figures{break-inside:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

typedef struct page {
    sd_buf *b;
    const sd_texts *tx;
    sd_language lang;
    const sd_report *r;
} page;

static const char *T(const page *pg, const char *key) { return sd_rtext(pg->tx, key); }

/* How the exercise ended, in the page's language: the program's own reasons are
 * translated, a scenario's finish() text is shown as written. */
static const char *end_reason_text(const page *pg, const char *reason)
{
    static const char *const known[][2] = {
        {"duration", "report.end.duration"},
        {"ended by facilitator", "report.end.facilitator"},
        {"window closed", "report.end.window_closed"},
        {"finished by scenario", "report.end.scenario"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(reason, known[i][0]) == 0)
            return T(pg, known[i][1]);
    return reason;
}

static void esc(page *pg, const char *s) { sd_xml_text(pg->b, s); }

/* A number with one decimal, with a decimal comma in Swedish. */
static void num1(page *pg, double v)
{
    char s[32];
    snprintf(s, sizeof s, "%.1f", v);
    if (pg->lang == SD_LANG_SV)
        for (char *p = s; *p; p++)
            if (*p == '.')
                *p = ',';
    sd_buf_puts(pg->b, s);
}

/* Fills {names} in key's text and appends it escaped. */
static void textf(page *pg, const char *key, size_t n, const char *const *names,
                  const char *const *values)
{
    sd_buf tmp = SD_BUF_INIT;
    sd_texts_format(pg->tx, key, &tmp, n, names, values);
    esc(pg, sd_buf_str(&tmp));
    sd_buf_free(&tmp);
}

static void duration(page *pg, double secs)
{
    if (secs < 0)
        sd_buf_puts(pg->b, "–");
    else if (secs < 3600)
        sd_buf_printf(pg->b, "%ld min %ld s", (long)secs / 60, (long)secs % 60);
    else
        sd_buf_printf(pg->b, "%ld h %ld min", (long)secs / 3600, ((long)secs % 3600) / 60);
}

static void score_cell(page *pg, double v)
{
    sd_buf_printf(pg->b, "<td class=\"num %s\">", v >= 80 ? "good" : v >= 50 ? "fair" : "poor");
    num1(pg, v);
    sd_buf_puts(pg->b, "</td>");
}

static void version_mark(page *pg, size_t i)
{
    char label[4];
    int v = sd_report_version_of(pg->r, i);
    sd_report_version_label(v, label);
    sd_buf_printf(pg->b, "<span class=\"mark\" style=\"background:%s\">%s</span>", sd_svg_version_colour(v), label);
}

/* <tag>text of key</tag> */
static void heading(page *pg, const char *tag, const char *key)
{
    sd_buf_printf(pg->b, "<%s>", tag);
    esc(pg, T(pg, key));
    sd_buf_printf(pg->b, "</%s>\n", tag);
}

static void note(page *pg, const char *key)
{
    sd_buf_puts(pg->b, "<p class=\"note\">");
    esc(pg, T(pg, key));
    sd_buf_puts(pg->b, "</p>\n");
}

static bool group_mixed(const sd_report_group *g) { return g->n_versions > 1 || g->n_programs > 1; }

/* ---- the head of the page ---- */

static void head(page *pg)
{
    sd_buf *b = pg->b;
    sd_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"/>"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'unsafe-inline'; img-src data:\"/>"
                     "<meta name=\"generator\" content=\"stormdrill %s\"/><title>",
                  sd_vocab_name(SD_VOCAB_LANGUAGE, pg->lang), SD_VERSION);
    esc(pg, T(pg, "report.title"));
    sd_buf_printf(b, "</title><style>%s</style></head>\n<body>\n<header><h1>", css);
    esc(pg, T(pg, "report.title"));
    sd_buf_puts(b, "</h1><p class=\"meta\">");
    size_t n = sd_report_n(pg->r), people = 0;
    /* Participants: distinct names. */
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(sd_report_result(pg->r, i)->participant, sd_report_result(pg->r, j)->participant) == 0;
        people += !seen;
    }
    char a[32], c[32], d[32], program[64];
    snprintf(a, sizeof a, "%zu", n);
    snprintf(c, sizeof c, "%zu", people);
    snprintf(d, sizeof d, "%zu", sd_report_n_groups(pg->r));
    snprintf(program, sizeof program, "stormdrill %s", SD_VERSION);
    const char *names[] = {"results", "participants", "scenarios", "program"};
    const char *values[] = {a, c, d, program};
    textf(pg, "report.counts", 4, names, values);
    sd_buf_puts(b, "</p></header>\n");
}

static void warnings(page *pg)
{
    for (size_t g = 0; g < sd_report_n_groups(pg->r); g++) {
        const sd_report_group *gr = sd_report_group_at(pg->r, g);
        if (gr->n_versions > 1) {
            sd_buf list = SD_BUF_INIT;
            for (size_t v = 0; v < gr->n_versions; v++) {
                char label[4];
                sd_report_version_label((int)v, label);
                sd_buf_printf(&list, "%s%s: %.12s…", v ? ", " : "", label, gr->versions[v]);
            }
            char n[32];
            snprintf(n, sizeof n, "%zu", gr->n_versions);
            const char *names[] = {"scenario", "n", "list"};
            const char *values[] = {gr->scenario_id, n, sd_buf_str(&list)};
            sd_buf_puts(pg->b, "<p class=\"warn\">");
            textf(pg, "report.mixed_versions", 3, names, values);
            sd_buf_puts(pg->b, "</p>\n");
            sd_buf_free(&list);
        }
        if (gr->n_programs > 1) {
            sd_buf list = SD_BUF_INIT;
            for (size_t v = 0; v < gr->n_programs; v++)
                sd_buf_printf(&list, "%s%s", v ? ", " : "", gr->programs[v]);
            const char *names[] = {"scenario", "list"};
            const char *values[] = {gr->scenario_id, sd_buf_str(&list)};
            sd_buf_puts(pg->b, "<p class=\"warn\">");
            textf(pg, "report.mixed_programs", 2, names, values);
            sd_buf_puts(pg->b, "</p>\n");
            sd_buf_free(&list);
        }
    }
}

/* ---- a workshop ---- */

static void participants_table(page *pg, size_t details)
{
    sd_buf *b = pg->b;
    sd_buf_puts(b, "<h2>");
    esc(pg, T(pg, "report.participants"));
    sd_buf_puts(b, "</h2>\n<table class=\"participants\"><thead><tr><th>");
    esc(pg, T(pg, "card.participant"));
    sd_buf_puts(b, "</th><th>");
    esc(pg, T(pg, "report.scenario"));
    sd_buf_puts(b, "</th><th>");
    esc(pg, T(pg, "report.date"));
    sd_buf_puts(b, "</th><th>");
    esc(pg, T(pg, "report.version"));
    sd_buf_puts(b, "</th>");
    static const char *const keys[] = {"card.speed", "card.tone", "card.escalation", "card.overall",
                                       "card.unanswered", "report.misses_count"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        sd_buf_puts(b, "<th class=\"num\">");
        esc(pg, T(pg, keys[k]));
        sd_buf_puts(b, "</th>");
    }
    sd_buf_puts(b, "</tr></thead><tbody>\n");
    for (size_t i = 0; i < sd_report_n(pg->r); i++) {
        const sd_rr *rr = sd_report_result(pg->r, i);
        const sd_report_group *g = sd_report_group_at(pg->r, sd_report_group_of(pg->r, i));
        sd_buf_puts(b, "<tr><td>");
        if (i < details)
            sd_buf_printf(b, "<a href=\"#p%zu\">", i + 1);
        esc(pg, rr->participant);
        if (i < details)
            sd_buf_puts(b, "</a>");
        sd_buf_puts(b, "</td><td>");
        esc(pg, rr->scenario_id);
        sd_buf_puts(b, "</td><td>");
        esc(pg, rr->date ? rr->date : T(pg, "report.no_date"));
        sd_buf_puts(b, "</td><td>");
        version_mark(pg, i);
        if (group_mixed(g)) {
            sd_buf_puts(b, " ");
            esc(pg, rr->program);
        }
        sd_buf_puts(b, "</td>");
        for (int k = 0; k < SD_REPORT_SCORES; k++)
            score_cell(pg, sd_report_score(rr, k));
        sd_buf_printf(b, "<td class=\"num\">%lld / %lld</td><td class=\"num\">%zu</td></tr>\n",
                      (long long)rr->summary.unanswered, (long long)rr->summary.expecting_answer,
                      rr->n_feedback);
    }
    sd_buf_puts(b, "</tbody></table>\n");
}

static void group_section(page *pg, const sd_report_group *g)
{
    sd_buf *b = pg->b;
    sd_buf_puts(b, "<h2>");
    esc(pg, T(pg, "report.scenario"));
    sd_buf_puts(b, ": ");
    esc(pg, g->title);
    sd_buf_puts(b, " <span class=\"note\">(");
    esc(pg, g->scenario_id);
    sd_buf_printf(b, ", n = %zu)</span></h2>\n<h3>", g->n);
    esc(pg, T(pg, "report.distribution"));
    sd_buf_puts(b, "</h3>\n");
    sd_chart_distribution(b, pg->r, g, pg->tx);
    sd_buf_puts(b, "<p class=\"note\">");
    esc(pg, T(pg, "report.distribution_note"));
    if (g->n_versions > 1) {
        sd_buf_puts(b, " ");
        esc(pg, T(pg, "report.versions_note"));
    }
    sd_buf_puts(b, "</p>\n<h3>");
    esc(pg, T(pg, "report.trend"));
    sd_buf_puts(b, "</h3>\n");
    if (sd_chart_trend(b, g, pg->tx)) {
        note(pg, "report.trend_note");
    } else {
        note(pg, "report.no_trend");
    }
}

static void rules_section(page *pg)
{
    sd_buf *b = pg->b;
    sd_buf_puts(b, "<h2>");
    esc(pg, T(pg, "report.rules"));
    sd_buf_puts(b, "</h2>\n<p class=\"note\">");
    esc(pg, T(pg, "report.rules_note"));
    sd_buf_puts(b, "</p>\n");
    size_t n = sd_report_n_rules(pg->r);
    if (n == 0) {
        sd_buf_puts(b, "<p>");
        esc(pg, T(pg, "card.none"));
        sd_buf_puts(b, "</p>\n");
        return;
    }
    sd_chart_rules(b, pg->r, pg->tx, MAX_RULE_ROWS);
    sd_buf_puts(b, "<table class=\"rules\"><thead><tr><th>");
    esc(pg, T(pg, "report.rule"));
    sd_buf_puts(b, "</th><th class=\"num\">");
    esc(pg, T(pg, "report.rule_results"));
    sd_buf_puts(b, "</th><th class=\"num\">");
    esc(pg, T(pg, "report.rule_misses"));
    sd_buf_puts(b, "</th><th class=\"num\">");
    esc(pg, T(pg, "report.worst_severity"));
    sd_buf_puts(b, "</th></tr></thead><tbody>\n");
    const sd_report_rule *rules = sd_report_rules(pg->r);
    for (size_t i = 0; i < n; i++) {
        const char *id = sd_vocab_name(SD_VOCAB_RULE, rules[i].rule);
        sd_buf_puts(b, "<tr><td>");
        esc(pg, sd_rtext2(pg->tx, "rule.", id));
        const char *sev = sd_severity_name((sd_severity)rules[i].worst);
        sd_buf_printf(b, " <span class=\"note\">(%s)</span></td><td class=\"num\">%zu / %zu</td>"
                         "<td class=\"num\">%lld</td><td class=\"num sev-%s\">",
                      id, rules[i].results, sd_report_n(pg->r), (long long)rules[i].misses, sev);
        esc(pg, sd_rtext2(pg->tx, "report.severity.", sev));
        sd_buf_puts(b, "</td></tr>\n");
    }
    sd_buf_puts(b, "</tbody></table>\n");
}

/* ---- the evaluators' review ---- */

static void pct(page *pg, int64_t agreed, int64_t reviewed)
{
    if (reviewed > 0)
        sd_buf_printf(pg->b, "%.0f %%", 100.0 * (double)agreed / (double)reviewed);
    else
        sd_buf_puts(pg->b, "–");
}

/* A row label: the rule's or check's name and its id. */
static void review_label(page *pg, const char *id)
{
    esc(pg, sd_rtext2(pg->tx, "report.review.row.", id));
    sd_buf_puts(pg->b, " <span class=\"note\">(");
    esc(pg, id);
    sd_buf_puts(pg->b, ")</span>");
}

static void review_head(page *pg)
{
    sd_buf *b = pg->b;
    sd_buf_puts(b, "<table class=\"review\"><thead><tr><th>");
    esc(pg, T(pg, "report.rule"));
    sd_buf_puts(b, "</th><th class=\"num\">");
    esc(pg, T(pg, "report.review.reviewed"));
    sd_buf_puts(b, "</th><th class=\"num\">");
    esc(pg, T(pg, "report.review.agreed"));
    sd_buf_puts(b, "</th><th class=\"num\">");
    esc(pg, T(pg, "report.review.agreement"));
    sd_buf_puts(b, "</th></tr></thead><tbody>\n");
}

/* Per rule, how often the evaluators agreed with the machine, over every reviewed result. */
static void review_section(page *pg)
{
    sd_buf *b = pg->b;
    size_t n = sd_report_n_review_rows(pg->r);
    if (sd_report_n_reviewed(pg->r) == 0)
        return;
    sd_buf_puts(b, "<h2 id=\"review\">");
    esc(pg, T(pg, "report.review"));
    sd_buf_puts(b, "</h2>\n<p class=\"note\">");
    char a[32], m[32];
    snprintf(a, sizeof a, "%zu", sd_report_n_reviewed(pg->r));
    snprintf(m, sizeof m, "%zu", sd_report_n(pg->r));
    const char *names[] = {"n", "of"};
    const char *values[] = {a, m};
    textf(pg, "report.review_note", 2, names, values);
    sd_buf_puts(b, "</p>\n");
    review_head(pg);
    const sd_report_review_row *rows = sd_report_review_rows(pg->r);
    for (size_t i = 0; i < n; i++) {
        sd_buf_puts(b, "<tr><td>");
        review_label(pg, rows[i].rule);
        sd_buf_printf(b, "</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td><td class=\"num\">",
                      (long long)rows[i].reviewed, (long long)rows[i].agreed);
        pct(pg, rows[i].agreed, rows[i].reviewed);
        sd_buf_puts(b, "</td></tr>\n");
    }
    int64_t compared, agreed;
    sd_report_review_totals(pg->r, &compared, &agreed);
    sd_buf_puts(b, "<tr><th>");
    esc(pg, T(pg, "report.review.all"));
    sd_buf_printf(b, "</th><th class=\"num\">%lld</th><th class=\"num\">%lld</th><th class=\"num\">",
                  (long long)compared, (long long)agreed);
    pct(pg, agreed, compared);
    sd_buf_puts(b, "</th></tr>\n</tbody></table>\n");
}

/* One result's review: who, and the agreement per rule. */
static void participant_review(page *pg, const sd_rr *rr)
{
    sd_buf *b = pg->b;
    if (!rr->reviewed)
        return;
    heading(pg, "h3", "report.review");
    sd_buf_puts(b, "<p class=\"meta\">");
    esc(pg, T(pg, "card.review.evaluators"));
    sd_buf_puts(b, ": ");
    for (size_t i = 0; i < rr->n_evaluators; i++) {
        if (i)
            sd_buf_puts(b, ", ");
        esc(pg, rr->evaluators[i]);
    }
    sd_buf_printf(b, " · %lld + %lld ", (long long)rr->review_replies, (long long)rr->review_decisions);
    esc(pg, T(pg, "report.review.targets"));
    sd_buf_puts(b, "</p>\n");
    if (rr->n_review_rows == 0) {
        note(pg, "report.review.none");
        return;
    }
    review_head(pg);
    for (size_t i = 0; i < rr->n_review_rows; i++) {
        const sd_rr_review_row *row = &rr->review_rows[i];
        sd_buf_puts(b, "<tr><td>");
        review_label(pg, row->rule);
        sd_buf_printf(b, "</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td><td class=\"num\">",
                      (long long)row->reviewed, (long long)row->agreed);
        pct(pg, row->agreed, row->reviewed);
        sd_buf_puts(b, "</td></tr>\n");
    }
    sd_buf_puts(b, "</tbody></table>\n");
}

/* ---- one participant ---- */

static void figure(page *pg, const char *key)
{
    sd_buf_puts(pg->b, "<dt>");
    esc(pg, T(pg, key));
    sd_buf_puts(pg->b, "</dt><dd>");
}

static void events_table(page *pg, const sd_rr *rr)
{
    sd_buf *b = pg->b;
    sd_buf_puts(b, "<table class=\"events\"><thead><tr><th>");
    esc(pg, T(pg, "report.time"));
    sd_buf_puts(b, "</th><th>");
    esc(pg, T(pg, "report.what"));
    sd_buf_puts(b, "</th><th>");
    esc(pg, T(pg, "report.item"));
    sd_buf_puts(b, "</th><th>");
    esc(pg, T(pg, "report.verdict"));
    sd_buf_puts(b, "</th></tr></thead><tbody>\n");
    sd_time end = rr->end ? rr->end : rr->start + (sd_time)rr->n_bins * rr->bin_seconds;
    size_t shown = rr->n_events < MAX_EVENT_ROWS ? rr->n_events : MAX_EVENT_ROWS;
    for (size_t i = 0; i < shown; i++) {
        const sd_rr_event *e = &rr->events[i];
        char at[16] = "–";
        if (e->t)
            sd_rclock(e->t, end - rr->start >= 86400, at);
        sd_buf_printf(b, "<tr><td>%s</td><td>", at);
        if (e->kind == SD_RR_EV_ACCOUNT)
            esc(pg, sd_rtext2(pg->tx, "ui.step.", sd_vocab_name(SD_VOCAB_STEP, e->what)));
        else if (e->kind == SD_RR_EV_PUBLISH)
            esc(pg, T(pg, "ui.action.publish"));
        else
            esc(pg, sd_rtext2(pg->tx, "ui.target.", sd_vocab_name(SD_VOCAB_TARGET, e->what)));
        sd_buf_puts(b, "</td><td>");
        esc(pg, e->item);
        sd_buf_puts(b, "</td><td>");
        if (e->verdict >= 0)
            esc(pg, sd_rtext2(pg->tx, "report.", sd_rr_verdict_name(e->verdict)));
        sd_buf_puts(b, "</td></tr>\n");
    }
    sd_buf_puts(b, "</tbody></table>\n");
    int64_t more = (int64_t)(rr->n_events - shown) + rr->events_left_out;
    if (more > 0) {
        char n[32];
        snprintf(n, sizeof n, "%lld", (long long)more);
        const char *names[] = {"n"};
        const char *values[] = {n};
        sd_buf_puts(b, "<p class=\"note\">");
        textf(pg, "report.events_left_out", 1, names, values);
        sd_buf_puts(b, "</p>\n");
    }
}

static void misses_table(page *pg, const sd_rr *rr)
{
    sd_buf *b = pg->b;
    if (rr->n_feedback == 0) {
        sd_buf_puts(b, "<p>");
        esc(pg, T(pg, "card.none"));
        sd_buf_puts(b, "</p>\n");
        return;
    }
    sd_buf_puts(b, "<table class=\"misses\"><thead><tr><th>");
    esc(pg, T(pg, "report.rule"));
    sd_buf_puts(b, "</th><th>");
    esc(pg, T(pg, "report.severity"));
    sd_buf_puts(b, "</th><th class=\"num\">");
    esc(pg, T(pg, "report.points_lost"));
    sd_buf_puts(b, "</th><th>");
    esc(pg, T(pg, "report.feedback"));
    sd_buf_puts(b, "</th></tr></thead><tbody>\n");
    static const char *const sev[] = {"minor", "major", "critical"};
    size_t shown = rr->n_feedback < MAX_MISS_ROWS ? rr->n_feedback : MAX_MISS_ROWS;
    for (size_t i = 0; i < shown; i++) {
        const sd_rr_feedback *f = &rr->feedback[i];
        const char *id = sd_vocab_name(SD_VOCAB_RULE, f->rule);
        const char *s = f->severity >= 0 && f->severity < 3 ? sev[f->severity] : "minor";
        sd_buf_puts(b, "<tr><td>");
        esc(pg, sd_rtext2(pg->tx, "rule.", id));
        sd_buf_printf(b, "</td><td class=\"sev-%s\">", s);
        esc(pg, sd_rtext2(pg->tx, "report.severity.", s));
        sd_buf_puts(b, "</td><td class=\"num\">−");
        num1(pg, f->cost);
        sd_buf_puts(b, "</td><td>");
        sd_xml_text_br(b, f->text);
        sd_buf_puts(b, "</td></tr>\n");
    }
    sd_buf_puts(b, "</tbody></table>\n");
    if (shown < rr->n_feedback) {
        char n[32];
        snprintf(n, sizeof n, "%zu", rr->n_feedback - shown);
        const char *names[] = {"n"};
        const char *values[] = {n};
        sd_buf_puts(b, "<p class=\"note\">");
        textf(pg, "report.misses_left_out", 1, names, values);
        sd_buf_puts(b, "</p>\n");
    }
}

/* The debrief: what to fix first (the misses, most serious first), what went well, and the
 * crisis as it was handled. */
static void debrief(page *pg, const sd_rr *rr)
{
    sd_buf *b = pg->b;
    sd_buf_puts(b, "<div class=\"debrief\">\n");
    heading(pg, "h3", "report.misses");
    misses_table(pg, rr);
    heading(pg, "h3", "report.strengths");
    if (rr->n_strengths == 0) {
        note(pg, "card.no_strengths");
    } else {
        sd_buf_puts(b, "<ul class=\"strengths\">\n");
        for (size_t i = 0; i < rr->n_strengths; i++) {
            sd_buf_puts(b, "<li>");
            esc(pg, rr->strengths[i].text);
            sd_buf_puts(b, " <span class=\"note\">(");
            esc(pg, sd_rtext2(pg->tx, "rule.", sd_vocab_name(SD_VOCAB_RULE, rr->strengths[i].rule)));
            sd_buf_puts(b, ")</span></li>\n");
        }
        sd_buf_puts(b, "</ul>\n");
    }
    if (rr->n_timeline) {
        heading(pg, "h3", "report.crisis_timeline");
        sd_time end = rr->end ? rr->end : rr->timeline[rr->n_timeline - 1].t;
        sd_buf_puts(b, "<table class=\"moments\"><tbody>\n");
        for (size_t i = 0; i < rr->n_timeline; i++) {
            char at[16];
            sd_rclock(rr->timeline[i].t, end - rr->start >= 86400, at);
            const char *ev = rr->timeline[i].event;
            bool missed = rr->timeline[i].value < 0 && (strcmp(ev, "threat") == 0 ||
                                                        strcmp(ev, "personal_data") == 0);
            sd_buf_printf(b, "<tr class=\"%s%s\"><td class=\"num\">%s</td><td>", ev,
                          missed ? " missed" : "", at);
            esc(pg, rr->timeline[i].text);
            sd_buf_puts(b, "</td></tr>\n");
        }
        sd_buf_puts(b, "</tbody></table>\n");
    }
    sd_buf_puts(b, "</div>\n");
}

static void participant_section(page *pg, size_t i)
{
    sd_buf *b = pg->b;
    const sd_rr *rr = sd_report_result(pg->r, i);
    sd_buf_printf(b, "<section class=\"participant\" id=\"p%zu\"><h2>", i + 1);
    esc(pg, rr->participant);
    sd_buf_puts(b, " – ");
    esc(pg, rr->scenario_title);
    sd_buf_puts(b, "</h2>\n<p class=\"meta\">");
    esc(pg, rr->date ? rr->date : T(pg, "report.no_date"));
    sd_buf_puts(b, " · ");
    esc(pg, rr->scenario_id);
    sd_buf_puts(b, " ");
    version_mark(pg, i);
    sd_buf_printf(b, " %.12s… · ", rr->scenario_sha256);
    esc(pg, rr->program);
    sd_buf_puts(b, " · ");
    esc(pg, T(pg, "report.seed"));
    sd_buf_printf(b, " %lld · ", (long long)rr->seed);
    esc(pg, end_reason_text(pg, rr->end_reason));
    sd_buf_puts(b, " · ");
    esc(pg, rr->path);
    /* what the log showed of its integrity (a sealed log was checked with the key) */
    sd_buf_printf(b, "</p>\n<p class=\"integrity %s\">", rr->integrity);
    esc(pg, sd_rtext2(pg->tx, "report.integrity.", rr->integrity));
    if (rr->key_id) {
        sd_buf_puts(b, " (");
        esc(pg, rr->key_id);
        sd_buf_puts(b, ")");
    }
    if (strcmp(rr->integrity, "sealed-intact") == 0 && !rr->seal_complete) {
        sd_buf_puts(b, " · ");
        esc(pg, T(pg, "report.integrity.unfinished"));
    }
    sd_buf_puts(b, "</p>\n<h3>");
    esc(pg, T(pg, "report.scores"));
    sd_buf_puts(b, "</h3>\n");
    sd_chart_scores(b, rr, pg->tx);
    sd_buf_puts(b, "<dl class=\"figures\">");
    figure(pg, "card.median");
    duration(pg, rr->summary.median_answer);
    sd_buf_puts(b, "</dd>");
    figure(pg, "card.p90");
    duration(pg, rr->summary.p90_answer);
    sd_buf_puts(b, "</dd>");
    figure(pg, "report.answered");
    sd_buf_printf(b, "%lld / %lld</dd>", (long long)rr->summary.answered, (long long)rr->summary.expecting_answer);
    figure(pg, "card.late");
    sd_buf_printf(b, "%lld</dd>", (long long)rr->summary.late);
    figure(pg, "card.unanswered");
    sd_buf_printf(b, "%lld</dd>", (long long)rr->summary.unanswered);
    figure(pg, "card.replies");
    sd_buf_printf(b, "%lld</dd>", (long long)rr->replies_checked);
    figure(pg, "report.items");
    sd_buf_printf(b, "%lld</dd></dl>\n", (long long)rr->n_items);
    debrief(pg, rr);
    sd_buf_puts(b, "<h3>");
    esc(pg, T(pg, "report.answer_volume"));
    sd_buf_puts(b, "</h3>\n");
    sd_chart_answer_volume(b, rr, pg->tx);
    heading(pg, "h3", "report.tone_checks");
    if (!sd_chart_checks(b, rr, pg->tx)) {
        note(pg, "report.no_replies");
    }
    heading(pg, "h3", "report.timeline");
    if (sd_chart_timeline(b, rr, pg->tx)) {
        events_table(pg, rr);
    } else {
        note(pg, "report.no_events");
    }
    participant_review(pg, rr);
    sd_buf_puts(b, "</section>\n");
}

/* ---- the page ---- */

sd_status sd_report_html(const sd_report *r, const sd_report_html_options *o, sd_buf *out,
                         sd_error *err)
{
    page pg = {out, o->tx, o->lang, r};
    size_t n = sd_report_n(r);
    size_t max = o->max_details ? o->max_details : SD_REPORT_MAX_DETAILS;
    size_t details = n <= max ? n : 0;
    head(&pg);
    warnings(&pg);
    if (n > 1) {
        participants_table(&pg, details);
        for (size_t g = 0; g < sd_report_n_groups(r); g++)
            group_section(&pg, sd_report_group_at(r, g));
        rules_section(&pg);
        review_section(&pg);
        if (details == 0) {
            char a[32], m[32];
            snprintf(a, sizeof a, "%zu", n);
            snprintf(m, sizeof m, "%zu", max);
            const char *names[] = {"n", "max"};
            const char *values[] = {a, m};
            sd_buf_puts(out, "<p class=\"note\">");
            textf(&pg, "report.details_left_out", 2, names, values);
            sd_buf_puts(out, "</p>\n");
        }
    }
    if (n <= 1)
        review_section(&pg);
    for (size_t i = 0; i < details; i++)
        participant_section(&pg, i);
    sd_buf_puts(out, "<footer>");
    esc(&pg, T(&pg, "report.footer"));
    sd_buf_puts(out, "</footer>\n</body></html>\n");
    if (!sd_buf_ok(out))
        return sd_error_set(err, SD_ERR_MEMORY, "out of memory making the report");
    return SD_OK;
}

sd_status sd_report_write_html(const sd_report *r, const sd_report_html_options *o,
                               const char *path, sd_error *err)
{
    sd_buf b = SD_BUF_INIT;
    sd_status st = sd_report_html(r, o, &b, err);
    if (st == SD_OK)
        st = sd_write_file_atomic(path, b.data ? b.data : "", b.len, err);
    sd_buf_free(&b);
    return st;
}
