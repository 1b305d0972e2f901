/*
 * cost.c -- the estimate of what a run will cost, and its verdict.
 *
 * Rough by design (an order of magnitude is what a limit needs), and on the
 * safe side: a stage visit counts two events (its arrival and its service
 * end), a customer buys at the rate of its interpurchase mean, every
 * employee is called to the roll at every absence.every and draws quit
 * candidates at the workforce's bound h_max (T2). The largest event rate
 * over the scenario and the states of its interventions is used.
 */
#include "spcsim/cost.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "spcsim/employee_eq.h"
#include "spcsim/pathway_eq.h"
#include "spcsim/timeseries.h"
#include "spcsim/traffic.h"

#define EMPLOYEE_BYTES 512.0 /* an employee's state, history and queue entries */
#define CUSTOMER_BYTES 256.0 /* a customer's state */
#define SCOPES_EXTRA 3.0     /* system, customers, finance (beside the stages) */

/* Events per time unit of one unit of sc, of which *quits the quit
 * candidates; -1 when out of memory. */
static double event_rate(const spc_scenario *sc, double *quits)
{
    *quits = 0;
    size_t n = sc->nstages;
    double *lambda = calloc(n ? n : 1, sizeof *lambda), *rho = calloc(n ? n : 1, sizeof *rho);
    if (lambda == NULL || rho == NULL) {
        free(lambda), free(rho);
        return -1;
    }
    double rate = 0, employees = 0;
    if (spc_traffic_solve(sc, lambda, rho) == 0)
        for (size_t i = 0; i < n; i++)
            rate += 2 * (isfinite(lambda[i]) ? lambda[i] : INFINITY);
    for (size_t i = 0; i < n; i++)
        employees += sc->stages[i].servers;
    free(lambda), free(rho);
    if (sc->customers.enabled) {
        double m = spc_dist_true_mean(&sc->customers.interpurchase);
        rate += 2 * sc->customers.market / (m > 0 ? m : DBL_MIN) + sc->customers.acquisition;
    }
    if (sc->workforce.enabled && sc->workforce.absence.enabled && sc->workforce.absence.every > 0)
        rate += employees / sc->workforce.absence.every;
    if (sc->workforce.enabled && sc->workforce.turnover) { /* as workforce.c's h_max */
        const spc_workforce_spec *w = &sc->workforce;
        *quits = employees * (w->market * spc_quit_hazard(0.0, &w->quit) + spc_other_hazard(w->other, w->quit.year));
        rate += *quits;
    }
    return rate;
}

static double employees_of(const spc_scenario *sc)
{
    double e = 0;
    for (size_t i = 0; i < sc->nstages; i++)
        e += sc->stages[i].servers;
    return e;
}

spc_status spc_cost_estimate(const spc_scenario *sc, unsigned replications, spc_cost *c, spc_error *err)
{
    double units = sc->units.count > 1 ? sc->units.count : 1;
    double quits, q;
    double rate = event_rate(sc, &quits);
    for (size_t k = 0; rate >= 0 && k < sc->ninterventions; k++) {
        double r = event_rate(sc->interventions[k].state, &q);
        quits = r > rate ? q : quits;
        rate = r < 0 ? r : fmax(rate, r);
    }
    if (rate < 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    c->periods = ceil(sc->horizon / sc->period);
    c->rows = c->periods * ((double)sc->nstages + SCOPES_EXTRA) * units;
    c->events = rate * sc->horizon * units + c->periods;
    c->quit_share = rate > 0 ? quits / rate : 0;
    c->total_events = c->events * replications;
    double customers = sc->customers.enabled ? sc->customers.market : 0;
    c->memory = c->rows * (replications + 1.0) * (double)sizeof(spc_ts_row) +
                units * (employees_of(sc) * EMPLOYEE_BYTES + customers * CUSTOMER_BYTES);
    double ulp = nextafter(sc->horizon, INFINITY) - sc->horizon;
    c->steps = rate > 0 ? 1.0 / rate / ulp : INFINITY;
    return SPC_OK;
}

spc_status spc_cost_check(const spc_scenario *sc, unsigned replications, int force, spc_error *err)
{
    spc_cost c;
    if (spc_cost_estimate(sc, replications, &c, err) != SPC_OK)
        return err->code;
    double ulp = nextafter(sc->horizon, INFINITY) - sc->horizon;
    /* most events quit candidates: the turnover law's bound, not the horizon, is what to change */
    int quits = c.quit_share > 0.5;
    const char *rate_what = quits ? "workforce.turnover" : "horizon";
    const char *why = quits ? ", most of them quit candidates at the hazard of satisfaction 0 (a, beta, sd)" : "";
    if (!(c.steps >= SPC_COST_MIN_STEPS))
        return spc_error_set(err, SPC_ERR_INVALID, "%s: %s: the clock cannot advance: an event every "
                             "%.3g %s on average%s, but near the horizon (%g) the clock steps by %.3g, fewer "
                             "than %.0f steps per event (lower the rates or shorten the horizon; --force "
                             "does not help)", sc->path, rate_what, c.steps * ulp, sc->time_unit, why, sc->horizon,
                             ulp, SPC_COST_MIN_STEPS);
    if (force)
        return SPC_OK;
    if (c.rows > SPC_COST_MAX_ROWS)
        return spc_error_set(err, SPC_ERR_INVALID, "%s: statistics.period: the run would write %.0f rows "
                             "of timeseries.csv (%.0f periods of %g %s x %zu scopes), more than the limit of "
                             "%.0f; give a longer statistics.period, or --force", sc->path, c.rows, c.periods,
                             sc->period, sc->time_unit, (size_t)(c.rows / c.periods), SPC_COST_MAX_ROWS);
    if (c.total_events > SPC_COST_MAX_EVENTS)
        return spc_error_set(err, SPC_ERR_INVALID, "%s: %s: the run would simulate about %.3g events "
                             "(%.3g per replication x %u%s), more than the limit of %.0e; lower the rates, "
                             "shorten the horizon or run fewer replications, or --force", sc->path, rate_what,
                             c.total_events, c.events, replications, why, SPC_COST_MAX_EVENTS);
    if (c.memory > SPC_COST_MAX_MEMORY) {
        /* name what weighs most: the rows held, or the customers, or the employees */
        double rows = c.rows * (replications + 1.0) * (double)sizeof(spc_ts_row);
        double customers = sc->customers.enabled ? sc->customers.market * CUSTOMER_BYTES : 0;
        const char *what = rows >= c.memory - rows ? "statistics.period"
                           : customers >= c.memory - rows - customers ? "customers.market" : "stages.[].servers";
        return spc_error_set(err, SPC_ERR_INVALID, "%s: %s: the run would need about %.3g GB of memory "
                             "(%.3g GB for the time series of %u replication(s) and the combined one, the "
                             "rest for employees and customers), more than the limit of %.0f GB; or --force",
                             sc->path, what, c.memory / 1e9, rows / 1e9, replications, SPC_COST_MAX_MEMORY / 1e9);
    }
    return SPC_OK;
}
