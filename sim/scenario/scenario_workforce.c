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
 *     quality      = { base_error = 0.02; error_gain = 0.5; rework_fraction = 0.5;
 *                      on_time_weight = 0.5; perception_time = "2w"; training_effect = 0.1; };
 *     absence      = { base = 0.03; w_fatigue = 1.0; w_satisfaction = 0.4; every = "1d"; };
 *   };
 *
 * Each group is read from a table of (key, destination, range, kind), so
 * every setting is checked the same way. Defaults: docs/model.md.
 */
#include <math.h>
#include <string.h>

#include "spcsim/cfgread.h"


static void set_defaults(spc_workforce_spec *w, double unit)
{
    double week = 604800.0 / unit;
    *w = (spc_workforce_spec){
        .period = week, .s_dynamic = 1, .s_init_mean = 70, .s_init_sd = 10, .s_base = 70,
        .tau_s = 4 * week, .w_isq = 0.5, .isq_ref = 90, .w_pay = 50, .w_recognition = 20,
        .recognition_ref = 0.5, .w_training = 1.0, .training_ref = 2.0, .w_customer = 0.3,
        .customer_ref = 70, .w_pressure = 20, .w_fatigue = 40, .turnover = 1,
        .quit = { -1.46, 0.5, 70, 10, 365.0 * 86400.0 / unit }, .quit_cost = 0.21,
        .pi0 = 0.5, .tau_l = 8 * week, .mentoring = 0.1,
        .erosion = { -0.64, week, 18.8 * week, INFINITY, 0.5, 1.0 },
        .tau_f = 4 * week, .overtime_max = 0.5, .phi_min = 0.5,
        .eps0 = 0.02, .eps1 = 0.5, .rework_fraction = 0.5, .w_on_time = 0.5, .tau_q = 2 * week,
        .training_error = 0.1, .pay = 1.0, .recognition = 0.5, .training_hours = 2.0,
        .hours_per_week = 40.0,
    };
    w->hire_delay = (spc_dist){ .kind = SPC_DIST_GAMMA, .mean = 4 * week, .cv = 0.5 };
}

static int read_satisfaction(spc_cfg_reader *r, const config_setting_t *wf, spc_workforce_spec *w)
{
    const double I = INFINITY;
    const spc_cfg_field t[] = {
        { "dynamic", SPC_CFG_FLAG, 0, 0, 0, &w->s_dynamic },
        { "initial_mean", SPC_CFG_NUM, 0, 100, 0, &w->s_init_mean },
        { "initial_sd", SPC_CFG_NUM, 0, 50, 0, &w->s_init_sd },
        { "base", SPC_CFG_NUM, 0, 100, 0, &w->s_base },
        { "time_constant", SPC_CFG_DUR, 0, 0, 1, &w->tau_s },
        { "w_isq", SPC_CFG_NUM, 0, 10, 0, &w->w_isq }, { "isq_ref", SPC_CFG_NUM, 0, 100, 0, &w->isq_ref },
        { "w_pay", SPC_CFG_NUM, 0, 1000, 0, &w->w_pay },
        { "w_recognition", SPC_CFG_NUM, 0, 1000, 0, &w->w_recognition },
        { "recognition_ref", SPC_CFG_NUM, 0, 1, 0, &w->recognition_ref },
        { "w_training", SPC_CFG_NUM, 0, 100, 0, &w->w_training },
        { "training_ref", SPC_CFG_NUM, 0, I, 0, &w->training_ref },
        { "w_customer", SPC_CFG_NUM, 0, 10, 0, &w->w_customer },
        { "customer_ref", SPC_CFG_NUM, 0, 100, 0, &w->customer_ref },
        { "w_pressure", SPC_CFG_NUM, 0, 1000, 0, &w->w_pressure },
        { "w_fatigue", SPC_CFG_NUM, 0, 1000, 0, &w->w_fatigue },
    };
    return spc_cfg_read_group(r, wf, "satisfaction", t, SPC_CFG_N(t));
}

