/*
 * test_standards.c -- the rest of customer service (docs/model.md 9.13,
 * 9.14, 9.15, 9.16, 3.5a): product quality (PQ1)-(PQ2), public reviews
 * (R1)-(R4), a competitor raising the bar (CP1)-(CP4), transparency
 * (TR1)-(TR3), proactive service (AC1)-(AC2) and employer reputation
 * (ER1)-(ER3).
 *
 * The equations of the reviews by hand; then each mechanism on the small
 * shop with common random numbers against the same shop without it:
 *   - switched on with neutral settings (no faulty products, value 0; a
 *     rating that moves no prospect), it changes no customer measure at
 *     all, replication by replication;
 *   - switched on for real, it moves its outcomes in the documented
 *     direction: a one-sided paired t test over the replications at 95%
 *     (the claims are directional: the documented direction against "no
 *     effect or the other way"), its bound on that side of zero (the
 *     tolerance is the interval, not a guessed margin).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/customer_eq.h"
#include "spcsim/experiment.h"
#include "spcsim/reputation.h"
#include "spcsim/reviews.h"
#include "spcsim/stats.h"
#include "tests.h"

#define SHOP "tests/data/customers/small.cfg"
#define REPS 6

/* ---- the reviews' equations ---- */

static void test_review_stars_and_probability(void)
{
    CU_ASSERT_EQUAL(spc_reviews_stars(0.0), 1);
    CU_ASSERT_EQUAL(spc_reviews_stars(3.0), 2);  /* 2.2 */
    CU_ASSERT_EQUAL(spc_reviews_stars(3.8), 3);  /* 2.52 */
    CU_ASSERT_EQUAL(spc_reviews_stars(8.7), 4);  /* 4.48 */
    CU_ASSERT_EQUAL(spc_reviews_stars(8.8), 5);  /* 4.52 */
    CU_ASSERT_EQUAL(spc_reviews_stars(10.0), 5);
    spc_reviews_params p = { 0.1, 0.01, 0.05, 10, 0, 0.07, 4.0, 5 };
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_probability(&p, 1), 0.1, 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_probability(&p, 2), 0.1, 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_probability(&p, 3), 0.01, 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_probability(&p, 4), 0.01, 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_probability(&p, 5), 0.05, 0);
}

/* (R2): the prior and the half-life; (R4): the factor. */
static void test_rating_prior_and_decay(void)
{
    spc_reviews_params p = { 0.1, 0.01, 0.05, 10.0, 0.0, 0.07, 4.0, 5.0 };
    spc_reviews r;
    spc_reviews_init(&r, &p, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_rating(&r, &p), 4.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_factor(&r, &p), 1.0, 0);
    spc_reviews_add(&r, &p, 1, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_rating(&r, &p), (1.0 + 5 * 4.0) / 6.0, 1e-15);
    spc_reviews_advance(&r, &p, 10.0); /* one half-life: the review weighs 1/2 */
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_rating(&r, &p), (0.5 + 5 * 4.0) / 5.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.count, 1, 0);
    /* lag 0: prospects see the rating at once */
    CU_ASSERT_DOUBLE_EQUAL(r.seen, spc_reviews_rating(&r, &p), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_factor(&r, &p), exp(0.07 * (r.seen - 4.0)), 1e-15);
}

/* (R3): with no prior and no decay the rating is the mean of the stars,
 * constant between reviews, and the seen rating follows it as a first-order
 * delay, R + (R_seen(0) - R) e^(-t/tau) -- whatever the steps it is
 * advanced in. */
