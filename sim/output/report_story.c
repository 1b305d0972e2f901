/*
 * report_story.c -- the parts of report.html that tell the story (see
 * report_html.h): three opening sentences made from the numbers of the
 * folder's files, a headline table by link of the chain with labels and
 * units, and a sentence on whether the replications split into groups.
 * Every number printed here is read from a CSV file of the folder.
 */
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "report_html.h"
#include "spcsim/csvtable.h"
#include "spcsim/groups.h"
#include "spcsim/metricinfo.h"
#include "spcsim/story.h"

/* "+1.2 [−0.3, +2.7]" with a sign, 3 significant digits (the interval when finite). */
static void signed_interval(FILE *f, double m, double lo, double hi, const char *suffix)
{
    fprintf(f, "%+.3g", m);
    report_esc(f, suffix); /* a unit read from a file */
    if (isfinite(lo) && isfinite(hi))
        fprintf(f, " <span class=\"ci\">[%+.3g, %+.3g]</span>", lo, hi);
}

/* A level: all the digits from 1e4 on (counts, money), else 4 significant. */
static void level(FILE *f, double x)
{
    fprintf(f, fabs(x) >= 1e4 && fabs(x) < 1e12 ? "%.0f" : "%.4g", x);
}

static void plain_interval(FILE *f, double m, double lo, double hi)
{
    level(f, m);
    if (isfinite(lo) && isfinite(hi)) {
        fputs(" <span class=\"ci\">[", f);
        level(f, lo);
        fputs(", ", f);
        level(f, hi);
        fputs("]</span>", f);
    }
}

/* ---- compare: the first variant against the base ---- */

static long compare_row(const spc_csvtable *t, const char *variant, const char *scope, const char *metric)
{
    int vc = spc_csvtable_column(t, "variant"), sc = spc_csvtable_column(t, "scope");
    int mc = spc_csvtable_column(t, "metric");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, vc), variant) == 0 && strcmp(spc_csvtable_get(t, r, sc), scope) == 0 &&
            strcmp(spc_csvtable_get(t, r, mc), metric) == 0)
            return (long)r;
    return -1;
}

/* "ESAT −1.69 points [−3.50, +0.12]", the relative change where compare.csv has it. */
static int compare_phrase(FILE *f, const spc_csvtable *t, const char *variant, const char *scope,
                          const char *metric, const char *name, const char *sep)
{
    long r = compare_row(t, variant, scope, metric);
    if (r < 0)
        return 0;
    size_t i = (size_t)r;
    fprintf(f, "%s%s ", sep, name);
    double rel = spc_csvtable_num(t, i, spc_csvtable_column(t, "rel_diff"));
    if (isfinite(rel))
        signed_interval(f, 100 * rel, 100 * spc_csvtable_num(t, i, spc_csvtable_column(t, "rel_ci95_low")),
                        100 * spc_csvtable_num(t, i, spc_csvtable_column(t, "rel_ci95_high")), "%");
    else {
        const char *how = spc_csvtable_get(t, i, spc_csvtable_column(t, "compared_in"));
        char unit[128];
        snprintf(unit, sizeof unit, " %s", strcmp(how, "points") == 0 ? "points"
                                           : spc_csvtable_get(t, i, spc_csvtable_column(t, "unit")));
        signed_interval(f, spc_csvtable_num(t, i, spc_csvtable_column(t, "diff")),
                        spc_csvtable_num(t, i, spc_csvtable_column(t, "diff_ci95_low")),
                        spc_csvtable_num(t, i, spc_csvtable_column(t, "diff_ci95_high")), unit);
    }
    return 1;
}

static const struct {
    const char *scope, *metric, *name;
} people[] = { { "customers", "esat", "ESAT" }, { "customers", "csat", "CSAT" }, { "customers", "nps", "NPS" } },
  business[] = { { "customers", "active", "active customers" }, { "finance", "revenue", "revenue" },
                 { "finance", "profit", "profit" } },
  flow[] = { { "company", "satisfaction_mean", "employee satisfaction" }, { "company", "turnover_annual",
             "employee turnover" }, { "system", "lead_time_mean", "the lead time" } };

