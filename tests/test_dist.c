/*
 * test_dist.c -- each named distribution, sampled with a fixed seed, has the
 * mean and variance it promises. Tolerances come from the sample itself:
 * the mean must lie within a 99.9% interval of the sample mean, the
 * variance within a 99.9% interval built from the sample's fourth moment,
 * Var(s^2) ~ (m4 - s^4)/n.
 */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "spcsim/dist.h"
#include "spcsim/ziggurat.h"
#include "tests.h"

#define N 200000

static void check_moments(spc_dist *d, unsigned long seed)
{
    CU_ASSERT_EQUAL_FATAL(spc_dist_prepare(d), 0);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    double *x = malloc(N * sizeof *x);
    int negative = 0;
    for (int i = 0; i < N; i++) {
        x[i] = spc_dist_sample(d, r);
        negative += x[i] < 0;
    }
    double m = gsl_stats_mean(x, 1, N), v = gsl_stats_variance_m(x, 1, N, m);
    double z = gsl_cdf_ugaussian_Pinv(0.9995);
    double mu = spc_dist_true_mean(d), var = spc_dist_true_scv(d) * mu * mu;
    CU_ASSERT_EQUAL(negative, 0);
    CU_ASSERT(fabs(m - mu) <= z * sqrt(v / N) + 1e-12);
    if (v > 0) {
        double m4 = (gsl_stats_kurtosis_m_sd(x, 1, N, m, sqrt(v)) + 3.0) * v * v;
        CU_ASSERT(fabs(v - var) <= z * sqrt((m4 - v * v) / N));
    } else {
        CU_ASSERT_DOUBLE_EQUAL(var, 0.0, 1e-12);
    }
    free(x);
    gsl_rng_free(r);
    spc_dist_release(d);
}

static void test_by_mean_and_cv(void)
{
    spc_dist d = { 0 };
    d.kind = SPC_DIST_EXPONENTIAL, d.mean = 2.5, d.cv = 1;
    check_moments(&d, 1);
    d.kind = SPC_DIST_GAMMA, d.mean = 3.0, d.cv = 0.5;
    check_moments(&d, 2);
    d.kind = SPC_DIST_GAMMA, d.mean = 3.0, d.cv = 2.0;
    check_moments(&d, 3);
    d.kind = SPC_DIST_LOGNORMAL, d.mean = 1.5, d.cv = 0.8;
    check_moments(&d, 4);
    d.kind = SPC_DIST_NORMAL, d.mean = 10.0, d.cv = 0.2; /* truncation negligible */
    check_moments(&d, 5);
    d.kind = SPC_DIST_NORMAL, d.mean = 1.0, d.cv = 1.0;  /* heavily truncated */
    check_moments(&d, 6);
    d.kind = SPC_DIST_DETERMINISTIC, d.mean = 4.0, d.cv = 0;
    check_moments(&d, 7);
}

static void test_uniform_and_empirical(void)
{
    spc_dist d = { 0 };
    d.kind = SPC_DIST_UNIFORM, d.min = 2.0, d.max = 5.0;
    check_moments(&d, 8);
    double values[] = { 1.0, 2.0, 10.0 };
    double weights[] = { 0.5, 0.3, 0.2 };
    spc_dist e = { 0 };
    e.kind = SPC_DIST_EMPIRICAL, e.n = 3, e.values = values;
    spc_dist copy;
    CU_ASSERT_EQUAL_FATAL(spc_dist_copy(&copy, &e), 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_dist_true_mean(&copy), 13.0 / 3.0, 1e-12);
    check_moments(&copy, 9);
    e.weights = weights;
    CU_ASSERT_EQUAL_FATAL(spc_dist_copy(&copy, &e), 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_dist_true_mean(&copy), 0.5 + 0.6 + 2.0, 1e-12);
    check_moments(&copy, 10);
}

static void test_names(void)
{
    for (int k = 0; k < SPC_DIST_COUNT; k++)
        CU_ASSERT_EQUAL(spc_dist_kind_from_name(spc_dist_kind_name((spc_dist_kind)k)), k);
    CU_ASSERT_EQUAL(spc_dist_kind_from_name("weibull"), -1);
}

/* The equilibrium residual has mean E[X^2] / (2 E[X]) = E[X](1 + cv^2)/2
 * (renewal theory); checked with a 95% interval from the draws. */
