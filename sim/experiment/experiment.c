/*
 * experiment.c -- replications, and the units of a company, on the pool of
 * threads (pool.h), combined in order.
 *
 * A work item is one unit of one replication (run.h). A single unit writes
 * straight into its replication's slot; the units of a company write into
 * their own slots and are added into the company (company.h) in unit order
 * as soon as every unit before them is in, so a unit's outputs live only
 * until its turn. After all items are done, the replications are combined
 * in index order: the outputs are the same for any number of threads.
 */
#include "spcsim/experiment.h"
#include "spcsim/metricinfo.h"
#include "spcsim/cost.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "spcsim/company.h"
#include "spcsim/pool.h"

/* One unit's outputs, kept until it is its turn to be added. */
typedef struct {
    spc_results res;
    spc_timeseries ts;
    spc_panel panel;
    spc_emplog emp;
    spc_run_info info;
    spc_error err;
    int done;
} unit_slot;

/* One replication's progress; units and acc only for a company. */
typedef struct {
    unit_slot *units;
    spc_company_acc acc;
    unsigned next_add;      /* units added so far (or passed over after an error) */
    spc_error err;          /* the replication's first error, in unit order */
} rep_slot;

typedef struct {
    const spc_scenario *sc;
    const spc_scenario *const *each; /* NULL, or replication i's scenario (spc_experiment_run_each) */
    const spc_experiment_opts *opts;
    spc_experiment *x;
    unsigned nunits;        /* 1, or the company's units */
    rep_slot *reps;         /* x->n */
    unsigned done;          /* replications finished */
    double t0;
    const spc_experiment_watch *watch; /* NULL, or the period callback */
} batch_t;

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

static void progress(batch_t *b)
{
    unsigned n = b->x->n, done = b->done;
    double el = wall_now() - b->t0;
    if (!b->opts->progress || el < 1.0)
        return;
    double left = done > 0 ? el * (n - done) / done : NAN;
    fprintf(stderr, "\rspcsim: %u/%u replications, %.0f s elapsed, about %.0f s left   ", done, n, el, left);
    if (done == n)
        fputc('\n', stderr);
}

/* The scenario the i-th replication runs. */
static const spc_scenario *rep_scenario(const batch_t *b, unsigned i)
{
    return b->each != NULL ? b->each[i] : b->sc;
}

/* The pool's item: unit `unit` of the i-th replication. */
static void run_item(void *ctx, unsigned i, unsigned unit)
{
    batch_t *b = ctx;
    spc_experiment *x = b->x;
    unsigned rep = b->opts->first + i;
    spc_run_request req = { .replication = rep, .unit = unit, .trace = rep == 0 && unit == 0 ? b->opts->trace : NULL,
                            .stop = b->opts->stop };
    if (b->watch != NULL)
        req.on_period = b->watch->fn, req.period_ctx = b->watch->ctx;
    spc_error *err = &b->reps[i].err;
    if (b->nunits == 1) {
        req.out = &x->rep[i], req.ts = &x->rep_ts[i], req.panel = &x->rep_panel[i], req.info = &x->info[i];
        req.employees = b->opts->employees ? &x->rep_emp[i] : NULL;
    } else {
        unit_slot *u = &b->reps[i].units[unit];
        req.out = &u->res, req.ts = &u->ts, req.panel = &u->panel, req.info = &u->info;
        req.employees = b->opts->employees ? &u->emp : NULL;
        err = &u->err;
    }
    if (req.stop != NULL && *req.stop) {
        spc_error_set(err, SPC_ERR_INTERRUPTED, "interrupted");
        return;
    }
    spc_run_execute(rep_scenario(b, i), &req, err);
}

static void slot_release(unit_slot *u)
{
    spc_results_release(&u->res);
    spc_timeseries_release(&u->ts);
    spc_panel_release(&u->panel);
    spc_emplog_release(&u->emp);
}

/* Adds one unit into its replication's company (its panel rows appended). */
static spc_status add_unit(batch_t *b, unsigned i, unit_slot *u)
{
    rep_slot *r = &b->reps[i];
    if (u->err.code != SPC_OK) {
        r->err = u->err;
        return r->err.code;
    }
    if (spc_company_acc_add(&r->acc, &u->res, &u->ts) != 0)
        return spc_error_set(&r->err, SPC_ERR_INTERNAL, "units of %s do not report alike (unit %u)", b->sc->path,
                             r->next_add);
    for (size_t k = 0; k < u->panel.n; k++) {
        spc_panel_row *row = spc_panel_add(&b->x->rep_panel[i], 0, 0, 0);
        if (row == NULL)
            return spc_error_set(&r->err, SPC_ERR_INTERNAL, "out of memory for the panel");
        *row = u->panel.rows[k];
    }
    if (spc_emplog_append(&b->x->rep_emp[i], &u->emp) != 0)
        return spc_error_set(&r->err, SPC_ERR_INTERNAL, "out of memory for the employees' rows");
    b->x->info[i].events += u->info.events;
    b->x->info[i].end_time = u->info.end_time;
    return SPC_OK;
}

