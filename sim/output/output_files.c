/*
 * output_files.c -- what goes into summary.csv and run.json.
 *
 * Numbers are printed with 10 significant digits ("%.10g"), the same way on
 * every run, so that the same scenario and seed give byte-identical files.
 * A value that does not exist (an interval from fewer than two batches, a
 * percentile's interval) is an empty CSV field and a JSON null. summary.csv's
 * last column, ci_warning, is empty unless the row's batch-means interval
 * should not be trusted (few_batches, correlated: stats.h, model.md B5).
 *
 * run.json also says what made the run: the commit and compiler of the
 * build and the GSL and libconfig headers it was compiled against
 * (buildinfo.h, scenario.h), and the gnuplot that draws the figures, asked
 * for its version (`gnuplot --version`) when run.json is written; the same
 * gnuplot the figures use (SPCSIM_GNUPLOT, else gnuplot on PATH).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "spcsim/buildinfo.h"
#include "spcsim/metricinfo.h"
#include "spcsim/output.h"
#include "spcsim/plot.h"
#include "spcsim/rng.h"
#include "spcsim/text.h"

void spc_output_summary_csv(FILE *f, const spc_results *r, const char *time_unit)
{
    fputs("scope,metric,mean,ci95_low,ci95_high,n,ci_warning,unit\n", f);
    for (size_t i = 0; i < r->n; i++) {
        const spc_result_row *row = &r->rows[i];
        const spc_metric_info *mi = spc_metricinfo_find(row->scope, row->metric);
        double lo = row->e.lo, hi = row->e.hi;
        char unit[96];
        spc_metricinfo_clip(mi, &lo, &hi);
        spc_csv_result(f, row->scope, row->metric, row->e.mean, lo, hi, row->e.n);
        fprintf(f, ",%s,", spc_batch_verdict_name(row->warn));
        spc_csv_text(f, spc_metricinfo_unit(mi, SPC_MI_SUMMARY, time_unit, unit, sizeof unit));
        fputc('\n', f);
    }
}

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, "%.10g", x);
    else
        fputs("null", f);
}

static void json_stages(FILE *f, const spc_run_meta *m)
{
    fputs("  \"stages\": [", f);
    for (size_t i = 0; i < m->sc->nstages; i++) {
        fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", f);
        json_string(f, m->sc->stages[i].name);
        fprintf(f, ", \"servers\": %d, \"arrival_rate\": ", m->sc->stages[i].servers);
        json_num(f, m->lambda ? m->lambda[i] : NAN);
        fputs(", \"offered_load\": ", f);
        json_num(f, m->rho ? m->rho[i] : NAN);
        fputc('}', f);
    }
    fputs("\n  ]\n", f);
}

/* One "key": "value" line per fact of the build (after "version"). */
static void json_build(FILE *f)
{
    char gnuplot[256];
    spc_plot_gnuplot_version(getenv("SPCSIM_GNUPLOT"), gnuplot, sizeof gnuplot);
    const char *const key[] = { "commit", "compiler", "gsl_version", "libconfig_version", "gnuplot_version" };
    const char *const value[] = { spc_buildinfo_commit(), spc_buildinfo_compiler(), spc_buildinfo_gsl(),
                                  spc_scenario_libconfig_version(), gnuplot };
    for (size_t i = 0; i < sizeof key / sizeof key[0]; i++) {
        fprintf(f, ",\n  \"%s\": ", key[i]);
        json_string(f, value[i]);
    }
}

void spc_output_run_json(FILE *f, const spc_run_meta *m)
{
    const spc_scenario *sc = m->sc;
    fputs("{\n  \"program\": \"spcsim\",\n  \"version\": ", f);
    json_string(f, m->version);
    json_build(f);
    fputs(",\n  \"scenario\": ", f);
    json_string(f, sc->path);
    fputs(",\n  \"name\": ", f);
    json_string(f, sc->name);
    fprintf(f, ",\n  \"seed\": %llu,\n  \"replications\": %u,\n  \"jobs\": %u,\n",
            (unsigned long long)sc->seed, m->replications, m->jobs);
    if (m->stopped_by != NULL) { /* only a run stopped with --keep-partial: other files keep their bytes */
        fprintf(f, "  \"partial\": true,\n  \"replications_requested\": %u,\n  \"stopped_by\": ", m->requested);
        json_string(f, m->stopped_by);
        fputs(",\n", f);
    }
    fputs("  \"stream_seed_mixing\": \"splitmix64(seed, replication, stream)\",\n  \"generator\": ", f);
    json_string(f, sc->generator);
    fputs(",\n  \"time_unit\": ", f);
    json_string(f, sc->time_unit);
    fputs(",\n  \"horizon\": ", f);
    json_num(f, sc->horizon);
    fputs(",\n  \"warmup\": ", f);
    json_num(f, sc->warmup);
    fprintf(f, ",\n  \"batches\": %d,\n  \"events\": %llu,\n  \"wall_seconds\": ", sc->batches, m->events);
    json_num(f, m->wall_seconds);
    fputs(",\n", f);
    json_stages(f, m);
    fputs("}\n", f);
}

void spc_output_replications_csv(FILE *f, const spc_results *rep, unsigned n, unsigned long long seed)
{
    fputs("replication,seed,scope,metric,value\n", f);
    for (unsigned r = 0; r < n; r++)
        for (size_t i = 0; i < rep[r].n; i++) {
            fprintf(f, "%u,%llu,%s,%s,", r, seed, rep[r].rows[i].scope, rep[r].rows[i].metric);
            spc_csv_num(f, rep[r].rows[i].e.mean);
            fputc('\n', f);
        }
}
