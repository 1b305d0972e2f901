/*
 * repdata.c -- one replication's raw results as text (repdata.h): the
 * exchange format of run parts (spcsim merge) and of MPI ranks.
 */
#include "spcsim/repdata.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FORMAT 1

/* ---- writing ---- */

static void num(FILE *f, double x)
{
    fprintf(f, "\t%.17g", x);
}

static void nums(FILE *f, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        num(f, v[i]);
}

/* 1 when some interval bound of the time-series row is set (combined rows). */
static int has_bounds(const spc_ts_row *r)
{
    for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
        if (!isnan(r->lo[c]) || !isnan(r->hi[c]))
            return 1;
    return 0;
}

void spc_repdata_header(FILE *f)
{
    fprintf(f, "spcsim-replications %d %d %d\n", FORMAT, (int)SPC_TS_NCOLUMNS, (int)SPC_P_NCOLUMNS);
}

int spc_repdata_write(FILE *f, const spc_experiment *x, unsigned i, unsigned rep)
{
    const spc_results *res = &x->rep[i];
    const spc_timeseries *ts = &x->rep_ts[i];
    const spc_panel *pn = &x->rep_panel[i];
    const spc_emplog *emp = &x->rep_emp[i];
    size_t nemp = x->employees ? emp->n : 0;
    fprintf(f, "rep\t%u\t%llu", rep, (unsigned long long)x->info[i].events);
    num(f, x->info[i].end_time);
    fprintf(f, "\t%zu\t%zu\t%zu\t%zu\n", res->n, ts->n, pn->n, nemp);
    for (size_t k = 0; k < res->n; k++) {
        const spc_result_row *r = &res->rows[k];
        fprintf(f, "r\t%s\t%s", r->scope, r->metric);
        num(f, r->e.mean), num(f, r->e.lo), num(f, r->e.hi), num(f, r->e.n);
        fprintf(f, "\t%d\n", (int)r->warn);
    }
    for (size_t k = 0; k < ts->n; k++) {
        const spc_ts_row *r = &ts->rows[k];
        fprintf(f, "t\t%ld", r->period);
        num(f, r->time);
        fprintf(f, "\t%s", r->scope);
        nums(f, r->v, SPC_TS_NCOLUMNS);
        if (has_bounds(r))
            nums(f, r->lo, SPC_TS_NCOLUMNS), nums(f, r->hi, SPC_TS_NCOLUMNS);
        fputc('\n', f);
    }
    for (size_t k = 0; k < pn->n; k++) {
        const spc_panel_row *r = &pn->rows[k];
        fprintf(f, "p\t%lu\t%ld", (unsigned long)r->unit, r->period);
        num(f, r->time);
        nums(f, r->v, SPC_P_NCOLUMNS);
        fputc('\n', f);
    }
    for (size_t k = 0; k < nemp; k++) {
        const spc_emp_row *r = &emp->rows[k];
        fprintf(f, "e\t%lu\t%lu\t%lu\t%lu", (unsigned long)r->unit, (unsigned long)r->stage, (unsigned long)r->id,
                (unsigned long)r->year);
        num(f, r->tenure), num(f, r->s_start), num(f, r->s_mean), num(f, r->exposure);
        fprintf(f, "\t%u\t%u\t%u\n", r->quit, r->other, r->cohort);
    }
    return ferror(f) ? -1 : 0;
}

char *spc_repdata_text(const spc_experiment *x, unsigned first, size_t *size)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, size);
    if (f == NULL)
        return NULL;
    spc_repdata_header(f);
    int bad = 0;
    for (unsigned i = 0; i < x->n; i++)
        bad |= spc_repdata_write(f, x, i, first + i) != 0;
    if (fclose(f) != 0 || bad) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* ---- reading ---- */

/* A line split at its tabs, in place. */
typedef struct {
    FILE *f;
    const char *name;
    char *buf;
    size_t size;
    long line;
    char *field[3 * SPC_TS_NCOLUMNS + 8];
    size_t n;
} reader;

