/* erosion_eq.c -- pressure perception and the drifting standard, (W2)-(W4). */
#include "spcsim/erosion_eq.h"

#include <math.h>

#include "spcsim/employee_eq.h"

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

double spc_erosion_time_per_order(const spc_erosion *e, const spc_erosion_params *p)
{
    double pp = e->perceived > 1e-9 ? e->perceived : 1e-9;
    if (pp <= 1.0 && p->t_max <= 1.0) /* alpha <= 0: Pp^alpha >= 1, clamped to t_max (the same, without pow) */
        return e->standard * clamp(1.0, p->t_min, p->t_max);
    return e->standard * clamp(pow(pp, p->alpha), p->t_min, p->t_max);
}

/* d ln Ts/dt = (T/Ts - 1)/tau with tau chosen by the sign of T - Ts. */
static double log_rate(const spc_erosion *e, const spc_erosion_params *p)
{
    double t = spc_erosion_time_per_order(e, p);
    double tau = t < e->standard ? p->tau_down : p->tau_up;
    return isinf(tau) ? 0.0 : (t / e->standard - 1.0) / tau;
}

/* One trapezoid step of h: Pp exactly (W2), ln Ts by the trapezoid rule (W4). */
static void step(spc_erosion *e, const spc_erosion_params *prm, double p, double h)
{
    double r0 = log_rate(e, prm);
    spc_erosion next = *e;
    next.perceived = spc_first_order(e->perceived, p, h, prm->tau_p);
    next.standard = r0 != 0.0 ? e->standard * spc_exp_neg(-h * r0) : e->standard; /* predictor */
    double r1 = log_rate(&next, prm);
    if (r0 != 0.0 || r1 != 0.0) /* a standard at rest stays exactly where it is */
        next.standard = e->standard * spc_exp_neg(-0.5 * h * (r0 + r1)); /* trapezoid */
    else
        next.standard = e->standard;
    *e = next;
}

/* At most this many sub-steps of tau_p/20 (204.8 tau_p): by then Pp has
 * reached p (within e^-204), so ln Ts moves at a constant rate and the
 * rest of the interval is one exact step. A tiny tau_p (its range is open
 * at 0) thus costs bounded time, and the count always fits an int. */
#define EROSION_MAX_STEPS 4096

void spc_erosion_advance(spc_erosion *e, const spc_erosion_params *prm, double p, double dt)
{
    if (!(dt > 0))
        return;
    /* tau_p "never" (infinite): Pp stays, Ts still follows (W4) in one step */
    double max_step = prm->tau_p > 0 && isfinite(prm->tau_p) ? prm->tau_p / 20.0 : dt;
    double steps = dt <= max_step ? 1.0 : ceil(dt / max_step); /* one step: most advances are short */
    int capped = steps > EROSION_MAX_STEPS;
    int n = capped ? EROSION_MAX_STEPS : (int)steps;
    double h = capped ? max_step : n == 1 ? dt : dt / n;
    for (int i = 0; i < n; i++)
        step(e, prm, p, h);
    if (capped)
        step(e, prm, p, dt - n * h);
}
