/*
 * main.c -- the command line: the only place that prints for the user and
 * decides the exit code.
 *
 *   spcsim run SCENARIO [-o DIR] [--seed N] [--set PATH=VALUE]... [-r N] [-j N] [--quiet]
 *              [--trace FILE [--trace-events KINDS] [--trace-window T0:T1]]  (cli_trace.c)
 *   spcsim check SCENARIO [--seed N] [--set PATH=VALUE]...
 *   spcsim compare BASE VARIANT... | sweep SCENARIO --param ... | warmup SCENARIO
 * (compare, sweep and warmup are in cli_study.c)
 *   spcsim plot DIR  (cli_plot.c, which also draws the figures after run)
 *   spcsim --help | --version, spcsim COMMAND --help, spcsim help COMMAND (cli_help.c)
 */
#include <errno.h>
#include <math.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>

#include "cli.h"
#include "spcsim/chaindose.h"
#include "spcsim/experiment.h"
#include "spcsim/mpi.h"
#include "spcsim/output.h"
#include "spcsim/plot.h"
#include "spcsim/run.h"
#include "spcsim/scenario.h"
#include "spcsim/story.h"
#include "spcsim/timeunits.h"
#include "spcsim/traffic.h"
#include "spcsim/version.h"

/* Every command, as the messages about a missing or unknown one list them. */
#define COMMANDS "run, check, settings, compare, sweep, warmup, calibrate, chain, sensitivity, merge, plot or serve"

/* The signal (SIGINT, SIGTERM) that asked spcsim to stop, 0 while none
 * did. The program's only mutable global: written by on_signal alone,
 * read through options.stop by the runs (between events), the gnuplot
 * runner (which then stops gnuplot's process group) and the staging
 * folder (which is then removed, leaving the output folder as it was). */
static volatile sig_atomic_t stop_signal;

/* The first signal asks to stop cleanly; a second one (a run that does
 * not stop soon enough) ends spcsim at once by the default action: the
 * output folder is safe either way, and the next run removes the staging
 * folder left behind. */
static void on_signal(int sig)
{
    if (stop_signal != 0) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    stop_signal = sig;
}

/* No SA_RESTART: a read from gnuplot's pipe returns EINTR, so it is stopped at once. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* "spcsim: TEXT" on stderr, control characters escaped: one line, always. */
static void print_error(const char *text)
{
    fputs("spcsim: ", stderr);
    for (; *text; text++) {
        unsigned char c = (unsigned char)*text;
        if (c == '\n')
            fputs("\\n", stderr);
        else if (c < 0x20 || c == 0x7f)
            fprintf(stderr, "\\x%02x", c);
        else
            fputc(c, stderr);
    }
    fputc('\n', stderr);
}

static int usage_error(const char *fmt, const char *arg)
{
    char msg[1200];
    snprintf(msg, sizeof msg, fmt, arg);
    print_error(msg);
    fprintf(stderr, "Try 'spcsim --help'.\n");
    return SPC_ERR_USAGE;
}

static int valid_seed(const char *s)
{
    if (*s < '0' || *s > '9')
        return 0;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    return *end == '\0' && errno == 0 && v <= (unsigned long long)INT64_MAX;
}

/* A whole number from 1 to max. */
static int valid_count(const char *s, unsigned long max)
{
    if (*s < '1' || *s > '9')
        return 0;
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    return *end == '\0' && errno == 0 && v <= max;
}

/* Long options without a short form. */
enum { OPT_TRACE = 1000, OPT_TRACE_EVENTS, OPT_TRACE_WINDOW, OPT_KEEP_PARTIAL, OPT_FORCE, OPT_EMPLOYEES, OPT_MAX_ITER,
       OPT_DECOMPOSE, OPT_SEARCH_REPS, OPT_METHOD, OPT_TRAJECTORIES, OPT_SAMPLES,
       OPT_PARAMS_FROM, OPT_DESIGN_ONLY, OPT_PART, OPT_MERGE, OPT_UNCERTAIN, OPT_LABEL, OPT_REFERENCE,
       OPT_FORMATS };

/* --trace-events and --trace-window are checked before anything runs (the
 * window's units once more when the scenario's time unit is known). */
static int parse_trace_option(int c, const char *arg, options *o)
{
    spc_error err;
    spc_error_clear(&err);
    unsigned long mask;
    double t0, t1;
    if (c == OPT_TRACE) {
        o->trace = arg;
    } else if (c == OPT_TRACE_EVENTS) {
        if (spc_trace_parse_kinds(arg, &mask, &err) != SPC_OK)
            return usage_error("%s", err.msg);
        o->trace_events = arg;
    } else {
        if (spc_trace_parse_window(arg, 1.0, &t0, &t1, &err) != SPC_OK)
            return usage_error("%s", err.msg);
        o->trace_window = arg;
    }
    return -1;
}

/* --help: the whole help, or that of a command (`spcsim chain --help`,
 * `spcsim help chain`); an unknown command is bad usage. */
static int print_help(const char *command)
{
    if (command == NULL) {
        cli_help(stdout);
        return 0;
    }
    if (cli_help_command(stdout, command) == 0)
        return 0;
    return usage_error("no help for '%s': not a command (" COMMANDS ")", command);
}

