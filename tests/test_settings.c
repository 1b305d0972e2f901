/*
 * test_settings.c -- the declarations of settings (settings.h) against
 * everything built from them.
 *
 *   1. every declared setting, set to a value other than its default with
 *      a --set, survives the resolved file: written, read back, equal (a
 *      setting the reader reads but the writer forgets fails here);
 *   2. every declared default is the value the reader applies;
 *   3. every declared group rejects an undeclared key, and names exactly
 *      its declared members as the known ones;
 *   4. every declared bound is enforced: a value just outside it, written
 *      into a file, is rejected with "file:line: setting: ...";
 *   5. every settings table of docs/scenario-reference.md (the blocks
 *      <!-- settings: GROUP --> ... <!-- /settings -->) is the one
 *      spc_settings_markdown prints;
 *   6. the five time constants that accept "never" do;
 *   7. the default and range columns of docs/model.md's parameter tables
 *      agree with the declarations of the settings they name.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests.h"
#include "spcsim/scenario.h"
#include "spcsim/settings.h"
#include "spcsim/text.h"
#include "spcsim/timeunits.h"

#define COMPANY "tests/data/settings/company.cfg"

/* ---- helpers ---- */

static spc_scenario *load(const char *file, const char *const *sets, size_t n, spc_error *err)
{
    spc_error_clear(err);
    return spc_scenario_load(file, sets, n, err);
}

static char *resolve_text(const spc_scenario *sc)
{
    char path[64];
    char *t = tests_write_resolved(sc, path, sizeof path);
    unlink(path);
    return t;
}

/* "stages.[].salary" -> "stages.[0].salary". */
static void concrete_path(const spc_setting *s, char *buf, size_t size)
{
    const char *at = strstr(s->path, "[]");
    if (at == NULL)
        snprintf(buf, size, "%s", s->path);
    else
        snprintf(buf, size, "%.*s[0]%s", (int)(at - s->path), s->path, at + 2);
}

/* The scenario a setting is walked in: arrivals need a scenario without
 * customers, and the process needs one that is not Poisson. */
static const char *base_of(const spc_setting *s)
{
    if (strcmp(s->path, "arrivals.schedule") == 0)
        return "tests/data/settings/queue-schedule.cfg";
    if (strcmp(s->path, "arrivals.process") == 0 || strcmp(s->path, "arrivals.interarrival") == 0)
        return "tests/data/settings/queue-renewal.cfg";
    if (strncmp(s->path, "arrivals.", 9) == 0)
        return "tests/data/settings/queue-rate.cfg";
    return COMPANY;
}

/* A value other than cur, inside the declared range. */
static double other_number(const spc_setting *s, double cur)
{
    switch (s->kind) {
    case SPC_SET_WHOLE: case SPC_SET_COUNT: case SPC_SET_INT: case SPC_SET_SEED:
        return cur + 1 <= s->hi ? cur + 1 : cur - 1;
    case SPC_SET_LONG:
        return cur < s->lo ? s->lo + 2 : cur + 1;
    case SPC_SET_FLAG:
        return !cur;
    default:
        break;
    }
    if (isinf(cur))
        return 123.0;
    if (isinf(s->hi))
        return cur * 1.5 + 1.0;
    return cur < s->hi ? (cur + s->hi) / 2 : (s->lo + cur) / 2;
}

/* The --set text of a value other than the base's, or "" when the base
 * itself holds a value other than the default (arrivals.process). */
