/*
 * results.h -- a run's results as a tidy table of (scope, metric, estimate).
 *
 * scope is "system" or a stage's name; metric is a fixed snake_case name
 * such as "wait_mean". Rows keep the order in which they were added, which
 * is the order of the output files. The table owns its rows.
 *
 * warn says whether a batch-means interval can be trusted (stats.h, B5):
 * set by the model for the rows it checks, SPC_BATCH_OK for every other
 * row and for intervals over replications (independent by construction).
 */
#ifndef SPCSIM_RESULTS_H
#define SPCSIM_RESULTS_H

#include <stddef.h>

#include "spcsim/stats.h"

typedef struct {
    char scope[64];
    char metric[48];
    spc_estimate e;
    spc_batch_verdict warn;
} spc_result_row;

typedef struct {
    spc_result_row *rows;
    size_t n, cap;
} spc_results;

void spc_results_init(spc_results *r);
void spc_results_release(spc_results *r);
/* Returns 0, or -1 when out of memory. */
int spc_results_add(spc_results *r, const char *scope, const char *metric, spc_estimate e);
/* The same, with the verdict on the batches behind e's interval. */
int spc_results_add_checked(spc_results *r, const char *scope, const char *metric, spc_estimate e,
                            spc_batch_verdict warn);
/* NULL if absent. */
const spc_result_row *spc_results_find(const spc_results *r, const char *scope, const char *metric);

/* The mean of scope/metric in each of n tables into x[0..n); 0 when a
 * table lacks it or its mean is not finite, else 1. */
int spc_results_values(const spc_results *tables, unsigned n, const char *scope, const char *metric, double *x);

#endif
