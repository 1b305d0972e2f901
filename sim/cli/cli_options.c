/*
 * cli_options.c -- what every command does with the parsed options
 * (cli.h): load a scenario with --seed, -r and --set, and name the output
 * folder. main.c parses the options and dispatches; the cli_*.c commands
 * use these, never main.c, so the command line has no include cycle.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

spc_scenario *cli_load(const options *o, const char *path, const char *const *more, size_t nmore,
                       spc_error *err)
{
    const char **ov = malloc((o->nsets + nmore + 2) * sizeof *ov);
    char seedset[64], repset[64];
    if (ov == NULL) {
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    size_t n = 0;
    if (o->seed != NULL) {
        snprintf(seedset, sizeof seedset, "seed=%sL", o->seed);
        ov[n++] = seedset;
    }
    if (o->reps != NULL) {
        snprintf(repset, sizeof repset, "replications=%s", o->reps);
        ov[n++] = repset;
    }
    for (size_t i = 0; i < o->nsets; i++)
        ov[n++] = o->sets[i];
    for (size_t i = 0; i < nmore; i++)
        ov[n++] = more[i];
    spc_scenario *sc = spc_scenario_load(path, ov, n, err);
    free(ov);
    return sc;
}

void cli_outdir(const options *o, const char *name, const char *suffix, char *buf, size_t size)
{
    if (o->outdir)
        snprintf(buf, size, "%s", o->outdir);
    else
        snprintf(buf, size, "output/%s%s", name, suffix);
}
