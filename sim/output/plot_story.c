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

/* Whether gnuplot's `with table` keeps row r of a series: weeks and mean,
 * with bands the interval too, are numbers (plot_field). */
static int story_kept(const spc_csvtable *t, size_t r, int bands)
{
    static const char *const cols[] = { "weeks", "mean", "ci95_low", "ci95_high" };
    double x;
    for (int c = 0; c < (bands ? 4 : 2); c++)
        if (!plot_field(t, r, spc_csvtable_column(t, cols[c]), &x))
            return 0;
    return 1;
}

/* Arm's series of metric m: whether it carries intervals (*bands: a row
 * has one; without them -- one replication -- the empty interval columns
 * would make every row invalid), and whether gnuplot keeps a row of it.
 * A series it keeps none of (a scenario without customers has no CSAT)
 * must not be written: gnuplot 5.4 leaves the datablock of a `set table`
 * that kept no rows undefined ("no datablock named $x"). */
static int story_series(const spc_csvtable *t, const char *arm, const char *m, int *bands)
{
    int ac = spc_csvtable_column(t, "arm"), mc = spc_csvtable_column(t, "metric");
    int lc = spc_csvtable_column(t, "ci95_low"), any = 0;
    *bands = 0;
    for (int pass = 0; pass < 2; pass++) /* the bands first: they decide which rows are kept */
        for (size_t r = 0; r < t->nrows; r++)
            if (strcmp(spc_csvtable_get(t, r, mc), m) == 0 && (ac < 0 || strcmp(spc_csvtable_get(t, r, ac), arm) == 0)) {
                if (pass == 0)
                    *bands |= isfinite(spc_csvtable_num(t, r, lc));
                else
                    any |= story_kept(t, r, *bands);
            }
    return any;
}

/* One panel's series: which arms have one, with bands or not. */
typedef struct {
    size_t panel;
    int has[MAX_ARMS], bands[MAX_ARMS];
} story_panel;

/* Each arm's rows of the panel as a datablock $sP_A: weeks, mean and,
 * with bands, the interval; none for an arm without the measure. */
