/*
 * chaindose.c -- the chain study's dose-response (chaindose.h): the list
 * of doses, a lever search per dose against one base run, and
 * chain_dose.csv.
 */
#include "spcsim/chaindose.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/text.h"

/* ---- the list ---- */

static spc_status bad_list(const char *arg, const char *why, spc_error *err)
{
    return spc_error_set(err, SPC_ERR_USAGE, "--esat-delta needs positive changes such as 5%% (relative) or 3pt "
                         "(points), or a comma-separated list of them such as 2.5%%,5%%,10%%,20%% (got '%s': %s)",
                         arg, why);
}

/* One item p[0..len): a number, then nothing, `%` or `pt`. */
static spc_status parse_item(const char *arg, const char *p, size_t len, double *delta, int *points,
                             spc_error *err)
{
    char item[64], *end;
    if (len == 0)
        return bad_list(arg, "an empty item", err);
    if (len >= sizeof item)
        return bad_list(arg, "an item too long", err);
    memcpy(item, p, len);
    item[len] = '\0';
    errno = 0;
    double d = strtod(item, &end);
    if (end == item)
        return bad_list(arg, "an item without a number", err);
    if (strcmp(end, "pt") != 0 && strcmp(end, "%") != 0 && *end != '\0')
        return bad_list(arg, "a unit other than % or pt", err);
    if (!isfinite(d) || !(d > 0) || errno == ERANGE)
        return bad_list(arg, "a change that is not a positive number", err);
    *delta = d;
    *points = strcmp(end, "pt") == 0;
    return SPC_OK;
}

spc_status spc_chaindose_parse(const char *arg, double *delta, int *points, size_t *n, spc_error *err)
{
    *n = 0;
    if (arg == NULL) { /* the default */
        delta[0] = 5.0, points[0] = 0, *n = 1;
        return SPC_OK;
    }
    const char *p = arg;
    for (;;) {
        size_t len = strcspn(p, ",");
        if (*n == SPC_CHAINDOSE_MAX)
            return bad_list(arg, "more than 16 doses", err);
        if (parse_item(arg, p, len, &delta[*n], &points[*n], err) != SPC_OK)
            return err->code;
        ++*n;
        if (p[len] == '\0')
            return SPC_OK;
        p += len + 1;
    }
}

/* ---- the doses ---- */

static void take(spc_chaindose_point *pt, const spc_lever_result *r)
{
    pt->reached = 1;
    pt->met = r->met;
    pt->value = r->value;
    pt->esat = r->esat;
    pt->target = r->target;
    pt->evaluations = r->evaluations;
}

/* The table of a dose: none when its variant may hold a block of the
 * replications only (a part of spcsim chain --part, lever.h). */
static spc_status dose_table(const spc_lever_goal *goal, const spc_experiment *base, const spc_experiment *variant,
                             spc_chainstudy_table *t, spc_error *err)
{
    if (spc_study_partial(goal->runner, 0))
        return SPC_OK;
    return spc_chainstudy_table_make(base->rep, variant->rep, base->n, t, err);
}

/* Dose k (k >= 1) against first->base. */
static spc_status one_dose(const spc_scenario *base, const char *const *sets, size_t nsets, const spc_lever_goal *goal,
                           const spc_experiment_opts *opts, const spc_lever_result *first, spc_chaindose_point *pt,
                           spc_error *err)
{
    spc_lever_goal g = *goal;
    g.delta = pt->delta;
    g.points = pt->points;
    spc_lever_result r;
    if (spc_lever_find_from(base, sets, nsets, &g, opts, &first->base, &r, err) == SPC_OK &&
        dose_table(goal, &first->base, &r.variant, &pt->table, err) == SPC_OK)
        take(pt, &r);
    else if (err->code == SPC_ERR_USAGE) { /* beyond the lever's range: kept as not reached */
        pt->target = r.target;
        spc_error_clear(err);
    }
    spc_lever_result_release(&r);
    return err->code;
}

spc_status spc_chaindose_run(const spc_scenario *base, const char *const *sets, size_t nsets,
                             const spc_lever_goal *goal, const double *delta, const int *points, size_t n,
                             const spc_experiment_opts *opts, const spc_lever_result *first, spc_chaindose *out,
                             spc_error *err)
{
    memset(out, 0, sizeof *out);
    out->lever = goal->lever;
    out->lever_base = first->base_value;
    out->base_esat = first->base_esat;
    out->replications = first->base.n;
    for (size_t k = 0; k < n && k < SPC_CHAINDOSE_MAX; k++) {
        spc_chaindose_point *pt = &out->pts[out->n++];
        pt->delta = delta[k];
        pt->points = points[k];
        pt->value = pt->esat = pt->target = NAN;
        if (k == 0) {
            take(pt, first);
            if (dose_table(goal, &first->base, &first->variant, &pt->table, err) != SPC_OK)
                return err->code;
        } else if (one_dose(base, sets, nsets, goal, opts, first, pt, err) != SPC_OK)
            return err->code;
    }
    return SPC_OK;
}

/* ---- chain_dose.csv ---- */

static void write_row(FILE *f, const spc_chaindose *d, const spc_chaindose_point *pt, const spc_chainstudy_row *r,
                      const spc_chainstudy_measure *m)
{
    spc_csv_num(f, pt->delta);
    /* the lever's path is a setting's path: no comma to quote */
    fprintf(f, ",%s,%s", pt->points ? "pt" : "%", d->lever ? d->lever : "");
    spc_csv_next(f, d->lever_base);
    spc_csv_next(f, pt->value);
    double esat_rel = NAN; /* the dose's ESAT change, the x of the figure */
    for (size_t j = 0; j < pt->table.n; j++)
        if (strcmp(pt->table.rows[j].m->metric, "esat") == 0)
            esat_rel = pt->table.rows[j].rel.mean;
    spc_csv_next(f, esat_rel);
    fprintf(f, ",%s,%s,%s", !pt->reached ? "out_of_range" : pt->met ? "met" : "not_met", m->scope, m->metric);
    if (r == NULL) {
        fprintf(f, ",,,,,,,,,,%u\n", d->replications);
        return;
    }
    spc_chainstudy_csv_change(f, r->base, r->variant, r->diff, r->rel, r->significant, d->replications);
}

void spc_chaindose_write_csv(FILE *f, const spc_chaindose *d)
{
    fputs("esat_delta,unit,lever,lever_base,lever_value,esat_rel_pct,search,scope,metric,base,variant,diff,diff_ci95_low,"
          "diff_ci95_high,rel_pct,rel_ci95_low,rel_ci95_high,significant,n\n", f);
    const spc_chainstudy_table *measures = d->n > 0 ? &d->pts[0].table : NULL; /* dose 0 is always reached */
    for (size_t k = 0; k < d->n; k++) {
        const spc_chaindose_point *pt = &d->pts[k];
        for (size_t i = 0; measures != NULL && i < measures->n; i++) {
            const spc_chainstudy_measure *m = measures->rows[i].m;
            const spc_chainstudy_row *r = NULL;
            for (size_t j = 0; j < pt->table.n && r == NULL; j++)
                if (pt->table.rows[j].m == m)
                    r = &pt->table.rows[j];
            write_row(f, d, pt, r, m);
        }
    }
}
