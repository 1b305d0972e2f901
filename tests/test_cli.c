/*
 * test_cli.c -- the spcsim program, run as a user runs it.
 *
 * The binary is $SPCSIM (make check sets it; ./spcsim otherwise), started
 * with posix_spawn, no shell, its stdout and stderr captured to files. Every
 * test works in its own mkdtemp folder under /tmp and removes it at the end.
 * Runs are kept short (--set horizon="2w").
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spcsim/version.h"
#include "spcsim/text.h"
#include "tests.h"

#define TANDEM "scenarios/validation/tandem3.cfg"
#define SHORT "horizon=\"2w\""
#define HEADER "scope,metric,mean,ci95_low,ci95_high,n,ci_warning,unit,label\n"

typedef struct {
    int code;   /* exit status; -1 when it did not exit normally */
    char *out;  /* captured stdout, never NULL */
    char *err;  /* captured stderr, never NULL */
} cli_result;

/* ---- files and folders ---- */

static char *slurp(const char *path) { return spc_text_read_file(path, NULL); }

/* dir/name into buf; fails the test when it does not fit. */
static void join(char *buf, size_t size, const char *dir, const char *name)
{
    int n = snprintf(buf, size, "%s/%s", dir, name);
    CU_ASSERT_FATAL(n >= 0 && (size_t)n < size);
}

static char *slurp_in(const char *dir, const char *name)
{
    char path[1024];
    join(path, sizeof path, dir, name);
    return slurp(path);
}

static int same_file(const char *a_dir, const char *b_dir, const char *name)
{
    char *a = slurp_in(a_dir, name), *b = slurp_in(b_dir, name);
    int same = a != NULL && b != NULL && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

/* Entries of dir other than . and ..; *hidden counts those starting with '.'.
 * Returns -1 when dir cannot be opened. */
static int count_entries(const char *dir, int *hidden)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    int n = 0;
    *hidden = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        n++;
        if (e->d_name[0] == '.')
            (*hidden)++;
    }
    closedir(d);
    return n;
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static void make_tmp(char *dir, size_t size)
{
    snprintf(dir, size, "/tmp/spcsim-cli-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
}

/* ---- running the program ---- */

/* spcsim with args (without the program name); stdout and stderr to files. */
static int spawn_wait(const char *const *args, const char *out, const char *err)
{
    return tests_wait(tests_spawn(args, NULL, out, err));
}

/* Runs spcsim with args (NULL-terminated); captures into tmp/stdout, tmp/stderr. */
static cli_result run_cli(const char *tmp, const char *const *args)
{
    char out[1024], err[1024];
    join(out, sizeof out, tmp, "stdout");
    join(err, sizeof err, tmp, "stderr");
    cli_result r = { spawn_wait(args, out, err), slurp(out), slurp(err) };
    if (r.out == NULL)
        r.out = strdup("");
    if (r.err == NULL)
        r.err = strdup("");
    CU_ASSERT_FATAL(r.out != NULL && r.err != NULL);
    return r;
}

static void cli_free(cli_result *r)
{
    free(r->out);
    free(r->err);
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* Runs and checks the exit code; on a mismatch shows what was printed. */
static cli_result expect_exit(const char *tmp, const char *const *args, int code)
{
    cli_result r = run_cli(tmp, args);
    if (r.code != code) {
        fprintf(stderr, "\n  spcsim");
        for (const char *const *a = args; *a != NULL; a++)
            fprintf(stderr, " %s", *a);
        fprintf(stderr, ": exit %d, expected %d; stderr: %s", r.code, code, r.err);
    }
    CU_ASSERT_EQUAL(r.code, code);
    return r;
}

/* A short run of tandem3 into tmp/sub; extra args (up to 9) after it. */
static cli_result run_tandem(const char *tmp, const char *sub, const char *const *extra, int code)
{
    char dir[1024];
    join(dir, sizeof dir, tmp, sub);
    const char *args[16] = { "run", TANDEM, "-o", dir, "--set", SHORT };
    size_t n = 6;
    for (size_t i = 0; extra != NULL && extra[i] != NULL && n < 15; i++)
        args[n++] = extra[i];
    args[n] = NULL;
    return expect_exit(tmp, args, code);
}

/* ---- tests ---- */

static void test_help_version(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    const char *help[] = { "--help", NULL }, *h[] = { "-h", NULL }, *version[] = { "--version", NULL };
    cli_result r = expect_exit(tmp, help, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "Usage: spcsim run SCENARIO"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "Exit codes:"));
    CU_ASSERT_STRING_EQUAL(r.err, "");
    cli_free(&r);
    r = expect_exit(tmp, h, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "Usage:"));
    cli_free(&r);
    r = expect_exit(tmp, version, 0);
    CU_ASSERT_STRING_EQUAL(r.out, "spcsim " SPC_VERSION "\n");
    CU_ASSERT_STRING_EQUAL(r.err, "");
    cli_free(&r);
    tests_remove_tree(tmp);
}

/* Exit 2, nothing on stdout, an "spcsim: " message on stderr. */
static void expect_usage(const char *tmp, const char *const *args)
{
    cli_result r = expect_exit(tmp, args, 2);
    CU_ASSERT_STRING_EQUAL(r.out, "");
    CU_ASSERT_EQUAL(strncmp(r.err, "spcsim: ", 8), 0);
    cli_free(&r);
}

