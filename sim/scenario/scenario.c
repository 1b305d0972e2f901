/*
 * scenario.c -- reading and validating a scenario file.
 *
 * The reader walks the libconfig tree group by group. Each group first
 * rejects keys it does not know (a typo must not be silently ignored), then
 * reads its settings with typed getters that check ranges and fill defaults.
 * Every error names the file, the line and the full setting path:
 *
 *   scenarios/x.cfg:12: stages.[1].servers: must be an integer >= 1 (got 0)
 *
 * Settings that came from --set have no line; they are reported as "--set".
 */
#include "spcsim/scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <libconfig.h>

#include "spcsim/cfgread.h"
#include "spcsim/override.h"
#include "spcsim/rng.h"
#include "spcsim/settings.h"
#include "spcsim/scenario_levers.h"
#include "spcsim/timeunits.h"


/* ---- top level ---- */

static int valid_name(const char *s)
{
    if (s[0] == '\0' || s[0] == '.' || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
            return 0;
    return 1;
}

static int read_identity(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    const char *name = NULL, *text = "";
    if (spc_cfg_string(r, root, "name", &name) < 0)
        return -1;
    if (name == NULL)
        return spc_cfg_missing(r, root, "name", "the scenario's name (it names the output folder)");
    if (!valid_name(name))
        return spc_cfg_bad(r, config_setting_get_member(root, "name"),
                   "must be 1-64 letters, digits, '_', '-' or '.', not starting with '.'");
    if (spc_cfg_string(r, root, "description", &text) < 0)
        return -1;
    sc->name = spc_cfg_strdup(r, name);
    sc->description = spc_cfg_strdup(r, text);
    const char *gen = SPC_RNG_DEFAULT;
    if (spc_cfg_string(r, root, "generator", &gen) < 0)
        return -1;
    if (spc_rng_type_find(gen) == NULL)
        return spc_cfg_bad(r, config_setting_get_member(root, "generator"),
                   "not a GSL generator name (e.g. \"mt19937\", \"ranlxd2\", \"taus2\") nor \"xoshiro256++\"");
    sc->generator = spc_cfg_strdup(r, gen);
    return (sc->name && sc->description && sc->generator) ? 0 : -1;
}

/* The time unit first (every duration is read in it), then the declared
 * numbers of the top level: seed, horizon, warmup, replications. */
static int read_clock(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    const char *unit = "h";
    int declared = spc_cfg_string(r, root, "time_unit", &unit);
    if (declared < 0)
        return -1;
    r->unit_declared = sc->time_unit_declared = declared;
    r->unit = spc_timeunit_seconds(unit);
    if (r->unit == 0)
        return spc_cfg_bad(r, config_setting_get_member(root, "time_unit"),
                   "must be one of \"s\", \"min\", \"h\", \"d\", \"w\"");
    sc->time_unit = spc_cfg_strdup(r, unit);
    sc->unit_seconds = r->unit;
    spc_settings_defaults("", sc, r->unit);
    if (spc_settings_read_values(r, root, "", sc) < 0)
        return -1;
    if (config_setting_get_member(root, "horizon") == NULL)
        return spc_cfg_missing(r, root, "horizon", "the run length, e.g. \"52w\"");
    if (sc->warmup >= sc->horizon)
        return spc_cfg_bad(r, config_setting_get_member(root, "warmup"), "must be shorter than the horizon");
    return sc->time_unit ? 0 : -1;
}

static int read_statistics(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    sc->period = 0.0; /* automatic: see resolve_period */
    spc_settings_defaults("statistics", sc, r->unit);
    return spc_settings_read_member(r, root, "statistics", sc) < 0 ? -1 : 0;
}

/* One reporting period for the whole run: statistics.period, else the
 * workforce's report_period, else a hundredth of the horizon. When both are
 * given they must agree. */
static int resolve_period(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    const config_setting_t *wf = config_setting_get_member(root, "workforce");
    int wf_set = wf != NULL && config_setting_get_member(wf, "report_period") != NULL;
    if (sc->period > 0 && wf_set && sc->workforce.period != sc->period)
        return spc_cfg_bad(r, config_setting_get_member(wf, "report_period"),
                           "must equal statistics.period (one reporting period per run)");
    if (sc->period > sc->horizon) {
        const config_setting_t *st = config_setting_get_member(root, "statistics");
        return spc_cfg_bad(r, config_setting_get_member(st, "period"), "must not be longer than the horizon");
    }
    if (!(sc->period > 0))
        sc->period = sc->workforce.enabled ? sc->workforce.period : sc->horizon / 100.0;
    if (sc->period > sc->horizon) {
        if (wf_set)
            return spc_cfg_bad(r, config_setting_get_member(wf, "report_period"), "must not be longer than the horizon");
        sc->period = sc->horizon; /* the default week is longer than a short run */
    }
    sc->workforce.period = sc->period;
    return 0;
}

/* Every stage must have a way out: from each, some chain of routes with
 * p > 0 leads to "deliver". Else orders that reach it circle for ever (the
 * traffic equations have no solution and the run never drains). */
static int check_exits(spc_cfg_reader *r, const config_setting_t *root, const spc_scenario *sc)
{
    size_t n = sc->nstages;
    char *out = calloc(n ? n : 1, 1);
    if (out == NULL) {
        spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory");
        return -1;
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; !out[i] && k < sc->stages[i].nroutes; k++) {
                const spc_route *rt = &sc->stages[i].routes[k];
                if (rt->p > 0 && (rt->to == SPC_ROUTE_DELIVER || out[rt->to]))
                    out[i] = 1, changed = 1;
            }
    }
    /* name the first trapped stage with a routing of its own, else the first */
    const config_setting_t *list = config_setting_get_member(root, "stages"), *stage = NULL, *routing = NULL;
    size_t bad = n;
    for (size_t i = 0; i < n && routing == NULL; i++) {
        const config_setting_t *st = out[i] ? NULL : config_setting_get_elem(list, (unsigned)i);
        if (st == NULL)
            continue;
        if (bad == n)
            bad = i, stage = st;
        if ((routing = config_setting_get_member(st, "routing")) != NULL)
            bad = i, stage = st;
    }
    free(out);
    if (bad == n)
        return 0;
    char msg[300];
    snprintf(msg, sizeof msg, "orders at stage %s can never leave: no chain of routes from it leads to "
             "\"deliver\" (a routing loop without exit)", sc->stages[bad].name);
    if (routing != NULL)
        return spc_cfg_bad(r, routing, msg);
    return spc_cfg_bad(r, stage ? stage : root, msg);
}

