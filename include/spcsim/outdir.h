/*
 * outdir.h -- an output folder read back: which of spcsim's outputs it
 * holds, and the facts of the run from run.json.
 *
 * The figures and the report are made from the files in the folder (never
 * from memory), so that a run and a later `spcsim plot DIR` produce the
 * same scripts, figures and report.
 */
#ifndef SPCSIM_OUTDIR_H
#define SPCSIM_OUTDIR_H

#include <stddef.h>

#include "spcsim/error.h"
#include "spcsim/stage.h"

typedef struct {
    char *dir;                  /* owned */
    spc_stage *stage;           /* not owned: set by the caller when dir is a
                                   staging folder (files then go through it) */
    int summary, timeseries;    /* run: summary.csv, timeseries.csv present */
    int compare, sweep, chain;  /* compare.csv, sweep.csv, chain.csv present */
    int chain_dose, chain_periods; /* chain_dose.csv, chain_periods.csv present */
    int sensitivity;            /* sensitivity.csv present */
    int uncertain;              /* uncertain.csv present: run --uncertain */
    int run_json;               /* a run's run.json present and read (other
                                   commands' run.json is provenance only) */
    /* from run.json (NULL / 0 when absent); all owned */
    char *version, *scenario, *name, *generator, *time_unit;
    unsigned long long seed;
    unsigned replications;
    double horizon, warmup;
    char **stages;              /* stage names in chain order */
    size_t nstages;
} spc_outdir;

/* Looks at dir. SPC_ERR_READ when dir cannot be opened; a folder without
 * any of spcsim's CSV outputs is not an error (see spc_outdir_empty). */
spc_status spc_outdir_read(spc_outdir *d, const char *dir, spc_error *err);

/* True when the folder holds none of summary, timeseries, compare, sweep, chain, sensitivity. */
int spc_outdir_empty(const spc_outdir *d);

/* dir/name into buf (always terminated); returns 0, or -1 when it does not fit. */
int spc_outdir_path(const spc_outdir *d, const char *name, char *buf, size_t size);

/* The folder's name for messages: the stage's target, else dir. */
const char *spc_outdir_shown(const spc_outdir *d);

/* Frees what d owns; accepts a zeroed d. */
void spc_outdir_release(spc_outdir *d);

#endif