/* The pool's report that an item is done (its lock held): the units that
 * are next in unit order are added; after the last, the company is made. */
static void item_done(void *ctx, unsigned i, unsigned unit)
{
    batch_t *b = ctx;
    rep_slot *r = &b->reps[i];
    if (b->nunits > 1) {
        r->units[unit].done = 1;
        while (r->next_add < b->nunits && r->units[r->next_add].done) {
            unit_slot *u = &r->units[r->next_add];
            if (r->err.code == SPC_OK)
                add_unit(b, i, u);
            slot_release(u);
            r->next_add++;
        }
        if (r->next_add < b->nunits)
            return;
        if (r->err.code == SPC_OK && spc_company_acc_finish(&r->acc, rep_scenario(b, i), &b->x->rep[i], &b->x->rep_ts[i]) != 0)
            spc_error_set(&r->err, SPC_ERR_INTERNAL, "out of memory combining the units");
        spc_company_acc_release(&r->acc);
        spc_company_acc_init(&r->acc); /* batch_release releases it again */
    }
    b->done++;
    progress(b);
}

spc_status spc_experiment_alloc(spc_experiment *x, unsigned n, spc_error *err)
{
    memset(x, 0, sizeof *x);
    spc_results_init(&x->combined);
    spc_timeseries_init(&x->combined_ts);
    x->rep = calloc(n, sizeof *x->rep);
    x->rep_ts = calloc(n, sizeof *x->rep_ts);
    x->info = calloc(n, sizeof *x->info);
    x->rep_panel = calloc(n, sizeof *x->rep_panel);
    x->rep_emp = calloc(n, sizeof *x->rep_emp);
    if (!x->rep || !x->rep_ts || !x->info || !x->rep_panel || !x->rep_emp)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for %u replications", n);
    x->n = n;
    for (unsigned i = 0; i < n; i++) {
        spc_results_init(&x->rep[i]);
        spc_timeseries_init(&x->rep_ts[i]);
        spc_panel_init(&x->rep_panel[i]);
        spc_emplog_init(&x->rep_emp[i]);
    }
    return SPC_OK;
}

static void batch_release(batch_t *b)
{
    for (unsigned i = 0; b->reps != NULL && i < b->x->n; i++) {
        rep_slot *r = &b->reps[i];
        for (unsigned k = r->next_add; r->units != NULL && k < b->nunits; k++)
            slot_release(&r->units[k]);
        free(r->units);
        if (b->nunits > 1)
            spc_company_acc_release(&r->acc);
    }
    free(b->reps);
}

