/*
 * plot_study.c -- the figures of the experiments: compare.csv (each
 * variant's relative differences from the base, with their 95% intervals:
 * a forest plot), sweep.csv (each headline metric along the swept
 * parameter, a line per value of the second), chain.csv (the links of the
 * service-profit chain: relative changes with intervals beside the seeds').
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_gp.h"
#include "spcsim/chainstudy.h"
#include "spcsim/metricinfo.h"

/* The headline metrics of summary.csv's scopes, as compare.csv and
 * sweep.csv name them ("X" or "X_mean"); absent ones are skipped. */
static const char *const headline[][2] = {
    { "customers", "esat" },         { "customers", "csat" },        { "customers", "nps" },
    { "customers", "active" },       { "finance", "revenue" },       { "finance", "profit" },
    { "system", "lead_time_mean" },  { "system", "throughput" },     { "system", "wip_mean" },
    { "system", "lead_time_p90" },   { "system", "escaped_defects" }, { "company", "satisfaction" },
    { "company", "headcount" },      { "company", "turnover_annual" }, { "company", "isq" },
    { "customers", "score" },        { "customers", "retention" },   { "customers", "churn" },
    { "finance", "costs" },          { "finance", "margin" },        { "finance", "revenue_growth" },
};
#define NHEADLINE (sizeof headline / sizeof headline[0])
#define MAX_ROWS 20 /* metrics in one forest plot */

typedef struct {
    char scope[64], metric[96];
} metric_id;

/* Whether some row has scope/metric and a finite value in column c. */
static int present(const spc_csvtable *t, const char *scope, const char *metric, int c)
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, sc), scope) == 0 && strcmp(spc_csvtable_get(t, r, mc), metric) == 0 &&
            isfinite(spc_csvtable_num(t, r, c)))
            return 1;
    return 0;
}

static int is_known_scope(const char *scope)
{
    for (size_t i = 0; i < NHEADLINE; i++)
        if (strcmp(headline[i][0], scope) == 0)
            return 1;
    return 0;
}

/* The headline metrics present (with a finite value in column c), then
 * each stage's utilisation and mean wait when with_stages. */
static size_t pick_metrics(const spc_csvtable *t, int c, int with_stages, metric_id *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < NHEADLINE && n < max; i++) {
        char mean[64];
        snprintf(mean, sizeof mean, "%s_mean", headline[i][1]);
        const char *m = present(t, headline[i][0], headline[i][1], c) ? headline[i][1]
                      : present(t, headline[i][0], mean, c) ? mean : NULL;
        if (m != NULL) {
            snprintf(out[n].scope, sizeof out[n].scope, "%s", headline[i][0]);
            snprintf(out[n].metric, sizeof out[n].metric, "%s", m);
            n++;
        }
    }
    int sc = spc_csvtable_column(t, "scope");
    static const char *const stage_metrics[] = { "utilization", "wait_mean" };
    for (size_t r = 0; with_stages && r < t->nrows && n + 2 <= max; r++) {
        const char *scope = spc_csvtable_get(t, r, sc);
        int seen = is_known_scope(scope);
        for (size_t j = 0; j < n && !seen; j++)
            seen = strcmp(out[j].scope, scope) == 0;
        for (size_t k = 0; !seen && k < 2; k++)
            if (present(t, scope, stage_metrics[k], c)) {
                snprintf(out[n].scope, sizeof out[n].scope, "%s", scope);
                snprintf(out[n].metric, sizeof out[n].metric, "%s", stage_metrics[k]);
                n++;
            }
    }
    return n;
}

static void row_function(FILE *f, const metric_id *m, size_t n)
{
    fputs("# a metric's row in the plot, from the top\nrow(s, m) = ", f);
    for (size_t i = 0; i < n; i++) {
        fputs("(s eq ", f);
        plot_gp_str(f, m[i].scope);
        fputs(" && m eq ", f);
        plot_gp_str(f, m[i].metric);
        fprintf(f, ") ? %zu : ", i + 1);
    }
    fputs("0\n", f);
}

/* The rows' axis, from the top: label[i] for row i (NULL: "scope / metric").
 * A tic label is a format to gnuplot: its % are doubled. */
static void row_axis(FILE *f, const metric_id *m, const char *const *label, size_t n)
{
    fprintf(f, "    set yrange [%zu.6:0.4]\n    set ytics (", n);
    for (size_t i = 0; i < n; i++) {
        char name[200], tic[400];
        snprintf(name, sizeof name, "%.63s / %.95s", m[i].scope, m[i].metric);
        const char *s = label != NULL ? label[i] : name;
        size_t k = 0;
        for (; *s && k + 2 < sizeof tic; s++)
            if ((tic[k++] = *s) == '%')
                tic[k++] = '%';
        tic[k] = '\0';
        fputs(i ? ", " : "", f);
        plot_gp_str(f, tic);
        fprintf(f, " %zu", i + 1);
    }
    fputs(") font \",14\"\n    set grid xtics\n    set yzeroaxis lt -1 lw 2\n"
          "    set offsets 0, 0, 0, 0\n", f);
}

/* ---- compare ---- */

/* Distinct values of column c, in order of appearance (pointers into t). */
static size_t distinct(const spc_csvtable *t, int c, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *v = spc_csvtable_get(t, r, c);
        size_t j = 0;
        while (j < n && strcmp(out[j], v) != 0)
            j++;
        if (j == n && n < max)
            out[n++] = v;
    }
    return n;
}

/* ---- the compare figure: four panels per variant ----
 *
 * A relative change and a difference in points cannot share an axis, and
 * neither can the chain's few measures and the many others without one
 * outlier flattening the rest. So each variant gets, top to bottom:
 *   1 the chain's rates and scores (ESAT, CSAT, NPS): difference in points
 *   2 the chain's levels (active customers, revenue, profit): relative change (%)
 *   3 the other rates, shares and scores: difference in points (a share
 *     0-1 times 100, i.e. percentage points)
 *   4 the other measures: relative change (%)
 * Rows whose relative change is not defined (compare.h) are left out of
 * the relative panels; compare.csv and the report list them. */
