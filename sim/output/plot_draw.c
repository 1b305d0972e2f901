/*
 * plot_draw.c -- gnuplot drawing a folder's scripts (plot.h): up to `-j`
 * gnuplots at once, one per script, each told its script on its standard
 * input:
 *
 *     cd 'FOLDER'                    (a gnuplot started before the folder existed)
 *     formats = 'svg png'            (the formats asked for)
 *     load 'NAME.gp'
 *     print sprintf('spcsim-drawn %d', GPVAL_ERRNO)
 *
 * then the end of its input. Its answer (after its complaints, if any)
 * says the figure is drawn (0) or not: spcsim goes on without waiting for
 * gnuplot's exit (unmapping its libraries takes a few ms), and reaps it
 * later. A gnuplot that ends without answering failed with its exit
 * status, as `gnuplot NAME.gp` would. One gnuplot per script, because gnuplot
 * 5.4's SVG terminal carries state from one plot to the next (the last
 * line width, the stroke colour mode): a figure drawn after another in the
 * same process differs from the one `gnuplot NAME.gp` draws. What one
 * process per run would save is gnuplot's start (its libraries: about 10 ms
 * of CPU); `run` saves it for the first figures by starting their gnuplots
 * before its replications (spc_plot_gnuplots_start), so that start happens
 * while the simulation runs, and asks the first of them its version for
 * run.json instead of starting `gnuplot --version`; when the replications
 * are done it starts about one per remaining figure (spc_plot_gnuplots_more),
 * whose start then overlaps the writing of its outputs. Up to `-j` draw at
 * once; the others wait for a script.
 *
 * Each gnuplot runs in its own process group (a terminal's Ctrl-C reaches
 * spcsim only, which then stops them) and dies with spcsim (Linux).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "plot_gp.h"

#define MSG_SIZE 2048
#define LINE_SIZE 512
#define PRESTART 2 /* a run draws at least two figures */
#define DONE (-2)  /* worker.fig once it answered */

/* One gnuplot: its process (group), where its commands go (a socket: a
 * write to a gnuplot that died fails instead of raising SIGPIPE), its
 * output (stdout and stderr), the script it draws, the line being read. */
typedef struct {
    pid_t pid;        /* 0: not running */
    int in, out;
    int here;         /* started in spcsim's folder: `cd` to the figures' first */
    long fig;         /* the script it draws, -1: none yet, DONE: answered, ending */
    int answer;       /* GPVAL_ERRNO after its script, -1 while none */
    size_t len;
    char line[LINE_SIZE];
    char version[160]; /* its answer to the version question, "" while none */
} worker;

struct spc_plot_gnuplots {
    char gnuplot[4096];
    const volatile sig_atomic_t *stop;
    worker w[SPC_PLOT_JOBS_MAX];
    size_t n; /* w[0..n) were started (some may have ended) */
};

/* ---- one gnuplot ---- */

static int cloexec(int fd)
{
    return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* The child, between fork and exec: only calls that are safe after fork. */
static void worker_child(const char *gnuplot, const char *dir, int in, int out, pid_t parent)
{
    setpgid(0, 0);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(126);
#else
    (void)parent;
#endif
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0 || (dir != NULL && chdir(dir) != 0))
        _exit(126);
    char *const argv[] = { (char *)gnuplot, NULL };
    execv(gnuplot, argv);
    _exit(127);
}

