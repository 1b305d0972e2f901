/*
 * workforce.c -- employees, work pressure, internal service quality, quits
 * and hires. Equations (docs/model.md, "Workforce"):
 *
 *   (S1) S* = clamp[0,100]( S0 + phi_i + w_q (Q - Q_ref) + w_pay ln(pay) + w_r (R - R_ref)
 *                           + w_t (H - H_ref) - w_p max(0, Pp - 1) - w_f max(0, F - 1) )
 *   (S2) S(t+D) = S* + (S - S*) e^(-D/tau_S)                           [E1]
 *   (F1) F* = 1 + o,  o = clamp(Pp - 1, 0, o_max);  F follows (E1) with tau_F
 *   (P1) pi_e = pi(tenure) phi(F) (1 + o) (1 - H/Hw)/(1 - H_ref/Hw) (1 - m)  [E2, E3]
 *        (overtime o adds hours, fatigue takes productivity: Oliva-Sterman)
 *        m = min(0.5, mentoring x sum over present (1 - pi(tenure))/(1 - pi0) / n)
 *   (W1) p = B Ts T0 / (tau_d A),  A = sum over present employees of pi_e
 *   (CR1) m's and A's sums kept per position (sum_tree.h): a hire or a departure
 *        changes its own terms in O(log n); refreshes take every term afresh
 *   (T1) service time = draw x T / pi_e                               [W3]
 *   (Q1) eps = e0 + (1 - e0) eps1 (1 - q),  q = min(1, T) phi(F)   (the server's fatigue)
 *        e0 = min(1, eps0 e^(-k (H - H_ref)) / pi(tenure))           (novices err more)
 *   (Q2) Q follows (E1) with tau_Q toward the latest input's score
 *        100 (w_ot [sojourn <= tau_d of the supplier] + (1 - w_ot) [accurate])
 *   (T2) quits: candidates at rate h_max = m h(0) + h_o, accepted with h_i/h_max  [E5]
 *   (T3) h_i = m h(S_continuity) + h_o: the labour market, and leaving for other reasons
 *   (H1), (H2) job fit phi_i in S*, skill k_i in pi_e, drawn at hire (people stream)
 *   (ER1)-(ER3) employer reputation rho, from the periods' ESAT and CSAT (reputation.h):
 *        hiring delays x e^(-w_delay rho), new hires' fit + w_fit rho
 *   (V0) each pathway reads S, S_cf (blind: the levers at their initial values) or mu (off);
 *        (V1) speed e^(w_v z) in pi_e, (V2) accuracy e^(-w_a z) on eps (pathway_eq.h)
 *
 * Between events inputs are held constant; every stock is brought up to
 * date lazily, at the events that read or change it, and at most once per
 * step delta (LZ1): pressure then enters as its average over the interval.
 */
#include "workforce_impl.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_randist.h>

#include "spcsim/events.h"
#include "spcsim/pathway_eq.h"
#include "spcsim/queueing.h"
#include "spcsim/rng.h"
#include "spcsim/traffic.h"

/* Work pressure is capped: beyond it, more backlog changes nothing people do. */
#define PRESSURE_MAX 4.0

static double clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* ---- one employee ---- */

static double overtime(const spc_workforce_spec *w, double pp)
{
    return clamp(pp - 1.0, 0.0, w->overtime_max); /* (F1) */
}

/* (S1), with job fit (H1); lev: pay, recognition, training hours */
double spc_wf_s_target(const spc_workforce *wf, const group_t *g, const employee_t *e, double now,
                       const double lev[3])
{
    const spc_workforce_spec *w = wf->w;
    double c = spc_first_order(e->c, e->c_obs, now - e->t_c, w->tau_q); /* (M1) */
    double s = w->s_base + wf->unit.s_shift + e->fit + w->w_customer * (c - w->customer_ref) +
               w->w_isq * (spc_wf_isq(wf, g, now) - w->isq_ref) + w->w_pay * (lev[0] == w->pay ? wf->ln_pay : log(lev[0])) +
               w->w_recognition * (lev[1] - w->recognition_ref) + w->w_training * (lev[2] - w->training_ref) -
               w->w_pressure * fmax(0.0, g->ero.perceived - 1.0) - w->w_fatigue * fmax(0.0, e->f - 1.0);
    return clamp(s, 0.0, 100.0);
}

