/*
 * bench_engine.c -- speed of the engine (a benchmark, not a test).
 *
 * 1. M/M/1 at rho = 0.9 with 1,000,000 customers through the whole model
 *    (scenario, streams, calendar, chain, statistics): wall time, events
 *    per second, peak memory. Best and median of 5 runs.
 * 2. The calendar alone: the "hold" model (pop one event, push one at a
 *    random later time) with 10, 1,000 and 100,000 pending events.
 * 3. Parallel replications: 16 replications of scenarios/understaffed.cfg
 *    on 1 thread and on all processors; the speed-up.
 * 4. The company of bench/scale.cfg at 10, 100 and 800 stores.
 * `bench_engine mm1` runs 1 only; `bench_engine once` one M/M/1 simulation,
 * printing its seconds, for bench/pair.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "spcsim/calendar.h"
#include "spcsim/experiment.h"
#include "spcsim/run.h"

#define REPEATS 5

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int bench_mm1(const char *path)
{
    /* 1e6 customers arrive, on average, in 1e6/0.9 time units */
    const char *sets[] = { "horizon=1111111.111", "warmup=0.0" };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, sets, 2, &err);
    if (sc == NULL) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 1;
    }
    double t[REPEATS];
    spc_run_info info = { 0, 0 };
    double customers = 0;
    for (int i = 0; i < REPEATS; i++) {
        spc_results res;
        spc_results_init(&res);
        double t0 = now_s();
        if (spc_run_execute(sc, &(spc_run_request){ .out = &res, .info = &info }, &err) != SPC_OK) {
            fprintf(stderr, "bench: %s\n", err.msg);
            return 1;
        }
        t[i] = now_s() - t0;
        customers = spc_results_find(&res, "system", "orders_completed")->e.mean;
        spc_results_release(&res);
    }
    qsort(t, REPEATS, sizeof t[0], cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("M/M/1 rho=0.9, %.0f customers, %llu events\n", customers, (unsigned long long)info.events);
    printf("  wall time      best %.1f ms, median %.1f ms (%d runs)\n", 1e3 * t[0], 1e3 * t[REPEATS / 2], REPEATS);
    printf("  events/second  %.3g (best run)\n", (double)info.events / t[0]);
    printf("  ns per event   %.1f\n", 1e9 * t[0] / (double)info.events);
    printf("  peak memory    %.1f MiB (max resident set of this process)\n", ru.ru_maxrss / 1024.0);
    spc_scenario_free(sc);
    return 0;
}

static void bench_hold(size_t pending)
{
    spc_calendar *cal = spc_calendar_alloc(pending);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    for (size_t i = 0; i < pending; i++)
        spc_calendar_push(cal, gsl_ran_exponential(r, 1.0), 1, 0, i);
    const long ops = 5000000;
    spc_event ev;
    double t0 = now_s();
    for (long i = 0; i < ops; i++) {
        spc_calendar_pop(cal, &ev);
        spc_calendar_push(cal, ev.time + gsl_ran_exponential(r, 1.0), 1, 0, ev.b);
    }
    double dt = now_s() - t0;
    printf("calendar hold, %7zu pending: %.1f ns per pop+push (incl. one exponential draw)\n",
           pending, 1e9 * dt / ops);
    gsl_rng_free(r);
    spc_calendar_free(cal);
}

static double bench_replications(const spc_scenario *sc, unsigned jobs)
{
    spc_experiment x;
    spc_experiment_opts o = { 16, 0, jobs, 0, NULL, NULL, 0, 0, 0 };
    spc_error err;
    spc_error_clear(&err);
    double t0 = now_s();
    spc_status st = spc_experiment_run(sc, &o, &x, &err);
    double dt = now_s() - t0;
    spc_experiment_release(&x);
    if (st != SPC_OK)
        fprintf(stderr, "bench: %s\n", err.msg);
    return dt;
}

static void bench_parallel(const char *path)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, NULL, 0, &err);
    if (sc == NULL) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return;
    }
    unsigned cores = spc_experiment_cores();
    double t1 = bench_replications(sc, 1), tn = bench_replications(sc, cores);
    printf("16 replications of %s: %.2f s on 1 thread, %.2f s on %u (speed-up %.2fx)\n", path, t1, tn,
           cores, t1 / tn);
    spc_scenario_free(sc);
}

/* One run of the company of bench/scale.cfg with `units` stores (0: as
 * the file says) on `jobs` threads (0: every core). */
static spc_status company_run(const char *path, int units, unsigned jobs, spc_experiment *x, spc_scenario **sc,
                              spc_error *err)
{
    char set[64];
    snprintf(set, sizeof set, "units.count=%d", units);
    const char *sets[] = { set };
    *sc = spc_scenario_load(path, sets, units > 0 ? 1 : 0, err);
    spc_experiment_opts o = { 1, 0, jobs, 0, NULL, NULL, 0, 0, 0 };
    if (*sc == NULL || spc_experiment_run(*sc, &o, x, err) != SPC_OK)
        return err->code != SPC_OK ? err->code : SPC_ERR_INTERNAL;
    return SPC_OK;
}

/* The company of issue 4 (bench/scale.cfg): 800 stores, 40,000 employees,
 * 4 million customers, two years, one replication on every core; with
 * units > 0, the same company cut to that many stores (events per second
 * at 10, 100 and 800 stores show that the cost grows linearly). Runs in a
 * child process, so that the peak memory reported is this company's. */
