/*
 * test_main.c -- the CUnit runner: every suite, basic interface, exit code =
 * number of failed tests (not CU_get_error, which only reports CUnit's own
 * errors). main() runs every suite or those named, then prints a table of
 * the suites with their times and the line "N passed, N failed".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <CUnit/Basic.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "spcsim/run.h"
#include "spcsim/text.h"
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

char *tests_write_resolved(const spc_scenario *sc, char *path, size_t size)
{
    snprintf(path, size, "/tmp/spcsim-resolved-XXXXXX");
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    FILE *f = fdopen(fd, "w");
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT_EQUAL(spc_scenario_write(sc, f), 0);
    CU_ASSERT_EQUAL(fclose(f), 0);
    return spc_text_read_file(path, NULL);
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

void tests_run_replications(const char *path, const char *const *sets, size_t n, unsigned reps, spc_experiment *x)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, sets, n, &err);
    if (sc == NULL)
        fprintf(stderr, "\n  load: %s", err.msg);
    CU_ASSERT_FATAL(sc != NULL);
    spc_experiment_opts o = { reps, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    if (spc_experiment_run(sc, &o, x, &err) != SPC_OK)
        fprintf(stderr, "\n  run: %s", err.msg);
    CU_ASSERT_FATAL(err.code == SPC_OK);
    spc_scenario_free(sc);
}

/* Every row of a's tables is b's, replication by replication. */
void tests_check_identical(const spc_experiment *a, const spc_experiment *b, const char *what)
{
    int same = 1;
    for (unsigned i = 0; i < a->n; i++)
        for (size_t k = 0; k < a->rep[i].n; k++) {
            const spc_result_row *r = &a->rep[i].rows[k];
            double v = tests_metric(&b->rep[i], r->scope, r->metric)->mean;
            if (!(v == r->e.mean || (isnan(v) && isnan(r->e.mean)))) {
                if (same)
                    fprintf(stderr, "\n  %s: %s/%s %.17g != %.17g (replication %u)", what, r->scope, r->metric,
                            v, r->e.mean, i);
                same = 0;
            }
        }
    CU_ASSERT(same);
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

double tests_one_sided(spc_estimate d, int sign)
{
    double df = d.n - 1;
    return d.mean - sign * (d.hi - d.mean) * gsl_cdf_tdist_Pinv(0.95, df) / gsl_cdf_tdist_Pinv(0.975, df);
}

void tests_check_side(const char *what, spc_estimate d, int sign)
{
    double bound = tests_one_sided(d, sign);
    int ok = sign * bound > 0;
    if (!ok || getenv("SPCSIM_TEST_VERBOSE"))
        fprintf(stderr, "\n  %s: %+.4g, one-sided 95%% bound %.4g (want %s)", what, d.mean, bound,
                sign < 0 ? "< 0" : "> 0");
    CU_ASSERT(ok);
}

/* Per-suite bookkeeping for the closing table (filled by the suite handlers). */
#define MAX_SUITES 64
static struct {
    const char *name;
    unsigned tests, failed;
    double seconds;
} suite_rows[MAX_SUITES];
static size_t nsuite_rows;
static unsigned tests_at_start, failed_at_start;
static double suite_t0;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void on_suite_start(const CU_pSuite s)
{
    (void)s;
    const CU_RunSummary *rs = CU_get_run_summary();
    tests_at_start = rs->nTestsRun;
    failed_at_start = rs->nTestsFailed;
    suite_t0 = now_seconds();
}

static void on_suite_complete(const CU_pSuite s, const CU_pFailureRecord f)
{
    (void)f;
    const CU_RunSummary *rs = CU_get_run_summary();
    if (s->fActive && nsuite_rows < MAX_SUITES) { /* not the suites left out */
        suite_rows[nsuite_rows].name = s->pName;
        suite_rows[nsuite_rows].tests = rs->nTestsRun - tests_at_start;
        suite_rows[nsuite_rows].failed = rs->nTestsFailed - failed_at_start;
        suite_rows[nsuite_rows].seconds = now_seconds() - suite_t0;
        nsuite_rows++;
    }
}

static void list_suites(FILE *to)
{
    CU_pTestRegistry reg = CU_get_registry();
    for (CU_pSuite s = reg->pSuite; s != NULL; s = s->pNext)
        fprintf(to, "%s%s", s->pName, s->pNext != NULL ? " " : "\n");
}

/* Activates the suites named in args (each a name, a comma-separated list of
 * names, or "all"), deactivates the others. No args: every suite. Returns 0,
 * or -1 after naming a suite that does not exist. */
static int select_suites(int nargs, char **args)
{
    CU_pTestRegistry reg = CU_get_registry();
    int all = nargs == 0;
    for (int i = 0; i < nargs; i++)
        if (strcmp(args[i], "all") == 0)
            all = 1;
    for (CU_pSuite s = reg->pSuite; s != NULL; s = s->pNext)
        CU_set_suite_active(s, all ? CU_TRUE : CU_FALSE);
    if (all)
        return 0;
    for (int i = 0; i < nargs; i++) {
        const char *p = args[i];
        while (*p != '\0') {
            size_t n = strcspn(p, ", ");
            if (n > 0) {
                char name[128];
                if (n >= sizeof name) n = sizeof name - 1;
                memcpy(name, p, n);
                name[n] = '\0';
                CU_pSuite s = CU_get_suite(name);
                if (s == NULL) {
                    fprintf(stderr, "run_tests: no suite named '%s'; the suites: ", name);
                    list_suites(stderr);
                    return -1;
                }
                CU_set_suite_active(s, CU_TRUE);
            }
            p += n;
            p += strspn(p, ", ");
        }
    }
    return 0;
}

static void print_table(void)
{
    unsigned tests = 0, failed = 0;
    double seconds = 0;
    printf("\n%-12s %6s %7s %9s\n", "suite", "tests", "failed", "seconds");
    for (size_t i = 0; i < nsuite_rows; i++) {
        printf("%-12s %6u %7u %9.2f\n", suite_rows[i].name, suite_rows[i].tests,
               suite_rows[i].failed, suite_rows[i].seconds);
        tests += suite_rows[i].tests;
        failed += suite_rows[i].failed;
        seconds += suite_rows[i].seconds;
    }
    printf("%-12s %6u %7u %9.2f\n", "total", tests, failed, seconds);
}

/*
 *   run_tests                  every suite
 *   run_tests NAME[,NAME...]   those suites (several arguments welcome; "all": every suite)
 *   run_tests --list           print the suites' names
 * Prints CUnit's verbose log, then a table of the suites run (tests, failed,
 * seconds) and the closing line "N passed, N failed". Exit code: the number
 * of failed tests (at most 255, never 0 when one failed); 1 on bad usage.
 */
int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    int (*suites[])(void) = { tests_calendar, tests_rng, tests_dist, tests_stats,
                              tests_scenario, tests_settings, tests_validation, tests_cli,
                              tests_outdir,
                              tests_stories, tests_experiment, tests_calibrate, tests_workforce, tests_plot, tests_story,
                              tests_customers, tests_absence, tests_employees, tests_pathways, tests_standards, tests_channels, tests_management, tests_teaching, tests_trace, tests_golden, tests_sensitivity, tests_sensrun,
                              tests_serve, tests_parts,
                              tests_fuzz, tests_pack };
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
        if (suites[i]() != 0) {
            fprintf(stderr, "cannot register suites: %s\n", CU_get_error_msg());
            CU_cleanup_registry();
            return 1;
        }
    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        list_suites(stdout);
        CU_cleanup_registry();
        return 0;
    }
    if (select_suites(argc - 1, argv + 1) != 0) {
        CU_cleanup_registry();
        return 1;
    }
    CU_set_fail_on_inactive(CU_FALSE); /* the suites not chosen are skipped, not failed */
    CU_set_suite_start_handler(on_suite_start);
    CU_set_suite_complete_handler(on_suite_complete);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_ErrorCode rc = CU_basic_run_tests();
    const CU_RunSummary *rs = CU_get_run_summary();
    unsigned run = rs->nTestsRun, failed = rs->nTestsFailed;
    print_table();
    if (rc != CUE_SUCCESS && failed == 0) {
        fprintf(stderr, "run_tests: CUnit error: %s\n", CU_get_error_msg());
        failed = 1;
    }
    if (run == 0) {
        fprintf(stderr, "run_tests: no test ran\n");
        failed = 1;
    }
    printf("%u passed, %u failed\n", run - rs->nTestsFailed, failed);
    fflush(stdout);
    CU_cleanup_registry();
    return failed > 255 ? 255 : (int)failed;
}
