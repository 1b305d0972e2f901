/*
 * test_channels.c -- contact channels (docs/model.md 9.20, (CH1)-(CH6)).
 *
 *   - opening hours by hand (CH3);
 *   - conservation: with opening hours, waiting, switching, giving up and
 *     self-service escalation all on, every contact ends in exactly one
 *     documented way or is still pending, per channel and in total, in
 *     every replication (exact counts, no tolerance);
 *   - direction, paired with common random numbers: a self-service that
 *     resolves more sends fewer contacts to staff and lowers the channels'
 *     cost per contact (the 95% paired t interval on that side of zero);
 *   - the scorecard's first-contact resolution (SC4) on known counts.
 * Bad input: tests/data/bad/channels-*.cfg (the scenario suite).
 */
#include <math.h>
#include <stdio.h>

#include "spcsim/channels.h"
#include "spcsim/customer_eq.h"
#include "spcsim/experiment.h"
#include "spcsim/stats.h"
#include "tests.h"

#define SHOP "tests/data/customers/small.cfg"
#define REPS 6

static const char *const ends[] = { "gave_up", "lost", "switched", "escalated", "resolved_self", "served_first" };

/* (CH3): open 8-20 h on the first 5 days of a week of hours. */
static void test_opening_hours(void)
{
    spc_customers_spec cs = { .ch_day = 24.0 };
    cs.ch_open[1] = 8.0;
    cs.ch_close[1] = 20.0;
    cs.ch_days[1] = 5;
    CU_ASSERT(!spc_channels_open(&cs, 1, 7.5));
    CU_ASSERT(spc_channels_open(&cs, 1, 8.0));
    CU_ASSERT(!spc_channels_open(&cs, 1, 20.0));
    CU_ASSERT(spc_channels_open(&cs, 1, 4 * 24 + 19.0));   /* day 4 */
    CU_ASSERT(!spc_channels_open(&cs, 1, 5 * 24 + 12.0));  /* day 5: closed */
    CU_ASSERT(spc_channels_open(&cs, 1, 7 * 24 + 12.0));   /* next week's day 0 */
    CU_ASSERT_DOUBLE_EQUAL(spc_channels_next_open(&cs, 1, 3.0), 8.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_channels_next_open(&cs, 1, 12.0), 12.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(spc_channels_next_open(&cs, 1, 21.0), 24 + 8.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_channels_next_open(&cs, 1, 4 * 24 + 21.0), 7 * 24 + 8.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_channels_next_open(&cs, 1, 6 * 24 + 1.0), 7 * 24 + 8.0, 1e-12);
}

static void run(const char *const *extra, size_t nextra, spc_experiment *x)
{
    const char *sets[24] = { "horizon=\"30w\"", "warmup=\"4w\"" };
    size_t n = 2;
    for (size_t i = 0; i < nextra && n < 24; i++)
        sets[n++] = extra[i];
    tests_run_replications(SHOP, sets, n, REPS, x);
}

static double metric(const spc_results *r, const char *scope, const char *m)
{
    const spc_estimate *e = tests_metric(r, scope, m);
    CU_ASSERT_FATAL(e != NULL);
    return e->mean;
}

/* Hours on every channel, every way out of a closed channel possible. */
static const char *const busy[] = {
    "customers.channels.wait=0.5", "customers.channels.switch=0.5",
    "customers.channels.person.open=\"9h\"", "customers.channels.person.close=\"18h\"",
    "customers.channels.person.days=6", "customers.channels.phone.open=\"8h\"",
    "customers.channels.phone.close=\"20h\"", "customers.channels.phone.days=5",
    "customers.channels.written.open=\"7h\"", "customers.channels.written.close=\"22h\"",
    "customers.channels.self.open=\"1h\"", "customers.channels.self.close=\"23h\"",
    "customers.channels.self.aftersale=0.5", "customers.channels.self.inquiry=0.5",
    "customers.channels.self.resolution=0.4", "customers.channels.phone.stage=\"desk\"",
};
#define NBUSY (sizeof busy / sizeof busy[0])

/* Every contact ends in exactly one way: pending at the warm-up + created
 * = the six ends + pending at the horizon, per channel and in total. */
static void test_conservation(void)
{
    spc_experiment x;
    run(busy, NBUSY, &x);
    double seen[6] = { 0 }, held = 0;
    for (unsigned i = 0; i < REPS; i++) {
        double in = 0, out = 0;
        for (int k = 0; k < SPC_CHANNEL_N; k++) {
            char scope[32];
            snprintf(scope, sizeof scope, "channel/%s", spc_channels_name(k));
            const spc_results *r = &x.rep[i];
            double a = metric(r, scope, "pending_start") + metric(r, scope, "contacts"), b = metric(r, scope, "pending_end");
            for (int e = 0; e < 6; e++) {
                b += metric(r, scope, ends[e]);
                seen[e] += metric(r, scope, ends[e]);
            }
            held += metric(r, scope, "held");
            CU_ASSERT_EQUAL(a, b);
            if (a != b)
                fprintf(stderr, "\n  replication %u, %s: %.0f in, %.0f out", i, scope, a, b);
            in += a;
            out += b;
        }
        CU_ASSERT_EQUAL(in, out);
        CU_ASSERT(in > 1000);
    }
    for (int e = 0; e < 6; e++) { /* every way happened: the sum is not trivially met */
        CU_ASSERT(seen[e] > 0);
        if (!(seen[e] > 0))
            fprintf(stderr, "\n  no contact ended as %s", ends[e]);
    }
    CU_ASSERT(held > 0);
    spc_experiment_release(&x);
}

/* Paired differences var - base of a function of each replication. */
static spc_estimate paired(const spc_experiment *base, const spc_experiment *var,
                           double (*f)(const spc_results *))
{
    double d[REPS];
    for (unsigned i = 0; i < REPS; i++)
        d[i] = f(&var->rep[i]) - f(&base->rep[i]);
    return spc_stats_interval(d, REPS, NAN);
}

static double staffed(const spc_results *r) /* after-sale requests and inquiries served at the desk */
{
    return metric(r, "desk", "arrivals");
}

static double cost_per_contact(const spc_results *r)
{
    double n = 0;
    for (int k = 0; k < SPC_CHANNEL_N; k++) {
        char scope[32];
        snprintf(scope, sizeof scope, "channel/%s", spc_channels_name(k));
        n += metric(r, scope, "contacts");
    }
    return metric(r, "finance", "channel_cost") / n;
}

/* (CH5), (CH6): raising self-service's resolution rate from 0.2 to 0.8,
 * everything else equal, lowers the contacts staff get and the cost per
 * contact. */
static void test_self_service_direction(void)
{
    const char *lo[] = { "customers.channels.self.aftersale=0.6", "customers.channels.self.inquiry=0.6",
                         "customers.channels.phone.stage=\"desk\"", "customers.channels.person.stage=\"desk\"",
                         "customers.channels.written.stage=\"desk\"", "customers.channels.self.resolution=0.2" };
    const char *hi[] = { lo[0], lo[1], lo[2], lo[3], lo[4], "customers.channels.self.resolution=0.8" };
    spc_experiment a, b;
    run(lo, 6, &a);
    run(hi, 6, &b);
    spc_estimate d = paired(&a, &b, staffed);
    CU_ASSERT(d.hi < 0);
    spc_estimate c = paired(&a, &b, cost_per_contact);
    CU_ASSERT(c.hi < 0);
    if (!(d.hi < 0) || !(c.hi < 0))
        fprintf(stderr, "\n  staffed %g [%g, %g], cost per contact %g [%g, %g]", d.mean, d.lo, d.hi, c.mean, c.lo,
                c.hi);
    spc_experiment_release(&a);
    spc_experiment_release(&b);
}

/* (SC4), second figure, on known counts. */
static void test_first_contact_arithmetic(void)
{
    spc_scorecard_counts n = { .delivered = 10, .contacts = 80, .first_resolved = 60 };
    double x[5];
    spc_scorecard(&n, x);
    CU_ASSERT_DOUBLE_EQUAL(x[4], 75.0, 1e-12);
    spc_scorecard_counts none = { 0 };
    spc_scorecard(&none, x);
    CU_ASSERT(isnan(x[4]));
}

static const CU_TestInfo tests[] = {
    { "opening hours: open, closed and the next opening (CH3)", test_opening_hours },
    { "conservation: every contact ends in exactly one way, per channel and in total", test_conservation },
    { "self-service that resolves more: fewer staffed contacts, lower cost per contact", test_self_service_direction },
    { "scorecard: first-contact resolution on known counts (SC4)", test_first_contact_arithmetic },
    CU_TEST_INFO_NULL
};

int tests_channels(void) { return tests_add_suite("channels", tests); }
