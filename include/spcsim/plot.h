/*
 * plot.h -- gnuplot scripts beside the CSV files of an output folder, and
 * the figures (PNG and SVG) they draw.
 *
 * The scripts are made from the files in the folder (spc_outdir), so a run
 * and `spcsim plot DIR` write the same scripts. Each script reads its CSV
 * by relative name and draws NAME.svg in the folder it runs in, and
 * NAME.png too when told (gnuplot -e "formats='svg png'" NAME.gp): a user
 * can edit it and run `gnuplot NAME.gp` there. Which metrics
 * are drawn follows the data: a metric (or scope) absent from the CSV, or
 * zero throughout, is left out.
 *
 * The formats drawn by default are SVG only: report.html embeds the SVG,
 * and a slide takes it at any size; PNG (pngcairo, 1600x1000) costs ten
 * times as much to draw and is drawn when asked (run and plot --formats).
 *
 * Nothing here prints. Drawing runs gnuplot as child processes (fork,
 * execv: no shell, so no folder name is ever parsed as a command) that
 * read the scripts' names on their standard input (plot_draw.c), their
 * output captured for the error message.
 */
#ifndef SPCSIM_PLOT_H
#define SPCSIM_PLOT_H

#include <signal.h>
#include <stddef.h>

#include "spcsim/error.h"
#include "spcsim/outdir.h"

#define SPC_PLOT_MAX 15 /* figures per folder (an spc_output holds 16 files) */

typedef enum {
    SPC_PLOT_TIMESERIES, /* a scope's metrics over time, with 95% bands */
    SPC_PLOT_STAGES,     /* the stage chain: utilisation, wait, ISQ per stage */
    SPC_PLOT_COMPARE,    /* differences between variants, with intervals */
    SPC_PLOT_SWEEP,      /* metrics along the swept parameter */
    SPC_PLOT_CHAIN,      /* chain.csv: the service-profit chain's links */
    SPC_PLOT_CHAIN_DOSE, /* chain_dose.csv: each measure's change against ESAT's */
    SPC_PLOT_CHAIN_PERIODS, /* chain_periods.csv: the changes period by period */
    SPC_PLOT_SENS_TORNADO, /* sensitivity.csv: each output's settings as bars, longest on top */
    SPC_PLOT_SENS_MORRIS,  /* sensitivity.csv, Morris: mu* against sigma */
    SPC_PLOT_STORY,        /* story.csv: ESAT, CSAT, customers, profit over time, decision marked */
    SPC_PLOT_DIST          /* the replications' values of the headline measures (strip plot) */
} spc_plot_kind;

typedef struct {
    char name[64];    /* NAME.gp draws NAME.svg (and NAME.png) */
    char title[200];  /* what it shows, for the report */
    spc_plot_kind kind;
    int drawn;        /* set by spc_plot_draw */
} spc_plot_figure;

/* The figures' formats, a set of bits. */
#define SPC_PLOT_SVG 1u
#define SPC_PLOT_PNG 2u
#define SPC_PLOT_ALL (SPC_PLOT_SVG | SPC_PLOT_PNG)
#define SPC_PLOT_FORMATS_DEFAULT SPC_PLOT_SVG

typedef struct {
    size_t n;
    spc_plot_figure fig[SPC_PLOT_MAX];
    unsigned formats; /* drawn by spc_plot_draw (0: the default); set by the caller */
} spc_plot_set;

/* "svg", "png", "all" or a comma list of them into formats bits (SVG
 * always: report.html embeds it; "png" adds the PNG); 0 when the list
 * holds anything else (or nothing). */
unsigned spc_plot_parse_formats(const char *list);

/* The formats as gnuplot's list ("svg", "svg png"); 0: the default. */
const char *spc_plot_formats_list(unsigned formats);

/* Writes every script the folder's CSV files call for, atomically (all or
 * none), and lists them in *set (formats 0). SPC_ERR_OUTPUT when they cannot be written. */
spc_status spc_plot_write_scripts(const spc_outdir *d, spc_plot_set *set, spc_error *err);

