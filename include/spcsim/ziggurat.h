/*
 * ziggurat.h -- exponential variates by the ziggurat method, on
 * xoshiro256++ words.
 *
 * Marsaglia and Tsang, "The ziggurat method for generating random
 * variables", J. Statistical Software 5(8), 2000, with 256 layers: the
 * density f(x) = e^-x is covered by 255 rectangles [0, x_i] x [f(x_i),
 * f(x_{i-1})] of equal area v and a base strip [0, r] x [0, f(r)] plus the
 * tail beyond r, also of area v (r = 7.697117470131487,
 * v = 3.949659822581572e-3). One 64-bit word picks layer i (its low 8 bits)
 * and a uniform u on [0, 2^56) (its upper 56 bits, so the layer and the
 * point within it are independent); x = u·w_i is accepted at once when it
 * lies under the next layer's edge, u < k_i, which happens in about 98.9%
 * of draws: one word, one compare, one multiply. The rest (the wedge
 * between a rectangle and the curve, and the tail r + Exp(1) by the
 * memoryless property) is in spc_ziggurat_exp_rest.
 *
 * The table is computed by the published recurrence (spc_ziggurat_exp_compute)
 * and committed as ziggurat_table.inc, so results do not depend on the
 * platform's exp and log; `make ziggurat-table` prints it again and the dist
 * suite checks it against the recurrence.
 */
#ifndef SPCSIM_ZIGGURAT_H
#define SPCSIM_ZIGGURAT_H

#include <stdint.h>

#include "spcsim/xoshiro.h"

#define SPC_ZIG_LAYERS 256
#define SPC_ZIG_R 7.697117470131487 /* x_255: where the tail begins */
#define SPC_ZIG_V 3.949659822581572e-3 /* the area of each layer */

typedef struct {
    uint64_t k[SPC_ZIG_LAYERS]; /* accept at once when u < k_i (u on [0, 2^56)) */
    double w[SPC_ZIG_LAYERS];   /* x = u·w_i: w_i = x_i / 2^56 (w_0: the base strip's) */
    double f[SPC_ZIG_LAYERS];   /* f_i = e^-x_i (f_0 = 1) */
} spc_ziggurat_table;

/* The committed table (ziggurat_table.inc). */
extern const spc_ziggurat_table spc_ziggurat_exp_table;

/* Fills t by Marsaglia and Tsang's recurrence x_{i-1} = -ln(v/x_i + e^-x_i)
 * from x_255 = r down to x_1. */
void spc_ziggurat_exp_compute(spc_ziggurat_table *t);

/* The draw when word's point is not accepted at once: the wedge test, the
 * tail, and fresh words from x until one is accepted. */
double spc_ziggurat_exp_rest(spc_xoshiro *x, uint64_t word);

/* A standard exponential (mean 1) from the generator's state. */
static inline double spc_ziggurat_exponential(spc_xoshiro *x)
{
    const uint64_t word = spc_xoshiro_next(x);
    const unsigned i = (unsigned)(word & 0xff);
    const uint64_t u = word >> 8;
    if (u < spc_ziggurat_exp_table.k[i])
        return (double)u * spc_ziggurat_exp_table.w[i];
    return spc_ziggurat_exp_rest(x, word);
}

#endif
