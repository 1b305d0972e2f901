/*
 * override.h -- "--set PATH=VALUE" applied to a parsed libconfig tree.
 *
 * PATH uses libconfig's path syntax ("arrivals.rate", "stages.[0].servers").
 * VALUE is read as a libconfig value (5, 2.5, "text", [1, 2], { a = 1; }),
 * and a bare word that is not one (e.g. 15min) is taken as a string. A
 * setting that does not exist yet is created, with any missing groups on the
 * way; an existing one is replaced, whatever its old type. Validation of the
 * result is the scenario reader's job.
 */
#ifndef SPCSIM_OVERRIDE_H
#define SPCSIM_OVERRIDE_H

#include <libconfig.h>

#include "spcsim/error.h"

/* Applies one "PATH=VALUE"; returns SPC_OK or SPC_ERR_INVALID with *err
 * set to "--set: PATH: what is wrong". */
spc_status spc_override_apply(config_t *cfg, const char *assignment, spc_error *err);

/* Writes a setting's value in libconfig syntax ("5", "\"9/h\"", "[ 1, 2 ]",
 * "{ a = 1; }"); returns 0, or -1 when buf is too small. */
int spc_override_value_text(const config_setting_t *s, char *buf, size_t size);

#endif
