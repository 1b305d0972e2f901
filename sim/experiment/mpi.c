/*
 * mpi.c -- the replications of a run over the ranks of an MPI job, and
 * the one-process versions of the same functions without MPI (mpi.h).
 *
 * The exchange to rank 0 (run, compare, sweep; a sensitivity design's
 * points): after its block, rank r > 0 sends rank 0 the size of its text,
 * then the text (repdata.h, or a design's points.csv) in pieces of at most
 * CHUNK bytes, since an MPI count is an int. Rank 0 receives from rank 1,
 * 2, ... in turn, reading each block into its place and freeing it before
 * the next: it holds the results once, not every rank's text at once. The
 * threads used are summed over the ranks (MPI_Allreduce).
 *
 * The exchange among all ranks (chain, spc_mpi_study_run): the sizes of
 * every rank's text to every rank (MPI_Allgather), then each rank's text
 * broadcast in turn, in rank order, and read into its place everywhere.
 */
#include "spcsim/mpi.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    /* The rank's message is in its stderr pipe, which mpirun forwards; an
     * abort can end the job before mpirun has read it (seen once in ten
     * check-mpi runs on a loaded machine): give the forwarding a moment. */
    fflush(stdout);
    fflush(stderr);
    nanosleep(&(struct timespec){ 0, 300000000L }, NULL);
    MPI_Abort(MPI_COMM_WORLD, code);
    exit(code); /* not reached */
}

static void send_block(const char *buf, uint64_t size)
{
    MPI_Send(&size, 1, MPI_UINT64_T, 0, 0, MPI_COMM_WORLD);
    for (uint64_t at = 0; at < size; at += CHUNK) {
        uint64_t n = size - at < CHUNK ? size - at : CHUNK;
        MPI_Send(buf + at, (int)n, MPI_CHAR, 0, 1, MPI_COMM_WORLD);
    }
}

/* Rank `from`'s text, '\0'-terminated; NULL when out of memory (the
 * sender's pieces are then left unreceived: the face ends the job). */
