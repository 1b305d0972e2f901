/*
 * cfgfile.c -- reading a scenario file and its @include files, bounded.
 *
 * libconfig reads a file through flex in chunks of 8 KiB and rescans a long
 * token from its start at every chunk, so a 10 MB string costs minutes;
 * opening a FIFO blocks forever; and an @include naming a folder makes the
 * library print "input in flex scanner failed" and exit. So before libconfig
 * sees anything:
 *
 *  - the scenario must be a regular file of at most SPC_SCENARIO_MAX_BYTES;
 *    it is read into memory here and handed to config_read_string, which
 *    scans a buffer once (linear), and its settings are then labelled with
 *    the file's name (config_read_string leaves them without one);
 *  - every @include line is found in the text, and the file it names must
 *    be a regular file of at most SPC_INCLUDE_MAX_BYTES (libconfig reads
 *    includes itself, by chunks: the smaller bound keeps that fast), at most
 *    SPC_INCLUDE_MAX_FILES in all, nested at most 10 deep; the includes of
 *    included files are checked the same way. An absolute path is refused:
 *    libconfig 1.5 would put the scenario's folder before it and fail.
 *
 * Refusals name the file, the line of the @include and the path it resolves to.
 */
#include "spcsim/cfgread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INCLUDE_DEPTH_MAX 10 /* libconfig's own limit */

typedef struct {
    const char *dir; /* the scenario's folder: relative includes are under it */
    int nincludes;
    spc_error *err;
} include_scan;

/* Why path cannot be read as a scenario text, or NULL when it is a
 * regular file; st receives its status. */
static const char *refusal(const struct stat *st)
{
    if (S_ISDIR(st->st_mode))
        return "it is a folder, not a file";
    if (S_ISFIFO(st->st_mode))
        return "it is a FIFO (named pipe), not a regular file";
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return "it is a device, not a regular file";
    if (!S_ISREG(st->st_mode))
        return "it is not a regular file";
    return NULL;
}

/* The whole of a regular file of at most max bytes, NUL-terminated; NULL
 * with *why set (an errno text or a refusal) otherwise. *toobig: over max. */
static char *slurp(const char *path, long max, const char **why, int *toobig)
{
    struct stat st;
    *toobig = 0;
    if (stat(path, &st) != 0) {
        *why = strerror(errno);
        return NULL;
    }
    if ((*why = refusal(&st)) != NULL)
        return NULL;
    /* O_NONBLOCK: should the path have become a FIFO since, open must not block */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        *why = strerror(errno);
        return NULL;
    }
    char *buf = NULL;
    if (fstat(fd, &st) != 0 || (*why = refusal(&st)) != NULL) {
        if (*why == NULL)
            *why = strerror(errno);
    } else if (st.st_size > max) {
        *toobig = 1;
    } else if ((buf = malloc((size_t)max + 2)) == NULL) {
        *why = "out of memory";
    } else {
        size_t n = 0;
        ssize_t k;
        while (n <= (size_t)max && (k = read(fd, buf + n, (size_t)max + 1 - n)) > 0)
            n += (size_t)k;
        if (k < 0) {
            *why = strerror(errno);
            free(buf), buf = NULL;
        } else if (n > (size_t)max) { /* it grew while we read */
            *toobig = 1;
            free(buf), buf = NULL;
        } else {
            buf[n] = '\0';
        }
    }
    close(fd);
    return buf;
}

/* The quoted name of an @include line ("@include \"x.cfg\"" after blanks)
 * copied to name; 0 when the line is not an @include. */
static int include_name(const char *line, char *name, size_t size)
{
    while (*line == ' ' || *line == '\t')
        line++;
    if (strncmp(line, "@include", 8) != 0)
        return 0;
    line += 8;
    while (*line == ' ' || *line == '\t')
        line++;
    if (*line++ != '"')
        return 0;
    size_t n = 0;
    for (; *line != '"' && *line != '\0' && *line != '\n'; line++) {
        if (*line == '\\' && line[1] != '\0' && line[1] != '\n')
            line++;
        if (n + 1 < size)
            name[n++] = *line;
    }
    name[n] = '\0';
    return *line == '"';
}

/* ---- integer literals libconfig would get wrong ---- */

/* libconfig 1.5 wraps an integer without L above 2^31-1 into an int
 * (3000000000 reads as -1294967296, 4294967297 as 1) and clamps or wraps one
 * with L beyond 64 bits (18446744073709551615L reads as -1), silently. */

static int ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '*' || c == '.';
}

