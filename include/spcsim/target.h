/*
 * target.h -- a calibration target: what to measure on an experiment and
 * the value it should have.
 *
 * Four kinds, all written NAME=VALUE or NAME=VALUE:SD (also VALUE±SD):
 *
 *   SCOPE/METRIC           a summary metric (summary.csv): the mean of the
 *                          replications' values, with its 95% t interval.
 *   panel:STAT(COLS)       a statistic across the units of the panel
 *                          (panel.csv), from each unit's mean of the
 *                          periods that end after the warm-up.
 *   employees:STAT(COLS)   a statistic across the cohort rows of the
 *                          employee log (employees.csv, cohort = 1: present
 *                          at the start of a year that ended before the
 *                          horizon, whether they stayed or left in it),
 *                          all units pooled.
 *   chain(DELTA):STAT(M)   what the chain study (chainstudy.h) reports when
 *                          the lever raises ESAT by DELTA (5%: 5% of the
 *                          base's ESAT; 3pt: 3 points; chain: alone is
 *                          chain(5%)): STAT diff, the paired difference of
 *                          measure M in its own unit, or rel, its relative
 *                          change in % of the base; M a chain measure's
 *                          metric (esat, csat, impression, profit, ...).
 *
 * Any kind may be prefixed with SCENARIO@, the name (or 1-based position)
 * of one of the scenarios a joint calibration runs; without it a target is
 * measured on the first.
 *
 * STAT is mean(A), corr(A,B) (Pearson; point-biserial when a column is
 * 0/1) or slope(Y,X) (least squares of Y on X). The statistic is computed
 * within each replication; the estimate is the mean over the replications
 * where it exists, with the 95% Student-t interval across them. These are
 * observed statistics, not corrected for measurement error or range
 * restriction. SD, when given, is the target's own uncertainty: it weights
 * the calibration's objective and widens what counts as met.
 */
#ifndef SPCSIM_TARGET_H
#define SPCSIM_TARGET_H

#include "spcsim/error.h"
#include "spcsim/emplog.h"
#include "spcsim/experiment.h"
#include "spcsim/panel.h"
#include "spcsim/stats.h"

typedef enum { SPC_TARGET_SUMMARY, SPC_TARGET_PANEL, SPC_TARGET_EMPLOYEES, SPC_TARGET_CHAIN } spc_target_source;
typedef enum { SPC_TARGET_MEAN, SPC_TARGET_CORR, SPC_TARGET_SLOPE, SPC_TARGET_DIFF, SPC_TARGET_REL } spc_target_stat;

/* Employee-log columns a target may name. */
enum { SPC_EMP_TENURE, SPC_EMP_S_START, SPC_EMP_S_MEAN, SPC_EMP_QUIT, SPC_EMP_OTHER, SPC_EMP_NCOLUMNS };
/* The panel's derived column revenue_growth (after the stored ones). */
#define SPC_TARGET_GROWTH SPC_P_NCOLUMNS

typedef struct {
    char name[128];             /* the text before '=': "panel:corr(esat,csat)" */
    spc_target_source source;
    spc_target_stat stat;
    int col[2];                 /* panel: enum spc_panel_column or SPC_TARGET_GROWTH;
                                   employees: SPC_EMP_*; col[1] only for corr, slope */
    char scope[64], metric[48]; /* summary and chain targets (chain: the measure's) */
    char scenario[64];          /* the SCENARIO@ prefix; "": the first scenario */
    double delta;               /* chain: the asked rise of ESAT */
    int points;                 /* chain: 1 delta in points, 0 in % of the base's ESAT */
    double value;
    double sd;                  /* stated uncertainty, > 0; 0: none given */
} spc_target;

/* Parses the argument of --target; errors name the flag and say what is
 * expected (SPC_ERR_USAGE). */
spc_status spc_target_parse(spc_target *t, const char *arg, spc_error *err);

/* Where the statistics are taken: periods ending after `warmup`; revenue
 * growth against `per_year` periods earlier (panel.h). */
typedef struct {
    double warmup;
    long per_year;
} spc_target_frame;

/* The target's estimate on experiment x: the mean over replications and
 * its 95% interval (lo, hi NaN with fewer than two replications with a
 * value; mean NaN with none). An error when the data is not there at all
 * (no summary metric of that name, an empty panel, no cohort rows in the
 * employee log). */
spc_status spc_target_measure(const spc_target *t, const spc_experiment *x, const spc_target_frame *fr,
                              spc_estimate *out, spc_error *err);

/* A chain target's estimate from the base's and the variant's paired
 * replications (the same n, the same streams): the mean paired difference
 * or relative change of its measure, with the 95% interval of the chain
 * table (chainstudy.h). An error when the measure is not in the results. */
spc_status spc_target_measure_chain(const spc_target *t, const spc_experiment *base, const spc_experiment *variant,
                                    spc_estimate *out, spc_error *err);

/* The statistic of one replication; NaN when it does not exist (fewer
 * than three units or rows, no variance). Status only for out of memory. */
spc_status spc_target_replication(const spc_target *t, const spc_panel *p, const spc_emplog *l,
                                  const spc_target_frame *fr, double *value, spc_error *err);

/* Whether estimate e meets the target: the target lies in e's 95%
 * interval, or within the target's SD of e's mean. */
int spc_target_met(const spc_target *t, const spc_estimate *e);

/* The weight w of the objective's term ((m - t) / w)^2: the stated SD,
 * else |t|, else 1. */
double spc_target_weight(const spc_target *t);

#endif
