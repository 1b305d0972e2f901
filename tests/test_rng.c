/*
 * test_rng.c -- stream seeds: fixed known values (so an accidental change
 * of the mixing is caught), avalanche, and independence of streams.
 */
#include <stdint.h>
#include <gsl/gsl_rng.h>

#include "spcsim/rng.h"
#include "tests.h"

static void test_known_values(void)
{
    /* golden values: changing them changes every published result */
    CU_ASSERT_EQUAL(spc_rng_mix(0, 0, 0), spc_rng_mix(0, 0, 0));
    uint64_t a = spc_rng_mix(1, 0, SPC_STREAM(SPC_STREAM_ARRIVALS, 0));
    uint64_t b = spc_rng_mix(1, 0, SPC_STREAM(SPC_STREAM_SERVICE, 0));
    uint64_t c = spc_rng_mix(1, 1, SPC_STREAM(SPC_STREAM_ARRIVALS, 0));
    uint64_t d = spc_rng_mix(2, 0, SPC_STREAM(SPC_STREAM_ARRIVALS, 0));
    CU_ASSERT(a != b && a != c && a != d && b != c && c != d);
    CU_ASSERT_EQUAL(spc_rng_mix(1, 0, 0), UINT64_C(0x7553c6a0f87f81be));
}

static int popcount64(uint64_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* Flipping any one input bit flips about half the output bits. */
static void test_avalanche(void)
{
    double total = 0;
    int count = 0;
    for (int bit = 0; bit < 64; bit++) {
        uint64_t base = spc_rng_mix(12345, 7, 99);
        total += popcount64(base ^ spc_rng_mix(12345 ^ (UINT64_C(1) << bit), 7, 99));
        total += popcount64(base ^ spc_rng_mix(12345, 7 ^ (UINT64_C(1) << bit), 99));
        total += popcount64(base ^ spc_rng_mix(12345, 7, 99 ^ (UINT64_C(1) << bit)));
        count += 3;
    }
    double mean = total / count;
    /* 192 flips of a fair 64-bit output: mean 32, sd 4/sqrt(192) = 0.29 */
    CU_ASSERT(mean > 31.0 && mean < 33.0);
}

static void test_streams_reproduce_and_differ(void)
{
    const gsl_rng_type *t = spc_rng_type_find("mt19937");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_PTR_NULL(spc_rng_type_find("no-such-generator"));
    gsl_rng *x = spc_rng_stream_alloc(t, 42, 0, SPC_STREAM(SPC_STREAM_SERVICE, 3));
    gsl_rng *y = spc_rng_stream_alloc(t, 42, 0, SPC_STREAM(SPC_STREAM_SERVICE, 3));
    gsl_rng *z = spc_rng_stream_alloc(t, 42, 0, SPC_STREAM(SPC_STREAM_SERVICE, 4));
    int same = 1, differ = 0;
    for (int i = 0; i < 1000; i++) {
        unsigned long a = gsl_rng_get(x), b = gsl_rng_get(y), c = gsl_rng_get(z);
        same &= a == b;
        differ += a != c;
    }
    CU_ASSERT(same);
    CU_ASSERT(differ > 990);
    gsl_rng_free(x);
    gsl_rng_free(y);
    gsl_rng_free(z);
}

/* Changing how much one source draws does not move another source's draws:
 * a slower service (more, longer draws) leaves the arrival stream alone. */
static void test_sources_do_not_shift_each_other(void)
{
    spc_results a, b;
    const char *slow[] = { "horizon=500.0", "stages.[1].service.mean=0.45" };
    const char *fast[] = { "horizon=500.0", "stages.[1].service={ dist = \"gamma\"; mean = 0.3; cv = 0.5; }" };
    spc_scenario *sa = tests_run("scenarios/validation/tandem3.cfg", slow, 2, &a);
    spc_scenario *sb = tests_run("scenarios/validation/tandem3.cfg", fast, 2, &b);
    const spc_estimate *na = tests_metric(&a, "system", "orders_arrived");
    const spc_estimate *nb = tests_metric(&b, "system", "orders_arrived");
    const spc_estimate *wa = tests_metric(&a, "intake", "wait_mean");
    const spc_estimate *wb = tests_metric(&b, "intake", "wait_mean");
    CU_ASSERT_EQUAL(na->mean, nb->mean);   /* same arrivals */
    CU_ASSERT_EQUAL(wa->mean, wb->mean);   /* same first stage, untouched */
    CU_ASSERT_NOT_EQUAL(tests_metric(&a, "assembly", "wait_mean")->mean,
                        tests_metric(&b, "assembly", "wait_mean")->mean);
    spc_results_release(&a);
    spc_results_release(&b);
    spc_scenario_free(sa);
    spc_scenario_free(sb);
}

static const CU_TestInfo tests[] = {
    { "mixing has fixed known values", test_known_values },
    { "mixing avalanches", test_avalanche },
    { "streams reproduce and differ", test_streams_reproduce_and_differ },
    { "one source's draws never shift another's", test_sources_do_not_shift_each_other },
    CU_TEST_INFO_NULL
};

int tests_rng(void) { return tests_add_suite("rng", tests); }
