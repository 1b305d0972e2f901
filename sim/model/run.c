/*
 * run.c -- the run context and the event loop.
 *
 * The loop pops the earliest event, advances the clock to it and hands it
 * to the module that owns its kind. Events at equal times come out in the
 * order they were scheduled. At the warm-up time all statistics restart;
 * at the horizon the loop stops and the modules report.
 *
 * Tracing: run->trace is NULL unless this run is traced; set-up hands it
 * to the modules, which log what each event changes, and the run logs its
 * own events (reports, interventions, warm-up, end).
 */
#include "spcsim/run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>
#include <gsl/gsl_randist.h>

#include "spcsim/absence.h"
#include "spcsim/arrivals.h"
#include "spcsim/calendar.h"
#include "spcsim/chain.h"
#include "spcsim/customers.h"
#include "spcsim/events.h"
#include "spcsim/finance.h"
#include "spcsim/management.h"
#include "spcsim/rng.h"
#include "spcsim/trace.h"
#include "spcsim/workforce.h"

/* A run whose clock has not moved for this many events is declared stuck. */
#define SPC_RUN_MAX_STUCK 10000000u

/* One unit's traits (zero and 1 for a single unit). */
typedef struct {
    uint32_t index;
    spc_unit_traits wf;
    double demand;
    double context;     /* shift of customers' base score (U2) */
} unit_t;

typedef struct {
    const spc_scenario *sc;
    const spc_scenario *state;  /* the plan: the scenario, or the last intervention's state
                                 * (in force unless management changed it: management.h) */
    const unit_t *unit;
    uint64_t key;               /* stream key: (replication, unit) */
    double now;
    uint64_t events;
    spc_calendar *cal;
    spc_arrivals arrivals;
    spc_chain *chain;
    spc_workforce *workforce;   /* NULL without a workforce section */
    spc_customers *customers;   /* NULL without a customers section */
    spc_management *management; /* NULL without a management section */
    spc_ledger ledger;          /* used with customers */
    spc_chain_sink sink;
    spc_customer_staff staff;
    spc_timeseries *ts;         /* NULL: period rows are not kept */
    spc_timeseries own_ts;
    spc_panel *panel;           /* NULL: not kept */
    spc_emplog *employees;      /* NULL: not kept */
    double next_report;         /* time of the pending report */
    long period;                /* index of the next report */
    spc_system_totals prev;     /* the chain's totals at the last report */
    spc_error *err;
    spc_trace *trace;           /* NULL: not traced */
    const volatile sig_atomic_t *stop; /* NULL, or the caller's stop flag (run.h) */
    const spc_run_request *req; /* for its on_period callback */
    double sc_delivered, sc_hours, sc_errors; /* the scorecard's (SC5) sums since the warm-up */
} spc_run;

static inline __attribute__((always_inline)) spc_status schedule(spc_run *run, double t, uint32_t kind)
{
    if (t > run->sc->horizon)
        return SPC_OK;
    if (spc_calendar_push_fixed(run->cal, t, kind, 0, 0) == 0)
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return SPC_OK;
}

/* ---- the glue between customers, chain and workforce ---- */

static spc_status sink_order_end(void *ctx, const spc_order_end *e, double now, spc_error *err)
{
    spc_run *run = ctx;
    return spc_customers_order_end(run->customers, e, now, err);
}

static void staff_meet(void *ctx, uint32_t pos, double now, spc_staff_view *v)
{
    spc_run *run = ctx;
    spc_workforce_meet(run->workforce, (uint32_t)run->sc->customers.front, pos, now, v);
}

static void staff_mirror(void *ctx, uint32_t pos, uint32_t id, double u, double now)
{
    spc_run *run = ctx;
    spc_workforce_mirror(run->workforce, (uint32_t)run->sc->customers.front, pos, id, u, now);
}

