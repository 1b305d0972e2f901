/*
 * test_parts.c -- a run in parts (spcsim run --part I/N, spcsim merge; also
 * compare, sweep and chain) and
 * the text that carries a replication's raw results between processes
 * (repdata.h, also what MPI ranks send to rank 0). Every comparison is
 * byte for byte or bit for bit: the same scenario and seed must give the
 * same files however the replications were split.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spcsim/experiment.h"
#include "spcsim/repdata.h"
#include "spcsim/text.h"
#include "tests.h"

/* A small company of 8 stores, 8 weeks: seconds for 5 replications. */
#define COMPANY "tests/data/calibrate/company.cfg"

/* The text of x's replications, as a part writes it (caller frees). */
static char *serialise(const spc_experiment *x, size_t *size)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, size);
    CU_ASSERT_FATAL(f != NULL);
    spc_repdata_header(f);
    for (unsigned i = 0; i < x->n; i++)
        CU_ASSERT(spc_repdata_write(f, x, i, i) == 0);
    fclose(f);
    return buf;
}

static int same_double(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

/* Every combined row and time-series value of a is b's, bit for bit. */
static void check_combined(const spc_experiment *a, const spc_experiment *b)
{
    int same = a->combined.n == b->combined.n && a->combined_ts.n == b->combined_ts.n;
    for (size_t k = 0; same && k < a->combined.n; k++) {
        const spc_estimate *x = &a->combined.rows[k].e, *y = &b->combined.rows[k].e;
        same = same_double(x->mean, y->mean) && same_double(x->lo, y->lo) && same_double(x->hi, y->hi);
    }
    for (size_t k = 0; same && k < a->combined_ts.n; k++)
        for (int c = 0; c < SPC_TS_NCOLUMNS; c++)
            same = same && same_double(a->combined_ts.rows[k].v[c], b->combined_ts.rows[k].v[c]) &&
                   same_double(a->combined_ts.rows[k].hi[c], b->combined_ts.rows[k].hi[c]);
    CU_ASSERT(same);
}

/* Written and read back, a run's replications combine into the very
 * numbers of the run; a cut-off text and a replication read twice are
 * errors naming the line. */
static void test_roundtrip(void)
{
    const char *sets[] = { "horizon=\"8w\"" };
    spc_experiment x, y;
    spc_error err;
    spc_error_clear(&err);
    tests_run_replications(COMPANY, sets, 1, 3, &x);
    size_t size;
    char *text = serialise(&x, &size);
    char filled[3] = { 0, 0, 0 };
    CU_ASSERT_FATAL(spc_experiment_alloc(&y, 3, &err) == SPC_OK);
    FILE *f = fmemopen(text, size, "r");
    CU_ASSERT(spc_repdata_read(f, "text", &y, filled, &err) == SPC_OK);
    fclose(f);
    CU_ASSERT(filled[0] && filled[1] && filled[2]);
    CU_ASSERT(spc_experiment_finish(&y, &err) == SPC_OK);
    tests_check_identical(&x, &y, "read back");
    check_combined(&x, &y);
    CU_ASSERT(y.rep_panel[2].n == x.rep_panel[2].n && y.info[1].events == x.info[1].events);
    spc_experiment_release(&y);

    /* the same text again: replication 0 is there already */
    CU_ASSERT_FATAL(spc_experiment_alloc(&y, 3, &err) == SPC_OK);
    f = fmemopen(text, size, "r");
    spc_repdata_read(f, "text", &y, filled, &err);
    fclose(f);
    CU_ASSERT(err.code == SPC_ERR_USAGE && strstr(err.msg, "text:2: replication 0 was already read") != NULL);
    spc_experiment_release(&y);

    /* cut off in the middle of replication 0's rows */
    spc_error_clear(&err);
    memset(filled, 0, sizeof filled);
    CU_ASSERT_FATAL(spc_experiment_alloc(&y, 3, &err) == SPC_OK);
    f = fmemopen(text, 400, "r");
    spc_repdata_read(f, "cut", &y, filled, &err);
    fclose(f);
    CU_ASSERT(err.code == SPC_ERR_USAGE && strncmp(err.msg, "cut:", 4) == 0);
    spc_experiment_release(&y);
    free(text);
    spc_experiment_release(&x);
}

/* spcsim with the small company's options and `more` (NULL-terminated);
 * stderr to tmp/log. The exit status. */
static int spcsim(const char *tmp, const char *log, const char *const *more)
{
    char err[600];
    snprintf(err, sizeof err, "%s/%s", tmp, log);
    const char *args[32];
    size_t n = 0;
    for (size_t i = 0; more[i] != NULL && n < 31; i++)
        args[n++] = more[i];
    args[n] = NULL;
    return tests_wait(tests_spawn(args, NULL, NULL, err));
}

static int run_part(const char *tmp, const char *out, const char *part, const char *seed)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/%s", tmp, out);
    const char *const args[] = { "run", COMPANY, "--set", "horizon=\"8w\"", "-r", "5", "-q", "--employees", "-j", "1",
                                 "-o", dir, "--seed", seed, part ? "--part" : NULL, part, NULL };
    return spcsim(tmp, "log", args);
}

