/*
 * scenario.h -- a scenario file, read, overridden, validated, as plain data.
 *
 * spc_scenario_load reads a libconfig file, applies --set overrides (libconfig
 * paths such as "stages.[0].servers"), checks every setting (unknown keys,
 * types, ranges) and fills a plain struct in which every default is filled
 * in and every duration and rate is in the scenario's time unit. The model
 * sees only this struct, never libconfig.
 *
 * Errors come back as "file:line: setting: what is wrong (got X)".
 */
#ifndef SPCSIM_SCENARIO_H
#define SPCSIM_SCENARIO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "spcsim/dist.h"
#include "spcsim/error.h"
#include "spcsim/pathways.h"

#define SPC_ROUTE_DELIVER (-1)   /* routing target: the order leaves, delivered */
#define SPC_CAPACITY_INFINITE (-1)

/* ---- parameters of the model's equations ----
 * Plain data of the scenario; the equations that use them live in the model
 * floor (employee_eq.h (E4)-(E5), erosion_eq.h (W2)-(W4), absence.h (AB1)). */

typedef struct {
    double a, beta;     /* logistic intercept and slope per standard deviation */
    double mu, sigma;   /* reference mean and sd used to standardise S */
    double year;        /* one year in time units */
} spc_quit_params;

typedef struct {
    double alpha;       /* elasticity of time per order to pressure */
    double tau_p;       /* pressure perception time */
    double tau_down;    /* erosion time of the standard (T < Ts) */
    double tau_up;      /* recovery time (T > Ts); INFINITY: never */
    double t_min, t_max; /* bounds f_min, f_max on T/Ts: how far people cut or stretch */
} spc_erosion_params;

typedef struct {
    int enabled;            /* the workforce.absence group is present */
    double base;            /* b: daily probability at S = mu, F = 1 (0 <= b < 1) */
    double w_fatigue;       /* a_F: log-odds per unit of fatigue above 1 */
    double w_satisfaction;  /* a_S: log-odds per sd of satisfaction below mu */
    double every;           /* time between roll calls (time units) */
} spc_absence_params;

typedef struct {
    int to;       /* stage index, or SPC_ROUTE_DELIVER */
    double p;
} spc_route;

typedef struct {
    char *name;
    int servers;
    long capacity;      /* waiting places; SPC_CAPACITY_INFINITE for none set */
    spc_dist service;   /* in time units */
    long balk_limit;    /* new orders finding n waiting balk with probability
                         * min(1, n / balk_limit); 0: nobody balks */
    int has_patience;   /* waiting orders abandon (renege) after their patience */
    spc_dist patience;  /* time an order is willing to wait in this queue */
    size_t nroutes;
    spc_route *routes;  /* probabilities sum to 1 */
    /* workforce (used when the scenario has a workforce section) */
    double salary;        /* annual salary per employee, currency units */
    double target_delay;  /* time an order should take through the stage; 0: default */
    double detection;     /* probability of catching an upstream defect */
} spc_stage_spec;

/* The workforce section: employees, satisfaction, turnover, pressure,
 * quality. Symbols as in docs/model.md. */
typedef struct {
    int enabled;            /* the section is present */
    double period;          /* reporting period (time units) */
    double step;            /* delta: longest time a stock is held between updates (N1) */
    /* satisfaction (S1)-(S2) */
    int s_dynamic;          /* 0: each employee keeps the initial draw */
    double s_init_mean, s_init_sd, s_base, tau_s;
    double w_isq, isq_ref, w_pay, w_recognition, recognition_ref;
    double w_training, training_ref, w_customer, customer_ref, w_pressure, w_fatigue;
    /* turnover (E4)-(E5) */
    int turnover;           /* quits happen */
    spc_quit_params quit;
    double quit_cost;       /* share of annual salary lost per quit */
    /* hiring and learning (E2) */
    int freeze;             /* 1: leavers are not replaced */
    spc_dist hire_delay;
    double pi0, tau_l, mentoring;
    /* pressure and erosion (W1)-(W4) */
    spc_erosion_params erosion;
    /* fatigue (E3) */
    double tau_f, overtime_max, phi_min;
    /* absenteeism (AB1); enabled = 0 when the group is absent */
    spc_absence_params absence;
    /* quality (Q1)-(Q3) */
    double eps0, eps1, rework_fraction, w_on_time, tau_q, training_error;
    /* levers */
    double pay, recognition, training_hours, hours_per_week;
    /* persistent traits drawn at hire (H1)-(H2) */
    double fit_sd, skill_sd;
    /* the labour market (T3): the satisfaction-driven hazard is scaled by
     * `market`; people also leave for other reasons at `other` a year */
    double market, other;
    /* pathways (V0)-(V5): switches, blind flags (pathways.h), weights */
    int pw_on[SPC_PW_N], pw_blind[SPC_PW_N];
    double w_speed, w_accuracy;
    /* employer reputation (ER1)-(ER3): on; references and weights of ESAT
     * and CSAT; memory; effects on the hiring delay and new hires' fit */
    int rep_on;
    double rep_esat_ref, rep_csat_ref, rep_w_esat, rep_w_csat, rep_memory, rep_delay, rep_fit;
} spc_workforce_spec;

