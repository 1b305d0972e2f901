/*
 * plot_chaintime.c -- the figures of the chain study's dose and time:
 * chain_dose.csv (each measure's relative change against the change of
 * ESAT, one point per dose, with its 95% interval) and chain_periods.csv
 * (each measure's paired change period by period, with its 95% band, the
 * intervention marked).
 */
#include <math.h>
#include <string.h>

#include "plot_gp.h"

/* The panels: a measure's scope/metric in the CSV and its title. */
typedef struct {
    const char *scope, *metric, *title;
} panel_info;

/* Whether some row of scope/metric has a finite value in column c. */
static int has_rows(const spc_csvtable *t, const panel_info *p, int c)
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, sc), p->scope) == 0 && strcmp(spc_csvtable_get(t, r, mc), p->metric) == 0 &&
            isfinite(spc_csvtable_num(t, r, c)))
            return 1;
    return 0;
}

/* A panel whose values (the columns cols[0..3) of p's rows) and zero are
 * all one value y, as the changes of one replication can be (turnover
 * unchanged: 0 with an interval of no width): `set yrange` around y, so
 * gnuplot draws it without "empty y range"; 1 then, and the caller sets
 * `set autoscale y` after its plot. 0 for any other panel. */
static int flat_panel(FILE *f, const spc_csvtable *t, const panel_info *p, const char *const cols[3])
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    double lo = 0.0, hi = 0.0;
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, sc), p->scope) == 0 && strcmp(spc_csvtable_get(t, r, mc), p->metric) == 0)
            for (int c = 0; c < 3; c++) {
                double x = spc_csvtable_num(t, r, spc_csvtable_column(t, cols[c]));
                if (isfinite(x))
                    lo = fmin(lo, x), hi = fmax(hi, x);
            }
    if (hi > lo)
        return 0;
    fprintf(f, "    set yrange [%.6g:%.6g]\n", lo - 1.0, lo + 1.0);
    return 1;
}

/* `set table $NAME` of the given expressions for the rows of p. */
static void table(FILE *f, const char *name, const char *file, const char *using, const panel_info *p)
{
    fprintf(f, "set table $%s\nplot '%s' using %s with table if (strcol(\"scope\") eq ", name, file, using);
    plot_gp_str(f, p->scope);
    fputs(" && strcol(\"metric\") eq ", f);
    plot_gp_str(f, p->metric);
    fputs(")\nunset table\n", f);
}

/* ---- chain_dose.csv ---- */

static const panel_info dose_panels[] = {
    { "customers", "csat", "Customer satisfaction (CSAT)" },
    { "customers", "retention", "Customer retention per period" },
    { "customers", "active", "Active customers" },
    { "customers", "turnover_annual", "Employee turnover per year" },
    { "finance", "revenue", "Revenue" },
    { "finance", "profit", "Profit" },
};
#define NDOSE (sizeof dose_panels / sizeof dose_panels[0])

/* One panel per measure: its relative change (%) against the ESAT change
 * (%) of each dose, with the dose's paired 95% interval as a bar; the
 * line through the points shows the shape of the response. */
