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
 * gnuplot the figures use (SPCSIM_GNUPLOT, else gnuplot on PATH); and the
 * command and its command line. Every other command writes a run.json of
 * the same facts (spc_output_study_json) with the list of the resolved
 * scenarios it wrote. JSON is built and written with jansson.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <jansson.h>

#include "spcsim/buildinfo.h"
#include "spcsim/metricinfo.h"
#include "spcsim/output.h"
#include "spcsim/plot.h"
#include "spcsim/rng.h"
#include "spcsim/text.h"

void spc_output_summary_csv(FILE *f, const spc_results *r, const char *time_unit)
{
    fputs("scope,metric,mean,ci95_low,ci95_high,n,ci_warning,unit,label\n", f);
    for (size_t i = 0; i < r->n; i++) {
        const spc_result_row *row = &r->rows[i];
        const spc_metric_info *mi = spc_metricinfo_find(row->scope, row->metric);
        double lo = row->e.lo, hi = row->e.hi;
        char unit[96];
        spc_metricinfo_clip(mi, &lo, &hi);
        spc_csv_result(f, row->scope, row->metric, row->e.mean, lo, hi, row->e.n);
        fprintf(f, ",%s,", spc_batch_verdict_name(row->warn));
        spc_csv_text(f, spc_metricinfo_unit(mi, SPC_MI_SUMMARY, time_unit, unit, sizeof unit));
        fputc(',', f);
        spc_csv_text(f, mi != NULL ? mi->label : "");
        fputc('\n', f);
    }
}

/* A number, or null when it does not exist (NaN, infinite). */
static json_t *json_num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *json_stages(const spc_run_meta *m)
{
    json_t *a = json_array();
    for (size_t i = 0; a != NULL && i < m->sc->nstages; i++)
        json_array_append_new(a, json_pack("{s:s, s:i, s:o, s:o}", "name", m->sc->stages[i].name, "servers",
                                           m->sc->stages[i].servers, "arrival_rate",
                                           json_num(m->lambda ? m->lambda[i] : NAN), "offered_load",
                                           json_num(m->rho ? m->rho[i] : NAN)));
    return a;
}

/* What made the output: program, version, the build's facts (commit,
 * compiler, GSL, libconfig, gnuplot), the command and its command line. */
static json_t *json_provenance(const char *version, const char *command, const char *command_line,
                               const char *gnuplot_version)
{
    char gnuplot[256];
    if (gnuplot_version != NULL)
        snprintf(gnuplot, sizeof gnuplot, "%s", gnuplot_version);
    else
        spc_plot_gnuplot_version(getenv("SPCSIM_GNUPLOT"), gnuplot, sizeof gnuplot);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "program", "spcsim", "version", version,
                     "commit", spc_buildinfo_commit(), "compiler", spc_buildinfo_compiler(), "gsl_version",
                     spc_buildinfo_gsl(), "libconfig_version", spc_scenario_libconfig_version(),
                     "gnuplot_version", gnuplot, "command", command, "command_line",
                     command_line != NULL ? command_line : "");
}

/* The scenario's facts every output records: file, name, seed, replications, jobs. */
static void json_scenario(json_t *o, const spc_scenario *sc, unsigned replications, unsigned jobs)
{
    json_object_set_new(o, "scenario", json_string(sc->path));
    json_object_set_new(o, "name", json_string(sc->name));
    json_object_set_new(o, "seed", json_integer((json_int_t)sc->seed));
    json_object_set_new(o, "replications", json_integer(replications));
    json_object_set_new(o, "jobs", json_integer(jobs));
}

/* The run's clock and generator. */
static void json_time(json_t *o, const spc_scenario *sc)
{
    json_object_set_new(o, "stream_seed_mixing", json_string("splitmix64(seed, replication, stream)"));
    json_object_set_new(o, "generator", json_string(sc->generator));
    json_object_set_new(o, "time_unit", json_string(sc->time_unit));
    json_object_set_new(o, "horizon", json_num(sc->horizon));
    json_object_set_new(o, "warmup", json_num(sc->warmup));
}

/* Two-space indent, one key per line, numbers with 10 significant digits
 * (jansson adds ".0" to a whole real), keys in the order set. */
static void json_write(FILE *f, json_t *o)
{
    if (o == NULL)
        return; /* out of memory: the output's write check fails on the empty file */
    json_dumpf(o, f, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
    fputc('\n', f);
    json_decref(o);
}

void spc_output_run_json(FILE *f, const spc_run_meta *m)
{
    const spc_scenario *sc = m->sc;
    json_t *o = json_provenance(m->version, "run", m->command_line, m->gnuplot_version);
    if (o == NULL)
        return;
    json_scenario(o, sc, m->replications, m->jobs);
    if (m->stopped_by != NULL) { /* only a run stopped with --keep-partial: other files keep their bytes */
        json_object_set_new(o, "partial", json_true());
        json_object_set_new(o, "replications_requested", json_integer(m->requested));
        json_object_set_new(o, "stopped_by", json_string(m->stopped_by));
    }
    if (m->uncertain != NULL) { /* only with --uncertain: other runs' files keep their bytes */
        json_object_set_new(o, "intervals", json_string("simulation noise and parameter uncertainty"));
        json_object_set_new(o, "uncertain",
                            json_pack("{s:I, s:s, s:I, s:s}", "settings", (json_int_t)m->uncertain->k, "draw",
                                      "uniform on the plausible range, one per replication", "stream",
                                      (json_int_t)SPC_UNCERTAIN_STREAM, "values", "uncertain.csv"));
    }
    json_time(o, sc);
    json_object_set_new(o, "batches", json_integer(sc->batches));
    json_object_set_new(o, "events", json_integer((json_int_t)m->events));
    json_object_set_new(o, "wall_seconds", json_num(m->wall_seconds));
    json_object_set_new(o, "stages", json_stages(m));
    json_write(f, o);
}

void spc_output_study_json(FILE *f, const spc_study_meta *m)
{
    json_t *o = json_provenance(m->version, m->command, m->command_line, NULL);
    json_t *files = json_array();
    if (o == NULL || files == NULL) {
        json_decref(o);
        json_decref(files);
        return;
    }
    json_scenario(o, m->sc, m->replications, m->jobs);
    json_time(o, m->sc);
    json_object_set_new(o, "wall_seconds", json_num(m->wall_seconds));
    for (size_t i = 0; i < m->nresolved; i++)
        json_array_append_new(files, json_pack("{s:s, s:s}", "file", m->resolved[i].file, "label",
                                               m->resolved[i].label));
    json_object_set_new(o, "resolved_scenarios", files);
    json_write(f, o);
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