/* (S2), (F1): brings S (and S_cf, V0) and F up to now. */
void spc_wf_update_employee(spc_workforce *wf, group_t *g, employee_t *e, double now)
{
    double dt = now - e->t;
    if (!(dt > 0))
        return;
    const spc_workforce_spec *w = wf->w;
    double lev[3] = { w->pay, w->recognition, w->training_hours };
    double s_star = spc_wf_s_target(wf, g, e, now, lev), s_old = e->s;
    if (wf->track_cf) { /* the same arithmetic, the levers at their initial values */
        double cf_star = spc_wf_s_target(wf, g, e, now, wf->lever0);
        if (w->s_dynamic)
            e->s_cf = spc_first_order(e->s_cf, cf_star, dt, w->tau_s);
    }
    e->f = spc_first_order(e->f, 1.0 + overtime(w, g->ero.perceived), dt, w->tau_f);
    if (w->s_dynamic)
        e->s = spc_first_order(e->s, s_star, dt, w->tau_s);
    if (wf->log != NULL)
        spc_wf_log_path(wf, g, e, e->t, s_old, w->s_dynamic ? s_star : s_old, now);
    e->t = now;
    e->drv_epoch = 0; /* what derive() kept was of the old state */
}

/* (LZ1): up to date at most once per step */
void spc_wf_touch_employee(spc_workforce *wf, group_t *g, employee_t *e, double now)
{
    if (now - e->t >= wf->w->step)
        spc_wf_update_employee(wf, g, e, now);
}

double spc_wf_pathway_s(const spc_workforce *wf, const employee_t *e, spc_pathway p)
{
    const spc_workforce_spec *w = wf->w;
    if (!w->pw_on[p])
        return wf->quit.mu;
    return w->pw_blind[p] ? e->s_cf : e->s;
}

/* z = (S - mu)/sigma as pathway p reads it (0 when p is off). */
static double pathway_z(const spc_workforce *wf, const employee_t *e, spc_pathway p)
{
    return (spc_wf_pathway_s(wf, e, p) - wf->quit.mu) / wf->quit.sigma;
}

static double training_factor(const spc_workforce_spec *w)
{
    return (1.0 - w->training_hours / w->hours_per_week) / (1.0 - w->training_ref / w->hours_per_week);
}

/* The employee's own factors of (P1) and (Q1) at its last update e->t
 * (LZ1), kept until it is updated again or the levers change. */
static void derive(const spc_workforce *wf, employee_t *e)
{
    if (e->drv_epoch == wf->epoch)
        return;
    const spc_workforce_spec *w = wf->w;
    double learn = spc_learning(e->t - e->hired, w->pi0, w->tau_l);
    e->phi = spc_fatigue_factor(e->f, w->phi_min);
    e->prod = learn * e->phi * e->skill * spc_speed_factor(w->w_speed, pathway_z(wf, e, SPC_PW_SPEED));
    double e0 = wf->eps0_train / learn;
    e->e0 = e0 < 1.0 ? e0 : 1.0; /* novices err more */
    e->acc = spc_accuracy_factor(w->w_accuracy, pathway_z(wf, e, SPC_PW_ACCURACY));
    e->drv_epoch = wf->epoch;
}

/* (P1), with skill (H2) and speed (V1): the employee's factors and the stage's */
double spc_wf_productivity(const spc_workforce *wf, const group_t *g, employee_t *e)
{
    derive(wf, e);
    return e->prod * (1.0 + overtime(wf->w, g->ero.perceived)) * wf->training * (1.0 - g->mentor);
}

/* (Q1), (V2): the error probability of e's next completion */
static double error_prob(const spc_workforce *wf, const group_t *g, employee_t *e)
{
    derive(wf, e);
    double q = (g->tpo < 1.0 ? g->tpo : 1.0) * e->phi;
    double eps = (e->e0 + (1.0 - e->e0) * wf->w->eps1 * (1.0 - q)) * e->acc;
    return eps < 1.0 ? eps : 1.0;
}

/* (Q2) read at `now` */
double spc_wf_isq(const spc_workforce *wf, const group_t *g, double now)
{
    return spc_first_order(g->isq, g->isq_obs, now - g->t_isq, wf->w->tau_q);
}

/* ---- pressure ---- */

/* The integral of the pressure input up to now (LZ1). */
static void accumulate(group_t *g, double now)
{
    double dt = now - g->t_p;
    if (dt > 0) {
        g->p_int += g->p * dt;
        g->t_p = now;
    }
}

/* Brings pressure, the standard and the stage's money to now: pressure
 * enters as its mean since the last update (exactly p when it did not
 * change). Headcount is constant in between: a hire or a departure first
 * brings the stage up to date. */
void spc_wf_advance_pressure(spc_workforce *wf, group_t *g, double now)
{
    double dt = now - g->t_ero;
    if (!(dt > 0))
        return;
    double p = g->t_p > g->t_ero ? (g->p_int + g->p * (now - g->t_p)) / dt : g->p;
    double ot = overtime(wf->w, g->ero.perceived) * g->present * dt;
    double rate = g->spec->salary * wf->w->pay / wf->w->quit.year; /* per person and time unit */
    g->overtime += ot;
    g->money.overtime += ot * rate;
    g->money.wages += g->present * dt * rate;
    g->money.person_time += g->present * dt;
    g->money.programmes += wf->sc->finance.recognition_cost * wf->w->recognition * g->present * dt / wf->w->quit.year;
    spc_erosion_advance(&g->ero, &wf->w->erosion, p, dt);
    g->t_ero = g->t_p = now;
    g->p_int = 0.0;
    g->tpo = spc_erosion_time_per_order(&g->ero, &wf->w->erosion);
}

