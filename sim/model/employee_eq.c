/* employee_eq.c -- one employee's equations (E1)-(E5), see employee_eq.h. */
#include "spcsim/employee_eq.h"

#include <math.h>

double spc_learning(double tenure, double pi0, double tau_l)
{
    if (!(tau_l > 0) || tenure < 0)
        return tenure < 0 ? pi0 : 1.0;
    return pi0 + (1.0 - pi0) * -expm1(-tenure / tau_l);
}

double spc_fatigue_factor(double fatigue, double phi_min)
{
    double phi = 1.0 - (fatigue - 1.0);
    if (phi > 1.0)
        return 1.0;
    return phi < phi_min ? phi_min : phi;
}

double spc_quit_probability(double s, const spc_quit_params *q)
{
    double z = (s - q->mu) / q->sigma;
    return 1.0 / (1.0 + exp(-(q->a - q->beta * z)));
}

/* (E5). Where P nears 1 (log-odds x above 15: 1 - P < 3.1e-7, whose
 * rounding would grow), -ln(1 - P) = ln(1 + e^x) = x + ln(1 + e^-x), which
 * stays finite and exact: an extreme turnover.beta or a tiny turnover.sd
 * makes quits fast, not a hazard of infinity (candidates at one instant
 * for ever). The usual log-odds, a few units, keep the first form. */
double spc_quit_hazard(double s, const spc_quit_params *q)
{
    double x = q->a - q->beta * (s - q->mu) / q->sigma;
    if (x > 15.0)
        return (x + log1p(exp(-x))) / q->year;
    return -log1p(-spc_quit_probability(s, q)) / q->year;
}
