/*
 * plot_gp.h -- private to the plot module: the pieces every gnuplot
 * script shares (plot_gp.c), and the script writers of each kind of figure
 * (plot_run.c, plot_study.c), which plot.c calls.
 */
#ifndef SPCSIM_PLOT_GP_H
#define SPCSIM_PLOT_GP_H

#include <stdio.h>

#include "spcsim/csvtable.h"
#include "spcsim/output.h"
#include "spcsim/plot.h"

#define PLOT_PANELS 6 /* at most per figure: readable on a projector */

/* A gnuplot string literal in single quotes: no backslash escapes and no
 * `command` substitution happen inside them; ' is doubled, control
 * characters are dropped. */
void plot_gp_str(FILE *f, const char *s);

/* A condition true on the rows of t whose column c holds text, for a
 * `with table if (...)` or a function of a script that reads t's file:
 * `LHS eq 'text'` (lhs: gnuplot's reading of the field, e.g.
 * strcol("variant")) when gnuplot reads every field of column c back as
 * written, else the rows by their number, column(0) (gnuplot 5.4 does not
 * undo the doubled quotes of a CSV field, nor keep its commas: a swept
 * value "gamma", written """gamma""", reads as empty). */
void plot_gp_match(FILE *f, const spc_csvtable *t, int c, const char *lhs, const char *text);

/* Into buf, the expression of an interval's bound, column `bound` of a CSV
 * read with its header, or the estimate, column `est`, where the bound is
 * empty (one replication: no interval): the row is then drawn as the
 * estimate alone, a bar of no width, where gnuplot would skip a row with an
 * empty column (and a table of no rows is no datablock at all). Returns buf. */
const char *plot_gp_bound(char *buf, size_t size, const char *bound, const char *est);

/* Opens NAME.gp in out, registers the figure in set and writes the header
 * comment and the CSV settings (the drawing comes after, see
 * plot_gp_formats). NULL on error (err set), or when the set is full (no
 * error: the figure is left out). */
FILE *plot_gp_open(spc_output *out, spc_plot_set *set, const char *name, spc_plot_kind kind,
                   const char *title, const char *from, spc_error *err);

/* `do for [format in formats] {` (formats "svg" unless set before, as
 * plot_draw.c does) with both terminals and the output NAME.format; then
 * a multiplot of n panels titled `title`. */
void plot_gp_formats(FILE *f, const char *name, size_t panels, const char *title);

/* The same with the layout given: rows x cols panels, the left margin
 * (and the space between columns) a fraction of the width. */
void plot_gp_formats_grid(FILE *f, const char *name, size_t rows, size_t cols, const char *title, double left);

/* Whether panel i (from 0) of n is at the bottom of its column: the
 * panels share their x axis, only those carry its label. */
int plot_gp_bottom(size_t i, size_t panels);

/* Closes the multiplot and the loop opened by plot_gp_formats. */
void plot_gp_formats_end(FILE *f);

/* The figure's key: once, centred under the title (on), or none (off). */
void plot_gp_key(FILE *f, int on);

/* `set ytics STEP` for about 6 tics over [lo, hi]. */
void plot_gp_ytics(FILE *f, double lo, double hi);

/* Widens [*lo, *hi] to the finite values of column c among the rows whose
 * column key_col equals key (key_col < 0: all rows). */
void plot_range(const spc_csvtable *t, int c, int key_col, const char *key, double *lo, double *hi);

/* Field (r, c) of t the way gnuplot reads a CSV field: 0 when it is
 * empty or not a number (`with table` leaves such a row out), else 1 and
 * its value in *x (NaN included: gnuplot keeps "nan"). The figures whose
 * data spcsim writes into their scripts as datablocks (one line per row
 * kept, the values as %g: what `plot FILE using ... with table if (...)`
 * made) use it, so that gnuplot does not read the file once per series. */
int plot_field(const spc_csvtable *t, size_t r, int c, double *x);

/* A colour of the palette (cycled). */
const char *plot_gp_colour(size_t i);

/* The time axis: divisor from the scenario's time unit to the axis unit,
 * and the axis label ("time (weeks)"). */
double plot_time_axis(const spc_outdir *d, const char **label);

/* A metric's value is finite and nonzero somewhere in column c among
 * rows whose column key_col equals key (key_col < 0: all rows). */
int plot_has_data(const spc_csvtable *t, int c, int key_col, const char *key);

/* plot_draw.c: removes fig's files of the formats not in keep (0: all). */
void plot_remove_figures(const spc_outdir *d, const spc_plot_figure *fig, unsigned keep);

/* ---- the writers: each reads its CSV and adds its figures to set ---- */
spc_status plot_timeseries(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
spc_status plot_stages(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
spc_status plot_compare(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
spc_status plot_sweep(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
spc_status plot_chain(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
/* chain-pathways: the decomposition's parts per link (only with pathway rows) */
spc_status plot_chain_pathways(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
/* plot_chaintime.c: chain_dose.csv and chain_periods.csv */
spc_status plot_chain_dose(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
spc_status plot_chain_periods(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
/* plot_story.c: story.csv (the story figure) */
spc_status plot_story(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
/* the replications' values of the headline measures (arm_replications.csv or replications.csv) */
spc_status plot_dist(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);
/* plot_sensitivity.c: sensitivity.csv (tornado; Morris' mu*-sigma) */
spc_status plot_sensitivity(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err);

#endif
