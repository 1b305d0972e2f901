/*
 * cli_serve.c -- `spcsim serve SCENARIO [--port N] [--bind ADDR]`: the
 * classroom page on HTTP, through libmicrohttpd.
 *
 * The answers are serve.c's (serve.h); this file puts them on the network:
 * one thread per connection (libmicrohttpd's), a request body bounded to
 * SPC_SERVE_BODY_MAX (413 beyond), the headers bounded by the connection's
 * memory limit, and the event streams (GET /api/events?run=N) read from the
 * run's live job, with a comment line every second so that a page that
 * went away is noticed. Bound to 127.0.0.1 unless --bind names another
 * address, with a warning: the page runs simulations for whoever reaches it.
 * A malformed request gets a 4xx and a line on stderr; SIGINT or SIGTERM
 * stops the server, its runs and their threads.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "spcsim/serve.h"

typedef struct {
    const char *scenario, *bind, *web, *outdir;
    unsigned port;
    spc_serve_opts so;
} serve_args;

/* One request's body, gathered as it comes. */
typedef struct {
    char body[SPC_SERVE_BODY_MAX];
    size_t len;
    int too_big;
} request;

/* One event stream. */
typedef struct {
    spc_live *lv;
    size_t next;          /* the next message */
    const char *msg;      /* being sent, from off */
    size_t off;
} stream;

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
    stop_flag = sig;
}

/* ---- responses ---- */

static void log_refusal(struct MHD_Connection *c, const char *method, const char *url, int status, const char *why)
{
    (void)c;
    fprintf(stderr, "spcsim serve: %.8s %.120s -> %d %.300s\n", method, url, status, why);
}

static enum MHD_Result send_reply(struct MHD_Connection *c, const char *method, const char *url, spc_serve_reply *r)
{
    if (r->status >= 400)
        log_refusal(c, method, url, r->status, r->body ? r->body : "");
    struct MHD_Response *res = MHD_create_response_from_buffer(r->len, r->body ? r->body : "",
                                                               r->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (res == NULL) {
        free(r->body);
        return MHD_NO;
    }
    MHD_add_response_header(res, "Content-Type", r->type ? r->type : "text/plain");
    MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(res, "Cache-Control", "no-store");
    MHD_add_response_header(res, "Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    if (r->filename != NULL) {
        char cd[160];
        snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", r->filename);
        MHD_add_response_header(res, "Content-Disposition", cd);
    }
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, res);
    MHD_destroy_response(res);
    return ok;
}

static enum MHD_Result refuse(struct MHD_Connection *c, const char *method, const char *url, int status,
                              const char *json)
{
    spc_serve_reply r = { .status = status, .type = "application/json", .body = strdup(json) };
    r.len = r.body ? strlen(r.body) : 0;
    return send_reply(c, method, url, &r);
}

/* ---- event streams ---- */

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    stream *s = cls;
    if (s->msg == NULL) {
        int got = spc_live_next(s->lv, s->next, 1000, &s->msg);
        if (got < 0)
            return MHD_CONTENT_READER_END_OF_STREAM;
        if (got == 0) { /* nothing new: a comment, so a closed page is noticed */
            static const char ping[] = ": waiting\n\n";
            size_t n = sizeof ping - 1 < max ? sizeof ping - 1 : max;
            memcpy(buf, ping, n);
            return (ssize_t)n;
        }
        s->next++, s->off = 0;
    }
    size_t left = strlen(s->msg) - s->off, n = left < max ? left : max;
    memcpy(buf, s->msg + s->off, n);
    s->off += n;
    if (s->off == strlen(s->msg))
        s->msg = NULL;
    return (ssize_t)n;
}

static void stream_free(void *cls)
{
    stream *s = cls;
    spc_live_release(s->lv);
    free(s);
}

static enum MHD_Result send_events(struct MHD_Connection *c, spc_serve *srv, const char *url)
{
    const char *q = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "run");
    spc_live *lv = spc_serve_events(srv, q);
    stream *s = lv != NULL ? calloc(1, sizeof *s) : NULL;
    if (s == NULL) {
        spc_live_release(lv);
        return refuse(c, "GET", url, 404, "{\"error\":\"no such run (?run=N: 0 the baseline, or the latest variant)\"}");
    }
    s->lv = lv;
    struct MHD_Response *res = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_read, s, stream_free);
    if (res == NULL) {
        stream_free(s);
        return MHD_NO;
    }
    MHD_add_response_header(res, "Content-Type", "text/event-stream");
    MHD_add_response_header(res, "Cache-Control", "no-store");
    enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, res);
    MHD_destroy_response(res);
    return ok;
}

