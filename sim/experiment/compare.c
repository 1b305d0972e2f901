/*
 * compare.c -- paired differences between replications that share their
 * random numbers (see compare.h for the estimators).
 */
#include "spcsim/compare.h"
#include "spcsim/metricinfo.h"
#include "spcsim/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_statistics_double.h>

static const spc_result_row *find(const spc_results *r, const char *scope, const char *metric, size_t hint)
{
    if (hint < r->n && strcmp(r->rows[hint].scope, scope) == 0 && strcmp(r->rows[hint].metric, metric) == 0)
        return &r->rows[hint];
    return spc_results_find(r, scope, metric);
}

static spc_compare_row *add_row(spc_compare *c)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 128;
        spc_compare_row *rows = realloc(c->rows, cap * sizeof *rows);
        if (rows == NULL)
            return NULL;
        c->rows = rows;
        c->cap = cap;
    }
    memset(&c->rows[c->n], 0, sizeof c->rows[c->n]);
    return &c->rows[c->n++];
}

/* The CRN ratio (compare.h): (Var b + Var v) / Var d, or NaN when Var d is
 * not a variance of the differences but rounding -- when every d_r is the
 * same number to the precision compare.csv writes, SPC_CSV_DIGITS (10)
 * significant digits of the values:
 *
 *     max_r d_r - min_r d_r <= 10^-10 s,   s = max_r max(|b_r|, |v_r|).
 *
 * Why this level. (1) Rounding alone stays below it: b_r and v_r are
 * statistics summed over a run, and a sum of m terms errs by at most
 * (m - 1) u sum|x_i| <= m u s (Higham 2002, eq. 4.4; u = DBL_EPSILON / 2).
 * When the arms compute the same value (or the same value plus a
 * constant) along different paths, each d_r is thus off by at most
 * 2 m u s and their spread is at most 4 m u s: below 10^-10 s unless
 * m > 10^-10 / (4 u), about 2 * 10^5 terms in the worst case; the
 * typical error of a sum, of order sqrt(m) u s, needs m ~ 5 * 10^10.
 * (2) A true spread below it cannot be read from the file, which holds
 * base_mean and variant_mean to 10 digits. So a measure the arms share exactly, or shifted by a constant,
 * gets "not defined" (an empty cell) instead of Var b + Var v over a
 * variance of an ulp or two, some 10^30. */
static double crn_ratio(const double *b, const double *v, const double *d, unsigned n)
{
    if (n < 2)
        return NAN;
    double lo, hi, s = 0;
    for (unsigned r = 0; r < n; r++)
        s = fmax(s, fmax(fabs(b[r]), fabs(v[r])));
    gsl_stats_minmax(&lo, &hi, d, 1, n);
    if (!(hi - lo > pow(10.0, -SPC_CSV_DIGITS) * s))
        return NAN;
    return (gsl_stats_variance(b, 1, n) + gsl_stats_variance(v, 1, n)) / gsl_stats_variance(d, 1, n);
}

/* One metric of one variant: b[r], v[r] over n replications. */
static void paired(spc_compare_row *row, const double *b, const double *v, double *d, unsigned n)
{
    for (unsigned r = 0; r < n; r++)
        d[r] = v[r] - b[r];
    row->base = gsl_stats_mean(b, 1, n);
    row->value = gsl_stats_mean(v, 1, n);
    row->diff = spc_stats_interval(d, n, NAN);
    row->base_ci = spc_stats_interval(b, n, NAN);
    row->in_points = spc_metricinfo_in_points(spc_metricinfo_find(row->scope, row->metric));
    double k = row->base != 0 ? 1.0 / fabs(row->base) : NAN;
    row->rel = (spc_estimate){ row->diff.mean * k, row->diff.lo * k, row->diff.hi * k, n };
    row->significant = row->diff.lo > 0 || row->diff.hi < 0;
    row->crn_ratio = crn_ratio(b, v, d, n);
}

static int compare_metric(spc_compare *c, const spc_results *base, const spc_results *var, unsigned iv,
                          unsigned n, size_t i, double *buf)
{
    const spc_result_row *first = &base[0].rows[i];
    double *b = buf, *v = buf + n, *d = buf + 2 * n;
    for (unsigned r = 0; r < n; r++) {
        const spc_result_row *rb = find(&base[r], first->scope, first->metric, i);
        const spc_result_row *rv = find(&var[r], first->scope, first->metric, i);
        if (rb == NULL || rv == NULL || !isfinite(rb->e.mean) || !isfinite(rv->e.mean))
            return 0; /* not comparable: skipped */
        b[r] = rb->e.mean;
        v[r] = rv->e.mean;
    }
    spc_compare_row *row = add_row(c);
    if (row == NULL)
        return -1;
    snprintf(row->scope, sizeof row->scope, "%s", first->scope);
    snprintf(row->metric, sizeof row->metric, "%s", first->metric);
    row->variant = iv;
    paired(row, b, v, d, n);
    return 0;
}

