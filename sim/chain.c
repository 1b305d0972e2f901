/*
 * chain.c -- stages, queues, routing and orders.
 *
 * State per stage: which server holds which order (or none), a stack of
 * free servers, and a FIFO ring buffer of waiting orders. Orders live in a
 * pool and are recycled through a free list when delivered or lost.
 *
 * The life of an order at stage i:
 *   enter   -> a free server? start service : queue not full? wait : blocked, lost
 *   start   -> draw service time S from stage i's stream; schedule the end
 *   end     -> route: draw the next stage from stage i's routing stream,
 *              or deliver; the server takes the head of the queue, if any
 *
 * Statistics (after warm-up): wait Wq and sojourn W per order and stage,
 * number waiting Lq and busy servers over time, arrivals, completions,
 * blocking; for the system, lead time (arrival to delivery) and WIP.
 */
#include "spcsim/chain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/events.h"
#include "spcsim/rng.h"
#include "spcsim/stats.h"

#define NONE UINT32_MAX

typedef struct {
    double t_in;      /* arrival to the system */
    double t_stage;   /* arrival to the current stage */
    uint32_t next;    /* free-list link */
} order_t;

typedef struct {
    spc_tally wait, sojourn, waited, blocked;
    spc_quantile wait_q;
    spc_timeavg queue, busy;
    spc_counter arrivals, completions, lost;
} stage_stats;

typedef struct {
    const spc_stage_spec *spec;
    gsl_rng *service_rng, *routing_rng;
    uint32_t *holding;     /* order held by each server, NONE if idle */
    uint32_t *free_srv;    /* stack of idle servers */
    uint32_t nfree;
    uint32_t *q;           /* ring buffer of waiting orders */
    size_t qhead, qlen, qcap;
    stage_stats st;
} stage_t;

#define NQUANT 4
static const double lead_p[NQUANT] = { 0.50, 0.90, 0.95, 0.99 };
static const char *const lead_names[NQUANT] = {
    "lead_time_p50", "lead_time_p90", "lead_time_p95", "lead_time_p99"
};

struct spc_chain {
    const spc_scenario *sc;
    spc_calendar *cal;
    stage_t *stages;
    size_t nstages;
    order_t *orders;
    uint32_t norders, free_order;
    long wip;
    spc_tally lead;
    spc_quantile lead_q;
    spc_timeavg wip_avg;
    spc_counter arrived, delivered, lost;
};

/* ---- set-up and tear-down ---- */

static int stats_init(stage_stats *s, size_t k)
{
    int rc = spc_tally_init(&s->wait, k) | spc_tally_init(&s->sojourn, k) |
             spc_tally_init(&s->waited, k) | spc_tally_init(&s->blocked, k) |
             spc_quantile_init(&s->wait_q) | spc_timeavg_init(&s->queue, k) |
             spc_timeavg_init(&s->busy, k) | spc_counter_init(&s->arrivals, k) |
             spc_counter_init(&s->completions, k) | spc_counter_init(&s->lost, k);
    return rc ? -1 : 0;
}

static void stats_release(stage_stats *s)
{
    spc_tally_release(&s->wait);
    spc_tally_release(&s->sojourn);
    spc_tally_release(&s->waited);
    spc_tally_release(&s->blocked);
    spc_quantile_release(&s->wait_q);
    spc_timeavg_release(&s->queue);
    spc_timeavg_release(&s->busy);
    spc_counter_release(&s->arrivals);
    spc_counter_release(&s->completions);
    spc_counter_release(&s->lost);
}

static int stage_init(stage_t *g, const spc_stage_spec *spec, size_t index, const gsl_rng_type *type,
                      const spc_scenario *sc, unsigned rep)
{
    g->spec = spec;
    g->service_rng = spc_rng_stream_alloc(type, sc->seed, rep, SPC_STREAM(SPC_STREAM_SERVICE, index));
    if (spec->nroutes > 1)
        g->routing_rng = spc_rng_stream_alloc(type, sc->seed, rep, SPC_STREAM(SPC_STREAM_ROUTING, index));
    g->holding = malloc((size_t)spec->servers * sizeof *g->holding);
    g->free_srv = malloc((size_t)spec->servers * sizeof *g->free_srv);
    g->qcap = 16;
    g->q = malloc(g->qcap * sizeof *g->q);
    if (!g->service_rng || (spec->nroutes > 1 && !g->routing_rng) || !g->holding ||
        !g->free_srv || !g->q || stats_init(&g->st, (size_t)sc->batches) != 0)
        return -1;
    /* the stack pops server 0 first */
    for (int s = 0; s < spec->servers; s++) {
        g->holding[s] = NONE;
        g->free_srv[s] = (uint32_t)(spec->servers - 1 - s);
    }
    g->nfree = (uint32_t)spec->servers;
    return 0;
}

