/*
 * report_chaintime.c -- the chain over time and by dose in report.html
 * (see report_html.h): chain_periods.csv (when each measure's change
 * shows, and its size in the last period) and chain_dose.csv (each
 * measure's relative change per dose), each with its figure.
 */
#include <string.h>

#include "report_html.h"
#include "spcsim/csvtable.h"

/* ---- chain_dose.csv ---- */

/* Measures per dose: the rows of the first dose (its ESAT rise and unit). */
static size_t dose_measures(const spc_csvtable *t, int dc, int uc)
{
    size_t per = 0;
    while (per < t->nrows && strcmp(spc_csvtable_get(t, per, dc), spc_csvtable_get(t, 0, dc)) == 0 &&
           strcmp(spc_csvtable_get(t, per, uc), spc_csvtable_get(t, 0, uc)) == 0)
        per++;
    return per;
}

/* The column head of the dose whose first row is r: the rise, the lever's
 * value and, unless the search met it, how the search ended. */
static void dose_head(FILE *f, const spc_csvtable *t, size_t r)
{
    fputs("<th>ESAT +", f);
    report_esc(f, spc_csvtable_get(t, r, spc_csvtable_column(t, "esat_delta")));
    report_esc(f, spc_csvtable_get(t, r, spc_csvtable_column(t, "unit")));
    fputs("<br><span class=\"ci\">lever ", f);
    report_num(f, spc_csvtable_num(t, r, spc_csvtable_column(t, "lever_value")));
    const char *search = spc_csvtable_get(t, r, spc_csvtable_column(t, "search"));
    if (strcmp(search, "met") != 0) {
        fputs(", ", f);
        report_esc(f, search);
    }
    fputs("</span></th>", f);
}

/* Rows of chain_dose.csv: one per dose and measure. A table of the
 * relative changes, a row per measure and a column per dose, and the
 * figure. */
void report_chaintime_dose(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    spc_csvtable t;
    if (!report_load(d, "chain_dose.csv", &t))
        return;
    int mc = spc_csvtable_column(&t, "metric"), rel = spc_csvtable_column(&t, "rel_pct");
    int lo = spc_csvtable_column(&t, "rel_ci95_low"), hi = spc_csvtable_column(&t, "rel_ci95_high");
    size_t per = dose_measures(&t, spc_csvtable_column(&t, "esat_delta"), spc_csvtable_column(&t, "unit"));
    size_t doses = per > 0 ? t.nrows / per : 0;
    fputs("<section id=\"chain-dose\">\n<h2>Dose and response</h2>\n<p>Each dose is a lever search of its own "
          "against the same base run (from <code>chain_dose.csv</code>): the relative change of every measure in % "
          "of the base, with its 95% interval, as ESAT is raised by more.</p>\n<table id=\"chain-dose-table\">\n"
          "<tr><th>measure</th>", f);
    for (size_t k = 0; k < doses; k++)
        dose_head(f, &t, k * per);
    fputs("</tr>\n", f);
    for (size_t i = 0; i < per; i++) {
        fputs("<tr><td>", f);
        report_esc(f, report_chain_label(spc_csvtable_get(&t, i, mc)));
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
    report_figures(f, d, set, SPC_PLOT_CHAIN_DOSE, NULL, note);
    fputs("</section>\n", f);
    spc_csvtable_free(&t);
}

/* ---- chain_periods.csv ---- */

typedef struct {
    int after, time, unit, metric, diff, lo, hi;
} periods_cols;

/* Whether a row before r has the metric m (its row is written already). */
static int periods_seen(const spc_csvtable *t, const periods_cols *c, size_t r, const char *m)
{
    for (size_t q = 0; q < r; q++)
        if (strcmp(spc_csvtable_get(t, q, c->metric), m) == 0)
            return 1;
    return 0;
}

/* The row of measure m (first at row r): the end of the first period after
 * the intervention whose interval excludes 0, and the last period's change. */
static void periods_row(FILE *f, const spc_csvtable *t, const periods_cols *c, size_t r, const char *m)
{
    long first = -1, last = -1;
    for (size_t q = r; q < t->nrows; q++)
        if (strcmp(spc_csvtable_get(t, q, c->metric), m) == 0 && spc_csvtable_num(t, q, c->after) == 1.0) {
            last = (long)q;
            if (first < 0 && (spc_csvtable_num(t, q, c->lo) > 0 || spc_csvtable_num(t, q, c->hi) < 0))
                first = (long)q;
        }
    fputs("<tr><td>", f);
    report_esc(f, report_chain_label(m));
    fputs("</td><td class=\"n\">", f);
    if (first >= 0) {
        report_num(f, spc_csvtable_num(t, (size_t)first, c->time));
        fputc(' ', f);
        report_esc(f, spc_csvtable_get(t, (size_t)first, c->unit));
    } else
        fputs("none", f);
    fputs("</td><td class=\"n\">", f);
    if (last >= 0)
        report_interval(f, spc_csvtable_num(t, (size_t)last, c->diff), spc_csvtable_num(t, (size_t)last, c->lo),
                        spc_csvtable_num(t, (size_t)last, c->hi));
    fputs("</td></tr>\n", f);
}

/* chain_periods.csv: for each measure, the first period after the
 * intervention whose interval excludes 0 (when the effect shows), and the
 * change in the last period; then the figure. */
void report_chaintime_periods(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    spc_csvtable t;
    if (!report_load(d, "chain_periods.csv", &t))
        return;
    periods_cols c = { spc_csvtable_column(&t, "after"), spc_csvtable_column(&t, "time"),
                       spc_csvtable_column(&t, "time_unit"), spc_csvtable_column(&t, "metric"),
                       spc_csvtable_column(&t, "diff"), spc_csvtable_column(&t, "diff_ci95_low"),
                       spc_csvtable_column(&t, "diff_ci95_high") };
    fputs("<section id=\"chain-periods\">\n<h2>The chain over time</h2>\n<p>The paired change variant &minus; base "
          "in each reporting period, with its 95% interval (from <code>chain_periods.csv</code>); before the "
          "intervention the two arms are the same run.</p>\n<table id=\"chain-periods-table\">\n<tr><th>measure</th>"
          "<th>first period after the intervention whose interval excludes 0 (its end)</th>"
          "<th>change in the last period [95% interval]</th></tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++) {
        const char *m = spc_csvtable_get(&t, r, c.metric);
        if (!periods_seen(&t, &c, r, m))
            periods_row(f, &t, &c, r, m);
    }
    fputs("</table>\n", f);
    report_figures(f, d, set, SPC_PLOT_CHAIN_PERIODS, NULL, note);
    fputs("</section>\n", f);
    spc_csvtable_free(&t);
}
