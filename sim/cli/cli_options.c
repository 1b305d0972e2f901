/*
 * cli_options.c -- what every command does with the parsed options
 * (cli.h): load a scenario with --seed, -r and --set, and name the output
 * folder. main.c parses the options and dispatches; the cli_*.c commands
 * use these, never main.c, so the command line has no include cycle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "spcsim/cost.h"
#include "spcsim/experiment.h"
#include "spcsim/version.h"

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
        /* run: its replications (precision mode starts with 10); the studies: at least 10,
         * or the -r given (cli_study_reps: chain -r 1 runs and costs one) */
        unsigned reps = (unsigned)sc->replications;
        if ((o->precision != NULL || (strcmp(o->command, "run") != 0 && o->reps == NULL)) && reps < 10)
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

/* An argument that a POSIX shell reads as itself, unquoted. */
static int shell_plain(const char *a)
{
    return *a != '\0' && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                   "@%+=:,./_-") == strlen(a);
}

char *cli_command_line(int argc, char *const *argv)
{
    size_t size = 1;
    for (int i = 0; i < argc; i++)
        size += 4 * strlen(argv[i]) + 3; /* each ' becomes '\'' */
    char *line = malloc(size), *w = line;
    for (int i = 0; line != NULL && i < argc; i++) {
        if (i > 0)
            *w++ = ' ';
        if (shell_plain(argv[i])) {
            w = stpcpy(w, argv[i]);
            continue;
        }
        *w++ = '\'';
        for (const char *s = argv[i]; *s; s++)
            w = *s == '\'' ? stpcpy(w, "'\\''") : (*w = *s, w + 1);
        *w++ = '\'';
    }
    if (line != NULL)
        *w = '\0';
    return line;
}

double cli_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

spc_status cli_prov_add(cli_prov *p, const spc_scenario *sc, int owned, const char *file, const char *label,
                        spc_error *err)
{
    const spc_scenario **s = realloc(p->sc, (p->n + 1) * sizeof *s);
    if (s != NULL)
        p->sc = s;
    int *o = s != NULL ? realloc(p->owned, (p->n + 1) * sizeof *o) : NULL;
    if (o != NULL)
        p->owned = o;
    spc_resolved_file *f = o != NULL ? realloc(p->files, (p->n + 1) * sizeof *f) : NULL;
    if (f != NULL)
        p->files = f;
    char *fc = f != NULL ? strdup(file) : NULL, *lc = fc != NULL ? strdup(label) : NULL;
    if (lc == NULL) {
        free(fc);
        if (owned)
            spc_scenario_free((spc_scenario *)sc);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    p->sc[p->n] = sc;
    p->owned[p->n] = owned;
    p->files[p->n] = (spc_resolved_file){ fc, lc };
    p->n++;
    return SPC_OK;
}

void cli_prov_release(cli_prov *p)
{
    for (size_t i = 0; i < p->n; i++) {
        if (p->owned[i])
            spc_scenario_free((spc_scenario *)p->sc[i]);
        free((char *)p->files[i].file);
        free((char *)p->files[i].label);
    }
    free(p->sc);
    free(p->owned);
    free(p->files);
    memset(p, 0, sizeof *p);
}

spc_status cli_provenance(spc_output *out, const options *o, const cli_prov *p, spc_error *err)
{
    FILE *f;
    for (size_t i = 0; i < p->n; i++) {
        if ((f = spc_output_file(out, p->files[i].file, err)) == NULL)
            return err->code;
        spc_scenario_write(p->sc[i], f);
    }
    spc_study_meta m = { SPC_VERSION, o->command, o->command_line, p->base, p->replications,
                         o->jobs ? o->jobs : spc_experiment_cores(), cli_clock() - o->started, p->files, p->n };
    if ((f = spc_output_file(out, "run.json", err)) == NULL)
        return err->code;
    spc_output_study_json(f, &m);
    return SPC_OK;
}
