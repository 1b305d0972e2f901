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

/* arm_replications.csv. */
void spc_story_write_replications_csv(FILE *f, const spc_story_arm *arms, size_t narms);

#endif
