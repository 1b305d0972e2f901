/*
 * calibrate.h -- finding settings that make a scenario produce target values.
 *
 * Free settings x_j in [lo_j, hi_j] are searched by GSL's Nelder-Mead
 * simplex (nmsimplex2) on unbounded variables u_j, x_j = lo + (hi - lo) /
 * (1 + e^-u_j). The objective is the sum of squared relative errors
 *
 *   f(x) = sum_k ((m_k(x) - t_k) / t_k)^2        (t_k = 0: absolute error)
 *
 * where m_k is the across-replication mean of target metric k. Every
 * evaluation runs the same replications (same seed and indices), so f is a
 * deterministic, piecewise-smooth function of x (common random numbers).
 * The search stops when every target lies within its metric's 95% interval
 * and the simplex is small, or after max_iter iterations.
 */
#ifndef SPCSIM_CALIBRATE_H
#define SPCSIM_CALIBRATE_H

#include <stdio.h>

#include "spcsim/experiment.h"

#define SPC_CALIBRATE_MAX 8

typedef struct {
    char scope[64], metric[48];
    double value;
} spc_target;

typedef struct {
    char *path;
    double lo, hi;
} spc_free_param;

typedef struct {
    size_t ntargets, nfree;
    spc_target target[SPC_CALIBRATE_MAX];
    spc_free_param param[SPC_CALIBRATE_MAX];
    unsigned max_iter;
    double size_tol;        /* simplex size (in u) at which to stop */
} spc_calibration;

typedef struct {
    double x[SPC_CALIBRATE_MAX];       /* best settings */
    double value[SPC_CALIBRATE_MAX];   /* metric means there */
    double lo[SPC_CALIBRATE_MAX], hi[SPC_CALIBRATE_MAX];
    double objective;
    unsigned iterations, evaluations;
    int met;                           /* every target inside its interval */
} spc_calibration_result;

/* "scope/metric=value" and "path=lo:hi"; the strings are copied. */
spc_status spc_calibration_add_target(spc_calibration *c, const char *arg, spc_error *err);
spc_status spc_calibration_add_free(spc_calibration *c, const char *arg, spc_error *err);
void spc_calibration_release(spc_calibration *c);

/* Searches; `path` and `sets` give the scenario (sets first, then the free
 * settings). log (may be NULL) gets one CSV line per iteration. */
spc_status spc_calibrate(const char *path, const char *const *sets, size_t nsets, const spc_calibration *c,
                         const spc_experiment_opts *opts, spc_calibration_result *out, FILE *log, spc_error *err);

#endif
