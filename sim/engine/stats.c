/*
 * stats.c -- batch means, time averages, counters and quantiles.
 *
 * The Student-t quantile comes from GSL (gsl_cdf_tdist_Pinv), the sample
 * mean and standard deviation of batch means from gsl_stats; quantiles come
 * from a GSL histogram with log-linear bins and GSL's inverse CDF; the
 * normal quantile of the batch check from gsl_cdf_ugaussian_Pinv.
 */
#include "spcsim/stats.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>

spc_estimate spc_stats_interval(const double *x, size_t k, double centre)
{
    spc_estimate e = { NAN, NAN, NAN, (double)k };
    if (k == 0)
        return e;
    double m = gsl_stats_mean(x, 1, k);
    e.mean = isnan(centre) ? m : centre;
    if (k < 2)
        return e;
    double hw = gsl_cdf_tdist_Pinv(0.975, (double)(k - 1)) *
                gsl_stats_sd_m(x, 1, k, m) / sqrt((double)k);
    e.lo = e.mean - hw;
    e.hi = e.mean + hw;
    return e;
}

/* ---- the batch check (B5) ---- */

spc_batch_verdict spc_stats_batch_check(const double *y, size_t k)
{
    if (k < SPC_BATCH_MIN_K)
        return SPC_BATCH_FEW;
    double m = gsl_stats_mean(y, 1, k), ss = 0, sd2 = 0;
    for (size_t i = 0; i < k; i++)
        ss += (y[i] - m) * (y[i] - m);
    for (size_t i = 0; i + 1 < k; i++)
        sd2 += (y[i] - y[i + 1]) * (y[i] - y[i + 1]);
    if (!(ss > 0))
        return SPC_BATCH_OK; /* constant (or NaN) batch means: nothing to test */
    double kk = (double)k;
    double c = 1.0 - sd2 / (2.0 * ss);
    double sd_c = sqrt((kk - 2.0) / (kk * kk - 1.0));
    return c / sd_c > gsl_cdf_ugaussian_Pinv(1.0 - SPC_BATCH_ALPHA) ? SPC_BATCH_CORRELATED : SPC_BATCH_OK;
}

const char *spc_batch_verdict_name(spc_batch_verdict v)
{
    return v == SPC_BATCH_FEW ? "few_batches" : v == SPC_BATCH_CORRELATED ? "correlated" : "";
}

/* ---- observations ---- */

int spc_tally_init(spc_tally *t, size_t bmin)
{
    memset(t, 0, sizeof *t);
    t->bmin = bmin < 2 ? 2 : bmin;
    t->batch = calloc(2 * t->bmin, sizeof *t->batch);
    if (t->batch == NULL)
        return -1;
    spc_tally_reset(t);
    return 0;
}

void spc_tally_release(spc_tally *t)
{
    free(t->batch);
    t->batch = NULL;
}

void spc_tally_reset(spc_tally *t)
{
    t->full = t->cur_n = t->n = 0;
    t->size = 1;
    t->cur_sum = t->sum = 0.0;
}

/* 2B batches are full: merge neighbours into B batches of twice the size. */
static void tally_collapse(spc_tally *t)
{
    for (size_t i = 0; i < t->bmin; i++)
        t->batch[i] = t->batch[2 * i] + t->batch[2 * i + 1];
    t->full = t->bmin;
    t->size *= 2;
}

void spc_tally_close_batch(spc_tally *t)
{
    t->batch[t->full++] = t->cur_sum;
    t->cur_sum = 0.0;
    t->cur_n = 0;
    if (t->full == 2 * t->bmin)
        tally_collapse(t);
}

void spc_tally_copy(spc_tally *dst, const spc_tally *src)
{
    double *batch = dst->batch;
    memcpy(batch, src->batch, 2 * src->bmin * sizeof *batch);
    *dst = *src;
    dst->batch = batch;
}

spc_estimate spc_tally_estimate(const spc_tally *t)
{
    spc_estimate e = { NAN, NAN, NAN, (double)t->n };
    if (t->n == 0)
        return e;
    double means[t->full > 0 ? t->full : 1];
    for (size_t i = 0; i < t->full; i++)
        means[i] = t->batch[i] / (double)t->size;
    e = spc_stats_interval(means, t->full, t->sum / (double)t->n);
    e.n = (double)t->n;
    return e;
}

