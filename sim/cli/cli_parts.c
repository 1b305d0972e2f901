/*
 * cli_parts.c -- compare, sweep and chain in parts: `spcsim
 * compare|sweep|chain ... --part I/N` runs the I-th contiguous block of the
 * replications of every experiment the command runs (the base and each
 * variant; each grid point; each run of the chain study) and writes a part
 * folder; `spcsim merge PART... [-o DIR]` runs the command again from the
 * first part's command line, each experiment read back from the parts
 * instead of run, so the files it writes are those of one process by
 * construction (the command's own code makes them).
 *
 * Every experiment a command runs goes through cli_experiment, or for the
 * chain study's runs cli_study_runner's runner (lever.h): normally the
 * experiment floor (spread over the ranks under MPI, mpi.h); in a part its
 * block only, kept as text (repdata.h, every digit); in a merge the
 * parts' blocks read into their places and combined (spc_experiment_finish).
 * A run of the lever search whose results decide its next step (`whole`)
 * runs all its replications in every part, so that every part takes the
 * same steps; the merge reads it from the first part and checks that
 * every part's is the same text. The experiments are numbered in the order
 * the command runs them, the same in a part and in the merge.
 *
 * A part folder (default output/<name>-<command>-partIofN) holds
 *   part.json                  the program's version, the command and its
 *                              whole command line (argv), part I of N, the
 *                              experiments, the threads and wall time
 *   experiment-K.resolved.cfg  experiment K's resolved scenario (K from 0)
 *   experiment-K.raw           its block of replications (repdata.h), or
 *                              all of them for a run marked whole in
 *                              part.json's `whole` list
 * The merge checks that the parts are of one command (version, command, N,
 * the experiments), each part there once and none missing; that each
 * experiment's scenario, loaded again by the merge, writes the very text
 * every part recorded (another scenario, seed, --set or -r, or a lever
 * value the chain's search found otherwise, is named with the part's
 * file); that a whole run is every part's byte for byte; and that every
 * replication arrived once.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "cli.h"
#include "spcsim/mpi.h"
#include "spcsim/repdata.h"
#include "spcsim/text.h"
#include "spcsim/version.h"

#define PARTS_FORMAT 1

struct cli_runs {
    int merging;            /* 0: a part runs its blocks; 1: a merge reads them */
    unsigned part, nparts;  /* part I of N */
    size_t k;               /* experiments run or read so far */
    /* a part: each experiment's resolved scenario and replications, as text */
    char **resolved, **raw;
    char *whole;            /* each experiment: run whole (a run of chain's search) */
    size_t cap;
    unsigned jobs;
    double wall;
    /* a merge: the part folders in part order, the first one's part.json */
    const char **dirs;
    json_t *first;
    size_t experiments;
};

/* ---- text in memory ---- */

/* A scenario's text as comment lines, "# " before each. */
static void write_commented(FILE *f, const spc_scenario *sc)
{
    char *text = NULL;
    size_t size = 0;
    FILE *m = open_memstream(&text, &size);
    if (m == NULL || (spc_scenario_write(sc, m), fclose(m)) != 0) {
        fputs("# (out of memory)\n", f); /* differs from the text the scenario gives: the check fails */
        free(text);
        return;
    }
    for (char *line = text, *end; *line != '\0'; line = end + 1) {
        end = strchr(line, '\n');
        fprintf(f, "# %.*s\n", (int)(end != NULL ? end - line : (ptrdiff_t)strlen(line)), line);
        if (end == NULL)
            break;
    }
    free(text);
}

/* The scenario as the resolved file writes it; NULL when out of memory.
 * The state an intervention switches to without a list of settings (made
 * by a study: the chain's variant raising the lever at the end of the
 * warm-up, chainstudy.h) is written after it as comment lines, so that the
 * text tells one lever value from another. */
