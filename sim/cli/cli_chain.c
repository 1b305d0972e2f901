/*
 * cli_chain.c -- `spcsim chain`: raise employee satisfaction through a
 * lever and report the chain table (chainstudy.h).
 *
 * The face's part only: parsing --lever and --esat-delta, the lever search
 * (lever.h, the experiment floor), then the table, chain.csv, the changes
 * per period (chaintime.h, chain_periods.csv), the figures and the printed
 * summary. With a list of doses (--esat-delta 2.5%,5%,10%), chain.csv and
 * chain_periods.csv are the first dose's, and chain_dose.csv holds every
 * dose's changes (chaindose.h).
 *
 * Every run of the study goes to the runner of cli_study_runner (lever.h,
 * cli_parts.c). Under MPI (mpirun -np N spcsim chain) every rank takes the
 * same steps: each run's replications are spread over the ranks and shared
 * by all (spc_mpi_study_run), so the search goes the same way everywhere;
 * rank 0 writes the files one process writes. In a part (--part I/N) the
 * runs of the search run whole, the same in every part, and the others
 * only the part's block: the part writes its folder and no table; `spcsim
 * merge` runs the study again from the parts' runs and writes the files.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "spcsim/chaindecomp.h"
#include "spcsim/chaindose.h"
#include "spcsim/chainprofit.h"
#include "spcsim/chainstudy.h"
#include "spcsim/chaintime.h"
#include "spcsim/experiment.h"
#include "spcsim/lever.h"
#include "spcsim/mpi.h"
#include "spcsim/output.h"

/* The lever search's replications by default: ESAT is far more precise
 * than what follows from it (lever.h); the table has all of them. */
#define SEARCH_REPS 10

static void progress(void *ctx, const char *lever, double x, double esat, double target)
{
    (void)ctx;
    fprintf(stderr, "spcsim: chain: %s = %.6g gives ESAT %.4g (target %.4g)\n", lever, x, esat, target);
}

/* "[lo, hi]" with fmt (one "%+W.Pg" for each bound; pct "%" or ""); with one
 * replication there is no interval: "-" in its place, never "[nan, nan]". */
static const char *ci(char *buf, size_t size, const char *fmt, double lo, double hi, const char *pct)
{
    char f[64];
    if (!isfinite(lo) || !isfinite(hi))
        return "-";
    snprintf(f, sizeof f, "[%s%s, %s%s]", fmt, pct[0] ? "%%" : "", fmt, pct[0] ? "%%" : "");
    snprintf(buf, size, f, lo, hi);
    return buf;
}