/* Returns -1 to go on, or an exit code. */
static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' }, { "seed", required_argument, NULL, 's' },
        { "set", required_argument, NULL, 'S' },    { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },         { "version", no_argument, NULL, 'V' },
        { "replications", required_argument, NULL, 'r' }, { "jobs", required_argument, NULL, 'j' },
        { "param", required_argument, NULL, 'p' }, { "window", required_argument, NULL, 'w' },
        { "metric", required_argument, NULL, 'm' }, { "precision", required_argument, NULL, 'P' },
        { "max-replications", required_argument, NULL, 'M' }, { "target", required_argument, NULL, 't' },
        { "free", required_argument, NULL, 'f' }, { "esat-delta", required_argument, NULL, 'E' },
        { "lever", required_argument, NULL, 'L' }, { "trace", required_argument, NULL, OPT_TRACE },
        { "trace-events", required_argument, NULL, OPT_TRACE_EVENTS },
        { "trace-window", required_argument, NULL, OPT_TRACE_WINDOW },
        { "keep-partial", no_argument, NULL, OPT_KEEP_PARTIAL },
        { "force", no_argument, NULL, OPT_FORCE },
        { "employees", no_argument, NULL, OPT_EMPLOYEES },
        { "max-iter", required_argument, NULL, OPT_MAX_ITER },
        { "decompose", no_argument, NULL, OPT_DECOMPOSE },
        { "search-replications", required_argument, NULL, OPT_SEARCH_REPS },
        { "method", required_argument, NULL, OPT_METHOD },
        { "trajectories", required_argument, NULL, OPT_TRAJECTORIES },
        { "samples", required_argument, NULL, OPT_SAMPLES },
        { "params-from", required_argument, NULL, OPT_PARAMS_FROM },
        { "design-only", no_argument, NULL, OPT_DESIGN_ONLY },
        { "part", required_argument, NULL, OPT_PART },
        { "merge", no_argument, NULL, OPT_MERGE },
        { "uncertain", no_argument, NULL, OPT_UNCERTAIN },
        { "label", required_argument, NULL, OPT_LABEL },
        { "reference", required_argument, NULL, OPT_REFERENCE },
        { "formats", required_argument, NULL, OPT_FORMATS },
        { NULL, 0, NULL, 0 }
    };
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:s:S:qhVr:j:p:w:m:P:M:t:f:E:L:", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->outdir = optarg; break;
        case 's':
            if (!valid_seed(optarg))
                return usage_error("--seed needs a whole number from 0 to 2^63-1 (got '%s')", optarg);
            o->seed = optarg;
            break;
        case 'S': o->sets[o->nsets++] = optarg; break;
        case 'p': o->params[o->nparams++] = optarg; break;
        case 'm': o->metric = o->metrics[o->nmetrics++] = optarg; break;
        case 't': o->targets[o->ntargets++] = optarg; break;
        case 'f': o->frees[o->nfrees++] = optarg; break;
        case 'E': { /* one dose or a list (chaindose.h) */
            double d[SPC_CHAINDOSE_MAX];
            int pts[SPC_CHAINDOSE_MAX];
            size_t nd;
            spc_error e;
            spc_error_clear(&e);
            if (spc_chaindose_parse(optarg, d, pts, &nd, &e) != SPC_OK)
                return usage_error("%s", e.msg);
            o->esat_delta = optarg;
            break;
        }
        case 'L': o->lever = optarg; break;
        case OPT_FORCE: o->force = 1; break;
        case OPT_EMPLOYEES: o->employees = 1; break;
        case OPT_MAX_ITER:
            if (!valid_count(optarg, 100000))
                return usage_error("--max-iter needs a whole number from 1 to 100000 (got '%s')", optarg);
            o->max_iter = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case OPT_DECOMPOSE: o->decompose = 1; break;
        case OPT_LABEL: o->labels[o->nlabels++] = optarg; break;
        case OPT_REFERENCE: o->reference = optarg; break;
        case OPT_FORMATS:
            if ((o->formats = spc_plot_parse_formats(optarg)) == 0)
                return usage_error("--formats needs svg, png or all, or a comma list of them (got '%s')", optarg);
            break;
        case OPT_METHOD:
            if (strcmp(optarg, "morris") != 0 && strcmp(optarg, "sobol") != 0)
                return usage_error("--method needs morris or sobol (got '%s')", optarg);
            o->method = optarg;
            break;
        case OPT_TRAJECTORIES:
        case OPT_SAMPLES:
            if (!valid_count(optarg, 1000000) || (c == OPT_SAMPLES && strcmp(optarg, "1") == 0))
                return usage_error("--trajectories and --samples need a whole number from 1 (samples 2) "
                                   "to 1000000 (got '%s')", optarg);
            *(c == OPT_SAMPLES ? &o->samples : &o->trajectories) = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case OPT_PARAMS_FROM: o->params_from = optarg; break;
        case OPT_DESIGN_ONLY: o->design_only = 1; break;
        case OPT_MERGE: o->merge = 1; break;
        case OPT_UNCERTAIN: o->uncertain = 1; break;
        case OPT_PART: {
            unsigned i = 0, n = 0;
            int used = 0;
            if (sscanf(optarg, "%u/%u%n", &i, &n, &used) != 2 || optarg[used] != '\0' || n < 1 || n > 1000000 ||
                i < 1 || i > n)
                return usage_error("--part needs I/N, whole numbers with 1 <= I <= N (got '%s')", optarg);
            o->part = i;
            o->nparts = n;
            break;
        }
        case OPT_SEARCH_REPS:
            if (!valid_count(optarg, 1000000))
                return usage_error("--search-replications needs a whole number from 1 (got '%s')", optarg);
            o->search_reps = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case OPT_TRACE:
        case OPT_TRACE_EVENTS:
        case OPT_TRACE_WINDOW: {
            int code = parse_trace_option(c, optarg, o);
            if (code >= 0)
                return code;
            break;
        }
        case 'P': {
            char a[64], b[64];
            double rel;
            int used = 0;
            if (sscanf(optarg, "%63[^/]/%63[^=]=%lf%n", a, b, &rel, &used) != 3 || optarg[used] != '\0' || !(rel > 0))
                return usage_error("--precision needs SCOPE/METRIC=REL with REL > 0 (got '%s')", optarg);
            o->precision = optarg;
            break;
        }
        case 'M':
            if (!valid_count(optarg, 1000000) || strcmp(optarg, "1") == 0)
                return usage_error("--max-replications needs a whole number from 2 to 1000000 (got '%s')", optarg);
            o->max_reps = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case 'w':
            if (!valid_count(optarg, 100000))
                return usage_error("--window needs a whole number from 1 (got '%s')", optarg);
            o->window = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case 'q': o->quiet = 1; break;
        case OPT_KEEP_PARTIAL: o->keep_partial = 1; break;
        case 'r':
            if (!valid_count(optarg, 1000000))
                return usage_error("--replications needs a whole number from 1 to 1000000 (got '%s')", optarg);
            o->reps = optarg;
            break;
        case 'j':
            if (!valid_count(optarg, 1024))
                return usage_error("--jobs needs a whole number from 1 to 1024 (got '%s')", optarg);
            o->jobs = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case 'h': o->help = 1; break;
        case 'V': printf("spcsim %s\n", SPC_VERSION); return 0;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (o->help || (optind < argc && strcmp(argv[optind], "help") == 0))
        return print_help(o->help ? optind < argc ? argv[optind] : NULL : optind + 1 < argc ? argv[optind + 1] : NULL);
    if (optind >= argc)
        return usage_error("%s", "missing command: " COMMANDS);
    o->command = argv[optind++];
    int compare = strcmp(o->command, "compare") == 0, sweep = strcmp(o->command, "sweep") == 0;
    int calibrate = strcmp(o->command, "calibrate") == 0, plot = strcmp(o->command, "plot") == 0;
    int chain = strcmp(o->command, "chain") == 0, sens = strcmp(o->command, "sensitivity") == 0;
    int run = strcmp(o->command, "run") == 0, merge = strcmp(o->command, "merge") == 0;
    if (!run && strcmp(o->command, "check") != 0 && !compare && !sweep && !merge &&
        strcmp(o->command, "warmup") != 0 && !calibrate && !plot && !chain && !sens)
        return usage_error("unknown command '%s' (expected " COMMANDS ")", o->command);
    if (!chain && o->esat_delta != NULL)
        return usage_error("%s", "--esat-delta is only for chain (calibrate: chain(DELTA) in the target)");
    if (!chain && !calibrate && !sens && (o->lever != NULL || o->search_reps > 0))
        return usage_error("%s", "--lever and --search-replications are only for chain, calibrate and sensitivity");
    int drawn = o->uncertain && strcmp(o->command, "run") == 0; /* run --uncertain may name its settings */
    if (!sens && (o->design_only || o->merge || (o->part && !run && !compare && !sweep && !chain)))
        return usage_error("%s", "--design-only and --merge are only for sensitivity, --part for run, compare, sweep, "
                                 "chain and sensitivity");
    if (run && o->part && (o->precision != NULL || o->uncertain || o->keep_partial || o->trace != NULL))
        return usage_error("%s", "run --part: not with --precision, --uncertain, --keep-partial or --trace");
    if (merge && (o->seed != NULL || o->reps != NULL || o->nsets > 0 || o->precision != NULL))
        return usage_error("%s", "merge: the parts give the scenario, seed and replications (no --seed, -r, --set, "
                                 "--precision)");
    if (!sens && !drawn && o->params_from != NULL)
        return usage_error("%s", "--params-from is only for sensitivity and run --uncertain");
    if (o->design_only + (o->part > 0) + o->merge > 1)
        return usage_error("%s", "sensitivity: give at most one of --design-only, --part and --merge");
    if (o->uncertain && (strcmp(o->command, "run") != 0 || o->precision != NULL))
        return usage_error("%s", "--uncertain is only for run with a fixed number of replications (not --precision)");
    if (!chain && o->decompose)
        return usage_error("%s", "--decompose is only for chain");
    if (strcmp(o->command, "run") != 0 && o->trace != NULL)
        return usage_error("%s", "--trace is only for run");
    if (o->keep_partial && (strcmp(o->command, "run") != 0 || o->precision != NULL))
        return usage_error("%s", "--keep-partial is only for run with a fixed number of replications (not --precision)");
    if (o->max_iter && !calibrate)
        return usage_error("%s", "--max-iter is only for calibrate");
    if (o->employees && strcmp(o->command, "run") != 0)
        return usage_error("%s", "--employees is only for run");
    if (o->trace == NULL && (o->trace_events != NULL || o->trace_window != NULL))
        return usage_error("%s", "--trace-events and --trace-window need --trace FILE");
    /* options another command would ignore, silently: said instead */
    int warmup = strcmp(o->command, "warmup") == 0;
    if (!warmup && !sens && o->nmetrics > 0)
        return usage_error("%s", "--metric is only for warmup and sensitivity");
    if (!warmup && o->window)
        return usage_error("%s", "--window is only for warmup");
    if (!run && !merge && (o->precision != NULL || o->max_reps))
        return usage_error("%s", "--precision and --max-replications are only for run");
    if (plot && (o->seed != NULL || o->reps != NULL || o->nsets > 0))
        return usage_error("%s", "plot redraws the figures from the files in the folder (no --seed, -r or --set)");
    if (strcmp(o->command, "check") == 0 && o->outdir != NULL)
        return usage_error("%s", "check writes no file: it prints the resolved scenario (no -o)");
    if (optind >= argc)
        return usage_error(plot ? "%s: missing the output folder" : merge ? "%s: missing the parts' folders"
                                                                         : "%s: missing the scenario file", o->command);
    o->scenario = argv[optind++];
    o->extra = (const char **)&argv[optind];
    o->nextra = (size_t)(argc - optind);
    if (compare && o->nextra == 0)
        return usage_error("%s", "compare: give at least one variant (a scenario file, or PATH=VALUE[;PATH=VALUE])");
    if (sens && o->merge && o->nextra == 0)
        return usage_error("%s", "sensitivity --merge: give the parts' folders after the scenario");
    if (!compare && !calibrate && !merge && !(sens && o->merge) && o->nextra > 0)
        return usage_error("unexpected argument '%s'", argv[optind]);
    if (calibrate != (o->ntargets > 0) || calibrate != (o->nfrees > 0))
        return usage_error("%s", calibrate ? "calibrate: give --target SCOPE/METRIC=VALUE and --free PATH=LO:HI"
                                           : "--target and --free are only for calibrate");
    if (!sens && (o->method != NULL || o->trajectories || o->samples))
        return usage_error("%s", "--method, --trajectories and --samples are only for sensitivity");
    if (o->nlabels > 0 && (!compare || o->nlabels > o->nextra + 1))
        return usage_error("%s", compare ? "compare: more --label than scenarios (the base, then each variant)"
                                         : "--label is only for compare");
    if (o->reference != NULL && !sweep)
        return usage_error("%s", "--reference is only for sweep");
    if (o->formats && !run && !plot)
        return usage_error("%s", "--formats is only for run and plot (plot DIR --formats all redraws any output so)");
    if (!sens && !drawn && (sweep != (o->nparams > 0) || o->nparams > 2))
        return usage_error("%s", sweep ? "sweep: give one or two --param PATH=v1,v2,..."
                                       : "--param is only for sweep");
    return -1;
}

