/*
 * workforce_report.c -- the workforce at the end of each reporting period
 * (timeseries.csv) and over the run (summary.csv).
 *
 * Each period gives one row per stage and one for the company. The summary
 * means are means of the per-period values after warm-up, with batch-means
 * intervals over periods; annualised turnover is quits / headcount scaled
 * to a year, per period.
 */
#include "workforce_impl.h"

#include <math.h>
#include <gsl/gsl_statistics_double.h>

int spc_wf_stats_init(wf_stats *s, size_t k)
{
    int rc = 0;
    for (int i = 0; i < WF_NTALLY; i++)
        rc |= spc_tally_init(&s->t[i], k);
    s->quits = s->hires = s->layoffs = s->cost = 0;
    return rc ? -1 : 0;
}

void spc_wf_stats_release(wf_stats *s)
{
    for (int i = 0; i < WF_NTALLY; i++)
        spc_tally_release(&s->t[i]);
}

static void stats_reset(wf_stats *s)
{
    for (int i = 0; i < WF_NTALLY; i++)
        spc_tally_reset(&s->t[i]);
    s->quits = s->hires = s->layoffs = s->cost = 0;
}

void spc_workforce_start_stats(spc_workforce *wf, double now)
{
    (void)now;
    for (size_t i = 0; i < wf->ng; i++)
        stats_reset(&wf->g[i].st);
    stats_reset(&wf->company);
    spc_absence_start_stats(wf);
}

/* Sums over the present employees of a stage, brought up to now. */
typedef struct {
    double n, s, s2, f, tenure, prod;
} people_sums;

static void sum_people(spc_workforce *wf, group_t *g, double now, people_sums *p)
{
    for (uint32_t k = 0; k < g->npos; k++) {
        employee_t *e = &g->emp[k];
        if (!e->present)
            continue;
        spc_wf_update_employee(wf, g, e, now);
        p->n += 1;
        p->s += e->s;
        p->s2 += e->s * e->s;
        p->f += e->f;
        p->tenure += now - e->hired;
        p->prod += spc_wf_productivity(wf, g, e);
    }
}

static void fill_people(spc_ts_row *r, const people_sums *p)
{
    double n = p->n;
    r->v[SPC_TS_HEADCOUNT] = n;
    r->v[SPC_TS_SATISFACTION] = n > 0 ? p->s / n : NAN;
    r->v[SPC_TS_SATISFACTION_SD] = n > 1 ? sqrt(fmax(0.0, (p->s2 - p->s * p->s / n) / (n - 1))) : NAN;
    r->v[SPC_TS_FATIGUE] = n > 0 ? p->f / n : NAN;
    r->v[SPC_TS_TENURE] = n > 0 ? p->tenure / n : NAN;
    r->v[SPC_TS_PRODUCTIVITY] = n > 0 ? p->prod / n : NAN;
}

/* The chain's counts in the period: now minus the last report. */
static void fill_flow(spc_ts_row *r, const spc_stage_totals *a, const spc_stage_totals *b)
{
    r->v[SPC_TS_ERRORS] = a->errors - b->errors;
    r->v[SPC_TS_CAUGHT] = a->caught - b->caught;
    r->v[SPC_TS_REWORK] = a->rework - b->rework;
    r->v[SPC_TS_COMPLETED] = a->completed - b->completed;
    double staffed = a->staffed_area - b->staffed_area, waits = a->waits - b->waits;
    r->v[SPC_TS_UTILIZATION] = staffed > 0 ? (a->busy_area - b->busy_area) / staffed : NAN;
    r->v[SPC_TS_WAIT_MEAN] = waits > 0 ? (a->wait_sum - b->wait_sum) / waits : NAN;
}

