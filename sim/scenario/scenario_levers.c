/*
 * scenario_levers.c -- the `levers` list of a scenario (scenario_levers.h):
 * read and checked with the scenario, the page's defaults without one, and
 * the intervention a page's choice of values makes.
 *
 * An entry names a declared setting that an intervention may change (a
 * number, a whole number or a flag), or "decision" for the week of the
 * change; its range must lie inside the setting's declared range (inside
 * the horizon for the decision week), so a slider can never ask for a
 * value the reader refuses for its range alone.
 */
#include "spcsim/scenario_levers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libconfig.h>

#include "spcsim/cfgread.h"
#include "spcsim/settings.h"

#define SECONDS_PER_WEEK (7.0 * 24 * 3600)

void spc_levers_free(spc_scenario_lever *lv, size_t n)
{
    for (size_t i = 0; lv != NULL && i < n; i++) {
        free(lv[i].path);
        free(lv[i].label);
        free(lv[i].unit);
    }
    free(lv);
}

static double weeks(const spc_scenario *sc, double t)
{
    return t * sc->unit_seconds / SECONDS_PER_WEEK;
}

/* The declaration of a lever's path and its stage (0 outside stages), or
 * NULL when the path is not a setting a lever may be. */
static const spc_setting *lever_setting(const spc_scenario *sc, const char *path, size_t *stage)
{
    *stage = 0;
    if (strncmp(path, "stages.[", 8) == 0) {
        char *end;
        unsigned long k = strtoul(path + 8, &end, 10);
        if (end == path + 8 || *end != ']' || k >= sc->nstages)
            return NULL;
        *stage = (size_t)k;
    }
    const spc_setting *s = spc_settings_find(path);
    if (s == NULL || !s->intervention)
        return NULL;
    switch (s->kind) {
    case SPC_SET_NUMBER: case SPC_SET_WHOLE: case SPC_SET_COUNT: case SPC_SET_INT: case SPC_SET_LONG:
    case SPC_SET_FLAG:
        return s;
    default:
        return NULL;
    }
}

static int is_whole(spc_setting_kind k)
{
    return k == SPC_SET_WHOLE || k == SPC_SET_COUNT || k == SPC_SET_INT || k == SPC_SET_LONG || k == SPC_SET_FLAG;
}

double spc_levers_value(const spc_scenario *sc, const spc_scenario_lever *lv)
{
    if (strcmp(lv->path, SPC_LEVERS_DECISION) == 0)
        return sc->ninterventions > 0 ? round(weeks(sc, sc->interventions[0].at))
                                      : round(0.375 * weeks(sc, sc->horizon));
    size_t stage;
    const spc_setting *s = lever_setting(sc, lv->path, &stage);
    return s != NULL ? spc_settings_value(s, spc_settings_cfield(s, sc, stage)) : NAN;
}

/* ---- reading ---- */

/* A string member of e of at most SPC_LEVER_TEXT_MAX characters. */
static int text_member(spc_cfg_reader *r, const config_setting_t *e, const char *key, int required, char **out)
{
    const char *v = NULL;
    if (spc_cfg_string(r, e, key, &v) < 0)
        return -1;
    if (v == NULL && required)
        return spc_cfg_missing(r, e, key, "what the page calls the lever");
    if (v != NULL && strlen(v) > SPC_LEVER_TEXT_MAX)
        return spc_cfg_bad(r, config_setting_get_member(e, key), "must be at most 80 characters");
    *out = spc_cfg_strdup(r, v != NULL ? v : "");
    return *out != NULL ? 0 : -1;
}