static void test_usage_errors(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    const char *none[] = { NULL };
    const char *unknown_cmd[] = { "simulate", TANDEM, NULL };
    const char *unknown_opt[] = { "run", TANDEM, "--frobnicate", NULL };
    const char *bad_seed[] = { "run", TANDEM, "--seed", "abc", NULL };
    const char *neg_seed[] = { "run", TANDEM, "--seed", "-1", NULL };
    const char *no_file[] = { "run", NULL };
    const char *extra[] = { "check", TANDEM, TANDEM, NULL };
    const char *no_value[] = { "check", TANDEM, "-o", NULL };
    const char *bad_set[] = { "check", TANDEM, "--set", "noequals", NULL };
    const char *no_variant[] = { "compare", TANDEM, NULL };
    const char *no_param[] = { "sweep", TANDEM, NULL };
    const char *param_run[] = { "run", TANDEM, "--param", "arrivals.rate=1,2", NULL };
    const char *three[] = { "sweep", TANDEM, "-p", "a=1", "-p", "b=1", "-p", "c=1", NULL };
    const char *bad_reps[] = { "run", TANDEM, "-r", "0", NULL };
    const char *bad_jobs[] = { "run", TANDEM, "-j", "x", NULL };
    const char *bad_variant[] = { "compare", TANDEM, "no-such-file-and-no-equals", NULL };
    const char *bad_param[] = { "sweep", TANDEM, "--param", "noequals", NULL };
    const char *no_free[] = { "calibrate", TANDEM, "--target", "system/lead_time_mean=2", NULL };
    const char *free_run[] = { "run", TANDEM, "--free", "arrivals.rate=1:2", NULL };
    const char *bad_free[] = { "calibrate", TANDEM, "-t", "system/lead_time_mean=2", "-f", "arrivals.rate=2:1", NULL };
    const char *label_run[] = { "run", TANDEM, "--label", "x", NULL };
    const char *labels[] = { "compare", TANDEM, "stages.[0].servers=3", "--label", "a", "--label", "b",
                             "--label", "c", NULL }; /* two scenarios, three labels */
    const char *ref_run[] = { "run", TANDEM, "--reference", "1", NULL };
    const char *ref_value[] = { "sweep", TANDEM, "--param", "stages.[0].servers=2,3", "--reference", "4", NULL };
    /* options of another command, once silently ignored */
    char ign[128];
    join(ign, sizeof ign, tmp, "ignored");
    const char *window_run[] = { "run", TANDEM, "--window", "3", "-o", ign, "--set", SHORT, NULL };
    const char *metric_run[] = { "run", TANDEM, "--metric", "system/lead_time_mean", "-o", ign, "--set", SHORT, NULL };
    const char *precision_sweep[] = { "sweep", TANDEM, "--param", "stages.[0].servers=2,3", "-r", "2", "--precision",
                                      "system/lead_time_mean=0.1", "-o", ign, "--set", SHORT, NULL };
    const char *seed_plot[] = { "plot", tmp, "--seed", "3", NULL };
    const char *out_check[] = { "check", TANDEM, "-o", ign, NULL };
    const char *const *cases[] = { none, unknown_cmd, unknown_opt, bad_seed, neg_seed,
                                   no_file, extra, no_value, bad_set, no_variant, no_param,
                                   param_run, three, bad_reps, bad_jobs, bad_variant, bad_param,
                                   no_free, free_run, bad_free, label_run, labels, ref_run, ref_value,
                                   window_run, metric_run, precision_sweep, seed_plot, out_check };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_usage(tmp, cases[i]);
    /* a bad --target is named, with what is wrong */
    const char *bad_column[] = { "calibrate", TANDEM, "-t", "panel:corr(esat,nope)=0.3", "-f", "arrivals.rate=1:2", NULL };
    const char *bad_sd[] = { "calibrate", TANDEM, "-t", "system/lead_time_mean=2:0", "-f", "arrivals.rate=1:2", NULL };
    /* so is a sweep's empty value (even the last) and a setting swept twice (its labels would lie) */
    char sw[128];
    join(sw, sizeof sw, tmp, "sweep");
    const char *empty[] = { "sweep", TANDEM, "-o", sw, "--set", SHORT, "-r", "2", "--param", "stages.[0].servers=1,,2",
                            NULL };
    const char *trailing[] = { "sweep", TANDEM, "-o", sw, "--set", SHORT, "-r", "2", "--param", "stages.[0].servers=1,2,",
                               NULL };
    const char *twice[] = { "sweep", TANDEM, "-o", sw, "--set", SHORT, "-r", "2", "--param", "stages.[0].servers=1,2",
                            "--param", "stages.[0].servers=3,4", NULL };
    const char *free_twice[] = { "calibrate", TANDEM, "-o", sw, "--set", SHORT, "-r", "2", "--max-iter", "1", "-t",
                                 "system/lead_time_mean=2", "-f", "arrivals.rate=1:2", "-f", "arrivals.rate=1.5:3", NULL };
    const char *const *named[] = { bad_column, bad_sd, empty, trailing, twice, free_twice };
    const char *says[] = { "spcsim: --target panel:corr(esat,nope)=0.3: unknown panel column 'nope'",
                           "spcsim: --target system/lead_time_mean=2:0: expected VALUE, VALUE:SD",
                           "spcsim: --param stages.[0].servers=1,,2: an empty value",
                           "spcsim: --param stages.[0].servers=1,2,: an empty value",
                           "spcsim: --param stages.[0].servers is given twice",
                           "spcsim: --free arrivals.rate=1.5:3: arrivals.rate is already free" };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        cli_result r = expect_exit(tmp, named[i], 2);
        if (strstr(r.err, says[i]) == NULL)
            fprintf(stderr, "\n  stderr: %s", r.err);
        CU_ASSERT_PTR_NOT_NULL(strstr(r.err, says[i]));
        cli_free(&r);
    }
    int hidden;
    CU_ASSERT_EQUAL(count_entries(tmp, &hidden), 2); /* stdout, stderr: nothing else */
    tests_remove_tree(tmp);
}

/* chain's --esat-delta: a bad list is a usage error (exit 2, before any
 * run) that names the option; so is --esat-delta for another command. */
static void test_esat_delta_usage(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    static const char *const lists[] = { "5%,,10%", "5%,", "2.5%,5x", "0%,5%", "-5%", "5%%", "" };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        const char *args[] = { "chain", TANDEM, "--esat-delta", lists[i], NULL };
        cli_result r = expect_exit(tmp, args, 2);
        CU_ASSERT_STRING_EQUAL(r.out, "");
        CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "--esat-delta"));
        cli_free(&r);
    }
    const char *run[] = { "run", TANDEM, "--esat-delta", "2.5%,5%", NULL };
    expect_usage(tmp, run);
    tests_remove_tree(tmp);
}

/* chain with a list of rises on the small shop: chain.csv,
 * chain_periods.csv, chain_dose.csv and the report's sections, the same
 * bytes for -j 1 and -j 2. */
static void test_chain_dose_outputs(void)
{
    char tmp[64], a[1024], b[1024];
    make_tmp(tmp, sizeof tmp);
    join(a, sizeof a, tmp, "j1");
    join(b, sizeof b, tmp, "j2");
    const char *dirs[] = { a, b }, *jobs[] = { "1", "2" };
    for (int i = 0; i < 2; i++) {
        const char *args[] = { "chain", "tests/data/customers/small.cfg", "-r", "2", "-j", jobs[i], "-q", "-o", dirs[i],
                               "--set", "horizon=\"12w\"", "--set", "warmup=\"4w\"", "--esat-delta", "1%,2%", NULL };
        cli_result r = expect_exit(tmp, args, 0);
        cli_free(&r);
    }
    static const char *const files[] = { "chain.csv", "chain_periods.csv", "chain_dose.csv", "report.html" };
    for (size_t i = 0; i < 4; i++)
        CU_ASSERT(same_file(a, b, files[i]));
    char *html = slurp_in(a, "report.html"), *dose = slurp_in(a, "chain_dose.csv");
    CU_ASSERT(html != NULL && strstr(html, "id=\"chain-periods-table\"") && strstr(html, "id=\"chain-dose-table\""));
    CU_ASSERT(dose != NULL && count_lines(dose) > 1 && (count_lines(dose) - 1) % 2 == 0); /* two rises */
    free(html);
    free(dose);
    tests_remove_tree(tmp);
}

