/*
 * cli_help.c -- the help of the command line: `spcsim --help` (every
 * command and option), and `spcsim COMMAND --help` or `spcsim help COMMAND`
 * (that command's usage, what it does, its options, examples).
 *
 * One table of options says which commands take each; both helps print
 * from it, and tests/test_cli.c checks each command's help against the
 * "Options:" line of that command in docs/spcsim.1.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage_head[] =
    "Usage: spcsim run SCENARIO [options]     simulate and write outputs\n"
    "       spcsim check SCENARIO [options]   validate, print the resolved scenario\n"
    "       spcsim settings [--markdown [GROUP] | --doc FILE]  every setting: default, range, unit, source\n"
    "       spcsim compare BASE VARIANT... [options]\n"
    "                                         paired differences, common random numbers;\n"
    "                                         a VARIANT is a scenario file or PATH=VALUE[;...]\n"
    "       spcsim sweep SCENARIO --param PATH=v1,v2,... [--param ...] [options]\n"
    "                                         a one- or two-parameter grid\n"
    "       spcsim warmup SCENARIO [--metric SCOPE/COLUMN] [--window W] [options]\n"
    "                                         Welch's moving averages, MSER-5 suggestion\n"
    "       spcsim calibrate SCENARIO [SCENARIO...] --target TARGET=VALUE[:SD]... --free PATH=LO:HI...\n"
    "                                         search settings that meet the targets; with\n"
    "                                         several scenarios, one set of settings for all\n"
    "       spcsim chain SCENARIO [--esat-delta 5%|3pt|D1,D2,...] [--lever PATH] [--decompose] [options]\n"
    "                                         raise ESAT through a lever; the chain table of\n"
    "                                         CSAT, NPS, retention, revenue, growth, profit,\n"
    "                                         its changes per period, and for a list of\n"
    "                                         rises the dose-response\n"
    "       spcsim sensitivity SCENARIO [--param PATH=LOW:HIGH...] [--method morris|sobol] [options]\n"
    "                                         how much each setting moves the outputs (by\n"
    "                                         default the assumptions, over plausible ranges)\n"
    "       spcsim merge PART... [-o DIR]     the output of one run from its parts' folders\n"
    "                                         (run|compare|sweep|chain --part I/N)\n"
    "       spcsim plot DIR                   redraw the figures and report.html from the\n"
    "                                         outputs in DIR (of run, compare, sweep or chain)\n"
    "       spcsim serve SCENARIO [--port N] [--bind ADDR] [-r N] [-j N] [--set PATH=VALUE]...\n"
    "                                         a local web page: levers as sliders, the variant\n"
    "                                         against the baseline, live (man spcsim)\n"
    "       spcsim --help | --version\n"
    "       spcsim COMMAND --help | spcsim help COMMAND   that command's help, with examples\n"
    "\n";

/* An option: its long name, the commands that take it (" run check "),
 * and its lines of help. */
typedef struct {
    const char *name, *commands, *text;
} help_option;