static char *receive_block(int from, uint64_t *size)
{
    MPI_Recv(size, 1, MPI_UINT64_T, from, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    char *buf = malloc(*size + 1);
    for (uint64_t at = 0; buf != NULL && at < *size; at += CHUNK) {
        uint64_t n = *size - at < CHUNK ? *size - at : CHUNK;
        MPI_Recv(buf + at, (int)n, MPI_CHAR, from, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    if (buf != NULL)
        buf[*size] = '\0';
    return buf;
}

/* For the test of a failing rank (tests/mpi/check_mpi.sh): with
 * SPCSIM_FAULT_RANK=R in its environment, rank R fails in place of its
 * replications (or before sending a sensitivity design's points), as one
 * whose replication failed does. */
static spc_status injected_fault(int rank, spc_error *err)
{
    const char *r = getenv("SPCSIM_FAULT_RANK");
    if (r != NULL && atoi(r) == rank)
        return spc_error_set(err, SPC_ERR_INTERNAL, "its replications failed (SPCSIM_FAULT_RANK=%d)", rank);
    return SPC_OK;
}

spc_status spc_mpi_gather_text(char *text, size_t len, spc_mpi_reader read, void *ctx, spc_error *err)
{
    int rank = spc_mpi_rank(), size = spc_mpi_size();
    if (injected_fault(rank, err) != SPC_OK) {
        free(text);
        return err->code;
    }
    if (text == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory writing the results to send");
    if (rank > 0) {
        send_block(text, len);
        free(text);
        return SPC_OK;
    }
    read(ctx, 0, text, len, err);
    for (int r = 1; r < size && err->code == SPC_OK; r++) {
        uint64_t got;
        char *buf = receive_block(r, &got);
        if (buf == NULL)
            spc_error_set(err, SPC_ERR_INTERNAL, "out of memory receiving the results of rank %d", r);
        else
            read(ctx, r, buf, (size_t)got, err);
    }
    return err->code;
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

/* The whole run's experiment being put together from the ranks' blocks. */
typedef struct {
    spc_experiment *x;
    char *filled;
} gathering;

static spc_status read_rank(void *ctx, int rank, char *text, size_t len, spc_error *err)
{
    gathering *g = ctx;
    read_block(text, len, rank, g->x, g->filled, err);
    free(text);
    return err->code;
}

/* x made for the n replications of the whole run. */
static spc_status gathering_init(gathering *g, spc_experiment *x, unsigned n, spc_error *err)
{
    g->x = x;
    g->filled = calloc(n + 1, 1);
    if (g->filled == NULL || spc_experiment_alloc(x, n, err) != SPC_OK)
        return err->code ? err->code : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory gathering the replications");
    return SPC_OK;
}

/* Every replication arrived; then g's memory is released. */
static spc_status gathering_end(gathering *g, unsigned n, spc_error *err)
{
    for (unsigned k = 0; k < n && err->code == SPC_OK; k++)
        if (!g->filled[k])
            spc_error_set(err, SPC_ERR_INTERNAL, "no rank sent replication %u", k);
    free(g->filled);
    return err->code;
}

/* Rank 0: its own block and every other rank's, in rank order, into x. */
static spc_status gather(const spc_experiment *mine, unsigned first, unsigned n, spc_experiment *x, spc_error *err)
{
    gathering g;
    size_t len = 0;
    char *buf = spc_repdata_text(mine, first, &len);
    if (gathering_init(&g, x, n, err) != SPC_OK) {
        free(buf);
        free(g.filled);
        return err->code;
    }
    x->employees = mine->employees;
    spc_mpi_gather_text(buf, len, read_rank, &g, err);
    return gathering_end(&g, n, err);
}

/* The threads of all ranks together, on every rank. */
static unsigned all_jobs(unsigned mine)
{
    unsigned long in = mine, sum = 0;
    MPI_Allreduce(&in, &sum, 1, MPI_UNSIGNED_LONG, MPI_SUM, MPI_COMM_WORLD);
    return (unsigned)sum;
}

/* This rank's block of the replications (spc_experiment_block) run into
 * *mine, its first replication's index in *first; the clock started. */
static spc_status run_block(const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *mine,
                            unsigned *first, double *t0, spc_error *err)
{
    int rank = spc_mpi_rank();
    unsigned n = opts->replications ? opts->replications : 1;
    size_t a, b;
    spc_experiment_block(n, (unsigned)rank + 1, (unsigned)spc_mpi_size(), &a, &b);
    *t0 = MPI_Wtime();
    spc_experiment_opts o = *opts;
    o.first = opts->first + (unsigned)a;
    o.replications = (unsigned)(b - a);
    *first = o.first;
    memset(mine, 0, sizeof *mine);
    mine->employees = opts->employees;
    if (injected_fault(rank, err) != SPC_OK || (b > a && spc_experiment_run_raw(sc, &o, mine, err) != SPC_OK))
        spc_experiment_release(mine);
    return err->code;
}

/* x cleared, this rank's block run into *mine (run_block) and the
 * threads of all ranks in *jobs. */
static spc_status begin(const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                        spc_experiment *mine, unsigned *first, double *t0, unsigned *jobs, spc_error *err)
{
    memset(x, 0, sizeof *x);
    if (run_block(sc, opts, mine, first, t0, err) != SPC_OK)
        return err->code;
    *jobs = all_jobs(mine->jobs);
    return SPC_OK;
}

spc_status spc_mpi_experiment_run(const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                                  spc_error *err)
{
    unsigned n = opts->replications ? opts->replications : 1, first, jobs;
    double t0;
    spc_experiment mine;
    if (begin(sc, opts, x, &mine, &first, &t0, &jobs, err) != SPC_OK)
        return err->code;
    if (spc_mpi_rank() == 0) {
        gather(&mine, first, n, x, err);
        spc_experiment_release(&mine);
        x->jobs = jobs;
        x->wall_seconds = MPI_Wtime() - t0;
        return err->code == SPC_OK ? spc_experiment_finish(x, err) : err->code;
    }
    size_t len = 0;
    char *buf = spc_repdata_text(&mine, first, &len);
    spc_experiment_release(&mine);
    return spc_mpi_gather_text(buf, len, read_rank, NULL, err);
}

/* ---- every rank gets every block ---- */

/* Rank `root`'s text (len bytes) broadcast to every rank in pieces; buf
 * is root's own text there and received into elsewhere. */
static void broadcast(char *buf, uint64_t len, int root)
{
    for (uint64_t at = 0; at < len; at += CHUNK) {
        uint64_t n = len - at < CHUNK ? len - at : CHUNK;
        MPI_Bcast(buf + at, (int)n, MPI_CHAR, root, MPI_COMM_WORLD);
    }
}

/* Every rank's block, in rank order, read into x on every rank. */
static spc_status exchange(const spc_experiment *mine, unsigned first, unsigned n, spc_experiment *x, spc_error *err)
{
    int rank = spc_mpi_rank(), size = spc_mpi_size();
    uint64_t *lens = calloc((size_t)size, sizeof *lens);
    size_t len = 0;
    char *own = spc_repdata_text(mine, first, &len);
    gathering g;
    if (lens == NULL || own == NULL || gathering_init(&g, x, n, err) != SPC_OK) {
        free(lens);
        free(own);
        return err->code ? err->code : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory sharing the replications");
    }
    uint64_t mylen = len;
    x->employees = mine->employees;
    MPI_Allgather(&mylen, 1, MPI_UINT64_T, lens, 1, MPI_UINT64_T, MPI_COMM_WORLD);
    for (int r = 0; r < size && err->code == SPC_OK; r++) {
        char *buf = r == rank ? own : malloc(lens[r] + 1);
        if (buf == NULL) {
            spc_error_set(err, SPC_ERR_INTERNAL, "out of memory receiving the replications of rank %d", r);
            break;
        }
        broadcast(buf, lens[r], r);
        buf[lens[r]] = '\0';
        read_block(buf, (size_t)lens[r], r, x, g.filled, err);
        if (buf != own)
            free(buf);
    }
    free(own);
    free(lens);
    return gathering_end(&g, n, err);
}

spc_status spc_mpi_study_run(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                             int whole, spc_error *err)
{
    (void)ctx;
    (void)whole; /* every run is shared: the ranks make the same tables */
    if (spc_mpi_size() == 1)
        return spc_experiment_run(sc, opts, x, err);
    unsigned n = opts->replications ? opts->replications : 1, first, jobs;
    double t0;
    spc_experiment mine;
    if (begin(sc, opts, x, &mine, &first, &t0, &jobs, err) != SPC_OK)
        return err->code;
    exchange(&mine, first, n, x, err);
    spc_experiment_release(&mine);
    x->jobs = jobs;
    x->wall_seconds = MPI_Wtime() - t0;
    return err->code == SPC_OK ? spc_experiment_finish(x, err) : err->code;
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

spc_status spc_mpi_study_run(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                             int whole, spc_error *err)
{
    (void)ctx;
    (void)whole;
    return spc_experiment_run(sc, opts, x, err);
}

spc_status spc_mpi_gather_text(char *text, size_t len, spc_mpi_reader read, void *ctx, spc_error *err)
{
    if (text == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory writing the results");
    return read(ctx, 0, text, len, err);
}

#endif
