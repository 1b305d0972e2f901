/*
 * report.c -- report.html, one self-contained page per output folder (see
 * report.h): what was run, the headline numbers with their intervals, the
 * figures (SVG inlined as data: URIs) and, when chain.csv is there, the
 * links of the service-profit chain beside the reference forms.
 *
 * The page is built from the folder's files only, so it is the same after
 * a run and after `spcsim plot DIR`, and for any -j (run.json's jobs and
 * wall time are left out).
 */
#include "spcsim/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/csvtable.h"
#include "spcsim/output.h"

/* ---- HTML pieces ---- */

static void esc(FILE *f, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
}

static void num(FILE *f, double x)
{
    if (isfinite(x) && fabs(x) >= 1e4 && fabs(x) < 1e12)
        fprintf(f, "%.0f", x); /* counts and money: all the digits, no exponent */
    else if (isfinite(x))
        fprintf(f, "%.4g", x);
    else
        fputs("&ndash;", f);
}

/* "mean [low, high]" */
static void interval(FILE *f, double mean, double lo, double hi)
{
    num(f, mean);
    if (isfinite(lo) && isfinite(hi)) {
        fputs(" <span class=\"ci\">[", f);
        num(f, lo);
        fputs(", ", f);
        num(f, hi);
        fputs("]</span>", f);
    }
}

static void base64(FILE *f, const unsigned char *p, size_t n)
{
    static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        fputc(a[v >> 18 & 63], f);
        fputc(a[v >> 12 & 63], f);
        fputc(i + 1 < n ? a[v >> 6 & 63] : '=', f);
        fputc(i + 2 < n ? a[v & 63] : '=', f);
    }
}

static const char style[] =
    "body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;margin:1em 0}td,th{padding:.25em .7em;border-bottom:1px solid #e4e4e4;"
    "text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}.ci{color:#666}"
    "figure{margin:1.5em 0}figure img{width:100%;height:auto;border:1px solid #ddd}"
    "figcaption{color:#555}.note,.missing{background:#fff4d6;padding:.6em;border-left:4px solid #e0a800}"
    ".chain{display:flex;gap:2em;flex-wrap:wrap}";

/* Marks figures that fail to load and counts them on <body> (the browser test reads it). */
static const char check_script[] =
    "window.addEventListener('load',function(){var ok=0,failed=0;"
    "document.querySelectorAll('figure img').forEach(function(img){"
    "if(img.complete&&img.naturalWidth>0){ok++;}else{failed++;var p=document.createElement('p');"
    "p.className='missing';p.textContent='This figure failed to load: '+img.alt;img.replaceWith(p);}});"
    "document.body.setAttribute('data-figures-ok',ok);document.body.setAttribute('data-figures-failed',failed);"
    "document.body.setAttribute('data-checked','yes');});";

/* ---- sections ---- */

static int load(const spc_outdir *d, const char *name, spc_csvtable *t);

/* compare and sweep write no run.json: what their CSV file tells. */
static void study_meta(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    const char *file = d->compare ? "compare.csv" : d->sweep ? "sweep.csv" : NULL;
    if (file == NULL || !load(d, file, &t))
        return;
    fprintf(f, "<p>Made from <code>%s</code> in this folder", file);
    double n = spc_csvtable_num(&t, 0, spc_csvtable_column(&t, "n"));
    if (isfinite(n))
        fprintf(f, ": %.0f replications per %s, with common random numbers", n, d->compare ? "variant" : "grid point");
    fputs(".</p>\n", f);
    spc_csvtable_free(&t);
}

