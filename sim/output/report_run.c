/*
 * report_run.c -- the run's part of report.html (see report_html.h): what
 * was run (run.json, or for compare, sweep and chain what their CSV file
 * tells), every metric of summary.csv by its raw name, and the scorecard
 * of the five standards (docs/model.md 9.19) with its trend per period.
 */
#include <math.h>
#include <string.h>

#include "report_html.h"
#include "spcsim/csvtable.h"

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

void report_run_meta(FILE *f, const spc_outdir *d)
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

void report_run_summary(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!report_load(d, "summary.csv", &t))
        return;
    report_cols c = report_columns(&t);
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
        report_esc(f, spc_csvtable_get(&t, r, c.scope));
        fputs("</td><td>", f);
        report_esc(f, spc_csvtable_get(&t, r, c.metric));
        fputs("</td><td class=\"n\">", f);
        report_estimate(f, &t, r, &c);
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
void report_run_scorecard(FILE *f, const spc_outdir *d)
{
    spc_csvtable s;
    if (!report_load(d, "summary.csv", &s))
        return;
    report_cols c = report_columns(&s);
    size_t found = 0;
    for (size_t r = 0; r < s.nrows; r++)
        found += strcmp(spc_csvtable_get(&s, r, c.scope), "standards") == 0;
    if (found > 0) {
        fputs("<h2>The five standards</h2>\n<p>The scorecard of customer service (docs/model.md 9.19), over the "
              "observation window, with 95% intervals.</p>\n<table id=\"scorecard\">\n<tr><th>standard</th>"
              "<th>mean [95% interval]</th></tr>\n", f);
        for (size_t k = 0; k < NSTANDARDS; k++)
            for (size_t r = 0; r < s.nrows; r++)
                if (strcmp(spc_csvtable_get(&s, r, c.scope), "standards") == 0 &&
                    strcmp(spc_csvtable_get(&s, r, c.metric), standards[k].metric) == 0) {
                    fputs("<tr><td>", f);
                    report_esc(f, standards[k].label);
                    fputs("</td><td class=\"n\">", f);
                    report_estimate(f, &s, r, &c);
                    fputs("</td></tr>\n", f);
                }
        fputs("</table>\n", f);
    }
    spc_csvtable_free(&s);
    if (found > 0)
        scorecard_trend(f, d);
}
