/*
 * plot_run.c -- the figures of a run: its metrics over time, from
 * timeseries.csv (a figure per scope: system, company, customers, finance,
 * and the stages side by side), and the stage chain from summary.csv.
 *
 * Each series becomes a gnuplot datablock of its own ($m1, $b1, ...): the
 * rows of its scope, so the interleaved scopes of timeseries.csv never
 * join into one line. spcsim writes them into the script, as gnuplot's
 * `with table if (strcol("scope") eq ...)` would cut them from the CSV:
 * gnuplot reading the whole file once per series took most of a figure's
 * time (the stages' figure: 36 readings, 0.3 s of CPU).
 */
#include <math.h>
#include <string.h>

#include "plot_gp.h"

/* What a column means; ylabel "@" stands for the scenario's time unit. */
typedef struct {
    const char *scope, *column, *title, *ylabel;
} series_info;

/* The headline series, in the order they are drawn. The customers and
 * finance scopes come with the customer and finance model; until then
 * (or in a scenario without them) they are simply absent. */
static const series_info catalogue[] = {
    { "system", "completed", "Orders completed per period", "orders" },
    { "system", "lead_time_mean", "Mean lead time", "@" },
    { "system", "escaped_defects", "Defects reaching customers per period", "orders" },
    { "company", "satisfaction", "Employee satisfaction (ESAT)", "ESAT (0-100)" },
    { "company", "headcount", "Headcount", "employees" },
    { "company", "turnover_annual", "Staff turnover (annualised)", "fraction per year" },
    { "company", "quits", "Quits per period", "employees" },
    { "company", "pressure", "Work pressure", "pressure (1 = normal load)" },
    { "company", "isq", "Internal service quality (ISQ)", "ISQ (0-100)" },
    { "company", "standard", "Standard time per order", "fraction of the initial" },
    { "customers", "csat", "Customer satisfaction (CSAT)", "CSAT (% satisfied)" },
    { "customers", "esat", "Employee satisfaction (ESAT)", "ESAT (0-100)" },
    { "customers", "score_mean", "Mean customer score", "score (0-10)" },
    { "customers", "nps", "Net promoter score", "NPS (-100 to 100)" },
    { "customers", "retention", "Customer retention per period", "share of customers kept" },
    { "customers", "churned", "Customers lost per period", "customers" },
    { "customers", "active", "Active customers", "customers" },
    { "customers", "acquired", "New customers per period", "customers" },
    { "customers", "referrals", "Referrals per period", "referrals" },
    { "customers", "abandonment", "Orders lost (abandoned, balked, blocked)", "share of orders placed" },
    { "finance", "revenue", "Revenue per period", "currency units" },
    { "finance", "costs", "Costs per period", "currency units" },
    { "finance", "profit", "Profit per period", "currency units" },
    { "finance", "margin", "Profit margin", "% of revenue" },
    { "finance", "revenue_growth", "Revenue growth", "growth" },
};
#define NCATALOGUE (sizeof catalogue / sizeof catalogue[0])

static const char *const scopes[] = { "system", "company", "customers", "finance" };
static const char *const scope_titles[] = { "the order flow", "the workforce", "the customers", "finance" };

/* Per stage over time (workforce runs: the stages have rows then). */
static const series_info stage_series[] = {
    { "", "utilization", "Utilisation", "busy servers (%)" },
    { "", "wait_mean", "Mean wait in queue", "@" },
    { "", "satisfaction", "Employee satisfaction (ESAT)", "ESAT (0-100)" },
    { "", "isq", "Internal service quality (ISQ)", "ISQ (0-100)" },
    { "", "pressure", "Work pressure", "pressure (1 = normal load)" },
    { "", "headcount", "Headcount", "employees" },
};
#define NSTAGE_SERIES (sizeof stage_series / sizeof stage_series[0])

static const struct {
    const char *unit, *word;
    double seconds;
} unit_words[] = { { "s", "seconds", 1 }, { "min", "minutes", 60 }, { "h", "hours", 3600 },
                   { "d", "days", 86400 }, { "w", "weeks", 604800 } };

/* How a time-valued metric is shown: the unit's word and a factor, in
 * minutes when the scenario counts in hours and every value is below one. */
