/*
 * output.h -- the files of an output, written all at once or not at all.
 *
 * Inside a staging folder (stage.h, the usual case) each file is created
 * under its own name with O_EXCL|O_NOFOLLOW, and spc_output_commit closes
 * them, checks every write and counts a write point per file; the folder
 * as a whole is put in place later by spc_stage_commit. Without a stage
 * (the --trace file) each file is written to a hidden temporary file
 * beside it and renamed into place by spc_output_commit. Either way a run
 * that fails or is interrupted leaves the previous outputs (or nothing),
 * never a half-written file.
 */
#ifndef SPCSIM_OUTPUT_H
#define SPCSIM_OUTPUT_H

#include <stdio.h>

#include "spcsim/uncertain.h"
#include "spcsim/error.h"
#include "spcsim/results.h"
#include "spcsim/run.h"
#include "spcsim/scenario.h"
#include "spcsim/stage.h"

#define SPC_OUTPUT_MAX_FILES 16

typedef struct {
    char *dir;
    spc_stage *stage;       /* not owned; NULL: temporary files and rename */
    size_t n;
    char *final[SPC_OUTPUT_MAX_FILES];
    char *temp[SPC_OUTPUT_MAX_FILES];
    FILE *f[SPC_OUTPUT_MAX_FILES];
} spc_output;

/* Files in `stage` (dir is then its path, for messages), or, with stage
 * NULL, in dir, which must exist (nothing is created but the files). */
spc_status spc_output_open(spc_output *o, const char *dir, spc_stage *stage, spc_error *err);

/* A stream for file `name` inside the folder; owned by o. */
FILE *spc_output_file(spc_output *o, const char *name, spc_error *err);

/* Closes every file, checks the writes (a write point of the stage each)
 * and, without a stage, renames all into place; on any error removes them. */
spc_status spc_output_commit(spc_output *o, spc_error *err);

/* Removes the temporary files and frees o (safe after commit too). */
void spc_output_close(spc_output *o);

/* ---- writers ---- */

/* summary.csv: scope,metric,mean,ci95_low,ci95_high,n,ci_warning,unit;
 * intervals narrowed to the metric's bounds, the unit from metricinfo.h
 * with the scenario's time unit. */
void spc_output_summary_csv(FILE *f, const spc_results *r, const char *time_unit);

typedef struct {
    const char *version;
    const spc_scenario *sc;
    unsigned replications, jobs;
    unsigned long long events;  /* over all replications */
    double wall_seconds;
    const double *lambda, *rho; /* per stage, NULL when unsolvable */
    unsigned requested;         /* replications asked for; above `replications`
                                   only for a run stopped with --keep-partial */
    const char *stopped_by;     /* then the signal's name ("SIGINT"), else NULL */
    const spc_uncertain *uncertain; /* NULL, or the assumptions drawn per replication
                                   (--uncertain): the intervals hold their uncertainty */
    const char *command_line;   /* the command line as typed (shell-quoted), NULL: "" */
    const char *gnuplot_version; /* NULL: asked of gnuplot (spc_plot_gnuplot_version) */
} spc_run_meta;

/* replications.csv: replication,seed,scope,metric,value (one replication's
 * mean per row, long format). */
void spc_output_replications_csv(FILE *f, const spc_results *rep, unsigned n, unsigned long long seed);

void spc_output_run_json(FILE *f, const spc_run_meta *m);

/* A resolved scenario a command wrote into its folder, and what it is
 * ("base", "variant 1: PATH=VALUE", "point 3: PATH=V"). */
typedef struct {
    const char *file, *label;
} spc_resolved_file;

/* The run.json of every other command (compare, sweep, chain, warmup,
 * calibrate, sensitivity): the same facts of the build and the scenario as
 * a run's, the command, and the resolved scenarios written beside it. */
typedef struct {
    const char *version;
    const char *command;        /* "compare", "sweep", ... */
    const char *command_line;
    const spc_scenario *sc;     /* the base scenario */
    unsigned replications, jobs;
    double wall_seconds;
    const spc_resolved_file *resolved;
    size_t nresolved;
} spc_study_meta;

void spc_output_study_json(FILE *f, const spc_study_meta *m);

#endif
