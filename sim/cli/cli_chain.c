/*
 * cli_chain.c -- `spcsim chain`: raise employee satisfaction through a
 * lever and report the chain table (chainstudy.h).
 *
 * The face's part only: parsing --lever and --esat-delta, the lever search
 * (lever.h, the experiment floor), then the table, chain.csv, the figures
 * and the printed summary.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "spcsim/chainstudy.h"
#include "spcsim/experiment.h"
#include "spcsim/lever.h"
#include "spcsim/output.h"

static void progress(void *ctx, const char *lever, double x, double esat, double target)
{
    (void)ctx;
    fprintf(stderr, "spcsim: chain: %s = %.6g gives ESAT %.4g (target %.4g)\n", lever, x, esat, target);
}

static void print_table(const spc_chainstudy_table *t, const char *lever)
{
    printf("The chain, %u paired replications (common random numbers); %s %.4g -> %.4g at the end of warm-up\n",
           t->replications, lever, t->lever_base, t->lever_variant);
    printf("%-44s %12s %12s %11s %22s %9s %20s\n", "measure", "base", "variant", "change", "95% CI", "relative",
           "95% CI");
    for (size_t i = 0; i < t->n; i++) {
        const spc_chainstudy_row *r = &t->rows[i];
        printf("%-44s %12.5g %12.5g %+11.4g [%+9.4g, %+9.4g] %+8.3g%% [%+7.3g%%, %+7.3g%%]%s\n", r->m->label, r->base,
               r->variant, r->diff.mean, r->diff.lo, r->diff.hi, r->rel.mean, r->rel.lo, r->rel.hi,
               r->significant ? "" : "  (not significant)");
    }
    const spc_chainstudy_row *e = NULL, *c = NULL, *p = NULL, *imp = NULL, *g = NULL;
    for (size_t i = 0; i < t->n; i++) {
        const char *m = t->rows[i].m->metric;
        if (!strcmp(m, "esat")) e = &t->rows[i];
        if (!strcmp(m, "csat")) c = &t->rows[i];
        if (!strcmp(m, "profit")) p = &t->rows[i];
        if (!strcmp(m, "impression")) imp = &t->rows[i];
        if (!strcmp(m, "revenue_growth")) g = &t->rows[i];
    }
    if (e && c && p)
        printf("\nThe seeds' form:     ESAT %+.2f%% -> CSAT %+.2f%% -> profit %+.2f%%   (Sears, as quoted: +5%% -> +1%% -> +0.5%%)\n",
               e->rel.mean, c->rel.mean, p->rel.mean);
    if (e && imp && g)
        printf("The published form:  %+.2f points of employee attitude -> %+.2f points of customer impression -> "
               "%+.2f points of revenue growth   (Sears: +5 -> +1.3 -> +0.5)\n",
               e->diff.mean, imp->diff.mean, g->diff.mean);
    for (size_t i = 0; i < t->nslopes; i++)
        printf("Across %zu units: %s = %.4g + %.4g x %s (standard error %.3g)\n", t->slopes[i].n, t->slopes[i].y,
               t->slopes[i].intercept, t->slopes[i].slope, t->slopes[i].x, t->slopes[i].se);
}

static void write_chain(FILE *f, const void *p) { spc_chainstudy_write_csv(f, p); }

/* --esat-delta: "5%" (the default) or "3pt"; a number alone is in %. */
static void parse_delta(const char *arg, spc_lever_goal *g)
{
    char unit[8] = "%";
    g->delta = 5.0;
    if (arg != NULL)
        sscanf(arg, "%lf%7s", &g->delta, unit);
    g->points = strcmp(unit, "pt") == 0;
}

/* The table from the search's base and variant, into chain.csv, and printed. */
static spc_status report(const options *o, const spc_scenario *base, const spc_lever_result *r, const char *lever,
                         spc_error *err)
{
    spc_chainstudy_table t = { 0 };
    if (spc_chainstudy_table_make(r->base.rep, r->variant.rep, r->base.n, &t, err) != SPC_OK ||
        spc_chainstudy_slopes(r->base.rep_panel, r->base.n, base->warmup, &t, err) != SPC_OK)
        return err->code;
    t.lever = lever;
    t.lever_base = r->base_value;
    t.lever_variant = r->value;
    char dir[4096];
    if (cli_outdir(o, base->name, "-chain", dir, sizeof dir, err) == SPC_OK)
        cli_publish_file(o, dir, "chain.csv", write_chain, &t, 1, err);
    if (err->code == SPC_OK && !o->quiet) {
        print_table(&t, lever);
        printf("outputs in %s/: chain.csv\n", dir);
    }
    return err->code;
}

spc_status cli_chain(const options *o, spc_error *err)
{
    spc_lever_goal goal = { .lever = o->lever ? o->lever : "workforce.levers.recognition",
                            .progress = o->quiet ? NULL : progress };
    if (!spc_lever_known(goal.lever))
        return spc_error_set(err, SPC_ERR_USAGE, "chain: --lever %s: not a lever chain knows (recognition, pay, "
                             "training_hours under workforce.levers, or workforce.satisfaction.base)", goal.lever);
    parse_delta(o->esat_delta, &goal);
    spc_scenario *base = cli_load(o, o->scenario, NULL, 0, err);
    if (base == NULL)
        return err->code;
    size_t nsets = 0;
    cli_override_buf buf;
    const char **sets = cli_overrides(o, &buf, 0, &nsets);
    unsigned reps = base->replications > 1 ? (unsigned)base->replications : 10;
    spc_experiment_opts opts = { reps, 0, o->jobs, 0, NULL, o->stop, 0, o->force, 0 };
    char dir[4096];
    if (cli_outdir(o, base->name, "-chain", dir, sizeof dir, err) != SPC_OK) { /* checked before the search */
        spc_scenario_free(base);
        return err->code;
    }
    spc_lever_result r;
    if (sets == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    else if (spc_lever_find(base, sets, nsets, &goal, &opts, &r, err) == SPC_OK)
        report(o, base, &r, goal.lever, err);
    if (sets != NULL)
        spc_lever_result_release(&r);
    free(sets);
    spc_scenario_free(base);
    return err->code;
}
