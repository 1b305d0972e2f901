/*
 * test_customers.c -- customers, surveys, the ledger and the chain effect.
 *
 *   1. NPS and CSAT arithmetic on known answer sets, extremes included,
 *      and the answer and class boundaries;
 *   2. survey sampling is unbiased: the respondents' true satisfaction is
 *      that of everyone served, and the response count is binomial;
 *   3. the lifetime-value oracle m r / (1 + i - r) with feedback off;
 *   4. the profit identity, exactly, in every period (in cents);
 *   5. conservation of customers and of orders;
 *   6. each customer link alone moves its outcome in the documented direction;
 *   7. the employee-to-customer effect is produced, not stated: with the
 *      links at zero the lever moves no customer, doubled it moves more;
 *   8. a company of units: panel rows for every unit and period, and the
 *      company's sums;
 *   9. the queue of pending purchases gives them back in (time, slot)
 *      order, as sorting them does, for any bucket width.
 *
 * Fixed seeds; tolerances from the run's own intervals.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "spcsim/chainstudy.h"
#include "spcsim/customer_eq.h"
#include "spcsim/experiment.h"
#include "spcsim/finance.h"
#include "spcsim/purchase_queue.h"
#include "spcsim/run.h"
#include "tests.h"

#define DATA "tests/data/customers/"
#define Z95 1.959963984540054

static int verbose(void) { return getenv("SPCSIM_TEST_VERBOSE") != NULL; }

/* ---- 1. arithmetic ---- */

static spc_survey survey_of(const int *rec, const int *csat, size_t n)
{
    spc_survey s = { 0 };
    for (size_t i = 0; i < n; i++)
        spc_survey_add(&s, rec[i], csat[i]);
    return s;
}

static void test_nps_csat_arithmetic(void)
{
    const int all10[] = { 10, 10, 10 }, all5[] = { 5, 5, 5 };
    spc_survey s = survey_of(all10, all5, 3);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_nps(&s), 100.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_csat_pct(&s), 100.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_mean(&s), 10.0, 1e-12);
    const int all0[] = { 0, 0, 0, 0 }, all1[] = { 1, 1, 1, 1 };
    s = survey_of(all0, all1, 4);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_nps(&s), -100.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_csat_pct(&s), 0.0, 1e-12);
    /* promoters 10, 9; passives 8, 7; detractors 6, 0: NPS 0; CSAT 4-5: 3 of 6 */
    const int rec[] = { 10, 9, 8, 7, 6, 0 }, cs[] = { 5, 4, 3, 2, 1, 5 };
    s = survey_of(rec, cs, 6);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_nps(&s), 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_csat_pct(&s), 50.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_mean(&s), 40.0 / 6.0, 1e-12);
    /* three promoters, one detractor of five: 100 (3 - 1) / 5 = 40 */
    const int rec2[] = { 9, 9, 10, 3, 8 }, cs2[] = { 4, 4, 4, 4, 3 };
    s = survey_of(rec2, cs2, 5);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_nps(&s), 40.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_survey_csat_pct(&s), 80.0, 1e-12);
    spc_survey none = { 0 };
    CU_ASSERT(isnan(spc_survey_nps(&none)) && isnan(spc_survey_csat_pct(&none)) && isnan(spc_survey_mean(&none)));
    /* classes and answers at their boundaries */
    CU_ASSERT_EQUAL(spc_recommend_class(8.5), 1);  /* rounds to 9 */
    CU_ASSERT_EQUAL(spc_recommend_class(8.49), 0);
    CU_ASSERT_EQUAL(spc_recommend_class(6.5), 0);  /* rounds to 7 */
    CU_ASSERT_EQUAL(spc_recommend_class(6.49), -1);
    CU_ASSERT_EQUAL(spc_survey_csat(6.25, 0.0), 4); /* 1 + 0.4 x 6.25 = 3.5 -> 4 */
    CU_ASSERT_EQUAL(spc_survey_csat(6.2, 0.0), 3);
    CU_ASSERT_EQUAL(spc_survey_csat(12.0, 0.0), 5);
    CU_ASSERT_EQUAL(spc_survey_csat(-3.0, 0.0), 1);
    CU_ASSERT_EQUAL(spc_survey_recommend(9.7, 0.6), 10);
    CU_ASSERT_EQUAL(spc_survey_recommend(0.2, -1.0), 0);
}

