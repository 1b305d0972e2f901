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

#define SC(m) offsetof(spc_scenario, m)
#define ST(m) offsetof(spc_stage_spec, m)
#define NOF SPC_SET_NO_FIELD

static const spc_setting table[] = {
    /* ---- top level ---- */
    { .path = "name", .kind = SPC_SET_STRING, .offset = SC(name), .unit = "", .intervention = 0,
      .source = "scenario",
      .text = "The scenario's name (1-64 of A-Z a-z 0-9 _ - ., not starting with .); names the output folder." },
    { .path = "description", .kind = SPC_SET_STRING, .offset = SC(description), .def = "\"\"", .unit = "",
      .intervention = 1, .source = "scenario", .text = "Free text, copied to the resolved scenario." },
    { .path = "seed", .kind = SPC_SET_SEED, .offset = SC(seed), .def = "1",
      .lo = 0, .hi = 9223372036854775807.0, .unit = "", .intervention = 0, .source = "scenario",
      .text = "Master seed of all random streams (--seed overrides it)." },
    { .path = "generator", .kind = SPC_SET_STRING, .offset = SC(generator), .def = "\"mt19937\"",
      .unit = "", .intervention = 0, .source = "scenario",
      .text = "The GSL random number generator of every stream.", .example = "\"taus2\"" },
    { .path = "time_unit", .kind = SPC_SET_STRING, .offset = SC(time_unit), .def = "\"h\"", .unit = "",
      .intervention = 0, .source = "scenario",
      .text = "Unit of every duration and rate: \"s\", \"min\", \"h\", \"d\" or \"w\".",
      .example = "\"min\"" },
    { .path = "horizon", .kind = SPC_SET_DURATION, .offset = SC(horizon), .lo = 0, .hi = INFINITY,
      .lo_open = 1, .unit = "time", .intervention = 0, .source = "scenario",
      .text = "Run length: the run goes from time 0 to horizon." },
    { .path = "warmup", .kind = SPC_SET_DURATION, .offset = SC(warmup), .def = "0",
      .lo = 0, .hi = INFINITY, .unit = "time", .intervention = 0, .source = "scenario",
      .text = "Statistics are reset at this time (must be shorter than the horizon)." },
    { .path = "replications", .kind = SPC_SET_INT, .offset = SC(replications), .def = "1",
      .lo = 1, .hi = 1000000, .unit = "runs", .intervention = 0, .source = "scenario",
      .text = "Independent replications of a run (-r overrides it)." },
    { .path = "statistics", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "", .text = "Settings of the output statistics." },
    { .path = "statistics.batches", .kind = SPC_SET_INT, .offset = SC(batches), .def = "20",
      .lo = 2, .hi = 1000, .unit = "batches", .intervention = 0, .source = "assumption",
      .text = "Minimum number of batch-means batches over [warmup, horizon]." },
    { .path = "statistics.period", .kind = SPC_SET_DURATION, .offset = SC(period),
      .computed = "workforce.report_period with a workforce, else horizon / 100", .lo = 0, .hi = INFINITY,
      .lo_open = 1, .unit = "time", .intervention = 0, .source = "",
      .text = "Reporting period of timeseries.csv (one per run)." },
    /* ---- the arrival process (custom code: scenario_chain.c) ---- */
    { .path = "arrivals", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "required without customers",
      .unit = "", .intervention = 1, .source = "scenario",
      .text = "The external arrival process (with customers it only names the entry).",
      .layout = SPC_LAY_BLOCK },
    { .path = "arrivals.process", .kind = SPC_SET_ENUM, .offset = NOF, .def = "\"poisson\"",
      .words = "poisson renewal", .unit = "", .intervention = 1, .source = "scenario",
      .text = "\"poisson\" (rate or schedule) or \"renewal\" (interarrival)." },
    { .path = "arrivals.rate", .kind = SPC_SET_RATE, .offset = SC(arrivals.rate),
      .computed = "required for a Poisson process without a schedule", .lo = 0, .hi = INFINITY,
      .lo_open = 1, .unit = "orders per time", .intervention = 1, .source = "scenario",
      .text = "Constant Poisson arrival rate." },
    { .path = "arrivals.schedule", .kind = SPC_SET_SCHEDULE, .offset = NOF,
      .computed = "none (a constant rate)", .unit = "orders per time",
      .intervention = 1, .source = "scenario",
      .text = "Piecewise-constant periodic rate { period; rates; starts; }." },
    { .path = "arrivals.interarrival", .kind = SPC_SET_DIST, .offset = SC(arrivals.interarrival),
      .computed = "required for a renewal process", .unit = "time", .intervention = 1,
      .source = "scenario", .text = "Distribution of the times between arrivals (renewal)." },
    { .path = "arrivals.entry", .kind = SPC_SET_STAGE, .offset = SC(arrivals.entry),
      .computed = "the first stage", .unit = "stage", .intervention = 1, .source = "scenario",
      .text = "The stage where external orders enter." },
    /* ---- stages: offsets into spc_stage_spec ---- */
    { .path = "stages", .kind = SPC_SET_LIST, .offset = NOF, .unit = "", .intervention = 0,
      .source = "scenario",
      .text = "The stages of the chain, in order (an intervention may not add, remove or rename one)." },
    { .path = "stages.[]", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "-", .unit = "", .intervention = 1,
      .source = "scenario", .text = "One stage: a group of the settings below.", .layout = SPC_LAY_BLOCK },
    { .path = "stages.[].name", .kind = SPC_SET_STRING, .base = SPC_IN_STAGE, .offset = ST(name),
      .unit = "", .intervention = 0, .source = "scenario",
      .text = "Identifies the stage in routing, entry and the outputs." },
    { .path = "stages.[].servers", .kind = SPC_SET_INT, .base = SPC_IN_STAGE, .offset = ST(servers),
      .lo = 1, .hi = 100000, .unit = "servers", .intervention = 1, .source = "scenario",
      .text = "Number of parallel servers (employees)." },
    { .path = "stages.[].queue_capacity", .kind = SPC_SET_LONG, .base = SPC_IN_STAGE,
      .offset = ST(capacity), .computed = "unlimited", .lo = 0, .hi = 1000000000, .unit = "orders",
      .intervention = 1, .source = "scenario",
      .text = "Waiting places, not counting orders in service; 0: a loss system.",
      .layout = SPC_LAY_OPTIONAL },
    { .path = "stages.[].service", .kind = SPC_SET_DIST, .base = SPC_IN_STAGE, .offset = ST(service),
      .unit = "time", .intervention = 1, .source = "scenario",
      .text = "Service time of one order by one server." },
    { .path = "stages.[].patience", .kind = SPC_SET_DIST, .base = SPC_IN_STAGE, .offset = ST(patience),
      .computed = "none (nobody abandons)", .unit = "time", .intervention = 1, .source = "scenario",
      .text = "How long a waiting order is willing to wait before it abandons.",
      .present = ST(has_patience) },
    { .path = "stages.[].balk_limit", .kind = SPC_SET_LONG, .base = SPC_IN_STAGE, .offset = ST(balk_limit),
      .computed = "none (nobody balks)", .lo = 1, .hi = 1000000000, .unit = "orders", .intervention = 1,
      .source = "scenario",
      .text = "A new order finding n waiting balks with probability min(1, n / balk_limit).",
      .layout = SPC_LAY_OPTIONAL },
    { .path = "stages.[].routing", .kind = SPC_SET_ROUTING, .base = SPC_IN_STAGE, .offset = NOF,
      .computed = "the next stage; after the last, deliver", .unit = "", .intervention = 1,
      .source = "scenario",
      .text = "Where an order goes next: a stage name, \"deliver\", or ( { to; p; }, ... )." },
    { .path = "stages.[].salary", .kind = SPC_SET_NUMBER, .base = SPC_IN_STAGE, .offset = ST(salary),
      .def = "40000.0", .lo = 0, .hi = 1e12, .unit = "currency per year", .intervention = 1,
      .source = "scenario", .text = "Workforce: annual salary of the stage's employees." },
    { .path = "stages.[].target_delay", .kind = SPC_SET_DURATION, .base = SPC_IN_STAGE,
      .offset = ST(target_delay), .def = "0", .lo = 0, .hi = INFINITY, .unit = "time", .intervention = 1,
      .source = "Oliva & Sterman 2001 (concept); (D1): assumption",
      .text = "Workforce: time an order should spend at the stage; 0: the M/M/c sojourn at nominal load (D1)." },
    { .path = "stages.[].detection", .kind = SPC_SET_NUMBER, .base = SPC_IN_STAGE, .offset = ST(detection),
      .def = "0.5", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "Workforce: probability of catching a defect made upstream." },
    /* ---- workforce (docs/model.md 2-3) ---- */
    { .path = "workforce", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "", .text = "Employees, satisfaction, turnover, pressure, quality; present: on.",
      .layout = SPC_LAY_BLOCK, .present = SC(workforce.enabled) },
    { .path = "workforce.report_period", .kind = SPC_SET_DURATION, .offset = SC(workforce.period),
      .def = "1w", .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time", .intervention = 0, .source = "",
      .text = "Reporting period (must equal statistics.period when both are given)." },
    { .path = "workforce.levers", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "The management levers." },
    { .path = "workforce.levers.pay", .kind = SPC_SET_NUMBER, .offset = SC(workforce.pay), .def = "1.0",
      .lo = 0, .hi = 10, .lo_open = 1, .unit = "ratio to market pay", .intervention = 1,
      .source = "scenario", .text = "Relative pay (S1)." },
    { .path = "workforce.levers.recognition", .kind = SPC_SET_NUMBER, .offset = SC(workforce.recognition),
      .def = "0.5", .lo = 0, .hi = 1, .unit = "share 0-1", .intervention = 1, .source = "scenario",
      .text = "Recognition level R (S1)." },
    { .path = "workforce.levers.training_hours", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.training_hours), .def = "2.0", .lo = 0, .hi = INFINITY,
      .unit = "hours per week", .intervention = 1, .source = "scenario",
      .text = "Training hours per employee and week H (less than hours_per_week)." },
    { .path = "workforce.levers.hours_per_week", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.hours_per_week), .def = "40.0", .lo = 1, .hi = 168, .unit = "hours per week",
      .intervention = 1, .source = "scenario", .text = "Contract hours per employee and week." },
    { .path = "workforce.satisfaction", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "Employee satisfaction (S1)-(S2)." },
    { .path = "workforce.satisfaction.dynamic", .kind = SPC_SET_FLAG, .offset = SC(workforce.s_dynamic),
      .def = "true", .unit = "flag", .intervention = 1, .source = "",
      .text = "false: each employee keeps the initial draw." },
    { .path = "workforce.satisfaction.initial_mean", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.s_init_mean), .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100",
      .intervention = 1, .source = "assumption",
      .text = "Mean of the satisfaction drawn at hire and at t = 0." },
    { .path = "workforce.satisfaction.initial_sd", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.s_init_sd), .def = "10.0", .lo = 0, .hi = 50, .unit = "points",
      .intervention = 1, .source = "assumption",
      .text = "Sd of the satisfaction drawn at hire and at t = 0." },
    { .path = "workforce.satisfaction.base", .kind = SPC_SET_NUMBER, .offset = SC(workforce.s_base),
      .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100", .intervention = 1, .source = "assumption",
      .text = "Base target S0 at reference levels (S1)." },
    { .path = "workforce.satisfaction.time_constant", .kind = SPC_SET_NEVER,
      .offset = SC(workforce.tau_s), .def = "4w", .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time",
      .intervention = 1, .source = "assumption (MODEL.md: about 4 weeks)",
      .text = "Adjustment time of satisfaction tau_S (S2)." },
    { .path = "workforce.satisfaction.w_isq", .kind = SPC_SET_NUMBER, .offset = SC(workforce.w_isq),
      .def = "0.5", .lo = 0, .hi = 10, .unit = "points per ISQ point", .intervention = 1,
      .source = "link: Heskett et al. 1994; weight: assumption",
      .text = "Weight of internal service quality w_q (S1)." },
    { .path = "workforce.satisfaction.isq_ref", .kind = SPC_SET_NUMBER, .offset = SC(workforce.isq_ref),
      .def = "90.0", .lo = 0, .hi = 100, .unit = "points 0-100", .intervention = 1, .source = "assumption",
      .text = "ISQ at which its term is 0 (S1)." },
    { .path = "workforce.satisfaction.w_pay", .kind = SPC_SET_NUMBER, .offset = SC(workforce.w_pay),
      .def = "50.0", .lo = 0, .hi = 1000, .unit = "points per unit ln pay", .intervention = 1,
      .source = "assumption", .text = "Weight of relative pay (S1)." },
    { .path = "workforce.satisfaction.w_recognition", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_recognition), .def = "20.0", .lo = 0, .hi = 1000, .unit = "points per unit",
      .intervention = 1, .source = "assumption", .text = "Weight of recognition (S1)." },
    { .path = "workforce.satisfaction.recognition_ref", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.recognition_ref), .def = "0.5", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption", .text = "Recognition at which its term is 0 (S1)." },
    { .path = "workforce.satisfaction.w_training", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_training), .def = "1.0", .lo = 0, .hi = 100,
      .unit = "points per weekly hour", .intervention = 1, .source = "assumption",
      .text = "Weight of training (S1)." },
    { .path = "workforce.satisfaction.training_ref", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.training_ref), .def = "2.0", .lo = 0, .hi = INFINITY,
      .unit = "hours per week", .intervention = 1, .source = "assumption",
      .text = "Training hours at which their term is 0 (S1)." },
    { .path = "workforce.satisfaction.w_customer", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_customer), .def = "0.3", .lo = 0, .hi = 10, .unit = "points per point",
      .intervention = 1, .source = "link: Brown & Lam 2008, Heskett et al. 1994; weight: assumption",
      .text = "Weight of the customer satisfaction employees perceive (M1)." },
    { .path = "workforce.satisfaction.customer_ref", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.customer_ref), .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100",
      .intervention = 1, .source = "assumption",
      .text = "Perceived customer satisfaction at which its term is 0." },
    { .path = "workforce.satisfaction.w_pressure", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_pressure), .def = "20.0", .lo = 0, .hi = 1000, .unit = "points per unit",
      .intervention = 1, .source = "assumption", .text = "Weight of perceived pressure above 1 (S1)." },
    { .path = "workforce.satisfaction.w_fatigue", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_fatigue), .def = "40.0", .lo = 0, .hi = 1000, .unit = "points per unit",
      .intervention = 1, .source = "assumption", .text = "Weight of fatigue above 1 (S1)." },
    { .path = "workforce.turnover", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Quits (E4)-(E5)." },
    { .path = "workforce.turnover.enabled", .kind = SPC_SET_FLAG, .offset = SC(workforce.turnover),
      .def = "true", .unit = "flag", .intervention = 1, .source = "", .text = "false: nobody quits." },
    { .path = "workforce.turnover.a", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit.a),
      .def = "-1.46", .lo = -20, .hi = 20, .unit = "log-odds", .intervention = 1,
      .source = "calibrated to Griffeth, Hom & Gaertner 2000 (model.md 3.3)",
      .text = "Intercept of the annual quit logit (E4)." },
    { .path = "workforce.turnover.beta", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit.beta),
      .def = "0.5", .lo = 0, .hi = 20, .unit = "log-odds per sd", .intervention = 1,
      .source = "calibrated to Griffeth, Hom & Gaertner 2000 (model.md 3.3)",
      .text = "Slope of the quit logit per sd of satisfaction below the mean (E4)." },
    { .path = "workforce.turnover.mean", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit.mu),
      .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100", .intervention = 1,
      .source = "assumption (= initial_mean)",
      .text = "Reference mean mu that standardises satisfaction (E4)." },
    { .path = "workforce.turnover.sd", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit.sigma),
      .def = "10.0", .lo = 0, .hi = 100, .lo_open = 1, .unit = "points", .intervention = 1,
      .source = "assumption (= initial_sd)",
      .text = "Reference sd sigma that standardises satisfaction (E4)." },
    { .path = "workforce.turnover.cost", .kind = SPC_SET_NUMBER, .offset = SC(workforce.quit_cost),
      .def = "0.21", .lo = 0, .hi = 10, .unit = "share of annual salary", .intervention = 1,
      .source = "Boushey & Glynn 2012 (median 21%)", .text = "Cost of one quit (TC1)." },
    { .path = "workforce.hiring", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Replacing leavers." },
    { .path = "workforce.hiring.policy", .kind = SPC_SET_ENUM, .offset = SC(workforce.freeze),
      .def = "\"replace\"", .unit = "", .intervention = 1, .source = "scenario",
      .text = "\"replace\": leavers are replaced after the delay; \"freeze\": they are not.",
      .words = "replace freeze" },
    { .path = "workforce.hiring.delay", .kind = SPC_SET_DIST, .offset = SC(workforce.hire_delay),
      .computed = "gamma, mean 4w, cv 0.5", .unit = "time", .intervention = 1, .source = "assumption",
      .text = "Time to fill a vacancy." },
    { .path = "workforce.learning", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Learning and mentoring (E2)." },
    { .path = "workforce.learning.initial", .kind = SPC_SET_NUMBER, .offset = SC(workforce.pi0),
      .def = "0.5", .lo = 0, .hi = 1, .lo_open = 1, .unit = "share 0-1", .intervention = 1,
      .source = "assumption (MODEL.md)", .text = "Productivity of a new hire pi0." },
    { .path = "workforce.learning.time_constant", .kind = SPC_SET_NEVER, .offset = SC(workforce.tau_l),
      .def = "8w", .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time", .intervention = 1,
      .source = "assumption (MODEL.md)", .text = "Learning time constant tau_L." },
    { .path = "workforce.learning.mentoring", .kind = SPC_SET_NUMBER, .offset = SC(workforce.mentoring),
      .def = "0.1", .lo = 0, .hi = 1, .unit = "share 0-1", .intervention = 1,
      .source = "assumption (MODEL.md)", .text = "Experienced time per unit of learning load k_m." },
    { .path = "workforce.pressure", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Work pressure and erosion (W1)-(W4)." },
    { .path = "workforce.pressure.elasticity", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.erosion.alpha), .def = "-0.64", .lo = -5, .hi = 0, .unit = "elasticity",
      .intervention = 1, .source = "Oliva & Sterman 2001 (95% CI -0.70 to -0.59)",
      .text = "Elasticity of time per order to pressure alpha (W2)." },
    { .path = "workforce.pressure.perception_time", .kind = SPC_SET_NEVER,
      .offset = SC(workforce.erosion.tau_p), .def = "1w", .lo = 0, .hi = INFINITY, .lo_open = 1,
      .unit = "time", .intervention = 1, .source = "assumption", .text = "Pressure perception time tau_p." },
    { .path = "workforce.pressure.erosion_time", .kind = SPC_SET_NEVER,
      .offset = SC(workforce.erosion.tau_down), .def = "18.8w", .lo = 0, .hi = INFINITY, .lo_open = 1,
      .unit = "time", .intervention = 1, .source = "Oliva & Sterman 2001",
      .text = "Erosion time of the standard tau_down (W3)." },
    { .path = "workforce.pressure.recovery_time", .kind = SPC_SET_NEVER,
      .offset = SC(workforce.erosion.tau_up), .def = "\"never\"", .lo = 0, .hi = INFINITY, .lo_open = 1,
      .unit = "time", .intervention = 1, .source = "Oliva & Sterman 2001 (about 8e6 weeks)",
      .text = "Recovery time of the standard tau_up (W3)." },
    { .path = "workforce.pressure.min_factor", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.erosion.t_min), .def = "0.5", .lo = 0, .hi = 1, .lo_open = 1, .unit = "ratio",
      .intervention = 1, .source = "assumption", .text = "Lower bound f_min of T/Ts." },
    { .path = "workforce.pressure.max_factor", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.erosion.t_max), .def = "1.0", .lo = 1, .hi = 10, .unit = "ratio",
      .intervention = 1, .source = "assumption", .text = "Upper bound f_max of T/Ts." },
    { .path = "workforce.fatigue", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Fatigue and overtime (E3)." },
    { .path = "workforce.fatigue.time_constant", .kind = SPC_SET_NEVER, .offset = SC(workforce.tau_f),
      .def = "4w", .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time", .intervention = 1,
      .source = "assumption (MODEL.md)", .text = "Fatigue time constant tau_F." },
    { .path = "workforce.fatigue.overtime_max", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.overtime_max), .def = "0.5", .lo = 0, .hi = 2, .unit = "share of hours",
      .intervention = 1, .source = "assumption", .text = "Maximum overtime share o_max." },
    { .path = "workforce.fatigue.floor", .kind = SPC_SET_NUMBER, .offset = SC(workforce.phi_min),
      .def = "0.5", .lo = 0, .hi = 1, .lo_open = 1, .unit = "share 0-1", .intervention = 1,
      .source = "assumption (MODEL.md)", .text = "Floor phi_min of the fatigue productivity factor." },
    /* absenteeism (AB1): a group whose presence turns it on */
    { .path = "workforce.absence", .kind = SPC_SET_GROUP, .offset = NOF,
      .present = SC(workforce.absence.enabled), .unit = "", .intervention = 1, .source = "",
      .text = "Absenteeism (AB1); present: on." },
    { .path = "workforce.absence.base", .kind = SPC_SET_NUMBER, .offset = SC(workforce.absence.base),
      .def = "0.03", .lo = 0, .hi = 0.5, .unit = "probability per day", .intervention = 1,
      .source = "assumption (3% is a common sickness-absence rate)",
      .text = "Daily absence probability b at S = mu, F = 1 (AB1)." },
    { .path = "workforce.absence.w_fatigue", .kind = SPC_SET_NUMBER, .offset = SC(workforce.absence.w_fatigue),
      .def = "1.0", .lo = 0, .hi = 20, .unit = "log-odds per unit", .intervention = 1,
      .source = "assumption",
      .text = "Log-odds a_F per unit of fatigue above 1 (AB1)." },
    { .path = "workforce.absence.w_satisfaction", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.absence.w_satisfaction),
      .def = "0.4", .lo = 0, .hi = 20, .unit = "log-odds per sd", .intervention = 1,
      .source = "assumption",
      .text = "Log-odds a_S per sd of satisfaction below mu (AB1)." },
    { .path = "workforce.absence.every", .kind = SPC_SET_DURATION, .offset = SC(workforce.absence.every),
      .def = "1d", .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time", .intervention = 1,
      .source = "",
      .text = "Time between roll calls." },
    { .path = "workforce.quality", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Errors, rework and internal service quality (Q1)-(Q3)." },
    { .path = "workforce.quality.base_error", .kind = SPC_SET_NUMBER, .offset = SC(workforce.eps0),
      .def = "0.02", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "assumption (MODEL.md)", .text = "Base error probability eps0 (Q1)." },
    { .path = "workforce.quality.error_gain", .kind = SPC_SET_NUMBER, .offset = SC(workforce.eps1),
      .def = "0.5", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1,
      .source = "assumption (MODEL.md)", .text = "Gain eps1 of errors on lost quality (Q1)." },
    { .path = "workforce.quality.rework_fraction", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.rework_fraction), .def = "0.5", .lo = 0, .hi = 10, .lo_open = 1,
      .unit = "ratio", .intervention = 1, .source = "assumption",
      .text = "Work of a rework visit relative to a first visit." },
    { .path = "workforce.quality.on_time_weight", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.w_on_time), .def = "0.5", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption",
      .text = "Weight of timeliness against accuracy in ISQ (Q2)." },
    { .path = "workforce.quality.perception_time", .kind = SPC_SET_NEVER, .offset = SC(workforce.tau_q),
      .def = "2w", .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time", .intervention = 1,
      .source = "assumption", .text = "ISQ perception time tau_Q (Q2)." },
    { .path = "workforce.quality.training_effect", .kind = SPC_SET_NUMBER,
      .offset = SC(workforce.training_error), .def = "0.1", .lo = 0, .hi = 10, .unit = "per weekly hour",
      .intervention = 1, .source = "assumption (not in MODEL.md)",
      .text = "Effect k_H of training on base errors (Q1)." },
    /* ---- customers (docs/model.md 9) ---- */
    { .path = "customers", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 0,
      .source = "",
      .text = "External customers whose purchases and requests are the orders; present: on.",
      .layout = SPC_LAY_BLOCK, .present = SC(customers.enabled) },
    { .path = "customers.market", .kind = SPC_SET_WHOLE, .offset = SC(customers.market), .def = "6000",
      .lo = 1, .hi = 1e8, .unit = "people", .intervention = 0, .source = "scenario",
      .text = "People in the market: prospects, customers and lost customers." },
    { .path = "customers.initial", .kind = SPC_SET_WHOLE, .offset = SC(customers.initial), .def = "4000",
      .lo = 0, .hi = 1e8, .unit = "people", .intervention = 1, .source = "scenario",
      .text = "Active customers at time 0 (at most the market).", .layout = SPC_LAY_JOIN },
    { .path = "customers.front", .kind = SPC_SET_STAGE, .offset = SC(customers.front),
      .computed = "arrivals.entry", .unit = "stage", .intervention = 0, .source = "scenario",
      .text = "The stage whose employees meet customers.", .layout = SPC_LAY_JOIN },
    { .path = "customers.acquisition", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "Acquisition (C6) and referrals (C7)." },
    { .path = "customers.acquisition.rate", .kind = SPC_SET_RATE, .offset = SC(customers.acquisition),
      .def = "60/w", .lo = 0, .hi = INFINITY, .unit = "people per time", .intervention = 1,
      .source = "scenario", .text = "Acquisition candidates a0 (C6)." },
    { .path = "customers.acquisition.w_detractors", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.w_detractors), .def = "2.0", .lo = 0, .hi = 100, .unit = "factor",
      .intervention = 1, .source = "concept: TARP; weight: assumption",
      .text = "How the detractor share slows acquisition w_d (C6)." },
    { .path = "customers.acquisition.referrals", .kind = SPC_SET_NUMBER, .offset = SC(customers.referrals),
      .def = "0.5", .lo = 0, .hi = 100, .unit = "people", .intervention = 1,
      .source = "concept: Reichheld 2003, TARP; size: assumption",
      .text = "Prospects a promoter tells after an encounter rho (C7)." },
    { .path = "customers.acquisition.conversion", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.conversion), .def = "0.2", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption",
      .text = "Share of those told who become customers c (C7)." },
    { .path = "customers.purchases", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Purchase frequency (C5) and inquiries." },
    { .path = "customers.purchases.interval", .kind = SPC_SET_DIST, .offset = SC(customers.interpurchase),
      .computed = "exponential, mean 6w", .unit = "time", .intervention = 1, .source = "scenario",
      .text = "Time to the next purchase at U = u_ref (C5)." },
    { .path = "customers.purchases.w_frequency", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.w_frequency), .def = "0.2", .lo = -5, .hi = 5, .unit = "per U point",
      .intervention = 1, .source = "assumption", .text = "Purchase rate factor e^(b (U - u_ref)) (C5)." },
    { .path = "customers.purchases.inquiry", .kind = SPC_SET_NUMBER, .offset = SC(customers.inquiry_prob),
      .def = "0.0", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "Probability that a purchase starts with a pre-sale inquiry." },
    { .path = "customers.purchases.inquiry_stage", .kind = SPC_SET_STAGE,
      .offset = SC(customers.inquiry_stage), .computed = "customers.front", .unit = "stage",
      .intervention = 1, .source = "scenario", .text = "The stage that handles inquiries." },
    { .path = "customers.purchases.inquiry_work", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.inquiry_work), .def = "0.5", .lo = 0, .hi = 100, .lo_open = 1,
      .unit = "ratio", .intervention = 1, .source = "assumption",
      .text = "Service time factor of an inquiry at its stage." },
    { .path = "customers.aftersale", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "After-sale requests (C9)." },
    { .path = "customers.aftersale.stage", .kind = SPC_SET_STAGE, .offset = SC(customers.aftersale_stage),
      .computed = "customers.front", .unit = "stage", .intervention = 1, .source = "scenario",
      .text = "The stage that handles after-sale requests." },
    { .path = "customers.aftersale.work", .kind = SPC_SET_NUMBER, .offset = SC(customers.aftersale_work),
      .def = "1.0", .lo = 0, .hi = 100, .lo_open = 1, .unit = "ratio", .intervention = 1,
      .source = "assumption", .text = "Service time factor of an after-sale request at its stage." },
    { .path = "customers.aftersale.base", .kind = SPC_SET_NUMBER, .offset = SC(customers.claim_base),
      .def = "0.02", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "After-sale request after an order without an escaped defect (C9)." },
    { .path = "customers.aftersale.defect", .kind = SPC_SET_NUMBER, .offset = SC(customers.claim_defect),
      .def = "0.6", .lo = 0, .hi = 1, .unit = "probability", .intervention = 1, .source = "assumption",
      .text = "After-sale request after an order with an escaped defect (C9)." },
    { .path = "customers.aftersale.delay", .kind = SPC_SET_DIST, .offset = SC(customers.claim_delay),
      .computed = "exponential, mean 1w", .unit = "time", .intervention = 1, .source = "assumption",
      .text = "Time from the order to the after-sale request." },
    { .path = "customers.aftersale.expectation", .kind = SPC_SET_DURATION,
      .offset = SC(customers.request_expect),
      .computed = "2 x aftersale.work x the mean service time of the after-sale stage",
      .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time", .intervention = 1, .source = "assumption",
      .text = "Expected lead time of inquiries and after-sale requests." },
    { .path = "customers.satisfaction", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "",
      .text = "Encounter score (C1), satisfaction (C2), expectation (C3)." },
    { .path = "customers.satisfaction.initial_mean", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.u_init), .def = "7.5", .lo = 0, .hi = 10, .unit = "U points 0-10",
      .intervention = 1, .source = "assumption", .text = "Mean satisfaction of a new customer." },
    { .path = "customers.satisfaction.initial_sd", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.u_init_sd), .def = "1.0", .lo = 0, .hi = 5, .unit = "U points",
      .intervention = 1, .source = "assumption", .text = "Sd of the satisfaction of a new customer." },
    { .path = "customers.satisfaction.expectation", .kind = SPC_SET_DURATION,
      .offset = SC(customers.expect_init), .computed = "twice the sum of the stages' mean service times",
      .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time", .intervention = 1, .source = "assumption",
      .text = "Expected lead time of a new customer." },
    { .path = "customers.satisfaction.base", .kind = SPC_SET_NUMBER, .offset = SC(customers.s0),
      .def = "8.5", .lo = 0, .hi = 10, .unit = "U points 0-10", .intervention = 1, .source = "assumption",
      .text = "Score s0 of an on-time, defect-free encounter (C1)." },
    { .path = "customers.satisfaction.w_wait", .kind = SPC_SET_NUMBER, .offset = SC(customers.w_wait),
      .def = "1.5", .lo = 0, .hi = 100, .unit = "U points per unit ln", .intervention = 1,
      .source = "form: Maister 1985; weight: assumption",
      .text = "Weight w_L of ln(lead time / expectation) (C1)." },
    { .path = "customers.satisfaction.w_defect", .kind = SPC_SET_NUMBER, .offset = SC(customers.w_defect),
      .def = "3.0", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1, .source = "assumption",
      .text = "Penalty w_D of an escaped defect (C1)." },
    { .path = "customers.satisfaction.w_attitude", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.w_attitude), .def = "0.5", .lo = 0, .hi = 10,
      .unit = "U points per 10 points", .intervention = 1,
      .source = "link: Brown & Lam 2008, Heskett et al. 1994; weight: assumption",
      .text = "Weight w_A of the front employee's satisfaction (C1)." },
    { .path = "customers.satisfaction.attitude_ref", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.attitude_ref), .def = "70.0", .lo = 0, .hi = 100, .unit = "points 0-100",
      .intervention = 1, .source = "assumption",
      .text = "Employee satisfaction at which the attitude term is 0 (C1)." },
    { .path = "customers.satisfaction.lost", .kind = SPC_SET_NUMBER, .offset = SC(customers.score_lost),
      .def = "2.0", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1, .source = "assumption",
      .text = "Score of an abandoned, balked or blocked order (C1)." },
    { .path = "customers.satisfaction.noise", .kind = SPC_SET_NUMBER, .offset = SC(customers.score_sd),
      .def = "1.0", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1, .source = "assumption",
      .text = "Sd of the noise of one encounter's score (C1)." },
    { .path = "customers.satisfaction.heterogeneity", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.heterogeneity), .def = "1.0", .lo = 0, .hi = 10, .unit = "U points",
      .intervention = 1, .source = "assumption",
      .text = "Sd of each customer's personal offset to every score." },
    { .path = "customers.satisfaction.learn", .kind = SPC_SET_NUMBER, .offset = SC(customers.learn),
      .def = "0.3", .lo = 0, .hi = 1, .lo_open = 1, .unit = "share 0-1", .intervention = 1,
      .source = "assumption", .text = "Weight of the last encounter in satisfaction (C2)." },
    { .path = "customers.satisfaction.expectation_learn", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.expect_learn), .def = "0.1", .lo = 0, .hi = 1, .unit = "share 0-1",
      .intervention = 1, .source = "assumption",
      .text = "Weight of the last lead time in the expectation (C3)." },
    { .path = "customers.relationship", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "",
      .intervention = 1, .source = "", .text = "The regular front-line employee (C8)." },
    { .path = "customers.relationship.enabled", .kind = SPC_SET_FLAG, .offset = SC(customers.relationship),
      .def = "false", .unit = "flag", .intervention = 1, .source = "insurer figure of MODEL.md",
      .text = "Customers keep a regular front-line employee." },
    { .path = "customers.relationship.loss", .kind = SPC_SET_NUMBER, .offset = SC(customers.regular_loss),
      .def = "1.5", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1,
      .source = "concept: insurer figure of MODEL.md (75% to 55% satisfied); size: assumption",
      .text = "Points lost when the regular employee has left (C8)." },
    { .path = "customers.retention", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Retention (C4)." },
    { .path = "customers.retention.r0", .kind = SPC_SET_NUMBER, .offset = SC(customers.r0), .def = "1.156",
      .lo = -20, .hi = 20, .unit = "log-odds", .intervention = 1,
      .source = "assumption (MODEL.md); shape: Xerox", .text = "Retention intercept r0 (C4)." },
    { .path = "customers.retention.r1", .kind = SPC_SET_NUMBER, .offset = SC(customers.r1), .def = "0.578",
      .lo = -10, .hi = 10, .unit = "log-odds per U point", .intervention = 1,
      .source = "assumption (MODEL.md); shape: Xerox", .text = "Retention slope r1 (C4)." },
    { .path = "customers.retention.reference", .kind = SPC_SET_NUMBER, .offset = SC(customers.u_ref),
      .def = "7.0", .lo = 0, .hi = 10, .unit = "U points 0-10", .intervention = 1, .source = "MODEL.md",
      .text = "Reference satisfaction u_ref of (C4) and (C5)." },
    { .path = "customers.survey", .kind = SPC_SET_GROUP, .offset = NOF, .unit = "", .intervention = 1,
      .source = "", .text = "Surveys (C10)." },
    { .path = "customers.survey.response_rate", .kind = SPC_SET_NUMBER,
      .offset = SC(customers.response_rate), .def = "0.1", .lo = 0, .hi = 1, .lo_open = 1,
      .unit = "share 0-1", .intervention = 1, .source = "assumption",
      .text = "Probability that a customer answers the survey of an encounter (C10)." },
    { .path = "customers.survey.noise", .kind = SPC_SET_NUMBER, .offset = SC(customers.response_sd),
      .def = "0.5", .lo = 0, .hi = 10, .unit = "U points", .intervention = 1, .source = "assumption",
      .text = "Sd of the noise of a survey answer." },
    /* ---- finance (docs/model.md 10) ---- */
    { .path = "finance", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "all defaults, with customers",
      .unit = "", .intervention = 1, .source = "", .text = "Prices and costs of the ledger; needs customers.",
      .present = SC(customers.enabled) },
    { .path = "finance.price", .kind = SPC_SET_NUMBER, .offset = SC(finance.price), .def = "100.0",
      .lo = 0, .hi = INFINITY, .unit = "currency", .intervention = 1, .source = "scenario",
      .text = "Price of one purchase." },
    { .path = "finance.service_fee", .kind = SPC_SET_NUMBER, .offset = SC(finance.service_fee),
      .def = "0.0", .lo = 0, .hi = INFINITY, .unit = "currency", .intervention = 1, .source = "scenario",
      .text = "Fee of a service request." },
    { .path = "finance.cogs", .kind = SPC_SET_NUMBER, .offset = SC(finance.cogs), .def = "50.0",
      .lo = 0, .hi = INFINITY, .unit = "currency", .intervention = 1, .source = "scenario",
      .text = "Cost of goods sold per purchase." },
    { .path = "finance.overtime_premium", .kind = SPC_SET_NUMBER, .offset = SC(finance.overtime_premium),
      .def = "1.5", .lo = 0, .hi = 10, .unit = "ratio", .intervention = 1, .source = "assumption",
      .text = "Overtime pay per overtime hour, relative to the base rate." },
    { .path = "finance.hiring_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.hiring_cost),
      .def = "3000.0", .lo = 0, .hi = INFINITY, .unit = "currency", .intervention = 1,
      .source = "assumption", .text = "Cost of one hire." },
    { .path = "finance.rework_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.rework_cost),
      .def = "10.0", .lo = 0, .hi = INFINITY, .unit = "currency", .intervention = 1,
      .source = "assumption", .text = "Cost of a rework visit." },
    { .path = "finance.refund", .kind = SPC_SET_NUMBER, .offset = SC(finance.refund), .def = "60.0",
      .lo = 0, .hi = INFINITY, .unit = "currency", .intervention = 1, .source = "assumption",
      .text = "Refund of a claim (after-sale request after an escaped defect)." },
    { .path = "finance.acquisition_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.acquisition_cost),
      .def = "150.0", .lo = 0, .hi = INFINITY, .unit = "currency", .intervention = 1,
      .source = "MODEL.md (3-10 x the cost of keeping one); value: assumption",
      .text = "Cost of acquiring one customer." },
    { .path = "finance.referral_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.referral_cost),
      .def = "20.0", .lo = 0, .hi = INFINITY, .unit = "currency", .intervention = 1,
      .source = "assumption", .text = "Cost of a referred customer." },
    { .path = "finance.recognition_cost", .kind = SPC_SET_NUMBER, .offset = SC(finance.recognition_cost),
      .def = "0.0", .lo = 0, .hi = INFINITY, .unit = "currency per employee and year", .intervention = 1,
      .source = "calibrated (model.md 13)",
      .text = "Cost per employee and year per unit of the recognition lever." },
    { .path = "finance.fixed", .kind = SPC_SET_RATE, .offset = SC(finance.fixed), .def = "0",
      .lo = 0, .hi = INFINITY, .unit = "currency per time", .intervention = 1, .source = "scenario",
      .text = "Fixed cost per time unit (e.g. \"45000/w\").", .layout = SPC_LAY_BREAK },
    { .path = "finance.discount_rate", .kind = SPC_SET_NUMBER, .offset = SC(finance.discount_rate),
      .def = "0.1", .lo = 0, .hi = 10, .unit = "per clv_period", .intervention = 1, .source = "MODEL.md",
      .text = "Discount rate i of the customer lifetime value (C12)." },
    { .path = "finance.clv_period", .kind = SPC_SET_DURATION, .offset = SC(finance.clv_period),
      .def = "365d", .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time", .intervention = 1,
      .source = "", .text = "Period of the discount rate." },
    { .path = "finance.clv_horizon", .kind = SPC_SET_DURATION, .offset = SC(finance.clv_horizon),
      .computed = "three years (3 x 365d)", .lo = 0, .hi = INFINITY, .lo_open = 1, .unit = "time",
      .intervention = 0, .source = "assumption", .text = "Horizon of the customer lifetime value (C12)." },
    /* ---- units (docs/model.md 11) ---- */
    { .path = "units", .kind = SPC_SET_GROUP, .offset = NOF, .computed = "one unit", .unit = "",
      .intervention = 0, .source = "", .text = "A company of units that differ; written when there are at least two.",
      .present = SC(units.count), .present_min = 2 },
    { .path = "units.count", .kind = SPC_SET_COUNT, .offset = SC(units.count), .def = "1",
      .lo = 1, .hi = 100000, .unit = "units", .intervention = 0, .source = "scenario",
      .text = "Number of units." },
    { .path = "units.management_sd", .kind = SPC_SET_NUMBER, .offset = SC(units.management_sd),
      .def = "0.0", .lo = 0, .hi = 50, .unit = "points", .intervention = 0, .source = "assumption",
      .text = "Sd of the shift in employees' base satisfaction per unit." },
    { .path = "units.demand_sd", .kind = SPC_SET_NUMBER, .offset = SC(units.demand_sd), .def = "0.0",
      .lo = 0, .hi = 3, .unit = "ln factor", .intervention = 0, .source = "assumption",
      .text = "Sd of ln(local demand factor) on market and acquisition." },
    { .path = "units.labour_sd", .kind = SPC_SET_NUMBER, .offset = SC(units.labour_sd), .def = "0.0",
      .lo = 0, .hi = 5, .unit = "log-odds", .intervention = 0,
      .source = "assumption (Griffeth, Hom & Gaertner 2000: turnover depends on the labour market)",
      .text = "Sd of the shift in the quit intercept a per unit." },
    /* ---- interventions (custom code: scenario_interventions.c) ---- */
    { .path = "interventions", .kind = SPC_SET_LIST, .offset = NOF, .computed = "none", .unit = "",
      .intervention = 0, .source = "scenario",
      .text = "Timed changes of settings: ( { at = \"26w\"; set = ( (\"PATH\", VALUE) ); }, ... ).",
      .example = "({ at = 10.0; set = (\"workforce.levers.pay=1.2\"); })" },
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
    case SPC_SET_ENUM: return "word";
    case SPC_SET_STAGE: return "stage name";
    case SPC_SET_DIST: return "distribution";
    case SPC_SET_ROUTING: return "routing";
    case SPC_SET_SCHEDULE: return "schedule";
    case SPC_SET_LIST: return "list";
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

/* The default as shown: `text`, the way it is computed, or "required". */
static void default_text(const spc_setting *s, int markdown, char *buf, size_t size)
{
    if (s->def != NULL)
        snprintf(buf, size, markdown ? "`%s`" : "%s", s->def);
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
