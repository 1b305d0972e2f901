/*
 * test_outdir.c -- output folders all or nothing (stage.h): a re-run killed
 * at every write point, a full disk, SIGINT and SIGTERM, a planted
 * symbolic link, stale files, validation errors, leftovers of killed runs.
 *
 * The binary is $SPCSIM (./spcsim otherwise), started with posix_spawn,
 * no shell. "The same output" means every file of the folder, the same
 * names and the same bytes, except run.json's wall_seconds and
 * command_line lines (the clock, and the -o folder typed).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "spcsim/text.h"
#include "tests.h"

extern char **environ;

#define TANDEM "scenarios/validation/tandem3.cfg"
#define SHORT "horizon=2000"

/* ---- folders ---- */

static void path_join(char *buf, size_t size, const char *dir, const char *name)
{
    int n = snprintf(buf, size, "%s/%s", dir, name);
    CU_ASSERT_FATAL(n >= 0 && (size_t)n < size);
}

static void make_tmp(char *dir, size_t size)
{
    snprintf(dir, size, "/tmp/spcsim-outdir-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* Entries of dir starting with `prefix` (all when ""); -1 when unreadable. */
static int count_prefixed(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
            strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            n++;
    closedir(d);
    return n;
}

/* A folder's files, sorted by name: "name\n" + bytes, run.json without
 * its wall_seconds and command_line lines; a subfolder or link is recorded as such. */
typedef struct {
    size_t n;
    char *name[64];
    char *text[64];
} snapshot;

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *file_text(const char *dir, const char *name)
{
    char path[2048];
    path_join(path, sizeof path, dir, name);
    struct stat st;
    if (lstat(path, &st) != 0)
        return strdup("(gone)");
    if (!S_ISREG(st.st_mode))
        return strdup(S_ISLNK(st.st_mode) ? "(link)" : "(not a file)");
    char *t = spc_text_read_file(path, NULL);
    if (t == NULL)
        return strdup("(unreadable)");
    static const char *const varies[] = { "  \"wall_seconds\": ", "  \"command_line\": " };
    for (size_t i = 0; i < 2 && strcmp(name, "run.json") == 0; i++) {
        char *w = strstr(t, varies[i]), *end = w != NULL ? strchr(w, '\n') : NULL;
        if (end != NULL)
            memmove(w, end + 1, strlen(end + 1) + 1);
    }
    return t;
}

static void snap(const char *dir, snapshot *s)
{
    memset(s, 0, sizeof *s);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL && s->n < 64)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            s->name[s->n++] = strdup(e->d_name);
    if (d != NULL)
        closedir(d);
    qsort(s->name, s->n, sizeof s->name[0], by_name);
    for (size_t i = 0; i < s->n; i++)
        s->text[i] = file_text(dir, s->name[i]);
}

static void snap_free(snapshot *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->name[i]);
        free(s->text[i]);
    }
    memset(s, 0, sizeof *s);
}

static int snap_equal(const snapshot *a, const snapshot *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->name[i], b->name[i]) != 0 || strcmp(a->text[i], b->text[i]) != 0)
            return 0;
    return 1;
}

/* dir as a copy of the files of `from` (the folder of snapshot s). */
static void copy_folder(const char *from, const char *dir)
{
    tests_remove_tree(dir);
    CU_ASSERT_FATAL(mkdir(dir, 0755) == 0);
    DIR *d = opendir(from);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char src[2048], dst[2048];
        path_join(src, sizeof src, from, e->d_name);
        path_join(dst, sizeof dst, dir, e->d_name);
        size_t len = 0;
        char *t = spc_text_read_file(src, &len);
        FILE *f = fopen(dst, "wb");
        CU_ASSERT(t != NULL && f != NULL);
        if (t != NULL && f != NULL)
            fwrite(t, 1, len, f);
        if (f != NULL)
            fclose(f);
        free(t);
    }
    if (d != NULL)
        closedir(d);
}

/* ---- running the program ---- */

