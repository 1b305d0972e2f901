/*
 * sensrun.c -- a sensitivity design run on the simulator: every point the
 * scenario with the point's settings, R replications with the same seeds
 * (common random numbers), the outputs' means and their noise; and the
 * design's and the indices' CSV files.
 */
#include "spcsim/sensrun.h"
#include "spcsim/settings.h"
#include "spcsim/text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>

#include "spcsim/lever.h"
#include "spcsim/pool.h"

/* ---- parsing ---- */

static int parse_number(const char *s, const char *end, double *v)
{
    char buf[64];
    size_t n = (size_t)(end - s);
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *stop;
    errno = 0;
    *v = strtod(buf, &stop);
    return *stop == '\0' && errno == 0 && isfinite(*v) ? 0 : -1;
}

/* A declared setting's kind decides whether its values are rounded, or
 * whether it can be varied at all; an undeclared path (a distribution's
 * mean) is left to the loader, which names what is wrong with it. */
static spc_status param_kind(spc_sens_param *p, const char *arg, spc_error *err)
{
    const spc_setting *s = spc_settings_find(p->path);
    if (s == NULL)
        return SPC_OK;
    switch (s->kind) {
    case SPC_SET_NUMBER: case SPC_SET_DURATION: case SPC_SET_NEVER: case SPC_SET_RATE:
        return SPC_OK;
    case SPC_SET_WHOLE: case SPC_SET_COUNT: case SPC_SET_INT: case SPC_SET_LONG:
        p->whole = 1;
        return SPC_OK;
    default:
        return spc_error_set(err, SPC_ERR_USAGE, "--param %s: %s is not a number that can vary", arg, p->path);
    }
}

