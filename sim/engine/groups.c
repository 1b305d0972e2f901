/*
 * groups.c -- the split-in-groups criterion of groups.h (model.md B8).
 */
#include "spcsim/groups.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

/* Sum of squares about the mean of y[0..k). */
static double ss(const double *y, size_t k)
{
    return k > 1 ? gsl_stats_variance(y, 1, k) * (double)(k - 1) : 0.0;
}

spc_split spc_groups_split(const double *x, size_t n)
{
    spc_split s = { 0, 0, NAN, 0.0, NAN, NAN };
    double *y = malloc((n ? n : 1) * sizeof *y);
    size_t k = 0;
    for (size_t i = 0; y != NULL && i < n; i++)
        if (isfinite(x[i]))
            y[k++] = x[i];
    if (y == NULL || k < SPC_SPLIT_MIN_N) {
        free(y);
        return s;
    }
    gsl_sort(y, 1, k);
    for (size_t i = SPC_SPLIT_MIN_GROUP; i + SPC_SPLIT_MIN_GROUP <= k; i++) {
        double gap = y[i] - y[i - 1];
        double sw = sqrt((ss(y, i) + ss(y + i, k - i)) / (double)(k - 2));
        double r = sw > 0 ? gap / sw : gap > 0 ? INFINITY : 0.0;
        if (r > s.ratio) {
            s.ratio = r;
            s.lower = i;
            s.cut = 0.5 * (y[i] + y[i - 1]);
            s.lower_mean = gsl_stats_mean(y, 1, i);
            s.upper_mean = gsl_stats_mean(y + i, 1, k - i);
        }
    }
    s.split = s.ratio > SPC_SPLIT_K;
    free(y);
    return s;
}
