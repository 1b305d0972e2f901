/*
 * story.h -- the data behind the story figure: the service-profit chain's
 * measures over time for one or more arms (the base and each variant of a
 * comparison, or the one run of a scenario with interventions), on one
 * time axis in weeks, with the warm-up and the decision time.
 *
 * story.csv, one line per arm, period and measure with a value:
 *   arm,period,weeks,metric,label,unit,mean,ci95_low,ci95_high,warmup_weeks,decision_weeks
 * metric is one of esat, csat, active, profit (customers/esat,
 * customers/csat, customers/active, finance/profit: the story's order);
 * decision_weeks is empty when no arm changes at a decision time (a level
 * set from the start).
 *
 * arm_replications.csv (compare): each arm's replication values of the
 * chain's six measures, for the report's distributions:
 *   arm,replication,scope,metric,value
 */
#ifndef SPCSIM_STORY_H
#define SPCSIM_STORY_H

#include <stddef.h>
#include <stdio.h>

#include "spcsim/csvtable.h"
#include "spcsim/results.h"
#include "spcsim/timeseries.h"

#define SPC_STORY_MEASURES 4

typedef struct {
    const char *name;              /* the arm's name in the files */
    const spc_timeseries *ts;      /* combined over replications */
    const spc_results *rep;        /* n replication tables (arm_replications.csv), or NULL */
    unsigned n;
} spc_story_arm;

/* Whether ts holds any of the story's measures (a scenario with customers). */
int spc_story_has(const spc_timeseries *ts);

/* story.csv; unit_seconds: seconds in the scenario's time unit; warmup and
 * decision in that unit (decision NaN: none). */
void spc_story_write_csv(FILE *f, const spc_story_arm *arms, size_t narms, double unit_seconds, double warmup,
                         double decision);

/* The measures whose replication values the report shows, in order: the
 * chain's six, then (for a scenario without customers) the workforce's
 * and the flow's. i from 0; returns 0 past the end. A folder shows the
 * first SPC_STORY_NDIST of them that it has. */
#define SPC_STORY_NDIST 6
int spc_story_dist_measure(size_t i, const char **scope, const char **metric);

/* Reading them back (the figures and the report): t is arm_replications.csv,
 * or replications.csv (no arm column: one arm, named ""). */
/* The arms in order of appearance (pointers into t), at most max. */
size_t spc_story_arms(const spc_csvtable *t, const char **arm, size_t max);
/* The finite values of arm's scope/metric into x (at most max); their count. */
size_t spc_story_values(const spc_csvtable *t, const char *arm, const char *scope, const char *metric, double *x,
                        size_t max);

/* arm_replications.csv. */
void spc_story_write_replications_csv(FILE *f, const spc_story_arm *arms, size_t narms);

#endif
