/*
 * test_experiment.c -- replications: the arithmetic of combining them, and
 * byte-for-byte the same results whatever the number of threads.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>

#include <gsl/gsl_statistics_double.h>

#include "spcsim/calibrate.h"
#include "spcsim/chaindecomp.h"
#include "spcsim/chainprofit.h"
#include "spcsim/chaindose.h"
#include "spcsim/chainstudy.h"
#include "spcsim/chaintime.h"
#include "spcsim/compare.h"
#include "spcsim/cost.h"
#include "spcsim/experiment.h"
#include "spcsim/lever.h"
#include "spcsim/sweep.h"
#include "spcsim/warmup.h"
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
        spc_experiment_opts o = { 6, 0, j + 1, 0, NULL, NULL, 0, 0, 0 };
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
    spc_experiment_opts o = { 3, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x, &err), SPC_OK);
    spc_results one;
    spc_results_init(&one);
    CU_ASSERT_EQUAL(spc_run_execute(sc, &(spc_run_request){ .replication = 2, .out = &one }, &err), SPC_OK);
    CU_ASSERT(same_results(&one, &x.rep[2]));
    spc_results_release(&one);
    spc_experiment_release(&x);
    spc_scenario_free(sc);
}

/* Rows equal field by field (the struct has padding), NaN equal to NaN. */
static int same_panel_rows(const spc_panel_row *a, const spc_panel_row *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].unit != b[i].unit || a[i].period != b[i].period ||
            memcmp(&a[i].time, &b[i].time, sizeof a[i].time) != 0 || memcmp(a[i].v, b[i].v, sizeof a[i].v) != 0)
            return 0;
    return 1;
}

/* A company's units share the pool with the replications: 2 replications
 * of 3 units on 1, 2 and 4 threads give the same tables, series and
 * panels; unit 1 of replication 1 is the single run of that unit, and its
 * panel rows are the company's, in unit order. */
static void test_company_units_on_the_pool(void)
{
    const char *sets[] = { "units.count=3", "units.management_sd=3.0", "horizon=\"8w\"" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("tests/data/customers/small.cfg", sets, 3, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_experiment x[3];
    const unsigned jobs[3] = { 1, 2, 4 };
    for (unsigned j = 0; j < 3; j++) {
        spc_experiment_opts o = { 2, 0, jobs[j], 0, NULL, NULL, 0, 0, 0 };
        CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x[j], &err), SPC_OK);
    }
    CU_ASSERT_EQUAL(x[0].jobs, 1);
    CU_ASSERT_EQUAL(x[2].jobs, 4); /* more threads than replications: the units use them */
    for (unsigned j = 1; j < 3; j++)
        for (unsigned r = 0; r < 2; r++) {
            CU_ASSERT(same_results(&x[0].rep[r], &x[j].rep[r]));
            CU_ASSERT(x[0].rep_ts[r].n > 0 && x[0].rep_ts[r].n == x[j].rep_ts[r].n &&
                      memcmp(x[0].rep_ts[r].rows, x[j].rep_ts[r].rows, x[0].rep_ts[r].n * sizeof(spc_ts_row)) == 0);
            CU_ASSERT(x[0].rep_panel[r].n > 0 && x[0].rep_panel[r].n == x[j].rep_panel[r].n &&
                      same_panel_rows(x[0].rep_panel[r].rows, x[j].rep_panel[r].rows, x[0].rep_panel[r].n));
            CU_ASSERT_EQUAL(x[0].info[r].events, x[j].info[r].events);
        }
    spc_results one;
    spc_panel p;
    spc_run_info info;
    spc_results_init(&one);
    spc_panel_init(&p);
    spc_run_request req = { .replication = 1, .unit = 1, .out = &one, .panel = &p, .info = &info };
    CU_ASSERT_EQUAL_FATAL(spc_run_execute(sc, &req, &err), SPC_OK);
    size_t per_unit = x[0].rep_panel[1].n / 3;
    CU_ASSERT_EQUAL(p.n, per_unit);
    CU_ASSERT(p.n > 0 && same_panel_rows(p.rows, x[0].rep_panel[1].rows + per_unit, p.n));
    CU_ASSERT(info.events > 0 && info.events < x[0].info[1].events);
    /* a unit the company does not have is an error, not a run */
    req.unit = 3;
    CU_ASSERT_NOT_EQUAL(spc_run_execute(sc, &req, &err), SPC_OK);
    spc_results_release(&one);
    spc_panel_release(&p);
    for (unsigned j = 0; j < 3; j++)
        spc_experiment_release(&x[j]);
    spc_scenario_free(sc);
}

/* c's compare.csv (its one variant named "v", times in h); free it. */
static char *compare_csv(const spc_compare *c)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    const char *names[] = { "v" };
    spc_compare_write_csv(f, c, names, "h");
    fclose(f);
    return text;
}

