/*
 * company.h -- a company of units, combined: the results and period rows of
 * each unit are added up as they come, then turned into the company's.
 *
 * Counts and money (orders, quits, customers, revenue, costs...) are summed
 * over units; levels and rates (satisfaction, waits, CSAT, NPS...) are
 * averaged over the units that have them: the average unit. Margin and
 * revenue growth are recomputed from the company's sums.
 */
#ifndef SPCSIM_COMPANY_H
#define SPCSIM_COMPANY_H

#include "spcsim/results.h"
#include "spcsim/scenario.h"
#include "spcsim/timeseries.h"

typedef struct {
    size_t nunits;
    spc_results res;
    double *res_cnt;        /* finite values added, per row */
    spc_timeseries ts;
    double *ts_cnt;         /* per row and column */
} spc_company_acc;

void spc_company_acc_init(spc_company_acc *a);
void spc_company_acc_release(spc_company_acc *a);

/* Adds one unit; -1 when out of memory or when its rows do not align with
 * the first unit's. t may be NULL only if it is NULL for every unit. */
int spc_company_acc_add(spc_company_acc *a, const spc_results *r, const spc_timeseries *t);

/* Appends the company's results to *out and, if ts is not NULL, its rows. */
int spc_company_acc_finish(spc_company_acc *a, const spc_scenario *sc, spc_results *out, spc_timeseries *ts);

#endif