enum { CP_CHAIN_POINTS, CP_CHAIN_REL, CP_POINTS, CP_REL, CP_N };

static const char *const cp_xlabel[CP_N] = { "difference (points)", "relative change (%)",
                                             "difference (points; shares in % points)", "relative change (%)" };
static const char *const cp_title[CP_N] = { "chain: ESAT, CSAT, NPS", "chain: customers, revenue, profit",
                                            "other rates and scores", "other measures" };

typedef struct {
    metric_id m[MAX_ROWS];
    double scale[MAX_ROWS]; /* 100 for a share 0-1 in a points panel, else 1 */
    size_t n;
} cp_panel;

/* The row of scope/metric (first variant's) in compare.csv, or -1. */
static long cp_row(const spc_csvtable *t, const metric_id *m)
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, sc), m->scope) == 0 && strcmp(spc_csvtable_get(t, r, mc), m->metric) == 0)
            return (long)r;
    return -1;
}

static void cp_sort(const spc_csvtable *t, metric_id *m, size_t n, cp_panel *p)
{
    int ci = spc_csvtable_column(t, "compared_in"), uc = spc_csvtable_column(t, "unit");
    memset(p, 0, CP_N * sizeof *p);
    for (size_t i = 0; i < n; i++) {
        long r = cp_row(t, &m[i]);
        if (r < 0)
            continue;
        const char *how = ci >= 0 ? spc_csvtable_get(t, (size_t)r, ci) : "relative"; /* a folder from 0.2.0 */
        int points = strcmp(how, "points") == 0;
        if (!points && strcmp(how, "relative") != 0)
            continue;
        int chain = spc_metricinfo_rank(m[i].scope, m[i].metric) < SPC_LINK_COUNT;
        cp_panel *q = &p[chain ? (points ? CP_CHAIN_POINTS : CP_CHAIN_REL) : (points ? CP_POINTS : CP_REL)];
        q->m[q->n] = m[i];
        q->scale[q->n++] = points && strncmp(spc_csvtable_get(t, (size_t)r, uc), "share", 5) == 0 ? 100 : 1;
    }
}

/* row<k>(s, m): a metric's row in panel k, from the top (0: not there);
 * scale<k>(s, m): what its values are multiplied by. */
static void cp_functions(FILE *f, const cp_panel *p, int k)
{
    fprintf(f, "row%d(s, m) = ", k);
    for (size_t i = 0; i < p->n; i++) {
        fputs("(s eq ", f);
        plot_gp_str(f, p->m[i].scope);
        fputs(" && m eq ", f);
        plot_gp_str(f, p->m[i].metric);
        fprintf(f, ") ? %zu : ", i + 1);
    }
    fprintf(f, "0\nscale%d(s, m) = ", k);
    for (size_t i = 0; i < p->n; i++)
        if (p->scale[i] != 1) {
            fputs("(s eq ", f);
            plot_gp_str(f, p->m[i].scope);
            fputs(" && m eq ", f);
            plot_gp_str(f, p->m[i].metric);
            fprintf(f, ") ? %g : ", p->scale[i]);
        }
    fputs("1\n", f);
}

/* $c<k>v<v><s>: panel k's rows of variant v, significant (s) or not (n);
 * a missing interval drawn as the estimate itself (plot_gp_bound). */
static void cp_table(FILE *f, const spc_csvtable *t, int k, size_t v, const char *variant, int sig)
{
    const char *col = k == CP_CHAIN_POINTS || k == CP_POINTS ? "diff" : "rel_diff";
    const char *lo = k == CP_CHAIN_POINTS || k == CP_POINTS ? "diff_ci95_low" : "rel_ci95_low";
    const char *hi = k == CP_CHAIN_POINTS || k == CP_POINTS ? "diff_ci95_high" : "rel_ci95_high";
    const char *mul = k == CP_CHAIN_POINTS || k == CP_POINTS ? "scale%d(strcol(\"scope\"), strcol(\"metric\"))" : "100";
    char m[96], blo[160], bhi[160];
    snprintf(m, sizeof m, mul, k);
    fprintf(f, "set table $c%dv%zu%c\nplot 'compare.csv' using (column(\"%s\")*%s):(row%d(strcol(\"scope\"), "
            "strcol(\"metric\"))):(%s*%s):(%s*%s) with table if (", k, v + 1, sig ? 's' : 'n', col, m, k,
            plot_gp_bound(blo, sizeof blo, lo, col), m, plot_gp_bound(bhi, sizeof bhi, hi, col), m);
    plot_gp_match(f, t, spc_csvtable_column(t, "variant"), "strcol(\"variant\")", variant);
    fprintf(f, " && strcol(\"significant\") eq '%s' && row%d(strcol(\"scope\"), strcol(\"metric\")) > 0 && "
            "strcol(\"%s\") ne '')\nunset table\n", sig ? "yes" : "no", k, col);
}

/* `set xrange` over variant v's values of panel p (scaled as drawn), zero inside. */
/* Variant v's value of panel p's metric i as drawn (x[0] the estimate,
 * x[1], x[2] its interval); 0 when absent. */
