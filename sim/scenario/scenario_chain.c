/*
 * scenario_chain.c -- reading the chain's sections of a scenario:
 * distributions, the external arrival process and the list of stages.
 *
 *   arrivals = { process = "poisson"; rate = "9/h"; };
 *   arrivals = { schedule = { period = "24h"; rates = [0.5, 0.5, ..., 12.0, ...]; }; };
 *   arrivals = { process = "renewal"; interarrival = { dist = "gamma"; mean = "6min"; cv = 0.5; }; };
 *   stages = (
 *     { name = "entry"; servers = 2; service = { dist = "exponential"; mean = "12min"; };
 *       routing = ( { to = "check"; p = 0.8; }, { to = "deliver"; p = 0.2; } ); },
 *     ...
 *   );
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/cfgread.h"
#include "spcsim/settings.h"

/* ---- distributions ---- */

/* Which keys each kind uses besides "dist". */
static const char *const dist_keys[SPC_DIST_COUNT][4] = {
    [SPC_DIST_EXPONENTIAL] = { "dist", "mean", NULL },
    [SPC_DIST_DETERMINISTIC] = { "dist", "mean", NULL },
    [SPC_DIST_UNIFORM] = { "dist", "min", "max", NULL },
    [SPC_DIST_NORMAL] = { "dist", "mean", "cv", NULL },
    [SPC_DIST_LOGNORMAL] = { "dist", "mean", "cv", NULL },
    [SPC_DIST_GAMMA] = { "dist", "mean", "cv", NULL },
    [SPC_DIST_EMPIRICAL] = { "dist", "values", "weights", NULL },
};

/* Reads an array or list of n durations (or plain numbers) into a new array. */
static double *read_values(spc_cfg_reader *r, const config_setting_t *s, int durations, size_t *n)
{
    int t = config_setting_type(s);
    if ((t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) || config_setting_length(s) == 0) {
        spc_cfg_bad(r, s, "must be a non-empty array [ ... ]");
        return NULL;
    }
    *n = (size_t)config_setting_length(s);
    double *x = malloc(*n * sizeof *x);
    if (x == NULL) {
        spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < *n; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        int ok = durations ? spc_cfg_duration_of(r, e, 0.0, 0, SPC_DURATION_MAX, &x[i])
                           : (spc_cfg_is_number(e) ? spc_cfg_check_range(r, e, spc_cfg_number_of(e), 0.0, 0, SPC_WEIGHT_MAX, "weight")
                                                   : spc_cfg_bad(r, e, "must be a number"));
        if (ok < 0) {
            free(x);
            return NULL;
        }
        if (!durations)
            x[i] = spc_cfg_number_of(e);
    }
    return x;
}

static int read_empirical(spc_cfg_reader *r, const config_setting_t *g, spc_dist *d)
{
    const config_setting_t *v = config_setting_get_member(g, "values");
    if (v == NULL)
        return spc_cfg_missing(r, g, "values", "an array of durations");
    if ((d->values = read_values(r, v, 1, &d->n)) == NULL)
        return -1;
    const config_setting_t *w = config_setting_get_member(g, "weights");
    if (w == NULL)
        return 0;
    size_t nw;
    if ((d->weights = read_values(r, w, 0, &nw)) == NULL)
        return -1;
    double total = 0;
    for (size_t i = 0; i < nw; i++)
        total += d->weights[i];
    if (nw != d->n)
        return spc_cfg_bad(r, w, "must have as many weights as there are values");
    if (!(total > 0))
        return spc_cfg_bad(r, w, "must have a positive sum");
    return 0;
}

