/*
 * panel.h -- one row per unit and period: the data behind panel.csv, the
 * kind of data Sears analysed across its stores.
 */
#ifndef SPCSIM_PANEL_H
#define SPCSIM_PANEL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum spc_panel_column {
    SPC_P_ESAT, SPC_P_CSAT, SPC_P_IMPRESSION, SPC_P_NPS, SPC_P_TURNOVER, SPC_P_RETENTION,
    SPC_P_ACTIVE, SPC_P_REVENUE, SPC_P_PROFIT,
    SPC_P_PRODUCTIVITY,     /* revenue per paid person-hour of the period: filled
                               positions x time, in hours (NaN without a workforce) */
    SPC_P_NCOLUMNS
};

typedef struct {
    uint32_t unit;
    long period;
    double time;
    double v[SPC_P_NCOLUMNS];
} spc_panel_row;

typedef struct {
    spc_panel_row *rows;
    size_t n, cap;
} spc_panel;

void spc_panel_init(spc_panel *p);
void spc_panel_release(spc_panel *p);
/* A new row (values NaN); NULL when out of memory. */
spc_panel_row *spc_panel_add(spc_panel *p, uint32_t unit, long period, double time);

/* Year-over-year % growth of the revenue of row i: against the same unit's
 * row `per_year` periods earlier; NaN when there is none. Rows are in unit,
 * then period order. */
double spc_panel_growth(const spc_panel *p, size_t i, long per_year);

/* panel.csv: replication,unit,period,time,esat,csat,impression,nps,
 * turnover_annual,retention,active,revenue,profit,revenue_growth,
 * productivity, for n replications' panels. */
void spc_panel_write_csv(FILE *f, const spc_panel *reps, unsigned n, long per_year);

#endif
