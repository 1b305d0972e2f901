/*
 * warmup.h -- choosing the warm-up: Welch's moving averages, and MSER-5.
 *
 * From N replications' time series of one column (by default the system's
 * mean lead time per period), the across-replication mean per period
 * Y_i (i = 1..m) is smoothed by Welch's centred moving average of window w:
 *
 *   Y_i(w) = sum_{s=-w}^{w} Y_{i+s} / (2w + 1)           for i = w+1 .. m-w
 *   Y_i(w) = sum_{s=-(i-1)}^{i-1} Y_{i+s} / (2i - 1)     for i = 1 .. w
 *
 * and plotted: the warm-up ends where the curve flattens (Welch 1983; Law,
 * Simulation Modeling and Analysis). As a suggestion, MSER-5 (White 1997)
 * batches Y in fives and picks the truncation d (in batches, at most half)
 * that minimises  sum_{j>d} (Z_j - mean_{j>d} Z)^2 / (k - d)^2.
 */
#ifndef SPCSIM_WARMUP_H
#define SPCSIM_WARMUP_H

#include <stdio.h>

#include "spcsim/error.h"
#include "spcsim/timeseries.h"

typedef struct {
    size_t m;            /* periods */
    double *time;        /* end of each period */
    double *mean;        /* across replications (NaN where none had a value) */
    double *moving;      /* Welch's moving average (NaN beyond m - w) */
    unsigned window, replications;
    double suggested;    /* MSER-5 warm-up, in time units */
} spc_warmup;

/* column: SPC_TS_*; scope: "system", a stage or "company". *out is
 * overwritten (release a previous result first) and is to be released with
 * spc_warmup_release, also after an error. */
spc_status spc_warmup_analyse(const spc_timeseries *rep, unsigned n, const char *scope, int column,
                              unsigned window, spc_warmup *out, spc_error *err);
void spc_warmup_release(spc_warmup *w);
/* warmup.csv: period,time,mean,moving_average */
void spc_warmup_write_csv(FILE *f, const spc_warmup *w);

#endif
