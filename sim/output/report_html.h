/*
 * report_html.h -- private to the report module: the HTML pieces every
 * part of report.html writes with and its figures (report.c), and the
 * sections report.c's page puts in order (report_story.c, report_run.c,
 * report_study.c, report_chain.c, report_chaintime.c). Each section reads
 * its own CSV file of the folder and writes nothing when it is absent.
 */
#ifndef SPCSIM_REPORT_HTML_H
#define SPCSIM_REPORT_HTML_H

#include <stdio.h>

#include "spcsim/csvtable.h"
#include "spcsim/outdir.h"
#include "spcsim/plot.h"

/* Text with &, <, >, " and ' escaped. */
void report_esc(FILE *f, const char *s);
/* A number: all the digits from 1e4 to 1e12, else 4 significant; NaN as a dash. */
void report_num(FILE *f, double x);
/* The same with its sign, + included ("+1.25", "-3", "+12345"). */
void report_signed(FILE *f, double x);
/* "mean [low, high]" (the interval only when finite). */
void report_interval(FILE *f, double mean, double lo, double hi);

/* name in d read into t; 0 when absent or unreadable (t then empty). */
int report_load(const spc_outdir *d, const char *name, spc_csvtable *t);

/* The columns of an estimate in summary.csv (or story.csv): scope,
 * metric, mean and its 95% interval; -1 for a column that is absent. */
typedef struct {
    int scope, metric, mean, lo, hi;
} report_cols;
report_cols report_columns(const spc_csvtable *t);
/* Row r's "mean [low, high]" (report_interval). */
void report_estimate(FILE *f, const spc_csvtable *t, size_t r, const report_cols *c);

/* One sentence: which kind of interval the report shows (simulation noise
 * alone, or parameter uncertainty too: run --uncertain). */
void report_interval_kind(FILE *f, const spc_outdir *d);

/* The figures of set of this kind, each an <img> with the SVG inlined, or
 * a line saying it was not drawn (with `note`, why); the heading h2 before
 * the first of them (NULL: none). */
void report_figures(FILE *f, const spc_outdir *d, const spc_plot_set *set, spc_plot_kind kind, const char *h2,
                    const char *note);

/* report_story.c: the page's opening -- three sentences generated from
 * the numbers (what was changed, what followed, with intervals) -- in a
 * <section id="story">; nothing when the folder holds none of compare.csv,
 * story.csv, summary.csv. */
void report_story_opening(FILE *f, const spc_outdir *d);
/* A run's headline table: readable labels and units, grouped by link of
 * the chain (summary.csv); the caller folds the raw table after it. */
void report_story_headline(FILE *f, const spc_outdir *d);
/* Whether the replications of the headline measures split into groups
 * (groups.h, model.md B8), in words; nothing without replications. */
void report_story_groups(FILE *f, const spc_outdir *d);

/* report_run.c: what was run, from run.json (compare, sweep and chain:
 * what their CSV file tells). */
void report_run_meta(FILE *f, const spc_outdir *d);
/* Every metric of summary.csv by its raw name, folded, with a warning
 * when intervals rest on too few or correlated batch means. */
void report_run_summary(FILE *f, const spc_outdir *d);
/* The five standards' scorecard (model.md 9.19) and its trend per period
 * (timeseries.csv); nothing when summary.csv has no standards rows. */
void report_run_scorecard(FILE *f, const spc_outdir *d);

/* report_study.c: compare.csv, each variant against the base. */
void report_study_compare(FILE *f, const spc_outdir *d);
/* sweep.csv: the chain's measures (else the system's) at every point. */
void report_study_sweep(FILE *f, const spc_outdir *d);
/* sensitivity.csv: in sentences, what each output depends on; its figures. */
void report_study_sensitivity(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note);

/* report_chain.c: chain.csv's section, its figure included. */
void report_chain(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note);
/* A measure's label in chainstudy.c's table, else the metric itself. */
const char *report_chain_label(const char *metric);

/* report_chaintime.c: chain_periods.csv and chain_dose.csv, each with its figure. */
void report_chaintime_periods(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note);
void report_chaintime_dose(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note);

#endif
