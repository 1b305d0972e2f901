/*
 * scenario_text.c -- a scenario from text in memory (spc_scenario_load_text),
 * for the fuzz target of the loader (tests/fuzz/fuzz_scenario.c) and for
 * tests that build a scenario without a file.
 *
 * After the text is parsed it goes the way of spc_scenario_load: the
 * --set overrides, spc_scenario_from_config, the interventions. A syntax
 * error names `name` where a file's would name its path; libconfig keeps
 * no file name for settings read from a string, so a bad setting's message
 * says "--set" instead.
 */
#include "spcsim/scenario.h"

#include <string.h>
#include <libconfig.h>

#include "spcsim/cfgread.h"
#include "spcsim/override.h"

spc_scenario *spc_scenario_load_text(const char *name, const char *text, const char *const *overrides,
                                     size_t noverrides, spc_error *err)
{
    config_t cfg;
    config_init(&cfg);
    spc_scenario *sc = NULL;
    if (!config_read_string(&cfg, text)) {
        const char *what = config_error_text(&cfg) ? config_error_text(&cfg) : "syntax error";
        int plain = strcmp(what, "syntax error") == 0;
        spc_error_set(err, SPC_ERR_INVALID, "%s:%d: syntax error%s%s", name, config_error_line(&cfg),
                      plain ? "" : ": ", plain ? "" : what);
        goto done;
    }
    for (size_t i = 0; i < noverrides; i++)
        if (spc_override_apply(&cfg, overrides[i], err) != SPC_OK)
            goto done;
    sc = spc_scenario_from_config(&cfg, name, err);
    if (sc != NULL)
        spc_cfg_read_interventions(&cfg, sc, err);
done:
    config_destroy(&cfg);
    if (err->code != SPC_OK) {
        spc_scenario_free(sc);
        return NULL;
    }
    return sc;
}
