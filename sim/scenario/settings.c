/*
 * settings.c -- the declaration of every setting, and what is derived from
 * it alone: defaults, ranges as text, the listing and the Markdown tables.
 *
 * One row per setting, in the order of the resolved file (scenario_write.c
 * writes from it), with its path, kind, field, default, range, unit,
 * whether an intervention may change it, its source and a description.
 * Sources and defaults follow docs/model.md: "assumption" means ours, to be
 * calibrated; "scenario" means data of the modelled company. The sensitivity
 * work reads source and range, so keep them exact: a range here is the
 * range the reader enforces.
 *
 * Groups are rows too, so that the known keys of a group are its rows.
 * Reading is in settings_read.c (it needs libconfig).
 */
#include "spcsim/settings.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spcsim/timeunits.h"
#include "spcsim/rng.h"

#define SC(m) offsetof(spc_scenario, m)
#define ST(m) offsetof(spc_stage_spec, m)
#define NOF SPC_SET_NO_FIELD

/* The plausible range of an assumption that is a level on a bounded scale
 * (for spcsim sensitivity; others: half to one and a half times the value). */
#define PLAUSIBLE_LEVEL_100 \
    .pspread = 10, .preason = "a level on the 0-100 scale: +-10 points, a tenth of the scale " \
                              "(half or half again as much would leave it)"
#define PLAUSIBLE_LEVEL_10 \
    .pspread = 1, .preason = "a level on the 0-10 scale: +-1 point, a tenth of the scale " \
                             "(half or half again as much would leave it)"
#define PLAUSIBLE_LEVEL_STARS \
    .pspread = 0.4, .preason = "a level on the 1-5 star scale: +-0.4 star, a tenth of the scale " \
                               "(half or half again as much would leave it)"

/* The rows of one channel (CH1)-(CH6): its shares of the three kinds of
 * contact, what it costs, when it is open; staffed channels add their
 * stage and expected response time, self-service its resolution rate. */
#define CHANNEL_SHARES(ch, i, sp, si, sa, who)                                                              \
    { .path = "customers.channels." ch ".purchase", .kind = SPC_SET_NUMBER,                                 \
      .offset = SC(customers.ch_share[i][0]), .def = sp, .lo = 0, .hi = 1, .unit = "weight 0-1",            \
      .intervention = 1, .source = "assumption",                                                            \
      .text = "Weight of purchases placed " who " (CH1).",                                                  \
      .doc = "π_c,p: weight of this channel among the purchases' channels, normalised over the four (CH1)." }, \
    { .path = "customers.channels." ch ".inquiry", .kind = SPC_SET_NUMBER,                                  \
      .offset = SC(customers.ch_share[i][1]), .def = si, .lo = 0, .hi = 1, .unit = "weight 0-1",            \
      .intervention = 1, .source = "assumption",                                                            \
      .text = "Weight of pre-sale inquiries made " who " (CH1).",                                           \
      .doc = "π_c,i: weight of this channel among the inquiries' channels, normalised over the four (CH1)." }, \
    { .path = "customers.channels." ch ".aftersale", .kind = SPC_SET_NUMBER,                                \
      .offset = SC(customers.ch_share[i][2]), .def = sa, .lo = 0, .hi = 1, .unit = "weight 0-1",            \
      .intervention = 1, .source = "assumption",                                                            \
      .text = "Weight of after-sale requests made " who " (CH1).",                                          \
      .doc = "π_c,a: weight of this channel among the after-sale requests' channels, normalised over the "  \
            "four (CH1)." }
#define CHANNEL_HOURS(ch, i, cost, csrc)                                                                    \
    { .path = "customers.channels." ch ".cost", .kind = SPC_SET_NUMBER, .offset = SC(customers.ch_cost[i]), \
      .def = cost, .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1, .source = csrc,    \
      .text = "Cost of one contact through this channel (CH6).",                                            \
      .doc = "k_c: the ledger's channel costs gain k_c per contact this channel takes (CH6)." },            \
    { .path = "customers.channels." ch ".open", .kind = SPC_SET_DURATION, .offset = SC(customers.ch_open[i]), \
      .def = "0h", .lo = 0, .hi = SPC_DURATION_MAX, .unit = "time unit", .intervention = 1,                 \
      .source = "scenario", .text = "Opening time of the channel, from midnight (CH3).",                    \
      .doc = "o_c: open from o_c to z_c after midnight on open days (CH3).", .allowed = "< `close`",        \
      .example = "\"8h\"" },                                                                                \
    { .path = "customers.channels." ch ".close", .kind = SPC_SET_DURATION,                                  \
      .offset = SC(customers.ch_close[i]), .def = "24h", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1,     \
      .unit = "time unit", .intervention = 1, .source = "scenario",                                         \
      .text = "Closing time of the channel, from midnight (CH3).",                                          \
      .doc = "z_c: closing time after midnight (CH3).", .allowed = "> `open`, at most one day",             \
      .example = "\"20h\"" },                                                                               \
    { .path = "customers.channels." ch ".days", .kind = SPC_SET_COUNT, .offset = SC(customers.ch_days[i]),  \
      .def = "7", .lo = 1, .hi = 7, .unit = "days", .intervention = 1, .source = "scenario",                \
      .text = "Open on the first this many days of each week (time 0 starts a week) (CH3).",                \
      .doc = "d_c: open on days 0 to d_c − 1 of each week, day 0 starting at time 0 (CH3)." }
#define CHANNEL_STAFFED(ch, i, expect)                                                                      \
    { .path = "customers.channels." ch ".stage", .kind = SPC_SET_STAGE, .offset = SC(customers.ch_stage[i]), \
      .computed = "customers.aftersale.stage", .unit = "stage", .intervention = 1, .source = "scenario",    \
      .text = "The stage whose employees answer this channel's inquiries and after-sale requests (CH2).",  \
      .doc = "The stage that serves this channel's inquiries and after-sale requests; its purchases enter " \
            "the chain at `arrivals.entry` as without channels (CH2).",                                    \
      .allowed = "the name of a stage" },                                                                   \
    { .path = "customers.channels." ch ".expectation", .kind = SPC_SET_DURATION,                            \
      .offset = SC(customers.ch_expect[i]), .def = expect, .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1,   \
      .unit = "time unit", .intervention = 1, .source = "assumption",                                       \
      .text = "Response time customers expect of this channel's inquiries and requests (CH2).",             \
      .doc = "E_c: replaces E_req in (C1) for inquiries and after-sale requests answered here (CH2)." }

