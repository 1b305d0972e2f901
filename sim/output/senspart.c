/*
 * senspart.c -- the files of a sensitivity design that are read back
 * (senspart.h): a part's points.csv, written with every digit and read
 * back into the whole design's place; a --params-from list.
 */
#include "spcsim/senspart.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/csvtable.h"
#include "spcsim/text.h"

void spc_senspart_range(size_t npoints, unsigned i, unsigned n, size_t *first, size_t *last)
{
    spc_experiment_block(npoints, i, n, first, last);
}

/* ",x" with 17 significant digits (a double read back exactly); "" for NaN. */
static void exact(FILE *f, double x)
{
    fputc(',', f);
    if (!isnan(x))
        fprintf(f, "%.17g", x);
}

static void header(FILE *f, const spc_sensrun_request *rq, size_t k)
{
    fputs("point", f);
    for (size_t i = 0; i < k; i++) {
        fputc(',', f);
        spc_csv_text(f, rq->param[i].path);
    }
    for (size_t o = 0; o < rq->m; o++) {
        char noise[sizeof rq->metric[o].name + 8];
        fputc(',', f);
        spc_csv_text(f, rq->metric[o].name);
        snprintf(noise, sizeof noise, "%s:noise", rq->metric[o].name);
        fputc(',', f);
        spc_csv_text(f, noise);
    }
    fputs(",unreached\n", f);
}

void spc_senspart_write(FILE *f, const spc_sens_design *d, const spc_sensrun_request *rq, const spc_sensrun *r)
{
    header(f, rq, d->k);
    size_t last = rq->last ? rq->last : d->npoints;
    for (size_t p = rq->first; p < last; p++) {
        fprintf(f, "%zu", p);
        for (size_t i = 0; i < d->k; i++)
            exact(f, d->x[p * d->k + i]);
        for (size_t o = 0; o < rq->m; o++) {
            exact(f, r->y[p * rq->m + o]);
            exact(f, r->var[p * rq->m + o]);
        }
        fprintf(f, ",%d\n", r->unreached_at[p]);
    }
}

/* The header must be the one this request writes. */
static spc_status check_header(const spc_csvtable *t, const char *path, const spc_sensrun_request *rq, size_t k,
                               spc_error *err)
{
    char *want = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&want, &size);
    if (f == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    header(f, rq, k);
    fclose(f);
    int ok = t->ncols == 2 + k + 2 * rq->m;
    char *cut = want;
    for (size_t c = 0; ok && c < t->ncols; c++) {
        size_t n = strcspn(cut, ",\n");
        ok = strlen(t->cell[c]) == n && strncmp(cut, t->cell[c], n) == 0;
        cut += n + 1;
    }
    free(want);
    if (!ok)
        return spc_error_set(err, SPC_ERR_USAGE, "%s:1: the columns are not this design's settings and outputs "
                             "(was the part run with other --param, --params-from or --metric?)", path);
    return SPC_OK;
}

/* One row: its point, its settings (those of the design), its outputs. */
static spc_status read_row(const spc_csvtable *t, size_t row, const char *path, const spc_sens_design *d,
                           const spc_sensrun_request *rq, spc_sensrun *r, char *covered, spc_error *err)
{
    char *end;
    const char *ps = spc_csvtable_get(t, row, 0);
    unsigned long long p = strtoull(ps, &end, 10);
    if (*ps == '\0' || *end != '\0' || p >= d->npoints)
        return spc_error_set(err, SPC_ERR_USAGE, "%s:%zu: point '%s' is not in the design of %zu points", path,
                             row + 2, ps, d->npoints);
    if (covered[p])
        return spc_error_set(err, SPC_ERR_USAGE, "%s:%zu: point %llu was already read from another part", path,
                             row + 2, p);
    for (size_t i = 0; i < d->k; i++)
        if (spc_csvtable_num(t, row, (int)(1 + i)) != d->x[p * d->k + i])
            return spc_error_set(err, SPC_ERR_USAGE, "%s:%zu: point %llu's %s is not the design's (was the part "
                                 "run with another scenario, seed, method or size?)", path, row + 2, p,
                                 rq->param[i].path);
    for (size_t o = 0; o < rq->m; o++) {
        r->y[p * rq->m + o] = spc_csvtable_num(t, row, (int)(1 + d->k + 2 * o));
        r->var[p * rq->m + o] = spc_csvtable_num(t, row, (int)(2 + d->k + 2 * o));
    }
    r->unreached_at[p] = strcmp(spc_csvtable_get(t, row, (int)(1 + d->k + 2 * rq->m)), "1") == 0;
    r->unreached += (size_t)r->unreached_at[p];
    covered[p] = 1;
    return SPC_OK;
}