/* ---- requests ---- */

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    spc_serve *srv = cls;
    request *rq = *con_cls;
    if (rq == NULL) { /* the first call: headers only */
        if ((rq = calloc(1, sizeof *rq)) == NULL)
            return MHD_NO;
        *con_cls = rq;
        return MHD_YES;
    }
    if (*upload_size > 0) { /* a piece of the body */
        if (rq->len + *upload_size > sizeof rq->body)
            rq->too_big = 1;
        else
            memcpy(rq->body + rq->len, upload, *upload_size), rq->len += *upload_size;
        *upload_size = 0;
        return MHD_YES;
    }
    if (rq->too_big)
        return refuse(c, method, url, 413, "{\"error\":\"request body too large (at most 8192 bytes)\"}");
    if (strcmp(method, "GET") == 0 && strcmp(url, "/api/events") == 0)
        return send_events(c, srv, url);
    spc_serve_reply r;
    spc_serve_handle(srv, method, url, MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "run"), rq->body,
                     rq->len, &r);
    return send_reply(c, method, url, &r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)c, (void)why;
    free(*con_cls);
    *con_cls = NULL;
}

/* ---- the command ---- */

static int usage(const char *msg, const char *arg)
{
    fprintf(stderr, "spcsim: ");
    fprintf(stderr, msg, arg);
    fprintf(stderr, "\nusage: spcsim serve SCENARIO [--port N] [--bind ADDR] [-r N] [-j N] [--set PATH=VALUE]... "
                    "[--web DIR] [-o DIR]\n");
    return SPC_ERR_USAGE;
}

static int whole(const char *s, unsigned long max, unsigned long *v)
{
    char *end;
    if (s == NULL || *s < '0' || *s > '9')
        return 0;
    errno = 0;
    *v = strtoul(s, &end, 10);
    return *end == '\0' && errno == 0 && *v <= max;
}

/* The folder of the page: --web, else web/ beside the program, else the installed one. */
static const char *web_dir(const char *given, char *buf, size_t size)
{
    if (given != NULL)
        return given;
    char exe[2048];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL)
            *slash = '\0';
        snprintf(buf, size, "%s/web/index.html", exe);
        if (access(buf, R_OK) == 0) {
            snprintf(buf, size, "%s/web", exe);
            return buf;
        }
    }
    return SPC_WEBDIR;
}

/* The other commands' long and short spellings of serve's options, as
 * the one spelling parse() reads. */
static const char *long_form(const char *o)
{
    static const char *const alias[][2] = { { "--replications", "-r" }, { "--jobs", "-j" },
                                            { "--output", "-o" },        { "-S", "--set" } };
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
        if (strcmp(o, alias[i][0]) == 0)
            return alias[i][1];
    return o;
}

/* --port, -r or -j (o) with its value v, into a: -1, or usage()'s status.
 * Each value is stored only where whole() has read it. */
static int number_option(const char *o, const char *v, serve_args *a)
{
    unsigned long x = 0;
    if (strcmp(o, "--port") == 0) {
        if (!whole(v, 65535, &x))
            return usage("--port needs a whole number from 0 (any free port) to 65535 (got '%s')", v);
        a->port = (unsigned)x;
        return -1;
    }
    int reps = strcmp(o, "-r") == 0;
    if (!whole(v, reps ? 100000 : 1024, &x) || x < (reps ? 2u : 1u))
        return usage("-r needs a whole number from 2, -j from 1 (got '%s')", v);
    if (reps)
        a->so.replications = (unsigned)x;
    else
        a->so.jobs = (unsigned)x;
    return -1;
}

