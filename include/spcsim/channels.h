/*
 * channels.h -- the ways a contact reaches the company (docs/model.md 9.20,
 * (CH1)-(CH6)): in person, by phone, in writing (email, chat, social
 * media) or through self-service (automated, no employee).
 *
 * A contact (a purchase, a pre-sale inquiry, an after-sale request) goes
 * first to the channel its customer prefers (CH1): each customer holds a
 * uniform preference u, and their channel for a kind is the one at u in
 * the cumulative weights of that kind, so a customer keeps their channel
 * while the weights stand, and when a scenario moves weight to another
 * channel, the customers nearest the boundary move. A staffed channel hands it to the chain, at
 * the channel's stage for inquiries and requests (CH2). Outside the
 * channel's weekly opening hours (CH3) the customer waits for the opening,
 * switches to a channel open now or gives up (CH4). Self-service answers
 * at once: an inquiry or request is resolved with the channel's resolution
 * rate, else it escalates to a staffed channel and the customer remembers
 * the failed try (CH5); a purchase through self-service (an online order)
 * goes to the chain. Every channel that takes a contact costs its price
 * (CH6).
 *
 * This module owns the contacts' records and the channel counts; the
 * customers module owns the customers and carries a contact's record
 * number in its order's tag (bits 32-63, number + 1) or its held event.
 * Every contact ends in exactly one documented way (spc_contact_end), and
 * those in flight are counted where they are (held or in the chain), so
 * the counts conserve contacts exactly:
 *   pending at the start + created = resolved + first + escalated + switched
 *                                     + lost + gave up + pending at the end.
 */
#ifndef SPCSIM_CHANNELS_H
#define SPCSIM_CHANNELS_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

#include "spcsim/results.h"
#include "spcsim/scenario.h"

/* How a contact ended, by the path it took (the first that applies). */
typedef enum {
    SPC_CONTACT_GAVE_UP,   /* gave up outside opening hours (or its customer left while it waited) */
    SPC_CONTACT_LOST,      /* reached the chain but left it unserved (abandoned, balked, blocked) */
    SPC_CONTACT_SWITCHED,  /* switched channel outside hours, then served */
    SPC_CONTACT_ESCALATED, /* self-service failed, then served by staff */
    SPC_CONTACT_RESOLVED,  /* resolved in self-service, the first channel tried */
    SPC_CONTACT_FIRST,     /* served by staff in the first channel tried */
    SPC_CONTACT_NENDS
} spc_contact_end;

/* What happens to a contact now. */
typedef enum {
    SPC_STEP_CHAIN,    /* enters the chain at `stage` */
    SPC_STEP_HELD,     /* waits for its channel to open at `at` */
    SPC_STEP_RESOLVED, /* resolved in self-service, now */
    SPC_STEP_GAVE_UP   /* gave up, now */
} spc_contact_step;

typedef struct {
    spc_contact_step step;
    uint32_t contact; /* its record */
    int channel;      /* the channel that has it now */
    int stage;        /* SPC_STEP_CHAIN: the stage it enters */
    double at;        /* SPC_STEP_HELD: when the channel opens */
} spc_contact_route;

/* What the customer's encounter needs of an ended contact. */
typedef struct {
    int first, channel;  /* the first channel tried; the one that served it */
    int escalated;       /* a self-service try failed first (CH5) */
    double created;      /* when the customer made contact */
} spc_contact_info;

/* Counts of one channel (by the first channel tried) over a window. */
typedef struct {
    double created, ends[SPC_CONTACT_NENDS], pending_start, pending_end;
    double taken;        /* contacts this channel took (tries included) */
    double cost;         /* what they cost (CH6) */
    double held, held_time; /* contacts that waited for an opening; their waits */
    double responses, response_sum; /* contacts served by staff or resolved; created to end */
    double encounters, du_sum;      /* encounters that ended its contacts; their change of U */
} spc_channel_counts;

typedef struct spc_channels spc_channels;

spc_channels *spc_channels_alloc(const gsl_rng_type *type, uint64_t seed, uint64_t key);
void spc_channels_free(spc_channels *ch);

/* Whether channel k is open at t (CH3). */
int spc_channels_open(const spc_customers_spec *cs, int k, double t);

/* The next time at or after t at which channel k opens (CH3). */
double spc_channels_next_open(const spc_customers_spec *cs, int k, double t);

/* A customer's channel preference: a uniform in [0, 1) that places them
 * in the cumulative weights of (CH1), drawn once per customer. */
double spc_channels_preference(spc_channels *ch);

/* A new contact of kind SPC_ORDER_* at now from a customer with preference
 * pref: its channel and what happens to it (CH1)-(CH5). -1 out of memory. */
int spc_channels_contact(spc_channels *ch, const spc_customers_spec *cs, uint32_t kind, double pref, double now,
                         spc_contact_route *out);

/* A held contact's channel opens at now: it takes the contact. */
void spc_channels_reopen(spc_channels *ch, const spc_customers_spec *cs, uint32_t contact, double now,
                         spc_contact_route *out);

/* The contact ended at now; `delivered`: served (a chain end that was not
 * delivered counts as lost). Fills info and frees the record. */
void spc_channels_end(spc_channels *ch, uint32_t contact, spc_contact_step how, int delivered, double now,
                      spc_contact_info *info);

/* The encounter that ended a contact first tried at `first` changed its
 * customer's satisfaction by du. */
void spc_channels_encounter(spc_channels *ch, int first, double du);

/* Money spent on channels since the start (never reset), for the ledger. */
double spc_channels_cost(const spc_channels *ch);

/* The first-contact resolution counts of the current period: inquiries
 * and after-sale requests ended, and of them resolved in the first
 * channel tried (SC4). */
void spc_channels_period(const spc_channels *ch, double *ended, double *first);

/* Period totals over all channels (contacts, inquiries and requests
 * resolved in self-service, escalations, give-ups), then a new period;
 * in_window: the period's first-contact counts join the window's. */
void spc_channels_report(spc_channels *ch, int in_window, double out[4]);

/* Warm-up: the window starts now. */
void spc_channels_start_stats(spc_channels *ch);

/* The window's first-contact resolution counts (SC4). */
void spc_channels_window(const spc_channels *ch, double *ended, double *first);

/* The counts of channel k over the window, pending_end as of now. */
void spc_channels_counts(const spc_channels *ch, int k, spc_channel_counts *out);

/* Appends scope "channel/<name>" for each channel. */
int spc_channels_collect(const spc_channels *ch, spc_results *out);

/* The channels' names, in SPC_CHANNEL_* order. */
const char *spc_channels_name(int k);

#endif
