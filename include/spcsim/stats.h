/*
 * stats.h -- accumulators for one run, with batch-means confidence intervals.
 *
 * Observations inside one simulation run are correlated (a long wait is
 * followed by another), so the textbook s/sqrt(n) interval is far too
 * narrow. The method of batch means groups consecutive observations into k
 * batches long enough to be nearly independent and treats the k batch
 * means as an i.i.d. sample:
 *
 *   mean = (sum of all observations) / n
 *   half-width = t_{k-1, 0.975} · sd(batch means) / sqrt(k)
 *
 * spc_tally (observations such as waits) uses dynamic batching: it keeps
 * between B and 2B full batches, doubling the batch size and merging
 * neighbours whenever 2B are full, so it needs no prior knowledge of n.
 *
 * spc_timeavg (a level over time, such as queue length) and spc_counter
 * (events per unit time, such as throughput) use k fixed-width time
 * batches over the observation window [t0, t1] known at the start.
 *
 * All are _init/_release objects meant to live inside another struct.
 */
#ifndef SPCSIM_STATS_H
#define SPCSIM_STATS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <gsl/gsl_histogram.h>

/* A point estimate with its 95% interval; lo/hi are NaN when no interval
 * can be formed (fewer than two batches). n counts what the mean is based
 * on: observations for a tally, time batches for a time average. */
typedef struct {
    double mean, lo, hi;
    double n;
} spc_estimate;

/* The 95% Student-t interval of the mean of x[0..k-1] centred on `centre`
 * (pass NaN to centre on the sample mean). */
spc_estimate spc_stats_interval(const double *x, size_t k, double centre);

/* ---- can a batch-means interval be trusted? (model.md, B5) ----
 *
 * The interval assumes k nearly independent, nearly normal batch means.
 * It is not trusted when
 *   - fewer than SPC_BATCH_MIN_K batches hold it (Schmeiser 1982
 *     recommends 10 to 30; with fewer the interval is unstable and no
 *     test of independence has power), or
 *   - the batch means are still correlated: von Neumann's ratio test of
 *     independence (von Neumann 1941; Young 1941), as in Fishman's LBATCH
 *     rule (Fishman 1978; Fishman and Yarberry 1997), one-sided at level
 *     SPC_BATCH_ALPHA:
 *       C = 1 - sum_{i<k} (Y_i - Y_{i+1})^2 / (2 sum_i (Y_i - Ybar)^2)
 *       under independence E[C] = 0, Var C = (k - 2) / (k^2 - 1), nearly
 *       normal for k >= 8; correlated when C / sqrt(Var C) > z_{1-alpha}.
 *     C estimates the lag-1 autocorrelation of the batch means. Batch
 *     means that do not vary at all are not flagged.
 */
#define SPC_BATCH_MIN_K 10
#define SPC_BATCH_ALPHA 0.01

typedef enum {
    SPC_BATCH_OK = 0,
    SPC_BATCH_FEW = 1,        /* fewer than SPC_BATCH_MIN_K batches */
    SPC_BATCH_CORRELATED = 2  /* the von Neumann test rejects independence */
} spc_batch_verdict;

/* The verdict on the k batch means y[0..k-1]. */
spc_batch_verdict spc_stats_batch_check(const double *y, size_t k);
/* "" for SPC_BATCH_OK, "few_batches", "correlated": summary.csv's words. */
const char *spc_batch_verdict_name(spc_batch_verdict v);

/* ---- observations ---- */
typedef struct {
    size_t bmin;        /* B: minimum number of full batches kept */
    double *batch;      /* 2B batch sums */
    size_t full;        /* full batches */
    size_t size;        /* observations per batch */
    size_t cur_n;       /* observations in the current, incomplete batch */
    double cur_sum;
    double sum;
    size_t n;
} spc_tally;

int spc_tally_init(spc_tally *t, size_t bmin);
void spc_tally_release(spc_tally *t);
void spc_tally_reset(spc_tally *t);
/* Closes the current batch (spc_tally_add's rare path). */
void spc_tally_close_batch(spc_tally *t);

/* One observation. Inline, as the statistics below: they are called on
 * every event, and a call costs more than their common path. */
static inline void spc_tally_add(spc_tally *t, double x)
{
    t->sum += x;
    t->n++;
    t->cur_sum += x;
    if (++t->cur_n >= t->size)
        spc_tally_close_batch(t);
}
spc_estimate spc_tally_estimate(const spc_tally *t);
/* dst becomes what src is (both initialised with the same bmin). */
void spc_tally_copy(spc_tally *dst, const spc_tally *src);
/* The verdict on the full batches (B5); SPC_BATCH_OK when empty (no
 * estimate, nothing to warn about). */
spc_batch_verdict spc_tally_check(const spc_tally *t);

/* ---- levels over time ---- */
typedef struct {
    double t0, width;   /* batch i covers [t0 + i·width, t0 + (i+1)·width) */
    size_t k;
    double *area;       /* integral of the level over each batch; the current
                         * batch's is in cur_area until it closes or an
                         * estimate is made */
    double cur_area;
    double last_t, level;
    size_t cur;         /* batch holding last_t */
    double cur_end;     /* end of that batch */
    double fast_end;    /* spc_timeavg_set's inline path up to here: cur_end,
                         * +inf in the last batch, -inf before the start */
} spc_timeavg;

