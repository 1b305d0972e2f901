/*
 * channels.c -- the contacts' channels (channels.h; docs/model.md 9.20).
 *
 *   contact -> first channel by the weights of its kind (CH1)
 *   take    -> closed? wait for the opening, switch to an open channel or
 *              give up (CH3), (CH4); open: serve
 *   serve   -> staffed: the chain at the channel's stage (CH2);
 *              self-service: resolved, or escalated to a staffed channel
 *              (CH5); a self-service purchase goes to the chain
 *   end     -> one of spc_contact_end, by the path taken
 *
 * Records live in a pool with a stack of free numbers; every random
 * decision draws from the channels' own stream (SPC_STREAM_CHANNELS), so
 * turning channels on moves no other stream.
 */
#include "spcsim/channels.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "spcsim/chain.h"
#include "spcsim/rng.h"

enum { F_RESOLVED = 1, F_ESCALATED = 2, F_SWITCHED = 4, F_HELD = 8 };

typedef struct {
    double created;
    uint8_t kind, first, cur, flags;
} record_t;

/* Counts of the current period, all channels. */
typedef struct {
    double created, resolved, escalations, gave_up, ended, first;
} period_t;

struct spc_channels {
    gsl_rng *rng;
    record_t *rec;
    uint32_t *free_rec;
    uint32_t nrec, nfree;
    double held[SPC_CHANNEL_N], in_chain[SPC_CHANNEL_N]; /* in flight now, by the first channel */
    double cost;                  /* since the start (the ledger's) */
    spc_channel_counts win[SPC_CHANNEL_N];
    period_t per, win_all;
};

static const char *const names[SPC_CHANNEL_N] = { "person", "phone", "written", "self" };

const char *spc_channels_name(int k)
{
    return names[k];
}

spc_channels *spc_channels_alloc(const gsl_rng_type *type, uint64_t seed, uint64_t key)
{
    spc_channels *ch = calloc(1, sizeof *ch);
    if (ch == NULL || (ch->rng = spc_rng_stream_alloc(type, seed, key, SPC_STREAM(SPC_STREAM_CHANNELS, 0))) == NULL) {
        free(ch);
        return NULL;
    }
    return ch;
}

void spc_channels_free(spc_channels *ch)
{
    if (ch == NULL)
        return;
    gsl_rng_free(ch->rng);
    free(ch->rec);
    free(ch->free_rec);
    free(ch);
}

/* ---- opening hours (CH3) ---- */

/* Day of the week (0-6) and time after that day's midnight. */
static void clock_of(const spc_customers_spec *cs, double t, double *day, double *hour)
{
    double w = fmod(t, 7.0 * cs->ch_day);
    *day = floor(w / cs->ch_day);
    *hour = w - *day * cs->ch_day;
}

int spc_channels_open(const spc_customers_spec *cs, int k, double t)
{
    double d, h;
    clock_of(cs, t, &d, &h);
    return d < cs->ch_days[k] && h >= cs->ch_open[k] && h < cs->ch_close[k];
}

double spc_channels_next_open(const spc_customers_spec *cs, int k, double t)
{
    double d, h;
    if (spc_channels_open(cs, k, t))
        return t;
    clock_of(cs, t, &d, &h);
    if (d < cs->ch_days[k] && h < cs->ch_open[k])
        return t - h + cs->ch_open[k];
    double next = d + 1 < cs->ch_days[k] ? d + 1 : 7.0; /* tomorrow, or the week's first day */
    return t - h + (next - d) * cs->ch_day + cs->ch_open[k];
}

/* ---- choosing a channel (CH1), (CH4), (CH5) ---- */

/* The channel at u in [0, 1) of the weights of `kind` among those
 * allowed (mask), by the inverse of their cumulative sum; a channel of
 * weight 0 is not offered for that kind; -1 when none is. */
