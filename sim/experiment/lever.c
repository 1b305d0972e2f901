/*
 * lever.c -- the lever search of the chain study (lever.h): the levers and
 * their ranges, the bracket, GSL's Brent root finder, the memo of the
 * values already run, and the study's runs handed to its runner (each
 * marked as deciding the next step or only reported).
 */
#include "spcsim/lever.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "spcsim/chainstudy.h"

#define DEFAULT_EVALS 14
#define MEMO 64          /* values remembered at most (max_evals + 4 are used) */

/* The levers: where their value lives and their range. */
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
    const spc_scenario *base;
    const char *const *sets;
    size_t nsets;
    const lever_t *lever;
    const spc_lever_goal *goal;
    const spc_experiment_opts *opts;
    spc_experiment_opts sopts;  /* the search's: opts with its replications */
    unsigned max_evals;
    double target;          /* ESAT to reach */
    spc_lever_result *out;  /* out->variant: the variant at the last value run */
    double last_x;
    double memo_x[MEMO], memo_f[MEMO]; /* values already run, f there */
    unsigned nmemo;
    spc_error *err;
} search_t;

static const lever_t *find_lever(const char *path)
{
    for (size_t i = 0; path != NULL && i < sizeof levers / sizeof levers[0]; i++)
        if (strcmp(levers[i].path, path) == 0)
            return &levers[i];
    return NULL;
}

int spc_lever_known(const char *path)
{
    return find_lever(path) != NULL;
}

static double lever_value(const spc_scenario *sc, const lever_t *l)
{
    return *(const double *)((const char *)&sc->workforce + l->offset);
}

static double esat_of(const spc_experiment *x)
{
    const spc_result_row *r = spc_results_find(&x->combined, "customers", "esat");
    return r != NULL ? r->e.mean : NAN;
}

/* The mean ESAT of x's first m replications (all of them: esat_of's). */
static double esat_first(const spc_experiment *x, unsigned m)
{
    if (m >= x->n)
        return esat_of(x);
    double sum = 0;
    for (unsigned r = 0; r < m; r++) {
        const spc_result_row *row = spc_results_find(&x->rep[r], "customers", "esat");
        sum += row != NULL ? row->e.mean : NAN;
    }
    return sum / m;
}

/* ---- the runner ---- */

spc_status spc_study_run(const spc_study_runner *runner, const spc_scenario *sc, const spc_experiment_opts *opts,
                         spc_experiment *x, int whole, spc_error *err)
{
    if (runner == NULL || runner->run == NULL)
        return spc_experiment_run(sc, opts, x, err);
    return runner->run(runner->ctx, sc, opts, x, whole, err);
}

int spc_study_partial(const spc_study_runner *runner, int whole)
{
    return !whole && runner != NULL && runner->blocks;
}

/* ---- one variant ---- */

