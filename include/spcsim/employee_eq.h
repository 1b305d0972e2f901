/*
 * employee_eq.h -- the equations of one employee, as pure functions.
 *
 * Symbols follow docs/model.md (section "Workforce").
 *
 *   first-order adjustment   x(t+D) = x* + (x(t) - x*) e^(-D/tau)            (E1)
 *   learning curve           pi(tau) = pi0 + (1 - pi0)(1 - e^(-tau/tauL))     (E2)
 *   fatigue productivity     phi(F) = max(phi_min, 1 - (F - 1))  for F > 1   (E3)
 *   annual quit probability  P(S) = 1 / (1 + e^-(a - beta (S - mu)/sigma))   (E4)
 *   quit hazard              h(S) = -ln(1 - P(S)) per year                   (E5)
 */
#ifndef SPCSIM_EMPLOYEE_EQ_H
#define SPCSIM_EMPLOYEE_EQ_H

#include <math.h>

#include "spcsim/scenario.h" /* spc_quit_params */

/* e^(-x). Steps are mostly minutes against time constants of weeks: for
 * |x| < 1/16 its Taylor polynomial of degree 9 (truncation below
 * x^10/10! < 3e-19, under a tenth of the rounding of the result), which
 * costs a fifth of libm's exp; exp beyond. */
static inline double spc_exp_neg(double x)
{
    if (!(fabs(x) < 0.0625))
        return exp(-x);
    double p = 1.0 - x * (1.0 / 9.0);
    p = 1.0 - x * (1.0 / 8.0) * p;
    p = 1.0 - x * (1.0 / 7.0) * p;
    p = 1.0 - x * (1.0 / 6.0) * p;
    p = 1.0 - x * (1.0 / 5.0) * p;
    p = 1.0 - x * (1.0 / 4.0) * p;
    p = 1.0 - x * (1.0 / 3.0) * p;
    p = 1.0 - x * (1.0 / 2.0) * p;
    return 1.0 - x * p;
}

/* (E1): exact solution of dx/dt = (x* - x)/tau over dt with x* held
 * constant. tau = INFINITY keeps x. Inline: the workforce calls it a few
 * times on every event, and the call cost as much as the arithmetic. */
static inline double spc_first_order(double x, double target, double dt, double tau)
{
    if (!(dt > 0) || isinf(tau) || x == target) /* at its target it stays (the same value exactly) */
        return x;
    if (!(tau > 0))
        return target;
    return target + (x - target) * spc_exp_neg(dt / tau);
}

/* (E2): productivity of a hire after `tenure` (0 < pi0 <= 1). */
double spc_learning(double tenure, double pi0, double tau_l);

/* (E3) */
double spc_fatigue_factor(double fatigue, double phi_min);


/* (E4) */
double spc_quit_probability(double s, const spc_quit_params *q);
/* (E5), per time unit. */
double spc_quit_hazard(double s, const spc_quit_params *q);

#endif
