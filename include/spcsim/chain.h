/*
 * chain.h -- the service chain: stages with servers and queues, routing
 * between them, and the orders that flow through.
 *
 * An external order enters the entry stage. At each stage it waits in a
 * first-come-first-served queue (or is blocked and lost when a finite queue
 * is full), is served by one server for a time drawn from the stage's
 * service distribution, and is then routed to another stage or delivered.
 * Each stage's employees are the internal customers of the stages that
 * route to it.
 *
 * The chain schedules its own service completions on the calendar it is
 * given (kind SPC_EV_SERVICE_END, a = stage, b = server) and keeps the
 * per-stage and system statistics. It owns its streams and statistics.
 */
#ifndef SPCSIM_CHAIN_H
#define SPCSIM_CHAIN_H

#include <gsl/gsl_rng.h>

#include "spcsim/calendar.h"
#include "spcsim/error.h"
#include "spcsim/results.h"
#include "spcsim/scenario.h"

typedef struct spc_chain spc_chain;

spc_chain *spc_chain_alloc(const spc_scenario *sc, spc_calendar *cal, const gsl_rng_type *type,
                           unsigned replication, spc_error *err);
void spc_chain_free(spc_chain *ch);

/* An external order arrives at the entry stage at `now`. */
spc_status spc_chain_arrive(spc_chain *ch, double now, spc_error *err);

/* Server `server` of stage `stage` finishes its order at `now`. */
spc_status spc_chain_service_end(spc_chain *ch, double now, uint32_t stage, uint32_t server,
                                 spc_error *err);

/* (Re)starts all statistics: observe from t0 to t1 (the warm-up reset). */
void spc_chain_start_stats(spc_chain *ch, double t0, double t1);

/* Appends the per-stage and system metrics, observed up to t1. */
spc_status spc_chain_collect(spc_chain *ch, double t1, spc_results *out, spc_error *err);

#endif
