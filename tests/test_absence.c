/*
 * test_absence.c -- absenteeism (sim/model/absence.c) against its equation.
 *
 *   1. (AB1) in closed form: p = base at the reference, odds ratios e^a;
 *      the direction: more fatigue, less satisfaction, more absence;
 *   2. with p fixed, the measured absent fraction covers p, counts add up
 *      (roll calls x employees), and the absent leave their positions
 *      vacant: staffed_mean = employees - absences / days, exactly;
 *   3. in a run, lower satisfaction and more fatigue (from overload) raise
 *      the absent fraction, to the value (AB1) gives;
 *   4. off, nothing changes: no metrics, no column; an intervention turns
 *      it on from its time;
 *   5. the resolved scenario reproduces a run with absence;
 *   6. docs/extending.md, the worked example built on this mechanism,
 *      quotes the code as it is: each block marked <!-- from FILE -->
 *      appears verbatim in FILE.
 *
 * Scenario: tests/data/workforce/absence.cfg (500 employees, 200 days,
 * fixed seed). Tolerances come from the runs' own intervals.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spcsim/absence.h"
#include "spcsim/run.h"
#include "spcsim/timeseries.h"
#include "spcsim/text.h"
#include "tests.h"

#define SCENARIO "tests/data/workforce/absence.cfg"
#define EMPLOYEES 500.0
#define DAYS 200.0

/* ---- 1. the equation ---- */

static const spc_quit_params quit = { -1.46, 0.5, 70.0, 10.0, 365.0 };

static double odds(double p) { return p / (1.0 - p); }

