/*
 * chain_flow.c -- the life of an order through the chain.
 *
 *   arrive  -> enter the entry stage
 *   enter   -> (from another stage: the workforce hears of the input; a
 *              defect may be caught and sent back for rework)
 *              an idle staffed server? start : queue full? blocked, lost : wait
 *   start   -> service time from the stage's stream (scaled by the workforce)
 *   end     -> maybe a defect; the server takes the next order; route the
 *              order to a stage, or deliver it
 *
 * With a tracer (trace.h), each step writes a line; without one, each
 * place that could costs a test of ch->trace.
 *
 * A plain chain (ch->plain, chain_impl.h: no hooks, customers, tracer,
 * patience, balking or finite queue) skips those tests, and a single one
 * (one stage, all delivered) the chain's statistics that repeat the
 * stage's: the hot steps take a constant `plain` and are inlined three
 * times, with 0, CHAIN_PLAIN and CHAIN_SINGLE, every test that cannot
 * pass folded away.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "chain_impl.h"
#include "spcsim/events.h"

/* The hot steps, inlined in their callers whatever their size: with a
 * constant `plain` the compiler drops the tests it makes false. */
#define HOT static inline __attribute__((always_inline))

/* ---- orders ---- */

/* Doubles the orders' table, the new slots free; -1 when out of memory. */
static int orders_grow(spc_chain *ch)
{
    uint32_t n = ch->norders ? 2 * ch->norders : 64;
    order_t *o = realloc(ch->orders, n * sizeof *o);
    if (o == NULL)
        return -1;
    for (uint32_t i = ch->norders; i < n; i++)
        o[i].next = i + 1 < n ? i + 1 : NONE;
    ch->orders = o;
    ch->free_order = ch->norders;
    ch->norders = n;
    return 0;
}

/* Inline (once per order): the table grows out of line. */
static inline uint32_t order_new(spc_chain *ch, double now)
{
    if (ch->free_order == NONE && orders_grow(ch) != 0)
        return NONE;
    uint32_t id = ch->free_order;
    order_t *o = &ch->orders[id];
    ch->free_order = o->next;
    /* every field, one by one: a compound literal of this size compiles to
     * `rep stos`, which costs more than the rest of the function */
    o->t_in = now;
    o->t_stage = 0.0;
    o->next = 0;
    o->defect = o->from = o->customer = o->front = NONE;
    o->rework = o->escaped = o->abandoned = o->tag = o->kind = 0;
    o->sojourn_prev = 0.0;
    o->renege = 0;
    o->no = ++ch->orders_in;
    ch->wip++;
    spc_timeavg_set(&ch->wip_avg, now, (double)ch->wip);
    return id;
}

HOT void order_done(spc_chain *ch, uint32_t id, double now)
{
    ch->orders[id].next = ch->free_order;
    ch->free_order = id;
    ch->wip--;
    spc_timeavg_set(&ch->wip_avg, now, (double)ch->wip);
}

/* ---- trace ---- */

