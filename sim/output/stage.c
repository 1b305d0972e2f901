/*
 * stage.c -- a private staging folder beside the output folder, put in
 * place by one atomic exchange (see stage.h for the guarantees).
 *
 * _GNU_SOURCE for renameat2(2) (glibc >= 2.28) and flock(2); only this file
 * needs them.
 */
#define _GNU_SOURCE
#include "spcsim/stage.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STAGING_TAG ".spcsim-staging-"
#define TARGET_MAX 3800  /* leaves room for the staging name and a file name under PATH_MAX */
#define NAME_ROOM 200    /* a component, so that ".NAME.spcsim-staging-XXXXXX-old" fits NAME_MAX */

/* ---- names ---- */

/* target -> parent folder and last component (trailing slashes ignored);
 * -1 when it names no folder ("", "/", ".", ".."). Both malloc'd. */
static int split(const char *target, char **parent, char **name)
{
    size_t n = strlen(target);
    while (n > 1 && target[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && target[start - 1] != '/')
        start--;
    size_t len = n - start;
    if (len == 0 || (len == 1 && target[start] == '.') || (len == 2 && strncmp(target + start, "..", 2) == 0))
        return -1;
    *name = strndup(target + start, len);
    *parent = start == 0 ? strdup(".") : start == 1 ? strdup("/") : strndup(target, start - 1);
    if (*name == NULL || *parent == NULL) {
        free(*name);
        free(*parent);
        *name = *parent = NULL;
        return -1;
    }
    return 0;
}

/* Whether `entry` (in the parent) is a staging folder of `name`. */
static int staging_of(const char *entry, const char *name)
{
    size_t n = strlen(name), t = strlen(STAGING_TAG);
    if (entry[0] != '.' || strncmp(entry + 1, name, n) != 0 || strncmp(entry + 1 + n, STAGING_TAG, t) != 0)
        return 0;
    const char *rest = entry + 1 + n + t;
    if (strlen(rest) < 6)
        return 0;
    for (size_t i = 0; i < 6; i++)
        if (!((rest[i] >= 'a' && rest[i] <= 'z') || (rest[i] >= 'A' && rest[i] <= 'Z') ||
              (rest[i] >= '0' && rest[i] <= '9')))
            return 0;
    return rest[6] == '\0' ? 1 : strcmp(rest + 6, "-old") == 0 ? 2 : 0;
}

/* ---- removing a tree (never following a symbolic link) ---- */

static void remove_at(int dirfd, const char *name, int depth)
{
    if (unlinkat(dirfd, name, 0) == 0 || depth > 8)
        return;
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (d == NULL) {
        if (fd >= 0)
            close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            remove_at(fd, e->d_name, depth + 1);
    closedir(d);
    unlinkat(dirfd, name, AT_REMOVEDIR);
}

static void remove_path(const char *path)
{
    remove_at(AT_FDCWD, path, 0);
}

/* ---- checking ---- */

static int too_long_component(const char *p)
{
    while (*p) {
        size_t len = strcspn(p, "/");
        if (len > NAME_ROOM)
            return 1;
        p += len + (p[len] == '/');
    }
    return 0;
}

/* The files that mark a folder as spcsim's output (any one will do);
 * part.json marks a part folder (run, compare, sweep, chain --part I/N),
 * which a job array's retry writes again. */
static int marks_output(const char *name)
{
    static const char *const marks[] = { "run.json", "summary.csv", "timeseries.csv", "compare.csv", "sweep.csv",
                                         "chain.csv", "warmup.csv", "calibrate.csv", "sensitivity.csv",
                                         "report.html", "part.json" };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strcmp(name, marks[i]) == 0)
            return 1;
    return 0;
}

/* An existing folder may be replaced when it is empty or holds spcsim's
 * outputs, and has no folder inside (which the exchange would lose);
 * 0, or the reason it may not. */
static const char *replaceable(const char *dir, char *sub, size_t size)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return "cannot be read";
    int empty = 1, ours = 0;
    const char *why = NULL;
    struct dirent *e;
    while (why == NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(sub, size, "%s", e->d_name);
            why = "holds a folder";
        }
        empty = 0;
        ours |= marks_output(e->d_name);
    }
    closedir(d);
    return why != NULL ? why : empty || ours ? NULL : "holds files but none of spcsim's outputs";
}

