/*
 * erosion_eq.h -- work pressure, time per order and the eroding standard
 * (after Oliva and Sterman, Management Science 2001), as pure functions.
 *
 * State of a stage: perceived pressure Pp and the standard Ts (time per order
 * the stage considers normal), both relative to the initial standard T0.
 *
 *   perceived pressure    dPp/dt = (p - Pp) / tau_p                           (W2)
 *   time per order        T = Ts clamp(Pp^alpha, f_min, f_max)                (W3)
 *   standard              dTs/dt = (T - Ts) / tau,  tau = tau_down if T < Ts  (W4)
 *                                                   tau_up   otherwise
 *
 * with p the work pressure (W1, computed by the workforce module) and alpha
 * the elasticity of time per order to pressure (-0.64). With f_max = 1
 * (the default) people never take longer than the standard, so once the
 * standard has eroded, time per order stays low even without pressure. Between two events
 * p is constant: Pp follows (W2) exactly; Ts is advanced with the trapezoid
 * rule on ln Ts over the same interval, in sub-steps of at most tau_p/20, so
 * the result does not depend on how often events happen; after 4096 of
 * them (204.8 tau_p) Pp has reached p and the rest is one exact step.
 */
#ifndef SPCSIM_EROSION_EQ_H
#define SPCSIM_EROSION_EQ_H

#include "spcsim/scenario.h" /* spc_erosion_params */

typedef struct {
    double perceived;   /* Pp */
    double standard;    /* Ts / T0 */
} spc_erosion;

/* (W3): time per order relative to T0. */
double spc_erosion_time_per_order(const spc_erosion *e, const spc_erosion_params *p);

/* Advances the state over dt with pressure p held constant. */
void spc_erosion_advance(spc_erosion *e, const spc_erosion_params *prm, double p, double dt);

#endif
