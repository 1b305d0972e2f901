/*
 * cost.h -- what a run will cost, estimated before anything is created.
 *
 * From the scenario alone: the rows of timeseries.csv (periods x scopes),
 * the rows held in memory (one time series per replication and the
 * combined one), the events of a replication (from the offered loads of the
 * traffic equations, the customers' purchases, the roll calls of
 * absenteeism and the quit candidates), the memory of a replication's employees and customers, and
 * whether the clock resolves the events at all: with an event every g time
 * units, a double clock near the horizon h must step by less than g.
 *
 * spc_cost_check compares the estimate with the documented limits
 * (docs/scenario-reference.md 10.9) and refuses, SPC_ERR_INVALID, a run
 * that exceeds one: unless `force`, except the clock, which no force helps.
 */
#ifndef SPCSIM_COST_H
#define SPCSIM_COST_H

#include "spcsim/error.h"
#include "spcsim/scenario.h"

#define SPC_COST_MAX_ROWS 1e7        /* rows of timeseries.csv */
#define SPC_COST_MAX_EVENTS 1e10     /* events over all replications */
#define SPC_COST_MAX_MEMORY 4e9      /* bytes */
#define SPC_COST_MIN_STEPS 1024.0    /* clock steps (ulps at the horizon) per mean event gap */

typedef struct {
    double periods;    /* reporting periods of a replication */
    double rows;       /* rows of timeseries.csv */
    double events;     /* expected events of one replication */
    double total_events; /* over all replications */
    double memory;     /* bytes: time series held, employees and customers of a replication */
    double steps;      /* clock steps per mean gap between events, at the horizon */
    double quit_share; /* of the events: the workforce's quit candidates */
} spc_cost;

/* The estimate for `replications` replications; SPC_ERR_INTERNAL when out of memory. */
spc_status spc_cost_estimate(const spc_scenario *sc, unsigned replications, spc_cost *c, spc_error *err);

/* SPC_OK when the run is within the limits (or force and only a forcible
 * limit is exceeded); else SPC_ERR_INVALID with "FILE: SETTING: the run would
 * ... (the limit is ...); ... or --force". */
spc_status spc_cost_check(const spc_scenario *sc, unsigned replications, int force, spc_error *err);

#endif
