/*
 * timeseries.h -- one row per reporting period and scope: the data behind
 * timeseries.csv. Columns are fixed (SPC_TS_*), values are doubles (NaN
 * when a value does not exist, e.g. a mean over no employees).
 *
 * Some columns belong to mechanisms that may be off (absenteeism): such an
 * optional column (marked in timeseries.c) is written only when some row
 * has a value in it, so a scenario without the mechanism gives the same
 * file as before the mechanism existed.
 */
#ifndef SPCSIM_TIMESERIES_H
#define SPCSIM_TIMESERIES_H

#include <stddef.h>
#include <stdio.h>

enum spc_ts_column {
    SPC_TS_HEADCOUNT, SPC_TS_VACANCIES, SPC_TS_SATISFACTION, SPC_TS_SATISFACTION_SD,
    SPC_TS_FATIGUE, SPC_TS_TENURE, SPC_TS_PRODUCTIVITY, SPC_TS_PRESSURE, SPC_TS_TIME_PER_ORDER,
    SPC_TS_STANDARD, SPC_TS_ISQ, SPC_TS_QUITS, SPC_TS_HIRES, SPC_TS_LAYOFFS, SPC_TS_ERRORS,
    SPC_TS_CAUGHT, SPC_TS_REWORK, SPC_TS_ESCAPED, SPC_TS_COMPLETED, SPC_TS_UTILIZATION,
    SPC_TS_WAIT_MEAN, SPC_TS_OVERTIME, SPC_TS_TURNOVER_COST, SPC_TS_LEAD_TIME,
    SPC_TS_ABSENCES, /* optional: absence.c */
    SPC_TS_REPUTATION, /* optional: employer reputation (ER2), company rows */
    /* customers */
    SPC_TS_ESAT, SPC_TS_CSAT, SPC_TS_SCORE, SPC_TS_NPS, SPC_TS_IMPRESSION, SPC_TS_RESPONSES,
    SPC_TS_ACTIVE, SPC_TS_ACQUIRED, SPC_TS_REFERRALS, SPC_TS_CHURNED, SPC_TS_RETENTION,
    SPC_TS_ENCOUNTERS, SPC_TS_ABANDONMENT, SPC_TS_AFTERSALE, SPC_TS_TURNOVER_ANNUAL,
    SPC_TS_FAULTY,  /* optional: product quality (PQ1) */
    SPC_TS_REVIEWS, SPC_TS_RATING, /* optional: public reviews (R1)-(R4) */
    SPC_TS_COMPETITOR_LEAD, SPC_TS_WON_BACK, /* optional: a competitor (CP1)-(CP4) */
    SPC_TS_AWARENESS,  /* optional: transparency (TR3), late orders told in time */
    SPC_TS_PROACTIVE,  /* optional: accessibility (AC1), problems reached first */
    /* optional: the standards scorecard (SC1)-(SC5), on the customers rows */
    SPC_TS_SC_SPEED, SPC_TS_SC_ACCURACY, SPC_TS_SC_TRANSPARENCY, SPC_TS_SC_ACCESSIBILITY,
    SPC_TS_SC_OUTPUT, SPC_TS_SC_ERRORS,
    SPC_TS_CONTACTS, SPC_TS_SELF_RESOLVED, SPC_TS_ESCALATIONS, SPC_TS_GAVE_UP, /* optional: channels (CH1)-(CH5) */
    SPC_TS_SC_FCR, /* optional: the scorecard's first-contact resolution (SC4), with channels */
    /* finance */
    SPC_TS_REVENUE, SPC_TS_REVENUE_ORDERS, SPC_TS_REVENUE_SERVICES, SPC_TS_COGS, SPC_TS_WAGES,
    SPC_TS_OVERTIME_PAY, SPC_TS_HIRING_COST, SPC_TS_REWORK_COST, SPC_TS_REFUNDS,
    SPC_TS_ACQUISITION_COST, SPC_TS_PROGRAMME_COST, SPC_TS_FIXED_COST, SPC_TS_CONTACT_COST, SPC_TS_CHANNEL_COST,
    SPC_TS_COSTS, SPC_TS_PROFIT, SPC_TS_MARGIN,
    /* optional: management by level (MG1)-(MG6); the stage rows get the staffing target */
    SPC_TS_MG_LEAD_SEEN, SPC_TS_MG_UTIL_SEEN, SPC_TS_MG_ESAT_SEEN, SPC_TS_MG_CSAT_SEEN, SPC_TS_MG_TARGET,
    SPC_TS_MG_STAFFING, SPC_TS_MG_PAY, SPC_TS_MG_TRAINING, SPC_TS_MG_DECISIONS,
    SPC_TS_NCOLUMNS
};

typedef struct {
    long period;
    double time;
    char scope[64];
    double v[SPC_TS_NCOLUMNS];       /* the value, or the mean over replications */
    double lo[SPC_TS_NCOLUMNS];      /* its 95% interval over replications (NaN for one) */
    double hi[SPC_TS_NCOLUMNS];
    double n[SPC_TS_NCOLUMNS];       /* replications behind v (0 in a replication's own row: one) */
} spc_ts_row;

typedef struct {
    spc_ts_row *rows;
    size_t n, cap;
} spc_timeseries;

void spc_timeseries_init(spc_timeseries *ts);
void spc_timeseries_release(spc_timeseries *ts);
/* A new row with every value NaN; NULL when out of memory. */
spc_ts_row *spc_timeseries_add(spc_timeseries *ts, long period, double time, const char *scope);
/* The column's name in timeseries.csv. */
const char *spc_timeseries_column(int column);
/* Writes the CSV: period,time,scope, then each column followed by its
 * <column>_ci95_low and <column>_ci95_high (empty for a single run);
 * optional columns only when some row has a value in them. */
void spc_timeseries_write_csv(FILE *f, const spc_timeseries *ts);

/* timeseries_long.csv: the same numbers in long (tidy) form, one line per
 * period, scope and metric with a value:
 *   period,time,time_unit,weeks,scope,metric,unit,mean,ci95_low,ci95_high,n
 * time in the scenario's unit (unit_seconds seconds each) and in weeks,
 * unit from metricinfo.h (per period for a flow). */
void spc_timeseries_write_long_csv(FILE *f, const spc_timeseries *ts, const char *time_unit, double unit_seconds);

/* Combines n replications' aligned rows into means and Student-t 95%
 * intervals, narrowed to the metric's bounds (metricinfo.h: a count's
 * interval never goes below 0); with n = 1 a copy. Returns 0, or -1 when out of memory or
 * when the replications' rows do not align. */
int spc_timeseries_combine(const spc_timeseries *rep, unsigned n, spc_timeseries *out);

#endif
