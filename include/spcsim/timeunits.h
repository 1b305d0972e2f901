/*
 * timeunits.h -- durations and rates with units.
 *
 * A scenario has one time unit (s, min, h, d or w); every duration and rate
 * inside the simulator is in that unit. Durations may be written as numbers
 * (already in the unit) or as strings with a unit: "90s", "15min", "8h",
 * "3d", "2w" (1 d = 24 h, 1 w = 7 d: calendar time). Rates may be numbers
 * (per time unit) or strings "N/unit": "9/h", "120/d".
 */
#ifndef SPCSIM_TIMEUNITS_H
#define SPCSIM_TIMEUNITS_H

/* Seconds in a time unit name; 0 if the name is unknown. */
double spc_timeunit_seconds(const char *unit);

/* "15min" -> 0.25 when unit_seconds is 3600. Returns 0, or -1 when the
 * text is not a number followed by an optional known unit. */
int spc_timeunit_duration(const char *text, double unit_seconds, double *out);

/* "9/h" -> 9 per hour, in per-time-unit. Returns 0 or -1. */
int spc_timeunit_rate(const char *text, double unit_seconds, double *out);

#endif