/* (LZ1): up to date at most once per step; the pressure integral always */
void spc_wf_touch_pressure(spc_workforce *wf, group_t *g, double now)
{
    if (now - g->t_ero >= wf->w->step)
        spc_wf_advance_pressure(wf, g, now);
    else
        accumulate(g, now);
}

/* (W1) from the backlog B at the stage. */
static void set_pressure(spc_workforce *wf, group_t *g, long backlog)
{
    (void)wf;
    double required = (double)backlog * g->ero.standard * g->t0 / g->target_delay;
    g->p = g->avail > 0 ? fmin(PRESSURE_MAX, required / g->avail) : PRESSURE_MAX;
}

/* The terms position k adds to the sums of m and A (CR1): its holder's
 * learning gap and, at work, its own factors of pi_e; 0 and 0 when vacant. */
static void position_terms(spc_workforce *wf, group_t *g, uint32_t k, double now, double *load, double *prod)
{
    const spc_workforce_spec *w = wf->w;
    employee_t *e = &g->emp[k];
    *load = *prod = 0.0;
    if (!e->present)
        return;
    e->t_cap = now;
    if (w->pi0 < 1.0) /* pi0 = 1: nobody has anything to learn */
        *load = (1.0 - spc_learning(now - e->hired, w->pi0, w->tau_l)) / (1.0 - w->pi0);
    if (spc_absence_at_work(e, now)) { /* the absent add nothing */
        derive(wf, e);
        *prod = e->prod;
    }
}

/* m and A from the kept sums, then p (W1), (P1). */
static void capacity_from_sums(spc_workforce *wf, group_t *g)
{
    double load = spc_sum_tree_total(&g->load);
    g->mentor = g->present > 0 ? fmin(0.5, wf->w->mentoring * load / g->present) : 0.0;
    g->avail = spc_sum_tree_total(&g->prod) * (1.0 + overtime(wf->w, g->ero.perceived)) * wf->training *
               (1.0 - g->mentor);
    set_pressure(wf, g, spc_chain_in_stage(wf->chain, (uint32_t)(g - wf->g)));
}

void spc_wf_refresh_capacity(spc_workforce *wf, group_t *g, double now)
{
    spc_wf_advance_pressure(wf, g, now);
    for (uint32_t k = 0; k < g->npos; k++) {
        double load, prod;
        if (g->emp[k].present)
            spc_wf_update_employee(wf, g, &g->emp[k], now);
        position_terms(wf, g, k, now, &load, &prod);
        spc_sum_tree_put(&g->load, k, load);
        spc_sum_tree_put(&g->prod, k, prod);
    }
    spc_sum_tree_rebuild(&g->load);
    spc_sum_tree_rebuild(&g->prod);
    capacity_from_sums(wf, g);
}

void spc_wf_refresh_position(spc_workforce *wf, group_t *g, uint32_t pos, double now)
{
    double load, prod;
    spc_wf_advance_pressure(wf, g, now);
    position_terms(wf, g, pos, now, &load, &prod);
    spc_sum_tree_set(&g->load, pos, load);
    spc_sum_tree_set(&g->prod, pos, prod);
    capacity_from_sums(wf, g);
}

/* Whether the kept sums of g are what the terms give: each term what its
 * position's holder gave when taken, the totals those of the terms afresh
 * (bit for bit in the tree's order, and within the rounding bound 2 n eps
 * of a plain sum of nonnegative terms); -1 when out of memory. */
static int sums_consistent(const spc_workforce *wf, const group_t *g)
{
    const spc_workforce_spec *w = wf->w;
    uint32_t present = 0;
    double seq[2] = { 0, 0 };
    spc_sum_tree fresh[2];
    if (spc_sum_tree_init(&fresh[0], g->npos) || spc_sum_tree_init(&fresh[1], g->npos)) {
        spc_sum_tree_release(&fresh[0]);
        return -1;
    }
    int ok = 1;
    for (uint32_t k = 0; k < g->npos; k++) {
        const employee_t *e = &g->emp[k];
        double load = spc_sum_tree_term(&g->load, k), prod = spc_sum_tree_term(&g->prod, k);
        if (!e->present)
            ok &= load == 0.0 && prod == 0.0;
        else {
            present++;
            double gap = w->pi0 < 1.0 ? (1.0 - spc_learning(e->t_cap - e->hired, w->pi0, w->tau_l)) / (1.0 - w->pi0) : 0;
            ok &= load == gap;
            ok &= spc_absence_at_work(e, e->t_cap) ? prod > 0 : prod == 0.0;
            if (e->t == e->t_cap && e->drv_epoch == wf->epoch && spc_absence_at_work(e, e->t_cap))
                ok &= prod == e->prod; /* not updated since: the term is its factors */
        }
        spc_sum_tree_put(&fresh[0], k, load);
        spc_sum_tree_put(&fresh[1], k, prod);
        seq[0] += load;
        seq[1] += prod;
    }
    spc_sum_tree_rebuild(&fresh[0]);
    spc_sum_tree_rebuild(&fresh[1]);
    const spc_sum_tree *kept[2] = { &g->load, &g->prod };
    for (int i = 0; i < 2; i++) {
        double tot = spc_sum_tree_total(kept[i]);
        ok &= tot == spc_sum_tree_total(&fresh[i]) && fabs(tot - seq[i]) <= 2.0 * g->npos * DBL_EPSILON * seq[i];
    }
    ok &= present == g->present;
    ok &= g->mentor == (present > 0 ? fmin(0.5, w->mentoring * spc_sum_tree_total(&g->load) / present) : 0.0);
    spc_sum_tree_release(&fresh[0]);
    spc_sum_tree_release(&fresh[1]);
    return ok;
}

