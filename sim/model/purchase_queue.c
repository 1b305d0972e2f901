/*
 * purchase_queue.c -- a 4-ary min-heap of pending purchases (purchase_queue.h).
 *
 * Node i's children are 4i+1 .. 4i+4 and its parent (i-1)/4. A new
 * purchase lies weeks ahead, so a push usually stays near the bottom; a pop
 * moves the last entry down from the root, choosing at each level the
 * earliest of up to four children. Equal times come out by slot number, so
 * the order never depends on how the heap happens to be laid out.
 */
#include "spcsim/purchase_queue.h"

#include <math.h>
#include <stdlib.h>

#define D 4 /* children per node */

static int before(const spc_purchase *x, const spc_purchase *y)
{
    return x->time < y->time || (x->time == y->time && x->slot < y->slot);
}

int spc_purchase_queue_init(spc_purchase_queue *q, size_t hint)
{
    q->n = 0;
    q->cap = hint < 16 ? 16 : hint;
    q->h = malloc(q->cap * sizeof *q->h);
    return q->h != NULL ? 0 : -1;
}

void spc_purchase_queue_release(spc_purchase_queue *q)
{
    free(q->h);
    q->h = NULL;
    q->n = q->cap = 0;
}

int spc_purchase_queue_push(spc_purchase_queue *q, double time, uint32_t slot, uint32_t tag)
{
    if (q->n == q->cap) {
        spc_purchase *h = realloc(q->h, 2 * q->cap * sizeof *h);
        if (h == NULL)
            return -1;
        q->h = h;
        q->cap *= 2;
    }
    spc_purchase x = { time, slot, tag };
    size_t i = q->n++;
    while (i > 0) {
        size_t parent = (i - 1) / D;
        if (!before(&x, &q->h[parent]))
            break;
        q->h[i] = q->h[parent];
        i = parent;
    }
    q->h[i] = x;
    return 0;
}

int spc_purchase_queue_pop(spc_purchase_queue *q, spc_purchase *out)
{
    if (q->n == 0)
        return 0;
    *out = q->h[0];
    spc_purchase x = q->h[--q->n];
    size_t i = 0, n = q->n;
    for (;;) {
        size_t first = D * i + 1, best = first;
        if (first >= n)
            break;
        size_t end = first + D < n ? first + D : n;
        for (size_t k = first + 1; k < end; k++)
            if (before(&q->h[k], &q->h[best]))
                best = k;
        if (!before(&q->h[best], &x))
            break;
        q->h[i] = q->h[best];
        i = best;
    }
    if (n > 0)
        q->h[i] = x;
    return 1;
}

double spc_purchase_queue_next(const spc_purchase_queue *q)
{
    return q->n > 0 ? q->h[0].time : INFINITY;
}
