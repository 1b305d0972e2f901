/*
 * reputation.h -- employer reputation (docs/model.md 3.5a, (ER1)-(ER3)):
 * a company known for poor service and unhappy staff attracts fewer and
 * weaker applicants.
 *
 * The unit's reputation as an employer is an index of its recent
 * satisfaction scores, employees' (ESAT) and customers' (CSAT), each
 * against a reference, per 10 points (ER1), smoothed over the reporting
 * periods with a memory (ER2). It lengthens or shortens the hiring delay
 * and shifts new hires' job fit (ER3). Pure functions: the workforce keeps
 * the index and calls them.
 */
#ifndef SPCSIM_REPUTATION_H
#define SPCSIM_REPUTATION_H

typedef struct {
    double esat_ref, csat_ref;  /* points at which a score counts 0 */
    double w_esat, w_csat;      /* weights per 10 points */
    double memory;              /* time constant of the smoothing */
    double w_delay;             /* ln of the hiring delay's factor per unit of the index */
    double w_fit;               /* job-fit points of new hires per unit of the index */
} spc_reputation_params;

/* (ER1) the period's index: w_E (ESAT - E_ref)/10 + w_C (CSAT - C_ref)/10,
 * a score that is NaN (no customers, no survey answer) left out. */
double spc_reputation_score(const spc_reputation_params *p, double esat, double csat);

/* (ER2) the index after a period of length dt whose score is x:
 * rep + (1 - e^(-dt/memory)) (x - rep); rep unchanged when x is NaN. */
double spc_reputation_smooth(const spc_reputation_params *p, double rep, double x, double dt);

/* (ER3) the hiring delay's factor e^(-w_delay rep) and the new hires'
 * shift of job fit w_fit rep. */
double spc_reputation_delay_factor(const spc_reputation_params *p, double rep);
double spc_reputation_fit_shift(const spc_reputation_params *p, double rep);

#endif