static int parse(int argc, char **argv, serve_args *a, const char **sets)
{
    *a = (serve_args){ .bind = "127.0.0.1", .port = 8017, .outdir = "output" };
    for (int i = 2; i < argc; i++) {
        const char *o = long_form(argv[i]), *v = i + 1 < argc ? argv[i + 1] : NULL;
        int number = strcmp(o, "--port") == 0 || strcmp(o, "-r") == 0 || strcmp(o, "-j") == 0;
        int takes = number || strcmp(o, "--bind") == 0 || strcmp(o, "--set") == 0 || strcmp(o, "--web") == 0 ||
                    strcmp(o, "-o") == 0;
        if (takes && v == NULL)
            return usage("option '%s' needs a value", o);
        if (number) {
            int code = number_option(o, v, a);
            if (code >= 0)
                return code;
        } else if (strcmp(o, "--bind") == 0) a->bind = v;
        else if (strcmp(o, "--set") == 0) sets[a->so.nsets++] = v;
        else if (strcmp(o, "--web") == 0) a->web = v;
        else if (strcmp(o, "-o") == 0) a->outdir = v;
        else if (o[0] == '-') return usage("unknown option '%s' for serve", o);
        else if (a->scenario != NULL) return usage("serve takes one scenario (got '%s' as well)", o);
        else a->scenario = o;
        i += takes;
    }
    if (a->scenario == NULL)
        return usage("%s", "serve needs a scenario file");
    a->so.scenario = a->scenario, a->so.sets = sets, a->so.reportdir = a->outdir;
    return -1;
}

static struct MHD_Daemon *start_daemon(const serve_args *a, spc_serve *srv, unsigned *port)
{
    struct sockaddr_in in4 = { .sin_family = AF_INET, .sin_port = htons((uint16_t)a->port) };
    struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t)a->port) };
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD;
    const struct sockaddr *sa = (const struct sockaddr *)&in4;
    if (inet_pton(AF_INET, a->bind, &in4.sin_addr) != 1) {
        if (inet_pton(AF_INET6, a->bind, &in6.sin6_addr) != 1)
            return NULL;
        sa = (const struct sockaddr *)&in6, flags |= MHD_USE_IPv6;
    }
    struct MHD_Daemon *d = MHD_start_daemon(flags, (uint16_t)a->port, NULL, NULL, on_request, srv,
                                            MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_CONNECTION_LIMIT, 64u,
                                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32768,
                                            MHD_OPTION_CONNECTION_TIMEOUT, 120u, MHD_OPTION_NOTIFY_COMPLETED,
                                            on_completed, NULL, MHD_OPTION_END);
    const union MHD_DaemonInfo *info = d != NULL ? MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT) : NULL;
    *port = info != NULL ? info->port : a->port;
    return d;
}

int cli_serve(int argc, char **argv)
{
    const char **sets = calloc((size_t)argc + 1, sizeof *sets);
    serve_args a;
    char webbuf[4096];
    int code = sets != NULL ? parse(argc, argv, &a, sets) : SPC_ERR_INTERNAL;
    if (code >= 0) {
        free(sets);
        return code;
    }
    a.so.webdir = web_dir(a.web, webbuf, sizeof webbuf);
    spc_error err;
    spc_error_clear(&err);
    spc_serve *srv = spc_serve_alloc(&a.so, &err);
    if (srv == NULL || spc_serve_start(srv, &err) != SPC_OK) {
        fprintf(stderr, "spcsim: %s\n", err.msg);
        spc_serve_free(srv);
        free(sets);
        return (int)err.code;
    }
    struct sigaction sa = { .sa_handler = on_signal };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    unsigned port;
    struct MHD_Daemon *d = start_daemon(&a, srv, &port);
    if (d == NULL) {
        fprintf(stderr, "spcsim: serve: cannot listen on %s port %u (an address of this machine? a free port?)\n",
                a.bind, a.port);
        spc_serve_free(srv);
        free(sets);
        return SPC_ERR_USAGE;
    }
    if (!spc_serve_has_customers(srv))
        fprintf(stderr, "spcsim: warning: %s has no customers section: the page's CSAT, customers and profit stay "
                        "empty (and ESAT without a workforce) (the teaching company: scenarios/baseline.cfg)\n", a.scenario);
    if (strcmp(a.bind, "127.0.0.1") != 0 && strcmp(a.bind, "::1") != 0)
        fprintf(stderr, "spcsim: warning: serving on %s, not only on this machine: anyone who reaches it can run "
                        "simulations here\n", a.bind);
    printf("spcsim serve: %s: open http://%s%s%s:%u/ in a browser (Ctrl-C stops)\n", spc_serve_name(srv),
           strchr(a.bind, ':') ? "[" : "", a.bind, strchr(a.bind, ':') ? "]" : "", port);
    fflush(stdout);
    while (!stop_flag) {
        struct timespec t = { 0, 200000000L };
        nanosleep(&t, NULL);
    }
    fprintf(stderr, "spcsim serve: stopped by %s\n", stop_flag == SIGTERM ? "SIGTERM" : "SIGINT");
    MHD_stop_daemon(d);
    spc_serve_free(srv);
    free(sets);
    return 0;
}