static const spc_setting table[] = {
    /* ---- top level ---- */
    { .path = "name", .kind = SPC_SET_STRING, .offset = SC(name), .unit = "", .intervention = 0,
      .source = "scenario",
      .text = "The scenario's name (1-64 of A-Z a-z 0-9 _ - ., not starting with .); names the output folder.",
      .doc = "The scenario's name; the default output folder is `output/<name>`.",
      .allowed = "1–64 characters from `A–Z a–z 0–9 _ - .`, not starting with `.`" },
    { .path = "description", .kind = SPC_SET_STRING, .offset = SC(description), .def = "\"\"", .unit = "",
      .intervention = 1, .source = "scenario", .text = "Free text, copied to the resolved scenario.",
      .doc = "Free text; copied to the resolved scenario.",
      .allowed = "any string" },
    { .path = "seed", .kind = SPC_SET_SEED, .offset = SC(seed), .def = "1",
      .lo = 0, .hi = 9223372036854775807.0, .unit = "", .intervention = 0, .source = "scenario",
      .text = "Master seed of all random streams (--seed overrides it).",
      .doc = "Master seed of all random streams. `--seed N` overrides it.",
      .allowed = "write `L` above 2 147 483 647" },
    { .path = "generator", .kind = SPC_SET_STRING, .offset = SC(generator), .def = "\"" SPC_RNG_DEFAULT "\"",
      .unit = "", .intervention = 0, .source = "scenario",
      .text = "The random number generator of every stream: a GSL generator or xoshiro256++.",
      .doc = "The random number generator used for every stream: any GSL generator (exponentials by "
             "inversion, as in every earlier version) or the project's faster `\"xoshiro256++\"` "
             "(exponentials by the ziggurat; docs/model.md 1.3a).",
      .allowed = "`\"xoshiro256++\"` or any GSL generator name, e.g. `\"mt19937\"`, `\"ranlxd2\"`, `\"taus2\"`",
      .example = "\"taus2\"" },
    { .path = "time_unit", .kind = SPC_SET_STRING, .offset = SC(time_unit), .def = "\"h\"", .unit = "",
      .intervention = 0, .source = "scenario",
      .text = "Unit of every duration and rate: \"s\", \"min\", \"h\", \"d\" or \"w\".",
      .doc = "The unit of every duration and rate, inside and in the outputs.",
      .allowed = "`\"s\"`, `\"min\"`, `\"h\"`, `\"d\"`, `\"w\"`",
      .example = "\"min\"" },
    { .path = "horizon", .kind = SPC_SET_DURATION, .offset = SC(horizon), .lo = 0, .hi = SPC_DURATION_MAX,
      .lo_open = 1, .unit = "time unit", .intervention = 0, .source = "scenario",
      .text = "Run length: the run goes from time 0 to horizon.",
      .doc = "Run length: the simulation runs from time 0 to `horizon`." },
    { .path = "warmup", .kind = SPC_SET_DURATION, .offset = SC(warmup), .def = "0",
      .lo = 0, .hi = SPC_DURATION_MAX, .unit = "time unit", .intervention = 0, .source = "scenario",
      .text = "Statistics are reset at this time (must be shorter than the horizon).",
      .doc = "At this time all statistics are reset; outputs describe the window [`warmup`, "
            "`horizon`].",
      .allowed = "< `horizon`",
      .example = "\"1w\"" },
    { .path = "replications", .kind = SPC_SET_INT, .offset = SC(replications), .def = "1",
      .lo = 1, .hi = 1000000, .unit = "runs", .intervention = 0, .source = "scenario",
      .text = "Independent replications of a run (-r overrides it).",
      .doc = "Independent replications of `run` (`-r N` overrides it); with more than one, each output "
            "value is the mean over replications with a Student-t 95% interval over them (10.1, "
            "10.7). `compare`, `sweep`, `warmup`, `calibrate` and `chain` use it only when it is "
            "above 1 (else 10). Precision mode starts with at least 10 (10.2)." },
    { .path = "statistics", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "", .text = "Settings of the output statistics.",
      .allowed = "see 3.2" },
    { .path = "statistics.batches", .kind = SPC_SET_INT, .offset = SC(batches), .def = "20",
      .lo = 2, .hi = 1000, .unit = "batches", .intervention = 0, .source = "assumption",
      .text = "Minimum number of batch-means batches over [warmup, horizon].",
      .doc = "*B*. Time averages, rates and counts use exactly *B* equal time batches over [`warmup`, "
            "`horizon`]; per-order observations use dynamic batching with at least *B* batches (see "
            "8.1)." },
    { .path = "statistics.period", .kind = SPC_SET_DURATION, .offset = SC(period),
      .computed = "workforce.report_period with a workforce, else horizon / 100", .lo = 0, .hi = SPC_DURATION_MAX,
      .lo_open = 1, .unit = "time unit", .intervention = 0, .source = "",
      .text = "Reporting period of timeseries.csv (one per run).",
      .doc = "The reporting period of `timeseries.csv` (8.4): one row per scope at the end of each "
            "period. A run has one reporting period: with a workforce it is also "
            "`workforce.report_period`, so when both settings are given they must be equal (compared "
            "after conversion to the time unit), else `workforce.report_period: must equal "
            "statistics.period (one reporting period per run)`; when only one is given, the other "
            "takes its value.",
      .example = "\"2w\"" },
    /* ---- the arrival process (custom code: scenario_chain.c) ---- */
    { .path = "arrivals", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "required without customers",
      .unit = "", .intervention = 1, .source = "scenario",
      .text = "The external arrival process (with customers it only names the entry).",
      .doc = "The external arrival process.",
      .allowed = "see 3.3",
      .layout = SPC_LAY_BLOCK },
    { .path = "arrivals.process", .kind = SPC_SET_ENUM, .offset = NOF, .def = "\"poisson\"",
      .words = "poisson renewal", .unit = "", .intervention = 1, .source = "scenario",
      .text = "\"poisson\" (rate or schedule) or \"renewal\" (interarrival).",
      .doc = "Which process. A schedule is a `\"poisson\"` process." },
    { .path = "arrivals.rate", .kind = SPC_SET_RATE, .offset = SC(arrivals.rate),
      .computed = "required for a Poisson process without a schedule", .lo = 0, .hi = SPC_RATE_MAX,
      .lo_open = 1, .unit = "orders per time unit", .intervention = 1, .source = "scenario",
      .text = "Constant Poisson arrival rate.",
      .doc = "λ: constant Poisson rate (A1). With `\"poisson\"`, exactly one of `rate` and `schedule` "
            "is required; not allowed with `\"renewal\"`." },
    { .path = "arrivals.schedule", .kind = SPC_SET_SCHEDULE, .offset = NOF,
      .computed = "none (a constant rate)", .unit = "orders per time unit",
      .intervention = 1, .source = "scenario",
      .text = "Piecewise-constant periodic rate { period; rates; starts; }.",
      .doc = "Piecewise-constant periodic rate (A2). `\"poisson\"` only; not together with `rate`.",
      .allowed = "see 3.4" },
    { .path = "arrivals.interarrival", .kind = SPC_SET_DIST, .offset = SC(arrivals.interarrival),
      .computed = "required for a renewal process", .unit = "time unit", .intervention = 1,
      .source = "scenario", .text = "Distribution of the times between arrivals (renewal).",
      .doc = "X: distribution of the times between arrivals (A3): required with `\"renewal\"`; not "
            "allowed with `\"poisson\"`.",
      .allowed = "see 3.7" },
    { .path = "arrivals.entry", .kind = SPC_SET_STAGE, .offset = SC(arrivals.entry),
      .computed = "the first stage", .unit = "stage", .intervention = 1, .source = "scenario",
      .text = "The stage where external orders enter.",
      .allowed = "the name of a stage (not `\"deliver\"`)" },
    /* ---- stages: offsets into spc_stage_spec ---- */
    { .path = "stages", .kind = SPC_SET_LIST, .offset = NOF, .unit = "", .intervention = 0,
      .source = "scenario",
      .text = "The stages of the chain, in order (an intervention may not add, remove or rename one).",
      .doc = "The stages of the chain, see 3.6.",
      .allowed = "at least one stage; see 3.6" },
    { .path = "stages.[]", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "-", .unit = "", .intervention = 1,
      .source = "scenario", .text = "One stage: a group of the settings below.",
      .doc = "One stage: a group of the settings of this table.", .layout = SPC_LAY_BLOCK },
    { .path = "stages.[].name", .kind = SPC_SET_STRING, .base = SPC_IN_STAGE, .offset = ST(name),
      .unit = "", .intervention = 0, .source = "scenario",
      .text = "Identifies the stage in routing, entry and the outputs.",
      .doc = "Identifies the stage in routing, `entry` and the outputs (the CSV `scope`).",
      .allowed = "1–48 characters; unique; not `\"deliver\"` or `\"system\"`; no comma, double quote or "
            "newline" },
    { .path = "stages.[].servers", .kind = SPC_SET_INT, .base = SPC_IN_STAGE, .offset = ST(servers),
      .lo = 1, .hi = 100000, .unit = "servers", .intervention = 1, .source = "scenario",
      .text = "Number of parallel servers (employees).",
      .doc = "c_i: number of parallel servers." },
    { .path = "stages.[].queue_capacity", .kind = SPC_SET_LONG, .base = SPC_IN_STAGE,
      .offset = ST(capacity), .computed = "unlimited", .lo = 0, .hi = 1000000000, .unit = "orders",
      .intervention = 1, .source = "scenario",
      .text = "Waiting places, not counting orders in service; 0: a loss system.",
      .doc = "K_i: waiting places, not counting orders in service. `0` makes a pure loss system (no "
            "waiting).",
      .layout = SPC_LAY_OPTIONAL },
    { .path = "stages.[].service", .kind = SPC_SET_DIST, .base = SPC_IN_STAGE, .offset = ST(service),
      .unit = "time unit", .intervention = 1, .source = "scenario",
      .text = "Service time of one order by one server.",
      .doc = "S_i: service time of one order by one server.",
      .allowed = "see 3.7" },
    { .path = "stages.[].patience", .kind = SPC_SET_DIST, .base = SPC_IN_STAGE, .offset = ST(patience),
      .computed = "none (nobody abandons)", .unit = "time unit", .intervention = 1, .source = "scenario",
      .text = "How long a waiting order is willing to wait before it abandons.",
      .doc = "How long an order waiting in this stage's queue is willing to wait; when it runs out "
            "before service starts, the order leaves unserved (reneging, counted as `abandoned`). "
            "Drawn from the stage's patience stream when the order joins the queue. With exponential "
            "patience the stage is an M/M/c+M (Erlang A) queue. A stage with patience gets no \"queue "
            "will grow without bound\" warning.",
      .allowed = "as `service`",
      .present = ST(has_patience) },
    { .path = "stages.[].balk_limit", .kind = SPC_SET_LONG, .base = SPC_IN_STAGE, .offset = ST(balk_limit),
      .computed = "none (nobody balks)", .lo = 1, .hi = 1000000000, .unit = "orders", .intervention = 1,
      .source = "scenario",
      .text = "A new order finding n waiting balks with probability min(1, n / balk_limit).",
      .doc = "A new order (not one passed on by another stage, not a rework return) that finds every "
            "server busy and n orders waiting balks, leaving at once, with probability min(1, n / "
            "balk_limit) (the stage's balking stream). Counted as `balked`.",
      .layout = SPC_LAY_OPTIONAL },
    { .path = "stages.[].routing", .kind = SPC_SET_ROUTING, .base = SPC_IN_STAGE, .offset = NOF,
      .computed = "the next stage; after the last, deliver", .unit = "", .intervention = 1,
      .source = "scenario",
      .text = "Where an order goes next: a stage name, \"deliver\", or ( { to; p; }, ... ).",
      .doc = "p_ij: where an order goes when its service here ends.",
      .allowed = "see 3.8" },
    { .path = "stages.[].salary", .kind = SPC_SET_NUMBER, .base = SPC_IN_STAGE, .offset = ST(salary),
      .def = "40000.0", .lo = 0, .hi = 1e12, .unit = "currency per year", .intervention = 1,
      .source = "scenario", .text = "Workforce: annual salary of the stage's employees.",
      .doc = "Workforce only: annual salary of the stage's employees, at market pay (`levers.pay` = "
            "1). Fixed for each employee at hire; used for the turnover cost." },
    { .path = "stages.[].target_delay", .kind = SPC_SET_DURATION, .base = SPC_IN_STAGE,
      .offset = ST(target_delay), .def = "0", .lo = 0, .hi = SPC_DURATION_MAX, .unit = "time unit", .intervention = 1,
      .source = "Oliva & Sterman 2001 (concept); (D1): assumption",
      .text = "Workforce: time an order should spend at the stage; 0: the M/M/c sojourn at nominal load (D1).",
      .doc = "Workforce only: the time an order should spend at the stage (waiting and in service), "
            "τ_d. It sets how much backlog counts as pressure (W1) and when an output counts as on "
            "time for the next stage (Q2). `0`: automatic, the stage's M/M/c sojourn Wq + E[S] at its "
            "nominal load (arrival rate from the traffic equations, mean service time, `servers`), so "
            "that mean pressure at nominal load equals the utilisation; if the stage is unstable at "
            "nominal load (or gets no arrivals), 4 × E[S]. Computed once, at the start, from the "
            "initial state (D1)." },
    { .path = "stages.[].detection", .kind = SPC_SET_NUMBER, .base = SPC_IN_STAGE, .offset = ST(detection),
      .def = "0.5", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "Workforce: probability of catching a defect made upstream.",
      .doc = "d_j, workforce only: probability that the stage catches a defect in an order arriving "
            "from another stage (a defect it made itself is never caught by itself). A caught order "
            "goes back to the stage that made it for rework." },
    /* ---- workforce (docs/model.md 2-3) ---- */
    { .path = "workforce", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "", .text = "Employees, satisfaction, turnover, pressure, quality; present: on.",
      .doc = "Employees, satisfaction, turnover, pressure and quality; `workforce = { };` enables it "
            "with every default.",
      .allowed = "see 9.1",
      .layout = SPC_LAY_BLOCK, .present = SC(workforce.enabled) },
    { .path = "workforce.report_period", .kind = SPC_SET_DURATION, .offset = SC(workforce.period),
      .def = "1w", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit", .intervention = 0, .source = "",
      .text = "Reporting period (must equal statistics.period when both are given).",
      .doc = "Δ_r: length of a reporting period: one row per stage and one for the company in "
            "`timeseries.csv` at its end (9.12). Also the unit of the summary's per-period "
            "statistics. The run's single reporting period: if `statistics.period` is also given, the "
            "two must be equal (3.2).",
      .example = "\"2w\"" },
    { .path = "workforce.step", .kind = SPC_SET_DURATION, .offset = SC(workforce.step),
      .def = "1h", .lo = 0, .hi = SPC_DURATION_MAX, .unit = "time unit", .intervention = 0,
      .source = "numerical scheme (section 5)",
      .text = "Longest time a workforce stock is held between updates delta (LZ1).",
      .doc = "δ: the workforce's stocks (perceived pressure and standard, satisfaction, fatigue, and "
            "what depends on them: productivity, error rates) are brought up to date when read, but "
            "at most once per δ; in between, reads see the values of the last update, and pressure "
            "enters as its average over the interval (LZ1, section 5). `0`: updated at every read (the "
            "reference the default is checked against). Sets the speed of large runs, not the model: "
            "keep it a small share of the shortest time constant.",
      .example = "\"30min\"" },
    { .path = "workforce.levers", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "The management levers.",
      .doc = "Management levers.",
      .allowed = "see 9.2" },
    { .path = "workforce.levers.pay", .kind = SPC_SET_NUMBER, .offset = SC(workforce.pay), .def = "1.0",
      .lo = 0, .hi = 10, .lo_open = 1, .unit = "ratio to market pay", .intervention = 1,
      .source = "scenario", .text = "Relative pay (S1).",
      .doc = "Pay level. Adds `w_pay`·ln(`pay`) to target satisfaction (1.1 → +4.8 points at the "
            "default weight); scales every salary in the turnover cost (S1)." },
    { .path = "workforce.levers.recognition", .kind = SPC_SET_NUMBER, .offset = SC(workforce.recognition),
      .def = "0.5", .lo = 0, .hi = 1, .unit = "share 0-1", .intervention = 1, .source = "scenario",
      .text = "Recognition level R (S1).",
      .doc = "Recognition level. Adds `w_recognition`·(`recognition` − `recognition_ref`) (S1)." },
    { .path = "workforce.levers.training_hours", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.training_hours), .def = "2.0", .lo = 0, .hi = 168,
      .unit = "hours per week", .intervention = 1, .source = "scenario",
      .text = "Training hours per employee and week H (less than hours_per_week).",
      .doc = "Training. Adds `w_training`·(hours − `training_ref`) to target satisfaction, takes the "
            "hours off the job (productivity × (1 − H/`hours_per_week`)/(1 − "
            "`training_ref`/`hours_per_week`)) and lowers the base error rate by "
            "e^(−`training_effect`·(hours − `training_ref`)).",
      .allowed = "< `hours_per_week`",
      .example = "3.0" },
    { .path = "workforce.levers.hours_per_week", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.hours_per_week), .def = "40.0", .lo = 1, .hi = 168, .unit = "hours per week",
      .intervention = 1, .source = "scenario", .text = "Contract hours per employee and week.",
      .doc = "Hw: normal working hours, the base of the training share." },
    { .path = "workforce.satisfaction", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "Employee satisfaction (S1)-(S2).",
      .doc = "Satisfaction and what drives it (S1, S2).",
      .allowed = "see 9.3" },
    { .path = "workforce.satisfaction.dynamic", .kind = SPC_SET_FLAG, .offset = SC(workforce.s_dynamic),
      .def = "true", .unit = "", .intervention = 1, .source = "",
      .text = "false: each employee keeps the initial draw.",
      .doc = "`false`: every employee keeps the satisfaction drawn at hire (nothing in S* acts)." },
    { .path = "workforce.satisfaction.initial_mean", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.s_init_mean), .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100",
      .intervention = 1, .source = "assumption",
      .text = "Mean of the satisfaction drawn at hire and at t = 0.",
      .doc = "S_init: mean of the satisfaction drawn for each employee at t = 0 and at hire (normal, "
            "clamped to 0–100).",
      PLAUSIBLE_LEVEL_100 },
    { .path = "workforce.satisfaction.initial_sd", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.s_init_sd), .def = "10.0", .lo = 0, .hi = 50, .unit = "points",
      .intervention = 1, .source = "assumption",
      .text = "Sd of the satisfaction drawn at hire and at t = 0.",
      .doc = "σ_init: its standard deviation." },
    { .path = "workforce.satisfaction.base", .kind = SPC_SET_NUMBER, .offset = SC(workforce.s_base),
      .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100", .intervention = 1, .source = "assumption",
      .text = "Base target S0 at reference levels (S1).",
      .doc = "S0: S* when every driver is at its reference (S1).",
      PLAUSIBLE_LEVEL_100 },
    { .path = "workforce.satisfaction.time_constant", .kind = SPC_SET_NEVER,
      .offset = SC(workforce.tau_s), .def = "4w", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit",
      .intervention = 1, .source = "assumption (about 4 weeks)",
      .text = "Adjustment time of satisfaction tau_S (S2).",
      .doc = "Adjustment time τ_S of satisfaction toward S*. `\"never\"`: satisfaction stays at its "
            "draw (S2)." },
    { .path = "workforce.satisfaction.w_isq", .kind = SPC_SET_NUMBER, .offset = SC(workforce.w_isq),
      .def = "0.5", .lo = 0, .hi = 10, .unit = "points per ISQ point", .intervention = 1,
      .source = "link: Heskett et al. 1994; weight: assumption",
      .text = "Weight of internal service quality w_q (S1).",
      .doc = "w_q: weight of internal service quality (S1)." },
    { .path = "workforce.satisfaction.isq_ref", .kind = SPC_SET_NUMBER, .offset = SC(workforce.isq_ref),
      .def = "90.0", .lo = 0, .hi = 100, .unit = "points 0-100", .intervention = 1, .source = "assumption",
      .text = "ISQ at which its term is 0 (S1).",
      .doc = "Q_ref: ISQ at which that term is 0; also the initial ISQ of every stage (S1).",
      PLAUSIBLE_LEVEL_100 },
    { .path = "workforce.satisfaction.w_pay", .kind = SPC_SET_NUMBER, .offset = SC(workforce.w_pay),
      .def = "50.0", .lo = 0, .hi = 1000, .unit = "points per unit of ln(pay)", .intervention = 1,
      .source = "assumption", .text = "Weight of relative pay (S1).",
      .doc = "w_pay: weight of the pay lever (S1)." },
    { .path = "workforce.satisfaction.w_recognition", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_recognition), .def = "20.0", .lo = 0, .hi = 1000, .unit = "points per unit",
      .intervention = 1, .source = "assumption", .text = "Weight of recognition (S1).",
      .doc = "w_r: weight of the recognition lever (S1)." },
    { .path = "workforce.satisfaction.recognition_ref", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.recognition_ref), .def = "0.5", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption", .text = "Recognition at which its term is 0 (S1).",
      .doc = "R_ref: recognition at which that term is 0 (S1)." },
    { .path = "workforce.satisfaction.w_training", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_training), .def = "1.0", .lo = 0, .hi = 100,
      .unit = "points per weekly hour", .intervention = 1, .source = "assumption",
      .text = "Weight of training (S1).",
      .doc = "w_t: weight of training hours (S1)." },
    { .path = "workforce.satisfaction.training_ref", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.training_ref), .def = "2.0", .lo = 0, .hi = 168,
      .unit = "hours per week", .intervention = 1, .source = "assumption",
      .text = "Training hours at which their term is 0 (S1).",
      .doc = "H_ref: training at which the training terms are neutral (satisfaction, productivity, "
            "errors) (S1)." },
    { .path = "workforce.satisfaction.w_customer", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_customer), .def = "0.3", .lo = 0, .hi = 10, .unit = "points per point",
      .intervention = 1, .source = "link: Brown & Lam 2008, Heskett et al. 1994; weight: assumption",
      .text = "Weight of the customer satisfaction employees perceive (M1).",
      .doc = "w_c: weight of the customer satisfaction the employees of the front stage perceive, the "
            "mirror (M1); no term without customers." },
    { .path = "workforce.satisfaction.customer_ref", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.customer_ref), .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100",
      .intervention = 1, .source = "assumption",
      .text = "Perceived customer satisfaction at which its term is 0.",
      .doc = "c_ref: perceived customer satisfaction (on 0–100) at which that term is 0; also what a "
            "new hire perceives (M1).",
      PLAUSIBLE_LEVEL_100 },
    { .path = "workforce.satisfaction.w_pressure", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_pressure), .def = "20.0", .lo = 0, .hi = 1000,
      .unit = "points per unit of pressure above 1",
      .intervention = 1, .source = "assumption", .text = "Weight of perceived pressure above 1 (S1).",
      .doc = "w_p: weight of perceived pressure above 1 (S1)." },
    { .path = "workforce.satisfaction.w_fatigue", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_fatigue), .def = "40.0", .lo = 0, .hi = 1000,
      .unit = "points per unit of fatigue above 1",
      .intervention = 1, .source = "assumption", .text = "Weight of fatigue above 1 (S1).",
      .doc = "w_f: weight of the employee's fatigue above 1 (S1)." },
    { .path = "workforce.traits", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Persistent traits drawn at hire (H1)-(H2).",
      .doc = "What makes colleagues differ: a personal level of satisfaction (job fit) and a speed "
            "(skill), drawn once per person at hire (H1, H2)." },
    { .path = "workforce.traits.fit_sd", .kind = SPC_SET_NUMBER, .offset = SC(workforce.fit_sd),
      .def = "10.0", .lo = 0, .hi = 50, .unit = "points", .intervention = 1,
      .source = "assumption: most variance of satisfaction is within units (Harter, Schmidt & Hayes 2002); "
                "on this scale one sd is workforce.turnover.sd",
      .text = "Sd of job fit phi_i, added to the person's satisfaction target (H1).",
      .doc = "σ_φ: sd of each person's job fit φ_i ~ N(0, σ_φ), added to their target S* for as long "
            "as they stay (H1). 0: everyone in a stage converges to the same satisfaction." },
    { .path = "workforce.traits.skill_sd", .kind = SPC_SET_NUMBER, .offset = SC(workforce.skill_sd),
      .def = "0.19", .lo = 0, .hi = 2, .unit = "sd of ln(productivity)", .intervention = 1,
      .source = "Hunter, Schmidt & Judiesch 1990 (sd of output about 19% of the mean in low-complexity jobs)",
      .text = "Sd of ln skill k_i, a factor on the person's productivity (H2).",
      .doc = "σ_k: each person's skill k_i = e^(σ_k Z − σ_k²/2) (mean 1) multiplies their "
            "productivity (H2)." },
    { .path = "workforce.turnover", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Quits (E4)-(E5).",
      .doc = "Quitting (E4, E5, T2) and its cost.",
      .allowed = "see 9.4" },
    { .path = "workforce.turnover.enabled", .kind = SPC_SET_FLAG, .offset = SC(workforce.turnover),
      .def = "true", .unit = "", .intervention = 1, .source = "", .text = "false: nobody quits.",
      .doc = "`false`: nobody quits." },
    { .path = "workforce.turnover.a", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit.a),
      .def = "-1.46", .lo = -20, .hi = 20, .unit = "log-odds", .intervention = 1,
      .source = "calibrated to Griffeth, Hom & Gaertner 2000 (model.md 3.3)",
      .text = "Intercept of the annual quit logit (E4).",
      .doc = "Intercept: the log-odds of quitting within a year at S = `mean` (E4)." },
    { .path = "workforce.turnover.beta", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit.beta),
      .def = "0.5", .lo = 0, .hi = 20, .unit = "log-odds per sd", .intervention = 1,
      .source = "calibrated to Griffeth, Hom & Gaertner 2000 (model.md 3.3)",
      .text = "Slope of the quit logit per sd of satisfaction below the mean (E4).",
      .doc = "β: how much one sd more satisfaction lowers the log-odds (E4)." },
    { .path = "workforce.turnover.mean", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit.mu),
      .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100", .intervention = 1,
      .source = "assumption (= initial_mean)",
      .text = "Reference mean mu that standardises satisfaction (E4).",
      .doc = "μ: reference satisfaction used to standardise S (fixed; not the simulated mean) (E4).",
      PLAUSIBLE_LEVEL_100 },
    { .path = "workforce.turnover.sd", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit.sigma),
      .def = "10.0", .lo = 0, .hi = 100, .lo_open = 1, .unit = "points", .intervention = 1,
      .source = "assumption (= initial_sd)",
      .text = "Reference sd sigma that standardises satisfaction (E4).",
      .doc = "σ: reference sd used to standardise S (E4)." },
    { .path = "workforce.turnover.cost", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit_cost),
      .def = "0.21", .lo = 0, .hi = 10, .unit = "share of annual salary", .intervention = 1,
      .source = "Boushey & Glynn 2012 (median 21%)", .text = "Cost of one quit (TC1).",
      .doc = "c_q: cost of one quit: `cost` × the leaver's salary × `pay` (Boushey and Glynn 2012: "
            "median 21%) (TC1)." },
    { .path = "workforce.turnover.market", .kind = SPC_SET_NUMBER, .offset = SC(workforce.market),
      .def = "1.0", .lo = 0, .hi = 10, .unit = "factor", .intervention = 1,
      .source = "direction: Carsten & Spector 1987, Trevor 2001 (the link is stronger when jobs are plentiful); "
                "form: assumption",
      .text = "Labour-market factor m on the satisfaction-driven quit hazard (T3).",
      .doc = "m: ease of finding another job. The satisfaction-driven hazard (E5) is multiplied by m, "
            "so a tighter market (m > 1) means more quits and a stronger link between satisfaction "
            "and quitting (T3)." },
    { .path = "workforce.turnover.other", .kind = SPC_SET_NUMBER, .offset = SC(workforce.other),
      .def = "0.0", .lo = 0, .hi = 0.99, .unit = "annual probability", .intervention = 1,
      .source = "assumption (moves, family, retirement: leaving whatever one's satisfaction)",
      .text = "Annual probability of leaving for another reason, whatever the satisfaction (T3).",
      .doc = "p_o: annual probability of leaving for a reason that is not satisfaction; the hazard "
            "−ln(1 − p_o)/year adds to m h(S). Such leavers are replaced like quitters and reported "
            "apart (`other` in employees.csv) (T3)." },
    { .path = "workforce.hiring", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Replacing leavers.",
      .allowed = "see 9.5" },
    { .path = "workforce.hiring.policy", .kind = SPC_SET_ENUM, .offset = SC(workforce.freeze),
      .def = "\"replace\"", .unit = "", .intervention = 1, .source = "scenario",
      .text = "\"replace\": leavers are replaced after the delay; \"freeze\": they are not.",
      .doc = "`\"replace\"`: a position left by a quit is refilled after the delay. `\"freeze\"`: "
            "quitters are not replaced; positions that an intervention adds are still recruited for.",
      .words = "replace freeze" },
    { .path = "workforce.hiring.delay", .kind = SPC_SET_DIST, .offset = SC(workforce.hire_delay),
      .computed = "gamma, mean 4w, cv 0.5", .unit = "time unit", .intervention = 1, .source = "assumption",
      .text = "Time to fill a vacancy.",
      .doc = "δ_h: time from a vacancy to the hire's first day, drawn per vacancy. Giving `delay` "
            "replaces the whole distribution.",
      .allowed = "any distribution of 3.7" },
    { .path = "workforce.reputation", .kind = SPC_SET_GROUP, .offset = NOF, .present = SC(workforce.rep_on),
      .unit = "", .intervention = 1, .source = "",
      .text = "Employer reputation (ER1)-(ER3); present: on.",
      .doc = "Employer reputation (ER1)-(ER3): present turns it on.", .allowed = "see 9.5a" },
    { .path = "workforce.reputation.esat_ref", .kind = SPC_SET_NUMBER, .offset = SC(workforce.rep_esat_ref),
      .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100", .intervention = 1, .source = "assumption",
      .text = "ESAT at which employees' satisfaction neither helps nor hurts the reputation (ER1).",
      .doc = "E_ref: the unit's mean employee satisfaction at which its term of (ER1) is 0.",
      PLAUSIBLE_LEVEL_100 },
    { .path = "workforce.reputation.csat_ref", .kind = SPC_SET_NUMBER, .offset = SC(workforce.rep_csat_ref),
      .def = "80.0", .lo = 0, .hi = 100, .unit = "% 0-100", .intervention = 1, .source = "assumption",
      .text = "CSAT at which customers' satisfaction neither helps nor hurts the reputation (ER1).",
      .doc = "C_ref: the period's CSAT (the survey's % rating 4-5) at which its term of (ER1) is 0.",
      PLAUSIBLE_LEVEL_100 },
    { .path = "workforce.reputation.w_esat", .kind = SPC_SET_NUMBER, .offset = SC(workforce.rep_w_esat),
      .def = "0.5", .lo = 0, .hi = 10, .unit = "per 10 points", .intervention = 1, .source = "assumption",
      .text = "Weight of ESAT in the reputation index, per 10 points (ER1).",
      .doc = "w_E: weight of (ESAT − E_ref)/10 in the index (ER1)." },
    { .path = "workforce.reputation.w_csat", .kind = SPC_SET_NUMBER, .offset = SC(workforce.rep_w_csat),
      .def = "0.5", .lo = 0, .hi = 10, .unit = "per 10 points", .intervention = 1, .source = "assumption",
      .text = "Weight of CSAT in the reputation index, per 10 points (ER1).",
      .doc = "w_C: weight of (CSAT − C_ref)/10 in the index (ER1); no term without customers." },
    { .path = "workforce.reputation.memory", .kind = SPC_SET_DURATION, .offset = SC(workforce.rep_memory),
      .def = "13w", .lo = 0, .hi = SPC_DURATION_MAX, .unit = "time", .intervention = 1, .source = "assumption",
      .text = "Time constant over which the reputation follows the period scores (ER2).",
      .doc = "τ_ρ: each period moves the index 1 − e^(−P/τ_ρ) of the way to the period's score (ER2); 0: "
            "the last period alone." },
    { .path = "workforce.reputation.w_delay", .kind = SPC_SET_NUMBER, .offset = SC(workforce.rep_delay),
      .def = "0.3", .lo = -5, .hi = 5, .unit = "log-factor per unit", .intervention = 1,
      .source = "assumption (direction: Cable & Turban 2003, reputation enlarges the applicant pool)",
      .text = "Log-factor by which a unit of reputation shortens the hiring delay (ER3).",
      .doc = "w_δ: each hiring delay drawn from `workforce.hiring.delay` is multiplied by e^(−w_δ ρ) (ER3)." },
    { .path = "workforce.reputation.w_fit", .kind = SPC_SET_NUMBER, .offset = SC(workforce.rep_fit),
      .def = "2.0", .lo = -50, .hi = 50, .unit = "fit points per unit", .intervention = 1,
      .source = "assumption (direction: Cable & Turban 2003; Turban & Greening 1997, better applicants)",
      .text = "Job-fit points of new hires per unit of reputation (ER3).",
      .doc = "w_φ: a new hire's job fit is drawn as N(w_φ ρ, σ_φ) (ER3, H1)." },
    { .path = "workforce.learning", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Learning and mentoring (E2).",
      .doc = "New hires' learning curve and mentoring (E2, P1).",
      .allowed = "see 9.6" },
    { .path = "workforce.learning.initial", .kind = SPC_SET_NUMBER, .offset = SC(workforce.pi0),
      .def = "0.5", .lo = 0, .hi = 1, .lo_open = 1, .unit = "share of full productivity", .intervention = 1,
      .source = "assumption", .text = "Productivity of a new hire pi0.",
      .doc = "π0: productivity on the first day. 1: hires are fully productive at once and need no "
            "mentoring (learning off)." },
    { .path = "workforce.learning.time_constant", .kind = SPC_SET_NEVER, .offset = SC(workforce.tau_l),
      .def = "8w", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit", .intervention = 1,
      .source = "assumption", .text = "Learning time constant tau_L.",
      .doc = "τ_L: learning time. `\"never\"`: everyone, the initial staff included, stays at "
            "`initial` (and takes mentoring for ever)." },
    { .path = "workforce.learning.mentoring", .kind = SPC_SET_NUMBER, .offset = SC(workforce.mentoring),
      .def = "0.1", .lo = 0, .hi = 1, .unit = "share 0-1", .intervention = 1,
      .source = "assumption", .text = "Experienced time per unit of learning load k_m.",
      .doc = "k_m: share of one experienced person's time a new hire takes, falling as the hire "
            "learns." },
    { .path = "workforce.pressure", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Work pressure and erosion (W1)-(W4).",
      .doc = "Work pressure, time per order and the eroding standard (W1–W4).",
      .allowed = "see 9.7" },
    { .path = "workforce.pressure.elasticity", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.erosion.alpha), .def = "-0.64", .lo = -5, .hi = 0, .unit = "elasticity",
      .intervention = 1, .source = "Oliva & Sterman 2001 (95% CI -0.70 to -0.59)",
      .text = "Elasticity of time per order to pressure alpha (W2).",
      .doc = "α: how time per order responds to pressure (Oliva and Sterman 2001). 0 switches the "
            "response off (W2)." },
    { .path = "workforce.pressure.perception_time", .kind = SPC_SET_NEVER,
      .offset = SC(workforce.erosion.tau_p), .def = "1w", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1,
      .unit = "time unit", .intervention = 1, .source = "assumption", .text = "Pressure perception time tau_p.",
      .doc = "τ_p: delay with which people perceive pressure. `\"never\"`: perceived pressure stays at "
            "its value at t = 0 (the expected level at the nominal load); the standard still follows "
            "(W4)." },
    { .path = "workforce.pressure.erosion_time", .kind = SPC_SET_NEVER,
      .offset = SC(workforce.erosion.tau_down), .def = "18.8w", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1,
      .unit = "time unit", .intervention = 1, .source = "Oliva & Sterman 2001",
      .text = "Erosion time of the standard tau_down (W3).",
      .doc = "τ_down: how fast the standard follows a lower time per order (Oliva and Sterman 2001). "
            "`\"never\"`: no erosion (W3)." },
    { .path = "workforce.pressure.recovery_time", .kind = SPC_SET_NEVER,
      .offset = SC(workforce.erosion.tau_up), .def = "\"never\"", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1,
      .unit = "time unit", .intervention = 1, .source = "Oliva & Sterman 2001 (about 8e6 weeks)",
      .text = "Recovery time of the standard tau_up (W3).",
      .doc = "τ_up: how fast it follows a higher one. Only matters with `max_factor` > 1 (otherwise "
            "time per order never exceeds the standard) (W3)." },
    { .path = "workforce.pressure.min_factor", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.erosion.t_min), .def = "0.5", .lo = 0, .hi = 1, .lo_open = 1,
      .unit = "share of the standard",
      .intervention = 1, .source = "assumption", .text = "Lower bound f_min of T/Ts.",
      .doc = "f_min: time per order never falls below `min_factor` × standard." },
    { .path = "workforce.pressure.max_factor", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.erosion.t_max), .def = "1.0", .lo = 1, .hi = 10, .unit = "share of the standard",
      .intervention = 1, .source = "assumption", .text = "Upper bound f_max of T/Ts.",
      .doc = "f_max: time per order never rises above `max_factor` × standard. 1: under low pressure "
            "people do not take longer than the standard." },
    { .path = "workforce.fatigue", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Fatigue and overtime (E3).",
      .doc = "Overtime and fatigue (F1, E3).",
      .allowed = "see 9.8" },
    { .path = "workforce.fatigue.time_constant", .kind = SPC_SET_NEVER, .offset = SC(workforce.tau_f),
      .def = "4w", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit", .intervention = 1,
      .source = "assumption", .text = "Fatigue time constant tau_F.",
      .doc = "τ_F: adjustment time of fatigue. `\"never\"`: nobody tires (overtime then adds hours at "
            "no cost)." },
    { .path = "workforce.fatigue.overtime_max", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.overtime_max), .def = "0.5", .lo = 0, .hi = 2, .unit = "share of normal hours",
      .intervention = 1, .source = "assumption", .text = "Maximum overtime share o_max.",
      .doc = "o_max: most overtime people work. 0: no overtime and no fatigue." },
    { .path = "workforce.fatigue.floor", .kind = SPC_SET_NUMBER, .offset = SC(workforce.phi_min),
      .def = "0.5", .lo = 0, .hi = 1, .lo_open = 1, .unit = "share of productivity", .intervention = 1,
      .source = "assumption", .text = "Floor phi_min of the fatigue productivity factor.",
      .doc = "φ_min: lowest productivity factor fatigue can cause." },
    /* absenteeism (AB1): a group whose presence turns it on */
    { .path = "workforce.absence", .kind = SPC_SET_GROUP, .offset = NOF,
      .present = SC(workforce.absence.enabled), .unit = "", .intervention = 1, .source = "",
      .text = "Absenteeism (AB1); present: on.",
      .doc = "Absenteeism (AB1): present turns it on.",
      .allowed = "see 9.9a" },
    { .path = "workforce.absence.base", .kind = SPC_SET_NUMBER, .offset = SC(workforce.absence.base),
      .def = "0.03", .lo = 0, .hi = 0.5, .unit = "probability per roll call", .intervention = 1,
      .source = "assumption (3% is a common sickness-absence rate)",
      .text = "Absence probability b per roll call (daily by default) at S = mu, F = 1 (AB1).",
      .doc = "Probability of being away for an employee at the reference satisfaction "
            "(`turnover.mean`) and rested (F = 1). 0: nobody is ever away (the roll calls still draw) "
            "(AB1)." },
    { .path = "workforce.absence.w_fatigue", .kind = SPC_SET_NUMBER, .offset = SC(workforce.absence.w_fatigue),
      .def = "1.0", .lo = 0, .hi = 20, .unit = "log-odds per unit of fatigue", .intervention = 1,
      .source = "assumption",
      .text = "Log-odds a_F per unit of fatigue above 1 (AB1).",
      .doc = "a_F: how much fatigue above 1 raises the odds of being away (× e^`w_fatigue` per unit) "
            "(AB1)." },
    { .path = "workforce.absence.w_satisfaction", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.absence.w_satisfaction),
      .def = "0.4", .lo = 0, .hi = 20, .unit = "log-odds per turnover.sd points", .intervention = 1,
      .source = "assumption",
      .text = "Log-odds a_S per sd of satisfaction below mu (AB1).",
      .doc = "a_S: how much satisfaction below `turnover.mean` raises the odds (× e^`w_satisfaction` "
            "per sd) (AB1)." },
    { .path = "workforce.absence.every", .kind = SPC_SET_DURATION, .offset = SC(workforce.absence.every),
      .def = "1d", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit", .intervention = 1,
      .source = "",
      .text = "Time between roll calls.",
      .doc = "Δ_a: time between roll calls: the length of one absence. The first roll call is at time "
            "0 (or at the intervention that turns absence on)." },
    { .path = "workforce.quality", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Errors, rework and internal service quality (Q1)-(Q3).",
      .doc = "Errors, rework and internal service quality (Q1)–(Q3).",
      .allowed = "see 9.9" },
    { .path = "workforce.quality.base_error", .kind = SPC_SET_NUMBER, .offset = SC(workforce.eps0),
      .def = "0.02", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "assumption", .text = "Base error probability eps0 (Q1).",
      .doc = "ε0: error probability at full quality and reference training (Q1)." },
    { .path = "workforce.quality.error_gain", .kind = SPC_SET_NUMBER, .offset = SC(workforce.eps1),
      .def = "0.5", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "assumption", .text = "Gain eps1 of errors on lost quality (Q1).",
      .doc = "ε1: extra error probability per unit of lost quality (time per order below the initial "
            "standard) (Q1)." },
    { .path = "workforce.quality.rework_fraction", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.rework_fraction), .def = "0.5", .lo = 0, .hi = 10, .lo_open = 1,
      .unit = "share of a service", .intervention = 1, .source = "assumption",
      .text = "Work of a rework visit relative to a first visit.",
      .doc = "A rework visit's service time relative to a first visit." },
    { .path = "workforce.quality.on_time_weight", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_on_time), .def = "0.5", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption",
      .text = "Weight of timeliness against accuracy in ISQ (Q2).",
      .doc = "w_ot: weight of timeliness (vs accuracy) in the internal service quality score (Q2)." },
    { .path = "workforce.quality.perception_time", .kind = SPC_SET_NEVER, .offset = SC(workforce.tau_q),
      .def = "2w", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit", .intervention = 1,
      .source = "assumption", .text = "ISQ perception time tau_Q (Q2).",
      .doc = "τ_Q: smoothing time of internal service quality. `\"never\"`: it stays at `isq_ref` "
            "(Q2)." },
    { .path = "workforce.quality.training_effect", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.training_error), .def = "0.1", .lo = 0, .hi = 10, .unit = "per weekly hour",
      .intervention = 1, .source = "assumption",
      .text = "Effect k_H of training on base errors (Q1).",
      .doc = "k_H: how much training above `training_ref` lowers the base error rate "
            "(multiplicatively). Nothing caps the result: training far below the reference with a "
            "large effect can push the error probability to 1 (Q1)." },
    /* ---- customers (docs/model.md 9) ---- */
    { .path = "workforce.pathways", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Pathways from employee satisfaction to customers (V0)-(V5).",
      .doc = "The separate ways an employee's satisfaction reaches customers, each with its switch "
            "(V0–V5). A pathway switched off acts as at the reference satisfaction `workforce.turnover.mean`." },
    { .path = "workforce.pathways.courtesy", .kind = SPC_SET_FLAG, .offset = SC(workforce.pw_on[SPC_PW_COURTESY]),
      .def = "true", .unit = "", .intervention = 1, .source = "switch",
      .text = "false: satisfaction no longer acts through the displayed mood of the front employee in the encounter score (C1).",
      .doc = "`false`: satisfaction no longer acts through the displayed mood of the front employee in the encounter score (C1)." },
    { .path = "workforce.pathways.speed", .kind = SPC_SET_FLAG, .offset = SC(workforce.pw_on[SPC_PW_SPEED]),
      .def = "true", .unit = "", .intervention = 1, .source = "switch",
      .text = "false: satisfaction no longer acts through productivity (V1) and absence (AB1).",
      .doc = "`false`: satisfaction no longer acts through productivity (V1) and absence (AB1)." },
    { .path = "workforce.pathways.accuracy", .kind = SPC_SET_FLAG, .offset = SC(workforce.pw_on[SPC_PW_ACCURACY]),
      .def = "true", .unit = "", .intervention = 1, .source = "switch",
      .text = "false: satisfaction no longer acts through the error probability (V2).",
      .doc = "`false`: satisfaction no longer acts through the error probability (V2)." },
    { .path = "workforce.pathways.continuity", .kind = SPC_SET_FLAG, .offset = SC(workforce.pw_on[SPC_PW_CONTINUITY]),
      .def = "true", .unit = "", .intervention = 1, .source = "switch",
      .text = "false: satisfaction no longer acts through quits (E5), and with them newcomers' learning, errors and lost regulars.",
      .doc = "`false`: satisfaction no longer acts through quits (E5), and with them newcomers' learning, errors and lost regulars." },
    { .path = "workforce.pathways.recovery", .kind = SPC_SET_FLAG, .offset = SC(workforce.pw_on[SPC_PW_RECOVERY]),
      .def = "true", .unit = "", .intervention = 1, .source = "switch",
      .text = "false: satisfaction no longer acts through service recovery after a failed encounter (V5).",
      .doc = "`false`: satisfaction no longer acts through service recovery after a failed encounter (V5)." },
    { .path = "workforce.pathways.w_speed", .kind = SPC_SET_NUMBER, .offset = SC(workforce.w_speed),
      .def = "0.035", .lo = -1, .hi = 1, .unit = "ln productivity per sd", .intervention = 1,
      .source = "derived: Judge et al. 2001 (satisfaction-performance r = .18 observed) with skill_sd .19",
      .text = "Speed: ln productivity per sd of satisfaction above the mean (V1).",
      .doc = "w_v: productivity × e^(w_v z), z = (S − μ)/σ (V1). With the skill spread σ_k this gives "
            "a correlation w_v/√(w_v² + σ_k²) between satisfaction and speed: 0.035 with σ_k = 0.19 "
            "gives .18, the observed satisfaction-performance correlation of Judge et al. (2001)." },
    { .path = "workforce.pathways.w_accuracy", .kind = SPC_SET_NUMBER, .offset = SC(workforce.w_accuracy),
      .def = "0.1", .lo = -2, .hi = 2, .unit = "ln error odds per sd", .intervention = 1,
      .source = "assumption (direction: Heskett et al. 1994; size: no meta-analysis found)",
      .text = "Accuracy: fall of ln error probability per sd of satisfaction (V2).",
      .doc = "w_a: the error probability (Q1) × e^(−w_a z), at most 1 (V2)." },
    { .path = "workforce.pathways.blind_courtesy", .kind = SPC_SET_FLAG,
      .offset = SC(workforce.pw_blind[SPC_PW_COURTESY]), .def = "false", .unit = "", .intervention = 1,
      .source = "switch", .text = "true: the courtesy pathway reads S_cf (V0).",
      .doc = "`true`: the courtesy pathway reads S_cf, not S: the satisfaction the employee would have "
            "had without the changes of the levers (pay, recognition, training hours) made since the start "
            "of the run (V0). `spcsim chain` uses the `blind_` flags to decompose a lever's effect; in a "
            "run without lever changes they change nothing." },
    { .path = "workforce.pathways.blind_speed", .kind = SPC_SET_FLAG,
      .offset = SC(workforce.pw_blind[SPC_PW_SPEED]), .def = "false", .unit = "", .intervention = 1,
      .source = "switch", .text = "true: the speed pathway reads S_cf (V0).",
      .doc = "`true`: the speed pathway reads S_cf, not S (V0)." },
    { .path = "workforce.pathways.blind_accuracy", .kind = SPC_SET_FLAG,
      .offset = SC(workforce.pw_blind[SPC_PW_ACCURACY]), .def = "false", .unit = "", .intervention = 1,
      .source = "switch", .text = "true: the accuracy pathway reads S_cf (V0).",
      .doc = "`true`: the accuracy pathway reads S_cf, not S (V0)." },
    { .path = "workforce.pathways.blind_continuity", .kind = SPC_SET_FLAG,
      .offset = SC(workforce.pw_blind[SPC_PW_CONTINUITY]), .def = "false", .unit = "", .intervention = 1,
      .source = "switch", .text = "true: the continuity pathway reads S_cf (V0).",
      .doc = "`true`: the continuity pathway reads S_cf, not S (V0)." },
    { .path = "workforce.pathways.blind_recovery", .kind = SPC_SET_FLAG,
      .offset = SC(workforce.pw_blind[SPC_PW_RECOVERY]), .def = "false", .unit = "", .intervention = 1,
      .source = "switch", .text = "true: the recovery pathway reads S_cf (V0).",
      .doc = "`true`: the recovery pathway reads S_cf, not S (V0)." },
    { .path = "customers", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "",
      .text = "External customers whose purchases and requests are the orders; present: on.",
      .doc = "External customers whose purchases, inquiries and after-sale requests are the orders; "
            "`customers = { };` enables them with every default.",
      .allowed = "see 11.1",
      .layout = SPC_LAY_BLOCK, .present = SC(customers.enabled) },
    { .path = "customers.market", .kind = SPC_SET_WHOLE, .offset = SC(customers.market), .def = "6000",
      .lo = 1, .hi = 1e8, .unit = "people", .intervention = 0, .source = "scenario",
      .text = "People in the market: prospects, customers and lost customers.",
      .doc = "M: the people of the market (prospects, customers, lost customers). In a company of "
            "units, × the unit's demand factor, rounded (at least 1)." },
    { .path = "customers.initial", .kind = SPC_SET_WHOLE, .offset = SC(customers.initial), .def = "4000",
      .lo = 0, .hi = 1e8, .unit = "people", .intervention = 1, .source = "scenario",
      .text = "Active customers at time 0 (at most the market).",
      .doc = "N0: active customers at time 0 (× the demand factor, rounded, at most the market). "
            "Errors: `must be a whole number of people`, `must not exceed the market`.",
      .allowed = "≤ `market`", .layout = SPC_LAY_JOIN },
    { .path = "customers.front", .kind = SPC_SET_STAGE, .offset = SC(customers.front),
      .computed = "arrivals.entry", .unit = "stage", .intervention = 0, .source = "scenario",
      .text = "The stage whose employees meet customers.",
      .doc = "The stage whose employees meet customers: their satisfaction is the attitude of (C1), "
            "they hear the mirror (M1), and they are the customers' regulars (C8).",
      .allowed = "a stage name", .layout = SPC_LAY_JOIN },
    { .path = "customers.acquisition", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "Acquisition (C6) and referrals (C7).",
      .allowed = "see 11.2" },
    { .path = "customers.acquisition.rate", .kind = SPC_SET_RATE, .offset = SC(customers.acquisition),
      .def = "60/w", .lo = 0, .hi = SPC_RATE_MAX, .unit = "people per time unit", .intervention = 1,
      .source = "scenario", .text = "Acquisition candidates a0 (C6).",
      .doc = "a0: acquisition candidates (Poisson), × the unit's demand factor. Each is accepted with "
            "probability (open share of the market) × e^(−`w_detractors` × detractor share) (C6)." },
    { .path = "customers.acquisition.w_detractors", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.w_detractors), .def = "2.0", .lo = 0, .hi = 100, .unit = "factor",
      .intervention = 1, .source = "concept: TARP; weight: assumption",
      .text = "How the detractor share slows acquisition w_d (C6).",
      .doc = "w_d: how much the share of detractors among active customers slows acquisition (C6)." },
    { .path = "customers.acquisition.referrals", .kind = SPC_SET_NUMBER, .offset = SC(customers.referrals),
      .def = "0.5", .lo = 0, .hi = 100, .unit = "people", .intervention = 1,
      .source = "concept: Reichheld 2003, TARP; size: assumption",
      .text = "Prospects a promoter tells after an encounter rho (C7).",
      .doc = "ρ: mean number of prospects a promoter tells after an encounter (Poisson) (C7)." },
    { .path = "customers.acquisition.conversion", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.conversion), .def = "0.2", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption",
      .text = "Share of those told who become customers c (C7).",
      .doc = "c_v: probability that one told becomes a customer, × the open share of the market (C7)." },
    { .path = "customers.purchases", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Purchase frequency (C5) and inquiries.",
      .allowed = "see 11.3" },
    { .path = "customers.purchases.interval", .kind = SPC_SET_DIST, .offset = SC(customers.interpurchase),
      .computed = "exponential, mean 6w", .unit = "time unit", .intervention = 1, .source = "scenario",
      .text = "Time to the next purchase at U = u_ref (C5).",
      .doc = "X: time from an encounter to the next purchase at U = `retention.reference` (C5).",
      .allowed = "see 3.7" },
    { .path = "customers.purchases.w_frequency", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.w_frequency), .def = "0.2", .lo = -5, .hi = 5, .unit = "per U point",
      .intervention = 1, .source = "assumption", .text = "Purchase rate factor e^(b (U - u_ref)) (C5).",
      .doc = "b: the interval is X × e^(−b (U − `retention.reference`)) (C5)." },
    { .path = "customers.purchases.inquiry", .kind = SPC_SET_NUMBER, .offset = SC(customers.inquiry_prob),
      .def = "0.0", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "Probability that a purchase starts with a pre-sale inquiry.",
      .doc = "q_I: a purchase starts with a pre-sale inquiry; when that is delivered the purchase is "
            "placed." },
    { .path = "customers.purchases.inquiry_stage", .kind = SPC_SET_STAGE,
      .offset = SC(customers.inquiry_stage), .computed = "customers.front", .unit = "stage",
      .intervention = 1, .source = "scenario", .text = "The stage that handles inquiries.",
      .doc = "Where inquiries are served (one stage, then they end).",
      .allowed = "a stage name" },
    { .path = "customers.purchases.inquiry_work", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.inquiry_work), .def = "0.5", .lo = 0, .hi = 100, .lo_open = 1,
      .unit = "ratio", .intervention = 1, .source = "assumption",
      .text = "Service time factor of an inquiry at its stage.",
      .doc = "An inquiry's service time factor at its stage." },
    { .path = "customers.aftersale", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "After-sale requests (C9).",
      .allowed = "see 11.4" },
    { .path = "customers.aftersale.stage", .kind = SPC_SET_STAGE, .offset = SC(customers.aftersale_stage),
      .computed = "customers.front", .unit = "stage", .intervention = 1, .source = "scenario",
      .text = "The stage that handles after-sale requests.",
      .doc = "Where after-sale requests are served (one stage, then they end).",
      .allowed = "a stage name" },
    { .path = "customers.aftersale.work", .kind = SPC_SET_NUMBER, .offset = SC(customers.aftersale_work),
      .def = "1.0", .lo = 0, .hi = 100, .lo_open = 1, .unit = "ratio", .intervention = 1,
      .source = "assumption", .text = "Service time factor of an after-sale request at its stage.",
      .doc = "A request's service time factor." },
    { .path = "customers.aftersale.base", .kind = SPC_SET_NUMBER, .offset = SC(customers.claim_base),
      .def = "0.02", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "After-sale request after an order without an escaped defect (C9).",
      .doc = "p_0: a request after a delivered purchase without an escaped defect (a service request: "
            "`finance.service_fee`) (C9)." },
    { .path = "customers.aftersale.defect", .kind = SPC_SET_NUMBER, .offset = SC(customers.claim_defect),
      .def = "0.6", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "After-sale request after an order with an escaped defect (C9).",
      .doc = "p_D: a request after a delivered purchase with an escaped defect (a claim: "
            "`finance.refund`) (C9)." },
    { .path = "customers.aftersale.delay", .kind = SPC_SET_DIST, .offset = SC(customers.claim_delay),
      .computed = "exponential, mean 1w", .unit = "time unit", .intervention = 1, .source = "assumption",
      .text = "Time from the order to the after-sale request.",
      .doc = "From the delivery to the request.",
      .allowed = "see 3.7" },
    { .path = "customers.aftersale.expectation", .kind = SPC_SET_DURATION,
      .offset = SC(customers.request_expect),
      .computed = "2 x aftersale.work x the mean service time of the after-sale stage",
      .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit", .intervention = 1, .source = "assumption",
      .text = "Expected lead time of inquiries and after-sale requests.",
      .doc = "E_req: the lead time inquiries and requests are judged against in (C1)." },
    { .path = "customers.satisfaction", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "",
      .text = "Encounter score (C1), satisfaction (C2), expectation (C3).",
      .allowed = "see 11.5" },
    { .path = "customers.satisfaction.initial_mean", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.u_init), .def = "7.5", .lo = 0, .hi = 10, .unit = "U points 0-10",
      .intervention = 1, .source = "assumption", .text = "Mean satisfaction of a new customer.",
      .doc = "U_init: mean of a new customer's satisfaction U ~ N(`initial_mean`, `initial_sd`), "
            "clamped to [0, 10].",
      PLAUSIBLE_LEVEL_10 },
    { .path = "customers.satisfaction.initial_sd", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.u_init_sd), .def = "1.0", .lo = 0, .hi = 5, .unit = "U points",
      .intervention = 1, .source = "assumption", .text = "Sd of the satisfaction of a new customer.",
      .doc = "σ_U: its standard deviation." },
    { .path = "customers.satisfaction.expectation", .kind = SPC_SET_DURATION,
      .offset = SC(customers.expect_init), .computed = "twice the sum of the stages' mean service times",
      .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit", .intervention = 1, .source = "assumption",
      .text = "Expected lead time of a new customer.",
      .doc = "E_init: a new customer's expected lead time of a purchase." },
    { .path = "customers.satisfaction.base", .kind = SPC_SET_NUMBER, .offset = SC(customers.s0),
      .def = "8.5", .lo = 0, .hi = 10, .unit = "U points 0-10", .intervention = 1, .source = "assumption",
      .text = "Score s0 of an on-time, defect-free encounter (C1).",
      .doc = "s0: the score of a delivered order within expectation, without defect, at the reference "
            "attitude (C1).",
      PLAUSIBLE_LEVEL_10 },
    { .path = "customers.satisfaction.w_wait", .kind = SPC_SET_NUMBER, .offset = SC(customers.w_wait),
      .def = "1.5", .lo = 0, .hi = 100, .unit = "U points per unit ln", .intervention = 1,
      .source = "form: Maister 1985; weight: assumption",
      .text = "Weight w_L of ln(lead time / expectation) (C1).",
      .doc = "w_L: − `w_wait` × ln(lead time / expectation) when the lead time exceeds the expectation "
            "(C1)." },
    { .path = "customers.satisfaction.w_defect", .kind = SPC_SET_NUMBER, .offset = SC(customers.w_defect),
      .def = "3.0", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1, .source = "assumption",
      .text = "Penalty w_D of an escaped defect (C1).",
      .doc = "w_D: − `w_defect` when the delivered order carries an escaped defect (C1)." },
    { .path = "customers.satisfaction.w_attitude", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.w_attitude), .def = "0.5", .lo = 0, .hi = 10,
      .unit = "U points per 10 points", .intervention = 1,
      .source = "link: Brown & Lam 2008, Heskett et al. 1994; weight: assumption",
      .text = "Weight w_A of the front employee's satisfaction (C1).",
      .doc = "w_A: + `w_attitude` × (S − `attitude_ref`)/10, S the satisfaction of the employee who "
            "holds the order's front position (no term without a workforce) (C1)." },
    { .path = "customers.satisfaction.attitude_ref", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.attitude_ref), .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100",
      .intervention = 1, .source = "assumption",
      .text = "Employee satisfaction at which the attitude term is 0 (C1).",
      .doc = "The employee satisfaction at which the attitude term is 0 (C1).",
      PLAUSIBLE_LEVEL_100 },
    { .path = "customers.satisfaction.lost", .kind = SPC_SET_NUMBER, .offset = SC(customers.score_lost),
      .def = "2.0", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1, .source = "assumption",
      .text = "Score of an abandoned, balked or blocked order (C1).",
      .doc = "s_lost: the score of an abandoned, balked or blocked order (C1)." },
    { .path = "customers.satisfaction.noise", .kind = SPC_SET_NUMBER, .offset = SC(customers.score_sd),
      .def = "1.0", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1, .source = "assumption",
      .text = "Sd of the noise of one encounter's score (C1).",
      .doc = "σ_s: sd of the noise of each score (C1)." },
    { .path = "customers.satisfaction.heterogeneity", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.heterogeneity), .def = "1.0", .lo = 0, .hi = 10, .unit = "U points",
      .intervention = 1, .source = "assumption",
      .text = "Sd of each customer's personal offset to every score.",
      .doc = "σ_b: sd of each customer's personal offset, added to every score of a delivered order." },
    { .path = "customers.satisfaction.learn", .kind = SPC_SET_NUMBER, .offset = SC(customers.learn),
      .def = "0.3", .lo = 0, .hi = 1, .lo_open = 1, .unit = "share 0-1", .intervention = 1,
      .source = "assumption", .text = "Weight of the last encounter in satisfaction (C2).",
      .doc = "κ: U moves this share of the way to each score (C2)." },
    { .path = "customers.satisfaction.expectation_learn", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.expect_learn), .def = "0.1", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption",
      .text = "Weight of the last lead time in the expectation (C3).",
      .doc = "κ_E: the expectation moves this share of the way to each delivered purchase's lead time "
            "(C3)." },
    { .path = "customers.relationship", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "The regular front-line employee (C8).",
      .allowed = "see 11.6" },
    { .path = "customers.relationship.enabled", .kind = SPC_SET_FLAG, .offset = SC(customers.relationship),
      .def = "false", .unit = "", .intervention = 1, .source = "an insurer's figure (reported with Heskett et al. 1994)",
      .text = "Customers keep a regular front-line employee.",
      .doc = "Customers keep a regular front-line employee (needs a workforce to have an effect)." },
    { .path = "customers.relationship.loss", .kind = SPC_SET_NUMBER, .offset = SC(customers.regular_loss),
      .def = "1.5", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1,
      .source = "concept: an insurer (75% to 55% satisfied, reported with Heskett et al. 1994); size: assumption",
      .text = "Points lost when the regular employee has left (C8).",
      .doc = "ℓ: taken from U when the customer finds their regular has left the company (C8)." },
    { .path = "customers.retention", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Retention (C4).",
      .allowed = "see 11.7" },
    { .path = "customers.retention.r0", .kind = SPC_SET_NUMBER, .offset = SC(customers.r0), .def = "1.156",
      .lo = -20, .hi = 20, .unit = "log-odds", .intervention = 1,
      .source = "assumption; shape: Xerox (reported with Heskett et al. 1994)", .text = "Retention intercept r0 (C4).",
      .doc = "After every encounter (but a delivered inquiry) the customer stays with probability 1/(1 "
            "+ e^−(`r0` + `r1` (U − `reference`))) (C4)." },
    { .path = "customers.retention.r1", .kind = SPC_SET_NUMBER, .offset = SC(customers.r1), .def = "0.578",
      .lo = -10, .hi = 10, .unit = "log-odds per U point", .intervention = 1,
      .source = "assumption; shape: Xerox (reported with Heskett et al. 1994)", .text = "Retention slope r1 (C4).",
      .doc = "r1: slope of the retention logit per U point (C4)." },
    { .path = "customers.retention.reference", .kind = SPC_SET_NUMBER, .offset = SC(customers.u_ref),
      .def = "7.0", .lo = 0, .hi = 10, .unit = "U points 0-10", .intervention = 1, .source = "assumption",
      .text = "Reference satisfaction u_ref of (C4) and (C5).",
      .doc = "U_ref: reference of retention and of the purchase interval (11.3) (C4), (C5).",
      PLAUSIBLE_LEVEL_10 },
    { .path = "customers.recovery", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Service recovery after a failed encounter (V5).",
      .doc = "When an encounter went wrong (an escaped defect, or a longer wait than expected), the "
            "front employee may recover it (V5)." },
    { .path = "customers.recovery.base", .kind = SPC_SET_NUMBER, .offset = SC(customers.rec_base),
      .def = "0.3", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "assumption (TARP: well-handled complaints keep 54-95% of complainers)",
      .text = "Probability p0 of recovering a failure at the reference satisfaction (V5).",
      .doc = "p0: probability that the front employee recovers a failed encounter when their "
            "satisfaction is at `workforce.turnover.mean` (V5). 0: no recovery." },
    { .path = "customers.recovery.w_satisfaction", .kind = SPC_SET_NUMBER, .offset = SC(customers.rec_w),
      .def = "0.5", .lo = -10, .hi = 10, .unit = "log-odds per sd", .intervention = 1,
      .source = "assumption (direction: TARP; Heskett et al. 1994)",
      .text = "Log-odds of recovery per sd of the front employee's satisfaction (V5).",
      .doc = "w_r: p = 1/(1 + e^−(logit p0 + w_r z)), z the front employee's standardised "
            "satisfaction (V5)." },
    { .path = "customers.recovery.restore", .kind = SPC_SET_NUMBER, .offset = SC(customers.rec_restore),
      .def = "0.5", .lo = 0, .hi = 1.5, .unit = "share of the points lost", .intervention = 1,
      .source = "assumption (de Matos, Henrique & Rossi 2007: recovery raises satisfaction; above 1 is "
                "the recovery paradox)",
      .text = "Share of the failure's score points a recovery gives back (V5).",
      .doc = "g: a recovered encounter gets back g × the points the wait and the defect took from its "
            "score (V5)." },
    { .path = "customers.survey", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Surveys (C10).",
      .allowed = "see 11.8" },
    { .path = "customers.survey.response_rate", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.response_rate), .def = "0.1", .lo = 0, .hi = 1, .lo_open = 1,
      .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "Probability that a customer answers the survey of an encounter (C10).",
      .doc = "p_r: after every encounter the customer answers the survey with this probability (C10)." },
    { .path = "customers.survey.noise", .kind = SPC_SET_NUMBER, .offset = SC(customers.response_sd),
      .def = "0.5", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1, .source = "assumption",
      .text = "Sd of the noise of a survey answer.",
      .doc = "σ_r: sd of the answers' noise Z: recommend = round(U + Z) in 0 … 10, satisfaction = "
            "round(1 + 0.4 (U + Z)) in 1 … 5." },
    { .path = "customers.product", .kind = SPC_SET_GROUP, .offset = NOF, .present = SC(customers.product),
      .unit = "", .intervention = 1, .source = "",
      .text = "Product quality, apart from the service (PQ1)-(PQ2); present: on.",
      .doc = "The core product's own quality (PQ1)-(PQ2): present turns it on.", .allowed = "see 11.8a" },
    { .path = "customers.product.defect", .kind = SPC_SET_NUMBER, .offset = SC(customers.prod_defect),
      .def = "0.02", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "Probability that a delivered purchase's product is faulty (PQ1).",
      .doc = "p_p: a delivered purchase's product is faulty with this probability, whatever the service; a "
            "faulty product takes `w_defect` points from the score and brings an after-sale claim with "
            "probability `customers.aftersale.defect` (PQ1)." },
    { .path = "customers.product.w_defect", .kind = SPC_SET_NUMBER, .offset = SC(customers.prod_w),
      .def = "3.0", .lo = 0, .hi = 10, .unit = "score points", .intervention = 1,
      .source = "assumption (as a service defect, `customers.satisfaction.w_defect`)",
      .text = "Score points a faulty product takes (PQ1).",
      .doc = "w_p: taken from the encounter score of a purchase whose product is faulty (PQ1)." },
    { .path = "customers.product.value", .kind = SPC_SET_NUMBER, .offset = SC(customers.prod_value),
      .def = "0", .lo = -5, .hi = 5, .unit = "score points", .intervention = 1,
      .source = "assumption (perceived value: Zeithaml 1988; Cronin, Brady & Hult 2000)",
      .text = "Value for money against the market, added to every delivered purchase's score (PQ1).",
      .doc = "v: the product's value for money against what the market offers, in score points: added to "
            "every delivered purchase's score (PQ1) and, through `w_retention`, to the retention decision "
            "(PQ2). 0: as the market." },
    { .path = "customers.product.w_retention", .kind = SPC_SET_NUMBER, .offset = SC(customers.prod_r),
      .def = "0.3", .lo = 0, .hi = 10, .unit = "log-odds per point", .intervention = 1,
      .source = "assumption (direction: value drives intentions beyond satisfaction, Cronin, Brady & Hult 2000)",
      .text = "Log-odds of staying per point of value for money (PQ2).",
      .doc = "r_v: the retention logit gains r_v v (PQ2): a poor product loses customers even when the "
            "service satisfies them." },
    { .path = "customers.reviews", .kind = SPC_SET_GROUP, .offset = NOF, .present = SC(customers.reviews),
      .unit = "", .intervention = 1, .source = "",
      .text = "Public reviews and the rating prospects see (R1)-(R4); present: on.",
      .doc = "Public reviews (R1)-(R4): present turns them on.", .allowed = "see 11.8b" },
    { .path = "customers.reviews.low", .kind = SPC_SET_NUMBER, .offset = SC(customers.rev_low),
      .def = "0.05", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "assumption (shape: reviews come mostly from extreme experiences, Hu, Pavlou & Zhang 2009)",
      .text = "Probability that a 1-2 star encounter becomes a public review (R1).",
      .doc = "p_low: an encounter whose score gives 1 or 2 stars (round(1 + 0.4 s)) becomes a public review "
            "with this probability (R1)." },
    { .path = "customers.reviews.mid", .kind = SPC_SET_NUMBER, .offset = SC(customers.rev_mid),
      .def = "0.005", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "assumption (Hu, Pavlou & Zhang 2009)",
      .text = "Probability that a 3-4 star encounter becomes a public review (R1).",
      .doc = "p_mid: the same for 3 or 4 stars (R1)." },
    { .path = "customers.reviews.high", .kind = SPC_SET_NUMBER, .offset = SC(customers.rev_high),
      .def = "0.02", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "assumption (Hu, Pavlou & Zhang 2009; TARP: unhappy customers tell more than happy ones)",
      .text = "Probability that a 5-star encounter becomes a public review (R1).",
      .doc = "p_high: the same for 5 stars (R1)." },
    { .path = "customers.reviews.half_life", .kind = SPC_SET_DURATION, .offset = SC(customers.rev_half_life),
      .def = "26w", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time", .intervention = 1,
      .source = "assumption (review sites weigh recent reviews more)",
      .text = "Time in which a review's weight in the rating halves (R2).",
      .doc = "h: a review's weight in the public rating is 2^(−age/h) (R2)." },
    { .path = "customers.reviews.lag", .kind = SPC_SET_DURATION, .offset = SC(customers.rev_lag),
      .def = "4w", .lo = 0, .hi = SPC_DURATION_MAX, .unit = "time", .intervention = 1, .source = "assumption",
      .text = "Time constant of the rating prospects see (R3).",
      .doc = "τ_R: prospects see the rating through a first-order delay of this time constant (R3); 0: at "
            "once." },
    { .path = "customers.reviews.w_rating", .kind = SPC_SET_NUMBER, .offset = SC(customers.rev_w),
      .def = "0.068", .lo = -5, .hi = 5, .unit = "log-factor per star", .intervention = 1,
      .source = "Luca 2016 (one Yelp star: revenue +5-9%; ln 1.07), as a factor on new customers",
      .text = "Log-factor of the base acquisition's acceptance per star of the seen rating (R4).",
      .doc = "w_R: the base acquisition (C6) accepts a candidate with its probability times "
            "e^(w_R (R_seen − R_ref)), at most 1 (R4)." },
    { .path = "customers.reviews.reference", .kind = SPC_SET_NUMBER, .offset = SC(customers.rev_ref),
      .def = "4.0", .lo = 1, .hi = 5, .unit = "stars 1-5", .intervention = 1, .source = "assumption",
      .text = "Rating at which acquisition is as declared (R4); also the prior's rating (R2).",
      .doc = "R_ref: the rating at which the factor of (R4) is 1, and the prior rating of (R2).",
      PLAUSIBLE_LEVEL_STARS },
    { .path = "customers.reviews.prior", .kind = SPC_SET_NUMBER, .offset = SC(customers.rev_prior),
      .def = "5", .lo = 0, .hi = 1e6, .unit = "reviews", .intervention = 1, .source = "assumption",
      .text = "Weight of the reference rating in the public rating, in reviews (R2).",
      .doc = "m: the rating is (Σ w_i stars_i + m R_ref) / (Σ w_i + m), so that a handful of reviews does not "
            "swing it (R2)." },
    { .path = "customers.competitor", .kind = SPC_SET_GROUP, .offset = NOF, .present = SC(customers.competitor),
      .unit = "", .intervention = 1, .source = "",
      .text = "A competitor that raises the bar (CP1)-(CP4); present: on.",
      .doc = "A competitor whose standard improves over time (CP1)-(CP4): present turns it on.",
      .allowed = "see 11.8c" },
    { .path = "customers.competitor.lead", .kind = SPC_SET_DURATION, .offset = SC(customers.comp_lead),
      .computed = "customers.satisfaction.expectation", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1,
      .unit = "time unit", .intervention = 1, .source = "scenario",
      .text = "The competitor's lead time of a purchase at the start (CP1).",
      .doc = "L_c0: the competitor's lead time at time 0 (CP1); by default the customers' initial "
            "expectation, so that at the start the competitor is as good as expected." },
    { .path = "customers.competitor.improve", .kind = SPC_SET_NUMBER, .offset = SC(customers.comp_improve),
      .def = "0.1", .lo = -5, .hi = 5, .unit = "per year", .intervention = 1, .source = "scenario (assumption)",
      .text = "Rate at which the competitor's lead time falls, per year (CP1).",
      .doc = "g: L_c(t) = L_c0 e^(−g t / year) (CP1); 0: the competitor stands still." },
    { .path = "customers.competitor.pull", .kind = SPC_SET_NUMBER, .offset = SC(customers.comp_pull),
      .def = "0.05", .lo = 0, .hi = 1, .unit = "share 0-1", .intervention = 1,
      .source = "assumption (expectations follow the best service customers know: Zeithaml, Berry & Parasuraman 1993)",
      .text = "Share of the way a customer's expectation moves to the competitor's lead time per purchase (CP2).",
      .doc = "κ_c: after every delivered purchase the expectation also moves this share of the way to "
            "L_c(t) (CP2)." },
    { .path = "customers.competitor.quality", .kind = SPC_SET_NUMBER, .offset = SC(customers.comp_quality),
      .def = "0", .lo = -10, .hi = 10, .unit = "score points per year", .intervention = 1,
      .source = "scenario (assumption)",
      .text = "Rise of the quality bar the competitor sets, in score points per year (CP3).",
      .doc = "q: every delivered purchase's score is judged against a bar that rises q points a year: s ← s − "
            "q t / year (CP3)." },
    { .path = "customers.competitor.w_switch", .kind = SPC_SET_NUMBER, .offset = SC(customers.comp_switch),
      .def = "0.5", .lo = 0, .hi = 10, .unit = "log-odds per ln", .intervention = 1, .source = "assumption",
      .text = "Log-odds of leaving for the competitor per unit of ln(lead time / the competitor's) (CP4).",
      .doc = "w_s: after a delivered purchase the retention logit loses w_s max(0, ln(L / L_c(t))) (CP4)." },
    { .path = "customers.transparency", .kind = SPC_SET_GROUP, .offset = NOF,
      .present = SC(customers.transparency), .unit = "", .intervention = 1, .source = "",
      .text = "Telling customers where they stand (TR1)-(TR3); present: on.",
      .doc = "Announced delivery times and updates when late (TR1)-(TR3): present turns it on.",
      .allowed = "see 11.8d" },
    { .path = "customers.transparency.share", .kind = SPC_SET_NUMBER, .offset = SC(customers.tr_share),
      .def = "1.0", .lo = 0, .hi = 1, .unit = "share 0-1", .intervention = 1, .source = "scenario",
      .text = "Share of purchases whose customer is told a delivery time (TR1).",
      .doc = "a: each purchase is announced with this probability (TR1)." },
    { .path = "customers.transparency.margin", .kind = SPC_SET_NUMBER, .offset = SC(customers.tr_margin),
      .def = "1.2", .lo = 0.1, .hi = 10, .unit = "factor", .intervention = 1, .source = "scenario (assumption)",
      .text = "Announced lead time over the company's estimate (TR1).",
      .doc = "m_a: the announced lead time is m_a × L̂, L̂ the company's running estimate (TR1)." },
    { .path = "customers.transparency.learn", .kind = SPC_SET_NUMBER, .offset = SC(customers.tr_learn),
      .def = "0.05", .lo = 0, .hi = 1, .lo_open = 1, .unit = "share 0-1", .intervention = 1,
      .source = "assumption",
      .text = "Weight of the latest delivered lead time in the company's estimate (TR1).",
      .doc = "β: L̂ ← L̂ + β (L − L̂) at every delivered purchase; L̂ starts at the customers' initial "
            "expectation (TR1)." },
    { .path = "customers.transparency.update", .kind = SPC_SET_NUMBER, .offset = SC(customers.tr_update),
      .def = "0.9", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "scenario",
      .text = "Probability that the customer of an order running late is told in time (TR3).",
      .doc = "p_u: an announced order still undelivered at its announced time is detected and its customer "
            "updated with this probability (TR3)." },
    { .path = "customers.transparency.promise", .kind = SPC_SET_NUMBER, .offset = SC(customers.tr_promise),
      .def = "0.5", .lo = 0, .hi = 5, .unit = "factor", .intervention = 1, .source = "assumption",
      .text = "Weight of a promise longer than the customer expected, relative to a late delivery (TR2).",
      .doc = "a_p: an announcement Â above the customer's expectation E costs a_p w_L ln(Â/E) points (TR2)." },
    { .path = "customers.transparency.explained", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.tr_explained), .def = "0.3", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption (Maister 1985: explained waits feel shorter than unexplained ones)",
      .text = "How much lighter a delay past the announced time weighs when the customer was told in time (TR3).",
      .doc = "r_e: a late announced order whose customer was updated in time costs (1 − r_e) w_L ln(L/Â) "
            "(TR3)." },
    { .path = "customers.transparency.unexplained", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.tr_unexplained), .def = "0.5", .lo = 0, .hi = 10, .unit = "factor",
      .intervention = 1, .source = "assumption (Maister 1985: unexplained, uncertain waits feel longer)",
      .text = "Extra weight of a broken promise that nobody explained (TR3).",
      .doc = "u: a late announced order whose customer was not updated is judged against their own "
            "expectation E and costs (1 + u) w_L ln(L/E) (TR3)." },
    { .path = "customers.transparency.cost", .kind = SPC_SET_NUMBER, .offset = SC(customers.tr_cost),
      .def = "0.1", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1,
      .source = "assumption (self-service channels about 0.10 a contact: Gartner 2019, secondary)",
      .text = "Cost of one announcement (TR1).",
      .doc = "c_a: the ledger's contact costs gain c_a per announcement (TR1)." },
    { .path = "customers.transparency.update_cost", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.tr_update_cost), .def = "2.0", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency",
      .intervention = 1, .source = "assumption",
      .text = "Cost of one update to a customer whose order runs late (TR3).",
      .doc = "c_u: the ledger's contact costs gain c_u per update (TR3)." },
    { .path = "customers.accessibility", .kind = SPC_SET_GROUP, .offset = NOF,
      .present = SC(customers.accessibility), .unit = "", .intervention = 1, .source = "",
      .text = "Proactive service: the company contacts customers about problems first (AC1)-(AC2); present: on.",
      .doc = "Proactive service (AC1)-(AC2): present turns it on.", .allowed = "see 11.8e" },
    { .path = "customers.accessibility.detect", .kind = SPC_SET_NUMBER, .offset = SC(customers.ac_detect),
      .def = "0.5", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "scenario",
      .text = "Probability that the company detects a failed delivery and reaches the customer first (AC1).",
      .doc = "p_d: a delivered purchase that failed (an escaped defect, or later than expected) and that "
            "the front employee did not recover (V5) is reached proactively with this probability (AC1)." },
    { .path = "customers.accessibility.restore", .kind = SPC_SET_NUMBER, .offset = SC(customers.ac_restore),
      .def = "0.7", .lo = 0, .hi = 1.5, .unit = "share of the points lost", .intervention = 1,
      .source = "assumption (TARP: problems resolved quickly keep most customers)",
      .text = "Share of the failure's points a proactive contact gives back (AC1).",
      .doc = "g_p: a proactive contact gives back g_p × the points the failure took (AC1)." },
    { .path = "customers.accessibility.cost", .kind = SPC_SET_NUMBER, .offset = SC(customers.ac_cost),
      .def = "8.0", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1,
      .source = "assumption (live channels about 8 a contact: Gartner 2019, secondary)",
      .text = "Cost of one proactive contact, replacement included (AC2).",
      .doc = "c_p: the ledger's contact costs gain c_p per proactive contact; a reached escaped defect is "
            "replaced, so it brings no claim and no refund (AC2)." },
    { .path = "customers.scorecard", .kind = SPC_SET_GROUP, .offset = NOF, .present = SC(customers.scorecard),
      .unit = "", .intervention = 1, .source = "",
      .text = "The five standards of customer service as a scorecard (SC1)-(SC5); present: on.",
      .doc = "The standards scorecard (SC1)-(SC5): present turns it on (outputs only: it changes no outcome).",
      .allowed = "see 11.8f" },
    { .path = "customers.scorecard.on_time", .kind = SPC_SET_NUMBER, .offset = SC(customers.sc_margin),
      .def = "1.0", .lo = 0, .hi = 100, .lo_open = 1, .unit = "factor", .intervention = 1, .source = "scenario",
      .text = "A delivery is on time when its lead time is at most this factor times the promise (SC1).",
      .doc = "m_s: on time means L ≤ m_s × the promise (the announced time with transparency, else the "
            "customer's expectation) (SC1)." },
    { .path = "customers.channels", .kind = SPC_SET_GROUP, .offset = NOF, .present = SC(customers.channels),
      .unit = "", .intervention = 1, .source = "",
      .text = "Channels: in person, phone, written, self-service, with opening hours (CH1)-(CH6); present: on.",
      .doc = "Contact channels (CH1)-(CH6): present turns them on.", .allowed = "see 11.8g" },
    { .path = "customers.channels.wait", .kind = SPC_SET_NUMBER, .offset = SC(customers.ch_wait), .def = "0.6",
      .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "Probability that a contact outside opening hours waits for the channel to open (CH4).",
      .doc = "q_w: a contact arriving while its channel is closed waits for the opening (CH4)." },
    { .path = "customers.channels.switch", .kind = SPC_SET_NUMBER, .offset = SC(customers.ch_switch),
      .def = "0.3", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "Probability that a contact outside opening hours that does not wait switches channel (CH4).",
      .doc = "q_s: one that does not wait switches to a channel open now, drawn by the weights of (CH1) "
            "(with none open it waits after all); the rest, (1 − q_w)(1 − q_s), give up (CH4)." },
    { .path = "customers.channels.penalty", .kind = SPC_SET_NUMBER, .offset = SC(customers.ch_penalty),
      .def = "1.0", .lo = 0, .hi = 10, .unit = "points 0-10", .intervention = 1, .source = "assumption",
      PLAUSIBLE_LEVEL_10,
      .text = "Points a failed self-service try takes from the encounter that follows it (CH5).",
      .doc = "δ: an escalated contact's encounter score loses δ: the customer remembers the failed "
            "try (CH5)." },
    { .path = "customers.channels.person", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "Contacts in person (at the counter, the door).",
      .allowed = "see 11.8g" },
    CHANNEL_SHARES("person", 0, "0.4", "0.2", "0.2", "in person"),
    CHANNEL_STAFFED("person", 0, "1h"),
    CHANNEL_HOURS("person", 0, "8.0", "assumption (live channels about 8 a contact: Gartner 2019, secondary)"),
    { .path = "customers.channels.phone", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "Contacts by phone.", .allowed = "see 11.8g" },
    CHANNEL_SHARES("phone", 1, "0.2", "0.4", "0.4", "by phone"),
    CHANNEL_STAFFED("phone", 1, "1h"),
    CHANNEL_HOURS("phone", 1, "8.0", "assumption (live channels about 8 a contact: Gartner 2019, secondary)"),
    { .path = "customers.channels.written", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "Written contacts: email, chat, social media.",
      .allowed = "see 11.8g" },
    CHANNEL_SHARES("written", 2, "0.2", "0.3", "0.3", "in writing (email, chat, social media)"),
    CHANNEL_STAFFED("written", 2, "1d"),
    CHANNEL_HOURS("written", 2, "8.0", "assumption (live channels about 8 a contact: Gartner 2019, secondary)"),
    { .path = "customers.channels.self", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "Self-service: automated, no employee.", .allowed = "see 11.8g" },
    CHANNEL_SHARES("self", 3, "0.2", "0.1", "0.1", "through self-service"),
    { .path = "customers.channels.self.resolution", .kind = SPC_SET_NUMBER, .offset = SC(customers.ch_resolution),
      .def = "0.09", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "Gartner 2019, secondary (about 9% of customers fully resolve an issue in self-service)",
      .text = "Probability that a self-service try resolves the contact (CH5).",
      .doc = "ρ: a self-service try resolves the contact at once; the rest escalate to a staffed channel "
            "(CH5)." },
    CHANNEL_HOURS("self", 3, "0.1", "Gartner 2019, secondary (about 0.10 a self-service contact)"),
    /* ---- finance (docs/model.md 10) ---- */
    { .path = "finance", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "all defaults, with customers",
      .unit = "", .intervention = 1, .source = "", .text = "Prices and costs of the ledger; needs customers.",
      .doc = "Prices and costs of the ledger; needs `customers`.",
      .allowed = "see 11.9",
      .present = SC(customers.enabled) },
    { .path = "finance.price", .kind = SPC_SET_NUMBER, .offset = SC(finance.price), .def = "100.0",
      .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1, .source = "scenario",
      .text = "Price of one purchase.",
      .doc = "Revenue per delivered purchase." },
    { .path = "finance.service_fee", .kind = SPC_SET_NUMBER, .offset = SC(finance.service_fee),
      .def = "0.0", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1, .source = "scenario",
      .text = "Fee of a service request.",
      .doc = "f_s: revenue per service request (after-sale, no defect)." },
    { .path = "finance.cogs", .kind = SPC_SET_NUMBER, .offset = SC(finance.cogs), .def = "50.0",
      .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1, .source = "scenario",
      .text = "Cost of goods sold per purchase.",
      .doc = "c_g: cost of goods per delivered purchase." },
    { .path = "finance.overtime_premium", .kind = SPC_SET_NUMBER, .offset = SC(finance.overtime_premium),
      .def = "1.5", .lo = 0, .hi = 10, .unit = "ratio", .intervention = 1, .source = "assumption",
      .text = "Overtime pay per overtime hour, relative to the base rate.",
      .doc = "π_o: overtime is paid this multiple of the base rate (`salary` × `pay` / year)." },
    { .path = "finance.hiring_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.hiring_cost),
      .def = "3000.0", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1,
      .source = "assumption", .text = "Cost of one hire.",
      .doc = "c_h: per hire (not the initial staff)." },
    { .path = "finance.rework_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.rework_cost),
      .def = "10.0", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1,
      .source = "assumption", .text = "Cost of a rework visit.",
      .doc = "c_rw: per order sent back for rework." },
    { .path = "finance.refund", .kind = SPC_SET_NUMBER, .offset = SC(finance.refund), .def = "60.0",
      .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1, .source = "assumption",
      .text = "Refund of a claim (after-sale request after an escaped defect).",
      .doc = "c_rf: per claim (after-sale request caused by an escaped defect)." },
    { .path = "finance.acquisition_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.acquisition_cost),
      .def = "150.0", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1,
      .source = "concept: acquiring costs 3-10x keeping (a rule of thumb); value: assumption",
      .text = "Cost of acquiring one customer.",
      .doc = "c_a: per customer won by acquisition." },
    { .path = "finance.referral_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.referral_cost),
      .def = "20.0", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency", .intervention = 1,
      .source = "assumption", .text = "Cost of a referred customer.",
      .doc = "c_r: per customer won by referral." },
    { .path = "finance.recognition_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.recognition_cost),
      .def = "0.0", .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency per employee and year", .intervention = 1,
      .source = "scenario (never fitted to an outcome: the Sears scenarios price it at about 2% of a "
                "salary at R = 1, the order of recognition budgets in practitioner surveys)",
      .text = "Cost per employee and year per unit of the recognition lever.",
      .doc = "c_R: the recognition programme: × `workforce.levers.recognition` × employee-years." },
    { .path = "finance.fixed", .kind = SPC_SET_RATE, .offset = SC(finance.fixed), .def = "0",
      .lo = 0, .hi = SPC_AMOUNT_MAX, .unit = "currency per time unit", .intervention = 1, .source = "scenario",
      .text = "Fixed cost per time unit (e.g. \"45000/w\").",
      .doc = "Fixed cost, e.g. `\"45000/w\"`.", .layout = SPC_LAY_BREAK },
    { .path = "finance.discount_rate", .kind = SPC_SET_NUMBER, .offset = SC(finance.discount_rate),
      .def = "0.1", .lo = 0, .hi = 10, .unit = "per clv_period", .intervention = 1, .source = "assumption",
      .text = "Discount rate i of the customer lifetime value (C12).",
      .doc = "i of the customer lifetime value (C12)." },
    { .path = "finance.clv_period", .kind = SPC_SET_DURATION, .offset = SC(finance.clv_period),
      .def = "365d", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit", .intervention = 1,
      .source = "", .text = "Period of the discount rate.",
      .doc = "P_clv: the period of `discount_rate`." },
    { .path = "finance.clv_horizon", .kind = SPC_SET_DURATION, .offset = SC(finance.clv_horizon),
      .computed = "three years (3 x 365d)", .lo = 0, .hi = SPC_DURATION_MAX, .lo_open = 1, .unit = "time unit",
      .intervention = 0, .source = "assumption", .text = "Horizon of the customer lifetime value (C12).",
      .doc = "H_clv: how long after acquisition a customer's purchases count in `clv`; only customers "
            "acquired at least this long before the horizon are counted (C12)." },
    /* ---- units (docs/model.md 11) ---- */
    { .path = "units", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "one unit", .unit = "",
      .intervention = 0, .source = "", .text = "A company of units that differ; written when there are at least two.",
      .doc = "A company of several units that differ.",
      .allowed = "see 11.10",
      .present = SC(units.count), .present_min = 2 },
    { .path = "units.count", .kind = SPC_SET_COUNT, .offset = SC(units.count), .def = "1",
      .lo = 1, .hi = 100000, .unit = "units", .intervention = 0, .source = "scenario",
      .text = "Number of units.",
      .doc = "K: the units of the company. With 1 the other settings are ignored. Error: `must be a "
            "whole number of units`." },
    { .path = "units.management_sd", .kind = SPC_SET_NUMBER, .offset = SC(units.management_sd),
      .def = "0.0", .lo = 0, .hi = 50, .unit = "points", .intervention = 0, .source = "assumption",
      .text = "Sd of the shift in employees' base satisfaction per unit.",
      .doc = "σ_m: sd of each unit's shift of employees' base satisfaction (and of the mean "
            "satisfaction of initial staff and hires)." },
    { .path = "units.demand_sd", .kind = SPC_SET_NUMBER, .offset = SC(units.demand_sd), .def = "0.0",
      .lo = 0, .hi = 3, .unit = "ln factor", .intervention = 0, .source = "assumption",
      .text = "Sd of ln(local demand factor) on market and acquisition.",
      .doc = "σ_d: sd of ln(the unit's demand factor), which multiplies `market`, `initial` and "
            "`acquisition.rate`." },
    { .path = "units.labour_sd", .kind = SPC_SET_NUMBER, .offset = SC(units.labour_sd), .def = "0.0",
      .lo = 0, .hi = 5, .unit = "log-odds", .intervention = 0,
      .source = "assumption (Griffeth, Hom & Gaertner 2000: turnover depends on the labour market)",
      .text = "Sd of the shift in the quit intercept a per unit.",
      .doc = "σ_l: sd of each unit's shift of the quit intercept `workforce.turnover.a`." },
    { .path = "units.context_sd", .kind = SPC_SET_NUMBER, .offset = SC(units.context_sd), .def = "0.0",
      .lo = 0, .hi = 5, .unit = "U points", .intervention = 0,
      .source = "assumption (units differ in what customers judge besides the staff: location, "
                "assortment, premises)",
      .text = "Sd of the shift in customers' base score s0 per unit (U2).",
      .doc = "σ_x: sd of each unit's shift of the encounter score's base `customers.satisfaction.base` "
            "(U2): what customers judge that its employees do not make. Drawn from its own stream, so "
            "the other traits of a company are the same with or without it." },
    /* ---- management by level (docs/model.md 9.18) ---- */
    { .path = "management", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "activity", .unit = "",
      .intervention = 0, .source = "",
      .text = "How management steers: activity, measure or philosophy (MG1)-(MG6); present: on.",
      .doc = "Management by level (MG1)-(MG6): the texts' three levels of customer service as policies. "
            "Absent: activity, exactly as without the section. Needs `workforce`.",
      .allowed = "see 11.10a", .layout = SPC_LAY_BLOCK, .present = SC(management.enabled) },
    { .path = "management.level", .kind = SPC_SET_ENUM, .offset = SC(management.level),
      .def = "\"activity\"", .unit = "", .intervention = 0, .source = "scenario",
      .text = "\"activity\": fixed staffing and levers; \"measure\": rules on measured KPIs; "
              "\"philosophy\": levers set for the people.",
      .doc = "`\"activity\"`: staffing and levers stay as the scenario sets them (the KPIs as management "
            "would see them are still reported). `\"measure\"`: every `review` periods management compares "
            "the KPIs it sees, `delay` periods late and with survey noise, with its targets and acts by the "
            "rules (MG3)-(MG5). `\"philosophy\"`: the levers of `philosophy` from time 0 (MG6).",
      .words = "activity measure philosophy" },
    { .path = "management.review", .kind = SPC_SET_COUNT, .offset = SC(management.review), .def = "4",
      .lo = 1, .hi = 520, .unit = "reporting periods", .intervention = 0, .source = "assumption",
      .text = "K: reporting periods between management's reviews (MG2).",
      .doc = "K: management reviews its KPIs at the end of every K-th reporting period (MG2). Error: "
            "`must be a whole number`." },
    { .path = "management.delay", .kind = SPC_SET_COUNT, .offset = SC(management.delay), .def = "1",
      .lo = 0, .hi = 52, .unit = "reporting periods", .intervention = 0,
      .source = "assumption (reports reach management a period late; Sterman 2000, ch. 11)",
      .text = "d: reporting periods before a period's KPIs reach management (MG1).",
      .doc = "d: at the end of period n management sees the KPIs of period n − d (MG1); before period d "
            "it sees nothing and does not act." },
    { .path = "management.esat_noise", .kind = SPC_SET_NUMBER, .offset = SC(management.esat_noise),
      .def = "2.0", .lo = 0, .hi = 30, .unit = "points", .intervention = 0,
      .source = "assumption (sampling error of an employee survey's mean)",
      .text = "sigma_E: sd of the employee survey's error on mean satisfaction (MG1).",
      .doc = "σ_E: the employee survey reports the mean satisfaction plus a normal error of this sd (MG1)." },
    { .path = "management.staffing", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "", .text = "The staffing rule (MG3).",
      .doc = "The staffing rule (MG3): hire when lead time is above target, cut when a stage is idle." },
    { .path = "management.staffing.lead_time", .kind = SPC_SET_DURATION, .offset = SC(management.lead_target),
      .def = "0h", .lo = 0, .hi = SPC_DURATION_MAX, .unit = "time", .intervention = 0, .source = "scenario",
      .text = "L*: lead-time target of the staffing rule; 0: no staffing rule (MG3).",
      .doc = "L*: when the seen lead time is above it, the busiest stage (seen utilisation) gets `step` "
            "more positions; when it is not above and the least busy stage's seen utilisation is below "
            "`utilisation_low`, that stage loses `step` (MG3). 0: the rule is off." },
    { .path = "management.staffing.utilisation_low", .kind = SPC_SET_NUMBER,
      .offset = SC(management.util_low), .def = "0.6", .lo = 0, .hi = 1, .unit = "share",
      .intervention = 0, .source = "assumption",
      .text = "u_low: a stage seen below this utilisation is cut when lead time is on target (MG3).",
      .doc = "u_low: the utilisation below which management sees idle staff (MG3)." },
    { .path = "management.staffing.step", .kind = SPC_SET_COUNT, .offset = SC(management.staff_step),
      .def = "1", .lo = 1, .hi = 1000, .unit = "positions", .intervention = 0, .source = "assumption",
      .text = "Positions added or cut by one staffing decision (MG3).",
      .doc = "Δ_s: positions one decision adds or cuts (MG3)." },
    { .path = "management.staffing.min", .kind = SPC_SET_NUMBER, .offset = SC(management.staff_min),
      .def = "0.5", .lo = 0, .hi = 1, .unit = "× servers", .intervention = 0, .source = "assumption",
      .text = "Lowest staffing target, as a share of the stage's servers (at least 1) (MG3).",
      .doc = "The target never falls below max(1, ⌊min × servers⌋), servers of the state in force (MG3)." },
    { .path = "management.staffing.max", .kind = SPC_SET_NUMBER, .offset = SC(management.staff_max),
      .def = "1.5", .lo = 1, .hi = 10, .unit = "× servers", .intervention = 0, .source = "assumption",
      .text = "Highest staffing target, as a multiple of the stage's servers (MG3).",
      .doc = "The target never rises above ⌈max × servers⌉ (MG3); the chain has that many positions." },
    { .path = "management.pay", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "", .text = "The pay rule (MG4).",
      .doc = "The pay rule (MG4): raise pay when the employee survey is below target, cut it when well above." },
    { .path = "management.pay.esat", .kind = SPC_SET_NUMBER, .offset = SC(management.esat_target),
      .def = "0", .lo = 0, .hi = 100, .unit = "points 0-100", .intervention = 0, .source = "scenario",
      .text = "E*: ESAT target of the pay rule; 0: no pay rule (MG4).",
      .doc = "E*: pay rises by `step` when the seen ESAT is below E*, falls by `step` when it is above "
            "E* + `band` (MG4). 0: the rule is off." },
    { .path = "management.pay.band", .kind = SPC_SET_NUMBER, .offset = SC(management.esat_band),
      .def = "5", .lo = 0, .hi = 100, .unit = "points", .intervention = 0, .source = "assumption",
      .text = "Points above E* before pay is cut (MG4).",
      .doc = "b_E: the dead band above E* in which pay stays (MG4)." },
    { .path = "management.pay.step", .kind = SPC_SET_NUMBER, .offset = SC(management.pay_step),
      .def = "0.02", .lo = 0, .hi = 1, .unit = "ratio to market pay", .intervention = 0,
      .source = "assumption", .text = "Change of `workforce.levers.pay` per pay decision (MG4).",
      .doc = "Δ_p: one decision's change of the pay lever (MG4)." },
    { .path = "management.pay.min", .kind = SPC_SET_NUMBER, .offset = SC(management.pay_min),
      .def = "0.9", .lo = 0.01, .hi = 1, .unit = "ratio to market pay", .intervention = 0,
      .source = "assumption", .text = "Lowest pay the rule sets (MG4).",
      .doc = "p_min: the pay rule never sets pay below it (MG4)." },
    { .path = "management.pay.max", .kind = SPC_SET_NUMBER, .offset = SC(management.pay_max),
      .def = "1.3", .lo = 1, .hi = 10, .unit = "ratio to market pay", .intervention = 0,
      .source = "assumption", .text = "Highest pay the rule sets (MG4).",
      .doc = "p_max: the pay rule never sets pay above it (MG4)." },
    { .path = "management.training", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "", .text = "The training rule (MG5).",
      .doc = "The training rule (MG5): more training when CSAT is below target, less when well above." },
    { .path = "management.training.csat", .kind = SPC_SET_NUMBER, .offset = SC(management.csat_target),
      .def = "0", .lo = 0, .hi = 100, .unit = "% satisfied", .intervention = 0, .source = "scenario",
      .text = "C*: CSAT target of the training rule; 0: no training rule (MG5).",
      .doc = "C*: training hours rise by `step` when the seen CSAT (the period's survey, 11.8) is below C*, "
            "fall by `step` when it is above C* + `band` (MG5). 0: the rule is off; without customers it "
            "never acts." },
    { .path = "management.training.band", .kind = SPC_SET_NUMBER, .offset = SC(management.csat_band),
      .def = "5", .lo = 0, .hi = 100, .unit = "points of %", .intervention = 0, .source = "assumption",
      .text = "Points above C* before training is cut (MG5).",
      .doc = "b_C: the dead band above C* in which training stays (MG5)." },
    { .path = "management.training.step", .kind = SPC_SET_NUMBER, .offset = SC(management.training_step),
      .def = "1.0", .lo = 0, .hi = 40, .unit = "hours per week", .intervention = 0, .source = "assumption",
      .text = "Change of `workforce.levers.training_hours` per training decision (MG5).",
      .doc = "Δ_t: one decision's change of training hours (MG5)." },
    { .path = "management.training.max", .kind = SPC_SET_NUMBER, .offset = SC(management.training_max),
      .def = "8.0", .lo = 0, .hi = 167, .unit = "hours per week", .intervention = 0, .source = "assumption",
      .text = "Most training hours the rule sets (MG5).",
      .doc = "H_max: the rule never sets more training (nor half the working week or more) (MG5)." },
    { .path = "management.philosophy", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "", .text = "The levers of the philosophy level (MG6).",
      .doc = "The preset of the philosophy level (MG6): applied at time 0; an intervention that moves one "
            "of these levers moves it by the same amount from the preset." },
    { .path = "management.philosophy.recognition", .kind = SPC_SET_NUMBER,
      .offset = SC(management.ph_recognition), .def = "0.9", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 0, .source = "assumption (recognition as a people lever: Heskett et al. 1994)",
      .text = "`workforce.levers.recognition` under the philosophy level (MG6).",
      .doc = "R_φ: the recognition lever; its cost is `finance.recognition_cost` × R × employee-years (L1)." },
    { .path = "management.philosophy.training_hours", .kind = SPC_SET_NUMBER,
      .offset = SC(management.ph_training), .def = "4.0", .lo = 0, .hi = 167, .unit = "hours per week",
      .intervention = 0, .source = "assumption",
      .text = "`workforce.levers.training_hours` under the philosophy level (MG6).",
      .doc = "H_φ: training hours; their cost is the hours off the job, paid (9.2).",
      .allowed = "< `workforce.levers.hours_per_week`" },
    { .path = "management.philosophy.recovery", .kind = SPC_SET_NUMBER, .offset = SC(management.ph_recovery),
      .def = "0.6", .lo = 0, .hi = 1, .unit = "probability", .intervention = 0,
      .source = "assumption (empowered front-line staff recover more failures: TARP; Heskett et al. 1994)",
      .text = "`customers.recovery.base` under the philosophy level: empowerment to recover (MG6).",
      .doc = "p0_φ: the front line's empowerment to recover a failed encounter, `customers.recovery.base` "
            "(V5); without customers it has no effect." },
    /* ---- interventions (custom code: scenario_interventions.c) ---- */
    { .path = "interventions", .kind = SPC_SET_LIST, .offset = NOF, .computed = "none", .unit = "",
      .intervention = 0, .source = "scenario",
      .text = "Timed changes of settings: ( { at = \"26w\"; set = ( (\"PATH\", VALUE) ); }, ... ).",
      .doc = "Timed changes of settings during the run.",
      .allowed = "entries in non-decreasing `at`; see 9.11",
      .example = "({ at = 10.0; set = (\"workforce.levers.pay=1.2\"); })" },
    /* ---- levers of the classroom page (custom code: scenario_levers.c) ---- */
    { .path = "levers", .kind = SPC_SET_LIST, .offset = NOF, .computed = "each stage's staff; training, pay "
      "and recognition with a workforce; the decision week", .unit = "", .intervention = 0, .source = "scenario",
      .text = "The settings `spcsim serve` shows as sliders: ( { path; label; unit; min; max; step; }, ... ).",
      .doc = "The levers of the classroom page (`spcsim serve`): which settings it shows as sliders, with "
             "their labels, units, ranges and steps; `path = \"decision\"` is the week of the change.",
      .allowed = "a setting an intervention may change (number, whole number or flag), its range inside "
                 "the declared one; at most 32",
      .example = "({ path = \"stages.[0].servers\"; label = \"Pickers\"; unit = \"people\"; min = 1.0; "
                 "max = 40.0; step = 1.0; })" },
};