spc_status spc_workforce_check_sums(const spc_workforce *wf, spc_error *err)
{
    for (size_t i = 0; i < wf->ng; i++) {
        int ok = sums_consistent(wf, &wf->g[i]);
        if (ok < 0)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory checking the capacity sums");
        if (!ok)
            return spc_error_set(err, SPC_ERR_INTERNAL, "stage %zu: the kept sums of capacity (CR1) differ from "
                                 "their terms", i);
    }
    return SPC_OK;
}

/* ---- the chain's hooks ---- */

static double hook_service_time(void *ctx, uint32_t stage, uint32_t server, double base, double now)
{
    spc_workforce *wf = ctx;
    group_t *g = &wf->g[stage];
    employee_t *e = &g->emp[server];
    spc_wf_touch_pressure(wf, g, now);
    spc_wf_touch_employee(wf, g, e, now);
    return base * g->tpo / spc_wf_productivity(wf, g, e); /* (T1), (W3) */
}

static double hook_error_prob(void *ctx, uint32_t stage, uint32_t server, double now)
{
    spc_workforce *wf = ctx;
    group_t *g = &wf->g[stage];
    employee_t *e = &g->emp[server]; /* the one who served (even if gone since), as last updated */
    spc_wf_touch_pressure(wf, g, now);
    return error_prob(wf, g, e);
}

static void hook_received(void *ctx, uint32_t to, uint32_t from, double sojourn, int accurate, double now)
{
    spc_workforce *wf = ctx;
    group_t *g = &wf->g[to];
    double w_ot = wf->w->w_on_time;
    double on_time = sojourn <= wf->g[from].target_delay ? 1.0 : 0.0;
    g->isq = spc_wf_isq(wf, g, now); /* (Q2) */
    g->isq_obs = 100.0 * (w_ot * on_time + (1.0 - w_ot) * (accurate ? 1.0 : 0.0));
    g->t_isq = now;
}

static void hook_backlog(void *ctx, uint32_t stage, long in_stage, double now)
{
    spc_workforce *wf = ctx;
    group_t *g = &wf->g[stage];
    spc_wf_touch_pressure(wf, g, now);
    set_pressure(wf, g, in_stage);
}

/* ---- trace ---- */

void spc_workforce_set_trace(spc_workforce *wf, spc_trace *tr)
{
    wf->trace = tr;
}

/* "employee 23 quits (satisfaction 41.2, fatigue 1.05, tenure 35.1 w)"; a hire: satisfaction only */
void spc_wf_trace(const spc_workforce *wf, spc_trace_kind kind, const group_t *g, uint32_t pos, double now,
                  const char *what)
{
    if (!spc_trace_wants(wf->trace, kind, now))
        return;
    const employee_t *e = &g->emp[pos];
    char where[96];
    spc_trace_position(where, sizeof where, g->spec->name, pos);
    if (kind == SPC_TR_HIRE)
        spc_trace_line(wf->trace, now, kind, where, "employee %u %s (satisfaction %.1f)", e->id, what, e->s);
    else
        spc_trace_line(wf->trace, now, kind, where, "employee %u %s (satisfaction %.1f, fatigue %.2f, tenure %.1f %s)",
                       e->id, what, e->s, e->f, now - e->hired, wf->sc->time_unit);
}

/* ---- quits and hires ---- */

static spc_status schedule(spc_workforce *wf, double t, uint32_t kind, group_t *g, uint32_t pos,
                           spc_event_id *id, spc_error *err)
{
    *id = 0;
    if (t > wf->sc->horizon)
        return SPC_OK;
    *id = spc_calendar_push(wf->cal, t, kind, (uint32_t)(g - wf->g), pos);
    return *id ? SPC_OK : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
}

