/*
 * test_rng.c -- stream seeds: fixed known values (so an accidental change
 * of the mixing is caught), avalanche, and independence of streams.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>

#include "spcsim/rng.h"
#include "spcsim/xoshiro.h"
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

static void streams_reproduce_and_differ(const char *name)
{
    const gsl_rng_type *t = spc_rng_type_find(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_STRING_EQUAL(t->name, name);
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

static void test_streams_reproduce_and_differ(void)
{
    CU_ASSERT_PTR_NULL(spc_rng_type_find("no-such-generator"));
    streams_reproduce_and_differ("mt19937");
    streams_reproduce_and_differ("xoshiro256++");
}

/* ---- xoshiro256++, the project's own generator type ---- */

static gsl_rng *xoshiro_with_state(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    gsl_rng *r = gsl_rng_alloc(spc_rng_xoshiro256pp);
    spc_xoshiro *x = r->state;
    x->s[0] = a, x->s[1] = b, x->s[2] = c, x->s[3] = d;
    return r;
}

/* Known answers of the reference implementation (prng.di.unimi.it,
 * xoshiro256plusplus.c) from two states: {1, 2, 3, 4}, the vector the Rust
 * rand_xoshiro crate checks against, and {0, 0, 0, 1}. */
static void test_xoshiro_known_answers(void)
{
    static const uint64_t from1234[10] = {
        UINT64_C(41943041), UINT64_C(58720359), UINT64_C(3588806011781223),
        UINT64_C(3591011842654386), UINT64_C(9228616714210784205), UINT64_C(9973669472204895162),
        UINT64_C(14011001112246962877), UINT64_C(12406186145184390807),
        UINT64_C(15849039046786891736), UINT64_C(10450023813501588000)
    };
    static const uint64_t from0001[10] = {
        UINT64_C(0x0000000000800000), UINT64_C(0x0000000000800011), UINT64_C(0x0002200000800011),
        UINT64_C(0x0002200044000020), UINT64_C(0x00022000448008A1), UINT64_C(0x01102100802208A0),
        UINT64_C(0x0114002284200880), UINT64_C(0x0402896644A64095), UINT64_C(0x8A14A0A244ACC891),
        UINT64_C(0x8C88BA4680B20495)
    };
    gsl_rng *a = xoshiro_with_state(1, 2, 3, 4), *b = xoshiro_with_state(0, 0, 0, 1);
    gsl_rng *c = xoshiro_with_state(1, 2, 3, 4);
    for (int i = 0; i < 10; i++) {
        CU_ASSERT_EQUAL(spc_xoshiro_next(a->state), from1234[i]);
        CU_ASSERT_EQUAL(spc_xoshiro_next(b->state), from0001[i]);
        /* through GSL: the upper 32 bits */
        CU_ASSERT_EQUAL(gsl_rng_get(c), (unsigned long)(from1234[i] >> 32));
    }
    gsl_rng_free(a);
    gsl_rng_free(b);
    gsl_rng_free(c);
}

/* gsl_rng_set(r, s) seeds with splitmix64 from s; splitmix64's published
 * outputs from 0 (Steele, Lea and Flood 2014; Java's SplittableRandom) are
 * e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f, f88bb8a8724c81ec. */
static void test_xoshiro_seeding(void)
{
    gsl_rng *r = gsl_rng_alloc(spc_rng_xoshiro256pp);
    gsl_rng_set(r, 0);
    const spc_xoshiro *x = r->state;
    CU_ASSERT_EQUAL(x->s[0], UINT64_C(0xe220a8397b1dcdaf));
    CU_ASSERT_EQUAL(x->s[1], UINT64_C(0x6e789e6aa1b965f4));
    CU_ASSERT_EQUAL(x->s[2], UINT64_C(0x06c45d188009454f));
    CU_ASSERT_EQUAL(x->s[3], UINT64_C(0xf88bb8a8724c81ec));
    /* every bit of a 64-bit seed counts */
    gsl_rng *y = gsl_rng_alloc(spc_rng_xoshiro256pp);
    gsl_rng_set(r, 0x123456789abcdefUL);
    gsl_rng_set(y, 0x123456789abcdefUL ^ (1UL << 63));
    CU_ASSERT_NOT_EQUAL(gsl_rng_get(r), gsl_rng_get(y));
    gsl_rng_free(r);
    gsl_rng_free(y);
}

