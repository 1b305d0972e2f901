/*
 * workforce_impl.h -- the workforce's private state, shared by workforce.c
 * (people, pressure, quality, quits and hires), workforce_report.c
 * (period reports and the summary) and absence.c (absenteeism). Nothing
 * else includes it.
 */
#ifndef SPCSIM_WORKFORCE_IMPL_H
#define SPCSIM_WORKFORCE_IMPL_H

#include "spcsim/reputation.h"
#include "spcsim/absence.h"
#include "spcsim/emplog.h"
#include "spcsim/employee_eq.h"
#include "spcsim/erosion_eq.h"
#include "spcsim/stats.h"
#include "spcsim/sum_tree.h"
#include "spcsim/workforce.h"

typedef struct {
    int present;            /* someone holds the position */
    double absent_until;    /* absence.c: away until then; 0: at work (and when vacant) */
    double s, f;            /* satisfaction (0-100), fatigue (1 = rested) */
    double t;               /* time s and f were brought up to date */
    double hired;           /* hire time: tenure = now - hired */
    double t_cap;           /* when its terms of m and A were taken (CR1) */
    double salary;          /* annual, at market pay (the pay lever scales it) */
    spc_event_id quit_ev;   /* next quit candidate */
    spc_event_id hire_ev;   /* pending hire into this vacancy */
    uint32_t id;            /* unique within the run: who holds the position */
    double c, c_obs, t_c;   /* the satisfaction mirror (M1): perceived customer
                             * satisfaction (0-100), its latest input, time */
    double fit, skill;      /* persistent traits drawn at hire (H1), (H2) */
    double s_cf;            /* satisfaction without the lever changes (V0); kept
                             * only when the run has a blind pathway (track_cf) */
    /* what the state at t implies (LZ1), valid while drv_epoch == the
     * workforce's epoch (an update sets it to 0): the employee's factors
     * of productivity (P1) (learning, fatigue, skill, speed), fatigue's
     * phi(F), the base error probability e0 and the accuracy factor (Q1) */
    double prod, phi, e0, acc;
    uint64_t drv_epoch;
    /* the open row of employees.csv (workforce_log.c) */
    int row_open;
    uint32_t row_year;
    double row_t0, row_s0, row_int, row_tenure, log_t;
} employee_t;

/* Per-stage tallies for the summary (one value per period after warm-up). */
enum { WF_HEAD, WF_VAC, WF_SAT, WF_SATSD, WF_TENURE, WF_PRESSURE, WF_ISQ, WF_TPO,
       WF_TURNOVER, WF_FATIGUE, WF_NTALLY };

typedef struct {
    spc_tally t[WF_NTALLY];
    double quits, hires, layoffs, cost;   /* totals after warm-up */
} wf_stats;

/* absence.c: the absences of a stage (or, without a stream, the company). */
typedef struct {
    gsl_rng *rng;           /* SPC_STREAM_ABSENCE of the stage; NULL for the company */
    double period;          /* employees found away at roll calls in the period */
    double total;           /* the same, after warm-up */
    spc_tally rate;         /* per employee and roll call after warm-up: 1 away, 0 at work */
} absence_t;

typedef struct {
    const spc_stage_spec *spec;
    employee_t *emp;
    uint32_t npos, target, present;
    double t0;              /* T0: mean service time at the initial standard */
    double target_delay;    /* tau_d of (W1) and (Q2) */
    spc_erosion ero;        /* Pp and Ts/T0 */
    double p, t_ero;        /* pressure input (W1) and the time ero reaches */
    double p_int, t_p;      /* integral of p over [t_ero, t_p] (LZ1) */
    double tpo;             /* (W3) time per order T/T0 at ero */
    double avail, mentor;   /* available capacity (W1), mentoring share (P1) */
    /* per position, as of its holder's last capacity refresh or hire (0 when
     * vacant): the learning gap (1 - pi(tenure))/(1 - pi0) of m (P1), and the
     * employee's factors of pi_e when at work; a hire or a departure changes
     * its own terms, O(log n) (CR1) */
    spc_sum_tree load, prod;
    double isq, isq_obs, t_isq; /* (Q2) */
    double overtime;        /* person-time of overtime in the period */
    double quits, hires, layoffs, cost; /* in the period */
    spc_wf_money money;     /* since the start: wages, overtime, hires, turnover cost */
    spc_stage_totals prev;  /* chain totals at the last report */
    gsl_rng *people, *turnover, *hiring;
    wf_stats st;
    absence_t ab;
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
    absence_t ab;           /* the company's absences */
    spc_event_id roll_call; /* the pending SPC_EV_ABSENCE, 0 if none */
    int absence_used;       /* absence was on at some time of the run */
    spc_trace *trace;       /* NULL: not traced */
    double lever0[3];       /* pay, recognition, training hours at the start (V0) */
    int track_cf;           /* some state of the run has a blind pathway: keep s_cf */
    double h_other;         /* hazard of leaving for another reason (T3) */
    spc_emplog *log;        /* NULL, or where employees.csv rows go */
    size_t log_first;       /* this run's first row in it */
    uint32_t unit_index;    /* the unit the rows are tagged with */
    double rep;             /* employer reputation index rho (ER2); 0 at the start */
    double ln_pay;          /* ln(pay) of the state in force, for (S1) */
    double eps0_train;      /* eps0 e^(-k (H - H_ref)) of the state in force, for (Q1) */
    double training;        /* (1 - H/Hw)/(1 - H_ref/Hw) of the state in force, for (P1) */
    int rep_used;           /* reputation was on at some time of the run */
    uint64_t epoch;         /* bumped when the levers or pathways change (LZ1) */
};

