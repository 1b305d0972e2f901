/*
 * report.c -- report.html, one self-contained page per output folder (see
 * report.h): what was run, the headline numbers with their intervals, the
 * figures (SVG inlined as data: URIs) and, when chain.csv is there, the
 * links of the service-profit chain beside the reference forms.
 *
 * The page is built from the folder's files only, so it is the same after
 * a run and after `spcsim plot DIR`, and for any -j (run.json's jobs and
 * wall time are left out).
 */
#include "spcsim/report.h"
#include "report_html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/chainstudy.h"
#include "spcsim/csvtable.h"
#include "spcsim/metricinfo.h"
#include "spcsim/output.h"

/* ---- HTML pieces ---- */

void report_esc(FILE *f, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
}

void report_num(FILE *f, double x)
{
    if (isfinite(x) && fabs(x) >= 1e4 && fabs(x) < 1e12)
        fprintf(f, "%.0f", x); /* counts and money: all the digits, no exponent */
    else if (isfinite(x))
        fprintf(f, "%.4g", x);
    else
        fputs("&ndash;", f);
}

/* "mean [low, high]" */
void report_interval(FILE *f, double mean, double lo, double hi)
{
    report_num(f, mean);
    if (isfinite(lo) && isfinite(hi)) {
        fputs(" <span class=\"ci\">[", f);
        report_num(f, lo);
        fputs(", ", f);
        report_num(f, hi);
        fputs("]</span>", f);
    }
}

static void base64(FILE *f, const unsigned char *p, size_t n)
{
    static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        fputc(a[v >> 18 & 63], f);
        fputc(a[v >> 12 & 63], f);
        fputc(i + 1 < n ? a[v >> 6 & 63] : '=', f);
        fputc(i + 2 < n ? a[v & 63] : '=', f);
    }
}

static const char style[] =
    "body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;margin:1em 0}td,th{padding:.25em .7em;border-bottom:1px solid #e4e4e4;"
    "text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}.ci{color:#666;white-space:nowrap}"
    ".warn{color:#a40}"
    "figure{margin:1.5em 0}figure img{width:100%;height:auto;border:1px solid #ddd}"
    "figcaption{color:#555}.note,.missing{background:#fff4d6;padding:.6em;border-left:4px solid #e0a800}"
    ".chain{display:flex;gap:2em;flex-wrap:wrap}p.story{font-size:1.15em;line-height:1.5}";

/* Marks figures that fail to load and counts them on <body> (the browser test reads it). */
static const char check_script[] =
    "window.addEventListener('load',function(){var ok=0,failed=0;"
    "document.querySelectorAll('figure img').forEach(function(img){"
    "if(img.complete&&img.naturalWidth>0){ok++;}else{failed++;var p=document.createElement('p');"
    "p.className='missing';p.textContent='This figure failed to load: '+img.alt;img.replaceWith(p);}});"
    "document.body.setAttribute('data-figures-ok',ok);document.body.setAttribute('data-figures-failed',failed);"
    "document.body.setAttribute('data-checked','yes');});";

/* ---- sections ---- */


/* compare and sweep write no run.json: what their CSV file tells. */
static void study_meta(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    const char *file = d->compare ? "compare.csv" : d->sweep ? "sweep.csv" : d->chain ? "chain.csv" : NULL;
    if (file == NULL || !report_load(d, file, &t))
        return;
    fprintf(f, "<p>Made from <code>%s</code> in this folder", file);
    double n = spc_csvtable_num(&t, 0, spc_csvtable_column(&t, "n"));
    if (isfinite(n))
        fprintf(f, ": %.0f replications per %s, with common random numbers", n,
                d->compare ? "variant" : d->sweep ? "grid point" : "arm (the base and the variant)");
    fputs(".</p>\n", f);
    spc_csvtable_free(&t);
}

static void meta(FILE *f, const spc_outdir *d)
{
    if (!d->run_json) {
        study_meta(f, d);
        return;
    }
    fputs("<table class=\"meta\">\n<tr><th>scenario</th><td>", f);
    report_esc(f, d->name ? d->name : "");
    fputs(" (<code>", f);
    report_esc(f, d->scenario ? d->scenario : "");
    fprintf(f, "</code>)</td></tr>\n<tr><th>seed</th><td>%llu</td></tr>\n<tr><th>replications</th><td>%u</td></tr>\n",
            d->seed, d->replications);
    fputs("<tr><th>horizon, warm-up</th><td>", f);
    report_num(f, d->horizon);
    fputs(", ", f);
    report_num(f, d->warmup);
    fputc(' ', f);
    report_esc(f, d->time_unit ? d->time_unit : "");
    fputs("</td></tr>\n<tr><th>generator</th><td>", f);
    report_esc(f, d->generator ? d->generator : "");
    fputs("</td></tr>\n<tr><th>spcsim</th><td>", f);
    report_esc(f, d->version ? d->version : "");
    fputs("</td></tr>\n</table>\n", f);
}

static int headline_scope(const char *s)
{
    return strcmp(s, "system") == 0 || strcmp(s, "company") == 0 || strcmp(s, "customers") == 0 ||
           strcmp(s, "finance") == 0;
}

int report_load(const spc_outdir *d, const char *name, spc_csvtable *t)
{
    char path[4200];
    spc_error e;
    spc_error_clear(&e);
    return spc_outdir_path(d, name, path, sizeof path) == 0 && spc_csvtable_load(t, path, &e) == SPC_OK;
}

void report_interval_kind(FILE *f, const spc_outdir *d)
{
    if (d->uncertain)
        fputs(" The intervals hold parameter uncertainty as well as simulation noise: each replication drew the "
              "scenario's assumptions from their plausible ranges (<code>--uncertain</code>; the values in "
              "<code>uncertain.csv</code>).", f);
    else
        fputs(" The intervals hold simulation noise only, at the scenario's own settings.", f);
}