const spc_setting *spc_settings_table(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}

/* "stages.[2].salary" matches "stages.[].salary". */
static int path_matches(const char *decl, const char *path)
{
    while (*decl != '\0' && *path != '\0') {
        if (decl[0] == '[' && decl[1] == ']' && path[0] == '[') {
            path++;
            while (*path >= '0' && *path <= '9')
                path++;
            if (*path != ']')
                return 0;
            decl++;
        }
        if (*decl != *path)
            return 0;
        decl++, path++;
    }
    return *decl == '\0' && *path == '\0';
}

const spc_setting *spc_settings_find(const char *path)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (path_matches(table[i].path, path))
            return &table[i];
    return NULL;
}

void *spc_settings_field(const spc_setting *s, spc_scenario *sc, size_t stage)
{
    if (s->offset == SPC_SET_NO_FIELD)
        return NULL;
    char *base = s->base == SPC_IN_STAGE ? (char *)&sc->stages[stage] : (char *)sc;
    return base + s->offset;
}

const void *spc_settings_cfield(const spc_setting *s, const spc_scenario *sc, size_t stage)
{
    return spc_settings_field(s, (spc_scenario *)sc, stage);
}

const char *spc_settings_key(const spc_setting *s)
{
    const char *dot = strrchr(s->path, '.');
    return dot ? dot + 1 : s->path;
}