static void stage_release(stage_t *g)
{
    if (g->service_rng)
        gsl_rng_free(g->service_rng);
    if (g->routing_rng)
        gsl_rng_free(g->routing_rng);
    free(g->holding);
    free(g->free_srv);
    free(g->q);
    stats_release(&g->st);
}

static int system_stats_init(spc_chain *ch, size_t k)
{
    int rc = spc_tally_init(&ch->lead, k) | spc_timeavg_init(&ch->wip_avg, k) |
             spc_counter_init(&ch->arrived, k) | spc_counter_init(&ch->delivered, k) |
             spc_counter_init(&ch->lost, k);
    rc |= spc_quantile_init(&ch->lead_q);
    return rc ? -1 : 0;
}

spc_chain *spc_chain_alloc(const spc_scenario *sc, spc_calendar *cal, const gsl_rng_type *type,
                           unsigned rep, spc_error *err)
{
    spc_chain *ch = calloc(1, sizeof *ch);
    if (ch == NULL)
        goto oom;
    ch->sc = sc;
    ch->cal = cal;
    ch->free_order = NONE;
    ch->nstages = sc->nstages;
    ch->stages = calloc(sc->nstages, sizeof *ch->stages);
    if (ch->stages == NULL || system_stats_init(ch, (size_t)sc->batches) != 0)
        goto oom;
    for (size_t i = 0; i < sc->nstages; i++)
        if (stage_init(&ch->stages[i], &sc->stages[i], i, type, sc, rep) != 0)
            goto oom;
    spc_chain_start_stats(ch, 0.0, sc->horizon);
    return ch;
oom:
    spc_chain_free(ch);
    spc_error_set(err, SPC_ERR_INTERNAL, "out of memory setting up the chain");
    return NULL;
}

void spc_chain_free(spc_chain *ch)
{
    if (ch == NULL)
        return;
    for (size_t i = 0; ch->stages && i < ch->nstages; i++)
        stage_release(&ch->stages[i]);
    free(ch->stages);
    free(ch->orders);
    spc_tally_release(&ch->lead);
    spc_quantile_release(&ch->lead_q);
    spc_timeavg_release(&ch->wip_avg);
    spc_counter_release(&ch->arrived);
    spc_counter_release(&ch->delivered);
    spc_counter_release(&ch->lost);
    free(ch);
}

void spc_chain_start_stats(spc_chain *ch, double t0, double t1)
{
    for (size_t i = 0; i < ch->nstages; i++) {
        stage_t *g = &ch->stages[i];
        spc_tally_reset(&g->st.wait);
        spc_tally_reset(&g->st.sojourn);
        spc_tally_reset(&g->st.waited);
        spc_tally_reset(&g->st.blocked);
        spc_quantile_reset(&g->st.wait_q);
        spc_timeavg_start(&g->st.queue, t0, t1, (double)g->qlen);
        spc_timeavg_start(&g->st.busy, t0, t1, (double)(g->spec->servers - (int)g->nfree));
        spc_counter_start(&g->st.arrivals, t0, t1);
        spc_counter_start(&g->st.completions, t0, t1);
        spc_counter_start(&g->st.lost, t0, t1);
    }
    spc_tally_reset(&ch->lead);
    spc_quantile_reset(&ch->lead_q);
    spc_timeavg_start(&ch->wip_avg, t0, t1, (double)ch->wip);
    spc_counter_start(&ch->arrived, t0, t1);
    spc_counter_start(&ch->delivered, t0, t1);
    spc_counter_start(&ch->lost, t0, t1);
}

/* ---- orders ---- */

