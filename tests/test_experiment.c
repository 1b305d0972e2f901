/*
 * test_experiment.c -- replications: the arithmetic of combining them, and
 * byte-for-byte the same results whatever the number of threads.
 */
#include <math.h>
#include <string.h>
#include <gsl/gsl_cdf.h>

#include "spcsim/experiment.h"
#include "tests.h"

/* Five replications with known means: mean 3, sd sqrt(2.5), t(0.975, 4) = 2.776445. */
static void test_combine_arithmetic(void)
{
    spc_results rep[5], out;
    const double x[5] = { 1, 2, 3, 4, 5 };
    spc_error err;
    spc_error_clear(&err);
    for (int r = 0; r < 5; r++) {
        spc_results_init(&rep[r]);
        spc_estimate e = { x[r], NAN, NAN, 10 };
        spc_results_add(&rep[r], "system", "m", e);
    }
    spc_results_init(&out);
    CU_ASSERT_EQUAL_FATAL(spc_experiment_combine(rep, 5, &out, &err), SPC_OK);
    const spc_estimate *e = tests_metric(&out, "system", "m");
    double hw = 2.776445 * sqrt(2.5) / sqrt(5.0);
    CU_ASSERT_DOUBLE_EQUAL(gsl_cdf_tdist_Pinv(0.975, 4), 2.776445, 1e-6);
    CU_ASSERT_DOUBLE_EQUAL(e->mean, 3.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(e->lo, 3.0 - hw, 1e-5);
    CU_ASSERT_DOUBLE_EQUAL(e->hi, 3.0 + hw, 1e-5);
    CU_ASSERT_EQUAL(e->n, 5);
    /* misaligned tables are refused */
    spc_results_add(&rep[3], "system", "extra", *e);
    spc_results bad;
    spc_results_init(&bad);
    spc_results_release(&rep[4]);
    spc_results_init(&rep[4]);
    spc_estimate z = { 1, NAN, NAN, 1 };
    spc_results_add(&rep[4], "system", "other", z);
    CU_ASSERT_NOT_EQUAL(spc_experiment_combine(rep, 5, &bad, &err), SPC_OK);
    for (int r = 0; r < 5; r++)
        spc_results_release(&rep[r]);
    spc_results_release(&out);
    spc_results_release(&bad);
}

static int same_results(const spc_results *a, const spc_results *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (memcmp(&a->rows[i].e, &b->rows[i].e, sizeof a->rows[i].e) != 0 ||
            strcmp(a->rows[i].metric, b->rows[i].metric) != 0)
            return 0;
    return 1;
}

/* Six replications of a workforce scenario on 1, 2 and 3 threads. */
static void test_threads_do_not_matter(void)
{
    const char *sets[] = { "horizon=\"12w\"" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("scenarios/understaffed.cfg", sets, 1, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_experiment x[3];
    for (unsigned j = 0; j < 3; j++) {
        spc_experiment_opts o = { 6, 0, j + 1, 0 };
        CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x[j], &err), SPC_OK);
    }
    for (unsigned j = 1; j < 3; j++) {
        CU_ASSERT(same_results(&x[0].combined, &x[j].combined));
        CU_ASSERT_EQUAL(x[0].combined_ts.n, x[j].combined_ts.n);
        CU_ASSERT(x[0].combined_ts.n > 0 &&
                  memcmp(x[0].combined_ts.rows, x[j].combined_ts.rows, x[0].combined_ts.n * sizeof(spc_ts_row)) == 0);
        for (unsigned r = 0; r < 6; r++)
            CU_ASSERT(same_results(&x[0].rep[r], &x[j].rep[r]));
    }
    /* replications differ from each other */
    CU_ASSERT(!same_results(&x[0].rep[0], &x[0].rep[1]));
    for (unsigned j = 0; j < 3; j++)
        spc_experiment_release(&x[j]);
    spc_scenario_free(sc);
}

/* Replication r of an experiment is the single run of replication r. */
static void test_replication_is_a_run(void)
{
    const char *sets[] = { "horizon=500.0" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("scenarios/validation/tandem3.cfg", sets, 1, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_experiment x;
    spc_experiment_opts o = { 3, 0, 2, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x, &err), SPC_OK);
    spc_results one;
    spc_results_init(&one);
    CU_ASSERT_EQUAL(spc_run_execute(sc, 2, &one, NULL, NULL, &err), SPC_OK);
    CU_ASSERT(same_results(&one, &x.rep[2]));
    spc_results_release(&one);
    spc_experiment_release(&x);
    spc_scenario_free(sc);
}

static const CU_TestInfo tests[] = {
    { "combining replications: mean and t interval", test_combine_arithmetic },
    { "1, 2 or 3 threads give identical results", test_threads_do_not_matter },
    { "a replication of an experiment is the single run", test_replication_is_a_run },
    CU_TEST_INFO_NULL
};

int tests_experiment(void) { return tests_add_suite("experiment", tests); }