static int cp_values(const spc_csvtable *t, const char *v, const cp_panel *p, int k, size_t i, double x[3])
{
    int points = k == CP_CHAIN_POINTS || k == CP_POINTS;
    static const char *const cols[2][3] = { { "rel_diff", "rel_ci95_low", "rel_ci95_high" },
                                            { "diff", "diff_ci95_low", "diff_ci95_high" } };
    int vc = spc_csvtable_column(t, "variant"), sc = spc_csvtable_column(t, "scope");
    int mc = spc_csvtable_column(t, "metric");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, vc), v) == 0 && strcmp(spc_csvtable_get(t, r, sc), p->m[i].scope) == 0 &&
            strcmp(spc_csvtable_get(t, r, mc), p->m[i].metric) == 0) {
            for (int c = 0; c < 3; c++)
                x[c] = (points ? p->scale[i] : 100) * spc_csvtable_num(t, r, spc_csvtable_column(t, cols[points][c]));
            return isfinite(x[0]);
        }
    return 0;
}

/* `set xrange` over variant v's values of panel p, zero inside. So that no
 * single outlier flattens the others, in the panels of the other measures a
 * metric reaching more than 4 times as far from 0 as any other (with at
 * least 3 in the panel) is left out of the range and written at the
 * panel's edge instead, value and interval; the chain's panels always show
 * all three. */
static void cp_range(FILE *f, const spc_csvtable *t, const char *v, const cp_panel *p, int k)
{
    double x[MAX_ROWS][3], reach[MAX_ROWS];
    int have[MAX_ROWS];
    size_t far = 0, n = 0;
    for (size_t i = 0; i < p->n; i++) {
        reach[i] = 0;
        if ((have[i] = cp_values(t, v, p, k, i, x[i])) != 0) {
            n++;
            for (int c = 0; c < 3; c++)
                reach[i] = isfinite(x[i][c]) ? fmax(reach[i], fabs(x[i][c])) : reach[i];
            far = reach[i] > reach[far] ? i : far;
        }
    }
    double second = 0.0;
    for (size_t i = 0; i < p->n; i++)
        if (have[i] && i != far)
            second = fmax(second, reach[i]);
    int outlier = (k == CP_POINTS || k == CP_REL) && n >= 3 && second > 0 && reach[far] > 4 * second;
    double lo = 0.0, hi = 0.0;
    for (size_t i = 0; i < p->n; i++)
        for (int c = 0; have[i] && !(outlier && i == far) && c < 3; c++)
            if (isfinite(x[i][c])) {
                lo = fmin(lo, x[i][c]);
                hi = fmax(hi, x[i][c]);
            }
    double pad = hi > lo ? 0.08 * (hi - lo) : 1.0;
    fprintf(f, "    set xrange [%.6g:%.6g]\n    unset label\n", lo - pad, hi + pad);
    if (outlier) {
        int right = x[far][0] > 0;
        const char *u = k == CP_REL ? "%" : " points";
        fprintf(f, "    set label 1 '%s%+.3g%s [%+.3g, %+.3g] (off the scale)%s' at graph %s, first %zu %s front "
                "font ',12' tc rgb '%s'\n", right ? "" : "<- ", x[far][0], u, x[far][1], x[far][2], right ? " ->" : "",
                right ? "0.99" : "0.01", far + 1, right ? "right" : "left", plot_gp_colour(1));
    }
}

/* The tic labels of panel p: the metrics' readable labels. */
static void cp_axis(FILE *f, const cp_panel *p)
{
    const char *label[MAX_ROWS];
    for (size_t i = 0; i < p->n; i++) {
        const spc_metric_info *mi = spc_metricinfo_find(p->m[i].scope, p->m[i].metric);
        label[i] = mi != NULL ? mi->label : p->m[i].metric;
    }
    row_axis(f, p->m, label, p->n);
}

static void cp_plot(FILE *f, const spc_csvtable *t, const char *variant, size_t v, const cp_panel *p, int k,
                    int has_n, int has_s, int first)
{
    plot_gp_key(f, first);
    cp_axis(f, p);
    cp_range(f, t, variant, p, k);
    fputs("    unset xlabel\n    set title ", f);
    char title[400];
    snprintf(title, sizeof title, "%s: %s -- %s", variant, cp_title[k], cp_xlabel[k]);
    plot_gp_str(f, title);
    fputs("\n    plot ", f);
    if (has_n)
        fprintf(f, "$c%dv%zun using 1:2:3:4 with xerrorbars pt 7 ps 1.5 lw 2 lc rgb '#7f7f7f' "
                "title 'not significant at 5%%'%s", k, v + 1, has_s ? ", " : "");
    if (has_s)
        fprintf(f, "$c%dv%zus using 1:2:3:4 with xerrorbars pt 7 ps 1.5 lw 2 lc rgb '%s' "
                "title 'significant at 5%%'", k, v + 1, plot_gp_colour(1));
    if (!has_n && !has_s)
        fputs("NaN notitle", f);
    fputc('\n', f);
}

/* Whether variant v has a row of panel p significant (want 1) or not (want 0). */
static int any_sig(const spc_csvtable *t, const char *v, const cp_panel *p, int k, int want)
{
    int vc = spc_csvtable_column(t, "variant"), sc = spc_csvtable_column(t, "scope");
    int mc = spc_csvtable_column(t, "metric"), gc = spc_csvtable_column(t, "significant");
    int rc = spc_csvtable_column(t, k == CP_CHAIN_POINTS || k == CP_POINTS ? "diff" : "rel_diff");
    for (size_t r = 0; r < t->nrows; r++) {
        if (strcmp(spc_csvtable_get(t, r, vc), v) != 0 || !isfinite(spc_csvtable_num(t, r, rc)))
            continue;
        for (size_t i = 0; i < p->n; i++)
            if (strcmp(spc_csvtable_get(t, r, sc), p->m[i].scope) == 0 &&
                strcmp(spc_csvtable_get(t, r, mc), p->m[i].metric) == 0 &&
                (strcmp(spc_csvtable_get(t, r, gc), "yes") == 0) == want)
                return 1;
    }
    return 0;
}