static void test_missing_scenario(void)
{
    char tmp[64], out[1024];
    make_tmp(tmp, sizeof tmp);
    join(out, sizeof out, tmp, "out");
    const char *args[] = { "run", "tests/data/no-such-scenario.cfg", "-o", out, NULL };
    cli_result r = expect_exit(tmp, args, 3);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "tests/data/no-such-scenario.cfg"));
    CU_ASSERT_FALSE(exists(out));
    cli_free(&r);
    tests_remove_tree(tmp);
}

static void test_invalid_scenario(void)
{
    char tmp[64], out[1024];
    make_tmp(tmp, sizeof tmp);
    join(out, sizeof out, tmp, "out");
    const char *run[] = { "run", "tests/data/bad/servers-zero.cfg", "-o", out, NULL };
    cli_result r = expect_exit(tmp, run, 4);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "tests/data/bad/servers-zero.cfg:9: stages.[0].servers:"));
    CU_ASSERT_STRING_EQUAL(r.out, "");
    CU_ASSERT_FALSE(exists(out));
    cli_free(&r);
    const char *check[] = { "check", "tests/data/bad/syntax-error.cfg", NULL };
    r = expect_exit(tmp, check, 4);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "tests/data/bad/syntax-error.cfg:6: syntax error"));
    cli_free(&r);
    const char *set[] = { "check", TANDEM, "--set", "stages.[0].servers=0", NULL };
    r = expect_exit(tmp, set, 4);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "spcsim: --set: stages.[0].servers:"));
    cli_free(&r);
    tests_remove_tree(tmp);
}

/* Exit 5, one line naming the folder, and tmp holds only `keep`, unchanged. */
static void expect_unwritable(const char *tmp, const char *dir, const char *keep)
{
    const char *args[] = { "run", TANDEM, "-o", dir, "--set", SHORT, NULL };
    cli_result r = expect_exit(tmp, args, 5);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, dir));
    cli_free(&r);
    char *text = slurp_in(tmp, keep);
    CU_ASSERT_PTR_NOT_NULL(text);
    CU_ASSERT(text != NULL && strcmp(text, "keep\n") == 0);
    free(text);
    int hidden;
    CU_ASSERT_EQUAL(count_entries(tmp, &hidden), 3); /* keep, stdout, stderr */
    CU_ASSERT_EQUAL(hidden, 0);
}

static void test_unwritable_output(void)
{
    char tmp[64], file[1024], dir[1024];
    make_tmp(tmp, sizeof tmp);
    join(file, sizeof file, tmp, "file");
    FILE *f = fopen(file, "w");
    CU_ASSERT(f != NULL);
    if (f != NULL) {
        fputs("keep\n", f);
        fclose(f);
    }
    /* a folder under a regular file (blocks root too), and the file itself */
    join(dir, sizeof dir, file, "sub");
    expect_unwritable(tmp, dir, "file");
    expect_unwritable(tmp, file, "file");
    tests_remove_tree(tmp);
}

/* A folder without write permission: only meaningful when not root. */
static void test_readonly_output(void)
{
    if (geteuid() == 0)
        return;
    char tmp[64], ro[1024], dir[1024];
    make_tmp(tmp, sizeof tmp);
    join(ro, sizeof ro, tmp, "ro");
    CU_ASSERT(mkdir(ro, 0555) == 0);
    join(dir, sizeof dir, ro, "out");
    const char *args[] = { "run", TANDEM, "-o", dir, "--set", SHORT, NULL };
    cli_result r = expect_exit(tmp, args, 5);
    cli_free(&r);
    const char *here[] = { "run", TANDEM, "-o", ro, "--set", SHORT, NULL };
    r = expect_exit(tmp, here, 5);
    cli_free(&r);
    int hidden;
    CU_ASSERT_EQUAL(count_entries(ro, &hidden), 0);
    tests_remove_tree(tmp);
}

/* The five outputs are there (and report.html, figures: test_plot.c), with
 * no temporary files left over. */
static void check_outputs(const char *dir)
{
    int hidden;
    CU_ASSERT(count_entries(dir, &hidden) > 5);
    CU_ASSERT_EQUAL(hidden, 0);
    char *csv = slurp_in(dir, "summary.csv"), *json = slurp_in(dir, "run.json");
    char *cfg = slurp_in(dir, "scenario.resolved.cfg"), *reps = slurp_in(dir, "replications.csv");
    CU_ASSERT(reps != NULL && strncmp(reps, "replication,seed,scope,metric,value\n", 36) == 0);
    free(reps);
    CU_ASSERT(csv != NULL && strncmp(csv, HEADER, strlen(HEADER)) == 0);
    CU_ASSERT(csv != NULL && strstr(csv, "\nsystem,lead_time_mean,") != NULL);
    CU_ASSERT(json != NULL && strstr(json, "\"name\": \"tandem3\"") != NULL);
    CU_ASSERT(cfg != NULL && strstr(cfg, "horizon = 336.0;") != NULL);
    free(csv);
    free(json);
    free(cfg);
}

/* stderr is exactly one line: the warning that some batch-means intervals
 * should not be trusted (model.md, B5). */
static int interval_warning_only(const char *err)
{
    size_t n = strlen(err);
    return strncmp(err, "spcsim: warning: ", 17) == 0 && strstr(err, "summary.csv may be too narrow") != NULL &&
           strstr(err, "(column ci_warning)") != NULL && n > 0 && strchr(err, '\n') == err + n - 1;
}