int spc_compare_rel_defined(const spc_compare_row *r)
{
    if (r->in_points || !(r->base != 0) || !isfinite(r->base))
        return 0;
    if (isnan(r->base_ci.lo) || isnan(r->base_ci.hi)) /* one replication: only the base itself */
        return 1;
    return r->base_ci.lo > 0 || r->base_ci.hi < 0;
}

/* The order of comparison: variant, then rank (metricinfo), then the order
 * of the files (seq), which keeps the stages in theirs. */
typedef struct {
    unsigned variant;
    int rank;
    size_t seq;
} order_key;

static int by_order(const void *pa, const void *pb)
{
    const order_key *a = pa, *b = pb;
    if (a->variant != b->variant)
        return a->variant < b->variant ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static int sort_rows(spc_compare *c)
{
    order_key *k = malloc((c->n ? c->n : 1) * sizeof *k);
    spc_compare_row *rows = malloc((c->n ? c->n : 1) * sizeof *rows);
    if (k == NULL || rows == NULL) {
        free(k);
        free(rows);
        return -1;
    }
    for (size_t i = 0; i < c->n; i++)
        k[i] = (order_key){ c->rows[i].variant, spc_metricinfo_rank(c->rows[i].scope, c->rows[i].metric), i };
    qsort(k, c->n, sizeof *k, by_order);
    for (size_t i = 0; i < c->n; i++)
        rows[i] = c->rows[k[i].seq];
    free(c->rows);
    free(k);
    c->rows = rows;
    c->cap = c->n ? c->n : 1;
    return 0;
}

spc_status spc_compare_tables(const spc_results *base, const spc_results *const *variants, unsigned nv,
                              unsigned n, spc_compare *out, spc_error *err)
{
    memset(out, 0, sizeof *out);
    out->replications = n;
    double *buf = malloc(3 * (size_t)n * sizeof *buf);
    if (buf == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (unsigned iv = 0; iv < nv; iv++)
        for (size_t i = 0; i < base[0].n; i++)
            if (compare_metric(out, base, variants[iv], iv, n, i, buf) != 0) {
                free(buf);
                return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
            }
    free(buf);
    if (sort_rows(out) != 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    return SPC_OK;
}

void spc_compare_release(spc_compare *c)
{
    free(c->rows);
    memset(c, 0, sizeof *c);
}

void spc_compare_write_csv(FILE *f, const spc_compare *c, const char *const *names, const char *time_unit)
{
    fputs("variant,scope,metric,label,unit,compared_in,base_mean,variant_mean,diff,diff_ci95_low,diff_ci95_high,"
          "rel_diff,rel_ci95_low,rel_ci95_high,significant,crn_variance_ratio,n\n", f);
    for (size_t i = 0; i < c->n; i++) {
        const spc_compare_row *r = &c->rows[i];
        const spc_metric_info *mi = spc_metricinfo_find(r->scope, r->metric);
        char unit[96];
        spc_csv_text(f, names[r->variant]);
        fprintf(f, ",%s,%s,", r->scope, r->metric);
        spc_csv_text(f, mi != NULL ? mi->label : r->metric);
        fputc(',', f);
        spc_csv_text(f, spc_metricinfo_unit(mi, SPC_MI_SUMMARY, time_unit, unit, sizeof unit));
        fprintf(f, ",%s", r->in_points ? "points" : spc_compare_rel_defined(r) ? "relative" : "difference");
        spc_csv_next(f, r->base);
        spc_csv_next(f, r->value);
        spc_csv_interval(f, r->diff.mean, r->diff.lo, r->diff.hi);
        if (spc_compare_rel_defined(r))
            spc_csv_interval(f, r->rel.mean, r->rel.lo, r->rel.hi);
        else
            spc_csv_interval(f, NAN, NAN, NAN);
        fprintf(f, ",%s", r->significant ? "yes" : "no");
        spc_csv_next(f, r->crn_ratio);
        fprintf(f, ",%u\n", c->replications);
    }
}
