/* warmup.c -- Welch's moving averages and the MSER-5 truncation point. */
#include "spcsim/warmup.h"
#include "spcsim/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void welch(spc_warmup *w)
{
    size_t m = w->m, win = w->window;
    for (size_t i = 0; i < m; i++) {
        size_t half = i < win ? i : win;
        if (i + half >= m) {
            w->moving[i] = NAN;
            continue;
        }
        double s = 0;
        size_t k = 0;
        for (size_t j = i - half; j <= i + half; j++)
            if (isfinite(w->mean[j]))
                s += w->mean[j], k++;
        w->moving[i] = k ? s / (double)k : NAN;
    }
}

/* MSER-5 on the per-period means; returns the truncation in periods. */
static size_t mser5(const double *y, size_t m)
{
    size_t k = m / 5, best = 0;
    double z[k ? k : 1], best_v = INFINITY;
    for (size_t j = 0; j < k; j++) {
        double s = 0;
        int c = 0;
        for (size_t t = 0; t < 5; t++)
            if (isfinite(y[5 * j + t]))
                s += y[5 * j + t], c++;
        /* a batch with no value (no deliveries) repeats the one before */
        z[j] = c > 0 ? s / c : (j > 0 ? z[j - 1] : 0.0);
    }
    for (size_t d = 0; k > 1 && d <= k / 2; d++) {
        double mean = 0, ss = 0;
        for (size_t j = d; j < k; j++)
            mean += z[j];
        mean /= (double)(k - d);
        for (size_t j = d; j < k; j++)
            ss += (z[j] - mean) * (z[j] - mean);
        double v = ss / ((double)(k - d) * (double)(k - d));
        if (v < best_v)
            best_v = v, best = d;
    }
    return 5 * best;
}

spc_status spc_warmup_analyse(const spc_timeseries *rep, unsigned n, const char *scope, int column,
                              unsigned window, spc_warmup *w, spc_error *err)
{
    memset(w, 0, sizeof *w);
    w->window = window;
    w->replications = n;
    for (size_t i = 0; i < rep[0].n; i++)
        w->m += strcmp(rep[0].rows[i].scope, scope) == 0;
    if (w->m == 0)
        return spc_error_set(err, SPC_ERR_USAGE, "warmup: the time series has no scope '%s'", scope);
    w->time = calloc(w->m, sizeof *w->time);
    w->mean = calloc(w->m, sizeof *w->mean);
    w->moving = calloc(w->m, sizeof *w->moving);
    if (!w->time || !w->mean || !w->moving)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    for (size_t i = 0, p = 0; i < rep[0].n; i++) {
        if (strcmp(rep[0].rows[i].scope, scope) != 0)
            continue;
        double s = 0;
        unsigned k = 0;
        for (unsigned r = 0; r < n && i < rep[r].n; r++)
            if (isfinite(rep[r].rows[i].v[column]))
                s += rep[r].rows[i].v[column], k++;
        w->time[p] = rep[0].rows[i].time;
        w->mean[p++] = k ? s / k : NAN;
    }
    welch(w);
    size_t d = mser5(w->mean, w->m);
    w->suggested = d > 0 ? w->time[d - 1] : 0.0;
    return SPC_OK;
}

void spc_warmup_release(spc_warmup *w)
{
    free(w->time);
    free(w->mean);
    free(w->moving);
    memset(w, 0, sizeof *w);
}

void spc_warmup_write_csv(FILE *f, const spc_warmup *w)
{
    fputs("period,time,mean,moving_average\n", f);
    for (size_t i = 0; i < w->m; i++) {
        fprintf(f, "%zu,", i);
        spc_csv_num(f, w->time[i]);
        spc_csv_next(f, w->mean[i]);
        spc_csv_next(f, w->moving[i]);
        fputc('\n', f);
    }
}