static void warn_loads(const spc_scenario *sc, const double *lambda, const double *rho, int solved)
{
    if (solved == 1) {
        fprintf(stderr, "spcsim: warning: %s: the routing has a loop that orders can never leave\n", sc->path);
        return;
    }
    for (size_t i = 0; solved == 0 && i < sc->nstages; i++)
        if (rho[i] >= 1.0 && !sc->stages[i].has_patience) /* abandonment keeps a queue bounded */
            fprintf(stderr, "spcsim: warning: %s: stage %s is offered load %.3g >= 1 "
                    "(arrival rate %.4g, capacity %.4g per %s): its queue will grow without bound%s\n",
                    sc->path, sc->stages[i].name, rho[i], lambda[i],
                    sc->stages[i].servers / spc_dist_true_mean(&sc->stages[i].service), sc->time_unit,
                    sc->stages[i].capacity != SPC_CAPACITY_INFINITE ? " or block" : "");
}

typedef struct {
    const spc_experiment *x;
    const spc_run_meta *meta;
} run_outputs;

static spc_status write_files(spc_output *out, const spc_experiment *x, const spc_run_meta *meta, spc_error *err)
{
    FILE *f;
    if ((f = spc_output_file(out, "timeseries.csv", err)) == NULL)
        return err->code;
    spc_timeseries_write_csv(f, &x->combined_ts);
    if ((f = spc_output_file(out, "timeseries_long.csv", err)) == NULL)
        return err->code;
    spc_timeseries_write_long_csv(f, &x->combined_ts, meta->sc->time_unit, spc_timeunit_seconds(meta->sc->time_unit));
    if ((f = spc_output_file(out, "summary.csv", err)) == NULL)
        return err->code;
    spc_output_summary_csv(f, &x->combined, meta->sc->time_unit);
    if ((f = spc_output_file(out, "replications.csv", err)) == NULL)
        return err->code;
    spc_output_replications_csv(f, x->rep, x->n, (unsigned long long)meta->sc->seed);
    if (meta->sc->ninterventions > 0 && spc_story_has(&x->combined_ts)) { /* before and after the decision */
        spc_story_arm arm = { meta->sc->name, &x->combined_ts, NULL, 0 };
        if ((f = spc_output_file(out, "story.csv", err)) == NULL)
            return err->code;
        spc_story_write_csv(f, &arm, 1, spc_timeunit_seconds(meta->sc->time_unit), meta->sc->warmup,
                            meta->sc->interventions[0].at);
    }
    if (meta->sc->customers.enabled) {
        if ((f = spc_output_file(out, "panel.csv", err)) == NULL)
            return err->code;
        spc_panel_write_csv(f, x->rep_panel, x->n, lround(meta->sc->workforce.quit.year / meta->sc->period));
    }
    if (meta->sc->workforce.enabled && x->rep_emp != NULL && x->employees) {
        if ((f = spc_output_file(out, "employees.csv", err)) == NULL)
            return err->code;
        const char **names = malloc(meta->sc->nstages * sizeof *names);
        if (names == NULL)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        for (size_t i = 0; i < meta->sc->nstages; i++)
            names[i] = meta->sc->stages[i].name;
        spc_emplog_write_csv(f, x->rep_emp, x->n, names, meta->sc->nstages);
        free(names);
    }
    if (meta->uncertain != NULL) {
        if ((f = spc_output_file(out, "uncertain.csv", err)) == NULL)
            return err->code;
        spc_uncertain_write_csv(f, meta->uncertain);
    }
    if ((f = spc_output_file(out, "run.json", err)) == NULL)
        return err->code;
    spc_output_run_json(f, meta);
    if ((f = spc_output_file(out, "scenario.resolved.cfg", err)) == NULL)
        return err->code;
    spc_scenario_write(meta->sc, f);
    return spc_output_commit(out, err);
}