/* The next quit candidate of the employee at pos (T2). */
static spc_status next_candidate(spc_workforce *wf, group_t *g, uint32_t pos, double now, spc_error *err)
{
    if (!wf->w->turnover || !(wf->h_max > 0)) {
        g->emp[pos].quit_ev = 0;
        return SPC_OK;
    }
    double t = now + spc_dist_exponential(g->turnover, 1.0 / wf->h_max);
    return schedule(wf, t, SPC_EV_QUIT_CHECK, g, pos, &g->emp[pos].quit_ev, err);
}

static spc_status open_vacancy(spc_workforce *wf, group_t *g, uint32_t pos, double now, spc_error *err)
{
    employee_t *e = &g->emp[pos];
    if (e->present || e->hire_ev != 0 || pos >= g->target)
        return SPC_OK;
    double delay = spc_dist_sample(&wf->w->hire_delay, g->hiring);
    if (wf->w->rep_on) { /* (ER3) */
        spc_reputation_params rp = spc_wf_reputation_params(wf->w);
        delay *= spc_reputation_delay_factor(&rp, wf->rep);
    }
    return schedule(wf, now + delay, SPC_EV_HIRE, g, pos, &e->hire_ev, err);
}

/* Someone leaves position pos: a quit (quit = 1), or another reason or a
 * layoff (quit = 0: `other` in employees.csv). */
static spc_status leave(spc_workforce *wf, group_t *g, uint32_t pos, double now, int quit, spc_error *err)
{
    employee_t *e = &g->emp[pos];
    spc_wf_advance_pressure(wf, g, now);
    if (wf->log != NULL) {
        spc_wf_update_employee(wf, g, e, now);
        if (spc_wf_log_leave(wf, g, e, now, quit, !quit) != 0)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the employees' rows");
    }
    spc_calendar_cancel(wf->cal, e->quit_ev);
    e->quit_ev = 0;
    e->present = 0;
    e->absent_until = 0.0; /* a vacancy is nobody's absence */
    g->present--;
    if (spc_chain_set_staffed(wf->chain, (uint32_t)(g - wf->g), pos, 0, now, err) != SPC_OK)
        return err->code;
    spc_wf_refresh_position(wf, g, pos, now);
    return SPC_OK;
}

spc_status spc_workforce_quit_check(spc_workforce *wf, uint32_t stage, uint32_t pos, double now, spc_error *err)
{
    group_t *g = &wf->g[stage];
    employee_t *e = &g->emp[pos];
    e->quit_ev = 0;
    spc_wf_touch_pressure(wf, g, now);
    spc_wf_touch_employee(wf, g, e, now);
    /* (T2), (T3): the hazard at the satisfaction the continuity pathway reads */
    double h = wf->w->market * spc_quit_hazard(spc_wf_pathway_s(wf, e, SPC_PW_CONTINUITY), &wf->quit) + wf->h_other;
    if (!(gsl_rng_uniform(g->turnover) < h / wf->h_max))
        return next_candidate(wf, g, pos, now, err);
    int other = wf->h_other > 0 && gsl_rng_uniform(g->turnover) < wf->h_other / h;
    if (SPC_TRACING(wf->trace))
        spc_wf_trace(wf, SPC_TR_QUIT, g, pos, now, other ? "leaves for another reason" : "quits");
    g->quits += 1;
    g->cost += wf->w->quit_cost * e->salary * wf->w->pay;
    g->money.turnover += wf->w->quit_cost * e->salary * wf->w->pay;
    if (leave(wf, g, pos, now, !other, err) != SPC_OK)
        return err->code;
    return wf->w->freeze ? SPC_OK : open_vacancy(wf, g, pos, now, err);
}

/* A new employee: traits from the stage's people stream. */
static void arrive(spc_workforce *wf, group_t *g, employee_t *e, double now, double tenure)
{
    const spc_workforce_spec *w = wf->w;
    e->present = 1;
    e->fit = gsl_ran_gaussian(g->people, w->fit_sd);                      /* (H1) */
    if (w->rep_on) { /* (ER3): the applicants a reputation attracts */
        spc_reputation_params rp = spc_wf_reputation_params(w);
        e->fit += spc_reputation_fit_shift(&rp, wf->rep);
    }
    e->skill = spc_skill(w->skill_sd, gsl_ran_gaussian(g->people, 1.0)); /* (H2) */
    e->s = clamp(w->s_init_mean + wf->unit.s_shift + e->fit + gsl_ran_gaussian(g->people, w->s_init_sd), 0.0, 100.0);
    e->s_cf = e->s;
    e->f = 1.0;
    e->t = now;
    e->hired = now - tenure;
    e->salary = g->spec->salary;
    e->id = wf->next_id++;
    e->c = e->c_obs = w->customer_ref;
    e->t_c = now;
    e->drv_epoch = 0; /* nothing derived yet: epochs start at 1 */
    g->present++;
    spc_wf_log_hire(wf, e, now);
}

