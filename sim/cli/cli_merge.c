/*
 * cli_merge.c -- a run in parts: `spcsim run SCENARIO --part I/N` runs the
 * I-th contiguous block of the replications (spc_experiment_block) and
 * writes a part folder; `spcsim merge PART... [-o DIR]` reads the parts
 * back into one experiment and writes exactly what one `spcsim run`
 * writes (main.c publishes it as it publishes a run).
 *
 * A part folder (default output/<name>-partIofN) holds
 *   part.json              who it is: the program's version, the scenario's
 *                          path and name, seed, replications, part I of N,
 *                          its block, --employees, its threads and wall time
 *   scenario.resolved.cfg  the whole resolved scenario, as a run writes it
 *   replications.raw       its replications' raw results (repdata.h)
 * The merge takes the scenario from the parts (nothing is given again, so
 * nothing can be given differently), checks that every part is of the same
 * run (version, seed, replications, N, scenario text byte for byte), that
 * each part is there once and none is missing, reads the replications into
 * their places and combines them by the code of a run
 * (spc_experiment_finish). Every message names the file it is about.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <jansson.h>

#include "cli.h"
#include "spcsim/repdata.h"
#include "spcsim/text.h"
#include "spcsim/version.h"

#define PART_FORMAT 1

/* ---- writing a part ---- */

typedef struct {
    const spc_scenario *sc;
    const spc_experiment *x;
    const options *o;
    size_t first, last;
} part_job;

static json_t *part_json(const part_job *p)
{
    const spc_scenario *sc = p->sc;
    return json_pack("{s:s, s:s, s:i, s:s, s:s, s:I, s:i, s:i, s:i, s:I, s:I, s:b, s:i, s:f, s:s, s:s}",
                     "program", "spcsim", "version", SPC_VERSION, "format", PART_FORMAT, "scenario", sc->path,
                     "name", sc->name, "seed", (json_int_t)sc->seed, "replications", sc->replications,
                     "part", (int)p->o->part, "parts", (int)p->o->nparts, "first", (json_int_t)p->first,
                     "last", (json_int_t)p->last, "employees", p->o->employees, "jobs", (int)p->x->jobs,
                     "wall_seconds", p->x->wall_seconds, "results", "replications.raw",
                     "scenario_resolved", "scenario.resolved.cfg");
}

