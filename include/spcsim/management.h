/*
 * management.h -- management by level: the texts' three levels of customer
 * service (an activity, a measure of performance, a philosophy) as the
 * policies by which management steers one unit (docs/model.md 9.18).
 *
 *   activity    staffing and levers stay as the scenario (and its interventions)
 *               set them; management only records what it would see.
 *   measure     at the end of every period n management records the period's
 *               KPIs, measured: the mean lead time of the orders delivered, each
 *               stage's utilisation, the employee survey's ESAT with an error
 *               e ~ N(0, sigma_E), the customer survey's CSAT (already noisy):
 *                 x_seen(n) = x(n - d)                                       (MG1)
 *               At the end of every K-th period (n + 1 = 0 mod K) it reviews  (MG2)
 *               and acts by three rules, each with a step and bounds:
 *                 staffing: L_seen > L*: the busiest stage +step; else the least
 *                   busy stage -step if its U_seen < u_low;
 *                   max(1, floor(min c)) <= target <= ceil(max c)              (MG3)
 *                 pay:      E_seen < E*: +step; E_seen > E* + b_E: -step;
 *                   p_min <= pay <= p_max                                      (MG4)
 *                 training: C_seen < C*: +step; C_seen > C* + b_C: -step;
 *                   0 <= H <= min(H_max, 0.9 Hw)                               (MG5)
 *   philosophy  from time 0 recognition R_phi, training H_phi and the front line's
 *               empowerment to recover p0_phi (customers.recovery.base)        (MG6)
 *
 * How a decision reaches the model. Management keeps its changes as offsets
 * against the plan (the scenario, or the state of the last intervention):
 * a staffing offset per stage and offsets of pay, recognition, training
 * hours and recovery. The state in force is the plan with the offsets
 * added (and clamped to the rules' bounds), built as a new spc_scenario
 * that shares everything with the plan but its stages array, and switched
 * to exactly as an intervention's state is (spc_*_apply). This reuses the
 * one tested path by which staffing and levers change mid-run (targets,
 * recruiting with the hiring delay, layoffs, everyone brought up to date
 * under the old levers first), keeps the workforce free of a second kind
 * of lever, and composes with interventions: an intervention replaces the
 * plan, management's offsets stay. The states are owned here and freed
 * with the module (the other modules keep pointers into them).
 *
 * Draws: one normal per reporting period, from SPC_STREAM_MANAGEMENT, at
 * every level and whatever is decided, so runs that differ only in
 * management settings stay paired. Absent section: no module, no draw, no
 * row, no column.
 */
#ifndef SPCSIM_MANAGEMENT_H
#define SPCSIM_MANAGEMENT_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "spcsim/error.h"
#include "spcsim/results.h"
#include "spcsim/scenario.h"
#include "spcsim/timeseries.h"

typedef struct spc_management spc_management;

/* What there is to measure at the end of a period (the truth of the
 * period; the management module adds the survey's error and the delay). */
typedef struct {
    double lead;            /* mean lead time of the period's deliveries; NaN: none */
    double esat;            /* mean employee satisfaction; NaN: nobody */
    double csat;            /* CSAT of the period's survey; NaN: none */
    double headcount;       /* employees present at the end of the period */
    const spc_ts_row *stages; /* the period's stage rows: their utilisation (NaN: not staffed) */
} spc_mgmt_obs;

/* NULL with *err set when out of memory; sc must have management.enabled. */
spc_management *spc_management_alloc(const spc_scenario *sc, const gsl_rng_type *type, uint64_t key,
                                     spc_error *err);
void spc_management_free(spc_management *m);

/* The state management wants in force under `plan`: plan itself while no
 * offset differs from 0, else a state of its own (owned by m). NULL when
 * out of memory. */
const spc_scenario *spc_management_state(spc_management *m, const spc_scenario *plan, spc_error *err);

/* End of reporting period `period` (0-based) at `now`, under plan: records
 * what management sees (MG1), reviews and decides (MG2)-(MG5), writes the
 * period's "management" row and the staffing columns of the stage rows
 * ts->rows[stage_row0 .. stage_row0 + nstages - 1]. Returns 1 when the
 * offsets changed (switch to spc_management_state), 0 when not, -1 when
 * out of memory. */
int spc_management_report(spc_management *m, long period, double now, const spc_mgmt_obs *obs,
                          const spc_scenario *plan, spc_timeseries *ts, size_t stage_row0);

/* Warm-up: the summary counts from now on. */
void spc_management_start_stats(spc_management *m);

/* The "management" rows of summary.csv. Returns 0 or -1. */
int spc_management_collect(const spc_management *m, spc_results *out);

/* The chain's positions at stage i: the most servers any state of sc asks
 * for, or, with the measure level, the most the staffing rule may set. */
uint32_t spc_management_positions(const spc_scenario *sc, size_t i);

/* (MG3)'s bounds on a stage with c servers in the plan. */
int spc_management_staff_lo(const spc_management_spec *m, int c);
int spc_management_staff_hi(const spc_management_spec *m, int c);

#endif
