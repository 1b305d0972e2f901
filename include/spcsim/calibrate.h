/*
 * calibrate.h -- finding settings that make a scenario produce target values.
 *
 * Free settings x_j in [lo_j, hi_j] are searched by GSL's Nelder-Mead
 * simplex (nmsimplex2) on unbounded variables u_j, x_j = lo + (hi - lo) /
 * (1 + e^-u_j). Targets (target.h) are summary metrics, statistics across
 * the units of the panel, or statistics across the rows of the employee
 * log. The objective is a weighted sum of squares
 *
 *   f(x) = sum_k ((m_k(x) - t_k) / w_k)^2
 *
 * where m_k is target k's across-replication mean and w_k its stated
 * uncertainty (VALUE:SD), else |t_k| (a relative error), else 1 (t_k = 0).
 * One experiment per evaluation serves every target, and every evaluation
 * runs the same replications (same seed and indices), so f is a
 * deterministic, piecewise-smooth function of x (common random numbers).
 * A target is met when t_k lies in m_k's 95% interval or within its SD of
 * m_k. The search stops when every target is met and the simplex is small,
 * or after max_iter iterations.
 *
 * A joint calibration runs several scenarios at each evaluation with the
 * same free settings (e.g. one behaviour in two companies); a target
 * prefixed SCENARIO@ is measured on that one, others on the first. A
 * scenario with chain targets (chain(DELTA):STAT(M)) runs its base with the
 * chain study's structure and, for each DELTA, the variant whose lever
 * raises ESAT by DELTA: the lever search of lever.h at the first
 * evaluation, then spc_lever_follow from the value the previous evaluation
 * used (still a value that meets the search's tolerance, found afresh when
 * the settings moved ESAT enough to need it), so every chain target is the
 * change `spcsim chain` would report at those settings.
 */
#ifndef SPCSIM_CALIBRATE_H
#define SPCSIM_CALIBRATE_H

#include <stdio.h>

#include "spcsim/experiment.h"
#include "spcsim/lever.h"
#include "spcsim/target.h"

#define SPC_CALIBRATE_MAX 8

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
    int met_target[SPC_CALIBRATE_MAX]; /* target k met there (spc_target_met) */
    int met;                           /* every target met */
    double lever[SPC_CALIBRATE_MAX];   /* chain target k: the lever's value of its
                                          variant there; NaN for other targets */
} spc_calibration_result;

/* One scenario of a calibration: its file, the name SCENARIO@ selects, its
 * overrides (before the free settings) and its replications. */
typedef struct {
    const char *path;
    const char *name;
    const char *const *sets;
    size_t nsets;
    unsigned replications;
} spc_calibration_scenario;

/* What chain targets need: the lever raised and the replications of its
 * search (lever.h; 0: all). */
typedef struct {
    const char *lever;
    unsigned search_replications;
} spc_calibration_chain;

/* A --target (target.h) and a --free "path=lo:hi"; the strings are copied. */
spc_status spc_calibration_add_target(spc_calibration *c, const char *arg, spc_error *err);
spc_status spc_calibration_add_free(spc_calibration *c, const char *arg, spc_error *err);
void spc_calibration_release(spc_calibration *c);

/* Searches over the n scenarios sc[] (each loaded from its path with its
 * sets, then the free settings), with opts' threads and stop flag (the
 * replications are each scenario's). chain may be NULL when no target is a
 * chain target. log (may be NULL) gets one CSV line per iteration. Errors
 * (SPC_ERR_USAGE): a SCENARIO@ that names none of them, a scenario no
 * target measures, more (scenario, DELTA) pairs than SPC_CALIBRATE_MAX. */
spc_status spc_calibrate(const spc_calibration_scenario *sc, size_t n, const spc_calibration *c,
                         const spc_calibration_chain *chain, const spc_experiment_opts *opts,
                         spc_calibration_result *out, FILE *log, spc_error *err);

/* One scenario, path with sets, run with opts' replications; no chain targets. */
spc_status spc_calibrate_one(const char *path, const char *const *sets, size_t nsets, const spc_calibration *c,
                             const spc_experiment_opts *opts, spc_calibration_result *out, FILE *log, spc_error *err);

/* targets.csv: target,value,sd,mean,ci95_low,ci95_high,met, one row per
 * target at the best settings (sd empty when none was given). */
void spc_calibration_write_targets(FILE *f, const spc_calibration *c, const spc_calibration_result *r);

#endif
