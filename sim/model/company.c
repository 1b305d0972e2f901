/*
 * company.c -- combining units into a company (company.h).
 */
#include "spcsim/company.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/finance.h"

static const char *const additive_metrics[] = {
    /* system and stages */
    "orders_arrived", "orders_completed", "orders_blocked", "orders_abandoned", "orders_balked", "throughput",
    "wip_mean", "wip_end", "escaped_defects", "arrivals", "completed", "blocked", "abandoned", "balked",
    "errors", "defects_caught", "rework", "staffed_mean", "absences",
    /* workforce */
    "quits", "hires", "layoffs", "turnover_cost", "headcount_mean", "vacancies_mean",
    /* customers */
    "active", "responses", "acquired", "referrals", "churned", "encounters", "aftersale", "active_end",
    "faulty_products", "reviews", "won_back",
    /* management */
    "decisions", "staffing_changes", "reversals", "staff_target_mean",
    NULL
};

static int additive(const char *scope, const char *metric)
{
    if (strcmp(scope, "finance") == 0)
        return strcmp(metric, "margin") != 0 && strcmp(metric, "revenue_growth") != 0;
    if (strncmp(scope, "channel/", 8) == 0) /* counts and money; the rates and means are averaged */
        return strcmp(metric, "first_contact_resolution") != 0 && strstr(metric, "_mean") == NULL &&
               strcmp(metric, "satisfaction_change") != 0;
    for (size_t i = 0; additive_metrics[i] != NULL; i++)
        if (strcmp(metric, additive_metrics[i]) == 0)
            return 1;
    return 0;
}

static int additive_column(int c)
{
    static const int cols[] = {
        SPC_TS_HEADCOUNT, SPC_TS_VACANCIES, SPC_TS_QUITS, SPC_TS_HIRES, SPC_TS_LAYOFFS, SPC_TS_ERRORS,
        SPC_TS_CAUGHT, SPC_TS_REWORK, SPC_TS_ESCAPED, SPC_TS_COMPLETED, SPC_TS_TURNOVER_COST, SPC_TS_ABSENCES,
        SPC_TS_RESPONSES, SPC_TS_ACTIVE, SPC_TS_ACQUIRED, SPC_TS_REFERRALS, SPC_TS_CHURNED,
        SPC_TS_ENCOUNTERS, SPC_TS_AFTERSALE, SPC_TS_FAULTY, SPC_TS_REVIEWS, SPC_TS_WON_BACK, SPC_TS_REVENUE, SPC_TS_REVENUE_ORDERS,
        SPC_TS_REVENUE_SERVICES, SPC_TS_COGS, SPC_TS_WAGES, SPC_TS_OVERTIME_PAY, SPC_TS_HIRING_COST,
        SPC_TS_REWORK_COST, SPC_TS_REFUNDS, SPC_TS_ACQUISITION_COST, SPC_TS_PROGRAMME_COST, SPC_TS_FIXED_COST, SPC_TS_CONTACT_COST, SPC_TS_CHANNEL_COST, SPC_TS_COSTS,
        SPC_TS_PROFIT, SPC_TS_CONTACTS, SPC_TS_SELF_RESOLVED, SPC_TS_ESCALATIONS, SPC_TS_GAVE_UP, SPC_TS_MG_TARGET, SPC_TS_MG_STAFFING, SPC_TS_MG_DECISIONS,
    };
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (cols[i] == c)
            return 1;
    return 0;
}

void spc_company_acc_init(spc_company_acc *a)
{
    memset(a, 0, sizeof *a);
    spc_results_init(&a->res);
    spc_timeseries_init(&a->ts);
}

void spc_company_acc_release(spc_company_acc *a)
{
    spc_results_release(&a->res);
    spc_timeseries_release(&a->ts);
    free(a->res_cnt);
    free(a->ts_cnt);
}

static int first_unit(spc_company_acc *a, const spc_results *r, const spc_timeseries *t)
{
    a->res_cnt = calloc(r->n ? r->n : 1, sizeof *a->res_cnt);
    size_t cells = (t != NULL ? t->n : 0) * SPC_TS_NCOLUMNS;
    a->ts_cnt = calloc(cells ? cells : 1, sizeof *a->ts_cnt);
    if (a->res_cnt == NULL || a->ts_cnt == NULL)
        return -1;
    for (size_t i = 0; i < r->n; i++) {
        spc_estimate e = { 0, NAN, NAN, 1 };
        if (spc_results_add(&a->res, r->rows[i].scope, r->rows[i].metric, e) != 0)
            return -1;
    }
    for (size_t i = 0; t != NULL && i < t->n; i++) {
        spc_ts_row *row = spc_timeseries_add(&a->ts, t->rows[i].period, t->rows[i].time, t->rows[i].scope);
        if (row == NULL)
            return -1;
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
            row->v[c] = 0;
    }
    return 0;
}