/* Adds a row's values to the summary tallies (after warm-up only). */
static void tally_row(wf_stats *s, const spc_ts_row *r, double periods_per_year)
{
    const int col[] = { SPC_TS_HEADCOUNT, SPC_TS_VACANCIES, SPC_TS_SATISFACTION, SPC_TS_SATISFACTION_SD,
                        SPC_TS_TENURE, SPC_TS_PRESSURE, SPC_TS_ISQ, SPC_TS_TIME_PER_ORDER, -1, SPC_TS_FATIGUE };
    for (int i = 0; i < WF_NTALLY; i++)
        if (col[i] >= 0 && isfinite(r->v[col[i]]))
            spc_tally_add(&s->t[i], r->v[col[i]]);
    double head = r->v[SPC_TS_HEADCOUNT];
    if (head > 0)
        spc_tally_add(&s->t[WF_TURNOVER], r->v[SPC_TS_QUITS] / head * periods_per_year);
    s->quits += r->v[SPC_TS_QUITS];
    s->hires += r->v[SPC_TS_HIRES];
    s->layoffs += r->v[SPC_TS_LAYOFFS];
    s->cost += r->v[SPC_TS_TURNOVER_COST];
}

static spc_ts_row *stage_row(spc_workforce *wf, group_t *g, double now, spc_timeseries *ts, people_sums *p)
{
    spc_ts_row *r = spc_timeseries_add(ts, wf->period, now, g->spec->name);
    if (r == NULL)
        return NULL;
    spc_wf_advance_pressure(wf, g, now);
    sum_people(wf, g, now, p);
    fill_people(r, p);
    r->v[SPC_TS_VACANCIES] = g->target > p->n ? g->target - p->n : 0.0;
    r->v[SPC_TS_PRESSURE] = g->ero.perceived;
    r->v[SPC_TS_TIME_PER_ORDER] = spc_erosion_time_per_order(&g->ero, &wf->w->erosion);
    r->v[SPC_TS_STANDARD] = g->ero.standard;
    r->v[SPC_TS_ISQ] = spc_wf_isq(wf, g, now);
    r->v[SPC_TS_QUITS] = g->quits;
    r->v[SPC_TS_HIRES] = g->hires;
    r->v[SPC_TS_LAYOFFS] = g->layoffs;
    r->v[SPC_TS_TURNOVER_COST] = g->cost;
    r->v[SPC_TS_OVERTIME] = p->n > 0 ? g->overtime / (p->n * wf->w->period) : NAN;
    spc_stage_totals tot;
    spc_chain_stage_totals(wf->chain, (uint32_t)(g - wf->g), now, &tot);
    fill_flow(r, &tot, &g->prev);
    g->prev = tot;
    return r;
}

/* Company row: sums of counts, headcount-weighted means of stage levels. */
static void company_row(spc_ts_row *c, const spc_ts_row *const *rows, size_t n, const people_sums *all)
{
    static const int sums[] = { SPC_TS_VACANCIES, SPC_TS_QUITS, SPC_TS_HIRES, SPC_TS_LAYOFFS,
                                SPC_TS_ERRORS, SPC_TS_CAUGHT, SPC_TS_REWORK, SPC_TS_TURNOVER_COST };
    static const int means[] = { SPC_TS_PRESSURE, SPC_TS_TIME_PER_ORDER, SPC_TS_STANDARD, SPC_TS_ISQ,
                                 SPC_TS_UTILIZATION, SPC_TS_OVERTIME };
    fill_people(c, all);
    for (size_t k = 0; k < sizeof sums / sizeof sums[0]; k++) {
        c->v[sums[k]] = 0;
        for (size_t i = 0; i < n; i++)
            c->v[sums[k]] += rows[i]->v[sums[k]];
    }
    for (size_t k = 0; k < sizeof means / sizeof means[0]; k++) {
        double s = 0, w = 0;
        for (size_t i = 0; i < n; i++)
            if (isfinite(rows[i]->v[means[k]]) && rows[i]->v[SPC_TS_HEADCOUNT] > 0) {
                s += rows[i]->v[means[k]] * rows[i]->v[SPC_TS_HEADCOUNT];
                w += rows[i]->v[SPC_TS_HEADCOUNT];
            }
        c->v[means[k]] = w > 0 ? s / w : NAN;
    }
}