static void print_table(const spc_chainstudy_table *t, const char *lever)
{
    printf("The chain, %u paired replication%s (common random numbers); %s %.4g -> %.4g at the end of warm-up\n",
           t->replications, t->replications == 1 ? "" : "s", lever, t->lever_base, t->lever_variant);
    printf("%-44s %12s %12s %11s %22s %9s %20s\n", "measure", "base", "variant", "change", "95% CI", "relative",
           "95% CI");
    for (size_t i = 0; i < t->n; i++) {
        const spc_chainstudy_row *r = &t->rows[i];
        char a[64], b[64];
        printf("%-44s %12.5g %12.5g %+11.4g %22s %+8.3g%% %20s%s\n", r->m->label, r->base, r->variant, r->diff.mean,
               ci(a, sizeof a, "%+9.4g", r->diff.lo, r->diff.hi, ""), r->rel.mean,
               ci(b, sizeof b, "%+7.3g", r->rel.lo, r->rel.hi, "%"),
               r->significant ? "" : t->replications > 1 ? "  (not significant)" : "  (one replication: no test)");
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
        printf("\nThe quoted form:     ESAT %+.2f%% -> CSAT %+.2f%% -> profit %+.2f%%   (Sears, as quoted: +5%% -> +1%% -> +0.5%%)\n",
               e->rel.mean, c->rel.mean, p->rel.mean);
    if (e && imp && g)
        printf("The published form:  %+.2f points of employee attitude -> %+.2f points of customer impression -> "
               "%+.2f points of revenue growth   (Sears: +5 -> +1.3 -> +0.5)\n",
               e->diff.mean, imp->diff.mean, g->diff.mean);
    for (size_t i = 0; i < t->nslopes; i++)
        printf("Across %zu units: %s = %.4g + %.4g x %s (standard error %.3g)\n", t->slopes[i].n, t->slopes[i].y,
               t->slopes[i].intercept, t->slopes[i].slope, t->slopes[i].x, t->slopes[i].se);
}

/* What the chain command writes. */
typedef struct {
    const spc_chainstudy_table *table;
    const spc_chaintime *periods;
    const spc_chaindose *dose;      /* NULL: a single dose, no chain_dose.csv */
    const spc_chainprofit *profit;  /* chain.csv's profit rows */
    const spc_chaindecomp_table *decomp; /* NULL: no --decompose */
    const options *o;
    const cli_prov *prov;           /* run.json and the resolved scenarios */
} chain_files;

static spc_status write_files(spc_stage *st, const void *ctx, spc_error *err)
{
    const chain_files *w = ctx;
    spc_output out;
    FILE *f;
    if (spc_output_open(&out, st->path, st, err) == SPC_OK && (f = spc_output_file(&out, "chain.csv", err)) != NULL) {
        spc_chainstudy_write_csv(f, w->table);
        spc_chainprofit_write_csv(f, w->profit);
        if (w->decomp != NULL)
            spc_chaindecomp_write_csv(f, w->decomp);
        if ((f = spc_output_file(&out, "chain_periods.csv", err)) != NULL)
            spc_chaintime_write_csv(f, w->periods);
        if (w->dose != NULL && f != NULL && (f = spc_output_file(&out, "chain_dose.csv", err)) != NULL)
            spc_chaindose_write_csv(f, w->dose);
        if (f != NULL && cli_provenance(&out, w->o, w->prov, err) == SPC_OK)
            spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    return err->code;
}

/* The doses: asked, lever, ESAT reached, and the quoted links (ESAT, CSAT, profit). */
static void print_dose(const spc_chaindose *d)
{
    printf("\nDose and response (chain_dose.csv), %s from %.4g, relative changes [95%% CI]:\n", d->lever,
           d->lever_base);
    printf("%-10s %10s %26s %26s %26s\n", "asked", "lever", "ESAT", "CSAT", "profit");
    for (size_t k = 0; k < d->n; k++) {
        const spc_chaindose_point *pt = &d->pts[k];
        printf("%8.4g%-2s %10.4g", pt->delta, pt->points ? "pt" : "%", pt->value);
        if (!pt->reached)
            printf("  beyond the lever's range");
        static const char *const show[] = { "esat", "csat", "profit" };
        char buf[64];
        for (size_t i = 0; i < 3; i++)
            for (size_t j = 0; j < pt->table.n; j++)
                if (!strcmp(pt->table.rows[j].m->metric, show[i]))
                    printf(" %+8.3g%% %16s", pt->table.rows[j].rel.mean,
                           ci(buf, sizeof buf, "%+6.3g", pt->table.rows[j].rel.lo, pt->table.rows[j].rel.hi, ""));
        printf("%s\n", pt->reached && !pt->met ? "  (search stopped short of its target)" : "");
    }
}

/* ---- profit you can read, and the pathways (--decompose) ---- */

static void print_profit(const spc_chainprofit *p)
{
    static const char *const label[] = { "over the window", "per year", "per year and active customer",
                                          "per year and employee" };
    printf("\nProfit, base -> change [95%% CI] (%% of the base's own value in that form); the window: %.3g years\n",
           p->window_years);
    for (size_t i = 0; i < p->n && i < 4; i++) {
        const spc_chainprofit_form *f = &p->forms[i];
        char a[64], b[64];
        printf("  %-30s %14.6g -> %+12.6g %s  %+.3g%% %s\n", label[i], f->base, f->diff.mean,
               ci(a, sizeof a, "%+.6g", f->diff.lo, f->diff.hi, ""), f->rel.mean,
               ci(b, sizeof b, "%+.3g", f->rel.lo, f->rel.hi, "%"));
    }
    if (p->n > 1)
        printf("  the percentage is of the base's profit per year over the window, %.6g (%.6g over %.3g years)\n",
               p->forms[1].base, p->forms[0].base, p->window_years);
}

static void print_decomp(const spc_chaindecomp_table *d)
{
    printf("\nBy pathway (%u paired replication%s): direct (all blind - base), each pathway alone (only p - all "
           "blind), interaction = total - direct - sum\n%-30s %12s %11s", d->replications,
           d->replications == 1 ? "" : "s", "measure", "total",
           "direct");
    for (unsigned p = 0; p < SPC_NPATHWAYS; p++)
        printf(" %11s", spc_chaindecomp_pathways[p]);
    printf(" %12s\n", "interaction");
    for (size_t i = 0; i < d->n; i++) {
        const spc_chaindecomp_row *r = &d->rows[i];
        printf("%-30.30s %+12.4g %+11.4g", r->m->label, r->total.mean, r->direct.mean);
        for (unsigned p = 0; p < SPC_NPATHWAYS; p++)
            printf(" %+11.4g", r->alone[p].mean);
        printf(" %+12.4g%s\n", r->inter_alone.mean,
               r->inter_alone.lo > 0 || r->inter_alone.hi < 0 ? " (significant)" : "");
    }
}

static void progress_decomp(void *ctx, const char *what)
{
    (void)ctx;
    fprintf(stderr, "spcsim: chain: decomposition: %s\n", what);
}

/* The decomposition's variants at the value found, and its table. */
static spc_status decompose(const options *o, const spc_scenario *base, const char *const *sets, size_t nsets,
                            const spc_lever_result *r, const spc_lever_goal *goal, const spc_experiment_opts *opts,
                            spc_chaindecomp_table *d, spc_error *err)
{
    spc_chaindecomp_runs runs;
    if (spc_chaindecomp_run(base, sets, nsets, goal->lever, r->value, opts, goal->runner,
                            o->quiet ? NULL : progress_decomp, NULL, &runs, err) == SPC_OK &&
        !spc_study_partial(goal->runner, 0)) { /* a part's variants are blocks: no table */
        const spc_results *w[SPC_NPATHWAYS], *on[SPC_NPATHWAYS];
        for (unsigned p = 0; p < SPC_NPATHWAYS; p++)
            w[p] = runs.without[p].rep, on[p] = runs.only[p].rep;
        spc_chaindecomp_table_make(r->base.rep, r->variant.rep, runs.blind.rep, w, on, r->base.n, d, err);
    }
    spc_chaindecomp_runs_release(&runs);
    return err->code;
}
/* One variant's scenario: the base's overrides, then LEVER=x; the chain
 * runs it from the end of the base's warm-up (the base until then). */
static spc_status chain_variant_prov(const options *o, const char *lever, double x, const char *file,
                                     const char *what, cli_prov *p, spc_error *err)
{
    char set[160], label[400];
    snprintf(set, sizeof set, "%s=%.10g", lever, x);
    const char *more[] = { set };
    spc_scenario *sc = cli_load(o, o->scenario, more, 1, err);
    snprintf(label, sizeof label, "%s: %s from the end of the warm-up (the base until then)", what, set);
    return sc != NULL ? cli_prov_add(p, sc, 1, file, label, err) : err->code;
}

/* The base as scenario.resolved.cfg, the variant of chain.csv as
 * variant.resolved.cfg and, with a list of doses, each dose reached as
 * dose-K.resolved.cfg. */
static spc_status chain_prov(const options *o, const spc_scenario *base, const spc_lever_result *r,
                             const char *lever, const spc_chaindose *dose, cli_prov *p, spc_error *err)
{
    char label[4200], file[64], what[64];
    snprintf(label, sizeof label, "base: %s", o->scenario);
    if (cli_prov_add(p, base, 0, "scenario.resolved.cfg", label, err) != SPC_OK ||
        chain_variant_prov(o, lever, r->value, "variant.resolved.cfg", "variant", p, err) != SPC_OK)
        return err->code;
    for (size_t k = 0; dose != NULL && k < dose->n && err->code == SPC_OK; k++)
        if (dose->pts[k].reached) {
            snprintf(file, sizeof file, "dose-%zu.resolved.cfg", k + 1);
            snprintf(what, sizeof what, "dose %.4g%s", dose->pts[k].delta, dose->pts[k].points ? "pt" : "%");
            chain_variant_prov(o, lever, dose->pts[k].value, file, what, p, err);
        }
    return err->code;
}

/* The table from the search's base and variant, the changes per period
 * and, for a list, the other doses; into the output folder, and printed. */
static spc_status report(const options *o, const spc_scenario *base, const spc_lever_result *r,
                         const spc_lever_goal *goal, const spc_chaindose *dose, const spc_chaindecomp_table *decomp,
                         spc_error *err)
{
    spc_chainstudy_table t = { 0 };
    spc_chainprofit profit = { 0 };
    spc_chaintime pt;
    if (spc_chainstudy_table_make(r->base.rep, r->variant.rep, r->base.n, &t, err) != SPC_OK ||
        spc_chainstudy_slopes(r->base.rep_panel, r->base.n, base->warmup, &t, err) != SPC_OK ||
        spc_chainprofit_make(&r->base, &r->variant, base->warmup, 365.0 * 86400.0 / base->unit_seconds, &profit,
                             err) != SPC_OK)
        return err->code;
    t.lever = goal->lever;
    t.lever_base = r->base_value;
    t.lever_variant = r->value;
    if (spc_chaintime_make(r->base.rep_ts, r->variant.rep_ts, r->base.n, base->warmup, &pt, err) == SPC_OK) {
        pt.time_unit = base->time_unit;
        cli_prov prov = { r->base.n, base, 0, NULL, NULL, NULL };
        chain_files w = { &t, &pt, dose, &profit, decomp, o, &prov };
        char dir[4096];
        if (cli_outdir(o, base->name, "-chain", dir, sizeof dir, err) == SPC_OK &&
            chain_prov(o, base, r, goal->lever, dose, &prov, err) == SPC_OK)
            cli_publish(o, dir, write_files, &w, 1, err);
        cli_prov_release(&prov);
        if (err->code == SPC_OK && !o->quiet) {
            print_table(&t, goal->lever);
            print_profit(&profit);
            if (decomp != NULL)
                print_decomp(decomp);
            if (dose != NULL)
                print_dose(dose);
            printf("outputs in %s/: chain.csv, chain_periods.csv%s, report.html, figures (*.gp, *.svg)\n", dir,
                   dose != NULL ? ", chain_dose.csv" : "");
        }
    }
    spc_chaintime_release(&pt);
    return err->code;
}

/* The search of the first dose, then the others against its base. */
static spc_status study(const options *o, const spc_scenario *base, const char *const *sets, size_t nsets,
                        spc_lever_goal *goal, const double *delta, const int *points, size_t ndoses, spc_error *err)
{
    /* -r as every study takes it: an -r 1 or 2 is run as asked, never raised to 10 */
    spc_experiment_opts opts = { cli_study_reps(o, base), 0, o->jobs, 0, NULL, o->stop, 0, o->force, 0 };
    goal->delta = delta[0];
    goal->points = points[0];
    spc_lever_result r;
    spc_chaindose *dose = ndoses > 1 ? calloc(1, sizeof *dose) : NULL;
    spc_lever_memo *memo = ndoses > 1 ? calloc(1, sizeof *memo) : NULL; /* the doses share the values run */
    if (ndoses > 1 && (dose == NULL || memo == NULL)) {
        free(dose);
        free(memo);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    goal->memo = memo;
    spc_chaindecomp_table decomp = { 0 };
    if (spc_lever_find(base, sets, nsets, goal, &opts, &r, err) == SPC_OK &&
        (dose == NULL || spc_chaindose_run(base, sets, nsets, goal, delta, points, ndoses, &opts, &r, dose, err) == SPC_OK) &&
        (!o->decompose || decompose(o, base, sets, nsets, &r, goal, &opts, &decomp, err) == SPC_OK) &&
        cli_runs_end(o, base->name, err) && /* a part: its folder written instead */
        spc_mpi_rank() == 0) /* under MPI every rank has every run; rank 0 writes */
        report(o, base, &r, goal, dose, o->decompose ? &decomp : NULL, err);
    spc_lever_result_release(&r);
    free(dose);
    free(memo);
    goal->memo = NULL;
    return err->code;
}

spc_status cli_chain(const options *o, spc_error *err)
{
    spc_study_runner runner = cli_study_runner(o);
    spc_lever_goal goal = { .lever = o->lever ? o->lever : "workforce.levers.recognition",
                            .search_replications = o->search_reps ? o->search_reps : SEARCH_REPS,
                            .progress = o->quiet ? NULL : progress, .runner = &runner };
    if (!spc_lever_known(goal.lever))
        return spc_error_set(err, SPC_ERR_USAGE, "chain: --lever %s: not a lever chain knows (recognition, pay, "
                             "training_hours under workforce.levers, or workforce.satisfaction.base)", goal.lever);
    double delta[SPC_CHAINDOSE_MAX];
    int points[SPC_CHAINDOSE_MAX];
    size_t ndoses;
    if (spc_chaindose_parse(o->esat_delta, delta, points, &ndoses, err) != SPC_OK)
        return err->code;
    spc_scenario *base = cli_load(o, o->scenario, NULL, 0, err);
    if (base == NULL)
        return err->code;
    size_t nsets = 0;
    cli_override_buf buf;
    const char **sets = cli_overrides(o, &buf, 0, &nsets);
    char dir[4096], suffix[80] = "-chain";
    if (o->part > 0)
        snprintf(suffix, sizeof suffix, "-chain-part%uof%u", o->part, o->nparts);
    if (sets == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    else if (cli_outdir(o, base->name, suffix, dir, sizeof dir, err) == SPC_OK) /* checked before the search */
        study(o, base, sets, nsets, &goal, delta, points, ndoses, err);
    free(sets);
    spc_scenario_free(base);
    return err->code;
}
