/*
 * experiment.c -- replications on a pool of threads, combined in order.
 *
 * Workers take the next replication index from a counter under a mutex and
 * write into that replication's own slot; nothing else is shared but the
 * read-only scenario. After all have joined, the slots are combined in
 * index order.
 */
#include "spcsim/experiment.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    const spc_scenario *sc;
    const spc_experiment_opts *opts;
    spc_experiment *x;
    pthread_mutex_t lock;
    unsigned next, done;
    spc_error *errs;     /* one per replication */
    unsigned unit_jobs;  /* threads for the units of one replication */
    double t0;
} pool_t;

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

unsigned spc_experiment_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1u;
}

static void progress(pool_t *p)
{
    unsigned n = p->x->n, done = p->done;
    double el = wall_now() - p->t0;
    if (!p->opts->progress || el < 1.0)
        return;
    double left = done > 0 ? el * (n - done) / done : NAN;
    fprintf(stderr, "\rspcsim: %u/%u replications, %.0f s elapsed, about %.0f s left   ", done, n, el, left);
    if (done == n)
        fputc('\n', stderr);
}

static void *worker(void *arg)
{
    pool_t *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        unsigned i = p->next < p->x->n ? p->next++ : p->x->n;
        pthread_mutex_unlock(&p->lock);
        if (i == p->x->n)
            return NULL;
        unsigned rep = p->opts->first + i;
        spc_run_execute_units(p->sc, rep, p->unit_jobs, &p->x->rep[i], &p->x->rep_ts[i], &p->x->rep_panel[i],
                              rep == 0 ? p->opts->trace : NULL, &p->x->info[i], &p->errs[i]);
        pthread_mutex_lock(&p->lock);
        p->done++;
        progress(p);
        pthread_mutex_unlock(&p->lock);
    }
}

static spc_status alloc_slots(spc_experiment *x, unsigned n, spc_error *err)
{
    memset(x, 0, sizeof *x);
    spc_results_init(&x->combined);
    spc_timeseries_init(&x->combined_ts);
    x->rep = calloc(n, sizeof *x->rep);
    x->rep_ts = calloc(n, sizeof *x->rep_ts);
    x->info = calloc(n, sizeof *x->info);
    x->rep_panel = calloc(n, sizeof *x->rep_panel);
    if (!x->rep || !x->rep_ts || !x->info || !x->rep_panel)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for %u replications", n);
    x->n = n;
    for (unsigned i = 0; i < n; i++) {
        spc_results_init(&x->rep[i]);
        spc_timeseries_init(&x->rep_ts[i]);
        spc_panel_init(&x->rep_panel[i]);
    }
    return SPC_OK;
}

/* Runs the pool; returns the first replication's error, if any. */
static spc_status run_pool(pool_t *p, unsigned jobs, spc_error *err)
{
    pthread_t *th = calloc(jobs, sizeof *th);
    if (th == NULL || pthread_mutex_init(&p->lock, NULL) != 0) {
        free(th);
        return spc_error_set(err, SPC_ERR_INTERNAL, "cannot start threads");
    }
    unsigned started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&th[started], NULL, worker, p) != 0)
            break;
    if (started == 0)
        worker(p); /* no thread could start: run here */
    for (unsigned k = 0; k < started; k++)
        pthread_join(th[k], NULL);
    pthread_mutex_destroy(&p->lock);
    free(th);
    for (unsigned i = 0; i < p->x->n; i++)
        if (p->errs[i].code != SPC_OK) {
            spc_error_set(err, p->errs[i].code, "replication %u: %s", p->opts->first + i, p->errs[i].msg);
            return err->code;
        }
    return SPC_OK;
}

