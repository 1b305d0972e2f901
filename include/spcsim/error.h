/*
 * error.h -- the error record and the exit codes.
 *
 * Library-style functions never print: they return a status and fill an
 * spc_error. Only main() turns the record into a message and an exit code.
 * The first error set wins; later ones are ignored, so a caller sees the
 * root cause, not a cascade.
 */
#ifndef SPCSIM_ERROR_H
#define SPCSIM_ERROR_H

/* Status codes double as the program's exit codes (see spcsim(1)). */
typedef enum {
    SPC_OK = 0,
    SPC_ERR_INTERNAL = 1, /* out of memory, a bug, a failed system call */
    SPC_ERR_USAGE = 2,    /* bad command line */
    SPC_ERR_READ = 3,     /* scenario file cannot be opened or read */
    SPC_ERR_INVALID = 4,  /* scenario has a syntax error or a bad setting */
    SPC_ERR_OUTPUT = 5,   /* output folder or file cannot be written */
    SPC_ERR_INTERRUPTED = 130 /* stopped by SIGINT or SIGTERM (main.c exits
                                 128 + the signal: 130 or 143) */
} spc_status;

typedef struct {
    spc_status code;
    char msg[1024];
} spc_error;

void spc_error_clear(spc_error *err);

/* Sets "msg" (printf-style) if no error is set yet; returns code. */
spc_status spc_error_set(spc_error *err, spc_status code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Sets "file:line: setting: msg"; file may be NULL (then "<command line>"),
 * line <= 0 omits the line number. Returns code. */
spc_status spc_error_at(spc_error *err, spc_status code, const char *file,
                        int line, const char *setting, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* A short human name for a status ("invalid scenario"). */
const char *spc_status_name(spc_status code);

#endif