static void test_run_outputs(void)
{
    char tmp[64], dir[1024];
    make_tmp(tmp, sizeof tmp);
    cli_result r = run_tandem(tmp, "a", NULL, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "outputs in "));
    CU_ASSERT(interval_warning_only(r.err)); /* two weeks, one of them warm-up: too short */
    cli_free(&r);
    join(dir, sizeof dir, tmp, "a");
    check_outputs(dir);
    /* --quiet: the same files, nothing printed but the warning */
    const char *quiet[] = { "--quiet", NULL };
    r = run_tandem(tmp, "q", quiet, 0);
    CU_ASSERT_STRING_EQUAL(r.out, "");
    CU_ASSERT(interval_warning_only(r.err));
    cli_free(&r);
    join(dir, sizeof dir, tmp, "q");
    check_outputs(dir);
    tests_remove_tree(tmp);
}

/* (B5) reaches the user: a run of about 700 orders (tandem3, one week
 * observed) flags its correlated batch means in summary.csv's ci_warning
 * column, says so on stderr and in report.html; the same run replicated
 * (-r 2) has intervals over independent replications and no warning. */
static void test_interval_warning(void)
{
    char tmp[64], dir[1024];
    make_tmp(tmp, sizeof tmp);
    cli_result r = run_tandem(tmp, "one", NULL, 0);
    CU_ASSERT(interval_warning_only(r.err));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "still correlated ("));
    cli_free(&r);
    join(dir, sizeof dir, tmp, "one");
    char *csv = slurp_in(dir, "summary.csv");
    CU_ASSERT(csv != NULL && strstr(csv, ",correlated,") != NULL);
    CU_ASSERT(csv != NULL && strstr(csv, ",30,,") != NULL); /* an unflagged row: an empty field before the unit */
    free(csv);
    char *html = slurp_in(dir, "report.html");
    CU_ASSERT(html != NULL && strstr(html, "(not trusted: correlated)") != NULL &&
              strstr(html, "column <code>ci_warning</code>") != NULL);
    free(html);
    const char *two[] = { "-r", "2", NULL };
    r = run_tandem(tmp, "two", two, 0);
    CU_ASSERT_STRING_EQUAL(r.err, "");
    cli_free(&r);
    join(dir, sizeof dir, tmp, "two");
    csv = slurp_in(dir, "summary.csv");
    CU_ASSERT(csv != NULL && strstr(csv, ",correlated") == NULL && strstr(csv, ",few_batches") == NULL);
    free(csv);
    html = slurp_in(dir, "report.html");
    CU_ASSERT(html != NULL && strstr(html, "not trusted") == NULL && strstr(html, "ci_warning") == NULL);
    free(html);
    tests_remove_tree(tmp);
}

static void test_seeds(void)
{
    char tmp[64], a[1024], b[1024], c[1024], d[1024];
    make_tmp(tmp, sizeof tmp);
    const char *seed3[] = { "--seed", "3", NULL }, *seed4[] = { "--seed", "4", NULL };
    cli_result r = run_tandem(tmp, "a", NULL, 0);
    cli_free(&r);
    r = run_tandem(tmp, "b", NULL, 0);
    cli_free(&r);
    r = run_tandem(tmp, "c", seed4, 0);
    cli_free(&r);
    r = run_tandem(tmp, "d", seed3, 0); /* tandem3's own seed is 3 */
    cli_free(&r);
    join(a, sizeof a, tmp, "a");
    join(b, sizeof b, tmp, "b");
    join(c, sizeof c, tmp, "c");
    join(d, sizeof d, tmp, "d");
    CU_ASSERT(same_file(a, b, "summary.csv"));
    CU_ASSERT(same_file(a, b, "scenario.resolved.cfg"));
    CU_ASSERT_FALSE(same_file(a, c, "summary.csv"));
    CU_ASSERT(same_file(a, d, "summary.csv"));
    tests_remove_tree(tmp);
}

/* -r and a --set of replications: the --set wins (section 4 of the
 * reference), in a study as in run, and the resolved scenarios say what ran
 * (a compare ran -r while its resolved files said the --set). */
static void test_replications_override(void)
{
    char tmp[64], dir[1024];
    make_tmp(tmp, sizeof tmp);
    join(dir, sizeof dir, tmp, "cmp");
    const char *args[] = { "compare", TANDEM, "stages.[0].servers=2", "-o", dir, "--set", SHORT, "-q", "-r", "2",
                           "--set", "replications=3", NULL };
    cli_result r = expect_exit(tmp, args, 0);
    cli_free(&r);
    char *csv = slurp_in(dir, "compare.csv"), *cfg = slurp_in(dir, "variant-1.resolved.cfg");
    CU_ASSERT(csv != NULL && strstr(csv, ",3\n") != NULL && strstr(csv, ",2\n") == NULL); /* n, the last column */
    CU_ASSERT(cfg != NULL && strstr(cfg, "\nreplications = 3;") != NULL);
    free(csv);
    free(cfg);
    tests_remove_tree(tmp);
}

/* --precision that the cap stops short of: the run is written, exit 0, and
 * a warning says the precision was not reached (once silent, as if met). */
static void test_precision_cap(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    const char *cap[] = { "--precision", "system/lead_time_mean=1e-9", "--max-replications", "3", NULL };
    const char *easy[] = { "--precision", "system/lead_time_mean=1e9", "--max-replications", "3", NULL };
    cli_result r = run_tandem(tmp, "cap", cap, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "spcsim: warning: --precision system/lead_time_mean=1e-9: not reached after "
                                         "3 replications"));
    cli_free(&r);
    r = run_tandem(tmp, "easy", easy, 0);
    CU_ASSERT_PTR_NULL(strstr(r.err, "not reached"));
    cli_free(&r);
    tests_remove_tree(tmp);
}

static void test_resolved_reproduces(void)
{
    char tmp[64], a[1024], b[1024], cfg[1024];
    make_tmp(tmp, sizeof tmp);
    cli_result r = run_tandem(tmp, "a", NULL, 0);
    cli_free(&r);
    join(a, sizeof a, tmp, "a");
    join(b, sizeof b, tmp, "b");
    join(cfg, sizeof cfg, a, "scenario.resolved.cfg");
    const char *args[] = { "run", cfg, "-o", b, NULL };
    r = expect_exit(tmp, args, 0);
    cli_free(&r);
    CU_ASSERT(same_file(a, b, "summary.csv"));
    CU_ASSERT(same_file(a, b, "scenario.resolved.cfg"));
    tests_remove_tree(tmp);
}

/* Runs `first` (its "-o" goes to tmp/a), then its resolved file into tmp/b,
 * and asserts that each of `files` is the same in both. */