static spc_status compare_figure(const spc_outdir *d, const spc_csvtable *t, const char **var, size_t nv,
                                 size_t part, size_t parts, spc_output *out, spc_plot_set *set, spc_error *err)
{
    metric_id m[MAX_ROWS];
    cp_panel p[CP_N];
    size_t n = pick_metrics(t, spc_csvtable_column(t, "diff"), 1, m, MAX_ROWS);
    cp_sort(t, m, n, p);
    int used[CP_N], np = 0;
    for (int k = 0; k < CP_N; k++)
        if (p[k].n > 0)
            used[np++] = k;
    if (np == 0)
        return SPC_OK;
    char name[64], title[200];
    snprintf(name, sizeof name, parts > 1 ? "compare-%zu" : "compare", part + 1);
    snprintf(title, sizeof title, "Variants against the base: differences with 95%% intervals "
             "(common random numbers)%s", parts > 1 ? " (continued)" : "");
    FILE *f = plot_gp_open(out, set, name, SPC_PLOT_COMPARE, title, "compare.csv", err);
    if (f == NULL)
        return err->code;
    int has[2][CP_N][2];
    for (int j = 0; j < np; j++) {
        cp_functions(f, &p[used[j]], used[j]);
        for (size_t v = 0; v < nv; v++)
            for (int s = 0; s < 2; s++)
                if ((has[v][used[j]][s] = any_sig(t, var[v], &p[used[j]], used[j], s)) != 0)
                    cp_table(f, t, used[j], v, var[v], s);
    }
    plot_gp_formats_grid(f, name, (size_t)np, nv, title, 0.24);
    for (int j = 0; j < np; j++)
        for (size_t v = 0; v < nv; v++)
            cp_plot(f, t, var[v], v, &p[used[j]], used[j], has[v][used[j]][0], has[v][used[j]][1], j == 0 && v == 0);
    plot_gp_formats_end(f);
    (void)d;
    return SPC_OK;
}

spc_status plot_compare(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "compare.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read compare.csv", spc_outdir_shown(d));
    const char *var[64];
    size_t nv = distinct(&t, spc_csvtable_column(&t, "variant"), var, 64);
    size_t parts = (nv + 1) / 2;
    for (size_t p = 0; p < parts && err->code == SPC_OK; p++)
        compare_figure(d, &t, var + 2 * p, nv - 2 * p < 2 ? nv - 2 * p : 2, p, parts, out, set, err);
    spc_csvtable_free(&t);
    return err->code;
}

/* ---- sweep ---- */

static int all_numbers(const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *end;
        strtod(v[i], &end);
        if (*v[i] == '\0' || *end != '\0')
            return 0;
    }
    return 1;
}

/* A metric's readable label, "label (unit)" from metricinfo.h and the CSV's unit column. */
static void sweep_label(const spc_csvtable *t, const metric_id *m, char *buf, size_t size)
{
    const spc_metric_info *mi = spc_metricinfo_find(m->scope, m->metric);
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric"), uc = spc_csvtable_column(t, "unit");
    const char *unit = "";
    for (size_t r = 0; uc >= 0 && r < t->nrows && !*unit; r++)
        if (strcmp(spc_csvtable_get(t, r, sc), m->scope) == 0 && strcmp(spc_csvtable_get(t, r, mc), m->metric) == 0)
            unit = spc_csvtable_get(t, r, uc);
    snprintf(buf, size, "%s%s%s%s", mi != NULL ? mi->label : m->metric, *unit ? " (" : "", unit, *unit ? ")" : "");
}

typedef struct {
    const spc_csvtable *t;
    const metric_id *m;
    const char **x, **lines;
    size_t nx, nl;
    const char *p1, *p2;
    int numeric;
    int diff;          /* 1: the paired differences from the reference point */
} sweep_fig;

/* What line l of metric i holds as gnuplot's `with table` reads it: 2 rows
 * with the interval, 1 rows of the value alone (no interval: a quantile
 * of one run, or the paired differences of one replication), 0 no row. A
 * series of no row is not written: gnuplot 5.4 leaves the datablock of a
 * `set table` that kept no rows undefined ("no datablock named $x"). */
static int sweep_series(const sweep_fig *g, size_t i, size_t l)
{
    const char *col[2][3] = { { "mean", "ci95_low", "ci95_high" }, { "diff", "diff_ci95_low", "diff_ci95_high" } };
    int sc = spc_csvtable_column(g->t, "scope"), mc = spc_csvtable_column(g->t, "metric");
    int vc = spc_csvtable_column(g->t, "value2"), xc = spc_csvtable_column(g->t, "value1"), kind = 0;
    double x;
    for (size_t r = 0; r < g->t->nrows && kind < 2; r++) {
        if (strcmp(spc_csvtable_get(g->t, r, sc), g->m[i].scope) != 0 ||
            strcmp(spc_csvtable_get(g->t, r, mc), g->m[i].metric) != 0 ||
            strcmp(spc_csvtable_get(g->t, r, vc), g->lines[l]) != 0 || (g->numeric && !plot_field(g->t, r, xc, &x)) ||
            !plot_field(g->t, r, spc_csvtable_column(g->t, col[g->diff][0]), &x))
            continue;
        kind = 1;
        if (plot_field(g->t, r, spc_csvtable_column(g->t, col[g->diff][1]), &x) &&
            plot_field(g->t, r, spc_csvtable_column(g->t, col[g->diff][2]), &x))
            kind = 2;
    }
    return kind;
}