static void other_value(const spc_setting *s, const spc_scenario *sc, char *buf, size_t size)
{
    const void *field = spc_settings_cfield(s, sc, 0);
    if (s->example != NULL) {
        snprintf(buf, size, "%s", s->example);
    } else if (spc_settings_is_scalar(s->kind)) {
        double v = other_number(s, spc_settings_value(s, field));
        if (s->kind == SPC_SET_FLAG)
            snprintf(buf, size, "%s", v ? "true" : "false");
        else if (s->kind == SPC_SET_INT || s->kind == SPC_SET_LONG || s->kind == SPC_SET_SEED)
            snprintf(buf, size, "%.0f", v);
        else
            snprintf(buf, size, "%.17g%s", v, v == floor(v) && fabs(v) < 1e15 ? ".0" : "");
    } else if (s->kind == SPC_SET_STRING) {
        snprintf(buf, size, "\"walked\"");
    } else if (s->kind == SPC_SET_STAGE) {
        snprintf(buf, size, "\"%s\"", sc->stages[(size_t)(*(const int *)field + 1) % sc->nstages].name);
    } else if (s->kind == SPC_SET_ENUM && s->words != NULL && field != NULL) {
        const char *w = s->words + strcspn(s->words, " ") + 1;
        snprintf(buf, size, "\"%.*s\"", (int)strcspn(w, " "), w);
    } else if (s->kind == SPC_SET_DIST) {
        snprintf(buf, size, "{ dist = \"gamma\"; mean = 3.0; cv = 0.25; }");
    } else if (s->kind == SPC_SET_ROUTING) {
        snprintf(buf, size, "\"deliver\"");
    } else if (s->kind == SPC_SET_SCHEDULE) {
        snprintf(buf, size, "{ period = 12.0; rates = [ 1.0, 3.0, 2.0 ]; }");
    } else {
        buf[0] = '\0';
    }
}

/* ---- 1. every declared setting survives the resolved file ---- */

static int walk_one(const spc_setting *s)
{
    const char *base = base_of(s);
    char path[160], value[200], assign[400], p1[64];
    spc_error err;
    spc_scenario *b = load(base, NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    concrete_path(s, path, sizeof path);
    other_value(s, b, value, sizeof value);
    snprintf(assign, sizeof assign, "%s=%s", path, value);
    const char *sets[] = { assign };
    spc_scenario *a = load(base, sets, value[0] ? 1 : 0, &err);
    int ok = a != NULL;
    if (!ok)
        fprintf(stderr, "\n  %s: --set %s: %s", base, assign, err.msg);
    char *t0 = ok ? resolve_text(b) : NULL, *t1 = ok ? tests_write_resolved(a, p1, sizeof p1) : NULL;
    spc_scenario *back = ok ? load(p1, NULL, 0, &err) : NULL;
    char *t2 = back ? resolve_text(back) : NULL;
    if (ok && back == NULL)
        fprintf(stderr, "\n  %s: the resolved file does not read back: %s", path, err.msg);
    ok = ok && back != NULL && t2 != NULL && strcmp(t1, t2) == 0;
    if (ok && value[0] && strcmp(t0, t1) == 0)
        ok = 0, fprintf(stderr, "\n  %s: --set %s does not change the resolved file (not written?)", path, value);
    int number = spc_settings_is_scalar(s->kind) || s->kind == SPC_SET_STAGE || s->kind == SPC_SET_ENUM;
    if (ok && s->offset != SPC_SET_NO_FIELD && number) {
        double want = spc_settings_value(s, spc_settings_cfield(s, a, 0));
        double got = spc_settings_value(s, spc_settings_cfield(s, back, 0));
        double before = spc_settings_value(s, spc_settings_cfield(s, b, 0));
        if (!(got == want) || want == before)
            ok = 0, fprintf(stderr, "\n  %s: set %.17g (was %.17g), read back %.17g", path, want, before, got);
    }
    if (ok && s->kind == SPC_SET_STRING && strcmp(*(char *const *)spc_settings_cfield(s, a, 0),
                                                  *(char *const *)spc_settings_cfield(s, back, 0)) != 0)
        ok = 0, fprintf(stderr, "\n  %s: the string does not read back", path);
    if (t1 != NULL)
        unlink(p1);
    free(t0), free(t1), free(t2);
    spc_scenario_free(back), spc_scenario_free(a), spc_scenario_free(b);
    return ok;
}

static void test_walk(void)
{
    size_t n, walked = 0;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind == SPC_SET_GROUP || strcmp(t[i].path, "stages") == 0)
            continue; /* their members are walked */
        int ok = walk_one(&t[i]);
        if (!ok)
            fprintf(stderr, "\n  %s: does not round-trip through scenario.resolved.cfg", t[i].path);
        CU_ASSERT(ok);
        walked++;
    }
    CU_ASSERT(walked > 120);
}

/* ---- 2. the declared defaults are the reader's ---- */