int spc_settings_in_group(const spc_setting *s, const char *group)
{
    size_t n = strlen(group);
    const char *key = spc_settings_key(s);
    if (n == 0)
        return key == s->path;
    return strncmp(s->path, group, n) == 0 && s->path[n] == '.' && s->path + n + 1 == key;
}

int spc_settings_is_scalar(spc_setting_kind k)
{
    switch (k) {
    case SPC_SET_NUMBER: case SPC_SET_WHOLE: case SPC_SET_COUNT: case SPC_SET_INT: case SPC_SET_LONG:
    case SPC_SET_SEED: case SPC_SET_FLAG: case SPC_SET_DURATION: case SPC_SET_NEVER: case SPC_SET_RATE:
        return 1;
    default:
        return 0;
    }
}

int spc_settings_plausible(const spc_setting *s, double v, double *plo, double *phi)
{
    if (v == 0.0 || !isfinite(v))
        return 0;
    double lo = s->pspread > 0 ? v - s->pspread : v < 0 ? 1.5 * v : 0.5 * v;
    double hi = s->pspread > 0 ? v + s->pspread : v < 0 ? 0.5 * v : 1.5 * v;
    double margin = s->lo_open ? 1e-9 * (fabs(s->lo) + 1.0) : 0.0;
    *plo = lo < s->lo + margin ? s->lo + margin : lo;
    *phi = hi > s->hi ? s->hi : hi;
    return *plo < *phi;
}

