/*
 * live.h -- a job on a thread of its own whose messages readers follow as
 * they come: the experiments of the classroom page (spcsim serve) run as
 * live jobs, and every page that watches one reads its messages in order,
 * from the first, while the job is still adding to them.
 *
 * A live job owns a log of messages (text, appended by the job, never
 * changed after) and a stop flag; the job runs job(lv, ctx) once and ends.
 * Readers and owners hold references: spc_live_release of the last one
 * stops the job (sets its flag), waits for its thread and frees it and its
 * ctx. A board keeps the runs of a server by number under its lock: the
 * baseline, number 0, and the latest variant; putting a new variant stops
 * the one before. This file and pool.c are the only ones with threads.
 */
#ifndef SPCSIM_LIVE_H
#define SPCSIM_LIVE_H

#include <signal.h>
#include <stddef.h>

#include "spcsim/error.h"

typedef struct spc_live spc_live;
typedef void (*spc_live_job)(spc_live *lv, void *ctx);

/* Starts job(lv, ctx) on a new thread; the caller holds the one reference.
 * ctx is freed with ctx_free (may be NULL) when the job is freed, also when
 * it cannot start (then NULL with err set). */
spc_live *spc_live_start(spc_live_job job, void *ctx, void (*ctx_free)(void *), spc_error *err);

/* Another reference (the caller has one already). */
void spc_live_retain(spc_live *lv);
/* Drops a reference; the last stops the job, waits for it and frees it. NULL accepted. */
void spc_live_release(spc_live *lv);

/* The job's side: appends a copy of msg; 0, or -1 when out of memory. */
int spc_live_post(spc_live *lv, const char *msg);
/* The flag the job's runs watch (run.h): nonzero once the job is asked to stop. */
const volatile sig_atomic_t *spc_live_stop_flag(spc_live *lv);
void *spc_live_ctx(spc_live *lv);

/* Asks the job to stop (it ends at its next check). */
void spc_live_cancel(spc_live *lv);

/* Message i, waiting up to wait_ms for it: 1 with *msg set (valid while
 * the caller holds its reference), 0 when none came in time, -1 when the
 * job has ended and posted fewer than i + 1. */
int spc_live_next(spc_live *lv, size_t i, int wait_ms, const char **msg);

/* Waits until the job has ended, or *stop (may be NULL) is set: 1 ended, 0 stopped. */
int spc_live_wait(spc_live *lv, const volatile sig_atomic_t *stop);

/* ---- the board ---- */

typedef struct spc_live_board spc_live_board;

spc_live_board *spc_live_board_alloc(void);
/* Stops and releases every run. NULL accepted. */
void spc_live_board_free(spc_live_board *b);
/* Keeps lv (taking the caller's reference) as the baseline, number 0. */
void spc_live_board_set_base(spc_live_board *b, spc_live *lv);
/* Keeps lv (taking the caller's reference) as the latest variant, and
 * stops and releases the one before; returns lv's number (1, 2, ...). */
unsigned spc_live_board_put(spc_live_board *b, spc_live *lv);
/* Run `id` with a reference for the caller (release it), or NULL when it
 * is not kept (an older variant, or a number never given). */
spc_live *spc_live_board_get(spc_live_board *b, unsigned id);

#endif
