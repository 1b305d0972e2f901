/*
 * emplog.h -- one row per employee and year of a run: the data behind
 * employees.csv (spcsim run --employees), from which a researcher computes
 * the individual satisfaction-quit correlation and the quit rate.
 *
 * A "year" is the k-th span of workforce.turnover.year time units counted
 * from the end of the warm-up (year 0 starts there). An employee present at
 * the start of a year, or hired in it, has a row for it: satisfaction at the
 * start of the year (or at hire), the time-weighted mean satisfaction over
 * the part of the year they were present, and whether they quit in it, or
 * left for another reason (a layoff, or leaving for a reason that is not
 * their satisfaction). Rows of a year that the horizon cuts short are kept,
 * with `exposure` saying what share of a year they cover.
 */
#ifndef SPCSIM_EMPLOG_H
#define SPCSIM_EMPLOG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    uint32_t unit, stage, id, year;
    double tenure;      /* at the start of the row (time units) */
    double s_start;     /* satisfaction at the start of the row, 0-100 */
    double s_mean;      /* time-weighted mean satisfaction while present in the row */
    double exposure;    /* share of the year the row covers, (0, 1] */
    uint8_t quit;       /* 1: quit in this year */
    uint8_t other;      /* 1: left for another reason (layoff, other-reason departure) */
    uint8_t cohort;     /* 1: present at the start of the year, and the year ended
                         * before the horizon: the rows of the satisfaction-quit
                         * correlation and of the annual quit rate */
} spc_emp_row;

typedef struct {
    spc_emp_row *rows;
    size_t n, cap;
} spc_emplog;

void spc_emplog_init(spc_emplog *l);
void spc_emplog_release(spc_emplog *l);
/* Appends a copy of *r; -1 when out of memory. */
int spc_emplog_add(spc_emplog *l, const spc_emp_row *r);
/* Appends every row of src (a unit's log into its replication's); -1 when out of memory. */
int spc_emplog_append(spc_emplog *l, const spc_emplog *src);

/* employees.csv: replication,unit,stage,id,year,tenure,s_start,s_mean,
 * exposure,quit,other,cohort, for n replications' logs; stage by name. */
void spc_emplog_write_csv(FILE *f, const spc_emplog *reps, unsigned n, const char *const *stage_names,
                          size_t nstages);

#endif
