/* error.c -- the error record: first error wins, formatted once. */
#include "spcsim/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void spc_error_clear(spc_error *err)
{
    err->code = SPC_OK;
    err->msg[0] = '\0';
}

spc_status spc_error_set(spc_error *err, spc_status code, const char *fmt, ...)
{
    if (err == NULL || err->code != SPC_OK)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->code = code;
    return code;
}

spc_status spc_error_at(spc_error *err, spc_status code, const char *file,
                        int line, const char *setting, const char *fmt, ...)
{
    if (err == NULL || err->code != SPC_OK)
        return code;
    char where[512];
    const char *f = file ? file : "<command line>";
    if (line > 0)
        snprintf(where, sizeof where, "%s:%d: %s: ", f, line, setting);
    else
        snprintf(where, sizeof where, "%s: %s: ", f, setting);
    size_t len = strlen(where);
    memcpy(err->msg, where, len + 1 < sizeof err->msg ? len + 1 : sizeof err->msg);
    if (len < sizeof err->msg) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg + len, sizeof err->msg - len, fmt, ap);
        va_end(ap);
    }
    err->code = code;
    return code;
}

const char *spc_status_name(spc_status code)
{
    switch (code) {
    case SPC_OK: return "success";
    case SPC_ERR_INTERNAL: return "internal error";
    case SPC_ERR_USAGE: return "bad usage";
    case SPC_ERR_READ: return "unreadable scenario";
    case SPC_ERR_INVALID: return "invalid scenario";
    case SPC_ERR_OUTPUT: return "unwritable output";
    case SPC_ERR_INTERRUPTED: return "interrupted";
    }
    return "unknown error";
}
