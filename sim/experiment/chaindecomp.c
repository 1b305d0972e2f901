/*
 * chaindecomp.c -- the chain study's decomposition by pathway
 * (chaindecomp.h): the blind lists, the ten variants and the paired
 * arithmetic (D1)-(D4).
 */
#include "spcsim/chaindecomp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_statistics_double.h>

#include "spcsim/lever.h"
#include "spcsim/pathways.h"

_Static_assert(SPC_NPATHWAYS == SPC_PW_N, "the decomposition's pathways are the model's");
#include "spcsim/text.h"

const char *const spc_chaindecomp_pathways[SPC_NPATHWAYS] = { "courtesy", "speed", "accuracy", "continuity",
                                                              "recovery" };

size_t spc_chaindecomp_blind(unsigned p, int only, char set[SPC_NPATHWAYS][48])
{
    size_t k = 0;
    for (unsigned q = 0; q < SPC_NPATHWAYS; q++)
        if ((q == p) != (only != 0)) /* without p: p alone; only p: the others (p = 5: all) */
            snprintf(set[k++], 48, "workforce.pathways.blind_%s=true", spc_chaindecomp_pathways[q]);
    return k;
}

/* ---- the variants ---- */

spc_status spc_chaindecomp_run(const spc_scenario *base, const char *const *sets, size_t nsets, const char *lever,
                               double x, const spc_experiment_opts *opts, const spc_study_runner *runner,
                               void (*progress)(void *ctx, const char *what), void *ctx,
                               spc_chaindecomp_runs *out, spc_error *err)
{
    memset(out, 0, sizeof *out);
    for (int only = -1; only <= 1; only++) /* -1: all blind */
        for (unsigned p = 0; p < (only < 0 ? 1u : SPC_NPATHWAYS); p++) {
            char blind[SPC_NPATHWAYS][48], what[64];
            const char *extra[SPC_NPATHWAYS];
            size_t nextra = spc_chaindecomp_blind(only < 0 ? SPC_NPATHWAYS : p, only != 0, blind);
            for (size_t k = 0; k < nextra; k++)
                extra[k] = blind[k];
            if (only < 0)
                snprintf(what, sizeof what, "all blind");
            else
                snprintf(what, sizeof what, "%s %s", only ? "only" : "without", spc_chaindecomp_pathways[p]);
            if (progress != NULL)
                progress(ctx, what);
            spc_experiment *e = only < 0 ? &out->blind : only ? &out->only[p] : &out->without[p];
            if (spc_lever_run(base, sets, nsets, lever, x, extra, nextra, opts, runner, e, err) != SPC_OK)
                return err->code;
        }
    return SPC_OK;
}

void spc_chaindecomp_runs_release(spc_chaindecomp_runs *r)
{
    spc_experiment_release(&r->blind);
    for (unsigned p = 0; p < SPC_NPATHWAYS; p++) {
        spc_experiment_release(&r->without[p]);
        spc_experiment_release(&r->only[p]);
    }
}

/* ---- the table ---- */

/* x[r] = the measure in tables[r], r < n; 0 if one is missing or not finite. */
static double mean(const double *x, unsigned n) { return gsl_stats_mean(x, 1, n); }

