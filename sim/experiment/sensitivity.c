/*
 * sensitivity.c -- the designs of a global sensitivity analysis (Morris
 * trajectories, Saltelli's Sobol' blocks) and the indices computed from
 * them and the model's outputs: Morris mu, mu*, sigma; Sobol' S_i and
 * ST_i with bootstrap intervals. Knows nothing of the simulator: a model
 * is a matrix of outputs, one row per design point (sensitivity.h).
 *
 * Notation as in docs/model.md, "Sensitivity": k inputs, m outputs,
 * u in [0, 1]^k the scaled inputs, x = lo + u (hi - lo).
 */
#include "spcsim/sensitivity.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

/* ---- designs ---- */

static spc_status check_ranges(size_t k, const double *lo, const double *hi, spc_error *err)
{
    if (k == 0)
        return spc_error_set(err, SPC_ERR_USAGE, "sensitivity: no inputs to vary");
    for (size_t i = 0; i < k; i++)
        if (!isfinite(lo[i]) || !isfinite(hi[i]) || !(lo[i] < hi[i]))
            return spc_error_set(err, SPC_ERR_USAGE, "sensitivity: input %zu: the range needs LOW < HIGH "
                                 "(got %g:%g)", i + 1, lo[i], hi[i]);
    return SPC_OK;
}

