/*
 * test_pathways.c -- the pathways from employee satisfaction to customers
 * (docs/model.md, "Pathways"): ablations with common random numbers.
 *
 * tests/data/pathways/store.cfg has an intervention at week 20 that leaves
 * recognition as it is; a variant replaces it by one that raises
 * recognition (and so satisfaction) at the same moment. Base and variant
 * draw the same random numbers and share the intervention event, so they
 * differ only through what the raise sets off:
 *   - with every pathway blind, or every pathway switched off, the raise
 *     reaches no customer: every customer measure is exactly the base's;
 *   - with one pathway seeing the raise (the others blind), its mechanism
 *     moves in its documented direction, and so does customer satisfaction:
 *     a one-sided paired t test over the replications at 95% (the claims
 *     are directional: the documented direction against "no effect or the
 *     other way"), its bound on that side of zero (the tolerance is the
 *     interval, not a guessed margin).
 */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "spcsim/experiment.h"
#include "spcsim/pathways.h"
#include "spcsim/stats.h"
#include "tests.h"

#define STORE "tests/data/pathways/store.cfg"
#define REPS 8
#define W_RECOGNITION_X2 "workforce.satisfaction.w_recognition=40.0"

/* The intervention at week 20: recognition to `recognition`, the pathways
 * in `blind` (a bit per spc_pathway) blind. */
static void intervention(char *buf, size_t n, double recognition, unsigned blind)
{
    int k = snprintf(buf, n, "interventions=({ at = \"20w\"; set = ((\"workforce.levers.recognition\", %g)", recognition);
    for (int p = 0; p < SPC_PW_N; p++)
        if (blind & (1u << p))
            k += snprintf(buf + k, n - (size_t)k, ", (\"workforce.pathways.blind_%s\", true)", spc_pathway_names[p]);
    snprintf(buf + k, n - (size_t)k, "); })");
}

/* Runs the store with the intervention and extra overrides. */
static void run(double recognition, unsigned blind, const char *const *extra, size_t nextra, spc_experiment *x)
{
    char iv[512];
    const char *sets[8];
    size_t n = 0;
    intervention(iv, sizeof iv, recognition, blind);
    sets[n++] = iv;
    for (size_t i = 0; i < nextra && n < 8; i++)
        sets[n++] = extra[i];
    tests_run_replications(STORE, sets, n, REPS, x);
}

static double rep_value(const spc_experiment *x, unsigned i, const char *scope, const char *metric)
{
    return tests_metric(&x->rep[i], scope, metric)->mean;
}

/* Every customers/ and finance revenue row equal, replication by replication. */
static void check_identical(const spc_experiment *a, const spc_experiment *b, const char *what)
{
    int same = 1;
    for (unsigned i = 0; i < a->n; i++)
        for (size_t k = 0; k < a->rep[i].n; k++) {
            const spc_result_row *r = &a->rep[i].rows[k];
            if (strcmp(r->scope, "customers") != 0 && strcmp(r->metric, "revenue") != 0)
                continue;
            if (strcmp(r->metric, "esat") == 0)
                continue; /* the raise itself */
            double v = rep_value(b, i, r->scope, r->metric);
            if (!(v == r->e.mean) && !(isnan(v) && isnan(r->e.mean))) {
                fprintf(stderr, "\n  %s: %s/%s differs in replication %u: %.17g vs %.17g", what, r->scope,
                        r->metric, i, r->e.mean, v);
                same = 0;
            }
        }
    CU_ASSERT(same);
    /* while the raise itself is there */
    CU_ASSERT(rep_value(a, 0, "customers", "esat") > rep_value(b, 0, "customers", "esat") + 1.0);
}