/* The customers section: a population of external customers whose
 * purchases, inquiries and after-sale requests are the chain's orders.
 * Symbols as in docs/model.md, "Customers". */
typedef struct {
    int enabled;
    double market;          /* M: people in the market (prospects, customers, lost) */
    double initial;         /* active customers at time 0 */
    double acquisition;     /* a0: acquisition candidates per time unit (C6) */
    double w_detractors;    /* w_d: how the detractor share slows acquisition (C6) */
    double referrals;       /* rho: prospects a promoter tells after an encounter (C7) */
    double conversion;      /* c: share of those told who become customers (C7) */
    spc_dist interpurchase; /* time to the next purchase at U = u_ref (C5) */
    double w_frequency;     /* b: purchase rate factor e^(b (U - u_ref)) (C5) */
    double inquiry_prob;    /* a purchase starts with a pre-sale inquiry */
    double inquiry_work, aftersale_work; /* service time factors at their stage */
    int front;              /* the stage whose employees meet customers */
    int inquiry_stage, aftersale_stage;
    double claim_base, claim_defect; /* after-sale request after an order without / with an escaped defect (C9) */
    spc_dist claim_delay;
    double request_expect;  /* expected lead time of inquiries and after-sale requests */
    /* satisfaction (C1)-(C3) */
    double u_init, u_init_sd;   /* satisfaction of a new customer, 0-10 */
    double expect_init;         /* expected lead time of a new customer (default: twice the
                                 * sum of the stages' mean service times) */
    double s0, w_wait, w_defect, w_attitude, attitude_ref, score_lost, score_sd;
    double heterogeneity;       /* sd of each customer's personal offset to the score */
    double learn, expect_learn;
    int relationship;           /* customers keep a regular front-line employee (C8) */
    double regular_loss;        /* points lost when the regular employee has left */
    /* retention (C4) */
    double r0, r1, u_ref;
    /* service recovery (V5): probability at the reference satisfaction,
     * log-odds per sd of the front employee's satisfaction, share of the
     * failure's points given back */
    double rec_base, rec_w, rec_restore;
    /* surveys (C10) */
    double response_rate, response_sd;
    /* product quality (PQ1)-(PQ2): on; probability a delivered purchase's
     * product is faulty; score points a faulty product takes; value for
     * money (score points); its log-odds on retention per point */
    int product;
    double prod_defect, prod_w, prod_value, prod_r;
    /* public reviews (R1)-(R4): on; review probabilities after a 1-2, 3-4
     * and 5-star encounter; weight half-life; lag of the seen rating;
     * log-factor of acquisition per star; reference stars; prior reviews */
    int reviews;
    double rev_low, rev_mid, rev_high, rev_half_life, rev_lag, rev_w, rev_ref, rev_prior;
    /* a competitor raising the bar (CP1)-(CP4): on; its lead time at the
     * start; its improvement per year; the pull of customers' expectations
     * toward it; the rise of the quality bar, score points per year; the
     * log-odds of leaving per unit of ln(lead / its lead) */
    int competitor;
    double comp_lead, comp_improve, comp_pull, comp_quality, comp_switch;
    /* transparency (TR1)-(TR3): on; share of purchases announced; margin of
     * the announcement over the estimate; the estimate's weight of the
     * latest lead time; probability a late order is updated in time; weight
     * of a promise longer than expected; extra weight of an unexplained
     * delay; cost of an announcement, of an update */
    int transparency;
    double tr_share, tr_margin, tr_learn, tr_update, tr_promise, tr_explained, tr_unexplained, tr_cost, tr_update_cost;
    /* accessibility, proactive service (AC1)-(AC2): on; probability that the
     * company detects a failure; share of its points a proactive contact
     * gives back; cost of a contact */
    int accessibility;
    double ac_detect, ac_restore, ac_cost;
    /* the standards scorecard (SC1)-(SC5): on; a delivery is on time when its
     * lead time is at most this factor times the promise */
    int scorecard;
    double sc_margin;
    /* channels (CH1)-(CH6): on; for each channel (SPC_CHANNEL_*) its share
     * of the purchases, inquiries and after-sale requests (weights,
     * normalised per kind), the stage that serves its inquiries and
     * requests, the expected response time, the cost of a contact and its
     * weekly opening hours (from open to close on the first `days` days of
     * each week, time 0 a week's first midnight); self-service's resolution
     * rate; outside hours the probabilities of waiting and of switching (the
     * rest give up); the points a failed self-service try takes; a day in
     * time units */
    int channels;
    double ch_share[4][3], ch_expect[4], ch_cost[4], ch_open[4], ch_close[4];
    int ch_stage[4], ch_days[4];
    double ch_resolution, ch_wait, ch_switch, ch_penalty, ch_day;
} spc_customers_spec;