/* Index of `word` in the space-separated list `words`, or -1. */
int spc_settings_word(const char *words, const char *word)
{
    size_t n = strlen(word);
    int i = 0;
    for (const char *w = words; *w != '\0'; i++) {
        size_t len = strcspn(w, " ");
        if (len == n && strncmp(w, word, n) == 0)
            return i;
        w += len;
        w += *w == ' ';
    }
    return -1;
}

/* The default of a scalar s, parsed at the time unit; 0 when it has none as text. */
int spc_settings_default(const spc_setting *s, double unit, double *v)
{
    if (s->def == NULL)
        return 0;
    if (s->kind == SPC_SET_FLAG) {
        *v = strcmp(s->def, "true") == 0;
        return 1;
    }
    if (s->kind == SPC_SET_NEVER && strcmp(s->def, "\"never\"") == 0) {
        *v = INFINITY;
        return 1;
    }
    if (s->kind == SPC_SET_DURATION || s->kind == SPC_SET_NEVER)
        return spc_timeunit_duration(s->def, unit, v) == 0;
    if (s->kind == SPC_SET_RATE)
        return spc_timeunit_rate(s->def, unit, v) == 0;
    char *end;
    *v = strtod(s->def, &end);
    return *end == '\0';
}

void spc_settings_store(const spc_setting *s, void *field, double v)
{
    switch (s->kind) {
    case SPC_SET_COUNT: case SPC_SET_INT: case SPC_SET_FLAG: case SPC_SET_ENUM: case SPC_SET_STAGE:
        *(int *)field = (int)v;
        break;
    case SPC_SET_LONG:
        *(long *)field = (long)v;
        break;
    case SPC_SET_SEED:
        *(uint64_t *)field = (uint64_t)v;
        break;
    default:
        *(double *)field = v;
    }
}