static void test_seen_rating_is_a_first_order_delay(void)
{
    spc_reviews_params p = { 0.1, 0.01, 0.05, INFINITY, 3.0, 0.07, 4.0, 0.0 };
    spc_reviews a, b;
    spc_reviews_init(&a, &p, 0.0);
    spc_reviews_add(&a, &p, 2, 0.0);
    spc_reviews_add(&a, &p, 1, 0.0); /* R = 1.5 from t = 0 */
    b = a;
    spc_reviews_advance(&a, &p, 7.0);
    for (int k = 1; k <= 70; k++)
        spc_reviews_advance(&b, &p, 0.1 * k);
    double want = 1.5 + (4.0 - 1.5) * exp(-7.0 / 3.0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reviews_rating(&a, &p), 1.5, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(a.seen, want, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b.seen, want, 1e-12);
}

/* ---- the mechanisms in a shop, paired ---- */

static void run_reps(const char *const *extra, size_t nextra, unsigned reps, spc_experiment *x)
{
    const char *sets[8] = { "horizon=\"30w\"", "warmup=\"4w\"" };
    size_t n = 2;
    for (size_t i = 0; i < nextra && n < 8; i++)
        sets[n++] = extra[i];
    tests_run_replications(SHOP, sets, n, reps, x);
}

static void run(const char *const *extra, size_t nextra, spc_experiment *x)
{
    run_reps(extra, nextra, REPS, x);
}

/* The paired difference variant - base of scope/metric over the replications. */
static spc_estimate paired(const spc_experiment *base, const spc_experiment *var, const char *scope,
                           const char *metric)
{
    CU_ASSERT_FATAL(base->n == var->n && base->n >= 2);
    double d[base->n];
    for (unsigned i = 0; i < base->n; i++)
        d[i] = tests_metric(&var->rep[i], scope, metric)->mean - tests_metric(&base->rep[i], scope, metric)->mean;
    return spc_stats_interval(d, base->n, NAN);
}

static void expect(const spc_experiment *base, const spc_experiment *var, const char *scope, const char *metric,
                   int sign, const char *what)
{
    char name[160];
    snprintf(name, sizeof name, "%s: %s/%s", what, scope, metric);
    tests_check_side(name, paired(base, var, scope, metric), sign);
}

/* (PQ1)-(PQ2): a faulty product loses points and brings claims; a product
 * below the market's value loses customers even with the service as good
 * as before. */
static void test_product_quality(void)
{
    spc_experiment base, neutral, faulty, poor;
    run(NULL, 0, &base);
    const char *off[] = { "customers.product.defect=0", "customers.product.value=0" };
    run(off, 2, &neutral);
    tests_check_identical(&base, &neutral, "product on, neutral");
    CU_ASSERT_EQUAL(tests_metric(&neutral.combined, "customers", "faulty_products")->mean, 0);
    const char *bad[] = { "customers.product.defect=0.1", "customers.product.value=0" };
    run(bad, 2, &faulty);
    CU_ASSERT(tests_metric(&faulty.combined, "customers", "faulty_products")->mean > 0);
    expect(&base, &faulty, "customers", "csat", -1, "faulty products");
    expect(&base, &faulty, "customers", "aftersale", +1, "faulty products");
    expect(&base, &faulty, "customers", "churn_annual", +1, "faulty products");
    const char *cheap[] = { "customers.product.defect=0", "customers.product.value=-1.5" };
    run(cheap, 2, &poor);
    expect(&base, &poor, "customers", "churn_annual", +1, "poor value");
    expect(&base, &poor, "customers", "active", -1, "poor value");
    expect(&base, &poor, "finance", "revenue", -1, "poor value");
    /* the service itself is no worse: employees' satisfaction within noise of the base's */
    spc_estimate e = paired(&base, &poor, "company", "satisfaction_mean");
    CU_ASSERT(fabs(e.mean) < 2.0);
    spc_experiment_release(&base);
    spc_experiment_release(&neutral);
    spc_experiment_release(&faulty);
    spc_experiment_release(&poor);
}

/* (R1)-(R4): reviews that move no prospect change nothing; a public rating
 * below the reference slows the base acquisition, one above speeds it. */
static void test_public_reviews(void)
{
    spc_experiment base, neutral, low, high;
    run(NULL, 0, &base);
    const char *off[] = { "customers.reviews.w_rating=0" };
    run(off, 1, &neutral);
    tests_check_identical(&base, &neutral, "reviews that move no prospect");
    CU_ASSERT(tests_metric(&neutral.combined, "customers", "reviews")->mean > 0);
    /* a demanding reference (5 stars): the rating is below it */
    const char *below[] = { "customers.reviews.w_rating=0.5", "customers.reviews.reference=5",
                            "customers.reviews.lag=\"1w\"" };
    run(below, 3, &low);
    expect(&base, &low, "customers", "acquired", -1, "rating below the reference");
    const char *above[] = { "customers.reviews.w_rating=0.5", "customers.reviews.reference=2",
                            "customers.reviews.lag=\"1w\"" };
    run(above, 3, &high);
    expect(&base, &high, "customers", "acquired", +1, "rating above the reference");
    spc_experiment_release(&base);
    spc_experiment_release(&neutral);
    spc_experiment_release(&low);
    spc_experiment_release(&high);
}

/* (CP1)-(CP4): a competitor that stands still and pulls no expectation
 * changes nothing; one that improves fast takes customers from a company
 * that stands still. */
static void test_competitor(void)
{
    spc_experiment base, still, rising;
    run(NULL, 0, &base);
    const char *off[] = { "customers.competitor.improve=0", "customers.competitor.pull=0",
                          "customers.competitor.w_switch=0" };
    run(off, 3, &still);
    tests_check_identical(&base, &still, "a competitor that stands still");
    const char *up[] = { "customers.competitor.improve=1.0", "customers.competitor.pull=0.1",
                         "customers.competitor.quality=1.0" };
    run(up, 3, &rising);
    CU_ASSERT(tests_metric(&rising.combined, "customers", "competitor_lead_end")->mean <
              tests_metric(&still.combined, "customers", "competitor_lead_end")->mean);
    expect(&base, &rising, "customers", "csat", -1, "a rising competitor");
    expect(&base, &rising, "customers", "churn_annual", +1, "a rising competitor");
    expect(&base, &rising, "customers", "active", -1, "a rising competitor");
    spc_experiment_release(&base);
    spc_experiment_release(&still);
    spc_experiment_release(&rising);
}

/* (TR1)-(TR3): announcing nothing changes nothing; telling the customers
 * of late orders in time keeps them happier than leaving them to find out. */
static void test_transparency(void)
{
    spc_experiment base, silent, told, untold;
    run(NULL, 0, &base);
    const char *none[] = { "customers.transparency.share=0" };
    run(none, 1, &silent);
    tests_check_identical(&base, &silent, "transparency that announces nothing");
    CU_ASSERT(tests_metric(&silent.combined, "customers", "late")->mean > 0);
    CU_ASSERT_EQUAL(tests_metric(&silent.combined, "customers", "awareness_rate")->mean, 0);
    /* a busier back office and customers who expect what it delivers, so
     * that many orders run late (with customers expecting far more than the
     * shop delivers, an announcement shorter than their own expectation is
     * what a late order breaks: docs/model.md 9.16) */
    const char *tell[] = { "customers.transparency.update=1", "stages.[1].servers=3",
                           "customers.satisfaction.expectation=\"1h\"" };
    run(tell, 3, &told);
    const char *keep[] = { "customers.transparency.update=0", tell[1], tell[2] };
    run(keep, 3, &untold);
    CU_ASSERT_EQUAL(tests_metric(&told.combined, "customers", "awareness_rate")->mean, 1);
    CU_ASSERT_EQUAL(tests_metric(&untold.combined, "customers", "awareness_rate")->mean, 0);
    /* customers' true satisfaction at their encounters: the survey's CSAT is too noisy for 6 replications */
    expect(&untold, &told, "customers", "satisfaction_true", +1, "late orders told in time");
    expect(&untold, &told, "finance", "contact_cost", +1, "late orders told in time");
    spc_experiment_release(&base);
    spc_experiment_release(&silent);
    spc_experiment_release(&told);
    spc_experiment_release(&untold);
}

/* (AC1)-(AC2): a company that detects nothing changes nothing; one that
 * reaches failed deliveries first keeps customers and averts claims. The
 * effect on churn is the weakest: over 12 replications (`spcsim compare
 * tests/data/customers/small.cfg customers.accessibility.detect=0.8 -r 12
 * --set horizon=30w --set warmup=4w --set seed=1..3`) it was -0.006 to
 * -0.030, inside a half-width of about 0.015, significant for two seeds in
 * three; this test runs four times REPS. */
static void test_accessibility(void)
{
    spc_experiment base, blind, proactive;
    run_reps(NULL, 0, 4 * REPS, &base);
    const char *none[] = { "customers.accessibility.detect=0" };
    run_reps(none, 1, 4 * REPS, &blind);
    tests_check_identical(&base, &blind, "proactive service that detects nothing");
    CU_ASSERT(tests_metric(&blind.combined, "customers", "problems")->mean > 0);
    const char *reach[] = { "customers.accessibility.detect=0.8" };
    run_reps(reach, 1, 4 * REPS, &proactive);
    expect(&base, &proactive, "customers", "satisfaction_true", +1, "proactive service");
    expect(&base, &proactive, "customers", "aftersale", -1, "proactive service");
    expect(&base, &proactive, "customers", "churn_annual", -1, "proactive service");
    spc_estimate share = *tests_metric(&proactive.combined, "customers", "proactive_share");
    CU_ASSERT(share.mean > 0.7 && share.mean < 0.9); /* about p_d = 0.8 of the problems no employee recovered */
    spc_experiment_release(&base);
    spc_experiment_release(&blind);
    spc_experiment_release(&proactive);
}

/* (SC1)-(SC4) on known counts. */
static void test_scorecard_arithmetic(void)
{
    spc_scorecard_counts n = { .delivered = 200, .on_time = 150, .clean = 190, .late = 50, .informed = 45,
                               .problems = 40, .proactive = 10 };
    double x[5];
    spc_scorecard(&n, x);
    CU_ASSERT_DOUBLE_EQUAL(x[0], 75.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(x[1], 95.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(x[2], 90.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(x[3], 25.0, 1e-12);
    spc_scorecard_counts none = { 0 };
    spc_scorecard(&none, x);
    for (int k = 0; k < 4; k++)
        CU_ASSERT(isnan(x[k]));
}

/* The scorecard only reports: on, it changes no outcome, bit for bit; its
 * transparency and accessibility standards are the mechanisms' own rates. */
static void test_scorecard_reports_only(void)
{
    spc_experiment base, card, both;
    run(NULL, 0, &base);
    const char *on[] = { "customers.scorecard.on_time=1" };
    run(on, 1, &card);
    tests_check_identical(&base, &card, "the scorecard");
    CU_ASSERT_EQUAL(tests_metric(&card.combined, "standards", "transparency_pct")->mean, 0); /* nobody is told */
    double speed = tests_metric(&card.combined, "standards", "speed_on_time_pct")->mean;
    CU_ASSERT(speed > 0 && speed < 100);
    CU_ASSERT(tests_metric(&card.combined, "standards", "output_per_hour")->mean > 0);
    const char *more[] = { on[0], "customers.transparency.update=0.9", "customers.accessibility.detect=0.5" };
    run(more, 3, &both);
    for (unsigned i = 0; i < REPS; i++) {
        CU_ASSERT_DOUBLE_EQUAL(tests_metric(&both.rep[i], "standards", "transparency_pct")->mean,
                               100 * tests_metric(&both.rep[i], "customers", "awareness_rate")->mean, 1e-9);
        CU_ASSERT_DOUBLE_EQUAL(tests_metric(&both.rep[i], "standards", "accessibility_pct")->mean,
                               100 * tests_metric(&both.rep[i], "customers", "proactive_share")->mean, 1e-9);
    }
    spc_experiment_release(&base);
    spc_experiment_release(&card);
    spc_experiment_release(&both);
}

/* (ER1)-(ER3) by hand. */
static void test_reputation_equations(void)
{
    spc_reputation_params p = { 70, 80, 0.5, 0.5, 13, 0.3, 2.0 };
    CU_ASSERT_DOUBLE_EQUAL(spc_reputation_score(&p, 60, 90), 0.5 * -1 + 0.5 * 1, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(spc_reputation_score(&p, 50, NAN), 0.5 * -2, 1e-15); /* no customers */
    CU_ASSERT(isnan(spc_reputation_score(&p, NAN, NAN)));
    double a = 1 - exp(-2.0 / 13.0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reputation_smooth(&p, 0.4, -1.0, 2.0), 0.4 + a * (-1.4), 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(spc_reputation_smooth(&p, 0.4, NAN, 2.0), 0.4, 0);
    p.memory = 0; /* the last period alone */
    CU_ASSERT_DOUBLE_EQUAL(spc_reputation_smooth(&p, 0.4, -1.0, 2.0), -1.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_reputation_delay_factor(&p, -1.0), exp(0.3), 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(spc_reputation_fit_shift(&p, -1.0), -2.0, 0);
}

/* A reputation that changes nothing (both effects 0) leaves every output
 * as it was; a poor one (references at the top of the scales) lengthens
 * vacancies and weakens new hires, in a shop where many quit. */
static void test_employer_reputation(void)
{
    spc_experiment base, neutral, poor;
    const char *churn[] = { "workforce.turnover.market=8", "horizon=\"40w\"" };
    run(churn, 2, &base);
    const char *off[] = { churn[0], churn[1], "workforce.reputation.w_delay=0", "workforce.reputation.w_fit=0" };
    run(off, 4, &neutral);
    tests_check_identical(&base, &neutral, "reputation with no effect");
    CU_ASSERT(isfinite(tests_metric(&neutral.combined, "company", "reputation_end")->mean));
    /* each effect alone: the delay, then the applicants' fit */
    const char *slow[] = { churn[0], churn[1], "workforce.reputation.esat_ref=100", "workforce.reputation.csat_ref=100",
                           "workforce.reputation.w_delay=1", "workforce.reputation.w_fit=0" };
    run(slow, 6, &poor);
    CU_ASSERT(tests_metric(&poor.combined, "company", "reputation_end")->mean < 0);
    expect(&base, &poor, "company", "vacancies_mean", +1, "poor reputation, delay");
    spc_experiment_release(&poor);
    const char *weak[] = { churn[0], churn[1], "workforce.reputation.esat_ref=100", "workforce.reputation.csat_ref=100",
                           "workforce.reputation.w_delay=0", "workforce.reputation.w_fit=10" };
    run(weak, 6, &poor);
    expect(&base, &poor, "company", "satisfaction_mean", -1, "poor reputation, fit");
    spc_experiment_release(&base);
    spc_experiment_release(&neutral);
    spc_experiment_release(&poor);
}

static const CU_TestInfo tests[] = {
    { "reviews: stars and the probability of a review (R1)", test_review_stars_and_probability },
    { "reviews: the prior and the half-life of the rating (R2), its factor (R4)", test_rating_prior_and_decay },
    { "reviews: the seen rating is a first-order delay, exact in any steps (R3)",
      test_seen_rating_is_a_first_order_delay },
    { "product quality: neutral changes nothing; faults and poor value lose customers", test_product_quality },
    { "public reviews: neutral changes nothing; the rating moves acquisition", test_public_reviews },
    { "a competitor: standing still changes nothing; rising, it takes customers", test_competitor },
    { "transparency: announcing nothing changes nothing; telling late customers helps", test_transparency },
    { "proactive service: detecting nothing changes nothing; reaching first keeps customers",
      test_accessibility },
    { "scorecard: the five standards on known counts (SC1)-(SC4)", test_scorecard_arithmetic },
    { "scorecard: it only reports; its rates are the mechanisms' own", test_scorecard_reports_only },
    { "employer reputation: the index by hand (ER1)-(ER3)", test_reputation_equations },
    { "employer reputation: neutral changes nothing; a poor one lengthens vacancies, weakens hires",
      test_employer_reputation },
    CU_TEST_INFO_NULL
};

int tests_standards(void) { return tests_add_suite("standards", tests); }
