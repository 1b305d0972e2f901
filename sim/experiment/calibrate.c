/*
 * calibrate.c -- the calibration search (see calibrate.h): map bounded
 * settings to unbounded ones, evaluate by running replications with common
 * random numbers, minimise with GSL's simplex.
 */
#include "spcsim/calibrate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_multimin.h>

#include "spcsim/text.h"

spc_status spc_calibration_add_target(spc_calibration *c, const char *arg, spc_error *err)
{
    if (c->ntargets == SPC_CALIBRATE_MAX)
        return spc_error_set(err, SPC_ERR_USAGE, "--target: at most %d targets", SPC_CALIBRATE_MAX);
    if (spc_target_parse(&c->target[c->ntargets], arg, err) != SPC_OK)
        return err->code;
    c->ntargets++;
    return SPC_OK;
}

spc_status spc_calibration_add_free(spc_calibration *c, const char *arg, spc_error *err)
{
    if (c->nfree == SPC_CALIBRATE_MAX)
        return spc_error_set(err, SPC_ERR_USAGE, "--free: at most %d free settings", SPC_CALIBRATE_MAX);
    const char *eq = strrchr(arg, '=');
    spc_free_param *p = &c->param[c->nfree];
    int used = 0;
    if (eq == NULL || eq == arg || sscanf(eq + 1, "%lf:%lf%n", &p->lo, &p->hi, &used) != 2 || eq[1 + used] != '\0' ||
        !(p->lo < p->hi) || !isfinite(p->lo) || !isfinite(p->hi))
        return spc_error_set(err, SPC_ERR_USAGE, "--free %s: expected PATH=LO:HI with LO < HI", arg);
    for (size_t j = 0; j < c->nfree; j++) /* two coordinates of one setting: the last would win, silently */
        if (strlen(c->param[j].path) == (size_t)(eq - arg) && strncmp(c->param[j].path, arg, (size_t)(eq - arg)) == 0)
            return spc_error_set(err, SPC_ERR_USAGE, "--free %s: %s is already free (give each setting once)", arg,
                                 c->param[j].path);
    if ((p->path = strndup(arg, (size_t)(eq - arg))) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    c->nfree++;
    return SPC_OK;
}

void spc_calibration_release(spc_calibration *c)
{
    for (size_t j = 0; j < c->nfree; j++)
        free(c->param[j].path);
    c->nfree = c->ntargets = 0;
}

/* ---- the objective ---- */

/* A chain target's variant: one per scenario and DELTA. */
typedef struct {
    size_t scenario;
    double delta;
    int points;
    double value;           /* the lever's value used last; NaN: not yet searched */
} dose;

typedef struct {
    const spc_calibration_scenario *sc;
    size_t nsc;
    const spc_calibration *c;
    const spc_calibration_chain *chain;
    spc_experiment_opts opts;   /* the caller's, with employees on when a target needs them */
    size_t where[SPC_CALIBRATE_MAX];    /* target k's scenario */
    size_t dose_of[SPC_CALIBRATE_MAX];  /* chain target k's dose */
    dose doses[SPC_CALIBRATE_MAX];
    size_t ndoses;
    spc_calibration_result *best;
    spc_error *err;         /* the first error stops the search */
} problem;

static double to_x(const spc_free_param *p, double u)
{
    return p->lo + (p->hi - p->lo) / (1.0 + exp(-u));
}

static double to_u(const spc_free_param *p, double x)
{
    double s = (x - p->lo) / (p->hi - p->lo);
    s = s < 1e-6 ? 1e-6 : s > 1 - 1e-6 ? 1 - 1e-6 : s;
    return log(s / (1 - s));
}

/* Which scenario SCENARIO@ names: its name, or its 1-based position. */
static spc_status resolve_scenario(problem *pb, const spc_target *t, size_t *out)
{
    *out = 0;
    if (t->scenario[0] == '\0')
        return SPC_OK;
    char *end;
    unsigned long pos = strtoul(t->scenario, &end, 10);
    for (size_t i = 0; i < pb->nsc; i++)
        if ((pb->sc[i].name != NULL && strcmp(pb->sc[i].name, t->scenario) == 0) || (*end == '\0' && pos == i + 1)) {
            *out = i;
            return SPC_OK;
        }
    return spc_error_set(pb->err, SPC_ERR_USAGE, "--target %s: no scenario named '%s' in this calibration (give "
                         "the name of one of its scenarios, or its position 1..%zu)", t->name, t->scenario, pb->nsc);
}

/* Each target's scenario, each chain target's dose; every scenario measured. */
static spc_status plan(problem *pb)
{
    const spc_calibration *c = pb->c;
    int used[SPC_CALIBRATE_MAX + 1] = { 0 };
    for (size_t k = 0; k < c->ntargets; k++) {
        const spc_target *t = &c->target[k];
        if (resolve_scenario(pb, t, &pb->where[k]) != SPC_OK)
            return pb->err->code;
        used[pb->where[k] < SPC_CALIBRATE_MAX ? pb->where[k] : SPC_CALIBRATE_MAX] = 1;
        if (t->source != SPC_TARGET_CHAIN)
            continue;
        if (pb->chain == NULL || pb->chain->lever == NULL)
            return spc_error_set(pb->err, SPC_ERR_USAGE, "--target %s: a chain target needs the chain's lever",
                                 t->name);
        size_t d = 0;
        while (d < pb->ndoses && !(pb->doses[d].scenario == pb->where[k] && pb->doses[d].delta == t->delta &&
                                   pb->doses[d].points == t->points))
            d++;
        if (d == pb->ndoses)
            pb->doses[pb->ndoses++] = (dose){ pb->where[k], t->delta, t->points, NAN };
        pb->dose_of[k] = d;
    }
    for (size_t i = 0; i < pb->nsc; i++)
        if (i >= SPC_CALIBRATE_MAX || !used[i])
            return spc_error_set(pb->err, SPC_ERR_USAGE, "calibrate: no target is measured on %s (prefix a target "
                                 "with %s@)", pb->sc[i].path, pb->sc[i].name ? pb->sc[i].name : "NAME");
    return SPC_OK;
}

/* Scenario i's chain targets at dose d, against its base run. */
static void measure_dose(problem *pb, size_t d, const spc_scenario *sc, const char *const *ov, size_t n,
                         const spc_experiment_opts *opts, const spc_experiment *base, spc_estimate *e)
{
    dose *ds = &pb->doses[d];
    spc_lever_goal goal = { .lever = pb->chain->lever, .delta = ds->delta, .points = ds->points,
                            .search_replications = pb->chain->search_replications };
    spc_lever_result lr;
    if (isnan(ds->value))
        spc_lever_find_from(sc, ov, n, &goal, opts, base, &lr, pb->err);
    else
        spc_lever_follow(sc, ov, n, &goal, opts, base, ds->value, &lr, pb->err);
    if (pb->err->code == SPC_OK) {
        ds->value = lr.value;
        for (size_t k = 0; k < pb->c->ntargets && pb->err->code == SPC_OK; k++)
            if (pb->c->target[k].source == SPC_TARGET_CHAIN && pb->dose_of[k] == d)
                spc_target_measure_chain(&pb->c->target[k], base, &lr.variant, &e[k], pb->err);
    }
    spc_lever_result_release(&lr);
}

/* Scenario i at settings x: its base (with the chain's structure when it
 * has chain targets) measures its other targets, each dose its chain targets. */
static spc_status evaluate_one(problem *pb, size_t i, const double *x, spc_estimate *e)
{
    const spc_calibration *c = pb->c;
    const spc_calibration_scenario *cs = &pb->sc[i];
    size_t n = cs->nsets + c->nfree;
    const char **ov = calloc(n, sizeof *ov);
    char (*assign)[512] = calloc(c->nfree ? c->nfree : 1, sizeof *assign);
    if (ov == NULL || assign == NULL) {
        free(ov);
        free(assign);
        return spc_error_set(pb->err, SPC_ERR_INTERNAL, "out of memory");
    }
    for (size_t j = 0; j < cs->nsets; j++)
        ov[j] = cs->sets[j];
    for (size_t j = 0; j < c->nfree; j++) {
        snprintf(assign[j], sizeof assign[j], "%s=%.17g", c->param[j].path, x[j]);
        ov[cs->nsets + j] = assign[j];
    }
    int chain = 0;
    for (size_t d = 0; d < pb->ndoses; d++)
        chain |= pb->doses[d].scenario == i;
    spc_experiment_opts opts = pb->opts;
    opts.replications = cs->replications;
    spc_scenario *sc = spc_scenario_load(cs->path, ov, n, pb->err);
    spc_experiment ex;
    memset(&ex, 0, sizeof ex);
    if (sc != NULL && (chain ? spc_lever_run_base(sc, &opts, NULL, &ex, pb->err) : spc_experiment_run(sc, &opts, &ex, pb->err)) ==
                          SPC_OK) {
        spc_target_frame fr = { sc->warmup, lround(sc->workforce.quit.year / sc->period) };
        for (size_t k = 0; k < c->ntargets && pb->err->code == SPC_OK; k++)
            if (pb->where[k] == i && c->target[k].source != SPC_TARGET_CHAIN)
                spc_target_measure(&c->target[k], &ex, &fr, &e[k], pb->err);
        for (size_t d = 0; d < pb->ndoses && pb->err->code == SPC_OK; d++)
            if (pb->doses[d].scenario == i)
                measure_dose(pb, d, sc, ov, n, &opts, &ex, e);
    }
    spc_experiment_release(&ex);
    spc_scenario_free(sc);
    free(ov);
    free(assign);
    return pb->err->code;
}

/* Every scenario at settings x: each target's mean and 95% interval into e[]. */
static spc_status evaluate(problem *pb, const double *x, spc_estimate *e)
{
    for (size_t i = 0; i < pb->nsc && pb->err->code == SPC_OK; i++)
        evaluate_one(pb, i, x, e);
    return pb->err->code;
}

static double objective(const gsl_vector *u, void *params)
{
    problem *pb = params;
    const spc_calibration *c = pb->c;
    double x[SPC_CALIBRATE_MAX];
    spc_estimate e[SPC_CALIBRATE_MAX];
    if (pb->err->code != SPC_OK)
        return GSL_POSINF;
    for (size_t j = 0; j < c->nfree; j++)
        x[j] = to_x(&c->param[j], gsl_vector_get(u, j));
    if (evaluate(pb, x, e) != SPC_OK)
        return GSL_POSINF;
    for (size_t k = 0; k < c->ntargets && pb->best->evaluations == 0; k++)
        if (isnan(e[k].mean)) { /* at the start: a target that cannot be measured here */
            spc_error_set(pb->err, SPC_ERR_USAGE,
                          "--target %s: no replication has a value at the starting settings (a correlation or "
                          "slope needs three units or rows with variance in both columns; revenue_growth needs "
                          "a year of periods after the warm-up)", c->target[k].name);
            return GSL_POSINF;
        }
    double f = 0;
    int met = 1, met_k[SPC_CALIBRATE_MAX];
    for (size_t k = 0; k < c->ntargets; k++) {
        double d = (e[k].mean - c->target[k].value) / spc_target_weight(&c->target[k]);
        f += d * d;
        met &= met_k[k] = spc_target_met(&c->target[k], &e[k]);
    }
    pb->best->evaluations++;
    if (!isfinite(f))
        f = GSL_POSINF;
    if (pb->best->evaluations == 1 || f < pb->best->objective) {
        spc_calibration_result *b = pb->best;
        b->objective = f;
        b->met = met;
        memcpy(b->x, x, sizeof x);
        for (size_t k = 0; k < c->ntargets; k++)
            b->value[k] = e[k].mean, b->lo[k] = e[k].lo, b->hi[k] = e[k].hi, b->met_target[k] = met_k[k];
        for (size_t k = 0; k < SPC_CALIBRATE_MAX; k++)
            b->lever[k] = k < c->ntargets && c->target[k].source == SPC_TARGET_CHAIN ? pb->doses[pb->dose_of[k]].value
                                                                                    : NAN;
    }
    return f;
}

static void log_line(FILE *log, const spc_calibration *c, const spc_calibration_result *b, double size)
{
    fprintf(log, "%u,%u,", b->iterations, b->evaluations);
    spc_csv_num(log, b->objective);
    spc_csv_next(log, size);
    for (size_t j = 0; j < c->nfree; j++) {
        spc_csv_next(log, b->x[j]);
    }
    fputc('\n', log);
}

spc_status spc_calibrate(const spc_calibration_scenario *sc, size_t n, const spc_calibration *c,
                         const spc_calibration_chain *chain, const spc_experiment_opts *opts,
                         spc_calibration_result *out, FILE *log, spc_error *err)
{
    memset(out, 0, sizeof *out);
    if (c->nfree == 0 || c->ntargets == 0 || n == 0)
        return spc_error_set(err, SPC_ERR_USAGE, "calibrate: give a scenario, at least one --target and one --free");
    problem *pb = calloc(1, sizeof *pb);
    if (pb == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    *pb = (problem){ .sc = sc, .nsc = n, .c = c, .chain = chain, .opts = *opts, .best = out, .err = err };
    if (plan(pb) != SPC_OK) {
        free(pb);
        return err->code;
    }
    for (size_t k = 0; k < c->ntargets; k++)
        if (c->target[k].source == SPC_TARGET_EMPLOYEES)
            pb->opts.employees = 1;
    gsl_multimin_function fn = { objective, c->nfree, pb };
    gsl_vector *u = gsl_vector_alloc(c->nfree), *step = gsl_vector_alloc(c->nfree);
    gsl_multimin_fminimizer *s = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, c->nfree);
    if (!u || !step || !s) {
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        goto done;
    }
    for (size_t j = 0; j < c->nfree; j++) {
        gsl_vector_set(u, j, to_u(&c->param[j], 0.5 * (c->param[j].lo + c->param[j].hi)));
        gsl_vector_set(step, j, 1.0);
    }
    if (log != NULL) {
        fputs("iteration,evaluations,objective,simplex_size", log);
        for (size_t j = 0; j < c->nfree; j++) {
            fputc(',', log);
            spc_csv_text(log, c->param[j].path);
        }
        fputc('\n', log);
    }
    if (gsl_multimin_fminimizer_set(s, &fn, u, step) != GSL_SUCCESS && err->code == SPC_OK)
        spc_error_set(err, SPC_ERR_INTERNAL, "calibrate: the minimiser could not start");
    double tol = c->size_tol > 0 ? c->size_tol : 1e-3;
    unsigned max_iter = c->max_iter ? c->max_iter : 200;
    while (err->code == SPC_OK && out->iterations < max_iter) {
        out->iterations++;
        int st = gsl_multimin_fminimizer_iterate(s);
        double size = gsl_multimin_fminimizer_size(s);
        if (log != NULL) {
            log_line(log, c, out, size);
            fflush(log); /* the search is long: its progress can be read while it runs */
        }
        if (st != GSL_SUCCESS || (size < tol && out->met) || size < tol * 1e-3)
            break;
    }
done:
    gsl_multimin_fminimizer_free(s);
    gsl_vector_free(u);
    gsl_vector_free(step);
    free(pb);
    return err->code;
}

spc_status spc_calibrate_one(const char *path, const char *const *sets, size_t nsets, const spc_calibration *c,
                             const spc_experiment_opts *opts, spc_calibration_result *out, FILE *log, spc_error *err)
{
    spc_calibration_scenario sc = { path, NULL, sets, nsets, opts->replications };
    return spc_calibrate(&sc, 1, c, NULL, opts, out, log, err);
}

void spc_calibration_write_targets(FILE *f, const spc_calibration *c, const spc_calibration_result *r)
{
    fputs("target,value,sd,mean,ci95_low,ci95_high,met\n", f);
    for (size_t k = 0; k < c->ntargets; k++) {
        const spc_target *t = &c->target[k];
        spc_csv_text(f, t->name);
        spc_csv_next(f, t->value);
        spc_csv_next(f, t->sd > 0 ? t->sd : NAN);
        spc_csv_interval(f, r->value[k], r->lo[k], r->hi[k]);
        fprintf(f, ",%d\n", r->met_target[k]);
    }
}
