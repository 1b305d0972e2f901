/*
 * finance.h -- the ledger of one unit: revenue and costs per period, in
 * whole cents, so that profit = revenue - costs holds exactly.
 *
 * The ledger does not watch events: at the end of each period it reads the
 * totals the other modules keep since the start of the run (customers'
 * purchases and requests, the workforce's wages and hires, the chain's
 * rework), prices the differences since the last close with the finance
 * settings in force, and rounds each line to cents. Equations:
 * docs/model.md, "Finance" (L1)-(L4).
 */
#ifndef SPCSIM_FINANCE_H
#define SPCSIM_FINANCE_H

#include <stdint.h>

#include "spcsim/customers.h"
#include "spcsim/error.h"
#include "spcsim/results.h"
#include "spcsim/scenario.h"
#include "spcsim/timeseries.h"
#include "spcsim/workforce.h"

enum spc_ledger_line {
    SPC_L_REV_ORDERS, SPC_L_REV_SERVICES,            /* revenue */
    SPC_L_COGS, SPC_L_WAGES, SPC_L_OVERTIME, SPC_L_HIRING, SPC_L_TURNOVER, SPC_L_REWORK,
    SPC_L_REFUNDS, SPC_L_ACQUISITION, SPC_L_PROGRAMMES, SPC_L_FIXED,   /* costs */
    SPC_L_CONTACTS,    /* announcements, updates, proactive contacts (TR, AC): 0 when off */
    SPC_L_CHANNELS,    /* contacts taken by the channels (CH6): 0 when off */
    SPC_L_NLINES
};
#define SPC_L_NREVENUE 2

/* One period's lines, in cents; revenue, costs and profit derived exactly. */
typedef struct {
    int64_t line[SPC_L_NLINES];
    int64_t revenue, costs, profit;
} spc_ledger_period;

/* The cumulative inputs the ledger prices. */
typedef struct {
    double time;
    spc_customer_totals cust;
    spc_wf_money wf;        /* zero without a workforce */
    double rework;          /* rework services, all stages */
    double year;            /* one year in time units */
} spc_ledger_inputs;

typedef struct {
    const spc_finance_spec *spec;
    spc_ledger_inputs last;  /* at the last close */
    double t_stats;          /* start of the observation window */
    spc_ledger_period window;/* sums since then */
    double *revenue;         /* revenue of each period in the window (growth) */
    size_t nrev, caprev;
    int contacts_on;         /* contacts were priced (transparency or accessibility on) */
    int channels_on;         /* channels were priced (CH6) */
} spc_ledger;

void spc_ledger_init(spc_ledger *l, const spc_finance_spec *spec);
void spc_ledger_release(spc_ledger *l);
void spc_ledger_apply(spc_ledger *l, const spc_finance_spec *spec);

/* (L1)-(L3): closes the period ending at in->time. Returns 0, or -1 when
 * out of memory. */
int spc_ledger_close(spc_ledger *l, const spc_ledger_inputs *in, spc_ledger_period *out);

/* Fills the finance columns of a time-series row. */
void spc_ledger_fill(const spc_ledger_period *p, const spc_ledger *l, spc_ts_row *r);

void spc_ledger_start_stats(spc_ledger *l, double now);

/* Appends the summary (scope "finance"): totals over the window, margin,
 * and revenue growth (L4). */
spc_status spc_ledger_collect(const spc_ledger *l, spc_results *out, spc_error *err);

/* (L4): % growth of revenue from the first to the second half of the
 * periods; NaN with fewer than two periods or no first-half revenue. */
double spc_ledger_growth(const double *revenue, size_t n);

#endif