static spc_status setup_customers(spc_run *run, const gsl_rng_type *type)
{
    const spc_scenario *sc = run->sc;
    run->customers = spc_customers_alloc(sc, run->chain, run->cal, type, run->key, run->unit->demand,
                                        run->unit->context, run->err);
    if (run->customers == NULL)
        return run->err->code;
    spc_ledger_init(&run->ledger, &sc->finance);
    run->sink = (spc_chain_sink){ run, sink_order_end };
    spc_chain_set_sink(run->chain, &run->sink);
    if (run->workforce != NULL) {
        run->staff = (spc_customer_staff){ run, staff_meet, staff_mirror };
        spc_customers_set_staff(run->customers, &run->staff);
    }
    return spc_customers_start(run->customers, run->err);
}

/* ---- trace ---- */

/* Hands the tracer to the modules that log what changed. */
static void trace_setup(spc_run *run)
{
    spc_chain_set_trace(run->chain, run->trace);
    if (run->workforce != NULL)
        spc_workforce_set_trace(run->workforce, run->trace);
    if (run->customers != NULL)
        spc_customers_set_trace(run->customers, run->trace);
}

/* The run's own events; only with run->trace set. */
static void trace_run_event(const spc_run *run, const spc_event *ev)
{
    static const spc_trace_kind kinds[] = { [SPC_EV_WARMUP] = SPC_TR_WARMUP, [SPC_EV_END] = SPC_TR_END,
                                            [SPC_EV_INTERVENTION] = SPC_TR_INTERVENTION };
    spc_trace_kind k = kinds[ev->kind];
    if (!spc_trace_wants(run->trace, k, run->now))
        return;
    if (ev->kind == SPC_EV_WARMUP)
        spc_trace_line(run->trace, run->now, k, "run", "warm-up over: statistics restart");
    else if (ev->kind == SPC_EV_END)
        spc_trace_line(run->trace, run->now, k, "run", "horizon reached after %llu events",
                       (unsigned long long)run->events);
    else
        spc_trace_line(run->trace, run->now, k, "run", "intervention %u takes effect", ev->a + 1);
}

static void trace_report(const spc_run *run, double done, double escaped, double lead)
{
    if (!spc_trace_wants(run->trace, SPC_TR_REPORT, run->now))
        return;
    char who[32];
    snprintf(who, sizeof who, "period %ld", run->period + 1);
    if (done > 0)
        spc_trace_line(run->trace, run->now, SPC_TR_REPORT, who, "report: %.0f delivered, %.0f with a defect, "
                       "mean lead time %.4g %s", done, escaped, lead, run->sc->time_unit);
    else
        spc_trace_line(run->trace, run->now, SPC_TR_REPORT, who, "report: nothing delivered");
}

static spc_status switch_to(spc_run *run, const spc_scenario *state);

/* Management (management.h): at the philosophy level its levers are in
 * force from time 0, as if an intervention at 0 set them. */
static spc_status setup_management(spc_run *run, const gsl_rng_type *type)
{
    run->management = spc_management_alloc(run->sc, type, run->key, run->err);
    if (run->management == NULL)
        return run->err->code;
    const spc_scenario *s = spc_management_state(run->management, run->sc, run->err);
    if (s == NULL)
        return run->err->code;
    return s == run->sc ? SPC_OK : switch_to(run, s);
}

