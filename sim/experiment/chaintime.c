/*
 * chaintime.c -- the chain study over time (chaintime.h): the paired
 * change of each chain measure in every reporting period.
 *
 * The replications' time series (spc_experiment.rep_ts) hold one row per
 * period and scope, in the same order in every replication and in both
 * arms (the same scenario, the same periods). A row of the base and the
 * row at the same index in the variant are paired, as are the
 * replications with the same index: d_r = variant_r - base_r.
 */
#include "spcsim/chaintime.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/text.h"

const spc_chaintime_measure spc_chaintime_measures[] = {
    { "employee satisfaction (ESAT)", "customers", "esat", SPC_TS_ESAT },
    { "customer satisfaction (CSAT, % rating 4-5)", "customers", "csat", SPC_TS_CSAT },
    { "customer impression (0-100)", "customers", "impression", SPC_TS_IMPRESSION },
    { "net promoter score", "customers", "nps", SPC_TS_NPS },
    { "customer retention per period", "customers", "retention", SPC_TS_RETENTION },
    { "active customers", "customers", "active", SPC_TS_ACTIVE },
    { "errors", "company", "errors", SPC_TS_ERRORS },
    { "productivity", "company", "productivity", SPC_TS_PRODUCTIVITY },
    { "revenue", "finance", "revenue", SPC_TS_REVENUE },
    { "costs", "finance", "costs", SPC_TS_COSTS },
    { "profit", "finance", "profit", SPC_TS_PROFIT },
};
const size_t spc_chaintime_nmeasures = sizeof spc_chaintime_measures / sizeof spc_chaintime_measures[0];

static int same_row(const spc_ts_row *a, const spc_ts_row *b)
{
    return a->period == b->period && a->time == b->time && strcmp(a->scope, b->scope) == 0;
}

/* Whether row i exists and is the same period and scope in every
 * replication of both arms. */
static int aligned(const spc_timeseries *base, const spc_timeseries *variant, unsigned n, size_t i)
{
    for (unsigned r = 0; r < n; r++)
        if (i >= base[r].n || i >= variant[r].n || !same_row(&base[0].rows[i], &base[r].rows[i]) ||
            !same_row(&base[0].rows[i], &variant[r].rows[i]))
            return 0;
    return 1;
}

/* The row of measure m at row index i: means of both arms and the paired
 * difference. d[] has room for n values. */
static spc_chaintime_row pair(const spc_timeseries *base, const spc_timeseries *variant, unsigned n, size_t i,
                              const spc_chaintime_measure *m, double *d)
{
    const spc_ts_row *row = &base[0].rows[i];
    spc_chaintime_row out = { row->period, row->time, m, 0.0, 0.0, { NAN, NAN, NAN, n } };
    for (unsigned r = 0; r < n; r++) {
        double b = base[r].rows[i].v[m->column], v = variant[r].rows[i].v[m->column];
        out.base += b / n;
        out.variant += v / n;
        d[r] = v - b;
    }
    if (isfinite(out.base) && isfinite(out.variant))
        out.diff = n > 1 ? spc_stats_interval(d, n, NAN)
                         : (spc_estimate){ d[0], NAN, NAN, 1 };
    out.diff.n = n;
    return out;
}

spc_status spc_chaintime_make(const spc_timeseries *base, const spc_timeseries *variant, unsigned n, double at,
                              spc_chaintime *t, spc_error *err)
{
    memset(t, 0, sizeof *t);
    t->at = at;
    t->replications = n;
    if (n == 0)
        return SPC_OK;
    size_t rows = base[0].n, cap = rows * spc_chaintime_nmeasures;
    double *d = malloc(n * sizeof *d);
    t->rows = cap > 0 ? malloc(cap * sizeof *t->rows) : NULL;
    if (d == NULL || (cap > 0 && t->rows == NULL)) {
        free(d);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the chain's periods");
    }
    for (size_t i = 0; i < rows; i++)
        if (!aligned(base, variant, n, i)) {
            free(d);
            return spc_error_set(err, SPC_ERR_INTERNAL, "chain: the base's and the variant's periods do not align "
                                 "(row %zu)", i);
        }
    for (size_t i = 0, e; i < rows; i = e) { /* a period's rows [i, e): its measures in the table's order */
        for (e = i; e < rows && base[0].rows[e].period == base[0].rows[i].period; e++)
            ;
        for (size_t k = 0; k < spc_chaintime_nmeasures; k++)
            for (size_t j = i; j < e; j++)
                if (strcmp(spc_chaintime_measures[k].scope, base[0].rows[j].scope) == 0) {
                    t->rows[t->n++] = pair(base, variant, n, j, &spc_chaintime_measures[k], d);
                    break;
                }
    }
    free(d);
    return SPC_OK;
}

void spc_chaintime_release(spc_chaintime *t)
{
    free(t->rows);
    t->rows = NULL;
    t->n = 0;
}

void spc_chaintime_write_csv(FILE *f, const spc_chaintime *t)
{
    fputs("period,time,time_unit,after,scope,metric,base,variant,diff,diff_ci95_low,diff_ci95_high,n\n", f);
    for (size_t i = 0; i < t->n; i++) {
        const spc_chaintime_row *r = &t->rows[i];
        fprintf(f, "%ld", r->period);
        spc_csv_next(f, r->time);
        fprintf(f, ",%s,%d,%s,%s", t->time_unit ? t->time_unit : "", r->time > t->at, r->m->scope, r->m->metric);
        spc_csv_next(f, r->base);
        spc_csv_next(f, r->variant);
        spc_csv_next(f, r->diff.mean);
        spc_csv_next(f, r->diff.lo);
        spc_csv_next(f, r->diff.hi);
        fprintf(f, ",%u\n", t->replications);
    }
}
