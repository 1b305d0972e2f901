/*
 * test_trace.c -- the tracer (trace.h): parsing the filter, the line
 * format, the filter at work on a run, a known beginning of a tiny run's
 * trace, and that tracing changes no result. The command line's side
 * (--trace, exit codes, atomic file) is in test_cli.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/run.h"
#include "spcsim/trace.h"
#include "tests.h"

#define TANDEM "scenarios/validation/tandem3.cfg"
#define ALL_KINDS ((1ul << SPC_TR_NKINDS) - 1)

/* A tracer writing to memory; text() gives what was written so far. */
typedef struct {
    FILE *f;
    char *buf;
    size_t len;
    spc_trace *tr;
} mem_trace;

static void mem_open(mem_trace *m, unsigned long mask, double t0, double t1)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m->f);
    m->tr = spc_trace_alloc(m->f, mask, t0, t1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m->tr);
}

static const char *mem_text(mem_trace *m)
{
    fflush(m->f);
    return m->buf != NULL ? m->buf : "";
}

static void mem_close(mem_trace *m)
{
    spc_trace_free(m->tr);
    fclose(m->f);
    free(m->buf);
}

/* Runs replication 0 of path (with overrides), traced by tr (may be NULL). */
static void run_traced(const char *path, const char *const *sets, size_t nsets, spc_trace *tr, spc_results *out)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, sets, nsets, &err);
    if (sc == NULL)
        fprintf(stderr, "\n  load %s: %s\n", path, err.msg);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_results_init(out);
    spc_status st = spc_run_execute(sc, &(spc_run_request){ .out = out, .trace = tr }, &err);
    if (st != SPC_OK)
        fprintf(stderr, "\n  run %s: %s\n", path, err.msg);
    CU_ASSERT_EQUAL(st, SPC_OK);
    spc_scenario_free(sc);
}

/* ---- parsing ---- */

static void test_parse_kinds(void)
{
    spc_error err;
    spc_error_clear(&err);
    unsigned long mask;
    CU_ASSERT_EQUAL(spc_trace_parse_kinds("arrival,service_end,quit", &mask, &err), SPC_OK);
    CU_ASSERT_EQUAL(mask, (1ul << SPC_TR_ARRIVAL) | (1ul << SPC_TR_SERVICE_END) | (1ul << SPC_TR_QUIT));
    CU_ASSERT_EQUAL(spc_trace_parse_kinds("end", &mask, &err), SPC_OK);
    CU_ASSERT_EQUAL(mask, 1ul << SPC_TR_END);
    for (int k = 0; k < SPC_TR_NKINDS; k++) { /* every name parses back to its kind */
        CU_ASSERT_EQUAL(spc_trace_parse_kinds(spc_trace_kind_name((spc_trace_kind)k), &mask, &err), SPC_OK);
        CU_ASSERT_EQUAL(mask, 1ul << k);
    }
    const char *bad[] = { "arrival,departure", "", "arrival,", "Arrival", "service" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        spc_error_clear(&err);
        CU_ASSERT_EQUAL(spc_trace_parse_kinds(bad[i], &mask, &err), SPC_ERR_USAGE);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "known kinds: arrival, queue, service_start"));
        CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "warmup, end)"));
    }
    spc_error_clear(&err);
    spc_trace_parse_kinds("arrival,departure", &mask, &err);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "unknown event kind 'departure'"));
}

