/*
 * purchase_queue.c -- a calendar queue of pending purchases (purchase_queue.h).
 *
 * Entry x lies in bucket k(x) = floor(x.time / w), stored in ring position
 * k mod nb with year k / nb. `cur` never passes an entry's bucket: a push
 * into an earlier bucket moves it back. To find the earliest entry, look
 * in ring position cur mod nb for the entries of this year (the earliest
 * by (time, slot)); if there are none, the next bucket. After a whole
 * turn of the ring with nothing found (a queue sparse for its width) cur
 * jumps to the earliest entry's bucket directly.
 */
#include "spcsim/purchase_queue.h"

#include <math.h>
#include <stdlib.h>

#define MAX_SHIFT 20 /* at most 2^20 buckets */

static int before(const spc_purchase *x, const spc_purchase *y)
{
    return x->time < y->time || (x->time == y->time && x->slot < y->slot);
}

static int64_t bucket_of(const spc_purchase_queue *q, double time)
{
    return (int64_t)floor(time * q->inv_width);
}

int spc_purchase_queue_init(spc_purchase_queue *q, size_t expected, double width, double horizon)
{
    *q = (spc_purchase_queue){ 0 };
    q->shift = 4;
    while (q->shift < MAX_SHIFT && ((uint64_t)1 << q->shift) < 2 * (uint64_t)expected)
        q->shift++;
    q->nb = (uint64_t)1 << q->shift;
    q->mask = q->nb - 1;
    double years = 60000.0 * (double)q->nb; /* buckets in 60,000 years: the year numbers never wrap */
    if (!(width > 0) || !isfinite(1.0 / width) || horizon / width > years)
        width = horizon > 0 && isfinite(horizon) ? horizon / years : 1.0;
    q->inv_width = 1.0 / width;
    q->b = calloc(q->nb, sizeof *q->b);
    return q->b != NULL ? 0 : -1;
}

void spc_purchase_queue_release(spc_purchase_queue *q)
{
    for (uint64_t i = 0; q->b != NULL && i < q->nb; i++)
        free(q->b[i].e);
    free(q->b);
    *q = (spc_purchase_queue){ 0 };
}

int spc_purchase_queue_push(spc_purchase_queue *q, double time, uint32_t slot, uint16_t tag)
{
    int64_t k = bucket_of(q, time);
    spc_purchase_bucket *b = &q->b[(uint64_t)k & q->mask];
    if (b->n == b->cap) {
        uint32_t cap = b->cap ? 2 * b->cap : 4;
        spc_purchase *e = realloc(b->e, cap * sizeof *e);
        if (e == NULL)
            return -1;
        b->e = e;
        b->cap = cap;
    }
    b->e[b->n++] = (spc_purchase){ time, slot, tag, (uint16_t)((uint64_t)k >> q->shift) };
    if (q->n++ == 0 || k < q->cur)
        q->cur = k;
    return 0;
}

/* In bucket k's ring position, the earliest entry of k's year; -1 if none. */
static long earliest_in(const spc_purchase_queue *q, int64_t k)
{
    const spc_purchase_bucket *b = &q->b[(uint64_t)k & q->mask];
    uint16_t year = (uint16_t)((uint64_t)k >> q->shift);
    long best = -1;
    for (uint32_t i = 0; i < b->n; i++)
        if (b->e[i].year == year && (best < 0 || before(&b->e[i], &b->e[best])))
            best = (long)i;
    return best;
}

/* The earliest entry's bucket, by scanning all: for a sparse queue. */
static int64_t first_bucket(const spc_purchase_queue *q)
{
    double t = INFINITY;
    for (uint64_t i = 0; i < q->nb; i++)
        for (uint32_t j = 0; j < q->b[i].n; j++)
            t = fmin(t, q->b[i].e[j].time);
    return bucket_of(q, t);
}

/* Moves cur to the bucket of the earliest entry; its index there (n > 0). */
static long find(spc_purchase_queue *q)
{
    for (uint64_t turn = 0;; turn++) {
        long i = earliest_in(q, q->cur);
        if (i >= 0)
            return i;
        if (turn == q->nb)
            q->cur = first_bucket(q);
        else
            q->cur++;
    }
}

int spc_purchase_queue_pop(spc_purchase_queue *q, spc_purchase *out)
{
    if (q->n == 0)
        return 0;
    long i = find(q);
    spc_purchase_bucket *b = &q->b[(uint64_t)q->cur & q->mask];
    *out = b->e[i];
    b->e[i] = b->e[--b->n]; /* the bucket's order does not matter */
    q->n--;
    return 1;
}

const spc_purchase *spc_purchase_queue_peek(spc_purchase_queue *q)
{
    if (q->n == 0)
        return NULL;
    long i = find(q); /* first: it moves cur */
    return &q->b[(uint64_t)q->cur & q->mask].e[i];
}

double spc_purchase_queue_next(spc_purchase_queue *q)
{
    const spc_purchase *e = spc_purchase_queue_peek(q);
    return e != NULL ? e->time : INFINITY;
}
