/*
 * test_validation.c -- the simulator against queueing theory.
 *
 * Each test runs a scenario from scenarios/validation/ with its fixed seed
 * and compares theoretical values with the run's batch-means estimates.
 *
 * The family-wise error rate is controlled explicitly. The suite makes
 * CHECKS comparisons with theory (counted at each test below); each is made
 * at level 1 - ALPHA/CHECKS (Bonferroni): theory must lie inside the run's
 * batch-means interval widened from 95% to that level, i.e. its half-width
 * times t_{1-ALPHA/(2 CHECKS), k-1} / t_{0.975, k-1} for the k batches
 * behind it (quantiles from gsl_cdf_tdist_Pinv). A correct model then fails
 * the suite with probability at most ALPHA whatever the stream, instead of
 * the ~1 - 0.95^CHECKS of 95% intervals, so a change of generator or seed
 * does not fail it by chance. To keep each comparison meaningful the
 * widened interval must also be narrow: its half-width at most TOL (2%) of
 * the theoretical value, TOL_WAIT (5%) for mean waits and queue lengths,
 * whose batch means vary most; a model off by that much falls outside it.
 * (Checked by hand: test_mm1 with a service rate 0.5% too high fails all
 * five of Wq, Lq, W, utilisation and P(wait), by 5.6 to 10.7 standard
 * errors.)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <gsl/gsl_cdf.h>

#include "spcsim/arrivals.h"
#include "spcsim/queueing.h"
#include "spcsim/rng.h"
#include "tests.h"

#define TOL 0.02
#define TOL_WAIT 0.05
#define ALPHA 0.05  /* family-wise error rate of the suite's comparisons with theory */
#define CHECKS 36   /* those comparisons: 6 + 3 + 8 + 2 + 2 + 5 + 3 + 7, test by test */

/* The batches behind an estimate of n (stats.h): a time average or a rate
 * has its k = n fixed batches; a tally of n observations keeps between B
 * and 2B - 1 full batches of 2^j observations (B <= n / 2^j < 2B), the
 * last incomplete one left out. */
static double batches_of(double n, int b)
{
    double size = 1;
    while (n >= 2.0 * b * size)
        size *= 2;
    return floor(n / size);
}

/* Theory inside the estimate's interval at level 1 - ALPHA/CHECKS, and
 * that interval no wider than +-rel_tol of theory. */
static void check_theory(const spc_scenario *sc, const spc_results *r, const char *scope, const char *metric,
                         double theory, double rel_tol)
{
    const spc_estimate *e = tests_metric(r, scope, metric);
    double df = batches_of(e->n, sc->batches) - 1;
    CU_ASSERT_FATAL(df >= 1 && isfinite(e->lo));
    double widen = gsl_cdf_tdist_Pinv(1 - ALPHA / (2.0 * CHECKS), df) / gsl_cdf_tdist_Pinv(0.975, df);
    double hw = widen * 0.5 * (e->hi - e->lo);
    int inside = fabs(e->mean - theory) <= hw;
    int narrow = hw <= rel_tol * fabs(theory);
    if (!inside || !narrow || getenv("SPCSIM_TEST_VERBOSE"))
        fprintf(stderr, "\n  %s/%s: theory %.6g, simulated %.6g +- %.3g (%.2f%%, t = %.2f)%s%s", scope, metric,
                theory, e->mean, hw, 100 * hw / fabs(theory),
                (e->mean - theory) / (0.5 * (e->hi - e->lo) / gsl_cdf_tdist_Pinv(0.975, df)),
                inside ? "" : " OUTSIDE the interval", narrow ? "" : " wider than the tolerance");
    CU_ASSERT(inside);
    CU_ASSERT(narrow);
}

static void test_erlang_formulas(void)
{
    CU_ASSERT_DOUBLE_EQUAL(spc_erlang_b(4, 3.0), 0.206107, 5e-7);
    CU_ASSERT_DOUBLE_EQUAL(spc_erlang_c(4, 3.0), 0.509434, 5e-7);
    CU_ASSERT_DOUBLE_EQUAL(spc_mmc_wq(15.0, 5.0, 4), 0.101887, 5e-7);
    CU_ASSERT_DOUBLE_EQUAL(spc_mmc_wq(0.9, 1.0, 1), 9.0, 1e-12);
    CU_ASSERT(isnan(spc_erlang_c(2, 2.0)));
}

/* L = lambda W on a stage: the time-average queue equals throughput times
 * mean wait, up to edge effects far smaller than the statistical error. */
