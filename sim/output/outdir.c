/*
 * outdir.c -- what an output folder holds (see outdir.h).
 *
 * run.json is parsed with jansson; a member of the wrong type, or a number
 * out of its range, is an error naming the file and the key, checked before
 * any conversion. Only a run's run.json is read (that of compare, sweep, ...
 * records provenance; their folder is described by its CSV file). Each CSV
 * file must begin with spcsim's header (a folder of other CSV files is
 * refused).
 */
#include "spcsim/outdir.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>


int spc_outdir_path(const spc_outdir *d, const char *name, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s/%s", d->dir, name);
    return n >= 0 && (size_t)n < size ? 0 : -1;
}

static int has_file(const spc_outdir *d, const char *name)
{
    char path[4200];
    struct stat st;
    return spc_outdir_path(d, name, path, sizeof path) == 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Range check before any conversion: a hand-edited run.json may say
 * "replications": 1e10, and casting that to unsigned is undefined. */
static spc_status json_check(const char *path, const char *key, double v, double lo, double hi,
                             int whole, spc_error *err)
{
    if (isfinite(v) && v >= lo && v <= hi && (!whole || v == floor(v)))
        return SPC_OK;
    return spc_error_set(err, SPC_ERR_INVALID, "%s: %s: must be %s from %g to %g (got %g)", path, key,
                         whole ? "a whole number" : "a number", lo, hi, v);
}

/* A string member into *out (owned; NULL when absent or null). */
static spc_status json_text(const char *path, json_t *root, const char *key, char **out, spc_error *err)
{
    json_t *v = json_object_get(root, key);
    if (v == NULL || json_is_null(v))
        return SPC_OK;
    if (!json_is_string(v))
        return spc_error_set(err, SPC_ERR_INVALID, "%s: %s: must be a string", path, key);
    if ((*out = strdup(json_string_value(v))) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    return SPC_OK;
}

/* A number member, checked to lie in [lo, hi] (whole: an integer); absent
 * or null: *out = dflt, unless required. */
static spc_status json_range(const char *path, json_t *root, const char *key, double lo, double hi, int whole,
                             double dflt, double *out, spc_error *err)
{
    json_t *v = json_object_get(root, key);
    *out = dflt;
    if (v == NULL || json_is_null(v))
        return SPC_OK;
    if (!json_is_number(v))
        return spc_error_set(err, SPC_ERR_INVALID, "%s: %s: must be a number", path, key);
    return json_check(path, key, *out = json_number_value(v), lo, hi, whole, err);
}

/* "stages": [{"name": ...}, ...], in chain order. */
static spc_status read_stages(spc_outdir *d, const char *path, json_t *root, spc_error *err)
{
    json_t *a = json_object_get(root, "stages");
    if (a == NULL || json_is_null(a))
        return SPC_OK;
    if (!json_is_array(a))
        return spc_error_set(err, SPC_ERR_INVALID, "%s: stages: must be a list", path);
    d->stages = calloc(json_array_size(a) + 1, sizeof *d->stages);
    if (d->stages == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    size_t i;
    json_t *st;
    json_array_foreach(a, i, st) {
        json_t *name = json_object_get(st, "name");
        if (!json_is_string(name))
            return spc_error_set(err, SPC_ERR_INVALID, "%s: stages[%zu].name: must be a string", path, i);
        if ((d->stages[d->nstages++] = strdup(json_string_value(name))) == NULL)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    return SPC_OK;
}

/* spcsim's own CSV files begin with these headers. */
static spc_status check_header(const spc_outdir *d, const char *name, const char *header, spc_error *err)
{
    char path[4200], line[256] = "";
    if (spc_outdir_path(d, name, path, sizeof path) != 0)
        return spc_error_set(err, SPC_ERR_READ, "%s: folder name too long", d->dir);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read: %s", path, strerror(errno));
    int ok = fgets(line, sizeof line, f) != NULL && strncmp(line, header, strlen(header)) == 0;
    fclose(f);
    if (ok)
        return SPC_OK;
    return spc_error_set(err, SPC_ERR_INVALID, "%s:1: not an spcsim %s: the header must begin \"%s\"",
                         path, name, header);
}

/* The facts of a run's run.json (other commands' run.json record the same
 * build facts, but their folder is read from its CSV file: command). */
static spc_status read_run_facts(spc_outdir *d, const char *path, json_t *root, spc_error *err)
{
    double seed, reps, horizon, warmup;
    if (json_text(path, root, "version", &d->version, err) != SPC_OK ||
        json_text(path, root, "scenario", &d->scenario, err) != SPC_OK ||
        json_text(path, root, "name", &d->name, err) != SPC_OK ||
        json_text(path, root, "generator", &d->generator, err) != SPC_OK ||
        json_text(path, root, "time_unit", &d->time_unit, err) != SPC_OK ||
        json_range(path, root, "seed", 0, 9223372036854775807.0, 1, 0, &seed, err) != SPC_OK ||
        json_range(path, root, "replications", 1, 1000000, 1, 0, &reps, err) != SPC_OK ||
        json_range(path, root, "horizon", 0, 1e9, 0, 0, &horizon, err) != SPC_OK ||
        json_range(path, root, "warmup", 0, 1e9, 0, 0, &warmup, err) != SPC_OK)
        return err->code;
    /* an integer member is exact; a real one was range-checked above */
    json_t *s = json_object_get(root, "seed");
    d->seed = json_is_integer(s) ? (unsigned long long)json_integer_value(s) : (unsigned long long)seed;
    d->replications = (unsigned)reps;
    d->horizon = horizon;
    d->warmup = warmup;
    d->run_json = 1;
    return read_stages(d, path, root, err);
}

static spc_status read_run_json(spc_outdir *d, spc_error *err)
{
    char path[4200];
    if (spc_outdir_path(d, "run.json", path, sizeof path) != 0)
        return spc_error_set(err, SPC_ERR_READ, "%s: folder name too long", d->dir);
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL)
        return spc_error_set(err, SPC_ERR_INVALID, "%s:%d:%d: not valid JSON: %s", path, je.line, je.column,
                             je.text);
    spc_status st = SPC_OK;
    json_t *cmd = json_object_get(root, "command");
    if (!json_is_object(root))
        st = spc_error_set(err, SPC_ERR_INVALID, "%s: must hold a JSON object", path);
    else if (cmd != NULL && !json_is_string(cmd))
        st = spc_error_set(err, SPC_ERR_INVALID, "%s: command: must be a string", path);
    else if (cmd == NULL || strcmp(json_string_value(cmd), "run") == 0) /* before 0.3, only runs wrote run.json */
        st = read_run_facts(d, path, root, err);
    json_decref(root);
    return st;
}

const char *spc_outdir_shown(const spc_outdir *d)
{
    return d->stage != NULL ? d->stage->shown : d->dir;
}

spc_status spc_outdir_read(spc_outdir *d, const char *dir, spc_error *err)
{
    memset(d, 0, sizeof *d);
    struct stat st;
    if (stat(dir, &st) != 0)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot open the folder: %s", dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return spc_error_set(err, SPC_ERR_READ, "%s: not a folder", dir);
    if ((d->dir = strdup(dir)) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    d->summary = has_file(d, "summary.csv");
    d->timeseries = has_file(d, "timeseries.csv");
    d->compare = has_file(d, "compare.csv");
    d->sweep = has_file(d, "sweep.csv");
    d->chain = has_file(d, "chain.csv");
    d->chain_dose = has_file(d, "chain_dose.csv");
    d->chain_periods = has_file(d, "chain_periods.csv");
    d->sensitivity = has_file(d, "sensitivity.csv");
    d->uncertain = has_file(d, "uncertain.csv");
    if ((d->summary && check_header(d, "summary.csv", "scope,metric,mean,", err) != SPC_OK) ||
        (d->timeseries && check_header(d, "timeseries.csv", "period,time,scope", err) != SPC_OK) ||
        (d->compare && check_header(d, "compare.csv", "variant,scope,metric,", err) != SPC_OK) ||
        (d->sweep && check_header(d, "sweep.csv", "point,param1,value1,", err) != SPC_OK) ||
        (d->chain && check_header(d, "chain.csv", "kind,scope,metric,", err) != SPC_OK) ||
        (d->chain_dose && check_header(d, "chain_dose.csv", "esat_delta,unit,lever,", err) != SPC_OK) ||
        (d->chain_periods && check_header(d, "chain_periods.csv", "period,time,time_unit,", err) != SPC_OK) ||
        (d->sensitivity && check_header(d, "sensitivity.csv", "setting,output,method,index,", err) != SPC_OK))
        return err->code;
    if (has_file(d, "run.json"))
        return read_run_json(d, err);
    return SPC_OK;
}

int spc_outdir_empty(const spc_outdir *d)
{
    return !(d->summary || d->timeseries || d->compare || d->sweep || d->chain || d->sensitivity);
}

void spc_outdir_release(spc_outdir *d)
{
    for (size_t i = 0; i < d->nstages; i++)
        free(d->stages[i]);
    free(d->stages);
    free(d->dir);
    free(d->version);
    free(d->scenario);
    free(d->name);
    free(d->generator);
    free(d->time_unit);
    memset(d, 0, sizeof *d);
}
