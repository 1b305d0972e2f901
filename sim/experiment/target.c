/*
 * target.c -- calibration targets (target.h): reading --target, and
 * measuring a target on an experiment's summary, panel or employee log.
 *
 * A panel statistic is taken across units. Within replication r, unit u's
 * value of column c is the mean of its periods that end after the warm-up
 * (periods without a value left out); units with a value in every column
 * the statistic names enter it. An employee statistic is taken across the
 * cohort rows of replication r (emplog.h: present at the start of a year
 * that ended before the horizon, so a quit in the year counts; rows of
 * people hired during a year, or of a year the horizon cuts, are left
 * out), all units and stages pooled. Then, over the R replications where the statistic exists,
 *
 *   m = (1/R) sum_r s_r,   m +- t_{0.975, R-1} sd(s_r) / sqrt(R).
 */
#include "spcsim/target.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>

#include "spcsim/chainstudy.h"

/* ---- names ---- */

/* In enum order, then the derived revenue_growth (SPC_TARGET_GROWTH). */
static const char *const panel_names[SPC_P_NCOLUMNS + 1] = {
    "esat", "csat", "impression", "nps", "turnover_annual", "retention", "active",
    "revenue", "profit", "productivity", "revenue_growth"
};
static const char *const emp_names[SPC_EMP_NCOLUMNS] = { "tenure", "s_start", "s_mean", "quit", "other" };

static const struct {
    const char *name;
    spc_target_stat stat;
    int ncols;
} stats[] = { { "mean", SPC_TARGET_MEAN, 1 }, { "corr", SPC_TARGET_CORR, 2 }, { "slope", SPC_TARGET_SLOPE, 2 } },
  chain_stats[] = { { "diff", SPC_TARGET_DIFF, 1 }, { "rel", SPC_TARGET_REL, 1 } };

static int lookup(const char *const *names, int n, const char *s)
{
    for (int k = 0; k < n; k++)
        if (strcmp(names[k], s) == 0)
            return k;
    return -1;
}

static void list_names(char *buf, size_t size, const char *const *names, int n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int k = 0; k < n && used < size; k++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", k ? ", " : "", names[k]);
}

/* ---- reading ---- */

/* VALUE, VALUE:SD or VALUE±SD (SD > 0). */
static spc_status parse_value(spc_target *t, const char *arg, const char *s, spc_error *err)
{
    char *end;
    t->value = strtod(s, &end);
    t->sd = 0;
    if (end == s || !isfinite(t->value))
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: expected a number after '=' (VALUE, VALUE:SD or VALUE±SD)",
                             arg);
    if (*end == '\0')
        return SPC_OK;
    const char *p = *end == ':' ? end + 1 : strncmp(end, "\xc2\xb1", 2) == 0 ? end + 2 : NULL;
    char *e2 = NULL;
    if (p != NULL)
        t->sd = strtod(p, &e2);
    if (p == NULL || e2 == p || *e2 != '\0' || !isfinite(t->sd) || !(t->sd > 0))
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: expected VALUE, VALUE:SD or VALUE±SD with SD > 0", arg);
    return SPC_OK;
}

/* SCOPE/METRIC=..., k where it starts in arg (after any SCENARIO@). */
static spc_status parse_summary(spc_target *t, const char *arg, const char *k, spc_error *err)
{
    int used = 0;
    if (sscanf(k, "%63[^/=]/%47[^=]=%n", t->scope, t->metric, &used) != 2 || used == 0)
        return spc_error_set(err, SPC_ERR_USAGE,
                             "--target %s: expected SCOPE/METRIC=VALUE, panel:STAT(COLUMN[,COLUMN])=VALUE or "
                             "employees:STAT(COLUMN[,COLUMN])=VALUE (STAT mean, corr or slope), or "
                             "chain(DELTA):diff|rel(MEASURE)=VALUE; =VALUE:SD to give the target's uncertainty",
                             arg);
    t->source = SPC_TARGET_SUMMARY;
    snprintf(t->name, sizeof t->name, "%s/%s", t->scope, t->metric);
    return parse_value(t, arg, k + used, err);
}

