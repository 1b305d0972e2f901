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
 * spc_calendar_push would give it: (time, then order of pushing). */
int spc_calendar_push_fixed(spc_calendar *cal, double time, uint32_t kind, uint32_t a, uint64_t b);

/* Removes the earliest event into *out; returns 0 when the calendar is empty. */
int spc_calendar_pop(spc_calendar *cal, spc_event *out);

/* Cancels a pending event; returns 1 if it was pending, 0 otherwise
 * (already popped, already cancelled, or id 0). */
int spc_calendar_cancel(spc_calendar *cal, spc_event_id id);

/* 1 if the event is still pending (neither popped nor cancelled). */
int spc_calendar_pending(const spc_calendar *cal, spc_event_id id);

/* Number of pending events (cancelled ones not counted). */
size_t spc_calendar_size(const spc_calendar *cal);

/* Time of the earliest pending event; +infinity when empty. */
double spc_calendar_peek_time(spc_calendar *cal);

#endif