static void sweep_tables(FILE *f, const sweep_fig *g, size_t first, size_t last)
{
    const char *col[2][3] = { { "mean", "ci95_low", "ci95_high" }, { "diff", "diff_ci95_low", "diff_ci95_high" } };
    for (size_t i = first; i < last; i++)
        for (size_t l = 0; l < g->nl; l++) {
            int kind = sweep_series(g, i, l);
            if (kind == 0)
                continue;
            fprintf(f, "set table $p%zu_%zu\nplot 'sweep.csv' using (%s):(column(\"%s\"))", i - first + 1, l + 1,
                    g->numeric ? "column(\"value1\")" : "xpos(strcol(\"value1\"))", col[g->diff][0]);
            if (kind == 2)
                fprintf(f, ":(column(\"%s\")):(column(\"%s\"))", col[g->diff][1], col[g->diff][2]);
            fputs(" with table if (strcol(\"scope\") eq ", f);
            plot_gp_str(f, g->m[i].scope);
            fputs(" && strcol(\"metric\") eq ", f);
            plot_gp_str(f, g->m[i].metric);
            fputs(" && ", f);
            plot_gp_match(f, g->t, spc_csvtable_column(g->t, "value2"), "strcol(\"value2\")", g->lines[l]);
            fprintf(f, " && strcol(\"%s\") ne '')\nunset table\n", col[g->diff][0]);
        }
}

static void sweep_xaxis(FILE *f, const sweep_fig *g)
{
    if (!g->numeric) {
        fputs("# the swept values are not numbers: they stand at 1, 2, ...\n", f);
        fprintf(f, "    set xrange [0.5:%zu.5]\n    set xtics (", g->nx);
        for (size_t i = 0; i < g->nx; i++) {
            fputs(i ? ", " : "", f);
            plot_gp_str(f, g->x[i]);
            fprintf(f, " %zu", i + 1);
        }
        fputs(")\n", f);
    } else { /* the swept values themselves as tics, the reference point's included */
        double lo = INFINITY, hi = -INFINITY;
        fputs("    set xtics (", f);
        for (size_t i = 0; i < g->nx; i++) {
            double v = strtod(g->x[i], NULL);
            lo = fmin(lo, v);
            hi = fmax(hi, v);
            fprintf(f, "%s%.10g", i ? ", " : "", v);
        }
        double pad = hi > lo ? 0.06 * (hi - lo) : 0.5;
        fprintf(f, ")\n    set xrange [%.10g:%.10g]\n", lo - pad, hi + pad);
    }
}

/* Panel i's lines: each with its interval, or without one the value
 * alone; a line of no values is left out, and in the panel carrying the
 * key keeps its entry (a line of no points, NaN) so that the key names
 * every line in its colour. A panel of no values at all is drawn empty. */
static void sweep_lines(FILE *f, const sweep_fig *g, size_t i, size_t first)
{
    const char *sep = "";
    int any = 0;
    for (size_t l = 0; l < g->nl; l++)
        any |= sweep_series(g, i, l) != 0;
    if (!any) {
        fputs("    set yrange [0:1]\n    plot NaN notitle\n    set autoscale y\n", f);
        return;
    }
    fputs("    plot ", f);
    for (size_t l = 0; l < g->nl; l++) {
        int kind = sweep_series(g, i, l);
        char key[200];
        if (*g->p2)
            snprintf(key, sizeof key, "%s = %s", g->p2, g->lines[l]);
        else if (kind == 2)
            snprintf(key, sizeof key, g->diff ? "paired difference with its 95%% interval"
                                              : "mean with its 95%% confidence interval");
        else
            snprintf(key, sizeof key, g->diff ? "paired difference (no interval)" : "mean (no interval)");
        if (kind == 0 && i != first)
            continue;
        fputs(sep, f);
        sep = ", ";
        if (kind == 2)
            fprintf(f, "$p%zu_%zu using 1:2:3:4 with yerrorlines", i - first + 1, l + 1);
        else if (kind == 1)
            fprintf(f, "$p%zu_%zu using 1:2 with linespoints", i - first + 1, l + 1);
        else
            fputs("NaN with linespoints", f);
        fprintf(f, " lw 3 pt 7 ps 1.3 lc rgb '%s' title ", plot_gp_colour(l));
        plot_gp_str(f, key);
    }
    fputc('\n', f);
}

static void sweep_panels(FILE *f, const sweep_fig *g, size_t first, size_t last)
{
    for (size_t i = first; i < last; i++) {
        plot_gp_key(f, i == first);
        char label[300];
        sweep_label(g->t, &g->m[i], label, sizeof label);
        fputs("    set title ", f);
        plot_gp_str(f, label);
        fputs("\n    set xlabel ", f);
        plot_gp_str(f, plot_gp_bottom(i - first, last - first) ? g->p1 : "");
        /* the unit is in the title: no y label to collide with long tics */
        fprintf(f, "\n    unset ylabel\n%s", g->diff ? "    set yzeroaxis\n    set xzeroaxis lt -1 lw 2\n" : "");
        sweep_lines(f, g, i, first);
    }
}

/* The figures of one kind (levels or differences), PLOT_PANELS metrics each,
 * each titled by what it holds. */
