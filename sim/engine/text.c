/* text.c -- CSV fields, top-level splitting and reading a whole file (see text.h). */
#include "spcsim/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void spc_csv_num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, "%.*g", SPC_CSV_DIGITS, x);
}

void spc_csv_next(FILE *f, double x)
{
    fputc(',', f);
    spc_csv_num(f, x);
}

void spc_csv_interval(FILE *f, double mean, double lo, double hi)
{
    spc_csv_next(f, mean);
    spc_csv_next(f, lo);
    spc_csv_next(f, hi);
}

void spc_csv_result(FILE *f, const char *scope, const char *metric, double mean, double lo, double hi, double n)
{
    fprintf(f, "%s,%s", scope, metric);
    spc_csv_interval(f, mean, lo, hi);
    spc_csv_next(f, n);
}

void spc_csv_text(FILE *f, const char *v)
{
    if (strpbrk(v, ",\"\n") == NULL && *v != '#') {
        fputs(v, f);
        return;
    }
    fputc('"', f);
    for (; *v; v++) {
        if (*v == '"')
            fputc('"', f);
        fputc(*v, f);
    }
    fputc('"', f);
}

/* spc_text_split and spc_text_split_all: keep_empty says whether empty
 * pieces count. */
static size_t split_at(char *text, char sep, char **piece, size_t max, int keep_empty)
{
    size_t n = 0;
    int depth = 0, quoted = 0;
    char *start = text;
    for (char *c = text;; c++) {
        if (*c == '"' && (c == text || c[-1] != '\\'))
            quoted = !quoted;
        else if (!quoted && (*c == '[' || *c == '(' || *c == '{'))
            depth++;
        else if (!quoted && (*c == ']' || *c == ')' || *c == '}'))
            depth--;
        if (*c != '\0' && (*c != sep || quoted || depth > 0))
            continue;
        int end = *c == '\0';
        *c = '\0';
        if (*start != '\0' || keep_empty) {
            if (n < max)
                piece[n] = start;
            n++;
        }
        if (end)
            return n;
        start = c + 1;
    }
}

size_t spc_text_split(char *text, char sep, char **piece, size_t max)
{
    return split_at(text, sep, piece, max, 0);
}

size_t spc_text_split_all(char *text, char sep, char **piece, size_t max)
{
    return split_at(text, sep, piece, max, 1);
}

char *spc_text_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    if (buf != NULL && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf != NULL)
        buf[n] = '\0';
    if (len != NULL)
        *len = n;
    return buf;
}
