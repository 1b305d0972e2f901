/*
 * cli_study.c -- the compare, sweep, warmup and calibrate commands (face floor): load,
 * run through the experiment floor, write the CSV atomically, print a summary.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "spcsim/mpi.h"
#include "spcsim/calibrate.h"
#include "spcsim/compare.h"
#include "spcsim/cost.h"
#include "spcsim/metricinfo.h"
#include "spcsim/story.h"
#include "spcsim/timeunits.h"
#include "spcsim/output.h"
#include "spcsim/sweep.h"
#include "spcsim/text.h"
#include "spcsim/warmup.h"

/* Replications for a comparison, a sweep, a warm-up or a chain study: -r,
 * else the scenario's if above 1, else 10 (paired intervals need several;
 * -r 1 is honoured, its estimates without intervals). -r is the
 * override replications=N applied before the --set options (section 4 of
 * the reference), so sc holds it, or a --set of replications that wins as
 * in run: the resolved scenarios then record what ran. */
unsigned cli_study_reps(const options *o, const spc_scenario *sc)
{
    return o->reps != NULL || sc->replications > 1 ? (unsigned)sc->replications : 10u;
}

/* ---- compare ---- */

/* A variant: a scenario file, or "PATH=VALUE;PATH=VALUE" applied to the base.
 * Either way it gets the base's seed and replications (common random numbers). */
static spc_scenario *load_variant(const options *o, const char *arg, const spc_scenario *base, spc_error *err)
{
    char seed[64], reps[64];
    snprintf(seed, sizeof seed, "seed=%lluL", (unsigned long long)base->seed);
    snprintf(reps, sizeof reps, "replications=%d", base->replications);
    if (access(arg, F_OK) == 0) {
        const char *more[] = { seed, reps };
        return cli_load(o, arg, more, 2, err);
    }
    char *text = strdup(arg);
    char *piece[64];
    const char *more[66];
    size_t n = text ? spc_text_split(text, ';', piece, 64) : 0;
    for (size_t i = 0; i < n && i < 64; i++)
        more[i] = piece[i];
    if (text == NULL || n == 0 || n > 64 || strchr(arg, '=') == NULL) {
        free(text);
        spc_error_set(err, SPC_ERR_USAGE, "compare: '%s' is neither a scenario file nor PATH=VALUE[;PATH=VALUE]", arg);
        return NULL;
    }
    more[n++] = seed;
    more[n++] = reps;
    spc_scenario *sc = cli_load(o, o->scenario, more, n, err);
    free(text);
    return sc;
}

/* "+1.23 [+0.5, +2]" into buf; "n/d" when m is not finite. */
static const char *fmt_interval(char *buf, size_t size, double scale, double m, double lo, double hi, const char *pct)
{
    if (!isfinite(m))
        snprintf(buf, size, "n/d");
    else if (!isfinite(lo) || !isfinite(hi))
        snprintf(buf, size, "%+.4g%s", scale * m, pct);
    else
        snprintf(buf, size, "%+.4g%s [%+.4g, %+.4g]", scale * m, pct, scale * lo, scale * hi);
    return buf;
}

/* Every row, the chain first (compare.h), one block per variant under its
 * full name; the difference in the metric's unit (points for a rate),
 * the relative change only where it is defined. */
static void print_compare(const spc_compare *c, const char *const *names, const char *base, const char *tu)
{
    size_t w = 6;
    for (size_t i = 0; i < c->n; i++) {
        size_t len = strlen(c->rows[i].scope) + strlen(c->rows[i].metric) + 1;
        w = len > w ? len : w;
    }
    for (size_t i = 0; i < c->n; i++) {
        const spc_compare_row *r = &c->rows[i];
        if (i == 0 || r->variant != c->rows[i - 1].variant)
            printf("%s%s against %s\n%-*s %-26s %12s %12s  %-36s %s\n", i ? "\n" : "", names[r->variant], base,
                   (int)w, "scope/metric", "unit", "base", "variant", "difference [95% CI]", "relative [95% CI]");
        char sm[200], unit[96], d[96], rel[96];
        const spc_metric_info *mi = spc_metricinfo_find(r->scope, r->metric);
        snprintf(sm, sizeof sm, "%s/%s", r->scope, r->metric);
        spc_metricinfo_unit(mi, SPC_MI_SUMMARY, tu, unit, sizeof unit);
        fmt_interval(d, sizeof d, 1, r->diff.mean, r->diff.lo, r->diff.hi, "");
        if (r->in_points)
            snprintf(rel, sizeof rel, "(a rate: in points)");
        else if (!spc_compare_rel_defined(r))
            snprintf(rel, sizeof rel, "n/d");
        else
            fmt_interval(rel, sizeof rel, 100, r->rel.mean, r->rel.lo, r->rel.hi, "%");
        printf("%-*s %-26s %12.5g %12.5g  %-36s %s%s\n", (int)w, sm, unit[0] ? unit : "-", r->base, r->value, d, rel,
               r->significant ? " *" : "");
    }
    printf("(* the difference is significant at 5%%; n/d: not defined, the base's interval includes 0; "
           "%u replications with common random numbers)\n", c->replications);
}


