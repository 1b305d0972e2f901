/*
 * senspart.h -- a sensitivity design run in parts (spcsim sensitivity
 * --part I/N) and merged back (--merge); the settings of --params-from.
 *
 * A part runs a contiguous run of the design's points (spc_senspart_range)
 * and writes points.csv: one row per point it ran, its settings and every
 * output's mean and noise written with 17 significant digits, so that
 * reading it back gives the very doubles the part computed. The merge
 * makes the design again from the same scenario and options (it depends
 * on them and the seed only), reads every part's rows into their places,
 * and checks that each row's settings are the design's at that point and
 * that every point is there exactly once; the indices and files computed
 * from them are then byte for byte those of one run of the whole design.
 */
#ifndef SPCSIM_SENSPART_H
#define SPCSIM_SENSPART_H

#include <stdio.h>

#include "spcsim/sensrun.h"

/* Part i of n (1-based) of npoints: the points [first, last), contiguous,
 * the sizes differing by at most one. */
void spc_senspart_range(size_t npoints, unsigned i, unsigned n, size_t *first, size_t *last);

/* points.csv: point,SETTING...,OUTPUT,OUTPUT:noise...,unreached -- the rows
 * [rq->first, rq->last) of r (noise: the variance of the mean; unreached:
 * 1 where the lever could not reach a chain output's rise). */
void spc_senspart_write(FILE *f, const spc_sens_design *d, const spc_sensrun_request *rq, const spc_sensrun *r);

/* Reads dir/points.csv into r's rows (r allocated for d and rq, its rows
 * NaN before the first part), marking covered[p]. Errors (SPC_ERR_USAGE,
 * naming the file and line): other columns than rq's, a point outside the
 * design or with other settings than d's, a point already read. */
spc_status spc_senspart_read(const char *dir, const spc_sens_design *d, const spc_sensrun_request *rq,
                             spc_sensrun *r, char *covered, spc_error *err);

/* The same from a part's points.csv as text (owned: freed here), named
 * `name` in messages: a rank's points under MPI (mpi.h). */
spc_status spc_senspart_read_text(char *text, const char *name, const spc_sens_design *d,
                                  const spc_sensrun_request *rq, spc_sensrun *r, char *covered, spc_error *err);

/* The settings of a --params-from FILE: one PATH=LOW:HIGH a line; blank
 * lines and everything after a '#' are ignored. Appends to *p (k of them,
 * *p reallocated; the caller releases each and frees it); an error names
 * the file and the line. */
spc_status spc_senspart_params_read(const char *file, spc_sens_param **p, size_t *k, spc_error *err);

#endif
