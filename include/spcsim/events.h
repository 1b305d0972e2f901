/*
 * events.h -- the kinds of event the engine dispatches.
 *
 * Each kind belongs to one module, which gives meaning to the event's
 * payload (a, b). Add a kind here, handle it in run.c's dispatch.
 */
#ifndef SPCSIM_EVENTS_H
#define SPCSIM_EVENTS_H

enum spc_event_kind {
    SPC_EV_ARRIVAL = 1,     /* arrivals: an external order comes in */
    SPC_EV_SERVICE_END = 2, /* chain: a = stage, b = server */
    SPC_EV_WARMUP = 3,      /* run: statistics reset */
    SPC_EV_END = 4,         /* run: the horizon is reached */
    SPC_EV_REPORT = 5,      /* run: end of a reporting period */
    SPC_EV_INTERVENTION = 6,/* run: a = index of the intervention */
    SPC_EV_QUIT_CHECK = 7,  /* workforce: a = stage, b = position: may quit */
    SPC_EV_HIRE = 8,        /* workforce: a = stage, b = position: a hire starts */
    SPC_EV_RENEGE = 9,      /* chain: a = stage, b = order: its patience ran out */
    SPC_EV_ABSENCE = 10,    /* absence: the roll call of every stage */
    SPC_EV_PURCHASE = 20,   /* customers: a = customer, b = tag: time to buy again */
    SPC_EV_ACQUIRE = 21,    /* customers: a candidate new customer (thinning) */
    SPC_EV_CLAIM = 22,      /* customers: a = customer, b = tag: an after-sale request */
    SPC_EV_CHANNEL = 23     /* customers: a = customer, b = tag: a held contact's channel opens (CH4) */
};

#endif
