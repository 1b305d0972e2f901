/*
 * customers.c -- the customer population of one unit (customers.h).
 *
 * Storage: one slot per person of the market, in parallel arrays (state,
 * U, E, ...). Slots of people who are not active customers sit on a stack;
 * an acquisition takes the top one. A slot's generation changes when its
 * customer is lost, so events still pending for them are recognised as
 * stale and dropped.
 *
 *   PURCHASE  -> maybe an inquiry first; the purchase enters the chain
 *   order end -> encounter (C1)-(C3) with recovery (V5) and the product (PQ1),
 *                survey (C10), public review (R1), mirror (M1), referrals (C7),
 *                after-sale claim (C9), stay (C4) with the product's value (PQ2)
 *                and the competitor's pull (CP4)?
 *                -> next PURCHASE after (C5), or lost
 *   ACQUIRE   -> candidates at rate a0; accepted with (C6) and the seen rating (R4)
 *   CLAIM     -> an after-sale request enters the chain
 *   with channels (CH1)-(CH6), a purchase, inquiry or request goes through
 *   its channel first (channels.h): to the chain, held until the channel
 *   opens (CHANNEL), resolved in self-service or given up; the last two
 *   end at once as an encounter
 *
 * Pending purchases wait in a queue of their own (purchase_queue.h); the
 * calendar holds one PURCHASE event, for the earliest of them (a = NONE).
 *
 * With a tracer (trace.h) each step writes a line. Customers are named by
 * their slot: a slot freed by a lost customer goes to the next one who joins.
 */
#include "spcsim/customers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rstat.h>

#include "spcsim/channels.h"
#include "spcsim/events.h"
#include "spcsim/pathway_eq.h"
#include "spcsim/purchase_queue.h"
#include "spcsim/reviews.h"
#include "spcsim/rng.h"

#define NONE UINT32_MAX

enum { PROSPECT = 0, ACTIVE = 1, LOST = 2 };
enum { F_INITIAL = 1, F_BOUGHT = 2 }; /* flags: a customer at time 0; has bought once */
#define CLAIM_DEFECT ((uint64_t)1 << 32) /* in a claim's tag: caused by an escaped defect */

/* Period counters; `window` holds the same since warm-up. */
typedef struct {
    double acquired, referred, churned, encounters, placed, lost_orders, requests, active_start;
    double census_n, census_sum, census_sq; /* true U at encounters (to check the survey) */
    double resp_sum;        /* true U of those who answered */
    double failures, recovered; /* failed encounters met by an employee; recovered (V5) */
    double faulty;          /* faulty products delivered (PQ1) */
    double won_back;        /* acquisitions of people who had been customers (CP) */
    double announced, late, informed; /* purchases announced; delivered late; late and told in time (TR) */
    double problems, proactive;       /* failed deliveries; of them reached proactively (AC) */
    double delivered, on_time, clean; /* purchases delivered; on time; without a defect (SC) */
    double reviews, stars;  /* public reviews and their stars (R1) */
    spc_survey survey;
} period_t;

/* One slot of the market. The fields an encounter reads and writes sit
 * together, so that it touches one or two cache lines, not one per field. */
typedef struct {
    double joined, margin;  /* acquisition time; discounted repeat margin so far (C12) */
    float u, expect, bias;  /* satisfaction; expected lead time; personal standard (C1) */
    uint32_t reg_pos, reg_id; /* the regular employee (C8): position and who */
    uint16_t gen;           /* changes when the slot's customer is lost */
    uint8_t state, flags;
} person_t;

/* Summary tallies: one value per period after warm-up. */
enum { CT_ESAT, CT_CSAT, CT_SCORE, CT_NPS, CT_ACTIVE, CT_RETENTION, CT_TURNOVER, CT_N };

struct spc_customers {
    const spc_scenario *sc;
    const spc_customers_spec *cs;
    spc_chain *chain;
    spc_calendar *cal;
    const spc_customer_staff *staff;
    double demand;          /* local demand factor */
    double context;         /* the unit's shift of s0 (U2) */
    double log_discount;    /* ln(1 + i) / clv_period */
    uint32_t market;        /* slots */
    person_t *p;            /* the population, one record per slot */
    spc_purchase_queue buys; /* every pending purchase (C5) */
    spc_event_id buy_ev;    /* the calendar's event for the earliest of them, 0 if none */
    double buy_time;        /* its time; +infinity if none */
    uint32_t *free_slots;   /* stack of slots not active */
    uint32_t nfree;
    uint32_t active, promoters, detractors;
    gsl_rng *traits, *purchases, *acquisition, *retention, *survey, *claims, *recovery;
    gsl_rng *product, *review;  /* only with product quality, with reviews */
    gsl_rng *transp, *access;   /* only with transparency, with accessibility */
    spc_channels *channels;     /* only with channels (CH1)-(CH6) */
    float *pref;                /* with channels: each customer's channel preference (CH1), NaN: not drawn yet */
    float *announced;           /* with transparency: the announced lead time of the purchase
                                 * in flight, NaN when it was not announced */
    double lead_est;            /* the company's running estimate of the lead time (TR1) */
    const gsl_rng_type *rng_type; /* for the streams made later */
    uint64_t key;
    spc_reviews_params rvp;
    spc_reviews rv;             /* the unit's public reviews (R1)-(R4) */
    spc_customer_totals tot;
    period_t per, win;      /* this period; since warm-up */
    spc_tally t[CT_N];
    spc_trace *trace;       /* NULL: not traced */
    gsl_rstat_workspace *clv; /* CLV of customers acquired in [warm-up, horizon - clv_horizon]:
                               * independent customers, so a plain t interval */
    double t_stats;
};

static double clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* (CP1) the competitor's lead time at t: L_c0 e^(-g t / year). */
static double competitor_lead(const spc_customers *c, double t)
{
    const spc_customers_spec *cs = c->cs;
    return cs->comp_lead * exp(-cs->comp_improve * t / c->sc->workforce.quit.year);
}

/* ---- trace ---- */

static void trace_customer(const spc_customers *c, spc_trace_kind kind, uint32_t id, double now, const char *what)
{
    if (!spc_trace_wants(c->trace, kind, now))
        return;
    char who[32];
    snprintf(who, sizeof who, "customer %u", id);
    spc_trace_line(c->trace, now, kind, who, "%s (U %.1f)", what, c->p[id].u);
}

