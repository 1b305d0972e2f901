/*
 * output.h -- an output folder written all at once, or not at all.
 *
 * Each file is written to a hidden temporary file in the folder and only
 * renamed into place by spc_output_commit, after every file was written
 * without error. A run that fails or is interrupted leaves the previous
 * outputs (or nothing), never a half-written file.
 */
#ifndef SPCSIM_OUTPUT_H
#define SPCSIM_OUTPUT_H

#include <stdio.h>

#include "spcsim/error.h"
#include "spcsim/results.h"
#include "spcsim/run.h"
#include "spcsim/scenario.h"

#define SPC_OUTPUT_MAX_FILES 16

typedef struct {
    char *dir;
    size_t n;
    char *final[SPC_OUTPUT_MAX_FILES];
    char *temp[SPC_OUTPUT_MAX_FILES];
    FILE *f[SPC_OUTPUT_MAX_FILES];
} spc_output;

/* Creates dir (and its parents) and checks that files can be written there. */
spc_status spc_output_open(spc_output *o, const char *dir, spc_error *err);

/* A stream for file `name` inside the folder; owned by o. */
FILE *spc_output_file(spc_output *o, const char *name, spc_error *err);

/* Closes every file and renames all into place; on any error removes them. */
spc_status spc_output_commit(spc_output *o, spc_error *err);

/* Removes the temporary files and frees o (safe after commit too). */
void spc_output_close(spc_output *o);

/* ---- writers ---- */

/* summary.csv: scope,metric,mean,ci95_low,ci95_high,n */
void spc_output_summary_csv(FILE *f, const spc_results *r);

typedef struct {
    const char *version;
    const spc_scenario *sc;
    unsigned replications, jobs;
    unsigned long long events;  /* over all replications */
    double wall_seconds;
    const double *lambda, *rho; /* per stage, NULL when unsolvable */
} spc_run_meta;

/* replications.csv: replication,seed,scope,metric,value (one replication's
 * mean per row, long format). */
void spc_output_replications_csv(FILE *f, const spc_results *rep, unsigned n, unsigned long long seed);

void spc_output_run_json(FILE *f, const spc_run_meta *m);

#endif