spc_status cli_part_open(spc_output *out, spc_stage *st, struct json_t *j, spc_error *err)
{
    FILE *f;
    if (spc_output_open(out, st->path, st, err) == SPC_OK && j == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    if (err->code == SPC_OK && (f = spc_output_file(out, "part.json", err)) != NULL) {
        json_dumpf(j, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
        fputc('\n', f);
    }
    json_decref(j);
    return err->code;
}

static spc_status write_part(spc_stage *st, const void *ctx, spc_error *err)
{
    const part_job *p = ctx;
    spc_output out;
    FILE *f;
    cli_part_open(&out, st, part_json(p), err);
    if (err->code == SPC_OK && (f = spc_output_file(&out, "scenario.resolved.cfg", err)) != NULL)
        spc_scenario_write(p->sc, f);
    if (err->code == SPC_OK && (f = spc_output_file(&out, "replications.raw", err)) != NULL) {
        spc_repdata_header(f);
        for (unsigned i = 0; i < p->x->n; i++)
            spc_repdata_write(f, p->x, i, (unsigned)p->first + i);
    }
    if (err->code == SPC_OK)
        spc_output_commit(&out, err);
    spc_output_close(&out);
    return err->code;
}

spc_status cli_run_part(const options *o, const spc_scenario *sc, const spc_experiment_opts *opts, spc_error *err)
{
    char dir[4096], suffix[64];
    part_job p = { sc, NULL, o, 0, 0 };
    unsigned n = opts->replications ? opts->replications : 1;
    if (o->nparts > n)
        return spc_error_set(err, SPC_ERR_USAGE, "--part %u/%u: more parts than the %u replications", o->part,
                             o->nparts, n);
    spc_experiment_block(n, o->part, o->nparts, &p.first, &p.last);
    snprintf(suffix, sizeof suffix, "-part%uof%u", o->part, o->nparts);
    if (cli_outdir(o, sc->name, suffix, dir, sizeof dir, err) != SPC_OK)
        return err->code;
    spc_experiment x;
    spc_experiment_opts po = *opts;
    po.first = (unsigned)p.first;
    po.replications = (unsigned)(p.last - p.first);
    p.x = &x;
    if (spc_experiment_run_raw(sc, &po, &x, err) == SPC_OK && cli_publish(o, dir, write_part, &p, 0, err) == SPC_OK &&
        !o->quiet)
        printf("part %u of %u: replications %zu to %zu of %u in %s/ (spcsim merge PART... makes the run's output)\n",
               o->part, o->nparts, p.first, p.last - 1, n, dir);
    spc_experiment_release(&x);
    return err->code;
}

/* ---- reading the parts back ---- */

typedef struct {
    char file[4200];       /* PART/part.json, for messages */
    json_t *json;
    const char *version, *scenario;
    json_int_t seed;
    int replications, part, parts, employees, jobs;
    double wall;
    char *resolved;        /* scenario.resolved.cfg's text */
} part_info;

static void info_release(part_info *p)
{
    json_decref(p->json);
    free(p->resolved);
    memset(p, 0, sizeof *p);
}

/* dir/name into buf; a usage error when too long. */
static spc_status part_path(const char *dir, const char *name, char *buf, size_t size, spc_error *err)
{
    if ((size_t)snprintf(buf, size, "%s/%s", dir, name) >= size)
        return spc_error_set(err, SPC_ERR_USAGE, "merge %.100s...: the path is too long", dir);
    return SPC_OK;
}

/* part.json and scenario.resolved.cfg of the part folder dir. */
static spc_status info_read(const char *dir, part_info *p, spc_error *err)
{
    json_error_t jerr;
    char path[4200];
    memset(p, 0, sizeof *p);
    if (part_path(dir, "part.json", p->file, sizeof p->file, err) != SPC_OK)
        return err->code;
    if ((p->json = json_load_file(p->file, 0, &jerr)) == NULL)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: not a part of a run (spcsim run --part I/N writes one): %s",
                             p->file, jerr.text);
    if (json_unpack_ex(p->json, &jerr, 0, "{s:s, s:s, s:I, s:i, s:i, s:i, s:b, s:i, s:F}", "version", &p->version,
                       "scenario", &p->scenario, "seed", &p->seed, "replications", &p->replications, "part", &p->part,
                       "parts", &p->parts, "employees", &p->employees, "jobs", &p->jobs, "wall_seconds", &p->wall) != 0 ||
        p->parts < 1 || p->part < 1 || p->part > p->parts || p->replications < p->parts)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: not a part of a run: %s", p->file,
                             jerr.text[0] ? jerr.text : "part I of N out of range");
    if (strcmp(p->version, SPC_VERSION) != 0)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: written by spcsim %s, this is %s: merge with the program that "
                             "ran the parts", p->file, p->version, SPC_VERSION);
    if (part_path(dir, "scenario.resolved.cfg", path, sizeof path, err) != SPC_OK)
        return err->code;
    if ((p->resolved = spc_text_read_file(path, NULL)) == NULL)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: cannot read it: %s", path, strerror(errno));
    return SPC_OK;
}

/* The part p is of the same run as the first part f. */
static spc_status same_run(const part_info *p, const part_info *f, spc_error *err)
{
    if (p->seed != f->seed)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: seed %lld, but %s has seed %lld: not parts of the same run",
                             p->file, (long long)p->seed, f->file, (long long)f->seed);
    if (p->replications != f->replications || p->parts != f->parts)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: part %d of %d of %d replications, but %s is a part of %d of %d "
                             "replications: not parts of the same run", p->file, p->part, p->parts, p->replications,
                             f->file, f->parts, f->replications);
    if (p->employees != f->employees)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: %s --employees, %s %s: not parts of the same run", p->file,
                             p->employees ? "with" : "without", f->file, f->employees ? "with" : "without");
    if (strcmp(p->resolved, f->resolved) != 0)
        return spc_error_set(err, SPC_ERR_USAGE, "%s: its scenario.resolved.cfg is not that of %s (another scenario "
                             "or --set?): not parts of the same run", p->file, f->file);
    return SPC_OK;
}

