/*
 * run.c -- the run context and the event loop.
 *
 * The loop pops the earliest event, advances the clock to it and hands it
 * to the module that owns its kind. Events at equal times come out in the
 * order they were scheduled. At the warm-up time all statistics restart;
 * at the horizon the loop stops and the modules report.
 */
#include "spcsim/run.h"

#include <math.h>
#include <stdlib.h>

#include "spcsim/absence.h"
#include "spcsim/arrivals.h"
#include "spcsim/calendar.h"
#include "spcsim/chain.h"
#include "spcsim/events.h"
#include "spcsim/rng.h"
#include "spcsim/workforce.h"

/* A run whose clock has not moved for this many events is declared stuck. */
#define SPC_RUN_MAX_STUCK 10000000u

typedef struct {
    const spc_scenario *sc;
    double now;
    uint64_t events;
    spc_calendar *cal;
    spc_arrivals arrivals;
    spc_chain *chain;
    spc_workforce *workforce;   /* NULL without a workforce section */
    spc_timeseries *ts;         /* NULL: period rows are not kept */
    spc_timeseries own_ts;
    double next_report;         /* time of the pending report */
    long period;                /* index of the next report */
    spc_system_totals prev;     /* the chain's totals at the last report */
    spc_error *err;
} spc_run;

static spc_status schedule(spc_run *run, double t, uint32_t kind)
{
    if (t > run->sc->horizon)
        return SPC_OK;
    if (spc_calendar_push(run->cal, t, kind, 0, 0) == 0)
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return SPC_OK;
}

static spc_status run_setup(spc_run *run, unsigned rep)
{
    const spc_scenario *sc = run->sc;
    const gsl_rng_type *type = spc_rng_type_find(sc->generator);
    if (type == NULL)
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "unknown generator %s", sc->generator);
    run->cal = spc_calendar_alloc(256);
    if (run->cal == NULL || spc_arrivals_init(&run->arrivals, &sc->arrivals, type, sc->seed, rep) != 0)
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory setting up the run");
    run->chain = spc_chain_alloc(sc, run->cal, type, rep, run->err);
    if (run->chain == NULL)
        return run->err->code;
    /* interventions before reports: at equal times, the report sees the
     * intervention's state (all later reports are scheduled after them) */
    for (size_t k = 0; k < sc->ninterventions; k++)
        if (spc_calendar_push(run->cal, sc->interventions[k].at, SPC_EV_INTERVENTION, (uint32_t)k, 0) == 0)
            return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    if (sc->workforce.enabled) {
        run->workforce = spc_workforce_alloc(sc, run->chain, run->cal, type, rep, run->err);
        if (run->workforce == NULL)
            return run->err->code;
    }
    run->next_report = sc->period;
    if (run->next_report < sc->horizon && schedule(run, run->next_report, SPC_EV_REPORT) != SPC_OK)
        return run->err->code;

    /* END first: anything else at exactly the horizon falls after it */
    if (spc_calendar_push(run->cal, sc->horizon, SPC_EV_END, 0, 0) == 0 ||
        (sc->warmup > 0 && spc_calendar_push(run->cal, sc->warmup, SPC_EV_WARMUP, 0, 0) == 0))
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return schedule(run, spc_arrivals_next(&run->arrivals, 0.0), SPC_EV_ARRIVAL);
}

static void run_teardown(spc_run *run)
{
    spc_workforce_free(run->workforce);
    spc_chain_free(run->chain);
    spc_arrivals_release(&run->arrivals);
    spc_calendar_free(run->cal);
}

/* End of a reporting period: the workforce's rows, then the system's
 * (orders delivered, escaped defects and mean lead time in the period). */
static spc_status report(spc_run *run)
{
    if (run->workforce != NULL && spc_workforce_report(run->workforce, run->now, run->ts, run->err) != SPC_OK)
        return run->err->code;
    spc_ts_row *r = spc_timeseries_add(run->ts, run->period++, run->now, "system");
    if (r == NULL)
        return spc_error_set(run->err, SPC_ERR_INTERNAL, "out of memory for the time series");
    spc_system_totals t;
    spc_chain_system_totals(run->chain, &t);
    double done = t.delivered - run->prev.delivered;
    r->v[SPC_TS_COMPLETED] = done;
    r->v[SPC_TS_ESCAPED] = t.escaped - run->prev.escaped;
    r->v[SPC_TS_LEAD_TIME] = done > 0 ? (t.lead_sum - run->prev.lead_sum) / done : NAN;
    run->prev = t;
    return SPC_OK;
}

/* Switches every module to the intervention's state of the scenario. */
static spc_status intervene(spc_run *run, const spc_intervention *iv)
{
    spc_arrivals_apply(&run->arrivals, &iv->state->arrivals);
    if (spc_chain_apply(run->chain, iv->state, run->workforce == NULL, run->now, run->err) != SPC_OK)
        return run->err->code;
    if (run->workforce != NULL)
        return spc_workforce_apply(run->workforce, iv->state, run->now, run->err);
    return SPC_OK;
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
        spc_chain_start_stats(run->chain, run->now, run->sc->horizon);
        if (run->workforce != NULL)
            spc_workforce_start_stats(run->workforce, run->now);
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
        st = intervene(run, &run->sc->interventions[ev->a]);
        break;
    case SPC_EV_END:
        /* a period ending at the horizon (up to rounding) is still reported */
        if (run->next_report <= run->now * (1.0 + 1e-9) && report(run) != SPC_OK)
            return -1;
        return 1;
    default:
        st = spc_error_set(run->err, SPC_ERR_INTERNAL, "event of unknown kind %u", ev->kind);
    }
    return st == SPC_OK ? 0 : -1;
}

spc_status spc_run_execute(const spc_scenario *sc, unsigned rep, spc_results *out,
                           spc_timeseries *ts, spc_run_info *info, spc_error *err)
{
    spc_run run = { .sc = sc, .err = err, .ts = ts };
    spc_timeseries_init(&run.own_ts);
    if (run.ts == NULL)
        run.ts = &run.own_ts;
    spc_event ev;
    int rc = run_setup(&run, rep) == SPC_OK ? 0 : -1;
    uint64_t stuck = 0; /* events in a row at the same time */
    while (rc == 0 && spc_calendar_pop(run.cal, &ev)) {
        stuck = ev.time > run.now ? 0 : stuck + 1;
        run.now = ev.time;
        run.events++;
        rc = dispatch(&run, &ev);
        if (stuck > SPC_RUN_MAX_STUCK) {
            spc_error_set(err, SPC_ERR_INVALID, "%s: simulated time stands still at %g %s after %llu events "
                          "at the same instant (zero service times in a routing loop?)",
                          sc->path, run.now, sc->time_unit, (unsigned long long)stuck);
            rc = -1;
        }
    }
    if (rc >= 0 && spc_chain_collect(run.chain, sc->horizon, out, err) == SPC_OK && run.workforce != NULL)
        spc_workforce_collect(run.workforce, sc->horizon, out, err);
    spc_timeseries_release(&run.own_ts);
    if (info != NULL) {
        info->events = run.events;
        info->end_time = run.now;
    }
    run_teardown(&run);
    return err->code;
}
