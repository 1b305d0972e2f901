/*
 * test_stats.c -- accumulators: exact arithmetic on known inputs, the
 * dynamic batching invariants, and the coverage of the t interval.
 */
#include <math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "spcsim/stats.h"
#include "tests.h"

static void test_tally_batching(void)
{
    spc_tally t;
    CU_ASSERT_EQUAL_FATAL(spc_tally_init(&t, 10), 0);
    for (int i = 1; i <= 1000; i++) {
        spc_tally_add(&t, (double)i);
        /* between B and 2B-1 full batches once B are full; size a power of 2 */
        if (i >= 20)
            CU_ASSERT(t.full >= 10 && t.full < 20);
        CU_ASSERT((t.size & (t.size - 1)) == 0);
        CU_ASSERT_EQUAL(t.full * t.size + t.cur_n, (size_t)i);
    }
    spc_estimate e = spc_tally_estimate(&t);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, 500.5, 1e-9);
    CU_ASSERT_EQUAL(e.n, 1000);
    CU_ASSERT(e.lo < e.mean && e.mean < e.hi);
    spc_tally_reset(&t);
    e = spc_tally_estimate(&t);
    CU_ASSERT(isnan(e.mean));
    spc_tally_add(&t, 3.0);
    e = spc_tally_estimate(&t);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, 3.0, 0);
    CU_ASSERT(isnan(e.lo)); /* one observation: no interval */
    spc_tally_release(&t);
}

/* Over many independent normal samples, the 95% t interval from 20 batch
 * means covers the true mean 93-97% of the time (binomial sd 0.7% at 1000). */
static void test_interval_coverage(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 2024);
    int covered = 0, trials = 1000;
    for (int k = 0; k < trials; k++) {
        spc_tally t;
        spc_tally_init(&t, 10);
        for (int i = 0; i < 400; i++)
            spc_tally_add(&t, 5.0 + gsl_ran_gaussian(r, 2.0));
        spc_estimate e = spc_tally_estimate(&t);
        covered += e.lo <= 5.0 && 5.0 <= e.hi;
        spc_tally_release(&t);
    }
    double p = (double)covered / trials;
    CU_ASSERT(p >= 0.93 && p <= 0.97);
    gsl_rng_free(r);
}