typedef struct {
    int code;   /* exit status, or 128 + the signal that killed it */
    char *err;  /* captured stderr, never NULL */
    char *out;  /* captured stdout, never NULL */
} run_result;

/* Starts spcsim with args and extra environment (NULL-terminated each),
 * stdout to tmp/stdout, stderr to tmp/stderr. Returns its pid, -1 on failure. */
static pid_t start(const char *tmp, const char *const *env, const char *const *args)
{
    char err[1024], out[1024];
    path_join(err, sizeof err, tmp, "stderr");
    path_join(out, sizeof out, tmp, "stdout");
    return tests_spawn(args, env, out, err);
}

static run_result finish(const char *tmp, pid_t pid)
{
    run_result r = { tests_wait(pid), NULL, NULL };
    char err[1024];
    path_join(err, sizeof err, tmp, "stderr");
    r.err = spc_text_read_file(err, NULL);
    if (r.err == NULL)
        r.err = strdup("");
    unlink(err);
    char out[1024];
    path_join(out, sizeof out, tmp, "stdout");
    r.out = spc_text_read_file(out, NULL);
    if (r.out == NULL)
        r.out = strdup("");
    unlink(out);
    return r;
}

static run_result run(const char *tmp, const char *const *env, const char *const *args)
{
    return finish(tmp, start(tmp, env, args));
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* A short tandem3 run with `seed` into dir: exit 0 expected. */
static void run_seed(const char *tmp, const char *dir, const char *seed)
{
    const char *args[] = { "run", TANDEM, "--set", SHORT, "--seed", seed, "-q", "-o", dir, NULL };
    run_result r = run(tmp, NULL, args);
    CU_ASSERT_EQUAL(r.code, 0);
    free(r.err);
    free(r.out);
}

/* ---- (a), (b), (g): a re-run failing at every write point ---- */

/* Re-runs seed 2 into out (holding seed 1's output) with the fault at each
 * write point k = 1, 2, ... until a run completes; each time out must be
 * the whole old output or the whole new one. Returns the points counted. */
static int fault_loop(const char *tmp, const char *kind, const char *more_env)
{
    char out[1024], old[1024], ref[1024];
    path_join(out, sizeof out, tmp, "out");
    path_join(old, sizeof old, tmp, "old");
    path_join(ref, sizeof ref, tmp, "ref");
    run_seed(tmp, old, "1");
    run_seed(tmp, ref, "2");
    snapshot s_old, s_new;
    snap(old, &s_old);
    snap(ref, &s_new);
    CU_ASSERT(s_old.n >= 8 && !snap_equal(&s_old, &s_new));
    int k = 1, as_old = 0, as_new = 0;
    for (; k < 60; k++) {
        copy_folder(old, out);
        char at[64], fault[64];
        snprintf(at, sizeof at, "SPCSIM_FAULT_AFTER_WRITES=%d", k);
        snprintf(fault, sizeof fault, "SPCSIM_FAULT=%s", kind);
        const char *env[] = { at, fault, more_env, NULL };
        const char *args[] = { "run", TANDEM, "--set", SHORT, "--seed", "2", "-q", "-o", out, NULL };
        run_result r = run(tmp, env, args);
        snapshot now;
        snap(out, &now);
        int is_old = snap_equal(&now, &s_old), is_new = snap_equal(&now, &s_new);
        if (!is_old && !is_new)
            fprintf(stderr, "\n  %s at write %d: exit %d, the folder is neither the old nor the new output", kind, k,
                    r.code);
        CU_ASSERT(is_old || is_new);
        as_old += is_old;
        as_new += is_new;
        snap_free(&now);
        if (strcmp(kind, "enospc") == 0 && r.code != 0) {
            /* a failed write: exit 5, one line, nothing of the run left (after the exchange it succeeds) */
            CU_ASSERT_EQUAL(r.code, 5);
            CU_ASSERT_EQUAL(count_lines(r.err), 1);
            CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "No space left on device"));
            CU_ASSERT(is_old);
            CU_ASSERT_EQUAL(count_prefixed(tmp, ".out.spcsim-staging-"), 0);
        }
        if (strcmp(kind, "kill") == 0 && r.code != 0)
            CU_ASSERT_EQUAL(r.code, 128 + SIGKILL);
        int done = r.code == 0;
        free(r.err);
    free(r.out);
        if (done)
            break;
    }
    CU_ASSERT(k < 60 && k > 8);
    CU_ASSERT(as_old > 0 && as_new > 0);
    /* (g) a killed run's staging folder is cleaned by the next run into out */
    CU_ASSERT_EQUAL(count_prefixed(tmp, ".out.spcsim-staging-"), 0);
    snap_free(&s_old);
    snap_free(&s_new);
    return k;
}

