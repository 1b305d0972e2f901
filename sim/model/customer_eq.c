/*
 * customer_eq.c -- the equations of one customer and of surveys (customer_eq.h).
 * Pure functions: no state, no randomness (noise is passed in).
 */
#include "spcsim/customer_eq.h"

#include <math.h>

static double clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

double spc_encounter_score(const spc_score_params *p, double lead, double expect, double escaped,
                           double attitude)
{
    double s = p->s0;
    if (expect > 0 && lead > expect)
        s -= p->w_wait * log(lead / expect);
    s -= p->w_defect * escaped;
    if (!isnan(attitude))
        s += p->w_attitude * (attitude - p->attitude_ref) / 10.0;
    return s;
}

double spc_retention(double u, double r0, double r1, double u_ref)
{
    return 1.0 / (1.0 + exp(-(r0 + r1 * (u - u_ref))));
}

int spc_recommend_class(double u)
{
    /* round(clamp(u)) >= 9 and <= 6, without the rounding (halves round up) */
    return u >= 8.5 ? 1 : u < 6.5 ? -1 : 0;
}

int spc_survey_recommend(double u, double z)
{
    return (int)clamp(round(u + z), 0.0, 10.0);
}

int spc_survey_csat(double u, double z)
{
    return (int)clamp(round(1.0 + 0.4 * (u + z)), 1.0, 5.0);
}

void spc_survey_add(spc_survey *s, int recommend, int csat)
{
    int cls = spc_recommend_class((double)recommend);
    s->n += 1;
    s->sum += recommend;
    s->promoters += cls > 0;
    s->detractors += cls < 0;
    s->top2 += csat >= 4;
}

double spc_survey_nps(const spc_survey *s)
{
    return s->n > 0 ? 100.0 * (s->promoters - s->detractors) / s->n : NAN;
}

double spc_survey_csat_pct(const spc_survey *s)
{
    return s->n > 0 ? 100.0 * s->top2 / s->n : NAN;
}

double spc_survey_mean(const spc_survey *s)
{
    return s->n > 0 ? s->sum / s->n : NAN;
}

static double pct(double a, double b)
{
    return b > 0 ? 100.0 * a / b : NAN;
}

void spc_scorecard(const spc_scorecard_counts *n, double x[5])
{
    x[0] = pct(n->on_time, n->delivered);
    x[1] = pct(n->clean, n->delivered);
    x[2] = pct(n->informed, n->late);
    x[3] = pct(n->proactive, n->problems);
    x[4] = pct(n->first_resolved, n->contacts); /* (SC4), second figure */
}

double spc_clv(double margin, double retention, double discount)
{
    return margin * retention / (1.0 + discount - retention);
}
