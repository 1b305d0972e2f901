/*
 * test_plot.c -- figures and report.html, through the program: a run
 * writes the gnuplot scripts, the SVG figures (when gnuplot is there; PNG
 * too with --formats) and a self-contained report.html; without gnuplot
 * (SPCSIM_GNUPLOT=/nonexistent) it still succeeds with one warning and the
 * scripts; `spcsim plot DIR` redraws the same figures and fails with one
 * line on a folder without outputs, and draws a `chain` folder's report
 * and forest plot from a chain.csv written by hand (tests/data/chain/).
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

#include "spcsim/csvtable.h"
#include "spcsim/text.h"
#include "tests.h"

extern char **environ;


static char *slurp(const char *dir, const char *name, size_t *len)
{
    char path[2400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return spc_text_read_file(path, len);
}

static int exists_in(const char *dir, const char *name)
{
    char path[2400];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &st) == 0 && st.st_size > 0;
}

static int same(const char *a_dir, const char *b_dir, const char *name)
{
    size_t na, nb;
    char *a = slurp(a_dir, name, &na), *b = slurp(b_dir, name, &nb);
    int eq = a != NULL && b != NULL && na == nb && memcmp(a, b, na) == 0;
    free(a);
    free(b);
    return eq;
}

/* Runs spcsim (args NULL-terminated) with `env` added to the environment
 * (NULL: none; an inherited SPCSIM_GNUPLOT is dropped either way); stderr
 * into tmp/stderr. Returns the exit status. */
static int spcsim(const char *tmp, const char *env, const char *const *args)
{
    const char *envs[] = { env != NULL ? env : "SPCSIM_GNUPLOT", NULL };
    char err[2400];
    snprintf(err, sizeof err, "%s/stderr", tmp);
    return tests_wait(tests_spawn(args, envs, NULL, err));
}

static int stderr_lines(const char *tmp)
{
    char *text = slurp(tmp, "stderr", NULL);
    int n = 0;
    for (const char *s = text; s != NULL && *s; s++)
        n += *s == '\n';
    free(text);
    return n;
}

static int have_gnuplot(void)
{
    return access("/usr/bin/gnuplot", X_OK) == 0 || access("/usr/local/bin/gnuplot", X_OK) == 0;
}

static const char *const figures[] = { "stages", "timeseries-system", "timeseries-company", "timeseries-stages" };
#define NFIG (sizeof figures / sizeof figures[0])

static void make_tmp(char *dir, size_t size)
{
    snprintf(dir, size, "/tmp/spcsim-plot-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
}

/* A short workforce run (it has every kind of run figure) into tmp/sub. */
static int run_into(const char *tmp, const char *sub, const char *env, char *dir, size_t size)
{
    snprintf(dir, size, "%s/%s", tmp, sub);
    const char *args[] = { "run", "scenarios/understaffed.cfg", "--set", "horizon=\"12w\"", "-r", "2", "-q", "-o", dir, NULL };
    return spcsim(tmp, env, args);
}

/* report.html is one page: no address outside it, the scenario named. */
static void check_report(const char *dir, const char *name, int with_figures)
{
    char *html = slurp(dir, "report.html", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    CU_ASSERT_PTR_NULL(strstr(html, "http://"));
    CU_ASSERT_PTR_NULL(strstr(html, "https://"));
    CU_ASSERT_PTR_NULL(strstr(html, "src=\"file"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, name));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<table id=\"headline\">"));
    CU_ASSERT_EQUAL(strstr(html, "src=\"data:image/svg+xml;base64,") != NULL, with_figures);
    free(html);
}

/* The datablock `$NAME << EOD` of script gp is column of the rows of scope
 * in dir's timeseries.csv, time in weeks (understaffed counts hours), as
 * gnuplot's `with table` wrote them (%g), rows with an empty field left out. */
static void check_block(const char *gp, const char *name, const char *dir, const char *scope, const char *column)
{
    char head[64], path[1200], line[128];
    snprintf(head, sizeof head, "$%s << EOD\n", name);
    snprintf(path, sizeof path, "%s/timeseries.csv", dir);
    const char *at = gp ? strstr(gp, head) : NULL;
    spc_csvtable t;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    CU_ASSERT_EQUAL_FATAL(spc_csvtable_load(&t, path, &err), SPC_OK);
    at += strlen(head);
    int sc = spc_csvtable_column(&t, "scope"), tc = spc_csvtable_column(&t, "time"), c = spc_csvtable_column(&t, column);
    size_t rows = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        if (strcmp(spc_csvtable_get(&t, r, sc), scope) != 0 || *spc_csvtable_get(&t, r, c) == '\0')
            continue;
        snprintf(line, sizeof line, "%g %g\n", spc_csvtable_num(&t, r, tc) / 168.0, spc_csvtable_num(&t, r, c));
        CU_ASSERT_EQUAL(strncmp(at, line, strlen(line)), 0);
        at += strlen(line);
        rows++;
    }
    CU_ASSERT(rows > 0);
    CU_ASSERT_EQUAL(strncmp(at, "EOD\n", 4), 0);
    spc_csvtable_free(&t);
}

/* distributions.gp's first datablock: each replication of the first
 * measure (understaffed: company/satisfaction_mean) at 0.3 * ((r % 7) / 3
 * - 1) beside its value in replications.csv, as %g. */
