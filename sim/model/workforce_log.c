/*
 * workforce_log.c -- the rows of employees.csv (emplog.h): for each
 * employee and year after the warm-up, satisfaction at the start, its
 * time-weighted mean, and whether they quit or left otherwise in it.
 *
 * Satisfaction follows (S2) between updates: from s0 at t0 toward S*,
 *   s(t) = S* + (s0 - S*) e^(-(t - t0)/tau_S),
 * so its integral over [a, b] is exact:
 *   S* (b - a) + (s0 - S*) tau_S (e^(-(a - t0)/tau_S) - e^(-(b - t0)/tau_S)).
 * Each update hands its segment here (spc_wf_log_path); a segment that
 * crosses a year boundary closes the row there and opens the next. The log
 * reads the model's state and never changes it: a run is the same with
 * and without employees.csv.
 */
#include "workforce_impl.h"

#include <math.h>
#include <stdlib.h>

static double year_len(const spc_workforce *wf) { return wf->w->quit.year; }
static double log_start(const spc_workforce *wf) { return wf->sc->warmup; }

/* s(t) on the segment from (t0, s0) toward s_star. */
static double s_at(const spc_workforce *wf, double t0, double s0, double s_star, double t)
{
    return wf->w->s_dynamic ? spc_first_order(s0, s_star, t - t0, wf->w->tau_s) : s0;
}

/* The integral of s over [a, b] on that segment. */
static double s_integral(const spc_workforce *wf, double t0, double s0, double s_star, double a, double b)
{
    double tau = wf->w->tau_s;
    if (!wf->w->s_dynamic || isinf(tau) || s0 == s_star)
        return s0 * (b - a);
    if (!(tau > 0))
        return s_star * (b - a);
    return s_star * (b - a) + (s0 - s_star) * tau * (exp(-(a - t0) / tau) - exp(-(b - t0) / tau));
}

static void open_row(const spc_workforce *wf, employee_t *e, double t, double s)
{
    double y = floor((t - log_start(wf)) / year_len(wf));
    if (log_start(wf) + (y + 1) * year_len(wf) <= t) /* t on a boundary, rounded below it */
        y += 1;
    e->row_open = 1;
    e->row_year = (uint32_t)y;
    e->row_t0 = t;
    e->row_s0 = s;
    e->row_int = 0;
    e->row_tenure = t - e->hired;
}

static int close_row(spc_workforce *wf, const group_t *g, employee_t *e, double t, int quit, int other)
{
    e->row_open = 0;
    double span = t - e->row_t0;
    if (!(span > 0))
        return 0; /* hired and gone at one instant */
    double y0 = log_start(wf) + e->row_year * year_len(wf);
    int cohort = e->row_t0 <= y0 && y0 + year_len(wf) <= wf->sc->horizon;
    spc_emp_row r = { .unit = wf->unit_index, .stage = (uint32_t)(g - wf->g), .id = e->id, .year = e->row_year,
                      .tenure = e->row_tenure, .s_start = e->row_s0, .s_mean = e->row_int / span,
                      .exposure = fmin(1.0, span / year_len(wf)), .quit = (uint8_t)quit, .other = (uint8_t)other,
                      .cohort = (uint8_t)cohort };
    return spc_emplog_add(wf->log, &r);
}

void spc_wf_log_path(spc_workforce *wf, const group_t *g, employee_t *e, double t0, double s0, double s_star,
                     double t1)
{
    if (wf->log == NULL)
        return;
    double t = fmax(t0, e->log_t), start = log_start(wf);
    while (t < t1) {
        if (!e->row_open) {
            if (t1 <= start)
                break;
            t = fmax(t, start);
            open_row(wf, e, t, s_at(wf, t0, s0, s_star, t));
        }
        double tb = start + (e->row_year + 1) * year_len(wf), te = fmin(t1, tb);
        e->row_int += s_integral(wf, t0, s0, s_star, t, te);
        t = te;
        if (t >= tb && close_row(wf, g, e, tb, 0, 0) != 0)
            break; /* out of memory: the row is lost, the run goes on (collect reports it) */
    }
    e->log_t = t1;
}

void spc_wf_log_hire(spc_workforce *wf, employee_t *e, double now)
{
    (void)wf;
    e->row_open = 0;
    e->log_t = now;
}

int spc_wf_log_leave(spc_workforce *wf, const group_t *g, employee_t *e, double now, int quit, int other)
{
    if (wf->log == NULL || !e->row_open)
        return 0;
    return close_row(wf, g, e, now, quit, other);
}

static int row_order(const void *pa, const void *pb)
{
    const spc_emp_row *a = pa, *b = pb;
    if (a->stage != b->stage)
        return a->stage < b->stage ? -1 : 1;
    if (a->id != b->id)
        return a->id < b->id ? -1 : 1;
    return a->year < b->year ? -1 : a->year > b->year;
}

int spc_wf_log_finish(spc_workforce *wf, double now)
{
    if (wf->log == NULL)
        return 0;
    size_t first = wf->log_first;
    for (size_t i = 0; i < wf->ng; i++) {
        group_t *g = &wf->g[i];
        for (uint32_t k = 0; k < g->npos; k++) {
            employee_t *e = &g->emp[k];
            if (!e->present)
                continue;
            /* the last segment, read without bringing the employee up to date */
            double lev[3] = { wf->w->pay, wf->w->recognition, wf->w->training_hours };
            double s_star = wf->w->s_dynamic ? spc_wf_s_target(wf, g, e, now, lev) : e->s;
            spc_wf_log_path(wf, g, e, e->t, e->s, s_star, now);
            if (e->row_open && close_row(wf, g, e, now, 0, 0) != 0)
                return -1;
        }
    }
    qsort(wf->log->rows + first, wf->log->n - first, sizeof *wf->log->rows, row_order);
    return 0;
}
