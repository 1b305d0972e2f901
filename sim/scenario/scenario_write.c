/*
 * scenario_write.c -- the resolved scenario, written back as libconfig.
 *
 * Every default is written out and every duration and rate is a plain
 * number in the scenario's time unit, printed with the shortest decimal
 * form that reads back to the same double. Reading the file back gives
 * the same struct, so the run it describes is reproduced exactly.
 *
 * What is written, in which order and on which line comes from the
 * declarations (settings.c): a setting declared is a setting written.
 * Only the arrival process, the routing, distributions and the
 * interventions have code of their own here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/scenario.h"
#include "spcsim/settings.h"
#include "spcsim/timeunits.h"

/* Shortest "%.Ng" that reads back to x; always looks like a float to libconfig. */
static void fmt_real(char *buf, size_t size, double x)
{
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    if (strpbrk(buf, ".eEn") == NULL)
        strncat(buf, ".0", size - strlen(buf) - 1);
}

static void put_real(FILE *f, double x)
{
    char buf[64];
    fmt_real(buf, sizeof buf, x);
    fputs(buf, f);
}

static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", f);
        else if (*s == '\t')
            fputs("\\t", f);
        else if ((unsigned char)*s < 0x20)
            fprintf(f, "\\x%02x", (unsigned char)*s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

static void put_array(FILE *f, const double *x, size_t n)
{
    fputs("[ ", f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        put_real(f, x[i]);
    }
    fputs(" ]", f);
}

static void put_dist(FILE *f, const spc_dist *d)
{
    fprintf(f, "{ dist = \"%s\";", spc_dist_kind_name(d->kind));
    switch (d->kind) {
    case SPC_DIST_UNIFORM:
        fputs(" min = ", f); put_real(f, d->min);
        fputs("; max = ", f); put_real(f, d->max);
        fputs(";", f);
        break;
    case SPC_DIST_EMPIRICAL:
        fputs(" values = ", f); put_array(f, d->values, d->n);
        fputs(";", f);
        if (d->weights) {
            fputs(" weights = ", f); put_array(f, d->weights, d->n);
            fputs(";", f);
        }
        break;
    default:
        fputs(" mean = ", f); put_real(f, d->mean);
        fputs(";", f);
        if (d->kind != SPC_DIST_EXPONENTIAL && d->kind != SPC_DIST_DETERMINISTIC) {
            fputs(" cv = ", f); put_real(f, d->cv);
            fputs(";", f);
        }
    }
    fputs(" }", f);
}

static void put_arrivals(FILE *f, const spc_scenario *sc)
{
    const spc_arrivals_spec *a = &sc->arrivals;
    fputs("arrivals = {\n", f);
    switch (sc->customers.enabled ? -1 : (int)a->kind) {
    case SPC_ARRIVALS_POISSON:
        fputs("  process = \"poisson\";\n  rate = ", f);
        put_real(f, a->rate);
        fputs(";\n", f);
        break;
    case SPC_ARRIVALS_SCHEDULE:
        fputs("  process = \"poisson\";\n  schedule = {\n    period = ", f);
        put_real(f, a->period);
        fputs(";\n    rates = ", f);
        put_array(f, a->slot_rate, a->nslots);
        fputs(";\n    starts = ", f);
        put_array(f, a->slot_start, a->nslots);
        fputs(";\n  };\n", f);
        break;
    case SPC_ARRIVALS_RENEWAL:
        fputs("  process = \"renewal\";\n  interarrival = ", f);
        put_dist(f, &a->interarrival);
        fputs(";\n", f);
        break;
    default: /* customers make the orders */
        break;
    }
    fputs("  entry = ", f);
    put_string(f, sc->stages[a->entry].name);
    fputs(";\n};\n", f);
}

static void put_routing(FILE *f, const spc_scenario *sc, const spc_stage_spec *st)
{
    fputc('(', f);
    for (size_t k = 0; k < st->nroutes; k++) {
        fputs(k ? ", { to = " : " { to = ", f);
        put_string(f, st->routes[k].to == SPC_ROUTE_DELIVER ? "deliver" : sc->stages[st->routes[k].to].name);
        fputs("; p = ", f);
        put_real(f, st->routes[k].p);
        fputs("; }", f);
    }
    fputs(" )", f);
}

static const void *base_of(const spc_setting *s, const spc_scenario *sc, size_t stage)
{
    return s->base == SPC_IN_STAGE ? (const void *)&sc->stages[stage] : (const void *)sc;
}

/* Whether s is written: its group is present, an optional integer is set. */
static int written(const spc_setting *s, const spc_scenario *sc, size_t stage)
{
    if (s->present != 0) {
        int on = *(const int *)((const char *)base_of(s, sc, stage) + s->present);
        if (on < (s->present_min > 0 ? s->present_min : 1))
            return 0;
    }
    if (s->layout & SPC_LAY_OPTIONAL)
        return spc_settings_value(s, spc_settings_cfield(s, sc, stage)) >= s->lo;
    return 1;
}

static void put_group(FILE *f, const spc_scenario *sc, const spc_setting *g, size_t stage, int level);

/* The value of s, as the reader reads it back. */
static void put_value(FILE *f, const spc_scenario *sc, const spc_setting *s, size_t stage, int level)
{
    const void *v = spc_settings_cfield(s, sc, stage);
    switch (s->kind) {
    case SPC_SET_GROUP: put_group(f, sc, s, stage, level); break;
    case SPC_SET_COUNT: case SPC_SET_INT: fprintf(f, "%d", *(const int *)v); break;
    case SPC_SET_LONG: fprintf(f, "%ld", *(const long *)v); break;
    case SPC_SET_SEED: fprintf(f, "%lluL", (unsigned long long)*(const uint64_t *)v); break;
    case SPC_SET_FLAG: fputs(*(const int *)v ? "true" : "false", f); break;
    case SPC_SET_STRING: put_string(f, *(char *const *)v); break;
    case SPC_SET_STAGE: put_string(f, sc->stages[*(const int *)v].name); break;
    case SPC_SET_DIST: put_dist(f, v); break;
    case SPC_SET_ROUTING: put_routing(f, sc, &sc->stages[stage]); break;
    case SPC_SET_ENUM: {
        const char *w = s->words;
        for (int i = *(const int *)v; i > 0 && *w; i--)
            w += strcspn(w, " ") + (w[strcspn(w, " ")] == ' ');
        fprintf(f, "\"%.*s\"", (int)strcspn(w, " "), w);
        break;
    }
    case SPC_SET_NEVER:
        if (isinf(*(const double *)v)) {
            fputs("\"never\"", f);
            break;
        }
        /* fall through */
    default:
        put_real(f, *(const double *)v);
    }
}

/* The members of group g: "key = value;" each, on the line of the one
 * before or on a new line (layout), then the closing brace. A member at
 * `level` is indented by 2 * level spaces when it starts a line. */
static void put_group(FILE *f, const spc_scenario *sc, const spc_setting *g, size_t stage, int level)
{
    int block = (g->layout & SPC_LAY_BLOCK) != 0;
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    fputc('{', f);
    for (size_t i = 0; i < n; i++) {
        const spc_setting *s = &t[i];
        if (!spc_settings_in_group(s, g->path) || !written(s, sc, stage))
            continue;
        if (block ? !(s->layout & SPC_LAY_JOIN) : (s->layout & SPC_LAY_BREAK) != 0)
            fprintf(f, "\n%*s", 2 * (level + 1), "");
        else
            fputc(' ', f);
        fprintf(f, "%s = ", spc_settings_key(s));
        put_value(f, sc, s, stage, level + 1);
        fputc(';', f);
    }
    if (block)
        fprintf(f, "\n%*s}", 2 * level, "");
    else
        fputs(" }", f);
}

static void put_stages(FILE *f, const spc_scenario *sc)
{
    const spc_setting *g = spc_settings_find("stages.[]");
    fputs("stages = (\n", f);
    for (size_t i = 0; i < sc->nstages; i++) {
        fputs("  ", f);
        put_group(f, sc, g, i, 1);
        fputs(i + 1 < sc->nstages ? ",\n" : "\n", f);
    }
    fputs(");\n", f);
}

static void put_interventions(FILE *f, const spc_scenario *sc)
{
    fputs("interventions = (\n", f);
    for (size_t k = 0; k < sc->ninterventions; k++) {
        const spc_intervention *iv = &sc->interventions[k];
        fputs("  { at = ", f);
        put_real(f, iv->at);
        fputs("; set = (", f);
        for (size_t j = 0; j < iv->nsets; j++) {
            fputs(j ? ", " : " ", f);
            put_string(f, iv->sets[j]);
        }
        fputs(k + 1 < sc->ninterventions ? " ); },\n" : " ); }\n", f);
    }
    fputs(");\n", f);
}

/* The classroom page's levers (scenario_levers.h). */
static void put_levers(FILE *f, const spc_scenario *sc)
{
    fputs("levers = (\n", f);
    for (size_t k = 0; k < sc->nlevers; k++) {
        const spc_scenario_lever *l = &sc->levers[k];
        fputs("  { path = ", f); put_string(f, l->path);
        fputs("; label = ", f); put_string(f, l->label);
        fputs("; unit = ", f); put_string(f, l->unit);
        fputs("; min = ", f); put_real(f, l->min);
        fputs("; max = ", f); put_real(f, l->max);
        fputs("; step = ", f); put_real(f, l->step);
        fputs(k + 1 < sc->nlevers ? "; },\n" : "; }\n", f);
    }
    fputs(");\n", f);
}

/* The top level, in the declared order; the arrival process, the stage
 * list and the interventions have writers of their own. */
int spc_scenario_write(const spc_scenario *sc, FILE *f)
{
    fputs("# Resolved scenario: every default filled in, every duration and rate\n"
          "# in the time unit below. Running this file reproduces the run.\n", f);
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++) {
        const spc_setting *s = &t[i];
        if (!spc_settings_in_group(s, "") || !written(s, sc, 0))
            continue;
        if (strcmp(s->path, "arrivals") == 0)
            put_arrivals(f, sc);
        else if (strcmp(s->path, "stages") == 0)
            put_stages(f, sc);
        else if (strcmp(s->path, "interventions") == 0) {
            if (sc->ninterventions > 0)
                put_interventions(f, sc);
        } else if (strcmp(s->path, "levers") == 0) {
            if (sc->nlevers > 0)
                put_levers(f, sc);
        } else {
            fprintf(f, "%s = ", s->path);
            put_value(f, sc, s, 0, 0);
            fputs(";\n", f);
        }
    }
    return ferror(f) ? -1 : 0;
}

