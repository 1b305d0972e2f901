/*
 * chain_impl.h -- the chain's private state, shared by chain.c (set-up,
 * staffing, interventions), chain_flow.c (the life of an order) and
 * chain_stats.c (statistics). Nothing outside these three files includes it.
 */
#ifndef SPCSIM_CHAIN_IMPL_H
#define SPCSIM_CHAIN_IMPL_H

#include "spcsim/chain.h"
#include "spcsim/stats.h"

#define NONE UINT32_MAX

/* order_new (chain_flow.c) sets every field by name: a new field must be
 * set there too. */
typedef struct {
    double t_in;      /* arrival to the system */
    double t_stage;   /* arrival to the current stage */
    uint32_t next;    /* free-list link */
    uint32_t defect;  /* stage whose error the order carries, NONE if none */
    uint32_t from;    /* stage it came from, NONE for a new order or a rework return */
    uint32_t rework;  /* 1 while it is at a stage for rework */
    uint32_t escaped; /* defects that reached the customer with it */
    double sojourn_prev; /* time it spent at the stage it came from */
    spc_event_id renege; /* its pending abandonment while it waits, 0 if none */
    uint32_t abandoned;  /* left the queue unserved: skipped when reached */
    uint32_t customer;   /* who placed it, NONE for an anonymous external order */
    uint64_t tag;        /* the customer's tag, returned with the end */
    uint32_t kind;       /* SPC_ORDER_* */
    uint32_t front;      /* position that served it at the front stage, NONE if none */
    uint64_t no;         /* its number, 1, 2, ... in order of arrival (slots are reused) */
} order_t;

typedef struct {
    spc_tally wait, sojourn, waited, blocked;
    spc_quantile wait_q;
    spc_timeavg queue, busy, staffed;
    spc_counter arrivals, completions, lost, errors, caught, rework, abandoned, balked;
    spc_tally abandon;    /* per order that entered: 1 if it abandoned */
    spc_tally balk;       /* per new order arriving: 1 if it balked */
    spc_tally wait_abandoned; /* wait of each order that abandoned, until it left */
    spc_tally wait_all;   /* wait of each order that joined: served and abandoned */
    spc_counter wait_flow; /* the same waits, counted when they end: rate = lambda W_all */
} stage_stats;

typedef struct {
    const spc_stage_spec *spec;
    uint32_t index;        /* its place in the chain's stages */
    gsl_rng *service_rng, *routing_rng, *error_rng, *detect_rng, *patience_rng, *balk_rng;
    uint32_t npos;         /* positions (servers, staffed or not) */
    uint32_t *holding;     /* order held by each position, NONE if idle */
    uint8_t *staffed;      /* someone holds the position */
    uint32_t nstaffed, nbusy;
    uint32_t *free_srv;    /* stack of idle staffed positions, NONE where one was taken
                              out of the middle (free_top entries, 2 npos room) */
    uint32_t *free_at;     /* each position's place in free_srv, NONE if not in it */
    uint32_t nfree, free_top; /* idle staffed positions; the stack's entries */
    uint32_t *q;           /* ring buffer of waiting orders (and of abandoned ones not yet reached) */
    size_t qhead, qlen, qcap; /* qcap a power of two: indices wrap by a mask */
    size_t nwait;          /* orders really waiting: qlen minus the abandoned */
    spc_stage_totals tot;  /* since the start, never reset */
    double tot_t;          /* time the integrals in tot reach */
    stage_stats st;
} stage_t;

#define NQUANT 4

/* ch->plain: nothing hooked, no customers, no tracer, no patience, balking
 * or finite queue; CHAIN_SINGLE besides: one stage, whose orders are all
 * delivered. Then every order's arrival, completion and lead time are the
 * stage's arrival, completion and sojourn, at the same times with the same
 * values: the chain's arrived, delivered and lead are not updated but
 * copied from the stage's at the end (spc_chain_stats_unalias). */
#define CHAIN_PLAIN 1
#define CHAIN_SINGLE 2

struct spc_chain {
    const spc_scenario *sc;
    const spc_chain_hooks *hooks;
    const spc_chain_sink *sink;
    spc_trace *trace;       /* NULL: not traced */
    int plain;              /* 0, CHAIN_PLAIN or CHAIN_SINGLE: the lean path (chain_flow.c)
                             * applies; decided by chain_plain (chain.c) */
    int may_alias;          /* CHAIN_SINGLE is still allowed (it has never been left) */
    uint64_t orders_in;     /* orders created so far: the last order's number */
    int front;              /* customers' front stage, -1 without customers */
    spc_calendar *cal;
    stage_t *stages;
    size_t nstages;
    order_t *orders;
    uint32_t norders, free_order;
    long wip;
    spc_system_totals tot;
    spc_tally lead;
    spc_quantile lead_q;
    spc_timeavg wip_avg;
    spc_counter arrived, delivered, lost, escaped, abandoned, balked;
};

/* chain_stats.c */
int spc_chain_stats_init(spc_chain *ch, size_t k);
void spc_chain_stats_release(spc_chain *ch);
/* Integrates the totals' busy and staffed areas up to now. */
void spc_chain_totals_advance(stage_t *g, double now);
/* The number of busy / staffed servers at g changed (call after it);
 * inline: twice on every service. */
static inline void spc_chain_levels(stage_t *g, double now)
{
    spc_timeavg_set(&g->st.busy, now, (double)g->nbusy);
}
void spc_chain_staffing(stage_t *g, double now);
/* Leaving CHAIN_SINGLE, or collecting: the chain's arrived, delivered and
 * lead become the stage's arrivals, completions and sojourn. */
void spc_chain_stats_unalias(spc_chain *ch);

/* chain_flow.c */
spc_status spc_chain_take_next(spc_chain *ch, stage_t *g, uint32_t server, double now, spc_error *err);
/* chain.c: the stack of idle staffed positions. A position taken out of
 * the middle (its holder leaves or is away) leaves a hole that pushes and
 * pops skip, so the others keep their order, in O(1) amortised. */
void spc_chain_push_free(stage_t *g, uint32_t server);
uint32_t spc_chain_pop_free(stage_t *g); /* call only with g->nfree > 0 */

#endif
