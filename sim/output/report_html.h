/*
 * report_html.h -- private to report.c and report_story.c: the HTML
 * pieces both write with, and the story's sections of report.html.
 */
#ifndef SPCSIM_REPORT_HTML_H
#define SPCSIM_REPORT_HTML_H

#include <stdio.h>

#include "spcsim/csvtable.h"
#include "spcsim/outdir.h"

/* Text with &, <, >, " and ' escaped. */
void report_esc(FILE *f, const char *s);
/* A number: all the digits from 1e4 to 1e12, else 4 significant; NaN as a dash. */
void report_num(FILE *f, double x);
/* "mean [low, high]" (the interval only when finite). */
void report_interval(FILE *f, double mean, double lo, double hi);

/* name in d read into t; 0 when absent or unreadable (t then empty). */
int report_load(const spc_outdir *d, const char *name, spc_csvtable *t);

/* One sentence: which kind of interval the report shows (simulation noise
 * alone, or parameter uncertainty too: run --uncertain). */
void report_interval_kind(FILE *f, const spc_outdir *d);

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

#endif