static void test_killed_at_every_write(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    fault_loop(tmp, "kill", NULL);
    tests_remove_tree(tmp);
}

/* The same through the fallback for filesystems without RENAME_EXCHANGE. */
static void test_killed_fallback(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    fault_loop(tmp, "kill", "SPCSIM_NO_EXCHANGE=1");
    tests_remove_tree(tmp);
}

static void test_full_disk_at_every_write(void)
{
    char tmp[64];
    make_tmp(tmp, sizeof tmp);
    fault_loop(tmp, "enospc", NULL);
    tests_remove_tree(tmp);
}

/* Mounts a tmpfs of `size` on dir; 0, or -1 when not permitted here. */
static int mount_tmpfs(const char *dir, const char *size)
{
    char opt[64];
    snprintf(opt, sizeof opt, "size=%s", size);
    const char *args[] = { "/bin/mount", "-t", "tmpfs", "-o", opt, "tmpfs", dir, NULL };
    pid_t pid;
    int status = -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    int rc = posix_spawn(&pid, args[0], &fa, NULL, (char *const *)args, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return 0;
}

static void unmount(const char *dir)
{
    const char *args[] = { "/bin/umount", dir, NULL };
    pid_t pid;
    int status;
    if (posix_spawn(&pid, args[0], NULL, NULL, (char *const *)args, environ) == 0)
        waitpid(pid, &status, 0);
}

/* plot DIR killed at every write point: DIR is the old folder (drawn
 * without gnuplot: scripts, no figures) or the redrawn one, never a mix. */
static void test_plot_killed_at_every_write(void)
{
    char tmp[64], out[1024], old[1024], ref[1024];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    path_join(old, sizeof old, tmp, "old");
    path_join(ref, sizeof ref, tmp, "ref");
    const char *no_gnuplot[] = { "SPCSIM_GNUPLOT=/nonexistent/gnuplot", NULL };
    const char *args[] = { "run", TANDEM, "--set", SHORT, "-q", "-o", old, NULL };
    run_result r = run(tmp, no_gnuplot, args);
    CU_ASSERT_EQUAL(r.code, 0);
    free(r.err);
    free(r.out);
    copy_folder(old, ref);
    const char *plot_ref[] = { "plot", ref, "-q", NULL };
    r = run(tmp, NULL, plot_ref);
    CU_ASSERT_EQUAL(r.code, 0);
    free(r.err);
    free(r.out);
    snapshot s_old, s_new;
    snap(old, &s_old);
    snap(ref, &s_new);
    CU_ASSERT(!snap_equal(&s_old, &s_new));
    int k = 1, as_old = 0, as_new = 0;
    for (; k < 60; k++) {
        copy_folder(old, out);
        char at[64];
        snprintf(at, sizeof at, "SPCSIM_FAULT_AFTER_WRITES=%d", k);
        const char *env[] = { at, "SPCSIM_FAULT=kill", NULL };
        const char *plot[] = { "plot", out, "-q", NULL };
        r = run(tmp, env, plot);
        snapshot now;
        snap(out, &now);
        int is_old = snap_equal(&now, &s_old), is_new = snap_equal(&now, &s_new);
        CU_ASSERT(is_old || is_new);
        as_old += is_old;
        as_new += is_new;
        snap_free(&now);
        int done = r.code == 0;
        free(r.err);
        free(r.out);
        if (done)
            break;
    }
    CU_ASSERT(k < 60 && as_old > 0 && as_new > 0);
    snap_free(&s_old);
    snap_free(&s_new);
    tests_remove_tree(tmp);
}

/* A real small filesystem, when this process may mount one: 64k holds no
 * output (exit 5, nothing left); 360k holds one output (about 240k with
 * its SVG figures) but not two, so a re-run fails for want of space and
 * leaves the old output as it was. */
static void test_small_tmpfs(void)
{
    char tmp[64], small[1024], out[1024];
    make_tmp(tmp, sizeof tmp);
    path_join(small, sizeof small, tmp, "small");
    CU_ASSERT_FATAL(mkdir(small, 0755) == 0);
    if (mount_tmpfs(small, "64k") != 0) {
        fprintf(stderr, "\n  note: mount -t tmpfs is not permitted here: the real full-disk variants are "
                        "skipped (the fault-injected ENOSPC test runs)\n");
        tests_remove_tree(tmp);
        return;
    }
    path_join(out, sizeof out, small, "out");
    const char *args[] = { "run", TANDEM, "--set", SHORT, "-q", "-o", out, NULL };
    run_result r = run(tmp, NULL, args);
    CU_ASSERT_EQUAL(r.code, 5);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    free(r.err);
    free(r.out);
    CU_ASSERT_EQUAL(count_prefixed(small, ""), 0); /* no staging, no partial out */
    unmount(small);
    if (mount_tmpfs(small, "360k") == 0) {
        run_seed(tmp, out, "1");
        snapshot before, after;
        snap(out, &before);
        const char *again[] = { "run", TANDEM, "--set", SHORT, "--seed", "2", "-q", "-o", out, NULL };
        r = run(tmp, NULL, again);
        CU_ASSERT_EQUAL(r.code, 5);
        CU_ASSERT_EQUAL(count_lines(r.err), 1);
        CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "No space left on device"));
        free(r.err);
        free(r.out);
        snap(out, &after);
        CU_ASSERT(before.n > 8 && snap_equal(&before, &after));
        CU_ASSERT_EQUAL(count_prefixed(small, ""), 1); /* out, no staging */
        snap_free(&before);
        snap_free(&after);
        unmount(small);
    }
    tests_remove_tree(tmp);
}

