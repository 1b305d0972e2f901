/*
 * compare.h -- a base scenario against variants, with common random numbers.
 *
 * Every scenario runs the same replications (same seed, same replication
 * indices), so replication r of the base and of a variant share every
 * stream: differences come from the change, not from luck. For each metric
 * and variant, with d_r = variant_r - base_r over N replications:
 *
 *   difference    mean(d) with its Student-t 95% interval (N - 1 df)
 *   relative      mean(d) / mean(base), interval scaled the same way
 *                 (NaN when the base is 0); compare's outputs hold it
 *                 as not defined (written empty / "n/d") for a rate,
 *                 share or score, which is compared in points only
 *                 (metricinfo.h), and when the base's own 95% interval
 *                 over replications includes 0 (a ratio to a base that
 *                 may be 0 has no meaning)
 *   significant   the interval of the difference excludes 0
 *   CRN ratio     (Var(base) + Var(variant)) / Var(d): how many times
 *                 narrower (in variance) the paired comparison is than one
 *                 with independent streams would be; NaN (not defined)
 *                 with one replication and when the d_r are one number to
 *                 the 10 digits the CSV files write (their spread at most
 *                 10^-10 of the largest |value|: rounding, compare.c)
 *
 * Rows come in the order of comparison (spc_metricinfo_rank): for each
 * variant the chain's measures first (ESAT, CSAT, NPS, active customers,
 * revenue, profit), then the other metrics grouped by scope.
 */
#ifndef SPCSIM_COMPARE_H
#define SPCSIM_COMPARE_H

#include <stdio.h>

#include "spcsim/experiment.h"

typedef struct {
    char scope[64], metric[48];
    unsigned variant;           /* index into the variants */
    double base, value;         /* means over replications */
    spc_estimate base_ci;       /* the base's mean over replications with its interval */
    spc_estimate diff, rel;     /* rel: see spc_compare_rel_defined before showing it */
    int in_points;              /* a rate, share or score: compared as a difference only */
    int significant;
    double crn_ratio;
} spc_compare_row;

typedef struct {
    spc_compare_row *rows;
    size_t n, cap;
    unsigned replications;
} spc_compare;

/* Compares replication tables of the base (n tables) with those of each
 * variant (nv x n tables). Metrics missing from a variant are skipped. */
spc_status spc_compare_tables(const spc_results *base, const spc_results *const *variants, unsigned nv,
                              unsigned n, spc_compare *out, spc_error *err);
void spc_compare_release(spc_compare *c);

/* compare.csv; time_unit names the unit of times ("h"). */
void spc_compare_write_csv(FILE *f, const spc_compare *c, const char *const *names, const char *time_unit);

/* Whether the relative change of a row is defined (see above). */
int spc_compare_rel_defined(const spc_compare_row *r);

#endif