static void test_timeavg_exact(void)
{
    spc_timeavg a;
    CU_ASSERT_EQUAL_FATAL(spc_timeavg_init(&a, 4), 0);
    /* level 2 on [0,3), 6 on [3,8): batches of width 2 over [0,8] */
    spc_timeavg_start(&a, 0.0, 8.0, 2.0);
    spc_timeavg_set(&a, 3.0, 6.0);
    spc_estimate e = spc_timeavg_estimate(&a, 8.0);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, (2.0 * 3 + 6.0 * 5) / 8.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(a.area[0], 4.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(a.area[1], 2.0 + 6.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(a.area[2], 12.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(a.area[3], 12.0, 1e-12);
    /* restart (warm-up) with the current level */
    spc_timeavg_start(&a, 8.0, 16.0, 1.0);
    e = spc_timeavg_estimate(&a, 16.0);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, 1.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(e.lo, 1.0, 1e-12);
    spc_timeavg_release(&a);
}

static void test_counter_exact(void)
{
    spc_counter c;
    CU_ASSERT_EQUAL_FATAL(spc_counter_init(&c, 5), 0);
    spc_counter_start(&c, 10.0, 20.0);
    spc_counter_add(&c, 5.0, 1.0);   /* before the window: ignored */
    for (int i = 0; i < 30; i++)
        spc_counter_add(&c, 10.0 + i / 3.0, 1.0);
    spc_counter_add(&c, 20.0, 1.0);  /* at the end: last batch */
    CU_ASSERT_DOUBLE_EQUAL(spc_counter_total(&c).mean, 31.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_counter_rate(&c).mean, 3.1, 1e-12);
    spc_counter_release(&c);
}

static void test_quantile(void)
{
    spc_quantile q;
    CU_ASSERT_EQUAL_FATAL(spc_quantile_init(&q), 0);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 5);
    for (int i = 0; i < 200000; i++)
        spc_quantile_add(&q, gsl_ran_exponential(r, 1.0));
    /* 2e5 exponential draws: the 0.9 quantile is ln 10 = 2.302585; the
     * sample quantile's sd is sqrt(p(1-p)/n)/f(x) = 0.0067; a bin there is
     * 2/32 = 0.0625 wide and interpolation is linear inside it */
    CU_ASSERT(fabs(spc_quantile_get(&q, 0.9) - log(10.0)) < 4 * 0.0067);
    CU_ASSERT(fabs(spc_quantile_get(&q, 0.5) - log(2.0)) < 4 * sqrt(0.25 / 2e5) / 0.5);
    CU_ASSERT(fabs(spc_quantile_get(&q, 0.99) - log(100.0)) < 4 * sqrt(0.0099 / 2e5) / 0.01);
    spc_quantile_reset(&q);
    CU_ASSERT(isnan(spc_quantile_get(&q, 0.5)));
    for (int i = 0; i < 10; i++)
        spc_quantile_add(&q, i < 7 ? 0.0 : 5.0); /* 70% zeros */
    CU_ASSERT_EQUAL(spc_quantile_get(&q, 0.5), 0.0);
    CU_ASSERT(spc_quantile_get(&q, 0.9) >= 5.0 && spc_quantile_get(&q, 0.9) < 5.0 * (1 + 1.0 / 16));
    gsl_rng_free(r);
    spc_quantile_release(&q);
}

/* (B5) The von Neumann test of the batch check: on independent normal
 * batch means (k = 30) it rejects at most alpha of the time (upper 99.9%
 * binomial band over 20000 sets: the normal approximation of C is slightly
 * conservative, 0.92% measured); on AR(1) means with lag-1 correlation 0.7
 * it rejects most of the time (89% measured; the bound 80% is 12 binomial
 * sd below). */
static void test_batch_check_size_and_power(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 7);
    const size_t k = 30;
    double y[30];
    int n0 = 20000, rej0 = 0, n1 = 2000, rej1 = 0;
    for (int t = 0; t < n0; t++) {
        for (size_t i = 0; i < k; i++)
            y[i] = gsl_ran_gaussian(r, 1.0);
        rej0 += spc_stats_batch_check(y, k) == SPC_BATCH_CORRELATED;
    }
    for (int t = 0; t < n1; t++) {
        double x = gsl_ran_gaussian(r, 1.0 / sqrt(1 - 0.49)); /* stationary start */
        for (size_t i = 0; i < k; i++)
            y[i] = x = 0.7 * x + gsl_ran_gaussian(r, 1.0);
        rej1 += spc_stats_batch_check(y, k) == SPC_BATCH_CORRELATED;
    }
    double a = SPC_BATCH_ALPHA, p0 = (double)rej0 / n0, p1 = (double)rej1 / n1;
    CU_ASSERT(p0 <= a + 3.29 * sqrt(a * (1 - a) / n0));
    CU_ASSERT(p0 > 0);
    CU_ASSERT(p1 >= 0.80);
    gsl_rng_free(r);
}

/* (B5) Few batches, constant means, and the tally's own batches: a slowly
 * wandering series (AR(1), phi 0.999) of 2000 observations is flagged, the
 * same number of independent ones is not, nor 5 observations' worth as
 * anything but few. */
static void test_batch_check_cases(void)
{
    double y[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
    CU_ASSERT_EQUAL(spc_stats_batch_check(y, 9), SPC_BATCH_FEW);
    CU_ASSERT_EQUAL(spc_stats_batch_check(y, 0), SPC_BATCH_FEW);
    CU_ASSERT_EQUAL(spc_stats_batch_check(y, 12), SPC_BATCH_CORRELATED); /* a trend */
    double alt[12] = { 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1 };
    CU_ASSERT_EQUAL(spc_stats_batch_check(alt, 12), SPC_BATCH_OK); /* negative correlation: one-sided */
    double flat[12] = { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 };
    CU_ASSERT_EQUAL(spc_stats_batch_check(flat, 12), SPC_BATCH_OK);
    CU_ASSERT_STRING_EQUAL(spc_batch_verdict_name(SPC_BATCH_OK), "");
    CU_ASSERT_STRING_EQUAL(spc_batch_verdict_name(SPC_BATCH_FEW), "few_batches");
    CU_ASSERT_STRING_EQUAL(spc_batch_verdict_name(SPC_BATCH_CORRELATED), "correlated");

    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 11);
    spc_tally slow, fast, tiny;
    CU_ASSERT_EQUAL_FATAL(spc_tally_init(&slow, 30) | spc_tally_init(&fast, 30) | spc_tally_init(&tiny, 30), 0);
    double x = 0;
    for (int i = 0; i < 2000; i++) {
        spc_tally_add(&slow, x = 0.999 * x + gsl_ran_gaussian(r, 1.0));
        spc_tally_add(&fast, gsl_ran_gaussian(r, 1.0));
    }
    for (int i = 0; i < 5; i++)
        spc_tally_add(&tiny, gsl_ran_gaussian(r, 1.0));
    CU_ASSERT_EQUAL(spc_tally_check(&slow), SPC_BATCH_CORRELATED);
    CU_ASSERT_EQUAL(spc_tally_check(&fast), SPC_BATCH_OK);
    CU_ASSERT_EQUAL(spc_tally_check(&tiny), SPC_BATCH_FEW);
    spc_tally_reset(&tiny);
    CU_ASSERT_EQUAL(spc_tally_check(&tiny), SPC_BATCH_OK); /* empty: no estimate to judge */
    spc_tally_release(&slow);
    spc_tally_release(&fast);
    spc_tally_release(&tiny);
    gsl_rng_free(r);
}

static const CU_TestInfo tests[] = {
    { "batch check: von Neumann test's size and power", test_batch_check_size_and_power },
    { "batch check: few, constant, trend, tally", test_batch_check_cases },
    { "tally keeps B..2B batches and the exact mean", test_tally_batching },
    { "95% interval covers 93-97% of the time", test_interval_coverage },
    { "time average integrates exactly across batches", test_timeavg_exact },
    { "counter counts in its window", test_counter_exact },
    { "histogram quantiles of an exponential, and zeros", test_quantile },
    CU_TEST_INFO_NULL
};

int tests_stats(void) { return tests_add_suite("stats", tests); }
