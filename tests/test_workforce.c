/*
 * test_workforce.c -- the workforce against its own equations.
 *
 *   1. closed forms of one employee (E1)-(E5);
 *   2. the erosion sub-model (W2)-(W4) against a GSL ODE solution;
 *   3. turnover with static satisfaction against the expected annual quit
 *      fraction (numerical integration over the initial distribution), and
 *      the satisfaction-quit correlation;
 *   4. headcount bookkeeping through quits, hires and layoffs;
 *   5. with every link switched off, the chain is the plain queueing core,
 *      bit for bit;
 *   6. each link alone moves its outcome in the documented direction.
 *
 * Every run has a fixed seed (scenarios in tests/data/workforce/); every
 * tolerance comes from the run (a binomial interval, a standard error, the
 * batch-means intervals) or, for the numerical tests, from an error bound
 * stated where it is used.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "spcsim/employee_eq.h"
#include "spcsim/erosion_eq.h"
#include "spcsim/run.h"
#include "spcsim/sum_tree.h"
#include "spcsim/timeseries.h"
#include "tests.h"

#define DATA "tests/data/workforce/"
#define Z95 1.959963984540054 /* standard normal 97.5% quantile */

static int verbose(void) { return getenv("SPCSIM_TEST_VERBOSE") != NULL; }

/* ------------------------------------------------------------------ */
/* 1. closed forms                                                     */
/* ------------------------------------------------------------------ */

/* |a - b| within k units in the last place of the scale. */
static int near_ulps(double a, double b, double scale, double k)
{
    return fabs(a - b) <= k * DBL_EPSILON * fabs(scale);
}

static void test_first_order(void)
{
    const double x[] = { 0.0, 37.5, 100.0, -2.0 }, target[] = { 70.0, 0.0, 100.0, 5.0 };
    const double dt[] = { 0.25, 1.0, 7.0, 3.0 }, tau[] = { 4.0, 1.0, 0.5, 30.0 };
    for (size_t i = 0; i < 4; i++) {
        double want = target[i] + (x[i] - target[i]) * exp(-dt[i] / tau[i]);
        double scale = fabs(x[i]) + fabs(target[i]);
        CU_ASSERT(near_ulps(spc_first_order(x[i], target[i], dt[i], tau[i]), want, scale, 4));
        /* two half steps toward the same target are one step (E1 is exact) */
        double half = spc_first_order(x[i], target[i], dt[i] / 2, tau[i]);
        CU_ASSERT(near_ulps(spc_first_order(half, target[i], dt[i] / 2, tau[i]), want, scale, 8));
        /* tau = INFINITY keeps x; dt = 0 keeps x: exactly */
        CU_ASSERT_EQUAL(spc_first_order(x[i], target[i], dt[i], INFINITY), x[i]);
        CU_ASSERT_EQUAL(spc_first_order(x[i], target[i], 0.0, tau[i]), x[i]);
    }
}

static void test_learning_fatigue(void)
{
    const double pi0 = 0.3, tau_l = 8.0;
    CU_ASSERT_EQUAL(spc_learning(0.0, pi0, tau_l), pi0);
    double at_tau = pi0 + (1 - pi0) * (1 - exp(-1.0));
    CU_ASSERT(near_ulps(spc_learning(tau_l, pi0, tau_l), at_tau, 1.0, 4));
    CU_ASSERT(near_ulps(spc_learning(1000 * tau_l, pi0, tau_l), 1.0, 1.0, 2));
    CU_ASSERT(spc_learning(tau_l, pi0, tau_l) < spc_learning(2 * tau_l, pi0, tau_l));
    /* (E3): 1 - (F - 1) with a floor; rested (F <= 1) is full productivity */
    CU_ASSERT_EQUAL(spc_fatigue_factor(1.0, 0.5), 1.0);
    CU_ASSERT(near_ulps(spc_fatigue_factor(1.3, 0.5), 0.7, 1.0, 2));
    CU_ASSERT_EQUAL(spc_fatigue_factor(3.0, 0.5), 0.5);
    CU_ASSERT_EQUAL(spc_fatigue_factor(0.8, 0.5), 1.0);
}

static void test_quit_law(void)
{
    spc_quit_params q = { -1.46, 0.5, 70.0, 10.0, 365.0 };
    double logistic_a = 1.0 / (1.0 + exp(1.46));
    CU_ASSERT(near_ulps(spc_quit_probability(70.0, &q), logistic_a, 1.0, 4));
    CU_ASSERT(near_ulps(spc_quit_probability(80.0, &q), 1.0 / (1.0 + exp(1.96)), 1.0, 4));
    double h = -log(1.0 - logistic_a) / 365.0;
    CU_ASSERT(near_ulps(spc_quit_hazard(70.0, &q), h, h, 8));
    /* a year at the hazard gives the annual probability back */
    CU_ASSERT(near_ulps(1.0 - exp(-spc_quit_hazard(70.0, &q) * 365.0), logistic_a, 1.0, 16));
    CU_ASSERT(spc_quit_hazard(40.0, &q) > spc_quit_hazard(70.0, &q));
    /* log-odds far above 0 (turnover.beta 20 at satisfaction 0: x = 138.54), where P rounds to 1:
     * -ln(1 - P) = ln(1 + e^x), finite and about x a year; the same on both sides of the switch at x = 15 */
    spc_quit_params steep = { -1.46, 20.0, 70.0, 10.0, 365.0 };
    double x = -1.46 + 20.0 * 7.0;
    CU_ASSERT(near_ulps(spc_quit_hazard(0.0, &steep), x / 365.0, x / 365.0, 4));
    CU_ASSERT(spc_quit_hazard(0.0, &steep) > spc_quit_hazard(10.0, &steep));
    steep.a = 15.0 - 20.0 * 7.0; /* x = 15 at satisfaction 0 (the old form), just above at 0 - 1e-9 */
    double at = spc_quit_hazard(0.0, &steep), above = spc_quit_hazard(-1e-9, &steep), want = log1p(exp(15.0)) / 365.0;
    CU_ASSERT(fabs(at - want) <= 1e-9 * want && fabs(above - want) <= 1e-9 * want);
}

/* ------------------------------------------------------------------ */
/* 2. erosion against its ODEs                                         */
/* ------------------------------------------------------------------ */

typedef struct {
    spc_erosion_params prm;
    double p;
} ode_ctx;

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* (W2)-(W4) as written in erosion_eq.h, y = (Pp, Ts):
 * T = Ts clamp(Pp^alpha, f_min, f_max), f_min and f_max in t_min, t_max. */
