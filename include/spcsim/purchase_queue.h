/*
 * purchase_queue.h -- the pending purchases of a unit's customers.
 *
 * Every active customer has a next purchase pending, a few thousand per
 * store: kept in the event calendar they made every calendar operation of
 * the run dearer (a deeper heap, most of it out of the cache). They wait
 * here instead, in a small heap of their own ordered by (time, slot), and
 * the calendar holds a single event for the earliest of them (customers.c).
 * An entry is 16 bytes against the calendar's 40, and the heap has four
 * children per node, so a level's children share one or two cache lines.
 *
 * The queue owns its memory: _init, then _release (which accepts a queue
 * that failed to init).
 */
#ifndef SPCSIM_PURCHASE_QUEUE_H
#define SPCSIM_PURCHASE_QUEUE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    double time;
    uint32_t slot;      /* the customer's slot */
    uint32_t tag;       /* the slot's generation when it was scheduled */
} spc_purchase;

typedef struct {
    spc_purchase *h;
    size_t n, cap;
} spc_purchase_queue;

/* 0, or -1 out of memory. */
int spc_purchase_queue_init(spc_purchase_queue *q, size_t capacity_hint);
void spc_purchase_queue_release(spc_purchase_queue *q);

/* 0, or -1 out of memory. */
int spc_purchase_queue_push(spc_purchase_queue *q, double time, uint32_t slot, uint32_t tag);

/* Removes the earliest entry into *out; 0 when the queue is empty. */
int spc_purchase_queue_pop(spc_purchase_queue *q, spc_purchase *out);

/* Time of the earliest entry; +infinity when empty. */
double spc_purchase_queue_next(const spc_purchase_queue *q);

#endif