/* ---- (c) SIGINT and SIGTERM ---- */

static void interrupt_run(int sig)
{
    char tmp[64], out[1024], copy[1024];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    path_join(copy, sizeof copy, tmp, "copy");
    run_seed(tmp, out, "1");
    snapshot before, after;
    snap(out, &before);
    /* a run that would take hours (beyond the cost limits: --force), stopped after a moment */
    const char *args[] = { "run", TANDEM, "-r", "100000", "-j", "2", "-q", "--force", "-o", out, NULL };
    pid_t pid = start(tmp, NULL, args);
    CU_ASSERT_FATAL(pid > 0);
    struct timespec pause = { 0, 300 * 1000 * 1000 };
    nanosleep(&pause, NULL);
    kill(pid, sig);
    run_result r = finish(tmp, pid);
    CU_ASSERT_EQUAL(r.code, 128 + sig);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, sig == SIGINT ? "stopped by SIGINT" : "stopped by SIGTERM"));
    free(r.err);
    free(r.out);
    snap(out, &after);
    CU_ASSERT(snap_equal(&before, &after));
    CU_ASSERT_EQUAL(count_prefixed(tmp, ".out.spcsim-staging-"), 0);
    snap_free(&before);
    snap_free(&after);
    tests_remove_tree(tmp);
}

/* --keep-partial: the k replications that completed, a whole output that
 * says so; the resolved scenario reproduces it. */