static int erosion_rhs(double t, const double y[], double dydt[], void *params)
{
    const ode_ctx *c = params;
    (void)t;
    double target = y[1] * clampd(pow(y[0], c->prm.alpha), c->prm.t_min, c->prm.t_max);
    double tau = target < y[1] ? c->prm.tau_down : c->prm.tau_up;
    dydt[0] = (c->p - y[0]) / c->prm.tau_p;
    dydt[1] = isinf(tau) ? 0.0 : (target - y[1]) / tau;
    return GSL_SUCCESS;
}

#define WEEKS1 26 /* pressure 1.6 */
#define WEEKS 78  /* then p2 for 52 weeks */

typedef struct {
    double pp[WEEKS + 1], ts[WEEKS + 1]; /* at each weekly checkpoint */
} ero_path;

static double input(int week, double p2) { return week < WEEKS1 ? 1.6 : p2; }

/* The implementation, in irregular steps (exponential, mean 0.05 weeks),
 * cut at each weekly checkpoint so that the input switches exactly at 26. */
static void ero_simulate(const spc_erosion_params *prm, double p2, ero_path *out)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 20010501);
    spc_erosion e = { 1.0, 1.0 };
    out->pp[0] = e.perceived;
    out->ts[0] = e.standard;
    for (int w = 0; w < WEEKS; w++) {
        double t = w;
        while (t < w + 1) {
            double h = fmin(gsl_ran_exponential(r, 0.05), (w + 1) - t);
            spc_erosion_advance(&e, prm, input(w, p2), h);
            t += h;
        }
        out->pp[w + 1] = e.perceived;
        out->ts[w + 1] = e.standard;
    }
    gsl_rng_free(r);
}

/* The ODEs by Runge-Kutta-Prince-Dormand (8,9), tolerances 1e-12. */
static void ero_solve(const spc_erosion_params *prm, double p2, ero_path *out)
{
    ode_ctx c = { *prm, 1.6 };
    gsl_odeiv2_system sys = { erosion_rhs, NULL, 2, &c };
    gsl_odeiv2_driver *d = gsl_odeiv2_driver_alloc_y_new(&sys, gsl_odeiv2_step_rk8pd, 1e-3, 1e-12, 1e-12);
    double y[2] = { 1.0, 1.0 }, t = 0.0;
    out->pp[0] = y[0];
    out->ts[0] = y[1];
    for (int w = 0; w < WEEKS; w++) {
        if (w == WEEKS1) {
            c.p = p2;
            gsl_odeiv2_driver_reset(d);
        }
        CU_ASSERT_EQUAL(gsl_odeiv2_driver_apply(d, &t, (double)(w + 1), y), GSL_SUCCESS);
        out->pp[w + 1] = y[0];
        out->ts[w + 1] = y[1];
    }
    gsl_odeiv2_driver_free(d);
}

/*
 * Tolerances. Pp follows (W2) exactly between steps (E1), so it matches the
 * ODE to the solver's 1e-12 plus rounding: 1e-9 leaves room.
 * ln Ts is advanced by the trapezoid rule (Heun) in steps h <= tau_p/20 =
 * 0.05 weeks. Its rate g = d ln Ts/dt = (clamp(Pp^alpha) - 1)/tau depends
 * on Pp alone, so the scheme is a quadrature of g along the exact Pp(t) and
 * errors do not compound. Bounds on the paths below: |Pp'|, |Pp''| <= 0.8
 * (tau_p = 1, |p - Pp| <= 0.8), Pp >= 0.8, tau >= 18.8.
 *  - Where g is smooth, a step's error is at most h^3/12 max|g''| over
 *    the step, so the sum is at most h^2/12 times the integral of |g''|.
 *    |g''| <= (|alpha|(|alpha|+1) Pp'^2 Pp^(alpha-2) + |alpha| |Pp''|
 *    Pp^(alpha-1))/tau <= (0.64 x 1.64 x 0.64 x 1.81 + 0.64 x 0.8 x 1.45)
 *    /18.8 < 0.11 e^-(t - t_switch) per week^3, since Pp' and Pp'' decay
 *    as e^-(t - t_switch) after each switch of the input: the integral is
 *    at most 0.11 per phase, and the sum 0.05^2/12 x 0.22 < 4.6e-5.
 *  - Where g has a kink inside a step (Pp^alpha reaches f_max, or T crosses
 *    Ts and tau switches; the input switches on a step boundary), the
 *    step's error is at most h^2/8 |jump of g'| <= 0.05^2/8 x 0.64 x 0.8 x
 *    1.45/18.8 < 1.3e-5; a path has at most two (both in the second phase).
 * The total is below 7.2e-5 < 1e-4 (measured: about 2e-6).
 */
#define TOL_PP 1e-9
#define TOL_LNTS 1e-4

static double ero_compare(const spc_erosion_params *prm, double p2, ero_path *sim)
{
    ero_path ode;
    ero_simulate(prm, p2, sim);
    ero_solve(prm, p2, &ode);
    double worst = 0.0;
    for (int w = 0; w <= WEEKS; w++) {
        double dts = fabs(log(sim->ts[w]) - log(ode.ts[w]));
        worst = fmax(worst, dts);
        if (fabs(sim->pp[w] - ode.pp[w]) > TOL_PP || dts > TOL_LNTS)
            fprintf(stderr, "\n  week %d: Pp %.12g vs ODE %.12g, Ts %.12g vs ODE %.12g", w, sim->pp[w],
                    ode.pp[w], sim->ts[w], ode.ts[w]);
        CU_ASSERT(fabs(sim->pp[w] - ode.pp[w]) <= TOL_PP);
        CU_ASSERT(dts <= TOL_LNTS);
    }
    if (verbose())
        fprintf(stderr, "\n  erosion p2 = %g, tau_up = %g, f_max = %g: max |ln Ts - ODE| = %.3g; Ts(26w) = %.6f, "
                "Ts(78w) = %.6f", p2, prm->tau_up, prm->t_max, worst, sim->ts[WEEKS1], sim->ts[WEEKS]);
    return worst;
}

static spc_erosion_params ero_params(double tau_up, double f_max)
{
    spc_erosion_params p = { -0.64, 1.0, 18.8, tau_up, 0.5, f_max };
    return p;
}

/* Erosion persists: at p = 1 after the pressure, T = Ts Pp^alpha <= Ts
 * (Pp decays to 1 from above), so nothing pulls the standard back up --
 * whatever the recovery time and the upper bound f_max. */