static void summary_table(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!report_load(d, "summary.csv", &t))
        return;
    int sc = spc_csvtable_column(&t, "scope"), mc = spc_csvtable_column(&t, "metric");
    int mean = spc_csvtable_column(&t, "mean"), lo = spc_csvtable_column(&t, "ci95_low");
    int hi = spc_csvtable_column(&t, "ci95_high");
    int warn = spc_csvtable_column(&t, "ci_warning"); /* -1 in folders written before it existed */
    size_t flagged = 0;
    fputs("<details id=\"raw\"><summary>Every metric of <code>summary.csv</code>, by its raw name</summary>\n"
          "<p>Means with their 95% confidence intervals (from <code>summary.csv</code>; units in its "
          "<code>unit</code> column).", f);
    report_interval_kind(f, d);
    fputs("</p>\n<table id=\"headline\">\n<tr><th>scope</th><th>metric</th>"
          "<th>mean [95% interval]</th></tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++) {
        const char *w = spc_csvtable_get(&t, r, warn); /* "" when there is no such column */
        flagged += w != NULL && *w != '\0';
        fputs("<tr><td>", f);
        report_esc(f, spc_csvtable_get(&t, r, sc));
        fputs("</td><td>", f);
        report_esc(f, spc_csvtable_get(&t, r, mc));
        fputs("</td><td class=\"n\">", f);
        report_interval(f, spc_csvtable_num(&t, r, mean), spc_csvtable_num(&t, r, lo), spc_csvtable_num(&t, r, hi));
        if (w != NULL && *w != '\0') {
            fputs(" <span class=\"warn\">(not trusted: ", f);
            report_esc(f, w);
            fputs(")</span>", f);
        }
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n</details>\n", f);
    if (flagged > 0)
        fprintf(f, "<p class=\"warn\">%zu interval(s) in <code>summary.csv</code> rest on batch means that are too "
                "few or still correlated (column <code>ci_warning</code>, docs/model.md B5) and are probably too "
                "narrow: run longer, or replicate (<code>-r N</code>).</p>\n", flagged);
    spc_csvtable_free(&t);
}

/* ---- the standards scorecard (docs/model.md 9.19) ---- */

static const struct {
    const char *metric, *label, *head;
    int optional; /* only with channels (9.20): no column without it */
} standards[] = {
    { "speed_on_time_pct", "speed: deliveries on time against the promise (%)", "speed", 0 },
    { "accuracy_pct", "accuracy: orders without a defect (%)", "accuracy", 0 },
    { "transparency_pct", "transparency: late orders whose customer was told in time (%)", "transparency", 0 },
    { "accessibility_pct", "accessibility: problems the company reached first (%)", "accessibility", 0 },
    { "first_contact_pct", "accessibility: inquiries and requests resolved in the first channel tried (%)",
      "first contact", 1 },
    { "output_per_hour", "performance: orders delivered per paid person-hour", "output/h", 0 },
    { "errors_per_order", "performance: errors made per order delivered", "errors/order", 0 },
};
#define NSTANDARDS (sizeof standards / sizeof standards[0])