static void check_little(const spc_results *r, const char *stage)
{
    const spc_estimate *l = tests_metric(r, stage, "queue_mean");
    const spc_estimate *x = tests_metric(r, stage, "throughput");
    const spc_estimate *w = tests_metric(r, stage, "wait_mean");
    double hw = 0.5 * (l->hi - l->lo);
    if (fabs(l->mean - x->mean * w->mean) > hw)
        fprintf(stderr, "\n  Little %s: L = %.6g, lambda W = %.6g (half-width %.3g)", stage,
                l->mean, x->mean * w->mean, hw);
    CU_ASSERT(fabs(l->mean - x->mean * w->mean) <= hw);
}

/* The verdict (B5) on the row (scope, metric). */
static spc_batch_verdict verdict(const spc_results *r, const char *scope, const char *metric)
{
    const spc_result_row *row = spc_results_find(r, scope, metric);
    CU_ASSERT_PTR_NOT_NULL_FATAL(row);
    return row->warn;
}

static const char *const queue_rows[] = { "queue_mean", "queue_little", "wait_mean", "sojourn_mean", "utilization" };

/* (B5) M/M/1 at rho 0.9 observed for about 2000 orders: its waits are
 * correlated over hundreds of orders, and the batch means say so. */
static void test_short_run_warns(void)
{
    const char *sets[] = { "horizon=2200.0", "warmup=0.0" };
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/mm1.cfg", sets, 2, &r);
    double n = tests_metric(&r, "system", "orders_arrived")->mean;
    CU_ASSERT(n > 1500 && n < 2500);
    CU_ASSERT_EQUAL(verdict(&r, "server", "wait_mean"), SPC_BATCH_CORRELATED);
    CU_ASSERT_EQUAL(verdict(&r, "server", "queue_mean"), SPC_BATCH_CORRELATED);
    CU_ASSERT_EQUAL(verdict(&r, "system", "lead_time_mean"), SPC_BATCH_CORRELATED);
    CU_ASSERT_EQUAL(verdict(&r, "system", "wip_end"), SPC_BATCH_OK); /* a point, no interval to judge */
    spc_results_release(&r);
    spc_scenario_free(sc);
}

static void test_mm1(void)
{
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/mm1.cfg", NULL, 0, &r);
    /* 7.2 million orders: the intervals checked below can be trusted (B5) */
    for (size_t i = 0; i < sizeof queue_rows / sizeof queue_rows[0]; i++)
        CU_ASSERT_EQUAL(verdict(&r, "server", queue_rows[i]), SPC_BATCH_OK);
    CU_ASSERT_EQUAL(verdict(&r, "system", "lead_time_mean"), SPC_BATCH_OK);
    check_theory(sc, &r, "server", "wait_mean", 9.0, TOL_WAIT);
    check_theory(sc, &r, "server", "queue_mean", 8.1, TOL_WAIT);
    check_theory(sc, &r, "server", "sojourn_mean", 10.0, TOL_WAIT);
    check_theory(sc, &r, "server", "utilization", 0.9, TOL);
    check_theory(sc, &r, "server", "wait_prob", 0.9, TOL);
    check_theory(sc, &r, "system", "throughput", 0.9, TOL);
    check_little(&r, "server");
    spc_results_release(&r);
    spc_scenario_free(sc);
}

