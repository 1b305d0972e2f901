/*
 * fuzz_scenario.c -- libFuzzer target: scenario text -> validated scenario
 * or an error (spc_scenario_load_text, the path of spc_scenario_load after
 * the file is read). `make fuzz` builds and runs it; see tests/fuzz/README.md.
 *
 * The input is the text of a scenario file (a NUL in it ends the text, as
 * it would for libconfig). A scenario that loads is written back
 * (spc_scenario_write, as `run` does into scenario.cfg) and must load
 * again: scenario_write.c promises that the file reproduces the run.
 * No state is kept between inputs.
 *
 * tests/test_fuzz.c includes this file (LLVMFuzzerTestOneInput renamed) to
 * replay the committed inputs in the test suites.
 */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *sc = spc_scenario_load_text("fuzz.cfg", text, NULL, 0, &err);
    if (sc != NULL) {
        /* what the program does next with a valid scenario, short of running it */
        (void)spc_scenario_mean_arrival_rate(sc);
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (f != NULL) {
            spc_scenario_write(sc, f);
            fclose(f);
            spc_scenario *again = spc_scenario_load_text("written.cfg", buf, NULL, 0, &err);
            if (again == NULL) {
                fprintf(stderr, "fuzz_scenario: the written scenario does not load again: %s\n%s\n",
                        err.msg, buf);
                abort();
            }
            spc_scenario_free(again);
        }
        free(buf);
        spc_scenario_free(sc);
    } else if (err.code == SPC_OK || err.msg[0] == '\0') {
        abort(); /* a NULL scenario always comes with an error */
    }
    free(text);
    return 0;
}