static void test_erosion_persists(void)
{
    ero_path never, finite;
    spc_erosion_params prm = ero_params(INFINITY, 1.0);
    ero_compare(&prm, 1.0, &never);
    CU_ASSERT(never.ts[WEEKS1] < 0.8);
    for (int w = WEEKS1 + 1; w <= WEEKS; w++)
        CU_ASSERT(never.ts[w] <= never.ts[w - 1]);
    CU_ASSERT(never.ts[WEEKS] < never.ts[WEEKS1]);
    prm = ero_params(26.0, 1.2);
    ero_compare(&prm, 1.0, &finite);
    for (int w = 0; w <= WEEKS; w++)
        CU_ASSERT_EQUAL(finite.ts[w], never.ts[w]);
}

/* Recovery needs T > Ts: pressure below 1 and f_max > 1 (people may take
 * longer than the standard). At p = 0.8 with f_max = 1.2 a finite recovery
 * time brings the standard partly back; "never", or the default f_max = 1,
 * keeps it eroded. */
static void test_erosion_recovers(void)
{
    ero_path never, capped, finite;
    spc_erosion_params prm = ero_params(INFINITY, 1.2);
    ero_compare(&prm, 0.8, &never);
    prm = ero_params(52.0, 1.0);
    ero_compare(&prm, 0.8, &capped);
    prm = ero_params(52.0, 1.2);
    ero_compare(&prm, 0.8, &finite);
    double low = finite.ts[WEEKS1];
    for (int w = WEEKS1 + 1; w <= WEEKS; w++)
        low = fmin(low, finite.ts[w]);
    CU_ASSERT(finite.ts[WEEKS] > low + 0.05);
    CU_ASSERT(finite.ts[WEEKS] < 1.0);
    CU_ASSERT(never.ts[WEEKS] < finite.ts[WEEKS]);
    CU_ASSERT(capped.ts[WEEKS] <= capped.ts[WEEKS1]);
    CU_ASSERT_DOUBLE_EQUAL(never.ts[WEEKS], never.ts[WEEKS - 10], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(capped.ts[WEEKS], capped.ts[WEEKS - 10], 1e-12);
}

/* A perception time near 0 (its range is open at 0): Pp reaches p at once,
 * so ln Ts moves at the constant rate g(p) = (p^alpha - 1)/tau_down (W3,
 * W4), up to the transient: |g(Pp) - g(p)| <= |alpha| |Pp - p|/tau_down
 * (g' at Pp >= 1) and |Pp - p| = 0.6 e^(-t/tau_p), so ln Ts is within
 * 0.64 x 0.6 tau_p/tau_down of t g(p). In bounded time, however small tau_p
 * is against dt (once 2e13 sub-steps, an int overflow: no step at all). */
static void test_erosion_fast_perception(void)
{
    spc_erosion_params prm = ero_params(INFINITY, 1.0);
    double want = 1.0 * (pow(1.6, prm.alpha) - 1.0) / prm.tau_down; /* ln Ts after one week */
    for (int k = 0; k < 3; k++) {
        prm.tau_p = k == 0 ? 1e-12 : k == 1 ? 1e-6 : 1e-3;
        spc_erosion e = { 1.0, 1.0 };
        spc_erosion_advance(&e, &prm, 1.6, 1.0);
        CU_ASSERT_DOUBLE_EQUAL(e.perceived, 1.6, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(log(e.standard), want, 1e-9 + 0.64 * 0.6 * prm.tau_p / prm.tau_down);
    }
}

/* ------------------------------------------------------------------ */
/* helpers for runs                                                    */
/* ------------------------------------------------------------------ */

/* Loads and runs replication 0, keeping the period rows; NULL on error. */
static spc_scenario *run_ts(const char *path, const char *const *sets, size_t nsets, spc_results *res,
                            spc_timeseries *ts)
{
    spc_error err;
    spc_error_clear(&err);
    spc_results_init(res);
    spc_timeseries_init(ts);
    spc_scenario *sc = spc_scenario_load(path, sets, nsets, &err);
    if (sc == NULL) {
        fprintf(stderr, "\n  load %s: %s", path, err.msg);
        return NULL;
    }
    if (spc_run_execute(sc, &(spc_run_request){ .out = res, .ts = ts }, &err) != SPC_OK) {
        fprintf(stderr, "\n  run %s: %s", path, err.msg);
        spc_scenario_free(sc);
        return NULL;
    }
    return sc;
}

static void release(spc_scenario *sc, spc_results *res, spc_timeseries *ts)
{
    spc_scenario_free(sc);
    spc_results_release(res);
    if (ts != NULL)
        spc_timeseries_release(ts);
}

/* The last row of a scope, or NULL. */
static const spc_ts_row *last_row(const spc_timeseries *ts, const char *scope)
{
    for (size_t i = ts->n; i-- > 0;)
        if (strcmp(ts->rows[i].scope, scope) == 0)
            return &ts->rows[i];
    return NULL;
}

/* Sum of a column over the rows of a scope up to time t_max. */
static double column_sum_until(const spc_timeseries *ts, const char *scope, int col, double t_max)
{
    double s = 0;
    for (size_t i = 0; i < ts->n; i++)
        if (strcmp(ts->rows[i].scope, scope) == 0 && ts->rows[i].time <= t_max)
            s += ts->rows[i].v[col];
    return s;
}

static double column_sum(const spc_timeseries *ts, const char *scope, int col)
{
    return column_sum_until(ts, scope, col, INFINITY);
}

/* ------------------------------------------------------------------ */
/* 3. turnover calibration                                             */
/* ------------------------------------------------------------------ */

/* The law of one employee in tests/data/workforce/turnover.cfg. */
typedef struct {
    double m, sd;          /* initial satisfaction N(m, sd), clamped to [0, 100] */
    spc_quit_params q;
    double window;         /* time observed: quit probability 1 - (1 - P)^(window/year) */
    double (*g)(double s, const void *law);
} law_t;

static double p_window(double s, const law_t *l)
{
    double p = spc_quit_probability(s, &l->q);
    return -expm1(l->window / l->q.year * log1p(-p));
}

static double g_p(double s, const void *l) { return p_window(s, l); }
static double g_s(double s, const void *l) { (void)l; return s; }
static double g_s2(double s, const void *l) { (void)l; return s * s; }
static double g_sp(double s, const void *l) { return s * p_window(s, l); }

static double integrand(double s, void *params)
{
    const law_t *l = params;
    return l->g(s, l) * gsl_ran_gaussian_pdf(s - l->m, l->sd);
}

/* E[g(S)] for S = clamp(N(m, sd), 0, 100): adaptive Gauss-Kronrod (QAGS)
 * over [0, 100] plus the two clamped masses. */
static double expect(law_t *l, double (*g)(double, const void *))
{
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
    gsl_function f = { integrand, l };
    double inner = NAN, abserr = NAN;
    l->g = g;
    int rc = gsl_integration_qags(&f, 0.0, 100.0, 1e-12, 1e-11, 1000, w, &inner, &abserr);
    gsl_integration_workspace_free(w);
    CU_ASSERT_EQUAL(rc, GSL_SUCCESS);
    return inner + g(0.0, l) * gsl_cdf_gaussian_P(-l->m, l->sd) + g(100.0, l) * gsl_cdf_gaussian_Q(100.0 - l->m, l->sd);
}

typedef struct {
    double f;              /* E[P]: expected quit fraction */
    double r;              /* point-biserial correlation of S and quitting */
    double m_quit, m_stay; /* E[S | quit], E[S | stay] */
} turnover_theory;

static turnover_theory theory(const spc_workforce_spec *w, double window)
{
    law_t l = { w->s_init_mean, hypot(w->s_init_sd, w->fit_sd), w->quit, window, NULL }; /* (H1): fit + draw */
    turnover_theory t;
    t.f = expect(&l, g_p);
    double es = expect(&l, g_s), vs = expect(&l, g_s2) - es * es, esp = expect(&l, g_sp);
    t.r = (esp - es * t.f) / sqrt(vs * t.f * (1 - t.f));
    t.m_quit = esp / t.f;
    t.m_stay = (es - esp) / (1 - t.f);
    return t;
}

/* n, sum S and sum S^2 of the employees in a row (from mean and sd). */
typedef struct {
    double n, s, s2;
} sums;

static sums row_sums(const spc_ts_row *r)
{
    double n = r->v[SPC_TS_HEADCOUNT], m = r->v[SPC_TS_SATISFACTION], sd = r->v[SPC_TS_SATISFACTION_SD];
    sums x = { n, n * m, (n - 1) * sd * sd + n * m * m };
    return x;
}

/* The literature's -0.19 (Griffeth, Hom and Gaertner 2000) from the model's
 * defaults over the model's year. */
static void check_theoretical_correlation(const spc_workforce_spec *w)
{
    turnover_theory year = theory(w, w->quit.year);
    if (verbose())
        fprintf(stderr, "\n  one year: E[P] = %.6f, point-biserial r = %.4f", year.f, year.r);
    CU_ASSERT(year.r >= -0.23 && year.r <= -0.15);
}

/*
 * The simulated quitters' satisfaction. Outputs show no individual, but
 * satisfaction is static and nobody is hired, so the stayers' (n, sum S,
 * sum S^2) at the end come from the last row's mean and sd, and the whole
 * initial population's from the first row of the same seed with turnover
 * off (the people stream draws the same employees: it does not depend on
 * the turnover switch). The quitters' sums are the difference. Given who
 * quits, each group is an i.i.d. sample of its conditional law, so the
 * difference of the group means has the Welch standard error.
 */
static void check_simulated_correlation(const spc_ts_row *first_off, const spc_ts_row *last,
                                        const turnover_theory *t)
{
    sums all = row_sums(first_off), stay = row_sums(last);
    double nq = all.n - stay.n, sq = all.s - stay.s, sq2 = all.s2 - stay.s2;
    double m1 = sq / nq, m0 = stay.s / stay.n;
    double v1 = (sq2 - nq * m1 * m1) / (nq - 1), v0 = last->v[SPC_TS_SATISFACTION_SD] * last->v[SPC_TS_SATISFACTION_SD];
    double se = sqrt(v1 / nq + v0 / stay.n);
    double p = nq / all.n, s_pop = sqrt((all.s2 - all.s * all.s / all.n) / all.n);
    double r = (m1 - m0) / s_pop * sqrt(p * (1 - p));
    double diff = m1 - m0, want = t->m_quit - t->m_stay;
    if (fabs(diff - want) > Z95 * se || verbose())
        fprintf(stderr, "\n  quitters' mean S %.3f vs stayers' %.3f: difference %.3f, theory %.3f +- %.3f (95%%);"
                " simulated r = %.4f, theory %.4f", m1, m0, diff, want, Z95 * se, r, t->r);
    CU_ASSERT(fabs(diff - want) <= Z95 * se);
}

/* The quit fraction over the rows of a frozen, static-satisfaction run
 * against the law w (in force from time 0) within a 95% binomial
 * interval: given the initial draws are i.i.d., each employee quits
 * independently with probability E[P]. Returns the theory. */
static turnover_theory check_quit_fraction(const spc_scenario *sc, const spc_workforce_spec *w,
                                           const spc_timeseries *ts, const spc_results *res)
{
    const spc_ts_row *last = last_row(ts, "staff");
    CU_ASSERT_PTR_NOT_NULL_FATAL(last);
    const double n0 = sc->stages[0].servers;
    double quits = column_sum(ts, "staff", SPC_TS_QUITS);
    CU_ASSERT_EQUAL(quits, n0 - last->v[SPC_TS_HEADCOUNT]); /* nobody hired */
    CU_ASSERT_EQUAL(quits, tests_metric(res, "staff", "quits")->mean);
    /* rows cover [0, last->time]: a report at the horizon falls after END */
    turnover_theory t = theory(w, last->time);
    double frac = quits / n0, half = Z95 * sqrt(t.f * (1 - t.f) / n0);
    if (fabs(frac - t.f) > half || verbose())
        fprintf(stderr, "\n  quit fraction over %g d: simulated %.5f (%g of %g), expected %.5f +- %.5f (95%% binomial)",
                last->time, frac, quits, n0, t.f, half);
    CU_ASSERT(fabs(frac - t.f) <= half);
    return t;
}

static void test_turnover_calibration(void)
{
    spc_results res, res_off;
    spc_timeseries ts, ts_off;
    const char *off[] = { "workforce.turnover.enabled=false" };
    spc_scenario *sc = run_ts(DATA "turnover.cfg", NULL, 0, &res, &ts);
    spc_scenario *sc_off = run_ts(DATA "turnover.cfg", off, 1, &res_off, &ts_off);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc_off);
    turnover_theory t = check_quit_fraction(sc, &sc->workforce, &ts, &res);
    check_theoretical_correlation(&sc->workforce);
    CU_ASSERT_EQUAL_FATAL(ts_off.rows[0].v[SPC_TS_HEADCOUNT], sc->stages[0].servers);
    check_simulated_correlation(&ts_off.rows[0], last_row(&ts, "staff"), &t);
    release(sc, &res, &ts);
    release(sc_off, &res_off, &ts_off);
}

/* An intervention at time 0 that changes the quit law: the run must follow
 * the new law (the state after the last intervention). */
static void turnover_after_intervention(const char *before, const char *change)
{
    char iv[256];
    snprintf(iv, sizeof iv, "interventions=( { at = \"0d\"; set = ( \"%s\" ); } )", change);
    const char *sets[] = { before, iv };
    spc_results res;
    spc_timeseries ts;
    spc_scenario *sc = run_ts(DATA "turnover.cfg", sets, 2, &res, &ts);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    CU_ASSERT_EQUAL_FATAL(sc->ninterventions, 1);
    check_quit_fraction(sc, &sc->interventions[0].state->workforce, &ts, &res);
    release(sc, &res, &ts);
}

/* a = 3 makes h(S) exceed the hazard bound computed from a = -1.46. */
static void test_turnover_raised_by_intervention(void)
{
    turnover_after_intervention("workforce.turnover.a=-1.46", "workforce.turnover.a=3.0");
}

static void test_turnover_enabled_by_intervention(void)
{
    turnover_after_intervention("workforce.turnover.enabled=false", "workforce.turnover.enabled=true");
}

/* A hiring freeze holds through an intervention that changes only pay. */
static void test_freeze_survives_intervention(void)
{
    const char *sets[] = { "interventions=( { at = \"26w\"; set = ( \"workforce.levers.pay=1.1\" ); } )" };
    spc_results res;
    spc_timeseries ts;
    spc_scenario *sc = run_ts(DATA "turnover.cfg", sets, 1, &res, &ts);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    CU_ASSERT(tests_metric(&res, "staff", "quits")->mean > 0);
    double hires = tests_metric(&res, "staff", "hires")->mean;
    if (hires != 0)
        fprintf(stderr, "\n  hiring freeze: %g hires after a pay change", hires);
    CU_ASSERT_EQUAL(hires, 0.0);
    release(sc, &res, &ts);
}

/* A horizon of exactly 52 report periods ends with a row at the horizon,
 * and the summary's quits cover [0, horizon]: the same seed run to 365 d
 * makes the same draws and events up to 364 d, and reports them. */
static void test_last_period_reported(void)
{
    const char *h364[] = { "horizon=\"364d\"" }, *h365[] = { "horizon=\"365d\"" };
    spc_results ra, rb;
    spc_timeseries ta, tb;
    spc_scenario *a = run_ts(DATA "turnover.cfg", h364, 1, &ra, &ta);
    spc_scenario *b = run_ts(DATA "turnover.cfg", h365, 1, &rb, &tb);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    const spc_ts_row *la = last_row(&ta, "staff");
    CU_ASSERT_PTR_NOT_NULL_FATAL(la);
    CU_ASSERT_EQUAL(la->time, 364.0);
    double qa = tests_metric(&ra, "staff", "quits")->mean;
    double qb = column_sum_until(&tb, "staff", SPC_TS_QUITS, 364.0);
    if (la->time != 364.0 || qa != qb)
        fprintf(stderr, "\n  horizon 364 d: last row at %g d, summary quits %g; over the same 364 d: %g", la->time,
                qa, qb);
    CU_ASSERT_EQUAL(qa, qb);
    release(a, &ra, &ta);
    release(b, &rb, &tb);
}

/* ------------------------------------------------------------------ */
/* 4. headcount identity                                               */
/* ------------------------------------------------------------------ */

/* servers of stage i in the state in effect at time t (interventions at t
 * come before a report at t: they were scheduled first). */
static int servers_at(const spc_scenario *sc, size_t i, double t)
{
    int c = sc->stages[i].servers;
    for (size_t k = 0; k < sc->ninterventions && sc->interventions[k].at <= t; k++)
        c = sc->interventions[k].state->stages[i].servers;
    return c;
}

static void check_stage_identity(const spc_scenario *sc, const spc_timeseries *ts, size_t i, double *moves)
{
    const char *name = sc->stages[i].name;
    double prev = sc->stages[i].servers;
    long period = 0;
    for (size_t k = 0; k < ts->n; k++) {
        const spc_ts_row *r = &ts->rows[k];
        if (strcmp(r->scope, name) != 0)
            continue;
        const double *v = r->v;
        double want = prev + v[SPC_TS_HIRES] - v[SPC_TS_QUITS] - v[SPC_TS_LAYOFFS];
        if (v[SPC_TS_HEADCOUNT] != want || r->period != period)
            fprintf(stderr, "\n  %s period %ld: headcount %g, expected %g + %g - %g - %g", name, r->period,
                    v[SPC_TS_HEADCOUNT], prev, v[SPC_TS_HIRES], v[SPC_TS_QUITS], v[SPC_TS_LAYOFFS]);
        CU_ASSERT_EQUAL(r->period, period);
        CU_ASSERT_EQUAL(v[SPC_TS_HEADCOUNT], want);
        CU_ASSERT_EQUAL(v[SPC_TS_HEADCOUNT] + v[SPC_TS_VACANCIES], servers_at(sc, i, r->time));
        moves[0] += v[SPC_TS_QUITS], moves[1] += v[SPC_TS_HIRES], moves[2] += v[SPC_TS_LAYOFFS];
        prev = v[SPC_TS_HEADCOUNT];
        period++;
    }
    CU_ASSERT(period > 0);
}

static void test_headcount_identity(void)
{
    spc_results res;
    spc_timeseries ts;
    spc_scenario *sc = run_ts(DATA "headcount.cfg", NULL, 0, &res, &ts);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    double moves[3] = { 0, 0, 0 };
    for (size_t i = 0; i < sc->nstages; i++)
        check_stage_identity(sc, &ts, i, moves);
    /* the scenario exercises every move */
    CU_ASSERT(moves[0] > 0 && moves[1] > 0 && moves[2] > 0);
    CU_ASSERT_EQUAL(moves[0], tests_metric(&res, "company", "quits")->mean);
    CU_ASSERT_EQUAL(moves[1], tests_metric(&res, "company", "hires")->mean);
    CU_ASSERT_EQUAL(moves[2], tests_metric(&res, "company", "layoffs")->mean);
    if (verbose())
        fprintf(stderr, "\n  quits %g, hires %g, layoffs %g", moves[0], moves[1], moves[2]);
    release(sc, &res, &ts);
}

/* ------------------------------------------------------------------ */
/* 5. links off: the plain queueing core, bit for bit                  */
/* ------------------------------------------------------------------ */

#define LINKS_OFF_COMMON                                                                  \
    "turnover = { enabled = false; }; pressure = { elasticity = 0.0; }; "                 \
    "quality = { base_error = 0.0; error_gain = 0.0; }; fatigue = { overtime_max = 0.0; }; " \
    "levers = { pay = 1.0; recognition = 0.5; training_hours = 2.0; hours_per_week = 40.0; }; "  \
    "traits = { skill_sd = 0.0; }; pathways = { speed = false; accuracy = false; };"

static int same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

/* Every metric of `core` is in `wf` with the same mean, lo, hi; the first
 * difference is printed. Returns the number of metrics compared. */
static size_t compare_bitwise(const spc_results *core, const spc_results *wf)
{
    size_t n = 0;
    int shown = 0;
    for (size_t k = 0; k < core->n; k++) {
        const spc_result_row *a = &core->rows[k];
        const spc_result_row *b = spc_results_find(wf, a->scope, a->metric);
        CU_ASSERT_PTR_NOT_NULL(b);
        if (b == NULL)
            continue;
        int same = same_bits(a->e.mean, b->e.mean) && same_bits(a->e.lo, b->e.lo) && same_bits(a->e.hi, b->e.hi);
        if (!same && !shown++)
            fprintf(stderr, "\n  first difference: %s/%s: core %.17g [%.17g, %.17g], workforce %.17g [%.17g, %.17g]",
                    a->scope, a->metric, a->e.mean, a->e.lo, a->e.hi, b->e.mean, b->e.lo, b->e.hi);
        CU_ASSERT(same);
        n++;
    }
    return n;
}

static void links_off(const char *learning)
{
    char wf[1024];
    snprintf(wf, sizeof wf, "workforce={ %s %s }", LINKS_OFF_COMMON, learning);
    const char *core_sets[] = { "horizon=2000.0" };
    const char *wf_sets[] = { "horizon=2000.0", wf };
    spc_results core, with;
    spc_scenario *a = tests_run("scenarios/validation/tandem3.cfg", core_sets, 1, &core);
    spc_scenario *b = tests_run("scenarios/validation/tandem3.cfg", wf_sets, 2, &with);
    CU_ASSERT(b->workforce.enabled);
    size_t n = compare_bitwise(&core, &with);
    CU_ASSERT(n >= 3 * 11 + 10); /* every stage metric and the system's */
    CU_ASSERT_PTR_NOT_NULL(spc_results_find(&with, "intake", "headcount_mean"));
    release(a, &core, NULL);
    release(b, &with, NULL);
}

/* Full productivity from the first day through a learning curve that is
 * over in a second (learning(tenure) rounds to exactly 1 after ~40 s; the
 * initial tenures are years). */
static void test_links_off_fast_learning(void)
{
    links_off("learning = { initial = 0.5; time_constant = \"1s\"; mentoring = 0.0; };");
}

/* The same with hires fully productive from the start (learning.initial =
 * 1), the documented way to switch learning off. */
static void test_links_off_no_learning(void)
{
    links_off("learning = { initial = 1.0; mentoring = 0.0; };");
}

/* ------------------------------------------------------------------ */
/* 6. each link alone, in its documented direction                     */
/* ------------------------------------------------------------------ */

/* a is above b beyond both 95% intervals. */
static void above(const spc_estimate *a, const spc_estimate *b, const char *what)
{
    int ok = a->lo > b->hi;
    if (!ok || verbose())
        fprintf(stderr, "\n  %s: %.5g [%.5g, %.5g] %s %.5g [%.5g, %.5g]", what, a->mean, a->lo, a->hi,
                ok ? "above" : "is NOT above", b->mean, b->lo, b->hi);
    CU_ASSERT(ok);
}

typedef struct {
    spc_scenario *sc;
    spc_results res;
} run_t;

/* Runs `path` with the base settings and one extra setting (may be NULL). */
static run_t run_with(const char *path, const char *const *base, size_t nbase, const char *extra)
{
    const char *sets[16];
    size_t n = 0;
    for (; n < nbase && n < 15; n++)
        sets[n] = base[n];
    if (extra != NULL)
        sets[n++] = extra;
    run_t r;
    r.sc = tests_run(path, sets, n, &r.res);
    return r;
}

static void run_free(run_t *r) { release(r->sc, &r->res, NULL); }

static const spc_estimate *est(const run_t *r, const char *scope, const char *metric)
{
    return tests_metric(&r->res, scope, metric);
}

/* (a) load -> pressure -> satisfaction -> quits. The two quit totals are
 * Poisson-like counts: their difference must exceed 1.96 sqrt(q1 + q2). */
static void test_link_load(void)
{
    const char *lo[] = { "arrivals.rate=100.0" }, *hi[] = { "arrivals.rate=165.0" };
    run_t a = run_with(DATA "links.cfg", lo, 1, NULL), b = run_with(DATA "links.cfg", hi, 1, NULL);
    above(est(&b, "work", "pressure_mean"), est(&a, "work", "pressure_mean"), "(a) load raises pressure");
    above(est(&a, "work", "satisfaction_mean"), est(&b, "work", "satisfaction_mean"), "(a) load lowers satisfaction");
    /* turnover: counted as quits (weekly rates are too noisy for intervals) */
    double qa = est(&a, "work", "quits")->mean, qb = est(&b, "work", "quits")->mean;
    if (verbose())
        fprintf(stderr, "\n  (a) quits %g at low load, %g at high load", qa, qb);
    CU_ASSERT(qb - qa > Z95 * sqrt(qa + qb));
    run_free(&a);
    run_free(&b);
}

/* (b) the pressure term of satisfaction, under load. */
static void test_link_w_pressure(void)
{
    const char *base[] = { "arrivals.rate=165.0" };
    run_t a = run_with(DATA "links.cfg", base, 1, "workforce.satisfaction.w_pressure=0.0");
    run_t b = run_with(DATA "links.cfg", base, 1, "workforce.satisfaction.w_pressure=20.0");
    above(est(&a, "work", "satisfaction_mean"), est(&b, "work", "satisfaction_mean"), "(b) w_pressure lowers satisfaction");
    run_free(&a);
    run_free(&b);
}

/* (c) pay 1.2 raises the target by w_pay ln 1.2 = 9.1 points. */
static void test_link_pay(void)
{
    run_t a = run_with(DATA "links.cfg", NULL, 0, "workforce.levers.pay=1.2");
    run_t b = run_with(DATA "links.cfg", NULL, 0, "workforce.levers.pay=1.0");
    above(est(&a, "work", "satisfaction_mean"), est(&b, "work", "satisfaction_mean"), "(c) pay raises satisfaction");
    run_free(&a);
    run_free(&b);
}

/* (d) under pressure, a negative elasticity shortens time per order (W3)
 * and so raises the error probability (Q1). */
static void test_link_elasticity(void)
{
    /* overtime off: no fatigue, whose effect on quality would mix in */
    const char *base[] = { "arrivals.rate=165.0", "workforce.fatigue.overtime_max=0.0" };
    run_t a = run_with(DATA "links.cfg", base, 2, "workforce.pressure.elasticity=-0.64");
    run_t b = run_with(DATA "links.cfg", base, 2, "workforce.pressure.elasticity=0.0");
    above(est(&b, "work", "time_per_order_mean"), est(&a, "work", "time_per_order_mean"),
          "(d) elasticity shortens time per order");
    above(est(&a, "work", "errors"), est(&b, "work", "errors"), "(d) elasticity raises errors");
    run_free(&a);
    run_free(&b);
}

/* (g) the server's own state in the error probability: a fatigued staff
 * errs more (overtime on vs off under load, elasticity 0), and so do
 * novices (learning.initial 0.5 vs 1.0 with heavy turnover). */
static void test_link_server_errors(void)
{
    const char *load[] = { "arrivals.rate=165.0" };
    run_t a = run_with(DATA "links.cfg", load, 1, "workforce.fatigue.overtime_max=0.5");
    run_t b = run_with(DATA "links.cfg", load, 1, "workforce.fatigue.overtime_max=0.0");
    above(est(&a, "work", "fatigue_mean"), est(&b, "work", "fatigue_mean"), "(g) overtime tires");
    above(est(&a, "work", "errors"), est(&b, "work", "errors"), "(g) fatigue raises errors");
    run_free(&a);
    run_free(&b);
    const char *churn[] = { "workforce.turnover.a=1.5", "workforce.hiring.delay={ dist = \"deterministic\"; mean = \"1w\"; }" };
    run_t c = run_with(DATA "links.cfg", churn, 2, "workforce.learning.initial=0.5");
    run_t d = run_with(DATA "links.cfg", churn, 2, "workforce.learning.initial=1.0");
    above(est(&c, "work", "errors"), est(&d, "work", "errors"), "(g) novices err more");
    run_free(&c);
    run_free(&d);
}

/* (e) slow starters: with heavy turnover a low initial productivity raises
 * waits. Pressure's effects on people are off so that only learning moves. */
static const char *const learning_base[] = {
    "stages.[0].servers=20", "arrivals.rate=16.0", "workforce.turnover.a=1.0",
    "workforce.satisfaction.w_pressure=0.0", "workforce.satisfaction.w_fatigue=0.0",
    "workforce.fatigue.overtime_max=0.0"
};

static void learning_link(const char *high)
{
    run_t a = run_with(DATA "links.cfg", learning_base, 6, "workforce.learning.initial=0.3");
    run_t b = run_with(DATA "links.cfg", learning_base, 6, high);
    CU_ASSERT(est(&a, "work", "hires")->mean > 0);
    above(est(&a, "work", "wait_mean"), est(&b, "work", "wait_mean"), "(e) slow learning raises waits");
    run_free(&a);
    run_free(&b);
}

static void test_link_learning(void) { learning_link("workforce.learning.initial=0.9"); }
static void test_link_learning_full(void) { learning_link("workforce.learning.initial=1.0"); }

/* (f) detection downstream: caught defects go back to the stage that made
 * them; without detection they escape to the customer. */
static void test_link_detection(void)
{
    run_t a = run_with(DATA "quality.cfg", NULL, 0, "stages.[1].detection=1.0");
    run_t b = run_with(DATA "quality.cfg", NULL, 0, "stages.[1].detection=0.0");
    CU_ASSERT(est(&a, "check", "defects_caught")->mean > 0);
    CU_ASSERT(est(&a, "make", "rework")->mean > 0);
    CU_ASSERT_EQUAL(est(&a, "make", "rework")->mean, est(&a, "check", "defects_caught")->mean);
    CU_ASSERT_EQUAL(est(&a, "check", "rework")->mean, 0.0);
    CU_ASSERT_EQUAL(est(&b, "check", "defects_caught")->mean, 0.0);
    CU_ASSERT_EQUAL(est(&b, "make", "rework")->mean, 0.0);
    above(est(&b, "system", "escaped_defects"), est(&a, "system", "escaped_defects"),
          "(f) no detection lets more defects escape");
    if (verbose())
        fprintf(stderr, "\n  (f) caught %g, reworked %g", est(&a, "check", "defects_caught")->mean,
                est(&a, "make", "rework")->mean);
    run_free(&a);
    run_free(&b);
}

/* ------------------------------------------------------------------ */


/* (LZ1): the default step against updates at every read (step 0), paired
 * by seed. The step is a numerical choice: its effect on each headline
 * estimate must stay well inside that estimate's own 95% interval (half of
 * its half-width), so that no conclusion drawn from a run depends on it. */
static void test_step_converges(void)
{
    static const char *const metrics[][2] = {
        { "company", "satisfaction_mean" }, { "company", "pressure_mean" }, { "company", "isq_mean" },
        { "company", "time_per_order_mean" }, { "company", "turnover_annual" }, { "company", "fatigue_mean" },
        { "customers", "csat" }, { "customers", "esat" }, { "finance", "profit" }, { "system", "lead_time_mean" },
    };
    const char *exact[] = { "workforce.step=0" };
    spc_experiment a, b;
    tests_run_replications("scenarios/training.cfg", exact, 1, 8, &a);
    tests_run_replications("scenarios/training.cfg", NULL, 0, 8, &b);
    for (size_t k = 0; k < sizeof metrics / sizeof metrics[0]; k++) {
        const spc_estimate *e0 = tests_metric(&a.combined, metrics[k][0], metrics[k][1]);
        const spc_estimate *e1 = tests_metric(&b.combined, metrics[k][0], metrics[k][1]);
        double hw = 0.5 * (e0->hi - e0->lo), d = e1->mean - e0->mean;
        int ok = fabs(d) <= 0.5 * hw;
        if (!ok || verbose())
            fprintf(stderr, "\n  %s/%s: step 0 %.6g [%.6g, %.6g], default %.6g: %.2f half-widths", metrics[k][0],
                    metrics[k][1], e0->mean, e0->lo, e0->hi, e1->mean, hw > 0 ? d / hw : 0.0);
        CU_ASSERT(ok);
    }
    /* and the setting is used: a step of a week (tau_p) gives other numbers */
    const char *coarse[] = { "workforce.step=\"1w\"" };
    spc_experiment c;
    tests_run_replications("scenarios/training.cfg", coarse, 1, 8, &c);
    CU_ASSERT(tests_metric(&c.combined, "company", "satisfaction_mean")->mean !=
              tests_metric(&a.combined, "company", "satisfaction_mean")->mean);
    spc_experiment_release(&a);
    spc_experiment_release(&b);
    spc_experiment_release(&c);
}

/* (CR1) the sum tree: terms changed one at a time in any order give bit for
 * bit the total of the terms set afresh, and the plain sum within rounding. */
static void test_sum_tree(void)
{
    static const size_t sizes[] = { 1, 5, 1000 };
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 15);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        spc_sum_tree kept, fresh;
        CU_ASSERT_FATAL(spc_sum_tree_init(&kept, n) == 0 && spc_sum_tree_init(&fresh, n) == 0);
        CU_ASSERT(spc_sum_tree_total(&kept) == 0.0);
        for (size_t step = 0; step < 20 * n; step++) { /* hires, departures, changes */
            size_t i = gsl_rng_uniform_int(r, (unsigned long)n);
            spc_sum_tree_set(&kept, i, gsl_rng_uniform(r) < 0.2 ? 0.0 : gsl_ran_lognormal(r, 0.0, 0.5));
        }
        double plain = 0;
        for (size_t i = 0; i < n; i++) {
            spc_sum_tree_put(&fresh, i, spc_sum_tree_term(&kept, i));
            plain += spc_sum_tree_term(&kept, i);
        }
        spc_sum_tree_rebuild(&fresh);
        CU_ASSERT(spc_sum_tree_total(&kept) == spc_sum_tree_total(&fresh));
        CU_ASSERT(fabs(spc_sum_tree_total(&kept) - plain) <= 1e-12 * plain);
        spc_sum_tree_release(&kept);
        spc_sum_tree_release(&fresh);
    }
    gsl_rng_free(r);
}

