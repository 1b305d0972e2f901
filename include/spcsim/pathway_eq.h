/*
 * pathway_eq.h -- the equations of the pathways from an employee's
 * satisfaction to customers, and of persistent traits, as pure functions.
 * Symbols follow docs/model.md (sections "Traits" and "Pathways");
 * z = (S - mu)/sigma is satisfaction standardised as in the quit law (E4).
 *
 *   job fit            phi_i ~ N(0, sigma_phi), added to S*                   (H1)
 *   skill              k_i = e^(sigma_k Z - sigma_k^2/2)   (mean 1)            (H2)
 *   speed              productivity x e^(w_v z)                                (V1)
 *   accuracy           eps x e^(-w_a z), at most 1                             (V2)
 *   recovery           p = 1 / (1 + e^-(logit p0 + w_r z))                     (V5)
 *                      recovered score s' = s + g (points the failure took)
 *   labour market      h_i = m h(S_i) + h_o,  h_o = -ln(1 - p_o)/year          (T3)
 */
#ifndef SPCSIM_PATHWAY_EQ_H
#define SPCSIM_PATHWAY_EQ_H

/* (H2) from a standard normal draw z. */
double spc_skill(double sigma_k, double z);

/* (V1) */
double spc_speed_factor(double w_v, double z);

/* (V2): the factor e^(-w_a z) on an error probability (the caller caps
 * the product at 1) */
double spc_accuracy_factor(double w_a, double z);

/* (V5) the probability of recovering a failure. */
double spc_recovery_probability(double p0, double w_r, double z);

/* (T3) the hazard of leaving for another reason, per time unit. */
double spc_other_hazard(double p_other, double year);

#endif
