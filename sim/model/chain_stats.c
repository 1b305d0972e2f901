/*
 * chain_stats.c -- the chain's statistics: set-up, warm-up reset, results.
 */
#include <math.h>
#include <stdlib.h>

#include "chain_impl.h"

static const double lead_p[NQUANT] = { 0.50, 0.90, 0.95, 0.99 };
static const char *const lead_names[NQUANT] = {
    "lead_time_p50", "lead_time_p90", "lead_time_p95", "lead_time_p99"
};

static int stage_stats_init(stage_stats *s, size_t k)
{
    int rc = spc_tally_init(&s->wait, k) | spc_tally_init(&s->sojourn, k) |
             spc_tally_init(&s->waited, k) | spc_tally_init(&s->blocked, k) |
             spc_quantile_init(&s->wait_q) | spc_timeavg_init(&s->queue, k) |
             spc_timeavg_init(&s->busy, k) | spc_timeavg_init(&s->staffed, k) |
             spc_counter_init(&s->arrivals, k) | spc_counter_init(&s->completions, k) |
             spc_counter_init(&s->lost, k) | spc_counter_init(&s->errors, k) |
             spc_counter_init(&s->caught, k) | spc_counter_init(&s->rework, k) |
             spc_counter_init(&s->abandoned, k) | spc_tally_init(&s->abandon, k) |
             spc_counter_init(&s->balked, k) | spc_tally_init(&s->balk, k) |
             spc_tally_init(&s->wait_abandoned, k) | spc_tally_init(&s->wait_all, k) |
             spc_counter_init(&s->wait_flow, k);
    return rc ? -1 : 0;
}

static void stage_stats_release(stage_stats *s)
{
    spc_tally_release(&s->wait);
    spc_tally_release(&s->sojourn);
    spc_tally_release(&s->waited);
    spc_tally_release(&s->blocked);
    spc_quantile_release(&s->wait_q);
    spc_timeavg_release(&s->queue);
    spc_timeavg_release(&s->busy);
    spc_timeavg_release(&s->staffed);
    spc_counter_release(&s->arrivals);
    spc_counter_release(&s->completions);
    spc_counter_release(&s->lost);
    spc_counter_release(&s->errors);
    spc_counter_release(&s->caught);
    spc_counter_release(&s->rework);
    spc_counter_release(&s->abandoned);
    spc_tally_release(&s->abandon);
    spc_counter_release(&s->balked);
    spc_tally_release(&s->balk);
    spc_tally_release(&s->wait_abandoned);
    spc_tally_release(&s->wait_all);
    spc_counter_release(&s->wait_flow);
}

int spc_chain_stats_init(spc_chain *ch, size_t k)
{
    int rc = spc_tally_init(&ch->lead, k) | spc_timeavg_init(&ch->wip_avg, k) |
             spc_counter_init(&ch->arrived, k) | spc_counter_init(&ch->delivered, k) |
             spc_counter_init(&ch->lost, k) | spc_counter_init(&ch->escaped, k) |
             spc_counter_init(&ch->abandoned, k) | spc_counter_init(&ch->balked, k) |
             spc_quantile_init(&ch->lead_q);
    for (size_t i = 0; i < ch->nstages; i++)
        rc |= stage_stats_init(&ch->stages[i].st, k);
    return rc ? -1 : 0;
}

void spc_chain_stats_release(spc_chain *ch)
{
    for (size_t i = 0; ch->stages && i < ch->nstages; i++)
        stage_stats_release(&ch->stages[i].st);
    spc_tally_release(&ch->lead);
    spc_quantile_release(&ch->lead_q);
    spc_timeavg_release(&ch->wip_avg);
    spc_counter_release(&ch->arrived);
    spc_counter_release(&ch->delivered);
    spc_counter_release(&ch->lost);
    spc_counter_release(&ch->escaped);
    spc_counter_release(&ch->abandoned);
    spc_counter_release(&ch->balked);
}

void spc_chain_totals_advance(stage_t *g, double now)
{
    double dt = now - g->tot_t;
    if (dt > 0) {
        g->tot.busy_area += dt * g->nbusy;
        g->tot.staffed_area += dt * g->nstaffed;
        g->tot_t = now;
    }
}

void spc_chain_staffing(stage_t *g, double now)
{
    spc_timeavg_set(&g->st.staffed, now, (double)g->nstaffed);
}

