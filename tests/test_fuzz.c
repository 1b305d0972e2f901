/*
 * test_fuzz.c -- the fuzz targets' committed inputs, replayed by the suites.
 *
 * Every file of tests/fuzz/corpus/NAME/ (the seeds and what fuzzing found
 * worth keeping) and tests/fuzz/crashes/NAME/ (inputs that once crashed a
 * target, kept after the fix) goes through the target's own function, the
 * same code libFuzzer calls. So `make check SANITIZE=1` and `make memcheck`
 * see what the fuzzer saw, without clang or libFuzzer; a sanitizer report
 * stops the runner as it stops the fuzzer.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#define LLVMFuzzerTestOneInput fuzz_scenario_input
#include "fuzz/fuzz_scenario.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_outdir_input
#include "fuzz/fuzz_outdir.c"
#undef LLVMFuzzerTestOneInput

/* Replays every file of dir through target; returns how many. */
static size_t replay_dir(const char *dir, int (*target)(const uint8_t *, size_t))
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        /* the whole file, NUL bytes and all */
        long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
        uint8_t *buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
        int ok = buf != NULL && fseek(f, 0, SEEK_SET) == 0 && fread(buf, 1, (size_t)size, f) == (size_t)size;
        fclose(f);
        CU_ASSERT(ok);
        if (ok)
            CU_ASSERT_EQUAL(target(buf, (size_t)size), 0);
        free(buf);
        n++;
    }
    closedir(d);
    return n;
}

static void test_scenario_inputs(void)
{
    size_t n = replay_dir("tests/fuzz/corpus/scenario", fuzz_scenario_input) +
               replay_dir("tests/fuzz/crashes/scenario", fuzz_scenario_input);
    (void)n;
    /* the loader's seeds are the tree's scenarios and fixtures, read by the other suites */
}

static void test_outdir_inputs(void)
{
    size_t n = replay_dir("tests/fuzz/corpus/outdir", fuzz_outdir_input) +
               replay_dir("tests/fuzz/crashes/outdir", fuzz_outdir_input);
    CU_ASSERT(n >= 5); /* at least the seeds: a run, a company, compare, sweep, chain */
}

static const CU_TestInfo tests[] = {
    { "scenario loader: the committed fuzz inputs", test_scenario_inputs },
    { "output-folder reader: the committed fuzz inputs", test_outdir_inputs },
    CU_TEST_INFO_NULL,
};

int tests_fuzz(void)
{
    return tests_add_suite("fuzz", tests);
}
