/* queueing.c -- Erlang B and C by the numerically stable recursion; Erlang A
 * (M/M/c+M) from its birth-death chain. The formulas are in queueing.h. */
#include "spcsim/queueing.h"

#include <math.h>
#include <stddef.h>

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

/* The birth-death chain is summed until its terms are below 1e-16 of the
 * largest: beyond n = c the death rate grows by theta per order, so the
 * terms fall faster than any geometric series. -1 also when that takes
 * more than 10^8 terms (theta tiny beside an overload). */
int spc_erlang_a(double lambda, double mu, int c, double theta, spc_erlang_a_result *out)
{
    if (!(lambda > 0) || !(mu > 0) || !(theta > 0) || c < 1 || out == NULL)
        return -1;
    double pi = 1.0, total = 0.0, pmax = 1.0; /* unnormalised pi_n */
    double a = 0, m = 0, s = 0;               /* a_k, m_k, s_k of the arrival at n */
    double sum_a = 0, sum_m = 0, sum_s = 0, sum_q = 0;
    for (long n = 0;; n++) {
        if (n > 0)
            pi *= lambda / (n <= c ? n * mu : c * mu + (double)(n - c) * theta);
        total += pi;
        pmax = fmax(pmax, pi);
        if (n >= c) {
            double k = (double)(n - c);
            double r = c * mu + (k + 1) * theta, p = (c * mu + k * theta) / r;
            a = (1 - p) + p * a;
            m = a / r + p * m;
            s = (1 - a) / r + p * s;
            sum_a += pi * a;
            sum_m += pi * m;
            sum_s += pi * s;
            sum_q += pi * k;
        }
        if (n > c && pi < 1e-16 * pmax)
            break;
        if (n > 100000000L) /* theta so small that the sum would not end */
            return -1;
    }
    out->p_abandon = sum_a / total;
    out->lq = sum_q / total;
    out->w_all = out->lq / lambda;
    out->w_abandoned = sum_m / sum_a;
    out->w_served = sum_s / total / (1 - out->p_abandon);
    return 0;
}
