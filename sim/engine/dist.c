/*
 * dist.c -- sampling the named distributions with GSL.
 *
 * The truncated normal uses GSL's Gaussian tail sampler: with
 * sd = cv·mean, X = mean + Y where Y ~ N(0, sd) conditioned on Y >= -mean.
 * Its exact moments (for the reports) use phi/Phi of alpha = -mean/sd:
 *   E[X] = mean + sd·phi(a)/(1-Phi(a)),
 *   Var[X] = sd^2 [1 + a·l - l^2], l = phi(a)/(1-Phi(a)).
 *
 * The exponential (dist.h, inline) is the ziggurat on the project's
 * generator and -mean ln U (the law of GSL's gsl_ran_exponential, which
 * uses log1p, with the cheaper log) on GSL's.
 */
#include "spcsim/dist.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>

static const char *const names[SPC_DIST_COUNT] = {
    "exponential", "deterministic", "uniform", "normal",
    "lognormal", "gamma", "empirical"
};

int spc_dist_kind_from_name(const char *name)
{
    for (int k = 0; k < SPC_DIST_COUNT; k++)
        if (strcmp(name, names[k]) == 0)
            return k;
    return -1;
}

const char *spc_dist_kind_name(spc_dist_kind kind)
{
    return (kind >= 0 && kind < SPC_DIST_COUNT) ? names[kind] : "?";
}

int spc_dist_prepare(spc_dist *d)
{
    switch (d->kind) {
    case SPC_DIST_NORMAL:
        d->p1 = d->cv * d->mean; /* sd */
        break;
    case SPC_DIST_LOGNORMAL:
        d->p2 = sqrt(log1p(d->cv * d->cv));        /* sigma */
        d->p1 = log(d->mean) - 0.5 * d->p2 * d->p2; /* mu */
        break;
    case SPC_DIST_GAMMA:
        d->p1 = 1.0 / (d->cv * d->cv); /* shape */
        d->p2 = d->mean * d->cv * d->cv; /* scale */
        break;
    case SPC_DIST_EMPIRICAL:
        if (d->weights != NULL && d->table == NULL) {
            d->table = gsl_ran_discrete_preproc(d->n, d->weights);
            if (d->table == NULL)
                return -1;
        }
        break;
    default:
        break;
    }
    return 0;
}

double spc_dist_sample_any(const spc_dist *d, gsl_rng *r)
{
    switch (d->kind) {
    case SPC_DIST_EXPONENTIAL:
        return spc_dist_exponential(r, d->mean);
    case SPC_DIST_DETERMINISTIC:
        return d->mean;
    case SPC_DIST_UNIFORM:
        return gsl_ran_flat(r, d->min, d->max);
    case SPC_DIST_NORMAL:
        if (d->p1 <= 0)
            return d->mean;
        return d->mean + gsl_ran_gaussian_tail(r, -d->mean, d->p1);
    case SPC_DIST_LOGNORMAL:
        return d->cv > 0 ? gsl_ran_lognormal(r, d->p1, d->p2) : d->mean;
    case SPC_DIST_GAMMA:
        return d->cv > 0 ? gsl_ran_gamma(r, d->p1, d->p2) : d->mean;
    case SPC_DIST_EMPIRICAL:
        if (d->table != NULL)
            return d->values[gsl_ran_discrete(r, d->table)];
        return d->values[gsl_rng_uniform_int(r, d->n)];
    default:
        return 0.0;
    }
}

/* A length-biased draw (density x f(x) / E[X]): exact for every kind;
 * the truncated normal by rejection against a bound 8 sd above its mean
 * (the mass beyond is below 1e-15). */
