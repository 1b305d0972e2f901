/*
 * ziggurat.c -- the exponential ziggurat's table and its rare path (see
 * ziggurat.h for the method and its reference).
 *
 * Layer i >= 1 is the rectangle [0, x_i] x [f(x_i), f(x_{i-1})]; a point
 * (x, y) with x = u·x_i/2^56 and y uniform in that band is under the curve
 * when y < e^-x. Layer 0 is the base [0, q] x [0, f(r)], q = v / f(r): its
 * part left of r is accepted at once (k_0 = r/q·2^56); the part beyond r
 * stands for the tail, sampled as r + Exp(1).
 */
#include "spcsim/ziggurat.h"

#include <math.h>

#define TWO56 0x1.0p56

const spc_ziggurat_table spc_ziggurat_exp_table = {
#include "ziggurat_table.inc"
};

void spc_ziggurat_exp_compute(spc_ziggurat_table *t)
{
    double x = SPC_ZIG_R, prev = SPC_ZIG_R;
    const double q = SPC_ZIG_V / exp(-SPC_ZIG_R);
    t->k[0] = (uint64_t)(SPC_ZIG_R / q * TWO56);
    t->k[1] = 0; /* x_0 = 0: the top layer has no part accepted at once */
    t->w[0] = q / TWO56;
    t->w[SPC_ZIG_LAYERS - 1] = SPC_ZIG_R / TWO56;
    t->f[0] = 1.0;
    t->f[SPC_ZIG_LAYERS - 1] = exp(-SPC_ZIG_R);
    for (int i = SPC_ZIG_LAYERS - 2; i >= 1; i--) {
        x = -log(SPC_ZIG_V / x + exp(-x));
        t->k[i + 1] = (uint64_t)(x / prev * TWO56);
        prev = x;
        t->f[i] = exp(-x);
        t->w[i] = x / TWO56;
    }
}

/* A uniform on (0, 1), never 0: the upper 53 bits plus a half. */
static double open_uniform(spc_xoshiro *x)
{
    return ((double)(spc_xoshiro_next(x) >> 11) + 0.5) * 0x1.0p-53;
}

double spc_ziggurat_exp_rest(spc_xoshiro *x, uint64_t word)
{
    const spc_ziggurat_table *t = &spc_ziggurat_exp_table;
    for (;;) {
        unsigned i = (unsigned)(word & 0xff);
        uint64_t u = word >> 8;
        if (u < t->k[i])
            return (double)u * t->w[i];
        if (i == 0)
            return SPC_ZIG_R - log(open_uniform(x));
        double v = (double)u * t->w[i];
        if (t->f[i] + open_uniform(x) * (t->f[i - 1] - t->f[i]) < exp(-v))
            return v;
        word = spc_xoshiro_next(x);
    }
}