static void compare_opening(FILE *f, const spc_outdir *d)
{
    spc_csvtable t, s;
    if (!report_load(d, "compare.csv", &t))
        return;
    int have_story = report_load(d, "story.csv", &s);
    const char *variant = t.nrows > 0 ? spc_csvtable_get(&t, 0, spc_csvtable_column(&t, "variant")) : "";
    const char *base = have_story && s.nrows > 0 ? spc_csvtable_get(&s, 0, spc_csvtable_column(&s, "arm")) : "";
    double decision = have_story ? spc_csvtable_num(&s, 0, spc_csvtable_column(&s, "decision_weeks")) : NAN;
    double n = t.nrows > 0 ? spc_csvtable_num(&t, 0, spc_csvtable_column(&t, "n")) : NAN;
    fputs("<section id=\"story\">\n<p class=\"story\">What was changed: <b>", f);
    report_esc(f, variant);
    fputs("</b> against the base", f);
    if (*base) {
        fputs(" <b>", f);
        report_esc(f, base);
        fputs("</b>", f);
    }
    if (isfinite(decision))
        fprintf(f, ", a decision taken at week %.4g of the run. ", decision);
    else
        fputs(", different from the start of the run. ", f);
    int chain = compare_row(&t, variant, "customers", "esat") >= 0 || compare_row(&t, variant, "finance", "profit") >= 0;
    fputs("What followed for the people and the customers: ", f);
    int k = 0;
    for (size_t i = 0; i < 3; i++)
        k += compare_phrase(f, &t, variant, chain ? people[i].scope : flow[i].scope,
                            chain ? people[i].metric : flow[i].metric, chain ? people[i].name : flow[i].name,
                            k == 0 ? "" : i == 2 ? " and " : ", ");
    fputs(k ? ". " : "no measure of the chain in compare.csv. ", f);
    if (chain) {
        fputs("For the business: ", f);
        k = 0;
        for (size_t i = 0; i < 3; i++)
            k += compare_phrase(f, &t, variant, business[i].scope, business[i].metric, business[i].name,
                                k == 0 ? "" : i == 2 ? " and " : ", ");
        fputs(". ", f);
    }
    fprintf(f, "(Differences over %.0f replications with common random numbers; in brackets the 95%% interval: "
            "one that includes 0 shows no clear change.)</p>\n", isfinite(n) ? n : 0.0);
    spc_csvtable_free(&t);
    if (have_story)
        spc_csvtable_free(&s);
}

/* ---- a run with interventions: before and after the decision ---- */

typedef struct {
    double weeks, mean, lo, hi;
} story_point;

/* The last point before the decision, the one furthest from it after, and the last. */
static int story_points(const spc_csvtable *s, const char *metric, double decision, story_point p[3])
{
    int mc = spc_csvtable_column(s, "metric"), wc = spc_csvtable_column(s, "weeks");
    int mean = spc_csvtable_column(s, "mean"), lo = spc_csvtable_column(s, "ci95_low");
    int hi = spc_csvtable_column(s, "ci95_high");
    int have = 0;
    double far = -1;
    for (size_t r = 0; r < s->nrows; r++) {
        if (strcmp(spc_csvtable_get(s, r, mc), metric) != 0)
            continue;
        story_point q = { spc_csvtable_num(s, r, wc), spc_csvtable_num(s, r, mean), spc_csvtable_num(s, r, lo),
                          spc_csvtable_num(s, r, hi) };
        if (q.weeks <= decision) {
            p[0] = q;
            have |= 1;
        } else if (have & 1) {
            if (fabs(q.mean - p[0].mean) > far) {
                far = fabs(q.mean - p[0].mean);
                p[1] = q;
            }
            p[2] = q;
            have |= 2;
        }
    }
    return have == 3;
}

static int run_phrase(FILE *f, const spc_csvtable *s, const char *metric, const char *name, double decision,
                      const char *sep)
{
    story_point p[3] = { { NAN, NAN, NAN, NAN }, { NAN, NAN, NAN, NAN }, { NAN, NAN, NAN, NAN } };
    if (!story_points(s, metric, decision, p))
        return 0;
    fprintf(f, "%s%s went from ", sep, name);
    plain_interval(f, p[0].mean, p[0].lo, p[0].hi);
    fprintf(f, " (week %.4g) to ", p[0].weeks);
    plain_interval(f, p[1].mean, p[1].lo, p[1].hi);
    fprintf(f, " at its furthest (week %.4g) and ended at ", p[1].weeks);
    plain_interval(f, p[2].mean, p[2].lo, p[2].hi);
    return 1;
}

