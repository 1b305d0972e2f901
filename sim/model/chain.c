/*
 * chain.c -- the chain's set-up, its positions (staffed or vacant), and
 * switching to another state of the scenario at an intervention.
 *
 * The life of an order is in chain_flow.c, the statistics in chain_stats.c.
 */
#include <stdlib.h>
#include <string.h>

#include "chain_impl.h"
#include "spcsim/management.h"
#include "spcsim/rng.h"

/* ---- set-up and tear-down ---- */

/* Whether the lean path of chain_flow.c applies (chain_impl.h: plain and
 * single). Decided again whenever hooks, sink, tracer or settings change;
 * CHAIN_SINGLE, once left, is never taken again (the chain's and the
 * stage's statistics have parted). */
static void chain_plain(spc_chain *ch)
{
    int plain = ch->hooks == NULL && ch->sink == NULL && ch->trace == NULL && ch->front < 0 &&
                !ch->sc->customers.enabled;
    for (size_t i = 0; plain && i < ch->nstages; i++) {
        const spc_stage_spec *s = ch->stages[i].spec;
        plain = !s->has_patience && !(s->balk_limit > 0) && s->capacity == SPC_CAPACITY_INFINITE;
    }
    const spc_stage_spec *s0 = &ch->sc->stages[0];
    int single = plain && ch->may_alias && ch->nstages == 1 && ch->sc->arrivals.entry == 0 &&
                 s0->nroutes == 1 && s0->routes[0].to == SPC_ROUTE_DELIVER;
    if (ch->plain == CHAIN_SINGLE && !single) {
        spc_chain_stats_unalias(ch);
        ch->may_alias = 0;
    }
    ch->plain = single ? CHAIN_SINGLE : plain ? CHAIN_PLAIN : 0;
}

/* The most servers stage i has in any state of the scenario (or that
 * management's staffing rule may ask for: management.c). */
static uint32_t max_servers(const spc_scenario *sc, size_t i)
{
    return spc_management_positions(sc, i);
}

static gsl_rng *stream(const gsl_rng_type *type, const spc_scenario *sc, uint64_t rep, int family, size_t i)
{
    return spc_rng_stream_alloc(type, sc->seed, rep, SPC_STREAM(family, i));
}

static int stage_init(stage_t *g, const spc_scenario *sc, size_t i, const gsl_rng_type *type, uint64_t rep)
{
    g->spec = &sc->stages[i];
    g->index = (uint32_t)i;
    g->npos = max_servers(sc, i);
    g->service_rng = stream(type, sc, rep, SPC_STREAM_SERVICE, i);
    g->routing_rng = stream(type, sc, rep, SPC_STREAM_ROUTING, i);
    g->error_rng = stream(type, sc, rep, SPC_STREAM_ERRORS, i);
    g->detect_rng = stream(type, sc, rep, SPC_STREAM_DETECTION, i);
    g->patience_rng = stream(type, sc, rep, SPC_STREAM_PATIENCE, i);
    g->balk_rng = stream(type, sc, rep, SPC_STREAM_BALKING, i);
    g->holding = malloc(g->npos * sizeof *g->holding);
    g->staffed = calloc(g->npos, sizeof *g->staffed);
    g->free_srv = malloc(2 * (size_t)g->npos * sizeof *g->free_srv);
    g->free_at = malloc(g->npos * sizeof *g->free_at);
    g->qcap = 16; /* a power of two (chain_impl.h) */
    g->q = malloc(g->qcap * sizeof *g->q);
    if (!g->service_rng || !g->routing_rng || !g->error_rng || !g->detect_rng || !g->patience_rng || !g->balk_rng || !g->holding ||
        !g->staffed || !g->free_srv || !g->free_at || !g->q)
        return -1;
    /* the first `servers` positions are staffed; the stack pops 0 first */
    uint32_t c = (uint32_t)g->spec->servers;
    for (uint32_t s = 0; s < g->npos; s++)
        g->holding[s] = g->free_at[s] = NONE;
    for (uint32_t s = 0; s < c; s++) {
        g->staffed[s] = 1;
        spc_chain_push_free(g, c - 1 - s);
    }
    g->nstaffed = c;
    return 0;
}

static void stage_release(stage_t *g)
{
    gsl_rng *r[] = { g->service_rng, g->routing_rng, g->error_rng, g->detect_rng, g->patience_rng, g->balk_rng };
    for (size_t k = 0; k < sizeof r / sizeof r[0]; k++)
        if (r[k] != NULL)
            gsl_rng_free(r[k]);
    free(g->holding);
    free(g->staffed);
    free(g->free_srv);
    free(g->free_at);
    free(g->q);
}

