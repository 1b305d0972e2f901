/* timeunits.c -- parsing durations ("15min") and rates ("9/h") into time units. */
#include "spcsim/timeunits.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    double seconds;
} units[] = {
    { "s", 1.0 }, { "min", 60.0 }, { "h", 3600.0 }, { "d", 86400.0 }, { "w", 604800.0 },
};

double spc_timeunit_seconds(const char *unit)
{
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(unit, units[i].name) == 0)
            return units[i].seconds;
    return 0.0;
}

/* Reads a finite number and skips blanks after it; NULL if none. */
static const char *read_number(const char *text, double *x)
{
    char *end;
    errno = 0;
    *x = strtod(text, &end);
    if (end == text || errno == ERANGE || !isfinite(*x))
        return NULL;
    while (isspace((unsigned char)*end))
        end++;
    return end;
}

int spc_timeunit_duration(const char *text, double unit_seconds, double *out)
{
    double x;
    const char *rest = read_number(text, &x);
    if (rest == NULL)
        return -1;
    if (*rest == '\0') {
        *out = x;
        return 0;
    }
    double s = spc_timeunit_seconds(rest);
    if (s == 0.0)
        return -1;
    *out = x * s / unit_seconds;
    return 0;
}

int spc_timeunit_rate(const char *text, double unit_seconds, double *out)
{
    double x;
    const char *rest = read_number(text, &x);
    if (rest == NULL)
        return -1;
    if (*rest == '\0') {
        *out = x;
        return 0;
    }
    if (*rest != '/')
        return -1;
    rest++;
    while (isspace((unsigned char)*rest))
        rest++;
    double s = spc_timeunit_seconds(rest);
    if (s == 0.0)
        return -1;
    *out = x * unit_seconds / s;
    return 0;
}