static void test_defaults(void)
{
    spc_error err;
    spc_scenario *sc = load("tests/data/settings/defaults.cfg", NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++) {
        const spc_setting *s = &t[i];
        double v;
        const void *field = spc_settings_cfield(s, sc, 0);
        if (field == NULL || s->def == NULL)
            continue;
        int ok = 1;
        if (spc_settings_is_scalar(s->kind)) {
            CU_ASSERT_FATAL(spc_settings_default(s, sc->unit_seconds, &v));
            ok = spc_settings_value(s, field) == v;
        } else if (s->kind == SPC_SET_STRING) {
            ok = strlen(s->def) >= 2 && strncmp(*(char *const *)field, s->def + 1, strlen(s->def) - 2) == 0 &&
                 strlen(*(char *const *)field) == strlen(s->def) - 2;
        } else if (s->kind == SPC_SET_ENUM && s->words != NULL) {
            ok = *(const int *)field == 0 && strncmp(s->words, s->def + 1, strcspn(s->words, " ")) == 0;
        }
        if (!ok)
            fprintf(stderr, "\n  %s: declared default %s is not the reader's", s->path, s->def);
        CU_ASSERT(ok);
    }
    spc_scenario_free(sc);
}

/* ---- 3. known keys are the declared ones ---- */

static void test_unknown_keys(void)
{
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n + 1; i++) {
        const char *group = i < n ? t[i].path : "";
        if (i < n && t[i].kind != SPC_SET_GROUP)
            continue;
        char path[160], assign[200], known[800] = "";
        const spc_setting g = { .path = group };
        concrete_path(&g, path, sizeof path);
        snprintf(assign, sizeof assign, "%s%szz_typo=1", path, *path ? "." : "");
        for (size_t k = 0; k < n; k++)
            if (spc_settings_in_group(&t[k], group)) {
                strcat(known, " ");
                strcat(known, spc_settings_key(&t[k]));
            }
        const char *sets[] = { assign };
        spc_error err;
        spc_scenario *sc = load(base_of(&g), sets, 1, &err);
        char want[1200];
        snprintf(want, sizeof want, "--set: %.*s: unknown setting (a typo?); known here:%s (got 1)",
                 (int)(strlen(assign) - 2), assign, known);
        int ok = sc == NULL && strcmp(err.msg, want) == 0;
        if (!ok)
            fprintf(stderr, "\n  %s\n    got: %s\n   want: %s", assign, sc ? "(accepted)" : err.msg, want);
        CU_ASSERT(ok);
        spc_scenario_free(sc);
    }
}

/* ---- 4. the declared ranges are enforced, with file and line ---- */

/* Writes s's scenario with s set to v into a file, reads it back: the
 * error must name the file, a line and the setting. */
static int rejects(const spc_setting *s, double v)
{
    spc_error err;
    spc_scenario *sc = load(base_of(s), NULL, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sc);
    spc_settings_store(s, spc_settings_field(s, sc, 0), v);
    char file[64], path[160], want[300];
    free(tests_write_resolved(sc, file, sizeof file));
    spc_scenario_free(sc);
    sc = load(file, NULL, 0, &err);
    concrete_path(s, path, sizeof path);
    snprintf(want, sizeof want, "%s:", file);
    int line = sc == NULL ? atoi(err.msg + strlen(want)) : 0;
    int ok = sc == NULL && strncmp(err.msg, want, strlen(want)) == 0 && line > 0;
    snprintf(want, sizeof want, ":%d: %s: ", line, path);
    ok = ok && strstr(err.msg, want) != NULL && strstr(err.msg, "(got ") != NULL;
    if (!ok)
        fprintf(stderr, "\n  %s = %.17g: %s", path, v, sc ? "accepted" : err.msg);
    unlink(file);
    spc_scenario_free(sc);
    return ok;
}

/* Whether s decides if its group is written (units.count): below its
 * range the group is not written at all, so nothing is there to reject. */
static int decides_group(const spc_setting *s)
{
    char group[160];
    snprintf(group, sizeof group, "%.*s", (int)(spc_settings_key(s) - s->path - 1), s->path);
    const spc_setting *g = spc_settings_find(group);
    return g != NULL && g->present == s->offset && s->base == g->base;
}

