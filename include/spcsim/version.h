/* version.h -- the program's version. */
#ifndef SPCSIM_VERSION_H
#define SPCSIM_VERSION_H
#define SPC_VERSION "0.2.0"
#endif
