/*
 * plot.c -- the gnuplot scripts of an output folder and running gnuplot on
 * them (see plot.h). The script of each figure is written by plot_run.c or
 * plot_study.c from the shared pieces of plot_gp.c.
 *
 * Every script has the same shape, so that a user who opened one can read
 * them all:
 *
 *   # NAME.gp -- what it draws, from which CSV; how to redraw
 *   set datafile separator comma; set datafile columnheaders
 *   set table $x ... with table if (...)     the rows of one series
 *   do for [format in "png svg"] {           both figures, same drawing
 *       set terminal ...; set output "NAME.".format
 *       set multiplot layout R,C title "..."
 *       ... one plot per panel ...
 *   }
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "plot_gp.h"

/* ---- the folder's scripts ---- */

spc_status spc_plot_write_scripts(const spc_outdir *d, spc_plot_set *set, spc_error *err)
{
    memset(set, 0, sizeof *set);
    spc_output out;
    if (spc_output_open(&out, d->dir, d->stage, err) == SPC_OK) {
        char story[4200];
        if (spc_outdir_path(d, "story.csv", story, sizeof story) == 0 && access(story, F_OK) == 0)
            plot_story(d, &out, set, err); /* first: the figure the report opens with */
        if (d->summary && err->code == SPC_OK)
            plot_stages(d, &out, set, err);
        if (d->timeseries && err->code == SPC_OK)
            plot_timeseries(d, &out, set, err);
        if (d->compare && err->code == SPC_OK)
            plot_compare(d, &out, set, err);
        if (d->sweep && err->code == SPC_OK)
            plot_sweep(d, &out, set, err);
        if (d->chain && err->code == SPC_OK)
            plot_chain(d, &out, set, err);
        if (d->chain && err->code == SPC_OK)
            plot_chain_pathways(d, &out, set, err);
        if (d->chain_dose && err->code == SPC_OK)
            plot_chain_dose(d, &out, set, err);
        if (d->chain_periods && err->code == SPC_OK)
            plot_chain_periods(d, &out, set, err);
        if (d->sensitivity && err->code == SPC_OK)
            plot_sensitivity(d, &out, set, err);
        if ((d->summary || d->compare) && err->code == SPC_OK)
            plot_dist(d, &out, set, err);
        if (err->code == SPC_OK)
            spc_output_commit(&out, err);
    }
    spc_output_close(&out);
    if (err->code != SPC_OK)
        set->n = 0;
    return err->code;
}

/* ---- running gnuplot ---- */

int spc_plot_find_gnuplot(const char *program, char *buf, size_t size)
{
    if (program == NULL || program[0] == '\0')
        program = "gnuplot";
    if (strchr(program, '/') != NULL) {
        snprintf(buf, size, "%s", program);
        return access(buf, X_OK) == 0;
    }
    const char *path = getenv("PATH");
    if (path == NULL)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        size_t len = strcspn(path, ":");
        int n = snprintf(buf, size, "%.*s/%s", (int)len, len ? path : ".", program);
        struct stat st;
        if (n > 0 && (size_t)n < size && stat(buf, &st) == 0 && S_ISREG(st.st_mode) && access(buf, X_OK) == 0)
            return 1;
        path += len + (path[len] == ':');
    }
    snprintf(buf, size, "%s", program);
    return 0;
}

/* The child, between fork and exec: its own process group (so a terminal's
 * Ctrl-C reaches spcsim only, which stops it), killed if spcsim dies
 * (Linux), stdin from /dev/null, stdout and stderr into the pipe. */
static void gnuplot_child(const char *gnuplot, const char *dir, const char *script, int fd[2], pid_t parent)
{
    setpgid(0, 0);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(126);
#else
    (void)parent;
#endif
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0 || dup2(fd[1], 1) < 0 || dup2(fd[1], 2) < 0 || chdir(dir) != 0)
        _exit(126);
    close(fd[0]);
    char *const argv[] = { (char *)gnuplot, (char *)script, NULL };
    execv(gnuplot, argv);
    _exit(127);
}

#define MSG_SIZE 2048

/* A running gnuplot: its process (group), the read end of its output pipe
 * (stdout and stderr), and where that output goes (msg, cap bytes). */
typedef struct {
    pid_t pid;
    int fd;
    size_t fig, len, cap;
    char *msg;
} drawing;