static void story_tables(FILE *f, const spc_csvtable *t, const char **arm, size_t na, const story_panel *sp)
{
    for (size_t a = 0; a < na; a++) {
        if (!sp->has[a])
            continue;
        fprintf(f, "set table $s%zu_%zu\nplot 'story.csv' using (column(\"weeks\")):(column(\"mean\"))%s"
                " with table if (", sp->panel, a,
                sp->bands[a] ? ":(column(\"ci95_low\")):(column(\"ci95_high\"))" : "");
        plot_gp_match(f, t, spc_csvtable_column(t, "arm"), "strcol(\"arm\")", arm[a]);
        fprintf(f, " && strcol(\"metric\") eq '%s')\nunset table\n", panels[sp->panel].metric);
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

/* The panel's plot: each arm's band and line in the arm's colour. An arm
 * without the measure (a scenario without customers in the CSAT panel) is
 * left out: a reader sees no line where there is nothing to show. In the
 * panel that carries the key it keeps its entry, a line of no points
 * (NaN), so that the key still names every arm in its colour. */
static void story_plot(FILE *f, const char **arm, size_t na, const story_panel *sp, int key)
{
    const char *sep = "";
    fputs("    plot ", f);
    for (size_t a = 0; a < na; a++) {
        if (!sp->has[a] && !key)
            continue;
        fputs(sep, f);
        sep = ", ";
        if (!sp->has[a])
            fprintf(f, "NaN with lines lw 3 lc rgb '%s' title ", plot_gp_colour(a));
        else {
            if (sp->bands[a])
                fprintf(f, "$s%zu_%zu using 1:3:4 with filledcurves fs transparent solid 0.2 noborder lc rgb '%s' "
                        "notitle, ", sp->panel, a, plot_gp_colour(a));
            fprintf(f, "$s%zu_%zu using 1:2 with lines lw 3 lc rgb '%s' title ", sp->panel, a, plot_gp_colour(a));
        }
        plot_gp_str(f, arm[a]);
    }
    fputc('\n', f);
}

spc_status plot_story(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "story.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read story.csv", spc_outdir_shown(d));
    const char *arm[MAX_ARMS];
    size_t na = spc_story_arms(&t, arm, MAX_ARMS), np = 0;
    story_panel sp[NPANELS];
    for (size_t p = 0; p < NPANELS; p++) {
        int any = 0;
        sp[np].panel = p;
        for (size_t a = 0; a < na; a++)
            any |= sp[np].has[a] = story_series(&t, arm[a], panels[p].metric, &sp[np].bands[a]);
        np += any != 0; /* a panel with a series */
    }
    double warmup = spc_csvtable_num(&t, 0, spc_csvtable_column(&t, "warmup_weeks"));
    double decision = spc_csvtable_num(&t, 0, spc_csvtable_column(&t, "decision_weeks"));
    FILE *f = np == 0 ? NULL
                      : plot_gp_open(out, set, "story", SPC_PLOT_STORY, "The chain over time: ESAT, CSAT, "
                                     "active customers and profit, with 95% bands", "story.csv", err);
    if (f != NULL) {
        for (size_t i = 0; i < np; i++)
            story_tables(f, &t, arm, na, &sp[i]);
        plot_gp_formats_grid(f, "story", np, 1, na > 1 ? "What changed and what followed: the base against the "
                             "variant, on one time axis" : "Before and after the decision, on one time axis", 0.1);
        double w0 = INFINITY, w1 = -INFINITY;
        plot_range(&t, spc_csvtable_column(&t, "weeks"), -1, NULL, &w0, &w1);
        fprintf(f, "    set xrange [0:%.10g]\n", isfinite(w1) ? w1 : 1.0);
        for (size_t i = 0; i < np; i++) {
            plot_gp_key(f, i == 0);
            story_marks(f, isfinite(warmup) ? warmup : 0, decision, i == 0);
            fputs("    set title ", f);
            plot_gp_str(f, panels[sp[i].panel].title);
            fprintf(f, "\n    set xlabel '%s'\n", i + 1 == np ? "time (weeks)" : "");
            story_ytics(f, &t, panels[sp[i].panel].metric);
            story_plot(f, arm, na, &sp[i], i == 0);
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

/* Whether row r of t is one of arm's replications of scope/metric that
 * gnuplot would keep (replication and value numbers, plot_field); its
 * replication and value in *rep, *v. */
static int dist_row(const spc_csvtable *t, size_t r, const char *arm, const char *scope, const char *metric,
                    double *rep, double *v)
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    int ac = spc_csvtable_column(t, "arm");
    return strcmp(spc_csvtable_get(t, r, sc), scope) == 0 && strcmp(spc_csvtable_get(t, r, mc), metric) == 0 &&
           (ac < 0 || strcmp(spc_csvtable_get(t, r, ac), arm) == 0) &&
           plot_field(t, r, spc_csvtable_column(t, "replication"), rep) &&
           plot_field(t, r, spc_csvtable_column(t, "value"), v);
}

/* Whether arm has a row of scope/metric: an arm without the measure (a
 * scenario without customers has no CSAT) gets no datablock and no plot
 * element, as the story figure leaves out its series -- an empty inline
 * datablock makes gnuplot warn "Skipping data file with no valid points". */
static int dist_has(const spc_csvtable *t, const char *arm, const char *scope, const char *metric)
{
    double rep, v;
    for (size_t r = 0; r < t->nrows; r++)
        if (dist_row(t, r, arm, scope, metric, &rep, &v))
            return 1;
    return 0;
}

/* The datablock $dP_A: arm a's replications of measure p (plot_field),
 * each at a + 0.3 * ((replication % 7) / 3 - 1), its value beside: what
 * `plot FILE using (a + 0.3 * ((int(column("replication")) % 7) / 3.0 -
 * 1)):(column("value")) with table if (...)` made. None when the arm has
 * no such row (dist_has). */
static void dist_table(FILE *f, const spc_csvtable *t, const char *arm, size_t a, size_t p, const char *scope,
                       const char *metric)
{
    if (!dist_has(t, arm, scope, metric))
        return;
    fprintf(f, "$d%zu_%zu << EOD\n", p, a);
    for (size_t r = 0; r < t->nrows; r++) {
        double rep, v;
        if (dist_row(t, r, arm, scope, metric, &rep, &v))
            fprintf(f, "%g %g\n", (double)a + 0.3 * ((double)((long long)rep % 7) / 3.0 - 1), v);
    }
    fputs("EOD\n", f);
}

/* Panel p: every arm keeps its tic (a reader sees which arm lacks the
 * measure), only the arms with rows are plotted. */
static void dist_panel(FILE *f, const spc_csvtable *t, const char **arm, size_t na, size_t p, const char *scope,
                       const char *metric, const char *time_unit)
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
    const char *sep = "";
    for (size_t a = 0; a < na; a++)
        if (dist_has(t, arm[a], scope, metric)) {
            fprintf(f, "%s$d%zu_%zu using 1:2 with points pt 7 ps 1.6 lc rgb '%s' notitle", sep, p, a,
                    plot_gp_colour(a));
            sep = ", ";
        }
    fputc('\n', f);
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
            dist_panel(f, &t, arm, na, p, sc[p], mc[p], d->time_unit);
        plot_gp_formats_end(f);
    }
    spc_csvtable_free(&t);
    return err->code;
}
