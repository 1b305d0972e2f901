/*
 * groups.h -- do a metric's replication values split into groups? (model.md B8)
 *
 * A scenario near a tipping point can end in two regimes: some
 * replications collapse, the others do not. Their mean and t interval then
 * describe neither. The criterion: sort the N values; for every cut that
 * leaves at least SPC_SPLIT_MIN_GROUP values on each side, compare the gap
 * at the cut, g = x_(i+1) − x_(i), with the pooled within-group standard
 * deviation of the two sides,
 *
 *   s_w = sqrt( (SS_lower + SS_upper) / (N − 2) ),   SS the sums of squares about each side's mean
 *
 * The values split when the largest ratio g / s_w exceeds SPC_SPLIT_K
 * (and N >= SPC_SPLIT_MIN_N). Under one normal population the ratio
 * exceeds 10 in fewer than 0.5% of samples of 6 and 0.1% of 8 or more;
 * under a skewed (exponential) one in about 1% of samples of 6 to 10
 * (simulated, 4000 samples each; the groups suite checks the rule on
 * constructed data). All equal values never split.
 */
#ifndef SPCSIM_GROUPS_H
#define SPCSIM_GROUPS_H

#include <stddef.h>

#define SPC_SPLIT_K 10.0
#define SPC_SPLIT_MIN_N 6
#define SPC_SPLIT_MIN_GROUP 2

typedef struct {
    int split;        /* 1 when the values split into two groups */
    size_t lower;     /* values in the lower group (at the best cut) */
    double cut;       /* a value between the groups: the middle of the gap */
    double ratio;     /* g / s_w at the best cut (0 when none can be formed) */
    double lower_mean, upper_mean;
} spc_split;

/* The criterion on x[0..n) (NaN values left out). Returns split = 0 on
 * fewer than SPC_SPLIT_MIN_N finite values or when out of memory. */
spc_split spc_groups_split(const double *x, size_t n);

#endif
