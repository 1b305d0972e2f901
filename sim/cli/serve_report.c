/*
 * serve_report.c -- report.html of the page's variant against the
 * baseline (serve_impl.h): the comparison written as `spcsim compare`
 * writes it (compare.csv, its figures and report.html, staged and put in
 * place at once by cli_publish_file), then the page read back and sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "serve_impl.h"
#include "spcsim/compare.h"

static void fail(spc_serve_reply *r, int status, const char *msg)
{
    size_t n = strlen(msg) + 32;
    r->body = malloc(n);
    if (r->body != NULL)
        snprintf(r->body, n, "{\"error\":\"%s\"}", msg); /* msg: our own words, no quotes */
    r->status = status, r->type = "application/json", r->len = r->body ? strlen(r->body) : 0;
}

/* Writes the comparison of done runs b (baseline) and v into dir. */
static spc_status publish(const serve_run *b, const serve_run *v, const char *dir, spc_error *err)
{
    const spc_results *vars = v->x.rep;
    spc_compare c = { 0 };
    const char *names[] = { "variant", "baseline" };
    spc_scenario *sc[] = { b->sc, v->sc };
    spc_experiment x[] = { b->x, v->x }; /* shallow copies, only read */
    options o = { .command = "serve", .quiet = 1 };
    cli_compare_out co = { &c, names, sc, x, 2, &o, NULL };
    if (spc_compare_tables(b->x.rep, &vars, 1, b->x.n, &c, err) == SPC_OK)
        cli_publish_compare(dir, &co, err);
    spc_compare_release(&c);
    return err->code;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, k;
    do {
        if (n == cap) {
            char *nb = realloc(buf, cap = cap ? 2 * cap : 65536);
            if (nb == NULL)
                break;
            buf = nb;
        }
        k = fread(buf + n, 1, cap - n, f);
        n += k;
    } while (k > 0);
    fclose(f);
    *len = n;
    return buf;
}

void serve_report(spc_live_board *board, const char *dir, const char *q, spc_serve_reply *r)
{
    char *end;
    unsigned long id = q != NULL && *q >= '1' && *q <= '9' && strlen(q) < 10 ? strtoul(q, &end, 10) : 0;
    spc_live *vl = id > 0 && *end == '\0' ? spc_live_board_get(board, (unsigned)id) : NULL;
    spc_live *bl = vl != NULL ? spc_live_board_get(board, 0) : NULL;
    const serve_run *v = vl ? spc_live_ctx(vl) : NULL, *b = bl ? spc_live_ctx(bl) : NULL;
    if (v == NULL || b == NULL) {
        fail(r, 404, "no such variant (?run=N: the latest variant)");
    } else if (!spc_live_wait(vl, spc_live_stop_flag(vl)) || !spc_live_wait(bl, spc_live_stop_flag(bl)) ||
               !v->done || !b->done) {
        fail(r, 409, "the runs did not finish");
    } else {
        char out[4096], page[4200];
        snprintf(out, sizeof out, "%s/%s-serve", dir != NULL ? dir : "output", b->sc->name);
        snprintf(page, sizeof page, "%s/report.html", out);
        spc_error err;
        spc_error_clear(&err);
        if (publish(b, v, out, &err) != SPC_OK || (r->body = slurp(page, &r->len)) == NULL) {
            fprintf(stderr, "spcsim serve: report: %s\n", err.code != SPC_OK ? err.msg : "cannot read report.html");
            fail(r, 500, "the report could not be written (see the server's log)");
        } else {
            r->status = 200, r->type = "text/html; charset=utf-8", r->filename = "report.html";
        }
    }
    spc_live_release(bl);
    spc_live_release(vl);
}
