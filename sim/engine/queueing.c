/* queueing.c -- Erlang B and C by the numerically stable recursion. */
#include "spcsim/queueing.h"

#include <math.h>

double spc_erlang_b(int c, double a)
{
    double b = 1.0;
    for (int k = 1; k <= c; k++)
        b = a * b / (k + a * b);
    return b;
}

double spc_erlang_c(int c, double a)
{
    if (!(a < c))
        return NAN;
    double b = spc_erlang_b(c, a);
    return c * b / (c - a * (1.0 - b));
}

double spc_mmc_wq(double lambda, double mu, int c)
{
    double pw = spc_erlang_c(c, lambda / mu);
    return isnan(pw) ? NAN : pw / (c * mu - lambda);
}