/* The run's files into the staging folder (cli_publish). */
static spc_status write_outputs(spc_stage *st, const void *ctx, spc_error *err)
{
    const run_outputs *r = ctx;
    spc_output out;
    if (spc_output_open(&out, st->path, st, err) == SPC_OK)
        write_files(&out, r->x, r->meta, err);
    spc_output_close(&out);
    return err->code;
}

static void print_headline(const spc_results *res, const char *dir, const char *unit, unsigned formats)
{
    formats = formats ? formats : SPC_PLOT_FORMATS_DEFAULT;
    const char *figures = formats == SPC_PLOT_ALL ? "svg, *.png" : formats == SPC_PLOT_PNG ? "png" : "svg";
    const spc_result_row *lt = spc_results_find(res, "system", "lead_time_mean");
    const spc_result_row *done = spc_results_find(res, "system", "orders_completed");
    if (lt && done)
        printf("orders completed: %.0f; mean lead time %.4g %s (95%% CI %.4g to %.4g)\n",
               done->e.mean, lt->e.mean, unit, lt->e.lo, lt->e.hi);
    static const char *const chain[][3] = {
        { "customers", "esat", "ESAT" }, { "customers", "csat", "CSAT %" }, { "customers", "nps", "NPS" },
        { "customers", "churn_annual", "customer churn/year" }, { "finance", "revenue", "revenue" },
        { "finance", "profit", "profit" },
    };
    int any = 0;
    for (size_t i = 0; i < sizeof chain / sizeof chain[0]; i++) {
        const spc_result_row *r = spc_results_find(res, chain[i][0], chain[i][1]);
        if (r == NULL || !isfinite(r->e.mean))
            continue;
        printf("%s%s %.4g", any ? "; " : "", chain[i][2], r->e.mean);
        if (isfinite(r->e.lo))
            printf(" [%.4g, %.4g]", r->e.lo, r->e.hi);
        any = 1;
    }
    if (any)
        printf("\n");
    printf("outputs in %s/: summary.csv, timeseries.csv, replications.csv,%s run.json, scenario.resolved.cfg,\n"
           "  report.html, figures (*.gp gnuplot scripts, *.%s)\n", dir, any ? " panel.csv," : "", figures);
}

