/*
 * report.h -- report.html: one self-contained page per output folder.
 *
 * What was run (from run.json), the headline numbers with their intervals
 * (summary.csv, compare.csv, sweep.csv, chain.csv, whichever exist) and
 * the figures, the SVG files gnuplot drew embedded as data: URIs, so the
 * page needs no other file and no network. Every text taken from the
 * files is escaped. A small inline script marks a figure that fails to
 * load and counts the figures on <body data-figures-ok=N
 * data-figures-failed=M>, which the browser test reads.
 */
#ifndef SPCSIM_REPORT_H
#define SPCSIM_REPORT_H

#include "spcsim/error.h"
#include "spcsim/outdir.h"
#include "spcsim/plot.h"

/* Writes d's report.html atomically; figures of set that are not drawn
 * are listed with `note` (why; NULL for none). SPC_ERR_OUTPUT when it
 * cannot be written. */
spc_status spc_report_write(const spc_outdir *d, const spc_plot_set *set, const char *note, spc_error *err);

#endif
