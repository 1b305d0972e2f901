/*
 * cli_chain.c -- `spcsim chain`: raise employee satisfaction through a
 * lever and report the chain table (chainstudy.h).
 *
 * The lever's value is found by GSL's Brent root finder: the variant's
 * ESAT (over the observation window, common random numbers with the base)
 * must reach the base's ESAT raised by the asked change. Each evaluation is
 * a full set of replications; the bracket starts at the base value and
 * widens until it holds the target.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "cli.h"
#include "spcsim/chainstudy.h"
#include "spcsim/experiment.h"
#include "spcsim/output.h"

#define MAX_EVALS 14

/* The levers `chain` knows: where their value lives and their range. */
typedef struct {
    const char *path;
    size_t offset;
    double hi;
} lever_t;

static const lever_t levers[] = {
    { "workforce.levers.recognition", offsetof(spc_workforce_spec, recognition), 1.0 },
    { "workforce.levers.pay", offsetof(spc_workforce_spec, pay), 10.0 },
    { "workforce.levers.training_hours", offsetof(spc_workforce_spec, training_hours), 30.0 },
    { "workforce.satisfaction.base", offsetof(spc_workforce_spec, s_base), 100.0 },
};

typedef struct {
    const options *o;
    const spc_scenario *base;
    const lever_t *lever;
    spc_experiment_opts opts;
    double target;          /* ESAT to reach */
    spc_experiment last;    /* the variant at the last value evaluated */
    double last_x;
    int evals;
    double memo_x[MAX_EVALS + 4], memo_f[MAX_EVALS + 4]; /* values already run */
    int nmemo;
    spc_error *err;
} study_t;

static double lever_value(const spc_scenario *sc, const lever_t *l)
{
    return *(const double *)((const char *)&sc->workforce + l->offset);
}

static double esat_of(const spc_experiment *x)
{
    const spc_result_row *r = spc_results_find(&x->combined, "customers", "esat");
    return r != NULL ? r->e.mean : NAN;
}

/* Runs the variant with the lever at x; NaN on error (in s->err). */
static double variant_esat(double x, void *p)
{
    study_t *s = p;
    if (s->err->code != SPC_OK)
        return NAN;
    for (int k = 0; k < s->nmemo; k++) /* Brent asks again for the ends of the bracket */
        if (s->memo_x[k] == x)
            return s->memo_f[k];
    char set[160];
    snprintf(set, sizeof set, "%s=%.10g", s->lever->path, x);
    const char *more[] = { set };
    spc_scenario *on = cli_load(s->o, s->o->scenario, more, 1, s->err);
    spc_scenario *v = on ? spc_chainstudy_variant(s->base, on, s->base->warmup) : NULL;
    if (on != NULL && v == NULL)
        spc_error_set(s->err, SPC_ERR_INTERNAL, "out of memory");
    double e = NAN;
    if (v != NULL) {
        spc_experiment_release(&s->last);
        if (spc_experiment_run(v, &s->opts, &s->last, s->err) == SPC_OK) {
            e = esat_of(&s->last);
            s->last_x = x;
            s->evals++;
            if (!s->o->quiet)
                fprintf(stderr, "spcsim: chain: %s = %.6g gives ESAT %.4g (target %.4g)\n", s->lever->path, x, e,
                        s->target);
        }
    }
    spc_chainstudy_variant_free(v);
    spc_scenario_free(on);
    if (s->err->code == SPC_OK && s->nmemo < MAX_EVALS + 4) {
        s->memo_x[s->nmemo] = x;
        s->memo_f[s->nmemo++] = e - s->target;
    }
    return e - s->target;
}

/* The lever's upper bound in this scenario (training hours stop short of the week). */
static double lever_hi(const study_t *s)
{
    if (s->lever->offset == offsetof(spc_workforce_spec, training_hours))
        return fmin(s->lever->hi, 0.9 * s->base->workforce.hours_per_week);
    return s->lever->hi;
}

/* Widens [x0, hi] upward until f(hi) >= 0: a trial step, then steps
 * aimed by the secant through (x0, f0) and the latest point, overshooting
 * by 20% so that the target is inside. */
static spc_status bracket(study_t *s, double x0, double f0, double *hi)
{
    double x = fmin(x0 + 0.05 * fmax(fabs(x0), 0.2 * lever_hi(s)), lever_hi(s));
    for (int k = 0; k < 6; k++) {
        double f = variant_esat(x, s);
        if (s->err->code != SPC_OK)
            return s->err->code;
        if (f >= 0) {
            *hi = x;
            return SPC_OK;
        }
        if (x >= lever_hi(s))
            break;
        double slope = (f - f0) / (x - x0);
        double next = slope > 0 ? x0 + 1.2 * (x - x0) * f0 / (f0 - f) : x0 + 2 * (x - x0);
        x = fmin(fmax(next, x + 0.1 * (x - x0)), fmin(x0 + 4 * (x - x0), lever_hi(s)));
    }
    return spc_error_set(s->err, SPC_ERR_USAGE, "chain: %s cannot raise ESAT to %.4g within its range (up to %g)",
                         s->lever->path, s->target, lever_hi(s));
}