/* The nearest folder of `parent` that exists must be writable. */
static spc_status check_parent(const char *target, const char *parent, spc_error *err)
{
    size_t size = strlen(parent) + 2;
    char *p = malloc(size);
    if (p == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    snprintf(p, size, "%s", parent);
    struct stat st;
    int e = 0;
    while (stat(p, &st) != 0) {
        e = errno;
        char *slash = strrchr(p, '/');
        if (e != ENOENT)
            break;
        if (slash == NULL)
            snprintf(p, size, ".");
        else if (slash == p)
            snprintf(p, size, "/");
        else
            *slash = '\0';
        e = 0;
    }
    if (e == 0 && !S_ISDIR(st.st_mode))
        e = ENOTDIR;
    else if (e == 0 && access(p, W_OK | X_OK) != 0)
        e = errno;
    free(p);
    return e == 0 ? SPC_OK
                  : spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot create the output folder: %s", target, strerror(e));
}

spc_status spc_stage_check(const char *target, spc_error *err)
{
    if (target == NULL || target[0] == '\0')
        return spc_error_set(err, SPC_ERR_OUTPUT, "the output folder name is empty");
    if (strlen(target) > TARGET_MAX || too_long_component(target))
        return spc_error_set(err, SPC_ERR_OUTPUT, "%.60s...: the output folder name is too long", target);
    char *parent = NULL, *name = NULL;
    if (split(target, &parent, &name) != 0)
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s: give the output folder by its name (such as ../NAME), "
                             "not as . or .. or /: it is replaced as a whole", target);
    struct stat st;
    spc_status rc = SPC_OK;
    char sub[256] = "";
    const char *why;
    if (stat(target, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            rc = spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot create the output folder: not a folder", target);
        else if (access(target, W_OK | X_OK) != 0)
            rc = spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot write to the output folder: %s", target,
                               strerror(errno));
        else if ((why = replaceable(target, sub, sizeof sub)) != NULL)
            rc = spc_error_set(err, SPC_ERR_OUTPUT, "%s: %s%s%s; an output folder is replaced as a whole, so it "
                               "is left alone (choose another -o)", target, why, *sub ? " " : "", sub);
    } else if (errno != ENOENT) {
        rc = spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot create the output folder: %s", target, strerror(errno));
    }
    if (rc == SPC_OK)
        rc = check_parent(target, parent, err);
    free(parent);
    free(name);
    return rc;
}

/* ---- opening ---- */

/* mkdir -p of s->parent, remembering the first folder made. */
static int make_parents(spc_stage *s)
{
    char *p = strdup(s->parent);
    if (p == NULL)
        return -1;
    size_t len = strlen(p);
    for (size_t i = 1; i <= len; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char c = p[i];
        p[i] = '\0';
        if (mkdir(p, 0777) == 0) {
            if (s->made == NULL && (s->made = strdup(p)) == NULL) {
                free(p);
                return -1;
            }
        } else if (errno != EEXIST) {
            free(p);
            return -1;
        }
        p[i] = c;
    }
    free(p);
    return 0;
}

/* Removes staging folders (and temporary files) of killed runs into the
 * same place (not locked, so no live run owns them); a "-old" folder of a
 * fallback exchange killed between its two renames is put back when the
 * target is missing. */
void spc_stage_clean(const char *parent, const char *name)
{
    DIR *d = opendir(parent);
    if (d == NULL)
        return;
    int pfd = dirfd(d);
    struct stat st;
    int missing = fstatat(pfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        int kind = staging_of(e->d_name, name);
        if (kind == 0)
            continue;
        int fd = openat(pfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0) {
            if (fd >= 0)
                close(fd);
            continue;
        }
        if (kind == 2 && missing && renameat(pfd, e->d_name, pfd, name) == 0)
            missing = 0;
        else
            remove_at(pfd, e->d_name, 0);
        close(fd);
    }
    closedir(d);
}

int spc_stage_lock(int fd)
{
    return flock(fd, LOCK_EX | LOCK_NB);
}

