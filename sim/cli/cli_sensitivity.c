/*
 * cli_sensitivity.c -- `spcsim sensitivity`: vary settings over ranges
 * (--param PATH=LOW:HIGH), run every point of a Morris or Sobol' design
 * with common random numbers (sensrun.h), and report how much each setting
 * moves each output (sensitivity.h): sensitivity.csv, design.csv, points.csv,
 * ranges.csv, a table on the terminal and the share of the variance that is
 * replication noise. For a scenario with a workforce and customers the
 * default outputs are the chain study's: the relative change of CSAT and of
 * profit when the lever raises ESAT by 5% at each point (sensrun.h).
 *
 * The design depends on the scenario, the options and the seed only, so it
 * can be written alone (--design-only), run in parts (--part I/N, each on
 * its machine: points.csv of its points) and merged (--merge PARTDIR...,
 * senspart.h) into the files one run writes. Under MPI (mpirun -np N
 * spcsim sensitivity) the ranks are the parts: rank r runs part r + 1 and
 * rank 0 merges them in memory (spread_points).
 *
 * The face's part only: options, defaults, the seeded generator of the
 * design and the bootstrap, the progress line, the files and the table.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <gsl/gsl_rng.h>

#include "cli.h"
#include "spcsim/mpi.h"
#include "spcsim/output.h"
#include "spcsim/rng.h"
#include "spcsim/senspart.h"
#include "spcsim/sensitivity.h"
#include "spcsim/sensrun.h"
#include "spcsim/text.h"

#define DEFAULT_TRAJECTORIES 10
#define DEFAULT_SAMPLES 64
#define MORRIS_LEVELS 4
#define BOOTSTRAP 1000
/* The lever search's replications for chain outputs, as chain's (lever.h). */
#define SEARCH_REPS 10
/* The design's and the bootstrap's generator: a stream of its own, apart
 * from every stream of the model (rng.h numbers those from 1). */
#define SENS_STREAM 0x5e45ULL

typedef struct {
    spc_sens_param *param;
    size_t k;
    spc_sens_metric *metric;
    size_t m;
    spc_sens_design design;
    spc_sensrun run;
    spc_sens_morris morris;
    spc_sens_sobol sobol;
    spc_sensrun_request rq;
    double *lever_start;    /* per output (chain outputs), sensrun.h */
    int has_morris, has_sobol;
    const options *o;
    cli_prov prov;      /* run.json and the base resolved (each point's settings: design.csv) */
} sens_job;

static void job_release(sens_job *j)
{
    for (size_t i = 0; i < j->k; i++)
        spc_sens_param_release(&j->param[i]);
    free(j->param);
    free(j->metric);
    free(j->lever_start);
    spc_sens_design_release(&j->design);
    spc_sensrun_release(&j->run);
    spc_sens_morris_release(&j->morris);
    spc_sens_sobol_release(&j->sobol);
}

/* The default outputs: the chain study's changes with a workforce and
 * customers (the lever needs both), the chain's summary metrics with
 * customers only, the lead time otherwise. */
static const char *const *default_metrics(const spc_scenario *sc, size_t *n)
{
    static const char *const chain[] = { "chain(5%):rel(csat)", "chain(5%):rel(profit)" };
    static const char *const customers[] = { "customers/csat", "finance/profit" };
    static const char *const plain[] = { "system/lead_time_mean" };
    *n = sc->customers.enabled ? 2 : 1;
    return sc->customers.enabled && sc->workforce.enabled ? chain : sc->customers.enabled ? customers : plain;
}

