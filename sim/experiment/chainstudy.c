/*
 * chainstudy.c -- the chain study's variant and table (chainstudy.h).
 */
#include "spcsim/chainstudy.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_fit.h>

#include "spcsim/finance.h"
#include "spcsim/text.h"

const spc_chainstudy_measure spc_chainstudy_measures[] = {
    { "employee satisfaction (ESAT)", "customers", "esat", "points", 1 },
    { "customer satisfaction (CSAT, % rating 4-5)", "customers", "csat", "points", 1 },
    { "customer impression (0-100)", "customers", "impression", "points", 1 },
    { "mean recommend score (0-10)", "customers", "score_mean", "points", 1 },
    { "net promoter score", "customers", "nps", "points", 0 },
    { "customer retention per period", "customers", "retention", NULL, 1 },
    { "customer churn per year", "customers", "churn_annual", NULL, 1 },
    { "active customers", "customers", "active", NULL, 1 },
    { "employee turnover per year", "customers", "turnover_annual", NULL, 1 },
    { "revenue", "finance", "revenue", NULL, 1 },
    { "revenue growth (%)", "finance", "revenue_growth", "growth points", 0 },
    { "profit", "finance", "profit", NULL, 1 },
};
const size_t spc_chainstudy_nmeasures = sizeof spc_chainstudy_measures / sizeof spc_chainstudy_measures[0];

const spc_chainstudy_measure *spc_chainstudy_measure_find(const char *scope, const char *metric)
{
    for (size_t k = 0; k < spc_chainstudy_nmeasures; k++)
        if (strcmp(spc_chainstudy_measures[k].scope, scope) == 0 && strcmp(spc_chainstudy_measures[k].metric, metric) == 0)
            return &spc_chainstudy_measures[k];
    return NULL;
}

/* ---- the variant ---- */

spc_scenario *spc_chainstudy_variant(const spc_scenario *base, const spc_scenario *on, double at)
{
    spc_scenario *v = malloc(sizeof *v);
    size_t n = base->ninterventions + 1;
    spc_intervention *iv = calloc(n, sizeof *iv);
    if (v == NULL || iv == NULL) {
        free(v);
        free(iv);
        return NULL;
    }
    *v = *base;
    size_t k = 0, j = 0;
    for (; j < base->ninterventions && base->interventions[j].at < at; j++) /* before: the base's */
        iv[k++] = base->interventions[j];
    /* at `at`: the raised scenario as it stands then */
    const spc_scenario *now = on;
    for (size_t i = 0; i < on->ninterventions && on->interventions[i].at <= at; i++)
        now = on->interventions[i].state;
    iv[k++] = (spc_intervention){ .at = at, .state = (spc_scenario *)now };
    for (; j < base->ninterventions; j++) /* after: the raised scenario's */
        iv[k++] = (spc_intervention){ .at = on->interventions[j].at, .state = on->interventions[j].state };
    v->interventions = iv;
    v->ninterventions = k;
    return v;
}

void spc_chainstudy_variant_free(spc_scenario *v)
{
    if (v == NULL)
        return;
    free(v->interventions);
    free(v);
}

/* ---- the table ---- */

spc_status spc_chainstudy_table_make(const spc_results *base, const spc_results *variant, unsigned n,
                                spc_chainstudy_table *t, spc_error *err)
{
    spc_compare c = { 0 };
    const spc_results *vars[1] = { variant };
    if (spc_compare_tables(base, vars, 1, n, &c, err) != SPC_OK)
        return err->code;
    t->n = 0;
    t->replications = n;
    for (size_t k = 0; k < spc_chainstudy_nmeasures; k++) {
        const spc_chainstudy_measure *m = &spc_chainstudy_measures[k];
        for (size_t i = 0; i < c.n; i++) {
            const spc_compare_row *r = &c.rows[i];
            if (strcmp(r->scope, m->scope) != 0 || strcmp(r->metric, m->metric) != 0)
                continue;
            spc_estimate rel = { 100 * r->rel.mean, 100 * r->rel.lo, 100 * r->rel.hi, r->rel.n };
            t->rows[t->n++] = (spc_chainstudy_row){ m, r->base, r->value, r->diff, rel, r->significant };
            break;
        }
    }
    spc_compare_release(&c);
    return SPC_OK;
}

/* ---- slopes across units ---- */

typedef struct {
    double esat, impression, csat, n;
    double *revenue;
    size_t nrev;
} unit_sums;

static spc_status fit(const double *x, const double *y, size_t n, const char *xn, const char *yn,
                      spc_chainstudy_table *t)
{
    double c0, c1, cov00, cov01, cov11, ss;
    gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &ss);
    t->slopes[t->nslopes++] = (spc_chainstudy_slope){ c1, sqrt(cov11), c0, n, xn, yn };
    return SPC_OK;
}