/* workforce.c */
spc_reputation_params spc_wf_reputation_params(const spc_workforce_spec *w);
/* A trace line about the employee at pos of g (call only with wf->trace set). */
void spc_wf_trace(const spc_workforce *wf, spc_trace_kind kind, const group_t *g, uint32_t pos, double now,
                  const char *what);
/* (LZ1): the update functions bring a stock to now; the touch functions do
 * so only when at least the step delta has passed since its last update. */
void spc_wf_update_employee(spc_workforce *wf, group_t *g, employee_t *e, double now);
void spc_wf_touch_employee(spc_workforce *wf, group_t *g, employee_t *e, double now);
/* (P1) of e at its last update */
double spc_wf_productivity(const spc_workforce *wf, const group_t *g, employee_t *e);
double spc_wf_isq(const spc_workforce *wf, const group_t *g, double now);
void spc_wf_advance_pressure(spc_workforce *wf, group_t *g, double now);
void spc_wf_touch_pressure(spc_workforce *wf, group_t *g, double now);
/* (CR1): every present employee brought up to date and its terms of m and A
 * taken afresh (roll calls, period ends, interventions, t = 0): O(n). */
void spc_wf_refresh_capacity(spc_workforce *wf, group_t *g, double now);
/* (CR1): the terms of position pos alone taken afresh (after a hire or a
 * departure there), then m, A and p: O(log n). */
void spc_wf_refresh_position(spc_workforce *wf, group_t *g, uint32_t pos, double now);
/* The satisfaction pathway p reads for e: S, or S_cf when blind; the
 * reference mu when p is off (V0). */
double spc_wf_pathway_s(const spc_workforce *wf, const employee_t *e, spc_pathway p);

/* workforce_log.c: rows of employees.csv (all no-ops without wf->log) */
/* Accounts e's satisfaction path from t0 (value s0, target s_star) to t1. */
void spc_wf_log_path(spc_workforce *wf, const group_t *g, employee_t *e, double t0, double s0, double s_star,
                     double t1);
void spc_wf_log_hire(spc_workforce *wf, employee_t *e, double now);
/* e leaves at now (brought up to date): closes its row. */
int spc_wf_log_leave(spc_workforce *wf, const group_t *g, employee_t *e, double now, int quit, int other);
/* End of the run: every open row closed at now (rows then sorted). */
int spc_wf_log_finish(spc_workforce *wf, double now);
/* (S1) for e at now with the levers lev (pay, recognition, training hours). */
double spc_wf_s_target(const spc_workforce *wf, const group_t *g, const employee_t *e, double now,
                       const double lev[3]);

/* workforce_report.c */
int spc_wf_stats_init(wf_stats *s, size_t k);
void spc_wf_stats_release(wf_stats *s);

/* absence.c (the event and the equation are in spcsim/absence.h) */
/* Whether an employee is at work, not away on absence. */
static inline int spc_absence_at_work(const employee_t *e, double now) { return !(e->absent_until > now); }
/* stage: the stage index whose stream to allocate, or -1 for the company. */
int spc_absence_init(absence_t *a, const spc_scenario *sc, const gsl_rng_type *type, unsigned rep, long stage);
void spc_absence_release(absence_t *a);
/* Set-up and interventions: starts the roll calls if absence is on. */
spc_status spc_absence_start(spc_workforce *wf, double now, spc_error *err);
void spc_absence_start_stats(spc_workforce *wf);
/* Fills the absences column of the period's stage rows and company row. */
void spc_absence_report(spc_workforce *wf, spc_ts_row *stage_rows, spc_ts_row *company);
/* Summary rows absences and absence_rate, when absence was on. Returns 0 or -1. */
int spc_absence_collect(const spc_workforce *wf, spc_results *out);

#endif