static spc_status parse_column(spc_target *t, const char *arg, const char *col, int k, spc_error *err)
{
    int panel = t->source == SPC_TARGET_PANEL;
    const char *const *names = panel ? panel_names : emp_names;
    int n = panel ? SPC_P_NCOLUMNS + 1 : SPC_EMP_NCOLUMNS;
    if ((t->col[k] = lookup(names, n, col)) >= 0)
        return SPC_OK;
    char list[256];
    list_names(list, sizeof list, names, n);
    return spc_error_set(err, SPC_ERR_USAGE, "--target %s: unknown %s column '%s' (one of %s)", arg,
                         panel ? "panel" : "employees", col, list);
}

/* SOURCE:STAT(A)=... or SOURCE:STAT(A,B)=..., k where SOURCE starts, s just after the colon. */
static spc_status parse_statistic(spc_target *t, const char *arg, const char *k0, const char *s, spc_error *err)
{
    const char *src = t->source == SPC_TARGET_PANEL ? "panel" : "employees";
    char stat[8], a[32], b[32];
    int used = 0, ncols = 2;
    if (sscanf(s, "%7[a-z](%31[a-z_],%31[a-z_])%n", stat, a, b, &used) != 3 || used == 0) {
        used = 0, ncols = 1;
        if (sscanf(s, "%7[a-z](%31[a-z_])%n", stat, a, &used) != 2 || used == 0)
            return spc_error_set(err, SPC_ERR_USAGE,
                                 "--target %s: expected %s:STAT(COLUMN[,COLUMN])=VALUE[:SD], STAT one of mean, "
                                 "corr, slope", arg, src);
    }
    if (s[used] != '=')
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: expected '=' after '%.*s'", arg, (int)(s - arg + used),
                             arg);
    size_t k = 0;
    while (k < sizeof stats / sizeof stats[0] && strcmp(stats[k].name, stat) != 0)
        k++;
    if (k == sizeof stats / sizeof stats[0])
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: unknown statistic '%s' (one of mean, corr, slope)", arg,
                             stat);
    if (stats[k].ncols != ncols)
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: %s takes %s", arg, stat,
                             stats[k].ncols == 1 ? "one column: mean(A)" : "two columns: corr(A,B), slope(Y,X)");
    t->stat = stats[k].stat;
    t->col[1] = -1;
    if (parse_column(t, arg, a, 0, err) != SPC_OK || (ncols == 2 && parse_column(t, arg, b, 1, err) != SPC_OK))
        return err->code;
    snprintf(t->name, sizeof t->name, "%.*s", (int)(s - k0 + used), k0);
    return parse_value(t, arg, s + used + 1, err);
}

/* chain(DELTA): or chain: (5%) -- DELTA a positive number then % or pt;
 * returns the text after the colon, or NULL (err set). */
static const char *parse_dose(spc_target *t, const char *arg, const char *s, spc_error *err)
{
    t->delta = 5.0, t->points = 0;
    if (*s == ':')
        return s + 1;
    char *end;
    t->delta = strtod(s + 1, &end);
    int unit = *s == '(' && end != s + 1 && (*end == '%' || strncmp(end, "pt", 2) == 0);
    if (unit) {
        t->points = *end == 'p';
        end += t->points ? 2 : 1;
    }
    if (!unit || !isfinite(t->delta) || !(t->delta > 0) || strncmp(end, "):", 2) != 0) {
        spc_error_set(err, SPC_ERR_USAGE, "--target %s: expected chain(DELTA):STAT(MEASURE)=VALUE, DELTA a positive "
                      "rise of ESAT with its unit, such as 5%% or 3pt", arg);
        return NULL;
    }
    return end + 2;
}