/* "purchase delivered in 1.2 h: score 6.1 -> U 7.3, stays" */
static void trace_encounter(const spc_customers *c, const spc_order_end *e, double score, double now,
                            const char *then)
{
    static const char *const kinds[] = { "purchase", "inquiry", "after-sale request" };
    static const char *const outcomes[] = { "delivered", "abandoned", "balked", "blocked" };
    if (!spc_trace_wants(c->trace, SPC_TR_ENCOUNTER, now))
        return;
    char who[32];
    snprintf(who, sizeof who, "customer %u", e->customer);
    spc_trace_line(c->trace, now, SPC_TR_ENCOUNTER, who, "%s %s in %.4g %s%s: score %.1f -> U %.1f, %s",
                   kinds[e->kind], outcomes[e->outcome], e->lead, c->sc->time_unit,
                   e->escaped > 0 ? " with a defect" : "", score, c->p[e->customer].u, then);
}

void spc_customers_set_trace(spc_customers *c, spc_trace *tr)
{
    c->trace = tr;
}

/* ---- classes: the detractor share of (C6) is kept up to date ---- */

static void class_count(spc_customers *c, double u, int sign)
{
    int k = spc_recommend_class(u);
    if (k > 0)
        c->promoters += (uint32_t)sign;
    else if (k < 0)
        c->detractors += (uint32_t)sign;
}

static void set_u(spc_customers *c, uint32_t id, double u)
{
    class_count(c, c->p[id].u, -1);
    c->p[id].u = (float)clamp(u, 0.0, 10.0);
    class_count(c, c->p[id].u, +1);
}

/* ---- scheduling ---- */

