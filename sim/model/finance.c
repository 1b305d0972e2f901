/*
 * finance.c -- the ledger (finance.h). Equations (docs/model.md, "Finance"):
 *
 *   (L1) each line = price or unit cost x the change of its driver since the
 *        last close, rounded to whole cents:
 *          orders: price x purchases     services: fee x service requests
 *          COGS: cogs x purchases        wages: salaries for time present
 *          overtime: premium x overtime at the base rate
 *          hiring: cost x hires          turnover: quit cost (workforce)
 *          rework: cost x rework services  refunds: refund x defect claims
 *          acquisition: cost x acquired + referral cost x referred
 *          programmes: recognition cost x recognition lever x person-years,
 *                      integrated by the workforce with the values in force at each moment
 *          fixed: rate x period length
 *   (L2) revenue = orders + services;  costs = the sum of the cost lines
 *   (L3) profit = revenue - costs, exactly (integers)
 *   (L4) growth = 100 (R2 / R1 - 1), R1 and R2 the revenue of the first and
 *        second half of the observed periods (the middle one left out when
 *        their number is odd)
 */
#include "spcsim/finance.h"

#include <math.h>
#include <stdlib.h>

static int64_t cents(double amount)
{
    return (int64_t)llround(amount * 100.0);
}

void spc_ledger_init(spc_ledger *l, const spc_finance_spec *spec)
{
    *l = (spc_ledger){ .spec = spec };
}

void spc_ledger_release(spc_ledger *l)
{
    free(l->revenue);
    l->revenue = NULL;
}

void spc_ledger_apply(spc_ledger *l, const spc_finance_spec *spec)
{
    l->spec = spec;
}

static void derive(spc_ledger_period *p)
{
    p->revenue = p->costs = 0;
    for (int k = 0; k < SPC_L_NLINES; k++) {
        if (k < SPC_L_NREVENUE)
            p->revenue += p->line[k];
        else
            p->costs += p->line[k];
    }
    p->profit = p->revenue - p->costs;
}

int spc_ledger_close(spc_ledger *l, const spc_ledger_inputs *in, spc_ledger_period *out)
{
    const spc_finance_spec *f = l->spec;
    const spc_ledger_inputs *a = &l->last;
    double purchases = in->cust.purchases - a->cust.purchases;
    int64_t *x = out->line;
    x[SPC_L_REV_ORDERS] = cents(f->price * purchases);
    x[SPC_L_REV_SERVICES] = cents(f->service_fee * (in->cust.services - a->cust.services));
    x[SPC_L_COGS] = cents(f->cogs * purchases);
    x[SPC_L_WAGES] = cents(in->wf.wages - a->wf.wages);
    x[SPC_L_OVERTIME] = cents(f->overtime_premium * (in->wf.overtime - a->wf.overtime));
    x[SPC_L_HIRING] = cents(f->hiring_cost * (in->wf.hires - a->wf.hires));
    x[SPC_L_TURNOVER] = cents(in->wf.turnover - a->wf.turnover);
    x[SPC_L_REWORK] = cents(f->rework_cost * (in->rework - a->rework));
    x[SPC_L_REFUNDS] = cents(f->refund * (in->cust.claims - a->cust.claims));
    x[SPC_L_ACQUISITION] = cents(f->acquisition_cost * (in->cust.acquired - a->cust.acquired) +
                                 f->referral_cost * (in->cust.referred - a->cust.referred));
    x[SPC_L_PROGRAMMES] = cents(in->wf.programmes - a->wf.programmes);
    x[SPC_L_FIXED] = cents(f->fixed * (in->time - a->time));
    x[SPC_L_CONTACTS] = cents(in->cust.contacts - a->cust.contacts);
    l->contacts_on |= in->cust.contacts_on;
    x[SPC_L_CHANNELS] = cents(in->cust.channels - a->cust.channels);
    l->channels_on |= in->cust.channels_on;
    derive(out);
    l->last = *in;
    if (in->time > l->t_stats) {
        for (int k = 0; k < SPC_L_NLINES; k++)
            l->window.line[k] += x[k];
        derive(&l->window);
        if (l->nrev == l->caprev) {
            size_t cap = l->caprev ? 2 * l->caprev : 64;
            double *r = realloc(l->revenue, cap * sizeof *r);
            if (r == NULL)
                return -1;
            l->revenue = r;
            l->caprev = cap;
        }
        l->revenue[l->nrev++] = (double)out->revenue / 100.0;
    }
    return 0;
}