static int read_turnover(spc_cfg_reader *r, const config_setting_t *wf, spc_workforce_spec *w)
{
    const spc_cfg_field t[] = {
        { "enabled", SPC_CFG_FLAG, 0, 0, 0, &w->turnover },
        { "a", SPC_CFG_NUM, -20, 20, 0, &w->quit.a }, { "beta", SPC_CFG_NUM, 0, 20, 0, &w->quit.beta },
        { "mean", SPC_CFG_NUM, 0, 100, 0, &w->quit.mu }, { "sd", SPC_CFG_NUM, 0, 100, 1, &w->quit.sigma },
        { "cost", SPC_CFG_NUM, 0, 10, 0, &w->quit_cost },
    };
    return spc_cfg_read_group(r, wf, "turnover", t, SPC_CFG_N(t));
}

static int read_hiring(spc_cfg_reader *r, const config_setting_t *wf, spc_workforce_spec *w)
{
    static const char *const keys[] = { "policy", "delay", NULL };
    const config_setting_t *g = spc_cfg_aggregate(r, wf, "hiring", CONFIG_TYPE_GROUP, 0);
    if (g == NULL)
        return r->err->code ? -1 : 0;
    const char *policy = "replace";
    if (spc_cfg_check_keys(r, g, keys) < 0 || spc_cfg_string(r, g, "policy", &policy) < 0)
        return -1;
    if (strcmp(policy, "replace") != 0 && strcmp(policy, "freeze") != 0)
        return spc_cfg_bad(r, config_setting_get_member(g, "policy"), "must be \"replace\" or \"freeze\"");
    w->freeze = strcmp(policy, "freeze") == 0;
    const config_setting_t *d = spc_cfg_aggregate(r, g, "delay", CONFIG_TYPE_GROUP, 0);
    if (d == NULL)
        return r->err->code ? -1 : 0;
    return spc_cfg_dist(r, d, &w->hire_delay);
}

static int read_operations(spc_cfg_reader *r, const config_setting_t *wf, spc_workforce_spec *w)
{
    const double I = INFINITY;
    const spc_cfg_field learn[] = {
        { "initial", SPC_CFG_NUM, 0, 1, 1, &w->pi0 }, { "time_constant", SPC_CFG_DUR, 0, 0, 1, &w->tau_l },
        { "mentoring", SPC_CFG_NUM, 0, 1, 0, &w->mentoring },
    };
    const spc_cfg_field press[] = {
        { "elasticity", SPC_CFG_NUM, -5, 0, 0, &w->erosion.alpha },
        { "perception_time", SPC_CFG_DUR, 0, 0, 1, &w->erosion.tau_p },
        { "erosion_time", SPC_CFG_NEVER, 0, 0, 1, &w->erosion.tau_down },
        { "recovery_time", SPC_CFG_NEVER, 0, 0, 1, &w->erosion.tau_up },
        { "min_factor", SPC_CFG_NUM, 0, 1, 1, &w->erosion.t_min }, { "max_factor", SPC_CFG_NUM, 1, 10, 0, &w->erosion.t_max },
    };
    const spc_cfg_field fat[] = {
        { "time_constant", SPC_CFG_DUR, 0, 0, 1, &w->tau_f }, { "overtime_max", SPC_CFG_NUM, 0, 2, 0, &w->overtime_max },
        { "floor", SPC_CFG_NUM, 0, 1, 1, &w->phi_min },
    };
    const spc_cfg_field qual[] = {
        { "base_error", SPC_CFG_NUM, 0, 1, 0, &w->eps0 }, { "error_gain", SPC_CFG_NUM, 0, 1, 0, &w->eps1 },
        { "rework_fraction", SPC_CFG_NUM, 0, 10, 1, &w->rework_fraction },
        { "on_time_weight", SPC_CFG_NUM, 0, 1, 0, &w->w_on_time },
        { "perception_time", SPC_CFG_DUR, 0, 0, 1, &w->tau_q },
        { "training_effect", SPC_CFG_NUM, 0, 10, 0, &w->training_error },
    };
    const spc_cfg_field lev[] = {
        { "pay", SPC_CFG_NUM, 0, 10, 1, &w->pay }, { "recognition", SPC_CFG_NUM, 0, 1, 0, &w->recognition },
        { "training_hours", SPC_CFG_NUM, 0, I, 0, &w->training_hours },
        { "hours_per_week", SPC_CFG_NUM, 1, 168, 0, &w->hours_per_week },
    };
    if (spc_cfg_read_group(r, wf, "learning", learn, SPC_CFG_N(learn)) < 0 || spc_cfg_read_group(r, wf, "pressure", press, SPC_CFG_N(press)) < 0 ||
        spc_cfg_read_group(r, wf, "fatigue", fat, SPC_CFG_N(fat)) < 0 || spc_cfg_read_group(r, wf, "quality", qual, SPC_CFG_N(qual)) < 0 ||
        spc_cfg_read_group(r, wf, "levers", lev, SPC_CFG_N(lev)) < 0)
        return -1;
    if (w->training_hours >= w->hours_per_week)
        return spc_cfg_bad(r, config_setting_get_member(config_setting_get_member(wf, "levers"), "training_hours"),
                           "must be less than hours_per_week");
    return 0;
}

