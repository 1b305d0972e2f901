/* traffic.c -- solving the traffic equations with GSL's LU decomposition. */
#include "spcsim/traffic.h"

#include <math.h>
#include <gsl/gsl_linalg.h>

int spc_traffic_solve(const spc_scenario *sc, double *lambda, double *rho)
{
    size_t n = sc->nstages;
    gsl_matrix *a = gsl_matrix_calloc(n, n);
    gsl_vector *b = gsl_vector_calloc(n);
    gsl_vector *x = gsl_vector_alloc(n);
    gsl_permutation *perm = gsl_permutation_alloc(n);
    int rc = -1, sign;
    if (!a || !b || !x || !perm)
        goto done;
    gsl_matrix_set_identity(a);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sc->stages[i].nroutes; k++) {
            int j = sc->stages[i].routes[k].to;
            if (j != SPC_ROUTE_DELIVER)
                gsl_matrix_set(a, (size_t)j, i, gsl_matrix_get(a, (size_t)j, i) - sc->stages[i].routes[k].p);
        }
    gsl_vector_set(b, (size_t)sc->arrivals.entry, spc_scenario_mean_arrival_rate(sc));
    gsl_linalg_LU_decomp(a, perm, &sign);
    rc = 1;
    if (fabs(gsl_linalg_LU_det(a, sign)) < 1e-12 || gsl_linalg_LU_solve(a, perm, b, x) != 0)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const spc_stage_spec *s = &sc->stages[i];
        lambda[i] = gsl_vector_get(x, i);
        rho[i] = lambda[i] * spc_dist_true_mean(&s->service) / s->servers;
    }
    rc = 0;
done:
    gsl_matrix_free(a);
    gsl_vector_free(b);
    gsl_vector_free(x);
    gsl_permutation_free(perm);
    return rc;
}
