/*
 * serve.c -- what the classroom page's server answers (serve.h): the
 * scenario and its levers as JSON, a variant started from the page's
 * lever values, the runs' events, the variant saved as a scenario file.
 *
 * A run is a live job (live.h) that runs the replications on the pool
 * (experiment.h) and posts server-sent-event frames as it goes:
 *
 *   event: period    {"week", "esat", "csat", "active", "profit"}  replication 0, each period
 *   event: finished  {"replication"}                              a replication is done
 *   event: series    {"week": [...], "esat": {"mean", "lo", "hi"}, ...}  means over replications
 *   event: chain     {"replications", "rows": [...]}               variant - baseline, paired (variants)
 *   event: done | cancelled | error {"message"}
 *
 * Everything here is read-only after spc_serve_alloc but the board, which
 * has its own lock: the HTTP library may call in from several threads.
 */
#include "spcsim/serve.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/compare.h"
#include "spcsim/experiment.h"
#include "spcsim/scenario.h"
#include "spcsim/scenario_levers.h"
#include "spcsim/settings.h"
#include "serve_impl.h"

#define SECONDS_PER_WEEK (7.0 * 24 * 3600)

/* The page's files: the only paths served besides the API. */
static const struct {
    const char *url, *file, *type;
} web_files[] = {
    { "/", "index.html", "text/html; charset=utf-8" },
    { "/app.js", "app.js", "text/javascript; charset=utf-8" },
    { "/style.css", "style.css", "text/css; charset=utf-8" },
    { "/uPlot.iife.min.js", "uPlot.iife.min.js", "text/javascript; charset=utf-8" },
    { "/uPlot.min.css", "uPlot.min.css", "text/css; charset=utf-8" },
};
#define NWEB (sizeof web_files / sizeof web_files[0])

struct spc_serve {
    spc_serve_opts opts;
    spc_scenario *sc;            /* the baseline */
    spc_scenario_lever *levers;
    size_t nlevers;
    char *look;                  /* "what to look at", or NULL */
    char *web[NWEB];
    size_t web_len[NWEB];
    unsigned reps, jobs;
    spc_live_board *board;
};

const char *spc_serve_name(const spc_serve *s)
{
    return s->sc->name;
}

int spc_serve_has_customers(const spc_serve *s)
{
    return s->sc->customers.enabled;
}

/* ---- a run ---- */

void serve_run_free(void *p)
{
    serve_run *r = p;
    if (r == NULL)
        return;
    if (r->have_x)
        spc_experiment_release(&r->x);
    spc_scenario_free(r->sc);
    free(r);
}

/* Posts "event: NAME\ndata: JSON\n\n" and releases j. */
static void post(spc_live *lv, const char *name, json_t *j)
{
    char *data = j != NULL ? json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
    json_decref(j);
    size_t n = (data ? strlen(data) : 4) + strlen(name) + 32;
    char *frame = malloc(n);
    if (frame != NULL) {
        snprintf(frame, n, "event: %s\ndata: %s\n\n", name, data ? data : "null");
        spc_live_post(lv, frame);
    }
    free(frame);
    free(data);
}

static json_t *number(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

/* The rows of the period of row i: [*from, *to). */
static void period_rows(const spc_timeseries *ts, size_t i, size_t *from, size_t *to)
{
    long p = ts->rows[i].period;
    size_t a = i, b = i;
    while (a > 0 && ts->rows[a - 1].period == p)
        a--;
    while (b < ts->n && ts->rows[b].period == p)
        b++;
    *from = a, *to = b;
}

/* The four lines of the page: (scope, column), else (scope2, column2), and the JSON name. */
static const struct {
    const char *scope, *name, *scope2;
    int column, column2;
} lines[] = {
    { "customers", "esat", "company", SPC_TS_ESAT, SPC_TS_SATISFACTION }, /* without customers: the workforce's */
    { "customers", "csat", NULL, SPC_TS_CSAT, 0 },
    { "customers", "active", NULL, SPC_TS_ACTIVE, 0 },
    { "finance", "profit", NULL, SPC_TS_PROFIT, 0 },
};
#define NLINES (sizeof lines / sizeof lines[0])

/* Line k's cell among rows [from, to): its row and column, or NULL. */
static const spc_ts_row *cell(const spc_timeseries *ts, size_t from, size_t to, size_t k, int *column)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *scope = pass == 0 ? lines[k].scope : lines[k].scope2;
        for (size_t i = from; scope != NULL && i < to && i < ts->n; i++)
            if (strcmp(ts->rows[i].scope, scope) == 0) {
                *column = pass == 0 ? lines[k].column : lines[k].column2;
                return &ts->rows[i];
            }
    }
    return NULL;
}

