/*
 * plot_story.c -- the story figure (story.csv, story.h): the chain told
 * over time. Four panels stacked in the chain's order -- ESAT, CSAT,
 * active customers, profit per period -- share one time axis in weeks;
 * each arm (the base and the variants, or the one run) is a line with its
 * 95% band; the warm-up is shaded and the decision time is a dashed
 * vertical line, so a reader sees what changed, when, and what followed.
 */
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "plot_gp.h"
#include "spcsim/metricinfo.h"
#include "spcsim/story.h"

static const struct {
    const char *metric, *title;
} panels[] = {
    { "esat", "Employee satisfaction (ESAT, 0-100)" },
    { "csat", "Customer satisfaction (CSAT, % satisfied)" },
    { "active", "Active customers" },
    { "profit", "Profit per period" },
};
#define NPANELS (sizeof panels / sizeof panels[0])
#define MAX_ARMS 6

/* Whether metric m has rows (any arm), and whether they carry intervals. */
static int has_metric(const spc_csvtable *t, const char *m, int *bands)
{
    int mc = spc_csvtable_column(t, "metric"), lc = spc_csvtable_column(t, "ci95_low");
    int any = 0;
    *bands = 0;
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, mc), m) == 0) {
            any = 1;
            *bands |= isfinite(spc_csvtable_num(t, r, lc));
        }
    return any;
}

/* Each arm's rows of panel p as a datablock $sP_A: weeks, mean and, with
 * bands, the interval (without them -- one replication -- the empty
 * interval columns would make every row invalid and the block empty). */
static void story_tables(FILE *f, const char **arm, size_t na, size_t p, int bands)
{
    for (size_t a = 0; a < na; a++) {
        fprintf(f, "set table $s%zu_%zu\nplot 'story.csv' using (column(\"weeks\")):(column(\"mean\"))%s"
                " with table if (strcol(\"arm\") eq ", p, a,
                bands ? ":(column(\"ci95_low\")):(column(\"ci95_high\"))" : "");
        plot_gp_str(f, arm[a]);
        fprintf(f, " && strcol(\"metric\") eq '%s')\nunset table\n", panels[p].metric);
    }
}

/* The warm-up shaded, the decision marked; both in weeks. */
static void story_marks(FILE *f, double warmup, double decision, int label)
{
    fputs("    unset object\n    unset arrow\n    unset label\n", f);
    if (warmup > 0)
        fprintf(f, "    set object 1 rect from first 0, graph 0 to first %.10g, graph 1 behind "
                "fc rgb '#d9d9d9' fs solid 0.6 noborder\n", warmup);
    if (label && warmup > 0)
        fprintf(f, "    set label 1 'warm-up' at first %.10g, graph 0.92 center front\n", warmup / 2);
    if (isfinite(decision)) {
        fprintf(f, "    set arrow 1 from first %.10g, graph 0 to first %.10g, graph 1 nohead dt 2 lw 3 "
                "lc rgb '#333333' front\n", decision, decision);
        if (label)
            fprintf(f, "    set label 2 ' decision (week %.4g)' at first %.10g, graph 0.92 left front\n", decision,
                    decision);
    }
}

/* About four tics over the panel's values (its bands included): a step of
 * 1, 2 or 5 times a power of ten. */
static void story_ytics(FILE *f, const spc_csvtable *t, const char *metric)
{
    double lo = INFINITY, hi = -INFINITY;
    int mc = spc_csvtable_column(t, "metric");
    static const char *const cols[] = { "mean", "ci95_low", "ci95_high" };
    for (int c = 0; c < 3; c++)
        plot_range(t, spc_csvtable_column(t, cols[c]), mc, metric, &lo, &hi);
    double span = hi - lo;
    if (!(span > 0) || !isfinite(span)) {
        fputs("    set ytics autofreq\n", f);
        return;
    }
    double p10 = pow(10.0, floor(log10(span / 4.0))), step = p10;
    static const double mult[] = { 1, 2, 5, 10 };
    for (size_t i = 0; i < 4 && span / (step = mult[i] * p10) > 4.5; i++)
        ;
    fprintf(f, "    set ytics %.6g\n", step);
}

