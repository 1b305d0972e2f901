/*
 * emplog.c -- rows per employee and year, and employees.csv (emplog.h).
 */
#include "spcsim/emplog.h"

#include <stdlib.h>
#include <string.h>

#include "spcsim/text.h"

void spc_emplog_init(spc_emplog *l)
{
    *l = (spc_emplog){ 0 };
}

void spc_emplog_release(spc_emplog *l)
{
    free(l->rows);
    *l = (spc_emplog){ 0 };
}

static int reserve(spc_emplog *l, size_t more)
{
    if (l->n + more <= l->cap)
        return 0;
    size_t cap = l->cap ? l->cap : 256;
    while (cap < l->n + more)
        cap *= 2;
    spc_emp_row *r = realloc(l->rows, cap * sizeof *r);
    if (r == NULL)
        return -1;
    l->rows = r;
    l->cap = cap;
    return 0;
}

int spc_emplog_add(spc_emplog *l, const spc_emp_row *r)
{
    if (reserve(l, 1) != 0)
        return -1;
    l->rows[l->n++] = *r;
    return 0;
}

int spc_emplog_append(spc_emplog *l, const spc_emplog *src)
{
    if (src->n == 0)
        return 0;
    if (reserve(l, src->n) != 0)
        return -1;
    memcpy(l->rows + l->n, src->rows, src->n * sizeof *src->rows);
    l->n += src->n;
    return 0;
}

void spc_emplog_write_csv(FILE *f, const spc_emplog *reps, unsigned n, const char *const *stage_names,
                          size_t nstages)
{
    fputs("replication,unit,stage,id,year,tenure,s_start,s_mean,exposure,quit,other,cohort\n", f);
    for (unsigned k = 0; k < n; k++)
        for (size_t i = 0; i < reps[k].n; i++) {
            const spc_emp_row *r = &reps[k].rows[i];
            if (r->stage < nstages)
                fprintf(f, "%u,%u,%s,%u,%u", k, r->unit, stage_names[r->stage], r->id, r->year);
            else
                fprintf(f, "%u,%u,%u,%u,%u", k, r->unit, r->stage, r->id, r->year);
            spc_csv_next(f, r->tenure);
            spc_csv_next(f, r->s_start);
            spc_csv_next(f, r->s_mean);
            spc_csv_next(f, r->exposure);
            fprintf(f, ",%u,%u,%u\n", r->quit, r->other, r->cohort);
        }
}