static spc_status sweep_figures(const spc_outdir *d, const sweep_fig *g, size_t n, const char *ref,
                                spc_output *out, spc_plot_set *set, spc_error *err)
{
    size_t parts = (n + PLOT_PANELS - 1) / PLOT_PANELS, per = parts ? (n + parts - 1) / parts : 0;
    for (size_t p = 0; p < parts && err->code == SPC_OK; p++) {
        size_t first = p * per, last = first + per < n ? first + per : n;
        char name[64], title[1200], a[300], b[300];
        const spc_metric_info *mf = spc_metricinfo_find(g->m[first].scope, g->m[first].metric);
        const spc_metric_info *ml = spc_metricinfo_find(g->m[last - 1].scope, g->m[last - 1].metric);
        snprintf(a, sizeof a, "%s", mf ? mf->label : g->m[first].metric);
        snprintf(b, sizeof b, "%s", ml ? ml->label : g->m[last - 1].metric);
        snprintf(name, sizeof name, parts > 1 ? "sweep%s-%zu" : "sweep%s", g->diff ? "-diff" : "", p + 1);
        if (g->diff)
            snprintf(title, sizeof title, "Paired differences from %s = %s: %s to %s", g->p1, ref, a, b);
        else
            snprintf(title, sizeof title, "The metrics along %s: %s to %s", g->p1, a, b);
        FILE *f = plot_gp_open(out, set, name, SPC_PLOT_SWEEP, title, "sweep.csv", err);
        if (f == NULL)
            break;
        if (!g->numeric) {
            fputs("xpos(v) = ", f);
            for (size_t i = 0; i < g->nx; i++) {
                plot_gp_match(f, g->t, spc_csvtable_column(g->t, "value1"), "v", g->x[i]);
                fprintf(f, " ? %zu : ", i + 1);
            }
            fputs("NaN\n", f);
        }
        sweep_tables(f, g, first, last);
        plot_gp_formats(f, name, last - first, title);
        sweep_xaxis(f, g);
        sweep_panels(f, g, first, last);
        plot_gp_formats_end(f);
    }
    (void)d;
    return err->code;
}

spc_status plot_sweep(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "sweep.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read sweep.csv", spc_outdir_shown(d));
    metric_id m[MAX_ROWS];
    size_t n = pick_metrics(&t, spc_csvtable_column(&t, "mean"), 0, m, MAX_ROWS);
    const char *x[256], *lines[16];
    sweep_fig g = { &t, m, x, lines, distinct(&t, spc_csvtable_column(&t, "value1"), x, 256),
                    distinct(&t, spc_csvtable_column(&t, "value2"), lines, 16),
                    spc_csvtable_get(&t, 0, spc_csvtable_column(&t, "param1")),
                    spc_csvtable_get(&t, 0, spc_csvtable_column(&t, "param2")), 0, 0 };
    g.numeric = all_numbers(x, g.nx);
    /* the reference point's value of the first parameter */
    double ref = spc_csvtable_num(&t, 0, spc_csvtable_column(&t, "reference"));
    const char *refv = "";
    int pc = spc_csvtable_column(&t, "point");
    for (size_t r = 0; isfinite(ref) && r < t.nrows && !*refv; r++)
        if (spc_csvtable_num(&t, r, pc) == ref)
            refv = spc_csvtable_get(&t, r, spc_csvtable_column(&t, "value1"));
    sweep_figures(d, &g, n, refv, out, set, err);
    g.diff = 1;
    if (err->code == SPC_OK && spc_csvtable_column(&t, "diff") >= 0 && g.nx > 1)
        sweep_figures(d, &g, n, refv, out, set, err);
    spc_csvtable_free(&t);
    return err->code;
}

/* ---- chain.csv ---- */

/* The seeds' form of the chain, drawn beside the simulated changes. */
static const struct {
    const char *metric;
    double rel;
} seeds[] = { { "esat", 5.0 }, { "csat", 1.0 }, { "profit", 0.5 } };

/* The change rows worth a relative change (chainstudy.h's `relative`:
 * not NPS or revenue growth, whose base can be near zero), with a finite
 * rel_pct, in the file's order; their labels in label[]. */
static size_t chain_rows(const spc_csvtable *t, metric_id *m, const char **label, size_t max)
{
    int kc = spc_csvtable_column(t, "kind"), sc = spc_csvtable_column(t, "scope");
    int mc = spc_csvtable_column(t, "metric"), rc = spc_csvtable_column(t, "rel_pct");
    size_t n = 0;
    for (size_t r = 0; r < t->nrows && n < max; r++) {
        const char *scope = spc_csvtable_get(t, r, sc), *metric = spc_csvtable_get(t, r, mc);
        const spc_chainstudy_measure *cm = spc_chainstudy_measure_find(scope, metric);
        if (strcmp(spc_csvtable_get(t, r, kc), "change") != 0 || !isfinite(spc_csvtable_num(t, r, rc)) ||
            (cm != NULL && !cm->relative))
            continue;
        snprintf(m[n].scope, sizeof m[n].scope, "%s", scope);
        snprintf(m[n].metric, sizeof m[n].metric, "%s", metric);
        label[n++] = cm != NULL ? cm->label : metric;
    }
    return n;
}

/* Whether a drawn row's significance is `want` ("yes"/"no"); widens
 * [*lo, *hi] to those rows' values and intervals. */
static int chain_any(const spc_csvtable *t, const metric_id *m, size_t n, const char *want, double *lo, double *hi)
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    int gc = spc_csvtable_column(t, "significant"), kc = spc_csvtable_column(t, "kind");
    static const char *const cols[] = { "rel_pct", "rel_ci95_low", "rel_ci95_high" };
    int any = 0;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t i = 0; i < n; i++)
            if (strcmp(spc_csvtable_get(t, r, kc), "change") == 0 &&
                strcmp(spc_csvtable_get(t, r, sc), m[i].scope) == 0 &&
                strcmp(spc_csvtable_get(t, r, mc), m[i].metric) == 0 &&
                strcmp(spc_csvtable_get(t, r, gc), want) == 0) {
                any = 1;
                for (int c = 0; c < 3; c++) {
                    double x = spc_csvtable_num(t, r, spc_csvtable_column(t, cols[c]));
                    if (isfinite(x))
                        *lo = fmin(*lo, x), *hi = fmax(*hi, x);
                }
            }
    return any;
}

/* `set table $NAME`: the drawn change rows of significance sig; without
 * an interval (one replication) each drawn as its estimate (plot_gp_bound). */
