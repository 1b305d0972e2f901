/*
 * outdir.c -- what an output folder holds (see outdir.h).
 *
 * run.json is read with a few string searches, not a JSON parser: it is
 * spcsim's own file, written by output_files.c one key per line. Its
 * numbers are range-checked before they are converted, and each CSV file
 * must begin with spcsim's header (a folder of other CSV files is refused).
 */
#include "spcsim/outdir.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


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

/* The JSON string after `"key": ` starting at or after from; unescapes the
 * few escapes output_files.c writes. NULL if absent (or out of memory). */
static char *json_string_at(const char *from, const char *key, const char **after)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": \"", key);
    const char *s = strstr(from, pat);
    if (s == NULL)
        return NULL;
    s += strlen(pat);
    char *out = malloc(strlen(s) + 1), *w = out;
    for (; out != NULL && *s && *s != '"'; s++) {
        if (*s == '\\' && s[1] == 'u' && strlen(s) >= 6) {
            *w++ = (char)strtol((char[]){ s[4], s[5], 0 }, NULL, 16);
            s += 5;
        } else {
            if (*s == '\\' && s[1])
                s++;
            *w++ = *s;
        }
    }
    if (out != NULL)
        *w = '\0';
    if (after != NULL)
        *after = s;
    return out;
}

static double json_number(const char *text, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    const char *s = strstr(text, pat);
    return s ? strtod(s + strlen(pat), NULL) : 0.0;
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

static spc_status read_stages(spc_outdir *d, const char *text, spc_error *err)
{
    const char *s = strstr(text, "\"stages\": [");
    if (s == NULL)
        return SPC_OK;
    size_t cap = 0;
    for (const char *t = s; (t = strstr(t, "{\"name\": ")) != NULL; t++)
        cap++;
    d->stages = calloc(cap ? cap : 1, sizeof *d->stages);
    if (d->stages == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    while (d->nstages < cap && (s = strstr(s, "{\"name\": ")) != NULL) {
        s++;
        if ((d->stages[d->nstages++] = json_string_at(s, "name", &s)) == NULL)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    return SPC_OK;
}

static spc_status read_run_json(spc_outdir *d, spc_error *err)
{
    char path[4200];
    if (spc_outdir_path(d, "run.json", path, sizeof path) != 0)
        return spc_error_set(err, SPC_ERR_READ, "%s: folder name too long", d->dir);
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t cap = 0;
    ssize_t got = f ? getdelim(&text, &cap, '\0', f) : -1;
    if (f != NULL)
        fclose(f);
    if (got < 0) {
        free(text);
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read", path);
    }
    d->version = json_string_at(text, "version", NULL);
    d->scenario = json_string_at(text, "scenario", NULL);
    d->name = json_string_at(text, "name", NULL);
    d->generator = json_string_at(text, "generator", NULL);
    d->time_unit = json_string_at(text, "time_unit", NULL);
    d->seed = strtoull(strstr(text, "\"seed\": ") ? strstr(text, "\"seed\": ") + 8 : "0", NULL, 10);
    double reps = json_number(text, "replications"), horizon = json_number(text, "horizon"),
           warmup = json_number(text, "warmup");
    if (json_check(path, "replications", reps, strstr(text, "\"replications\": ") ? 1 : 0, 1000000, 1,
                   err) != SPC_OK ||
        json_check(path, "horizon", horizon, 0, 1e9, 0, err) != SPC_OK ||
        json_check(path, "warmup", warmup, 0, 1e9, 0, err) != SPC_OK) {
        free(text);
        return err->code;
    }
    d->replications = (unsigned)reps;
    d->horizon = horizon;
    d->warmup = warmup;
    d->run_json = 1;
    spc_status st = read_stages(d, text, err);
    free(text);
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
