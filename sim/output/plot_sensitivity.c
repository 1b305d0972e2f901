/*
 * plot_sensitivity.c -- the figures of sensitivity.csv (spcsim
 * sensitivity): a tornado chart per output (the settings as horizontal
 * bars, longest on top: Morris' mu*, or Sobol' total index ST with its
 * interval and the first-order S1 beside it), and for Morris the mu*-sigma
 * chart (a point per setting: far right matters, high up acts nonlinearly
 * or through interactions).
 *
 * sensitivity.csv is long (one index per row), so the script carries the
 * values it draws as data blocks, made here from the CSV: `spcsim plot
 * DIR` makes them again from the file.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_gp.h"

#define SENS_MAX 64 /* settings drawn per output (a tornado of 64 bars is already long) */

/* The values of one output, one per setting, in the file's setting order. */
typedef struct {
    const char *output;
    size_t n;
    const char *setting[SENS_MAX];
    double bar[SENS_MAX], lo[SENS_MAX], hi[SENS_MAX]; /* mu* or ST and ST's interval */
    double other[SENS_MAX];                           /* sigma or S1 */
} sens_output;

/* Column c of the row (setting, output, index); NaN when absent. */
static double value_of(const spc_csvtable *t, const char *setting, const char *output, const char *index, int c)
{
    int sc = spc_csvtable_column(t, "setting"), oc = spc_csvtable_column(t, "output");
    int ic = spc_csvtable_column(t, "index");
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(spc_csvtable_get(t, r, sc), setting) == 0 && strcmp(spc_csvtable_get(t, r, oc), output) == 0 &&
            strcmp(spc_csvtable_get(t, r, ic), index) == 0)
            return spc_csvtable_num(t, r, c);
    return NAN;
}

/* The distinct non-empty values of column c, in order of appearance. */
static size_t distinct(const spc_csvtable *t, int c, const char **v, size_t max)
{
    size_t n = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *s = spc_csvtable_get(t, r, c);
        size_t i = 0;
        while (i < n && strcmp(v[i], s) != 0)
            i++;
        if (i == n && n < max && *s != '\0')
            v[n++] = s;
    }
    return n;
}

static void gather(const spc_csvtable *t, int morris, const char **settings, size_t ns, sens_output *o)
{
    int vc = spc_csvtable_column(t, "value"), lc = spc_csvtable_column(t, "ci95_low");
    int hc = spc_csvtable_column(t, "ci95_high");
    o->n = ns;
    for (size_t i = 0; i < ns; i++) {
        const char *s = settings[i];
        o->setting[i] = s;
        o->bar[i] = value_of(t, s, o->output, morris ? "mu_star" : "ST", vc);
        o->lo[i] = morris ? NAN : value_of(t, s, o->output, "ST", lc);
        o->hi[i] = morris ? NAN : value_of(t, s, o->output, "ST", hc);
        o->other[i] = value_of(t, s, o->output, morris ? "sigma" : "S1", vc);
    }
}

/* A label in a data block: in double quotes, without quotes inside. */
static void label(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++)
        if (*s != '"' && (unsigned char)*s >= 0x20)
            fputc(*s, f);
    fputc('"', f);
}

static void num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, " %.10g", x);
    else
        fputs(" NaN", f);
}

/* $tK: rank (1 = bottom) bar lo hi other "setting", the largest bar on top. */
static void tornado_block(FILE *f, size_t k, const sens_output *o)
{
    size_t order[SENS_MAX];
    for (size_t i = 0; i < o->n; i++)
        order[i] = i;
    for (size_t i = 1; i < o->n; i++) /* insertion sort, ascending: the largest ends last, on top */
        for (size_t j = i; j > 0 && !(o->bar[order[j - 1]] <= o->bar[order[j]]); j--) {
            size_t x = order[j];
            order[j] = order[j - 1];
            order[j - 1] = x;
        }
    fprintf(f, "$t%zu << EOD\n", k);
    for (size_t r = 0; r < o->n; r++) {
        size_t i = order[r];
        fprintf(f, "%zu", r + 1);
        num(f, o->bar[i]);
        num(f, o->lo[i]);
        num(f, o->hi[i]);
        num(f, o->other[i]);
        fputc(' ', f);
        label(f, o->setting[i]);
        fputc('\n', f);
    }
    fputs("EOD\n", f);
}

