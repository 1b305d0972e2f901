/*
 * pool.c -- the pool of threads (pool.h): workers take the next
 * (replication, unit) key from a counter under a mutex, run it, and report
 * it done under the same mutex.
 */
#include "spcsim/pool.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct {
    const spc_pool_work *w;
    unsigned nunits;
    unsigned long next, n;   /* next item to hand out, items in all */
    pthread_mutex_t lock;
} pool_t;

static void *worker(void *arg)
{
    pool_t *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        unsigned long i = p->next < p->n ? p->next++ : p->n;
        pthread_mutex_unlock(&p->lock);
        if (i == p->n)
            return NULL;
        unsigned rep = (unsigned)(i / p->nunits), unit = (unsigned)(i % p->nunits);
        p->w->run(p->w->ctx, rep, unit);
        if (p->w->done != NULL) {
            pthread_mutex_lock(&p->lock);
            p->w->done(p->w->ctx, rep, unit);
            pthread_mutex_unlock(&p->lock);
        }
    }
}

spc_status spc_pool_run(unsigned jobs, unsigned nreps, unsigned nunits, const spc_pool_work *w, unsigned *used,
                        spc_error *err)
{
    pool_t p = { .w = w, .nunits = nunits, .n = (unsigned long)nreps * nunits };
    unsigned want = jobs == 0 ? 1 : jobs;
    if (want > p.n)
        want = p.n > 0 ? (unsigned)p.n : 1;
    if (used != NULL)
        *used = want;
    if (p.n == 0)
        return SPC_OK;
    pthread_t *th = calloc(want, sizeof *th);
    if (th == NULL || pthread_mutex_init(&p.lock, NULL) != 0) {
        free(th);
        return spc_error_set(err, SPC_ERR_INTERNAL, "cannot start threads");
    }
    unsigned started = 0;
    if (want > 1)
        for (; started < want; started++)
            if (pthread_create(&th[started], NULL, worker, &p) != 0)
                break;
    if (started == 0) {
        worker(&p); /* one job, or no thread could start: run here */
        if (used != NULL)
            *used = 1;
    } else if (used != NULL) {
        *used = started;
    }
    for (unsigned k = 0; k < started; k++)
        pthread_join(th[k], NULL);
    pthread_mutex_destroy(&p.lock);
    free(th);
    return SPC_OK;
}
