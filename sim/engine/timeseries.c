/* timeseries.c -- rows per period and scope, and timeseries.csv. */
#include "spcsim/timeseries.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/metricinfo.h"
#include "spcsim/stats.h"
#include "spcsim/text.h"

static const char *const names[SPC_TS_NCOLUMNS] = {
    "headcount", "vacancies", "satisfaction", "satisfaction_sd", "fatigue", "tenure",
    "productivity", "pressure", "time_per_order", "standard", "isq", "quits", "hires", "layoffs",
    "errors", "defects_caught", "rework", "escaped_defects", "completed", "utilization",
    "wait_mean", "overtime", "turnover_cost", "lead_time_mean", "absences", "reputation",
    "esat", "csat", "score_mean", "nps", "impression", "responses", "active", "acquired",
    "referrals", "churned", "retention", "encounters", "abandonment", "aftersale", "turnover_annual",
    "faulty_products", "reviews", "rating", "competitor_lead", "won_back", "awareness_rate", "proactive_share",
    "speed_on_time_pct", "accuracy_pct", "transparency_pct", "accessibility_pct", "output_per_hour",
    "errors_per_order", "contacts", "self_resolved", "escalations", "gave_up", "first_contact_pct",
    "revenue", "revenue_orders", "revenue_services", "cogs", "wages", "overtime_pay", "hiring_cost",
    "rework_cost", "refunds", "acquisition_cost", "programme_cost", "fixed_cost", "contact_cost", "channel_cost", "costs", "profit", "margin",
    "lead_time_seen", "utilization_seen", "esat_seen", "csat_seen", "staff_target", "staffing_change", "pay",
    "training_hours", "decisions"
};

void spc_timeseries_init(spc_timeseries *ts)
{
    ts->rows = NULL;
    ts->n = ts->cap = 0;
}

void spc_timeseries_release(spc_timeseries *ts)
{
    free(ts->rows);
    spc_timeseries_init(ts);
}

spc_ts_row *spc_timeseries_add(spc_timeseries *ts, long period, double time, const char *scope)
{
    if (ts->n == ts->cap) {
        size_t cap = ts->cap ? 2 * ts->cap : 256;
        spc_ts_row *r = realloc(ts->rows, cap * sizeof *r);
        if (r == NULL)
            return NULL;
        ts->rows = r;
        ts->cap = cap;
    }
    spc_ts_row *row = &ts->rows[ts->n++];
    memset(row, 0, sizeof *row);
    row->period = period;
    row->time = time;
    snprintf(row->scope, sizeof row->scope, "%s", scope);
    for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
        row->v[c] = row->lo[c] = row->hi[c] = NAN;
    return row; /* n[c] = 0 from the memset */
}

const char *spc_timeseries_column(int column)
{
    return column >= 0 && column < SPC_TS_NCOLUMNS ? names[column] : "?";
}

/* Columns of mechanisms that may be off (absence, employer reputation;
 * customers, finance and management, from SPC_TS_ESAT on): written only
 * when filled. */
static int optional(int c)
{
    return c == SPC_TS_ABSENCES || c == SPC_TS_REPUTATION || c >= SPC_TS_ESAT;
}

/* A column is written unless it is optional and empty in every row. */
static int written(const spc_timeseries *ts, int c)
{
    if (!optional(c))
        return 1;
    for (size_t i = 0; i < ts->n; i++)
        if (isfinite(ts->rows[i].v[c]))
            return 1;
    return 0;
}

void spc_timeseries_write_csv(FILE *f, const spc_timeseries *ts)
{
    int on[SPC_TS_NCOLUMNS];
    for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
        on[c] = written(ts, c);
    fputs("period,time,scope", f);
    for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
        if (on[c])
            fprintf(f, ",%s,%s_ci95_low,%s_ci95_high", names[c], names[c], names[c]);
    fputc('\n', f);
    for (size_t i = 0; i < ts->n; i++) {
        const spc_ts_row *r = &ts->rows[i];
        fprintf(f, "%ld,%.10g,%s", r->period, r->time, r->scope);
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
            if (on[c])
                spc_csv_interval(f, r->v[c], r->lo[c], r->hi[c]);
        fputc('\n', f);
    }
}

static int aligned(const spc_timeseries *rep, unsigned n)
{
    for (unsigned r = 1; r < n; r++) {
        if (rep[r].n != rep[0].n)
            return 0;
        for (size_t i = 0; i < rep[0].n; i++)
            if (rep[r].rows[i].period != rep[0].rows[i].period ||
                strcmp(rep[r].rows[i].scope, rep[0].rows[i].scope) != 0)
                return 0;
    }
    return 1;
}

