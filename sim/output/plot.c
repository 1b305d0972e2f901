/*
 * plot.c -- the gnuplot scripts of an output folder, finding gnuplot, and
 * the figure formats (see plot.h); plot_draw.c runs gnuplot on the scripts.
 * The script of each figure is written by plot_run.c or plot_study.c from
 * the shared pieces of plot_gp.c.
 *
 * Every script has the same shape, so that a user who opened one can read
 * them all:
 *
 *   # NAME.gp -- what it draws, from which CSV; how to redraw
 *   set datafile separator comma; set datafile columnheaders
 *   set table $x ... with table if (...)     the rows of one series (or, for
 *   $x << EOD ... EOD                        the timeseries and the strip plot,
 *                                            the same rows written in by spcsim)
 *   if (!exists("formats")) formats = "svg"
 *   do for [format in formats] {             each format, same drawing
 *       set terminal ...; set output "NAME.".format
 *       set multiplot layout R,C title "..."
 *       ... one plot per panel ...
 *   }
 *
 * A script plots only datablocks it writes, and writes `set table $x`
 * only for a series of which gnuplot keeps a row: gnuplot 5.4 leaves the
 * datablock of a table of no rows undefined, and the script fails. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plot_gp.h"

/* ---- the folder's scripts ---- */

spc_status spc_plot_write_scripts(const spc_outdir *d, spc_plot_set *set, spc_error *err)
{
    memset(set, 0, sizeof *set);
    spc_output out;
    if (spc_output_open(&out, d->dir, d->stage, err) == SPC_OK) {
        char story[4200];
        if (spc_outdir_path(d, "story.csv", story, sizeof story) == 0 && access(story, F_OK) == 0)
            plot_story(d, &out, set, err); /* first: the figure the report opens with */
        if (d->summary && err->code == SPC_OK)
            plot_stages(d, &out, set, err);
        if (d->timeseries && err->code == SPC_OK)
            plot_timeseries(d, &out, set, err);
        if (d->compare && err->code == SPC_OK)
            plot_compare(d, &out, set, err);
        if (d->sweep && err->code == SPC_OK)
            plot_sweep(d, &out, set, err);
        if (d->chain && err->code == SPC_OK)
            plot_chain(d, &out, set, err);
        if (d->chain && err->code == SPC_OK)
            plot_chain_pathways(d, &out, set, err);
        if (d->chain_dose && err->code == SPC_OK)
            plot_chain_dose(d, &out, set, err);
        if (d->chain_periods && err->code == SPC_OK)
            plot_chain_periods(d, &out, set, err);
        if (d->sensitivity && err->code == SPC_OK)
            plot_sensitivity(d, &out, set, err);
        if ((d->summary || d->compare) && err->code == SPC_OK)
            plot_dist(d, &out, set, err);
        if (err->code == SPC_OK)
            spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    if (err->code != SPC_OK)
        set->n = 0;
    return err->code;
}

/* ---- running gnuplot ---- */

int spc_plot_find_gnuplot(const char *program, char *buf, size_t size)
{
    if (program == NULL || program[0] == '\0')
        program = "gnuplot";
    if (strchr(program, '/') != NULL) {
        snprintf(buf, size, "%s", program);
        return access(buf, X_OK) == 0;
    }
    const char *path = getenv("PATH");
    if (path == NULL)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        size_t len = strcspn(path, ":");
        int n = snprintf(buf, size, "%.*s/%s", (int)len, len ? path : ".", program);
        struct stat st;
        if (n > 0 && (size_t)n < size && stat(buf, &st) == 0 && S_ISREG(st.st_mode) && access(buf, X_OK) == 0)
            return 1;
        path += len + (path[len] == ':');
    }
    snprintf(buf, size, "%s", program);
    return 0;
}

/* ---- formats ---- */

unsigned spc_plot_parse_formats(const char *list)
{
    unsigned formats = 0;
    while (*list) {
        size_t len = strcspn(list, ",");
        if (len == 3 && strncmp(list, "svg", 3) == 0)
            formats |= SPC_PLOT_SVG;
        else if (len == 3 && strncmp(list, "png", 3) == 0)
            formats |= SPC_PLOT_ALL; /* the report embeds the SVG: always drawn */
        else if (len == 3 && strncmp(list, "all", 3) == 0)
            formats |= SPC_PLOT_ALL;
        else
            return 0;
        list += len + (list[len] == ',');
    }
    return formats;
}

const char *spc_plot_formats_list(unsigned formats)
{
    formats = formats ? formats : SPC_PLOT_FORMATS_DEFAULT;
    return formats == SPC_PLOT_ALL ? "svg png" : formats == SPC_PLOT_PNG ? "png" : "svg";
}

/* Whether dir/name is a script spcsim wrote (its second line says so). */
static int ours(const spc_outdir *d, const char *name)
{
    char path[4200], line[2][256] = { "", "" };
    if (spc_outdir_path(d, name, path, sizeof path) != 0)
        return 0;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return 0;
    for (int i = 0; i < 2 && fgets(line[i], sizeof line[i], f) != NULL; i++)
        ;
    fclose(f);
    return strncmp(line[1], "# Written by spcsim ", 20) == 0;
}

static int in_set(const spc_plot_set *set, const char *name, size_t len)
{
    for (size_t i = 0; i < set->n; i++)
        if (strlen(set->fig[i].name) == len && strncmp(set->fig[i].name, name, len) == 0)
            return 1;
    return 0;
}

void spc_plot_remove_stale(const spc_outdir *d, const spc_plot_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        if (!set->fig[i].drawn)
            plot_remove_figures(d, &set->fig[i], 0);
    /* scripts of an earlier run that this one does not write (a scope gone) */
    DIR *dir = opendir(d->dir);
    struct dirent *e;
    while (dir != NULL && (e = readdir(dir)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 4 || len >= 64 || strcmp(e->d_name + len - 3, ".gp") != 0 || in_set(set, e->d_name, len - 3) ||
            !ours(d, e->d_name))
            continue;
        spc_plot_figure old;
        memset(&old, 0, sizeof old);
        snprintf(old.name, sizeof old.name, "%.*s", (int)(len - 3), e->d_name);
        plot_remove_figures(d, &old, 0);
        char path[4200];
        if (spc_outdir_path(d, e->d_name, path, sizeof path) == 0)
            unlink(path);
    }
    if (dir != NULL)
        closedir(dir);
}
