/*
 * serve.h -- the classroom page's server, without the network: what
 * `spcsim serve` answers to each request (sim/cli/serve.c), so the tests
 * can ask it directly; sim/cli/cli_serve.c puts it on HTTP.
 *
 * The server holds one scenario, read from the command line (a request
 * never names a file), its levers (scenario_levers.h), the page's files
 * (read once, from a fixed list) and a board of live runs (live.h): the
 * baseline, run 0, started once, and the latest variant. A variant is the
 * scenario with the page's lever values applied at the decision week as
 * one more intervention, run with the baseline's seed and replications:
 * common random numbers, so until the decision week both are the same
 * event for event.
 *
 * Requests (everything else is 404, other methods 405):
 *   GET  /, /app.js, /style.css, /uPlot.iife.min.js, /uPlot.min.css
 *   GET  /api/scenario          the scenario, its levers and their values (JSON)
 *   POST /api/run               {"levers": {"PATH": value, ...}}: starts a variant,
 *                               stops the one before -> {"run": N}; a bad value -> 400
 *   GET  /api/events?run=N      server-sent events of run N (see serve.c)
 *   GET  /api/scenario.cfg?run=N  the resolved scenario of run N, to save
 *   GET  /api/report.html?run=N   report.html of run N against the baseline, once done
 */
#ifndef SPCSIM_SERVE_H
#define SPCSIM_SERVE_H

#include <stddef.h>

#include "spcsim/error.h"
#include "spcsim/live.h"

#define SPC_SERVE_BODY_MAX 8192   /* bytes of a request body */

typedef struct {
    const char *scenario;        /* the scenario file (from the command line only) */
    const char *const *sets;     /* --set overrides */
    size_t nsets;
    unsigned replications;       /* 0: the scenario's, at least 8 */
    unsigned jobs;               /* threads; 0: the machine's processors */
    const char *webdir;          /* the folder of the page's files */
    const char *reportdir;       /* where report.html folders are made (output/serve) */
} spc_serve_opts;

typedef struct spc_serve spc_serve;

typedef struct {
    int status;                  /* HTTP status */
    const char *type;            /* Content-Type */
    char *body;                  /* malloc'd (the caller frees), len bytes */
    size_t len;
    const char *filename;        /* a download's name (Content-Disposition), or NULL */
} spc_serve_reply;

/* Reads the scenario, its levers, its "what to look at" line and the
 * page's files; NULL with err set (the scenario's own message). */
spc_serve *spc_serve_alloc(const spc_serve_opts *o, spc_error *err);
/* Starts the baseline run. */
spc_status spc_serve_start(spc_serve *s, spc_error *err);
/* Stops every run and frees. NULL accepted. */
void spc_serve_free(spc_serve *s);

/* Answers one request but the event streams. query_run: the value of
 * ?run= (NULL when absent); body: the request body (len bytes, at most
 * SPC_SERVE_BODY_MAX: the caller refuses larger ones with 413). */
void spc_serve_handle(spc_serve *s, const char *method, const char *path, const char *query_run, const char *body,
                      size_t len, spc_serve_reply *r);

/* The run whose events GET /api/events?run=N streams, with a reference
 * for the caller (spc_live_release), or NULL (not a run kept). Its
 * messages are whole server-sent-event frames. */
spc_live *spc_serve_events(spc_serve *s, const char *query_run);

/* The scenario's name (for messages). */
const char *spc_serve_name(const spc_serve *s);
/* Whether it has customers (without, the page's lines stay empty). */
int spc_serve_has_customers(const spc_serve *s);

#endif
