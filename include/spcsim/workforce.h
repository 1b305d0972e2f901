/*
 * workforce.h -- the employees of every stage and the internal customer chain.
 *
 * The servers of each stage become employees with their own satisfaction,
 * fatigue, tenure and salary. Through the chain's hooks the workforce sets
 * each service time (time per order, learning, fatigue) and error
 * probability, hears how well each stage is served by the one before it
 * (internal service quality), and tracks each stage's work pressure and its
 * eroding standard. It schedules quits (by thinning a satisfaction-dependent
 * hazard) and hires on the calendar, and reports every period.
 *
 * Equations: docs/model.md, "Workforce"; each function names the equation
 * it implements.
 */
#ifndef SPCSIM_WORKFORCE_H
#define SPCSIM_WORKFORCE_H

#include <gsl/gsl_rng.h>

#include "spcsim/calendar.h"
#include "spcsim/chain.h"
#include "spcsim/emplog.h"
#include "spcsim/error.h"
#include "spcsim/pathways.h"
#include "spcsim/results.h"
#include "spcsim/scenario.h"
#include "spcsim/timeseries.h"
#include "spcsim/trace.h"

typedef struct spc_workforce spc_workforce;

/* What makes one unit of a company differ (docs/model.md, "Units"). */
typedef struct {
    double s_shift;     /* added to employees' base satisfaction S0, points */
    double a_shift;     /* added to the quit intercept a */
} spc_unit_traits;

/* Money the workforce cost since the start of the run. */
typedef struct {
    double wages;       /* salaries for the time people were present */
    double overtime;    /* overtime hours at the base rate (premium not included) */
    double hires;       /* people hired */
    double turnover;    /* turnover cost of quits (share of salary) */
    double person_time; /* time people were present, summed over people */
    double programmes;  /* recognition programme: cost x lever x person-years, with the
                         * lever and cost in force at each moment (L1) */
} spc_wf_money;

/* Staffs the chain's positions with initial employees and installs the
 * chain's hooks. NULL on error. */
spc_workforce *spc_workforce_alloc(const spc_scenario *sc, spc_chain *chain, spc_calendar *cal,
                                   const gsl_rng_type *type, uint64_t stream_key,
                                   const spc_unit_traits *unit, spc_error *err);
void spc_workforce_free(spc_workforce *wf);

/* Where quits, hires, layoffs and absences are logged (NULL: nowhere). */
void spc_workforce_set_trace(spc_workforce *wf, spc_trace *tr);

/* Events of kind SPC_EV_QUIT_CHECK and SPC_EV_HIRE. */
spc_status spc_workforce_quit_check(spc_workforce *wf, uint32_t stage, uint32_t pos, double now, spc_error *err);
spc_status spc_workforce_hire(spc_workforce *wf, uint32_t stage, uint32_t pos, double now, spc_error *err);

/* Who holds position pos of stage now, and the satisfaction the courtesy
 * and recovery pathways read (pathways.h); id UINT32_MAX when vacant. */
void spc_workforce_meet(spc_workforce *wf, uint32_t stage, uint32_t pos, double now, spc_staff_view *v);

/* Where the rows of employees.csv go (NULL: nowhere), tagged with unit.
 * Set before the first event; rows are closed by spc_workforce_collect. */
void spc_workforce_set_log(spc_workforce *wf, spc_emplog *log, uint32_t unit);

/* The satisfaction mirror (M1): employee `id`, if still at pos, served a
 * customer whose satisfaction is now u (0-10). */
void spc_workforce_mirror(spc_workforce *wf, uint32_t stage, uint32_t pos, uint32_t id, double u, double now);

/* Totals since the start of the run, brought up to now. */
void spc_workforce_money(spc_workforce *wf, double now, spc_wf_money *out);

/* An intervention: switch to another validated state of the scenario. */
spc_status spc_workforce_apply(spc_workforce *wf, const spc_scenario *state, double now, spc_error *err);

/* End of a reporting period: a row per stage and one for the company. */
spc_status spc_workforce_report(spc_workforce *wf, double now, spc_timeseries *ts, spc_error *err);

/* End of a period of length dt: its ESAT and CSAT (NaN when there is none)
 * update the employer reputation (ER1)-(ER2), when it is on. */
void spc_workforce_reputation(spc_workforce *wf, double esat, double csat, double dt);

/* The reputation index rho now; NaN when reputation was never on. */
double spc_workforce_reputation_index(const spc_workforce *wf);

/* Warm-up: restart the statistics the summary reports. */
void spc_workforce_start_stats(spc_workforce *wf, double now);

/* Tests: whether every stage's kept sums of the mentoring load and the
 * capacity (CR1) equal a recomputation from their terms; SPC_ERR_INTERNAL
 * when not. O(n). */
spc_status spc_workforce_check_sums(const spc_workforce *wf, spc_error *err);

/* Appends the workforce metrics of every stage and of the company. */
spc_status spc_workforce_collect(spc_workforce *wf, double now, spc_results *out, spc_error *err);

#endif
