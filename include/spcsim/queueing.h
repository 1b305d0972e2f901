/*
 * queueing.h -- closed-form results of queueing theory, for validation and
 * for the reports: Erlang B (loss systems), Erlang C (M/M/c waiting).
 *
 * a = lambda/mu is the offered load in erlangs, c the number of servers.
 *   Erlang B:  B(0, a) = 1,  B(k, a) = a B(k-1, a) / (k + a B(k-1, a))
 *   Erlang C:  C(c, a) = c B(c, a) / (c - a (1 - B(c, a)))      (a < c)
 *   M/M/c:     Wq = C(c, a) / (c mu - lambda),  Lq = lambda Wq
 *   M/M/c+M (Erlang A, exponential patience with rate theta): see
 *   spc_erlang_a below.
 */
#ifndef SPCSIM_QUEUEING_H
#define SPCSIM_QUEUEING_H

double spc_erlang_b(int c, double a);
/* NaN when a >= c (no steady state). */
double spc_erlang_c(int c, double a);
/* Mean wait in queue of M/M/c; NaN when unstable. */
double spc_mmc_wq(double lambda, double mu, int c);

/* Erlang A (M/M/c+M): Poisson arrivals lambda, c exponential servers of
 * rate mu, FIFO, each waiting order abandons at rate theta (exponential
 * patience). Waits are until service or abandonment.
 *
 *   pi_n: stationary law of the number in system, birth lambda, death
 *         min(n, c) mu + max(n - c, 0) theta (truncated where negligible)
 *   An arrival finding n >= c sees k = n - c ahead (PASTA); with k ahead it
 *   stays an Exp(r_k) time, r_k = c mu + (k + 1) theta, then moves up with
 *   probability p_k = (c mu + k theta) / r_k (served when k = 0), else
 *   abandons. By recursion over k (a_-1 = m_-1 = s_-1 = 0):
 *     a_k = (1 - p_k) + p_k a_k-1          P(abandon | k)
 *     m_k = a_k / r_k + p_k m_k-1          E[W; abandon | k]
 *     s_k = (1 - a_k) / r_k + p_k s_k-1    E[W; served | k]
 *   (the time in a state is independent of how it is left.) Then
 *     p_abandon = sum pi_n a_(n-c),  w_abandoned = sum pi_n m_(n-c) / p_abandon,
 *     w_served = sum pi_n s_(n-c) / (1 - p_abandon),  w_all = lq / lambda,
 *     lq = sum pi_n (n - c)+,  and p_abandon = theta w_all.
 * Returns 0, or -1 for arguments outside lambda, mu, theta > 0, c >= 1. */
typedef struct {
    double p_abandon, lq;
    double w_all, w_served, w_abandoned;
} spc_erlang_a_result;

int spc_erlang_a(double lambda, double mu, int c, double theta, spc_erlang_a_result *out);

#endif