/* When the first variant that differs at a decision time makes its first
 * change (NaN: every variant differs from the start). */
static double decision_time(spc_scenario *const *sc, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (sc[i]->ninterventions > sc[0]->ninterventions ||
            (sc[i]->ninterventions > 0 && sc[i]->interventions[0].at != sc[0]->interventions[0].at))
            return sc[i]->interventions[0].at;
    return NAN;
}

/* compare.csv, with customers story.csv and arm_replications.csv, and
 * with co->prov its run.json and resolved scenarios. */
static spc_status write_compare(spc_stage *st, const void *p, spc_error *err)
{
    const cli_compare_out *co = p;
    const spc_scenario *base = co->sc[0];
    spc_output out;
    FILE *f;
    spc_story_arm arms[64];
    size_t na = co->n < 64 ? co->n : 64;
    for (size_t i = 0; i < na; i++)
        arms[i] = (spc_story_arm){ i == 0 ? co->names[co->n - 1] : co->names[i - 1], &co->x[i].combined_ts,
                                   co->x[i].rep, co->x[i].n };
    if (spc_output_open(&out, st->path, st, err) == SPC_OK && (f = spc_output_file(&out, "compare.csv", err)) != NULL) {
        spc_compare_write_csv(f, co->c, co->names, base->time_unit);
        if (spc_story_has(&co->x[0].combined_ts) && (f = spc_output_file(&out, "story.csv", err)) != NULL)
            spc_story_write_csv(f, arms, na, spc_timeunit_seconds(base->time_unit), base->warmup,
                                decision_time(co->sc, co->n));
        if (err->code == SPC_OK && (f = spc_output_file(&out, "arm_replications.csv", err)) != NULL)
            spc_story_write_replications_csv(f, arms, na);
        if (err->code == SPC_OK && (co->prov == NULL || cli_provenance(&out, co->o, co->prov, err) == SPC_OK))
            spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    return err->code;
}

spc_status cli_publish_compare(const char *dir, const cli_compare_out *co, spc_error *err)
{
    return cli_publish(co->o, dir, write_compare, co, 1, err);
}

typedef struct {
    const spc_sweep *s;
    const char *time_unit;
} sweep_out;

static void write_sweep(FILE *f, const void *p)
{
    const sweep_out *so = p;
    spc_sweep_write_csv(f, so->s, so->time_unit);
}

/* --reference names a value of the first parameter, and the two --param
 * are two settings (the second would override the first at every point,
 * under the first's labels): checked before anything runs. */
static spc_status check_reference(const char *text, const spc_sweep_param *p, size_t np, spc_error *err)
{
    if (np == 2 && strcmp(p[0].path, p[1].path) == 0)
        return spc_error_set(err, SPC_ERR_USAGE, "--param %s is given twice: a sweep's two parameters are two "
                             "settings (give one --param with all the values)", p[0].path);
    for (size_t i = 0; text != NULL && np > 0 && i < p[0].n; i++)
        if (strcmp(p[0].values[i], text) == 0)
            return SPC_OK;
    if (text == NULL)
        return SPC_OK;
    return spc_error_set(err, SPC_ERR_USAGE, "--reference %s: not a value of %s", text,
                         np > 0 ? p[0].path : "the first --param");
}

/* "71.2 [70.1, 72.3]": a level, no sign. */
static const char *fmt_level(char *buf, size_t size, double m, double lo, double hi)
{
    if (!isfinite(lo) || !isfinite(hi))
        snprintf(buf, size, "%.5g", m);
    else
        snprintf(buf, size, "%.5g [%.5g, %.5g]", m, lo, hi);
    return buf;
}

/* One line per point of a measure: its mean and the paired difference from the reference. */
static void print_sweep_measure(const spc_sweep *s, const char *scope, const char *metric, const char *tu)
{
    const spc_metric_info *mi = spc_metricinfo_find(scope, metric);
    char unit[96], a[96], b[96];
    printf("\n%s (%s/%s, %s)\n  %-6s", mi ? mi->label : metric, scope, metric,
           spc_metricinfo_unit(mi, SPC_MI_SUMMARY, tu, unit, sizeof unit), "point");
    for (size_t j = 0; j < s->nparams; j++)
        printf(" %-24s", s->param[j].path);
    printf(" %-32s difference from point %zu [95%% CI]\n", "mean [95% CI]", s->reference);
    for (size_t k = 0; k < s->npoints; k++) {
        const spc_result_row *r = spc_results_find(&s->results[k], scope, metric);
        const spc_compare_row *d = spc_sweep_diff(s, k, scope, metric);
        printf("  %-6zu", k);
        for (size_t j = 0; j < s->nparams; j++)
            printf(" %-24s", s->param[j].values[s->index[k][j]]);
        printf(" %-32s %s%s\n", r ? fmt_level(a, sizeof a, r->e.mean, r->e.lo, r->e.hi) : "-",
               k == s->reference ? "(the reference)" : d ? fmt_interval(b, sizeof b, 1, d->diff.mean, d->diff.lo,
                                                                        d->diff.hi, "") : "-",
               d && k != s->reference && d->significant ? " *" : "");
    }
}

/* The chain's measures (or, without customers, the workforce's and the flow's). */
static void print_sweep(const spc_sweep *s, const char *tu)
{
    const char *scope, *metric;
    size_t shown = 0;
    printf("sweep: %zu points x %u replications with common random numbers; differences are paired with the "
           "reference, point %zu\n", s->npoints, s->replications, s->reference);
    for (size_t i = 0; shown < SPC_STORY_NDIST && spc_story_dist_measure(i, &scope, &metric); i++)
        if (s->npoints > 0 && spc_results_find(&s->results[0], scope, metric) != NULL) {
            print_sweep_measure(s, scope, metric, tu);
            shown++;
        }
    printf("(* the difference from the reference is significant at 5%%; every metric is in sweep.csv)\n");
}

/* The base as scenario.resolved.cfg, variant i as variant-i.resolved.cfg. */
static spc_status compare_prov(const options *o, spc_scenario *const *sc, size_t n, cli_prov *p, spc_error *err)
{
    char file[64], label[4200];
    for (size_t i = 0; i < n && err->code == SPC_OK; i++) {
        snprintf(file, sizeof file, i ? "variant-%zu.resolved.cfg" : "scenario.resolved.cfg", i);
        if (i == 0)
            snprintf(label, sizeof label, "base: %s", o->scenario);
        else
            snprintf(label, sizeof label, "variant %zu: %s", i, o->extra[i - 1]);
        cli_prov_add(p, sc[i], 0, file, label, err);
    }
    return err->code;
}

/* Runs the base and every variant with the same replications. */
static spc_status run_all(const options *o, spc_scenario **sc, size_t n, spc_experiment *x, spc_error *err)
{
    spc_experiment_opts opts = { cli_study_reps(o, sc[0]), 0, o->jobs, !o->quiet && isatty(STDERR_FILENO), NULL,
                                 o->stop, 0, o->force, 0 };
    for (size_t i = 0; i < n; i++) /* under MPI spread over the ranks; in a part its block (cli_parts.c) */
        if (cli_experiment((void *)o, sc[i], &opts, &x[i], err) != SPC_OK)
            return err->code;
    return SPC_OK;
}

spc_status cli_compare(const options *o, spc_error *err)
{
    size_t n = o->nextra + 1;
    spc_scenario **sc = calloc(n, sizeof *sc);
    spc_experiment *x = calloc(n, sizeof *x);
    const spc_results **vars = calloc(n, sizeof *vars);
    const char **names = calloc(n, sizeof *names); /* the variants', then names[n - 1]: the base */
    spc_compare c = { 0 };
    if (!sc || !x || !vars || !names) {
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        goto done;
    }
    if ((sc[0] = cli_load(o, o->scenario, NULL, 0, err)) == NULL)
        goto done;
    for (size_t i = 1; i < n; i++) {
        names[i - 1] = i < o->nlabels ? o->labels[i] : o->extra[i - 1];
        if ((sc[i] = load_variant(o, o->extra[i - 1], sc[0], err)) == NULL)
            goto done;
    }
    char dir[4096];
    if (cli_outdir(o, sc[0]->name, "-compare", dir, sizeof dir, err) != SPC_OK || run_all(o, sc, n, x, err) != SPC_OK ||
        !cli_runs_end(o, sc[0]->name, err) || /* a part: its folder written instead */
        spc_mpi_rank() != 0) /* under MPI only rank 0 has the replications, and writes */
        goto done;
    for (size_t i = 1; i < n; i++)
        vars[i - 1] = x[i].rep;
    if (spc_compare_tables(x[0].rep, vars, (unsigned)(n - 1), x[0].n, &c, err) != SPC_OK)
        goto done;
    names[n - 1] = o->nlabels > 0 ? o->labels[0] : o->scenario;
    cli_prov prov = { x[0].n, sc[0], 0, NULL, NULL, NULL };
    cli_compare_out co = { &c, names, sc, x, n, o, &prov };
    if (compare_prov(o, sc, n, &prov, err) == SPC_OK && cli_publish_compare(dir, &co, err) == SPC_OK && !o->quiet) {
        print_compare(&c, names, names[n - 1], sc[0]->time_unit);
        printf("outputs in %s/: compare.csv, report.html, figures (*.gp, *.svg)\n", dir);
    }
    cli_prov_release(&prov);
done:
    spc_compare_release(&c);
    for (size_t i = 0; sc && x && i < n; i++) {
        spc_experiment_release(&x[i]);
        spc_scenario_free(sc[i]);
    }
    free(sc);
    free(x);
    free(vars);
    free(names);
    return err->code;
}

/* ---- sweep ---- */

/* Each grid point's scenario, loaded as the sweep loaded it (the command
 * line's overrides `more`, then the point's values), as point-K.resolved.cfg
 * (K sweep.csv's point, from 0). */
static spc_status sweep_prov(const options *o, const char *const *more, size_t nmore, const spc_sweep *s,
                             cli_prov *p, spc_error *err)
{
    const char **ov = calloc(nmore + SPC_SWEEP_MAX_PARAMS, sizeof *ov);
    char assign[SPC_SWEEP_MAX_PARAMS][1024], file[64], label[2200];
    if (ov == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < nmore; i++)
        ov[i] = more[i];
    for (size_t k = 0; k < s->npoints && err->code == SPC_OK; k++) {
        for (size_t j = 0; j < s->nparams; j++) {
            snprintf(assign[j], sizeof assign[j], "%s=%s", s->param[j].path, s->param[j].values[s->index[k][j]]);
            ov[nmore + j] = assign[j];
        }
        snprintf(file, sizeof file, "point-%zu.resolved.cfg", k);
        snprintf(label, sizeof label, "point %zu: %s%s%s", k, assign[0], s->nparams > 1 ? "; " : "",
                 s->nparams > 1 ? assign[1] : "");
        spc_scenario *sc = spc_scenario_load(o->scenario, ov, nmore + s->nparams, err);
        if (sc != NULL)
            cli_prov_add(p, sc, 1, file, label, err);
    }
    free(ov);
    return err->code;
}

spc_status cli_sweep(const options *o, spc_error *err)
{
    spc_sweep_param p[SPC_SWEEP_MAX_PARAMS];
    size_t np = 0;
    spc_sweep s = { 0 };
    spc_scenario *sc = cli_load(o, o->scenario, NULL, 0, err);
    for (; sc != NULL && np < o->nparams; np++)
        if (spc_sweep_parse(o->params[np], &p[np], err) != SPC_OK)
            break;
    char dir[4096];
    if (err->code == SPC_OK && check_reference(o->reference, p, np, err) == SPC_OK &&
        cli_outdir(o, sc->name, "-sweep", dir, sizeof dir, err) == SPC_OK) {
        spc_experiment_opts opts = { cli_study_reps(o, sc), 0, o->jobs, !o->quiet && isatty(STDERR_FILENO), NULL,
                                     o->stop, 0, o->force, 0 };
        char reps[64], seed[64];
        /* every point: the command line's seed and --set, then the replications */
        const char **more = calloc(o->nsets + 2, sizeof *more);
        size_t nmore = 0;
        if (more == NULL) {
            spc_sweep_release(&s);
            spc_scenario_free(sc);
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        }
        if (o->seed != NULL) {
            snprintf(seed, sizeof seed, "seed=%sL", o->seed);
            more[nmore++] = seed;
        }
        for (size_t i = 0; i < o->nsets; i++)
            more[nmore++] = o->sets[i];
        snprintf(reps, sizeof reps, "replications=%u", opts.replications);
        more[nmore++] = reps;
        /* the sweep owns the parameters from here */
        spc_status st = spc_sweep_run_by(o->scenario, more, nmore, p, np, &opts, cli_experiment, (void *)o, &s, err);
        int go = st == SPC_OK && cli_runs_end(o, sc->name, err); /* a part: its folder written instead */
        cli_prov prov = { opts.replications, sc, 0, NULL, NULL, NULL };
        sweep_out so = { &s, sc->time_unit };
        /* under MPI rank 0 has the points, and writes */
        if (go && spc_mpi_rank() == 0 && spc_sweep_reference(&s, o->reference, err) == SPC_OK &&
            sweep_prov(o, more, nmore, &s, &prov, err) == SPC_OK) {
            if (cli_publish_study(o, dir, "sweep.csv", write_sweep, &so, &prov, 1, err) == SPC_OK && !o->quiet) {
                print_sweep(&s, sc->time_unit);
                printf("outputs in %s/: sweep.csv, run.json, point-K.resolved.cfg, report.html, figures\n", dir);
            }
        }
        cli_prov_release(&prov);
        free(more);
        np = 0;
    }
    spc_sweep_release(&s);
    for (size_t j = 0; j < np; j++) {
        spc_sweep_param *q = &p[j];
        for (size_t k = 0; k < q->n; k++)
            free(q->values[k]);
        free(q->values);
        free(q->path);
    }
    spc_scenario_free(sc);
    return err->code;
}

/* ---- warmup ---- */

static void write_warmup(FILE *f, const void *p) { spc_warmup_write_csv(f, p); }

/* A study of one scenario: it, resolved, as scenario.resolved.cfg. */
static spc_status one_scenario_prov(const options *o, const spc_scenario *sc, unsigned reps, cli_prov *p,
                                    spc_error *err)
{
    char label[4200];
    snprintf(label, sizeof label, "scenario: %s", o->scenario);
    p->replications = reps;
    p->base = sc;
    return cli_prov_add(p, sc, 0, "scenario.resolved.cfg", label, err);
}

/* "scope/column" -> scope and column index; -1 if unknown. */
static int parse_metric(const char *text, char *scope, size_t size)
{
    const char *slash = strrchr(text, '/');
    if (slash == NULL || slash == text || (size_t)(slash - text) >= size)
        return -1;
    snprintf(scope, size, "%.*s", (int)(slash - text), text);
    for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
        if (strcmp(spc_timeseries_column(c), slash + 1) == 0)
            return c;
    return -1;
}

spc_status cli_warmup(const options *o, spc_error *err)
{
    char scope[64];
    const char *metric = o->metric ? o->metric : "system/lead_time_mean";
    int column = parse_metric(metric, scope, sizeof scope);
    if (column < 0)
        return spc_error_set(err, SPC_ERR_USAGE, "warmup: --metric %s: expected SCOPE/COLUMN, a column of timeseries.csv", metric);
    spc_scenario *sc = cli_load(o, o->scenario, NULL, 0, err);
    spc_experiment x;
    spc_warmup w;
    cli_prov prov = { 0 };
    memset(&x, 0, sizeof x);
    memset(&w, 0, sizeof w);
    if (sc != NULL) {
        spc_experiment_opts opts = { cli_study_reps(o, sc), 0, o->jobs, !o->quiet && isatty(STDERR_FILENO), NULL,
                                     o->stop, 0, o->force, 0 };
        unsigned window = o->window ? o->window : 5;
        char dir[4096];
        if (cli_outdir(o, sc->name, "-warmup", dir, sizeof dir, err) == SPC_OK &&
            spc_experiment_run(sc, &opts, &x, err) == SPC_OK &&
            spc_warmup_analyse(x.rep_ts, x.n, scope, column, window, &w, err) == SPC_OK &&
            one_scenario_prov(o, sc, x.n, &prov, err) == SPC_OK &&
            cli_publish_study(o, dir, "warmup.csv", write_warmup, &w, &prov, 0, err) == SPC_OK && !o->quiet)
            printf("%s over %u replications, Welch window %u: MSER-5 suggests a warm-up of %.6g %s "
                   "(look at the moving average in %s/warmup.csv)\n",
                   metric, x.n, window, w.suggested, sc->time_unit, dir);
    }
    cli_prov_release(&prov);
    spc_warmup_release(&w);
    spc_experiment_release(&x);
    spc_scenario_free(sc);
    return err->code;
}

/* ---- calibrate ---- */

/* The scenarios of a calibration: the first and the further ones, each
 * with its overrides: --seed, the --set without a prefix, its own
 * NAME@PATH=VALUE ones (NAME its name or position), then its replications
 * (-r, else its own, at least 10 when it has one). */
typedef struct {
    spc_calibration_scenario sc[SPC_CALIBRATE_MAX];
    const char **sets[SPC_CALIBRATE_MAX];
    char *names[SPC_CALIBRATE_MAX];
    char seed[64], reps[SPC_CALIBRATE_MAX][64];
    size_t n;
    unsigned char *applied;     /* per --set: applied to some scenario */
} calib_scenarios;

static void calib_scenarios_free(calib_scenarios *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        free(cs->sets[i]);
        free(cs->names[i]);
    }
    free(cs->applied);
}