/* spc_lever_run, the run marked `whole` (lever.h). */
static spc_status variant_run(const spc_scenario *base, const char *const *sets, size_t nsets, const char *lever,
                              double x, const char *const *extra, size_t nextra, const spc_experiment_opts *opts,
                              const spc_study_runner *runner, int whole, spc_experiment *out, spc_error *err)
{
    size_t n = nsets + nextra + 1;
    const char **ov = malloc(n * sizeof *ov);
    char set[160];
    if (ov == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < nsets; i++)
        ov[i] = sets[i];
    for (size_t i = 0; i < nextra; i++)
        ov[nsets + i] = extra[i];
    snprintf(set, sizeof set, "%s=%.10g", lever, x);
    ov[n - 1] = set;
    spc_scenario *on = spc_scenario_load(base->path, ov, n, err);
    spc_scenario *v = on ? spc_chainstudy_variant(base, on, base->warmup) : NULL;
    if (on != NULL && v == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    if (v != NULL) {
        spc_experiment_release(out);
        spc_study_run(runner, v, opts, out, whole, err);
    }
    spc_chainstudy_variant_free(v);
    spc_scenario_free(on);
    free(ov);
    return err->code;
}

spc_status spc_lever_run(const spc_scenario *base, const char *const *sets, size_t nsets, const char *lever, double x,
                         const char *const *extra, size_t nextra, const spc_experiment_opts *opts,
                         const spc_study_runner *runner, spc_experiment *out, spc_error *err)
{
    return variant_run(base, sets, nsets, lever, x, extra, nextra, opts, runner, 0, out, err);
}

spc_status spc_lever_run_base(const spc_scenario *base, const spc_experiment_opts *opts,
                              const spc_study_runner *runner, spc_experiment *out, spc_error *err)
{
    spc_scenario *v = spc_chainstudy_variant(base, base, base->warmup);
    if (v == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    spc_experiment_release(out);
    spc_study_run(runner, v, opts, out, 1, err);
    spc_chainstudy_variant_free(v);
    return err->code;
}

/* The variant with the lever at x, run into s->out->variant: a value the
 * search tries (whole), or the one it found run once more for the table. */
static void run_variant(search_t *s, double x, int whole)
{
    const spc_study_runner *runner = s->goal->runner;
    if (variant_run(s->base, s->sets, s->nsets, s->lever->path, x, NULL, 0, &s->sopts, runner, whole,
                    &s->out->variant, s->err) == SPC_OK) {
        s->last_x = x;
        s->out->evaluations++;
        if (s->goal->progress != NULL && !spc_study_partial(runner, whole))
            s->goal->progress(s->goal->ctx, s->lever->path, x, esat_of(&s->out->variant), s->target);
    }
}

/* f(x) = ESAT of the variant at x - target; NaN on error (in s->err). */
static double f_of(double x, void *p)
{
    search_t *s = p;
    if (s->err->code != SPC_OK)
        return NAN;
    for (unsigned k = 0; k < s->nmemo; k++) /* Brent asks again for the ends of the bracket */
        if (s->memo_x[k] == x) {
            s->out->reused++;
            return s->memo_f[k];
        }
    spc_lever_memo *shared = s->goal->memo;
    double f = NAN;
    for (unsigned k = 0; shared != NULL && k < shared->n && isnan(f); k++) /* run by an earlier search */
        if (shared->x[k] == x) {
            s->out->reused++;
            f = shared->esat[k] - s->target;
        }
    if (isnan(f)) {
        run_variant(s, x, 1);
        f = s->err->code == SPC_OK ? esat_of(&s->out->variant) - s->target : NAN;
        if (s->err->code == SPC_OK && shared != NULL && shared->n < SPC_LEVER_MEMO) {
            shared->x[shared->n] = x;
            shared->esat[shared->n++] = f + s->target;
        }
    }
    if (s->err->code == SPC_OK && s->nmemo < s->max_evals + 4) {
        s->memo_x[s->nmemo] = x;
        s->memo_f[s->nmemo++] = f;
    }
    return f;
}

/* The lever's upper bound in this scenario (training hours stop short of the week). */
static double lever_hi(const search_t *s)
{
    if (s->lever->offset == offsetof(spc_workforce_spec, training_hours))
        return fmin(s->lever->hi, 0.9 * s->base->workforce.hours_per_week);
    return s->lever->hi;
}

/* Widens [x0, hi] upward until f(hi) >= 0: a trial step, then steps
 * aimed by the secant through (x0, f0) and the latest point, overshooting
 * by 20% so that the target is inside. */
static spc_status bracket(search_t *s, double x0, double f0, double *hi, double *fhi)
{
    double x = fmin(x0 + 0.05 * fmax(fabs(x0), 0.2 * lever_hi(s)), lever_hi(s));
    for (int k = 0; k < 6; k++) {
        double f = f_of(x, s);
        if (s->err->code != SPC_OK)
            return s->err->code;
        if (f >= 0) {
            *hi = x;
            *fhi = f;
            return SPC_OK;
        }
        if (x >= lever_hi(s))
            break;
        double slope = (f - f0) / (x - x0);
        double next = slope > 0 ? x0 + 1.2 * (x - x0) * f0 / (f0 - f) : x0 + 2 * (x - x0);
        x = fmin(fmax(next, x + 0.1 * (x - x0)), fmin(x0 + 4 * (x - x0), lever_hi(s)));
    }
    s->out->unreachable = 1;
    return spc_error_set(s->err, SPC_ERR_USAGE, "chain: %s cannot raise ESAT to %.4g within its range (up to %g)",
                         s->lever->path, s->target, lever_hi(s));
}

static spc_status solve(search_t *s, double x0, double f0)
{
    s->memo_x[0] = x0; /* the base itself: the lever unchanged */
    s->memo_f[0] = f0;
    s->nmemo = 1;
    double hi = x0, fhi = f0;
    if (bracket(s, x0, f0, &hi, &fhi) != SPC_OK)
        return s->err->code;
    if (fabs(fhi) <= SPC_LEVER_TOL * fabs(s->target)) { /* close enough already */
        if (s->last_x != hi)
            run_variant(s, hi, 0); /* answered by the shared memo: the variant kept is hi's */
        return s->err->code;
    }
    gsl_function F = { f_of, s };
    gsl_root_fsolver *r = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (r == NULL || gsl_root_fsolver_set(r, &F, x0, hi) != GSL_SUCCESS) {
        if (r != NULL)
            gsl_root_fsolver_free(r);
        return s->err->code ? s->err->code : spc_error_set(s->err, SPC_ERR_INTERNAL, "chain: root finder failed");
    }
    while (s->out->evaluations < s->max_evals && s->err->code == SPC_OK) {
        gsl_root_fsolver_iterate(r);
        double f = f_of(gsl_root_fsolver_root(r), s);
        if (fabs(f) <= SPC_LEVER_TOL * fabs(s->target) ||
            gsl_root_test_interval(gsl_root_fsolver_x_lower(r), gsl_root_fsolver_x_upper(r), 0, 1e-4) == GSL_SUCCESS)
            break;
    }
    double x = gsl_root_fsolver_root(r);
    gsl_root_fsolver_free(r);
    if (s->err->code == SPC_OK && s->last_x != x)
        run_variant(s, x, 0); /* the variant kept is the root's: run it, even if it was run before */
    return s->err->code;
}

/* After a search on fewer replications: the value found run with all of
 * them; while its ESAT misses the target (over all of them) by more than
 * the tolerance, at most REFINE times, the value scaled through the base's
 * point, x0 + (x - x0)(target - E0)/(ESAT(x) - E0), and run again. Paired
 * runs make ESAT(x) smooth in x, so one step usually suffices. Every run
 * but the last decides whether another follows; the last too when
 * `last_decides` (spc_lever_follow: a miss starts the full search). */
#define REFINE 2

static spc_status refine(search_t *s, spc_lever_result *out, int last_decides)
{
    const spc_lever_goal *g = s->goal;
    for (int k = 0;; k++) {
        int whole = k < REFINE || last_decides;
        if (variant_run(s->base, s->sets, s->nsets, s->lever->path, out->value, NULL, 0, s->opts, g->runner, whole,
                        &out->variant, s->err) != SPC_OK)
            return s->err->code;
        out->esat = esat_of(&out->variant);
        if (g->progress != NULL && !spc_study_partial(g->runner, whole))
            g->progress(g->ctx, s->lever->path, out->value, out->esat, out->target);
        out->met = fabs(out->esat - out->target) <= SPC_LEVER_TOL * fabs(out->target);
        double rise = out->esat - out->base_esat;
        if (out->met || k == REFINE || !(fabs(rise) > 0))
            return SPC_OK;
        double x = out->base_value + (out->value - out->base_value) * (out->target - out->base_esat) / rise;
        out->value = fmin(fmax(x, out->base_value), lever_hi(s));
        out->refined++;
    }
}

/* The checks shared by both entry points; the lever, or NULL (err set). */
static const lever_t *check(const spc_scenario *base, const spc_lever_goal *goal, spc_error *err)
{
    const lever_t *lever = find_lever(goal->lever);
    if (lever == NULL)
        spc_error_set(err, SPC_ERR_USAGE, "chain: %s: not a lever (recognition, pay, training_hours under "
                      "workforce.levers, or workforce.satisfaction.base)", goal->lever ? goal->lever : "(none)");
    else if (!base->customers.enabled || !base->workforce.enabled) {
        spc_error_set(err, SPC_ERR_USAGE, "chain: %s needs a workforce and a customers section", base->path);
        lever = NULL;
    }
    return lever;
}

/* The search against the base's replications `run`. */
static spc_status search_from(const spc_scenario *base, const char *const *sets, size_t nsets,
                              const spc_lever_goal *goal, const lever_t *lever, const spc_experiment_opts *opts,
                              const spc_experiment *run, spc_lever_result *out, spc_error *err)
{
    unsigned max = goal->max_evals ? goal->max_evals : DEFAULT_EVALS;
    search_t s = { .base = base, .sets = sets, .nsets = nsets, .lever = lever, .goal = goal, .opts = opts,
                   .sopts = *opts, .max_evals = max + 4 <= MEMO ? max : MEMO - 4, .out = out, .err = err };
    if (goal->search_replications > 0 && goal->search_replications < opts->replications)
        s.sopts.replications = goal->search_replications;
    double e0 = esat_of(run), e0s = esat_first(run, s.sopts.replications);
    s.target = goal->points ? e0s + goal->delta : e0s * (1.0 + goal->delta / 100.0);
    out->base_esat = e0;
    out->target = goal->points ? e0 + goal->delta : e0 * (1.0 + goal->delta / 100.0);
    out->base_value = lever_value(base, lever);
    out->search_replications = s.sopts.replications;
    if (!isfinite(e0))
        return spc_error_set(err, SPC_ERR_USAGE, "chain: %s reports no ESAT after warm-up", base->path);
    if (solve(&s, out->base_value, e0s - s.target) != SPC_OK)
        return err->code;
    out->value = s.last_x;
    if (s.sopts.replications < opts->replications)
        return refine(&s, out, 0);
    out->esat = esat_of(&out->variant);
    out->met = fabs(out->esat - out->target) <= SPC_LEVER_TOL * fabs(out->target);
    return SPC_OK;
}

spc_status spc_lever_find(const spc_scenario *base, const char *const *sets, size_t nsets, const spc_lever_goal *goal,
                          const spc_experiment_opts *opts, spc_lever_result *out, spc_error *err)
{
    memset(out, 0, sizeof *out);
    out->base_value = out->value = out->base_esat = out->target = out->esat = NAN;
    const lever_t *lever = check(base, goal, err);
    if (lever == NULL || spc_lever_run_base(base, opts, goal->runner, &out->base, err) != SPC_OK) /* the variants' structure */
        return err->code;
    return search_from(base, sets, nsets, goal, lever, opts, &out->base, out, err);
}

spc_status spc_lever_find_from(const spc_scenario *base, const char *const *sets, size_t nsets,
                               const spc_lever_goal *goal, const spc_experiment_opts *opts,
                               const spc_experiment *base_run, spc_lever_result *out, spc_error *err)
{
    memset(out, 0, sizeof *out);
    out->base_value = out->value = out->base_esat = out->target = out->esat = NAN;
    const lever_t *lever = check(base, goal, err);
    if (lever == NULL)
        return err->code;
    return search_from(base, sets, nsets, goal, lever, opts, base_run, out, err);
}

spc_status spc_lever_follow(const spc_scenario *base, const char *const *sets, size_t nsets,
                            const spc_lever_goal *goal, const spc_experiment_opts *opts,
                            const spc_experiment *base_run, double start, spc_lever_result *out, spc_error *err)
{
    memset(out, 0, sizeof *out);
    out->base_value = out->value = out->base_esat = out->target = out->esat = NAN;
    const lever_t *lever = check(base, goal, err);
    if (lever == NULL)
        return err->code;
    search_t s = { .base = base, .sets = sets, .nsets = nsets, .lever = lever, .goal = goal, .opts = opts,
                   .sopts = *opts, .out = out, .err = err };
    out->base_esat = esat_of(base_run);
    out->target = goal->points ? out->base_esat + goal->delta : out->base_esat * (1.0 + goal->delta / 100.0);
    out->base_value = lever_value(base, lever);
    out->search_replications = opts->replications;
    if (!isfinite(out->base_esat))
        return spc_error_set(err, SPC_ERR_USAGE, "chain: %s reports no ESAT after warm-up", base->path);
    out->value = fmin(fmax(start, out->base_value), lever_hi(&s));
    if (refine(&s, out, 1) != SPC_OK || out->met)
        return err->code;
    spc_experiment_release(&out->variant);
    return spc_lever_find_from(base, sets, nsets, goal, opts, base_run, out, err);
}

void spc_lever_result_release(spc_lever_result *r)
{
    spc_experiment_release(&r->base);
    spc_experiment_release(&r->variant);
}