/* ---- check: every duration and rate with its unit ---- */

/* Whether s and every group above it are written (a setting of an absent
 * section is not in effect). */
static int in_effect(const spc_setting *s, const spc_scenario *sc, size_t stage)
{
    char path[256];
    snprintf(path, sizeof path, "%s", s->path);
    for (char *dot; written(s, sc, stage) && (dot = strrchr(path, '.')) != NULL;) {
        *dot = '\0';
        if (strcmp(path, "stages.[]") == 0 || (s = spc_settings_find(path)) == NULL)
            return 1;
    }
    return written(s, sc, stage);
}

/* The declared unit with the scenario's: "currency per time unit" ->
 * "currency per h"; a bare "time unit" -> "h". */
static void unit_label(const spc_setting *s, const spc_scenario *sc, char *buf, size_t size)
{
    const char *u = s->unit != NULL && *s->unit ? s->unit : s->kind == SPC_SET_RATE ? "per time unit" : "time unit";
    const char *at = strstr(u, "time unit");
    if (at == NULL)
        snprintf(buf, size, "%s", u);
    else
        snprintf(buf, size, "%.*s%s%s", (int)(at - u), u, sc->time_unit, at + strlen("time unit"));
}

/* One line: path, value with its unit, and a duration again in the largest
 * unit that holds it once, a rate per week (or day). A distribution: its mean. */
