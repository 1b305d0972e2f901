/*
 * uncertain.h -- parameter uncertainty in a run (spcsim run --uncertain):
 * the assumptions the scenario uses drawn from their plausible ranges, one
 * draw per replication, so that the across-replication intervals hold the
 * uncertainty of those settings as well as the simulation's noise.
 *
 * Which settings and ranges: those given (--param, --params-from), else
 * those of spcsim sensitivity's default set
 * (spc_sens_params_default, sensrun.h): every number declared with an
 * "assumption" source that the scenario uses, over its plausible range
 * around the scenario's value. Replication i draws each independently and
 * uniformly on its range, in the declaration table's order, from a
 * generator of its own seeded from (seed, i, SPC_UNCERTAIN_STREAM) -- a
 * stream apart from every stream of the model, so the model's own random
 * numbers in replication i are those of a run without --uncertain, and the
 * same seed gives the same draws on any number of threads.
 */
#ifndef SPCSIM_UNCERTAIN_H
#define SPCSIM_UNCERTAIN_H

#include <stdio.h>

#include "spcsim/scenario.h"
#include "spcsim/sensrun.h"

/* Family 0 of rng.h's SPC_STREAM: never one of the model's streams. */
#define SPC_UNCERTAIN_STREAM 0x5e46ULL

typedef struct {
    spc_sens_param *param;  /* k settings and their ranges (owned) */
    size_t k;
    unsigned n;             /* replications */
    double *x;              /* n x k: replication i's values */
    spc_scenario **sc;      /* n: the scenario with replication i's values (owned) */
} spc_uncertain;

/* Draws n replications' values for base (loaded from base->path with
 * sets[0..nsets)) and loads each replication's scenario with the same
 * overrides and then its values. The settings: u->param[0..k) when the
 * caller filled them before (as --param PATH=LOW:HIGH, sensrun.h; u then
 * owns them), else the default set. Errors: SPC_ERR_USAGE when the
 * scenario uses no assumption; those of loading (a drawn value the
 * scenario refuses). Release u also after an error. */
spc_status spc_uncertain_draw(const spc_scenario *base, const char *const *sets, size_t nsets, unsigned n,
                              spc_uncertain *u, spc_error *err);
void spc_uncertain_release(spc_uncertain *u);

/* uncertain.csv: replication, then one column per setting (its value). */
void spc_uncertain_write_csv(FILE *f, const spc_uncertain *u);

#endif
