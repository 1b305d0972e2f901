/*
 * sum_tree.c -- a sum kept under single-term changes in O(log n), bit for
 * bit the sum of the terms in a fixed tree order (sum_tree.h).
 */
#include "spcsim/sum_tree.h"

#include <stdlib.h>

int spc_sum_tree_init(spc_sum_tree *t, size_t n)
{
    t->m = 1;
    while (t->m < n)
        t->m *= 2;
    t->node = calloc(2 * t->m, sizeof *t->node);
    return t->node ? 0 : -1;
}

void spc_sum_tree_release(spc_sum_tree *t)
{
    free(t->node);
    t->node = NULL;
}

void spc_sum_tree_put(spc_sum_tree *t, size_t i, double v)
{
    t->node[t->m + i] = v;
}

void spc_sum_tree_set(spc_sum_tree *t, size_t i, double v)
{
    size_t k = t->m + i;
    t->node[k] = v;
    for (k /= 2; k >= 1; k /= 2)
        t->node[k] = t->node[2 * k] + t->node[2 * k + 1];
}

void spc_sum_tree_rebuild(spc_sum_tree *t)
{
    for (size_t k = t->m - 1; k >= 1; k--)
        t->node[k] = t->node[2 * k] + t->node[2 * k + 1];
}

double spc_sum_tree_term(const spc_sum_tree *t, size_t i) { return t->node[t->m + i]; }

double spc_sum_tree_total(const spc_sum_tree *t) { return t->node[1]; }