spc_status spc_chainstudy_slopes(const spc_panel *reps, unsigned n, double from, spc_chainstudy_table *t, spc_error *err)
{
    t->nslopes = 0;
    uint32_t units = 0;
    for (unsigned r = 0; r < n; r++)
        for (size_t i = 0; i < reps[r].n; i++)
            units = reps[r].rows[i].unit + 1 > units ? reps[r].rows[i].unit + 1 : units;
    if (units < 3)
        return SPC_OK;
    double *x = calloc(5 * (size_t)units, sizeof *x);
    double *rev = NULL;
    size_t cap = 0;
    if (x == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the panel regression");
    double *esat = x, *imp = x + units, *csat = x + 2 * units, *growth = x + 3 * units, *cnt = x + 4 * units;
    for (unsigned r = 0; r < n; r++) {
        size_t i = 0;
        while (i < reps[r].n) { /* one unit's rows are consecutive */
            uint32_t u = reps[r].rows[i].unit;
            double se = 0, si = 0, sc = 0, m = 0;
            size_t nrev = 0;
            for (; i < reps[r].n && reps[r].rows[i].unit == u; i++) {
                const spc_panel_row *p = &reps[r].rows[i];
                if (!(p->time > from) || isnan(p->v[SPC_P_ESAT]) || isnan(p->v[SPC_P_IMPRESSION]))
                    continue;
                if (nrev == cap) {
                    cap = cap ? 2 * cap : 64;
                    double *nr = realloc(rev, cap * sizeof *nr);
                    if (nr == NULL) {
                        free(x);
                        free(rev);
                        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the panel regression");
                    }
                    rev = nr;
                }
                rev[nrev++] = p->v[SPC_P_REVENUE];
                se += p->v[SPC_P_ESAT], si += p->v[SPC_P_IMPRESSION], sc += p->v[SPC_P_CSAT], m += 1;
            }
            if (m > 0) {
                esat[u] += se / m, imp[u] += si / m, csat[u] += sc / m;
                growth[u] += spc_ledger_growth(rev, nrev);
                cnt[u] += 1;
            }
        }
    }
    size_t k = 0;
    for (uint32_t u = 0; u < units; u++)
        if (cnt[u] > 0 && isfinite(growth[u])) {
            esat[k] = esat[u] / cnt[u], imp[k] = imp[u] / cnt[u], csat[k] = csat[u] / cnt[u];
            growth[k] = growth[u] / cnt[u];
            k++;
        }
    if (k >= 3) {
        fit(esat, imp, k, "esat", "impression", t);
        fit(imp, growth, k, "impression", "revenue_growth", t);
        fit(esat, csat, k, "esat", "csat", t);
    }
    free(x);
    free(rev);
    return SPC_OK;
}

void spc_chainstudy_csv_change(FILE *f, double base, double variant, spc_estimate diff, spc_estimate rel,
                               int significant, unsigned n)
{
    double v[] = { base, variant, diff.mean, diff.lo, diff.hi, rel.mean, rel.lo, rel.hi };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        spc_csv_next(f, v[i]);
    fprintf(f, ",%s,%u\n", significant ? "yes" : "no", n);
}

void spc_chainstudy_write_csv(FILE *f, const spc_chainstudy_table *t)
{
    fputs("kind,scope,metric,base,variant,diff,diff_ci95_low,diff_ci95_high,rel_pct,rel_ci95_low,rel_ci95_high,"
          "significant,n\n", f);
    for (size_t i = 0; i < t->n; i++) {
        const spc_chainstudy_row *r = &t->rows[i];
        fprintf(f, "change,%s,%s", r->m->scope, r->m->metric);
        spc_chainstudy_csv_change(f, r->base, r->variant, r->diff, r->rel, r->significant, t->replications);
    }
    /* the lever's path is a setting's path: letters, digits, '.', '_', '[', ']' (no comma to quote) */
    fprintf(f, "lever,%s,value", t->lever ? t->lever : "");
    spc_csv_next(f, t->lever_base);
    spc_csv_next(f, t->lever_variant);
    spc_csv_next(f, t->lever_variant - t->lever_base);
    fputs(",,", f);
    spc_csv_next(f, t->lever_base != 0 ? 100 * (t->lever_variant - t->lever_base) / fabs(t->lever_base) : NAN);
    fputs(",,,,\n", f);
    for (size_t i = 0; i < t->nslopes; i++) {
        const spc_chainstudy_slope *s = &t->slopes[i];
        fprintf(f, "slope,units,%s_on_%s", s->y, s->x);
        spc_csv_next(f, s->intercept);
        fputc(',', f);
        spc_csv_next(f, s->slope);
        spc_csv_next(f, s->slope - 1.96 * s->se);
        spc_csv_next(f, s->slope + 1.96 * s->se);
        fprintf(f, ",,,,%s,%zu\n", fabs(s->slope) > 1.96 * s->se ? "yes" : "no", s->n);
    }
}