static void meta(FILE *f, const spc_outdir *d)
{
    if (!d->run_json) {
        study_meta(f, d);
        return;
    }
    fputs("<table class=\"meta\">\n<tr><th>scenario</th><td>", f);
    esc(f, d->name ? d->name : "");
    fputs(" (<code>", f);
    esc(f, d->scenario ? d->scenario : "");
    fprintf(f, "</code>)</td></tr>\n<tr><th>seed</th><td>%llu</td></tr>\n<tr><th>replications</th><td>%u</td></tr>\n",
            d->seed, d->replications);
    fputs("<tr><th>horizon, warm-up</th><td>", f);
    num(f, d->horizon);
    fputs(", ", f);
    num(f, d->warmup);
    fputc(' ', f);
    esc(f, d->time_unit ? d->time_unit : "");
    fputs("</td></tr>\n<tr><th>generator</th><td>", f);
    esc(f, d->generator ? d->generator : "");
    fputs("</td></tr>\n<tr><th>spcsim</th><td>", f);
    esc(f, d->version ? d->version : "");
    fputs("</td></tr>\n</table>\n", f);
}

static int headline_scope(const char *s)
{
    return strcmp(s, "system") == 0 || strcmp(s, "company") == 0 || strcmp(s, "customers") == 0 ||
           strcmp(s, "finance") == 0;
}

static int load(const spc_outdir *d, const char *name, spc_csvtable *t)
{
    char path[4200];
    spc_error e;
    spc_error_clear(&e);
    return spc_outdir_path(d, name, path, sizeof path) == 0 && spc_csvtable_load(t, path, &e) == SPC_OK;
}

static void summary_table(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!load(d, "summary.csv", &t))
        return;
    int sc = spc_csvtable_column(&t, "scope"), mc = spc_csvtable_column(&t, "metric");
    int mean = spc_csvtable_column(&t, "mean"), lo = spc_csvtable_column(&t, "ci95_low");
    int hi = spc_csvtable_column(&t, "ci95_high");
    fputs("<h2>Headline numbers</h2>\n<p>Means with their 95% confidence intervals (from <code>summary.csv</code>)."
          "</p>\n<table id=\"headline\">\n<tr><th>scope</th><th>metric</th><th>mean [95% interval]</th></tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++) {
        if (!headline_scope(spc_csvtable_get(&t, r, sc)))
            continue;
        fputs("<tr><td>", f);
        esc(f, spc_csvtable_get(&t, r, sc));
        fputs("</td><td>", f);
        esc(f, spc_csvtable_get(&t, r, mc));
        fputs("</td><td class=\"n\">", f);
        interval(f, spc_csvtable_num(&t, r, mean), spc_csvtable_num(&t, r, lo), spc_csvtable_num(&t, r, hi));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    spc_csvtable_free(&t);
}

static void figure(FILE *f, const spc_outdir *d, const spc_plot_figure *fig, const char *note)
{
    char name[80], path[4200];
    snprintf(name, sizeof name, "%s.svg", fig->name);
    FILE *svg = fig->drawn && spc_outdir_path(d, name, path, sizeof path) == 0 ? fopen(path, "rb") : NULL;
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    for (size_t got = 1; svg != NULL && got > 0; n += got) {
        if (n == cap) {
            unsigned char *bigger = realloc(buf, cap = cap ? 2 * cap : 1 << 16);
            if (bigger == NULL)
                break;
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n, svg);
    }
    if (svg != NULL)
        fclose(svg);
    if (buf != NULL && n > 0) {
        fputs("<figure><img alt=\"", f);
        esc(f, fig->title);
        fputs("\" src=\"data:image/svg+xml;base64,", f);
        base64(f, buf, n);
        fputs("\"><figcaption>", f);
        esc(f, fig->title);
        fprintf(f, " (<code>%s.png</code>, <code>%s.svg</code>, drawn by <code>%s.gp</code>)</figcaption></figure>\n",
                fig->name, fig->name, fig->name);
    } else {
        fputs("<p class=\"missing\">Figure not drawn: ", f);
        esc(f, fig->title);
        fputs(". ", f);
        esc(f, note ? note : "");
        fprintf(f, " Its script is <code>%s.gp</code>.</p>\n", fig->name);
    }
    free(buf);
}