spc_status spc_sens_param_parse(const char *arg, spc_sens_param *p, spc_error *err)
{
    memset(p, 0, sizeof *p);
    const char *eq = strchr(arg, '='), *colon = eq ? strchr(eq, ':') : NULL;
    if (eq == NULL || eq == arg || colon == NULL || parse_number(eq + 1, colon, &p->lo) != 0 ||
        parse_number(colon + 1, colon + strlen(colon), &p->hi) != 0 || !(p->lo < p->hi))
        return spc_error_set(err, SPC_ERR_USAGE, "--param %s: expected PATH=LOW:HIGH, two numbers with LOW < HIGH "
                             "(in the scenario's units: a duration or rate in its time unit)", arg);
    if ((p->path = strndup(arg, (size_t)(eq - arg))) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    p->value = NAN;
    p->rule = "--param";
    if (param_kind(p, arg, err) != SPC_OK)
        spc_sens_param_release(p);
    return err->code;
}

void spc_sens_param_release(spc_sens_param *p)
{
    free(p->path);
    memset(p, 0, sizeof *p);
}

/* chain(DELTA):STAT(MEASURE), parsed as calibrate's chain target
 * (target.h) with a value added; its messages name --metric. */
static spc_status chain_metric_parse(const char *arg, spc_sens_metric *m, spc_error *err)
{
    char buf[sizeof m->name + 4];
    if (strlen(arg) >= sizeof m->name)
        return spc_error_set(err, SPC_ERR_USAGE, "--metric %.40s...: too long", arg);
    snprintf(buf, sizeof buf, "%s=0", arg);
    if (spc_target_parse(&m->target, buf, err) == SPC_OK && m->target.source != SPC_TARGET_CHAIN)
        spc_error_set(err, SPC_ERR_USAGE, "--metric %s: expected chain(DELTA):diff|rel(MEASURE)", arg);
    if (err->code != SPC_OK) {
        const char *why = strstr(err->msg, "=0: ");
        char msg[sizeof err->msg];
        snprintf(msg, sizeof msg, "%s", why ? why + 4 : "expected chain(DELTA):diff|rel(MEASURE)");
        snprintf(err->msg, sizeof err->msg, "--metric %.127s: %.800s", arg, msg);
        return err->code;
    }
    m->chain = 1;
    snprintf(m->scope, sizeof m->scope, "%s", m->target.scope);
    snprintf(m->metric, sizeof m->metric, "%s", m->target.metric);
    snprintf(m->name, sizeof m->name, "%s", m->target.name);
    return SPC_OK;
}

spc_status spc_sens_metric_parse(const char *arg, spc_sens_metric *m, spc_error *err)
{
    memset(m, 0, sizeof *m);
    if (strncmp(arg, "chain", 5) == 0 && (arg[5] == ':' || arg[5] == '('))
        return chain_metric_parse(arg, m, err);
    const char *slash = strchr(arg, '/');
    size_t ns = slash ? (size_t)(slash - arg) : 0, nm = slash ? strlen(slash + 1) : 0;
    if (slash == NULL || ns == 0 || nm == 0 || ns >= sizeof m->scope || nm >= sizeof m->metric)
        return spc_error_set(err, SPC_ERR_USAGE, "--metric %s: expected SCOPE/METRIC, a row of summary.csv "
                             "(e.g. customers/csat), or chain(DELTA):diff|rel(MEASURE) (e.g. chain(5%%):rel(csat))",
                             arg);
    snprintf(m->scope, sizeof m->scope, "%.*s", (int)ns, arg);
    snprintf(m->metric, sizeof m->metric, "%s", slash + 1);
    snprintf(m->name, sizeof m->name, "%s/%s", m->scope, m->metric);
    return SPC_OK;
}

void spc_sens_param_assign(const spc_sens_param *p, double v, char *buf, size_t size)
{
    if (p->whole)
        snprintf(buf, size, "%s=%.0f", p->path, round(v));
    else
        snprintf(buf, size, "%s=%.17g", p->path, v);
}

/* ---- the default settings ---- */

/* Every group above path that has a presence switch is present in sc
 * ("workforce.absence.base": workforce and workforce.absence on). */
static int groups_present(const spc_scenario *sc, const char *path)
{
    char prefix[256];
    for (const char *dot = strchr(path, '.'); dot != NULL; dot = strchr(dot + 1, '.')) {
        size_t n = (size_t)(dot - path);
        if (n >= sizeof prefix)
            return 0;
        memcpy(prefix, path, n);
        prefix[n] = '\0';
        const spc_setting *g = spc_settings_find(prefix);
        if (g != NULL && g->kind == SPC_SET_GROUP && g->present != 0 && g->base == SPC_IN_SCENARIO &&
            *(const int *)((const char *)sc + g->present) < (g->present_min > 0 ? g->present_min : 1))
            return 0;
    }
    return 1;
}

/* An assumption the default set varies: a number of the whole scenario. */
static int varied_by_default(const spc_setting *s)
{
    return (s->kind == SPC_SET_NUMBER || s->kind == SPC_SET_DURATION || s->kind == SPC_SET_RATE) &&
           s->base == SPC_IN_SCENARIO && s->offset != SPC_SET_NO_FIELD && s->source != NULL &&
           strstr(s->source, "assumption") != NULL && strncmp(s->path, "statistics.", 11) != 0;
}

spc_status spc_sens_params_default(const spc_scenario *sc, spc_sens_param **out, size_t *k, spc_error *err)
{
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    *k = 0;
    if ((*out = calloc(n, sizeof **out)) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const spc_setting *s = &t[i];
        if (!varied_by_default(s) || !groups_present(sc, s->path))
            continue;
        spc_sens_param *p = &(*out)[*k];
        p->value = spc_settings_value(s, spc_settings_cfield(s, sc, 0));
        if (!spc_settings_plausible(s, p->value, &p->lo, &p->hi))
            continue;
        if ((p->path = strdup(s->path)) == NULL)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        p->rule = s->pspread > 0 ? s->preason : "assumption: half to one and a half times the value";
        (*k)++;
    }
    if (*k == 0)
        return spc_error_set(err, SPC_ERR_USAGE, "sensitivity: the scenario uses no setting declared as an "
                             "assumption; give --param PATH=LOW:HIGH");
    return SPC_OK;
}

void spc_sensrun_write_ranges(FILE *f, const spc_sens_param *p, size_t k)
{
    fputs("setting,low,high,value,rule\n", f);
    for (size_t i = 0; i < k; i++) {
        spc_csv_text(f, p[i].path);
        spc_csv_next(f, p[i].lo);
        spc_csv_next(f, p[i].hi);
        spc_csv_next(f, p[i].value);
        fputc(',', f);
        spc_csv_text(f, p[i].rule);
        fputc('\n', f);
    }
}

/* ---- running ---- */

/* A summary metric's mean over x's replications and the variance of that mean. */
static spc_status summary_output(const spc_sens_metric *mt, const spc_experiment *x, double *y, double *var,
                                 double *buf, spc_error *err)
{
    if (spc_results_find(&x->rep[0], mt->scope, mt->metric) == NULL)
        return spc_error_set(err, SPC_ERR_USAGE, "--metric %s: the scenario's results have no such row "
                             "(see summary.csv of spcsim run)", mt->name);
    if (!spc_results_values(x->rep, x->n, mt->scope, mt->metric, buf)) {
        *y = *var = NAN;
        return SPC_OK;
    }
    *y = gsl_stats_mean(buf, 1, x->n);
    *var = x->n > 1 ? gsl_stats_variance_m(buf, 1, x->n, *y) / x->n : 0.0;
    return SPC_OK;
}

/* A chain output from the base's and the variant's paired replications:
 * the chain table's mean change; the variance of that mean from its 95%
 * interval, ((hi - lo) / (2 t))^2 with t the 97.5% point of Student's t
 * with n - 1 degrees of freedom (0 with one replication). */
static spc_status chain_output(const spc_sens_metric *mt, const spc_experiment *base, const spc_experiment *variant,
                               double *y, double *var, spc_error *err)
{
    spc_estimate e;
    if (spc_target_measure_chain(&mt->target, base, variant, &e, err) != SPC_OK)
        return err->code;
    unsigned n = base->n < variant->n ? base->n : variant->n;
    double se = n > 1 && isfinite(e.lo) ? (e.hi - e.lo) / (2.0 * gsl_cdf_tdist_Pinv(0.975, n - 1.0)) : 0.0;
    *y = e.mean;
    *var = se * se;
    return SPC_OK;
}

int spc_sensrun_has_chain(const spc_sensrun_request *rq)
{
    for (size_t o = 0; o < rq->m; o++)
        if (rq->metric[o].chain)
            return 1;
    return 0;
}

/* The first chain output with o's DELTA: the one whose lever run serves o. */
static size_t dose_leader(const spc_sensrun_request *rq, size_t o)
{
    const spc_target *t = &rq->metric[o].target;
    for (size_t l = 0; l < o; l++)
        if (rq->metric[l].chain && rq->metric[l].target.delta == t->delta && rq->metric[l].target.points == t->points)
            return l;
    return o;
}

static spc_lever_goal lever_goal(const spc_sensrun_request *rq, size_t o)
{
    return (spc_lever_goal){ .lever = rq->lever ? rq->lever : "workforce.levers.recognition",
                             .delta = rq->metric[o].target.delta, .points = rq->metric[o].target.points,
                             .search_replications = rq->search_replications };
}

/* The chain outputs of one point: for each DELTA the lever followed from
 * its start to the value that raises ESAT so far here, then every chain
 * output of that DELTA. Unreachable: NaN, and *unreached set. */
static spc_status chain_outputs(const spc_sensrun_request *rq, const spc_scenario *sc, const char *const *ov, size_t n,
                                const spc_experiment_opts *opts, const spc_experiment *base, double *y, double *var,
                                int *unreached, spc_error *err)
{
    for (size_t o = 0; o < rq->m && err->code == SPC_OK; o++) {
        if (!rq->metric[o].chain || dose_leader(rq, o) != o)
            continue;
        spc_lever_goal goal = lever_goal(rq, o);
        spc_lever_result lr;
        if (rq->lever_start != NULL && isfinite(rq->lever_start[o]))
            spc_lever_follow(sc, ov, n, &goal, opts, base, rq->lever_start[o], &lr, err);
        else
            spc_lever_find_from(sc, ov, n, &goal, opts, base, &lr, err);
        if (err->code != SPC_OK && lr.unreachable) {
            spc_error_clear(err);
            *unreached = 1;
        }
        for (size_t q = o; q < rq->m && err->code == SPC_OK; q++)
            if (rq->metric[q].chain && dose_leader(rq, q) == o) {
                if (*unreached)
                    y[q] = var[q] = NAN;
                else
                    chain_output(&rq->metric[q], base, &lr.variant, &y[q], &var[q], err);
            }
        spc_lever_result_release(&lr);
    }
    return err->code;
}

/* A bad --param is reported by the loader as an override: "--set: PATH: ..."
 * becomes "--param: PATH: ..." (as sweep.c does). */
static void relabel_param(spc_error *err, const char *path)
{
    size_t n = strlen(path), len = strlen(err->msg);
    if (strncmp(err->msg, "--set: ", 7) != 0 || strncmp(err->msg + 7, path, n) != 0 || err->msg[7 + n] != ':' ||
        len + 2 >= sizeof err->msg)
        return;
    memmove(err->msg + 9, err->msg + 7, len - 7 + 1);
    memcpy(err->msg, "--param: ", 9);
}

/* The scenario with the request's overrides, then x's (k settings); ov
 * and assign hold them (n = nsets + k). */
static spc_scenario *load_at(const spc_sensrun_request *rq, const double *x, size_t k, const char **ov, char *assign,
                             spc_error *err)
{
    for (size_t j = 0; j < rq->nsets; j++)
        ov[j] = rq->sets[j];
    for (size_t i = 0; i < k; i++) {
        spc_sens_param_assign(&rq->param[i], x[i], assign + i * 512, 512);
        ov[rq->nsets + i] = assign + i * 512;
    }
    spc_scenario *sc = spc_scenario_load(rq->path, ov, rq->nsets + k, err);
    for (size_t i = 0; sc == NULL && i < k; i++)
        relabel_param(err, rq->param[i].path);
    return sc;
}

/* The outputs at x (k settings; 0 and NULL: the scenario's own) into
 * y[0..m), var[0..m). With chain outputs the base runs with the chain
 * study's structure (lever.h), so its summary metrics are that base's. */
static spc_status run_at(const spc_sensrun_request *rq, const spc_experiment_opts *opts, const double *x, size_t k,
                         double *y, double *var, int *unreached, spc_error *err)
{
    const char **ov = calloc(rq->nsets + k + 1, sizeof *ov);
    char *assign = calloc(k + 1, 512);
    double *buf = malloc(opts->replications * sizeof *buf);
    spc_scenario *sc = ov && assign && buf ? load_at(rq, x, k, ov, assign, err)
                                           : (spc_error_set(err, SPC_ERR_INTERNAL, "out of memory"), NULL);
    int chain = spc_sensrun_has_chain(rq);
    spc_experiment base;
    memset(&base, 0, sizeof base);
    if (sc != NULL && (chain ? spc_lever_run_base(sc, opts, NULL, &base, err) : spc_experiment_run(sc, opts, &base, err)) ==
                          SPC_OK) {
        for (size_t o = 0; o < rq->m && err->code == SPC_OK; o++)
            if (!rq->metric[o].chain)
                summary_output(&rq->metric[o], &base, &y[o], &var[o], buf, err);
        if (chain && err->code == SPC_OK)
            chain_outputs(rq, sc, ov, rq->nsets + k, opts, &base, y, var, unreached, err);
    }
    spc_experiment_release(&base);
    spc_scenario_free(sc);
    free(ov);
    free(assign);
    free(buf);
    return err->code;
}

spc_status spc_sensrun_lever_start(const spc_sensrun_request *rq, const spc_study_runner *runner, double *start,
                                   spc_error *err)
{
    spc_experiment_opts opts = *rq->opts;
    const char **ov = calloc(rq->nsets + 1, sizeof *ov);
    spc_scenario *sc = ov ? load_at(rq, NULL, 0, ov, NULL, err)
                          : (spc_error_set(err, SPC_ERR_INTERNAL, "out of memory"), NULL);
    spc_experiment base;
    memset(&base, 0, sizeof base);
    for (size_t o = 0; o < rq->m; o++)
        start[o] = NAN;
    if (sc != NULL && spc_lever_run_base(sc, &opts, runner, &base, err) == SPC_OK)
        for (size_t o = 0; o < rq->m && err->code == SPC_OK; o++) {
            if (!rq->metric[o].chain || dose_leader(rq, o) != o)
                continue;
            spc_lever_goal goal = lever_goal(rq, o);
            goal.runner = runner;
            spc_lever_result lr;
            if (spc_lever_find_from(sc, ov, rq->nsets, &goal, &opts, &base, &lr, err) == SPC_OK)
                start[o] = lr.value;
            spc_lever_result_release(&lr);
        }
    spc_experiment_release(&base);
    spc_scenario_free(sc);
    free(ov);
    return err->code;
}

/* ---- the points on the pool of threads ---- */

typedef struct {
    const spc_sensrun_request *rq;
    const spc_sens_design *d;
    spc_sensrun *r;
    spc_experiment_opts opts;   /* one thread per point */
    spc_error **errs;           /* per point: its error, or NULL */
    atomic_int failed;          /* a point failed: the rest are skipped */
    size_t done, total;
} points_job;

static void point_run(void *ctx, unsigned rep, unsigned unit)
{
    (void)unit;
    points_job *j = ctx;
    size_t p = j->rq->first + rep, m = j->rq->m;
    if (atomic_load(&j->failed))
        return;
    spc_error err;
    spc_error_clear(&err);
    int unreached = 0;
    if (run_at(j->rq, &j->opts, j->d->x + p * j->d->k, j->d->k, j->r->y + p * m, j->r->var + p * m, &unreached,
               &err) != SPC_OK) {
        atomic_store(&j->failed, 1);
        if ((j->errs[rep] = malloc(sizeof err)) != NULL)
            *j->errs[rep] = err;
    }
    j->r->unreached_at[p] = (char)unreached;
}

static void point_done(void *ctx, unsigned rep, unsigned unit)
{
    (void)rep;
    (void)unit;
    points_job *j = ctx;
    j->done++;
    if (j->rq->progress != NULL && !atomic_load(&j->failed))
        j->rq->progress(j->rq->progress_ctx, j->done, j->total);
}

/* The first error by point order (the same whichever thread met it first). */
static spc_status points_finish(points_job *j, spc_error *err)
{
    for (size_t i = 0; i < j->total; i++) {
        if (j->errs[i] != NULL && err->code == SPC_OK)
            *err = *j->errs[i];
        free(j->errs[i]);
        j->r->unreached += (size_t)j->r->unreached_at[j->rq->first + i];
    }
    if (err->code == SPC_OK && atomic_load(&j->failed))
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    return err->code;
}

spc_status spc_sensrun_run(const spc_sensrun_request *rq, const spc_sens_design *d, spc_sensrun *r, spc_error *err)
{
    size_t first = rq->first, last = rq->last ? rq->last : d->npoints;
    if (spc_sensrun_alloc(r, d->npoints, rq->m, rq->opts->replications, err) != SPC_OK)
        return err->code;
    if (first > last || last > d->npoints)
        return spc_error_set(err, SPC_ERR_USAGE, "sensitivity: points %zu to %zu are not in the design of %zu", first,
                             last, d->npoints);
    points_job j = { .rq = rq, .d = d, .r = r, .opts = *rq->opts, .total = last - first };
    j.opts.jobs = 1;
    j.opts.progress = 0;
    atomic_init(&j.failed, 0);
    j.errs = calloc(j.total + 1, sizeof *j.errs);
    spc_pool_work w = { &j, point_run, point_done };
    if (j.errs == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    else if (spc_pool_run(rq->opts->jobs ? rq->opts->jobs : spc_experiment_cores(), (unsigned)j.total, 1, &w, NULL,
                          err) == SPC_OK)
        points_finish(&j, err);
    free(j.errs);
    return err->code;
}

spc_status spc_sensrun_alloc(spc_sensrun *r, size_t npoints, size_t m, unsigned replications, spc_error *err)
{
    memset(r, 0, sizeof *r);
    r->npoints = npoints;
    r->m = m;
    r->replications = replications;
    r->y = malloc((npoints * m + 1) * sizeof *r->y);
    r->var = malloc((npoints * m + 1) * sizeof *r->var);
    r->unreached_at = calloc(npoints + 1, 1);
    if (r->y == NULL || r->var == NULL || r->unreached_at == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < npoints * m; i++)
        r->y[i] = r->var[i] = NAN;
    return SPC_OK;
}

void spc_sensrun_release(spc_sensrun *r)
{
    free(r->y);
    free(r->var);
    free(r->unreached_at);
    memset(r, 0, sizeof *r);
}

/* (SA7): noise share = mean_p (s_p^2 / R) / var_p(ybar_p), over the points
 * with a value. */
double spc_sensrun_noise_share(const spc_sensrun *r, size_t o)
{
    double *y = malloc((r->npoints + 1) * sizeof *y), noise = 0;
    size_t n = 0;
    for (size_t p = 0; y != NULL && p < r->npoints; p++)
        if (isfinite(r->y[p * r->m + o]) && isfinite(r->var[p * r->m + o])) {
            y[n++] = r->y[p * r->m + o];
            noise += r->var[p * r->m + o];
        }
    double spread = n > 1 ? gsl_stats_variance(y, 1, n) : NAN;
    free(y);
    return spread > 0 && isfinite(spread) ? noise / (double)n / spread : NAN;
}

/* ---- files ---- */

static void metric_name(FILE *f, const spc_sens_metric *m)
{
    spc_csv_text(f, m->name);
}

void spc_sensrun_write_design(FILE *f, const spc_sens_design *d, const spc_sensrun_request *rq,
                              const spc_sensrun *r)
{
    fputs(d->method == SPC_SENS_MORRIS ? "point,trajectory" : "point,base_point", f);
    for (size_t i = 0; i < d->k; i++) {
        fputc(',', f);
        spc_csv_text(f, rq->param[i].path);
    }
    for (size_t o = 0; r != NULL && o < rq->m; o++) {
        fputc(',', f);
        metric_name(f, &rq->metric[o]);
    }
    fputc('\n', f);
    for (size_t p = 0; p < d->npoints; p++) {
        fprintf(f, "%zu,%zu", p, p / d->block);
        for (size_t i = 0; i < d->k; i++) {
            double v = d->x[p * d->k + i];
            spc_csv_next(f, rq->param[i].whole ? round(v) : v);
        }
        for (size_t o = 0; r != NULL && o < rq->m; o++)
            spc_csv_next(f, r->y[p * rq->m + o]);
        fputc('\n', f);
    }
}

static void index_row(FILE *f, const char *setting, const spc_sens_metric *m, const char *method, const char *index,
                      double v, double lo, double hi)
{
    spc_csv_text(f, setting);
    fputc(',', f);
    metric_name(f, m);
    fprintf(f, ",%s,%s", method, index);
    spc_csv_interval(f, v, lo, hi);
    fputc('\n', f);
}

void spc_sensrun_write_indices(FILE *f, const spc_sensrun_request *rq, const spc_sensrun *r,
                               const spc_sens_morris *mo, const spc_sens_sobol *so)
{
    fputs("setting,output,method,index,value,ci95_low,ci95_high\n", f);
    size_t k = mo ? mo->k : so ? so->k : 0, m = rq->m;
    for (size_t i = 0; i < k; i++)
        for (size_t o = 0; o < m; o++) {
            size_t c = i * m + o;
            const char *path = rq->param[i].path;
            if (mo != NULL) {
                index_row(f, path, &rq->metric[o], "morris", "mu", mo->mu[c], NAN, NAN);
                index_row(f, path, &rq->metric[o], "morris", "mu_star", mo->mu_star[c], NAN, NAN);
                index_row(f, path, &rq->metric[o], "morris", "sigma", mo->sigma[c], NAN, NAN);
            }
            if (so != NULL) {
                index_row(f, path, &rq->metric[o], "sobol", "S1", so->s[c], so->s_lo[c], so->s_hi[c]);
                index_row(f, path, &rq->metric[o], "sobol", "ST", so->st[c], so->st_lo[c], so->st_hi[c]);
            }
        }
    for (size_t o = 0; o < m; o++)
        index_row(f, "", &rq->metric[o], mo ? "morris" : "sobol", "noise_share", spc_sensrun_noise_share(r, o),
                  NAN, NAN);
}
