/*
 * test_sensrun.c -- spcsim sensitivity as a run on the simulator: the
 * chain study's outputs by default, the points on threads, a design run in
 * parts and merged, settings read from a file. Every comparison is byte
 * for byte: the same design and seeds must give the same files whichever
 * way the points were run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/text.h"
#include "tests.h"

#define SMALL "tests/data/customers/small.cfg"

/* spcsim sensitivity on the small shop (8 weeks, 2 replications, 3
 * trajectories of three settings) with `more` arguments (NULL-terminated)
 * into tmp/name; its stderr in tmp/name.err. Returns the exit status. */
static int sens(const char *tmp, const char *name, const char *const *more)
{
    char out[512], log[512];
    snprintf(out, sizeof out, "%s/%s", tmp, name);
    snprintf(log, sizeof log, "%s/%s.err", tmp, name);
    const char *args[40] = { "sensitivity", SMALL, "--set", "horizon=\"8w\"", "-r", "2", "-q", "--trajectories", "3",
                             "--param", "finance.cogs=40:50", "--param", "customers.satisfaction.base=7:9",
                             "--param", "stages.[2].servers=1:3", "-o", out };
    size_t n = 17;
    for (size_t i = 0; more[i] != NULL && n < 39; i++)
        args[n++] = more[i];
    args[n] = NULL;
    return tests_wait(tests_spawn(args, NULL, NULL, log));
}

static char *read_in(const char *tmp, const char *name, const char *file)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s/%s", tmp, name, file);
    return spc_text_read_file(path, NULL);
}

/* Every one of the files is there in both folders and the same byte for byte. */
static void check_same_files(const char *tmp, const char *a, const char *b, const char *const *files)
{
    for (size_t i = 0; files[i] != NULL; i++) {
        char *x = read_in(tmp, a, files[i]), *y = read_in(tmp, b, files[i]);
        CU_ASSERT(x != NULL && y != NULL && strcmp(x, y) == 0);
        if (x == NULL || y == NULL || strcmp(x, y) != 0)
            fprintf(stderr, "\n  %s: %s and %s differ", files[i], a, b);
        free(x);
        free(y);
    }
}

static const char *const all_files[] = { "sensitivity.csv", "design.csv", "points.csv", "ranges.csv",
                                         "sensitivity_tornado.gp", "sensitivity_morris.gp", "report.html", NULL };

/* The chain outputs by default, the same files for -j 1 and -j 2; the cost
 * of goods moves the relative change of profit but not that of CSAT. */
static void test_chain_default(void)
{
    char tmp[] = "/tmp/spcsim-sensrun-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(tmp) != NULL);
    const char *const j1[] = { "-j", "1", NULL }, *const j2[] = { "-j", "2", NULL };
    CU_ASSERT_EQUAL_FATAL(sens(tmp, "j1", j1), 0);
    CU_ASSERT_EQUAL_FATAL(sens(tmp, "j2", j2), 0);
    check_same_files(tmp, "j1", "j2", all_files);
    char *idx = read_in(tmp, "j1", "sensitivity.csv");
    CU_ASSERT(idx != NULL && strstr(idx, "\nfinance.cogs,chain(5%):rel(csat),morris,mu_star,0,,\n") != NULL);
    CU_ASSERT(idx != NULL && strstr(idx, "\nfinance.cogs,chain(5%):rel(profit),morris,mu_star,0,,\n") == NULL);
    CU_ASSERT(idx != NULL && strstr(idx, "\ncustomers.satisfaction.base,chain(5%):rel(csat),morris,mu_star,") != NULL);
    CU_ASSERT(idx != NULL && strstr(idx, "\n,chain(5%):rel(profit),morris,noise_share,") != NULL);
    free(idx);
    tests_remove_tree(tmp);
}

/* The design alone; three parts (each on two threads) merged in any order
 * into exactly the files of one run on one thread. */