/* Paired arithmetic: base 1,2,3 and variant 2,4,6 give d = 1,2,3. */
static void test_compare_arithmetic(void)
{
    spc_results b[3], v[3];
    for (int r = 0; r < 3; r++) {
        spc_results_init(&b[r]);
        spc_results_init(&v[r]);
        spc_results_add(&b[r], "system", "m", (spc_estimate){ r + 1.0, NAN, NAN, 1 });
        spc_results_add(&v[r], "system", "m", (spc_estimate){ 2.0 * (r + 1), NAN, NAN, 1 });
    }
    const spc_results *vars[] = { v };
    spc_compare c;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_compare_tables(b, vars, 1, 3, &c, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(c.n, 1);
    double hw = gsl_cdf_tdist_Pinv(0.975, 2) * 1.0 / sqrt(3.0);
    CU_ASSERT_DOUBLE_EQUAL(c.rows[0].diff.mean, 2.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(c.rows[0].diff.lo, 2.0 - hw, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(c.rows[0].rel.mean, 1.0, 1e-12);     /* 2 / mean(base) = 2 / 2 */
    CU_ASSERT_DOUBLE_EQUAL(c.rows[0].crn_ratio, 5.0, 1e-12);    /* (1 + 4) / 1 */
    CU_ASSERT_EQUAL(c.rows[0].significant, 0);               /* 2 - 2.48 < 0 */
    /* the base's own interval, 2 +- 2.48, includes 0: compare.csv leaves
     * the relative change out, as not defined */
    CU_ASSERT_EQUAL(spc_compare_rel_defined(&c.rows[0]), 0);
    char *text = compare_csv(&c);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, ",difference,2,4,2,")); /* compared as a difference */
    CU_ASSERT_PTR_NOT_NULL(strstr(text, ",,,no,5,3\n"));           /* the relative change empty, not nan */
    CU_ASSERT_PTR_NULL(strstr(text, "nan"));
    free(text);
    spc_compare_release(&c);
    for (int r = 0; r < 3; r++) {
        spc_results_release(&b[r]);
        spc_results_release(&v[r]);
    }
}

/* A constant difference: v_r = b_r + 0.1 in doubles differs from 0.1 by an
 * ulp or two, so Var d is rounding (about 1.7e-29) and (Var b + Var v) /
 * Var d some 3e30; the CRN ratio is not defined there (NaN, written
 * empty). A spread of 10^-6, far above rounding, keeps it defined. */
static void test_crn_ratio_constant_difference(void)
{
    static const double base[3] = { 60.1, 65.3, 70.7 };
    spc_results b[3], v[3];
    double d[3];
    for (int r = 0; r < 3; r++) {
        spc_results_init(&b[r]);
        spc_results_init(&v[r]);
        spc_results_add(&b[r], "system", "shifted", (spc_estimate){ base[r], NAN, NAN, 1 });
        spc_results_add(&v[r], "system", "shifted", (spc_estimate){ base[r] + 0.1, NAN, NAN, 1 });
        spc_results_add(&b[r], "system", "spread", (spc_estimate){ base[r], NAN, NAN, 1 });
        spc_results_add(&v[r], "system", "spread", (spc_estimate){ base[r] + 0.1 + 1e-6 * r, NAN, NAN, 1 });
        d[r] = (base[r] + 0.1) - base[r];
    }
    CU_ASSERT(gsl_stats_variance(d, 1, 3) > 0); /* the case: rounding, not an exact 0 */
    const spc_results *vars[] = { v };
    spc_compare c;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_compare_tables(b, vars, 1, 3, &c, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(c.n, 2);
    const spc_compare_row *shifted = strcmp(c.rows[0].metric, "shifted") == 0 ? &c.rows[0] : &c.rows[1];
    const spc_compare_row *spread = shifted == &c.rows[0] ? &c.rows[1] : &c.rows[0];
    CU_ASSERT(isnan(shifted->crn_ratio));
    CU_ASSERT_DOUBLE_EQUAL(shifted->diff.mean, 0.1, 1e-12);
    /* d = 0.1, 0.1 + 1e-6, 0.1 + 2e-6: Var d = 1e-12; Var v = Var b (to 1e-6) */
    double vb = gsl_stats_variance(base, 1, 3);
    CU_ASSERT(isfinite(spread->crn_ratio));
    CU_ASSERT_DOUBLE_EQUAL(spread->crn_ratio / (2 * vb / 1e-12), 1.0, 1e-6);
    char *text = compare_csv(&c);
    const char *line = strstr(text, "\nv,system,shifted,"), *eol = line ? strchr(line + 1, '\n') : NULL;
    CU_ASSERT_FATAL(eol != NULL && eol - line > 7);
    CU_ASSERT_NSTRING_EQUAL(eol - 7, ",yes,,3", 7); /* significant, the ratio empty */
    free(text);
    spc_compare_release(&c);
    for (int r = 0; r < 3; r++) {
        spc_results_release(&b[r]);
        spc_results_release(&v[r]);
    }
}

/* The variance of the per-replication differences of one metric. */
static double diff_variance(const spc_experiment *a, const spc_experiment *b, const char *scope, const char *metric)
{
    double d[64];
    for (unsigned r = 0; r < a->n && r < 64; r++)
        d[r] = spc_results_find(&b->rep[r], scope, metric)->e.mean - spc_results_find(&a->rep[r], scope, metric)->e.mean;
    return gsl_stats_variance(d, 1, a->n);
}

/* A known case: a 5% faster service at the second stage of the tandem. With
 * common random numbers the difference in lead time varies far less than
 * with independent streams (F test of the two variances, 5%). */
static void test_crn_reduces_variance(void)
{
    const char *base[] = { "horizon=300.0" }, *var[] = { "horizon=300.0", "stages.[1].service.mean=0.38" };
    const char *indep[] = { "horizon=300.0", "stages.[1].service.mean=0.38", "seed=987654L" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sb = spc_scenario_load("scenarios/validation/tandem3.cfg", base, 1, &err);
    spc_scenario *sv = spc_scenario_load("scenarios/validation/tandem3.cfg", var, 2, &err);
    spc_scenario *si = spc_scenario_load("scenarios/validation/tandem3.cfg", indep, 3, &err);
    CU_ASSERT_FATAL(sb && sv && si);
    spc_experiment xb, xv, xi;
    spc_experiment_opts o = { 30, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sb, &o, &xb, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sv, &o, &xv, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(si, &o, &xi, &err), SPC_OK);
    double crn = diff_variance(&xb, &xv, "system", "lead_time_mean");
    double ind = diff_variance(&xb, &xi, "system", "lead_time_mean");
    double fcrit = gsl_cdf_fdist_Pinv(0.95, 29, 29);
    if (!(ind / crn > fcrit))
        fprintf(stderr, "\n  CRN variance %.4g vs independent %.4g (ratio %.3g, F crit %.3g)", crn, ind, ind / crn, fcrit);
    CU_ASSERT(ind / crn > fcrit);
    spc_experiment_release(&xb);
    spc_experiment_release(&xv);
    spc_experiment_release(&xi);
    spc_scenario_free(sb);
    spc_scenario_free(sv);
    spc_scenario_free(si);
}

/* A sweep point is exactly the separate run at that point. */
static void test_sweep_point_is_a_run(void)
{
    spc_sweep_param p;
    spc_sweep s;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_sweep_parse("arrivals.rate=3.0,\"4.5/h\"", &p, &err), SPC_OK);
    CU_ASSERT_EQUAL(p.n, 2);
    const char *sets[] = { "horizon=400.0" };
    spc_experiment_opts o = { 4, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_sweep_run("scenarios/validation/tandem3.cfg", sets, 1, &p, 1, &o, &s, &err), SPC_OK);
    CU_ASSERT_EQUAL(s.npoints, 2);
    const char *one[] = { "horizon=400.0", "arrivals.rate=\"4.5/h\"" };
    spc_scenario *sc = spc_scenario_load("scenarios/validation/tandem3.cfg", one, 2, &err);
    spc_experiment x;
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x, &err), SPC_OK);
    CU_ASSERT(same_results(&s.results[1], &x.combined));
    CU_ASSERT(!same_results(&s.results[0], &x.combined));
    spc_experiment_release(&x);
    spc_scenario_free(sc);
    spc_sweep_release(&s);
    /* values split at top-level commas only */
    CU_ASSERT_EQUAL_FATAL(spc_sweep_parse("stages.[0].service={ dist = \"gamma\"; mean = 0.2; cv = 0.5; },[1, 2]", &p, &err), SPC_OK);
    CU_ASSERT_EQUAL(p.n, 2);
    spc_sweep_run("no-such-file.cfg", NULL, 0, &p, 1, &o, &s, &err); /* fails; s owns p */
    spc_sweep_release(&s);
    spc_error_clear(&err);
    CU_ASSERT_NOT_EQUAL(spc_sweep_parse("noequals", &p, &err), SPC_OK);
}

