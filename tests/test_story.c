/*
 * test_story.c -- the presentation of results: the metric table
 * (metricinfo.h) covers every metric a company with every mechanism
 * writes; bounded intervals (model.md B6); compare's order and its "not
 * defined" relative change (B7); the split-in-groups criterion (B8) on
 * constructed data; story.csv's rows.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/CUnit.h>

#include "tests.h"
#include "spcsim/compare.h"
#include "spcsim/experiment.h"
#include "spcsim/groups.h"
#include "spcsim/metricinfo.h"
#include "spcsim/scenario.h"
#include "spcsim/story.h"
#include "spcsim/timeseries.h"

/* Every summary row and every time-series value of a company with every
 * mechanism on (the settings suite's company: absence, reputation, product,
 * reviews, competitor, transparency, accessibility, scorecard, finance,
 * two units, management) has a declaration with a unit, a label and
 * bounds that hold its values. */
static void test_metricinfo_covers_company(void)
{
    const char *sets[] = { "replications=2", "horizon=\"6w\"" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load("tests/data/settings/company.cfg", sets, 2, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_experiment x;
    spc_experiment_opts o = { 2, 0, 2, 0, NULL, NULL, 0, 0, 0 };
    CU_ASSERT_EQUAL_FATAL(spc_experiment_run(sc, &o, &x, &err), SPC_OK);
    size_t missing = 0, rows = 0;
    char unit[96];
    for (size_t i = 0; i < x.combined.n; i++, rows++) {
        const spc_result_row *r = &x.combined.rows[i];
        const spc_metric_info *mi = spc_metricinfo_find(r->scope, r->metric);
        if (mi == NULL || *spc_metricinfo_unit(mi, SPC_MI_SUMMARY, "h", unit, sizeof unit) == '\0' || !*mi->label) {
            fprintf(stderr, "\n  summary: %s/%s has no unit", r->scope, r->metric);
            missing++;
        } else if (isfinite(r->e.mean) && (r->e.mean < mi->lo || r->e.mean > mi->hi)) {
            fprintf(stderr, "\n  summary: %s/%s = %g outside its bounds", r->scope, r->metric, r->e.mean);
            missing++;
        } else if (isfinite(r->e.lo) && (r->e.lo < mi->lo || r->e.hi > mi->hi)) {
            fprintf(stderr, "\n  summary: %s/%s interval crosses its bounds", r->scope, r->metric);
            missing++;
        }
    }
    for (size_t i = 0; i < x.combined_ts.n; i++)
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++) {
            const spc_ts_row *r = &x.combined_ts.rows[i];
            if (!isfinite(r->v[c]))
                continue;
            rows++;
            const spc_metric_info *mi = spc_metricinfo_find(r->scope, spc_timeseries_column(c));
            if (mi == NULL) {
                fprintf(stderr, "\n  timeseries: %s/%s has no unit", r->scope, spc_timeseries_column(c));
                missing++;
            } else if (isfinite(r->lo[c]) && (r->lo[c] < mi->lo || r->hi[c] > mi->hi)) {
                fprintf(stderr, "\n  timeseries: %s/%s interval crosses its bounds", r->scope, spc_timeseries_column(c));
                missing++;
            }
        }
    if (rows < 500)
        fprintf(stderr, "\n  only %zu values checked", rows);
    CU_ASSERT(rows > 500);
    CU_ASSERT_EQUAL(missing, 0);
    /* the misleading name is fixed by its label */
    CU_ASSERT_PTR_NOT_NULL(strstr(spc_metricinfo_find("customers", "turnover_annual")->label, "employee"));
    spc_experiment_release(&x);
    spc_scenario_free(sc);
}

/* Units: the time unit put in, flows per period or in the window; the
 * table has one line per pattern. */
static void test_metricinfo_units(void)
{
    char unit[96];
    CU_ASSERT_STRING_EQUAL(spc_metricinfo_unit(spc_metricinfo_find("system", "lead_time_mean"), SPC_MI_SUMMARY,
                                               "h", unit, sizeof unit), "h");
    CU_ASSERT_STRING_EQUAL(spc_metricinfo_unit(spc_metricinfo_find("picking", "throughput"), SPC_MI_SUMMARY, "d",
                                               unit, sizeof unit), "orders per d");
    CU_ASSERT_STRING_EQUAL(spc_metricinfo_unit(spc_metricinfo_find("finance", "profit"), SPC_MI_PERIOD, "h", unit,
                                               sizeof unit), "currency per period");
    CU_ASSERT_STRING_EQUAL(spc_metricinfo_unit(spc_metricinfo_find("company", "quits"), SPC_MI_SUMMARY, "h", unit,
                                               sizeof unit), "persons in the window");
    CU_ASSERT_PTR_NULL(spc_metricinfo_find("system", "no_such_metric"));
    size_t n;
    const spc_metric_info *t = spc_metricinfo_table(&n);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(t[i].scope, t[j].scope) == 0 && strcmp(t[i].metric, t[j].metric) == 0) {
                fprintf(stderr, "\n  %s/%s declared twice", t[i].scope, t[i].metric);
                CU_FAIL("a pattern declared twice");
            }
}

