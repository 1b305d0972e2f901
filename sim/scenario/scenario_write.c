/*
 * scenario_write.c -- the resolved scenario, written back as libconfig.
 *
 * Every default is written out and every duration and rate is a plain
 * number in the scenario's time unit, printed with the shortest decimal
 * form that reads back to the same double. Reading the file back gives
 * the same struct, so the run it describes is reproduced exactly.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/scenario.h"

/* Shortest "%.Ng" that reads back to x; always looks like a float to libconfig. */
static void fmt_real(char *buf, size_t size, double x)
{
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    if (strpbrk(buf, ".eEn") == NULL)
        strncat(buf, ".0", size - strlen(buf) - 1);
}

static void put_real(FILE *f, double x)
{
    char buf[64];
    fmt_real(buf, sizeof buf, x);
    fputs(buf, f);
}

static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", f);
        else if (*s == '\t')
            fputs("\\t", f);
        else if ((unsigned char)*s < 0x20)
            fprintf(f, "\\x%02x", (unsigned char)*s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

static void put_array(FILE *f, const double *x, size_t n)
{
    fputs("[ ", f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        put_real(f, x[i]);
    }
    fputs(" ]", f);
}

static void put_dist(FILE *f, const spc_dist *d)
{
    fprintf(f, "{ dist = \"%s\";", spc_dist_kind_name(d->kind));
    switch (d->kind) {
    case SPC_DIST_UNIFORM:
        fputs(" min = ", f); put_real(f, d->min);
        fputs("; max = ", f); put_real(f, d->max);
        fputs(";", f);
        break;
    case SPC_DIST_EMPIRICAL:
        fputs(" values = ", f); put_array(f, d->values, d->n);
        fputs(";", f);
        if (d->weights) {
            fputs(" weights = ", f); put_array(f, d->weights, d->n);
            fputs(";", f);
        }
        break;
    default:
        fputs(" mean = ", f); put_real(f, d->mean);
        fputs(";", f);
        if (d->kind != SPC_DIST_EXPONENTIAL && d->kind != SPC_DIST_DETERMINISTIC) {
            fputs(" cv = ", f); put_real(f, d->cv);
            fputs(";", f);
        }
    }
    fputs(" }", f);
}

static void put_arrivals(FILE *f, const spc_scenario *sc)
{
    const spc_arrivals_spec *a = &sc->arrivals;
    fputs("arrivals = {\n", f);
    switch (sc->customers.enabled ? -1 : (int)a->kind) {
    case SPC_ARRIVALS_POISSON:
        fputs("  process = \"poisson\";\n  rate = ", f);
        put_real(f, a->rate);
        fputs(";\n", f);
        break;
    case SPC_ARRIVALS_SCHEDULE:
        fputs("  process = \"poisson\";\n  schedule = {\n    period = ", f);
        put_real(f, a->period);
        fputs(";\n    rates = ", f);
        put_array(f, a->slot_rate, a->nslots);
        fputs(";\n    starts = ", f);
        put_array(f, a->slot_start, a->nslots);
        fputs(";\n  };\n", f);
        break;
    case SPC_ARRIVALS_RENEWAL:
        fputs("  process = \"renewal\";\n  interarrival = ", f);
        put_dist(f, &a->interarrival);
        fputs(";\n", f);
        break;
    default: /* customers make the orders */
        break;
    }
    fputs("  entry = ", f);
    put_string(f, sc->stages[a->entry].name);
    fputs(";\n};\n", f);
}

static void put_stage(FILE *f, const spc_scenario *sc, const spc_stage_spec *st)
{
    fputs("  {\n    name = ", f);
    put_string(f, st->name);
    fprintf(f, ";\n    servers = %d;\n", st->servers);
    if (st->capacity != SPC_CAPACITY_INFINITE)
        fprintf(f, "    queue_capacity = %ld;\n", st->capacity);
    fputs("    service = ", f);
    put_dist(f, &st->service);
    if (st->has_patience) {
        fputs(";\n    patience = ", f);
        put_dist(f, &st->patience);
    }
    if (st->balk_limit > 0)
        fprintf(f, ";\n    balk_limit = %ld", st->balk_limit);
    fputs(";\n    routing = (", f);
    for (size_t k = 0; k < st->nroutes; k++) {
        fputs(k ? ", { to = " : " { to = ", f);
        put_string(f, st->routes[k].to == SPC_ROUTE_DELIVER ? "deliver" : sc->stages[st->routes[k].to].name);
        fputs("; p = ", f);
        put_real(f, st->routes[k].p);
        fputs("; }", f);
    }
    fputs(" );\n    salary = ", f);
    put_real(f, st->salary);
    fputs(";\n    target_delay = ", f);
    put_real(f, st->target_delay > 0 ? st->target_delay : 0.0);
    fputs(";\n    detection = ", f);
    put_real(f, st->detection);
    fputs(";\n  }", f);
}

/* key = number; (INFINITY as "never") */
static void kv(FILE *f, const char *key, double x)
{
    fprintf(f, " %s = ", key);
    if (isinf(x))
        fputs("\"never\"", f);
    else
        put_real(f, x);
    fputc(';', f);
}

/* Only when absence is on, so that other scenarios resolve as before. */
static void put_absence(FILE *f, const spc_absence_params *a)
{
    if (!a->enabled)
        return;
    fputs("  absence = {", f);
    kv(f, "base", a->base); kv(f, "w_fatigue", a->w_fatigue);
    kv(f, "w_satisfaction", a->w_satisfaction); kv(f, "every", a->every);
    fputs(" };\n", f);
}

static void put_workforce(FILE *f, const spc_workforce_spec *w)
{
    fputs("workforce = {\n  report_period = ", f);
    put_real(f, w->period);
    fputs(";\n  levers = {", f);
    kv(f, "pay", w->pay); kv(f, "recognition", w->recognition);
    kv(f, "training_hours", w->training_hours); kv(f, "hours_per_week", w->hours_per_week);
    fprintf(f, " };\n  satisfaction = { dynamic = %s;", w->s_dynamic ? "true" : "false");
    kv(f, "initial_mean", w->s_init_mean); kv(f, "initial_sd", w->s_init_sd); kv(f, "base", w->s_base);
    kv(f, "time_constant", w->tau_s); kv(f, "w_isq", w->w_isq); kv(f, "isq_ref", w->isq_ref);
    kv(f, "w_pay", w->w_pay); kv(f, "w_recognition", w->w_recognition);
    kv(f, "recognition_ref", w->recognition_ref); kv(f, "w_training", w->w_training);
    kv(f, "training_ref", w->training_ref); kv(f, "w_customer", w->w_customer);
    kv(f, "customer_ref", w->customer_ref); kv(f, "w_pressure", w->w_pressure);
    kv(f, "w_fatigue", w->w_fatigue);
    fprintf(f, " };\n  turnover = { enabled = %s;", w->turnover ? "true" : "false");
    kv(f, "a", w->quit.a); kv(f, "beta", w->quit.beta); kv(f, "mean", w->quit.mu);
    kv(f, "sd", w->quit.sigma); kv(f, "cost", w->quit_cost);
    fprintf(f, " };\n  hiring = { policy = \"%s\"; delay = ", w->freeze ? "freeze" : "replace");
    put_dist(f, &w->hire_delay);
    fputs("; };\n  learning = {", f);
    kv(f, "initial", w->pi0); kv(f, "time_constant", w->tau_l); kv(f, "mentoring", w->mentoring);
    fputs(" };\n  pressure = {", f);
    kv(f, "elasticity", w->erosion.alpha); kv(f, "perception_time", w->erosion.tau_p);
    kv(f, "erosion_time", w->erosion.tau_down); kv(f, "recovery_time", w->erosion.tau_up);
    kv(f, "min_factor", w->erosion.t_min); kv(f, "max_factor", w->erosion.t_max);
    fputs(" };\n  fatigue = {", f);
    kv(f, "time_constant", w->tau_f); kv(f, "overtime_max", w->overtime_max); kv(f, "floor", w->phi_min);
    fputs(" };\n", f);
    put_absence(f, &w->absence);
    fputs("  quality = {", f);
    kv(f, "base_error", w->eps0); kv(f, "error_gain", w->eps1); kv(f, "rework_fraction", w->rework_fraction);
    kv(f, "on_time_weight", w->w_on_time); kv(f, "perception_time", w->tau_q);
    kv(f, "training_effect", w->training_error);
    fputs(" };\n};\n", f);
}

static void put_stage_name(FILE *f, const spc_scenario *sc, const char *key, int stage)
{
    fprintf(f, " %s = ", key);
    put_string(f, sc->stages[stage].name);
    fputc(';', f);
}

static void put_customers(FILE *f, const spc_scenario *sc)
{
    const spc_customers_spec *c = &sc->customers;
    fputs("customers = {\n ", f);
    kv(f, "market", c->market); kv(f, "initial", c->initial); put_stage_name(f, sc, "front", c->front);
    fputs("\n  acquisition = {", f);
    kv(f, "rate", c->acquisition); kv(f, "w_detractors", c->w_detractors);
    kv(f, "referrals", c->referrals); kv(f, "conversion", c->conversion);
    fputs(" };\n  purchases = { interval = ", f);
    put_dist(f, &c->interpurchase);
    fputc(';', f);
    kv(f, "w_frequency", c->w_frequency); kv(f, "inquiry", c->inquiry_prob);
    put_stage_name(f, sc, "inquiry_stage", c->inquiry_stage); kv(f, "inquiry_work", c->inquiry_work);
    fputs(" };\n  aftersale = {", f);
    put_stage_name(f, sc, "stage", c->aftersale_stage); kv(f, "work", c->aftersale_work);
    kv(f, "base", c->claim_base); kv(f, "defect", c->claim_defect);
    fputs(" delay = ", f);
    put_dist(f, &c->claim_delay);
    fputc(';', f);
    kv(f, "expectation", c->request_expect);
    fputs(" };\n  satisfaction = {", f);
    kv(f, "initial_mean", c->u_init); kv(f, "initial_sd", c->u_init_sd); kv(f, "expectation", c->expect_init);
    kv(f, "base", c->s0); kv(f, "w_wait", c->w_wait); kv(f, "w_defect", c->w_defect);
    kv(f, "w_attitude", c->w_attitude); kv(f, "attitude_ref", c->attitude_ref); kv(f, "lost", c->score_lost);
    kv(f, "noise", c->score_sd); kv(f, "heterogeneity", c->heterogeneity); kv(f, "learn", c->learn); kv(f, "expectation_learn", c->expect_learn);
    fprintf(f, " };\n  relationship = { enabled = %s;", c->relationship ? "true" : "false");
    kv(f, "loss", c->regular_loss);
    fputs(" };\n  retention = {", f);
    kv(f, "r0", c->r0); kv(f, "r1", c->r1); kv(f, "reference", c->u_ref);
    fputs(" };\n  survey = {", f);
    kv(f, "response_rate", c->response_rate); kv(f, "noise", c->response_sd);
    fputs(" };\n};\n", f);
}

static void put_finance(FILE *f, const spc_finance_spec *m)
{
    fputs("finance = {", f);
    kv(f, "price", m->price); kv(f, "service_fee", m->service_fee); kv(f, "cogs", m->cogs);
    kv(f, "overtime_premium", m->overtime_premium); kv(f, "hiring_cost", m->hiring_cost);
    kv(f, "rework_cost", m->rework_cost); kv(f, "refund", m->refund);
    kv(f, "acquisition_cost", m->acquisition_cost); kv(f, "referral_cost", m->referral_cost);
    kv(f, "recognition_cost", m->recognition_cost);
    fputs("\n ", f);
    kv(f, "fixed", m->fixed); kv(f, "discount_rate", m->discount_rate); kv(f, "clv_period", m->clv_period);
    kv(f, "clv_horizon", m->clv_horizon);
    fputs(" };\n", f);
}

static void put_units(FILE *f, const spc_units_spec *u)
{
    fprintf(f, "units = { count = %d;", u->count);
    kv(f, "management_sd", u->management_sd); kv(f, "demand_sd", u->demand_sd); kv(f, "labour_sd", u->labour_sd);
    fputs(" };\n", f);
}

static void put_interventions(FILE *f, const spc_scenario *sc)
{
    fputs("interventions = (\n", f);
    for (size_t k = 0; k < sc->ninterventions; k++) {
        const spc_intervention *iv = &sc->interventions[k];
        fputs("  { at = ", f);
        put_real(f, iv->at);
        fputs("; set = (", f);
        for (size_t j = 0; j < iv->nsets; j++) {
            fputs(j ? ", " : " ", f);
            put_string(f, iv->sets[j]);
        }
        fputs(k + 1 < sc->ninterventions ? " ); },\n" : " ); }\n", f);
    }
    fputs(");\n", f);
}

int spc_scenario_write(const spc_scenario *sc, FILE *f)
{
    fputs("# Resolved scenario: every default filled in, every duration and rate\n"
          "# in the time unit below. Running this file reproduces the run.\n", f);
    fputs("name = ", f); put_string(f, sc->name);
    fputs(";\ndescription = ", f); put_string(f, sc->description);
    fprintf(f, ";\nseed = %lluL;\ngenerator = ", (unsigned long long)sc->seed);
    put_string(f, sc->generator);
    fputs(";\ntime_unit = ", f); put_string(f, sc->time_unit);
    fputs(";\nhorizon = ", f); put_real(f, sc->horizon);
    fputs(";\nwarmup = ", f); put_real(f, sc->warmup);
    fprintf(f, ";\nreplications = %d", sc->replications);
    fprintf(f, ";\nstatistics = { batches = %d; period = ", sc->batches);
    put_real(f, sc->period);
    fputs("; };\n", f);
    put_arrivals(f, sc);
    fputs("stages = (\n", f);
    for (size_t i = 0; i < sc->nstages; i++) {
        put_stage(f, sc, &sc->stages[i]);
        fputs(i + 1 < sc->nstages ? ",\n" : "\n", f);
    }
    fputs(");\n", f);
    if (sc->workforce.enabled)
        put_workforce(f, &sc->workforce);
    if (sc->customers.enabled) {
        put_customers(f, sc);
        put_finance(f, &sc->finance);
    }
    if (sc->units.count > 1)
        put_units(f, &sc->units);
    if (sc->ninterventions > 0)
        put_interventions(f, sc);
    return ferror(f) ? -1 : 0;
}