static const help_option options_table[] = {
    { "output", " run compare sweep warmup calibrate chain sensitivity serve merge ",
      "  -o, --output DIR      write outputs to DIR (default: output/<scenario name>)\n" },
    { "seed", " run check compare sweep warmup calibrate chain sensitivity ",
      "  -s, --seed N          master seed (overrides the scenario's seed)\n" },
    { "set", " run check compare sweep warmup calibrate chain sensitivity serve ",
      "  -S, --set PATH=VALUE  override a setting, libconfig path syntax, repeatable:\n"
      "                        --set stages.[0].servers=5 --set arrivals.rate=9/h\n" },
    { "replications", " run check compare sweep warmup calibrate chain sensitivity serve ",
      "  -r, --replications N  run N independent replications (default: the scenario's\n"
      "                        replications setting, else 1; compare, sweep, warmup and\n"
      "                        chain: when above 1, else 10); means with 95% t intervals\n" },
    { "jobs", " run compare sweep warmup calibrate chain sensitivity plot serve merge ",
      "  -j, --jobs N          N threads in all, shared by the replications and the units\n"
      "                        of a company (default: all processors), and the\n"
      "                        gnuplots drawing figures at once;\n"
      "                        the outputs are the same for every N\n" },
    { "param", " run sweep sensitivity ",
      "  -p, --param PATH=V1,V2,...  sweep: a parameter and its values (at most two);\n"
      "                        sensitivity, run --uncertain: PATH=LOW:HIGH, a setting\n"
      "                        and its range\n" },
    { "metric", " warmup sensitivity ",
      "  -m, --metric SCOPE/COL  warmup: the series (default system/lead_time_mean)\n" },
    { "precision", " run ",
      "      --precision SCOPE/METRIC=REL\n"
      "                        run: add replications until that metric's 95% half-width\n"
      "                        is at most REL x |mean| (e.g. system/lead_time_mean=0.01)\n" },
    { "max-replications", " run ",
      "      --max-replications N  the cap for --precision (default 1000)\n" },
    { "target", " calibrate ",
      "  -t, --target T=VALUE[:SD]  calibrate: a value to reach (up to 8); T is\n"
      "                        SCOPE/METRIC (a summary metric), panel:STAT(COLUMNS)\n"
      "                        (across units) or employees:STAT(COLUMNS) (across the\n"
      "                        year's cohort), STAT mean(A), corr(A,B) or slope(Y,X);\n"
      "                        or chain(5%|3pt):diff|rel(MEASURE), the chain study's\n"
      "                        change when the lever raises ESAT so (--lever,\n"
      "                        --search-replications as for chain); NAME@T measures T\n"
      "                        on scenario NAME (name or position; --set NAME@PATH=V\n"
      "                        sets one scenario's setting); SD weights the objective\n"
      "                        ((mean - VALUE) / SD)^2\n" },
    { "free", " calibrate ",
      "  -f, --free PATH=LO:HI  calibrate: a setting to search, within bounds (up to 8)\n" },
    { "window", " warmup ",
      "  -w, --window W        warmup: Welch's moving-average window (default 5)\n" },
    { "esat-delta", " chain ",
      "      --esat-delta D    chain: the rise of ESAT, relative (5%, the default) or in\n"
      "                        points (3pt); a comma list (2.5%,5%,10%,20%) adds the\n"
      "                        dose-response, one lever search per rise, one base run\n" },
    { "lever", " chain calibrate sensitivity ",
      "      --lever PATH      chain, calibrate, sensitivity: the setting raised (default\n"
      "                        workforce.levers.recognition; also .pay, .training_hours,\n"
      "                        workforce.satisfaction.base)\n" },
    { "search-replications", " chain calibrate sensitivity ",
      "      --search-replications M  chain, calibrate, sensitivity: the lever search runs the first M of the\n"
      "                        replications (default 10), the table all of them\n" },
    { "label", " compare ",
      "      --label TEXT      compare: a name for the base, then for each variant in\n"
      "                        turn (repeatable; default: the file or PATH=VALUE text)\n" },
    { "reference", " sweep ",
      "      --reference V     sweep: the value of the first --param whose grid point the\n"
      "                        others are compared with, paired (default: the first value)\n" },
    { "decompose", " chain ",
      "      --decompose       chain: split each change by the five pathways of\n"
      "                        satisfaction (10 more variants; pathway rows in chain.csv)\n" },
    { "trace", " run ",
      "      --trace FILE      run: log replication 0 (unit 0 of several), one line per\n"
      "                        event: time, kind, entity (stage#position, order, customer),\n"
      "                        what changed; the results are the same with or without it\n" },
    { "trace-events", " run ",
      "      --trace-events KINDS  with --trace: only these kinds, comma-separated, of\n"
      "                        arrival queue service_start service_end deliver rework\n"
      "                        blocked balk renege quit hire layoff absence purchase\n"
      "                        acquire claim encounter report intervention warmup end\n" },
    { "trace-window", " run ",
      "      --trace-window T0:T1  with --trace: only events from T0 to T1 (durations such\n"
      "                        as 2w:3w, or numbers in the scenario's time unit; either\n"
      "                        side may be empty)\n" },
    { "keep-partial", " run ",
      "      --keep-partial    run: when stopped by SIGINT or SIGTERM, write the k\n"
      "                        replications that completed as a whole output, labelled\n"
      "                        partial in run.json (exit 130 or 143 still)\n" },
    { "max-iter", " calibrate ",
      "      --max-iter N      calibrate: simplex iterations at most (default 200)\n" },
    { "employees", " run ",
      "      --employees       run: also write employees.csv, one row per employee and\n"
      "                        year after the warm-up (satisfaction at its start and mean,\n"
      "                        quit or left otherwise)\n" },
    { "method", " sensitivity ",
      "      --method M        sensitivity: morris (elementary effects, the default) or\n"
      "                        sobol (first-order and total indices, bootstrap intervals);\n"
      "                        --param PATH=LOW:HIGH the settings and their ranges,\n"
      "                        --metric SCOPE/METRIC the outputs (repeatable), or\n"
      "                        chain(5%):rel(csat) (a chain study's change; the default\n"
      "                        with a workforce and customers: chain(5%):rel(csat), (profit))\n" },
    { "trajectories", " sensitivity ",
      "      --trajectories R  sensitivity: Morris trajectories (default 10; R(k+1) points)\n" },
    { "samples", " sensitivity ",
      "      --samples N       sensitivity: Sobol' base points (default 64; N(k+2) points)\n" },
    { "params-from", " run sensitivity ",
      "      --params-from FILE  sensitivity, run --uncertain: PATH=LOW:HIGH lines (# comments)\n" },
    { "design-only", " sensitivity ",
      "      --design-only     sensitivity: write the design (design.csv, ranges.csv) only\n" },
    { "part", " run compare sweep chain sensitivity ",
      "      --part I/N        run: run part I of N of the replications into a part folder\n"
      "                        (default output/<name>-partIofN; spcsim merge joins them);\n"
      "                        compare, sweep: part I of N of every scenario's or grid\n"
      "                        point's replications (output/<name>-compare-partIofN, ...;\n"
      "                        spcsim merge joins them); chain: the lever search whole,\n"
      "                        part I of N of the other runs' replications (spcsim merge\n"
      "                        joins them); sensitivity: part I of N of the points\n"
      "                        (points.csv; sensitivity --merge joins them)\n" },
    { "merge", " sensitivity ",
      "      --merge           sensitivity: merge the part folders given after the scenario\n" },
    { "uncertain", " run ",
      "      --uncertain       run: draw the assumptions (or the --param settings) from their\n"
      "                        plausible ranges, one draw per replication: the intervals\n"
      "                        hold parameter uncertainty too (uncertain.csv)\n" },
    { "port", " serve ",
      "      --port N          serve: the port (default 8017; 0 takes a free one)\n" },
    { "bind", " serve ",
      "      --bind ADDR       serve: the address to listen on (default 127.0.0.1; another\n"
      "                        one with a warning: anyone who reaches it can run simulations)\n" },
    { "web", " serve ",
      "      --web DIR         serve: the page's files (default: web/ beside the program,\n"
      "                        else the installed copy)\n" },
    { "formats", " run plot ",
      "      --formats LIST    run, plot: the figures' formats, svg (the default: the\n"
      "                        report's, and a slide's at any size), png or all (the\n"
      "                        SVG and a 1600x1000 PNG, ten times slower to draw)\n" },
    { "quiet", " run compare sweep warmup calibrate chain sensitivity plot merge ",
      "  -q, --quiet           print nothing but errors and warnings (no progress)\n" },
    { "force", " run compare sweep warmup calibrate chain sensitivity ",
      "      --force           run beyond the cost limits (10 million time-series rows,\n"
      "                        1e10 events, 4 GB; see the reference, 10.9)\n" },
    { "help", " run check settings compare sweep warmup calibrate chain sensitivity plot serve merge ",
      "  -h, --help            this help\n" },
    { "version", " run check settings compare sweep warmup calibrate chain sensitivity plot merge ",
      "  -V, --version         the version\n" },
};