static void check_dist_block(const char *dir, int replications)
{
    char path[1200], line[128], *gp = slurp(dir, "distributions.gp", NULL);
    const char *at = gp ? strstr(gp, "$d0_0 << EOD\n") : NULL;
    spc_csvtable t;
    spc_error err;
    spc_error_clear(&err);
    snprintf(path, sizeof path, "%s/replications.csv", dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    CU_ASSERT_EQUAL_FATAL(spc_csvtable_load(&t, path, &err), SPC_OK);
    at += strlen("$d0_0 << EOD\n");
    int sc = spc_csvtable_column(&t, "scope"), mc = spc_csvtable_column(&t, "metric");
    int rc = spc_csvtable_column(&t, "replication"), vc = spc_csvtable_column(&t, "value"), rows = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        if (strcmp(spc_csvtable_get(&t, r, sc), "company") != 0 ||
            strcmp(spc_csvtable_get(&t, r, mc), "satisfaction_mean") != 0)
            continue;
        long rep = atol(spc_csvtable_get(&t, r, rc));
        snprintf(line, sizeof line, "%g %g\n", 0.3 * ((double)(rep % 7) / 3.0 - 1), spc_csvtable_num(&t, r, vc));
        CU_ASSERT_EQUAL(strncmp(at, line, strlen(line)), 0);
        at += strlen(line);
        rows++;
    }
    CU_ASSERT_EQUAL(rows, replications);
    CU_ASSERT_EQUAL(strncmp(at, "EOD\n", 4), 0);
    spc_csvtable_free(&t);
    free(gp);
}

static void test_run_figures(void)
{
    char tmp[64], dir[1024], name[128];
    make_tmp(tmp, sizeof tmp);
    CU_ASSERT_EQUAL(run_into(tmp, "a", NULL, dir, sizeof dir), 0);
    CU_ASSERT_EQUAL(stderr_lines(tmp), 0);
    for (size_t i = 0; i < NFIG; i++) {
        snprintf(name, sizeof name, "%s.gp", figures[i]);
        CU_ASSERT(exists_in(dir, name));
        snprintf(name, sizeof name, "%s.png", figures[i]);
        CU_ASSERT_FALSE(exists_in(dir, name)); /* PNG only when asked (--formats) */
        snprintf(name, sizeof name, "%s.svg", figures[i]);
        CU_ASSERT(exists_in(dir, name) == have_gnuplot());
    }
    char *gp = slurp(dir, "timeseries-company.gp", NULL);
    CU_ASSERT(gp != NULL && strstr(gp, "from timeseries.csv") != NULL && strstr(gp, "filledcurves") != NULL);
    check_block(gp, "m1", dir, "company", "satisfaction"); /* the first panel's mean */
    free(gp);
    check_dist_block(dir, 2);
    check_report(dir, "understaffed", have_gnuplot());
    tests_remove_tree(tmp);
}

/* One replication has no intervals: the story figure (understaffed has an
 * intervention at week 26) is drawn without bands, and gnuplot is quiet. */
static void test_story_one_replication(void)
{
    char tmp[64], dir[1024];
    make_tmp(tmp, sizeof tmp);
    snprintf(dir, sizeof dir, "%s/one", tmp);
    const char *args[] = { "run", "scenarios/understaffed.cfg", "--set", "horizon=\"30w\"", "-r", "1", "-q", "-o", dir, NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, args), 0);
    CU_ASSERT(exists_in(dir, "story.gp"));
    CU_ASSERT(exists_in(dir, "story.svg") == have_gnuplot());
    char *errs = slurp(tmp, "stderr", NULL);
    CU_ASSERT(errs == NULL || strstr(errs, "gnuplot") == NULL);
    free(errs);
    tests_remove_tree(tmp);
}

static void test_missing_gnuplot(void)
{
    char tmp[64], dir[1024], name[128];
    make_tmp(tmp, sizeof tmp);
    CU_ASSERT_EQUAL(run_into(tmp, "a", "SPCSIM_GNUPLOT=/nonexistent/gnuplot", dir, sizeof dir), 0);
    CU_ASSERT_EQUAL(stderr_lines(tmp), 1);
    char *err = slurp(tmp, "stderr", NULL);
    CU_ASSERT(err != NULL && strstr(err, "gnuplot") != NULL && strstr(err, "apt-get install gnuplot-nox") != NULL);
    free(err);
    CU_ASSERT(exists_in(dir, "summary.csv"));
    for (size_t i = 0; i < NFIG; i++) {
        snprintf(name, sizeof name, "%s.gp", figures[i]);
        CU_ASSERT(exists_in(dir, name));
        snprintf(name, sizeof name, "%s.png", figures[i]);
        CU_ASSERT_FALSE(exists_in(dir, name));
        snprintf(name, sizeof name, "%s.svg", figures[i]);
        CU_ASSERT_FALSE(exists_in(dir, name));
    }
    check_report(dir, "understaffed", 0);
    tests_remove_tree(tmp);
}

/* A gnuplot that fails: the run succeeds, warns once, the CSVs are intact. */
static void test_failing_gnuplot(void)
{
    char tmp[64], dir[1024];
    make_tmp(tmp, sizeof tmp);
    CU_ASSERT_EQUAL(run_into(tmp, "a", "SPCSIM_GNUPLOT=/bin/false", dir, sizeof dir), 0);
    CU_ASSERT_EQUAL(stderr_lines(tmp), 1);
    CU_ASSERT(exists_in(dir, "summary.csv") && exists_in(dir, "timeseries.csv") && exists_in(dir, "run.json"));
    CU_ASSERT_FALSE(exists_in(dir, "stages.png"));
    check_report(dir, "understaffed", 0);
    tests_remove_tree(tmp);
}

/* A gnuplot that complains about every script (an unknown command before
 * it) but exits only at the end of its input: spcsim takes its answer,
 * not its exit, so the figures are removed and one warning names the
 * first script with gnuplot's complaint; the run succeeds. */
