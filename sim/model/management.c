/*
 * management.c -- management by level (management.h; docs/model.md 9.18):
 * what management sees (MG1), when it reviews (MG2), its rules (MG3)-(MG5),
 * the philosophy's levers (MG6), and the states that carry its decisions.
 */
#include "spcsim/management.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "spcsim/rng.h"

/* One period as recorded: the truth, and the survey's error on ESAT. */
typedef struct {
    double lead, esat, csat;
    double *util;
} record_t;

/* The summary's counts (after warm-up). */
typedef struct {
    double decisions;       /* reviews that changed something */
    double staffing;        /* positions added or cut, summed */
    double reversals;       /* staffing decisions against the one before */
    double step_sq, steps;  /* sum of squared period-to-period headcount changes, and their number */
    double target_sum, periods; /* total staffing target summed over periods */
} counts_t;

struct spc_management {
    const spc_scenario *sc;
    const spc_management_spec *ms;
    gsl_rng *rng;
    size_t nstages;
    record_t *rec;          /* the last d + 1 periods, a ring indexed by period mod (d + 1) */
    int *d_staff;           /* staffing offsets per stage */
    double d_pay, d_recognition, d_training, d_recovery;
    int last_dir;           /* sign of the last staffing decision; 0: none yet */
    double head_prev;       /* headcount at the last report; NaN before the first */
    counts_t c;
    spc_scenario **states;  /* the states built, owned */
    size_t nstates, cap;
};

/* ---- bounds ---- */

int spc_management_staff_lo(const spc_management_spec *m, int c)
{
    int lo = (int)floor(m->staff_min * c);
    return lo < 1 ? 1 : lo;
}

int spc_management_staff_hi(const spc_management_spec *m, int c)
{
    int hi = (int)ceil(m->staff_max * c - 1e-9);
    return hi < c ? c : hi;
}

static int servers_bound(const spc_scenario *sc, const spc_scenario *state, size_t i)
{
    int c = state->stages[i].servers;
    if (sc->management.enabled && sc->management.level == SPC_MGMT_MEASURE && sc->management.lead_target > 0)
        return spc_management_staff_hi(&sc->management, c);
    return c;
}

uint32_t spc_management_positions(const spc_scenario *sc, size_t i)
{
    int m = servers_bound(sc, sc, i);
    for (size_t k = 0; k < sc->ninterventions; k++) {
        int v = servers_bound(sc, sc->interventions[k].state, i);
        if (v > m)
            m = v;
    }
    return (uint32_t)m;
}

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

/* Training hours within the working week (MG5), (MG6). */
static double training_hi(const spc_scenario *plan, double h_max)
{
    return fmin(h_max, 0.9 * plan->workforce.hours_per_week);
}

/* ---- set-up ---- */

/* (MG6): the philosophy's levers as offsets against the scenario. */
static void philosophy(spc_management *m)
{
    const spc_scenario *sc = m->sc;
    if (m->ms->level != SPC_MGMT_PHILOSOPHY)
        return;
    m->d_recognition = m->ms->ph_recognition - sc->workforce.recognition;
    m->d_training = m->ms->ph_training - sc->workforce.training_hours;
    if (sc->customers.enabled)
        m->d_recovery = m->ms->ph_recovery - sc->customers.rec_base;
}

spc_management *spc_management_alloc(const spc_scenario *sc, const gsl_rng_type *type, uint64_t key,
                                     spc_error *err)
{
    spc_management *m = calloc(1, sizeof *m);
    if (m == NULL)
        goto oom;
    m->sc = sc;
    m->ms = &sc->management;
    m->nstages = sc->nstages;
    m->head_prev = NAN;
    size_t nrec = (size_t)m->ms->delay + 1;
    m->rng = spc_rng_stream_alloc(type, sc->seed, key, SPC_STREAM(SPC_STREAM_MANAGEMENT, 0));
    m->rec = calloc(nrec, sizeof *m->rec);
    m->d_staff = calloc(sc->nstages, sizeof *m->d_staff);
    if (m->rng == NULL || m->rec == NULL || m->d_staff == NULL)
        goto oom;
    for (size_t k = 0; k < nrec; k++)
        if ((m->rec[k].util = calloc(sc->nstages, sizeof *m->rec[k].util)) == NULL)
            goto oom;
    philosophy(m);
    return m;
oom:
    spc_management_free(m);
    spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for management");
    return NULL;
}

void spc_management_free(spc_management *m)
{
    if (m == NULL)
        return;
    for (size_t k = 0; m->rec != NULL && k <= (size_t)m->ms->delay; k++)
        free(m->rec[k].util);
    free(m->rec);
    for (size_t k = 0; k < m->nstates; k++) {
        free(m->states[k]->stages);
        free(m->states[k]);
    }
    free(m->states);
    free(m->d_staff);
    if (m->rng != NULL)
        gsl_rng_free(m->rng);
    free(m);
}

