/*
 * buildinfo.h -- what this program was built from, for run.json: the
 * commit (`git describe --always --dirty`, captured by the Makefile at build
 * time as -DSPC_COMMIT; "unknown" outside a git checkout), the
 * compiler and the GSL headers it was compiled against. Each is a string
 * constant fixed at compile time; nothing here is mutable.
 */
#ifndef SPCSIM_BUILDINFO_H
#define SPCSIM_BUILDINFO_H

/* "4fc45cc", "v0.2.0-3-g4fc45cc-dirty", or "unknown". */
const char *spc_buildinfo_commit(void);

/* The compiler's name and __VERSION__: "gcc 12.2.0", "Debian Clang 14.0.6". */
const char *spc_buildinfo_compiler(void);

/* GSL_VERSION of the headers compiled against: "2.7.1". */
const char *spc_buildinfo_gsl(void);

#endif
