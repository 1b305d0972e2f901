/*
 * trace.h -- a readable log of one replication, one line per event.
 *
 * A tracer writes lines
 *
 *       TIME  KIND           ENTITY            WHAT
 *     0.1523  service_start  back_office#3     order 17 starts service (waited 0.42 h, needs 0.31 h)
 *
 * to a stream the face opened, keeping only the kinds and the time window
 * asked for. TIME is in the scenario's time unit with four decimals;
 * positions (servers) are numbered from 0, as stages are in --set paths.
 *
 * The kinds are finer than the calendar's events: one SERVICE_END can
 * write service_end, then service_start (the server takes the next order)
 * and queue or deliver (where the order went). Each line is written by the
 * module that knows what changed: the chain (orders), the workforce and
 * absence (employees), the customers, and the run (reports,
 * interventions, warm-up, end).
 *
 * Cost when off: the run context and those modules hold an spc_trace
 * pointer that is NULL unless tracing was asked for; each place that could
 * write a line tests it once and does nothing else.
 *
 * Ownership: the face allocates the tracer and owns the stream; the run
 * borrows the tracer for one replication (replication 0, unit 0) and
 * never closes anything. A tracer is not thread-safe: one run at a time.
 */
#ifndef SPCSIM_TRACE_H
#define SPCSIM_TRACE_H

#include <stdio.h>

#include "spcsim/error.h"

typedef enum {
    SPC_TR_ARRIVAL,       /* chain: an order comes in */
    SPC_TR_QUEUE,         /* chain: an order waits at a stage */
    SPC_TR_SERVICE_START, /* chain: a server starts an order */
    SPC_TR_SERVICE_END,   /* chain: a server finishes an order */
    SPC_TR_DELIVER,       /* chain: an order leaves the chain, done */
    SPC_TR_REWORK,        /* chain: a defect is caught and sent back */
    SPC_TR_BLOCKED,       /* chain: a full queue turns an order away */
    SPC_TR_BALK,          /* chain: a new order sees the queue and leaves */
    SPC_TR_RENEGE,        /* chain: a waiting order runs out of patience */
    SPC_TR_QUIT,          /* workforce: an employee quits */
    SPC_TR_HIRE,          /* workforce: a vacancy is filled */
    SPC_TR_LAYOFF,        /* workforce: a position is cut */
    SPC_TR_ABSENCE,       /* absence: an employee stays away, or is back */
    SPC_TR_PURCHASE,      /* customers: a customer comes to buy */
    SPC_TR_ACQUIRE,       /* customers: a new customer joins */
    SPC_TR_CLAIM,         /* customers: an after-sale request */
    SPC_TR_ENCOUNTER,     /* customers: an order ended; satisfaction, stay or leave */
    SPC_TR_REPORT,        /* run: end of a reporting period */
    SPC_TR_INTERVENTION,  /* run: an intervention takes effect */
    SPC_TR_WARMUP,        /* run: statistics restart */
    SPC_TR_END,           /* run: the horizon */
    SPC_TR_NKINDS
} spc_trace_kind;

typedef struct spc_trace spc_trace;

/* The test each place that could write a line makes: tr is not NULL. The
 * compiler is told it is usually false, so the untraced path stays a
 * straight line and the tracing code is laid out of the way. */
#if defined(__GNUC__)
#define SPC_TRACING(tr) __builtin_expect((tr) != NULL, 0)
#else
#define SPC_TRACING(tr) ((tr) != NULL)
#endif

/* The name of a kind ("service_start"). */
const char *spc_trace_kind_name(spc_trace_kind kind);

/* "arrival,service_end,quit" -> a mask of kinds (bit k for kind k). An
 * unknown or empty name is a usage error naming it and listing every kind. */
spc_status spc_trace_parse_kinds(const char *text, unsigned long *mask, spc_error *err);

/* "T0:T1" -> [t0, t1] in the time unit of unit_seconds seconds; each side
 * a duration ("2w", "36h", or a number in that unit), either may be empty
 * (from the start, to the end). Usage error when malformed or T0 > T1. */
spc_status spc_trace_parse_window(const char *text, double unit_seconds, double *t0, double *t1, spc_error *err);

/* A tracer writing to f (borrowed): kinds in mask, times in [t0, t1].
 * NULL when out of memory. */
spc_trace *spc_trace_alloc(FILE *f, unsigned long mask, double t0, double t1);
void spc_trace_free(spc_trace *tr);

/* Comment lines on top: what was traced, the filter, the columns. */
void spc_trace_header(spc_trace *tr, const char *scenario, unsigned long long seed, const char *time_unit,
                      int units);

/* Whether a line of this kind at this time would be written: callers test
 * it before formatting anything costly. */
int spc_trace_wants(const spc_trace *tr, spc_trace_kind kind, double now);

/* Writes one line, if wanted. entity: the stage, position, order or
 * customer the line is about; fmt: what changed (no newline). */
void spc_trace_line(spc_trace *tr, double now, spc_trace_kind kind, const char *entity, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* "back_office#3" into buf: position pos of a stage. Returns buf. */
const char *spc_trace_position(char *buf, size_t size, const char *stage, unsigned pos);

#endif