static void test_parse_window(void)
{
    spc_error err;
    spc_error_clear(&err);
    double t0, t1;
    CU_ASSERT_EQUAL(spc_trace_parse_window("2w:3w", 3600.0, &t0, &t1, &err), SPC_OK); /* unit: h */
    CU_ASSERT_DOUBLE_EQUAL(t0, 336.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(t1, 504.0, 1e-9);
    CU_ASSERT_EQUAL(spc_trace_parse_window("1.5:90min", 3600.0, &t0, &t1, &err), SPC_OK);
    CU_ASSERT_DOUBLE_EQUAL(t0, 1.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(t1, 1.5, 1e-12);
    CU_ASSERT_EQUAL(spc_trace_parse_window(":10", 3600.0, &t0, &t1, &err), SPC_OK);
    CU_ASSERT(t0 == 0.0 && t1 == 10.0);
    CU_ASSERT_EQUAL(spc_trace_parse_window("1d:", 3600.0, &t0, &t1, &err), SPC_OK);
    CU_ASSERT(t0 == 24.0 && isinf(t1));
    const char *bad[] = { "5", "3:2", "a:b", "1:2:3", "2w:1w", "-1:2", "1parsec:2", "" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        spc_error_clear(&err);
        CU_ASSERT_EQUAL(spc_trace_parse_window(bad[i], 3600.0, &t0, &t1, &err), SPC_ERR_USAGE);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "--trace-window"));
    }
}

/* ---- lines ---- */

static void test_lines_and_filter(void)
{
    mem_trace m;
    mem_open(&m, (1ul << SPC_TR_QUIT) | (1ul << SPC_TR_REPORT), 1.0, 2.0);
    spc_trace_line(m.tr, 1.5, SPC_TR_QUIT, "back_office#4", "employee %u quits", 23u);
    spc_trace_line(m.tr, 1.5, SPC_TR_ARRIVAL, "intake", "order 1 arrives"); /* kind not asked for */
    spc_trace_line(m.tr, 0.5, SPC_TR_QUIT, "back_office#1", "too early");
    spc_trace_line(m.tr, 2.5, SPC_TR_REPORT, "period 3", "too late");
    spc_trace_line(m.tr, 2.0, SPC_TR_REPORT, "period 2", "report"); /* the window is inclusive */
    CU_ASSERT_STRING_EQUAL(mem_text(&m), "      1.5000  quit           back_office#4     employee 23 quits\n"
                                         "      2.0000  report         period 2          report\n");
    CU_ASSERT(spc_trace_wants(m.tr, SPC_TR_QUIT, 1.0));
    CU_ASSERT_FALSE(spc_trace_wants(m.tr, SPC_TR_HIRE, 1.0));
    char pos[32];
    CU_ASSERT_STRING_EQUAL(spc_trace_position(pos, sizeof pos, "intake", 3), "intake#3");
    mem_close(&m);
}

/* ---- a run ---- */

/* The first lines of a short tandem run (seed 3) with a generator. */
static void check_beginning(const char *generator, const char *expect)
{
    mem_trace m;
    mem_open(&m, ALL_KINDS, 0.0, INFINITY);
    const char *sets[] = { "horizon=\"3h\"", "warmup=0.0", "statistics.period=\"1h\"", generator };
    spc_results r;
    run_traced(TANDEM, sets, 4, m.tr, &r);
    const char *text = mem_text(&m);
    if (strncmp(text, expect, strlen(expect)) != 0)
        fprintf(stderr, "\n  the trace (%s) begins:\n%.800s\n", generator, text);
    CU_ASSERT_EQUAL(strncmp(text, expect, strlen(expect)), 0);
    /* the last line is the end, at the horizon */
    const char *last = strstr(text, "      3.0000  end            run               horizon reached after ");
    CU_ASSERT(last != NULL && strchr(last, '\n')[1] == '\0');
    spc_results_release(&r);
    mem_close(&m);
}

/* A short tandem run starts with these lines, for ever: with xoshiro256++
 * (the default; exponentials by the ziggurat) and with mt19937 (the default
 * until 0.3; exponentials by inversion, as always). */