/* Fixed replications, or precision mode with --precision SCOPE/METRIC=REL. */
static spc_status run_experiment(const options *o, const spc_scenario *sc, const spc_uncertain *u,
                                 const spc_experiment_opts *opts, spc_experiment *x, spc_error *err)
{
    if (u != NULL)
        return spc_experiment_run_each(sc, (const spc_scenario *const *)u->sc, opts, x, err);
    if (strcmp(o->command, "merge") == 0)
        return cli_merge_read(o, x, err);
    if (o->precision == NULL)
        return spc_mpi_size() > 1 ? spc_mpi_experiment_run(sc, opts, x, err) : spc_experiment_run(sc, opts, x, err);
    char scope[64], metric[64];
    double rel;
    int used = 0;
    if (sscanf(o->precision, "%63[^/]/%63[^=]=%lf%n", scope, metric, &rel, &used) != 3 ||
        o->precision[used] != '\0' || !(rel > 0))
        return spc_error_set(err, SPC_ERR_USAGE, "--precision %s: expected SCOPE/METRIC=REL with REL > 0", o->precision);
    spc_precision t = { scope, metric, rel, o->max_reps ? o->max_reps : 1000 };
    if (spc_experiment_run_precision(sc, opts, &t, x, err) == SPC_OK && !o->quiet)
        printf("precision %s: %u replications\n", o->precision, x->n);
    if (err->code == SPC_OK && !spc_precision_met(x, &t)) /* stopped at the cap: say so, the numbers are still right */
        fprintf(stderr, "spcsim: warning: --precision %s: not reached after %u replications, the cap "
                "(--max-replications); the intervals in summary.csv say how precise the run is\n", o->precision, x->n);
    return err->code;
}

/* The name of the signal that stopped the run. */
static const char *stop_name(const options *o)
{
    return o->stop != NULL && *o->stop == SIGTERM ? "SIGTERM" : "SIGINT";
}

/* What cmd_run knows once the replications are done. */
typedef struct {
    const char *dir;
    unsigned requested;   /* replications asked for */
    int partial;          /* stopped, and --keep-partial keeps what completed */
    const double *lambda, *rho;
    cli_trace *trace;
    spc_plot_gnuplots *gnuplots; /* started before the replications, or NULL */
} run_done;

/* One line when some batch-means intervals should not be trusted (model.md,
 * B5; summary.csv's ci_warning column says which). */
static void warn_intervals(const spc_results *res, const char *dir)
{
    size_t n[3] = { 0, 0, 0 };
    const spc_result_row *first = NULL;
    for (size_t i = 0; i < res->n; i++) {
        spc_batch_verdict v = res->rows[i].warn;
        n[v]++;
        if (v != SPC_BATCH_OK && first == NULL)
            first = &res->rows[i];
    }
    if (first == NULL)
        return;
    fprintf(stderr, "spcsim: warning: %zu interval(s) in %s/summary.csv may be too narrow: their batch means are "
            "still correlated (%zu) or too few (%zu), e.g. %s/%s (column ci_warning); run longer or use -r N\n",
            n[SPC_BATCH_FEW] + n[SPC_BATCH_CORRELATED], dir, n[SPC_BATCH_CORRELATED], n[SPC_BATCH_FEW],
            first->scope, first->metric);
}

/* Writes the run's whole output (partial: the completed replications,
 * not stoppable any more: writing takes a moment), then the headline. */