/* After the options in `spcsim --help`. */
static const char usage_tail[] =
    "\n"
    "Outputs (in DIR): run: summary.csv, timeseries.csv, replications.csv, run.json,\n"
    "scenario.resolved.cfg; compare: compare.csv (in\n"
    "output/<name>-compare); sweep: sweep.csv (in output/<name>-sweep); warmup:\n"
    "warmup.csv (in output/<name>-warmup); calibrate: calibrate.csv, calibrated.cfg and\n"
    "targets.csv (in output/<name>-calibrate); chain: chain.csv, chain_periods.csv and\n"
    "with a list of rises chain_dose.csv (in output/<name>-chain); sensitivity:\n"
    "sensitivity.csv, design.csv, ranges.csv (in output/<name>-sensitivity).\n"
    "Every command that simulates also writes run.json (version, commit, compiler,\n"
    "GSL, libconfig and gnuplot versions, command line, seed, replications) and the\n"
    "scenarios it ran, resolved (*.resolved.cfg; run.json lists them).\n"
    "run, compare, sweep and chain also write gnuplot scripts (*.gp), the figures\n"
    "they draw (*.svg, and *.png with --formats; needs gnuplot, else skipped with a\n"
    "warning; SPCSIM_GNUPLOT names another program) and report.html, one\n"
    "self-contained page.\n"
    "\n"
    "Every command builds its outputs in a hidden staging folder beside DIR\n"
    "(.NAME.spcsim-staging-XXXXXX) and puts it in place in one step: DIR holds the\n"
    "whole old output or the whole new one, never a mix; files of an earlier run\n"
    "that this one does not write are gone. A staging folder left by a killed run\n"
    "is removed by the next run into the same DIR.\n"
    "\n"
    "Parts and clusters (docs/cluster.md): spcsim run|compare|sweep ... --part I/N\n"
    "runs part I of N of the replications into a part folder (chain: its lever\n"
    "search whole, the other runs' part I of N); spcsim merge PART...\n"
    "[-o DIR] writes from all N what one process writes. mpirun -np N spcsim\n"
    "run|compare|sweep|chain|sensitivity ... (make MPI=1) spreads the replications\n"
    "(sensitivity: the design's points) over N ranks, -j threads each; rank 0 writes.\n"
    "\n"
    "Exit codes: 0 success, 1 internal error, 2 bad usage, 3 unreadable scenario,\n"
    "            4 invalid scenario, 5 unwritable output, 130 stopped by SIGINT\n"
    "            (Ctrl-C), 143 stopped by SIGTERM (nothing written, DIR as it was).\n";