static int read_dist_params(spc_cfg_reader *r, const config_setting_t *g, spc_dist *d)
{
    int got;
    switch (d->kind) {
    case SPC_DIST_EMPIRICAL:
        return read_empirical(r, g, d);
    case SPC_DIST_UNIFORM:
        if ((got = spc_cfg_duration(r, g, "min", 0.0, 0, &d->min)) <= 0)
            return got < 0 ? -1 : spc_cfg_missing(r, g, "min", "the smallest value");
        if ((got = spc_cfg_duration(r, g, "max", 0.0, 0, &d->max)) <= 0)
            return got < 0 ? -1 : spc_cfg_missing(r, g, "max", "the largest value");
        if (d->max < d->min)
            return spc_cfg_bad(r, config_setting_get_member(g, "max"), "must be >= min");
        d->mean = 0.5 * (d->min + d->max);
        return 0;
    default:
        break;
    }
    got = spc_cfg_duration(r, g, "mean", 0.0, d->kind != SPC_DIST_DETERMINISTIC, &d->mean);
    if (got <= 0)
        return got < 0 ? -1 : spc_cfg_missing(r, g, "mean", "the mean duration");
    d->cv = d->kind == SPC_DIST_EXPONENTIAL ? 1.0 : 0.0;
    if (d->kind == SPC_DIST_EXPONENTIAL || d->kind == SPC_DIST_DETERMINISTIC)
        return 0;
    got = spc_cfg_number(r, g, "cv", 0.0, 0, 10.0, &d->cv);
    if (got <= 0)
        return got < 0 ? -1 : spc_cfg_missing(r, g, "cv", "the coefficient of variation (sd/mean)");
    return 0;
}

int spc_cfg_dist(spc_cfg_reader *r, const config_setting_t *g, spc_dist *d)
{
    memset(d, 0, sizeof *d);
    const char *name;
    int got = spc_cfg_string(r, g, "dist", &name);
    if (got <= 0)
        return got < 0 ? -1 : spc_cfg_missing(r, g, "dist", "the distribution's name");
    int kind = spc_dist_kind_from_name(name);
    if (kind < 0)
        return spc_cfg_bad(r, config_setting_get_member(g, "dist"),
                           "must be one of exponential, deterministic, uniform, normal, lognormal, gamma, empirical");
    d->kind = (spc_dist_kind)kind;
    if (spc_cfg_check_keys(r, g, dist_keys[kind]) < 0 || read_dist_params(r, g, d) < 0)
        return -1;
    if (spc_dist_prepare(d) != 0)
        return spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory"), -1;
    return 0;
}

/* ---- stages ---- */

