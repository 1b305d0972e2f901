/*
 * sweep.h -- a one- or two-parameter grid of a scenario, with replications
 * at every point (common random numbers across points: the same seeds).
 *
 * A parameter is "PATH=v1,v2,..." with a libconfig path and values in
 * libconfig syntax ("arrivals.rate=3,4,5", "workforce.levers.pay=1.0,1.1");
 * commas inside quotes, brackets or braces do not split values.
 */
#ifndef SPCSIM_SWEEP_H
#define SPCSIM_SWEEP_H

#include <stdio.h>

#include "spcsim/compare.h"
#include "spcsim/experiment.h"

#define SPC_SWEEP_MAX_PARAMS 2

typedef struct {
    char *path;
    size_t n;
    char **values;
} spc_sweep_param;

typedef struct {
    size_t nparams, npoints;
    spc_sweep_param param[SPC_SWEEP_MAX_PARAMS];
    size_t (*index)[SPC_SWEEP_MAX_PARAMS]; /* value index of each parameter at each point */
    spc_results *results;                  /* combined results at each point */
    spc_results **rep;                     /* each point's replication tables (replications each) */
    unsigned replications;
    size_t reference;                      /* the point the differences are taken from */
    spc_compare *diff;                     /* each point's paired differences from the reference */
} spc_sweep;

/* Parses "PATH=v1,v2,..." into p (owned; release with the sweep). */
spc_status spc_sweep_parse(const char *arg, spc_sweep_param *p, spc_error *err);

/* Runs the grid: the scenario at `path` with `sets` overrides, then each
 * point's parameter values. Takes ownership of params. */
spc_status spc_sweep_run(const char *path, const char *const *sets, size_t nsets, spc_sweep_param *params,
                         size_t nparams, const spc_experiment_opts *opts, spc_sweep *out, spc_error *err);
void spc_sweep_release(spc_sweep *s);

/* spc_sweep_run with each point's experiment run by run(ctx, ...) in
 * place of spc_mpi_experiment_run (mpi.h): a part of the sweep, or its
 * points read back from parts (the face's cli_parts.c). */
typedef spc_status (*spc_sweep_runner)(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts,
                                       spc_experiment *x, spc_error *err);
spc_status spc_sweep_run_by(const char *path, const char *const *sets, size_t nsets, spc_sweep_param *params,
                            size_t nparams, const spc_experiment_opts *opts, spc_sweep_runner run, void *ctx,
                            spc_sweep *out, spc_error *err);

/* The reference point named by `text`, a value of the first parameter
 * (its first point, i.e. with the second parameter's first value); NULL:
 * point 0.
 * Then every point's paired differences from it over the replications
 * that share their random numbers (compare.h). SPC_ERR_USAGE naming the
 * text when it is no value of the first parameter. */
spc_status spc_sweep_reference(spc_sweep *s, const char *text, spc_error *err);

/* The paired difference of scope/metric at point k from the reference; NULL when absent. */
const spc_compare_row *spc_sweep_diff(const spc_sweep *s, size_t k, const char *scope, const char *metric);

/* sweep.csv: point,param1,value1,param2,value2,scope,metric,mean,ci95_low,ci95_high,n,
 * then unit, reference (the reference point's number) and diff, diff_ci95_low,
 * diff_ci95_high: the paired difference from the reference (empty at it). */
void spc_sweep_write_csv(FILE *f, const spc_sweep *s, const char *time_unit);

#endif
