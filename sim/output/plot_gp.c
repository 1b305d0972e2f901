/*
 * plot_gp.c -- the pieces every gnuplot script shares (plot_gp.h): the
 * header, the two terminals, string quoting, colours, axes and ranges.
 * The script writers of each figure (plot_run.c, plot_study.c) use them;
 * plot.c, which drives those writers, sits above all three.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_gp.h"
#include "spcsim/version.h"

/* ---- script pieces ---- */

const char *plot_gp_bound(char *buf, size_t size, const char *bound, const char *est)
{
    snprintf(buf, size, "(strcol(\"%s\") ne '' ? column(\"%s\") : column(\"%s\"))", bound, bound, est);
    return buf;
}

void plot_gp_str(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\'')
            fputs("''", f);
        else if (c >= 0x20 && c != 0x7f)
            fputc(c, f);
    }
    fputc('\'', f);
}

/* ---- rows chosen by a text field ---- */

/* Whether gnuplot 5.4 reads the field s back as spc_csv_text wrote it.
 * Measured (gnuplot 5.4.4, `set datafile separator comma`): a quoted
 * field ends at its first quote or comma (""" is not undone: """x"""
 * reads as ""), a backslash starts an escape, leading blanks are skipped
 * and a newline ends the record. Anything else (', =, ;, {}, UTF-8, a #
 * inside; spc_csv_text quotes a leading one) comes back as it is. */
static int gp_reads(const char *s)
{
    if (*s == ' ' || *s == '\t')
        return 0;
    return strpbrk(s, "\",\\\n\r") == NULL;
}

/* `column(0) >= a && column(0) <= b || ...`: the runs of rows of t whose
 * column c holds text. column(0) is the record's number after the
 * header, t's row number: spc_csv_text quotes a field gnuplot would take
 * for a comment. (A text typed with a newline in it, which gnuplot reads
 * as two records, would shift the numbers; no value or label needs one.) */
static void gp_rows(FILE *f, const spc_csvtable *t, int c, const char *text)
{
    const char *sep = "";
    fputc('(', f);
    for (size_t r = 0; r < t->nrows; r++) {
        if (strcmp(spc_csvtable_get(t, r, c), text) != 0)
            continue;
        size_t e = r;
        while (e + 1 < t->nrows && strcmp(spc_csvtable_get(t, e + 1, c), text) == 0)
            e++;
        if (e == r)
            fprintf(f, "%scolumn(0) == %zu", sep, r);
        else
            fprintf(f, "%scolumn(0) >= %zu && column(0) <= %zu", sep, r, e);
        sep = " || ";
        r = e;
    }
    fputs(*sep ? ")" : "0)", f);
}

void plot_gp_match(FILE *f, const spc_csvtable *t, int c, const char *lhs, const char *text)
{
    for (size_t r = 0; r < t->nrows; r++)
        if (!gp_reads(spc_csvtable_get(t, r, c))) {
            gp_rows(f, t, c, text);
            return;
        }
    fprintf(f, "%s eq ", lhs);
    plot_gp_str(f, text);
}

static const char *const palette[] = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                       "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };

const char *plot_gp_colour(size_t i)
{
    return palette[i % (sizeof palette / sizeof palette[0])];
}

FILE *plot_gp_open(spc_output *out, spc_plot_set *set, const char *name, spc_plot_kind kind,
                   const char *title, const char *from, spc_error *err)
{
    if (set->n == SPC_PLOT_MAX)
        return NULL;
    char file[80];
    snprintf(file, sizeof file, "%s.gp", name);
    FILE *f = spc_output_file(out, file, err);
    if (f == NULL)
        return NULL;
    spc_plot_figure *fig = &set->fig[set->n++];
    memset(fig, 0, sizeof *fig);
    snprintf(fig->name, sizeof fig->name, "%s", name);
    snprintf(fig->title, sizeof fig->title, "%s", title);
    fig->kind = kind;
    fprintf(f, "# %s.gp -- %s.\n", name, title);
    fprintf(f, "# Written by spcsim %s from %s; draws %s.svg (and %s.png, see below).\n", SPC_VERSION, from, name,
            name);
    fputs("# Edit freely, then redraw in this folder with:  gnuplot ", f);
    fprintf(f, "%s.gp\n# (with the PNG too: gnuplot -e \"formats='svg png'\" %s.gp;\n", name, name);
    fputs("# `spcsim plot DIR` rewrites this file from the CSV files.)\n\n", f);
    fputs("set datafile separator comma\nset datafile columnheaders\n", f);
    return f;
}