/* The channels of (CH1)-(CH6), in the order of the settings and the outputs. */
enum { SPC_CHANNEL_PERSON, SPC_CHANNEL_PHONE, SPC_CHANNEL_WRITTEN, SPC_CHANNEL_SELF, SPC_CHANNEL_N };

/* The finance section: prices and costs of the ledger (docs/model.md,
 * "Finance"). Amounts in currency units; rates per time unit. */
typedef struct {
    double price, service_fee, cogs;
    double overtime_premium, hiring_cost, rework_cost, refund, acquisition_cost, referral_cost;
    double recognition_cost; /* per employee and year, per unit of the recognition lever */
    double fixed;            /* fixed cost per time unit */
    double discount_rate;    /* i per clv_period */
    double clv_period, clv_horizon;
} spc_finance_spec;

/* The units section: a company of units (stores, branches) that differ in
 * management quality and local conditions (docs/model.md, "Units"). */
typedef struct {
    int count;               /* 1: a single unit */
    double management_sd;    /* sd of the shift in employees' base satisfaction, points */
    double demand_sd;        /* sd of ln(local demand factor) on market and acquisition */
    double labour_sd;        /* sd of the shift in the quit intercept a */
    double context_sd;       /* sd of the shift in customers' base score s0 (U2) */
} spc_units_spec;

/* The management section: how management steers the unit, by the three
 * levels of customer service (docs/model.md, "Management by level").
 * Absent: activity, exactly as without the section. */
typedef enum { SPC_MGMT_ACTIVITY = 0, SPC_MGMT_MEASURE = 1, SPC_MGMT_PHILOSOPHY = 2 } spc_management_level;

typedef struct {
    int enabled;            /* the section is present */
    int level;              /* spc_management_level */
    /* measure (MG1)-(MG5) */
    int review;             /* K: reporting periods between reviews */
    int delay;              /* d: reporting periods before a KPI is seen */
    double esat_noise;      /* sigma_E: sd of the employee survey's mean, points */
    double lead_target;     /* L*: lead-time target, time units; 0: no staffing rule */
    double util_low;        /* u_low: a stage below it is cut when lead time is on target */
    int staff_step;         /* positions per staffing decision */
    double staff_min, staff_max; /* bounds on a stage's target, x its servers in the state in force */
    double esat_target;     /* E*: ESAT target, points; 0: no pay rule */
    double esat_band;       /* pay is cut when ESAT is above E* + band */
    double pay_step, pay_min, pay_max;
    double csat_target;     /* C*: CSAT target, %; 0: no training rule */
    double csat_band;       /* training is cut when CSAT is above C* + band */
    double training_step, training_max;
    /* philosophy (MG6): the levers set for the people */
    double ph_recognition, ph_training, ph_recovery;
} spc_management_spec;