/* The replications' slots, and with a company each one's units. */
static spc_status batch_init(batch_t *b, spc_error *err)
{
    unsigned n = b->x->n;
    if ((b->reps = calloc(n, sizeof *b->reps)) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for %u replications", n);
    for (unsigned i = 0; i < n; i++) {
        rep_slot *r = &b->reps[i];
        spc_error_clear(&r->err);
        if (b->nunits == 1)
            continue;
        spc_company_acc_init(&r->acc);
        if ((r->units = calloc(b->nunits, sizeof *r->units)) == NULL)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the units");
        for (unsigned k = 0; k < b->nunits; k++) {
            spc_results_init(&r->units[k].res);
            spc_timeseries_init(&r->units[k].ts);
            spc_panel_init(&r->units[k].panel);
            spc_emplog_init(&r->units[k].emp);
            spc_error_clear(&r->units[k].err);
        }
    }
    return SPC_OK;
}

/* Keeps the first k replications of x (the rest released). */
static void keep_first(spc_experiment *x, unsigned k)
{
    for (unsigned i = k; i < x->n; i++) {
        spc_results_release(&x->rep[i]);
        spc_timeseries_release(&x->rep_ts[i]);
        spc_panel_release(&x->rep_panel[i]);
        spc_emplog_release(&x->rep_emp[i]);
    }
    x->n = k;
}

/* Stopped with keep_partial: the replications that completed before the
 * first that did not, combined; SPC_ERR_INTERRUPTED either way. */
static spc_status keep_partial(spc_experiment *x, const rep_slot *reps, spc_error *err)
{
    unsigned k = 0;
    while (k < x->n && reps[k].err.code == SPC_OK)
        k++;
    keep_first(x, k);
    if (k > 0 && (spc_experiment_combine(x->rep, k, &x->combined, err) != SPC_OK ||
                  spc_timeseries_combine(x->rep_ts, k, &x->combined_ts) != 0))
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory combining the replications kept");
    return spc_error_set(err, SPC_ERR_INTERRUPTED, "interrupted");
}

static spc_status run_batch(const spc_scenario *sc, const spc_scenario *const *each,
                            const spc_experiment_opts *opts, const spc_experiment_watch *watch,
                            spc_experiment *x, int raw, spc_error *err);

spc_status spc_experiment_run(const spc_scenario *sc, const spc_experiment_opts *opts,
                              spc_experiment *x, spc_error *err)
{
    return run_batch(sc, NULL, opts, NULL, x, 0, err);
}

spc_status spc_experiment_run_watched(const spc_scenario *sc, const spc_experiment_opts *opts,
                                      const spc_experiment_watch *watch, spc_experiment *x, spc_error *err)
{
    return run_batch(sc, NULL, opts, watch, x, 0, err);
}

spc_status spc_experiment_run_each(const spc_scenario *sc, const spc_scenario *const *each,
                                   const spc_experiment_opts *opts, spc_experiment *x, spc_error *err)
{
    return run_batch(sc, each, opts, NULL, x, 0, err);
}

spc_status spc_experiment_run_raw(const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                                  spc_error *err)
{
    return run_batch(sc, NULL, opts, NULL, x, 1, err);
}

/* The four above: each (a scenario per replication) and watch (a period
 * callback) may be NULL; raw: the replications are not combined. */
static spc_status run_batch(const spc_scenario *sc, const spc_scenario *const *each,
                            const spc_experiment_opts *opts, const spc_experiment_watch *watch,
                            spc_experiment *x, int raw, spc_error *err)
{
    unsigned n = opts->replications ? opts->replications : 1;
    if (spc_cost_check(sc, n, opts->force, err) != SPC_OK)
        return err->code;
    if (spc_experiment_alloc(x, n, err) != SPC_OK)
        return err->code;
    x->employees = opts->employees;
    unsigned jobs = opts->jobs ? opts->jobs : spc_experiment_cores();
    batch_t b = { .sc = sc, .each = each, .opts = opts, .x = x, .nunits = sc->units.count > 1 ? (unsigned)sc->units.count : 1,
                  .t0 = wall_now(), .watch = watch };
    spc_pool_work work = { &b, run_item, item_done };
    spc_status st = batch_init(&b, err);
    if (st == SPC_OK)
        st = spc_pool_run(jobs, n, b.nunits, &work, &x->jobs, err);
    for (unsigned i = 0; st == SPC_OK && i < n; i++)
        if (b.reps[i].err.code == SPC_ERR_INTERRUPTED)
            st = spc_error_set(err, SPC_ERR_INTERRUPTED, "interrupted");
        else if (b.reps[i].err.code != SPC_OK)
            st = spc_error_set(err, b.reps[i].err.code, "replication %u: %s", opts->first + i, b.reps[i].err.msg);
    if (st == SPC_ERR_INTERRUPTED && opts->keep_partial && b.reps != NULL) {
        spc_error_clear(err);
        keep_partial(x, b.reps, err);
    }
    batch_release(&b);
    x->wall_seconds = wall_now() - b.t0;
    if (st != SPC_OK || raw)
        return st;
    return spc_experiment_finish(x, err);
}

spc_status spc_experiment_finish(spc_experiment *x, spc_error *err)
{
    if (spc_experiment_combine(x->rep, x->n, &x->combined, err) != SPC_OK)
        return err->code;
    return spc_timeseries_combine(x->rep_ts, x->n, &x->combined_ts) == 0
               ? SPC_OK : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory combining time series");
}

void spc_experiment_block(size_t count, unsigned i, unsigned n, size_t *first, size_t *last)
{
    *first = count * (i - 1) / n;
    *last = count * i / n;
}

spc_status spc_experiment_combine(const spc_results *rep, unsigned n, spc_results *out, spc_error *err)
{
    if (n == 1) { /* the run's own batch-means intervals, with their verdicts */
        for (size_t i = 0; i < rep[0].n; i++) {
            const spc_result_row *row = &rep[0].rows[i];
            if (spc_results_add_checked(out, row->scope, row->metric, row->e, row->warn) != 0)
                return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        }
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
        spc_metricinfo_clip(spc_metricinfo_find(row->scope, row->metric), &e.lo, &e.hi); /* (B6) */
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
        if (x->rep_emp != NULL)
            spc_emplog_release(&x->rep_emp[i]);
    }
    free(x->rep);
    free(x->rep_ts);
    free(x->rep_panel);
    free(x->rep_emp);
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
    spc_emplog *emp = realloc(x->rep_emp, n * sizeof *emp);
    if (emp != NULL)
        x->rep_emp = emp;
    if (rep == NULL || ts == NULL || info == NULL || panel == NULL || emp == NULL)
        return -1;
    memcpy(x->rep + x->n, more->rep, more->n * sizeof *rep);
    memcpy(x->rep_ts + x->n, more->rep_ts, more->n * sizeof *ts);
    memcpy(x->info + x->n, more->info, more->n * sizeof *info);
    memcpy(x->rep_panel + x->n, more->rep_panel, more->n * sizeof *panel);
    memcpy(x->rep_emp + x->n, more->rep_emp, more->n * sizeof *emp);
    x->n = n;
    x->wall_seconds += more->wall_seconds;
    more->n = 0; /* the tables now belong to x */
    return 0;
}

int spc_precision_met(const spc_experiment *x, const spc_precision *t)
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
    while (!spc_precision_met(x, t) && x->n < t->max) {
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