static void test_complaining_gnuplot(void)
{
    if (!have_gnuplot())
        return;
    char tmp[64], dir[1024], fake[1024], env[1100];
    make_tmp(tmp, sizeof tmp);
    snprintf(fake, sizeof fake, "%s/complaining-gnuplot", tmp);
    FILE *f = fopen(fake, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("#!/bin/sh\n{ echo 'no_such_command'; cat; } | exec gnuplot \"$@\"\n", f);
    fclose(f);
    chmod(fake, 0755);
    snprintf(env, sizeof env, "SPCSIM_GNUPLOT=%s", fake);
    CU_ASSERT_EQUAL(run_into(tmp, "a", env, dir, sizeof dir), 0);
    CU_ASSERT_EQUAL(stderr_lines(tmp), 1);
    char *err = slurp(tmp, "stderr", NULL);
    CU_ASSERT(err != NULL && strstr(err, ".gp: gnuplot failed (exit 1)") != NULL);
    free(err);
    CU_ASSERT(exists_in(dir, "stages.gp") && !exists_in(dir, "stages.svg") && exists_in(dir, "summary.csv"));
    check_report(dir, "understaffed", 0);
    tests_remove_tree(tmp);
}

static void test_plot_command(void)
{
    char tmp[64], dir[1024], empty[1024], keep[1024];
    make_tmp(tmp, sizeof tmp);
    snprintf(empty, sizeof empty, "%s/empty", tmp);
    CU_ASSERT(mkdir(empty, 0700) == 0);
    const char *none[] = { "plot", empty, NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, none), 3);
    CU_ASSERT_EQUAL(stderr_lines(tmp), 1);
    char *err = slurp(tmp, "stderr", NULL);
    CU_ASSERT(err != NULL && strstr(err, empty) != NULL);
    free(err);
    /* plot redraws what the run drew, byte for byte */
    CU_ASSERT_EQUAL(run_into(tmp, "a", NULL, dir, sizeof dir), 0);
    snprintf(keep, sizeof keep, "%s/keep", tmp);
    CU_ASSERT(mkdir(keep, 0700) == 0);
    static const char *const ext[] = { "gp", "png", "svg" };
    for (size_t i = 0; i < NFIG; i++)
        for (size_t e = 0; e < 3; e++) {
            char name[128], from[2400], to[2400];
            snprintf(name, sizeof name, "%s.%s", figures[i], ext[e]);
            snprintf(from, sizeof from, "%s/%s", dir, name);
            snprintf(to, sizeof to, "%s/%s", keep, name);
            rename(from, to);
        }
    char from[2400], to[2400];
    snprintf(from, sizeof from, "%s/report.html", dir);
    snprintf(to, sizeof to, "%s/report.html", keep);
    CU_ASSERT(rename(from, to) == 0);
    const char *plot[] = { "plot", dir, "-q", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, plot), 0);
    CU_ASSERT(same(dir, keep, "report.html"));
    for (size_t i = 0; i < NFIG; i++)
        for (size_t e = 0; e < 3; e += have_gnuplot() ? 2 : 3) { /* .gp and .svg; no .png by default */
            char name[128];
            snprintf(name, sizeof name, "%s.%s", figures[i], ext[e]);
            CU_ASSERT(same(dir, keep, name));
        }
    /* --formats all adds the PNG; plot DIR then drops it again (it would not match the CSVs redrawn) */
    const char *all[] = { "plot", dir, "-q", "--formats", "all", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, all), 0);
    CU_ASSERT(exists_in(dir, "stages.png") == have_gnuplot() && same(dir, keep, "stages.svg"));
    char *html = slurp(dir, "report.html", NULL);
    CU_ASSERT(html != NULL && (strstr(html, "<code>stages.png</code>") != NULL) == have_gnuplot());
    free(html);
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, plot), 0);
    CU_ASSERT_FALSE(exists_in(dir, "stages.png"));
    CU_ASSERT(same(dir, keep, "report.html"));
    tests_remove_tree(tmp);
}

/* The figures do not depend on -j: 1 gnuplot at a time, or several, some
 * started before the replications; in every format. */
static void test_figures_any_jobs(void)
{
    char tmp[64], a[1024], b[1024];
    make_tmp(tmp, sizeof tmp);
    snprintf(a, sizeof a, "%s/j1", tmp);
    snprintf(b, sizeof b, "%s/j3", tmp);
    const char *one[] = { "run", "scenarios/understaffed.cfg", "--set", "horizon=\"12w\"", "-r", "2", "-q",
                          "--formats", "svg,png", "-j", "1", "-o", a, NULL };
    const char *three[] = { "run", "scenarios/understaffed.cfg", "--set", "horizon=\"12w\"", "-r", "2", "-q",
                            "--formats", "all", "-j", "3", "-o", b, NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, one), 0);
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, three), 0);
    static const char *const ext[] = { "gp", "png", "svg" };
    for (size_t i = 0; i < NFIG; i++)
        for (size_t e = 0; e < 3; e++) {
            char name[128];
            snprintf(name, sizeof name, "%s.%s", figures[i], ext[e]);
            CU_ASSERT(exists_in(a, name) == (e == 0 || have_gnuplot()));
            CU_ASSERT(same(a, b, name) || !have_gnuplot());
        }
    CU_ASSERT(same(a, b, "story.svg") || !have_gnuplot());
    CU_ASSERT(same(a, b, "report.html"));
    const char *bad[] = { "run", "scenarios/understaffed.cfg", "--formats", "svg,pdf", "-o", a, NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, bad), 2);
    tests_remove_tree(tmp);
}