static void run_opening(FILE *f, const spc_outdir *d)
{
    spc_csvtable s;
    if (!report_load(d, "story.csv", &s))
        return;
    double decision = s.nrows > 0 ? spc_csvtable_num(&s, 0, spc_csvtable_column(&s, "decision_weeks")) : NAN;
    double warmup = s.nrows > 0 ? spc_csvtable_num(&s, 0, spc_csvtable_column(&s, "warmup_weeks")) : NAN;
    fputs("<section id=\"story\">\n<p class=\"story\">What was changed: the scenario <b>", f);
    report_esc(f, d->name ? d->name : "");
    fprintf(f, "</b> first changes at week %.4g (its interventions, in <code>scenario.resolved.cfg</code>), after a "
            "warm-up of %.4g weeks. What followed for the people and the customers: ", decision, warmup);
    int k = run_phrase(f, &s, "esat", "ESAT", decision, "");
    k += run_phrase(f, &s, "csat", "CSAT (%)", decision, k ? "; " : "");
    fputs(k ? ". " : "no measure of the chain over time. ", f);
    k = run_phrase(f, &s, "active", "active customers", decision, "For the business: ");
    k += run_phrase(f, &s, "profit", "profit per period", decision, k ? "; " : "For the business: ");
    fprintf(f, "%s(Means over %u replication(s) per period; in brackets the 95%% interval over replications.)</p>\n",
            k ? ". " : "", d->replications);
    spc_csvtable_free(&s);
}

/* ---- a run without interventions: its levels ---- */

static int level_phrase(FILE *f, const spc_csvtable *t, const char *tu, const char *scope, const char *metric,
                        const char *name, const char *sep)
{
    int sc = spc_csvtable_column(t, "scope"), mc = spc_csvtable_column(t, "metric");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, sc), scope) == 0 && strcmp(spc_csvtable_get(t, r, mc), metric) == 0) {
            double m = spc_csvtable_num(t, r, spc_csvtable_column(t, "mean"));
            if (!isfinite(m))
                return 0;
            char unit[96];
            fprintf(f, "%s%s ", sep, name);
            plain_interval(f, m, spc_csvtable_num(t, r, spc_csvtable_column(t, "ci95_low")),
                           spc_csvtable_num(t, r, spc_csvtable_column(t, "ci95_high")));
            fputc(' ', f);
            report_esc(f, spc_metricinfo_unit(spc_metricinfo_find(scope, metric), SPC_MI_SUMMARY, tu,
                                              unit, sizeof unit));
            return 1;
        }
    return 0;
}

static void level_opening(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!report_load(d, "summary.csv", &t))
        return;
    fputs("<section id=\"story\">\n<p class=\"story\">What was run: the scenario <b>", f);
    report_esc(f, d->name ? d->name : "");
    fprintf(f, "</b>: %u replication(s) over a horizon of %.6g %s after a warm-up of %.6g. ", d->replications,
            d->horizon, d->time_unit ? d->time_unit : "", d->warmup);
    int chain = 0;
    for (size_t i = 0; i < 3; i++)
        chain += level_phrase(f, &t, d->time_unit, people[i].scope, people[i].metric, people[i].name,
                              chain == 0 ? "For the people and the customers: " : i == 2 ? " and " : ", ");
    if (chain) {
        fputs(". ", f);
        int k = 0;
        for (size_t i = 0; i < 3; i++)
            k += level_phrase(f, &t, d->time_unit, business[i].scope, business[i].metric, business[i].name,
                              k == 0 ? "For the business: " : i == 2 ? " and " : ", ");
        fputs(k ? ". " : "", f);
    } else {
        int k = 0;
        for (size_t i = 0; i < 3; i++)
            k += level_phrase(f, &t, d->time_unit, flow[i].scope, flow[i].metric, flow[i].name,
                              k == 0 ? "What followed: " : i == 2 ? " and " : ", ");
        fputs(k ? ". " : "", f);
    }
    fputs("(Means over the observation window; in brackets the 95% interval.)</p>\n", f);
    spc_csvtable_free(&t);
}

void report_story_opening(FILE *f, const spc_outdir *d)
{
    char path[4200];
    int story = spc_outdir_path(d, "story.csv", path, sizeof path) == 0 && access(path, F_OK) == 0;
    if (d->compare)
        compare_opening(f, d);
    else if (story && d->summary)
        run_opening(f, d);
    else if (d->summary)
        level_opening(f, d);
    else
        return;
    fputs("</section>\n", f);
}

