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
 * the search, with common random numbers, 2 x 5 + 1 more variants:
 *
 *   all blind   the variant at x with every pathway blind: the lever's
 *               direct effect (its cost; ESAT itself), the customers
 *               seeing the base
 *   without p   the variant at x with p blind
 *   only p      the variant at x with every pathway but p blind
 *
 * and for each measure m, per replication r (B base, F the full variant,
 * A all blind, W(p) without p, O(p) only p):
 *
 *   (D0) direct:                A_r - B_r
 *   (D1) through p, removed:    F_r - W_r(p)       (what is lost without p)
 *   (D2) through p, alone:      O_r(p) - A_r       (what p adds by itself)
 *   (D3) interaction, alone:    (F_r - A_r) - sum_p (O_r(p) - A_r)
 *   (D4) interaction, removed:  (F_r - A_r) - sum_p (F_r - W_r(p))
 *
 * each with its mean and Student-t 95% interval over the N replications
 * and, relative, in % of the base's mean of m. By construction
 * F - B = (D0) + sum_p (D2) + (D3) = (D0) + sum_p (D1) + (D4); the parts
 * add up to the total without interaction when the pathways act
 * independently: then (D3) and (D4) are 0 up to noise, and their
 * intervals say whether they are. Interaction is reported as its own
 * part, not shared out among the pathways.
 */
#ifndef SPCSIM_CHAINDECOMP_H
#define SPCSIM_CHAINDECOMP_H

#include <stdio.h>

#include "spcsim/chainstudy.h"
#include "spcsim/lever.h"
#include "spcsim/experiment.h"

#define SPC_NPATHWAYS 5

/* courtesy, speed, accuracy, continuity, recovery: workforce.pathways.* */
extern const char *const spc_chaindecomp_pathways[SPC_NPATHWAYS];

/* The overrides that make a variant's pathways blind: without p (p alone)
 * when only == 0, only p (every other one) when only == 1; p =
 * SPC_NPATHWAYS, only == 1: every pathway. Writes
 * "workforce.pathways.blind_NAME=true" into set[0..k) and returns k. */
size_t spc_chaindecomp_blind(unsigned p, int only, char set[SPC_NPATHWAYS][48]);

typedef struct {
    const spc_chainstudy_measure *m;
    double base, full;                  /* means over replications */
    spc_estimate total;                 /* F - B */
    double blind;                       /* mean of A */
    spc_estimate direct;                /* (D0) */
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
    spc_experiment blind;   /* every pathway blind */
    spc_experiment without[SPC_NPATHWAYS], only[SPC_NPATHWAYS];
} spc_chaindecomp_runs;

/* Runs the 2 x 5 + 1 variants at lever = x (lever.h's spc_lever_run: the
 * scenario from base->path with sets, then the blind list, then the
 * lever), with opts, by runner (NULL: here; each a run only reported,
 * so a part of spcsim chain --part runs its block of each). progress (NULL: none) is told each variant's name
 * ("all blind", "without speed", "only speed") before it runs. Fills *out (release
 * with spc_chaindecomp_runs_release, also after an error). Errors: those
 * of loading (a scenario without workforce.pathways) and running. */
spc_status spc_chaindecomp_run(const spc_scenario *base, const char *const *sets, size_t nsets, const char *lever,
                               double x, const spc_experiment_opts *opts, const spc_study_runner *runner,
                               void (*progress)(void *ctx, const char *what), void *ctx,
                               spc_chaindecomp_runs *out, spc_error *err);
void spc_chaindecomp_runs_release(spc_chaindecomp_runs *r);

/* The table from n replication tables each of the base, the full variant,
 * the all-blind one and those without and with only each pathway (indexed
 * as spc_chaindecomp_pathways), for every measure of
 * spc_chainstudy_measures present with a finite value in all of them. */
spc_status spc_chaindecomp_table_make(const spc_results *base, const spc_results *full, const spc_results *blind,
                                      const spc_results *const without[SPC_NPATHWAYS],
                                      const spc_results *const only[SPC_NPATHWAYS], unsigned n,
                                      spc_chaindecomp_table *t, spc_error *err);

/* chain.csv's rows of the decomposition (no header; chainstudy.h's
 * columns), per measure m (metric: m's metric):
 *   direct,all_blind,m    base: B's mean; variant: A's; diff (D0) with
 *                         its interval; rel_pct in % of B's mean
 *   pathway,P,m           base: A's mean; variant: O(P)'s; diff (D2), ...
 *   pathway_removed,P,m   base: W(P)'s mean; variant: F's; diff (D1), ...
 *   interaction,alone,m   base: A's mean; variant: F's; diff (D3), ...
 *   interaction,removed,m base: A's mean; variant: F's; diff (D4), ...
 * significant: the interval excludes 0; n: replications. */
void spc_chaindecomp_write_csv(FILE *f, const spc_chaindecomp_table *t);

#endif