static void test_keep_partial(void)
{
    char tmp[64], out[1024], again[1024], cfg[1100];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    path_join(again, sizeof again, tmp, "again");
    const char *args[] = { "run", TANDEM, "--set", "horizon=2000", "-r", "100000", "-j", "2", "--keep-partial",
                           "--force", "-o", out, NULL };
    /* The signal must come after at least one replication has completed:
     * a loaded machine or a sanitizer build may need longer, so the pause
     * doubles (0.5 s, 1 s, ... 8 s) until one has. */
    run_result r = { 0 };
    for (long ms = 500; ms <= 8000; ms *= 2) {
        pid_t pid = start(tmp, NULL, args);
        CU_ASSERT_FATAL(pid > 0);
        struct timespec pause = { ms / 1000, (ms % 1000) * 1000 * 1000 };
        nanosleep(&pause, NULL);
        kill(pid, SIGINT);
        r = finish(tmp, pid);
        if (strstr(r.err, "kept the ") != NULL || ms == 8000)
            break;
        free(r.err);
        free(r.out);
    }
    CU_ASSERT_EQUAL(r.code, 130);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "stopped by SIGINT: kept the "));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "partial: stopped by SIGINT after "));
    free(r.err);
    free(r.out);
    char json[1100];
    path_join(json, sizeof json, out, "run.json");
    char *text = spc_text_read_file(json, NULL);
    CU_ASSERT(text != NULL && strstr(text, "  \"partial\": true,\n  \"replications_requested\": 100000,\n"
                                           "  \"stopped_by\": \"SIGINT\",\n") != NULL);
    free(text);
    CU_ASSERT_EQUAL(count_prefixed(tmp, ".out.spcsim-staging-"), 0);
    path_join(cfg, sizeof cfg, out, "scenario.resolved.cfg");
    const char *rerun[] = { "run", cfg, "-q", "-o", again, NULL };
    r = run(tmp, NULL, rerun);
    CU_ASSERT_EQUAL(r.code, 0);
    free(r.err);
    free(r.out);
    char a[1100], b[1100];
    path_join(a, sizeof a, out, "summary.csv");
    path_join(b, sizeof b, again, "summary.csv");
    char *ta = spc_text_read_file(a, NULL), *tb = spc_text_read_file(b, NULL);
    CU_ASSERT(ta != NULL && tb != NULL && strcmp(ta, tb) == 0);
    free(ta);
    free(tb);
    tests_remove_tree(tmp);
}

static void test_sigint(void) { interrupt_run(SIGINT); }
static void test_sigterm(void) { interrupt_run(SIGTERM); }

/* ---- (d) a planted symbolic link ---- */

static void test_symlink_not_followed(void)
{
    char tmp[64], out[1024], victim[1024], link[1024];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    path_join(victim, sizeof victim, tmp, "victim");
    run_seed(tmp, out, "1");
    FILE *f = fopen(victim, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("victim\n", f);
    fclose(f);
    const char *names[] = { "stages.svg", "summary.csv", "report.html", "stages.gp" };
    for (size_t i = 0; i < 4; i++) {
        path_join(link, sizeof link, out, names[i]);
        unlink(link);
        CU_ASSERT(symlink(victim, link) == 0);
    }
    run_seed(tmp, out, "2");
    /* plot DIR: links in place of the figures and the report are dropped, not followed */
    const char *plot[] = { "plot", out, "-q", NULL };
    for (size_t i = 0; i < 4; i += 2) {
        path_join(link, sizeof link, out, names[i]);
        unlink(link);
        CU_ASSERT(symlink(victim, link) == 0);
    }
    run_result r = run(tmp, NULL, plot);
    CU_ASSERT_EQUAL(r.code, 0);
    free(r.err);
    free(r.out);
    char *text = spc_text_read_file(victim, NULL);
    CU_ASSERT(text != NULL && strcmp(text, "victim\n") == 0);
    free(text);
    struct stat st;
    for (size_t i = 0; i < 4; i++) {
        path_join(link, sizeof link, out, names[i]);
        CU_ASSERT(lstat(link, &st) == 0 && S_ISREG(st.st_mode));
    }
    tests_remove_tree(tmp);
}

/* ---- (e) stale files ---- */

static void test_stale_files_gone(void)
{
    char tmp[64], out[1024], panel[1024];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    path_join(panel, sizeof panel, out, "panel.csv");
    const char *with[] = { "run", "scenarios/baseline.cfg", "--set", "horizon=\"8w\"", "--set", "warmup=\"1w\"",
                           "-r", "1", "-q", "-o", out, NULL };
    run_result r = run(tmp, NULL, with);
    CU_ASSERT_EQUAL(r.code, 0);
    free(r.err);
    free(r.out);
    CU_ASSERT(exists(panel));
    run_seed(tmp, out, "1");
    CU_ASSERT_FALSE(exists(panel));
    tests_remove_tree(tmp);
}

/* ---- (f) nothing made on a validation error ---- */

static void expect_nothing(const char *tmp, const char *const *args, int code, const char *says)
{
    run_result r = run(tmp, NULL, args);
    CU_ASSERT_EQUAL(r.code, code);
    CU_ASSERT_EQUAL(count_lines(r.err), 1);
    if (strstr(r.err, says) == NULL)
        fprintf(stderr, "\n  expected '%s' in: %s", says, r.err);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, says));
    free(r.err);
    free(r.out);
    CU_ASSERT_EQUAL(count_prefixed(tmp, ""), 0);
}