spc_chain *spc_chain_alloc(const spc_scenario *sc, spc_calendar *cal, const gsl_rng_type *type,
                           uint64_t rep, spc_error *err)
{
    spc_chain *ch = calloc(1, sizeof *ch);
    if (ch == NULL)
        goto oom;
    ch->sc = sc;
    ch->cal = cal;
    ch->front = sc->customers.enabled ? sc->customers.front : -1;
    ch->free_order = NONE;
    ch->nstages = sc->nstages;
    ch->stages = calloc(sc->nstages, sizeof *ch->stages);
    if (ch->stages == NULL)
        goto oom;
    for (size_t i = 0; i < sc->nstages; i++)
        if (stage_init(&ch->stages[i], sc, i, type, rep) != 0)
            goto oom;
    if (spc_chain_stats_init(ch, (size_t)sc->batches) != 0)
        goto oom;
    spc_chain_start_stats(ch, 0.0, sc->horizon);
    ch->may_alias = 1;
    chain_plain(ch);
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
    spc_chain_stats_release(ch);
    for (size_t i = 0; ch->stages && i < ch->nstages; i++)
        stage_release(&ch->stages[i]);
    free(ch->stages);
    free(ch->orders);
    free(ch);
}

void spc_chain_set_hooks(spc_chain *ch, const spc_chain_hooks *hooks)
{
    ch->hooks = hooks;
    chain_plain(ch);
}

void spc_chain_set_sink(spc_chain *ch, const spc_chain_sink *sink)
{
    ch->sink = sink;
    chain_plain(ch);
}

void spc_chain_set_trace(spc_chain *ch, spc_trace *tr)
{
    ch->trace = tr;
    chain_plain(ch);
}

/* ---- positions ---- */

uint32_t spc_chain_positions(const spc_chain *ch, uint32_t stage) { return ch->stages[stage].npos; }

int spc_chain_staffed(const spc_chain *ch, uint32_t stage, uint32_t server)
{
    return ch->stages[stage].staffed[server];
}

int spc_chain_busy(const spc_chain *ch, uint32_t stage, uint32_t server)
{
    return ch->stages[stage].holding[server] != NONE;
}

long spc_chain_in_stage(const spc_chain *ch, uint32_t stage)
{
    const stage_t *g = &ch->stages[stage];
    return (long)(g->nwait + g->nbusy);
}

/* The holes on top go: the top entry, if any, is an idle position. */
static void drop_holes(stage_t *g)
{
    while (g->free_top > 0 && g->free_srv[g->free_top - 1] == NONE)
        g->free_top--;
}

void spc_chain_push_free(stage_t *g, uint32_t server)
{
    if (g->free_top == 2 * g->npos) { /* full of holes: close them, order kept */
        uint32_t n = 0;
        for (uint32_t k = 0; k < g->free_top; k++)
            if (g->free_srv[k] != NONE) {
                g->free_at[g->free_srv[k]] = n;
                g->free_srv[n++] = g->free_srv[k];
            }
        g->free_top = n;
    }
    g->free_at[server] = g->free_top;
    g->free_srv[g->free_top++] = server;
    g->nfree++;
}

uint32_t spc_chain_pop_free(stage_t *g)
{
    uint32_t server = g->free_srv[--g->free_top];
    g->free_at[server] = NONE;
    g->nfree--;
    drop_holes(g);
    return server;
}

/* server is no longer idle and staffed: its entry becomes a hole. */
static void remove_free(stage_t *g, uint32_t server)
{
    uint32_t k = g->free_at[server];
    if (k == NONE)
        return;
    g->free_srv[k] = NONE;
    g->free_at[server] = NONE;
    g->nfree--;
    drop_holes(g);
}

/* nstaffed counts positions that are staffed or still finishing the order
 * of someone who left, so that utilisation never exceeds 1. */
spc_status spc_chain_set_staffed(spc_chain *ch, uint32_t stage, uint32_t server, int staffed,
                                 double now, spc_error *err)
{
    stage_t *g = &ch->stages[stage];
    if (!g->staffed[server] == !staffed)
        return SPC_OK;
    spc_chain_totals_advance(g, now);
    g->staffed[server] = (uint8_t)(staffed != 0);
    if (g->holding[server] != NONE)
        return SPC_OK; /* busy: the change takes effect when the order is done */
    if (staffed) {
        g->nstaffed++;
        spc_chain_staffing(g, now);
        return spc_chain_take_next(ch, g, server, now, err);
    }
    g->nstaffed--;
    remove_free(g, server);
    spc_chain_staffing(g, now);
    return SPC_OK;
}

/* ---- interventions ---- */

spc_status spc_chain_apply(spc_chain *ch, const spc_scenario *state, int staff, double now, spc_error *err)
{
    ch->sc = state;
    for (size_t i = 0; i < ch->nstages; i++) {
        stage_t *g = &ch->stages[i];
        g->spec = &state->stages[i];
        chain_plain(ch);
        if (!staff)
            continue;
        for (uint32_t s = 0; s < g->npos; s++)
            if (spc_chain_set_staffed(ch, (uint32_t)i, s, s < (uint32_t)g->spec->servers, now, err) != SPC_OK)
                return err->code;
    }
    return SPC_OK;
}

/* ---- totals for period reports ---- */

void spc_chain_stage_totals(spc_chain *ch, uint32_t stage, double now, spc_stage_totals *out)
{
    spc_chain_totals_advance(&ch->stages[stage], now);
    *out = ch->stages[stage].tot;
}

void spc_chain_system_totals(const spc_chain *ch, spc_system_totals *out)
{
    *out = ch->tot;
}
