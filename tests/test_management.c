/*
 * test_management.c -- management by level (docs/model.md 9.18, (MG1)-(MG6)).
 *
 * The bounds of the staffing rule by hand; then the small shop of the
 * customer tests, with common random numbers against the same shop:
 *   - the section at the activity level changes no metric of the run,
 *     replication by replication (management only watches);
 *   - what management sees is the system's own numbers of d periods
 *     before, exactly, and the employee survey's ESAT errs around the true
 *     mean with the declared sd;
 *   - at the measure level, management acting on delayed, noisy KPIs makes
 *     the headcount move more from period to period than fixed staffing
 *     (the paired 95% interval above zero), and reviewing every period
 *     makes more decisions than every fourth;
 *   - at the philosophy level the preset levers are in force from time 0,
 *     and their cost reaches the ledger;
 *   - the teaching scenarios (scenarios/management-*.cfg, the grocery
 *     company of baseline.cfg at each level) tell their story: the
 *     direction of every effect the story names, paired.
 * Every effect is a directional claim, tested one-sided: the paired t
 * test's 95% bound on the documented side of zero (against "no effect or
 * the other way").
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spcsim/experiment.h"
#include "spcsim/management.h"
#include "spcsim/stats.h"
#include "tests.h"

#define SHOP "tests/data/customers/small.cfg"
#define REPS 8
#define MAXSETS 12

/* ---- (MG3)'s bounds ---- */

static void test_staffing_bounds(void)
{
    spc_management_spec m = { .staff_min = 0.5, .staff_max = 1.5 };
    CU_ASSERT_EQUAL(spc_management_staff_lo(&m, 4), 2);
    CU_ASSERT_EQUAL(spc_management_staff_hi(&m, 4), 6);
    CU_ASSERT_EQUAL(spc_management_staff_lo(&m, 3), 1);  /* floor 1.5 */
    CU_ASSERT_EQUAL(spc_management_staff_hi(&m, 3), 5);  /* ceil 4.5 */
    CU_ASSERT_EQUAL(spc_management_staff_lo(&m, 1), 1);  /* never below one */
    CU_ASSERT_EQUAL(spc_management_staff_hi(&m, 1), 2);
    spc_management_spec tight = { .staff_min = 1.0, .staff_max = 1.0 };
    CU_ASSERT_EQUAL(spc_management_staff_lo(&tight, 7), 7);
    CU_ASSERT_EQUAL(spc_management_staff_hi(&tight, 7), 7); /* no rounding up of 7.0 */
}

/* The chain gets the positions the staffing rule may ask for, and only
 * when the measure level has a staffing rule. */