static void resolved_reproduces(const char *const *first, size_t nfirst, const char *const *files)
{
    char tmp[64], a[1024], b[1024], cfg[1024];
    make_tmp(tmp, sizeof tmp);
    join(a, sizeof a, tmp, "a");
    join(b, sizeof b, tmp, "b");
    const char *args[24];
    size_t n = 0;
    for (size_t i = 0; i < nfirst && n < 20; i++)
        args[n++] = first[i];
    args[n++] = "-o";
    args[n++] = a;
    args[n] = NULL;
    cli_result r = expect_exit(tmp, args, 0);
    cli_free(&r);
    join(cfg, sizeof cfg, a, "scenario.resolved.cfg");
    const char *again[] = { "run", cfg, "-o", b, NULL };
    r = expect_exit(tmp, again, 0);
    cli_free(&r);
    for (size_t i = 0; files[i] != NULL; i++)
        CU_ASSERT(same_file(a, b, files[i]));
    tests_remove_tree(tmp);
}

/* A workforce scenario with interventions and several replications, too:
 * its resolved file reproduces summary.csv and timeseries.csv. */
static void test_resolved_reproduces_workforce(void)
{
    const char *first[] = { "run", "scenarios/understaffed.cfg", "--set", "horizon=\"30w\"", "-r", "2" };
    const char *files[] = { "summary.csv", "timeseries.csv", "replications.csv", NULL };
    resolved_reproduces(first, sizeof first / sizeof first[0], files);
}

/* A company with customers, a ledger and units: its resolved file
 * reproduces summary.csv, timeseries.csv and panel.csv. */
static void test_resolved_reproduces_company(void)
{
    const char *first[] = { "run", "tests/data/customers/small.cfg", "--set", "horizon=\"12w\"", "--set",
                            "units.count=3", "--set", "units.management_sd=2.0", "-r", "2" };
    const char *files[] = { "summary.csv", "timeseries.csv", "panel.csv", "scenario.resolved.cfg", NULL };
    resolved_reproduces(first, sizeof first / sizeof first[0], files);
}

static void test_check(void)
{
    char tmp[64], out[1024];
    make_tmp(tmp, sizeof tmp);
    const char *args[] = { "check", TANDEM, "--set", SHORT, NULL };
    cli_result r = expect_exit(tmp, args, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "name = \"tandem3\";\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "horizon = 336.0;\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "# valid."));
    CU_ASSERT_STRING_EQUAL(r.err, "");
    cli_free(&r);
    /* what check prints is itself a scenario */
    join(out, sizeof out, tmp, "stdout");
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(out, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL(sc);
    CU_ASSERT(sc != NULL && sc->horizon == 336.0 && sc->nstages == 3);
    spc_scenario_free(sc);
    int hidden;
    CU_ASSERT_EQUAL(count_entries(tmp, &hidden), 2); /* check writes no outputs */
    tests_remove_tree(tmp);
}

/* Copies dir/name to to_dir/name; returns 0 or -1. */
static int copy_file(const char *dir, const char *to_dir, const char *name)
{
    char *text = slurp_in(dir, name), path[1024];
    join(path, sizeof path, to_dir, name);
    FILE *f = text != NULL ? fopen(path, "w") : NULL;
    int ok = f != NULL && fputs(text, f) >= 0;
    if (f != NULL && fclose(f) != 0)
        ok = 0;
    free(text);
    return ok ? 0 : -1;
}

/* check's product is its stdout: when that cannot be written, exit 5. */
static void test_stdout_full(void)
{
    if (access("/dev/full", W_OK) != 0)
        return;
    char tmp[64], err[1024];
    make_tmp(tmp, sizeof tmp);
    join(err, sizeof err, tmp, "stderr");
    const char *argv[] = { "check", TANDEM, NULL };
    CU_ASSERT_EQUAL(spawn_wait(argv, "/dev/full", err), 5);
    char *text = slurp(err);
    CU_ASSERT(text != NULL && count_lines(text) == 1 && strstr(text, "standard output") != NULL);
    free(text);
    tests_remove_tree(tmp);
}

/* A run that fails leaves the outputs of the last good run as they were. */
static void test_failed_run_keeps_outputs(void)
{
    char tmp[64], a[1024], keep[1024];
    make_tmp(tmp, sizeof tmp);
    cli_result r = run_tandem(tmp, "a", NULL, 0);
    cli_free(&r);
    join(a, sizeof a, tmp, "a");
    join(keep, sizeof keep, tmp, "keep");
    CU_ASSERT(mkdir(keep, 0700) == 0);
    const char *names[] = { "summary.csv", "run.json", "scenario.resolved.cfg" };
    for (size_t i = 0; i < 3; i++)
        CU_ASSERT(copy_file(a, keep, names[i]) == 0);
    const char *bad[] = { "--set", "stages.[0].servers=0", NULL };
    r = run_tandem(tmp, "a", bad, 4);
    cli_free(&r);
    const char *args[] = { "run", "tests/data/no-such-scenario.cfg", "-o", a, NULL };
    r = expect_exit(tmp, args, 3);
    cli_free(&r);
    for (size_t i = 0; i < 3; i++)
        CU_ASSERT(same_file(a, keep, names[i]));
    check_outputs(a);
    tests_remove_tree(tmp);
}

/* ---- --trace ---- */

#define TRACE_HEAD "# spcsim trace of tandem3, seed 3, replication 0; time in h\n"

/* --trace: the same outputs as without it; replication 0's trace, the same
 * for any -r and -j. */
static void test_trace_outputs(void)
{
    char tmp[64], a[1024], b[1024], c[1024], d[1024], t1[1024], t2[1024], t3[1024];
    make_tmp(tmp, sizeof tmp);
    join(t1, sizeof t1, tmp, "t1.log");
    join(t2, sizeof t2, tmp, "t2.log");
    join(t3, sizeof t3, tmp, "t3.log");
    const char *traced[] = { "--trace", t1, NULL };
    cli_result r = run_tandem(tmp, "a", traced, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "trace of replication 0 in "));
    cli_free(&r);
    r = run_tandem(tmp, "b", NULL, 0);
    cli_free(&r);
    join(a, sizeof a, tmp, "a");
    join(b, sizeof b, tmp, "b");
    CU_ASSERT(same_file(a, b, "summary.csv"));
    CU_ASSERT(same_file(a, b, "timeseries.csv"));
    CU_ASSERT(same_file(a, b, "replications.csv"));
    char *text = slurp(t1);
    CU_ASSERT(text != NULL && strncmp(text, TRACE_HEAD, strlen(TRACE_HEAD)) == 0);
    CU_ASSERT(text != NULL && count_lines(text) > 1000);
    free(text);
    const char *j1[] = { "-r", "2", "-j", "1", "--trace", t2, NULL }, *j2[] = { "-r", "2", "-j", "2", "--trace", t3, NULL };
    r = run_tandem(tmp, "c", j1, 0);
    cli_free(&r);
    r = run_tandem(tmp, "d", j2, 0);
    cli_free(&r);
    join(c, sizeof c, tmp, "c");
    join(d, sizeof d, tmp, "d");
    CU_ASSERT(same_file(c, d, "summary.csv"));
    char *x = slurp(t1), *y = slurp(t2), *z = slurp(t3);
    CU_ASSERT(x != NULL && y != NULL && z != NULL && strcmp(x, y) == 0 && strcmp(y, z) == 0);
    free(x);
    free(y);
    free(z);
    tests_remove_tree(tmp);
}