/* The trend: the customers rows of timeseries.csv, one line per period. */
static void scorecard_trend(FILE *f, const spc_outdir *d)
{
    spc_csvtable ts;
    if (!report_load(d, "timeseries.csv", &ts))
        return;
    int tsc = spc_csvtable_column(&ts, "scope"), per = spc_csvtable_column(&ts, "period");
    int col[NSTANDARDS];
    for (size_t k = 0; k < NSTANDARDS; k++)
        col[k] = spc_csvtable_column(&ts, standards[k].metric);
    fputs("<h3>The standards per period</h3>\n<table id=\"scorecard-trend\">\n<tr><th>period</th>", f);
    for (size_t k = 0; k < NSTANDARDS; k++)
        if (!standards[k].optional || col[k] >= 0)
            fprintf(f, "<th>%s</th>", standards[k].head);
    fputs("</tr>\n", f);
    for (size_t r = 0; r < ts.nrows; r++) {
        if (strcmp(spc_csvtable_get(&ts, r, tsc), "customers") != 0)
            continue;
        fputs("<tr><td>", f);
        report_esc(f, spc_csvtable_get(&ts, r, per));
        fputs("</td>", f);
        for (size_t k = 0; k < NSTANDARDS; k++) {
            if (standards[k].optional && col[k] < 0)
                continue;
            fputs("<td class=\"n\">", f);
            report_num(f, col[k] >= 0 ? spc_csvtable_num(&ts, r, col[k]) : NAN);
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
    spc_csvtable_free(&ts);
}

/* The scorecard's summary, then its trend; nothing without the scorecard. */
static void scorecard_section(FILE *f, const spc_outdir *d)
{
    spc_csvtable s;
    if (!report_load(d, "summary.csv", &s))
        return;
    int sc = spc_csvtable_column(&s, "scope"), mc = spc_csvtable_column(&s, "metric");
    int mean = spc_csvtable_column(&s, "mean"), lo = spc_csvtable_column(&s, "ci95_low");
    int hi = spc_csvtable_column(&s, "ci95_high");
    size_t found = 0;
    for (size_t r = 0; r < s.nrows; r++)
        found += strcmp(spc_csvtable_get(&s, r, sc), "standards") == 0;
    if (found > 0) {
        fputs("<h2>The five standards</h2>\n<p>The scorecard of customer service (docs/model.md 9.19), over the "
              "observation window, with 95% intervals.</p>\n<table id=\"scorecard\">\n<tr><th>standard</th>"
              "<th>mean [95% interval]</th></tr>\n", f);
        for (size_t k = 0; k < NSTANDARDS; k++)
            for (size_t r = 0; r < s.nrows; r++)
                if (strcmp(spc_csvtable_get(&s, r, sc), "standards") == 0 &&
                    strcmp(spc_csvtable_get(&s, r, mc), standards[k].metric) == 0) {
                    fputs("<tr><td>", f);
                    report_esc(f, standards[k].label);
                    fputs("</td><td class=\"n\">", f);
                    report_interval(f, spc_csvtable_num(&s, r, mean), spc_csvtable_num(&s, r, lo),
                             spc_csvtable_num(&s, r, hi));
                    fputs("</td></tr>\n", f);
                }
        fputs("</table>\n", f);
    }
    spc_csvtable_free(&s);
    if (found > 0)
        scorecard_trend(f, d);
}

static void figure(FILE *f, const spc_outdir *d, const spc_plot_figure *fig, unsigned formats, const char *note)
{
    char name[80], path[4200];
    snprintf(name, sizeof name, "%s.svg", fig->name);
    FILE *svg = fig->drawn && spc_outdir_path(d, name, path, sizeof path) == 0 ? fopen(path, "rb") : NULL;
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    for (size_t got = 1; svg != NULL && got > 0; n += got) {
        if (n == cap) {
            unsigned char *bigger = realloc(buf, cap = cap ? 2 * cap : 1 << 16);
            if (bigger == NULL)
                break;
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n, svg);
    }
    if (svg != NULL)
        fclose(svg);
    if (buf != NULL && n > 0) {
        fputs("<figure><img alt=\"", f);
        report_esc(f, fig->title);
        fputs("\" src=\"data:image/svg+xml;base64,", f);
        base64(f, buf, n);
        fputs("\"><figcaption>", f);
        report_esc(f, fig->title);
        fprintf(f, " (<code>%s.svg</code>, ", fig->name);
        if (formats & SPC_PLOT_PNG)
            fprintf(f, "<code>%s.png</code>, ", fig->name);
        fprintf(f, "drawn by <code>%s.gp</code>)</figcaption></figure>\n", fig->name);
    } else {
        fputs("<p class=\"missing\">Figure not drawn: ", f);
        report_esc(f, fig->title);
        fputs(". ", f);
        report_esc(f, note ? note : "");
        fprintf(f, " Its script is <code>%s.gp</code>.</p>\n", fig->name);
    }
    free(buf);
}

static void figures(FILE *f, const spc_outdir *d, const spc_plot_set *set, spc_plot_kind kind, const char *h2,
                    const char *note)
{
    int any = 0;
    for (size_t i = 0; i < set->n; i++)
        if (set->fig[i].kind == kind) {
            if (!any++ && h2 != NULL)
                fprintf(f, "<h2>%s</h2>\n", h2);
            figure(f, d, &set->fig[i], set->formats, note);
        }
}

/* One row of compare.csv: label, unit, base, variant, difference, relative change. */
static void compare_row(FILE *f, const spc_csvtable *t, size_t r, const int *c)
{
    fputs("<tr>", f);
    for (int i = 0; i < 3; i++) {
        fputs(i == 1 ? "<td title=\"" : "<td>", f);
        if (i == 1) { /* the label, the raw name on hover */
            report_esc(f, spc_csvtable_get(t, r, c[7]));
            fputs("/", f);
            report_esc(f, spc_csvtable_get(t, r, c[8]));
            fputs("\">", f);
        }
        const char *v = spc_csvtable_get(t, r, c[i]);
        report_esc(f, i == 1 && *v == '\0' ? spc_csvtable_get(t, r, c[8]) : v); /* no label: a folder from 0.2.0 */
        fputs("</td>", f);
    }
    for (int i = 3; i < 5; i++) {
        fputs("<td class=\"n\">", f);
        report_num(f, spc_csvtable_num(t, r, c[i]));
        fputs("</td>", f);
    }
    fputs("<td class=\"n\">", f);
    report_interval(f, spc_csvtable_num(t, r, c[5]), spc_csvtable_num(t, r, c[9]), spc_csvtable_num(t, r, c[10]));
    fputs("</td><td class=\"n\">", f);
    double rel = spc_csvtable_num(t, r, c[6]);
    if (strcmp(spc_csvtable_get(t, r, c[11]), "points") == 0)
        fputs("in points", f);
    else if (!isfinite(rel))
        fputs("n/d", f);
    else
        report_interval(f, 100 * rel, 100 * spc_csvtable_num(t, r, c[12]), 100 * spc_csvtable_num(t, r, c[13]));
    fprintf(f, "</td><td>%s</td></tr>\n", strcmp(spc_csvtable_get(t, r, c[14]), "yes") == 0 ? "*" : "");
}

static void compare_table(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!report_load(d, "compare.csv", &t))
        return;
    static const char *const cols[] = { "variant", "label", "unit", "base_mean", "variant_mean", "diff", "rel_diff",
                                        "scope", "metric", "diff_ci95_low", "diff_ci95_high", "compared_in",
                                        "rel_ci95_low", "rel_ci95_high", "significant" };
    int c[15];
    for (int i = 0; i < 15; i++)
        c[i] = spc_csvtable_column(&t, cols[i]);
    fputs("<h2>Comparison</h2>\n<p>Each variant against the base, the chain's measures first: the difference with "
          "its 95% interval over replications with common random numbers; rates, shares and scores in points, "
          "other measures also as a relative change (n/d: not defined, the base's interval includes 0). "
          "From <code>compare.csv</code>; * the difference is significant at 5%.</p>\n<table id=\"compare\">\n"
          "<tr><th>variant</th><th>measure</th><th>unit</th><th>base</th><th>variant</th><th>difference</th>"
          "<th>relative change (%)</th><th></th></tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++)
        if (headline_scope(spc_csvtable_get(&t, r, c[7])))
            compare_row(f, &t, r, c);
    int folded = 0;
    for (size_t r = 0; r < t.nrows; r++)
        if (!headline_scope(spc_csvtable_get(&t, r, c[7]))) {
            if (!folded++)
                fputs("</table>\n<details><summary>The other scopes: stages, standards, management</summary>\n"
                      "<table id=\"compare-rest\">\n", f);
            compare_row(f, &t, r, c);
        }
    fputs(folded ? "</table>\n</details>\n" : "</table>\n", f);
    spc_csvtable_free(&t);
}

/* Whether a sweep.csv row is shown: the chain's measures when the sweep has
 * them, else the system's. */
static int sweep_shown(const char *scope, const char *metric, int chain)
{
    if (!chain)
        return strcmp(scope, "system") == 0;
    int rank = spc_metricinfo_rank(scope, metric);
    return rank > SPC_LINK_NONE && rank < SPC_LINK_COUNT;
}

static void sweep_table(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!report_load(d, "sweep.csv", &t))
        return;
    static const char *const cols[] = { "param1", "value1", "param2", "value2", "scope", "metric" };
    int c[6], mean = spc_csvtable_column(&t, "mean"), lo = spc_csvtable_column(&t, "ci95_low");
    int hi = spc_csvtable_column(&t, "ci95_high"), df = spc_csvtable_column(&t, "diff");
    int dl = spc_csvtable_column(&t, "diff_ci95_low"), dh = spc_csvtable_column(&t, "diff_ci95_high");
    int chain = 0;
    for (int i = 0; i < 6; i++)
        c[i] = spc_csvtable_column(&t, cols[i]);
    for (size_t r = 0; r < t.nrows && !chain; r++)
        chain = sweep_shown(spc_csvtable_get(&t, r, c[4]), spc_csvtable_get(&t, r, c[5]), 1);
    fprintf(f, "<h2>Sweep: %s</h2>\n<p>Means with 95%% intervals at every grid point, and each point's paired "
            "difference from the reference point (the same random numbers at every point; <code>sweep.csv</code> "
            "has every metric).</p>\n<table id=\"sweep\">\n<tr>", chain ? "the chain's measures" : "the system's numbers");
    for (int i = 0; i < 6; i++)
        fprintf(f, "<th>%s</th>", cols[i]);
    fputs("<th>mean [95% interval]</th><th>difference from the reference [95% interval]</th></tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++) {
        if (!sweep_shown(spc_csvtable_get(&t, r, c[4]), spc_csvtable_get(&t, r, c[5]), chain))
            continue;
        fputs("<tr>", f);
        for (int i = 0; i < 6; i++) {
            fputs("<td>", f);
            report_esc(f, spc_csvtable_get(&t, r, c[i]));
            fputs("</td>", f);
        }
        fputs("<td class=\"n\">", f);
        report_interval(f, spc_csvtable_num(&t, r, mean), spc_csvtable_num(&t, r, lo), spc_csvtable_num(&t, r, hi));
        fputs("</td><td class=\"n\">", f);
        if (isfinite(spc_csvtable_num(&t, r, df)))
            report_interval(f, spc_csvtable_num(&t, r, df), spc_csvtable_num(&t, r, dl), spc_csvtable_num(&t, r, dh));
        else
            fputs(df >= 0 ? "(the reference)" : "", f);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    spc_csvtable_free(&t);
}

/* ---- the service-profit chain (chain.csv) ---- */

/* The reference forms of the chain: the link's metric in chain.csv, its
 * name in the form, and the form's value. */
typedef struct {
    const char *metric, *link, *value;
} chain_link;

static const chain_link seeds_form[] = { /* relative changes, the model's seeds */
    { "esat", "employee satisfaction (ESAT)", "+5%" },
    { "csat", "&rarr; customer satisfaction (CSAT)", "+1%" },
    { "profit", "&rarr; profit", "+0.5%" },
};
static const chain_link sears_form[] = { /* points, Rucci, Kirn and Quinn (1998) */
    { "esat", "employee attitude (ESAT, 0-100)", "+5 points" },
    { "impression", "&rarr; customer impression (0-100)", "+1.3 points" },
    { "revenue_growth", "&rarr; revenue growth (%)", "+0.5 points" },
};
/* The slopes Sears's form implies across stores: 1.3 / 5 and 0.5 / 1.3. */
static const struct {
    const char *metric;
    double slope;
} sears_slopes[] = { { "impression_on_esat", 0.26 }, { "revenue_growth_on_impression", 0.385 } };

typedef struct {
    spc_csvtable t;
    int kind, scope, metric, base, variant, diff, dlo, dhi, rel, rlo, rhi, sig, n;
} chain_csv;

static int chain_load(const spc_outdir *d, chain_csv *c)
{
    if (!report_load(d, "chain.csv", &c->t))
        return 0;
    static const char *const cols[] = { "kind", "scope", "metric", "base", "variant", "diff", "diff_ci95_low",
                                        "diff_ci95_high", "rel_pct", "rel_ci95_low", "rel_ci95_high",
                                        "significant", "n" };
    int *col[] = { &c->kind, &c->scope, &c->metric, &c->base, &c->variant, &c->diff, &c->dlo, &c->dhi,
                   &c->rel, &c->rlo, &c->rhi, &c->sig, &c->n };
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        *col[i] = spc_csvtable_column(&c->t, cols[i]);
    return 1;
}

/* The first row of this kind (and metric, unless NULL); -1 when none. */
static long chain_row(const chain_csv *c, const char *kind, const char *metric)
{
    for (size_t r = 0; r < c->t.nrows; r++)
        if (strcmp(spc_csvtable_get(&c->t, r, c->kind), kind) == 0 &&
            (metric == NULL || strcmp(spc_csvtable_get(&c->t, r, c->metric), metric) == 0))
            return (long)r;
    return -1;
}

/* A signed number: 4 significant digits, all digits from 10^4 on. */
static void snum(FILE *f, double x)
{
    if (isfinite(x) && fabs(x) >= 1e4 && fabs(x) < 1e12)
        fprintf(f, "%+.0f", x);
    else if (isfinite(x))
        fprintf(f, "%+.4g", x);
    else
        fputs("&ndash;", f);
}

/* "+x [lo, hi]" from columns v, lo, hi of row r, with a unit after each number. */
static void chain_interval(FILE *f, const chain_csv *c, long r, int v, int lo, int hi, const char *unit)
{
    double x = spc_csvtable_num(&c->t, (size_t)r, v), l = spc_csvtable_num(&c->t, (size_t)r, lo);
    double h = spc_csvtable_num(&c->t, (size_t)r, hi);
    snum(f, x);
    fputs(isfinite(x) ? unit : "", f);
    if (isfinite(l) && isfinite(h)) {
        fputs(" <span class=\"ci\">[", f);
        snum(f, l);
        fputs(", ", f);
        snum(f, h);
        fputs("]</span>", f);
    }
}

/* The measure's label (chainstudy.c's table; its metrics are unique), else the metric. */
static const char *chain_label(const char *metric)
{
    for (size_t k = 0; k < spc_chainstudy_nmeasures; k++)
        if (strcmp(spc_chainstudy_measures[k].metric, metric) == 0)
            return spc_chainstudy_measures[k].label;
    return metric;
}

/* A form beside the simulated: the reference's values, then chain.csv's
 * (columns v, lo, hi) for the same links. */
static void chain_form(FILE *f, const chain_csv *c, const char *id, const char *caption, const chain_link *form,
                       size_t n, int v, int lo, int hi, const char *unit)
{
    fprintf(f, "<div class=\"chain\">\n<table id=\"%s-reference\">\n<caption>%s</caption>\n"
            "<tr><th>link</th><th>change</th></tr>\n", id, caption);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "<tr><td>%s</td><td class=\"n\">%s</td></tr>\n", form[i].link, form[i].value);
    fprintf(f, "</table>\n<table id=\"%s-simulated\">\n<caption>simulated (<code>chain.csv</code>)</caption>\n"
            "<tr><th>link</th><th>change [95%% interval]</th></tr>\n", id);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "<tr><td>%s</td><td class=\"n\">", form[i].link);
        long r = chain_row(c, "change", form[i].metric);
        if (r >= 0)
            chain_interval(f, c, r, v, lo, hi, unit);
        else
            fputs("&ndash; (not simulated)", f);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n</div>\n", f);
}