/* The labels and units of one scope's metrics for timeseries_long.csv,
 * each looked up once: the metric table is searched from its start at
 * every lookup, once per line it would cost more than writing the file. */
typedef struct {
    const char *scope; /* a row's (the rows outlive these) */
    unsigned char known[SPC_TS_NCOLUMNS];
    const spc_metric_info *mi[SPC_TS_NCOLUMNS];
    char unit[SPC_TS_NCOLUMNS][96];
} long_scope;

typedef struct {
    long_scope *s;
    size_t n, cap, last;
    long_scope spare; /* when out of memory: one scope at a time */
} long_names;

/* The entry of scope: the rows cycle through the scopes, so the one after
 * the last found is tried first. */
static long_scope *long_scope_of(long_names *ln, const char *scope)
{
    for (size_t k = 0; k < ln->n; k++) {
        size_t i = (ln->last + 1 + k) % ln->n;
        if (strcmp(ln->s[i].scope, scope) == 0)
            return &ln->s[ln->last = i];
    }
    long_scope *e = &ln->spare;
    if (ln->n == ln->cap) {
        size_t cap = ln->cap ? 2 * ln->cap : 8;
        long_scope *grown = realloc(ln->s, cap * sizeof *grown);
        if (grown != NULL) {
            ln->s = grown;
            ln->cap = cap;
        }
    }
    if (ln->n < ln->cap)
        e = &ln->s[ln->last = ln->n++];
    e->scope = scope;
    memset(e->known, 0, sizeof e->known);
    return e;
}

static void long_name(long_scope *e, int c, const char *time_unit)
{
    if (e->known[c])
        return;
    e->mi[c] = spc_metricinfo_find(e->scope, names[c]);
    spc_metricinfo_unit(e->mi[c], SPC_MI_PERIOD, time_unit, e->unit[c], sizeof e->unit[c]);
    e->known[c] = 1;
}

void spc_timeseries_write_long_csv(FILE *f, const spc_timeseries *ts, const char *time_unit, double unit_seconds)
{
    long_names ln = { NULL, 0, 0, 0, { NULL, { 0 }, { NULL }, { { 0 } } } };
    fputs("period,time,time_unit,weeks,scope,metric,label,unit,mean,ci95_low,ci95_high,n\n", f);
    for (size_t i = 0; i < ts->n; i++) {
        const spc_ts_row *r = &ts->rows[i];
        long_scope *e = long_scope_of(&ln, r->scope);
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++) {
            if (!isfinite(r->v[c]))
                continue;
            long_name(e, c, time_unit);
            fprintf(f, "%ld,%.10g,%s,%.10g,%s,%s,", r->period, r->time, time_unit, r->time * unit_seconds / 604800.0,
                    r->scope, names[c]);
            spc_csv_text(f, e->mi[c] != NULL ? e->mi[c]->label : "");
            fputc(',', f);
            spc_csv_text(f, e->unit[c]);
            spc_csv_interval(f, r->v[c], r->lo[c], r->hi[c]);
            fprintf(f, ",%.0f\n", r->n[c] > 0 ? r->n[c] : 1.0);
        }
    }
    free(ln.s);
}

int spc_timeseries_combine(const spc_timeseries *rep, unsigned n, spc_timeseries *out)
{
    if (n == 0 || !aligned(rep, n))
        return -1;
    double x[n];
    for (size_t i = 0; i < rep[0].n; i++) {
        const spc_ts_row *first = &rep[0].rows[i];
        spc_ts_row *row = spc_timeseries_add(out, first->period, first->time, first->scope);
        if (row == NULL)
            return -1;
        if (n == 1) {
            *row = *first;
            continue;
        }
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++) {
            size_t k = 0;
            for (unsigned r = 0; r < n; r++)
                if (isfinite(rep[r].rows[i].v[c]))
                    x[k++] = rep[r].rows[i].v[c];
            spc_estimate e = spc_stats_interval(x, k, NAN);
            spc_metricinfo_clip(spc_metricinfo_find(row->scope, names[c]), &e.lo, &e.hi);
            row->v[c] = e.mean;
            row->lo[c] = e.lo;
            row->hi[c] = e.hi;
            row->n[c] = (double)k;
        }
    }
    return 0;
}