/* run.json without the lines that may differ (jobs, wall_seconds, and
 * command_line: what was typed, `spcsim merge ...`). */
static char *run_json(const char *path)
{
    char *t = spc_text_read_file(path, NULL);
    for (char *s = t; s != NULL && *s;) {
        char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) + 1 : strlen(s);
        if (strstr(s, "\"jobs\":") == s + 2 || strstr(s, "\"wall_seconds\":") == s + 2 ||
            strstr(s, "\"command_line\":") == s + 2)
            memmove(s, s + len, strlen(s + len) + 1);
        else
            s += len;
    }
    return t;
}

/* Every file of tmp/a is in tmp/b with the same bytes (run.json but its
 * jobs and wall time), and b has no other. Returns the number compared. */
static int check_same_folder(const char *tmp, const char *a, const char *b)
{
    char da[600], db[600], fa[1300], fb[1300];
    snprintf(da, sizeof da, "%s/%s", tmp, a);
    snprintf(db, sizeof db, "%s/%s", tmp, b);
    int n = 0, nb = 0;
    DIR *d = opendir(da);
    CU_ASSERT_FATAL(d != NULL);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(fa, sizeof fa, "%s/%s", da, e->d_name);
        snprintf(fb, sizeof fb, "%s/%s", db, e->d_name);
        int json = strcmp(e->d_name, "run.json") == 0;
        size_t la = 0, lb = 0;
        char *x = json ? run_json(fa) : spc_text_read_file(fa, &la);
        char *y = json ? run_json(fb) : spc_text_read_file(fb, &lb);
        int same = x != NULL && y != NULL && (json ? strcmp(x, y) == 0 : la == lb && memcmp(x, y, la) == 0);
        if (!same)
            fprintf(stderr, "\n  %s: %s and %s differ", e->d_name, a, b);
        CU_ASSERT(same);
        free(x);
        free(y);
        n++;
    }
    closedir(d);
    d = opendir(db);
    CU_ASSERT_FATAL(d != NULL);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        nb += e->d_name[0] != '.';
    closedir(d);
    CU_ASSERT_EQUAL(n, nb);
    return n;
}

/* Three parts on one thread each, merged in any order, write exactly the
 * files of one run of the five replications on two threads. */
