/*
 * pathways.h -- the pathways by which an employee's satisfaction reaches
 * customers (docs/model.md, "Pathways"), and what the front-line staff
 * show a customer at an encounter.
 *
 * Each pathway reads satisfaction through its own view (workforce.c):
 *   on        the employee's satisfaction S;
 *   off       nothing: the pathway acts as at the reference satisfaction
 *             (workforce.turnover.mean), whatever S is (its switch);
 *   blind     the satisfaction S_cf the employee would have had without
 *             the lever changes made since the start of the run (a shadow
 *             state with the same dynamics and the levers at their initial
 *             values): used by the chain study's decomposition.
 */
#ifndef SPCSIM_PATHWAYS_H
#define SPCSIM_PATHWAYS_H

#include <stdint.h>

typedef enum {
    SPC_PW_COURTESY,    /* displayed mood at the encounter (C1) */
    SPC_PW_SPEED,       /* productivity and absence (V1), (AB1) */
    SPC_PW_ACCURACY,    /* errors (V2) */
    SPC_PW_CONTINUITY,  /* quits (E5): newcomers, lost regulars (E2), (Q1), (C8) */
    SPC_PW_RECOVERY,    /* service recovery after a failed encounter (V5) */
    SPC_PW_N
} spc_pathway;

/* "courtesy", "speed", ... by spc_pathway. */
extern const char *const spc_pathway_names[SPC_PW_N];

/* What a customer meets at the front: who, and the satisfaction the
 * courtesy and recovery pathways read. */
typedef struct {
    uint32_t id;        /* UINT32_MAX: the position is vacant */
    double courtesy;    /* 0-100; NaN: vacant or the pathway off (no term) */
    double recovery_z;  /* (S - mu)/sigma the recovery pathway reads; 0 when off */
} spc_staff_view;

#endif
