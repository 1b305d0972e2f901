/*
 * arrivals.c -- external arrivals.
 *
 * A non-homogeneous Poisson process with rate lambda(t) is generated exactly
 * by inversion of its cumulative hazard: draw E ~ Exp(1) and find the time
 * t' > t with  integral_t^t' lambda(s) ds = E.  With a piecewise-constant
 * rate the integral is a sum over slots, so we walk slot by slot, and skip
 * whole periods at once when E exceeds the hazard of a period. One draw per
 * arrival keeps the arrivals stream aligned across scenario variants.
 */
#include "spcsim/arrivals.h"

#include <math.h>

#include "spcsim/rng.h"

void spc_arrivals_apply(spc_arrivals *a, const spc_arrivals_spec *spec)
{
    a->spec = spec;
    a->hazard_per_period = 0.0;
    a->mean = 1.0 / spec->rate;
    if (spec->kind == SPC_ARRIVALS_SCHEDULE) {
        for (size_t i = 0; i < spec->nslots; i++) {
            double end = i + 1 < spec->nslots ? spec->slot_start[i + 1] : spec->period;
            a->hazard_per_period += spec->slot_rate[i] * (end - spec->slot_start[i]);
        }
    }
}

int spc_arrivals_init(spc_arrivals *a, const spc_arrivals_spec *spec, const gsl_rng_type *type,
                      uint64_t seed, uint64_t replication)
{
    spc_arrivals_apply(a, spec);
    a->rng = spc_rng_stream_alloc(type, seed, replication, SPC_STREAM(SPC_STREAM_ARRIVALS, 0));
    return a->rng ? 0 : -1;
}

void spc_arrivals_release(spc_arrivals *a)
{
    if (a->rng != NULL)
        gsl_rng_free(a->rng);
    a->rng = NULL;
}

/* Inverts the cumulative hazard of the periodic piecewise-constant rate. */
static double schedule_next(const spc_arrivals *a, double now, double e)
{
    const spc_arrivals_spec *s = a->spec;
    double cycle = floor(now / s->period);
    double u = now - cycle * s->period;
    if (e > a->hazard_per_period) {
        double skip = floor(e / a->hazard_per_period);
        e -= skip * a->hazard_per_period;
        cycle += skip;
    }
    size_t k = 0;
    while (k + 1 < s->nslots && s->slot_start[k + 1] <= u)
        k++;
    for (;;) {
        double end = k + 1 < s->nslots ? s->slot_start[k + 1] : s->period;
        double h = s->slot_rate[k] * (end - u);
        if (h >= e && s->slot_rate[k] > 0)
            return cycle * s->period + u + e / s->slot_rate[k];
        e -= h;
        if (++k == s->nslots) {
            k = 0;
            cycle += 1;
        }
        u = s->slot_start[k];
    }
}

double spc_arrivals_next_any(spc_arrivals *a, double now)
{
    switch (a->spec->kind) {
    case SPC_ARRIVALS_POISSON:
        return now + spc_dist_exponential(a->rng, a->mean);
    case SPC_ARRIVALS_RENEWAL:
        return now + spc_dist_sample(&a->spec->interarrival, a->rng);
    case SPC_ARRIVALS_SCHEDULE:
        return schedule_next(a, now, spc_dist_exponential(a->rng, 1.0));
    }
    return INFINITY;
}
