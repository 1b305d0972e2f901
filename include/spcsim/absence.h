/*
 * absence.h -- absenteeism: employees who stay away for a day.
 *
 * Every `every` (default one day) the workforce takes a roll call: each
 * employee is away until the next roll call with probability
 *
 *   p(S, F) = o / (1 + o),  o = b/(1 - b) e^(a_F (F - 1) - a_S (S - mu)/sigma)     (AB1)
 *
 * a logistic law in log-odds (docs/model.md, "Absenteeism"): b is the daily
 * probability of an employee with reference satisfaction mu who is rested
 * (F = 1); each unit of fatigue above 1 adds a_F to the log-odds, and each
 * standard deviation sigma of satisfaction below mu adds a_S (mu and sigma
 * are the turnover law's, so S is standardised the same way for quits and
 * for absences). An absent employee keeps the job but does not serve: the
 * position counts as vacant for the chain's capacity and for the available
 * capacity of (W1) until the employee returns. One who falls absent while
 * serving finishes that order first.
 *
 * Draws: one uniform per present employee per roll call, in position order,
 * from the stage's SPC_STREAM_ABSENCE stream. With the absence group absent
 * from the scenario nothing is drawn or scheduled, so runs are unchanged.
 */
#ifndef SPCSIM_ABSENCE_H
#define SPCSIM_ABSENCE_H

#include "spcsim/error.h"
#include "spcsim/scenario.h" /* spc_absence_params, spc_quit_params */

/* (AB1); q supplies mu and sigma. */
double spc_absence_probability(double s, double f, const spc_absence_params *a, const spc_quit_params *q);

/* ---- the mechanism, inside the workforce (sim/model/absence.c) ---- */

struct spc_workforce;

/* Event SPC_EV_ABSENCE: the roll call of every stage at `now`; schedules
 * the next one while absence is on. */
spc_status spc_absence_roll_call(struct spc_workforce *wf, double now, spc_error *err);

#endif