spc_status spc_workforce_hire(spc_workforce *wf, uint32_t stage, uint32_t pos, double now, spc_error *err)
{
    group_t *g = &wf->g[stage];
    employee_t *e = &g->emp[pos];
    e->hire_ev = 0;
    if (e->present || pos >= g->target)
        return SPC_OK;
    spc_wf_advance_pressure(wf, g, now);
    arrive(wf, g, e, now, 0.0);
    if (SPC_TRACING(wf->trace))
        spc_wf_trace(wf, SPC_TR_HIRE, g, pos, now, "is hired");
    g->hires += 1;
    g->money.hires += 1;
    if (spc_chain_set_staffed(wf->chain, stage, pos, 1, now, err) != SPC_OK)
        return err->code;
    spc_wf_refresh_position(wf, g, pos, now);
    return next_candidate(wf, g, pos, now, err);
}

/* ---- staffing targets (set-up and interventions) ---- */

/* A new headcount target: new positions are recruited for (even under a
 * freeze: management asked for them); positions above it are cut. Under a
 * freeze, old positions left vacant by quits stay vacant. */
static spc_status set_target(spc_workforce *wf, group_t *g, uint32_t target, double now, spc_error *err)
{
    uint32_t old = g->target;
    g->target = target;
    for (uint32_t pos = 0; pos < g->npos; pos++) {
        employee_t *e = &g->emp[pos];
        if (pos < target) {
            if ((!wf->w->freeze || pos >= old) && open_vacancy(wf, g, pos, now, err) != SPC_OK)
                return err->code;
            continue;
        }
        spc_calendar_cancel(wf->cal, e->hire_ev);
        e->hire_ev = 0;
        if (e->present) {
            if (SPC_TRACING(wf->trace)) /* brought up to date by spc_workforce_apply */
                spc_wf_trace(wf, SPC_TR_LAYOFF, g, pos, now, "is laid off");
            g->layoffs += 1;
            if (leave(wf, g, pos, now, 0, err) != SPC_OK)
                return err->code;
        }
    }
    return SPC_OK;
}

/* The quit law of this unit (its labour-market shift) and the thinning
 * bound h_max = m h(0) + h_o of (T2), (T3). */
static void set_quit_law(spc_workforce *wf)
{
    wf->quit = wf->w->quit;
    wf->quit.a += wf->unit.a_shift;
    wf->h_other = spc_other_hazard(wf->w->other, wf->quit.year);
    wf->h_max = wf->w->market * spc_quit_hazard(0.0, &wf->quit) + wf->h_other;
    /* and two factors of the state that every event would otherwise recompute */
    const spc_workforce_spec *w = wf->w;
    wf->ln_pay = log(w->pay);
    wf->eps0_train = w->eps0 * exp(-w->training_error * (w->training_hours - w->training_ref));
    wf->training = training_factor(w);
}

/* The quit law changed: every present employee's candidate stream restarts
 * at the new bound (memoryless, so this is exact). */
static spc_status restart_quits(spc_workforce *wf, double now, spc_error *err)
{
    for (size_t i = 0; i < wf->ng; i++)
        for (uint32_t pos = 0; pos < wf->g[i].npos; pos++) {
            employee_t *e = &wf->g[i].emp[pos];
            spc_calendar_cancel(wf->cal, e->quit_ev);
            e->quit_ev = 0;
            if (e->present && next_candidate(wf, &wf->g[i], pos, now, err) != SPC_OK)
                return err->code;
        }
    return SPC_OK;
}

spc_status spc_workforce_apply(spc_workforce *wf, const spc_scenario *state, double now, spc_error *err)
{
    for (size_t i = 0; i < wf->ng; i++)
        spc_wf_advance_pressure(wf, &wf->g[i], now);
    for (size_t i = 0; i < wf->ng; i++)   /* everyone up to date under the old levers */
        for (uint32_t k = 0; k < wf->g[i].npos; k++)
            if (wf->g[i].emp[k].present)
                spc_wf_update_employee(wf, &wf->g[i], &wf->g[i].emp[k], now);
    double old_hmax = wf->h_max;
    int old_on = wf->w->turnover;
    wf->sc = state;
    wf->w = &state->workforce;
    wf->epoch++; /* new levers and pathways: every employee's factors again */
    set_quit_law(wf);
    if ((wf->h_max != old_hmax || wf->w->turnover != old_on) && restart_quits(wf, now, err) != SPC_OK)
        return err->code;
    for (size_t i = 0; i < wf->ng; i++) {
        group_t *g = &wf->g[i];
        g->spec = &state->stages[i];
        g->tpo = spc_erosion_time_per_order(&g->ero, &wf->w->erosion); /* (W3) may have changed */
        g->t0 = spc_dist_true_mean(&g->spec->service); /* a new way of working */
        if (g->spec->target_delay > 0)
            g->target_delay = g->spec->target_delay;
        if (set_target(wf, g, (uint32_t)g->spec->servers, now, err) != SPC_OK)
            return err->code;
        spc_wf_refresh_capacity(wf, g, now);
    }
    return spc_absence_start(wf, now, err);
}