/* ---- the state in force ---- */

static int offsets_zero(const spc_management *m)
{
    for (size_t i = 0; i < m->nstages; i++)
        if (m->d_staff[i] != 0)
            return 0;
    return m->d_pay == 0 && m->d_recognition == 0 && m->d_training == 0 && m->d_recovery == 0;
}

static spc_scenario *keep(spc_management *m, spc_scenario *s)
{
    if (m->nstates == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 8;
        spc_scenario **p = realloc(m->states, cap * sizeof *p);
        if (p == NULL)
            return NULL;
        m->states = p;
        m->cap = cap;
    }
    m->states[m->nstates++] = s;
    return s;
}

/* Stage i's staffing target: the plan's servers plus the offset, within
 * (MG3)'s bounds of the plan in force. */
static int target(const spc_management *m, const spc_scenario *plan, size_t i)
{
    int c = plan->stages[i].servers, v = c + m->d_staff[i];
    int lo = spc_management_staff_lo(m->ms, c), hi = spc_management_staff_hi(m->ms, c);
    return m->d_staff[i] == 0 ? c : v < lo ? lo : v > hi ? hi : v;
}

/* The plan with the offsets: a shallow copy that owns only its stages. */
const spc_scenario *spc_management_state(spc_management *m, const spc_scenario *plan, spc_error *err)
{
    if (offsets_zero(m))
        return plan;
    spc_scenario *s = malloc(sizeof *s);
    spc_stage_spec *st = malloc(plan->nstages * sizeof *st);
    if (s == NULL || st == NULL || keep(m, s) == NULL) {
        free(s);
        free(st);
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for management");
        return NULL;
    }
    *s = *plan;
    memcpy(st, plan->stages, plan->nstages * sizeof *st);
    s->stages = st;
    for (size_t i = 0; i < plan->nstages; i++)
        st[i].servers = target(m, plan, i);
    spc_workforce_spec *w = &s->workforce;
    w->pay += m->d_pay;
    w->recognition = clamp(w->recognition + m->d_recognition, 0.0, 1.0);
    w->training_hours = clamp(w->training_hours + m->d_training, 0.0, 0.9 * w->hours_per_week);
    s->customers.rec_base = clamp(s->customers.rec_base + m->d_recovery, 0.0, 1.0);
    return s;
}

/* ---- (MG1): what management sees ---- */

static void record(spc_management *m, long period, const spc_mgmt_obs *obs)
{
    record_t *r = &m->rec[(size_t)period % ((size_t)m->ms->delay + 1)];
    double e = gsl_ran_gaussian(m->rng, 1.0) * m->ms->esat_noise; /* drawn every period */
    r->lead = obs->lead;
    r->esat = obs->esat + e;
    r->csat = obs->csat;
    for (size_t i = 0; i < m->nstages; i++)
        r->util[i] = obs->stages[i].v[SPC_TS_UTILIZATION];
}

/* What was recorded d periods ago; NULL before period d. */
static const record_t *seen(const spc_management *m, long period)
{
    long j = period - m->ms->delay;
    return j < 0 ? NULL : &m->rec[(size_t)j % ((size_t)m->ms->delay + 1)];
}

/* ---- (MG3)-(MG5): the rules ---- */

/* The stage of highest (sign +1) or lowest (sign -1) seen utilisation
 * among those the rule may still move that way; -1: none. */
static long extreme_stage(const spc_management *m, const record_t *r, const spc_scenario *plan, int sign)
{
    long best = -1;
    for (size_t i = 0; i < m->nstages; i++) {
        int c = plan->stages[i].servers, now = target(m, plan, i);
        int room = sign > 0 ? now < spc_management_staff_hi(m->ms, c) : now > spc_management_staff_lo(m->ms, c);
        if (room && isfinite(r->util[i]) && (best < 0 || sign * (r->util[i] - r->util[best]) > 0))
            best = (long)i;
    }
    return best;
}

/* (MG3): the signed change of positions. */
static int staffing_rule(spc_management *m, const record_t *r, const spc_scenario *plan)
{
    const spc_management_spec *ms = m->ms;
    if (!(ms->lead_target > 0) || !isfinite(r->lead))
        return 0;
    int up = r->lead > ms->lead_target;
    long i = extreme_stage(m, r, plan, up ? +1 : -1);
    if (i < 0 || (!up && !(r->util[i] < ms->util_low)))
        return 0;
    int c = plan->stages[i].servers, now = target(m, plan, (size_t)i);
    int want = now + (up ? ms->staff_step : -ms->staff_step);
    int lo = spc_management_staff_lo(ms, c), hi = spc_management_staff_hi(ms, c);
    want = want < lo ? lo : want > hi ? hi : want;
    m->d_staff[i] = want - c;
    return want - now;
}