double spc_settings_value(const spc_setting *s, const void *field)
{
    switch (s->kind) {
    case SPC_SET_COUNT: case SPC_SET_INT: case SPC_SET_FLAG: case SPC_SET_ENUM: case SPC_SET_STAGE:
        return *(const int *)field;
    case SPC_SET_LONG:
        return (double)*(const long *)field;
    case SPC_SET_SEED:
        return (double)*(const uint64_t *)field;
    default:
        return *(const double *)field;
    }
}

/* In group or one of its subgroups; the top level ("") is not recursive. */
static int under(const spc_setting *s, const char *group)
{
    size_t n = strlen(group);
    if (n == 0)
        return spc_settings_in_group(s, "");
    return strncmp(s->path, group, n) == 0 && s->path[n] == '.';
}

void spc_settings_defaults(const char *group, void *base, double unit)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const spc_setting *s = &table[i];
        double v;
        if (!under(s, group) || s->offset == SPC_SET_NO_FIELD)
            continue;
        if (s->kind == SPC_SET_ENUM && s->words != NULL && s->def != NULL) {
            char word[64];
            snprintf(word, sizeof word, "%.*s", (int)strlen(s->def) - 2, s->def + 1);
            *(int *)((char *)base + s->offset) = spc_settings_word(s->words, word);
        } else if (spc_settings_is_scalar(s->kind) && spc_settings_default(s, unit, &v)) {
            spc_settings_store(s, (char *)base + s->offset, v);
        }
    }
}