/* --trace-events and --trace-window through the command line. */
static void test_trace_filter(void)
{
    char tmp[64], t[1024];
    make_tmp(tmp, sizeof tmp);
    join(t, sizeof t, tmp, "t.log");
    const char *args[] = { "--trace", t, "--trace-events", "report,end", "--trace-window", "1w:14d", NULL };
    cli_result r = run_tandem(tmp, "a", args, 0);
    cli_free(&r);
    char *text = slurp(t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "# kinds: report end\n# window: 168.0000 to 336.0000 h\n"));
    int lines = 0;
    for (char *p = text; *p != '\0'; p = strchr(p, '\n') + 1) {
        if (*p == '#')
            continue;
        double time;
        char kind[32];
        CU_ASSERT_FATAL(sscanf(p, "%lf %31s", &time, kind) == 2);
        CU_ASSERT(strcmp(kind, "report") == 0 || strcmp(kind, "end") == 0);
        CU_ASSERT(time >= 168.0 && time <= 336.0);
        lines++;
    }
    CU_ASSERT(lines >= 2); /* at least the report at 2w and the end */
    free(text);
    tests_remove_tree(tmp);
}

static void test_trace_errors(void)
{
    char tmp[64], t[1024], file[1024], under[1024], out[1024], bad_out[1024];
    make_tmp(tmp, sizeof tmp);
    join(t, sizeof t, tmp, "t.log");
    join(out, sizeof out, tmp, "out");
    /* usage: exit 2, nothing written */
    const char *kind[] = { "run", TANDEM, "-o", out, "--trace", t, "--trace-events", "arrival,nope", NULL };
    cli_result r = expect_exit(tmp, kind, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "unknown event kind 'nope' (known kinds: arrival, queue, "));
    cli_free(&r);
    const char *w1[] = { "run", TANDEM, "-o", out, "--trace", t, "--trace-window", "3w:1w", NULL };
    const char *w2[] = { "run", TANDEM, "-o", out, "--trace", t, "--trace-window", "soon", NULL };
    const char *alone[] = { "run", TANDEM, "-o", out, "--trace-events", "arrival", NULL };
    const char *check[] = { "check", TANDEM, "--trace", t, NULL };
    const char *const *usage[] = { w1, w2, alone, check };
    for (size_t i = 0; i < 4; i++)
        expect_usage(tmp, usage[i]);
    CU_ASSERT_FALSE(exists(t));
    CU_ASSERT_FALSE(exists(out));
    /* an unwritable trace file: exit 5, one line naming it, nothing written */
    join(file, sizeof file, tmp, "file");
    FILE *f = fopen(file, "w");
    CU_ASSERT_FATAL(f != NULL);
    fclose(f);
    join(under, sizeof under, file, "t.log");
    const char *unwritable[] = { "run", TANDEM, "-o", out, "--set", SHORT, "--trace", under, NULL };
    r = expect_exit(tmp, unwritable, 5);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, under));
    cli_free(&r);
    const char *folder[] = { "run", TANDEM, "-o", out, "--set", SHORT, "--trace", tmp, NULL };
    r = expect_exit(tmp, folder, 5);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "names a folder"));
    cli_free(&r);
    CU_ASSERT_FALSE(exists(out));
    /* the other outputs unwritable: no trace either, no temporary file left */
    join(bad_out, sizeof bad_out, file, "out");
    const char *no_out[] = { "run", TANDEM, "-o", bad_out, "--set", SHORT, "--trace", t, NULL };
    r = expect_exit(tmp, no_out, 5);
    cli_free(&r);
    CU_ASSERT_FALSE(exists(t));
    int hidden;
    CU_ASSERT_EQUAL(count_entries(tmp, &hidden), 3); /* file, stdout, stderr */
    CU_ASSERT_EQUAL(hidden, 0);
    tests_remove_tree(tmp);
}

/* ---- bounded resources: tests/data/bad/cost ---- */

/* "# expect-exit: N" and "# expect: TEXT" of a fixture's leading comments. */
static int fixture_expectation(const char *path, char *expect, size_t size)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    int code = -1;
    expect[0] = '\0';
    while (f != NULL && fgets(line, sizeof line, f) != NULL && line[0] == '#') {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "# expect-exit: ", 15) == 0)
            code = atoi(line + 15);
        else if (strncmp(line, "# expect: ", 10) == 0)
            snprintf(expect, size, "%s", line + 10);
    }
    if (f != NULL)
        fclose(f);
    return code;
}

/* A run that would exceed the documented limits is refused (exit 4, one
 * line naming the setting) before its output folder exists; --force lifts
 * every limit but the clock's, and is accepted by every command. */
static void test_cost_limits(void)
{
    static const char *const fixtures[] = { "period-1s.cfg", "events.cfg", "memory.cfg", "clock.cfg" };
    char tmp[64], out[1024];
    make_tmp(tmp, sizeof tmp);
    join(out, sizeof out, tmp, "out");
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        char path[256], expect[1024];
        snprintf(path, sizeof path, "tests/data/bad/cost/%s", fixtures[i]);
        int code = fixture_expectation(path, expect, sizeof expect);
        CU_ASSERT(code > 0 && expect[0] != '\0');
        const char *run[] = { "run", path, "-o", out, NULL };
        cli_result r = expect_exit(tmp, run, code);
        if (strstr(r.err, expect) == NULL)
            fprintf(stderr, "\n  %s: expected \"%s\", got %s", path, expect, r.err);
        CU_ASSERT_PTR_NOT_NULL(strstr(r.err, expect));
        CU_ASSERT_EQUAL(count_lines(r.err), 1);
        CU_ASSERT_FALSE(exists(out));
        cli_free(&r);
    }
    const char *sweep[] = { "sweep", "tests/data/bad/cost/period-1s.cfg", "--param", "stages.[0].servers=1,2",
                            "-o", out, NULL };
    cli_result r = expect_exit(tmp, sweep, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "statistics.period: the run would write"));
    CU_ASSERT_FALSE(exists(out));
    cli_free(&r);
    const char *forced_clock[] = { "run", "tests/data/bad/cost/clock.cfg", "--force", "-o", out, NULL };
    r = expect_exit(tmp, forced_clock, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "--force does not help"));
    CU_ASSERT_FALSE(exists(out));
    cli_free(&r);
    const char *force[] = { "--force", "-q", NULL };
    r = run_tandem(tmp, "forced", force, 0);
    cli_free(&r);
    tests_remove_tree(tmp);
}