/* The gnuplot program: `program` (a path, or a name looked up on PATH),
 * "gnuplot" when program is NULL or empty. Fills buf with the path found;
 * returns 1 when it exists and is executable, 0 when it is missing. */
int spc_plot_find_gnuplot(const char *program, char *buf, size_t size);

/* gnuplot's version, for run.json: `program` found as spc_plot_find_gnuplot
 * does, run as `gnuplot --version`, its first line in buf ("gnuplot 5.4
 * patchlevel 4"); "not found" when it is missing, "unknown" when it fails. */
void spc_plot_gnuplot_version(const char *program, char *buf, size_t size);

/* The most gnuplots spc_plot_draw runs at once. */
#define SPC_PLOT_JOBS_MAX 16

/* gnuplots started before the figures' folder exists (by `run`, before
 * its replications, so their start overlaps the simulation), waiting for
 * scripts on their standard input in the current folder: min(n, 2), each
 * in its own process group; the first is asked its version at once.
 * `stop` (NULL or the face's flag) ends a wait for the version. NULL
 * only when out of memory; gnuplots that cannot be started are left out
 * (spc_plot_draw starts its own). */
typedef struct spc_plot_gnuplots spc_plot_gnuplots;
spc_plot_gnuplots *spc_plot_gnuplots_start(const char *gnuplot, unsigned n, const volatile sig_atomic_t *stop);

/* Starts more gnuplots waiting in the current folder, so that n wait for
 * a script (at most SPC_PLOT_JOBS_MAX in all; g NULL: nothing). `run`
 * calls it when its replications are done: the start of a gnuplot (its
 * libraries: about 17 ms of CPU) then happens while spcsim writes its
 * outputs, on the core that writing leaves idle, not while figures are
 * drawn. */
void spc_plot_gnuplots_more(spc_plot_gnuplots *g, unsigned n);

/* The first gnuplot's version as `gnuplot --version` prints it ("gnuplot
 * 5.4 patchlevel 4"), for run.json; waits for its answer; "unknown" when
 * it ended without one (or, with the stop flag set, gave none in a second). */
void spc_plot_gnuplots_version(spc_plot_gnuplots *g, char *buf, size_t size);

/* Waits for those that drew a figure to end, stops the others (SIGTERM
 * to their groups) and waits for them; frees g (NULL: nothing). */
void spc_plot_gnuplots_end(spc_plot_gnuplots *g);

/* Runs gnuplot (a path from spc_plot_find_gnuplot) on every script of set,
 * in the folder, drawing set->formats, and marks the figures drawn: up to
 * `jobs` gnuplots at once (at most SPC_PLOT_JOBS_MAX), one per script
 * (gnuplot's SVG terminal carries state from one plot to the next), so
 * every figure is the one `gnuplot NAME.gp` draws, whatever `jobs`.
 * `started`: gnuplots from spc_plot_gnuplots_start to use first (NULL:
 * none); those that drew a figure may still be ending when this returns
 * (spc_plot_gnuplots_end waits for them); without `started` every gnuplot
 * has ended. A script that fails has its figures removed; the error names the first
 * failing script in the scripts' order with gnuplot's complaint
 * (SPC_ERR_INTERNAL), the others are still drawn. A drawn figure's files
 * of the formats not drawn are removed (a redrawn folder keeps none that
 * would not match). When the stage's stop flag is set the gnuplots' groups
 * are sent SIGTERM and this returns SPC_ERR_INTERRUPTED. Each figure is a
 * write point of d->stage (SPC_ERR_OUTPUT by fault injection), passed in
 * the scripts' order once all are drawn. */
spc_status spc_plot_draw(const spc_outdir *d, spc_plot_set *set, const char *gnuplot, unsigned jobs,
                         spc_plot_gnuplots *started, spc_error *err);

/* Removes the figures of set that are not marked drawn (left from an
 * earlier run, they would no longer match the CSV files), and the scripts
 * spcsim wrote earlier that set no longer has (with their figures): a
 * script counts as spcsim's when its second line is "# Written by spcsim". */
void spc_plot_remove_stale(const spc_outdir *d, const spc_plot_set *set);

#endif
