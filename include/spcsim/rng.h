/*
 * rng.h -- named random streams.
 *
 * Every source of randomness in a run (external arrivals, each stage's
 * service, each stage's routing, and the streams later mechanisms add)
 * draws from its own GSL generator. A stream's seed is a mix of
 * (master seed, replication index, stream id), so adding draws to one
 * source never shifts another's, and the same master seed reproduces a
 * run exactly. GSL has no substreams; seed mixing replaces them.
 *
 * Stream ids are built with SPC_STREAM(family, index): a family per kind
 * of source and an index (a stage, an employee group...) within it.
 */
#ifndef SPCSIM_RNG_H
#define SPCSIM_RNG_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

enum spc_stream_family {
    SPC_STREAM_ARRIVALS = 1,
    SPC_STREAM_SERVICE = 2, /* index: stage */
    SPC_STREAM_ROUTING = 3, /* index: stage */
    SPC_STREAM_ERRORS = 4,    /* index: stage: does a service err? */
    SPC_STREAM_DETECTION = 5, /* index: stage: is an incoming defect caught? */
    SPC_STREAM_PEOPLE = 6,    /* index: stage: initial and new employees' traits */
    SPC_STREAM_TURNOVER = 7,  /* index: stage: quit candidates and decisions */
    SPC_STREAM_HIRING = 8,    /* index: stage: hiring delays */
    SPC_STREAM_PATIENCE = 9,  /* index: stage: how long each waiting order will wait */
    SPC_STREAM_BALKING = 10,  /* index: stage: does a new order balk at the queue? */
    SPC_STREAM_ABSENCE = 11,  /* index: stage: is an employee away at a roll call? */
    /* customers (customers.c), index 0 */
    SPC_STREAM_CUSTOMER = 20,   /* a new customer's satisfaction; encounter noise */
    SPC_STREAM_PURCHASES = 21,  /* times between purchases; inquiry or not */
    SPC_STREAM_ACQUISITION = 22,/* acquisition candidates and acceptance; referrals */
    SPC_STREAM_RETENTION = 23,  /* does a customer stay? */
    SPC_STREAM_SURVEY = 24,     /* who answers a survey, and the answer's noise */
    SPC_STREAM_CLAIMS = 25,     /* after-sale requests and their delays */
    SPC_STREAM_UNITS = 26,      /* index 0: the units' traits (replication 0: the same company in every replication) */
    SPC_STREAM_RECOVERY = 27,   /* service recovery of failed encounters (V5) */
    SPC_STREAM_PRODUCT = 28,    /* is a delivered product faulty? (PQ1) */
    SPC_STREAM_REVIEWS = 29,    /* does an encounter become a public review? (R1) */
    SPC_STREAM_MANAGEMENT = 30, /* the employee survey's error on ESAT as management sees it (MG1) */
    SPC_STREAM_TRANSPARENCY = 31, /* is a purchase announced, a late order updated? (TR1), (TR3) */
    SPC_STREAM_ACCESSIBILITY = 32,/* is a failure reached proactively? (AC1) */
    SPC_STREAM_CHANNELS = 33,   /* a contact's channel, out-of-hours choice, self-service resolution (CH1)-(CH5) */
    /* later mechanisms add families here; never renumber existing ones */
};

/* The replication key of unit u of replication rep: the streams of unit 0
 * are those of a single-unit run; every unit has its own. */
#define SPC_UNIT_KEY(rep, unit) ((uint64_t)(rep) | ((uint64_t)(unit) << 32))

#define SPC_STREAM(family, index) (((uint64_t)(family) << 32) | (uint64_t)(index))

#define SPC_RNG_DEFAULT "xoshiro256++"

/* The stream seed: splitmix64 finalisers chained over the three inputs.
 * Any change of input bit changes about half the output bits. */
uint64_t spc_rng_mix(uint64_t master, uint64_t replication, uint64_t stream);

/* Generator type by name: the project's own "xoshiro256++" (xoshiro.h)
 * or any of GSL's ("mt19937", "ranlxd2", "taus2"...); NULL if none has
 * that name. */
const gsl_rng_type *spc_rng_type_find(const char *name);

/* Allocates a generator of the given type seeded for (master, rep, stream):
 * xoshiro256++ with the whole 64-bit mix, GSL's generators with the mix
 * folded to 32 bits (never 0). Caller frees with gsl_rng_free. NULL when
 * out of memory. */
gsl_rng *spc_rng_stream_alloc(const gsl_rng_type *type, uint64_t master,
                              uint64_t replication, uint64_t stream);

#endif