static double length_biased(const spc_dist *d, gsl_rng *r)
{
    switch (d->kind) {
    case SPC_DIST_EXPONENTIAL:
        return gsl_ran_gamma(r, 2.0, d->mean);
    case SPC_DIST_DETERMINISTIC:
        return d->mean;
    case SPC_DIST_UNIFORM: /* F(x) = (x^2 - a^2) / (b^2 - a^2) */
        return sqrt(d->min * d->min + gsl_rng_uniform(r) * (d->max * d->max - d->min * d->min));
    case SPC_DIST_LOGNORMAL:
        return d->cv > 0 ? gsl_ran_lognormal(r, d->p1 + d->p2 * d->p2, d->p2) : d->mean;
    case SPC_DIST_GAMMA:
        return d->cv > 0 ? gsl_ran_gamma(r, d->p1 + 1.0, d->p2) : d->mean;
    default: {
        double bound = 0;
        if (d->kind == SPC_DIST_EMPIRICAL) {
            for (size_t i = 0; i < d->n; i++)
                bound = d->values[i] > bound ? d->values[i] : bound;
        } else {
            bound = d->mean + 8.0 * (d->p1 > 0 ? d->p1 : 0.0);
        }
        if (!(bound > 0))
            return 0.0;
        for (;;) {
            double x = spc_dist_sample(d, r);
            if (gsl_rng_uniform(r) * bound < x)
                return x;
        }
    }
    }
}

double spc_dist_sample_residual(const spc_dist *d, gsl_rng *r)
{
    if (d->kind == SPC_DIST_EXPONENTIAL) /* memoryless */
        return spc_dist_exponential(r, d->mean);
    return gsl_rng_uniform(r) * length_biased(d, r);
}

static double empirical_moment(const spc_dist *d, int power)
{
    double s = 0, w = 0;
    for (size_t i = 0; i < d->n; i++) {
        double wi = d->weights ? d->weights[i] : 1.0;
        s += wi * (power == 1 ? d->values[i] : d->values[i] * d->values[i]);
        w += wi;
    }
    return w > 0 ? s / w : 0.0;
}

static void truncnormal_moments(const spc_dist *d, double *m, double *v)
{
    double sd = d->p1 > 0 ? d->p1 : d->cv * d->mean;
    if (sd <= 0) {
        *m = d->mean;
        *v = 0;
        return;
    }
    double a = -d->mean / sd;
    double tail = gsl_cdf_ugaussian_Q(a);
    double l = exp(-0.5 * a * a) / sqrt(2 * M_PI) / tail;
    *m = d->mean + sd * l;
    *v = sd * sd * (1 + a * l - l * l);
}

double spc_dist_true_mean(const spc_dist *d)
{
    double m, v;
    switch (d->kind) {
    case SPC_DIST_UNIFORM: return 0.5 * (d->min + d->max);
    case SPC_DIST_NORMAL: truncnormal_moments(d, &m, &v); return m;
    case SPC_DIST_EMPIRICAL: return empirical_moment(d, 1);
    default: return d->mean;
    }
}

double spc_dist_true_scv(const spc_dist *d)
{
    double m, v;
    switch (d->kind) {
    case SPC_DIST_EXPONENTIAL: return 1.0;
    case SPC_DIST_DETERMINISTIC: return 0.0;
    case SPC_DIST_UNIFORM:
        m = 0.5 * (d->min + d->max);
        v = (d->max - d->min) * (d->max - d->min) / 12.0;
        return m > 0 ? v / (m * m) : 0.0;
    case SPC_DIST_NORMAL:
        truncnormal_moments(d, &m, &v);
        return m > 0 ? v / (m * m) : 0.0;
    case SPC_DIST_EMPIRICAL:
        m = empirical_moment(d, 1);
        v = empirical_moment(d, 2) - m * m;
        return m > 0 ? v / (m * m) : 0.0;
    default:
        return d->cv * d->cv;
    }
}

void spc_dist_release(spc_dist *d)
{
    if (d == NULL)
        return;
    free(d->values);
    free(d->weights);
    if (d->table != NULL)
        gsl_ran_discrete_free(d->table);
    d->values = d->weights = NULL;
    d->table = NULL;
    d->n = 0;
}

static double *dup_array(const double *x, size_t n)
{
    if (x == NULL || n == 0)
        return NULL;
    double *y = malloc(n * sizeof *y);
    if (y != NULL)
        memcpy(y, x, n * sizeof *y);
    return y;
}

int spc_dist_copy(spc_dist *dst, const spc_dist *src)
{
    *dst = *src;
    dst->table = NULL;
    dst->values = dup_array(src->values, src->n);
    dst->weights = dup_array(src->weights, src->n);
    if ((src->values && !dst->values) || (src->weights && !dst->weights)) {
        spc_dist_release(dst);
        return -1;
    }
    return 0;
}