static void test_known_beginning(void)
{
    check_beginning("generator=\"xoshiro256++\"",
        "      0.2810  arrival        intake            order 1 arrives\n"
        "      0.2810  service_start  intake#0          order 1 starts service (waited 0 h, needs 0.1931 h)\n"
        "      0.3392  arrival        intake            order 2 arrives\n"
        "      0.3392  queue          intake            order 2 joins the queue (1 waiting)\n"
        "      0.4741  service_end    intake#0          order 1 done after 0.1931 h at the stage\n");
    check_beginning("generator=\"mt19937\"",
        "      0.1959  arrival        intake            order 1 arrives\n"
        "      0.1959  service_start  intake#0          order 1 starts service (waited 0 h, needs 0.07533 h)\n"
        "      0.2712  service_end    intake#0          order 1 done after 0.07533 h at the stage\n"
        "      0.2712  service_start  assembly#0        order 1 starts service (waited 0 h, needs 0.03573 h)\n"
        "      0.3069  service_end    assembly#0        order 1 done after 0.03573 h at the stage\n"
        "      0.3069  service_start  shipping#0        order 1 starts service (waited 0 h, needs 0.4813 h)\n"
        "      0.6802  arrival        intake            order 2 arrives\n");
}

/* Only the kinds and the window asked for, and the run's own lines. */
static void test_filter_on_a_run(void)
{
    mem_trace m;
    mem_open(&m, (1ul << SPC_TR_QUEUE) | (1ul << SPC_TR_REPORT), 5.0, 30.0);
    const char *sets[] = { "horizon=\"2d\"", "warmup=0.0", "statistics.period=\"10h\"" };
    spc_results r;
    run_traced(TANDEM, sets, 3, m.tr, &r);
    const char *text = mem_text(&m);
    int lines = 0, reports = 0;
    for (const char *p = text; *p != '\0'; p = strchr(p, '\n') + 1) {
        double t;
        char kind[32];
        CU_ASSERT_FATAL(sscanf(p, "%lf %31s", &t, kind) == 2);
        CU_ASSERT(t >= 5.0 && t <= 30.0);
        CU_ASSERT(strcmp(kind, "queue") == 0 || strcmp(kind, "report") == 0);
        reports += strcmp(kind, "report") == 0;
        lines++;
    }
    CU_ASSERT(lines > 10);
    CU_ASSERT_EQUAL(reports, 3); /* at 10, 20 and 30 h */
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "     10.0000  report         period 1          report: "));
    spc_results_release(&r);
    mem_close(&m);
}

/* Same rows, same estimates to the bit (NaN included). */
static int same_results(const spc_results *a, const spc_results *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->rows[i].scope, b->rows[i].scope) != 0 || strcmp(a->rows[i].metric, b->rows[i].metric) != 0 ||
            memcmp(&a->rows[i].e, &b->rows[i].e, sizeof a->rows[i].e) != 0)
            return 0;
    return 1;
}

/* Tracing draws nothing and changes nothing: the same metrics to the bit,
 * on a scenario with every traced module (chain, workforce, customers). */
static void test_trace_changes_nothing(void)
{
    const char *paths[] = { TANDEM, "tests/data/customers/small.cfg", "scenarios/understaffed.cfg" };
    const char *sets[] = { "horizon=\"4w\"" };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        mem_trace m;
        mem_open(&m, ALL_KINDS, 0.0, INFINITY);
        spc_results plain, traced;
        run_traced(paths[i], sets, 1, NULL, &plain);
        run_traced(paths[i], sets, 1, m.tr, &traced);
        CU_ASSERT(strlen(mem_text(&m)) > 1000);
        if (!same_results(&plain, &traced))
            fprintf(stderr, "\n  %s: the trace changed the results\n", paths[i]);
        CU_ASSERT(same_results(&plain, &traced));
        spc_results_release(&plain);
        spc_results_release(&traced);
        mem_close(&m);
    }
}

int tests_trace(void)
{
    static CU_TestInfo tests[] = {
        { "--trace-events: kinds, unknown kinds listed", test_parse_kinds },
        { "--trace-window: durations, open sides, errors", test_parse_window },
        { "lines: format, kind and window filter", test_lines_and_filter },
        { "a tiny run's trace begins as it always did", test_known_beginning },
        { "the filter on a run", test_filter_on_a_run },
        { "tracing changes no result", test_trace_changes_nothing },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("trace", tests);
}
