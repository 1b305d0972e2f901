/*
 * cli_plot.c -- the figures and the report after a command's outputs are
 * written (run, compare, sweep), and the `plot DIR` command that redraws
 * them from the files in DIR (face floor: prints, picks exit codes).
 *
 * gnuplot is `SPCSIM_GNUPLOT` when set, else `gnuplot` on PATH. Without it
 * the command still succeeds: the scripts and the report (tables, no
 * figures) are written, and one line on standard error says how to get
 * the figures.
 *
 * Every command's output is staged (cli_publish, stage.h): the files, the
 * figures and the report are made in a private folder beside the target,
 * which is then exchanged with it in one step. `plot DIR` stages a copy
 * of DIR's files, redraws there, and exchanges likewise.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "spcsim/mpi.h"
#include "spcsim/outdir.h"
#include "spcsim/plot.h"
#include "spcsim/report.h"

static unsigned jobs_of(const options *o)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return o->jobs ? o->jobs : cores > 0 ? (unsigned)cores : 1;
}

/* Scripts, figures and report for an outdir already read; up to o->jobs
 * gnuplots at once (0: one per processor), o->gnuplots first. */
static spc_status figures(const spc_outdir *d, const options *o, spc_error *err)
{
    spc_plot_set set;
    if (spc_plot_write_scripts(d, &set, err) != SPC_OK)
        return err->code;
    set.formats = o->formats ? o->formats : SPC_PLOT_FORMATS_DEFAULT;
    char gnuplot[4096];
    const char *note = NULL;
    if (set.n > 0 && !spc_plot_find_gnuplot(getenv("SPCSIM_GNUPLOT"), gnuplot, sizeof gnuplot)) {
        fprintf(stderr, "spcsim: warning: %s not found: figures skipped (the .gp scripts are written); "
                "to get them, install gnuplot (apt-get install gnuplot-nox, or make deps), then run: spcsim plot %s\n",
                gnuplot, spc_outdir_shown(d));
        note = "gnuplot was not found when this report was written: install it (apt-get install gnuplot-nox, "
               "or make deps) and run spcsim plot on this folder to draw the figures.";
    } else if (set.n > 0) {
        spc_error gerr;
        spc_error_clear(&gerr);
        if (spc_plot_draw(d, &set, gnuplot, jobs_of(o), o->gnuplots, &gerr) == SPC_ERR_OUTPUT ||
            gerr.code == SPC_ERR_INTERRUPTED) {
            *err = gerr; /* a full disk, or stopped: the whole output fails */
            return err->code;
        }
        if (gerr.code != SPC_OK) {
            fprintf(stderr, "spcsim: warning: %s\n", gerr.msg);
            note = "gnuplot failed on this figure (see the warning printed by spcsim).";
        }
    }
    spc_plot_remove_stale(d, &set);
    return spc_report_write(d, &set, note, err);
}

spc_status cli_figures(spc_stage *st, const options *o, spc_error *err)
{
    spc_outdir d;
    if (spc_outdir_read(&d, st->path, err) == SPC_OK) {
        d.stage = st;
        figures(&d, o, err);
    }
    spc_outdir_release(&d);
    return err->code;
}

spc_plot_gnuplots *cli_gnuplots_start(const options *o)
{
    char gnuplot[4096];
    if (spc_mpi_size() > 1 || !spc_plot_find_gnuplot(getenv("SPCSIM_GNUPLOT"), gnuplot, sizeof gnuplot))
        return NULL;
    return spc_plot_gnuplots_start(gnuplot, jobs_of(o), o->stop);
}

void cli_gnuplots_more(spc_plot_gnuplots *g, const options *o, const spc_scenario *sc)
{
    /* the figures of a run, about (plot.c decides from the files): the
     * stages and the order flow; the replications' values (two or more);
     * the story around an intervention; the workforce's and the stages'
     * over time; the customers' (two) and finance. Too few: the rest start
     * while figures are drawn; too many: the spare ones are stopped. */
    unsigned figures = 2 + (sc->replications > 1) + (sc->ninterventions > 0) + 2 * (sc->workforce.enabled != 0) +
                       3 * (sc->customers.enabled != 0);
    if (jobs_of(o) > 1)
        spc_plot_gnuplots_more(g, figures);
}

