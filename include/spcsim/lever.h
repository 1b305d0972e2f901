/*
 * lever.h -- the lever search of the chain study (spcsim chain): the value
 * of a lever that raises employee satisfaction by an asked amount.
 *
 * A lever is a setting such as workforce.levers.recognition; its variant
 * (chainstudy.h) raises it at the end of the warm-up, everything else,
 * streams included, being the base's (common random numbers). Its ESAT is
 * the across-replication mean of customers/esat. The search wants the
 * variant's ESAT to equal the target, the base's ESAT raised by `delta`
 * (points, or % of the base's ESAT):
 *
 *   f(x) = ESAT(variant at x) - target,   f(base value) < 0.
 *
 * The bracket starts at the base value and widens upward (a trial step,
 * then secant steps overshooting by 20%, within the lever's range) until
 * f >= 0; GSL's Brent root finder then narrows it. It stops when
 * |f| <= SPC_LEVER_TOL |target|, when the bracket is narrower than 1e-4
 * relative, or after max_evals evaluations. Every evaluation runs the same
 * replications, so f is deterministic; a memo of the values already run
 * answers Brent's repeated questions (the ends of the bracket) without
 * running them again.
 *
 * ESAT is measured far more precisely than what follows from it, so the
 * search may run only the first M of the N replications (goal's
 * search_replications): it then compares the variants' ESAT over those M
 * with the target over the base's same M, and runs the value found once
 * more with all N for the table. If ESAT over the N then misses the target
 * (over the N) by more than the tolerance, the value is scaled through the
 * base's point, x0 + (x - x0)(target - E0)/(ESAT(x) - E0), and run again
 * with the N (at most twice). M and N are fixed before any run, and the
 * table's replications are the same whatever ESAT they give, so its
 * intervals are ordinary fixed-N intervals.
 *
 * The base runs with the variants' structure: an intervention at the end
 * of the warm-up that switches to the base's own state. An intervention
 * itself updates the state (it closes the lazily integrated first-order
 * updates and restarts some schedules), so only with the same structure
 * is a variant that changes nothing the customers see exactly the base,
 * replication by replication (a difference of 0, not one within noise).
 */
#ifndef SPCSIM_LEVER_H
#define SPCSIM_LEVER_H

#include <stddef.h>

#include "spcsim/experiment.h"

/* How the study's runs are run: NULL, spc_experiment_run here; or a
 * runner the face supplies to spread them (over MPI ranks, mpi.h; over
 * the parts of a job array, spcsim chain --part). `whole` says what a run
 * is for: 1 for a run whose results decide the next step (the base, whose
 * ESAT sets the target; each value the search tries; a refinement that
 * may be followed by another), so every process taking the study's steps
 * needs all its replications; 0 for a run only reported (the variant of
 * the table run once more at the value found, the decomposition's
 * variants, chaindecomp.h). With `blocks` set, a run with whole = 0 may
 * hold only a block of its replications (a part's): the study then makes
 * no table from it and reports no ESAT of it. The runner fills *x as
 * spc_experiment_run does (release it with spc_experiment_release). */
typedef struct {
    spc_status (*run)(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                      int whole, spc_error *err);
    void *ctx;
    int blocks;
} spc_study_runner;

/* sc run by the runner (NULL: spc_experiment_run), `whole` as above. */
spc_status spc_study_run(const spc_study_runner *runner, const spc_scenario *sc, const spc_experiment_opts *opts,
                         spc_experiment *x, int whole, spc_error *err);

/* 1 if a run with `whole` may hold a block of its replications only. */
int spc_study_partial(const spc_study_runner *runner, int whole);

/* |ESAT - target| at which the search is close enough, relative to the target. */
#define SPC_LEVER_TOL 1e-3

/* The ESAT of the lever values already run, shared by several searches
 * of the same lever on the same base, overrides and replications (the
 * doses of chaindose.h): a value asked again is answered from here, not
 * run again. Only the ESAT is kept; the variant at the root is always run. */
#define SPC_LEVER_MEMO 128
typedef struct {
    double x[SPC_LEVER_MEMO], esat[SPC_LEVER_MEMO];
    unsigned n;
} spc_lever_memo;

