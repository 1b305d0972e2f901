/*
 * chaintime.h -- the chain study over time: the paired change of each
 * chain measure in every reporting period (spcsim chain's
 * chain_periods.csv), so that a delayed effect shows when it comes.
 *
 * Base and variant run the same replications (common random numbers) and
 * the variant differs from the base only from the intervention at the end
 * of the warm-up on (chainstudy.h). For period p and measure m the change
 * is, over the N replications r,
 *
 *   d_r(p) = variant_r(p) - base_r(p),   diff(p) = mean of d_r(p),
 *
 * with the Student-t 95% interval of that mean (N - 1 degrees of freedom;
 * none for N = 1). The values are those of timeseries.csv (timeseries.h):
 * per-period means or counts of the period that ends at `time`. Periods
 * that end at or before the intervention are kept: their changes are 0
 * exactly, which the tests check, and the figure shows where the effect
 * starts.
 */
#ifndef SPCSIM_CHAINTIME_H
#define SPCSIM_CHAINTIME_H

#include <stdio.h>

#include "spcsim/error.h"
#include "spcsim/stats.h"
#include "spcsim/timeseries.h"

typedef struct {
    const char *label, *scope, *metric; /* metric: timeseries.csv's column name */
    int column;                         /* SPC_TS_* */
} spc_chaintime_measure;

/* ESAT, CSAT, impression, NPS, retention, active customers, errors,
 * productivity, revenue, costs, profit. */
extern const spc_chaintime_measure spc_chaintime_measures[];
extern const size_t spc_chaintime_nmeasures;

typedef struct {
    long period;
    double time;                        /* the period's end, in the scenario's time unit */
    const spc_chaintime_measure *m;
    double base, variant;               /* means over the replications */
    spc_estimate diff;                  /* variant - base, paired; n replications */
} spc_chaintime_row;

typedef struct {
    spc_chaintime_row *rows;            /* by period, then measure (the table's order) */
    size_t n;
    double at;                          /* the intervention's time */
    const char *time_unit;              /* the scenario's (not owned); NULL: none written */
    unsigned replications;
} spc_chaintime;

/* The table from n replications' time series of the base and of the
 * variant, intervention at `at`. A measure whose scope is absent is left
 * out; a period where either arm has no value (NaN) gets NaN. Release with
 * spc_chaintime_release (also after an error). SPC_ERR_INTERNAL when out
 * of memory or when the two arms' rows do not align. */
spc_status spc_chaintime_make(const spc_timeseries *base, const spc_timeseries *variant, unsigned n, double at,
                              spc_chaintime *t, spc_error *err);
void spc_chaintime_release(spc_chaintime *t);

/* chain_periods.csv: `period,time,time_unit,after,scope,metric,base,
 * variant,diff,diff_ci95_low,diff_ci95_high,n`, one row per period and
 * measure; after is 1 for the periods that end after the intervention,
 * else 0. */
void spc_chaintime_write_csv(FILE *f, const spc_chaintime *t);

#endif