/* Starts `gnuplot script` in dir; 0, or -1 when it could not be started. */
static int drawing_start(drawing *w, const char *gnuplot, const char *dir, const char *script)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    pid_t parent = getpid(), pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    if (pid == 0) /* the child: only calls that are safe after fork */
        gnuplot_child(gnuplot, dir, script, fd, parent);
    setpgid(pid, pid); /* also here, so kill(-pid) works at once */
    close(fd[1]);
    w->pid = pid;
    w->fd = fd[0];
    return 0;
}

/* Reads what w's gnuplot wrote; at the end of its output closes the pipe
 * and waits for it. Returns its exit status once it has ended, -3 while
 * it still runs, -1 when it could not be waited for. */
static int drawing_read(drawing *w)
{
    char buf[512];
    ssize_t got = read(w->fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR)
        return -3;
    for (ssize_t i = 0; i < got && w->len + 1 < w->cap; i++)
        w->msg[w->len++] = buf[i];
    w->msg[w->len] = '\0';
    if (got > 0)
        return -3;
    close(w->fd);
    int status;
    while (waitpid(w->pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* gnuplot's first line that is not blank, trimmed, for a one-line message. */
static const char *first_line(char *msg)
{
    char *s = msg + strspn(msg, " \t\r\n");
    s[strcspn(s, "\r\n")] = '\0';
    return s;
}

/* `gnuplot --version`'s output into msg; its exit status, -1 when it
 * could not be run. */
static int version_of(const char *gnuplot, char *msg, size_t size)
{
    drawing w = { .msg = msg, .cap = size };
    msg[0] = '\0';
    if (drawing_start(&w, gnuplot, ".", "--version") != 0)
        return -1;
    int rc;
    while ((rc = drawing_read(&w)) == -3)
        ;
    return rc;
}

void spc_plot_gnuplot_version(const char *program, char *buf, size_t size)
{
    char gnuplot[4096], msg[512];
    if (!spc_plot_find_gnuplot(program, gnuplot, sizeof gnuplot))
        snprintf(buf, size, "not found");
    else if (version_of(gnuplot, msg, sizeof msg) != 0 || *first_line(msg) == '\0')
        snprintf(buf, size, "unknown");
    else
        snprintf(buf, size, "%s", first_line(msg));
}

static void remove_figures(const spc_outdir *d, const spc_plot_figure *fig)
{
    static const char *const ext[] = { "png", "svg" };
    for (size_t e = 0; e < 2; e++) {
        char name[80], path[4200];
        snprintf(name, sizeof name, "%s.%s", fig->name, ext[e]);
        if (spc_outdir_path(d, name, path, sizeof path) == 0)
            unlink(path);
    }
}

/* Waits for output or an end among the active drawings; each one that
 * ended leaves its status in rc and its place to the last. Once the stop
 * flag is seen every active gnuplot's group is sent SIGTERM (*stopped). */
static void drawings_step(drawing *w, size_t *active, int *rc, const volatile sig_atomic_t *stop, int *stopped)
{
    struct pollfd pf[SPC_PLOT_JOBS_MAX];
    for (size_t k = 0; k < *active; k++)
        pf[k] = (struct pollfd){ .fd = w[k].fd, .events = POLLIN };
    int ready = poll(pf, (nfds_t)*active, -1);
    if (stop != NULL && *stop && !*stopped) {
        for (size_t k = 0; k < *active; k++)
            kill(-w[k].pid, SIGTERM);
        *stopped = 1;
    }
    if (ready <= 0)
        return; /* EINTR: the flag was checked above */
    for (size_t k = *active; k-- > 0;) {
        if (!(pf[k].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        int r = drawing_read(&w[k]);
        if (r == -3)
            continue;
        rc[w[k].fig] = *stopped ? -2 : r;
        w[k] = w[--*active];
    }
}

/* Runs gnuplot on every script of set, at most `jobs` at a time, each in
 * a process of its own exactly as when they ran one after another, so the
 * figures are the same. rc[i]: script i's exit status (-1: it could not be
 * run, -2: stopped); msg[i]: its output. Returns 1 when stopped. */
static int draw_all(const spc_outdir *d, const spc_plot_set *set, const char *gnuplot, unsigned jobs, int *rc,
                    char *msg)
{
    const volatile sig_atomic_t *stop = d->stage != NULL ? d->stage->stop : NULL;
    drawing w[SPC_PLOT_JOBS_MAX];
    size_t active = 0, next = 0;
    int stopped = 0;
    jobs = jobs < 1 ? 1 : jobs > SPC_PLOT_JOBS_MAX ? SPC_PLOT_JOBS_MAX : jobs;
    while (next < set->n || active > 0) {
        while (active < jobs && next < set->n) {
            drawing *x = &w[active];
            char script[80];
            snprintf(script, sizeof script, "%s.gp", set->fig[next].name);
            *x = (drawing){ .fig = next, .msg = msg + next * MSG_SIZE, .cap = MSG_SIZE };
            x->msg[0] = '\0';
            rc[next] = stopped ? -2 : drawing_start(x, gnuplot, d->dir, script);
            active += rc[next] == 0;
            next++;
        }
        if (active > 0)
            drawings_step(w, &active, rc, stop, &stopped);
    }
    return stopped || (stop != NULL && *stop);
}

spc_status spc_plot_draw(const spc_outdir *d, spc_plot_set *set, const char *gnuplot, unsigned jobs,
                         spc_error *err)
{
    int *rc = calloc(set->n ? set->n : 1, sizeof *rc);
    char *msg = calloc(set->n ? set->n : 1, MSG_SIZE);
    if (rc == NULL || msg == NULL) {
        free(rc);
        free(msg);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the figures");
    }
    int stopped = draw_all(d, set, gnuplot, jobs, rc, msg);
    for (size_t i = 0; i < set->n && !stopped; i++) { /* in the scripts' order, as before */
        spc_plot_figure *fig = &set->fig[i];
        char *m = msg + i * MSG_SIZE;
        fig->drawn = rc[i] == 0;
        if (rc[i] != 0)
            remove_figures(d, fig);
        if (rc[i] < 0)
            spc_error_set(err, SPC_ERR_INTERNAL, "%s: cannot run %s: %s", spc_outdir_shown(d), gnuplot,
                          strerror(errno));
        else if (rc[i] > 0)
            spc_error_set(err, SPC_ERR_INTERNAL, "%s/%s.gp: gnuplot failed (exit %d)%s%s", spc_outdir_shown(d),
                          fig->name, rc[i], *first_line(m) ? ": " : "", first_line(m));
        spc_error point;
        char drawn[80];
        spc_error_clear(&point);
        snprintf(drawn, sizeof drawn, "%s.png", fig->name);
        if (spc_stage_point(d->stage, drawn, &point) != SPC_OK) { /* ENOSPC injected, or stopped */
            *err = point;
            break;
        }
    }
    free(rc);
    free(msg);
    if (stopped)
        return spc_error_set(err, SPC_ERR_INTERRUPTED, "interrupted");
    return err->code;
}

/* Whether dir/name is a script spcsim wrote (its second line says so). */
static int ours(const spc_outdir *d, const char *name)
{
    char path[4200], line[2][256] = { "", "" };
    if (spc_outdir_path(d, name, path, sizeof path) != 0)
        return 0;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return 0;
    for (int i = 0; i < 2 && fgets(line[i], sizeof line[i], f) != NULL; i++)
        ;
    fclose(f);
    return strncmp(line[1], "# Written by spcsim ", 20) == 0;
}

static int in_set(const spc_plot_set *set, const char *name, size_t len)
{
    for (size_t i = 0; i < set->n; i++)
        if (strlen(set->fig[i].name) == len && strncmp(set->fig[i].name, name, len) == 0)
            return 1;
    return 0;
}

void spc_plot_remove_stale(const spc_outdir *d, const spc_plot_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        if (!set->fig[i].drawn)
            remove_figures(d, &set->fig[i]);
    /* scripts of an earlier run that this one does not write (a scope gone) */
    DIR *dir = opendir(d->dir);
    struct dirent *e;
    while (dir != NULL && (e = readdir(dir)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 4 || len >= 64 || strcmp(e->d_name + len - 3, ".gp") != 0 || in_set(set, e->d_name, len - 3) ||
            !ours(d, e->d_name))
            continue;
        spc_plot_figure old;
        memset(&old, 0, sizeof old);
        snprintf(old.name, sizeof old.name, "%.*s", (int)(len - 3), e->d_name);
        remove_figures(d, &old);
        char path[4200];
        if (spc_outdir_path(d, e->d_name, path, sizeof path) == 0)
            unlink(path);
    }
    if (dir != NULL)
        closedir(dir);
}