/* ---- set-up ---- */

/* Whether any state of the run (the scenario, an intervention's) has a blind pathway. */
static int has_blind(const spc_scenario *sc)
{
    for (size_t k = 0; k <= sc->ninterventions; k++) {
        const spc_workforce_spec *w = k == 0 ? &sc->workforce : &sc->interventions[k - 1].state->workforce;
        for (int p = 0; p < SPC_PW_N; p++)
            if (w->pw_blind[p])
                return 1;
    }
    return 0;
}

/* tau_d by default: the stage's M/M/c sojourn at the nominal load, so that
 * by Little's law the mean pressure at that load is the utilisation. */
static double default_target_delay(const spc_scenario *sc, size_t i, double lambda)
{
    const spc_stage_spec *s = &sc->stages[i];
    double t0 = spc_dist_true_mean(&s->service);
    double wq = spc_mmc_wq(lambda, 1.0 / t0, s->servers);
    return isfinite(wq) && lambda > 0 ? wq + t0 : 4.0 * t0;
}

static int group_init(spc_workforce *wf, group_t *g, size_t i, const gsl_rng_type *type, uint64_t rep,
                      double lambda, double rho)
{
    const spc_scenario *sc = wf->sc;
    g->spec = &sc->stages[i];
    g->npos = spc_chain_positions(wf->chain, (uint32_t)i);
    g->target = (uint32_t)g->spec->servers;
    g->t0 = spc_dist_true_mean(&g->spec->service);
    g->target_delay = g->spec->target_delay > 0 ? g->spec->target_delay : default_target_delay(sc, i, lambda);
    /* perceived pressure starts at its expected level at the nominal load:
     * by Little's law, the offered load when tau_d is automatic */
    g->ero = (spc_erosion){ isfinite(rho) ? rho * default_target_delay(sc, i, lambda) / g->target_delay : 0.0, 1.0 };
    g->tpo = spc_erosion_time_per_order(&g->ero, &wf->w->erosion);
    g->isq = g->isq_obs = wf->w->isq_ref;
    g->emp = calloc(g->npos, sizeof *g->emp);
    g->people = spc_rng_stream_alloc(type, sc->seed, rep, SPC_STREAM(SPC_STREAM_PEOPLE, i));
    g->turnover = spc_rng_stream_alloc(type, sc->seed, rep, SPC_STREAM(SPC_STREAM_TURNOVER, i));
    g->hiring = spc_rng_stream_alloc(type, sc->seed, rep, SPC_STREAM(SPC_STREAM_HIRING, i));
    if (!g->emp || spc_sum_tree_init(&g->load, g->npos) || spc_sum_tree_init(&g->prod, g->npos) || !g->people || !g->turnover || !g->hiring || spc_wf_stats_init(&g->st, (size_t)sc->batches) ||
        spc_absence_init(&g->ab, sc, type, rep, (long)i))
        return -1;
    return 0;
}

/* Initial employees: tenure drawn from the steady state of the quit hazard
 * at the reference satisfaction (exponential, mean 1/h(mu)). */
static spc_status staff_initially(spc_workforce *wf, group_t *g, spc_error *err)
{
    double h = wf->w->market * spc_quit_hazard(wf->w->quit.mu, &wf->quit) + wf->h_other;
    for (uint32_t pos = 0; pos < g->target; pos++) {
        double tenure = h > 0 ? spc_dist_exponential(g->people, 1.0 / h) : 0.0;
        arrive(wf, g, &g->emp[pos], 0.0, tenure);
        if (next_candidate(wf, g, pos, 0.0, err) != SPC_OK)
            return err->code;
    }
    spc_wf_refresh_capacity(wf, g, 0.0);
    return SPC_OK;
}

spc_workforce *spc_workforce_alloc(const spc_scenario *sc, spc_chain *chain, spc_calendar *cal,
                                   const gsl_rng_type *type, uint64_t rep, const spc_unit_traits *unit,
                                   spc_error *err)
{
    spc_workforce *wf = calloc(1, sizeof *wf);
    double *lambda = calloc(sc->nstages, sizeof *lambda), *rho = calloc(sc->nstages, sizeof *rho);
    if (wf == NULL || lambda == NULL || rho == NULL)
        goto oom;
    wf->sc = sc;
    wf->w = &sc->workforce;
    wf->chain = chain;
    wf->cal = cal;
    if (unit != NULL)
        wf->unit = *unit;
    set_quit_law(wf);
    wf->lever0[0] = wf->w->pay;
    wf->lever0[1] = wf->w->recognition;
    wf->lever0[2] = wf->w->training_hours;
    wf->track_cf = has_blind(sc);
    wf->epoch = 1;
    wf->ng = sc->nstages;
    wf->g = calloc(wf->ng, sizeof *wf->g);
    if (wf->g == NULL || spc_wf_stats_init(&wf->company, (size_t)sc->batches) ||
        spc_absence_init(&wf->ab, sc, type, rep, -1))
        goto oom;
    if (spc_traffic_solve(sc, lambda, rho) != 0)
        for (size_t i = 0; i < wf->ng; i++)
            lambda[i] = rho[i] = 0.0;
    for (size_t i = 0; i < wf->ng; i++)
        if (group_init(wf, &wf->g[i], i, type, rep, lambda[i], rho[i]) != 0)
            goto oom;
    wf->hooks = (spc_chain_hooks){ wf, hook_service_time, hook_error_prob, hook_received, hook_backlog };
    spc_chain_set_hooks(chain, &wf->hooks);
    for (size_t i = 0; i < wf->ng; i++)
        if (staff_initially(wf, &wf->g[i], err) != SPC_OK)
            goto fail;
    if (spc_absence_start(wf, 0.0, err) != SPC_OK)
        goto fail;
    free(lambda);
    free(rho);
    return wf;
oom:
    spc_error_set(err, SPC_ERR_INTERNAL, "out of memory setting up the workforce");
fail:
    free(lambda);
    free(rho);
    spc_workforce_free(wf);
    return NULL;
}