/* The range [lo, hi] the lever's min and max must lie in. */
static int lever_bounds(spc_cfg_reader *r, const spc_scenario *sc, const config_setting_t *e, const char *path,
                        double *lo, int *lo_open, double *hi, int *whole)
{
    if (strcmp(path, SPC_LEVERS_DECISION) == 0) {
        *lo = 0, *hi = floor(weeks(sc, sc->horizon)), *whole = 0;
        return 0;
    }
    size_t stage;
    const spc_setting *s = lever_setting(sc, path, &stage);
    if (s == NULL)
        return spc_cfg_bad(r, config_setting_get_member(e, "path"),
                           "must be a declared number, whole number or flag that an intervention may change "
                           "(spcsim settings), with an existing stage, or \"decision\"");
    *lo = s->lo, *lo_open = s->lo_open, *hi = s->hi, *whole = is_whole(s->kind);
    if (s->kind == SPC_SET_FLAG)
        *lo = 0, *hi = 1;
    return 0;
}

static int read_one(spc_cfg_reader *r, const spc_scenario *sc, const config_setting_t *e, spc_scenario_lever *lv)
{
    static const char *const known[] = { "path", "label", "unit", "min", "max", "step", NULL };
    if (!config_setting_is_group(e))
        return spc_cfg_bad(r, e, "must be a group { path = ...; label = ...; unit = ...; min = ...; max = ...; "
                                 "step = ...; }");
    if (spc_cfg_check_keys(r, e, known) < 0 || text_member(r, e, "path", 1, &lv->path) < 0 ||
        text_member(r, e, "label", 1, &lv->label) < 0 || text_member(r, e, "unit", 0, &lv->unit) < 0)
        return -1;
    double lo = 0, hi = 0;
    int whole = 0, open = 0;
    if (lever_bounds(r, sc, e, lv->path, &lo, &open, &hi, &whole) < 0)
        return -1;
    static const char *const need[] = { "min", "max", "step" };
    for (int k = 0; k < 3; k++)
        if (config_setting_get_member(e, need[k]) == NULL)
            return spc_cfg_missing(r, e, need[k], "the slider's range and step");
    if (spc_cfg_number(r, e, "min", lo, open, hi, &lv->min) < 0 || spc_cfg_number(r, e, "max", lo, open, hi, &lv->max) < 0)
        return -1;
    if (!(lv->max > lv->min))
        return spc_cfg_bad(r, config_setting_get_member(e, "max"), "must be greater than min");
    if (spc_cfg_number(r, e, "step", 0, 1, lv->max - lv->min, &lv->step) < 0)
        return -1;
    if (whole && (lv->min != floor(lv->min) || lv->step != floor(lv->step)))
        return spc_cfg_bad(r, config_setting_get_member(e, "step"),
                           "min and step must be whole numbers for a whole-number setting");
    return 0;
}