/* A timed intervention: from time `at` on, the scenario is `state` (the
 * whole scenario with the intervention's settings applied, validated). */
struct spc_scenario;
typedef struct {
    double at;
    size_t nsets;
    char **sets;                 /* "PATH=VALUE" as given, for the resolved file */
    struct spc_scenario *state;  /* owned */
} spc_intervention;

typedef enum {
    SPC_ARRIVALS_POISSON,   /* constant rate */
    SPC_ARRIVALS_SCHEDULE,  /* piecewise-constant rate, repeating every period */
    SPC_ARRIVALS_RENEWAL    /* i.i.d. interarrival times from a distribution */
} spc_arrivals_kind;

typedef struct {
    spc_arrivals_kind kind;
    double rate;         /* poisson: per time unit */
    double period;       /* schedule: length of one cycle */
    size_t nslots;
    double *slot_start;  /* schedule: start of each slot within the period, ascending, first 0 */
    double *slot_rate;   /* schedule: rate in each slot, per time unit */
    spc_dist interarrival; /* renewal */
    int entry;           /* stage where external orders enter */
} spc_arrivals_spec;

/* One lever of the classroom page (spcsim serve): a setting the page shows
 * as a slider, changed at the decision week (scenario_levers.c). path
 * "decision" is the decision week itself (min, max, step in weeks). */
typedef struct {
    char *path;          /* a declared setting an intervention may change, or "decision" */
    char *label, *unit;  /* as the page shows them */
    double min, max, step;
} spc_scenario_lever;

typedef struct spc_scenario {
    char *path;          /* file it was read from */
    char *name;
    char *description;
    uint64_t seed;
    char *generator;     /* GSL generator name */
    char *time_unit;     /* "s", "min", "h", "d" or "w" */
    double unit_seconds; /* seconds in one time unit */
    int time_unit_declared; /* the file (or --set) sets time_unit (cfgread.h) */
    double horizon;      /* run length, time units */
    double warmup;       /* statistics reset at this time */
    int batches;         /* batch-means batches (minimum) */
    double period;       /* reporting period of timeseries.csv (time units) */
    int replications;    /* independent replications of a run */
    spc_arrivals_spec arrivals;
    size_t nstages;
    spc_stage_spec *stages;
    spc_workforce_spec workforce;
    spc_customers_spec customers;
    spc_finance_spec finance;
    spc_units_spec units;
    spc_management_spec management;
    size_t ninterventions;
    spc_intervention *interventions; /* sorted by time */
    size_t nlevers;
    spc_scenario_lever *levers; /* the `levers` section; none: the page's defaults */
} spc_scenario;

/* Loads and validates; NULL on error with *err filled (SPC_ERR_READ for an
 * unreadable file, SPC_ERR_INVALID for a syntax error or bad setting,
 * SPC_ERR_INTERNAL when out of memory). overrides[i] is "PATH=VALUE". */
spc_scenario *spc_scenario_load(const char *path, const char *const *overrides,
                                size_t noverrides, spc_error *err);

/* The same from text in memory; `name` stands for the file name in messages.
 * An @include in the text is read relative to the current folder. */
spc_scenario *spc_scenario_load_text(const char *name, const char *text, const char *const *overrides,
                                     size_t noverrides, spc_error *err);

void spc_scenario_free(spc_scenario *sc);

/* Writes the resolved scenario as a libconfig file that reproduces the run. */
int spc_scenario_write(const spc_scenario *sc, FILE *out);

/* `spcsim check`'s list of every duration and rate in effect, one comment
 * line each: its path, its value with its unit ("4 per h", "currency per
 * h" for money per period) and the same per week (or day). */
void spc_scenario_write_units(const spc_scenario *sc, FILE *out);

/* Mean external arrival rate per time unit (over one schedule period). */
double spc_scenario_mean_arrival_rate(const spc_scenario *sc);

/* The libconfig version compiled against (LIBCONFIG_VER_MAJOR.MINOR.REVISION,
 * "1.5.0"), for run.json: only this floor sees libconfig. */
const char *spc_scenario_libconfig_version(void);

#endif
