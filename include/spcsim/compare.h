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
 *   significant   the interval of the difference excludes 0
 *   CRN ratio     (Var(base) + Var(variant)) / Var(d): how many times
 *                 narrower (in variance) the paired comparison is than one
 *                 with independent streams would be
 */
#ifndef SPCSIM_COMPARE_H
#define SPCSIM_COMPARE_H

#include <stdio.h>

#include "spcsim/experiment.h"

typedef struct {
    char scope[64], metric[48];
    unsigned variant;           /* index into the variants */
    double base, value;         /* means over replications */
    spc_estimate diff, rel;
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

/* compare.csv */
void spc_compare_write_csv(FILE *f, const spc_compare *c, const char *const *names);

#endif
