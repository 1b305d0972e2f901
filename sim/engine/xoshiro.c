/*
 * xoshiro.c -- xoshiro256++ as a gsl_rng_type (see xoshiro.h).
 *
 * GSL calls set, get and get_double through the type's pointers; the
 * generator itself is the inline spc_xoshiro_next of the header, so the
 * ziggurat and GSL's distributions draw from one and the same sequence.
 */
#include "spcsim/xoshiro.h"

/* Four successive splitmix64 outputs started at the seed. */
static void xoshiro_set(void *vstate, unsigned long int seed)
{
    spc_xoshiro *x = vstate;
    uint64_t z = (uint64_t)seed;
    for (int i = 0; i < 4; i++)
        x->s[i] = spc_splitmix64_next(&z);
}

static unsigned long int xoshiro_get(void *vstate)
{
    return (unsigned long int)(spc_xoshiro_next(vstate) >> 32);
}

static double xoshiro_get_double(void *vstate)
{
    return spc_xoshiro_uniform(vstate);
}

static const gsl_rng_type xoshiro256pp_type = {
    "xoshiro256++",
    0xffffffffUL, /* max */
    0,            /* min */
    sizeof(spc_xoshiro),
    &xoshiro_set,
    &xoshiro_get,
    &xoshiro_get_double
};

const gsl_rng_type *spc_rng_xoshiro256pp = &xoshiro256pp_type;
