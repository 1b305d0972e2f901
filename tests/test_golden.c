/*
 * test_golden.c -- whole runs byte-compared against committed outputs.
 *
 * Each folder tests/golden/CASE/ holds `args` (the arguments after
 * `spcsim run`) and the files that run must write, byte for byte: every
 * *.csv, every *.gp gnuplot script and scenario.resolved.cfg. The run is
 * `$SPCSIM run ARGS -j 2 -o TMP` with gnuplot switched off (pictures depend
 * on the gnuplot version, run.json on the clock). A file the run writes that
 * the case lacks fails too, so a new output is noticed.
 *
 * When a change moves results on purpose: `make golden` regenerates the
 * files and shows the diff; commit them saying why they moved.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "spcsim/text.h"
#include "tests.h"

#define GOLDEN_DIR "tests/golden"
#define MAX_ARGS 40

/* The files a case compares: *.csv, *.gp, scenario.resolved.cfg. */
static int compared(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcmp(name + n - 4, ".csv") == 0) || (n > 3 && strcmp(name + n - 3, ".gp") == 0) ||
           strcmp(name, "scenario.resolved.cfg") == 0;
}

/* Splits text at blanks into argv (pointers into text); returns the count. */
static size_t split_args(char *text, const char **argv, size_t max)
{
    size_t n = 0;
    for (char *tok = strtok(text, " \t\n"); tok != NULL && n < max; tok = strtok(NULL, " \t\n"))
        argv[n++] = tok;
    return n;
}

/* spcsim run ARGS -j 2 -o out, gnuplot off; returns the exit status. */
static int run_case(const char *args_path, const char *out, const char *log)
{
    char *text = spc_text_read_file(args_path, NULL);
    CU_ASSERT_FATAL(text != NULL);
    const char *argv[MAX_ARGS + 8] = { "run" };
    size_t n = 1 + split_args(text, argv + 1, MAX_ARGS);
    const char *tail[] = { "-j", "2", "-o", out, NULL };
    for (size_t i = 0; i < 5; i++)
        argv[n++] = tail[i];
    const char *env[] = { "SPCSIM_GNUPLOT=/nonexistent/gnuplot", NULL };
    int code = tests_wait(tests_spawn(argv, env, NULL, log));
    free(text);
    return code;
}

/* Line number (1-based) of the first difference between a and b. */
static int first_diff_line(const char *a, const char *b)
{
    int line = 1;
    for (; *a && *a == *b; a++, b++)
        line += *a == '\n';
    return line;
}

/* Compares one expected file with the run's; says where they differ. */
static int same_bytes(const char *case_name, const char *expected_path, const char *got_path, const char *name)
{
    size_t ne = 0, ng = 0;
    char *e = spc_text_read_file(expected_path, &ne);
    char *g = spc_text_read_file(got_path, &ng);
    int same = e != NULL && g != NULL && ne == ng && memcmp(e, g, ne) == 0;
    if (!same)
        fprintf(stderr, "\n  golden %s: %s %s (first difference at line %d); make golden shows the diff",
                case_name, name, g == NULL ? "not written" : "differs", e && g ? first_diff_line(e, g) : 0);
    free(e);
    free(g);
    return same;
}

/* Every compared file in `dir` is also in `other`; counts the files. */
static int all_present(const char *case_name, const char *dir, const char *other, const char *what, int *count)
{
    DIR *d = opendir(dir);
    CU_ASSERT_FATAL(d != NULL);
    int ok = 1;
    *count = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (!compared(ent->d_name))
            continue;
        (*count)++;
        char path[1024];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", other, ent->d_name);
        if (stat(path, &st) != 0) {
            fprintf(stderr, "\n  golden %s: %s %s", case_name, ent->d_name, what);
            ok = 0;
        }
    }
    closedir(d);
    return ok;
}

static void check_case(const char *case_name)
{
    char tmp[] = "/tmp/spcsim-golden-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(tmp) != NULL);
    char gold[512], args[600], out[600], log[600];
    snprintf(gold, sizeof gold, "%s/%s", GOLDEN_DIR, case_name);
    snprintf(args, sizeof args, "%s/args", gold);
    snprintf(out, sizeof out, "%s/out", tmp);
    snprintf(log, sizeof log, "%s/stderr", tmp);
    int code = run_case(args, out, log);
    if (code != 0) {
        char *err = spc_text_read_file(log, NULL);
        fprintf(stderr, "\n  golden %s: exit %d: %s", case_name, code, err ? err : "");
        free(err);
    }
    CU_ASSERT_EQUAL_FATAL(code, 0);
    int nexp = 0, ngot = 0;
    CU_ASSERT(all_present(case_name, out, gold, "is written but not in the golden files", &ngot));
    CU_ASSERT(all_present(case_name, gold, out, "is in the golden files but not written", &nexp));
    CU_ASSERT(nexp >= 4); /* at least summary, timeseries, resolved scenario, one script */
    DIR *d = opendir(gold);
    CU_ASSERT_FATAL(d != NULL);
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (!compared(ent->d_name))
            continue;
        char e[1024], g[1024];
        snprintf(e, sizeof e, "%s/%s", gold, ent->d_name);
        snprintf(g, sizeof g, "%s/%s", out, ent->d_name);
        CU_ASSERT(same_bytes(case_name, e, g, ent->d_name));
    }
    closedir(d);
    tests_remove_tree(tmp);
}

/* A queueing network alone: tandem3, no workforce, no customers. */
static void test_queueing(void) { check_case("queueing"); }

/* A workforce with interventions: understaffed.cfg's cut and restoration. */
static void test_workforce(void) { check_case("workforce"); }

/* A company of three units with customers and finance: panel.csv too. */
static void test_company(void)
{
    check_case("company");
    struct stat st;
    CU_ASSERT(stat(GOLDEN_DIR "/company/panel.csv", &st) == 0);
}

int tests_golden(void)
{
    static const CU_TestInfo tests[] = {
        { "queueing only (tandem3): csv, scripts, resolved scenario", test_queueing },
        { "workforce with interventions (understaffed)", test_workforce },
        { "a company of 3 units with customers and finance", test_company },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("golden", tests);
}