static void test_equation(void)
{
    spc_absence_params a = { 1, 0.05, 1.5, 0.4, 1.0 };
    /* at the reference (S = mu, F = 1) the probability is the base */
    CU_ASSERT_DOUBLE_EQUAL(spc_absence_probability(70.0, 1.0, &a, &quit), 0.05, 1e-15);
    /* one unit of fatigue multiplies the odds by e^a_F; one sd of
     * satisfaction below the reference by e^a_S */
    double p_f = spc_absence_probability(70.0, 2.0, &a, &quit);
    double p_s = spc_absence_probability(60.0, 1.0, &a, &quit);
    CU_ASSERT_DOUBLE_EQUAL(odds(p_f) / odds(0.05), exp(1.5), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(odds(p_s) / odds(0.05), exp(0.4), 1e-12);
    /* direction: monotone in both, strictly when the weights are positive */
    for (double f = 1.0; f < 2.0; f += 0.1)
        CU_ASSERT(spc_absence_probability(70.0, f + 0.1, &a, &quit) > spc_absence_probability(70.0, f, &a, &quit));
    for (double s = 0.0; s < 100.0; s += 5.0)
        CU_ASSERT(spc_absence_probability(s + 5.0, 1.2, &a, &quit) < spc_absence_probability(s, 1.2, &a, &quit));
    /* zero weights: the base whatever S and F; base 0: never */
    spc_absence_params flat = { 1, 0.1, 0.0, 0.0, 1.0 };
    CU_ASSERT_DOUBLE_EQUAL(spc_absence_probability(12.0, 1.7, &flat, &quit), 0.1, 1e-15);
    spc_absence_params never = { 1, 0.0, 3.0, 3.0, 1.0 };
    CU_ASSERT_EQUAL(spc_absence_probability(0.0, 3.0, &never, &quit), 0.0);
    /* a probability even at the extremes */
    spc_absence_params steep = { 1, 0.5, 20.0, 20.0, 1.0 };
    double hi = spc_absence_probability(0.0, 3.0, &steep, &quit);
    CU_ASSERT(hi > 0.99 && hi <= 1.0);
}

/* ---- 2. a fixed probability ---- */

static void test_fixed_probability(void)
{
    spc_results r;
    spc_scenario *sc = tests_run(SCENARIO, NULL, 0, &r);
    /* roll calls on days 0..199 (the one at the horizon falls after END) */
    const spc_estimate *rate = tests_metric(&r, "staff", "absence_rate");
    CU_ASSERT_EQUAL(rate->n, EMPLOYEES * DAYS);
    tests_check_theory(&r, "staff", "absence_rate", 0.1, 0.03);
    double absences = tests_metric(&r, "staff", "absences")->mean;
    CU_ASSERT_DOUBLE_EQUAL(absences, rate->mean * rate->n, 1e-6);
    CU_ASSERT_EQUAL(tests_metric(&r, "company", "absences")->mean, absences);
    /* nobody is busy, so the staffed positions are the employees at work:
     * the time average is the mean over days of (500 - absent that day) */
    const spc_estimate *staffed = tests_metric(&r, "staff", "staffed_mean");
    CU_ASSERT_DOUBLE_EQUAL(staffed->mean, EMPLOYEES - absences / DAYS, 1e-9);
    /* being away is not leaving: the headcount stays */
    CU_ASSERT_EQUAL(tests_metric(&r, "staff", "headcount_mean")->mean, EMPLOYEES);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* ---- 3. direction, in runs ---- */

/* Everyone at satisfaction 60 (no job fit), one sd below the reference,
 * with a_S = 1: (AB1) gives odds e times the base's. */
static void test_satisfaction_raises_absence(void)
{
    const char *sets[] = { "workforce.satisfaction.initial_mean=60.0", "workforce.satisfaction.initial_sd=0.0",
                           "workforce.traits.fit_sd=0.0", "workforce.absence.w_satisfaction=1.0" };
    spc_results r;
    spc_scenario *sc = tests_run(SCENARIO, sets, 4, &r);
    double o = odds(0.1) * exp(1.0);
    tests_check_theory(&r, "staff", "absence_rate", o / (1.0 + o), 0.03);
    CU_ASSERT(tests_metric(&r, "staff", "absence_rate")->lo > 0.1);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* 20 employees; at 100 orders a day (load 0.2) nobody works overtime, at
 * 1000 (load 2) everyone does and fatigue builds toward 1.5: with
 * a_F = 2 the absent fraction rises well beyond the base. */
static void test_fatigue_raises_absence(void)
{
    const char *light[] = { "stages.[0].servers=20", "arrivals.rate=\"100/d\"", "workforce.absence.w_fatigue=2.0" };
    const char *heavy[] = { "stages.[0].servers=20", "arrivals.rate=\"1000/d\"", "workforce.absence.w_fatigue=2.0" };
    spc_results a, b;
    spc_scenario *sa = tests_run(SCENARIO, light, 3, &a);
    spc_scenario *sb = tests_run(SCENARIO, heavy, 3, &b);
    const spc_estimate *ra = tests_metric(&a, "staff", "absence_rate");
    const spc_estimate *rb = tests_metric(&b, "staff", "absence_rate");
    CU_ASSERT_EQUAL(tests_metric(&a, "staff", "fatigue_mean")->mean, 1.0);
    CU_ASSERT(tests_metric(&b, "staff", "fatigue_mean")->mean > 1.2);
    CU_ASSERT(ra->lo <= 0.1 && 0.1 <= ra->hi);
    CU_ASSERT(rb->lo > ra->hi);
    /* and the absent leave capacity unused: fewer positions staffed */
    CU_ASSERT(tests_metric(&b, "staff", "staffed_mean")->hi < tests_metric(&a, "staff", "staffed_mean")->lo);
    spc_results_release(&a);
    spc_results_release(&b);
    spc_scenario_free(sa);
    spc_scenario_free(sb);
}

/* ---- 4. off, and on by intervention ---- */

static void test_off_and_intervention(void)
{
    spc_error err;
    spc_error_clear(&err);
    /* without the group: no metrics and no column */
    spc_scenario *sc = spc_scenario_load("tests/data/workforce/turnover.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    CU_ASSERT_FALSE(sc->workforce.absence.enabled);
    spc_results r;
    spc_timeseries ts;
    spc_results_init(&r);
    spc_timeseries_init(&ts);
    CU_ASSERT_EQUAL(spc_run_execute(sc, &(spc_run_request){ .out = &r, .ts = &ts }, &err), SPC_OK);
    CU_ASSERT_PTR_NULL(spc_results_find(&r, "company", "absence_rate"));
    for (size_t i = 0; i < ts.n; i++)
        CU_ASSERT(isnan(ts.rows[i].v[SPC_TS_ABSENCES]));
    spc_timeseries_release(&ts);
    spc_results_release(&r);
    spc_scenario_free(sc);

    /* off in the file, on from day 100 by an intervention: roll calls on
     * days 100..199, and the column from the week that holds day 100 */
    sc = spc_scenario_load("tests/data/workforce/absence-later.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_results_init(&r);
    spc_timeseries_init(&ts);
    CU_ASSERT_EQUAL(spc_run_execute(sc, &(spc_run_request){ .out = &r, .ts = &ts }, &err), SPC_OK);
    const spc_estimate *rate = tests_metric(&r, "staff", "absence_rate");
    CU_ASSERT_EQUAL(rate->n, EMPLOYEES * 100.0);
    CU_ASSERT(rate->lo <= 0.1 && 0.1 <= rate->hi);
    double absences = tests_metric(&r, "staff", "absences")->mean, in_rows = 0;
    CU_ASSERT_DOUBLE_EQUAL(tests_metric(&r, "staff", "staffed_mean")->mean, EMPLOYEES - absences / DAYS, 1e-9);
    for (size_t i = 0; i < ts.n; i++) {
        const spc_ts_row *row = &ts.rows[i];
        if (strcmp(row->scope, "staff") != 0)
            continue;
        CU_ASSERT_EQUAL(isnan(row->v[SPC_TS_ABSENCES]), row->time < 100.0);
        if (!isnan(row->v[SPC_TS_ABSENCES]))
            in_rows += row->v[SPC_TS_ABSENCES];
    }
    /* the weekly rows end at day 196: they miss days 196..199 */
    CU_ASSERT(in_rows <= absences && in_rows > absences * 0.9);
    spc_timeseries_release(&ts);
    spc_results_release(&r);
    spc_scenario_free(sc);
}

/* ---- 5. the resolved file ---- */

static void test_resolved(void)
{
    const char *sets[] = { "workforce.absence.w_satisfaction=0.7", "workforce.absence.every=\"12h\"" };
    spc_results a, b;
    spc_scenario *sc = tests_run(SCENARIO, sets, 2, &a);
    char path[] = "/tmp/spcsim-absence-XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    FILE *f = fdopen(fd, "w");
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT_EQUAL(spc_scenario_write(sc, f), 0);
    fclose(f);
    spc_scenario *again = tests_run(path, NULL, 0, &b);
    CU_ASSERT_EQUAL(again->workforce.absence.every, 0.5);
    const char *metrics[] = { "absences", "absence_rate", "staffed_mean" };
    for (size_t k = 0; k < 3; k++)
        CU_ASSERT_EQUAL(tests_metric(&a, "staff", metrics[k])->mean, tests_metric(&b, "staff", metrics[k])->mean);
    unlink(path);
    spc_results_release(&a);
    spc_results_release(&b);
    spc_scenario_free(sc);
    spc_scenario_free(again);
}

/* ---- 6. the guide quotes the code ---- */

static char *slurp(const char *path) { return spc_text_read_file(path, NULL); }

static void test_guide_quotes_code(void)
{
    char *guide = slurp("docs/extending.md");
    CU_ASSERT_PTR_NOT_NULL_FATAL(guide);
    size_t blocks = 0;
    for (char *p = strstr(guide, "\n<!-- from "); p != NULL; p = strstr(p + 1, "\n<!-- from ")) {
        char path[256];
        CU_ASSERT_FATAL(sscanf(p + 1, "<!-- from %255s -->", path) == 1);
        char *open = strstr(p, "\n```"), *body = open ? strchr(open + 1, '\n') : NULL;
        char *close = body ? strstr(body, "\n```") : NULL;
        CU_ASSERT_FATAL(close != NULL);
        char *code = slurp(path);
        CU_ASSERT_PTR_NOT_NULL(code);
        *close = '\0'; /* the block is body + 1 .. close */
        int found = code != NULL && strstr(code, body + 1) != NULL;
        if (!found)
            fprintf(stderr, "\n  docs/extending.md quotes %s, which no longer contains:\n%s\n", path, body + 1);
        CU_ASSERT(found);
        *close = '\n';
        free(code);
        blocks++;
    }
    CU_ASSERT(blocks >= 20);
    free(guide);
}

int tests_absence(void)
{
    static CU_TestInfo tests[] = {
        { "(AB1) closed form and direction", test_equation },
        { "fixed p: the absent fraction, counts, vacant positions", test_fixed_probability },
        { "lower satisfaction raises absence to (AB1)'s value", test_satisfaction_raises_absence },
        { "overload fatigue raises absence", test_fatigue_raises_absence },
        { "off: nothing; on by an intervention", test_off_and_intervention },
        { "the resolved scenario reproduces the run", test_resolved },
        { "docs/extending.md quotes the code verbatim", test_guide_quotes_code },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("absence", tests);
}
