/*
 * rng.c -- stream seeds by mixing, and GSL generator lookup.
 *
 * splitmix64 (Steele, Lea and Flood 2014) is a bijective 64-bit mixer with
 * good avalanche: z = (z ^ z>>30)·0xbf58476d1ce4e5b9, z = (z ^ z>>27)·
 * 0x94d049bb133111eb, z ^ z>>31. We chain it over (master, rep, stream) with
 * distinct odd increments so that (a, b, c) and permutations differ.
 */
#include "spcsim/rng.h"

#include <string.h>

#include "spcsim/xoshiro.h"

static uint64_t splitmix64(uint64_t z)
{
    return spc_splitmix64_next(&z);
}

uint64_t spc_rng_mix(uint64_t master, uint64_t replication, uint64_t stream)
{
    uint64_t h = splitmix64(master);
    h = splitmix64(h ^ (replication * 0xd1b54a32d192ed03ULL + 1));
    h = splitmix64(h ^ (stream * 0xaef17502108ef2d9ULL + 3));
    return h;
}

const gsl_rng_type *spc_rng_type_find(const char *name)
{
    if (strcmp(name, spc_rng_xoshiro256pp->name) == 0)
        return spc_rng_xoshiro256pp;
    const gsl_rng_type **t = gsl_rng_types_setup();
    for (; *t != NULL; t++)
        if (strcmp((*t)->name, name) == 0)
            return *t;
    return NULL;
}

gsl_rng *spc_rng_stream_alloc(const gsl_rng_type *type, uint64_t master,
                              uint64_t replication, uint64_t stream)
{
    gsl_rng *r = gsl_rng_alloc(type);
    if (r == NULL)
        return NULL;
    uint64_t s = spc_rng_mix(master, replication, stream);
    if (type == spc_rng_xoshiro256pp) { /* seeded with all 64 bits of the mix */
        gsl_rng_set(r, (unsigned long)s);
        return r;
    }
    /* Many GSL generators use only the low 32 bits of the seed, and some
     * treat 0 as "default seed": fold the high half in and avoid 0. */
    unsigned long seed = (unsigned long)((s ^ (s >> 32)) & 0xffffffffUL);
    gsl_rng_set(r, seed ? seed : 0x5eedUL);
    return r;
}