static void chain_lever(FILE *f, const chain_csv *c)
{
    long r = chain_row(c, "lever", NULL), e = chain_row(c, "change", NULL);
    if (r < 0)
        return;
    const char *path = spc_csvtable_get(&c->t, (size_t)r, c->scope);
    fputs("<p id=\"chain-lever\">Employee satisfaction was raised through the lever <code>", f);
    report_esc(f, *path ? path : "(not named in chain.csv)");
    fputs("</code>, from ", f);
    report_num(f, spc_csvtable_num(&c->t, (size_t)r, c->base));
    fputs(" to ", f);
    report_num(f, spc_csvtable_num(&c->t, (size_t)r, c->variant));
    double rel = spc_csvtable_num(&c->t, (size_t)r, c->rel);
    if (isfinite(rel)) {
        fputs(" (", f);
        snum(f, rel);
        fputs("%)", f);
    }
    fputs(", at the end of the warm-up. Every change is the variant minus the base", f);
    double n = e >= 0 ? spc_csvtable_num(&c->t, (size_t)e, c->n) : NAN;
    if (isfinite(n))
        fprintf(f, " over %.0f paired replications (common random numbers)", n);
    fputs(", with its 95% interval.</p>\n", f);
}

static void chain_table(FILE *f, const chain_csv *c)
{
    fputs("<h3>Every measure</h3>\n<table id=\"chain-table\">\n<tr><th>measure</th><th>base</th><th>variant</th>"
          "<th>change [95% interval]</th><th>relative change [95% interval]</th><th>significant at 5%</th></tr>\n", f);
    for (size_t r = 0; r < c->t.nrows; r++) {
        if (strcmp(spc_csvtable_get(&c->t, r, c->kind), "change") != 0)
            continue;
        const char *scope = spc_csvtable_get(&c->t, r, c->scope), *metric = spc_csvtable_get(&c->t, r, c->metric);
        fputs("<tr><td>", f);
        report_esc(f, chain_label(metric));
        fputs("<br><span class=\"ci\">", f);
        report_esc(f, scope);
        fputc('/', f);
        report_esc(f, metric);
        fputs("</span></td><td class=\"n\">", f);
        report_num(f, spc_csvtable_num(&c->t, r, c->base));
        fputs("</td><td class=\"n\">", f);
        report_num(f, spc_csvtable_num(&c->t, r, c->variant));
        fputs("</td><td class=\"n\">", f);
        chain_interval(f, c, (long)r, c->diff, c->dlo, c->dhi, "");
        fputs("</td><td class=\"n\">", f);
        chain_interval(f, c, (long)r, c->rel, c->rlo, c->rhi, "%");
        fputs("</td><td>", f);
        report_esc(f, spc_csvtable_get(&c->t, r, c->sig));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

/* "impression_on_esat" -> "customer impression (0-100) on employee satisfaction (ESAT)" */
static void slope_label(FILE *f, const char *name)
{
    const char *on = strstr(name, "_on_");
    if (on == NULL) {
        report_esc(f, name);
        return;
    }
    char y[96];
    snprintf(y, sizeof y, "%.*s", (int)(on - name < 95 ? on - name : 95), name);
    report_esc(f, chain_label(y));
    fputs(" per point of ", f);
    report_esc(f, chain_label(on + 4));
}

static void chain_slopes(FILE *f, const chain_csv *c)
{
    if (chain_row(c, "slope", NULL) < 0)
        return;
    fputs("<h3>Across the units</h3>\n<p>Least-squares slopes across the units of the base (each unit's means "
          "after the warm-up), as Sears estimated them across its stores; the published form implies "
          "1.3 / 5 = 0.26 and 0.5 / 1.3 = 0.385.</p>\n<table id=\"chain-slopes\">\n<tr><th>relation</th>"
          "<th>slope [95% interval]</th><th>Sears (implied)</th><th>intercept</th><th>significant at 5%</th>"
          "<th>units</th></tr>\n", f);
    for (size_t r = 0; r < c->t.nrows; r++) {
        if (strcmp(spc_csvtable_get(&c->t, r, c->kind), "slope") != 0)
            continue;
        const char *metric = spc_csvtable_get(&c->t, r, c->metric);
        fputs("<tr><td>", f);
        slope_label(f, metric);
        fputs("</td><td class=\"n\">", f);
        report_interval(f, spc_csvtable_num(&c->t, r, c->diff), spc_csvtable_num(&c->t, r, c->dlo),
                 spc_csvtable_num(&c->t, r, c->dhi));
        fputs("</td><td class=\"n\">", f);
        double sears = NAN;
        for (size_t i = 0; i < sizeof sears_slopes / sizeof sears_slopes[0]; i++)
            if (strcmp(sears_slopes[i].metric, metric) == 0)
                sears = sears_slopes[i].slope;
        report_num(f, sears);
        fputs("</td><td class=\"n\">", f);
        report_num(f, spc_csvtable_num(&c->t, r, c->base));
        fputs("</td><td>", f);
        report_esc(f, spc_csvtable_get(&c->t, r, c->sig));
        fputs("</td><td class=\"n\">", f);
        report_num(f, spc_csvtable_num(&c->t, r, c->n));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

/* ---- the chain's profit forms and pathways (chainprofit.h, chaindecomp.h) ---- */

/* The profit rows: money over the window and per year, per active
 * customer and per employee, each in % of the base's own value, and the
 * base named. */
static void chain_profit(FILE *f, const chain_csv *c)
{
    static const struct {
        const char *scope, *metric, *label;
    } forms[] = { { "window", "money", "over the window" }, { "year", "money", "per year" },
                  { "year", "per_active_customer", "per year and active customer" },
                  { "year", "per_employee", "per year and employee" } };
    long y = chain_row(c, "profit", "years");
    if (y < 0)
        return;
    double years = spc_csvtable_num(&c->t, (size_t)y, c->base);
    fputs("<h3>Profit</h3>\n<p id=\"chain-profit-base\">The window after the warm-up is ", f);
    report_num(f, years);
    fputs(" years long. Each relative change is in % of the base's own value in that row; for profit per year it "
          "is the base's profit per year over the window (the same percentage as of the window's profit).</p>\n"
          "<table id=\"chain-profit\">\n<tr><th>profit</th><th>base</th><th>variant</th>"
          "<th>change [95% interval]</th><th>relative change [95% interval]</th></tr>\n", f);
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        for (size_t r = 0; r < c->t.nrows; r++) {
            if (strcmp(spc_csvtable_get(&c->t, r, c->kind), "profit") != 0 ||
                strcmp(spc_csvtable_get(&c->t, r, c->scope), forms[i].scope) != 0 ||
                strcmp(spc_csvtable_get(&c->t, r, c->metric), forms[i].metric) != 0)
                continue;
            fprintf(f, "<tr><td>%s</td><td class=\"n\">", forms[i].label);
            report_num(f, spc_csvtable_num(&c->t, r, c->base));
            fputs("</td><td class=\"n\">", f);
            report_num(f, spc_csvtable_num(&c->t, r, c->variant));
            fputs("</td><td class=\"n\">", f);
            chain_interval(f, c, (long)r, c->diff, c->dlo, c->dhi, "");
            fputs("</td><td class=\"n\">", f);
            chain_interval(f, c, (long)r, c->rel, c->rlo, c->rhi, "%");
            fputs("</td></tr>\n", f);
        }
    fputs("</table>\n", f);
}

/* The rel_pct cell of kind/scope/metric with its interval; a dash when absent. */
static void pathway_cell(FILE *f, const chain_csv *c, const char *kind, const char *scope, const char *metric)
{
    fputs("<td class=\"n\">", f);
    for (size_t r = 0; r < c->t.nrows; r++)
        if (strcmp(spc_csvtable_get(&c->t, r, c->kind), kind) == 0 &&
            strcmp(spc_csvtable_get(&c->t, r, c->scope), scope) == 0 &&
            strcmp(spc_csvtable_get(&c->t, r, c->metric), metric) == 0) {
            chain_interval(f, c, (long)r, c->rel, c->rlo, c->rhi, "%");
            fputs("</td>", f);
            return;
        }
    fputs("&ndash;</td>", f);
}

/* The decomposition: per measure, the total and each pathway's part, alone
 * (only p - base) and removed (full - without p), and the interactions. */
static void chain_pathways(FILE *f, const chain_csv *c)
{
    static const char *const pw[] = { "courtesy", "speed", "accuracy", "continuity", "recovery" };
    if (chain_row(c, "pathway", NULL) < 0)
        return;
    fputs("<h3>By pathway</h3>\n<p>Relative changes (% of the base) through each pathway by which employee "
          "satisfaction reaches customers. <em>Direct</em>: the variant in which every pathway is blind (the "
          "customers see the base; what remains is the lever's own effect, its cost, and ESAT itself) minus the "
          "base. <em>Alone</em>: the variant in which only that pathway sees the raised satisfaction, minus the "
          "all-blind one. <em>Removed</em>: the full variant minus the one in which that pathway is blind. The "
          "interaction is the total minus the direct part and the sum of the parts; the parts add up to the "
          "total when it is 0 (within its interval).</p>\n<table id=\"chain-pathways\">\n<tr><th>measure</th>"
          "<th>part</th><th>total</th><th>direct</th>", f);
    for (size_t p = 0; p < 5; p++)
        fprintf(f, "<th>%s</th>", pw[p]);
    fputs("<th>interaction</th></tr>\n", f);
    for (size_t r = 0; r < c->t.nrows; r++) {
        if (strcmp(spc_csvtable_get(&c->t, r, c->kind), "change") != 0)
            continue;
        const char *metric = spc_csvtable_get(&c->t, r, c->metric);
        if (chain_row(c, "pathway", metric) < 0)
            continue;
        for (int removed = 0; removed <= 1; removed++) {
            fputs("<tr><td>", f);
            report_esc(f, removed ? "" : chain_label(metric));
            fprintf(f, "</td><td>%s</td><td class=\"n\">", removed ? "removed" : "alone");
            chain_interval(f, c, (long)r, c->rel, c->rlo, c->rhi, "%");
            fputs("</td>", f);
            pathway_cell(f, c, "direct", removed ? "" : "all_blind", metric);
            for (size_t p = 0; p < 5; p++)
                pathway_cell(f, c, removed ? "pathway_removed" : "pathway", pw[p], metric);
            pathway_cell(f, c, "interaction", removed ? "removed" : "alone", metric);
            fputs("</tr>\n", f);
        }
    }
    fputs("</table>\n", f);
}

/* The `chain` command's outputs: the lever, the seeds' form and the
 * published Sears form each beside the simulated one, the figure, every
 * measure, and the slopes across units when there are several. */
static void chain_section(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    chain_csv c;
    if (!chain_load(d, &c))
        return;
    fputs("<section id=\"chain\">\n<h2>The service-profit chain</h2>\n", f);
    chain_lever(f, &c);
    fputs("<h3>The model's seeds: relative changes</h3>\n", f);
    chain_form(f, &c, "chain-seeds", "the model's seeds", seeds_form, 3, c.rel, c.rlo, c.rhi, "%");
    fputs("<h3>The published Sears form: points</h3>\n", f);
    chain_form(f, &c, "chain-sears", "Sears (Rucci, Kirn and Quinn 1998)", sears_form, 3, c.diff, c.dlo, c.dhi,
               " points");
    figures(f, d, set, SPC_PLOT_CHAIN, NULL, note);
    chain_table(f, &c);
    chain_profit(f, &c);
    chain_pathways(f, &c);
    chain_slopes(f, &c);
    fputs("</section>\n", f);
    spc_csvtable_free(&c.t);
}

/* ---- the chain's dose and time (chain_dose.csv, chain_periods.csv) ---- */

/* Rows of chain_dose.csv: one per dose and measure. A table of the
 * relative changes, a row per measure and a column per dose, and the
 * figure. */
static void dose_section(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    spc_csvtable t;
    if (!report_load(d, "chain_dose.csv", &t))
        return;
    int dc = spc_csvtable_column(&t, "esat_delta"), uc = spc_csvtable_column(&t, "unit");
    int mc = spc_csvtable_column(&t, "metric"), vc = spc_csvtable_column(&t, "lever_value");
    int sc = spc_csvtable_column(&t, "search"), rel = spc_csvtable_column(&t, "rel_pct");
    int lo = spc_csvtable_column(&t, "rel_ci95_low"), hi = spc_csvtable_column(&t, "rel_ci95_high");
    size_t per = 0; /* measures per dose: the rows of the first dose */
    while (per < t.nrows && strcmp(spc_csvtable_get(&t, per, dc), spc_csvtable_get(&t, 0, dc)) == 0 &&
           strcmp(spc_csvtable_get(&t, per, uc), spc_csvtable_get(&t, 0, uc)) == 0)
        per++;
    size_t doses = per > 0 ? t.nrows / per : 0;
    fputs("<section id=\"chain-dose\">\n<h2>Dose and response</h2>\n<p>Each dose is a lever search of its own "
          "against the same base run (from <code>chain_dose.csv</code>): the relative change of every measure in % "
          "of the base, with its 95% interval, as ESAT is raised by more.</p>\n<table id=\"chain-dose-table\">\n"
          "<tr><th>measure</th>", f);
    for (size_t k = 0; k < doses; k++) {
        fputs("<th>ESAT +", f);
        report_esc(f, spc_csvtable_get(&t, k * per, dc));
        report_esc(f, spc_csvtable_get(&t, k * per, uc));
        fputs("<br><span class=\"ci\">lever ", f);
        report_num(f, spc_csvtable_num(&t, k * per, vc));
        if (strcmp(spc_csvtable_get(&t, k * per, sc), "met") != 0) {
            fputs(", ", f);
            report_esc(f, spc_csvtable_get(&t, k * per, sc));
        }
        fputs("</span></th>", f);
    }
    fputs("</tr>\n", f);
    for (size_t i = 0; i < per; i++) {
        fputs("<tr><td>", f);
        report_esc(f, chain_label(spc_csvtable_get(&t, i, mc)));
        fputs("</td>", f);
        for (size_t k = 0; k < doses; k++) {
            size_t r = k * per + i;
            fputs("<td class=\"n\">", f);
            report_interval(f, spc_csvtable_num(&t, r, rel), spc_csvtable_num(&t, r, lo), spc_csvtable_num(&t, r, hi));
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
    figures(f, d, set, SPC_PLOT_CHAIN_DOSE, NULL, note);
    fputs("</section>\n", f);
    spc_csvtable_free(&t);
}

/* chain_periods.csv: for each measure, the first period after the
 * intervention whose interval excludes 0 (when the effect shows), and the
 * change in the last period; then the figure. */
static void periods_section(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    spc_csvtable t;
    if (!report_load(d, "chain_periods.csv", &t))
        return;
    int ac = spc_csvtable_column(&t, "after"), tc = spc_csvtable_column(&t, "time"), uc = spc_csvtable_column(&t, "time_unit");
    int mc = spc_csvtable_column(&t, "metric"), dc = spc_csvtable_column(&t, "diff");
    int lo = spc_csvtable_column(&t, "diff_ci95_low"), hi = spc_csvtable_column(&t, "diff_ci95_high");
    fputs("<section id=\"chain-periods\">\n<h2>The chain over time</h2>\n<p>The paired change variant &minus; base "
          "in each reporting period, with its 95% interval (from <code>chain_periods.csv</code>); before the "
          "intervention the two arms are the same run.</p>\n<table id=\"chain-periods-table\">\n<tr><th>measure</th>"
          "<th>first period after the intervention whose interval excludes 0 (its end)</th>"
          "<th>change in the last period [95% interval]</th></tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++) {
        const char *m = spc_csvtable_get(&t, r, mc);
        int seen = 0;
        for (size_t q = 0; q < r && !seen; q++)
            seen = strcmp(spc_csvtable_get(&t, q, mc), m) == 0;
        if (seen)
            continue;
        long first = -1, last = -1;
        for (size_t q = r; q < t.nrows; q++)
            if (strcmp(spc_csvtable_get(&t, q, mc), m) == 0 && spc_csvtable_num(&t, q, ac) == 1.0) {
                last = (long)q;
                if (first < 0 && (spc_csvtable_num(&t, q, lo) > 0 || spc_csvtable_num(&t, q, hi) < 0))
                    first = (long)q;
            }
        fputs("<tr><td>", f);
        report_esc(f, chain_label(m));
        fputs("</td><td class=\"n\">", f);
        if (first >= 0) {
            report_num(f, spc_csvtable_num(&t, (size_t)first, tc));
            fputc(' ', f);
            report_esc(f, spc_csvtable_get(&t, (size_t)first, uc));
        } else
            fputs("none", f);
        fputs("</td><td class=\"n\">", f);
        if (last >= 0)
            report_interval(f, spc_csvtable_num(&t, (size_t)last, dc), spc_csvtable_num(&t, (size_t)last, lo),
                     spc_csvtable_num(&t, (size_t)last, hi));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    figures(f, d, set, SPC_PLOT_CHAIN_PERIODS, NULL, note);
    fputs("</section>\n", f);
    spc_csvtable_free(&t);
}

/* ---- sensitivity.csv: in sentences, what each output depends on ---- */

/* The settings of `output` whose index (mu_star or ST) falls in a class:
 * 2 depends on (at least a tenth of the largest; Sobol': ST >= 0.05),
 * 1 little, 0 not at all (Morris: mu* = 0 exactly; Sobol': ST < 0.01). */
static int sens_class(double v, double max, int morris)
{
    if (morris)
        return v == 0.0 ? 0 : v >= 0.1 * max ? 2 : 1;
    return !(v >= 0.01) ? 0 : v >= 0.05 ? 2 : 1;
}

static void sens_output(FILE *f, const spc_csvtable *t, const char *output, int morris)
{
    int sc = spc_csvtable_column(t, "setting"), oc = spc_csvtable_column(t, "output");
    int ic = spc_csvtable_column(t, "index"), vc = spc_csvtable_column(t, "value");
    const char *key = morris ? "mu_star" : "ST";
    double max = 0.0, noise = NAN, unreached = 0.0;
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, oc), output) == 0 && strcmp(spc_csvtable_get(t, r, ic), key) == 0 &&
            spc_csvtable_num(t, r, vc) > max)
            max = spc_csvtable_num(t, r, vc);
    static const char *const says[] = { "; not at all on ", "; little on ", " depends on " };
    fputs("<p><b>", f);
    report_esc(f, output);
    fputs("</b>", f);
    for (int cls = 2; cls >= 0; cls--) {
        int any = 0;
        for (size_t r = 0; r < t->nrows; r++) {
            double v = spc_csvtable_num(t, r, vc);
            if (strcmp(spc_csvtable_get(t, r, oc), output) != 0)
                continue;
            if (strcmp(spc_csvtable_get(t, r, ic), "noise_share") == 0)
                noise = v;
            if (strcmp(spc_csvtable_get(t, r, ic), "unreached_points") == 0)
                unreached = v;
            if (strcmp(spc_csvtable_get(t, r, ic), key) != 0 || sens_class(v, max, morris) != cls)
                continue;
            fputs(any++ ? ", " : says[cls], f);
            fputs("<code>", f);
            report_esc(f, spc_csvtable_get(t, r, sc));
            fprintf(f, "</code> (%s ", morris ? "&mu;*" : "S<sub>T</sub>");
            report_num(f, v);
            fputs(")", f);
        }
        if (!any && cls == 2)
            fputs(" depends on none of the settings varied", f);
    }
    fputs(". Replication noise is ", f);
    report_num(f, noise);
    fputs(" of the variance of the point means", f);
    fputs(isfinite(noise) && noise > 0.5 ? ": too much to trust these indices; run more replications (-r) or a "
                                           "longer horizon." : ".", f);
    if (unreached > 0)
        fprintf(f, " At %.0f of the points the lever could not raise ESAT so far within its range: the output has "
                "no value there, nor the indices that need those points.", unreached);
    fputs("</p>\n", f);
}

static void sensitivity_section(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    spc_csvtable t;
    if (!report_load(d, "sensitivity.csv", &t))
        return;
    int mc = spc_csvtable_column(&t, "method"), oc = spc_csvtable_column(&t, "output");
    int morris = t.nrows > 0 && strcmp(spc_csvtable_get(&t, 0, mc), "morris") == 0;
    fputs("<section id=\"sensitivity\">\n<h2>Sensitivity</h2>\n<p>", f);
    fputs(morris ? "Morris screening: &mu;* is the mean absolute change of the output when one setting moves "
                   "(scaled to the setting's whole range); a setting with &mu;* = 0 changes nothing the output "
                   "depends on (every point runs the same seeds). "
                 : "Sobol' indices: S<sub>T</sub> is the share of the output's variance that involves the "
                   "setting; S<sub>1</sub> the share it explains alone. ", f);
    fputs("The ranges and every index are in <code>sensitivity.csv</code>, the points in "
          "<code>design.csv</code>.</p>\n", f);
    const char *seen[64];
    size_t n = 0;
    for (size_t r = 0; r < t.nrows && n < 64; r++) {
        const char *o = spc_csvtable_get(&t, r, oc);
        size_t i = 0;
        while (i < n && strcmp(seen[i], o) != 0)
            i++;
        if (i == n) {
            seen[n++] = o;
            sens_output(f, &t, o, morris);
        }
    }
    figures(f, d, set, SPC_PLOT_SENS_TORNADO, NULL, note);
    figures(f, d, set, SPC_PLOT_SENS_MORRIS, NULL, note);
    fputs("</section>\n", f);
    spc_csvtable_free(&t);
}

/* ---- the page ---- */

static void page(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    const char *title = d->name ? d->name : d->compare ? "comparison" : d->sweep ? "sweep"
                      : d->chain ? "the service-profit chain" : d->sensitivity ? "sensitivity" : "outputs";
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>spcsim report: ", f);
    report_esc(f, title);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>spcsim report: ", style);
    report_esc(f, title);
    fputs("</h1>\n", f);
    /* the story first: three sentences, the story figure, the headline table */
    report_story_opening(f, d);
    figures(f, d, set, SPC_PLOT_STORY, NULL, note);
    if (note != NULL) {
        fputs("<p class=\"note\">", f);
        report_esc(f, note);
        fputs("</p>\n", f);
    }
    if (d->compare)
        compare_table(f, d);
    if (d->summary)
        report_story_headline(f, d);
    summary_table(f, d);
    figures(f, d, set, SPC_PLOT_DIST, NULL, note);
    if (d->summary || d->compare)
        report_story_groups(f, d);
    fputs("<h2>The run</h2>\n", f);
    meta(f, d);
    scorecard_section(f, d);
    figures(f, d, set, SPC_PLOT_STAGES, "The chain of stages", note);
    figures(f, d, set, SPC_PLOT_TIMESERIES, "Over time", note);
    figures(f, d, set, SPC_PLOT_COMPARE, "Comparison: figures", note);
    figures(f, d, set, SPC_PLOT_SWEEP, "Sweep", note);
    if (d->sweep)
        sweep_table(f, d);
    if (d->chain) /* the `chain` command's outputs: its table, the reference forms, its figure */
        chain_section(f, d, set, note);
    if (d->chain_periods) /* chain: the changes per period, then (a list of doses) the dose-response */
        periods_section(f, d, set, note);
    if (d->chain_dose)
        dose_section(f, d, set, note);
    if (d->sensitivity)
        sensitivity_section(f, d, set, note);
    fprintf(f, "<script>%s</script>\n</body>\n</html>\n", check_script);
}

spc_status spc_report_write(const spc_outdir *d, const spc_plot_set *set, const char *note, spc_error *err)
{
    spc_output out;
    FILE *f;
    if (spc_output_open(&out, d->dir, d->stage, err) == SPC_OK && (f = spc_output_file(&out, "report.html", err)) != NULL) {
        page(f, d, set, note);
        spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    return err->code;
}