static double time_scale(const spc_outdir *d, double max, const char **word)
{
    *word = d->time_unit ? d->time_unit : "time units";
    for (size_t i = 0; d->time_unit && i < sizeof unit_words / sizeof unit_words[0]; i++)
        if (strcmp(d->time_unit, unit_words[i].unit) == 0)
            *word = unit_words[i].word;
    if (d->time_unit && strcmp(d->time_unit, "h") == 0 && max < 1.0) {
        *word = "minutes";
        return 60.0;
    }
    return 1.0;
}

/* "per week" when the reporting period (the first row's time) is a week,
 * ..., else "per period of 87.36 hours"; into buf. */
static const char *period_words(const spc_outdir *d, const spc_csvtable *t, char *buf, size_t size)
{
    double p = spc_csvtable_num(t, 0, spc_csvtable_column(t, "time")), sec = 0;
    const char *word = d->time_unit ? d->time_unit : "time units";
    for (size_t i = 0; d->time_unit && i < sizeof unit_words / sizeof unit_words[0]; i++)
        if (strcmp(d->time_unit, unit_words[i].unit) == 0) {
            sec = p * unit_words[i].seconds;
            word = unit_words[i].word;
        }
    double weeks = sec / 604800.0, days = sec / 86400.0;
    if (fabs(sec - 604800) < 1e-6 || fabs(sec - 86400) < 1e-6 || fabs(sec - 3600) < 1e-6)
        snprintf(buf, size, "%s", sec > 86401 ? "per week" : sec > 3601 ? "per day" : "per hour");
    else if (sec > 0 && fabs(weeks - round(weeks)) < 1e-9)
        snprintf(buf, size, "per %.0f weeks", weeks);
    else if (sec > 0 && fabs(days - round(days)) < 1e-9)
        snprintf(buf, size, "per %.0f days", days);
    else if (isfinite(p))
        snprintf(buf, size, "per period of %.4g %s", p, word);
    else
        snprintf(buf, size, "per period");
    return buf;
}

/* The panel's title, axis labels and tics; returns the factor for values. */
static double panel(FILE *f, const spc_outdir *d, const series_info *si, const char *per, const char *xlabel,
                    double lo, double hi)
{
    char title[160];
    const char *unit = si->ylabel;
    double k = 1.0;
    size_t len = strlen(si->title);
    if (len > 11 && strcmp(si->title + len - 11, " per period") == 0)
        snprintf(title, sizeof title, "%.*s %s", (int)(len - 11), si->title, per);
    else
        snprintf(title, sizeof title, "%s", si->title);
    if (strcmp(unit, "@") == 0)
        k = time_scale(d, fmax(fabs(lo), fabs(hi)), &unit);
    else if (strcmp(si->column, "utilization") == 0)
        k = 100.0;
    fputs("    set title ", f);
    plot_gp_str(f, title);
    fputs("\n    set xlabel ", f);
    plot_gp_str(f, xlabel ? xlabel : "");
    fputs("\n    set ylabel ", f);
    plot_gp_str(f, unit);
    fputc('\n', f);
    plot_gp_ytics(f, lo * k, hi * k);
    return k;
}

/* The datablock $NAME of (time / div, the given columns) for the rows of
 * scope (plot_field): what gnuplot's `plot 'timeseries.csv' using
 * (column("time")/div):(column(...)) with table if (strcol("scope") eq
 * scope)` made. */
static void table(FILE *f, const spc_csvtable *t, const char *name, double div, const char *scope, const int *cols,
                  size_t n)
{
    int sc = spc_csvtable_column(t, "scope"), tc = spc_csvtable_column(t, "time");
    fprintf(f, "$%s << EOD\n", name);
    for (size_t r = 0; r < t->nrows; r++) {
        double x[2], time; /* n <= 2 */
        int ok = strcmp(spc_csvtable_get(t, r, sc), scope) == 0 && plot_field(t, r, tc, &time);
        for (size_t i = 0; ok && i < n; i++)
            ok = plot_field(t, r, cols[i], &x[i]);
        if (!ok)
            continue;
        fprintf(f, "%g", time / div);
        for (size_t i = 0; i < n; i++)
            fprintf(f, " %g", x[i]);
        fputc('\n', f);
    }
    fputs("EOD\n", f);
}

/* The datablocks $mI (mean) and $bI (band, when there is one) of a column;
 * widens [*lo, *hi] to the values drawn. */