/* A command: its usage line(s), what it does, and examples. */
typedef struct {
    const char *name, *usage, *about, *examples;
} help_command;

static const help_command commands_table[] = {
    { "run", "spcsim run SCENARIO [options]",
      "Simulate the scenario's replications (-r overrides them) and write summary.csv,\n"
      "timeseries.csv, replications.csv, run.json, scenario.resolved.cfg (and panel.csv\n"
      "with customers), the figures and report.html to output/NAME (or -o DIR).\n",
      "  spcsim run scenarios/baseline.cfg\n"
      "  spcsim run scenarios/baseline.cfg -r 20 -j 4 -o /tmp/baseline\n"
      "  spcsim run scenarios/validation/mm1.cfg --precision system/lead_time_mean=0.01\n" },
    { "check", "spcsim check SCENARIO [options]",
      "Validate the scenario (with --seed, -r and --set applied) and print it resolved:\n"
      "every default filled in, every duration and rate with its unit, then each\n"
      "stage's arrival rate and offered load. Simulates nothing, writes no file.\n",
      "  spcsim check scenarios/baseline.cfg\n"
      "  spcsim check scenarios/baseline.cfg --set 'stages.[1].servers=3'\n" },
    { "settings", "spcsim settings [--markdown [GROUP [KEY...]] | --doc FILE]",
      "Every setting a scenario may hold: path, kind, default, range, unit, whether an\n"
      "intervention may change it, and the source of its default.\n",
      "  spcsim settings\n"
      "  spcsim settings --markdown finance\n"
      "  spcsim settings --doc docs/scenario-reference.md > /tmp/reference.md\n" },
    { "compare", "spcsim compare BASE VARIANT... [options]",
      "Run the base and each variant on the same replications (common random numbers)\n"
      "and write compare.csv, run.json and every scenario resolved (the base as\n"
      "scenario.resolved.cfg, variant K as variant-K.resolved.cfg), the figures and\n"
      "report.html to output/NAME-compare. A VARIANT is a scenario file, or\n"
      "PATH=VALUE[;PATH=VALUE...] applied to BASE. Replications: -r, else the\n"
      "scenario's if above 1, else 10.\n",
      "  spcsim compare scenarios/baseline.cfg scenarios/bottleneck.cfg -r 10\n"
      "  spcsim compare scenarios/baseline.cfg 'stages.[1].servers=3'\n"
      "  spcsim compare scenarios/understaffed.cfg 'workforce.absence.base=0.03' -r 4\n" },
    { "sweep", "spcsim sweep SCENARIO --param PATH=V1,V2,... [--param PATH=V1,...] [options]",
      "Run every point of a one- or two-parameter grid on the same replications and\n"
      "write sweep.csv, run.json and each point's scenario resolved\n"
      "(point-K.resolved.cfg, K as in sweep.csv), the figures and report.html to\n"
      "output/NAME-sweep. Values are in libconfig syntax, with units where the\n"
      "setting has one (3/h, 2w).\n",
      "  spcsim sweep scenarios/default.cfg --param arrivals.rate=3/h,4/h,4.5/h\n"
      "  spcsim sweep scenarios/baseline.cfg --param 'stages.[1].servers=2,3,4' -r 5\n" },
    { "warmup", "spcsim warmup SCENARIO [--metric SCOPE/COLUMN] [--window W] [options]",
      "Average one series of timeseries.csv over replications, smooth it with Welch's\n"
      "moving average and write warmup.csv (with run.json and scenario.resolved.cfg)\n"
      "to output/NAME-warmup; print the warm-up MSER-5 suggests.\n",
      "  spcsim warmup scenarios/understaffed.cfg --metric company/satisfaction\n"
      "  spcsim warmup scenarios/validation/mm1.cfg --window 10 -r 20\n" },
    { "calibrate",
      "spcsim calibrate SCENARIO [SCENARIO...] --target TARGET=VALUE[:SD]... --free PATH=LO:HI... [options]",
      "Search the free settings, each within its bounds, for values whose simulated\n"
      "means reach the targets (Nelder-Mead simplex); write calibrated.cfg,\n"
      "calibrate.csv (the search's log), targets.csv, run.json and the scenarios as\n"
      "it started from them, resolved, to output/NAME-calibrate.\n",
      "  spcsim calibrate scenarios/validation/tandem3.cfg --target system/lead_time_mean=2.33 \\\n"
      "      --free 'stages.[1].service.mean=0.2:0.6'\n"
      "  spcsim calibrate scenarios/sears-hbr.cfg --target 'panel:corr(esat,csat)=0.32:0.05' \\\n"
      "      --target customers/csat=85 --free customers.satisfaction.w_attitude=0.05:1\n" },
    { "chain", "spcsim chain SCENARIO [--esat-delta 5%|3pt|D1,D2,...] [--lever PATH] [--decompose] [options]",
      "Raise employee satisfaction (ESAT) through a lever from the end of the warm-up\n"
      "and report what follows along the chain: CSAT, NPS, retention, revenue, growth,\n"
      "profit, with paired 95% intervals. Writes chain.csv, chain_periods.csv (with a\n"
      "list of rises chain_dose.csv), run.json, the base and each variant resolved,\n"
      "the figures and report.html to output/NAME-chain.\n",
      "  spcsim chain scenarios/sears.cfg\n"
      "  spcsim chain scenarios/sears.cfg --esat-delta 3pt --lever workforce.levers.pay\n"
      "  spcsim chain scenarios/sears.cfg --esat-delta 2.5%,5%,10% --decompose\n" },
    { "sensitivity", "spcsim sensitivity SCENARIO [--param PATH=LOW:HIGH...] [--method morris|sobol] [options]",
      "How much each setting moves the outputs: Morris elementary effects or Sobol'\n"
      "indices over the --param ranges (by default the model's assumptions over\n"
      "plausible ranges). Writes sensitivity.csv, design.csv (every point's settings),\n"
      "ranges.csv, run.json, scenario.resolved.cfg, the figures and report.html to\n"
      "output/NAME-sensitivity.\n",
      "  spcsim sensitivity scenarios/baseline.cfg\n"
      "  spcsim sensitivity scenarios/baseline.cfg --param finance.cogs=40:50 \\\n"
      "      --param 'stages.[1].servers=2:4' --method sobol --samples 32\n" },
    { "plot", "spcsim plot DIR [options]",
      "Redraw the figures and report.html from the outputs in DIR (of run, compare,\n"
      "sweep, chain or sensitivity), replacing DIR as a whole.\n",
      "  spcsim plot output/baseline\n"
      "  SPCSIM_GNUPLOT=/opt/gnuplot/bin/gnuplot spcsim plot output/baseline-compare\n" },
    { "merge", "spcsim merge PART... [-o DIR] [options]",
      "Write from the part folders of `spcsim run|compare|sweep ... --part I/N` (all N\n"
      "of them, in any order) exactly what one process writes (run.json's\n"
      "wall_seconds, jobs and command_line aside); compare, sweep and chain are run\n"
      "again from the first part's command line, each scenario's replications read\n"
      "from the parts (chain: its lever search's runs from the first part, checked\n"
      "to be every part's). Parts of another scenario, seed, --set, -r, version,\n"
      "command or number of parts, of a chain whose search went another way, a part\n"
      "given twice or a missing part are refused (exit 2).\n"
      "A sensitivity design's parts are merged by sensitivity --merge.\n",
      "  spcsim merge output/baseline-part1of3 output/baseline-part2of3 output/baseline-part3of3\n"
      "      (after spcsim run scenarios/baseline.cfg -r 12 --part 1/3, 2/3 and 3/3, e.g. a job array)\n"
      "  spcsim merge output/baseline-compare-part1of2 output/baseline-compare-part2of2 -o output/cmp\n" },
    { "serve", "spcsim serve SCENARIO [--port N] [--bind ADDR] [-r N] [-j N] [--set PATH=VALUE]... [options]",
      "A local web page for the classroom: the scenario's levers as sliders; the\n"
      "baseline runs once, and when a lever moves the variant runs against it with\n"
      "common random numbers, its weeks streamed to the page; then the chain table\n"
      "with 95% intervals. Prints the address to open; Ctrl-C stops it.\n",
      "  spcsim serve scenarios/baseline.cfg\n"
      "  spcsim serve scenarios/bottleneck.cfg --port 8080 -r 12 -j 2\n" },
};