static int pick(const spc_customers_spec *cs, uint32_t kind, unsigned mask, double u)
{
    double w[SPC_CHANNEL_N], sum = 0;
    for (int k = 0; k < SPC_CHANNEL_N; k++) {
        w[k] = (mask >> k & 1u) ? cs->ch_share[k][kind] : 0.0;
        sum += w[k];
    }
    if (!(sum > 0))
        return -1;
    u *= sum;
    int last = -1;
    for (int k = 0; k < SPC_CHANNEL_N; k++) {
        if (!(w[k] > 0))
            continue;
        last = k;
        if (u < w[k])
            return k;
        u -= w[k];
    }
    return last;
}

/* The channels open at t other than k (not self-service after a failed try). */
static int draw(spc_channels *ch, const spc_customers_spec *cs, uint32_t kind, unsigned mask)
{
    return pick(cs, kind, mask, gsl_rng_uniform(ch->rng));
}

double spc_channels_preference(spc_channels *ch)
{
    return gsl_rng_uniform(ch->rng);
}

static unsigned open_mask(const spc_customers_spec *cs, const record_t *r, int k, double t)
{
    unsigned m = 0;
    for (int j = 0; j < SPC_CHANNEL_N; j++)
        if (j != k && spc_channels_open(cs, j, t) && !(j == SPC_CHANNEL_SELF && (r->flags & F_ESCALATED)))
            m |= 1u << j;
    return m;
}

static void take(spc_channels *ch, const spc_customers_spec *cs, uint32_t id, int k, double now,
                 spc_contact_route *out);

static void hold(spc_channels *ch, const spc_customers_spec *cs, uint32_t id, int k, double now,
                 spc_contact_route *out)
{
    record_t *r = &ch->rec[id];
    double at = spc_channels_next_open(cs, k, now);
    r->cur = (uint8_t)k;
    r->flags |= F_HELD;
    ch->held[r->first] += 1;
    ch->win[r->first].held += 1;
    ch->win[r->first].held_time += at - now;
    *out = (spc_contact_route){ SPC_STEP_HELD, id, k, -1, at };
}

/* Channel k, open now, takes the contact: its cost (CH6); self-service
 * resolves or escalates (CH5); staff get it through the chain (CH2). */
static void serve(spc_channels *ch, const spc_customers_spec *cs, uint32_t id, int k, double now,
                  spc_contact_route *out)
{
    record_t *r = &ch->rec[id];
    r->cur = (uint8_t)k;
    ch->win[k].taken += 1;
    ch->win[k].cost += cs->ch_cost[k];
    ch->cost += cs->ch_cost[k];
    if (k == SPC_CHANNEL_SELF && r->kind != SPC_ORDER_PURCHASE) {
        if (gsl_rng_uniform(ch->rng) < cs->ch_resolution) {
            r->flags |= F_RESOLVED;
            *out = (spc_contact_route){ SPC_STEP_RESOLVED, id, k, -1, now };
            return;
        }
        r->flags |= F_ESCALATED;
        ch->per.escalations += 1;
        int to = draw(ch, cs, r->kind, (1u << SPC_CHANNEL_N) - 1u - (1u << SPC_CHANNEL_SELF));
        take(ch, cs, id, to < 0 ? SPC_CHANNEL_PHONE : to, now, out); /* no staffed channel offered: the phone */
        return;
    }
    if (k == SPC_CHANNEL_SELF)
        r->flags |= F_RESOLVED; /* an online order: the customer placed it alone */
    ch->in_chain[r->first] += 1;
    *out = (spc_contact_route){ SPC_STEP_CHAIN, id, k, r->kind == SPC_ORDER_PURCHASE ? -1 : cs->ch_stage[k], now };
}

