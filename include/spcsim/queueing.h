/*
 * queueing.h -- closed-form results of queueing theory, for validation and
 * for the reports: Erlang B (loss systems), Erlang C (M/M/c waiting).
 *
 * a = lambda/mu is the offered load in erlangs, c the number of servers.
 *   Erlang B:  B(0, a) = 1,  B(k, a) = a B(k-1, a) / (k + a B(k-1, a))
 *   Erlang C:  C(c, a) = c B(c, a) / (c - a (1 - B(c, a)))      (a < c)
 *   M/M/c:     Wq = C(c, a) / (c mu - lambda),  Lq = lambda Wq
 */
#ifndef SPCSIM_QUEUEING_H
#define SPCSIM_QUEUEING_H

double spc_erlang_b(int c, double a);
/* NaN when a >= c (no steady state). */
double spc_erlang_c(int c, double a);
/* Mean wait in queue of M/M/c; NaN when unstable. */
double spc_mmc_wq(double lambda, double mu, int c);

#endif
