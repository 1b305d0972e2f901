/*
 * run.h -- one replication of a scenario, from the first event to the horizon.
 *
 * The run context owns everything one replication needs (calendar, streams,
 * the chain and its statistics), so replications share nothing but the
 * read-only scenario and can run on threads side by side.
 */
#ifndef SPCSIM_RUN_H
#define SPCSIM_RUN_H

#include <stdint.h>

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

/* Runs replication `replication` of sc and appends its metrics to *out,
 * and, when ts is not NULL, its period rows to *ts (a `system` row per
 * period; with a workforce also each stage's and the company's). Returns
 * SPC_OK, or an error with *err filled. */
spc_status spc_run_execute(const spc_scenario *sc, unsigned replication, spc_results *out,
                           spc_timeseries *ts, spc_run_info *info, spc_error *err);

/* The same, and with customers also one row per unit and period in *panel
 * (when not NULL). A scenario with several units runs them one after the
 * other, each with its own streams; *out and *ts then hold the company:
 * counts and money summed over units, other values averaged (company.h).
 * trace: when not NULL, every event of the run (of unit 0 with several
 * units) is logged there (trace.h); the results are the same either way. */
spc_status spc_run_execute_panel(const spc_scenario *sc, unsigned replication, spc_results *out,
                                 spc_timeseries *ts, spc_panel *panel, spc_trace *trace, spc_run_info *info,
                                 spc_error *err);

/* The same, running the units of a company on up to `jobs` threads; the
 * company is combined in unit order, so the outputs do not depend on jobs. */
spc_status spc_run_execute_units(const spc_scenario *sc, unsigned replication, unsigned jobs, spc_results *out,
                                 spc_timeseries *ts, spc_panel *panel, spc_trace *trace, spc_run_info *info,
                                 spc_error *err);

#endif