/* Allocates d's points and copies the ranges; x is filled by scale_points. */
static spc_status design_alloc(spc_sens_design *d, spc_sens_method method, size_t k, const double *lo,
                               const double *hi, size_t nblocks, size_t block, spc_error *err)
{
    memset(d, 0, sizeof *d);
    d->method = method;
    d->k = k;
    d->nblocks = nblocks;
    d->block = block;
    d->npoints = nblocks * block;
    d->x = malloc(d->npoints * k * sizeof *d->x);
    d->u = malloc(d->npoints * k * sizeof *d->u);
    d->lo = malloc(k * sizeof *d->lo);
    d->hi = malloc(k * sizeof *d->hi);
    if (d->x == NULL || d->u == NULL || d->lo == NULL || d->hi == NULL) {
        spc_sens_design_release(d);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    memcpy(d->lo, lo, k * sizeof *lo);
    memcpy(d->hi, hi, k * sizeof *hi);
    return SPC_OK;
}

/* x = lo + u (hi - lo), every point. */
static void scale_points(spc_sens_design *d)
{
    for (size_t p = 0; p < d->npoints; p++)
        for (size_t i = 0; i < d->k; i++) {
            double u = d->u[p * d->k + i];
            d->x[p * d->k + i] = u >= 1.0 ? d->hi[i] : d->lo[i] + u * (d->hi[i] - d->lo[i]);
        }
}

/* One trajectory into rows u[0 .. k]: a start level j_i in {0 .. p-1} of
 * each input (u_i = j_i / (p - 1)), then each input in a random order moved
 * by delta = (p/2) / (p - 1): up from the lower half of the grid, down from
 * the upper half (Morris 1991; with p even every level has exactly one
 * direction that stays on the grid, so start and direction are one draw). */
static void morris_trajectory(const spc_sens_design *d, gsl_rng *rng, size_t *order, unsigned long *level,
                              double *u)
{
    size_t k = d->k;
    unsigned long p = d->levels, half = p / 2;
    for (size_t i = 0; i < k; i++) {
        order[i] = i;
        level[i] = gsl_rng_uniform_int(rng, p);
        u[i] = (double)level[i] / (double)(p - 1);
    }
    gsl_ran_shuffle(rng, order, k, sizeof *order);
    for (size_t s = 0; s < k; s++) {
        double *next = u + (s + 1) * k;
        memcpy(next, u + s * k, k * sizeof *u);
        size_t i = order[s];
        level[i] = level[i] < half ? level[i] + half : level[i] - half;
        next[i] = (double)level[i] / (double)(p - 1);
    }
}

spc_status spc_sens_morris_design(size_t k, const double *lo, const double *hi, unsigned r, unsigned p,
                                  gsl_rng *rng, spc_sens_design *d, spc_error *err)
{
    memset(d, 0, sizeof *d);
    if (check_ranges(k, lo, hi, err) != SPC_OK)
        return err->code;
    if (r == 0 || p < 2 || p % 2 != 0)
        return spc_error_set(err, SPC_ERR_USAGE, "morris: needs r >= 1 trajectories and an even number of "
                             "levels p >= 2 (got r = %u, p = %u)", r, p);
    if (design_alloc(d, SPC_SENS_MORRIS, k, lo, hi, r, k + 1, err) != SPC_OK)
        return err->code;
    d->levels = p;
    d->delta = (double)p / (2.0 * (double)(p - 1));
    size_t *order = malloc(k * sizeof *order);
    unsigned long *level = malloc(k * sizeof *level);
    if (order == NULL || level == NULL) {
        free(order);
        free(level);
        spc_sens_design_release(d);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    for (size_t t = 0; t < r; t++)
        morris_trajectory(d, rng, order, level, d->u + spc_sens_point(d, t, 0) * k);
    free(order);
    free(level);
    scale_points(d);
    return SPC_OK;
}

spc_status spc_sens_sobol_design(size_t k, const double *lo, const double *hi, size_t n, spc_sens_design *d,
                                 spc_error *err)
{
    memset(d, 0, sizeof *d);
    if (k > SPC_SENS_SOBOL_MAX_K || n < 2)
        return spc_error_set(err, SPC_ERR_USAGE, "sobol: at most %d inputs and at least 2 base points "
                             "(got %zu inputs, %zu points)", SPC_SENS_SOBOL_MAX_K, k, n);
    if (check_ranges(k, lo, hi, err) != SPC_OK)
        return err->code;
    if (design_alloc(d, SPC_SENS_SOBOL, k, lo, hi, n, k + 2, err) != SPC_OK)
        return err->code;
    gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)(2 * k));
    double *v = malloc(2 * k * sizeof *v);
    if (q == NULL || v == NULL) {
        gsl_qrng_free(q);
        free(v);
        spc_sens_design_release(d);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    gsl_qrng_get(q, v); /* the origin: skipped, as every point of it is a corner */
    for (size_t b = 0; b < n; b++) {
        gsl_qrng_get(q, v);
        double *blk = d->u + spc_sens_point(d, b, 0) * k;
        for (size_t j = 0; j < k + 1; j++)          /* A, then AB_i = A with column i of B */
            memcpy(blk + j * k, v, k * sizeof *v);
        for (size_t i = 0; i < k; i++)
            blk[(1 + i) * k + i] = v[k + i];
        memcpy(blk + (k + 1) * k, v + k, k * sizeof *v); /* B */
    }
    gsl_qrng_free(q);
    free(v);
    scale_points(d);
    return SPC_OK;
}

void spc_sens_design_release(spc_sens_design *d)
{
    if (d == NULL)
        return;
    free(d->x);
    free(d->u);
    free(d->lo);
    free(d->hi);
    memset(d, 0, sizeof *d);
}

spc_status spc_sens_evaluate(const spc_sens_design *d, spc_sens_model f, void *ctx, size_t m, double *y,
                             spc_error *err)
{
    for (size_t p = 0; p < d->npoints; p++)
        if (f(ctx, d->x + p * d->k, d->k, y + p * m, m) != 0)
            return spc_error_set(err, SPC_ERR_INTERNAL, "sensitivity: the model failed at point %zu", p);
    return SPC_OK;
}

/* ---- Morris ---- */

/* The input that changes between rows a and b of a trajectory. */
static size_t moved_input(const double *a, const double *b, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (a[i] != b[i])
            return i;
    return k;
}

/* Every elementary effect, ee[(i * m + o) * r + t] (SA1):
 * EE_i = (y(u') - y(u)) / (u'_i - u_i), u' = u +- delta e_i. */
static void morris_effects(const spc_sens_design *d, const double *y, size_t m, double *ee)
{
    size_t k = d->k, r = d->nblocks;
    for (size_t t = 0; t < r; t++)
        for (size_t s = 0; s < k; s++) {
            size_t p = spc_sens_point(d, t, s);
            const double *u0 = d->u + p * k, *u1 = u0 + k;
            size_t i = moved_input(u0, u1, k);
            for (size_t o = 0; o < m && i < k; o++)
                ee[(i * m + o) * r + t] = (y[(p + 1) * m + o] - y[p * m + o]) / (u1[i] - u0[i]);
        }
}

void spc_sens_morris_release(spc_sens_morris *s)
{
    if (s == NULL)
        return;
    free(s->mu);
    free(s->mu_star);
    free(s->sigma);
    memset(s, 0, sizeof *s);
}

spc_status spc_sens_morris_indices(const spc_sens_design *d, const double *y, size_t m, spc_sens_morris *out,
                                   spc_error *err)
{
    memset(out, 0, sizeof *out);
    if (d->method != SPC_SENS_MORRIS)
        return spc_error_set(err, SPC_ERR_INTERNAL, "morris indices of a design that is not Morris'");
    size_t k = d->k, r = d->nblocks, km = k * m;
    out->k = k;
    out->m = m;
    out->r = r;
    out->mu = malloc(km * sizeof *out->mu);
    out->mu_star = malloc(km * sizeof *out->mu_star);
    out->sigma = malloc(km * sizeof *out->sigma);
    double *ee = malloc(km * r * sizeof *ee), *abs_ee = malloc(r * sizeof *abs_ee);
    if (!out->mu || !out->mu_star || !out->sigma || !ee || !abs_ee) {
        free(ee);
        free(abs_ee);
        spc_sens_morris_release(out);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    morris_effects(d, y, m, ee);
    for (size_t c = 0; c < km; c++) { /* (SA2): mu, mu*, sigma over the r trajectories */
        const double *e = ee + c * r;
        for (size_t t = 0; t < r; t++)
            abs_ee[t] = fabs(e[t]);
        out->mu[c] = gsl_stats_mean(e, 1, r);
        out->mu_star[c] = gsl_stats_mean(abs_ee, 1, r);
        out->sigma[c] = r > 1 ? gsl_stats_sd(e, 1, r) : 0.0;
    }
    free(ee);
    free(abs_ee);
    return SPC_OK;
}

/* ---- Sobol' ---- */

/* The estimates of output o over the blocks idx[0 .. n) (SA3)-(SA5):
 * V = var(f(A), f(B)), S_i = mean((f(B) - f0) (f(AB_i) - f(A))) / V,
 * ST_i = mean((f(A) - f(AB_i))^2) / (2 V), f0 the mean of f(A) and f(B).
 * Subtracting f0 leaves S_i's expectation as it is (f(AB_i) - f(A) has
 * mean 0) and removes the variance that a large mean would add (an output
 * such as CSAT near 90 that moves by a few points). buf holds 2n doubles. */
static void sobol_estimate(const spc_sens_design *d, const double *y, size_t m, size_t o, const size_t *idx,
                           size_t n, double *buf, double *s, double *st, double *var)
{
    size_t k = d->k;
    for (size_t j = 0; j < n; j++) {
        buf[j] = y[spc_sens_point(d, idx[j], 0) * m + o];
        buf[n + j] = y[spc_sens_point(d, idx[j], k + 1) * m + o];
    }
    double f0 = gsl_stats_mean(buf, 1, 2 * n), v = gsl_stats_variance_m(buf, 1, 2 * n, f0);
    *var = v;
    for (size_t i = 0; i < k; i++) {
        double first = 0, total = 0;
        for (size_t j = 0; j < n; j++) {
            double fa = buf[j], fb = buf[n + j] - f0, fab = y[spc_sens_point(d, idx[j], 1 + i) * m + o];
            first += fb * (fab - fa);
            total += (fa - fab) * (fa - fab);
        }
        int ok = v > 0 && isfinite(v);
        s[i * m + o] = ok ? first / (double)n / v : NAN;
        st[i * m + o] = ok ? total / (2.0 * (double)n) / v : NAN;
    }
}

void spc_sens_sobol_release(spc_sens_sobol *s)
{
    if (s == NULL)
        return;
    double *a[] = { s->s, s->s_lo, s->s_hi, s->st, s->st_lo, s->st_hi, s->var };
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
        free(a[i]);
    memset(s, 0, sizeof *s);
}

static int sobol_alloc(spc_sens_sobol *s, size_t km, size_t m)
{
    double **a[] = { &s->s, &s->s_lo, &s->s_hi, &s->st, &s->st_lo, &s->st_hi };
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
        if ((*a[i] = malloc(km * sizeof **a[i])) == NULL)
            return -1;
    return (s->var = malloc(m * sizeof *s->var)) == NULL ? -1 : 0;
}

/* The 2.5% and 97.5% points of the boot values at each of km places
 * (sample[c * boot + b]), sorted in place. */
static void percentile_interval(double *sample, size_t km, size_t boot, double *lo, double *hi)
{
    for (size_t c = 0; c < km; c++) {
        double *x = sample + c * boot;
        size_t finite = 0;
        for (size_t b = 0; b < boot; b++)
            if (isfinite(x[b]))
                x[finite++] = x[b];
        gsl_sort(x, 1, finite);
        lo[c] = finite > 0 ? gsl_stats_quantile_from_sorted_data(x, 1, finite, 0.025) : NAN;
        hi[c] = finite > 0 ? gsl_stats_quantile_from_sorted_data(x, 1, finite, 0.975) : NAN;
    }
}

/* (SA6): resamples the n blocks with replacement `boot` times; each resample's
 * estimates into sample_s and sample_st at [c * boot + b]. */
static void sobol_bootstrap(const spc_sens_design *d, const double *y, size_t m, size_t n, size_t boot,
                            gsl_rng *rng, size_t *idx, double *buf, double *s, double *st, double *sample_s,
                            double *sample_st)
{
    size_t km = d->k * m;
    double var;
    for (size_t b = 0; b < boot; b++) {
        for (size_t j = 0; j < n; j++)
            idx[j] = gsl_rng_uniform_int(rng, n);
        for (size_t o = 0; o < m; o++)
            sobol_estimate(d, y, m, o, idx, n, buf, s, st, &var);
        for (size_t c = 0; c < km; c++) {
            sample_s[c * boot + b] = s[c];
            sample_st[c * boot + b] = st[c];
        }
    }
}

spc_status spc_sens_sobol_indices(const spc_sens_design *d, const double *y, size_t m, size_t n, unsigned boot,
                                  gsl_rng *rng, spc_sens_sobol *out, spc_error *err)
{
    memset(out, 0, sizeof *out);
    if (d->method != SPC_SENS_SOBOL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "sobol indices of a design that is not Sobol'");
    if (n == 0 || n > d->nblocks)
        n = d->nblocks;
    size_t km = d->k * m;
    *out = (spc_sens_sobol){ .k = d->k, .m = m, .n = n, .boot = boot };
    size_t *idx = malloc(n * sizeof *idx);
    double *buf = malloc(2 * n * sizeof *buf), *s = malloc(km * sizeof *s), *st = malloc(km * sizeof *st);
    double *sample_s = malloc((boot ? boot : 1) * km * sizeof *sample_s);
    double *sample_st = malloc((boot ? boot : 1) * km * sizeof *sample_st);
    int ok = idx && buf && s && st && sample_s && sample_st && sobol_alloc(out, km, m) == 0;
    if (ok) {
        for (size_t j = 0; j < n; j++)
            idx[j] = j;
        for (size_t o = 0; o < m; o++)
            sobol_estimate(d, y, m, o, idx, n, buf, out->s, out->st, &out->var[o]);
        sobol_bootstrap(d, y, m, n, boot, rng, idx, buf, s, st, sample_s, sample_st);
        percentile_interval(sample_s, boot ? km : 0, boot, out->s_lo, out->s_hi);
        percentile_interval(sample_st, boot ? km : 0, boot, out->st_lo, out->st_hi);
        for (size_t c = 0; boot == 0 && c < km; c++)
            out->s_lo[c] = out->s_hi[c] = out->st_lo[c] = out->st_hi[c] = NAN;
    }
    free(idx);
    free(buf);
    free(s);
    free(st);
    free(sample_s);
    free(sample_st);
    if (!ok) {
        spc_sens_sobol_release(out);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    return SPC_OK;
}