static void test_equations(void)
{
    /* (C4) at the documented points: 0.5 at U_ref + r0 = 0 ... */
    CU_ASSERT_DOUBLE_EQUAL(spc_retention(7.0, 0.0, 0.578, 7.0), 0.5, 1e-15);
    CU_ASSERT(spc_retention(9.0, 1.0, 0.578, 7.0) > spc_retention(8.0, 1.0, 0.578, 7.0));
    /* (C12): r = 0.8, i = 0.1 -> 2.667 m */
    CU_ASSERT_DOUBLE_EQUAL(spc_clv(1.0, 0.8, 0.1), 0.8 / 0.3, 1e-15);
    /* (C1): on time, no defect, neutral attitude -> s0; late by e -> s0 - w */
    spc_score_params p = { 8.0, 1.5, 3.0, 0.5, 70.0 };
    CU_ASSERT_DOUBLE_EQUAL(spc_encounter_score(&p, 1.0, 2.0, 0, 70.0), 8.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(spc_encounter_score(&p, 2.0 * exp(1.0), 2.0, 0, 70.0), 8.0 - 1.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_encounter_score(&p, 1.0, 2.0, 1, 90.0), 8.0 - 3.0 + 1.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_encounter_score(&p, 1.0, 2.0, 0, NAN), 8.0, 1e-15);
}

/* ---- helpers ---- */

static double metric(const spc_results *r, const char *scope, const char *name)
{
    const spc_estimate *e = tests_metric(r, scope, name);
    return e != NULL ? e->mean : NAN;
}

/* ---- 2. survey sampling ---- */

static void test_unbiased_sampling(void)
{
    spc_results r;
    spc_scenario *sc = tests_run(DATA "small.cfg", NULL, 0, &r);
    if (sc == NULL)
        return;
    double n = metric(&r, "customers", "encounters"), k = metric(&r, "customers", "responses");
    double p = sc->customers.response_rate;
    /* the count of respondents is binomial(n, p) */
    double hw = Z95 * sqrt(n * p * (1 - p));
    CU_ASSERT(fabs(k - n * p) <= hw);
    /* respondents are a simple random sample of those served: their mean
     * true satisfaction differs from everyone's by sampling error only
     * (finite-population correction 1 - p) */
    double all = metric(&r, "customers", "satisfaction_true"), resp = metric(&r, "customers", "respondents_true");
    double sd = metric(&r, "customers", "satisfaction_true_sd");
    double hw2 = Z95 * sd * sqrt((1 - p) / k);
    CU_ASSERT(fabs(resp - all) <= hw2);
    /* the answers (noise sd 0.5, rounding) are unbiased for the respondents' U
     * up to the rounding and clamping at 0 and 10; their sd is at most
     * sqrt(sd^2 + 0.5^2 + 1/12) */
    double ans = metric(&r, "customers", "score_pooled");
    double hw3 = Z95 * sqrt((sd * sd + 0.25 + 1.0 / 12.0) / k);
    CU_ASSERT(fabs(ans - resp) <= hw3 + 0.01);
    if (verbose())
        printf("\n  responses %.0f of %.0f (p %.2f, +-%.1f); true U all %.4f respondents %.4f (+-%.4f); answers %.4f\n",
               k, n, p, hw, all, resp, hw2, ans);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* ---- 3. CLV ---- */

static void test_clv_oracle(void)
{
    spc_results r;
    spc_scenario *sc = tests_run(DATA "clv.cfg", NULL, 0, &r);
    if (sc == NULL)
        return;
    const spc_finance_spec *f = &sc->finance;
    double r0 = 1.0 / (1.0 + exp(-sc->customers.r0));
    double oracle = spc_clv(f->price - f->cogs, r0, f->discount_rate);
    const spc_estimate *e = tests_metric(&r, "customers", "clv");
    CU_ASSERT_FATAL(e != NULL);
    CU_ASSERT(e->lo <= oracle && oracle <= e->hi);
    CU_ASSERT(e->n > 500);
    if (verbose())
        printf("\n  CLV %.4f [%.4f, %.4f] over %.0f customers; oracle %.4f\n", e->mean, e->lo, e->hi, e->n, oracle);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* ---- 4. the profit identity ---- */

static long long cents(double x) { return llround(100.0 * x); }

static void test_profit_identity(void)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(DATA "small.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_results r;
    spc_timeseries ts;
    spc_results_init(&r);
    spc_timeseries_init(&ts);
    CU_ASSERT_EQUAL_FATAL(spc_run_execute(sc, &(spc_run_request){ .out = &r, .ts = &ts }, &err), SPC_OK);
    static const int rev[] = { SPC_TS_REVENUE_ORDERS, SPC_TS_REVENUE_SERVICES };
    static const int cost[] = { SPC_TS_COGS, SPC_TS_WAGES, SPC_TS_OVERTIME_PAY, SPC_TS_HIRING_COST,
                                SPC_TS_TURNOVER_COST, SPC_TS_REWORK_COST, SPC_TS_REFUNDS,
                                SPC_TS_ACQUISITION_COST, SPC_TS_PROGRAMME_COST, SPC_TS_FIXED_COST };
    int periods = 0, bad = 0;
    long long total_profit = 0;
    for (size_t i = 0; i < ts.n; i++) {
        const spc_ts_row *row = &ts.rows[i];
        if (strcmp(row->scope, "finance") != 0)
            continue;
        periods++;
        long long R = 0, C = 0;
        for (size_t k = 0; k < 2; k++)
            R += cents(row->v[rev[k]]);
        for (size_t k = 0; k < sizeof cost / sizeof cost[0]; k++)
            C += cents(row->v[cost[k]]);
        bad += R != cents(row->v[SPC_TS_REVENUE]) || C != cents(row->v[SPC_TS_COSTS]) ||
               R - C != cents(row->v[SPC_TS_PROFIT]);
        total_profit += cents(row->v[SPC_TS_PROFIT]);
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(periods, 20);
    /* the summary's profit is the sum of the periods' (warm-up 0) */
    CU_ASSERT_EQUAL(cents(metric(&r, "finance", "profit")), total_profit);
    CU_ASSERT(metric(&r, "finance", "wages") > 0 && metric(&r, "finance", "refunds") > 0);
    spc_results_release(&r);
    spc_timeseries_release(&ts);
    spc_scenario_free(sc);
}

/* ---- 5. conservation ---- */

static void test_conservation(void)
{
    spc_results r;
    spc_scenario *sc = tests_run(DATA "small.cfg", NULL, 0, &r);
    if (sc == NULL)
        return;
    double in = sc->customers.initial + metric(&r, "customers", "acquired") + metric(&r, "customers", "referrals");
    double out = metric(&r, "customers", "active_end") + metric(&r, "customers", "churned");
    CU_ASSERT_EQUAL(in, out);
    /* every order: delivered, blocked, balked, abandoned, or still inside */
    double arrived = metric(&r, "system", "orders_arrived");
    double left = metric(&r, "system", "orders_completed") + metric(&r, "system", "orders_blocked") +
                  metric(&r, "system", "orders_balked") + metric(&r, "system", "orders_abandoned") +
                  metric(&r, "system", "wip_end");
    CU_ASSERT_EQUAL(arrived, left);
    CU_ASSERT(metric(&r, "system", "orders_balked") > 0 && metric(&r, "system", "orders_abandoned") > 0);
    /* every order placed by a customer ended in an encounter, or is inside */
    CU_ASSERT(metric(&r, "customers", "encounters") <= arrived);
    CU_ASSERT(metric(&r, "customers", "encounters") >= arrived - metric(&r, "system", "wip_end"));
    if (verbose())
        printf("\n  customers in %.0f = out %.0f; orders in %.0f = out %.0f\n", in, out, arrived, left);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* An intervention that turns acquisition on starts it; claims of lost
 * customers are never made nor refunded. */
static void test_acquisition_switched_on(void)
{
    spc_error err;
    spc_error_clear(&err);
    const char *sets[] = { "customers.acquisition.rate=0", "customers.acquisition.referrals=0" };
    spc_scenario *sc = spc_scenario_load(DATA "small.cfg", sets, 2, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_results off;
    spc_results_init(&off);
    CU_ASSERT_EQUAL_FATAL(spc_run_execute(sc, &(spc_run_request){ .out = &off }, &err), SPC_OK);
    CU_ASSERT_EQUAL(metric(&off, "customers", "acquired"), 0);
    spc_results_release(&off);
    spc_scenario_free(sc);
    spc_scenario *on = spc_scenario_load(DATA "acquisition-on.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(on);
    spc_results r;
    spc_results_init(&r);
    CU_ASSERT_EQUAL_FATAL(spc_run_execute(on, &(spc_run_request){ .out = &r }, &err), SPC_OK);
    CU_ASSERT(metric(&r, "customers", "acquired") > 0);
    spc_results_release(&r);
    spc_scenario_free(on);
}

/* ---- 6. each link alone ---- */

/* Paired runs (same replications) of small.cfg with `off` and `on` sets;
 * returns the paired difference on - off of (scope, metric) with its
 * interval over `reps` replications. */
static spc_estimate paired(const char *common, const char *off, const char *on, const char *scope,
                           const char *name, unsigned reps, const char *ratio_of)
{
    spc_error err;
    spc_error_clear(&err);
    const char *s0[] = { common ? common : off, off }, *s1[] = { common ? common : off, off, on };
    spc_scenario *a = spc_scenario_load(DATA "small.cfg", s0, 2, &err);
    spc_scenario *b = a ? spc_scenario_load(DATA "small.cfg", s1, 3, &err) : NULL;
    double d[16];
    spc_estimate e = { NAN, NAN, NAN, 0 };
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    for (unsigned k = 0; k < reps && k < 16; k++) {
        spc_results ra, rb;
        spc_results_init(&ra);
        spc_results_init(&rb);
        CU_ASSERT_EQUAL_FATAL(spc_run_execute(a, &(spc_run_request){ .replication = k, .out = &ra }, &err), SPC_OK);
        CU_ASSERT_EQUAL_FATAL(spc_run_execute(b, &(spc_run_request){ .replication = k, .out = &rb }, &err), SPC_OK);
        double va = metric(&ra, scope, name), vb = metric(&rb, scope, name);
        if (ratio_of != NULL) {
            va /= metric(&ra, "customers", ratio_of);
            vb /= metric(&rb, "customers", ratio_of);
        }
        d[k] = vb - va;
        spc_results_release(&ra);
        spc_results_release(&rb);
    }
    e = spc_stats_interval(d, reps, NAN);
    if (verbose())
        printf("\n  %-44s -> %s/%s%s%s: %+.5g [%+.5g, %+.5g]", on, scope, name, ratio_of ? " per " : "",
               ratio_of ? ratio_of : "", e.mean, e.lo, e.hi);
    spc_scenario_free(a);
    spc_scenario_free(b);
    return e;
}

static void expect_up(spc_estimate e) { CU_ASSERT(e.lo > 0); }
static void expect_down(spc_estimate e) { CU_ASSERT(e.hi < 0); }

static void test_links(void)
{
    const unsigned R = 4;
    /* (C1) waiting: a longer wait than expected lowers the score */
    expect_down(paired(NULL, "customers.satisfaction.w_wait=0", "customers.satisfaction.w_wait=4",
                       "customers", "satisfaction_true", R, NULL));
    /* (C1) escaped defects lower it */
    expect_down(paired(NULL, "customers.satisfaction.w_defect=0", "customers.satisfaction.w_defect=6",
                       "customers", "satisfaction_true", R, NULL));
    /* (C1) front-line attitude above the reference raises it */
    expect_up(paired(NULL, "customers.satisfaction.attitude_ref=50", "customers.satisfaction.w_attitude=2",
                     "customers", "satisfaction_true", R, NULL));
    /* (C4) satisfaction above the reference keeps customers */
    expect_down(paired(NULL, "customers.retention.r1=0", "customers.retention.r1=1.5", "customers", "churned", R, NULL));
    /* (C5) satisfied customers buy more often */
    expect_up(paired(NULL, "customers.purchases.w_frequency=0", "customers.purchases.w_frequency=1",
                     "customers", "encounters", R, "active"));
    /* (C6) detractors slow acquisition */
    expect_down(paired(NULL, "customers.acquisition.w_detractors=0", "customers.acquisition.w_detractors=8",
                       "customers", "acquired", R, NULL));
    /* (C7) promoters bring referrals */
    expect_up(paired(NULL, "customers.acquisition.referrals=0", "customers.acquisition.referrals=1",
                     "customers", "referrals", R, NULL));
    /* (C8) losing one's regular employee lowers satisfaction */
    expect_down(paired("workforce.turnover.a=3", "customers.relationship.loss=0", "customers.relationship.loss=6",
                       "customers", "satisfaction_true", 12, NULL));
    /* (C9) escaped defects bring after-sale claims */
    expect_up(paired(NULL, "customers.aftersale.defect=0", "customers.aftersale.defect=1", "customers", "aftersale", R, NULL));
    /* (M1) serving satisfied customers raises employees' satisfaction */
    expect_up(paired(NULL, "workforce.satisfaction.customer_ref=40", "workforce.satisfaction.w_customer=2",
                     "customers", "esat", R, NULL));
    if (verbose())
        printf("\n");
}

/* ---- 7. the effect is produced by the links ---- */

/* CSAT and score change when recognition rises at the end of warm-up, with
 * the employee-to-customer links (w_attitude, the satisfaction-turnover
 * slope) scaled by k. */
static spc_estimate lever_effect(double k, const char *name)
{
    char att[96], beta[96];
    snprintf(att, sizeof att, "customers.satisfaction.w_attitude=%g", 0.5 * k);
    snprintf(beta, sizeof beta, "workforce.turnover.beta=%g", 0.5 * k);
    const char *base_sets[] = { att, beta, "horizon=\"40w\"", "warmup=\"10w\"" };
    const char *on_sets[] = { att, beta, "horizon=\"40w\"", "warmup=\"10w\"", "workforce.levers.recognition=0.9" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *base = spc_scenario_load(DATA "small.cfg", base_sets, 4, &err);
    spc_scenario *on = base ? spc_scenario_load(DATA "small.cfg", on_sets, 5, &err) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(on);
    spc_scenario *v = spc_chainstudy_variant(base, on, base->warmup);
    spc_experiment xb, xv;
    spc_experiment_opts opts = { 8, 0, 0, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(base, &opts, &xb, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(v, &opts, &xv, &err), SPC_OK);
    spc_chainstudy_table t = { 0 };
    CU_ASSERT_EQUAL(spc_chainstudy_table_make(xb.rep, xv.rep, xb.n, &t, &err), SPC_OK);
    spc_estimate e = { NAN, NAN, NAN, 0 }, esat = e;
    for (size_t i = 0; i < t.n; i++) {
        if (strcmp(t.rows[i].m->metric, name) == 0)
            e = t.rows[i].diff;
        if (strcmp(t.rows[i].m->metric, "esat") == 0)
            esat = t.rows[i].diff;
    }
    CU_ASSERT(esat.lo > 0); /* the lever works on employees in every case */
    if (verbose())
        printf("\n  links x%g: ESAT %+.4g, %s %+.4g [%+.4g, %+.4g]", k, esat.mean, name, e.mean, e.lo, e.hi);
    spc_experiment_release(&xb);
    spc_experiment_release(&xv);
    spc_chainstudy_variant_free(v);
    spc_scenario_free(on);
    spc_scenario_free(base);
    return e;
}

static void test_effect_from_links(void)
{
    spc_estimate e0 = lever_effect(0.0, "score_mean");
    spc_estimate e1 = lever_effect(1.0, "score_mean");
    spc_estimate e2 = lever_effect(2.0, "score_mean");
    CU_ASSERT(e0.lo <= 0 && 0 <= e0.hi);  /* no link: no customer effect */
    CU_ASSERT(e1.lo > 0);                 /* the links carry it */
    CU_ASSERT(e2.mean > e1.mean && e2.lo > e1.mean); /* doubled, it grows */
    if (verbose())
        printf("\n");
}

/* ---- 8. units ---- */

static void test_units_panel(void)
{
    spc_error err;
    spc_error_clear(&err);
    const char *sets[] = { "units.count=4", "units.management_sd=5.0", "units.demand_sd=0.2", "horizon=\"12w\"" };
    spc_scenario *sc = spc_scenario_load(DATA "small.cfg", sets, 4, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    /* the company is the experiment floor's: one replication, its units on two threads */
    spc_experiment x;
    spc_experiment_opts o = { 1, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x, &err), SPC_OK);
    const spc_results *r = &x.rep[0];
    const spc_panel *p = &x.rep_panel[0];
    CU_ASSERT_EQUAL(p->n, 4 * 6); /* 4 units x 6 periods of 2 weeks */
    double revenue = 0, active = 0;
    for (size_t i = 0; i < p->n; i++) {
        CU_ASSERT_EQUAL(p->rows[i].unit, i / 6);
        revenue += p->rows[i].v[SPC_P_REVENUE];
        if (p->rows[i].period == 5)
            active += p->rows[i].v[SPC_P_ACTIVE];
    }
    /* the company sums its units: revenue over the run, customers at the end */
    CU_ASSERT_DOUBLE_EQUAL(metric(r, "finance", "revenue"), revenue, 1e-6 * revenue);
    CU_ASSERT_DOUBLE_EQUAL(metric(r, "customers", "active_end"), active, 1e-9);
    /* units differ: management moves ESAT between them */
    double lo = 1e9, hi = -1e9;
    for (size_t i = 0; i < p->n; i++)
        if (p->rows[i].period == 5) {
            lo = fmin(lo, p->rows[i].v[SPC_P_ESAT]);
            hi = fmax(hi, p->rows[i].v[SPC_P_ESAT]);
        }
    CU_ASSERT(hi - lo > 1.0);
    spc_experiment_release(&x);
    spc_scenario_free(sc);
}

/* The earliest of n entries by (time, slot): the naive oracle. */
static size_t earliest(const spc_purchase *e, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (e[i].time < e[best].time || (e[i].time == e[best].time && e[i].slot < e[best].slot))
            best = i;
    return best;
}

/* A hold model as the customers use it: pop the earliest, push it again
 * later. Every pop must be the earliest pending entry by (time, slot) as a
 * linear search finds it, ties included (times on a grid of 0.5), for a
 * width of a few gaps, a far too narrow one (a sparse ring: the jump) and
 * a far too wide one (everything in one bucket). */
static void test_purchase_queue(void)
{
    const double widths[] = { 0.4, 1e-4, 1e4 };
    enum { N = 300, POPS = 20000 };
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        spc_purchase_queue q;
        CU_ASSERT_EQUAL_FATAL(spc_purchase_queue_init(&q, N, widths[w], 1e6), 0);
        gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
        spc_purchase pending[N];
        for (uint32_t i = 0; i < N; i++) {
            pending[i] = (spc_purchase){ 0.5 * floor(200.0 * gsl_rng_uniform(r)), i, (uint16_t)(7 * i), 0 };
            spc_purchase_queue_push(&q, pending[i].time, i, pending[i].tag);
        }
        int ok = 1;
        for (size_t k = 0; k < POPS && ok; k++) {
            size_t m = earliest(pending, N);
            spc_purchase got;
            double next = spc_purchase_queue_next(&q);
            ok &= spc_purchase_queue_pop(&q, &got) == 1 && got.time == pending[m].time && next == got.time &&
                  got.slot == pending[m].slot && got.tag == pending[m].tag;
            pending[m].time += 0.5 * floor(2.0 * gsl_ran_exponential(r, 100.0)); /* may tie with now */
            spc_purchase_queue_push(&q, pending[m].time, pending[m].slot, pending[m].tag);
        }
        CU_ASSERT(ok);
        spc_purchase got;
        size_t left = 0;
        while (spc_purchase_queue_pop(&q, &got))
            left++;
        CU_ASSERT_EQUAL(left, N);
        CU_ASSERT(isinf(spc_purchase_queue_next(&q)));
        gsl_rng_free(r);
        spc_purchase_queue_release(&q);
    }
}

int tests_customers(void)
{
    static const CU_TestInfo tests[] = {
        { "NPS and CSAT arithmetic, extremes and boundaries", test_nps_csat_arithmetic },
        { "encounter, retention and CLV equations", test_equations },
        { "survey sampling is unbiased", test_unbiased_sampling },
        { "CLV with feedback off: m r / (1 + i - r)", test_clv_oracle },
        { "profit = revenue - costs, exactly, every period", test_profit_identity },
        { "conservation of customers and of orders", test_conservation },
        { "an intervention turns acquisition on", test_acquisition_switched_on },
        { "each customer link alone, in its direction", test_links },
        { "the lever's customer effect comes from the links", test_effect_from_links },
        { "units: panel rows and company sums", test_units_panel },
        { "pending purchases come out in (time, slot) order", test_purchase_queue },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("customers", tests);
}
