/*
 * sweep.c -- the grid of a parameter sweep: parse, run every point with the
 * same replications, write one row per point and metric.
 */
#include "spcsim/sweep.h"
#include "spcsim/metricinfo.h"
#include "spcsim/mpi.h"
#include "spcsim/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Splits "v1,v2,..." at top-level commas into p's values. */
static int split_values(const char *text, spc_sweep_param *p)
{
    char *copy = strdup(text);
    if (copy == NULL)
        return -1;
    size_t n = spc_text_split_all(copy, ',', NULL, 0);
    free(copy);
    if ((copy = strdup(text)) == NULL || (p->values = calloc(n ? n : 1, sizeof *p->values)) == NULL) {
        free(copy);
        return -1;
    }
    spc_text_split_all(copy, ',', p->values, n);
    for (size_t i = 0; i < n; i++)
        if ((p->values[i] = strdup(p->values[i])) == NULL) {
            p->n = i;
            free(copy);
            return -1;
        }
    p->n = n;
    free(copy);
    return 0;
}

static void param_release(spc_sweep_param *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->values[i]);
    free(p->values);
    free(p->path);
    memset(p, 0, sizeof *p);
}

spc_status spc_sweep_parse(const char *arg, spc_sweep_param *p, spc_error *err)
{
    memset(p, 0, sizeof *p);
    const char *eq = strchr(arg, '=');
    if (eq == NULL || eq == arg || eq[1] == '\0')
        return spc_error_set(err, SPC_ERR_USAGE, "--param %s: expected PATH=v1,v2,...", arg);
    if ((p->path = strndup(arg, (size_t)(eq - arg))) == NULL || split_values(eq + 1, p) != 0) {
        param_release(p);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    for (size_t i = 0; i < p->n; i++)
        if (p->values[i][0] == '\0') {
            param_release(p);
            return spc_error_set(err, SPC_ERR_USAGE, "--param %s: an empty value", arg);
        }
    return SPC_OK;
}

/* A bad value of --param PATH is reported by the reader as one of --set:
 * "--set: PATH: ..." becomes "--param: PATH: ...". */
static void relabel_param(spc_error *err, const char *path)
{
    size_t n = strlen(path);
    if (strncmp(err->msg, "--set: ", 7) != 0 || strncmp(err->msg + 7, path, n) != 0 || err->msg[7 + n] != ':')
        return;
    size_t len = strlen(err->msg);
    if (len + 2 >= sizeof err->msg)
        return;
    memmove(err->msg + 9, err->msg + 7, len - 7 + 1); /* "--set: " -> "--param: " */
    memcpy(err->msg, "--param: ", 9);
}

/* Runs one point: the scenario with its overrides and this point's values. */
static spc_status mpi_runner(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                             spc_error *err)
{
    (void)ctx;
    return spc_mpi_experiment_run(sc, opts, x, err);
}

typedef struct {
    spc_sweep_runner run;
    void *ctx;
} runner;

static spc_status run_point(const char *path, const char *const *sets, size_t nsets, spc_sweep *s, size_t k,
                            const spc_experiment_opts *opts, const runner *by, spc_error *err)
{
    const char **ov = calloc(nsets + SPC_SWEEP_MAX_PARAMS, sizeof *ov);
    char *assign[SPC_SWEEP_MAX_PARAMS] = { NULL, NULL };
    if (ov == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    if (nsets > 0)
        memcpy(ov, sets, nsets * sizeof *ov);
    for (size_t j = 0; j < s->nparams; j++) {
        const char *v = s->param[j].values[s->index[k][j]];
        size_t len = strlen(s->param[j].path) + strlen(v) + 2;
        if ((assign[j] = malloc(len)) != NULL)
            snprintf(assign[j], len, "%s=%s", s->param[j].path, v);
        ov[nsets + j] = assign[j];
    }
    spc_scenario *sc = spc_scenario_load(path, ov, nsets + s->nparams, err);
    for (size_t j = 0; sc == NULL && j < s->nparams; j++)
        relabel_param(err, s->param[j].path);
    spc_experiment x;
    memset(&x, 0, sizeof x);
    /* under MPI the point's replications are spread over the ranks (mpi.h);
     * only rank 0's x is filled, the other ranks' points stay empty */
    if (sc != NULL && by->run(by->ctx, sc, opts, &x, err) == SPC_OK) {
        s->results[k] = x.combined;  /* take it over */
        spc_results_init(&x.combined);
        /* the replications, for the paired differences (none on the ranks other than 0) */
        /* room for all (a part of the sweep has fewer: cli_parts.c), the rest empty */
        if (x.n > 0 && (s->rep[k] = calloc(s->replications > x.n ? s->replications : x.n, sizeof *s->rep[k])) == NULL)
            spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        for (unsigned r = 0; s->rep[k] != NULL && r < x.n; r++) {
            s->rep[k][r] = x.rep[r];
            spc_results_init(&x.rep[r]);
        }
    }
    spc_experiment_release(&x);
    spc_scenario_free(sc);
    for (size_t j = 0; j < s->nparams; j++)
        free(assign[j]);
    free(ov);
    return err->code;
}

spc_status spc_sweep_run(const char *path, const char *const *sets, size_t nsets, spc_sweep_param *params,
                         size_t nparams, const spc_experiment_opts *opts, spc_sweep *s, spc_error *err)
{
    return spc_sweep_run_by(path, sets, nsets, params, nparams, opts, mpi_runner, NULL, s, err);
}

spc_status spc_sweep_run_by(const char *path, const char *const *sets, size_t nsets, spc_sweep_param *params,
                            size_t nparams, const spc_experiment_opts *opts, spc_sweep_runner run, void *ctx,
                            spc_sweep *s, spc_error *err)
{
    runner by = { run, ctx };
    memset(s, 0, sizeof *s);
    s->nparams = nparams;
    s->npoints = 1;
    for (size_t j = 0; j < nparams; j++) {
        s->param[j] = params[j];
        s->npoints *= params[j].n;
    }
    s->replications = opts->replications;
    s->index = calloc(s->npoints, sizeof *s->index);
    s->results = calloc(s->npoints, sizeof *s->results);
    s->rep = calloc(s->npoints, sizeof *s->rep);
    if (s->index == NULL || s->results == NULL || s->rep == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t k = 0; k < s->npoints; k++) {
        size_t rest = k;
        for (size_t j = nparams; j-- > 0;) {  /* the last parameter varies fastest */
            s->index[k][j] = rest % s->param[j].n;
            rest /= s->param[j].n;
        }
        spc_results_init(&s->results[k]);
        if (run_point(path, sets, nsets, s, k, opts, &by, err) != SPC_OK)
            return err->code;
    }
    return SPC_OK;
}

spc_status spc_sweep_reference(spc_sweep *s, const char *text, spc_error *err)
{
    size_t k = 0;
    for (; text != NULL && k < s->npoints && strcmp(s->param[0].values[s->index[k][0]], text) != 0; k++)
        ;
    if (k >= s->npoints)
        return spc_error_set(err, SPC_ERR_USAGE, "--reference %s: not a value of %s", text, s->param[0].path);
    s->reference = k;
    if ((s->diff = calloc(s->npoints, sizeof *s->diff)) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t j = 0; j < s->npoints; j++) {
        const spc_results *var[] = { s->rep[j] };
        if (s->rep[j] != NULL && s->rep[k] != NULL &&
            spc_compare_tables(s->rep[k], var, 1, s->replications, &s->diff[j], err) != SPC_OK)
            return err->code;
    }
    return SPC_OK;
}

const spc_compare_row *spc_sweep_diff(const spc_sweep *s, size_t k, const char *scope, const char *metric)
{
    if (s->diff == NULL || k >= s->npoints)
        return NULL;
    for (size_t i = 0; i < s->diff[k].n; i++)
        if (strcmp(s->diff[k].rows[i].scope, scope) == 0 && strcmp(s->diff[k].rows[i].metric, metric) == 0)
            return &s->diff[k].rows[i];
    return NULL;
}

void spc_sweep_release(spc_sweep *s)
{
    for (size_t k = 0; s->results && k < s->npoints; k++)
        spc_results_release(&s->results[k]);
    for (size_t k = 0; s->rep && k < s->npoints; k++) {
        for (unsigned r = 0; s->rep[k] != NULL && r < s->replications; r++)
            spc_results_release(&s->rep[k][r]);
        free(s->rep[k]);
    }
    for (size_t k = 0; s->diff && k < s->npoints; k++)
        spc_compare_release(&s->diff[k]);
    free(s->diff);
    free(s->rep);
    free(s->results);
    free(s->index);
    for (size_t j = 0; j < s->nparams; j++)
        param_release(&s->param[j]);
    memset(s, 0, sizeof *s);
}

void spc_sweep_write_csv(FILE *f, const spc_sweep *s, const char *time_unit)
{
    fputs("point,param1,value1,param2,value2,scope,metric,mean,ci95_low,ci95_high,n,unit,reference,"
          "diff,diff_ci95_low,diff_ci95_high\n", f);
    for (size_t k = 0; k < s->npoints; k++)
        for (size_t i = 0; i < s->results[k].n; i++) {
            const spc_result_row *row = &s->results[k].rows[i];
            fprintf(f, "%zu", k);
            for (size_t j = 0; j < SPC_SWEEP_MAX_PARAMS; j++) {
                fputc(',', f);
                spc_csv_text(f, j < s->nparams ? s->param[j].path : "");
                fputc(',', f);
                spc_csv_text(f, j < s->nparams ? s->param[j].values[s->index[k][j]] : "");
            }
            fputc(',', f);
            spc_csv_result(f, row->scope, row->metric, row->e.mean, row->e.lo, row->e.hi, row->e.n);
            char unit[96];
            fputc(',', f);
            spc_csv_text(f, spc_metricinfo_unit(spc_metricinfo_find(row->scope, row->metric), SPC_MI_SUMMARY,
                                                time_unit, unit, sizeof unit));
            fprintf(f, ",%zu", s->reference);
            const spc_compare_row *d = k == s->reference ? NULL : spc_sweep_diff(s, k, row->scope, row->metric);
            spc_csv_interval(f, d ? d->diff.mean : NAN, d ? d->diff.lo : NAN, d ? d->diff.hi : NAN);
            fputc('\n', f);
        }
}