/* compare and sweep draw their figures and report too. */
static void test_study_figures(void)
{
    char tmp[64], c[1024], s[1024];
    make_tmp(tmp, sizeof tmp);
    snprintf(c, sizeof c, "%s/c", tmp);
    snprintf(s, sizeof s, "%s/s", tmp);
    const char *cmp[] = { "compare", "scenarios/default.cfg", "stages.[0].servers=3", "--set", "horizon=\"4w\"",
                          "-r", "3", "-q", "-o", c, "--label", "two", "--label", "three servers", NULL };
    const char *swp[] = { "sweep", "scenarios/default.cfg", "--param", "stages.[0].servers=2,3", "--set",
                          "horizon=\"4w\"", "-r", "2", "-q", "-o", s, "--reference", "3", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, cmp), 0);
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, swp), 0);
    CU_ASSERT(exists_in(c, "compare.gp") && exists_in(c, "report.html"));
    CU_ASSERT(exists_in(s, "sweep.gp") && exists_in(s, "report.html"));
    CU_ASSERT(exists_in(c, "compare.svg") == have_gnuplot());
    CU_ASSERT(exists_in(s, "sweep.svg") == have_gnuplot());
    char *html = slurp(c, "report.html", NULL);
    CU_ASSERT(html != NULL && strstr(html, "three servers") != NULL && strstr(html, "http") == NULL);
    free(html);
    /* the label names the variant; the sweep's point 0 is compared with point 1 (servers = 3) */
    char *csv = slurp(c, "compare.csv", NULL);
    CU_ASSERT(csv != NULL && strstr(csv, "\nthree servers,system,") != NULL);
    free(csv);
    csv = slurp(s, "sweep.csv", NULL);
    CU_ASSERT(csv != NULL && strstr(csv, ",unit,reference,diff,diff_ci95_low,diff_ci95_high\n") != NULL);
    CU_ASSERT(csv != NULL && strstr(csv, "\n0,stages.[0].servers,2,,,system,lead_time_mean,") != NULL);
    free(csv);
    CU_ASSERT(exists_in(s, "sweep-diff.gp"));
    /* every figure's title is its own */
    char *a = slurp(s, "sweep.gp", NULL), *b = slurp(s, "sweep-diff.gp", NULL);
    CU_ASSERT(a != NULL && b != NULL && strstr(a, "title 'The metrics along stages.[0].servers: ") != NULL &&
              strstr(b, "title 'Paired differences from stages.[0].servers = 3: ") != NULL);
    free(a);
    free(b);
    tests_remove_tree(tmp);
}

/* A later run without a workforce removes the workforce figures it left,
 * not a script of the user's. */
static void test_stale_figures(void)
{
    char tmp[64], dir[1024], mine[2400];
    make_tmp(tmp, sizeof tmp);
    CU_ASSERT_EQUAL(run_into(tmp, "a", NULL, dir, sizeof dir), 0);
    CU_ASSERT(exists_in(dir, "timeseries-company.gp"));
    snprintf(mine, sizeof mine, "%s/mine.gp", dir);
    FILE *f = fopen(mine, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("# mine.gp\n# my own figure\nplot x\n", f);
    fclose(f);
    const char *args[] = { "run", "scenarios/validation/tandem3.cfg", "--set", "horizon=\"2w\"", "-q", "-o", dir, NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, args), 0);
    CU_ASSERT_FALSE(exists_in(dir, "timeseries-company.gp"));
    CU_ASSERT_FALSE(exists_in(dir, "timeseries-company.png"));
    CU_ASSERT_FALSE(exists_in(dir, "timeseries-stages.svg"));
    CU_ASSERT(exists_in(dir, "timeseries-system.gp"));
    CU_ASSERT(exists_in(dir, "mine.gp"));
    tests_remove_tree(tmp);
}

/* Copies tests/data/chain/chain.csv into dir, without its slope rows
 * unless with_slopes (a scenario of one unit has none). */
static void chain_fixture(const char *dir, int with_slopes)
{
    char *text = slurp("tests/data/chain", "chain.csv", NULL), path[2400];
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_FATAL(mkdir(dir, 0700) == 0);
    snprintf(path, sizeof path, "%s/chain.csv", dir);
    FILE *f = fopen(path, "w");
    CU_ASSERT_FATAL(f != NULL);
    for (char *line = text, *end; *line; line = end + 1) {
        end = strchr(line, '\n');
        CU_ASSERT_FATAL(end != NULL);
        if (with_slopes || strncmp(line, "slope,", 6) != 0)
            fwrite(line, 1, (size_t)(end - line) + 1, f);
    }
    fclose(f);
    free(text);
}

/* The text of html from `from` to the end of the table it opens ("" when absent). */
static char *table_text(const char *html, const char *from)
{
    const char *s = strstr(html, from), *e = s ? strstr(s, "</table>") : NULL;
    size_t n = e ? (size_t)(e - s) : 0;
    char *out = malloc(n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    memcpy(out, s ? s : "", n);
    out[n] = '\0';
    return out;
}

static void check_in(const char *html, const char *table, const char *const *want, size_t n)
{
    char *t = table_text(html, table);
    for (size_t i = 0; i < n; i++)
        if (strstr(t, want[i]) == NULL) {
            CU_FAIL("a chain table lacks a value");
            fprintf(stderr, "\n%s: no \"%s\"\n", table, want[i]);
        }
    free(t);
}

/* `plot` on a chain folder: each reference form beside the simulated one
 * with chain.csv's numbers, every measure, the lever, the slopes beside
 * Sears's, and the forest plot. */
static void test_chain_report(void)
{
    char tmp[64], dir[1024], flat[1024];
    make_tmp(tmp, sizeof tmp);
    snprintf(dir, sizeof dir, "%s/chain", tmp);
    snprintf(flat, sizeof flat, "%s/one-unit", tmp);
    chain_fixture(dir, 1);
    chain_fixture(flat, 0);
    const char *plot[] = { "plot", dir, "-q", NULL }, *plot1[] = { "plot", flat, "-q", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, plot), 0);
    CU_ASSERT_EQUAL(stderr_lines(tmp), 0);
    CU_ASSERT(exists_in(dir, "chain.gp"));
    CU_ASSERT_FALSE(exists_in(dir, "chain.png"));
    CU_ASSERT(exists_in(dir, "chain.svg") == have_gnuplot());
    char *gp = slurp(dir, "chain.gp", NULL);
    CU_ASSERT(gp != NULL && strstr(gp, "'chain.csv'") != NULL && strstr(gp, "xerrorbars") != NULL &&
              strstr(gp, "$seeds << EOD\n5 1\n1 2\n0.5 10\nEOD\n") != NULL); /* NPS and growth left out */
    free(gp);
    char *html = slurp(dir, "report.html", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    CU_ASSERT(strstr(html, "http") == NULL);
    static const char *const seeds[] = { "+5%</td>", "+1%</td>", "+0.5%</td>" };
    static const char *const sim_rel[] = { "+5% <span class=\"ci\">[+4.735, +5.265]</span>",
                                           "+1% <span class=\"ci\">[+0.3325, +1.668]</span>",
                                           "+0.5% <span class=\"ci\">[+0.1, +0.9]</span>" };
    static const char *const sears[] = { "+5 points</td>", "+1.3 points</td>", "+0.5 points</td>" };
    static const char *const sim_pts[] = { "+3.397 points <span class=\"ci\">[+3.217, +3.577]</span>",
                                           "+1.031 points <span class=\"ci\">[+0.6085, +1.454]</span>",
                                           "+0.5 points <span class=\"ci\">[-0.2, +1.2]</span>" };
    static const char *const every[] = { "customer churn per year", "<td class=\"n\">898382</td>",
                                         "+18070 <span class=\"ci\">[+1959, +34181]</span>",
                                         "-1.981% <span class=\"ci\">[-11.42, +7.46]</span></td><td>no</td>" };
    static const char *const slopes[] = { "0.26 <span class=\"ci\">[0.2, 0.32]</span></td><td class=\"n\">0.26</td>",
                                          "0.385 <span class=\"ci\">[0.1, 0.67]</span></td><td class=\"n\">0.385</td>",
                                          "<td>no</td><td class=\"n\">40</td>" };
    check_in(html, "<table id=\"chain-seeds-reference\">", seeds, 3);
    check_in(html, "<table id=\"chain-seeds-simulated\">", sim_rel, 3);
    check_in(html, "<table id=\"chain-sears-reference\">", sears, 3);
    check_in(html, "<table id=\"chain-sears-simulated\">", sim_pts, 3);
    check_in(html, "<table id=\"chain-table\">", every, 4);
    check_in(html, "<table id=\"chain-slopes\">", slopes, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<code>workforce.levers.recognition</code>, from 0.5 to 0.6974 (+39.48%)"));
    CU_ASSERT_EQUAL(strstr(html, "<figure><img alt=\"The service-profit chain") != NULL, have_gnuplot());
    free(html);
    /* one unit: no slopes, the rest as before */
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, plot1), 0);
    html = slurp(flat, "report.html", NULL);
    CU_ASSERT(html != NULL && strstr(html, "chain-slopes") == NULL && strstr(html, "chain-seeds-simulated") != NULL);
    free(html);
    tests_remove_tree(tmp);
}

