/*
 * test_scenario.c -- the scenario reader.
 *
 * Bad input is data-driven, the way jq tests its error paths: every file in
 * tests/data/bad is one class of error and begins with
 *
 *   # expect-exit: 4
 *   # expect: bad/servers-zero.cfg:9: stages.[0].servers:
 *
 * The test loads each file and checks that loading fails with that code and
 * a single-line message containing that text (file, line and setting path).
 * The rest checks --set overrides, defaults, units, and that the resolved
 * scenario written back reads as the same scenario (a fixed point).
 *
 * Paths are relative to the repository root, where `make check` runs; set
 * SPCSIM_TESTDATA to run from elsewhere.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spcsim/cfgread.h"
#include "spcsim/timeunits.h"
#include "spcsim/text.h"
#include "tests.h"

#define MIN_BAD_FILES 26 /* the classes of error the directory must cover */

static const char *data_dir(void)
{
    const char *d = getenv("SPCSIM_TESTDATA");
    return d != NULL && d[0] != '\0' ? d : "tests/data";
}

static void data_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", data_dir(), name);
}

/* ---- data-driven bad scenarios ---- */

typedef struct {
    char **v;
    size_t n, cap;
} name_list;

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void names_push(name_list *l, const char *name)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 32;
        char **v = realloc(l->v, cap * sizeof *v);
        CU_ASSERT_FATAL(v != NULL);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n] = strdup(name);
    CU_ASSERT_FATAL(l->v[l->n] != NULL);
    l->n++;
}

static void names_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

/* The *.cfg files of dir, sorted by name so that the order is fixed. */
static name_list list_cfg_files(const char *dir)
{
    name_list l = { NULL, 0, 0 };
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "\n  cannot open %s (run from the repository root)\n", dir);
        CU_FAIL_FATAL("no bad-scenario directory");
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] != '.' && len > 4 && strcmp(e->d_name + len - 4, ".cfg") == 0)
            names_push(&l, e->d_name);
    }
    closedir(d);
    if (l.n > 1)
        qsort(l.v, l.n, sizeof *l.v, cmp_names);
    return l;
}

typedef struct {
    int code;          /* -1 when the file does not say */
    char expect[1024]; /* "" when the file does not say */
} expectation;

static void strip_eol(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
        s[--n] = '\0';
}

/* Reads the "# expect-exit:" and "# expect:" lines of the leading comments. */
static expectation read_expectation(const char *path)
{
    expectation x = { -1, "" };
    FILE *f = fopen(path, "r");
    char line[1024];
    while (f != NULL && fgets(line, sizeof line, f) != NULL && line[0] == '#') {
        strip_eol(line);
        if (strncmp(line, "# expect-exit: ", 15) == 0)
            x.code = atoi(line + 15);
        else if (strncmp(line, "# expect: ", 10) == 0)
            snprintf(x.expect, sizeof x.expect, "%s", line + 10);
    }
    if (f != NULL)
        fclose(f);
    return x;
}

/* "PATH:N:" at the start: the message names the file and a line. */
static int names_file_and_line(const char *msg, const char *path)
{
    size_t n = strlen(path);
    return strncmp(msg, path, n) == 0 && msg[n] == ':' && msg[n + 1] >= '1' && msg[n + 1] <= '9';
}

static void check_bad_file(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    expectation x = read_expectation(path);
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, NULL, 0, &err);
    int ok = x.code > 0 && x.expect[0] != '\0' && sc == NULL && (int)err.code == x.code &&
             strstr(err.msg, x.expect) != NULL && strchr(err.msg, '\n') == NULL &&
             names_file_and_line(err.msg, path);
    if (!ok)
        fprintf(stderr, "\n  %s: expected exit %d and \"%s\", got exit %d: %s", path, x.code,
                x.expect, (int)err.code, sc ? "(loaded)" : err.msg);
    CU_ASSERT(x.code > 0 && x.expect[0] != '\0');
    CU_ASSERT_PTR_NULL(sc);
    CU_ASSERT_EQUAL((int)err.code, x.code);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, x.expect));
    CU_ASSERT_PTR_NULL(strchr(err.msg, '\n'));
    CU_ASSERT(names_file_and_line(err.msg, path));
    spc_scenario_free(sc);
}

