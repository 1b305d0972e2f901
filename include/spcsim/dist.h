/*
 * dist.h -- probability distributions by name, for durations.
 *
 * A distribution is given the way a modeller thinks of it: by its mean and
 * coefficient of variation (cv = sd / mean), not by the textbook
 * parameters. spc_dist_prepare turns those into the parameters GSL wants.
 *
 *   exponential   mean                     (cv is 1 by definition)
 *   deterministic mean                     (cv is 0)
 *   uniform       min, max                 mean = (min+max)/2
 *   normal        mean, cv                 truncated at 0: X | X >= 0
 *   lognormal     mean, cv                 sigma^2 = ln(1+cv^2), mu = ln(mean) - sigma^2/2
 *   gamma         mean, cv                 shape k = 1/cv^2, scale = mean cv^2
 *   empirical     values[, weights]        one of the values, equally likely
 *                                          or with the given weights
 *
 * The struct is plain data and may be copied before spc_dist_prepare is
 * called; after it, it owns a GSL lookup table (empirical with weights) and
 * its values array, both released by spc_dist_release.
 */
#ifndef SPCSIM_DIST_H
#define SPCSIM_DIST_H

#include <math.h>
#include <stddef.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "spcsim/ziggurat.h"

typedef enum {
    SPC_DIST_EXPONENTIAL,
    SPC_DIST_DETERMINISTIC,
    SPC_DIST_UNIFORM,
    SPC_DIST_NORMAL,
    SPC_DIST_LOGNORMAL,
    SPC_DIST_GAMMA,
    SPC_DIST_EMPIRICAL,
    SPC_DIST_COUNT
} spc_dist_kind;

typedef struct {
    spc_dist_kind kind;
    double mean, cv;      /* exponential, deterministic, normal, lognormal, gamma */
    double min, max;      /* uniform */
    size_t n;             /* empirical: number of values */
    double *values;       /* empirical: owned */
    double *weights;      /* empirical: owned, NULL for equal weights */
    /* derived by spc_dist_prepare */
    double p1, p2;
    gsl_ran_discrete_t *table;
} spc_dist;

/* "exponential" -> SPC_DIST_EXPONENTIAL; returns -1 if unknown. */
int spc_dist_kind_from_name(const char *name);
const char *spc_dist_kind_name(spc_dist_kind kind);

/* Derives sampling parameters; returns 0, or -1 when out of memory. */
int spc_dist_prepare(spc_dist *d);

/* One draw (>= 0 for all kinds given valid parameters): spc_dist_sample,
 * below, inline for the exponential, this for every kind. */
double spc_dist_sample_any(const spc_dist *d, gsl_rng *r);

/* The time to the next renewal seen from a random moment of a stationary
 * renewal process with these intervals (the equilibrium residual, density
 * (1 - F(t)) / E[X]): U times a length-biased draw; for the exponential, a
 * fresh draw. Starts a process "in the middle" without a burst. */
double spc_dist_sample_residual(const spc_dist *d, gsl_rng *r);

/* The exact mean of the distribution as sampled (the truncated normal's
 * mean is above its `mean` parameter when cv is large). */
double spc_dist_true_mean(const spc_dist *d);

/* The exact squared coefficient of variation as sampled. */
double spc_dist_true_scv(const spc_dist *d);

void spc_dist_release(spc_dist *d);

/* An exponential draw with the given mean: from the project's generator
 * (xoshiro256++) by the ziggurat (ziggurat.h), about four times faster
 * than a logarithm; from any GSL generator by inversion, -mean ln U, as
 * spcsim has always drawn them, so runs with GSL's generators (mt19937,
 * the default) are unchanged. Inline: it is the hottest draw of most
 * runs. */
static inline double spc_dist_exponential(gsl_rng *r, double mean)
{
    if (r->type == spc_rng_xoshiro256pp)
        return mean * spc_ziggurat_exponential(r->state);
    return -mean * log(gsl_rng_uniform_pos(r));
}

/* One draw (>= 0 for all kinds given valid parameters); the exponential,
 * the kind of most services and arrivals, without a call. */
static inline double spc_dist_sample(const spc_dist *d, gsl_rng *r)
{
    return d->kind == SPC_DIST_EXPONENTIAL ? spc_dist_exponential(r, d->mean) : spc_dist_sample_any(d, r);
}

/* Deep copy into *dst (unprepared); returns 0 or -1 when out of memory. */
int spc_dist_copy(spc_dist *dst, const spc_dist *src);

#endif