static void chain_table(FILE *f, const char *name, const char *sig)
{
    char lo[160], hi[160];
    fprintf(f, "set table $%s\nplot 'chain.csv' using (column(\"rel_pct\")):(row(strcol(\"scope\"), "
            "strcol(\"metric\"))):%s:%s with table if (strcol(\"kind\") eq 'change' && strcol(\"significant\") "
            "eq '%s' && row(strcol(\"scope\"), strcol(\"metric\")) > 0)\nunset table\n", name,
            plot_gp_bound(lo, sizeof lo, "rel_ci95_low", "rel_pct"), plot_gp_bound(hi, sizeof hi, "rel_ci95_high", "rel_pct"),
            sig);
}

/* The lever's row, for the title: "recognition 0.5 -> 0.697". */
static void chain_title(const spc_csvtable *t, char *title, size_t size)
{
    int kc = spc_csvtable_column(t, "kind"), sc = spc_csvtable_column(t, "scope");
    int bc = spc_csvtable_column(t, "base"), vc = spc_csvtable_column(t, "variant");
    snprintf(title, size, "The service-profit chain: relative changes with 95%% intervals");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, kc), "lever") == 0 && *spc_csvtable_get(t, r, sc)) {
            const char *path = spc_csvtable_get(t, r, sc), *dot = strrchr(path, '.');
            snprintf(title, size, "The service-profit chain: %.60s %.4g -> %.4g, relative changes with 95%% "
                     "intervals", dot ? dot + 1 : path, spc_csvtable_num(t, r, bc), spc_csvtable_num(t, r, vc));
        }
}

/* A forest plot of chain.csv's change rows: each measure's relative change
 * from the base (%) with its paired 95% interval, significant ones in
 * colour, and the seeds' form (+5% ESAT, +1% CSAT, +0.5% profit) as open
 * diamonds on the rows it names. NPS and revenue growth are left out (see
 * chain_rows): their changes are in the report's table, in points. */
spc_status plot_chain(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200], title[200];
    spc_csvtable t;
    if (spc_outdir_path(d, "chain.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read chain.csv", spc_outdir_shown(d));
    metric_id m[MAX_ROWS];
    const char *label[MAX_ROWS];
    size_t n = chain_rows(&t, m, label, MAX_ROWS);
    double lo = 0.0, hi = 0.0;
    int has[2] = { chain_any(&t, m, n, "yes", &lo, &hi), chain_any(&t, m, n, "no", &lo, &hi) };
    chain_title(&t, title, sizeof title);
    FILE *f = n > 0 ? plot_gp_open(out, set, "chain", SPC_PLOT_CHAIN, title, "chain.csv", err) : NULL;
    if (f == NULL) {
        spc_csvtable_free(&t);
        return err->code;
    }
    row_function(f, m, n);
    chain_table(f, "sig", "yes");
    chain_table(f, "notsig", "no");
    fputs("# the model's seeds: +5% ESAT -> +1% CSAT -> +0.5% profit (relative change, row)\n$seeds << EOD\n", f);
    for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++)
        for (size_t i = 0; i < n; i++)
            if (strcmp(m[i].metric, seeds[k].metric) == 0) {
                fprintf(f, "%g %zu\n", seeds[k].rel, i + 1);
                lo = fmin(lo, seeds[k].rel), hi = fmax(hi, seeds[k].rel);
            }
    fputs("EOD\n", f);
    plot_gp_formats_grid(f, "chain", 1, 1, title, 0.34);
    row_axis(f, m, label, n);
    fputs("    set ytics font \",16\"\n    psc = format eq \"png\" ? 1.6 : 1.0   # pngcairo draws points smaller than svg\n", f);
    double pad = hi > lo ? 0.05 * (hi - lo) : 1.0; /* on the right, room for the values */
    fprintf(f, "    set xrange [%.6g:%.6g]\n", lo - pad, hi + 4 * pad);
    fputs("    set xlabel 'relative change from the base (%), with its 95% confidence interval'\n", f);
    plot_gp_key(f, 1);
    fputs("    plot ", f);
    static const char *const block[2] = { "sig", "notsig" };
    for (int k = 0; k < 2; k++)
        if (has[k]) /* the interval, then its value written after it */
            fprintf(f, "$%s using 1:2:3:4 with xerrorbars pt %d ps 1.5*psc lw 3 lc rgb '%s' title '%s', "
                    "$%s using 4:2:(sprintf('  %%+.3g%%%%', $1)) with labels left offset 1,0 font ',16' tc rgb '%s' notitle, ",
                    block[k], k ? 6 : 7, k ? "#888888" : plot_gp_colour(0), k ? "not significant" : "significant at 5%",
                    block[k], k ? "#888888" : plot_gp_colour(0));
    fprintf(f, "$seeds using 1:2 with points pt 12 ps 2.5*psc lw 3 lc rgb '%s' "
            "title 'the seeds: +5%% ESAT, +1%% CSAT, +0.5%% profit'\n", plot_gp_colour(1));
    plot_gp_formats_end(f);
    spc_csvtable_free(&t);
    return err->code;
}

/* ---- chain.csv: the pathways (spcsim chain --decompose) ---- */

/* The links drawn, in the chain's order. */
static const char *const pathway_links[] = { "esat", "csat", "retention", "revenue", "profit" };

/* rel_pct of the row kind/scope/metric; NaN when absent. lo, hi (not NULL): its interval. */
static double chain_rel(const spc_csvtable *t, const char *kind, const char *scope, const char *metric, double *lo,
                        double *hi)
{
    int kc = spc_csvtable_column(t, "kind"), sc = spc_csvtable_column(t, "scope");
    int mc = spc_csvtable_column(t, "metric"), rc = spc_csvtable_column(t, "rel_pct");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, kc), kind) == 0 && strcmp(spc_csvtable_get(t, r, mc), metric) == 0 &&
            (scope == NULL || strcmp(spc_csvtable_get(t, r, sc), scope) == 0)) {
            if (lo != NULL)
                *lo = spc_csvtable_num(t, r, spc_csvtable_column(t, "rel_ci95_low"));
            if (hi != NULL)
                *hi = spc_csvtable_num(t, r, spc_csvtable_column(t, "rel_ci95_high"));
            return spc_csvtable_num(t, r, rc);
        }
    return NAN;
}

