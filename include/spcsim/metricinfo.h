/*
 * metricinfo.h -- what each metric of the outputs measures: one table, one
 * declaration per (scope, metric) pattern, from which the files' unit
 * columns, the bounded intervals, the comparisons' order and the reports'
 * labels all follow.
 *
 * A pattern's scope is a fixed scope ("system", "company", "customers",
 * "finance", "standards", "management") or "*": any other scope, i.e. a
 * stage (or a unit) of the scenario. A metric is found by its exact scope
 * first, then by "*". The same table serves summary.csv and
 * timeseries.csv, whose names partly differ (`headcount_mean` against
 * `headcount`): both are declared.
 *
 * kind says how two values are compared (model.md 7a):
 *   LEVEL, COUNT, MONEY   as a difference and a relative change;
 *   RATE                  a rate, share or score (CSAT %, NPS, growth,
 *                         margin, turnover per year, utilisation, ESAT
 *                         points): as a difference in points only.
 *
 * flow marks a quantity that accumulates over time (orders, quits, money):
 * summary.csv holds its total over the observation window, timeseries.csv
 * its amount per period; the unit says which.
 *
 * lo, hi bound the quantity (−INFINITY, INFINITY for none): a mean of
 * values within the bounds lies within them, and so does its interval
 * (spc_metricinfo_clip).
 */
#ifndef SPCSIM_METRICINFO_H
#define SPCSIM_METRICINFO_H

#include <stddef.h>

typedef enum { SPC_MK_LEVEL, SPC_MK_COUNT, SPC_MK_RATE, SPC_MK_MONEY } spc_metric_kind;

/* Links of the service-profit chain, in the order comparisons lead with. */
enum { SPC_LINK_NONE = 0, SPC_LINK_ESAT, SPC_LINK_CSAT, SPC_LINK_NPS, SPC_LINK_ACTIVE, SPC_LINK_REVENUE,
       SPC_LINK_PROFIT, SPC_LINK_COUNT };

typedef struct {
    const char *scope;   /* a scope, or "*" for a stage */
    const char *metric;
    const char *label;   /* readable, for tables and figures */
    const char *unit;    /* "{t}" stands for the scenario's time unit */
    spc_metric_kind kind;
    int flow;            /* a total in summary.csv, per period in timeseries.csv */
    double lo, hi;       /* bounds of the quantity */
    int link;            /* SPC_LINK_*, or SPC_LINK_NONE */
} spc_metric_info;

/* Where a unit is written: per period (timeseries) or over the window (summary). */
typedef enum { SPC_MI_SUMMARY, SPC_MI_PERIOD } spc_metric_where;

/* The declaration of scope/metric; NULL when the table has none. */
const spc_metric_info *spc_metricinfo_find(const char *scope, const char *metric);

/* The unit of `info` with the time unit put in, and " per period" or
 * " in the window" after a flow: "orders in the window", "h", "% points".
 * Writes "" for NULL info. Returns buf. */
const char *spc_metricinfo_unit(const spc_metric_info *info, spc_metric_where where, const char *time_unit,
                                char *buf, size_t size);

/* Narrows [*lo, *hi] to the quantity's bounds (NaN stays NaN): the
 * truncated t interval of model.md (B6). NULL info changes nothing. */
void spc_metricinfo_clip(const spc_metric_info *info, double *lo, double *hi);

/* Order of comparison: the chain's links first (ESAT ... profit), then the
 * other metrics grouped by scope (customers, finance, company, standards,
 * management, system, then the stages in their order of appearance,
 * which the caller keeps by sorting stably). */
int spc_metricinfo_rank(const char *scope, const char *metric);

/* Whether a difference of this metric is read in points (a RATE). */
int spc_metricinfo_in_points(const spc_metric_info *info);

/* The table itself, for tests: n entries. */
const spc_metric_info *spc_metricinfo_table(size_t *n);

#endif