static spc_status run_setup(spc_run *run)
{
    const spc_scenario *sc = run->sc;
    const gsl_rng_type *type = spc_rng_type_find(sc->generator);
    if (type == NULL)
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "unknown generator %s", sc->generator);
    run->cal = spc_calendar_alloc(256);
    if (run->cal == NULL || spc_arrivals_init(&run->arrivals, &sc->arrivals, type, sc->seed, run->key) != 0)
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory setting up the run");
    run->chain = spc_chain_alloc(sc, run->cal, type, run->key, run->err);
    if (run->chain == NULL)
        return run->err->code;
    /* interventions before reports: at equal times, the report sees the
     * intervention's state (all later reports are scheduled after them) */
    for (size_t k = 0; k < sc->ninterventions; k++)
        if (spc_calendar_push_fixed(run->cal, sc->interventions[k].at, SPC_EV_INTERVENTION, (uint32_t)k, 0) == 0)
            return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    if (sc->workforce.enabled) {
        run->workforce = spc_workforce_alloc(sc, run->chain, run->cal, type, run->key, &run->unit->wf, run->err);
        if (run->workforce == NULL)
            return run->err->code;
        spc_workforce_set_log(run->workforce, run->employees, run->unit->index);
    }
    if (sc->customers.enabled && setup_customers(run, type) != SPC_OK)
        return run->err->code;
    if (sc->management.enabled && setup_management(run, type) != SPC_OK)
        return run->err->code;
    if (SPC_TRACING(run->trace))
        trace_setup(run);
    run->next_report = sc->period;
    if (run->next_report < sc->horizon && schedule(run, run->next_report, SPC_EV_REPORT) != SPC_OK)
        return run->err->code;

    /* END first: anything else at exactly the horizon falls after it */
    if (spc_calendar_push_fixed(run->cal, sc->horizon, SPC_EV_END, 0, 0) == 0 ||
        (sc->warmup > 0 && spc_calendar_push_fixed(run->cal, sc->warmup, SPC_EV_WARMUP, 0, 0) == 0))
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    if (sc->customers.enabled)
        return SPC_OK; /* the customers place the orders */
    return schedule(run, spc_arrivals_next(&run->arrivals, 0.0), SPC_EV_ARRIVAL);
}

static void run_teardown(spc_run *run)
{
    spc_customers_free(run->customers);
    spc_ledger_release(&run->ledger);
    spc_workforce_free(run->workforce);
    spc_chain_free(run->chain);
    spc_management_free(run->management); /* after the modules that point into its states */
    spc_arrivals_release(&run->arrivals);
    spc_calendar_free(run->cal);
}

static spc_status oom_ts(spc_run *run)
{
    return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory for the time series");
}

/* (SC5) performance: purchases delivered per paid person-hour, against the
 * errors made per purchase delivered (all stages), on the customers row;
 * summed since the warm-up for the summary. */
static void performance(spc_run *run, spc_ts_row *c, double errors, double delivered, double person_time)
{
    double hours = person_time * run->sc->unit_seconds / 3600.0;
    c->v[SPC_TS_SC_OUTPUT] = hours > 0 ? delivered / hours : NAN;
    c->v[SPC_TS_SC_ERRORS] = delivered > 0 ? errors / delivered : NAN;
    if (run->now > run->sc->warmup) {
        run->sc_delivered += delivered;
        run->sc_hours += hours;
        run->sc_errors += errors;
    }
}

/* The customers' and the ledger's rows of the period, and the unit's
 * panel row. company: the workforce's company row of the period, or NULL. */