static void check_residual(spc_dist *d, double want)
{
    CU_ASSERT_EQUAL_FATAL(spc_dist_prepare(d), 0);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 11);
    static double x[N]; /* N draws, as the other tests */
    for (size_t i = 0; i < N; i++)
        x[i] = spc_dist_sample_residual(d, r);
    double m = gsl_stats_mean(x, 1, N), se = gsl_stats_sd_m(x, 1, N, m) / sqrt((double)N);
    if (getenv("SPCSIM_TEST_VERBOSE"))
        printf("\n  residual of kind %d: %.5f +- %.5f, want %.5f", (int)d->kind, m, 1.96 * se, want);
    CU_ASSERT(fabs(m - want) <= 1.959963984540054 * se);
    gsl_rng_free(r);
    spc_dist_release(d);
}

static void test_residual(void)
{
    double vals[] = { 1.0, 3.0 };
    spc_dist ex = { .kind = SPC_DIST_EXPONENTIAL, .mean = 2.0, .cv = 1.0 };
    spc_dist ga = { .kind = SPC_DIST_GAMMA, .mean = 2.0, .cv = 0.5 };
    spc_dist ln = { .kind = SPC_DIST_LOGNORMAL, .mean = 2.0, .cv = 0.8 };
    spc_dist de = { .kind = SPC_DIST_DETERMINISTIC, .mean = 4.0 };
    spc_dist un = { .kind = SPC_DIST_UNIFORM, .min = 1.0, .max = 3.0 };
    spc_dist em = { .kind = SPC_DIST_EMPIRICAL, .n = 2, .values = malloc(sizeof vals) };
    em.values[0] = vals[0], em.values[1] = vals[1];
    check_residual(&ex, 2.0);
    check_residual(&ga, 2.0 * 1.25 / 2.0);
    check_residual(&ln, 2.0 * 1.64 / 2.0);
    check_residual(&de, 2.0);
    check_residual(&un, (27.0 - 1.0) / (3.0 * 2.0) / (2.0 * 2.0)); /* E[X^2] = (b^3 - a^3) / 3(b - a) */
    check_residual(&em, 5.0 / 2.0 / 2.0);
}

/* ---- the exponential ziggurat ---- */

/* The committed table is the recurrence's (to a few ulps of this
 * platform's exp and log), and the recurrence closes: the top layer
 * [0, x_1] x [f(x_1), 1] has the area v of every other layer. */
static void test_ziggurat_table(void)
{
    spc_ziggurat_table t;
    spc_ziggurat_exp_compute(&t);
    const spc_ziggurat_table *c = &spc_ziggurat_exp_table;
    int same = 1;
    for (int i = 0; i < SPC_ZIG_LAYERS; i++) {
        double dk = (double)t.k[i] - (double)c->k[i];
        same &= fabs(dk) <= 0x1.0p56 * 1e-14;
        same &= fabs(t.w[i] - c->w[i]) <= 1e-14 * c->w[i];
        same &= fabs(t.f[i] - c->f[i]) <= 1e-14 * c->f[i];
    }
    CU_ASSERT(same);
    double x1 = c->w[1] * 0x1.0p56;
    CU_ASSERT_DOUBLE_EQUAL(x1 * (1.0 - exp(-x1)), SPC_ZIG_V, 1e-9 * SPC_ZIG_V);
    CU_ASSERT_DOUBLE_EQUAL(c->w[SPC_ZIG_LAYERS - 1] * 0x1.0p56, SPC_ZIG_R, 1e-15 * SPC_ZIG_R);
}

/* P(K > lambda) of Kolmogorov's limiting law, 2 sum (-1)^(j-1) e^(-2 j^2
 * lambda^2), at lambda = (sqrt(n) + 0.12 + 0.11/sqrt(n)) D, Stephens'
 * (1970) correction for finite n (Numerical Recipes, 14.3). For alpha =
 * 0.001 the limiting critical value of sqrt(n) D is 1.9495. */
static double ks_pvalue(double d, size_t n)
{
    double sn = sqrt((double)n), lambda = (sn + 0.12 + 0.11 / sn) * d;
    if (lambda < 0.2)
        return 1.0;
    double p = 0, sign = 1;
    for (int j = 1; j <= 100; j++, sign = -sign)
        p += 2 * sign * exp(-2.0 * j * j * lambda * lambda);
    return p < 0 ? 0 : (p > 1 ? 1 : p);
}

/* The Kolmogorov-Smirnov statistic D = sup |F_n(x) - (1 - e^-x)| of the
 * sorted sample x (shifted by `shift`). */
