/*
 * report_study.c -- the studies' parts of report.html (see report_html.h):
 * compare.csv's table of paired differences, the headline scopes first;
 * sweep.csv's means and differences from the reference point; and
 * sensitivity.csv in sentences, what each output depends on.
 */
#include <math.h>
#include <string.h>

#include "report_html.h"
#include "spcsim/csvtable.h"
#include "spcsim/metricinfo.h"

/* ---- compare.csv ---- */

static int headline_scope(const char *s)
{
    return strcmp(s, "system") == 0 || strcmp(s, "company") == 0 || strcmp(s, "customers") == 0 ||
           strcmp(s, "finance") == 0;
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

void report_study_compare(FILE *f, const spc_outdir *d)
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

/* ---- sweep.csv ---- */

/* Whether a sweep.csv row is shown: the chain's measures when the sweep has
 * them, else the system's. */
static int sweep_shown(const char *scope, const char *metric, int chain)
{
    if (!chain)
        return strcmp(scope, "system") == 0;
    int rank = spc_metricinfo_rank(scope, metric);
    return rank > SPC_LINK_NONE && rank < SPC_LINK_COUNT;
}

void report_study_sweep(FILE *f, const spc_outdir *d)
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

/* The value of output's row with this index: the largest (from 0) when
 * `largest`, else the last one; `none` when there is no such row. */
static double sens_value(const spc_csvtable *t, const char *output, const char *index, double none, int largest)
{
    int oc = spc_csvtable_column(t, "output"), ic = spc_csvtable_column(t, "index");
    int vc = spc_csvtable_column(t, "value");
    double x = largest ? 0.0 : none;
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, oc), output) == 0 && strcmp(spc_csvtable_get(t, r, ic), index) == 0 &&
            (!largest || spc_csvtable_num(t, r, vc) > x))
            x = spc_csvtable_num(t, r, vc);
    return x;
}

/* The settings of output in class cls, after the class's words; 0 when none. */
static int sens_list(FILE *f, const spc_csvtable *t, const char *output, int morris, double max, int cls)
{
    static const char *const says[] = { "; not at all on ", "; little on ", " depends on " };
    int sc = spc_csvtable_column(t, "setting"), oc = spc_csvtable_column(t, "output");
    int ic = spc_csvtable_column(t, "index"), vc = spc_csvtable_column(t, "value");
    int any = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        double v = spc_csvtable_num(t, r, vc);
        if (strcmp(spc_csvtable_get(t, r, oc), output) != 0 ||
            strcmp(spc_csvtable_get(t, r, ic), morris ? "mu_star" : "ST") != 0 || sens_class(v, max, morris) != cls)
            continue;
        fputs(any++ ? ", " : says[cls], f);
        fputs("<code>", f);
        report_esc(f, spc_csvtable_get(t, r, sc));
        fprintf(f, "</code> (%s ", morris ? "&mu;*" : "S<sub>T</sub>");
        report_num(f, v);
        fputs(")", f);
    }
    return any;
}

/* One paragraph per output: the settings it depends on, little and not at
 * all; the replication noise's share; the points the lever did not reach. */
static void sens_output(FILE *f, const spc_csvtable *t, const char *output, int morris)
{
    double max = sens_value(t, output, morris ? "mu_star" : "ST", 0.0, 1);
    double noise = sens_value(t, output, "noise_share", NAN, 0);
    double unreached = sens_value(t, output, "unreached_points", 0.0, 0);
    fputs("<p><b>", f);
    report_esc(f, output);
    fputs("</b>", f);
    for (int cls = 2; cls >= 0; cls--)
        if (!sens_list(f, t, output, morris, max, cls) && cls == 2)
            fputs(" depends on none of the settings varied", f);
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

void report_study_sensitivity(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
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
    report_figures(f, d, set, SPC_PLOT_SENS_TORNADO, NULL, note);
    report_figures(f, d, set, SPC_PLOT_SENS_MORRIS, NULL, note);
    fputs("</section>\n", f);
    spc_csvtable_free(&t);
}