spc_status plot_chain_dose(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "chain_dose.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read chain_dose.csv", spc_outdir_shown(d));
    const panel_info *pick[NDOSE];
    size_t n = 0;
    int rel = spc_csvtable_column(&t, "rel_pct");
    for (size_t i = 0; i < NDOSE; i++)
        if (has_rows(&t, &dose_panels[i], rel))
            pick[n++] = &dose_panels[i];
    const char *title = "Dose and response: each measure's relative change against ESAT's, with 95% intervals";
    FILE *f = n > 0 ? plot_gp_open(out, set, "chain_dose", SPC_PLOT_CHAIN_DOSE, title, "chain_dose.csv", err) : NULL;
    if (f == NULL) {
        spc_csvtable_free(&t);
        return err->code;
    }
    for (size_t i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "d%zu", i + 1);
        char using[400], lo[160], hi[160]; /* without an interval (one replication): the estimate */
        snprintf(using, sizeof using, "(column(\"esat_rel_pct\")):(column(\"rel_pct\")):%s:%s",
                 plot_gp_bound(lo, sizeof lo, "rel_ci95_low", "rel_pct"),
                 plot_gp_bound(hi, sizeof hi, "rel_ci95_high", "rel_pct"));
        table(f, name, "chain_dose.csv", using, pick[i]);
    }
    double lo = 0.0, hi = 0.0; /* the ESAT changes: the x axis, from 0, with room after the last */
    plot_range(&t, spc_csvtable_column(&t, "esat_rel_pct"), -1, NULL, &lo, &hi);
    plot_gp_formats(f, "chain_dose", n, title);
    fprintf(f, "    set xrange [%.6g:%.6g]\n", lo, hi > lo ? hi + 0.08 * (hi - lo) : 1.0);
    for (size_t i = 0; i < n; i++) {
        plot_gp_key(f, 0);
        fputs("    set title ", f);
        plot_gp_str(f, pick[i]->title);
        fputs("\n    set ylabel 'change (%)'\n", f);
        fprintf(f, "    set xlabel '%s'\n", plot_gp_bottom(i, n) ? "change of ESAT (%)" : "");
        static const char *const cols[3] = { "rel_pct", "rel_ci95_low", "rel_ci95_high" };
        int flat = flat_panel(f, &t, pick[i], cols);
        fprintf(f, "    plot $d%zu using 1:2:3:4 with yerrorlines pt 7 ps 1.2 lw 2 lc rgb '%s' notitle, "
                "0 with lines dt 2 lc rgb '#888888' notitle\n%s", i + 1, plot_gp_colour(0),
                flat ? "    set autoscale y\n" : "");
    }
    plot_gp_formats_end(f);
    spc_csvtable_free(&t);
    return err->code;
}

/* ---- chain_periods.csv ---- */

static const panel_info period_panels[] = {
    { "customers", "esat", "Employee satisfaction (ESAT), points" },
    { "customers", "csat", "Customer satisfaction (CSAT), points" },
    { "customers", "retention", "Customer retention per period" },
    { "customers", "active", "Active customers" },
    { "finance", "revenue", "Revenue per period" },
    { "finance", "profit", "Profit per period" },
    { "customers", "impression", "Customer impression (0-100), points" },
    { "customers", "nps", "Net promoter score, points" },
    { "company", "errors", "Errors per period" },
    { "company", "productivity", "Productivity (share of time at work)" },
    { "finance", "costs", "Costs per period" },
};
#define NPERIODS (sizeof period_panels / sizeof period_panels[0])

/* The intervention's time: the latest end of a period marked before it. */
static double intervention_time(const spc_csvtable *t)
{
    int tc = spc_csvtable_column(t, "time"), ac = spc_csvtable_column(t, "after");
    double at = NAN;
    for (size_t r = 0; r < t->nrows; r++)
        if (spc_csvtable_num(t, r, ac) == 0.0)
            at = isfinite(at) ? fmax(at, spc_csvtable_num(t, r, tc)) : spc_csvtable_num(t, r, tc);
    return at;
}