typedef struct {
    const char *lever;      /* the lever's path; spc_lever_known says which */
    double delta;           /* the asked rise of ESAT */
    int points;             /* 1: delta in points; 0: in % of the base's ESAT */
    unsigned max_evals;     /* evaluations at most; 0: 14 */
    unsigned search_replications; /* the search's replications, the first of opts'
                               (0, or at least opts->replications: all of them);
                               the value found is then run with all of them */
    /* called after each evaluation, and after the value found is run with
     * all the replications when the search ran fewer (NULL: none) */
    void (*progress)(void *ctx, const char *lever, double value, double esat, double target);
    void *ctx;
    spc_lever_memo *memo;   /* NULL, or the values run by earlier searches (filled) */
    const spc_study_runner *runner; /* NULL: every run here (spc_experiment_run) */
} spc_lever_goal;

typedef struct {
    double base_value;      /* the lever in the base scenario */
    double value;           /* the value found: the variant's */
    double base_esat, target, esat;   /* ESAT of the base, asked, reached at value
                               (over all the replications) */
    int met;                /* |esat - target| <= SPC_LEVER_TOL |target| */
    unsigned search_replications; /* those the search ran */
    unsigned refined;       /* steps after the search, with all the replications */
    unsigned evaluations;   /* variants run (each a full set of replications) */
    unsigned reused;        /* values asked again and answered by the memo */
    int unreachable;        /* the error was: the lever cannot reach the target
                               within its range (1), not a failure to run */
    spc_experiment base;    /* the base's replications */
    spc_experiment variant; /* the variant's at value */
} spc_lever_result;

/* 1 if path is a lever the search knows (workforce.levers.recognition,
 * .pay, .training_hours, workforce.satisfaction.base), else 0. */
int spc_lever_known(const char *path);

/* Searches. base is the scenario loaded from base->path with the
 * overrides sets[0..nsets); each variant is loaded the same way with the
 * lever's value set last. opts gives the replications (the same for every
 * evaluation) and the threads. Fills *out (release with
 * spc_lever_result_release, also after an error). Errors: SPC_ERR_USAGE
 * for an unknown lever, a base without workforce or customers or without
 * ESAT after the warm-up, or a target the lever cannot reach within its
 * range; those of loading and running otherwise. */
spc_status spc_lever_find(const spc_scenario *base, const char *const *sets, size_t nsets, const spc_lever_goal *goal,
                          const spc_experiment_opts *opts, spc_lever_result *out, spc_error *err);

/* The same search against base replications already run (`base_run`, of
 * base with the same opts; not copied, not owned): out->base stays empty
 * (n = 0). The dose-response study (chaindose.h) searches several targets
 * against one base run. */
spc_status spc_lever_find_from(const spc_scenario *base, const char *const *sets, size_t nsets,
                               const spc_lever_goal *goal, const spc_experiment_opts *opts,
                               const spc_experiment *base_run, spc_lever_result *out, spc_error *err);
/* The search started from a value known to be close (a calibration's
 * previous evaluation, whose settings differed a little): the variant at
 * `start` runs with all the replications; while its ESAT misses the target
 * by more than the tolerance, the value is scaled through the base's point
 * as after a search on fewer replications (at most twice), and if it
 * still misses, the full search of spc_lever_find_from follows. *out as
 * for spc_lever_find_from. */
spc_status spc_lever_follow(const spc_scenario *base, const char *const *sets, size_t nsets,
                            const spc_lever_goal *goal, const spc_experiment_opts *opts,
                            const spc_experiment *base_run, double start, spc_lever_result *out, spc_error *err);
void spc_lever_result_release(spc_lever_result *r);

/* One variant: the scenario loaded from base->path with sets[0..nsets),
 * then extra[0..nextra) (e.g. workforce.pathways.blind="speed"), then
 * LEVER=x, switched to at the end of base's warm-up (chainstudy.h) and run
 * with opts by runner (NULL: here) as a run only reported (whole = 0)
 * into *out (zeroed or holding an earlier experiment, which is released
 * first; release *out also after an error). */
spc_status spc_lever_run(const spc_scenario *base, const char *const *sets, size_t nsets, const char *lever, double x,
                         const char *const *extra, size_t nextra, const spc_experiment_opts *opts,
                         const spc_study_runner *runner, spc_experiment *out, spc_error *err);

/* The base with the variants' structure: an intervention at the end of the
 * warm-up switching to base itself, run by runner (NULL: here) as a run
 * that decides (whole = 1). *out as for spc_lever_run. */
spc_status spc_lever_run_base(const spc_scenario *base, const spc_experiment_opts *opts,
                              const spc_study_runner *runner, spc_experiment *out, spc_error *err);

#endif