spc_status spc_experiment_run(const spc_scenario *sc, const spc_experiment_opts *opts,
                              spc_experiment *x, spc_error *err)
{
    unsigned n = opts->replications ? opts->replications : 1;
    if (alloc_slots(x, n, err) != SPC_OK)
        return err->code;
    unsigned jobs = opts->jobs ? opts->jobs : spc_experiment_cores();
    x->jobs = jobs < n ? jobs : n;
    pool_t p = { .sc = sc, .opts = opts, .x = x, .errs = calloc(n, sizeof(spc_error)), .t0 = wall_now(),
                 .unit_jobs = jobs / x->jobs }; /* threads left over go to the units of a company */
    if (p.errs == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (unsigned i = 0; i < n; i++)
        spc_error_clear(&p.errs[i]);
    spc_status st = run_pool(&p, x->jobs, err);
    free(p.errs);
    x->wall_seconds = wall_now() - p.t0;
    if (st != SPC_OK)
        return st;
    if (spc_experiment_combine(x->rep, n, &x->combined, err) != SPC_OK)
        return err->code;
    return spc_timeseries_combine(x->rep_ts, n, &x->combined_ts) == 0
               ? SPC_OK : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory combining time series");
}

spc_status spc_experiment_combine(const spc_results *rep, unsigned n, spc_results *out, spc_error *err)
{
    if (n == 1) {
        for (size_t i = 0; i < rep[0].n; i++)
            if (spc_results_add(out, rep[0].rows[i].scope, rep[0].rows[i].metric, rep[0].rows[i].e) != 0)
                return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        return SPC_OK;
    }
    double *x = malloc(n * sizeof *x);
    if (x == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < rep[0].n; i++) {
        const spc_result_row *row = &rep[0].rows[i];
        size_t k = 0;
        for (unsigned r = 0; r < n; r++) {
            const spc_result_row *o = i < rep[r].n ? &rep[r].rows[i] : NULL;
            if (o == NULL || strcmp(o->scope, row->scope) || strcmp(o->metric, row->metric)) {
                free(x);
                return spc_error_set(err, SPC_ERR_INTERNAL, "replications disagree on their metrics");
            }
            if (isfinite(o->e.mean))
                x[k++] = o->e.mean;
        }
        spc_estimate e = spc_stats_interval(x, k, NAN);
        if (spc_results_add(out, row->scope, row->metric, e) != 0) {
            free(x);
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        }
    }
    free(x);
    return SPC_OK;
}

void spc_experiment_release(spc_experiment *x)
{
    for (unsigned i = 0; i < x->n; i++) {
        spc_results_release(&x->rep[i]);
        spc_timeseries_release(&x->rep_ts[i]);
        if (x->rep_panel != NULL)
            spc_panel_release(&x->rep_panel[i]);
    }
    free(x->rep);
    free(x->rep_ts);
    free(x->rep_panel);
    free(x->info);
    spc_results_release(&x->combined);
    spc_timeseries_release(&x->combined_ts);
    memset(x, 0, sizeof *x);
}

/* ---- precision mode ---- */

/* Moves the replications of `more` to the end of x's. */
static int append(spc_experiment *x, spc_experiment *more)
{
    unsigned n = x->n + more->n;
    spc_results *rep = realloc(x->rep, n * sizeof *rep);
    if (rep != NULL)
        x->rep = rep;
    spc_timeseries *ts = realloc(x->rep_ts, n * sizeof *ts);
    if (ts != NULL)
        x->rep_ts = ts;
    spc_run_info *info = realloc(x->info, n * sizeof *info);
    if (info != NULL)
        x->info = info;
    spc_panel *panel = realloc(x->rep_panel, n * sizeof *panel);
    if (panel != NULL)
        x->rep_panel = panel;
    if (rep == NULL || ts == NULL || info == NULL || panel == NULL)
        return -1;
    memcpy(x->rep + x->n, more->rep, more->n * sizeof *rep);
    memcpy(x->rep_ts + x->n, more->rep_ts, more->n * sizeof *ts);
    memcpy(x->info + x->n, more->info, more->n * sizeof *info);
    memcpy(x->rep_panel + x->n, more->rep_panel, more->n * sizeof *panel);
    x->n = n;
    x->wall_seconds += more->wall_seconds;
    more->n = 0; /* the tables now belong to x */
    return 0;
}

static int precise_enough(const spc_experiment *x, const spc_precision *t)
{
    const spc_result_row *r = spc_results_find(&x->combined, t->scope, t->metric);
    if (r == NULL || !isfinite(r->e.lo))
        return 0;
    return 0.5 * (r->e.hi - r->e.lo) <= t->rel * fabs(r->e.mean);
}

spc_status spc_experiment_run_precision(const spc_scenario *sc, const spc_experiment_opts *opts,
                                        const spc_precision *t, spc_experiment *x, spc_error *err)
{
    spc_experiment_opts o = *opts;
    /* at least 10 to start: with fewer, a lucky small variance stops too early */
    o.replications = opts->replications > 10 ? opts->replications : 10;
    if (o.replications > t->max)
        o.replications = t->max > 1 ? t->max : 2;
    if (spc_experiment_run(sc, &o, x, err) != SPC_OK)
        return err->code;
    if (spc_results_find(&x->combined, t->scope, t->metric) == NULL)
        return spc_error_set(err, SPC_ERR_USAGE, "--precision: no metric %s/%s in the results", t->scope, t->metric);
    unsigned step = o.replications;
    while (!precise_enough(x, t) && x->n < t->max) {
        spc_experiment more;
        o.first = opts->first + x->n;
        o.replications = x->n + step <= t->max ? step : t->max - x->n;
        spc_status st = spc_experiment_run(sc, &o, &more, err);
        if (st == SPC_OK && append(x, &more) != 0)
            st = spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        spc_experiment_release(&more);
        if (st != SPC_OK)
            return st;
        spc_results_release(&x->combined);
        spc_timeseries_release(&x->combined_ts);
        if (spc_experiment_combine(x->rep, x->n, &x->combined, err) != SPC_OK)
            return err->code;
        if (spc_timeseries_combine(x->rep_ts, x->n, &x->combined_ts) != 0)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory combining time series");
    }
    return SPC_OK;
}