/* Over 1000 independent experiments of 10 replications each on M/M/1 at
 * rho = 0.5 (Wq = 1), the 95% t interval covers Wq in 93-97% of them (the
 * binomial sd of the coverage is 0.7%). */
static void test_interval_coverage(void)
{
    unsigned covered = 0, trials = 1000;
    spc_error err;
    for (unsigned k = 0; k < trials; k++) {
        char seed[32];
        snprintf(seed, sizeof seed, "seed=%uL", 1000 + k);
        const char *sets[] = { "arrivals.rate=0.5", "horizon=5000.0", "warmup=200.0", seed };
        spc_error_clear(&err);
        spc_scenario *sc = spc_scenario_load("scenarios/validation/mm1.cfg", sets, 4, &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
        spc_experiment x;
        spc_experiment_opts o = { 10, 0, 2, 0, NULL, NULL, 0, 0, 0 };
        CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x, &err), SPC_OK);
        const spc_result_row *w = spc_results_find(&x.combined, "server", "wait_mean");
        covered += w->e.lo <= 1.0 && 1.0 <= w->e.hi;
        spc_experiment_release(&x);
        spc_scenario_free(sc);
    }
    double p = (double)covered / trials;
    if (p < 0.93 || p > 0.97 || getenv("SPCSIM_TEST_VERBOSE"))
        fprintf(stderr, "\n  coverage %.3f", p);
    CU_ASSERT(p >= 0.93 && p <= 0.97);
}

/* Precision mode stops once the half-width is small enough, and the number
 * of replications does not depend on the number of threads. */