/* ---- what the customers and the ledger ask ---- */

void spc_workforce_meet(spc_workforce *wf, uint32_t stage, uint32_t pos, double now, spc_staff_view *v)
{
    group_t *g = &wf->g[stage];
    employee_t *e = &g->emp[pos];
    if (!e->present) {
        *v = (spc_staff_view){ UINT32_MAX, NAN, 0.0 };
        return;
    }
    spc_wf_touch_pressure(wf, g, now);
    spc_wf_touch_employee(wf, g, e, now);
    v->id = e->id;
    v->courtesy = wf->w->pw_on[SPC_PW_COURTESY] ? spc_wf_pathway_s(wf, e, SPC_PW_COURTESY) : NAN;
    v->recovery_z = pathway_z(wf, e, SPC_PW_RECOVERY);
}

void spc_workforce_set_log(spc_workforce *wf, spc_emplog *log, uint32_t unit)
{
    wf->log = log;
    wf->log_first = log != NULL ? log->n : 0;
    wf->unit_index = unit;
}

void spc_workforce_mirror(spc_workforce *wf, uint32_t stage, uint32_t pos, uint32_t id, double u, double now)
{
    group_t *g = &wf->g[stage];
    employee_t *e = &g->emp[pos];
    if (!e->present || e->id != id)
        return;
    spc_wf_touch_pressure(wf, g, now);
    spc_wf_touch_employee(wf, g, e, now);
    e->c = spc_first_order(e->c, e->c_obs, now - e->t_c, wf->w->tau_q);
    e->c_obs = 10.0 * u;
    e->t_c = now;
}

void spc_workforce_money(spc_workforce *wf, double now, spc_wf_money *out)
{
    *out = (spc_wf_money){ 0 };
    for (size_t i = 0; i < wf->ng; i++) {
        group_t *g = &wf->g[i];
        spc_wf_advance_pressure(wf, g, now);
        out->wages += g->money.wages;
        out->overtime += g->money.overtime;
        out->hires += g->money.hires;
        out->turnover += g->money.turnover;
        out->person_time += g->money.person_time;
        out->programmes += g->money.programmes;
    }
}

void spc_workforce_free(spc_workforce *wf)
{
    if (wf == NULL)
        return;
    for (size_t i = 0; wf->g && i < wf->ng; i++) {
        group_t *g = &wf->g[i];
        gsl_rng *r[] = { g->people, g->turnover, g->hiring };
        for (size_t k = 0; k < 3; k++)
            if (r[k] != NULL)
                gsl_rng_free(r[k]);
        free(g->emp);
        spc_sum_tree_release(&g->load);
        spc_sum_tree_release(&g->prod);
        spc_wf_stats_release(&g->st);
        spc_absence_release(&g->ab);
    }
    free(wf->g);
    spc_wf_stats_release(&wf->company);
    spc_absence_release(&wf->ab);
    free(wf);
}

/* ---- employer reputation (ER1)-(ER3) ---- */

spc_reputation_params spc_wf_reputation_params(const spc_workforce_spec *w)
{
    return (spc_reputation_params){ w->rep_esat_ref, w->rep_csat_ref, w->rep_w_esat, w->rep_w_csat, w->rep_memory,
                                    w->rep_delay, w->rep_fit };
}

void spc_workforce_reputation(spc_workforce *wf, double esat, double csat, double dt)
{
    if (!wf->w->rep_on)
        return;
    spc_reputation_params p = spc_wf_reputation_params(wf->w);
    wf->rep = spc_reputation_smooth(&p, wf->rep, spc_reputation_score(&p, esat, csat), dt);
    wf->rep_used = 1;
}

double spc_workforce_reputation_index(const spc_workforce *wf)
{
    return wf->rep_used ? wf->rep : NAN;
}
