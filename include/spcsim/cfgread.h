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
    int unit_declared; /* the scenario sets time_unit: a bare number for a
                          duration or rate is in it; else a bare number
                          (other than 0) is an error (no silent unit) */
} spc_cfg_reader;

/* Bounds of reading (docs/scenario-reference.md 1): a scenario file is
 * read whole, at most SPC_SCENARIO_MAX_BYTES; each @include file at most
 * SPC_INCLUDE_MAX_BYTES, at most SPC_INCLUDE_MAX_FILES of them in all. */
#define SPC_SCENARIO_MAX_BYTES (4L * 1024 * 1024)
#define SPC_INCLUDE_MAX_BYTES (256L * 1024)
#define SPC_INCLUDE_MAX_FILES 64

/* Reads the scenario at path (and its includes) into cfg, refusing what is
 * not a regular file or is too large; its settings carry path as their
 * file, which must outlive cfg. SPC_ERR_READ: cannot be opened or is not a
 * regular file; SPC_ERR_INVALID: syntax, size, or a bad @include. */
spc_status spc_cfgfile_read(config_t *cfg, const char *path, spc_error *err);

/* The same for text already in memory (at most SPC_SCENARIO_MAX_BYTES),
 * which path names in messages and whose folder holds its includes. */
spc_status spc_cfgfile_parse(config_t *cfg, const char *path, const char *text, spc_error *err);

/* Fills err (SPC_ERR_INVALID, "WHAT:LINE: NAME: integer out of range ...")
 * when text holds an integer literal that libconfig 1.5 would silently
 * wrap or clamp: above 2^31-1 without L, or beyond 64 bits. */
spc_status spc_cfg_check_literals(const char *text, const char *what, spc_error *err);

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
int spc_cfg_duration_of(spc_cfg_reader *r, const config_setting_t *s, double lo, int lo_open,
                        double hi, double *out);
int spc_cfg_duration(spc_cfg_reader *r, const config_setting_t *g, const char *key,
                     double lo, int lo_open, double *out);
int spc_cfg_rate_of(spc_cfg_reader *r, const config_setting_t *s, int lo_open, double hi, double *out);

/* Member `key` of g that must be of `type` (group or list); NULL if absent
 * (an error only when required) or of the wrong type (an error). */
const config_setting_t *spc_cfg_aggregate(spc_cfg_reader *r, const config_setting_t *g,
                                          const char *key, int type, int required);

char *spc_cfg_strdup(spc_cfg_reader *r, const char *s);

/* ---- declared settings (settings.h; settings_read.c) ---- */

/* Rejects members of g that are not declared in `group` ("workforce.levers",
 * "stages.[]", "" for the top level). */
int spc_settings_check_keys(spc_cfg_reader *r, const config_setting_t *g, const char *group);
/* Reads the declared scalar members of `group` from g into base (the
 * scenario, or the stage for "stages.[]"); absent ones keep their value. */
int spc_settings_read_values(spc_cfg_reader *r, const config_setting_t *g, const char *group, void *base);
/* Both. 0 or -1. */
int spc_settings_read_group(spc_cfg_reader *r, const config_setting_t *g, const char *group, void *base);
/* The same for the member group of parent named by the last part of
 * `group`: 1 read, 0 absent, -1 error. */
int spc_settings_read_member(spc_cfg_reader *r, const config_setting_t *parent, const char *group, void *base);

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

/* ---- management (scenario_management.c) ---- */

/* The management section; defaults (enabled = 0, activity) when it is absent. */
int spc_cfg_read_management(spc_cfg_reader *r, const config_setting_t *root, spc_scenario *sc);

/* ---- whole scenarios (scenario.c, scenario_interventions.c) ---- */

/* Reads and validates everything but the interventions. */
spc_scenario *spc_scenario_from_config(config_t *cfg, const char *path, spc_error *err);

/* Reads `interventions`, applying each one's settings to cfg in turn and
 * validating the result as a whole scenario. Returns 0 or -1. */
int spc_cfg_read_interventions(config_t *cfg, spc_scenario *sc, spc_error *err);

/* Reads `levers` (scenario_levers.c): each entry's path a declared setting
 * an intervention may change (or "decision"), its range inside the
 * setting's. Returns 0 or -1. */
int spc_cfg_read_levers(config_t *cfg, spc_scenario *sc, spc_error *err);

#endif
