/*
 * scenario_customers.c -- reading the customers, finance and units sections.
 *
 *   customers = {
 *     market = 6000; initial = 4000; front = "front_desk";
 *     acquisition  = { rate = "60/w"; w_detractors = 2.0; referrals = 0.5; conversion = 0.2; };
 *     purchases    = { interval = { dist = "exponential"; mean = "6w"; }; w_frequency = 0.2;
 *                      inquiry = 0.3; inquiry_stage = "front_desk"; inquiry_work = 0.5; };
 *     aftersale    = { stage = "front_desk"; work = 1.0; base = 0.03; defect = 0.6;
 *                      delay = { dist = "exponential"; mean = "1w"; }; expectation = "1h"; };
 *     satisfaction = { initial_mean = 7.5; initial_sd = 1.0; expectation = "3h"; base = 8.5;
 *                      w_wait = 1.5; w_defect = 3.0; w_attitude = 0.5; attitude_ref = 70.0;
 *                      lost = 2.0; noise = 1.0; learn = 0.3; expectation_learn = 0.1; };
 *     relationship = { enabled = false; loss = 1.5; };
 *     retention    = { r0 = 1.156; r1 = 0.578; reference = 7.0; };
 *     survey       = { response_rate = 0.1; noise = 0.5; };
 *   };
 *   finance = { price = 120.0; service_fee = 20.0; cogs = 60.0; ...; fixed = "5000/w"; };
 *   units   = { count = 800; management_sd = 3.0; demand_sd = 0.2; labour_sd = 0.2; };
 *
 * Every setting, its default and range are declared in settings.c; this
 * file adds what a declaration cannot say: stage names, distributions,
 * defaults computed from the stages, and that the initial customers fit in
 * the market. Defaults and symbols: docs/model.md, "Customers", "Finance"
 * and "Units".
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "spcsim/cfgread.h"
#include "spcsim/settings.h"

/* The declared defaults, then those computed from other settings. */
static void customer_defaults(spc_scenario *sc, double unit)
{
    spc_customers_spec *c = &sc->customers;
    double week = 604800.0 / unit, work = 0;
    for (size_t i = 0; i < sc->nstages; i++)
        work += spc_dist_true_mean(&sc->stages[i].service);
    *c = (spc_customers_spec){ 0 };
    spc_settings_defaults("customers", sc, unit);
    c->expect_init = 2.0 * work;
    c->comp_lead = NAN; /* after reading: the initial expectation */
    c->request_expect = NAN; /* after reading: 2 x work x the after-sale stage's mean service time */
    c->interpurchase = (spc_dist){ .kind = SPC_DIST_EXPONENTIAL, .mean = 6 * week, .cv = 1.0 };
    c->claim_delay = (spc_dist){ .kind = SPC_DIST_EXPONENTIAL, .mean = week, .cv = 1.0 };
}

/* A stage named by `key` in group g (absent: *out stands). */
static int stage_setting(spc_cfg_reader *r, const spc_scenario *sc, const config_setting_t *g,
                         const char *key, int *out)
{
    const char *name = NULL;
    int got = spc_cfg_string(r, g, key, &name);
    if (got <= 0)
        return got;
    for (size_t i = 0; i < sc->nstages; i++)
        if (strcmp(sc->stages[i].name, name) == 0) {
            *out = (int)i;
            return 1;
        }
    return spc_cfg_bad(r, config_setting_get_member(g, key), "names no stage");
}

/* An optional distribution group `key` of g. */
static int dist_setting(spc_cfg_reader *r, const config_setting_t *g, const char *key, spc_dist *d)
{
    const config_setting_t *s = spc_cfg_aggregate(r, g, key, CONFIG_TYPE_GROUP, 0);
    if (s == NULL)
        return r->err->code ? -1 : 0;
    spc_dist_release(d);
    return spc_cfg_dist(r, s, d);
}

/* The distribution and the stage of a group (purchases, aftersale). */
static int read_extras(spc_cfg_reader *r, const spc_scenario *sc, const config_setting_t *g,
                       const char *dist, spc_dist *d, const char *stage, int *out)
{
    if (g == NULL)
        return 0;
    if (dist_setting(r, g, dist, d) < 0)
        return -1;
    return stage_setting(r, sc, g, stage, out) < 0 ? -1 : 0;
}

/* (CH1)-(CH4): the channels' subgroups, their stages (default: the
 * after-sale stage), and what a declaration cannot check: every kind of
 * contact has a channel, and hours open before they close within a day. */