/* One line about order id: entity is where it is; what follows "order N ". */
static void trace_order(const spc_chain *ch, spc_trace_kind kind, const char *entity, uint32_t id, double now,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void trace_order(const spc_chain *ch, spc_trace_kind kind, const char *entity, uint32_t id, double now,
                        const char *fmt, ...)
{
    if (!spc_trace_wants(ch->trace, kind, now))
        return;
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    spc_trace_line(ch->trace, now, kind, entity, "order %llu %s", (unsigned long long)ch->orders[id].no, what);
}

static void trace_at_server(const spc_chain *ch, spc_trace_kind kind, const stage_t *g, uint32_t server,
                            uint32_t id, double now, const char *what, double x, double y)
{
    char pos[96];
    spc_trace_position(pos, sizeof pos, g->spec->name, server);
    const char *u = ch->sc->time_unit;
    if (kind == SPC_TR_SERVICE_START)
        trace_order(ch, kind, pos, id, now, "starts %s (waited %.4g %s, needs %.4g %s)", what, x, u, y, u);
    else
        trace_order(ch, kind, pos, id, now, "done after %.4g %s at the stage%s", x, u, what);
}

static void trace_arrival(const spc_chain *ch, uint32_t id, int entry, double now)
{
    static const char *const kinds[] = { "purchase", "inquiry", "after-sale request" };
    const order_t *o = &ch->orders[id];
    if (o->customer == NONE)
        trace_order(ch, SPC_TR_ARRIVAL, ch->stages[entry].spec->name, id, now, "arrives");
    else
        trace_order(ch, SPC_TR_ARRIVAL, ch->stages[entry].spec->name, id, now, "arrives: %s of customer %u",
                    kinds[o->kind], o->customer);
}

static spc_status notify_sink(spc_chain *ch, const order_t *o, spc_order_outcome outcome, double now, spc_error *err)
{
    spc_order_end e = { o->customer, o->kind, o->tag, outcome, o->escaped, o->front, o->t_in, now - o->t_in };
    return ch->sink->order_end(ch->sink->ctx, &e, now, err);
}

/* Tells the customer who placed order id how it ended (the test inline,
 * the telling not: an anonymous order costs one test). */
static inline spc_status notify(spc_chain *ch, uint32_t id, spc_order_outcome outcome, double now, spc_error *err)
{
    const order_t *o = &ch->orders[id];
    if (o->customer == NONE || ch->sink == NULL)
        return SPC_OK;
    return notify_sink(ch, o, outcome, now, err);
}

/* ---- queues ---- */

/* Doubles a full ring buffer (queue_push's rare path); -1 when out of memory. */
static int queue_grow(stage_t *g)
{
    size_t cap = 2 * g->qcap;
    uint32_t *q = malloc(cap * sizeof *q);
    if (q == NULL)
        return -1;
    for (size_t i = 0; i < g->qlen; i++)
        q[i] = g->q[(g->qhead + i) & (g->qcap - 1)];
    free(g->q);
    g->q = q;
    g->qcap = cap;
    g->qhead = 0;
    return 0;
}

HOT int queue_push(stage_t *g, uint32_t id)
{
    if (g->qlen == g->qcap && queue_grow(g) != 0)
        return -1;
    g->q[(g->qhead + g->qlen) & (g->qcap - 1)] = id;
    g->qlen++;
    g->nwait++;
    return 0;
}

/* The next order really waiting; abandoned ones met on the way are freed
 * (they left the system when their patience ran out). */
HOT uint32_t queue_pop(spc_chain *ch, stage_t *g, int plain)
{
    for (;;) {
        uint32_t id = g->q[g->qhead];
        g->qhead = (g->qhead + 1) & (g->qcap - 1);
        g->qlen--;
        if (plain || !ch->orders[id].abandoned) {
            g->nwait--;
            return id;
        }
        ch->orders[id].next = ch->free_order;
        ch->free_order = id;
    }
}

HOT void tell_backlog(spc_chain *ch, stage_t *g, double now, int plain)
{
    if (!plain && ch->hooks != NULL && ch->hooks->backlog != NULL)
        ch->hooks->backlog(ch->hooks->ctx, g->index, (long)(g->nwait + g->nbusy), now);
}

/* ---- service ---- */

HOT spc_status start_service(spc_chain *ch, stage_t *g, uint32_t server, uint32_t id,
                             double now, spc_error *err, int plain)
{
    order_t *o = &ch->orders[id];
    double wait = now - o->t_stage;
    uint32_t stage = g->index;
    spc_tally_add(&g->st.wait, wait);
    spc_tally_add(&g->st.waited, wait > 0 ? 1.0 : 0.0);
    spc_quantile_add(&g->st.wait_q, wait);
    spc_counter_add(&g->st.wait_flow, now, wait);
    if (!plain && g->spec->has_patience) {
        spc_tally_add(&g->st.wait_all, wait);
        spc_tally_add(&g->st.abandon, 0.0);
        spc_calendar_cancel(ch->cal, o->renege);
        o->renege = 0;
    }
    if (!plain && ch->hooks != NULL) { /* totals feed the workforce's period reports */
        g->tot.wait_sum += wait;
        g->tot.waits += 1;
        spc_chain_totals_advance(g, now);
    }
    g->holding[server] = id;
    g->nbusy++;
    spc_chain_levels(g, now);
    double s = spc_dist_sample(&g->spec->service, g->service_rng);
    if (plain) /* no hooks: no rework; no customers: purchases only, no front stage */
        goto schedule;
    if (o->rework)
        s *= ch->sc->workforce.rework_fraction;
    if (o->kind != SPC_ORDER_PURCHASE)
        s *= o->kind == SPC_ORDER_INQUIRY ? ch->sc->customers.inquiry_work : ch->sc->customers.aftersale_work;
    if ((int)stage == ch->front)
        o->front = server;
    if (ch->hooks != NULL && ch->hooks->service_time != NULL)
        s = ch->hooks->service_time(ch->hooks->ctx, stage, server, s, now);
    if (SPC_TRACING(ch->trace))
        trace_at_server(ch, SPC_TR_SERVICE_START, g, server, id, now, o->rework ? "rework" : "service", wait, s);
schedule:
    if (spc_calendar_push_fixed(ch->cal, now + s, SPC_EV_SERVICE_END, stage, server) == 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return SPC_OK;
}

/* spc_chain_take_next, inline in the service end (its hot caller). */
HOT spc_status take_next(spc_chain *ch, stage_t *g, uint32_t server, double now, spc_error *err, int plain)
{
    if (!g->staffed[server]) {
        /* its holder left during the order: the position is now empty */
        spc_chain_totals_advance(g, now);
        g->nstaffed--;
        spc_chain_staffing(g, now);
        return SPC_OK;
    }
    if (g->nwait == 0) {
        spc_chain_push_free(g, server);
        return SPC_OK;
    }
    uint32_t next = queue_pop(ch, g, plain);
    spc_timeavg_set(&g->st.queue, now, (double)g->nwait);
    return start_service(ch, g, server, next, now, err, plain);
}

spc_status spc_chain_take_next(spc_chain *ch, stage_t *g, uint32_t server, double now, spc_error *err)
{
    return take_next(ch, g, server, now, err, 0);
}

/* A defective order from another stage: caught here? Then back for rework. */
static int caught_here(const stage_t *g, const order_t *o)
{
    uint32_t stage = g->index;
    if (o->defect == NONE || o->defect == stage || !(g->spec->detection > 0))
        return 0;
    return gsl_rng_uniform(g->detect_rng) < g->spec->detection;
}

static spc_status enter_stage(spc_chain *ch, size_t stage, uint32_t id, double now, spc_error *err);

static spc_status receive(spc_chain *ch, stage_t *g, uint32_t id, double now, int *diverted, spc_error *err)
{
    order_t *o = &ch->orders[id];
    *diverted = 0;
    if (ch->hooks == NULL || o->from == NONE)
        return SPC_OK;
    int caught = caught_here(g, o);
    if (ch->hooks->received != NULL)
        ch->hooks->received(ch->hooks->ctx, g->index, o->from, o->sojourn_prev, !caught, now);
    if (!caught)
        return SPC_OK;
    spc_counter_add(&g->st.caught, now, 1.0);
    g->tot.caught += 1;
    uint32_t back = o->defect;
    if (SPC_TRACING(ch->trace))
        trace_order(ch, SPC_TR_REWORK, g->spec->name, id, now, "has a defect made at %s: caught, sent back",
                    ch->stages[back].spec->name);
    o->defect = NONE;
    o->from = NONE;
    o->rework = 1;
    *diverted = 1;
    spc_counter_add(&ch->stages[back].st.rework, now, 1.0);
    ch->stages[back].tot.rework += 1;
    return enter_stage(ch, back, id, now, err);
}

/* A waiting order's patience: it abandons then unless served before. */
static spc_status schedule_renege(spc_chain *ch, stage_t *g, uint32_t id, double now, spc_error *err)
{
    double patience = spc_dist_sample(&g->spec->patience, g->patience_rng);
    uint32_t stage = g->index;
    ch->orders[id].renege = spc_calendar_push(ch->cal, now + patience, SPC_EV_RENEGE, stage, id);
    return ch->orders[id].renege ? SPC_OK : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
}

/* A new order (not one passed on or sent back) that finds all servers busy
 * and n orders waiting balks with probability min(1, n / balk_limit). */
static int balks(spc_chain *ch, stage_t *g, uint32_t id, double now, spc_error *err)
{
    const order_t *o = &ch->orders[id];
    if (o->from != NONE || o->rework)
        return 0;
    double p = g->nfree > 0 ? 0.0 : fmin(1.0, (double)g->nwait / (double)g->spec->balk_limit);
    int balk = p > 0 && gsl_rng_uniform(g->balk_rng) < p;
    spc_tally_add(&g->st.balk, balk ? 1.0 : 0.0);
    if (!balk)
        return 0;
    if (SPC_TRACING(ch->trace))
        trace_order(ch, SPC_TR_BALK, g->spec->name, id, now, "balks (%zu waiting), lost", g->nwait);
    spc_counter_add(&g->st.balked, now, 1.0);
    spc_counter_add(&ch->balked, now, 1.0);
    ch->tot.balked += 1;
    spc_status st = notify(ch, id, SPC_OUT_BALKED, now, err);
    order_done(ch, id, now);
    return st == SPC_OK ? 1 : -1;
}

HOT spc_status enter_stage_as(spc_chain *ch, size_t stage, uint32_t id, double now, spc_error *err, int plain)
{
    stage_t *g = &ch->stages[stage];
    int diverted;
    if (!plain && (receive(ch, g, id, now, &diverted, err) != SPC_OK || diverted))
        return err->code;
    if (!plain && g->spec->balk_limit > 0) {
        int b = balks(ch, g, id, now, err);
        if (b != 0)
            return b > 0 ? SPC_OK : err->code;
    }
    ch->orders[id].t_stage = now;
    spc_counter_add(&g->st.arrivals, now, 1.0);
    g->tot.arrivals += 1;
    /* blocking is only possible with a finite queue */
    int finite = !plain && g->spec->capacity != SPC_CAPACITY_INFINITE;
    int full = finite && g->nfree == 0 && (long)g->nwait >= g->spec->capacity;
    if (finite)
        spc_tally_add(&g->st.blocked, full ? 1.0 : 0.0);
    if (full) {
        if (SPC_TRACING(ch->trace))
            trace_order(ch, SPC_TR_BLOCKED, g->spec->name, id, now, "blocked: the queue is full (%ld), lost",
                        g->spec->capacity);
        spc_counter_add(&g->st.lost, now, 1.0);
        spc_counter_add(&ch->lost, now, 1.0);
        g->tot.lost += 1;
        ch->tot.lost += 1;
        spc_status st = notify(ch, id, SPC_OUT_BLOCKED, now, err);
        order_done(ch, id, now);
        return st;
    }
    spc_status st = SPC_OK;
    if (g->nfree > 0) {
        st = start_service(ch, g, spc_chain_pop_free(g), id, now, err, plain);
    } else if (queue_push(g, id) != 0) {
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the queue of stage %s", g->spec->name);
    } else {
        spc_timeavg_set(&g->st.queue, now, (double)g->nwait);
        if (!plain && SPC_TRACING(ch->trace))
            trace_order(ch, SPC_TR_QUEUE, g->spec->name, id, now, "joins the queue (%zu waiting)", g->nwait);
        if (!plain && g->spec->has_patience)
            st = schedule_renege(ch, g, id, now, err);
    }
    tell_backlog(ch, g, now, plain);
    return st;
}

static spc_status enter_stage(spc_chain *ch, size_t stage, uint32_t id, double now, spc_error *err)
{
    return enter_stage_as(ch, stage, id, now, err, 0);
}

HOT spc_status arrive(spc_chain *ch, double now, spc_error *err, int plain)
{
    uint32_t id = order_new(ch, now);
    if (id == NONE)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for orders");
    if (plain != CHAIN_SINGLE)
        spc_counter_add(&ch->arrived, now, 1.0);
    ch->tot.arrived += 1;
    if (!plain && SPC_TRACING(ch->trace))
        trace_arrival(ch, id, ch->sc->arrivals.entry, now);
    return enter_stage_as(ch, (size_t)ch->sc->arrivals.entry, id, now, err, plain);
}

spc_status spc_chain_arrive(spc_chain *ch, double now, spc_error *err)
{
    return ch->plain == CHAIN_SINGLE ? arrive(ch, now, err, CHAIN_SINGLE)
         : ch->plain ? arrive(ch, now, err, CHAIN_PLAIN) : arrive(ch, now, err, 0);
}

spc_status spc_chain_place(spc_chain *ch, double now, uint32_t customer, uint64_t tag, uint32_t kind,
                           spc_error *err)
{
    const spc_customers_spec *c = &ch->sc->customers;
    int stage = kind == SPC_ORDER_PURCHASE ? ch->sc->arrivals.entry
              : kind == SPC_ORDER_INQUIRY ? c->inquiry_stage : c->aftersale_stage;
    return spc_chain_place_at(ch, now, customer, tag, kind, stage, err);
}

spc_status spc_chain_place_at(spc_chain *ch, double now, uint32_t customer, uint64_t tag, uint32_t kind, int stage,
                              spc_error *err)
{
    uint32_t id = order_new(ch, now);
    if (id == NONE)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for orders");
    ch->orders[id].customer = customer;
    ch->orders[id].tag = tag;
    ch->orders[id].kind = kind;
    spc_counter_add(&ch->arrived, now, 1.0);
    ch->tot.arrived += 1;
    if (SPC_TRACING(ch->trace))
        trace_arrival(ch, id, stage, now);
    return enter_stage(ch, (size_t)stage, id, now, err);
}

/* ---- completion ---- */

/* Where an order goes after stage g: a stage index or SPC_ROUTE_DELIVER. */
static int route(const stage_t *g)
{
    const spc_stage_spec *s = g->spec;
    if (s->nroutes == 1)
        return s->routes[0].to;
    double u = gsl_rng_uniform(g->routing_rng), acc = 0.0;
    for (size_t k = 0; k + 1 < s->nroutes; k++) {
        acc += s->routes[k].p;
        if (u < acc)
            return s->routes[k].to;
    }
    return s->routes[s->nroutes - 1].to;
}

HOT spc_status deliver(spc_chain *ch, uint32_t id, double now, spc_error *err, int plain)
{
    order_t *o = &ch->orders[id];
    double lead = now - o->t_in;
    if (plain != CHAIN_SINGLE)
        spc_tally_add(&ch->lead, lead);
    spc_quantile_add(&ch->lead_q, lead);
    if (plain != CHAIN_SINGLE)
        spc_counter_add(&ch->delivered, now, 1.0);
    ch->tot.delivered += 1;
    ch->tot.lead_sum += lead;
    if (plain) { /* no hooks: no defects; no customers: nobody to tell */
        order_done(ch, id, now);
        return SPC_OK;
    }
    if (o->defect != NONE) {
        o->escaped++;
        spc_counter_add(&ch->escaped, now, 1.0);
        ch->tot.escaped += 1;
    }
    if (SPC_TRACING(ch->trace))
        trace_order(ch, SPC_TR_DELIVER, "chain", id, now, "delivered (lead time %.4g %s%s)", lead,
                    ch->sc->time_unit, o->defect != NONE ? ", with a defect" : "");
    spc_status st = notify(ch, id, SPC_OUT_DELIVERED, now, err);
    order_done(ch, id, now);
    return st;
}

/* Did the service just completed at g by `server` err? */
static void maybe_err(spc_chain *ch, stage_t *g, uint32_t server, order_t *o, double now)
{
    if (ch->hooks == NULL || ch->hooks->error_prob == NULL)
        return;
    uint32_t stage = g->index;
    double eps = ch->hooks->error_prob(ch->hooks->ctx, stage, server, now);
    if (!(eps > 0) || !(gsl_rng_uniform(g->error_rng) < eps))
        return;
    spc_counter_add(&g->st.errors, now, 1.0);
    g->tot.errors += 1;
    if (o->defect == NONE)
        o->defect = stage;
}

HOT spc_status service_end(spc_chain *ch, double now, uint32_t stage, uint32_t server, spc_error *err,
                           int plain)
{
    stage_t *g = &ch->stages[stage];
    uint32_t id = g->holding[server];
    order_t *o = &ch->orders[id];
    double sojourn = now - o->t_stage;
    spc_tally_add(&g->st.sojourn, sojourn);
    spc_counter_add(&g->st.completions, now, 1.0);
    if (!plain)
        maybe_err(ch, g, server, o, now);
    if (!plain && SPC_TRACING(ch->trace))
        trace_at_server(ch, SPC_TR_SERVICE_END, g, server, id, now, o->defect == stage ? ", defective" : "",
                        sojourn, 0.0);
    if (!plain)
        o->rework = 0;
    if (!plain && ch->hooks != NULL) {
        g->tot.completed += 1;
        spc_chain_totals_advance(g, now);
    }
    g->holding[server] = NONE;
    g->nbusy--;
    spc_chain_levels(g, now);
    if (take_next(ch, g, server, now, err, plain) != SPC_OK)
        return err->code;
    tell_backlog(ch, g, now, plain);
    int to = plain == CHAIN_SINGLE ? SPC_ROUTE_DELIVER
           : plain || o->kind == SPC_ORDER_PURCHASE ? route(g) : SPC_ROUTE_DELIVER;
    if (to == SPC_ROUTE_DELIVER)
        return deliver(ch, id, now, err, plain);
    o->from = stage;
    o->sojourn_prev = sojourn;
    if (plain)
        return enter_stage_as(ch, (size_t)to, id, now, err, CHAIN_PLAIN);
    return enter_stage(ch, (size_t)to, id, now, err);
}

spc_status spc_chain_service_end(spc_chain *ch, double now, uint32_t stage, uint32_t server, spc_error *err)
{
    return ch->plain == CHAIN_SINGLE ? service_end(ch, now, stage, server, err, CHAIN_SINGLE)
         : ch->plain ? service_end(ch, now, stage, server, err, CHAIN_PLAIN)
                     : service_end(ch, now, stage, server, err, 0);
}

/* ---- abandonment ---- */

spc_status spc_chain_renege(spc_chain *ch, double now, uint32_t stage, uint32_t id, spc_error *err)
{
    stage_t *g = &ch->stages[stage];
    order_t *o = &ch->orders[id];
    o->renege = 0;
    if (SPC_TRACING(ch->trace))
        trace_order(ch, SPC_TR_RENEGE, g->spec->name, id, now, "gives up after waiting %.4g %s", now - o->t_stage,
                    ch->sc->time_unit);
    o->abandoned = 1; /* stays in the ring buffer until reached, then freed */
    double wait = now - o->t_stage;
    spc_tally_add(&g->st.wait_abandoned, wait);
    spc_tally_add(&g->st.wait_all, wait);
    spc_counter_add(&g->st.wait_flow, now, wait);
    g->nwait--;
    spc_timeavg_set(&g->st.queue, now, (double)g->nwait);
    spc_tally_add(&g->st.abandon, 1.0);
    spc_counter_add(&g->st.abandoned, now, 1.0);
    spc_counter_add(&ch->abandoned, now, 1.0);
    ch->tot.abandoned += 1;
    ch->wip--;
    spc_timeavg_set(&ch->wip_avg, now, (double)ch->wip);
    tell_backlog(ch, g, now, 0);
    return notify(ch, id, SPC_OUT_ABANDONED, now, err);
}