char *cli_scenario_text(const spc_scenario *sc)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    if (f == NULL)
        return NULL;
    spc_scenario_write(sc, f);
    for (size_t k = 0; k < sc->ninterventions; k++)
        if (sc->interventions[k].nsets == 0 && sc->interventions[k].state != NULL) {
            fprintf(f, "# intervention %zu switches to:\n", k);
            write_commented(f, sc->interventions[k].state);
        }
    if (fclose(f) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* ---- a part: every experiment's block ---- */

/* Room for one more experiment's texts. */
static spc_status grow(cli_runs *r, spc_error *err)
{
    if (r->k < r->cap)
        return SPC_OK;
    size_t cap = r->cap ? 2 * r->cap : 8;
    char **a = realloc(r->resolved, cap * sizeof *a);
    if (a != NULL)
        r->resolved = a;
    char **b = a != NULL ? realloc(r->raw, cap * sizeof *b) : NULL;
    if (b != NULL)
        r->raw = b;
    char *w = b != NULL ? realloc(r->whole, cap) : NULL;
    if (w == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    r->whole = w;
    r->cap = cap;
    return SPC_OK;
}

/* A part's experiment: its block of the replications; all of them, and
 * combined, when whole (a run of chain's search, which decides its next step). */
static spc_status part_experiment(cli_runs *r, const spc_scenario *sc, const spc_experiment_opts *opts,
                                  spc_experiment *x, int whole, spc_error *err)
{
    unsigned n = opts->replications ? opts->replications : 1;
    if (!whole && r->nparts > n)
        return spc_error_set(err, SPC_ERR_USAGE, "--part %u/%u: more parts than the %u replications", r->part,
                             r->nparts, n);
    size_t first = 0, last = n, len;
    if (!whole)
        spc_experiment_block(n, r->part, r->nparts, &first, &last);
    spc_experiment_opts po = *opts;
    po.first = opts->first + (unsigned)first;
    po.replications = (unsigned)(last - first);
    if (grow(r, err) != SPC_OK ||
        (whole ? spc_experiment_run(sc, &po, x, err) : spc_experiment_run_raw(sc, &po, x, err)) != SPC_OK)
        return err->code;
    r->jobs = x->jobs > r->jobs ? x->jobs : r->jobs;
    r->wall += x->wall_seconds;
    size_t k = r->k++;
    r->whole[k] = (char)whole;
    r->resolved[k] = cli_scenario_text(sc);
    r->raw[k] = spc_repdata_text(x, po.first, &len);
    if (r->resolved[k] == NULL || r->raw[k] == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    return SPC_OK;
}

typedef struct {
    const options *o;
    const cli_runs *r;
} part_files;

static json_t *part_json(const options *o, const cli_runs *r)
{
    json_t *argv = json_array(), *whole = json_array();
    for (int i = 0; argv != NULL && i < o->argc; i++)
        json_array_append_new(argv, json_string(o->argv[i]));
    for (size_t k = 0; whole != NULL && k < r->k; k++)
        if (r->whole[k])
            json_array_append_new(whole, json_integer((json_int_t)k));
    return json_pack("{s:s, s:s, s:i, s:s, s:i, s:i, s:I, s:o, s:i, s:f, s:o}", "program", "spcsim", "version",
                     SPC_VERSION, "format", PARTS_FORMAT, "command", o->command, "part", (int)r->part, "parts",
                     (int)r->nparts, "experiments", (json_int_t)r->k, "whole", whole, "jobs", (int)r->jobs,
                     "wall_seconds", r->wall, "argv", argv);
}

/* Experiment k's two files into the stage: an output of their own, since
 * a chain's part holds more files than one output keeps open (output.h). */
static spc_status write_experiment(spc_stage *st, const cli_runs *r, size_t k, spc_error *err)
{
    spc_output out;
    FILE *f;
    char name[64];
    if (spc_output_open(&out, st->path, st, err) != SPC_OK)
        return err->code;
    snprintf(name, sizeof name, "experiment-%zu.resolved.cfg", k);
    if ((f = spc_output_file(&out, name, err)) != NULL)
        fputs(r->resolved[k], f);
    snprintf(name, sizeof name, "experiment-%zu.raw", k);
    if (err->code == SPC_OK && (f = spc_output_file(&out, name, err)) != NULL)
        fputs(r->raw[k], f);
    if (err->code == SPC_OK)
        spc_output_commit(&out, err);
    spc_output_close(&out);
    return err->code;
}

static spc_status write_part(spc_stage *st, const void *ctx, spc_error *err)
{
    const part_files *p = ctx;
    spc_output out;
    if (cli_part_open(&out, st, part_json(p->o, p->r), err) == SPC_OK)
        spc_output_commit(&out, err);
    spc_output_close(&out);
    for (size_t k = 0; k < p->r->k && err->code == SPC_OK; k++)
        write_experiment(st, p->r, k, err);
    return err->code;
}

/* ---- a merge: every experiment read back ---- */

/* dir/name into buf; a usage error when too long. */
static spc_status join(const char *dir, const char *name, char *buf, size_t size, spc_error *err)
{
    if ((size_t)snprintf(buf, size, "%s/%s", dir, name) >= size)
        return spc_error_set(err, SPC_ERR_USAGE, "merge %.100s...: the path is too long", dir);
    return SPC_OK;
}

int cli_text_differs(const char *path, const char *want, spc_error *err)
{
    char *text = spc_text_read_file(path, NULL);
    if (text == NULL) {
        spc_error_set(err, SPC_ERR_USAGE, "%s: cannot read it: %s", path, strerror(errno));
        return -1;
    }
    int d = strcmp(text, want) != 0;
    free(text);
    return d;
}

static spc_status same_scenario(const char *dir, size_t k, const char *want, spc_error *err)
{
    char name[64], path[4200];
    snprintf(name, sizeof name, "experiment-%zu.resolved.cfg", k);
    if (join(dir, name, path, sizeof path, err) != SPC_OK)
        return err->code;
    if (cli_text_differs(path, want, err) > 0)
        spc_error_set(err, SPC_ERR_USAGE, "%s: not the scenario the merge loads for experiment %zu from the first "
                      "part's command line (another scenario, seed, --set or -r, a scenario file edited since the "
                      "parts ran, or for chain another lever value: its search went another way in this part, as "
                      "with another --esat-delta, --lever or --search-replications): not parts of the same command",
                      path, k);
    return err->code;
}

/* 1 if the first part ran experiment k whole (its part.json's `whole`). */
static int first_whole(const cli_runs *r, size_t k)
{
    json_t *w = json_object_get(r->first, "whole");
    for (size_t i = 0; i < json_array_size(w); i++)
        if (json_integer_value(json_array_get(w, i)) == (json_int_t)k)
            return 1;
    return 0;
}

/* A whole experiment k: part i's text (path) is the first part's (text0). */
static spc_status same_whole(const cli_runs *r, unsigned i, size_t k, const char *path, const char *text0,
                             spc_error *err)
{
    if (cli_text_differs(path, text0, err) > 0)
        spc_error_set(err, SPC_ERR_USAGE, "%s: run %zu of the lever search gave other replications in part %u than "
                      "in part 1 (%s): the parts did not take the same steps (another --search-replications, or "
                      "another build or machine): not parts of the same chain", path, k, i + 1, r->dirs[0]);
    return err->code;
}

/* Experiment k read from the part folders: each part's block into its
 * place; a whole one from the first part, the others checked to hold the same. */
static spc_status merge_experiment(cli_runs *r, const spc_scenario *sc, const spc_experiment_opts *opts,
                                   spc_experiment *x, int whole, spc_error *err)
{
    unsigned n = opts->replications ? opts->replications : 1;
    char *want = cli_scenario_text(sc), *filled = calloc(n + 1, 1), *text0 = NULL, name[64], path[4200];
    size_t k = r->k++;
    if (want == NULL || filled == NULL || spc_experiment_alloc(x, n, err) != SPC_OK)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    else if (k >= r->experiments)
        spc_error_set(err, SPC_ERR_USAGE, "merge: the command runs more experiments than the %zu of the parts",
                      r->experiments);
    else if (first_whole(r, k) != whole)
        spc_error_set(err, SPC_ERR_USAGE, "%s/part.json: experiment %zu %s whole, the merge's command %s: not parts "
                      "of this command", r->dirs[0], k, whole ? "not run" : "run", whole ? "needs it" : "does not");
    x->employees = opts->employees;
    snprintf(name, sizeof name, "experiment-%zu.raw", k);
    for (unsigned i = 0; i < r->nparts && err->code == SPC_OK; i++) {
        FILE *f = NULL;
        if (same_scenario(r->dirs[i], k, want, err) != SPC_OK || join(r->dirs[i], name, path, sizeof path, err) != SPC_OK)
            break;
        if (whole && i > 0) {
            same_whole(r, i, k, path, text0, err);
            continue;
        }
        if (whole && (text0 = spc_text_read_file(path, NULL)) == NULL)
            spc_error_set(err, SPC_ERR_USAGE, "%s: cannot read it: %s", path, strerror(errno));
        else if ((f = fopen(path, "r")) == NULL)
            spc_error_set(err, SPC_ERR_USAGE, "%s: cannot read it: %s", path, strerror(errno));
        if (f != NULL) {
            spc_repdata_read(f, path, x, filled, err);
            fclose(f);
        }
    }
    free(text0);
    for (unsigned i = 0; i < n && err->code == SPC_OK; i++)
        if (!filled[i])
            spc_error_set(err, SPC_ERR_USAGE, "merge: no part has replication %u of experiment %zu", i, k);
    free(want);
    free(filled);
    return err->code == SPC_OK ? spc_experiment_finish(x, err) : err->code;
}

/* ---- the command's side ---- */

spc_status cli_experiment(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                          spc_error *err)
{
    const options *o = ctx;
    if (o->runs == NULL)
        return spc_mpi_size() > 1 ? spc_mpi_experiment_run(sc, opts, x, err) : spc_experiment_run(sc, opts, x, err);
    return o->runs->merging ? merge_experiment(o->runs, sc, opts, x, 0, err)
                            : part_experiment(o->runs, sc, opts, x, 0, err);
}

/* The runner of cli_study_runner (lever.h). */
static spc_status study_run(void *ctx, const spc_scenario *sc, const spc_experiment_opts *opts, spc_experiment *x,
                            int whole, spc_error *err)
{
    const options *o = ctx;
    if (o->runs == NULL)
        return spc_mpi_study_run(NULL, sc, opts, x, whole, err);
    return o->runs->merging ? merge_experiment(o->runs, sc, opts, x, whole, err)
                            : part_experiment(o->runs, sc, opts, x, whole, err);
}

spc_study_runner cli_study_runner(const options *o)
{
    return (spc_study_runner){ study_run, (void *)o, o->runs != NULL && !o->runs->merging };
}

int cli_runs_end(const options *o, const char *name, spc_error *err)
{
    cli_runs *r = o->runs;
    if (r == NULL || err->code != SPC_OK)
        return err->code == SPC_OK;
    if (r->merging) {
        if (r->k != r->experiments)
            spc_error_set(err, SPC_ERR_USAGE, "merge: the parts hold %zu experiments, the command ran %zu: not "
                          "parts of this command", r->experiments, r->k);
        return err->code == SPC_OK;
    }
    char dir[4096], suffix[80];
    snprintf(suffix, sizeof suffix, "-%s-part%uof%u", o->command, r->part, r->nparts);
    part_files p = { o, r };
    if (cli_outdir(o, name, suffix, dir, sizeof dir, err) == SPC_OK &&
        cli_publish(o, dir, write_part, &p, 0, err) == SPC_OK && !o->quiet)
        printf("part %u of %u of %s: %zu experiments' blocks of replications in %s/ (spcsim merge PART... makes the "
               "command's output)\n", r->part, r->nparts, o->command, r->k, dir);
    return 0;
}

cli_runs *cli_runs_part(unsigned part, unsigned nparts)
{
    cli_runs *r = calloc(1, sizeof *r);
    if (r != NULL) {
        r->part = part;
        r->nparts = nparts;
    }
    return r;
}

void cli_runs_free(cli_runs *r)
{
    if (r == NULL)
        return;
    for (size_t k = 0; k < r->k && !r->merging; k++) {
        free(r->resolved[k]);
        free(r->raw[k]);
    }
    free(r->resolved);
    free(r->raw);
    free(r->whole);
    free(r->dirs);
    json_decref(r->first);
    free(r);
}

/* ---- opening the parts of a merge ---- */

/* A part's part.json, checked to be one of compare's or sweep's parts. */
static json_t *part_open(const char *dir, char *file, size_t size, spc_error *err)
{
    json_error_t jerr;
    if (join(dir, "part.json", file, size, err) != SPC_OK)
        return NULL;
    json_t *j = json_load_file(file, 0, &jerr);
    if (j == NULL)
        spc_error_set(err, SPC_ERR_USAGE, "%s: not a part (spcsim run|compare|sweep|chain --part I/N writes one): %s", file,
                      jerr.text);
    return j;
}

/* The part dir (its part.json j) is of the same command as the first. */
static spc_status same_command(const char *file, json_t *j, const cli_runs *r, const char *ffile, spc_error *err)
{
    const char *version = "", *command = "", *fcommand = "";
    int part = 0, parts = 0, fparts = 0;
    json_int_t exps = -1, fexps = -1;
    json_unpack(r->first, "{s:s, s:i, s:I}", "command", &fcommand, "parts", &fparts, "experiments", &fexps);
    if (json_unpack(j, "{s:s, s:s, s:i, s:i, s:I, s:o}", "version", &version, "command", &command, "part", &part,
                    "parts", &parts, "experiments", &exps, "argv", &(json_t *){ NULL }) != 0 || parts < 1 ||
        part < 1 || part > parts)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: not a part of compare, sweep or chain (no command, part I of N, "
                             "experiments or argv)", file);
    if (strcmp(version, SPC_VERSION) != 0)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: written by spcsim %s, this is %s: merge with the program that "
                             "ran the parts", file, version, SPC_VERSION);
    if (strcmp(command, fcommand) != 0 || parts != fparts || exps != fexps)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: part %d of %d of %s with %lld experiments, but %s is a part of "
                             "%d of %s with %lld: not parts of the same command%s", file, part, parts, command,
                             (long long)exps, ffile, fparts, fcommand, (long long)fexps,
                             strcmp(command, "chain") == 0 && strcmp(command, fcommand) == 0 && parts == fparts
                                 ? " (the lever search went another way in this part: another --esat-delta, "
                                   "--lever, --search-replications or --decompose?)" : "");
    if (!json_equal(json_object_get(j, "whole"), json_object_get(r->first, "whole")))
        return spc_error_set(err, SPC_ERR_USAGE, "%s: part %d of %d of chain ran other runs of the lever search whole "
                             "than %s: the search went another way in this part (another --esat-delta, --lever or "
                             "--search-replications?): not parts of the same command", file, part, parts, ffile);
    if (r->dirs[part - 1] != NULL)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: part %d of %d was given twice (also %s)", file, part, parts,
                             r->dirs[part - 1]);
    return SPC_OK;
}

