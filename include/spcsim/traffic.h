/*
 * traffic.h -- the chain's traffic equations, from theory.
 *
 * For an open network with external arrival rate gamma into the entry stage
 * and routing probabilities P[i][j], the total arrival rate of each stage
 * solves  lambda_j = gamma_j + sum_i lambda_i P[i][j]  (Jackson 1957), i.e.
 * (I - P^T) lambda = gamma. Stage j's offered load is
 *   rho_j = lambda_j E[S_j] / c_j,
 * and the stage is unstable (its queue grows without bound) when rho_j >= 1.
 * Blocking is ignored: these are the loads offered, not those carried.
 */
#ifndef SPCSIM_TRAFFIC_H
#define SPCSIM_TRAFFIC_H

#include "spcsim/scenario.h"

/* Fills lambda[nstages] and rho[nstages] from the mean external rate.
 * Returns 0, -1 when out of memory, 1 when orders can never leave
 * (I - P^T is singular: a routing loop without exit). */
int spc_traffic_solve(const spc_scenario *sc, double *lambda, double *rho);

#endif