/* Absenteeism (AB1): the defaults, then the group; on when it is present.
 * Each getter checks type and range and leaves the default when the key is
 * absent. */
static int read_absence(spc_cfg_reader *r, const config_setting_t *wf, spc_workforce_spec *w)
{
    static const char *const keys[] = { "base", "w_fatigue", "w_satisfaction", "every", NULL };
    spc_absence_params *a = &w->absence;
    *a = (spc_absence_params){ .enabled = 0, .base = 0.03, .w_fatigue = 1.0, .w_satisfaction = 0.4,
                               .every = 86400.0 / r->unit };
    const config_setting_t *g = spc_cfg_aggregate(r, wf, "absence", CONFIG_TYPE_GROUP, 0);
    if (g == NULL)
        return r->err->code ? -1 : 0;
    a->enabled = 1;
    if (spc_cfg_check_keys(r, g, keys) < 0 || spc_cfg_number(r, g, "base", 0.0, 0, 0.5, &a->base) < 0 ||
        spc_cfg_number(r, g, "w_fatigue", 0.0, 0, 20.0, &a->w_fatigue) < 0 ||
        spc_cfg_number(r, g, "w_satisfaction", 0.0, 0, 20.0, &a->w_satisfaction) < 0 ||
        spc_cfg_duration(r, g, "every", 0.0, 1, &a->every) < 0)
        return -1;
    return 0;
}

int spc_cfg_read_workforce(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    static const char *const keys[] = { "report_period", "levers", "satisfaction", "turnover", "hiring",
                                        "learning", "pressure", "fatigue", "quality", "absence", NULL };
    spc_workforce_spec *w = &sc->workforce;
    set_defaults(w, r->unit);
    const config_setting_t *wf = spc_cfg_aggregate(r, root, "workforce", CONFIG_TYPE_GROUP, 0);
    if (wf == NULL)
        return r->err->code ? -1 : 0;
    w->enabled = 1;
    if (spc_cfg_check_keys(r, wf, keys) < 0 || spc_cfg_duration(r, wf, "report_period", 0.0, 1, &w->period) < 0)
        return -1;
    if (read_satisfaction(r, wf, w) < 0 || read_turnover(r, wf, w) < 0 || read_hiring(r, wf, w) < 0 ||
        read_operations(r, wf, w) < 0 || read_absence(r, wf, w) < 0)
        return -1;
    if (spc_dist_prepare(&w->hire_delay) != 0)
        return spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory"), -1;
    return 0;
}