static int series_tables(FILE *f, const spc_csvtable *t, const char *id, double div, const char *scope,
                         const char *column, double *lo, double *hi)
{
    char clo[96], chi[96], name[32];
    snprintf(clo, sizeof clo, "%s_ci95_low", column);
    snprintf(chi, sizeof chi, "%s_ci95_high", column);
    int sc = spc_csvtable_column(t, "scope"), cm = spc_csvtable_column(t, column);
    int band[] = { spc_csvtable_column(t, clo), spc_csvtable_column(t, chi) };
    snprintf(name, sizeof name, "m%s", id);
    table(f, t, name, div, scope, &cm, 1);
    plot_range(t, cm, sc, scope, lo, hi);
    int has_band = plot_has_data(t, band[0], sc, scope) || plot_has_data(t, band[1], sc, scope);
    if (has_band) {
        snprintf(name, sizeof name, "b%s", id);
        table(f, t, name, div, scope, band, 2);
        plot_range(t, band[0], sc, scope, lo, hi);
        plot_range(t, band[1], sc, scope, lo, hi);
    }
    return has_band;
}

/* The plot command of one series: its band, then its mean line. */
static void series_plot(FILE *f, const char *id, int band, const char *colour, const char *label, double k)
{
    if (band) {
        fprintf(f, "$b%s using 1:($2*%g):($3*%g) with filledcurves fs transparent solid 0.22 noborder lc rgb '%s' ",
                id, k, k, colour);
        fputs(label ? "notitle" : "title '95% confidence interval'", f);
        fputs(", ", f);
    }
    fprintf(f, "$m%s using 1:($2*%g) with lines lw 3 lc rgb '%s' title ", id, k, colour);
    plot_gp_str(f, label ? label : "mean over the replications");
}

/* What the datablocks of a figure hold, for a reader of its script. */
static void data_comment(FILE *f, const char *xlabel, int stages)
{
    fprintf(f, "# The data, cut from timeseries.csv: $m%s the mean of panel N%s, $b%s its 95%% confidence\n"
            "# interval; the first column is %s.\n", stages ? "N_K" : "N", stages ? " for stage K" : "",
            stages ? "N_K" : "N", xlabel);
}

static void figure_name(char *buf, size_t size, const char *base, size_t part, size_t parts)
{
    if (parts > 1)
        snprintf(buf, size, "%s-%zu", base, part + 1);
    else
        snprintf(buf, size, "%s", base);
}

static void time_range(FILE *f, const spc_outdir *d, double div)
{
    if (d->horizon > 0)
        fprintf(f, "    set xrange [0:%.6g]\n", d->horizon / div);
}

static spc_status scope_figures(const spc_outdir *d, const spc_csvtable *t, size_t s, spc_output *out,
                                spc_plot_set *set, spc_error *err)
{
    const series_info *pick[NCATALOGUE];
    size_t n = 0;
    int scope_col = spc_csvtable_column(t, "scope");
    for (size_t i = 0; i < NCATALOGUE; i++)
        if (strcmp(catalogue[i].scope, scopes[s]) == 0 &&
            plot_has_data(t, spc_csvtable_column(t, catalogue[i].column), scope_col, scopes[s]))
            pick[n++] = &catalogue[i];
    size_t parts = (n + PLOT_PANELS - 1) / PLOT_PANELS, per = parts ? (n + parts - 1) / parts : 0;
    char per_buf[64];
    const char *xlabel, *words = period_words(d, t, per_buf, sizeof per_buf);
    double div = plot_time_axis(d, &xlabel);
    for (size_t p = 0; p < parts; p++) {
        char base[40], name[64], title[200];
        snprintf(base, sizeof base, "timeseries-%s", scopes[s]);
        figure_name(name, sizeof name, base, p, parts);
        snprintf(title, sizeof title, "%s: %s over time%s", d->name ? d->name : "run", scope_titles[s],
                 parts > 1 ? (p == 0 ? " (1)" : " (2)") : "");
        FILE *f = plot_gp_open(out, set, name, SPC_PLOT_TIMESERIES, title, "timeseries.csv", err);
        if (f == NULL)
            return err->code;
        size_t first = p * per, last = first + per < n ? first + per : n;
        data_comment(f, xlabel, 0);
        int band[PLOT_PANELS];
        double lo[PLOT_PANELS], hi[PLOT_PANELS];
        for (size_t i = first; i < last; i++) {
            char id[24];
            snprintf(id, sizeof id, "%zu", i - first + 1);
            lo[i - first] = INFINITY;
            hi[i - first] = -INFINITY;
            band[i - first] = series_tables(f, t, id, div, scopes[s], pick[i]->column, &lo[i - first], &hi[i - first]);
        }
        plot_gp_formats(f, name, last - first, title);
        time_range(f, d, div);
        for (size_t i = first; i < last; i++) {
            char id[24];
            snprintf(id, sizeof id, "%zu", i - first + 1);
            plot_gp_key(f, i == first);
            double k = panel(f, d, pick[i], words, plot_gp_bottom(i - first, last - first) ? xlabel : NULL,
                             lo[i - first], hi[i - first]);
            fputs("    plot ", f);
            series_plot(f, id, band[i - first], plot_gp_colour(0), d->replications == 1 ? "the run (one replication)" : NULL, k);
            fputc('\n', f);
        }
        plot_gp_formats_end(f);
    }
    return SPC_OK;
}