/* The GSL interface: the range GSL is told, uniform in [0, 1), uniform_pos
 * skipping an exact 0 (state {0, 1, 2, 0} makes the next output 0), and
 * uniform_int within [0, n). */
static void test_xoshiro_gsl_interface(void)
{
    gsl_rng *r = gsl_rng_alloc(spc_rng_xoshiro256pp);
    CU_ASSERT_STRING_EQUAL(gsl_rng_name(r), "xoshiro256++");
    CU_ASSERT_EQUAL(gsl_rng_min(r), 0);
    CU_ASSERT_EQUAL(gsl_rng_max(r), 0xffffffffUL);
    gsl_rng_set(r, 7);
    int in_range = 1;
    for (int i = 0; i < 100000; i++) {
        unsigned long g = gsl_rng_get(r);
        double u = gsl_rng_uniform(r), p = gsl_rng_uniform_pos(r);
        unsigned long k = gsl_rng_uniform_int(r, 7), big = gsl_rng_uniform_int(r, 0xffffffffUL);
        in_range &= g <= 0xffffffffUL && u >= 0 && u < 1 && p > 0 && p < 1 && k < 7 && big < 0xffffffffUL;
    }
    CU_ASSERT(in_range);
    gsl_rng_free(r);
    gsl_rng *z = xoshiro_with_state(0, 1, 2, 0);
    CU_ASSERT_EQUAL(gsl_rng_uniform(z), 0.0);
    z = (gsl_rng_free(z), xoshiro_with_state(0, 1, 2, 0));
    CU_ASSERT(gsl_rng_uniform_pos(z) > 0.0);
    gsl_rng_free(z);
}

/* Pearson's chi-square on k equal cells; p-value from its chi-square law
 * with k - 1 degrees of freedom. */
static double chisq_pvalue(const unsigned long *count, int k, unsigned long n)
{
    double e = (double)n / k, x2 = 0;
    for (int i = 0; i < k; i++)
        x2 += (count[i] - e) * (count[i] - e) / e;
    return gsl_cdf_chisq_Q(x2, k - 1);
}

/* Uniformity at a fixed seed: 2,000,000 doubles in 1,000 cells, the
 * 32-bit outputs' top 10 bits in 1,024 cells, uniform_int(r, 7) in 7, and
 * successive pairs in 32 x 32 cells (serial independence). Each must pass
 * at the 0.001 level: the chance that a sound generator fails one of the
 * four is below 0.4%, and a fixed seed makes the outcome deterministic. */
static void test_xoshiro_uniformity(void)
{
    enum { N = 2000000 };
    gsl_rng *r = spc_rng_stream_alloc(spc_rng_xoshiro256pp, 20261126, 0, 1);
    unsigned long *c = calloc(1000 + 1024 + 7 + 1024, sizeof *c);
    unsigned long *dbl = c, *top = c + 1000, *seven = top + 1024, *pairs = seven + 7;
    for (int i = 0; i < N; i++) {
        dbl[(int)(gsl_rng_uniform(r) * 1000)]++;
        top[gsl_rng_get(r) >> 22]++;
        seven[gsl_rng_uniform_int(r, 7)]++;
        int a = (int)(gsl_rng_uniform(r) * 32), b = (int)(gsl_rng_uniform(r) * 32);
        pairs[a * 32 + b]++;
    }
    CU_ASSERT(chisq_pvalue(dbl, 1000, N) > 0.001);
    CU_ASSERT(chisq_pvalue(top, 1024, N) > 0.001);
    CU_ASSERT(chisq_pvalue(seven, 7, N) > 0.001);
    CU_ASSERT(chisq_pvalue(pairs, 1024, N) > 0.001);
    free(c);
    gsl_rng_free(r);
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
    { "xoshiro256++: the reference implementation's outputs", test_xoshiro_known_answers },
    { "xoshiro256++: seeded by splitmix64", test_xoshiro_seeding },
    { "xoshiro256++: the GSL interface's promises", test_xoshiro_gsl_interface },
    { "xoshiro256++: uniform in cells and pairs", test_xoshiro_uniformity },
    { "one source's draws never shift another's", test_sources_do_not_shift_each_other },
    CU_TEST_INFO_NULL
};

int tests_rng(void) { return tests_add_suite("rng", tests); }
