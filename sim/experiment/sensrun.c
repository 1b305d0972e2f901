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
#include <string.h>
#include <gsl/gsl_statistics_double.h>

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

spc_status spc_sens_metric_parse(const char *arg, spc_sens_metric *m, spc_error *err)
{
    const char *slash = strchr(arg, '/');
    size_t ns = slash ? (size_t)(slash - arg) : 0, nm = slash ? strlen(slash + 1) : 0;
    if (slash == NULL || ns == 0 || nm == 0 || ns >= sizeof m->scope || nm >= sizeof m->metric)
        return spc_error_set(err, SPC_ERR_USAGE, "--metric %s: expected SCOPE/METRIC, a row of summary.csv "
                             "(e.g. customers/csat)", arg);
    snprintf(m->scope, sizeof m->scope, "%.*s", (int)ns, arg);
    snprintf(m->metric, sizeof m->metric, "%s", slash + 1);
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

/* The point's outputs from its replications: mean, and variance of the mean. */
static spc_status point_outputs(const spc_sensrun_request *rq, const spc_experiment *x, double *y, double *var,
                                double *buf, spc_error *err)
{
    for (size_t o = 0; o < rq->m; o++) {
        const spc_sens_metric *mt = &rq->metric[o];
        if (spc_results_find(&x->rep[0], mt->scope, mt->metric) == NULL)
            return spc_error_set(err, SPC_ERR_USAGE, "--metric %s/%s: the scenario's results have no such row "
                                 "(see summary.csv of spcsim run)", mt->scope, mt->metric);
        if (!spc_results_values(x->rep, x->n, mt->scope, mt->metric, buf)) {
            y[o] = var[o] = NAN;
            continue;
        }
        y[o] = gsl_stats_mean(buf, 1, x->n);
        var[o] = x->n > 1 ? gsl_stats_variance_m(buf, 1, x->n, y[o]) / x->n : 0.0;
    }
    return SPC_OK;
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

/* One point: the scenario with the request's overrides, then the point's. */
static spc_status run_point(const spc_sensrun_request *rq, const spc_sens_design *d, size_t p, spc_sensrun *r,
                            double *buf, spc_error *err)
{
    size_t k = d->k, n = rq->nsets + k;
    const char **ov = calloc(n, sizeof *ov);
    char *assign = calloc(k, 512);
    if (ov == NULL || assign == NULL) {
        free(ov);
        free(assign);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    for (size_t j = 0; j < rq->nsets; j++)
        ov[j] = rq->sets[j];
    for (size_t i = 0; i < k; i++) {
        spc_sens_param_assign(&rq->param[i], d->x[p * k + i], assign + i * 512, 512);
        ov[rq->nsets + i] = assign + i * 512;
    }
    spc_scenario *sc = spc_scenario_load(rq->path, ov, n, err);
    for (size_t i = 0; sc == NULL && i < k; i++)
        relabel_param(err, rq->param[i].path);
    spc_experiment x;
    memset(&x, 0, sizeof x);
    if (sc != NULL && spc_experiment_run(sc, rq->opts, &x, err) == SPC_OK)
        point_outputs(rq, &x, r->y + p * rq->m, r->var + p * rq->m, buf, err);
    spc_experiment_release(&x);
    spc_scenario_free(sc);
    free(ov);
    free(assign);
    return err->code;
}

spc_status spc_sensrun_run(const spc_sensrun_request *rq, const spc_sens_design *d, spc_sensrun *r, spc_error *err)
{
    memset(r, 0, sizeof *r);
    r->npoints = d->npoints;
    r->m = rq->m;
    r->replications = rq->opts->replications;
    r->y = malloc(d->npoints * rq->m * sizeof *r->y);
    r->var = malloc(d->npoints * rq->m * sizeof *r->var);
    double *buf = malloc(rq->opts->replications * sizeof *buf);
    if (r->y == NULL || r->var == NULL || buf == NULL) {
        free(buf);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    for (size_t p = 0; p < d->npoints; p++) {
        if (run_point(rq, d, p, r, buf, err) != SPC_OK)
            break;
        if (rq->progress != NULL)
            rq->progress(rq->progress_ctx, p + 1, d->npoints);
    }
    free(buf);
    return err->code;
}

void spc_sensrun_release(spc_sensrun *r)
{
    free(r->y);
    free(r->var);
    memset(r, 0, sizeof *r);
}

/* (SA7): noise share = mean_p (s_p^2 / R) / var_p(ybar_p). */
double spc_sensrun_noise_share(const spc_sensrun *r, size_t o)
{
    if (r->npoints < 2)
        return NAN;
    double noise = gsl_stats_mean(r->var + o, r->m, r->npoints);
    double spread = gsl_stats_variance(r->y + o, r->m, r->npoints);
    return spread > 0 && isfinite(spread) ? noise / spread : NAN;
}

/* ---- files ---- */

static void metric_name(FILE *f, const spc_sens_metric *m)
{
    char name[sizeof m->scope + sizeof m->metric + 1];
    snprintf(name, sizeof name, "%s/%s", m->scope, m->metric);
    spc_csv_text(f, name);
}

void spc_sensrun_write_design(FILE *f, const spc_sens_design *d, const spc_sensrun_request *rq,
                              const spc_sensrun *r)
{
    fputs(d->method == SPC_SENS_MORRIS ? "point,trajectory" : "point,base_point", f);
    for (size_t i = 0; i < d->k; i++) {
        fputc(',', f);
        spc_csv_text(f, rq->param[i].path);
    }
    for (size_t o = 0; o < rq->m; o++) {
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
        for (size_t o = 0; o < rq->m; o++)
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