static void test_ranges(void)
{
    size_t n, checked = 0;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++) {
        const spc_setting *s = &t[i];
        if (!spc_settings_is_scalar(s->kind) || s->kind == SPC_SET_FLAG || s->kind == SPC_SET_SEED)
            continue;
        int integer = s->kind == SPC_SET_INT || s->kind == SPC_SET_LONG || s->kind == SPC_SET_COUNT;
        double eps = integer ? 1.0 : 1e-9 * fmax(1.0, fabs(s->lo));
        if (!(s->layout & SPC_LAY_OPTIONAL) && !decides_group(s)) { /* below the range means "none" */
            CU_ASSERT(rejects(s, s->lo_open ? s->lo : s->lo - eps));
            checked++;
        }
        if (isfinite(s->hi)) {
            CU_ASSERT(rejects(s, s->hi + (integer ? 1.0 : 1e-9 * fmax(1.0, fabs(s->hi)))));
            checked++;
        }
    }
    CU_ASSERT(checked > 150);
}

/* ---- 5. the reference's tables are generated from the declarations ---- */

#define DOC "docs/scenario-reference.md"

/* The next block at or after *p: its marker line (without the newline)
 * in spec, *p moved past its end marker; NULL when there is none. Markers
 * start a line (the document also names them in its prose). */
static const char *line_start(const char *p, const char *marker)
{
    for (const char *m = strstr(p, marker); m != NULL; m = strstr(m + 1, marker))
        if (m[-1] == '\n')
            return m;
    return NULL;
}

static const char *next_block(const char **p, char *spec, size_t size, size_t *len)
{
    const char *b = line_start(*p, SPC_SETTINGS_BEGIN);
    if (b == NULL)
        return NULL;
    const char *eol = strchr(b, '\n'), *end = eol ? line_start(eol, SPC_SETTINGS_END) : NULL;
    if (end == NULL)
        return NULL;
    snprintf(spec, size, "%.*s", (int)(eol - b), b);
    *len = (size_t)(end - (eol + 1));
    *p = end + strlen(SPC_SETTINGS_END);
    return eol + 1;
}

/* Every block between <!-- settings: GROUP --> and <!-- /settings --> is
 * what spc_settings_markdown prints: names the first block that differs
 * and its first differing line. */