static uint32_t order_new(spc_chain *ch, double now)
{
    if (ch->free_order == NONE) {
        uint32_t n = ch->norders ? 2 * ch->norders : 64;
        order_t *o = realloc(ch->orders, n * sizeof *o);
        if (o == NULL)
            return NONE;
        for (uint32_t i = ch->norders; i < n; i++)
            o[i].next = i + 1 < n ? i + 1 : NONE;
        ch->orders = o;
        ch->free_order = ch->norders;
        ch->norders = n;
    }
    uint32_t id = ch->free_order;
    ch->free_order = ch->orders[id].next;
    ch->orders[id].t_in = now;
    ch->wip++;
    spc_timeavg_set(&ch->wip_avg, now, (double)ch->wip);
    return id;
}

static void order_done(spc_chain *ch, uint32_t id, double now)
{
    ch->orders[id].next = ch->free_order;
    ch->free_order = id;
    ch->wip--;
    spc_timeavg_set(&ch->wip_avg, now, (double)ch->wip);
}

/* ---- queues ---- */

static int queue_push(stage_t *g, uint32_t id)
{
    if (g->qlen == g->qcap) {
        size_t cap = 2 * g->qcap;
        uint32_t *q = malloc(cap * sizeof *q);
        if (q == NULL)
            return -1;
        for (size_t i = 0; i < g->qlen; i++)
            q[i] = g->q[(g->qhead + i) % g->qcap];
        free(g->q);
        g->q = q;
        g->qcap = cap;
        g->qhead = 0;
    }
    g->q[(g->qhead + g->qlen) % g->qcap] = id;
    g->qlen++;
    return 0;
}

static uint32_t queue_pop(stage_t *g)
{
    uint32_t id = g->q[g->qhead];
    g->qhead = (g->qhead + 1) % g->qcap;
    g->qlen--;
    return id;
}

/* ---- the life of an order ---- */

