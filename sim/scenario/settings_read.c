/*
 * settings_read.c -- reading a group's settings from their declarations.
 *
 * A group's known keys are its declared members (settings.c), so a key
 * that is not declared is an unknown key. Its scalar members (numbers,
 * integers, flags, durations, rates, enums with a field) are read and
 * range-checked here, from the declaration alone; members of other kinds
 * (distributions, stages, routing, subgroups) are left to the caller.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "spcsim/cfgread.h"
#include "spcsim/settings.h"

/* "must be \"a\" or \"b\"" / "must be one of \"a\", \"b\", \"c\"". */
static void words_message(const char *words, char *msg, size_t size)
{
    int n = 1;
    for (const char *w = words; *w; w++)
        n += *w == ' ';
    snprintf(msg, size, "must be %s", n > 2 ? "one of " : "");
    int i = 0;
    for (const char *w = words; *w != '\0'; i++) {
        size_t len = strcspn(w, " ");
        size_t at = strlen(msg);
        snprintf(msg + at, size - at, "%s\"%.*s\"", i == 0 ? "" : (n > 2 ? ", " : " or "), (int)len, w);
        w += len;
        w += *w == ' ';
    }
}

static int read_enum(spc_cfg_reader *r, const config_setting_t *g, const spc_setting *s, void *field)
{
    const char *word;
    int got = spc_cfg_string(r, g, spc_settings_key(s), &word);
    if (got <= 0)
        return got;
    int v = spc_settings_word(s->words, word);
    if (v < 0) {
        char msg[200];
        words_message(s->words, msg, sizeof msg);
        return spc_cfg_bad(r, config_setting_get_member(g, spc_settings_key(s)), msg);
    }
    *(int *)field = v;
    return 1;
}

static int read_integer(spc_cfg_reader *r, const config_setting_t *g, const spc_setting *s, double *v)
{
    long long hi = (long long)s->hi, x;
    int got = spc_cfg_int(r, g, spc_settings_key(s), (long long)s->lo, hi, &x);
    if (got > 0)
        *v = (double)x;
    return got;
}

/* A number that must be whole: "must be a whole number of UNIT". */
static int read_whole(spc_cfg_reader *r, const config_setting_t *g, const spc_setting *s, double *v)
{
    const char *key = spc_settings_key(s);
    int got = spc_cfg_number(r, g, key, s->lo, s->lo_open, s->hi, v);
    if (got > 0 && *v != floor(*v)) {
        char msg[120];
        snprintf(msg, sizeof msg, "must be a whole number of %s", s->unit);
        return spc_cfg_bad(r, config_setting_get_member(g, key), msg);
    }
    return got;
}

/* One scalar member: 1 read, 0 absent (default stands), -1 error. */
static int read_scalar(spc_cfg_reader *r, const config_setting_t *g, const spc_setting *s, void *field)
{
    const config_setting_t *cs = config_setting_get_member(g, spc_settings_key(s));
    double v = 0;
    int got;
    if (cs == NULL)
        return 0;
    switch (s->kind) {
    case SPC_SET_FLAG:
        if (config_setting_type(cs) != CONFIG_TYPE_BOOL)
            return spc_cfg_bad(r, cs, "must be true or false");
        v = config_setting_get_bool(cs);
        got = 1;
        break;
    case SPC_SET_NEVER:
        if (config_setting_type(cs) == CONFIG_TYPE_STRING && strcmp(config_setting_get_string(cs), "never") == 0) {
            v = INFINITY;
            got = 1;
            break;
        }
        /* fall through */
    case SPC_SET_DURATION:
        got = spc_cfg_duration_of(r, cs, s->lo, s->lo_open, s->hi, &v);
        break;
    case SPC_SET_RATE:
        got = spc_cfg_rate_of(r, cs, s->lo_open, s->hi, &v);
        break;
    case SPC_SET_WHOLE: case SPC_SET_COUNT:
        got = read_whole(r, g, s, &v);
        break;
    case SPC_SET_SEED: { /* exactly: a double holds only 53 bits */
        long long x;
        got = spc_cfg_int(r, g, spc_settings_key(s), 0, INT64_MAX, &x);
        if (got > 0)
            *(uint64_t *)field = (uint64_t)x;
        return got;
    }
    case SPC_SET_INT: case SPC_SET_LONG:
        got = read_integer(r, g, s, &v);
        break;
    default:
        got = spc_cfg_number(r, g, spc_settings_key(s), s->lo, s->lo_open, s->hi, &v);
    }
    if (got > 0)
        spc_settings_store(s, field, v);
    return got;
}

int spc_settings_check_keys(spc_cfg_reader *r, const config_setting_t *g, const char *group)
{
    size_t n, k = 0;
    const spc_setting *t = spc_settings_table(&n);
    const char *keys[48];
    for (size_t i = 0; i < n && k + 1 < sizeof keys / sizeof keys[0]; i++)
        if (spc_settings_in_group(&t[i], group))
            keys[k++] = spc_settings_key(&t[i]);
    keys[k] = NULL;
    return spc_cfg_check_keys(r, g, keys);
}

int spc_settings_read_values(spc_cfg_reader *r, const config_setting_t *g, const char *group, void *base)
{
    size_t n;
    const spc_setting *t = spc_settings_table(&n);
    for (size_t i = 0; i < n; i++) {
        const spc_setting *s = &t[i];
        if (!spc_settings_in_group(s, group) || s->offset == SPC_SET_NO_FIELD)
            continue;
        void *field = (char *)base + s->offset;
        int got = 0;
        if (s->kind == SPC_SET_ENUM && s->words != NULL)
            got = read_enum(r, g, s, field);
        else if (spc_settings_is_scalar(s->kind))
            got = read_scalar(r, g, s, field);
        if (got < 0)
            return -1;
    }
    return 0;
}

int spc_settings_read_group(spc_cfg_reader *r, const config_setting_t *g, const char *group, void *base)
{
    if (spc_settings_check_keys(r, g, group) < 0)
        return -1;
    return spc_settings_read_values(r, g, group, base);
}

/* A group whose presence turns something on (declared with a present
 * flag, e.g. workforce.absence) sets that flag when it is there. */
int spc_settings_read_member(spc_cfg_reader *r, const config_setting_t *parent, const char *group, void *base)
{
    const spc_setting *decl = spc_settings_find(group);
    const char *dot = strrchr(group, '.');
    const config_setting_t *g = spc_cfg_aggregate(r, parent, dot ? dot + 1 : group, CONFIG_TYPE_GROUP, 0);
    if (g == NULL)
        return r->err->code ? -1 : 0;
    if (decl != NULL && decl->present != 0 && decl->present_min <= 1)
        *(int *)((char *)base + decl->present) = 1;
    return spc_settings_read_group(r, g, group, base) < 0 ? -1 : 1;
}