/* plot refuses what spcsim did not write: a run.json number out of range
 * (it was cast to unsigned: undefined), CSV files with other headers. */
static void test_plot_bad_folder(void)
{
    char tmp[64], dir[1024], path[1100];
    make_tmp(tmp, sizeof tmp);
    const char *quiet[] = { "-q", NULL };
    cli_result r = run_tandem(tmp, "run", quiet, 0);
    cli_free(&r);
    join(dir, sizeof dir, tmp, "run");
    char *json = slurp_in(dir, "run.json");
    CU_ASSERT_PTR_NOT_NULL_FATAL(json);
    char *reps = strstr(json, "\"replications\": ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(reps);
    snprintf(path, sizeof path, "%s/run.json", dir);
    FILE *f = fopen(path, "w");
    CU_ASSERT_FATAL(f != NULL);
    fprintf(f, "%.*s\"replications\": 1e10,%s", (int)(reps - json), json, strchr(reps, '\n'));
    fclose(f);
    free(json);
    const char *plot[] = { "plot", dir, NULL };
    r = expect_exit(tmp, plot, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "run.json: replications: must be a whole number from 1 to 1e+06 (got 1e+10)"));
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    cli_free(&r);
    join(dir, sizeof dir, tmp, "garbage");
    CU_ASSERT_EQUAL_FATAL(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/summary.csv", dir);
    f = fopen(path, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("\x01\x02garbage,,\n1,2,3\n", f);
    fclose(f);
    const char *plot2[] = { "plot", dir, NULL };
    r = expect_exit(tmp, plot2, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "summary.csv:1: not an spcsim summary.csv"));
    cli_free(&r);
    tests_remove_tree(tmp);
}

/* A bad value of --param is reported as --param's, not as a --set. */
static void test_param_label(void)
{
    char tmp[64], out[1024];
    make_tmp(tmp, sizeof tmp);
    join(out, sizeof out, tmp, "out");
    const char *sweep[] = { "sweep", TANDEM, "--set", SHORT, "--param", "arrivals.rate=1,abc", "-o", out, "-q", NULL };
    cli_result r = expect_exit(tmp, sweep, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "spcsim: --param: arrivals.rate: must be a rate"));
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    cli_free(&r);
    tests_remove_tree(tmp);
}

/* calibrate with a panel target and a summary target (each with an SD
 * wide enough to be met at once): exit 0, each target printed with its
 * SD and verdict, targets.csv written beside calibrated.cfg. */
static void test_calibrate_targets(void)
{
    char tmp[64], out[1024];
    make_tmp(tmp, sizeof tmp);
    join(out, sizeof out, tmp, "out");
    const char *args[] = { "calibrate", "tests/data/calibrate/company.cfg", "-r", "2", "-j", "2", "-o", out,
                           "-t", "panel:mean(esat)=60:50", "-t", "company/satisfaction_mean=62\xc2\xb1" "40",
                           "-f", "units.management_sd=1:12", NULL };
    cli_result r = expect_exit(tmp, args, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "targets met after"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "  panel:mean(esat): target 60 (sd 50), simulated "));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "  company/satisfaction_mean: target 62 (sd 40), simulated "));
    char *csv = slurp_in(out, "targets.csv");
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_EQUAL(strncmp(csv, "target,value,sd,mean,ci95_low,ci95_high,met\npanel:mean(esat),60,50,", 67), 0);
    CU_ASSERT_EQUAL(count_lines(csv), 3);
    free(csv);
    cli_free(&r);
    tests_remove_tree(tmp);
}

/* run --employees: employees.csv has a row per employee and year with the
 * documented columns, and the run is the same with and without it (the log
 * only reads the model); --employees is refused outside run. */
static void test_employees_output(void)
{
    char tmp[64], a[1024], b[1024];
    make_tmp(tmp, sizeof tmp);
    join(a, sizeof a, tmp, "with");
    join(b, sizeof b, tmp, "without");
    const char *with[] = { "run", "tests/data/workforce/links.cfg", "-o", a, "-q", "--set", "horizon=\"70w\"",
                           "--employees", NULL };
    const char *without[] = { "run", "tests/data/workforce/links.cfg", "-o", b, "-q", "--set", "horizon=\"70w\"",
                              NULL };
    cli_result r = expect_exit(tmp, with, 0);
    cli_free(&r);
    r = expect_exit(tmp, without, 0);
    cli_free(&r);
    char *csv = slurp_in(a, "employees.csv");
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    const char *head = "replication,unit,stage,id,year,tenure,s_start,s_mean,exposure,quit,other,cohort\n";
    CU_ASSERT_EQUAL(strncmp(csv, head, strlen(head)), 0);
    CU_ASSERT(count_lines(csv) > 200);               /* 200 positions, one complete year */
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",1,0,1\n")); /* someone quit in a cohort year */
    char *sa = slurp_in(a, "summary.csv"), *sb = slurp_in(b, "summary.csv");
    CU_ASSERT_FATAL(sa != NULL && sb != NULL);
    CU_ASSERT_STRING_EQUAL(sa, sb);
    char *no = slurp_in(b, "employees.csv");
    CU_ASSERT_PTR_NULL(no);
    free(no);
    free(sa);
    free(sb);
    free(csv);
    const char *bad[] = { "check", "tests/data/workforce/links.cfg", "--employees", NULL };
    r = expect_exit(tmp, bad, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "--employees is only for run"));
    cli_free(&r);
    tests_remove_tree(tmp);
}

/* The long options of a command's help ("--output --seed ..."), in the
 * order printed: lines "  -x, --name" or "      --name" under "Options:". */
