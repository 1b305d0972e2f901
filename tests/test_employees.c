/*
 * test_employees.c -- employees differ (H1, H2) and each one's quits follow
 * their own satisfaction (E4, E5, T3), measured on a run from its employee
 * log (employees.csv), not on a static population.
 *
 * tests/data/workforce/links.cfg (one stage of 200 employees, no customers,
 * pressure below 1) runs five years at the defaults. On the cohort rows
 * (present at the start of a complete year) the annual quit rate and the
 * point-biserial correlation of satisfaction at the start of the year with
 * quitting within it are the run's estimates; their 95% intervals (Wilson
 * for the rate, Fisher's z for the correlation) must hold the calibration
 * targets of docs/model.md 3.3: 20% and -0.19 (Griffeth, Hom and Gaertner
 * 2000). A tighter labour market (T3) must make the link stronger: with
 * people also leaving for other reasons (10% a year), the market factor moves
 * the correlation down: from a slack market (half the calibrated factor) to
 * a tight one (twice), over twenty years each, by more than the two runs'
 * combined 95% margin (Fisher's z).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <gsl/gsl_statistics_double.h>

#include "spcsim/emplog.h"
#include "spcsim/run.h"
#include "tests.h"

#define LINKS "tests/data/workforce/links.cfg"
#define Z95 1.959963984540054

typedef struct {
    double n, rate, r, sd_s;
} cohort_t;

static cohort_t cohort(const char *const *sets, size_t nsets)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(LINKS, sets, nsets, &err);
    if (sc == NULL)
        fprintf(stderr, "\n  load: %s", err.msg);
    CU_ASSERT_FATAL(sc != NULL);
    spc_results res;
    spc_emplog log;
    spc_results_init(&res);
    spc_emplog_init(&log);
    CU_ASSERT_FATAL(spc_run_execute(sc, &(spc_run_request){ .out = &res, .employees = &log }, &err) == SPC_OK);
    double *s = malloc(log.n * sizeof *s), *q = malloc(log.n * sizeof *q);
    CU_ASSERT_FATAL(s != NULL && q != NULL);
    size_t n = 0;
    for (size_t i = 0; i < log.n; i++)
        if (log.rows[i].cohort) {
            s[n] = log.rows[i].s_start;
            q[n++] = log.rows[i].quit;
        }
    cohort_t c = { (double)n, gsl_stats_mean(q, 1, n), gsl_stats_correlation(s, 1, q, 1, n), gsl_stats_sd(s, 1, n) };
    free(s);
    free(q);
    spc_emplog_release(&log);
    spc_results_release(&res);
    spc_scenario_free(sc);
    return c;
}

static const char *const five_years[] = { "horizon=\"270w\"", "warmup=\"8w\"" };

static void test_quits_follow_each_ones_satisfaction(void)
{
    cohort_t c = cohort(five_years, 2);
    /* Wilson interval of the rate */
    double z2 = Z95 * Z95, centre = (c.rate + z2 / (2 * c.n)) / (1 + z2 / c.n);
    double half = Z95 * sqrt(c.rate * (1 - c.rate) / c.n + z2 / (4 * c.n * c.n)) / (1 + z2 / c.n);
    /* Fisher's z interval of the correlation */
    double zr = atanh(c.r), se = 1.0 / sqrt(c.n - 3);
    double lo = tanh(zr - Z95 * se), hi = tanh(zr + Z95 * se);
    int ok_rate = fabs(0.20 - centre) <= half, ok_r = lo <= -0.19 && -0.19 <= hi;
    if (!ok_rate || !ok_r || getenv("SPCSIM_TEST_VERBOSE") != NULL)
        fprintf(stderr, "\n  %.0f person-years: quit rate %.4f [%.4f, %.4f], r = %.4f [%.4f, %.4f], sd of S %.2f", c.n,
                c.rate, centre - half, centre + half, c.r, lo, hi, c.sd_s);
    CU_ASSERT(c.n > 500);
    CU_ASSERT(ok_rate);
    CU_ASSERT(ok_r);
    CU_ASSERT(c.sd_s > 8.0); /* colleagues differ (H1): not the < 1 point of a shared target */
}

static void test_tight_market_strengthens_the_link(void)
{
    const char *loose[] = { "horizon=\"1050w\"", "warmup=\"8w\"", "workforce.turnover.other=0.1",
                            "workforce.turnover.market=0.5" };
    const char *tight[] = { "horizon=\"1050w\"", "warmup=\"8w\"", "workforce.turnover.other=0.1",
                            "workforce.turnover.market=2.0" };
    cohort_t a = cohort(loose, 4), b = cohort(tight, 4);
    double d = atanh(a.r) - atanh(b.r), margin = Z95 * sqrt(1.0 / (a.n - 3) + 1.0 / (b.n - 3));
    if (!(d > margin) || getenv("SPCSIM_TEST_VERBOSE") != NULL)
        fprintf(stderr, "\n  market 0.5: r = %.4f (rate %.3f); market 2: r = %.4f (rate %.3f); z difference %.3f, "
                "margin %.3f", a.r, a.rate, b.r, b.rate, d, margin);
    CU_ASSERT(d > margin);
    CU_ASSERT(b.rate > a.rate);
}

int tests_employees(void)
{
    static const CU_TestInfo tests[] = {
        { "quits follow each one's satisfaction: 20% and r = -0.19 inside the run's intervals",
          test_quits_follow_each_ones_satisfaction },
        { "a tighter labour market makes the satisfaction-quit link stronger", test_tight_market_strengthens_the_link },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("employees", tests);
}
