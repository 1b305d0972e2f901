/*
 * cfgread.h -- typed, range-checked reading of libconfig settings.
 *
 * The scenario reader and every section reader use these getters, so all
 * settings are checked the same way and every error has the same form:
 *
 *   file:line: path.to.setting: what is wrong (got VALUE)
 *
 * Getters return 1 when the setting was read, 0 when it is absent (the
 * caller's default stands) and -1 on error, with r->err filled. Only the
 * input floor (scenario*.c) includes this header: the model never sees
 * libconfig.
 */
#ifndef SPCSIM_CFGREAD_H
#define SPCSIM_CFGREAD_H

#include <libconfig.h>

#include "spcsim/dist.h"
#include "spcsim/error.h"
#include "spcsim/scenario.h"

typedef struct {
    spc_error *err;
    double unit; /* seconds per time unit, once the time unit is known */
} spc_cfg_reader;

/* Report an error about setting s / about a key missing from group g. */
int spc_cfg_bad(spc_cfg_reader *r, const config_setting_t *s, const char *what);
int spc_cfg_missing(spc_cfg_reader *r, const config_setting_t *g, const char *key, const char *what);

/* Rejects members of g not in the NULL-terminated list `known`. */
int spc_cfg_check_keys(spc_cfg_reader *r, const config_setting_t *g, const char *const *known);

int spc_cfg_is_number(const config_setting_t *s);
double spc_cfg_number_of(const config_setting_t *s);
int spc_cfg_check_range(spc_cfg_reader *r, const config_setting_t *s, double v, double lo,
                        int lo_open, double hi, const char *kind);

int spc_cfg_int(spc_cfg_reader *r, const config_setting_t *g, const char *key,
                long long lo, long long hi, long long *out);
int spc_cfg_string(spc_cfg_reader *r, const config_setting_t *g, const char *key, const char **out);
int spc_cfg_number(spc_cfg_reader *r, const config_setting_t *g, const char *key,
                   double lo, int lo_open, double hi, double *out);
int spc_cfg_duration_of(spc_cfg_reader *r, const config_setting_t *s, double lo, int lo_open, double *out);
int spc_cfg_duration(spc_cfg_reader *r, const config_setting_t *g, const char *key,
                     double lo, int lo_open, double *out);
int spc_cfg_rate_of(spc_cfg_reader *r, const config_setting_t *s, int lo_open, double *out);

/* Member `key` of g that must be of `type` (group or list); NULL if absent
 * (an error only when required) or of the wrong type (an error). */
const config_setting_t *spc_cfg_aggregate(spc_cfg_reader *r, const config_setting_t *g,
                                          const char *key, int type, int required);

char *spc_cfg_strdup(spc_cfg_reader *r, const char *s);

/* ---- tables of settings: (key, kind, range, destination) ---- */

/* SPC_CFG_NEVER: a duration that may also be "never" (infinite);
 * SPC_CFG_RATE: a rate ("9/h" or a number per time unit); SPC_CFG_FLAG: a
 * boolean into an int. */
typedef enum { SPC_CFG_NUM, SPC_CFG_DUR, SPC_CFG_NEVER, SPC_CFG_FLAG, SPC_CFG_RATE } spc_cfg_kind;

typedef struct {
    const char *key;
    spc_cfg_kind kind;
    double lo, hi;   /* NUM: range; DUR: lo is the minimum, hi unused */
    int lo_open;
    void *dst;       /* double*, or int* for FLAG */
} spc_cfg_field;

#define SPC_CFG_N(t) (sizeof(t) / sizeof((t)[0]))

/* Reads every field of table t (at most 31) from group g, rejecting unknown
 * keys; absent fields keep their defaults. 0 or -1. */
int spc_cfg_read_fields(spc_cfg_reader *r, const config_setting_t *g, const spc_cfg_field *t, size_t n);
/* The same without the check for unknown keys. */
int spc_cfg_read_values(spc_cfg_reader *r, const config_setting_t *g, const spc_cfg_field *t, size_t n);
/* The same for member group `name` of g (absent: all defaults). */
int spc_cfg_read_group(spc_cfg_reader *r, const config_setting_t *g, const char *name,
                       const spc_cfg_field *t, size_t n);

/* ---- section readers (scenario_chain.c) ---- */

/* A distribution group { dist = "gamma"; mean = "10min"; cv = 0.5; }. */
int spc_cfg_dist(spc_cfg_reader *r, const config_setting_t *g, spc_dist *out);
int spc_cfg_read_stages(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc);
/* After the stages: arrivals.entry names a stage. */
int spc_cfg_read_arrivals(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc);

/* ---- section readers (scenario_workforce.c) ---- */

/* The workforce section; fills defaults (enabled = 0) when it is absent. */
int spc_cfg_read_workforce(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc);

/* ---- customers, finance, units (scenario_customers.c) ---- */

int spc_cfg_read_customers(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc);
int spc_cfg_read_finance(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc);
int spc_cfg_read_units(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc);

/* ---- whole scenarios (scenario.c, scenario_interventions.c) ---- */

/* Reads and validates everything but the interventions. */
spc_scenario *spc_scenario_from_config(config_t *cfg, const char *path, spc_error *err);

/* Reads `interventions`, applying each one's settings to cfg in turn and
 * validating the result as a whole scenario. Returns 0 or -1. */
int spc_cfg_read_interventions(config_t *cfg, spc_scenario *sc, spc_error *err);

#endif
