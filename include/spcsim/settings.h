/*
 * settings.h -- one declaration per setting of a scenario.
 *
 * Every setting a scenario file may hold is declared once, in the table of
 * sim/scenario/settings.c: its path, kind, where it lives in spc_scenario
 * (or in spc_stage_spec for "stages.[].KEY"), its default as a user would
 * write it, its range, unit, whether an intervention may change it, its
 * source (a reference of docs/model.md, or "assumption") and one line of
 * description. The section readers take defaults, types, ranges and the
 * list of known keys from it; the resolved-file writer writes from it, in
 * its order and with its layout hints; `spcsim settings` lists it; the
 * tests walk it (round trip, ranges, docs).
 *
 * Groups are declared too (kind SPC_SET_GROUP), so that a group's known
 * keys are exactly its declared members.
 */
#ifndef SPCSIM_SETTINGS_H
#define SPCSIM_SETTINGS_H

#include <stddef.h>
#include <stdio.h>

#include "spcsim/scenario.h"

/* The finite upper bounds of settings that have no natural one, in the
 * scenario's time unit (docs/scenario-reference.md 3): beyond them a double
 * clock no longer resolves the events of a run, or a sum of money loses its
 * cents. */
#define SPC_DURATION_MAX 1e9 /* time units */
#define SPC_RATE_MAX 1e9     /* per time unit */
#define SPC_AMOUNT_MAX 1e12  /* currency, and currency per time unit */
#define SPC_WEIGHT_MAX 1e12  /* a relative weight of an empirical distribution */

typedef enum {
    SPC_SET_GROUP,      /* a group { ... } of declared members */
    SPC_SET_NUMBER,     /* double */
    SPC_SET_WHOLE,      /* double holding a whole number ("whole number of UNIT") */
    SPC_SET_COUNT,      /* int, written as a number, must be whole */
    SPC_SET_INT,        /* int, an integer setting */
    SPC_SET_LONG,       /* long, an integer setting */
    SPC_SET_SEED,       /* uint64_t, an integer setting written with L */
    SPC_SET_FLAG,       /* int, true or false */
    SPC_SET_DURATION,   /* double, in time units ("15min") */
    SPC_SET_NEVER,      /* double, a duration or "never" (INFINITY) */
    SPC_SET_RATE,       /* double, per time unit ("9/h") */
    SPC_SET_STRING,     /* char *, checked by its reader */
    SPC_SET_ENUM,       /* one of a few words; read and written by custom code */
    SPC_SET_STAGE,      /* int, a stage index, named by the stage's name */
    SPC_SET_DIST,       /* spc_dist, a distribution group (custom code) */
    SPC_SET_ROUTING,    /* routing of a stage (custom code) */
    SPC_SET_SCHEDULE,   /* arrival schedule (custom code) */
    SPC_SET_LIST        /* a list of groups (stages, interventions; custom code) */
} spc_setting_kind;

/* Where the field lives: offset into spc_scenario, or into spc_stage_spec. */
typedef enum { SPC_IN_SCENARIO, SPC_IN_STAGE } spc_setting_base;

/* Layout hints of the resolved file. */
enum {
    SPC_LAY_BREAK = 1,   /* a line break (and the indent) before this member */
    SPC_LAY_BLOCK = 2,   /* group: members on their own lines (but see JOIN), the closing } too */
    SPC_LAY_JOIN = 4,    /* in a block group: stay on the line of the member before */
    SPC_LAY_OPTIONAL = 8 /* an integer below its range means "none": not written */
};

#define SPC_SET_NO_FIELD ((size_t)-1)

