/*
 * test_main.c -- the CUnit runner: every suite, basic interface, exit code =
 * number of failed tests (not CU_get_error, which only reports CUnit's own
 * errors).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>
#include <gsl/gsl_errno.h>

#include "spcsim/run.h"
#include "tests.h"

int tests_add_suite(const char *name, const CU_TestInfo *tests)
{
    CU_pSuite s = CU_add_suite(name, NULL, NULL);
    if (s == NULL)
        return CU_get_error();
    for (const CU_TestInfo *t = tests; t->pName != NULL; t++)
        if (CU_add_test(s, t->pName, t->pTestFunc) == NULL)
            return CU_get_error();
    return 0;
}

spc_scenario *tests_run(const char *path, const char *const *sets, size_t nsets, spc_results *out)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, sets, nsets, &err);
    if (sc == NULL) {
        fprintf(stderr, "\n  load %s: %s\n", path, err.msg);
        CU_FAIL_FATAL("scenario did not load");
    }
    spc_results_init(out);
    if (spc_run_execute(sc, &(spc_run_request){ .out = out }, &err) != SPC_OK) {
        fprintf(stderr, "\n  run %s: %s\n", path, err.msg);
        CU_FAIL("run failed");
    }
    return sc;
}

const spc_estimate *tests_metric(const spc_results *r, const char *scope, const char *metric)
{
    const spc_result_row *row = spc_results_find(r, scope, metric);
    if (row == NULL) {
        fprintf(stderr, "\n  missing metric %s/%s\n", scope, metric);
        CU_FAIL_FATAL("metric missing");
    }
    return &row->e;
}

void tests_check_theory(const spc_results *r, const char *scope, const char *metric,
                        double theory, double rel_tol)
{
    const spc_estimate *e = tests_metric(r, scope, metric);
    int inside = e->lo <= theory && theory <= e->hi;
    int close = fabs(e->mean - theory) <= rel_tol * fabs(theory);
    if (!inside || !close || getenv("SPCSIM_TEST_VERBOSE"))
        fprintf(stderr, "\n  %s/%s: theory %.6g, simulated %.6g [%.6g, %.6g]%s%s", scope, metric,
                theory, e->mean, e->lo, e->hi, inside ? "" : " OUTSIDE the interval",
                close ? "" : " beyond the tolerance");
    CU_ASSERT(inside);
    CU_ASSERT(close);
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    int (*suites[])(void) = { tests_calendar, tests_rng, tests_dist, tests_stats,
                              tests_scenario, tests_settings, tests_validation, tests_cli,
                              tests_outdir,
                              tests_stories, tests_experiment, tests_workforce, tests_plot, tests_customers,
                              tests_absence, tests_teaching, tests_trace, tests_golden };
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
        if (suites[i]() != 0) {
            fprintf(stderr, "cannot register suites: %s\n", CU_get_error_msg());
            CU_cleanup_registry();
            return 1;
        }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    if (argc > 1) {
        /* run one suite by name */
        CU_pSuite s = CU_get_suite(argv[1]);
        if (s == NULL) {
            fprintf(stderr, "no suite named %s\n", argv[1]);
            CU_cleanup_registry();
            return 1;
        }
        CU_basic_run_suite(s);
    } else {
        CU_basic_run_tests();
    }
    int failed = (int)CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed;
}
