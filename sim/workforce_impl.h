/*
 * workforce_impl.h -- the workforce's private state, shared by workforce.c
 * (people, pressure, quality, quits and hires) and workforce_report.c
 * (period reports and the summary). Nothing else includes it.
 */
#ifndef SPCSIM_WORKFORCE_IMPL_H
#define SPCSIM_WORKFORCE_IMPL_H

#include "spcsim/stats.h"
#include "spcsim/workforce.h"

typedef struct {
    int present;            /* someone holds the position */
    double s, f;            /* satisfaction (0-100), fatigue (1 = rested) */
    double t;               /* time s and f were brought up to date */
    double hired;           /* hire time: tenure = now - hired */
    double salary;          /* annual, at market pay (the pay lever scales it) */
    spc_event_id quit_ev;   /* next quit candidate */
    spc_event_id hire_ev;   /* pending hire into this vacancy */
    uint32_t id;            /* unique within the run: who holds the position */
    double c, c_obs, t_c;   /* the satisfaction mirror (M1): perceived customer
                             * satisfaction (0-100), its latest input, time */
} employee_t;

/* Per-stage tallies for the summary (one value per period after warm-up). */
enum { WF_HEAD, WF_VAC, WF_SAT, WF_SATSD, WF_TENURE, WF_PRESSURE, WF_ISQ, WF_TPO,
       WF_TURNOVER, WF_FATIGUE, WF_NTALLY };

typedef struct {
    spc_tally t[WF_NTALLY];
    double quits, hires, layoffs, cost;   /* totals after warm-up */
} wf_stats;

typedef struct {
    const spc_stage_spec *spec;
    employee_t *emp;
    uint32_t npos, target, present;
    double t0;              /* T0: mean service time at the initial standard */
    double target_delay;    /* tau_d of (W1) and (Q2) */
    spc_erosion ero;        /* Pp and Ts/T0 */
    double p, t_ero;        /* pressure input (W1) and the time ero reaches */
    double avail, mentor;   /* available capacity (W1), mentoring share (P1) */
    double isq, isq_obs, t_isq; /* (Q2) */
    double overtime;        /* person-time of overtime in the period */
    double quits, hires, layoffs, cost; /* in the period */
    spc_wf_money money;     /* since the start: wages, overtime, hires, turnover cost */
    spc_stage_totals prev;  /* chain totals at the last report */
    gsl_rng *people, *turnover, *hiring;
    wf_stats st;
} group_t;

struct spc_workforce {
    const spc_scenario *sc;
    const spc_workforce_spec *w;
    spc_chain *chain;
    spc_calendar *cal;
    group_t *g;
    size_t ng;
    spc_chain_hooks hooks;
    double h_max;           /* quit hazard at S = 0: the thinning bound */
    spc_unit_traits unit;   /* this unit's shifts (zero for a single unit) */
    spc_quit_params quit;   /* the quit law with the unit's labour-market shift */
    uint32_t next_id;
    long period;
    wf_stats company;
};

/* workforce.c */
void spc_wf_update_employee(spc_workforce *wf, group_t *g, employee_t *e, double now);
double spc_wf_productivity(const spc_workforce *wf, const group_t *g, const employee_t *e, double now);
double spc_wf_isq(const spc_workforce *wf, const group_t *g, double now);
void spc_wf_advance_pressure(spc_workforce *wf, group_t *g, double now);
void spc_wf_refresh_capacity(spc_workforce *wf, group_t *g, double now);

/* workforce_report.c */
int spc_wf_stats_init(wf_stats *s, size_t k);
void spc_wf_stats_release(wf_stats *s);

#endif
