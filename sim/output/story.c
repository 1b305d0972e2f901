/*
 * story.c -- story.csv and arm_replications.csv (see story.h): the rows of
 * the chain's measures cut from each arm's time series and replication
 * tables, labels and units from metricinfo.h.
 */
#include "spcsim/story.h"

#include <math.h>
#include <string.h>

#include "spcsim/metricinfo.h"
#include "spcsim/text.h"

static const struct {
    const char *scope;
    int column;
} measures[SPC_STORY_MEASURES] = {
    { "customers", SPC_TS_ESAT }, { "customers", SPC_TS_CSAT }, { "customers", SPC_TS_ACTIVE },
    { "finance", SPC_TS_PROFIT },
};

static int has(const spc_timeseries *ts, const char *scope, int column)
{
    for (size_t i = 0; i < ts->n; i++)
        if (strcmp(ts->rows[i].scope, scope) == 0 && isfinite(ts->rows[i].v[column]))
            return 1;
    return 0;
}

/* Where measure m comes from: its row, or for ESAT without customers the
 * company's satisfaction (the same quantity, model.md 9.11). */
static void source(const spc_timeseries *ts, int m, const char **scope, int *column)
{
    *scope = measures[m].scope;
    *column = measures[m].column;
    if (m == 0 && !has(ts, *scope, *column)) {
        *scope = "company";
        *column = SPC_TS_SATISFACTION;
    }
}

int spc_story_has(const spc_timeseries *ts)
{
    for (int m = 0; m < SPC_STORY_MEASURES; m++) {
        const char *scope;
        int c;
        source(ts, m, &scope, &c);
        if (has(ts, scope, c))
            return 1;
    }
    return 0;
}

static void write_row(FILE *f, const char *arm, const spc_ts_row *r, int m, int c, double weeks_per_unit,
                      double warmup, double decision)
{
    const char *name = spc_timeseries_column(measures[m].column); /* "esat" also from the company's row */
    const spc_metric_info *mi = spc_metricinfo_find(measures[m].scope, name);
    char unit[96];
    spc_csv_text(f, arm);
    fprintf(f, ",%ld,%.10g,%s,", r->period, r->time * weeks_per_unit, name);
    spc_csv_text(f, mi != NULL ? mi->label : name);
    fputc(',', f);
    spc_csv_text(f, spc_metricinfo_unit(mi, SPC_MI_PERIOD, NULL, unit, sizeof unit));
    spc_csv_interval(f, r->v[c], r->lo[c], r->hi[c]);
    spc_csv_next(f, warmup * weeks_per_unit);
    spc_csv_next(f, decision * weeks_per_unit);
    fputc('\n', f);
}

void spc_story_write_csv(FILE *f, const spc_story_arm *arms, size_t narms, double unit_seconds, double warmup,
                         double decision)
{
    double w = unit_seconds / 604800.0;
    fputs("arm,period,weeks,metric,label,unit,mean,ci95_low,ci95_high,warmup_weeks,decision_weeks\n", f);
    for (size_t a = 0; a < narms; a++)
        for (int m = 0; m < SPC_STORY_MEASURES; m++) {
            const char *scope;
            int c;
            source(arms[a].ts, m, &scope, &c);
            for (size_t i = 0; i < arms[a].ts->n; i++) {
                const spc_ts_row *r = &arms[a].ts->rows[i];
                if (strcmp(r->scope, scope) == 0 && isfinite(r->v[c]))
                    write_row(f, arms[a].name, r, m, c, w, warmup, decision);
            }
        }
}

static const char *const dist[][2] = {
    { "customers", "esat" }, { "customers", "csat" }, { "customers", "nps" }, { "customers", "active" },
    { "finance", "revenue" }, { "finance", "profit" },
    { "company", "satisfaction_mean" }, { "company", "turnover_annual" }, { "company", "headcount_mean" },
    { "system", "lead_time_mean" }, { "system", "throughput" }, { "system", "escaped_defects" },
};

int spc_story_dist_measure(size_t i, const char **scope, const char **metric)
{
    if (i >= sizeof dist / sizeof dist[0])
        return 0;
    *scope = dist[i][0];
    *metric = dist[i][1];
    return 1;
}

void spc_story_write_replications_csv(FILE *f, const spc_story_arm *arms, size_t narms)
{
    fputs("arm,replication,scope,metric,value\n", f);
    for (size_t a = 0; a < narms; a++)
        for (size_t m = 0; m < sizeof dist / sizeof dist[0]; m++)
            for (unsigned r = 0; arms[a].rep != NULL && r < arms[a].n; r++) {
                const spc_result_row *row = spc_results_find(&arms[a].rep[r], dist[m][0], dist[m][1]);
                if (row == NULL || !isfinite(row->e.mean))
                    continue;
                spc_csv_text(f, arms[a].name);
                fprintf(f, ",%u,%s,%s", r, dist[m][0], dist[m][1]);
                spc_csv_next(f, row->e.mean);
                fputc('\n', f);
            }
}

size_t spc_story_arms(const spc_csvtable *t, const char **arm, size_t max)
{
    int ac = spc_csvtable_column(t, "arm");
    size_t n = 0;
    if (ac < 0) {
        if (max > 0)
            arm[n++] = "";
        return n;
    }
    for (size_t r = 0; r < t->nrows; r++) {
        const char *a = spc_csvtable_get(t, r, ac);
        size_t j = 0;
        while (j < n && strcmp(arm[j], a) != 0)
            j++;
        if (j == n && n < max)
            arm[n++] = a;
    }
    return n;
}

size_t spc_story_values(const spc_csvtable *t, const char *arm, const char *scope, const char *metric, double *x,
                        size_t max)
{
    int ac = spc_csvtable_column(t, "arm"), sc = spc_csvtable_column(t, "scope");
    int mc = spc_csvtable_column(t, "metric"), vc = spc_csvtable_column(t, "value");
    size_t n = 0;
    for (size_t r = 0; r < t->nrows && n < max; r++) {
        double v = spc_csvtable_num(t, r, vc);
        if ((ac < 0 || strcmp(spc_csvtable_get(t, r, ac), arm) == 0) &&
            strcmp(spc_csvtable_get(t, r, sc), scope) == 0 && strcmp(spc_csvtable_get(t, r, mc), metric) == 0 &&
            isfinite(v))
            x[n++] = v;
    }
    return n;
}
