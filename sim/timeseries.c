/* timeseries.c -- rows per period and scope, and timeseries.csv. */
#include "spcsim/timeseries.h"

#include <math.h>
#include <stdlib.h>

static const char *const names[SPC_TS_NCOLUMNS] = {
    "headcount", "vacancies", "satisfaction", "satisfaction_sd", "fatigue", "tenure",
    "productivity", "pressure", "time_per_order", "standard", "isq", "quits", "hires", "layoffs",
    "errors", "defects_caught", "rework", "escaped_defects", "completed", "utilization",
    "wait_mean", "overtime", "turnover_cost"
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
    row->period = period;
    row->time = time;
    snprintf(row->scope, sizeof row->scope, "%s", scope);
    for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
        row->v[c] = NAN;
    return row;
}

const char *spc_timeseries_column(int column)
{
    return column >= 0 && column < SPC_TS_NCOLUMNS ? names[column] : "?";
}

void spc_timeseries_write_csv(FILE *f, const spc_timeseries *ts)
{
    fputs("period,time,scope", f);
    for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
        fprintf(f, ",%s", names[c]);
    fputc('\n', f);
    for (size_t i = 0; i < ts->n; i++) {
        const spc_ts_row *r = &ts->rows[i];
        fprintf(f, "%ld,%.10g,%s", r->period, r->time, r->scope);
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++) {
            fputc(',', f);
            if (isfinite(r->v[c]))
                fprintf(f, "%.10g", r->v[c]);
        }
        fputc('\n', f);
    }
}
