/*
 * test_serve.c -- the classroom page's server (spcsim serve): the levers
 * section read and checked like every setting, the page's defaults, a
 * choice of values turned into an intervention, the answers to requests
 * (bad JSON, unknown levers, values out of range or refused by the
 * scenario reader -> 400), a variant streamed and compared with the
 * baseline, and the running program sent malformed and oversized requests
 * (it answers each with a 4xx and stays up).
 */
#include <arpa/inet.h>
#include <math.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"
#include "spcsim/scenario_levers.h"
#include "spcsim/serve.h"
#include "spcsim/text.h"

#define LEVERS_CFG "tests/data/serve/levers.cfg"

static spc_scenario *load(const char *path, const char *const *sets, size_t n, spc_error *err)
{
    spc_error_clear(err);
    return spc_scenario_load(path, sets, n, err);
}

/* ---- the levers section ---- */

static void test_levers_read(void)
{
    spc_error err;
    spc_scenario *sc = load(LEVERS_CFG, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    CU_ASSERT_EQUAL(sc->nlevers, 3);
    CU_ASSERT_STRING_EQUAL(sc->levers[0].label, "Pickers");
    CU_ASSERT_DOUBLE_EQUAL(sc->levers[1].step, 0.05, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(spc_levers_value(sc, &sc->levers[0]), 24, 0);
    spc_scenario_free(sc);
    /* each refusal names the setting */
    const char *bad[][2] = {
        { "levers.[0].path=\"stages.[9].servers\"", "levers.[0].path" },
        { "levers.[0].path=\"name\"", "levers.[0].path" },        /* not one an intervention may change */
        { "levers.[1].max=11.0", "levers.[1].max" },              /* beyond pay's declared range */
        { "levers.[1].min=1.5", "levers.[1].max" },               /* max not above min */
        { "levers.[0].step=0.5", "levers.[0].step" },             /* a whole-number setting */
        { "levers.[0].colour=\"red\"", "levers.[0].colour" },     /* unknown key */
        { "levers.[2].max=41.0", "levers.[2].max" },              /* the decision week after the horizon */
        { "levers=( { path = \"workforce.levers.pay\"; label = \"Pay\"; min = 0.9; max = 1.1; step = 0.1; }, "
          "{ path = \"workforce.levers.pay\"; label = \"again\"; min = 0.9; max = 1.1; step = 0.1; } )",
          "levers.[1].path" }, /* named twice */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *sets[] = { bad[i][0] };
        sc = load(LEVERS_CFG, sets, 1, &err);
        CU_ASSERT_PTR_NULL(sc);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, bad[i][1]));
        if (sc != NULL || strstr(err.msg, bad[i][1]) == NULL)
            printf("\n  %s: %s\n", bad[i][0], err.msg);
        spc_scenario_free(sc);
    }
}

/* An error in the file names the file and the line. */
static void test_levers_line(void)
{
    const char *text = "name = \"x\"; horizon = \"40w\";\n@include \"scenarios/company/grocery.cfg\"\n"
                       "levers = (\n  { path = \"stages.[0].servers\"; label = \"P\"; min = 1.0; max = 9.0; step = 1.0; },\n"
                       "  { path = \"workforce.levers.pay\"; label = \"\"; min = 0.5; max = 20.0; step = 0.1; }\n);\n";
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load_text("mem.cfg", text, NULL, 0, &err);
    CU_ASSERT_PTR_NULL(sc);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "mem.cfg:5: levers.[1].max"));
    spc_scenario_free(sc);
}