/* `plot` on a chain folder with the profit forms and the decomposition
 * (tests/data/chain/chain-decomposed.csv, `spcsim chain` on the small
 * shop with --decompose): the profit table names its base, the pathway
 * table has the direct part, each pathway and the interaction, and the
 * pathway figure's script reads the parts. */
static void test_chain_decomposed_report(void)
{
    char tmp[64], dir[1024], path[1200];
    make_tmp(tmp, sizeof tmp);
    snprintf(dir, sizeof dir, "%s/chain", tmp);
    CU_ASSERT_FATAL(mkdir(dir, 0700) == 0);
    char *csv = slurp("tests/data/chain", "chain-decomposed.csv", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    snprintf(path, sizeof path, "%s/chain.csv", dir);
    FILE *f = fopen(path, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs(csv, f);
    fclose(f);
    free(csv);
    const char *plot[] = { "plot", dir, "-q", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, plot), 0);
    CU_ASSERT_EQUAL(stderr_lines(tmp), 0);
    CU_ASSERT(exists_in(dir, "chain-pathways.gp"));
    CU_ASSERT(exists_in(dir, "chain-pathways.svg") == have_gnuplot());
    char *gp = slurp(dir, "chain-pathways.gp", NULL);
    CU_ASSERT(gp != NULL && strstr(gp, "$parts1 << EOD\n") != NULL && strstr(gp, "boxxyerror") != NULL &&
              strstr(gp, "'direct (all blind)'") != NULL);
    free(gp);
    char *html = slurp(dir, "report.html", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "The window after the warm-up is 0.2301 years long"));
    static const char *const profit[] = { "<td>per year</td><td class=\"n\">407445</td>",
                                          "+14105 <span class=\"ci\">[+548.3, +27661]</span>",
                                          "per year and employee" };
    static const char *const pathways[] = { "<th>direct</th><th>courtesy</th>", "<th>interaction</th>",
                                            "+0.7462% <span class=\"ci\">[-0.5014, +1.994]</span>",
                                            "-0.4282% <span class=\"ci\">[-0.4457, -0.4106]</span>" };
    check_in(html, "<table id=\"chain-profit\">", profit, 3);
    check_in(html, "<table id=\"chain-pathways\">", pathways, 4);
    free(html);
    tests_remove_tree(tmp);
}

/* ---- every script plots only data it writes ----
 *
 * gnuplot fails on a datablock it does not know ("no datablock named
 * $x"), and 5.4 leaves `set table $x` of no rows undefined: a series of
 * one scenario that another scenario of the comparison lacks (CSAT without
 * customers) made the story figure fail. */

/* The name of the datablock at s ($, a letter, then letters, digits, _)
 * into name; 0 when s is no datablock ($2 is a column in `using`). */
