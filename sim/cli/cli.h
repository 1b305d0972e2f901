/*
 * cli.h -- the command line's shared parts (face floor, private to
 * main.c and the cli_*.c files): parsed options and scenario loading with them.
 */
#ifndef SPCSIM_CLI_H
#define SPCSIM_CLI_H

#include <signal.h>
#include <stddef.h>

#include "spcsim/error.h"
#include "spcsim/output.h"
#include "spcsim/scenario.h"
#include "spcsim/trace.h"

typedef struct {
    const char *command;
    const char *scenario;
    const char **extra;     /* compare: the variants */
    size_t nextra;
    const char *outdir;
    const char *seed;
    const char **sets;
    size_t nsets;
    const char **params;    /* sweep: --param PATH=v1,v2,...; sensitivity: PATH=LOW:HIGH */
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
    int decompose;          /* chain: --decompose, the pathways' parts */
    unsigned search_reps;   /* chain: --search-replications M (0: the default) */
    const char *trace;      /* run: --trace FILE */
    const char *trace_events; /* run: --trace-events KINDS (checked by parse_args) */
    const char *trace_window; /* run: --trace-window T0:T1 (syntax checked by parse_args) */
    int keep_partial;       /* run: --keep-partial */
    int employees;          /* run: --employees (employees.csv) */
    unsigned max_iter;      /* calibrate: --max-iter (0: the default) */
    const volatile sig_atomic_t *stop; /* main.c's flag: the signal (SIGINT, SIGTERM) that
                                        asked to stop, 0 while none did */
    int force;              /* --force: run beyond the cost limits (spcsim/cost.h) */
    const char **metrics;   /* sensitivity: every --metric SCOPE/METRIC */
    size_t nmetrics;
    const char *method;     /* sensitivity: morris (default) or sobol */
    unsigned trajectories;  /* sensitivity: Morris' r (0: the default) */
    unsigned samples;       /* sensitivity: Sobol' N base points (0: the default) */
    const char **labels;    /* compare: every --label, naming the base then each variant */
    size_t nlabels;
    const char *reference;  /* sweep: --reference, the grid point differences are taken from */
} options;

/* Loads `path` with the options' --seed, -r and --set, then `more`
 * overrides (applied last). Except for `check`, a scenario whose run would
 * exceed the cost limits is refused (spc_cost_check; --force lifts them). */
spc_scenario *cli_load(const options *o, const char *path, const char *const *more, size_t nmore,
                       spc_error *err);

/* The overrides cli_load applies before its `more`: --seed, -r, then each
 * --set, in that order. Returns an array with room for `room` more (free
 * it; its strings are o's and buf's), *n the count; NULL when out of memory. */
typedef struct {
    char seed[64], reps[64];
} cli_override_buf;
const char **cli_overrides(const options *o, cli_override_buf *buf, size_t room, size_t *n);

/* The output folder: -o DIR, else output/<name><suffix>; checked
 * (spc_stage_check) but not created: SPC_ERR_OUTPUT when it cannot be one. */
spc_status cli_outdir(const options *o, const char *name, const char *suffix, char *buf, size_t size,
                      spc_error *err);

/* Writes a command's whole output into a staging folder beside dir
 * (stage.h): write(stage, ctx), then with `figures` the scripts, figures
 * and report.html, then puts it in place at once. On any error, or when
 * stopped by a signal, dir is left as it was. */
typedef spc_status (*cli_writer)(spc_stage *st, const void *ctx, spc_error *err);
spc_status cli_publish(const options *o, const char *dir, cli_writer write, const void *ctx, int figures,
                       spc_error *err);

/* cli_publish of one file, `name`, written by write(f, what). */
spc_status cli_publish_file(const options *o, const char *dir, const char *name, void (*write)(FILE *, const void *),
                            const void *what, int figures, spc_error *err);

spc_status cli_compare(const options *o, spc_error *err);
spc_status cli_sweep(const options *o, spc_error *err);
spc_status cli_warmup(const options *o, spc_error *err);
spc_status cli_calibrate(const options *o, spc_error *err);
spc_status cli_chain(const options *o, spc_error *err);
/* cli_sensitivity.c: `spcsim sensitivity`, Morris or Sobol' over --param ranges. */
spc_status cli_sensitivity(const options *o, spc_error *err);
/* cli_settings.c: `spcsim settings [--markdown]`; returns the exit code. */
int cli_settings(int argc, char **argv);

/* cli_trace.c: the trace file of `run --trace FILE` (atomic, like the
 * other outputs) and its tracer, NULL without --trace. */
typedef struct {
    spc_output out;
    spc_trace *tr;
} cli_trace;

/* Opens the trace file (exit 5 naming it when it cannot be written) and
 * makes the tracer with --trace-events and --trace-window; without
 * --trace, t->tr stays NULL. Release with cli_trace_close, also on error. */
spc_status cli_trace_open(const options *o, const spc_scenario *sc, cli_trace *t, spc_error *err);
/* A usage error when the trace file would be inside the output folder dir. */
spc_status cli_trace_check(const options *o, const char *outdir, spc_error *err);
/* Renames the trace into place (after a successful run). */
spc_status cli_trace_commit(cli_trace *t, spc_error *err);
void cli_trace_close(cli_trace *t);

/* cli_plot.c: after the outputs in the staging folder are written, the
 * gnuplot scripts, the figures and report.html there; and the `plot DIR`
 * command (a staged copy of DIR with new figures, then exchanged). */
spc_status cli_figures(spc_stage *st, spc_error *err);
spc_status cli_plot(const options *o, spc_error *err);

#endif
