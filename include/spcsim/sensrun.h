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
#include "spcsim/sensitivity.h"

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

/* An output: a summary metric. */
typedef struct {
    char scope[64], metric[48];
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

/* "SCOPE/METRIC". */
spc_status spc_sens_metric_parse(const char *arg, spc_sens_metric *m, spc_error *err);

/* The override "PATH=VALUE" of parameter p at value v (rounded when whole). */
void spc_sens_param_assign(const spc_sens_param *p, double v, char *buf, size_t size);

typedef struct {
    size_t npoints, m;
    unsigned replications;
    double *y;    /* npoints x m: the mean over the replications */
    double *var;  /* npoints x m: the variance of that mean, s^2 / R (0 when R = 1) */
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
    const spc_experiment_opts *opts;
    spc_sensrun_progress progress; /* or NULL */
    void *progress_ctx;
} spc_sensrun_request;

/* Runs every point of d, in order. A metric missing from the results is a
 * usage error naming it; a metric without a finite value at a point is NaN
 * there. Release out also after an error. */
spc_status spc_sensrun_run(const spc_sensrun_request *rq, const spc_sens_design *d, spc_sensrun *out,
                           spc_error *err);
void spc_sensrun_release(spc_sensrun *r);

/* Output o's replication noise over the spread of its point means:
 * mean_p var[p] / var_p(y[p]); NaN when the means do not vary. */
double spc_sensrun_noise_share(const spc_sensrun *r, size_t o);

/* design.csv: point,block,one column per setting,one per output (its mean). */
void spc_sensrun_write_design(FILE *f, const spc_sens_design *d, const spc_sensrun_request *rq,
                              const spc_sensrun *r);

/* sensitivity.csv: setting,output,method,index,value,ci95_low,ci95_high;
 * Morris: mu, mu_star, sigma; Sobol': S1, ST with their intervals; then
 * per output a row "noise_share" with an empty setting. mo or so may be NULL. */
void spc_sensrun_write_indices(FILE *f, const spc_sensrun_request *rq, const spc_sensrun *r,
                               const spc_sens_morris *mo, const spc_sens_sobol *so);

#endif