static size_t block_name(const char *s, char *name, size_t size)
{
    size_t n = 1;
    if (!((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z')))
        return 0;
    while (n + 1 < size && (s[n] == '_' || (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
                            (s[n] >= '0' && s[n] <= '9')))
        n++;
    memcpy(name, s, n);
    name[n] = '\0';
    return n;
}

/* Whether s is inside a comment line of gp (# first on the line). */
static int in_comment(const char *gp, const char *s)
{
    const char *line = s;
    while (line > gp && line[-1] != '\n')
        line--;
    line += strspn(line, " \t");
    return *line == '#';
}

/* Every datablock script gp plots from is written before, by `set table
 * $x` or `$x << EOD`; the number of uses not so written. */
static int undefined_blocks(const char *gp)
{
    char defined[8192] = " ", name[64];
    int bad = 0;
    for (const char *s = strchr(gp, '$'); s != NULL; s = strchr(s + 1, '$')) {
        if (block_name(s, name, sizeof name) == 0 || in_comment(gp, s))
            continue;
        size_t len = strlen(name);
        int def = (s - gp >= 10 && strncmp(s - 10, "set table ", 10) == 0) || strncmp(s + len, " << EOD\n", 8) == 0;
        char key[80];
        snprintf(key, sizeof key, " %s ", name);
        if (def && strlen(defined) + len + 2 < sizeof defined)
            strcat(strcat(defined, name), " ");
        else if (!def && strstr(defined, key) == NULL) {
            fprintf(stderr, "\n  uses %s, which it does not write\n", name);
            bad++;
        }
    }
    return bad;
}

/* Each script of dir plots only what it writes, and with gnuplot each drew
 * its figure and spcsim reported no failure of gnuplot (tmp/stderr).
 * Returns the number of scripts. */
static int check_scripts(const char *tmp, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".gp") != 0)
            continue;
        char *gp = slurp(dir, e->d_name, NULL), svg[300];
        CU_ASSERT_PTR_NOT_NULL_FATAL(gp);
        CU_ASSERT_EQUAL(undefined_blocks(gp), 0);
        snprintf(svg, sizeof svg, "%.*s.svg", (int)(len - 3), e->d_name);
        CU_ASSERT(exists_in(dir, svg) == have_gnuplot());
        free(gp);
        n++;
    }
    closedir(d);
    char *errs = slurp(tmp, "stderr", NULL);
    CU_ASSERT(errs == NULL || strstr(errs, "gnuplot") == NULL);
    free(errs);
    return n;
}

/* Scenarios of different shapes -- understaffed.cfg has no customers,
 * turnover.cfg and sears.cfg have, mm1.cfg has neither a workforce nor
 * customers -- compared, run, swept and chained: every figure is drawn.
 * The story figure leaves out the series of an arm without the measure
 * (and in the keyed panel names it with a line of no points); a sweep of
 * one replication draws a series without intervals as its values alone. */
static void test_scripts_any_shape(void)
{
    char tmp[64], dir[7][1024];
    make_tmp(tmp, sizeof tmp);
    for (int i = 0; i < 7; i++)
        snprintf(dir[i], sizeof dir[i], "%s/d%d", tmp, i);
    const char *h = "horizon=\"30w\"", *w = "warmup=\"4w\"";
    const char *args[7][16] = {
        { "compare", "scenarios/understaffed.cfg", "scenarios/turnover.cfg", "-r", "2", "--set", h, "-q", "-o", dir[0], NULL },
        { "compare", "scenarios/sears.cfg", "scenarios/understaffed.cfg", "scenarios/validation/mm1.cfg", "-r", "2",
          "--set", h, "--set", w, "-q", "-o", dir[1], NULL },
        { "run", "scenarios/sears.cfg", "-r", "2", "--set", h, "--set", w, "-q", "-o", dir[2], NULL },
        { "run", "scenarios/validation/mm1.cfg", "-r", "2", "--set", h, "-q", "-o", dir[3], NULL },
        { "sweep", "scenarios/understaffed.cfg", "--param", "stages.[0].servers=2,3", "-r", "2", "--set", h, "-q", "-o",
          dir[4], NULL },
        { "chain", "scenarios/sears.cfg", "--esat-delta", "3pt,6pt", "-r", "2", "--set", h, "--set", w, "-q", "-o",
          dir[5], NULL },
        /* one replication: the quantiles have no interval, nor the paired differences */
        { "sweep", "scenarios/understaffed.cfg", "--param", "stages.[0].servers=2,3", "-r", "1", "--set", h, "-q", "-o",
          dir[6], NULL },
    };
    for (int i = 0; i < 7; i++) {
        CU_ASSERT_EQUAL(spcsim(tmp, NULL, args[i]), 0);
        CU_ASSERT(check_scripts(tmp, dir[i]) > 0);
    }
    char *gp = slurp(dir[0], "story.gp", NULL); /* understaffed (arm 0) has no CSAT (panel 1) */
    CU_ASSERT(gp != NULL && strstr(gp, "$s1_0") == NULL && strstr(gp, "plot $s1_1 using") != NULL);
    free(gp);
    gp = slurp(dir[6], "sweep-1.gp", NULL);
    CU_ASSERT(gp != NULL && strstr(gp, " using 1:2 with linespoints lw 3 pt 7 ps 1.3 lc rgb '#1f77b4' title 'mean (no "
                                       "interval)'\n") != NULL);
    free(gp);
    /* an arm without the first panel's measure: no line there, its key entry kept */
    FILE *f = fopen(strcat(dir[0], "/story.csv"), "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("arm,period,weeks,metric,label,unit,mean,ci95_low,ci95_high,warmup_weeks,decision_weeks\n"
          "a,0,1,esat,ESAT,points,70,68,72,0,2\na,1,2,esat,ESAT,points,71,69,73,0,2\n"
          "b,0,1,csat,CSAT,%,80,79,81,0,2\nb,1,2,csat,CSAT,%,81,80,82,0,2\n"
          "a,0,1,profit,Profit,currency,5,,,0,2\na,1,2,profit,Profit,currency,6,,,0,2\n"
          "b,0,1,profit,Profit,currency,7,6,8,0,2\nb,1,2,profit,Profit,currency,8,7,9,0,2\n", f);
    fclose(f);
    dir[0][strlen(dir[0]) - strlen("/story.csv")] = '\0';
    const char *plot[] = { "plot", dir[0], "-q", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, plot), 0);
    CU_ASSERT(check_scripts(tmp, dir[0]) > 0);
    gp = slurp(dir[0], "story.gp", NULL);
    CU_ASSERT(gp != NULL && strstr(gp, "$s0_1") == NULL && strstr(gp, "$s1_0") == NULL && strstr(gp, "$s2_") == NULL);
    CU_ASSERT(gp != NULL && strstr(gp, "title 'a', NaN with lines lw 3 lc rgb '#d62728' title 'b'\n") != NULL);
    CU_ASSERT(gp != NULL && strstr(gp, "\n    plot $s1_1 using 1:3:4 ") != NULL);
    CU_ASSERT(gp != NULL && strstr(gp, "\n    plot $s3_0 using 1:2 with lines") != NULL); /* a's profit: no bands */
    free(gp);
    tests_remove_tree(tmp);
}