/* (CH3), (CH4): open, or closed: wait, switch to an open channel or give up. */
static void take(spc_channels *ch, const spc_customers_spec *cs, uint32_t id, int k, double now,
                 spc_contact_route *out)
{
    if (spc_channels_open(cs, k, now)) {
        serve(ch, cs, id, k, now, out);
        return;
    }
    record_t *r = &ch->rec[id];
    double u = gsl_rng_uniform(ch->rng), q_switch = (1.0 - cs->ch_wait) * cs->ch_switch;
    if (u < cs->ch_wait) {
        hold(ch, cs, id, k, now, out);
    } else if (u < cs->ch_wait + q_switch) {
        int to = draw(ch, cs, r->kind, open_mask(cs, r, k, now));
        if (to < 0) { /* nothing open: wait after all */
            hold(ch, cs, id, k, now, out);
            return;
        }
        r->flags |= F_SWITCHED;
        serve(ch, cs, id, to, now, out);
    } else {
        r->cur = (uint8_t)k;
        *out = (spc_contact_route){ SPC_STEP_GAVE_UP, id, k, -1, now };
    }
}

/* ---- the contact's life ---- */

static int new_record(spc_channels *ch, uint32_t *id)
{
    if (ch->nfree == 0) {
        uint32_t n = ch->nrec ? 2 * ch->nrec : 256;
        record_t *r = realloc(ch->rec, n * sizeof *r);
        if (r == NULL)
            return -1;
        ch->rec = r;
        uint32_t *f = realloc(ch->free_rec, n * sizeof *f);
        if (f == NULL)
            return -1;
        ch->free_rec = f;
        for (uint32_t i = n; i > ch->nrec; i--)
            ch->free_rec[ch->nfree++] = i - 1; /* the lowest number on top */
        ch->nrec = n;
    }
    *id = ch->free_rec[--ch->nfree];
    return 0;
}

int spc_channels_contact(spc_channels *ch, const spc_customers_spec *cs, uint32_t kind, double pref, double now,
                         spc_contact_route *out)
{
    uint32_t id;
    if (new_record(ch, &id) != 0)
        return -1;
    int k = pick(cs, kind, (1u << SPC_CHANNEL_N) - 1u, pref); /* (CH1) */
    if (k < 0) /* the reader refuses a kind without a channel; kept safe all the same */
        k = SPC_CHANNEL_PHONE;
    ch->rec[id] = (record_t){ now, (uint8_t)kind, (uint8_t)k, (uint8_t)k, 0 };
    ch->win[k].created += 1;
    ch->per.created += 1;
    take(ch, cs, id, k, now, out);
    return 0;
}

void spc_channels_reopen(spc_channels *ch, const spc_customers_spec *cs, uint32_t contact, double now,
                         spc_contact_route *out)
{
    record_t *r = &ch->rec[contact];
    r->flags &= (uint8_t)~F_HELD;
    ch->held[r->first] -= 1;
    serve(ch, cs, contact, r->cur, now, out);
}

static spc_contact_end end_kind(const record_t *r, spc_contact_step how, int delivered)
{
    if (how == SPC_STEP_GAVE_UP)
        return SPC_CONTACT_GAVE_UP;
    if (how == SPC_STEP_CHAIN && !delivered)
        return SPC_CONTACT_LOST;
    if (r->flags & F_SWITCHED)
        return SPC_CONTACT_SWITCHED;
    if (r->flags & F_ESCALATED)
        return SPC_CONTACT_ESCALATED;
    return r->flags & F_RESOLVED ? SPC_CONTACT_RESOLVED : SPC_CONTACT_FIRST;
}

void spc_channels_end(spc_channels *ch, uint32_t contact, spc_contact_step how, int delivered, double now,
                      spc_contact_info *info)
{
    record_t *r = &ch->rec[contact];
    spc_channel_counts *w = &ch->win[r->first];
    spc_contact_end e = end_kind(r, how, delivered);
    if (how == SPC_STEP_CHAIN)
        ch->in_chain[r->first] -= 1;
    if (r->flags & F_HELD) /* its customer left while it waited */
        ch->held[r->first] -= 1;
    w->ends[e] += 1;
    if (e != SPC_CONTACT_GAVE_UP && e != SPC_CONTACT_LOST) {
        w->responses += 1;
        w->response_sum += now - r->created;
    }
    if (r->kind != SPC_ORDER_PURCHASE) { /* (SC4): the questions and problems */
        ch->per.ended += 1;
        ch->per.first += e == SPC_CONTACT_RESOLVED || e == SPC_CONTACT_FIRST;
    }
    ch->per.resolved += e == SPC_CONTACT_RESOLVED && r->kind != SPC_ORDER_PURCHASE;
    ch->per.gave_up += e == SPC_CONTACT_GAVE_UP;
    *info = (spc_contact_info){ r->first, r->cur, (r->flags & F_ESCALATED) != 0, r->created };
    ch->free_rec[ch->nfree++] = contact;
}

