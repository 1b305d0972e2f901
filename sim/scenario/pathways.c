/* pathways.c -- the pathways' names (pathways.h). */
#include "spcsim/pathways.h"

const char *const spc_pathway_names[SPC_PW_N] = { "courtesy", "speed", "accuracy", "continuity", "recovery" };