static void test_levers_defaults(void)
{
    spc_error err;
    spc_scenario *sc = load("scenarios/baseline.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_scenario_lever *lv;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(spc_levers_defaults(sc, &lv, &n, &err), SPC_OK);
    CU_ASSERT_EQUAL(n, sc->nstages + 4); /* staff of each stage, training, pay, recognition, the week */
    CU_ASSERT_STRING_EQUAL(lv[0].path, "stages.[0].servers");
    CU_ASSERT_STRING_EQUAL(lv[n - 1].path, SPC_LEVERS_DECISION);
    CU_ASSERT_DOUBLE_EQUAL(spc_levers_value(sc, &lv[n - 1]), 39, 0); /* 3/8 of 104 weeks */
    for (size_t i = 0; i < n; i++) { /* every default lever starts inside its range */
        double v = spc_levers_value(sc, &lv[i]);
        CU_ASSERT(v >= lv[i].min && v <= lv[i].max);
        CU_ASSERT_EQUAL(spc_levers_check(&lv[i], v, &err), 0);
    }
    spc_error_clear(&err);
    CU_ASSERT_EQUAL(spc_levers_check(&lv[0], 12.5, &err), -1); /* staff: whole people */
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "whole"));
    spc_error_clear(&err);
    CU_ASSERT_EQUAL(spc_levers_check(&lv[0], NAN, &err), -1);
    spc_levers_free(lv, n);
    spc_scenario_free(sc);
}

/* A choice keeps the scenario's own interventions, in time order. */
static void test_assignment(void)
{
    spc_error err;
    spc_scenario *sc = load("scenarios/training.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    CU_ASSERT_EQUAL_FATAL(sc->ninterventions, 1);
    spc_scenario_lever lv = { .path = "workforce.levers.pay", .label = "Pay", .unit = "", .min = 0.5, .max = 2,
                              .step = 0.1 };
    const spc_scenario_lever *l[] = { &lv };
    double v[] = { 1.2 };
    char *a = spc_levers_assignment(sc, 20, l, v, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    const char *sets[] = { a };
    spc_scenario *var = load("scenarios/training.cfg", sets, 1, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(var);
    CU_ASSERT_EQUAL(var->ninterventions, 2);
    CU_ASSERT(var->interventions[0].at < var->interventions[1].at);
    CU_ASSERT_STRING_EQUAL(var->interventions[0].sets[0], "workforce.levers.pay=1.2");
    CU_ASSERT_DOUBLE_EQUAL(var->interventions[1].at, sc->interventions[0].at, 0);
    free(a);
    spc_scenario_free(var);
    spc_scenario_free(sc);
}

/* ---- answers ---- */

static int status_of(spc_serve *s, const char *method, const char *path, const char *q, const char *body,
                     char *msg, size_t size)
{
    spc_serve_reply r;
    spc_serve_handle(s, method, path, q, body, body ? strlen(body) : 0, &r);
    snprintf(msg, size, "%.*s", (int)r.len, r.body ? r.body : "");
    free(r.body);
    return r.status;
}

static spc_serve *server(const char *path, const char *const *sets, size_t nsets)
{
    spc_serve_opts o = { .scenario = path, .sets = sets, .nsets = nsets, .replications = 2, .jobs = 2,
                         .webdir = "web", .reportdir = "output/test-serve" };
    spc_error err;
    spc_error_clear(&err);
    spc_serve *s = spc_serve_alloc(&o, &err);
    if (s == NULL)
        printf("\n  %s\n", err.msg);
    return s;
}

static void test_requests(void)
{
    const char *sets[] = { "workforce.levers.hours_per_week=10.0" };
    spc_serve *s = server("scenarios/baseline.cfg", sets, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    char msg[2048];
    CU_ASSERT_EQUAL(status_of(s, "GET", "/", NULL, NULL, msg, sizeof msg), 200);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "<!DOCTYPE html>"));
    CU_ASSERT_EQUAL(status_of(s, "GET", "/uPlot.iife.min.js", NULL, NULL, msg, sizeof msg), 200);
    CU_ASSERT_EQUAL(status_of(s, "GET", "/api/scenario", NULL, NULL, msg, sizeof msg), 200);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "\"path\":\"stages.[0].servers\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "\"look\":")); /* from scenarios/README.md */
    /* only the page, its files and the API */
    CU_ASSERT_EQUAL(status_of(s, "GET", "/../Makefile", NULL, NULL, msg, sizeof msg), 404);
    CU_ASSERT_EQUAL(status_of(s, "GET", "/web/app.js", NULL, NULL, msg, sizeof msg), 404);
    CU_ASSERT_EQUAL(status_of(s, "DELETE", "/", NULL, NULL, msg, sizeof msg), 405);
    CU_ASSERT_EQUAL(status_of(s, "POST", "/api/scenario", NULL, "{}", msg, sizeof msg), 404);
    CU_ASSERT_EQUAL(status_of(s, "GET", "/api/scenario.cfg", "x1", NULL, msg, sizeof msg), 404);
    CU_ASSERT_EQUAL(status_of(s, "GET", "/api/scenario.cfg", "7", NULL, msg, sizeof msg), 404);
    CU_ASSERT_PTR_NULL(spc_serve_events(s, "99999999999"));
    /* the page's choice, checked */
    static const char *const bad[][2] = {
        { "{\"levers\": {", "not JSON" },
        { "", "not JSON" },
        { "[1, 2]", "expected" },
        { "{\"levers\": {}, \"more\": 1}", "expected" },
        { "{\"levers\": {\"name\": 3}}", "not a lever" },
        { "{\"levers\": {\"stages.[0].servers\": \"ten\"}}", "must be a number" },
        { "{\"levers\": {\"stages.[0].servers\": 100}}", "outside the lever's range" },
        { "{\"levers\": {\"stages.[0].servers\": 20.5}}", "whole number" },
        { "{\"levers\": {\"stages.[0].servers\": 20, \"stages.[0].servers\": 21}}", "not JSON" }, /* duplicate */
        { "{\"levers\": {\"workforce.levers.training_hours\": 11.0}}", "training_hours" }, /* the reader refuses it */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int st = status_of(s, "POST", "/api/run", NULL, bad[i][0], msg, sizeof msg);
        CU_ASSERT_EQUAL(st, 400);
        CU_ASSERT_PTR_NOT_NULL(strstr(msg, bad[i][1]));
        if (st != 400 || strstr(msg, bad[i][1]) == NULL)
            printf("\n  %s -> %d %s\n", bad[i][0], st, msg);
    }
    /* a body beyond the bound */
    char *big = malloc(SPC_SERVE_BODY_MAX + 100);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    memset(big, ' ', SPC_SERVE_BODY_MAX + 99);
    big[SPC_SERVE_BODY_MAX + 99] = '\0';
    memcpy(big, "{\"levers\": {}}", 14);
    CU_ASSERT_EQUAL(status_of(s, "POST", "/api/run", NULL, big, msg, sizeof msg), 400);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "too large"));
    free(big);
    spc_serve_free(s);
}