static void figures(FILE *f, const spc_outdir *d, const spc_plot_set *set, spc_plot_kind kind, const char *h2,
                    const char *note)
{
    int any = 0;
    for (size_t i = 0; i < set->n; i++)
        if (set->fig[i].kind == kind) {
            if (!any++ && h2 != NULL)
                fprintf(f, "<h2>%s</h2>\n", h2);
            figure(f, d, &set->fig[i], note);
        }
}

static void compare_table(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!load(d, "compare.csv", &t))
        return;
    static const char *const cols[] = { "variant", "scope", "metric" };
    int c[3], bm = spc_csvtable_column(&t, "base_mean"), vm = spc_csvtable_column(&t, "variant_mean");
    int rd = spc_csvtable_column(&t, "rel_diff"), rl = spc_csvtable_column(&t, "rel_ci95_low");
    int rh = spc_csvtable_column(&t, "rel_ci95_high"), sg = spc_csvtable_column(&t, "significant");
    for (int i = 0; i < 3; i++)
        c[i] = spc_csvtable_column(&t, cols[i]);
    fputs("<h2>Comparison</h2>\n<p>Relative differences from the base with 95% intervals, common random numbers "
          "(from <code>compare.csv</code>; * significant at 5%).</p>\n<table id=\"compare\">\n<tr><th>variant</th>"
          "<th>scope</th><th>metric</th><th>base</th><th>variant</th><th>relative difference (%)</th><th></th></tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++) {
        if (!headline_scope(spc_csvtable_get(&t, r, c[1])))
            continue;
        fputs("<tr>", f);
        for (int i = 0; i < 3; i++) {
            fputs("<td>", f);
            esc(f, spc_csvtable_get(&t, r, c[i]));
            fputs("</td>", f);
        }
        fputs("<td class=\"n\">", f);
        num(f, spc_csvtable_num(&t, r, bm));
        fputs("</td><td class=\"n\">", f);
        num(f, spc_csvtable_num(&t, r, vm));
        fputs("</td><td class=\"n\">", f);
        interval(f, 100 * spc_csvtable_num(&t, r, rd), 100 * spc_csvtable_num(&t, r, rl),
                 100 * spc_csvtable_num(&t, r, rh));
        fprintf(f, "</td><td>%s</td></tr>\n", strcmp(spc_csvtable_get(&t, r, sg), "yes") == 0 ? "*" : "");
    }
    fputs("</table>\n", f);
    spc_csvtable_free(&t);
}