static void story_plot(FILE *f, const char **arm, size_t na, size_t p, int bands)
{
    fputs("    plot ", f);
    for (size_t a = 0; a < na; a++) {
        if (bands)
            fprintf(f, "$s%zu_%zu using 1:3:4 with filledcurves fs transparent solid 0.2 noborder lc rgb '%s' "
                    "notitle, ", p, a, plot_gp_colour(a));
        fprintf(f, "$s%zu_%zu using 1:2 with lines lw 3 lc rgb '%s' title ", p, a, plot_gp_colour(a));
        plot_gp_str(f, arm[a]);
        fputs(a + 1 < na ? ", " : "\n", f);
    }
}

spc_status plot_story(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "story.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read story.csv", spc_outdir_shown(d));
    const char *arm[MAX_ARMS];
    size_t na = spc_story_arms(&t, arm, MAX_ARMS), used[NPANELS], np = 0;
    int bands[NPANELS];
    for (size_t p = 0; p < NPANELS; p++)
        if (has_metric(&t, panels[p].metric, &bands[np]))
            used[np++] = p;
    double warmup = spc_csvtable_num(&t, 0, spc_csvtable_column(&t, "warmup_weeks"));
    double decision = spc_csvtable_num(&t, 0, spc_csvtable_column(&t, "decision_weeks"));
    FILE *f = np == 0 ? NULL
                      : plot_gp_open(out, set, "story", SPC_PLOT_STORY, "The chain over time: ESAT, CSAT, "
                                     "active customers and profit, with 95% bands", "story.csv", err);
    if (f != NULL) {
        for (size_t i = 0; i < np; i++)
            story_tables(f, arm, na, used[i], bands[i]);
        plot_gp_formats_grid(f, "story", np, 1, na > 1 ? "What changed and what followed: the base against the "
                             "variant, on one time axis" : "Before and after the decision, on one time axis", 0.1);
        double w0 = INFINITY, w1 = -INFINITY;
        plot_range(&t, spc_csvtable_column(&t, "weeks"), -1, NULL, &w0, &w1);
        fprintf(f, "    set xrange [0:%.10g]\n", isfinite(w1) ? w1 : 1.0);
        for (size_t i = 0; i < np; i++) {
            plot_gp_key(f, i == 0);
            story_marks(f, isfinite(warmup) ? warmup : 0, decision, i == 0);
            fputs("    set title ", f);
            plot_gp_str(f, panels[used[i]].title);
            fprintf(f, "\n    set xlabel '%s'\n", i + 1 == np ? "time (weeks)" : "");
            story_ytics(f, &t, panels[used[i]].metric);
            story_plot(f, arm, na, used[i], bands[i]);
        }
        plot_gp_formats_end(f);
    }
    spc_csvtable_free(&t);
    return err->code;
}

/* ---- the replications' values of the headline measures: a strip plot ----
 *
 * One panel per measure (the chain's six, or without customers the
 * workforce's and the flow's: story.h), each arm a column of points, one
 * point per replication spread a little sideways by its index, so that
 * replications that split into groups (model.md B8) show as two clouds. */

static int dist_file(const spc_outdir *d, char *path, size_t size, const char **name)
{
    *name = "arm_replications.csv";
    if (spc_outdir_path(d, *name, path, size) == 0 && access(path, F_OK) == 0)
        return 1;
    *name = "replications.csv";
    return spc_outdir_path(d, *name, path, size) == 0 && access(path, F_OK) == 0;
}

/* The datablock $dP_A: arm a's replications of measure p (plot_field),
 * each at a + 0.3 * ((replication % 7) / 3 - 1), its value beside: what
 * `plot FILE using (a + 0.3 * ((int(column("replication")) % 7) / 3.0 -
 * 1)):(column("value")) with table if (...)` made. */