/* ---- the table as text ---- */

static const char *kind_name(const spc_setting *s)
{
    switch (s->kind) {
    case SPC_SET_GROUP: return "group";
    case SPC_SET_NUMBER: return "number";
    case SPC_SET_WHOLE: case SPC_SET_COUNT: return "whole number";
    case SPC_SET_INT: case SPC_SET_LONG: case SPC_SET_SEED: return "integer";
    case SPC_SET_FLAG: return "flag";
    case SPC_SET_DURATION: return "duration";
    case SPC_SET_NEVER: return "duration or \"never\"";
    case SPC_SET_RATE: return "rate";
    case SPC_SET_STRING: return "string";
    case SPC_SET_ENUM: return "string";
    case SPC_SET_STAGE: return "stage name";
    case SPC_SET_DIST: return "distribution group";
    case SPC_SET_ROUTING: return "routing";
    case SPC_SET_SCHEDULE: return "group";
    case SPC_SET_LIST: return "list of groups";
    }
    return "";
}

void spc_settings_range_text(const spc_setting *s, char *buf, size_t size)
{
    buf[0] = '\0';
    if (s->kind == SPC_SET_FLAG) {
        snprintf(buf, size, "true, false");
    } else if (s->kind == SPC_SET_ENUM && s->words != NULL) {
        snprintf(buf, size, "%s", s->words);
    } else if (s->kind == SPC_SET_SEED) {
        snprintf(buf, size, "[0, 2^63-1]");
    } else if (spc_settings_is_scalar(s->kind)) {
        if (isinf(s->hi))
            snprintf(buf, size, "%s %.15g", s->lo_open ? ">" : ">=", s->lo);
        else
            snprintf(buf, size, "%s%.15g, %.15g]", s->lo_open ? "(" : "[", s->lo, s->hi);
        if (s->kind == SPC_SET_NEVER)
            strncat(buf, " or never", size - strlen(buf) - 1);
    }
}