/* The next line, split; 0 at the end of the file. */
static int next_line(reader *r)
{
    ssize_t len = getline(&r->buf, &r->size, r->f);
    if (len <= 0)
        return 0;
    r->line++;
    if (r->buf[len - 1] == '\n')
        r->buf[--len] = '\0';
    r->n = 0;
    for (char *s = r->buf; r->n < sizeof r->field / sizeof r->field[0];) {
        r->field[r->n++] = s;
        s = strchr(s, '\t');
        if (s == NULL)
            break;
        *s++ = '\0';
    }
    return 1;
}

static spc_status bad(reader *r, spc_error *err, const char *what)
{
    return spc_error_set(err, SPC_ERR_USAGE, "%s:%ld: %s", r->name, r->line, what);
}

/* Field k as a double / a whole number; 0, or -1 when it is not one. */
static int get_num(const reader *r, size_t k, double *v)
{
    char *end;
    if (k >= r->n || r->field[k][0] == '\0')
        return -1;
    *v = strtod(r->field[k], &end);
    return *end == '\0' ? 0 : -1;
}

static int get_whole(const reader *r, size_t k, unsigned long long max, unsigned long long *v)
{
    char *end;
    if (k >= r->n || r->field[k][0] < '0' || r->field[k][0] > '9')
        return -1;
    errno = 0;
    *v = strtoull(r->field[k], &end, 10);
    return *end == '\0' && errno == 0 && *v <= max ? 0 : -1;
}

static int get_nums(const reader *r, size_t k, double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (get_num(r, k + i, &v[i]) != 0)
            return -1;
    return 0;
}

/* A text field into buf (size bytes with the '\0'). */
static int get_text(const reader *r, size_t k, char *buf, size_t size)
{
    if (k >= r->n || r->field[k][0] == '\0' || strlen(r->field[k]) >= size)
        return -1;
    memcpy(buf, r->field[k], strlen(r->field[k]) + 1);
    return 0;
}

static int read_result(reader *r, spc_results *res)
{
    spc_result_row row;
    unsigned long long warn;
    memset(&row, 0, sizeof row);
    if (r->n != 8 || strcmp(r->field[0], "r") != 0 || get_text(r, 1, row.scope, sizeof row.scope) ||
        get_text(r, 2, row.metric, sizeof row.metric) || get_num(r, 3, &row.e.mean) || get_num(r, 4, &row.e.lo) ||
        get_num(r, 5, &row.e.hi) || get_num(r, 6, &row.e.n) || get_whole(r, 7, SPC_BATCH_CORRELATED, &warn))
        return -1;
    return spc_results_add_checked(res, row.scope, row.metric, row.e, (spc_batch_verdict)warn) != 0 ? -2 : 0;
}

static int read_ts(reader *r, spc_timeseries *ts)
{
    double period, time;
    char scope[sizeof ts->rows[0].scope];
    size_t n = SPC_TS_NCOLUMNS;
    if ((r->n != 4 + n && r->n != 4 + 3 * n) || strcmp(r->field[0], "t") != 0 || get_num(r, 1, &period) ||
        period != floor(period) || get_num(r, 2, &time) || get_text(r, 3, scope, sizeof scope))
        return -1;
    spc_ts_row *row = spc_timeseries_add(ts, (long)period, time, scope);
    if (row == NULL)
        return -2;
    if (get_nums(r, 4, row->v, n) != 0)
        return -1;
    return r->n == 4 + n || (get_nums(r, 4 + n, row->lo, n) == 0 && get_nums(r, 4 + 2 * n, row->hi, n) == 0) ? 0 : -1;
}

static int read_panel(reader *r, spc_panel *pn)
{
    unsigned long long unit;
    double period, time;
    if (r->n != 4 + SPC_P_NCOLUMNS || strcmp(r->field[0], "p") != 0 || get_whole(r, 1, UINT32_MAX, &unit) ||
        get_num(r, 2, &period) || period != floor(period) || get_num(r, 3, &time))
        return -1;
    spc_panel_row *row = spc_panel_add(pn, (uint32_t)unit, (long)period, time);
    if (row == NULL)
        return -2;
    return get_nums(r, 4, row->v, SPC_P_NCOLUMNS);
}

