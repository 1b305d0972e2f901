/*
 * reviews.c -- public reviews and the rating prospects see (reviews.h).
 */
#include "spcsim/reviews.h"

#include <math.h>

#define LN2 0.693147180559945309417

int spc_reviews_stars(double s)
{
    double x = round(1.0 + 0.4 * s);
    return x < 1 ? 1 : x > 5 ? 5 : (int)x;
}

/* (R1) p(stars): `low` for 1-2 stars, `mid` for 3-4, `high` for 5. */
double spc_reviews_probability(const spc_reviews_params *p, int stars)
{
    return stars <= 2 ? p->low : stars <= 4 ? p->mid : p->high;
}

void spc_reviews_init(spc_reviews *r, const spc_reviews_params *p, double t)
{
    *r = (spc_reviews){ .sum = 0, .weight = 0, .seen = p->reference, .t = t, .count = 0 };
}

/* (R2) R = (S + m R_ref) / (W + m), S and W the decayed sums. */
static double rating_of(double sum, double weight, const spc_reviews_params *p)
{
    double m = p->prior;
    return weight + m > 0 ? (sum + m * p->reference) / (weight + m) : p->reference;
}

double spc_reviews_rating(const spc_reviews *r, const spc_reviews_params *p)
{
    return rating_of(r->sum, r->weight, p);
}

/* The weights decay as 2^(-dt/h); the seen rating relaxes toward the
 * rating with time constant tau (R3), the rating taken as the mean of its
 * values at both ends of the step (it moves only as old reviews fade, over
 * half-lives of weeks, while steps are the minutes between encounters). */
void spc_reviews_advance(spc_reviews *r, const spc_reviews_params *p, double t)
{
    double dt = t - r->t;
    if (!(dt > 0))
        return;
    double before = rating_of(r->sum, r->weight, p);
    double k = p->half_life > 0 && isfinite(p->half_life) ? exp(-LN2 * dt / p->half_life) : 1.0;
    r->sum *= k;
    r->weight *= k;
    double after = rating_of(r->sum, r->weight, p), mean = 0.5 * (before + after);
    r->seen = p->lag > 0 ? mean + (r->seen - mean) * exp(-dt / p->lag) : after;
    r->t = t;
}

void spc_reviews_add(spc_reviews *r, const spc_reviews_params *p, int stars, double t)
{
    spc_reviews_advance(r, p, t);
    r->sum += stars;
    r->weight += 1;
    r->count += 1;
    if (!(p->lag > 0))
        r->seen = rating_of(r->sum, r->weight, p);
}

/* (R4) e^(w (R_seen - R_ref)). */
double spc_reviews_factor(const spc_reviews *r, const spc_reviews_params *p)
{
    return exp(p->w_rating * (r->seen - p->reference));
}
