/*
 * reputation.c -- the equations of employer reputation (reputation.h).
 */
#include "spcsim/reputation.h"

#include <math.h>

double spc_reputation_score(const spc_reputation_params *p, double esat, double csat)
{
    double x = 0;
    int any = 0;
    if (!isnan(esat))
        x += p->w_esat * (esat - p->esat_ref) / 10.0, any = 1;
    if (!isnan(csat))
        x += p->w_csat * (csat - p->csat_ref) / 10.0, any = 1;
    return any ? x : NAN;
}

double spc_reputation_smooth(const spc_reputation_params *p, double rep, double x, double dt)
{
    if (isnan(x))
        return rep;
    if (!(p->memory > 0))
        return x;
    return rep - expm1(-dt / p->memory) * (x - rep);
}

double spc_reputation_delay_factor(const spc_reputation_params *p, double rep)
{
    return exp(-p->w_delay * rep);
}

double spc_reputation_fit_shift(const spc_reputation_params *p, double rep)
{
    return p->w_fit * rep;
}