/* Six letters or digits, different on every call. */
static void suffix(char *buf, unsigned long salt)
{
    static const char abc[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    unsigned long long x = (unsigned long long)ts.tv_nsec ^ ((unsigned long long)ts.tv_sec << 20) ^
                           ((unsigned long long)getpid() << 32) ^ (salt * 0x9E3779B97F4A7C15ull);
    for (int i = 0; i < 6; i++) {
        x ^= x >> 29;
        x *= 0xBF58476D1CE4E5B9ull;
        buf[i] = abc[(x >> 33) % 62];
    }
    buf[6] = '\0';
}

/* Makes parent/.NAME.spcsim-staging-XXXXXX, opened and locked. */
static int make_staging(spc_stage *s)
{
    size_t size = strlen(s->parent) + strlen(s->name) + sizeof STAGING_TAG + 16;
    if ((s->path = malloc(size)) == NULL)
        return -1;
    for (unsigned long attempt = 0; attempt < 100; attempt++) {
        char x[8];
        suffix(x, attempt);
        snprintf(s->path, size, "%s/.%s%s%s", s->parent, s->name, STAGING_TAG, x);
        if (mkdir(s->path, 0777) == 0)
            break;
        if (errno != EEXIST || attempt == 99) {
            free(s->path);
            s->path = NULL;
            return -1;
        }
    }
    s->fd = open(s->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    return s->fd >= 0 && flock(s->fd, LOCK_EX | LOCK_NB) == 0 ? 0 : -1;
}

static void read_faults(spc_stage *s)
{
    const char *k = getenv("SPCSIM_FAULT_AFTER_WRITES"), *kind = getenv("SPCSIM_FAULT");
    s->fault_at = k != NULL ? strtoul(k, NULL, 10) : 0;
    s->fault_kill = kind != NULL && strcmp(kind, "kill") == 0;
    s->no_exchange = getenv("SPCSIM_NO_EXCHANGE") != NULL;
}

spc_status spc_stage_open(spc_stage *s, const char *target, const volatile sig_atomic_t *stop, spc_error *err)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->stop = stop;
    if (spc_stage_check(target, err) != SPC_OK)
        return err->code;
    struct stat st;
    char *real = lstat(target, &st) == 0 ? realpath(target, NULL) : NULL; /* "." or a link: the folder itself */
    s->target = real != NULL ? real : strdup(target);
    s->shown = strdup(target);
    if (s->target == NULL || s->shown == NULL || split(s->target, &s->parent, &s->name) != 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    read_faults(s);
    if (make_parents(s) != 0 || make_staging(s) != 0)
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot create the output folder: %s", target, strerror(errno));
    spc_stage_clean(s->parent, s->name);
    return SPC_OK;
}

/* ---- writing ---- */

spc_status spc_stage_point(spc_stage *s, const char *what, spc_error *err)
{
    if (s == NULL)
        return err->code;
    s->writes++;
    if (s->fault_at != 0 && s->writes == s->fault_at) {
        if (s->fault_kill)
            raise(SIGKILL);
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s/%s: write failed: %s (fault injected)", s->shown, what,
                             strerror(ENOSPC));
    }
    if (s->stop != NULL && *s->stop)
        return spc_error_set(err, SPC_ERR_INTERRUPTED, "interrupted");
    return err->code;
}

int spc_stage_create(spc_stage *s, const char *name)
{
    if (s->fd < 0 || strchr(name, '/') != NULL) {
        errno = EINVAL;
        return -1;
    }
    if (unlinkat(s->fd, name, 0) != 0 && errno != ENOENT)
        return -1;
    return openat(s->fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
}

/* ---- the user's files ---- */

/* Whether dir/name (a .gp file) is a script spcsim wrote: its second line says so. */
static int our_script(int dirfd, const char *name)
{
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
    char line[2][256] = { "", "" };
    if (f == NULL) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    for (int i = 0; i < 2 && fgets(line[i], sizeof line[i], f) != NULL; i++)
        ;
    fclose(f);
    return strncmp(line[1], "# Written by spcsim ", 20) == 0;
}

/* Whether `name` in the old output is spcsim's (replaced or dropped by the
 * new output) rather than a file the user put there (kept). */
static int spcsim_file(int dirfd, const char *name)
{
    static const char *const names[] = { "replications.csv", "panel.csv", "employees.csv", "scenario.resolved.cfg",
                                         "calibrated.cfg", "targets.csv", "design.csv", "ranges.csv" };
    if (marks_output(name))
        return 1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    size_t n = strlen(name);
    if (n > 3 && strcmp(name + n - 3, ".gp") == 0)
        return our_script(dirfd, name);
    if (n > 4 && n < 250 && (strcmp(name + n - 4, ".png") == 0 || strcmp(name + n - 4, ".svg") == 0)) {
        char gp[256];
        snprintf(gp, sizeof gp, "%.*s.gp", (int)(n - 4), name);
        return our_script(dirfd, gp);
    }
    return 0;
}

/* Hard-links the user's regular files of the old output into the staging
 * folder (a name the new output has wins), so the exchange keeps them. */
static spc_status keep_user_files(spc_stage *s, spc_error *err)
{
    int fd = open(s->target, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (d == NULL) {
        if (fd >= 0)
            close(fd);
        return SPC_OK; /* no old output */
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
            spcsim_file(fd, e->d_name) || faccessat(s->fd, e->d_name, F_OK, AT_SYMLINK_NOFOLLOW) == 0)
            continue;
        if (linkat(fd, e->d_name, s->fd, e->d_name, 0) != 0) {
            spc_error_set(err, SPC_ERR_OUTPUT, "%s/%s: cannot keep the file: %s", s->shown, e->d_name,
                          strerror(errno));
            break;
        }
    }
    closedir(d);
    return err->code;
}

/* ---- putting in place ---- */

/* The fallback without RENAME_EXCHANGE: the old folder aside, then the new
 * one in (NAME is missing in between; spc_stage_clean puts it back if a
 * run is killed there). */
static int swap_fallback(spc_stage *s, char **old)
{
    size_t size = strlen(s->path) + 8;
    if ((*old = malloc(size)) == NULL)
        return -1;
    snprintf(*old, size, "%s-old", s->path);
    if (rename(s->target, *old) != 0)
        return -1;
    if (rename(s->path, s->target) != 0) {
        int e = errno;
        rename(*old, s->target);
        errno = e;
        return -1;
    }
    return 0;
}

spc_status spc_stage_commit(spc_stage *s, spc_error *err)
{
    if (keep_user_files(s, err) != SPC_OK || spc_stage_point(s, "(exchange)", err) != SPC_OK)
        return err->code;
    if (fsync(s->fd) != 0 && errno != EINVAL)
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot write: %s", s->shown, strerror(errno));
    struct stat st;
    char *old = NULL;
    int rc;
    if (lstat(s->target, &st) != 0 && errno == ENOENT) {
        rc = rename(s->path, s->target);
    } else if ((rc = s->no_exchange ? (errno = EINVAL, -1)
                                    : renameat2(AT_FDCWD, s->path, AT_FDCWD, s->target, RENAME_EXCHANGE)) == 0) {
        old = s->path; /* the old output now has the staging name */
        s->path = NULL;
    } else if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP) {
        rc = swap_fallback(s, &old);
    }
    if (rc != 0) {
        int e = errno;
        free(old);
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot put the output folder in place: %s", s->shown,
                             strerror(e));
    }
    free(s->path);
    s->path = NULL;
    free(s->made);
    s->made = NULL; /* the parents now hold the output */
    if (old != NULL) {
        /* a write point for the tests (kill: a leftover, cleaned by the next
         * run); the command has succeeded, so nothing here fails it */
        spc_error scratch;
        spc_error_clear(&scratch);
        spc_stage_point(s, "(old output removed)", &scratch);
        remove_path(old);
    }
    free(old);
    return err->code;
}

void spc_stage_close(spc_stage *s)
{
    if (s->path != NULL)
        remove_path(s->path);
    if (s->fd >= 0)
        close(s->fd);
    if (s->made != NULL && s->parent != NULL) {
        /* the parents this stage made, innermost first, while empty */
        size_t stop = strlen(s->made);
        char *p = s->parent;
        for (size_t n = strlen(p); n >= stop; n--) {
            if (p[n] != '/' && p[n] != '\0')
                continue;
            char c = p[n];
            p[n] = '\0';
            int gone = rmdir(p) == 0;
            p[n] = c;
            if (!gone || n == stop)
                break;
        }
    }
    free(s->target);
    free(s->shown);
    free(s->parent);
    free(s->name);
    free(s->path);
    free(s->made);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}