/* The run's period callback: replication 0's values as they come. */
static void on_period(void *ctx, const spc_run_request_info *who, const spc_timeseries *ts, size_t first)
{
    serve_run *r = ctx;
    if (who->unit != 0 || r->sc->units.count > 1)
        return;
    if (who->replication == 0) {
        json_t *j = json_pack("{s:f}", "week", who->time * r->sc->unit_seconds / SECONDS_PER_WEEK);
        for (size_t k = 0; j != NULL && k < NLINES; k++) {
            int c;
            const spc_ts_row *row = cell(ts, first, ts->n, k, &c);
            json_object_set_new(j, lines[k].name, number(row ? row->v[c] : NAN));
        }
        post(r->lv, "period", j);
    }
    if (who->time >= r->sc->horizon * (1 - 1e-9))
        post(r->lv, "finished", json_pack("{s:i}", "replication", (int)who->replication));
}

/* The means over replications, with their 95% intervals, of the four lines. */
static json_t *series_json(const serve_run *r)
{
    const spc_timeseries *ts = &r->x.combined_ts;
    json_t *j = json_object(), *week = json_array();
    json_object_set_new(j, "week", week);
    json_t *m[NLINES], *lo[NLINES], *hi[NLINES];
    for (size_t k = 0; k < NLINES; k++) {
        m[k] = json_array(), lo[k] = json_array(), hi[k] = json_array();
        json_object_set_new(j, lines[k].name, json_pack("{s:o,s:o,s:o}", "mean", m[k], "lo", lo[k], "hi", hi[k]));
    }
    for (size_t i = 0; i < ts->n; i++) {
        if (strcmp(ts->rows[i].scope, "system") != 0) /* one a period, with or without customers */
            continue;
        size_t from, to;
        period_rows(ts, i, &from, &to);
        json_array_append_new(week, number(ts->rows[i].time * r->sc->unit_seconds / SECONDS_PER_WEEK));
        for (size_t k = 0; k < NLINES; k++) {
            int c;
            const spc_ts_row *row = cell(ts, from, to, k, &c);
            json_array_append_new(m[k], number(row ? row->v[c] : NAN));
            json_array_append_new(lo[k], number(row ? row->lo[c] : NAN));
            json_array_append_new(hi[k], number(row ? row->hi[c] : NAN));
        }
    }
    return j;
}

/* The chain table: variant - baseline, paired by replication. */
static json_t *chain_json(serve_run *r, const serve_run *base, spc_error *err)
{
    const spc_results *v = r->x.rep;
    spc_compare c = { 0 };
    if (spc_compare_tables(base->x.rep, &v, 1, base->x.n, &c, err) != SPC_OK)
        return NULL;
    json_t *rows = json_array();
    for (size_t k = 0; k < SERVE_NCHAIN; k++) {
        const spc_compare_row *row = NULL;
        for (size_t i = 0; i < c.n && row == NULL; i++)
            if (strcmp(c.rows[i].scope, serve_chain[k].scope) == 0 && strcmp(c.rows[i].metric, serve_chain[k].metric) == 0)
                row = &c.rows[i];
        if (row == NULL)
            continue;
        char words[400];
        serve_chain_words(&serve_chain[k], row->base, row->diff, row->rel, words, sizeof words);
        json_array_append_new(rows, json_pack("{s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:b,s:s}", "name",
                                              serve_chain[k].name, "unit", serve_chain[k].unit, "base",
                                              number(row->base), "variant", number(row->value), "diff",
                                              number(row->diff.mean), "lo", number(row->diff.lo), "hi",
                                              number(row->diff.hi), "rel", number(row->rel.mean), "rel_lo",
                                              number(row->rel.lo), "rel_hi", number(row->rel.hi), "clear",
                                              row->significant, "words", words));
    }
    spc_compare_release(&c);
    return json_pack("{s:i,s:o}", "replications", (int)base->x.n, "rows", rows);
}

