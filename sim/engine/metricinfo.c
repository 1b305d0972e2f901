/*
 * metricinfo.c -- the table of what each output metric measures (see
 * metricinfo.h): one line per (scope, metric) pattern. A metric written by
 * a mechanism is declared here when the mechanism is added; the metricinfo
 * suite runs a company with every mechanism on and fails on any metric of
 * its files that has no line.
 */
#include "spcsim/metricinfo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NOB (-INFINITY)
#define INF INFINITY

/* shorthands for the kinds */
#define LV SPC_MK_LEVEL
#define CT SPC_MK_COUNT
#define RT SPC_MK_RATE
#define MO SPC_MK_MONEY

static const spc_metric_info table[] = {
    /* ---- the chain's links ---- */
    { "customers", "esat", "ESAT: employee satisfaction", "points (0-100)", RT, 0, 0, 100, SPC_LINK_ESAT },
    { "customers", "csat", "CSAT: satisfied respondents", "%", RT, 0, 0, 100, SPC_LINK_CSAT },
    { "customers", "nps", "NPS: net promoter score", "points (-100 to 100)", RT, 0, -100, 100, SPC_LINK_NPS },
    { "customers", "active", "active customers", "persons", LV, 0, 0, INF, SPC_LINK_ACTIVE },
    { "finance", "revenue", "revenue", "currency", MO, 1, 0, INF, SPC_LINK_REVENUE },
    { "finance", "profit", "profit", "currency", MO, 1, NOB, INF, SPC_LINK_PROFIT },

    /* ---- customers ---- */
    { "customers", "csat_pooled", "CSAT over all respondents", "%", RT, 0, 0, 100, 0 },
    { "customers", "nps_pooled", "NPS over all respondents", "points (-100 to 100)", RT, 0, -100, 100, 0 },
    { "customers", "score_mean", "mean recommend answer", "points (0-10)", RT, 0, 0, 10, 0 },
    { "customers", "score_pooled", "recommend answer over all respondents", "points (0-10)", RT, 0, 0, 10, 0 },
    { "customers", "impression", "customer impression", "points (0-100)", RT, 0, 0, 100, 0 },
    { "customers", "responses", "survey responses", "answers", CT, 1, 0, INF, 0 },
    { "customers", "satisfaction_true", "customers' true satisfaction", "points (0-10)", RT, 0, 0, 10, 0 },
    { "customers", "satisfaction_true_sd", "spread of true satisfaction (sd)", "points (0-10)", LV, 0, 0, INF, 0 },
    { "customers", "respondents_true", "respondents' true satisfaction", "points (0-10)", RT, 0, 0, 10, 0 },
    { "customers", "active_end", "active customers at the horizon", "persons", LV, 0, 0, INF, 0 },
    { "customers", "acquired", "customers acquired", "persons", CT, 1, 0, INF, 0 },
    { "customers", "referrals", "customers won by referral", "persons", CT, 1, 0, INF, 0 },
    { "customers", "churned", "customers lost", "persons", CT, 1, 0, INF, 0 },
    { "customers", "churn_annual", "customer churn", "share per year", RT, 0, 0, INF, 0 },
    { "customers", "retention", "customer retention per period", "share (0-1)", RT, 0, 0, 1, 0 },
    { "customers", "encounters", "customer encounters", "orders", CT, 1, 0, INF, 0 },
    { "customers", "abandonment", "customers' orders lost", "share (0-1)", RT, 0, 0, 1, 0 },
    { "customers", "aftersale", "after-sale requests", "orders", CT, 1, 0, INF, 0 },
    { "customers", "turnover_annual", "employee turnover (the company's)", "share per year", RT, 0, 0, INF, 0 },
    { "customers", "clv", "customer lifetime value", "currency per customer", MO, 0, NOB, INF, 0 },
    { "customers", "faulty_products", "faulty products delivered", "purchases", CT, 1, 0, INF, 0 },
    { "customers", "reviews", "public reviews", "reviews", CT, 1, 0, INF, 0 },
    { "customers", "review_stars", "mean stars of the reviews", "stars (1-5)", RT, 0, 1, 5, 0 },
    { "customers", "rating", "public rating", "stars (1-5)", RT, 0, 1, 5, 0 },
    { "customers", "rating_seen", "public rating as prospects see it", "stars (1-5)", RT, 0, 1, 5, 0 },
    { "customers", "competitor_lead", "competitor's lead time", "{t}", LV, 0, 0, INF, 0 },
    { "customers", "competitor_lead_end", "competitor's lead time at the horizon", "{t}", LV, 0, 0, INF, 0 },
    { "customers", "won_back", "customers won back", "persons", CT, 1, 0, INF, 0 },
    { "customers", "announced", "purchases announced", "purchases", CT, 1, 0, INF, 0 },
    { "customers", "late", "announced purchases late", "purchases", CT, 1, 0, INF, 0 },
    { "customers", "awareness_rate", "late purchases told in time", "share (0-1)", RT, 0, 0, 1, 0 },
    { "customers", "failures", "failed encounters", "purchases", CT, 1, 0, INF, 0 },
    { "customers", "problems", "problems left to reach", "purchases", CT, 1, 0, INF, 0 },
    { "customers", "proactive_share", "problems reached first", "share (0-1)", RT, 0, 0, 1, 0 },
    { "customers", "recovered_share", "failed encounters recovered", "share (0-1)", RT, 0, 0, 1, 0 },

    /* ---- finance ---- */
    { "finance", "revenue_orders", "revenue from purchases", "currency", MO, 1, 0, INF, 0 },
    { "finance", "revenue_services", "revenue from service fees", "currency", MO, 1, 0, INF, 0 },
    { "finance", "costs", "costs", "currency", MO, 1, 0, INF, 0 },
    { "finance", "margin", "profit margin", "% of revenue", RT, 0, NOB, 100, 0 },
    { "finance", "revenue_growth", "revenue growth", "%", RT, 0, -100, INF, 0 },
    { "finance", "cogs", "cost of goods", "currency", MO, 1, 0, INF, 0 },
    { "finance", "wages", "wages", "currency", MO, 1, 0, INF, 0 },
    { "finance", "overtime_pay", "overtime pay", "currency", MO, 1, 0, INF, 0 },
    { "finance", "hiring_cost", "hiring cost", "currency", MO, 1, 0, INF, 0 },
    { "finance", "turnover_cost", "turnover cost", "currency", MO, 1, 0, INF, 0 },
    { "finance", "rework_cost", "rework cost", "currency", MO, 1, 0, INF, 0 },
    { "finance", "refunds", "refunds", "currency", MO, 1, 0, INF, 0 },
    { "finance", "acquisition_cost", "acquisition cost", "currency", MO, 1, 0, INF, 0 },
    { "finance", "programme_cost", "recognition programme cost", "currency", MO, 1, 0, INF, 0 },
    { "finance", "fixed_cost", "fixed cost", "currency", MO, 1, 0, INF, 0 },
    { "finance", "contact_cost", "contact cost", "currency", MO, 1, 0, INF, 0 },

    /* ---- the standards scorecard ---- */
    { "standards", "speed_on_time_pct", "speed: purchases on time", "%", RT, 0, 0, 100, 0 },
    { "standards", "accuracy_pct", "accuracy: purchases without defect", "%", RT, 0, 0, 100, 0 },
    { "standards", "transparency_pct", "transparency: late purchases told", "%", RT, 0, 0, 100, 0 },
    { "standards", "accessibility_pct", "accessibility: problems reached", "%", RT, 0, 0, 100, 0 },
    { "standards", "output_per_hour", "output per employee-hour", "orders per h", LV, 0, 0, INF, 0 },
    { "standards", "errors_per_order", "errors per order", "errors per order", LV, 0, 0, INF, 0 },
    /* the same on the customers rows of timeseries.csv */
    { "customers", "speed_on_time_pct", "speed: purchases on time", "%", RT, 0, 0, 100, 0 },
    { "customers", "accuracy_pct", "accuracy: purchases without defect", "%", RT, 0, 0, 100, 0 },
    { "customers", "transparency_pct", "transparency: late purchases told", "%", RT, 0, 0, 100, 0 },
    { "customers", "accessibility_pct", "accessibility: problems reached", "%", RT, 0, 0, 100, 0 },
    { "customers", "output_per_hour", "output per employee-hour", "orders per h", LV, 0, 0, INF, 0 },
    { "customers", "errors_per_order", "errors per order", "errors per order", LV, 0, 0, INF, 0 },

    /* ---- management ---- */
    { "management", "decisions", "management decisions", "decisions", CT, 1, 0, INF, 0 },
    { "management", "reversals", "decisions reversed", "decisions", CT, 1, 0, INF, 0 },
    { "management", "staffing_changes", "staffing changes", "changes", CT, 1, 0, INF, 0 },
    { "management", "headcount_step_rms", "headcount change per period (rms)", "persons", LV, 0, 0, INF, 0 },
    { "management", "staff_target_mean", "staffing target", "persons", LV, 0, 0, INF, 0 },
    { "*", "lead_time_seen", "lead time as management sees it", "{t}", LV, 0, 0, INF, 0 },
    { "*", "utilization_seen", "utilisation as management sees it", "share (0-1)", RT, 0, 0, INF, 0 },
    { "management", "esat_seen", "ESAT as management sees it", "points (0-100)", RT, 0, 0, 100, 0 },
    { "management", "csat_seen", "CSAT as management sees it", "%", RT, 0, 0, 100, 0 },
    { "management", "pay", "pay lever", "factor", LV, 0, 0, INF, 0 },
    { "management", "training_hours", "training", "h per employee", LV, 0, 0, INF, 0 },
    { "*", "staff_target", "staffing target", "persons", LV, 0, 0, INF, 0 },
    { "*", "staffing_change", "staffing change", "persons", LV, 0, NOB, INF, 0 },

    /* ---- the flow of orders (system) ---- */
    { "system", "orders_arrived", "orders arrived", "orders", CT, 1, 0, INF, 0 },
    { "system", "orders_completed", "orders completed", "orders", CT, 1, 0, INF, 0 },
    { "system", "orders_blocked", "orders blocked", "orders", CT, 1, 0, INF, 0 },
    { "system", "orders_abandoned", "orders abandoned", "orders", CT, 1, 0, INF, 0 },
    { "system", "orders_balked", "orders balked", "orders", CT, 1, 0, INF, 0 },
    { "system", "wip_mean", "orders in the system", "orders", LV, 0, 0, INF, 0 },
    { "system", "wip_end", "orders in the system at the horizon", "orders", LV, 0, 0, INF, 0 },
    { "*", "lead_time_mean", "lead time", "{t}", LV, 0, 0, INF, 0 },
    { "*", "lead_time_p50", "lead time, median", "{t}", LV, 0, 0, INF, 0 },
    { "*", "lead_time_p90", "lead time, 90th percentile", "{t}", LV, 0, 0, INF, 0 },
    { "*", "lead_time_p95", "lead time, 95th percentile", "{t}", LV, 0, 0, INF, 0 },
    { "*", "lead_time_p99", "lead time, 99th percentile", "{t}", LV, 0, 0, INF, 0 },
    { "*", "escaped_defects", "defects that reached customers", "orders", CT, 1, 0, INF, 0 },

    /* ---- a stage (and the company's workforce rows) ---- */
    { "*", "throughput", "throughput", "orders per {t}", LV, 0, 0, INF, 0 },
    { "*", "arrivals", "orders arrived", "orders", CT, 1, 0, INF, 0 },
    { "*", "completed", "orders completed", "orders", CT, 1, 0, INF, 0 },
    { "*", "abandoned", "orders abandoned", "orders", CT, 1, 0, INF, 0 },
    { "*", "balked", "orders balked", "orders", CT, 1, 0, INF, 0 },
    { "*", "blocked", "orders blocked", "orders", CT, 1, 0, INF, 0 },
    { "*", "abandon_prob", "share abandoned", "share (0-1)", RT, 0, 0, 1, 0 },
    { "*", "balk_prob", "share balked", "share (0-1)", RT, 0, 0, 1, 0 },
    { "*", "blocking_prob", "share blocked", "share (0-1)", RT, 0, 0, 1, 0 },
    { "*", "wait_prob", "share that waited", "share (0-1)", RT, 0, 0, 1, 0 },
    { "*", "wait_mean", "wait in queue", "{t}", LV, 0, 0, INF, 0 },
    { "*", "wait_p90", "wait in queue, 90th percentile", "{t}", LV, 0, 0, INF, 0 },
    { "*", "wait_all_mean", "wait in queue, abandoned included", "{t}", LV, 0, 0, INF, 0 },
    { "*", "wait_abandoned_mean", "wait before abandoning", "{t}", LV, 0, 0, INF, 0 },
    { "*", "sojourn_mean", "time at the stage", "{t}", LV, 0, 0, INF, 0 },
    { "*", "queue_mean", "queue length", "orders", LV, 0, 0, INF, 0 },
    { "*", "queue_little", "queue length by Little's law", "orders", LV, 0, 0, INF, 0 },
    { "*", "utilization", "utilisation", "share (0-1)", RT, 0, 0, INF, 0 },
    { "*", "staffed_mean", "staffed positions", "positions", LV, 0, 0, INF, 0 },
    { "*", "headcount_mean", "headcount", "persons", LV, 0, 0, INF, 0 },
    { "*", "headcount", "headcount", "persons", LV, 0, 0, INF, 0 },
    { "*", "vacancies_mean", "vacancies", "positions", LV, 0, 0, INF, 0 },
    { "*", "vacancies", "vacancies", "positions", LV, 0, 0, INF, 0 },
    { "*", "satisfaction_mean", "employee satisfaction", "points (0-100)", RT, 0, 0, 100, 0 },
    { "*", "satisfaction", "employee satisfaction", "points (0-100)", RT, 0, 0, 100, 0 },
    { "*", "satisfaction_sd", "spread of employee satisfaction (sd)", "points (0-100)", LV, 0, 0, INF, 0 },
    { "*", "tenure_mean", "tenure", "{t}", LV, 0, 0, INF, 0 },
    { "*", "tenure", "tenure", "{t}", LV, 0, 0, INF, 0 },
    { "*", "pressure_mean", "work pressure", "factor", LV, 0, 0, INF, 0 },
    { "*", "pressure", "work pressure", "factor", LV, 0, 0, INF, 0 },
    { "*", "isq_mean", "internal service quality", "points (0-100)", RT, 0, 0, 100, 0 },
    { "*", "isq", "internal service quality", "points (0-100)", RT, 0, 0, 100, 0 },
    { "*", "time_per_order_mean", "time per order", "factor", LV, 0, 0, INF, 0 },
    { "*", "time_per_order", "time per order", "factor", LV, 0, 0, INF, 0 },
    { "*", "fatigue_mean", "fatigue", "factor", LV, 0, 0, INF, 0 },
    { "*", "fatigue", "fatigue", "factor", LV, 0, 0, INF, 0 },
    { "*", "productivity", "productivity", "factor", LV, 0, 0, INF, 0 },
    { "*", "standard", "time standard", "factor", LV, 0, 0, INF, 0 },
    { "*", "standard_final", "time standard at the horizon", "factor", LV, 0, 0, INF, 0 },
    { "*", "overtime", "overtime", "share of the hours", RT, 0, 0, INF, 0 },
    { "*", "turnover_annual", "employee turnover", "share per year", RT, 0, 0, INF, 0 },
    { "*", "quits", "employees who quit", "persons", CT, 1, 0, INF, 0 },
    { "*", "hires", "employees hired", "persons", CT, 1, 0, INF, 0 },
    { "*", "layoffs", "employees laid off", "persons", CT, 1, 0, INF, 0 },
    { "*", "turnover_cost", "turnover cost", "currency", MO, 1, 0, INF, 0 },
    { "*", "errors", "errors", "orders", CT, 1, 0, INF, 0 },
    { "*", "defects_caught", "defects caught", "orders", CT, 1, 0, INF, 0 },
    { "*", "rework", "orders reworked", "orders", CT, 1, 0, INF, 0 },
    { "*", "absences", "absences at the roll calls", "persons x roll calls", CT, 1, 0, INF, 0 },
    { "*", "absence_rate", "absence rate", "share (0-1)", RT, 0, 0, 1, 0 },
    { "*", "reputation", "employer reputation", "factor", LV, 0, NOB, INF, 0 },
    { "*", "reputation_end", "employer reputation at the horizon", "factor", LV, 0, NOB, INF, 0 },

    /* ---- channels (model.md 9.20): one scope per channel, channel/NAME ---- */
    { "channel/*", "contacts", "contacts made in this channel first", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "pending_start", "contacts pending at the warm-up", "contacts", LV, 0, 0, INF, 0 },
    { "channel/*", "gave_up", "contacts given up out of hours", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "lost", "contacts lost in the queue", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "switched", "contacts switched to another channel", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "escalated", "self-service contacts escalated", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "resolved_self", "contacts resolved in self-service", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "served_first", "contacts served in the first channel", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "pending_end", "contacts pending at the horizon", "contacts", LV, 0, 0, INF, 0 },
    { "channel/*", "first_contact_resolution", "first-contact resolution", "share (0-1)", RT, 0, 0, 1, 0 },
    { "channel/*", "taken", "contacts this channel took", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "cost", "channel cost", "currency", MO, 1, 0, INF, 0 },
    { "channel/*", "held", "contacts held for the opening", "contacts", CT, 1, 0, INF, 0 },
    { "channel/*", "held_wait_mean", "wait for the opening", "{t}", LV, 0, 0, INF, 0 },
    { "channel/*", "response_mean", "response time", "{t}", LV, 0, 0, INF, 0 },
    { "channel/*", "satisfaction_change", "satisfaction change per encounter", "points (0-10)", LV, 0, NOB, INF, 0 },
    { "customers", "contacts", "contacts (channels)", "contacts", CT, 1, 0, INF, 0 },
    { "customers", "self_resolved", "contacts resolved in self-service", "contacts", CT, 1, 0, INF, 0 },
    { "customers", "escalations", "self-service contacts escalated", "contacts", CT, 1, 0, INF, 0 },
    { "customers", "gave_up", "contacts given up out of hours", "contacts", CT, 1, 0, INF, 0 },
    { "customers", "first_contact_pct", "accessibility: contacts resolved first time", "%", RT, 0, 0, 100, 0 },
    { "standards", "first_contact_pct", "accessibility: contacts resolved first time", "%", RT, 0, 0, 100, 0 },
    { "finance", "channel_cost", "channel cost", "currency", MO, 1, 0, INF, 0 },
};

