/*
 * arrivals.h -- the external arrival process: when the next order comes in.
 *
 * Poisson with a constant rate, Poisson with a piecewise-constant rate that
 * repeats every period (e.g. by hour of day), or a renewal process with
 * i.i.d. interarrival times. Draws come from the arrivals stream only.
 */
#ifndef SPCSIM_ARRIVALS_H
#define SPCSIM_ARRIVALS_H

#include <gsl/gsl_rng.h>

#include "spcsim/dist.h"
#include "spcsim/scenario.h"

typedef struct {
    const spc_arrivals_spec *spec; /* not owned */
    gsl_rng *rng;                  /* owned */
    double hazard_per_period;      /* schedule: integral of the rate over a period */
    double mean;                   /* poisson: the mean interarrival time, 1 / rate */
} spc_arrivals;

/* Returns 0, or -1 when out of memory. */
int spc_arrivals_init(spc_arrivals *a, const spc_arrivals_spec *spec, const gsl_rng_type *type,
                      uint64_t seed, uint64_t replication);
void spc_arrivals_release(spc_arrivals *a);

/* Switches to another arrival process (an intervention); the arrival
 * already scheduled stands. */
void spc_arrivals_apply(spc_arrivals *a, const spc_arrivals_spec *spec);

/* Time of the next arrival after `now`: the constant-rate Poisson case
 * inline (one per arrival), the others in spc_arrivals_next_any. */
double spc_arrivals_next_any(spc_arrivals *a, double now);

static inline double spc_arrivals_next(spc_arrivals *a, double now)
{
    if (a->spec->kind == SPC_ARRIVALS_POISSON)
        return now + spc_dist_exponential(a->rng, a->mean);
    return spc_arrivals_next_any(a, now);
}

#endif
