/*
 * pool.h -- the experiment floor's one pool of threads (the only threads
 * spcsim starts, but for the live jobs of spcsim serve, live.h, each of
 * which runs its replications on this pool).
 *
 * The work is a grid of items keyed by (replication, unit): replication
 * index r in [0, nreps), unit k in [0, nunits). Items are handed out in
 * key order (every unit of replication 0, then of replication 1, ...) to
 * up to `jobs` threads, so the replications and the units of a company
 * share the same threads and `jobs` is the total. run(ctx, r, k) executes
 * an item outside any lock and must write only into the item's own slot;
 * done(ctx, r, k), when not NULL, is called after it with the pool's lock
 * held, so done calls never overlap and may combine finished items (in
 * their own order, not the order they finish: that one depends on the
 * threads).
 */
#ifndef SPCSIM_POOL_H
#define SPCSIM_POOL_H

#include "spcsim/error.h"

typedef struct {
    void *ctx;
    void (*run)(void *ctx, unsigned rep, unsigned unit);
    void (*done)(void *ctx, unsigned rep, unsigned unit);   /* may be NULL */
} spc_pool_work;

/* Runs every item of the nreps x nunits grid on min(jobs, items) threads
 * (jobs 0 counts as 1); when no thread can start, runs them all on the
 * caller's thread. *used (may be NULL) gets the number of threads. Returns
 * SPC_OK, or SPC_ERR_INTERNAL when the pool cannot be set up (nothing run). */
spc_status spc_pool_run(unsigned jobs, unsigned nreps, unsigned nunits, const spc_pool_work *w, unsigned *used,
                        spc_error *err);

#endif