static spc_status publish_run(const options *o, spc_scenario *sc, const spc_experiment *x, const run_done *d,
                              const spc_uncertain *u, spc_error *err)
{
    unsigned long long events = 0;
    for (unsigned i = 0; i < x->n; i++)
        events += x->info[i].events;
    sc->replications = (int)x->n; /* precision mode, --keep-partial: the resolved file reproduces the final N */
    char gnuplot[256];
    if (d->gnuplots != NULL && !d->partial)
        cli_gnuplots_more(d->gnuplots, o, sc);
    if (d->gnuplots != NULL)
        spc_plot_gnuplots_version(d->gnuplots, gnuplot, sizeof gnuplot);
    spc_run_meta meta = { SPC_VERSION, sc, x->n, x->jobs, events, x->wall_seconds, d->lambda, d->rho,
                          d->requested, d->partial ? stop_name(o) : NULL, u, o->command_line,
                          d->gnuplots != NULL ? gnuplot : NULL };
    run_outputs ro = { x, &meta };
    options publish = *o;
    publish.gnuplots = d->gnuplots;
    if (d->partial)
        publish.stop = NULL;
    if (cli_publish(&publish, d->dir, write_outputs, &ro, 1, err) != SPC_OK ||
        (!d->partial && cli_trace_commit(d->trace, err) != SPC_OK))
        return err->code;
    if (!o->quiet && d->partial)
        printf("partial: stopped by %s after %u of %u replications; the outputs hold those %u (--keep-partial)\n",
               stop_name(o), x->n, d->requested, x->n);
    if (!o->quiet)
        print_headline(&x->combined, d->dir, sc->time_unit, o->formats);
    if (!o->quiet && u != NULL)
        printf("intervals: simulation noise and the uncertainty of %zu assumptions, drawn per replication from their "
               "plausible ranges (uncertain.csv)\n", u->k);
    if (!o->quiet && o->trace != NULL && !d->partial)
        printf("trace of replication 0 in %s\n", o->trace);
    fflush(stdout);
    warn_intervals(&x->combined, d->dir);
    if (d->partial)
        spc_error_set(err, SPC_ERR_INTERRUPTED, "kept the %u of %u replications that completed in %s "
                      "(--keep-partial; run.json says partial)", x->n, d->requested, d->dir);
    return err->code;
}

/* --uncertain: each replication's assumptions (or the --param and
 * --params-from settings) drawn (uncertain.h), the scenarios loaded with
 * the run's own overrides first. */
