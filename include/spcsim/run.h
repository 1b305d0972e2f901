/*
 * run.h -- one unit of one replication of a scenario, from the first event to
 * the horizon: the model's one entry point.
 *
 * The run context owns everything one run needs (calendar, streams, the
 * chain and its statistics), so runs share nothing but the read-only
 * scenario and the experiment floor can run them on threads side by side.
 */
#ifndef SPCSIM_RUN_H
#define SPCSIM_RUN_H

#include <signal.h> /* sig_atomic_t only: the model handles no signals */
#include <stdint.h>

#include "spcsim/emplog.h"
#include "spcsim/error.h"
#include "spcsim/panel.h"
#include "spcsim/results.h"
#include "spcsim/scenario.h"
#include "spcsim/timeseries.h"
#include "spcsim/trace.h"

typedef struct {
    uint64_t events;   /* events processed, warm-up included */
    double end_time;   /* simulated time reached */
} spc_run_info;

/* Which run a period callback comes from. */
typedef struct {
    unsigned replication, unit;
    long period;           /* the period just reported, from 0 */
    double time;           /* its end, in time units */
} spc_run_request_info;

/* What to run and where its outputs go. Only `out` is required; a NULL
 * output is not kept (the run is the same either way). */
typedef struct {
    unsigned replication;  /* its streams are seeded from (seed, replication, unit) */
    unsigned unit;         /* which unit of a company: 0 .. units.count - 1; 0 for a single unit */
    spc_results *out;      /* the unit's metrics are appended */
    spc_timeseries *ts;    /* period rows appended: a `system` row per period; with a
                              workforce each stage's and the company's; with customers
                              the `customers` and `finance` rows */
    spc_panel *panel;      /* with customers, one row per period, tagged with the unit */
    spc_emplog *employees; /* with a workforce, one row per employee and year (emplog.h) */
    spc_trace *trace;      /* every event of the run is logged there (trace.h) */
    spc_run_info *info;    /* set to the run's events and end time */
    const volatile sig_atomic_t *stop; /* NULL, or a flag (set by the face's signal
                              handler): when nonzero the run stops within 4096
                              events with SPC_ERR_INTERRUPTED */
    void (*on_period)(void *ctx, const spc_run_request_info *who, const spc_timeseries *ts, size_t first);
                           /* NULL, or called on the run's thread at the end of every
                              reporting period, after its rows ts->rows[first .. ts->n)
                              are complete (ts is req->ts, or the run's own); it may not
                              change them. For a live view (spcsim serve); the run and its
                              outputs are the same with or without it */
    void *period_ctx;
    int check_sums;        /* tests: at every period end, the workforce's kept sums are
                              checked against a recomputation (spc_workforce_check_sums);
                              a mismatch ends the run with SPC_ERR_INTERNAL */
} spc_run_request;

/* Runs one unit of one replication of sc, from the first event to the
 * horizon, on the caller's thread: the model owns no threads. A company
 * (units.count > 1) is its units run one by one, each with its own
 * streams and the traits the scenario's seed draws for it (docs/model.md,
 * (U1)); adding them into the company, and running many on threads, is
 * the experiment floor's (experiment.h, company.h). Returns SPC_OK, or an
 * error with *err filled. */
spc_status spc_run_execute(const spc_scenario *sc, const spc_run_request *req, spc_error *err);

#endif