static void test_bad_files(void)
{
    char dir[512];
    data_path(dir, sizeof dir, "bad");
    name_list l = list_cfg_files(dir);
    CU_ASSERT(l.n >= MIN_BAD_FILES);
    for (size_t i = 0; i < l.n; i++)
        check_bad_file(dir, l.v[i]);
    names_free(&l);
}

/* ---- files that cannot be read ---- */

static void expect_load_error(const char *path, const char *const *sets, size_t nsets,
                              spc_status code, const char *text)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, sets, nsets, &err);
    if (sc != NULL || err.code != code || strstr(err.msg, text) == NULL)
        fprintf(stderr, "\n  %s: expected code %d and \"%s\", got %d: %s", path, (int)code, text,
                (int)err.code, sc ? "(loaded)" : err.msg);
    CU_ASSERT_PTR_NULL(sc);
    CU_ASSERT_EQUAL(err.code, code);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, text));
    CU_ASSERT_PTR_NULL(strchr(err.msg, '\n'));
    spc_scenario_free(sc);
}

static void test_unreadable(void)
{
    char path[512];
    data_path(path, sizeof path, "no-such-scenario.cfg");
    expect_load_error(path, NULL, 0, SPC_ERR_READ, path);
    data_path(path, sizeof path, "bad");
    expect_load_error(path, NULL, 0, SPC_ERR_READ, path); /* a folder, with the reason: */
    expect_load_error(path, NULL, 0, SPC_ERR_READ, "cannot open the scenario: it is a folder, not a file");
}

/* ---- bounded reading: FIFOs, size, includes ---- */

#define SMALL_BODY "horizon = \"1w\";\narrivals = { rate = \"4/h\"; };\n" \
    "stages = ({ name = \"a\"; servers = 1; service = { dist = \"exponential\"; mean = \"12min\"; }; });\n"

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs(text, f);
    CU_ASSERT_EQUAL(fclose(f), 0);
}

/* A FIFO as the scenario or as an include is refused at once (it used to
 * block forever); a good include still reads; an oversized file is refused. */
