/*
 * cli_settings.c -- `spcsim settings [--markdown]`: every declared setting
 * with its default, range, unit, whether an intervention may change it and
 * its source (settings.h). Plain columns for reading; --markdown prints the
 * settings table of docs/scenario-reference.md (section 3.9), which the
 * `settings` suite compares with the committed document.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "spcsim/settings.h"

int cli_settings(int argc, char **argv)
{
    int markdown = argc == 3 && strcmp(argv[2], "--markdown") == 0;
    if (argc > 3 || (argc == 3 && !markdown)) {
        fprintf(stderr, "spcsim: settings takes only --markdown\nTry 'spcsim --help'.\n");
        return SPC_ERR_USAGE;
    }
    if (spc_settings_list(stdout, markdown) != 0 || fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "spcsim: standard output: cannot write\n");
        return SPC_ERR_OUTPUT;
    }
    return 0;
}