static spc_status solve(study_t *s, double x0, double f0)
{
    s->memo_x[0] = x0; /* the base itself: the lever unchanged */
    s->memo_f[0] = f0;
    s->nmemo = 1;
    double hi = x0;
    if (bracket(s, x0, f0, &hi) != SPC_OK)
        return s->err->code;
    if (fabs(esat_of(&s->last) - s->target) <= 1e-3 * fabs(s->target)) /* close enough already */
        return SPC_OK;
    gsl_function F = { variant_esat, s };
    gsl_root_fsolver *r = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (r == NULL || gsl_root_fsolver_set(r, &F, x0, hi) != GSL_SUCCESS) {
        if (r != NULL)
            gsl_root_fsolver_free(r);
        return s->err->code ? s->err->code : spc_error_set(s->err, SPC_ERR_INTERNAL, "chain: root finder failed");
    }
    while (s->evals < MAX_EVALS && s->err->code == SPC_OK) {
        gsl_root_fsolver_iterate(r);
        double f = variant_esat(gsl_root_fsolver_root(r), s);
        if (fabs(f) <= 1e-3 * fabs(s->target) ||
            gsl_root_test_interval(gsl_root_fsolver_x_lower(r), gsl_root_fsolver_x_upper(r), 0, 1e-4) == GSL_SUCCESS)
            break;
    }
    double x = gsl_root_fsolver_root(r);
    gsl_root_fsolver_free(r);
    if (s->err->code == SPC_OK && s->last_x != x) {
        s->nmemo = 0; /* the table is made at the root: run it, even if it was run before */
        variant_esat(x, s);
    }
    return s->err->code;
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

static const lever_t *find_lever(const char *path)
{
    for (size_t i = 0; i < sizeof levers / sizeof levers[0]; i++)
        if (strcmp(levers[i].path, path) == 0)
            return &levers[i];
    return NULL;
}

spc_status cli_chain(const options *o, spc_error *err)
{
    const char *lp = o->lever ? o->lever : "workforce.levers.recognition";
    const lever_t *lever = find_lever(lp);
    if (lever == NULL)
        return spc_error_set(err, SPC_ERR_USAGE, "chain: --lever %s: not a lever chain knows (recognition, pay, "
                             "training_hours under workforce.levers, or workforce.satisfaction.base)", lp);
    spc_scenario *base = cli_load(o, o->scenario, NULL, 0, err);
    if (base == NULL)
        return err->code;
    study_t s = { .o = o, .base = base, .lever = lever, .err = err };
    spc_experiment xb = { 0 };
    spc_chainstudy_table t = { 0 };
    if (!base->customers.enabled || !base->workforce.enabled) {
        spc_error_set(err, SPC_ERR_USAGE, "chain: %s needs a workforce and a customers section", base->path);
        goto done;
    }
    unsigned reps = base->replications > 1 ? (unsigned)base->replications : 10;
    s.opts = (spc_experiment_opts){ reps, 0, o->jobs, 0, NULL };
    if (spc_experiment_run(base, &s.opts, &xb, err) != SPC_OK)
        goto done;
    double d = 5.0, e0 = esat_of(&xb);
    char unit[8] = "%";
    if (o->esat_delta != NULL)
        sscanf(o->esat_delta, "%lf%7s", &d, unit);
    s.target = strcmp(unit, "pt") == 0 ? e0 + d : e0 * (1.0 + d / 100.0);
    double x0 = lever_value(base, lever);
    if (!isfinite(e0)) {
        spc_error_set(err, SPC_ERR_USAGE, "chain: %s reports no ESAT after warm-up", base->path);
        goto done;
    }
    if (solve(&s, x0, e0 - s.target) != SPC_OK)
        goto done;
    if (spc_chainstudy_table_make(xb.rep, s.last.rep, xb.n, &t, err) != SPC_OK ||
        spc_chainstudy_slopes(xb.rep_panel, xb.n, base->warmup, &t, err) != SPC_OK)
        goto done;
    t.lever = lever->path;
    t.lever_base = x0;
    t.lever_variant = s.last_x;
    char dir[4096];
    cli_outdir(o, base->name, "-chain", dir, sizeof dir);
    spc_output out;
    FILE *f;
    if (spc_output_open(&out, dir, err) == SPC_OK && (f = spc_output_file(&out, "chain.csv", err)) != NULL) {
        write_chain(f, &t);
        spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    if (err->code == SPC_OK)
        cli_figures(dir, err);
    if (err->code == SPC_OK && !o->quiet) {
        print_table(&t, lever->path);
        printf("outputs in %s/: chain.csv\n", dir);
    }
done:
    spc_experiment_release(&xb);
    spc_experiment_release(&s.last);
    spc_scenario_free(base);
    return err->code;
}
