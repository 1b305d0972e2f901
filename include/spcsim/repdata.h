/*
 * repdata.h -- one replication's raw results as text, written and read
 * back exactly: what a part of a run (spcsim run --part I/N) writes for
 * `spcsim merge`, and what an MPI rank sends to rank 0 (mpi.h).
 *
 * A replication's raw results are everything the combining step and the
 * output files need of it (experiment.h): its result rows, its time-series
 * rows, its panel rows, its employees' rows and its events. Every double is
 * written with 17 significant digits ("%.17g"; NaN and infinities as C
 * writes them), so strtod gives back the very double the run computed, and
 * an experiment put together from read-back replications combines
 * (spc_experiment_finish) into outputs byte for byte those of one process.
 *
 * The text: a line "spcsim-replications 1 TS PANEL" (the format, and the
 * numbers of columns of a time-series and a panel row, which must match
 * the program's), then per replication a line
 *   rep INDEX EVENTS END_TIME NRESULTS NTS NPANEL NEMP
 * followed by its rows, one a line, fields separated by tabs:
 *   r SCOPE METRIC MEAN LO HI N WARN
 *   t PERIOD TIME SCOPE V... [LO... HI...]   (the intervals only when set)
 *   p UNIT PERIOD TIME V...
 *   e UNIT STAGE ID YEAR TENURE S_START S_MEAN EXPOSURE QUIT OTHER COHORT
 */
#ifndef SPCSIM_REPDATA_H
#define SPCSIM_REPDATA_H

#include <stdio.h>

#include "spcsim/error.h"
#include "spcsim/experiment.h"

/* The first line of the text. */
void spc_repdata_header(FILE *f);

/* Replication i of x (0 <= i < x->n), under the index `rep` it has in the
 * whole run. Returns 0, or -1 when the stream reports a write error. */
int spc_repdata_write(FILE *f, const spc_experiment *x, unsigned i, unsigned rep);

/* The header and every replication of x as one text (malloc'd, *size
 * bytes), x's replication i under the index first + i; NULL when out of
 * memory. What an MPI rank sends and a part of compare or sweep keeps. */
char *spc_repdata_text(const spc_experiment *x, unsigned first, size_t *size);

/* Reads the header and every replication of f into x, which was made for
 * the whole run (spc_experiment_alloc, x->n replications); filled[k] is set
 * for each replication k read. Errors (SPC_ERR_USAGE, naming `name` and the
 * line): not this format or another program's columns, a replication
 * outside 0 .. x->n - 1 or already filled, a malformed row, a cut-off file. */
spc_status spc_repdata_read(FILE *f, const char *name, spc_experiment *x, char *filled, spc_error *err);

#endif