static void test_nothing_on_errors(void)
{
    char tmp[64], out[1024], deep[4600];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "a/b/out");
    const char *metric[] = { "run", TANDEM, "--set", SHORT, "-q", "-o", out, "--precision", "system/nope=0.1", NULL };
    expect_nothing(tmp, metric, 2, "no metric system/nope");
    const char *empty[] = { "run", TANDEM, "--set", SHORT, "-q", "-o", "", NULL };
    expect_nothing(tmp, empty, 5, "output folder name is empty");
    size_t n = (size_t)snprintf(deep, sizeof deep, "%s", tmp);
    for (int i = 0; i < 18 && n + 252 < sizeof deep; i++)
        n += (size_t)snprintf(deep + n, sizeof deep - n, "/%0250d", i);
    const char *longer[] = { "run", TANDEM, "--set", SHORT, "-q", "-o", deep, NULL };
    expect_nothing(tmp, longer, 5, "too long");
    const char *bad[] = { "run", TANDEM, "--set", "stages.[0].servers=0", "-q", "-o", out, NULL };
    expect_nothing(tmp, bad, 4, "servers");
    tests_remove_tree(tmp);
}

/* ---- (g) leftovers of killed runs: only their own pattern ---- */

static void test_leftovers_cleaned(void)
{
    char tmp[64], out[1024], p[1024];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    const char *left[] = { ".out.spcsim-staging-abc123", ".out.spcsim-staging-Z9y8X7" };
    const char *others[] = { ".out.spcsim-staging-x", ".other.spcsim-staging-abc123", "out2" };
    for (size_t i = 0; i < 2; i++) {
        path_join(p, sizeof p, tmp, left[i]);
        CU_ASSERT(mkdir(p, 0755) == 0);
        char f[1100];
        path_join(f, sizeof f, p, "summary.csv");
        FILE *fp = fopen(f, "w");
        if (fp != NULL)
            fclose(fp);
    }
    for (size_t i = 0; i < 3; i++) {
        path_join(p, sizeof p, tmp, others[i]);
        CU_ASSERT(mkdir(p, 0755) == 0);
    }
    run_seed(tmp, out, "1");
    for (size_t i = 0; i < 2; i++) {
        path_join(p, sizeof p, tmp, left[i]);
        CU_ASSERT_FALSE(exists(p));
    }
    for (size_t i = 0; i < 3; i++) {
        path_join(p, sizeof p, tmp, others[i]);
        CU_ASSERT(exists(p));
    }
    tests_remove_tree(tmp);
}