/* One link's data (before the drawing loop: gnuplot defines data blocks
 * only at the top level): $partsI, at y = 1 the parts through each pathway
 * alone and the interaction, end to end on descending steps (a waterfall:
 * each starts where the last ends, so the last ends at the total); $totalI, at y = 0 the
 * total with its interval (without one, the total as its bounds). Widens [*xmin, *xmax] to them. */
static void pathway_data(FILE *f, const spc_csvtable *t, const char *metric, size_t i, double *xmin, double *xmax)
{
    static const char *const pw[] = { "courtesy", "speed", "accuracy", "continuity", "recovery" };
    double lo = NAN, hi = NAN, total = chain_rel(t, "change", NULL, metric, &lo, &hi), x = 0;
    if (!isfinite(lo) || !isfinite(hi)) /* one replication: the total alone, a bar of no width (a label at NaN crashes gnuplot) */
        lo = hi = total;
    *xmin = fmin(0, fmin(lo, total)), *xmax = fmax(0, fmax(hi, total));
    fprintf(f, "$parts%zu << EOD\n", i);
    for (size_t p = 0; p <= 6; p++) { /* direct, the pathways, the interaction */
        double v = p == 0 ? chain_rel(t, "direct", "all_blind", metric, NULL, NULL)
                 : p <= 5 ? chain_rel(t, "pathway", pw[p - 1], metric, NULL, NULL)
                          : chain_rel(t, "interaction", "alone", metric, NULL, NULL);
        if (!isfinite(v))
            continue;
        /* a stair, one step per part, so that a part going back does not hide another */
        fprintf(f, "%.6g %.6g %.6g 0.05 %zu\n", x + v / 2, 1.39 - 0.13 * (double)p, fabs(v) / 2, p);
        x += v;
        *xmin = fmin(*xmin, x), *xmax = fmax(*xmax, x);
    }
    fprintf(f, "EOD\n$total%zu << EOD\n%.6g 0 %.6g %.6g\nEOD\n", i, total, lo, hi);
}

/* One link's panel, drawn from its data blocks. */
static void pathway_panel(FILE *f, const char *metric, size_t i, size_t n, int key, double xmin, double xmax)
{
    static const char *const pw[] = { "courtesy", "speed", "accuracy", "continuity", "recovery" };
    double pad = xmax > xmin ? 0.08 * (xmax - xmin) : 1.0;
    fprintf(f, "    set xrange [%.6g:%.6g]\n    set yrange [-0.6:1.6]\n", xmin - pad, xmax + 3 * pad);
    fputs("    set ytics (\"total\" 0, \"by pathway\" 1)\n", f);
    fputs(i + 1 == n ? "    set xlabel 'change, % of the base (direct, pathways alone, interaction)'\n"
                     : "    unset xlabel\n", f);
    const char *label = metric;
    for (size_t k = 0; k < spc_chainstudy_nmeasures; k++)
        if (strcmp(spc_chainstudy_measures[k].metric, metric) == 0)
            label = spc_chainstudy_measures[k].label;
    fputs("    set title ", f);
    plot_gp_str(f, label);
    fputc('\n', f);
    plot_gp_key(f, key);
    fputs("    plot ", f);
    for (size_t p = 0; p <= 6; p++)
        fprintf(f, "$parts%zu using ($5 == %zu ? $1 : NaN):2:3:4 with boxxyerror fs solid 0.8 lc rgb '%s' title '%s', ",
                i, p, p == 0 ? "#444444" : p <= 5 ? plot_gp_colour(p - 1) : "#aaaaaa",
                p == 0 ? "direct (all blind)" : p <= 5 ? pw[p - 1] : "interaction");
    fprintf(f, "$total%zu using 1:2:3:4 with xerrorbars pt 7 ps 1.5 lw 3 lc rgb 'black' title 'total, 95%% CI', "
            "$total%zu using 4:2:(sprintf('  %%+.3g%%%%', $1)) with labels left notitle\n", i, i);
}

spc_status plot_chain_pathways(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "chain.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read chain.csv", spc_outdir_shown(d));
    const char *links[sizeof pathway_links / sizeof pathway_links[0]];
    size_t n = 0;
    int any = 0;
    for (size_t k = 0; k < sizeof pathway_links / sizeof pathway_links[0]; k++) {
        any |= isfinite(chain_rel(&t, "pathway", NULL, pathway_links[k], NULL, NULL));
        if (isfinite(chain_rel(&t, "change", NULL, pathway_links[k], NULL, NULL)))
            links[n++] = pathway_links[k];
    }
    const char *title = "The chain by pathway: the lever's direct change, each pathway alone, the interaction";
    FILE *f = any && n > 0 ? plot_gp_open(out, set, "chain-pathways", SPC_PLOT_CHAIN, title, "chain.csv", err) : NULL;
    if (f != NULL) {
        fputs("# the parts: chain.csv's direct (all blind - base), pathway (only p - all blind) and interaction,alone\n"
              "# rows, in % of the base\n", f);
        double lo[sizeof pathway_links / sizeof pathway_links[0]], hi[sizeof lo / sizeof lo[0]];
        for (size_t i = 0; i < n; i++)
            pathway_data(f, &t, links[i], i, &lo[i], &hi[i]);
        plot_gp_formats_grid(f, "chain-pathways", n, 1, title, 0.12);
        for (size_t i = 0; i < n; i++)
            pathway_panel(f, links[i], i, n, i == 0, lo[i], hi[i]);
        plot_gp_formats_end(f);
    }
    spc_csvtable_free(&t);
    return err->code;
}
