/*
 * serve_impl.h -- the parts of the classroom page's server shared by
 * serve.c (requests and runs), serve_parts.c (the page's choice, the
 * chain's words, the "what to look at" line) and serve_report.c
 * (report.html); private to sim/cli/.
 */
#ifndef SPCSIM_SERVE_IMPL_H
#define SPCSIM_SERVE_IMPL_H

#include <stddef.h>

#include "spcsim/experiment.h"
#include "spcsim/live.h"
#include "spcsim/scenario.h"
#include "spcsim/serve.h"
#include "spcsim/stats.h"

/* One run of the page: the baseline (id 0) or a variant; the ctx of its live job. */
typedef struct {
    spc_serve *srv;
    spc_scenario *sc;     /* owned */
    int variant;          /* 0: the baseline; set before the job starts */
    spc_live *lv;         /* its job, set when the job starts */
    spc_experiment x;     /* complete once done */
    int have_x, done;
} serve_run;

void serve_run_free(void *r);

/* The links of the chain table, in the chain's order. */
typedef struct {
    const char *name, *scope, *metric, *unit;
    int points;           /* 1: say the change in points, else in per cent */
} serve_link;

extern const serve_link serve_chain[];
#define SERVE_NCHAIN 6

/* The change of one link in words: "CSAT rose by 0.43 points (95%
 * interval +0.26 to +0.60)", or that it did not change clearly. */
void serve_chain_words(const serve_link *l, double base, spc_estimate diff, spc_estimate rel, char *buf,
                       size_t size);

/* The page's choice ({"levers": {"PATH": value, ...}}, len bytes) as the
 * variant scenario: each value checked against its lever, then applied as
 * an intervention at the decision week through the scenario reader, like
 * --set. NULL with err set (SPC_ERR_INVALID: the request's fault). */
spc_scenario *serve_variant(const spc_scenario *base, const char *path, const char *const *sets, size_t nsets,
                            const spc_scenario_lever *levers, size_t nlevers, const char *body, size_t len,
                            spc_error *err);

/* The "What to look at." paragraph of scenario `name` in the README.md
 * beside the scenario file, as plain text; NULL when there is none. */
char *serve_look(const char *scenario_path, const char *name);

/* GET /api/report.html?run=N: report.html of run N (a variant) against
 * the baseline, written into dir/<name>-serve by the report writer. */
void serve_report(spc_live_board *board, const char *dir, const char *query_run, spc_serve_reply *r);

#endif