static spc_status report_customers(spc_run *run, const spc_ts_row *company)
{
    const spc_scenario *sc = run->sc;
    double esat = NAN, turnover = NAN, errors = NAN; /* read now: the adds below may move the rows */
    if (company != NULL) {
        esat = company->v[SPC_TS_SATISFACTION];
        errors = company->v[SPC_TS_ERRORS];
        double head = company->v[SPC_TS_HEADCOUNT];
        turnover = head > 0 ? company->v[SPC_TS_QUITS] / head * (sc->workforce.quit.year / sc->period) : NAN;
    }
    spc_ts_row *c = spc_timeseries_add(run->ts, run->period, run->now, "customers");
    if (c == NULL)
        return oom_ts(run);
    c->v[SPC_TS_TURNOVER_ANNUAL] = turnover;
    double delivered = spc_customers_delivered(run->customers);
    spc_customers_report(run->customers, run->now, esat, c);
    spc_ledger_inputs in = { .time = run->now, .year = sc->workforce.quit.year };
    spc_customers_totals(run->customers, &in.cust);
    if (run->workforce != NULL)
        spc_workforce_money(run->workforce, run->now, &in.wf);
    for (uint32_t i = 0; i < sc->nstages; i++) {
        spc_stage_totals t;
        spc_chain_stage_totals(run->chain, i, run->now, &t);
        in.rework += t.rework;
    }
    double person_time = in.wf.person_time - run->ledger.last.wf.person_time; /* in the period */
    spc_ledger_period lp;
    spc_ts_row *f = spc_timeseries_add(run->ts, run->period, run->now, "finance");
    if (f == NULL || spc_ledger_close(&run->ledger, &in, &lp) != 0)
        return oom_ts(run);
    spc_ledger_fill(&lp, &run->ledger, f);
    c = &run->ts->rows[run->ts->n - 2]; /* the add may have moved the rows */
    if (run->state->customers.scorecard)
        performance(run, c, errors, delivered, person_time);
    if (run->panel == NULL)
        return SPC_OK;
    spc_panel_row *p = spc_panel_add(run->panel, run->unit->index, run->period, run->now);
    if (p == NULL)
        return oom_ts(run);
    const int from[SPC_P_NCOLUMNS] = { SPC_TS_ESAT, SPC_TS_CSAT, SPC_TS_IMPRESSION, SPC_TS_NPS,
                                       SPC_TS_TURNOVER_ANNUAL, SPC_TS_RETENTION, SPC_TS_ACTIVE, -1, -1, -1 };
    for (int k = 0; k < SPC_P_NCOLUMNS; k++)
        if (from[k] >= 0)
            p->v[k] = c->v[from[k]];
    p->v[SPC_P_REVENUE] = f->v[SPC_TS_REVENUE];
    p->v[SPC_P_PROFIT] = f->v[SPC_TS_PROFIT];
    /* productivity: sales per labour hour, revenue / paid person-hours (filled positions x time) */
    double hours = person_time * sc->unit_seconds / 3600.0;
    p->v[SPC_P_PRODUCTIVITY] = run->workforce != NULL && hours > 0 ? p->v[SPC_P_REVENUE] / hours : NAN;
    return SPC_OK;
}

/* (ER1)-(ER2): the period's ESAT and CSAT update the employer reputation,
 * written on the company row (an optional column). */
static void reputation(spc_run *run, long company)
{
    spc_ts_row *rows = run->ts->rows;
    double esat = rows[company].v[SPC_TS_SATISFACTION], csat = NAN;
    if (run->customers != NULL)
        csat = rows[run->ts->n - 2].v[SPC_TS_CSAT]; /* the customers' row, before the ledger's */
    spc_workforce_reputation(run->workforce, esat, csat, run->sc->period);
    double rho = spc_workforce_reputation_index(run->workforce);
    if (!isnan(rho))
        rows[company].v[SPC_TS_REPUTATION] = rho;
}

/* End of a reporting period: the workforce's rows, then the system's
 * (orders delivered, escaped defects and mean lead time in the period),
 * then the customers' and the ledger's. */
static spc_status report_management(spc_run *run, long company, size_t system);

