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

int spc_story_has(const spc_timeseries *ts)
{
    for (size_t i = 0; i < ts->n; i++)
        for (int m = 0; m < SPC_STORY_MEASURES; m++)
            if (strcmp(ts->rows[i].scope, measures[m].scope) == 0 && isfinite(ts->rows[i].v[measures[m].column]))
                return 1;
    return 0;
}

static void write_row(FILE *f, const char *arm, const spc_ts_row *r, int m, double weeks_per_unit, double warmup,
                      double decision)
{
    int c = measures[m].column;
    const char *name = spc_timeseries_column(c);
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
        for (int m = 0; m < SPC_STORY_MEASURES; m++)
            for (size_t i = 0; i < arms[a].ts->n; i++) {
                const spc_ts_row *r = &arms[a].ts->rows[i];
                if (strcmp(r->scope, measures[m].scope) == 0 && isfinite(r->v[measures[m].column]))
                    write_row(f, arms[a].name, r, m, w, warmup, decision);
            }
}

void spc_story_write_replications_csv(FILE *f, const spc_story_arm *arms, size_t narms)
{
    static const char *const chain[][2] = { { "customers", "esat" }, { "customers", "csat" },
                                            { "customers", "nps" },  { "customers", "active" },
                                            { "finance", "revenue" }, { "finance", "profit" } };
    fputs("arm,replication,scope,metric,value\n", f);
    for (size_t a = 0; a < narms; a++)
        for (size_t m = 0; m < sizeof chain / sizeof chain[0]; m++)
            for (unsigned r = 0; arms[a].rep != NULL && r < arms[a].n; r++) {
                const spc_result_row *row = spc_results_find(&arms[a].rep[r], chain[m][0], chain[m][1]);
                if (row == NULL || !isfinite(row->e.mean))
                    continue;
                spc_csv_text(f, arms[a].name);
                fprintf(f, ",%u,%s,%s", r, chain[m][0], chain[m][1]);
                spc_csv_next(f, row->e.mean);
                fputc('\n', f);
            }
}