static int read_root(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    if (spc_settings_check_keys(r, root, "") < 0 || read_identity(r, root, sc) < 0 ||
        read_clock(r, root, sc) < 0 || read_statistics(r, root, sc) < 0 ||
        spc_cfg_read_stages(r, root, sc) < 0 || check_exits(r, root, sc) < 0 ||
        spc_cfg_read_arrivals(r, root, sc) < 0 ||
        spc_cfg_read_workforce(r, root, sc) < 0 || spc_cfg_read_customers(r, root, sc) < 0 ||
        spc_cfg_read_finance(r, root, sc) < 0 || spc_cfg_read_units(r, root, sc) < 0 ||
        spc_cfg_read_management(r, root, sc) < 0 ||
        resolve_period(r, root, sc) < 0)
        return -1;
    return 0;
}

/* ---- loading ---- */

spc_scenario *spc_scenario_from_config(config_t *cfg, const char *path, spc_error *err)
{
    spc_scenario *sc = calloc(1, sizeof *sc);
    if (sc == NULL || (sc->path = strdup(path)) == NULL) {
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        spc_scenario_free(sc);
        return NULL;
    }
    spc_cfg_reader r = { err, 3600.0, 0 };
    if (read_root(&r, config_root_setting(cfg), sc) < 0) {
        if (err->code == SPC_OK)
            spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        spc_scenario_free(sc);
        return NULL;
    }
    return sc;
}