static spc_status push(spc_customers *c, double t, uint32_t kind, uint32_t id, spc_error *err)
{
    if (t > c->sc->horizon)
        return SPC_OK;
    if (spc_calendar_push(c->cal, t, kind, id, id == NONE ? 0 : c->p[id].gen) == 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return SPC_OK;
}

/* A purchase of id's at t joins the queue; the calendar's event moves to
 * it when it is the earliest. */
static spc_status push_purchase(spc_customers *c, double t, uint32_t id, spc_error *err)
{
    if (t > c->sc->horizon)
        return SPC_OK;
    if (spc_purchase_queue_push(&c->buys, t, id, c->p[id].gen) != 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the pending purchases");
    if (!(t < c->buy_time))
        return SPC_OK;
    spc_calendar_cancel(c->cal, c->buy_ev);
    c->buy_time = t;
    if ((c->buy_ev = spc_calendar_push(c->cal, t, SPC_EV_PURCHASE, NONE, 0)) == 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return SPC_OK;
}

/* The calendar's PURCHASE event: the earliest pending purchase is due now.
 * Takes it from the queue into *id, *tag and schedules the event for the next. */
static spc_status due_purchase(spc_customers *c, uint32_t *id, uint64_t *tag, spc_error *err)
{
    spc_purchase b;
    if (!spc_purchase_queue_pop(&c->buys, &b))
        return spc_error_set(err, SPC_ERR_INTERNAL, "a purchase event with no purchase pending");
    *id = b.slot;
    *tag = b.tag;
    c->buy_ev = 0;
    const spc_purchase *next = spc_purchase_queue_peek(&c->buys);
    c->buy_time = next != NULL ? next->time : INFINITY;
#ifdef __GNUC__
    if (next != NULL) /* that customer's record, fetched while other events run (GCC, clang) */
        __builtin_prefetch(&c->p[next->slot]);
#endif
    if (c->buy_time < INFINITY &&
        (c->buy_ev = spc_calendar_push(c->cal, c->buy_time, SPC_EV_PURCHASE, NONE, 0)) == 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return SPC_OK;
}

/* (C5) */
static spc_status next_purchase(spc_customers *c, uint32_t id, double now, spc_error *err)
{
    const spc_customers_spec *cs = c->cs;
    double t = spc_dist_sample(&cs->interpurchase, c->purchases) * exp(-cs->w_frequency * (c->p[id].u - cs->u_ref));
    return push_purchase(c, now + t, id, err);
}

/* ---- joining and leaving ---- */

static uint32_t join(spc_customers *c, double now)
{
    const spc_customers_spec *cs = c->cs;
    uint32_t id = c->free_slots[--c->nfree];
    c->per.won_back += c->p[id].state == LOST;
    c->p[id].state = ACTIVE;
    c->p[id].u = (float)clamp(cs->u_init + gsl_ran_gaussian(c->traits, cs->u_init_sd), 0.0, 10.0);
    class_count(c, c->p[id].u, +1);
    /* a newcomer expects what the market offers: with a competitor, E_init scaled as its lead (CP2) */
    c->p[id].expect = (float)(cs->competitor ? cs->expect_init * competitor_lead(c, now) / cs->comp_lead : cs->expect_init);
    c->p[id].bias = (float)gsl_ran_gaussian(c->traits, cs->heterogeneity);
    c->p[id].joined = now;
    c->p[id].margin = 0;
    c->p[id].flags = 0;
    c->p[id].reg_pos = c->p[id].reg_id = NONE;
    if (c->pref != NULL)
        c->pref[id] = NAN; /* drawn at their first contact */
    c->active++;
    return id;
}

/* The CLV of a customer acquired inside the observation window. */
static void record_clv(spc_customers *c, uint32_t id)
{
    double t = c->p[id].joined;
    if (!(c->p[id].flags & F_INITIAL) && t >= c->t_stats && t + c->sc->finance.clv_horizon <= c->sc->horizon)
        gsl_rstat_add(c->p[id].margin, c->clv);
}

static void leave(spc_customers *c, uint32_t id)
{
    record_clv(c, id);
    class_count(c, c->p[id].u, -1);
    c->p[id].state = LOST;
    c->p[id].gen++;
    c->free_slots[c->nfree++] = id;
    c->active--;
    c->per.churned += 1;
}

/* A new customer's first visit is now: they came to buy. */
static spc_status acquire(spc_customers *c, double now, int referred, spc_error *err)
{
    uint32_t id = join(c, now);
    if (referred) {
        c->per.referred += 1;
        c->tot.referred += 1;
    } else {
        c->per.acquired += 1;
        c->tot.acquired += 1;
    }
    if (SPC_TRACING(c->trace))
        trace_customer(c, SPC_TR_ACQUIRE, id, now, referred ? "joins, referred by a promoter" : "joins");
    return spc_customers_purchase(c, id, c->p[id].gen, now, err);
}

/* Share of the market still to win: prospects and lost customers. */
static double open_share(const spc_customers *c)
{
    return (double)(c->market - c->active) / (double)c->market;
}

/* ---- events ---- */

/* (TR1): a purchase is announced m_a x L-hat with probability a (one uniform
 * per purchase placed). */
static void announce(spc_customers *c, uint32_t id)
{
    const spc_customers_spec *cs = c->cs;
    int told = gsl_rng_uniform(c->transp) < cs->tr_share;
    c->announced[id] = told ? (float)(cs->tr_margin * c->lead_est) : NAN;
    if (told) {
        c->per.announced += 1;
        c->tot.contacts += cs->tr_cost;
    }
}

static spc_status ended(spc_customers *c, const spc_order_end *e, spc_contact_step how, double now, spc_error *err);

/* (CH1)-(CH5): where the contact's channel sends it. Its record's number
 * (+ 1) rides in bits 32-63 of the order's tag; a held contact's event
 * carries the customer's generation, the kind (bits 16-17) and the same. */
static spc_status follow(spc_customers *c, uint32_t id, uint32_t kind, const spc_contact_route *r, double now,
                         spc_error *err)
{
    uint64_t tag = (uint64_t)c->p[id].gen | ((uint64_t)r->contact + 1) << 32;
    switch (r->step) {
    case SPC_STEP_CHAIN:
        return r->stage < 0 ? spc_chain_place(c->chain, now, id, tag, kind, err)
                            : spc_chain_place_at(c->chain, now, id, tag, kind, r->stage, err);
    case SPC_STEP_HELD:
        if (r->at > c->sc->horizon)
            return SPC_OK; /* still waiting at the end: pending */
        if (spc_calendar_push(c->cal, r->at, SPC_EV_CHANNEL, id, tag | (uint64_t)kind << 16) == 0)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
        return SPC_OK;
    default: { /* resolved in self-service, or given up: the encounter is now */
        int resolved = r->step == SPC_STEP_RESOLVED;
        spc_order_end e = { id, kind, tag, resolved ? SPC_OUT_DELIVERED : SPC_OUT_BALKED, 0, NONE, now, 0.0 };
        return ended(c, &e, r->step, now, err);
    }
    }
}

static spc_status place(spc_customers *c, uint32_t id, uint32_t kind, double now, spc_error *err)
{
    if (c->cs->transparency && kind == SPC_ORDER_PURCHASE)
        announce(c, id);
    c->per.placed += 1;
    if (kind == SPC_ORDER_AFTERSALE)
        c->per.requests += 1;
    if (c->cs->channels) {
        spc_contact_route r;
        if (isnan(c->pref[id]))
            c->pref[id] = (float)spc_channels_preference(c->channels);
        if (spc_channels_contact(c->channels, c->cs, kind, c->pref[id], now, &r) != 0)
            return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the contacts");
        return follow(c, id, kind, &r, now, err);
    }
    return spc_chain_place(c->chain, now, id, c->p[id].gen, kind, err);
}

spc_status spc_customers_channel(spc_customers *c, uint32_t id, uint64_t tag, double now, spc_error *err)
{
    uint32_t contact = (uint32_t)(tag >> 32) - 1, kind = (uint32_t)(tag >> 16) & 3u;
    spc_contact_route r;
    if (c->p[id].state != ACTIVE || c->p[id].gen != (uint16_t)tag) { /* left while waiting: the contact ends */
        spc_contact_info info;
        spc_channels_end(c->channels, contact, SPC_STEP_GAVE_UP, 0, now, &info);
        return SPC_OK;
    }
    spc_channels_reopen(c->channels, c->cs, contact, now, &r);
    return follow(c, id, kind, &r, now, err);
}

spc_status spc_customers_purchase(spc_customers *c, uint32_t id, uint64_t tag, double now, spc_error *err)
{
    if (id == NONE && due_purchase(c, &id, &tag, err) != SPC_OK)
        return err->code;
    if (c->p[id].state != ACTIVE || c->p[id].gen != (uint16_t)tag)
        return SPC_OK; /* lost since */
    int inquiry = c->cs->inquiry_prob > 0 && gsl_rng_uniform(c->purchases) < c->cs->inquiry_prob;
    if (SPC_TRACING(c->trace))
        trace_customer(c, SPC_TR_PURCHASE, id, now, inquiry ? "comes to buy, asks first" : "comes to buy");
    return place(c, id, inquiry ? SPC_ORDER_INQUIRY : SPC_ORDER_PURCHASE, now, err);
}

/* (C6): candidates at rate a0 x demand, accepted with the open share of the
 * market times e^(-w_d d), d the detractor share of active customers. */
spc_status spc_customers_acquire(spc_customers *c, double now, spc_error *err)
{
    const spc_customers_spec *cs = c->cs;
    double d = c->active > 0 ? (double)c->detractors / (double)c->active : 0.0;
    double p = open_share(c) * exp(-cs->w_detractors * d);
    if (cs->reviews) { /* (R4) */
        spc_reviews_advance(&c->rv, &c->rvp, now);
        p = fmin(1.0, p * spc_reviews_factor(&c->rv, &c->rvp));
    }
    double u = gsl_rng_uniform(c->acquisition);
    if (u < p && c->nfree > 0 && acquire(c, now, 0, err) != SPC_OK)
        return err->code;
    double rate = cs->acquisition * c->demand;
    if (!(rate > 0))
        return SPC_OK; /* off; an intervention that turns it on schedules the next */
    return push(c, now + spc_dist_exponential(c->acquisition, 1.0 / rate), SPC_EV_ACQUIRE, NONE, err);
}

spc_status spc_customers_claim(spc_customers *c, uint32_t id, uint64_t tag, double now, spc_error *err)
{
    if (c->p[id].state != ACTIVE || c->p[id].gen != (uint16_t)tag)
        return SPC_OK; /* lost since: the claim is never made */
    if (tag & CLAIM_DEFECT) /* the ledger refunds or bills the request when it is made */
        c->tot.claims += 1;
    else
        c->tot.services += 1;
    if (SPC_TRACING(c->trace))
        trace_customer(c, SPC_TR_CLAIM, id, now, "comes back with an after-sale request");
    return place(c, id, SPC_ORDER_AFTERSALE, now, err);
}

/* ---- the encounter ---- */

/* (C8): the regular front-line employee, with relationship service. */
static void regular(spc_customers *c, uint32_t id, uint32_t pos, uint32_t emp, double now)
{
    if (!c->cs->relationship || c->staff == NULL || emp == NONE)
        return;
    if (c->p[id].reg_id != NONE && c->p[id].reg_id != emp) {
        spc_staff_view holder;
        c->staff->meet(c->staff->ctx, c->p[id].reg_pos, now, &holder);
        if (holder.id != c->p[id].reg_id) /* the regular has left the company */
            set_u(c, id, c->p[id].u - c->cs->regular_loss);
        else
            return; /* a colleague served today; the regular is still there */
    }
    c->p[id].reg_pos = pos;
    c->p[id].reg_id = emp;
}

/* (V5): a failed encounter (a defect, or a longer wait than expected) that
 * the front employee recovers gets back a share of the points it lost. The
 * uniform is drawn for every failure met by an employee, whatever the
 * outcome, so that runs differing only in satisfaction stay paired. */
static double recover(spc_customers *c, double lost, const spc_staff_view *v)
{
    const spc_customers_spec *cs = c->cs;
    if (!(lost > 0) || v->id == NONE || !(cs->rec_base > 0))
        return 0.0;
    int ok = gsl_rng_uniform(c->recovery) < spc_recovery_probability(cs->rec_base, cs->rec_w, v->recovery_z);
    c->per.failures += 1;
    c->per.recovered += ok;
    return ok ? cs->rec_restore * lost : 0.0;
}

/* (TR2), (TR3): the points an announced purchase's wait takes, its
 * customer's expectation E (one not announced is judged as without
 * transparency, by (C1)). Announced Â: a promise above E
 * costs a_p w_L ln(Â/E) (*promise, not a failure); delivered by Â, nothing
 * more (judged against what they were told); later, the customer told in
 * time judges the rest as an explained delay, (1 - r_e) w_L ln(L/Â), the
 * one not told as an unexplained one against their own expectation,
 * (1 + u) w_L ln(L/E). The update is drawn for every announced purchase,
 * late or not, so that runs stay paired. Counts late deliveries (past Â,
 * or past E when not announced) and those told in time. */
static double judge(spc_customers *c, uint32_t id, double lead, double expect, double *promise)
{
    const spc_customers_spec *cs = c->cs;
    double a = c->announced[id], w = cs->w_wait;
    int updated = gsl_rng_uniform(c->transp) < cs->tr_update;
    *promise = cs->tr_promise * w * log(fmax(1.0, a / expect));
    if (!(lead > a))
        return 0.0;
    c->per.late += 1;
    if (!updated)
        return (1.0 + cs->tr_unexplained) * w * log(fmax(1.0, lead / expect));
    c->per.informed += 1;
    c->tot.contacts += cs->tr_update_cost;
    return (1.0 - cs->tr_explained) * w * log(lead / a);
}

/* The scorecard's counts of a delivered purchase: on time against its
 * promise (SC1), without a defect (SC2), a problem no employee recovered
 * on the spot (SC4, also the denominator of the proactive share). */
static void tally(spc_customers *c, double lead, double promise, int problem, int defect)
{
    c->per.delivered += 1;
    if (!c->cs->transparency) /* with it, judge() counts the late ones */
        c->per.late += lead > promise;
    c->per.on_time += lead <= c->cs->sc_margin * promise;
    c->per.clean += !defect;
    c->per.problems += problem;
}

/* (AC1), (AC2): a failed delivery (its wait or an escaped defect took
 * points) that the front employee did not recover may be detected by the
 * company, which reaches the customer first: g_p of the points back, and
 * an escaped defect replaced (*fixed: no claim follows). One uniform per
 * such failure. Returns the points given back. */
static double reach(spc_customers *c, double lost, double escaped, int *fixed)
{
    const spc_customers_spec *cs = c->cs;
    if (!(lost > 0))
        return 0.0;
    if (!(gsl_rng_uniform(c->access) < cs->ac_detect))
        return 0.0;
    c->per.proactive += 1;
    c->tot.contacts += cs->ac_cost;
    *fixed = escaped > 0;
    return cs->ac_restore * lost;
}

/* (C1)-(C3), (V5), (PQ1); returns the encounter's score s. A faulty
 * product takes its points and the value for money adds to every
 * delivered purchase; the front employee does not recover the product. */
static double experience(spc_customers *c, uint32_t id, const spc_order_end *e, const spc_staff_view *v, int faulty,
                         double now, int *fixed, const double contact[2])
{
    const spc_customers_spec *cs = c->cs;
    double s;
    if (e->outcome != SPC_OUT_DELIVERED) {
        s = cs->score_lost;
    } else {
        spc_score_params p = { cs->s0 + c->context, cs->w_wait, cs->w_defect, cs->w_attitude, cs->attitude_ref };
        double expect = e->kind == SPC_ORDER_PURCHASE ? c->p[id].expect
                      : isnan(contact[0])                 ? cs->request_expect
                                                          : contact[0]; /* (CH2) */
        int purchase = e->kind == SPC_ORDER_PURCHASE;
        double escaped = (double)e->escaped, lost, promise = 0.0, delay = 0.0;
        int announced = purchase && cs->transparency && !isnan(c->announced[id]);
        if (purchase && cs->transparency && !announced)
            c->per.late += e->lead > expect; /* not announced: judged as without transparency */
        if (announced) { /* (TR2), (TR3): the wait judged here */
            delay = judge(c, id, e->lead, expect, &promise);
            p.w_wait = 0.0;
            lost = delay + cs->w_defect * escaped;
        } else {
            lost = p.s0 - spc_encounter_score(&p, e->lead, expect, escaped, NAN);
        }
        double restored = recover(c, lost, v);
        if (purchase) /* (SC1), (SC2), (SC4): the scorecard's counts */
            tally(c, e->lead, announced ? (double)c->announced[id] : expect, lost > 0 && !(restored > 0),
                  e->escaped > 0 || faulty);
        if (cs->accessibility && purchase && !(restored > 0))
            restored = reach(c, lost, escaped, fixed);
        s = spc_encounter_score(&p, e->lead, expect, escaped, v->courtesy) + c->p[id].bias + restored;
        if (announced)
            s -= delay + promise;
        if (purchase)
            c->p[id].expect = (float)(c->p[id].expect + cs->expect_learn * (e->lead - c->p[id].expect));
        if (purchase && cs->transparency)
            c->lead_est += cs->tr_learn * (e->lead - c->lead_est);
        if (cs->competitor && e->kind == SPC_ORDER_PURCHASE) { /* (CP2), (CP3) */
            c->p[id].expect = (float)(c->p[id].expect + cs->comp_pull * (competitor_lead(c, now) - c->p[id].expect));
            s -= cs->comp_quality * now / c->sc->workforce.quit.year;
        }
        if (cs->product && e->kind == SPC_ORDER_PURCHASE)
            s += cs->prod_value - cs->prod_w * faulty;
    }
    s = clamp(s - contact[1] + gsl_ran_gaussian(c->traits, cs->score_sd), 0.0, 10.0); /* (CH5) */
    set_u(c, id, c->p[id].u + cs->learn * (s - c->p[id].u));
    return s;
}

/* (C10): the customer may answer a survey about this encounter. */
static void survey(spc_customers *c, uint32_t id)
{
    double u = c->p[id].u;
    c->per.census_n += 1;
    c->per.census_sum += u;
    c->per.census_sq += u * u;
    if (!(gsl_rng_uniform(c->survey) < c->cs->response_rate))
        return;
    c->per.resp_sum += u;
    double z = gsl_ran_gaussian(c->survey, c->cs->response_sd);
    spc_survey_add(&c->per.survey, spc_survey_recommend(u, z), spc_survey_csat(u, z));
}

/* (C7): a promoter tells prospects; some become customers. */
static spc_status refer(spc_customers *c, uint32_t id, double now, spc_error *err)
{
    if (spc_recommend_class(c->p[id].u) <= 0 || !(c->cs->referrals > 0))
        return SPC_OK;
    unsigned told = gsl_ran_poisson(c->acquisition, c->cs->referrals);
    for (unsigned k = 0; k < told; k++)
        if (gsl_rng_uniform(c->acquisition) < c->cs->conversion * open_share(c) && c->nfree > 0 &&
            acquire(c, now, 1, err) != SPC_OK)
            return err->code;
    return SPC_OK;
}

/* (R1): the encounter may become a public review. The uniform is drawn for
 * every encounter, so that runs differing in the scores stay paired. */
static void review(spc_customers *c, double score, double now)
{
    if (!c->cs->reviews)
        return;
    int stars = spc_reviews_stars(score);
    if (gsl_rng_uniform(c->review) < spc_reviews_probability(&c->rvp, stars)) {
        spc_reviews_add(&c->rv, &c->rvp, stars, now);
        c->per.reviews += 1;
        c->per.stars += stars;
    }
}

/* (C9): after a delivered purchase, an after-sale request may follow (a
 * claim when a defect escaped or the product was faulty). */
static spc_status maybe_claim(spc_customers *c, uint32_t id, const spc_order_end *e, int faulty, double now,
                              spc_error *err)
{
    int defect = e->escaped > 0 || faulty;
    double p = defect ? c->cs->claim_defect : c->cs->claim_base;
    if (!(p > 0) || !(gsl_rng_uniform(c->claims) < p))
        return SPC_OK;
    double t = now + spc_dist_sample(&c->cs->claim_delay, c->claims);
    if (t > c->sc->horizon)
        return SPC_OK;
    /* the tag: the slot's generation, and whether a defect caused the claim */
    uint64_t tag = (uint64_t)c->p[id].gen | (defect ? CLAIM_DEFECT : 0);
    if (spc_calendar_push(c->cal, t, SPC_EV_CLAIM, id, tag) == 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory in the event calendar");
    return SPC_OK;
}

/* Discounted margin of a repeat purchase, for the CLV (C12). */
static void add_margin(spc_customers *c, uint32_t id, const spc_order_end *e, int first)
{
    const spc_finance_spec *f = &c->sc->finance;
    double age = e->placed - c->p[id].joined;
    if (first || age > f->clv_horizon)
        return;
    c->p[id].margin += (f->price - f->cogs) * exp(-age * c->log_discount); /* (1 + i)^(-age / P) */
}

/* (CH2), (CH5): a contact's end is counted whoever its customer is now;
 * its encounter sees the time since the customer made contact, the
 * channel's expected response time (inquiries and requests answered by
 * staff) and the failed self-service try. NaN, 0 without channels. */
static int contact_end(spc_customers *c, spc_order_end *e, spc_contact_step how, double now, double contact[2])
{
    uint64_t no = e->tag >> 32;
    contact[0] = NAN;
    contact[1] = 0.0;
    if (no == 0 || c->channels == NULL)
        return -1;
    spc_contact_info info;
    spc_channels_end(c->channels, (uint32_t)(no - 1), how, e->outcome == SPC_OUT_DELIVERED, now, &info);
    e->lead = now - info.created;
    if (e->kind != SPC_ORDER_PURCHASE && info.channel != SPC_CHANNEL_SELF)
        contact[0] = c->cs->ch_expect[info.channel];
    contact[1] = info.escalated ? c->cs->ch_penalty : 0.0;
    return info.first;
}

spc_status spc_customers_order_end(spc_customers *c, const spc_order_end *e, double now, spc_error *err)
{
    return ended(c, e, SPC_STEP_CHAIN, now, err);
}

static spc_status ended(spc_customers *c, const spc_order_end *end, spc_contact_step how, double now, spc_error *err)
{
    spc_order_end adj = *end, *e = &adj;
    double contact[2];
    int tried = contact_end(c, e, how, now, contact);
    uint32_t id = e->customer;
    if (c->p[id].state != ACTIVE || c->p[id].gen != (uint16_t)e->tag)
        return SPC_OK; /* left while this order was under way (the slot may hold someone new) */
    double u0 = c->p[id].u;
    spc_staff_view v = { NONE, NAN, 0.0 };
    if (c->staff != NULL && e->front_server != NONE)
        c->staff->meet(c->staff->ctx, e->front_server, now, &v);
    uint32_t emp = v.id;
    c->per.encounters += 1;
    if (e->outcome != SPC_OUT_DELIVERED)
        c->per.lost_orders += 1;
    regular(c, id, e->front_server, emp, now);
    int faulty = c->cs->product && e->kind == SPC_ORDER_PURCHASE && e->outcome == SPC_OUT_DELIVERED &&
                 gsl_rng_uniform(c->product) < c->cs->prod_defect; /* (PQ1) */
    c->per.faulty += faulty;
    int fixed = 0;
    double score = experience(c, id, e, &v, faulty, now, &fixed, contact);
    if (tried >= 0)
        spc_channels_encounter(c->channels, tried, c->p[id].u - u0);
    survey(c, id);
    review(c, score, now);
    if (c->staff != NULL && emp != NONE)
        c->staff->mirror(c->staff->ctx, e->front_server, emp, c->p[id].u, now);
    if (refer(c, id, now, err) != SPC_OK)
        return err->code;
    int delivered = e->outcome == SPC_OUT_DELIVERED;
    if (e->kind == SPC_ORDER_INQUIRY && delivered) { /* informed: now the purchase */
        if (SPC_TRACING(c->trace))
            trace_encounter(c, e, score, now, "goes on to buy");
        return place(c, id, SPC_ORDER_PURCHASE, now, err);
    }
    if (e->kind == SPC_ORDER_PURCHASE && delivered) {
        int first = !(c->p[id].flags & F_BOUGHT);
        c->p[id].flags |= F_BOUGHT;
        c->tot.purchases += 1;
        add_margin(c, id, e, first);
        if (!fixed && maybe_claim(c, id, e, faulty, now, err) != SPC_OK)
            return err->code;
    }
    const spc_customers_spec *cs = c->cs;
    double r0 = cs->r0 + (cs->product ? cs->prod_r * cs->prod_value : 0.0); /* (PQ2) */
    if (cs->competitor && e->kind == SPC_ORDER_PURCHASE && delivered) /* (CP4) */
        r0 -= cs->comp_switch * fmax(0.0, log(e->lead / competitor_lead(c, now)));
    int stays = gsl_rng_uniform(c->retention) < spc_retention(c->p[id].u, r0, cs->r1, cs->u_ref); /* (C4) */
    if (SPC_TRACING(c->trace))
        trace_encounter(c, e, score, now, stays ? "stays" : "leaves");
    if (!stays) {
        leave(c, id);
        return SPC_OK;
    }
    return e->kind == SPC_ORDER_AFTERSALE ? SPC_OK : next_purchase(c, id, now, err);
}

/* ---- set-up ---- */

/* The streams and state of the mechanisms that are off unless a scenario
 * turns them on (product quality, reviews), made when one first is on:
 * at the start or by an intervention. A stream's numbers depend only on
 * its key, so making it late changes nothing else. 0, or -1 out of memory. */
static int mechanisms(spc_customers *c, const spc_scenario *sc, double now)
{
    const spc_customers_spec *cs = &sc->customers;
    if (cs->product && c->product == NULL &&
        (c->product = spc_rng_stream_alloc(c->rng_type, sc->seed, c->key, SPC_STREAM(SPC_STREAM_PRODUCT, 0))) == NULL)
        return -1;
    if (cs->transparency && c->transp == NULL) {
        if ((c->transp = spc_rng_stream_alloc(c->rng_type, sc->seed, c->key, SPC_STREAM(SPC_STREAM_TRANSPARENCY, 0))) ==
                NULL ||
            (c->announced = malloc(c->market * sizeof *c->announced)) == NULL)
            return -1;
        for (uint32_t i = 0; i < c->market; i++)
            c->announced[i] = NAN; /* purchases placed before it was on were not announced */
        c->lead_est = cs->expect_init;
    }
    if (cs->accessibility && c->access == NULL &&
        (c->access = spc_rng_stream_alloc(c->rng_type, sc->seed, c->key, SPC_STREAM(SPC_STREAM_ACCESSIBILITY, 0))) ==
            NULL)
        return -1;
    if (cs->transparency || cs->accessibility)
        c->tot.contacts_on = 1;
    if (cs->channels && c->channels == NULL) {
        if ((c->channels = spc_channels_alloc(c->rng_type, sc->seed, c->key)) == NULL ||
            (c->pref = malloc(c->market * sizeof *c->pref)) == NULL)
            return -1;
        for (uint32_t i = 0; i < c->market; i++)
            c->pref[i] = NAN;
    }
    if (cs->reviews) {
        spc_reviews_params p = { cs->rev_low, cs->rev_mid, cs->rev_high, cs->rev_half_life, cs->rev_lag, cs->rev_w,
                                 cs->rev_ref, cs->rev_prior };
        if (c->review == NULL) {
            if ((c->review = spc_rng_stream_alloc(c->rng_type, sc->seed, c->key,
                                                  SPC_STREAM(SPC_STREAM_REVIEWS, 0))) == NULL)
                return -1;
            spc_reviews_init(&c->rv, &p, now);
        } else {
            spc_reviews_advance(&c->rv, &c->rvp, now); /* up to now under the old parameters */
        }
        c->rvp = p;
    }
    return 0;
}

spc_customers *spc_customers_alloc(const spc_scenario *sc, spc_chain *chain, spc_calendar *cal,
                                   const gsl_rng_type *type, uint64_t key, double demand, double context,
                                   spc_error *err)
{
    spc_customers *c = calloc(1, sizeof *c);
    if (c == NULL)
        goto oom;
    c->sc = sc;
    c->cs = &sc->customers;
    c->chain = chain;
    c->cal = cal;
    c->demand = demand;
    c->context = context;
    c->log_discount = log1p(sc->finance.discount_rate) / sc->finance.clv_period;
    c->market = (uint32_t)fmax(1.0, round(c->cs->market * demand));
    size_t m = c->market;
    c->p = calloc(m, sizeof *c->p);
    c->clv = gsl_rstat_alloc();
    c->free_slots = calloc(m, sizeof *c->free_slots);
    c->buy_time = INFINITY;
    /* buckets of about four mean gaps between purchases (the width sets the speed only) */
    double gap = spc_dist_true_mean(&c->cs->interpurchase) / (double)m;
    if (!c->p || !c->clv || !c->free_slots || spc_purchase_queue_init(&c->buys, m, 4.0 * gap, sc->horizon) != 0)
        goto oom;
    for (uint32_t i = 0; i < c->market; i++)
        c->free_slots[i] = c->market - 1 - i; /* slot 0 on top */
    c->nfree = c->market;
    gsl_rng **r[] = { &c->traits, &c->purchases, &c->acquisition, &c->retention, &c->survey, &c->claims,
                      &c->recovery };
    int fam[] = { SPC_STREAM_CUSTOMER, SPC_STREAM_PURCHASES, SPC_STREAM_ACQUISITION, SPC_STREAM_RETENTION,
                  SPC_STREAM_SURVEY, SPC_STREAM_CLAIMS, SPC_STREAM_RECOVERY };
    for (size_t k = 0; k < 7; k++)
        if ((*r[k] = spc_rng_stream_alloc(type, sc->seed, key, SPC_STREAM(fam[k], 0))) == NULL)
            goto oom;
    c->rng_type = type;
    c->key = key;
    if (mechanisms(c, sc, 0.0) != 0)
        goto oom;
    int rc = 0;
    for (int k = 0; k < CT_N; k++)
        rc |= spc_tally_init(&c->t[k], (size_t)sc->batches);
    if (rc)
        goto oom;
    return c;
oom:
    spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the customers");
    spc_customers_free(c);
    return NULL;
}

void spc_customers_free(spc_customers *c)
{
    if (c == NULL)
        return;
    gsl_rng *r[] = { c->traits, c->purchases, c->acquisition, c->retention, c->survey, c->claims, c->recovery };
    for (size_t k = 0; k < 7; k++)
        if (r[k] != NULL)
            gsl_rng_free(r[k]);
    if (c->product != NULL)
        gsl_rng_free(c->product);
    if (c->review != NULL)
        gsl_rng_free(c->review);
    if (c->transp != NULL)
        gsl_rng_free(c->transp);
    if (c->access != NULL)
        gsl_rng_free(c->access);
    spc_channels_free(c->channels);
    free(c->pref);
    free(c->announced);
    free(c->p);
    if (c->clv != NULL)
        gsl_rstat_free(c->clv);
    free(c->free_slots);
    spc_purchase_queue_release(&c->buys);
    for (int k = 0; k < CT_N; k++)
        spc_tally_release(&c->t[k]);
    free(c);
}

void spc_customers_set_staff(spc_customers *c, const spc_customer_staff *staff)
{
    c->staff = staff;
}

/* Initial customers are mid-relationship: their next purchase comes after
 * the equilibrium residual of the purchase interval, as if the process had
 * always run (no burst at time 0). */
spc_status spc_customers_start(spc_customers *c, spc_error *err)
{
    uint32_t n = (uint32_t)fmin((double)c->market, round(c->cs->initial * c->demand));
    for (uint32_t k = 0; k < n; k++) {
        uint32_t id = join(c, 0.0);
        c->p[id].flags = F_INITIAL | F_BOUGHT;
        double t = spc_dist_sample_residual(&c->cs->interpurchase, c->purchases);
        if (push_purchase(c, t, id, err) != SPC_OK)
            return err->code;
    }
    c->per.active_start = c->active;
    double rate = c->cs->acquisition * c->demand;
    if (!(rate > 0))
        return SPC_OK;
    return push(c, spc_dist_exponential(c->acquisition, 1.0 / rate), SPC_EV_ACQUIRE, NONE, err);
}

spc_status spc_customers_apply(spc_customers *c, const spc_scenario *state, double now, spc_error *err)
{
    double old = c->cs->acquisition;
    c->sc = state;
    c->cs = &state->customers;
    c->log_discount = log1p(state->finance.discount_rate) / state->finance.clv_period;
    if (mechanisms(c, state, now) != 0)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for the customers");
    double rate = c->cs->acquisition * c->demand;
    if (!(old > 0) && rate > 0) /* acquisition was off: no candidate is pending */
        return push(c, now + spc_dist_exponential(c->acquisition, 1.0 / rate), SPC_EV_ACQUIRE, NONE, err);
    return SPC_OK;
}

void spc_customers_totals(const spc_customers *c, spc_customer_totals *out)
{
    *out = c->tot;
    if (c->channels != NULL) {
        out->channels = spc_channels_cost(c->channels);
        out->channels_on = 1;
    }
}

/* ---- reports ---- */

static void add_period(period_t *w, const period_t *p)
{
    w->acquired += p->acquired;
    w->referred += p->referred;
    w->churned += p->churned;
    w->encounters += p->encounters;
    w->placed += p->placed;
    w->lost_orders += p->lost_orders;
    w->requests += p->requests;
    w->census_n += p->census_n;
    w->census_sum += p->census_sum;
    w->census_sq += p->census_sq;
    w->resp_sum += p->resp_sum;
    w->failures += p->failures;
    w->recovered += p->recovered;
    w->faulty += p->faulty;
    w->won_back += p->won_back;
    w->announced += p->announced;
    w->late += p->late;
    w->informed += p->informed;
    w->problems += p->problems;
    w->proactive += p->proactive;
    w->delivered += p->delivered;
    w->on_time += p->on_time;
    w->clean += p->clean;
    w->reviews += p->reviews;
    w->stars += p->stars;
    w->survey.n += p->survey.n;
    w->survey.sum += p->survey.sum;
    w->survey.promoters += p->survey.promoters;
    w->survey.detractors += p->survey.detractors;
    w->survey.top2 += p->survey.top2;
}

/* (SC1)-(SC4) in %: on time, without a defect, late orders told in time
 * (0 without transparency: nobody is told), problems reached first (0
 * without proactive service). (SC5) is the run's: it needs the staff. */
static void scorecard_values(const period_t *p, double contacts, double first, double *x)
{
    spc_scorecard_counts n = { p->delivered, p->on_time, p->clean, p->late, p->informed, p->problems, p->proactive,
                               contacts, first };
    spc_scorecard(&n, x);
}

static void scorecard(const spc_customers *c, const period_t *p, double *v)
{
    double x[5], ended = 0, first = 0;
    if (c->channels != NULL)
        spc_channels_period(c->channels, &ended, &first);
    scorecard_values(p, ended, first, x);
    if (c->channels != NULL)
        v[SPC_TS_SC_FCR] = x[4];
    v[SPC_TS_SC_SPEED] = x[0];
    v[SPC_TS_SC_ACCURACY] = x[1];
    v[SPC_TS_SC_TRANSPARENCY] = x[2];
    v[SPC_TS_SC_ACCESSIBILITY] = x[3];
}

double spc_customers_delivered(const spc_customers *c)
{
    return c->per.delivered;
}

void spc_customers_report(spc_customers *c, double now, double esat, spc_ts_row *r)
{
    period_t *p = &c->per;
    double *v = r->v;
    v[SPC_TS_ESAT] = esat;
    v[SPC_TS_CSAT] = spc_survey_csat_pct(&p->survey);
    v[SPC_TS_SCORE] = spc_survey_mean(&p->survey);
    v[SPC_TS_NPS] = spc_survey_nps(&p->survey);
    v[SPC_TS_IMPRESSION] = 10.0 * v[SPC_TS_SCORE];
    v[SPC_TS_RESPONSES] = p->survey.n;
    v[SPC_TS_ACTIVE] = c->active;
    v[SPC_TS_ACQUIRED] = p->acquired;
    v[SPC_TS_REFERRALS] = p->referred;
    v[SPC_TS_CHURNED] = p->churned;
    v[SPC_TS_RETENTION] = p->active_start > 0 ? 1.0 - p->churned / p->active_start : NAN;
    v[SPC_TS_ENCOUNTERS] = p->encounters;
    v[SPC_TS_ABANDONMENT] = p->placed > 0 ? p->lost_orders / p->placed : NAN;
    v[SPC_TS_AFTERSALE] = p->requests;
    if (c->product != NULL)
        v[SPC_TS_FAULTY] = p->faulty;
    if (c->cs->scorecard)
        scorecard(c, p, v);
    if (c->channels != NULL) {
        double x[4];
        spc_channels_report(c->channels, now > c->t_stats, x);
        v[SPC_TS_CONTACTS] = x[0];
        v[SPC_TS_SELF_RESOLVED] = x[1];
        v[SPC_TS_ESCALATIONS] = x[2];
        v[SPC_TS_GAVE_UP] = x[3];
    }
    if (c->transp != NULL)
        v[SPC_TS_AWARENESS] = p->late > 0 ? p->informed / p->late : NAN;
    if (c->access != NULL)
        v[SPC_TS_PROACTIVE] = p->problems > 0 ? p->proactive / p->problems : NAN;
    if (c->cs->competitor) {
        v[SPC_TS_COMPETITOR_LEAD] = competitor_lead(c, now);
        v[SPC_TS_WON_BACK] = p->won_back;
    }
    if (c->review != NULL) {
        spc_reviews_advance(&c->rv, &c->rvp, now);
        v[SPC_TS_REVIEWS] = p->reviews;
        v[SPC_TS_RATING] = spc_reviews_rating(&c->rv, &c->rvp);
    }
    if (now > c->t_stats) {
        double x[CT_N] = { esat, v[SPC_TS_CSAT], v[SPC_TS_SCORE], v[SPC_TS_NPS], v[SPC_TS_ACTIVE],
                           v[SPC_TS_RETENTION], v[SPC_TS_TURNOVER_ANNUAL] };
        for (int k = 0; k < CT_N; k++)
            if (!isnan(x[k]))
                spc_tally_add(&c->t[k], x[k]);
        add_period(&c->win, p);
    }
    *p = (period_t){ .active_start = c->active };
}

void spc_customers_start_stats(spc_customers *c, double now)
{
    c->t_stats = now;
    c->win = (period_t){ 0 };
    for (int k = 0; k < CT_N; k++)
        spc_tally_reset(&c->t[k]);
    gsl_rstat_reset(c->clv);
    if (c->channels != NULL)
        spc_channels_start_stats(c->channels);
}

static spc_estimate point(double x)
{
    return (spc_estimate){ x, NAN, NAN, 1 };
}

static spc_estimate clv_estimate(const gsl_rstat_workspace *w)
{
    size_t n = gsl_rstat_n(w);
    if (n == 0)
        return point(NAN);
    double m = gsl_rstat_mean(w), hw = n > 1 ? gsl_cdf_tdist_Pinv(0.975, (double)(n - 1)) * gsl_rstat_sd_mean(w) : NAN;
    return (spc_estimate){ m, m - hw, m + hw, (double)n };
}

spc_status spc_customers_collect(spc_customers *c, double now, spc_results *out, spc_error *err)
{
    for (uint32_t i = 0; i < c->market; i++) /* customers still active count with their CLV so far */
        if (c->p[i].state == ACTIVE)
            record_clv(c, i);
    const period_t *w = &c->win;
    double years = (now - c->t_stats) / c->sc->workforce.quit.year;
    spc_estimate active = spc_tally_estimate(&c->t[CT_ACTIVE]);
    static const char *const names[CT_N] = { "esat", "csat", "score_mean", "nps", "active", "retention",
                                             "turnover_annual" };
    int rc = 0;
    for (int k = 0; k < CT_N; k++)
        rc |= spc_results_add(out, "customers", names[k], c->t[k].n > 0 ? spc_tally_estimate(&c->t[k]) : point(NAN));
    rc |= spc_results_add(out, "customers", "impression", point(10.0 * spc_survey_mean(&w->survey)));
    rc |= spc_results_add(out, "customers", "csat_pooled", point(spc_survey_csat_pct(&w->survey)));
    rc |= spc_results_add(out, "customers", "nps_pooled", point(spc_survey_nps(&w->survey)));
    rc |= spc_results_add(out, "customers", "responses", point(w->survey.n));
    double cn = w->census_n, cm = cn > 0 ? w->census_sum / cn : NAN;
    rc |= spc_results_add(out, "customers", "satisfaction_true", point(cm));
    rc |= spc_results_add(out, "customers", "satisfaction_true_sd",
                          point(cn > 1 ? sqrt(fmax(0.0, (w->census_sq - cn * cm * cm) / (cn - 1))) : NAN));
    rc |= spc_results_add(out, "customers", "respondents_true",
                          point(w->survey.n > 0 ? w->resp_sum / w->survey.n : NAN));
    rc |= spc_results_add(out, "customers", "score_pooled", point(spc_survey_mean(&w->survey)));
    rc |= spc_results_add(out, "customers", "acquired", point(w->acquired));
    rc |= spc_results_add(out, "customers", "referrals", point(w->referred));
    rc |= spc_results_add(out, "customers", "churned", point(w->churned));
    rc |= spc_results_add(out, "customers", "churn_annual",
                          point(years > 0 && active.mean > 0 ? w->churned / active.mean / years : NAN));
    rc |= spc_results_add(out, "customers", "encounters", point(w->encounters));
    rc |= spc_results_add(out, "customers", "abandonment", point(w->placed > 0 ? w->lost_orders / w->placed : NAN));
    rc |= spc_results_add(out, "customers", "aftersale", point(w->requests));
    rc |= spc_results_add(out, "customers", "active_end", point(c->active));
    rc |= spc_results_add(out, "customers", "clv", clv_estimate(c->clv));
    rc |= spc_results_add(out, "customers", "failures", point(w->failures));
    rc |= spc_results_add(out, "customers", "recovered_share",
                          point(w->failures > 0 ? w->recovered / w->failures : NAN));
    if (c->product != NULL)
        rc |= spc_results_add(out, "customers", "faulty_products", point(w->faulty));
    if (c->cs->scorecard) {
        static const char *const sc_names[4] = { "speed_on_time_pct", "accuracy_pct", "transparency_pct",
                                                  "accessibility_pct" };
        double x[5], ended = 0, first = 0;
        if (c->channels != NULL)
            spc_channels_window(c->channels, &ended, &first);
        scorecard_values(w, ended, first, x);
        for (int k = 0; k < 4; k++)
            rc |= spc_results_add(out, "standards", sc_names[k], point(x[k]));
        if (c->channels != NULL) /* (SC4), second figure: only with channels */
            rc |= spc_results_add(out, "standards", "first_contact_pct", point(x[4]));
    }
    if (c->transp != NULL) {
        rc |= spc_results_add(out, "customers", "announced", point(w->announced));
        rc |= spc_results_add(out, "customers", "late", point(w->late));
        rc |= spc_results_add(out, "customers", "awareness_rate", point(w->late > 0 ? w->informed / w->late : NAN));
    }
    if (c->access != NULL) {
        rc |= spc_results_add(out, "customers", "problems", point(w->problems));
        rc |= spc_results_add(out, "customers", "proactive_share",
                              point(w->problems > 0 ? w->proactive / w->problems : NAN));
    }
    if (c->channels != NULL)
        rc |= spc_channels_collect(c->channels, out);
    if (c->cs->competitor) {
        rc |= spc_results_add(out, "customers", "won_back", point(w->won_back));
        rc |= spc_results_add(out, "customers", "competitor_lead_end", point(competitor_lead(c, now)));
    }
    if (c->review != NULL) {
        spc_reviews_advance(&c->rv, &c->rvp, now);
        rc |= spc_results_add(out, "customers", "reviews", point(w->reviews));
        rc |= spc_results_add(out, "customers", "review_stars", point(w->reviews > 0 ? w->stars / w->reviews : NAN));
        rc |= spc_results_add(out, "customers", "rating", point(spc_reviews_rating(&c->rv, &c->rvp)));
        rc |= spc_results_add(out, "customers", "rating_seen", point(c->rv.seen));
    }
    return rc ? spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for results") : SPC_OK;
}