int spc_cfg_read_levers(config_t *cfg, spc_scenario *sc, spc_error *err)
{
    spc_cfg_reader r = { err, sc->unit_seconds, sc->time_unit_declared };
    const config_setting_t *list = spc_cfg_aggregate(&r, config_root_setting(cfg), "levers", CONFIG_TYPE_LIST, 0);
    if (list == NULL)
        return err->code == SPC_OK ? 0 : -1;
    int n = config_setting_length(list);
    if (n > SPC_LEVERS_MAX)
        return spc_cfg_bad(&r, list, "must have at most 32 entries");
    sc->levers = calloc((size_t)n + 1, sizeof *sc->levers);
    if (sc->levers == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory"), -1;
    sc->nlevers = (size_t)n;
    for (int k = 0; k < n; k++) {
        const config_setting_t *e = config_setting_get_elem(list, (unsigned)k);
        if (read_one(&r, sc, e, &sc->levers[k]) < 0)
            return -1;
        for (int j = 0; j < k; j++)
            if (strcmp(sc->levers[j].path, sc->levers[k].path) == 0)
                return spc_cfg_bad(&r, config_setting_get_member(e, "path"), "names a setting an earlier lever names");
    }
    return 0;
}

/* ---- the page's defaults ---- */

static int add(spc_scenario_lever *lv, size_t *n, const char *path, const char *label, const char *unit, double min,
               double max, double step)
{
    spc_scenario_lever *l = &lv[*n];
    l->path = strdup(path), l->label = strdup(label), l->unit = strdup(unit);
    l->min = min, l->max = max, l->step = step;
    ++*n;
    return l->path != NULL && l->label != NULL && l->unit != NULL ? 0 : -1;
}

static int copy_declared(const spc_scenario *sc, spc_scenario_lever *lv, size_t *n)
{
    int rc = 0;
    for (size_t i = 0; i < sc->nlevers; i++) {
        const spc_scenario_lever *l = &sc->levers[i];
        rc |= add(lv, n, l->path, l->label, l->unit, l->min, l->max, l->step);
    }
    return rc;
}

/* Each stage's staff, and with a workforce its levers. */
static int page_defaults(const spc_scenario *sc, spc_scenario_lever *lv, size_t *n)
{
    int rc = 0;
    char path[80], label[SPC_LEVER_TEXT_MAX + 1];
    for (size_t i = 0; i < sc->nstages && *n < SPC_LEVERS_MAX - 4; i++) {
        double s = sc->stages[i].servers;
        snprintf(path, sizeof path, "stages.[%zu].servers", i);
        snprintf(label, sizeof label, "Staff: %.60s", sc->stages[i].name);
        rc |= add(lv, n, path, label, "people", fmax(1, floor(s / 2)), fmax(2 * s, s + 2), 1);
    }
    if (sc->workforce.enabled) {
        rc |= add(lv, n, "workforce.levers.training_hours", "Training", "hours a week per person", 0,
                  fmax(12, ceil(sc->workforce.training_hours)), 0.5);
        rc |= add(lv, n, "workforce.levers.pay", "Pay", "times market pay", fmin(0.7, sc->workforce.pay),
                  fmax(1.3, sc->workforce.pay), 0.01);
        rc |= add(lv, n, "workforce.levers.recognition", "Recognition", "share 0-1", 0, 1, 0.05);
    }
    return rc;
}

spc_status spc_levers_defaults(const spc_scenario *sc, spc_scenario_lever **out, size_t *n, spc_error *err)
{
    spc_scenario_lever *lv = calloc(SPC_LEVERS_MAX + 1, sizeof *lv);
    *n = 0;
    int rc = lv == NULL ? -1 : sc->nlevers > 0 ? copy_declared(sc, lv, n) : page_defaults(sc, lv, n);
    int has_decision = 0;
    for (size_t i = 0; rc == 0 && i < *n; i++)
        has_decision |= strcmp(lv[i].path, SPC_LEVERS_DECISION) == 0;
    double h = floor(weeks(sc, sc->horizon));
    if (rc == 0 && !has_decision)
        rc = add(lv, n, SPC_LEVERS_DECISION, "Decision week", "week", h > 1 ? 1 : 0, fmax(h - 1, 1), 1);
    if (rc != 0) {
        spc_levers_free(lv, *n);
        *n = 0;
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the levers");
    }
    *out = lv;
    return SPC_OK;
}

int spc_levers_check(const spc_scenario_lever *lv, double v, spc_error *err)
{
    if (!isfinite(v) || v < lv->min || v > lv->max) {
        spc_error_set(err, SPC_ERR_INVALID, "%s (%s): %g is outside the lever's range [%g, %g]", lv->label, lv->path,
                      v, lv->min, lv->max);
        return -1;
    }
    const spc_setting *s = spc_settings_find(lv->path);
    if (s != NULL && is_whole(s->kind) && v != floor(v)) {
        spc_error_set(err, SPC_ERR_INVALID, "%s (%s): must be a whole number (got %g)", lv->label, lv->path, v);
        return -1;
    }
    return 0;
}

/* ---- the intervention of a choice ---- */

/* Appends text to the growing string *buf (NULL after a failure). */
static void put(char **buf, size_t *len, const char *fmt, const char *a, const char *b)
{
    if (*buf == NULL)
        return;
    int k = snprintf(NULL, 0, fmt, a, b);
    char *nb = k < 0 ? NULL : realloc(*buf, *len + (size_t)k + 1);
    if (nb == NULL) {
        free(*buf);
        *buf = NULL;
        return;
    }
    snprintf(nb + *len, (size_t)k + 1, fmt, a, b);
    *buf = nb, *len += (size_t)k;
}

/* s as a libconfig string literal ("..." with \" and \\ escaped). */
static void put_quoted(char **buf, size_t *len, const char *s)
{
    put(buf, len, "%s%s", "\"", "");
    for (; *s && *buf != NULL; s++) {
        char c[2] = { *s, '\0' };
        put(buf, len, "%s%s", *s == '"' || *s == '\\' ? "\\" : "", c);
    }
    put(buf, len, "%s%s", "\"", "");
}

static void put_number(char **buf, size_t *len, double x, int whole)
{
    char num[64];
    if (whole)
        snprintf(num, sizeof num, "%.0f", x);
    else
        snprintf(num, sizeof num, "%.17g", x);
    if (!whole && strpbrk(num, ".en") == NULL)
        strcat(num, ".0");
    put(buf, len, "%s%s", num, "");
}

static void put_entry_head(char **buf, size_t *len, size_t k, double at)
{
    put(buf, len, "%s%s", k ? ", " : "", "{ at = ");
    put_number(buf, len, at, 0);
    put(buf, len, "%s%s", "; set = ( ", "");
}

static void put_levers_entry(char **buf, size_t *len, size_t k, double at, const spc_scenario_lever *const *lv,
                             const double *v, size_t n)
{
    put_entry_head(buf, len, k, at);
    for (size_t j = 0; j < n; j++) {
        const spc_setting *s = spc_settings_find(lv[j]->path);
        char a[160], num[64];
        if (s != NULL && s->kind == SPC_SET_FLAG)
            snprintf(num, sizeof num, "%s", v[j] != 0 ? "true" : "false");
        else if (s != NULL && is_whole(s->kind))
            snprintf(num, sizeof num, "%.0f", v[j]);
        else /* the shortest text that reads back as the value: 0.8, not 0.80000000000000004 */
            for (int digits = 15; digits <= 17; digits++) {
                snprintf(num, sizeof num, "%.*g", digits, v[j]);
                if (strtod(num, NULL) == v[j])
                    break;
            }
        snprintf(a, sizeof a, "%s=%s", lv[j]->path, num);
        put(buf, len, "%s%s", j ? ", " : "", "");
        put_quoted(buf, len, a);
    }
    put(buf, len, "%s%s", " ); }", "");
}

char *spc_levers_assignment(const spc_scenario *sc, double week, const spc_scenario_lever *const *lv,
                            const double *v, size_t n)
{
    size_t len = 0;
    char *buf = calloc(1, 1);
    double at = week * SECONDS_PER_WEEK / sc->unit_seconds;
    size_t k = 0, mine = 0;
    put(&buf, &len, "%s%s", "interventions=( ", "");
    for (size_t i = 0; i < sc->ninterventions; i++, k++) {
        const spc_intervention *iv = &sc->interventions[i];
        if (!mine && iv->at > at)
            put_levers_entry(&buf, &len, k++, at, lv, v, n), mine = 1;
        put_entry_head(&buf, &len, k, iv->at);
        for (size_t j = 0; j < iv->nsets; j++) {
            put(&buf, &len, "%s%s", j ? ", " : "", "");
            put_quoted(&buf, &len, iv->sets[j]);
        }
        put(&buf, &len, "%s%s", " ); }", "");
    }
    if (!mine)
        put_levers_entry(&buf, &len, k, at, lv, v, n);
    put(&buf, &len, "%s%s", " )", "");
    return buf;
}