static void help_options(const char *help, char *out, size_t size)
{
    const char *s = strstr(help, "\nOptions:\n"), *end = strstr(help, "\nExamples:\n");
    *out = '\0';
    for (s = s ? strchr(s + 1, '\n') : NULL; s != NULL && s < end; s = strchr(s + 1, '\n')) {
        const char *line = s + 1; /* "  -o, --output DIR" or "      --lever PATH": the name at 6 */
        if (strlen(line) < 8 || strncmp(line, "  ", 2) != 0 || strncmp(line + 6, "--", 2) != 0)
            continue;
        size_t n = strcspn(line + 6, " \n");
        snprintf(out + strlen(out), size - strlen(out), "%s%.*s", *out ? " " : "", (int)n, line + 6);
    }
}

/* The long options the man page lists for a command: its "Options:" line
 * in COMMANDS, \fB\-\-name\fP each, in that order. */
static void man_options(const char *man, const char *command, char *out, size_t size)
{
    char head[64];
    *out = '\0';
    const char *s = strstr(man, "\n.SH COMMANDS\n");
    snprintf(head, sizeof head, "\n.TP\n.BI %s ", command);
    const char *at = s ? strstr(s, head) : NULL;
    if (at == NULL) {
        snprintf(head, sizeof head, "\n.TP\n.BR %s ", command);
        at = s ? strstr(s, head) : NULL;
    }
    const char *line = at ? strstr(at, "\nOptions: ") : NULL, *eol = line ? strchr(line + 1, '\n') : NULL;
    for (const char *t = line; t != NULL && (t = strstr(t, "\\fB\\-\\-")) != NULL && t < eol; t += 7) {
        snprintf(out + strlen(out), size - strlen(out), "%s--", *out ? " " : "");
        for (const char *c = t + 7; *c && strncmp(c, "\\fP", 3) != 0 && strlen(out) + 1 < size; c++)
            if (strncmp(c, "\\-", 2) != 0) /* \- is a hyphen */
                strncat(out, c, 1);
    }
}

/* spcsim COMMAND --help: that command's usage, options (those the man page
 * lists for it, no more, no fewer) and examples; spcsim help COMMAND the
 * same; an unknown command exits 2. */
static void test_command_help(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    char *man = slurp("docs/spcsim.1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(man);
    static const char *const commands[] = { "run", "check", "settings", "compare", "sweep", "warmup",
                                            "calibrate", "chain", "sensitivity", "plot", "serve", "merge" };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        const char *args[] = { commands[i], "--help", NULL }, *help[] = { "help", commands[i], NULL };
        cli_result r = expect_exit(tmp, args, 0), h = expect_exit(tmp, help, 0);
        char usage[64], example[64], from_help[1024], from_man[1024];
        snprintf(usage, sizeof usage, "Usage: spcsim %s", commands[i]);
        snprintf(example, sizeof example, "\nExamples:\n  spcsim %s", commands[i]);
        CU_ASSERT_EQUAL(strncmp(r.out, usage, strlen(usage)), 0);
        CU_ASSERT_PTR_NOT_NULL(strstr(r.out, example));
        CU_ASSERT_PTR_NULL(strstr(r.out, "%%"));
        CU_ASSERT_STRING_EQUAL(r.out, h.out);
        help_options(r.out, from_help, sizeof from_help);
        man_options(man, commands[i], from_man, sizeof from_man);
        if (strcmp(from_help, from_man) != 0)
            fprintf(stderr, "\n  %s: --help lists \"%s\", the man page \"%s\"", commands[i], from_help, from_man);
        CU_ASSERT(*from_help != '\0' && strcmp(from_help, from_man) == 0);
        cli_free(&r);
        cli_free(&h);
    }
    const char *chain[] = { "chain", "--help", NULL }, *nope[] = { "help", "nope", NULL };
    cli_result r = expect_exit(tmp, chain, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "relative (5%, the default)"));
    CU_ASSERT_PTR_NULL(strstr(r.out, "--trace"));
    cli_free(&r);
    r = expect_exit(tmp, nope, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "no help for 'nope'"));
    cli_free(&r);
    /* an unknown or missing command, or help for one: the message lists every command */
    const char *unknown[] = { "simulate", NULL }, *missing[] = { "-q", NULL };
    const char *const *asked[] = { nope, unknown, missing };
    for (size_t k = 0; k < 3; k++) {
        r = expect_exit(tmp, asked[k], 2);
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (strstr(r.err, commands[i]) == NULL) {
                fprintf(stderr, "\n  '%s' not listed in: %s", commands[i], r.err);
                CU_FAIL("a command left out");
            }
        cli_free(&r);
    }
    free(man);
    tests_remove_tree(tmp);
}

static const CU_TestInfo tests[] = {
    { "--help and --version", test_help_version },
    { "-r and --set replications: the --set wins in a study too, as its resolved files say", test_replications_override },
    { "--precision stopped by its cap says so", test_precision_cap },
    { "COMMAND --help and help COMMAND: usage, the man page's options, examples", test_command_help },
    { "run --employees writes employees.csv and changes nothing else", test_employees_output },
    { "a short run warns that its intervals may be too narrow", test_interval_warning },
    { "bad usage exits 2", test_usage_errors },
    { "chain: a bad --esat-delta list exits 2 naming the option", test_esat_delta_usage },
    { "chain with a list of rises: its files and report, the same for -j 1 and 2", test_chain_dose_outputs },
    { "missing scenario exits 3", test_missing_scenario },
    { "invalid scenario exits 4, one line", test_invalid_scenario },
    { "unwritable output exits 5, writes nothing", test_unwritable_output },
    { "read-only output folder exits 5", test_readonly_output },
    { "run writes its outputs", test_run_outputs },
    { "same seed same results, other seed other", test_seeds },
    { "resolved scenario reproduces the run", test_resolved_reproduces },
    { "resolved workforce scenario reproduces the run", test_resolved_reproduces_workforce },
    { "resolved company scenario (customers, ledger, units) reproduces the run", test_resolved_reproduces_company },
    { "check prints the resolved scenario", test_check },
    { "failed run keeps the previous outputs", test_failed_run_keeps_outputs },
    { "check to a full stdout exits 5", test_stdout_full },
    { "--trace: same outputs, same trace for any -r and -j", test_trace_outputs },
    { "--trace-events and --trace-window", test_trace_filter },
    { "--trace errors: bad kind or window exit 2, unwritable exits 5", test_trace_errors },
    { "runs beyond the cost limits exit 4 unless --force", test_cost_limits },
    { "plot refuses a bad run.json number and foreign CSV files (exit 4)", test_plot_bad_folder },
    { "a bad --param value is labelled --param", test_param_label },
    { "calibrate: panel and summary targets, targets.csv", test_calibrate_targets },
    CU_TEST_INFO_NULL,
};

int tests_cli(void)
{
    return tests_add_suite("cli", tests);
}
