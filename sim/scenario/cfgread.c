/*
 * cfgread.c -- typed, range-checked getters over a libconfig tree.
 *
 * Each getter returns 1 when it read the setting, 0 when the setting is
 * absent (the caller's default stands) and -1 after filling the error
 * record with "file:line: path: what is wrong (got VALUE)".
 */
#include "spcsim/cfgread.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/settings.h"
#include "spcsim/timeunits.h"


/* ---- paths, values and messages ---- */

/* Appends s's path below the root ("stages.[0].servers") to the string in
 * buf, cut to fit its size. */
static void setting_path_append(const config_setting_t *s, char *buf, size_t size)
{
    if (config_setting_parent(s) == NULL) /* the root: no name */
        return;
    setting_path_append(config_setting_parent(s), buf, size);
    size_t n = strlen(buf);
    const char *dot = n > 0 ? "." : "", *name = config_setting_name(s);
    if (name != NULL)
        snprintf(buf + n, size - n, "%s%s", dot, name);
    else
        snprintf(buf + n, size - n, "%s[%d]", dot, config_setting_index(s));
}

static void setting_path(const config_setting_t *s, char *buf, size_t size)
{
    if (config_setting_parent(s) == NULL) {
        snprintf(buf, size, "(scenario)");
        return;
    }
    buf[0] = '\0';
    setting_path_append(s, buf, size);
}

/* "text" with quotes, backslashes and control characters escaped the way
 * libconfig reads them, so that a message stays on one line. */
static void quote_string(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    buf[n++] = '"';
    for (; *s != '\0' && n + 10 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            n += (size_t)snprintf(buf + n, size - n, "\\%c", c);
        else if (c == '\n')
            n += (size_t)snprintf(buf + n, size - n, "\\n");
        else if (c < 0x20 || c == 0x7f)
            n += (size_t)snprintf(buf + n, size - n, "\\x%02x", c);
        else
            buf[n++] = (char)c;
    }
    snprintf(buf + n, size - n, "%s\"", *s != '\0' ? "..." : "");
}

static void describe_value(const config_setting_t *s, char *buf, size_t size)
{
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT: snprintf(buf, size, "%d", config_setting_get_int(s)); break;
    case CONFIG_TYPE_INT64: snprintf(buf, size, "%lld", config_setting_get_int64(s)); break;
    case CONFIG_TYPE_FLOAT: snprintf(buf, size, "%g", config_setting_get_float(s)); break;
    case CONFIG_TYPE_BOOL: snprintf(buf, size, "%s", config_setting_get_bool(s) ? "true" : "false"); break;
    case CONFIG_TYPE_STRING: quote_string(config_setting_get_string(s), buf, size); break;
    case CONFIG_TYPE_GROUP: snprintf(buf, size, "a group { ... }"); break;
    case CONFIG_TYPE_ARRAY: snprintf(buf, size, "an array [ ... ]"); break;
    case CONFIG_TYPE_LIST: snprintf(buf, size, "a list ( ... )"); break;
    default: snprintf(buf, size, "nothing"); break;
    }
}

/* "file:line: path: MESSAGE (got VALUE)" about setting s. */
int spc_cfg_bad(spc_cfg_reader *r, const config_setting_t *s, const char *what)
{
    char path[600], value[300];
    setting_path(s, path, sizeof path);
    describe_value(s, value, sizeof value);
    const char *file = config_setting_source_file(s);
    int line = config_setting_source_line(s);
    if (file == NULL)
        file = "--set", line = 0;
    spc_error_at(r->err, SPC_ERR_INVALID, file, line, path, "%s (got %s)", what, value);
    return -1;
}

/* A required key is missing from group g. */
int spc_cfg_missing(spc_cfg_reader *r, const config_setting_t *g, const char *key, const char *what)
{
    char path[600];
    setting_path(g, path, sizeof path);
    const char *file = config_setting_source_file(g);
    int line = config_setting_source_line(g);
    if (config_setting_parent(g) == NULL && line <= 0)
        line = 1; /* a top-level key: the file's group begins on line 1 */
    char full[700];
    snprintf(full, sizeof full, "%s%s%s", config_setting_parent(g) ? path : "",
             config_setting_parent(g) ? "." : "", key);
    spc_error_at(r->err, SPC_ERR_INVALID, file ? file : "--set", file ? line : 0, full,
                 "missing: %s", what);
    return -1;
}