static int stage_index(const spc_scenario *sc, const char *name)
{
    for (size_t i = 0; i < sc->nstages; i++)
        if (sc->stages[i].name != NULL && strcmp(sc->stages[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* "deliver" or a stage name -> target index; -2 if unknown. */
static int route_target(const spc_scenario *sc, const char *name)
{
    if (strcmp(name, "deliver") == 0)
        return SPC_ROUTE_DELIVER;
    int i = stage_index(sc, name);
    return i >= 0 ? i : -2;
}

static int read_route(spc_cfg_reader *r, const config_setting_t *e, const spc_scenario *sc, spc_route *rt)
{
    static const char *const keys[] = { "to", "p", NULL };
    if (config_setting_type(e) != CONFIG_TYPE_GROUP)
        return spc_cfg_bad(r, e, "must be a group { to = \"stage\"; p = 0.5; }");
    const char *to;
    int got;
    if (spc_cfg_check_keys(r, e, keys) < 0 || (got = spc_cfg_string(r, e, "to", &to)) < 0)
        return -1;
    if (got == 0)
        return spc_cfg_missing(r, e, "to", "a stage name or \"deliver\"");
    if ((rt->to = route_target(sc, to)) == -2)
        return spc_cfg_bad(r, config_setting_get_member(e, "to"), "names no stage (nor \"deliver\")");
    if ((got = spc_cfg_number(r, e, "p", 0.0, 0, 1.0, &rt->p)) <= 0)
        return got < 0 ? -1 : spc_cfg_missing(r, e, "p", "the probability of this route");
    return 0;
}

/* routing = "stage" | ( { to; p; }, ... ); default: the next stage, or delivery. */
static int read_routing(spc_cfg_reader *r, const config_setting_t *g, const spc_scenario *sc, size_t i)
{
    spc_stage_spec *st = &sc->stages[i];
    const config_setting_t *s = config_setting_get_member(g, "routing");
    int single = s == NULL || config_setting_type(s) == CONFIG_TYPE_STRING;
    st->nroutes = single ? 1 : (size_t)config_setting_length(s);
    if (s != NULL && !single && config_setting_type(s) != CONFIG_TYPE_LIST)
        return spc_cfg_bad(r, s, "must be a stage name or a list ( { to = \"stage\"; p = 0.5; }, ... )");
    if (st->nroutes == 0)
        return spc_cfg_bad(r, s, "must list at least one route");
    if ((st->routes = calloc(st->nroutes, sizeof *st->routes)) == NULL)
        return spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory"), -1;
    if (single) {
        st->routes[0].p = 1.0;
        st->routes[0].to = i + 1 < sc->nstages ? (int)i + 1 : SPC_ROUTE_DELIVER;
        if (s != NULL && (st->routes[0].to = route_target(sc, config_setting_get_string(s))) == -2)
            return spc_cfg_bad(r, s, "names no stage (nor \"deliver\")");
        return 0;
    }
    double total = 0;
    for (size_t k = 0; k < st->nroutes; k++) {
        if (read_route(r, config_setting_get_elem(s, (unsigned)k), sc, &st->routes[k]) < 0)
            return -1;
        total += st->routes[k].p;
    }
    if (fabs(total - 1.0) > 1e-9) {
        char msg[120];
        snprintf(msg, sizeof msg, "probabilities must sum to 1, they sum to %.12g", total);
        return spc_cfg_bad(r, s, msg);
    }
    return 0;
}

/* The declared settings of a stage (settings.c, "stages.[]"), then its
 * distributions and routing. */
static int read_stage(spc_cfg_reader *r, const config_setting_t *g, spc_scenario *sc, size_t i)
{
    spc_stage_spec *st = &sc->stages[i];
    st->capacity = SPC_CAPACITY_INFINITE;
    st->balk_limit = 0;
    spc_settings_defaults("stages.[]", st, r->unit);
    if (spc_settings_read_group(r, g, "stages.[]", st) < 0)
        return -1;
    if (config_setting_get_member(g, "servers") == NULL)
        return spc_cfg_missing(r, g, "servers", "the number of servers (employees)");
    const config_setting_t *svc = spc_cfg_aggregate(r, g, "service", CONFIG_TYPE_GROUP, 1);
    if (svc == NULL || spc_cfg_dist(r, svc, &st->service) < 0)
        return -1;
    const config_setting_t *pat = spc_cfg_aggregate(r, g, "patience", CONFIG_TYPE_GROUP, 0);
    if (pat == NULL && r->err->code != SPC_OK)
        return -1;
    if (pat != NULL && spc_cfg_dist(r, pat, &st->patience) < 0)
        return -1;
    st->has_patience = pat != NULL;
    return read_routing(r, g, sc, i);
}

/* First pass: names, so that routing can name any stage, before or after. */
static int read_stage_names(spc_cfg_reader *r, const config_setting_t *list, spc_scenario *sc)
{
    for (size_t i = 0; i < sc->nstages; i++) {
        const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
        const char *name;
        int got;
        if (config_setting_type(g) != CONFIG_TYPE_GROUP)
            return spc_cfg_bad(r, g, "each stage must be a group { name = ...; servers = ...; ... }");
        if ((got = spc_cfg_string(r, g, "name", &name)) <= 0)
            return got < 0 ? -1 : spc_cfg_missing(r, g, "name", "the stage's name");
        if (name[0] == '\0' || strlen(name) > 48 || strcmp(name, "deliver") == 0 || strcmp(name, "system") == 0 ||
            strpbrk(name, ",\"\n") != NULL)
            return spc_cfg_bad(r, config_setting_get_member(g, "name"),
                               "must be 1-48 characters, not \"deliver\" or \"system\", without commas or quotes");
        if (stage_index(sc, name) >= 0)
            return spc_cfg_bad(r, config_setting_get_member(g, "name"), "is the name of an earlier stage");
        if ((sc->stages[i].name = spc_cfg_strdup(r, name)) == NULL)
            return -1;
    }
    return 0;
}

int spc_cfg_read_stages(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    const config_setting_t *list = spc_cfg_aggregate(r, root, "stages", CONFIG_TYPE_LIST, 1);
    if (list == NULL)
        return -1;
    if (config_setting_length(list) == 0)
        return spc_cfg_bad(r, list, "must list at least one stage");
    sc->nstages = (size_t)config_setting_length(list);
    if ((sc->stages = calloc(sc->nstages, sizeof *sc->stages)) == NULL)
        return spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory"), -1;
    if (read_stage_names(r, list, sc) < 0)
        return -1;
    for (size_t i = 0; i < sc->nstages; i++)
        if (read_stage(r, config_setting_get_elem(list, (unsigned)i), sc, i) < 0)
            return -1;
    return 0;
}

/* ---- arrivals ---- */

static int read_slots(spc_cfg_reader *r, const config_setting_t *g, spc_arrivals_spec *a)
{
    const config_setting_t *rates = config_setting_get_member(g, "rates");
    if (rates == NULL)
        return spc_cfg_missing(r, g, "rates", "the rate in each slot of the period");
    int t = config_setting_type(rates);
    if ((t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) || config_setting_length(rates) == 0)
        return spc_cfg_bad(r, rates, "must be a non-empty array of rates");
    a->nslots = (size_t)config_setting_length(rates);
    a->slot_rate = malloc(a->nslots * sizeof *a->slot_rate);
    if (a->slot_rate == NULL)
        return spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory"), -1;
    double peak = 0;
    for (size_t i = 0; i < a->nslots; i++) {
        if (spc_cfg_rate_of(r, config_setting_get_elem(rates, (unsigned)i), 0, SPC_RATE_MAX, &a->slot_rate[i]) < 0)
            return -1;
        peak = fmax(peak, a->slot_rate[i]);
    }
    if (!(peak > 0))
        return spc_cfg_bad(r, rates, "must have at least one positive rate");
    return 0;
}

static int read_slot_starts(spc_cfg_reader *r, const config_setting_t *g, spc_arrivals_spec *a)
{
    const config_setting_t *s = config_setting_get_member(g, "starts");
    size_t n = a->nslots;
    if (s == NULL) {
        a->slot_start = malloc(n * sizeof *a->slot_start);
        if (a->slot_start == NULL)
            return spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory"), -1;
        for (size_t i = 0; i < n; i++)
            a->slot_start[i] = a->period * (double)i / (double)n;
        return 0;
    }
    if ((a->slot_start = read_values(r, s, 1, &n)) == NULL)
        return -1;
    if (n != a->nslots)
        return spc_cfg_bad(r, s, "must have one start per rate");
    if (a->slot_start[0] != 0.0)
        return spc_cfg_bad(r, s, "must begin with 0 (the start of the period)");
    for (size_t i = 1; i < n; i++)
        if (!(a->slot_start[i] > a->slot_start[i - 1]) || !(a->slot_start[i] < a->period))
            return spc_cfg_bad(r, s, "must increase and stay within the period");
    return 0;
}

static int read_schedule(spc_cfg_reader *r, const config_setting_t *g, spc_arrivals_spec *a)
{
    static const char *const keys[] = { "period", "rates", "starts", NULL };
    a->kind = SPC_ARRIVALS_SCHEDULE;
    int got;
    if (spc_cfg_check_keys(r, g, keys) < 0 || (got = spc_cfg_duration(r, g, "period", 0.0, 1, &a->period)) < 0)
        return -1;
    if (got == 0)
        return spc_cfg_missing(r, g, "period", "the length of one cycle, e.g. \"24h\"");
    if (read_slots(r, g, a) < 0 || read_slot_starts(r, g, a) < 0)
        return -1;
    return 0;
}

static int read_process(spc_cfg_reader *r, const config_setting_t *g, spc_arrivals_spec *a)
{
    const char *process = "poisson";
    if (spc_cfg_string(r, g, "process", &process) < 0)
        return -1;
    const config_setting_t *rate = config_setting_get_member(g, "rate");
    const config_setting_t *sched = config_setting_get_member(g, "schedule");
    const config_setting_t *inter = config_setting_get_member(g, "interarrival");
    if (strcmp(process, "renewal") == 0) {
        a->kind = SPC_ARRIVALS_RENEWAL;
        if (rate || sched)
            return spc_cfg_bad(r, rate ? rate : sched, "is not used by a renewal process (it uses interarrival)");
        if (inter == NULL)
            return spc_cfg_missing(r, g, "interarrival", "the distribution of times between arrivals");
        if (config_setting_type(inter) != CONFIG_TYPE_GROUP)
            return spc_cfg_bad(r, inter, "must be a distribution group { dist = ...; }");
        if (spc_cfg_dist(r, inter, &a->interarrival) < 0)
            return -1;
        if (!(spc_dist_true_mean(&a->interarrival) > 0))
            return spc_cfg_bad(r, inter, "must have a positive mean (time would stand still)");
        return 0;
    }
    if (strcmp(process, "poisson") != 0)
        return spc_cfg_bad(r, config_setting_get_member(g, "process"), "must be \"poisson\" or \"renewal\"");
    if (inter != NULL)
        return spc_cfg_bad(r, inter, "is only used by process = \"renewal\"");
    if ((rate == NULL) == (sched == NULL))
        return rate ? spc_cfg_bad(r, sched, "give either rate or schedule, not both")
                    : spc_cfg_missing(r, g, "rate", "a rate (e.g. \"9/h\") or a schedule { ... }");
    if (sched != NULL) {
        if (config_setting_type(sched) != CONFIG_TYPE_GROUP)
            return spc_cfg_bad(r, sched, "must be a group { period = ...; rates = [ ... ]; }");
        return read_schedule(r, sched, a);
    }
    a->kind = SPC_ARRIVALS_POISSON;
    return spc_cfg_rate_of(r, rate, 1, SPC_RATE_MAX, &a->rate) < 0 ? -1 : 0;
}

int spc_cfg_read_arrivals(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    /* with customers, their purchases are the orders: arrivals only names the entry */
    int customers = config_setting_get_member(root, "customers") != NULL;
    sc->arrivals.kind = SPC_ARRIVALS_POISSON;
    sc->arrivals.entry = 0;
    const config_setting_t *g = spc_cfg_aggregate(r, root, "arrivals", CONFIG_TYPE_GROUP, !customers);
    if (g == NULL)
        return r->err->code ? -1 : 0;
    if (spc_settings_check_keys(r, g, "arrivals") < 0)
        return -1;
    if (customers) {
        for (int i = 0; i < config_setting_length(g); i++) {
            const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
            if (strcmp(config_setting_name(s), "entry") != 0)
                return spc_cfg_bad(r, s, "is not used: with a customers section their purchases are the orders "
                                         "(arrivals may only name the entry)");
        }
    } else if (read_process(r, g, &sc->arrivals) < 0) {
        return -1;
    }
    const char *entry = sc->stages[0].name;
    if (spc_cfg_string(r, g, "entry", &entry) < 0)
        return -1;
    if ((sc->arrivals.entry = stage_index(sc, entry)) < 0)
        return spc_cfg_bad(r, config_setting_get_member(g, "entry"), "names no stage");
    return 0;
}
