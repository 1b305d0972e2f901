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
 *
 * Servers are positions that may be staffed or vacant (the workforce
 * decides); without a workforce, the first `servers` positions are staffed.
 * A service may err: the order then carries a defect that a later stage may
 * catch (it goes back to the stage that caused it for rework) or that
 * escapes to the customer. Without hooks, nothing errs and service times
 * are the stage's draws: the chain is a plain queueing network.
 */
#ifndef SPCSIM_CHAIN_H
#define SPCSIM_CHAIN_H

#include <gsl/gsl_rng.h>

#include "spcsim/calendar.h"
#include "spcsim/error.h"
#include "spcsim/results.h"
#include "spcsim/scenario.h"
#include "spcsim/trace.h"

typedef struct spc_chain spc_chain;

/* What the workforce tells the chain, and hears from it. All optional. */
typedef struct {
    void *ctx;
    /* service time of an order that `server` of `stage` starts now; base is
     * the stage's draw (mean T0) */
    double (*service_time)(void *ctx, uint32_t stage, uint32_t server, double base, double now);
    /* probability that the service just completed is defective */
    double (*error_prob)(void *ctx, uint32_t stage, uint32_t server, double now);
    /* an order from stage `from` reached stage `to` after `sojourn` at
     * `from`; accurate = 0 when `to` caught a defect in it */
    void (*received)(void *ctx, uint32_t to, uint32_t from, double sojourn, int accurate, double now);
    /* the number of orders at `stage` (waiting or in service) changed */
    void (*backlog)(void *ctx, uint32_t stage, long in_stage, double now);
} spc_chain_hooks;

/* Orders placed by customers (customers.h): a purchase follows the
 * routing from the entry stage; an inquiry or an after-sale request is
 * served at its one stage and then leaves. */
enum { SPC_ORDER_PURCHASE = 0, SPC_ORDER_INQUIRY = 1, SPC_ORDER_AFTERSALE = 2 };

typedef enum { SPC_OUT_DELIVERED, SPC_OUT_ABANDONED, SPC_OUT_BALKED, SPC_OUT_BLOCKED } spc_order_outcome;

/* How a customer's order ended, for the customer who placed it. */
typedef struct {
    uint32_t customer, kind;
    uint64_t tag;           /* the customer's, as given to spc_chain_place */
    spc_order_outcome outcome;
    uint32_t escaped;       /* defects that reached the customer */
    uint32_t front_server;  /* position that served it at the front stage; UINT32_MAX if none */
    double placed, lead;    /* time placed; time in the system */
} spc_order_end;

typedef struct {
    void *ctx;
    spc_status (*order_end)(void *ctx, const spc_order_end *e, double now, spc_error *err);
} spc_chain_sink;

/* Counts since the start of the run (never reset), for period reports;
 * kept only when hooks are installed (waits, completions, busy area). */
typedef struct {
    double arrivals, completed, errors, caught, rework, lost;
    double wait_sum, waits;
    double busy_area, staffed_area; /* integrals over time */
} spc_stage_totals;

typedef struct {
    double arrived, delivered, escaped, lost, abandoned, balked, lead_sum;
} spc_system_totals;

spc_chain *spc_chain_alloc(const spc_scenario *sc, spc_calendar *cal, const gsl_rng_type *type,
                           uint64_t replication, spc_error *err);
void spc_chain_free(spc_chain *ch);

/* An external order arrives at the entry stage at `now`. */
spc_status spc_chain_arrive(spc_chain *ch, double now, spc_error *err);

/* Customer `customer` places an order of `kind` at `now`; `tag` comes back
 * with its end (the customers' generation of that slot). */
spc_status spc_chain_place(spc_chain *ch, double now, uint32_t customer, uint64_t tag, uint32_t kind,
                           spc_error *err);

/* The same, entering at `stage` (a contact's channel chose it); a purchase
 * is then routed from there as from the entry. */
spc_status spc_chain_place_at(spc_chain *ch, double now, uint32_t customer, uint64_t tag, uint32_t kind, int stage,
                              spc_error *err);

/* Where customers' orders report their end (NULL: nowhere). */
void spc_chain_set_sink(spc_chain *ch, const spc_chain_sink *sink);

/* Where the life of every order is logged (NULL: nowhere; trace.h). */
void spc_chain_set_trace(spc_chain *ch, spc_trace *tr);

/* Server `server` of stage `stage` finishes its order at `now`. */
spc_status spc_chain_service_end(spc_chain *ch, double now, uint32_t stage, uint32_t server,
                                 spc_error *err);

void spc_chain_set_hooks(spc_chain *ch, const spc_chain_hooks *hooks);

/* The number of positions of each stage (the most servers any state of the
 * scenario asks for). */
uint32_t spc_chain_positions(const spc_chain *ch, uint32_t stage);

/* Staffs or vacates a position. A vacated busy server finishes its order
 * first. A staffed idle server takes the next waiting order. */
spc_status spc_chain_set_staffed(spc_chain *ch, uint32_t stage, uint32_t server, int staffed,
                                 double now, spc_error *err);

/* Whether a position is staffed / busy; orders at a stage. */
int spc_chain_staffed(const spc_chain *ch, uint32_t stage, uint32_t server);
int spc_chain_busy(const spc_chain *ch, uint32_t stage, uint32_t server);
long spc_chain_in_stage(const spc_chain *ch, uint32_t stage);

/* Switches to another validated state of the scenario (an intervention):
 * service, routing and queue capacity; staffing too when `staff` is set
 * (no workforce: positions follow the servers setting at once). */
spc_status spc_chain_apply(spc_chain *ch, const spc_scenario *state, int staff, double now, spc_error *err);

void spc_chain_stage_totals(spc_chain *ch, uint32_t stage, double now, spc_stage_totals *out);
void spc_chain_system_totals(const spc_chain *ch, spc_system_totals *out);

/* An order waiting at `stage` runs out of patience and leaves, unserved. */
spc_status spc_chain_renege(spc_chain *ch, double now, uint32_t stage, uint32_t order, spc_error *err);

/* (Re)starts all statistics: observe from t0 to t1 (the warm-up reset). */
void spc_chain_start_stats(spc_chain *ch, double t0, double t1);

/* Appends the per-stage and system metrics, observed up to t1. */
spc_status spc_chain_collect(spc_chain *ch, double t1, spc_results *out, spc_error *err);

#endif