static void test_parts_merge(void)
{
    char tmp[] = "/tmp/spcsim-sensrun-XXXXXX", p[3][600];
    CU_ASSERT_FATAL(mkdtemp(tmp) != NULL);
    const char *const whole[] = { "-j", "1", NULL }, *const design[] = { "--design-only", NULL };
    CU_ASSERT_EQUAL_FATAL(sens(tmp, "whole", whole), 0);
    CU_ASSERT_EQUAL(sens(tmp, "design", design), 0);
    char *d = read_in(tmp, "design", "design.csv"), *pts = read_in(tmp, "design", "points.csv");
    CU_ASSERT(d != NULL && strncmp(d, "point,trajectory,finance.cogs,customers.satisfaction.base,stages.[2].servers\n"
                                      "0,0,", 81) == 0);
    CU_ASSERT(pts == NULL); /* nothing run */
    free(d);
    free(pts);
    for (int i = 0; i < 3; i++) {
        char part[16], name[16];
        snprintf(part, sizeof part, "%d/3", i + 1);
        snprintf(name, sizeof name, "part%d", i + 1);
        snprintf(p[i], sizeof p[i], "%s/%s", tmp, name);
        const char *const args[] = { "-j", "2", "--part", part, NULL };
        CU_ASSERT_EQUAL(sens(tmp, name, args), 0);
    }
    char *one = read_in(tmp, "part1", "points.csv"); /* 12 points: the first 4 */
    int lines = 0;
    for (const char *c = one ? one : ""; *c; c++)
        lines += *c == '\n';
    CU_ASSERT_EQUAL(lines, 1 + 4);
    free(one);
    const char *const merge[] = { "--merge", p[2], p[0], p[1], NULL };
    CU_ASSERT_EQUAL(sens(tmp, "merged", merge), 0);
    check_same_files(tmp, "whole", "merged", all_files);
    /* a part missing, a part given twice: usage errors naming what is wrong */
    const char *const missing[] = { "--merge", p[0], p[1], NULL }, *const twice[] = { "--merge", p[0], p[0], NULL };
    CU_ASSERT_EQUAL(sens(tmp, "missing", missing), 2);
    CU_ASSERT_EQUAL(sens(tmp, "twice", twice), 2);
    char *e1 = read_in(tmp, "", "missing.err"), *e2 = read_in(tmp, "", "twice.err");
    CU_ASSERT(e1 != NULL && strstr(e1, "no part has point 8 of the 12") != NULL);
    CU_ASSERT(e2 != NULL && strstr(e2, "/part1/points.csv:2: point 0 was already read") != NULL);
    free(e1);
    free(e2);
    /* a part of another design (another seed): the row's settings are not the design's */
    const char *const other[] = { "--merge", p[0], p[1], p[2], "--seed", "99", NULL };
    CU_ASSERT_EQUAL(sens(tmp, "other", other), 2);
    char *e3 = read_in(tmp, "", "other.err");
    CU_ASSERT(e3 != NULL && strstr(e3, "/part1/points.csv:2: point 0's ") != NULL);
    free(e3);
    tests_remove_tree(tmp);
}

/* --params-from: the settings of a file, comments and blank lines
 * ignored, the same design as the same --param; a bad line named by file
 * and line. */
static void test_params_from(void)
{
    char tmp[] = "/tmp/spcsim-sensrun-XXXXXX", file[600], bad[600], out[600], log[600];
    CU_ASSERT_FATAL(mkdtemp(tmp) != NULL);
    snprintf(file, sizeof file, "%s/params.txt", tmp);
    snprintf(bad, sizeof bad, "%s/bad.txt", tmp);
    snprintf(out, sizeof out, "%s/file", tmp);
    snprintf(log, sizeof log, "%s/file.err", tmp);
    FILE *f = fopen(file, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("# the cost and the service level\n\n  finance.cogs=40:50   # euro\ncustomers.satisfaction.base=7:9\n"
          "stages.[2].servers=1:3\n", f);
    fclose(f);
    CU_ASSERT_FATAL((f = fopen(bad, "w")) != NULL);
    fputs("finance.cogs=40:50\n# next: the range upside down\ncustomers.satisfaction.base=9:7\n", f);
    fclose(f);
    const char *const metric[] = { "--metric", "customers/csat", NULL };
    CU_ASSERT_EQUAL_FATAL(sens(tmp, "args", metric), 0); /* the same three settings as --param */
    const char *args[] = { "sensitivity", SMALL, "--set", "horizon=\"8w\"", "-r", "2", "-q", "--trajectories", "3",
                           "--params-from", file, "--metric", "customers/csat", "-o", out, NULL };
    CU_ASSERT_EQUAL(tests_wait(tests_spawn(args, NULL, NULL, log)), 0);
    const char *const files[] = { "design.csv", "sensitivity.csv", NULL };
    check_same_files(tmp, "args", "file", files);
    args[10] = bad;
    CU_ASSERT_EQUAL(tests_wait(tests_spawn(args, NULL, NULL, log)), 2);
    char *e = spc_text_read_file(log, NULL);
    char want[700];
    snprintf(want, sizeof want, "spcsim: %s:3: --param customers.satisfaction.base=9:7: expected", bad);
    CU_ASSERT(e != NULL && strncmp(e, want, strlen(want)) == 0);
    if (e != NULL && strncmp(e, want, strlen(want)) != 0)
        fprintf(stderr, "\n  got: %s", e);
    free(e);
    tests_remove_tree(tmp);
}

static const CU_TestInfo tests[] = {
    { "chain outputs by default; the same files for -j 1 and -j 2", test_chain_default },
    { "design alone; three parts merged = one run, byte for byte; bad merges named", test_parts_merge },
    { "--params-from: the file's settings as --param; a bad line by file and line", test_params_from },
    CU_TEST_INFO_NULL,
};

int tests_sensrun(void)
{
    return tests_add_suite("sensrun", tests);
}
