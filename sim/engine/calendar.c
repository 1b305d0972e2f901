/*
 * calendar.c -- future-event calendar as a binary heap with lazy cancellation.
 *
 * The heap holds 32-byte keys ordered by (time, seq). An event pushed with
 * spc_calendar_push_fixed (never cancelled) carries its payload (kind, a,
 * b) in its key and costs nothing else. An event pushed with
 * spc_calendar_push (cancellable) owns a slot in a side table: its key's
 * kind is CANCELLABLE, a the slot and b the slot's generation when pushed,
 * and the payload waits in the slot. The heap is binary: a 4-ary heap was
 * measured against it (make bench's calendar hold, 5000 pending purchases
 * of bench/scale.cfg) and gained nothing. push_fixed and pop, the hot
 * paths, are inline in calendar.h.
 *
 * Cancellation is lazy: cancelling releases the slot (bumping its
 * generation), and pop silently discards cancellable keys whose slot
 * generation no longer matches. That makes cancel O(1) and keeps the heap
 * operations free of any index bookkeeping; a cancelled event costs heap
 * space only until its time comes up.
 *
 * Hold: pop leaves the earliest event's key at the root, dead (`hole`
 * says so). The next push, typically the handler of that event scheduling
 * the next one, drops its key into the root and sifts it down: one sift
 * instead of a sift down (the pop) and a sift up (the push). Had no push
 * come, the next pop removes the dead root first. The order of events is
 * the order of (time, seq), whatever the heap's shape.
 *
 * An event id is (generation << 32) | (slot + 1), so ids of finished events
 * never match a live event, even after their slot is reused.
 */
#include "spcsim/calendar.h"

#include <math.h>
#include <stdlib.h>

typedef spc_calendar_key heap_key; /* calendar.h, with struct spc_calendar */

typedef struct spc_calendar_slot {
    uint32_t gen;   /* bumped when the slot is released */
    uint32_t next;  /* free-list link while free, LIVE while pending */
    uint32_t kind;
    uint32_t a;
    uint64_t b;
} slot_t;

#define NO_SLOT UINT32_MAX
#define LIVE (UINT32_MAX - 1)
#define CANCELLABLE SPC_CALENDAR_CANCELLABLE
#define sift_down spc_calendar_sift_down

static uint32_t slot_of(spc_event_id id) { return (uint32_t)(id & 0xffffffffu) - 1; }
static uint32_t gen_of(spc_event_id id) { return (uint32_t)(id >> 32); }

static int is_live(const spc_calendar *c, spc_event_id id)
{
    uint64_t s = id & 0xffffffffu;
    return s >= 1 && s <= c->nslots && c->slots[s - 1].next == LIVE && c->slots[s - 1].gen == gen_of(id);
}

/* A cancellable key is live while its slot still holds its event. */
static inline int key_live(const spc_calendar *c, const heap_key *k)
{
    return c->slots[k->a].gen == k->b;
}

spc_calendar *spc_calendar_alloc(size_t hint)
{
    spc_calendar *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->cap = c->slotcap = hint < 16 ? 16 : hint;
    c->heap = malloc(c->cap * sizeof *c->heap);
    c->slots = malloc(c->slotcap * sizeof *c->slots);
    if (c->heap == NULL || c->slots == NULL) {
        spc_calendar_free(c);
        return NULL;
    }
    c->free_head = NO_SLOT;
    return c;
}

void spc_calendar_free(spc_calendar *c)
{
    if (c == NULL)
        return;
    free(c->heap);
    free(c->slots);
    free(c);
}

static int reserve(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t ncap = 2 * *cap;
    if (ncap >= LIVE)
        return 0;
    void *q = realloc(*p, ncap * size);
    if (q == NULL)
        return 0;
    *p = q;
    *cap = ncap;
    return 1;
}

/* A slot for a new event: from the free list, or a fresh one. */
static int take_slot(spc_calendar *c, uint32_t *s)
{
    if (c->free_head != NO_SLOT) {
        *s = c->free_head;
        c->free_head = c->slots[*s].next;
    } else {
        if (c->nslots == c->slotcap && !reserve((void **)&c->slots, &c->slotcap, c->nslots + 1, sizeof *c->slots))
            return 0;
        *s = (uint32_t)c->nslots++;
        c->slots[*s].gen = 0;
    }
    c->slots[*s].next = LIVE;
    return 1;
}

static void release_slot(spc_calendar *c, uint32_t s)
{
    c->slots[s].gen++;
    c->slots[s].next = c->free_head;
    c->free_head = s;
    c->live--;
}

int spc_calendar_grow(spc_calendar *c)
{
    return reserve((void **)&c->heap, &c->cap, c->n + 1, sizeof *c->heap);
}

spc_event_id spc_calendar_push(spc_calendar *c, double time, uint32_t kind,
                               uint32_t a, uint64_t b)
{
    uint32_t s;
    if (!spc_calendar_room(c) || !take_slot(c, &s))
        return 0;
    slot_t *sl = &c->slots[s];
    sl->kind = kind;
    sl->a = a;
    sl->b = b;
    heap_key e = { time, c->next_seq++, CANCELLABLE, s, sl->gen };
    spc_calendar_insert(c, &e);
    return ((uint64_t)sl->gen << 32) | ((uint64_t)s + 1);
}

/* Removes the root: the last key sifts down from the top. */
static void remove_root(spc_calendar *c)
{
    c->hole = 0;
    if (--c->n > 0) {
        heap_key last = c->heap[c->n];
        sift_down(c->heap, c->n, &last);
    }
}

/* Drops dead keys (the last popped, cancelled ones) from the top of the heap. */
static void skip_dead(spc_calendar *c)
{
    if (c->hole)
        remove_root(c);
    while (c->n > 0 && c->heap[0].kind == CANCELLABLE && !key_live(c, &c->heap[0]))
        remove_root(c);
}

/* Hands out the live cancellable root, its slot released. */
static int take_cancellable(spc_calendar *c, spc_event *out)
{
    const heap_key *k = &c->heap[0];
    uint32_t s = k->a;
    const slot_t *sl = &c->slots[s];
    *out = (spc_event){ k->time, k->seq, (k->b << 32) | ((uint64_t)s + 1), sl->kind, sl->a, sl->b };
    release_slot(c, s);
    c->hole = 1;
    return 1;
}

int spc_calendar_pop_slow(spc_calendar *c, spc_event *out)
{
    skip_dead(c);
    if (c->n == 0)
        return 0;
    if (c->heap[0].kind == CANCELLABLE)
        return take_cancellable(c, out);
    return spc_calendar_pop(c, out);
}

int spc_calendar_cancel(spc_calendar *c, spc_event_id id)
{
    if (!is_live(c, id))
        return 0;
    release_slot(c, slot_of(id));
    return 1;
}

int spc_calendar_pending(const spc_calendar *c, spc_event_id id)
{
    return is_live(c, id);
}

size_t spc_calendar_size(const spc_calendar *c) { return c->live; }

double spc_calendar_peek_time(spc_calendar *c)
{
    skip_dead(c);
    return c->n ? c->heap[0].time : INFINITY;
}