#define NOPTIONS (sizeof options_table / sizeof options_table[0])
#define NCOMMANDS (sizeof commands_table / sizeof commands_table[0])

/* Whether the command takes the option. */
static int takes(const help_option *h, const char *command)
{
    char word[64];
    snprintf(word, sizeof word, " %s ", command);
    return strstr(h->commands, word) != NULL;
}

void cli_help(FILE *f)
{
    fputs(usage_head, f);
    fputs("Options:\n", f);
    for (size_t i = 0; i < NOPTIONS; i++)
        fputs(options_table[i].text, f);
    fputs(usage_tail, f);
}

int cli_help_command(FILE *f, const char *command)
{
    for (size_t c = 0; c < NCOMMANDS; c++) {
        const help_command *h = &commands_table[c];
        if (strcmp(h->name, command) != 0)
            continue;
        fprintf(f, "Usage: %s\n\n%s\nOptions:\n", h->usage, h->about);
        for (size_t i = 0; i < NOPTIONS; i++)
            if (takes(&options_table[i], command))
                fputs(options_table[i].text, f);
        fprintf(f, "\nExamples:\n%s\nAll commands: spcsim --help; the manual: man spcsim (docs/spcsim.1).\n",
                h->examples);
        return 0;
    }
    return -1;
}
