/*
 * output.c -- the files of an output: in a staging folder (stage.h), or
 * beside their final name as temporary files, then renamed (output.h).
 */
#include "spcsim/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p != NULL)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

spc_status spc_output_open(spc_output *o, const char *dir, spc_stage *stage, spc_error *err)
{
    memset(o, 0, sizeof *o);
    if (stage != NULL) {
        o->stage = stage;
        o->dir = strdup(stage->path != NULL ? stage->path : dir);
        return o->dir ? SPC_OK : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    }
    struct stat st;
    if (dir[0] == '\0' || stat(dir, &st) != 0)
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot open the folder: %s", dir,
                             dir[0] == '\0' ? "no name" : strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s: not a folder", dir);
    if (access(dir, W_OK | X_OK) != 0)
        return spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot write to the output folder: %s", dir, strerror(errno));
    o->dir = strdup(dir);
    return o->dir ? SPC_OK : spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
}

/* A file of the staging folder, under its own name. */
static FILE *stage_file(spc_output *o, const char *name, spc_error *err)
{
    int fd = spc_stage_create(o->stage, name);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    char *final = join(o->stage->shown, name);
    if (f == NULL || final == NULL) {
        spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot write: %s", final ? final : name, strerror(errno));
        if (f != NULL)
            fclose(f);
        else if (fd >= 0)
            close(fd);
        free(final);
        return NULL;
    }
    o->final[o->n] = final;
    o->temp[o->n] = NULL;
    o->f[o->n] = f;
    o->n++;
    return f;
}

FILE *spc_output_file(spc_output *o, const char *name, spc_error *err)
{
    if (o->n == SPC_OUTPUT_MAX_FILES) {
        spc_error_set(err, SPC_ERR_INTERNAL, "too many output files");
        return NULL;
    }
    if (o->stage != NULL)
        return stage_file(o, name, err);
    char tmpname[256];
    snprintf(tmpname, sizeof tmpname, ".%s.spcsim-staging-XXXXXX", name); /* cleaned after a kill: stage.h */
    char *final = join(o->dir, name), *temp = join(o->dir, tmpname);
    int fd = (final && temp) ? mkstemp(temp) : -1;
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (f == NULL) {
        spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot write: %s", final ? final : name, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(temp);
        }
        free(final);
        free(temp);
        return NULL;
    }
    fchmod(fd, 0644);
    spc_stage_lock(fd); /* live: no other run's spc_stage_clean removes it */
    o->final[o->n] = final;
    o->temp[o->n] = temp;
    o->f[o->n] = f;
    o->n++;
    return f;
}

spc_status spc_output_commit(spc_output *o, spc_error *err)
{
    for (size_t i = 0; i < o->n; i++) {
        int bad = ferror(o->f[i]);
        if (fclose(o->f[i]) != 0 || bad)
            spc_error_set(err, SPC_ERR_OUTPUT, "%s: write failed: %s", o->final[i], strerror(errno));
        o->f[i] = NULL;
        if (o->stage != NULL && err->code == SPC_OK)
            spc_stage_point(o->stage, strrchr(o->final[i], '/') + 1, err);
    }
    if (err->code != SPC_OK || o->stage != NULL)
        return err->code;
    for (size_t i = 0; i < o->n; i++) {
        if (rename(o->temp[i], o->final[i]) != 0)
            return spc_error_set(err, SPC_ERR_OUTPUT, "%s: cannot rename into place: %s", o->final[i], strerror(errno));
        free(o->temp[i]);
        o->temp[i] = NULL;
    }
    return SPC_OK;
}

void spc_output_close(spc_output *o)
{
    for (size_t i = 0; i < o->n; i++) {
        if (o->f[i] != NULL)
            fclose(o->f[i]);
        if (o->temp[i] != NULL)
            unlink(o->temp[i]);
        free(o->temp[i]);
        free(o->final[i]);
    }
    free(o->dir);
    memset(o, 0, sizeof *o);
}
