/*
 * scenario_workforce.c -- reading the workforce section of a scenario.
 *
 *   workforce = {
 *     report_period = "1w";
 *     levers       = { pay = 1.0; recognition = 0.5; training_hours = 2.0; hours_per_week = 40.0; };
 *     satisfaction = { dynamic = true; initial_mean = 70.0; ...; w_pressure = 20.0; };
 *     turnover     = { enabled = true; a = -1.46; beta = 0.5; mean = 70.0; sd = 10.0; cost = 0.21; };
 *     hiring       = { policy = "replace"; delay = { dist = "gamma"; mean = "4w"; cv = 0.5; }; };
 *     learning     = { initial = 0.5; time_constant = "8w"; mentoring = 0.1; };
 *     pressure     = { elasticity = -0.64; perception_time = "1w"; erosion_time = "18.8w";
 *                      recovery_time = "never"; min_factor = 0.5; max_factor = 1.0; };
 *     fatigue      = { time_constant = "4w"; overtime_max = 0.5; floor = 0.5; };
 *     absence      = { base = 0.03; w_fatigue = 1.0; w_satisfaction = 0.4; every = "1d"; };
 *     quality      = { base_error = 0.02; error_gain = 0.5; rework_fraction = 0.5;
 *                      on_time_weight = 0.5; perception_time = "2w"; training_effect = 0.1; };
 *   };
 *
 * Every setting, its default and its range are declared in settings.c;
 * this file reads the groups in their declared order and adds what a
 * table cannot say: the hiring delay (a distribution) and the check that
 * training hours fit in the working week. Defaults: docs/model.md.
 */
#include <math.h>
#include <string.h>

#include "spcsim/cfgread.h"
#include "spcsim/settings.h"


static void set_defaults(spc_scenario *sc, double unit)
{
    spc_workforce_spec *w = &sc->workforce;
    *w = (spc_workforce_spec){ .quit.year = 365.0 * 86400.0 / unit };
    spc_settings_defaults("workforce", sc, unit);
    w->hire_delay = (spc_dist){ .kind = SPC_DIST_GAMMA, .mean = 4 * 604800.0 / unit, .cv = 0.5 };
}

static int read_hire_delay(spc_cfg_reader *r, const config_setting_t *wf, spc_workforce_spec *w)
{
    const config_setting_t *g = config_setting_get_member(wf, "hiring");
    const config_setting_t *d = g ? spc_cfg_aggregate(r, g, "delay", CONFIG_TYPE_GROUP, 0) : NULL;
    if (d == NULL)
        return r->err->code ? -1 : 0;
    return spc_cfg_dist(r, d, &w->hire_delay);
}

/* Training takes hours out of the working week. */
static int check_training(spc_cfg_reader *r, const config_setting_t *wf, const spc_workforce_spec *w)
{
    if (w->training_hours < w->hours_per_week)
        return 0;
    const config_setting_t *lev = config_setting_get_member(wf, "levers");
    const config_setting_t *h = config_setting_get_member(lev, "training_hours");
    if (h != NULL)
        return spc_cfg_bad(r, h, "must be less than hours_per_week");
    return spc_cfg_bad(r, config_setting_get_member(lev, "hours_per_week"), "must be more than training_hours");
}

int spc_cfg_read_workforce(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    spc_workforce_spec *w = &sc->workforce;
    set_defaults(sc, r->unit);
    int got = spc_settings_read_member(r, root, "workforce", sc);
    if (got <= 0)
        return got;
    const config_setting_t *wf = config_setting_get_member(root, "workforce");
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == SPC_SET_GROUP && spc_settings_in_group(&t[i], "workforce") &&
            spc_settings_read_member(r, wf, t[i].path, sc) < 0)
            return -1;
    if (read_hire_delay(r, wf, w) < 0 || check_training(r, wf, w) < 0)
        return -1;
    if (spc_dist_prepare(&w->hire_delay) != 0)
        return spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory"), -1;
    return 0;
}