static void test_doc(void)
{
    char *doc = spc_text_read_file(DOC, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    char why[200];
    char *gen = spc_settings_fill(doc, why, sizeof why);
    if (gen == NULL)
        fprintf(stderr, "\n  %s: %s", DOC, why);
    CU_ASSERT_PTR_NOT_NULL_FATAL(gen);
    const char *p = doc, *q = gen, *a, *b;
    char spec[300], spec2[300];
    size_t la, lb, blocks = 0;
    int same = 1;
    while ((a = next_block(&p, spec, sizeof spec, &la)) != NULL) {
        b = next_block(&q, spec2, sizeof spec2, &lb);
        CU_ASSERT_PTR_NOT_NULL_FATAL(b);
        blocks++;
        if (la == lb && memcmp(a, b, la) == 0)
            continue;
        same = 0;
        int line = 1;
        for (const char *c = doc; c < a; c++)
            line += *c == '\n';
        while (la > 0 && lb > 0) { /* the first differing line */
            size_t na = strcspn(a, "\n"), nb = strcspn(b, "\n");
            if (na != nb || memcmp(a, b, na) != 0)
                break;
            a += na + 1, b += nb + 1, la -= na + 1, lb -= nb + 1, line++;
        }
        fprintf(stderr, "\n  %s:%d: block %s differs from the declarations (make settings-doc)"
                        "\n    doc: %.*s\n    gen: %.*s", DOC, line, spec, la ? (int)strcspn(a, "\n") : 0, a,
                lb ? (int)strcspn(b, "\n") : 0, b);
        break;
    }
    CU_ASSERT(same);
    CU_ASSERT(blocks >= 25);
    free(gen);
    free(doc);
}

/* ---- 6. the time constants that accept "never" ---- */

/* docs/model.md promises "> 0 or never" for these: each loads as INFINITY,
 * runs without a NaN or an infinity in the results, is written "never" in
 * the resolved file and reads back as never. */
static const char *const never_paths[] = {
    "workforce.satisfaction.time_constant", "workforce.learning.time_constant",
    "workforce.fatigue.time_constant", "workforce.pressure.perception_time",
    "workforce.quality.perception_time",
};

static void test_never(void)
{
    for (size_t i = 0; i < sizeof never_paths / sizeof never_paths[0]; i++) {
        const spc_setting *s = spc_settings_find(never_paths[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        CU_ASSERT_EQUAL(s->kind, SPC_SET_NEVER);
        char assign[160], want[80];
        snprintf(assign, sizeof assign, "%s=\"never\"", s->path);
        const char *sets[] = { assign, "horizon=\"3w\"" };
        spc_results r;
        spc_scenario *sc = tests_run(COMPANY, sets, 2, &r);
        CU_ASSERT(isinf(spc_settings_value(s, spc_settings_cfield(s, sc, 0))));
        int finite = r.n > 0;
        for (size_t k = 0; k < r.n; k++)
            if (isinf(r.rows[k].e.mean)) { /* NaN: undefined (clv over a short run) */
                fprintf(stderr, "\n  %s never: %s/%s = %g", s->path, r.rows[k].scope, r.rows[k].metric,
                        r.rows[k].e.mean);
                finite = 0;
            }
        CU_ASSERT(finite);
        spc_results_release(&r);
        char file[64];
        char *text = tests_write_resolved(sc, file, sizeof file);
        snprintf(want, sizeof want, "%s = \"never\";", spc_settings_key(s));
        CU_ASSERT_PTR_NOT_NULL(strstr(text, want));
        spc_error err;
        spc_scenario *back = load(file, NULL, 0, &err);
        CU_ASSERT_PTR_NOT_NULL(back);
        if (back != NULL)
            CU_ASSERT(isinf(spc_settings_value(s, spc_settings_cfield(s, back, 0))));
        unlink(file);
        free(text);
        spc_scenario_free(back);
        spc_scenario_free(sc);
    }
}

/* ---- 7. docs/model.md's parameter tables agree with the declarations ---- */

#define MODEL "docs/model.md"

/* Normalises a cell of model.md in place: code quotes dropped, the minus
 * sign and superscript powers of ten made ASCII ("10⁹" -> "1e9"), spaces
 * inside numbers ("40 000", "4 w") and a trailing "(...)" removed. */
static void normalise(char *t)
{
    static const char *const sup[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
    char out[400];
    size_t n = 0;
    for (const char *c = t; *c != '\0' && n + 4 < sizeof out;) {
        if (*c == '`') {
            c++;
        } else if (strncmp(c, "−", strlen("−")) == 0) {
            out[n++] = '-', c += strlen("−");
        } else if (strncmp(c, "10", 2) == 0 && (c == t || !(c[-1] >= '0' && c[-1] <= '9'))) {
            int k = -1;
            for (int d = 0; d < 10; d++)
                if (strncmp(c + 2, sup[d], strlen(sup[d])) == 0)
                    k = d;
            if (k < 0) {
                out[n++] = *c++;
                continue;
            }
            out[n++] = '1', out[n++] = 'e';
            for (c += 2;;) {
                int m = -1;
                for (int d = 0; d < 10; d++)
                    if (strncmp(c, sup[d], strlen(sup[d])) == 0)
                        m = d;
                if (m < 0)
                    break;
                out[n++] = (char)('0' + m), c += strlen(sup[m]);
            }
        } else if (*c == ' ' && n > 0 && out[n - 1] >= '0' && out[n - 1] <= '9' &&
                   ((c[1] >= '0' && c[1] <= '9') || ((c[1] == 'w' || c[1] == 'd' || c[1] == 'h' || c[1] == 'Y') &&
                                                     (c[2] == '\0' || c[2] == ' ' || c[2] == ',')))) {
            c++; /* "40 000", "4 w" */
        } else {
            out[n++] = *c++;
        }
    }
    out[n] = '\0';
    char *paren = strstr(out, " (");
    if (paren != NULL && out[n - 1] == ')')
        *paren = '\0';
    snprintf(t, 400, "%s", out);
}

/* Splits t at top-level occurrences of sep (not inside (), []): up to max parts. */
static int split(char *t, char sep, char **parts, int max)
{
    int n = 0, depth = 0;
    parts[n++] = t;
    for (char *c = t; *c != '\0'; c++) {
        if (*c == '(' || *c == '[')
            depth++;
        else if ((*c == ')' || *c == ']') && depth > 0)
            depth--;
        else if (*c == sep && depth == 0 && n < max) {
            *c = '\0';
            parts[n++] = c + 1;
        }
    }
    for (int i = 0; i < n; i++) {
        while (*parts[i] == ' ')
            parts[i]++;
        size_t len = strlen(parts[i]);
        while (len > 0 && parts[i][len - 1] == ' ')
            parts[i][--len] = '\0';
    }
    return n;
}

/* A default of model.md against s's declared one; 1 when they agree or
 * there is nothing to compare. */
static int same_default(const spc_setting *s, const char *cell, char *why, size_t size)
{
    char t[400];
    snprintf(t, sizeof t, "%s", cell);
    normalise(t);
    if (t[0] == '\0' || strcmp(t, "—") == 0)
        return 1; /* not stated */
    char *eq = strstr(t, " = ");
    if (eq != NULL)
        *eq = '\0'; /* "0 = automatic" */
    if (s->def == NULL) {
        if (s->computed == NULL && strncmp(t, "required", 8) != 0) {
            snprintf(why, size, "default %s, declared: required", cell);
            return 0;
        }
        return 1;
    }
    double want, got;
    size_t len = strlen(t);
    int ok = 1;
    switch (s->kind) {
    case SPC_SET_DURATION: case SPC_SET_NEVER:
        if (strcmp(t, "never") == 0 || strcmp(t, "\"never\"") == 0) {
            ok = strcmp(s->def, "\"never\"") == 0;
            break;
        }
        if (len > 0 && t[len - 1] == 'Y') { /* model.md's year: 365 d */
            t[len - 1] = '\0';
            snprintf(t + strlen(t), sizeof t - strlen(t), "*365d");
            ok = spc_timeunit_duration(s->def, 3600, &want) == 0 && fabs(strtod(t, NULL) * 365 * 24 - want) < 1e-9;
            break;
        }
        ok = spc_timeunit_duration(t, 3600, &got) == 0 && spc_settings_default(s, 3600, &want) && got == want;
        break;
    case SPC_SET_RATE:
        ok = spc_timeunit_rate(t, 3600, &got) == 0 && spc_settings_default(s, 3600, &want) && got == want;
        break;
    case SPC_SET_FLAG: case SPC_SET_ENUM: case SPC_SET_STRING:
        ok = strcmp(t, s->def) == 0 || (strlen(s->def) == len + 2 && strncmp(s->def + 1, t, len) == 0);
        break;
    default:
        if (spc_settings_is_scalar(s->kind)) {
            char *end;
            got = strtod(t, &end);
            ok = *end == '\0' && end != t && spc_settings_default(s, 3600, &want) &&
                 fabs(got - want) <= 1e-12 * fmax(1.0, fabs(want));
        }
    }
    if (!ok)
        snprintf(why, size, "default %s, declared %s", cell, s->def);
    return ok;
}

/* A range of model.md against s's declared one. */
static int same_range(const spc_setting *s, const char *cell, char *why, size_t size)
{
    char t[400], decl[80];
    snprintf(t, sizeof t, "%s", cell);
    normalise(t);
    spc_settings_range_text(s, decl, sizeof decl);
    snprintf(why, size, "range %s, declared %s", cell, decl);
    if (t[0] == '\0' || strcmp(t, "—") == 0)
        return 1; /* not stated */
    if (s->kind == SPC_SET_FLAG)
        return strcmp(t, "true/false") == 0;
    if (s->kind == SPC_SET_ENUM && s->words != NULL) {
        for (const char *w = s->words; *w != '\0';) {
            size_t len = strcspn(w, " ");
            char word[40];
            snprintf(word, sizeof word, "\"%.*s\"", (int)len, w);
            if (strstr(t, word) == NULL)
                return 0;
            w += len;
            w += *w == ' ';
        }
        return 1;
    }
    if (!spc_settings_is_scalar(s->kind))
        return 1;
    if (strncmp(t, "whole, ", 7) == 0)
        memmove(t, t + 7, strlen(t + 7) + 1);
    char *parts[4];
    split(t, ',', parts, 4); /* "[1, 168], > H": the range is the first part */
    char *r = parts[0];
    int never = 0;
    char *o = strstr(r, " or never");
    if (o != NULL)
        never = 1, *o = '\0';
    char *in = strstr(r, "∈ ");
    if (in != NULL)
        r = in + strlen("∈ ");
    double lo, hi = INFINITY;
    int lo_open, hi_open = 0, symbolic = 0;
    char *end;
    strtod(r, &end);
    if (end == r && r[0] != '[' && r[0] != '(' && r[0] != '>' && strncmp(r, "≥", strlen("≥")) != 0 &&
        strchr(r, ' '))
        r = strchr(r, ' ') + 1; /* "H_ref ≥ 0" */
    if (r[0] == '[' || r[0] == '(') {
        lo_open = r[0] == '(';
        lo = strtod(r + 1, &end);
        if (end == r + 1 || strncmp(end, ", ", 2) != 0)
            return 0;
        char *h = end + 2;
        hi = strtod(h, &end);
        if (end == h) {
            symbolic = 1; /* "[0, horizon)": a bound the range does not hold */
            end = h + strcspn(h, ")]");
        }
        if (*end != ']' && *end != ')')
            return 0;
        hi_open = *end == ')';
    } else if (r[0] == '>' || strncmp(r, "≥", strlen("≥")) == 0) {
        lo_open = r[0] == '>';
        char *v = r + (r[0] == '>' ? 1 : strlen("≥"));
        lo = strtod(v, &end);
        if (end == v || *end != '\0')
            return 0;
    } else {
        lo_open = 0;
        lo = strtod(r, &end);
        if (end == r || strncmp(end, " … ", strlen(" … ")) != 0)
            return 0;
        char *h = end + strlen(" … ");
        hi = strtod(h, &end);
        if (end == h || *end != '\0')
            return 0;
    }
    int ok = lo == s->lo && lo_open == s->lo_open && never == (s->kind == SPC_SET_NEVER);
    if (symbolic)
        ok = ok && isinf(s->hi);
    else
        ok = ok && (hi == s->hi || (s->hi != 0 && fabs(hi - s->hi) <= 1e-12 * fabs(s->hi))) && !hi_open;
    return ok;
}

/* Every row of a parameter table of model.md (columns symbol, meaning,
 * unit, setting, default, range, source) whose setting column names
 * declared settings (`a`, `.b` continuing a's group, paths relative to
 * the table's `prefix.`) agrees with their declared default and range. */
static void test_model_tables(void)
{
    char *doc = spc_text_read_file(MODEL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    char prefix[80] = "";
    int in_table = 0, line = 0, checked = 0, bad = 0;
    for (char *l = doc, *next; l != NULL && *l != '\0'; l = next) {
        next = strchr(l, '\n');
        if (next != NULL)
            *next++ = '\0';
        line++;
        if (strncmp(l, "| symbol | meaning | unit | setting", 35) == 0) {
            char *q = strchr(l + 35, '`');
            snprintf(prefix, sizeof prefix, "%.*s", q ? (int)strcspn(q + 1, "`") : 0, q ? q + 1 : "");
            in_table = 1;
            continue;
        }
        if (!in_table || l[0] != '|') {
            in_table = 0;
            continue;
        }
        if (strncmp(l, "|---", 4) == 0)
            continue;
        char *cells[9];
        if (split(l + 1, '|', cells, 9) < 7)
            continue;
        /* the setting column: `a`, `b`, ... and nothing else */
        char items[4][160];
        int n = 0, plain = 1;
        char set[400];
        snprintf(set, sizeof set, "%s", cells[3]);
        char *it[5];
        int ni = split(set, ',', it, 5);
        for (int i = 0; i < ni && plain; i++) {
            size_t len = strlen(it[i]);
            if (n == 4 || len < 3 || it[i][0] != '`' || it[i][len - 1] != '`' || memchr(it[i] + 1, '`', len - 2))
                plain = 0;
            else
                snprintf(items[n++], sizeof items[0], "%.*s", (int)len - 2, it[i] + 1);
        }
        if (!plain || n == 0)
            continue;
        char defs[400], ranges[400], *dp[5], *rp[5];
        snprintf(defs, sizeof defs, "%s", cells[4]);
        snprintf(ranges, sizeof ranges, "%s", cells[5]);
        int nd = n == 1 ? (dp[0] = defs, 1) : split(defs, ',', dp, 5);
        int nr = n == 1 ? (rp[0] = ranges, 1) : split(ranges, strchr(ranges, ';') ? ';' : ',', rp, 5);
        char prev[700] = "";
        for (int i = 0; i < n; i++) {
            char path[700], full[800];
            if (items[i][0] == '.' && strrchr(prev, '.') != NULL)
                snprintf(path, sizeof path, "%.*s%s", (int)(strrchr(prev, '.') - prev), prev, items[i]);
            else
                snprintf(path, sizeof path, "%s", items[i]);
            snprintf(prev, sizeof prev, "%s", path);
            char *br = strchr(path, '[');
            if (br != NULL && br[1] >= 'a' && br[1] <= 'z' && br[2] == ']')
                memmove(br + 1, "0", 1); /* stages.[i] -> stages.[0] */
            snprintf(full, sizeof full, "%s%s", prefix, path);
            const spc_setting *s = spc_settings_find(full);
            if (s == NULL)
                s = spc_settings_find(path);
            if (s == NULL)
                continue; /* not a declared setting (arrivals.schedule.period) */
            char why[600];
            int ok = (nd == n || nd == 1) && (nr == n || nr == 1); /* one for all, or one each */
            if (!ok)
                snprintf(why, sizeof why, "%d settings, %d defaults, %d ranges", n, nd, nr);
            ok = ok && same_default(s, dp[nd == 1 ? 0 : i], why, sizeof why) &&
                 same_range(s, rp[nr == 1 ? 0 : i], why, sizeof why);
            if (!ok) {
                fprintf(stderr, "\n  %s:%d: %s: %s", MODEL, line, s->path, why);
                bad++;
            }
            checked++;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(checked > 80);
    free(doc);
}

/* Every number has a finite documented range (a horizon of "1e300w" ran
 * for ever, a rate of "1e308/h" overflowed): "never" is a word, not a bound. */
static void test_finite_ranges(void)
{
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++) {
        const spc_setting *d = &t[i];
        if (!spc_settings_is_scalar(d->kind) || d->kind == SPC_SET_FLAG || d->kind == SPC_SET_STRING ||
            d->kind == SPC_SET_ENUM)
            continue;
        if (!isfinite(d->hi) || !isfinite(d->lo))
            fprintf(stderr, "\n  %s: range [%g, %g] is not finite", d->path, d->lo, d->hi);
        CU_ASSERT(isfinite(d->hi) && isfinite(d->lo));
    }
}

/* The two Sears scenarios share one set of behavioural settings: every
 * scalar setting is the same but those of the company's size and spread
 * (and the run's length and name). */
static void test_sears_share_behaviour(void)
{
    static const char *const size[] = { "name", "description", "horizon", "warmup", "replications",
                                         "stages.[].servers", "customers.market", "customers.initial",
                                         "customers.acquisition.rate", "finance.fixed", "units.",
                                         "arrivals.rate" /* computed from the market */ };
    spc_error err;
    spc_error_clear(&err);
    spc_scenario *a = spc_scenario_load("scenarios/sears.cfg", NULL, 0, &err);
    spc_scenario *b = spc_scenario_load("scenarios/sears-hbr.cfg", NULL, 0, &err);
    CU_ASSERT_FATAL(a != NULL && b != NULL && a->nstages == b->nstages);
    size_t n, compared = 0;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++) {
        const spc_setting *d = &t[i];
        int skip = !spc_settings_is_scalar(d->kind);
        for (size_t k = 0; k < sizeof size / sizeof size[0] && !skip; k++)
            skip = strncmp(d->path, size[k], strlen(size[k])) == 0;
        if (skip)
            continue;
        for (size_t st = 0; st < (d->base == SPC_IN_STAGE ? a->nstages : 1); st++) {
            double x = spc_settings_value(d, spc_settings_cfield(d, a, st));
            double y = spc_settings_value(d, spc_settings_cfield(d, b, st));
            if (!(x == y) && !(isnan(x) && isnan(y)))
                fprintf(stderr, "\n  %s: sears.cfg %g, sears-hbr.cfg %g", d->path, x, y);
            CU_ASSERT(x == y || (isnan(x) && isnan(y)));
            compared++;
        }
    }
    CU_ASSERT(compared > 100);
    spc_scenario_free(a);
    spc_scenario_free(b);
}

static const CU_TestInfo tests[] = {
    { "sears.cfg and sears-hbr.cfg share their behavioural settings", test_sears_share_behaviour },
    { "every declared setting round-trips through the resolved file", test_walk },
    { "declared defaults are the reader's", test_defaults },
    { "known keys are the declared ones", test_unknown_keys },
    { "declared ranges are enforced with file and line", test_ranges },
    { "the reference's settings tables are generated", test_doc },
    { "the five time constants accept \"never\"", test_never },
    { "model.md's parameter tables agree with the declarations", test_model_tables },
    { "every numeric setting has a finite range", test_finite_ranges },
    CU_TEST_INFO_NULL,
};

int tests_settings(void)
{
    return tests_add_suite("settings", tests);
}
