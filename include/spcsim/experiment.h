/*
 * experiment.h -- many replications of a scenario, on several threads, and
 * their combination into across-replication means and intervals.
 *
 * Every unit of every replication is one item of the pool of threads
 * (pool.h), so replications and the units of a company share the threads.
 * Unit k of replication r uses streams seeded from (seed, r, k, stream),
 * so it gives the same numbers whichever thread runs it and whatever else
 * runs beside it; a company is added up in unit order (company.h) and the
 * replications are combined in replication order, so the outputs are
 * byte-identical for any number of threads.
 *
 * Across replications a metric's mean is the mean of the N replication
 * means and its 95% interval the Student-t interval with N - 1 degrees of
 * freedom (GSL's t quantile). With N = 1 the run's own batch-means
 * interval is kept.
 */
#ifndef SPCSIM_EXPERIMENT_H
#define SPCSIM_EXPERIMENT_H

#include "spcsim/emplog.h"
#include "spcsim/error.h"
#include "spcsim/results.h"
#include "spcsim/run.h"
#include "spcsim/scenario.h"
#include "spcsim/timeseries.h"
#include "spcsim/trace.h"

typedef struct {
    unsigned replications;  /* N >= 1 */
    unsigned first;         /* index of the first replication (usually 0) */
    unsigned jobs;          /* threads in all (replications and units share them);
                               0: the machine's processors */
    int progress;           /* report progress on stderr */
    spc_trace *trace;       /* NULL, or where replication 0 is logged (trace.h) */
    const volatile sig_atomic_t *stop; /* NULL, or a flag the face's signal handler
                               sets: the runs stop soon (run.h), no replication
                               starts after it, and the experiment returns
                               SPC_ERR_INTERRUPTED */
    int keep_partial;       /* when stopped: keep the k replications 0 .. k-1 that
                               completed (x->n = k, combined over them) and
                               still return SPC_ERR_INTERRUPTED */
    int force;              /* 1: run beyond the cost limits of cost.h (--force) */
    int employees;          /* 1: keep one row per employee and year (emplog.h) */
} spc_experiment_opts;

typedef struct {
    unsigned n;
    spc_results *rep;        /* n tables, in replication order (a company's: its units added) */
    spc_timeseries *rep_ts;  /* n time series */
    spc_panel *rep_panel;    /* n panels (rows only with customers) */
    spc_emplog *rep_emp;     /* n employee logs (rows only with opts.employees and a workforce) */
    spc_run_info *info;      /* n */
    spc_results combined;    /* across replications */
    spc_timeseries combined_ts;
    int employees;           /* rep_emp was filled (opts.employees) */
    double wall_seconds;
    unsigned jobs;           /* threads actually used (at most replications x units) */
} spc_experiment;

/* Runs the replications; fills *out (release with spc_experiment_release,
 * also after an error). A run beyond the cost limits is refused first
 * (spc_cost_check, SPC_ERR_INVALID) unless opts->force. */
spc_status spc_experiment_run(const spc_scenario *sc, const spc_experiment_opts *opts,
                              spc_experiment *out, spc_error *err);
void spc_experiment_release(spc_experiment *x);

/* A unit's period callback (run.h), called from the pool's threads side
 * by side: it must look after its own locking. */
typedef struct {
    void (*fn)(void *ctx, const spc_run_request_info *who, const spc_timeseries *ts, size_t first);
    void *ctx;
} spc_experiment_watch;

/* spc_experiment_run, with watch->fn called at the end of every reporting
 * period of every unit (for a live view: spcsim serve); the outputs are
 * the same as without it. */
spc_status spc_experiment_run_watched(const spc_scenario *sc, const spc_experiment_opts *opts,
                                      const spc_experiment_watch *watch, spc_experiment *out, spc_error *err);

/* The same with a scenario per replication: replication i (of
 * opts->replications, counted from 0) runs each[i], which must have sc's
 * structure (its units, stages and measures; only numbers differ, as
 * when settings are drawn per replication: uncertain.h); sc decides the
 * cost check and the number of units. each NULL: spc_experiment_run. */
spc_status spc_experiment_run_each(const spc_scenario *sc, const spc_scenario *const *each,
                                   const spc_experiment_opts *opts, spc_experiment *x, spc_error *err);

/* Precision mode: runs opts->replications (at least 10), then adds as many again at a
 * time until the 95% half-width of (scope, metric) is at most `rel` times
 * its |mean|, or `max` replications have run. The stopping rule depends on
 * the results only, so the outcome is the same for any number of threads. */
typedef struct {
    const char *scope, *metric;
    double rel;
    unsigned max;
} spc_precision;

spc_status spc_experiment_run_precision(const spc_scenario *sc, const spc_experiment_opts *opts,
                                        const spc_precision *target, spc_experiment *out, spc_error *err);
/* Whether x's combined results meet the target (the rule above); 0 when
 * the metric has no interval. After a run that stopped at `max`, 0 says
 * the precision was not reached. */
int spc_precision_met(const spc_experiment *x, const spc_precision *target);

/* spc_experiment_run without the last step: the replications only,
 * x->combined and x->combined_ts left empty. For a part of a run (run
 * --part, an MPI rank), combined with the others' by spc_experiment_finish
 * once they are together. */
spc_status spc_experiment_run_raw(const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                                  spc_error *err);

/* An empty experiment of n replications (their tables empty), to be
 * filled from elsewhere (repdata.h); release with spc_experiment_release,
 * also after an error. */
spc_status spc_experiment_alloc(spc_experiment *x, unsigned n, spc_error *err);

/* Combines the replications of x into x->combined and x->combined_ts: the
 * last step of spc_experiment_run, also for replications run elsewhere and
 * read back (spcsim merge, MPI), so the outputs are the same by construction. */
spc_status spc_experiment_finish(spc_experiment *x, spc_error *err);

/* Part i of n (1-based) of `count` items: [first, last), contiguous, the
 * sizes differing by at most one (replications of a run split into parts
 * or over MPI ranks; the points of a sensitivity design). */
void spc_experiment_block(size_t count, unsigned i, unsigned n, size_t *first, size_t *last);

/* Combines n aligned result tables into across-replication estimates. */
spc_status spc_experiment_combine(const spc_results *rep, unsigned n, spc_results *out, spc_error *err);

/* The number of processors online (at least 1). */
unsigned spc_experiment_cores(void);

#endif