/* Runs gnuplot on dir/script as a user would (in dir); its complaints,
 * warnings included, into tmp/gnuplot.err. Whether it exited 0 and said
 * nothing. */
static int gnuplot_quiet(const char *tmp, const char *dir, const char *script)
{
    char err[2400];
    snprintf(err, sizeof err, "%s/gnuplot.err", tmp);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    char *const argv[] = { "sh", "-c", "cd \"$1\" && exec gnuplot \"$2\"", "sh", (char *)dir, (char *)script, NULL };
    pid_t pid;
    int status = -1, rc = posix_spawnp(&pid, "sh", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0 || waitpid(pid, &status, 0) != pid)
        return 0;
    size_t len = 0;
    char *said = slurp(tmp, "gnuplot.err", &len);
    if (len > 0)
        fprintf(stderr, "\n  gnuplot %s/%s said: %s", dir, script, said);
    free(said);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 && len == 0;
}

/* An arm without a measure of the strip plot (understaffed.cfg has no
 * customers, so no CSAT, NPS, ...) against one with it: the arm gets no
 * datablock there and the panel's plot names only the arms that have one,
 * so gnuplot draws distributions.gp without a warning. */
static void test_distributions_arm_without_measure(void)
{
    char tmp[64], dir[1024];
    make_tmp(tmp, sizeof tmp);
    snprintf(dir, sizeof dir, "%s/c", tmp);
    const char *args[] = { "compare", "scenarios/turnover.cfg", "scenarios/understaffed.cfg", "-r", "2", "--set",
                           "horizon=\"30w\"", "-q", "-o", dir, NULL };
    CU_ASSERT_EQUAL_FATAL(spcsim(tmp, NULL, args), 0);
    char *gp = slurp(dir, "distributions.gp", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(gp);
    CU_ASSERT_PTR_NULL(strstr(gp, "<< EOD\nEOD\n"));                 /* no empty block */
    CU_ASSERT_EQUAL(undefined_blocks(gp), 0);                        /* none used unwritten */
    CU_ASSERT_PTR_NOT_NULL(strstr(gp, "$d0_0 << EOD\n"));            /* turnover's ESAT */
    CU_ASSERT_PTR_NULL(strstr(gp, "$d0_1"));                         /* understaffed has none */
    free(gp);
    if (have_gnuplot()) {
        CU_ASSERT(gnuplot_quiet(tmp, dir, "distributions.gp"));
        CU_ASSERT(exists_in(dir, "distributions.svg"));
    }
    tests_remove_tree(tmp);
}

/* Swept and compared values that are libconfig strings: the CSV holds
 * them escaped ("exponential" as """exponential"""), spcsim reads them
 * back as typed, and the scripts pick their rows without asking gnuplot
 * to read those fields (it does not undo the doubled quotes): every
 * figure is drawn, gnuplot says nothing, `spcsim plot` redraws them. */
static void test_quoted_values(void)
{
    char tmp[64], s[1024], c[1024];
    make_tmp(tmp, sizeof tmp);
    snprintf(s, sizeof s, "%s/s", tmp);
    snprintf(c, sizeof c, "%s/c", tmp);
    const char *swp[] = { "sweep", "scenarios/validation/tandem3.cfg", "--param",
                          "stages.[0].service.dist=\"exponential\",\"deterministic\"", "--param",
                          "arrivals.rate=\"3/h\",\"4/h\"", "--reference", "\"deterministic\"", "--set",
                          "horizon=\"2w\"", "-r", "2", "-q", "-o", s, NULL };
    const char *cmp[] = { "compare", "scenarios/validation/tandem3.cfg", "stages.[0].service.dist=\"deterministic\"",
                          "--set", "horizon=\"2w\"", "-r", "2", "-q", "-o", c, NULL };
    CU_ASSERT_EQUAL_FATAL(spcsim(tmp, NULL, swp), 0);
    CU_ASSERT(check_scripts(tmp, s) == 2); /* sweep.gp, sweep-diff.gp */
    CU_ASSERT_EQUAL_FATAL(spcsim(tmp, NULL, cmp), 0);
    CU_ASSERT(check_scripts(tmp, c) > 0);
    static const char *const scripts[][2] = { { "s", "sweep.gp" }, { "s", "sweep-diff.gp" }, { "c", "compare.gp" } };
    for (size_t i = 0; have_gnuplot() && i < sizeof scripts / sizeof scripts[0]; i++)
        CU_ASSERT(gnuplot_quiet(tmp, scripts[i][0][0] == 's' ? s : c, scripts[i][1]));
    /* the cell escaped, read back as typed */
    char *csv = slurp(s, "sweep.csv", NULL);
    CU_ASSERT(csv != NULL && strstr(csv, "\n0,stages.[0].service.dist,\"\"\"exponential\"\"\",arrivals.rate,"
                                         "\"\"\"3/h\"\"\",system,") != NULL);
    free(csv);
    char path[2400];
    snprintf(path, sizeof path, "%s/sweep.csv", s);
    spc_csvtable t;
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_csvtable_load(&t, path, &err), SPC_OK);
    CU_ASSERT_STRING_EQUAL(spc_csvtable_get(&t, 0, spc_csvtable_column(&t, "value1")), "\"exponential\"");
    CU_ASSERT_STRING_EQUAL(spc_csvtable_get(&t, 0, spc_csvtable_column(&t, "value2")), "\"3/h\"");
    spc_csvtable_free(&t);
    const char *plot[] = { "plot", s, "-q", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, plot), 0);
    CU_ASSERT(check_scripts(tmp, s) == 2);
    /* a label gnuplot would take for a comment at the start of a row: quoted */
    const char *hash[] = { "compare", "scenarios/validation/tandem3.cfg", "stages.[0].service.dist=\"deterministic\"",
                           "--label", "base", "--label", "#det", "--set", "horizon=\"2w\"", "-r", "2", "-q", "-o", c,
                           NULL };
    CU_ASSERT_EQUAL_FATAL(spcsim(tmp, NULL, hash), 0);
    csv = slurp(c, "compare.csv", NULL);
    CU_ASSERT(csv != NULL && strstr(csv, "\n\"#det\",system,") != NULL);
    free(csv);
    CU_ASSERT(check_scripts(tmp, c) > 0);
    CU_ASSERT(!have_gnuplot() || gnuplot_quiet(tmp, c, "compare.gp"));
    tests_remove_tree(tmp);
}