/* The job: the replications, then the means, then (a variant) the chain table. */
static void run_job(spc_live *lv, void *ctx)
{
    serve_run *r = ctx;
    r->lv = lv;
    spc_error err;
    spc_error_clear(&err);
    spc_experiment_opts o = { .replications = r->srv->reps, .jobs = r->srv->jobs, .stop = spc_live_stop_flag(lv),
                              .force = 1 };
    spc_experiment_watch w = { on_period, r };
    r->have_x = 1;
    if (spc_experiment_run_watched(r->sc, &o, &w, &r->x, &err) == SPC_OK) {
        post(lv, "series", series_json(r));
        r->done = 1;
    }
    spc_live *base = r->variant && err.code == SPC_OK ? spc_live_board_get(r->srv->board, 0) : NULL;
    if (base != NULL && spc_live_wait(base, spc_live_stop_flag(lv))) {
        const serve_run *b = spc_live_ctx(base);
        json_t *chain = b->done ? chain_json(r, b, &err) : NULL;
        if (chain != NULL)
            post(lv, "chain", chain);
    }
    spc_live_release(base);
    if (*spc_live_stop_flag(lv) || err.code == SPC_ERR_INTERRUPTED)
        post(lv, "cancelled", json_pack("{s:s}", "message", "stopped: the levers moved"));
    else if (err.code != SPC_OK)
        post(lv, "error", json_pack("{s:s}", "message", err.msg));
    else
        post(lv, "done", json_pack("{s:b}", "variant", r->variant));
}