static int read_channels(spc_cfg_reader *r, spc_scenario *sc, const config_setting_t *c)
{
    static const char *const names[SPC_CHANNEL_N] = { "person", "phone", "written", "self" };
    static const char *const kinds[3] = { "purchases", "inquiries", "after-sale requests" };
    spc_customers_spec *cu = &sc->customers;
    cu->ch_day = 86400.0 / r->unit;
    for (int k = 0; k < SPC_CHANNEL_N; k++)
        cu->ch_stage[k] = cu->aftersale_stage;
    const config_setting_t *g = config_setting_get_member(c, "channels");
    if (g == NULL || !cu->channels)
        return 0;
    for (int k = 0; k < SPC_CHANNEL_N; k++) {
        char path[64];
        snprintf(path, sizeof path, "customers.channels.%s", names[k]);
        if (spc_settings_read_member(r, g, path, sc) < 0)
            return -1;
        const config_setting_t *h = config_setting_get_member(g, names[k]);
        if (h == NULL)
            continue;
        if (k != SPC_CHANNEL_SELF && stage_setting(r, sc, h, "stage", &cu->ch_stage[k]) < 0)
            return -1;
        if (cu->ch_close[k] > cu->ch_day * (1.0 + 1e-12))
            return spc_cfg_bad(r, config_setting_get_member(h, "close"), "must be at most one day after midnight");
        if (!(cu->ch_open[k] < cu->ch_close[k]))
            return spc_cfg_bad(r, config_setting_get_member(h, config_setting_get_member(h, "open") ? "open" : "close"),
                               "must be before close (open < close)");
    }
    for (int j = 0; j < 3; j++) {
        double w = 0;
        for (int k = 0; k < SPC_CHANNEL_N; k++)
            w += cu->ch_share[k][j];
        if (!(w > 0)) {
            char msg[96];
            snprintf(msg, sizeof msg, "the weights of %s are 0 in every channel", kinds[j]);
            return spc_cfg_bad(r, g, msg);
        }
    }
    return 0;
}

int spc_cfg_read_customers(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    spc_customers_spec *cu = &sc->customers;
    customer_defaults(sc, r->unit);
    const config_setting_t *c = spc_cfg_aggregate(r, root, "customers", CONFIG_TYPE_GROUP, 0);
    if (c == NULL)
        return r->err->code ? -1 : 0;
    cu->enabled = 1;
    cu->front = sc->arrivals.entry;
    if (spc_settings_check_keys(r, c, "customers") < 0 || stage_setting(r, sc, c, "front", &cu->front) < 0)
        return -1;
    cu->inquiry_stage = cu->aftersale_stage = cu->front;
    if (spc_settings_read_values(r, c, "customers", sc) < 0)
        return -1;
    if (cu->initial > cu->market)
        return spc_cfg_bad(r, config_setting_get_member(c, "initial"), "must not exceed the market");
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == SPC_SET_GROUP && spc_settings_in_group(&t[i], "customers") &&
            spc_settings_read_member(r, c, t[i].path, sc) < 0)
            return -1;
    if (read_extras(r, sc, config_setting_get_member(c, "purchases"), "interval", &cu->interpurchase,
                    "inquiry_stage", &cu->inquiry_stage) < 0 ||
        read_extras(r, sc, config_setting_get_member(c, "aftersale"), "delay", &cu->claim_delay,
                    "stage", &cu->aftersale_stage) < 0 ||
        read_channels(r, sc, c) < 0)
        return -1;
    if (isnan(cu->comp_lead))
        cu->comp_lead = cu->expect_init;
    if (isnan(cu->request_expect))
        cu->request_expect = 2.0 * cu->aftersale_work * spc_dist_true_mean(&sc->stages[cu->aftersale_stage].service);
    if (spc_dist_prepare(&cu->interpurchase) != 0 || spc_dist_prepare(&cu->claim_delay) != 0)
        return spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory"), -1;
    /* the nominal order rate (traffic equations, default target delays) */
    sc->arrivals.rate = cu->initial / spc_dist_true_mean(&cu->interpurchase);
    return 0;
}

int spc_cfg_read_finance(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    sc->finance = (spc_finance_spec){ .clv_horizon = 3.0 * (365.0 * 86400.0 / r->unit) };
    spc_settings_defaults("finance", sc, r->unit);
    const config_setting_t *g = spc_cfg_aggregate(r, root, "finance", CONFIG_TYPE_GROUP, 0);
    if (g == NULL)
        return r->err->code ? -1 : 0;
    if (!sc->customers.enabled)
        return spc_cfg_bad(r, g, "needs a customers section (revenue comes from customers)");
    return spc_settings_read_group(r, g, "finance", sc);
}

int spc_cfg_read_units(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    sc->units = (spc_units_spec){ 0 };
    spc_settings_defaults("units", sc, r->unit);
    return spc_settings_read_member(r, root, "units", sc) < 0 ? -1 : 0;
}
