/*
 * fuzz_outdir.c -- libFuzzer target: an output folder (CSV and JSON files)
 * -> gnuplot scripts and report.html, or an error: what `spcsim plot DIR`
 * does (sim/cli/cli_plot.c), without gnuplot.
 *
 * The input is split into files by lines "--- NAME" (NAME one of the files
 * below; a section with another name is skipped, text before the first
 * such line too):
 *
 *   --- run.json
 *   {"version": "1.0", ...}
 *   --- summary.csv
 *   scope,metric,mean,...
 *
 * Each input gets a fresh folder under $TMPDIR, removed afterwards with
 * everything the reader and the writers put there: nothing is written
 * outside it, and no state is kept between inputs.
 *
 * tests/test_fuzz.c includes this file (LLVMFuzzerTestOneInput renamed) to
 * replay the committed inputs in the test suites.
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spcsim/outdir.h"
#include "spcsim/plot.h"
#include "spcsim/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = { "run.json", "summary.csv", "timeseries.csv",
                                     "compare.csv", "sweep.csv", "chain.csv" };
#define NNAMES (sizeof names / sizeof names[0])

static void put_file(const char *dir, const char *name, const uint8_t *p, size_t n)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "ab"); /* a second section of the same name adds to it */
    if (f != NULL) {
        fwrite(p, 1, n, f);
        fclose(f);
    }
}

/* The first "\n--- " in [p, end), or NULL (memmem is not in POSIX). */
static const uint8_t *next_header(const uint8_t *p, const uint8_t *end)
{
    for (; end - p >= 5; p++)
        if (memcmp(p, "\n--- ", 5) == 0)
            return p;
    return NULL;
}

/* Writes the sections of data as files of dir. */
static void split(const char *dir, const uint8_t *data, size_t size)
{
    static const char mark[] = "--- ";
    const uint8_t *end = data + size, *p = data;
    /* a section header is "--- NAME\n" at the start of the input or of a line */
    const uint8_t *h = size >= 4 && memcmp(data, mark, 4) == 0 ? data : NULL;
    while (p < end) {
        if (h == NULL) {
            const uint8_t *nl = next_header(p, end);
            if (nl == NULL)
                return;
            h = nl + 1;
        }
        const uint8_t *nameat = h + 4;
        const uint8_t *eol = memchr(nameat, '\n', (size_t)(end - nameat));
        if (eol == NULL)
            return;
        const uint8_t *body = eol + 1;
        const uint8_t *next = next_header(body, end);
        const uint8_t *bend = next ? next + 1 : end;
        for (size_t i = 0; i < NNAMES; i++)
            if ((size_t)(eol - nameat) == strlen(names[i]) && memcmp(nameat, names[i], strlen(names[i])) == 0)
                put_file(dir, names[i], body, (size_t)(bend - body));
        p = bend;
        h = next ? next + 1 : NULL;
    }
}

/* Empties dir (it holds only files) and removes it. */
static void remove_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *e;
    char path[4096 + 256 + 2];
    while (dp != NULL && (e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    if (dp != NULL)
        closedir(dp);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/spcsim-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL)
        abort(); /* not the input's fault, but a run that tests nothing must not look fine */
    split(dir, data, size);

    /* cli_plot.c's figures(), gnuplot missing */
    spc_error err;
    spc_error_clear(&err);
    spc_outdir d;
    if (spc_outdir_read(&d, dir, &err) == SPC_OK && !spc_outdir_empty(&d)) {
        spc_plot_set set;
        if (spc_plot_write_scripts(&d, &set, &err) == SPC_OK) {
            spc_plot_remove_stale(&d, &set);
            spc_report_write(&d, &set, "gnuplot was not found (fuzzing).", &err);
        }
    }
    spc_outdir_release(&d);
    remove_dir(dir);
    return 0;
}