void spc_chain_stats_unalias(spc_chain *ch)
{
    const stage_stats *s = &ch->stages[0].st;
    spc_counter_copy(&ch->arrived, &s->arrivals);
    spc_counter_copy(&ch->delivered, &s->completions);
    spc_tally_copy(&ch->lead, &s->sojourn);
}

static void stage_start(stage_t *g, double t0, double t1)
{
    stage_stats *s = &g->st;
    spc_tally_reset(&s->wait);
    spc_tally_reset(&s->sojourn);
    spc_tally_reset(&s->waited);
    spc_tally_reset(&s->blocked);
    spc_quantile_reset(&s->wait_q);
    spc_timeavg_start(&s->queue, t0, t1, (double)g->nwait);
    spc_timeavg_start(&s->busy, t0, t1, (double)g->nbusy);
    spc_timeavg_start(&s->staffed, t0, t1, (double)g->nstaffed);
    spc_counter_start(&s->arrivals, t0, t1);
    spc_counter_start(&s->completions, t0, t1);
    spc_counter_start(&s->lost, t0, t1);
    spc_counter_start(&s->errors, t0, t1);
    spc_counter_start(&s->caught, t0, t1);
    spc_counter_start(&s->rework, t0, t1);
    spc_counter_start(&s->abandoned, t0, t1);
    spc_tally_reset(&s->abandon);
    spc_counter_start(&s->balked, t0, t1);
    spc_tally_reset(&s->balk);
    spc_tally_reset(&s->wait_abandoned);
    spc_tally_reset(&s->wait_all);
    spc_counter_start(&s->wait_flow, t0, t1);
}

void spc_chain_start_stats(spc_chain *ch, double t0, double t1)
{
    for (size_t i = 0; i < ch->nstages; i++)
        stage_start(&ch->stages[i], t0, t1);
    spc_tally_reset(&ch->lead);
    spc_quantile_reset(&ch->lead_q);
    spc_timeavg_start(&ch->wip_avg, t0, t1, (double)ch->wip);
    spc_counter_start(&ch->arrived, t0, t1);
    spc_counter_start(&ch->delivered, t0, t1);
    spc_counter_start(&ch->lost, t0, t1);
    spc_counter_start(&ch->escaped, t0, t1);
    spc_counter_start(&ch->abandoned, t0, t1);
    spc_counter_start(&ch->balked, t0, t1);
}

/* ---- results ----
 *
 * Every row with a batch-means interval goes through one of the add_*
 * helpers, which also record whether the batches can be trusted (B5). */

static int add_tally(spc_results *out, const char *scope, const char *metric, const spc_tally *t)
{
    return spc_results_add_checked(out, scope, metric, spc_tally_estimate(t), spc_tally_check(t));
}

static int add_level(spc_results *out, const char *scope, const char *metric, spc_timeavg *a, double t1)
{
    spc_estimate e = spc_timeavg_estimate(a, t1);
    return spc_results_add_checked(out, scope, metric, e, spc_timeavg_check(a));
}

static int add_rate(spc_results *out, const char *scope, const char *metric, const spc_counter *c)
{
    return spc_results_add_checked(out, scope, metric, spc_counter_rate(c), spc_counter_check(c));
}

static int add_total(spc_results *out, const char *scope, const char *metric, const spc_counter *c)
{
    return spc_results_add_checked(out, scope, metric, spc_counter_total(c), spc_counter_check(c));
}

static spc_estimate point(double x, double n)
{
    spc_estimate e = { x, NAN, NAN, n };
    return e;
}

/* utilization = busy servers / staffed servers (time averages): the ratio
 * of the two means, with the busy interval scaled by the staffed mean. */
static spc_estimate utilization(stage_t *g, double t1)
{
    spc_estimate b = spc_timeavg_estimate(&g->st.busy, t1);
    spc_estimate s = spc_timeavg_estimate(&g->st.staffed, t1);
    double k = s.mean > 0 ? 1.0 / s.mean : NAN;
    b.mean *= k;
    b.lo *= k;
    b.hi *= k;
    return b;
}