/* Reads run `q`'s events to the end; returns the frames, concatenated. */
static char *events(spc_serve *s, const char *q)
{
    spc_live *lv = spc_serve_events(s, q);
    CU_ASSERT_PTR_NOT_NULL(lv);
    size_t len = 0;
    char *all = calloc(1, 1);
    const char *m;
    for (size_t i = 0; lv != NULL && all != NULL;) {
        int got = spc_live_next(lv, i, 1000, &m);
        if (got < 0)
            break;
        if (got == 0)
            continue;
        char *more = realloc(all, len + strlen(m) + 1);
        if (more == NULL)
            break;
        all = more;
        memcpy(all + len, m, strlen(m) + 1);
        len += strlen(m), i++;
    }
    spc_live_release(lv);
    return all;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p++)
        n++;
    return n;
}

/* The mean of the variant minus the baseline in the chain frame's first row (ESAT). */
static double esat_change(const char *ev)
{
    const char *c = strstr(ev, "event: chain");
    const char *d = c != NULL ? strstr(c, "\"diff\":") : NULL;
    return d != NULL ? strtod(d + 7, NULL) : NAN;
}

/* Fewer pickers from week 10: ESAT of the variant falls below the baseline's
 * (scenarios/README.md, bottleneck), its first weeks stream one period at a
 * time, and the saved scenario holds the change. */