/* The setting named before position p on its line ("seed" in "seed = 9"), or "". */
static void name_before(const char *line, const char *p, char *name, size_t size)
{
    const char *eq = NULL;
    for (const char *q = line; q < p; q++)
        if (*q == '=' || *q == ':')
            eq = q;
    name[0] = '\0';
    if (eq == NULL)
        return;
    const char *end = eq;
    while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    const char *start = end;
    while (start > line && ident_char(start[-1]))
        start--;
    snprintf(name, size, "%.*s", (int)(end - start), start);
}

/* 0 when the integer literal at p (digits, maybe 0x, maybe L) fits what
 * libconfig reads it as; *len: its length. Floats are skipped. */
static int literal_fits(const char *p, int negative, size_t *len)
{
    const char *q = p;
    int hex = q[0] == '0' && (q[1] == 'x' || q[1] == 'X');
    q += hex ? 2 : 0;
    const char *digits = q;
    while (hex ? ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F'))
               : (*q >= '0' && *q <= '9'))
        q++;
    if (!hex && (*q == '.' || *q == 'e' || *q == 'E')) {
        while (ident_char(*q) || ((*q == '+' || *q == '-') && (q[-1] == 'e' || q[-1] == 'E')))
            q++;
        *len = (size_t)(q - p);
        return 1; /* a float */
    }
    int longer = *q == 'L';
    while (*q == 'L')
        q++;
    *len = (size_t)(q - p);
    while (digits < q && *digits == '0' && digits + 1 < q && digits[1] != 'L')
        digits++;
    size_t nd = 0;
    unsigned long long v = 0;
    for (const char *d = digits; d < q && *d != 'L'; d++, nd++) {
        int x = *d <= '9' ? *d - '0' : (*d | 0x20) - 'a' + 10;
        unsigned long long base = hex ? 16 : 10;
        if (v > (~0ULL - (unsigned long long)x) / base)
            return 0;
        v = v * base + (unsigned long long)x;
    }
    unsigned long long max = longer ? (unsigned long long)INT64_MAX : (unsigned long long)INT32_MAX;
    return v <= max + (negative && !hex ? 1u : 0u);
}

/* Fills err when text holds an integer literal libconfig would misread. */
static int check_literals(const char *file, const char *text, spc_error *err)
{
    int line = 1;
    const char *bol = text;
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '\n') {
            line++, bol = p + 1;
        } else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
            while (p[1] != '\0' && p[1] != '\n')
                p++;
        } else if (p[0] == '/' && p[1] == '*') {
            for (p += 2; *p != '\0' && !(p[0] == '*' && p[1] == '/'); p++)
                if (*p == '\n')
                    line++, bol = p + 1;
            if (*p == '\0')
                break;
            p++;
        } else if (*p == '"') {
            for (p++; *p != '\0' && *p != '"'; p++) {
                if (*p == '\\' && p[1] != '\0')
                    p++;
                else if (*p == '\n')
                    line++, bol = p + 1;
            }
            if (*p == '\0')
                break;
        } else if (*p >= '0' && *p <= '9' && (p == text || !ident_char(p[-1]) || p[-1] == '-')) {
            if (p > text && p[-1] == '-' && p - 1 > text && ident_char(p[-2]))
                continue; /* inside a name such as a-1 */
            int negative = p > text && p[-1] == '-';
            size_t len;
            if (!literal_fits(p, negative, &len)) {
                char name[200];
                name_before(bol, p, name, sizeof name);
                spc_error_set(err, SPC_ERR_INVALID, "%s:%d: %s%sinteger out of range (got %s%.*s): an "
                              "integer above 2147483647 needs an L (3000000000L), and the largest "
                              "is 9223372036854775807L", file, line, name, name[0] ? ": " : "",
                              negative ? "-" : "", (int)(len < 40 ? len : 40), p);
                return -1;
            }
            p += len - 1;
        }
    }
    return 0;
}

spc_status spc_cfg_check_literals(const char *text, const char *what, spc_error *err)
{
    return check_literals(what, text, err) < 0 ? err->code : SPC_OK;
}

static int scan_includes(include_scan *s, const char *file, const char *text, int depth);

