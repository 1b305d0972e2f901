/*
 * override.c -- command-line overrides of scenario settings.
 *
 * The value is parsed by libconfig itself, as the right-hand side of a
 * one-line configuration "v = VALUE;", and then copied into place. That
 * way every value type libconfig knows (numbers, strings, booleans, arrays,
 * lists, groups) can be given on the command line, with libconfig's syntax.
 */
#include "spcsim/override.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/cfgread.h"

static int copy_setting(config_setting_t *parent, const char *name, const config_setting_t *src);

static int copy_children(config_setting_t *dst, const config_setting_t *src)
{
    int n = config_setting_length(src);
    for (int i = 0; i < n; i++) {
        const config_setting_t *child = config_setting_get_elem(src, (unsigned)i);
        const char *name = config_setting_type(dst) == CONFIG_TYPE_GROUP ? config_setting_name(child) : NULL;
        if (!copy_setting(dst, name, child))
            return 0;
    }
    return 1;
}

/* Adds a deep copy of src under parent (name NULL inside lists/arrays). */
static int copy_setting(config_setting_t *parent, const char *name, const config_setting_t *src)
{
    int type = config_setting_type(src);
    config_setting_t *dst = config_setting_add(parent, name, type);
    if (dst == NULL)
        return 0;
    switch (type) {
    case CONFIG_TYPE_INT: return config_setting_set_int(dst, config_setting_get_int(src));
    case CONFIG_TYPE_INT64: return config_setting_set_int64(dst, config_setting_get_int64(src));
    case CONFIG_TYPE_FLOAT: return config_setting_set_float(dst, config_setting_get_float(src));
    case CONFIG_TYPE_BOOL: return config_setting_set_bool(dst, config_setting_get_bool(src));
    case CONFIG_TYPE_STRING: return config_setting_set_string(dst, config_setting_get_string(src));
    default: return copy_children(dst, src);
    }
}

/* Parses VALUE into tmp; returns its setting or NULL. */
static const config_setting_t *parse_value(config_t *tmp, const char *value)
{
    size_t n = strlen(value);
    char *text = malloc(2 * n + 16);
    if (text == NULL)
        return NULL;
    snprintf(text, 2 * n + 16, "v = %s;", value);
    int ok = config_read_string(tmp, text);
    if (!ok && strpbrk(value, "\"\\;={}()[]") == NULL) {
        /* a bare word: take it as a string */
        snprintf(text, 2 * n + 16, "v = \"%s\";", value);
        config_destroy(tmp);
        config_init(tmp);
        ok = config_read_string(tmp, text);
    }
    free(text);
    /* "5; name = x" would parse as two settings: only one value is allowed */
    if (!ok || config_setting_length(config_root_setting(tmp)) != 1)
        return NULL;
    return config_lookup(tmp, "v");
}

/* Finds the group that should hold PATH's last component, creating missing
 * groups along the way. Returns NULL if the path cannot exist. Cuts `path`
 * into pieces: pass a copy. */
static config_setting_t *parent_for(config_t *cfg, char *path, const char **leaf)
{
    char *dot = strrchr(path, '.');
    if (dot == NULL) {
        *leaf = path;
        return config_root_setting(cfg);
    }
    *dot = '\0';
    *leaf = dot + 1;
    config_setting_t *parent = config_lookup(cfg, path);
    if (parent == NULL) {
        const char *up_leaf;
        config_setting_t *up = parent_for(cfg, path, &up_leaf);
        if (up == NULL || up_leaf[0] == '[' || config_setting_type(up) != CONFIG_TYPE_GROUP)
            parent = NULL;
        else
            parent = config_setting_add(up, up_leaf, CONFIG_TYPE_GROUP);
    }
    return parent;
}

/* Replaces an existing element of a list or array in place (scalars only). */
static int set_scalar_in_place(config_setting_t *dst, const config_setting_t *src)
{
    int dt = config_setting_type(dst), st = config_setting_type(src);
    if (dt == CONFIG_TYPE_FLOAT && (st == CONFIG_TYPE_INT || st == CONFIG_TYPE_INT64))
        return config_setting_set_float(dst, (double)config_setting_get_int64(src));
    if (dt != st)
        return 0;
    switch (dt) {
    case CONFIG_TYPE_INT: return config_setting_set_int(dst, config_setting_get_int(src));
    case CONFIG_TYPE_INT64: return config_setting_set_int64(dst, config_setting_get_int64(src));
    case CONFIG_TYPE_FLOAT: return config_setting_set_float(dst, config_setting_get_float(src));
    case CONFIG_TYPE_BOOL: return config_setting_set_bool(dst, config_setting_get_bool(src));
    case CONFIG_TYPE_STRING: return config_setting_set_string(dst, config_setting_get_string(src));
    default: return 0;
    }
}

