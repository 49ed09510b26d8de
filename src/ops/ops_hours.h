/*
** ops_hours.h — an organisation's business hours, and business time
** between two instants (pure: no I/O, no store).
**
** Opening hours are given per ISO weekday as intervals of local wall-clock
** time ("08:00"–"17:00"; a day may have several, e.g. closed for lunch)
** and are versioned by date: a version holds from its first day until the
** next version begins (the first version also covers the days before it).
** A day is closed when it is a public holiday or a day treated as one
** (midsommarafton, julafton, nyårsafton; base/calendar.h) or one of the
** organisation's own days off; otherwise its weekday's intervals apply,
** Saturdays and Sundays included when the version gives them hours.
**
** Business time is measured on one monotone clock: ops_bt(c, t) is the
** number of business seconds from a fixed origin to instant t, so the
** business time between a and b is ops_bt(c, b) - ops_bt(c, a). An opening
** interval is converted to instants with the Stockholm rule of that day,
** so a 00:00–24:00 day is 23 hours long in spring and 25 in autumn, and
** ordinary hours are never touched by the changes (they happen at night).
*/
#ifndef STYR_OPS_HOURS_H
#define STYR_OPS_HOURS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"

#define OPS_MAX_SPANS 4   /* opening intervals per weekday */

struct ops_span {
	int open, close;      /* minutes after local midnight; close may be 1440 */
};

struct ops_week {
	struct ops_span span[7][OPS_MAX_SPANS]; /* [weekday - 1] */
	int n[7];
};

struct ops_hours_version {
	struct date from;
	struct ops_week week;
};

struct ops_calendar {
	struct ops_hours_version *versions; /* by from, ascending; owned */
	size_t nversions;
	struct date *days_off;              /* sorted; owned */
	size_t ndays_off;
	bool standard;                      /* no versions given: Mon–Fri 08–17 */
	/* cache over the local days [first, first + ndays): each day's
	** midnight and opening intervals as instants, and the business seconds
	** before it counted from the origin day (the first day ever cached) */
	int32_t first, origin;
	size_t ndays;
	int64_t *cum;                       /* ndays + 1 */
	int64_t *mid;                       /* ndays + 1 midnights */
	int64_t (*iv)[OPS_MAX_SPANS][2];    /* ndays */
	uint8_t *niv;                       /* ndays */
};

/* An empty calendar: until a version is added, Monday–Friday 08:00–17:00
** (said so by c->standard). */
void ops_calendar_init(struct ops_calendar *c);
void ops_calendar_release(struct ops_calendar *c);

/* Add the opening interval open–close ("HH:MM" as minutes) for weekday
** (1 = Monday) to the version beginning on `from` (made when new). False
** when the interval is empty, overlaps another of that weekday, or the
** weekday already has OPS_MAX_SPANS. Versions may be added in any order. */
bool ops_calendar_add_hours(struct ops_calendar *c, struct date from, int weekday,
                            int open, int close);

/* Add one of the organisation's own days off. */
void ops_calendar_add_day_off(struct ops_calendar *c, struct date d);

/* Parse "HH:MM" (00:00–24:00) into minutes; false when it is not one. */
bool ops_hhmm_parse(const char *s, int *minutes);

/* Whether day d is closed as a holiday, eve or day off. */
bool ops_calendar_closed(const struct ops_calendar *c, struct date d);

/* Business seconds of local day d (0 when closed). */
int64_t ops_calendar_day_seconds(struct ops_calendar *c, struct date d);

/* A day with business hours. */
bool ops_calendar_is_working_day(struct ops_calendar *c, struct date d);

/* The n-th working day after d (n >= 1; d itself does not count). */
struct date ops_calendar_add_working_days(struct ops_calendar *c, struct date d, int n);

/* Business seconds from the calendar's origin to instant t (monotone,
** non-decreasing in t). Extends the cache as needed. */
int64_t ops_bt(struct ops_calendar *c, int64_t t);

/* Business seconds between a and b (0 when b <= a). */
int64_t ops_bt_between(struct ops_calendar *c, int64_t a, int64_t b);

#endif