void spc_ledger_fill(const spc_ledger_period *p, const spc_ledger *l, spc_ts_row *r)
{
    static const int col[SPC_L_NLINES] = {
        SPC_TS_REVENUE_ORDERS, SPC_TS_REVENUE_SERVICES, SPC_TS_COGS, SPC_TS_WAGES, SPC_TS_OVERTIME_PAY,
        SPC_TS_HIRING_COST, SPC_TS_TURNOVER_COST, SPC_TS_REWORK_COST, SPC_TS_REFUNDS,
        SPC_TS_ACQUISITION_COST, SPC_TS_PROGRAMME_COST, SPC_TS_FIXED_COST, SPC_TS_CONTACT_COST,
        SPC_TS_CHANNEL_COST,
    };
    for (int k = 0; k < SPC_L_NLINES; k++)
        r->v[col[k]] = (double)p->line[k] / 100.0;
    if (!l->contacts_on)
        r->v[SPC_TS_CONTACT_COST] = NAN;
    if (!l->channels_on)
        r->v[SPC_TS_CHANNEL_COST] = NAN; /* optional too: only with channels */ /* an optional column: only with the mechanisms on */
    r->v[SPC_TS_REVENUE] = (double)p->revenue / 100.0;
    r->v[SPC_TS_COSTS] = (double)p->costs / 100.0;
    r->v[SPC_TS_PROFIT] = (double)p->profit / 100.0;
    r->v[SPC_TS_MARGIN] = p->revenue != 0 ? 100.0 * (double)p->profit / (double)p->revenue : NAN;
}

void spc_ledger_start_stats(spc_ledger *l, double now)
{
    l->t_stats = now;
    l->window = (spc_ledger_period){ 0 };
    l->nrev = 0;
}

double spc_ledger_growth(const double *revenue, size_t n)
{
    size_t h = n / 2;
    if (h == 0)
        return NAN;
    double r1 = 0, r2 = 0;
    for (size_t i = 0; i < h; i++) {
        r1 += revenue[i];
        r2 += revenue[n - h + i];
    }
    return r1 > 0 ? 100.0 * (r2 / r1 - 1.0) : NAN;
}

spc_status spc_ledger_collect(const spc_ledger *l, spc_results *out, spc_error *err)
{
    static const char *const names[SPC_L_NLINES] = {
        "revenue_orders", "revenue_services", "cogs", "wages", "overtime_pay", "hiring_cost",
        "turnover_cost", "rework_cost", "refunds", "acquisition_cost", "programme_cost", "fixed_cost",
        "contact_cost", "channel_cost",
    };
    const spc_ledger_period *w = &l->window;
    int rc = 0;
    rc |= spc_results_add(out, "finance", "revenue", (spc_estimate){ (double)w->revenue / 100.0, NAN, NAN, 1 });
    rc |= spc_results_add(out, "finance", "costs", (spc_estimate){ (double)w->costs / 100.0, NAN, NAN, 1 });
    rc |= spc_results_add(out, "finance", "profit", (spc_estimate){ (double)w->profit / 100.0, NAN, NAN, 1 });
    double margin = w->revenue != 0 ? 100.0 * (double)w->profit / (double)w->revenue : NAN;
    rc |= spc_results_add(out, "finance", "margin", (spc_estimate){ margin, NAN, NAN, 1 });
    rc |= spc_results_add(out, "finance", "revenue_growth",
                          (spc_estimate){ spc_ledger_growth(l->revenue, l->nrev), NAN, NAN, 1 });
    for (int k = 0; k < SPC_L_NLINES; k++)
        if ((k != SPC_L_CONTACTS || l->contacts_on) && (k != SPC_L_CHANNELS || l->channels_on))
            rc |= spc_results_add(out, "finance", names[k], (spc_estimate){ (double)w->line[k] / 100.0, NAN, NAN, 1 });
    return rc ? spc_error_set(err, SPC_ERR_INTERNAL, "out of memory for results") : SPC_OK;
}