/* One measure. v: n values each of B, F, A, W(0..4), O(0..4); d: n scratch. */
static void decompose(spc_chaindecomp_row *row, const double *v, unsigned n, double *d, double *inter_a,
                      double *inter_r)
{
    const double *b = v, *f = v + n, *a = v + 2 * n;
    row->base = mean(b, n);
    row->full = mean(f, n);
    row->blind = mean(a, n);
    for (unsigned r = 0; r < n; r++)
        d[r] = f[r] - b[r];
    row->total = spc_stats_interval(d, n, NAN);
    for (unsigned r = 0; r < n; r++) /* (D0) */
        d[r] = a[r] - b[r], inter_a[r] = inter_r[r] = f[r] - a[r];
    row->direct = spc_stats_interval(d, n, NAN);
    for (unsigned p = 0; p < SPC_NPATHWAYS; p++) {
        const double *w = v + (3 + p) * n, *o = v + (3 + SPC_NPATHWAYS + p) * n;
        row->without[p] = mean(w, n);
        row->only[p] = mean(o, n);
        for (unsigned r = 0; r < n; r++) /* (D1) */
            d[r] = f[r] - w[r], inter_r[r] -= d[r];
        row->removed[p] = spc_stats_interval(d, n, NAN);
        for (unsigned r = 0; r < n; r++) /* (D2) */
            d[r] = o[r] - a[r], inter_a[r] -= d[r];
        row->alone[p] = spc_stats_interval(d, n, NAN);
    }
    row->inter_alone = spc_stats_interval(inter_a, n, NAN);     /* (D3) */
    row->inter_removed = spc_stats_interval(inter_r, n, NAN);   /* (D4) */
}

spc_status spc_chaindecomp_table_make(const spc_results *base, const spc_results *full, const spc_results *blind,
                                      const spc_results *const without[SPC_NPATHWAYS],
                                      const spc_results *const only[SPC_NPATHWAYS], unsigned n,
                                      spc_chaindecomp_table *t, spc_error *err)
{
    size_t ns = 3 + 2 * SPC_NPATHWAYS;
    double *v = malloc((ns + 3) * (size_t)n * sizeof *v);
    if (v == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the decomposition");
    const spc_results *src[3 + 2 * SPC_NPATHWAYS] = { base, full, blind };
    for (unsigned p = 0; p < SPC_NPATHWAYS; p++)
        src[3 + p] = without[p], src[3 + SPC_NPATHWAYS + p] = only[p];
    t->n = 0;
    t->replications = n;
    for (size_t k = 0; k < spc_chainstudy_nmeasures && t->n < sizeof t->rows / sizeof t->rows[0]; k++) {
        const spc_chainstudy_measure *m = &spc_chainstudy_measures[k];
        int ok = n > 0;
        for (size_t s = 0; s < ns && ok; s++)
            ok = spc_results_values(src[s], n, m->scope, m->metric, v + s * n);
        if (!ok)
            continue;
        spc_chaindecomp_row *row = &t->rows[t->n++];
        row->m = m;
        decompose(row, v, n, v + ns * n, v + (ns + 1) * n, v + (ns + 2) * n);
    }
    free(v);
    return SPC_OK;
}

/* ---- chain.csv ---- */

static void csv_row(FILE *f, const char *kind, const char *scope, const spc_chainstudy_measure *m, double base,
                    double variant, double ref, spc_estimate d, unsigned n)
{
    double k = ref != 0 ? 100.0 / fabs(ref) : NAN;
    spc_estimate rel = { d.mean * k, d.lo * k, d.hi * k, d.n };
    fprintf(f, "%s,%s,%s", kind, scope, m->metric);
    spc_chainstudy_csv_change(f, base, variant, d, rel, d.lo > 0 || d.hi < 0, n);
}

void spc_chaindecomp_write_csv(FILE *f, const spc_chaindecomp_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        const spc_chaindecomp_row *r = &t->rows[i];
        csv_row(f, "direct", "all_blind", r->m, r->base, r->blind, r->base, r->direct, t->replications);
        for (unsigned p = 0; p < SPC_NPATHWAYS; p++)
            csv_row(f, "pathway", spc_chaindecomp_pathways[p], r->m, r->blind, r->only[p], r->base, r->alone[p],
                    t->replications);
        for (unsigned p = 0; p < SPC_NPATHWAYS; p++)
            csv_row(f, "pathway_removed", spc_chaindecomp_pathways[p], r->m, r->without[p], r->full, r->base,
                    r->removed[p], t->replications);
        csv_row(f, "interaction", "alone", r->m, r->blind, r->full, r->base, r->inter_alone, t->replications);
        csv_row(f, "interaction", "removed", r->m, r->blind, r->full, r->base, r->inter_removed, t->replications);
    }
}