static int collect_stage(spc_chain *ch, stage_t *g, double t1, spc_results *out)
{
    const char *s = g->spec->name;
    stage_stats *st = &g->st;
    double nwait = (double)st->wait.n;
    int rc = 0;
    spc_estimate arrivals = spc_counter_total(&st->arrivals);
    rc |= add_total(out, s, "arrivals", &st->arrivals);
    rc |= add_total(out, s, "completed", &st->completions);
    rc |= add_rate(out, s, "throughput", &st->completions);
    spc_estimate u = utilization(g, t1); /* integrates busy up to t1: before its check */
    rc |= spc_results_add_checked(out, s, "utilization", u, spc_timeavg_check(&st->busy));
    rc |= add_level(out, s, "queue_mean", &st->queue, t1);
    /* Little's law on the queue, (K5): the waits of all orders that joined
     * (served and abandoned), summed when each wait ends, per unit time */
    rc |= add_rate(out, s, "queue_little", &st->wait_flow);
    rc |= add_tally(out, s, "wait_mean", &st->wait);
    if (g->spec->has_patience) { /* otherwise no one abandons and both equal wait_mean */
        rc |= add_tally(out, s, "wait_abandoned_mean", &st->wait_abandoned);
        rc |= add_tally(out, s, "wait_all_mean", &st->wait_all);
    }
    rc |= spc_results_add(out, s, "wait_p90", point(spc_quantile_get(&st->wait_q, 0.90), nwait));
    rc |= add_tally(out, s, "wait_prob", &st->waited);
    rc |= add_tally(out, s, "sojourn_mean", &st->sojourn);
    rc |= add_total(out, s, "blocked", &st->lost);
    /* blocking is only possible with a finite queue; otherwise exactly 0 */
    spc_estimate never = { 0.0, 0.0, 0.0, arrivals.mean };
    rc |= g->spec->capacity == SPC_CAPACITY_INFINITE ? spc_results_add(out, s, "blocking_prob", never)
                                                     : add_tally(out, s, "blocking_prob", &st->blocked);
    /* abandonment is only possible with patience; otherwise exactly 0 */
    rc |= add_total(out, s, "abandoned", &st->abandoned);
    rc |= g->spec->has_patience ? add_tally(out, s, "abandon_prob", &st->abandon)
                                : spc_results_add(out, s, "abandon_prob", never);
    rc |= add_total(out, s, "balked", &st->balked);
    rc |= g->spec->balk_limit > 0 ? add_tally(out, s, "balk_prob", &st->balk)
                                  : spc_results_add(out, s, "balk_prob", never);
    if (ch->hooks != NULL) {
        rc |= add_level(out, s, "staffed_mean", &st->staffed, t1);
        rc |= add_total(out, s, "errors", &st->errors);
        rc |= add_total(out, s, "defects_caught", &st->caught);
        rc |= add_total(out, s, "rework", &st->rework);
    }
    return rc;
}

static int collect_system(spc_chain *ch, double t1, spc_results *out)
{
    double n = (double)ch->lead.n;
    int rc = 0;
    rc |= add_total(out, "system", "orders_arrived", &ch->arrived);
    rc |= add_total(out, "system", "orders_completed", &ch->delivered);
    rc |= add_total(out, "system", "orders_blocked", &ch->lost);
    rc |= add_total(out, "system", "orders_abandoned", &ch->abandoned);
    rc |= add_total(out, "system", "orders_balked", &ch->balked);
    rc |= add_rate(out, "system", "throughput", &ch->delivered);
    rc |= add_level(out, "system", "wip_mean", &ch->wip_avg, t1);
    rc |= spc_results_add(out, "system", "wip_end", point((double)ch->wip, 1));
    rc |= add_tally(out, "system", "lead_time_mean", &ch->lead);
    for (int i = 0; i < NQUANT; i++)
        rc |= spc_results_add(out, "system", lead_names[i], point(spc_quantile_get(&ch->lead_q, lead_p[i]), n));
    if (ch->hooks != NULL)
        rc |= add_total(out, "system", "escaped_defects", &ch->escaped);
    return rc;
}

spc_status spc_chain_collect(spc_chain *ch, double t1, spc_results *out, spc_error *err)
{
    if (ch->plain == CHAIN_SINGLE)
        spc_chain_stats_unalias(ch);
    int rc = collect_system(ch, t1, out);
    for (size_t i = 0; i < ch->nstages; i++)
        rc |= collect_stage(ch, &ch->stages[i], t1, out);
    return rc ? spc_error_set(err, SPC_ERR_INTERNAL, "out of memory collecting results") : SPC_OK;
}