/* The prefix of a --set NAME@PATH=VALUE: its length, or 0 (no '@' before '='). */
static size_t set_prefix(const char *set)
{
    size_t n = strcspn(set, "@=");
    return set[n] == '@' ? n : 0;
}

static int prefix_names(const char *set, size_t len, const char *name, size_t pos)
{
    char num[24];
    snprintf(num, sizeof num, "%zu", pos + 1);
    return (strlen(name) == len && strncmp(set, name, len) == 0) || (strlen(num) == len && strncmp(set, num, len) == 0);
}

/* Scenario i: loaded for its name (the file's, before its own overrides),
 * then with its NAME@ and position@ overrides for its replications and its
 * final name; its overrides kept. */
static spc_status calib_scenario_add(const options *o, calib_scenarios *cs, const char *path, spc_error *err)
{
    size_t i = cs->n;
    const char **sets = calloc(o->nsets + 2, sizeof *sets);
    if (sets == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    cs->sets[i] = sets;
    cs->n++;
    size_t k = 0;
    if (o->seed != NULL) {
        snprintf(cs->seed, sizeof cs->seed, "seed=%sL", o->seed);
        sets[k++] = cs->seed;
    }
    for (size_t j = 0; j < o->nsets; j++)
        if (set_prefix(o->sets[j]) == 0)
            sets[k++] = o->sets[j];
    spc_scenario *sc = spc_scenario_load(path, sets, k, err);
    if (sc == NULL)
        return err->code;
    for (size_t j = 0; j < o->nsets; j++) {
        size_t len = set_prefix(o->sets[j]);
        if (len > 0 && prefix_names(o->sets[j], len, sc->name, i)) {
            sets[k++] = o->sets[j] + len + 1;
            cs->applied[j] = 1;
        }
    }
    spc_scenario_free(sc);
    if ((sc = spc_scenario_load(path, sets, k, err)) == NULL)
        return err->code;
    unsigned reps = o->reps != NULL ? (unsigned)strtoul(o->reps, NULL, 10)
                                    : sc->replications > 1 ? (unsigned)sc->replications : 10u;
    spc_cost_check(sc, reps, o->force, err); /* as cli_load does for one scenario */
    cs->names[i] = strdup(sc->name);
    spc_scenario_free(sc);
    if (err->code != SPC_OK)
        return err->code;
    if (cs->names[i] == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t j = 0; j < i; j++)
        if (strcmp(cs->names[j], cs->names[i]) == 0)
            return spc_error_set(err, SPC_ERR_USAGE, "calibrate: %s and %s have the same name '%s': give one "
                                 "another (--set '%zu@name=\"...\"')", cs->sc[j].path, path, cs->names[i], i + 1);
    snprintf(cs->reps[i], sizeof cs->reps[i], "replications=%u", reps);
    sets[k++] = cs->reps[i];
    cs->sc[i] = (spc_calibration_scenario){ path, cs->names[i], sets, k, reps };
    return SPC_OK;
}

/* Every --set NAME@... names one of the scenarios. */
static spc_status calib_check_prefixes(const options *o, const calib_scenarios *cs, spc_error *err)
{
    for (size_t j = 0; j < o->nsets; j++) {
        size_t len = set_prefix(o->sets[j]);
        if (len > 0 && !cs->applied[j])
            return spc_error_set(err, SPC_ERR_USAGE, "--set %s: no scenario named '%.*s' in this calibration",
                                 o->sets[j], (int)len, o->sets[j]);
    }
    return SPC_OK;
}

/* The calibrated scenario: the base with the best settings, resolved. */
static spc_status write_calibrated(spc_output *out, const spc_calibration_scenario *cs, const char *file,
                                   const spc_calibration *c, const spc_calibration_result *r, spc_error *err)
{
    const char **ov = calloc(cs->nsets + SPC_CALIBRATE_MAX, sizeof *ov);
    char assign[SPC_CALIBRATE_MAX][512];
    size_t n = 0;
    if (ov == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (; n < cs->nsets; n++)
        ov[n] = cs->sets[n];
    for (size_t j = 0; j < c->nfree; j++) {
        snprintf(assign[j], sizeof assign[j], "%s=%.17g", c->param[j].path, r->x[j]);
        ov[n++] = assign[j];
    }
    spc_scenario *sc = spc_scenario_load(cs->path, ov, n, err);
    FILE *f = sc ? spc_output_file(out, file, err) : NULL;
    if (f != NULL)
        spc_scenario_write(sc, f);
    spc_scenario_free(sc);
    free(ov);
    return err->code;
}

static void print_calibration(const spc_calibration *c, const spc_calibration_chain *chain,
                              const spc_calibration_result *r)
{
    printf("%s after %u iterations (%u evaluations), objective %.4g\n",
           r->met ? "targets met" : "targets NOT all met", r->iterations, r->evaluations, r->objective);
    for (size_t j = 0; j < c->nfree; j++)
        printf("  %-40s %.6g\n", c->param[j].path, r->x[j]);
    for (size_t k = 0; k < c->ntargets; k++) {
        const spc_target *t = &c->target[k];
        printf("  %s: target %.6g", t->name, t->value);
        if (t->sd > 0)
            printf(" (sd %.6g)", t->sd);
        printf(", simulated %.6g [%.6g, %.6g], %s", r->value[k], r->lo[k], r->hi[k],
               r->met_target[k] ? "met" : "NOT met");
        if (t->source == SPC_TARGET_CHAIN)
            printf(" (%s %.6g)", chain->lever, r->lever[k]);
        putchar('\n');
    }
}

/* What calibrate writes: the search's log while it runs, then the calibrated scenarios. */
typedef struct {
    const options *o;
    const calib_scenarios *cs;
    const spc_calibration *c;
    const spc_calibration_chain *chain;
    const spc_experiment_opts *opts;
    spc_calibration_result *r;
} calibrate_job;

/* The scenarios as calibrate started from them, resolved (scenario.resolved.cfg,
 * or scenario-NAME.resolved.cfg each), and run.json. */
static spc_status calibrate_prov(spc_output *out, const calibrate_job *j, spc_error *err)
{
    cli_prov p = { j->cs->sc[0].replications, NULL, 0, NULL, NULL, NULL };
    char file[160], label[4200];
    for (size_t i = 0; i < j->cs->n && err->code == SPC_OK; i++) {
        const spc_calibration_scenario *cs = &j->cs->sc[i];
        spc_scenario *sc = spc_scenario_load(cs->path, cs->sets, cs->nsets, err);
        if (j->cs->n == 1)
            snprintf(file, sizeof file, "scenario.resolved.cfg");
        else
            snprintf(file, sizeof file, "scenario-%.100s.resolved.cfg", cs->name);
        snprintf(label, sizeof label, "scenario %zu as calibrate started from it: %s", i + 1, cs->path);
        if (sc != NULL && cli_prov_add(&p, sc, 1, file, label, err) == SPC_OK && i == 0)
            p.base = sc;
    }
    if (err->code == SPC_OK)
        cli_provenance(out, j->o, &p, err);
    cli_prov_release(&p);
    return err->code;
}

static spc_status calibrate_into(spc_stage *st, const void *ctx, spc_error *err)
{
    const calibrate_job *j = ctx;
    spc_output out;
    FILE *log;
    if (spc_output_open(&out, st->path, st, err) == SPC_OK && (log = spc_output_file(&out, "calibrate.csv", err)) != NULL &&
        spc_calibrate(j->cs->sc, j->cs->n, j->c, j->chain, j->opts, j->r, log, err) == SPC_OK) {
        for (size_t i = 0; i < j->cs->n && err->code == SPC_OK; i++) {
            char file[128];
            if (j->cs->n == 1)
                snprintf(file, sizeof file, "calibrated.cfg");
            else
                snprintf(file, sizeof file, "calibrated-%.100s.cfg", j->cs->names[i]);
            write_calibrated(&out, &j->cs->sc[i], file, j->c, j->r, err);
        }
        if (err->code == SPC_OK && (log = spc_output_file(&out, "targets.csv", err)) != NULL) {
            spc_calibration_write_targets(log, j->c, j->r);
            if (calibrate_prov(&out, j, err) == SPC_OK)
                spc_output_commit(&out, err);
        }
    }
    spc_output_close(&out);
    return err->code;
}

spc_status cli_calibrate(const options *o, spc_error *err)
{
    spc_calibration c;
    calib_scenarios cs;
    memset(&c, 0, sizeof c);
    memset(&cs, 0, sizeof cs);
    c.max_iter = o->max_iter;
    for (size_t i = 0; i < o->ntargets && err->code == SPC_OK; i++)
        spc_calibration_add_target(&c, o->targets[i], err);
    for (size_t i = 0; i < o->nfrees && err->code == SPC_OK; i++)
        spc_calibration_add_free(&c, o->frees[i], err);
    if (err->code == SPC_OK && o->lever != NULL && !spc_lever_known(o->lever))
        spc_error_set(err, SPC_ERR_USAGE, "calibrate: --lever %s: not a lever chain knows (recognition, pay, "
                      "training_hours under workforce.levers, or workforce.satisfaction.base)", o->lever);
    if (err->code == SPC_OK && o->nextra + 1 > SPC_CALIBRATE_MAX)
        spc_error_set(err, SPC_ERR_USAGE, "calibrate: at most %d scenarios", SPC_CALIBRATE_MAX);
    if (err->code == SPC_OK && (cs.applied = calloc(o->nsets + 1, 1)) == NULL)
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t i = 0; i < o->nextra + 1 && err->code == SPC_OK; i++)
        calib_scenario_add(o, &cs, i == 0 ? o->scenario : o->extra[i - 1], err);
    if (err->code == SPC_OK)
        calib_check_prefixes(o, &cs, err);
    char dir[4096];
    if (err->code == SPC_OK && cli_outdir(o, cs.names[0], "-calibrate", dir, sizeof dir, err) == SPC_OK) {
        spc_experiment_opts opts = { 1, 0, o->jobs, 0, NULL, o->stop, 0, o->force, 0 };
        spc_calibration_chain chain = { o->lever ? o->lever : "workforce.levers.recognition",
                                        o->search_reps ? o->search_reps : 10 };
        spc_calibration_result r;
        calibrate_job job = { o, &cs, &c, &chain, &opts, &r };
        /* the log is written while the search runs: the staging folder is made first */
        if (cli_publish(o, dir, calibrate_into, &job, 0, err) == SPC_OK && !o->quiet) {
            print_calibration(&c, &chain, &r);
            printf("outputs in %s/: %s, calibrate.csv, targets.csv\n", dir,
                   cs.n == 1 ? "calibrated.cfg" : "calibrated-NAME.cfg (one per scenario)");
        }
    }
    calib_scenarios_free(&cs);
    spc_calibration_release(&c);
    return err->code;
}
