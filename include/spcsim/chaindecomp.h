/*
 * chaindecomp.h -- the chain study's decomposition by pathway (spcsim
 * chain --decompose): how much of each change reaches the customers
 * through each of the five pathways by which employee satisfaction acts
 * (courtesy, speed, accuracy, continuity, recovery).
 *
 * A pathway made blind (workforce.pathways.blind_NAME = true) reads the satisfaction
 * its employee would have had without the lever's changes since the
 * start; in the chain study's variant it still sees the base's
 * satisfaction while the lever raises ESAT. At the lever value x found by
 * the search, with common random numbers, two more variants per pathway p:
 *
 *   without p   the variant at x with p blind
 *   only p      the variant at x with every pathway but p blind
 *
 * and for each measure m, per replication r (B base, F the full variant):
 *
 *   (D1) through p, removed:  F_r - W_r(p)       (what is lost without p)
 *   (D2) through p, alone:    O_r(p) - B_r       (what p does by itself)
 *   (D3) interaction, alone:    (F_r - B_r) - sum_p (O_r(p) - B_r)
 *   (D4) interaction, removed:  (F_r - B_r) - sum_p (F_r - W_r(p))
 *
 * each with its mean and Student-t 95% interval over the N replications
 * and, relative, in % of the base's mean of m. The parts add up to the
 * total exactly when the pathways act independently (effects additive):
 * then (D3) and (D4) are 0 up to noise; their intervals say whether they
 * are. Interaction is reported, not shared out among the pathways.
 */
#ifndef SPCSIM_CHAINDECOMP_H
#define SPCSIM_CHAINDECOMP_H

#include <stdio.h>

#include "spcsim/chainstudy.h"
#include "spcsim/experiment.h"

#define SPC_NPATHWAYS 5

/* courtesy, speed, accuracy, continuity, recovery: workforce.pathways.* */
extern const char *const spc_chaindecomp_pathways[SPC_NPATHWAYS];

/* The overrides that make a variant's pathways blind: without p (p alone)
 * when only == 0, only p (every other one) when only == 1. Writes
 * "workforce.pathways.blind_NAME=true" into set[0..k) and returns k. */
size_t spc_chaindecomp_blind(unsigned p, int only, char set[SPC_NPATHWAYS][48]);

typedef struct {
    const spc_chainstudy_measure *m;
    double base, full;                  /* means over replications */
    spc_estimate total;                 /* F - B */
    double without[SPC_NPATHWAYS], only[SPC_NPATHWAYS]; /* means of W(p), O(p) */
    spc_estimate removed[SPC_NPATHWAYS];  /* (D1) */
    spc_estimate alone[SPC_NPATHWAYS];    /* (D2) */
    spc_estimate inter_alone, inter_removed; /* (D3), (D4) */
} spc_chaindecomp_row;

typedef struct {
    spc_chaindecomp_row rows[16];
    size_t n;
    unsigned replications;
} spc_chaindecomp_table;

/* The variants of the decomposition, n replications each. */
typedef struct {
    spc_experiment without[SPC_NPATHWAYS], only[SPC_NPATHWAYS];
} spc_chaindecomp_runs;

/* Runs the 2 x 5 variants at lever = x (lever.h's spc_lever_run: the
 * scenario from base->path with sets, then the blind list, then the
 * lever), with opts. progress (NULL: none) is told each variant's name
 * ("without speed", "only speed") before it runs. Fills *out (release
 * with spc_chaindecomp_runs_release, also after an error). Errors: those
 * of loading (a scenario without workforce.pathways) and running. */
spc_status spc_chaindecomp_run(const spc_scenario *base, const char *const *sets, size_t nsets, const char *lever,
                               double x, const spc_experiment_opts *opts,
                               void (*progress)(void *ctx, const char *what), void *ctx,
                               spc_chaindecomp_runs *out, spc_error *err);
void spc_chaindecomp_runs_release(spc_chaindecomp_runs *r);

/* The table from n replication tables each of the base, the full variant
 * and the variants without and with only each pathway (indexed as
 * spc_chaindecomp_pathways), for every measure of spc_chainstudy_measures
 * present with a finite value in all of them. */
spc_status spc_chaindecomp_table_make(const spc_results *base, const spc_results *full,
                                      const spc_results *const without[SPC_NPATHWAYS],
                                      const spc_results *const only[SPC_NPATHWAYS], unsigned n,
                                      spc_chaindecomp_table *t, spc_error *err);

/* chain.csv's rows of the decomposition (no header; chainstudy.h's
 * columns), per measure m (metric: m's metric):
 *   pathway,P,m           base: B's mean; variant: O(P)'s; diff (D2) with
 *                         its interval; rel_pct in % of B's mean
 *   pathway_removed,P,m   base: W(P)'s mean; variant: F's; diff (D1), ...
 *   interaction,alone,m   base: B's mean; variant: F's; diff (D3), ...
 *   interaction,removed,m base: B's mean; variant: F's; diff (D4), ...
 * significant: the interval excludes 0; n: replications. */
void spc_chaindecomp_write_csv(FILE *f, const spc_chaindecomp_table *t);

#endif