static void dist_table(FILE *f, const spc_csvtable *t, const char *arm, size_t a, size_t p, const char *scope,
                       const char *metric)
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    int ac = spc_csvtable_column(t, "arm"), rc = spc_csvtable_column(t, "replication");
    int vc = spc_csvtable_column(t, "value");
    fprintf(f, "$d%zu_%zu << EOD\n", p, a);
    for (size_t r = 0; r < t->nrows; r++) {
        double rep, v;
        if (strcmp(spc_csvtable_get(t, r, sc), scope) != 0 || strcmp(spc_csvtable_get(t, r, mc), metric) != 0 ||
            (ac >= 0 && strcmp(spc_csvtable_get(t, r, ac), arm) != 0) || !plot_field(t, r, rc, &rep) ||
            !plot_field(t, r, vc, &v))
            continue;
        fprintf(f, "%g %g\n", (double)a + 0.3 * ((double)((long long)rep % 7) / 3.0 - 1), v);
    }
    fputs("EOD\n", f);
}

static void dist_panel(FILE *f, const char **arm, size_t na, size_t p, const char *scope, const char *metric,
                       const char *time_unit)
{
    const spc_metric_info *mi = spc_metricinfo_find(scope, metric);
    char title[200], unit[96];
    spc_metricinfo_unit(mi, SPC_MI_SUMMARY, time_unit, unit, sizeof unit);
    snprintf(title, sizeof title, "%s (%s)", mi != NULL ? mi->label : metric, unit);
    fputs("    set title ", f);
    plot_gp_str(f, title);
    fprintf(f, "\n    set xrange [-0.6:%.1f]\n    set ytics autofreq\n    set xtics (", (double)na - 0.4);
    for (size_t a = 0; a < na; a++) {
        fputs(a ? ", " : "", f);
        plot_gp_str(f, arm[a][0] ? arm[a] : "replications");
        fprintf(f, " %zu", a);
    }
    fputs(")\n    plot ", f);
    for (size_t a = 0; a < na; a++)
        fprintf(f, "$d%zu_%zu using 1:2 with points pt 7 ps 1.6 lc rgb '%s' notitle%s", p, a, plot_gp_colour(a),
                a + 1 < na ? ", " : "\n");
}

spc_status plot_dist(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    const char *file;
    spc_csvtable t;
    if (!dist_file(d, path, sizeof path, &file))
        return SPC_OK;
    if (spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read %s", spc_outdir_shown(d), file);
    const char *arm[MAX_ARMS], *sc[SPC_STORY_NDIST], *mc[SPC_STORY_NDIST], *s, *m;
    size_t na = spc_story_arms(&t, arm, MAX_ARMS), np = 0;
    double x[4];
    for (size_t i = 0; np < SPC_STORY_NDIST && spc_story_dist_measure(i, &s, &m); i++)
        if (spc_story_values(&t, arm[0], s, m, x, 4) >= 2) { /* a distribution needs replications */
            sc[np] = s;
            mc[np++] = m;
        }
    FILE *f = np == 0 ? NULL : plot_gp_open(out, set, "distributions", SPC_PLOT_DIST, "Each replication's value "
                                            "of the headline measures", file, err);
    if (f != NULL) {
        for (size_t p = 0; p < np; p++)
            for (size_t a = 0; a < na; a++)
                dist_table(f, &t, arm[a], a, p, sc[p], mc[p]);
        plot_gp_formats(f, "distributions", np, "Each replication's value: one point per replication");
        fputs("    unset key\n    set grid ytics\n", f);
        for (size_t p = 0; p < np; p++)
            dist_panel(f, arm, na, p, sc[p], mc[p], d->time_unit);
        plot_gp_formats_end(f);
    }
    spc_csvtable_free(&t);
    return err->code;
}