static double ks_exponential(double *x, size_t n, double shift)
{
    gsl_sort(x, 1, n);
    double d = 0;
    for (size_t i = 0; i < n; i++) {
        double f = -expm1(-(x[i] - shift));
        double lo = f - (double)i / n, hi = (double)(i + 1) / n - f;
        d = lo > d ? lo : d;
        d = hi > d ? hi : d;
    }
    return d;
}

/* 1,000,000 ziggurat draws: the mean and variance of Exp(1) inside their
 * 99.9% intervals from the sample (as check_moments), the sample's KS
 * distance to the exact CDF with p > 0.001, and the same for the 50,000
 * draws past 3 and the 400 or so past r (the tail path), shifted: by the
 * memoryless property both are Exp(1) again. A table off by one layer, a
 * wrong wedge test or a wrong tail fails the KS test at this size. */
static void test_ziggurat_exponential(void)
{
    enum { ZN = 1000000, TN = 50000 };
    gsl_rng *r = gsl_rng_alloc(spc_rng_xoshiro256pp);
    gsl_rng_set(r, 20261126);
    double *x = malloc(ZN * sizeof *x), *t3 = malloc(TN * sizeof *t3), tr[2000];
    size_t n3 = 0, nr = 0;
    for (size_t i = 0; i < ZN; i++)
        x[i] = spc_ziggurat_exponential(r->state);
    while (n3 < TN) {
        double y = spc_ziggurat_exponential(r->state);
        if (y > 3.0)
            t3[n3++] = y;
        if (y > SPC_ZIG_R && nr < 2000)
            tr[nr++] = y;
    }
    double m = gsl_stats_mean(x, 1, ZN), v = gsl_stats_variance_m(x, 1, ZN, m);
    double m4 = (gsl_stats_kurtosis_m_sd(x, 1, ZN, m, sqrt(v)) + 3.0) * v * v;
    double z = gsl_cdf_ugaussian_Pinv(0.9995);
    CU_ASSERT(fabs(m - 1.0) <= z * sqrt(v / ZN));
    CU_ASSERT(fabs(v - 1.0) <= z * sqrt((m4 - v * v) / ZN));
    CU_ASSERT(gsl_stats_min(x, 1, ZN) >= 0.0);
    double p_all = ks_pvalue(ks_exponential(x, ZN, 0.0), ZN);
    double p3 = ks_pvalue(ks_exponential(t3, TN, 3.0), TN);
    double pr = ks_pvalue(ks_exponential(tr, nr, SPC_ZIG_R), nr);
    if (getenv("SPCSIM_TEST_VERBOSE"))
        printf("\n  ziggurat: mean %.5f var %.5f; KS p %.3f (all), %.3f (> 3), %.3f (> r, n = %zu)", m, v,
               p_all, p3, pr, nr);
    CU_ASSERT(p_all > 0.001);
    CU_ASSERT(p3 > 0.001);
    CU_ASSERT(nr >= 300 && pr > 0.001);
    free(x);
    free(t3);
    gsl_rng_free(r);
}

/* The KS test can fail: inversion with a mean 2% off is rejected at the
 * sample size used above. */
static void test_ks_rejects_a_wrong_law(void)
{
    enum { ZN = 1000000 };
    gsl_rng *r = gsl_rng_alloc(spc_rng_xoshiro256pp);
    gsl_rng_set(r, 20261126);
    double *x = malloc(ZN * sizeof *x);
    for (size_t i = 0; i < ZN; i++)
        x[i] = 1.02 * spc_ziggurat_exponential(r->state);
    CU_ASSERT(ks_pvalue(ks_exponential(x, ZN, 0.0), ZN) < 0.001);
    free(x);
    gsl_rng_free(r);
}

static const CU_TestInfo tests[] = {
    { "ziggurat: the committed table is the recurrence's", test_ziggurat_table },
    { "ziggurat: Exp(1) by moments and Kolmogorov-Smirnov", test_ziggurat_exponential },
    { "ziggurat: Kolmogorov-Smirnov rejects a 2% error", test_ks_rejects_a_wrong_law },
    { "the equilibrium residual has mean E[X^2]/(2E[X])", test_residual },
    { "mean/cv families have their promised moments", test_by_mean_and_cv },
    { "uniform and empirical have their moments", test_uniform_and_empirical },
    { "names round-trip", test_names },
    CU_TEST_INFO_NULL
};

int tests_dist(void) { return tests_add_suite("dist", tests); }