/* Checks the file named by one @include of file:line, then its own includes. */
static int check_include(include_scan *s, const char *file, int line, const char *name, int depth)
{
    if (name[0] == '/') {
        /* libconfig 1.5 puts the include folder before it all the same */
        spc_error_set(s->err, SPC_ERR_INVALID, "%s:%d: @include \"%s\": an absolute path is not "
                      "allowed; write it relative to the scenario's folder", file, line, name);
        return -1;
    }
    char full[8200];
    if (s->dir == NULL)
        snprintf(full, sizeof full, "%s", name);
    else
        snprintf(full, sizeof full, "%s/%s", s->dir, name);
    char shown[16500];
    if (strcmp(full, name) == 0)
        snprintf(shown, sizeof shown, "\"%s\"", name);
    else
        snprintf(shown, sizeof shown, "\"%s\" (%s)", name, full);
    if (++s->nincludes > SPC_INCLUDE_MAX_FILES) {
        spc_error_set(s->err, SPC_ERR_INVALID, "%s:%d: @include %s: more than %d included files in all",
                      file, line, shown, SPC_INCLUDE_MAX_FILES);
        return -1;
    }
    if (depth >= INCLUDE_DEPTH_MAX) {
        spc_error_set(s->err, SPC_ERR_INVALID, "%s:%d: @include %s: includes nested more than %d deep",
                      file, line, shown, INCLUDE_DEPTH_MAX);
        return -1;
    }
    const char *why = NULL;
    int toobig;
    char *text = slurp(full, SPC_INCLUDE_MAX_BYTES, &why, &toobig);
    if (text == NULL) {
        if (toobig)
            spc_error_set(s->err, SPC_ERR_INVALID,
                          "%s:%d: @include %s: an included file may have at most %ld bytes (%ld KiB)",
                          file, line, shown, (long)SPC_INCLUDE_MAX_BYTES, (long)SPC_INCLUDE_MAX_BYTES / 1024);
        else
            spc_error_set(s->err, SPC_ERR_INVALID, "%s:%d: @include %s: cannot be read: %s", file, line,
                          shown, why);
        return -1;
    }
    int rc = scan_includes(s, full, text, depth + 1);
    free(text);
    return rc;
}

static int scan_includes(include_scan *s, const char *file, const char *text, int depth)
{
    if (check_literals(file, text, s->err) < 0)
        return -1;
    int line = 1;
    for (const char *p = text; *p != '\0'; line++) {
        char name[4096];
        if (include_name(p, name, sizeof name) && check_include(s, file, line, name, depth) < 0)
            return -1;
        const char *nl = strchr(p, '\n');
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    return 0;
}

/* Settings read from the string have no file: give them the scenario's. */
static void label_settings(config_setting_t *s, const char *path)
{
    if (s->file == NULL)
        s->file = path;
    int n = config_setting_length(s);
    int t = config_setting_type(s);
    if (t == CONFIG_TYPE_GROUP || t == CONFIG_TYPE_LIST || t == CONFIG_TYPE_ARRAY)
        for (int i = 0; i < n; i++)
            label_settings(config_setting_get_elem(s, (unsigned)i), path);
}

spc_status spc_cfgfile_parse(config_t *cfg, const char *path, const char *text, spc_error *err)
{
    if (strlen(text) > (size_t)SPC_SCENARIO_MAX_BYTES)
        return spc_error_set(err, SPC_ERR_INVALID, "%s: the scenario is too large: a scenario may have "
                             "at most %ld bytes (%ld MiB)", path, (long)SPC_SCENARIO_MAX_BYTES,
                             (long)SPC_SCENARIO_MAX_BYTES / (1024 * 1024));
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash != NULL)
        *slash = '\0';
    include_scan scan = { slash != NULL ? dir : NULL, 0, err };
    if (scan_includes(&scan, path, text, 0) < 0)
        return err->code;
    if (slash != NULL)
        config_set_include_dir(cfg, dir);
    if (config_read_string(cfg, text)) {
        label_settings(config_root_setting(cfg), path);
        return SPC_OK;
    }
    /* libconfig's text is "syntax error" or a more precise one */
    const char *msg = config_error_text(cfg) ? config_error_text(cfg) : "syntax error";
    int plain = strcmp(msg, "syntax error") == 0;
    return spc_error_set(err, SPC_ERR_INVALID, "%s:%d: syntax error%s%s",
                         config_error_file(cfg) ? config_error_file(cfg) : path,
                         config_error_line(cfg), plain ? "" : ": ", plain ? "" : msg);
}

spc_status spc_cfgfile_read(config_t *cfg, const char *path, spc_error *err)
{
    const char *why = NULL;
    int toobig;
    char *text = slurp(path, SPC_SCENARIO_MAX_BYTES, &why, &toobig);
    if (text == NULL && toobig)
        return spc_error_set(err, SPC_ERR_INVALID, "%s: the scenario is too large: a scenario may have "
                             "at most %ld bytes (%ld MiB)", path, (long)SPC_SCENARIO_MAX_BYTES,
                             (long)SPC_SCENARIO_MAX_BYTES / (1024 * 1024));
    if (text == NULL)
        return spc_error_set(err, SPC_ERR_READ, "%s: cannot open the scenario: %s", path, why);
    spc_status st = spc_cfgfile_parse(cfg, path, text, err);
    free(text);
    return st;
}