static void test_variant(void)
{
    spc_serve *s = server(LEVERS_CFG, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    spc_error err;
    spc_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(spc_serve_start(s, &err), SPC_OK);
    char msg[65536];
    int st = status_of(s, "POST", "/api/run", NULL, "{\"levers\": {\"stages.[0].servers\": 14, \"decision\": 10}}",
                       msg, sizeof msg);
    CU_ASSERT_EQUAL_FATAL(st, 200);
    CU_ASSERT_STRING_EQUAL(msg, "{\"run\":1}");
    char *ev = events(s, "1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
    CU_ASSERT_EQUAL(count(ev, "event: period\n"), 20); /* 40 weeks in periods of 2, replication 1 */
    CU_ASSERT_EQUAL(count(ev, "event: finished\n"), 2);
    CU_ASSERT_EQUAL(count(ev, "event: series\n"), 1);
    CU_ASSERT_EQUAL(count(ev, "event: done\n"), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ev, "\"name\":\"Profit\""));
    double d = esat_change(ev);
    CU_ASSERT(d < 0);
    printf("\n  pickers 24 -> 14 at week 10: ESAT change %.2f points (2 replications)\n", d);
    free(ev);
    CU_ASSERT_EQUAL(status_of(s, "GET", "/api/scenario.cfg", "1", NULL, msg, sizeof msg), 200);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "\"stages.[0].servers=14\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "at = 1680.0")); /* week 10 in hours */
    /* the saved report: compare's files, the story's arms named baseline and variant */
    CU_ASSERT_EQUAL(status_of(s, "GET", "/api/report.html", "1", NULL, msg, sizeof msg), 200);
    char *story = spc_text_read_file("output/test-serve/levers-serve/story.csv", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(story);
    CU_ASSERT_PTR_NOT_NULL(strstr(story, "\nbaseline,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(story, "\nvariant,"));
    free(story);
    /* a new choice stops the one before; the old number is no longer served */
    CU_ASSERT_EQUAL(status_of(s, "POST", "/api/run", NULL, "{\"levers\": {\"workforce.levers.pay\": 1.1}}", msg,
                              sizeof msg), 200);
    spc_live *second = spc_serve_events(s, "2"); /* a page following run 2 */
    CU_ASSERT_PTR_NOT_NULL_FATAL(second);
    CU_ASSERT_EQUAL(status_of(s, "POST", "/api/run", NULL, "{\"levers\": {\"workforce.levers.pay\": 1.2}}", msg,
                              sizeof msg), 200);
    CU_ASSERT_PTR_NULL(spc_serve_events(s, "2"));
    CU_ASSERT_EQUAL(spc_live_wait(second, NULL), 1); /* it stops, and says so */
    const char *m = NULL, *last = NULL;
    for (size_t i = 0; spc_live_next(second, i, 0, &m) == 1; i++)
        last = m;
    CU_ASSERT_PTR_NOT_NULL(last != NULL ? strstr(last, "event: cancelled") : NULL);
    spc_live_release(second);
    spc_serve_free(s); /* stops run 3 in its course */
}

/* ---- the program, over the network ---- */

/* Sends raw bytes to 127.0.0.1:port and returns the status of the answer
 * (0: no answer); the first line of the answer in line. */
static int http(unsigned port, const char *req, size_t len, char *line, size_t size)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = { 10, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    line[0] = '\0';
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    for (size_t off = 0; off < len;) {
        ssize_t k = send(fd, req + off, len - off, MSG_NOSIGNAL);
        if (k <= 0)
            break;
        off += (size_t)k;
    }
    shutdown(fd, SHUT_WR);
    char buf[512];
    ssize_t k = recv(fd, buf, sizeof buf - 1, 0);
    close(fd);
    if (k <= 0)
        return 0;
    buf[k] = '\0';
    snprintf(line, size, "%.*s", (int)strcspn(buf, "\r\n"), buf);
    int status = 0;
    sscanf(buf, "HTTP/1.%*d %d", &status);
    return status;
}

/* The port the server printed ("open http://127.0.0.1:PORT/"), waiting up to 20 s. */
static unsigned port_of(const char *out)
{
    for (int i = 0; i < 200; i++) {
        FILE *f = fopen(out, "r");
        char line[512];
        unsigned port = 0;
        if (f != NULL) {
            while (port == 0 && fgets(line, sizeof line, f) != NULL) {
                const char *p = strstr(line, "http://127.0.0.1:");
                if (p != NULL)
                    port = (unsigned)strtoul(p + 17, NULL, 10);
            }
            fclose(f);
        }
        if (port != 0)
            return port;
        struct timespec t = { 0, 100000000L };
        nanosleep(&t, NULL);
    }
    return 0;
}

static void test_program(void)
{
    const char *out = "output/test-serve-out.txt", *errf = "output/test-serve-err.txt";
    const char *args[] = { "serve", LEVERS_CFG, "--port", "0", "-r", "2", "-j", "1", "--web", "web", NULL };
    pid_t pid = tests_spawn(args, NULL, out, errf);
    CU_ASSERT_FATAL(pid > 0);
    unsigned port = port_of(out);
    CU_ASSERT(port > 0);
    char line[256];
    if (port > 0) {
        static const char get[] = "GET /api/scenario HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        CU_ASSERT_EQUAL(http(port, get, strlen(get), line, sizeof line), 200);
        /* malformed and oversized requests: each answered with a 4xx */
        /* not HTTP at all: libmicrohttpd closes the connection without an answer */
        CU_ASSERT_EQUAL(http(port, "HELLO\r\n\r\n", 9, line, sizeof line), 0);
        static const char *const bad[] = {
            "BREW / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /api/events?run=abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{\"levers\"",
            ("POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\nConnection: close\r\n\r\n"
             "{\"levers\": {\"x\": 1}}          "),
            "PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            int st = http(port, bad[i], strlen(bad[i]), line, sizeof line);
            CU_ASSERT(st >= 400 && st < 500);
            if (!(st >= 400 && st < 500))
                printf("\n  request %zu: answer '%s'\n", i, line);
        }
        /* a body of 100 kB, and a header line of 64 kB */
        size_t n = 100000;
        char *big = malloc(n + 200);
        CU_ASSERT_PTR_NOT_NULL_FATAL(big);
        int h = snprintf(big, 200, "POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n", n);
        memset(big + h, 'x', n);
        int st = http(port, big, (size_t)h + n, line, sizeof line);
        CU_ASSERT_EQUAL(st, 413);
        h = snprintf(big, 200, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: ");
        memset(big + h, 'y', 65536);
        memcpy(big + h + 65536, "\r\n\r\n", 4);
        st = http(port, big, (size_t)h + 65540, line, sizeof line);
        CU_ASSERT(st >= 400 && st < 500);
        if (!(st >= 400 && st < 500))
            printf("\n  a 64 kB header: answer '%s'\n", line);
        free(big);
        /* still up */
        CU_ASSERT_EQUAL(http(port, get, strlen(get), line, sizeof line), 200);
    }
    kill(pid, SIGTERM);
    CU_ASSERT_EQUAL(tests_wait(pid), 0);
    FILE *f = fopen(errf, "r");
    char log[4096] = "";
    size_t k = f != NULL ? fread(log, 1, sizeof log - 1, f) : 0;
    log[k] = '\0';
    if (f != NULL)
        fclose(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(log, "-> 413")); /* a log line for a refusal */
    unlink(out);
    unlink(errf);
}

/* Another address only when asked, and then with a warning; a bad one refused. */
static void test_bind(void)
{
    const char *out = "output/test-serve-out.txt", *errf = "output/test-serve-err.txt";
    const char *args[] = { "serve", LEVERS_CFG, "--port", "0", "--bind", "not-an-address", "--web", "web", NULL };
    pid_t pid = tests_spawn(args, NULL, out, errf);
    CU_ASSERT_EQUAL(tests_wait(pid), 2);
    const char *args2[] = { "serve", LEVERS_CFG, "--port", "x", NULL };
    CU_ASSERT_EQUAL(tests_wait(tests_spawn(args2, NULL, out, errf)), 2);
    const char *args3[] = { "serve", "no/such.cfg", "--web", "web", NULL };
    CU_ASSERT_EQUAL(tests_wait(tests_spawn(args3, NULL, out, errf)), 3);
    unlink(out);
    unlink(errf);
}

int tests_serve(void)
{
    static CU_TestInfo tests[] = {
        { "levers: read and checked like every setting", test_levers_read },
        { "levers: an error names file and line", test_levers_line },
        { "levers: the page's defaults", test_levers_defaults },
        { "levers: a choice as an intervention", test_assignment },
        { "requests: only the page and the API; bad choices 400", test_requests },
        { "a variant streams, and ESAT falls with fewer pickers", test_variant },
        { "the program: malformed and oversized requests get a 4xx", test_program },
        { "the program: --bind and --port checked", test_bind },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("serve", tests);
}