static void test_merge_identical(void)
{
    char tmp[] = "/tmp/spcsim-parts-XXXXXX", p[3][600], merged[600];
    CU_ASSERT_FATAL(mkdtemp(tmp) != NULL);
    char dir[600];
    snprintf(dir, sizeof dir, "%s/whole", tmp);
    const char *const whole[] = { "run", COMPANY, "--set", "horizon=\"8w\"", "-r", "5", "-q", "--employees", "-j", "2",
                                  "-o", dir, NULL };
    CU_ASSERT_EQUAL_FATAL(spcsim(tmp, "log", whole), 0);
    for (int i = 0; i < 3; i++) {
        char part[8], name[8];
        snprintf(part, sizeof part, "%d/3", i + 1);
        snprintf(name, sizeof name, "p%d", i + 1);
        snprintf(p[i], sizeof p[i], "%s/%s", tmp, name);
        CU_ASSERT_EQUAL(run_part(tmp, name, part, "2026"), 0);
    }
    char *raw = spc_text_read_file(strcat(strcpy(dir, p[1]), "/replications.raw"), NULL);
    CU_ASSERT(raw != NULL && strstr(raw, "\nrep\t1\t") != NULL && strstr(raw, "\nrep\t2\t") != NULL &&
              strstr(raw, "\nrep\t0\t") == NULL && strstr(raw, "\nrep\t3\t") == NULL); /* blocks 0 | 1 2 | 3 4 */
    free(raw);
    snprintf(merged, sizeof merged, "%s/merged", tmp);
    const char *const merge[] = { "merge", p[2], p[0], p[1], "-o", merged, "-q", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, "log", merge), 0);
    CU_ASSERT(check_same_folder(tmp, "whole", "merged") >= 6);

    /* a part missing, a part twice, a part of another seed: exit 2, naming the file */
    run_part(tmp, "seed99", "3/3", "99");
    char other[600];
    snprintf(other, sizeof other, "%s/seed99", tmp);
    const char *const missing[] = { "merge", p[0], p[1], "-o", merged, NULL };
    const char *const twice[] = { "merge", p[0], p[1], p[1], p[2], "-o", merged, NULL };
    const char *const seed[] = { "merge", p[0], p[1], other, "-o", merged, NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, "missing.err", missing), 2);
    CU_ASSERT_EQUAL(spcsim(tmp, "twice.err", twice), 2);
    CU_ASSERT_EQUAL(spcsim(tmp, "seed.err", seed), 2);
    char e[3][640];
    snprintf(e[0], sizeof e[0], "%s/missing.err", tmp);
    snprintf(e[1], sizeof e[1], "%s/twice.err", tmp);
    snprintf(e[2], sizeof e[2], "%s/seed.err", tmp);
    char *m0 = spc_text_read_file(e[0], NULL), *m1 = spc_text_read_file(e[1], NULL), *m2 = spc_text_read_file(e[2], NULL);
    CU_ASSERT(m0 != NULL && strstr(m0, "part 3 of 3 (replications 3 to 4)") != NULL && strstr(m0, "/p1/part.json") != NULL);
    CU_ASSERT(m1 != NULL && strstr(m1, "/p2/part.json: part 2 of 3 was given twice") != NULL);
    CU_ASSERT(m2 != NULL && strstr(m2, "/seed99/part.json: seed 99, but ") != NULL);
    free(m0);
    free(m1);
    free(m2);
    /* the failed merges left the good output as it was */
    CU_ASSERT(check_same_folder(tmp, "whole", "merged") >= 6);

    /* a part run again into its own folder (a job array's retry): replaced, the same replications */
    char file[700];
    snprintf(file, sizeof file, "%s/replications.raw", p[1]);
    char *before = spc_text_read_file(file, NULL);
    CU_ASSERT_EQUAL(run_part(tmp, "p2", "2/3", "2026"), 0);
    char *after = spc_text_read_file(file, NULL);
    CU_ASSERT(before != NULL && after != NULL && strcmp(before, after) == 0);
    free(before);
    free(after);
    /* a merge into one of its parts' folders would lose that part: exit 2, the part kept */
    const char *const onto[] = { "merge", p[0], p[1], p[2], "-o", p[2], NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, "onto.err", onto), 2);
    snprintf(file, sizeof file, "%s/onto.err", tmp);
    char *m3 = spc_text_read_file(file, NULL);
    CU_ASSERT(m3 != NULL && strstr(m3, "/p3 is the part folder ") != NULL);
    free(m3);
    snprintf(file, sizeof file, "%s/part.json", p[2]);
    CU_ASSERT(access(file, F_OK) == 0);
    tests_remove_tree(tmp);
}

/* ---- compare and sweep in parts ---- */

/* spcsim COMMAND... of the small company (head: the command and its own
 * arguments, NULL-terminated) into tmp/out, as part `part` (NULL: whole)
 * and with `seed`; stderr to tmp/log. The exit status. */
static int study(const char *tmp, const char *const *head, const char *out, const char *part, const char *seed,
                 const char *log)
{
    char dir[600];
    const char *args[32];
    size_t n = 0;
    snprintf(dir, sizeof dir, "%s/%s", tmp, out);
    for (; head[n] != NULL; n++)
        args[n] = head[n];
    const char *const tail[] = { "--set", "horizon=\"8w\"", "-r", "5", "-q", "-j", "1", "-o", dir, "--seed", seed };
    for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
        args[n++] = tail[i];
    if (part != NULL) {
        args[n++] = "--part";
        args[n++] = part;
    }
    args[n] = NULL;
    return spcsim(tmp, log, args);
}

/* spcsim merge tmp/P... -o tmp/out (names NULL-terminated); stderr to tmp/log. */
static int merge_parts(const char *tmp, const char *const *names, const char *out, const char *log)
{
    char dirs[8][600], dir[600];
    const char *args[16] = { "merge" };
    size_t n = 1;
    for (size_t i = 0; names[i] != NULL && i < 8; i++) {
        snprintf(dirs[i], sizeof dirs[i], "%s/%s", tmp, names[i]);
        args[n++] = dirs[i];
    }
    snprintf(dir, sizeof dir, "%s/%s", tmp, out);
    args[n++] = "-o";
    args[n++] = dir;
    args[n++] = "-q";
    args[n] = NULL;
    return spcsim(tmp, log, args);
}