static void sweep_table(FILE *f, const spc_outdir *d)
{
    spc_csvtable t;
    if (!load(d, "sweep.csv", &t))
        return;
    static const char *const cols[] = { "param1", "value1", "param2", "value2", "scope", "metric" };
    int c[6], mean = spc_csvtable_column(&t, "mean"), lo = spc_csvtable_column(&t, "ci95_low");
    int hi = spc_csvtable_column(&t, "ci95_high");
    for (int i = 0; i < 6; i++)
        c[i] = spc_csvtable_column(&t, cols[i]);
    fputs("<h2>Sweep: the system's numbers</h2>\n<p>Means with 95% intervals at every grid point "
          "(the system scope of <code>sweep.csv</code>; the file has every metric).</p>\n<table id=\"sweep\">\n<tr>", f);
    for (int i = 0; i < 6; i++)
        fprintf(f, "<th>%s</th>", cols[i]);
    fputs("<th>mean [95% interval]</th></tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++) {
        if (strcmp(spc_csvtable_get(&t, r, c[4]), "system") != 0)
            continue;
        fputs("<tr>", f);
        for (int i = 0; i < 6; i++) {
            fputs("<td>", f);
            esc(f, spc_csvtable_get(&t, r, c[i]));
            fputs("</td>", f);
        }
        fputs("<td class=\"n\">", f);
        interval(f, spc_csvtable_num(&t, r, mean), spc_csvtable_num(&t, r, lo), spc_csvtable_num(&t, r, hi));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    spc_csvtable_free(&t);
}

/* The `chain` command's hook: chain.csv's rows beside the reference forms
 * of the service-profit chain. Every column of the file is shown as it is,
 * so new columns need no change here. */
static void figures(FILE *f, const spc_outdir *d, const spc_plot_set *set, spc_plot_kind kind, const char *h2,
                    const char *note);

static void chain_section(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    spc_csvtable t;
    if (!load(d, "chain.csv", &t))
        return;
    fputs("<section id=\"chain\">\n<h2>The service-profit chain</h2>\n<div class=\"chain\">\n"
          "<table id=\"chain-simulated\">\n<caption>simulated (<code>chain.csv</code>)</caption>\n<tr>", f);
    for (size_t c = 0; c < t.ncols; c++) {
        fputs("<th>", f);
        esc(f, t.cell[c] ? t.cell[c] : "");
        fputs("</th>", f);
    }
    fputs("</tr>\n", f);
    for (size_t r = 0; r < t.nrows; r++) {
        fputs("<tr>", f);
        for (size_t c = 0; c < t.ncols; c++) {
            double x = spc_csvtable_num(&t, r, (int)c);
            fputs(isfinite(x) ? "<td class=\"n\">" : "<td>", f);
            if (isfinite(x))
                num(f, x);
            else
                esc(f, spc_csvtable_get(&t, r, (int)c));
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n<table id=\"chain-reference\">\n<caption>reference forms</caption>\n"
          "<tr><th>form</th><th>employees</th><th>customers</th><th>finance</th></tr>\n"
          "<tr><td>the model's seeds</td><td class=\"n\">+5% ESAT</td><td class=\"n\">+1% CSAT</td>"
          "<td class=\"n\">+0.5% profit</td></tr>\n"
          "<tr><td>Sears (Rucci, Kirn and Quinn 1998)</td><td class=\"n\">+5 points employee attitude</td>"
          "<td class=\"n\">+1.3 points customer impression</td><td class=\"n\">+0.5 points revenue growth</td></tr>\n"
          "</table>\n</div>\n", f);
    figures(f, d, set, SPC_PLOT_CHAIN, NULL, note);
    fputs("</section>\n", f);
    spc_csvtable_free(&t);
}

/* ---- the page ---- */

static void page(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    const char *title = d->name ? d->name : d->compare ? "comparison" : d->sweep ? "sweep" : "outputs";
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>spcsim report: ", f);
    esc(f, title);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>spcsim report: ", style);
    esc(f, title);
    fputs("</h1>\n", f);
    meta(f, d);
    if (note != NULL) {
        fputs("<p class=\"note\">", f);
        esc(f, note);
        fputs("</p>\n", f);
    }
    summary_table(f, d);
    figures(f, d, set, SPC_PLOT_STAGES, "The chain of stages", note);
    figures(f, d, set, SPC_PLOT_TIMESERIES, "Over time", note);
    if (d->compare)
        compare_table(f, d);
    figures(f, d, set, SPC_PLOT_COMPARE, "Comparison: figures", note);
    figures(f, d, set, SPC_PLOT_SWEEP, "Sweep", note);
    if (d->sweep)
        sweep_table(f, d);
    if (d->chain) /* the `chain` command's outputs: its table, the reference forms, its figure */
        chain_section(f, d, set, note);
    fprintf(f, "<script>%s</script>\n</body>\n</html>\n", check_script);
}

spc_status spc_report_write(const spc_outdir *d, const spc_plot_set *set, const char *note, spc_error *err)
{
    spc_output out;
    FILE *f;
    if (spc_output_open(&out, d->dir, err) == SPC_OK && (f = spc_output_file(&out, "report.html", err)) != NULL) {
        page(f, d, set, note);
        spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    return err->code;
}
