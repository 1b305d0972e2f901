/*
 * chainprofit.h -- the chain study's profit in forms one can read: money
 * over the window and per year, per active customer and per employee, and
 * in % of a base that is named.
 *
 * Profit (finance/profit) is the sum of the observation window's periods
 * (model.md 10.2), so its size depends on the window's length L. Per
 * replication r, for the base (B) and the variant (V) alike:
 *
 *   (P1) per year              P_r · Y / L
 *   (P2) per active customer   P_r · Y / L / A_r   (A_r: customers/active, the
 *                                                   mean of the window's periods)
 *   (P3) per employee          P_r · Y / L / H_r   (H_r: company/headcount_mean)
 *
 * Y is one year (365 days) in time units; L runs from the end of the last
 * period at or before the warm-up's end to the end of the last period (the
 * base's finance rows of timeseries.csv). Each form's change is the paired
 * difference V_r - B_r over the N replications with its Student-t 95%
 * interval; its relative change is in % of the base's mean of the same
 * form, so "+0.5%" says "+0.5% of the base's profit per year over the
 * window", the same number as in % of the window's profit for (P1).
 */
#ifndef SPCSIM_CHAINPROFIT_H
#define SPCSIM_CHAINPROFIT_H

#include <stdio.h>

#include "spcsim/experiment.h"

typedef struct {
    const char *scope, *metric;     /* chain.csv's: window/money, year/money, year/per_active_customer, year/per_employee */
    double base, variant;           /* means over replications */
    spc_estimate diff, rel;         /* rel in % of base */
} spc_chainprofit_form;

typedef struct {
    double window_years;            /* L / Y */
    spc_chainprofit_form forms[4];
    size_t n;                       /* forms present (per customer and per employee need their measure) */
    unsigned replications;
} spc_chainprofit;

/* The forms from the n replications of base and variant, given the
 * warm-up's end and one year, both in time units. Errors: a base without
 * finance/profit or without finance rows after the warm-up (SPC_ERR_USAGE),
 * out of memory. */
spc_status spc_chainprofit_make(const spc_experiment *base, const spc_experiment *variant, double warmup,
                                double year, spc_chainprofit *p, spc_error *err);

/* The forms from plain numbers: per replication r < n the profits pb[r],
 * pv[r] over a window of `years`, the active customers ab, av and the
 * employees hb, hv (NULL: those forms left out). */
spc_status spc_chainprofit_from(const double *pb, const double *pv, const double *ab, const double *av,
                                const double *hb, const double *hv, unsigned n, double years,
                                spc_chainprofit *p, spc_error *err);

/* chain.csv's rows (no header; chainstudy.h's columns): `profit,window,years`
 * (the window's length in years in base and variant), then one
 * `profit,SCOPE,METRIC` row per form: base, variant, diff with its
 * interval, rel_pct (in % of that row's base) with its interval,
 * significant, n. */
void spc_chainprofit_write_csv(FILE *f, const spc_chainprofit *p);

#endif