/* The message in tmp/log contains `want`. */
static int said(const char *tmp, const char *log, const char *want)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", tmp, log);
    char *t = spc_text_read_file(path, NULL);
    int ok = t != NULL && strstr(t, want) != NULL;
    if (!ok)
        fprintf(stderr, "\n  %s: expected '%s', got '%s'", log, want, t ? t : "(nothing)");
    free(t);
    return ok;
}

static int exists(const char *tmp, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    return access(path, F_OK) == 0;
}

/* The command whole, and in three parts on one thread each merged in
 * another order: the same files, byte for byte. */
static void check_study_parts(const char *tmp, const char *const *head)
{
    CU_ASSERT_EQUAL_FATAL(study(tmp, head, "whole", NULL, "2026", "log"), 0);
    for (int i = 0; i < 3; i++) {
        char part[8], name[8];
        snprintf(part, sizeof part, "%d/3", i + 1);
        snprintf(name, sizeof name, "p%d", i + 1);
        CU_ASSERT_EQUAL(study(tmp, head, name, part, "2026", "log"), 0);
    }
    const char *const order[] = { "p3", "p1", "p2", NULL };
    CU_ASSERT_EQUAL(merge_parts(tmp, order, "merged", "log"), 0);
    CU_ASSERT(check_same_folder(tmp, "whole", "merged") >= 4);
}

/* compare's parts merged = one compare; a part missing, of another seed,
 * of a split into other parts (overlapping blocks) or of another command:
 * exit 2, the file named, nothing written. */
static void test_compare_parts(void)
{
    char tmp[] = "/tmp/spcsim-parts-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(tmp) != NULL);
    const char *const head[] = { "compare", COMPANY, "finance.price=85", NULL };
    check_study_parts(tmp, head);
    CU_ASSERT_EQUAL(study(tmp, head, "seed99", "2/3", "99", "log"), 0);
    CU_ASSERT_EQUAL(study(tmp, head, "half2", "2/2", "2026", "log"), 0);
    const char *const sweep[] = { "sweep", COMPANY, "--param", "finance.price=75,85", NULL };
    CU_ASSERT_EQUAL(study(tmp, sweep, "sweep2", "2/3", "2026", "log"), 0);
    const char *const missing[] = { "p1", "p3", NULL }, *const seed[] = { "p1", "seed99", "p3", NULL };
    const char *const overlap[] = { "p1", "half2", "p3", NULL }, *const other[] = { "p1", "sweep2", "p3", NULL };
    CU_ASSERT_EQUAL(merge_parts(tmp, missing, "bad", "missing.err"), 2);
    CU_ASSERT(said(tmp, "missing.err", "part 2 of 3 of the compare of ") && said(tmp, "missing.err", "is missing"));
    CU_ASSERT_EQUAL(merge_parts(tmp, seed, "bad", "seed.err"), 2);
    CU_ASSERT(said(tmp, "seed.err", "/seed99/experiment-0.resolved.cfg: not the scenario"));
    CU_ASSERT_EQUAL(merge_parts(tmp, overlap, "bad", "overlap.err"), 2);
    CU_ASSERT(said(tmp, "overlap.err", "/half2/part.json: part 2 of 2 of compare"));
    CU_ASSERT_EQUAL(merge_parts(tmp, other, "bad", "other.err"), 2);
    CU_ASSERT(said(tmp, "other.err", "/sweep2/part.json: part 2 of 3 of sweep"));
    CU_ASSERT(!exists(tmp, "bad"));
    tests_remove_tree(tmp);
}

/* chain's parts merged = one chain, byte for byte: the lever search's runs
 * whole in every part, the decomposition's variants in blocks. Parts whose
 * search went another way (another --esat-delta: another lever value; or
 * another --search-replications: other replications of the same run):
 * exit 2, the part's file named, nothing written. */
