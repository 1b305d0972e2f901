/*
 * csvtable.h -- a CSV file read back whole: a header row and text fields.
 *
 * The reader of what text.h writes: comma-separated fields, a field in
 * double quotes when it holds a comma, a quote (doubled) or a newline.
 * Used by the figures and the report, which are made from the CSV files
 * in an output folder, never from memory, so that `spcsim plot DIR` redraws
 * exactly what the run drew.
 */
#ifndef SPCSIM_CSVTABLE_H
#define SPCSIM_CSVTABLE_H

#include <stddef.h>

#include "spcsim/error.h"

typedef struct {
    char *text;     /* the file, cut into fields in place; owned */
    char **cell;    /* (nrows + 1) x ncols, row 0 the header; owned */
    size_t nrows;   /* data rows, the header not counted */
    size_t ncols;   /* the header's fields; shorter rows read as "" */
} spc_csvtable;

/* Reads path into t. SPC_ERR_READ when it cannot be opened or read,
 * SPC_ERR_INTERNAL when out of memory. On error t is empty (safe to free). */
spc_status spc_csvtable_load(spc_csvtable *t, const char *path, spc_error *err);

/* The same from a text in memory ('\0'-terminated), which t takes over
 * (freed with t, also after an error). SPC_ERR_INTERNAL when out of memory. */
spc_status spc_csvtable_take(spc_csvtable *t, char *text, spc_error *err);

/* The index of the header field `name`, or -1. */
int spc_csvtable_column(const spc_csvtable *t, const char *name);

/* Row r (0 = the first data row), column c; "" when c < 0 or absent. */
const char *spc_csvtable_get(const spc_csvtable *t, size_t r, int c);

/* The field as a number; NAN when empty or not a number. */
double spc_csvtable_num(const spc_csvtable *t, size_t r, int c);

/* Frees what t owns (t itself is the caller's); accepts an empty t. */
void spc_csvtable_free(spc_csvtable *t);

#endif
