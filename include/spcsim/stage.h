/*
 * stage.h -- an output folder put in place all at once: a private staging
 * folder beside the target, then one atomic exchange.
 *
 * Every command writes its whole output (CSV, JSON, the resolved scenario,
 * scripts, figures, report.html) into a fresh staging folder
 * PARENT/.NAME.spcsim-staging-XXXXXX beside the target PARENT/NAME (same
 * parent, so renames are atomic). spc_stage_commit then puts it in place:
 *
 *   - NAME absent: rename(staging, NAME);
 *   - NAME a folder: renameat2(RENAME_EXCHANGE), then the old output (now
 *     under the staging name) is removed. Where the filesystem lacks the
 *     exchange (EINVAL, ENOSYS, ...), the fallback renames NAME aside to
 *     .NAME.spcsim-staging-XXXXXX-old, the staging folder to NAME, then
 *     removes the old one: between those two renames NAME is missing (never
 *     half written); a run killed there leaves the old output in the -old
 *     folder.
 *
 * So at every instant NAME holds the complete old output or the complete
 * new one, and files of an earlier run that this one does not write are
 * gone. Files are created inside the staging folder with
 * O_EXCL|O_NOFOLLOW, so a symbolic link planted in NAME is never followed.
 *
 * A live staging folder holds an flock(2); a later run into the same place
 * removes leftovers of killed runs (their pattern only, and only when not
 * locked). Fault injection, for the tests: SPCSIM_FAULT_AFTER_WRITES=k
 * makes the k-th write point of a stage fail with ENOSPC, or with
 * SPCSIM_FAULT=kill makes the process SIGKILL itself there;
 * SPCSIM_NO_EXCHANGE=1 takes the fallback as if the exchange were missing.
 */
#ifndef SPCSIM_STAGE_H
#define SPCSIM_STAGE_H

#include <signal.h>
#include <stddef.h>

#include "spcsim/error.h"

typedef struct {
    char *shown;        /* the output folder, as given (for messages) */
    char *target;       /* the output folder (resolved when it exists) */
    char *parent;       /* its folder */
    char *name;         /* its last component */
    char *path;         /* the staging folder; NULL once committed or removed */
    int fd;             /* open on path (holds the lock), -1 when none */
    char *made;         /* the first parent folder this stage created, or NULL */
    unsigned long writes, fault_at; /* write points so far; fault at the k-th (0: never) */
    int fault_kill;     /* SIGKILL instead of ENOSPC */
    int no_exchange;    /* SPCSIM_NO_EXCHANGE set: the fallback, as without RENAME_EXCHANGE */
    const volatile sig_atomic_t *stop; /* NULL, or the face's stop flag */
} spc_stage;

/* Checks, creating nothing, that `target` can be an output folder: not
 * empty, not too long, not an existing non-folder, and its nearest existing
 * parent writable. SPC_ERR_OUTPUT when not. */
spc_status spc_stage_check(const char *target, spc_error *err);

/* Checks target, creates its missing parents, removes leftovers of killed
 * runs into it, and makes the staging folder. `stop` may be NULL. */
spc_status spc_stage_open(spc_stage *s, const char *target, const volatile sig_atomic_t *stop, spc_error *err);

/* A write point (a file finished, a figure drawn): counts it, fails by
 * fault injection, and returns SPC_ERR_INTERRUPTED once the stop flag is set. */
spc_status spc_stage_point(spc_stage *s, const char *what, spc_error *err);

/* Creates file `name` in the staging folder (replacing one there), O_EXCL
 * and O_NOFOLLOW; returns a descriptor, or -1 with errno set. */
int spc_stage_create(spc_stage *s, const char *name);

/* Puts the staging folder in place of the target (see above). */
spc_status spc_stage_commit(spc_stage *s, spc_error *err);

/* Removes leftovers of killed runs named for `name` in folder `parent`:
 * staging folders, and temporary files of a lone output (--trace) named
 * .NAME.spcsim-staging-XXXXXX, when no live run holds their lock. */
void spc_stage_clean(const char *parent, const char *name);

/* Takes the lock that marks fd (a staging folder or temporary file) as
 * live; 0, or -1. */
int spc_stage_lock(int fd);

/* Removes the staging folder unless committed (and the parents this stage
 * created, when empty), and frees s; accepts a zeroed s. */
void spc_stage_close(spc_stage *s);

#endif
