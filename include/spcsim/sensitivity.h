/*
 * sensitivity.h -- global sensitivity analysis of any model: Morris
 * elementary effects and Sobol' indices, independent of the simulator.
 *
 * It works in three steps so that the model's evaluations can run anywhere,
 * in any order, on threads, in parts on several machines:
 *
 *   1. make a design: npoints points of k inputs, each in its range [lo, hi]
 *      (spc_sens_morris_design, spc_sens_sobol_design);
 *   2. the caller evaluates the model at every point, m outputs each, into
 *      y[point * m + output] (spc_sens_evaluate does it with a callback);
 *   3. compute the indices from the design and y (spc_sens_morris_indices,
 *      spc_sens_sobol_indices).
 *
 * Both designs are laid out in whole blocks (a Morris trajectory of k + 1
 * points; a Sobol' block A, AB_1 .. AB_k, B of k + 2 points), so any run of
 * whole blocks is a part that can be evaluated alone and merged back by
 * position. The formulas are in docs/model.md, section "Sensitivity".
 *
 * Ownership: a design owns its points (spc_sens_design_release); results
 * own their arrays (spc_sens_morris_release, spc_sens_sobol_release); the
 * caller owns y and the gsl_rng it lends (seeded by it: the same seed gives
 * the same design and intervals).
 */
#ifndef SPCSIM_SENSITIVITY_H
#define SPCSIM_SENSITIVITY_H

#include <stddef.h>
#include <gsl/gsl_rng.h>

#include "spcsim/error.h"

typedef enum { SPC_SENS_MORRIS, SPC_SENS_SOBOL } spc_sens_method;

/* The Sobol' design draws 2k dimensions from gsl_qrng_sobol (at most 40). */
#define SPC_SENS_SOBOL_MAX_K 20

typedef struct {
    spc_sens_method method;
    size_t k;            /* inputs */
    size_t npoints;      /* rows of x */
    size_t nblocks;      /* Morris: r trajectories; Sobol': N base points */
    size_t block;        /* points per block: k + 1 (Morris), k + 2 (Sobol') */
    double *x;           /* npoints x k, row-major, in the inputs' own units */
    double *u;           /* the same points scaled to [0, 1] */
    double *lo, *hi;     /* k ranges */
    unsigned levels;     /* Morris: p */
    double delta;        /* Morris: the step on [0, 1], p / (2 (p - 1)) */
} spc_sens_design;

/* Morris (1991): r trajectories on a p-level grid (p even, >= 2), each
 * k + 1 points; point j + 1 differs from point j in one input, by +-delta
 * (scaled), every input once per trajectory in a random order. The start
 * level of each input and the order are drawn from rng. */
spc_status spc_sens_morris_design(size_t k, const double *lo, const double *hi, unsigned r, unsigned p,
                                  gsl_rng *rng, spc_sens_design *d, spc_error *err);

/* Saltelli et al. (2010): N base points of the quasi-random Sobol'
 * sequence in 2k dimensions (the first point, the origin, skipped); A is
 * the first k coordinates, B the last k, AB_i is A with column i from B.
 * Block j holds A_j, AB_1j .. AB_kj, B_j: N (k + 2) points. */
spc_status spc_sens_sobol_design(size_t k, const double *lo, const double *hi, size_t n, spc_sens_design *d,
                                 spc_error *err);

void spc_sens_design_release(spc_sens_design *d);

/* The point's index of block b, position j within it. */
static inline size_t spc_sens_point(const spc_sens_design *d, size_t b, size_t j) { return b * d->block + j; }

/* Step 2 with a callback: y[p * m + o] = f(x_p)_o for every point, in order.
 * f returns 0, or nonzero to stop (then SPC_ERR_INTERNAL, "model failed at
 * point p"). */
typedef int (*spc_sens_model)(void *ctx, const double *x, size_t k, double *y, size_t m);
spc_status spc_sens_evaluate(const spc_sens_design *d, spc_sens_model f, void *ctx, size_t m, double *y,
                             spc_error *err);

/* ---- Morris ---- */

/* Per input i and output o, at [i * m + o]: the mean elementary effect mu,
 * the mean of its absolute value mu* (Campolongo, Cariboni and Saltelli
 * 2007) and its standard deviation sigma (r - 1 in the denominator; 0 when
 * r = 1). An elementary effect is (y(x + delta e_i) - y(x)) / delta on
 * the scaled inputs: the change of y over the whole range, were it linear. */
typedef struct {
    size_t k, m, r;
    double *mu, *mu_star, *sigma;
} spc_sens_morris;

spc_status spc_sens_morris_indices(const spc_sens_design *d, const double *y, size_t m, spc_sens_morris *out,
                                   spc_error *err);
void spc_sens_morris_release(spc_sens_morris *s);

/* ---- Sobol' ---- */

/* Per input i and output o, at [i * m + o]: the first-order index S_i
 * (Saltelli et al. 2010) and the total index ST_i (Jansen 1999), each with
 * a 95% percentile interval over `boot` bootstrap resamples of the N base
 * points; var[o] is the output's variance over A and B. An index whose
 * output does not vary (V = 0) is NaN. */
typedef struct {
    size_t k, m, n, boot;
    double *s, *s_lo, *s_hi;
    double *st, *st_lo, *st_hi;
    double *var;
} spc_sens_sobol;

/* Uses the first `n` blocks of the design (n <= d->nblocks; 0: all): the
 * estimate of a shorter Sobol' sequence, whose difference from the whole
 * one says how far the quasi-random estimate still moves. */
spc_status spc_sens_sobol_indices(const spc_sens_design *d, const double *y, size_t m, size_t n, unsigned boot,
                                  gsl_rng *rng, spc_sens_sobol *out, spc_error *err);
void spc_sens_sobol_release(spc_sens_sobol *s);

#endif
