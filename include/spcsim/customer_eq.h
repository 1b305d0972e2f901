/*
 * customer_eq.h -- the equations of one customer, and of surveys, as pure
 * functions. Symbols follow docs/model.md (section "Customers").
 *
 *   encounter score   s = clamp[0,10]( s0 - w_L ln max(1, L/E) - w_D k
 *                                      + w_A (A - A_ref)/10 + b_i + sd Z )    (C1)
 *                     (b_i: the customer's own standard, N(0, heterogeneity))
 *                     (an order lost by abandonment, balking or blocking:
 *                      s = s_lost + sd Z)
 *   satisfaction      U <- U + kappa (s - U)                                   (C2)
 *   expectation       E <- E + kappa_E (L - E)       (delivered orders)        (C3)
 *   retention         r(U) = 1 / (1 + e^-(r0 + r1 (U - U_ref)))                (C4)
 *   next purchase     T = draw x e^(-b (U - U_ref))                            (C5)
 *   recommend class   promoter round(U) >= 9, detractor round(U) <= 6          (C11)
 *   survey answers    R = clamp[0,10] round(U + sd_r Z),
 *                     C = clamp[1,5] round(1 + 0.4 (U + sd_r Z))  (same Z)     (C10)
 *   NPS = 100 (promoters - detractors) / n;  CSAT = 100 #(C >= 4) / n
 *   lifetime value    CLV = m r / (1 + i - r)                                  (C12)
 */
#ifndef SPCSIM_CUSTOMER_EQ_H
#define SPCSIM_CUSTOMER_EQ_H

#include <stddef.h>

typedef struct {
    double s0, w_wait, w_defect, w_attitude, attitude_ref;
} spc_score_params;

/* (C1) without the noise; attitude NaN: no front-line effect. */
double spc_encounter_score(const spc_score_params *p, double lead, double expect, double escaped,
                           double attitude);

/* (C4) */
double spc_retention(double u, double r0, double r1, double u_ref);

/* (C11): +1 promoter, 0 passive, -1 detractor, for a 0-10 answer. */
int spc_recommend_class(double u);

/* (C10): the two answers of a respondent whose satisfaction is u, with
 * response noise z (already scaled). */
int spc_survey_recommend(double u, double z);
int spc_survey_csat(double u, double z);

/* Survey tallies: answers counted, with NPS and CSAT computed from them. */
typedef struct {
    double n, sum, promoters, detractors, top2; /* top2: CSAT 4 or 5 */
} spc_survey;

void spc_survey_add(spc_survey *s, int recommend, int csat);
/* NaN when nobody answered. */
double spc_survey_nps(const spc_survey *s);
double spc_survey_csat_pct(const spc_survey *s);
double spc_survey_mean(const spc_survey *s);

/* (C12) */
double spc_clv(double margin, double retention, double discount);

/* The standards scorecard (SC1)-(SC4), in %, from a period's counts:
 * x[0] speed, on time over delivered; x[1] accuracy, without a defect over
 * delivered; x[2] transparency, late orders told in time over late orders;
 * x[3] accessibility, problems reached first over problems no employee
 * recovered on the spot; x[4] accessibility's second figure, contacts
 * resolved in the first channel tried over contacts ended (with channels).
 * NaN where the denominator is 0. */
typedef struct {
    double delivered, on_time, clean, late, informed, problems, proactive;
    double contacts, first_resolved; /* contacts ended; of them resolved in the first channel tried */
} spc_scorecard_counts;
void spc_scorecard(const spc_scorecard_counts *n, double x[5]);

#endif
