/*
 * chainprofit.c -- the chain study's profit forms (chainprofit.h): the
 * window's length, (P1)-(P3) per replication and their paired changes.
 */
#include "spcsim/chainprofit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_statistics_double.h>

#include "spcsim/chainstudy.h"
#include "spcsim/text.h"

/* L: from the end of the last finance period at or before the warm-up's
 * end to the end of the last one; NaN when no period ends after it. */
static double window_length(const spc_timeseries *ts, double warmup)
{
    double before = 0, last = NAN;
    for (size_t i = 0; i < ts->n; i++) {
        const spc_ts_row *r = &ts->rows[i];
        if (strcmp(r->scope, "finance") != 0)
            continue;
        if (r->time <= warmup)
            before = r->time > before ? r->time : before;
        else if (!(r->time <= last))
            last = r->time;
    }
    return last - before;
}

/* scope/metric in each replication of x. */
static int values(const spc_experiment *x, const char *scope, const char *metric, double *v)
{
    return spc_results_values(x->rep, x->n, scope, metric, v);
}

static double mean(const double *x, unsigned n) { return gsl_stats_mean(x, 1, n); }

/* One form: per replication b[r] / kb[r] and v[r] / kv[r] (k NULL: 1), times `scale`. */
static void form(spc_chainprofit *p, const char *scope, const char *metric, const double *b, const double *v,
                 const double *kb, const double *kv, double scale, unsigned n, double *xb, double *xv)
{
    for (unsigned r = 0; r < n; r++) {
        xb[r] = scale * b[r] / (kb ? kb[r] : 1.0);
        xv[r] = scale * v[r] / (kv ? kv[r] : 1.0);
    }
    spc_chainprofit_form *f = &p->forms[p->n++];
    f->scope = scope;
    f->metric = metric;
    f->base = mean(xb, n);
    f->variant = mean(xv, n);
    for (unsigned r = 0; r < n; r++)
        xv[r] -= xb[r];
    f->diff = spc_stats_interval(xv, n, NAN);
    double k = f->base != 0 ? 100.0 / fabs(f->base) : NAN;
    f->rel = (spc_estimate){ f->diff.mean * k, f->diff.lo * k, f->diff.hi * k, n };
}

spc_status spc_chainprofit_from(const double *pb, const double *pv, const double *ab, const double *av,
                                const double *hb, const double *hv, unsigned n, double years,
                                spc_chainprofit *p, spc_error *err)
{
    double *x = malloc(2 * (size_t)(n ? n : 1) * sizeof *x);
    if (x == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the profit forms");
    p->n = 0;
    p->replications = n;
    p->window_years = years;
    form(p, "window", "money", pb, pv, NULL, NULL, 1.0, n, x, x + n);
    form(p, "year", "money", pb, pv, NULL, NULL, 1.0 / years, n, x, x + n);
    if (ab != NULL && av != NULL)
        form(p, "year", "per_active_customer", pb, pv, ab, av, 1.0 / years, n, x, x + n);
    if (hb != NULL && hv != NULL)
        form(p, "year", "per_employee", pb, pv, hb, hv, 1.0 / years, n, x, x + n);
    free(x);
    return SPC_OK;
}

spc_status spc_chainprofit_make(const spc_experiment *base, const spc_experiment *variant, double warmup,
                                double year, spc_chainprofit *p, spc_error *err)
{
    unsigned n = base->n < variant->n ? base->n : variant->n;
    double years = n > 0 ? window_length(&base->rep_ts[0], warmup) / year : NAN;
    if (n == 0 || !(years > 0))
        return spc_error_set(err, SPC_ERR_USAGE, "chain: no finance period ends after the warm-up");
    double *v = malloc(6 * (size_t)n * sizeof *v);
    if (v == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the profit forms");
    double *pb = v, *pv = v + n, *ab = v + 2 * n, *av = v + 3 * n, *hb = v + 4 * n, *hv = v + 5 * n;
    spc_status st = SPC_OK;
    if (!values(base, "finance", "profit", pb) || !values(variant, "finance", "profit", pv))
        st = spc_error_set(err, SPC_ERR_USAGE, "chain: no finance/profit in the results");
    int customers = values(base, "customers", "active", ab) && values(variant, "customers", "active", av);
    int employees = values(base, "company", "headcount_mean", hb) && values(variant, "company", "headcount_mean", hv);
    if (st == SPC_OK)
        st = spc_chainprofit_from(pb, pv, customers ? ab : NULL, customers ? av : NULL, employees ? hb : NULL,
                                  employees ? hv : NULL, n, years, p, err);
    free(v);
    return st;
}

void spc_chainprofit_write_csv(FILE *f, const spc_chainprofit *p)
{
    fputs("profit,window,years", f);
    spc_csv_next(f, p->window_years);
    spc_csv_next(f, p->window_years);
    fputs(",,,,,,,,\n", f);
    for (size_t i = 0; i < p->n; i++) {
        const spc_chainprofit_form *x = &p->forms[i];
        fprintf(f, "profit,%s,%s", x->scope, x->metric);
        spc_chainstudy_csv_change(f, x->base, x->variant, x->diff, x->rel, x->diff.lo > 0 || x->diff.hi < 0,
                                  p->replications);
    }
}
