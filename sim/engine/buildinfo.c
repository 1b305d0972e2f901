/*
 * buildinfo.c -- the commit, compiler and GSL version this program was
 * built from (buildinfo.h).
 *
 * The commit comes from -DSPC_COMMIT="...", which the Makefile gives this
 * file alone and recompiles it with only when `git describe` changes (a
 * stamp file in the build folder). Built without it, it is "unknown".
 */
#include "spcsim/buildinfo.h"

#include <gsl/gsl_version.h>

#ifndef SPC_COMMIT
#define SPC_COMMIT "unknown"
#endif

const char *spc_buildinfo_commit(void)
{
    return SPC_COMMIT;
}

const char *spc_buildinfo_compiler(void)
{
#if defined(__clang__)
    return __VERSION__; /* "Clang 14.0.6" or "Debian Clang 14.0.6": it names itself */
#elif defined(__GNUC__)
    return "gcc " __VERSION__;
#elif defined(__VERSION__)
    return __VERSION__;
#else
    return "unknown";
#endif
}

const char *spc_buildinfo_gsl(void)
{
    return GSL_VERSION;
}