#define MAX_STAGES 32 /* drawn side by side; more would not be readable */

/* The stages side by side over time: one colour per stage. */
static spc_status stage_figure(const spc_outdir *d, const spc_csvtable *t, spc_output *out, spc_plot_set *set,
                               spc_error *err)
{
    int scope_col = spc_csvtable_column(t, "scope");
    size_t ns = d->nstages < MAX_STAGES ? d->nstages : MAX_STAGES;
    const series_info *pick[NSTAGE_SERIES];
    size_t n = 0;
    for (size_t i = 0; i < NSTAGE_SERIES; i++) {
        int c = spc_csvtable_column(t, stage_series[i].column), any = 0;
        for (size_t k = 0; k < ns && !any; k++)
            any = plot_has_data(t, c, scope_col, d->stages[k]);
        if (any)
            pick[n++] = &stage_series[i];
    }
    if (n == 0)
        return SPC_OK;
    const char *xlabel;
    double div = plot_time_axis(d, &xlabel);
    char title[200];
    snprintf(title, sizeof title, "%s: the stages over time", d->name ? d->name : "run");
    FILE *f = plot_gp_open(out, set, "timeseries-stages", SPC_PLOT_TIMESERIES, title, "timeseries.csv", err);
    if (f == NULL)
        return err->code;
    data_comment(f, xlabel, 1);
    int band[NSTAGE_SERIES][MAX_STAGES];
    double lo[NSTAGE_SERIES], hi[NSTAGE_SERIES];
    for (size_t i = 0; i < n; i++) {
        lo[i] = INFINITY;
        hi[i] = -INFINITY;
        for (size_t k = 0; k < ns; k++) {
            char id[32];
            snprintf(id, sizeof id, "%zu_%zu", i + 1, k + 1);
            band[i][k] = series_tables(f, t, id, div, d->stages[k], pick[i]->column, &lo[i], &hi[i]);
        }
    }
    plot_gp_formats(f, "timeseries-stages", n, title);
    time_range(f, d, div);
    for (size_t i = 0; i < n; i++) {
        plot_gp_key(f, i == 0);
        double k = panel(f, d, pick[i], "per period", plot_gp_bottom(i, n) ? xlabel : NULL, lo[i], hi[i]);
        fputs("    plot ", f);
        for (size_t j = 0; j < ns; j++) {
            char id[32];
            snprintf(id, sizeof id, "%zu_%zu", i + 1, j + 1);
            if (j > 0)
                fputs(", \\\n         ", f);
            series_plot(f, id, band[i][j], plot_gp_colour(j), d->stages[j], k);
        }
        fputc('\n', f);
    }
    plot_gp_formats_end(f);
    return SPC_OK;
}

spc_status plot_timeseries(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "timeseries.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read timeseries.csv", spc_outdir_shown(d));
    for (size_t s = 0; s < sizeof scopes / sizeof scopes[0] && err->code == SPC_OK; s++)
        scope_figures(d, &t, s, out, set, err);
    if (err->code == SPC_OK)
        stage_figure(d, &t, out, set, err);
    spc_csvtable_free(&t);
    return err->code;
}

/* ---- the stage chain, from summary.csv ---- */

static const series_info stage_bars[] = {
    { "", "utilization", "Utilisation", "busy servers (%)" },
    { "", "wait_mean", "Mean wait in queue", "@" },
    { "", "isq_mean", "Internal service quality (ISQ)", "ISQ (0-100)" },
    { "", "satisfaction_mean", "Employee satisfaction (ESAT)", "ESAT (0-100)" },
};
#define NSTAGE_BARS (sizeof stage_bars / sizeof stage_bars[0])

static int is_stage(const spc_outdir *d, const char *scope)
{
    for (size_t k = 0; k < d->nstages; k++)
        if (strcmp(d->stages[k], scope) == 0)
            return 1;
    return 0;
}