static void test_chain_parts(void)
{
    char tmp[] = "/tmp/spcsim-parts-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(tmp) != NULL);
    const char *const head[] = { "chain", COMPANY, "--search-replications", "2", "--decompose", NULL };
    check_study_parts(tmp, head);
    char path[700];
    snprintf(path, sizeof path, "%s/p2/part.json", tmp);
    char *json = spc_text_read_file(path, NULL); /* the search whole, the decomposition's 11 variants not */
    CU_ASSERT(json != NULL && strstr(json, "\"whole\": [\n    0,\n") != NULL && strstr(json, "\"experiments\": ") != NULL);
    free(json);
    snprintf(path, sizeof path, "%s/p2/experiment-0.raw", tmp);
    char *raw = spc_text_read_file(path, NULL); /* the base decides the target: every replication in every part */
    CU_ASSERT(raw != NULL && strstr(raw, "\nrep\t0\t") != NULL && strstr(raw, "\nrep\t4\t") != NULL);
    free(raw);
    int k = 0; /* the last run, the decomposition's last variant: part 2's block only (replications 1 and 2) */
    do
        snprintf(path, sizeof path, "%s/p2/experiment-%d.raw", tmp, ++k);
    while (access(path, F_OK) == 0);
    snprintf(path, sizeof path, "%s/p2/experiment-%d.raw", tmp, k - 1);
    raw = spc_text_read_file(path, NULL);
    CU_ASSERT(k > 12 && raw != NULL && strstr(raw, "\nrep\t1\t") != NULL && strstr(raw, "\nrep\t0\t") == NULL &&
              strstr(raw, "\nrep\t3\t") == NULL);
    free(raw);
    const char *const delta[] = { "chain", COMPANY, "--search-replications", "2", "--decompose", "--esat-delta", "5.2%",
                                  NULL };
    const char *const search3[] = { "chain", COMPANY, "--search-replications", "3", "--decompose", NULL };
    CU_ASSERT_EQUAL(study(tmp, delta, "delta", "2/3", "2026", "log"), 0);
    CU_ASSERT_EQUAL(study(tmp, search3, "search3", "2/3", "2026", "log"), 0);
    const char *const bad_delta[] = { "p1", "delta", "p3", NULL }, *const bad_search[] = { "p3", "search3", "p1", NULL };
    CU_ASSERT_EQUAL(merge_parts(tmp, bad_delta, "bad", "delta.err"), 2);
    CU_ASSERT(said(tmp, "delta.err", "/delta/") && said(tmp, "delta.err", "not parts of the same command"));
    CU_ASSERT_EQUAL(merge_parts(tmp, bad_search, "bad", "search.err"), 2);
    CU_ASSERT(said(tmp, "search.err", "/search3/experiment-1.raw: run 1 of the lever search gave other replications"));
    CU_ASSERT(!exists(tmp, "bad"));
    /* -r 1 is one replication in parts too (it ran 10, silently): the
     * decomposition's variants cannot be split in 2 parts, said so */
    char one[600];
    snprintf(one, sizeof one, "%s/one", tmp);
    const char *const r1[] = { "chain", COMPANY, "--decompose", "--set", "horizon=\"8w\"", "-r", "1", "-q", "-j", "1",
                               "-o", one, "--part", "1/2", NULL };
    CU_ASSERT_EQUAL(spcsim(tmp, "one.err", r1), 2);
    CU_ASSERT(said(tmp, "one.err", "--part 1/2: more parts than the 1 replications") && !exists(tmp, "one"));
    tests_remove_tree(tmp);
}

/* sweep's parts merged = one sweep. */
static void test_sweep_parts(void)
{
    char tmp[] = "/tmp/spcsim-parts-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(tmp) != NULL);
    const char *const head[] = { "sweep", COMPANY, "--param", "finance.price=75,85", NULL };
    check_study_parts(tmp, head);
    /* a sensitivity design's part (points.csv, no part.json): merged by sensitivity --merge, said so */
    char dir[700];
    snprintf(dir, sizeof dir, "%s/sens", tmp);
    CU_ASSERT_FATAL(mkdir(dir, 0700) == 0);
    strcat(dir, "/points.csv");
    FILE *f = fopen(dir, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("point,finance.price,customers/csat,customers/csat:noise,unreached\n", f);
    fclose(f);
    const char *const sens[] = { "sens", NULL };
    CU_ASSERT_EQUAL(merge_parts(tmp, sens, "bad", "sens.err"), 2);
    CU_ASSERT(said(tmp, "sens.err", "a part of a sensitivity design; merge its parts with spcsim sensitivity") &&
              !exists(tmp, "bad"));
    tests_remove_tree(tmp);
}

int tests_parts(void)
{
    static const CU_TestInfo tests[] = {
        { "replications written and read back combine into the run's numbers; bad text named", test_roundtrip },
        { "three parts merged = one run, byte for byte; bad merges named", test_merge_identical },
        { "compare in three parts merged = one compare, byte for byte; bad merges named", test_compare_parts },
        { "sweep in three parts merged = one sweep, byte for byte; a sensitivity part sent to sensitivity --merge",
          test_sweep_parts },
        { "chain in three parts merged = one chain, byte for byte (the search whole in every part); parts of "
          "another search named", test_chain_parts },
        CU_TEST_INFO_NULL,
    };
    return tests_add_suite("parts", tests);
}