/* After the file or text is parsed into cfg: the --set overrides, every
 * group, the interventions. */
static spc_scenario *load_parsed(config_t *cfg, const char *path, const char *const *overrides,
                                 size_t noverrides, spc_error *err)
{
    for (size_t i = 0; i < noverrides; i++)
        if (spc_override_apply(cfg, overrides[i], err) != SPC_OK)
            return NULL;
    spc_scenario *sc = spc_scenario_from_config(cfg, path, err);
    if (sc != NULL && spc_cfg_read_levers(cfg, sc, err) == 0)
        spc_cfg_read_interventions(cfg, sc, err);
    if (err->code != SPC_OK) {
        spc_scenario_free(sc);
        return NULL;
    }
    return sc;
}

spc_scenario *spc_scenario_load(const char *path, const char *const *overrides,
                                size_t noverrides, spc_error *err)
{
    config_t cfg;
    config_init(&cfg);
    spc_scenario *sc = NULL;
    if (spc_cfgfile_read(&cfg, path, err) == SPC_OK)
        sc = load_parsed(&cfg, path, overrides, noverrides, err);
    config_destroy(&cfg);
    return sc;
}

spc_scenario *spc_scenario_load_text(const char *name, const char *text, const char *const *overrides,
                                     size_t noverrides, spc_error *err)
{
    config_t cfg;
    config_init(&cfg);
    spc_scenario *sc = NULL;
    if (spc_cfgfile_parse(&cfg, name, text, err) == SPC_OK)
        sc = load_parsed(&cfg, name, overrides, noverrides, err);
    config_destroy(&cfg);
    return sc;
}

void spc_scenario_free(spc_scenario *sc)
{
    if (sc == NULL)
        return;
    for (size_t i = 0; i < sc->nstages; i++) {
        free(sc->stages[i].name);
        spc_dist_release(&sc->stages[i].service);
        spc_dist_release(&sc->stages[i].patience);
        free(sc->stages[i].routes);
    }
    free(sc->stages);
    free(sc->arrivals.slot_start);
    free(sc->arrivals.slot_rate);
    spc_dist_release(&sc->arrivals.interarrival);
    spc_dist_release(&sc->workforce.hire_delay);
    spc_dist_release(&sc->customers.interpurchase);
    spc_dist_release(&sc->customers.claim_delay);
    for (size_t k = 0; k < sc->ninterventions; k++) {
        spc_intervention *iv = &sc->interventions[k];
        for (size_t j = 0; j < iv->nsets; j++)
            free(iv->sets[j]);
        free(iv->sets);
        spc_scenario_free(iv->state);
    }
    free(sc->interventions);
    spc_levers_free(sc->levers, sc->nlevers);
    free(sc->path);
    free(sc->name);
    free(sc->description);
    free(sc->generator);
    free(sc->time_unit);
    free(sc);
}

double spc_scenario_mean_arrival_rate(const spc_scenario *sc)
{
    const spc_arrivals_spec *a = &sc->arrivals;
    switch (a->kind) {
    case SPC_ARRIVALS_POISSON:
        return a->rate;
    case SPC_ARRIVALS_RENEWAL:
        return 1.0 / spc_dist_true_mean(&a->interarrival);
    case SPC_ARRIVALS_SCHEDULE: {
        double area = 0;
        for (size_t i = 0; i < a->nslots; i++) {
            double end = i + 1 < a->nslots ? a->slot_start[i + 1] : a->period;
            area += a->slot_rate[i] * (end - a->slot_start[i]);
        }
        return area / a->period;
    }
    }
    return 0.0;
}

/* ---- provenance ---- */

#define SPC_STR_(x) #x
#define SPC_STR(x) SPC_STR_(x)

const char *spc_scenario_libconfig_version(void)
{
    return SPC_STR(LIBCONFIG_VER_MAJOR) "." SPC_STR(LIBCONFIG_VER_MINOR) "." SPC_STR(LIBCONFIG_VER_REVISION);
}
