/*
 * cli_plot.c -- the figures and the report after a command's outputs are
 * written (run, compare, sweep), and the `plot DIR` command that redraws
 * them from the files in DIR (face floor: prints, picks exit codes).
 *
 * gnuplot is `SPCSIM_GNUPLOT` when set, else `gnuplot` on PATH. Without it
 * the command still succeeds: the scripts and the report (tables, no
 * figures) are written, and one line on standard error says how to get
 * the figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "spcsim/outdir.h"
#include "spcsim/plot.h"
#include "spcsim/report.h"

/* Scripts, figures and report for an outdir already read. */
static spc_status figures(const spc_outdir *d, spc_error *err)
{
    spc_plot_set set;
    if (spc_plot_write_scripts(d, &set, err) != SPC_OK)
        return err->code;
    char gnuplot[4096];
    const char *note = NULL;
    if (set.n > 0 && !spc_plot_find_gnuplot(getenv("SPCSIM_GNUPLOT"), gnuplot, sizeof gnuplot)) {
        fprintf(stderr, "spcsim: warning: %s not found: figures skipped (the .gp scripts are written); "
                "to get them, install gnuplot (apt-get install gnuplot-nox, or make deps), then run: spcsim plot %s\n",
                gnuplot, d->dir);
        note = "gnuplot was not found when this report was written: install it (apt-get install gnuplot-nox, "
               "or make deps) and run spcsim plot on this folder to draw the figures.";
    } else if (set.n > 0) {
        spc_error gerr;
        spc_error_clear(&gerr);
        if (spc_plot_draw(d, &set, gnuplot, &gerr) != SPC_OK) {
            fprintf(stderr, "spcsim: warning: %s\n", gerr.msg);
            note = "gnuplot failed on this figure (see the warning printed by spcsim).";
        }
    }
    spc_plot_remove_stale(d, &set);
    return spc_report_write(d, &set, note, err);
}

spc_status cli_figures(const char *dir, spc_error *err)
{
    spc_outdir d;
    if (spc_outdir_read(&d, dir, err) == SPC_OK)
        figures(&d, err);
    spc_outdir_release(&d);
    return err->code;
}

spc_status cli_plot(const options *o, spc_error *err)
{
    const char *dir = o->scenario;
    spc_outdir d;
    if (spc_outdir_read(&d, dir, err) == SPC_OK) {
        if (spc_outdir_empty(&d))
            spc_error_set(err, SPC_ERR_READ, "%s: no spcsim outputs here (summary.csv, timeseries.csv, compare.csv, "
                          "sweep.csv or chain.csv)", dir);
        else if (figures(&d, err) == SPC_OK && !o->quiet)
            printf("figures and report.html redrawn in %s/\n", dir);
    }
    spc_outdir_release(&d);
    return err->code;
}