/* A fallback exchange killed between its two renames left OUT missing and
 * the old output in the -old folder: the next run puts it back, even when
 * that run then fails. */
static void test_fallback_window_restored(void)
{
    char tmp[64], out[1024], old[1024], ref[1024];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    path_join(old, sizeof old, tmp, ".out.spcsim-staging-q1W2e3-old");
    path_join(ref, sizeof ref, tmp, "ref");
    run_seed(tmp, ref, "1");
    copy_folder(ref, old);
    const char *env[] = { "SPCSIM_FAULT_AFTER_WRITES=1", NULL };
    const char *args[] = { "run", TANDEM, "--set", SHORT, "--seed", "2", "-q", "-o", out, NULL };
    run_result r = run(tmp, env, args);
    CU_ASSERT_EQUAL(r.code, 5);
    free(r.err);
    free(r.out);
    snapshot a, b;
    snap(out, &a);
    snap(ref, &b);
    CU_ASSERT(snap_equal(&a, &b));
    snap_free(&a);
    snap_free(&b);
    CU_ASSERT_FALSE(exists(old));
    tests_remove_tree(tmp);
}

/* --trace: not inside the output folder; its folder is not created; a
 * temporary trace of a killed run is removed; a link at FILE is replaced. */
static void test_trace_file(void)
{
    char tmp[64], out[1024], inside[1100], nodir[1024], left[1024], t[1024], victim[1024];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    run_seed(tmp, out, "1");
    path_join(inside, sizeof inside, out, "t.log");
    const char *in[] = { "run", TANDEM, "--set", SHORT, "-q", "-o", out, "--trace", inside, NULL };
    run_result r = run(tmp, NULL, in);
    CU_ASSERT_EQUAL(r.code, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "outside the output folder"));
    free(r.err);
    free(r.out);
    CU_ASSERT_FALSE(exists(inside));
    path_join(nodir, sizeof nodir, tmp, "nodir/t.log");
    const char *no[] = { "run", TANDEM, "--set", SHORT, "-q", "-o", out, "--trace", nodir, NULL };
    r = run(tmp, NULL, no);
    CU_ASSERT_EQUAL(r.code, 5);
    free(r.err);
    free(r.out);
    path_join(nodir, sizeof nodir, tmp, "nodir");
    CU_ASSERT_FALSE(exists(nodir));
    path_join(left, sizeof left, tmp, ".t.log.spcsim-staging-a1B2c3");
    path_join(t, sizeof t, tmp, "t.log");
    path_join(victim, sizeof victim, tmp, "victim");
    FILE *f = fopen(left, "w");
    CU_ASSERT_FATAL(f != NULL);
    fclose(f);
    f = fopen(victim, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs("victim\n", f);
    fclose(f);
    CU_ASSERT(symlink(victim, t) == 0);
    const char *ok[] = { "run", TANDEM, "--set", SHORT, "-q", "-o", out, "--trace", t, NULL };
    r = run(tmp, NULL, ok);
    CU_ASSERT_EQUAL(r.code, 0);
    free(r.err);
    free(r.out);
    CU_ASSERT_FALSE(exists(left));
    struct stat st;
    CU_ASSERT(lstat(t, &st) == 0 && S_ISREG(st.st_mode));
    char *text = spc_text_read_file(victim, NULL);
    CU_ASSERT(text != NULL && strcmp(text, "victim\n") == 0);
    free(text);
    tests_remove_tree(tmp);
}

/* Whether process pid is gone within about two seconds. */
/* Whether pid is gone within 5 s (a loaded machine may take a while to
 * deliver the parent-death signal and reap). */
static int gone(pid_t pid)
{
    struct timespec step = { 0, 50 * 1000 * 1000 };
    for (int i = 0; i < 100; i++) {
        if (kill(pid, 0) != 0 && errno == ESRCH)
            return 1;
        nanosleep(&step, NULL);
    }
    return 0;
}

/* A stop while gnuplot draws: gnuplot (a stand-in that sleeps) is stopped
 * with spcsim, by SIGINT (exit 130, OUT untouched) and by kill -9 of
 * spcsim (it dies with its parent). */
