/*
 * cli_settings.c -- `spcsim settings`: every declared setting with its
 * default, range, unit, whether an intervention may change it and its
 * source (settings.h), as plain columns;
 *
 *   spcsim settings --markdown               the table of every setting
 *                                            (docs/scenario-reference.md 3.9)
 *   spcsim settings --markdown GROUP [KEY..] one group's table ("." the top level)
 *   spcsim settings --doc FILE               FILE with every settings block
 *                                            regenerated (make settings-doc)
 *
 * The `settings` suite compares every block with the committed document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "spcsim/settings.h"
#include "spcsim/text.h"

static int usage(void)
{
    fprintf(stderr, "spcsim: settings takes --markdown [GROUP [KEY...]] or --doc FILE\n"
                    "Try 'spcsim --help'.\n");
    return SPC_ERR_USAGE;
}

int cli_settings(int argc, char **argv)
{
    int rc = 0;
    if (argc >= 3 && strcmp(argv[2], "--doc") == 0) {
        if (argc != 4)
            return usage();
        char why[200];
        char *doc = spc_text_read_file(argv[3], NULL);
        char *filled = doc ? spc_settings_fill(doc, why, sizeof why) : NULL;
        if (doc == NULL)
            fprintf(stderr, "spcsim: %s: cannot read\n", argv[3]);
        else if (filled == NULL)
            fprintf(stderr, "spcsim: %s: %s\n", argv[3], why);
        else
            fputs(filled, stdout);
        rc = doc == NULL ? SPC_ERR_READ : filled == NULL ? SPC_ERR_INVALID : 0;
        free(filled);
        free(doc);
    } else if (argc >= 3 && strcmp(argv[2], "--markdown") == 0) {
        char keys[1000] = "";
        for (int i = 4; i < argc; i++)
            if (strlen(keys) + strlen(argv[i]) + 2 < sizeof keys)
                strcat(strcat(keys, *keys ? " " : ""), argv[i]);
        if (argc == 3)
            rc = spc_settings_list(stdout, 1);
        else if (spc_settings_markdown(stdout, argv[3], argc > 4 ? keys : NULL) != 0) {
            fprintf(stderr, "spcsim: settings: no group %s (or no such member)\n", argv[3]);
            return SPC_ERR_USAGE;
        }
    } else if (argc == 2) {
        rc = spc_settings_list(stdout, 0);
    } else {
        return usage();
    }
    if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "spcsim: standard output: cannot write\n");
        return SPC_ERR_OUTPUT;
    }
    return rc;
}