spc_scenario *cli_merge_load(const options *o, spc_error *err)
{
    part_info f;
    char path[4200];
    spc_scenario *sc = NULL;
    if (info_read(o->scenario, &f, err) == SPC_OK &&
        part_path(o->scenario, "scenario.resolved.cfg", path, sizeof path, err) == SPC_OK)
        sc = spc_scenario_load(path, NULL, 0, err);
    char *again = NULL, *name = sc != NULL ? strdup(f.scenario) : NULL;
    size_t size = 0;
    FILE *m = name != NULL ? open_memstream(&again, &size) : NULL;
    if (m != NULL) {
        free(sc->path);
        sc->path = name; /* run.json names the scenario the parts ran */
        spc_scenario_write(sc, m);
        fclose(m);
    } else {
        free(name);
    }
    if (sc != NULL && (again == NULL || strcmp(again, f.resolved) != 0)) {
        spc_error_set(err, again == NULL ? SPC_ERR_INTERNAL : SPC_ERR_USAGE, "%s: %s", path,
                      again == NULL ? "out of memory" : "read back, it does not give the same scenario (was it edited?)");
        spc_scenario_free(sc);
        sc = NULL;
    }
    free(again);
    info_release(&f);
    return sc;
}

/* One part folder's replications into x; its identity checked against the
 * first part's, its part number against those already read (seen[I-1]). */
static spc_status merge_part(const char *dir, const part_info *first, const char **seen, spc_experiment *x,
                             char *filled, spc_error *err)
{
    part_info p;
    char path[4200];
    if (info_read(dir, &p, err) == SPC_OK && same_run(&p, first, err) == SPC_OK) {
        if (seen[p.part - 1] != NULL)
            spc_error_set(err, SPC_ERR_USAGE, "%s: part %d of %d was given twice (also %s)", p.file, p.part, p.parts,
                          seen[p.part - 1]);
        seen[p.part - 1] = dir;
        x->jobs = (unsigned)p.jobs > x->jobs ? (unsigned)p.jobs : x->jobs;
        x->wall_seconds += p.wall;
    }
    FILE *f = NULL;
    if (err->code == SPC_OK && part_path(dir, "replications.raw", path, sizeof path, err) == SPC_OK &&
        (f = fopen(path, "r")) == NULL)
        spc_error_set(err, SPC_ERR_USAGE, "%s: cannot read it: %s", path, strerror(errno));
    if (f != NULL) {
        spc_repdata_read(f, path, x, filled, err);
        fclose(f);
    }
    info_release(&p);
    return err->code;
}

spc_status cli_merge_read(const options *o, spc_experiment *x, spc_error *err)
{
    part_info first;
    if (info_read(o->scenario, &first, err) != SPC_OK) {
        info_release(&first);
        return err->code;
    }
    unsigned n = (unsigned)first.replications, parts = (unsigned)first.parts;
    const char **seen = calloc(parts, sizeof *seen);
    char *filled = calloc(n, 1);
    if (seen == NULL || filled == NULL || spc_experiment_alloc(x, n, err) != SPC_OK)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    x->employees = first.employees;
    for (size_t i = 0; i <= o->nextra && err->code == SPC_OK; i++)
        merge_part(i == 0 ? o->scenario : o->extra[i - 1], &first, seen, x, filled, err);
    for (unsigned k = 0; k < parts && err->code == SPC_OK; k++) {
        size_t a, b;
        spc_experiment_block(n, k + 1, parts, &a, &b);
        if (seen[k] == NULL)
            spc_error_set(err, SPC_ERR_USAGE, "merge: part %u of %u (replications %zu to %zu) of the run of %s is "
                          "missing: give every part's folder", k + 1, parts, a, b - 1, first.file);
    }
    for (unsigned k = 0; k < n && err->code == SPC_OK; k++)
        if (!filled[k])
            spc_error_set(err, SPC_ERR_USAGE, "merge: no part has replication %u of the %u", k, n);
    free(seen);
    free(filled);
    info_release(&first);
    return err->code == SPC_OK ? spc_experiment_finish(x, err) : err->code;
}

/* ---- the merge's output folder ---- */

spc_status cli_merge_check_output(const options *o, spc_error *err)
{
    struct stat out, part;
    if (o->outdir == NULL || stat(o->outdir, &out) != 0)
        return SPC_OK; /* the default folder is never a part's (output/NAME-partIofN); a new one neither */
    int run = strcmp(o->command, "merge") == 0;
    for (size_t i = 0; i < o->nextra + (size_t)run; i++) {
        const char *dir = run ? (i == 0 ? o->scenario : o->extra[i - 1]) : o->extra[i];
        if (stat(dir, &part) == 0 && part.st_dev == out.st_dev && part.st_ino == out.st_ino)
            return spc_error_set(err, SPC_ERR_USAGE, "-o %s is the part folder %s: the merge replaces its output "
                                 "folder as a whole, which would lose the part; give another -o", o->outdir, dir);
    }
    return SPC_OK;
}
