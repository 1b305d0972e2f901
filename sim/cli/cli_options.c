/*
 * cli_options.c -- what every command does with the parsed options
 * (cli.h): load a scenario with --seed, -r and --set, and name the output
 * folder. main.c parses the options and dispatches; the cli_*.c commands
 * use these, never main.c, so the command line has no include cycle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "spcsim/cost.h"

const char **cli_overrides(const options *o, cli_override_buf *buf, size_t room, size_t *n)
{
    const char **ov = malloc((o->nsets + room + 2) * sizeof *ov);
    *n = 0;
    if (ov == NULL)
        return NULL;
    if (o->seed != NULL) {
        snprintf(buf->seed, sizeof buf->seed, "seed=%sL", o->seed);
        ov[(*n)++] = buf->seed;
    }
    if (o->reps != NULL) {
        snprintf(buf->reps, sizeof buf->reps, "replications=%s", o->reps);
        ov[(*n)++] = buf->reps;
    }
    for (size_t i = 0; i < o->nsets; i++)
        ov[(*n)++] = o->sets[i];
    return ov;
}

spc_scenario *cli_load(const options *o, const char *path, const char *const *more, size_t nmore,
                       spc_error *err)
{
    cli_override_buf buf;
    size_t n = 0;
    const char **ov = cli_overrides(o, &buf, nmore, &n);
    if (ov == NULL) {
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < nmore; i++)
        ov[n++] = more[i];
    spc_scenario *sc = spc_scenario_load(path, ov, n, err);
    free(ov);
    if (sc != NULL && strcmp(o->command, "check") != 0) {
        /* run: its replications (precision mode starts with 10); the studies: at least 10 */
        unsigned reps = (unsigned)sc->replications;
        if ((o->precision != NULL || strcmp(o->command, "run") != 0) && reps < 10)
            reps = 10;
        if (spc_cost_check(sc, reps, o->force, err) != SPC_OK) {
            spc_scenario_free(sc);
            return NULL;
        }
    }
    return sc;
}

spc_status cli_outdir(const options *o, const char *name, const char *suffix, char *buf, size_t size,
                      spc_error *err)
{
    int n = o->outdir ? snprintf(buf, size, "%s", o->outdir) : snprintf(buf, size, "output/%s%s", name, suffix);
    if (n < 0 || (size_t)n >= size)
        return spc_error_set(err, SPC_ERR_OUTPUT, "%.60s...: the output folder name is too long",
                             o->outdir ? o->outdir : name);
    return spc_stage_check(buf, err);
}
