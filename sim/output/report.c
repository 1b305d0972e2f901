/*
 * report.c -- report.html, one self-contained page per output folder (see
 * report.h): the page's skeleton (head, style, the order of its sections,
 * the script that checks the figures), the HTML pieces every section
 * writes with (report_html.h), and the figures, SVG inlined as data: URIs.
 * The sections are in report_story.c (the opening), report_run.c (the
 * run and its scorecard), report_study.c (compare, sweep, sensitivity),
 * report_chain.c and report_chaintime.c (the `chain` command).
 *
 * The page is built from the folder's files only, so it is the same after
 * a run and after `spcsim plot DIR`, and for any -j (run.json's jobs and
 * wall time are left out).
 */
#include "spcsim/report.h"
#include "report_html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "spcsim/csvtable.h"
#include "spcsim/output.h"
#include "spcsim/text.h"

/* ---- HTML pieces ---- */

void report_esc(FILE *f, const char *s)
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

/* x with all the digits from 1e4 to 1e12 (counts and money: no exponent),
 * else 4 significant; a sign when `sign`; NaN and infinities as a dash. */
static void number(FILE *f, double x, int sign)
{
    if (isfinite(x) && fabs(x) >= 1e4 && fabs(x) < 1e12)
        fprintf(f, sign ? "%+.0f" : "%.0f", x);
    else if (isfinite(x))
        fprintf(f, sign ? "%+.4g" : "%.4g", x);
    else
        fputs("&ndash;", f);
}

void report_num(FILE *f, double x)
{
    number(f, x, 0);
}

void report_signed(FILE *f, double x)
{
    number(f, x, 1);
}

/* "mean [low, high]" */
void report_interval(FILE *f, double mean, double lo, double hi)
{
    report_num(f, mean);
    if (isfinite(lo) && isfinite(hi)) {
        fputs(" <span class=\"ci\">[", f);
        report_num(f, lo);
        fputs(", ", f);
        report_num(f, hi);
        fputs("]</span>", f);
    }
}

int report_load(const spc_outdir *d, const char *name, spc_csvtable *t)
{
    char path[4200];
    spc_error e;
    spc_error_clear(&e);
    return spc_outdir_path(d, name, path, sizeof path) == 0 && spc_csvtable_load(t, path, &e) == SPC_OK;
}

report_cols report_columns(const spc_csvtable *t)
{
    report_cols c = { spc_csvtable_column(t, "scope"), spc_csvtable_column(t, "metric"),
                      spc_csvtable_column(t, "mean"), spc_csvtable_column(t, "ci95_low"),
                      spc_csvtable_column(t, "ci95_high") };
    return c;
}

void report_estimate(FILE *f, const spc_csvtable *t, size_t r, const report_cols *c)
{
    report_interval(f, spc_csvtable_num(t, r, c->mean), spc_csvtable_num(t, r, c->lo), spc_csvtable_num(t, r, c->hi));
}

void report_interval_kind(FILE *f, const spc_outdir *d)
{
    if (d->uncertain)
        fputs(" The intervals hold parameter uncertainty as well as simulation noise: each replication drew the "
              "scenario's assumptions from their plausible ranges (<code>--uncertain</code>; the values in "
              "<code>uncertain.csv</code>).", f);
    else
        fputs(" The intervals hold simulation noise only, at the scenario's own settings.", f);
}

/* ---- figures ---- */

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

/* The figure's SVG file read whole; NULL when it was not drawn or cannot be read. */
static unsigned char *figure_svg(const spc_outdir *d, const spc_plot_figure *fig, size_t *n)
{
    char name[80], path[4200];
    snprintf(name, sizeof name, "%s.svg", fig->name);
    if (!fig->drawn || spc_outdir_path(d, name, path, sizeof path) != 0)
        return NULL;
    return (unsigned char *)spc_text_read_file(path, n);
}

static void figure(FILE *f, const spc_outdir *d, const spc_plot_figure *fig, unsigned formats, const char *note)
{
    size_t n = 0;
    unsigned char *svg = figure_svg(d, fig, &n);
    if (svg != NULL && n > 0) {
        fputs("<figure><img alt=\"", f);
        report_esc(f, fig->title);
        fputs("\" src=\"data:image/svg+xml;base64,", f);
        base64(f, svg, n);
        fputs("\"><figcaption>", f);
        report_esc(f, fig->title);
        fprintf(f, " (<code>%s.svg</code>, ", fig->name);
        if (formats & SPC_PLOT_PNG)
            fprintf(f, "<code>%s.png</code>, ", fig->name);
        fprintf(f, "drawn by <code>%s.gp</code>)</figcaption></figure>\n", fig->name);
    } else {
        fputs("<p class=\"missing\">Figure not drawn: ", f);
        report_esc(f, fig->title);
        fputs(". ", f);
        report_esc(f, note ? note : "");
        fprintf(f, " Its script is <code>%s.gp</code>.</p>\n", fig->name);
    }
    free(svg);
}