/* Starts a gnuplot reading commands, in dir (NULL: here); 0, or -1. */
static int worker_start(worker *w, const char *gnuplot, const char *dir)
{
    int sv[2], fd[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return -1;
    if (pipe(fd) != 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    /* close-on-exec, so another gnuplot does not hold this one's ends open */
    cloexec(sv[0]);
    cloexec(sv[1]);
    cloexec(fd[0]);
    cloexec(fd[1]);
    pid_t parent = getpid(), pid = fork();
    if (pid == 0)
        worker_child(gnuplot, dir, sv[1], fd[1], parent);
    close(sv[1]);
    close(fd[1]);
    if (pid < 0) {
        close(sv[0]);
        close(fd[0]);
        return -1;
    }
    setpgid(pid, pid); /* also here, so kill(-pid) works at once */
    *w = (worker){ .pid = pid, .in = sv[0], .out = fd[0], .here = dir == NULL, .fig = -1, .answer = -1 };
    return 0;
}

static int worker_send(worker *w, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t put = send(w->in, text, len, MSG_NOSIGNAL);
        if (put < 0 && errno == EINTR)
            continue;
        if (put < 0)
            return -1;
        text += put;
        len -= (size_t)put;
    }
    return 0;
}

/* Ends w's gnuplot (sig: hard, it failed or spcsim stops; 0: by the end
 * of its commands) and waits for it; its exit status, 128 + the signal
 * that killed it, or 255 when it could not be waited for. */
static int worker_end(worker *w, int sig)
{
    if (w->pid == 0)
        return -1;
    close(w->in);
    if (sig != 0)
        kill(-w->pid, sig);
    close(w->out);
    int status;
    pid_t got;
    while ((got = waitpid(w->pid, &status, 0)) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    if (got <= 0)
        return 255;
    return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255;
}

/* One line of w's output: an answer, or text for msg (MSG_SIZE bytes). */
static void worker_line(worker *w, char *msg)
{
    w->line[w->len] = '\0';
    int e;
    if (w->fig >= 0 && sscanf(w->line, "spcsim-drawn %d", &e) == 1)
        w->answer = e;
    else if (strncmp(w->line, "spcsim-version ", 15) == 0)
        snprintf(w->version, sizeof w->version, "%s", w->line + 15);
    else if (msg != NULL && strlen(msg) + w->len + 2 < MSG_SIZE)
        strcat(strcat(msg, w->line), "\n");
    w->len = 0;
}

/* Reads what w's gnuplot wrote (msg: where the text of its script goes).
 * 0 while it runs; at the end of its output waits for it: then 1, its
 * exit status in *rc. */
static int worker_read(worker *w, char *msg, int *rc)
{
    char buf[1024];
    ssize_t got = read(w->out, buf, sizeof buf);
    if (got < 0 && errno == EINTR)
        return 0;
    for (ssize_t i = 0; i < got; i++) {
        if (buf[i] == '\n')
            worker_line(w, msg);
        else if (w->len + 1 < LINE_SIZE)
            w->line[w->len++] = buf[i];
    }
    if (got > 0)
        return 0;
    if (w->len > 0)
        worker_line(w, msg);
    *rc = worker_end(w, 0);
    return 1;
}

/* ---- the gnuplots of a command ---- */

spc_plot_gnuplots *spc_plot_gnuplots_start(const char *gnuplot, unsigned n, const volatile sig_atomic_t *stop)
{
    spc_plot_gnuplots *g = calloc(1, sizeof *g);
    if (g == NULL)
        return NULL;
    snprintf(g->gnuplot, sizeof g->gnuplot, "%s", gnuplot);
    g->stop = stop;
    n = n > PRESTART ? PRESTART : n;
    while (g->n < n && worker_start(&g->w[g->n], gnuplot, NULL) == 0)
        g->n++;
    static const char ask[] = "print sprintf('spcsim-version gnuplot %.1f patchlevel %s', GPVAL_VERSION, "
                              "GPVAL_PATCHLEVEL)\n";
    if (g->n > 0)
        worker_send(&g->w[0], ask, sizeof ask - 1);
    return g;
}

void spc_plot_gnuplots_more(spc_plot_gnuplots *g, unsigned n)
{
    size_t waiting = 0;
    for (size_t k = 0; g != NULL && k < g->n; k++)
        waiting += g->w[k].pid != 0 && g->w[k].fig == -1;
    while (g != NULL && waiting < n && g->n < SPC_PLOT_JOBS_MAX && worker_start(&g->w[g->n], g->gnuplot, NULL) == 0) {
        g->n++;
        waiting++;
    }
}

void spc_plot_gnuplots_version(spc_plot_gnuplots *g, char *buf, size_t size)
{
    worker *w = &g->w[0];
    int rc;
    int waited = 0; /* once stopped (--keep-partial still writes run.json), a second at most */
    while (g->n > 0 && w->pid != 0 && w->version[0] == '\0' && waited < 2) {
        struct pollfd pf = { .fd = w->out, .events = POLLIN };
        int stopped = g->stop != NULL && *g->stop;
        int ready = poll(&pf, 1, stopped ? 1000 : -1);
        if (ready > 0)
            worker_read(w, NULL, &rc);
        waited += stopped && ready <= 0 ? 1 + (ready == 0) : 0;
    }
    snprintf(buf, size, "%s", w->version[0] ? w->version : "unknown");
}

void spc_plot_gnuplots_end(spc_plot_gnuplots *g)
{
    for (size_t k = 0; g != NULL && k < g->n; k++)
        worker_end(&g->w[k], g->w[k].fig == DONE ? 0 : SIGTERM);
    free(g);
}

/* ---- drawing a folder ---- */

/* Sends w the commands of script fig (with `cd` to the folder first when
 * it started elsewhere), then the end of its input; -1 when they could
 * not be sent (then gnuplot ends, and says so: no need to look here). */
static int worker_draw(worker *w, const spc_outdir *d, const spc_plot_set *set, size_t fig)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    w->fig = (long)fig;
    if (f == NULL) {
        shutdown(w->in, SHUT_WR); /* it ends without an answer: the script fails */
        return -1;
    }
    if (w->here) {
        fputs("cd ", f);
        plot_gp_str(f, d->dir);
        fputc('\n', f);
        w->here = 0;
    }
    fprintf(f, "formats = '%s'\nload ", spc_plot_formats_list(set->formats));
    char script[80];
    snprintf(script, sizeof script, "%s.gp", set->fig[fig].name);
    plot_gp_str(f, script);
    fputs("\nprint sprintf('spcsim-drawn %d', GPVAL_ERRNO)\n", f);
    int bad = fclose(f) != 0;
    bad = bad || worker_send(w, text, len) != 0;
    shutdown(w->in, SHUT_WR);
    free(text);
    return bad ? -1 : 0;
}

/* Whether the prestarted gnuplots can `cd` to the folder: its name
 * without control characters (a gnuplot string drops them). */
static int cd_safe(const char *dir)
{
    for (const unsigned char *s = (const unsigned char *)dir; *s; s++)
        if (*s < 0x20 || *s == 0x7f)
            return 0;
    return 1;
}

/* rc[i] while script i waits, or is being drawn */
#define PENDING (-4)

typedef struct {
    const spc_outdir *d;
    const spc_plot_set *set;
    spc_plot_gnuplots *g;
    unsigned jobs;
    int *rc;
    char *msg;
    size_t next, done;
    int keep; /* leave the gnuplots that answered to spc_plot_gnuplots_end */
} drawing;

/* The gnuplots drawing a script now. */
static size_t drawing_now(const spc_plot_gnuplots *g)
{
    size_t n = 0;
    for (size_t k = 0; k < g->n; k++)
        n += g->w[k].pid != 0 && g->w[k].fig >= 0;
    return n;
}

/* A gnuplot for the next script: one started earlier and waiting, else a
 * new one (in the folder) in a free place, else in the place of one that
 * answered (waiting for it to end); NULL when none could be started. */
static worker *free_worker(spc_plot_gnuplots *g, const char *dir)
{
    size_t k, done = g->n;
    for (k = 0; k < g->n; k++)
        if (g->w[k].pid != 0 && g->w[k].fig == -1)
            return &g->w[k];
    for (k = 0; k < g->n && g->w[k].pid != 0; k++)
        done = g->w[k].fig == DONE && done == g->n ? k : done;
    if (k == g->n && k == SPC_PLOT_JOBS_MAX)
        k = done; /* every place taken: one that answered ends first */
    if (k == SPC_PLOT_JOBS_MAX)
        return NULL;
    if (k < g->n && g->w[k].pid != 0)
        worker_end(&g->w[k], 0);
    if (worker_start(&g->w[k], g->gnuplot, dir) != 0)
        return NULL;
    g->n += k == g->n;
    return &g->w[k];
}

/* Gives the next script to a gnuplot, up to `jobs` drawing at once, while
 * scripts wait. A script no gnuplot can be started for fails (-1). */
static void dispatch(drawing *x)
{
    spc_plot_gnuplots *g = x->g;
    size_t cap = x->jobs < SPC_PLOT_JOBS_MAX ? x->jobs : SPC_PLOT_JOBS_MAX;
    while (x->next < x->set->n && drawing_now(g) < cap) {
        worker *w = free_worker(g, x->d->dir);
        if (w == NULL) {
            if (drawing_now(g) > 0)
                return; /* the others draw the rest */
            x->rc[x->next++] = -1;
            x->done++;
            continue;
        }
        x->msg[x->next * MSG_SIZE] = '\0';
        worker_draw(w, x->d, x->set, x->next++); /* a failure to send shows as its end */
    }
}

/* Waits for the gnuplots' output; each that answered (or ended) gives
 * its script's rc (0, or 1 when it complained; without an answer its exit
 * status) and its place to a new one. Returns 1 once the stop flag is
 * seen. */
static int step(drawing *x)
{
    spc_plot_gnuplots *g = x->g;
    struct pollfd pf[SPC_PLOT_JOBS_MAX];
    size_t at[SPC_PLOT_JOBS_MAX], m = 0;
    for (size_t k = 0; k < g->n; k++)
        if (g->w[k].pid != 0 && g->w[k].fig >= 0) {
            pf[m] = (struct pollfd){ .fd = g->w[k].out, .events = POLLIN };
            at[m++] = k;
        }
    int ready = m > 0 ? poll(pf, (nfds_t)m, -1) : 0;
    if (g->stop != NULL && *g->stop)
        return 1;
    for (size_t j = 0; ready > 0 && j < m; j++) {
        if (!(pf[j].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        worker *w = &g->w[at[j]];
        size_t fig = (size_t)w->fig;
        int rc, ended = worker_read(w, x->msg + fig * MSG_SIZE, &rc);
        if (ended || w->answer >= 0) {
            /* ended without an answer: its exit status, or it never ran the script (-1) */
            x->rc[fig] = w->answer == 0 ? 0 : w->answer > 0 ? 1 : rc != 0 ? rc : -1;
            x->done++;
            w->fig = DONE;
        }
    }
    return 0;
}

/* Draws every script of set; rc[i]: 0, gnuplot's exit status, -1 (it
 * could not be run), -2 (stopped); msg[i]: its output. Returns 1 when
 * stopped. */
static int draw_all(drawing *x)
{
    spc_plot_gnuplots *g = x->g;
    for (size_t i = 0; i < x->set->n; i++)
        x->rc[i] = PENDING;
    while (x->done < x->set->n) {
        dispatch(x);
        if (x->done < x->set->n && step(x))
            break;
    }
    int stopped = g->stop != NULL && *g->stop;
    for (size_t k = 0; k < g->n && (stopped || !x->keep); k++)
        worker_end(&g->w[k], stopped ? SIGTERM : 0);
    if (stopped || !x->keep)
        g->n = 0;
    for (size_t i = 0; i < x->set->n; i++)
        if (x->rc[i] == PENDING)
            x->rc[i] = -2;
    return stopped;
}

/* The line of gnuplot's complaint that names the script ("NAME.gp" line
 * N: ...), else its last line that is not blank, trimmed (gnuplot
 * reading its input echoes the failing command first: "gnuplot> ..."). */
static const char *complaint(char *msg)
{
    char *best = NULL, *last = NULL;
    for (char *s = strtok(msg, "\r\n"); s != NULL; s = strtok(NULL, "\r\n")) {
        s += strspn(s, " \t");
        if (*s == '\0')
            continue;
        last = s;
        if (best == NULL && *s == '"' && strstr(s, ".gp\" line ") != NULL)
            best = s;
    }
    return best ? best : last ? last : "";
}

static void remove_format(const spc_outdir *d, const spc_plot_figure *fig, const char *ext)
{
    char name[80], path[4200];
    snprintf(name, sizeof name, "%s.%s", fig->name, ext);
    if (spc_outdir_path(d, name, path, sizeof path) == 0)
        unlink(path);
}

void plot_remove_figures(const spc_outdir *d, const spc_plot_figure *fig, unsigned keep)
{
    if (!(keep & SPC_PLOT_SVG))
        remove_format(d, fig, "svg");
    if (!(keep & SPC_PLOT_PNG))
        remove_format(d, fig, "png");
}

/* Script i's result into err (the first failure in the scripts' order). */
static void result(const spc_outdir *d, const char *gnuplot, const spc_plot_figure *fig, int rc, char *msg,
                   spc_error *err)
{
    if (rc < 0)
        spc_error_set(err, SPC_ERR_INTERNAL, "%s: cannot run %s", spc_outdir_shown(d), gnuplot);
    else if (rc > 0) {
        const char *c = complaint(msg);
        spc_error_set(err, SPC_ERR_INTERNAL, "%s/%s.gp: gnuplot failed (exit %d)%s%s", spc_outdir_shown(d),
                      fig->name, rc, *c ? ": " : "", c);
    }
}

spc_status spc_plot_draw(const spc_outdir *d, spc_plot_set *set, const char *gnuplot, unsigned jobs,
                         spc_plot_gnuplots *started, spc_error *err)
{
    spc_plot_gnuplots own;
    spc_plot_gnuplots *g = started;
    if (g == NULL || !cd_safe(d->dir) || strcmp(g->gnuplot, gnuplot) != 0) {
        if (g != NULL) { /* a folder name gnuplot cannot be told: new ones, started there */
            for (size_t k = 0; k < g->n; k++)
                worker_end(&g->w[k], SIGTERM);
            g->n = 0;
        }
        memset(&own, 0, sizeof own);
        snprintf(own.gnuplot, sizeof own.gnuplot, "%s", gnuplot);
        g = &own;
    }
    g->stop = d->stage != NULL ? d->stage->stop : NULL;
    int *rc = calloc(set->n ? set->n : 1, sizeof *rc);
    char *msg = calloc(set->n ? set->n : 1, MSG_SIZE);
    if (rc == NULL || msg == NULL) {
        free(rc);
        free(msg);
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the figures");
    }
    drawing x = { d, set, g, jobs < 1 ? 1 : jobs, rc, msg, 0, 0, g == started };
    int stopped = draw_all(&x);
    for (size_t i = 0; i < set->n && !stopped; i++) { /* in the scripts' order */
        spc_plot_figure *fig = &set->fig[i];
        fig->drawn = rc[i] == 0;
        plot_remove_figures(d, fig, fig->drawn ? set->formats : 0);
        result(d, gnuplot, fig, rc[i], msg + i * MSG_SIZE, err);
        spc_error point;
        char drawn[80];
        spc_error_clear(&point);
        snprintf(drawn, sizeof drawn, "%s.svg", fig->name);
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

/* ---- gnuplot --version ---- */

/* The first line that is not blank, trimmed. */
static const char *first_line(char *msg)
{
    char *s = msg + strspn(msg, " \t\r\n");
    s[strcspn(s, "\r\n")] = '\0';
    return s;
}

/* `gnuplot --version`'s first line into buf; its exit status, -1 when it
 * could not be run. */
static int version_of(const char *gnuplot, char *buf, size_t size)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    cloexec(fd[0]);
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(126);
#endif
        int null = open("/dev/null", O_RDONLY);
        if (null < 0 || dup2(null, 0) < 0 || dup2(fd[1], 1) < 0 || dup2(fd[1], 2) < 0)
            _exit(126);
        char *const argv[] = { (char *)gnuplot, "--version", NULL };
        execv(gnuplot, argv);
        _exit(127);
    }
    (void)parent;
    close(fd[1]);
    if (pid < 0) {
        close(fd[0]);
        return -1;
    }
    size_t len = 0;
    ssize_t got;
    char tmp[256];
    while ((got = read(fd[0], tmp, sizeof tmp)) != 0) {
        if (got < 0 && errno != EINTR)
            break;
        for (ssize_t i = 0; i < got && len + 1 < size; i++)
            buf[len++] = tmp[i];
    }
    buf[len] = '\0';
    close(fd[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void spc_plot_gnuplot_version(const char *program, char *buf, size_t size)
{
    char gnuplot[4096], msg[512];
    const char *line;
    if (!spc_plot_find_gnuplot(program, gnuplot, sizeof gnuplot))
        snprintf(buf, size, "not found");
    else if (version_of(gnuplot, msg, sizeof msg) != 0 || *(line = first_line(msg)) == '\0')
        snprintf(buf, size, "unknown");
    else
        snprintf(buf, size, "%s", line);
}
