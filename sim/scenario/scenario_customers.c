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
 * Every group is a table of settings (cfgread.h). Defaults and symbols:
 * docs/model.md, "Customers", "Finance" and "Units".
 */
#include <math.h>
#include <string.h>

#include "spcsim/cfgread.h"

static void customer_defaults(spc_customers_spec *c, const spc_scenario *sc, double unit)
{
    double week = 604800.0 / unit, work = 0;
    for (size_t i = 0; i < sc->nstages; i++)
        work += spc_dist_true_mean(&sc->stages[i].service);
    *c = (spc_customers_spec){
        .market = 6000, .initial = 4000, .acquisition = 60.0 / week, .w_detractors = 2.0,
        .referrals = 0.5, .conversion = 0.2, .w_frequency = 0.2, .inquiry_prob = 0.0,
        .inquiry_work = 0.5, .aftersale_work = 1.0, .claim_base = 0.02, .claim_defect = 0.6,
        .request_expect = NAN, /* after reading: twice the after-sale stage's mean service time */
        .u_init = 7.5, .u_init_sd = 1.0, .expect_init = 2.0 * work, .s0 = 8.5, .w_wait = 1.5,
        .w_defect = 3.0, .w_attitude = 0.5, .attitude_ref = 70.0, .score_lost = 2.0,
        .score_sd = 1.0, .heterogeneity = 1.0, .learn = 0.3, .expect_learn = 0.1, .regular_loss = 1.5,
        .r0 = 1.156, .r1 = 0.578, .u_ref = 7.0, .response_rate = 0.1, .response_sd = 0.5,
    };
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

/* Splits group g into its table fields and the named extra keys (stages,
 * distributions), checking that nothing else is there. */
static int read_mixed(spc_cfg_reader *r, const config_setting_t *g, const spc_cfg_field *t, size_t n,
                      const char *const *extra)
{
    const char *keys[40];
    size_t k = 0;
    for (size_t i = 0; i < n && k < 39; i++)
        keys[k++] = t[i].key;
    for (size_t i = 0; extra[i] != NULL && k < 39; i++)
        keys[k++] = extra[i];
    keys[k] = NULL;
    if (spc_cfg_check_keys(r, g, keys) < 0)
        return -1;
    return spc_cfg_read_values(r, g, t, n);
}

static const config_setting_t *group(spc_cfg_reader *r, const config_setting_t *c, const char *name)
{
    return spc_cfg_aggregate(r, c, name, CONFIG_TYPE_GROUP, 0);
}

static int read_purchases(spc_cfg_reader *r, const spc_scenario *sc, const config_setting_t *c,
                          spc_customers_spec *cu)
{
    const config_setting_t *g = group(r, c, "purchases");
    if (g == NULL)
        return r->err->code ? -1 : 0;
    static const char *const extra[] = { "interval", "inquiry_stage", NULL };
    const spc_cfg_field t[] = {
        { "w_frequency", SPC_CFG_NUM, -5, 5, 0, &cu->w_frequency },
        { "inquiry", SPC_CFG_NUM, 0, 1, 0, &cu->inquiry_prob },
        { "inquiry_work", SPC_CFG_NUM, 0, 100, 1, &cu->inquiry_work },
    };
    if (read_mixed(r, g, t, SPC_CFG_N(t), extra) < 0 || dist_setting(r, g, "interval", &cu->interpurchase) < 0)
        return -1;
    return stage_setting(r, sc, g, "inquiry_stage", &cu->inquiry_stage) < 0 ? -1 : 0;
}

static int read_aftersale(spc_cfg_reader *r, const spc_scenario *sc, const config_setting_t *c,
                          spc_customers_spec *cu)
{
    const config_setting_t *g = group(r, c, "aftersale");
    if (g == NULL)
        return r->err->code ? -1 : 0;
    static const char *const extra[] = { "stage", "delay", NULL };
    const spc_cfg_field t[] = {
        { "work", SPC_CFG_NUM, 0, 100, 1, &cu->aftersale_work },
        { "base", SPC_CFG_NUM, 0, 1, 0, &cu->claim_base },
        { "defect", SPC_CFG_NUM, 0, 1, 0, &cu->claim_defect },
        { "expectation", SPC_CFG_DUR, 0, 0, 1, &cu->request_expect },
    };
    if (read_mixed(r, g, t, SPC_CFG_N(t), extra) < 0 || dist_setting(r, g, "delay", &cu->claim_delay) < 0)
        return -1;
    return stage_setting(r, sc, g, "stage", &cu->aftersale_stage) < 0 ? -1 : 0;
}

static int read_customer_groups(spc_cfg_reader *r, const config_setting_t *c, spc_customers_spec *cu)
{
    const spc_cfg_field acq[] = {
        { "rate", SPC_CFG_RATE, 0, 0, 0, &cu->acquisition },
        { "w_detractors", SPC_CFG_NUM, 0, 100, 0, &cu->w_detractors },
        { "referrals", SPC_CFG_NUM, 0, 100, 0, &cu->referrals },
        { "conversion", SPC_CFG_NUM, 0, 1, 0, &cu->conversion },
    };
    const spc_cfg_field sat[] = {
        { "initial_mean", SPC_CFG_NUM, 0, 10, 0, &cu->u_init },
        { "initial_sd", SPC_CFG_NUM, 0, 5, 0, &cu->u_init_sd },
        { "expectation", SPC_CFG_DUR, 0, 0, 1, &cu->expect_init },
        { "base", SPC_CFG_NUM, 0, 10, 0, &cu->s0 },
        { "w_wait", SPC_CFG_NUM, 0, 100, 0, &cu->w_wait },
        { "w_defect", SPC_CFG_NUM, 0, 10, 0, &cu->w_defect },
        { "w_attitude", SPC_CFG_NUM, 0, 10, 0, &cu->w_attitude },
        { "attitude_ref", SPC_CFG_NUM, 0, 100, 0, &cu->attitude_ref },
        { "lost", SPC_CFG_NUM, 0, 10, 0, &cu->score_lost },
        { "noise", SPC_CFG_NUM, 0, 10, 0, &cu->score_sd },
        { "heterogeneity", SPC_CFG_NUM, 0, 10, 0, &cu->heterogeneity },
        { "learn", SPC_CFG_NUM, 0, 1, 1, &cu->learn },
        { "expectation_learn", SPC_CFG_NUM, 0, 1, 0, &cu->expect_learn },
    };
    const spc_cfg_field rel[] = {
        { "enabled", SPC_CFG_FLAG, 0, 0, 0, &cu->relationship },
        { "loss", SPC_CFG_NUM, 0, 10, 0, &cu->regular_loss },
    };
    const spc_cfg_field ret[] = {
        { "r0", SPC_CFG_NUM, -20, 20, 0, &cu->r0 }, { "r1", SPC_CFG_NUM, -10, 10, 0, &cu->r1 },
        { "reference", SPC_CFG_NUM, 0, 10, 0, &cu->u_ref },
    };
    const spc_cfg_field sur[] = {
        { "response_rate", SPC_CFG_NUM, 0, 1, 1, &cu->response_rate },
        { "noise", SPC_CFG_NUM, 0, 10, 0, &cu->response_sd },
    };
    if (spc_cfg_read_group(r, c, "acquisition", acq, SPC_CFG_N(acq)) < 0 ||
        spc_cfg_read_group(r, c, "satisfaction", sat, SPC_CFG_N(sat)) < 0 ||
        spc_cfg_read_group(r, c, "relationship", rel, SPC_CFG_N(rel)) < 0 ||
        spc_cfg_read_group(r, c, "retention", ret, SPC_CFG_N(ret)) < 0 ||
        spc_cfg_read_group(r, c, "survey", sur, SPC_CFG_N(sur)) < 0)
        return -1;
    return 0;
}

int spc_cfg_read_customers(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    static const char *const keys[] = { "market", "initial", "front", "acquisition", "purchases", "aftersale",
                                        "satisfaction", "relationship", "retention", "survey", NULL };
    spc_customers_spec *cu = &sc->customers;
    customer_defaults(cu, sc, r->unit);
    const config_setting_t *c = spc_cfg_aggregate(r, root, "customers", CONFIG_TYPE_GROUP, 0);
    if (c == NULL)
        return r->err->code ? -1 : 0;
    cu->enabled = 1;
    cu->front = sc->arrivals.entry;
    if (spc_cfg_check_keys(r, c, keys) < 0 || stage_setting(r, sc, c, "front", &cu->front) < 0)
        return -1;
    cu->inquiry_stage = cu->aftersale_stage = cu->front;
    const spc_cfg_field top[] = {
        { "market", SPC_CFG_NUM, 1, 1e8, 0, &cu->market },
        { "initial", SPC_CFG_NUM, 0, 1e8, 0, &cu->initial },
    };
    for (size_t i = 0; i < SPC_CFG_N(top); i++)
        if (spc_cfg_number(r, c, top[i].key, top[i].lo, 0, top[i].hi, top[i].dst) < 0)
            return -1;
    if (cu->market != floor(cu->market) || cu->initial != floor(cu->initial))
        return spc_cfg_bad(r, config_setting_get_member(c, cu->market != floor(cu->market) ? "market" : "initial"),
                           "must be a whole number of people");
    if (cu->initial > cu->market)
        return spc_cfg_bad(r, config_setting_get_member(c, "initial"), "must not exceed the market");
    if (read_customer_groups(r, c, cu) < 0 || read_purchases(r, sc, c, cu) < 0 || read_aftersale(r, sc, c, cu) < 0)
        return -1;
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
    spc_finance_spec *f = &sc->finance;
    double year = 365.0 * 86400.0 / r->unit;
    *f = (spc_finance_spec){
        .price = 100.0, .service_fee = 0.0, .cogs = 50.0, .overtime_premium = 1.5, .hiring_cost = 3000.0,
        .rework_cost = 10.0, .refund = 60.0, .acquisition_cost = 150.0, .referral_cost = 20.0,
        .fixed = 0.0, .discount_rate = 0.1, .clv_period = year, .clv_horizon = 3.0 * year,
    };
    const config_setting_t *g = spc_cfg_aggregate(r, root, "finance", CONFIG_TYPE_GROUP, 0);
    if (g == NULL)
        return r->err->code ? -1 : 0;
    if (!sc->customers.enabled)
        return spc_cfg_bad(r, g, "needs a customers section (revenue comes from customers)");
    const double I = INFINITY;
    const spc_cfg_field t[] = {
        { "price", SPC_CFG_NUM, 0, I, 0, &f->price },
        { "service_fee", SPC_CFG_NUM, 0, I, 0, &f->service_fee },
        { "cogs", SPC_CFG_NUM, 0, I, 0, &f->cogs },
        { "overtime_premium", SPC_CFG_NUM, 0, 10, 0, &f->overtime_premium },
        { "hiring_cost", SPC_CFG_NUM, 0, I, 0, &f->hiring_cost },
        { "rework_cost", SPC_CFG_NUM, 0, I, 0, &f->rework_cost },
        { "refund", SPC_CFG_NUM, 0, I, 0, &f->refund },
        { "acquisition_cost", SPC_CFG_NUM, 0, I, 0, &f->acquisition_cost },
        { "referral_cost", SPC_CFG_NUM, 0, I, 0, &f->referral_cost },
        { "recognition_cost", SPC_CFG_NUM, 0, I, 0, &f->recognition_cost },
        { "fixed", SPC_CFG_RATE, 0, 0, 0, &f->fixed },
        { "discount_rate", SPC_CFG_NUM, 0, 10, 0, &f->discount_rate },
        { "clv_period", SPC_CFG_DUR, 0, 0, 1, &f->clv_period },
        { "clv_horizon", SPC_CFG_DUR, 0, 0, 1, &f->clv_horizon },
    };
    return spc_cfg_read_fields(r, g, t, SPC_CFG_N(t));
}

int spc_cfg_read_units(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc)
{
    spc_units_spec *u = &sc->units;
    *u = (spc_units_spec){ .count = 1 };
    const config_setting_t *g = spc_cfg_aggregate(r, root, "units", CONFIG_TYPE_GROUP, 0);
    if (g == NULL)
        return r->err->code ? -1 : 0;
    double count = 1;
    const spc_cfg_field t[] = {
        { "count", SPC_CFG_NUM, 1, 100000, 0, &count },
        { "management_sd", SPC_CFG_NUM, 0, 50, 0, &u->management_sd },
        { "demand_sd", SPC_CFG_NUM, 0, 3, 0, &u->demand_sd },
        { "labour_sd", SPC_CFG_NUM, 0, 5, 0, &u->labour_sd },
    };
    if (spc_cfg_read_fields(r, g, t, SPC_CFG_N(t)) < 0)
        return -1;
    if (count != floor(count))
        return spc_cfg_bad(r, config_setting_get_member(g, "count"), "must be a whole number of units");
    u->count = (int)count;
    return 0;
}