const spc_metric_info *spc_metricinfo_table(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}

static const spc_metric_info *lookup(const char *scope, const char *metric)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].scope, scope) == 0 && strcmp(table[i].metric, metric) == 0)
            return &table[i];
    return NULL;
}

const spc_metric_info *spc_metricinfo_find(const char *scope, const char *metric)
{
    const spc_metric_info *m = lookup(scope, metric);
    const char *slash = strchr(scope, '/');
    char family[64];
    if (m == NULL && slash != NULL && (size_t)(slash - scope) + 2 < sizeof family) { /* channel/phone: the family channel/STAR */
        snprintf(family, sizeof family, "%.*s/*", (int)(slash - scope), scope);
        m = lookup(family, metric);
    }
    return m != NULL ? m : lookup("*", metric);
}

const char *spc_metricinfo_unit(const spc_metric_info *info, spc_metric_where where, const char *time_unit,
                                char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    if (info == NULL)
        return buf;
    for (const char *s = info->unit; *s && n + 1 < size; s++) {
        if (strncmp(s, "{t}", 3) == 0) {
            int k = snprintf(buf + n, size - n, "%s", time_unit != NULL ? time_unit : "time unit");
            n = k > 0 && (size_t)k < size - n ? n + (size_t)k : size - 1;
            s += 2;
        } else {
            buf[n++] = *s;
            buf[n] = '\0';
        }
    }
    if (info->flow && n + 1 < size)
        snprintf(buf + n, size - n, "%s", where == SPC_MI_PERIOD ? " per period" : " in the window");
    return buf;
}

void spc_metricinfo_clip(const spc_metric_info *info, double *lo, double *hi)
{
    if (info == NULL)
        return;
    if (!isnan(*lo) && *lo < info->lo)
        *lo = info->lo;
    if (!isnan(*hi) && *hi > info->hi)
        *hi = info->hi;
}

int spc_metricinfo_in_points(const spc_metric_info *info)
{
    return info != NULL && info->kind == SPC_MK_RATE;
}

int spc_metricinfo_rank(const char *scope, const char *metric)
{
    static const char *const scopes[] = { "customers", "finance", "company", "standards", "management", "system" };
    const spc_metric_info *m = lookup(scope, metric);
    if (m != NULL && m->link != SPC_LINK_NONE)
        return m->link;
    for (size_t i = 0; i < sizeof scopes / sizeof scopes[0]; i++)
        if (strcmp(scope, scopes[i]) == 0)
            return SPC_LINK_COUNT + (int)i;
    return SPC_LINK_COUNT + (int)(sizeof scopes / sizeof scopes[0]); /* a stage */
}
