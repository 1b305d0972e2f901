/*
 * purchase_queue.h -- the pending purchases of a unit's customers.
 *
 * Every active customer has a next purchase pending, a few thousand per
 * store: kept in the event calendar they made every calendar operation of
 * the run dearer (a deeper heap, most of it out of the cache). They wait
 * here instead, and the calendar holds a single event for the earliest of
 * them (customers.c).
 *
 * The queue is a calendar queue (Brown, Communications of the ACM 31(10),
 * 1988): time is cut into buckets of a fixed width, bucket k holding the
 * purchases due in [k w, (k + 1) w); the buckets form a ring of nb, so
 * bucket k also holds those of k + nb, k + 2 nb, ... ("later years"), told
 * apart by a year number. Pushing appends to a bucket; popping scans the
 * current bucket, a handful of entries when w is a few mean gaps between
 * purchases. Entries come out in the order (time, slot), whatever the
 * width: the width changes the speed only, never the results.
 *
 * The queue owns its memory: _init, then _release (which accepts a queue
 * that failed to init or was zeroed).
 */
#ifndef SPCSIM_PURCHASE_QUEUE_H
#define SPCSIM_PURCHASE_QUEUE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    double time;
    uint32_t slot;      /* the customer's slot */
    uint16_t tag;       /* the slot's generation when it was scheduled */
    uint16_t year;      /* (bucket number) / nb, modulo 2^16 */
} spc_purchase;

typedef struct {
    spc_purchase *e;
    uint32_t n, cap;
} spc_purchase_bucket;

typedef struct {
    spc_purchase_bucket *b;
    uint64_t nb, mask;  /* buckets in the ring, a power of 2; nb - 1 */
    unsigned shift;     /* log2(nb) */
    double inv_width;   /* 1 / w */
    int64_t cur;        /* no entry lies in a bucket before this one */
    size_t n;           /* entries */
} spc_purchase_queue;

/* expected: about how many entries will be pending; width: the bucket
 * width w (time units), best a few mean gaps between two pops, widened
 * if need be so that [0, horizon] spans fewer than 2^16 years; entries lie
 * in [0, horizon]. 0, or -1 out of memory. */
int spc_purchase_queue_init(spc_purchase_queue *q, size_t expected, double width, double horizon);
void spc_purchase_queue_release(spc_purchase_queue *q);

/* time >= 0, and not before the last entry popped. 0, or -1 out of memory. */
int spc_purchase_queue_push(spc_purchase_queue *q, double time, uint32_t slot, uint16_t tag);

/* Removes the earliest entry into *out; 0 when the queue is empty. */
int spc_purchase_queue_pop(spc_purchase_queue *q, spc_purchase *out);

/* The earliest entry, left in the queue; NULL when empty. The pointer is
 * good until the next push or pop. (Not const: it moves the queue's
 * current bucket up to that entry's.) */
const spc_purchase *spc_purchase_queue_peek(spc_purchase_queue *q);

/* Time of the earliest entry; +infinity when empty. */
double spc_purchase_queue_next(spc_purchase_queue *q);

#endif