static spc_status report(spc_run *run)
{
    long company = -1;
    size_t first = run->ts->n; /* the period's first row */
    if (run->workforce != NULL) {
        if (run->req->check_sums && spc_workforce_check_sums(run->workforce, run->err) != SPC_OK)
            return run->err->code;
        if (spc_workforce_report(run->workforce, run->now, run->ts, run->err) != SPC_OK)
            return run->err->code;
        company = (long)run->ts->n - 1;
    }
    spc_ts_row *r = spc_timeseries_add(run->ts, run->period, run->now, "system");
    if (r == NULL)
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory for the time series");
    spc_system_totals t;
    spc_chain_system_totals(run->chain, &t);
    double done = t.delivered - run->prev.delivered;
    r->v[SPC_TS_COMPLETED] = done;
    r->v[SPC_TS_ESCAPED] = t.escaped - run->prev.escaped;
    r->v[SPC_TS_LEAD_TIME] = done > 0 ? (t.lead_sum - run->prev.lead_sum) / done : NAN;
    if (SPC_TRACING(run->trace))
        trace_report(run, done, r->v[SPC_TS_ESCAPED], r->v[SPC_TS_LEAD_TIME]);
    run->prev = t;
    spc_status st = SPC_OK;
    size_t system = run->ts->n - 1;
    if (run->customers != NULL)
        st = report_customers(run, company >= 0 ? &run->ts->rows[company] : NULL);
    if (st == SPC_OK && run->workforce != NULL)
        reputation(run, company);
    if (st == SPC_OK && run->management != NULL)
        st = report_management(run, company, system);
    if (st == SPC_OK && run->req->on_period != NULL) {
        spc_run_request_info who = { .replication = run->req->replication, .unit = run->req->unit,
                                     .period = run->period, .time = run->now };
        run->req->on_period(run->req->period_ctx, &who, run->ts, first);
    }
    run->period++;
    return st;
}

/* Switches every module to another validated state of the scenario. */
static spc_status switch_to(spc_run *run, const spc_scenario *state)
{
    spc_arrivals_apply(&run->arrivals, &state->arrivals);
    if (spc_chain_apply(run->chain, state, run->workforce == NULL, run->now, run->err) != SPC_OK)
        return run->err->code;
    if (run->customers != NULL) {
        if (spc_customers_apply(run->customers, state, run->now, run->err) != SPC_OK)
            return run->err->code;
        spc_ledger_apply(&run->ledger, &state->finance);
    }
    if (run->workforce != NULL)
        return spc_workforce_apply(run->workforce, state, run->now, run->err);
    return SPC_OK;
}

/* The state management wants under the plan in force (the plan itself
 * without management, or while it has changed nothing). */
static spc_status switch_to_plan(spc_run *run)
{
    const spc_scenario *s = run->state;
    if (run->management != NULL && (s = spc_management_state(run->management, run->state, run->err)) == NULL)
        return run->err->code;
    return switch_to(run, s);
}

/* An intervention replaces the plan; management's changes stay on top of it. */
static spc_status intervene(spc_run *run, const spc_intervention *iv)
{
    run->state = iv->state;
    return switch_to_plan(run);
}

/* What management measures at the end of the period (the rows just
 * written: the workforce's stage and company rows, the system's, the
 * customers'), and what it decides (management.h). */
static spc_status report_management(spc_run *run, long company, size_t system)
{
    if (company < 0) /* the reader refuses management without a workforce */
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "management without a workforce");
    const spc_ts_row *rows = run->ts->rows;
    size_t first = (size_t)company - run->sc->nstages;
    spc_mgmt_obs obs = { .lead = rows[system].v[SPC_TS_LEAD_TIME], .esat = rows[company].v[SPC_TS_SATISFACTION],
                         .csat = run->customers != NULL ? rows[system + 1].v[SPC_TS_CSAT] : NAN,
                         .headcount = rows[company].v[SPC_TS_HEADCOUNT], .stages = &rows[first] };
    int rc = spc_management_report(run->management, run->period, run->now, &obs, run->state, run->ts, first);
    if (rc < 0)
        return oom_ts(run);
    return rc > 0 ? switch_to_plan(run) : SPC_OK;
}