typedef struct {
    const char *path;       /* "workforce.satisfaction.w_isq", "stages.[].salary" */
    spc_setting_kind kind;
    spc_setting_base base;
    size_t offset;          /* of the value; SPC_SET_NO_FIELD for custom kinds without one */
    const char *def;        /* default as a user writes it ("4w", "0.5", "never", "true");
                             * NULL: required, or computed (see computed) */
    const char *computed;   /* how a computed default is found, or NULL */
    double lo, hi;          /* range (numbers, durations, rates, integers) */
    int lo_open;            /* 1: lo itself is excluded */
    const char *unit;       /* as shown to a reader: "points 0-100", "time", "per time" */
    int intervention;       /* 1: an intervention may change it */
    const char *source;     /* "Oliva & Sterman 2001", "assumption", "scenario", ... */
    const char *text;       /* one line of description */
    const char *doc;        /* the meaning in the reference's per-group tables (Markdown,
                             * symbols and labels of docs/model.md); NULL: text */
    const char *allowed;    /* what the range does not say, as the reference shows it
                             * ("< `horizon`", "a stage name", "see 3.7"), or NULL */
    unsigned layout;        /* SPC_LAY_* */
    size_t present;         /* offset of an int: the group is written only when it is
                             * >= present_min (0 taken as 1), and reading the group sets
                             * it to 1 (present_min <= 1); 0: always there */
    int present_min;
    const char *words;      /* SPC_SET_ENUM with a field: the words, by value ("replace freeze") */
    const char *example;    /* a valid non-default value (--set syntax) for the tests,
                             * for kinds they cannot derive one for; else NULL */
    double pspread;         /* an assumption's plausible range, for `spcsim sensitivity`:
                             * > 0: the scenario's value +- pspread (a level on a bounded
                             * scale); 0: the value x [1/2, 3/2] (spc_settings_plausible) */
    const char *preason;    /* why pspread, when it is set */
} spc_setting;

/* The table, in the order of the resolved file. */
const spc_setting *spc_settings_table(size_t *n);

/* The declaration of `path` ("stages.[2].salary" finds "stages.[].salary"), or NULL. */
const spc_setting *spc_settings_find(const char *path);

/* The value's address in sc (stage: in sc->stages[stage]); NULL without one. */
void *spc_settings_field(const spc_setting *s, spc_scenario *sc, size_t stage);
const void *spc_settings_cfield(const spc_setting *s, const spc_scenario *sc, size_t stage);

/* The setting's key (last part of its path) and its group's path
 * ("workforce.levers.pay": "pay" and "workforce.levers"; "name": "name" and ""). */
const char *spc_settings_key(const spc_setting *s);
int spc_settings_in_group(const spc_setting *s, const char *group);

/* A scalar kind: read, range-checked and written by the table alone. */
int spc_settings_is_scalar(spc_setting_kind k);

/* The value at field as a double, and back (by the kind's storage type). */
double spc_settings_value(const spc_setting *s, const void *field);
void spc_settings_store(const spc_setting *s, void *field, double v);

/* The plausible range of assumption s around its value v in a scenario:
 * v +- s->pspread when that is set, else [v/2, 3v/2] (a number we chose
 * could as well be half or half again as large), clipped to [lo, hi] (an
 * open lo is not reached). 0 when there is none: v is 0 (a mechanism
 * switched off stays off) or not finite, or the clipped range is empty. */
int spc_settings_plausible(const spc_setting *s, double v, double *plo, double *phi);

/* Index of word in the space-separated `words`, or -1. */
int spc_settings_word(const char *words, const char *word);

/* The default of a scalar setting read at the time unit (seconds per
 * unit): 1, or 0 when it has none as text (required, or computed). */
int spc_settings_default(const spc_setting *s, double unit, double *v);

/* Sets every declared default of the settings under `group` (and its
 * subgroups; "" is the top level alone) whose default is a text. base: the scenario, or the stage for
 * "stages.[]". unit: seconds per time unit. */
void spc_settings_defaults(const char *group, void *base, double unit);

/* The range as a reader sees it: "[0, 10]", "(0, 1]", ">= 0", "> 0", or "". */
void spc_settings_range_text(const spc_setting *s, char *buf, size_t size);

/* Writes the table: a plain listing, or Markdown (the table of every
 * setting, section 3.9 of docs/scenario-reference.md). 0 or -1. */
int spc_settings_list(FILE *out, int markdown);

/* One table of docs/scenario-reference.md: the members of `group` ("." the
 * top level), or only those named in `keys` (space-separated, or NULL),
 * with the columns setting, type, unit, default, allowed, meaning; group
 * "all": the table of every setting (spc_settings_list). 0, or -1 when
 * the group has no such member or out cannot be written. */
int spc_settings_markdown(FILE *out, const char *group, const char *keys);

/* The markers of a generated block: SPC_SETTINGS_BEGIN "GROUP [KEY...] -->"
 * on a line of its own, then the table, then SPC_SETTINGS_END. */
#define SPC_SETTINGS_BEGIN "<!-- settings: "
#define SPC_SETTINGS_END "<!-- /settings -->"

/* `doc` with every marked block regenerated by spc_settings_markdown: a new
 * string (the caller frees it), or NULL with the reason in why (a block
 * without its end, a group or key that is not declared). */
char *spc_settings_fill(const char *doc, char *why, size_t size);

#endif