static spc_live *start_run(spc_serve *s, spc_scenario *sc, int variant, spc_error *err)
{
    serve_run *r = calloc(1, sizeof *r);
    if (r == NULL) {
        spc_scenario_free(sc);
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    r->srv = s, r->sc = sc, r->variant = variant;
    return spc_live_start(run_job, r, serve_run_free, err);
}

spc_status spc_serve_start(spc_serve *s, spc_error *err)
{
    spc_scenario *sc = spc_scenario_load(s->opts.scenario, s->opts.sets, s->opts.nsets, err);
    spc_live *lv = sc != NULL ? start_run(s, sc, 0, err) : NULL;
    if (lv == NULL)
        return err->code;
    spc_live_board_set_base(s->board, lv);
    return SPC_OK;
}

/* ---- setting up ---- */

static char *read_all(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = malloc(max + 1);
    size_t n = buf != NULL ? fread(buf, 1, max + 1, f) : 0;
    int bad = buf == NULL || ferror(f) || n > max;
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static spc_status read_web(spc_serve *s, spc_error *err)
{
    for (size_t i = 0; i < NWEB; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", s->opts.webdir, web_files[i].file);
        s->web[i] = read_all(path, 4u << 20, &s->web_len[i]);
        if (s->web[i] == NULL)
            return spc_error_set(err, SPC_ERR_READ, "%s: cannot read the page's file (--web DIR names their folder)",
                                 path);
    }
    return SPC_OK;
}

spc_serve *spc_serve_alloc(const spc_serve_opts *o, spc_error *err)
{
    spc_serve *s = calloc(1, sizeof *s);
    if (s == NULL) {
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    s->opts = *o;
    s->sc = spc_scenario_load(o->scenario, o->sets, o->nsets, err);
    if (s->sc == NULL || spc_levers_defaults(s->sc, &s->levers, &s->nlevers, err) != SPC_OK ||
        read_web(s, err) != SPC_OK) {
        spc_serve_free(s);
        return NULL;
    }
    s->look = serve_look(o->scenario, s->sc->name);
    unsigned want = o->replications ? o->replications : (unsigned)s->sc->replications;
    s->reps = want >= 2 ? want : 8;
    s->jobs = o->jobs ? o->jobs : spc_experiment_cores();
    s->board = spc_live_board_alloc();
    if (s->board == NULL) {
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        spc_serve_free(s);
        return NULL;
    }
    return s;
}

void spc_serve_free(spc_serve *s)
{
    if (s == NULL)
        return;
    spc_live_board_free(s->board);
    for (size_t i = 0; i < NWEB; i++)
        free(s->web[i]);
    free(s->look);
    spc_levers_free(s->levers, s->nlevers);
    spc_scenario_free(s->sc);
    free(s);
}

/* ---- answers ---- */

/* A JSON reply (j released). */
static void reply_json(spc_serve_reply *r, int status, json_t *j)
{
    r->status = status;
    r->type = "application/json";
    r->body = j != NULL ? json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
    json_decref(j);
    if (r->body == NULL)
        r->status = 500, r->body = strdup("{\"error\":\"out of memory\"}");
    r->len = r->body != NULL ? strlen(r->body) : 0;
}

static void reply_error(spc_serve_reply *r, int status, const char *msg)
{
    reply_json(r, status, json_pack("{s:s}", "error", msg));
}

static json_t *scenario_json(const spc_serve *s)
{
    json_t *lv = json_array();
    for (size_t i = 0; i < s->nlevers; i++) {
        const spc_scenario_lever *l = &s->levers[i];
        const spc_setting *d = spc_settings_find(l->path);
        json_array_append_new(lv, json_pack("{s:s,s:s,s:s,s:f,s:f,s:f,s:o,s:b}", "path", l->path, "label", l->label,
                                            "unit", l->unit, "min", l->min, "max", l->max, "step", l->step,
                                            "value", number(spc_levers_value(s->sc, l)), "switch",
                                            d != NULL && d->kind == SPC_SET_FLAG));
    }
    return json_pack("{s:s,s:s,s:s?,s:f,s:f,s:i,s:o}", "name", s->sc->name, "description", s->sc->description,
                     "look", s->look, "horizon_weeks", s->sc->horizon * s->sc->unit_seconds / SECONDS_PER_WEEK,
                     "warmup_weeks", s->sc->warmup * s->sc->unit_seconds / SECONDS_PER_WEEK, "replications",
                     (int)s->reps, "levers", lv);
}

/* POST /api/run: the variant of the page's values, started. */
static void handle_run(spc_serve *s, const char *body, size_t len, spc_serve_reply *r)
{
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = serve_variant(s->sc, s->opts.scenario, s->opts.sets, s->opts.nsets, s->levers, s->nlevers,
                                     body, len, &err);
    if (sc == NULL) {
        reply_error(r, err.code == SPC_ERR_INTERNAL ? 500 : 400, err.msg);
        return;
    }
    spc_live *lv = start_run(s, sc, 1, &err);
    if (lv == NULL) {
        reply_error(r, 500, err.msg);
        return;
    }
    unsigned id = spc_live_board_put(s->board, lv);
    reply_json(r, 200, json_pack("{s:i}", "run", (int)id));
}

/* ?run=N -> the run, retained; NULL when malformed or not kept. */
static spc_live *run_of(spc_serve *s, const char *q)
{
    char *end;
    if (q == NULL || *q < '0' || *q > '9' || strlen(q) > 9)
        return NULL;
    unsigned long id = strtoul(q, &end, 10);
    return *end == '\0' ? spc_live_board_get(s->board, (unsigned)id) : NULL;
}

spc_live *spc_serve_events(spc_serve *s, const char *query_run)
{
    return run_of(s, query_run);
}

/* GET /api/scenario.cfg?run=N: the run's resolved scenario, to keep. */
static void handle_save(spc_serve *s, const char *q, spc_serve_reply *r)
{
    spc_live *lv = run_of(s, q);
    if (lv == NULL) {
        reply_error(r, 404, "no such run (?run=N: 0 the baseline, or the latest variant)");
        return;
    }
    const serve_run *run = spc_live_ctx(lv);
    FILE *f = open_memstream(&r->body, &r->len);
    if (f != NULL) {
        fprintf(f, "# Saved from spcsim serve %s: %s\n", s->opts.scenario,
                run->variant ? "the variant of the page's levers (its intervention at the decision week)" : "the baseline");
        spc_scenario_write(run->sc, f);
        fclose(f);
    }
    const char *name = run->variant ? "variant.cfg" : "baseline.cfg";
    spc_live_release(lv); /* run is gone after this */
    if (f == NULL || r->body == NULL) {
        free(r->body);
        reply_error(r, 500, "out of memory");
        return;
    }
    r->status = 200, r->type = "text/plain; charset=utf-8";
    r->filename = name;
}

static void handle_get(spc_serve *s, const char *path, const char *q, spc_serve_reply *r)
{
    for (size_t i = 0; i < NWEB; i++)
        if (strcmp(path, web_files[i].url) == 0 || (i == 0 && strcmp(path, "/index.html") == 0)) {
            r->body = malloc(s->web_len[i] + 1);
            if (r->body == NULL) {
                reply_error(r, 500, "out of memory");
                return;
            }
            memcpy(r->body, s->web[i], s->web_len[i]);
            r->status = 200, r->type = web_files[i].type, r->len = s->web_len[i];
            return;
        }
    if (strcmp(path, "/api/scenario") == 0)
        reply_json(r, 200, scenario_json(s));
    else if (strcmp(path, "/api/scenario.cfg") == 0)
        handle_save(s, q, r);
    else if (strcmp(path, "/api/report.html") == 0)
        serve_report(s->board, s->opts.reportdir, q, r);
    else
        reply_error(r, 404, "not found: the page, its assets and /api/ only");
}

void spc_serve_handle(spc_serve *s, const char *method, const char *path, const char *q, const char *body,
                      size_t len, spc_serve_reply *r)
{
    *r = (spc_serve_reply){ 0 };
    if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
        handle_get(s, path, q, r);
    else if (strcmp(method, "POST") == 0 && strcmp(path, "/api/run") == 0)
        handle_run(s, body, len, r);
    else if (strcmp(method, "POST") == 0)
        reply_error(r, 404, "not found: POST only to /api/run");
    else
        reply_error(r, 405, "method not allowed: GET, HEAD and POST only");
}