void spc_channels_encounter(spc_channels *ch, int first, double du)
{
    ch->win[first].encounters += 1;
    ch->win[first].du_sum += du;
}

/* ---- counts ---- */

double spc_channels_cost(const spc_channels *ch)
{
    return ch->cost;
}

void spc_channels_period(const spc_channels *ch, double *ended, double *first)
{
    *ended = ch->per.ended;
    *first = ch->per.first;
}

void spc_channels_report(spc_channels *ch, int in_window, double out[4])
{
    const period_t *p = &ch->per;
    out[0] = p->created;
    out[1] = p->resolved;
    out[2] = p->escalations;
    out[3] = p->gave_up;
    if (in_window) {
        ch->win_all.ended += p->ended;
        ch->win_all.first += p->first;
    }
    ch->per = (period_t){ 0 };
}

void spc_channels_start_stats(spc_channels *ch)
{
    for (int k = 0; k < SPC_CHANNEL_N; k++)
        ch->win[k] = (spc_channel_counts){ .pending_start = ch->held[k] + ch->in_chain[k] };
    ch->win_all = (period_t){ 0 };
}

void spc_channels_window(const spc_channels *ch, double *ended, double *first)
{
    *ended = ch->win_all.ended;
    *first = ch->win_all.first;
}

void spc_channels_counts(const spc_channels *ch, int k, spc_channel_counts *out)
{
    *out = ch->win[k];
    out->pending_end = ch->held[k] + ch->in_chain[k]; /* in flight now */
}

static spc_estimate point(double x)
{
    return (spc_estimate){ x, NAN, NAN, 1 };
}

int spc_channels_collect(const spc_channels *ch, spc_results *out)
{
    static const char *const ends[SPC_CONTACT_NENDS] = { "gave_up", "lost", "switched", "escalated",
                                                         "resolved_self", "served_first" };
    int rc = 0;
    for (int k = 0; k < SPC_CHANNEL_N; k++) {
        spc_channel_counts c;
        spc_channels_counts(ch, k, &c);
        const spc_channel_counts *w = &c;
        char scope[32];
        snprintf(scope, sizeof scope, "channel/%s", names[k]);
        double ended = 0;
        for (int e = 0; e < SPC_CONTACT_NENDS; e++)
            ended += w->ends[e];
        rc |= spc_results_add(out, scope, "contacts", point(w->created));
        rc |= spc_results_add(out, scope, "pending_start", point(w->pending_start));
        for (int e = 0; e < SPC_CONTACT_NENDS; e++)
            rc |= spc_results_add(out, scope, ends[e], point(w->ends[e]));
        rc |= spc_results_add(out, scope, "pending_end", point(w->pending_end));
        rc |= spc_results_add(out, scope, "first_contact_resolution",
                              point(ended > 0 ? (w->ends[SPC_CONTACT_RESOLVED] + w->ends[SPC_CONTACT_FIRST]) / ended
                                              : NAN));
        rc |= spc_results_add(out, scope, "taken", point(w->taken));
        rc |= spc_results_add(out, scope, "cost", point(w->cost));
        rc |= spc_results_add(out, scope, "held", point(w->held));
        rc |= spc_results_add(out, scope, "held_wait_mean", point(w->held > 0 ? w->held_time / w->held : NAN));
        rc |= spc_results_add(out, scope, "response_mean",
                              point(w->responses > 0 ? w->response_sum / w->responses : NAN));
        rc |= spc_results_add(out, scope, "satisfaction_change",
                              point(w->encounters > 0 ? w->du_sum / w->encounters : NAN));
    }
    return rc;
}
