/*
 * chainstudy.h -- the chain study: what raising employee satisfaction does
 * to customers and profit, measured by paired runs (spcsim chain).
 *
 * The variant is the base scenario in which, at the end of the warm-up, a
 * lever (a setting such as workforce.levers.recognition) takes a higher
 * value; everything else, streams included, is the base's (common random
 * numbers). For each measure of the chain the table gives the base and
 * variant means, the paired difference with its 95% interval and the
 * relative change, in the seeds' form (5% -> 1% -> 0.5%) and in points
 * (the published Sears form). For a company of units it also estimates the
 * chain's slopes across units by least squares (GSL), as Sears did across
 * its stores.
 */
#ifndef SPCSIM_CHAINSTUDY_H
#define SPCSIM_CHAINSTUDY_H

#include <stdio.h>

#include "spcsim/compare.h"
#include "spcsim/panel.h"
#include "spcsim/scenario.h"

/* The variant: a shallow copy of base whose interventions switch, at time
 * `at`, to the states of `on` (the scenario with the lever raised from the
 * start). Release with spc_chainstudy_variant_free, before base and on. */
spc_scenario *spc_chainstudy_variant(const spc_scenario *base, const spc_scenario *on, double at);
void spc_chainstudy_variant_free(spc_scenario *v);

typedef struct {
    const char *label, *scope, *metric;
    const char *points;     /* the published form's unit, e.g. "points"; NULL: none */
    int relative;           /* its relative change means something (a positive base):
                               0 for NPS and revenue growth, whose base can be near
                               zero or negative; the figure leaves those out */
} spc_chainstudy_measure;

/* ESAT, CSAT, customer impression, NPS, retention, churn, revenue, revenue growth, profit. */
extern const spc_chainstudy_measure spc_chainstudy_measures[];
extern const size_t spc_chainstudy_nmeasures;

/* The measure of scope/metric, or NULL. */
const spc_chainstudy_measure *spc_chainstudy_measure_find(const char *scope, const char *metric);

typedef struct {
    const spc_chainstudy_measure *m;
    double base, variant;
    spc_estimate diff, rel;     /* rel in % of the base */
    int significant;
} spc_chainstudy_row;

typedef struct {
    double slope, se, intercept;
    size_t n;
    const char *x, *y;
} spc_chainstudy_slope;

typedef struct {
    spc_chainstudy_row rows[16];
    size_t n;
    const char *lever;          /* the lever's path (not owned); NULL: unknown */
    double lever_base, lever_variant;
    unsigned replications;
    spc_chainstudy_slope slopes[3];
    size_t nslopes;
} spc_chainstudy_table;

/* The table from n replications of the base and of the variant. */
spc_status spc_chainstudy_table_make(const spc_results *base, const spc_results *variant, unsigned n,
                                spc_chainstudy_table *t, spc_error *err);

/* Slopes across units from the base's panels (periods after `from`):
 * impression on ESAT, revenue growth on impression, CSAT on ESAT. Each
 * unit's values are its means over the periods (growth: L4 on its revenue),
 * averaged over replications. Needs at least 3 units. */
spc_status spc_chainstudy_slopes(const spc_panel *reps, unsigned n, double from, spc_chainstudy_table *t, spc_error *err);

/* chain.csv: `kind,scope,metric,base,variant,diff,diff_ci95_low,
 * diff_ci95_high,rel_pct,rel_ci95_low,rel_ci95_high,significant,n`.
 * A `change` row per measure present (rel_* in % of the base, significant
 * `yes`/`no`, n replications); one `lever` row (scope: the lever's path,
 * metric `value`: base, variant, diff and rel_pct of the setting); a
 * `slope` row per slope across units (scope `units`, metric Y_on_X:
 * intercept in base, slope in diff with its 95% interval, n units).
 * chainprofit.h appends the `profit` rows and chaindecomp.h the
 * `pathway`, `pathway_removed` and `interaction` rows, in the same
 * columns (docs/model.md, section 12, lists every kind). */
void spc_chainstudy_write_csv(FILE *f, const spc_chainstudy_table *t);

/* The columns of a change after kind,scope,metric, the line ended:
 * ,base,variant,diff,lo,hi,rel_pct,lo,hi,significant,n. Every chain.csv
 * and chain_dose.csv row of a change is written by it. */
void spc_chainstudy_csv_change(FILE *f, double base, double variant, spc_estimate diff, spc_estimate rel,
                               int significant, unsigned n);

#endif