/* Hands one event to its module; returns 1 at the horizon, -1 on error. */
static int dispatch(spc_run *run, const spc_event *ev)
{
    spc_status st = SPC_OK;
    switch (ev->kind) {
    case SPC_EV_ARRIVAL:
        st = spc_chain_arrive(run->chain, run->now, run->err);
        if (st == SPC_OK)
            st = schedule(run, spc_arrivals_next(&run->arrivals, run->now), SPC_EV_ARRIVAL);
        break;
    case SPC_EV_SERVICE_END:
        st = spc_chain_service_end(run->chain, run->now, ev->a, (uint32_t)ev->b, run->err);
        break;
    case SPC_EV_RENEGE:
        st = spc_chain_renege(run->chain, run->now, ev->a, (uint32_t)ev->b, run->err);
        break;
    case SPC_EV_WARMUP:
        if (SPC_TRACING(run->trace))
            trace_run_event(run, ev);
        spc_chain_start_stats(run->chain, run->now, run->sc->horizon);
        if (run->workforce != NULL)
            spc_workforce_start_stats(run->workforce, run->now);
        if (run->customers != NULL) {
            spc_customers_start_stats(run->customers, run->now);
            spc_ledger_start_stats(&run->ledger, run->now);
        }
        if (run->management != NULL)
            spc_management_start_stats(run->management);
        break;
    case SPC_EV_PURCHASE:
        st = spc_customers_purchase(run->customers, ev->a, ev->b, run->now, run->err);
        break;
    case SPC_EV_ACQUIRE:
        st = spc_customers_acquire(run->customers, run->now, run->err);
        break;
    case SPC_EV_CLAIM:
        st = spc_customers_claim(run->customers, ev->a, ev->b, run->now, run->err);
        break;
    case SPC_EV_CHANNEL:
        st = spc_customers_channel(run->customers, ev->a, ev->b, run->now, run->err);
        break;
    case SPC_EV_QUIT_CHECK:
        st = spc_workforce_quit_check(run->workforce, ev->a, (uint32_t)ev->b, run->now, run->err);
        break;
    case SPC_EV_HIRE:
        st = spc_workforce_hire(run->workforce, ev->a, (uint32_t)ev->b, run->now, run->err);
        break;
    case SPC_EV_ABSENCE:
        st = spc_absence_roll_call(run->workforce, run->now, run->err);
        break;
    case SPC_EV_REPORT:
        st = report(run);
        run->next_report = (double)(run->period + 1) * run->sc->period; /* no drift */
        if (st == SPC_OK && run->next_report < run->sc->horizon)
            st = schedule(run, run->next_report, SPC_EV_REPORT);
        break;
    case SPC_EV_INTERVENTION:
        if (SPC_TRACING(run->trace))
            trace_run_event(run, ev);
        st = intervene(run, &run->sc->interventions[ev->a]);
        break;
    case SPC_EV_END:
        /* a period ending at the horizon (up to rounding) is still reported */
        if (run->next_report <= run->now * (1.0 + 1e-9) && report(run) != SPC_OK)
            return -1;
        if (SPC_TRACING(run->trace))
            trace_run_event(run, ev);
        return 1;
    default:
        st = spc_error_set(run->err, SPC_ERR_INTERNAL, "event of unknown kind %u", ev->kind);
    }
    return st == SPC_OK ? 0 : -1;
}

/* Unit k's traits: drawn from replication 0's units stream, so that every
 * replication simulates the same company (docs/model.md, (U1)); unit k
 * takes the draws after those of units 0..k-1. A single unit has none. */