spc_status cli_sens_params(const options *o, spc_sens_param **p, size_t *k, spc_error *err)
{
    if ((*p = calloc(o->nparams + 1, sizeof **p)) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (; *k < o->nparams; (*k)++)
        if (spc_sens_param_parse(o->params[*k], &(*p)[*k], err) != SPC_OK)
            return err->code;
    if (o->params_from != NULL && spc_senspart_params_read(o->params_from, p, k, err) != SPC_OK)
        return err->code;
    if (*k == 0)
        return spc_error_set(err, SPC_ERR_USAGE, "--params-from %s: no PATH=LOW:HIGH line in it", o->params_from);
    for (size_t i = 0; i < *k; i++)
        for (size_t l = 0; l < i; l++)
            if (strcmp((*p)[i].path, (*p)[l].path) == 0)
                return spc_error_set(err, SPC_ERR_USAGE, "%s is given twice (--param, --params-from)", (*p)[i].path);
    return SPC_OK;
}

/* --param PATH=LOW:HIGH and --params-from FILE, else every assumption the
 * scenario uses over its plausible range (sensrun.h). */
static spc_status parse_params(const options *o, const spc_scenario *sc, sens_job *j, spc_error *err)
{
    if (o->nparams == 0 && o->params_from == NULL)
        return spc_sens_params_default(sc, &j->param, &j->k, err);
    return cli_sens_params(o, &j->param, &j->k, err);
}

/* --metric SCOPE/METRIC or chain(DELTA):STAT(MEASURE), else the defaults. */
static spc_status parse_inputs(const options *o, const spc_scenario *sc, sens_job *j, spc_error *err)
{
    size_t ndef;
    const char *const *def = default_metrics(sc, &ndef);
    j->m = o->nmetrics ? o->nmetrics : ndef;
    if ((j->metric = calloc(j->m, sizeof *j->metric)) == NULL ||
        (j->lever_start = calloc(j->m, sizeof *j->lever_start)) == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    if (parse_params(o, sc, j, err) != SPC_OK)
        return err->code;
    for (size_t i = 0; i < j->m; i++)
        if (spc_sens_metric_parse(o->nmetrics ? o->metrics[i] : def[i], &j->metric[i], err) != SPC_OK)
            return err->code;
    if (o->method != NULL && strcmp(o->method, "sobol") == 0 && j->k > SPC_SENS_SOBOL_MAX_K)
        return spc_error_set(err, SPC_ERR_USAGE, "sensitivity: Sobol' takes at most %d settings, not %zu%s: screen "
                             "them with Morris first, then give the ones that matter with --param",
                             SPC_SENS_SOBOL_MAX_K, j->k, o->nparams ? "" : " (the scenario's assumptions)");
    return SPC_OK;
}

static spc_status make_design(const options *o, sens_job *j, gsl_rng *rng, spc_error *err)
{
    double *lo = malloc(j->k * sizeof *lo), *hi = malloc(j->k * sizeof *hi);
    if (lo == NULL || hi == NULL) {
        free(lo);
        free(hi);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    for (size_t i = 0; i < j->k; i++) {
        lo[i] = j->param[i].lo;
        hi[i] = j->param[i].hi;
    }
    if (o->method == NULL || strcmp(o->method, "morris") == 0)
        spc_sens_morris_design(j->k, lo, hi, o->trajectories ? o->trajectories : DEFAULT_TRAJECTORIES,
                               MORRIS_LEVELS, rng, &j->design, err);
    else
        spc_sens_sobol_design(j->k, lo, hi, o->samples ? o->samples : DEFAULT_SAMPLES, &j->design, err);
    free(lo);
    free(hi);
    return err->code;
}

/* ---- progress ---- */

typedef struct {
    struct timespec t0;
} progress_clock;

static void progress_line(void *ctx, size_t done, size_t total)
{
    progress_clock *c = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double spent = (double)(now.tv_sec - c->t0.tv_sec) + 1e-9 * (double)(now.tv_nsec - c->t0.tv_nsec);
    double left = spent / (double)done * (double)(total - done);
    fprintf(stderr, "\rspcsim: sensitivity: point %zu of %zu, about %.0f s left   %s", done, total, left,
            done == total ? "\n" : "");
}

/* ---- files ---- */

/* The unreached rows: per chain output, the points where the lever could
 * not raise ESAT so far (its values there NaN). */
static void write_unreached(FILE *f, const sens_job *j)
{
    for (size_t o = 0; o < j->m; o++)
        if (j->metric[o].chain) {
            fputc(',', f);
            spc_csv_text(f, j->metric[o].name);
            fprintf(f, ",%s,unreached_points,%zu,,\n", j->has_morris ? "morris" : "sobol", j->run.unreached);
        }
}

static spc_status write_files(spc_stage *st, const void *ctx, spc_error *err)
{
    const sens_job *j = ctx;
    spc_output out;
    FILE *f = NULL;
    int part = j->o->part > 0, design = j->o->design_only;
    if (spc_output_open(&out, st->path, st, err) == SPC_OK && !part && !design &&
        (f = spc_output_file(&out, "sensitivity.csv", err)) != NULL) {
        spc_sensrun_write_indices(f, &j->rq, &j->run, j->has_morris ? &j->morris : NULL,
                                  j->has_sobol ? &j->sobol : NULL);
        write_unreached(f, j);
    }
    if (err->code == SPC_OK && !part && (f = spc_output_file(&out, "design.csv", err)) != NULL)
        spc_sensrun_write_design(f, &j->design, &j->rq, design ? NULL : &j->run);
    if (err->code == SPC_OK && !design && (f = spc_output_file(&out, "points.csv", err)) != NULL)
        spc_senspart_write(f, &j->design, &j->rq, &j->run);
    if (err->code == SPC_OK && (f = spc_output_file(&out, "ranges.csv", err)) != NULL) {
        spc_sensrun_write_ranges(f, j->param, j->k);
        if (cli_provenance(&out, j->o, &j->prov, err) == SPC_OK)
            spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    return err->code;
}

static void print_summary(const sens_job *j, const char *dir)
{
    for (size_t o = 0; o < j->m; o++) {
        printf("%s:\n", j->metric[o].name);
        if (j->has_morris)
            printf("  %-44s %12s %12s %12s\n", "setting", "mu*", "mu", "sigma");
        else
            printf("  %-44s %8s %19s %8s %19s\n", "setting", "S1", "95% CI", "ST", "95% CI");
        for (size_t i = 0; i < j->k; i++) {
            size_t c = i * j->m + o;
            if (j->has_morris)
                printf("  %-44.44s %12.5g %12.5g %12.5g\n", j->param[i].path, j->morris.mu_star[c], j->morris.mu[c],
                       j->morris.sigma[c]);
            else
                printf("  %-44.44s %8.3f [%7.3f, %7.3f] %8.3f [%7.3f, %7.3f]\n", j->param[i].path, j->sobol.s[c],
                       j->sobol.s_lo[c], j->sobol.s_hi[c], j->sobol.st[c], j->sobol.st_lo[c], j->sobol.st_hi[c]);
        }
        printf("  replication noise: %.3g of the variance of the point means\n",
               spc_sensrun_noise_share(&j->run, o));
        if (j->metric[o].chain && j->run.unreached > 0)
            printf("  the lever could not raise ESAT so far within its range at %zu of the points (no value there)\n",
                   j->run.unreached);
    }
    printf("%zu settings, %zu points x %u replications (common random numbers); outputs in %s/: sensitivity.csv, "
           "design.csv, points.csv, ranges.csv, report.html, figures\n", j->k, j->design.npoints,
           j->run.replications, dir);
}

/* ---- the command ---- */

/* Every point of the design is covered by some part (or rank). */
static spc_status all_covered(const sens_job *j, const char *covered, const char *what, spc_error *err)
{
    for (size_t p = 0; p < j->design.npoints && err->code == SPC_OK; p++)
        if (!covered[p])
            spc_error_set(err, SPC_ERR_USAGE, "%s: no part has point %zu of the %zu (a part is missing, or the design "
                          "differs)", what, p, j->design.npoints);
    return err->code;
}

/* The lever's starting values of the chain outputs (sensrun.h); under MPI
 * each of its runs spread over the ranks and shared (cli_study_runner,
 * mpi.h), since every rank needs them. */
static spc_status lever_start(const options *o, sens_job *j, spc_error *err)
{
    if (!spc_sensrun_has_chain(&j->rq))
        return SPC_OK;
    if (!o->quiet)
        fprintf(stderr, "spcsim: sensitivity: the lever's value for each rise at the scenario's settings\n");
    spc_study_runner runner = cli_study_runner(o);
    spc_sensrun_lever_start(&j->rq, &runner, j->lever_start, err);
    j->rq.lever_start = j->lever_start;
    return err->code;
}

/* ---- under MPI: the ranks are the parts ---- */

typedef struct {
    sens_job *j;
    spc_sensrun all;   /* the whole design's points, as a merge reads them */
    char *covered;
} rank_points;

static spc_status read_rank_points(void *ctx, int rank, char *text, size_t len, spc_error *err)
{
    (void)len;
    rank_points *rp = ctx;
    char name[48];
    snprintf(name, sizeof name, "rank %d's points", rank);
    return spc_senspart_read_text(text, name, &rp->j->design, &rp->j->rq, &rp->all, rp->covered, err);
}

/* Rank r runs part r + 1 of the points (as --part does) and writes them
 * as a part's points.csv, in memory; rank 0 reads every rank's back in
 * rank order (as --merge does) into j->run: the two steps of a job array,
 * without the files. The other ranks end with their part sent. */
static spc_status spread_points(sens_job *j, spc_error *err)
{
    rank_points rp = { .j = j };
    char *text = NULL;
    size_t len = 0;
    spc_senspart_range(j->design.npoints, (unsigned)spc_mpi_rank() + 1, (unsigned)spc_mpi_size(), &j->rq.first,
                       &j->rq.last);
    if (spc_sensrun_run(&j->rq, &j->design, &j->run, err) != SPC_OK)
        return err->code;
    FILE *f = open_memstream(&text, &len);
    if (f != NULL) {
        spc_senspart_write(f, &j->design, &j->rq, &j->run);
        if (fclose(f) != 0) {
            free(text);
            text = NULL;
        }
    }
    j->rq.first = j->rq.last = 0;
    if (spc_mpi_rank() == 0 && ((rp.covered = calloc(j->design.npoints + 1, 1)) == NULL ||
                                spc_sensrun_alloc(&rp.all, j->design.npoints, j->m, j->run.replications, err) != SPC_OK)) {
        free(text);
        text = NULL;
    }
    if (spc_mpi_gather_text(text, len, read_rank_points, &rp, err) == SPC_OK && spc_mpi_rank() == 0 &&
        all_covered(j, rp.covered, "sensitivity under mpirun", err) == SPC_OK) {
        spc_sensrun_release(&j->run);
        j->run = rp.all;
        memset(&rp.all, 0, sizeof rp.all);
    }
    spc_sensrun_release(&rp.all);
    free(rp.covered);
    return err->code;
}

/* A part's scenario.resolved.cfg is the merge's own (want): a part of
 * another seed, --set or -r can have the design's very points (a few
 * settings on the Morris grid) while its outputs are another run's. */
static spc_status same_base(const char *dir, const char *want, spc_error *err)
{
    char path[4200];
    if ((size_t)snprintf(path, sizeof path, "%s/scenario.resolved.cfg", dir) >= sizeof path)
        return spc_error_set(err, SPC_ERR_USAGE, "--merge %.100s...: the path is too long", dir);
    if (cli_text_differs(path, want, err) > 0)
        spc_error_set(err, SPC_ERR_USAGE, "%s: not the scenario of this merge (another scenario, seed, --set or -r): "
                      "the part is of another run", path);
    return err->code;
}

/* The points: run (all, or --part's, or under MPI this rank's), or read
 * back from the parts (--merge). */
static spc_status get_points(const options *o, const spc_scenario *sc, sens_job *j, spc_error *err)
{
    if (o->merge) {
        char *covered = calloc(j->design.npoints + 1, 1), *want = cli_scenario_text(sc);
        if (covered == NULL || want == NULL ||
            spc_sensrun_alloc(&j->run, j->design.npoints, j->m, j->rq.opts->replications, err)) {
            free(covered);
            free(want);
            return err->code ? err->code : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        }
        for (size_t i = 0; i < o->nextra && err->code == SPC_OK; i++)
            if (same_base(o->extra[i], want, err) == SPC_OK)
                spc_senspart_read(o->extra[i], &j->design, &j->rq, &j->run, covered, err);
        all_covered(j, covered, "sensitivity --merge", err);
        free(covered);
        free(want);
        return err->code;
    }
    if (o->part > 0)
        spc_senspart_range(j->design.npoints, o->part, o->nparts, &j->rq.first, &j->rq.last);
    if (lever_start(o, j, err) != SPC_OK)
        return err->code;
    if (spc_mpi_size() > 1)
        return spread_points(j, err);
    return spc_sensrun_run(&j->rq, &j->design, &j->run, err);
}

static spc_status indices(sens_job *j, gsl_rng *rng, spc_error *err)
{
    j->has_morris = j->design.method == SPC_SENS_MORRIS;
    j->has_sobol = !j->has_morris;
    if (j->has_morris)
        return spc_sens_morris_indices(&j->design, j->run.y, j->m, &j->morris, err);
    return spc_sens_sobol_indices(&j->design, j->run.y, j->m, 0, BOOTSTRAP, rng, &j->sobol, err);
}

static void print_done(const sens_job *j, const char *dir)
{
    if (j->o->design_only)
        printf("%zu settings, %zu points: design.csv, ranges.csv in %s/\n", j->k, j->design.npoints, dir);
    else if (j->o->part > 0)
        printf("part %u of %u: points %zu to %zu of %zu x %u replications in %s/points.csv\n", j->o->part,
               j->o->nparts, j->rq.first, j->rq.last - 1, j->design.npoints, j->run.replications, dir);
    else
        print_summary(j, dir);
}

static spc_status run_study(const options *o, const spc_scenario *sc, sens_job *j, const char *dir, spc_error *err)
{
    cli_override_buf buf;
    size_t nsets;
    const char **sets = cli_overrides(o, &buf, 1, &nsets);
    char seed[64];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (sets == NULL || rng == NULL) {
        free(sets);
        gsl_rng_free(rng);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    snprintf(seed, sizeof seed, "seed=%lluL", (unsigned long long)sc->seed); /* every point the same seeds */
    sets[nsets++] = seed;
    gsl_rng_set(rng, (unsigned long)spc_rng_mix(sc->seed, 0, SENS_STREAM));
    spc_experiment_opts opts = { (unsigned)sc->replications, 0, o->jobs, 0, NULL, o->stop, 0, o->force, 0 };
    progress_clock clock;
    clock_gettime(CLOCK_MONOTONIC, &clock.t0);
    j->o = o;
    j->rq = (spc_sensrun_request){ .path = o->scenario, .sets = sets, .nsets = nsets, .param = j->param,
                                   .metric = j->metric, .m = j->m, .opts = &opts,
                                   .progress = !o->quiet && isatty(STDERR_FILENO) ? progress_line : NULL,
                                   .progress_ctx = &clock, .lever = o->lever,
                                   .search_replications = o->search_reps ? o->search_reps : SEARCH_REPS };
    if (make_design(o, j, rng, err) == SPC_OK && (o->design_only || get_points(o, sc, j, err) == SPC_OK) &&
        spc_mpi_rank() == 0 && /* under MPI rank 0 has every point, and writes */
        (o->design_only || o->part > 0 || indices(j, rng, err) == SPC_OK)) {
        char label[4200];
        snprintf(label, sizeof label, "base: %s (each point's settings: design.csv)", o->scenario);
        j->prov = (cli_prov){ j->run.replications ? j->run.replications : opts.replications, sc, 0, NULL, NULL, NULL };
        if (cli_prov_add(&j->prov, sc, 0, "scenario.resolved.cfg", label, err) == SPC_OK &&
            cli_publish(o, dir, write_files, j, !o->design_only && o->part == 0, err) == SPC_OK && !o->quiet)
            print_done(j, dir);
    }
    free(sets);
    gsl_rng_free(rng);
    return err->code;
}

spc_status cli_sensitivity(const options *o, spc_error *err)
{
    sens_job j;
    memset(&j, 0, sizeof j);
    char dir[4096], suffix[64];
    if (o->part > 0)
        snprintf(suffix, sizeof suffix, "-sensitivity-part%uof%u", o->part, o->nparts);
    else
        snprintf(suffix, sizeof suffix, "-sensitivity%s", o->design_only ? "-design" : "");
    spc_scenario *sc = cli_load(o, o->scenario, NULL, 0, err);
    if (sc != NULL && parse_inputs(o, sc, &j, err) == SPC_OK && cli_outdir(o, sc->name, suffix, dir, sizeof dir, err) == SPC_OK)
        run_study(o, sc, &j, dir, err);
    cli_prov_release(&j.prov);
    job_release(&j);
    spc_scenario_free(sc);
    return err->code;
}
