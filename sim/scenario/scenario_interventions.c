/*
 * scenario_interventions.c -- timed changes of any setting.
 *
 *   interventions = (
 *     { at = "26w"; set = ( ("stages.[1].servers", 4) ); },
 *     { at = "78w"; set = ( "stages.[1].servers=5", ("workforce.levers.pay", 1.1) ); }
 *   );
 *
 * Each entry gives a time and settings, as ("PATH", VALUE) pairs or as
 * "PATH=VALUE" strings (the --set syntax). Interventions apply in order and
 * cumulate: the k-th yields the scenario with entries 0..k applied, which is
 * validated in full here, at load time, so a bad value is reported before
 * the run with its file and line. The run then switches from one validated
 * state to the next at each `at` (an event, see run.c).
 *
 * An intervention after the horizon is valid and never happens (so that a
 * shorter --set horizon=... still reads the scenario).
 *
 * An intervention may change anything a running company can change
 * (staffing, levers, service, routing, arrival rates, standards), not what
 * defines the run itself: the settings declared with intervention = 0 in
 * settings.c (name, seed, generator, time unit, horizon, warm-up,
 * statistics, the stages' names, whether there is a workforce or there are
 * customers, the market and the front stage, the units), nor the number of
 * stages.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/cfgread.h"
#include "spcsim/override.h"
#include "spcsim/settings.h"

/* "file:line: interventions.[k]: " before a message about entry e. */
static int fail(spc_error *err, const config_setting_t *e, int k, const char *what, const char *detail)
{
    const char *file = config_setting_source_file(e);
    char setting[48];
    snprintf(setting, sizeof setting, "interventions.[%d]", k);
    spc_error_at(err, SPC_ERR_INVALID, file ? file : "--set", file ? config_setting_source_line(e) : 0,
                 setting, "%s%s%s", what, (detail && *what) ? ": " : "", detail ? detail : "");
    return -1;
}

/* One element of `set` -> "PATH=VALUE" (newly allocated), or NULL. */
static char *assignment_of(const config_setting_t *e)
{
    char value[2048];
    if (config_setting_type(e) == CONFIG_TYPE_STRING)
        return strdup(config_setting_get_string(e));
    if (config_setting_type(e) != CONFIG_TYPE_LIST || config_setting_length(e) != 2)
        return NULL;
    const config_setting_t *path = config_setting_get_elem(e, 0);
    if (config_setting_type(path) != CONFIG_TYPE_STRING ||
        spc_override_value_text(config_setting_get_elem(e, 1), value, sizeof value) != 0)
        return NULL;
    size_t n = strlen(config_setting_get_string(path)) + strlen(value) + 2;
    char *a = malloc(n);
    if (a != NULL)
        snprintf(a, n, "%s=%s", config_setting_get_string(path), value);
    return a;
}

/* Whether declared setting d differs between a and b (stage i). */
static int differs(const spc_setting *d, const spc_scenario *a, const spc_scenario *b, size_t i)
{
    if (d->kind == SPC_SET_GROUP)
        return d->present != 0 && d->present_min <= 1 && *(const int *)((const char *)a + d->present) !=
                                  *(const int *)((const char *)b + d->present);
    const void *x = spc_settings_cfield(d, a, i), *y = spc_settings_cfield(d, b, i);
    if (x == NULL)
        return 0;
    if (d->kind == SPC_SET_STRING)
        return strcmp(*(char *const *)x, *(char *const *)y) != 0;
    if (d->kind == SPC_SET_DIST || d->kind == SPC_SET_ROUTING || d->kind == SPC_SET_SCHEDULE ||
        d->kind == SPC_SET_LIST)
        return 0; /* none is declared fixed; compared by the code that needs it */
    return spc_settings_value(d, x) != spc_settings_value(d, y);
}

/* What an intervention may not change: every setting declared with
 * intervention = 0 (settings.c), and the list of stages. NULL when the two
 * agree, else the setting, written into buf. */
static const char *incompatible(const spc_scenario *a, const spc_scenario *b, char *buf, size_t size)
{
    if (a->nstages != b->nstages)
        return "the number of stages";
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t k = 0; k < n; k++) {
        const spc_setting *d = &t[k];
        if (d->intervention)
            continue;
        size_t count = d->base == SPC_IN_STAGE ? a->nstages : 1;
        for (size_t i = 0; i < count; i++)
            if (differs(d, a, b, i)) {
                if (strcmp(d->path, "stages.[].name") == 0)
                    return "the stages' names or order";
                snprintf(buf, size, d->kind == SPC_SET_GROUP ? "whether there is a %s section" : "%s", d->path);
                return buf;
            }
    }
    return NULL;
}