/* (CR1) after a year of quits, hires, absences and a pay cut, the capacity
 * sums kept through single hires and departures equal, at every period end,
 * a recomputation from their terms; and checking changes nothing. */
static void test_capacity_sums(void)
{
    const char *sets[] = { "horizon=\"52w\"", "warmup=\"4w\"", "workforce.absence.base=0.05",
                           "interventions.[0].at=\"20w\"" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("scenarios/turnover.cfg", sets, 4, &err);
    CU_ASSERT_FATAL(sc != NULL);
    spc_results plain, checked;
    spc_results_init(&plain);
    spc_results_init(&checked);
    CU_ASSERT(spc_run_execute(sc, &(spc_run_request){ .out = &plain }, &err) == SPC_OK);
    spc_status st = spc_run_execute(sc, &(spc_run_request){ .out = &checked, .check_sums = 1 }, &err);
    if (st != SPC_OK)
        fprintf(stderr, "\n  %s", err.msg);
    CU_ASSERT(st == SPC_OK);
    const spc_estimate *q = tests_metric(&checked, "company", "quits");
    const spc_estimate *h = tests_metric(&checked, "company", "hires");
    CU_ASSERT(q != NULL && q->mean > 0 && h != NULL && h->mean > 0); /* the paths were exercised */
    CU_ASSERT_FATAL(plain.n == checked.n);
    for (size_t i = 0; i < plain.n; i++)
        CU_ASSERT(memcmp(&plain.rows[i].e.mean, &checked.rows[i].e.mean, sizeof(double)) == 0);
    spc_results_release(&plain);
    spc_results_release(&checked);
    spc_scenario_free(sc);
}

static const CU_TestInfo tests[] = {
    { "first-order adjustment (E1): closed form, composition, tau = inf, dt = 0", test_first_order },
    { "learning curve (E2) and fatigue factor (E3)", test_learning_fatigue },
    { "quit probability (E4) and hazard (E5)", test_quit_law },
    { "erosion vs ODE: the standard erodes and does not recover at p = 1", test_erosion_persists },
    { "erosion with a perception time near 0: exact, in bounded time", test_erosion_fast_perception },
    { "erosion vs ODE: at p = 0.8, f_max 1.2, a finite recovery time brings it partly back", test_erosion_recovers },
    { "turnover: annual quit fraction and satisfaction-quit correlation", test_turnover_calibration },
    { "turnover: an intervention raising the quit intercept is followed", test_turnover_raised_by_intervention },
    { "turnover: an intervention switching turnover on is followed", test_turnover_enabled_by_intervention },
    { "hiring freeze: a pay intervention hires nobody", test_freeze_survives_intervention },
    { "a horizon of whole report periods reports the last one", test_last_period_reported },
    { "headcount(k) = headcount(k-1) + hires - quits - layoffs", test_headcount_identity },
    { "links off (instant learning) reproduce the core bit for bit", test_links_off_fast_learning },
    { "links off (learning.initial = 1) reproduce the core bit for bit", test_links_off_no_learning },
    { "(a) load lowers satisfaction, raises quits", test_link_load },
    { "(b) w_pressure lowers satisfaction under load", test_link_w_pressure },
    { "(c) pay lever raises satisfaction", test_link_pay },
    { "(d) elasticity shortens time per order, raises errors", test_link_elasticity },
    { "(g) fatigue and novices raise errors", test_link_server_errors },
    { "(e) lower initial productivity (0.3 vs 0.9) raises waits", test_link_learning },
    { "(e) lower initial productivity (0.3 vs 1.0) raises waits", test_link_learning_full },
    { "(f) detection catches defects for rework; none lets them escape", test_link_detection },
    { "(LZ1) the default step agrees with updates at every read within half an interval", test_step_converges },
    { "(CR1) sum tree: single-term changes give the fresh total bit for bit", test_sum_tree },
    { "(CR1) capacity sums kept through hires and quits equal their recomputation", test_capacity_sums },
    CU_TEST_INFO_NULL
};

int tests_workforce(void) { return tests_add_suite("workforce", tests); }