/* compare of one replication: no paired interval, so each bar of
 * compare.gp is its estimate alone (once no rows, no datablock: "no
 * datablock named $c0v1n" and no compare.svg). */
static void test_compare_one_replication(void)
{
    char tmp[64], dir[1024];
    make_tmp(tmp, sizeof tmp);
    snprintf(dir, sizeof dir, "%s/c", tmp);
    const char *args[] = { "compare", "tests/data/customers/small.cfg", "finance.price=85", "-r", "1", "--set",
                           "horizon=\"8w\"", "-q", "-o", dir, NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, NULL, args), 0);
    CU_ASSERT(check_scripts(tmp, dir) > 0);
    CU_ASSERT(exists_in(dir, "compare.svg") == have_gnuplot());
    tests_remove_tree(tmp);
}

/* The rows of dir/name (a CSV with a column n) whose n is want; -1 when
 * some row's n is another (or the file or its column is missing). Rows
 * without n (chain.csv's lever and window rows) are not counted. */
static long rows_of_n(const char *dir, const char *name, unsigned want)
{
    char path[2400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    spc_csvtable t;
    spc_error err;
    spc_error_clear(&err);
    if (spc_csvtable_load(&t, path, &err) != SPC_OK)
        return -1;
    int c = spc_csvtable_column(&t, "n");
    long rows = c >= 0 ? 0 : -1;
    for (size_t r = 0; c >= 0 && r < t.nrows && rows >= 0; r++)
        if (*spc_csvtable_get(&t, r, c) != '\0')
            rows = spc_csvtable_num(&t, r, c) == (double)want ? rows + 1 : -1;
    spc_csvtable_free(&t);
    return rows;
}

/* chain -r 1 and -r 2 run what was asked (both ran 10, silently): run.json
 * and every row of chain.csv, chain_periods.csv and chain_dose.csv say so;
 * with one replication no interval, and every chain script (chain,
 * chain-pathways, chain_dose, chain_periods) still draws its figure,
 * gnuplot quiet: the estimates alone (once no datablock $notsig, warnings,
 * and a crash on the pathways' total at NaN). */
static void test_chain_replications_asked(void)
{
    char tmp[64], dir[1024], reps[8];
    make_tmp(tmp, sizeof tmp);
    for (unsigned n = 1; n <= 2; n++) {
        snprintf(dir, sizeof dir, "%s/r%u", tmp, n);
        snprintf(reps, sizeof reps, "%u", n);
        const char *args[] = { "chain", "tests/data/customers/small.cfg", "-r", reps, "--esat-delta", "2.5%,5%",
                               "--decompose", "--set", "horizon=\"20w\"", "-q", "-o", dir, NULL };
        CU_ASSERT_EQUAL_FATAL(spcsim(tmp, NULL, args), 0);
        char *json = slurp(dir, "run.json", NULL), key[64];
        snprintf(key, sizeof key, "\"replications\": %u,", n);
        CU_ASSERT(json != NULL && strstr(json, key) != NULL);
        free(json);
        static const char *const csv[] = { "chain.csv", "chain_periods.csv", "chain_dose.csv" };
        for (int i = 0; i < 3; i++)
            CU_ASSERT(rows_of_n(dir, csv[i], n) > 0);
        char *table = slurp(dir, "chain.csv", NULL); /* one replication: no interval, no test */
        CU_ASSERT(table != NULL && (n > 1 || strstr(table, ",,,no,1\n") != NULL));
        free(table);
        static const char *const gp[] = { "chain.gp", "chain-pathways.gp", "chain_dose.gp", "chain_periods.gp" };
        CU_ASSERT(check_scripts(tmp, dir) >= 4);
        for (int i = 0; i < 4; i++)
            CU_ASSERT(exists_in(dir, gp[i]) && (!have_gnuplot() || gnuplot_quiet(tmp, dir, gp[i])));
    }
    tests_remove_tree(tmp);
}

static const CU_TestInfo tests[] = {
    { "a later run removes figures it no longer draws", test_stale_figures },
    { "run writes scripts, figures and report.html", test_run_figures },
    { "one replication: the story figure without bands, gnuplot quiet", test_story_one_replication },
    { "compare of one replication: compare.gp draws the estimates without intervals", test_compare_one_replication },
    { "chain -r 1 and -r 2 run what was asked; every chain figure drawn without intervals", test_chain_replications_asked },
    { "without gnuplot: exit 0, one warning, scripts, no figures", test_missing_gnuplot },
    { "a failing gnuplot leaves the other outputs", test_failing_gnuplot },
    { "a gnuplot complaining about each script: figures removed, one warning", test_complaining_gnuplot },
    { "plot redraws the same figures; empty folder fails", test_plot_command },
    { "figures the same for any -j, in every format (--formats)", test_figures_any_jobs },
    { "compare and sweep draw figures and report", test_study_figures },
    { "scenarios of any shape: every script plots only data it writes", test_scripts_any_shape },
    { "distributions: an arm without a measure has no block there, gnuplot quiet",
      test_distributions_arm_without_measure },
    { "swept and compared string values: CSV escaped, read back, every figure drawn", test_quoted_values },
    { "plot on a chain folder: the forms beside the simulated, the forest plot", test_chain_report },
    { "plot on a decomposed chain folder: profit forms, pathways, their figure", test_chain_decomposed_report },
    CU_TEST_INFO_NULL,
};

int tests_plot(void)
{
    return tests_add_suite("plot", tests);
}
