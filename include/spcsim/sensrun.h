/*
 * sensrun.h -- a sensitivity design (sensitivity.h) run on the simulator:
 * each design point is the scenario with its settings overridden
 * (PATH=VALUE, as --set), run for R replications with the same seeds at
 * every point (common random numbers), through spc_experiment_run.
 *
 * For each point and output it keeps the mean over the replications (the
 * y the indices are computed from) and the variance of that mean, s^2 / R,
 * so that the share of the outputs' variance that is replication noise
 * can be reported (spc_sensrun_noise_share).
 */
#ifndef SPCSIM_SENSRUN_H
#define SPCSIM_SENSRUN_H

#include <stdio.h>

#include "spcsim/experiment.h"
#include "spcsim/lever.h"
#include "spcsim/sensitivity.h"
#include "spcsim/target.h"

/* A setting varied over [lo, hi]; whole: an integer setting, its values
 * rounded; value: the scenario's own (NaN when not known); rule: where the
 * range comes from (a static string). */
typedef struct {
    char *path;
    double lo, hi;
    int whole;
    double value;
    const char *rule;
} spc_sens_param;

/* An output: a summary metric (SCOPE/METRIC), or a chain study's change
 * (chain(DELTA):STAT(MEASURE), as calibrate's chain targets, target.h):
 * at every point the base runs with the chain study's structure and the
 * lever is set so that ESAT rises by DELTA there (lever.h), and the output
 * is the paired difference (diff) or relative change in % (rel) of the
 * measure. name: how the files call it. */
typedef struct {
    char scope[64], metric[48];
    char name[128];
    int chain;
    spc_target target;  /* chain: its DELTA, STAT and measure */
} spc_sens_metric;

/* "PATH=LOW:HIGH" into p (p->path owned: spc_sens_param_release). A
 * setting declared as a flag, a word, a seed or a group is refused. */
spc_status spc_sens_param_parse(const char *arg, spc_sens_param *p, spc_error *err);
void spc_sens_param_release(spc_sens_param *p);

/* The default settings of a scenario: every number declared with an
 * "assumption" source (settings.h) that the scenario uses (its groups
 * present, its value not 0), over its plausible range around the
 * scenario's value (spc_settings_plausible); not the per-stage ones nor
 * the statistics. *out is owned by the caller (release each, free it). */
spc_status spc_sens_params_default(const spc_scenario *sc, spc_sens_param **out, size_t *k, spc_error *err);

/* ranges.csv: setting,low,high,value,rule -- what was varied and why. */
void spc_sensrun_write_ranges(FILE *f, const spc_sens_param *p, size_t k);

/* "SCOPE/METRIC" or "chain(DELTA):STAT(MEASURE)" (chain: is chain(5%):). */
spc_status spc_sens_metric_parse(const char *arg, spc_sens_metric *m, spc_error *err);


/* The override "PATH=VALUE" of parameter p at value v (rounded when whole). */
void spc_sens_param_assign(const spc_sens_param *p, double v, char *buf, size_t size);

typedef struct {
    size_t npoints, m;
    unsigned replications;
    double *y;    /* npoints x m: the mean over the replications */
    double *var;  /* npoints x m: the variance of that mean, s^2 / R (0 when R = 1) */
    size_t unreached; /* chain outputs: points where the lever could not reach the rise */
    char *unreached_at; /* npoints: 1 at those points */
} spc_sensrun;

/* Called after each point (done of total), e.g. for a progress line. */
typedef void (*spc_sensrun_progress)(void *ctx, size_t done, size_t total);

typedef struct {
    const char *path;              /* the scenario file */
    const char *const *sets;       /* overrides before the point's (seed, --set, replications) */
    size_t nsets;
    const spc_sens_param *param;   /* k, in the design's column order */
    const spc_sens_metric *metric; /* m */
    size_t m;
    const spc_experiment_opts *opts; /* the replications; its jobs are the points' threads */
    spc_sensrun_progress progress; /* or NULL */
    void *progress_ctx;
    size_t first, last;            /* the points run: [first, last); last 0: all */
    const char *lever;             /* chain outputs: the lever raised (lever.h) */
    unsigned search_replications;  /* chain outputs: the lever search's (0: all) */
    const double *lever_start;     /* chain outputs: per output, the lever's value to
                                      follow from (spc_sensrun_lever_start); NULL: none */
} spc_sensrun_request;

/* 1 if any output of rq is a chain output. */
int spc_sensrun_has_chain(const spc_sensrun_request *rq);

/* For the chain outputs: the lever's value that raises ESAT by each one's
 * DELTA at the scenario's own settings (rq's overrides, no point's), found
 * by the lever search; start[o] for output o (NaN for the others). Every
 * point's search follows from it (spc_lever_follow), so a point's result
 * does not depend on which points ran before it, on which thread or in
 * which part. Its runs go to runner (lever.h; NULL: here): under MPI the
 * face's, which spreads them over the ranks and shares them with all. */
spc_status spc_sensrun_lever_start(const spc_sensrun_request *rq, const spc_study_runner *runner, double *start,
                                   spc_error *err);

/* Runs the points [first, last) of d on rq->opts->jobs threads (each
 * point's replications on its thread), filling their rows of out (the
 * others NaN); the outputs are the same for any number of threads. A
 * metric missing from the results is a usage error naming it; a metric
 * without a finite value at a point is NaN there, as is a chain output at
 * a point where the lever cannot raise ESAT so far within its range
 * (counted in out->unreached). The first error by point order is returned.
 * Release out also after an error. */
spc_status spc_sensrun_run(const spc_sensrun_request *rq, const spc_sens_design *d, spc_sensrun *out,
                           spc_error *err);
void spc_sensrun_release(spc_sensrun *r);

/* out for npoints x m, every value NaN (a merge fills it from parts). */
spc_status spc_sensrun_alloc(spc_sensrun *out, size_t npoints, size_t m, unsigned replications, spc_error *err);

/* Output o's replication noise over the spread of its point means:
 * mean_p var[p] / var_p(y[p]); NaN when the means do not vary. */
double spc_sensrun_noise_share(const spc_sensrun *r, size_t o);

/* design.csv: point,block,one column per setting,one per output (its mean;
 * none when r is NULL: the design alone). */
void spc_sensrun_write_design(FILE *f, const spc_sens_design *d, const spc_sensrun_request *rq,
                              const spc_sensrun *r);

/* sensitivity.csv: setting,output,method,index,value,ci95_low,ci95_high;
 * Morris: mu, mu_star, sigma; Sobol': S1, ST with their intervals; then
 * per output a row "noise_share" with an empty setting. mo or so may be NULL. */
void spc_sensrun_write_indices(FILE *f, const spc_sensrun_request *rq, const spc_sensrun *r,
                               const spc_sens_morris *mo, const spc_sens_sobol *so);

#endif