/* One lever's rule: +step below the target, -step above target + band. */
static double lever_rule(double seen_v, double target, double band, double step, double lever, double lo,
                         double hi)
{
    if (!(target > 0) || !isfinite(seen_v))
        return 0.0;
    double want = lever;
    if (seen_v < target)
        want = lever + step;
    else if (seen_v > target + band)
        want = lever - step;
    return clamp(want, lo, hi) - lever;
}

/* A review; returns the signed staffing change and sets *changed. */
static int review(spc_management *m, const record_t *r, const spc_scenario *plan, int *changed)
{
    const spc_management_spec *ms = m->ms;
    int ds = staffing_rule(m, r, plan);
    double pay = plan->workforce.pay + m->d_pay;
    double dp = lever_rule(r->esat, ms->esat_target, ms->esat_band, ms->pay_step, pay, ms->pay_min, ms->pay_max);
    double h = plan->workforce.training_hours + m->d_training;
    double dt = lever_rule(r->csat, ms->csat_target, ms->csat_band, ms->training_step, h, 0.0,
                           training_hi(plan, ms->training_max));
    m->d_pay += dp;
    m->d_training += dt;
    *changed = ds != 0 || dp != 0 || dt != 0;
    return ds;
}

/* ---- reports ---- */

static void count(spc_management *m, const spc_mgmt_obs *obs, int ds, int changed, double target)
{
    if (isfinite(m->head_prev) && isfinite(obs->headcount)) {
        m->c.step_sq += (obs->headcount - m->head_prev) * (obs->headcount - m->head_prev);
        m->c.steps += 1;
    }
    m->head_prev = obs->headcount;
    m->c.decisions += changed;
    m->c.staffing += abs(ds);
    if (ds != 0) {
        int dir = ds > 0 ? 1 : -1;
        m->c.reversals += m->last_dir != 0 && dir != m->last_dir;
        m->last_dir = dir;
    }
    m->c.target_sum += target;
    m->c.periods += 1;
}

static int is_review(const spc_management *m, long period)
{
    return m->ms->level == SPC_MGMT_MEASURE && (period + 1) % m->ms->review == 0;
}

int spc_management_report(spc_management *m, long period, double now, const spc_mgmt_obs *obs,
                          const spc_scenario *plan, spc_timeseries *ts, size_t stage_row0)
{
    record(m, period, obs);
    const record_t *r = seen(m, period);
    int changed = 0, ds = 0;
    if (r != NULL && is_review(m, period))
        ds = review(m, r, plan, &changed);
    spc_ts_row *row = spc_timeseries_add(ts, period, now, "management");
    if (row == NULL)
        return -1;
    double total = 0;
    for (size_t i = 0; i < m->nstages; i++) {
        spc_ts_row *s = &ts->rows[stage_row0 + i];
        s->v[SPC_TS_MG_TARGET] = target(m, plan, i);
        s->v[SPC_TS_MG_UTIL_SEEN] = r != NULL ? r->util[i] : NAN;
        total += s->v[SPC_TS_MG_TARGET];
    }
    row->v[SPC_TS_MG_LEAD_SEEN] = r != NULL ? r->lead : NAN;
    row->v[SPC_TS_MG_ESAT_SEEN] = r != NULL ? r->esat : NAN;
    row->v[SPC_TS_MG_CSAT_SEEN] = r != NULL ? r->csat : NAN;
    row->v[SPC_TS_MG_TARGET] = total;
    row->v[SPC_TS_MG_STAFFING] = ds;
    row->v[SPC_TS_MG_PAY] = plan->workforce.pay + m->d_pay;
    row->v[SPC_TS_MG_TRAINING] = clamp(plan->workforce.training_hours + m->d_training, 0.0,
                                       0.9 * plan->workforce.hours_per_week);
    row->v[SPC_TS_MG_DECISIONS] = changed;
    count(m, obs, ds, changed, total);
    return changed;
}

void spc_management_start_stats(spc_management *m)
{
    m->c = (counts_t){ 0 };
}

static spc_estimate value(double v)
{
    return (spc_estimate){ v, NAN, NAN, 1 };
}

int spc_management_collect(const spc_management *m, spc_results *out)
{
    const counts_t *c = &m->c;
    double rms = c->steps > 0 ? sqrt(c->step_sq / c->steps) : NAN;
    double target = c->periods > 0 ? c->target_sum / c->periods : NAN;
    int rc = spc_results_add(out, "management", "decisions", value(c->decisions)) |
             spc_results_add(out, "management", "staffing_changes", value(c->staffing)) |
             spc_results_add(out, "management", "reversals", value(c->reversals)) |
             spc_results_add(out, "management", "headcount_step_rms", value(rms)) |
             spc_results_add(out, "management", "staff_target_mean", value(target));
    return rc ? -1 : 0;
}
