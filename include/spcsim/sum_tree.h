/*
 * sum_tree.h -- a sum of n terms kept under changes of single terms in
 * O(log n): a complete binary tree whose every node is the sum of its two
 * children. The total is a fixed function of the terms (always added in
 * the same tree order), so changing terms one at a time gives bit for bit
 * the total that setting them all afresh gives: no drift.
 */
#ifndef SPCSIM_SUM_TREE_H
#define SPCSIM_SUM_TREE_H

#include <stddef.h>

typedef struct {
    double *node;   /* node[1] the total; the terms at node[m .. m + n - 1] */
    size_t m;       /* leaves: a power of two >= n (at least 1) */
} spc_sum_tree;

/* Room for n terms, all 0; returns 0, or -1 when out of memory. */
int spc_sum_tree_init(spc_sum_tree *t, size_t n);
void spc_sum_tree_release(spc_sum_tree *t);
/* Term i becomes v: O(log n). */
void spc_sum_tree_set(spc_sum_tree *t, size_t i, double v);
/* Term i without updating the sums; spc_sum_tree_rebuild then makes every
 * sum again in O(n) (the same values a sequence of sets would give). */
void spc_sum_tree_put(spc_sum_tree *t, size_t i, double v);
void spc_sum_tree_rebuild(spc_sum_tree *t);
double spc_sum_tree_term(const spc_sum_tree *t, size_t i);
double spc_sum_tree_total(const spc_sum_tree *t);

#endif