void report_figures(FILE *f, const spc_outdir *d, const spc_plot_set *set, spc_plot_kind kind, const char *h2,
                    const char *note)
{
    int any = 0;
    for (size_t i = 0; i < set->n; i++)
        if (set->fig[i].kind == kind) {
            if (!any++ && h2 != NULL)
                fprintf(f, "<h2>%s</h2>\n", h2);
            figure(f, d, &set->fig[i], set->formats, note);
        }
}

/* ---- the page ---- */

static const char style[] =
    "body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;margin:1em 0}td,th{padding:.25em .7em;border-bottom:1px solid #e4e4e4;"
    "text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}.ci{color:#666;white-space:nowrap}"
    ".warn{color:#a40}"
    "figure{margin:1.5em 0}figure img{width:100%;height:auto;border:1px solid #ddd}"
    "figcaption{color:#555}.note,.missing{background:#fff4d6;padding:.6em;border-left:4px solid #e0a800}"
    ".chain{display:flex;gap:2em;flex-wrap:wrap}p.story{font-size:1.15em;line-height:1.5}";

/* Marks figures that fail to load and counts them on <body> (the browser test reads it). */
static const char check_script[] =
    "window.addEventListener('load',function(){var ok=0,failed=0;"
    "document.querySelectorAll('figure img').forEach(function(img){"
    "if(img.complete&&img.naturalWidth>0){ok++;}else{failed++;var p=document.createElement('p');"
    "p.className='missing';p.textContent='This figure failed to load: '+img.alt;img.replaceWith(p);}});"
    "document.body.setAttribute('data-figures-ok',ok);document.body.setAttribute('data-figures-failed',failed);"
    "document.body.setAttribute('data-checked','yes');});";

/* The head with the style, and the title: the scenario's name, else what the folder holds. */
static void page_head(FILE *f, const spc_outdir *d)
{
    const char *title = d->name ? d->name : d->compare ? "comparison" : d->sweep ? "sweep"
                      : d->chain ? "the service-profit chain" : d->sensitivity ? "sensitivity" : "outputs";
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>spcsim report: ", f);
    report_esc(f, title);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>spcsim report: ", style);
    report_esc(f, title);
    fputs("</h1>\n", f);
}

/* The sections in their order; each writes nothing when its file is absent. */
static void page(FILE *f, const spc_outdir *d, const spc_plot_set *set, const char *note)
{
    page_head(f, d);
    /* the story first: three sentences, the story figure, the headline table */
    report_story_opening(f, d);
    report_figures(f, d, set, SPC_PLOT_STORY, NULL, note);
    if (note != NULL) {
        fputs("<p class=\"note\">", f);
        report_esc(f, note);
        fputs("</p>\n", f);
    }
    if (d->compare)
        report_study_compare(f, d);
    if (d->summary)
        report_story_headline(f, d);
    report_run_summary(f, d);
    report_figures(f, d, set, SPC_PLOT_DIST, NULL, note);
    if (d->summary || d->compare)
        report_story_groups(f, d);
    fputs("<h2>The run</h2>\n", f);
    report_run_meta(f, d);
    report_run_scorecard(f, d);
    report_figures(f, d, set, SPC_PLOT_STAGES, "The chain of stages", note);
    report_figures(f, d, set, SPC_PLOT_TIMESERIES, "Over time", note);
    report_figures(f, d, set, SPC_PLOT_COMPARE, "Comparison: figures", note);
    report_figures(f, d, set, SPC_PLOT_SWEEP, "Sweep", note);
    if (d->sweep)
        report_study_sweep(f, d);
    if (d->chain) /* the `chain` command's outputs: its table, the reference forms, its figure */
        report_chain(f, d, set, note);
    if (d->chain_periods) /* chain: the changes per period, then (a list of doses) the dose-response */
        report_chaintime_periods(f, d, set, note);
    if (d->chain_dose)
        report_chaintime_dose(f, d, set, note);
    if (d->sensitivity)
        report_study_sensitivity(f, d, set, note);
    fprintf(f, "<script>%s</script>\n</body>\n</html>\n", check_script);
}

spc_status spc_report_write(const spc_outdir *d, const spc_plot_set *set, const char *note, spc_error *err)
{
    spc_output out;
    FILE *f;
    if (spc_output_open(&out, d->dir, d->stage, err) == SPC_OK && (f = spc_output_file(&out, "report.html", err)) != NULL) {
        page(f, d, set, note);
        spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    return err->code;
}
