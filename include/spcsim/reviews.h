/*
 * reviews.h -- public reviews of one unit and the rating prospects see
 * (docs/model.md 9.13, (R1)-(R4)).
 *
 * Some encounters become public reviews, more of the very bad and the very
 * good ones (R1). The public rating is a weighted mean of the reviews'
 * stars in which a review's weight halves every `half_life`, shrunk toward
 * the reference by a prior of `prior` reviews (R2). Prospects see it with a
 * first-order delay of time constant `lag` (R3), and it scales the
 * acceptance of the base acquisition process (R4): a rating one star above
 * the reference multiplies the new customers by e^(w_rating).
 *
 * The state is advanced exactly between events (the weights decay as
 * e^(-ln 2 dt / h), the seen rating relaxes toward the rating, which is
 * constant between reviews), so the rating does not depend on when it is
 * read. No randomness here: the customers module draws whether an
 * encounter becomes a review.
 */
#ifndef SPCSIM_REVIEWS_H
#define SPCSIM_REVIEWS_H

typedef struct {
    double low, mid, high;  /* probability of a review after a 1-2, 3-4, 5-star encounter */
    double half_life;       /* h: time for a review's weight to halve */
    double lag;             /* tau: time constant of the rating prospects see */
    double w_rating;        /* log-factor of acquisition per star above the reference */
    double reference;       /* stars at which acquisition is as declared */
    double prior;           /* m: weight of the reference, in reviews */
} spc_reviews_params;

typedef struct {
    double sum, weight;     /* decayed sums of stars and of weights */
    double seen;            /* the rating prospects see */
    double t;               /* time of the state */
    double count;           /* reviews since the start of the run */
} spc_reviews;

/* Stars 1-5 of an encounter scored s (0-10): round(1 + 0.4 s), as the
 * survey's satisfaction question (C10). */
int spc_reviews_stars(double s);

/* (R1): the probability that an encounter of `stars` becomes a review. */
double spc_reviews_probability(const spc_reviews_params *p, int stars);

/* No reviews yet at time t: the rating and the seen rating are the reference. */
void spc_reviews_init(spc_reviews *r, const spc_reviews_params *p, double t);

/* Advances the state to time t (t >= its time). */
void spc_reviews_advance(spc_reviews *r, const spc_reviews_params *p, double t);

/* A review of `stars` at time t. */
void spc_reviews_add(spc_reviews *r, const spc_reviews_params *p, int stars, double t);

/* (R2): the public rating now (the state's time). */
double spc_reviews_rating(const spc_reviews *r, const spc_reviews_params *p);

/* (R4): the factor of the acquisition's acceptance at the seen rating. */
double spc_reviews_factor(const spc_reviews *r, const spc_reviews_params *p);

#endif
