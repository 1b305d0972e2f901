/*
 * mpi.c -- the replications of a run over the ranks of an MPI job, and
 * the one-process versions of the same functions without MPI (mpi.h).
 *
 * The exchange: after its block, rank r > 0 sends rank 0 two numbers (the
 * size of its text and the threads it used), then the text (repdata.h) in
 * pieces of at most CHUNK bytes, since an MPI count is an int. Rank 0
 * receives from rank 1, 2, ... in turn, reading each block into its place
 * and freeing it before the next: it holds the run's results once, not
 * every rank's text at once.
 */
#include "spcsim/mpi.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/repdata.h"

#ifdef SPC_MPI
#include <mpi.h>

#define CHUNK (1 << 30)

void spc_mpi_init(int *argc, char ***argv)
{
    int provided;
    MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
}

void spc_mpi_finalize(void)
{
    MPI_Finalize();
}

int spc_mpi_rank(void)
{
    int r;
    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    return r;
}

int spc_mpi_size(void)
{
    int n;
    MPI_Comm_size(MPI_COMM_WORLD, &n);
    return n;
}

void spc_mpi_abort(int code)
{
    MPI_Abort(MPI_COMM_WORLD, code);
    exit(code); /* not reached */
}

/* The block's replications as text (header included); NULL when out of memory. */
static char *serialise(const spc_experiment *mine, unsigned first, size_t *size)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, size);
    if (f == NULL)
        return NULL;
    spc_repdata_header(f);
    int bad = 0;
    for (unsigned i = 0; i < mine->n; i++)
        bad |= spc_repdata_write(f, mine, i, first + i) != 0;
    if (fclose(f) != 0 || bad) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void send_block(const char *buf, uint64_t size, unsigned jobs)
{
    uint64_t head[2] = { size, jobs };
    MPI_Send(head, 2, MPI_UINT64_T, 0, 0, MPI_COMM_WORLD);
    for (uint64_t at = 0; at < size; at += CHUNK) {
        uint64_t n = size - at < CHUNK ? size - at : CHUNK;
        MPI_Send(buf + at, (int)n, MPI_CHAR, 0, 1, MPI_COMM_WORLD);
    }
}

/* Rank `from`'s text; NULL when out of memory (the sender's pieces are
 * then left unreceived: the face ends the job). */
static char *receive_block(int from, uint64_t *size, unsigned *jobs)
{
    uint64_t head[2];
    MPI_Recv(head, 2, MPI_UINT64_T, from, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    *size = head[0];
    *jobs = (unsigned)head[1];
    char *buf = malloc(*size + 1);
    for (uint64_t at = 0; buf != NULL && at < *size; at += CHUNK) {
        uint64_t n = *size - at < CHUNK ? *size - at : CHUNK;
        MPI_Recv(buf + at, (int)n, MPI_CHAR, from, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    return buf;
}

/* A rank's text read into x (named "rank R" in messages). */
static spc_status read_block(const char *buf, size_t size, int from, spc_experiment *x, char *filled, spc_error *err)
{
    char name[32];
    snprintf(name, sizeof name, "rank %d", from);
    FILE *f = fmemopen((void *)buf, size, "r");
    if (f == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory reading the replications of %s", name);
    spc_repdata_read(f, name, x, filled, err);
    fclose(f);
    return err->code;
}

/* Rank 0: its own block and every other rank's, in rank order, into x. */
static spc_status gather(const spc_experiment *mine, unsigned first, unsigned n, int size, spc_experiment *x,
                         spc_error *err)
{
    char *filled = calloc(n, 1);
    size_t len;
    char *buf = serialise(mine, first, &len);
    if (filled == NULL || buf == NULL || spc_experiment_alloc(x, n, err) != SPC_OK) {
        free(filled);
        free(buf);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory gathering the replications");
    }
    x->employees = mine->employees;
    x->jobs = mine->jobs;
    read_block(buf, len, 0, x, filled, err);
    free(buf);
    for (int r = 1; r < size && err->code == SPC_OK; r++) {
        uint64_t got;
        unsigned jobs;
        if ((buf = receive_block(r, &got, &jobs)) == NULL)
            spc_error_set(err, SPC_ERR_INTERNAL, "out of memory receiving the replications of rank %d", r);
        else if (read_block(buf, (size_t)got, r, x, filled, err) == SPC_OK)
            x->jobs += jobs;
        free(buf);
    }
    for (unsigned k = 0; k < n && err->code == SPC_OK; k++)
        if (!filled[k])
            spc_error_set(err, SPC_ERR_INTERNAL, "no rank sent replication %u", k);
    free(filled);
    return err->code;
}

/* For the test of a failing rank (tests/mpi/check_mpi.sh): with
 * SPCSIM_FAULT_RANK=R in its environment, rank R fails in place of its
 * replications, as one whose replication failed does. */
static spc_status injected_fault(int rank, spc_error *err)
{
    const char *r = getenv("SPCSIM_FAULT_RANK");
    if (r != NULL && atoi(r) == rank)
        return spc_error_set(err, SPC_ERR_INTERNAL, "its replications failed (SPCSIM_FAULT_RANK=%d)", rank);
    return SPC_OK;
}

spc_status spc_mpi_experiment_run(const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                                  spc_error *err)
{
    int rank = spc_mpi_rank(), size = spc_mpi_size();
    unsigned n = opts->replications ? opts->replications : 1;
    size_t first, last;
    spc_experiment_block(n, (unsigned)rank + 1, (unsigned)size, &first, &last);
    double t0 = MPI_Wtime();
    spc_experiment_opts o = *opts;
    o.first = opts->first + (unsigned)first;
    o.replications = (unsigned)(last - first);
    spc_experiment mine;
    memset(&mine, 0, sizeof mine);
    memset(x, 0, sizeof *x);
    mine.employees = opts->employees;
    if (injected_fault(rank, err) != SPC_OK || (last > first && spc_experiment_run_raw(sc, &o, &mine, err) != SPC_OK)) {
        spc_experiment_release(&mine);
        return err->code;
    }
    if (rank == 0) {
        gather(&mine, o.first, n, size, x, err);
        spc_experiment_release(&mine);
        x->wall_seconds = MPI_Wtime() - t0;
        return err->code == SPC_OK ? spc_experiment_finish(x, err) : err->code;
    }
    size_t len;
    char *buf = serialise(&mine, o.first, &len);
    if (buf == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory sending the replications");
    else
        send_block(buf, len, mine.jobs);
    free(buf);
    spc_experiment_release(&mine);
    return err->code;
}

#else /* one process: everything runs here */

void spc_mpi_init(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
}

void spc_mpi_finalize(void)
{
}

int spc_mpi_rank(void)
{
    return 0;
}

int spc_mpi_size(void)
{
    return 1;
}

void spc_mpi_abort(int code)
{
    exit(code);
}

spc_status spc_mpi_experiment_run(const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                                  spc_error *err)
{
    return spc_experiment_run(sc, opts, x, err);
}

#endif