/* The default as shown: `text`, the way it is computed, or "required".
 * In Markdown a duration or rate is quoted as a user writes it ("4w"). */
static void default_text(const spc_setting *s, int markdown, char *buf, size_t size)
{
    int quote = markdown && (s->kind == SPC_SET_DURATION || s->kind == SPC_SET_NEVER || s->kind == SPC_SET_RATE) &&
                s->def != NULL && s->def[0] != '"' && strspn(s->def, "0123456789.") != strlen(s->def);
    if (s->def != NULL)
        snprintf(buf, size, markdown ? (quote ? "`\"%s\"`" : "`%s`") : "%s", s->def);
    else if (s->computed != NULL)
        snprintf(buf, size, "%s", s->computed);
    else if (s->kind == SPC_SET_GROUP)
        snprintf(buf, size, "%s", s->present != 0 ? "absent (off)" : "all defaults");
    else
        snprintf(buf, size, "required");
}

int spc_settings_list(FILE *out, int markdown)
{
    if (markdown)
        fputs("| setting | kind | default | range | unit | intervention | source | meaning |\n"
              "|---|---|---|---|---|---|---|---|\n", out);
    else
        fprintf(out, "%-42s %-20s %-28s %-20s %-24s %-6s %s\n", "SETTING", "KIND", "DEFAULT", "RANGE",
                "UNIT", "INTERV", "SOURCE");
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const spc_setting *s = &table[i];
        char def[160], range[80];
        default_text(s, markdown, def, sizeof def);
        spc_settings_range_text(s, range, sizeof range);
        if (markdown)
            fprintf(out, "| `%s` | %s | %s | %s | %s | %s | %s | %s |\n", s->path, kind_name(s), def,
                    range[0] ? range : "—", *s->unit ? s->unit : "—", s->intervention ? "yes" : "no",
                    *s->source ? s->source : "—", s->text);
        else
            fprintf(out, "%-42s %-20s %-28s %-20s %-24s %-6s %s\n", s->path, kind_name(s), def,
                    range[0] ? range : "-", *s->unit ? s->unit : "-", s->intervention ? "yes" : "no",
                    *s->source ? s->source : "-");
    }
    return ferror(out) ? -1 : 0;
}

/* ---- the per-group tables of docs/scenario-reference.md ---- */

/* The allowed values as the reference shows them: the range (words and
 * flags in code style), then what the declaration adds. */
static void allowed_text(const spc_setting *s, char *buf, size_t size)
{
    char range[80];
    buf[0] = '\0';
    if (s->kind == SPC_SET_FLAG) {
        snprintf(range, sizeof range, "`true`, `false`");
    } else if (s->kind == SPC_SET_ENUM && s->words != NULL) {
        range[0] = '\0';
        for (const char *w = s->words; *w != '\0';) {
            size_t len = strcspn(w, " "), at = strlen(range);
            snprintf(range + at, sizeof range - at, "%s`\"%.*s\"`", at ? ", " : "", (int)len, w);
            w += len;
            w += *w == ' ';
        }
    } else {
        spc_settings_range_text(s, range, sizeof range);
    }
    if (range[0] != '\0' && s->allowed != NULL)
        snprintf(buf, size, "%s; %s", range, s->allowed);
    else
        snprintf(buf, size, "%s", range[0] != '\0' ? range : s->allowed != NULL ? s->allowed : "—");
}

/* Whether key is one of the space-separated keys. */
static int named(const char *keys, const char *key)
{
    return keys == NULL || keys[0] == '\0' || spc_settings_word(keys, key) >= 0;
}

int spc_settings_markdown(FILE *out, const char *group, const char *keys)
{
    if (strcmp(group, "all") == 0)
        return spc_settings_list(out, 1);
    const char *g = strcmp(group, ".") == 0 ? "" : group;
    size_t rows = 0, wanted = 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        rows += spc_settings_in_group(&table[i], g) && named(keys, spc_settings_key(&table[i]));
    if (keys != NULL)
        for (const char *w = keys; *w != '\0';) {
            size_t len = strcspn(w, " ");
            wanted += len > 0;
            w += len;
            w += *w == ' ';
        }
    if (rows == 0 || (keys != NULL && wanted != rows))
        return -1;
    fputs("| setting | type | unit | default | allowed | meaning |\n|---|---|---|---|---|---|\n", out);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const spc_setting *s = &table[i];
        if (!spc_settings_in_group(s, g) || !named(keys, spc_settings_key(s)))
            continue;
        char def[200], allowed[400];
        default_text(s, 1, def, sizeof def);
        allowed_text(s, allowed, sizeof allowed);
        fprintf(out, "| `%s` | %s | %s | %s | %s | %s |\n", spc_settings_key(s), kind_name(s),
                *s->unit ? s->unit : "—", def, allowed, s->doc != NULL ? s->doc : s->text);
    }
    return ferror(out) ? -1 : 0;
}

/* The first `marker` at or after p that starts a line of doc, or NULL. */
static const char *marker_at(const char *doc, const char *p, const char *marker)
{
    for (const char *m = strstr(p, marker); m != NULL; m = strstr(m + 1, marker))
        if (m == doc || m[-1] == '\n')
            return m;
    return NULL;
}

char *spc_settings_fill(const char *doc, char *why, size_t size)
{
    char *res = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&res, &len);
    if (out == NULL) {
        snprintf(why, size, "out of memory");
        return NULL;
    }
    const char *p = doc;
    int ok = 1;
    for (const char *b; ok && (b = marker_at(doc, p, SPC_SETTINGS_BEGIN)) != NULL;) {
        const char *eol = strchr(b, '\n'), *close = strstr(b, "-->");
        const char *end = eol ? marker_at(doc, eol, SPC_SETTINGS_END) : NULL;
        if (eol == NULL || close == NULL || close > eol || end == NULL) {
            int line = 1;
            for (const char *c = doc; c < b; c++)
                line += *c == '\n';
            snprintf(why, size, "line %d: a settings block without its end (" SPC_SETTINGS_END ")", line);
            ok = 0;
            break;
        }
        char spec[300], group[160], *keys;
        const char *from = b + strlen(SPC_SETTINGS_BEGIN);
        snprintf(spec, sizeof spec, "%.*s", (int)(close - from), from);
        size_t n = strlen(spec);
        while (n > 0 && spec[n - 1] == ' ')
            spec[--n] = '\0';
        snprintf(group, sizeof group, "%.*s", (int)strcspn(spec, " "), spec);
        keys = spec + strlen(group);
        keys += *keys == ' ';
        fwrite(p, 1, (size_t)(eol + 1 - p), out);
        if (spc_settings_markdown(out, group, *keys ? keys : NULL) != 0) {
            snprintf(why, size, "settings block \"%s\": no such group or member", spec);
            ok = 0;
        }
        p = end;
    }
    if (ok)
        fputs(p, out);
    if (fclose(out) != 0 || !ok) {
        if (ok)
            snprintf(why, size, "out of memory");
        free(res);
        return NULL;
    }
    return res;
}
