/*
 * calendar.c -- future-event calendar as a binary heap with lazy cancellation.
 *
 * The heap holds whole events, ordered by (time, seq). D is the number of
 * children per node: a 4-ary heap was measured against the binary one
 * (make bench's calendar hold, 5000 pending purchases of bench/scale.cfg)
 * and gained nothing, so D stays 2. Cancellation is lazy:
 * every pending event owns a slot in a side table; cancelling releases the
 * slot (bumping its generation), and pop silently discards heap entries
 * whose slot generation no longer matches. That makes cancel O(1) and keeps
 * the heap operations free of any index bookkeeping; a cancelled event costs
 * heap space only until its time comes up.
 *
 * An event id is (generation << 32) | (slot + 1), so ids of finished events
 * never match a live event, even after their slot is reused.
 */
#include "spcsim/calendar.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
    uint32_t gen;   /* bumped when the slot is released */
    uint32_t next;  /* free-list link while free */
    int live;
} slot_t;

struct spc_calendar {
    spc_event *heap;
    size_t n, cap;        /* heap entries, live or cancelled */
    size_t live;          /* pending events */
    slot_t *slots;
    size_t nslots, slotcap;
    uint32_t free_head;
    uint64_t next_seq;
};

#define NO_SLOT UINT32_MAX
#define D 2 /* children per node */

static int before(const spc_event *x, const spc_event *y)
{
    return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

static uint32_t slot_of(spc_event_id id) { return (uint32_t)(id & 0xffffffffu) - 1; }
static uint32_t gen_of(spc_event_id id) { return (uint32_t)(id >> 32); }

static int is_live(const spc_calendar *c, spc_event_id id)
{
    uint64_t s = id & 0xffffffffu;
    return s >= 1 && s <= c->nslots && c->slots[s - 1].live && c->slots[s - 1].gen == gen_of(id);
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
    if (ncap >= NO_SLOT)
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
    c->slots[*s].live = 1;
    return 1;
}

static void release_slot(spc_calendar *c, uint32_t s)
{
    c->slots[s].live = 0;
    c->slots[s].gen++;
    c->slots[s].next = c->free_head;
    c->free_head = s;
    c->live--;
}

spc_event_id spc_calendar_push(spc_calendar *c, double time, uint32_t kind,
                               uint32_t a, uint64_t b)
{
    uint32_t s;
    if (c->n == c->cap && !reserve((void **)&c->heap, &c->cap, c->n + 1, sizeof *c->heap))
        return 0;
    if (!take_slot(c, &s))
        return 0;
    spc_event e = { time, c->next_seq++, ((uint64_t)c->slots[s].gen << 32) | ((uint64_t)s + 1),
                    kind, a, b };
    /* sift up: move parents down until e fits */
    size_t i = c->n++;
    while (i > 0 && before(&e, &c->heap[(i - 1) / D])) {
        c->heap[i] = c->heap[(i - 1) / D];
        i = (i - 1) / D;
    }
    c->heap[i] = e;
    c->live++;
    return e.id;
}

/* Removes the root: the last entry sifts down from the top. */
static void remove_root(spc_calendar *c)
{
    spc_event e = c->heap[--c->n];
    size_t i = 0, n = c->n;
    for (;;) {
        size_t l = D * i + 1;
        if (l >= n)
            break;
        size_t best = l, end = l + D < n ? l + D : n;
        for (size_t k = l + 1; k < end; k++)
            if (before(&c->heap[k], &c->heap[best]))
                best = k;
        if (!before(&c->heap[best], &e))
            break;
        c->heap[i] = c->heap[best];
        i = best;
    }
    if (n > 0)
        c->heap[i] = e;
}

/* Drops cancelled entries from the top of the heap. */
static void skip_cancelled(spc_calendar *c)
{
    while (c->n > 0 && !is_live(c, c->heap[0].id))
        remove_root(c);
}

int spc_calendar_pop(spc_calendar *c, spc_event *out)
{
    skip_cancelled(c);
    if (c->n == 0)
        return 0;
    *out = c->heap[0];
    remove_root(c);
    release_slot(c, slot_of(out->id));
    return 1;
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
    skip_cancelled(c);
    return c->n ? c->heap[0].time : INFINITY;
}
