/*
 * test_calibrate.c -- calibration targets (target.h) and the search toward
 * them (calibrate.h): reading --target, the statistics across units and
 * employees on data made by hand, and recovering known settings of a small
 * company from a panel correlation and a summary metric.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/CUnit.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_statistics_double.h>

#include "spcsim/calibrate.h"
#include "spcsim/target.h"
#include "tests.h"

#define COMPANY "tests/data/calibrate/company.cfg"

/* ---- reading --target ---- */

static void test_parse_forms(void)
{
    spc_target t;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "system/lead_time_mean=2.5", &err), SPC_OK);
    CU_ASSERT_EQUAL(t.source, SPC_TARGET_SUMMARY);
    CU_ASSERT_STRING_EQUAL(t.scope, "system");
    CU_ASSERT_STRING_EQUAL(t.metric, "lead_time_mean");
    CU_ASSERT_STRING_EQUAL(t.name, "system/lead_time_mean");
    CU_ASSERT_DOUBLE_EQUAL(t.value, 2.5, 0);
    CU_ASSERT_DOUBLE_EQUAL(t.sd, 0, 0);
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "company/quits=12:3", &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(t.sd, 3, 0);
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "panel:corr(esat,csat)=0.32:0.05", &err), SPC_OK);
    CU_ASSERT_EQUAL(t.source, SPC_TARGET_PANEL);
    CU_ASSERT_EQUAL(t.stat, SPC_TARGET_CORR);
    CU_ASSERT_EQUAL(t.col[0], SPC_P_ESAT);
    CU_ASSERT_EQUAL(t.col[1], SPC_P_CSAT);
    CU_ASSERT_STRING_EQUAL(t.name, "panel:corr(esat,csat)");
    CU_ASSERT_DOUBLE_EQUAL(t.value, 0.32, 0);
    CU_ASSERT_DOUBLE_EQUAL(t.sd, 0.05, 0);
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "panel:corr(esat,productivity)=0.2\xc2\xb1" "0.04", &err), SPC_OK);
    CU_ASSERT_EQUAL(t.col[1], SPC_P_PRODUCTIVITY);
    CU_ASSERT_DOUBLE_EQUAL(t.sd, 0.04, 0);
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "panel:slope(revenue_growth,impression)=0.385", &err), SPC_OK);
    CU_ASSERT_EQUAL(t.stat, SPC_TARGET_SLOPE);
    CU_ASSERT_EQUAL(t.col[0], SPC_TARGET_GROWTH);
    CU_ASSERT_EQUAL(t.col[1], SPC_P_IMPRESSION);
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "employees:corr(s_start,quit)=-0.19", &err), SPC_OK);
    CU_ASSERT_EQUAL(t.source, SPC_TARGET_EMPLOYEES);
    CU_ASSERT_EQUAL(t.col[0], SPC_EMP_S_START);
    CU_ASSERT_EQUAL(t.col[1], SPC_EMP_QUIT);
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "employees:mean(quit)=0.20", &err), SPC_OK);
    CU_ASSERT_EQUAL(t.stat, SPC_TARGET_MEAN);
    CU_ASSERT_EQUAL(t.col[1], -1);
    /* the chain study's changes, and a target of another scenario */
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "chain:rel(csat)=1:0.25", &err), SPC_OK);
    CU_ASSERT_EQUAL(t.source, SPC_TARGET_CHAIN);
    CU_ASSERT_EQUAL(t.stat, SPC_TARGET_REL);
    CU_ASSERT_STRING_EQUAL(t.scope, "customers");
    CU_ASSERT_STRING_EQUAL(t.metric, "csat");
    CU_ASSERT_DOUBLE_EQUAL(t.delta, 5.0, 0);
    CU_ASSERT_EQUAL(t.points, 0);
    CU_ASSERT_STRING_EQUAL(t.name, "chain:rel(csat)");
    CU_ASSERT_EQUAL(t.scenario[0], '\0');
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "sears-hbr@chain(5pt):diff(revenue_growth)=0.5", &err), SPC_OK);
    CU_ASSERT_EQUAL(t.stat, SPC_TARGET_DIFF);
    CU_ASSERT_STRING_EQUAL(t.scope, "finance");
    CU_ASSERT_DOUBLE_EQUAL(t.delta, 5.0, 0);
    CU_ASSERT_EQUAL(t.points, 1);
    CU_ASSERT_STRING_EQUAL(t.scenario, "sears-hbr");
    CU_ASSERT_STRING_EQUAL(t.name, "sears-hbr@chain(5pt):diff(revenue_growth)");
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "chain(2.5%):rel(profit)=0.5", &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(t.delta, 2.5, 0);
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "2@panel:corr(esat,csat)=0.3", &err), SPC_OK);
    CU_ASSERT_STRING_EQUAL(t.scenario, "2");
    CU_ASSERT_STRING_EQUAL(t.name, "2@panel:corr(esat,csat)");
    CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, "b@company/quits=3", &err), SPC_OK);
    CU_ASSERT_STRING_EQUAL(t.name, "b@company/quits");
    CU_ASSERT_EQUAL(err.code, SPC_OK);
}

