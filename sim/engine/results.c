/* results.c -- the tidy results table. */
#include "spcsim/results.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void spc_results_init(spc_results *r)
{
    r->rows = NULL;
    r->n = r->cap = 0;
}

void spc_results_release(spc_results *r)
{
    free(r->rows);
    spc_results_init(r);
}

int spc_results_add(spc_results *r, const char *scope, const char *metric, spc_estimate e)
{
    return spc_results_add_checked(r, scope, metric, e, SPC_BATCH_OK);
}

int spc_results_add_checked(spc_results *r, const char *scope, const char *metric, spc_estimate e,
                            spc_batch_verdict warn)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 64;
        spc_result_row *rows = realloc(r->rows, cap * sizeof *rows);
        if (rows == NULL)
            return -1;
        r->rows = rows;
        r->cap = cap;
    }
    spc_result_row *row = &r->rows[r->n++];
    snprintf(row->scope, sizeof row->scope, "%s", scope);
    snprintf(row->metric, sizeof row->metric, "%s", metric);
    row->e = e;
    row->warn = warn;
    return 0;
}

const spc_result_row *spc_results_find(const spc_results *r, const char *scope, const char *metric)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->rows[i].scope, scope) == 0 && strcmp(r->rows[i].metric, metric) == 0)
            return &r->rows[i];
    return NULL;
}

int spc_results_values(const spc_results *tables, unsigned n, const char *scope, const char *metric, double *x)
{
    for (unsigned r = 0; r < n; r++) {
        const spc_result_row *row = spc_results_find(&tables[r], scope, metric);
        if (row == NULL || !isfinite(row->e.mean))
            return 0;
        x[r] = row->e.mean;
    }
    return 1;
}