/* Rejects keys of group g that are not in the NULL-terminated list. */
int spc_cfg_check_keys(spc_cfg_reader *r, const config_setting_t *g, const char *const *known)
{
    int n = config_setting_length(g);
    for (int i = 0; i < n; i++) {
        const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(s);
        int ok = 0;
        for (const char *const *k = known; *k != NULL && !ok; k++)
            ok = strcmp(*k, name) == 0;
        if (!ok) {
            char msg[600] = "unknown setting (a typo?); known here:";
            for (const char *const *k = known; *k != NULL; k++) {
                strncat(msg, " ", sizeof msg - strlen(msg) - 1);
                strncat(msg, *k, sizeof msg - strlen(msg) - 1);
            }
            return spc_cfg_bad(r, s, msg);
        }
    }
    return 0;
}

int spc_cfg_is_number(const config_setting_t *s)
{
    int t = config_setting_type(s);
    return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

double spc_cfg_number_of(const config_setting_t *s)
{
    return config_setting_type(s) == CONFIG_TYPE_FLOAT ? config_setting_get_float(s)
                                                       : (double)config_setting_get_int64(s);
}

/* ---- typed getters: 1 = read, 0 = absent (default kept), -1 = error ---- */

int spc_cfg_int(spc_cfg_reader *r, const config_setting_t *g, const char *key,
                   long long lo, long long hi, long long *out)
{
    const config_setting_t *s = config_setting_get_member(g, key);
    if (s == NULL)
        return 0;
    int t = config_setting_type(s);
    char msg[160];
    snprintf(msg, sizeof msg, "must be an integer from %lld to %lld", lo, hi);
    if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
        return spc_cfg_bad(r, s, msg);
    long long v = config_setting_get_int64(s);
    if (v < lo || v > hi)
        return spc_cfg_bad(r, s, msg);
    *out = v;
    return 1;
}

int spc_cfg_string(spc_cfg_reader *r, const config_setting_t *g, const char *key, const char **out)
{
    const config_setting_t *s = config_setting_get_member(g, key);
    if (s == NULL)
        return 0;
    if (config_setting_type(s) != CONFIG_TYPE_STRING)
        return spc_cfg_bad(r, s, "must be a string in double quotes");
    *out = config_setting_get_string(s);
    return 1;
}

/* A number within [lo, hi] (lo_open: lo excluded). */
int spc_cfg_check_range(spc_cfg_reader *r, const config_setting_t *s, double v, double lo,
                       int lo_open, double hi, const char *kind)
{
    if (isfinite(v) && (lo_open ? v > lo : v >= lo) && v <= hi)
        return 1;
    char msg[200];
    if (hi == INFINITY)
        snprintf(msg, sizeof msg, "%s must be %s %g", kind, lo_open ? ">" : ">=", lo);
    else
        snprintf(msg, sizeof msg, "%s must be %s %g and <= %g%s", kind, lo_open ? ">" : ">=", lo, hi,
                 strcmp(kind, "duration") == 0 ? " time units" : strcmp(kind, "rate") == 0 ? " per time unit" : "");
    return spc_cfg_bad(r, s, msg);
}

int spc_cfg_number(spc_cfg_reader *r, const config_setting_t *g, const char *key,
                      double lo, int lo_open, double hi, double *out)
{
    const config_setting_t *s = config_setting_get_member(g, key);
    if (s == NULL)
        return 0;
    if (!spc_cfg_is_number(s))
        return spc_cfg_bad(r, s, "must be a number");
    double v = spc_cfg_number_of(s);
    if (spc_cfg_check_range(r, s, v, lo, lo_open, hi, "value") < 0)
        return -1;
    *out = v;
    return 1;
}

/* A duration or rate written as a bare number (or a string of just a
 * number, "0.25") means "in the time unit";
 * that is accepted only when the scenario declares its time_unit (0 needs
 * no unit). Else an error saying how to write it with a unit. */
static int bare_number(spc_cfg_reader *r, const config_setting_t *s, const char *kind, const char *examples)
{
    double v = 0;
    if (config_setting_type(s) == CONFIG_TYPE_STRING) { /* "0.25": a number in a string, no unit either */
        const char *text = config_setting_get_string(s);
        char *end;
        v = strtod(text, &end);
        if (end == text || *end != '\0')
            return 0;
    } else if (spc_cfg_is_number(s)) {
        v = spc_cfg_number_of(s);
    }
    if (r->unit_declared || v == 0)
        return 0;
    char msg[300];
    snprintf(msg, sizeof msg, "a %s without a unit: write it with one, such as %s, or declare the scenario's "
             "time_unit (e.g. time_unit = \"h\";) so that bare numbers are in it", kind, examples);
    return spc_cfg_bad(r, s, msg);
}

/* A duration: a number in time units, or a string such as "15min". */
int spc_cfg_duration_of(spc_cfg_reader *r, const config_setting_t *s, double lo, int lo_open,
                        double hi, double *out)
{
    double v;
    if (bare_number(r, s, "duration", "\"4w\", \"8h\", \"15min\"") < 0)
        return -1;
    if (spc_cfg_is_number(s))
        v = spc_cfg_number_of(s);
    else if (config_setting_type(s) != CONFIG_TYPE_STRING ||
             spc_timeunit_duration(config_setting_get_string(s), r->unit, &v) != 0)
        return spc_cfg_bad(r, s, "must be a duration: a number in the time unit, or a string such as \"90s\", \"15min\", \"8h\", \"3d\", \"2w\"");
    if (spc_cfg_check_range(r, s, v, lo, lo_open, hi, "duration") < 0)
        return -1;
    *out = v;
    return 1;
}

int spc_cfg_duration(spc_cfg_reader *r, const config_setting_t *g, const char *key,
                        double lo, int lo_open, double *out)
{
    const config_setting_t *s = config_setting_get_member(g, key);
    return s == NULL ? 0 : spc_cfg_duration_of(r, s, lo, lo_open, SPC_DURATION_MAX, out);
}

/* A rate: a number per time unit, or a string such as "9/h". */
int spc_cfg_rate_of(spc_cfg_reader *r, const config_setting_t *s, int lo_open, double hi, double *out)
{
    double v;
    if (bare_number(r, s, "rate or amount per time", "\"5/h\", \"45000/w\"") < 0)
        return -1;
    if (spc_cfg_is_number(s))
        v = spc_cfg_number_of(s);
    else if (config_setting_type(s) != CONFIG_TYPE_STRING ||
             spc_timeunit_rate(config_setting_get_string(s), r->unit, &v) != 0)
        return spc_cfg_bad(r, s, "must be a rate: a number per time unit, or a string such as \"9/h\"");
    if (spc_cfg_check_range(r, s, v, 0.0, lo_open, hi, "rate") < 0)
        return -1;
    *out = v;
    return 1;
}

/* Group member that must be a group (or list), or NULL with an error. */
const config_setting_t *spc_cfg_aggregate(spc_cfg_reader *r, const config_setting_t *g,
                                             const char *key, int type, int required)
{
    const config_setting_t *s = config_setting_get_member(g, key);
    if (s == NULL) {
        if (required)
            spc_cfg_missing(r, g, key, type == CONFIG_TYPE_GROUP ? "a group { ... } is required" : "a list ( ... ) is required");
        return NULL;
    }
    if (config_setting_type(s) != type) {
        spc_cfg_bad(r, s, type == CONFIG_TYPE_GROUP ? "must be a group { ... }" : "must be a list ( ... )");
        return NULL;
    }
    return s;
}

char *spc_cfg_strdup(spc_cfg_reader *r, const char *s)
{
    char *d = strdup(s);
    if (d == NULL)
        spc_error_set(r->err, SPC_ERR_INTERNAL, "out of memory");
    return d;
}
