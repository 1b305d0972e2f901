/*
 * customers.h -- the external customers of one unit: a population held in
 * compact arrays, whose purchases, pre-sale inquiries and after-sale
 * requests are the chain's orders.
 *
 * Each person of the unit's market is a prospect, an active customer or a
 * lost one. Active customers have a satisfaction U (0-10, the recommend
 * scale), an expected lead time E, a tenure and, with relationship service,
 * a regular front-line employee. New customers come from a base
 * acquisition process slowed by the detractor share, and from referrals
 * told by promoters. Every order or request that ends (delivered,
 * abandoned, balked or blocked) is an encounter that updates U and E, may
 * be surveyed, and decides whether the customer stays and when they buy
 * again. Every stock is updated at the customer's own events: there is no
 * loop over the population in the event loop.
 *
 * Equations: docs/model.md, "Customers" (C1)-(C12); customer_eq.h has them as
 * pure functions.
 */
#ifndef SPCSIM_CUSTOMERS_H
#define SPCSIM_CUSTOMERS_H

#include <gsl/gsl_rng.h>

#include "spcsim/calendar.h"
#include "spcsim/chain.h"
#include "spcsim/customer_eq.h"
#include "spcsim/error.h"
#include "spcsim/results.h"
#include "spcsim/pathways.h"
#include "spcsim/scenario.h"
#include "spcsim/timeseries.h"
#include "spcsim/trace.h"

typedef struct spc_customers spc_customers;

/* The front-line staff as customers see them (the workforce, through
 * run.c; all NULL without a workforce). */
typedef struct {
    void *ctx;
    /* who holds front position pos, and what the courtesy and recovery pathways read */
    void (*meet)(void *ctx, uint32_t pos, double now, spc_staff_view *v);
    /* employee id at pos served a customer whose satisfaction is now u */
    void (*mirror)(void *ctx, uint32_t pos, uint32_t id, double u, double now);
} spc_customer_staff;

/* Counts since the start of the run (never reset), for the ledger. */
typedef struct {
    double purchases;     /* purchases delivered */
    double services;      /* after-sale requests not caused by a defect */
    double claims;        /* after-sale requests caused by an escaped defect */
    double acquired;      /* customers acquired by the base process */
    double referred;      /* customers acquired by referral */
    double contacts;      /* money spent on announcements, updates and proactive contacts (TR, AC) */
    int contacts_on;      /* transparency or accessibility was on at some time */
    double channels;      /* money spent on contacts through channels (CH6) */
    int channels_on;      /* channels were on at some time */
} spc_customer_totals;

/* demand: the unit's local demand factor (1 for a single unit); context:
 * its shift of the encounter score's base s0 (U2; 0 for a single unit). */
spc_customers *spc_customers_alloc(const spc_scenario *sc, spc_chain *chain, spc_calendar *cal,
                                   const gsl_rng_type *type, uint64_t stream_key, double demand, double context,
                                   spc_error *err);
void spc_customers_free(spc_customers *c);

void spc_customers_set_staff(spc_customers *c, const spc_customer_staff *staff);

/* Where purchases, acquisitions, claims and encounters are logged (NULL: nowhere). */
void spc_customers_set_trace(spc_customers *c, spc_trace *tr);

/* The initial customers and the first acquisition candidate. */
spc_status spc_customers_start(spc_customers *c, spc_error *err);

/* Events SPC_EV_PURCHASE, SPC_EV_ACQUIRE, SPC_EV_CLAIM (a = customer, b = tag).
 * The calendar's PURCHASE events carry a = UINT32_MAX: the earliest of the
 * customers' own queue of pending purchases is due (purchase_queue.h). */
spc_status spc_customers_purchase(spc_customers *c, uint32_t id, uint64_t tag, double now, spc_error *err);
spc_status spc_customers_acquire(spc_customers *c, double now, spc_error *err);
spc_status spc_customers_claim(spc_customers *c, uint32_t id, uint64_t tag, double now, spc_error *err);

/* Event SPC_EV_CHANNEL (a = customer, b = tag): a held contact's channel opens (CH4). */
spc_status spc_customers_channel(spc_customers *c, uint32_t id, uint64_t tag, double now, spc_error *err);

/* An order of a customer ended (the chain's sink). */
spc_status spc_customers_order_end(spc_customers *c, const spc_order_end *e, double now, spc_error *err);

/* An intervention: another validated state of the scenario (restarts the
 * acquisition process if it was off). */
spc_status spc_customers_apply(spc_customers *c, const spc_scenario *state, double now, spc_error *err);

void spc_customers_totals(const spc_customers *c, spc_customer_totals *out);

/* End of a period: fills the `customers` columns of row r (esat: the
 * employee census, NaN without a workforce) and starts a new period. */
void spc_customers_report(spc_customers *c, double now, double esat, spc_ts_row *r);

/* Purchases delivered in the current period (before spc_customers_report
 * starts a new one): the scorecard's output (SC5). */
double spc_customers_delivered(const spc_customers *c);

/* Warm-up: restart the summary statistics. */
void spc_customers_start_stats(spc_customers *c, double now);

/* Appends the summary metrics (scope "customers"). */
spc_status spc_customers_collect(spc_customers *c, double now, spc_results *out, spc_error *err);

#endif
