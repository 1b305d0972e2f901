/*
 * panel.c -- rows per unit and period, and panel.csv (panel.h).
 */
#include "spcsim/panel.h"

#include <math.h>
#include <stdlib.h>

#include "spcsim/text.h"

void spc_panel_init(spc_panel *p)
{
    *p = (spc_panel){ 0 };
}

void spc_panel_release(spc_panel *p)
{
    free(p->rows);
    *p = (spc_panel){ 0 };
}

spc_panel_row *spc_panel_add(spc_panel *p, uint32_t unit, long period, double time)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 256;
        spc_panel_row *r = realloc(p->rows, cap * sizeof *r);
        if (r == NULL)
            return NULL;
        p->rows = r;
        p->cap = cap;
    }
    spc_panel_row *r = &p->rows[p->n++];
    r->unit = unit;
    r->period = period;
    r->time = time;
    for (int k = 0; k < SPC_P_NCOLUMNS; k++)
        r->v[k] = NAN;
    return r;
}

double spc_panel_growth(const spc_panel *p, size_t i, long per_year)
{
    if (per_year <= 0 || (size_t)per_year > i)
        return NAN;
    const spc_panel_row *a = &p->rows[i - (size_t)per_year], *b = &p->rows[i];
    if (a->unit != b->unit || b->period - a->period != per_year || !(a->v[SPC_P_REVENUE] > 0))
        return NAN;
    return 100.0 * (b->v[SPC_P_REVENUE] / a->v[SPC_P_REVENUE] - 1.0);
}

void spc_panel_write_csv(FILE *f, const spc_panel *reps, unsigned n, long per_year)
{
    fputs("replication,unit,period,time,esat,csat,impression,nps,turnover_annual,retention,active,"
          "revenue,profit,revenue_growth,productivity\n", f);
    for (unsigned k = 0; k < n; k++)
        for (size_t i = 0; i < reps[k].n; i++) {
            const spc_panel_row *r = &reps[k].rows[i];
            fprintf(f, "%u,%u,%ld", k, r->unit, r->period);
            spc_csv_next(f, r->time);
            for (int c = 0; c < SPC_P_PRODUCTIVITY; c++)
                spc_csv_next(f, r->v[c]);
            spc_csv_next(f, spc_panel_growth(&reps[k], i, per_year));
            spc_csv_next(f, r->v[SPC_P_PRODUCTIVITY]); /* last: added after revenue_growth */
            fputc('\n', f);
        }
}
