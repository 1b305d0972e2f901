/*
 * mpi.h -- the replications of a run spread over the ranks of an MPI job
 * (mpirun -np N spcsim run ...), gathered to rank 0.
 *
 * Built with `make MPI=1` (mpicc, -DSPC_MPI) this is the program's only
 * contact with MPI; without it the same functions say there is one rank,
 * rank 0, and run everything in the one process, so the rest of the
 * program is the same in both builds.
 *
 * Rank r of N runs the r-th contiguous block of the replications
 * (spc_experiment_block), on its threads (opts->jobs). A replication's
 * streams are seeded from (seed, replication, unit, stream), so it gives
 * the same numbers on whichever rank runs it. Each rank writes its
 * replications' raw results as text (repdata.h, every digit) and sends it
 * to rank 0, which reads the blocks back in rank order into one experiment
 * and combines it as one process does (spc_experiment_finish): the files
 * rank 0 writes are those of a single process, byte for byte, except
 * run.json's wall_seconds (rank 0's wall time) and jobs (the threads of all
 * ranks).
 */
#ifndef SPCSIM_MPI_H
#define SPCSIM_MPI_H

#include "spcsim/error.h"
#include "spcsim/experiment.h"
#include "spcsim/scenario.h"

/* MPI_Init (thread level funneled: only the main thread calls MPI) and
 * MPI_Finalize; no-ops without MPI. */
void spc_mpi_init(int *argc, char ***argv);
void spc_mpi_finalize(void);

/* This process's rank (0 without MPI) and the number of ranks (1). */
int spc_mpi_rank(void);
int spc_mpi_size(void);

/* Ends the whole job with `code` (MPI_Abort; exit without MPI). */
void spc_mpi_abort(int code);

/* Every rank calls it with the same arguments. Rank 0 returns the whole
 * experiment, combined, in *x; the other ranks an empty one (x->n = 0)
 * once their block is sent. An error is the rank's own (its replications
 * failed, or it ran out of memory): the face then reports it and ends the
 * job (spc_mpi_abort), since the other ranks wait for it. Release *x with
 * spc_experiment_release. Without MPI: spc_experiment_run. */
spc_status spc_mpi_experiment_run(const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                                  spc_error *err);

/* ---- studies whose next run depends on the last (spcsim chain) ---- */

/* The lever search of the chain study (lever.h) chooses its next value
 * from the last run's results, so every rank must have them. A study
 * runner (lever.h's spc_study_runner: run = spc_mpi_study_run, ctx NULL,
 * blocks 0), which the face gives a study every rank runs alike on its
 * main thread (the only one that calls MPI): each run's replications are
 * spread over the ranks in blocks, as spc_mpi_experiment_run does, and
 * every rank then receives every block (each rank's text broadcast in
 * turn, in rank order) and combines them (spc_experiment_finish). All
 * ranks thus hold the same experiment, byte for byte one process's, and
 * take the same next step; only rank 0 writes. Every run is shared so,
 * `whole` or not (the ranks make the same tables). With one rank, and
 * without MPI, it is spc_experiment_run. x->jobs: the threads of all
 * ranks. An error is the rank's own: the face ends the job. */
spc_status spc_mpi_study_run(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                             int whole, spc_error *err);

/* ---- text gathered to rank 0 (a sensitivity design's points) ---- */

/* Called by rank 0 for each rank's text, its own first, then rank 1, 2,
 * ... in turn: `text` (len bytes, '\0'-terminated) is the callee's to
 * keep (free it) or drop. */
typedef spc_status (*spc_mpi_reader)(void *ctx, int rank, char *text, size_t len, spc_error *err);

/* Every rank calls it with its own text (owned, len bytes; NULL when out
 * of memory); rank 0 hands every rank's text to read, in rank order,
 * stopping at the first error; the others send theirs to rank 0. Without
 * MPI: read(ctx, 0, text, len). */
spc_status spc_mpi_gather_text(char *text, size_t len, spc_mpi_reader read, void *ctx, spc_error *err);

#endif