/* chain(DELTA):STAT(MEASURE)=..., k0 where "chain" starts, s just after it. */
static spc_status parse_chain(spc_target *t, const char *arg, const char *k0, const char *s, spc_error *err)
{
    const char *p = parse_dose(t, arg, s, err);
    char stat[8], m[48];
    int used = 0;
    if (p == NULL)
        return err->code;
    if (sscanf(p, "%7[a-z](%47[a-z_])%n", stat, m, &used) != 2 || used == 0 || p[used] != '=')
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: expected chain(DELTA):STAT(MEASURE)=VALUE[:SD], STAT "
                             "diff or rel", arg);
    size_t k = 0;
    while (k < sizeof chain_stats / sizeof chain_stats[0] && strcmp(chain_stats[k].name, stat) != 0)
        k++;
    if (k == sizeof chain_stats / sizeof chain_stats[0])
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: unknown chain statistic '%s' (diff: the paired "
                             "difference; rel: the relative change in %%)", arg, stat);
    t->stat = chain_stats[k].stat;
    const spc_chainstudy_measure *found = NULL;
    char list[512];
    size_t len = 0;
    list[0] = '\0';
    for (size_t i = 0; i < spc_chainstudy_nmeasures; i++) {
        if (strcmp(spc_chainstudy_measures[i].metric, m) == 0)
            found = &spc_chainstudy_measures[i];
        if (len < sizeof list)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "",
                                    spc_chainstudy_measures[i].metric);
    }
    if (found == NULL)
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: unknown chain measure '%s' (one of %s)", arg, m, list);
    if (t->stat == SPC_TARGET_REL && !found->relative)
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: %s has no meaningful relative change (its base can be "
                             "near 0 or negative): use diff", arg, m);
    snprintf(t->scope, sizeof t->scope, "%s", found->scope);
    snprintf(t->metric, sizeof t->metric, "%s", found->metric);
    t->source = SPC_TARGET_CHAIN;
    snprintf(t->name, sizeof t->name, "%.*s", (int)(p - k0 + used), k0);
    return parse_value(t, arg, p + used + 1, err);
}

/* SCENARIO@ at the start of arg: its length with the '@', or 0 when none. */
static size_t scenario_prefix(spc_target *t, const char *arg, spc_error *err)
{
    size_t n = strcspn(arg, "@=");
    if (arg[n] != '@')
        return 0;
    int ok = n > 0 && n < sizeof t->scenario;
    for (size_t i = 0; ok && i < n; i++)
        ok = isalnum((unsigned char)arg[i]) || arg[i] == '-' || arg[i] == '_' || arg[i] == '.';
    if (!ok) {
        spc_error_set(err, SPC_ERR_USAGE, "--target %s: expected SCENARIO@TARGET, SCENARIO a scenario's name or "
                      "position (letters, digits, '-', '_', '.')", arg);
        return 0;
    }
    memcpy(t->scenario, arg, n);
    t->scenario[n] = '\0';
    return n + 1;
}

/* The target's kind, starting at k in arg. */
static spc_status parse_kind(spc_target *t, const char *arg, const char *k, spc_error *err)
{
    if (strncmp(k, "chain", 5) == 0 && (k[5] == ':' || k[5] == '('))
        return parse_chain(t, arg, k, k + 5, err);
    if (strncmp(k, "panel:", 6) == 0) {
        t->source = SPC_TARGET_PANEL;
        return parse_statistic(t, arg, k, k + 6, err);
    }
    if (strncmp(k, "employees:", 10) == 0) {
        t->source = SPC_TARGET_EMPLOYEES;
        return parse_statistic(t, arg, k, k + 10, err);
    }
    return parse_summary(t, arg, k, err);
}

