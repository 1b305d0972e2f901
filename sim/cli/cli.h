/*
 * cli.h -- the command line's shared parts (face floor, private to
 * main.c and the cli_*.c files): parsed options and scenario loading with them.
 */
#ifndef SPCSIM_CLI_H
#define SPCSIM_CLI_H

#include <signal.h>
#include <stddef.h>

#include "spcsim/compare.h"
#include "spcsim/error.h"
#include "spcsim/experiment.h"
#include "spcsim/lever.h"
#include "spcsim/output.h"
#include "spcsim/scenario.h"
#include "spcsim/sensrun.h"
#include "spcsim/trace.h"

/* Where a compare's, sweep's or chain's experiments come from in a part or
 * a merge (cli_parts.c); opaque. */
typedef struct cli_runs cli_runs;

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
    const char *params_from; /* sensitivity: --params-from FILE, PATH=LOW:HIGH lines */
    int design_only;        /* sensitivity: write the design, run nothing */
    unsigned part, nparts;  /* sensitivity, run: --part I/N (1-based; 0: the whole design or run) */
    int merge;              /* sensitivity: --merge, the parts' folders in extra */
    int uncertain;          /* run: --uncertain, assumptions drawn per replication */
    const char *command_line; /* the whole command line, shell-quoted, for run.json */
    double started;         /* CLOCK_MONOTONIC seconds when spcsim started */
    int help;               /* -h, --help seen */
    const char **labels;    /* compare: every --label, naming the base then each variant */
    size_t nlabels;
    const char *reference;  /* sweep: --reference, the grid point differences are taken from */
    int argc;               /* the command line as given (a part of compare or sweep records it) */
    char **argv;
    cli_runs *runs;         /* compare, sweep, chain: NULL, or a part's or a merge's (cli_parts.c) */
    unsigned formats;       /* run, plot: --formats, the figures' (spc_plot_parse_formats; 0: SVG) */
    struct spc_plot_gnuplots *gnuplots; /* run: started before the replications (cli_gnuplots_start) */
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

/* cli_help.c: `spcsim --help`, every command and option; and one
 * command's usage, description, options and examples (-1: no such command). */
void cli_help(FILE *f);
int cli_help_command(FILE *f, const char *command);

/* The command line as one string, each argument shell-quoted where it
 * needs to be ('a b', 'x;y'); malloc'd, NULL when out of memory. */
char *cli_command_line(int argc, char *const *argv);

/* Seconds of CLOCK_MONOTONIC. */
double cli_clock(void);

/* What a command other than run records beside its outputs: run.json
 * (spc_output_study_json: the build, the command line, the base scenario)
 * and each scenario it ran, resolved, one file each. */
typedef struct {
    unsigned replications;
    const spc_scenario *base;   /* not owned */
    size_t n;
    const spc_scenario **sc;    /* sc[i] owned when owned[i] */
    int *owned;
    spc_resolved_file *files;   /* file and label strings owned */
} cli_prov;

/* Adds sc (taken over when owned; freed at once if adding fails) to be
 * written as `file` with `label`. */
spc_status cli_prov_add(cli_prov *p, const spc_scenario *sc, int owned, const char *file, const char *label,
                        spc_error *err);
void cli_prov_release(cli_prov *p);

/* Writes p's resolved scenarios and run.json into the output out. */
spc_status cli_provenance(spc_output *out, const options *o, const cli_prov *p, spc_error *err);

/* cli_publish_file of `name`, with p's provenance (cli_provenance) beside it. */
spc_status cli_publish_study(const options *o, const char *dir, const char *name, void (*write)(FILE *, const void *),
                             const void *what, const cli_prov *p, int figures, spc_error *err);

/* Replications for a comparison, a sweep, a warm-up or a chain study: -r,
 * else the scenario's if above 1, else 10 (cli_study.c). */
unsigned cli_study_reps(const options *o, const spc_scenario *sc);

spc_status cli_compare(const options *o, spc_error *err);
/* A comparison to publish (the tables, and what story.csv and the report's
 * distributions are drawn from); nothing owned. */
typedef struct {
    const spc_compare *c;
    const char *const *names;     /* n: the variants' names, then the base's (names[n - 1]) */
    spc_scenario *const *sc;      /* the base, then the variants */
    const spc_experiment *x;      /* their runs, in the same order */
    size_t n;                     /* scenarios */
    const options *o;
    const cli_prov *prov;         /* run.json and resolved scenarios; NULL: none */
} cli_compare_out;

/* compare.csv, with customers story.csv and arm_replications.csv, the
 * figures and report.html (and co->prov's provenance), published into dir. */
spc_status cli_publish_compare(const char *dir, const cli_compare_out *co, spc_error *err);
spc_status cli_sweep(const options *o, spc_error *err);
spc_status cli_warmup(const options *o, spc_error *err);
spc_status cli_calibrate(const options *o, spc_error *err);

/* The settings of --param PATH=LOW:HIGH and --params-from FILE, in that
 * order (sensrun.h; *p owned by the caller, *k of them even after an
 * error: release each, free it). A path given twice is a usage error.
 * For sensitivity and run --uncertain. */