/* Figure `name` of panels pick[0..n). */
static void periods_figure(FILE *f, const spc_csvtable *t, const char *name, const char *title,
                           const panel_info *const *pick, size_t n, double div, double at, double end,
                           const char *xlabel, int band)
{
    char using[400], lo[160], hi[160]; /* without a band (one replication): the estimate, not drawn */
    snprintf(using, sizeof using, "(column(\"time\")/%.10g):(column(\"diff\")):%s:%s", div,
             plot_gp_bound(lo, sizeof lo, "diff_ci95_low", "diff"), plot_gp_bound(hi, sizeof hi, "diff_ci95_high", "diff"));
    for (size_t i = 0; i < n; i++) {
        char block[16];
        snprintf(block, sizeof block, "p%zu", i + 1);
        table(f, block, "chain_periods.csv", using, pick[i]);
    }
    plot_gp_formats(f, name, n, title);
    if (end > 0)
        fprintf(f, "    set xrange [0:%.6g]\n", end / div);
    if (isfinite(at))
        fprintf(f, "    set arrow 1 from %.6g, graph 0 to %.6g, graph 1 nohead dt 3 lw 2 lc rgb '#444444'\n", at / div,
                at / div);
    for (size_t i = 0; i < n; i++) {
        plot_gp_key(f, i == 0);
        fputs("    set title ", f);
        plot_gp_str(f, pick[i]->title);
        fprintf(f, "\n    set xlabel '%s'\n", plot_gp_bottom(i, n) ? xlabel : "");
        static const char *const cols[3] = { "diff", "diff_ci95_low", "diff_ci95_high" };
        int flat = flat_panel(f, t, pick[i], cols);
        fputs("    plot ", f);
        if (band)
            fprintf(f, "$p%zu using 1:3:4 with filledcurves fs transparent solid 0.22 noborder lc rgb '%s' "
                    "title '95%% confidence interval', ", i + 1, plot_gp_colour(0));
        fprintf(f, "$p%zu using 1:2 with lines lw 3 lc rgb '%s' title 'variant - base (paired mean)', "
                "0 with lines dt 2 lc rgb '#888888' notitle\n%s", i + 1, plot_gp_colour(0),
                flat ? "    set autoscale y\n" : "");
    }
    plot_gp_formats_end(f);
}

/* One panel per measure: the paired change variant - base in each period,
 * its 95% band across the replications, zero dashed, and the intervention
 * (the end of the warm-up) as a vertical line; six panels a figure at
 * most (chain_periods, chain_periods-2). */
spc_status plot_chain_periods(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "chain_periods.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read chain_periods.csv", spc_outdir_shown(d));
    const panel_info *pick[NPERIODS];
    size_t n = 0;
    int dc = spc_csvtable_column(&t, "diff"), lc = spc_csvtable_column(&t, "diff_ci95_low");
    for (size_t i = 0; i < NPERIODS; i++)
        if (has_rows(&t, &period_panels[i], dc))
            pick[n++] = &period_panels[i];
    spc_outdir unit = *d; /* the time axis of the CSV's own unit (a chain folder has no run.json) */
    unit.time_unit = t.nrows > 0 ? (char *)spc_csvtable_get(&t, 0, spc_csvtable_column(&t, "time_unit")) : NULL;
    const char *xlabel;
    double div = plot_time_axis(&unit, &xlabel), at = intervention_time(&t);
    int band = plot_has_data(&t, lc, -1, NULL);
    double lo = 0.0, end = 0.0; /* the last period's end: the horizon */
    plot_range(&t, spc_csvtable_column(&t, "time"), -1, NULL, &lo, &end);
    for (size_t first = 0, part = 0; first < n && err->code == SPC_OK; first += PLOT_PANELS, part++) {
        char name[32], title[160];
        snprintf(name, sizeof name, part ? "chain_periods-%zu" : "chain_periods", part + 1);
        snprintf(title, sizeof title, "The chain over time: change variant - base per period, with 95%% bands%s",
                 part ? " (2)" : n > PLOT_PANELS ? " (1)" : "");
        size_t k = n - first < PLOT_PANELS ? n - first : PLOT_PANELS;
        FILE *f = plot_gp_open(out, set, name, SPC_PLOT_CHAIN_PERIODS, title, "chain_periods.csv", err);
        if (f != NULL)
            periods_figure(f, &t, name, title, pick + first, k, div, at, end, xlabel, band);
    }
    spc_csvtable_free(&t);
    return err->code;
}