/* (B6): counts 0, 0, 0, 6 have a t interval reaching below 0; the combined
 * time series truncates it at 0 and keeps the mean; a CSAT near 100 is cut
 * at 100; a profit is not bounded and keeps its interval. */
static void test_bounded_intervals(void)
{
    spc_timeseries rep[4], out;
    const double quits[] = { 0, 0, 0, 6 }, csat[] = { 100, 100, 96, 100 }, profit[] = { -5, 1, 2, -3 };
    for (int r = 0; r < 4; r++) {
        spc_timeseries_init(&rep[r]);
        spc_ts_row *c = spc_timeseries_add(&rep[r], 0, 168, "company");
        spc_ts_row *k = spc_timeseries_add(&rep[r], 0, 168, "customers");
        spc_ts_row *f = spc_timeseries_add(&rep[r], 0, 168, "finance");
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        c->v[SPC_TS_QUITS] = quits[r];
        k->v[SPC_TS_CSAT] = csat[r];
        f->v[SPC_TS_PROFIT] = profit[r];
    }
    spc_timeseries_init(&out);
    CU_ASSERT_EQUAL_FATAL(spc_timeseries_combine(rep, 4, &out), 0);
    CU_ASSERT_DOUBLE_EQUAL(out.rows[0].v[SPC_TS_QUITS], 1.5, 1e-12);
    CU_ASSERT_EQUAL(out.rows[0].lo[SPC_TS_QUITS], 0.0);   /* 1.5 - 4.77 truncated */
    CU_ASSERT(out.rows[0].hi[SPC_TS_QUITS] > 6.0);        /* the other side untouched */
    CU_ASSERT_EQUAL(out.rows[1].hi[SPC_TS_CSAT], 100.0);
    CU_ASSERT(out.rows[1].lo[SPC_TS_CSAT] < 99.0);
    CU_ASSERT(out.rows[2].lo[SPC_TS_PROFIT] < -5.0);      /* money can be lost */
    CU_ASSERT_DOUBLE_EQUAL(out.rows[2].n[SPC_TS_PROFIT], 4.0, 0);
    /* the clip on its own: NaN stays NaN, a bound-less metric is untouched */
    double lo = NAN, hi = 3;
    spc_metricinfo_clip(spc_metricinfo_find("system", "orders_arrived"), &lo, &hi);
    CU_ASSERT(isnan(lo));
    lo = -2;
    spc_metricinfo_clip(spc_metricinfo_find("finance", "profit"), &lo, &hi);
    CU_ASSERT_EQUAL(lo, -2.0);
    for (int r = 0; r < 4; r++)
        spc_timeseries_release(&rep[r]);
    spc_timeseries_release(&out);
}

/* (B7): rows come in the chain's order whatever the files' order; a rate is
 * compared in points; a base that may be 0 leaves the relative change not
 * defined, written empty, never nan. */
static void test_compare_order_and_undefined(void)
{
    static const struct {
        const char *scope, *metric;
        double b[3], v[3];
    } m[] = {
        { "system", "orders_blocked", { 0, 0, 0 }, { 1, 2, 0 } },
        { "picking", "wait_mean", { 1, 1.1, 0.9 }, { 2, 2.1, 1.9 } },
        { "finance", "profit", { 100, 110, 90 }, { 90, 100, 80 } },
        { "finance", "revenue_growth", { 0.5, -0.5, 0.1 }, { 2, 1, 1.5 } },
        { "customers", "csat", { 90, 91, 89 }, { 88, 89, 87 } },
        { "customers", "esat", { 70, 71, 69 }, { 68, 69, 67 } },
    };
    const size_t nm = sizeof m / sizeof m[0];
    spc_results b[3], v[3];
    for (int r = 0; r < 3; r++) {
        spc_results_init(&b[r]);
        spc_results_init(&v[r]);
        for (size_t i = 0; i < nm; i++) {
            spc_results_add(&b[r], m[i].scope, m[i].metric, (spc_estimate){ m[i].b[r], NAN, NAN, 1 });
            spc_results_add(&v[r], m[i].scope, m[i].metric, (spc_estimate){ m[i].v[r], NAN, NAN, 1 });
        }
    }
    const spc_results *vars[] = { v };
    spc_compare c;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_compare_tables(b, vars, 1, 3, &c, &err), SPC_OK);
    CU_ASSERT_EQUAL_FATAL(c.n, nm);
    static const char *const order[] = { "esat", "csat", "profit", "revenue_growth", "orders_blocked", "wait_mean" };
    for (size_t i = 0; i < nm; i++)
        CU_ASSERT_STRING_EQUAL(c.rows[i].metric, order[i]);
    CU_ASSERT(c.rows[0].in_points);                   /* ESAT: points */
    CU_ASSERT_EQUAL(spc_compare_rel_defined(&c.rows[0]), 0);
    CU_ASSERT_EQUAL(spc_compare_rel_defined(&c.rows[2]), 1); /* profit, base 90..110 */
    CU_ASSERT(c.rows[3].in_points);                   /* growth: never a relative change of a rate */
    CU_ASSERT_EQUAL(spc_compare_rel_defined(&c.rows[4]), 0); /* blocked: base 0 */
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    const char *names[] = { "variant" };
    spc_compare_write_csv(f, &c, names, "h");
    fclose(f);
    CU_ASSERT_PTR_NULL(strstr(text, ",nan")); /* not "finance" */
    CU_ASSERT_PTR_NULL(strstr(text, ",-nan"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "variant,customers,esat,ESAT: employee satisfaction,points (0-100),points,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "variant,system,orders_blocked,orders blocked,orders in the window,difference,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, ",picking,wait_mean,wait in queue,h,relative,"));
    free(text);
    spc_compare_release(&c);
    for (int r = 0; r < 3; r++) {
        spc_results_release(&b[r]);
        spc_results_release(&v[r]);
    }
}