static void test_mm4(void)
{
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/mm4.cfg", NULL, 0, &r);
    check_theory(sc, &r, "desk", "wait_mean", spc_mmc_wq(15, 5, 4), TOL_WAIT);
    check_theory(sc, &r, "desk", "wait_prob", spc_erlang_c(4, 3.0), TOL);
    check_theory(sc, &r, "desk", "utilization", 0.75, TOL);
    check_little(&r, "desk");
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* Jackson: each stage of the tandem is an independent M/M/c with rate 4/h. */
static void test_tandem_jackson(void)
{
    static const char *const names[] = { "intake", "assembly", "shipping" };
    static const int c[] = { 1, 2, 3 };
    static const double mean_s[] = { 0.2, 0.4, 0.5 };
    const double lambda = 4.0;
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/tandem3.cfg", NULL, 0, &r);
    double lead = 0;
    for (int i = 0; i < 3; i++) {
        double wq = spc_mmc_wq(lambda, 1.0 / mean_s[i], c[i]);
        check_theory(sc, &r, names[i], "wait_mean", wq, TOL_WAIT);
        check_theory(sc, &r, names[i], "utilization", lambda * mean_s[i] / c[i], TOL);
        check_little(&r, names[i]);
        lead += wq + mean_s[i];
    }
    check_theory(sc, &r, "system", "lead_time_mean", lead, TOL);
    /* Little for the whole system: WIP = throughput x lead time */
    const spc_estimate *wip = tests_metric(&r, "system", "wip_mean");
    check_theory(sc, &r, "system", "wip_mean", lambda * lead, TOL);
    CU_ASSERT(wip->lo < wip->hi);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

static void test_erlang_b(void)
{
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/erlangb.cfg", NULL, 0, &r);
    check_theory(sc, &r, "lines", "blocking_prob", spc_erlang_b(4, 3.0), TOL);
    /* carried load = a (1 - B) erlangs on 4 lines */
    check_theory(sc, &r, "lines", "utilization", 3.0 * (1 - spc_erlang_b(4, 3.0)) / 4, TOL);
    const spc_estimate *q = tests_metric(&r, "lines", "queue_mean");
    CU_ASSERT_EQUAL(q->mean, 0.0);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* A piecewise-constant schedule: no arrivals where the rate is 0, and the
 * count in each slot matches rate x time within a Poisson 99.9% interval. */
static void test_schedule_arrivals(void)
{
    double starts[] = { 0.0, 8.0, 18.0 };
    double rates[] = { 0.0, 10.0, 2.0 };
    spc_arrivals_spec spec = { .kind = SPC_ARRIVALS_SCHEDULE, .period = 24.0, .nslots = 3,
                               .slot_start = starts, .slot_rate = rates };
    spc_arrivals a;
    CU_ASSERT_EQUAL_FATAL(spc_arrivals_init(&a, &spec, gsl_rng_mt19937, 9, 0), 0);
    double count[3] = { 0, 0, 0 }, t = 0.0;
    const double days = 2000;
    while ((t = spc_arrivals_next(&a, t)) < days * 24.0) {
        double u = fmod(t, 24.0);
        count[u < 8.0 ? 0 : u < 18.0 ? 1 : 2] += 1;
    }
    CU_ASSERT_EQUAL(count[0], 0);
    double expect1 = 10.0 * 10 * days, expect2 = 2.0 * 6 * days;
    CU_ASSERT(fabs(count[1] - expect1) < 3.29 * sqrt(expect1));
    CU_ASSERT(fabs(count[2] - expect2) < 3.29 * sqrt(expect2));
    spc_arrivals_release(&a);
}

/* A renewal process with exponential gaps is the Poisson process. */
static void test_renewal_is_poisson(void)
{
    const char *sets[] = { "arrivals={ process = \"renewal\"; interarrival = { dist = \"exponential\"; mean = 1.1111111111111112; }; }",
                           "horizon=8000000.0", "seed=11" };
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/mm1.cfg", sets, 3, &r);
    check_theory(sc, &r, "server", "wait_mean", 9.0, TOL_WAIT);
    check_theory(sc, &r, "server", "utilization", 0.9, TOL);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* Feedback: 20% of orders go back from the second stage to the first.
 * Traffic equations: lambda_1 = lambda_2 = 1/0.8 of the external rate. */
static void test_feedback_routing(void)
{
    const char *sets[] = {
        "stages.[1].routing=( { to = \"intake\"; p = 0.2; }, { to = \"shipping\"; p = 0.8; } )",
        "arrivals.rate=3.0"
    };
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/tandem3.cfg", sets, 2, &r);
    double l12 = 3.0 / 0.8;
    check_theory(sc, &r, "intake", "throughput", l12, TOL);
    check_theory(sc, &r, "assembly", "throughput", l12, TOL);
    check_theory(sc, &r, "shipping", "throughput", 3.0, TOL);
    check_theory(sc, &r, "intake", "utilization", l12 * 0.2, TOL);
    check_theory(sc, &r, "intake", "wait_mean", spc_mmc_wq(l12, 5.0, 1), TOL_WAIT);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* (K6) gives the value the suite checked before it existed (M/M/10+M,
 * lambda 10, mu 1, theta 0.5: P(abandon) = 0.1039, scenarios/validation/
 * erlanga.cfg), the M/M/1 limit as theta -> 0, and its identities to
 * rounding. */
static void test_erlang_a_formula(void)
{
    spc_erlang_a_result a;
    CU_ASSERT_EQUAL_FATAL(spc_erlang_a(10.0, 1.0, 10, 0.5, &a), 0);
    CU_ASSERT_DOUBLE_EQUAL(a.p_abandon, 0.1039, 5e-5);
    CU_ASSERT_DOUBLE_EQUAL(a.p_abandon, 0.5 * a.w_all, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(a.w_all, (1 - a.p_abandon) * a.w_served + a.p_abandon * a.w_abandoned, 1e-12);
    CU_ASSERT(a.w_abandoned > a.w_all && a.w_all > a.w_served);
    /* almost no patience limit: M/M/1 at rho 0.9, Wq = 9 */
    CU_ASSERT_EQUAL_FATAL(spc_erlang_a(0.9, 1.0, 1, 1e-9, &a), 0);
    CU_ASSERT_DOUBLE_EQUAL(a.w_all, 9.0, 1e-5);
    CU_ASSERT_EQUAL(spc_erlang_a(1.0, 1.0, 0, 1.0, &a), -1);
}

/* Erlang A (M/M/10+M, lambda 10, mu 1, theta 0.5), each check inside the
 * run's interval at the suite's level: P(abandon), the waits of served and abandoned
 * orders and of all that joined against (K6); P(abandon) = theta W_all;
 * Little on the queue (K5), Lq = lambda W_all, both as queue_little and
 * from the arrival rate; W_all the mix of the two waits, exactly. */
static void test_erlang_a(void)
{
    spc_erlang_a_result a;
    CU_ASSERT_EQUAL_FATAL(spc_erlang_a(10.0, 1.0, 10, 0.5, &a), 0);
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/erlanga.cfg", NULL, 0, &r);
    check_theory(sc, &r, "agents", "abandon_prob", a.p_abandon, TOL);
    check_theory(sc, &r, "agents", "wait_mean", a.w_served, TOL);
    check_theory(sc, &r, "agents", "wait_abandoned_mean", a.w_abandoned, TOL);
    check_theory(sc, &r, "agents", "wait_all_mean", a.w_all, TOL);
    check_theory(sc, &r, "agents", "queue_mean", a.lq, TOL);
    const spc_estimate *w_all = tests_metric(&r, "agents", "wait_all_mean");
    check_theory(sc, &r, "agents", "abandon_prob", 0.5 * w_all->mean, TOL);
    /* the old identity, through the time-average queue */
    check_theory(sc, &r, "agents", "abandon_prob", 0.5 * tests_metric(&r, "agents", "queue_mean")->mean / 10.0, TOL);
    const spc_estimate *lq = tests_metric(&r, "agents", "queue_mean");
    double hw = 0.5 * (lq->hi - lq->lo);
    double lambda = tests_metric(&r, "agents", "arrivals")->mean / (sc->horizon - sc->warmup);
    CU_ASSERT(fabs(lq->mean - tests_metric(&r, "agents", "queue_little")->mean) <= hw);
    CU_ASSERT(fabs(lq->mean - lambda * w_all->mean) <= hw);
    const spc_estimate *ws = tests_metric(&r, "agents", "wait_mean");
    const spc_estimate *wa = tests_metric(&r, "agents", "wait_abandoned_mean");
    CU_ASSERT_EQUAL(w_all->n, ws->n + wa->n);
    CU_ASSERT_DOUBLE_EQUAL(w_all->mean, (ws->n * ws->mean + wa->n * wa->mean) / w_all->n, 1e-9 * w_all->mean);
    /* conservation: arrivals = served + abandoned + still there (a few) */
    double in = tests_metric(&r, "agents", "arrivals")->mean;
    double out = tests_metric(&r, "agents", "completed")->mean + tests_metric(&r, "agents", "abandoned")->mean;
    CU_ASSERT(fabs(in - out) <= 10 + 0.01 * in);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* M/M/c with balking: birth-death chain on the number in system n, arrival
 * rate lambda (1 - b(n)) with b(n) = min(1, max(0, n - c) / L), service
 * min(n, c) mu; P(balk) = sum pi_n b(n) (PASTA), Lq = sum pi_n max(0, n - c). */
static void balking_theory(double lambda, double mu, int c, int limit, double *pbalk, double *lq)
{
    double pi[64], total = 0;
    int nmax = c + limit; /* an arrival finding `limit` waiting always balks */
    pi[0] = 1;
    for (int n = 1; n <= nmax; n++) {
        int seen = n - 1 >= c ? n - 1 - c : 0; /* waiting, seen by the arrival that makes n */
        double join = 1.0 - fmin(1.0, (double)seen / limit);
        pi[n] = pi[n - 1] * lambda * join / (mu * (n < c ? n : c));
    }
    for (int n = 0; n <= nmax; n++)
        total += pi[n];
    *pbalk = *lq = 0;
    for (int n = 0; n <= nmax; n++) {
        int waiting = n >= c ? n - c : 0;
        *pbalk += pi[n] / total * fmin(1.0, (double)waiting / limit);
        *lq += pi[n] / total * waiting;
    }
}

static void test_balking(void)
{
    double pb, lq;
    balking_theory(3.0, 1.0, 2, 5, &pb, &lq);
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/balking.cfg", NULL, 0, &r);
    check_theory(sc, &r, "counter", "balk_prob", pb, TOL);
    check_theory(sc, &r, "counter", "queue_mean", lq, TOL);
    check_theory(sc, &r, "system", "throughput", 3.0 * (1 - pb), TOL);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* Conservation of orders, exactly, with every way out at once: blocking at
 * a finite queue, balking, reneging, rework loops and routing back. Without
 * warm-up: arrived = delivered + blocked + balked + abandoned + in system.
 * Little's law on every queue (K5) holds through all of them. */
static void test_conservation(void)
{
    const char *sets[] = {
        "horizon=3000.0", "warmup=0.0", "arrivals.rate=5.0",
        "stages.[0].balk_limit=3", "stages.[1].queue_capacity=4",
        "stages.[1].patience={ dist = \"gamma\"; mean = 0.5; cv = 0.8; }",
        "stages.[2].routing=( { to = \"intake\"; p = 0.1; }, { to = \"deliver\"; p = 0.9; } )",
        "workforce={ turnover = { a = 0.0; }; }"
    };
    spc_results r;
    spc_scenario *sc = tests_run("scenarios/validation/tandem3.cfg", sets, 8, &r);
    double in = tests_metric(&r, "system", "orders_arrived")->mean;
    double out = tests_metric(&r, "system", "orders_completed")->mean + tests_metric(&r, "system", "orders_blocked")->mean +
                 tests_metric(&r, "system", "orders_balked")->mean + tests_metric(&r, "system", "orders_abandoned")->mean +
                 tests_metric(&r, "system", "wip_end")->mean;
    CU_ASSERT_EQUAL(in, out);
    CU_ASSERT(tests_metric(&r, "system", "orders_blocked")->mean > 0);
    CU_ASSERT(tests_metric(&r, "system", "orders_balked")->mean > 0);
    CU_ASSERT(tests_metric(&r, "system", "orders_abandoned")->mean > 0);
    CU_ASSERT(tests_metric(&r, "system", "escaped_defects")->mean > 0);
    /* (K5) with balking (intake), blocking and gamma patience (assembly),
     * feedback (shipping): Little on each queue, within queue_mean's
     * half-width; W_all mixes the served and abandoned waits exactly */
    static const char *const names[] = { "intake", "assembly", "shipping" };
    for (int i = 0; i < 3; i++) {
        const spc_estimate *lq = tests_metric(&r, names[i], "queue_mean");
        double d = fabs(lq->mean - tests_metric(&r, names[i], "queue_little")->mean);
        CU_ASSERT(d <= 0.5 * (lq->hi - lq->lo));
    }
    const spc_estimate *ws = tests_metric(&r, "assembly", "wait_mean");
    const spc_estimate *wa = tests_metric(&r, "assembly", "wait_abandoned_mean");
    const spc_estimate *w_all = tests_metric(&r, "assembly", "wait_all_mean");
    CU_ASSERT_EQUAL(w_all->n, ws->n + wa->n);
    CU_ASSERT_DOUBLE_EQUAL(w_all->mean, (ws->n * ws->mean + wa->n * wa->mean) / w_all->n, 1e-9 * w_all->mean);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

static const CU_TestInfo tests[] = {
    { "conservation of orders, with every way out", test_conservation },
    { "balking: M/M/2 against its birth-death chain", test_balking },
    { "Erlang A formula: 0.1039 and its identities", test_erlang_a_formula },
    { "Erlang A: abandoned and all waits, Little on the queue", test_erlang_a },
    { "Erlang B and C formulas give the published numbers", test_erlang_formulas },
    { "M/M/1 at rho 0.9: Wq = 9.0", test_mm1 },
    { "M/M/1 for 2000 orders: correlated batch means flagged", test_short_run_warns },
    { "M/M/4: Wq = 0.101887 h, P(wait) = 0.509434", test_mm4 },
    { "three-stage tandem vs Jackson network", test_tandem_jackson },
    { "M/M/4/4: Erlang B blocking 0.206107", test_erlang_b },
    { "piecewise-constant arrival schedule", test_schedule_arrivals },
    { "renewal process with exponential gaps", test_renewal_is_poisson },
    { "feedback routing and the traffic equations", test_feedback_routing },
    CU_TEST_INFO_NULL
};

int tests_validation(void) { return tests_add_suite("validation", tests); }