/* ---- the headline table, by link of the chain ---- */

static const char *const link_names[SPC_LINK_COUNT + 7] = {
    "", "employees", "customers' satisfaction", "customers' loyalty", "customers", "revenue", "profit",
    "customers, other measures", "finance, other lines", "the workforce", "the standards", "management",
    "the flow of orders", "the stages"
};

void report_story_headline(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!report_load(d, "summary.csv", &t))
        return;
    report_cols c = report_columns(&t);
    fputs("<h2>Headline numbers</h2>\n<p>The service-profit chain link by link, then the other measures of the "
          "customers, finance, the workforce and the flow of orders: means over the observation window with their "
          "95% intervals (from <code>summary.csv</code>; totals are over the window).", f);
    report_interval_kind(f, d);
    fputs("</p>\n<table id=\"chain-headline\">\n<tr><th>link</th><th>measure</th><th>unit</th>"
          "<th>mean [95% interval]</th></tr>\n", f);
    for (int rank = 1; rank <= SPC_LINK_COUNT + 5; rank++)
        for (size_t r = 0; r < t.nrows; r++) {
            const char *s = spc_csvtable_get(&t, r, c.scope), *m = spc_csvtable_get(&t, r, c.metric);
            const spc_metric_info *mi = spc_metricinfo_find(s, m);
            if (spc_metricinfo_rank(s, m) != rank || mi == NULL ||
                (rank >= SPC_LINK_COUNT && strcmp(s, "standards") == 0)) /* the scorecard has its own table */
                continue;
            char unit[96];
            fprintf(f, "<tr><td>%s</td><td title=\"", link_names[rank]);
            report_esc(f, s);
            fputc('/', f);
            report_esc(f, m);
            fputs("\">", f);
            report_esc(f, mi->label);
            fputs("</td><td>", f);
            report_esc(f, spc_metricinfo_unit(mi, SPC_MI_SUMMARY, d->time_unit, unit, sizeof unit));
            fputs("</td><td class=\"n\">", f);
            report_estimate(f, &t, r, &c);
            fputs("</td></tr>\n", f);
        }
    fputs("</table>\n", f);
    spc_csvtable_free(&t);
}

/* ---- do the replications split into groups? ---- */

void report_story_groups(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!report_load(d, "arm_replications.csv", &t) && !report_load(d, "replications.csv", &t))
        return;
    const char *arm[8], *s, *m;
    size_t na = spc_story_arms(&t, arm, 8), shown = 0, split = 0, n = 0;
    double x[1024];
    fputs("<section id=\"groups\">\n<h2>The replications</h2>\n<p class=\"groups\">", f);
    for (size_t i = 0; shown < SPC_STORY_NDIST && spc_story_dist_measure(i, &s, &m); i++) {
        int any = 0;
        for (size_t a = 0; a < na; a++) {
            size_t k = spc_story_values(&t, arm[a], s, m, x, 1024);
            n = k > n ? k : n;
            any |= k >= 2;
            spc_split g = spc_groups_split(x, k);
            if (!g.split)
                continue;
            const spc_metric_info *mi = spc_metricinfo_find(s, m);
            fputs(split++ ? " " : "", f);
            fputs("<b>", f);
            report_esc(f, arm[a]);
            fprintf(f, "%s", arm[a][0] ? ": " : "");
            report_esc(f, mi != NULL ? mi->label : m);
            fprintf(f, "</b>: the %zu replications split into two groups, %zu near %.4g and %zu near %.4g (a gap of "
                    "%.3g times the spread within the groups; criterion B8 of docs/model.md): the mean and its "
                    "interval describe neither group.", k, g.lower, g.lower_mean, k - g.lower, g.upper_mean,
                    g.ratio);
        }
        shown += any;
    }
    if (split == 0 && n >= SPC_SPLIT_MIN_N)
        fprintf(f, "The %zu replications of each headline measure form one group (no gap larger than %.0f times "
                "the spread within groups: criterion B8 of docs/model.md).", n, SPC_SPLIT_K);
    else if (split == 0)
        fprintf(f, "With %zu replication(s) per measure, groups cannot be told apart (criterion B8 of "
                "docs/model.md needs at least %d).", n, SPC_SPLIT_MIN_N);
    fputs("</p>\n</section>\n", f);
    spc_csvtable_free(&t);
}
