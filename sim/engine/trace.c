/*
 * trace.c -- the tracer (trace.h): a filter on kind and time, and one
 * fixed-width line per event.
 */
#include "spcsim/trace.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/timeunits.h"

struct spc_trace {
    FILE *f;              /* borrowed */
    unsigned long mask;   /* bit k: kind k is written */
    double t0, t1;        /* the window, inclusive */
};

static const char *const kind_names[SPC_TR_NKINDS] = {
    "arrival", "queue", "service_start", "service_end", "deliver", "rework", "blocked", "balk", "renege",
    "quit", "hire", "layoff", "absence",
    "purchase", "acquire", "claim", "encounter",
    "report", "intervention", "warmup", "end",
};

const char *spc_trace_kind_name(spc_trace_kind kind)
{
    return (unsigned)kind < SPC_TR_NKINDS ? kind_names[kind] : "?";
}

static spc_status unknown_kind(const char *name, size_t len, spc_error *err)
{
    char known[400] = "";
    for (int k = 0; k < SPC_TR_NKINDS; k++) {
        if (k > 0)
            strcat(known, ", ");
        strcat(known, kind_names[k]);
    }
    if (len == 0)
        return spc_error_set(err, SPC_ERR_USAGE, "--trace-events: an empty event kind (known kinds: %s)", known);
    return spc_error_set(err, SPC_ERR_USAGE, "--trace-events: unknown event kind '%.*s' (known kinds: %s)",
                         (int)len, name, known);
}

spc_status spc_trace_parse_kinds(const char *text, unsigned long *mask, spc_error *err)
{
    *mask = 0;
    for (const char *p = text;; p++) {
        size_t len = strcspn(p, ",");
        int k = 0;
        while (k < SPC_TR_NKINDS && !(strlen(kind_names[k]) == len && strncmp(kind_names[k], p, len) == 0))
            k++;
        if (k == SPC_TR_NKINDS)
            return unknown_kind(p, len, err);
        *mask |= 1ul << k;
        p += len;
        if (*p == '\0')
            return SPC_OK;
    }
}

/* One side of the window: empty -> dflt. */
static int window_side(const char *text, size_t len, double unit_seconds, double dflt, double *out)
{
    char buf[64];
    if (len == 0) {
        *out = dflt;
        return 0;
    }
    if (len >= sizeof buf)
        return -1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    return spc_timeunit_duration(buf, unit_seconds, out);
}

spc_status spc_trace_parse_window(const char *text, double unit_seconds, double *t0, double *t1, spc_error *err)
{
    const char *colon = strchr(text, ':');
    if (colon == NULL || strchr(colon + 1, ':') != NULL ||
        window_side(text, (size_t)(colon - text), unit_seconds, 0.0, t0) != 0 ||
        window_side(colon + 1, strlen(colon + 1), unit_seconds, INFINITY, t1) != 0)
        return spc_error_set(err, SPC_ERR_USAGE, "--trace-window needs T0:T1, two durations such as 2w:3w or "
                             "numbers in the scenario's time unit (got '%s')", text);
    if (*t0 < 0 || *t0 > *t1)
        return spc_error_set(err, SPC_ERR_USAGE, "--trace-window: T0 must be >= 0 and <= T1 (got '%s')", text);
    return SPC_OK;
}

spc_trace *spc_trace_alloc(FILE *f, unsigned long mask, double t0, double t1)
{
    spc_trace *tr = malloc(sizeof *tr);
    if (tr != NULL)
        *tr = (spc_trace){ f, mask, t0, t1 };
    return tr;
}

void spc_trace_free(spc_trace *tr)
{
    free(tr);
}

void spc_trace_header(spc_trace *tr, const char *scenario, unsigned long long seed, const char *time_unit,
                      int units)
{
    fprintf(tr->f, "# spcsim trace of %s, seed %llu, replication 0%s; time in %s\n", scenario, seed,
            units > 1 ? ", unit 0" : "", time_unit);
    if (tr->mask != (1ul << SPC_TR_NKINDS) - 1) {
        fputs("# kinds:", tr->f);
        for (int k = 0; k < SPC_TR_NKINDS; k++)
            if (tr->mask & (1ul << k))
                fprintf(tr->f, " %s", kind_names[k]);
        fputc('\n', tr->f);
    }
    if (tr->t0 > 0 && isfinite(tr->t1))
        fprintf(tr->f, "# window: %.4f to %.4f %s\n", tr->t0, tr->t1, time_unit);
    else if (tr->t0 > 0 || isfinite(tr->t1))
        fprintf(tr->f, "# window: %s %.4f %s\n", tr->t0 > 0 ? "from" : "up to", tr->t0 > 0 ? tr->t0 : tr->t1,
                time_unit);
    fprintf(tr->f, "# %10s  %-13s  %-16s  %s\n", "time", "kind", "entity", "what");
}

int spc_trace_wants(const spc_trace *tr, spc_trace_kind kind, double now)
{
    return (tr->mask >> kind & 1ul) && now >= tr->t0 && now <= tr->t1;
}

void spc_trace_line(spc_trace *tr, double now, spc_trace_kind kind, const char *entity, const char *fmt, ...)
{
    if (!spc_trace_wants(tr, kind, now))
        return;
    fprintf(tr->f, "%12.4f  %-13s  %-16s  ", now, kind_names[kind], entity);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(tr->f, fmt, ap);
    va_end(ap);
    fputc('\n', tr->f);
}

const char *spc_trace_position(char *buf, size_t size, const char *stage, unsigned pos)
{
    snprintf(buf, size, "%s#%u", stage, pos);
    return buf;
}