spc_status spc_target_parse(spc_target *t, const char *arg, spc_error *err)
{
    memset(t, 0, sizeof *t);
    size_t skip = scenario_prefix(t, arg, err);
    if (err->code != SPC_OK || parse_kind(t, arg, arg + skip, err) != SPC_OK)
        return err->code;
    if (skip > 0) { /* the name keeps the prefix: it says where the target was measured */
        char name[sizeof t->name];
        memcpy(name, t->name, sizeof name);
        size_t len = strlen(t->scenario);
        memcpy(t->name, t->scenario, len);
        t->name[len] = '@';
        memcpy(t->name + len + 1, name, sizeof t->name - len - 1);
        t->name[sizeof t->name - 1] = '\0';
    }
    return SPC_OK;
}

/* ---- one replication ---- */

/* mean(a), corr(a, b) or the slope of a on b, over n points; NaN when it
 * does not exist. */
static double statistic(spc_target_stat stat, const double *a, const double *b, size_t n)
{
    if (stat == SPC_TARGET_MEAN)
        return n > 0 ? gsl_stats_mean(a, 1, n) : NAN;
    if (n < 3 || !(gsl_stats_variance(b, 1, n) > 0))
        return NAN;
    if (stat == SPC_TARGET_CORR)
        return gsl_stats_variance(a, 1, n) > 0 ? gsl_stats_correlation(a, 1, b, 1, n) : NAN;
    double c0, c1, cov00, cov01, cov11, ss;
    gsl_fit_linear(b, 1, a, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &ss);
    return c1;
}

static double panel_value(const spc_panel *p, size_t i, int col, long per_year)
{
    return col == SPC_TARGET_GROWTH ? spc_panel_growth(p, i, per_year) : p->rows[i].v[col];
}

/* Each unit's means of the target's columns over the periods after the
 * warm-up, into a[] and b[]; *n units with every column. */
static void unit_means(const spc_target *t, const spc_panel *p, const spc_target_frame *fr, double *acc, size_t nunits,
                       double *a, double *b, size_t *n)
{
    int ncols = t->col[1] >= 0 ? 2 : 1;
    for (size_t i = 0; i < p->n; i++) {
        if (!(p->rows[i].time > fr->warmup))
            continue;
        for (int c = 0; c < ncols; c++) {
            double v = panel_value(p, i, t->col[c], fr->per_year);
            if (isfinite(v)) {
                acc[4 * p->rows[i].unit + 2 * (size_t)c] += v;
                acc[4 * p->rows[i].unit + 2 * (size_t)c + 1] += 1;
            }
        }
    }
    *n = 0;
    for (size_t u = 0; u < nunits; u++) {
        const double *s = &acc[4 * u];
        if (s[1] > 0 && (ncols == 1 || s[3] > 0)) {
            a[*n] = s[0] / s[1];
            b[*n] = ncols == 2 ? s[2] / s[3] : 0;
            ++*n;
        }
    }
}

static double emp_value(const spc_emp_row *r, int col)
{
    switch (col) {
    case SPC_EMP_TENURE: return r->tenure;
    case SPC_EMP_S_START: return r->s_start;
    case SPC_EMP_S_MEAN: return r->s_mean;
    case SPC_EMP_QUIT: return r->quit;
    default: return r->other;
    }
}

static int in_cohort(const spc_emp_row *r)
{
    return r->cohort != 0;
}