static void test_precision_mode(void)
{
    const char *sets[] = { "horizon=\"2w\"" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("scenarios/default.cfg", sets, 1, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_precision t = { "system", "lead_time_mean", 0.03, 500 };
    spc_experiment a, b;
    spc_experiment_opts o1 = { 1, 0, 1, 0, NULL, NULL, 0, 0, 0 }, o2 = { 1, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run_precision(sc, &o1, &t, &a, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run_precision(sc, &o2, &t, &b, &err), SPC_OK);
    const spc_result_row *r = spc_results_find(&a.combined, "system", "lead_time_mean");
    CU_ASSERT(0.5 * (r->e.hi - r->e.lo) <= 0.03 * r->e.mean);
    CU_ASSERT(a.n > 10 && a.n < 500);
    CU_ASSERT_EQUAL(a.n, b.n);
    CU_ASSERT(same_results(&a.combined, &b.combined));
    /* one replication fewer would not have been precise enough at the last step */
    spc_experiment_release(&a);
    spc_experiment_release(&b);
    t.metric = "no_such_metric";
    CU_ASSERT_NOT_EQUAL(spc_experiment_run_precision(sc, &o1, &t, &a, &err), SPC_OK);
    spc_experiment_release(&a);
    spc_scenario_free(sc);
}

/* Welch's moving average and MSER-5 on a known series: a ramp over the
 * first 20 periods, then flat with alternating noise. */
static void test_welch_and_mser(void)
{
    spc_timeseries ts[2];
    for (int r = 0; r < 2; r++) {
        spc_timeseries_init(&ts[r]);
        for (long i = 0; i < 200; i++) {
            spc_ts_row *row = spc_timeseries_add(&ts[r], i, 10.0 * (i + 1), "system");
            double level = i < 20 ? i / 20.0 : 1.0;
            row->v[SPC_TS_LEAD_TIME] = level + (r == 0 ? 0.01 : -0.01) * ((i % 2) ? 1 : -1);
        }
    }
    spc_warmup w;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_warmup_analyse(ts, 2, "system", SPC_TS_LEAD_TIME, 3, &w, &err), SPC_OK);
    CU_ASSERT_EQUAL(w.m, 200);
    CU_ASSERT_DOUBLE_EQUAL(w.mean[5], 5 / 20.0, 1e-12);             /* the replications' noise cancels */
    CU_ASSERT_DOUBLE_EQUAL(w.moving[0], w.mean[0], 1e-12);           /* window 0 at the start */
    CU_ASSERT_DOUBLE_EQUAL(w.moving[1], (w.mean[0] + w.mean[1] + w.mean[2]) / 3, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(w.moving[100], 1.0, 1e-12);
    CU_ASSERT(isnan(w.moving[198]));                                /* beyond m - w */
    CU_ASSERT(w.suggested >= 10.0 * 15 && w.suggested <= 10.0 * 25); /* the ramp ends at period 20 */
    spc_warmup_release(&w);
    CU_ASSERT_NOT_EQUAL(spc_warmup_analyse(ts, 2, "nowhere", SPC_TS_LEAD_TIME, 3, &w, &err), SPC_OK);
    spc_warmup_release(&w);
    for (int r = 0; r < 2; r++)
        spc_timeseries_release(&ts[r]);
}

/* Calibration recovers known settings: outputs produced at an arrival rate
 * of 3.5/h and an assembly mean of 0.35 h are the targets; the search,
 * started mid-range, must find both. With common random numbers the
 * targets are exactly the outputs at the known point, so the minimum is
 * there; the simplex stops at a size of 1e-3 in the logistic variable,
 * about 2.5e-4 of the range: 1% of the value is a generous bound. */
static void test_calibration_recovers_known_values(void)
{
    const char *known[] = { "horizon=1000.0", "replications=8", "arrivals.rate=3.5", "stages.[1].service.mean=0.35" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("scenarios/validation/tandem3.cfg", known, 4, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_experiment x;
    spc_experiment_opts o = { 8, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x, &err), SPC_OK);
    char t1[128], t2[128];
    snprintf(t1, sizeof t1, "system/lead_time_mean=%.17g", spc_results_find(&x.combined, "system", "lead_time_mean")->e.mean);
    snprintf(t2, sizeof t2, "intake/utilization=%.17g", spc_results_find(&x.combined, "intake", "utilization")->e.mean);
    spc_experiment_release(&x);
    spc_scenario_free(sc);
    spc_calibration c;
    memset(&c, 0, sizeof c);
    CU_ASSERT_EQUAL(spc_calibration_add_target(&c, t1, &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibration_add_target(&c, t2, &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibration_add_free(&c, "arrivals.rate=2.0:4.5", &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibration_add_free(&c, "stages.[1].service.mean=0.2:0.45", &err), SPC_OK);
    c.size_tol = 1e-3;
    spc_calibration_result r;
    const char *base[] = { "horizon=1000.0", "replications=8" };
    CU_ASSERT_EQUAL_FATAL(spc_calibrate_one("scenarios/validation/tandem3.cfg", base, 2, &c, &o, &r, NULL, &err), SPC_OK);
    if (fabs(r.x[0] / 3.5 - 1) > 0.01 || fabs(r.x[1] / 0.35 - 1) > 0.01 || getenv("SPCSIM_TEST_VERBOSE"))
        fprintf(stderr, "\n  calibrated rate %.6g (3.5), mean %.6g (0.35), %u iterations", r.x[0], r.x[1], r.iterations);
    CU_ASSERT(r.met);
    CU_ASSERT(fabs(r.x[0] / 3.5 - 1) <= 0.01);
    CU_ASSERT(fabs(r.x[1] / 0.35 - 1) <= 0.01);
    /* bad arguments */
    CU_ASSERT_NOT_EQUAL(spc_calibration_add_free(&c, "x=3:1", &err), SPC_OK);
    spc_error_clear(&err);
    CU_ASSERT_NOT_EQUAL(spc_calibration_add_target(&c, "nometric=1", &err), SPC_OK);
    spc_calibration_release(&c);
}

/* The chain table on fixed replication results: ESAT 70, 71, 72 in the
 * base and 73.5, 74.55, 75.6 in the variant (+5% each), CSAT +1 point on
 * 80, profit +0.5% of 1000, 1100, 1200. Differences, relative changes
 * and paired t intervals by hand. */
static void test_chain_table_arithmetic(void)
{
    const double esat_b[] = { 70, 71, 72 }, esat_v[] = { 73.5, 74.55, 75.6 };
    const double csat_b[] = { 80, 80, 80 }, csat_v[] = { 80.6, 80.8, 81.0 };
    const double prof_b[] = { 1000, 1100, 1200 }, prof_v[] = { 1005, 1105.5, 1206 };
    spc_results b[3], v[3];
    for (int r = 0; r < 3; r++) {
        spc_results_init(&b[r]);
        spc_results_init(&v[r]);
        spc_results_add(&b[r], "customers", "esat", (spc_estimate){ esat_b[r], NAN, NAN, 1 });
        spc_results_add(&v[r], "customers", "esat", (spc_estimate){ esat_v[r], NAN, NAN, 1 });
        spc_results_add(&b[r], "customers", "csat", (spc_estimate){ csat_b[r], NAN, NAN, 1 });
        spc_results_add(&v[r], "customers", "csat", (spc_estimate){ csat_v[r], NAN, NAN, 1 });
        spc_results_add(&b[r], "finance", "profit", (spc_estimate){ prof_b[r], NAN, NAN, 1 });
        spc_results_add(&v[r], "finance", "profit", (spc_estimate){ prof_v[r], NAN, NAN, 1 });
    }
    spc_chainstudy_table t = { 0 };
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_chainstudy_table_make(b, v, 3, &t, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(t.n, 3); /* the measures present, in the table's order */
    double tq = gsl_cdf_tdist_Pinv(0.975, 2.0);
    /* ESAT: d = 3.5, 3.55, 3.6: mean 3.55, sd 0.05; relative to the base mean 71 */
    CU_ASSERT_STRING_EQUAL(t.rows[0].m->metric, "esat");
    CU_ASSERT_DOUBLE_EQUAL(t.rows[0].diff.mean, 3.55, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(t.rows[0].diff.hi - t.rows[0].diff.mean, tq * 0.05 / sqrt(3.0), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(t.rows[0].rel.mean, 100.0 * 3.55 / 71.0, 1e-12);
    CU_ASSERT(t.rows[0].significant);
    /* CSAT: d = 0.6, 0.8, 1.0: mean 0.8 (1% of 80), sd 0.2 */
    CU_ASSERT_STRING_EQUAL(t.rows[1].m->metric, "csat");
    CU_ASSERT_DOUBLE_EQUAL(t.rows[1].diff.mean, 0.8, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(t.rows[1].rel.mean, 1.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(t.rows[1].rel.lo, 100.0 * (0.8 - tq * 0.2 / sqrt(3.0)) / 80.0, 1e-12);
    /* profit: d = 5, 5.5, 6: mean 5.5 on 1100 = 0.5% */
    CU_ASSERT_STRING_EQUAL(t.rows[2].m->metric, "profit");
    CU_ASSERT_DOUBLE_EQUAL(t.rows[2].rel.mean, 0.5, 1e-12);
    for (int r = 0; r < 3; r++) {
        spc_results_release(&b[r]);
        spc_results_release(&v[r]);
    }
    /* slopes across units: impression = 20 + 0.26 ESAT exactly, growth =
     * 0.385 impression - 29 with known scatter */
    spc_panel p;
    spc_panel_init(&p);
    for (uint32_t u = 0; u < 6; u++)
        for (long k = 0; k < 4; k++) {
            spc_panel_row *row = spc_panel_add(&p, u, k, 10.0 * (double)(k + 1));
            double e = 60 + 3.0 * u, imp = 20 + 0.26 * e;
            row->v[SPC_P_ESAT] = e;
            row->v[SPC_P_IMPRESSION] = imp;
            row->v[SPC_P_CSAT] = imp;
            /* revenue: first two periods 100, last two 100 (1 + g/100) */
            double g = 0.385 * imp - 29.0;
            row->v[SPC_P_REVENUE] = k < 2 ? 100.0 : 100.0 * (1.0 + g / 100.0);
        }
    CU_ASSERT_EQUAL(spc_chainstudy_slopes(&p, 1, 0.0, &t, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(t.nslopes, 3);
    CU_ASSERT_DOUBLE_EQUAL(t.slopes[0].slope, 0.26, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(t.slopes[1].slope, 0.385, 1e-9);
    CU_ASSERT(t.slopes[0].se < 1e-6 && t.slopes[0].n == 6);
    spc_panel_release(&p);
    /* chain.csv: significance as yes/no (as compare.csv), the lever's path in its row's scope */
    t.lever = "workforce.levers.recognition";
    t.lever_base = 0.5;
    t.lever_variant = 0.75;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CU_ASSERT_FATAL(f != NULL);
    spc_chainstudy_write_csv(f, &t);
    fclose(f);
    CU_ASSERT(strncmp(text, "kind,scope,metric,base,variant,diff,diff_ci95_low,diff_ci95_high,rel_pct,rel_ci95_low,"
                            "rel_ci95_high,significant,n\nchange,customers,esat,71,74.55,3.55,", 114) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, ",yes,3\nchange,customers,csat,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\nlever,workforce.levers.recognition,value,0.5,0.75,0.25,,,50,,,,\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\nslope,units,impression_on_esat,20,,0.26"));
    for (const char *line = text; *line; line = strchr(line, '\n') + 1) { /* 13 fields on every line */
        int commas = 0;
        for (const char *c = line; *c != '\n'; c++)
            commas += *c == ',';
        CU_ASSERT_EQUAL(commas, 12);
    }
    free(text);
}

/* The decomposition on made-up replications of one measure (CSAT) with
 * known parts: the base b_r; all blind b_r + 0.1 (the direct part); only p
 * adding a_p (+ r/10 noise for p = 0) to that; the full variant adding
 * every a_p plus an interaction of 0.5 (+ r/20); "without p" the full
 * minus a_p. (D0)-(D4) by hand, the blind lists, and chain.csv's rows
 * (13 fields each). */
static void test_chain_decomposition_arithmetic(void)
{
    enum { N = 4 };
    const double a[SPC_NPATHWAYS] = { 0.4, 0.3, 0.2, 0.1, 0.0 };
    spc_results b[N], full[N], all[N], w[SPC_NPATHWAYS][N], o[SPC_NPATHWAYS][N];
    for (int r = 0; r < N; r++) {
        double base = 80 + r, blind = base + 0.1, sum = 0;
        for (unsigned p = 0; p < SPC_NPATHWAYS; p++)
            sum += a[p] + (p == 0 ? r / 10.0 : 0);
        double f = blind + sum + 0.5 + r / 20.0;
        spc_results_init(&b[r]);
        spc_results_init(&full[r]);
        spc_results_init(&all[r]);
        spc_results_add(&b[r], "customers", "csat", (spc_estimate){ base, NAN, NAN, 1 });
        spc_results_add(&full[r], "customers", "csat", (spc_estimate){ f, NAN, NAN, 1 });
        spc_results_add(&all[r], "customers", "csat", (spc_estimate){ blind, NAN, NAN, 1 });
        for (unsigned p = 0; p < SPC_NPATHWAYS; p++) {
            double ap = a[p] + (p == 0 ? r / 10.0 : 0);
            spc_results_init(&w[p][r]);
            spc_results_init(&o[p][r]);
            spc_results_add(&w[p][r], "customers", "csat", (spc_estimate){ f - ap, NAN, NAN, 1 });
            spc_results_add(&o[p][r], "customers", "csat", (spc_estimate){ blind + ap, NAN, NAN, 1 });
        }
    }
    const spc_results *wp[SPC_NPATHWAYS], *op[SPC_NPATHWAYS];
    for (unsigned p = 0; p < SPC_NPATHWAYS; p++)
        wp[p] = w[p], op[p] = o[p];
    spc_chaindecomp_table t;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_chaindecomp_table_make(b, full, all, wp, op, N, &t, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(t.n, 1);
    const spc_chaindecomp_row *row = &t.rows[0];
    CU_ASSERT_STRING_EQUAL(row->m->metric, "csat");
    CU_ASSERT_DOUBLE_EQUAL(row->base, 81.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(row->direct.mean, 0.1, 1e-12);
    /* pathway 0: 0.4 + r/10, mean 0.55, sd of (0, .1, .2, .3) */
    double tq = gsl_cdf_tdist_Pinv(0.975, N - 1.0), sd = sqrt(0.05 / 3.0);
    CU_ASSERT_DOUBLE_EQUAL(row->alone[0].mean, 0.55, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(row->alone[0].hi - 0.55, tq * sd / 2.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(row->removed[0].mean, 0.55, 1e-12);
    for (unsigned p = 1; p < SPC_NPATHWAYS; p++) {
        CU_ASSERT_DOUBLE_EQUAL(row->alone[p].mean, a[p], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(row->removed[p].hi, a[p], 1e-12); /* no noise: a zero-width interval */
    }
    /* total = 0.1 + 1 + 0.5 + 0.15 r (mean r 1.5); interaction: total - 0.1 - 1.15 = 0.5 + r/20 both ways */
    CU_ASSERT_DOUBLE_EQUAL(row->total.mean, 1.825, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(row->inter_alone.mean, 0.575, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(row->inter_removed.mean, 0.575, 1e-12);
    CU_ASSERT(row->inter_alone.lo > 0);
    char set[SPC_NPATHWAYS][48];
    CU_ASSERT_EQUAL(spc_chaindecomp_blind(1, 0, set), 1);
    CU_ASSERT_STRING_EQUAL(set[0], "workforce.pathways.blind_speed=true");
    CU_ASSERT_EQUAL(spc_chaindecomp_blind(1, 1, set), 4);
    CU_ASSERT_STRING_EQUAL(set[0], "workforce.pathways.blind_courtesy=true");
    CU_ASSERT_STRING_EQUAL(set[3], "workforce.pathways.blind_recovery=true");
    CU_ASSERT_EQUAL(spc_chaindecomp_blind(SPC_NPATHWAYS, 1, set), SPC_NPATHWAYS);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CU_ASSERT_FATAL(f != NULL);
    spc_chaindecomp_write_csv(f, &t);
    fclose(f);
    CU_ASSERT(strncmp(text, "direct,all_blind,csat,81.5,81.6,0.1,", 36) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\npathway,courtesy,csat,81.6,82.15,0.55,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\npathway_removed,speed,csat,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\ninteraction,alone,csat,81.6,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\ninteraction,removed,csat,81.6,"));
    int lines = 0;
    for (const char *line = text; *line; line = strchr(line, '\n') + 1, lines++) {
        int commas = 0;
        for (const char *c = line; *c != '\n'; c++)
            commas += *c == ',';
        CU_ASSERT_EQUAL(commas, 12);
    }
    CU_ASSERT_EQUAL(lines, 2 * SPC_NPATHWAYS + 3);
    free(text);
    for (int r = 0; r < N; r++) {
        spc_results_release(&b[r]);
        spc_results_release(&full[r]);
        spc_results_release(&all[r]);
        for (unsigned p = 0; p < SPC_NPATHWAYS; p++) {
            spc_results_release(&w[p][r]);
            spc_results_release(&o[p][r]);
        }
    }
}

/* The profit forms on made-up replications: profits 2000, 2200, 2400 over
 * half a year, +10, +12, +14 in the variant; 100 customers and 10
 * employees in the base, 101 and 10 in the variant. */
static void test_chain_profit_forms(void)
{
    const double pb[] = { 2000, 2200, 2400 }, pv[] = { 2010, 2212, 2414 };
    const double ab[] = { 100, 100, 100 }, av[] = { 101, 101, 101 }, h[] = { 10, 10, 10 };
    spc_chainprofit p;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_chainprofit_from(pb, pv, ab, av, h, h, 3, 0.5, &p, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(p.n, 4);
    double tq = gsl_cdf_tdist_Pinv(0.975, 2.0);
    CU_ASSERT_DOUBLE_EQUAL(p.forms[0].diff.mean, 12, 1e-9);       /* over the window */
    CU_ASSERT_DOUBLE_EQUAL(p.forms[0].diff.hi - 12, tq * 2 / sqrt(3.0), 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p.forms[0].rel.mean, 100 * 12 / 2200.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p.forms[1].base, 4400, 1e-9);           /* per year */
    CU_ASSERT_DOUBLE_EQUAL(p.forms[1].diff.mean, 24, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p.forms[1].rel.mean, p.forms[0].rel.mean, 1e-9);
    CU_ASSERT_STRING_EQUAL(p.forms[2].metric, "per_active_customer");
    CU_ASSERT_DOUBLE_EQUAL(p.forms[2].base, 44, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p.forms[2].variant, 2 * 2212 / 101.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p.forms[3].diff.mean, 2.4, 1e-9);       /* per employee */
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CU_ASSERT_FATAL(f != NULL);
    spc_chainprofit_write_csv(f, &p);
    fclose(f);
    CU_ASSERT(strncmp(text, "profit,window,years,0.5,0.5,,,,,,,,\nprofit,window,money,2200,2212,12,", 69) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\nprofit,year,per_employee,440,442.4,2.4,"));
    free(text);
    CU_ASSERT_EQUAL(spc_chainprofit_from(pb, pv, NULL, NULL, NULL, NULL, 3, 0.5, &p, &err), SPC_OK);
    CU_ASSERT_EQUAL(p.n, 2);
}

/* With every pathway blind the customers see the base's satisfaction, so
 * a lever that acts only through satisfaction (recognition) changes ESAT
 * and nothing the customers see: every customers metric but ESAT, and
 * revenue, equal the base's exactly, replication by replication. This
 * needs the base to run with the variants' structure (lever.h). */
static void test_chain_all_blind_is_the_base(void)
{
    const char *sets[] = { "horizon=\"16w\"", "warmup=\"4w\"" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *base = spc_scenario_load("tests/data/customers/small.cfg", sets, 2, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    spc_experiment_opts o = { 3, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    spc_experiment b, v;
    memset(&b, 0, sizeof b);
    memset(&v, 0, sizeof v);
    const char *blind[] = { "workforce.pathways.blind_courtesy=true", "workforce.pathways.blind_speed=true",
                            "workforce.pathways.blind_accuracy=true", "workforce.pathways.blind_continuity=true",
                            "workforce.pathways.blind_recovery=true" };
    CU_ASSERT_EQUAL_FATAL(spc_lever_run_base(base, &o, NULL, &b, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(spc_lever_run(base, sets, 2, "workforce.levers.recognition", 0.95, blind, 5, &o, NULL, &v, &err),
                          SPC_OK);
    const spc_result_row *eb = spc_results_find(&b.combined, "customers", "esat");
    const spc_result_row *ev = spc_results_find(&v.combined, "customers", "esat");
    CU_ASSERT_FATAL(eb != NULL && ev != NULL);
    CU_ASSERT(ev->e.mean > eb->e.mean + 0.5); /* the lever raised ESAT */
    size_t same = 0;
    for (unsigned r = 0; r < b.n; r++)
        for (size_t i = 0; i < b.rep[r].n; i++) {
            const spc_result_row *x = &b.rep[r].rows[i];
            if (!(strcmp(x->scope, "customers") == 0 && strcmp(x->metric, "esat") != 0) &&
                !(strcmp(x->scope, "finance") == 0 && strcmp(x->metric, "revenue") == 0))
                continue;
            const spc_result_row *y = spc_results_find(&v.rep[r], x->scope, x->metric);
            CU_ASSERT_PTR_NOT_NULL_FATAL(y);
            if (!(x->e.mean == y->e.mean || (isnan(x->e.mean) && isnan(y->e.mean)))) {
                fprintf(stderr, "\n  replication %u: %s/%s base %.17g, all blind %.17g", r, x->scope, x->metric,
                        x->e.mean, y->e.mean);
                CU_FAIL("an all-blind variant differs from the base");
            }
            same++;
        }
    CU_ASSERT(same > 10 * b.n);
    spc_experiment_release(&b);
    spc_experiment_release(&v);
    spc_scenario_free(base);
}

/* What the lever search's progress reports: the values it ran. */
typedef struct {
    double x[32];
    unsigned n;
} lever_log;

static void log_lever(void *ctx, const char *lever, double x, double esat, double target)
{
    lever_log *l = ctx;
    (void)lever, (void)esat, (void)target;
    if (l->n < 32)
        l->x[l->n++] = x;
}

/* The lever search as a library call, on a small shop (2 replications of
 * 12 weeks): ESAT +5% through recognition. The ESAT reached is within the
 * solver's tolerance of the target and is the variant's when run again by
 * hand; every value run is new (the memo answered Brent's questions about
 * the ends of the bracket). A target out of the lever's reach, and an
 * unknown lever, are errors. */
static void test_lever_search(void)
{
    const char *sets[] = { "horizon=\"12w\"", "warmup=\"4w\"" };
    const char *path = "tests/data/customers/small.cfg";
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *base = spc_scenario_load(path, sets, 2, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    spc_experiment_opts o = { 2, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    lever_log log = { .n = 0 };
    spc_lever_goal g = { .lever = "workforce.levers.recognition", .delta = 5.0, .progress = log_lever, .ctx = &log };
    spc_lever_result r;
    CU_ASSERT_EQUAL_FATAL(spc_lever_find(base, sets, 2, &g, &o, &r, &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(r.target, 1.05 * r.base_esat, 1e-9);
    CU_ASSERT(r.met);
    CU_ASSERT(fabs(r.esat - r.target) <= SPC_LEVER_TOL * fabs(r.target));
    CU_ASSERT_EQUAL(r.base_value, 0.5);
    CU_ASSERT(r.value > r.base_value && r.value <= 1.0);
    /* evaluations: each reported once, no value run twice, Brent's repeated questions answered by the memo */
    CU_ASSERT_EQUAL(r.evaluations, log.n);
    CU_ASSERT(r.evaluations >= 2 && r.evaluations <= 14);
    for (unsigned i = 0; i < log.n; i++)
        for (unsigned j = i + 1; j < log.n; j++)
            CU_ASSERT(log.x[i] != log.x[j]);
    CU_ASSERT(r.reused >= 2);
    CU_ASSERT_EQUAL(log.x[log.n - 1], r.value);
    CU_ASSERT_EQUAL(r.base.n, 2);
    CU_ASSERT_EQUAL(r.variant.n, 2);
    /* the ESAT reached is the variant's at the value found, run again here */
    char set[160];
    snprintf(set, sizeof set, "workforce.levers.recognition=%.10g", r.value);
    const char *vsets[] = { sets[0], sets[1], set };
    spc_scenario *on = spc_scenario_load(path, vsets, 3, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(on);
    spc_scenario *v = spc_chainstudy_variant(base, on, base->warmup);
    spc_experiment x;
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(v, &o, &x, &err), SPC_OK);
    CU_ASSERT_EQUAL(tests_metric(&x.combined, "customers", "esat")->mean, r.esat);
    spc_experiment_release(&x);
    spc_chainstudy_variant_free(v);
    spc_scenario_free(on);
    spc_lever_result_release(&r);

    /* the search on the first replication only, the table on both: the
     * value is run again with both (and refined while it misses the
     * target over both), and the ESAT reported is theirs */
    log.n = 0;
    g.search_replications = 1;
    CU_ASSERT_EQUAL_FATAL(spc_lever_find(base, sets, 2, &g, &o, &r, &err), SPC_OK);
    CU_ASSERT_EQUAL(r.search_replications, 1);
    CU_ASSERT_EQUAL(r.base.n, 2);
    CU_ASSERT_EQUAL(r.variant.n, 2);
    CU_ASSERT_EQUAL(log.n, r.evaluations + 1 + r.refined); /* the table's runs are reported too */
    CU_ASSERT(r.met || r.refined == 2);
    CU_ASSERT_EQUAL(log.x[log.n - 1], r.value);
    CU_ASSERT_EQUAL(tests_metric(&r.variant.combined, "customers", "esat")->mean, r.esat);
    spc_lever_result_release(&r);

    /* +80 points is beyond recognition's range (up to 1) */
    g = (spc_lever_goal){ .lever = "workforce.levers.recognition", .delta = 80.0, .points = 1 };
    CU_ASSERT_EQUAL(spc_lever_find(base, sets, 2, &g, &o, &r, &err), SPC_ERR_USAGE);
    CU_ASSERT_DOUBLE_EQUAL(r.target, r.base_esat + 80.0, 1e-9);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "cannot raise ESAT"));
    spc_lever_result_release(&r);
    spc_error_clear(&err);
    g.lever = "workforce.levers.nothing";
    CU_ASSERT_FALSE(spc_lever_known(g.lever));
    CU_ASSERT_EQUAL(spc_lever_find(base, sets, 2, &g, &o, &r, &err), SPC_ERR_USAGE);
    spc_lever_result_release(&r);
    spc_scenario_free(base);
}

/* --esat-delta's lists: one dose, several, mixed units; the bad ones are
 * usage errors that name the option. */
static void test_dose_parse(void)
{
    double d[SPC_CHAINDOSE_MAX];
    int p[SPC_CHAINDOSE_MAX];
    size_t n;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL(spc_chaindose_parse(NULL, d, p, &n, &err), SPC_OK);
    CU_ASSERT(n == 1 && d[0] == 5.0 && p[0] == 0);
    CU_ASSERT_EQUAL(spc_chaindose_parse("3pt", d, p, &n, &err), SPC_OK);
    CU_ASSERT(n == 1 && d[0] == 3.0 && p[0] == 1);
    CU_ASSERT_EQUAL(spc_chaindose_parse("2.5%,5%,10,20%", d, p, &n, &err), SPC_OK);
    CU_ASSERT(n == 4 && d[0] == 2.5 && d[1] == 5.0 && d[2] == 10.0 && d[3] == 20.0 && !p[0] && !p[2] && !p[3]);
    CU_ASSERT_EQUAL(spc_chaindose_parse("1pt,5%", d, p, &n, &err), SPC_OK);
    CU_ASSERT(n == 2 && p[0] == 1 && p[1] == 0);
    static const char *const bad[] = { "", ",", "5%,", ",5%", "5%,,10%", "0%", "-2%", "5x", "5%%", "pt", "inf",
                                       "nan", "5% ,10%x", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        spc_error_clear(&err);
        CU_ASSERT_EQUAL(spc_chaindose_parse(bad[i], d, p, &n, &err), SPC_ERR_USAGE);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "--esat-delta"));
    }
}

/* Counts the lines of what write(f, what) writes. */
static size_t csv_lines(void (*write)(FILE *, const void *), const void *what, char *first, size_t size)
{
    FILE *f = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    write(f, what);
    rewind(f);
    size_t n = 0;
    char line[4096];
    while (fgets(line, sizeof line, f) != NULL)
        if (n++ == 0 && first != NULL)
            snprintf(first, size, "%.*s", (int)(size - 1), line);
    fclose(f);
    return n;
}

static void write_dose(FILE *f, const void *d) { spc_chaindose_write_csv(f, d); }
static void write_periods(FILE *f, const void *t) { spc_chaintime_write_csv(f, t); }

/* The dose-response on the small shop (2 replications of 12 weeks, the
 * lever raised at 4 weeks), 1%, 2%, 4% through recognition: one row per
 * dose and measure, every dose against the one base (the base's values
 * the same at each dose), and ESAT's change rising with the dose. Then the
 * changes per period of the first dose: exactly 0 in every period that
 * ends before the intervention (common random numbers: the same run until
 * then). */
static void test_dose_and_periods(void)
{
    const char *sets[] = { "horizon=\"12w\"", "warmup=\"4w\"" };
    const char *path = "tests/data/customers/small.cfg";
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *base = spc_scenario_load(path, sets, 2, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    spc_experiment_opts o = { 2, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    const double delta[] = { 1.0, 2.0, 4.0 };
    const int points[] = { 0, 0, 0 };
    spc_lever_memo *memo = calloc(1, sizeof *memo);
    spc_lever_goal g = { .lever = "workforce.levers.recognition", .delta = delta[0], .memo = memo };
    spc_lever_result r;
    CU_ASSERT_EQUAL_FATAL(spc_lever_find(base, sets, 2, &g, &o, &r, &err), SPC_OK);
    spc_chaindose *d = calloc(1, sizeof *d), *plain = calloc(1, sizeof *plain);
    CU_ASSERT_FATAL(d != NULL && plain != NULL && memo != NULL);
    CU_ASSERT_EQUAL_FATAL(spc_chaindose_run(base, sets, 2, &g, delta, points, 3, &o, &r, d, &err), SPC_OK);
    /* the shared memo: every value run is in it, and without it the doses are the same, in more runs */
    unsigned runs = 0, plain_runs = 0;
    for (size_t k = 0; k < 3; k++)
        runs += d->pts[k].evaluations;
    CU_ASSERT_EQUAL(memo->n, runs);
    g.memo = NULL;
    CU_ASSERT_EQUAL_FATAL(spc_chaindose_run(base, sets, 2, &g, delta, points, 3, &o, &r, plain, &err), SPC_OK);
    for (size_t k = 0; k < 3; k++) {
        plain_runs += k > 0 ? plain->pts[k].evaluations : 0;
        CU_ASSERT_EQUAL(plain->pts[k].value, d->pts[k].value);
        CU_ASSERT_EQUAL(plain->pts[k].table.rows[0].diff.mean, d->pts[k].table.rows[0].diff.mean);
    }
    CU_ASSERT(plain_runs > runs - d->pts[0].evaluations);
    free(plain);
    free(memo);
    CU_ASSERT_EQUAL(d->n, 3);
    size_t measures = d->pts[0].table.n;
    CU_ASSERT(measures >= 10);
    char header[512];
    CU_ASSERT_EQUAL(csv_lines(write_dose, d, header, sizeof header), 1 + 3 * measures);
    CU_ASSERT_EQUAL(strncmp(header, "esat_delta,unit,lever,", 22), 0);
    double last = 0.0;
    for (size_t k = 0; k < 3; k++) {
        const spc_chaindose_point *pt = &d->pts[k];
        CU_ASSERT_FATAL(pt->reached);
        CU_ASSERT_EQUAL_FATAL(pt->table.n, measures);
        CU_ASSERT_EQUAL(pt->table.rows[0].base, d->pts[0].table.rows[0].base); /* one base */
        CU_ASSERT_STRING_EQUAL(pt->table.rows[0].m->metric, "esat");
        CU_ASSERT(pt->table.rows[0].diff.mean > last);
        last = pt->table.rows[0].diff.mean;
    }
    free(d);

    spc_chaintime t;
    CU_ASSERT_EQUAL_FATAL(spc_chaintime_make(r.base.rep_ts, r.variant.rep_ts, 2, base->warmup, &t, &err), SPC_OK);
    CU_ASSERT_EQUAL(csv_lines(write_periods, &t, NULL, 0), 1 + t.n);
    size_t before = 0, after = 0;
    for (size_t i = 0; i < t.n; i++) {
        const spc_chaintime_row *p = &t.rows[i];
        if (p->time < base->warmup) { /* ends before the intervention: the same run */
            before++;
            CU_ASSERT_EQUAL(p->diff.mean, 0.0);
            CU_ASSERT_EQUAL(p->base, p->variant);
        } else if (p->time > base->warmup && strcmp(p->m->metric, "esat") == 0)
            after += p->diff.mean > 0;
    }
    CU_ASSERT(before >= 11);  /* the period ending at 2 weeks, every measure */
    CU_ASSERT(after >= 3);    /* ESAT is higher in the variant's periods after 4 weeks */
    spc_chaintime_release(&t);
    spc_lever_result_release(&r);
    spc_scenario_free(base);
}

/* The estimate's arithmetic, and the verdict with and without force. */
static void test_cost_estimate(void)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("tests/data/bad/cost/period-1s.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_cost c;
    CU_ASSERT_EQUAL(spc_cost_estimate(sc, 3, &c, &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(c.periods, 52.0 * 7 * 24 * 3600, 0.5);
    CU_ASSERT_DOUBLE_EQUAL(c.rows, c.periods * 5, 0.5); /* 2 stages + system, customers, finance */
    CU_ASSERT(c.events > 2 * 4 * 52 * 7 * 24 * 2);       /* two visits of 4/h orders, 2 events each */
    CU_ASSERT(c.memory > c.rows * 4 * sizeof(spc_ts_row) * 0.99);
    CU_ASSERT_EQUAL(spc_cost_check(sc, 3, 0, &err), SPC_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "statistics.period: the run would write"));
    spc_error_clear(&err);
    CU_ASSERT_EQUAL(spc_cost_check(sc, 3, 1, &err), SPC_OK);
    spc_experiment x;
    memset(&x, 0, sizeof x);
    spc_experiment_opts o = { 1, 0, 1, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL(spc_experiment_run(sc, &o, &x, &err), SPC_ERR_INVALID); /* the floor's own guard */
    spc_experiment_release(&x);
    spc_scenario_free(sc);

    /* quit candidates count: a tiny turnover.sd (hazard about 4e6 an hour at satisfaction 0) is refused
     * naming workforce.turnover; turnover.beta 20 (P rounds to 1 there) runs, quickly, in finite time */
    const char *tiny[] = { "workforce.turnover.sd=1e-9" }, *steep[] = { "workforce.turnover.beta=20.0", "horizon=\"4w\"" };
    spc_error_clear(&err);
    sc = spc_scenario_load("tests/data/customers/small.cfg", tiny, 1, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    CU_ASSERT_EQUAL(spc_cost_estimate(sc, 1, &c, &err), SPC_OK);
    CU_ASSERT(c.quit_share > 0.99);
    CU_ASSERT_EQUAL(spc_cost_check(sc, 1, 0, &err), SPC_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "small.cfg: workforce.turnover: the run would simulate about"));
    spc_scenario_free(sc);
    spc_error_clear(&err);
    sc = spc_scenario_load("tests/data/customers/small.cfg", steep, 2, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    CU_ASSERT_EQUAL(spc_cost_check(sc, 1, 0, &err), SPC_OK);
    memset(&x, 0, sizeof x);
    CU_ASSERT_EQUAL(spc_experiment_run(sc, &o, &x, &err), SPC_OK);
    CU_ASSERT(x.info[0].events < 1000000); /* once: 10 million candidates at time 0, then "time stands still" */
    spc_experiment_release(&x);
    spc_scenario_free(sc);
}

static const CU_TestInfo tests[] = {
    { "the chain table's arithmetic on fixed results", test_chain_table_arithmetic },
    { "the lever search reaches its ESAT target, each value run once", test_lever_search },
    { "the decomposition by pathway: parts, interaction, chain.csv rows", test_chain_decomposition_arithmetic },
    { "the profit forms: money, per year, per customer, per employee", test_chain_profit_forms },
    { "every pathway blind: the customers see exactly the base", test_chain_all_blind_is_the_base },
    { "--esat-delta lists parse; bad ones name the option", test_dose_parse },
    { "dose-response: a row per dose and measure, ESAT rising; per period: 0 before the intervention",
      test_dose_and_periods },
    { "calibration recovers known settings", test_calibration_recovers_known_values },
    { "95% intervals cover Wq of M/M/1 in 93-97% of experiments", test_interval_coverage },
    { "precision mode: enough replications, whatever the threads", test_precision_mode },
    { "warm-up: Welch's moving average and MSER-5", test_welch_and_mser },
    { "compare: paired difference, relative difference, CRN ratio", test_compare_arithmetic },
    { "common random numbers reduce the variance of a difference", test_crn_reduces_variance },
    { "CRN ratio not defined for a constant difference (rounding), defined for a real spread",
      test_crn_ratio_constant_difference },
    { "a sweep point is the separate run", test_sweep_point_is_a_run },
    { "combining replications: mean and t interval", test_combine_arithmetic },
    { "1, 2 or 3 threads give identical results", test_threads_do_not_matter },
    { "a replication of an experiment is the single run", test_replication_is_a_run },
    { "a company's units share the pool, whatever the threads", test_company_units_on_the_pool },
    { "the cost estimate and its verdict (--force)", test_cost_estimate },
    CU_TEST_INFO_NULL
};

int tests_experiment(void) { return tests_add_suite("experiment", tests); }