int spc_timeavg_init(spc_timeavg *a, size_t k);
void spc_timeavg_release(spc_timeavg *a);
/* Starts observing at t0 (until t1) with the current level. */
void spc_timeavg_start(spc_timeavg *a, double t0, double t1, double level);
/* Adds level·(t - last_t) over the batches it crosses (the rare path). */
void spc_timeavg_integrate(spc_timeavg *a, double t);

/* The level changes to `level` at time t (t never decreases). The common
 * case, t inside the current (or the last) batch, is the same arithmetic
 * as spc_timeavg_integrate's, inline; at the time of the last change
 * (t == last_t) nothing is integrated. */
static inline void spc_timeavg_set(spc_timeavg *a, double t, double level)
{
    if (t > a->last_t) {
        if (t <= a->fast_end) {
            a->cur_area += a->level * (t - a->last_t);
            a->last_t = t;
        } else {
            spc_timeavg_integrate(a, t);
        }
    }
    a->level = level;
}
/* Integrates up to t1 and returns the time average with its interval. */
spc_estimate spc_timeavg_estimate(spc_timeavg *a, double t1);
/* The verdict on the time batches (B5); call after spc_timeavg_estimate. */
spc_batch_verdict spc_timeavg_check(const spc_timeavg *a);

/* ---- counts per unit time ---- */
typedef struct {
    double t0, width, inv_width;
    size_t k;
    double *count;    /* per batch; the current batch's is in cur_count */
    double cur_count;
    double total;
    size_t cur;       /* batch of the latest count (times never decrease) */
    double cur_end;
    double fast_end;  /* spc_counter_add's inline path below here: cur_end,
                       * +inf in the last batch, -inf before the start */
} spc_counter;

int spc_counter_init(spc_counter *c, size_t k);
void spc_counter_release(spc_counter *c);
void spc_counter_start(spc_counter *c, double t0, double t1);
/* Moves the current batch to the one holding t (spc_counter_add's rare path). */
void spc_counter_seek(spc_counter *c, double t);

static inline void spc_counter_add(spc_counter *c, double t, double amount)
{
    if (!(t >= c->t0 && t < c->fast_end)) {
        if (!(c->width > 0) || t < c->t0)
            return;
        if (t >= c->cur_end && c->cur + 1 < c->k)
            spc_counter_seek(c, t);
    }
    c->cur_count += amount;
    c->total += amount;
}
/* dst becomes what src is (both initialised with the same k). */
void spc_counter_copy(spc_counter *dst, const spc_counter *src);
/* Rate per unit time over [t0, t1]. */
spc_estimate spc_counter_rate(const spc_counter *c);
/* Total count over [t0, t1], its interval k times the rate's batch interval. */
spc_estimate spc_counter_total(const spc_counter *c);
/* The verdict on the counts per batch (B5), for the rate and the total. */
spc_batch_verdict spc_counter_check(const spc_counter *c);

/* ---- quantiles: a log-linear histogram, via GSL ----
 *
 * Bins cover 2^-30 .. 2^40 time units; each octave [2^e, 2^(e+1)) is cut into
 * 32 equal bins, so a bin is at most 1/32 (3.1%) of its value wide, and
 * quantiles interpolate linearly inside a bin (gsl_histogram_pdf_sample).
 * Zeros (and values below 2^-30) are counted apart, so an exact 0 is a
 * possible quantile (most orders may not wait at all). One histogram serves
 * any number of quantiles. Adding is O(1): the bin index comes from frexp.
 */
typedef struct {
    gsl_histogram *h;
    double *bin;    /* h->bin, and */
    double lo;      /* h->range[0], at hand for spc_quantile_add */
    double zeros;   /* observations below the first bin */
    double n;
} spc_quantile;

int spc_quantile_init(spc_quantile *q);
void spc_quantile_release(spc_quantile *q);
void spc_quantile_reset(spc_quantile *q);

#define SPC_Q_EMIN (-30)
#define SPC_Q_EMAX 40
#define SPC_Q_SUB 32 /* = 2^5: the index below takes the top 5 mantissa bits */
#define SPC_Q_BINS ((size_t)(SPC_Q_EMAX - SPC_Q_EMIN) * SPC_Q_SUB)

/* For a positive double, the bits above the top 5 of the mantissa are
 * (biased exponent, top 5 mantissa bits), an integer that grows with x:
 * bits >> 47 = 32 (e + 1023) + j for x = 2^e (1 + j/32 + ...). */
static inline void spc_quantile_add(spc_quantile *q, double x)
{
    q->n += 1;
    if (!(x >= q->lo)) {
        q->zeros += 1;
        return;
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    size_t i = (size_t)((bits >> 47) - ((uint64_t)(1023 + SPC_Q_EMIN) << 5));
    q->bin[i < SPC_Q_BINS ? i : SPC_Q_BINS - 1] += 1;
}
/* The p-quantile (0 < p < 1); NaN when empty or out of memory. */
double spc_quantile_get(const spc_quantile *q, double p);

#endif
