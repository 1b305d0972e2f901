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
 */
#ifndef SPCSIM_LEVER_H
#define SPCSIM_LEVER_H

#include <stddef.h>

#include "spcsim/experiment.h"

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
    /* called after each evaluation (NULL: none) */
    void (*progress)(void *ctx, const char *lever, double value, double esat, double target);
    void *ctx;
    spc_lever_memo *memo;   /* NULL, or the values run by earlier searches (filled) */
} spc_lever_goal;

typedef struct {
    double base_value;      /* the lever in the base scenario */
    double value;           /* the value found: the variant's */
    double base_esat, target, esat;   /* ESAT of the base, asked, reached at value */
    int met;                /* |esat - target| <= SPC_LEVER_TOL |target| */
    unsigned evaluations;   /* variants run (each a full set of replications) */
    unsigned reused;        /* values asked again and answered by the memo */
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
void spc_lever_result_release(spc_lever_result *r);

#endif
