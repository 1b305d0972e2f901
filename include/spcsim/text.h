/*
 * text.h -- small text helpers shared by the outputs and the command line:
 * CSV fields written the same way everywhere, and splitting a list of
 * libconfig values at separators that are not inside quotes or brackets.
 */
#ifndef SPCSIM_TEXT_H
#define SPCSIM_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* The significant digits of every number in the CSV files. */
#define SPC_CSV_DIGITS 10

/* A number as "%.10g" (SPC_CSV_DIGITS; the same on every run); nothing
 * for NaN/inf. */
void spc_csv_num(FILE *f, double x);

/* ",x": the next field of a row, a number as spc_csv_num writes it. */
void spc_csv_next(FILE *f, double x);

/* ",mean,low,high": an estimate and its interval as three fields. */
void spc_csv_interval(FILE *f, double mean, double lo, double hi);

/* "scope,metric,mean,low,high,n": a results row as in summary.csv (and
 * the end of a sweep.csv row). */
void spc_csv_result(FILE *f, const char *scope, const char *metric, double mean, double lo, double hi, double n);

/* A text field, in double quotes (doubled inside) when it holds a comma,
 * a quote or a newline, or begins with # (which gnuplot would take for a
 * comment, skipping the row). */
void spc_csv_text(FILE *f, const char *text);

/* Cuts `text` in place at each `sep` outside "...", [...], (...) and {...};
 * stores up to max pointers to the non-empty pieces and returns how many
 * pieces there are (more than max: the rest are counted, not stored). */
size_t spc_text_split(char *text, char sep, char **piece, size_t max);
/* The same, keeping the empty pieces ("1,,2" has three, "" one): for lists
 * in which an empty piece is an error to report. */
size_t spc_text_split_all(char *text, char sep, char **piece, size_t max);

/* A whole file, NUL-terminated, its length (without the NUL) in *len when
 * len is not NULL; NULL when it cannot be read or memory runs out. The
 * caller frees. */
char *spc_text_read_file(const char *path, size_t *len);

#endif
