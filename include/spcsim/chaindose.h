/*
 * chaindose.h -- the chain study's dose-response (spcsim chain
 * --esat-delta 2.5%,5%,10%,20%): for each asked rise of employee
 * satisfaction (a dose), the lever search (lever.h) and the paired changes
 * of every chain measure (chainstudy.h), against one base run.
 *
 * Every dose is searched against the same base replications (common
 * random numbers; the base is run once, by the first dose's search), so
 * the doses differ only in the lever's value: their changes are paired
 * with the same base and the curve they trace is smooth in the dose, not
 * blurred by a new base each time.
 */
#ifndef SPCSIM_CHAINDOSE_H
#define SPCSIM_CHAINDOSE_H

#include <stddef.h>
#include <stdio.h>

#include "spcsim/chainstudy.h"
#include "spcsim/lever.h"

#define SPC_CHAINDOSE_MAX 16 /* doses in one list */

/* One dose: its search and its table. */
typedef struct {
    double delta;                   /* the asked rise of ESAT */
    int points;                     /* 1: in points; 0: in % of the base's ESAT */
    int reached;                    /* 0: the lever cannot give it within its range (no table) */
    int met;                        /* the search met its tolerance (lever.h) */
    double value, esat, target;     /* the lever's value found, ESAT reached, asked */
    unsigned evaluations;
    spc_chainstudy_table table;     /* the paired changes (n = 0 when not reached) */
} spc_chaindose_point;

typedef struct {
    spc_chaindose_point pts[SPC_CHAINDOSE_MAX];
    size_t n;
    const char *lever;              /* not owned */
    double lever_base, base_esat;
    unsigned replications;
} spc_chaindose;

/* Parses --esat-delta: one dose or a comma-separated list of at most
 * SPC_CHAINDOSE_MAX, each a positive number followed by nothing or `%`
 * (relative) or `pt` (points): "5%", "3pt", "2.5%,5%,10%,20%". NULL means
 * the default, 5%. Fills delta[] and points[] and *n. SPC_ERR_USAGE with a
 * message naming --esat-delta for anything else (an empty item, a zero or
 * negative or non-finite dose, an unknown unit, too many doses). */
spc_status spc_chaindose_parse(const char *arg, double *delta, int *points, size_t *n, spc_error *err);

/* The dose-response: dose 0 from `first` (the lever search of
 * delta[0], points[0], which ran the base: first->base), the others
 * searched against first->base with the settings of goal (lever,
 * max_evals, progress, memo, runner; its delta and points are ignored;
 * with a runner whose reported runs are blocks, lever.h, the doses'
 * searches run and their tables stay empty); with
 * goal->memo (lever.h), a lever value one search ran is not run again by
 * another (the results are the same, the runs fewer). A dose out of
 * the lever's reach is kept as not reached (the other errors stop the
 * study). Fills *out. */
spc_status spc_chaindose_run(const spc_scenario *base, const char *const *sets, size_t nsets,
                             const spc_lever_goal *goal, const double *delta, const int *points, size_t n,
                             const spc_experiment_opts *opts, const spc_lever_result *first, spc_chaindose *out,
                             spc_error *err);

/* chain_dose.csv: `esat_delta,unit,lever,lever_base,lever_value,
 * esat_rel_pct,search,scope,metric,base,variant,diff,diff_ci95_low,
 * diff_ci95_high,rel_pct,rel_ci95_low,rel_ci95_high,significant,n`: one
 * row per dose and chain measure, in the order of the list and of
 * chainstudy.h's measures. unit is `%` or `pt`; esat_rel_pct the dose's
 * ESAT change in % (the same on each of its rows: the x of the figure);
 * search is `met`, `not_met` (the search stopped short of its tolerance)
 * or `out_of_range` (the values are then empty). */
void spc_chaindose_write_csv(FILE *f, const spc_chaindose *d);

#endif