static void test_blind_or_off_changes_nothing(void)
{
    spc_experiment base, blind, off_base, off_var;
    run(0.5, 0, NULL, 0, &base);
    run(1.0, (1u << SPC_PW_N) - 1, NULL, 0, &blind);
    check_identical(&blind, &base, "every pathway blind");
    const char *off[SPC_PW_N];
    char buf[SPC_PW_N][64];
    for (int p = 0; p < SPC_PW_N; p++) {
        snprintf(buf[p], sizeof buf[p], "workforce.pathways.%s=false", spc_pathway_names[p]);
        off[p] = buf[p];
    }
    run(0.5, 0, off, SPC_PW_N, &off_base);
    run(1.0, 0, off, SPC_PW_N, &off_var);
    check_identical(&off_var, &off_base, "every pathway off");
    spc_experiment_release(&base);
    spc_experiment_release(&blind);
    spc_experiment_release(&off_base);
    spc_experiment_release(&off_var);
}

/* One documented effect of a pathway alone: scope/metric moves to `sign`. */
typedef struct {
    spc_pathway p;
    const char *scope, *metric;
    int sign;
    const char *set[2];     /* overrides of this case (NULL: none) */
} effect;

static void check_side(const spc_experiment *v, const spc_experiment *b, const char *pw, const char *scope,
                       const char *metric, int sign)
{
    double d[REPS];
    for (unsigned i = 0; i < REPS; i++)
        d[i] = rep_value(v, i, scope, metric) - rep_value(b, i, scope, metric);
    char what[160];
    snprintf(what, sizeof what, "only %s: %s/%s", pw, scope, metric);
    tests_check_side(what, spc_stats_interval(d, REPS, NAN), sign);
}

static void test_each_pathway_alone(void)
{
    static const effect fx[] = {
        { SPC_PW_COURTESY, "customers", "score_mean", +1, { NULL, NULL } },
        /* speed, accuracy and continuity move U by 0.005-0.015 points for a raise of
         * 10 (t about 2 over 8 replications: a coin toss whether a stream shows it);
         * as for recovery below, their direction does not depend on the size, so
         * these cases double the weight of recognition (a raise of 20 points) and
         * triple the weight in U of what their pathway moves (U moved only 35% more
         * with the doubled raise alone, t still about 2 with xoshiro256++) */
        { SPC_PW_SPEED, "system", "lead_time_mean", -1, { W_RECOGNITION_X2, "customers.satisfaction.w_wait=4.5" } },
        { SPC_PW_ACCURACY, "system", "escaped_defects", -1,
          { W_RECOGNITION_X2, "customers.satisfaction.w_defect=9.0" } },
        { SPC_PW_CONTINUITY, "company", "quits", -1, { W_RECOGNITION_X2, "customers.relationship.loss=4.5" } },
        /* at the defaults recovery moves U by about 0.003 points here, too little for 8
         * replications; its direction does not depend on the size, so this case doubles
         * what a recovery gives back and quadruples its dependence on satisfaction */
        { SPC_PW_RECOVERY, "customers", "recovered_share", +1,
          { "customers.recovery.restore=1.0", "customers.recovery.w_satisfaction=2.0" } },
    };
    for (size_t k = 0; k < sizeof fx / sizeof fx[0]; k++) {
        spc_experiment base, v;
        size_t nset = (fx[k].set[0] != NULL) + (fx[k].set[1] != NULL);
        unsigned others = ((1u << SPC_PW_N) - 1) & ~(1u << fx[k].p);
        run(0.5, 0, fx[k].set, nset, &base);
        run(1.0, others, fx[k].set, nset, &v);
        const char *pw = spc_pathway_names[fx[k].p];
        check_side(&v, &base, pw, fx[k].scope, fx[k].metric, fx[k].sign);
        check_side(&v, &base, pw, "customers", "satisfaction_true", +1);
        spc_experiment_release(&v);
        spc_experiment_release(&base);
    }
}

int tests_pathways(void)
{
    static const CU_TestInfo tests[] = {
        { "every pathway blind or off: the raise reaches no customer", test_blind_or_off_changes_nothing },
        { "each pathway alone moves its mechanism and customers", test_each_pathway_alone },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("pathways", tests);
}
