/*
 * tests_proc.c -- running the program under test, for the suites that run
 * spcsim as a user does (cli, outdir, plot, golden), and removing their
 * scratch folders. One copy of each, declared in tests.h.
 *
 * The program is $SPCSIM (make check sets it), else ./spcsim; it starts
 * with posix_spawn, no shell, standard input from /dev/null.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

extern char **environ;

const char *tests_binary(void)
{
    const char *b = getenv("SPCSIM");
    return b != NULL && b[0] != '\0' ? b : "./spcsim";
}

/* Is the inherited entry e replaced by one of env ("NAME=...")? Inherited
 * fault-injection switches (SPCSIM_FAULT*) are never passed on: a test that
 * wants one sets it. */
static int replaced(const char *e, const char *const *env)
{
    if (strncmp(e, "SPCSIM_FAULT", 12) == 0)
        return 1;
    for (size_t i = 0; env != NULL && env[i] != NULL; i++) {
        const char *eq = strchr(env[i], '=');
        size_t n = eq ? (size_t)(eq - env[i]) + 1 : strlen(env[i]);
        if (strncmp(e, env[i], n) == 0)
            return 1;
    }
    return 0;
}

pid_t tests_spawn(const char *const *args, const char *const *env, const char *out, const char *err)
{
    const char *argv[64] = { tests_binary() };
    size_t n = 1;
    for (; args[n - 1] != NULL && n < 63; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    size_t ne = 0, ng = 0;
    while (environ[ne] != NULL)
        ne++;
    while (env != NULL && env[ng] != NULL)
        ng++;
    const char **envp = calloc(ne + ng + 1, sizeof *envp);
    if (envp == NULL)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < ng; i++)
        if (strchr(env[i], '=') != NULL)
            envp[k++] = env[i];
    for (size_t i = 0; i < ne; i++)
        if (!replaced(environ[i], env))
            envp[k++] = environ[i];
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err ? err : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, (char *const *)envp);
    posix_spawn_file_actions_destroy(&fa);
    free(envp);
    if (rc != 0) {
        fprintf(stderr, "\n  cannot start %s: %s (set SPCSIM)\n", argv[0], strerror(rc));
        return -1;
    }
    return pid;
}

int tests_wait(pid_t pid)
{
    int status;
    if (pid <= 0)
        return -1;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

void tests_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    chmod(path, 0700);
    DIR *d = opendir(path);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char sub[4096];
        if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < (int)sizeof sub)
            tests_remove_tree(sub);
    }
    if (d != NULL)
        closedir(d);
    rmdir(path);
}