spc_status cli_sens_params(const options *o, spc_sens_param **p, size_t *k, spc_error *err);

spc_status cli_chain(const options *o, spc_error *err);
/* cli_sensitivity.c: `spcsim sensitivity`, Morris or Sobol' over --param ranges. */
spc_status cli_sensitivity(const options *o, spc_error *err);
/* cli_serve.c: `spcsim serve SCENARIO [--port N] [--bind ADDR]`; returns the exit code. */
int cli_serve(int argc, char **argv);
/* cli_settings.c: `spcsim settings [--markdown]`; returns the exit code. */
int cli_settings(int argc, char **argv);

/* cli_merge.c: a run in parts. cli_run_part runs part o->part of
 * o->nparts of the replications of opts (run --part I/N) and writes its
 * part folder. cli_merge_load loads the scenario of the parts of
 * `spcsim merge PART...` (o->scenario the first, o->extra the rest), from
 * the first part; cli_merge_read reads every part's replications into *x
 * (release it also after an error) and combines them as a run does.
 * Errors (SPC_ERR_USAGE) name the part's file: parts of another run, a
 * part given twice or missing. */
spc_status cli_run_part(const options *o, const spc_scenario *sc, const spc_experiment_opts *opts, spc_error *err);
/* A part folder's output opened in the stage st, and part.json, the JSON
 * object j (taken over; NULL: out of memory), written in it; close out
 * with spc_output_close, also after an error. */
struct json_t;
spc_status cli_part_open(spc_output *out, spc_stage *st, struct json_t *j, spc_error *err);
spc_scenario *cli_merge_load(const options *o, spc_error *err);
spc_status cli_merge_read(const options *o, spc_experiment *x, spc_error *err);
/* The output folder of a merge (spcsim merge, sensitivity --merge) is none
 * of the parts' folders (o->scenario for merge, o->extra): the merge
 * replaces its output folder as a whole, which would lose that part.
 * SPC_ERR_USAGE naming both otherwise. */
spc_status cli_merge_check_output(const options *o, spc_error *err);

/* cli_parts.c: compare, sweep and chain in parts (--part I/N) and merged.
 * cli_experiment runs one experiment of the command (ctx: the options):
 * without o->runs as always (spread over the ranks under MPI); in a part
 * only its block of the replications, kept for the part folder; in a merge
 * read back from the parts and combined. cli_study_runner is the runner of
 * chain's and sensitivity's lever search (lever.h, ctx: the options):
 * without o->runs each run here, or spread over the ranks and shared by
 * all under MPI (spc_mpi_study_run); in a part a run that decides the
 * search's next step whole, the others as cli_experiment; in a merge each
 * read back (the whole ones from the first part, checked to be every
 * part's). After its experiments the command
 * calls cli_runs_end: 1 to go on and write its outputs (no parts, or a
 * merge whose parts held exactly these experiments), 0 to stop (a part,
 * whose folder it has written; or an error). cli_runs_part makes a part's
 * runs; cli_parts_command says whether the folder dir is a part of compare,
 * sweep or chain ("compare", "sweep", "chain"), of a sensitivity design ("sensitivity":
 * points.csv, no part.json) or neither (NULL); cli_runs_merge checks the
 * parts of `spcsim merge` (o->scenario, o->extra) and gives the first
 * part's command line (argv, its strings owned by the runs; free the
 * array). Free the runs with cli_runs_free (NULL accepted). */
spc_status cli_experiment(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                          spc_error *err);
/* cli_scenario_text: sc as its resolved file writes it (caller frees; NULL
 * when out of memory); a study's intervention state without settings
 * follows as comment lines, so the text tells one lever value from another.
 * cli_text_differs: 1 if the file at path holds other text than want, 0 if
 * the same, -1 (err set, SPC_ERR_USAGE) if it cannot be read. What a merge
 * checks a part's resolved scenarios with. */
char *cli_scenario_text(const spc_scenario *sc);
int cli_text_differs(const char *path, const char *want, spc_error *err);
spc_study_runner cli_study_runner(const options *o);
int cli_runs_end(const options *o, const char *name, spc_error *err);
cli_runs *cli_runs_part(unsigned part, unsigned nparts);
const char *cli_parts_command(const char *dir);
cli_runs *cli_runs_merge(const options *o, int *argc, char ***argv, spc_error *err);
void cli_runs_free(cli_runs *r);

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
/* (up to o->jobs gnuplots at once, 0: one per processor; o->formats; o->gnuplots first) */
spc_status cli_figures(spc_stage *st, const options *o, spc_error *err);
/* run: the gnuplots that will draw its figures, started now, before the
 * replications (spc_plot_gnuplots_start); NULL when gnuplot is missing
 * (or under MPI). End them with spc_plot_gnuplots_end. */
struct spc_plot_gnuplots *cli_gnuplots_start(const options *o);
/* run, its replications done: more of them started while it writes its
 * outputs, about one per figure it will draw (-j 2 or more). */
void cli_gnuplots_more(struct spc_plot_gnuplots *g, const options *o, const spc_scenario *sc);
spc_status cli_plot(const options *o, spc_error *err);

#endif