static void write_tornado(FILE *f, sens_output *o, size_t n, int morris, const char *title)
{
    for (size_t k = 0; k < n; k++)
        tornado_block(f, k + 1, &o[k]);
    plot_gp_formats_grid(f, "sensitivity_tornado", n, 1, title, 0.3);
    plot_gp_key(f, 1);
    fputs("    set style fill solid 0.6 noborder\n    unset grid\n    set grid xtics\n", f);
    for (size_t k = 0; k < n; k++) {
        fputs("    set xlabel ", f); /* on the bottom panel only: the next panel's title sits there */
        plot_gp_str(f, k + 1 < n ? "" : morris ? "mu*: the change of the output over the setting's range"
                                               : "share of the output's variance");
        fputc('\n', f);
        fprintf(f, "    set yrange [0.4:%zu.6]\n    set title ", o[k].n);
        plot_gp_str(f, o[k].output);
        fprintf(f, "\n    plot $t%zu using (0.5*$2):1:(0.5*$2):(0.35):ytic(6) with boxxyerror lc rgb '%s' "
                "title '%s'", k + 1, plot_gp_colour(0), morris ? "mu*" : "total index ST");
        if (!morris)
            fprintf(f, ", $t%zu using 2:1:3:4 with xerrorbars pt 7 lc rgb '#333333' title 'ST, 95%% interval', "
                    "$t%zu using 5:1 with points pt 5 ps 1.5 lc rgb '%s' title 'first-order S1'",
                    k + 1, k + 1, plot_gp_colour(1));
        fputc('\n', f);
    }
    plot_gp_formats_end(f);
}

static void write_morris(FILE *f, const sens_output *o, size_t n, const char *title)
{
    plot_gp_formats(f, "sensitivity_morris", n, title);
    plot_gp_key(f, 0);
    fputs("    set ylabel 'sigma'\n    set xrange [0:*]\n    set yrange [0:*]\n"
          "    set offsets 0, graph 0.3, graph 0.15, 0\n", f); /* room for the labels */
    for (size_t k = 0; k < n; k++) {
        fprintf(f, "    set xlabel '%s'\n    set title ", plot_gp_bottom(k, n) ? "mu*" : "");
        plot_gp_str(f, o[k].output);
        fprintf(f, "\n    plot $t%zu using 2:5 with points pt 7 ps 2 lc rgb '%s', "
                "$t%zu using 2:5:6 with labels left offset 1,0.5 font ',12'\n", k + 1, plot_gp_colour(0), k + 1);
    }
    plot_gp_formats_end(f);
}

spc_status plot_sensitivity(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    char path[4200];
    spc_csvtable t;
    if (spc_outdir_path(d, "sensitivity.csv", path, sizeof path) != 0 || spc_csvtable_load(&t, path, err) != SPC_OK)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot read sensitivity.csv", spc_outdir_shown(d));
    const char *settings[SENS_MAX], *outputs[PLOT_PANELS];
    size_t ns = distinct(&t, spc_csvtable_column(&t, "setting"), settings, SENS_MAX);
    size_t no = distinct(&t, spc_csvtable_column(&t, "output"), outputs, PLOT_PANELS);
    int morris = t.nrows > 0 && strcmp(spc_csvtable_get(&t, 0, spc_csvtable_column(&t, "method")), "morris") == 0;
    sens_output *o = calloc(no ? no : 1, sizeof *o);
    if (o == NULL) {
        spc_csvtable_free(&t);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    for (size_t k = 0; k < no; k++) {
        o[k].output = outputs[k];
        gather(&t, morris, settings, ns, &o[k]);
    }
    const char *title = morris ? "Which settings move each output: Morris mu*, longest on top"
                               : "Which settings move each output: Sobol' total (bars) and first-order indices";
    FILE *f = ns > 0 && no > 0 ? plot_gp_open(out, set, "sensitivity_tornado", SPC_PLOT_SENS_TORNADO, title,
                                              "sensitivity.csv", err)
                               : NULL;
    if (f != NULL)
        write_tornado(f, o, no, morris, title);
    title = "Morris: mu* (how much) against sigma (how nonlinear or interacting), a point per setting";
    if (f != NULL && morris && (f = plot_gp_open(out, set, "sensitivity_morris", SPC_PLOT_SENS_MORRIS, title,
                                                 "sensitivity.csv", err)) != NULL) {
        for (size_t k = 0; k < no; k++)
            tornado_block(f, k + 1, &o[k]);
        write_morris(f, o, no, title);
    }
    free(o);
    spc_csvtable_free(&t);
    return err->code;
}