spc_batch_verdict spc_tally_check(const spc_tally *t)
{
    if (t->n == 0)
        return SPC_BATCH_OK; /* no estimate at all: nothing to trust or distrust */
    double means[t->full > 0 ? t->full : 1];
    for (size_t i = 0; i < t->full; i++)
        means[i] = t->batch[i] / (double)t->size;
    return spc_stats_batch_check(means, t->full);
}

/* ---- levels over time ---- */

int spc_timeavg_init(spc_timeavg *a, size_t k)
{
    memset(a, 0, sizeof *a);
    a->fast_end = -INFINITY;
    a->k = k < 2 ? 2 : k;
    a->area = calloc(a->k, sizeof *a->area);
    return a->area ? 0 : -1;
}

void spc_timeavg_release(spc_timeavg *a)
{
    free(a->area);
    a->area = NULL;
}

/* Where spc_timeavg_set's inline path ends (stats.h), from cur and cur_end. */
static void timeavg_fast_end(spc_timeavg *a)
{
    a->fast_end = !(a->width > 0) ? -INFINITY : a->cur + 1 >= a->k ? INFINITY : a->cur_end;
}

void spc_timeavg_start(spc_timeavg *a, double t0, double t1, double level)
{
    memset(a->area, 0, a->k * sizeof *a->area);
    a->t0 = t0;
    a->width = (t1 - t0) / (double)a->k;
    a->last_t = t0;
    a->level = level;
    a->cur_area = 0.0;
    a->cur = 0;
    a->cur_end = t0 + a->width;
    timeavg_fast_end(a);
}

/* Adds level·(t - last_t), split over the batches the interval crosses.
 * Most changes fall inside the current batch: that path (one multiply) is
 * spc_timeavg_set's, inline in stats.h. The current batch's integral grows
 * in cur_area (one field, not an indexed element) and moves to area[cur]
 * when the batch closes: the same additions in the same order. */
void spc_timeavg_integrate(spc_timeavg *a, double t)
{
    if (!(t > a->last_t) || !(a->width > 0))
        return;
    double from = a->last_t;
    while (t > a->cur_end && a->cur + 1 < a->k) {
        a->area[a->cur] = a->cur_area + a->level * (a->cur_end - from);
        a->cur_area = 0.0;
        from = a->cur_end;
        a->cur++;
        a->cur_end = a->t0 + (double)(a->cur + 1) * a->width;
    }
    a->cur_area += a->level * (t - from);
    a->last_t = t;
    timeavg_fast_end(a);
}

spc_estimate spc_timeavg_estimate(spc_timeavg *a, double t1)
{
    spc_timeavg_integrate(a, t1);
    a->area[a->cur] = a->cur_area; /* the current batch's integral so far */
    double x[a->k];
    double total = 0;
    for (size_t i = 0; i < a->k; i++) {
        x[i] = a->width > 0 ? a->area[i] / a->width : NAN;
        total += a->area[i];
    }
    double span = a->width * (double)a->k;
    return spc_stats_interval(x, a->k, span > 0 ? total / span : NAN);
}

spc_batch_verdict spc_timeavg_check(const spc_timeavg *a)
{
    return spc_stats_batch_check(a->area, a->k); /* areas are the batch means times the width */
}

/* ---- counts per unit time ---- */

int spc_counter_init(spc_counter *c, size_t k)
{
    memset(c, 0, sizeof *c);
    c->fast_end = -INFINITY;
    c->k = k < 2 ? 2 : k;
    c->count = calloc(c->k, sizeof *c->count);
    return c->count ? 0 : -1;
}

void spc_counter_release(spc_counter *c)
{
    free(c->count);
    c->count = NULL;
}

/* Where spc_counter_add's inline path ends (stats.h), from cur and cur_end. */
static void counter_fast_end(spc_counter *c)
{
    c->fast_end = !(c->width > 0) ? -INFINITY : c->cur + 1 >= c->k ? INFINITY : c->cur_end;
}

