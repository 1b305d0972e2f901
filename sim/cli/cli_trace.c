/*
 * cli_trace.c -- `run --trace FILE`: the trace file of replication 0.
 *
 * The file is written like every other output: to a hidden temporary file
 * beside it (.NAME.spcsim-staging-XXXXXX, locked while live, removed by the
 * next run after a kill: stage.h), renamed into place only when the run
 * and the other outputs succeeded (output.c); the rename replaces a link
 * at FILE, never follows it. A run that fails leaves the previous trace,
 * or none, never half a trace. The file is opened before the run starts,
 * so an unwritable path fails at once (exit 5), naming the file; its
 * folder must exist (nothing else is created), and it may not be the
 * output folder, which is replaced as a whole.
 */
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* FILE -> its folder ("." when none) and its name; -1 when it names no file. */
static int split_path(const char *path, char *dir, size_t size, const char **name)
{
    const char *slash = strrchr(path, '/');
    *name = slash != NULL ? slash + 1 : path;
    if (**name == '\0' || strcmp(*name, ".") == 0 || strcmp(*name, "..") == 0)
        return -1;
    size_t n = slash == NULL ? 0 : slash == path ? 1 : (size_t)(slash - path);
    if (n + 1 > size)
        return -1;
    if (n == 0)
        strcpy(dir, ".");
    else {
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    return 0;
}

/* An error of the output folder, said about the trace file. */
static spc_status cannot_write(const char *path, const char *why, spc_error *err)
{
    return spc_error_set(err, SPC_ERR_OUTPUT, "trace file %s: cannot write: %s", path, why);
}

spc_status cli_trace_open(const options *o, const spc_scenario *sc, cli_trace *t, spc_error *err)
{
    memset(t, 0, sizeof *t);
    if (o->trace == NULL)
        return SPC_OK;
    unsigned long mask = (1ul << SPC_TR_NKINDS) - 1;
    double t0 = 0.0, t1 = INFINITY;
    if ((o->trace_events != NULL && spc_trace_parse_kinds(o->trace_events, &mask, err) != SPC_OK) ||
        (o->trace_window != NULL && spc_trace_parse_window(o->trace_window, sc->unit_seconds, &t0, &t1, err) != SPC_OK))
        return err->code;
    char dir[4096];
    const char *name;
    struct stat st;
    if (split_path(o->trace, dir, sizeof dir, &name) != 0 || (stat(o->trace, &st) == 0 && S_ISDIR(st.st_mode)))
        return cannot_write(o->trace, "it names a folder, not a file", err);
    spc_error inner;
    spc_error_clear(&inner);
    FILE *f = NULL;
    spc_stage_clean(dir, name);
    if (spc_output_open(&t->out, dir, NULL, &inner) != SPC_OK || (f = spc_output_file(&t->out, name, &inner)) == NULL)
        return inner.code == SPC_ERR_OUTPUT ? cannot_write(o->trace, inner.msg, err)
                                            : spc_error_set(err, inner.code, "%s", inner.msg);
    t->tr = spc_trace_alloc(f, mask, t0, t1);
    if (t->tr == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    spc_trace_header(t->tr, sc->name, (unsigned long long)sc->seed, sc->time_unit, sc->units.count);
    return SPC_OK;
}

spc_status cli_trace_check(const options *o, const char *outdir, spc_error *err)
{
    char dir[4096];
    const char *name;
    if (o->trace == NULL || split_path(o->trace, dir, sizeof dir, &name) != 0)
        return err->code;
    struct stat a, b;
    int inside = stat(dir, &a) == 0 && stat(outdir, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
    return inside ? spc_error_set(err, SPC_ERR_USAGE, "--trace %s: put the trace outside the output folder %s, "
                                  "which is replaced as a whole", o->trace, outdir)
                  : err->code;
}

spc_status cli_trace_commit(cli_trace *t, spc_error *err)
{
    if (t->tr == NULL)
        return SPC_OK;
    spc_error inner;
    spc_error_clear(&inner);
    if (spc_output_commit(&t->out, &inner) != SPC_OK)
        return spc_error_set(err, inner.code, "%s", inner.msg);
    return SPC_OK;
}

void cli_trace_close(cli_trace *t)
{
    spc_trace_free(t->tr);
    t->tr = NULL;
    spc_output_close(&t->out); /* the temporary file, unless committed */
}
