/*
 * live.c -- live jobs and their board (live.h): a thread per job, a log of
 * messages under the job's mutex, a condition variable that wakes the
 * readers when a message comes or the job ends.
 */
#include "spcsim/live.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct spc_live {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    pthread_t thread;
    spc_live_job job;
    void *ctx;
    void (*ctx_free)(void *);
    volatile sig_atomic_t stop;
    char **msgs;
    size_t n, cap;
    int ended;
    unsigned refs;
};

static void *live_main(void *arg)
{
    spc_live *lv = arg;
    lv->job(lv, lv->ctx);
    pthread_mutex_lock(&lv->lock);
    lv->ended = 1;
    pthread_cond_broadcast(&lv->changed);
    pthread_mutex_unlock(&lv->lock);
    return NULL;
}

static void live_free(spc_live *lv)
{
    for (size_t i = 0; i < lv->n; i++)
        free(lv->msgs[i]);
    free(lv->msgs);
    if (lv->ctx_free != NULL)
        lv->ctx_free(lv->ctx);
    pthread_cond_destroy(&lv->changed);
    pthread_mutex_destroy(&lv->lock);
    free(lv);
}

spc_live *spc_live_start(spc_live_job job, void *ctx, void (*ctx_free)(void *), spc_error *err)
{
    spc_live *lv = calloc(1, sizeof *lv);
    if (lv == NULL) {
        if (ctx_free != NULL)
            ctx_free(ctx);
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for a live run");
        return NULL;
    }
    *lv = (spc_live){ .job = job, .ctx = ctx, .ctx_free = ctx_free, .refs = 1 };
    pthread_mutex_init(&lv->lock, NULL);
    pthread_cond_init(&lv->changed, NULL);
    if (pthread_create(&lv->thread, NULL, live_main, lv) != 0) {
        live_free(lv);
        spc_error_set(err, SPC_ERR_INTERNAL, "cannot start a thread for a live run");
        return NULL;
    }
    return lv;
}

void spc_live_retain(spc_live *lv)
{
    pthread_mutex_lock(&lv->lock);
    lv->refs++;
    pthread_mutex_unlock(&lv->lock);
}

void spc_live_release(spc_live *lv)
{
    if (lv == NULL)
        return;
    pthread_mutex_lock(&lv->lock);
    unsigned left = --lv->refs;
    pthread_mutex_unlock(&lv->lock);
    if (left > 0)
        return;
    lv->stop = 1;
    pthread_join(lv->thread, NULL);
    live_free(lv);
}

int spc_live_post(spc_live *lv, const char *msg)
{
    char *copy = strdup(msg);
    int rc = -1;
    pthread_mutex_lock(&lv->lock);
    if (copy != NULL && lv->n == lv->cap) {
        size_t cap = lv->cap ? 2 * lv->cap : 64;
        char **m = realloc(lv->msgs, cap * sizeof *m);
        if (m != NULL)
            lv->msgs = m, lv->cap = cap;
    }
    if (copy != NULL && lv->n < lv->cap) {
        lv->msgs[lv->n++] = copy, copy = NULL, rc = 0;
        pthread_cond_broadcast(&lv->changed);
    }
    pthread_mutex_unlock(&lv->lock);
    free(copy);
    return rc;
}

const volatile sig_atomic_t *spc_live_stop_flag(spc_live *lv)
{
    return &lv->stop;
}

void *spc_live_ctx(spc_live *lv)
{
    return lv->ctx;
}

void spc_live_cancel(spc_live *lv)
{
    lv->stop = 1;
}

static void deadline_after(struct timespec *t, int ms)
{
    clock_gettime(CLOCK_REALTIME, t);
    t->tv_sec += ms / 1000;
    t->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L)
        t->tv_sec++, t->tv_nsec -= 1000000000L;
}

int spc_live_next(spc_live *lv, size_t i, int wait_ms, const char **msg)
{
    struct timespec until;
    deadline_after(&until, wait_ms);
    pthread_mutex_lock(&lv->lock);
    int rc = 0;
    while (i >= lv->n && !lv->ended && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&lv->changed, &lv->lock, &until);
    int got = i < lv->n ? 1 : lv->ended ? -1 : 0;
    if (got == 1)
        *msg = lv->msgs[i]; /* never moved: the array may grow, the strings stay */
    pthread_mutex_unlock(&lv->lock);
    return got;
}

int spc_live_wait(spc_live *lv, const volatile sig_atomic_t *stop)
{
    for (;;) {
        struct timespec until;
        deadline_after(&until, 100);
        pthread_mutex_lock(&lv->lock);
        if (!lv->ended)
            pthread_cond_timedwait(&lv->changed, &lv->lock, &until);
        int ended = lv->ended;
        pthread_mutex_unlock(&lv->lock);
        if (ended)
            return 1;
        if (stop != NULL && *stop)
            return 0;
    }
}

/* ---- the board ---- */

struct spc_live_board {
    pthread_mutex_t lock;
    spc_live *base, *latest;
    unsigned latest_id;
};

spc_live_board *spc_live_board_alloc(void)
{
    spc_live_board *b = calloc(1, sizeof *b);
    if (b != NULL)
        pthread_mutex_init(&b->lock, NULL);
    return b;
}

void spc_live_board_free(spc_live_board *b)
{
    if (b == NULL)
        return;
    if (b->latest != NULL)
        spc_live_cancel(b->latest);
    if (b->base != NULL)
        spc_live_cancel(b->base);
    spc_live_release(b->latest);
    spc_live_release(b->base);
    pthread_mutex_destroy(&b->lock);
    free(b);
}

void spc_live_board_set_base(spc_live_board *b, spc_live *lv)
{
    pthread_mutex_lock(&b->lock);
    spc_live *old = b->base;
    b->base = lv;
    pthread_mutex_unlock(&b->lock);
    spc_live_release(old);
}

unsigned spc_live_board_put(spc_live_board *b, spc_live *lv)
{
    pthread_mutex_lock(&b->lock);
    spc_live *old = b->latest;
    b->latest = lv;
    unsigned id = ++b->latest_id;
    pthread_mutex_unlock(&b->lock);
    if (old != NULL)
        spc_live_cancel(old);
    spc_live_release(old); /* a reader may still hold it: then the reader frees it */
    return id;
}

spc_live *spc_live_board_get(spc_live_board *b, unsigned id)
{
    pthread_mutex_lock(&b->lock);
    spc_live *lv = id == 0 ? b->base : id == b->latest_id ? b->latest : NULL;
    if (lv != NULL)
        spc_live_retain(lv);
    pthread_mutex_unlock(&b->lock);
    return lv;
}
