/* plot_study.c -- compare, sweep and chain figures (filled in below). */
#include "plot_gp.h"

spc_status plot_compare(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    (void)d; (void)out; (void)set;
    return err->code;
}
spc_status plot_sweep(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    (void)d; (void)out; (void)set;
    return err->code;
}
spc_status plot_chain(const spc_outdir *d, spc_output *out, spc_plot_set *set, spc_error *err)
{
    (void)d; (void)out; (void)set;
    return err->code;
}
