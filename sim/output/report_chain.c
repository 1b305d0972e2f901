/*
 * report_chain.c -- the `chain` command's section of report.html (see
 * report_html.h), from chain.csv: the lever, the model's seeds and the
 * published Sears form each beside the simulated changes, the figure,
 * every measure, the profit forms, the pathways and the slopes across
 * units.
 */
#include <math.h>
#include <string.h>

#include "report_html.h"
#include "spcsim/chainstudy.h"
#include "spcsim/csvtable.h"

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

/* "+x [lo, hi]" from columns v, lo, hi of row r, with a unit after each number. */
static void chain_interval(FILE *f, const chain_csv *c, long r, int v, int lo, int hi, const char *unit)
{
    double x = spc_csvtable_num(&c->t, (size_t)r, v), l = spc_csvtable_num(&c->t, (size_t)r, lo);
    double h = spc_csvtable_num(&c->t, (size_t)r, hi);
    report_signed(f, x);
    fputs(isfinite(x) ? unit : "", f);
    if (isfinite(l) && isfinite(h)) {
        fputs(" <span class=\"ci\">[", f);
        report_signed(f, l);
        fputs(", ", f);
        report_signed(f, h);
        fputs("]</span>", f);
    }
}

/* Row r's cells: base, variant, the change and the relative change with their intervals. */
static void chain_changes(FILE *f, const chain_csv *c, size_t r)
{
    fputs("<td class=\"n\">", f);
    report_num(f, spc_csvtable_num(&c->t, r, c->base));
    fputs("</td><td class=\"n\">", f);
    report_num(f, spc_csvtable_num(&c->t, r, c->variant));
    fputs("</td><td class=\"n\">", f);
    chain_interval(f, c, (long)r, c->diff, c->dlo, c->dhi, "");
    fputs("</td><td class=\"n\">", f);
    chain_interval(f, c, (long)r, c->rel, c->rlo, c->rhi, "%");
    fputs("</td>", f);
}

/* The measure's label (chainstudy.c's table; its metrics are unique), else the metric. */
const char *report_chain_label(const char *metric)
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
        report_signed(f, rel);
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
        report_esc(f, report_chain_label(metric));
        fputs("<br><span class=\"ci\">", f);
        report_esc(f, scope);
        fputc('/', f);
        report_esc(f, metric);
        fputs("</span></td>", f);
        chain_changes(f, c, r);
        fputs("<td>", f);
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
    report_esc(f, report_chain_label(y));
    fputs(" per point of ", f);
    report_esc(f, report_chain_label(on + 4));
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
            fprintf(f, "<tr><td>%s</td>", forms[i].label);
            chain_changes(f, c, r);
            fputs("</tr>\n", f);
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
            report_esc(f, removed ? "" : report_chain_label(metric));
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
void report_chain(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
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
    report_figures(f, d, set, SPC_PLOT_CHAIN, NULL, note);
    chain_table(f, &c);
    chain_profit(f, &c);
    chain_pathways(f, &c);
    chain_slopes(f, &c);
    fputs("</section>\n", f);
    spc_csvtable_free(&c.t);
}