void spc_counter_start(spc_counter *c, double t0, double t1)
{
    memset(c->count, 0, c->k * sizeof *c->count);
    c->t0 = t0;
    c->width = (t1 - t0) / (double)c->k;
    c->inv_width = c->width > 0 ? 1.0 / c->width : 0.0;
    c->cur = 0;
    c->cur_count = 0.0;
    c->cur_end = t0 + c->width;
    c->total = 0;
    counter_fast_end(c);
}

void spc_counter_seek(spc_counter *c, double t)
{
    size_t i = (size_t)((t - c->t0) * c->inv_width);
    c->count[c->cur] = c->cur_count;
    c->cur = i < c->k ? i : c->k - 1;
    c->cur_count = c->count[c->cur];
    c->cur_end = c->t0 + (double)(c->cur + 1) * c->width;
    counter_fast_end(c);
}

void spc_counter_copy(spc_counter *dst, const spc_counter *src)
{
    double *count = dst->count;
    memcpy(count, src->count, src->k * sizeof *count);
    *dst = *src;
    dst->count = count;
}

/* The counts per batch into x[0..k-1], the current one from cur_count. */
static void counter_batches(const spc_counter *c, double *x)
{
    memcpy(x, c->count, c->k * sizeof *x);
    x[c->cur] = c->cur_count;
}

spc_estimate spc_counter_rate(const spc_counter *c)
{
    double x[c->k];
    counter_batches(c, x);
    for (size_t i = 0; i < c->k; i++)
        x[i] = c->width > 0 ? x[i] / c->width : NAN;
    double span = c->width * (double)c->k;
    return spc_stats_interval(x, c->k, span > 0 ? c->total / span : NAN);
}

spc_estimate spc_counter_total(const spc_counter *c)
{
    double x[c->k];
    counter_batches(c, x);
    spc_estimate e = spc_stats_interval(x, c->k, c->total);
    double k = (double)c->k;
    e.lo = e.mean + k * (e.lo - e.mean);
    e.hi = e.mean + k * (e.hi - e.mean);
    return e;
}

spc_batch_verdict spc_counter_check(const spc_counter *c)
{
    double x[c->k];
    counter_batches(c, x);
    return spc_stats_batch_check(x, c->k);
}

/* ---- quantiles ---- */

#define Q_EMIN SPC_Q_EMIN
#define Q_EMAX SPC_Q_EMAX
#define Q_SUB SPC_Q_SUB
#define Q_BINS SPC_Q_BINS

int spc_quantile_init(spc_quantile *q)
{
    q->h = gsl_histogram_calloc(Q_BINS);
    if (q->h == NULL)
        return -1;
    /* edge (o, j) = 2^(EMIN + o) (1 + j/SUB) */
    for (size_t o = 0; o < (size_t)(Q_EMAX - Q_EMIN); o++)
        for (size_t j = 0; j < Q_SUB; j++)
            q->h->range[o * Q_SUB + j] = ldexp(1.0 + (double)j / Q_SUB, Q_EMIN + (int)o);
    q->h->range[Q_BINS] = ldexp(1.0, Q_EMAX);
    q->bin = q->h->bin;
    q->lo = q->h->range[0];
    q->zeros = q->n = 0;
    return 0;
}

void spc_quantile_release(spc_quantile *q)
{
    if (q->h != NULL)
        gsl_histogram_free(q->h);
    q->h = NULL;
    q->bin = NULL;
}

void spc_quantile_reset(spc_quantile *q)
{
    gsl_histogram_reset(q->h);
    q->zeros = q->n = 0;
}

double spc_quantile_get(const spc_quantile *q, double p)
{
    if (q->n == 0)
        return NAN;
    double rank = p * q->n;
    if (rank <= q->zeros)
        return 0.0;
    gsl_histogram_pdf *pdf = gsl_histogram_pdf_alloc(Q_BINS);
    if (pdf == NULL || gsl_histogram_pdf_init(pdf, q->h) != 0) {
        gsl_histogram_pdf_free(pdf);
        return NAN;
    }
    double u = (rank - q->zeros) / (q->n - q->zeros);
    double x = gsl_histogram_pdf_sample(pdf, u < 1.0 ? u : nextafter(1.0, 0.0));
    gsl_histogram_pdf_free(pdf);
    return x;
}
