/* tests.h -- the suites, and helpers shared by them. */
#ifndef SPCSIM_TESTS_H
#define SPCSIM_TESTS_H

#include <CUnit/CUnit.h>

#include "spcsim/experiment.h"
#include "spcsim/results.h"
#include "spcsim/scenario.h"

/* Each test file registers its suite; returns 0 or a CUnit error. */
int tests_calendar(void);
int tests_rng(void);
int tests_dist(void);
int tests_stats(void);
int tests_scenario(void);
int tests_settings(void);
int tests_validation(void);
int tests_cli(void);
int tests_stories(void);
int tests_experiment(void);
int tests_calibrate(void);
int tests_workforce(void);
int tests_plot(void);
int tests_story(void);
int tests_customers(void);
int tests_absence(void);
int tests_teaching(void);
int tests_trace(void);
int tests_golden(void);
int tests_outdir(void);
int tests_fuzz(void);
int tests_pathways(void);
int tests_employees(void);
int tests_standards(void);
int tests_channels(void);
int tests_management(void);
int tests_sensitivity(void);
int tests_serve(void);
int tests_sensrun(void);
int tests_pack(void);
int tests_parts(void);

/* Adds a suite with the given tests (NULL-terminated name/function pairs). */
int tests_add_suite(const char *name, const CU_TestInfo *tests);

/* Loads a scenario (with overrides) and runs replication 0 into *out;
 * fails the current test on error. Returns the scenario (caller frees). */
spc_scenario *tests_run(const char *path, const char *const *sets, size_t nsets, spc_results *out);

/* Writes sc's resolved scenario (spc_scenario_write) to a new temporary
 * file, named in path; returns its text (caller frees, and unlinks path). */
char *tests_write_resolved(const spc_scenario *sc, char *path, size_t size);

/* The row for (scope, metric); fails the test if absent. */
const spc_estimate *tests_metric(const spc_results *r, const char *scope, const char *metric);

/* Loads path with the overrides and runs reps replications of it on two
 * threads into *x; fails the current test on error. */
void tests_run_replications(const char *path, const char *const *sets, size_t n, unsigned reps, spc_experiment *x);

/* Asserts that every summary row of a's replications is b's, bit for bit
 * (NaN equal to NaN); names the first that differs, with `what`. */
void tests_check_identical(const spc_experiment *a, const spc_experiment *b, const char *what);


/* Asserts that theory lies inside the estimate's 95% interval and within
 * rel_tol (relative) of its mean; prints the comparison. */
void tests_check_theory(const spc_results *r, const char *scope, const char *metric,
                        double theory, double rel_tol);

/* The one-sided 95% bound on the side of sign (+1: lower, -1: upper) of
 * the mean of d.n paired differences whose 95% t interval is d: the
 * half-width times t_{0.95, n-1} / t_{0.975, n-1}. */
double tests_one_sided(spc_estimate d, int sign);

/* Asserts a directional claim: d's one-sided 95% bound lies on the side of
 * sign; names what and prints the bound when it does not (or verbose). */
void tests_check_side(const char *what, spc_estimate d, int sign);

/* ---- running spcsim (tests_proc.c) ---- */

#include <sys/types.h>

/* The program under test: $SPCSIM, else ./spcsim. */
const char *tests_binary(void);

/* Starts the program with args (NULL-terminated, without the program
 * name); env ("NAME=VALUE", NULL-terminated, or NULL) replaces or adds to
 * the inherited environment, and a bare "NAME" removes NAME from it; the
 * inherited SPCSIM_FAULT* switches are never passed on. stdout
 * and stderr go to the files out and err (NULL: /dev/null). Returns the
 * pid, -1 when it cannot start. */
pid_t tests_spawn(const char *const *args, const char *const *env, const char *out, const char *err);

/* Waits for pid: its exit status, 128 + the signal that ended it, or -1. */
int tests_wait(pid_t pid);

/* Removes path and everything below it (never follows a symbolic link). */
void tests_remove_tree(const char *path);

#endif
