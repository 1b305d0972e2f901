/*
 * absence.c -- absenteeism: the daily roll call, who is away, and what it
 * costs the chain in capacity. Equation (docs/model.md, "Absenteeism"):
 *
 *   (AB1) p(S, F) = 1 / (1 + e^-x),
 *        x = ln(b / (1 - b)) + a_F (F - 1) - a_S (S - mu) / sigma
 *
 * The idea. Once per `every` (a day by default) the workforce calls the
 * roll at every stage. Each present employee, brought up to date, is away
 * until the next roll call with probability p(S, F): tired and unhappy
 * people stay home more often. Being away does not end the job (the
 * employee still counts in the headcount and may quit), but the position
 * is vacant for the chain until the employee is back, and the employee
 * adds nothing to the stage's available capacity A of (W1), so the others
 * feel more pressure. The mechanism touches the rest of the workforce in
 * three places only: the roll-call event, spc_absence_at_work in the
 * capacity sum, and the period report.
 */
#include "workforce_impl.h"

#include <math.h>
#include <gsl/gsl_rng.h>

#include "spcsim/events.h"
#include "spcsim/rng.h"

/* ---- the equation ---- */

/* (AB1) */
double spc_absence_probability(double s, double f, const spc_absence_params *a, const spc_quit_params *q)
{
    if (!(a->base > 0))
        return 0.0;
    double x = log(a->base / (1.0 - a->base)) + a->w_fatigue * (f - 1.0) - a->w_satisfaction * (s - q->mu) / q->sigma;
    return 1.0 / (1.0 + exp(-x));
}

/* ---- state ---- */

int spc_absence_init(absence_t *a, const spc_scenario *sc, const gsl_rng_type *type, unsigned rep, long stage)
{
    a->rng = NULL;
    a->period = a->total = 0;
    if (spc_tally_init(&a->rate, (size_t)sc->batches) != 0)
        return -1;
    if (stage >= 0)
        a->rng = spc_rng_stream_alloc(type, sc->seed, rep, SPC_STREAM(SPC_STREAM_ABSENCE, stage));
    return stage >= 0 && a->rng == NULL ? -1 : 0;
}

void spc_absence_release(absence_t *a)
{
    if (a->rng != NULL)
        gsl_rng_free(a->rng);
    a->rng = NULL;
    spc_tally_release(&a->rate);
}

/* ---- the roll call ---- */

static spc_status schedule(spc_workforce *wf, double t, spc_error *err)
{
    wf->roll_call = 0;
    if (t > wf->sc->horizon)
        return SPC_OK;
    wf->roll_call = spc_calendar_push(wf->cal, t, SPC_EV_ABSENCE, 0, 0);
    return wf->roll_call ? SPC_OK : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
}

/* The first roll call is at once: absence may start at time 0 or at the
 * intervention that turns it on. */
spc_status spc_absence_start(spc_workforce *wf, double now, spc_error *err)
{
    if (!wf->w->absence.enabled || wf->roll_call != 0)
        return SPC_OK;
    wf->absence_used = 1;
    return schedule(wf, now, err);
}

static void count(absence_t *a, int away)
{
    a->period += away;
    a->total += away;
    spc_tally_add(&a->rate, away);
}

/* One stage: decide, for each present employee, away or at work until the
 * next roll call; staff or vacate the position when that changes. (Should
 * a state of the scenario ever have absence off, everyone is back and
 * nothing is drawn; today an intervention cannot remove the group.) */
static spc_status roll_call_stage(spc_workforce *wf, group_t *g, double now, spc_error *err)
{
    const spc_absence_params *a = &wf->w->absence;
    uint32_t stage = (uint32_t)(g - wf->g);
    spc_wf_advance_pressure(wf, g, now);
    for (uint32_t pos = 0; pos < g->npos; pos++) {
        employee_t *e = &g->emp[pos];
        if (!e->present)
            continue;
        int away = 0;
        if (a->enabled) {
            spc_wf_update_employee(wf, g, e, now);
            double p = spc_absence_probability(spc_wf_pathway_s(wf, e, SPC_PW_SPEED), e->f, a, &wf->w->quit);
            away = gsl_rng_uniform(g->ab.rng) < p;
            count(&g->ab, away);
            count(&wf->ab, away);
        }
        int was_away = e->absent_until > 0;
        e->absent_until = away ? now + a->every : 0.0;
        if (away != was_away && SPC_TRACING(wf->trace))
            spc_wf_trace(wf, SPC_TR_ABSENCE, g, pos, now, away ? "stays away" : "is back");
        if (away != was_away && spc_chain_set_staffed(wf->chain, stage, pos, !away, now, err) != SPC_OK)
            return err->code;
    }
    spc_wf_refresh_capacity(wf, g, now);
    return SPC_OK;
}

spc_status spc_absence_roll_call(spc_workforce *wf, double now, spc_error *err)
{
    wf->roll_call = 0;
    for (size_t i = 0; i < wf->ng; i++)
        if (roll_call_stage(wf, &wf->g[i], now, err) != SPC_OK)
            return err->code;
    if (!wf->w->absence.enabled)
        return SPC_OK;
    return schedule(wf, now + wf->w->absence.every, err);
}

/* ---- reports ---- */

static void reset(absence_t *a)
{
    a->total = 0;
    spc_tally_reset(&a->rate);
}

void spc_absence_start_stats(spc_workforce *wf)
{
    for (size_t i = 0; i < wf->ng; i++)
        reset(&wf->g[i].ab);
    reset(&wf->ab);
}

/* The column is filled only while absence is on, so that it is left out of
 * timeseries.csv for scenarios without it. */
void spc_absence_report(spc_workforce *wf, spc_ts_row *stage_rows, spc_ts_row *company)
{
    int on = wf->w->absence.enabled;
    for (size_t i = 0; i < wf->ng; i++) {
        if (on)
            stage_rows[i].v[SPC_TS_ABSENCES] = wf->g[i].ab.period;
        wf->g[i].ab.period = 0;
    }
    if (on)
        company->v[SPC_TS_ABSENCES] = wf->ab.period;
    wf->ab.period = 0;
}

static int collect(const char *scope, const absence_t *a, spc_results *out)
{
    spc_estimate total = { a->total, NAN, NAN, 1 };
    return spc_results_add(out, scope, "absences", total) |
           spc_results_add(out, scope, "absence_rate", spc_tally_estimate(&a->rate));
}

int spc_absence_collect(const spc_workforce *wf, spc_results *out)
{
    if (!wf->absence_used)
        return 0;
    int rc = collect("company", &wf->ab, out);
    for (size_t i = 0; i < wf->ng; i++)
        rc |= collect(wf->g[i].spec->name, &wf->g[i].ab, out);
    return rc ? -1 : 0;
}