static spc_status start_service(spc_chain *ch, stage_t *g, uint32_t server, uint32_t id,
                                double now, spc_error *err)
{
    double wait = now - ch->orders[id].t_stage;
    spc_tally_add(&g->st.wait, wait);
    spc_tally_add(&g->st.waited, wait > 0 ? 1.0 : 0.0);
    spc_quantile_add(&g->st.wait_q, wait);
    g->holding[server] = id;
    double s = spc_dist_sample(&g->spec->service, g->service_rng);
    uint32_t stage = (uint32_t)(g - ch->stages);
    if (spc_calendar_push(ch->cal, now + s, SPC_EV_SERVICE_END, stage, server) == 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return SPC_OK;
}

static spc_status enter_stage(spc_chain *ch, size_t stage, uint32_t id, double now, spc_error *err)
{
    stage_t *g = &ch->stages[stage];
    ch->orders[id].t_stage = now;
    spc_counter_add(&g->st.arrivals, now, 1.0);
    /* blocking is only possible with a finite queue; otherwise it is
     * reported as exactly 0 and costs nothing here */
    int finite = g->spec->capacity != SPC_CAPACITY_INFINITE;
    int full = finite && g->nfree == 0 && (long)g->qlen >= g->spec->capacity;
    if (finite)
        spc_tally_add(&g->st.blocked, full ? 1.0 : 0.0);
    if (full) {
        spc_counter_add(&g->st.lost, now, 1.0);
        spc_counter_add(&ch->lost, now, 1.0);
        order_done(ch, id, now);
        return SPC_OK;
    }
    if (g->nfree > 0) {
        uint32_t server = g->free_srv[--g->nfree];
        spc_timeavg_set(&g->st.busy, now, (double)(g->spec->servers - (int)g->nfree));
        return start_service(ch, g, server, id, now, err);
    }
    if (queue_push(g, id) != 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the queue of stage %s", g->spec->name);
    spc_timeavg_set(&g->st.queue, now, (double)g->qlen);
    return SPC_OK;
}

spc_status spc_chain_arrive(spc_chain *ch, double now, spc_error *err)
{
    uint32_t id = order_new(ch, now);
    if (id == NONE)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for orders");
    spc_counter_add(&ch->arrived, now, 1.0);
    return enter_stage(ch, (size_t)ch->sc->arrivals.entry, id, now, err);
}

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

static void deliver(spc_chain *ch, uint32_t id, double now)
{
    double lead = now - ch->orders[id].t_in;
    spc_tally_add(&ch->lead, lead);
    spc_quantile_add(&ch->lead_q, lead);
    spc_counter_add(&ch->delivered, now, 1.0);
    order_done(ch, id, now);
}

spc_status spc_chain_service_end(spc_chain *ch, double now, uint32_t stage, uint32_t server,
                                 spc_error *err)
{
    stage_t *g = &ch->stages[stage];
    uint32_t id = g->holding[server];
    spc_tally_add(&g->st.sojourn, now - ch->orders[id].t_stage);
    spc_counter_add(&g->st.completions, now, 1.0);
    g->holding[server] = NONE;
    if (g->qlen > 0) {
        uint32_t next = queue_pop(g);
        spc_timeavg_set(&g->st.queue, now, (double)g->qlen);
        if (start_service(ch, g, server, next, now, err) != SPC_OK)
            return err->code;
    } else {
        g->free_srv[g->nfree++] = server;
        spc_timeavg_set(&g->st.busy, now, (double)(g->spec->servers - (int)g->nfree));
    }
    int to = route(g);
    if (to == SPC_ROUTE_DELIVER) {
        deliver(ch, id, now);
        return SPC_OK;
    }
    return enter_stage(ch, (size_t)to, id, now, err);
}

/* ---- results ---- */

static spc_estimate scaled(spc_estimate e, double k)
{
    e.mean *= k;
    e.lo *= k;
    e.hi *= k;
    return e;
}

static spc_estimate point(double x, double n)
{
    spc_estimate e = { x, NAN, NAN, n };
    return e;
}

static int collect_stage(stage_t *g, double t1, spc_results *out)
{
    const char *s = g->spec->name;
    stage_stats *st = &g->st;
    double nwait = (double)st->wait.n;
    int rc = 0;
    rc |= spc_results_add(out, s, "arrivals", spc_counter_total(&st->arrivals));
    rc |= spc_results_add(out, s, "completed", spc_counter_total(&st->completions));
    rc |= spc_results_add(out, s, "throughput", spc_counter_rate(&st->completions));
    rc |= spc_results_add(out, s, "utilization",
                          scaled(spc_timeavg_estimate(&st->busy, t1), 1.0 / g->spec->servers));
    rc |= spc_results_add(out, s, "queue_mean", spc_timeavg_estimate(&st->queue, t1));
    rc |= spc_results_add(out, s, "wait_mean", spc_tally_estimate(&st->wait));
    rc |= spc_results_add(out, s, "wait_p90", point(spc_quantile_get(&st->wait_q, 0.90), nwait));
    rc |= spc_results_add(out, s, "wait_prob", spc_tally_estimate(&st->waited));
    rc |= spc_results_add(out, s, "sojourn_mean", spc_tally_estimate(&st->sojourn));
    rc |= spc_results_add(out, s, "blocked", spc_counter_total(&st->lost));
    spc_estimate never = { 0.0, 0.0, 0.0, spc_counter_total(&st->arrivals).mean };
    rc |= spc_results_add(out, s, "blocking_prob",
                          g->spec->capacity == SPC_CAPACITY_INFINITE ? never : spc_tally_estimate(&st->blocked));
    return rc;
}

static int collect_system(spc_chain *ch, double t1, spc_results *out)
{
    double n = (double)ch->lead.n;
    int rc = 0;
    rc |= spc_results_add(out, "system", "orders_arrived", spc_counter_total(&ch->arrived));
    rc |= spc_results_add(out, "system", "orders_completed", spc_counter_total(&ch->delivered));
    rc |= spc_results_add(out, "system", "orders_blocked", spc_counter_total(&ch->lost));
    rc |= spc_results_add(out, "system", "throughput", spc_counter_rate(&ch->delivered));
    rc |= spc_results_add(out, "system", "wip_mean", spc_timeavg_estimate(&ch->wip_avg, t1));
    rc |= spc_results_add(out, "system", "lead_time_mean", spc_tally_estimate(&ch->lead));
    for (int i = 0; i < NQUANT; i++)
        rc |= spc_results_add(out, "system", lead_names[i],
                              point(spc_quantile_get(&ch->lead_q, lead_p[i]), n));
    return rc;
}

spc_status spc_chain_collect(spc_chain *ch, double t1, spc_results *out, spc_error *err)
{
    int rc = collect_system(ch, t1, out);
    for (size_t i = 0; i < ch->nstages; i++)
        rc |= collect_stage(&ch->stages[i], t1, out);
    return rc ? spc_error_set(err, SPC_ERR_INTERNAL, "out of memory collecting results") : SPC_OK;
}