static void gnuplot_stopped(int sig)
{
    char tmp[64], out[1024], fake[1024], pidfile[1024], env[1100];
    make_tmp(tmp, sizeof tmp);
    path_join(out, sizeof out, tmp, "out");
    path_join(fake, sizeof fake, tmp, "fake-gnuplot");
    path_join(pidfile, sizeof pidfile, tmp, "gnuplot.pid");
    run_seed(tmp, out, "1");
    snapshot before, after;
    snap(out, &before);
    FILE *f = fopen(fake, "w");
    CU_ASSERT_FATAL(f != NULL);
    fprintf(f, "#!/bin/sh\necho $$ > %s\nexec sleep 30\n", pidfile);
    fclose(f);
    chmod(fake, 0755);
    snprintf(env, sizeof env, "SPCSIM_GNUPLOT=%s", fake);
    const char *envs[] = { env, NULL };
    const char *args[] = { "run", TANDEM, "--set", SHORT, "--seed", "2", "-q", "-o", out, NULL };
    pid_t pid = start(tmp, envs, args);
    CU_ASSERT_FATAL(pid > 0);
    struct timespec step = { 0, 50 * 1000 * 1000 };
    char *text = NULL;
    for (int i = 0; i < 100 && (text == NULL || strchr(text, '\n') == NULL); i++) {
        free(text);
        nanosleep(&step, NULL);
        text = spc_text_read_file(pidfile, NULL);
    }
    CU_ASSERT_FATAL(text != NULL);
    pid_t child = (pid_t)atol(text);
    free(text);
    kill(pid, sig);
    run_result r = finish(tmp, pid);
    CU_ASSERT_EQUAL(r.code, 128 + sig);
    if (sig != SIGKILL)
        CU_ASSERT_EQUAL(count_lines(r.err), 1);
    free(r.err);
    free(r.out);
    CU_ASSERT(child > 0 && gone(child));
    snap(out, &after);
    CU_ASSERT(snap_equal(&before, &after));
    snap_free(&before);
    snap_free(&after);
    tests_remove_tree(tmp);
}

static void test_gnuplot_stopped(void) { gnuplot_stopped(SIGINT); }
static void test_gnuplot_dies_with_spcsim(void) { gnuplot_stopped(SIGKILL); }

static const CU_TestInfo tests[] = {
    { "a re-run killed at every write point: OUT old or new", test_killed_at_every_write },
    { "the same without RENAME_EXCHANGE (the fallback)", test_killed_fallback },
    { "plot DIR killed at every write point: DIR old or redrawn", test_plot_killed_at_every_write },
    { "ENOSPC at every write point: exit 5, OUT old", test_full_disk_at_every_write },
    { "a real 64k tmpfs (when mount is permitted)", test_small_tmpfs },
    { "SIGINT: exit 130, one line, OUT untouched", test_sigint },
    { "SIGTERM: exit 143, one line, OUT untouched", test_sigterm },
    { "SIGINT while gnuplot draws: gnuplot stopped too, OUT untouched", test_gnuplot_stopped },
    { "kill -9 while gnuplot draws: gnuplot dies with spcsim, OUT untouched", test_gnuplot_dies_with_spcsim },
    { "--keep-partial keeps the completed replications, labelled", test_keep_partial },
    { "a symbolic link planted in OUT is not followed", test_symlink_not_followed },
    { "files of an earlier run are gone (panel.csv)", test_stale_files_gone },
    { "validation errors create nothing", test_nothing_on_errors },
    { "leftover staging folders of killed runs are cleaned", test_leftovers_cleaned },
    { "a fallback killed between its renames: the next run restores OUT", test_fallback_window_restored },
    { "--trace: outside OUT, no folder made, leftovers cleaned, links replaced", test_trace_file },
    CU_TEST_INFO_NULL,
};

int tests_outdir(void)
{
    return tests_add_suite("outdir", tests);
}
