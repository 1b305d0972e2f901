/* report.c -- report.html (stub) */
#include "spcsim/report.h"
spc_status spc_report_write(const spc_outdir *d, const spc_plot_set *set, const char *note, spc_error *err)
{
    (void)d; (void)set; (void)note;
    return err->code;
}
