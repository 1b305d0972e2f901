/*
 * uncertain.c -- the assumptions drawn per replication (uncertain.h).
 */
#include "spcsim/uncertain.h"

#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_rng.h>

#include "spcsim/rng.h"
#include "spcsim/text.h"

/* Replication i's values: x_j = lo_j + (hi_j - lo_j) U_j, U_j uniform on
 * [0, 1) from the replication's own generator, j in the table's order. */
static void draw_one(const spc_uncertain *u, unsigned long long seed, unsigned i, gsl_rng *rng)
{
    gsl_rng_set(rng, (unsigned long)spc_rng_mix(seed, i, SPC_UNCERTAIN_STREAM));
    for (size_t j = 0; j < u->k; j++) {
        const spc_sens_param *p = &u->param[j];
        u->x[(size_t)i * u->k + j] = p->lo + (p->hi - p->lo) * gsl_rng_uniform(rng);
    }
}

/* Replication i's scenario: base's file, the overrides, then its values. */
static spc_scenario *load_one(const spc_scenario *base, const char *const *sets, size_t nsets, const spc_uncertain *u,
                              unsigned i, spc_error *err)
{
    const char **ov = calloc(nsets + u->k, sizeof *ov);
    char *assign = calloc(u->k, 512);
    spc_scenario *sc = NULL;
    if (ov == NULL || assign == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    else {
        for (size_t j = 0; j < nsets; j++)
            ov[j] = sets[j];
        for (size_t j = 0; j < u->k; j++) {
            spc_sens_param_assign(&u->param[j], u->x[(size_t)i * u->k + j], assign + j * 512, 512);
            ov[nsets + j] = assign + j * 512;
        }
        sc = spc_scenario_load(base->path, ov, nsets + u->k, err);
    }
    free(ov);
    free(assign);
    return sc;
}

spc_status spc_uncertain_draw(const spc_scenario *base, const char *const *sets, size_t nsets, unsigned n,
                              spc_uncertain *u, spc_error *err)
{
    if (u->k == 0 && spc_sens_params_default(base, &u->param, &u->k, err) != SPC_OK) {
        if (u->k == 0 && err->code == SPC_ERR_USAGE) {
            spc_error_clear(err);
            spc_error_set(err, SPC_ERR_USAGE, "--uncertain: %s uses no setting declared as an assumption: nothing to "
                          "draw (give the settings with --param PATH=LOW:HIGH)", base->path);
        }
        return err->code;
    }
    u->n = n;
    u->x = malloc(((size_t)n * u->k + 1) * sizeof *u->x);
    u->sc = calloc(n + 1, sizeof *u->sc);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (u->x == NULL || u->sc == NULL || rng == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (unsigned i = 0; i < n && err->code == SPC_OK; i++) {
        draw_one(u, (unsigned long long)base->seed, i, rng);
        if ((u->sc[i] = load_one(base, sets, nsets, u, i, err)) == NULL && err->code == SPC_OK)
            spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    gsl_rng_free(rng);
    return err->code;
}

void spc_uncertain_release(spc_uncertain *u)
{
    for (size_t j = 0; j < u->k; j++)
        spc_sens_param_release(&u->param[j]);
    for (unsigned i = 0; u->sc != NULL && i < u->n; i++)
        spc_scenario_free(u->sc[i]);
    free(u->param);
    free(u->x);
    free(u->sc);
    memset(u, 0, sizeof *u);
}

void spc_uncertain_write_csv(FILE *f, const spc_uncertain *u)
{
    fputs("replication", f);
    for (size_t j = 0; j < u->k; j++) {
        fputc(',', f);
        spc_csv_text(f, u->param[j].path);
    }
    fputc('\n', f);
    for (unsigned i = 0; i < u->n; i++) {
        fprintf(f, "%u", i);
        for (size_t j = 0; j < u->k; j++)
            spc_csv_next(f, u->x[(size_t)i * u->k + j]);
        fputc('\n', f);
    }
}
