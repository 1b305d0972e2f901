/*
 * scenario_levers.h -- the levers of the classroom page (spcsim serve):
 * which settings a trainer may move, with their labels, units and ranges,
 * and the scenario a page's choice makes.
 *
 * A scenario declares them in a `levers` list (read and checked with the
 * rest of the scenario, scenario_levers.c):
 *
 *   levers = (
 *     { path = "stages.[0].servers"; label = "Pickers"; unit = "people";
 *       min = 12.0; max = 36.0; step = 1.0; },
 *     { path = "decision"; label = "Decision week"; unit = "week";
 *       min = 0.0; max = 100.0; step = 1.0; }
 *   );
 *
 * Without one, spc_levers_defaults gives the page's defaults: the staffing
 * of each stage, and with a workforce its training hours, pay and
 * recognition, and the decision week.
 *
 * A choice of values becomes one more intervention at the decision week
 * (spc_levers_assignment), applied like --set and validated like any
 * intervention, so a value the scenario reader refuses is refused with the
 * reader's message.
 */
#ifndef SPCSIM_SCENARIO_LEVERS_H
#define SPCSIM_SCENARIO_LEVERS_H

#include <stddef.h>

#include "spcsim/error.h"
#include "spcsim/scenario.h"

#define SPC_LEVERS_MAX 32          /* entries of a `levers` list */
#define SPC_LEVERS_DECISION "decision"
#define SPC_LEVER_TEXT_MAX 80      /* characters of a label or a unit */

/* Frees n levers (NULL accepted). */
void spc_levers_free(spc_scenario_lever *lv, size_t n);

/* The scenario's levers, copied: its `levers` list, or the defaults
 * (always a decision lever). *out is the caller's (spc_levers_free). */
spc_status spc_levers_defaults(const spc_scenario *sc, spc_scenario_lever **out, size_t *n, spc_error *err);

/* The lever's value in sc at time 0 (the decision week: the first
 * intervention's, else 3/8 of the horizon, in whole weeks). */
double spc_levers_value(const spc_scenario *sc, const spc_scenario_lever *lv);

/* Whether v is a value of the lever: finite, inside [min, max], and for a
 * whole-number setting whole. 0, or -1 with err saying why. */
int spc_levers_check(const spc_scenario_lever *lv, double v, spc_error *err);

/* The --set assignment "interventions=( ... )" that keeps sc's own
 * interventions and adds, at week `week`, "PATH=VALUE" for each of the n
 * (lever, value) pairs (after any of sc's at the same time). A new string
 * (free it), or NULL when out of memory. */
char *spc_levers_assignment(const spc_scenario *sc, double week, const spc_scenario_lever *const *lv,
                            const double *v, size_t n);

#endif