spc_status cli_publish(const options *o, const char *dir, cli_writer write, const void *ctx, int figs,
                       spc_error *err)
{
    spc_stage st;
    if (spc_stage_open(&st, dir, o->stop, err) == SPC_OK && write(&st, ctx, err) == SPC_OK &&
        (!figs || cli_figures(&st, o, err) == SPC_OK))
        spc_stage_commit(&st, err);
    spc_stage_close(&st);
    return err->code;
}

typedef struct {
    const char *name;
    void (*write)(FILE *, const void *);
    const void *what;
    const options *o;
    const cli_prov *prov;       /* NULL: the file alone */
} one_file;

static spc_status write_one(spc_stage *st, const void *ctx, spc_error *err)
{
    const one_file *w = ctx;
    spc_output out;
    FILE *f;
    if (spc_output_open(&out, st->path, st, err) == SPC_OK && (f = spc_output_file(&out, w->name, err)) != NULL) {
        w->write(f, w->what);
        if (w->prov == NULL || cli_provenance(&out, w->o, w->prov, err) == SPC_OK)
            spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    return err->code;
}

spc_status cli_publish_file(const options *o, const char *dir, const char *name, void (*write)(FILE *, const void *),
                            const void *what, int figs, spc_error *err)
{
    one_file w = { name, write, what, o, NULL };
    return cli_publish(o, dir, write_one, &w, figs, err);
}

spc_status cli_publish_study(const options *o, const char *dir, const char *name, void (*write)(FILE *, const void *),
                             const void *what, const cli_prov *p, int figs, spc_error *err)
{
    one_file w = { name, write, what, o, p };
    return cli_publish(o, dir, write_one, &w, figs, err);
}

/* ---- plot DIR ---- */

/* Copies dir/name into the staging folder (a regular file only: a
 * symbolic link or anything else in DIR is not carried over). */
static spc_status copy_in(spc_stage *st, const char *dir, const char *name, spc_error *err)
{
    char path[4600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int in = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat sb;
    if (in < 0 || fstat(in, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        int folder = in >= 0 && S_ISDIR(sb.st_mode);
        if (in >= 0)
            close(in);
        return folder ? spc_error_set(err, SPC_ERR_OUTPUT, "%s: holds the folder %s; plot redraws a folder as a "
                                      "whole and would drop it, so the folder is left alone", dir, name)
                      : SPC_OK;
    }
    int out = spc_stage_create(st, name);
    char buf[65536];
    ssize_t got = 0;
    int bad = out < 0;
    while (!bad && (got = read(in, buf, sizeof buf)) > 0)
        for (ssize_t off = 0; off < got && !bad;) {
            ssize_t put = write(out, buf + off, (size_t)(got - off));
            bad = put < 0;
            off += put > 0 ? put : 0;
        }
    bad = bad || got < 0;
    int e = errno;
    close(in);
    if (out >= 0 && close(out) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (bad)
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s/%s: cannot copy: %s", st->shown, name, strerror(e));
    return spc_stage_point(st, name, err);
}

/* The files of dir (not the hidden ones) into the staging folder. */
static spc_status copy_folder(spc_stage *st, const void *ctx, spc_error *err)
{
    const char *dir = ctx;
    DIR *d = opendir(dir);
    if (d == NULL)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot open the folder: %s", dir, strerror(errno));
    struct dirent *e;
    while (err->code == SPC_OK && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            copy_in(st, dir, e->d_name, err);
    closedir(d);
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
        else if (spc_stage_check(dir, err) == SPC_OK &&
                 cli_publish(o, dir, copy_folder, dir, 1, err) == SPC_OK && !o->quiet)
            printf("figures and report.html redrawn in %s/\n", dir);
    }
    spc_outdir_release(&d);
    return err->code;
}