static void test_positions(void)
{
    const char *sets[] = { "management.level=\"measure\"", "management.staffing.lead_time=\"1h\"" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *plain = spc_scenario_load(SHOP, NULL, 0, &err);
    spc_scenario *measure = spc_scenario_load(SHOP, sets, 2, &err);
    spc_scenario *no_rule = spc_scenario_load(SHOP, sets, 1, &err);
    CU_ASSERT_FATAL(plain != NULL && measure != NULL && no_rule != NULL);
    CU_ASSERT_EQUAL(spc_management_positions(plain, 1), 4);
    CU_ASSERT_EQUAL(spc_management_positions(no_rule, 1), 4);
    CU_ASSERT_EQUAL(spc_management_positions(measure, 1), 6);
    CU_ASSERT_EQUAL(spc_management_positions(measure, 2), 2);
    spc_scenario_free(plain);
    spc_scenario_free(measure);
    spc_scenario_free(no_rule);
}

/* ---- the shop, paired ---- */

/* The shop for 40 weeks (4 of warm-up), REPS replications. */
static void run(const char *const *extra, size_t nextra, spc_experiment *x)
{
    const char *sets[MAXSETS] = { "horizon=\"40w\"", "warmup=\"4w\"" };
    size_t n = 2;
    for (size_t i = 0; i < nextra && n < MAXSETS; i++)
        sets[n++] = extra[i];
    tests_run_replications(SHOP, sets, n, REPS, x);
}

static spc_estimate paired(const spc_experiment *base, const spc_experiment *var, const char *scope,
                           const char *metric)
{
    CU_ASSERT_FATAL(base->n == var->n && base->n >= 2);
    double d[base->n];
    for (unsigned i = 0; i < base->n; i++)
        d[i] = tests_metric(&var->rep[i], scope, metric)->mean - tests_metric(&base->rep[i], scope, metric)->mean;
    return spc_stats_interval(d, base->n, NAN);
}

static void expect(const spc_experiment *base, const spc_experiment *var, const char *scope, const char *metric,
                   int sign, const char *what)
{
    char name[160];
    snprintf(name, sizeof name, "%s: %s/%s", what, scope, metric);
    tests_check_side(name, paired(base, var, scope, metric), sign);
}

/* The row of (period, scope) in a replication's time series, or NULL. */
static const spc_ts_row *row(const spc_timeseries *ts, long period, const char *scope)
{
    for (size_t i = 0; i < ts->n; i++)
        if (ts->rows[i].period == period && strcmp(ts->rows[i].scope, scope) == 0)
            return &ts->rows[i];
    return NULL;
}

/* Activity: management watches and changes nothing. */
static void test_activity_changes_nothing(void)
{
    spc_experiment base, act;
    run(NULL, 0, &base);
    const char *sets[] = { "management.level=\"activity\"", "management.staffing.lead_time=\"0.5h\"",
                           "management.pay.esat=90" };
    run(sets, 3, &act);
    tests_check_identical(&base, &act, "activity");
    CU_ASSERT_EQUAL(tests_metric(&act.combined, "management", "decisions")->mean, 0);
    CU_ASSERT_EQUAL(tests_metric(&act.combined, "management", "staff_target_mean")->mean, 8);
    spc_experiment_release(&base);
    spc_experiment_release(&act);
}

/* (MG1): the seen lead time, utilisation and CSAT are the period n - d
 * values exactly; ESAT errs by N(0, sigma_E). */
static void test_what_management_sees(void)
{
    spc_experiment x;
    const char *sets[] = { "management.level=\"activity\"", "management.delay=2", "management.esat_noise=3.0" };
    run(sets, 3, &x);
    double sum = 0, sq = 0, n = 0;
    int exact = 1;
    for (unsigned k = 0; k < x.n; k++) {
        const spc_timeseries *ts = &x.rep_ts[k];
        for (long p = 0; row(ts, p, "management") != NULL; p++) {
            const spc_ts_row *m = row(ts, p, "management");
            if (p < 2) {
                exact &= isnan(m->v[SPC_TS_MG_LEAD_SEEN]) && isnan(m->v[SPC_TS_MG_ESAT_SEEN]);
                continue;
            }
            const spc_ts_row *sys = row(ts, p - 2, "system"), *cus = row(ts, p - 2, "customers");
            const spc_ts_row *co = row(ts, p - 2, "company"), *back = row(ts, p - 2, "back");
            exact &= m->v[SPC_TS_MG_LEAD_SEEN] == sys->v[SPC_TS_LEAD_TIME];
            exact &= m->v[SPC_TS_MG_CSAT_SEEN] == cus->v[SPC_TS_CSAT];
            exact &= row(ts, p, "back")->v[SPC_TS_MG_UTIL_SEEN] == back->v[SPC_TS_UTILIZATION];
            double e = m->v[SPC_TS_MG_ESAT_SEEN] - co->v[SPC_TS_SATISFACTION];
            sum += e;
            sq += e * e;
            n += 1;
        }
    }
    CU_ASSERT(exact);
    CU_ASSERT(n > 100);
    /* mean 0 within 3 standard errors; the sd within 20% of sigma_E */
    double mean = sum / n, sd = sqrt((sq - n * mean * mean) / (n - 1));
    CU_ASSERT(fabs(mean) < 3.0 * 3.0 / sqrt(n));
    CU_ASSERT(fabs(sd / 3.0 - 1.0) < 0.2);
    spc_experiment_release(&x);
}

#define MEASURE "management.level=\"measure\"", "management.staffing.lead_time=\"0.7h\"", \
                "management.staffing.utilisation_low=0.7"

/* (MG2)-(MG3): acting on delayed, noisy numbers makes staffing move:
 * the period-to-period change of the headcount is larger than with fixed
 * staffing (whose headcount moves only by quits and hires), and a review
 * every period decides more often than one every fourth. */
static void test_measure_moves_staffing(void)
{
    spc_experiment act, every4, every1;
    const char *a[] = { "management.level=\"activity\"" };
    const char *m4[] = { MEASURE, "management.review=4" };
    const char *m1[] = { MEASURE, "management.review=1" };
    run(a, 1, &act);
    run(m4, 4, &every4);
    run(m1, 4, &every1);
    expect(&act, &every4, "management", "headcount_step_rms", +1, "measure (K = 4) against activity");
    expect(&act, &every1, "management", "headcount_step_rms", +1, "measure (K = 1) against activity");
    expect(&every4, &every1, "management", "decisions", +1, "K = 1 against K = 4");
    expect(&every4, &every1, "management", "staffing_changes", +1, "K = 1 against K = 4");
    spc_experiment_release(&act);
    spc_experiment_release(&every4);
    spc_experiment_release(&every1);
}

/* (MG4): with ESAT seen below target at every review, pay climbs by its
 * step to its bound and stays; employees are more satisfied. */
static void test_pay_rule(void)
{
    spc_experiment act, x;
    const char *a[] = { "management.level=\"activity\"" };
    const char *m[] = { "management.level=\"measure\"", "management.pay.esat=99", "management.pay.max=1.1",
                        "management.pay.step=0.05" };
    run(a, 1, &act);
    run(m, 4, &x);
    for (unsigned k = 0; k < x.n; k++) {
        const spc_ts_row *last = NULL;
        for (long p = 0; row(&x.rep_ts[k], p, "management") != NULL; p++)
            last = row(&x.rep_ts[k], p, "management");
        CU_ASSERT_FATAL(last != NULL);
        CU_ASSERT_DOUBLE_EQUAL(last->v[SPC_TS_MG_PAY], 1.1, 1e-12);
        /* period 3 is the first review after the delay: 1.05 */
        CU_ASSERT_DOUBLE_EQUAL(row(&x.rep_ts[k], 3, "management")->v[SPC_TS_MG_PAY], 1.05, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(row(&x.rep_ts[k], 2, "management")->v[SPC_TS_MG_PAY], 1.0, 1e-12);
    }
    expect(&act, &x, "company", "satisfaction_mean", +1, "pay rule");
    expect(&act, &x, "finance", "wages", +1, "pay rule");
    spc_experiment_release(&act);
    spc_experiment_release(&x);
}

/* (MG6): the philosophy's levers from time 0, and their cost. */
static void test_philosophy(void)
{
    spc_experiment act, phil;
    const char *a[] = { "management.level=\"activity\"" };
    const char *p[] = { "management.level=\"philosophy\"" };
    run(a, 1, &act);
    run(p, 1, &phil);
    const spc_ts_row *r0 = row(&phil.rep_ts[0], 0, "management");
    CU_ASSERT_FATAL(r0 != NULL);
    CU_ASSERT_DOUBLE_EQUAL(r0->v[SPC_TS_MG_TRAINING], 4.0, 0);
    CU_ASSERT_EQUAL(tests_metric(&phil.combined, "management", "decisions")->mean, 0);
    expect(&act, &phil, "company", "satisfaction_mean", +1, "philosophy");
    expect(&act, &phil, "finance", "programme_cost", +1, "philosophy");
    spc_experiment_release(&act);
    spc_experiment_release(&phil);
}

/* ---- the teaching scenarios: the three levels on one company ---- */

/* 12: with 6, the measure level's effects on picking headcount, staffing
 * moves and profit were 1-2.5 standard errors for some streams (e.g. with
 * xoshiro256++: headcount_step_rms +0.07 [-0.15, 0.30] against +0.30
 * [0.18, 0.43] with mt19937), a test that depended on the stream. */
#define TEACH_REPS 12

/* scenarios/README.md, "management": the numbers in the story are these
 * differences (8 replications there, 12 here). */
static void test_three_levels(void)
{
    spc_experiment act, meas, phil;
    tests_run_replications("scenarios/management-activity.cfg", NULL, 0, TEACH_REPS, &act);
    tests_run_replications("scenarios/management-measure.cfg", NULL, 0, TEACH_REPS, &meas);
    tests_run_replications("scenarios/management-philosophy.cfg", NULL, 0, TEACH_REPS, &phil);
    /* measure: the desk that looked idle is cut, its requests wait, the
     * lead time management watches rises; it hires where people look busy,
     * pays for it, and staffing moves from period to period */
    expect(&act, &meas, "customer_service", "headcount_mean", -1, "measure");
    expect(&act, &meas, "customer_service", "wait_mean", +1, "measure");
    expect(&act, &meas, "system", "lead_time_mean", +1, "measure");
    expect(&act, &meas, "picking", "headcount_mean", +1, "measure");
    /* not headcount_step_rms: the story says 8 replications cannot tell
     * whether staffing moves more than under fixed staffing, and at 12 the
     * effect was 1-2 standard errors from 0 depending on the streams
     * (+0.12, one-sided bound -0.004 with the step of (LZ1)); the small
     * shop's test above checks that tampering effect where it is clear */
    expect(&act, &meas, "finance", "profit", -1, "measure");
    /* philosophy: happier staff who stay, happier customers who stay,
     * a programme that costs and pays */
    expect(&act, &phil, "company", "satisfaction_mean", +1, "philosophy");
    expect(&act, &phil, "company", "quits", -1, "philosophy");
    expect(&act, &phil, "customers", "csat", +1, "philosophy");
    expect(&act, &phil, "customers", "churn_annual", -1, "philosophy");
    expect(&act, &phil, "finance", "programme_cost", +1, "philosophy");
    expect(&act, &phil, "finance", "profit", +1, "philosophy");
    spc_experiment_release(&act);
    spc_experiment_release(&meas);
    spc_experiment_release(&phil);
}

/* The resolved file of a measure run reproduces it. */
static void test_resolved_reproduces(void)
{
    const char *sets[] = { "horizon=\"20w\"", MEASURE, "management.pay.esat=72" };
    spc_results a, b;
    spc_scenario *sc = tests_run(SHOP, sets, 5, &a);
    char path[256];
    char *text = tests_write_resolved(sc, path, sizeof path);
    CU_ASSERT_FATAL(text != NULL);
    CU_ASSERT(strstr(text, "level = \"measure\"") != NULL);
    spc_scenario *again = tests_run(path, NULL, 0, &b);
    CU_ASSERT_EQUAL(a.n, b.n);
    int same = 1;
    for (size_t k = 0; k < a.n && k < b.n; k++)
        same &= a.rows[k].e.mean == b.rows[k].e.mean || (isnan(a.rows[k].e.mean) && isnan(b.rows[k].e.mean));
    CU_ASSERT(same);
    unlink(path);
    free(text);
    spc_results_release(&a);
    spc_results_release(&b);
    spc_scenario_free(sc);
    spc_scenario_free(again);
}

int tests_management(void)
{
    static const CU_TestInfo tests[] = {
        { "staffing bounds (MG3)", test_staffing_bounds },
        { "the chain's positions cover the staffing rule", test_positions },
        { "activity: management watches and changes nothing", test_activity_changes_nothing },
        { "what management sees: delayed, and ESAT with survey noise (MG1)", test_what_management_sees },
        { "measure: noisy, delayed KPIs make staffing move (MG2)-(MG3)", test_measure_moves_staffing },
        { "measure: the pay rule climbs to its bound (MG4)", test_pay_rule },
        { "philosophy: the levers from time 0, with their cost (MG6)", test_philosophy },
        { "the resolved file reproduces a measure run", test_resolved_reproduces },
        { "teaching: the three levels on one company (scenarios/management-*.cfg)", test_three_levels },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("management", tests);
}