static void end_period(spc_workforce *wf, double now)
{
    for (size_t i = 0; i < wf->ng; i++) {
        group_t *g = &wf->g[i];
        g->quits = g->hires = g->layoffs = g->cost = g->overtime = 0;
        spc_wf_refresh_capacity(wf, g, now); /* learning has moved on */
    }
    wf->period++;
}

spc_status spc_workforce_report(spc_workforce *wf, double now, spc_timeseries *ts, spc_error *err)
{
    const spc_ts_row *rows[wf->ng];
    people_sums all = { 0 };
    double per_year = wf->w->quit.year / wf->w->period;
    int counted = now > wf->sc->warmup;
    size_t first = ts->n;
    for (size_t i = 0; i < wf->ng; i++) {
        people_sums p = { 0 };
        spc_ts_row *r = stage_row(wf, &wf->g[i], now, ts, &p);
        if (r == NULL)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the time series");
        all.n += p.n, all.s += p.s, all.s2 += p.s2, all.f += p.f, all.tenure += p.tenure, all.prod += p.prod;
    }
    spc_ts_row *c = spc_timeseries_add(ts, wf->period, now, "company");
    if (c == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the time series");
    for (size_t i = 0; i < wf->ng; i++)
        rows[i] = &ts->rows[first + i];
    company_row(c, rows, wf->ng, &all);
    spc_absence_report(wf, &ts->rows[first], c);
    if (counted) {
        for (size_t i = 0; i < wf->ng; i++)
            tally_row(&wf->g[i].st, rows[i], per_year);
        tally_row(&wf->company, c, per_year);
    }
    end_period(wf, now);
    return SPC_OK;
}

/* ---- summary ---- */

static spc_estimate total(double x)
{
    spc_estimate e = { x, NAN, NAN, 1 };
    return e;
}

static int collect(const char *scope, const wf_stats *s, double standard, spc_results *out)
{
    static const char *const names[WF_NTALLY] = {
        "headcount_mean", "vacancies_mean", "satisfaction_mean", "satisfaction_sd", "tenure_mean",
        "pressure_mean", "isq_mean", "time_per_order_mean", "turnover_annual", "fatigue_mean"
    };
    int rc = 0;
    for (int i = 0; i < WF_NTALLY; i++)
        rc |= spc_results_add(out, scope, names[i], spc_tally_estimate(&s->t[i]));
    rc |= spc_results_add(out, scope, "quits", total(s->quits));
    rc |= spc_results_add(out, scope, "hires", total(s->hires));
    rc |= spc_results_add(out, scope, "layoffs", total(s->layoffs));
    rc |= spc_results_add(out, scope, "turnover_cost", total(s->cost));
    if (isfinite(standard))
        rc |= spc_results_add(out, scope, "standard_final", total(standard));
    return rc;
}

spc_status spc_workforce_collect(spc_workforce *wf, double now, spc_results *out, spc_error *err)
{
    int rc = collect("company", &wf->company, NAN, out);
    for (size_t i = 0; i < wf->ng; i++) {
        spc_wf_advance_pressure(wf, &wf->g[i], now);
        rc |= collect(wf->g[i].spec->name, &wf->g[i].st, wf->g[i].ero.standard, out);
    }
    rc |= spc_absence_collect(wf, out);
    if (wf->rep_used) /* (ER2) at the horizon */
        rc |= spc_results_add(out, "company", "reputation_end", total(wf->rep));
    rc |= spc_wf_log_finish(wf, now);
    return rc ? spc_error_set(err, SPC_ERR_INTERNAL, "out of memory collecting results") : SPC_OK;
}
