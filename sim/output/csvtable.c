/* csvtable.c -- reading a CSV file back into memory (see csvtable.h). */
#include "spcsim/csvtable.h"
#include "spcsim/text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Cuts one field at *p (unquoting in place); leaves *p after its separator.
 * Sets *eol when the field ended its line (or the text). */
static char *cut_field(char **p, int *eol)
{
    char *s = *p, *field = s, *w = s;
    if (*s == '"') {
        for (s++; *s; s++) {
            if (*s == '"' && s[1] == '"')
                s++;
            else if (*s == '"') {
                s++;
                break;
            }
            *w++ = *s;
        }
    } else {
        while (*s && *s != ',' && *s != '\n' && *s != '\r')
            *w++ = *s++;
    }
    while (*s && *s != ',' && *s != '\n')
        s++; /* a stray \r or text after a closing quote */
    *eol = *s != ',';
    if (*s)
        s++;
    *w = '\0';
    *p = s;
    return field;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    int quoted = 0;
    for (; *s; s++) {
        if (*s == '"')
            quoted = !quoted;
        else if (*s == '\n' && !quoted)
            n++;
    }
    return n + 1;
}

/* The header decides the width; every line after it is a row. */
static spc_status cut_all(spc_csvtable *t, spc_error *err)
{
    char *p = t->text;
    size_t lines = count_lines(p), cap = 0;
    int eol = 0;
    for (const char *s = p; *s && *s != '\n'; s++)
        cap += *s == ',';
    t->ncols = cap + 1;
    t->cell = calloc((lines + 1) * t->ncols, sizeof *t->cell);
    if (t->cell == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t r = 0; *p && r <= lines; r++) {
        char **row = t->cell + r * t->ncols;
        eol = 0;
        for (size_t c = 0; !eol; c++) {
            char *f = cut_field(&p, &eol);
            if (c < t->ncols)
                row[c] = f;
        }
        t->nrows = r; /* rows after the header */
    }
    return SPC_OK;
}

spc_status spc_csvtable_load(spc_csvtable *t, const char *path, spc_error *err)
{
    memset(t, 0, sizeof *t);
    size_t len;
    errno = 0;
    t->text = spc_text_read_file(path, &len);
    if (t->text == NULL)
        return spc_error_set(err, errno == ENOMEM ? SPC_ERR_INTERNAL : SPC_ERR_READ, "%s: cannot read: %s", path,
                             errno ? strerror(errno) : "read error");
    if (cut_all(t, err) != SPC_OK) {
        spc_csvtable_free(t);
        return err->code;
    }
    return SPC_OK;
}

spc_status spc_csvtable_take(spc_csvtable *t, char *text, spc_error *err)
{
    memset(t, 0, sizeof *t);
    t->text = text;
    if (cut_all(t, err) != SPC_OK)
        spc_csvtable_free(t);
    return err->code;
}

int spc_csvtable_column(const spc_csvtable *t, const char *name)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cell[c] != NULL && strcmp(t->cell[c], name) == 0)
            return (int)c;
    return -1;
}

const char *spc_csvtable_get(const spc_csvtable *t, size_t r, int c)
{
    if (c < 0 || (size_t)c >= t->ncols || r >= t->nrows)
        return "";
    const char *s = t->cell[(r + 1) * t->ncols + (size_t)c];
    return s ? s : "";
}

double spc_csvtable_num(const spc_csvtable *t, size_t r, int c)
{
    const char *s = spc_csvtable_get(t, r, c);
    char *end;
    double x = strtod(s, &end);
    return (*s == '\0' || *end != '\0') ? NAN : x;
}

void spc_csvtable_free(spc_csvtable *t)
{
    free(t->text);
    free(t->cell);
    memset(t, 0, sizeof *t);
}