/* Each bad argument is refused with a message naming the flag and the
 * part that is wrong. */
static void test_parse_errors(void)
{
    static const struct {
        const char *arg, *says;
    } bad[] = {
        { "panel:corr(esat,nope)=0.3", "unknown panel column 'nope' (one of esat, csat" },
        { "employees:corr(s_start,esat)=0.3", "unknown employees column 'esat' (one of tenure" },
        { "panel:median(esat)=1", "unknown statistic 'median'" },
        { "panel:mean(esat,csat)=1", "mean takes one column" },
        { "panel:corr(esat)=1", "corr takes two columns" },
        { "panel:corr(esat,csat", "expected panel:STAT(COLUMN[,COLUMN])=VALUE" },
        { "panel:corr(esat,csat)", "expected '=' after 'panel:corr(esat,csat)'" },
        { "panel:corr(esat,csat)=x", "expected a number after '='" },
        { "panel:corr(esat,csat)=0.3:", "SD > 0" },
        { "panel:corr(esat,csat)=0.3:-0.1", "SD > 0" },
        { "panel:corr(esat,csat)=0.3;0.1", "SD > 0" },
        { "nometric=1", "expected SCOPE/METRIC=VALUE, panel:STAT" },
        { "system/lead_time_mean", "expected SCOPE/METRIC=VALUE" },
        { "system/lead_time_mean=nan", "expected a number" },
        { "chain(5):rel(csat)=1", "DELTA a positive rise of ESAT with its unit" },
        { "chain(-5%):rel(csat)=1", "DELTA a positive rise of ESAT with its unit" },
        { "chain(5x):rel(csat)=1", "DELTA a positive rise of ESAT with its unit" },
        { "chain:mean(csat)=1", "unknown chain statistic 'mean'" },
        { "chain:rel(happiness)=1", "unknown chain measure 'happiness' (one of esat, csat" },
        { "chain:rel(revenue_growth)=1", "use diff" },
        { "chain:rel(csat)", "expected chain(DELTA):STAT(MEASURE)=VALUE" },
        { "a b@chain:rel(csat)=1", "expected SCENARIO@TARGET" },
        { "@chain:rel(csat)=1", "expected SCENARIO@TARGET" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        spc_target t;
        spc_error err;
        spc_error_clear(&err);
        CU_ASSERT_EQUAL(spc_target_parse(&t, bad[i].arg, &err), SPC_ERR_USAGE);
        int named = strncmp(err.msg, "--target ", 9) == 0 && strstr(err.msg, bad[i].arg) != NULL;
        int says = strstr(err.msg, bad[i].says) != NULL;
        if (!named || !says)
            fprintf(stderr, "\n  %s: got \"%s\"", bad[i].arg, err.msg);
        CU_ASSERT(named && says);
    }
}

/* ---- the statistics on data made by hand ---- */

/* Replication r's panel: 4 units, 3 periods of 10 (the first in the
 * warm-up, value 1000 so that counting it would show), ESAT of unit u
 * 60 + 5u + r, CSAT 80 + 2u^2 alternating +-1 around it. */
static void fill_panel(spc_panel *p, unsigned r)
{
    spc_panel_init(p);
    for (uint32_t u = 0; u < 4; u++)
        for (long k = 0; k < 3; k++) {
            spc_panel_row *row = spc_panel_add(p, u, k, 10.0 * (double)(k + 1));
            row->v[SPC_P_ESAT] = k == 0 ? 1000 : 60 + 5.0 * u + r;
            row->v[SPC_P_CSAT] = k == 0 ? 1000 : 80 + 2.0 * u * u + (k == 1 ? 1 : -1);
        }
}

/* Replication r's employee log: 10 cohort rows, s_start 40 + 5i, quit
 * (partway through the year, exposure 0.5) when i < 3 + r; and two rows
 * of people hired during the year (not in the cohort) who quit with high
 * satisfaction, which must be left out. */
static void fill_emplog(spc_emplog *l, unsigned r)
{
    spc_emplog_init(l);
    for (uint32_t i = 0; i < 12; i++) {
        spc_emp_row row = { .unit = 0, .id = i, .s_start = i < 10 ? 40 + 5.0 * i : 95, .exposure = i < 3 + r || i >= 10 ? 0.5 : 1,
                            .quit = i < 10 ? i < 3 + r : 1, .cohort = i < 10 };
        CU_ASSERT_EQUAL(spc_emplog_add(l, &row), 0);
    }
}

static void test_statistics_by_hand(void)
{
    spc_panel panel[3];
    spc_emplog emp[3];
    for (unsigned r = 0; r < 3; r++)
        fill_panel(&panel[r], r), fill_emplog(&emp[r], r);
    spc_experiment x;
    memset(&x, 0, sizeof x);
    x.n = 3, x.rep_panel = panel, x.rep_emp = emp;
    spc_target_frame fr = { 10.0, 52 };
    spc_error err;
    spc_error_clear(&err);
    spc_target t;
    spc_estimate e;
    /* unit means after the warm-up: ESAT 60 + 5u + r, CSAT 80 + 2u^2 */
    double es[4] = { 60, 65, 70, 75 }, cs[4] = { 80, 82, 88, 98 };
    double corr = gsl_stats_correlation(es, 1, cs, 1, 4);
    spc_target_parse(&t, "panel:corr(esat,csat)=0.5", &err);
    CU_ASSERT_EQUAL(spc_target_measure(&t, &x, &fr, &e, &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, corr, 1e-12); /* the same in every replication */
    CU_ASSERT_DOUBLE_EQUAL(e.lo, corr, 1e-12);
    CU_ASSERT_EQUAL((int)e.n, 3);
    /* slope of CSAT on ESAT: sum dx dy / sum dx^2 = 150 / 125 = 1.2 points of CSAT per point of ESAT */
    spc_target_parse(&t, "panel:slope(csat,esat)=1", &err);
    CU_ASSERT_EQUAL(spc_target_measure(&t, &x, &fr, &e, &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, 150.0 / 125.0, 1e-12);
    /* mean ESAT: 67.5 + r over r = 0, 1, 2 -> 68.5, t interval 68.5 +- t(0.975, 2) * 1 / sqrt(3) */
    spc_target_parse(&t, "panel:mean(esat)=68", &err);
    CU_ASSERT_EQUAL(spc_target_measure(&t, &x, &fr, &e, &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, 68.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(e.hi - e.mean, 4.302652729749464 / sqrt(3.0), 1e-9);
    /* employees: the quit rate (3 + r) / 10 over the cohort rows only */
    spc_target_parse(&t, "employees:mean(quit)=0.2", &err);
    CU_ASSERT_EQUAL(spc_target_measure(&t, &x, &fr, &e, &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, 0.4, 1e-12);
    /* point-biserial correlation of s_start and quit, replication by replication */
    double s[10], q[10], sum = 0;
    for (unsigned r = 0; r < 3; r++) {
        for (int i = 0; i < 10; i++)
            s[i] = 40 + 5.0 * i, q[i] = i < 3 + (int)r;
        sum += gsl_stats_correlation(s, 1, q, 1, 10);
    }
    spc_target_parse(&t, "employees:corr(s_start,quit)=-0.19", &err);
    CU_ASSERT_EQUAL(spc_target_measure(&t, &x, &fr, &e, &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(e.mean, sum / 3, 1e-12);
    CU_ASSERT(e.mean < -0.7);
    /* met: inside the interval, or within the stated sd */
    spc_estimate m = { 0.30, 0.28, 0.33, 5 };
    spc_target_parse(&t, "panel:corr(esat,csat)=0.32", &err);
    CU_ASSERT(spc_target_met(&t, &m));
    spc_target_parse(&t, "panel:corr(esat,csat)=0.36", &err);
    CU_ASSERT_FALSE(spc_target_met(&t, &m));
    CU_ASSERT_DOUBLE_EQUAL(spc_target_weight(&t), 0.36, 0);
    spc_target_parse(&t, "panel:corr(esat,csat)=0.36:0.07", &err);
    CU_ASSERT(spc_target_met(&t, &m));
    CU_ASSERT_DOUBLE_EQUAL(spc_target_weight(&t), 0.07, 0);
    CU_ASSERT_EQUAL(err.code, SPC_OK);
    /* no data at all: an error naming the flag */
    for (unsigned r = 0; r < 3; r++)
        spc_panel_release(&panel[r]), spc_emplog_release(&emp[r]);
    spc_target_parse(&t, "panel:corr(esat,csat)=0.3", &err);
    CU_ASSERT_EQUAL(spc_target_measure(&t, &x, &fr, &e, &err), SPC_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "--target panel:corr(esat,csat): the panel is empty"));
    spc_error_clear(&err);
    spc_target_parse(&t, "employees:mean(quit)=0.2", &err);
    CU_ASSERT_EQUAL(spc_target_measure(&t, &x, &fr, &e, &err), SPC_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "no cohort rows in the employee log"));
}

/* A target without a value at the start (revenue growth needs a year
 * after the warm-up; the company runs 16 weeks) stops the search at once
 * with an error naming it, not a failed minimiser. */
static void test_target_without_value(void)
{
    spc_calibration c;
    memset(&c, 0, sizeof c);
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL(spc_calibration_add_target(&c, "panel:mean(revenue_growth)=0", &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibration_add_free(&c, "units.management_sd=1:12", &err), SPC_OK);
    spc_experiment_opts o = { 2, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    spc_calibration_result r;
    CU_ASSERT_EQUAL(spc_calibrate_one(COMPANY, NULL, 0, &c, &o, &r, NULL, &err), SPC_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "--target panel:mean(revenue_growth): no replication has a value"));
    CU_ASSERT_EQUAL(r.evaluations, 0);
    spc_calibration_release(&c);
}

/* ---- recovering known settings ---- */

/* The two settings and the two targets of the recovery test: the weight
 * of the front employee's mood in the customer's score moves the
 * correlation of ESAT and CSAT across the eight stores; employees' base
 * satisfaction moves their mean satisfaction. */
static const char *const free_path[2] = { "customers.satisfaction.w_attitude", "workforce.satisfaction.base" };
static const double known[2] = { 0.15, 70.0 };
static const char *const target_name[2] = { "panel:corr(esat,csat)", "company/satisfaction_mean" };
#define REPS 4

/* The targets' estimates at settings x (one experiment). */
static void measure_at(const double *x, spc_estimate *e)
{
    char a[2][128];
    const char *sets[2] = { a[0], a[1] };
    for (int j = 0; j < 2; j++)
        snprintf(a[j], sizeof a[j], "%s=%.17g", free_path[j], x[j]);
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(COMPANY, sets, 2, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_experiment ex;
    spc_experiment_opts o = { REPS, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &ex, &err), SPC_OK);
    spc_target_frame fr = { sc->warmup, lround(sc->workforce.quit.year / sc->period) };
    for (int k = 0; k < 2; k++) {
        spc_target t;
        char arg[160];
        snprintf(arg, sizeof arg, "%s=0", target_name[k]);
        CU_ASSERT_EQUAL(spc_target_parse(&t, arg, &err), SPC_OK);
        CU_ASSERT_EQUAL(spc_target_measure(&t, &ex, &fr, &e[k], &err), SPC_OK);
    }
    spc_experiment_release(&ex);
    spc_scenario_free(sc);
}

/* Targets made by a run at known settings (a panel correlation and a
 * summary metric), searched from another start within the ranges. The
 * tolerance comes from the run: the settings x with |m_k(x) - t_k| <= h_k
 * (h_k the half-width of target k's 95% interval at the known point) are,
 * to first order, x0 + J^-1 d with |d_k| <= h_k (J the Jacobian of the
 * targets' means by finite differences), so |x_j - x0_j| <= sum_k
 * |J^-1_jk| h_k. J is a central difference over a step of about that
 * tolerance's size (w_attitude +-0.1, base +-3), with common random
 * numbers: the correlation across eight stores is noisy in w, and a
 * difference over +-0.02 mostly measured its noise (dcorr/dw 2.9 with
 * mt19937, 7.1 with xoshiro256++, whose tolerance then excluded a w that
 * met both targets). w is known at 0.15, where the correlation still
 * rises with it (about 0.24 at w = 0.05, 0.37 at 0.1, 0.51 at 0.2): at
 * 0.3 it had nearly levelled off (0.59, then 0.64 at 0.5, 0.72 at 0.7, 4
 * replications each), so that a first-order tolerance from the local
 * slope was too narrow for a target met as well at w = 0.65, and the test
 * passed or failed with the streams. The recovered settings must lie within that, and meet
 * every target. Each target carries its half-width as its SD, so the
 * objective weighs the two by their precision, not by their size (with
 * relative errors the noisy correlation would outweigh the satisfaction's
 * 0.3% interval). */
static void test_calibration_recovers_panel_and_summary(void)
{
    spc_estimate e0[2], lo[2], hi[2];
    measure_at(known, e0);
    double jac[4], h[2] = { 0.5 * (e0[0].hi - e0[0].lo), 0.5 * (e0[1].hi - e0[1].lo) };
    const double step[2] = { 0.1, 3.0 };
    for (int j = 0; j < 2; j++) {
        double x[2] = { known[0], known[1] };
        x[j] = known[j] - step[j];
        measure_at(x, lo);
        x[j] = known[j] + step[j];
        measure_at(x, hi);
        for (int k = 0; k < 2; k++)
            jac[2 * k + j] = (hi[k].mean - lo[k].mean) / (2 * step[j]);
    }
    double lu[4];
    memcpy(lu, jac, sizeof lu);
    gsl_matrix_view J = gsl_matrix_view_array(lu, 2, 2);
    gsl_matrix *inv = gsl_matrix_alloc(2, 2);
    gsl_permutation *perm = gsl_permutation_alloc(2);
    int sign;
    gsl_linalg_LU_decomp(&J.matrix, perm, &sign);
    gsl_linalg_LU_invert(&J.matrix, perm, inv);
    double tol[2];
    for (int j = 0; j < 2; j++)
        tol[j] = fabs(gsl_matrix_get(inv, j, 0)) * h[0] + fabs(gsl_matrix_get(inv, j, 1)) * h[1];
    gsl_matrix_free(inv);
    gsl_permutation_free(perm);

    spc_calibration c;
    memset(&c, 0, sizeof c);
    spc_error err;
    spc_error_clear(&err);
    for (int k = 0; k < 2; k++) {
        char arg[160];
        snprintf(arg, sizeof arg, "%s=%.17g:%.17g", target_name[k], e0[k].mean, h[k]);
        CU_ASSERT_EQUAL(spc_calibration_add_target(&c, arg, &err), SPC_OK);
    }
    CU_ASSERT_EQUAL(spc_calibration_add_free(&c, "customers.satisfaction.w_attitude=0.05:0.8", &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibration_add_free(&c, "workforce.satisfaction.base=55:80", &err), SPC_OK);
    c.size_tol = 1e-2;
    c.max_iter = 60;
    spc_calibration_result r;
    spc_experiment_opts o = { REPS, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_calibrate_one(COMPANY, NULL, 0, &c, &o, &r, NULL, &err), SPC_OK);
    int close = fabs(r.x[0] - known[0]) <= tol[0] && fabs(r.x[1] - known[1]) <= tol[1];
    if (!close || !r.met || getenv("SPCSIM_TEST_VERBOSE"))
        fprintf(stderr,
                "\n  corr %.4g [%.4g, %.4g], satisfaction %.4g [%.4g, %.4g]; J = [%.4g %.4g; %.4g %.4g]"
                "\n  w_attitude %.5g (%g +- %.3g), base %.5g (%g +- %.3g); %u iterations, %u evaluations, f %.3g",
                e0[0].mean, e0[0].lo, e0[0].hi, e0[1].mean, e0[1].lo, e0[1].hi, jac[0], jac[1], jac[2], jac[3], r.x[0],
                known[0], tol[0], r.x[1], known[1], tol[1], r.iterations, r.evaluations, r.objective);
    CU_ASSERT(r.met);
    CU_ASSERT(r.met_target[0] && r.met_target[1]);
    CU_ASSERT(close);
    spc_calibration_release(&c);
}

/* An employees target end to end: 1000 employees of the turnover scenario
 * (static satisfaction, no hiring) for a year at the quit intercept
 * a = -1.46; the quit rate of the cohort and its satisfaction-quit
 * correlation at that point are the targets (each with its half-width as
 * SD), a is searched in [-2.2, 0.6]. The calibration must switch the
 * employee log on by itself (opts.employees = 0 here) and find a within
 * h / |dm/da| of -1.46, m the quit rate (slope by a finite difference). */
#define TURNOVER "tests/data/workforce/turnover.cfg"

static void quit_targets_at(double a, spc_estimate *e)
{
    char set_a[64];
    snprintf(set_a, sizeof set_a, "workforce.turnover.a=%.17g", a);
    const char *sets[] = { "stages.[0].servers=1000", set_a };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(TURNOVER, sets, 2, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_experiment ex;
    spc_experiment_opts o = { REPS, 0, 2, 0, NULL, NULL, 0, 0, 1 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &ex, &err), SPC_OK);
    spc_target_frame fr = { sc->warmup, 52 };
    const char *arg[2] = { "employees:mean(quit)=0", "employees:corr(s_start,quit)=0" };
    for (int k = 0; k < 2; k++) {
        spc_target t;
        CU_ASSERT_EQUAL(spc_target_parse(&t, arg[k], &err), SPC_OK);
        CU_ASSERT_EQUAL(spc_target_measure(&t, &ex, &fr, &e[k], &err), SPC_OK);
    }
    spc_experiment_release(&ex);
    spc_scenario_free(sc);
}

static void test_calibration_recovers_quit_intercept(void)
{
    spc_estimate e0[2], e1[2];
    quit_targets_at(-1.46, e0);
    quit_targets_at(-1.46 + 0.1, e1);
    double h = 0.5 * (e0[0].hi - e0[0].lo), slope = (e1[0].mean - e0[0].mean) / 0.1, tol = h / fabs(slope);
    CU_ASSERT(e0[0].mean > 0.1 && e0[0].mean < 0.3); /* about 20% a year (model.md 3.3) */
    CU_ASSERT(e0[1].mean < 0);                       /* the less satisfied quit more */
    spc_calibration c;
    memset(&c, 0, sizeof c);
    spc_error err;
    spc_error_clear(&err);
    char arg[2][160];
    snprintf(arg[0], sizeof arg[0], "employees:mean(quit)=%.17g:%.17g", e0[0].mean, h);
    snprintf(arg[1], sizeof arg[1], "employees:corr(s_start,quit)=%.17g:%.17g", e0[1].mean,
             0.5 * (e0[1].hi - e0[1].lo));
    for (int k = 0; k < 2; k++)
        CU_ASSERT_EQUAL(spc_calibration_add_target(&c, arg[k], &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibration_add_free(&c, "workforce.turnover.a=-2.2:0.6", &err), SPC_OK);
    c.size_tol = 1e-2;
    c.max_iter = 40;
    const char *base[] = { "stages.[0].servers=1000" };
    spc_experiment_opts o = { REPS, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    spc_calibration_result r;
    CU_ASSERT_EQUAL_FATAL(spc_calibrate_one(TURNOVER, base, 1, &c, &o, &r, NULL, &err), SPC_OK);
    int close = fabs(r.x[0] + 1.46) <= tol;
    if (!close || !r.met || getenv("SPCSIM_TEST_VERBOSE"))
        fprintf(stderr, "\n  quit rate %.4g [%.4g, %.4g], corr %.4g [%.4g, %.4g]; a %.5g (-1.46 +- %.3g), %u evaluations",
                e0[0].mean, e0[0].lo, e0[0].hi, e0[1].mean, e0[1].lo, e0[1].hi, r.x[0], tol, r.evaluations);
    CU_ASSERT(r.met);
    CU_ASSERT(close);
    spc_calibration_release(&c);
}

/* ---- a joint calibration with chain targets ---- */

#define SHOP "tests/data/customers/small.cfg"
#define CHAIN_REPS 4

/* Two companies of one behaviour: the small shop, and the same shop in a
 * market twice the size, named shop2; every customer answers the survey
 * (CSAT near its ceiling in this shop: the impression is the measure). */
static const char *const shop_sets[2][5] = {
    { "horizon=\"16w\"", "warmup=\"4w\"", "customers.survey.response_rate=1" },
    { "horizon=\"16w\"", "warmup=\"4w\"", "customers.survey.response_rate=1", "name=\"shop2\"",
      "customers.market=3000" },
};
static const size_t shop_nsets[2] = { 3, 5 };
static const char *const chain_target[2] = { "chain(5%):rel(impression)", "shop2@chain(3pt):diff(impression)" };

/* The two chain targets' estimates at courtesy weight w: the chain study
 * (the lever search, then the paired table) on each company. */
static void chain_at(double w, spc_estimate *e)
{
    for (int i = 0; i < 2; i++) {
        char set[96];
        snprintf(set, sizeof set, "customers.satisfaction.w_attitude=%.17g", w);
        const char *sets[6];
        for (size_t j = 0; j < shop_nsets[i]; j++)
            sets[j] = shop_sets[i][j];
        sets[shop_nsets[i]] = set;
        spc_error err;
        spc_error_clear(&err);
        spc_scenario *sc = spc_scenario_load(SHOP, sets, shop_nsets[i] + 1, &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
        spc_target t;
        char arg[96];
        snprintf(arg, sizeof arg, "%s=0", chain_target[i]);
        CU_ASSERT_EQUAL_FATAL(spc_target_parse(&t, arg, &err), SPC_OK);
        spc_lever_goal g = { .lever = "workforce.levers.recognition", .delta = t.delta, .points = t.points };
        spc_experiment_opts o = { CHAIN_REPS, 0, 2, 0, NULL, NULL, 0, 0, 0 };
        spc_lever_result r;
        CU_ASSERT_EQUAL_FATAL(spc_lever_find(sc, sets, shop_nsets[i] + 1, &g, &o, &r, &err), SPC_OK);
        CU_ASSERT_EQUAL(spc_target_measure_chain(&t, &r.base, &r.variant, &e[i], &err), SPC_OK);
        spc_lever_result_release(&r);
        spc_scenario_free(sc);
    }
}

/* Targets made by the chain study of two companies at a known courtesy
 * weight (0.3), searched jointly from the middle of [0.05, 0.8]: one
 * setting for both, each target measured on its own company
 * (SCENARIO@). The tolerance comes from the run, as above: the weights
 * whose every target mean is within that target's 95% half-width h_k of
 * the value, to first order |w - 0.3| <= min_k h_k / |dm_k/dw|. The slopes
 * are central differences over w0 +- 0.15, with common random numbers: a
 * forward difference over 0.05 was within its noise (its sign came out
 * wrong for one target with xoshiro256++). */
static void test_joint_calibration_recovers_from_chain_targets(void)
{
    const double w0 = 0.3, step = 0.15;
    spc_estimate e0[2], lo[2], hi[2];
    chain_at(w0, e0);
    chain_at(w0 - step, lo);
    chain_at(w0 + step, hi);
    double tol = INFINITY;
    for (int k = 0; k < 2; k++) {
        double slope = (hi[k].mean - lo[k].mean) / (2 * step), h = 0.5 * (e0[k].hi - e0[k].lo);
        if (getenv("SPCSIM_TEST_VERBOSE"))
            fprintf(stderr, "\n  target %d: slope %.4g, h %.3g", k, slope, h);
        CU_ASSERT(slope > 0); /* courtesy raises both: the targets can identify it */
        tol = fmin(tol, h / fabs(slope));
    }
    spc_calibration c;
    memset(&c, 0, sizeof c);
    spc_error err;
    spc_error_clear(&err);
    for (int k = 0; k < 2; k++) {
        char arg[160];
        snprintf(arg, sizeof arg, "%s=%.17g:%.17g", chain_target[k], e0[k].mean, 0.5 * (e0[k].hi - e0[k].lo));
        CU_ASSERT_EQUAL(spc_calibration_add_target(&c, arg, &err), SPC_OK);
    }
    CU_ASSERT_EQUAL(spc_calibration_add_free(&c, "customers.satisfaction.w_attitude=0.05:0.8", &err), SPC_OK);
    c.size_tol = 1e-2;
    c.max_iter = 30;
    spc_calibration_scenario sc[2] = {
        { SHOP, "small-shop", shop_sets[0], shop_nsets[0], CHAIN_REPS },
        { SHOP, "shop2", shop_sets[1], shop_nsets[1], CHAIN_REPS },
    };
    spc_calibration_chain chain = { "workforce.levers.recognition", 0 };
    spc_experiment_opts o = { CHAIN_REPS, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    spc_calibration_result r;
    CU_ASSERT_EQUAL_FATAL(spc_calibrate(sc, 2, &c, &chain, &o, &r, NULL, &err), SPC_OK);
    int close = fabs(r.x[0] - w0) <= tol;
    if (!close || !r.met || getenv("SPCSIM_TEST_VERBOSE"))
        fprintf(stderr, "\n  impression %+.3g%% [%.3g, %.3g], impression %+.3g [%.3g, %.3g]; w %.4g (0.3 +- %.3g), "
                "%u evaluations, levers %.4g %.4g", e0[0].mean, e0[0].lo, e0[0].hi, e0[1].mean, e0[1].lo, e0[1].hi,
                r.x[0], tol, r.evaluations, r.lever[0], r.lever[1]);
    CU_ASSERT(r.met);
    CU_ASSERT(close);
    CU_ASSERT(r.lever[0] > 0.5 && r.lever[1] > 0.5); /* recognition raised from 0.5 in both */

    /* a target of a scenario the calibration does not have, and a scenario without a target */
    spc_calibration bad;
    memset(&bad, 0, sizeof bad);
    CU_ASSERT_EQUAL(spc_calibration_add_target(&bad, "shop3@chain:rel(csat)=1", &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibration_add_free(&bad, "customers.satisfaction.w_attitude=0.05:0.8", &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibrate(sc, 2, &bad, &chain, &o, &r, NULL, &err), SPC_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "no scenario named 'shop3'"));
    spc_calibration_release(&bad);
    spc_error_clear(&err);
    memset(&bad, 0, sizeof bad);
    CU_ASSERT_EQUAL(spc_calibration_add_target(&bad, "chain:rel(csat)=1", &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibration_add_free(&bad, "customers.satisfaction.w_attitude=0.05:0.8", &err), SPC_OK);
    CU_ASSERT_EQUAL(spc_calibrate(sc, 2, &bad, &chain, &o, &r, NULL, &err), SPC_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "no target is measured on"));
    spc_calibration_release(&bad);
    spc_calibration_release(&c);
}

static const CU_TestInfo tests[] = {
    { "--target: the summary, panel and employees forms", test_parse_forms },
    { "--target: bad syntax and unknown columns, named", test_parse_errors },
    { "targets: correlations, slopes and means by hand", test_statistics_by_hand },
    { "a target without a value at the start is named", test_target_without_value },
    { "calibration recovers settings from a panel correlation and a summary metric",
      test_calibration_recovers_panel_and_summary },
    { "calibration recovers the quit intercept from employees targets", test_calibration_recovers_quit_intercept },
    { "a joint calibration of two companies recovers a setting from chain targets",
      test_joint_calibration_recovers_from_chain_targets },
    CU_TEST_INFO_NULL
};

int tests_calibrate(void) { return tests_add_suite("calibrate", tests); }
