/*
 * serve_parts.c -- the classroom page's choice turned into a variant
 * scenario, the chain table's words, and the scenario's "what to look at"
 * line (serve_impl.h).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve_impl.h"
#include "spcsim/scenario_levers.h"

/* ---- the page's choice ---- */

static const spc_scenario_lever *find_lever(const spc_scenario_lever *lv, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(lv[i].path, path) == 0)
            return &lv[i];
    return NULL;
}

/* The "levers" object of the request, checked: its members, their values. */
static json_t *levers_of(const char *body, size_t len, spc_error *err)
{
    json_error_t je;
    if (len > SPC_SERVE_BODY_MAX) {
        spc_error_set(err, SPC_ERR_INVALID, "request body too large (at most %d bytes)", SPC_SERVE_BODY_MAX);
        return NULL;
    }
    json_t *root = json_loadb(body != NULL ? body : "", len, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL) {
        spc_error_set(err, SPC_ERR_INVALID, "request body: not JSON: %s (line %d, column %d)", je.text, je.line,
                      je.column);
        return NULL;
    }
    json_t *lv = json_object_get(root, "levers");
    if (!json_is_object(root) || !json_is_object(lv) || json_object_size(root) != 1) {
        json_decref(root);
        spc_error_set(err, SPC_ERR_INVALID, "request body: expected {\"levers\": {\"PATH\": number, ...}}");
        return NULL;
    }
    json_incref(lv);
    json_decref(root);
    return lv;
}

spc_scenario *serve_variant(const spc_scenario *base, const char *path, const char *const *sets, size_t nsets,
                            const spc_scenario_lever *levers, size_t nlevers, const char *body, size_t len,
                            spc_error *err)
{
    json_t *obj = levers_of(body, len, err);
    if (obj == NULL)
        return NULL;
    const spc_scenario_lever *moved[SPC_LEVERS_MAX];
    double value[SPC_LEVERS_MAX];
    size_t n = 0;
    const spc_scenario_lever *decision = find_lever(levers, nlevers, SPC_LEVERS_DECISION);
    double week = spc_levers_value(base, decision);
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        const spc_scenario_lever *l = find_lever(levers, nlevers, key);
        if (l == NULL || !json_is_number(v)) {
            spc_error_set(err, SPC_ERR_INVALID, l == NULL ? "levers: '%.80s' is not a lever of this scenario"
                                                          : "levers: %.80s: the value must be a number", key);
            break;
        }
        double x = json_number_value(v);
        if (spc_levers_check(l, x, err) != 0)
            break;
        if (l == decision)
            week = x;
        else if (x != spc_levers_value(base, l))
            moved[n] = l, value[n++] = x;
    }
    json_decref(obj);
    if (err->code != SPC_OK)
        return NULL;
    const char **all = calloc(nsets + 1, sizeof *all);
    char *assignment = n > 0 ? spc_levers_assignment(base, week, moved, value, n) : NULL;
    spc_scenario *sc = NULL;
    if (all == NULL || (n > 0 && assignment == NULL)) {
        spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    } else {
        for (size_t i = 0; i < nsets; i++)
            all[i] = sets[i];
        all[nsets] = assignment;
        sc = spc_scenario_load(path, all, nsets + (n > 0), err);
    }
    free(assignment);
    free(all);
    return sc;
}

/* ---- the chain table ---- */

const serve_link serve_chain[SERVE_NCHAIN] = {
    { "ESAT", "customers", "esat", "points 0-100", 1 },
    { "CSAT", "customers", "csat", "% satisfied", 1 },
    { "NPS", "customers", "nps", "points -100..100", 1 },
    { "Active customers", "customers", "active", "customers", 0 },
    { "Revenue", "finance", "revenue", "currency", 0 },
    { "Profit", "finance", "profit", "currency", 0 },
};

void serve_chain_words(const serve_link *l, double base, spc_estimate diff, spc_estimate rel, char *buf,
                       size_t size)
{
    int clear = diff.lo > 0 || diff.hi < 0;
    const char *way = diff.mean > 0 ? "rose" : "fell";
    if (l->points && clear)
        snprintf(buf, size, "%s %s by %.2f points, from %.4g (95%% interval of the change %+.2f to %+.2f).", l->name,
                 way, fabs(diff.mean), base, diff.lo, diff.hi);
    else if (clear)
        snprintf(buf, size, "%s %s by %.1f%% (95%% interval %+.1f%% to %+.1f%%).", l->name, way,
                 fabs(100 * rel.mean), 100 * rel.lo, 100 * rel.hi);
    else if (l->points)
        snprintf(buf, size, "%s did not change clearly: %+.2f points, the 95%% interval %+.2f to %+.2f holds 0.",
                 l->name, diff.mean, diff.lo, diff.hi);
    else
        snprintf(buf, size, "%s did not change clearly: %+.1f%%, the 95%% interval %+.1f%% to %+.1f%% holds 0.",
                 l->name, 100 * rel.mean, 100 * rel.lo, 100 * rel.hi);
}

/* ---- what to look at ---- */

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t max = 1u << 20;
    char *buf = malloc(max + 1);
    size_t n = buf != NULL ? fread(buf, 1, max, f) : 0;
    fclose(f);
    if (buf != NULL)
        buf[n] = '\0';
    return buf;
}

/* The paragraph after the marker, on one line, without Markdown's backticks and stars. */
static char *paragraph(const char *p)
{
    const char *end = strstr(p, "\n\n");
    size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
    char *out = malloc(n + 1), *o = out;
    for (size_t i = 0; out != NULL && i < n; i++)
        if (p[i] == '\n')
            *o++ = ' ';
        else if (p[i] != '`' && p[i] != '*')
            *o++ = p[i];
    if (out != NULL)
        *o = '\0';
    return out;
}

char *serve_look(const char *scenario_path, const char *name)
{
    char readme[4096], head[128];
    const char *slash = strrchr(scenario_path, '/');
    int dir = slash != NULL ? (int)(slash - scenario_path) : 1;
    snprintf(readme, sizeof readme, "%.*s/README.md", dir, slash != NULL ? scenario_path : ".");
    snprintf(head, sizeof head, "\n## %.64s:", name);
    char *text = read_text(readme);
    const char *sec = text != NULL ? strstr(text, head) : NULL;
    const char *next = sec != NULL ? strstr(sec + 1, "\n## ") : NULL;
    const char *look = sec != NULL ? strstr(sec, "**What to look at.**") : NULL;
    char *out = look != NULL && (next == NULL || look < next) ? paragraph(look + strlen("**What to look at.**")) : NULL;
    free(text);
    if (out != NULL && out[0] == ' ')
        memmove(out, out + 1, strlen(out));
    return out;
}
