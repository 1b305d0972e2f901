/*
 * test_stories.c -- the shipped scenarios tell the story they say they
 * tell. Each test runs a scenario and compares phases of its time series:
 * the mean of a column over the weeks of one phase against another, each
 * with its 95% interval over weeks; a story holds when the intervals do not
 * overlap in the documented direction.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "spcsim/run.h"
#include "spcsim/stats.h"
#include "tests.h"

/* Mean of a column for one scope over periods [from, to), with its interval. */
static spc_estimate phase(const spc_timeseries *ts, const char *scope, int col, long from, long to)
{
    double x[512];
    size_t n = 0;
    for (size_t i = 0; i < ts->n && n < 512; i++) {
        const spc_ts_row *r = &ts->rows[i];
        if (strcmp(r->scope, scope) == 0 && r->period >= from && r->period < to && isfinite(r->v[col]))
            x[n++] = r->v[col];
    }
    return spc_stats_interval(x, n, NAN);
}

/* a is above b, beyond both intervals. */
static void above(spc_estimate a, spc_estimate b, const char *what)
{
    int ok = a.lo > b.hi;
    if (!ok)
        fprintf(stderr, "\n  %s: %.4g [%.4g, %.4g] is not above %.4g [%.4g, %.4g]", what, a.mean, a.lo,
                a.hi, b.mean, b.lo, b.hi);
    CU_ASSERT(ok);
}

/* Sum of a column for one scope over periods [from, to). */
static double phase_sum(const spc_timeseries *ts, const char *scope, int col, long from, long to)
{
    double s = 0;
    for (size_t i = 0; i < ts->n; i++) {
        const spc_ts_row *r = &ts->rows[i];
        if (strcmp(r->scope, scope) == 0 && r->period >= from && r->period < to && isfinite(r->v[col]))
            s += r->v[col];
    }
    return s;
}

/* Counts x1 over t1 periods against x0 over t0: is the first rate higher?
 * Conditional on n = x1 + x0, x1 is binomial(n, t1/(t1+t0)) when the rates
 * are equal; the one-sided p-value must be below 5%. */
static void rate_above(double x1, double t1, double x0, double t0, const char *what)
{
    double n = x1 + x0, p0 = t1 / (t1 + t0);
    double pvalue = x1 > 0 ? gsl_cdf_binomial_Q((unsigned)(x1 - 1), p0, (unsigned)n) : 1.0;
    if (!(pvalue < 0.05))
        fprintf(stderr, "\n  %s: %g in %g periods vs %g in %g: p = %.3g", what, x1, t1, x0, t0, pvalue);
    CU_ASSERT(pvalue < 0.05);
}

static void test_understaffed_spiral(void)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("scenarios/understaffed.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_results res;
    spc_timeseries ts;
    spc_results_init(&res);
    spc_timeseries_init(&ts);
    CU_ASSERT_EQUAL_FATAL(spc_run_execute(sc, &(spc_run_request){ .out = &res, .ts = &ts }, &err), SPC_OK);
    const char *bo = "back_office";
    /* before the cut: weeks 4-26; during: 30-78; after the restore: 90-130 */
    above(phase(&ts, bo, SPC_TS_PRESSURE, 30, 78), phase(&ts, bo, SPC_TS_PRESSURE, 4, 26), "pressure rises");
    above(phase(&ts, bo, SPC_TS_ERRORS, 30, 78), phase(&ts, bo, SPC_TS_ERRORS, 4, 26), "errors rise");
    above(phase(&ts, bo, SPC_TS_SATISFACTION, 4, 26), phase(&ts, bo, SPC_TS_SATISFACTION, 40, 78),
          "satisfaction falls");
    /* quits are rare events: pool four replications */
    double during = phase_sum(&ts, bo, SPC_TS_QUITS, 30, 78), before = phase_sum(&ts, bo, SPC_TS_QUITS, 0, 26);
    for (unsigned rep = 1; rep < 4; rep++) {
        spc_timeseries more;
        spc_results r;
        spc_timeseries_init(&more);
        spc_results_init(&r);
        CU_ASSERT_EQUAL(spc_run_execute(sc, &(spc_run_request){ .replication = rep, .out = &r, .ts = &more }, &err), SPC_OK);
        during += phase_sum(&more, bo, SPC_TS_QUITS, 30, 78);
        before += phase_sum(&more, bo, SPC_TS_QUITS, 0, 26);
        spc_timeseries_release(&more);
        spc_results_release(&r);
    }
    rate_above(during, 48, before, 26, "quits rise");
    above(phase(&ts, bo, SPC_TS_FATIGUE, 30, 78), phase(&ts, bo, SPC_TS_FATIGUE, 4, 26), "fatigue rises");
    /* the standard erodes and does not come back: errors stay up */
    above(phase(&ts, bo, SPC_TS_STANDARD, 0, 26), phase(&ts, bo, SPC_TS_STANDARD, 90, 130), "standard erodes");
    above(phase(&ts, bo, SPC_TS_ERRORS, 90, 130), phase(&ts, bo, SPC_TS_ERRORS, 4, 26), "errors persist");
    spc_estimate last = phase(&ts, bo, SPC_TS_STANDARD, 125, 130);
    CU_ASSERT(last.mean < 0.95);
    spc_timeseries_release(&ts);
    spc_results_release(&res);
    spc_scenario_free(sc);
}

static const CU_TestInfo tests[] = {
    { "understaffed: the spiral, and the standard's lasting erosion", test_understaffed_spiral },
    CU_TEST_INFO_NULL
};

int tests_stories(void) { return tests_add_suite("stories", tests); }