static int read_emp(reader *r, spc_emplog *emp)
{
    unsigned long long u[7];
    spc_emp_row row;
    if (r->n != 12 || strcmp(r->field[0], "e") != 0)
        return -1;
    for (size_t k = 0; k < 4; k++)
        if (get_whole(r, 1 + k, UINT32_MAX, &u[k]) != 0)
            return -1;
    for (size_t k = 0; k < 3; k++)
        if (get_whole(r, 9 + k, 1, &u[4 + k]) != 0)
            return -1;
    if (get_num(r, 5, &row.tenure) || get_num(r, 6, &row.s_start) || get_num(r, 7, &row.s_mean) ||
        get_num(r, 8, &row.exposure))
        return -1;
    row.unit = (uint32_t)u[0], row.stage = (uint32_t)u[1], row.id = (uint32_t)u[2], row.year = (uint32_t)u[3];
    row.quit = (uint8_t)u[4], row.other = (uint8_t)u[5], row.cohort = (uint8_t)u[6];
    return spc_emplog_add(emp, &row) != 0 ? -2 : 0;
}

/* count rows of one kind into replication i. */
static spc_status read_rows(reader *r, int (*one)(reader *, void *), void *into, size_t count, spc_error *err)
{
    for (size_t k = 0; k < count; k++) {
        if (!next_line(r))
            return bad(r, err, "the file ends inside a replication (a part cut short?)");
        int rc = one(r, into);
        if (rc == -2)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory reading %s", r->name);
        if (rc != 0)
            return bad(r, err, "not a row of a replication's results");
    }
    return SPC_OK;
}

/* The adapters of the row readers to read_rows. */
static int one_result(reader *r, void *p) { return read_result(r, p); }
static int one_ts(reader *r, void *p) { return read_ts(r, p); }
static int one_panel(reader *r, void *p) { return read_panel(r, p); }
static int one_emp(reader *r, void *p) { return read_emp(r, p); }

static spc_status read_rep(reader *r, spc_experiment *x, char *filled, spc_error *err)
{
    unsigned long long rep, events, n[4];
    double end;
    if (r->n != 8 || strcmp(r->field[0], "rep") != 0 || get_whole(r, 1, UINT32_MAX, &rep) ||
        get_whole(r, 2, UINT64_MAX, &events) || get_num(r, 3, &end) || get_whole(r, 4, SIZE_MAX, &n[0]) ||
        get_whole(r, 5, SIZE_MAX, &n[1]) || get_whole(r, 6, SIZE_MAX, &n[2]) || get_whole(r, 7, SIZE_MAX, &n[3]))
        return bad(r, err, "expected 'rep INDEX EVENTS END NRESULTS NTS NPANEL NEMP'");
    if (rep >= x->n)
        return spc_error_set(err, SPC_ERR_USAGE, "%s:%ld: replication %llu is not one of the run's %u", r->name,
                             r->line, rep, x->n);
    if (filled[rep])
        return spc_error_set(err, SPC_ERR_USAGE, "%s:%ld: replication %llu was already read from another part",
                             r->name, r->line, rep);
    filled[rep] = 1;
    x->info[rep].events = events;
    x->info[rep].end_time = end;
    if (read_rows(r, one_result, &x->rep[rep], n[0], err) != SPC_OK ||
        read_rows(r, one_ts, &x->rep_ts[rep], n[1], err) != SPC_OK ||
        read_rows(r, one_panel, &x->rep_panel[rep], n[2], err) != SPC_OK)
        return err->code;
    return read_rows(r, one_emp, &x->rep_emp[rep], n[3], err);
}

spc_status spc_repdata_read(FILE *f, const char *name, spc_experiment *x, char *filled, spc_error *err)
{
    reader r = { .f = f, .name = name };
    char want[80];
    snprintf(want, sizeof want, "spcsim-replications %d %d %d", FORMAT, (int)SPC_TS_NCOLUMNS, (int)SPC_P_NCOLUMNS);
    if (!next_line(&r) || r.n != 1 || strcmp(r.buf, want) != 0)
        spc_error_set(err, SPC_ERR_USAGE, "%s:1: not the replications of this version of spcsim (expected the line "
                      "'%s')", name, want);
    while (err->code == SPC_OK && next_line(&r))
        read_rep(&r, x, filled, err);
    if (err->code == SPC_OK && ferror(f))
        spc_error_set(err, SPC_ERR_USAGE, "%s: cannot read: %s", name, strerror(errno));
    free(r.buf);
    return err->code;
}