static spc_status place_value(config_t *cfg, char *path, const config_setting_t *value, spc_error *err)
{
    config_setting_t *old = config_lookup(cfg, path);
    if (old != NULL) {
        config_setting_t *parent = config_setting_parent(old);
        if (parent != NULL && config_setting_type(parent) != CONFIG_TYPE_GROUP) {
            if (!set_scalar_in_place(old, value))
                return spc_error_at(err, SPC_ERR_INVALID, "--set", 0, path,
                                    "an element of a list can only be replaced by a value of the same type");
            /* the value no longer comes from the file: errors about it
             * must say "--set", not the file's line */
            old->file = NULL;
            old->line = 0;
            return SPC_OK;
        }
        if (parent == NULL)
            return spc_error_at(err, SPC_ERR_INVALID, "--set", 0, path, "cannot replace the whole scenario");
        char *name = strdup(config_setting_name(old));
        if (name == NULL)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
        config_setting_remove(parent, name);
        int ok = copy_setting(parent, name, value);
        free(name);
        return ok ? SPC_OK : spc_error_at(err, SPC_ERR_INVALID, "--set", 0, path, "cannot set this value");
    }
    char *work = strdup(path);
    if (work == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    const char *leaf;
    config_setting_t *parent = parent_for(cfg, work, &leaf);
    spc_status st = SPC_OK;
    if (parent == NULL || leaf[0] == '[' || config_setting_type(parent) != CONFIG_TYPE_GROUP)
        st = spc_error_at(err, SPC_ERR_INVALID, "--set", 0, path,
                          "no such setting, and it cannot be created here");
    else if (!copy_setting(parent, leaf, value))
        st = spc_error_at(err, SPC_ERR_INVALID, "--set", 0, path, "not a valid setting name");
    free(work);
    return st;
}

spc_status spc_override_apply(config_t *cfg, const char *assignment, spc_error *err)
{
    const char *eq = strchr(assignment, '=');
    if (eq == NULL || eq == assignment)
        return spc_error_at(err, SPC_ERR_USAGE, "--set", 0, assignment, "expected PATH=VALUE");
    char *path = strndup(assignment, (size_t)(eq - assignment));
    if (path == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    config_t tmp;
    config_init(&tmp);
    spc_error lit;
    spc_error_clear(&lit);
    const config_setting_t *value = parse_value(&tmp, eq + 1);
    spc_status st;
    if (spc_cfg_check_literals(eq + 1, "--set", &lit) != SPC_OK)
        st = spc_error_at(err, SPC_ERR_INVALID, "--set", 0, path, "integer out of range (got %s): an "
                          "integer above 2147483647 needs an L (3000000000L), and the largest is "
                          "9223372036854775807L", eq + 1);
    else if (value == NULL)
        st = spc_error_at(err, SPC_ERR_INVALID, "--set", 0, path,
                          "cannot read the value (got %s)", eq + 1);
    else
        st = place_value(cfg, path, value, err);
    config_destroy(&tmp);
    free(path);
    return st;
}

/* ---- values back to text ---- */

static void put(char *buf, size_t size, size_t *len, const char *text)
{
    size_t n = strlen(text);
    if (*len + n < size) {
        memcpy(buf + *len, text, n + 1);
        *len += n;
    } else {
        *len = size; /* mark overflow */
    }
}

static void value_text(const config_setting_t *s, char *buf, size_t size, size_t *len)
{
    char tmp[64];
    int type = config_setting_type(s);
    switch (type) {
    case CONFIG_TYPE_INT: snprintf(tmp, sizeof tmp, "%d", config_setting_get_int(s)); put(buf, size, len, tmp); return;
    case CONFIG_TYPE_INT64: snprintf(tmp, sizeof tmp, "%lldL", config_setting_get_int64(s)); put(buf, size, len, tmp); return;
    case CONFIG_TYPE_FLOAT:
        snprintf(tmp, sizeof tmp, "%.17g", config_setting_get_float(s));
        if (strpbrk(tmp, ".eEn") == NULL)
            strcat(tmp, ".0");
        put(buf, size, len, tmp);
        return;
    case CONFIG_TYPE_BOOL: put(buf, size, len, config_setting_get_bool(s) ? "true" : "false"); return;
    case CONFIG_TYPE_STRING:
        put(buf, size, len, "\"");
        for (const char *c = config_setting_get_string(s); *c; c++) {
            char ch[3] = { *c, 0, 0 };
            if (*c == '"' || *c == '\\')
                ch[0] = '\\', ch[1] = *c;
            put(buf, size, len, ch);
        }
        put(buf, size, len, "\"");
        return;
    default: break;
    }
    put(buf, size, len, type == CONFIG_TYPE_GROUP ? "{ " : type == CONFIG_TYPE_ARRAY ? "[ " : "( ");
    int n = config_setting_length(s);
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        if (type == CONFIG_TYPE_GROUP) {
            put(buf, size, len, config_setting_name(e));
            put(buf, size, len, " = ");
        } else if (i > 0) {
            put(buf, size, len, ", ");
        }
        value_text(e, buf, size, len);
        if (type == CONFIG_TYPE_GROUP)
            put(buf, size, len, "; ");
    }
    put(buf, size, len, type == CONFIG_TYPE_GROUP ? "}" : type == CONFIG_TYPE_ARRAY ? " ]" : " )");
}

int spc_override_value_text(const config_setting_t *s, char *buf, size_t size)
{
    size_t len = 0;
    if (size == 0)
        return -1;
    buf[0] = '\0';
    value_text(s, buf, size, &len);
    return len < size ? 0 : -1;
}