const char *cli_parts_command(const char *dir)
{
    char file[4200], points[4200];
    snprintf(points, sizeof points, "%s/points.csv", dir);
    snprintf(file, sizeof file, "%s/part.json", dir);
    if (access(file, F_OK) != 0 && access(points, F_OK) == 0)
        return "sensitivity";
    spc_error err;
    spc_error_clear(&err);
    json_t *j = part_open(dir, file, sizeof file, &err);
    const char *c = j != NULL ? json_string_value(json_object_get(j, "command")) : NULL;
    const char *known = c == NULL ? NULL : strcmp(c, "compare") == 0 ? "compare" : strcmp(c, "sweep") == 0 ? "sweep"
                                             : strcmp(c, "chain") == 0 ? "chain" : NULL;
    json_decref(j);
    return known;
}

cli_runs *cli_runs_merge(const options *o, int *argc, char ***argv, spc_error *err)
{
    char file[4200], ffile[4200];
    cli_runs *r = calloc(1, sizeof *r);
    if (r == NULL || (r->first = part_open(o->scenario, ffile, sizeof ffile, err)) == NULL) {
        cli_runs_free(r);
        return err->code ? NULL : (spc_error_set(err, SPC_ERR_INTERNAL, "out of memory"), NULL);
    }
    r->merging = 1;
    json_int_t exps = 0;
    int parts = 0;
    json_unpack(r->first, "{s:i, s:I}", "parts", &parts, "experiments", &exps);
    r->nparts = parts > 0 ? (unsigned)parts : 1;
    r->experiments = exps > 0 ? (size_t)exps : 0;
    if ((r->dirs = calloc(r->nparts, sizeof *r->dirs)) == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i <= o->nextra && err->code == SPC_OK; i++) {
        const char *dir = i == 0 ? o->scenario : o->extra[i - 1];
        json_t *j = part_open(dir, file, sizeof file, err);
        if (j != NULL && same_command(file, j, r, ffile, err) == SPC_OK)
            r->dirs[json_integer_value(json_object_get(j, "part")) - 1] = dir;
        json_decref(j);
    }
    for (unsigned k = 0; k < r->nparts && err->code == SPC_OK; k++)
        if (r->dirs[k] == NULL)
            spc_error_set(err, SPC_ERR_USAGE, "merge: part %u of %u of the %s of %s is missing: give every part's "
                          "folder", k + 1, r->nparts, json_string_value(json_object_get(r->first, "command")), ffile);
    json_t *av = json_object_get(r->first, "argv");
    size_t n = json_array_size(av);
    char **v = err->code == SPC_OK ? calloc(n + 1, sizeof *v) : NULL;
    for (size_t i = 0; v != NULL && i < n; i++)
        if ((v[i] = (char *)json_string_value(json_array_get(av, i))) == NULL)
            spc_error_set(err, SPC_ERR_USAGE, "%s: argv holds something other than text", ffile);
    if (err->code == SPC_OK && v == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    if (err->code != SPC_OK) {
        free(v);
        cli_runs_free(r);
        return NULL;
    }
    *argc = (int)n;
    *argv = v;  /* its strings are r->first's */
    return r;
}
