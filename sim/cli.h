/*
 * cli.h -- the command line's shared parts (face floor, private to
 * main.c and cli_study.c): parsed options and scenario loading with them.
 */
#ifndef SPCSIM_CLI_H
#define SPCSIM_CLI_H

#include <stddef.h>

#include "spcsim/error.h"
#include "spcsim/scenario.h"

typedef struct {
    const char *command;
    const char *scenario;
    const char **extra;     /* compare: the variants */
    size_t nextra;
    const char *outdir;
    const char *seed;
    const char **sets;
    size_t nsets;
    const char **params;    /* sweep: --param PATH=v1,v2,... */
    size_t nparams;
    int quiet;
    const char *reps;       /* -r N */
    unsigned jobs;          /* -j N, 0: the machine's processors */
    unsigned window;        /* warmup: Welch's window (default 5) */
    const char *metric;     /* warmup: SCOPE/COLUMN (default system/lead_time_mean) */
    const char *precision;  /* run: SCOPE/METRIC=REL */
    unsigned max_reps;      /* run: cap in precision mode (default 1000) */
    const char **targets;   /* calibrate: --target SCOPE/METRIC=VALUE */
    size_t ntargets;
    const char **frees;     /* calibrate: --free PATH=LO:HI */
    size_t nfrees;
    const char *esat_delta; /* chain: 5% or 3pt */
    const char *lever;      /* chain: the setting raised */
} options;

/* Loads `path` with the options' --seed, -r and --set, then `more`
 * overrides (applied last). */
spc_scenario *cli_load(const options *o, const char *path, const char *const *more, size_t nmore,
                       spc_error *err);

/* The output folder: -o DIR, else output/<name><suffix>. */
void cli_outdir(const options *o, const char *name, const char *suffix, char *buf, size_t size);

spc_status cli_compare(const options *o, spc_error *err);
spc_status cli_sweep(const options *o, spc_error *err);
spc_status cli_warmup(const options *o, spc_error *err);
spc_status cli_calibrate(const options *o, spc_error *err);
spc_status cli_chain(const options *o, spc_error *err);

/* cli_plot.c: after the outputs in dir are written, the gnuplot scripts,
 * the figures and report.html; and the `plot DIR` command. */
spc_status cli_figures(const char *dir, spc_error *err);
spc_status cli_plot(const options *o, spc_error *err);

#endif