spc_status spc_target_replication(const spc_target *t, const spc_panel *p, const spc_emplog *l,
                                  const spc_target_frame *fr, double *value, spc_error *err)
{
    size_t cap = 0, nunits = 0, n = 0;
    if (t->source == SPC_TARGET_PANEL) {
        for (size_t i = 0; i < p->n; i++)
            nunits = p->rows[i].unit + 1 > nunits ? p->rows[i].unit + 1 : nunits;
        cap = nunits;
    } else {
        cap = l->n;
    }
    double *a = malloc((2 * cap + 4 * nunits + 1) * sizeof *a), *b = a + cap, *acc = b + cap;
    if (a == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    if (t->source == SPC_TARGET_PANEL) {
        memset(acc, 0, 4 * nunits * sizeof *acc);
        unit_means(t, p, fr, acc, nunits, a, b, &n);
    } else {
        for (size_t i = 0; i < l->n; i++)
            if (in_cohort(&l->rows[i])) {
                a[n] = emp_value(&l->rows[i], t->col[0]);
                b[n++] = t->col[1] >= 0 ? emp_value(&l->rows[i], t->col[1]) : 0;
            }
    }
    *value = statistic(t->stat, a, b, n);
    free(a);
    return SPC_OK;
}

/* ---- across replications ---- */

static int has_data(const spc_target *t, const spc_experiment *x)
{
    for (unsigned r = 0; r < x->n; r++) {
        if (t->source == SPC_TARGET_PANEL && x->rep_panel[r].n > 0)
            return 1;
        if (t->source == SPC_TARGET_EMPLOYEES)
            for (size_t i = 0; i < x->rep_emp[r].n; i++)
                if (in_cohort(&x->rep_emp[r].rows[i]))
                    return 1;
    }
    return 0;
}

spc_status spc_target_measure(const spc_target *t, const spc_experiment *x, const spc_target_frame *fr,
                              spc_estimate *out, spc_error *err)
{
    if (t->source == SPC_TARGET_SUMMARY) {
        const spc_result_row *r = spc_results_find(&x->combined, t->scope, t->metric);
        if (r == NULL)
            return spc_error_set(err, SPC_ERR_USAGE, "--target %s: no metric %s/%s in the results", t->name, t->scope,
                                 t->metric);
        *out = r->e;
        return SPC_OK;
    }
    if (!has_data(t, x))
        return spc_error_set(err, SPC_ERR_USAGE, "--target %s: %s", t->name,
                             t->source == SPC_TARGET_PANEL
                                 ? "the panel is empty: panel targets need a customers section"
                                 : "no cohort rows in the employee log: employees targets need a workforce and "
                                   "a whole year (workforce.turnover.year) between the warm-up and the horizon");
    double *v = malloc((x->n ? x->n : 1) * sizeof *v);
    if (v == NULL)
        return spc_error_set(err, SPC_ERR_INTERNAL, "out of memory");
    size_t k = 0;
    for (unsigned r = 0; r < x->n && err->code == SPC_OK; r++) {
        double s;
        if (spc_target_replication(t, &x->rep_panel[r], &x->rep_emp[r], fr, &s, err) == SPC_OK && isfinite(s))
            v[k++] = s;
    }
    *out = spc_stats_interval(v, k, NAN);
    free(v);
    return err->code;
}

spc_status spc_target_measure_chain(const spc_target *t, const spc_experiment *base, const spc_experiment *variant,
                                    spc_estimate *out, spc_error *err)
{
    spc_chainstudy_table tab;
    memset(&tab, 0, sizeof tab);
    unsigned n = base->n < variant->n ? base->n : variant->n;
    if (spc_chainstudy_table_make(base->rep, variant->rep, n, &tab, err) != SPC_OK)
        return err->code;
    for (size_t i = 0; i < tab.n; i++)
        if (strcmp(tab.rows[i].m->scope, t->scope) == 0 && strcmp(tab.rows[i].m->metric, t->metric) == 0) {
            *out = t->stat == SPC_TARGET_DIFF ? tab.rows[i].diff : tab.rows[i].rel;
            return SPC_OK;
        }
    return spc_error_set(err, SPC_ERR_USAGE, "--target %s: no %s/%s in the chain study's results", t->name, t->scope,
                         t->metric);
}

int spc_target_met(const spc_target *t, const spc_estimate *e)
{
    if (t->sd > 0 && fabs(e->mean - t->value) <= t->sd)
        return 1;
    if (isfinite(e->lo) && isfinite(e->hi))
        return e->lo <= t->value && t->value <= e->hi;
    return e->mean == t->value;
}

double spc_target_weight(const spc_target *t)
{
    return t->sd > 0 ? t->sd : t->value != 0 ? fabs(t->value) : 1.0;
}