/* Reads entry k: its time and settings; applies them to cfg. */
static int read_entry(config_t *cfg, const config_setting_t *e, spc_scenario *sc, spc_intervention *iv,
                      spc_error *inner)
{
    spc_cfg_reader r = { inner, sc->unit_seconds, sc->time_unit_declared };
    static const char *const keys[] = { "at", "set", NULL };
    if (config_setting_type(e) != CONFIG_TYPE_GROUP)
        return spc_error_set(inner, SPC_ERR_INVALID, "%s", "must be a group { at = \"26w\"; set = ( (\"PATH\", VALUE) ); }"), -1;
    if (spc_cfg_check_keys(&r, e, keys) < 0)
        return -1;
    const config_setting_t *at = config_setting_get_member(e, "at");
    const config_setting_t *set = config_setting_get_member(e, "set");
    if (at == NULL)
        return spc_cfg_missing(&r, e, "at", "the time of the intervention, e.g. \"26w\"");
    if (set == NULL)
        return spc_cfg_missing(&r, e, "set", "the settings it changes, e.g. ( (\"PATH\", VALUE) )");
    if (spc_cfg_duration_of(&r, at, 0.0, 0, SPC_DURATION_MAX, &iv->at) < 0)
        return -1;
    int t = config_setting_type(set);
    if ((t != CONFIG_TYPE_LIST && t != CONFIG_TYPE_ARRAY) || config_setting_length(set) == 0)
        return spc_error_set(inner, SPC_ERR_INVALID, "%s", "set must be a non-empty list of (\"PATH\", VALUE) pairs or \"PATH=VALUE\" strings"), -1;
    iv->nsets = (size_t)config_setting_length(set);
    if ((iv->sets = calloc(iv->nsets, sizeof *iv->sets)) == NULL)
        return -1;
    for (size_t j = 0; j < iv->nsets; j++) {
        iv->sets[j] = assignment_of(config_setting_get_elem(set, (unsigned)j));
        if (iv->sets[j] == NULL)
            return spc_error_set(inner, SPC_ERR_INVALID, "%s", "each setting must be (\"PATH\", VALUE) or \"PATH=VALUE\""), -1;
        if (spc_override_apply(cfg, iv->sets[j], inner) != SPC_OK)
            return -1;
    }
    return 0;
}

static int read_one(config_t *cfg, const config_setting_t *e, int k, spc_scenario *sc, spc_error *err)
{
    spc_intervention *iv = &sc->interventions[k];
    spc_error inner;
    spc_error_clear(&inner);
    if (read_entry(cfg, e, sc, iv, &inner) < 0 && inner.code == SPC_OK)
        spc_error_set(&inner, SPC_ERR_INVALID, "must be a group { at = \"26w\"; set = ( (\"PATH\", VALUE) ); }");
    if (inner.code == SPC_OK && k > 0 && iv->at < sc->interventions[k - 1].at)
        spc_error_set(&inner, SPC_ERR_INVALID, "at: must not be earlier than the intervention before");
    if (inner.code == SPC_OK)
        iv->state = spc_scenario_from_config(cfg, sc->path, &inner);
    char buf[160];
    const char *what = inner.code == SPC_OK ? incompatible(sc, iv->state, buf, sizeof buf) : NULL;
    if (what != NULL)
        spc_error_set(&inner, SPC_ERR_INVALID, "may not change %s", what);
    if (inner.code == SPC_OK)
        return 0;
    if (inner.code == SPC_ERR_INTERNAL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "%s", inner.msg), -1;
    /* a message about a setting of the entry itself names its place already */
    const char *file = config_setting_source_file(e);
    size_t len = file ? strlen(file) : 0;
    if (file != NULL && strncmp(inner.msg, file, len) == 0 && inner.msg[len] == ':')
        return spc_error_set(err, inner.code, "%s", inner.msg), -1;
    return fail(err, e, k, "", inner.msg);
}

int spc_cfg_read_interventions(config_t *cfg, spc_scenario *sc, spc_error *err)
{
    config_setting_t *list = config_lookup(cfg, "interventions");
    if (list == NULL)
        return 0;
    if (config_setting_type(list) != CONFIG_TYPE_LIST) {
        spc_cfg_reader r = { err, sc->unit_seconds, sc->time_unit_declared };
        return spc_cfg_bad(&r, list, "must be a list ( { at = ...; set = ( ... ); }, ... )");
    }
    int n = config_setting_length(list);
    sc->interventions = calloc((size_t)n + 1, sizeof *sc->interventions);
    if (sc->interventions == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory"), -1;
    sc->ninterventions = (size_t)n;
    for (int k = 0; k < n; k++)
        if (read_one(cfg, config_setting_get_elem(list, (unsigned)k), k, sc, err) < 0)
            return -1;
    return 0;
}
