/*
 * xoshiro.h -- xoshiro256++, the project's own GSL generator type.
 *
 * xoshiro256++ (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM Trans. Math. Softw. 47(4), 2021) has 256 bits of state,
 * period 2^256 - 1, passes BigCrush and PractRand, and costs about a
 * nanosecond a draw. It is registered as a gsl_rng_type named
 * "xoshiro256++", so every gsl_ran_* distribution draws from it:
 *   get         the upper 32 bits of a 64-bit output (min 0, max 2^32 - 1,
 *               as GSL's 32-bit generators, so no GSL code meets a range it
 *               did not expect);
 *   get_double  the upper 53 bits of one output times 2^-53, in [0, 1).
 * gsl_rng_set(r, seed) fills the state with four outputs of splitmix64
 * started at the seed, the seeding its authors recommend (every seed, 0
 * included, gives a non-zero state).
 *
 * The state is public so that a sampler that wants whole 64-bit words (the
 * ziggurat exponential) can call spc_xoshiro_next inline on r->state.
 */
#ifndef SPCSIM_XOSHIRO_H
#define SPCSIM_XOSHIRO_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

typedef struct {
    uint64_t s[4];
} spc_xoshiro;

/* The generator type: gsl_rng_alloc(spc_rng_xoshiro256pp). */
extern const gsl_rng_type *spc_rng_xoshiro256pp;

/* splitmix64 (Steele, Lea and Flood 2014) as a sequence: z += 0x9e37...,
 * then the finaliser (z ^ z>>30)·0xbf58..., (z ^ z>>27)·0x94d0..., z ^ z>>31. */
static inline uint64_t spc_splitmix64_next(uint64_t *z)
{
    uint64_t w = (*z += 0x9e3779b97f4a7c15ULL);
    w = (w ^ (w >> 30)) * 0xbf58476d1ce4e5b9ULL;
    w = (w ^ (w >> 27)) * 0x94d049bb133111ebULL;
    return w ^ (w >> 31);
}

static inline uint64_t spc_xoshiro_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* The next 64-bit output: result = rotl(s0 + s3, 23) + s0, then the linear
 * engine's step (the reference implementation's order of operations). */
static inline uint64_t spc_xoshiro_next(spc_xoshiro *x)
{
    uint64_t *s = x->s;
    const uint64_t result = spc_xoshiro_rotl(s[0] + s[3], 23) + s[0];
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = spc_xoshiro_rotl(s[3], 45);
    return result;
}

/* A double uniform on [0, 1) from the upper 53 bits of one output. */
static inline double spc_xoshiro_uniform(spc_xoshiro *x)
{
    return (double)(spc_xoshiro_next(x) >> 11) * 0x1.0p-53;
}

#endif