static void put_unit_line(FILE *f, const spc_setting *s, const spc_scenario *sc, size_t stage, const char *path)
{
    const void *field = spc_settings_cfield(s, sc, stage);
    int dist = s->kind == SPC_SET_DIST;
    double v = dist ? spc_dist_true_mean(field) : spc_settings_value(s, field);
    char unit[160], name[320];
    unit_label(s, sc, unit, sizeof unit);
    snprintf(name, sizeof name, "%s%s", path, dist ? " (mean)" : "");
    if (isinf(v)) {
        fprintf(f, "#   %-44s never\n", name);
        return;
    }
    fprintf(f, "#   %-44s %.6g %s", name, v, unit);
    if (s->kind == SPC_SET_RATE) { /* per week, or per day in a scenario in weeks */
        int weeks = strcmp(sc->time_unit, "w") != 0;
        fprintf(f, " = %.6g per %s\n", v * (weeks ? 7 * 86400.0 : 86400.0) / sc->unit_seconds, weeks ? "w" : "d");
        return;
    }
    static const char *const units[] = { "w", "d", "h", "min", "s" }; /* the largest that holds it once */
    size_t u = 0;
    while (u + 1 < sizeof units / sizeof units[0] && v * sc->unit_seconds < spc_timeunit_seconds(units[u]))
        u++;
    if (v > 0 && strcmp(units[u], sc->time_unit) != 0)
        fprintf(f, " = %.6g %s", v * sc->unit_seconds / spc_timeunit_seconds(units[u]), units[u]);
    fputc('\n', f);
}

void spc_scenario_write_units(const spc_scenario *sc, FILE *f)
{
    fprintf(f, "# Durations and rates with their units (time unit %s%s):\n", sc->time_unit,
            sc->time_unit_declared ? ", declared" : ", the default: every duration and rate has its unit");
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    char path[300];
    for (size_t i = 0; i < n; i++) {
        const spc_setting *s = &t[i];
        if (s->kind != SPC_SET_DURATION && s->kind != SPC_SET_NEVER && s->kind != SPC_SET_RATE &&
            s->kind != SPC_SET_DIST)
            continue;
        if (s->base != SPC_IN_STAGE) {
            if (in_effect(s, sc, 0) && (s->kind != SPC_SET_DIST || strcmp(s->path, "arrivals.interarrival") != 0 ||
                                        sc->arrivals.kind == SPC_ARRIVALS_RENEWAL))
                put_unit_line(f, s, sc, 0, s->path);
            continue;
        }
        for (size_t k = 0; k < sc->nstages; k++)
            if (in_effect(s, sc, k)) {
                snprintf(path, sizeof path, "stages.[%zu]%s", k, s->path + strlen("stages.[]"));
                put_unit_line(f, s, sc, k, path);
            }
    }
}
