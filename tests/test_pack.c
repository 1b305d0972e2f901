/*
 * test_pack.c -- the researcher's pack: every command leaves in its folder
 * a run.json that parses (jansson) and names the build, the command line,
 * the seed and the replications, and the scenarios it ran, resolved, each
 * of which loads again.
 *
 * The binary is $SPCSIM (./spcsim otherwise); runs are kept short.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spcsim/scenario.h"
#include "spcsim/text.h"
#include "spcsim/version.h"
#include "tests.h"

#define TANDEM "scenarios/validation/tandem3.cfg"
#define SMALL "tests/data/customers/small.cfg"

static void make_tmp(char *dir, size_t size)
{
    snprintf(dir, size, "/tmp/spcsim-pack-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
}

/* Runs spcsim with args; stdout and stderr into tmp; returns the exit status. */
static int run(const char *tmp, const char *const *args)
{
    char out[512], err[512];
    snprintf(out, sizeof out, "%s/stdout", tmp);
    snprintf(err, sizeof err, "%s/stderr", tmp);
    int code = tests_wait(tests_spawn(args, NULL, out, err));
    if (code != 0) {
        char *e = spc_text_read_file(err, NULL);
        fprintf(stderr, "\n  spcsim %s: exit %d: %s", args[0], code, e ? e : "");
        free(e);
    }
    return code;
}

/* A string member that is there and not empty. */
static int has_text(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) && json_string_length(v) > 0;
}

/* dir/run.json parses; it says the command, the version, the build, the
 * command line (holding `arg`), the seed and the replications; each resolved
 * scenario it lists (at least `min_resolved`) is in dir and loads. */
static void check_pack(const char *dir, const char *command, const char *arg, unsigned long long seed,
                       json_int_t reps, size_t min_resolved)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/run.json", dir);
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL)
        fprintf(stderr, "\n  %s:%d: %s", path, je.line, je.text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(root);
    static const char *const build[] = { "commit", "compiler", "gsl_version", "libconfig_version",
                                         "gnuplot_version", "scenario", "name", "time_unit" };
    for (size_t i = 0; i < sizeof build / sizeof build[0]; i++)
        if (!has_text(root, build[i])) {
            fprintf(stderr, "\n  %s: %s: missing or empty", path, build[i]);
            CU_FAIL("run.json lacks a fact of the build or the scenario");
        }
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(root, "command")), command);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(root, "version")), SPC_VERSION);
    const char *line = json_string_value(json_object_get(root, "command_line"));
    CU_ASSERT(line != NULL && strstr(line, command) != NULL && strstr(line, arg) != NULL);
    CU_ASSERT(json_is_integer(json_object_get(root, "seed")) &&
              (unsigned long long)json_integer_value(json_object_get(root, "seed")) == seed);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(root, "replications")), reps);
    CU_ASSERT(json_is_real(json_object_get(root, "wall_seconds")));
    json_t *files = json_object_get(root, "resolved_scenarios");
    if (strcmp(command, "run") == 0)
        files = json_pack("[{s:s, s:s}]", "file", "scenario.resolved.cfg", "label", "run");
    else
        json_incref(files);
    CU_ASSERT_FATAL(json_is_array(files));
    CU_ASSERT(json_array_size(files) >= min_resolved);
    size_t i;
    json_t *f;
    json_array_foreach(files, i, f) {
        const char *name = json_string_value(json_object_get(f, "file"));
        CU_ASSERT_FATAL(name != NULL && has_text(f, "label"));
        snprintf(path, sizeof path, "%s/%s", dir, name);
        spc_error err;
        spc_error_clear(&err);
        spc_scenario *sc = spc_scenario_load(path, NULL, 0, &err);
        if (sc == NULL)
            fprintf(stderr, "\n  %s: %s", path, err.msg);
        CU_ASSERT(sc != NULL && sc->seed == seed);
        spc_scenario_free(sc);
    }
    json_decref(files);
    json_decref(root);
}

/* docs/analysis.md's snippets read the columns its "columns:" comment
 * lists: each must be in the header of its file (a member of run.json)
 * as the folders of a fresh run, compare and chain hold them. */