/* The largest |mean| and whether any interval exists, over the stages. */
static void metric_range(const spc_outdir *d, const spc_csvtable *t, const char *metric, int *found, double *max,
                         int *has_ci)
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    int mean = spc_csvtable_column(t, "mean"), lo = spc_csvtable_column(t, "ci95_low");
    *found = *has_ci = 0;
    *max = 0.0;
    for (size_t r = 0; r < t->nrows; r++) {
        if (strcmp(spc_csvtable_get(t, r, mc), metric) != 0 || !is_stage(d, spc_csvtable_get(t, r, sc)))
            continue;
        double x = spc_csvtable_num(t, r, mean);
        if (isfinite(x)) {
            *found = 1;
            *max = fmax(*max, fabs(x));
        }
        *has_ci |= isfinite(spc_csvtable_num(t, r, lo));
    }
}

static void stage_function(FILE *f, const spc_outdir *d)
{
    fputs("# a stage's place along the chain (run.json's order)\nstage(s) = ", f);
    for (size_t k = 0; k < d->nstages; k++) {
        fputs("s eq ", f);
        plot_gp_str(f, d->stages[k]);
        fprintf(f, " ? %zu : ", k);
    }
    fputs("-1\n", f);
}

static void stage_axis(FILE *f, const spc_outdir *d)
{
    fprintf(f, "    set xrange [-0.6:%zu.6]\n    set xtics (", d->nstages - 1);
    for (size_t k = 0; k < d->nstages; k++) {
        fputs(k ? ", " : "", f);
        plot_gp_str(f, d->stages[k]);
        fprintf(f, " %zu", k);
    }
    fprintf(f, ") %s\n", d->nstages > 4 ? "rotate by -25" : "");
    fputs("    set yrange [0:*]\n    set offsets 0, 0, graph 0.1, 0\n"
          "    set boxwidth 0.6\n    set style fill solid 0.55 border -1\n", f);
}

spc_status plot_stages(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    if (d->nstages == 0)
        return SPC_OK; /* no run.json: the chain's order is unknown */
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "summary.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read summary.csv", spc_outdir_shown(d));
    const series_info *pick[NSTAGE_BARS];
    double top[NSTAGE_BARS];
    int ci[NSTAGE_BARS];
    size_t n = 0;
    for (size_t i = 0; i < NSTAGE_BARS; i++) {
        int found;
        double max;
        metric_range(d, &t, stage_bars[i].column, &found, &max, &ci[n]);
        if (!found)
            continue;
        top[n] = max * 1.15; /* room above the bars for the intervals */
        pick[n++] = &stage_bars[i];
    }
    spc_csvtable_free(&t);
    char title[200];
    snprintf(title, sizeof title, "%s: the chain of stages", d->name ? d->name : "run");
    FILE *f = n ? plot_gp_open(out, set, "stages", SPC_PLOT_STAGES, title, "summary.csv", err) : NULL;
    if (f == NULL)
        return err->code;
    stage_function(f, d);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "set table $s%zu\nplot 'summary.csv' using (stage(strcol(\"scope\"))):(column(\"mean\"))%s"
                " with table if (strcol(\"metric\") eq ", i + 1,
                ci[i] ? ":(column(\"ci95_low\")):(column(\"ci95_high\"))" : "");
        plot_gp_str(f, pick[i]->column);
        fputs(" && stage(strcol(\"scope\")) >= 0)\nunset table\n", f);
    }
    plot_gp_formats(f, "stages", n, title);
    stage_axis(f, d);
    for (size_t i = 0; i < n; i++) {
        plot_gp_key(f, i == 0);
        double k = panel(f, d, pick[i], "per period", plot_gp_bottom(i, n) ? "stage (in the order orders pass them)" : NULL,
                         0.0, top[i]);
        if (ci[i])
            fprintf(f, "    plot $s%zu using 1:($2*%g):($3*%g):($4*%g):(0.6) with boxerrorbars lc rgb '%s' lw 2 "
                    "title 'mean, with its 95%% confidence interval'\n", i + 1, k, k, k, plot_gp_colour(0));
        else
            fprintf(f, "    plot $s%zu using 1:($2*%g) with boxes lc rgb '%s' title 'mean'\n", i + 1, k,
                    plot_gp_colour(0));
    }
    plot_gp_formats_end(f);
    return SPC_OK;
}