static spc_status unit_traits(const spc_scenario *sc, unsigned k, unit_t *unit, spc_error *err)
{
    *unit = (unit_t){ .index = k, .demand = 1.0 };
    if (sc->units.count <= 1)
        return k == 0 ? SPC_OK : spc_error_set(err, SPC_ERR_INTERNAL, "unit %u of a single unit", k);
    if (k >= (unsigned)sc->units.count)
        return spc_error_set(err, SPC_ERR_INTERNAL, "unit %u of %d units", k, sc->units.count);
    const spc_units_spec *u = &sc->units;
    gsl_rng *r = spc_rng_stream_alloc(spc_rng_type_find(sc->generator), sc->seed, 0, SPC_STREAM(SPC_STREAM_UNITS, 0));
    if (r == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for %d units", u->count);
    for (unsigned j = 0; j <= k; j++) {
        unit->wf.s_shift = gsl_ran_gaussian(r, 1.0) * u->management_sd;
        unit->demand = exp(gsl_ran_gaussian(r, 1.0) * u->demand_sd);
        unit->wf.a_shift = gsl_ran_gaussian(r, 1.0) * u->labour_sd;
    }
    gsl_rng_free(r);
    /* (U2), from a stream of its own: the draws above do not depend on it */
    r = spc_rng_stream_alloc(spc_rng_type_find(sc->generator), sc->seed, 0, SPC_STREAM(SPC_STREAM_UNITS, 1));
    if (r == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for %d units", u->count);
    for (unsigned j = 0; j <= k; j++)
        unit->context = gsl_ran_gaussian(r, 1.0) * u->context_sd;
    gsl_rng_free(r);
    return SPC_OK;
}

/* The event loop; returns 0 at the horizon, -1 on error (in run->err). */
static int run_loop(spc_run *run)
{
    spc_event ev;
    int rc = run_setup(run) == SPC_OK ? 0 : -1;
    uint64_t stuck = 0; /* events in a row at the same time */
    while (rc == 0 && spc_calendar_pop(run->cal, &ev)) {
        stuck = ev.time > run->now ? 0 : stuck + 1;
        run->now = ev.time;
        run->events++;
        rc = dispatch(run, &ev);
        if ((run->events & 4095u) == 0 && run->stop != NULL && *run->stop && rc == 0) {
            spc_error_set(run->err, SPC_ERR_INTERRUPTED, "interrupted");
            rc = -1;
        }
        if (stuck > SPC_RUN_MAX_STUCK) {
            spc_error_set(run->err, SPC_ERR_INVALID, "%s: simulated time stands still at %g %s after %llu events "
                          "at the same instant (zero service times in a routing loop?)",
                          run->sc->path, run->now, run->sc->time_unit, (unsigned long long)stuck);
            rc = -1;
        }
    }
    return rc < 0 ? -1 : 0;
}

spc_status spc_run_execute(const spc_scenario *sc, const spc_run_request *req, spc_error *err)
{
    unit_t unit;
    if (req->info != NULL)
        *req->info = (spc_run_info){ 0 };
    if (unit_traits(sc, req->unit, &unit, err) != SPC_OK)
        return err->code;
    spc_results *out = req->out;
    spc_run run = { .sc = sc, .state = sc, .unit = &unit, .key = SPC_UNIT_KEY(req->replication, unit.index),
                    .err = err, .ts = req->ts, .panel = req->panel, .trace = req->trace,
                    .stop = req->stop, .employees = req->employees, .req = req };
    spc_timeseries_init(&run.own_ts);
    if (run.ts == NULL)
        run.ts = &run.own_ts;
    int rc = run_loop(&run);
    if (rc == 0 && spc_chain_collect(run.chain, sc->horizon, out, err) == SPC_OK && run.workforce != NULL)
        spc_workforce_collect(run.workforce, sc->horizon, out, err);
    if (rc == 0 && err->code == SPC_OK && run.customers != NULL &&
        spc_customers_collect(run.customers, sc->horizon, out, err) == SPC_OK)
        spc_ledger_collect(&run.ledger, out, err);
    if (rc == 0 && err->code == SPC_OK && run.customers != NULL && run.state->customers.scorecard &&
        (spc_results_add(out, "standards", "output_per_hour",
                         (spc_estimate){ run.sc_hours > 0 ? run.sc_delivered / run.sc_hours : NAN, NAN, NAN, 1 }) ||
         spc_results_add(out, "standards", "errors_per_order",
                         (spc_estimate){ run.sc_delivered > 0 ? run.sc_errors / run.sc_delivered : NAN, NAN, NAN, 1 })))
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the results");
    if (rc == 0 && err->code == SPC_OK && run.management != NULL && spc_management_collect(run.management, out) != 0)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the results");
    spc_timeseries_release(&run.own_ts);
    if (req->info != NULL)
        *req->info = (spc_run_info){ .events = run.events, .end_time = run.now };
    run_teardown(&run);
    return err->code;
}
