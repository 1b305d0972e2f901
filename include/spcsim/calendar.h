/*
 * calendar.h -- the future-event calendar.
 *
 * A binary min-heap of pending events ordered by (time, seq), where seq is
 * the insertion sequence number: two events at the same time come out in
 * the order they were scheduled (first in, first out), so a run is
 * deterministic. Push and pop are O(log n); an event is cancelled in O(1)
 * by the id that push returned (lazily: it is dropped when it reaches the
 * top of the heap).
 *
 * An event carries a kind (below UINT32_MAX) and two integer payload
 * fields (a, b) whose meaning belongs to the module that handles the kind.
 * An event that will never be cancelled is cheaper pushed with
 * spc_calendar_push_fixed (no id, no side table). The calendar owns
 * its memory; spc_calendar_free releases it (NULL is fine).
 */
#ifndef SPCSIM_CALENDAR_H
#define SPCSIM_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

/* An event's identity: 0 is "no event". Ids of popped or cancelled events
 * are never reused for a live event (a generation counter guards them). */
typedef uint64_t spc_event_id;

typedef struct {
    double time;
    uint64_t seq;      /* insertion order, assigned by push */
    spc_event_id id;
    uint32_t kind;
    uint32_t a;
    uint64_t b;
} spc_event;

typedef struct spc_calendar spc_calendar;

spc_calendar *spc_calendar_alloc(size_t capacity_hint);
void spc_calendar_free(spc_calendar *cal);

/* Schedules an event; returns its id, or 0 when out of memory. */
spc_event_id spc_calendar_push(spc_calendar *cal, double time, uint32_t kind,
                               uint32_t a, uint64_t b);

/* Schedules an event that is never cancelled; returns 1, or 0 when out of
 * memory. Popped, its id is 0. Its place among the others is the same as
 * spc_calendar_push would give it: (time, then order of pushing). Inline,
 * below. */
static inline int spc_calendar_push_fixed(spc_calendar *cal, double time, uint32_t kind, uint32_t a,
                                          uint64_t b);

/* Removes the earliest event into *out; returns 0 when the calendar is
 * empty. Inline, below. */
static inline int spc_calendar_pop(spc_calendar *cal, spc_event *out);

/* Cancels a pending event; returns 1 if it was pending, 0 otherwise
 * (already popped, already cancelled, or id 0). */
int spc_calendar_cancel(spc_calendar *cal, spc_event_id id);

/* 1 if the event is still pending (neither popped nor cancelled). */
int spc_calendar_pending(const spc_calendar *cal, spc_event_id id);

/* Number of pending events (cancelled ones not counted). */
size_t spc_calendar_size(const spc_calendar *cal);

/* Time of the earliest pending event; +infinity when empty. */
double spc_calendar_peek_time(spc_calendar *cal);

/* ---- the inline paths ----
 *
 * push_fixed and pop run on every event, and a call costs about as much as
 * their common path: they are inline, so the calendar's layout is here.
 * Nothing outside calendar.c touches these fields; calendar.c explains
 * them (the heap of keys, the slots of cancellable events, the hole). */

typedef struct {
    double time;
    uint64_t seq;
    uint32_t kind;  /* the event's kind, or SPC_CALENDAR_CANCELLABLE */
    uint32_t a;     /* the event's a, or (cancellable) its slot */
    uint64_t b;     /* the event's b, or (cancellable) the slot's generation when pushed */
} spc_calendar_key;

#define SPC_CALENDAR_CANCELLABLE UINT32_MAX /* a key's kind: the event is in slot a */

struct spc_calendar {
    spc_calendar_key *heap;
    size_t n, cap;        /* heap keys, live or dead */
    size_t live;          /* pending events */
    int hole;             /* heap[0] is the last popped event's key, dead */
    struct spc_calendar_slot *slots;
    size_t nslots, slotcap;
    uint32_t free_head;
    uint64_t next_seq;
};

/* Out of line (calendar.c): room for one more key (0: out of memory); pop
 * when the root is dead or cancellable or the heap empty. */
int spc_calendar_grow(spc_calendar *c);
int spc_calendar_pop_slow(spc_calendar *c, spc_event *out);

static inline int spc_calendar_before(const spc_calendar_key *x, const spc_calendar_key *y)
{
    return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

/* Sifts *e down from the root over the n keys of the binary heap h
 * (heap[0] is free; e does not point into the heap). */
static inline __attribute__((always_inline)) void spc_calendar_sift_down(spc_calendar_key *h, size_t n,
                                                                         const spc_calendar_key *e)
{
    size_t i = 0, l;
    while ((l = 2 * i + 1) < n) {
        size_t best = l + 1 < n && spc_calendar_before(&h[l + 1], &h[l]) ? l + 1 : l;
        if (!spc_calendar_before(&h[best], e))
            break;
        h[i] = h[best];
        i = best;
    }
    h[i] = *e;
}

static inline int spc_calendar_room(spc_calendar *c)
{
    return c->hole || c->n < c->cap || spc_calendar_grow(c);
}

/* Drops key e into the heap: into the hole at the root if there is one. */
static inline __attribute__((always_inline)) void spc_calendar_insert(spc_calendar *c, const spc_calendar_key *e)
{
    c->live++;
    if (c->hole) { /* the dead root makes room: one sift down */
        c->hole = 0;
        spc_calendar_sift_down(c->heap, c->n, e);
        return;
    }
    size_t i = c->n++; /* sift up: move parents down until e fits */
    while (i > 0 && spc_calendar_before(e, &c->heap[(i - 1) / 2])) {
        c->heap[i] = c->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    c->heap[i] = *e;
}

static inline __attribute__((always_inline)) int spc_calendar_push_fixed(spc_calendar *c, double time,
                                                                         uint32_t kind, uint32_t a, uint64_t b)
{
    if (!spc_calendar_room(c))
        return 0;
    spc_calendar_key e = { time, c->next_seq++, kind, a, b };
    spc_calendar_insert(c, &e);
    return 1;
}

/* The root's key stays in the heap, dead (the hole). */
static inline int spc_calendar_pop(spc_calendar *c, spc_event *out)
{
    if (c->hole || c->n == 0 || c->heap[0].kind == SPC_CALENDAR_CANCELLABLE)
        return spc_calendar_pop_slow(c, out);
    const spc_calendar_key *k = &c->heap[0];
    *out = (spc_event){ k->time, k->seq, 0, k->kind, k->a, k->b };
    c->live--;
    c->hole = 1;
    return 1;
}

#endif
