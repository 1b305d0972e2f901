/* pathway_eq.c -- the pathways' and traits' equations (H1)-(V5), see pathway_eq.h. */
#include "spcsim/pathway_eq.h"

#include <math.h>

double spc_skill(double sigma_k, double z)
{
    return exp(sigma_k * z - 0.5 * sigma_k * sigma_k);
}

/* e^x, without the call when x = 0 (the pathway is off or S = mu): e^0 = 1 exactly */
static double exp_or_one(double x)
{
    return x == 0.0 ? 1.0 : exp(x);
}

double spc_speed_factor(double w_v, double z)
{
    return exp_or_one(w_v * z);
}

double spc_accuracy_factor(double w_a, double z)
{
    return exp_or_one(-w_a * z);
}

double spc_recovery_probability(double p0, double w_r, double z)
{
    if (!(p0 > 0))
        return 0.0;
    if (!(p0 < 1))
        return 1.0;
    return 1.0 / (1.0 + exp(-(log(p0 / (1.0 - p0)) + w_r * z)));
}

double spc_other_hazard(double p_other, double year)
{
    return p_other > 0 ? -log1p(-p_other) / year : 0.0;
}