/* (B8) on constructed data: two regimes split, one population does not,
 * nor too few values, nor equal ones, nor one outlier alone. */
static void test_split_criterion(void)
{
    const double regimes[] = { 70.1, 69.5, 41.0, 70.8, 40.2, 70.3 };
    spc_split s = spc_groups_split(regimes, 6);
    CU_ASSERT(s.split);
    CU_ASSERT_EQUAL(s.lower, 2);
    CU_ASSERT(s.cut > 41.0 && s.cut < 69.5);
    CU_ASSERT_DOUBLE_EQUAL(s.lower_mean, 40.6, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(s.upper_mean, 70.175, 1e-9);
    /* evenly spread values: the largest gap equals the others */
    const double one[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    CU_ASSERT_EQUAL(spc_groups_split(one, 8).split, 0);
    CU_ASSERT_EQUAL(spc_groups_split(regimes, 5).split, 0); /* five values: too few */
    const double same[] = { 3, 3, 3, 3, 3, 3 };
    CU_ASSERT_EQUAL(spc_groups_split(same, 6).split, 0);
    const double outlier[] = { 10, 10.2, 9.9, 10.1, 10.0, 30 }; /* a group needs two */
    CU_ASSERT_EQUAL(spc_groups_split(outlier, 6).split, 0);
    /* just beyond K times the within-group spread, and just below */
    /* groups {0, 0.5, 1} and {1 + g, 1.5 + g, 2 + g}: SS 0.5 each, so
     * s_w = sqrt((0.5 + 0.5) / 4) = 0.5 and the criterion is g > 10 x 0.5 */
    const double k = SPC_SPLIT_K * 0.5;
    const double g1[] = { 0, 1, 0.5, 1 + k + 0.01, 2 + k + 0.01, 1.5 + k + 0.01 };
    const double g0[] = { 0, 1, 0.5, 1 + k - 0.01, 2 + k - 0.01, 1.5 + k - 0.01 };
    CU_ASSERT_EQUAL(spc_groups_split(g1, 6).split, 1);
    CU_ASSERT_DOUBLE_EQUAL(spc_groups_split(g1, 6).ratio, (k + 0.01) / 0.5, 1e-9);
    CU_ASSERT_EQUAL(spc_groups_split(g0, 6).split, 0);
}

/* story.csv: the four measures of each arm with the warm-up and decision in
 * weeks; ESAT from the company without customers. */
static void test_story_rows(void)
{
    spc_timeseries ts;
    spc_timeseries_init(&ts);
    for (long p = 0; p < 3; p++) {
        spc_ts_row *c = spc_timeseries_add(&ts, p, 168.0 * (p + 1), "company");
        CU_ASSERT_PTR_NOT_NULL_FATAL(c);
        c->v[SPC_TS_SATISFACTION] = 60 + (double)p;
    }
    CU_ASSERT(spc_story_has(&ts));
    spc_story_arm arm = { "only", &ts, NULL, 0 };
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    spc_story_write_csv(f, &arm, 1, 3600.0, 336.0, 504.0);
    fclose(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "only,0,1,esat,ESAT: employee satisfaction,points (0-100),60,,,2,3\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "only,2,3,esat,"));
    CU_ASSERT_PTR_NULL(strstr(text, "csat"));
    free(text);
    spc_timeseries_release(&ts);
}

static CU_TestInfo tests[] = {
    { "metricinfo: every metric of a company with every mechanism has a unit", test_metricinfo_covers_company },
    { "metricinfo: units, flows, one line per pattern", test_metricinfo_units },
    { "bounded intervals: truncated at 0 and 100, money not", test_bounded_intervals },
    { "compare: the chain first, rates in points, relative change not defined", test_compare_order_and_undefined },
    { "split in groups: constructed regimes, one population, edge cases", test_split_criterion },
    { "story.csv: measures, weeks, warm-up, decision", test_story_rows },
    CU_TEST_INFO_NULL,
};

int tests_story(void)
{
    return tests_add_suite("story", tests);
}