void plot_gp_formats(FILE *f, const char *name, size_t panels, const char *title)
{
    size_t rows = panels <= 3 ? panels : (panels + 1) / 2, cols = panels <= 3 ? 1 : 2;
    plot_gp_formats_grid(f, name, rows ? rows : 1, cols, title, 0.08);
}

void plot_gp_formats_grid(FILE *f, const char *name, size_t rows, size_t cols, const char *title, double left)
{
    fputs("\nset datafile separator whitespace\nset datafile nocolumnheaders\n", f);
    fputs("if (!exists(\"formats\")) formats = \"svg\"\n", f);
    fputs("do for [format in formats] {\n", f);
    fputs("    if (format eq \"png\") {\n"
          "        set terminal pngcairo size 1600,1000 font \"sans,16\" noenhanced\n"
          "    } else {\n"
          "        set terminal svg size 1600,1000 font \"sans,16\" noenhanced background \"white\"\n"
          "    }\n", f);
    fprintf(f, "    set output \"%s.\" . format\n", name);
    /* the title on top, the key of the whole figure under it, then the panels */
    fprintf(f, "    set multiplot layout %zu,%zu title ", rows, cols);
    plot_gp_str(f, title);
    fprintf(f, " font \",20\" margins %.2f,0.98,0.09,0.84 spacing %.2f,0.1\n", left, left + 0.01);
    fputs("    set grid\n    set border lw 1.5\n", f);
}

int plot_gp_bottom(size_t i, size_t panels)
{
    size_t cols = panels <= 3 ? 1 : 2;
    return i + cols >= panels;
}

void plot_gp_formats_end(FILE *f)
{
    fputs("    unset multiplot\n    unset output\n}\n", f);
}

double plot_time_axis(const spc_outdir *d, const char **label)
{
    static const struct {
        const char *unit, *label;
        double div;
    } axes[] = { { "h", "time (weeks)", 168.0 }, { "d", "time (weeks)", 7.0 }, { "w", "time (weeks)", 1.0 },
                 { "min", "time (hours)", 60.0 },  { "s", "time (hours)", 3600.0 } };
    for (size_t i = 0; d->time_unit != NULL && i < sizeof axes / sizeof axes[0]; i++)
        if (strcmp(d->time_unit, axes[i].unit) == 0) {
            *label = axes[i].label;
            return axes[i].div;
        }
    *label = "time (scenario time unit)";
    return 1.0;
}

void plot_gp_key(FILE *f, int on)
{
    fputs(on ? "    set key at screen 0.5, screen 0.925 center center horizontal maxrows 1 samplen 2 width 2\n"
             : "    unset key\n", f);
}

/* A step of 1, 2 or 5 times a power of ten giving at most about 6 tics. */
void plot_gp_ytics(FILE *f, double lo, double hi)
{
    double span = hi - lo;
    if (!(span > 0) || !isfinite(span)) {
        fputs("    set ytics autofreq\n", f);
        return;
    }
    double step = pow(10.0, floor(log10(span / 6.0)));
    if (span / step > 6.0)
        step *= 2.0;
    if (span / step > 6.0)
        step *= 2.5;
    if (span / step > 6.0)
        step *= 2.0;
    fprintf(f, "    set ytics %.6g\n", step);
}

void plot_range(const spc_csvtable *t, int c, int key_col, const char *key, double *lo, double *hi)
{
    for (size_t r = 0; c >= 0 && r < t->nrows; r++) {
        if (key_col >= 0 && strcmp(spc_csvtable_get(t, r, key_col), key) != 0)
            continue;
        double x = spc_csvtable_num(t, r, c);
        if (isfinite(x)) {
            *lo = fmin(*lo, x);
            *hi = fmax(*hi, x);
        }
    }
}

int plot_field(const spc_csvtable *t, size_t r, int c, double *x)
{
    const char *s = spc_csvtable_get(t, r, c);
    char *end;
    *x = strtod(s, &end);
    return c >= 0 && *s != '\0' && *end == '\0';
}

int plot_has_data(const spc_csvtable *t, int c, int key_col, const char *key)
{
    if (c < 0)
        return 0;
    for (size_t r = 0; r < t->nrows; r++) {
        if (key_col >= 0 && strcmp(spc_csvtable_get(t, r, key_col), key) != 0)
            continue;
        double x = spc_csvtable_num(t, r, c);
        if (x == x && x != 0.0)
            return 1;
    }
    return 0;
}
