/*
 * scenario_management.c -- reading the management section of a scenario.
 *
 *   management = {
 *     level = "measure";           # or "activity" (the default), "philosophy"
 *     review = 4; delay = 1; esat_noise = 2.0;
 *     staffing   = { lead_time = "2d"; utilisation_low = 0.6; step = 1; min = 0.5; max = 1.5; };
 *     pay        = { esat = 70.0; band = 5.0; step = 0.02; min = 0.9; max = 1.3; };
 *     training   = { csat = 80.0; band = 5.0; step = 1.0; max = 8.0; };
 *     philosophy = { recognition = 0.9; training_hours = 4.0; recovery = 0.6; };
 *   };
 *
 * Every setting, its default and its range are declared in settings.c;
 * this file reads the groups in their declared order and adds the checks a
 * table cannot say: management steers employees, so it needs a workforce;
 * the philosophy's training hours fit in the working week (the pay bounds
 * are ordered by their ranges: min <= 1 <= max). The equations are in docs/model.md 9.18.
 */
#include <string.h>

#include "spcsim/cfgread.h"
#include "spcsim/settings.h"

static int check(spc_cfg_reader *r, const config_setting_t *g, const spc_scenario *sc)
{
    const spc_management_spec *m = &sc->management;
    if (!sc->workforce.enabled)
        return spc_cfg_bad(r, g, "needs a workforce section (management steers employees)");
    const config_setting_t *ph = config_setting_get_member(g, "philosophy");
    if (m->level == SPC_MGMT_PHILOSOPHY && !(m->ph_training < sc->workforce.hours_per_week))
        return spc_cfg_bad(r, ph != NULL ? ph : g, "training_hours must be less than workforce.levers.hours_per_week");
    return 0;
}

int spc_cfg_read_management(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    sc->management = (spc_management_spec){ 0 };
    spc_settings_defaults("management", sc, r->unit);
    int got = spc_settings_read_member(r, root, "management", sc);
    if (got <= 0)
        return got;
    const config_setting_t *g = config_setting_get_member(root, "management");
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == SPC_SET_GROUP && spc_settings_in_group(&t[i], "management") &&
            spc_settings_read_member(r, g, t[i].path, sc) < 0)
            return -1;
    return check(r, g, sc);
}