static void bench_company(const char *path, int units)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        spc_error err;
        spc_error_clear(&err);
        spc_scenario *sc = NULL;
        spc_experiment x;
        double t0 = now_s(), c0 = cpu_s();
        if (company_run(path, units, 0, &x, &sc, &err) != SPC_OK) {
            fprintf(stderr, "bench: %s\n", err.msg);
            _exit(1);
        }
        double dt = now_s() - t0, cpu = cpu_s() - c0;
        const spc_result_row *act = spc_results_find(&x.combined, "customers", "active_end");
        printf("company %s, %d units: %.0f active customers at the end, %llu events\n", path, sc->units.count,
               act ? act->e.mean : -1.0, (unsigned long long)x.info[0].events);
        printf("  wall time      %.1f s on %u threads (%.1f s of CPU, %.3f s per unit)%s\n", dt,
               spc_experiment_cores(), cpu, cpu / sc->units.count,
               sc->units.count == 800 ? " (goal: under 30 s)" : "");
        printf("  events/second  %.3g (%.3g per second of CPU)\n", (double)x.info[0].events / dt,
               (double)x.info[0].events / cpu);
        fflush(stdout);
        spc_experiment_release(&x);
        spc_scenario_free(sc);
        _exit(0);
    }
    int status = 0;
    struct rusage ru;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        getrusage(RUSAGE_CHILDREN, &ru) != 0) {
        fprintf(stderr, "bench: the company benchmark failed\n");
        return;
    }
    /* the largest child so far: run the companies from small to large */
    printf("  peak memory    %.1f MiB%s\n", ru.ru_maxrss / 1024.0, units == 0 ? " (goal: under 2048)" : "");
}

/* One company run: "wall cpu events" on one line, for paired runs of two
 * builds (bench/README.md); jobs 0 is every core. */
static int bench_company_once(const char *path, int units, unsigned jobs)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = NULL;
    spc_experiment x;
    double t0 = now_s(), c0 = cpu_s();
    if (company_run(path, units, jobs, &x, &sc, &err) != SPC_OK) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 1;
    }
    printf("%.4f %.4f %llu\n", now_s() - t0, cpu_s() - c0, (unsigned long long)x.info[0].events);
    spc_experiment_release(&x);
    spc_scenario_free(sc);
    return 0;
}

/* One M/M/1 simulation: its wall and CPU time in seconds on one line, the
 * unit of bench/pair.sh's paired alternating runs against a peer. */
static int bench_mm1_once(const char *path, char **extra, int nextra)
{
    const char *sets[16] = { "horizon=1111111.111", "warmup=0.0" };
    int n = 2;
    for (int i = 0; i < nextra && n < 16; i++)
        sets[n++] = extra[i];
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load(path, sets, (size_t)n, &err);
    spc_results res;
    spc_results_init(&res);
    double t0 = now_s(), c0 = cpu_s();
    if (sc == NULL || spc_run_execute(sc, &(spc_run_request){ .out = &res }, &err) != SPC_OK) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 1;
    }
    printf("%.4f %.4f\n", now_s() - t0, cpu_s() - c0);
    spc_results_release(&res);
    spc_scenario_free(sc);
    return 0;
}

/*   bench_engine [all]     every benchmark (make bench)
 *   bench_engine mm1       the M/M/1 figure only (make bench BENCH=mm1)
 *   bench_engine once [SCENARIO [SETTING...]]
 *                          one M/M/1 simulation's seconds (bench/pair.sh),
 *                          settings as --set takes them
 *   bench_engine company [UNITS [JOBS]]
 *                          one run of bench/scale.cfg with UNITS stores (0:
 *                          800) on JOBS threads (0: all): its seconds */
int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    const char *what = argc > 1 ? argv[1] : "all";
    const char *mm1 = argc > 2 ? argv[2] : "scenarios/validation/mm1.cfg";
    if (strcmp(what, "once") == 0)
        return bench_mm1_once(mm1, argv + 3, argc > 3 ? argc - 3 : 0);
    if (strcmp(what, "company") == 0)
        return bench_company_once("bench/scale.cfg", argc > 2 ? atoi(argv[2]) : 0,
                                  argc > 3 ? (unsigned)atoi(argv[3]) : 0);
    if (strcmp(what, "mm1") != 0 && strcmp(what, "all") != 0) {
        fprintf(stderr, "usage: bench_engine [all|mm1|once] [M/M/1 scenario [SETTING...]] | company [UNITS [JOBS]]\n");
        return 2;
    }
    int rc = bench_mm1(mm1);
    printf("  against cimba  bench/pair.sh PATH/TO/cimba/build/benchmark/MM1_single [PAIRS]\n"
           "                 (paired alternating runs, the ratio of medians; bench/README.md)\n");
    if (strcmp(what, "mm1") == 0)
        return rc;
    bench_hold(10);
    bench_hold(1000);
    bench_hold(100000);
    bench_parallel("scenarios/understaffed.cfg");
    bench_company("bench/scale.cfg", 10);
    bench_company("bench/scale.cfg", 100);
    bench_company("bench/scale.cfg", 0);
    return rc;
}