/* The rows of a loaded points.csv (named path) into r. */
static spc_status read_table(spc_csvtable *t, const char *path, const spc_sens_design *d,
                             const spc_sensrun_request *rq, spc_sensrun *r, char *covered, spc_error *err)
{
    if (check_header(t, path, rq, d->k, err) == SPC_OK)
        for (size_t row = 0; row < t->nrows && err->code == SPC_OK; row++)
            read_row(t, row, path, d, rq, r, covered, err);
    spc_csvtable_free(t);
    return err->code;
}

spc_status spc_senspart_read(const char *dir, const spc_sens_design *d, const spc_sensrun_request *rq,
                             spc_sensrun *r, char *covered, spc_error *err)
{
    char path[4096];
    spc_csvtable t = { 0 };
    if ((size_t)snprintf(path, sizeof path, "%s/points.csv", dir) >= sizeof path)
        return spc_error_set(err, SPC_ERR_USAGE, "--merge %s: the path is too long", dir);
    if (spc_csvtable_load(&t, path, err) != SPC_OK)
        return err->code;
    return read_table(&t, path, d, rq, r, covered, err);
}

spc_status spc_senspart_read_text(char *text, const char *name, const spc_sens_design *d,
                                  const spc_sensrun_request *rq, spc_sensrun *r, char *covered, spc_error *err)
{
    spc_csvtable t = { 0 };
    if (spc_csvtable_take(&t, text, err) != SPC_OK)
        return err->code;
    return read_table(&t, name, d, rq, r, covered, err);
}

/* ---- --params-from FILE ---- */

/* The line without its comment and surrounding blanks (in place). */
static char *trim_line(char *line)
{
    char *hash = strchr(line, '#');
    if (hash != NULL)
        *hash = '\0';
    while (isspace((unsigned char)*line))
        line++;
    size_t n = strlen(line);
    while (n > 0 && isspace((unsigned char)line[n - 1]))
        line[--n] = '\0';
    return line;
}

spc_status spc_senspart_params_read(const char *file, spc_sens_param **p, size_t *k, spc_error *err)
{
    size_t size;
    char *text = spc_text_read_file(file, &size);
    if (text == NULL)
        return spc_error_set(err, SPC_ERR_READ, "--params-from %s: cannot read it: %s", file, strerror(errno));
    unsigned line = 0;
    for (char *s = text, *next; s != NULL && err->code == SPC_OK; s = next) {
        next = strchr(s, '\n');
        if (next != NULL)
            *next++ = '\0';
        line++;
        char *arg = trim_line(s);
        if (*arg == '\0')
            continue;
        spc_sens_param *grown = realloc(*p, (*k + 1) * sizeof **p);
        if (grown == NULL) {
            spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
            break;
        }
        *p = grown;
        if (spc_sens_param_parse(arg, &grown[*k], err) == SPC_OK) {
            grown[*k].rule = "--params-from";
            (*k)++;
        } else {
            char msg[sizeof err->msg];
            snprintf(msg, sizeof msg, "%s", err->msg);
            snprintf(err->msg, sizeof err->msg, "%.200s:%u: %.800s", file, line, msg);
        }
    }
    free(text);
    return err->code;
}