static spc_status draw_uncertain(const options *o, const spc_scenario *sc, spc_uncertain *u, spc_error *err)
{
    cli_override_buf buf;
    size_t n;
    if ((o->nparams > 0 || o->params_from != NULL) && cli_sens_params(o, &u->param, &u->k, err) != SPC_OK)
        return err->code;
    const char **sets = cli_overrides(o, &buf, 0, &n);
    if (sets == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    spc_uncertain_draw(sc, sets, n, (unsigned)sc->replications, u, err);
    free(sets);
    return err->code;
}

static void print_rank_failure(const spc_error *err);
static int exit_code(const spc_error *err);

static spc_status cmd_run(const options *o, spc_scenario *sc, const double *lambda,
                          const double *rho, int solved, spc_error *err)
{
    char dir[4096];
    cli_trace trace;
    spc_experiment x;
    memset(&x, 0, sizeof x);
    memset(&trace, 0, sizeof trace);
    unsigned requested = (unsigned)sc->replications;
    spc_uncertain u;
    memset(&u, 0, sizeof u);
    if (o->uncertain && draw_uncertain(o, sc, &u, err) != SPC_OK) {
        spc_uncertain_release(&u);
        return err->code;
    }
    spc_experiment_opts opts = { requested, 0, o->jobs, !o->quiet && isatty(STDERR_FILENO), NULL, o->stop,
                                 o->keep_partial, o->force, o->employees };
    if (o->part > 0)
        return cli_run_part(o, sc, &opts, err);
    /* the folder is checked, not made: nothing exists before the run is done
     * but the trace's temporary file; the gnuplots start while it runs */
    spc_plot_gnuplots *gnuplots = NULL;
    int ran = cli_outdir(o, sc->name, "", dir, sizeof dir, err) == SPC_OK &&
              cli_trace_check(o, dir, err) == SPC_OK && cli_trace_open(o, sc, &trace, err) == SPC_OK &&
              (gnuplots = spc_mpi_rank() == 0 ? cli_gnuplots_start(o) : NULL, opts.trace = trace.tr,
               run_experiment(o, sc, o->uncertain ? &u : NULL, &opts, &x, err)) == SPC_OK;
    run_done d = { dir, requested, !ran && err->code == SPC_ERR_INTERRUPTED && o->keep_partial && x.n > 0,
                   solved == 0 ? lambda : NULL, solved == 0 ? rho : NULL, &trace, gnuplots };
    if (d.partial)
        spc_error_clear(err);
    if (!ran && spc_mpi_size() > 1) { /* this rank's replications failed: the others wait for them */
        print_rank_failure(err);
        spc_mpi_abort(exit_code(err));
    }
    if ((ran || d.partial) && spc_mpi_rank() == 0)
        publish_run(o, sc, &x, &d, o->uncertain ? &u : NULL, err);
    spc_plot_gnuplots_end(gnuplots);
    cli_trace_close(&trace);
    spc_experiment_release(&x);
    spc_uncertain_release(&u);
    return err->code;
}

static void cmd_check(const spc_scenario *sc, const double *lambda, const double *rho, int solved)
{
    spc_scenario_write(sc, stdout);
    spc_scenario_write_units(sc, stdout);
    printf("# valid. Traffic equations (mean external rate %.6g per %s):\n",
           spc_scenario_mean_arrival_rate(sc), sc->time_unit);
    for (size_t i = 0; solved == 0 && i < sc->nstages; i++)
        printf("#   %-20s arrival rate %-10.6g offered load %.4f\n", sc->stages[i].name, lambda[i], rho[i]);
}

/* What went to stdout must have arrived (a full disk, /dev/full): else exit 5,
 * unless an earlier error already decided the code. */
static int finish_stdout(int code)
{
    errno = 0;
    int flush_failed = fflush(stdout) != 0;
    if (!flush_failed && !ferror(stdout))
        return code;
    char msg[300];
    snprintf(msg, sizeof msg, "standard output: cannot write%s%s", flush_failed ? ": " : "",
             flush_failed ? strerror(errno) : "");
    if (code == SPC_OK)
        print_error(msg);
    return code == SPC_OK ? SPC_ERR_OUTPUT : code;
}

/* The one line for an error; a stop by a signal says which, and that
 * nothing was written. */
static void print_failure(const spc_error *err)
{
    if (err->code != SPC_ERR_INTERRUPTED) {
        print_error(err->msg);
        return;
    }
    char msg[sizeof err->msg + 40];
    const char *name = stop_signal == SIGTERM ? "SIGTERM" : "SIGINT";
    if (strcmp(err->msg, "interrupted") == 0)
        snprintf(msg, sizeof msg, "stopped by %s: nothing written, the output folder is as it was", name);
    else
        snprintf(msg, sizeof msg, "stopped by %s: %s", name, err->msg);
    print_error(msg);
}

/* Under MPI, a rank's own failure: which rank, then the message. */
static void print_rank_failure(const spc_error *err)
{
    spc_error e = *err;
    snprintf(e.msg, sizeof e.msg, "rank %d: %.1000s", spc_mpi_rank(), err->msg);
    print_failure(&e);
}

/* The status, except that a stop by a signal exits 128 + the signal (130, 143). */
static int exit_code(const spc_error *err)
{
    if (err->code == SPC_ERR_INTERRUPTED)
        return 128 + (stop_signal != 0 ? (int)stop_signal : SIGINT);
    return (int)err->code;
}

/* Under MPI (mpi.h) every rank runs the command; only rank 0 speaks and
 * writes, and only run, compare, sweep, chain and sensitivity are spread
 * over the ranks. */
static int mpi_usage(options *o)
{
    if (spc_mpi_rank() != 0) {
        o->quiet = 1;
        o->trace = NULL;
    }
    if (spc_mpi_size() == 1)
        return -1;
    int spread = strcmp(o->command, "run") == 0 || strcmp(o->command, "compare") == 0 ||
                 strcmp(o->command, "sweep") == 0 || strcmp(o->command, "chain") == 0 ||
                 strcmp(o->command, "sensitivity") == 0;
    if (!spread)
        return spc_mpi_rank() == 0 ? usage_error("%s: runs in one process; under mpirun only run, compare, sweep, "
                                                 "chain and sensitivity spread their work over the ranks (-np 1, or "
                                                 "without mpirun)", o->command)
                                   : SPC_ERR_USAGE;
    if (strcmp(o->command, "sensitivity") == 0 && (o->design_only || o->part > 0 || o->merge))
        return spc_mpi_rank() == 0 ? usage_error("%s", "sensitivity under mpirun: not with --design-only, --part or "
                                                       "--merge (the ranks are the parts)")
                                   : SPC_ERR_USAGE;
    if (strcmp(o->command, "run") != 0)
        return o->part == 0 ? -1
                            : spc_mpi_rank() == 0 ? usage_error("%s --part under mpirun: run one part per process "
                                                                "(the ranks are the parts)", o->command)
                                                  : SPC_ERR_USAGE;
    if (o->precision == NULL && !o->uncertain && o->part == 0)
        return -1;
    return spc_mpi_rank() == 0 ? usage_error("%s", "run under mpirun: not with --precision, --uncertain or --part "
                                                   "(use one process, or a job array of --part)")
                               : SPC_ERR_USAGE;
}

static int spcsim_main(int argc, char **argv);

/* The arrays of repeated options, room for argc each; 0, or -1 when out of memory. */
static int options_alloc(options *o, int argc)
{
    o->sets = malloc((size_t)argc * sizeof *o->sets);
    o->params = malloc((size_t)argc * sizeof *o->params);
    o->targets = malloc((size_t)argc * sizeof *o->targets);
    o->frees = malloc((size_t)argc * sizeof *o->frees);
    o->metrics = malloc((size_t)argc * sizeof *o->metrics);
    o->labels = malloc((size_t)argc * sizeof *o->labels);
    return o->sets && o->params && o->targets && o->frees && o->metrics && o->labels ? 0 : -1;
}

static void options_free(options *o)
{
    free(o->sets);
    free(o->params);
    free(o->targets);
    free(o->frees);
    free(o->metrics);
    free(o->labels);
    cli_runs_free(o->runs);
}

/* spcsim merge of compare's, sweep's or chain's parts (cli_parts.c): the first
 * part's command line parsed again and run by the command itself, each
 * experiment read back from the parts, the output in the merge's -o. */
static spc_status merge_study(const options *m, spc_error *err)
{
    int argc = 0;
    char **argv = NULL;
    options o = { 0 };
    o.runs = cli_runs_merge(m, &argc, &argv, err);
    if (o.runs == NULL || options_alloc(&o, argc) != 0) {
        options_free(&o);
        free(argv);
        return err->code ? err->code : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    optind = 0; /* getopt from the start again */
    if (parse_args(argc, argv, &o) >= 0 ||
        (strcmp(o.command, "compare") != 0 && strcmp(o.command, "sweep") != 0 && strcmp(o.command, "chain") != 0))
        spc_error_set(err, SPC_ERR_USAGE, "%s/part.json: its command line is not one of compare, sweep or chain",
                      m->scenario);
    int chain = err->code == SPC_OK && strcmp(o.command, "chain") == 0;
    o.outdir = m->outdir;
    o.quiet = m->quiet;
    o.command_line = m->command_line;
    o.started = m->started;
    o.stop = m->stop;
    o.part = o.nparts = 0;
    if (m->jobs)
        o.jobs = m->jobs; /* the merge's -j (the gnuplots of the figures), else the parts' */
    o.argc = argc;
    o.argv = argv;
    if (err->code == SPC_OK)
        chain ? cli_chain(&o, err) : strcmp(o.command, "compare") == 0 ? cli_compare(&o, err) : cli_sweep(&o, err);
    options_free(&o);
    free(argv);
    return err->code;
}

int main(int argc, char **argv)
{
    spc_mpi_init(&argc, &argv);
    int code = spcsim_main(argc, argv);
    spc_mpi_finalize();
    return code;
}

static int spcsim_main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    if (argc >= 3 && strcmp(argv[1], "settings") == 0 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0))
        return cli_help_command(stdout, "settings") == 0 ? finish_stdout(0) : SPC_ERR_INTERNAL;
    if (argc >= 2 && strcmp(argv[1], "settings") == 0)
        return cli_settings(argc, argv);
    if (argc >= 3 && strcmp(argv[1], "serve") == 0 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0))
        return cli_help_command(stdout, "serve") == 0 ? finish_stdout(0) : SPC_ERR_INTERNAL;
    if (argc >= 2 && strcmp(argv[1], "serve") == 0)
        return cli_serve(argc, argv);
    catch_signals();
    options o = { 0 };
    o.stop = &stop_signal;
    o.started = cli_clock();
    char *command_line = cli_command_line(argc, argv);
    o.command_line = command_line;
    o.argc = argc;
    o.argv = argv;
    if (options_alloc(&o, argc) != 0)
        return SPC_ERR_INTERNAL;
    int code = parse_args(argc, argv, &o);
    if (code < 0)
        code = mpi_usage(&o);
    spc_error err;
    spc_error_clear(&err);
    int merge = code < 0 && strcmp(o.command, "merge") == 0;
    if ((merge || (code < 0 && o.merge)) && cli_merge_check_output(&o, &err) != SPC_OK) {
        print_failure(&err);
        code = exit_code(&err);
        merge = 0;
    }
    if (code < 0 && o.part > 0 &&
        (strcmp(o.command, "compare") == 0 || strcmp(o.command, "sweep") == 0 || strcmp(o.command, "chain") == 0) &&
        (o.runs = cli_runs_part(o.part, o.nparts)) == NULL)
        code = SPC_ERR_INTERNAL;
    const char *parts = merge ? cli_parts_command(o.scenario) : NULL;
    if (parts != NULL && strcmp(parts, "sensitivity") == 0) /* the design is made again from its options */
        code = usage_error("merge %s: a part of a sensitivity design; merge its parts with spcsim sensitivity "
                           "SCENARIO (the design's options) --merge PART...", o.scenario);
    else if (parts != NULL) { /* compare's, sweep's or chain's parts */
        if (merge_study(&o, &err) != SPC_OK)
            print_failure(&err);
        code = exit_code(&err);
    }
    if (code < 0 && strcmp(o.command, "run") != 0 && strcmp(o.command, "check") != 0 && !merge) {
        spc_status st = strcmp(o.command, "compare") == 0 ? cli_compare(&o, &err)
                        : strcmp(o.command, "sweep") == 0 ? cli_sweep(&o, &err)
                        : strcmp(o.command, "calibrate") == 0 ? cli_calibrate(&o, &err)
                        : strcmp(o.command, "chain") == 0 ? cli_chain(&o, &err)
                        : strcmp(o.command, "sensitivity") == 0 ? cli_sensitivity(&o, &err)
                        : strcmp(o.command, "plot") == 0 ? cli_plot(&o, &err) : cli_warmup(&o, &err);
        if (st != SPC_OK && spc_mpi_size() > 1) { /* the other ranks may wait for this one */
            print_rank_failure(&err);
            spc_mpi_abort(exit_code(&err));
        }
        if (st != SPC_OK)
            print_failure(&err);
        code = exit_code(&err);
    }
    if (code >= 0) {
        options_free(&o);
        free(command_line);
        return finish_stdout(code);
    }
    spc_scenario *sc = merge ? cli_merge_load(&o, &err) : cli_load(&o, o.scenario, NULL, 0, &err);
    double *lambda = sc ? calloc(sc->nstages, sizeof *lambda) : NULL;
    double *rho = sc ? calloc(sc->nstages, sizeof *rho) : NULL;
    if (sc != NULL && (lambda == NULL || rho == NULL))
        spc_error_set(&err, SPC_ERR_INTERNAL, "out of memory");
    if (err.code == SPC_OK) {
        int solved = spc_traffic_solve(sc, lambda, rho);
        if (spc_mpi_rank() == 0)
            warn_loads(sc, lambda, rho, solved);
        if (strcmp(o.command, "check") == 0)
            cmd_check(sc, lambda, rho, solved);
        else
            cmd_run(&o, sc, lambda, rho, solved, &err);
    }
    if (err.code != SPC_OK && spc_mpi_rank() == 0)
        print_failure(&err);
    free(lambda);
    free(rho);
    spc_scenario_free(sc);
    options_free(&o);
    free(command_line);
    /* check's product is what it prints; run's are the files (the headline is a courtesy) */
    return strcmp(o.command, "check") == 0 ? finish_stdout(exit_code(&err)) : exit_code(&err);
}