static void check_doc_columns(const char *run_dir, const char *compare_dir, const char *chain_dir)
{
    char *doc = spc_text_read_file("docs/analysis.md", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    char *s = strstr(doc, "<!-- columns:");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    size_t files = 0;
    for (char *line = strchr(s, '\n'); line != NULL && strncmp(line + 1, "-->", 3) != 0; line = strchr(line + 1, '\n')) {
        char name[64], path[600];
        int used = 0;
        if (sscanf(line + 1, "%63[^:]:%n", name, &used) != 1 || used == 0 || strchr(name, ' ') != NULL)
            continue;
        const char *dir = strcmp(name, "compare.csv") == 0 ? compare_dir : strcmp(name, "chain.csv") == 0 ? chain_dir
                                                                                                             : run_dir;
        snprintf(path, sizeof path, "%s/%s", dir, name);
        char *text = spc_text_read_file(path, NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        int json = strcmp(name, "run.json") == 0;
        if (!json)
            text[strcspn(text, "\n")] = '\0'; /* the header */
        files++;
        size_t hlen = strlen(text) + 3;
        char *head = malloc(hlen), cols[512];
        CU_ASSERT_PTR_NOT_NULL_FATAL(head);
        snprintf(head, hlen, ",%s,", text); /* every column between commas */
        snprintf(cols, sizeof cols, "%.*s", (int)strcspn(line + 1 + used, "\n"), line + 1 + used);
        for (char *save = NULL, *col = strtok_r(cols, " ", &save); col != NULL; col = strtok_r(NULL, " ", &save)) {
            char want[80];
            snprintf(want, sizeof want, json ? "\"%s\":" : ",%s,", col);
            if (strstr(json ? text : head, want) == NULL) {
                fprintf(stderr, "\n  docs/analysis.md reads %s of %s, which %s lacks", col, name, path);
                CU_FAIL("docs/analysis.md reads a column spcsim does not write");
            }
        }
        free(head);
        free(text);
    }
    CU_ASSERT_EQUAL(files, 6);
    free(doc);
}

static void test_pack_studies(void)
{
    char tmp[64], d[6][512];
    make_tmp(tmp, sizeof tmp);
    static const char *const sub[] = { "run", "compare", "sweep", "warmup", "sensitivity", "chain" };
    for (int i = 0; i < 6; i++)
        snprintf(d[i], sizeof d[i], "%s/%s", tmp, sub[i]);
    const char *runa[] = { "run", SMALL, "--set", "horizon=\"8w\"", "-r", "2", "-q", "-o", d[0], NULL };
    const char *cmp[] = { "compare", TANDEM, "arrivals.rate=3.5", "--set", "horizon=\"2w\"", "-r", "2", "-q",
                          "-o", d[1], NULL };
    const char *swp[] = { "sweep", TANDEM, "--param", "arrivals.rate=3,3.5", "--set", "horizon=\"2w\"", "-r", "2",
                          "-q", "-o", d[2], NULL };
    const char *wup[] = { "warmup", TANDEM, "--seed", "11", "--set", "horizon=\"2w\"", "-r", "2", "-q", "-o", d[3],
                          NULL };
    const char *sens[] = { "sensitivity", SMALL, "--set", "horizon=\"8w\"", "-r", "1", "-q", "--trajectories", "1",
                           "--param", "finance.cogs=40:50", "-o", d[4], NULL };
    const char *chain[] = { "chain", SMALL, "-r", "2", "-q", "-o", d[5], "--set", "horizon=\"12w\"", "--set",
                            "warmup=\"4w\"", "--esat-delta", "1%,2%", NULL };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *small = spc_scenario_load(SMALL, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(small);
    unsigned long long seed = small->seed;
    spc_scenario_free(small);
    CU_ASSERT_EQUAL_FATAL(run(tmp, runa), 0);
    check_pack(d[0], "run", "-o", seed, 2, 1);
    CU_ASSERT_EQUAL_FATAL(run(tmp, cmp), 0);
    check_pack(d[1], "compare", "arrivals.rate=3.5", 3, 2, 2);
    CU_ASSERT_EQUAL_FATAL(run(tmp, swp), 0);
    check_pack(d[2], "sweep", "arrivals.rate=3,3.5", 3, 2, 2);
    CU_ASSERT_EQUAL_FATAL(run(tmp, wup), 0);
    check_pack(d[3], "warmup", "--seed 11", 11, 2, 1);
    CU_ASSERT_EQUAL_FATAL(run(tmp, sens), 0);
    check_pack(d[4], "sensitivity", "finance.cogs=40:50", seed, 1, 1);
    CU_ASSERT_EQUAL_FATAL(run(tmp, chain), 0);
    check_pack(d[5], "chain", "1%,2%", seed, 2, 2); /* the base, the variant (and each dose reached) */
    check_doc_columns(d[0], d[1], d[5]);
    tests_remove_tree(tmp);
}

/* calibrate: the scenario it started from, resolved, beside calibrated.cfg. */
static void test_pack_calibrate(void)
{
    char tmp[64], out[512];
    make_tmp(tmp, sizeof tmp);
    snprintf(out, sizeof out, "%s/out", tmp);
    const char *args[] = { "calibrate", TANDEM, "--set", "horizon=\"2w\"", "-r", "2", "-q", "-o", out, "--max-iter",
                           "3", "-t", "system/lead_time_mean=2:100", "-f", "arrivals.rate=3:4", NULL };
    CU_ASSERT_EQUAL_FATAL(run(tmp, args), 0);
    check_pack(out, "calibrate", "system/lead_time_mean=2:100", 3, 2, 1);
    tests_remove_tree(tmp);
}

/* check lists every duration and rate with its unit, money per period
 * naming its period; a bare number in a scenario without a declared time
 * unit is refused, from the file or from --set, saying how to write it. */
static void test_check_units(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    const char *args[] = { "check", "scenarios/sears.cfg", NULL };
    CU_ASSERT_EQUAL_FATAL(run(tmp, args), 0);
    char out[512];
    snprintf(out, sizeof out, "%s/stdout", tmp);
    char *text = spc_text_read_file(out, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    static const char *const lines[] = {
        "\n# Durations and rates with their units (time unit h, declared):\n",
        "\n#   horizon                                      26208 h = 156 w\n",
        "\n#   finance.fixed                                267.857 currency per h = 45000 per w\n",
        "\n#   stages.[1].service (mean)                    0.75 h = 45 min\n",
        "\n#   workforce.hiring.delay (mean)                672 h = 4 w\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        if (strstr(text, lines[i]) == NULL) {
            fprintf(stderr, "\n  check scenarios/sears.cfg lacks the line %s", lines[i] + 1);
            CU_FAIL("a duration or rate without its unit in check");
        }
    free(text);
    const char *bare[] = { "check", "tests/data/minimal.cfg", "--set", "stages.[0].service.mean=4", NULL };
    char err[512];
    snprintf(err, sizeof err, "%s/stderr", tmp);
    CU_ASSERT_EQUAL(tests_wait(tests_spawn(bare, NULL, out, err)), 4);
    text = spc_text_read_file(err, NULL);
    CU_ASSERT(text != NULL && strstr(text, "--set: stages.[0].service.mean: a duration without a unit: write it "
                                           "with one, such as \"4w\", \"8h\", \"15min\"") != NULL);
    free(text);
    const char *declared[] = { "check", "tests/data/minimal.cfg", "--set", "stages.[0].service.mean=4", "--set",
                               "time_unit=\"h\"", NULL };
    CU_ASSERT_EQUAL(run(tmp, declared), 0);
    tests_remove_tree(tmp);
}

static const CU_TestInfo tests[] = {
    { "run, compare, sweep, warmup, sensitivity, chain: run.json and resolved scenarios", test_pack_studies },
    { "calibrate: run.json and the resolved scenario", test_pack_calibrate },
    { "check: every duration and rate with its unit; a bare number needs a declared time unit", test_check_units },
    CU_TEST_INFO_NULL,
};

int tests_pack(void) { return tests_add_suite("pack", tests); }