static void test_bounded_reading(void)
{
    char dir[] = "/tmp/spcsim-test-read-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char fifo[128], top[128], part[128], big[128];
    snprintf(fifo, sizeof fifo, "%s/fifo.cfg", dir);
    snprintf(top, sizeof top, "%s/top.cfg", dir);
    snprintf(part, sizeof part, "%s/part.cfg", dir);
    snprintf(big, sizeof big, "%s/big.cfg", dir);
    CU_ASSERT_EQUAL_FATAL(mkfifo(fifo, 0600), 0);
    expect_load_error(fifo, NULL, 0, SPC_ERR_READ, "fifo.cfg: cannot open the scenario: it is a FIFO");

    write_file(part, "name = \"included\";\n");
    write_file(top, "@include \"part.cfg\"\n" SMALL_BODY);
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(top, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL(sc);
    CU_ASSERT(sc != NULL && strcmp(sc->name, "included") == 0);
    spc_scenario_free(sc);

    write_file(part, "name = 7;\n"); /* an error inside the include names the include */
    expect_load_error(top, NULL, 0, SPC_ERR_INVALID, "part.cfg:1: name:");
    write_file(top, "name = \"x\";\n@include \"fifo.cfg\"\n" SMALL_BODY);
    expect_load_error(top, NULL, 0, SPC_ERR_INVALID, "top.cfg:2: @include \"fifo.cfg\"");
    expect_load_error(top, NULL, 0, SPC_ERR_INVALID, "it is a FIFO (named pipe), not a regular file");

    FILE *f = fopen(big, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("name = \"big\";\n# ", f);
    for (long i = 0; i < SPC_SCENARIO_MAX_BYTES; i++)
        fputc('a', f);
    fputs("\n" SMALL_BODY, f);
    CU_ASSERT_EQUAL(fclose(f), 0);
    expect_load_error(big, NULL, 0, SPC_ERR_INVALID, "big.cfg: the scenario is too large");
    write_file(top, "name = \"x\";\n@include \"big.cfg\"\n" SMALL_BODY);
    expect_load_error(top, NULL, 0, SPC_ERR_INVALID, "top.cfg:2: @include \"big.cfg\"");

    /* a 4 MB string reads in linear time (libconfig alone took minutes for 10 MB) */
    f = fopen(big, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("name = \"big\";\ndescription = \"", f);
    for (long i = 0; i < SPC_SCENARIO_MAX_BYTES - 4096; i++)
        fputc('a', f);
    fputs("\";\n" SMALL_BODY, f);
    CU_ASSERT_EQUAL(fclose(f), 0);
    clock_t t0 = clock();
    spc_error_clear(&err);
    sc = spc_scenario_load(big, NULL, 0, &err);
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CU_ASSERT_PTR_NOT_NULL(sc);
    CU_ASSERT(sc != NULL && strlen(sc->description) == (size_t)SPC_SCENARIO_MAX_BYTES - 4096);
    if (seconds > 5)
        fprintf(stderr, "\n  a %ld-byte string took %.1f s to read", SPC_SCENARIO_MAX_BYTES - 4096, seconds);
    CU_ASSERT(seconds < 5);
    spc_scenario_free(sc);

    unlink(fifo), unlink(top), unlink(part), unlink(big);
    rmdir(dir);
}

/* A seed is kept exactly (not through a double), and --set refuses an
 * integer libconfig would wrap. */
static void test_seed_exact(void)
{
    char path[512];
    data_path(path, sizeof path, "minimal.cfg");
    const char *big[] = { "seed=9007199254740993L" }; /* 2^53 + 1 */
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, big, 1, &err);
    CU_ASSERT_PTR_NOT_NULL(sc);
    CU_ASSERT(sc != NULL && sc->seed == 9007199254740993ULL);
    spc_scenario_free(sc);
    const char *over[] = { "seed=18446744073709551615L" };
    expect_load_error(path, over, 1, SPC_ERR_INVALID, "--set: seed: integer out of range (got 18446744073709551615L)");
    const char *wrap[] = { "seed=3000000000" };
    expect_load_error(path, wrap, 1, SPC_ERR_INVALID, "needs an L (3000000000L)");
}

/* ---- --set overrides ---- */

static spc_scenario *load_ok(const char *name, const char *const *sets, size_t nsets)
{
    char path[512];
    data_path(path, sizeof path, name);
    if (strchr(name, '/') != NULL)
        snprintf(path, sizeof path, "%s", name);
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, sets, nsets, &err);
    if (sc == NULL) {
        fprintf(stderr, "\n  load %s: %s\n", path, err.msg);
        CU_FAIL_FATAL("scenario did not load");
    }
    CU_ASSERT_EQUAL(err.code, SPC_OK);
    return sc;
}

static void test_set_creates_missing(void)
{
    const char *sets[] = { "statistics.batches=5", "stages.[1].queue_capacity=7" };
    spc_scenario *sc = load_ok("minimal.cfg", sets, 2);
    CU_ASSERT_EQUAL(sc->batches, 5);
    CU_ASSERT_EQUAL(sc->stages[1].capacity, 7);
    CU_ASSERT_EQUAL(sc->stages[0].capacity, SPC_CAPACITY_INFINITE);
    spc_scenario_free(sc);
}

static void test_set_replaces_type(void)
{
    /* rate is the string "4/h" in the file, horizon the string "1w", servers
     * the integer 1; bare numbers for the rate and the horizon need the time
     * unit declared (here by --set too) */
    const char *sets[] = { "arrivals.rate=9", "stages.[0].servers=5", "horizon=100", "time_unit=\"h\"" };
    spc_scenario *sc = load_ok("minimal.cfg", sets, 4);
    CU_ASSERT_DOUBLE_EQUAL(sc->arrivals.rate, 9.0, 1e-12);
    CU_ASSERT_EQUAL(sc->stages[0].servers, 5);
    CU_ASSERT_DOUBLE_EQUAL(sc->horizon, 100.0, 0.0);
    spc_scenario_free(sc);
    /* a group replaced by a group, and the last of two --set winning */
    const char *more[] = { "arrivals={ rate = \"2/h\"; }", "stages.[1].servers=3", "stages.[1].servers=4" };
    sc = load_ok("minimal.cfg", more, 3);
    CU_ASSERT_DOUBLE_EQUAL(sc->arrivals.rate, 2.0, 1e-12);
    CU_ASSERT_EQUAL(sc->stages[1].servers, 4);
    spc_scenario_free(sc);
}

static void test_set_bare_word(void)
{
    /* 15min and 9/h are not libconfig values: taken as strings */
    const char *sets[] = { "warmup=15min", "arrivals.rate=9/h", "description=two words" };
    spc_scenario *sc = load_ok("minimal.cfg", sets, 3);
    CU_ASSERT_DOUBLE_EQUAL(sc->warmup, 0.25, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sc->arrivals.rate, 9.0, 1e-12);
    CU_ASSERT_STRING_EQUAL(sc->description, "two words");
    spc_scenario_free(sc);
}

static void test_set_list_element(void)
{
    /* a string into an array of strings; an integer into an array of floats */
    const char *sets[] = { "arrivals.schedule.rates.[1]=\"30/h\"", "stages.[5].service.weights.[0]=2" };
    spc_scenario *sc = load_ok("all-features.cfg", sets, 2);
    CU_ASSERT_EQUAL(sc->arrivals.kind, SPC_ARRIVALS_SCHEDULE);
    CU_ASSERT_DOUBLE_EQUAL(sc->arrivals.slot_rate[1], 0.5, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(sc->stages[5].service.weights[0], 2.0, 0.0);
    spc_scenario_free(sc);
    /* arrays hold one type: a number cannot replace one of the strings */
    char path[512];
    data_path(path, sizeof path, "all-features.cfg");
    const char *mixed[] = { "arrivals.schedule.rates.[1]=7" };
    expect_load_error(path, mixed, 1, SPC_ERR_INVALID, "--set: arrivals.schedule.rates.[1]: an element");
    /* a bad element set in place is blamed on --set, not on the file's line */
    const char *fast[] = { "arrivals.schedule.rates.[0]=\"fast\"" };
    expect_load_error(path, fast, 1, SPC_ERR_INVALID, "--set: arrivals.schedule.rates.[0]: must be a rate");
}

static void test_set_errors(void)
{
    char path[512];
    data_path(path, sizeof path, "minimal.cfg");
    const char *noeq[] = { "noequals" };
    expect_load_error(path, noeq, 1, SPC_ERR_USAGE, "noequals");
    const char *zero[] = { "stages.[0].servers=0" };
    expect_load_error(path, zero, 1, SPC_ERR_INVALID, "--set: stages.[0].servers:");
    const char *word[] = { "stages.[0].servers=two" };
    expect_load_error(path, word, 1, SPC_ERR_INVALID, "--set: stages.[0].servers: must be an integer");
    const char *typo[] = { "horizn=5" };
    expect_load_error(path, typo, 1, SPC_ERR_INVALID, "--set: horizn: unknown setting");
    const char *nowhere[] = { "stages.[9].servers=1" };
    expect_load_error(path, nowhere, 1, SPC_ERR_INVALID, "--set: stages.[9].servers:");
    const char *unparsable[] = { "stages=(" };
    expect_load_error(path, unparsable, 1, SPC_ERR_INVALID, "--set: stages: cannot read the value");
    const char *wrongelem[] = { "stages.[0]=5" };
    expect_load_error(path, wrongelem, 1, SPC_ERR_INVALID, "--set: stages.[0]:");
}

/* The message must start with "--set: PATH:" (no file, no line). */
static void test_set_error_prefix(void)
{
    char path[512];
    data_path(path, sizeof path, "minimal.cfg");
    const char *sets[] = { "stages.[0].servers=0" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, sets, 1, &err);
    CU_ASSERT_PTR_NULL(sc);
    CU_ASSERT_EQUAL(strncmp(err.msg, "--set: stages.[0].servers:", 26), 0);
    spc_scenario_free(sc);
}

/* ---- defaults ---- */

static void test_defaults(void)
{
    spc_scenario *sc = load_ok("minimal.cfg", NULL, 0);
    CU_ASSERT_STRING_EQUAL(sc->name, "minimal");
    CU_ASSERT_STRING_EQUAL(sc->description, "");
    CU_ASSERT_EQUAL(sc->seed, 1);
    CU_ASSERT_STRING_EQUAL(sc->generator, "xoshiro256++"); /* SPC_RNG_DEFAULT */
    CU_ASSERT_STRING_EQUAL(sc->time_unit, "h");
    CU_ASSERT_DOUBLE_EQUAL(sc->unit_seconds, 3600.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(sc->warmup, 0.0, 0.0);
    CU_ASSERT_EQUAL(sc->batches, 20);
    CU_ASSERT_EQUAL(sc->arrivals.kind, SPC_ARRIVALS_POISSON);
    CU_ASSERT_EQUAL(sc->arrivals.entry, 0);
    CU_ASSERT_EQUAL_FATAL(sc->nstages, 2);
    CU_ASSERT_EQUAL(sc->stages[0].capacity, SPC_CAPACITY_INFINITE);
    /* routing: to the next stage, and from the last one, delivery */
    CU_ASSERT_EQUAL_FATAL(sc->stages[0].nroutes, 1);
    CU_ASSERT_EQUAL(sc->stages[0].routes[0].to, 1);
    CU_ASSERT_DOUBLE_EQUAL(sc->stages[0].routes[0].p, 1.0, 0.0);
    CU_ASSERT_EQUAL_FATAL(sc->stages[1].nroutes, 1);
    CU_ASSERT_EQUAL(sc->stages[1].routes[0].to, SPC_ROUTE_DELIVER);
    spc_scenario_free(sc);
}

static void test_features_read(void)
{
    spc_scenario *sc = load_ok("all-features.cfg", NULL, 0);
    CU_ASSERT_EQUAL(sc->seed, 12345678901234ULL);
    CU_ASSERT_STRING_EQUAL(sc->generator, "taus2");
    CU_ASSERT_DOUBLE_EQUAL(sc->horizon, 4320.0, 0.0);            /* 3d in minutes */
    CU_ASSERT_DOUBLE_EQUAL(sc->arrivals.period, 1440.0, 0.0);    /* 24h */
    CU_ASSERT_DOUBLE_EQUAL(sc->arrivals.slot_rate[1], 0.1, 1e-15); /* 6/h per minute */
    CU_ASSERT_DOUBLE_EQUAL(sc->arrivals.slot_start[2], 1080.0, 0.0);
    CU_ASSERT_EQUAL_FATAL(sc->nstages, 6);
    CU_ASSERT_EQUAL(sc->stages[0].capacity, 10);
    CU_ASSERT_EQUAL(sc->stages[3].capacity, 0);
    CU_ASSERT_EQUAL(sc->stages[1].routes[0].to, 2);  /* routing = "build" */
    CU_ASSERT_EQUAL(sc->stages[5].service.n, 3);
    CU_ASSERT_PTR_NOT_NULL(sc->stages[5].service.weights);
    CU_ASSERT_DOUBLE_EQUAL(sc->stages[5].service.values[2], 30.0, 0.0);
    spc_scenario_free(sc);
}

/* ---- units ---- */

static void check_duration(const char *text, double want)
{
    double x = -1.0;
    CU_ASSERT_EQUAL(spc_timeunit_duration(text, 3600.0, &x), 0);
    CU_ASSERT_DOUBLE_EQUAL(x, want, 1e-12 * (1.0 + want));
}

static void test_durations(void)
{
    check_duration("90s", 0.025);
    check_duration("15min", 0.25);
    check_duration("8h", 8.0);
    check_duration("3d", 72.0);
    check_duration("2w", 336.0);
    check_duration("1.5", 1.5); /* no unit: already in time units */
    const char *bad[] = { "5 parsecs", "", "h", "nan", "inf", "1e999", "5hh", "2 w x" };
    double x;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CU_ASSERT_EQUAL(spc_timeunit_duration(bad[i], 3600.0, &x), -1);
    /* the same strings through a scenario whose time unit is h */
    const char *sets[] = { "horizon=\"2w\"", "warmup=\"90s\"" };
    spc_scenario *sc = load_ok("minimal.cfg", sets, 2);
    CU_ASSERT_DOUBLE_EQUAL(sc->horizon, 336.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(sc->warmup, 0.025, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(sc->stages[0].service.mean, 0.1, 1e-15); /* 6min */
    spc_scenario_free(sc);
}

static void test_rates(void)
{
    double x = -1.0;
    CU_ASSERT_EQUAL(spc_timeunit_rate("9/h", 60.0, &x), 0);
    CU_ASSERT_DOUBLE_EQUAL(x, 0.15, 1e-15);
    CU_ASSERT_EQUAL(spc_timeunit_rate("120/d", 3600.0, &x), 0);
    CU_ASSERT_DOUBLE_EQUAL(x, 5.0, 1e-12);
    CU_ASSERT_EQUAL(spc_timeunit_rate("2.5", 3600.0, &x), 0);
    CU_ASSERT_DOUBLE_EQUAL(x, 2.5, 0.0);
    const char *bad[] = { "9/parsec", "9h", "/h", "fast", "", "9/" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CU_ASSERT_EQUAL(spc_timeunit_rate(bad[i], 3600.0, &x), -1);
    CU_ASSERT_DOUBLE_EQUAL(spc_timeunit_seconds("w"), 604800.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(spc_timeunit_seconds("hours"), 0.0, 0.0);
    const char *sets[] = { "time_unit=\"min\"", "arrivals.rate=\"9/h\"" };
    spc_scenario *sc = load_ok("minimal.cfg", sets, 2);
    CU_ASSERT_DOUBLE_EQUAL(sc->arrivals.rate, 0.15, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(sc->horizon, 10080.0, 0.0); /* 1w in minutes */
    spc_scenario_free(sc);
}

/* ---- the resolved scenario is a fixed point ---- */

static char *slurp(const char *path) { return spc_text_read_file(path, NULL); }

static void check_round_trip(const char *file)
{
    spc_scenario *sc = load_ok(file, NULL, 0);
    char p1[64], p2[64];
    char *t1 = tests_write_resolved(sc, p1, sizeof p1);
    spc_scenario *back = load_ok(p1, NULL, 0);
    char *t2 = tests_write_resolved(back, p2, sizeof p2);
    CU_ASSERT_PTR_NOT_NULL(t1);
    CU_ASSERT_PTR_NOT_NULL(t2);
    int same = t1 != NULL && t2 != NULL && strcmp(t1, t2) == 0;
    if (!same)
        fprintf(stderr, "\n  %s: the resolved scenario changes when read back (%s, %s)", file, p1, p2);
    CU_ASSERT(same);
    CU_ASSERT_DOUBLE_EQUAL(back->horizon, sc->horizon, 0.0);
    CU_ASSERT_EQUAL(back->seed, sc->seed);
    CU_ASSERT_EQUAL(back->nstages, sc->nstages);
    if (same) {
        unlink(p1);
        unlink(p2);
    }
    free(t1);
    free(t2);
    spc_scenario_free(back);
    spc_scenario_free(sc);
}

static void test_round_trip(void)
{
    check_round_trip("scenarios/validation/tandem3.cfg");
    check_round_trip("scenarios/validation/erlangb.cfg");
    check_round_trip("all-features.cfg");
    check_round_trip("renewal.cfg");
}

/* ---- from text (spc_scenario_load_text, the fuzz target's way in) ---- */

/* The text of path loads as the file does: both, or neither with the same
 * code and the same message (both go through spc_cfgfile_parse). */
static void check_text_like_file(const char *path)
{
    char *text = slurp(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    spc_error ferr, terr;
    spc_error_clear(&ferr);
    spc_error_clear(&terr);
    spc_scenario *a = spc_scenario_load(path, NULL, 0, &ferr);
    spc_scenario *b = spc_scenario_load_text(path, text, NULL, 0, &terr);
    if ((a == NULL) != (b == NULL) || ferr.code != terr.code || strcmp(ferr.msg, terr.msg) != 0)
        fprintf(stderr, "\n  %s: from the file: %s; from its text: %s", path, a ? "(loaded)" : ferr.msg,
                b ? "(loaded)" : terr.msg);
    CU_ASSERT_EQUAL(a == NULL, b == NULL);
    CU_ASSERT_EQUAL(ferr.code, terr.code);
    CU_ASSERT_STRING_EQUAL(ferr.msg, terr.msg);
    if (b == NULL)
        CU_ASSERT_PTR_NULL(strchr(terr.msg, '\n'));
    spc_scenario_free(a);
    spc_scenario_free(b);
    free(text);
}

static void test_load_text(void)
{
    char dir[512], path[1024];
    data_path(dir, sizeof dir, "bad");
    name_list l = list_cfg_files(dir);
    for (size_t i = 0; i < l.n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, l.v[i]);
        check_text_like_file(path);
    }
    names_free(&l);
    const char *good[] = { "minimal.cfg", "all-features.cfg", "renewal.cfg" };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        data_path(path, sizeof path, good[i]);
        check_text_like_file(path);
    }
    check_text_like_file("scenarios/sears.cfg");
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_PTR_NULL(spc_scenario_load_text("text.cfg", "horizon = ;", NULL, 0, &err));
    CU_ASSERT_EQUAL(err.code, SPC_ERR_INVALID);
    CU_ASSERT_EQUAL(strncmp(err.msg, "text.cfg:1: syntax error", 24), 0);
}

static const CU_TestInfo tests[] = {
    { "bad scenarios (tests/data/bad)", test_bad_files },
    { "unreadable file", test_unreadable },
    { "FIFO, size and @include bounds", test_bounded_reading },
    { "seed exact, integers libconfig would wrap", test_seed_exact },
    { "--set creates a missing setting", test_set_creates_missing },
    { "--set replaces a value of another type", test_set_replaces_type },
    { "--set bare word is a string", test_set_bare_word },
    { "--set list element", test_set_list_element },
    { "--set errors", test_set_errors },
    { "--set invalid value names --set", test_set_error_prefix },
    { "defaults filled in", test_defaults },
    { "every feature read", test_features_read },
    { "durations", test_durations },
    { "rates", test_rates },
    { "resolved scenario round trip", test_round_trip },
    { "from text as from the file", test_load_text },
    CU_TEST_INFO_NULL,
};

int tests_scenario(void)
{
    return tests_add_suite("scenario", tests);
}