int spc_company_acc_add(spc_company_acc *a, const spc_results *r, const spc_timeseries *t)
{
    if (a->nunits == 0 && first_unit(a, r, t) != 0)
        return -1;
    if (r->n != a->res.n || (t != NULL ? t->n : 0) != a->ts.n)
        return -1;
    for (size_t i = 0; i < r->n; i++) {
        if (strcmp(r->rows[i].scope, a->res.rows[i].scope) != 0 || strcmp(r->rows[i].metric, a->res.rows[i].metric) != 0)
            return -1;
        double x = r->rows[i].e.mean;
        if (isfinite(x)) {
            a->res.rows[i].e.mean += x;
            a->res_cnt[i] += 1;
        }
    }
    for (size_t i = 0; i < a->ts.n; i++) {
        if (t->rows[i].period != a->ts.rows[i].period || strcmp(t->rows[i].scope, a->ts.rows[i].scope) != 0)
            return -1;
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++) {
            double x = t->rows[i].v[c];
            if (isfinite(x)) {
                a->ts.rows[i].v[c] += x;
                a->ts_cnt[i * SPC_TS_NCOLUMNS + (size_t)c] += 1;
            }
        }
    }
    a->nunits++;
    return 0;
}

static void finish_rows(spc_company_acc *a)
{
    for (size_t i = 0; i < a->ts.n; i++) {
        spc_ts_row *row = &a->ts.rows[i];
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++) {
            double n = a->ts_cnt[i * SPC_TS_NCOLUMNS + (size_t)c];
            if (n == 0)
                row->v[c] = NAN;
            else if (!additive_column(c))
                row->v[c] /= n;
        }
        if (strcmp(row->scope, "finance") == 0)
            row->v[SPC_TS_MARGIN] = row->v[SPC_TS_REVENUE] != 0 ? 100.0 * row->v[SPC_TS_PROFIT] / row->v[SPC_TS_REVENUE] : NAN;
    }
}

/* (L4) on the company's revenue per period after warm-up. */
static double company_growth(const spc_company_acc *a, const spc_scenario *sc)
{
    size_t n = 0;
    double *rev = malloc((a->ts.n ? a->ts.n : 1) * sizeof *rev);
    if (rev == NULL)
        return NAN;
    for (size_t i = 0; i < a->ts.n; i++)
        if (strcmp(a->ts.rows[i].scope, "finance") == 0 && a->ts.rows[i].time > sc->warmup)
            rev[n++] = a->ts.rows[i].v[SPC_TS_REVENUE];
    double g = spc_ledger_growth(rev, n);
    free(rev);
    return g;
}

int spc_company_acc_finish(spc_company_acc *a, const spc_scenario *sc, spc_results *out, spc_timeseries *ts)
{
    finish_rows(a);
    const spc_result_row *rev = NULL, *profit = NULL;
    for (size_t i = 0; i < a->res.n; i++) {
        spc_result_row *row = &a->res.rows[i];
        double n = a->res_cnt[i];
        row->e.mean = n == 0 ? NAN : additive(row->scope, row->metric) ? row->e.mean : row->e.mean / n;
        if (strcmp(row->scope, "finance") == 0 && strcmp(row->metric, "revenue") == 0)
            rev = row;
        if (strcmp(row->scope, "finance") == 0 && strcmp(row->metric, "profit") == 0)
            profit = row;
    }
    for (size_t i = 0; i < a->res.n; i++) {
        spc_result_row *row = &a->res.rows[i];
        if (strcmp(row->scope, "finance") == 0 && strcmp(row->metric, "margin") == 0 && rev && profit)
            row->e.mean = rev->e.mean != 0 ? 100.0 * profit->e.mean / rev->e.mean : NAN;
        if (strcmp(row->scope, "finance") == 0 && strcmp(row->metric, "revenue_growth") == 0)
            row->e.mean = company_growth(a, sc);
        if (spc_results_add(out, row->scope, row->metric, row->e) != 0)
            return -1;
    }
    for (size_t i = 0; ts != NULL && i < a->ts.n; i++) {
        spc_ts_row *row = spc_timeseries_add(ts, a->ts.rows[i].period, a->ts.rows[i].time, a->ts.rows[i].scope);
        if (row == NULL)
            return -1;
        memcpy(row->v, a->ts.rows[i].v, sizeof row->v);
    }
    return 0;
}
